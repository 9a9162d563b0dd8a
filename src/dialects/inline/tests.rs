use super::*;

fn scan(line: &str) -> Vec<(Kind, &str, String)> {
    let mut out = Vec::new();
    scan_line(line, 0..line.len(), line.starts_with('#'), &mut out);
    out.into_iter()
        .map(|c| (c.kind, &line[c.range], c.replacement))
        .collect()
}

#[test]
fn shortcodes_and_templates() {
    let found = scan("a {{< new-in 0.1 >}} b {{% note %}}c{{% /note %}} {% if x %}d {{ page.x }}");
    let kinds: Vec<(Kind, &str)> = found.iter().map(|(k, t, _)| (*k, *t)).collect();
    assert_eq!(
        kinds,
        [
            (Kind::Shortcode, "{{< new-in 0.1 >}}"),
            (Kind::Shortcode, "{{% note %}}"),
            (Kind::Shortcode, "{{% /note %}}"),
            (Kind::Template, "{% if x %}"),
            (Kind::Template, "{{ page.x }}"),
        ]
    );
    assert!(found.iter().all(|(_, _, r)| r.is_empty()));
}

#[test]
fn a_shortcode_that_shows_a_file_inside_a_line_is_its_markdown() {
    let found = scan(
        "[{{< img src=\"cover.png\" alt=\"The cover\" filter=\"process\">}}](https://x.example/) \
         and {{< figure src=\"/a b.png\" caption=\"A\" >}}, {{< youtube id=\"w7Ft2ymGmfc\" >}}.",
    );
    assert_eq!(
        found,
        [
            (
                Kind::Mapped,
                "{{< img src=\"cover.png\" alt=\"The cover\" filter=\"process\">}}",
                "![The cover](<cover.png>)".to_owned()
            ),
            (
                Kind::Mapped,
                "{{< figure src=\"/a b.png\" caption=\"A\" >}}",
                "![A](</a b.png>) *A*".to_owned()
            ),
            (
                Kind::Mapped,
                "{{< youtube id=\"w7Ft2ymGmfc\" >}}",
                "[https\\:\\/\\/www\\.youtube\\.com\\/watch\\?v\\=w7Ft2ymGmfc](<https://www.youtube.com/watch?v=w7Ft2ymGmfc>)"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn code_spans_are_left_alone() {
    assert!(scan("`{{< x >}}` and ``a ` {% y %}``").is_empty());
    // An unclosed backtick is a backtick.
    assert_eq!(scan("` {{ x }}").len(), 1);
}

#[test]
fn emoji_and_icons_are_shown_as_emoji_outside_code() {
    assert_eq!(
        scan("[:x:][_emoji] `:x:` :material-clock:{ .lg .middle } 10:30:00"),
        [
            (Kind::Mapped, ":x:", "❌".to_owned()),
            (Kind::Hidden, ":material-clock:", String::new()),
            (Kind::Mapped, "{ .lg .middle }", String::new()),
        ]
    );
}

#[test]
fn attribute_lists_are_dropped_outside_headings() {
    for (line, list) in [
        (
            "[Go](x.md){ .md-button .md-button--primary }",
            "{ .md-button .md-button--primary }",
        ),
        ("[Source][_emoji]{: .source-link }", "{: .source-link }"),
        ("{.note}", "{.note}"),
        // MkDocs Material's annotations page: a quoted value with a space.
        (
            "{ .annotate style=\"margin-bottom: 0\" }",
            "{ .annotate style=\"margin-bottom: 0\" }",
        ),
    ] {
        assert_eq!(scan(line), [(Kind::Mapped, list, String::new())], "{line}");
    }
    for text in [
        "a {b} c",
        "{ }",
        "{.}",
        "x {.a b}",
        "{ .a",
        "{a=<b>}",
        "\\sum_{c=1}^{M}",
        "x{.y}",
    ] {
        assert_eq!(scan(text), [], "{text}");
    }
    let mut found = Vec::new();
    scan_line("## Title {#id .c}", 0..17, true, &mut found);
    assert!(found.is_empty());
}

#[test]
fn an_attribute_list_with_an_id_leaves_an_anchor_where_it_stands() {
    for (line, list, anchor) in [
        (
            "![a](b.png){ width=\"300\" #fig }",
            "{ width=\"300\" #fig }",
            "fig",
        ),
        (
            "* **retries:**{#retries} how often",
            "{#retries}",
            "retries",
        ),
        ("Ends here. {: #end .x }", "{: #end .x }", "end"),
        // mkdocs-autorefs's anchor: the empty link goes with its list.
        (
            "* **timeout:**[](){#timeout} in seconds",
            "[](){#timeout}",
            "timeout",
        ),
        ("[](){ #a #b }", "[](){ #a #b }", "b"),
    ] {
        let shown = format!("<a id=\"{anchor}\"></a>");
        assert_eq!(scan(line), [(Kind::Mapped, list, shown)], "{line}");
    }
    // An escaped bracket is text, not the empty link.
    assert_eq!(
        scan("\\[](){#x}"),
        [(Kind::Mapped, "{#x}", "<a id=\"x\"></a>".to_owned())]
    );
}

#[test]
fn mapped_constructs() {
    assert_eq!(
        scan("[x]({{< ref \"install.md\" >}})"),
        [(
            Kind::Mapped,
            "{{< ref \"install.md\" >}}",
            "install.md".to_owned()
        )]
    );
    assert_eq!(
        scan("{{</* shortcode x */>}}"),
        [(
            Kind::Mapped,
            "{{</* shortcode x */>}}",
            "{{< shortcode x >}}".to_owned()
        )]
    );
    assert_eq!(
        scan("## Title {/* #custom-id */}"),
        [(
            Kind::Mapped,
            "{/* #custom-id */}",
            "{#custom-id}".to_owned()
        )]
    );
    assert_eq!(
        scan("text {/* a comment */} more"),
        [(Kind::Hidden, "{/* a comment */}", String::new())]
    );
}

#[test]
fn jsx_components_but_not_html() {
    let found = scan(
        r#"<Tabs groupId="x" render={() => <b>a</b>}> <b>bold</b> <Note /> </Tabs> <Details> <Tabs.Item> <>"#,
    );
    let tags: Vec<&str> = found.iter().map(|(_, t, _)| *t).collect();
    assert_eq!(
        tags,
        [
            r#"<Tabs groupId="x" render={() => <b>a</b>}>"#,
            "<Note />",
            "</Tabs>",
            "<Tabs.Item>",
            "<>"
        ]
    );
    assert!(scan("a < b and <Foo").is_empty());
    // Python-Markdown's docs: the maintainers' address was left out.
    assert!(
        scan("<python.markdown@gmail.com> <Ann.Lee@example.com> <HTTPS://example.com>").is_empty()
    );
}

#[test]
fn expressions_balance_braces_and_skip_strings() {
    let text = "{a: {b: '}'}, c: \"{\"} rest";
    assert_eq!(
        expression_end(text, 0, text.len()),
        Some(text.find(" rest").unwrap())
    );
    assert_eq!(expression_end("{ open", 0, 6), None);
}

#[test]
fn a_backslash_escape_starts_nothing() {
    // mdBook's `rust::Box\<T\>` (cxx's book) is text, as in every
    // CommonMark tool: no tag to leave out of a title or a link's text.
    assert!(scan("# rust::Box\\<T\\>").is_empty());
    assert!(scan("[UniquePtr\\<T\\>](uniqueptr.md) \\:smile: \\{{ x }}").is_empty());
    // An escaped backslash escapes nothing after it.
    assert_eq!(scan("a\\\\<Tabs>").len(), 1);
}

#[test]
fn an_mdbook_page_title_is_left_out_quietly() {
    // cxx's book opens 27 pages with one; each was a warning.
    assert_eq!(
        scan("{{#title rust::Box<T> — Rust ♡ C++}}"),
        [(
            Kind::Hidden,
            "{{#title rust::Box<T> — Rust ♡ C++}}",
            String::new()
        )]
    );
    assert_eq!(scan("{{#PROJECT_VERSION}}")[0].0, Kind::Template);
}

#[test]
fn a_table_of_contents_component_is_left_out_quietly() {
    let found = scan("<TOC/> <TOCInline toc={toc} maxHeadingLevel={2} /> <Tabs>");
    let kinds: Vec<(Kind, &str)> = found.iter().map(|(k, t, _)| (*k, *t)).collect();
    assert_eq!(
        kinds,
        [
            (Kind::Hidden, "<TOC/>"),
            (Kind::Hidden, "<TOCInline toc={toc} maxHeadingLevel={2} />"),
            (Kind::Jsx, "<Tabs>"),
        ]
    );
}

#[test]
fn html_comments_are_left_alone() {
    assert!(scan("<!-- **Level:** {{ page.level }} <Badge /> -->").is_empty());
    let found = scan("a <!-- {{ x }} --> {{ y }} <!-- {% z");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "{{ y }}");
}

#[test]
fn icons_that_mean_yes_or_no_show_their_mark() {
    let found = scan(
        "| <CheckIcon /> | <CrossIcon/> (soon) | <Icon icon=\"x\" /> | <QuestionIcon/> | <CheckIcon> |",
    );
    let shown: Vec<(Kind, &str, &str)> =
        found.iter().map(|(k, t, r)| (*k, *t, r.as_str())).collect();
    assert_eq!(
        shown,
        [
            (Kind::Mapped, "<CheckIcon />", "✓"),
            (Kind::Mapped, "<CrossIcon/>", "✗"),
            (Kind::Mapped, "<Icon icon=\"x\" />", "✗"),
            (Kind::Jsx, "<QuestionIcon/>", ""),
            (Kind::Jsx, "<CheckIcon>", ""),
        ]
    );
}

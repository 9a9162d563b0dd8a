//! Tests of what no input may make the dialects do: nest without end, read
//! includes inside code, lose text; and generated inputs.

use super::*;

mod proptests {
    use super::*;
    use proptest::prelude::*;

    fn dialect_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("!!! note \"t\"\n".to_owned()),
            Just("??? tip\n".to_owned()),
            Just("    ".to_owned()),
            Just(":::tip\n".to_owned()),
            Just(":::\n".to_owned()),
            Just("=== \"a\"\n".to_owned()),
            Just("```\n".to_owned()),
            Just("{{< x >}}".to_owned()),
            Just("{{% /y %}}".to_owned()),
            Just("{% if %}".to_owned()),
            Just("{/* #id */}".to_owned()),
            Just("<Tabs\n".to_owned()),
            Just("/>".to_owned()),
            Just("import a from 'b'\n".to_owned()),
            Just("{\n".to_owned()),
            Just("}\n".to_owned()),
            Just("<!--".to_owned()),
            Just("`".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("\t".to_owned()),
            "[a-zé# ]{0,6}",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_offset_maps_inside_the_body_in_order(
            body in prop_oneof![dialect_like(), any::<String>()],
            is_mdx: bool,
        ) {
            let prepared = prepare(&body, is_mdx);
            let out = prepared.text();
            let mut last = 0;
            for offset in 0..=out.len() {
                let source = prepared.source_offset(offset);
                prop_assert!(source <= body.len());
                prop_assert!(source >= last, "offsets go back at {offset}");
                last = source;
            }
            for warning in prepared.warnings(Path::new("a.md"), &body, 0) {
                prop_assert!(warning.span.end <= body.len());
            }
        }
    }
}

#[test]
fn unclosed_containers_nest_no_deeper_than_the_limit() {
    for opener in [":::note\nx\n", "::: warning\nx\n"] {
        let body = opener.repeat(2000);
        let prepared = prepare(&body, false);
        let deepest = prepared
            .text()
            .lines()
            .map(|l| l.matches("> ").count())
            .max()
            .unwrap();
        assert_eq!(deepest, lines::MAX_NESTING, "{opener:?}");
        // Linear: each line gains at most the limit's quote markers.
        assert!(
            prepared.text().len() <= body.len() * (2 * lines::MAX_NESTING + 2),
            "{} bytes from {}",
            prepared.text().len(),
            body.len()
        );
        let warnings = prepared.warnings(Path::new("a.md"), &body, 0);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let first = lines::MAX_NESTING * opener.len();
        assert_eq!(warnings[0].span.start, first, "{warnings:?}");
        assert!(
            warnings[0]
                .message
                .contains("nested more than 16 deep shown as text"),
            "{warnings:?}"
        );
    }
}

#[test]
fn a_closer_of_a_too_deep_container_is_text_too() {
    let open = ":::note\n".repeat(lines::MAX_NESTING);
    let body = format!("{open}:::tip\ninner\n:::\nstill in the note\n");
    let text = text(&body);
    let last = text.lines().last().unwrap();
    assert_eq!(last.matches("> ").count(), lines::MAX_NESTING, "{text}");
}

#[test]
fn deep_mkdocs_admonitions_and_tabs_stop_at_the_limit() {
    let mut body = String::new();
    for depth in 0..(lines::MAX_NESTING + 4) {
        let indent = "    ".repeat(depth);
        let marker = if depth % 2 == 0 {
            "!!! note"
        } else {
            "=== \"Tab\""
        };
        body.push_str(&format!("{indent}{marker}\n\n"));
    }
    let prepared = prepare(&body, false);
    assert_eq!(prepared.warnings(Path::new("a.md"), &body, 0).len(), 1);
}

#[test]
fn file_includes_are_left_out_in_code_too() {
    // FastAPI's docs (markdown-include), mkdocstrings' (PyMdown's snippets)
    // and the PyO3 guide (mdBook) showed these lines as written, in code
    // blocks and in text.
    let body = "Intro\n\n--8<-- \"README.md\"\n\n```Python hl_lines=\"1\"\n{!../../../docs_src/app.py!}\n```\n\n=== \"Python 3.10+\"\n\n    ```Python\n    {!> ../docs_src/app_py310.py!}\n    ```\n\n```rust\nfn main() {}\n{{#include ../listings/lib.rs}}\n```\n\n-8<-\nLICENSE\n-8<-\n\nKept: ;--8<-- \"x\", `--8<-- \"y\"` and {!x!} in text.\n";
    let prepared = prepare(body, false);
    assert_eq!(
        prepared.text(),
        "Intro\n\n\n\n\n\n\n\n**Python 3\\.10\\+**\n\n\n\n\n\n\n```rust\nfn main() {}\n\n```\n\n\n\n\n\nKept: ;--8<-- \"x\", `--8<-- \"y\"` and {!x!} in text.\n"
    );
    let warnings = prepared.warnings(Path::new("a.md"), body, 0);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        warnings[0].message,
        "5 file includes left out of the page (the first: `--8<-- \"README.md\"`)"
    );
}

#[test]
fn include_tags_are_file_includes_outside_code_only() {
    // cibuildwheel's docs (mkdocs-include-markdown) and GitBook's reusable
    // blocks were called template tags; a Tera or Jinja example in code
    // (Zola's docs) must stay.
    let body = "A\n\n{% include-markdown \"../README.md\" start=\"<!--x-->\" %}\n\n\
                {% include \"../.gitbook/includes/shared.md\" %}\n\n\
                ```jinja\n{% include \"header.html\" %}\n```\n\n{% include footer.html %}\n";
    let prepared = prepare(body, false);
    assert_eq!(
        prepared.text(),
        "A\n\n\n\n\n\n```jinja\n{% include \"header.html\" %}\n```\n\n\n"
    );
    let warnings = prepared.warnings(Path::new("a.md"), body, 0);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "2 file includes left out of the page (the first: `{% include-markdown \"../README.md\" start=\"<!--x-->\" %}`)",
            "1 template tag left out of the page (the first: `{% include footer.html %}`)",
        ]
    );
}

#[test]
fn code_that_only_looks_like_an_include_stays() {
    // An unclosed block of scissors, and lines an include does not match.
    for body in [
        "-8<-\nLICENSE\n\nText\n",
        "```\n{{#includes x}}\n--8<--\"x\"\n{!!}\n```\n",
    ] {
        assert_eq!(text(body), body);
    }
}

#[test]
fn a_link_target_made_from_a_template_variable_is_marked() {
    // The PyO3 guide's `[Cell]: {{#PYO3_DOCS_URL}}/pyo3/struct.Cell.html`.
    assert_eq!(
        text(
            "[A]({{#DOCS}}/a.html), {{ x }} and [c](x {{ y }})\n\n [b]: {{#DOCS}}/b.html\n[c] {{ z }}\n"
        ),
        "[A]({{}}/a.html), and [c](x )\n\n [b]: {{}}/b.html\n[c] \n"
    );
}

#[test]
fn code_inside_a_block_quote_is_code() {
    // The PyO3 guide: `Option<Py<PyAny>>` in a quoted code block lost
    // `<PyAny>`, read as a component tag.
    let body = "> Note:\n>\n> ```rust\n> let x: Option<Py<PyAny>> = {{ y }};\n> {{#include ../lib.rs}}\n> ```\n>\n> After <Tag>.\n\n> ```\n> <Open>\n\nOut <Tag>.\n";
    let prepared = prepare(body, false);
    assert_eq!(
        prepared.text(),
        "> Note:\n>\n> ```rust\n> let x: Option<Py<PyAny>> = {{ y }};\n> \n> ```\n>\n> After .\n\n> ```\n> <Open>\n\nOut .\n"
    );
    let warnings = prepared.warnings(Path::new("a.md"), body, 0);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "1 file include left out of the page (the first: `{{#include ../lib.rs}}`)",
            "2 JSX component tags left out of the page (the first: `<Tag>`)"
        ]
    );
}

#[test]
fn a_block_of_includes_ends_where_its_code_ends() {
    // A fence indented 4 past its opener is code, not the block's close:
    // the block holds real code after the include, and is kept.
    let body = "```\n{!a.py!}\n    ```\nreal secret code here\n```\n\nAfter.\n";
    assert_eq!(
        text(body),
        "```\n\n    ```\nreal secret code here\n```\n\nAfter.\n"
    );
    // A quoted block ends with its quote: the text after it is not code,
    // and the block, which held only the include, goes with its fence.
    let body = "> ```\n> {!a.py!}\n\nAfter.\n";
    assert_eq!(text(body), "> \n> \n\nAfter.\n");
}

#[test]
fn scissors_in_prose_are_text_unless_they_hold_file_names() {
    // A bare `--8<--` before a fenced example of the snippet syntax took
    // everything up to the example's first scissors: the heading, the
    // paragraph and the example's opening fence.
    let body =
        "Cut here:\n--8<--\n\n# Heading\n\nParagraph.\n\n```\n--8<--\nLICENSE\n--8<--\n```\n";
    assert_eq!(text(body), body);
    let body = "--8<--\nLICENSE\n;docs/old.md\n\nhttps://example.com/a.md\n--8<--\nAfter.\n";
    assert_eq!(text(body), "\n\n\n\n\n\nAfter.\n");
}

#[test]
fn a_tab_title_is_text_and_an_empty_one_shows_nothing() {
    // A title without text was `****`, a thematic break; a title of
    // entities (`&lt;img …&gt;`) became the element they spell.
    let html = |body: &str, mdx: bool| {
        let prepared = prepare(body, mdx);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(prepared.text()));
        html
    };
    for (body, mdx) in [
        (
            "{% tabs %}\n{% tab title=\"\" %}\nx\n{% endtab %}\n{% endtabs %}\n",
            false,
        ),
        ("/// tab\nx\n///\n", false),
        (
            "<Tabs>\n<TabItem label=\"\">\nx\n</TabItem>\n</Tabs>\n",
            true,
        ),
        ("=== \"\"\n\n    x\n", false),
    ] {
        assert_eq!(html(body, mdx), "<p>x</p>\n", "{body}");
    }
    for (body, mdx) in [
        (
            "{% tab title=\"&lt;img src=x&gt; \\*\" %}\nx\n{% endtab %}\n",
            false,
        ),
        ("/// tab | &lt;img src=x&gt; \\*\nx\n///\n", false),
        (
            "<TabItem label=\"&lt;img src=x&gt; \\*\">\nx\n</TabItem>\n",
            true,
        ),
        ("=== \"&lt;img src=x&gt; \\*\"\n\n    x\n", false),
    ] {
        assert_eq!(
            html(body, mdx),
            "<p><strong>&lt;img src=x&gt; *</strong></p>\n<p>x</p>\n",
            "{body}"
        );
    }
    let card = "<LinkCard title=\"&lt;b&gt;_Go_\" href=\"/x/\" />\n";
    assert_eq!(html(card, true), "<p><a href=\"/x/\">&lt;b&gt;Go</a></p>\n");
}

#[test]
fn a_gitbook_end_tag_without_its_block_is_left_out_and_reported() {
    // It was published as text, `{% endhint %}` on the page, unreported.
    let body = "A\n\n{% endhint %}\n\n{% hint %}\nIn\n{% endtab %}\n{% endhint %}\n";
    let prepared = prepare(body, false);
    assert_eq!(prepared.text(), "A\n\n\n\n> [!NOTE]\n> In\n>\n\n");
    let warnings = prepared.warnings(Path::new("a.md"), body, 0);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        ["2 unmatched GitBook end tags left out of the page (the first: `{% endhint %}`)"]
    );
    assert_eq!(warnings[0].span, 3..16);
}

#[test]
fn a_component_tag_written_over_several_lines_opens_its_block() {
    // Docusaurus pages write long opening tags over lines: the tag was
    // dropped with a warning, and the indented tab body showed as code.
    let html = |body: &str| {
        let prepared = prepare(body, true);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(prepared.text()));
        (html, prepared.warnings(Path::new("a.md"), body, 0))
    };
    let body = "<Tabs\n  groupId=\"os\"\n  defaultValue=\"mac\">\n  <TabItem\n    value=\"mac\"\n    \
                label=\"macOS\"\n  >\n\n    Open **Settings**.\n\n  </TabItem>\n</Tabs>\n\nAfter.\n";
    let (shown, warnings) = html(body);
    assert_eq!(
        shown,
        "<p><strong>macOS</strong></p>\n<p>Open <strong>Settings</strong>.</p>\n<p>After.</p>\n"
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    // An alert too; a tag that never closes its line is left as before.
    let (shown, _) =
        html("<Admonition\n  type=\"tip\"\n  title=\"Hint\">\n\nSave first.\n\n</Admonition>\n");
    assert!(shown.starts_with("<blockquote>"), "{shown}");
    assert!(shown.contains("Save first."), "{shown}");
    let (_, warnings) = html("<TabItem\n  value=\"x\" label=\"X\"> trailing text\n\nBody.\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
}

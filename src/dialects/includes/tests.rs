use super::*;

fn one(line: &str) -> Target {
    include_line(line, true).unwrap_or_else(|| panic!("{line}"))
}

#[test]
fn each_tools_include_line_names_its_file_and_part() {
    let mdbook = one("{{#include ../listings/ch02/src/main.rs:here}}");
    assert_eq!(mdbook.tool, Tool::MdBook);
    assert_eq!(mdbook.path, "../listings/ch02/src/main.rs");
    assert_eq!(mdbook.select, Select::Anchor("here".into()));
    let lines = |line: &str| one(line).select;
    assert_eq!(
        lines("{{#rustdoc_include a.rs:2}}"),
        Select::Lines(Some(2), Some(2))
    );
    assert_eq!(
        lines("{{#include a.rs::10}}"),
        Select::Lines(None, Some(10))
    );
    assert_eq!(lines("{{#include a.rs:2:}}"), Select::Lines(Some(2), None));
    assert_eq!(lines("{{#playground a.rs editable}}"), Select::All);
    let snippet = one("--8<-- \"docs/snippets/note.md:install\"");
    assert_eq!(snippet.tool, Tool::Snippets);
    assert_eq!(snippet.path, "docs/snippets/note.md");
    assert_eq!(snippet.select, Select::Section("install".into()));
    assert_eq!(
        lines("---8<--- 'CHANGELOG.md:3:8'"),
        Select::Lines(Some(3), Some(8))
    );
    assert_eq!(one("{!> ../docs_src/app.py!}").path, "../docs_src/app.py");
    let tag = one("{% include-markdown \"../README.md\" start=\"<!--start-->\" %}");
    assert_eq!(tag.tool, Tool::Tag);
    assert_eq!(tag.path, "../README.md");
    assert_eq!(
        tag.select,
        Select::Between(Some("<!--start-->".into()), None)
    );
    assert_eq!(
        one("{% include \"../.gitbook/includes/x.md\" %}").path,
        "../.gitbook/includes/x.md"
    );
    let hugo = one("{{% include \"/_common/gomodules-info.md\" %}}");
    assert_eq!(
        (hugo.tool, hugo.path.as_str()),
        (Tool::Hugo, "/_common/gomodules-info.md")
    );
    assert_eq!(hugo.code, None);
    let docsy = one("{{< readfile file=\"includes/config.toml\" code=\"true\" lang=\"toml\" >}}");
    assert_eq!(
        (docsy.path.as_str(), docsy.code.as_deref()),
        ("includes/config.toml", Some("toml"))
    );
    assert_eq!(one("{{< readfile \"x.md\" >}}").code, None);
    // Not includes: an escaped or unquoted snippet, Jekyll's template tag,
    // a tag in code, an empty path, a call of something else.
    for line in [
        ";--8<-- \"a.md\"",
        "--8<-- a.md",
        "{{< include >}}",
        "{{% glossary-term \"x\" %}}",
        "{% include x.html %}",
        "{{#title Book}}",
        "{{#include }}",
        "{!!}",
    ] {
        assert_eq!(include_line(line, true), None, "{line}");
    }
    assert_eq!(include_line("{% include \"a.md\" %}", false), None);
    assert_eq!(include_line("{{% include \"a.md\" %}}", false), None);
}

#[test]
fn directives_are_found_in_code_and_tags_only_outside_it() {
    let body = "Intro\n\n```rust\n    {{#include a.rs}}\n{% include \"x.md\" %}\n```\n\n{% include \"y.md\" %}\n--8<--\na.md\n;b.md\nc.md:2:3\n--8<--\nEnd\n";
    let found = directives(body);
    let paths: Vec<Vec<&str>> = found
        .iter()
        .map(|d| d.targets.iter().map(|t| t.path.as_str()).collect())
        .collect();
    assert_eq!(paths, [vec!["a.rs"], vec!["y.md"], vec!["a.md", "c.md"]]);
    assert_eq!(found[0].indent, "    ");
    assert_eq!(&body[found[0].span.clone()], "    {{#include a.rs}}");
    assert_eq!(
        &body[found[2].span.clone()],
        "--8<--\na.md\n;b.md\nc.md:2:3\n--8<--"
    );
    // Scissors that open no block of names are text.
    assert!(directives("--8<--\nJust a sentence here.\n").is_empty());
}

#[test]
fn a_part_is_chosen_and_the_marks_left_out() {
    let code = "use x;\n// ANCHOR: here\nfn main() {\n    // ANCHOR: inner\n    go();\n    // ANCHOR_END: inner\n}\n// ANCHOR_END: here\n";
    assert_eq!(
        select(code, &Select::Anchor("here".into())).unwrap(),
        "fn main() {\n    go();\n}"
    );
    assert_eq!(
        select(code, &Select::Anchor("inner".into())).unwrap(),
        "    go();"
    );
    assert_eq!(
        select(code, &Select::Lines(Some(1), Some(3))).unwrap(),
        "use x;\nfn main() {"
    );
    assert!(select(code, &Select::Anchor("gone".into())).is_err());
    assert!(select(code, &Select::Lines(Some(20), None)).is_err());
    let page =
        "# T\n<!-- --8<-- [start:install] -->\nRun it.\n<!-- --8<-- [end:install] -->\nMore.\n";
    assert_eq!(
        select(page, &Select::Section("install".into())).unwrap(),
        "Run it."
    );
    assert_eq!(select(page, &Select::All).unwrap(), "# T\nRun it.\nMore.");
    let readme = "badges\n<!--start-->\nUse it.\n<!--end-->\nfooter";
    let between = Select::Between(Some("<!--start-->".into()), Some("<!--end-->".into()));
    assert_eq!(select(readme, &between).unwrap(), "\nUse it.\n");
}

#[test]
fn texts_are_put_in_indented_and_map_back_to_their_directive() {
    let body = "A\n  {{#include a.rs}}\nB {{#include no.rs}}\n{!gone.md!}\nC\n";
    let found = directives(body);
    assert_eq!(found.len(), 2);
    let expanded = expand(body, &found, &[vec!["fn a() {\n}\n".into()], vec![]]);
    assert_eq!(
        expanded.text(),
        "A\n  fn a() {\n  }\nB {{#include no.rs}}\n{!gone.md!}\nC\n"
    );
    let at = expanded.text().find('}').unwrap();
    assert_eq!(expanded.source_offset(at), body.find("{{").unwrap());
    let c = expanded.text().find('C').unwrap();
    assert_eq!(expanded.source_offset(c), body.find('C').unwrap());
}

#[test]
fn mysts_include_blocks_name_their_file_and_options() {
    let body = "Intro\n\n```{include} ../README.md\n:start-after: <!-- start -->\n:end-before: <!-- end -->\n```\n\n:::{literalinclude} /examples/app.py\n:language: python\n:lines: 2-4,9\n:::\n\n```{note}\nNot an include.\n```\n\n````{literalinclude} x.rs\n````\nEnd\n";
    let found = directives(body);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().all(|d| d.block));
    let include = &found[0].targets[0];
    assert_eq!(
        (include.tool, include.path.as_str()),
        (Tool::Myst, "../README.md")
    );
    assert_eq!(
        include.select,
        Select::Between(Some("<!-- start -->".into()), Some("<!-- end -->".into()))
    );
    assert_eq!(include.code, None);
    assert!(body[found[0].span.clone()].ends_with(":end-before: <!-- end -->\n```"));
    let literal = &found[1].targets[0];
    assert_eq!(literal.path, "/examples/app.py");
    assert_eq!(literal.select, Select::Lines(Some(2), Some(4)));
    assert_eq!(literal.code.as_deref(), Some("python"));
    assert_eq!(found[2].targets[0].code.as_deref(), Some(""));
    // A block put in or, unread, left out; the line after it stays.
    let expanded = expand(
        body,
        &found,
        &[
            vec!["Readme.".into()],
            vec![],
            vec!["```\nfn x() {}\n```".into()],
        ],
    );
    assert_eq!(
        expanded.text(),
        "Intro\n\nReadme.\n\n\n\n```{note}\nNot an include.\n```\n\n```\nfn x() {}\n```\nEnd\n"
    );
    // Never closed: not a block.
    assert!(directives("```{include} a.md\n").is_empty());
    // cattrs quotes its markers, as MyST reads them: its home page lost
    // the README's teaser and example.
    let quoted = "```{include} ../README.md\n:start-after: \"begin-teaser -->\"\n:end-before: '<!-- end'\n```\n";
    assert_eq!(
        directives(quoted)[0].targets[0].select,
        Select::Between(Some("begin-teaser -->".into()), Some("<!-- end".into()))
    );
}

#[test]
fn code_is_fenced_longer_than_any_fence_in_it() {
    assert_eq!(fenced("a", "py"), "```py\na\n```");
    assert_eq!(fenced("x\n````\ny", ""), "`````\nx\n````\ny\n`````");
}

#[test]
fn an_included_files_link_targets_are_rebased() {
    let markdown = "See [the guide](docs/guide.md#start) and ![logo](<docs/img/logo.png> \"Logo\").\n\n`[not](a/link)` [top](#top) [ref][r]\n\n[r]: docs/ref.md\n";
    let rebase = |url: &str| url.strip_prefix("docs/").map(str::to_owned);
    assert_eq!(
        rebase_links(markdown, &rebase),
        "See [the guide](guide.md#start) and ![logo](<img/logo.png> \"Logo\").\n\n`[not](a/link)` [top](#top) [ref][r]\n\n[r]: ref.md\n"
    );
}

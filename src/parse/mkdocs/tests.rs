use std::path::PathBuf;

use super::*;
use crate::diagnostics::line_col;

fn read(text: &str) -> (Option<Navigation>, Vec<Diagnostic>) {
    read_file("mkdocs.yml", text)
}

fn read_file(name: &str, text: &str) -> (Option<Navigation>, Vec<Diagnostic>) {
    read_with_pages(name, text, &[])
}

/// Reads the file `name` holding `text`, of a site whose pages are `pages`.
fn read_with_pages(
    name: &str,
    text: &str,
    pages: &[&str],
) -> (Option<Navigation>, Vec<Diagnostic>) {
    let file = SourceFile {
        path: PathBuf::from(name),
        rel: name.into(),
        text: text.into(),
    };
    navigation(&file, &pages.iter().copied().collect())
}

#[test]
fn a_file_without_nav_takes_the_one_it_inherits() {
    let file = |name: &str, text: &str| SourceFile {
        path: PathBuf::from(name),
        rel: name.into(),
        text: text.into(),
    };
    let parent = file("../en/mkdocs.yml", "nav:\n  - Home: index.md\n");
    let mut sources = Sources {
        mkdocs: Some(file("mkdocs.yml", "INHERIT: ../en/mkdocs.yml\n")),
        mkdocs_inherited: Some(parent),
        ..Sources::default()
    };
    let pages = |sources: &Sources| super::read(sources).navigations.remove(0).pages;
    assert_eq!(pages(&sources), [page("index.md", Some("Home"))]);
    // Its own nav wins.
    sources.mkdocs = Some(file(
        "mkdocs.yml",
        "INHERIT: ../en/mkdocs.yml\nnav: [start.md]\n",
    ));
    assert_eq!(pages(&sources), [page("start.md", None)]);
}

#[test]
fn zensical_toml_gives_the_same_navigation() {
    // Griffe's and mkdocstrings' docs keep their nav there.
    let toml = "[project]\nsite_name = \"Demo\"\nnav = [\n  \"index.md\",\n  \
        { \"Installing\" = \"install.md\" },\n  { \"User Guide\" = [\n    \
        \"guide/index.md\",\n    { \"Setting up\" = \"guide/setup.md\" },\n  ] },\n  \
        { \"Version\" = 2 },\n]\n[project.theme]\nfeatures = [\"navigation.tabs\"]\n";
    let yaml = "nav:\n  - index.md\n  - Installing: install.md\n  - User Guide:\n      \
        - guide/index.md\n      - Setting up: guide/setup.md\n";
    let (navigation, problems) = read_file("zensical.toml", toml);
    let navigation = navigation.expect("read");
    let (expected, _) = read(yaml);
    let expected = expected.expect("read");
    assert_eq!(navigation.pages, expected.pages);
    assert_eq!(navigation.sections, expected.sections);
    // `{ "Version" = 2 }` is no entry.
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(!problems[0].is_error());
    let (navigation, problems) = read_file("zensical.toml", "[project]\nnav = [\n");
    assert!(navigation.is_none());
    assert!(problems[0].is_error());
    assert!(
        problems[0].message.starts_with("invalid TOML"),
        "{problems:?}"
    );
}

fn page(rel: &str, title: Option<&str>) -> NavPage {
    NavPage {
        rel: rel.into(),
        title: title.map(Into::into),
        after_rest: false,
        hidden: false,
    }
}

#[test]
fn titles_written_in_html_are_read_as_text() {
    assert_eq!(
        nav_title("<code>markdown.&#8203;extensions</code>"),
        "markdown.extensions"
    );
    assert_eq!(
        nav_title("Q&amp;A &#x2014; <em>fast</em> &copy; a < b &"),
        "Q&A \u{2014} fast &copy; a < b &"
    );
    assert_eq!(
        nav_title("Caf\u{e9} &#99999999; <#65; <b"),
        "Caf\u{e9} &#99999999; <#65; <b"
    );
}

#[test]
fn pages_titles_and_sections_are_read_in_order() {
    let text = "site_name: Demo\n\
        nav:\n\
        \x20 - index.md\n\
        \x20 - Installing: ./install.md\n\
        \x20 - GitHub: https://github.com/example/demo\n\
        \x20 - User Guide:\n\
        \x20     - guide/index.md\n\
        \x20     - Setting up: guide/setup.md\n\
        \x20     - Advanced:\n\
        \x20         - guide/advanced/tuning.md\n\
        \x20         - Limits: guide/advanced/limits.md\n\
        \x20 - Mixed:\n\
        \x20     - a/one.md\n\
        \x20     - b/two.md\n\
        \x20 - Picture: img/logo.png\n";
    let (navigation, problems) = read(text);
    assert!(problems.is_empty(), "{problems:?}");
    let navigation = navigation.expect("read");
    assert_eq!(
        navigation.pages,
        [
            page("index.md", None),
            page("install.md", Some("Installing")),
            page("guide/index.md", None),
            page("guide/setup.md", Some("Setting up")),
            page("guide/advanced/tuning.md", None),
            page("guide/advanced/limits.md", Some("Limits")),
            page("a/one.md", None),
            page("b/two.md", None),
        ]
    );
    let sections = navigation.section_places();
    assert_eq!(
        sections,
        [
            ("guide/advanced", Some("Advanced"), Some(2)),
            ("guide", Some("User Guide"), Some(1))
        ]
    );
}

#[test]
fn an_enclosing_section_keeps_the_folder_it_shares_with_a_nested_one() {
    let text = "nav:\n- Outer:\n  - Inner:\n    - g/a.md\n  - g/b.md\n";
    let navigation = read(text).0.expect("read");
    let titles: Vec<_> = navigation
        .sections
        .iter()
        .map(|s| s.title.as_deref())
        .collect();
    assert_eq!(titles, [Some("Outer")]);
}

#[test]
fn python_tags_and_other_keys_do_not_break_the_read() {
    let text = "site_name: Demo\n\
        theme:\n  name: material\n  features: [navigation.tabs]\n\
        markdown_extensions:\n\
        \x20 - pymdownx.emoji:\n\
        \x20     emoji_index: !!python/name:material.extensions.emoji.twemoji\n\
        \x20     emoji_generator: !!python/name:material.extensions.emoji.to_svg\n\
        \x20 - pymdownx.superfences:\n\
        \x20     custom_fences:\n\
        \x20       - name: mermaid\n\
        \x20         format: !!python/name:pymdownx.superfences.fence_code_format\n\
        extra:\n  analytics:\n    property: !ENV [GOOGLE_ANALYTICS_KEY, 'x']\n\
        copyright: !relative $config_dir/x\n\
        nav:\n  - Home: index.md\n";
    let (navigation, problems) = read(text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        navigation.expect("read").pages,
        [page("index.md", Some("Home"))]
    );
}

#[test]
fn a_file_without_nav_lists_nothing() {
    for text in ["", "site_name: Demo\n"] {
        let (navigation, problems) = read(text);
        assert!(problems.is_empty());
        assert_eq!(navigation.expect("read").pages, []);
    }
}

#[test]
fn yaml_that_does_not_decode_is_an_error_at_its_line() {
    let text = "site_name: Demo\nnav:\n  - Home: index.md\n   - bad: [\n";
    let (navigation, problems) = read(text);
    assert!(navigation.is_none());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].is_error());
    assert!(problems[0].message.starts_with("invalid YAML"));
    assert_eq!(line_col(text, problems[0].span.start).0, 4);
}

#[test]
fn an_entry_of_another_shape_is_a_warning_at_nav() {
    let text = "site_name: Demo\nnav:\n  - 42\n  - Two: {a: b.md}\n  - ok.md\n";
    let (navigation, problems) = read(text);
    assert_eq!(navigation.expect("read").pages, [page("ok.md", None)]);
    assert_eq!(problems.len(), 2);
    assert!(problems.iter().all(|p| !p.is_error()));
    assert_eq!(line_col(text, problems[0].span.start), (2, 1));
}

#[test]
fn the_common_folder_is_the_deepest_shared() {
    let pages = |rels: &[&str]| rels.iter().map(|r| r.to_string()).collect::<Vec<_>>();
    assert_eq!(
        common_folder(&pages(&["a/b/c.md", "a/b/d/e.md"])),
        Some("a/b")
    );
    assert_eq!(common_folder(&pages(&["a/bc/x.md", "a/b/y.md"])), Some("a"));
    assert_eq!(common_folder(&pages(&["a/x.md", "y.md"])), None);
    assert_eq!(common_folder(&[]), None);
}

#[test]
fn an_entry_naming_a_page_by_its_url_lists_the_page() {
    // pyinfra's Zensical nav, with `use_directory_urls = false`, and
    // folder URLs.
    let toml = "[project]\nnav = [\n  { \"Facts\" = \"facts.md\" },\n  \
        { \"Operations\" = \"operations.html\" },\n  { \"Guide\" = [\n    \
        \"./guide/setup.html\",\n    \"guide/index.html\",\n    \"static/page.html\",\n    \
        \"https://example.com/other.html\",\n  ] },\n  \"start/\",\n  \"./faq/\",\n  \
        \"missing/\",\n  \"/\",\n]\n";
    let pages = [
        "facts.md",
        "operations.md",
        "guide/setup.mdx",
        "guide/index.md",
        "start.md",
        "faq/README.md",
    ];
    let (navigation, problems) = read_with_pages("zensical.toml", toml, &pages);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        navigation.expect("read").pages,
        [
            page("facts.md", Some("Facts")),
            page("operations.md", Some("Operations")),
            page("guide/setup.mdx", None),
            page("guide/index.md", None),
            page("start.md", None),
            page("faq/README.md", None),
        ]
    );
}

#[test]
fn a_group_of_pages_of_the_top_folder_gathers_them_into_a_section() {
    let text = "nav:\n  - Home: index.md\n  - User Guide:\n      - install.md\n      \
        - Advanced:\n          - tuning.md\n      - usage.md\n  - Reference:\n      \
        - cli.md\n      - api/index.md\n      - api/calls.md\n  - API:\n      - api/x.md\n  \
        - '★':\n      - star.md\n";
    let navigation = read(text).0.expect("read");
    let gathered: Vec<(&str, Option<&str>, &[String])> = navigation
        .sections
        .iter()
        .map(|s| (s.section.as_str(), s.title.as_deref(), s.gathers.as_slice()))
        .collect();
    assert_eq!(
        gathered,
        [
            // A group nested in one: its subsection.
            (
                "user-guide/advanced",
                Some("Advanced"),
                &["tuning.md".to_owned()][..]
            ),
            (
                "user-guide",
                Some("User Guide"),
                &["install.md".to_owned(), "usage.md".to_owned()][..]
            ),
            // Its pages in a folder keep their folder's section.
            ("reference", Some("Reference"), &["cli.md".to_owned()][..]),
            ("api", Some("API"), &[][..]),
            // A title that makes no slug makes no section.
        ]
    );
}

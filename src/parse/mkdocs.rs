//! MkDocs's `mkdocs.yml`, beside `tier0.yaml`: its `nav:`; or Zensical's
//! `zensical.toml`: its `[project]` table's `nav`, the same entries
//! written in TOML (`{ "Installing" = "install.md" }`).
//!
//! An MkDocs project keeps its pages' titles and order, and its sections'
//! titles, only in `nav:`. An entry is a page (`- install.md`), a titled
//! page (`- Installing: install.md`), a link to another site
//! (`- GitHub: https://…`) or a titled section holding more entries
//! (`- Guides: [...]`). Paths are relative to MkDocs's `docs_dir`, which is
//! tier0's content folder.
//!
//! Only `nav:` is read: every other key is MkDocs's or a plugin's, and
//! their values may carry tags that only Python understands
//! (`!!python/name:…`, `!ENV`), which are skipped unread. A file that is
//! not YAML is an error at its line and column; an entry of `nav:` that is
//! none of the forms above is a warning, and skipped.

use serde::Deserialize;
use serde_yaml::Value;

use super::SectionPath;
use super::navigation::{NavPage, NavSection, Navigation, Read};
use crate::diagnostics::Diagnostic;
use crate::discover::{SourceFile, Sources, is_markdown};
use crate::landing::split_dir;
use crate::matter::yaml;

/// Reads the navigation of `sources`' `mkdocs.yml`.
pub(super) fn read(sources: &Sources) -> Read {
    let Some(file) = &sources.mkdocs else {
        return Read::default();
    };
    let (mut navigation, mut problems) = navigation(file);
    // A file with no `nav` of its own takes the one it inherits.
    let empty = navigation
        .as_ref()
        .is_some_and(|n| n.pages.is_empty() && n.sections.is_empty());
    if empty && let Some(parent) = &sources.mkdocs_inherited {
        let (inherited, more) = self::navigation(parent);
        navigation = inherited;
        problems.extend(more);
    }
    Read {
        navigations: navigation.into_iter().collect(),
        problems,
        ..Read::default()
    }
}

/// The keys of `mkdocs.yml` that tier0 reads.
#[derive(Deserialize)]
struct MkDocsFile {
    nav: Option<Vec<Value>>,
}

/// The navigation of `file`, an `mkdocs.yml`, and the problems found in it.
/// A file without `nav:` gives an empty navigation: MkDocs then lists the
/// pages alphabetically, and tier0 orders them as it always does.
fn navigation(file: &SourceFile) -> (Option<Navigation>, Vec<Diagnostic>) {
    let decoded = if file.text.trim().is_empty() {
        Ok(None)
    } else if file.path.extension().is_some_and(|e| e == "toml") {
        zensical_nav(file)
    } else {
        yaml::deserialize::<MkDocsFile>(&file.text, 0)
            .map(|(read, _)| read.nav)
            .map_err(|e| {
                e.into_diagnostic(&file.path).with_help(
                    "MkDocs would not read it either: check this line's indentation and quoting",
                )
            })
    };
    let entries = match decoded {
        Ok(entries) => entries.unwrap_or_default(),
        Err(problem) => return (None, vec![problem]),
    };
    let (navigation, problems) = navigation_of(file, &entries);
    (Some(navigation), problems)
}

/// The navigation that `entries` of `file`, written as `nav:` entries,
/// give; also for other generators' navigations written in that shape
/// (Docusaurus's sidebars).
pub(super) fn navigation_of(file: &SourceFile, entries: &[Value]) -> (Navigation, Vec<Diagnostic>) {
    let mut reading = Reading {
        file,
        navigation: Navigation {
            path: file.path.clone(),
            ..Default::default()
        },
        problems: Vec::new(),
        sections_read: 0,
    };
    reading.entries(entries);
    (reading.navigation, reading.problems)
}

/// The entries of `nav` in the `[project]` table of `file`, a
/// `zensical.toml`, as the YAML values `mkdocs.yml` gives.
fn zensical_nav(file: &SourceFile) -> Result<Option<Vec<Value>>, Diagnostic> {
    let table = crate::matter::toml_file(&file.text, &file.path)?;
    let project = table.entries.iter().find(|e| e.key == "project");
    let nav = project.and_then(|e| e.value.as_ref()?.get("nav"));
    Ok(nav.map(|nav| match yaml_value(nav) {
        Value::Sequence(entries) => entries,
        other => vec![other],
    }))
}

/// `value` as YAML: text, lists and tables, which nav entries are made
/// of; any other value is null, an entry that is not understood.
fn yaml_value(value: &crate::matter::Value) -> Value {
    use crate::matter::Value as Toml;
    match value {
        Toml::String(text) => Value::String(text.clone()),
        Toml::List(items) => Value::Sequence(items.iter().map(yaml_value).collect()),
        Toml::Map(entries) => Value::Mapping(
            entries
                .iter()
                .map(|(key, value)| (Value::String(key.clone()), yaml_value(value)))
                .collect(),
        ),
        _ => Value::Null,
    }
}

/// A walk through the entries of `nav:`.
struct Reading<'a> {
    file: &'a SourceFile,
    navigation: Navigation,
    problems: Vec<Diagnostic>,
    /// How many titled sections were met so far.
    sections_read: i64,
}

impl Reading<'_> {
    /// Reads `entries`, listed side by side; returns the content-relative
    /// paths of all the pages under them.
    fn entries(&mut self, entries: &[Value]) -> Vec<String> {
        entries.iter().flat_map(|entry| self.entry(entry)).collect()
    }

    /// Reads `entry`; returns the paths of the pages it lists.
    fn entry(&mut self, entry: &Value) -> Vec<String> {
        match entry {
            Value::String(target) => self.page(target, None),
            Value::Mapping(map) if map.len() == 1 => {
                let Some((Value::String(title), value)) = map.iter().next() else {
                    return self.not_understood(entry);
                };
                match value {
                    Value::String(target) => self.page(target, Some(title)),
                    Value::Sequence(children) => {
                        self.sections_read += 1;
                        let position = self.sections_read;
                        let nested = self.navigation.sections.len();
                        let pages = self.entries(children);
                        self.section(title, &pages, position, nested);
                        pages
                    }
                    _ => self.not_understood(entry),
                }
            }
            _ => self.not_understood(entry),
        }
    }

    /// A page entry `target`, titled `title`: listed if it is a Markdown
    /// file of the content folder, not a link to another site.
    fn page(&mut self, target: &str, title: Option<&str>) -> Vec<String> {
        let Some(rel) = content_path(target) else {
            return Vec::new();
        };
        self.navigation.pages.push(NavPage {
            rel: rel.clone(),
            title: title.map(nav_title),
            after_rest: false,
            hidden: false,
        });
        vec![rel]
    }

    /// A section titled `title` whose entries list `pages`: it titles the
    /// folder they all share (places it only, when `title` is empty, as
    /// the other navigations converted to `nav:` entries may ask), unless
    /// an earlier entry beside it titled that
    /// folder. It takes the folder from the sections nested in it (those
    /// from `nested` on), whose pages share it too: they group pages of
    /// its folder.
    fn section(&mut self, title: &str, pages: &[String], position: i64, nested: usize) {
        let Some(section) = common_folder(pages).and_then(|dir| SectionPath::of(dir).id) else {
            return;
        };
        let sections = &mut self.navigation.sections;
        let titled = NavSection {
            section,
            title: (!title.is_empty()).then(|| nav_title(title)),
            position: Some(position),
        };
        match sections
            .iter()
            .position(|known| known.section == titled.section)
        {
            Some(at) if at >= nested => sections[at] = titled,
            Some(_) => {}
            None => sections.push(titled),
        }
    }

    fn not_understood(&mut self, entry: &Value) -> Vec<String> {
        let shown = serde_yaml::to_string(entry).unwrap_or_default();
        let shown = shown.lines().next().unwrap_or_default().to_owned();
        let span = crate::matter::yaml::TopLevelKeys::scan(&self.file.text, 0).key_span("nav");
        self.problems.push(
            Diagnostic::warning(
                &self.file.path,
                span,
                format!("an entry of `nav:` is neither a page nor a titled section (`{shown}`): it is skipped"),
            )
            .with_help("write `- page.md`, `- Title: page.md` or `- Title:` followed by its entries"),
        );
        Vec::new()
    }
}

/// The text of a `nav:` title. MkDocs's themes put it into the page as
/// HTML, so that Python-Markdown's `<code>markdown.&#8203;util</code>`
/// shows as code; tier0's titles are text: the tags are left out, the
/// character references read, and the invisible break hints (zero-width
/// space, soft hyphen) dropped, which would otherwise split a search word.
fn nav_title(title: &str) -> String {
    let mut text = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(at) = rest.find(['<', '&']) {
        text.push_str(&rest[..at]);
        let from = &rest[at..];
        let tag = from
            .strip_prefix('<')
            .filter(|after| after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'))
            .and_then(|after| after.find('>').map(|end| end + 2));
        let (read, len) = match tag {
            Some(len) => (None, len),
            None => match from.strip_prefix('&').and_then(character_reference) {
                Some((c, len)) => (Some(c), len + 1),
                None => (from.chars().next(), 1),
            },
        };
        text.extend(read.filter(|c| !matches!(c, '\u{200B}' | '\u{AD}')));
        rest = &from[len..];
    }
    text.push_str(rest);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character that the reference opening `text` after its `&`
/// (`#8203;`, `#x2014;`, `amp;`) stands for, and its length; `None` for a
/// name tier0 does not know, which stays as written.
fn character_reference(text: &str) -> Option<(char, usize)> {
    let (end, _) = text
        .char_indices()
        .take_while(|(at, _)| *at < 12)
        .find(|(_, c)| *c == ';')?;
    let name = &text[..end];
    let c = match name.strip_prefix('#') {
        Some(number) => match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => number.parse().ok(),
        }
        .and_then(char::from_u32)?,
        None => match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{A0}',
            _ => return None,
        },
    };
    Some((c, end + 1))
}

/// The content-relative path of the Markdown file a `nav:` entry names,
/// or `None` for a link to another site or to a file that is no article.
fn content_path(target: &str) -> Option<String> {
    let target = target.trim();
    if target.contains("://") || target.starts_with('/') || target.starts_with("mailto:") {
        return None;
    }
    let parts: Vec<&str> = target
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    if parts.contains(&"..") {
        return None;
    }
    let rel = parts.join("/");
    is_markdown(&rel).then_some(rel)
}

/// The deepest folder that holds all `pages`, if they share one.
pub(super) fn common_folder(pages: &[String]) -> Option<&str> {
    let mut dirs = pages.iter().map(|rel| split_dir(rel).0);
    let mut common = dirs.next()?;
    for dir in dirs {
        while !(dir == common || dir.starts_with(&format!("{common}/")) || common.is_empty()) {
            common = split_dir(common).0;
        }
    }
    (!common.is_empty()).then_some(common)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::diagnostics::line_col;

    fn read(text: &str) -> (Option<Navigation>, Vec<Diagnostic>) {
        read_file("mkdocs.yml", text)
    }

    fn read_file(name: &str, text: &str) -> (Option<Navigation>, Vec<Diagnostic>) {
        let file = SourceFile {
            path: PathBuf::from(name),
            rel: name.into(),
            text: text.into(),
        };
        navigation(&file)
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
}

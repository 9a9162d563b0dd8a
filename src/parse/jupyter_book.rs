//! The tables of contents of Jupyter Book and MyST projects, at the top of
//! the content folder: mystmd's (Jupyter Book 2's) `myst.yml`, whose
//! `project.toc` lists the pages, and Jupyter Book 1's `_toc.yml` (its
//! `root`, then its `parts`' `chapters`, its `chapters` or its
//! `sections`). Neither is published.
//!
//! An entry names a page (`file:`, relative to the content folder; Jupyter
//! Book 1 may leave out `.md`), with its `title:`, and the pages under it
//! (`children:`, `sections:`); an entry without a page titles the pages
//! under it (`title:` and `children:`, a part's `caption:` and
//! `chapters:`). They come as MkDocs's `nav:` would list them (the `mkdocs`
//! module reads them so): pages in order, a group placing the folder its
//! pages share among the others and titling it with its title, below the
//! folder's landing page (a page keeps its own title: an entry's title
//! labels the entry, and names its page only when the page has no title
//! of its own, no `title:` and no heading). Links (`url:`) and patterns
//! (`glob:`, `pattern:`) are passed over: those pages keep their folder's
//! order, after the listed ones. A `file:` that names no page is a warning
//! at its place; a file that is not YAML is an error at its line.

use std::collections::HashSet;

use serde::Deserialize;
use serde_yaml::Value;

use super::mkdocs::{navigation_of, titled};
use super::navigation::Read;
use crate::diagnostics::Diagnostic;
use crate::discover::{BOOK_TOCS, MARKDOWN_EXTENSIONS, SourceFile, Sources, is_markdown};
use crate::matter::yaml;

/// mystmd's `myst.yml`: only `project.toc` is read.
#[derive(Deserialize)]
struct MystFile {
    project: Option<MystProject>,
}

#[derive(Deserialize)]
struct MystProject {
    toc: Option<Vec<Value>>,
}

/// Jupyter Book 1's `_toc.yml`.
#[derive(Deserialize)]
struct BookToc {
    root: Option<String>,
    parts: Option<Vec<Value>>,
    chapters: Option<Vec<Value>>,
    sections: Option<Vec<Value>>,
}

/// Reads the navigation of `sources`' tables of contents.
pub(super) fn read(sources: &Sources) -> Read {
    let pages = page_paths(sources);
    let mut read = Read::default();
    for file in sources
        .book_tocs
        .iter()
        .filter(|f| BOOK_TOCS.contains(&f.rel.as_str()))
    {
        let mut listing = Listing {
            file,
            pages: &pages,
            names: Vec::new(),
            problems: Vec::new(),
        };
        match listing.entries_of_file() {
            Ok(entries) => {
                let (navigation, more) = navigation_of(file, &entries);
                read.navigations.push(navigation);
                read.names.extend(listing.names);
                read.problems.extend(listing.problems);
                read.problems.extend(more);
            }
            Err(problem) => read.problems.push(problem),
        }
    }
    read
}

/// The content-relative paths of the pages of `sources`, articles and
/// landing pages, that a table of contents may list.
pub(super) fn page_paths(sources: &Sources) -> HashSet<&str> {
    sources
        .articles
        .iter()
        .chain(&sources.sections)
        .map(|f| f.rel.as_str())
        .collect()
}

/// Entries of a table of contents turned into `nav:` entries.
pub(super) struct Listing<'a> {
    pub(super) file: &'a SourceFile,
    /// The content-relative paths of the pages.
    pub(super) pages: &'a HashSet<&'a str>,
    /// The title each page entry gives its page: a name it is listed
    /// under, which titles the page only when it has no title of its own.
    pub(super) names: Vec<(String, String)>,
    pub(super) problems: Vec<Diagnostic>,
}

impl Listing<'_> {
    /// The `nav:` entries of the whole file.
    fn entries_of_file(&mut self) -> Result<Vec<Value>, Diagnostic> {
        let text = &*self.file.text;
        let located = |e: yaml::YamlError| {
            e.into_diagnostic(&self.file.path).with_help(
                "the table of contents is not read; check this line's indentation and quoting",
            )
        };
        if text.trim().is_empty() {
            return Ok(Vec::new());
        }
        if self.file.rel == BOOK_TOCS[0] {
            let (myst, _) = yaml::deserialize::<MystFile>(text, 0).map_err(located)?;
            let toc = myst.project.and_then(|p| p.toc).unwrap_or_default();
            return Ok(self.entries(&toc));
        }
        let (book, _) = yaml::deserialize::<BookToc>(text, 0).map_err(located)?;
        let mut entries: Vec<Value> = book
            .root
            .and_then(|root| self.page(&root))
            .into_iter()
            .collect();
        for list in [book.parts, book.chapters, book.sections]
            .into_iter()
            .flatten()
        {
            entries.extend(self.entries(&list));
        }
        Ok(entries)
    }

    fn entries(&mut self, entries: &[Value]) -> Vec<Value> {
        entries.iter().flat_map(|entry| self.entry(entry)).collect()
    }

    /// One entry: a page, or a group of the pages under it (with its own
    /// page first) that places their folder and titles it (an untitled
    /// group only places it). The title of an entry labels it in the
    /// project's table of contents, not its page: it titles the group, and
    /// names its page only when the page has no title of its own.
    fn entry(&mut self, entry: &Value) -> Vec<Value> {
        let text = |key: &str| entry.get(key).and_then(Value::as_str);
        let under = ["children", "sections", "chapters"]
            .into_iter()
            .find_map(|key| entry.get(key)?.as_sequence());
        let file = text("file");
        let page = file.and_then(|file| self.page(file));
        if let (Some(Value::String(rel)), Some(name)) = (&page, text("title")) {
            self.names.push((rel.clone(), name.trim().to_owned()));
        }
        let mut children: Vec<Value> = page.into_iter().collect();
        if let Some(under) = under {
            children.extend(self.entries(under));
        }
        let title = text("title").or_else(|| text("caption")).unwrap_or("");
        match under {
            Some(_) if !children.is_empty() => vec![titled(title, Value::Sequence(children))],
            _ => children,
        }
    }

    /// The page `file` names, as a `nav:` entry; a warning at its place
    /// when it names none.
    pub(super) fn page(&mut self, file: &str) -> Option<Value> {
        let written = file.trim().trim_start_matches("./");
        let found = if is_markdown(written) {
            self.pages.get(written).copied()
        } else {
            MARKDOWN_EXTENSIONS
                .iter()
                .find_map(|ext| self.pages.get(format!("{written}{ext}").as_str()).copied())
        };
        if let Some(rel) = found {
            return Some(Value::String(rel.to_owned()));
        }
        // Where the entry writes it: after `file:`, else anywhere.
        let text = &*self.file.text;
        let span = text
            .match_indices(file)
            .map(|(at, _)| at)
            .find(|&at| {
                text[..at]
                    .trim_end_matches(['"', '\'', ' '])
                    .ends_with("file:")
            })
            .or_else(|| text.find(file))
            .map_or(0..0, |at| at..at + file.len());
        self.problems.push(
            Diagnostic::warning(
                &self.file.path,
                span,
                format!(
                    "the table of contents lists `{file}`, which no page of the content folder is"
                ),
            )
            .with_help("give the page's path from the content folder (`guide/install.md`)"),
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::navigation::testing;

    fn read_toc(name: &str, text: &str) -> Read {
        let articles = [
            "intro.md",
            "guide/install.md",
            "guide/setup.md",
            "faq/general.md",
            "faq/billing.md",
        ];
        testing::read_toc(read, (&articles, &["guide/index.md"]), (name, text))
    }

    #[test]
    fn mystmd_toc_orders_pages_and_places_and_titles_their_folders() {
        let text = "version: 1\nproject:\n  title: Demo\n  toc:\n    - file: intro.md\n      \
                    title: Start here\n    - title: Questions\n      children:\n        \
                    - file: faq/billing.md\n        - file: faq/general.md\n        \
                    - url: https://example.com\n    - file: guide/index.md\n      children:\n        \
                    - file: guide/setup.md\n        - pattern: 'guide/*.md'\n        \
                    - file: guide/install.md\nsite:\n  template: book-theme\n";
        let read = read_toc("myst.yml", text);
        assert_eq!(read.problems, []);
        assert_eq!(
            testing::listed(&read),
            [
                "intro.md",
                "faq/billing.md",
                "faq/general.md",
                "guide/index.md",
                "guide/setup.md",
                "guide/install.md"
            ]
        );
        // The entry's title labels it, not its page (it names a page that
        // has no title); a group titles its folder, and one without a
        // title only places it.
        assert!(read.navigations[0].pages.iter().all(|p| p.title.is_none()));
        assert_eq!(
            read.names,
            [("intro.md".to_owned(), "Start here".to_owned())]
        );
        assert_eq!(
            read.navigations[0].section_places(),
            [
                ("faq", Some("Questions"), Some(1)),
                ("guide", None, Some(2))
            ]
        );
    }

    #[test]
    fn jupyter_book_toc_reads_root_parts_and_pages_without_extension() {
        let text = "format: jb-book\nroot: intro\nparts:\n  - caption: Guide\n    numbered: true\n    \
                    chapters:\n      - file: guide/install\n        sections:\n          \
                    - file: guide/setup\n  - caption: FAQ\n    chapters:\n      - glob: faq/*\n      \
                    - url: https://example.com/faq/missing\n      - file: faq/missing\n";
        let read = read_toc("_toc.yml", text);
        assert_eq!(
            testing::listed(&read),
            ["intro.md", "guide/install.md", "guide/setup.md"]
        );
        let [warning] = &read.problems[..] else {
            panic!("{:?}", read.problems)
        };
        assert!(
            warning.message.contains("`faq/missing`"),
            "{}",
            warning.message
        );
        // At the entry that names it, not at the link that says it first.
        let entry = text.find("file: faq/missing").unwrap() + "file: ".len();
        assert_eq!(warning.span, entry..entry + "faq/missing".len());
    }

    #[test]
    fn a_toc_that_is_not_yaml_is_an_error_and_a_nested_one_is_not_read() {
        let read = read_toc("_toc.yml", "root: intro\nchapters: [\n");
        assert!(read.navigations.is_empty());
        assert_eq!(read.problems.len(), 1);
        assert!(
            read_toc("guide/myst.yml", "project:\n  toc:\n    - file: intro.md\n")
                .navigations
                .is_empty()
        );
    }
}

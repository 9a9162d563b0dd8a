//! Reads a Zendesk Guide export: the JSON pages of the Help Center API.
//!
//! In: a folder of `.json` files, each one the answer to
//! `GET /api/v2/help_center/{locale}/categories.json`, `sections.json` or
//! `articles.json` (any page, any locale), named after the list it holds
//! (`articles.json`, `articles-es-2.json`, `sections_fr.json`). Out: every
//! category, section and article translation found, one per id and locale.
//!
//! Only the fields the import uses are read; others are ignored, and a
//! missing optional field is no problem, so exports from older or newer
//! API versions work. A file that is not JSON of that shape, or not UTF-8
//! (after an optional byte order mark), is an error located at its line
//! and column. Pages that say how many items their list
//! has (`count`, offset pagination) are checked against what was found, to
//! catch a forgotten page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::super::ImportError;
use crate::diagnostics::{Diagnostic, SourceTexts, json_offset};

/// A category in one locale.
#[derive(Debug, Clone, Deserialize)]
pub struct Category {
    /// Zendesk id, shared by all locales.
    pub id: u64,
    /// Name in this locale.
    pub name: String,
    /// Description in this locale.
    pub description: Option<String>,
    /// Locale of this translation (`en-us`).
    pub locale: String,
    /// Place in the list of categories.
    pub position: Option<i64>,
}

/// A section in one locale.
#[derive(Debug, Clone, Deserialize)]
pub struct Section {
    /// Zendesk id, shared by all locales.
    pub id: u64,
    /// Name in this locale.
    pub name: String,
    /// Description in this locale.
    pub description: Option<String>,
    /// Locale of this translation.
    pub locale: String,
    /// Place among its siblings.
    pub position: Option<i64>,
    /// The category it belongs to.
    pub category_id: Option<u64>,
    /// The section it is nested in, if any.
    pub parent_section_id: Option<u64>,
}

/// An article in one locale.
#[derive(Debug, Clone, Deserialize)]
pub struct Article {
    /// Zendesk id, shared by all locales.
    pub id: u64,
    /// Title in this locale.
    pub title: String,
    /// HTML body.
    pub body: Option<String>,
    /// Locale of this translation.
    pub locale: String,
    /// Locale the article was written in.
    pub source_locale: Option<String>,
    /// Its section.
    pub section_id: Option<u64>,
    /// Place in its section.
    pub position: Option<i64>,
    /// Whether this translation is unpublished.
    pub draft: Option<bool>,
    /// Labels.
    pub label_names: Option<Vec<String>>,
    /// When it was created.
    pub created_at: Option<String>,
    /// When anything about it last changed.
    pub updated_at: Option<String>,
    /// When its text in this locale was last edited.
    pub edited_at: Option<String>,
    /// Its public URL on the help center.
    pub html_url: Option<String>,
    /// Who may see it; `None` for everybody.
    pub user_segment_id: Option<u64>,
    /// Newer accounts may restrict an article to several segments.
    pub user_segment_ids: Option<Vec<u64>>,
}

impl Article {
    /// Whether Zendesk shows it only to some readers (signed-in users,
    /// agents, an organisation).
    pub fn restricted(&self) -> bool {
        self.user_segment_id.is_some()
            || self
                .user_segment_ids
                .as_ref()
                .is_some_and(|s| !s.is_empty())
    }
}

/// Which list a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum List {
    Categories,
    Sections,
    Articles,
}

impl List {
    const ALL: [List; 3] = [List::Categories, List::Sections, List::Articles];

    fn key(self) -> &'static str {
        match self {
            List::Categories => "categories",
            List::Sections => "sections",
            List::Articles => "articles",
        }
    }

    /// The list named by a file name: `articles.json`, `articles-es-2.json`.
    fn of_file(name: &str) -> Option<Self> {
        let stem = name.strip_suffix(".json")?;
        Self::ALL.into_iter().find(|list| {
            stem.strip_prefix(list.key())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_', '.']))
        })
    }
}

/// One page as the API returns it. A single item (`{"article": …}`, the
/// answer of a "show" call) is taken too.
#[derive(Debug, Deserialize)]
struct Page {
    categories: Option<Vec<Category>>,
    category: Option<Category>,
    sections: Option<Vec<Section>>,
    section: Option<Section>,
    articles: Option<Vec<Article>>,
    article: Option<Article>,
    /// Items of the whole list (offset pagination only).
    count: Option<u64>,
}

/// Everything read from an export folder.
#[derive(Debug, Default)]
pub struct Export {
    /// Categories, by id then locale.
    pub categories: Vec<Category>,
    /// Sections, by id then locale.
    pub sections: Vec<Section>,
    /// Articles, by id then locale.
    pub articles: Vec<Article>,
    /// Problems that did not stop the import.
    pub warnings: Vec<Diagnostic>,
    /// The files' texts, to show the warnings.
    pub texts: SourceTexts,
}

/// Reads every page in `dir`.
pub fn read(dir: &Path) -> Result<Export, ImportError> {
    let files = page_files(dir)?;
    let mut export = Export::default();
    let mut errors = Vec::new();
    let mut items = Items::default();
    // (list, locale) → the largest `count` a page of it announced.
    let mut announced: BTreeMap<(List, String), (u64, PathBuf)> = BTreeMap::new();
    for path in files {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".json") || !path.is_file() {
            continue;
        }
        let Some(list) = List::of_file(name) else {
            export.warnings.push(
                Diagnostic::warning(&path, 0..0, "this file was left out: its name does not say which list it holds")
                    .with_help("name each page after its list: categories….json, sections….json or articles….json"),
            );
            continue;
        };
        let bytes = std::fs::read(&path)
            .map_err(|e| ImportError::Io(format!("cannot read {}: {e}", path.display())))?;
        let text = match page_text(&path, bytes) {
            Ok(text) => text,
            Err((text, error)) => {
                export.texts.insert(&path, Arc::from(text));
                errors.push(error);
                continue;
            }
        };
        let text: Arc<str> = Arc::from(text);
        export.texts.insert(&path, text.clone());
        let page: Page = match serde_json::from_str(&text) {
            Ok(page) => page,
            Err(e) => {
                errors.push(
                    Diagnostic::error(
                        &path,
                        json_offset(&text, e.line(), e.column())
                            ..json_offset(&text, e.line(), e.column()),
                        format!("this is not a Help Center API answer: {e}"),
                    )
                    .with_help("save the body of the API's answer as it came, one page per file"),
                );
                continue;
            }
        };
        let count = page.count;
        let mut locale_of_page = None;
        if !items.add(list, page, &mut locale_of_page) {
            errors.push(
                Diagnostic::error(&path, 0..0, format!("there is no `{}` list in this file", list.key()))
                    .with_help(format!("the file's name says it holds {}: save the answer of GET /api/v2/help_center/{{locale}}/{}.json in it, or rename it", list.key(), list.key())),
            );
            continue;
        }
        if let (Some(count), Some(locale)) = (count, locale_of_page) {
            let entry = announced
                .entry((list, locale))
                .or_insert((count, path.clone()));
            if count > entry.0 {
                *entry = (count, path.clone());
            }
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Content {
            diagnostics: errors,
            texts: export.texts,
        });
    }
    items.check_counts(announced, &mut export.warnings);
    export.categories = items.categories.into_values().collect();
    export.sections = items.sections.into_values().collect();
    export.articles = items.articles.into_values().collect();
    Ok(export)
}

/// The text of the page at `path`, without the byte order mark Windows
/// PowerShell writes; or, when it is not UTF-8, the text to show and an
/// error at its first byte that is not.
fn page_text(path: &Path, mut bytes: Vec<u8>) -> Result<String, (String, Diagnostic)> {
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    let e = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let at = e.utf8_error().valid_up_to();
    let bytes = e.into_bytes();
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    // The valid start is kept as it is, so `at` is where the text shows the
    // first replacement character.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (what, help) = if utf16 {
        (
            "this file is UTF-16, not UTF-8 as the Help Center API sends it".to_owned(),
            "save the answer as it came (`curl -o`, or `Out-File -Encoding utf8` in PowerShell), or convert the file: `iconv -f UTF-16 -t UTF-8`",
        )
    } else {
        (
            format!(
                "this file is not UTF-8, as the Help Center API sends it: byte 0x{:02X} here is not UTF-8",
                bytes.get(at).copied().unwrap_or_default()
            ),
            "save the answer as it came (`curl -o`); if an editor saved it in another encoding, convert it back: `iconv -f WINDOWS-1252 -t UTF-8`",
        )
    };
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    Err((text, Diagnostic::error(path, at..end, what).with_help(help)))
}

/// The byte order mark of UTF-8.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The paths in `dir`, sorted.
fn page_files(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        ImportError::Io(format!(
            "cannot read the export folder {}: {e}",
            dir.display()
        ))
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| {
            ImportError::Io(format!(
                "cannot read the export folder {}: {e}",
                dir.display()
            ))
        })?;
        files.push(entry.path());
    }
    files.sort();
    Ok(files)
}

/// The items read so far, one per id and locale.
#[derive(Debug, Default)]
struct Items {
    categories: BTreeMap<(u64, String), Category>,
    sections: BTreeMap<(u64, String), Section>,
    articles: BTreeMap<(u64, String), Article>,
}

impl Items {
    /// Adds the items of `page`, a page of `list`, noting the locale of its
    /// first item; false when the page has no such list.
    fn add(&mut self, list: List, page: Page, locale_of_page: &mut Option<String>) -> bool {
        match list {
            List::Categories => collect(
                page.categories,
                page.category,
                &mut self.categories,
                |c: &mut Category| normalise(c.id, &mut c.locale),
                locale_of_page,
            ),
            List::Sections => collect(
                page.sections,
                page.section,
                &mut self.sections,
                |s: &mut Section| normalise(s.id, &mut s.locale),
                locale_of_page,
            ),
            List::Articles => collect(
                page.articles,
                page.article,
                &mut self.articles,
                |a: &mut Article| {
                    if let Some(source) = &mut a.source_locale {
                        *source = source.to_lowercase();
                    }
                    normalise(a.id, &mut a.locale)
                },
                locale_of_page,
            ),
        }
    }

    /// Warns of each list that holds fewer items than its pages announced:
    /// a page was forgotten.
    fn check_counts(
        &self,
        announced: BTreeMap<(List, String), (u64, PathBuf)>,
        warnings: &mut Vec<Diagnostic>,
    ) {
        for ((list, locale), (count, path)) in announced {
            let found = match list {
                List::Categories => self.categories.keys().filter(|(_, l)| *l == locale).count(),
                List::Sections => self.sections.keys().filter(|(_, l)| *l == locale).count(),
                List::Articles => self.articles.keys().filter(|(_, l)| *l == locale).count(),
            };
            if (found as u64) < count {
                warnings.push(
                    Diagnostic::warning(&path, 0..0, format!("the {locale} {} list has {count} items, but the export holds {found}", list.key()))
                        .with_help("save every page of the list: follow `next_page` (or `links.next`) until it is null"),
                );
            }
        }
    }
}

/// Adds a page's items to `into` (a later page wins for the same id and
/// locale); false when the page has no such list at all.
fn collect<T>(
    list: Option<Vec<T>>,
    single: Option<T>,
    into: &mut BTreeMap<(u64, String), T>,
    mut key: impl FnMut(&mut T) -> (u64, String),
    locale_of_page: &mut Option<String>,
) -> bool {
    if list.is_none() && single.is_none() {
        return false;
    }
    for mut item in list.into_iter().flatten().chain(single) {
        let key = key(&mut item);
        locale_of_page.get_or_insert_with(|| key.1.clone());
        into.insert(key, item);
    }
    true
}

/// Locales are compared in lowercase (`en-US` and `en-us` are one).
fn normalise(id: u64, locale: &mut String) -> (u64, String) {
    *locale = locale.to_lowercase();
    (id, locale.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_the_list() {
        assert_eq!(List::of_file("articles.json"), Some(List::Articles));
        assert_eq!(List::of_file("articles-es-2.json"), Some(List::Articles));
        assert_eq!(List::of_file("sections_fr.json"), Some(List::Sections));
        assert_eq!(
            List::of_file("categories.page2.json"),
            Some(List::Categories)
        );
        assert_eq!(List::of_file("articlesx.json"), None);
        assert_eq!(List::of_file("users.json"), None);
        assert_eq!(List::of_file("articles.txt"), None);
    }

    #[test]
    fn reads_pages_and_ignores_unknown_fields() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("articles.json"),
            r#"{"articles": [{"id": 1, "title": "A", "locale": "en-US", "vote_sum": 3, "draft": null}],
                "next_page": null, "count": 2, "page": 1}"#,
        )
        .unwrap();
        std::fs::write(
            dir.path().join("articles-2.json"),
            r#"{"articles": [{"id": 2, "title": "B", "locale": "en-us", "label_names": ["x"]}], "meta": {"has_more": false}}"#,
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
        let export = read(dir.path()).unwrap();
        assert_eq!(export.articles.len(), 2);
        assert_eq!(
            export.articles[1].label_names.as_deref(),
            Some(&["x".to_owned()][..])
        );
        assert_eq!(export.warnings.len(), 1, "{:?}", export.warnings);
        assert!(export.warnings[0].message.contains("left out"));
    }

    #[test]
    fn a_missing_page_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("sections.json"),
            r#"{"sections": [{"id": 1, "name": "S", "locale": "es"}], "count": 40}"#,
        )
        .unwrap();
        let export = read(dir.path()).unwrap();
        assert!(
            export.warnings[0]
                .message
                .contains("has 40 items, but the export holds 1")
        );
    }

    #[test]
    fn malformed_files_are_located_errors() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("articles.json"),
            "{\"articles\": [\n  {\"id\": \"x\"}\n]}",
        )
        .unwrap();
        std::fs::write(dir.path().join("sections.json"), "{\"count\": 1}").unwrap();
        let Err(ImportError::Content { diagnostics, texts }) = read(dir.path()) else {
            panic!("expected errors");
        };
        assert_eq!(diagnostics.len(), 2);
        let bad = &diagnostics[0];
        assert!(bad.path.ends_with("articles.json"));
        assert_eq!(texts.line_col(&bad.path, bad.span.start).0, 2);
        assert!(diagnostics[1].message.contains("no `sections` list"));
    }
}

//! mkdocs-awesome-pages-plugin's `.pages`: YAML whose `nav:` lists the
//! folder's pages and subfolders in order (`- intro.md`, `- subfolder`,
//! `- Title: page.md`, `- Title: subfolder`), with `...` for the ones it
//! leaves out, and whose `title:` titles the folder.
//!
//! Links to other sites (`- GitHub: https://…`) are passed over, as tier0
//! lists its own pages; `...` with a filter (`... | flat`, `... |
//! regex=…`) stands for the rest, unfiltered. Glob patterns
//! (`- "*.md"`) and sections made in the file (`- Title: [entries]`) are
//! not read, with a warning. The plugin's display settings (`hide`,
//! `collapse`, `collapse_single_pages`, `order`, `sort_type`, `order_by`,
//! `ignore_case`) are read and ignored: tier0 orders what `nav` leaves out
//! by title, and shows every section.

use serde::Deserialize;
use serde_yaml::Value;

use super::{Entry, FolderNav};
use crate::diagnostics::Diagnostic;
use crate::discover::SourceFile;
use crate::matter::yaml::{self, TopLevelKeys, did_you_mean};

/// The keys of a `.pages` file, as the plugin documents them.
#[derive(Debug, Default, Deserialize)]
struct PagesFile {
    nav: Option<Vec<Value>>,
    /// The plugin's first name for `nav`.
    arrange: Option<Vec<Value>>,
    title: Option<String>,
    // Display settings: known, and passed over.
    #[serde(rename = "hide")]
    _hide: Option<Value>,
    #[serde(rename = "collapse")]
    _collapse: Option<Value>,
    #[serde(rename = "collapse_single_pages")]
    _collapse_single_pages: Option<Value>,
    #[serde(rename = "order")]
    _order: Option<Value>,
    #[serde(rename = "sort_type")]
    _sort_type: Option<Value>,
    #[serde(rename = "order_by")]
    _order_by: Option<Value>,
    #[serde(rename = "ignore_case")]
    _ignore_case: Option<Value>,
}

/// The keys [`PagesFile`] knows, for "did you mean".
const KEYS: &[&str] = &[
    "nav",
    "arrange",
    "title",
    "hide",
    "collapse",
    "collapse_single_pages",
    "order",
    "sort_type",
    "order_by",
    "ignore_case",
];

/// What the `.pages` `file` says of its folder; `None` when it cannot be
/// decoded. Its problems go to `problems`.
pub(super) fn read(file: &SourceFile, problems: &mut Vec<Diagnostic>) -> Option<FolderNav> {
    let text = &*file.text;
    if text.trim().is_empty() {
        return Some(FolderNav::default());
    }
    let (pages, unknown) = match yaml::deserialize::<PagesFile>(text, 0) {
        Ok(read) => read,
        Err(e) => {
            problems.push(e.into_diagnostic(&file.path).with_help(
                "mkdocs-awesome-pages would not read it either: check this line's indentation \
                 and quoting",
            ));
            return None;
        }
    };
    let keys = TopLevelKeys::scan(text, 0);
    for path in unknown {
        let key = path.split('.').next().unwrap_or(&path);
        let help = match did_you_mean(key, KEYS) {
            Some(known) => format!("did you mean `{known}`?"),
            None => format!("a `.pages` file knows {}", KEYS.join(", ")),
        };
        problems.push(
            Diagnostic::warning(
                &file.path,
                keys.key_span(key),
                format!("unknown key `{path}` in a `.pages` file: it is ignored"),
            )
            .with_help(help),
        );
    }
    let (key, entries) = match (pages.nav, pages.arrange) {
        (Some(nav), _) => ("nav", nav),
        (None, Some(arrange)) => ("arrange", arrange),
        (None, None) => ("nav", Vec::new()),
    };
    let mut folder = FolderNav {
        title: pages.title.filter(|t| !t.trim().is_empty()),
        entries: Vec::new(),
    };
    let mut after_rest = false;
    // Each entry is found in its own item when the list is written an item
    // a line (a search that fails then stops at the next item, not at the
    // end of the file), else in the text after the one before it.
    let items = list_items(text, keys.key_span(key).end);
    let by_item = items.len() == entries.len();
    let mut from = keys.key_span(key).end;
    let mut locate = |k: usize, needle: &str| {
        let (start, end, missing) = match by_item {
            true => {
                let end = items.get(k + 1).copied().unwrap_or(text.len());
                (items[k], end, items[k]..items[k] + 1)
            }
            false => (from, text.len(), keys.key_span(key)),
        };
        let at = text
            .get(start..end)
            .and_then(|rest| rest.find(needle))
            .map_or(missing, |at| start + at..start + at + needle.len());
        from = at.end.max(from);
        at
    };
    for (k, entry) in entries.iter().enumerate() {
        let (title, target) = match entry {
            Value::String(target) => (None, target.as_str()),
            Value::Mapping(map) if map.len() == 1 => match map.iter().next() {
                Some((Value::String(title), Value::String(target))) => {
                    (Some(title.clone()), target.as_str())
                }
                Some((Value::String(title), Value::Sequence(_))) => {
                    let span = locate(k, title);
                    problems.push(not_read(
                        file,
                        span,
                        format!("the section `{title}` made in this file"),
                        "tier0's sections are folders: move its pages into a subfolder with \
                         its own `.pages`",
                    ));
                    continue;
                }
                _ => (None, ""),
            },
            _ => (None, ""),
        };
        let target = target.trim();
        if target.is_empty() {
            let shown = serde_yaml::to_string(entry).unwrap_or_default();
            let span = locate(k, shown.trim().trim_start_matches("- "));
            problems.push(not_read(
                file,
                span,
                "an entry that is neither a page nor a folder".to_owned(),
                "write `- page.md`, `- folder` or `- Title: page.md`",
            ));
            continue;
        }
        let span = locate(k, target);
        if target == "..." || target.starts_with("... |") || target.starts_with("...|") {
            after_rest = true;
        } else if target.contains("://") || target.starts_with("mailto:") {
            // A link to another site: tier0 lists its own pages.
        } else if target.contains(['*', '?', '[']) {
            problems.push(not_read(
                file,
                span,
                format!("the pattern `{target}`"),
                "name each page or folder it stands for",
            ));
        } else {
            folder.entries.push(Entry {
                name: target.to_owned(),
                title,
                span,
                after_rest,
                hidden: false,
            });
        }
    }
    Some(folder)
}

/// Where each item of the block list that follows byte `after` (the
/// end of its key) starts: the `-` of each line that opens one, at the
/// indentation of the first, up to the next top-level key.
fn list_items(text: &str, after: usize) -> Vec<usize> {
    let mut items = Vec::new();
    let mut indent = None;
    let mut at = text
        .get(after..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |n| after + n + 1);
    for line in text[at..].split_inclusive('\n') {
        let content = line.trim_start_matches(' ');
        let dash = line.len() - content.len();
        if dash == 0 && !content.trim().is_empty() && !content.starts_with(['#', '-']) {
            break;
        }
        let opens = content == "-"
            || content.starts_with("- ")
            || content.starts_with("-\n")
            || content.starts_with("-\r");
        if opens && *indent.get_or_insert(dash) == dash {
            items.push(at + dash);
        }
        at += line.len();
    }
    items
}

fn not_read(
    file: &SourceFile,
    span: std::ops::Range<usize>,
    what: String,
    help: &str,
) -> Diagnostic {
    Diagnostic::warning(
        &file.path,
        span,
        format!("{what} is not read by tier0: it is passed over"),
    )
    .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::line_col;

    fn read_text(text: &str) -> (Option<FolderNav>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let folder = read(&SourceFile::in_content("guide/.pages", text), &mut problems);
        (folder, problems)
    }

    fn names(folder: &FolderNav) -> Vec<(&str, Option<&str>, bool)> {
        folder
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.title.as_deref(), e.after_rest))
            .collect()
    }

    #[test]
    fn nav_lists_pages_and_folders_in_order_with_the_rest_marker() {
        let text = "title: User guide\nnav:\n  - intro.md\n  - Setting up: setup.md\n  \
                    - advanced\n  - GitHub: https://github.com/x/y\n  - ...\n  - faq.md\n\
                    collapse: true\norder: desc\n";
        let (folder, problems) = read_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        let folder = folder.expect("read");
        assert_eq!(folder.title.as_deref(), Some("User guide"));
        assert_eq!(
            names(&folder),
            [
                ("intro.md", None, false),
                ("setup.md", Some("Setting up"), false),
                ("advanced", None, false),
                ("faq.md", None, true),
            ]
        );
        assert_eq!(line_col(text, folder.entries[3].span.start), (8, 5));
    }

    /// Regression: an entry written with escapes (`"k\x61.md"`) was
    /// searched for to the end of the file, as it reads, and never found:
    /// 30,000 of them took 33 s, and each was placed at `nav:`.
    #[test]
    fn entries_written_with_escapes_are_placed_at_their_item() {
        let text = "nav:\n  - \"k\\x61.md\"\n  # a comment\n  - Title: \"b\\x62.md\"\n  - c.md\n\
                    title: T\n";
        let (folder, _) = read_text(text);
        let folder = folder.expect("read");
        let places: Vec<_> = folder
            .entries
            .iter()
            .map(|e| {
                (
                    e.name.as_str(),
                    line_col(text, e.span.start),
                    &text[e.span.clone()],
                )
            })
            .collect();
        assert_eq!(
            places,
            [
                ("ka.md", (2, 3), "-"),
                ("bb.md", (4, 3), "-"),
                ("c.md", (5, 5), "c.md")
            ]
        );
        // Items at a deeper indentation belong to their entry.
        let text = "nav:\n- a.md\n- Made here:\n  - x.md\n- \"c\\x63.md\"\n";
        let (folder, problems) = read_text(text);
        assert_eq!(line_col(text, problems[0].span.start).0, 3);
        assert_eq!(
            line_col(text, folder.expect("read").entries[1].span.start),
            (5, 1)
        );
    }

    #[test]
    fn what_is_not_read_is_a_located_warning_and_bad_yaml_an_error() {
        let text =
            "nav:\n  - \"*.md\"\n  - Made here:\n      - a.md\n  - 42\n  - b.md\nhdie: true\n";
        let (folder, problems) = read_text(text);
        assert_eq!(names(&folder.expect("read")), [("b.md", None, false)]);
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.message.as_str(), line_col(text, p.span.start).0))
            .collect();
        assert_eq!(
            found,
            [
                ("unknown key `hdie` in a `.pages` file: it is ignored", 7),
                (
                    "the pattern `*.md` is not read by tier0: it is passed over",
                    2
                ),
                (
                    "the section `Made here` made in this file is not read by tier0: it is passed over",
                    3
                ),
                (
                    "an entry that is neither a page nor a folder is not read by tier0: it is passed over",
                    5
                ),
            ]
        );
        assert!(problems.iter().all(|p| !p.is_error()));
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `hide`?"));
        let (folder, problems) = read_text("nav:\n  - a.md\n   - b.md: [\n");
        assert!(folder.is_none());
        assert!(problems[0].is_error() && problems[0].message.starts_with("invalid YAML"));
    }
}

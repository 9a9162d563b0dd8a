//! Nextra's `_meta` files: Nextra 2's `_meta.json`, and Nextra 3's and
//! 4's `_meta.js` / `_meta.ts` when they export a plain object (see the
//! `script` module). Each is an object whose keys name the folder's pages
//! (without extension) and subfolders in order, each with its title
//! (`"about": "About us"`) or with settings (`"about": {"title": "About
//! us", "display": "hidden"}`).
//!
//! `type: "separator"` entries (and Nextra 3's `"--"` keys) are dividers
//! of the sidebar, links to other sites (`href`) are passed over, and so
//! is the `"*"` entry (settings for every page). `display: "hidden"` keeps
//! a page off every list, reachable by its URL, as `unlisted: true` does
//! (a hidden folder is shown: a tier0 section lists its articles). The
//! theme's other settings (`theme`, `newWindow`, `type: "menu"`'s `items`)
//! are ignored. A key written twice keeps its first place and takes its
//! last value, as JavaScript reads an object, with a warning.

use std::collections::HashMap;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use serde_json::Value;

use crate::parse::script;

/// An entry of a `_meta` object: its key, its value, where its key is
/// written.
type MetaEntry = (String, Value, std::ops::Range<usize>);
use super::{Entry, FolderNav};
use crate::diagnostics::Diagnostic;
use crate::discover::SourceFile;
use crate::matter::json_matter;

/// A JSON object's entries in the order they are written: serde_json's
/// own map sorts its keys, and in `_meta.json` their order is the point.
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of page names and titles")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// What the `_meta.json` `file` says of its folder; `None` when it cannot
/// be decoded. Its problems go to `problems`.
pub(super) fn read(file: &SourceFile, problems: &mut Vec<Diagnostic>) -> Option<FolderNav> {
    let text = &*file.text;
    if text.trim().is_empty() {
        return Some(FolderNav::default());
    }
    let Ordered(entries) = match json_matter::decode::<Ordered>(text) {
        Ok((entries, _)) => entries,
        Err((span, message)) => {
            problems.push(
                Diagnostic::error(&file.path, span, format!("invalid JSON: {message}"))
                    .with_help("check the quotes, commas and braces around this place"),
            );
            return None;
        }
    };
    let spans = json_matter::top_level_spans(text);
    let located = entries
        .into_iter()
        .zip(spans)
        .map(|((key, value), (span, _))| (key, value, span));
    Some(folder(file, located.collect(), problems))
}

/// What the `_meta.js` / `_meta.ts` `file` says of its folder, when it is
/// the plain object [`script::object`] reads; else a warning that says
/// where it needs JavaScript, and `None`.
pub(super) fn read_script(file: &SourceFile, problems: &mut Vec<Diagnostic>) -> Option<FolderNav> {
    match script::object(&file.text) {
        Ok(entries) => {
            let entries = entries
                .into_iter()
                .map(|(k, v, span)| (k, v.to_json(), span));
            Some(folder(file, entries.collect(), problems))
        }
        Err((span, why)) => {
            problems.push(
                Diagnostic::warning(
                    &file.path,
                    span,
                    format!(
                        "tier0 runs no JavaScript, and cannot read this `_meta` file without \
                         it: {why}; the order and titles it gives are not read"
                    ),
                )
                .with_help(
                    "the pages of this folder are ordered by title; to keep this order, export \
                     a plain object (`export default { page: 'Title' }`) of quoted texts",
                ),
            );
            None
        }
    }
}

/// The folder the `_meta` `entries` describe, each with where its key is
/// written in `file`.
fn folder(file: &SourceFile, entries: Vec<MetaEntry>, problems: &mut Vec<Diagnostic>) -> FolderNav {
    let mut folder = FolderNav::default();
    for (key, value, span) in last_values(file, entries, problems) {
        if key == "*" || key.starts_with("--") {
            continue;
        }
        let (title, hidden) = match &value {
            Value::String(title) => (Some(title.clone()), false),
            Value::Object(settings) => {
                let text = |name: &str| settings.get(name).and_then(Value::as_str);
                if text("type") == Some("separator") || settings.contains_key("href") {
                    continue;
                }
                (
                    text("title").map(str::to_owned),
                    text("display") == Some("hidden"),
                )
            }
            _ => {
                problems.push(
                    Diagnostic::warning(
                        &file.path,
                        span,
                        format!("`{key}` is given neither a title nor settings: it is passed over"),
                    )
                    .with_help(
                        "write `\"page\": \"Its title\"` or `\"page\": {\"title\": \"Its title\"}`",
                    ),
                );
                continue;
            }
        };
        folder.entries.push(Entry {
            name: key,
            title: title.filter(|t| !t.trim().is_empty()),
            span,
            after_rest: false,
            hidden,
        });
    }
    folder
}

/// `entries` with each key once, as JavaScript (and `JSON.parse`) reads
/// an object: a key written again keeps its first place and takes its
/// last value. A warning at each key written again.
fn last_values(
    file: &SourceFile,
    entries: Vec<MetaEntry>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<MetaEntry> {
    let mut once: Vec<MetaEntry> = Vec::with_capacity(entries.len());
    let mut places: HashMap<String, usize> = HashMap::new();
    for (key, value, span) in entries {
        let Some(&at) = places.get(&key) else {
            places.insert(key.clone(), once.len());
            once.push((key, value, span));
            continue;
        };
        problems.push(
            Diagnostic::warning(
                &file.path,
                span,
                format!("`{key}` is written twice: this value replaces the first one"),
            )
            .with_help("as Nextra does; remove one of the two"),
        );
        once[at].1 = value;
    }
    once
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::line_col;

    fn read_text(text: &str) -> (Option<FolderNav>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let folder = read(
            &SourceFile::in_content("docs/_meta.json", text),
            &mut problems,
        );
        (folder, problems)
    }

    #[test]
    fn keys_in_the_order_written_with_titles_and_settings() {
        let text = "{\n  \"index\": \"Home\",\n  \"zebra\": \"Zebras\",\n  \"*\": {\"type\": \"page\"},\n  \
                    \"--\": {\"type\": \"separator\", \"title\": \"More\"},\n  \
                    \"sep\": {\"type\": \"separator\"},\n  \
                    \"about\": {\"title\": \"About us\", \"display\": \"hidden\"},\n  \
                    \"github\": {\"title\": \"GitHub\", \"href\": \"https://github.com\"},\n  \
                    \"apple\": {\"theme\": {\"toc\": false}},\n  \"bad\": 3\n}\n";
        let (folder, problems) = read_text(text);
        let entries: Vec<_> = folder
            .expect("read")
            .entries
            .into_iter()
            .map(|e| (e.name, e.title, e.hidden, line_col(text, e.span.start).0))
            .collect();
        assert_eq!(
            entries,
            [
                ("index".into(), Some("Home".into()), false, 2),
                ("zebra".into(), Some("Zebras".into()), false, 3),
                ("about".into(), Some("About us".into()), true, 7),
                ("apple".into(), None, false, 9),
            ]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(line_col(text, problems[0].span.start), (10, 3));
        assert!(!problems[0].is_error());
    }

    /// Regression: a key written twice kept its first value, where
    /// Nextra (JavaScript) takes the last, and nothing was said.
    #[test]
    fn a_key_written_twice_keeps_its_first_place_and_last_value() {
        let text =
            "{\"a\": \"Old\", \"b\": \"B\", \"a\": {\"title\": \"New\", \"display\": \"hidden\"}}";
        let (folder, problems) = read_text(text);
        let entries: Vec<_> = folder
            .expect("read")
            .entries
            .into_iter()
            .map(|e| (e.name, e.title, e.hidden, e.span))
            .collect();
        assert_eq!(
            entries,
            [
                ("a".into(), Some("New".into()), true, 1..4),
                ("b".into(), Some("B".into()), false, 13..16),
            ]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message,
            "`a` is written twice: this value replaces the first one"
        );
        assert_eq!(&text[problems[0].span.clone()], "\"a\"");
        assert_eq!(problems[0].span.start, 23);
    }

    /// Regression: keys were found by searching the text for each one as
    /// serde_json writes it, from the last one found: a key written with
    /// escapes was never found, each search ran to the end of the file (a
    /// 600 KB file of them took 22 s), and its problems pointed at 1:1.
    #[test]
    fn keys_written_with_escapes_are_located() {
        let text = "{\"\\u0061\": \"A\", \"g\\u006fne\": \"Gone\"}";
        let (folder, _) = read_text(text);
        let spans: Vec<&str> = folder
            .expect("read")
            .entries
            .iter()
            .map(|e| &text[e.span.clone()])
            .collect();
        assert_eq!(spans, ["\"\\u0061\"", "\"g\\u006fne\""]);
    }

    #[test]
    fn json_that_does_not_decode_is_an_error_at_its_place() {
        let text = "{\n  \"a\": \"A\",\n  \"b\" \"B\"\n}\n";
        let (folder, problems) = read_text(text);
        assert!(folder.is_none());
        assert!(problems[0].is_error() && problems[0].message.starts_with("invalid JSON"));
        assert_eq!(line_col(text, problems[0].span.start).0, 3);
        let (folder, problems) = read_text("[\"a\", \"b\"]\n");
        assert!(folder.is_none() && problems[0].is_error());
    }
}

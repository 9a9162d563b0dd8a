//! A Mintlify project's files at the top of its docs folder: its
//! configuration (`docs.json`, or `mint.json` before it), whose
//! `navigation` the parse stage reads as a table of contents, is taken
//! out of the assets (Mintlify does not publish it); its `.mintignore`,
//! .gitignore lines, keeps the files it names off the site, and so does
//! its `snippets/` folder, whose pages only other pages put in
//! (`super::excluded`).
//!
//! In: the content folder and what the walk found. Out: the
//! configuration among the tables of contents of [`Sources`].

use super::{ContentFolder, MINTLIFY_FILES, Sources, read};

/// Mintlify's file of paths kept off the site, at the top of its docs
/// folder.
pub(super) const IGNORE_FILE: &str = ".mintignore";

/// Mintlify's folder of snippets, at the top of its docs folder: pages put
/// into others (`import Intro from '/snippets/intro.mdx'`), never pages of
/// their own.
pub(super) const SNIPPETS: &str = "/snippets/";

/// Whether `bytes`, a file of [`MINTLIFY_FILES`], is a Mintlify
/// configuration: a JSON object with a `navigation`.
fn configures(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes)
        .is_ok_and(|config| config.get("navigation").is_some())
}

/// Whether the content folder `dir` is a Mintlify project's docs folder.
pub(super) fn is_project(dir: &std::path::Path) -> bool {
    MINTLIFY_FILES
        .iter()
        .any(|name| std::fs::read(dir.join(name)).is_ok_and(|bytes| configures(&bytes)))
}

/// Moves the first of [`MINTLIFY_FILES`] at the top of `content` that is a
/// Mintlify configuration (a JSON object with a `navigation`) from the
/// assets of `sources` to its tables of contents. Another file of that
/// name stays an asset.
pub(super) fn take_navigation(content: &ContentFolder, sources: &mut Sources) {
    for name in MINTLIFY_FILES {
        let Some(at) = sources.assets.iter().position(|a| a.rel == name) else {
            continue;
        };
        let Ok(bytes) = std::fs::read(&sources.assets[at].source) else {
            continue;
        };
        let configures = configures(&bytes);
        // One that is not JSON is read, to be said at its line, when it
        // looks like a configuration.
        let broken = !configures
            && serde_json::from_slice::<serde_json::Value>(&bytes).is_err()
            && String::from_utf8_lossy(&bytes).contains("\"navigation\"");
        if configures || broken {
            sources.assets.remove(at);
            let (file, problem) = read::source_file(content, name.to_owned(), &bytes);
            sources.texts.insert(file.path.clone(), file.text.clone());
            match problem {
                Some(problem) => sources.problems.push(problem),
                None => sources.book_tocs.push(file),
            }
            return;
        }
    }
}

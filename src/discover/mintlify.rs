//! A Mintlify project's files at the top of its docs folder: its
//! configuration (`docs.json`, or `mint.json` before it), whose
//! `navigation` the parse stage reads as a table of contents, is taken
//! out of the assets (Mintlify does not publish it); its `.mintignore`,
//! .gitignore lines, keeps the files it names off the site
//! (`super::excluded`).
//!
//! In: the content folder and what the walk found. Out: the
//! configuration among the tables of contents of [`Sources`].

use super::{ContentFolder, MINTLIFY_FILES, Sources, read};

/// Mintlify's file of paths kept off the site, at the top of its docs
/// folder.
pub(super) const IGNORE_FILE: &str = ".mintignore";

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
        let configures = serde_json::from_slice::<serde_json::Value>(&bytes)
            .is_ok_and(|config| config.get("navigation").is_some());
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

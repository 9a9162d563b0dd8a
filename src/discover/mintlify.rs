//! A Mintlify project's files at the top of its docs folder: its
//! configuration (`docs.json`, or `mint.json` before it), whose
//! `navigation` the parse stage reads as a table of contents, is taken
//! out of the assets (Mintlify does not publish it); its `.mintignore`,
//! .gitignore lines, keeps the files it names off the site, and so does
//! its `snippets/` folder, whose pages only other pages put in
//! (`super::excluded`).
//!
//! A project built where it stands (`docs/docs.json`) takes its name and
//! languages from it ([`project`]): `name`, and the `language` of each of
//! `navigation.languages`, the one marked `default` first, whose pages
//! stand in a folder each (`es/quickstart.mdx`).
//!
//! In: the content folder and what the walk found. Out: the
//! configuration among the tables of contents of [`Sources`].

use std::path::Path;

use super::{ContentFolder, MINTLIFY_FILES, Sources, read, root_file};

/// Mintlify's file of paths kept off the site, at the top of its docs
/// folder.
pub(super) const IGNORE_FILE: &str = ".mintignore";

/// Mintlify's folder of snippets, at the top of its docs folder: pages put
/// into others (`import Intro from '/snippets/intro.mdx'`), never pages of
/// their own.
pub(super) const SNIPPETS: &str = "/snippets/";

/// Whether `bytes`, a file of [`MINTLIFY_FILES`], is a Mintlify
/// configuration: a JSON object with a `navigation`, or a file that is not
/// JSON but names one (read all the same, to be said at its line).
fn configures(bytes: &[u8]) -> bool {
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(config) => config.get("navigation").is_some(),
        Err(_) => memchr::memmem::find(bytes, b"\"navigation\"").is_some(),
    }
}

/// Whether the content folder `dir` is a Mintlify project's docs folder.
pub(super) fn is_project(dir: &Path) -> bool {
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
        if configures(&bytes) {
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

/// The folder a Mintlify project built where it stands keeps its pages in.
const PROJECT_FOLDER: &str = "docs";

/// A value with what named it, for people ("the name of docs/docs.json").
type Named = (String, String);

/// What the configuration of the Mintlify project in the `docs/` of the
/// site folder `root` says: its name, and its languages, the default
/// first (none unless it lists two), each with what named it.
pub(super) fn project(root: &Path) -> (Option<Named>, Vec<Named>) {
    let Some((shown, config)) = MINTLIFY_FILES.iter().find_map(|name| {
        let shown = format!("{PROJECT_FOLDER}/{name}");
        let text = root_file(root, &shown).ok()??.0.text;
        let config = serde_json::from_str::<serde_json::Value>(&text).ok()?;
        config
            .get("navigation")
            .is_some()
            .then_some((shown, config))
    }) else {
        return (None, Vec::new());
    };
    let name = config
        .get("name")
        .and_then(serde_json::Value::as_str)
        .map(|name| (name.trim().to_owned(), format!("the name of {shown}")))
        .filter(|(name, _)| !name.is_empty());
    let listed = config
        .pointer("/navigation/languages")
        .and_then(serde_json::Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut codes: Vec<(String, bool)> = Vec::new();
    for entry in listed {
        let Some(code) = entry.get("language").and_then(serde_json::Value::as_str) else {
            continue;
        };
        let code = super::language_code(code);
        let default = entry.get("default").and_then(serde_json::Value::as_bool) == Some(true);
        if crate::slug::is_slug(&code) && !codes.iter().any(|(c, _)| *c == code) {
            codes.push((code, default));
        }
    }
    // The default first; else the first listed, as Mintlify takes it.
    codes.sort_by_key(|(_, default)| !default);
    let languages = if codes.len() > 1 {
        let named_by = format!("the navigation languages of {shown}");
        codes
            .into_iter()
            .map(|(code, _)| (code, named_by.clone()))
            .collect()
    } else {
        Vec::new()
    };
    (name, languages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::tests::site_of_texts;

    #[test]
    fn a_project_in_docs_gives_its_name_and_languages_default_first() {
        let root = site_of_texts(&[(
            "docs/docs.json",
            r#"{"name": "Acme Help", "navigation": {"languages": [
                {"language": "en", "groups": []},
                {"language": "pt-BR", "default": true, "groups": []},
                {"language": "en", "groups": []}
            ]}}"#,
        )]);
        let (name, languages) = project(root.path());
        assert_eq!(
            name,
            Some(("Acme Help".into(), "the name of docs/docs.json".into()))
        );
        let codes: Vec<&str> = languages.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(codes, ["pt-br", "en"]);
        let one = site_of_texts(&[(
            "docs/mint.json",
            r#"{"name": "X", "navigation": [{"group": "A", "pages": []}]}"#,
        )]);
        assert_eq!(project(one.path()).1, []);
        let other = site_of_texts(&[("docs/docs.json", r#"{"name": "not Mintlify's"}"#)]);
        assert_eq!(project(other.path()), (None, Vec::new()));
    }
}

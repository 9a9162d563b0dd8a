//! A Hugo project translated by content folder: each language's pages in
//! the folder its `contentDir` names (`content/en`, `content/nl`), as
//! Docsy's and Doks's sites are laid out. Read as one folder, `content/`
//! made each language a section, and the default language's (`/en/`) ran
//! into the pages tier0 writes for that language: every page of it was
//! left out.
//!
//! In: the site folder. Out: the default language's folder
//! ([`language_folder`]), which a site whose `tier0.yaml` names no
//! content folder publishes. Hugo's configuration is read where Hugo
//! looks for it: `hugo.toml` or `config.toml` at the top of the project,
//! or in `config/_default/`, with `languages.toml` there.

use std::path::Path;

use super::GeneratorFolder;
use super::generators::{refusal, toml_path};
use super::root_file;

/// Hugo's configuration files, in the order Hugo reads them.
pub(super) const CONFIG_FILES: [&str; 4] = [
    "hugo.toml",
    "config.toml",
    "config/_default/hugo.toml",
    "config/_default/config.toml",
];

/// Hugo's languages, in a file of their own in its configuration folder.
const LANGUAGES_FILE: &str = "config/_default/languages.toml";

/// Hugo's language when its configuration names none.
const HUGO_DEFAULT_LANGUAGE: &str = "en";

/// The folder of the default language of the Hugo project at `root`
/// (`defaultContentLanguage`, else English), when its configuration gives
/// that language a `contentDir` that is a folder of the site.
pub fn language_folder(root: &Path) -> Option<GeneratorFolder> {
    let texts: Vec<(&str, String)> = CONFIG_FILES
        .iter()
        .chain([&LANGUAGES_FILE])
        .filter_map(|name| Some((*name, root_file(root, name).ok()??.0.text.to_string())))
        .collect();
    let language = texts
        .iter()
        .filter(|(name, _)| *name != LANGUAGES_FILE)
        .find_map(|(_, text)| toml_path(text, &["defaultContentLanguage"]))
        .unwrap_or_else(|| HUGO_DEFAULT_LANGUAGE.to_owned());
    let (dir, name) = texts.iter().find_map(|(name, text)| {
        let path: &[&str] = if *name == LANGUAGES_FILE {
            &[&language, "contentDir"]
        } else {
            &["languages", &language, "contentDir"]
        };
        Some((toml_path(text, path)?, *name))
    })?;
    let dir = refusal(root, &dir).ok()?;
    Some(GeneratorFolder {
        dir,
        named_by: format!("the contentDir of Hugo's default language, {language}, in {name}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folder found in a site folder made of `files` (a name ending in
    /// `/` is a folder), and what named it.
    fn found(files: &[(&str, &str)]) -> Option<(String, String)> {
        let root = crate::discover::tests::site_of_texts(files);
        language_folder(root.path()).map(|f| (f.dir.to_string_lossy().into_owned(), f.named_by))
    }

    #[test]
    fn the_default_languages_content_dir_is_found_where_hugo_reads_it() {
        // Doks: the languages in a file of their own.
        let doks = [
            (
                "config/_default/config.toml",
                "defaultContentLanguage = \"nl\"\n",
            ),
            (
                LANGUAGES_FILE,
                "[en]\n  contentDir = \"content/en\"\n[nl]\n  contentDir = \"content/nl\"\n",
            ),
            ("content/en/", ""),
            ("content/nl/", ""),
        ];
        assert_eq!(
            found(&doks),
            Some((
                "content/nl".to_owned(),
                format!("the contentDir of Hugo's default language, nl, in {LANGUAGES_FILE}")
            ))
        );
        // Docsy: in hugo.toml, the default language English.
        let docsy = [
            ("hugo.toml", "[languages.en]\ncontentDir = \"content/en\"\n"),
            ("content/en/", ""),
        ];
        assert_eq!(found(&docsy).map(|f| f.0).as_deref(), Some("content/en"));
    }

    #[test]
    fn no_content_dir_or_no_such_folder_gives_none() {
        assert_eq!(
            found(&[("hugo.toml", "title = \"x\"\n"), ("content/", "")]),
            None
        );
        let missing = [("hugo.toml", "[languages.en]\ncontentDir = \"content/en\"\n")];
        assert_eq!(found(&missing), None);
        let outside = [
            ("hugo.toml", "[languages.en]\ncontentDir = \"../en\"\n"),
            ("content/", ""),
        ];
        assert_eq!(found(&outside), None);
    }
}

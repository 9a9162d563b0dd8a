//! A Hugo project translated by content folder: each language's pages in
//! the folder its `contentDir` names (`content/en`, `content/nl`), as
//! Docsy's and Doks's sites are laid out. When every language's folder is
//! `content/<its code>`, the content folder is read whole, each of those
//! folders as its language's pages (`Config::language_folder`); when they
//! lie elsewhere (`content/english`), a site whose `tier0.yaml` names no
//! content folder publishes the default language's ([`language_folder`]).
//! A project without `tier0.yaml` publishes every language Hugo's
//! configuration lists ([`languages`]).
//!
//! In: the site folder. Out: the default language's folder, and the
//! languages. Hugo's configuration is read where Hugo looks for it:
//! `hugo.toml` or `config.toml` at the top of the project, or in
//! `config/_default/`, with `languages.toml` there; each may be written
//! in YAML or JSON instead (`hugo.yaml`, as Docsy's and Hextra's starter
//! projects are).

use std::path::Path;

use super::GeneratorFolder;
use super::generators::{config_text, refusal};
use super::root_file;
use crate::matter::Value;

/// Hugo's configuration files, in the order Hugo reads them, each name in
/// TOML, YAML and JSON.
pub(super) const CONFIG_FILES: [&str; 16] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
    "config/_default/hugo.toml",
    "config/_default/hugo.yaml",
    "config/_default/hugo.yml",
    "config/_default/hugo.json",
    "config/_default/config.toml",
    "config/_default/config.yaml",
    "config/_default/config.yml",
    "config/_default/config.json",
];

/// Hugo's languages, in a file of their own in its configuration folder.
pub(super) const LANGUAGES_FILES: [&str; 4] = [
    "config/_default/languages.toml",
    "config/_default/languages.yaml",
    "config/_default/languages.yml",
    "config/_default/languages.json",
];

/// Hugo's language when its configuration names none.
const HUGO_DEFAULT_LANGUAGE: &str = "en";

/// The texts of the Hugo configuration files at `root`, by name.
pub(super) fn configuration(root: &Path) -> Vec<(&'static str, String)> {
    CONFIG_FILES
        .iter()
        .chain(&LANGUAGES_FILES)
        .filter_map(|name| Some((*name, root_file(root, name).ok()??.0.text.to_string())))
        .collect()
}

/// `defaultContentLanguage`, else English.
fn default_language(texts: &[(&str, String)]) -> String {
    texts
        .iter()
        .filter(|(name, _)| !LANGUAGES_FILES.contains(name))
        .find_map(|(name, text)| config_text(name, text, &["defaultContentLanguage"]))
        .unwrap_or_else(|| HUGO_DEFAULT_LANGUAGE.to_owned())
}

/// A language a Hugo configuration lists.
struct Listed {
    /// Its code, lower-cased.
    code: String,
    /// Its `contentDir`, if given.
    content_dir: Option<String>,
    /// The file that lists it.
    file: &'static str,
}

/// The languages `texts` list (the tables of `[languages]`, or those of
/// `languages.toml`), in the order written; one listed in two files takes
/// the first `contentDir` given.
fn listed(texts: &[(&'static str, String)]) -> Vec<Listed> {
    let mut found: Vec<Listed> = Vec::new();
    for (name, text) in texts {
        let Ok(file) = crate::matter::config_file(text, Path::new(name)) else {
            continue;
        };
        let tables: Vec<(&String, &Value)> = if LANGUAGES_FILES.contains(name) {
            file.entries
                .iter()
                .filter_map(|e| Some((&e.key, e.value.as_ref()?)))
                .collect()
        } else {
            match file
                .entries
                .iter()
                .find(|e| e.key.eq_ignore_ascii_case("languages"))
                .and_then(|e| e.value.as_ref())
            {
                Some(Value::Map(tables)) => tables.iter().map(|(k, v)| (k, v)).collect(),
                _ => Vec::new(),
            }
        };
        for (code, value) in tables {
            if !matches!(value, Value::Map(_)) {
                continue;
            }
            let code = super::language_code(code);
            let content_dir = match value.get("contentDir") {
                Some(Value::String(dir)) => Some(dir.clone()),
                _ => None,
            };
            match found.iter_mut().find(|l| l.code == code) {
                Some(known) => {
                    known.content_dir = known.content_dir.take().or(content_dir);
                }
                None => found.push(Listed {
                    code,
                    content_dir,
                    file: name,
                }),
            }
        }
    }
    found
}

/// Whether every language of `languages` has its pages in
/// `content/<code>`: language folders, which the content folder read whole
/// gives each language.
fn in_language_folders(languages: &[Listed]) -> bool {
    !languages.is_empty()
        && languages.iter().all(|l| {
            l.content_dir.as_deref().is_some_and(|dir| {
                let dir = dir.trim_start_matches("./").trim_end_matches('/');
                dir.strip_prefix("content/")
                    .is_some_and(|folder| super::names_language(folder, &l.code))
            })
        })
}

/// The folder of the default language of the Hugo project at `root`
/// (`defaultContentLanguage`, else English), when its configuration gives
/// that language a `contentDir` that is a folder of the site, and not
/// every language's is `content/<its code>`.
pub fn language_folder(root: &Path) -> Option<GeneratorFolder> {
    let texts = configuration(root);
    let languages = listed(&texts);
    if in_language_folders(&languages) {
        return None;
    }
    let language = default_language(&texts);
    let default = languages
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(&language))?;
    let dir = refusal(root, default.content_dir.as_deref()?).ok()?;
    Some(GeneratorFolder {
        dir,
        named_by: format!(
            "the contentDir of Hugo's default language, {language}, in {}",
            default.file
        ),
    })
}

/// The languages the Hugo project at `root` lists, its default first, each
/// with what named it ("the languages of hugo.toml").
pub(super) fn languages(root: &Path) -> Vec<(String, String)> {
    let texts = configuration(root);
    let default = default_language(&texts).to_ascii_lowercase();
    let mut languages = listed(&texts);
    languages.sort_by_key(|l| l.code != default);
    languages
        .into_iter()
        .map(|l| (l.code, format!("the languages of {}", l.file)))
        .collect()
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

    /// Doks's layout: the languages in a file of their own, each in the
    /// folder of its code.
    const DOKS: [(&str, &str); 4] = [
        (
            "config/_default/config.toml",
            "defaultContentLanguage = \"nl\"\n",
        ),
        (
            LANGUAGES_FILES[0],
            "[en]\n  contentDir = \"content/en\"\n[nl]\n  contentDir = \"content/nl\"\n",
        ),
        ("content/en/", ""),
        ("content/nl/", ""),
    ];

    #[test]
    fn the_default_languages_content_dir_is_found_where_hugo_reads_it() {
        let elsewhere = [
            (
                "config/_default/config.toml",
                "defaultContentLanguage = \"nl\"\n",
            ),
            (
                LANGUAGES_FILES[0],
                "[en]\n  contentDir = \"content/english\"\n[nl]\n  contentDir = \"content/dutch\"\n",
            ),
            ("content/english/", ""),
            ("content/dutch/", ""),
        ];
        assert_eq!(
            found(&elsewhere),
            Some((
                "content/dutch".to_owned(),
                format!(
                    "the contentDir of Hugo's default language, nl, in {}",
                    LANGUAGES_FILES[0]
                )
            ))
        );
        // In hugo.toml, the default language English, one language in a
        // folder of its code and one not.
        let mixed = [
            (
                "hugo.toml",
                "[languages.en]\ncontentDir = \"content/en\"\n[languages.fr]\ncontentDir = \"content/francais\"\n",
            ),
            ("content/en/", ""),
            ("content/francais/", ""),
        ];
        assert_eq!(found(&mixed).map(|f| f.0).as_deref(), Some("content/en"));
    }

    /// Every language in the folder of its code (Doks, Docsy): the content
    /// folder is read whole, and the project's languages are Hugo's.
    #[test]
    fn languages_in_folders_of_their_codes_are_read_whole() {
        assert_eq!(found(&DOKS), None);
        let docsy = [
            (
                "hugo.toml",
                "[languages]\n[languages.en]\ncontentDir = \"content/en\"\n[languages.FA]\n\
                 contentDir = \"./content/fa/\"\n",
            ),
            ("content/en/", ""),
            ("content/fa/", ""),
        ];
        assert_eq!(found(&docsy), None);
        let yaml = [
            (
                "hugo.yaml",
                "defaultContentLanguage: fa\nlanguages:\n  en:\n    contentDir: content/en\n  \
                 fa:\n    contentDir: content/fa\n",
            ),
            ("content/en/", ""),
            ("content/fa/", ""),
        ];
        let root = crate::discover::tests::site_of_texts(&yaml);
        assert_eq!(
            languages(root.path()),
            [
                ("fa".to_owned(), "the languages of hugo.yaml".to_owned()),
                ("en".to_owned(), "the languages of hugo.yaml".to_owned()),
            ]
        );
        let root = crate::discover::tests::site_of_texts(&DOKS);
        assert_eq!(
            languages(root.path()),
            [
                (
                    "nl".to_owned(),
                    format!("the languages of {}", LANGUAGES_FILES[0])
                ),
                (
                    "en".to_owned(),
                    format!("the languages of {}", LANGUAGES_FILES[0])
                ),
            ]
        );
        let root = crate::discover::tests::site_of_texts(&docsy);
        let codes: Vec<String> = languages(root.path()).into_iter().map(|l| l.0).collect();
        assert_eq!(codes, ["en", "fa"]);
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

//! The language another generator's configuration gives a project: a site
//! with no `tier0.yaml`, built where it stands (an English MkDocs or
//! Sphinx project), takes it as its default language, so that its pages,
//! search and interface are in that language rather than tier0's default.
//!
//! In: the site folder. Out: the language code ([`generator_language`]). Each file is read as written, never run: a
//! plain assignment in Sphinx's `conf.py` and Docusaurus's configuration,
//! keys of the YAML and TOML files.

use std::path::Path;

use serde::Deserialize;

use super::generators::toml_string;
use super::{MKDOCS_FILES, root_file};
use crate::matter::yaml;

/// Docusaurus's configuration files, at the top of the project.
const DOCUSAURUS_FILES: [&str; 3] = [
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
];

/// The language the configuration of another generator at `root` gives,
/// tried in this order: MkDocs's (and ProperDocs's) `theme.language`
/// (Material's) or `theme.locale` (MkDocs's own themes),
/// mdBook's `[book] language`, Sphinx's `language` (`conf.py`, then
/// `docs/conf.py`), Docusaurus's `defaultLocale`, and in Hugo's or Zola's
/// `hugo.toml` or `config.toml` `defaultContentLanguage`, `languageCode`
/// or `default_language`; its primary subtag, lower-cased (`en` for
/// `en-US`).
pub fn generator_language(root: &Path) -> Option<String> {
    // Each file is read once, whatever the keys looked for in it.
    let read = |name: &str| Some(root_file(root, name).ok()??.0.text);
    let toml = |name: &str, table: Option<&str>, keys: &[&str]| {
        let text = read(name)?;
        keys.iter()
            .find_map(|key| primary_subtag(&toml_string(&text, table, key)?))
    };
    let assigned = |name: &str, key: &str, separator: char| {
        primary_subtag(&assignment(&read(name)?, key, separator)?)
    };
    // MkDocs reads the first of its files it finds, as the content folder
    // is taken from it.
    let mkdocs = MKDOCS_FILES
        .iter()
        .filter(|name| !name.ends_with(".toml"))
        .find_map(|name| read(name))
        .and_then(|text| {
            let (file, _) = yaml::deserialize::<MkDocsTheme>(&text, 0).ok()?;
            let theme = file.theme?;
            // Material names it `language`, MkDocs's own themes `locale`.
            ["language", "locale"]
                .iter()
                .find_map(|key| primary_subtag(theme.get(key)?.as_str()?))
        });
    mkdocs
        .or_else(|| toml("book.toml", Some("book"), &["language"]))
        .or_else(|| assigned("conf.py", "language", '='))
        .or_else(|| assigned("docs/conf.py", "language", '='))
        .or_else(|| {
            DOCUSAURUS_FILES
                .iter()
                .find_map(|name| assigned(name, "defaultLocale", ':'))
        })
        .or_else(|| {
            ["hugo.toml", "config.toml"].iter().find_map(|name| {
                toml(
                    name,
                    None,
                    &["defaultContentLanguage", "languageCode", "default_language"],
                )
            })
        })
}

/// The keys of `mkdocs.yml` this module reads: `theme`, a table or a name.
#[derive(Deserialize)]
struct MkDocsTheme {
    theme: Option<serde_yaml::Value>,
}

/// The string literal assigned to `key` at the start of a line of `text`:
/// `key = "en"` in Python, `key: 'en'` in JavaScript (`separator`).
fn assignment(text: &str, key: &str, separator: char) -> Option<String> {
    text.lines().find_map(|line| {
        let rest = line.trim_start().strip_prefix(key)?.trim_start();
        let rest = rest.strip_prefix(separator)?.trim_start();
        let quote = rest.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let value = &rest[1..];
        Some(value[..value.find(quote)?].to_owned())
    })
}

/// The primary subtag of the language tag `tag`, lower-cased (`en-US`,
/// `en_US` → `en`), when it is two or three ASCII letters.
fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The language found in a site folder made of `files`.
    fn language(files: &[(&str, &str)]) -> Option<String> {
        let root = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = root.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        generator_language(root.path())
    }

    #[test]
    fn each_generators_configuration_names_its_language() {
        let mkdocs = "site_name: X\ntheme:\n  name: material\n  language: en\n";
        assert_eq!(language(&[("mkdocs.yml", mkdocs)]).as_deref(), Some("en"));
        let mkdocs = "site_name: X\ntheme:\n  name: mkdocs\n  locale: fr\n";
        assert_eq!(language(&[("mkdocs.yml", mkdocs)]).as_deref(), Some("fr"));
        let mdbook = "[book]\ntitle = \"X\"\nlanguage = \"es\"\n";
        assert_eq!(language(&[("book.toml", mdbook)]).as_deref(), Some("es"));
        let sphinx = "project = 'x'\n# language = 'fr'\nlanguage = \"en\"\n";
        assert_eq!(language(&[("docs/conf.py", sphinx)]).as_deref(), Some("en"));
        assert_eq!(
            language(&[("conf.py", "language = 'es'\n")]).as_deref(),
            Some("es")
        );
        let docusaurus = "export default {\n  i18n: {\n    defaultLocale: 'en',\n    locales: ['en'],\n  },\n};\n";
        assert_eq!(
            language(&[("docusaurus.config.ts", docusaurus)]).as_deref(),
            Some("en")
        );
        assert_eq!(
            language(&[("hugo.toml", "languageCode = 'en-us'\n")]).as_deref(),
            Some("en")
        );
        let hugo = "languageCode = \"en-us\"\ndefaultContentLanguage = \"es\"\n";
        assert_eq!(language(&[("config.toml", hugo)]).as_deref(), Some("es"));
        let zola = "base_url = \"/\"\ndefault_language = \"en\"\n";
        assert_eq!(language(&[("config.toml", zola)]).as_deref(), Some("en"));
    }

    #[test]
    fn what_names_no_language_gives_none() {
        // A theme by its name alone, Sphinx's `None`, a commented line, a
        // value that is no language tag, no configuration at all.
        assert_eq!(language(&[("mkdocs.yml", "theme: material\n")]), None);
        assert_eq!(language(&[("docs/conf.py", "language = None\n")]), None);
        assert_eq!(language(&[("conf.py", "# language = 'en'\n")]), None);
        assert_eq!(
            language(&[("book.toml", "[book]\nlanguage = \"English!\"\n")]),
            None
        );
        assert_eq!(language(&[("mkdocs.yml", ":\n  - [broken\n")]), None);
        assert_eq!(language(&[]), None);
    }

    #[test]
    fn a_language_tag_gives_its_primary_subtag() {
        assert_eq!(primary_subtag("en-US").as_deref(), Some("en"));
        assert_eq!(primary_subtag("pt_BR").as_deref(), Some("pt"));
        assert_eq!(primary_subtag(" ES ").as_deref(), Some("es"));
        assert_eq!(primary_subtag("fil").as_deref(), Some("fil"));
        assert_eq!(primary_subtag("e"), None);
        assert_eq!(primary_subtag("english"), None);
        assert_eq!(primary_subtag("1a"), None);
    }
}

//! What another generator's configuration says of a project: its language
//! and its name. A site with no `tier0.yaml`, built where it stands (a
//! German MkDocs or an English Sphinx project), takes them as its default
//! language and its title, so that its pages, search and interface are in
//! its language and carry its name rather than tier0's defaults.
//!
//! In: the site folder. Out: [`Project`] ([`generator_project`]). Each
//! file is read once and as written, never run: a plain assignment in
//! Sphinx's `conf.py` and Docusaurus's configuration, keys of the YAML and
//! TOML files.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use super::generators::config_string;
use super::{MKDOCS_FILES, root_file};
use crate::matter::yaml;

/// Sphinx's configuration, at the top of the project or in its `docs/`,
/// or in the `source/` that sphinx-quickstart makes beside `build/`.
pub(super) const SPHINX_FILES: [&str; 4] = [
    "conf.py",
    "docs/conf.py",
    "docs/source/conf.py",
    "source/conf.py",
];

/// Hugo's and Zola's configuration files: Hugo's (Zola's `config.toml`
/// among them), at the top of the project and in its configuration folder.
const HUGO_ZOLA_FILES: [&str; 16] = super::hugo::CONFIG_FILES;

/// What another generator's configuration says of a project, each with
/// what said it, for people ("the theme.language of mkdocs.yml").
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Project {
    /// The primary subtag of its language, lower-cased (`en` for `en-US`).
    pub language: Option<(String, String)>,
    /// Its name (`site_name`, `title`, `project`).
    pub title: Option<(String, String)>,
    /// The languages it is translated into, each with what named it
    /// (mkdocs-static-i18n's `languages`, Hugo's `[languages]`,
    /// VitePress's `locales`, Docusaurus's `i18n`, Mintlify's
    /// `navigation.languages`), its
    /// default first: their pages stand beside the originals
    /// (`index.fr.md`) or in a folder each (`docs/fr/`, `content/fr/`).
    pub translated: Vec<(String, String)>,
    /// The configuration file of a generator that publishes in English
    /// when it names no language (Hugo's or Zola's `config.toml`, which
    /// keep their pages in `content/`, tier0's own folder), if the project
    /// has one and names neither a language nor translations.
    pub unnamed_english: Option<&'static str>,
}

/// What the configuration of another generator at `root` says, tried in
/// this order: MkDocs's (and ProperDocs's) `theme.language` (Material's)
/// or `theme.locale` (MkDocs's own themes) and `site_name`, mdBook's `[book] language` and `title`, Sphinx's
/// `language` and `project` (`conf.py`, `docs/conf.py`, then in a `source/`),
/// Docusaurus's `defaultLocale` and `title`, and Hugo's or Zola's
/// (`hugo.toml`, `config.toml`) `defaultContentLanguage`, `languageCode`
/// or `default_language`, and `title`, then Mintlify's default language
/// and `name` (`docs/docs.json`); and the languages of
/// mkdocs-static-i18n, whose default stands for a theme that names none,
/// else those of Hugo's `[languages]`, else VitePress's `locales`, whose
/// `root` names its language, else Docusaurus's locales that have
/// translated docs, else Mintlify's `navigation.languages`.
pub fn generator_project(root: &Path) -> Project {
    let files = Files {
        root,
        read: RefCell::default(),
    };
    let mkdocs = files.mkdocs();
    // Material names it `language`, MkDocs's own themes `locale`.
    let mkdocs_language = mkdocs.as_ref().and_then(|(name, file)| {
        let theme = file.theme.as_ref()?;
        ["language", "locale"].iter().find_map(|key| {
            let language = theme.get(key)?.as_str()?;
            named(primary_subtag(language)?, &format!("theme.{key}"), name)
        })
    });
    let i18n = mkdocs
        .as_ref()
        .map(|(name, file)| i18n_languages(file, name))
        .unwrap_or_default();
    let vitepress = super::vitepress::languages(root);
    let docusaurus = super::docusaurus::Configured::read(root);
    let (mintlify_name, mintlify) = super::mintlify::project(root);
    let language = mkdocs_language
        .or_else(|| i18n.first().cloned())
        .or_else(|| files.toml("book.toml", Some("book"), &["language"], primary_subtag))
        .or_else(|| files.assigned(&SPHINX_FILES, "language", '=', primary_subtag))
        .or_else(|| docusaurus.as_ref()?.language())
        .or_else(|| vitepress.first().cloned())
        .or_else(|| {
            let (code, named_by) = mintlify.first()?;
            Some((primary_subtag(code)?, named_by.clone()))
        })
        .or_else(|| {
            HUGO_ZOLA_FILES.iter().find_map(|name| {
                let keys = ["defaultContentLanguage", "languageCode", "default_language"];
                files.toml(name, None, &keys, primary_subtag)
            })
        });
    let mkdocs_title = mkdocs.as_ref().and_then(|(name, file)| {
        named(project_name(file.site_name.as_deref()?)?, "site_name", name)
    });
    let title = mkdocs_title
        .or_else(|| files.toml("book.toml", Some("book"), &["title"], project_name))
        .or_else(|| files.assigned(&SPHINX_FILES, "project", '=', project_name))
        .or_else(|| {
            let (title, named_by) = docusaurus.as_ref()?.title()?;
            Some((project_name(&title)?, named_by))
        })
        .or_else(|| {
            HUGO_ZOLA_FILES
                .iter()
                .find_map(|name| files.toml(name, None, &["title"], project_name))
        })
        .or_else(|| {
            let (name, named_by) = mintlify_name?;
            Some((project_name(&name)?, named_by))
        });
    let translated = [
        i18n,
        super::hugo::languages(root),
        vitepress,
        (docusaurus.as_ref()).map_or_else(Vec::new, |d| d.languages(root)),
        mintlify,
    ]
    .into_iter()
    .find(|languages| !languages.is_empty())
    .unwrap_or_default();
    let unnamed_english = (language.is_none() && translated.is_empty())
        .then(|| files.hugo_or_zola())
        .flatten();
    Project {
        language,
        title,
        translated,
        unnamed_english,
    }
}

/// `value` with what named it: the key `key` of the file `name`.
fn named(value: String, key: &str, name: &str) -> Option<(String, String)> {
    Some((value, format!("the {key} of {name}")))
}

/// The files of a project folder, each read once.
struct Files<'a> {
    root: &'a Path,
    read: RefCell<BTreeMap<&'static str, Option<Arc<str>>>>,
}

impl Files<'_> {
    /// The text of the file `name` at the top of the folder, if readable.
    fn text(&self, name: &'static str) -> Option<Arc<str>> {
        self.read
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| Some(root_file(self.root, name).ok()??.0.text))
            .clone()
    }

    /// The first of Hugo's and Zola's configuration files there is that
    /// reads as one: TOML (or Hugo's YAML or JSON) with a site's address
    /// or title (`baseURL`, `base_url`, which Zola requires, `title`).
    fn hugo_or_zola(&self) -> Option<&'static str> {
        HUGO_ZOLA_FILES.iter().copied().find(|name| {
            self.text(name).is_some_and(|text| {
                ["baseURL", "baseurl", "base_url", "title"]
                    .iter()
                    .any(|key| config_string(name, &text, None, key).is_some())
            })
        })
    }

    /// The first of MkDocs's YAML files there is, read: MkDocs reads the
    /// first it finds, as the content folder is taken from it.
    fn mkdocs(&self) -> Option<(&'static str, MkDocsFile)> {
        let (name, text) = MKDOCS_FILES
            .iter()
            .filter(|name| !name.ends_with(".toml"))
            .find_map(|name| Some((*name, self.text(name)?)))?;
        let (file, _) = yaml::deserialize::<MkDocsFile>(&text, 0).ok()?;
        Some((name, file))
    }

    /// The first of `keys` in the table `table` of the configuration file
    /// `name` (or at its top) whose text `accept` takes.
    fn toml(
        &self,
        name: &'static str,
        table: Option<&str>,
        keys: &[&str],
        accept: fn(&str) -> Option<String>,
    ) -> Option<(String, String)> {
        let text = self.text(name)?;
        keys.iter()
            .find_map(|key| named(accept(&config_string(name, &text, table, key)?)?, key, name))
    }

    /// The value assigned to `key` in the first of `names` that has one
    /// `accept` takes.
    fn assigned(
        &self,
        names: &[&'static str],
        key: &str,
        separator: char,
        accept: fn(&str) -> Option<String>,
    ) -> Option<(String, String)> {
        names.iter().find_map(|name| {
            named(
                accept(&assignment(&self.text(name)?, key, separator)?)?,
                key,
                name,
            )
        })
    }
}

/// The keys of `mkdocs.yml` this module reads: `theme`, a table or a name,
/// `site_name`, and `plugins`, a list of names and tables.
#[derive(Deserialize)]
struct MkDocsFile {
    theme: Option<serde_yaml::Value>,
    site_name: Option<String>,
    plugins: Option<serde_yaml::Value>,
}

/// The languages of mkdocs-static-i18n's entry in the `plugins` of the
/// MkDocs file `name`, its default first: `languages` is a list of tables
/// (`- {locale: fr, name: Français}`, one with `default: true`) since its
/// version 1, a table from locale to name before (with
/// `default_language`). Each locale is lower-cased, as tier0 writes
/// language codes, and kept whole (`pt-br`): its pages' folder is named so.
fn i18n_languages(file: &MkDocsFile, name: &str) -> Vec<(String, String)> {
    let Some(plugin) = file
        .plugins
        .as_ref()
        .and_then(serde_yaml::Value::as_sequence)
        .and_then(|plugins| plugins.iter().find_map(|p| p.get("i18n")))
    else {
        return Vec::new();
    };
    let locale = |code: &str| {
        let code = super::language_code(code);
        crate::slug::is_slug(&code).then_some(code)
    };
    let mut languages: Vec<(String, bool)> = match plugin.get("languages") {
        Some(serde_yaml::Value::Sequence(list)) => list
            .iter()
            .filter_map(|l| {
                let code = locale(l.get("locale")?.as_str()?)?;
                Some((
                    code,
                    l.get("default").and_then(serde_yaml::Value::as_bool) == Some(true),
                ))
            })
            .collect(),
        Some(serde_yaml::Value::Mapping(table)) => {
            let default = plugin
                .get("default_language")
                .and_then(serde_yaml::Value::as_str)
                .and_then(locale);
            table
                .keys()
                .filter_map(|k| locale(k.as_str()?))
                .map(|code| {
                    let is_default = default.as_ref() == Some(&code);
                    (code, is_default)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    // The default first; else the first listed, as the plugin takes it.
    languages.sort_by_key(|(_, default)| !default);
    languages
        .into_iter()
        .map(|(code, _)| (code, format!("the i18n plugin of {name}")))
        .collect()
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
pub(super) fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// A project's name as written, trimmed, when it has a letter or digit.
fn project_name(name: &str) -> Option<String> {
    let name = name.trim();
    name.chars()
        .any(char::is_alphanumeric)
        .then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a site folder made of `files` says of its project.
    fn project(files: &[(&str, &str)]) -> Project {
        let root = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = root.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        generator_project(root.path())
    }

    /// The language found in a site folder made of `files`, with what named it.
    fn found(files: &[(&str, &str)]) -> Option<(String, String)> {
        project(files).language
    }

    /// The language found in a site folder made of `files`.
    fn language(files: &[(&str, &str)]) -> Option<String> {
        found(files).map(|(code, _)| code)
    }

    #[test]
    fn the_language_says_what_named_it() {
        let named_by = |name: &str, text: &str| found(&[(name, text)]).unwrap().1;
        assert_eq!(
            named_by("mkdocs.yml", "theme:\n  language: de\n"),
            "the theme.language of mkdocs.yml"
        );
        assert_eq!(
            named_by("docs/conf.py", "language = 'fr'\n"),
            "the language of docs/conf.py"
        );
        assert_eq!(
            named_by("config.toml", "defaultContentLanguage = 'it'\n"),
            "the defaultContentLanguage of config.toml"
        );
        assert_eq!(
            named_by("docusaurus.config.js", "  defaultLocale: 'ja',\n"),
            "the defaultLocale of docusaurus.config.js"
        );
    }

    #[test]
    fn mkdocs_static_i18n_names_the_languages_a_project_is_translated_into() {
        let translated = |text: &str| -> Vec<String> {
            project(&[("mkdocs.yml", text)])
                .translated
                .into_iter()
                .map(|(code, _)| code)
                .collect()
        };
        // Version 1: a list of tables, the default anywhere in it.
        let v1 = "site_name: X\nplugins:\n  - search\n  - i18n:\n      docs_structure: folder\n      \
                  languages:\n        - locale: fr\n          name: Français\n        - locale: \
                  pt-BR\n        - locale: en\n          default: true\n";
        assert_eq!(translated(v1), ["en", "fr", "pt-br"]);
        let found = project(&[("mkdocs.yml", v1)]);
        assert_eq!(
            found.language,
            Some(("en".into(), "the i18n plugin of mkdocs.yml".into()))
        );
        // Before version 1: a table from locale to name.
        let v0 = "plugins:\n  - i18n:\n      default_language: de\n      languages:\n        \
                  en: English\n        de: Deutsch\n";
        assert_eq!(translated(v0), ["de", "en"]);
        // A theme's language says the default; odd entries are passed over.
        let odd = "theme: {name: material, language: es}\nplugins:\n  - i18n:\n      \
                   languages:\n        - locale: en\n        - name: no locale\n        - \
                   locale: \"../x\"\n";
        assert_eq!(translated(odd), ["en"]);
        assert_eq!(project(&[("mkdocs.yml", odd)]).language.unwrap().0, "es");
        assert!(translated("plugins: [search, i18n]\n").is_empty());
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
        for quickstart in ["docs/source/conf.py", "source/conf.py"] {
            let german = [(quickstart, "language = 'de'\n")];
            assert_eq!(language(&german).as_deref(), Some("de"), "{quickstart}");
        }
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
        // Doks keeps it in Hugo's configuration folder.
        let doks = "defaultContentLanguage = \"nl\"\n";
        assert_eq!(
            language(&[("config/_default/config.toml", doks)]).as_deref(),
            Some("nl")
        );
        let zola = "base_url = \"/\"\ndefault_language = \"en\"\n";
        assert_eq!(language(&[("config.toml", zola)]).as_deref(), Some("en"));
        // In YAML or JSON, as Docsy's and Hextra's starters write it; its
        // keys without case, as Hugo reads them.
        let docsy = "baseURL: https://example.org/\ntitle: Help\ndefaultcontentlanguage: fr\n";
        assert_eq!(language(&[("hugo.yaml", docsy)]).as_deref(), Some("fr"));
        let json = "{\"languageCode\": \"de-DE\", \"title\": \"Hilfe\"}";
        assert_eq!(
            language(&[("config/_default/hugo.json", json)]).as_deref(),
            Some("de")
        );
    }

    #[test]
    fn a_hugo_or_zola_project_naming_no_language_is_in_english() {
        let unnamed = |files: &[(&str, &str)]| project(files).unnamed_english;
        let zola = "base_url = \"https://example.org\"\ncompile_sass = true\n";
        assert_eq!(unnamed(&[("config.toml", zola)]), Some("config.toml"));
        assert_eq!(
            unnamed(&[("hugo.toml", "title = 'Handbook'\n")]),
            Some("hugo.toml")
        );
        assert_eq!(
            unnamed(&[("hugo.yml", "title: Handbook\n")]),
            Some("hugo.yml")
        );
        // One that names its language, or lists translations, says more.
        let named = "base_url = \"/\"\ndefault_language = \"fr\"\n";
        assert_eq!(unnamed(&[("config.toml", named)]), None);
        let listed = "baseURL = '/'\n[languages.de]\nweight = 1\n";
        assert_eq!(unnamed(&[("hugo.toml", listed)]), None);
        // A `config.toml` that is no site's configuration is not read as one.
        assert_eq!(unnamed(&[("config.toml", "[server]\nport = 80\n")]), None);
        assert_eq!(unnamed(&[]), None);
    }

    #[test]
    fn each_generators_configuration_names_its_project() {
        let title = |name: &str, text: &str| project(&[(name, text)]).title;
        let mkdocs = "site_name: ' Material for MkDocs '\ntheme:\n  language: de\n";
        assert_eq!(
            project(&[("mkdocs.yml", mkdocs)]),
            Project {
                language: Some(("de".into(), "the theme.language of mkdocs.yml".into())),
                title: Some((
                    "Material for MkDocs".into(),
                    "the site_name of mkdocs.yml".into()
                )),
                translated: Vec::new(),
                unnamed_english: None,
            }
        );
        let mdbook = "[book]\ntitle = \"The Book\"\n";
        assert_eq!(
            title("book.toml", mdbook),
            Some(("The Book".into(), "the title of book.toml".into()))
        );
        let sphinx = "project = 'Black'\ncopyright = '2018'\n";
        assert_eq!(
            title("docs/conf.py", sphinx),
            Some(("Black".into(), "the project of docs/conf.py".into()))
        );
        // Docusaurus's first `title:`, the site's, not its navbar's.
        let docusaurus =
            "const config = {\n  title: 'Redux',\n  navbar: {\n    title: 'Home',\n  },\n};\n";
        assert_eq!(
            title("docusaurus.config.js", docusaurus).map(|t| t.0),
            Some("Redux".into())
        );
        let hugo = "title = 'Hugo'\n[params]\ntitle = 'Other'\n";
        assert_eq!(title("hugo.toml", hugo).map(|t| t.0), Some("Hugo".into()));
        // A name with no letter or digit, or none at all.
        assert_eq!(title("mkdocs.yml", "site_name: ' -- '\n"), None);
        assert_eq!(title("mkdocs.yml", "theme: material\n"), None);
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

//! A Docusaurus project's translations. Docusaurus keeps a translated page
//! outside its `docs/` folder, at the same path under
//! `i18n/<locale>/docusaurus-plugin-content-docs/current/`
//! (`i18n/fr/docusaurus-plugin-content-docs/current/intro.md` translates
//! `docs/intro.md`); its configuration lists the locales
//! (`i18n: { defaultLocale: 'en', locales: ['en', 'fr'] }`). tier0 reads
//! each such folder as the folder of its language in the content folder
//! ([`Mounted`]), so the translations are published and linked to their
//! originals as a site translated by folder is. A released version
//! (`versioned_docs/version-2.0/`) has its translations in its own
//! folder (`…/docusaurus-plugin-content-docs/version-2.0/`).
//!
//! In: the site folder, its content folder and languages. Out: the
//! languages the project is translated into ([`languages`]), the folders
//! to read ([`translations`]) and a warning for each translated folder of
//! a language the site does not publish. The configuration is read as
//! text ([`super::script`]), never run.

use std::path::{Path, PathBuf};

use super::Mounted;
use super::root_file;
use super::script::{Token, literal, strings_of, tokens};
use crate::diagnostics::Diagnostic;

/// Docusaurus's configuration files, at the top of its project.
pub(super) const CONFIG_FILES: [&str; 3] = [
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
];

/// The folders a Docusaurus project may stand in, relative to the site
/// folder: the site folder itself, or its `website/`.
pub(super) const PROJECT_FOLDERS: [&str; 2] = ["", "website"];

/// Docusaurus's folder of translations, in its project's folder.
const I18N: &str = "i18n";

/// The folder of a locale's translations of the default docs plugin, in
/// its folder of [`I18N`]: one folder per version inside.
const DOCS: &str = "docusaurus-plugin-content-docs";

/// The version folder of the docs in `docs/`, Docusaurus's "Next".
const CURRENT: &str = "current";

/// The folder that holds Docusaurus's released versions.
const VERSIONED_DOCS: &str = "versioned_docs";

/// Docusaurus's language when its configuration names none.
const DOCUSAURUS_DEFAULT_LOCALE: &str = "en";

/// The locales of a Docusaurus project's configuration, as its `i18n`
/// object writes them: `defaultLocale`, and the string literals of
/// `locales`. Either may be missing.
fn locales(script: &str) -> (Option<&str>, Vec<&str>) {
    let tokens = tokens(script);
    let value = |key: &str| {
        tokens
            .windows(3)
            .position(|w| w[0] == Token::Word(key) && w[1] == Token::Colon)
            .map(|at| at + 2)
    };
    let default = value("defaultLocale").and_then(|at| match tokens.get(at) {
        Some(Token::Text(locale)) => Some(*locale),
        _ => None,
    });
    let listed = strings_of(&tokens, "locales", Token::Colon).unwrap_or_default();
    (default, listed)
}

/// The configuration of the Docusaurus project at a site folder (or in its
/// `website/`), read once for what it says of the project.
pub(super) struct Configured {
    /// The project's folder, relative to the site folder.
    folder: PathBuf,
    /// The configuration's path, as shown.
    name: String,
    /// Its text.
    text: String,
}

impl Configured {
    /// The configuration of the Docusaurus project at `root`, if any.
    pub(super) fn read(root: &Path) -> Option<Self> {
        PROJECT_FOLDERS.iter().find_map(|folder| {
            CONFIG_FILES.iter().find_map(|name| {
                let shown = Path::new(folder).join(name);
                let file = root_file(root, shown.to_str()?).ok()??.0;
                Some(Self {
                    folder: PathBuf::from(folder),
                    name: shown.display().to_string(),
                    text: file.text.to_string(),
                })
            })
        })
    }

    /// The project's language: the primary subtag of its `defaultLocale`,
    /// with what named it.
    pub(super) fn language(&self) -> Option<(String, String)> {
        let code = super::project::primary_subtag(locales(&self.text).0?)?;
        Some((code, format!("the defaultLocale of {}", self.name)))
    }

    /// The project's name: the first `title` its configuration writes, the
    /// site's, with what named it.
    pub(super) fn title(&self) -> Option<(String, String)> {
        let tokens = tokens(&self.text);
        let title = tokens.windows(3).find_map(|w| match w {
            [Token::Word("title"), Token::Colon, Token::Text(title)] => Some(*title),
            _ => None,
        })?;
        Some((title.to_owned(), format!("the title of {}", self.name)))
    }

    /// The docs folder its docs plugin's `path` names, relative to the
    /// site folder.
    fn docs_path(&self) -> Option<PathBuf> {
        let tokens = tokens(&self.text);
        match tokens.get(docs_option(&tokens, "path")? + 2)? {
            Token::Text(path) => Some(self.folder.join(path)),
            _ => None,
        }
    }

    /// The project's languages (its site folder `root`): its default
    /// (`defaultLocale`'s primary subtag, else English), then each other
    /// locale of `locales` that has translated docs, lower-cased, as tier0
    /// writes language codes; each with what named it. None when no
    /// locale has translated docs: the project is in one language.
    pub(super) fn languages(&self, root: &Path) -> Vec<(String, String)> {
        let (default, listed) = locales(&self.text);
        // The version a project built where it stands publishes: `docs/`,
        // else its latest release.
        let docs = self.docs_path().unwrap_or_else(|| self.folder.join("docs"));
        let version = if root.join(docs).is_dir() {
            CURRENT.to_owned()
        } else {
            match released_versions(root, &self.folder) {
                Some((_, versions)) if !versions.is_empty() => format!("version-{}", versions[0]),
                _ => CURRENT.to_owned(),
            }
        };
        let translated = translated_folders(root, &self.folder, &version);
        let named_by = format!("the i18n of {}", self.name);
        let default = default.unwrap_or(DOCUSAURUS_DEFAULT_LOCALE);
        let others: Vec<String> = listed
            .into_iter()
            .filter(|locale| *locale != default && translated.iter().any(|(l, _)| l == locale))
            .map(super::language_code)
            .filter(|code| crate::slug::is_slug(code))
            .collect();
        let Some(default) = super::project::primary_subtag(default) else {
            return Vec::new();
        };
        if others.is_empty() {
            return Vec::new();
        }
        let mut found = vec![(default, named_by.clone())];
        for code in others {
            if !found.iter().any(|(c, _)| *c == code) {
                found.push((code, named_by.clone()));
            }
        }
        found
    }
}

/// The glob patterns of the `exclude` option of the Docusaurus project
/// whose docs the content folder `content_dir` (relative to `root`)
/// holds, each with its configuration's path: the pages Docusaurus never
/// builds (`['**/internal/**', 'drafts/*.md']`, relative to the docs
/// folder). Docusaurus's own defaults leave out `_` files and folders,
/// which tier0 passes over too, and scripts and tests, which are no pages.
pub(super) fn excluded(root: &Path, content_dir: &Path) -> Vec<(String, PathBuf)> {
    let Some((project, _)) = docs_of(root, content_dir) else {
        return Vec::new();
    };
    let Some(configured) = Configured::read(root).filter(|c| c.folder == project) else {
        return Vec::new();
    };
    let tokens = tokens(&configured.text);
    let at = PathBuf::from(&configured.name);
    docs_exclude(&tokens)
        .unwrap_or_default()
        .into_iter()
        .map(|pattern| (pattern.to_owned(), at.clone()))
        .collect()
}

/// The folders of static files of the Docusaurus project whose docs the
/// content folder `content_dir` (relative to `root`) holds, relative to
/// the site folder: the string literals of its `staticDirectories`, else
/// its `static/`.
pub(super) fn static_directories(root: &Path, content_dir: &Path) -> Option<Vec<PathBuf>> {
    let (project, _) = docs_of(root, content_dir)?;
    let configured = Configured::read(root).filter(|c| c.folder == project)?;
    let tokens = tokens(&configured.text);
    let listed = strings_of(&tokens, "staticDirectories", Token::Colon);
    let folders = listed.unwrap_or_else(|| vec!["static"]).into_iter();
    let folders = folders.filter_map(|folder| super::content_folder(folder).ok());
    Some(folders.map(|folder| project.join(folder)).collect())
}

/// The docs folder the configuration of the Docusaurus project at `root`
/// names in its docs plugin's `path` (`path: 'guides'`), relative to the
/// site folder, with what names it.
pub(super) fn configured_docs(root: &Path) -> Option<(String, String)> {
    let configured = Configured::read(root)?;
    let dir = configured.docs_path()?;
    Some((
        dir.to_str()?.to_owned(),
        format!("the docs path of {}", configured.name),
    ))
}

/// The string literals of `exclude` in the options of the default docs
/// plugin among `tokens` ([`docs_option`]).
fn docs_exclude<'a>(tokens: &[Token<'a>]) -> Option<Vec<&'a str>> {
    strings_of(
        &tokens[docs_option(tokens, "exclude")?..],
        "exclude",
        Token::Colon,
    )
}

/// Where `tokens` write the option `key` of the default docs plugin, the
/// first that does: in the classic preset's `docs: {…}`, or in the object
/// after `'@docusaurus/plugin-content-docs'` with no `id` or `id:
/// 'default'` (another id is another set of docs, which tier0 does not
/// build). The blog's and the pages' options have keys of the same names,
/// and so may `themeConfig.docs`, which is passed over.
fn docs_option(tokens: &[Token<'_>], key: &str) -> Option<usize> {
    let theme: Vec<(usize, usize)> = (0..tokens.len())
        .filter(|&at| {
            tokens[at] == Token::Word("themeConfig")
                && matches!(
                    tokens.get(at + 1..at + 3),
                    Some([Token::Colon, Token::Open])
                )
        })
        .filter_map(|at| Some((at, literal(tokens, at + 2).last()?.0)))
        .collect();
    let in_theme = |at: usize| {
        theme
            .iter()
            .any(|&(start, end)| (start..=end).contains(&at))
    };
    let options = tokens
        .iter()
        .enumerate()
        .filter_map(|(at, token)| match token {
            Token::Word("docs") if !in_theme(at) => matches!(
                tokens.get(at + 1..at + 3),
                Some([Token::Colon, Token::Open])
            )
            .then_some(at + 2),
            // `['@docusaurus/plugin-content-docs', {…}]`, or the name inside
            // `require.resolve(…)`.
            Token::Text(name) if name.ends_with("plugin-content-docs") => {
                let skipped = tokens[at + 1..]
                    .iter()
                    .take_while(|t| matches!(t, Token::Close | Token::Other))
                    .count();
                let open = at + 1 + skipped;
                (tokens.get(open) == Some(&Token::Open)).then_some(open)
            }
            _ => None,
        });
    options
        .filter_map(|open| {
            let own: Vec<usize> = literal(tokens, open)
                .filter(|&(_, depth)| depth == 1)
                .map(|(at, _)| at)
                .collect();
            let find = |name: &str| {
                own.iter().copied().find(|&at| {
                    tokens[at] == Token::Word(name) && tokens.get(at + 1) == Some(&Token::Colon)
                })
            };
            if let Some(id) = find("id")
                && tokens.get(id + 2) != Some(&Token::Text("default"))
            {
                return None;
            }
            find(key)
        })
        .next()
}

/// The folders of the translated docs of `version` (a folder name:
/// `current`, `version-2.0`) in the project folder `project` (relative to
/// `root`): each locale's name as written, with the folder.
fn translated_folders(root: &Path, project: &Path, version: &str) -> Vec<(String, PathBuf)> {
    let i18n = project.join(I18N);
    let Ok(entries) = std::fs::read_dir(root.join(&i18n)) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let dir = i18n.join(&name).join(DOCS).join(version);
            root.join(&dir).is_dir().then_some((name, dir))
        })
        .collect();
    found.sort();
    found
}

/// The Docusaurus project whose docs the content folder `content_dir`
/// holds, and their version folder's name: the project's `docs/`
/// (`current`) or one of its released versions
/// (`versioned_docs/version-2.0`, `version-2.0`).
fn docs_of<'a>(root: &Path, content_dir: &'a Path) -> Option<(&'a Path, &'a str)> {
    let is_project = |folder: &Path| {
        CONFIG_FILES
            .iter()
            .any(|name| root.join(folder).join(name).is_file())
    };
    let parent = content_dir.parent()?;
    if is_project(parent) {
        return Some((parent, CURRENT));
    }
    let version = content_dir.file_name()?.to_str()?;
    let project = parent.parent()?;
    let released = parent.file_name()? == VERSIONED_DOCS && version.starts_with("version-");
    (released && is_project(project)).then_some((project, version))
}

/// The folders of translated docs of the Docusaurus project whose docs the
/// content folder `content_dir` (relative to `root`) holds, for each of
/// the site's `languages` but the default (`languages[0]`) that has one
/// and no folder of its own in the content folder (the locale's folder
/// name matched whatever its case: `pt-BR` for `pt-br`); and a warning for
/// each translated folder of a language the site does not list.
pub fn translations(
    root: &Path,
    content_dir: &Path,
    languages: &[&str],
) -> (Vec<Mounted>, Vec<Diagnostic>) {
    let Some((project, version)) = docs_of(root, content_dir) else {
        return (Vec::new(), Vec::new());
    };
    let Some((default, others)) = languages.split_first() else {
        return (Vec::new(), Vec::new());
    };
    let mut mounted = Vec::new();
    let mut warnings = Vec::new();
    for (locale, dir) in translated_folders(root, project, version) {
        let own = |code: &str| root.join(content_dir).join(code).is_dir();
        let refused = dir
            .to_str()
            .map_or(Err("is not a folder path tier0 can read"), |d| {
                super::generators::refusal(root, d)
            })
            .err();
        match others
            .iter()
            .find(|code| super::names_language(&locale, code))
        {
            Some(_) if let Some(why) = refused => warnings.push(
                Diagnostic::warning(
                    &dir,
                    0..0,
                    format!("these translations are skipped: the folder {why}"),
                )
                .with_help("copy the translations into the site folder instead of linking to them"),
            ),
            Some(code) if !own(code) => mounted.push(Mounted::translation(code, dir)),
            Some(_) => {}
            None if super::names_language(&locale, default) => {}
            None => {
                let code = super::language_code(&locale);
                warnings.push(
                    Diagnostic::warning(
                        dir,
                        0..0,
                        format!(
                            "these translations are not published: the site does not list the \
                             language `{code}`"
                        ),
                    )
                    .with_help(format!(
                        "to publish them, add `{code}` to `languages` in tier0.yaml"
                    )),
                );
            }
        }
    }
    (mounted, warnings)
}

/// Docusaurus's list of released versions, in its project's folder: the
/// newest first, each kept in `versioned_docs/version-<name>/`.
pub(super) const VERSIONS: &str = "versions.json";

/// The released versions of the Docusaurus project in the folder
/// `project` (relative to `root`), newest first, with the text of its
/// [`VERSIONS`]; `None` for no project, or one without versions.
pub(super) fn released_versions(root: &Path, project: &Path) -> Option<(String, Vec<String>)> {
    let is_project = CONFIG_FILES
        .iter()
        .any(|name| root.join(project).join(name).is_file());
    let text = std::fs::read_to_string(root.join(project).join(VERSIONS))
        .ok()
        .filter(|_| is_project)?;
    let versions = serde_json::from_str(&text).ok()?;
    Some((text, versions))
}

/// The folder of the released `version` of the Docusaurus project in the
/// folder `project`.
pub(super) fn version_folder(project: &Path, version: &str) -> PathBuf {
    project
        .join(VERSIONED_DOCS)
        .join(format!("version-{version}"))
}

/// A warning that the released versions of the Docusaurus project whose
/// `docs/` is the content folder `content_dir` are not published, with how
/// to publish the newest: Docusaurus shows that one by default, and
/// `docs/` as "Next", the version being written; with the text of the
/// list, which the warning points into. `None` for a project without
/// versions.
pub fn unread_versions(root: &Path, content_dir: &Path) -> Option<(Diagnostic, String)> {
    let project = content_dir.parent()?;
    let (text, versions) = released_versions(root, project)?;
    let newest = versions.first()?;
    let path = project.join(VERSIONS);
    let folder = version_folder(project, newest);
    let listed = text
        .find(['"', '\''])
        .map_or(0..0, |at| at..at + newest.len() + 2);
    let warning = Diagnostic::warning(
        path,
        listed,
        format!(
            "Docusaurus's released versions ({}) are not published: this site publishes \
                 {}/, the version Docusaurus shows as \"Next\"",
            versions.join(", "),
            content_dir.display()
        ),
    )
    .with_help(format!(
        "to publish version {newest}, which Docusaurus shows by default, write \
             `content_dir: {}` in a tier0.yaml",
        folder.display()
    ));
    Some((warning, text))
}

/// Reads the translations of the sidebar labels beside each of the
/// folders `mounted` (`current.json` beside `current/`), which Docusaurus's
/// `write-translations` makes and translators fill in, into `sources`.
/// A file that cannot be read is a problem of its own.
pub(super) fn read_labels(root: &Path, mounted: &[Mounted], sources: &mut super::Sources) {
    for mount in mounted.iter().filter(|m| m.pages()) {
        // `current.json`, `version-2.0.json`, beside the folder.
        let Some(name) = mount.dir.file_name() else {
            continue;
        };
        let mut file = name.to_os_string();
        file.push(".json");
        let shown = mount.dir.with_file_name(file);
        let bytes = match std::fs::read(root.join(&shown)) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                sources.problems.push(
                    Diagnostic::warning(&shown, 0..0, format!("cannot read this file: {e}"))
                        .with_help("check the file's permissions"),
                );
                continue;
            }
        };
        let (text, problem) = super::decode(shown.clone(), &bytes);
        sources.texts.insert(shown.clone(), text.clone());
        match problem {
            Some(problem) => sources.problems.push(problem),
            None => sources.sidebar_labels.push((mount.at.clone(), shown, text)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::tests::site_of_texts;

    /// [`Configured::languages`] of the project at `root`.
    fn languages(root: &Path) -> Vec<(String, String)> {
        Configured::read(root).map_or_else(Vec::new, |c| c.languages(root))
    }

    #[test]
    fn exclude_is_read_from_the_default_docs_plugin_only() {
        fn exclude(script: &str) -> Vec<&str> {
            docs_exclude(&tokens(script)).unwrap_or_default()
        }
        let preset = "export default { presets: [['classic', { blog: { exclude: ['b/**'] }, \
                      docs: { path: 'docs', exclude: ['**/internal/**', \"x.md\"] } }]], \
                      themeConfig: { docs: { sidebar: { hideable: true } } } };";
        assert_eq!(exclude(preset), ["**/internal/**", "x.md"]);
        let plugins = "module.exports = { plugins: [\
                       ['@docusaurus/plugin-content-docs', { id: 'community', exclude: ['c/**'] }],\
                       [require.resolve('@docusaurus/plugin-content-docs'), { id: 'default', \
                       exclude: ['d/**'] }]] };";
        assert_eq!(exclude(plugins), ["d/**"]);
        let none = "module.exports = { plugins: ['@docusaurus/plugin-content-docs'], \
                    themes: [['t', { exclude: ['e'] }]] };";
        assert!(exclude(none).is_empty());
    }

    #[test]
    fn the_docs_plugins_path_names_the_docs_folder() {
        let root = site_of_texts(&[(
            "website/docusaurus.config.ts",
            "export default { themeConfig: { docs: { path: 'x' } }, presets: [['classic', \
             { blog: { path: 'news' }, docs: { path: 'guides', routeBasePath: '/' } }]] };",
        )]);
        assert_eq!(
            configured_docs(root.path()),
            Some((
                "website/guides".into(),
                "the docs path of website/docusaurus.config.ts".into()
            ))
        );
        let plain = site_of_texts(&[("docusaurus.config.js", "module.exports = { title: 'x' };")]);
        assert_eq!(configured_docs(plain.path()), None);
    }

    #[test]
    fn the_i18n_object_gives_the_default_and_the_locales() {
        let config = r#"// locales: ['xx']
export default {
  title: 'Docs',
  i18n: {
    defaultLocale: 'fr',
    locales: ['fr', "en", `pt-BR`, /* 'de', */],
    localeConfigs: { en: { label: 'English' } },
  },
  themeConfig: { navbar: { items: [{ type: 'localeDropdown' }] } },
};
"#;
        assert_eq!(locales(config), (Some("fr"), vec!["fr", "en", "pt-BR"]));
        assert_eq!(locales("module.exports = { title: 'x' }"), (None, vec![]));
        // Cut short: what was read, and no panic.
        assert_eq!(
            locales("i18n: { locales: ['en', 'f"),
            (None, vec!["en", "f"])
        );
        assert_eq!(locales("defaultLocale:"), (None, vec![]));
    }

    #[test]
    fn locales_with_translated_docs_are_the_projects_languages() {
        let config = "export default { i18n: { defaultLocale: 'en-US', \
                      locales: ['en-US', 'fr', 'pt_BR', 'de'] } }";
        let site = site_of_texts(&[
            ("docusaurus.config.ts", config),
            ("docs/intro.md", "# Intro"),
            (
                "i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
                "# Intro",
            ),
            (
                "i18n/pt_BR/docusaurus-plugin-content-docs/current/intro.md",
                "# Intro",
            ),
            // Translated theme strings only: no pages in German.
            ("i18n/de/code.json", "{}"),
        ]);
        let codes: Vec<String> = languages(site.path()).into_iter().map(|l| l.0).collect();
        assert_eq!(codes, ["en", "fr", "pt-br"]);
        let (mounted, warnings) = translations(site.path(), Path::new("docs"), &codes_of(&codes));
        assert_eq!(
            mounted,
            [
                Mounted::translation(
                    "fr",
                    "i18n/fr/docusaurus-plugin-content-docs/current".into()
                ),
                Mounted::translation(
                    "pt-br",
                    "i18n/pt_BR/docusaurus-plugin-content-docs/current".into()
                ),
            ]
        );
        assert!(warnings.is_empty());
        // Without translated docs, the project is in one language.
        let one = site_of_texts(&[("docusaurus.config.js", config), ("docs/a.md", "# A")]);
        assert!(languages(one.path()).is_empty());
    }

    fn codes_of(codes: &[String]) -> Vec<&str> {
        codes.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_translation_of_an_unlisted_language_is_warned_about() {
        let site = site_of_texts(&[
            ("website/docusaurus.config.js", "module.exports = {}"),
            ("website/docs/intro.md", "# Intro"),
            (
                "website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
                "# Intro",
            ),
            (
                "website/i18n/ja/docusaurus-plugin-content-docs/current/intro.md",
                "# Intro",
            ),
            (
                "website/i18n/en/docusaurus-plugin-content-docs/current/intro.md",
                "# Intro",
            ),
        ]);
        let (mounted, warnings) =
            translations(site.path(), Path::new("website/docs"), &["en", "fr"]);
        assert_eq!(mounted.len(), 1);
        assert_eq!(mounted[0].at, "fr");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(
            warnings[0].path,
            Path::new("website/i18n/ja/docusaurus-plugin-content-docs/current")
        );
        assert!(warnings[0].help.as_deref().unwrap().contains("add `ja`"));
        // A translated folder linked from outside the site is not read.
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::fs::write(outside.path().join("secret.md"), "# Secret").unwrap();
            let at = site
                .path()
                .join("website/i18n/de/docusaurus-plugin-content-docs");
            std::fs::create_dir_all(&at).unwrap();
            std::os::unix::fs::symlink(outside.path(), at.join("current")).unwrap();
            let (mounted, warnings) =
                translations(site.path(), Path::new("website/docs"), &["en", "fr", "de"]);
            assert_eq!(mounted.len(), 1, "{mounted:?}");
            assert!(
                (warnings.iter()).any(|w| w.message.contains("symbolic link out of the site")),
                "{warnings:?}"
            );
        }
        // A content folder that is no Docusaurus project's: nothing read.
        let (mounted, warnings) = translations(site.path(), Path::new("docs"), &["en", "fr"]);
        assert!(mounted.is_empty() && warnings.is_empty());
    }
}

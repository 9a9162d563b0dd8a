//! A VitePress or Starlight project's languages: the `locales` of its
//! configuration (`docs/.vitepress/config.mts`, `astro.config.mjs`), whose
//! `root` is the default language's pages, at the top of the content
//! folder, and each other key the folder of a translation (`fr: { label:
//! 'Français', lang: 'fr-FR' }` for `docs/fr/`), which tier0 reads as that
//! language's pages. Starlight may have no `root`: its `defaultLocale`
//! names the default's folder.
//!
//! A VitePress project may keep its pages apart from its `.vitepress/`
//! (`srcDir: 'src'`, relative to the folder that holds `.vitepress/`):
//! that folder is then its pages' ([`configured_pages`]), a project at the
//! top of a repository included, and its `srcExclude` globs keep pages off
//! the site (`super::excluded`).
//!
//! In: the site folder. Out: the languages, the default first
//! ([`languages`]), and the configuration of the project whose pages are
//! the content folder ([`of_pages`]). The configuration is a script, read
//! as text and never run: only an object literal written as `locales: { …
//! }` counts, its keys as written and each `lang` a string literal in it.

use std::path::{Component, Path, PathBuf};

use super::script::{Token, literal, strings_of, tokens};
use super::{STARLIGHT_FILES, root_file};

/// The folders a VitePress project may stand in, relative to the site
/// folder, in the order they are tried: `docs/`, or the site folder
/// itself (whose pages must then be in its `srcDir`).
pub(super) const PROJECT_FOLDERS: [&str; 2] = ["docs", ""];

/// VitePress's configuration files in its project's folder, in the order
/// it looks for them.
pub(super) const CONFIG_FILES: [&str; 4] = [
    ".vitepress/config.js",
    ".vitepress/config.ts",
    ".vitepress/config.mjs",
    ".vitepress/config.mts",
];

/// The configuration of a VitePress project.
pub(super) struct Configured {
    /// The project's folder (that holds `.vitepress/`), relative to the
    /// site folder.
    folder: PathBuf,
    /// The configuration's path, as shown.
    pub(super) name: String,
    /// Its text.
    pub(super) text: String,
}

impl Configured {
    /// The configuration of the VitePress project in the folder `folder`
    /// of the site folder `root`, if there is one.
    fn read_in(root: &Path, folder: &Path) -> Option<Self> {
        CONFIG_FILES.iter().find_map(|name| {
            let shown = folder.join(name);
            let file = root_file(root, shown.to_str()?).ok()??.0;
            Some(Self {
                folder: folder.to_path_buf(),
                name: shown.display().to_string(),
                text: file.text.to_string(),
            })
        })
    }

    /// The first VitePress project of [`PROJECT_FOLDERS`] at `root`.
    fn read(root: &Path) -> Option<Self> {
        PROJECT_FOLDERS
            .iter()
            .find_map(|folder| Self::read_in(root, Path::new(folder)))
    }

    /// The `srcDir` its configuration writes, relative to the site
    /// folder, `.` components left out.
    fn src_dir(&self) -> Option<PathBuf> {
        let tokens = tokens(&self.text);
        let written = tokens.windows(3).find_map(|w| match w {
            [Token::Word("srcDir"), Token::Colon, Token::Text(dir)] => Some(*dir),
            _ => None,
        })?;
        let within: PathBuf = Path::new(written)
            .components()
            .filter(|c| *c != Component::CurDir)
            .collect();
        Some(self.folder.join(within))
    }

    /// The globs of its `srcExclude`, relative to its pages' folder.
    pub(super) fn excluded(&self) -> Vec<&str> {
        strings_of(&tokens(&self.text), "srcExclude", Token::Colon).unwrap_or_default()
    }
}

/// The folder the `srcDir` of the VitePress project at `root` names for
/// its pages, relative to the site folder, with what names it.
pub(super) fn configured_pages(root: &Path) -> Option<(String, String)> {
    let configured = Configured::read(root)?;
    let pages = configured.src_dir()?;
    // `srcDir: '.'` names the project's folder, shown so.
    let pages = if pages.as_os_str().is_empty() {
        ".".into()
    } else {
        pages.to_str()?.to_owned()
    };
    Some((pages, format!("the srcDir of {}", configured.name)))
}

/// The configuration of the VitePress project whose pages are the content
/// folder `content_dir` (relative to `root`): the one in it, else one of
/// [`PROJECT_FOLDERS`] whose `srcDir` is that folder.
pub(super) fn of_pages(root: &Path, content_dir: &Path) -> Option<Configured> {
    Configured::read_in(root, content_dir)
        .filter(|c| c.src_dir().is_none())
        .or_else(|| {
            PROJECT_FOLDERS
                .iter()
                .filter_map(|folder| Configured::read_in(root, Path::new(folder)))
                .find(|c| c.src_dir().as_deref() == Some(content_dir))
        })
}

/// The key of the default language's locale.
const ROOT: &str = "root";

/// VitePress's language when its configuration names none.
const VITEPRESS_DEFAULT_LANGUAGE: &str = "en";

/// The languages of the VitePress or Starlight project at `root`, its
/// default first, then each other locale's key, lower-cased, as its
/// folder is named; each with what named it. The default is the primary
/// subtag of the `lang` of the `root` locale (else English), whose pages
/// stand at the top; without a `root`, the locale that Starlight's
/// `defaultLocale` names (else the first), whose pages have a folder too.
/// None without `locales`.
pub(super) fn languages(root: &Path) -> Vec<(String, String)> {
    let vitepress = Configured::read(root).map(|c| (c.name, c.text));
    let starlight = || {
        STARLIGHT_FILES.iter().find_map(|name| {
            let text = root_file(root, name).ok()??.0.text;
            Some(((*name).to_owned(), text.to_string()))
        })
    };
    vitepress
        .into_iter()
        .chain(std::iter::once_with(starlight).flatten())
        .map(|(name, text)| configured(&text, &format!("the locales of {name}")))
        .find(|languages| !languages.is_empty())
        .unwrap_or_default()
}

/// The languages of the configuration `script`, each named by `named_by`.
fn configured(script: &str, named_by: &str) -> Vec<(String, String)> {
    let locales = locales(script);
    let Some((first, _)) = locales.first() else {
        return Vec::new();
    };
    let default = match locales.iter().find(|(key, _)| key == ROOT) {
        Some((_, lang)) => lang
            .as_deref()
            .and_then(super::project::primary_subtag)
            .unwrap_or_else(|| VITEPRESS_DEFAULT_LANGUAGE.to_owned()),
        None => {
            let tokens = tokens(script);
            let named = tokens.windows(3).find_map(|w| match w {
                [Token::Word("defaultLocale"), Token::Colon, Token::Text(key)] => Some(*key),
                _ => None,
            });
            super::language_code(named.unwrap_or(first))
        }
    };
    let mut found = vec![(default, named_by.to_owned())];
    for (key, _) in &locales {
        let code = super::language_code(key);
        if key != ROOT && crate::slug::is_slug(&code) && !found.iter().any(|(c, _)| *c == code) {
            found.push((code, named_by.to_owned()));
        }
    }
    found
}

/// The keys of the object literal written `locales: { … }` in `script`,
/// each with the string literal its own object gives `lang`, if any.
fn locales(script: &str) -> Vec<(String, Option<String>)> {
    let tokens = tokens(script);
    // The first that holds keys: Astro's own `i18n: { locales: [...] }` is
    // an array.
    let opens = tokens.windows(3).enumerate().filter(|(_, w)| {
        w[0] == Token::Word("locales") && w[1] == Token::Colon && w[2] == Token::Open
    });
    opens
        .map(|(at, _)| keys(&tokens, at + 2))
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// The keys of the object literal that `tokens[open]` opens, each with
/// the string literal its own object gives `lang`, if any.
fn keys(tokens: &[Token<'_>], open: usize) -> Vec<(String, Option<String>)> {
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    for (at, depth) in literal(tokens, open) {
        let (Token::Word(key) | Token::Text(key)) = tokens[at] else {
            continue;
        };
        if tokens.get(at + 1) != Some(&Token::Colon) {
            continue;
        }
        match depth {
            1 => found.push((key.to_owned(), None)),
            2 if key == "lang" => {
                if let (Some(Token::Text(lang)), Some(last)) =
                    (tokens.get(at + 2), found.last_mut())
                {
                    last.1.get_or_insert_with(|| (*lang).to_owned());
                }
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_src_dir_names_the_pages_and_its_project_gives_their_exclusions() {
        let root = crate::discover::tests::site_of_texts(&[
            (
                ".vitepress/config.mts",
                "export default defineConfig({ srcDir: './docs', srcExclude: ['**/TODO.md'], \
                 locales: { root: { lang: 'de-DE' }, fr: { lang: 'fr' } } })",
            ),
            ("docs/index.md", "# Start\n"),
            (
                "guide/.vitepress/config.js",
                "export default { srcExclude: ['x.md'] }",
            ),
        ]);
        let root = root.path();
        assert_eq!(
            configured_pages(root),
            Some(("docs".into(), "the srcDir of .vitepress/config.mts".into()))
        );
        let of = |dir: &str| {
            of_pages(root, Path::new(dir)).map(|c| (c.name.clone(), c.excluded().join(",")))
        };
        assert_eq!(
            of("docs"),
            Some((".vitepress/config.mts".into(), "**/TODO.md".into()))
        );
        assert_eq!(
            of("guide"),
            Some(("guide/.vitepress/config.js".into(), "x.md".into()))
        );
        assert_eq!(of("other"), None);
        let codes: Vec<String> = languages(root).into_iter().map(|(code, _)| code).collect();
        assert_eq!(codes, ["de", "fr"]);
    }

    #[test]
    fn the_locales_object_gives_each_key_and_its_lang() {
        let config = r#"import { defineConfig } from 'vitepress'
// locales: { commented: {} }
export default defineConfig({
  title: 'Docs: the {best} ones',
  locales: {
    root: { label: 'English', lang: 'en-US' },
    zh: { label: '简体中文', lang: 'zh-CN', link: '/zh/',
      themeConfig: { nav: [{ text: 'Guide', link: '/zh/guide', lang: 'xx' }] } },
    'pt-BR': { label: 'Português', ...pt },
    /* fa: {} */
    "ko": { lang: "ko-KR" },
  },
  themeConfig: { locales: 'not this' },
})
"#;
        assert_eq!(
            locales(config),
            [
                ("root".to_owned(), Some("en-US".to_owned())),
                ("zh".to_owned(), Some("zh-CN".to_owned())),
                ("pt-BR".to_owned(), None),
                ("ko".to_owned(), Some("ko-KR".to_owned())),
            ]
        );
        assert!(locales("export default { title: 'x' }").is_empty());
        // Cut short: what was read, and no panic.
        assert_eq!(
            locales("locales: { root: { lang: 'de"),
            [("root".to_owned(), Some("de".to_owned()))]
        );
        assert_eq!(
            locales("locales: { root: { lang: \"\\"),
            [("root".to_owned(), Some("\\".to_owned()))]
        );
    }

    #[test]
    fn the_root_locale_is_the_default_language_and_the_keys_the_folders() {
        let root = crate::discover::tests::site_of_texts(&[(
            "docs/.vitepress/config.mts",
            "export default { locales: { root: { lang: 'de-DE' }, fr: {}, 'PT-br': {}, \
             '../x': {} } }",
        )]);
        let codes: Vec<String> = languages(root.path()).into_iter().map(|l| l.0).collect();
        assert_eq!(codes, ["de", "fr", "pt-br"]);
        let none = crate::discover::tests::site_of_texts(&[(
            "docs/.vitepress/config.js",
            "export default { title: 'x' }",
        )]);
        assert!(languages(none.path()).is_empty());
    }

    #[test]
    fn a_starlight_project_names_its_languages_as_vitepress_does() {
        let with_root = crate::discover::tests::site_of_texts(&[(
            "astro.config.mjs",
            "import starlight from '@astrojs/starlight';\nexport default defineConfig({\n  \
             i18n: { locales: ['x'] },\n  integrations: [starlight({ title: 'Docs', locales: {\n    \
             root: { label: 'English', lang: 'en' },\n    'zh-cn': { label: '简体中文', lang: \
             'zh-CN' },\n  } })],\n});\n",
        )]);
        let codes: Vec<String> = languages(with_root.path())
            .into_iter()
            .map(|l| l.0)
            .collect();
        assert_eq!(codes, ["en", "zh-cn"]);
        // Without `root`, every language has its folder; `defaultLocale`
        // names the default's.
        let folders = crate::discover::tests::site_of_texts(&[(
            "astro.config.ts",
            "starlight({ defaultLocale: 'fr', locales: { en: { label: 'English' }, fr: { label: \
             'Français' } } })",
        )]);
        let codes: Vec<String> = languages(folders.path()).into_iter().map(|l| l.0).collect();
        assert_eq!(codes, ["fr", "en"]);
    }
}

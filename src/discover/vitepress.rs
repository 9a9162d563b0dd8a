//! A VitePress project's languages: the `locales` of its configuration
//! (`docs/.vitepress/config.mts`), whose `root` is the default language's
//! pages, at the top of `docs/`, and each other key the folder of a
//! translation (`fr: { label: 'Français', lang: 'fr-FR' }` for `docs/fr/`),
//! which tier0 reads as that language's pages.
//!
//! In: the site folder. Out: the languages, the default first
//! ([`languages`]). The configuration is a script, read as text and never
//! run: only an object literal written as `locales: { … }` counts, its
//! keys as written and each `lang` a string literal in it.

use std::path::Path;

use super::root_file;
use super::script::{Token, literal, tokens};

/// VitePress's configuration files, in the order it looks for them.
const CONFIG_FILES: [&str; 4] = [
    "docs/.vitepress/config.js",
    "docs/.vitepress/config.ts",
    "docs/.vitepress/config.mjs",
    "docs/.vitepress/config.mts",
];

/// The key of the default language's locale.
const ROOT: &str = "root";

/// VitePress's language when its configuration names none.
const VITEPRESS_DEFAULT_LANGUAGE: &str = "en";

/// The languages of the VitePress project at `root`, its default first
/// (the primary subtag of the `lang` of its `root` locale, else English),
/// then each other locale's key, lower-cased, as its folder is named; each
/// with what named it. None without `locales`.
pub(super) fn languages(root: &Path) -> Vec<(String, String)> {
    let Some((name, text)) = CONFIG_FILES
        .iter()
        .find_map(|name| Some((*name, root_file(root, name).ok()??.0.text)))
    else {
        return Vec::new();
    };
    let locales = locales(&text);
    if locales.is_empty() {
        return Vec::new();
    }
    let named_by = format!("the locales of {name}");
    let default = locales
        .iter()
        .find(|(key, _)| key == ROOT)
        .and_then(|(_, lang)| lang.as_deref())
        .and_then(super::project::primary_subtag)
        .unwrap_or_else(|| VITEPRESS_DEFAULT_LANGUAGE.to_owned());
    let mut found = vec![(default, named_by.clone())];
    for (key, _) in locales {
        let code = super::language_code(&key);
        if key != ROOT && crate::slug::is_slug(&code) && !found.iter().any(|(c, _)| *c == code) {
            found.push((code, named_by.clone()));
        }
    }
    found
}

/// The keys of the object literal written `locales: { … }` in `script`,
/// each with the string literal its own object gives `lang`, if any.
fn locales(script: &str) -> Vec<(String, Option<String>)> {
    let tokens = tokens(script);
    let Some(open) = tokens.windows(3).position(|w| {
        w[0] == Token::Word("locales") && w[1] == Token::Colon && w[2] == Token::Open
    }) else {
        return Vec::new();
    };
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    for (at, depth) in literal(&tokens, open + 2) {
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
}

//! Interface text of the theme, per language.
//!
//! The theme's `i18n.yaml` maps language codes to `key: text` pairs. A site
//! theme may override single keys. A key missing in a language falls back
//! to English, then to the key itself, so a template never fails on it.

use std::collections::BTreeMap;

use serde::Serialize;

/// Interface text for one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct UiText {
    text: BTreeMap<String, String>,
}

impl UiText {
    /// The text for `key`, or the key itself when no language has it.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.text.get(key).map_or(key, String::as_str)
    }
}

/// All languages' interface text of a theme.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    by_lang: BTreeMap<String, BTreeMap<String, String>>,
}

impl Translations {
    /// Adds `lang → key → text` pairs, replacing keys already present.
    pub fn merge(&mut self, other: BTreeMap<String, BTreeMap<String, String>>) {
        for (lang, pairs) in other {
            self.by_lang.entry(lang).or_default().extend(pairs);
        }
    }

    /// The text for `lang`, completed from English.
    pub fn for_language(&self, lang: &str) -> UiText {
        let mut text = self.by_lang.get("en").cloned().unwrap_or_default();
        if let Some(own) = self.by_lang.get(lang) {
            text.extend(own.clone());
        }
        UiText { text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_then_key() {
        let mut t = Translations::default();
        t.merge(BTreeMap::from([
            (
                "en".into(),
                BTreeMap::from([("a".into(), "A".into()), ("b".into(), "B".into())]),
            ),
            ("es".into(), BTreeMap::from([("a".into(), "Á".into())])),
        ]));
        let es = t.for_language("es");
        assert_eq!(es.get("a"), "Á");
        assert_eq!(es.get("b"), "B");
        assert_eq!(es.get("c"), "c");
    }
}

//! Text that readers see, in one or several languages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Text that readers see: one string for every language, or one per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Localized {
    /// The same text in every language.
    Text(String),
    /// Text per language code.
    PerLanguage(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LocalizedVisitor;
        impl<'de> serde::de::Visitor<'de> for LocalizedVisitor {
            type Value = Localized;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a text, or a map from language code to text (`{es: Hola, en: Hello}`)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Localized, E> {
                Ok(Localized::Text(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Localized, A::Error> {
                BTreeMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Localized::PerLanguage)
            }
        }
        deserializer.deserialize_any(LocalizedVisitor)
    }
}

impl Default for Localized {
    fn default() -> Self {
        Self::Text(String::new())
    }
}

impl Localized {
    /// The text in `lang`, else in `fallback`, else any text there is.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Self::Text(text) => text,
            Self::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// `existing`, else `text` (which a file of the language folder
    /// `lang` gives, or, without one, a file for every language): a text
    /// for every language stands; a text per language gains `lang`'s
    /// unless it has one.
    pub fn or_written(
        existing: Option<Self>,
        lang: Option<&str>,
        text: Option<&str>,
    ) -> Option<Self> {
        let Some(text) = text else {
            return existing;
        };
        match (existing, lang) {
            (None, None) => Some(Self::Text(text.to_owned())),
            (None, Some(lang)) => Some(Self::per_language(&[(lang, text)])),
            (Some(Self::PerLanguage(mut map)), Some(lang)) => {
                map.entry(lang.to_owned())
                    .or_insert_with(|| text.to_owned());
                Some(Self::PerLanguage(map))
            }
            (Some(existing), _) => Some(existing),
        }
    }

    pub(super) fn per_language(pairs: &[(&str, &str)]) -> Self {
        Self::PerLanguage(
            pairs
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
        )
    }
}

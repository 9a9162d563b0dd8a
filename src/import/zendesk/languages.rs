//! The export's locales as tier0 languages: `en-us` → `en` unless another
//! locale shares `en`, the default language, and the lines of a new
//! `tier0.yaml`. Locales that would share a code are refused here, before
//! anything is written.

use std::collections::{BTreeMap, BTreeSet};

use super::export::Export;
use crate::config::{Config, language_name};

/// The export's locales as tier0 languages.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// Zendesk locale → tier0 language code.
    pub by_locale: BTreeMap<String, String>,
    /// The default language's code.
    pub default: String,
}

impl Languages {
    /// `en-us` → `en`; a locale the export does not have keeps its own code.
    pub fn code(&self, locale: &str) -> String {
        self.by_locale
            .get(locale)
            .cloned()
            .unwrap_or_else(|| crate::slug::slugify(locale))
    }

    /// The file name suffix of `code`: empty for the default language, `.es` otherwise.
    pub fn suffix(&self, code: &str) -> String {
        if code == self.default {
            String::new()
        } else {
            format!(".{code}")
        }
    }
}

/// Codes for `locales`: the language alone (`en-us` → `en`) unless another
/// locale of the export shares it (`en-us`, `en-gb` stay whole). Two
/// locales that still get one code (`en_US` and `en-us`) or a locale with
/// no code at all (`!!`) would put two translations in one file: each is
/// an error, said before anything is written.
pub(super) fn language_codes(
    locales: &BTreeSet<String>,
) -> Result<BTreeMap<String, String>, Vec<String>> {
    let primary = |l: &str| crate::slug::slugify(l.split(['-', '_']).next().unwrap_or(l));
    let codes: BTreeMap<String, String> = locales
        .iter()
        .map(|locale| {
            let short = primary(locale);
            let shared = locales.iter().filter(|l| primary(l) == short).count() > 1;
            let code = if shared {
                crate::slug::slugify(locale)
            } else {
                short
            };
            (locale.clone(), code)
        })
        .collect();
    let mut by_code: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (locale, code) in &codes {
        by_code.entry(code).or_default().push(locale);
    }
    let problems: Vec<String> = by_code
        .iter()
        .filter(|(code, locales)| code.is_empty() || locales.len() > 1)
        .map(|(code, locales)| {
            let named = locales
                .iter()
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ");
            if code.is_empty() {
                format!("the locale(s) {named} give no language code: they hold no letter or digit")
            } else {
                format!("the locales {named} all give the language code `{code}`: their translations would share one file")
            }
        })
        .collect();
    if problems.is_empty() {
        Ok(codes)
    } else {
        Err(problems)
    }
}

/// `- {code: en, name: English}`
pub(super) fn language_line(code: &str) -> String {
    let quoted = |s: &str| serde_json::Value::from(s).to_string();
    format!(
        "- {{code: {}, name: {}}}",
        quoted(code),
        quoted(&language_name(code))
    )
}

/// The export's locales as tier0 languages. The default is the site's when
/// it has a config naming one of them; otherwise the language most
/// articles were written in (translations not counted).
pub(super) fn languages(
    export: &Export,
    locales: &BTreeSet<String>,
    config: &Config,
    has_config: bool,
) -> Result<Languages, Vec<String>> {
    let by_locale = language_codes(locales)?;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &export.articles {
        *counts.entry(by_locale[&a.locale].as_str()).or_default() +=
            usize::from(a.source_locale.as_deref().is_none_or(|s| s == a.locale));
    }
    let main = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(code, _)| (*code).to_owned())
        .or_else(|| by_locale.values().next().cloned())
        .unwrap_or_default();
    let default = if has_config && by_locale.values().any(|c| *c == config.default_language) {
        config.default_language.clone()
    } else {
        main
    };
    Ok(Languages { by_locale, default })
}

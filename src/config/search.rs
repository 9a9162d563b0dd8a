//! `search:` in `tier0.yaml`: settings of the search engine.
//!
//! ```yaml
//! search:
//!   synonyms:
//!     es:
//!       - [wifi, wlan, inalámbrica]   # a group: any of them finds the others
//!       - vpn => túnel                # one-way: "vpn" also finds "túnel"
//! ```
//!
//! In: the raw `search` key. Out: per language, the synonym rules the
//! search index applies at query time, or located errors (a language the
//! site does not have, a rule that is not a group or `a => b, c`, an entry
//! of several words).

use std::collections::BTreeMap;
use std::path::Path;

use search_index::SynonymRule;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;

/// The `search` key as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawSearchConfig {
    /// Per language code, its synonym rules.
    pub synonyms: BTreeMap<String, Vec<RawRule>>,
}

/// One synonym rule as written: a list of equivalent words, or `a => b, c`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum RawRule {
    /// Equivalent words.
    Group(Vec<String>),
    /// `word => word, word`: the left side also finds the right side.
    OneWay(String),
}

/// Search settings, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchConfig {
    /// Per language code, its synonym rules, in the order written.
    pub synonyms: BTreeMap<String, Vec<SynonymRule>>,
}

impl SearchConfig {
    /// Validates `raw` against the site's `languages`; errors point at `span`.
    pub fn from_raw(
        raw: RawSearchConfig,
        languages: &[&str],
        path: &Path,
        span: std::ops::Range<usize>,
    ) -> Result<SearchConfig, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut error = |message: String, help: &str| {
            errors.push(Diagnostic::error(path, span.clone(), message).with_help(help.to_owned()));
        };
        let mut synonyms = BTreeMap::new();
        for (lang, rules) in raw.synonyms {
            if !languages.contains(&lang.as_str()) {
                error(
                    format!(
                        "`search.synonyms` names language `{lang}`, which the site does not have"
                    ),
                    &format!("use one of: {}", languages.join(", ")),
                );
                continue;
            }
            let mut parsed = Vec::new();
            for rule in rules {
                let rule = match rule {
                    RawRule::Group(words) => SynonymRule::group(words),
                    RawRule::OneWay(text) => match text.split_once("=>") {
                        Some((from, to)) => SynonymRule {
                            from: words(from),
                            to: words(to),
                        },
                        None => SynonymRule::group(words(&text)),
                    },
                };
                if rule.from.is_empty()
                    || rule.to.is_empty()
                    || (rule.from == rule.to && rule.from.len() < 2)
                {
                    error(
                        format!(
                            "synonym rule `{}` of `{lang}` needs two words or more",
                            show(&rule)
                        ),
                        "write a group, `[wifi, wlan]`, or a one-way rule, `vpn => túnel`",
                    );
                    continue;
                }
                let several: Vec<&String> = rule
                    .from
                    .iter()
                    .chain(&rule.to)
                    .filter(|w| search_index::synonyms::surface_of(w).is_none())
                    .collect();
                if !several.is_empty() {
                    error(
                        format!(
                            "synonym rule `{}` of `{lang}`: `{}` is not one word",
                            show(&rule),
                            several[0]
                        ),
                        "synonyms are single words (a code such as `kb-1042` counts as one); split phrases into their words",
                    );
                    continue;
                }
                parsed.push(rule);
            }
            synonyms.insert(lang, parsed);
        }
        if errors.is_empty() {
            Ok(SearchConfig { synonyms })
        } else {
            Err(errors)
        }
    }
}

/// `a, b` of a comma-separated side of a one-way rule.
fn words(side: &str) -> Vec<String> {
    side.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A rule as a reader wrote it.
pub fn show(rule: &SynonymRule) -> String {
    if rule.from == rule.to {
        rule.from.join(", ")
    } else {
        format!("{} => {}", rule.from.join(", "), rule.to.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<SearchConfig, Vec<Diagnostic>> {
        let raw: RawSearchConfig = serde_yaml::from_str(yaml).unwrap();
        SearchConfig::from_raw(raw, &["es", "en"], Path::new("tier0.yaml"), 0..6)
    }

    #[test]
    fn groups_and_one_way_rules() {
        let config =
            parse("synonyms:\n  es:\n    - [wifi, wlan, inalámbrica]\n    - vpn => túnel, tunel\n")
                .unwrap();
        let es = &config.synonyms["es"];
        assert_eq!(
            es[0],
            SynonymRule::group(vec!["wifi".into(), "wlan".into(), "inalámbrica".into()])
        );
        assert_eq!(es[1].from, ["vpn"]);
        assert_eq!(es[1].to, ["túnel", "tunel"]);
        assert_eq!(show(&es[1]), "vpn => túnel, tunel");
    }

    #[test]
    fn unknown_languages_phrases_and_lone_words_are_errors() {
        let errors = parse("synonyms:\n  fr: [[a, b]]\n  es:\n    - [red inalámbrica, wifi]\n    - [wifi]\n    - \"=> x\"\n").unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
        assert_eq!(text.len(), 4, "{text:?}");
        assert!(text.iter().any(|t| t.contains("`fr`")));
        assert!(
            text.iter()
                .any(|t| t.contains("`red inalámbrica` is not one word"))
        );
        assert!(
            text.iter()
                .filter(|t| t.contains("needs two words"))
                .count()
                == 2
        );
    }
}

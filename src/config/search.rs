//! `search:` in `tier0.yaml`: settings of the search engine.
//!
//! ```yaml
//! search:
//!   synonyms:
//!     es:
//!       - [wifi, wlan, inalámbrica]   # a group: any of them finds the others
//!       - vpn => túnel                # one-way: "vpn" also finds "túnel"
//!   examples:                         # shown under the home page's search box
//!     es: [0x80070005, VPN error 809, Restablecer la contraseña]
//! ```
//!
//! In: the raw `search` key. Out: per language, the synonym rules the
//! search index applies at query time and the example queries of the home
//! page, or located errors (a language the site does not have, a rule that
//! is not a group or `a => b, c`, an entry of several words, an empty or
//! overlong example, too many examples).

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
    /// Per language code, the example queries of the home page.
    pub examples: BTreeMap<String, Vec<String>>,
}

/// The most example queries a language may list: they share one line
/// under the home page's search box.
const MAX_EXAMPLES: usize = 8;
/// The most characters of one example query.
const MAX_EXAMPLE_CHARS: usize = 60;

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
    /// Per language code, the example queries of the home page, in the
    /// order written; a language without any gets examples computed from
    /// its articles.
    pub examples: BTreeMap<String, Vec<String>>,
}

impl SearchConfig {
    /// Validates `raw` against the site's `languages`; errors point at
    /// what `locate` finds of the value in question under `search:` (it
    /// answers the whole entry when it finds nothing better).
    pub fn from_raw(
        raw: RawSearchConfig,
        languages: &[&str],
        path: &Path,
        locate: &dyn Fn(&str) -> std::ops::Range<usize>,
    ) -> Result<SearchConfig, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let examples = check_examples(raw.examples, languages, path, locate, &mut errors);
        let span = locate("");
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
            Ok(SearchConfig { synonyms, examples })
        } else {
            Err(errors)
        }
    }
}

/// The example queries of `raw`, trimmed, with an error in `errors` for
/// each that a language of the site cannot show.
fn check_examples(
    raw: BTreeMap<String, Vec<String>>,
    languages: &[&str],
    path: &Path,
    locate: &dyn Fn(&str) -> std::ops::Range<usize>,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Vec<String>> {
    let mut error = |at: &str, message: String, help: String| {
        errors.push(Diagnostic::error(path, locate(at), message).with_help(help));
    };
    let mut examples = BTreeMap::new();
    for (lang, list) in raw {
        // The language's key, as written (`es:`).
        let key = format!("{lang}:");
        if !languages.contains(&lang.as_str()) {
            error(
                &key,
                format!("`search.examples` names language `{lang}`, which the site does not have"),
                format!("use one of: {}", languages.join(", ")),
            );
            continue;
        }
        if list.len() > MAX_EXAMPLES {
            error(
                &list[MAX_EXAMPLES],
                format!(
                    "`search.examples.{lang}` lists {} queries; the home page shows at most {MAX_EXAMPLES}",
                    list.len()
                ),
                format!("keep the {MAX_EXAMPLES} that readers search for most"),
            );
        }
        let mut kept = Vec::new();
        for example in list {
            let trimmed = example.trim();
            if trimmed.is_empty() {
                error(
                    &key,
                    format!("`search.examples.{lang}` has an empty query"),
                    "remove it, or write what readers search for, such as `0x80070005`".into(),
                );
            } else if trimmed.chars().count() > MAX_EXAMPLE_CHARS {
                error(
                    &example,
                    format!(
                        "example query `{trimmed}` is longer than {MAX_EXAMPLE_CHARS} characters"
                    ),
                    "an example is what a reader types: an error code or a few words".into(),
                );
            } else {
                kept.push(trimmed.to_owned());
            }
        }
        examples.insert(lang, kept);
    }
    examples
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
        SearchConfig::from_raw(raw, &["es", "en"], Path::new("tier0.yaml"), &|value| {
            yaml.find(value)
                .filter(|_| !value.is_empty())
                .map_or(0..6, |at| at..at + value.len())
        })
    }

    #[test]
    fn example_queries_are_kept_per_language_and_bad_ones_located() {
        let config = parse("examples:\n  es: [\" 0x80070005 \", error 809]\n").unwrap();
        assert_eq!(config.examples["es"], ["0x80070005", "error 809"]);
        let long = "x".repeat(61);
        let yaml =
            format!("examples:\n  fr: [a]\n  en: [\"  \", {long}, a, b, c, d, e, f, g, h9]\n");
        let errors = parse(&yaml).unwrap_err();
        let found = |needle: &str| {
            let e = errors
                .iter()
                .find(|e| e.message.contains(needle))
                .unwrap_or_else(|| panic!("no {needle} in {errors:?}"));
            yaml[e.span.clone()].to_owned()
        };
        assert_eq!(found("language `fr`"), "fr:");
        assert_eq!(found("empty query"), "en:");
        assert_eq!(found("longer than 60"), long);
        assert_eq!(found("lists 10 queries"), "g");
        assert_eq!(errors.len(), 4, "{errors:?}");
    }

    #[test]
    fn example_errors_point_into_tier0_yaml() {
        let text = "title: x\nsearch:\n  examples:\n    es: [\"   \", ok]\n    de: [hallo]\n";
        let errors = crate::config::Config::from_yaml(Path::new("tier0.yaml"), text).unwrap_err();
        let at: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (&text[e.span.clone()], e.message.as_str()))
            .collect();
        assert_eq!(
            at,
            [
                (
                    "de:",
                    "`search.examples` names language `de`, which the site does not have"
                ),
                ("es:", "`search.examples.es` has an empty query"),
            ]
        );
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

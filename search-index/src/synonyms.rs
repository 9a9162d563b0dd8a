//! Synonyms: words a query may say instead of the words the articles use.
//!
//! In: per language, the rules of `search.synonyms` in `tier0.yaml` (groups
//! of equivalent words, one-way expansions), and the exported vocabulary.
//! Out: the `synonyms` map of the language's manifest, which both engines
//! read at query time (QUERY.md, "Planning"): for a typed word, by its
//! surface and by its term, the (surface, term) pairs it also searches.
//! Words that never occur in the articles are left out of the targets; a
//! rule none of whose targets occurs is reported by [`unused`].

use std::collections::BTreeMap;

use crate::analyzer::{Mode, surface_forms};

/// One rule: each word of `from` also searches every word of `to` (itself
/// excepted). A group `[a, b, c]` is `from = to = [a, b, c]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymRule {
    /// Words that, typed, expand.
    pub from: Vec<String>,
    /// What they expand to.
    pub to: Vec<String>,
}

impl SynonymRule {
    /// A group of equivalent words.
    pub fn group(words: Vec<String>) -> SynonymRule {
        SynonymRule {
            from: words.clone(),
            to: words,
        }
    }
}

/// The single surface form of `word` (lower-cased, accents folded), or
/// `None` when it is not one word.
pub fn surface_of(word: &str) -> Option<String> {
    let mut forms = surface_forms(Mode::Query, word);
    (forms.len() == 1).then(|| forms.remove(0))
}

/// The manifest's `synonyms`: key (a surface, or `=` and a term) → the
/// `[surface, term]` pairs to search too, in rule order, without repeats.
/// `term_of` gives the term of a surface of the vocabulary (`None` if it
/// never occurs or is a stop word).
pub(crate) fn resolve(
    rules: &[SynonymRule],
    term_of: &dyn Fn(&str) -> Option<String>,
) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for rule in rules {
        let targets: Vec<(String, String)> = rule
            .to
            .iter()
            .filter_map(|w| surface_of(w))
            .filter_map(|s| term_of(&s).map(|t| (s, t)))
            .collect();
        for word in rule.from.iter().filter_map(|w| surface_of(w)) {
            let mut keys = vec![word.clone()];
            if let Some(term) = term_of(&word) {
                keys.push(format!("={term}"));
            }
            for key in keys {
                let list = out.entry(key).or_default();
                for (surface, term) in &targets {
                    if *surface != word && !list.iter().any(|(_, t)| t == term) {
                        list.push((surface.clone(), term.clone()));
                    }
                }
            }
        }
    }
    out.retain(|_, list| !list.is_empty());
    out
}

/// The rules of which no target word occurs in the articles (by index in
/// `rules`), with the words that do not occur.
pub fn unused(rules: &[SynonymRule], occurs: &dyn Fn(&str) -> bool) -> Vec<(usize, Vec<String>)> {
    rules
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| {
            let missing: Vec<String> = rule
                .to
                .iter()
                .filter(|w| surface_of(w).is_none_or(|s| !occurs(&s)))
                .cloned()
                .collect();
            (missing.len() == rule.to.len()).then_some((i, missing))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(s: &str) -> Option<String> {
        match s {
            "contrasena" | "contrasenas" => Some("contrasen".into()),
            "clave" => Some("clav".into()),
            "wifi" => Some("wifi".into()),
            _ => None,
        }
    }

    #[test]
    fn groups_expand_every_way_to_words_that_occur() {
        let rules = [SynonymRule::group(vec![
            "Contraseña".into(),
            "clave".into(),
            "password".into(),
        ])];
        let map = resolve(&rules, &term);
        assert_eq!(map["contrasena"], [("clave".into(), "clav".into())]);
        assert_eq!(map["=contrasen"], [("clave".into(), "clav".into())]);
        assert_eq!(
            map["password"],
            [
                ("contrasena".into(), "contrasen".into()),
                ("clave".into(), "clav".into())
            ]
        );
        assert!(unused(&rules, &|s| term(s).is_some()).is_empty());
    }

    #[test]
    fn one_way_rules_and_unused_ones() {
        let rules = [
            SynonymRule {
                from: vec!["wlan".into()],
                to: vec!["wifi".into()],
            },
            SynonymRule::group(vec!["túnel".into(), "vpn".into()]),
        ];
        let map = resolve(&rules, &term);
        assert_eq!(map["wlan"], [("wifi".into(), "wifi".into())]);
        assert!(!map.contains_key("wifi"));
        let unused = unused(&rules, &|s| term(s).is_some());
        assert_eq!(unused, [(1, vec!["túnel".to_string(), "vpn".to_string()])]);
        assert_eq!(surface_of("dos palabras"), None);
    }
}

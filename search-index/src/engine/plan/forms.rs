//! Another form of a word the vocabulary lacks (QUERY.md, step 2, *form*):
//! the index stems every form an article writes to one term, but the
//! browser has no stemmer, so a form no article writes (`configuring`,
//! `resetting`, `paging`) is answered by the forms the vocabulary has
//! (`configure`, `reset`, `page`).
//!
//! In: the unknown word and the vocabulary. Out: up to [`MAX_CORRECTIONS`]
//! candidates of kind [`Kind::Form`], by document frequency, then surface.

use super::{
    Candidate, Kind, MAX_CORRECTIONS, MIN_TYPO_LEN, Vocabulary, lookup, term_of, utf16_len,
};
use crate::format::js_cmp;

/// How much another form of the word counts (`configuring` →
/// `configure`): more than a correction, less than the word itself.
pub const FORM_WEIGHT: f32 = 0.75;
/// The shortest stem (UTF-16 units) that takes other endings: `macos` is
/// not a form of `mac` (Spanish `-os`), but split into `mac` and `os`.
pub const MIN_FORM_STEM: usize = 4;
/// The consonants English doubles at the end of a word before `-ing` and
/// `-ed` (`running`, `stopped`, `resetting`).
const DOUBLED: &[char] = &['b', 'd', 'g', 'm', 'n', 'p', 'r', 't'];

/// The inflectional endings of a language the index stems (its
/// `analyzer.stemmer`), the empty one first; none for a language the index
/// does not stem. A word the vocabulary lacks may be another form of a word
/// it has: the same stem with another of these endings.
pub fn endings(stemmer: Option<&str>) -> &'static [&'static str] {
    match stemmer {
        Some("english") => &["", "s", "es", "ed", "ing", "e", "y", "ies", "ied"],
        Some("spanish") => &[
            "", "s", "es", "a", "as", "o", "os", "e", "ar", "er", "ir", "ando", "iendo", "ado",
            "ada", "ados", "adas", "ido", "ida", "idos", "idas",
        ],
        _ => &[],
    }
}

/// The words `word` may be another form of: each stem of [`MIN_FORM_STEM`]
/// or more it has (the word without one of the language's [`endings`])
/// with each other ending; in English, before `-ing` or `-ed`, also a stem
/// with its doubled consonant once (`running` → `run`, `runs`) and a stem
/// of 3 letters with `e` alone (`paging` → `page`), as English writes them.
pub fn form_surfaces(word: &str, stemmer: Option<&str>) -> Vec<String> {
    let endings = endings(stemmer);
    let mut out = Vec::new();
    for own in endings {
        let Some(stem) = word.strip_suffix(own) else {
            continue;
        };
        let with_others = |stem: &str| {
            endings
                .iter()
                .filter(|e| *e != own)
                .map(|e| format!("{stem}{e}"))
                .collect::<Vec<_>>()
        };
        let len = utf16_len(stem);
        if len >= MIN_FORM_STEM {
            out.extend(with_others(stem));
        }
        if stemmer != Some("english") || !matches!(*own, "ing" | "ed") {
            continue;
        }
        let mut last = stem.chars().rev();
        if len >= MIN_FORM_STEM
            && let (Some(a), Some(b)) = (last.next(), last.next())
            && a == b
            && DOUBLED.contains(&a)
        {
            out.extend(with_others(&stem[..stem.len() - a.len_utf8()]));
        }
        if len == MIN_FORM_STEM - 1 {
            out.push(format!("{stem}e"));
        }
    }
    out
}

/// Up to [`MAX_CORRECTIONS`] terms of the other forms of the unknown `word`
/// ([`form_surfaces`]) that the vocabulary has, stop words aside, by
/// document frequency, then surface. Only words of letters, of
/// [`MIN_TYPO_LEN`] or more, as for corrections; asked only of a word that
/// has no correction one edit away (`crating` is `creating` misspelled,
/// not a form of `crate`).
pub fn forms(vocab: &dyn Vocabulary, word: &str) -> Vec<Candidate> {
    if utf16_len(word) < MIN_TYPO_LEN || !word.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    // (df, surface, term)
    let mut found: Vec<(u32, &str, &str)> = Vec::new();
    for surface in form_surfaces(word, vocab.stemmer()) {
        if let Some(e) = lookup(vocab, &surface)
            && let Some(term) = term_of(e)
            && !found.iter().any(|f| f.1 == e.0)
        {
            found.push((e.2, &e.0, term));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(js_cmp(a.1, b.1)));
    let mut out: Vec<Candidate> = Vec::new();
    for (_, surface, term) in found {
        if out.len() < MAX_CORRECTIONS && !out.iter().any(|c| c.term == term) {
            out.push(Candidate {
                term: term.to_string(),
                surface: surface.to_string(),
                kind: Kind::Form,
                weight: FORM_WEIGHT,
            });
        }
    }
    out
}

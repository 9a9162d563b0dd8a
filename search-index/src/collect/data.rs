//! What the export writes of one language ([`LanguageData`]), assembled
//! from the analysis and its scores.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{Analysis, Partial, Scored};
use crate::SearchDocument;
use crate::analyzer::{
    Mode, STOP_TERM, StopWords, phrasing_words, stemmer_language, surface_forms,
};
use crate::format::{self, js_cmp};

/// The export's view of one language.
pub(crate) struct LanguageData {
    /// Name of the build directory: a hash of the articles and of
    /// `EXPORTER_REVISION` (see [`analyse`]).
    pub build: String,
    /// Number of articles.
    pub docs: u32,
    /// Terms in [`js_cmp`] order.
    pub terms: Vec<TermData>,
    /// Every surface form, in [`js_cmp`] order.
    pub vocab: Vec<VocabWord>,
    /// Indexes into `vocab` of the words of two or more characters that are
    /// not stop words, in [`js_cmp`] order of their reversed surface.
    pub reversed_order: Vec<u32>,
    /// The JSON record of each article, by document number.
    pub records: Vec<Box<[u8]>>,
    /// Per facet (category, tier, type): sorted values with their counts,
    /// and each document's value index.
    pub facets: Vec<Facet>,
}

/// A facet's name, its values with their article counts (sorted), and the
/// value index of every article.
pub(crate) type Facet = (&'static str, Vec<(String, u32)>, Vec<u32>);

/// One term.
pub(crate) struct TermData {
    /// The term.
    pub term: Box<str>,
    /// Number of articles with the term.
    pub df: u32,
    /// Bits of the best score.
    pub top: u32,
    /// Bits of the best score of the postings without the title bit, when
    /// they are all in the tail ([`format::rest_score`]).
    pub rest: Option<u32>,
    /// The best [`HEAD_LEN`] postings, encoded ([`format::encode_postings`]).
    pub head: Box<[u8]>,
    /// The others, encoded ([`format::encode_tail_into`]; empty when `df <= HEAD_LEN`).
    pub tail: Box<[u8]>,
    /// Indexes into [`LanguageData::vocab`] of the surface forms of the term.
    pub forms: Vec<u32>,
    /// The articles whose title is one word of this term (stop words
    /// aside), ascending.
    pub sole: Vec<u32>,
}

/// The term of a stop word that the vocabulary lists though no article
/// has it ([`vocabulary`]).
pub(crate) const NO_TERM: u32 = u32::MAX;

/// One surface form.
pub(crate) struct VocabWord {
    /// Lower-cased, folded word form.
    pub surface: Box<str>,
    /// Index into [`LanguageData::terms`]: for a stop word, its own term
    /// ([`format::stop_term`]), or [`NO_TERM`] for one no article has.
    pub term: u32,
    /// A stop word: the vocabulary lists it without a term.
    pub stop: bool,
}

/// Everything the export writes, from the analysis and its scores.
pub(super) fn merge(mut analysis: Analysis<'_>, scored: Vec<Scored>) -> LanguageData {
    // The entries are scored and written: free them before the records.
    for p in &mut analysis.partials {
        p.body = Vec::new();
        p.other = Vec::new();
    }
    let records = records(analysis.docs, &analysis.terms, &scored);
    let Analysis {
        docs,
        partials,
        terms: term_names,
        globals,
        build,
        lang,
        ..
    } = analysis;
    let vocab = vocabulary(&partials, &globals, &lang);
    let reversed_order = reversed_order(&vocab);
    let terms = term_data(term_names, scored, &vocab, &sole_titles(docs, &vocab));
    LanguageData {
        build,
        docs: docs.len() as u32,
        terms,
        vocab,
        reversed_order,
        records,
        facets: facets(docs),
    }
}

/// The record of each document, with the text around the words it is one
/// of the best [`SHOWN_RANKS`](super::SHOWN_RANKS) results for (stop words
/// aside, so that their postings change no record).
fn records(docs: &[&SearchDocument], terms: &[Box<str>], scored: &[Scored]) -> Vec<Box<[u8]>> {
    let mut show: Vec<Vec<(u8, u32)>> = vec![Vec::new(); docs.len()];
    let words = terms.iter().zip(scored);
    for (_, s) in words.filter(|(term, _)| !format::is_stop_term(term)) {
        for &(doc, rank, first) in &s.shown {
            show[doc as usize].push((rank, first));
        }
    }
    docs.par_iter()
        .zip(show.par_iter_mut())
        .map(|(doc, show)| {
            show.sort_unstable();
            let show: Vec<(usize, usize)> = show
                .iter()
                .map(|&(_, p)| ((p >> 24) as usize, (p & 0xff_ffff) as usize))
                .collect();
            format::record_json(doc, &show)
        })
        .collect()
}

/// Every surface form of the partials' lexicons once, with its global
/// term, and the stop words of `lang`'s [`phrasing_words`] that no article
/// has (without a term: [`NO_TERM`]), in [`js_cmp`] order.
fn vocabulary(partials: &[Partial], globals: &[Vec<u32>], lang: &str) -> Vec<VocabWord> {
    let mut vocab: Vec<VocabWord> = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for (partial, to_global) in partials.iter().zip(globals) {
        for (surface, term) in partial.lexicon.surfaces() {
            if seen.insert(surface) {
                vocab.push(VocabWord {
                    surface: surface.clone(),
                    term: to_global[(*term & !STOP_TERM) as usize],
                    stop: *term & STOP_TERM != 0,
                });
            }
        }
    }
    if let Some(language) = stemmer_language(lang) {
        let mut stop = StopWords::new(language);
        for word in phrasing_words(lang) {
            if !seen.contains(word) && stop.is_stop(word) {
                vocab.push(VocabWord {
                    surface: (*word).into(),
                    term: NO_TERM,
                    stop: true,
                });
            }
        }
    }
    vocab.par_sort_unstable_by(|a, b| js_cmp(&a.surface, &b.surface));
    vocab
}

/// [`LanguageData::reversed_order`] of `vocab`.
fn reversed_order(vocab: &[VocabWord]) -> Vec<u32> {
    let mut reversed: Vec<(String, u32)> = vocab
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.stop && w.surface.chars().nth(1).is_some())
        .map(|(i, w)| (w.surface.chars().rev().collect(), i as u32))
        .collect();
    reversed.par_sort_unstable_by(|a, b| js_cmp(&a.0, &b.0));
    reversed.into_iter().map(|(_, i)| i).collect()
}

/// Each term with its scores, its surface forms in `vocab` and the
/// articles whose title is one word of it, stop words aside (`sole`: term,
/// doc pairs).
fn term_data(
    names: Vec<Box<str>>,
    scored: Vec<Scored>,
    vocab: &[VocabWord],
    sole: &[(u32, u32)],
) -> Vec<TermData> {
    let mut forms: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    for (i, word) in vocab.iter().enumerate().filter(|(_, w)| w.term != NO_TERM) {
        forms[word.term as usize].push(i as u32);
    }
    let mut soles: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    for &(term, doc) in sole {
        soles[term as usize].push(doc);
    }
    names
        .into_iter()
        .zip(scored)
        .zip(forms)
        .zip(soles)
        .map(|(((term, scored), forms), sole)| TermData {
            term,
            df: scored.df,
            top: scored.top,
            rest: scored.rest,
            head: scored.head,
            tail: scored.tail,
            forms,
            sole,
        })
        .collect()
}

/// `(term, doc)` for each article whose title, read as a query reads it,
/// is one word, stop words aside (`Template`, `collections.In`, `The
/// Basics`), or one stop word alone: what lets a query of that one word
/// find the page of that title beyond its first results (FORMAT.md,
/// `sole`).
fn sole_titles(docs: &[&SearchDocument], vocab: &[VocabWord]) -> Vec<(u32, u32)> {
    docs.par_iter()
        .enumerate()
        .filter_map(|(doc, d)| {
            let words: Vec<&VocabWord> = surface_forms(Mode::Query, &d.title)
                .iter()
                .map(|surface| {
                    let at = vocab.binary_search_by(|w| js_cmp(&w.surface, surface));
                    at.ok().map(|at| &vocab[at])
                })
                .collect::<Option<_>>()?;
            let mut content = words.iter().filter(|w| !w.stop);
            let word = match (content.next(), content.next(), words.as_slice()) {
                (Some(word), None, _) | (None, None, [word]) => word,
                _ => return None,
            };
            Some((word.term, doc as u32))
        })
        .collect()
}

/// The category, tier and type facets of `docs`.
fn facets<'a>(docs: &[&'a SearchDocument]) -> Vec<Facet> {
    ["category", "tier", "type"]
        .into_iter()
        .map(|facet| {
            let value_of = |d: &'a SearchDocument| -> &'a str {
                match facet {
                    "category" => &d.category,
                    "tier" => &d.tier,
                    _ => &d.doc_type,
                }
            };
            let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
            for d in docs {
                *counts.entry(value_of(d)).or_default() += 1;
            }
            let mut values: Vec<(String, u32)> = counts
                .into_iter()
                .map(|(value, count)| (value.to_owned(), count))
                .collect();
            values.sort_by(|a, b| js_cmp(&a.0, &b.0));
            let index: FxHashMap<&str, u32> = values
                .iter()
                .enumerate()
                .map(|(i, v)| (v.0.as_str(), i as u32))
                .collect();
            let per_doc = docs.iter().map(|d| index[value_of(d)]).collect();
            (facet, values, per_doc)
        })
        .collect()
}

//! Scores read back from a tantivy index through its normal reader: the
//! slow path the tests compare the export's own scores with.

use std::collections::BTreeMap;

use tantivy::postings::Postings;
use tantivy::query::Bm25Weight;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocSet, Score, TERMINATED, TantivyDocument};

use crate::SearchError;
use crate::index::schema_mismatch;
use crate::schema::Fields;

/// Per-(term, doc) scores read back from a tantivy index, the way its
/// boosted per-field `TermQuery`s score them (for tests and diagnostics).
pub struct LanguageScores {
    /// Number of documents.
    pub docs: u32,
    /// Term → postings in [`posting_order`](crate::format::posting_order).
    pub postings: BTreeMap<String, Vec<crate::format::Posting>>,
}

/// Reads every term's postings, field norms and statistics from `index` and
/// scores them with tantivy's `Bm25Weight` (slow; the reference the export's
/// own scores are tested against).
pub fn language_scores(
    index: &tantivy::Index,
    dir: &std::path::Path,
) -> Result<LanguageScores, SearchError> {
    let fields = Fields::resolve(&index.schema()).ok_or_else(|| schema_mismatch(dir))?;
    let reader = index.reader().map_err(SearchError::tantivy(dir))?;
    let searcher = reader.searcher();
    let mut by_term: BTreeMap<String, Vec<(u32, Score, usize)>> = Default::default();
    let total_docs: u64 = searcher
        .segment_readers()
        .iter()
        .map(|s| u64::from(s.max_doc()))
        .sum();
    for segment in searcher.segment_readers() {
        // Segment doc id → document number (the stored `ord`).
        let store = segment.get_store_reader(8).map_err(SearchError::io(dir))?;
        let mut ords = Vec::with_capacity(segment.max_doc() as usize);
        for doc_id in 0..segment.max_doc() {
            let stored: TantivyDocument = store.get(doc_id).map_err(SearchError::tantivy(dir))?;
            let ord = stored
                .get_first(fields.ord)
                .and_then(|v| v.as_u64())
                .ok_or_else(|| schema_mismatch(dir))?;
            ords.push(ord as u32);
        }
        for (f, &(field, weight)) in fields.weighted.iter().enumerate() {
            let inverted = segment
                .inverted_index(field)
                .map_err(SearchError::tantivy(dir))?;
            let fieldnorms = segment
                .get_fieldnorms_reader(field)
                .map_err(SearchError::tantivy(dir))?;
            let total_tokens: u64 = searcher
                .segment_readers()
                .iter()
                .map(|s| s.inverted_index(field).map(|i| i.total_num_tokens()))
                .sum::<tantivy::Result<u64>>()
                .map_err(SearchError::tantivy(dir))?;
            let average = total_tokens as Score / total_docs as Score;
            let mut terms = inverted.terms().stream().map_err(SearchError::io(dir))?;
            while terms.advance() {
                let term =
                    String::from_utf8(terms.key().to_vec()).map_err(|_| schema_mismatch(dir))?;
                let info = terms.value().clone();
                let doc_freq = searcher
                    .doc_freq(&tantivy::Term::from_field_text(field, &term))
                    .map_err(SearchError::tantivy(dir))?;
                let bm25 = Bm25Weight::for_one_term(doc_freq, total_docs, average).boost_by(weight);
                let mut postings = inverted
                    .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
                    .map_err(SearchError::io(dir))?;
                let list = by_term.entry(term).or_default();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    let score = bm25.score(fieldnorms.fieldnorm_id(doc), postings.term_freq());
                    list.push((ords[doc as usize], score, f));
                    doc = postings.advance();
                }
            }
        }
    }
    let postings = by_term
        .into_iter()
        .map(|(term, mut list)| {
            // For one doc, field contributions are added in field order
            // (the title is field 0).
            list.sort_by_key(|&(doc, _, f)| (doc, f));
            let mut merged: Vec<crate::format::Posting> = Vec::with_capacity(list.len());
            for &(doc, score, f) in &list {
                match merged.last_mut() {
                    Some(last) if last.doc == doc => last.score += score,
                    _ => merged.push(crate::format::Posting {
                        doc,
                        score,
                        title: f == 0,
                    }),
                }
            }
            merged.sort_by(crate::format::posting_order);
            (term, merged)
        })
        .collect();
    Ok(LanguageScores {
        docs: total_docs as u32,
        postings,
    })
}

//! Terminal search over the tantivy index (`tier0 search`).
//!
//! In: the index directory, a language, a query string, a limit. Out: hits,
//! best first. The query is analysed with the language's analyzer in query
//! mode (codes whole), each distinct term becomes a `BooleanQuery` of boosted
//! per-field `TermQuery`s (boost = `schema::FIELD_WEIGHTS`), and the terms
//! are combined with AND; when AND finds nothing, with OR.
//!
//! Guarantee: scores are tantivy's BM25, the sum over terms and fields of
//! `weight_f × BM25_f(term, doc)` — exactly what the export precomputes, so
//! the browser engine ranks whole-word queries the same way. Ties are broken
//! by the lower document number, as tantivy does.

use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, TantivyDocument, Term};

use crate::analyzer::{Mode, analyze};
use crate::index::{open, schema_mismatch};
use crate::schema::Fields;
use crate::{Hit, SearchError};

/// Searches the index of `lang` under `index_dir`.
pub fn search(
    index_dir: &Path,
    lang: &str,
    query: &str,
    limit: usize,
) -> Result<Vec<Hit>, SearchError> {
    let index = open(index_dir, lang)?;
    let terms = query_terms(lang, query);
    search_terms(&index, &index_dir.join(lang), &terms, limit)
}

/// The distinct terms of a query, in order of first appearance.
pub(crate) fn query_terms(lang: &str, query: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    analyze(lang, Mode::Query, query)
        .into_iter()
        .filter(|term| seen.insert(term.clone()))
        .collect()
}

/// Runs already-analysed `terms` against `index`: AND, then OR if AND is empty.
pub fn search_terms(
    index: &Index,
    dir: &Path,
    terms: &[String],
    limit: usize,
) -> Result<Vec<Hit>, SearchError> {
    if terms.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let fields = Fields::resolve(&index.schema()).ok_or_else(|| schema_mismatch(dir))?;
    let reader = index.reader().map_err(SearchError::tantivy(dir))?;
    let searcher = reader.searcher();
    let per_term: Vec<Box<dyn Query>> = terms.iter().map(|t| term_query(&fields, t)).collect();
    let mut top = Vec::new();
    for occur in [Occur::Must, Occur::Should] {
        let clauses = per_term.iter().map(|q| (occur, q.box_clone())).collect();
        let query = BooleanQuery::new(clauses);
        top = searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .map_err(SearchError::tantivy(dir))?;
        if !top.is_empty() || terms.len() == 1 {
            break;
        }
    }
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let stored: TantivyDocument = searcher.doc(address).map_err(SearchError::tantivy(dir))?;
        let text = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        hits.push(Hit {
            id: text(fields.id),
            url: text(fields.url),
            title: text(fields.title),
            tier: text(fields.tier),
            category: text(fields.category),
            doc_type: text(fields.doc_type),
            description: text(fields.description),
            score,
        });
    }
    Ok(hits)
}

/// One term over all weighted fields: a disjunction of boosted `TermQuery`s.
fn term_query(fields: &Fields, term: &str) -> Box<dyn Query> {
    let clauses = fields
        .weighted
        .iter()
        .map(|&(field, weight)| {
            let query: Box<dyn Query> = Box::new(BoostQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                )),
                weight,
            ));
            (Occur::Should, query)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

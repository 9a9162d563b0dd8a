//! Scoring: one term's BM25 postings from its entries, best first.

use rustc_hash::FxHashMap;
use tantivy::Score;
use tantivy::query::Bm25Weight;

use super::{BODY, FIELDS, NO_FIRST, SHOWN_RANKS, TITLE};
use crate::format::{self, HEAD_LEN, Posting};
use crate::schema::FIELD_WEIGHTS;

/// One term's scores.
pub(crate) struct Scored {
    pub(super) df: u32,
    pub(super) top: u32,
    /// Bits of the best score without the title bit when the head holds
    /// only title postings and the tail some others ([`format::rest_score`]).
    pub(super) rest: Option<u32>,
    pub(super) head: Box<[u8]>,
    pub(super) tail: Box<[u8]>,
    /// For its best [`SHOWN_RANKS`] documents that have it in the body:
    /// `(doc, rank, first occurrence)` ([`pack_first`]).
    pub(super) shown: Vec<(u32, u8, u32)>,
}

/// Scores of one term from its `(doc, field, tf, first)` entries (in doc,
/// field order).
pub(super) fn score_term(
    entries: &[(u32, usize, u32, u32)],
    norms: &[[u8; FIELDS]],
    average: &[Score],
    total_docs: u64,
    weights: &mut FxHashMap<(usize, u32), Bm25Weight>,
) -> Scored {
    let mut df = [0u32; FIELDS];
    for &(_, field, _, _) in entries {
        df[field] += 1;
    }
    let mut out: Vec<Posting> = Vec::with_capacity(entries.len());
    for &(doc, field, tf, _) in entries {
        let weight = weights.entry((field, df[field])).or_insert_with(|| {
            Bm25Weight::for_one_term_without_explain(
                u64::from(df[field]),
                total_docs,
                average[field],
            )
            .boost_by(FIELD_WEIGHTS[field].1)
        });
        let score = weight.score(norms[doc as usize][field], tf);
        match out.last_mut() {
            Some(last) if last.doc == doc => last.score += score,
            _ => out.push(Posting {
                doc,
                score,
                title: field == TITLE,
            }),
        }
    }
    // Title postings first, then score descending, then doc: scores are
    // positive, so their bits order like them.
    out.sort_unstable_by_key(|p| (!p.title, !p.score.to_bits(), p.doc));
    let mut shown = Vec::new();
    for (rank, p) in out.iter().take(SHOWN_RANKS).enumerate() {
        let doc = p.doc;
        let i = entries.partition_point(|e| (e.0, e.1) < (doc, BODY));
        if let Some(&(d, BODY, _, first)) = entries.get(i)
            && d == doc
            && first != NO_FIRST
        {
            shown.push((doc, rank as u8, first));
        }
    }
    let top = out.iter().map(|p| p.score.to_bits()).max().unwrap_or(0);
    let split = out.len().min(HEAD_LEN);
    let mut head = Vec::new();
    format::encode_postings_into(&mut head, &out[..split], top);
    let rest = format::rest_score(&out, split);
    let mut tail = Vec::new();
    if split < out.len() {
        format::encode_tail_into(&mut tail, &out[split..], top);
    }
    Scored {
        df: out.len() as u32,
        top,
        rest,
        head: head.into_boxed_slice(),
        tail: tail.into_boxed_slice(),
        shown,
    }
}

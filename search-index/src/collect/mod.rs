//! Everything the export needs, computed straight from the articles in one
//! parallel pass (the tantivy index is written at the same time, from the
//! same analyzer, on another thread).
//!
//! In: the articles of one language, sorted by id (document number = position).
//! Out: [`LanguageData`]: per-term postings with tantivy's BM25 scores, the
//! vocabulary (surface form → term), the records the browser shows and the
//! filter values.
//!
//! Scores: for each weighted field `f`, tantivy's own [`Bm25Weight`] from
//! the same integers tantivy uses — the term's document frequency in `f`,
//! the number of documents, `f`'s total token count (average field norm)
//! and, per document, the term frequency and the quantised field norm
//! ([`FieldNormReader::fieldnorm_to_id`]) — boosted by the field weight,
//! then summed in field order in f32. That is bit for bit what a boosted
//! per-field tantivy `TermQuery` computes; the tests check it against scores
//! read back from the tantivy index.
//!
//! Determinism: documents are split into contiguous ranges per thread and
//! merged in document order; every output is sorted; the build name hashes
//! the articles in document order, so thread count never changes a byte.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use tantivy::Score;
use tantivy::fieldnorm::FieldNormReader;

use crate::SearchDocument;
use crate::analyzer::{Lexicon, Mode, STOP, STOP_TERM, for_each_token};
use crate::format::{FORMAT_VERSION, js_cmp};
use crate::schema::FIELD_WEIGHTS;

mod data;
mod score;

pub(crate) use data::LanguageData;
use data::merge;
use score::{Scored, score_term};

/// Number of weighted fields (title, headings, keywords, description, body).
pub(crate) const FIELDS: usize = FIELD_WEIGHTS.len();
/// The title's position in [`FIELD_WEIGHTS`].
const TITLE: usize = 0;
/// The body's position in [`FIELD_WEIGHTS`].
const BODY: usize = 4;
/// A record keeps the text around the words it is one of the best
/// `SHOWN_RANKS` results for (a result page).
const SHOWN_RANKS: usize = 10;

/// What one thread gathers over its range of documents.
struct Partial {
    lexicon: Lexicon,
    /// Per local term id, its body entries, by doc.
    body: Vec<BodyList>,
    /// Per local term id, its entries in the other fields:
    /// `doc << 32 | field << 29 | tf`, in (doc, field) order.
    other: Vec<Vec<u64>>,
    /// Per document of the range: field norm id per field.
    norms: Vec<[u8; FIELDS]>,
    /// Token count per field.
    tokens: [u64; FIELDS],
}

/// The analysis of one language: per-term `(doc, field, tf)` entries, field
/// norms and token counts, from which both the tantivy postings and the
/// export's scores are made.
pub(crate) struct Analysis<'a> {
    docs: &'a [&'a SearchDocument],
    partials: Vec<Partial>,
    /// Global terms in [`js_cmp`] order.
    pub terms: Vec<Box<str>>,
    /// Per global term, its local id in each partial ([`STOP`] if absent).
    locals: Vec<Vec<u32>>,
    /// Per partial, the global id of each of its local terms.
    globals: Vec<Vec<u32>>,
    /// Field norm ids, per document and field.
    pub norms: Vec<[u8; FIELDS]>,
    /// Token count per field.
    pub tokens: [u64; FIELDS],
    build: String,
    lang: String,
}

/// The most terms one scoring task takes. Rayon splits a range only as far
/// as it sees idle threads, and a term's cost follows its document count:
/// unbounded, the last task held enough common words to keep one core busy
/// for 30 to 40 ms at 10,000 articles while the other waited.
const TERMS_PER_TASK: usize = 256;

/// The name of the build directory of the articles of `lang` (sorted by
/// id, as given: what the export makes of them follows from them): a hash
/// of each one's fields, in order, and of [`EXPORTER_REVISION`] and the
/// format version.
pub(crate) fn build_name(lang: &str, docs: &[SearchDocument]) -> String {
    let hashes: Vec<[u8; 16]> = docs.par_iter().map(doc_hash).collect();
    let mut hasher = blake3::Hasher::new();
    hasher.update(EXPORTER_REVISION.as_bytes());
    hasher.update(&FORMAT_VERSION.to_le_bytes());
    hasher.update(lang.as_bytes());
    hasher.update(&[0]);
    for h in &hashes {
        hasher.update(h);
    }
    hasher.finalize().to_hex()[..16].to_string()
}

/// Analyses the articles of `lang` (sorted by id; document number =
/// position), whose [`build_name`] is `build`.
pub(crate) fn analyse<'a>(lang: &str, build: &str, docs: &'a [&'a SearchDocument]) -> Analysis<'a> {
    let threads = rayon::current_num_threads().clamp(1, 8);
    let per = docs.len().div_ceil(threads).max(1);
    let ranges: Vec<(usize, &[&SearchDocument])> = docs
        .chunks(per)
        .enumerate()
        .map(|(i, c)| (i * per, c))
        .collect();
    let mut partials: Vec<Partial> = ranges
        .into_par_iter()
        .map(|(first, chunk)| analyse_range(lang, first, chunk))
        .collect();

    let mut norms: Vec<[u8; FIELDS]> = Vec::with_capacity(docs.len());
    let mut tokens = [0u64; FIELDS];
    for p in &mut partials {
        norms.append(&mut p.norms);
        for (total, n) in tokens.iter_mut().zip(p.tokens) {
            *total += n;
        }
    }
    let build = build.to_owned();

    let mut terms: Vec<&str> = partials
        .iter()
        .flat_map(|p| p.lexicon.terms().iter().map(|t| &**t))
        .collect();
    terms.par_sort_unstable_by(|a, b| js_cmp(a, b));
    terms.dedup();
    let global: FxHashMap<&str, u32> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (*t, i as u32))
        .collect();
    let globals: Vec<Vec<u32>> = partials
        .iter()
        .map(|partial| {
            partial
                .lexicon
                .terms()
                .iter()
                .map(|t| global[&**t])
                .collect()
        })
        .collect();
    let mut locals: Vec<Vec<u32>> = vec![vec![STOP; partials.len()]; terms.len()];
    for (p, to_global) in globals.iter().enumerate() {
        for (local, &g) in to_global.iter().enumerate() {
            locals[g as usize][p] = local as u32;
        }
    }
    let terms = terms.into_iter().map(Box::from).collect();
    Analysis {
        docs,
        partials,
        terms,
        locals,
        globals,
        norms,
        tokens,
        build,
        lang: lang.to_owned(),
    }
}

impl Analysis<'_> {
    /// Calls `f(doc, field, tf, first)` for every entry of global term `t`,
    /// in (doc, field) order (`first`: see [`pack_first`]).
    #[inline]
    pub fn for_each_entry(&self, t: usize, mut f: impl FnMut(u32, usize, u32, u32)) {
        for (p, &local) in self.locals[t].iter().enumerate() {
            if local == STOP {
                continue;
            }
            let partial = &self.partials[p];
            let other = &partial.other[local as usize];
            let mut j = 0;
            // Merge: for one doc, the other fields come before the body.
            partial.body[local as usize].for_each(|doc, tf, first| {
                while let Some(&e) = other.get(j)
                    && unpack_other(e).0 <= doc
                {
                    let (other_doc, field, other_tf) = unpack_other(e);
                    f(other_doc, field, other_tf, NO_FIRST);
                    j += 1;
                }
                f(doc, BODY, tf, first);
            });
            for &e in &other[j..] {
                let (doc, field, tf) = unpack_other(e);
                f(doc, field, tf, NO_FIRST);
            }
        }
    }

    /// Calls `f(doc, tf)` for every document that has global term `t` in
    /// field `field`, by doc.
    #[inline]
    pub fn for_each_in_field(&self, t: usize, field: usize, mut f: impl FnMut(u32, u32)) {
        for (p, &local) in self.locals[t].iter().enumerate() {
            if local == STOP {
                continue;
            }
            let partial = &self.partials[p];
            if field == BODY {
                partial.body[local as usize].for_each(|doc, tf, _| f(doc, tf));
            } else {
                for &e in &partial.other[local as usize] {
                    let (doc, in_field, tf) = unpack_other(e);
                    if in_field == field {
                        f(doc, tf);
                    }
                }
            }
        }
    }

    /// Number of documents.
    pub fn num_docs(&self) -> u32 {
        self.docs.len() as u32
    }

    /// Every term's `(doc, score)` postings, best first (ties: lower doc),
    /// with where its best documents first use it (see [`Scored`]).
    pub fn scores(&self) -> Vec<Scored> {
        let total_docs = u64::from(self.num_docs());
        let average: Vec<Score> = self
            .tokens
            .iter()
            .map(|&t| t as Score / total_docs.max(1) as Score)
            .collect();
        (0..self.terms.len())
            .into_par_iter()
            .with_max_len(TERMS_PER_TASK)
            .map_init(
                || (FxHashMap::default(), Vec::new()),
                |(weights, entries), t| {
                    entries.clear();
                    self.for_each_entry(t, |doc, field, tf, first| {
                        entries.push((doc, field, tf, first));
                    });
                    score_term(entries, &self.norms, &average, total_docs, weights)
                },
            )
            .collect()
    }

    /// With the [`Analysis::scores`], everything the export writes.
    pub fn into_data(self, scores: Vec<Scored>) -> LanguageData {
        merge(self, scores)
    }
}

/// Appends `value` as an unsigned LEB128 varint.
fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The body entries of a term: per document, varints of the doc delta, the
/// term frequency, and the section and byte offset of its first occurrence
/// (about 5 bytes an entry instead of 12: this is the bulk of the memory).
#[derive(Default)]
struct BodyList {
    bytes: Vec<u8>,
    last: u32,
}

impl BodyList {
    fn push(&mut self, doc: u32, tf: u32, section: u32, offset: u32) {
        let delta = if self.bytes.is_empty() {
            doc
        } else {
            doc - self.last
        };
        self.last = doc;
        for v in [delta, tf, section, offset] {
            put_varint(&mut self.bytes, v);
        }
    }

    /// Calls `f(doc, tf, first)` per entry (`first`: [`pack_first`]).
    #[inline]
    fn for_each(&self, mut f: impl FnMut(u32, u32, u32)) {
        #[inline]
        fn next(b: &[u8], i: &mut usize) -> u32 {
            let mut v: u32 = 0;
            let mut shift = 0;
            loop {
                let byte = b[*i];
                *i += 1;
                v |= u32::from(byte & 0x7f) << shift;
                if byte < 0x80 {
                    return v;
                }
                shift += 7;
            }
        }
        let b = &self.bytes;
        let mut i = 0;
        let mut doc = 0;
        while i < b.len() {
            let delta = next(b, &mut i);
            // The first delta is from 0.
            doc += delta;
            let tf = next(b, &mut i);
            let section = next(b, &mut i);
            let offset = next(b, &mut i);
            f(doc, tf, pack_first(section as usize, offset as usize));
        }
    }
}

/// No first occurrence recorded (not the body, or out of the packable range).
const NO_FIRST: u32 = u32::MAX;

/// A first occurrence in the body: section index (8 bits) and byte offset
/// in its text (24 bits).
fn pack_first(section: usize, offset: usize) -> u32 {
    if section < 255 && offset < 1 << 24 {
        ((section as u32) << 24) | offset as u32
    } else {
        NO_FIRST
    }
}

/// An entry of [`Partial::other`]: `doc << 32 | field << 29 | tf`, so that
/// entries sort in (doc, field) order.
fn pack_other(doc: u32, field: usize, tf: u32) -> u64 {
    (u64::from(doc) << 32) | ((field as u64) << 29) | u64::from(tf)
}

/// `(doc, field, tf)` of a [`pack_other`] entry.
fn unpack_other(e: u64) -> (u32, usize, u32) {
    (
        (e >> 32) as u32,
        ((e >> 29) & 7) as usize,
        (e & ((1 << 29) - 1)) as u32,
    )
}

fn analyse_range(lang: &str, first: usize, docs: &[&SearchDocument]) -> Partial {
    let mut p = Partial {
        lexicon: Lexicon::new(lang),
        body: Vec::new(),
        other: Vec::new(),
        norms: Vec::with_capacity(docs.len()),
        tokens: [0; FIELDS],
    };
    // Per local term: frequency and first body occurrence in the current field.
    let mut tf: Vec<u32> = Vec::new();
    let mut first_at: Vec<(u32, u32)> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let n = (first + i) as u64;
        let mut norms = [0u8; FIELDS];
        for (field, norm) in norms.iter_mut().enumerate() {
            let mut count: u32 = 0;
            let mut count_text = |section: usize, text: &str| {
                for_each_token(text, Mode::Index, |from, to, _| {
                    let id = p.lexicon.id_of_raw(&text[from..to]);
                    // A stop word's own term has postings, but like tantivy
                    // the field's length counts only the other words.
                    let term = id & !STOP_TERM;
                    count += u32::from(id == term);
                    let t = term as usize;
                    if t >= tf.len() {
                        tf.resize(t + 1, 0);
                        first_at.resize(t + 1, (0, 0));
                    }
                    if tf[t] == 0 {
                        touched.push(term);
                        if field == BODY {
                            first_at[t] = (section as u32, from as u32);
                        }
                    }
                    tf[t] += 1;
                });
            };
            for_each_field_text(doc, field, &mut count_text);
            // (Any order: each term's list still grows in (doc, field) order.)
            for &term in &touched {
                let t = term as usize;
                if t >= p.body.len() {
                    p.body.resize_with(t + 1, BodyList::default);
                    p.other.resize_with(t + 1, Vec::new);
                }
                if field == BODY {
                    let (section, offset) = first_at[t];
                    p.body[t].push(n as u32, tf[t], section, offset);
                } else {
                    p.other[t].push(pack_other(n as u32, field, tf[t]));
                }
                tf[t] = 0;
            }
            touched.clear();
            p.tokens[field] += u64::from(count);
            *norm = FieldNormReader::fieldnorm_to_id(count);
        }
        p.norms.push(norms);
    }
    p
}

/// Calls `f(section, text)` for each text of weighted field `field` (in
/// [`FIELD_WEIGHTS`] order); `section` numbers the body's sections and is 0
/// for the other fields.
fn for_each_field_text(doc: &SearchDocument, field: usize, mut f: impl FnMut(usize, &str)) {
    match field {
        0 => f(0, &doc.title),
        1 => doc
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .for_each(|heading| f(0, heading)),
        2 => {
            f(0, &doc.id);
            doc.keywords.iter().for_each(|k| f(0, k));
        }
        3 => f(0, &doc.description),
        _ => doc
            .sections
            .iter()
            .enumerate()
            .for_each(|(k, s)| f(k, &s.text)),
    }
}

/// Hash of everything of an article that the exported files are made of
/// (XXH3-128 of its length-prefixed fields: fast, not cryptographic; it
/// only has to change with the content, to name the build directory).
fn doc_hash(doc: &SearchDocument) -> [u8; 16] {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut put = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    for s in [
        &doc.id,
        &doc.lang,
        &doc.url,
        &doc.title,
        &doc.description,
        &doc.tier,
        &doc.category,
        &doc.doc_type,
    ] {
        put(s.as_bytes());
    }
    put(&[u8::from(doc.internal)]);
    put(doc.confidence.as_deref().unwrap_or("").as_bytes());
    put(&(doc.trail.len() as u64).to_le_bytes());
    for t in &doc.trail {
        put(t.as_bytes());
    }
    put(&(doc.keywords.len() as u64).to_le_bytes());
    for k in &doc.keywords {
        put(k.as_bytes());
    }
    put(&(doc.sections.len() as u64).to_le_bytes());
    for s in &doc.sections {
        put(s.anchor.as_deref().unwrap_or("\u{0}").as_bytes());
        put(s.heading.as_deref().unwrap_or("\u{0}").as_bytes());
        put(s.text.as_bytes());
    }
    h.digest128().to_le_bytes()
}

/// Changes whenever the exporter may write different bytes for the same
/// articles (crate version plus a counter bumped with such changes), so that
/// the build name changes too.
const EXPORTER_REVISION: &str = concat!(env!("CARGO_PKG_VERSION"), "/7");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Section;

    #[test]
    fn every_exported_field_changes_the_build_name() {
        let doc = SearchDocument {
            id: "KB-1".into(),
            lang: "es".into(),
            url: "red/wifi/".into(),
            title: "Wi-Fi".into(),
            description: "Reconectar".into(),
            tier: "L2".into(),
            category: "red".into(),
            trail: vec!["Red".into()],
            doc_type: "how-to".into(),
            keywords: vec!["wifi".into()],
            sections: vec![Section {
                anchor: Some("paso-1".into()),
                heading: Some("Paso".into()),
                text: "Apague el router.".into(),
            }],
            internal: false,
            confidence: None,
        };
        let changes: [fn(&mut SearchDocument); 14] = [
            |d| d.id.push('0'),
            |d| d.lang.push('x'),
            |d| d.url.push('x'),
            |d| d.title.push('x'),
            |d| d.description.push('x'),
            |d| d.tier.push('x'),
            |d| d.category.push('x'),
            |d| d.trail.push(String::new()),
            |d| d.doc_type.push('x'),
            |d| d.keywords.push(String::new()),
            |d| d.sections[0].anchor = None,
            |d| d.sections[0].heading = None,
            |d| d.sections[0].text.push('x'),
            |d| d.internal = true,
        ];
        for (i, change) in changes.into_iter().enumerate() {
            let mut changed = doc.clone();
            change(&mut changed);
            assert_ne!(doc_hash(&doc), doc_hash(&changed), "change {i}");
        }
        // Field boundaries count: moving a byte from one field to the next changes it.
        let mut moved = doc.clone();
        moved.id = "KB-".into();
        moved.lang = "1es".into();
        assert_ne!(doc_hash(&doc), doc_hash(&moved));
    }
}

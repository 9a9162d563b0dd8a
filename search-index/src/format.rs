//! The exported file format, version [`FORMAT_VERSION`] (see `FORMAT.md`).
//!
//! In/out: the serde shapes of every exported file's JSON (each file is a
//! `.js` script wrapping it, see [`wrap`]), and how they write numbers
//! inside their strings ([`numbers`], [`tail`]). `export` writes the large files
//! (vocabulary, postings, tails) straight into bytes in these shapes, for
//! speed; the crate's round-trip test and any other reader decode them with
//! these types. Guarantees: field order is fixed by the struct definitions
//! and maps are `BTreeMap`s, so encoding is deterministic; [`js_cmp`] orders
//! strings the way JavaScript compares them, so the browser can
//! binary-search the shard keys with `<`.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod numbers;
mod record;
mod tail;
pub use numbers::{put_number, read_number, read_numbers};
pub use record::{
    GAP, RECORD_TEXT_BYTES, RECORDS_PER_FILE, Record, RecordSection, heading_anchor, record_json,
};
pub use tail::{TAIL_LEVELS, decode_tail, encode_tail_into};

/// Version of the exported format; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 8;

/// What the term of a stop word's own postings starts with: no word does,
/// and it sorts before every word, so these terms fill postings shards of
/// their own that only a query made of stop words reads.
pub const STOP_TERM_PREFIX: char = '.';

/// The term under which stop word `surface`'s postings are exported.
pub fn stop_term(surface: &str) -> String {
    format!("{STOP_TERM_PREFIX}{surface}")
}

/// Whether `term` is a stop word's ([`stop_term`]).
pub fn is_stop_term(term: &str) -> bool {
    term.starts_with(STOP_TERM_PREFIX)
}

/// Postings of a term kept in the head (the rest goes to the tail).
pub const HEAD_LEN: usize = 24;

/// The root file `manifest.js`: which languages were exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RootManifest {
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// Language codes, in configuration order; each has `<lang>/manifest.js`.
    pub languages: Vec<String>,
}

/// `<lang>/manifest.js`: the stable entry point of one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// Language code.
    pub lang: String,
    /// Hash of this language's articles and of the exporter's revision
    /// (so it changes whenever a data file may); the data files live under
    /// `<lang>/<build>/`.
    pub build: String,
    /// Number of articles.
    pub docs: u32,
    /// How text was analysed (informative; the browser mirrors it).
    pub analyzer: AnalyzerInfo,
    /// Field weights used for the precomputed scores.
    pub weights: BTreeMap<String, f32>,
    /// [`HEAD_LEN`].
    pub head_len: u32,
    /// Separator keys of the vocabulary shards: shard `i` (`v/<i>.js`) holds
    /// the words `w` with `vocab[i] <= w < vocab[i+1]`; `vocab[0]` is "".
    pub vocab: Vec<String>,
    /// Separator keys of the postings shards (`p/<i>.js`), same rule over terms.
    pub terms: Vec<String>,
    /// Number of tail files (`t/<i>.js`).
    pub tails: u32,
    /// Records per record file: article `n` is item `n % records` of `r/<n / records>.js`.
    pub records: u32,
    /// Filter values with their article counts, per facet (category, tier, type).
    pub filters: BTreeMap<String, Vec<(String, u32)>>,
    /// Synonyms: a typed word's surface, or `=` and its term, → the
    /// `[surface, term]` pairs it also searches (see `synonyms.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub synonyms: BTreeMap<String, Vec<(String, String)>>,
    /// Question words, folded (`analyzer::question_words`): optional in a
    /// query that has another word (QUERY.md, "Planning", step 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub question_words: Vec<String>,
}

/// Description of the analyzer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyzerInfo {
    /// Snowball stemmer, if any ("spanish", "english").
    pub stemmer: Option<String>,
    /// Runs longer than this many characters are not indexed.
    pub max_token_chars: u32,
}

/// A vocabulary entry: `[surface, term, df]`. `term` is `0` when equal to
/// the surface and `null` for a stop word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VocabEntry(pub String, pub TermRef, pub u32);

/// The term a surface form maps to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TermRef {
    /// The surface form itself (serialised as `0`).
    Same(u8),
    /// Another string (the stem).
    Term(String),
    /// A stop word (serialised as `null`).
    Stop(()),
}

/// `<build>/reversed.js`: the separator keys of the reversed vocabulary
/// shards (`w/<i>.js`), which hold the words of two or more letters that
/// are not stop words, ordered by their reversed surface (so a typo in a
/// word's first letters still lands in the shard of the right word); same
/// rule as [`Manifest::vocab`] over the reversed surfaces. Only typo
/// lookups need them, so they are not in the manifest that every query
/// reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReversedKeys {
    /// Shard `i` holds the reversed surfaces `r` with `keys[i] <= r < keys[i+1]`.
    pub keys: Vec<String>,
}

/// `<build>/v/<i>.js`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VocabShard {
    /// Entries sorted by surface ([`js_cmp`]).
    pub words: Vec<VocabEntry>,
}

/// One term in a postings shard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermEntry {
    /// Articles containing the term in any field.
    pub df: u32,
    /// IEEE-754 bits of the term's best score (where postings decoding starts).
    pub top: u32,
    /// IEEE-754 bits of the best score of the postings without the title
    /// bit, when the head holds only title postings and the tail some
    /// others ([`rest_score`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest: Option<u32>,
    /// Surface forms that map to this term (for highlighting).
    pub forms: Vec<String>,
    /// The articles whose title is one word of this term, ascending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sole: Vec<u32>,
    /// The best [`HEAD_LEN`] postings, encoded with [`encode_postings`].
    pub head: String,
    /// Tail file number when `df > HEAD_LEN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tail: Option<u32>,
}

/// `<build>/p/<i>.js`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostingsShard {
    /// Terms of the shard.
    pub terms: BTreeMap<String, TermEntry>,
}

/// `<build>/t/<i>.js`: the rest of the postings of one or more terms,
/// each encoded with [`encode_tail_into`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TailFile {
    /// Term → encoded postings after the head.
    pub terms: BTreeMap<String, String>,
}

/// `<build>/filters.js`: per facet, the value number of every article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilterFile {
    /// Facet → numbers as text ([`numbers`]): for article `n`, the index of its value in
    /// `Manifest::filters[facet]`.
    pub facets: BTreeMap<String, String>,
}

/// Compares like JavaScript's `<` on strings (UTF-16 code units).
pub fn js_cmp(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let Some(i) = x.iter().zip(y).position(|(p, q)| p != q) else {
        return x.len().cmp(&y.len());
    };
    // UTF-8 byte order is code point order. UTF-16 differs only where a
    // supplementary character (4-byte lead 0xF0..) meets one of U+E000..U+FFFF
    // (lead 0xEE, 0xEF): its surrogates sort below them. A difference in a
    // continuation byte is between characters of the same lead byte.
    match (x[i], y[i]) {
        (0xF0.., 0xEE | 0xEF) => Ordering::Less,
        (0xEE | 0xEF, 0xF0..) => Ordering::Greater,
        (p, q) => p.cmp(&q),
    }
}

/// The shortest prefix of `next` that still sorts after `prev` ([`js_cmp`]).
pub fn separator(prev: &str, next: &str) -> String {
    let mut out = String::new();
    for c in next.chars() {
        out.push(c);
        if js_cmp(&out, prev) == Ordering::Greater {
            break;
        }
    }
    out
}

/// One posting: an article that has the term, its score and whether the
/// term is in the article's title.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    /// Document number.
    pub doc: u32,
    /// `Σ_f w_f × BM25_f` over the weighted fields, in f32.
    pub score: f32,
    /// The term occurs in the title.
    pub title: bool,
}

/// The order of a term's postings: title postings first, then the others;
/// within each group, higher score first, ties by lower document number.
pub fn posting_order(a: &Posting, b: &Posting) -> Ordering {
    b.title
        .cmp(&a.title)
        .then(b.score.total_cmp(&a.score))
        .then(a.doc.cmp(&b.doc))
}

/// What a browser needs to bound the tail of `postings` (in
/// [`posting_order`]) cut after the first `head`: when the head ends with a
/// title posting and the tail holds some without the title bit, the bits of
/// the best score among those (the first of them), else `None`. The head's
/// last posting already bounds the tail's title postings; without this, the
/// others would be bounded by the term's best score, a title score, and
/// the head of a word found in many titles could never decide a title
/// query (QUERY.md, "Reading less in the browser").
pub fn rest_score(postings: &[Posting], head: usize) -> Option<u32> {
    if !postings[..head].last()?.title {
        return None;
    }
    postings[head..]
        .iter()
        .find(|p| !p.title)
        .map(|p| p.score.to_bits())
}

/// Postings in [`posting_order`] as pairs of numbers `doc × 2 + title,
/// prev − bits` ([`numbers`]), where `bits` is the IEEE-754 bit pattern of the f32 score and
/// `prev` starts at `top` (the bits of the term's best score) and starts
/// there again at the first posting without the title bit that follows one
/// with it.
///
/// Within a group scores do not increase and positive floats order like
/// their bit patterns, so the deltas are small non-negative integers and
/// the scores come back bit-exact: both engines sum the very numbers
/// tantivy's `Bm25Weight` computed (16-bit quantisation was tried in format
/// 1 and reordered near-ties).
pub fn encode_postings(postings: &[Posting], top: u32) -> String {
    let mut out = Vec::new();
    encode_postings_into(&mut out, postings, top);
    String::from_utf8(out).unwrap_or_default()
}

/// [`encode_postings`], appended to `out`.
pub fn encode_postings_into(out: &mut Vec<u8>, postings: &[Posting], top: u32) {
    out.reserve(postings.len() * 6);
    let mut prev = top;
    let mut in_title = false;
    for p in postings {
        if in_title && !p.title {
            prev = top;
        }
        in_title = p.title;
        let bits = p.score.to_bits();
        put_number(out, p.doc * 2 + u32::from(p.title));
        put_number(out, prev.saturating_sub(bits));
        prev = bits;
    }
}

/// Inverse of [`encode_postings`].
pub fn decode_postings(encoded: &str, top: u32) -> Option<Vec<Posting>> {
    let values = read_numbers(encoded)?;
    if values.len() % 2 != 0 {
        return None;
    }
    let mut prev = top;
    let mut in_title = false;
    let mut out = Vec::with_capacity(values.len() / 2);
    for pair in values.chunks(2) {
        let title = pair[0] & 1 == 1;
        if in_title && !title {
            prev = top;
        }
        in_title = title;
        let bits = prev.checked_sub(pair[1])?;
        out.push(Posting {
            doc: pair[0] >> 1,
            score: f32::from_bits(bits),
            title,
        });
        prev = bits;
    }
    Some(out)
}

/// What every exported file except the engine starts with.
pub const WRAP_PREFIX: &str = "(self.__tier0Search=self.__tier0Search||[]).push([";
/// What it ends with.
pub const WRAP_SUFFIX: &str = "]);\n";

/// A data file: `json` wrapped so that it is both a classic script (it
/// pushes `[path, json]` onto `self.__tier0Search`, for `file://` where
/// `fetch` is blocked) and, stripped of the wrapper, JSON (for `fetch`).
/// `path` never contains `"` or `\`.
pub fn wrap(path: &str, json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + path.len() + 64);
    wrap_into(&mut out, path, |out| out.extend_from_slice(json));
    out
}

/// [`wrap`], writing the JSON with `body` straight into `out`.
pub fn wrap_into(out: &mut Vec<u8>, path: &str, body: impl FnOnce(&mut Vec<u8>)) {
    out.extend_from_slice(WRAP_PREFIX.as_bytes());
    out.push(b'"');
    out.extend_from_slice(path.as_bytes());
    out.extend_from_slice(b"\",");
    body(out);
    out.extend_from_slice(WRAP_SUFFIX.as_bytes());
}

/// Inverse of [`wrap`]: the path and the JSON.
pub fn unwrap(file: &[u8]) -> Option<(&str, &[u8])> {
    let rest = file
        .strip_prefix(WRAP_PREFIX.as_bytes())?
        .strip_suffix(WRAP_SUFFIX.as_bytes())?
        .strip_prefix(b"\"")?;
    let end = rest.iter().position(|&b| b == b'"')?;
    let path = std::str::from_utf8(&rest[..end]).ok()?;
    let json = rest[end + 1..].strip_prefix(b",")?;
    Some((path, json))
}

#[cfg(test)]
mod tests;

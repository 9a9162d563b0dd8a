//! The exported file format, version [`FORMAT_VERSION`] (see `FORMAT.md`).
//!
//! In/out: the serde shapes of every exported JSON file, and the two binary
//! encodings they embed (LEB128 varints, base64). `export` writes with these
//! types; the crate's round-trip test and any other reader decode with them.
//! Guarantees: field order is fixed by the struct definitions and maps are
//! `BTreeMap`s, so encoding is deterministic; [`js_cmp`] orders strings the
//! way JavaScript compares them, so the browser can binary-search the shard
//! keys with `<`.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Version of the exported format; bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;

/// Postings of a term kept in the head (the rest goes to the tail).
pub const HEAD_LEN: usize = 24;

/// The root file `manifest.json`: which languages were exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RootManifest {
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// Language codes, in configuration order; each has `<lang>/manifest.json`.
    pub languages: Vec<String>,
}

/// `<lang>/manifest.json`: the stable entry point of one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT_VERSION`].
    pub format: u32,
    /// Language code.
    pub lang: String,
    /// Content hash of this language's data files; they live under `<lang>/<build>/`.
    pub build: String,
    /// Number of articles.
    pub docs: u32,
    /// How text was analysed (informative; the browser mirrors it).
    pub analyzer: AnalyzerInfo,
    /// Field weights used for the precomputed scores.
    pub weights: BTreeMap<String, f32>,
    /// [`HEAD_LEN`].
    pub head_len: u32,
    /// Separator keys of the vocabulary shards: shard `i` (`v/<i>.json`) holds
    /// the words `w` with `vocab[i] <= w < vocab[i+1]`; `vocab[0]` is "".
    pub vocab: Vec<String>,
    /// Separator keys of the postings shards (`p/<i>.json`), same rule over terms.
    pub terms: Vec<String>,
    /// Number of tail files (`t/<i>.json`).
    pub tails: u32,
    /// Filter values with their article counts, per facet (category, tier, type).
    pub filters: BTreeMap<String, Vec<(String, u32)>>,
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

/// `<build>/v/<i>.json`.
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
    /// Surface forms that map to this term (for highlighting).
    pub forms: Vec<String>,
    /// The best [`HEAD_LEN`] postings, encoded with [`encode_postings`].
    pub head: String,
    /// Tail file number when `df > HEAD_LEN`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tail: Option<u32>,
}

/// `<build>/p/<i>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostingsShard {
    /// Terms of the shard.
    pub terms: BTreeMap<String, TermEntry>,
}

/// `<build>/t/<i>.json`: the rest of the postings of one or more terms,
/// each encoded with [`encode_postings`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TailFile {
    /// Term → encoded postings after the head.
    pub terms: BTreeMap<String, String>,
}

/// `<build>/d/<n>.json`: what a result needs to be shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Article id.
    pub id: String,
    /// Site-relative URL.
    pub url: String,
    /// Title.
    pub title: String,
    /// Tier id.
    pub tier: String,
    /// Category id.
    pub category: String,
    /// Article type.
    #[serde(rename = "type")]
    pub doc_type: String,
    /// Language.
    pub lang: String,
    /// Description.
    pub description: String,
    /// Sections: `[anchor, heading, text]`.
    pub sections: Vec<(Option<String>, Option<String>, String)>,
}

/// `<build>/filters.json`: per facet, the value number of every article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilterFile {
    /// Facet → varints (base64): for article `n`, the index of its value in
    /// `Manifest::filters[facet]`.
    pub facets: BTreeMap<String, String>,
}

/// Compares like JavaScript's `<` on strings (UTF-16 code units).
pub fn js_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
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

/// Appends `value` as an unsigned LEB128 varint.
pub fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads all varints of `bytes`; `None` if it ends inside one.
pub fn read_varints(bytes: &[u8]) -> Option<Vec<u32>> {
    let mut out = Vec::new();
    let mut value: u32 = 0;
    let mut shift = 0;
    let mut open = false;
    for &b in bytes {
        if shift >= 32 {
            return None;
        }
        value |= u32::from(b & 0x7f) << shift;
        open = true;
        if b & 0x80 == 0 {
            out.push(value);
            value = 0;
            shift = 0;
            open = false;
        } else {
            shift += 7;
        }
    }
    (!open).then_some(out)
}

/// Postings `(doc, score)` in score order (scores positive and not
/// increasing) as varint pairs `doc, prev − bits`, where `bits` is the
/// IEEE-754 bit pattern of the f32 score and `prev` starts at `top` (the
/// bits of the term's best score), then base64.
///
/// Positive floats order like their bit patterns, so the deltas are small
/// non-negative integers and the scores come back bit-exact: the browser
/// sums the very numbers tantivy sums, which keeps near-ties (a few f32 ulps
/// apart) in tantivy's order — 16-bit quantisation did not (measured: 2 of
/// 300 top-10 lists differed on the 10,000-article benchmark).
pub fn encode_postings(postings: &[(u32, f32)], top: u32) -> String {
    let mut bytes = Vec::with_capacity(postings.len() * 4);
    let mut prev = top;
    for &(doc, score) in postings {
        let bits = score.to_bits();
        put_varint(&mut bytes, doc);
        put_varint(&mut bytes, prev.saturating_sub(bits));
        prev = bits;
    }
    base64_encode(&bytes)
}

/// Inverse of [`encode_postings`].
pub fn decode_postings(encoded: &str, top: u32) -> Option<Vec<(u32, f32)>> {
    let values = read_varints(&base64_decode(encoded)?)?;
    if values.len() % 2 != 0 {
        return None;
    }
    let mut prev = top;
    let mut out = Vec::with_capacity(values.len() / 2);
    for pair in values.chunks(2) {
        let bits = prev.checked_sub(pair[1])?;
        out.push((pair[0], f32::from_bits(bits)));
        prev = bits;
    }
    Some(out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (what `atob` and `Buffer` read).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Inverse of [`base64_encode`]; `None` on malformed input.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in bytes {
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The `.js` twin of a data file: loads the same JSON as a classic script
/// (for `file://`, where `fetch` is blocked).
pub fn script_twin(json_path: &str, json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + json_path.len() + 64);
    out.extend_from_slice(b"(self.__tier0Search=self.__tier0Search||[]).push([");
    out.extend_from_slice(
        serde_json::to_string(json_path)
            .unwrap_or_default()
            .as_bytes(),
    );
    out.push(b',');
    out.extend_from_slice(json);
    out.extend_from_slice(b"]);\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_round_trip() {
        let postings = vec![(5, 12.5f32), (0, 3.25), (123_456, 3.25), (7, 1e-3)];
        let top = postings[0].1.to_bits();
        assert_eq!(
            decode_postings(&encode_postings(&postings, top), top),
            Some(postings)
        );
        assert_eq!(decode_postings(&encode_postings(&[], 0), 0), Some(vec![]));
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foo"), "Zm9v");
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        for s in ["", "f", "fo", "foo", "foob", "fooba"] {
            assert_eq!(
                base64_decode(&base64_encode(s.as_bytes())).unwrap(),
                s.as_bytes()
            );
        }
    }

    #[test]
    fn separators_are_short_and_ordered() {
        assert_eq!(separator("casa", "cosa"), "co");
        assert_eq!(separator("red", "redes"), "rede");
        assert_eq!(separator("", "abc"), "a");
    }

    #[test]
    fn js_order_differs_from_utf8_only_for_astral_characters() {
        assert_eq!(js_cmp("\u{ffff}", "\u{10000}"), Ordering::Greater);
        assert_eq!(js_cmp("abc", "abd"), Ordering::Less);
    }
}

//! Export of the static files the browser engine reads.
//!
//! In: a [`BuiltIndex`] (its per-language [`LanguageData`], computed by
//! `build` from the same analysis as the tantivy index). Out: every file of
//! the search directory, engine included, handed to a [`Sink`] as soon as it
//! is made, from several threads. The format is `format.rs` / `FORMAT.md`.
//!
//! Guarantees: deterministic (the same articles give the same paths and
//! bytes, whatever the thread count); head postings in exact score order
//! (ties: lower document number) with bit-exact f32 scores, tails by
//! document with scores rounded down to their levels; a language's
//! `manifest.js` is written after all of its data files, so a reader that
//! sees the manifest finds everything it names; only the published
//! articles passed to `build` appear.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

use rayon::prelude::*;

use crate::analyzer::{MAX_TOKEN_CHARS, SurfaceToTerm, stemmer_language};
use crate::collect::LanguageData;
use crate::format::{
    self, AnalyzerInfo, FORMAT_VERSION, HEAD_LEN, Manifest, RECORDS_PER_FILE, ReversedKeys,
    RootManifest, js_cmp,
};
use crate::schema::FIELD_WEIGHTS;
use crate::synonyms;
use crate::{BuiltIndex, ExportedFile, LanguageIndex, SearchError};

mod readback;

pub use readback::{LanguageScores, language_scores};

/// Target size of a vocabulary shard (bytes of JSON before compression).
const VOCAB_SHARD_BYTES: usize = 12_000;
/// Target size of a postings shard.
const POSTINGS_SHARD_BYTES: usize = 12_000;
/// Tails shorter than this share a file with their neighbours.
const TAIL_SOLO_BYTES: usize = 2_000;
/// Target size of a shared tail file.
const TAIL_PACK_BYTES: usize = 8_000;

/// Where [`export`] sends each file: `out(path, bytes)`, `path` relative to
/// the search directory with `/` separators. Called from several threads
/// at once, in no particular order.
pub type Sink<'a> = dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync + 'a;

/// Writes the static files of the browser index, engine included, through
/// `out` as soon as each one is made (never the whole export in memory).
///
/// Paths are relative to the search directory (tier0 publishes them under
/// `public/search/`): `tier0-search.js` (ES module), `tier0-search.classic.js`
/// (classic script), `manifest.js`, `<lang>/manifest.js` and the data files
/// under `<lang>/<build>/`. A language's `manifest.js` is written after all
/// of its data files; a language kept from an earlier build
/// ([`Plan::build`](crate::Plan::build)) is only named in the root
/// manifest. The first error of `out` stops the export and is returned as
/// [`SearchError::Output`].
pub fn export(built: &BuiltIndex, out: &Sink<'_>) -> Result<(), SearchError> {
    emit(out, crate::ENGINE_JS_NAME, crate::engine_js().as_bytes())?;
    emit(
        out,
        crate::ENGINE_CLASSIC_JS_NAME,
        crate::engine_classic_js().as_bytes(),
    )?;
    let root = RootManifest {
        format: FORMAT_VERSION,
        languages: built.order.clone(),
    };
    emit_json(out, "manifest.js", &serde_json::to_vec(&root)?)?;
    for language in &built.languages {
        export_language(language, out)?;
    }
    Ok(())
}

/// [`export`] collected in memory, sorted by path (tests, small sites).
pub fn export_files(built: &BuiltIndex) -> Result<Vec<ExportedFile>, SearchError> {
    let files = std::sync::Mutex::new(Vec::new());
    export(built, &|path: &str, bytes: &[u8]| {
        files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(ExportedFile {
                path: path.to_string(),
                bytes: bytes.to_vec(),
            });
        Ok(())
    })?;
    let mut files = files
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn emit(out: &Sink<'_>, path: &str, bytes: &[u8]) -> Result<(), SearchError> {
    out(path, bytes).map_err(|source| SearchError::Output {
        path: path.to_string(),
        source,
    })
}

fn emit_json(out: &Sink<'_>, path: &str, json: &[u8]) -> Result<(), SearchError> {
    emit(out, path, &format::wrap(path, json))
}

/// Emits a data file whose JSON `body` writes straight into the buffer.
fn emit_with(
    out: &Sink<'_>,
    path: &str,
    capacity: usize,
    body: impl FnOnce(&mut Vec<u8>),
) -> Result<(), SearchError> {
    let mut bytes = Vec::with_capacity(capacity + path.len() + 64);
    format::wrap_into(&mut bytes, path, body);
    emit(out, path, &bytes)
}

/// Appends `s` as a JSON string.
fn push_str(out: &mut Vec<u8>, s: &str) {
    // Writing a string into a `Vec` cannot fail.
    let _ = serde_json::to_writer(out, s);
}

/// Appends `n` as a JSON number.
fn push_u32(out: &mut Vec<u8>, n: u32) {
    // Writing into a `Vec` cannot fail.
    let _ = write!(out, "{n}");
}

/// The site path of a file of the language's build, from its path in it.
type PathIn<'a> = &'a (dyn Fn(&str) -> String + Sync);

/// Writes every file of one language: vocabulary shards, tails, postings
/// shards, records, filters, then the manifest that names them.
fn export_language(language: &LanguageIndex, out: &Sink<'_>) -> Result<(), SearchError> {
    let lang = &language.lang;
    let data: &LanguageData = &language.data;
    let build = &data.build;
    let path = |rel: &str| format!("{lang}/{build}/{rel}");

    // Vocabulary shards, by surface and by reversed surface.
    let by_surface: Vec<u32> = (0..data.vocab.len() as u32).collect();
    let vocab_keys = export_vocabulary(out, &path, "v", data, &by_surface)?;
    let keys = export_vocabulary(out, &path, "w", data, &data.reversed_order)?;
    emit_json(
        out,
        &path("reversed.js"),
        &serde_json::to_vec(&ReversedKeys { keys })?,
    )?;
    let tails = Tails::packed(data);
    export_tails(out, &path, data, &tails)?;
    let term_keys = export_postings(out, &path, data, &tails.of)?;
    export_records(out, &path, data)?;
    let filter_values = export_filters(out, &path, data)?;

    let manifest = Manifest {
        format: FORMAT_VERSION,
        lang: lang.clone(),
        build: build.clone(),
        docs: data.docs,
        analyzer: AnalyzerInfo {
            stemmer: stemmer_language(lang).map(|l| format!("{l:?}").to_lowercase()),
            max_token_chars: MAX_TOKEN_CHARS as u32,
        },
        weights: FIELD_WEIGHTS
            .iter()
            .map(|(name, w)| ((*name).to_string(), *w))
            .collect(),
        head_len: HEAD_LEN as u32,
        vocab: vocab_keys,
        terms: term_keys,
        tails: tails.files.len() as u32,
        records: RECORDS_PER_FILE as u32,
        filters: filter_values,
        synonyms: synonyms::resolve(&language.synonyms, &|surface| {
            let term = SurfaceToTerm::new(lang).term(surface)?;
            data.terms
                .binary_search_by(|t| js_cmp(&t.term, &term))
                .is_ok()
                .then_some(term)
        }),
        question_words: crate::analyzer::question_words(lang)
            .iter()
            .map(|w| (*w).to_owned())
            .collect(),
    };
    emit_json(
        out,
        &format!("{lang}/manifest.js"),
        &serde_json::to_vec(&manifest)?,
    )
}

/// The tail files of a language: large tails alone, small neighbours
/// packed together.
struct Tails {
    /// The terms of each file, in term order: the files are ordered by
    /// their first term, hence sorted by term.
    files: Vec<Vec<u32>>,
    /// Each term's file, `u32::MAX` for a term without a tail.
    of: Vec<u32>,
    /// Each term's size in a file (0 without a tail).
    lens: Vec<usize>,
}

impl Tails {
    fn packed(data: &LanguageData) -> Tails {
        let lens: Vec<usize> = data
            .terms
            .par_iter()
            .map(|t| {
                if t.tail.is_empty() {
                    0
                } else {
                    t.tail.len() + t.term.len()
                }
            })
            .collect();
        let mut files: Vec<Vec<u32>> = Vec::new();
        let mut pack: Vec<u32> = Vec::new();
        let mut pack_bytes = 0;
        let words = stop_terms(data);
        for (t, &size) in lens.iter().enumerate() {
            // Stop words' tails share no file with the other words'.
            if t == words && !pack.is_empty() {
                files.push(std::mem::take(&mut pack));
                pack_bytes = 0;
            }
            if size == 0 {
                continue;
            }
            if size >= TAIL_SOLO_BYTES {
                files.push(vec![t as u32]);
                continue;
            }
            if pack_bytes + size > TAIL_PACK_BYTES && !pack.is_empty() {
                files.push(std::mem::take(&mut pack));
                pack_bytes = 0;
            }
            pack.push(t as u32);
            pack_bytes += size;
        }
        if !pack.is_empty() {
            files.push(pack);
        }
        let mut of: Vec<u32> = vec![u32::MAX; data.terms.len()];
        for (file, terms) in files.iter().enumerate() {
            for &t in terms {
                of[t as usize] = file as u32;
            }
        }
        Tails { files, of, lens }
    }
}

/// Writes the `t/<i>.js` tail files.
fn export_tails(
    out: &Sink<'_>,
    path: PathIn<'_>,
    data: &LanguageData,
    tails: &Tails,
) -> Result<(), SearchError> {
    tails
        .files
        .par_iter()
        .enumerate()
        .try_for_each(|(i, terms)| {
            let size: usize = terms.iter().map(|&t| tails.lens[t as usize] + 8).sum();
            emit_with(out, &path(&format!("t/{i}.js")), size + 16, |b| {
                b.extend_from_slice(b"{\"terms\":{");
                for (k, &t) in terms.iter().enumerate() {
                    let term = &data.terms[t as usize];
                    if k > 0 {
                        b.push(b',');
                    }
                    push_str(b, &term.term);
                    b.extend_from_slice(b":\"");
                    b.extend_from_slice(&term.tail);
                    b.push(b'"');
                }
                b.extend_from_slice(b"}}");
            })
        })
}

/// Writes the `p/<i>.js` postings shards (each term with its head, its
/// forms and where its tail is) and returns their separator keys.
fn export_postings(
    out: &Sink<'_>,
    path: PathIn<'_>,
    data: &LanguageData,
    tail_of: &[u32],
) -> Result<Vec<String>, SearchError> {
    let term_size = |i: usize| {
        let t = &data.terms[i];
        t.term.len()
            + t.head.len()
            + t.forms
                .iter()
                .map(|&f| data.vocab[f as usize].surface.len() + 3)
                .sum::<usize>()
            + t.sole.len() * 6
            + 40
    };
    // Stop words' postings fill shards of their own, so the shards of the
    // other words are the same with them or without.
    let words = stop_terms(data);
    let indices: Vec<usize> = (0..data.terms.len()).collect();
    let (stops, others) = indices.split_at(words);
    let mut term_ranges = Vec::new();
    if !stops.is_empty() {
        term_ranges = split_by_size(stops, POSTINGS_SHARD_BYTES, |&i| term_size(i));
    }
    // A language of stop words alone has no shard of the others: an empty
    // one would start past its last term, which no separator key names.
    if !others.is_empty() || stops.is_empty() {
        term_ranges.extend(
            split_by_size(others, POSTINGS_SHARD_BYTES, |&i| term_size(i))
                .into_iter()
                .map(|r| r.start + words..r.end + words),
        );
    }
    term_ranges
        .par_iter()
        .enumerate()
        .try_for_each(|(i, range)| {
            emit_with(
                out,
                &path(&format!("p/{i}.js")),
                POSTINGS_SHARD_BYTES,
                |b| {
                    b.extend_from_slice(b"{\"terms\":{");
                    for (k, t) in range.clone().enumerate() {
                        if k > 0 {
                            b.push(b',');
                        }
                        push_term(b, data, t, tail_of[t]);
                    }
                    b.extend_from_slice(b"}}");
                },
            )
        })?;
    Ok(term_ranges
        .iter()
        .map(|r| shard_key(r.start, |i| &data.terms[i].term))
        .collect())
}

/// The number of stop words' own terms ([`format::stop_term`]), which sort
/// before every other term.
fn stop_terms(data: &LanguageData) -> usize {
    data.terms
        .partition_point(|t| format::is_stop_term(&t.term))
}

/// Appends term `t`'s entry of a postings shard to `b`.
fn push_term(b: &mut Vec<u8>, data: &LanguageData, t: usize, tail: u32) {
    let term = &data.terms[t];
    push_str(b, &term.term);
    b.extend_from_slice(b":{\"df\":");
    push_u32(b, term.df);
    b.extend_from_slice(b",\"top\":");
    push_u32(b, term.top);
    if let Some(rest) = term.rest {
        b.extend_from_slice(b",\"rest\":");
        push_u32(b, rest);
    }
    b.extend_from_slice(b",\"forms\":[");
    for (j, &f) in term.forms.iter().enumerate() {
        if j > 0 {
            b.push(b',');
        }
        push_str(b, &data.vocab[f as usize].surface);
    }
    b.push(b']');
    if !term.sole.is_empty() {
        b.extend_from_slice(b",\"sole\":[");
        for (j, &doc) in term.sole.iter().enumerate() {
            if j > 0 {
                b.push(b',');
            }
            push_u32(b, doc);
        }
        b.push(b']');
    }
    b.extend_from_slice(b",\"head\":\"");
    b.extend_from_slice(&term.head);
    b.push(b'"');
    if tail != u32::MAX {
        b.extend_from_slice(b",\"tail\":");
        push_u32(b, tail);
    }
    b.push(b'}');
}

/// Writes the records, [`RECORDS_PER_FILE`] to an `r/<i>.js` file.
fn export_records(
    out: &Sink<'_>,
    path: PathIn<'_>,
    data: &LanguageData,
) -> Result<(), SearchError> {
    data.records
        .par_chunks(RECORDS_PER_FILE)
        .enumerate()
        .try_for_each(|(i, chunk)| {
            let size: usize = chunk.iter().map(|r| r.len() + 1).sum();
            emit_with(out, &path(&format!("r/{i}.js")), size + 2, |b| {
                b.push(b'[');
                for (k, record) in chunk.iter().enumerate() {
                    if k > 0 {
                        b.push(b',');
                    }
                    b.extend_from_slice(record);
                }
                b.push(b']');
            })
        })
}

/// Writes `filters.js` (each facet's value per document) and returns
/// each facet's values with their counts, for the manifest.
fn export_filters(
    out: &Sink<'_>,
    path: PathIn<'_>,
    data: &LanguageData,
) -> Result<BTreeMap<String, Vec<(String, u32)>>, SearchError> {
    let mut filter_values = BTreeMap::new();
    let mut filters = String::from("{\"facets\":{");
    for (k, (facet, values, per_doc)) in data.facets.iter().enumerate() {
        let mut numbers = Vec::with_capacity(per_doc.len());
        for &v in per_doc {
            format::put_number(&mut numbers, v);
        }
        if k > 0 {
            filters.push(',');
        }
        let numbers = String::from_utf8_lossy(&numbers);
        let _ = write!(filters, "\"{facet}\":\"{numbers}\"");
        filter_values.insert((*facet).to_string(), values.clone());
    }
    filters.push_str("}}");
    emit_json(out, &path("filters.js"), filters.as_bytes())?;
    Ok(filter_values)
}

/// Writes `<dir>/<i>.js` vocabulary shards of the words `order` lists
/// (indexes into `data.vocab`, sorted by their key), and returns the
/// shards' separator keys: the surfaces for `v/`, reversed for `w/`.
fn export_vocabulary(
    out: &Sink<'_>,
    path: PathIn<'_>,
    dir: &str,
    data: &LanguageData,
    order: &[u32],
) -> Result<Vec<String>, SearchError> {
    let reversed = dir == "w";
    let word = |i: usize| &data.vocab[order[i] as usize];
    let ranges = split_by_size(order, VOCAB_SHARD_BYTES, |&w| {
        data.vocab[w as usize].surface.len() * 2 + 12
    });
    let keys: Vec<String> = ranges
        .iter()
        .map(|r| {
            if r.start == 0 {
                return String::new();
            }
            let key = |i: usize| {
                let surface = &word(i).surface;
                if reversed {
                    surface.chars().rev().collect()
                } else {
                    surface.to_string()
                }
            };
            format::separator(&key(r.start - 1), &key(r.start))
        })
        .collect();
    ranges.par_iter().enumerate().try_for_each(|(i, range)| {
        emit_with(
            out,
            &path(&format!("{dir}/{i}.js")),
            VOCAB_SHARD_BYTES,
            |b| {
                b.extend_from_slice(b"{\"words\":[");
                for (k, &w) in order[range.clone()].iter().enumerate() {
                    let word = &data.vocab[w as usize];
                    if k > 0 {
                        b.push(b',');
                    }
                    b.push(b'[');
                    push_str(b, &word.surface);
                    if word.stop {
                        b.extend_from_slice(b",null,0]");
                        continue;
                    }
                    let term = &data.terms[word.term as usize];
                    if *term.term == *word.surface {
                        b.extend_from_slice(b",0,");
                    } else {
                        b.push(b',');
                        push_str(b, &term.term);
                        b.push(b',');
                    }
                    push_u32(b, term.df);
                    b.push(b']');
                }
                b.extend_from_slice(b"]}");
            },
        )
    })?;
    Ok(keys)
}

/// Consecutive ranges of `items` of about `target` bytes each (at least one
/// range, possibly empty, so every lookup has a shard to land in).
fn split_by_size<T>(
    items: &[T],
    target: usize,
    size: impl Fn(&T) -> usize,
) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, item) in items.iter().enumerate() {
        bytes += size(item);
        if bytes >= target {
            ranges.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < items.len() || ranges.is_empty() {
        ranges.push(start..items.len());
    }
    ranges
}

/// The separator key of the shard starting at item `start`: "" for the first.
fn shard_key<'a>(start: usize, key: impl Fn(usize) -> &'a str) -> String {
    if start == 0 {
        String::new()
    } else {
        format::separator(key(start - 1), key(start))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_strings_are_escaped() {
        let mut out = Vec::new();
        super::push_str(&mut out, "a\"b\\c\nd\u{1}é");
        let back: String = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, "a\"b\\c\nd\u{1}é");
        let mut n = Vec::new();
        super::push_u32(&mut n, 0);
        n.push(b' ');
        super::push_u32(&mut n, 4_294_967_295);
        assert_eq!(n, b"0 4294967295");
    }
}

//! Export of the tantivy indexes to the static files the browser engine reads.
//!
//! In: a [`BuiltIndex`]. Out: [`ExportedFile`]s (paths relative to the
//! search directory), sorted by path. The format is `format.rs` /
//! `FORMAT.md`.
//!
//! Every number comes from the tantivy index itself: for each weighted field,
//! each term's postings (term frequencies), the field norms and the field's
//! total token count give, through tantivy's own `Bm25Weight`, the score
//! `weight_f × BM25_f(term, doc)` that a boosted `TermQuery` gives in
//! `search()`. The per-(term, doc) score is the f32 sum over fields,
//! stored bit-exact (delta-coded in IEEE-754 bit space, see
//! `format::encode_postings`).
//!
//! Guarantees: deterministic (sorted maps, no clocks, content-hashed build
//! directory); postings are in exact score order (ties: lower doc number),
//! so a one-word query's order is exact; only
//! published data passed to `build` appears.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::postings::Postings;
use tantivy::query::Bm25Weight;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocSet, Score, TERMINATED, TantivyDocument};

use crate::analyzer::{MAX_TOKEN_CHARS, Mode, SurfaceToTerm, stemmer_language, surface_forms};
use crate::format::{
    self, AnalyzerInfo, FORMAT_VERSION, FilterFile, HEAD_LEN, Manifest, PostingsShard, Record,
    RootManifest, TailFile, TermEntry, TermRef, VocabEntry, VocabShard, js_cmp,
};
use crate::index::corrupt;
use crate::schema::{FIELD_WEIGHTS, Fields};
use crate::{BuiltIndex, ExportedFile, LanguageIndex, SearchDocument, SearchError};

/// Target size of a vocabulary shard (bytes of JSON before compression).
const VOCAB_SHARD_BYTES: usize = 12_000;
/// Target size of a postings shard.
const POSTINGS_SHARD_BYTES: usize = 12_000;
/// Tails shorter than this share a file with their neighbours.
const TAIL_SOLO_BYTES: usize = 2_000;
/// Target size of a shared tail file.
const TAIL_PACK_BYTES: usize = 8_000;

/// What the index stores of an article (the `source` field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// The record the browser shows.
    pub record: Record,
    /// Keywords (for the vocabulary).
    pub keywords: Vec<String>,
}

impl From<&SearchDocument> for StoredArticle {
    fn from(doc: &SearchDocument) -> StoredArticle {
        StoredArticle {
            record: Record {
                id: doc.id.clone(),
                url: doc.url.clone(),
                title: doc.title.clone(),
                tier: doc.tier.clone(),
                category: doc.category.clone(),
                doc_type: doc.doc_type.clone(),
                lang: doc.lang.clone(),
                description: doc.description.clone(),
                sections: doc
                    .sections
                    .iter()
                    .map(|s| (s.anchor.clone(), s.heading.clone(), s.text.clone()))
                    .collect(),
            },
            keywords: doc.keywords.clone(),
        }
    }
}

/// The static files for the browser, sorted by path.
pub fn export(built: &BuiltIndex) -> Result<Vec<ExportedFile>, SearchError> {
    let mut files = Vec::new();
    let root = RootManifest {
        format: FORMAT_VERSION,
        languages: built.languages.iter().map(|l| l.lang.clone()).collect(),
    };
    push_twins(&mut files, "manifest.json", serde_json::to_vec(&root)?);
    for language in &built.languages {
        export_language(&built.dir.join(&language.lang), language, &mut files)?;
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn push_twins(files: &mut Vec<ExportedFile>, path: &str, json: Vec<u8>) {
    let js_path = format!("{}.js", path.trim_end_matches(".json"));
    files.push(ExportedFile {
        path: js_path,
        bytes: format::script_twin(path, &json),
    });
    files.push(ExportedFile {
        path: path.to_string(),
        bytes: json,
    });
}

/// Per-(term, doc) scores and the stored articles of one language index.
pub struct LanguageScores {
    /// Articles in document-number order.
    pub articles: Vec<StoredArticle>,
    /// Term → `(doc, score)` in score order (desc), ties by doc (asc).
    pub postings: BTreeMap<String, Vec<(u32, Score)>>,
}

/// Reads articles and computes the per-(term, doc) scores of an index.
pub fn language_scores(index: &tantivy::Index, dir: &Path) -> Result<LanguageScores, SearchError> {
    let fields = Fields::resolve(&index.schema()).ok_or_else(|| corrupt(dir))?;
    let reader = index.reader().map_err(SearchError::tantivy(dir))?;
    let searcher = reader.searcher();
    let mut articles = Vec::new();
    let mut by_term: BTreeMap<String, Vec<(u32, Score)>> = BTreeMap::new();
    let segments = searcher.segment_readers();
    if segments.len() > 1 {
        return Err(corrupt(dir));
    }
    let total_docs: u64 = segments.iter().map(|s| u64::from(s.max_doc())).sum();
    for segment in segments {
        let store = segment.get_store_reader(8).map_err(SearchError::io(dir))?;
        for doc_id in 0..segment.max_doc() {
            let stored: TantivyDocument = store.get(doc_id).map_err(SearchError::tantivy(dir))?;
            let source = stored
                .get_first(fields.source)
                .and_then(|v| v.as_str())
                .ok_or_else(|| corrupt(dir))?;
            articles.push(serde_json::from_str::<StoredArticle>(source)?);
        }
        for &(field, weight) in &fields.weighted {
            let inverted = segment
                .inverted_index(field)
                .map_err(SearchError::tantivy(dir))?;
            let fieldnorms = segment
                .get_fieldnorms_reader(field)
                .map_err(SearchError::tantivy(dir))?;
            // As tantivy's Bm25Weight::for_terms computes it.
            let average_fieldnorm = inverted.total_num_tokens() as Score / total_docs as Score;
            let mut terms = inverted.terms().stream().map_err(SearchError::io(dir))?;
            while terms.advance() {
                let term = String::from_utf8(terms.key().to_vec()).map_err(|_| corrupt(dir))?;
                let info = terms.value().clone();
                let bm25 = Bm25Weight::for_one_term(
                    u64::from(info.doc_freq),
                    total_docs,
                    average_fieldnorm,
                )
                .boost_by(weight);
                let mut postings = inverted
                    .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
                    .map_err(SearchError::io(dir))?;
                let list = by_term.entry(term).or_default();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    let score = bm25.score(fieldnorms.fieldnorm_id(doc), postings.term_freq());
                    list.push((doc, score));
                    doc = postings.advance();
                }
            }
        }
    }
    for list in by_term.values_mut() {
        // Stable: for one doc, field contributions stay in field order.
        list.sort_by_key(|&(doc, _)| doc);
        let mut merged: Vec<(u32, Score)> = Vec::with_capacity(list.len());
        for &(doc, score) in list.iter() {
            match merged.last_mut() {
                Some(last) if last.0 == doc => last.1 += score,
                _ => merged.push((doc, score)),
            }
        }
        merged.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        *list = merged;
    }
    Ok(LanguageScores {
        articles,
        postings: by_term,
    })
}

fn export_language(
    dir: &Path,
    language: &LanguageIndex,
    files: &mut Vec<ExportedFile>,
) -> Result<(), SearchError> {
    let lang = &language.lang;
    let scores = language_scores(&language.index, dir)?;
    // Build-relative path → JSON bytes.
    let mut data: BTreeMap<String, Vec<u8>> = BTreeMap::new();

    let mut terms: Vec<(&String, &Vec<(u32, Score)>)> = scores.postings.iter().collect();
    terms.sort_by(|a, b| js_cmp(a.0, b.0));

    // Vocabulary: every surface form of the articles → its term.
    let mut surfaces: BTreeSet<String> = BTreeSet::new();
    for article in &scores.articles {
        let record = &article.record;
        let mut texts: Vec<&str> = vec![&record.id, &record.title, &record.description];
        texts.extend(article.keywords.iter().map(String::as_str));
        for (_, heading, text) in &record.sections {
            texts.extend(heading.as_deref());
            texts.push(text);
        }
        for text in texts {
            surfaces.extend(surface_forms(Mode::Index, text));
        }
    }
    let mut to_term = SurfaceToTerm::new(lang);
    let mut forms: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut vocab: Vec<VocabEntry> = Vec::new();
    for surface in &surfaces {
        match to_term.term(surface) {
            None => vocab.push(VocabEntry(surface.clone(), TermRef::Stop(()), 0)),
            Some(term) => {
                let Some((key, list)) = scores.postings.get_key_value(&term) else {
                    continue;
                };
                forms.entry(key.as_str()).or_default().push(surface.clone());
                let term_ref = if &term == surface {
                    TermRef::Same(0)
                } else {
                    TermRef::Term(term)
                };
                vocab.push(VocabEntry(surface.clone(), term_ref, list.len() as u32));
            }
        }
    }
    vocab.sort_by(|a, b| js_cmp(&a.0, &b.0));
    let mut vocab_keys = Vec::new();
    for (i, shard) in split_by_size(&vocab, VOCAB_SHARD_BYTES, |e| e.0.len() + 12)
        .into_iter()
        .enumerate()
    {
        vocab_keys.push(shard_key(&vocab, shard.start, |e| &e.0));
        let file = VocabShard {
            words: vocab[shard].to_vec(),
        };
        data.insert(format!("v/{i}.json"), serde_json::to_vec(&file)?);
    }

    // Postings: heads in term-range shards, tails packed by size.
    let mut entries: Vec<(String, TermEntry)> = Vec::with_capacity(terms.len());
    let mut tail_lists: Vec<(String, String)> = Vec::new();
    for &(term, list) in &terms {
        let top = list.first().map_or(0, |p| p.1.to_bits());
        let head = format::encode_postings(&list[..list.len().min(HEAD_LEN)], top);
        if list.len() > HEAD_LEN {
            tail_lists.push((
                term.clone(),
                format::encode_postings(&list[HEAD_LEN..], top),
            ));
        }
        entries.push((
            term.clone(),
            TermEntry {
                df: list.len() as u32,
                top,
                forms: forms.get(term.as_str()).cloned().unwrap_or_default(),
                head,
                tail: None,
            },
        ));
    }
    let (tails, tail_of) = pack_tails(tail_lists);
    for (term, entry) in &mut entries {
        entry.tail = tail_of.get(term).copied();
    }
    for (i, tail) in tails.iter().enumerate() {
        data.insert(format!("t/{i}.json"), serde_json::to_vec(tail)?);
    }
    let mut term_keys = Vec::new();
    let sizes = |e: &(String, TermEntry)| {
        e.0.len() + e.1.head.len() + e.1.forms.iter().map(|f| f.len() + 3).sum::<usize>() + 40
    };
    for (i, shard) in split_by_size(&entries, POSTINGS_SHARD_BYTES, sizes)
        .into_iter()
        .enumerate()
    {
        term_keys.push(shard_key(&entries, shard.start, |e| &e.0));
        let file = PostingsShard {
            terms: entries[shard].iter().cloned().collect(),
        };
        data.insert(format!("p/{i}.json"), serde_json::to_vec(&file)?);
    }

    // Records, one per article.
    for (n, article) in scores.articles.iter().enumerate() {
        data.insert(format!("d/{n}.json"), serde_json::to_vec(&article.record)?);
    }

    // Filters.
    let mut filter_values: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
    let mut filter_docs = FilterFile {
        facets: BTreeMap::new(),
    };
    for facet in ["category", "tier", "type"] {
        let value_of = |r: &Record| match facet {
            "category" => r.category.clone(),
            "tier" => r.tier.clone(),
            _ => r.doc_type.clone(),
        };
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for article in &scores.articles {
            *counts.entry(value_of(&article.record)).or_default() += 1;
        }
        let mut values: Vec<(String, u32)> = counts.into_iter().collect();
        values.sort_by(|a, b| js_cmp(&a.0, &b.0));
        let mut bytes = Vec::new();
        for article in &scores.articles {
            let value = value_of(&article.record);
            let index = values.iter().position(|v| v.0 == value).unwrap_or(0);
            format::put_varint(&mut bytes, index as u32);
        }
        filter_docs
            .facets
            .insert(facet.to_string(), format::base64_encode(&bytes));
        filter_values.insert(facet.to_string(), values);
    }
    data.insert(
        "filters.json".to_string(),
        serde_json::to_vec(&filter_docs)?,
    );

    // The build directory is named after the hash of everything in it.
    let mut hasher = blake3::Hasher::new();
    for (path, bytes) in &data {
        hasher.update(path.as_bytes());
        hasher.update(&[0]);
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    let build = hasher.finalize().to_hex()[..16].to_string();
    let manifest = Manifest {
        format: FORMAT_VERSION,
        lang: lang.clone(),
        build: build.clone(),
        docs: scores.articles.len() as u32,
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
        tails: tails.len() as u32,
        filters: filter_values,
    };
    for (path, bytes) in data {
        push_twins(files, &format!("{lang}/{build}/{path}"), bytes);
    }
    push_twins(
        files,
        &format!("{lang}/manifest.json"),
        serde_json::to_vec(&manifest)?,
    );
    Ok(())
}

/// Moves a non-empty group of tails into a new file.
fn flush(
    pack: &mut BTreeMap<String, String>,
    files: &mut Vec<TailFile>,
    file_of: &mut BTreeMap<String, u32>,
) {
    if pack.is_empty() {
        return;
    }
    for term in pack.keys() {
        file_of.insert(term.clone(), files.len() as u32);
    }
    files.push(TailFile {
        terms: std::mem::take(pack),
    });
}

/// Groups encoded tails into files: large ones alone, small neighbours
/// together. Returns the files and each term's file number.
fn pack_tails(tails: Vec<(String, String)>) -> (Vec<TailFile>, BTreeMap<String, u32>) {
    let mut files: Vec<TailFile> = Vec::new();
    let mut file_of = BTreeMap::new();
    let mut pack: BTreeMap<String, String> = BTreeMap::new();
    let mut pack_bytes = 0;
    for (term, encoded) in tails {
        let size = term.len() + encoded.len();
        if size >= TAIL_SOLO_BYTES {
            let mut solo = BTreeMap::new();
            solo.insert(term, encoded);
            flush(&mut solo, &mut files, &mut file_of);
            continue;
        }
        if pack_bytes + size > TAIL_PACK_BYTES {
            flush(&mut pack, &mut files, &mut file_of);
            pack_bytes = 0;
        }
        pack.insert(term, encoded);
        pack_bytes += size;
    }
    flush(&mut pack, &mut files, &mut file_of);
    (files, file_of)
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

/// The separator key of the shard starting at `start`: "" for the first.
fn shard_key<T>(items: &[T], start: usize, key: impl Fn(&T) -> &String) -> String {
    if start == 0 {
        String::new()
    } else {
        format::separator(key(&items[start - 1]), key(&items[start]))
    }
}

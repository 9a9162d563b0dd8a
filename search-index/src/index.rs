//! Building the tantivy indexes.
//!
//! In: the index directory, the configured languages and the published
//! articles. Out: `index_dir/<lang>/` holding one tantivy index per language
//! (replacing whatever was there) and a [`BuiltIndex`] handle that also
//! carries what `export` writes.
//!
//! How: languages side by side; per language, the articles are analysed
//! once (`collect`, in parallel) while tantivy's single-segment writer
//! stores their displayed fields on another thread; then the weighted
//! fields' postings and field norms go into that segment through tantivy's
//! own serializers while the export's BM25 scores are computed from the same
//! numbers. Tokenizing every article twice (once in tantivy's indexer, once
//! for the export) was most of the former cost.
//!
//! Guarantees: each language index is a single segment whose doc ids follow
//! the order of the articles sorted by id, so tantivy's tie-break (lower doc
//! id first) and the export's document numbers agree; its postings are what
//! tantivy's `IndexWriter` writes for the same text with [`text_analyzer`]
//! (tested); articles of a language that is not configured are an error,
//! not silently dropped.
//!
//! [`text_analyzer`]: crate::analyzer::text_analyzer

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use std::path::Path;

use tantivy::{Index, TantivyDocument, doc};

use tantivy::Directory as _;
use tantivy::fieldnorm::{FieldNormReaders, FieldNormsSerializer};
use tantivy::index::SegmentComponent;
use tantivy::postings::InvertedIndexSerializer;

use crate::analyzer::{ANALYZER_NAME, Mode, Tier0Tokenizer};
use crate::collect::Analysis;
use crate::format;
use crate::schema::{Fields, schema};
use crate::unsynced::UnsyncedDirectory;
use crate::{BuiltIndex, LanguageIndex, SearchDocument, SearchError};

/// Indexing memory budget of the single-segment writer. It only sizes the
/// term hash table, which stays empty here (no text goes through the
/// writer, see [`write_stored`]): with tantivy's usual 16 MiB that table
/// was 4 MiB of fresh memory zeroed per language (1 % of the samples of
/// a 10,000-article build's profile).
/// The arena grows as needed and never splits the segment.
const WRITER_MEMORY_BUDGET: usize = 256 << 10;

/// Creates (replacing) one tantivy index per language under `index_dir/<lang>/`.
pub fn build(
    index_dir: &Path,
    languages: &[String],
    docs: &[SearchDocument],
) -> Result<BuiltIndex, SearchError> {
    Plan::new(languages, docs.to_vec())?.build(index_dir, &BTreeSet::new())
}

/// The articles of a build grouped by language, each language with its
/// build name (a hash of its articles as the export reads them, which
/// names its folder of exported files), before anything is analysed: what
/// a caller needs to tell a language unchanged since its last build, whose
/// index and exported files it can keep ([`Plan::build`] leaves it out).
pub struct Plan {
    /// In the order given, each language once.
    languages: Vec<PlannedLanguage>,
}

struct PlannedLanguage {
    lang: String,
    /// Sorted by id.
    docs: Vec<SearchDocument>,
    /// A hash of the articles as given: what the export makes of them
    /// (read as queries are, `analyzer::canonical`) follows from them.
    build: String,
}

impl Plan {
    /// Groups `docs` by language; an article of a language that is not in
    /// `languages`, or two of one language with the same id, are errors.
    pub fn new(languages: &[String], docs: Vec<SearchDocument>) -> Result<Self, SearchError> {
        let mut by_lang: BTreeMap<&str, Vec<SearchDocument>> =
            languages.iter().map(|l| (l.as_str(), Vec::new())).collect();
        for doc in docs {
            match by_lang.get_mut(doc.lang.as_str()) {
                Some(list) => list.push(doc),
                None => {
                    return Err(SearchError::UnknownLanguage {
                        id: doc.id,
                        lang: doc.lang,
                        configured: languages.join(", "),
                    });
                }
            }
        }
        let mut planned = Vec::new();
        for lang in languages {
            let Some(mut docs) = by_lang.remove(lang.as_str()) else {
                continue;
            };
            docs.par_sort_unstable_by(|a, b| a.id.cmp(&b.id));
            if let Some(pair) = docs.windows(2).find(|pair| pair[0].id == pair[1].id) {
                return Err(SearchError::DuplicateId {
                    id: pair[0].id.clone(),
                    lang: lang.clone(),
                });
            }
            let build = crate::collect::build_name(lang, &docs);
            planned.push(PlannedLanguage {
                lang: lang.clone(),
                docs,
                build,
            });
        }
        Ok(Self { languages: planned })
    }

    /// Each language with its build name, in the order given.
    pub fn builds(&self) -> impl Iterator<Item = (&str, &str)> {
        self.languages
            .iter()
            .map(|l| (l.lang.as_str(), l.build.as_str()))
    }

    /// Creates (replacing) the tantivy index of each language under
    /// `index_dir/<lang>/`, but for the languages in `kept`: the caller
    /// keeps their index and exported files from an earlier build of the
    /// same build name, and [`export`](crate::export) writes only the root
    /// manifest of them.
    pub fn build(
        &self,
        index_dir: &Path,
        kept: &BTreeSet<String>,
    ) -> Result<BuiltIndex, SearchError> {
        // Languages side by side: each one's serial steps overlap the others'.
        let built = self
            .languages
            .par_iter()
            .filter(|l| !kept.contains(&l.lang))
            .map(|l| {
                // Read as queries are (`analyzer::canonical`).
                let canonical: Vec<Option<SearchDocument>> =
                    l.docs.par_iter().map(SearchDocument::canonical).collect();
                let docs: Vec<&SearchDocument> = l
                    .docs
                    .iter()
                    .zip(&canonical)
                    .map(|(d, c)| c.as_ref().unwrap_or(d))
                    .collect();
                build_language(&index_dir.join(&l.lang), &l.lang, &l.build, &docs)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(BuiltIndex {
            dir: index_dir.to_path_buf(),
            order: self.languages.iter().map(|l| l.lang.clone()).collect(),
            languages: built,
        })
    }
}

fn build_language(
    dir: &Path,
    lang: &str,
    build: &str,
    docs: &[&SearchDocument],
) -> Result<LanguageIndex, SearchError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(SearchError::io(dir))?;
    }
    std::fs::create_dir_all(dir).map_err(SearchError::io(dir))?;
    // The stored fields on one thread while the text is analysed on the others.
    let (index, analysis) = std::thread::scope(|scope| {
        let stored = scope.spawn(|| write_stored(dir, docs));
        let analysis = crate::collect::analyse(lang, build, docs);
        let index = stored
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (index, analysis)
    });
    let index = index?;
    // The postings into the index while the export's scores are computed.
    let (written, data) = rayon::join(
        || write_postings(&index, dir, &analysis),
        || analysis.scores(),
    );
    written?;
    let data = analysis.into_data(data);
    register_analyzer(&index, lang);
    Ok(LanguageIndex {
        lang: lang.to_string(),
        index,
        data,
        synonyms: Vec::new(),
    })
}

/// Writes the single-segment index of `docs` (doc id = position) with the
/// stored fields only; [`write_postings`] then adds the weighted fields.
fn write_stored(dir: &Path, docs: &[&SearchDocument]) -> Result<Index, SearchError> {
    let directory = UnsyncedDirectory::open(dir).map_err(SearchError::corrupt(dir))?;
    // No text goes through it here, but tantivy wants every field's tokenizer.
    let tokenizers = tantivy::tokenizer::TokenizerManager::default();
    tokenizers.register(ANALYZER_NAME, Tier0Tokenizer::new("", Mode::Index));
    let schema = schema();
    let fields = Fields::resolve(&schema).ok_or_else(|| schema_mismatch(dir))?;
    let mut writer = Index::builder()
        .schema(schema)
        .tokenizers(tokenizers)
        .single_segment_index_writer::<TantivyDocument>(directory, WRITER_MEMORY_BUDGET)
        .map_err(SearchError::tantivy(dir))?;
    for (ord, article) in docs.iter().enumerate() {
        writer
            .add_document(doc!(
                fields.id => article.id.as_str(),
                fields.url => article.url.as_str(),
                fields.title => article.title.as_str(),
                fields.description => article.description.as_str(),
                fields.tier => article.tier.as_str(),
                fields.category => article.category.as_str(),
                fields.doc_type => article.doc_type.as_str(),
                fields.lang => article.lang.as_str(),
                fields.ord => ord as u64,
            ))
            .map_err(SearchError::tantivy(dir))?;
    }
    writer.finalize().map_err(SearchError::tantivy(dir))
}

/// Replaces the (empty) field norms and postings of the weighted fields in
/// the segment with the ones of `analysis`: what tantivy's own indexer
/// would write for the same tokens (the same term frequencies, field norms
/// and token counts, through tantivy's own serializers), without running the
/// analyzer a second time. `tests/search.rs` checks the result against an
/// index built by tantivy's `IndexWriter` from the text.
fn write_postings(index: &Index, dir: &Path, analysis: &Analysis<'_>) -> Result<(), SearchError> {
    let io = SearchError::io(dir);
    let segments = index
        .searchable_segments()
        .map_err(SearchError::tantivy(dir))?;
    let [segment] = &segments[..] else {
        return Err(SearchError::Corrupt {
            path: dir.to_path_buf(),
            message: format!("expected one segment, found {}", segments.len()),
        });
    };
    let fields = Fields::resolve(&index.schema()).ok_or_else(|| schema_mismatch(dir))?;
    for component in [
        SegmentComponent::FieldNorms,
        SegmentComponent::Terms,
        SegmentComponent::Postings,
        SegmentComponent::Positions,
    ] {
        let path = segment.relative_path(component);
        if index.directory().exists(&path).unwrap_or(false) {
            index
                .directory()
                .delete(&path)
                .map_err(SearchError::corrupt(dir))?;
        }
    }
    let open = |component| {
        segment
            .open_write(component)
            .map_err(SearchError::corrupt(dir))
    };
    let mut norms =
        FieldNormsSerializer::from_write(open(SegmentComponent::FieldNorms)?).map_err(&io)?;
    let mut column = Vec::with_capacity(analysis.norms.len());
    for (f, &(field, _)) in fields.weighted.iter().enumerate() {
        column.clear();
        column.extend(analysis.norms.iter().map(|n| n[f]));
        norms.serialize_field(field, &column).map_err(&io)?;
    }
    norms.close().map_err(&io)?;
    let readers = FieldNormReaders::open(
        segment
            .open_read(SegmentComponent::FieldNorms)
            .map_err(SearchError::corrupt(dir))?,
    )
    .map_err(SearchError::tantivy(dir))?;

    // Terms in byte order (the term dictionary's), not JavaScript's; stop
    // words have postings only in the export.
    let mut order: Vec<usize> = (0..analysis.terms.len())
        .filter(|&t| !format::is_stop_term(&analysis.terms[t]))
        .collect();
    order.sort_unstable_by(|&a, &b| {
        analysis.terms[a]
            .as_bytes()
            .cmp(analysis.terms[b].as_bytes())
    });
    let mut serializer =
        InvertedIndexSerializer::open(segment).map_err(SearchError::tantivy(dir))?;
    let mut docs: Vec<(u32, u32)> = Vec::new();
    for (f, &(field, _)) in fields.weighted.iter().enumerate() {
        if analysis.tokens[f] == 0 {
            continue;
        }
        let reader = readers
            .get_field(field)
            .map_err(SearchError::tantivy(dir))?;
        let mut out = serializer
            .new_field(field, analysis.tokens[f], reader)
            .map_err(&io)?;
        for &t in &order {
            docs.clear();
            analysis.for_each_in_field(t, f, |doc, tf| docs.push((doc, tf)));
            if docs.is_empty() {
                continue;
            }
            out.new_term(analysis.terms[t].as_bytes(), docs.len() as u32, true)
                .map_err(&io)?;
            for &(doc, tf) in &docs {
                out.write_doc(doc, tf, &[]);
            }
            out.close_term().map_err(&io)?;
        }
        out.close().map_err(&io)?;
    }
    serializer.close().map_err(io)
}

/// Registers the analyzer of `lang` on `index` (needed after every open).
pub(crate) fn register_analyzer(index: &Index, lang: &str) {
    index
        .tokenizers()
        .register(ANALYZER_NAME, Tier0Tokenizer::new(lang, Mode::Index));
}

/// The error for an index at `dir` whose schema is not tier0's.
pub(crate) fn schema_mismatch(dir: &Path) -> SearchError {
    SearchError::Corrupt {
        path: dir.to_path_buf(),
        message: "not a tier0 search index (schema differs); rebuild it".to_string(),
    }
}

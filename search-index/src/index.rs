//! Building the tantivy indexes.
//!
//! In: the index directory, the configured languages and the published
//! articles. Out: `index_dir/<lang>/` holding one tantivy index per language
//! (replacing whatever was there) and a [`BuiltIndex`] handle.
//!
//! Guarantees: each language index is a single segment whose doc ids follow
//! the order of the articles sorted by id, so tantivy's tie-break (lower doc
//! id first) and the export's document numbers agree; articles of a language
//! that is not configured are an error, not silently dropped.

use std::collections::BTreeMap;
use std::path::Path;

use tantivy::{Index, IndexWriter, TantivyDocument, doc};

use crate::analyzer::{ANALYZER_NAME, Mode, text_analyzer};
use crate::export::StoredArticle;
use crate::schema::{Fields, schema};
use crate::{BuiltIndex, LanguageIndex, SearchDocument, SearchError};

/// Indexing memory budget: large enough that a knowledge base of tens of
/// thousands of articles fits one segment (tantivy only takes what it uses).
const WRITER_MEMORY_BUDGET: usize = 1 << 30;

/// Creates (replacing) one tantivy index per language under `index_dir/<lang>/`.
pub fn build(
    index_dir: &Path,
    languages: &[String],
    docs: &[SearchDocument],
) -> Result<BuiltIndex, SearchError> {
    let mut by_lang: BTreeMap<&str, Vec<&SearchDocument>> =
        languages.iter().map(|l| (l.as_str(), Vec::new())).collect();
    for doc in docs {
        match by_lang.get_mut(doc.lang.as_str()) {
            Some(list) => list.push(doc),
            None => {
                return Err(SearchError::UnknownLanguage {
                    id: doc.id.clone(),
                    lang: doc.lang.clone(),
                    configured: languages.join(", "),
                });
            }
        }
    }
    let mut built = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for lang in languages {
        if !seen.insert(lang.as_str()) {
            continue;
        }
        let mut lang_docs = by_lang.remove(lang.as_str()).unwrap_or_default();
        lang_docs.sort_by(|a, b| a.id.cmp(&b.id));
        for pair in lang_docs.windows(2) {
            if pair[0].id == pair[1].id {
                return Err(SearchError::DuplicateId {
                    id: pair[0].id.clone(),
                    lang: lang.clone(),
                });
            }
        }
        let dir = index_dir.join(lang);
        let index = build_language(&dir, lang, &lang_docs)?;
        built.push(LanguageIndex {
            lang: lang.clone(),
            index,
        });
    }
    Ok(BuiltIndex {
        dir: index_dir.to_path_buf(),
        languages: built,
    })
}

fn build_language(dir: &Path, lang: &str, docs: &[&SearchDocument]) -> Result<Index, SearchError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(SearchError::io(dir))?;
    }
    std::fs::create_dir_all(dir).map_err(SearchError::io(dir))?;
    let index = Index::create_in_dir(dir, schema()).map_err(SearchError::tantivy(dir))?;
    register_analyzer(&index, lang);
    let fields = Fields::resolve(&index.schema()).ok_or_else(|| corrupt(dir))?;
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(1, WRITER_MEMORY_BUDGET)
        .map_err(SearchError::tantivy(dir))?;
    for (ord, article) in docs.iter().enumerate() {
        let document = to_tantivy(&fields, article, ord as u64)?;
        writer
            .add_document(document)
            .map_err(SearchError::tantivy(dir))?;
    }
    writer.commit().map_err(SearchError::tantivy(dir))?;
    let segments = index
        .searchable_segment_ids()
        .map_err(SearchError::tantivy(dir))?;
    if segments.len() > 1 {
        // Only reached for very large inputs; merging keeps the export's
        // single-segment assumption, which `ensure_single_ordered_segment` checks.
        writer
            .merge(&segments)
            .wait()
            .map_err(SearchError::tantivy(dir))?;
    }
    writer
        .wait_merging_threads()
        .map_err(SearchError::tantivy(dir))?;
    ensure_single_ordered_segment(&index, dir)?;
    Ok(index)
}

fn to_tantivy(
    fields: &Fields,
    article: &SearchDocument,
    ord: u64,
) -> Result<TantivyDocument, SearchError> {
    let source = serde_json::to_string(&StoredArticle::from(article))?;
    let mut document = doc!(
        fields.id => article.id.as_str(),
        fields.url => article.url.as_str(),
        fields.title => article.title.as_str(),
        fields.description => article.description.as_str(),
        fields.tier => article.tier.as_str(),
        fields.category => article.category.as_str(),
        fields.doc_type => article.doc_type.as_str(),
        fields.lang => article.lang.as_str(),
        fields.source => source,
        fields.ord => ord,
    );
    // weighted = [title, headings, keywords, description, body]
    let headings = fields.weighted[1].0;
    let keywords = fields.weighted[2].0;
    let body = fields.weighted[4].0;
    for section in &article.sections {
        if let Some(heading) = &section.heading {
            document.add_text(headings, heading);
        }
        document.add_text(body, &section.text);
    }
    // The article id is searchable like a keyword, so agents can type "KB-1042".
    document.add_text(keywords, &article.id);
    for keyword in &article.keywords {
        document.add_text(keywords, keyword);
    }
    Ok(document)
}

/// Registers the analyzer of `lang` on `index` (needed after every open).
pub(crate) fn register_analyzer(index: &Index, lang: &str) {
    index
        .tokenizers()
        .register(ANALYZER_NAME, text_analyzer(lang, Mode::Index));
}

/// Opens the index of `lang` under `index_dir`.
pub(crate) fn open(index_dir: &Path, lang: &str) -> Result<Index, SearchError> {
    let dir = index_dir.join(lang);
    if !dir.join("meta.json").exists() {
        return Err(SearchError::MissingLanguage {
            lang: lang.to_string(),
            path: index_dir.to_path_buf(),
        });
    }
    let index = Index::open_in_dir(&dir).map_err(SearchError::tantivy(&dir))?;
    register_analyzer(&index, lang);
    Ok(index)
}

pub(crate) fn corrupt(dir: &Path) -> SearchError {
    SearchError::Corrupt {
        path: dir.to_path_buf(),
        message: "not a tier0 search index (schema differs); rebuild it".to_string(),
    }
}

/// Checks that the index is one segment (or empty) whose doc ids equal the
/// stored `ord` values.
fn ensure_single_ordered_segment(index: &Index, dir: &Path) -> Result<(), SearchError> {
    let reader = index.reader().map_err(SearchError::tantivy(dir))?;
    let searcher = reader.searcher();
    let fields = Fields::resolve(&index.schema()).ok_or_else(|| corrupt(dir))?;
    let readers = searcher.segment_readers();
    if readers.len() > 1 {
        return Err(SearchError::Corrupt {
            path: dir.to_path_buf(),
            message: format!("expected one segment, found {}", readers.len()),
        });
    }
    if let Some(segment) = readers.first() {
        let store = segment.get_store_reader(1).map_err(SearchError::io(dir))?;
        for doc_id in 0..segment.max_doc() {
            let stored: TantivyDocument = store.get(doc_id).map_err(SearchError::tantivy(dir))?;
            let ord = stored.get_first(fields.ord).and_then(|v| {
                use tantivy::schema::Value;
                v.as_u64()
            });
            if ord != Some(u64::from(doc_id)) {
                return Err(SearchError::Corrupt {
                    path: dir.to_path_buf(),
                    message: format!("document {doc_id} is out of build order"),
                });
            }
        }
    }
    Ok(())
}

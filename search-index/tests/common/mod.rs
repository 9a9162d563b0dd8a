//! Shared test helpers: the fixture corpus, a corpus generator, the engine
//! over exported files in memory, and a reader of the exported files that
//! evaluates complete queries of known words from QUERY.md, plainly.

#![allow(dead_code)]

pub mod generator;

use std::collections::BTreeMap;
use std::path::Path;

use search_index::analyzer::{Mode, surface_forms};
use search_index::format::{
    self, Manifest, Posting, PostingsShard, Record, RootManifest, TailFile, TermEntry, TermRef,
    VocabShard, js_cmp,
};
use search_index::{ExportedFile, SearchDocument};

pub fn fixture_corpus() -> Vec<SearchDocument> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus.json");
    let text = std::fs::read_to_string(path).expect("fixture corpus");
    serde_json::from_str(&text).expect("fixture corpus JSON")
}

pub fn languages() -> Vec<String> {
    vec!["es".to_string(), "en".to_string()]
}

/// The fixture corpus, built and exported.
#[allow(dead_code)] // not every test file uses it
pub fn exported() -> Vec<search_index::ExportedFile> {
    let dir = tempfile::tempdir().unwrap();
    let built = search_index::build(dir.path(), &languages(), &fixture_corpus()).unwrap();
    search_index::export_files(&built).unwrap()
}

/// Reads exported files from memory.
pub struct ExportReader {
    files: BTreeMap<String, Vec<u8>>,
    pub root: RootManifest,
}

/// One language of an export.
pub struct LangReader<'a> {
    reader: &'a ExportReader,
    pub manifest: Manifest,
}

impl ExportReader {
    /// The data files of an export (the engine left out), unwrapped to JSON.
    pub fn new(files: &[ExportedFile]) -> ExportReader {
        let files: BTreeMap<String, Vec<u8>> = files
            .iter()
            .filter(|f| !f.path.starts_with("tier0-search"))
            .map(|f| {
                let (path, json) = format::unwrap(&f.bytes)
                    .unwrap_or_else(|| panic!("{} is not a wrapped data file", f.path));
                assert_eq!(path, f.path, "the wrapper names its own path");
                (f.path.clone(), json.to_vec())
            })
            .collect();
        let root = serde_json::from_slice(&files["manifest.js"]).expect("root manifest");
        ExportReader { files, root }
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let bytes = self
            .files
            .get(path)
            .unwrap_or_else(|| panic!("missing exported file {path}"));
        serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn lang(&self, lang: &str) -> LangReader<'_> {
        LangReader {
            reader: self,
            manifest: self.json(&format!("{lang}/manifest.js")),
        }
    }

    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.files.keys()
    }
}

/// Index of the shard whose key range holds `key` (keys[0] is "").
pub fn shard_of(keys: &[String], key: &str) -> usize {
    keys.iter()
        .rposition(|k| js_cmp(k, key) != std::cmp::Ordering::Greater)
        .unwrap_or(0)
}

impl LangReader<'_> {
    fn data_path(&self, rel: &str) -> String {
        format!("{}/{}/{}", self.manifest.lang, self.manifest.build, rel)
    }

    pub fn data<T: serde::de::DeserializeOwned>(&self, rel: &str) -> T {
        self.reader.json(&self.data_path(rel))
    }

    /// The term of a surface form: Some(Some(term)), Some(None) for a stop word, None if unknown.
    pub fn vocab_lookup(&self, surface: &str) -> Option<Option<String>> {
        let shard: VocabShard =
            self.data(&format!("v/{}.js", shard_of(&self.manifest.vocab, surface)));
        shard
            .words
            .into_iter()
            .find(|w| w.0 == surface)
            .map(|w| match w.1 {
                TermRef::Same(_) => Some(w.0),
                TermRef::Term(t) => Some(t),
                TermRef::Stop(()) => None,
            })
    }

    pub fn term_entry(&self, term: &str) -> Option<TermEntry> {
        let mut shard: PostingsShard =
            self.data(&format!("p/{}.js", shard_of(&self.manifest.terms, term)));
        shard.terms.remove(term)
    }

    /// All postings of a term, head then tail.
    pub fn postings(&self, term: &str) -> Vec<Posting> {
        let Some(entry) = self.term_entry(term) else {
            return Vec::new();
        };
        let mut list = format::decode_postings(&entry.head, entry.top).expect("head");
        if let Some(tail) = entry.tail {
            let tail: TailFile = self.data(&format!("t/{tail}.js"));
            list.extend(format::decode_tail(&tail.terms[term], entry.top).expect("tail"));
        }
        list
    }

    /// The record of article `n`.
    pub fn record(&self, n: u32) -> Record {
        let per = self.manifest.records;
        let mut chunk: Vec<Record> = self.data(&format!("r/{}.js", n / per));
        chunk.swap_remove((n % per) as usize)
    }

    /// A complete query of known words, evaluated from the exported files
    /// as QUERY.md says, written plainly: AND (else OR), then every word in
    /// the title, then the f32 sum of scores, then the lower doc number;
    /// among the first 10 (and, for one word, the articles of that title),
    /// an exact title, then the words in a row.
    pub fn search(&self, query: &str, limit: usize) -> Vec<u32> {
        let mut terms: Vec<Option<String>> = Vec::new();
        for surface in surface_forms(Mode::Query, query) {
            match self.vocab_lookup(&surface) {
                Some(None) => {}
                Some(Some(term)) => {
                    if !terms.contains(&Some(term.clone())) {
                        terms.push(Some(term));
                    }
                }
                None => terms.push(None),
            }
        }
        let lists: Vec<Vec<Posting>> = terms
            .iter()
            .map(|t| t.as_deref().map(|t| self.postings(t)).unwrap_or_default())
            .collect();
        // doc → (words matched, words in title, score)
        let mut sum: BTreeMap<u32, (usize, usize, f32)> = BTreeMap::new();
        for list in &lists {
            for p in list {
                let e = sum.entry(p.doc).or_default();
                e.0 += 1;
                e.1 += usize::from(p.title);
                e.2 += p.score;
            }
        }
        let all = sum.values().any(|e| e.0 == lists.len());
        let mut ranked: Vec<(u32, (usize, bool, f32))> = sum
            .into_iter()
            .filter(|(_, e)| !all || e.0 == lists.len())
            .map(|(d, e)| (d, (e.0, e.1 == lists.len(), e.2)))
            .collect();
        ranked.sort_by(|a, b| {
            (b.1.0, b.1.1)
                .cmp(&(a.1.0, a.1.1))
                .then(b.1.2.total_cmp(&a.1.2))
                .then(a.0.cmp(&b.0))
        });
        // Then, among the first 10, a title that is the query, then the
        // query's words in a row in some text of the record.
        let typed = surface_forms(Mode::Query, query).join(" ");
        let in_a_row = |text: &str| {
            let words = surface_forms(Mode::Query, text).join(" ");
            format!(" {words} ").contains(&format!(" {typed} "))
        };
        // A one-word query also takes in the articles after the first 10
        // whose title is that word.
        let one_word = surface_forms(Mode::Query, query).len() == 1;
        let mut first: Vec<(bool, bool, u32)> = Vec::new();
        let mut rest: Vec<u32> = Vec::new();
        for (i, &(doc, _)) in ranked.iter().enumerate() {
            if i >= 10 && !one_word {
                rest.push(doc);
                continue;
            }
            let r = self.record(doc);
            let exact = surface_forms(Mode::Query, &r.title).join(" ") == typed;
            let phrase = typed.contains(' ')
                && std::iter::once(&r.title)
                    .chain([&r.description])
                    .chain(
                        r.sections
                            .iter()
                            .flat_map(|s| s.heading.iter().chain([&s.text])),
                    )
                    .any(|t| in_a_row(t));
            if i < 10 || exact {
                first.push((!exact, !phrase, doc));
            } else {
                rest.push(doc);
            }
        }
        first.sort_by_key(|&(exact, phrase, _)| (exact, phrase));
        first
            .into_iter()
            .map(|f| f.2)
            .chain(rest)
            .take(limit)
            .collect()
    }
}

/// Ids of the best `limit` answers to `query`, by the engine over `files`.
pub fn search(files: &[ExportedFile], lang: &str, query: &str, limit: usize) -> Vec<String> {
    engine(files, lang)
        .search(query, limit)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.record.id)
        .collect()
}

/// An English reference article of one section, under `heading` if any.
pub fn english_doc(
    id: &str,
    title: &str,
    heading: Option<&str>,
    body: &str,
) -> search_index::SearchDocument {
    search_index::SearchDocument {
        id: id.into(),
        lang: "en".into(),
        url: format!("{id}/"),
        title: title.into(),
        tier: "L1".into(),
        doc_type: "reference".into(),
        sections: vec![search_index::Section {
            anchor: None,
            heading: heading.map(Into::into),
            text: body.into(),
        }],
        ..Default::default()
    }
}

/// The search engine over exported files held in memory.
pub fn engine(files: &[ExportedFile], lang: &str) -> search_index::Engine {
    let files: BTreeMap<String, Vec<u8>> = files
        .iter()
        .map(|f| (f.path.clone(), f.bytes.clone()))
        .collect();
    search_index::Engine::open(
        Box::new(move |path| {
            files
                .get(path)
                .cloned()
                .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
        }),
        Path::new("memory"),
        Some(lang),
    )
    .expect("engine")
}

//! The query engine over the exported files: what `tier0 search` runs.
//!
//! In: the search directory of a build (or any reader of its files), a
//! language, a query. Out: the ranked articles with what a result shows,
//! the total number of matches and how each word was understood. This is
//! the reference implementation of QUERY.md; `js/tier0-search.js` is its
//! twin in the browser, reading the same files, and the agreement tests
//! hold them to the same top 10 on every kind of query.
//!
//! The terminal reads whole postings (head and tail); the browser reads a
//! tail only when the head cannot decide the order, so both rank over the
//! whole postings.

mod plan;
mod rank;

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub use plan::{Candidate, Kind, Word, code_pieces, edit_distance, is_typing};

use crate::analyzer::{Mode, surface_forms, written_forms};

/// The first results among which an article whose title is the query (the
/// same words, case and accents aside) comes first.
pub const TITLE_WINDOW: usize = 10;
pub use rank::Ranked;

use crate::SearchError;
use crate::format::{
    FORMAT_VERSION, Manifest, Posting, PostingsShard, Record, ReversedKeys, RootManifest, TailFile,
    TermEntry, VocabEntry, VocabShard, decode_postings, decode_tail, unwrap,
};

/// Reads one exported file by its path relative to the search directory.
pub type Reader = Box<dyn Fn(&str) -> std::io::Result<Vec<u8>>>;

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What the result shows (id, url, title, tier, ...).
    pub record: Record,
    /// Its ranking: words matched, all in the title, score.
    pub ranked: Ranked,
}

/// A query's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// How each word was understood, in query order.
    pub words: Vec<Word>,
    /// The best `limit` results.
    pub hits: Vec<Hit>,
    /// How many articles match (every word, or any word when none has all).
    pub total: usize,
    /// Some article matches every word.
    pub all_words: bool,
    /// The words answered only by typo corrections, each with its best one.
    pub corrections: Vec<Correction>,
}

/// A word the index does not know, and the correction searched instead.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Correction {
    /// The word, normalised.
    pub from: String,
    /// Its best correction as the first results write it (QUERY.md).
    pub to: String,
}

/// Exported files, read once each.
struct Files {
    read: Reader,
    /// Where the files come from, for errors.
    origin: PathBuf,
    cache: RefCell<HashMap<String, Rc<Vec<u8>>>>,
}

impl Files {
    fn corrupt(&self, path: &str, message: &str) -> SearchError {
        SearchError::Corrupt {
            path: self.origin.join(path),
            message: message.to_string(),
        }
    }

    fn bytes(&self, path: &str) -> Result<Rc<Vec<u8>>, SearchError> {
        if let Some(bytes) = self.cache.borrow().get(path) {
            return Ok(Rc::clone(bytes));
        }
        let bytes = Rc::new((self.read)(path).map_err(|source| SearchError::Io {
            path: self.origin.join(path),
            source,
        })?);
        self.cache
            .borrow_mut()
            .insert(path.to_string(), Rc::clone(&bytes));
        Ok(bytes)
    }

    fn json<T: serde::de::DeserializeOwned>(&self, path: &str) -> Result<T, SearchError> {
        let bytes = self.bytes(path)?;
        let (_, json) =
            unwrap(&bytes).ok_or_else(|| self.corrupt(path, "not a tier0 search file"))?;
        serde_json::from_slice(json).map_err(|e| self.corrupt(path, &e.to_string()))
    }
}

/// The largest search file read: thousands of times the largest one an
/// export writes (at 10,000 articles: shards of about 12 KB, a manifest of
/// 2.3 KB, `filters.js` of 28 KB), and small enough to hold in memory.
const MAX_SEARCH_FILE: u64 = 64 << 20;

/// The bytes of the search file `path`: a regular file (a link to one is
/// fine) of at most [`MAX_SEARCH_FILE`] bytes. A device such as
/// `/dev/zero`, a pipe or a file of gigabytes put in a search folder is
/// refused, rather than read until memory runs out or forever.
///
/// The file is checked before and once opened, and opened without waiting,
/// so a pipe swapped in after the first check cannot block the search.
fn read_search_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let refuse = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let not_regular = || refuse("not a regular file, which no search index holds");
    // The path first, so a device is never opened (opening one may act),
    // then the opened file, which nothing can swap.
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    file.take(MAX_SEARCH_FILE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SEARCH_FILE {
        return Err(refuse(
            "larger than any file of a search index tier0 writes",
        ));
    }
    Ok(bytes)
}

/// Decoded vocabulary shards by (`v` or `w`, shard number).
type VocabCache = RefCell<HashMap<(char, usize), Rc<Vec<VocabEntry>>>>;

/// A search over one language of an exported index.
pub struct Engine {
    files: Files,
    manifest: Manifest,
    vocab: VocabCache,
}

impl Engine {
    /// The engine over the search directory `dir` (a build's `search/`).
    pub fn open_dir(dir: &Path, lang: Option<&str>) -> Result<Engine, SearchError> {
        let root = dir.to_path_buf();
        Engine::open(
            Box::new(move |path| read_search_file(&root.join(path))),
            dir,
            lang,
        )
    }

    /// The engine over files read by `read`; `origin` names them in errors.
    /// `lang`: the language (default: the first exported one).
    pub fn open(read: Reader, origin: &Path, lang: Option<&str>) -> Result<Engine, SearchError> {
        let files = Files {
            read,
            origin: origin.to_path_buf(),
            cache: Default::default(),
        };
        let lang = match lang {
            Some(lang) => lang.to_string(),
            None => {
                let root: RootManifest = files.json("manifest.js")?;
                root.languages.first().cloned().unwrap_or_default()
            }
        };
        let path = format!("{lang}/manifest.js");
        let manifest: Manifest = files.json(&path).map_err(|e| match e {
            SearchError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                SearchError::MissingLanguage {
                    lang: lang.clone(),
                    path: files.origin.clone(),
                }
            }
            e => e,
        })?;
        if manifest.format != FORMAT_VERSION {
            return Err(files.corrupt(
                &path,
                &format!(
                    "format {}, this tier0 reads {FORMAT_VERSION}; build the site again",
                    manifest.format
                ),
            ));
        }
        Ok(Engine {
            files,
            manifest,
            vocab: Default::default(),
        })
    }

    /// The language's manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    fn corrupt(&self, message: &str) -> SearchError {
        self.files.corrupt(&self.manifest.lang, message)
    }

    fn data<T: serde::de::DeserializeOwned>(&self, rel: &str) -> Result<T, SearchError> {
        self.files.json(&format!(
            "{}/{}/{rel}",
            self.manifest.lang, self.manifest.build
        ))
    }

    /// Vocabulary shard `i` of `dir` (`v` by surface, `w` by reversed surface).
    fn vocab_shard(&self, dir: char, i: usize) -> Result<Rc<Vec<VocabEntry>>, SearchError> {
        if let Some(words) = self.vocab.borrow().get(&(dir, i)) {
            return Ok(Rc::clone(words));
        }
        let shard: VocabShard = self.data(&format!("{dir}/{i}.js"))?;
        let words = Rc::new(shard.words);
        self.vocab.borrow_mut().insert((dir, i), Rc::clone(&words));
        Ok(words)
    }

    /// The entry of `term` in its postings shard, `None` if unknown.
    fn entry(&self, term: &str) -> Result<Option<TermEntry>, SearchError> {
        let mut shard: PostingsShard = self.data(&format!(
            "p/{}.js",
            plan::shard_of(&self.manifest.terms, term)
        ))?;
        Ok(shard.terms.remove(term))
    }

    /// The whole postings of `term` (head in posting order, then tail by
    /// article),
    /// empty if unknown.
    pub fn postings(&self, term: &str) -> Result<Vec<Posting>, SearchError> {
        Ok(self.term(term)?.0)
    }

    /// The whole postings of `term` and the articles whose title is one
    /// word of it (`sole`, FORMAT.md), empty if unknown: one read of its
    /// shard.
    fn term(&self, term: &str) -> Result<(Vec<Posting>, Vec<u32>), SearchError> {
        let Some(entry) = self.entry(term)? else {
            return Ok(Default::default());
        };
        let bad = || self.corrupt(&format!("bad postings for {term:?}"));
        let mut list = decode_postings(&entry.head, entry.top).ok_or_else(bad)?;
        if let Some(tail) = entry.tail {
            let file: TailFile = self.data(&format!("t/{tail}.js"))?;
            let encoded = file.terms.get(term).ok_or_else(bad)?;
            list.extend(decode_tail(encoded, entry.top).ok_or_else(bad)?);
        }
        Ok((list, entry.sole))
    }

    /// The record of article `doc`.
    fn record(&self, doc: u32) -> Result<Record, SearchError> {
        let per = self.manifest.records.max(1);
        let mut chunk: Vec<Record> = self.data(&format!("r/{}.js", doc / per))?;
        let i = (doc % per) as usize;
        if i >= chunk.len() {
            return Err(self.corrupt(&format!("no record for article {doc}")));
        }
        Ok(chunk.swap_remove(i))
    }

    /// How `query` is understood (see QUERY.md, "Planning").
    pub fn plan(&self, query: &str) -> Result<Vec<Word>, SearchError> {
        Ok(self.understand(&plan::query_text(query))?.words)
    }

    /// The plan of `query`, with what its phrase rules compare.
    fn understand(&self, query: &str) -> Result<plan::Plan, SearchError> {
        let vocab = LoadedVocabulary::new(self);
        let plan = plan::plan(&vocab, query, &self.manifest.question_words);
        match vocab.into_error() {
            Some(e) => Err(e),
            None => Ok(plan),
        }
    }

    /// Answers `query` with its best `limit` results.
    pub fn search(&self, query: &str, limit: usize) -> Result<Answer, SearchError> {
        let query = &*plan::query_text(query);
        let plan::Plan { words, phrase } = self.understand(query)?;
        // Each term's postings and `sole` articles (FORMAT.md).
        let mut postings: HashMap<&str, (Vec<Posting>, Vec<u32>)> = HashMap::new();
        for c in words.iter().flat_map(|w| &w.candidates) {
            if !postings.contains_key(c.term.as_str()) {
                postings.insert(&c.term, self.term(&c.term)?);
            }
        }
        let lists: Vec<Vec<(f32, &[Posting])>> = words
            .iter()
            .map(|w| {
                w.candidates
                    .iter()
                    .map(|c| (c.weight, postings[c.term.as_str()].0.as_slice()))
                    .collect()
            })
            .collect();
        let optional: Vec<bool> = words.iter().map(|w| w.optional).collect();
        let rank::Ranking { ranked, all_words } = rank::rank(&lists, &optional, &|_| true);
        let total = ranked.len();
        let sole = sole_titles(&words, &phrase, |term| &postings[term].1);
        let mut hits = self.in_title_order(ranked, sole, limit, &phrase, is_typing(query))?;
        let shown = hits.len().min(TITLE_WINDOW);
        let corrections = corrections(&words, query, &hits[..shown]);
        hits.truncate(limit);
        Ok(Answer {
            words,
            hits,
            total,
            all_words,
            corrections,
        })
    }

    /// The best `limit` of `ranked` (at least [`TITLE_WINDOW`]) with their
    /// records, in the final order (QUERY.md, "Exact title", "Words in a
    /// row"): among the first [`TITLE_WINDOW`], joined by the articles of
    /// `sole` after them whose title is the query, an article whose title
    /// is the query comes first (one whose last word is the one typed
    /// before one that only begins with it), then those with the query's
    /// words in a row (a stable sort keeps the rest in order); a word
    /// planned as its parts counts as those (`macos` is the title "Mac
    /// OS"). Then the others, in order, each once.
    fn in_title_order(
        &self,
        ranked: Vec<Ranked>,
        sole: &[u32],
        limit: usize,
        phrase: &[String],
        typing: bool,
    ) -> Result<Vec<Hit>, SearchError> {
        let is = query_word(phrase, typing);
        let n = phrase.len();
        let key = |record: &Record| {
            let title = surface_forms(Mode::Query, &record.title);
            let exact = title.len() == n && title.iter().enumerate().all(|(j, w)| is(w, j));
            // The title typed whole (`HTTP`) before those it only begins
            // (`HTTPS`), whichever scores higher.
            let whole = exact && title.iter().zip(phrase).all(|(w, p)| w == p);
            let in_a_row = n > 1 && has_phrase(record, n, &is);
            (!exact, !whole, !in_a_row)
        };
        let window = ranked.len().min(TITLE_WINDOW);
        let mut first = Vec::new();
        let mut moved = Vec::new();
        for (i, r) in ranked.iter().enumerate() {
            if i < window || sole.binary_search(&r.doc).is_ok() {
                let record = self.record(r.doc)?;
                let k = key(&record);
                if i < window || !k.0 {
                    first.push((k, Hit { record, ranked: *r }));
                    moved.extend((i >= window).then_some(i));
                }
            }
        }
        first.sort_by_key(|(k, _)| *k);
        let mut hits: Vec<Hit> = first.into_iter().map(|(_, hit)| hit).collect();
        for (i, r) in ranked.into_iter().enumerate().skip(window) {
            if hits.len() >= limit {
                break;
            }
            if moved.binary_search(&i).is_err() {
                hits.push(Hit {
                    record: self.record(r.doc)?,
                    ranked: r,
                });
            }
        }
        Ok(hits)
    }
}

/// The articles whose title may be a query of one word (QUERY.md, "Exact
/// title"): for a query of one required word, those whose title is one
/// word of the term of its candidate that the query writes (the word, or
/// its best correction), stop words aside (each term's `sole`).
fn sole_titles<'a>(
    words: &[Word],
    phrase: &[String],
    sole: impl Fn(&str) -> &'a [u32],
) -> &'a [u32] {
    let mut required = words.iter().filter(|w| !w.optional);
    let (Some(word), None) = (required.next(), required.next()) else {
        return &[];
    };
    word.candidates
        .iter()
        .find(|c| phrase.contains(&c.surface))
        .map_or(&[], |c| sole(&c.term))
}

/// Whether a word `w` of a text is the query's `j`th word of `phrase`: as
/// written, or as the beginning of its word while the last is `typing`.
/// What the exact-title and words-in-a-row rules compare (QUERY.md).
fn query_word(phrase: &[String], typing: bool) -> impl Fn(&str, usize) -> bool + '_ {
    move |w, j| w == phrase[j] || (typing && j + 1 == phrase.len() && w.starts_with(&phrase[j]))
}

/// For each word of `words` answered only by typo corrections, its best
/// correction as the `first` results write it (QUERY.md, "Corrections").
fn corrections(words: &[Word], query: &str, first: &[Hit]) -> Vec<Correction> {
    let typed = written_forms(Mode::Query, query);
    words
        .iter()
        .filter(|w| w.candidates.iter().all(|c| c.kind == Kind::Typo))
        .filter_map(|w| {
            let best = w.candidates.first()?;
            let capitals = typed
                .iter()
                .find(|(surface, _)| *surface == w.surface)
                .is_some_and(|(_, written)| written.to_lowercase() != *written);
            Some(Correction {
                from: w.surface.clone(),
                to: written_as(&best.surface, capitals, first),
            })
        })
        .collect()
}

/// The first word of `hits` (each one's title, description, then its
/// sections' headings and texts) whose surface is `surface`, as written;
/// lower-cased unless the reader typed `capitals`. `surface` itself when
/// none has it.
fn written_as(surface: &str, capitals: bool, hits: &[Hit]) -> String {
    let found = hits.iter().find_map(|h| {
        record_texts(&h.record).find_map(|text| {
            written_forms(Mode::Query, text)
                .into_iter()
                .find(|(s, _)| s == surface)
                .map(|(_, written)| written.to_owned())
        })
    });
    match found {
        Some(written) if capitals => written,
        Some(written) => written.to_lowercase(),
        None => surface.to_owned(),
    }
}

/// The texts of `record` in reading order: its title, its description,
/// then each section's heading and text.
fn record_texts(record: &Record) -> impl Iterator<Item = &str> {
    let sections = record
        .sections
        .iter()
        .flat_map(|s| s.heading.as_deref().into_iter().chain([s.text.as_str()]));
    [record.title.as_str(), record.description.as_str()]
        .into_iter()
        .chain(sections)
}

/// Whether the `n` words of the query follow one another in `record`'s
/// title, description, a heading or a section's text, as written or with
/// each code cut into its pieces (`srv mad 03` is in "SRV-MAD-03"); `is(w,
/// j)` tells whether `w` is the query's `j`th (QUERY.md, "Words in a row").
fn has_phrase(record: &Record, n: usize, is: &dyn Fn(&str, usize) -> bool) -> bool {
    if n == 0 {
        return false;
    }
    let fits = |words: &[&str]| {
        words
            .windows(n)
            .any(|words| words.iter().enumerate().all(|(j, w)| is(w, j)))
    };
    record_texts(record).any(|text| {
        let surfaces = surface_forms(Mode::Query, text);
        let words: Vec<&str> = surfaces.iter().map(String::as_str).collect();
        fits(&words) || {
            let pieces: Vec<&str> = words.iter().flat_map(|w| code_pieces(w)).collect();
            pieces.len() > words.len() && fits(&pieces)
        }
    })
}

/// A vocabulary shard, read when planning first asks for it.
type ShardCell = OnceCell<Rc<Vec<VocabEntry>>>;

/// The vocabulary shards planning reads, each read when it first asks for
/// it (as the browser does), so the terminal reads whatever planning looks
/// up. Planning itself does no I/O; a shard that cannot be read is taken as
/// empty and its error is returned once planning is done.
struct LoadedVocabulary<'a> {
    engine: &'a Engine,
    shards: Vec<ShardCell>,
    /// The reversed shards' keys (`reversed.js`) and the shards, read on
    /// the first typo lookup.
    reversed: OnceCell<(Vec<String>, Vec<ShardCell>)>,
    error: RefCell<Option<SearchError>>,
}

impl<'a> LoadedVocabulary<'a> {
    fn new(engine: &'a Engine) -> LoadedVocabulary<'a> {
        let cells = |n: usize| (0..n).map(|_| OnceCell::new()).collect();
        LoadedVocabulary {
            engine,
            shards: cells(engine.manifest.vocab.len()),
            reversed: OnceCell::new(),
            error: RefCell::new(None),
        }
    }

    /// Shard `i` of `dir` (`v` or `w`) among `cells`, read on first use.
    fn read<'s>(&self, cells: &'s [ShardCell], dir: char, i: usize) -> &'s [VocabEntry] {
        let Some(cell) = cells.get(i) else {
            return &[];
        };
        cell.get_or_init(|| {
            self.engine.vocab_shard(dir, i).unwrap_or_else(|e| {
                self.error.borrow_mut().get_or_insert(e);
                Rc::default()
            })
        })
    }

    /// The first error met while reading shards, if any.
    fn into_error(self) -> Option<SearchError> {
        self.error.into_inner()
    }
}

impl plan::Vocabulary for LoadedVocabulary<'_> {
    fn keys(&self) -> &[String] {
        &self.engine.manifest.vocab
    }

    fn shard(&self, i: usize) -> &[VocabEntry] {
        self.read(&self.shards, 'v', i)
    }

    fn reversed_shard_of(&self, reversed: &str) -> &[VocabEntry] {
        let (keys, cells) = self.reversed.get_or_init(|| {
            let keys = self.engine.data::<ReversedKeys>("reversed.js").map_or_else(
                |e| {
                    self.error.borrow_mut().get_or_insert(e);
                    Vec::new()
                },
                |r| r.keys,
            );
            let cells = (0..keys.len()).map(|_| OnceCell::new()).collect();
            (keys, cells)
        });
        self.read(cells, 'w', plan::shard_of(keys, reversed))
    }

    fn synonyms(&self, key: &str) -> &[(String, String)] {
        self.engine
            .manifest
            .synonyms
            .get(key)
            .map_or(&[], Vec::as_slice)
    }

    fn stemmer(&self) -> Option<&str> {
        self.engine.manifest.analyzer.stemmer.as_deref()
    }
}

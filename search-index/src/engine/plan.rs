//! How a query is understood: its words, and for each the index terms that
//! answer it with their weights (QUERY.md, "Planning").
//!
//! In: the query text and a way to read vocabulary shards. Out: [`Word`]s,
//! in query order, without repeats. The browser engine's `plan()` is the
//! same algorithm; the agreement tests hold the two together.

use std::borrow::Cow;

use crate::analyzer::{Mode, surface_forms};
use crate::format::{TermRef, VocabEntry, js_cmp, stop_term};

mod distance;
mod forms;
mod parts;
pub use distance::{edit_distance, prefix_distance};
use forms::forms;
pub use parts::code_pieces;

/// The most prefix completions the word being typed gets.
pub const MAX_COMPLETIONS: usize = 10;
/// The most vocabulary shards read for completions.
pub const MAX_COMPLETION_SHARDS: usize = 3;
/// The most typo corrections one word gets.
pub const MAX_CORRECTIONS: usize = 3;
/// Words shorter than this (UTF-16 units) are never corrected.
pub const MIN_TYPO_LEN: usize = 4;
/// From this length (UTF-16 units) a correction may be two edits away.
pub const TWO_TYPOS_LEN: usize = 8;
/// How much a synonym's scores count.
pub const SYNONYM_WEIGHT: f32 = 0.875;
/// How much a joined term's scores count: both words of the pair get it,
/// half each, so it counts once.
pub const JOINED_WEIGHT: f32 = 0.5;
/// Why a term answers a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The word itself.
    Exact,
    /// A word that starts with the word being typed.
    Prefix,
    /// A word one or two edits away from an unknown word.
    Typo,
    /// A synonym of the word (`search.synonyms` of the site's config).
    Synonym,
    /// The word written together with the one before or after it
    /// (`smart symbols` → `smartsymbols`, `office 365` → `office365`).
    Joined,
    /// The same identifier written otherwise: without its joiners
    /// (`aadsts-50126` → `aadsts50126`), a hexadecimal number with or
    /// without `0x` (`80070005` → `0x80070005`).
    Variant,
    /// Another inflection of a word the vocabulary lacks (`configuring` →
    /// `configure`, `impresoras` → `impresora`).
    Form,
}

/// One term that answers a word, and how much its scores count.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// Index term.
    pub term: String,
    /// The surface form that led to it (the completion or correction shown).
    pub surface: String,
    /// Why it answers the word.
    pub kind: Kind,
    /// Factor on its scores (f32, so both engines multiply alike).
    pub weight: f32,
}

/// One word of the query.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Word {
    /// The word as normalised (lower-cased, accents folded).
    pub surface: String,
    /// Terms that answer it, the exact one first.
    pub candidates: Vec<Candidate>,
    /// An article need not match it: the word being typed when it starts
    /// a stop word (`wit` of `with`) and the query has other words.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

/// The completion weight: 0.5 for a word barely started, towards 1 as the
/// typed part covers more of the completion (lengths in UTF-16 units).
pub fn prefix_weight(typed: usize, completion: usize) -> f32 {
    (0.5 + 0.5 * (typed as f64 / completion as f64)) as f32
}

/// The correction weight by edit distance.
pub fn typo_weight(distance: usize) -> f32 {
    if distance <= 1 { 0.5 } else { 0.375 }
}

/// The words of a query read at most: a pasted page reads as its first 32
/// words, as a long question does (QUERY.md, step 1).
pub const MAX_QUERY_WORDS: usize = 32;

/// `typed` as both engines read it: [`canonical`], then, past
/// [`MAX_QUERY_WORDS`] words, up to the end of the last of them with a
/// space after it (no word is being typed).
///
/// [`canonical`]: crate::analyzer::canonical
pub fn query_text(typed: &str) -> Cow<'_, str> {
    let query = crate::analyzer::canonical(typed);
    let tokens = crate::analyzer::tokenize(&query, Mode::Query);
    match tokens.get(MAX_QUERY_WORDS - 1) {
        Some(last) if tokens.len() > MAX_QUERY_WORDS => {
            format!("{} ", &query[..last.offset_to]).into()
        }
        _ => query,
    }
}

/// Whether the last word of `query` is still being typed: the query ends in
/// a letter, digit, `_` or `-`.
pub fn is_typing(query: &str) -> bool {
    query
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Length in UTF-16 code units, the unit the browser counts in.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The term of a vocabulary entry, `None` for a stop word.
pub fn term_of(entry: &VocabEntry) -> Option<&str> {
    match &entry.1 {
        TermRef::Same(_) => Some(&entry.0),
        TermRef::Term(t) => Some(t),
        TermRef::Stop(()) => None,
    }
}

/// What planning reads: vocabulary shards by surface and by reversed surface.
pub trait Vocabulary {
    /// Separator keys of the shards by surface.
    fn keys(&self) -> &[String];
    /// Shard `i` by surface.
    fn shard(&self, i: usize) -> &[VocabEntry];
    /// The shard by reversed surface that holds the reversed `key`.
    fn reversed_shard_of(&self, reversed: &str) -> &[VocabEntry];
    /// The synonyms of a surface, or of `=` and a term: `(surface, term)`.
    fn synonyms(&self, key: &str) -> &[(String, String)];
    /// The Snowball stemmer the index was built with (its manifest's
    /// `analyzer.stemmer`), which says what [`endings`] the words take.
    fn stemmer(&self) -> Option<&str>;
}

/// Index of the shard whose key range holds `key` (`keys[0]` is "").
pub fn shard_of(keys: &[String], key: &str) -> usize {
    keys.iter()
        .rposition(|k| js_cmp(k, key) != std::cmp::Ordering::Greater)
        .unwrap_or(0)
}

/// First position in `words` (sorted by surface) not below `word`.
fn lower_bound(words: &[VocabEntry], word: &str) -> usize {
    words.partition_point(|e| js_cmp(&e.0, word) == std::cmp::Ordering::Less)
}

/// A planned query.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Its words, in query order, without repeats.
    pub words: Vec<Word>,
    /// The query's surfaces, each word that was planned as its parts
    /// replaced by them and each misspelled one by its best correction
    /// (stop words included): what a title equal to the query and the
    /// words in a row compare with (QUERY.md, "Ranking").
    pub phrase: Vec<String>,
}

/// Plans `query` (see the module docs and QUERY.md), with the language's
/// question words.
pub fn plan(vocab: &dyn Vocabulary, query: &str, question_words: &[String]) -> Plan {
    let surfaces = surface_forms(Mode::Query, query);
    // Only stop words: each is searched by its own postings.
    let stops = !surfaces.is_empty() && surfaces.iter().all(|s| is_stop_word(vocab, s));
    let Plan { mut words, phrase } = plan_words(vocab, &surfaces, is_typing(query), stops);
    // Question words, and the scheme and host of a web address, are
    // optional when another word is required.
    let hosts: Vec<String> = web_hosts(query)
        .into_iter()
        .flat_map(|host| surface_forms(Mode::Query, host))
        .collect();
    let question = |w: &Word| question_words.contains(&w.surface) || hosts.contains(&w.surface);
    if words.iter().any(|w| !w.optional && !question(w)) {
        for w in words.iter_mut().filter(|w| question(w)) {
            w.optional = true;
        }
    }
    Plan { words, phrase }
}

/// The scheme and host of each web address pasted in `query`
/// (`https://help.example.com` of `https://help.example.com/vpn/`): a
/// scheme's letters, digits, `+`, `.` and `-`, `://`, then a host's
/// letters, digits, `.`, `_`, `:`, `@` and `-`, left to right.
fn web_hosts(query: &str) -> Vec<&str> {
    let scheme = |c: char| c.is_alphanumeric() || matches!(c, '+' | '.' | '-');
    let host = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | ':' | '@' | '-');
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(found) = query[pos..].find("://") {
        let at = pos + found;
        let start = query[pos..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| scheme(c))
            .last()
            .map_or(at, |(i, _)| pos + i);
        let rest = &query[at + 3..];
        let end = at + 3 + rest.find(|c: char| !host(c)).unwrap_or(rest.len());
        out.push(&query[start..end]);
        pos = end;
    }
    out
}

/// The words of `surfaces`; with `stops` (a query of stop words only),
/// each stop word is answered by its own term and none is optional.
fn plan_words(vocab: &dyn Vocabulary, surfaces: &[String], typing: bool, stops: bool) -> Plan {
    let mut words: Vec<Word> = Vec::new();
    let mut phrase = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add = |surface: &str, answers: Answers| {
        if answers.known && answers.candidates.is_empty() {
            return; // a stop word, not being typed
        }
        let key = match answers.candidates.first() {
            Some(c) if c.kind == Kind::Exact => format!("={}", c.term),
            _ => format!("?{surface}"),
        };
        if seen.insert(key) {
            words.push(Word {
                surface: surface.to_string(),
                candidates: answers.candidates,
                optional: (answers.starts_stop_word || answers.near_stop_word) && !stops,
            });
        }
    };
    let joined: Vec<Option<Candidate>> = surfaces
        .windows(2)
        .map(|pair| joined(vocab, &pair[0], &pair[1]))
        .collect();
    for (i, surface) in surfaces.iter().enumerate() {
        let typed = typing && i + 1 == surfaces.len();
        let mut answers = candidates(vocab, surface, typed, stops);
        let around = [i.checked_sub(1), Some(i)];
        for c in around
            .into_iter()
            .flatten()
            .filter_map(|k| joined.get(k)?.as_ref())
        {
            if !answers.candidates.iter().any(|x| x.term == c.term) {
                answers.candidates.push(c.clone());
            }
        }
        // A word nothing answers: the words it is made of, when the
        // vocabulary has each (`srv-mad03`, `srvmad03` → `srv`, `mad`, `03`).
        let parts = if !answers.known && answers.candidates.is_empty() {
            parts::parts(vocab, surface, typed)
        } else {
            None
        };
        for (surface, answers) in parts.unwrap_or_else(|| vec![(surface, answers)]) {
            // A misspelled word (or piece) is its best correction to the
            // title and words-in-a-row rules, another form its best form.
            let c = &answers.candidates;
            let corrected = c
                .first()
                .filter(|_| c.iter().all(|c| matches!(c.kind, Kind::Typo | Kind::Form)));
            phrase.push(corrected.map_or(surface, |c| &c.surface).to_string());
            add(surface, answers);
        }
    }
    // Only the word being typed can start a stop word: it is optional
    // when the query has another.
    if let [only] = words.as_mut_slice() {
        only.optional = false;
    }
    Plan { words, phrase }
}

/// The other ways an identifier is written (the [`Kind::Variant`]s to look
/// up, in order): without its joiners (`aadsts-50126` → `aadsts50126`),
/// then a hexadecimal number (with a digit) without its `0x` (`0x80070005`
/// → `80070005`) or with it (`8004010f` → `0x8004010f`); then a version
/// number without its `v` (`v7` → `7`: "Part 7"); then a word with the
/// Turkish capital `İ` written with `i`: lower-cased, `İ` is `i`
/// and a combining dot (U+0307), which no folding removes, so `İMPRESORA`
/// is `impresora` (`WİFİ` typed on a Turkish keyboard is `wifi`).
pub fn variants(surface: &str) -> Vec<String> {
    let compact: String = surface.chars().filter(|&c| c != '_' && c != '-').collect();
    let hex =
        |s: &str| s.bytes().all(|b| b.is_ascii_hexdigit()) && s.bytes().any(|b| b.is_ascii_digit());
    let mut out = Vec::new();
    if compact != surface {
        out.push(compact.clone());
    }
    match compact.strip_prefix("0x") {
        Some(digits) if hex(digits) => out.push(digits.to_string()),
        None if hex(&compact) => {
            out.push(format!("0x{compact}"));
        }
        _ => {}
    }
    if let Some(number) = compact
        .strip_prefix('v')
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        out.push(number.to_string());
    }
    let dotless = surface.replace("i\u{307}", "i");
    if dotless != surface {
        out.push(dotless);
    }
    out
}

/// The vocabulary entry of `surface`, if it has one.
fn lookup<'v>(vocab: &'v dyn Vocabulary, surface: &str) -> Option<&'v VocabEntry> {
    entry_in(vocab.shard(shard_of(vocab.keys(), surface)), surface)
}

/// The entry of `surface` in `shard`, its vocabulary shard.
fn entry_in<'v>(shard: &'v [VocabEntry], surface: &str) -> Option<&'v VocabEntry> {
    shard
        .get(lower_bound(shard, surface))
        .filter(|e| e.0 == surface)
}

/// Whether the vocabulary has `surface` as a stop word.
fn is_stop_word(vocab: &dyn Vocabulary, surface: &str) -> bool {
    lookup(vocab, surface).is_some_and(|e| term_of(e).is_none())
}

/// The term of two consecutive words written as one (`smart symbols` →
/// `smartsymbols`, `aadsts 50126` → `aadsts50126`), when both are words of
/// letters and digits (not codes), not both numbers, neither a stop word,
/// and the vocabulary has them together.
fn joined(vocab: &dyn Vocabulary, a: &str, b: &str) -> Option<Candidate> {
    let plain = |w: &str| !w.is_empty() && w.chars().all(char::is_alphanumeric);
    let letter = |w: &str| w.chars().any(char::is_alphabetic);
    let stop = |w: &str| is_stop_word(vocab, w);
    if !plain(a) || !plain(b) || !(letter(a) || letter(b)) || stop(a) || stop(b) {
        return None;
    }
    let surface = format!("{a}{b}");
    let term = term_of(lookup(vocab, &surface)?)?;
    Some(Candidate {
        term: term.to_string(),
        surface,
        kind: Kind::Joined,
        weight: JOINED_WEIGHT,
    })
}

/// How the vocabulary answers one word.
struct Answers {
    /// The vocabulary has the word (maybe as a stop word).
    known: bool,
    /// The terms that answer it.
    candidates: Vec<Candidate>,
    /// The word is being typed and a stop word starts with it.
    starts_stop_word: bool,
    /// The vocabulary does not have the word, and a stop word is one edit
    /// away from it (`orta` of `otra`, `whith` of `with`): it may be that
    /// stop word, misspelled.
    near_stop_word: bool,
}

/// The terms that answer `surface` (exact, synonyms, completions when
/// `typed`, corrections when unknown); with `stops`, a stop word's own term
/// is its exact one.
fn candidates(vocab: &dyn Vocabulary, surface: &str, typed: bool, stops: bool) -> Answers {
    let shard = vocab.shard(shard_of(vocab.keys(), surface));
    let entry = entry_in(shard, surface);
    let mut candidates = Vec::new();
    let exact = entry.and_then(term_of);
    let exact_term = match (entry, exact) {
        (_, Some(term)) => Some(term.to_string()),
        (Some(_), None) if stops => Some(stop_term(surface)),
        _ => None,
    };
    if let Some(term) = exact_term {
        candidates.push(Candidate {
            term,
            surface: surface.to_string(),
            kind: Kind::Exact,
            weight: 1.0,
        });
    }
    let by_term = exact
        .map(|t| vocab.synonyms(&format!("={t}")))
        .unwrap_or_default();
    for (synonym, term) in vocab.synonyms(surface).iter().chain(by_term) {
        if !candidates.iter().any(|c| c.term == *term) {
            candidates.push(Candidate {
                term: term.clone(),
                surface: synonym.clone(),
                kind: Kind::Synonym,
                weight: SYNONYM_WEIGHT,
            });
        }
    }
    let mut starts_stop_word = false;
    let lone = is_lone_cjk_letter(surface);
    if typed || lone {
        let mut started = words_starting(vocab, surface);
        starts_stop_word = typed && started.iter().any(|e| term_of(e).is_none());
        if lone {
            started.extend(words_ending(vocab, surface));
        }
        for c in completions(&started, surface) {
            if !candidates.iter().any(|x| x.term == c.term) {
                candidates.push(c);
            }
        }
    }
    for variant in variants(surface) {
        if let Some(term) = lookup(vocab, &variant).and_then(term_of)
            && !candidates.iter().any(|c| c.term == term)
        {
            candidates.push(Candidate {
                term: term.to_string(),
                surface: variant,
                kind: Kind::Variant,
                weight: 1.0,
            });
        }
    }
    let mut near_stop_word = false;
    if entry.is_none() {
        let (corrected, near_stop) = corrections(vocab, surface, shard, typed);
        near_stop_word = near_stop;
        // A word nothing is one edit from may be another form of a known
        // word: its forms come before corrections two edits away
        // (`contenting` is `content`, not `continue`).
        let one_edit = corrected
            .first()
            .is_some_and(|c| c.weight == typo_weight(1));
        let forms = if one_edit {
            Vec::new()
        } else {
            forms(vocab, surface)
        };
        if forms.is_empty() {
            candidates.extend(corrected);
        }
        for c in forms {
            if !candidates.iter().any(|x| x.term == c.term) {
                candidates.push(c);
            }
        }
    }
    Answers {
        known: entry.is_some(),
        candidates,
        starts_stop_word,
        near_stop_word,
    }
}

/// The vocabulary entries that start with `prefix` (itself included), from
/// its shard and at most the next ones.
fn words_starting<'v>(vocab: &'v dyn Vocabulary, prefix: &str) -> Vec<&'v VocabEntry> {
    let keys = vocab.keys();
    let first = shard_of(keys, prefix);
    let upper = format!("{prefix}\u{ffff}");
    let mut out = Vec::new();
    for (i, key) in keys
        .iter()
        .enumerate()
        .skip(first)
        .take(MAX_COMPLETION_SHARDS)
    {
        if i > first && js_cmp(key, &upper) != std::cmp::Ordering::Less {
            break;
        }
        let shard = vocab.shard(i);
        out.extend(
            shard[lower_bound(shard, prefix)..]
                .iter()
                .take_while(|e| e.0.starts_with(prefix)),
        );
    }
    out
}

/// Whether `surface` is one Chinese, Japanese or Korean letter: the index
/// has the pairs of letters of a run, and a letter only where it stands
/// alone, so the letter is answered by the pairs it begins and ends.
fn is_lone_cjk_letter(surface: &str) -> bool {
    let mut letters = surface.chars();
    matches!((letters.next(), letters.next()), (Some(c), None) if crate::analyzer::is_cjk(c))
}

/// The vocabulary entries of the words that end with `letter` (not the
/// letter itself), from its shard of the reversed vocabulary.
fn words_ending<'v>(
    vocab: &'v dyn Vocabulary,
    letter: &'v str,
) -> impl Iterator<Item = &'v VocabEntry> + 'v {
    vocab
        .reversed_shard_of(letter)
        .iter()
        .filter(move |e| e.0 != letter && e.0.ends_with(letter))
}

/// Up to [`MAX_COMPLETIONS`] terms of the words that start with `prefix`
/// (not `prefix` itself), by document frequency, then term, among the
/// vocabulary entries `started`.
fn completions(started: &[&VocabEntry], prefix: &str) -> Vec<Candidate> {
    // term → (df, shortest surface)
    let mut by_term: std::collections::HashMap<&str, (u32, &str)> = Default::default();
    for e in started {
        let Some(term) = term_of(e) else { continue };
        if e.0 == prefix {
            continue;
        }
        let slot = by_term.entry(term).or_insert((e.2, &e.0));
        if utf16_len(&e.0) < utf16_len(slot.1)
            || (utf16_len(&e.0) == utf16_len(slot.1)
                && js_cmp(&e.0, slot.1) == std::cmp::Ordering::Less)
        {
            slot.1 = &e.0;
        }
    }
    let mut list: Vec<(&str, u32, &str)> =
        by_term.into_iter().map(|(t, (df, s))| (t, df, s)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(js_cmp(a.0, b.0)));
    let typed = utf16_len(prefix);
    list.into_iter()
        .take(MAX_COMPLETIONS)
        .map(|(term, _, surface)| Candidate {
            term: term.to_string(),
            surface: surface.to_string(),
            kind: Kind::Prefix,
            weight: prefix_weight(typed, utf16_len(surface)),
        })
        .collect()
}

/// Up to [`MAX_CORRECTIONS`] terms of the known words closest to the unknown
/// `word`, from its shard by surface and its shard by reversed surface:
/// best distance, then document frequency, then surface. Only words of
/// letters are corrected: a code or number one digit away is another code
/// (`0x80070005` is not `0x80070006`). While the word is `typed` and no
/// vocabulary word starts with it, a typo left nothing to complete
/// (`impresr`): the words that begin close to it count too, after the
/// whole words at the same distance. Also whether a stop word of those
/// shards is one edit from it.
fn corrections(
    vocab: &dyn Vocabulary,
    word: &str,
    shard: &[VocabEntry],
    typed: bool,
) -> (Vec<Candidate>, bool) {
    let len = utf16_len(word);
    if len < MIN_TYPO_LEN || !word.chars().all(char::is_alphabetic) {
        return (Vec::new(), false);
    }
    let max = if len >= TWO_TYPOS_LEN { 2 } else { 1 };
    let begun = typed
        && !words_starting(vocab, word)
            .iter()
            .any(|e| term_of(e).is_some() && e.0 != word);
    let reversed: String = word.chars().rev().collect();
    // (distance, begun only, df, surface, term)
    let mut found: Vec<(usize, bool, u32, &str, &str)> = Vec::new();
    let mut near_stop = false;
    for e in shard.iter().chain(vocab.reversed_shard_of(&reversed)) {
        let Some(term) = term_of(e) else {
            near_stop = near_stop || edit_distance(word, &e.0, 1) <= 1;
            continue;
        };
        if found.iter().any(|f| f.3 == e.0) {
            continue;
        }
        let whole = edit_distance(word, &e.0, max);
        let d = if begun {
            prefix_distance(word, &e.0, max)
        } else {
            whole
        };
        if d <= max {
            found.push((d, whole > d, e.2, &e.0, term));
        }
    }
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(b.2.cmp(&a.2))
            .then(js_cmp(a.3, b.3))
    });
    let mut out: Vec<Candidate> = Vec::new();
    for (d, _, _, surface, term) in found {
        if out.len() == MAX_CORRECTIONS {
            break;
        }
        if !out.iter().any(|c| c.term == term) {
            out.push(Candidate {
                term: term.to_string(),
                surface: surface.to_string(),
                kind: Kind::Typo,
                weight: typo_weight(d),
            });
        }
    }
    (out, near_stop)
}

#[cfg(test)]
mod tests;

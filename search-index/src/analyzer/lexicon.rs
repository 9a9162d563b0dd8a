//! The fast path's analysis after tokenization, cached per raw token
//! ([`Lexicon`]), and the whole fast path as a tantivy [`Tokenizer`]
//! ([`Tier0Tokenizer`]).

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::{Mode, SurfaceToTerm, for_each_token};

/// No term: the surface is a stop word.
pub const STOP: u32 = u32::MAX;

/// Set on the id [`Lexicon::id_of_raw`] gives a stop word: the id of the
/// stop word's own term ([`format::stop_term`](crate::format::stop_term)),
/// whose postings only a query made of stop words reads; it counts in no
/// field's length and is not in the tantivy index.
pub const STOP_TERM: u32 = 1 << 31;

/// The analysis of one language after tokenization, cached: raw token →
/// surface form (lower-cased, folded) → term (stop words and stemming).
/// Ids are local to one `Lexicon` and dense from 0; a stop word's is its
/// own term's, with [`STOP_TERM`] set.
#[derive(Clone)]
pub struct Lexicon {
    fold: TextAnalyzer,
    to_term: SurfaceToTerm,
    raw: TokenMap,
    surface_ids: rustc_hash::FxHashMap<Box<str>, u32>,
    /// Surface forms with their term id ([`STOP_TERM`] set for stop words).
    surfaces: Vec<(Box<str>, u32)>,
    term_ids: rustc_hash::FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
}

impl Lexicon {
    /// An empty lexicon for `lang`.
    pub fn new(lang: &str) -> Lexicon {
        Lexicon {
            fold: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
            to_term: SurfaceToTerm::new(lang),
            raw: Default::default(),
            surface_ids: Default::default(),
            surfaces: Vec::new(),
            term_ids: Default::default(),
            terms: Vec::new(),
        }
    }

    /// The term id of a raw token ([`STOP`] for a stop word).
    #[inline]
    pub fn term_of_raw(&mut self, raw: &str) -> u32 {
        let id = self.id_of_raw(raw);
        if id & STOP_TERM == 0 { id } else { STOP }
    }

    /// The term id of a raw token, a stop word's own term included
    /// ([`STOP_TERM`] set).
    #[inline]
    pub fn id_of_raw(&mut self, raw: &str) -> u32 {
        let key = Key::of(raw.as_bytes());
        if let Some(term) = self.raw.get(&key, raw.as_bytes()) {
            return term;
        }
        let term = self.slow_term(raw);
        self.raw.insert(key, raw.as_bytes(), term);
        term
    }

    #[cold]
    fn slow_term(&mut self, raw: &str) -> u32 {
        let raw = super::joined(raw);
        let surface = {
            let mut stream = self.fold.token_stream(&raw);
            stream.next().map(|t| t.text.clone()).unwrap_or_default()
        };
        if let Some(&id) = self.surface_ids.get(surface.as_str()) {
            return self.surfaces[id as usize].1;
        }
        let term_id = match self.to_term.term(&surface) {
            None => self.intern(crate::format::stop_term(&surface)) | STOP_TERM,
            Some(term) => self.intern(term),
        };
        let id = self.surfaces.len() as u32;
        self.surfaces.push((surface.as_str().into(), term_id));
        self.surface_ids.insert(surface.into(), id);
        term_id
    }

    /// The id of `term`, added if new.
    fn intern(&mut self, term: String) -> u32 {
        if let Some(&t) = self.term_ids.get(term.as_str()) {
            return t;
        }
        let t = self.terms.len() as u32;
        self.terms.push(term.as_str().into());
        self.term_ids.insert(term.into(), t);
        t
    }

    /// Text of a term id (without [`STOP_TERM`]).
    pub fn term(&self, term: u32) -> &str {
        &self.terms[term as usize]
    }

    /// All surface forms seen, with their term ids ([`STOP_TERM`] set for
    /// stop words).
    pub fn surfaces(&self) -> &[(Box<str>, u32)] {
        &self.surfaces
    }

    /// All terms seen, by id.
    pub fn terms(&self) -> &[Box<str>] {
        &self.terms
    }
}

/// A raw token's identity in one probe: its length and two words that,
/// with the length, determine every byte of a token of up to 16 bytes
/// (overlapping loads, no copy); longer tokens carry their first 16 bytes
/// and are compared in full against [`TokenMap`]'s arena.
#[derive(Clone, Copy)]
struct Key {
    len: u32,
    words: [u64; 2],
}

impl Key {
    #[inline]
    fn of(bytes: &[u8]) -> Key {
        let word = |at: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(w)
        };
        let half = |at: usize| {
            let mut w = [0u8; 4];
            w.copy_from_slice(&bytes[at..at + 4]);
            u64::from(u32::from_le_bytes(w))
        };
        let n = bytes.len();
        let words = match n {
            0 => [0, 0],
            1..=3 => [
                u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
                0,
            ],
            4..=7 => [half(0) | half(n - 4) << 32, 0],
            8..=16 => [word(0), word(n - 8)],
            _ => [word(0), word(8)],
        };
        Key {
            len: n as u32,
            words,
        }
    }

    #[inline]
    fn hash(&self) -> u64 {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let h = (self.words[0] ^ u64::from(self.len)).wrapping_mul(K);
        let h = (h.rotate_left(26) ^ self.words[1]).wrapping_mul(K);
        h ^ (h >> 29)
    }
}

/// One slot of [`TokenMap`]: a [`Key`] and its value, 24 bytes.
#[derive(Clone, Copy)]
struct Slot {
    words: [u64; 2],
    /// The key's length; `u32::MAX` marks an empty slot (no token is that long).
    len: u32,
    /// The value, or for a key longer than 16 bytes its index in `long`.
    value: u32,
}

const EMPTY: Slot = Slot {
    words: [0, 0],
    len: u32::MAX,
    value: 0,
};

/// A hash map from raw tokens to `u32`, specialised for the lexicon's hot
/// path (one lookup per token of every article): open addressing over
/// slots that hold the [`Key`] itself, so a token of up to 16 bytes (nearly
/// all words) is found with one memory access and no byte comparison loop.
#[derive(Clone, Default)]
struct TokenMap {
    slots: Vec<Slot>,
    entries: usize,
    /// Keys longer than 16 bytes: `(start in arena, value)`.
    long: Vec<(u32, u32)>,
    arena: Vec<u8>,
}

impl TokenMap {
    #[inline]
    fn get(&self, key: &Key, bytes: &[u8]) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = key.hash() as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.len == key.len && slot.words == key.words {
                if key.len <= 16 {
                    return Some(slot.value);
                }
                let (start, value) = self.long[slot.value as usize];
                let start = start as usize;
                if self.arena[start..start + bytes.len()] == *bytes {
                    return Some(value);
                }
            } else if slot.len == EMPTY.len {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: Key, bytes: &[u8], value: u32) {
        if (self.entries + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(1024);
            let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
            for slot in old.into_iter().filter(|s| s.len != EMPTY.len) {
                let key = Key {
                    len: slot.len,
                    words: slot.words,
                };
                Self::place(&mut self.slots, &key, slot.value);
            }
        }
        let value = if key.len <= 16 {
            value
        } else {
            self.long.push((self.arena.len() as u32, value));
            self.arena.extend_from_slice(bytes);
            self.long.len() as u32 - 1
        };
        self.entries += 1;
        Self::place(&mut self.slots, &key, value);
    }

    fn place(slots: &mut [Slot], key: &Key, value: u32) {
        let mask = slots.len() - 1;
        let mut i = key.hash() as usize & mask;
        while slots[i].len != EMPTY.len {
            i = (i + 1) & mask;
        }
        slots[i] = Slot {
            words: key.words,
            len: key.len,
            value,
        };
    }
}

/// The tantivy tokenizer of every language index: [`for_each_token`] +
/// [`Lexicon`], i.e. the reference pipeline of [`text_analyzer`](super::text_analyzer) at a
/// fraction of its cost. Emits the terms (stop words dropped).
#[derive(Clone)]
pub struct Tier0Tokenizer {
    mode: Mode,
    lexicon: Lexicon,
    spans: Vec<(usize, usize, usize, u32)>,
    token: Token,
}

impl Tier0Tokenizer {
    /// The tokenizer of `lang` for article text or queries.
    pub fn new(lang: &str, mode: Mode) -> Tier0Tokenizer {
        Tier0Tokenizer {
            mode,
            lexicon: Lexicon::new(lang),
            spans: Vec::new(),
            token: Token::default(),
        }
    }
}

/// The token stream of [`Tier0Tokenizer`].
pub struct Tier0TokenStream<'a> {
    spans: &'a [(usize, usize, usize, u32)],
    lexicon: &'a Lexicon,
    token: &'a mut Token,
    next: usize,
}

impl Tokenizer for Tier0Tokenizer {
    type TokenStream<'a> = Tier0TokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tier0TokenStream<'a> {
        self.spans.clear();
        let lexicon = &mut self.lexicon;
        let spans = &mut self.spans;
        for_each_token(text, self.mode, |from, to, position| {
            let term = lexicon.term_of_raw(&text[from..to]);
            if term != STOP {
                spans.push((from, to, position, term));
            }
        });
        Tier0TokenStream {
            spans: &self.spans,
            lexicon: &self.lexicon,
            token: &mut self.token,
            next: 0,
        }
    }
}

impl TokenStream for Tier0TokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(&(from, to, position, term)) = self.spans.get(self.next) else {
            return false;
        };
        self.next += 1;
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = position;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(self.lexicon.term(term));
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_map_tells_every_key_apart() {
        // Keys of every length up to 40, each with every variant that
        // differs from it in one byte: a byte the key leaves out of its
        // words, or a long key's tail not compared, makes two of them meet.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut keys: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=40usize {
            let base: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    b"ab"[(seed & 1) as usize]
                })
                .collect();
            for at in 0..len {
                let mut variant = base.clone();
                variant[at] = b'c';
                keys.push(variant);
            }
            keys.push(base);
        }
        let mut expected = std::collections::HashMap::new();
        let mut map = TokenMap::default();
        for (i, key) in keys.iter().enumerate().filter(|(i, _)| i % 4 != 0) {
            if !expected.contains_key(key) {
                expected.insert(key.clone(), i as u32);
                map.insert(Key::of(key), key, i as u32);
            }
        }
        assert!(map.slots.len() > 1024, "the map grew while filling");
        for key in &keys {
            assert_eq!(
                map.get(&Key::of(key), key),
                expected.get(key).copied(),
                "{:?}",
                String::from_utf8_lossy(key)
            );
        }
    }
}

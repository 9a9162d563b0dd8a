//! Text analysis: how article text and queries become index terms.
//!
//! In: a language code and a string. Out: the reference pipeline as tantivy
//! [`TextAnalyzer`]s ([`text_analyzer`]), its two token-local halves
//! ([`surface_forms`]: what a word looks like after lower-casing and accent
//! folding; [`term_for_surface`]: the index term of one such form, or `None`
//! for a stop word), and the fast path the index and the export use:
//! [`for_each_token`] with a caching [`Lexicon`], wrapped for tantivy as
//! [`Tier0Tokenizer`] (registered on each language's index as
//! [`ANALYZER_NAME`]). Tests pin that both give the same terms.
//!
//! The pipeline, for every language:
//!
//! 1. [`CodeAwareTokenizer`] splits text into words and keeps error codes and
//!    identifiers whole (rule below).
//! 2. tantivy's `LowerCaser`, then `AsciiFoldingFilter` ("Contraseña" →
//!    "contrasena").
//! 3. tantivy's `StopWordFilter` lists for `es` and `en`, minus the words
//!    support questions are made of ([`KEPT_STOP_WORDS`]: "no", "sin",
//!    "estado"...), applied to the folded form (so "esta" and "está" are
//!    both stop words; the few accented entries of the Spanish list whose
//!    folded form is not itself listed, such as "más", stay searchable).
//! 4. [`CodeAwareStemmer`], which also applies step 3 ([`StopWords`]):
//!    tantivy's Snowball `Stemmer` (Spanish / English)
//!    for tokens made of letters only; codes, numbers and mixed tokens are
//!    never stemmed. Other language codes get no stop words and no stemming.
//!
//! ## Tokenizer rule (mirrored exactly by `js/tier0-search.js`)
//!
//! * A *word character* is a Unicode alphanumeric (`char::is_alphanumeric`).
//!   A *joiner* is `_` or `-`. Everything else separates tokens.
//! * A *run* is a maximal sequence `alnum+ (joiner+ alnum+)*`; leading and
//!   trailing joiners are not part of it. Its *pieces* are its alnum parts.
//! * A run of one piece is one token ("wifi", "0x80070005", "aadsts50126").
//! * A run of several pieces is a *code* when it contains `_` or any piece
//!   contains a digit ("err_connection_reset", "kb-1042", "x86-64"): it is
//!   one token, joiners included. In [`Mode::Index`] its pieces are emitted
//!   too, at the same position, so "connection" also finds
//!   `ERR_CONNECTION_RESET`; queries ([`Mode::Query`]) only use the whole
//!   code, so `err_connection_reset` matches the code exactly.
//! * Otherwise (letters joined by `-`, e.g. "wi-fi", "e-mail") each piece is
//!   its own token.
//! * Runs longer than [`MAX_TOKEN_CHARS`] characters are dropped (hashes,
//!   base64 blobs).

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Name under which each language index registers its analyzer.
pub const ANALYZER_NAME: &str = "tier0";

/// Runs longer than this many characters are not indexed.
pub const MAX_TOKEN_CHARS: usize = 40;

/// Whether code pieces are emitted besides the whole code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Article text: whole codes plus their pieces.
    Index,
    /// Query text: whole codes only.
    Query,
}

/// `builder` followed by the language's stop words (when tantivy has a list)
/// and the code-aware stemmer: the tail of every stemming analyzer.
fn stop_and_stem(builder: TextAnalyzerBuilder, language: Language) -> TextAnalyzer {
    builder
        .filter_dynamic(CodeAwareStemmer::new(language))
        .build()
}

/// Words of tantivy's stop lists that support questions are made of, kept
/// searchable: "no conecta", "sin conexión", "estado de la cuenta", "fuera
/// de línea", "not working".
pub const KEPT_STOP_WORDS: &[&str] = &["no", "sin", "estado", "estados", "fuera", "not"];

/// tantivy's [`StopWordFilter`] for a language, minus [`KEPT_STOP_WORDS`]
/// (applied by [`CodeAwareStemmer`]).
#[derive(Clone)]
pub struct StopWords {
    /// The word alone through tantivy's filter: no token out means a stop word.
    probe: Option<TextAnalyzer>,
}

impl StopWords {
    /// The stop words of `language` (none when tantivy has no list).
    pub fn new(language: Language) -> StopWords {
        StopWords {
            probe: StopWordFilter::new(language).map(|stop| {
                TextAnalyzer::builder(RawTokenizer::default())
                    .filter(stop)
                    .build()
            }),
        }
    }

    /// Whether the (lower-cased, folded) `word` is a stop word.
    pub fn is_stop(&mut self, word: &str) -> bool {
        match &mut self.probe {
            Some(probe) if !KEPT_STOP_WORDS.contains(&word) => {
                probe.token_stream(word).next().is_none()
            }
            _ => false,
        }
    }
}

/// The Snowball stemmer (and stop word list) used for a language code, if any.
pub fn stemmer_language(lang: &str) -> Option<Language> {
    match lang {
        "es" => Some(Language::Spanish),
        "en" => Some(Language::English),
        _ => None,
    }
}

/// The full analysis pipeline of `lang` (see the module docs).
pub fn text_analyzer(lang: &str, mode: Mode) -> TextAnalyzer {
    let base = TextAnalyzer::builder(CodeAwareTokenizer::new(mode))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter);
    match stemmer_language(lang) {
        Some(language) => stop_and_stem(base.dynamic(), language),
        None => base.build(),
    }
}

/// Terms of `text` as [`text_analyzer`] produces them, in order.
pub fn analyze(lang: &str, mode: Mode, text: &str) -> Vec<String> {
    let mut analyzer = text_analyzer(lang, mode);
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// Lower-cased, accent-folded word forms of `text` (steps 1–2 of the
/// pipeline), before stop words and stemming.
pub fn surface_forms(mode: Mode, text: &str) -> Vec<String> {
    let mut analyzer = TextAnalyzer::builder(CodeAwareTokenizer::new(mode))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// Maps surface forms to index terms (steps 3–4 of the pipeline).
///
/// Every filter after folding is token-local, so
/// `surface_forms(t).filter_map(term_for_surface) == analyze(t)`; the unit
/// tests pin that.
#[derive(Clone)]
pub struct SurfaceToTerm {
    tail: Option<TextAnalyzer>,
}

impl SurfaceToTerm {
    /// The mapping for `lang`.
    pub fn new(lang: &str) -> SurfaceToTerm {
        let tail = stemmer_language(lang).map(|language| {
            stop_and_stem(
                TextAnalyzer::builder(RawTokenizer::default()).dynamic(),
                language,
            )
        });
        SurfaceToTerm { tail }
    }

    /// The term of one surface form, `None` when it is a stop word.
    pub fn term(&mut self, surface: &str) -> Option<String> {
        match &mut self.tail {
            None => Some(surface.to_string()),
            Some(analyzer) => {
                let mut stream = analyzer.token_stream(surface);
                stream.next().map(|token| token.text.clone())
            }
        }
    }
}

/// Convenience wrapper around [`SurfaceToTerm`] for a single form.
pub fn term_for_surface(lang: &str, surface: &str) -> Option<String> {
    SurfaceToTerm::new(lang).term(surface)
}

/// True for tokens the stemmer may touch: letters only.
pub fn is_stemmable(token: &str) -> bool {
    token.chars().all(char::is_alphabetic)
}

fn is_joiner(c: char) -> bool {
    c == '_' || c == '-'
}

/// Splits text into tokens following the rule in the module docs.
#[derive(Clone, Debug)]
pub struct CodeAwareTokenizer {
    mode: Mode,
    tokens: Vec<Token>,
}

impl CodeAwareTokenizer {
    /// A tokenizer for article text ([`Mode::Index`]) or queries ([`Mode::Query`]).
    pub fn new(mode: Mode) -> CodeAwareTokenizer {
        CodeAwareTokenizer {
            mode,
            tokens: Vec::new(),
        }
    }
}

/// A run of `text`: its byte range and the byte ranges of its pieces.
struct Run {
    from: usize,
    to: usize,
    pieces: Vec<(usize, usize)>,
}

/// The runs of `text`, in order.
fn runs(text: &str) -> Vec<Run> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(o, _)| *o);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut pieces = Vec::new();
        let mut piece_start = i;
        let mut j = i;
        loop {
            while j < chars.len() && chars[j].1.is_alphanumeric() {
                j += 1;
            }
            pieces.push((chars[piece_start].0, end_of(j)));
            // Joiners continue the run only when an alphanumeric follows them.
            let mut k = j;
            while k < chars.len() && is_joiner(chars[k].1) {
                k += 1;
            }
            if k > j && k < chars.len() && chars[k].1.is_alphanumeric() {
                piece_start = k;
                j = k;
            } else {
                break;
            }
        }
        out.push(Run {
            from: chars[i].0,
            to: end_of(j),
            pieces,
        });
        i = j;
    }
    out
}

fn push_token(tokens: &mut Vec<Token>, text: &str, from: usize, to: usize, position: usize) {
    tokens.push(Token {
        offset_from: from,
        offset_to: to,
        position,
        text: text[from..to].to_string(),
        position_length: 1,
    });
}

/// Tokens of `text` under the tokenizer rule, before any filter.
pub fn tokenize(text: &str, mode: Mode) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut position = 0;
    for Run { from, to, pieces } in runs(text) {
        if text[from..to].chars().count() > MAX_TOKEN_CHARS {
            continue;
        }
        if pieces.len() == 1 {
            push_token(&mut tokens, text, from, to, position);
            position += 1;
            continue;
        }
        let has_underscore = text[from..to].contains('_');
        let has_digit = pieces
            .iter()
            .any(|&(a, b)| text[a..b].chars().any(|c| c.is_numeric()));
        if has_underscore || has_digit {
            push_token(&mut tokens, text, from, to, position);
            if mode == Mode::Index {
                for &(a, b) in &pieces {
                    push_token(&mut tokens, text, a, b, position);
                }
            }
            position += 1;
        } else {
            for &(a, b) in &pieces {
                push_token(&mut tokens, text, a, b, position);
                position += 1;
            }
        }
    }
    tokens
}

/// Token stream over tokens computed up front.
pub struct PrecomputedTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for CodeAwareTokenizer {
    type TokenStream<'a> = PrecomputedTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PrecomputedTokenStream<'a> {
        self.tokens = tokenize(text, self.mode);
        PrecomputedTokenStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

impl TokenStream for PrecomputedTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    // Only called after `advance()` returned true (the TokenStream contract),
    // so `next - 1` is a valid index.
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// Drops the [`StopWords`] of a language, then applies tantivy's Snowball
/// [`Stemmer`] to the tokens made only of letters.
#[derive(Clone)]
pub struct CodeAwareStemmer {
    language: Language,
}

impl CodeAwareStemmer {
    /// A stemmer filter for `language`.
    pub fn new(language: Language) -> CodeAwareStemmer {
        CodeAwareStemmer { language }
    }
}

impl TokenFilter for CodeAwareStemmer {
    type Tokenizer<T: Tokenizer> = CodeAwareStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CodeAwareStemmerFilter<T> {
        CodeAwareStemmerFilter {
            inner: tokenizer,
            stop: StopWords::new(self.language),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(self.language))
                .build(),
        }
    }
}

/// The tokenizer produced by [`CodeAwareStemmer`].
#[derive(Clone)]
pub struct CodeAwareStemmerFilter<T> {
    inner: T,
    stop: StopWords,
    stemmer: TextAnalyzer,
}

impl<T: Tokenizer> Tokenizer for CodeAwareStemmerFilter<T> {
    type TokenStream<'a> = CodeAwareStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CodeAwareStemmerStream {
            tail: self.inner.token_stream(text),
            stop: &mut self.stop,
            stemmer: &mut self.stemmer,
            token: Token::default(),
        }
    }
}

/// The token stream of [`CodeAwareStemmerFilter`].
pub struct CodeAwareStemmerStream<'a, S> {
    tail: S,
    stop: &'a mut StopWords,
    stemmer: &'a mut TextAnalyzer,
    token: Token,
}

impl<S: TokenStream> TokenStream for CodeAwareStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        loop {
            if !self.tail.advance() {
                return false;
            }
            if !self.stop.is_stop(&self.tail.token().text) {
                break;
            }
        }
        self.token.clone_from(self.tail.token());
        if is_stemmable(&self.token.text) {
            let mut stream = self.stemmer.token_stream(&self.token.text);
            if let Some(stemmed) = stream.next() {
                let stemmed = stemmed.text.clone();
                drop(stream);
                self.token.text = stemmed;
            }
        }
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

// ---------------------------------------------------------------------------
// The fast path: the same pipeline, one pass, cached per raw token.
//
// Everything after tokenization is token-local, so the term of a raw token
// (as cut by the tokenizer) never changes: [`Lexicon`] computes it once with
// the reference filters above and remembers it. [`for_each_token`] is the
// tokenizer rule without allocations. Tests pin both against the reference.

/// Calls `f(from, to, position)` for every token of `text` (byte offsets),
/// exactly as [`tokenize`] cuts them.
///
/// Words are scanned eight bytes at a time while they are ASCII letters
/// or digits, the most of every word (see [`ascii_alphanumeric_prefix`]);
/// non-ASCII characters are decoded one at a time. With a branch on every
/// byte, tokenizing the text took twice as long.
pub fn for_each_token(text: &str, mode: Mode, mut f: impl FnMut(usize, usize, usize)) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut position = 0;
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < len {
        let (alnum, w) = char_class(text, i);
        if !alnum {
            i += w;
            continue;
        }
        // Fast path: a word that does not continue with a joiner is a run
        // of one piece.
        let mut chars = 1;
        let mut j = word_end(text, i + w, &mut chars);
        if j == len || (bytes[j] != b'_' && bytes[j] != b'-') {
            if chars <= MAX_TOKEN_CHARS {
                f(i, j, position);
                position += 1;
            }
            i = j;
            continue;
        }
        // A joiner follows: the first piece is `i..j`; gather the others.
        pieces.clear();
        let from = i;
        let mut piece_start = i;
        let mut underscore = false;
        loop {
            j = word_end(text, j, &mut chars);
            pieces.push((piece_start, j));
            let mut k = j;
            let mut joiners = 0;
            while k < len && (bytes[k] == b'_' || bytes[k] == b'-') {
                k += 1;
                joiners += 1;
            }
            if k > j && k < len && char_class(text, k).0 {
                underscore |= bytes[j..k].contains(&b'_');
                chars += joiners;
                piece_start = k;
                j = k;
            } else {
                break;
            }
        }
        let to = j;
        i = j;
        if chars > MAX_TOKEN_CHARS {
            continue;
        }
        if pieces.len() == 1 {
            f(from, to, position);
            position += 1;
            continue;
        }
        let has_digit = underscore
            || pieces.iter().any(|&(a, b)| {
                let s = &text[a..b];
                s.bytes().any(|c| c.is_ascii_digit())
                    || (!s.is_ascii() && s.chars().any(char::is_numeric))
            });
        if has_digit {
            f(from, to, position);
            if mode == Mode::Index {
                for &(a, b) in &pieces {
                    f(a, b, position);
                }
            }
            position += 1;
        } else {
            for &(a, b) in &pieces {
                f(a, b, position);
                position += 1;
            }
        }
    }
}

/// Whether the character at byte `i` of `text` is alphanumeric, and its length.
#[inline(always)]
fn char_class(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        non_ascii_class(text, i)
    }
}

/// [`char_class`] of a non-ASCII character.
#[inline]
fn non_ascii_class(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    // U+00C0–U+00FF (Spanish `á`, `ñ`…) are letters but `×` and `÷`.
    if bytes[i] == 0xC3
        && let Some(&next) = bytes.get(i + 1)
    {
        return (next != 0x97 && next != 0xB7, 2);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (is_alphanumeric(c), c.len_utf8())
}

/// Where the alphanumeric characters from byte `j` of `text` end; adds
/// their number to `chars`.
#[inline(always)]
fn word_end(text: &str, mut j: usize, chars: &mut usize) -> usize {
    let bytes = text.as_bytes();
    let start = j;
    // Bytes of the run that do not start a character.
    let mut continuation = 0;
    while j < bytes.len() {
        if let Some(chunk) = bytes[j..].first_chunk::<8>() {
            let n = ascii_alphanumeric_prefix(u64::from_le_bytes(*chunk));
            j += n;
            if n == 8 {
                continue;
            }
        }
        if j == bytes.len() {
            break;
        }
        let (alnum, w) = char_class(text, j);
        if !alnum {
            break;
        }
        continuation += w - 1;
        j += w;
    }
    *chars += j - start - continuation;
    j
}

/// How many of the eight bytes of `x`, first byte first (little-endian),
/// are ASCII letters or digits before the first that is not; tested all
/// at once, in the high bit of each byte.
#[inline(always)]
fn ascii_alphanumeric_prefix(x: u64) -> usize {
    const EACH: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * EACH;
    // Seven bits per byte: the sums below never carry into the next byte.
    let t = x & !HIGH;
    let at_least = |low: u64| t.wrapping_add((0x80 - low) * EACH);
    let digit = at_least(b'0' as u64) & !at_least(b'9' as u64 + 1);
    let lower = t | (0x20 * EACH);
    let from_a = lower.wrapping_add((0x80 - b'a' as u64) * EACH);
    let past_z = lower.wrapping_add((0x80 - b'z' as u64 - 1) * EACH);
    let alnum = (digit | (from_a & !past_z)) & !x & HIGH;
    ((!alnum & HIGH).trailing_zeros() / 8) as usize
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for Latin-1
/// (Spanish `¿`, `¡`, `º`) and the Latin letters of most European
/// languages (U+00C0–U+024F: every one a letter except `×` and `÷`).
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{80}'..='\u{bf}' => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾'),
        '\u{c0}'..='\u{24f}' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// No term: the surface is a stop word.
pub const STOP: u32 = u32::MAX;

/// The analysis of one language after tokenization, cached: raw token →
/// surface form (lower-cased, folded) → term (stop words and stemming).
/// Ids are local to one `Lexicon` and dense from 0.
#[derive(Clone)]
pub struct Lexicon {
    fold: TextAnalyzer,
    to_term: SurfaceToTerm,
    raw: TokenMap,
    surface_ids: rustc_hash::FxHashMap<Box<str>, u32>,
    /// Surface forms with their term id ([`STOP`] for stop words).
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
        let surface = {
            let mut stream = self.fold.token_stream(raw);
            stream.next().map(|t| t.text.clone()).unwrap_or_default()
        };
        if let Some(&id) = self.surface_ids.get(surface.as_str()) {
            return self.surfaces[id as usize].1;
        }
        let term_id = match self.to_term.term(&surface) {
            None => STOP,
            Some(term) => match self.term_ids.get(term.as_str()) {
                Some(&t) => t,
                None => {
                    let t = self.terms.len() as u32;
                    self.terms.push(term.as_str().into());
                    self.term_ids.insert(term.into(), t);
                    t
                }
            },
        };
        let id = self.surfaces.len() as u32;
        self.surfaces.push((surface.as_str().into(), term_id));
        self.surface_ids.insert(surface.into(), id);
        term_id
    }

    /// Text of a term id.
    pub fn term(&self, term: u32) -> &str {
        &self.terms[term as usize]
    }

    /// All surface forms seen, with their term ids.
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
/// [`Lexicon`], i.e. the reference pipeline of [`text_analyzer`] at a
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

    fn q(lang: &str, text: &str) -> Vec<String> {
        analyze(lang, Mode::Query, text)
    }

    fn i(lang: &str, text: &str) -> Vec<String> {
        analyze(lang, Mode::Index, text)
    }

    #[test]
    fn spanish_plural_and_singular_share_a_stem() {
        assert_eq!(q("es", "contraseñas"), q("es", "contraseña"));
        assert_eq!(q("es", "Contraseña"), q("es", "contrasena"));
        assert_eq!(q("es", "impresoras"), q("es", "impresora"));
        assert_eq!(q("es", "conexión"), q("es", "conexiones"));
    }

    #[test]
    fn spanish_stemming_is_snowball_not_prefix_cutting() {
        // Values from the Snowball Spanish algorithm on folded input.
        assert_eq!(q("es", "contraseñas"), vec!["contrasen"]);
        assert_eq!(q("es", "conectando"), q("es", "conectar"));
        assert_eq!(q("es", "redes"), vec!["red"]);
    }

    #[test]
    fn english_stemming() {
        assert_eq!(q("en", "passwords"), q("en", "password"));
        assert_eq!(q("en", "connecting"), vec!["connect"]);
        assert_eq!(q("en", "Printers"), q("en", "printer"));
        assert_eq!(q("en", "resetting"), q("en", "reset"));
    }

    #[test]
    fn stop_words_are_dropped_in_both_forms() {
        assert_eq!(
            q("es", "cómo cambio la contraseña"),
            q("es", "cambio contraseña")
        );
        assert_eq!(q("es", "esta"), Vec::<String>::new());
        assert_eq!(q("es", "está"), Vec::<String>::new());
        assert_eq!(
            q("en", "the printer is offline"),
            q("en", "printer offline")
        );
        // The words support questions are made of are kept.
        assert_eq!(q("es", "no imprime sin conexión").len(), 4);
        assert_eq!(q("es", "estado de la cuenta").len(), 2);
        assert_eq!(q("en", "not working").len(), 2);
    }

    #[test]
    fn codes_stay_whole_and_unstemmed() {
        for (text, expected) in [
            ("0x80070005", "0x80070005"),
            ("E_ACCESSDENIED", "e_accessdenied"),
            ("ERR_CONNECTION_RESET", "err_connection_reset"),
            ("DNS_PROBE_FINISHED_NXDOMAIN", "dns_probe_finished_nxdomain"),
            ("KB-1042", "kb-1042"),
            ("AADSTS50126", "aadsts50126"),
        ] {
            assert_eq!(q("en", text), vec![expected], "en {text}");
            assert_eq!(q("es", text), vec![expected], "es {text}");
            assert_eq!(q("xx", text), vec![expected], "xx {text}");
        }
    }

    #[test]
    fn codes_inside_sentences() {
        assert_eq!(
            q("en", "Error 0x80070005 (E_ACCESSDENIED) when saving."),
            vec!["error", "0x80070005", "e_accessdenied", "when", "save"]
        );
        assert_eq!(
            q("es", "Chrome muestra ERR_CONNECTION_RESET: ver KB-1042."),
            vec!["chrom", "muestr", "err_connection_reset", "ver", "kb-1042"]
        );
    }

    #[test]
    fn index_mode_adds_code_pieces() {
        assert_eq!(
            i("en", "ERR_CONNECTION_RESET"),
            vec!["err_connection_reset", "err", "connect", "reset"]
        );
        assert_eq!(i("en", "KB-1042"), vec!["kb-1042", "kb", "1042"]);
        let tokens = tokenize("see ERR_CONNECTION_RESET now", Mode::Index);
        assert!(tokens[1..5].iter().all(|t| t.position == 1));
        assert_eq!(tokens[5].position, 2);
    }

    #[test]
    fn hyphenated_words_split_and_joiners_trimmed() {
        assert_eq!(q("en", "wi-fi e-mail"), vec!["wi", "fi", "e", "mail"]);
        assert_eq!(q("xx", "--foo__ _bar"), vec!["foo", "bar"]);
        assert_eq!(q("xx", "a--b"), vec!["a", "b"]);
        assert_eq!(q("xx", "x86-64"), vec!["x86-64"]);
    }

    #[test]
    fn long_runs_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(q("xx", &format!("ok {long} fine")), vec!["ok", "fine"]);
    }

    #[test]
    fn other_languages_fold_but_do_not_stem() {
        assert_eq!(q("fr", "Réseaux Éteints"), vec!["reseaux", "eteints"]);
    }

    #[test]
    fn surface_then_term_equals_full_pipeline() {
        let text = "No puedo conectar a la Wi-Fi: error 0x80070005, ERR_CONNECTION_RESET y contraseñas caducadas. Está bien?";
        for lang in ["es", "en", "xx"] {
            let mut map = SurfaceToTerm::new(lang);
            let composed: Vec<String> = surface_forms(Mode::Index, text)
                .iter()
                .filter_map(|s| map.term(s))
                .collect();
            assert_eq!(composed, i(lang, text), "{lang}");
        }
    }

    fn fast(lang: &str, mode: Mode, text: &str) -> Vec<String> {
        let mut tokenizer = Tier0Tokenizer::new(lang, mode);
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn the_fast_path_equals_the_reference_pipeline() {
        let latin: String = ('\u{c0}'..='\u{24f}').map(|c| format!("a{c}b ")).collect();
        let samples = [
            "No puedo conectar a la Wi-Fi: error 0x80070005, ERR_CONNECTION_RESET y contraseñas caducadas. Está bien?",
            "Contraseña CADUCADA: ¿Cómo la cambio?",
            "Error 0x80070005 (E_ACCESSDENIED) y ERR_CONNECTION_RESET.",
            "DNS_PROBE_FINISHED_NXDOMAIN, KB-1042, AADSTS50126, x86-64, wi-fi, --foo__ a--b _a_ -b- c_-d ²-x ⑤-y",
            "Ærøskøbing straße œuvre ŁÓDŹ ĳssel Ŀlíbre ſ İstanbul ΣΊΣΥΦΟΣ",
            "Привет мир Ελληνικά 日本語テキスト 한국어 ١٢٣-abc",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa long dropped, a_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, a-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-c",
            "ab-cd-ef-gh-ij-kl-mn-op-qr-st-uv-wx-yz-12 xyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyzxyz-12",
            &latin,
        ];
        for lang in ["es", "en", "xx"] {
            for mode in [Mode::Index, Mode::Query] {
                for text in samples {
                    assert_eq!(
                        fast(lang, mode, text),
                        analyze(lang, mode, text),
                        "{lang} {mode:?} {text}"
                    );
                    let mut spans = Vec::new();
                    for_each_token(text, mode, |a, b, p| spans.push((a, b, p)));
                    let reference: Vec<_> = tokenize(text, mode)
                        .into_iter()
                        .map(|t| (t.offset_from, t.offset_to, t.position))
                        .collect();
                    assert_eq!(spans, reference, "{mode:?} {text}");
                }
            }
        }
    }

    #[test]
    fn eight_bytes_at_once_agree_with_one_at_a_time() {
        let one_at_a_time = |bytes: [u8; 8]| {
            bytes
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        };
        for filler in [b'a', b'z', b'A', b'Z', b'0', b'9'] {
            for b in 0..=255u8 {
                for at in 0..8 {
                    let mut bytes = [filler; 8];
                    bytes[at] = b;
                    assert_eq!(
                        ascii_alphanumeric_prefix(u64::from_le_bytes(bytes)),
                        one_at_a_time(bytes),
                        "{bytes:?}"
                    );
                }
            }
        }
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let bytes = seed.to_le_bytes();
            assert_eq!(
                ascii_alphanumeric_prefix(seed),
                one_at_a_time(bytes),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn the_latin_shortcut_agrees_with_unicode() {
        for c in '\u{0}'..='\u{2ff}' {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            let text = format!("{c}x");
            assert_eq!(
                char_class(&text, 0),
                (c.is_alphanumeric(), c.len_utf8()),
                "{c:?}"
            );
        }
    }

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

    #[test]
    fn the_fast_tokenizer_equals_the_reference_on_random_text() {
        let alphabet: Vec<char> = "aZ09_-- .,:é ñÑ²①ǅ日-_ab\u{300}x/@[`{×÷zA9"
            .chars()
            .collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for round in 0..3000 {
            let len = (round % 60) + 1;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let text = if round % 7 == 0 {
                text.repeat(3).replace(' ', "")
            } else {
                text
            };
            for mode in [Mode::Index, Mode::Query] {
                let mut spans = Vec::new();
                for_each_token(&text, mode, |a, b, p| spans.push((a, b, p)));
                let reference: Vec<_> = tokenize(&text, mode)
                    .into_iter()
                    .map(|t| (t.offset_from, t.offset_to, t.position))
                    .collect();
                assert_eq!(spans, reference, "{mode:?} {text:?}");
                assert_eq!(
                    fast("es", mode, &text),
                    analyze("es", mode, &text),
                    "{text:?}"
                );
            }
        }
    }
}

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
//!   its own token; in [`Mode::Index`] the word written whole ("wifi",
//!   "email") comes first, at the first piece's position, so a reader who
//!   types `wifi` finds "Wi-Fi" (the pieces written together: [`joined`]).
//! * Runs longer than [`MAX_TOKEN_CHARS`] characters are no token (hashes,
//!   base64 blobs); the pieces of such a run that are not longer are
//!   tokens each, in both modes, as words are
//!   (`no-interactive-element-to-noninteractive-role`, an ESLint rule's
//!   name, is found by its words).
//! * Chinese, Japanese and Korean letters ([`is_cjk`]) are not part of
//!   runs: a run of them, written without spaces between its words, gives
//!   each pair of letters that follow one another as a token (`数据库` →
//!   `数据`, `据库`), or its letter alone when it has one, so that a word
//!   inside a sentence is found (the bigrams of Lucene's CJK analyzer);
//!   its length is not limited.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, StopWordFilter, TextAnalyzer,
    TextAnalyzerBuilder,
};

mod lexicon;
mod question;
mod scan;
mod stemmer;
#[cfg(test)]
mod tests;
mod tokenizer;

pub use lexicon::{Lexicon, STOP, STOP_TERM, Tier0TokenStream, Tier0Tokenizer};
pub use question::{phrasing_words, question_words};
pub use scan::for_each_token;
pub use stemmer::{CodeAwareStemmer, CodeAwareStemmerFilter, CodeAwareStemmerStream};
pub use tokenizer::{CodeAwareTokenizer, PrecomputedTokenStream, is_cjk, tokenize};

/// `text` as both engines read it: without the invisible characters that
/// may sit inside a word ([`is_invisible`]: a soft hyphen or a zero-width
/// space pasted from a PDF or a web page cut the word in two), and in
/// Unicode's composed form (NFC): an accent typed, pasted or written as a
/// combining mark (`contrasen\u{303}a`, as macOS writes file names) is the
/// letter it goes on (`contraseña`), not a separator that cuts the word in
/// two. Articles are read so when they are indexed, and both engines read
/// the query so before anything else.
pub fn canonical(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if text.is_ascii() {
        return text.into();
    }
    let visible: std::borrow::Cow<'_, str> = if text.contains(is_invisible) {
        text.replace(is_invisible, "").into()
    } else {
        text.into()
    };
    match is_nfc_quick(visible.chars()) {
        IsNormalized::Yes => visible,
        _ => visible.nfc().collect::<String>().into(),
    }
}

/// Whether `c` is an invisible format character that text carries inside
/// words: the soft hyphen, the zero-width space, non-joiner and joiner,
/// the direction marks, embeddings, overrides and isolates, the word
/// joiner and invisible operators, the Arabic letter mark, the Mongolian
/// vowel separator and the byte order mark (Unicode's default-ignorable
/// format characters, which search engines such as ICU's case folding
/// drop). Both engines drop them from what they read.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// The token of a raw span the fast tokenizer cut: the span itself, but for
/// the whole of a hyphenated word that is not a code (`Wi-Fi`, `e-mail`),
/// which is its pieces written together (`WiFi`, `email`), as
/// [`tokenize`] gives it. Only such a span holds `-` without `_` or a digit.
pub fn joined(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('-') && !raw.contains('_') && !raw.chars().any(char::is_numeric) {
        raw.replace('-', "").into()
    } else {
        raw.into()
    }
}

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
    written_forms(mode, text)
        .into_iter()
        .map(|(surface, _)| surface)
        .collect()
}

/// The word forms of `text` as [`surface_forms`] gives them, each with the
/// part of `text` it was read from (`("contrasena", "Contraseña")`).
pub fn written_forms(mode: Mode, text: &str) -> Vec<(String, &str)> {
    let mut analyzer = TextAnalyzer::builder(CodeAwareTokenizer::new(mode))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        let written = text.get(token.offset_from..token.offset_to).unwrap_or("");
        out.push((token.text.clone(), written));
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

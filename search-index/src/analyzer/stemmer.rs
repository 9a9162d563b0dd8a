//! Steps 3 and 4 of the pipeline as a tantivy filter: stop words, then
//! Snowball stemming of the tokens made only of letters.

use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

use super::{StopWords, is_stemmable};

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

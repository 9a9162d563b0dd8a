//! The reference tokenizer: the rule of the module docs, written plainly
//! ([`tokenize`]), and as a tantivy [`Tokenizer`] ([`CodeAwareTokenizer`]).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::{MAX_TOKEN_CHARS, Mode};

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
            if mode == Mode::Index {
                tokens.push(Token {
                    offset_from: from,
                    offset_to: to,
                    position,
                    text: pieces.iter().map(|&(a, b)| &text[a..b]).collect(),
                    position_length: 1,
                });
            }
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

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

/// Whether `c` is a letter of Chinese, Japanese or Korean: scripts written
/// without spaces between words (Korean's particles cling to its words),
/// which are indexed as the pairs of letters that follow one another
/// ([`tokenize`]).
pub fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x11FF
            | 0x3040..=0x30FF
            | 0x3130..=0x318F
            | 0x31F0..=0x31FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF
            | 0xFF66..=0xFF9F
            | 0x20000..=0x2FA1F
    ) && c.is_alphanumeric()
}

/// The byte ranges of the runs of [`is_cjk`] letters of `text`, and of the
/// text between them, each with whether it is such a run.
fn segments(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    for (at, c) in text.char_indices() {
        let cjk = is_cjk(c);
        match out.last_mut() {
            Some(last) if last.2 == cjk => last.1 = at + c.len_utf8(),
            _ => out.push((at, at + c.len_utf8(), cjk)),
        }
    }
    out
}

/// Calls `f(from, to)` for each token of the run of [`is_cjk`] letters at
/// `from..to` of `text`: each pair of letters that follow one another, or
/// the letter of a run of one.
pub(super) fn cjk_pairs(text: &str, from: usize, to: usize, mut f: impl FnMut(usize, usize)) {
    let mut letters = text[from..to]
        .char_indices()
        .map(|(at, _)| from + at)
        .peekable();
    let Some(mut start) = letters.next() else {
        return;
    };
    let Some(mut next) = letters.next() else {
        return f(from, to);
    };
    loop {
        let end = letters.peek().copied().unwrap_or(to);
        f(start, end);
        if end == to {
            return;
        }
        start = next;
        next = end;
        letters.next();
    }
}

/// The runs of `text` at `from..to`, which holds no [`is_cjk`] letter, in
/// order.
fn runs(text: &str, from: usize, to: usize) -> Vec<Run> {
    let chars: Vec<(usize, char)> = text[from..to]
        .char_indices()
        .map(|(at, c)| (from + at, c))
        .collect();
    let end_of = |i: usize| chars.get(i).map_or(to, |(o, _)| *o);
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
    for (from, to, cjk) in segments(text) {
        if cjk {
            cjk_pairs(text, from, to, |a, b| {
                push_token(&mut tokens, text, a, b, position);
                position += 1;
            });
        } else {
            tokenize_runs(text, from, to, mode, &mut tokens, &mut position);
        }
    }
    tokens
}

/// The tokens of the runs of `text` at `from..to` ([`runs`]), from
/// `position` on.
fn tokenize_runs(
    text: &str,
    from: usize,
    to: usize,
    mode: Mode,
    tokens: &mut Vec<Token>,
    position: &mut usize,
) {
    for Run { from, to, pieces } in runs(text, from, to) {
        if text[from..to].chars().count() > MAX_TOKEN_CHARS {
            // Too long to be one token, its pieces are words
            // (`no-interactive-element-to-noninteractive-role`).
            for &(a, b) in &pieces {
                if text[a..b].chars().count() <= MAX_TOKEN_CHARS {
                    push_token(tokens, text, a, b, *position);
                    *position += 1;
                }
            }
            continue;
        }
        if pieces.len() == 1 {
            push_token(tokens, text, from, to, *position);
            *position += 1;
            continue;
        }
        let has_underscore = text[from..to].contains('_');
        let has_digit = pieces
            .iter()
            .any(|&(a, b)| text[a..b].chars().any(|c| c.is_numeric()));
        if has_underscore || has_digit {
            push_token(tokens, text, from, to, *position);
            if mode == Mode::Index {
                for &(a, b) in &pieces {
                    push_token(tokens, text, a, b, *position);
                }
            }
            *position += 1;
        } else {
            if mode == Mode::Index {
                tokens.push(Token {
                    offset_from: from,
                    offset_to: to,
                    position: *position,
                    text: pieces.iter().map(|&(a, b)| &text[a..b]).collect(),
                    position_length: 1,
                });
            }
            for &(a, b) in &pieces {
                push_token(tokens, text, a, b, *position);
                *position += 1;
            }
        }
    }
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

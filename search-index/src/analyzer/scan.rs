//! The fast path's tokenizer: the rule of the module docs without
//! allocations ([`for_each_token`]).
//!
//! Everything after tokenization is token-local, so the term of a raw
//! token (as cut by the tokenizer) never changes: [`Lexicon`] computes it
//! once with the reference filters and remembers it. Tests pin both
//! against the reference.
//!
//! [`Lexicon`]: super::Lexicon

use super::tokenizer::{cjk_pairs, is_cjk};
use super::{MAX_TOKEN_CHARS, Mode};

/// Calls `f(from, to, position)` for every token of `text` (byte offsets),
/// exactly as [`tokenize`](super::tokenize) cuts them; for the word a
/// hyphenated run makes whole, the run itself (`Wi-Fi`), whose token is
/// [`joined`](super::joined).
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
        // Every letter `is_cjk` takes is U+1100 or above: three or four
        // bytes, led by 0xE1 or more.
        if bytes[i] >= 0xE1 && starts_cjk(text, i) {
            let to = cjk_end(text, i);
            cjk_pairs(text, i, to, |a, b| {
                f(a, b, position);
                position += 1;
            });
            i = to;
            continue;
        }
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
            // Too long to be one token, its pieces are words
            // (`no-interactive-element-to-noninteractive-role`).
            for &(a, b) in &pieces {
                if text[a..b].chars().count() <= MAX_TOKEN_CHARS {
                    f(a, b, position);
                    position += 1;
                }
            }
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
            if mode == Mode::Index {
                // The word written whole (`Wi-Fi` → `wifi`): the lexicon
                // drops the hyphens of such a run (`super::joined`).
                f(from, to, position);
            }
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
    // A Chinese, Japanese or Korean letter ends a run: its letters are
    // tokens of their own (`cjk_pairs`).
    (is_alphanumeric(c) && !is_cjk(c), c.len_utf8())
}

/// Whether the character at byte `i` of `text` is an [`is_cjk`] letter.
#[inline]
fn starts_cjk(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(is_cjk)
}

/// Where the run of [`is_cjk`] letters from byte `i` of `text` ends.
fn cjk_end(text: &str, i: usize) -> usize {
    text[i..]
        .char_indices()
        .find(|&(_, c)| !is_cjk(c))
        .map_or(text.len(), |(at, _)| i + at)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

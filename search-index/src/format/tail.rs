//! The encoding of a postings tail (`t/<i>.js`, FORMAT.md "Tails").
//!
//! In: the postings after a term's head. Out: the numbers `L, L level
//! deltas, N, N × (doc gap × 2 + title)` as text ([`super::numbers`]),
//! documents ascending, then `N` level letters, one per posting. A tail
//! with at most [`TAIL_LEVELS`] distinct scores keeps them all, bit-exact;
//! a larger one keeps that many of its own scores as levels, log-spaced
//! from its best to its worst, and each posting carries the highest level
//! that does not exceed its score.
//!
//! Why: in posting order (by score) a document number costs two to three
//! bytes whatever the density; in document order the gaps of a common word
//! are ones and twos, and a level letter compresses to a few bits, so the
//! tails of common words, which multi-word queries read, shrink about four
//! times. Rounding down keeps every score under the bounds the head gives
//! the engine (the last head score, `top`), so an unread tail is still
//! bounded by what the head says.
//!
//! Level letters (format 8): the worst level is the first of [`LETTERS`],
//! the next one up the second, and so on: most postings of a common word
//! have its lowest scores, so they take the 92 one-byte letters, each one
//! byte gzip codes by how often it occurs (a level byte in base64 spread
//! over two letters and cost the common words' tails a fifth more).

use super::numbers::{NONE, positions};
use super::{Posting, put_number, read_number};

/// Most score levels a tail keeps (one letter per posting).
pub const TAIL_LEVELS: usize = 256;

/// Appends the encoding of `postings` (any order, distinct documents,
/// scores at most `top`'s) to `out`.
pub fn encode_tail_into(out: &mut Vec<u8>, postings: &[Posting], top: u32) {
    let mut sorted: Vec<Posting> = postings.to_vec();
    sorted.sort_unstable_by_key(|p| p.doc);
    let levels = levels(postings);
    out.reserve(levels.len() * 5 + postings.len() * 3 + 8);
    put_number(out, levels.len() as u32);
    let mut prev = top;
    for &bits in &levels {
        put_number(out, prev.saturating_sub(bits));
        prev = bits;
    }
    put_number(out, sorted.len() as u32);
    let mut next = 0;
    for p in &sorted {
        put_number(out, (p.doc - next) * 2 + u32::from(p.title));
        next = p.doc + 1;
    }
    let mut letter = [0u8; 4];
    for p in &sorted {
        let bits = p.score.to_bits();
        // Levels descend; the first one at or under the score.
        let level = levels.partition_point(|&l| l > bits).min(levels.len() - 1);
        let c = letter_of(levels.len() - 1 - level);
        out.extend_from_slice(c.encode_utf8(&mut letter).as_bytes());
    }
}

/// The letters of the levels from the worst up, as far as one byte goes:
/// `!` to `~` without `"` and `\\` (nothing to escape in JSON). Levels
/// above them take the characters from [`TWO_BYTE_LETTERS`] on.
const LETTERS: [u8; 92] = {
    let mut letters = [0u8; 92];
    let (mut c, mut i) = (b'!', 0);
    while i < letters.len() {
        if c != b'"' && c != b'\\' {
            letters[i] = c;
            i += 1;
        }
        c += 1;
    }
    letters
};

/// The first letter of the levels past [`LETTERS`]: U+00A1, two bytes in
/// UTF-8 (no control character or space among them).
const TWO_BYTE_LETTERS: u32 = 0xA1;

/// The letter of the level `rank` places above the worst.
fn letter_of(rank: usize) -> char {
    match LETTERS.get(rank) {
        Some(&c) => char::from(c),
        None => char::from_u32(TWO_BYTE_LETTERS + (rank - LETTERS.len()) as u32).unwrap_or('!'),
    }
}

/// The rank of each ASCII character as a level letter.
const RANKS: [u8; 128] = positions(&LETTERS);

/// Inverse of [`letter_of`]; `None` for a character that is no letter.
fn rank_of(letter: char) -> Option<usize> {
    let c = u32::from(letter);
    if c >= TWO_BYTE_LETTERS {
        return Some(LETTERS.len() + (c - TWO_BYTE_LETTERS) as usize);
    }
    let rank = *RANKS.get(c as usize)?;
    (rank != NONE).then_some(usize::from(rank))
}

/// The score levels of a tail, as f32 bits, descending: its distinct
/// scores when they are few enough, else [`TAIL_LEVELS`] of them at most:
/// the best, the worst, and between them the nearest above targets spaced
/// evenly in log scale. A score then rounds down to a level less than one
/// target step under it.
fn levels(postings: &[Posting]) -> Vec<u32> {
    // Positive floats order like their bits.
    let mut distinct: Vec<u32> = postings.iter().map(|p| p.score.to_bits()).collect();
    distinct.sort_unstable_by(|a, b| b.cmp(a));
    distinct.dedup();
    if distinct.len() <= TAIL_LEVELS {
        return distinct;
    }
    let value = |bits: u32| f64::from(f32::from_bits(bits));
    let last = distinct.len() - 1;
    let (hi, lo) = (value(distinct[0]), value(distinct[last]));
    let steps = (TAIL_LEVELS - 1) as f64;
    let mut levels: Vec<u32> = vec![distinct[0]];
    for k in 1..TAIL_LEVELS - 1 {
        let target = hi * (lo / hi).powf(k as f64 / steps);
        // The smallest score at or above the target (`distinct[0]` is).
        let i = distinct.partition_point(|&b| value(b) >= target).max(1) - 1;
        if levels.last() != Some(&distinct[i]) {
            levels.push(distinct[i]);
        }
    }
    if levels.last() != Some(&distinct[last]) {
        levels.push(distinct[last]);
    }
    levels
}

/// Inverse of [`encode_tail_into`]: the postings by ascending document,
/// each with its level's score. `None` for anything malformed.
pub fn decode_tail(encoded: &str, top: u32) -> Option<Vec<Posting>> {
    let bytes = encoded.as_bytes();
    let mut at = 0;
    let mut next = || read_number(bytes, &mut at);
    let count = next()? as usize;
    if count > TAIL_LEVELS {
        return None;
    }
    let mut levels = Vec::with_capacity(count);
    let mut prev = top;
    for _ in 0..count {
        prev = prev.checked_sub(next()?)?;
        levels.push(f32::from_bits(prev));
    }
    let n = next()? as usize;
    // Each posting takes at least two letters.
    if n > bytes.len() {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    let mut doc: u32 = 0;
    for _ in 0..n {
        let v = next()?;
        doc = doc.checked_add(v >> 1)?;
        out.push(Posting {
            doc,
            score: 0.0,
            title: v & 1 == 1,
        });
        doc = doc.checked_add(1)?;
    }
    let mut letters = encoded.get(at..)?.chars();
    for p in &mut out {
        let rank = rank_of(letters.next()?)?;
        p.score = *levels.get(count.checked_sub(rank + 1)?)?;
    }
    letters.next().is_none().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(doc: u32, score: f32, title: bool) -> Posting {
        Posting { doc, score, title }
    }

    #[test]
    fn a_tail_of_few_scores_comes_back_exact_in_document_order() {
        let tail = vec![
            p(40, 2.5, true),
            p(3, 7.25, false),
            p(900_000, 1e-3, false),
            p(4, 7.25, true),
            p(0, 0.5, false),
        ];
        let top = 9.0f32.to_bits();
        let mut out = Vec::new();
        encode_tail_into(&mut out, &tail, top);
        let mut sorted = tail.clone();
        sorted.sort_by_key(|p| p.doc);
        assert_eq!(
            decode_tail(std::str::from_utf8(&out).unwrap(), top),
            Some(sorted)
        );
        let mut empty = Vec::new();
        encode_tail_into(&mut empty, &[], top);
        assert_eq!(
            decode_tail(std::str::from_utf8(&empty).unwrap(), top),
            Some(vec![])
        );
    }

    #[test]
    fn a_tail_of_many_scores_rounds_each_down_to_a_close_level() {
        // 5,000 distinct scores from 40 down to 0.4: a 100× range.
        let tail: Vec<Posting> = (0..5000u32)
            .map(|i| p(i * 3, 40.0 * 0.01f32.powf(i as f32 / 4999.0), i % 7 == 0))
            .collect();
        let top = 50.0f32.to_bits();
        let mut out = Vec::new();
        encode_tail_into(&mut out, &tail, top);
        let back = decode_tail(std::str::from_utf8(&out).unwrap(), top).unwrap();
        assert_eq!(back.len(), tail.len());
        // One log step of a 100× range over 255 steps is under 1.9 %.
        let step = 100f32.powf(1.0 / 255.0);
        let mut levels: Vec<u32> = back.iter().map(|p| p.score.to_bits()).collect();
        levels.sort_unstable();
        levels.dedup();
        assert!(
            levels.len() > 200 && levels.len() <= TAIL_LEVELS,
            "{}",
            levels.len()
        );
        for (b, t) in back.iter().zip(&tail) {
            assert_eq!((b.doc, b.title), (t.doc, t.title));
            assert!(b.score <= t.score, "{} > {}", b.score, t.score);
            assert!(
                b.score * step >= t.score * 0.9999,
                "{} ≪ {}",
                b.score,
                t.score
            );
        }
        // The best and the worst scores are levels, so they are exact.
        assert_eq!(back[0].score, tail[0].score);
        assert_eq!(back[4999].score, tail[4999].score);
    }

    #[test]
    fn a_malformed_tail_is_refused_without_panicking() {
        let top = 9.0f32.to_bits();
        let mut out = Vec::new();
        encode_tail_into(&mut out, &[p(1, 2.0, false), p(5, 1.0, true)], top);
        let good = String::from_utf8(out).unwrap();
        for cut in 0..good.len() {
            assert_eq!(decode_tail(&good[..cut], top), None, "{cut}");
        }
        assert_eq!(decode_tail(&format!("{good}!"), top), None);
        for i in 0..good.len() {
            for other in ['A', 'g', '/', '!', '~', '"', '\\', 'é', '\u{FFFF}'] {
                let mut bad = good.clone();
                bad.replace_range(i..=i, other.encode_utf8(&mut [0; 4]));
                // Either refused or decoded to something; never a panic.
                let _ = decode_tail(&bad, top);
            }
        }
        // One posting at level `top`; its letter past the levels; a level
        // above `top`; a huge count.
        assert_eq!(
            decode_tail("BABA!", top),
            Some(vec![p(0, f32::from_bits(top), false)])
        );
        assert_eq!(decode_tail("BABA#", top), None);
        assert_eq!(decode_tail("B//////D", top), None);
        assert_eq!(decode_tail("A//////D", top), None);
    }

    #[test]
    fn level_letters_need_no_escape_and_come_back() {
        for rank in 0..TAIL_LEVELS {
            let letter = letter_of(rank);
            assert!(
                !matches!(letter, '"' | '\\') && !letter.is_control() && !letter.is_whitespace()
            );
            assert_eq!(rank_of(letter), Some(rank), "{letter}");
        }
        assert_eq!(letter_of(0), '!');
        assert_eq!(letter_of(91), '~');
        assert_eq!(letter_of(92), '\u{A1}');
        assert_eq!(rank_of(' '), None);
        assert_eq!(rank_of('"'), None);
    }
}

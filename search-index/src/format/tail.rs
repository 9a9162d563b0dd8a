//! The encoding of a postings tail (`t/<i>.js`, FORMAT.md "Tails").
//!
//! In: the postings after a term's head. Out: base64 of
//! `L, L level deltas, N, N × (doc gap × 2 + title), N level indexes`,
//! documents ascending. A tail with at most [`TAIL_LEVELS`] distinct scores
//! keeps them all, bit-exact; a larger one keeps that many of its own
//! scores as levels, log-spaced from its best to its worst, and each
//! posting carries the highest level that does not exceed its score.
//!
//! Why: in posting order (by score) a document number costs two to three
//! bytes whatever the density; in document order the gaps of a common word
//! are ones and twos, and a byte of level compresses to a few bits, so the
//! tails of common words, which multi-word queries read, shrink about four
//! times. Rounding down keeps every score under the bounds the head gives
//! the engine (the last head score, `top`), so an unread tail is still
//! bounded by what the head says.

use super::{Posting, base64_decode, base64_encode_into, put_varint, read_varint};

/// Most score levels a tail keeps (one byte per posting).
pub const TAIL_LEVELS: usize = 256;

/// Appends the encoding of `postings` (any order, distinct documents,
/// scores at most `top`'s) to `out`.
pub fn encode_tail_into(out: &mut Vec<u8>, postings: &[Posting], top: u32) {
    let mut sorted: Vec<Posting> = postings.to_vec();
    sorted.sort_unstable_by_key(|p| p.doc);
    let levels = levels(postings);
    let mut bytes = Vec::with_capacity(levels.len() * 3 + postings.len() * 3 + 8);
    put_varint(&mut bytes, levels.len() as u32);
    let mut prev = top;
    for &bits in &levels {
        put_varint(&mut bytes, prev.saturating_sub(bits));
        prev = bits;
    }
    put_varint(&mut bytes, sorted.len() as u32);
    let mut next = 0;
    for p in &sorted {
        put_varint(&mut bytes, (p.doc - next) * 2 + u32::from(p.title));
        next = p.doc + 1;
    }
    for p in &sorted {
        let bits = p.score.to_bits();
        // Levels descend; the first one at or under the score.
        let level = levels.partition_point(|&l| l > bits).min(levels.len() - 1);
        bytes.push(level as u8);
    }
    base64_encode_into(out, &bytes);
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
    let bytes = base64_decode(encoded)?;
    let mut at = 0;
    let mut next = || read_varint(&bytes, &mut at);
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
    // Each posting takes at least two bytes.
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
    let indexes = bytes.get(at..).filter(|i| i.len() == n)?;
    for (p, &level) in out.iter_mut().zip(indexes) {
        p.score = *levels.get(usize::from(level))?;
    }
    Some(out)
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
        let good = base64_decode(std::str::from_utf8(&out).unwrap()).unwrap();
        for cut in 0..good.len() {
            let mut text = Vec::new();
            base64_encode_into(&mut text, &good[..cut]);
            assert_eq!(
                decode_tail(std::str::from_utf8(&text).unwrap(), top),
                None,
                "{cut}"
            );
        }
        for i in 0..good.len() {
            for flip in [1u8, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[i] ^= flip;
                let mut text = Vec::new();
                base64_encode_into(&mut text, &bad);
                // Either refused or decoded to something; never a panic.
                let _ = decode_tail(std::str::from_utf8(&text).unwrap(), top);
            }
        }
        // A level index past the levels, a level above `top`, a huge count.
        let mut text = Vec::new();
        base64_encode_into(&mut text, &[1, 0, 1, 0, 1]);
        assert_eq!(decode_tail(std::str::from_utf8(&text).unwrap(), top), None);
        text.clear();
        base64_encode_into(&mut text, &[1, 0, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert_eq!(decode_tail(std::str::from_utf8(&text).unwrap(), top), None);
    }
}

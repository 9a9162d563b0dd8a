//! A word that nothing answers, planned as the words it is made of
//! (QUERY.md, "Parts of a word"): a code cut by its joiners, or where its
//! letters meet digits (`kb1042` → `kb`, `1042`), and letters and digits
//! written together that the articles write apart (`srvmad03` → `srv`,
//! `mad`, `03`; `macos` → `mac`, `os`).
//!
//! In: the unknown word and the vocabulary. Out: its pieces with their
//! answers, when the vocabulary has every piece. Only a word that finds
//! nothing otherwise comes here, so the vocabulary shards its cuts read
//! cost no bytes to any other query.

use super::{Answers, Vocabulary, candidates, lookup, term_of};

/// The fewest characters (code points) a piece of a split word has: a
/// single letter is too often a word of its own (`a`, `y`, `x`).
pub const MIN_SPLIT_PIECE: usize = 2;

/// The pieces of a code (`x86_64` → `x86`, `64`); a plain word is one piece.
pub fn code_pieces(surface: &str) -> Vec<&str> {
    surface
        .split(['_', '-'])
        .filter(|p| !p.is_empty())
        .collect()
}

/// The pieces of `surface` with their answers, or `None`: the first of
/// these cuts whose every piece is answered ([`known_parts`]): the pieces its joiners cut;
/// those cut again where letters meet digits; those the vocabulary lacks
/// split into two or three vocabulary words ([`split_word`]).
pub(super) fn parts<'s>(
    vocab: &dyn Vocabulary,
    surface: &'s str,
    typed: bool,
) -> Option<Vec<(&'s str, Answers)>> {
    let pieces = code_pieces(surface);
    if pieces.len() > 1
        && let Some(parts) = known_parts(vocab, &pieces, typed)
    {
        return Some(parts);
    }
    let finer = digit_runs_of(&pieces);
    if finer.len() > pieces.len()
        && let Some(parts) = known_parts(vocab, &finer, typed)
    {
        return Some(parts);
    }
    let mut split = Vec::new();
    for piece in pieces {
        match lookup(vocab, piece) {
            Some(_) => split.push(piece),
            None => split.extend(split_word(vocab, piece)?),
        }
    }
    known_parts(vocab, &split, typed)
}

/// `pieces` each cut where digits meet other characters (`kb1002` →
/// `kb`, `1002`).
pub(super) fn digit_runs_of<'s>(pieces: &[&'s str]) -> Vec<&'s str> {
    pieces.iter().flat_map(|p| digit_runs(p)).collect()
}

/// `word` cut where it goes from digits to other characters or back.
fn digit_runs(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut digits = None;
    for (i, c) in word.char_indices() {
        let digit = c.is_numeric();
        if digits.is_some_and(|d| d != digit) {
            out.push(&word[start..i]);
            start = i;
        }
        digits = Some(digit);
    }
    out.push(&word[start..]);
    out
}

/// Each of `pieces` with its answers, when every one is answered: the
/// vocabulary has it, or it has candidates (a misspelled piece its
/// corrections, `conection` of `err_conection_reset`; the last, being
/// typed, its completions).
fn known_parts<'s>(
    vocab: &dyn Vocabulary,
    pieces: &[&'s str],
    typed: bool,
) -> Option<Vec<(&'s str, Answers)>> {
    let last = pieces.len().checked_sub(1)?;
    pieces
        .iter()
        .enumerate()
        .map(|(k, &piece)| {
            let answers = candidates(vocab, piece, typed && k == last, false);
            (answers.known || !answers.candidates.is_empty()).then_some((piece, answers))
        })
        .collect()
}

/// `word` (one piece, no joiners) as two vocabulary words written
/// together, else three (`macos` → `mac`, `os`; `srvmad03` → `srv`, `mad`,
/// `03`): each of [`MIN_SPLIT_PIECE`] characters or more and not a stop
/// word (so many words start with `de`, `la` or `con`), no two neighbours
/// both numbers (`2026` is not `20 26`). Of the splits with the fewest
/// pieces, the one whose rarest piece has the highest document frequency,
/// then the one with the shortest first piece.
pub(super) fn split_word<'s>(vocab: &dyn Vocabulary, word: &'s str) -> Option<Vec<&'s str>> {
    // Byte offset of each character boundary, the end included.
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain([word.len()])
        .collect();
    let chars = bounds.len() - 1;
    // A piece's document frequency, `None` for a stop word or a word the
    // vocabulary lacks.
    let df = |from: usize, to: usize| -> Option<u32> {
        let entry = lookup(vocab, &word[bounds[from]..bounds[to]])?;
        term_of(entry).map(|_| entry.2)
    };
    let number =
        |from: usize, to: usize| word[bounds[from]..bounds[to]].chars().all(char::is_numeric);
    // The rarest piece's document frequency, when the cuts are allowed.
    let rarest = |cuts: &[usize], dfs: &[u32]| -> Option<u32> {
        let ends: Vec<usize> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .chain([chars])
            .collect();
        if ends
            .windows(3)
            .any(|w| number(w[0], w[1]) && number(w[1], w[2]))
        {
            return None;
        }
        dfs.iter().min().copied()
    };
    let cut_range = |from: usize| (from + MIN_SPLIT_PIECE)..=chars.saturating_sub(MIN_SPLIT_PIECE);
    let mut splits: Vec<(u32, Vec<usize>)> = Vec::new();
    for a in cut_range(0) {
        let Some(first) = df(0, a) else { continue };
        if let Some(rest) = df(a, chars) {
            splits.extend(rarest(&[a], &[first, rest]).map(|r| (r, vec![a])));
        }
    }
    if splits.is_empty() {
        for a in cut_range(0) {
            let Some(first) = df(0, a) else { continue };
            for b in cut_range(a) {
                let Some(middle) = df(a, b) else { continue };
                if let Some(last) = df(b, chars) {
                    let dfs = [first, middle, last];
                    splits.extend(rarest(&[a, b], &dfs).map(|r| (r, vec![a, b])));
                }
            }
        }
    }
    // The first of the highest: `max_by_key` would keep the last.
    let (_, cuts) = splits
        .into_iter()
        .min_by_key(|(r, _)| std::cmp::Reverse(*r))?;
    let ends: Vec<usize> = std::iter::once(0).chain(cuts).chain([chars]).collect();
    Some(
        ends.windows(2)
            .map(|w| &word[bounds[w[0]]..bounds[w[1]]])
            .collect(),
    )
}

//! Rewriting a text by replacing some of its ranges, and mapping offsets in
//! the result back to the original.
//!
//! The dialect rewrite changes a body before Markdown reads it, while every
//! diagnostic must still point into the file as the author wrote it. The
//! map keeps one point per replaced range; an offset of the result inside
//! a replacement maps to where the replaced range starts, any other offset
//! maps exactly.

use std::ops::Range;

/// Replacements of ranges of one text, collected in any order.
#[derive(Debug, Default)]
pub(super) struct Rewrite {
    edits: Vec<(Range<usize>, String)>,
}

impl Rewrite {
    /// Replaces `range` of the original with `text`.
    pub(super) fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.edits.push((range, text.into()));
    }

    /// Removes `range` of the original.
    pub(super) fn remove(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            self.replace(range, String::new());
        }
    }

    /// Whether nothing is replaced.
    pub(super) fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The rewritten `source`, and the map back to it. A replacement that
    /// overlaps an earlier one, or falls outside `source` or inside a
    /// character, is left out.
    pub(super) fn apply(mut self, source: &str) -> (String, OffsetMap) {
        // An insertion goes before a replacement starting at the same place;
        // the sort is stable, so equal ranges keep the order they came in.
        self.edits
            .sort_by_key(|(range, _)| (range.start, range.end));
        let mut out = String::with_capacity(source.len() + source.len() / 8);
        let mut points = Vec::with_capacity(self.edits.len());
        let mut cursor = 0;
        for (range, text) in self.edits {
            let fits = range.start >= cursor
                && range.start <= range.end
                && source.is_char_boundary(range.start)
                && source.is_char_boundary(range.end);
            if !fits || range.end > source.len() {
                continue;
            }
            out.push_str(&source[cursor..range.start]);
            let out_start = out.len();
            out.push_str(&text);
            points.push(Point {
                out: out_start..out.len(),
                source: range.clone(),
            });
            cursor = range.end;
        }
        out.push_str(&source[cursor..]);
        (out, OffsetMap { points })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Point {
    out: Range<usize>,
    source: Range<usize>,
}

/// Maps offsets of a rewritten text back to its original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct OffsetMap {
    points: Vec<Point>,
}

impl OffsetMap {
    /// The offset in the original of `offset` in the rewritten text.
    pub(super) fn source(&self, offset: usize) -> usize {
        let before = self.points.partition_point(|p| p.out.start <= offset);
        match before.checked_sub(1).map(|i| &self.points[i]) {
            None => offset,
            Some(p) if offset < p.out.end => p.source.start,
            Some(p) => p.source.end + (offset - p.out.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_maps_back() {
        let source = "one two three four";
        let mut rewrite = Rewrite::default();
        rewrite.replace(8..13, "3");
        rewrite.remove(0..4);
        rewrite.replace(18..18, "!");
        let (out, map) = rewrite.apply(source);
        assert_eq!(out, "two 3 four!");
        // `two` came from 4.., `3` from the replaced `three`, `four` from 14...
        assert_eq!(map.source(0), 4);
        assert_eq!(map.source(4), 8);
        assert_eq!(map.source(6), 14);
        assert_eq!(map.source(10), 18);
        assert_eq!(map.source(out.len()), source.len());
    }

    #[test]
    fn overlapping_and_misplaced_replacements_are_left_out() {
        let source = "añb";
        let mut rewrite = Rewrite::default();
        rewrite.replace(0..2, "x");
        rewrite.replace(1..3, "y");
        rewrite.replace(2..2, "z");
        rewrite.replace(9..10, "w");
        let (out, map) = rewrite.apply(source);
        // 0..2 ends inside `ñ`; 2..2 falls inside the replaced 1..3.
        assert_eq!(out, "ayb");
        assert_eq!(map.source(1), 1);
        assert_eq!(map.source(2), 3);
    }

    #[test]
    fn nothing_replaced_maps_to_itself() {
        let (out, map) = Rewrite::default().apply("abc");
        assert_eq!(out, "abc");
        assert_eq!(map.source(2), 2);
    }
}

//! Where the values of tier0's front matter fields stand in a file.

use std::ops::Range;

/// Where the values of tier0's fields stand in the file, for checks made
/// after parsing. Compact: a site keeps one per article.
#[derive(Debug, Clone, Default)]
pub struct FieldSpans {
    values: Vec<(&'static str, Range<u32>)>,
    start: u32,
}

impl FieldSpans {
    pub(super) fn at(start: usize) -> Self {
        Self {
            values: Vec::new(),
            start: offset(start),
        }
    }

    /// Remembers where `key` (a tier0 key) is set, unless it already is.
    pub(super) fn set(&mut self, key: &'static str, span: &Range<usize>) {
        if !self.values.iter().any(|(k, _)| *k == key) {
            self.values
                .push((key, offset(span.start)..offset(span.end)));
        }
    }

    /// Whether some key set tier0's `key`.
    pub fn has(&self, key: &str) -> bool {
        self.values.iter().any(|(k, _)| *k == key)
    }

    /// The span of `key`'s value, or of the front matter's start.
    pub fn value(&self, key: &str) -> Range<usize> {
        let span = self
            .values
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(self.start..self.start, |(_, s)| s.clone());
        span.start as usize..span.end as usize
    }
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

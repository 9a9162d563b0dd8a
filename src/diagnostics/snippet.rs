//! The texts a report's snippets are drawn from: each file as a terminal
//! shows it ([`terminal::inert`](crate::terminal::inert)), except that a
//! line longer than [`LONG_LINE`] characters is cut to a window around the
//! problem. A Zendesk export page is one line of megabytes of JSON, and a
//! report printed all of it; the header still gives the true column.

use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::files::{Error, Files, SimpleFiles};

/// Lines longer than this many characters are shown cut.
const LONG_LINE: usize = 200;
/// About how many bytes of a cut line are shown on each side of the problem.
const CONTEXT: usize = 60;
/// What stands for the text cut away.
const CUT: &str = "…";

/// The files of one report, some of them a line cut to a window.
#[derive(Default)]
pub(super) struct Snippets {
    files: SimpleFiles<String, Arc<str>>,
    /// Per file: the line shown cut, and how many characters before the
    /// window were cut from it (the column of the window's first shown
    /// character is this many more than it seems).
    cuts: Vec<Option<(usize, usize)>>,
}

impl Snippets {
    /// Adds `text` whole; returns its id.
    pub(super) fn add(&mut self, name: String, text: Arc<str>) -> usize {
        self.cuts.push(None);
        self.files.add(name, text)
    }

    /// When `span` of `text` starts on a line longer than [`LONG_LINE`]
    /// characters, adds a copy of `text` with that line cut to a window
    /// around the span, and returns its id and the span in it.
    pub(super) fn add_cut(
        &mut self,
        name: &str,
        text: &str,
        span: &Range<usize>,
    ) -> Option<(usize, Range<usize>)> {
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.start..]
            .find('\n')
            .map_or(text.len(), |i| span.start + i);
        // Only a line of more than LONG_LINE characters is cut.
        text[line_start..line_end].chars().nth(LONG_LINE)?;
        let from = floor(text, span.start.saturating_sub(CONTEXT).max(line_start));
        let to = ceil(
            text,
            (span.end.min(line_end).max(span.start) + CONTEXT).min(line_end),
        );
        let before = if from > line_start { CUT } else { "" };
        let after = if to < line_end { CUT } else { "" };
        let shown = format!(
            "{}{before}{}{after}{}",
            &text[..line_start],
            &text[from..to],
            &text[line_end..]
        );
        let shift = line_start + before.len();
        let start = span.start - from + shift;
        let end = span.end.clamp(span.start, to) - from + shift;
        let cut_chars = text[line_start..from].chars().count();
        let id = self.files.add(name.to_owned(), Arc::from(shown));
        let line = self.files.line_index(id, start).ok()?;
        let removed = cut_chars.saturating_sub(before.chars().count());
        self.cuts.push(Some((line, removed)));
        Some((id, start..end))
    }
}

fn floor(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

impl<'a> Files<'a> for Snippets {
    type FileId = usize;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<String, Error> {
        self.files.name(id)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        self.files.source(id)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        self.files.line_index(id, byte_index)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        self.files.line_range(id, line_index)
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let column = self.files.column_number(id, line_index, byte_index)?;
        Ok(match self.cuts.get(id).copied().flatten() {
            Some((line, removed)) if line == line_index => column + removed,
            _ => column,
        })
    }
}

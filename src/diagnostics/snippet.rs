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

/// The files of one report: each file whole, and windows cut from its long
/// lines.
#[derive(Default)]
pub(super) struct Snippets {
    files: SimpleFiles<String, Arc<str>>,
    /// Per file id: `None` for a whole file, or what a window shows.
    cuts: Vec<Option<Cut>>,
    /// How many characters precede the last window on its line: problems
    /// come in order of position, and counting each window's characters
    /// from the line's start made many problems on one long line quadratic.
    counted: Option<Counted>,
}

/// A window of one long line: only that line's middle, as one line.
#[derive(Clone, Copy)]
struct Cut {
    /// The line of its file (0-based) the window shows.
    line: usize,
    /// How many characters of the line before the window were cut, beyond
    /// the mark that stands for them (columns are this many more than they seem).
    removed: usize,
}

/// Characters counted on a line of a whole file, up to a byte.
#[derive(Clone, Copy)]
struct Counted {
    file: usize,
    line_start: usize,
    byte: usize,
    chars: usize,
}

impl Snippets {
    /// Adds `text` whole; returns its id.
    pub(super) fn add(&mut self, name: String, text: Arc<str>) -> usize {
        self.cuts.push(None);
        self.files.add(name, text)
    }

    /// When `span` of the whole file `whole` starts on a line longer than
    /// [`LONG_LINE`] characters, adds a window of that line around the span
    /// (and nothing else of the file: a copy of the file per problem made
    /// reports quadratic), and returns its id and the span in it.
    pub(super) fn add_cut(
        &mut self,
        whole: usize,
        name: &str,
        span: &Range<usize>,
    ) -> Option<(usize, Range<usize>)> {
        let text = self.files.get(whole).ok()?.source().clone();
        let line = self.files.line_index(whole, span.start).ok()?;
        let lines = self.files.line_range(whole, line).ok()?;
        let line_start = lines.start;
        // The empty line after a file's last line break has none.
        let line_end = if text[line_start..lines.end].ends_with('\n') {
            lines.end - 1
        } else {
            lines.end
        };
        // Only a line of more than LONG_LINE characters is cut.
        text[line_start..line_end].chars().nth(LONG_LINE)?;
        let from = floor(&text, span.start.saturating_sub(CONTEXT).max(line_start));
        let to = ceil(
            &text,
            (span.end.min(line_end).max(span.start) + CONTEXT).min(line_end),
        );
        let before = if from > line_start { CUT } else { "" };
        let after = if to < line_end { CUT } else { "" };
        let shown = format!("{before}{}{after}", &text[from..to]);
        let start = span.start - from + before.len();
        let end = span.end.clamp(span.start, to) - from + before.len();
        let cut_chars = self.chars_before(whole, &text, line_start, from);
        let removed = cut_chars.saturating_sub(before.chars().count());
        let id = self.files.add(name.to_owned(), Arc::from(shown));
        self.cuts.push(Some(Cut { line, removed }));
        Some((id, start..end))
    }

    /// How many characters of `text` (of file `file`) lie between
    /// `line_start` and `byte`, counted on from the last count on that line.
    fn chars_before(&mut self, file: usize, text: &str, line_start: usize, byte: usize) -> usize {
        let (from, counted) = match self.counted {
            Some(c) if c.file == file && c.line_start == line_start && c.byte <= byte => {
                (c.byte, c.chars)
            }
            _ => (line_start, 0),
        };
        let chars = counted + text[from..byte].chars().count();
        self.counted = Some(Counted {
            file,
            line_start,
            byte,
            chars,
        });
        chars
    }

    fn cut(&self, id: usize) -> Option<Cut> {
        self.cuts.get(id).copied().flatten()
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
        match self.cut(id) {
            Some(cut) => Ok(cut.line),
            None => self.files.line_index(id, byte_index),
        }
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        match self.cut(id) {
            Some(cut) if cut.line == line_index => Ok(0..self.files.source(id)?.len()),
            Some(cut) => Err(Error::LineTooLarge {
                given: line_index,
                max: cut.line,
            }),
            None => self.files.line_range(id, line_index),
        }
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        match self.cut(id) {
            Some(cut) => {
                let window = self.files.source(id)?;
                let before = window.get(..byte_index).ok_or(Error::IndexTooLarge {
                    given: byte_index,
                    max: window.len(),
                })?;
                Ok(before.chars().count() + 1 + cut.removed)
            }
            None => self.files.column_number(id, line_index, byte_index),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_hold_only_their_line_piece_however_many_problems() {
        let line = "ñ".repeat(5000);
        let text: Arc<str> = Arc::from(format!("first\n{line}\nlast\n"));
        let mut snippets = Snippets::default();
        let whole = snippets.add("a.md".to_owned(), text.clone());
        let problems = 1000;
        for k in 0..problems {
            let at = 6 + 2 * (k * 5);
            let (id, span) = snippets.add_cut(whole, "a.md", &(at..at + 2)).unwrap();
            let window = snippets.source(id).unwrap();
            assert_eq!(&window[span.clone()], "ñ");
            assert_eq!(snippets.line_index(id, span.start).unwrap(), 1);
            assert_eq!(
                snippets.column_number(id, 1, span.start).unwrap(),
                k * 5 + 1,
                "problem {k}"
            );
        }
        let shown: usize = (1..=problems)
            .map(|id| snippets.source(id).unwrap().len())
            .sum();
        // Each window is about 2 × CONTEXT bytes, not a copy of the file.
        assert!(shown <= problems * (2 * CONTEXT + 16), "{shown} bytes");
    }
}

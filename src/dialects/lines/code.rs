//! Code blocks in the reading pass: where a fenced block opens, in the
//! text or inside a block quote (`> ```rust`), and how its lines are read
//! up to its closing fence. Code is left as written, but for the lines
//! that include another file, which are left out there too.

use super::syntax::{columns, fence, holds_only_includes, is_highlight_end, is_include};
use super::{Closer, Kind, Mode, Pass};

/// The text of `line` after its block quote markers (`> > text`), if it
/// starts with one.
fn unquoted(line: &str) -> Option<&str> {
    line.starts_with('>')
        .then(|| line.trim_start_matches(['>', ' ', '\t']))
}

impl Pass<'_> {
    /// Opens a code block if the line's content `text`, ending at `end`,
    /// is a fence; `shallow`: indented less than code.
    /// A fence inside a block quote opens one too: what the quoted code
    /// holds (`Option<Py<PyAny>>`, `{{ value }}`) is code, not text.
    pub(super) fn opens_code(&mut self, text: &str, end: usize, shallow: bool) -> bool {
        if !shallow {
            return false;
        }
        let trimmed = text.trim_start();
        let (fenced, quoted) = match unquoted(trimmed) {
            Some(inner) => (inner, true),
            None => (trimmed, false),
        };
        let Some(closer) = fence(fenced) else {
            return false;
        };
        let includes_only = match closer {
            Closer::Fence(ch, len) => {
                holds_only_includes(self.body, (end + 1).min(self.body.len()), ch, len)
            }
            Closer::Tag => false,
        };
        if includes_only {
            self.rewrite.remove(end - fenced.len()..end);
        }
        self.mode = Mode::Code {
            closer,
            depth: self.stack.len(),
            indent: if quoted {
                0
            } else {
                columns(text, usize::MAX).1
            },
            includes_only,
            quoted,
        };
        true
    }

    /// Reads the line `content..end` of the code block open in `self.mode`.
    pub(super) fn code_line(
        &mut self,
        content: usize,
        end: usize,
        column: usize,
        prefix: &str,
        blank: bool,
    ) -> Option<String> {
        let Mode::Code {
            closer,
            indent,
            includes_only,
            quoted,
            ..
        } = self.mode
        else {
            return None;
        };
        let text = &self.body[content..end];
        let code = if quoted {
            // A line out of the quote ends it, and the code inside it.
            let Some(inner) = unquoted(text.trim_start()) else {
                self.mode = Mode::Normal;
                return if blank {
                    None
                } else {
                    self.normal_line(content, end, column, prefix)
                };
            };
            inner
        } else {
            text
        };
        let trimmed = code.trim();
        let (closes, tag) = match closer {
            // A fence indented 4 more than its opener is code
            // (SuperFences' examples hold indented fences).
            Closer::Fence(ch, len) => {
                let run = trimmed.bytes().take_while(|&b| b == ch).count();
                let shallow = columns(code, usize::MAX).1 < indent + 4;
                (shallow && run >= len && run == trimmed.len(), false)
            }
            Closer::Tag => (is_highlight_end(trimmed), true),
        };
        // Another tool put the file's text there; tier0 reads no other
        // file, so the line is left out, not shown as code. A quoted
        // line keeps its markers, and the quote goes on.
        let include = !closes && is_include(trimmed);
        if include {
            let at = end - code.trim_start().len();
            self.found(Kind::Include, at..at + trimmed.len());
        }
        if includes_only || include {
            self.rewrite.remove(end - code.len()..end);
        }
        if closes {
            self.mode = Mode::Normal;
            if tag {
                return Some(format!("{prefix}```"));
            }
        }
        None
    }
}

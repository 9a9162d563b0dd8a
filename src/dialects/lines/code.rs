//! Code blocks in the reading pass: where a fenced block opens, in the
//! text or inside a block quote (`> ```rust`), and how its lines are read
//! up to its closing fence. Code is left as written, but for the lines
//! that include another file, which are left out there too.

use super::syntax::{
    closes_fence, columns, fence, holds_only_includes, is_highlight_end, is_include,
    is_myst_option, myst_caption, myst_code_language, unquoted,
};
use super::{Closer, Kind, Mode, Pass};

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
        // Code in a block quote counts its columns after the markers.
        let indent_of = |s: &str| if quoted { 0 } else { columns(s, usize::MAX).1 };
        let indent = indent_of(text);
        let includes_only = match closer {
            Closer::Fence(ch, len) => {
                // The lines ahead are read whole: the opener's indentation
                // counts from the start of its line too.
                let line = &self.body[self.line_start(end)..end];
                let from = (end + 1).min(self.body.len());
                holds_only_includes(self.body, from, (ch, len), indent_of(line), quoted)
            }
            Closer::Tag => false,
        };
        // A MyST code directive is the code block of its language; the
        // options that open its body are dropped as they are read.
        let mut options = false;
        if includes_only {
            self.rewrite.remove(end - fenced.len()..end);
        } else if let Closer::Fence(_, len) = closer
            && let Some(language) = myst_code_language(&fenced[len..])
        {
            // Its caption names the file it shows: the block's title.
            let info = match myst_caption(&self.body[end..]).filter(|_| !quoted) {
                Some(caption) => format!("{language} title=\"{caption}\""),
                None => language.to_owned(),
            };
            self.rewrite.replace(end - fenced.len() + len..end, info);
            options = true;
        }
        self.mode = Mode::Code {
            closer,
            depth: self.stack.len(),
            indent,
            includes_only,
            quoted,
            options,
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
            options,
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
            Closer::Fence(ch, len) => (closes_fence(code, ch, len, indent), false),
            Closer::Tag => (is_highlight_end(trimmed), true),
        };
        if options {
            if !closes && is_myst_option(trimmed) {
                // With the line break before it: a blank line is code.
                let start = self.line_start(content);
                self.rewrite.remove(start.saturating_sub(1)..end);
                return None;
            }
            if let Mode::Code { options, .. } = &mut self.mode {
                *options = false;
            }
        }
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

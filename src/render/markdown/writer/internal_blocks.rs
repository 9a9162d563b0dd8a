//! What the body writer does with internal blocks (`> [!INTERNAL]`):
//! shows them as asides in the agents' edition, keeps only the ids of a
//! hidden one's headings in the public edition, and warns of blocks that
//! hold nothing or only look internal.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Writer;
use crate::diagnostics::Diagnostic;
use crate::render::markdown::text::plain_text;
use crate::render::markdown::{escape_attr, heading_ids};

impl<'a> Writer<'a, '_> {
    /// An internal block opens, shown with its `title`.
    pub(super) fn internal_start(&mut self, title: &str) {
        self.quotes.push(self.events.len());
        let label = self.text.get("internal_block");
        let title = if title.is_empty() {
            escape_attr(label)
        } else {
            format!("{} · {}", escape_attr(label), escape_attr(title))
        };
        self.events.push(Event::Html(
            format!("<aside class=\"internal\"><p class=\"internal-title\">{title}</p>\n").into(),
        ));
    }

    /// An internal block at `span` holds nothing but its marker line: what
    /// its author meant to be internal is most likely the quote after a
    /// blank line, which is a quote of its own, and public.
    pub(super) fn empty_internal_block(&mut self, span: Range<usize>) {
        self.out.diagnostics.push(
            Diagnostic::warning(
                self.page.file.path,
                span,
                "this internal block holds nothing but its `[!INTERNAL]` line: what follows a \
                 blank line is not part of it, and the public edition shows it",
            )
            .with_help(
                "write `>` on the blank lines inside the block, so that the block goes on \
                 (`> [!INTERNAL]`, `>`, `> text`)",
            ),
        );
    }

    /// A block at `span` starts with what looks like the internal marker
    /// but is not one: every edition shows it.
    pub(super) fn internal_lookalike(&mut self, span: Range<usize>) {
        self.out.diagnostics.push(
            Diagnostic::warning(
                self.page.file.path,
                span,
                "this looks like an internal block, but is not one: the public edition shows it",
            )
            .with_help(
                "start a block quote with exactly `> [!INTERNAL]` (any case, no space inside the \
                 brackets, no emphasis), and write `>` on every line of the block",
            ),
        );
    }

    /// An event of a hidden internal block: only its headings' ids count.
    pub(super) fn hidden(&mut self, event: Event<'a>) {
        self.hidden_at = Some(self.events.len());
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                self.hidden_heading = Some((id.map(|i| i.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, inner)) = self.hidden_heading.take() {
                    heading_ids(&mut self.ids, explicit.as_deref(), &plain_text(&inner));
                }
            }
            other => {
                if let Some((_, inner)) = self.hidden_heading.as_mut() {
                    inner.push(other);
                }
            }
        }
    }
}

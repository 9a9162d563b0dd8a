//! Internal blocks (`> [!INTERNAL]`) found in a body's Markdown events:
//! shown as marked asides in the agents' edition, hidden in the public one
//! before anything reads them.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::syntax::{internal_marker, looks_like_internal_marker};

/// What the renderer reads: Markdown events, with internal blocks replaced
/// by an opening and a closing mark, or hidden.
pub(super) enum Piece<'a> {
    /// An event to render, with its source range.
    Event(Event<'a>, Range<usize>),
    /// An internal block starts; its title.
    InternalStart(String),
    /// The internal block ends (in both editions); where it stands, when
    /// it holds nothing but its marker line.
    InternalEnd(Option<Range<usize>>),
    /// An event of an internal block in the public build: only headings
    /// are looked at, for their ids.
    Hidden(Event<'a>),
    /// A paragraph or raw HTML outside internal blocks starts here with
    /// what looks like the internal marker but is not one: it is shown.
    Lookalike(Range<usize>),
}

/// An internal block being read.
struct InternalBlock {
    /// Block quotes open inside it, itself included.
    depth: usize,
    /// Where it starts.
    start: usize,
    /// Where the marker line ends; events starting before are the marker's.
    marker_end: usize,
    /// Whether anything but its marker line was read in it yet.
    held: bool,
    /// The first paragraph, which starts on the marker line: held back
    /// until it shows to have more than the marker.
    first_paragraph: FirstParagraph,
}

#[derive(PartialEq, Eq)]
enum FirstParagraph {
    Unseen,
    Held,
    Shown,
    Done,
}

/// Turns Markdown events into [`Piece`]s.
pub(super) struct InternalBlocks<'a, I> {
    events: I,
    source: &'a str,
    show: bool,
    block: Option<InternalBlock>,
    queued: Option<(Event<'a>, Range<usize>)>,
}

impl<'a, I> InternalBlocks<'a, I> {
    /// The pieces of `events`, read from `source`; `show`: whether internal
    /// blocks are shown (the agents' edition) or hidden.
    pub(super) fn new(events: I, source: &'a str, show: bool) -> Self {
        Self {
            events,
            source,
            show,
            block: None,
            queued: None,
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for InternalBlocks<'a, I> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if let Some((event, range)) = self.queued.take() {
            return Some(Piece::Event(event, range));
        }
        loop {
            let (event, range) = self.events.next()?;
            let Some(block) = self.block.as_mut() else {
                if matches!(event, Event::Start(Tag::BlockQuote(None)))
                    && let Some((title, line_end)) =
                        self.source.get(range.clone()).and_then(internal_marker)
                {
                    self.block = Some(InternalBlock {
                        depth: 1,
                        start: range.start,
                        marker_end: range.start + line_end,
                        held: false,
                        first_paragraph: FirstParagraph::Unseen,
                    });
                    if self.show {
                        return Some(Piece::InternalStart(title.to_owned()));
                    }
                    continue;
                }
                if matches!(event, Event::Start(Tag::Paragraph) | Event::Html(_))
                    && self
                        .source
                        .get(range.clone())
                        .is_some_and(looks_like_internal_marker)
                {
                    let at = range.clone();
                    self.queued = Some((event, range));
                    return Some(Piece::Lookalike(at));
                }
                return Some(Piece::Event(event, range));
            };
            if range.start >= block.marker_end && !matches!(event, Event::End(_)) {
                block.held = true;
            }
            match event {
                Event::Start(Tag::BlockQuote(_)) => block.depth += 1,
                Event::End(TagEnd::BlockQuote(_)) => {
                    block.depth -= 1;
                    if block.depth == 0 {
                        let empty = (!block.held).then_some(block.start..range.end);
                        self.block = None;
                        return Some(Piece::InternalEnd(empty));
                    }
                }
                _ => {}
            }
            if !self.show {
                return Some(Piece::Hidden(event));
            }
            let on_marker_line = range.start < block.marker_end;
            match (&event, &block.first_paragraph) {
                (Event::Start(Tag::Paragraph), FirstParagraph::Unseen) if on_marker_line => {
                    block.first_paragraph = FirstParagraph::Held;
                    continue;
                }
                (Event::End(TagEnd::Paragraph), FirstParagraph::Held) => {
                    block.first_paragraph = FirstParagraph::Done;
                    continue;
                }
                (Event::End(TagEnd::Paragraph), FirstParagraph::Shown) => {
                    block.first_paragraph = FirstParagraph::Done;
                    return Some(Piece::Event(event, range));
                }
                _ if on_marker_line => continue,
                (_, FirstParagraph::Held) => {
                    block.first_paragraph = FirstParagraph::Shown;
                    let start = range.clone();
                    self.queued = Some((event, range));
                    return Some(Piece::Event(Event::Start(Tag::Paragraph), start));
                }
                _ => return Some(Piece::Event(event, range)),
            }
        }
    }
}

//! The body writer: Markdown events in, tier0's HTML events and what the
//! page learns (anchors, table of contents, steps, section texts) out.
//!
//! One pass over the events, a method per kind of event. Headings are held
//! back until their end, as their id comes from their text; code blocks
//! until theirs, as they are highlighted whole.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use search_index::Section;

use super::internal::{InternalBlocks, Piece};
use super::raw_text::{EmptyElements, RawText};
use super::terms::Terms;
use super::text::{finish_section_text, plain_text, push_collapsed, separates_words};
use super::{
    Page, RenderedBody, TocEntry, Untargeted, escape_attr, heading_ids, rewrite_link, sanitizer,
    step_word,
};
use crate::config::RawHtml;
use crate::diagnostics::Diagnostic;
use crate::link::{BuildAudience, LinkTarget, SiteModel};
use crate::render::alerts::Alerts;
use crate::render::highlight;
use crate::render::i18n::UiText;
use crate::render::source::BodySource;
use crate::slug::UniqueIds;

mod internal_blocks;

/// An ordered or bulleted list being read.
struct ListState {
    /// A top-level ordered list outside quotes: its items are steps.
    steps: bool,
    /// The number of its next item.
    next: u64,
    /// For a list of steps, once its first item is read: what its step
    /// ids start with (the section's id, when the plain `paso-1` is taken
    /// already), the same for all its steps.
    prefix: Option<Option<String>>,
}

/// The state of one body being written.
struct Writer<'a, 'p> {
    model: &'p SiteModel,
    page: &'p Page<'p>,
    text: &'p UiText,
    out: RenderedBody,
    alerts: Alerts,
    ids: UniqueIds,
    events: Vec<Event<'a>>,
    /// The heading being read: its tag and its inner events.
    heading: Option<(Tag<'a>, Vec<Event<'a>>)>,
    /// Where the heading being read starts in the file.
    heading_span: Range<usize>,
    lists: Vec<ListState>,
    /// The block quotes and internal asides open, each with where its
    /// opening event stands in `events`.
    quotes: Vec<usize>,
    /// How long `events` was when an event of a hidden internal block was
    /// last read.
    hidden_at: Option<usize>,
    last_heading_id: Option<String>,
    /// The links and images open whose target is dropped.
    untargeted: Untargeted,
    /// Where the text of the step being read starts in `section_text`.
    step_start: usize,
    section: Section,
    /// The current section's text, collapsed as it comes; copied out at the
    /// section's end, so that each text kept holds no spare capacity.
    section_text: String,
    /// The word step ids are made of in the page's language (`paso`).
    step: &'static str,
    /// A heading of a hidden internal block: its id, if written, and its
    /// text, to claim its ids.
    hidden_heading: Option<(Option<String>, Vec<Event<'a>>)>,
    /// The code block being read: its info string and text.
    code: Option<(Option<String>, String)>,
    /// The body's raw HTML, followed for a comment or element left open.
    raw_text: RawText,
    /// Its raw-text elements written empty as JSX does, given end tags.
    empty_elements: EmptyElements,
    /// The link last opened, as written.
    link: Option<WrittenLink>,
    /// The terms of its definition lists, given ids at the end.
    terms: Terms,
}

/// A link as written: its target, and whether its title is GitBook's
/// `"mention"`.
struct WrittenLink {
    dest: String,
    mention: bool,
}

/// Where the events of the link being closed are: the body, or the
/// heading being read.
#[derive(Clone, Copy)]
enum Buffer {
    Body,
    Heading,
}

/// How deep the HTML of a body may nest for `raw_html: sanitize` to clean
/// it; the import's limit too, since no help article nests a tenth as deep.
const MAX_HTML_NESTING: usize = 256;

/// Renders `page`'s body.
pub(super) fn render(
    model: &SiteModel,
    page: &Page<'_>,
    text: &UiText,
    template_ids: &[String],
) -> RenderedBody {
    let source = BodySource::new(page.file);
    let len = source.text().len();
    let mut w = Writer {
        model,
        page,
        text,
        out: RenderedBody::default(),
        alerts: Alerts::default(),
        ids: UniqueIds::reserving(template_ids.iter().map(String::as_str)),
        // About one event per 8 bytes of Markdown: growing the list would copy it.
        events: Vec::with_capacity(len / 8),
        heading: None,
        heading_span: 0..0,
        lists: Vec::new(),
        quotes: Vec::new(),
        hidden_at: None,
        last_heading_id: None,
        untargeted: Untargeted::default(),
        step_start: 0,
        section: Section::default(),
        section_text: String::with_capacity(len),
        step: step_word(page.file.lang),
        hidden_heading: None,
        code: None,
        raw_text: RawText::default(),
        empty_elements: EmptyElements::default(),
        link: None,
        terms: Terms::default(),
    };
    w.ids.promise(source.written_ids());
    let show = model.audience == BuildAudience::Agents;
    for piece in InternalBlocks::new(source.events(), source.text(), show) {
        match piece {
            Piece::Event(event, range) => w.event(event, range, &source),
            Piece::InternalStart(title) => w.internal_start(&title),
            Piece::InternalEnd(empty) => {
                if show {
                    w.quotes.pop();
                    w.events.push(Event::Html("</aside>\n".into()));
                }
                if let Some(range) = empty {
                    w.empty_internal_block(source.span(&range));
                }
            }
            Piece::Hidden(event) => w.hidden(event),
            Piece::Lookalike(range) => w.internal_lookalike(source.span(&range)),
        }
    }
    w.finish(len)
}

impl<'a> Writer<'a, '_> {
    /// An event of the body, at `range` of `source`.
    fn event(&mut self, event: Event<'a>, range: Range<usize>, source: &BodySource<'_>) {
        if let Some((_, code)) = self.code.as_mut() {
            match event {
                Event::Text(t) => {
                    push_collapsed(&mut self.section_text, &t);
                    code.push_str(&t);
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((info, code)) = self.code.take() {
                        let code = crate::dialects::shown_in_code(&code);
                        let html = highlight::titled_code_block(info.as_deref(), &code);
                        self.events.push(Event::Html(html.into()));
                    }
                }
                _ => {}
            }
            return;
        }
        let span = source.span(&range);
        if self.heading.is_none() && separates_words(&event) {
            push_collapsed(&mut self.section_text, " ");
        }
        if self.heading.is_some() {
            match event {
                Event::End(TagEnd::Heading(_)) => self.finish_heading(),
                other => {
                    let other = self.rewrite(other, span);
                    if matches!(other, Event::End(TagEnd::Link)) {
                        self.finish_link(Buffer::Heading);
                    }
                    if let Some((_, buffered)) = self.heading.as_mut() {
                        buffered.push(other);
                    }
                }
            }
            return;
        }
        match event {
            Event::Start(tag @ Tag::Heading { .. }) => {
                self.heading = Some((tag, Vec::new()));
                self.heading_span = span;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match &kind {
                    CodeBlockKind::Fenced(info) => Some(info.to_string()),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((info, String::new()));
            }
            Event::Start(Tag::List(start)) => {
                let steps = start.is_some() && self.lists.is_empty() && self.quotes.is_empty();
                self.lists.push(ListState {
                    steps,
                    next: start.unwrap_or(1),
                    prefix: None,
                });
                self.events.push(Event::Start(Tag::List(start)));
            }
            Event::End(TagEnd::List(ordered)) => {
                self.lists.pop();
                self.events.push(Event::End(TagEnd::List(ordered)));
            }
            Event::Start(Tag::Item) => self.item(),
            Event::Start(Tag::BlockQuote(kind)) => {
                self.quotes.push(self.events.len());
                let event = match kind {
                    Some(kind) => {
                        let admonition = source.admonition_at(range.start);
                        Event::Html(self.alerts.open(kind, admonition, self.text).into())
                    }
                    None => Event::Start(Tag::BlockQuote(None)),
                };
                self.events.push(event);
            }
            Event::End(TagEnd::BlockQuote(kind)) => {
                let opened = self.quotes.pop();
                let closer = match kind {
                    Some(_) => Event::Html(self.alerts.close().into()),
                    None => Event::End(TagEnd::BlockQuote(None)),
                };
                // A quote or alert that held hidden internal blocks only
                // (`> > [!INTERNAL]`) would show empty: it goes with them.
                let len = self.events.len();
                if opened.is_some_and(|at| at + 1 == len) && self.hidden_at == Some(len) {
                    self.events.pop();
                    self.hidden_at = Some(self.events.len());
                } else {
                    self.events.push(closer);
                }
            }
            Event::Start(Tag::DefinitionListTitle) => {
                self.terms.open(self.events.len());
                self.events.push(event);
            }
            Event::End(TagEnd::DefinitionListTitle) => {
                self.terms.close(&self.events);
                self.events.push(event);
            }
            other => self.other(other, span),
        }
    }

    /// A link or image event with its target rewritten, raw HTML without
    /// its links to withheld articles; other events as they are.
    fn rewrite(&mut self, event: Event<'a>, span: Range<usize>) -> Event<'a> {
        if let Event::Start(Tag::Link {
            dest_url, title, ..
        }) = &event
        {
            self.link = Some(WrittenLink {
                dest: dest_url.to_string(),
                mention: title.as_ref() == "mention",
            });
        }
        rewrite_link(
            self.model,
            self.page,
            event,
            span,
            &mut self.out,
            &mut self.untargeted,
        )
    }

    /// The end of the heading being read: its ids, its entry in the table
    /// of contents, the section it starts, its anchor link.
    fn finish_heading(&mut self) {
        let Some((
            Tag::Heading {
                level,
                id: explicit,
                classes,
                attrs,
            },
            inner,
        )) = self.heading.take()
        else {
            return;
        };
        let title = plain_text(&inner);
        let (id, aliases) = heading_ids(&mut self.ids, explicit.as_deref(), &title);
        if let Some(written) = explicit.as_deref().filter(|w| *w != id) {
            self.out.diagnostics.push(
                Diagnostic::warning(
                    self.page.file.path,
                    self.heading_span.clone(),
                    format!(
                        "the heading id `{{#{written}}}` is taken on this page (by a heading, \
                         a step or the page itself): the heading gets `{id}`"
                    ),
                )
                .with_help(format!(
                    "choose another id, so that links to `#{written}` reach this heading"
                )),
            );
        }
        self.out.anchors.insert(id.clone());
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            self.out.toc.push(TocEntry {
                level: level as u8,
                id: id.clone(),
                text: title.clone(),
            });
        }
        self.section.text = finish_section_text(&mut self.section_text);
        self.out.sections.push(std::mem::take(&mut self.section));
        self.section.anchor = Some(id.clone());
        self.section.heading = Some(title.clone());
        self.last_heading_id = Some(id.clone());
        self.events.push(Event::Start(Tag::Heading {
            level,
            id: Some(id.clone().into()),
            classes,
            attrs,
        }));
        for alias in aliases {
            self.events.push(Event::InlineHtml(
                format!("<span id=\"{}\"></span>", escape_attr(&alias)).into(),
            ));
            self.out.anchors.insert(alias);
        }
        self.events.extend(inner);
        self.events.push(Event::InlineHtml(
            format!(
                "<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{}\">#</a>",
                escape_attr(&format!("{} {title}", self.text.get("link_to_section")))
            )
            .into(),
        ));
        self.events.push(Event::End(TagEnd::Heading(level)));
    }

    /// A list item opens: a step, with its id and anchor, in a list of steps.
    fn item(&mut self) {
        let [list] = self.lists.as_mut_slice() else {
            self.events.push(Event::Start(Tag::Item));
            return;
        };
        if !list.steps {
            self.events.push(Event::Start(Tag::Item));
            return;
        }
        let number = list.next;
        list.next += 1;
        let plain = format!("{}-{number}", self.step);
        // Decided once per list, so that its steps read alike: `## Paso 1`
        // took `paso-1`, and only the first step got the section's prefix.
        let prefix = list.prefix.get_or_insert_with(|| {
            self.ids
                .contains(&plain)
                .then(|| self.last_heading_id.clone())
                .flatten()
        });
        let wanted = match prefix {
            Some(heading) => format!("{heading}-{plain}"),
            None => plain,
        };
        let id = self.ids.claim(&wanted);
        self.out.anchors.insert(id.clone());
        self.out.steps.push(id.clone());
        self.step_start = self.section_text.len();
        self.events.push(Event::Html(
            format!(
                "<li id=\"{id}\" class=\"step\"><a class=\"step-anchor\" href=\"#{id}\" \
                 aria-label=\"{} {number}\">#</a>",
                escape_attr(self.text.get("link_to_step"))
            )
            .into(),
        ));
    }

    /// Any other event: its text goes to the section's, a step's end
    /// records the step's text, links are rewritten, a raw-text element
    /// written empty as JSX does (`<iframe … />`) gets its end tag.
    fn other(&mut self, event: Event<'a>, span: Range<usize>) {
        let event = match event {
            Event::Html(html) => {
                Event::Html(self.empty_elements.close(&html).map_or(html, Into::into))
            }
            Event::InlineHtml(html) => {
                Event::InlineHtml(self.empty_elements.close(&html).map_or(html, Into::into))
            }
            event => event,
        };
        match &event {
            Event::Text(t) | Event::Code(t) => push_collapsed(&mut self.section_text, t),
            Event::Html(html) | Event::InlineHtml(html) => {
                self.raw_text.read(html, &span);
                let targets = crate::references::html_targets(html);
                self.out.anchors.extend(targets.map(str::to_owned));
            }
            _ => {}
        }
        if matches!(event, Event::End(TagEnd::Item))
            && matches!(self.lists.as_slice(), [list] if list.steps)
        {
            let step = self.section_text.get(self.step_start..).unwrap_or_default();
            self.out.step_texts.push(step.trim().to_owned());
        }
        let event = self.rewrite(event, span);
        if matches!(event, Event::End(TagEnd::Link)) {
            self.finish_link(Buffer::Body);
        }
        self.events.push(event);
    }

    /// Gives the link about to close in `buffer` the title of the article
    /// it leads to as its text, when it was written without text
    /// (`[](target)`, MyST's way of asking for the target's title; else its
    /// target as written, so that the sentence does not read "see ."), with
    /// only its target's file name or path (`[install.md](install.md)`, as
    /// GitBook's page references write it), or with GitBook's `"mention"`
    /// title (a page mention, which GitBook shows with the page's title;
    /// the title goes).
    fn finish_link(&mut self, buffer: Buffer) {
        let Some(link) = self.link.take() else { return };
        let (model, file) = (self.model, self.page.file);
        let events = match buffer {
            Buffer::Body => &mut self.events,
            Buffer::Heading => match self.heading.as_mut() {
                Some((_, buffered)) => buffered,
                None => return,
            },
        };
        let Some(start) = events
            .iter()
            .rposition(|e| matches!(e, Event::Start(Tag::Link { .. })))
        else {
            return;
        };
        let text: Option<String> = events[start + 1..]
            .iter()
            .map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let path = link.dest.split('#').next().unwrap_or_default();
        let empty = start + 1 == events.len();
        let named = text.as_deref().is_some_and(|text| {
            !path.is_empty() && (text == path || Some(text) == path.rsplit('/').next())
        });
        if link.mention
            && let Some(Event::Start(Tag::Link { title, .. })) = events.get_mut(start)
        {
            *title = "".into();
        }
        if !(empty || named || link.mention) {
            return;
        }
        let title = match model.resolve_in(file.rel, file.lang, &link.dest) {
            LinkTarget::Article { index, .. } if !link.dest.starts_with('#') => {
                Some(model.articles[index].article.title.clone())
            }
            _ => None,
        };
        let shown = match title {
            Some(title) => title,
            None if empty => link.dest.trim_start_matches('#').to_owned(),
            None => return,
        };
        if empty {
            push_collapsed(&mut self.section_text, &shown);
        }
        events.truncate(start + 1);
        events.push(Event::Text(shown.into()));
    }

    /// Closes a comment or raw-text element the body left open, at the
    /// body's end, and says where it opened: the browser would read the
    /// rest of the page into it.
    fn close_raw_text(&mut self) {
        let Some((open, opener)) = self.raw_text.unclosed() else {
            return;
        };
        let closer = open.closer();
        self.events.push(Event::Html(format!("{closer}\n").into()));
        self.out.diagnostics.push(
            Diagnostic::warning(
                self.page.file.path,
                opener,
                format!(
                    "this {} is never closed: a browser would hide the rest of the page in it \
                     (tier0 closes it at the end of the article's text)",
                    open.name()
                ),
            )
            .with_help(format!("write `{closer}` where it should end")),
        );
    }

    /// The HTML and everything learned, for a body of `len` bytes of Markdown.
    fn finish(mut self, len: usize) -> RenderedBody {
        self.close_raw_text();
        let terms = std::mem::take(&mut self.terms);
        terms.give_ids(&mut self.events, &mut self.ids, &mut self.out.anchors);
        self.section.text = finish_section_text(&mut self.section_text);
        self.out.sections.push(self.section);
        self.out
            .sections
            .retain(|s| s.anchor.is_some() || !s.text.is_empty());
        // HTML runs about half again as long as its Markdown.
        self.out.html.reserve(len * 3 / 2);
        pulldown_cmark::html::push_html(&mut self.out.html, self.events.into_iter());
        if self.model.config.raw_html == RawHtml::Sanitize {
            // Parsing costs the square of the depth (100,000 nested `<div>`
            // took minutes): a body nesting deeper than any article needs
            // is refused before the sanitizer parses it.
            if let Some(depth) = crate::html_depth::deeper_than(&self.out.html, MAX_HTML_NESTING) {
                self.out.diagnostics.push(
                    Diagnostic::error(
                        self.page.file.path,
                        0..0,
                        format!(
                            "the article's HTML nests {depth} elements deep, more than the {MAX_HTML_NESTING} that `raw_html: sanitize` cleans"
                        ),
                    )
                    .with_help("flatten the nested HTML (lists and `<div>` inside each other) or write it as Markdown"),
                );
                self.out.html.clear();
            } else {
                self.out.html = sanitizer().clean(&self.out.html).to_string();
            }
        }
        self.out
    }
}

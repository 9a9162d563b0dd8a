//! Markdown body → HTML fragment, with everything a help article needs.
//!
//! In: one linked article and the site model. Out: [`RenderedBody`]: the
//! HTML, its table of contents, every anchor it defines (heading ids and
//! step ids), the plain text of each section for search, the anchors it
//! links to in other articles (checked once all bodies are rendered), and
//! located errors for links to things that do not exist.
//!
//! Guarantees: heading ids are unique within the page and stable for the
//! same text; items of top-level ordered lists get step ids (`paso-3`);
//! internal links are rewritten to the target's final URL.
//!
//! Internal blocks are block quotes whose first line is `> [!INTERNAL]`
//! (optionally followed by a title). The agents' build shows them as a
//! marked aside; the public build drops their events before anything reads
//! them, so no byte of them reaches the page, its table of contents or the
//! search index. Their headings still claim their ids, so every other
//! anchor is the same in both builds and links agents copy work on both.

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use search_index::Section;

use crate::config::RawHtml;
use crate::diagnostics::Diagnostic;
use crate::link::{BuildAudience, LinkTarget, SiteModel};
use crate::parse::{MarkdownFile, SectionPage};
use crate::slug::{self, UniqueIds};
use crate::syntax::internal_marker;

use super::alerts::Alerts;
use super::highlight;
use super::i18n::UiText;
use super::source::BodySource;

/// An entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// Heading level (2 or 3).
    pub level: u8,
    /// Heading id.
    pub id: String,
    /// Heading text.
    pub text: String,
}

/// A link to an anchor of another page, to check once every page is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorLink {
    /// Target article.
    pub target: usize,
    /// The anchor, without `#`.
    pub anchor: String,
    /// Where the link is written (file offsets).
    pub span: Range<usize>,
}

/// The rendered body of one article.
#[derive(Debug, Clone, Default)]
pub struct RenderedBody {
    /// HTML fragment.
    pub html: String,
    /// Headings of level 2 and 3.
    pub toc: Vec<TocEntry>,
    /// Every id defined in the body.
    pub anchors: BTreeSet<String>,
    /// Ids of the numbered steps, in order.
    pub steps: Vec<String>,
    /// The text of each numbered step, as `steps` orders them.
    pub step_texts: Vec<String>,
    /// Plain text per section.
    pub sections: Vec<Section>,
    /// Links into other pages' anchors.
    pub anchor_links: Vec<AnchorLink>,
    /// Where its links and images that lead to other articles point, as
    /// written: what the dev server resolves again after a relink, to know
    /// whether this page changed.
    pub article_links: Vec<String>,
    /// Files from `content/` it links to or shows (content-relative paths).
    pub assets: Vec<String>,
    /// Broken links and images.
    pub diagnostics: Vec<Diagnostic>,
}

/// The word step ids are made of, in `lang` (part of the URL contract).
pub fn step_word(lang: &str) -> &'static str {
    match lang {
        "es" => "paso",
        "pt" | "pt-br" => "passo",
        "fr" => "etape",
        "it" => "passo",
        "de" => "schritt",
        "ca" => "pas",
        _ => "step",
    }
}

/// What the renderer reads: Markdown events, with internal blocks replaced
/// by an opening and a closing mark, or hidden.
enum Piece<'a> {
    /// An event to render, with its source range.
    Event(Event<'a>, Range<usize>),
    /// An internal block starts; its title.
    InternalStart(String),
    /// The internal block ends.
    InternalEnd,
    /// An event of an internal block in the public build: only headings
    /// are looked at, for their ids.
    Hidden(Event<'a>),
}

/// An internal block being read.
struct InternalBlock {
    /// Block quotes open inside it, itself included.
    depth: usize,
    /// Where the marker line ends; events starting before are the marker's.
    marker_end: usize,
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
struct InternalBlocks<'a, I> {
    events: I,
    source: &'a str,
    show: bool,
    block: Option<InternalBlock>,
    queued: Option<(Event<'a>, Range<usize>)>,
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
                        marker_end: range.start + line_end,
                        first_paragraph: FirstParagraph::Unseen,
                    });
                    if self.show {
                        return Some(Piece::InternalStart(title.to_owned()));
                    }
                    continue;
                }
                return Some(Piece::Event(event, range));
            };
            match event {
                Event::Start(Tag::BlockQuote(_)) => block.depth += 1,
                Event::End(TagEnd::BlockQuote(_)) => {
                    block.depth -= 1;
                    if block.depth == 0 {
                        self.block = None;
                        if self.show {
                            return Some(Piece::InternalEnd);
                        }
                        continue;
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

struct ListState {
    steps: bool,
    next: u64,
}

/// The page a body is rendered for.
struct Page<'a> {
    /// The Markdown file.
    file: MarkdownFile<'a>,
    /// Its site path.
    path: &'a str,
    /// The article, when it is one: links to its own anchors are checked.
    article: Option<usize>,
}

/// Renders the body of article `index`.
pub fn render_body(model: &SiteModel, index: usize, text: &UiText) -> RenderedBody {
    let linked = &model.articles[index];
    let article = &linked.article;
    let page = Page {
        file: article.file(),
        path: &linked.path,
        article: Some(index),
    };
    let mut out = render(model, &page, text);
    out.anchors.extend(title_anchors(article));
    out
}

/// The ids that links written for other generators give the page's own
/// title (`#installation` for `# Installation`, or its `{#id}`), which
/// the page shows above its body: the top of the page answers to them.
fn title_anchors(article: &crate::parse::Article) -> Vec<String> {
    // Its `{#id}`, read by the parser that reads every other heading's.
    let written = article
        .title_heading
        .as_ref()
        .and_then(|range| article.text.get(range.clone()))
        .and_then(|heading| {
            pulldown_cmark::Parser::new_ext(heading, crate::syntax::options()).find_map(|e| match e
            {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                _ => None,
            })
        });
    [
        slug::slugify(&article.title),
        slug::github_heading_id(&article.title),
    ]
    .into_iter()
    .chain(written)
    .filter(|id| !id.is_empty())
    .collect()
}

/// Renders the body of `landing`, the landing page of the section (or home
/// page) at site path `path`.
pub fn render_landing(
    model: &SiteModel,
    landing: &SectionPage,
    path: &str,
    text: &UiText,
) -> RenderedBody {
    let page = Page {
        file: landing.file(),
        path,
        article: None,
    };
    render(model, &page, text)
}

fn render(model: &SiteModel, page: &Page<'_>, text: &UiText) -> RenderedBody {
    let source = BodySource::new(page.file);
    let mut alerts = Alerts::default();
    let mut out = RenderedBody::default();
    let mut ids = UniqueIds::default();
    // About one event per 8 bytes of Markdown: growing the list would copy it.
    let mut events: Vec<Event> = Vec::with_capacity(source.text().len() / 8);
    // A heading's events are held back until its end: its id comes from its text.
    let mut heading: Option<(Tag, Vec<Event>)> = None;
    let mut lists: Vec<ListState> = Vec::new();
    let mut quote_depth = 0usize;
    let mut last_heading_id: Option<String> = None;
    // Inside a link whose target this edition leaves out: its end is dropped
    // with its start (links do not nest).
    let mut unlinked = false;
    // Where the text of the step being read starts in `section_text`.
    let mut step_start = 0;
    let mut section = Section::default();
    // The current section's text, collapsed as it comes; copied out at the
    // section's end, so that each text kept holds no spare capacity.
    let mut section_text = String::with_capacity(source.text().len());
    let step = step_word(page.file.lang);
    // Headings of hidden internal blocks: their text, to claim their ids.
    let mut hidden_heading: Option<(Option<String>, Vec<Event>)> = None;
    // The code block being read: its language and text, highlighted at its end.
    let mut code: Option<(Option<String>, String)> = None;
    let pieces = InternalBlocks {
        events: source.events(),
        source: source.text(),
        show: model.audience == BuildAudience::Agents,
        block: None,
        queued: None,
    };

    for piece in pieces {
        let (event, range) = match piece {
            Piece::Event(event, range) => (event, range),
            Piece::InternalStart(title) => {
                quote_depth += 1;
                let label = text.get("internal_block");
                let title = if title.is_empty() {
                    escape_attr(label)
                } else {
                    format!("{} · {}", escape_attr(label), escape_attr(&title))
                };
                events.push(Event::Html(
                    format!("<aside class=\"internal\"><p class=\"internal-title\">{title}</p>\n")
                        .into(),
                ));
                continue;
            }
            Piece::InternalEnd => {
                quote_depth = quote_depth.saturating_sub(1);
                events.push(Event::Html("</aside>\n".into()));
                continue;
            }
            Piece::Hidden(event) => {
                match event {
                    Event::Start(Tag::Heading { id, .. }) => {
                        hidden_heading = Some((id.map(|i| i.to_string()), Vec::new()));
                    }
                    Event::End(TagEnd::Heading(_)) => {
                        if let Some((explicit, inner)) = hidden_heading.take() {
                            heading_ids(&mut ids, explicit.as_deref(), &plain_text(&inner));
                        }
                    }
                    other => {
                        if let Some((_, inner)) = hidden_heading.as_mut() {
                            inner.push(other);
                        }
                    }
                }
                continue;
            }
        };
        if let Some((_, text)) = code.as_mut() {
            match event {
                Event::Text(t) => {
                    push_collapsed(&mut section_text, &t);
                    text.push_str(&t);
                }
                Event::End(TagEnd::CodeBlock) => {
                    if let Some((language, text)) = code.take() {
                        let html = highlight::code_block(language.as_deref(), &text);
                        events.push(Event::Html(html.into()));
                    }
                }
                _ => {}
            }
            continue;
        }
        let span = source.span(&range);
        if let Some((_, buffered)) = heading.as_mut() {
            match event {
                Event::End(TagEnd::Heading(_)) => {
                    let Some((
                        Tag::Heading {
                            level,
                            id: explicit,
                            classes,
                            attrs,
                        },
                        inner,
                    )) = heading.take()
                    else {
                        continue;
                    };
                    let title = plain_text(&inner);
                    let (id, alias) = heading_ids(&mut ids, explicit.as_deref(), &title);
                    out.anchors.insert(id.clone());
                    let level_number = level as u8;
                    if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                        out.toc.push(TocEntry {
                            level: level_number,
                            id: id.clone(),
                            text: title.clone(),
                        });
                    }
                    section.text = finish_section_text(&mut section_text);
                    out.sections.push(std::mem::take(&mut section));
                    section.anchor = Some(id.clone());
                    section.heading = Some(title.clone());
                    last_heading_id = Some(id.clone());
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: Some(id.clone().into()),
                        classes,
                        attrs,
                    }));
                    if let Some(alias) = alias {
                        events.push(Event::InlineHtml(
                            format!("<span id=\"{}\"></span>", escape_attr(&alias)).into(),
                        ));
                        out.anchors.insert(alias);
                    }
                    events.extend(inner);
                    events.push(Event::InlineHtml(
                        format!(
                            "<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{}\">#</a>",
                            escape_attr(&format!("{} {title}", text.get("link_to_section")))
                        )
                        .into(),
                    ));
                    events.push(Event::End(TagEnd::Heading(level)));
                }
                other => {
                    let other = rewrite_link(model, page, other, span, &mut out, &mut unlinked);
                    buffered.push(other);
                }
            }
            continue;
        }
        match event {
            Event::Start(tag @ Tag::Heading { .. }) => heading = Some((tag, Vec::new())),
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match &kind {
                    CodeBlockKind::Fenced(info) => highlight::info_language(info),
                    CodeBlockKind::Indented => None,
                };
                code = Some((language.map(str::to_owned), String::new()));
            }
            Event::Start(Tag::List(start)) => {
                let steps = start.is_some() && lists.is_empty() && quote_depth == 0;
                lists.push(ListState {
                    steps,
                    next: start.unwrap_or(1),
                });
                events.push(Event::Start(Tag::List(start)));
            }
            Event::End(TagEnd::List(ordered)) => {
                lists.pop();
                events.push(Event::End(TagEnd::List(ordered)));
            }
            Event::Start(Tag::Item) => match lists.as_mut_slice() {
                [list] if list.steps => {
                    let number = list.next;
                    list.next += 1;
                    let plain = format!("{step}-{number}");
                    let wanted = if ids.contains(&plain) {
                        last_heading_id
                            .as_ref()
                            .map_or(plain.clone(), |h| format!("{h}-{plain}"))
                    } else {
                        plain
                    };
                    let id = ids.claim(&wanted);
                    out.anchors.insert(id.clone());
                    out.steps.push(id.clone());
                    step_start = section_text.len();
                    events.push(Event::Html(
                        format!(
                            "<li id=\"{id}\" class=\"step\"><a class=\"step-anchor\" href=\"#{id}\" aria-label=\"{} {number}\">#</a>",
                            escape_attr(text.get("link_to_step"))
                        )
                        .into(),
                    ));
                }
                _ => events.push(Event::Start(Tag::Item)),
            },
            Event::Start(Tag::BlockQuote(kind)) => {
                quote_depth += 1;
                events.push(match kind {
                    Some(kind) => {
                        let admonition = source.admonition_at(range.start);
                        Event::Html(alerts.open(kind, admonition, text).into())
                    }
                    None => Event::Start(Tag::BlockQuote(None)),
                });
            }
            Event::End(TagEnd::BlockQuote(kind)) => {
                quote_depth = quote_depth.saturating_sub(1);
                events.push(match kind {
                    Some(_) => Event::Html(alerts.close().into()),
                    None => Event::End(TagEnd::BlockQuote(None)),
                });
            }
            other => {
                match &other {
                    Event::Text(t) | Event::Code(t) => push_collapsed(&mut section_text, t),
                    Event::SoftBreak
                    | Event::HardBreak
                    | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                        push_collapsed(&mut section_text, " ")
                    }
                    _ => {}
                }
                if matches!(other, Event::End(TagEnd::Item))
                    && matches!(lists.as_slice(), [list] if list.steps)
                {
                    let step = section_text.get(step_start..).unwrap_or_default();
                    out.step_texts.push(step.trim().to_owned());
                }
                let other = rewrite_link(model, page, other, span, &mut out, &mut unlinked);
                events.push(other);
            }
        }
    }
    section.text = finish_section_text(&mut section_text);
    out.sections.push(section);
    out.sections
        .retain(|s| s.anchor.is_some() || !s.text.is_empty());
    // HTML runs about half again as long as its Markdown.
    out.html.reserve(source.text().len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    if model.config.raw_html == RawHtml::Sanitize {
        out.html = sanitizer().clean(&out.html).to_string();
    }
    out
}

/// The cleaner of `raw_html: sanitize`: ammonia's allow-list of harmless
/// tags, plus what tier0's own markup needs (ids, classes, ARIA labels,
/// task-list checkboxes, table alignment), and nothing that runs code.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_tags(["input"])
            .add_generic_attributes(["id", "class", "aria-label", "role"])
            .add_tag_attributes("input", ["type", "disabled", "checked"])
            .add_tag_attributes("details", ["open"])
            .set_tag_attribute_value("input", "disabled", "")
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .filter_style_properties(["text-align"].into_iter().collect())
            .link_rel(None);
        builder
    })
}

/// Claims the id of a heading: the one written (`{#id}`), else its text's slug.
/// The id of a heading with the text `text` (or the id written for it),
/// and the id another generator gives it when that differs and is free
/// (`people--body` for `people-body`): the page answers to it too, so
/// links written for that generator land on the heading. Both are claimed
/// in both builds, hidden headings' too, so every other anchor is the same.
fn heading_ids(
    ids: &mut UniqueIds,
    explicit: Option<&str>,
    text: &str,
) -> (String, Option<String>) {
    if let Some(written) = explicit {
        return (ids.claim(written), None);
    }
    let id = ids.claim(&slug::slugify(text));
    // Words of ASCII letters and digits, single-spaced: both ids are the
    // same, and most headings are such.
    let plain = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    if plain {
        return (id, None);
    }
    let other = slug::github_heading_id(text);
    let alias = (!other.is_empty() && other != id && ids.take(&other)).then_some(other);
    (id, alias)
}

/// Appends the words of `text`, split where any Unicode white space is, to
/// `out`, which holds words separated by single spaces: none before the
/// first, maybe one after the last.
///
/// This runs over the text of every article. Most pieces of text hold no
/// white space but single ASCII spaces: they are checked by a loop without
/// branches, which the compiler vectorises, and copied whole. The others
/// are scanned byte by byte.
fn push_collapsed(out: &mut String, text: &str) {
    let starts_a_run = text.starts_with(' ') && (out.is_empty() || out.ends_with(' '));
    if !starts_a_run && single_spaced(text.as_bytes()) {
        out.push_str(text);
        return;
    }
    let bytes = text.as_bytes();
    let mut word_start = None;
    let mut i = 0;
    while i < bytes.len() {
        let space = whitespace_len(text, i);
        match (space, word_start) {
            (0, None) => word_start = Some(i),
            (0, Some(_)) => {}
            (_, start) => {
                if let Some(start) = start {
                    out.push_str(&text[start..i]);
                    word_start = None;
                }
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
        i += space.max(1);
    }
    if let Some(start) = word_start {
        out.push_str(&text[start..]);
    }
}

/// The text collected by [`push_collapsed`] in `text`, trimmed; empties `text`.
fn finish_section_text(text: &mut String) -> String {
    let finished = text.trim_end_matches(' ').to_owned();
    text.clear();
    finished
}

/// Whether `bytes` holds no white space but single ASCII spaces. May say
/// no for text that does (a lead byte of U+1680, U+2000–U+205F or U+3000
/// is enough), never yes for text that does not.
///
/// The pairs are two slices zipped, one byte apart, so that the loop is
/// vectorised: a chained iterator kept it byte by byte, ten times slower.
fn single_spaced(bytes: &[u8]) -> bool {
    let Some((&last, _)) = bytes.split_last() else {
        return true;
    };
    let lone = |a: u8| matches!(a, 0x09..=0x0D | 0xE1..=0xE3);
    let pairs = bytes.iter().zip(&bytes[1..]);
    let odd = pairs.fold(false, |odd, (&a, &b)| {
        odd | lone(a) | (a == b' ' && b == b' ') | (a == 0xC2 && (b == 0x85 || b == 0xA0))
    });
    !(odd | lone(last))
}

/// The byte length of the white space character at byte `i` of `text`, or
/// 0 when there is none. Only the lead bytes 0xC2, 0xE1, 0xE2 and 0xE3 start
/// non-ASCII white space, so other bytes (continuation bytes included) are
/// never decoded.
#[inline]
fn whitespace_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// The text of inline events, as a reader sees it.
fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_owned()
}

/// Rewrites internal link and image targets to final URLs; records
/// problems. A link to an article this edition leaves out for its KCS state
/// becomes its text alone: its start and its end (`unlinked` between them)
/// are dropped.
fn rewrite_link<'a>(
    model: &SiteModel,
    page: &Page<'_>,
    event: Event<'a>,
    span: Range<usize>,
    out: &mut RenderedBody,
    unlinked: &mut bool,
) -> Event<'a> {
    match event {
        Event::End(TagEnd::Link) if *unlinked => {
            *unlinked = false;
            Event::Text(CowStr::Borrowed(""))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !matches!(link_type, LinkType::Email | LinkType::Autolink) => {
            let dest_url = match (dest_url.strip_prefix('#'), page.article) {
                (Some(anchor), Some(target)) => {
                    out.anchor_links.push(AnchorLink {
                        target,
                        anchor: anchor.to_owned(),
                        span,
                    });
                    dest_url
                }
                (Some(_), None) => dest_url,
                (None, _) => match resolve(model, page, dest_url, span, out, "link") {
                    Some(dest_url) => dest_url,
                    None => {
                        *unlinked = true;
                        return Event::Text(CowStr::Borrowed(""));
                    }
                },
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url =
                resolve(model, page, dest_url.clone(), span, out, "image").unwrap_or(dest_url);
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

/// The URL `dest` becomes, or `None` when it names an article this edition
/// leaves out for its KCS state (said in a warning, never fatal: archiving
/// an article must not break the build of those that cite it).
fn resolve<'a>(
    model: &SiteModel,
    page: &Page<'_>,
    dest: CowStr<'a>,
    span: Range<usize>,
    out: &mut RenderedBody,
    what: &str,
) -> Option<CowStr<'a>> {
    Some(
        match model.resolve_in(page.file.rel, page.file.lang, &dest) {
            LinkTarget::External => dest,
            LinkTarget::Page { path, anchor } => {
                let href = model.urls.href(page.path, &path);
                match anchor {
                    Some(anchor) => format!("{href}#{anchor}").into(),
                    None => href.into(),
                }
            }
            LinkTarget::Article {
                index: target,
                anchor,
            } => {
                let href = model.urls.href(page.path, &model.articles[target].path);
                out.article_links.push(dest.into_string());
                match anchor {
                    Some(anchor) => {
                        out.anchor_links.push(AnchorLink {
                            target,
                            anchor: anchor.clone(),
                            span,
                        });
                        format!("{href}#{anchor}").into()
                    }
                    None => href.into(),
                }
            }
            LinkTarget::Asset(rel) => {
                let href = model.urls.href(page.path, &rel);
                out.assets.push(rel);
                href.into()
            }
            LinkTarget::Missing(reason) => {
                out.diagnostics.push(
                Diagnostic::error(page.file.path, span, format!("broken {what}: {reason}"))
                    .with_help("link to an article by its id (`KB-1042`) or by the relative path of its .md file")
                    .fatal_if(model.config.strict),
            );
                dest
            }
            LinkTarget::Unpublished(reason) => {
                out.diagnostics.push(
                    Diagnostic::warning(
                        page.file.path,
                        span,
                        format!("{what} without a target: {reason}; the page shows its text only"),
                    )
                    .with_help("link to a validated article instead, or validate the one linked"),
                );
                return None;
            }
        },
    )
}

/// Escapes text for an HTML attribute (double-quoted) or text node.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_text_is_escaped() {
        assert_eq!(
            escape_attr(r#"<img src=x onerror="a()"> & co"#),
            "&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; co"
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_with_single_spaces_take_the_fast_path() {
        for text in [
            "",
            "a",
            "¿Qué pasó? ¡Nada!",
            "conexión de red: paso 1",
            "x ",
        ] {
            assert!(single_spaced(text.as_bytes()), "{text:?}");
        }
        for text in ["a  b", "a\tb", "a\u{a0}b", "a\u{2003}b", "\n"] {
            assert!(!single_spaced(text.as_bytes()), "{text:?}");
        }
    }

    /// The inverse of [`escape_attr`], for the property below.
    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn escaped_attributes_hold_no_markup_and_unescape_back(
            text in prop_oneof![any::<String>(), "[<>\"'& a&;lgtquo#0-9]{0,24}"]
        ) {
            let escaped = escape_attr(&text);
            prop_assert!(!escaped.contains(['<', '>', '"']), "{escaped:?}");
            prop_assert_eq!(unescape(&escaped), text);
        }

        #[test]
        fn single_spaced_text_holds_no_other_white_space(
            text in "[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{bf}\u{1680}\u{2000}-\u{200b}\u{2028}\u{3000}\u{e1}a-c]{0,12}"
        ) {
            if single_spaced(text.as_bytes()) {
                prop_assert!(!text.contains("  "), "{text:?}");
                prop_assert!(text.chars().all(|c| c == ' ' || !c.is_whitespace()), "{text:?}");
            }
        }

        #[test]
        fn collapsing_white_space_keeps_the_words_in_order(
            text in prop_oneof![
                any::<String>(),
                "[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}\u{e1}\u{2603}a-z]{0,24}",
            ]
        ) {
            let words: Vec<&str> = text.split_whitespace().collect();
            let mut out = String::new();
            push_collapsed(&mut out, &text);
            prop_assert_eq!(out.trim_end_matches(' '), words.join(" "));
        }

        #[test]
        fn text_collapsed_piece_by_piece_reads_as_collapsed_whole(
            pieces in proptest::collection::vec(
                "[ \t\n\u{85}\u{a0}\u{bf}\u{2000}\u{2013}\u{3000}a-c]{0,6}", 0..8,
            )
        ) {
            let whole = pieces.concat();
            let words: Vec<&str> = whole.split_whitespace().collect();
            let mut out = String::new();
            for piece in &pieces {
                push_collapsed(&mut out, piece);
            }
            prop_assert!(!out.starts_with(' ') && !out.contains("  "), "{out:?}");
            prop_assert_eq!(out.trim_end_matches(' '), words.join(" "));
        }
    }
}

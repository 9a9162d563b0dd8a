//! What the renderer parses of an article body: the body with its
//! Markdown dialect rewritten ([`crate::dialects`]), without the heading
//! the page's title stands for, and the way back from offsets of what is
//! parsed to offsets of the file, for diagnostics.

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use crate::dialects::{Admonition, Prepared};
use crate::parse::MarkdownFile;
use crate::syntax::options;

/// A body (an article's or a landing page's), ready to parse.
pub(super) struct BodySource<'a> {
    prepared: Prepared<'a>,
    /// Where the body starts in the file.
    base: usize,
    /// Where the title's heading starts in the file, if the page shows it
    /// as its title.
    title: Option<usize>,
}

impl<'a> BodySource<'a> {
    pub(super) fn new(file: MarkdownFile<'a>) -> Self {
        Self {
            prepared: file.prepared(),
            base: file.body_start,
            title: file.title_heading.map(|r| r.start),
        }
    }

    /// The Markdown parsed.
    pub(super) fn text(&self) -> &str {
        self.prepared.text()
    }

    /// The file range of `range` of [`Self::text`].
    pub(super) fn span(&self, range: &Range<usize>) -> Range<usize> {
        self.base + self.prepared.source_offset(range.start)
            ..self.base + self.prepared.source_offset(range.end)
    }

    /// The admonition an alert starting at `offset` of [`Self::text`] was
    /// written as, if another dialect wrote it.
    pub(super) fn admonition_at(&self, offset: usize) -> Option<&Admonition> {
        self.prepared.admonition_at(offset)
    }

    /// The Markdown events of the body, with their ranges in [`Self::text`],
    /// the title's heading left out, the cross-references of
    /// mkdocs-autorefs ([`autoref`]) as their text, and code spans as
    /// they are shown ([`crate::dialects::shown_code`]).
    pub(super) fn events(&self) -> impl Iterator<Item = (Event<'_>, Range<usize>)> {
        let mut skipping = false;
        let mut unlinked = None;
        let text = self.text();
        Parser::new_with_broken_link_callback(text, options(), Some(|link| autoref(text, link)))
            .into_offset_iter()
            .filter(move |(event, range)| {
                if skipping {
                    skipping = !matches!(event, Event::End(TagEnd::Heading(_)));
                    return false;
                }
                match event {
                    Event::Start(Tag::Link { link_type, .. } | Tag::Image { link_type, .. })
                        if matches!(
                            link_type,
                            LinkType::ReferenceUnknown | LinkType::CollapsedUnknown
                        ) =>
                    {
                        unlinked = Some(range.end);
                        return false;
                    }
                    Event::End(TagEnd::Link | TagEnd::Image) if unlinked == Some(range.end) => {
                        unlinked = None;
                        return false;
                    }
                    _ => {}
                }
                let title = matches!(event, Event::Start(Tag::Heading { .. }))
                    && self.title == Some(self.span(range).start);
                skipping = title;
                !title
            })
            .map(|(event, range)| match event {
                Event::Code(code) => {
                    let hidden = code.len() - crate::dialects::shown_code(&code).len();
                    let shown = match hidden {
                        0 => code,
                        _ => code[hidden..].to_owned().into(),
                    };
                    (Event::Code(shown), range)
                }
                other => (other, range),
            })
    }

    /// The ids written in the body: for its headings (`## Title {#id}`)
    /// and its raw HTML's elements (`<a id="install"></a>`, `<a
    /// name="top">`), read only when the text may hold one. Generated ids
    /// pass over them, so that a heading does not take the id of a target
    /// written further down, nor share one with an HTML element.
    pub(super) fn written_ids(&self) -> Vec<String> {
        let text = self.text();
        if !text.contains("{#") && !names_an_attribute(text) {
            return Vec::new();
        }
        let mut ids = Vec::new();
        for (event, _) in self.events() {
            match event {
                Event::Start(Tag::Heading { id: Some(id), .. }) => ids.push(id.to_string()),
                Event::Html(html) | Event::InlineHtml(html) => {
                    ids.extend(crate::references::html_targets(&html).map(str::to_owned));
                }
                _ => {}
            }
        }
        ids
    }
}

/// Whether `text` holds `id=` or `name=` (any case, spaces before the
/// `=`): where an HTML element may write a link target.
fn names_an_attribute(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'=', bytes).any(|at| {
        let before = bytes[..at].trim_ascii_end();
        [&b"id"[..], b"name"].iter().any(|name| {
            before.len() >= name.len()
                && before[before.len() - name.len()..].eq_ignore_ascii_case(name)
        })
    })
}

/// A reference to no link definition that names an anchor or an object
/// of another page (`[Markdown][markdown.Markdown]`, `[config.post_dir][]`),
/// as mkdocs-autorefs resolves them from the pages and API references of
/// the whole MkDocs site, or a link whose definition another tool appends
/// to every page (`[PEP 517][]`, defined in Hatch's snippets file;
/// `[MkDocs][mkdocs]`, in PyMdown's): tier0 has neither, so the reader
/// sees the text of `link` in `text`, not the brackets. An empty target
/// marks it for [`BodySource::events`] to leave the link out. A label of
/// one word without `.`, `-` or `_` must have two characters or more, a
/// letter among them, and the reference must not follow a word or a
/// bracket: `m[i][j]`, `a[row][col]` and `[1][2]` stay text as written, as
/// do shortcut references (`[optional]`).
fn autoref<'i>(text: &str, link: BrokenLink<'i>) -> Option<(CowStr<'i>, CowStr<'i>)> {
    let label = link.reference.as_ref();
    let long = label.chars().nth(1).is_some();
    let identifier =
        long && label.contains(|c: char| matches!(c, '.' | '-' | '_') || c.is_whitespace());
    let after_word = text
        .get(..link.span.start)
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | ']' | ')'));
    let word = long && label.contains(char::is_alphabetic) && !after_word;
    let full = matches!(link.link_type, LinkType::Reference | LinkType::Collapsed);
    (full && (identifier || word)).then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::config::Config;
    use crate::discover::{SourceFile, Sources};

    #[test]
    fn the_title_heading_is_left_out_and_spans_point_into_the_file() {
        let text = "---\nid: a\n---\n# Title\n\n!!! note\n    [x](y.md)\n";
        let sources = Sources {
            articles: vec![SourceFile::in_content("a.md", text)],
            ..Sources::default()
        };
        let parsed = crate::parse::parse(&Config::default(), &sources);
        let article = &parsed.articles[0];
        assert_eq!(article.title, "Title");
        let source = BodySource::new(article.file());
        let events: Vec<_> = source.events().collect();
        assert!(
            !events
                .iter()
                .any(|(e, _)| matches!(e, Event::Text(t) if &**t == "Title"))
        );
        let (_, link) = events
            .iter()
            .find(|(e, _)| matches!(e, Event::Start(Tag::Link { .. })))
            .unwrap();
        assert_eq!(&text[source.span(link)], "[x](y.md)");
        let (_, quote) = events
            .iter()
            .find(|(e, _)| matches!(e, Event::Start(Tag::BlockQuote(Some(_)))))
            .unwrap();
        assert!(source.admonition_at(quote.start).is_some());
    }

    /// Python-Markdown's docs showed 113 such references as `[…][…]`,
    /// Hatch's as `[PEP 517][]`, PyMdown's 45 as `[MkDocs][mkdocs]`.
    #[test]
    fn cross_references_of_autorefs_are_their_text() {
        let text = "---\nid: a\n---\nSee [`Markdown`][markdown.Markdown], [Blog][], \
                    [PEP 517][] and [defined][d].\n\nAlso [MkDocs][mkdocs] (or [`str`][]).\n\n\
                    Kept: m[i][j], a[row][col], [1][2], [optional] and \
                    [Blog].\n\n[d]: https://example.com\n";
        let text = text.replace("[Blog][]", "[config.blog_dir][]");
        let sources = Sources {
            articles: vec![SourceFile::in_content("a.md", &text)],
            ..Sources::default()
        };
        let parsed = crate::parse::parse(&Config::default(), &sources);
        let source = BodySource::new(parsed.articles[0].file());
        let mut shown = String::new();
        let mut links = 0;
        for (event, _) in source.events() {
            match event {
                Event::Text(t) | Event::Code(t) => shown.push_str(&t),
                Event::Start(Tag::Link { .. }) => links += 1,
                Event::End(TagEnd::Paragraph) => shown.push('\n'),
                _ => {}
            }
        }
        assert_eq!(
            shown,
            "See Markdown, config.blog_dir, PEP 517 and defined.\n\
             Also MkDocs (or str).\n\
             Kept: m[i][j], a[row][col], [1][2], [optional] and [Blog].\n"
        );
        assert_eq!(links, 1);
    }
}

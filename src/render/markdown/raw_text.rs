//! Raw HTML of a body that never ends: an HTML comment (`<!-- TODO`)
//! without its `-->`, or an element whose content a browser reads as text
//! up to its end tag (`<textarea>`, `<script>`, `<style>`, `<title>`,
//! `<xmp>` …) without that end tag.
//!
//! Markdown passes such HTML through as written, and a browser then reads
//! everything after it, the rest of the body and the page around it (the
//! steps, the "Still stuck?" box, the footer), as the comment or the
//! element's text: the page silently loses its end. In: the raw HTML events
//! of a body in order, with where each stands in the file. Out: the one
//! left open at the body's end, if any, and the text that closes it.
//!
//! Such an element written as JSX writes an empty one, `<iframe … />`
//! (MDX, and Markdown meant for a React renderer, embed their videos so):
//! its author closed it, but HTML reads the `/` as nothing and the element
//! as open. [`EmptyElements`] gives it its end tag where it stands.

use std::ops::Range;

/// Elements whose content is raw text up to their end tag, even across
/// Markdown blocks (`<plaintext>`, which nothing ends, is not one of them:
/// no end tag would help).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// What is open: a comment, or a raw-text element of this name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Open {
    Comment,
    Element(&'static str),
}

impl Open {
    /// The text that closes it.
    pub(super) fn closer(self) -> String {
        match self {
            Self::Comment => "-->".to_owned(),
            Self::Element(name) => format!("</{name}>"),
        }
    }

    /// How a message names it.
    pub(super) fn name(self) -> String {
        match self {
            Self::Comment => "HTML comment `<!--`".to_owned(),
            Self::Element(name) => format!("`<{name}>` element"),
        }
    }
}

/// Follows a body's raw HTML for what is left open.
#[derive(Debug, Default)]
pub(super) struct RawText {
    open: Option<(Open, Range<usize>)>,
}

impl RawText {
    /// Reads the raw HTML `html`, which stands at `span` of the file.
    pub(super) fn read(&mut self, html: &str, span: &Range<usize>) {
        let mut at = 0;
        while at < html.len() {
            match self.open {
                None => match opener(&html[at..]) {
                    Some((offset, len, open)) => {
                        let start = (span.start + at + offset).min(span.end);
                        self.open = Some((open, start..(start + len).min(span.end)));
                        at += offset + len;
                    }
                    None => return,
                },
                Some((open, _)) => match closer(&html[at..], open) {
                    Some(end) => {
                        self.open = None;
                        at += end;
                    }
                    None => return,
                },
            }
        }
    }

    /// What is still open, and where it was opened.
    pub(super) fn unclosed(&self) -> Option<(Open, Range<usize>)> {
        self.open.clone()
    }
}

/// Gives each raw-text element written empty as JSX writes one its end
/// tag (`<iframe src="…"/>` → `<iframe src="…"/></iframe>`), across the
/// raw HTML events of a body in order: an HTML block comes a line at a
/// time, and a tag may spread over its lines (`<iframe` … `/>`).
#[derive(Debug, Default)]
pub(super) struct EmptyElements {
    /// The raw-text element whose start tag has not ended yet, and the
    /// quote its attributes were left in.
    open: Option<(&'static str, Option<char>)>,
}

impl EmptyElements {
    /// `html` with the end tags put in, or `None` when it needs none.
    pub(super) fn close(&mut self, html: &str) -> Option<String> {
        let mut out = String::new();
        let mut copied = 0;
        let mut from = 0;
        loop {
            let (name, quote, attributes) = match self.open.take() {
                Some((name, quote)) => (name, quote, from),
                None => {
                    let Some(i) = memchr::memchr(b'<', &html.as_bytes()[from..]).map(|i| from + i)
                    else {
                        break;
                    };
                    from = i + 1;
                    let Some(name) = RAW_TEXT.iter().find(|name| tag_named(&html[i + 1..], name))
                    else {
                        continue;
                    };
                    (*name, None, i + 1 + name.len())
                }
            };
            let end = match tag_end(html, attributes, quote) {
                Ok(end) => end,
                Err(quote) => {
                    self.open = Some((name, quote));
                    break;
                }
            };
            from = end;
            let closer = format!("</{name}>");
            let closed = html[end..]
                .get(..closer.len())
                .is_some_and(|next| next.eq_ignore_ascii_case(&closer));
            if html[..end - 1].ends_with('/') && !closed {
                out.push_str(&html[copied..end]);
                out.push_str(&closer);
                copied = end;
            }
        }
        (copied > 0).then(|| out + &html[copied..])
    }
}

/// Where the start tag whose attributes go on at `from` of `html`, inside
/// `quote` if one was left open, ends (after its `>`, which a quoted value
/// does not end); else the quote it is left in.
fn tag_end(html: &str, from: usize, mut quote: Option<char>) -> Result<usize, Option<char>> {
    for (at, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '>') => return Ok(from + at + 1),
            _ => {}
        }
    }
    Err(quote)
}

/// The first comment or raw-text element opening in `html`: its offset,
/// the length of its opener, and what it opens.
fn opener(html: &str) -> Option<(usize, usize, Open)> {
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[from..]).map(|i| from + i) {
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            return Some((i, 4, Open::Comment));
        }
        for name in RAW_TEXT {
            if tag_named(&rest[1..], name) {
                return Some((i, 1 + name.len(), Open::Element(name)));
            }
        }
        from = i + 1;
    }
    None
}

/// Where the text that ends `open` in `html` ends, if it is there.
fn closer(html: &str, open: Open) -> Option<usize> {
    match open {
        Open::Comment => crate::html_depth::comment_end(html.as_bytes(), 0),
        Open::Element(name) => {
            let bytes = html.as_bytes();
            let mut from = 0;
            while let Some(i) = memchr::memmem::find(&bytes[from..], b"</").map(|i| from + i) {
                if tag_named(&html[i + 2..], name) {
                    return Some(i + 2 + name.len());
                }
                from = i + 2;
            }
            None
        }
    }
}

/// Whether `text` starts with the tag name `name` (in any case), ended by
/// a space, `>` or `/` (or the text's end).
fn tag_named(text: &str, name: &str) -> bool {
    text.get(..name.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(name))
        && text[name.len()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unclosed(chunks: &[&str]) -> Option<(Open, Range<usize>)> {
        let mut raw = RawText::default();
        let mut at = 0;
        for chunk in chunks {
            raw.read(chunk, &(at..at + chunk.len()));
            at += chunk.len();
        }
        raw.unclosed()
    }

    #[test]
    fn closed_comments_and_elements_are_not_reported() {
        assert_eq!(unclosed(&["<!-- a -->", "<p>x</p>"]), None);
        assert_eq!(unclosed(&["<!-- a\n", "b -->\n"]), None);
        assert_eq!(unclosed(&["<!-->", "<!--->"]), None);
        assert_eq!(unclosed(&["<textarea>", "x", "</TEXTAREA >"]), None);
        assert_eq!(
            unclosed(&["<script src=x></script><style>a{}</style>"]),
            None
        );
        assert_eq!(unclosed(&["<titles>", "<scripts>"]), None);
    }

    #[test]
    fn a_raw_text_element_written_empty_as_jsx_does_is_closed_where_it_stands() {
        let close = |chunks: &[&str]| {
            let mut empty = EmptyElements::default();
            chunks
                .iter()
                .map(|chunk| empty.close(chunk).unwrap_or_else(|| (*chunk).to_owned()))
                .collect::<String>()
        };
        let closed = close(&["<iframe title=\"a > b\" src='x'/>\n<p>On</p><SCRIPT src=y />"]);
        assert_eq!(
            closed,
            "<iframe title=\"a > b\" src='x'/></iframe>\n<p>On</p><SCRIPT src=y /></script>"
        );
        assert_eq!(unclosed(&[&closed]), None);
        // A tag spread over the lines of an HTML block.
        let lines = [
            "<iframe\n",
            "  title=\"a /> b\n",
            " c\"\n",
            "  loading=\"lazy\"\n",
            "/>\n",
        ];
        assert_eq!(
            close(&lines),
            "<iframe\n  title=\"a /> b\n c\"\n  loading=\"lazy\"\n/></iframe>\n"
        );
        for html in [
            "<iframe src=x></iframe>",
            "<iframe src=x/></iframe>",
            "<img src=x/><br/>",
            "<iframes src=x/>",
        ] {
            assert_eq!(EmptyElements::default().close(html), None, "{html}");
        }
    }

    #[test]
    fn what_is_left_open_is_found_where_it_opens() {
        assert_eq!(
            unclosed(&["<p>a</p>\n", "x <!-- TODO\n"]),
            Some((Open::Comment, 11..15))
        );
        assert_eq!(
            unclosed(&["<!-- a --><Script type=x>"]),
            Some((Open::Element("script"), 10..17))
        );
        assert_eq!(
            unclosed(&["<textarea>", "</textarea><xmp>"]),
            Some((Open::Element("xmp"), 21..25))
        );
        assert_eq!(Open::Element("xmp").closer(), "</xmp>");
        assert_eq!(Open::Comment.closer(), "-->");
    }
}

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
//! as open. [`closed_where_written`] gives it its end tag where it stands.

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

/// `html` with an end tag after each raw-text element it writes as JSX
/// does an empty one (`<iframe src="…"/>` → `<iframe src="…"/></iframe>`),
/// or `None` when it writes none. A tag that does not end in `html` (one
/// spread over lines of an HTML block) is left as it is.
pub(super) fn closed_where_written(html: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &html.as_bytes()[from..]).map(|i| from + i) {
        from = i + 1;
        let Some(name) = RAW_TEXT.iter().find(|name| tag_named(&html[i + 1..], name)) else {
            continue;
        };
        let Some(end) = tag_end(html, i + 1 + name.len()) else {
            break;
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

/// Where the tag whose attributes start at `from` of `html` ends (after
/// its `>`, which a quoted attribute value does not end), if it does.
fn tag_end(html: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (at, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '>') => return Some(from + at + 1),
            _ => {}
        }
    }
    None
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
        let html = "<iframe title=\"a > b\" src='x'/>\n<p>On</p><SCRIPT src=y />";
        let closed = closed_where_written(html).unwrap();
        assert_eq!(
            closed,
            "<iframe title=\"a > b\" src='x'/></iframe>\n<p>On</p><SCRIPT src=y /></script>"
        );
        assert_eq!(unclosed(&[&closed]), None);
        for html in [
            "<iframe src=x></iframe>",
            "<iframe src=x/></iframe>",
            "<iframe\n  src=\"x\"",
            "<img src=x/><br/>",
            "<iframes src=x/>",
        ] {
            assert_eq!(closed_where_written(html), None, "{html}");
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

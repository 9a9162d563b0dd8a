//! The plain text of a body, for search: white space collapsed as it
//! comes, without a second pass over the text.

use pulldown_cmark::{Event, TagEnd};

/// Appends the words of `text`, split where any Unicode white space is, to
/// `out`, which holds words separated by single spaces: none before the
/// first, maybe one after the last.
///
/// This runs over the text of every article. Most pieces of text hold no
/// white space but single ASCII spaces: they are checked by a loop without
/// branches, which the compiler vectorises, and copied whole. The others
/// are scanned byte by byte.
pub(super) fn push_collapsed(out: &mut String, text: &str) {
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
pub(super) fn finish_section_text(text: &mut String) -> String {
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
pub(super) fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            e if separates_words(e) => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_owned()
}

/// Whether a reader sees a break between the words before and after
/// `event`: a line break, a rule, a `<br>`, or the start or end of a block
/// (a definition's term and its text, a list item and the list inside
/// it, table cells), not of inline markup (emphasis, links).
pub(super) fn separates_words(event: &Event) -> bool {
    let block = |end: TagEnd| {
        !matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        )
    };
    match event {
        Event::SoftBreak | Event::HardBreak | Event::Rule => true,
        Event::Start(tag) => block(tag.to_end()),
        Event::End(end) => block(*end),
        Event::InlineHtml(html) | Event::Html(html) => {
            let tag = html
                .trim_start()
                .trim_start_matches('<')
                .trim_start_matches('/');
            let name = &tag[..tag
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(tag.len())];
            BLOCK_ELEMENTS.iter().any(|b| b.eq_ignore_ascii_case(name))
        }
        _ => false,
    }
}

/// HTML elements whose start or end a reader sees as a break between words.
const BLOCK_ELEMENTS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "ul",
    "ol",
    "dl",
    "pre",
    "blockquote",
    "section",
    "details",
    "summary",
];

#[cfg(test)]
mod proptests {
    use super::*;
    use crate::render::markdown::escape_attr;
    use proptest::prelude::*;

    #[test]
    fn blocks_and_breaks_separate_words_inline_markup_does_not() {
        use pulldown_cmark::{Parser, Tag};
        let text = |markdown: &str| {
            let mut out = String::new();
            for event in Parser::new_ext(markdown, pulldown_cmark::Options::all()) {
                match &event {
                    Event::Text(t) | Event::Code(t) => push_collapsed(&mut out, t),
                    e if separates_words(e) => push_collapsed(&mut out, " "),
                    _ => {}
                }
            }
            finish_section_text(&mut out)
        };
        assert_eq!(
            text("`og:site_name`\n: The site title\n"),
            "og:site_name The site title"
        );
        assert_eq!(text("- parent\n  - child\n"), "parent child");
        assert_eq!(text("| a | b |\n|---|---|\n| c | d |\n"), "a b c d");
        assert_eq!(text("one<br>two<BR/>three"), "one two three");
        assert_eq!(
            text("un*bel*iev[able](x) <span>x</span>y"),
            "unbelievable xy"
        );
        assert!(separates_words(&Event::Start(
            Tag::DefinitionListDefinition
        )));
        assert!(!separates_words(&Event::InlineHtml("<b>".into())));
    }

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

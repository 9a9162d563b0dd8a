//! How tier0 reads Markdown, for every stage that reads article bodies: the
//! extensions it enables and the marker that opens an internal block. The
//! link stage scans bodies with these for the files they show; the render
//! stage renders them; both must see the same events.

use pulldown_cmark::Options;

/// Markdown features tier0 enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM
}

/// The marker that opens an internal block, as its first line begins.
const INTERNAL_MARKER: &str = "[!INTERNAL]";

/// If a block quote's source starts with the internal marker: the title
/// written after it and the length of that first line.
pub fn internal_marker(quote: &str) -> Option<(&str, usize)> {
    let line_end = quote.find('\n').map_or(quote.len(), |i| i + 1);
    let line = quote[..line_end]
        .trim_start()
        .strip_prefix('>')?
        .trim_start();
    let head = line.get(..INTERNAL_MARKER.len())?;
    head.eq_ignore_ascii_case(INTERNAL_MARKER)
        .then(|| (line[INTERNAL_MARKER.len()..].trim(), line_end))
}

/// Whether a block whose source is `block` starts with what looks like the
/// internal marker but is not one: `[! INTERNAL]`, `**[!INTERNAL]**`,
/// `[!Interno]`, or the marker outside a block quote or inside raw HTML
/// (`<blockquote>[!INTERNAL]`). Its author meant it internal, and every
/// edition shows it. Tags, emphasis and white space are passed over, in any
/// case.
pub fn looks_like_internal_marker(block: &str) -> bool {
    const LOOKALIKE: &[u8] = b"[!intern";
    let mut matched = 0;
    let mut in_tag = false;
    for c in block.bytes().take(200) {
        match c {
            b'<' => in_tag = true,
            b'>' if in_tag => in_tag = false,
            _ if in_tag => {}
            b'*' | b'_' | b'>' => {}
            _ if c.is_ascii_whitespace() => {}
            _ if c.eq_ignore_ascii_case(&LOOKALIKE[matched]) => {
                matched += 1;
                if matched == LOOKALIKE.len() {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Whether `body` may hold an internal block: a cheap test before parsing.
/// The marker's `[!` is found with memchr's vector search, then the rest
/// compared in any case (a window compared at every byte cost 7 % of a
/// dev server's relink at 10,000 articles).
pub fn may_have_internal_blocks(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memmem::find_iter(bytes, &INTERNAL_MARKER.as_bytes()[..2]).any(|at| {
        bytes
            .get(at..at + INTERNAL_MARKER.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(INTERNAL_MARKER.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_internal_marker_is_found_in_any_case_anywhere() {
        assert!(may_have_internal_blocks("> [!INTERNAL]\n> x"));
        assert!(may_have_internal_blocks("text [! no [!internal] x"));
        assert!(may_have_internal_blocks("[!Internal]"));
        assert!(!may_have_internal_blocks("[!INTERNA"));
        assert!(!may_have_internal_blocks("[!NOTE] [! INTERNAL] INTERNAL]"));
    }

    #[test]
    fn a_marker_written_otherwise_looks_like_one() {
        for block in [
            "[! INTERNAL] Para el CAU\nTexto",
            "**[!INTERNAL]**",
            "[!Interno]",
            "<blockquote>\n<p>[!internal] x",
            "_[ !INTERNAL ]_",
        ] {
            assert!(looks_like_internal_marker(block), "{block:?}");
        }
        for block in [
            "[!NOTE] internal",
            "See [!INTERNAL] below",
            "`[!INTERNAL]`",
            "[internal]",
        ] {
            assert!(!looks_like_internal_marker(block), "{block:?}");
        }
        assert!(!may_have_internal_blocks(""));
    }
}

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

/// Whether `body` may hold an internal block: a cheap test before parsing.
pub fn may_have_internal_blocks(body: &str) -> bool {
    body.as_bytes()
        .windows(INTERNAL_MARKER.len())
        .any(|w| w.eq_ignore_ascii_case(INTERNAL_MARKER.as_bytes()))
}

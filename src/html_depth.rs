//! How deep HTML nests, found without parsing it.
//!
//! html5ever, under ammonia and the Zendesk import, looks through every
//! open element at each tag, so 100,000 nested `<div>` or `<ul><li>` took
//! minutes to parse. [`deeper_than`] answers first, in one pass over the
//! bytes, with a stack of at most `limit` tag names: HTML nesting deeper
//! than that is refused or flattened before any parser sees it.
//!
//! It follows the parser where that changes the depth: void elements
//! (`<br>`) and self-closed tags open nothing, an end tag closes what was
//! opened after its element too, an end tag nothing opened is ignored, and
//! `<li>`, `<p>`, `<td>`… close an open one of their kind, as their end
//! tags may be left out. Comments, `<!…>` and `<?…>` are skipped, and so is
//! a `>` inside a quoted attribute value.

/// Elements that never hold anything.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out: a new one closes the last one.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "li", "p", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
];

/// How far up the open elements a new `<li>` looks for one to close.
const SIBLING_REACH: usize = 4;

/// What a new `<li>` (`<p>`, `<td>`…) looks past for one to close: a
/// list, a table or a `<div>` in between ends the search, as in the parser.
const INLINE: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "code", "small", "u", "s", "sub", "sup", "font", "p",
];

/// The depth of `html` when it nests more than `limit` elements deep;
/// `None` when it stays within it.
pub fn deeper_than(html: &str, limit: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + offset + 1;
        match bytes.get(start) {
            Some(b'!') if bytes[start..].starts_with(b"!--") => {
                i = comment_end(bytes, start + 3).unwrap_or(bytes.len());
                continue;
            }
            Some(b'!' | b'?') => {
                i = tag_end(bytes, start);
                continue;
            }
            Some(b'/') => {
                let name = tag_name(bytes, start + 1);
                if let Some(at) = open.iter().rposition(|n| *n == name) {
                    open.truncate(at);
                }
                i = tag_end(bytes, start);
                continue;
            }
            Some(b) if b.is_ascii_alphabetic() => {}
            _ => {
                i = start;
                continue;
            }
        }
        let name = tag_name(bytes, start);
        let end = tag_end(bytes, start);
        i = end;
        let self_closed = end >= 2 && bytes[end - 2] == b'/';
        if self_closed || VOID.contains(&name.as_str()) {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&name.as_str()) {
            let sibling = open
                .iter()
                .enumerate()
                .rev()
                .take(SIBLING_REACH)
                .take_while(|(_, n)| **n == name || INLINE.contains(&n.as_str()))
                .find(|(_, n)| **n == name)
                .map(|(at, _)| at);
            if let Some(at) = sibling {
                open.truncate(at);
            }
        }
        open.push(name);
        if open.len() > limit {
            return Some(open.len());
        }
    }
    None
}

/// The lowercase name of the tag whose name starts at `from`.
fn tag_name(bytes: &[u8], from: usize) -> String {
    let rest = bytes.get(from..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-'))
        .unwrap_or(rest.len());
    String::from_utf8_lossy(&rest[..len]).to_ascii_lowercase()
}

/// Just past the `>` that ends the tag starting at `from` (not one inside a
/// quoted value), or the end of `bytes`.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (at, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return at + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Just past the end of the comment whose `<!--` ends at `from`, if it is
/// closed: at its `-->`, or at once for `<!-->` and `<!--->`, which
/// browsers take as whole empty comments.
pub fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    find(bytes, from, b"-->").map(|end| end + 3)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|at| from + at)
}

/// The text of `html` with every tag and comment left out: what a body too
/// deep to parse keeps.
pub fn text_only(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + offset;
        out.push_str(&html[i..at]);
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        i = if bytes[at + 1..].starts_with(b"!--") {
            comment_end(bytes, at + 4).unwrap_or(bytes.len())
        } else if next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?') {
            tag_end(bytes, at + 1)
        } else {
            out.push_str("&lt;");
            at + 1
        };
        if matches!(out.as_bytes().last(), Some(b) if !b.is_ascii_whitespace()) {
            out.push(' ');
        }
    }
    out.push_str(&html[i..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_follows_what_the_parser_keeps_open() {
        assert_eq!(deeper_than("<div><div><p>x</p></div></div>", 2), Some(3));
        assert_eq!(deeper_than("<div><div><p>x</p></div></div>", 3), None);
        // Void, self-closed, and siblings whose end tags are left out.
        let flat = "<p>a<br>b<img src=x><p>c<ul><li>1<li>2<li>3</ul><span/>";
        assert_eq!(deeper_than(&flat.repeat(500), 4), None);
        // An end tag closes what it holds; one nothing opened is ignored.
        assert_eq!(deeper_than(&"<div><b><i></div>".repeat(500), 3), None);
        assert_eq!(deeper_than("</div></div><div>", 1), None);
        // A `>` in a quoted value, and comments, hide no tag.
        assert_eq!(
            deeper_than(r#"<a title="<div><div>">x</a><!-- <div><div> -->"#, 1),
            None
        );
    }

    #[test]
    fn a_hundred_thousand_nested_elements_are_refused_in_one_pass() {
        // Past the limit the scan stops: counting, not timing, shows it
        // reads no further than the limit's worth of open elements.
        let lists = "<ul><li>".repeat(100_000);
        assert_eq!(deeper_than(&lists, 256), Some(257));
        let divs = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert_eq!(deeper_than(&divs, 256), Some(257));
    }

    #[test]
    fn an_empty_comment_ends_at_once() {
        let deep = format!("<!--><p>{}", "<div>".repeat(10));
        assert_eq!(deeper_than(&deep, 5), Some(6));
        assert_eq!(deeper_than("<!---><div><div>", 1), Some(2));
        assert_eq!(text_only("a<!-->b<!--->c<!-- d -->e"), "a b c e");
        assert_eq!(comment_end(b"<!-- open", 4), None);
    }

    #[test]
    fn text_only_keeps_the_words() {
        assert_eq!(
            text_only("<div><p>Restart <b>the</b> router</p><!-- x --><p>1 < 2</p></div>"),
            "Restart the router 1 &lt; 2"
        );
    }
}

//! The title of an article whose front matter has none: its first level-one
//! heading, `# Title` or `Title` underlined with `===`, as mdBook, MkDocs
//! and Jekyll take it; without one, a heading of another level that opens
//! the body (mdBook's sub-chapters start with `## Installation`).
//!
//! A light line scan, not a Markdown parse: it skips fenced code and HTML
//! comments, and takes headings at the top level only (not in block
//! quotes, lists or indented code). The heading's own Markdown (emphasis,
//! code, links, a trailing `{#id}`) is read by pulldown-cmark, as the page
//! will show it.
//!
//! Also the title a page takes from its front matter and its opening
//! heading together ([`title_of`]), and the titles made from names.

use std::ops::Range;

use super::without_number_prefix;

/// A level-one heading found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Its text, as a reader sees it.
    pub text: String,
    /// Its lines in the body (the underline of a setext heading included),
    /// ending included.
    pub range: Range<usize>,
    /// Whether nothing but blank lines and comments comes before it.
    pub first: bool,
}

/// The first level-one heading of `body`, or else the heading of any level
/// that opens it.
pub fn first_heading(body: &str) -> Option<Heading> {
    scan(body, true)
}

/// The heading that opens `body`, if one does: only its first block is read.
pub fn opening_heading(body: &str) -> Option<Heading> {
    scan(body, false).filter(|h| h.first)
}

/// [`first_heading`], reading the whole body when `whole`, else only its
/// first block.
fn scan(body: &str, whole: bool) -> Option<Heading> {
    let mut opening: Option<Heading> = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut comment = false;
    let mut first = true;
    // The paragraph being read: where it starts, whether it can be a
    // setext heading's text, and whether it is the body's first block.
    let mut paragraph: Option<(usize, bool, bool)> = None;
    let mut pos = 0;
    while pos < body.len() {
        let next = body[pos..].find('\n').map_or(body.len(), |i| pos + i + 1);
        let line = body[pos..next].trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches(' ').len();
        let trimmed = line.trim();
        let start = pos;
        pos = next;
        if !whole && !first && !paragraph.is_some_and(|(_, _, was_first)| was_first) {
            return opening;
        }
        if let Some((ch, len)) = fence {
            let run = trimmed.bytes().take_while(|&b| b == ch).count();
            if run >= len && run == trimmed.len() {
                fence = None;
            }
            continue;
        }
        if comment {
            comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.is_empty() {
            paragraph = None;
            continue;
        }
        if indent < 4 {
            if let Some(ch @ (b'`' | b'~')) = trimmed.bytes().next() {
                let run = trimmed.bytes().take_while(|&b| b == ch).count();
                if run >= 3 {
                    fence = Some((ch, run));
                    first = false;
                    paragraph = None;
                    continue;
                }
            }
            if trimmed.starts_with("<!--") && paragraph.is_none() {
                comment = !trimmed.contains("-->");
                continue;
            }
            if paragraph.is_none() && is_empty_anchor_line(trimmed) {
                continue;
            }
            if let Some(text) = atx_h1(trimmed) {
                return Some(heading(text, start..next, first));
            }
            if first && let Some(text) = atx_heading(trimmed) {
                opening = Some(heading(text, start..next, true));
            }
            if let Some((text_start, can_be_heading, was_first)) = paragraph
                && can_be_heading
                && trimmed.bytes().all(|b| b == b'=')
            {
                let text = body[text_start..start].trim();
                return Some(heading(text, text_start..next, was_first));
            }
        }
        if paragraph.is_none() {
            let block = indent >= 4 || trimmed.starts_with(['>', '-', '*', '+', '#', '|', '<']);
            paragraph = Some((start, !block && !starts_ordered_item(trimmed), first));
        }
        first = false;
    }
    opening
}

/// The text of `# Title` or `# Title #`, if `line` is one.
fn atx_h1(line: &str) -> Option<&str> {
    atx_heading(line).filter(|_| !line.starts_with("##"))
}

/// The text of an ATX heading of any level (`### Title ###`).
fn atx_heading(line: &str) -> Option<&str> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &line[level..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    Some(
        if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
            without_closing.trim_end()
        } else {
            rest
        },
    )
}

/// Whether `line` holds only empty anchors such as `<a id="old-name"></a>`
/// or `<span id="x"></span>`, which keep old links working and show
/// nothing: mdBook books put them above a chapter's opening heading.
fn is_empty_anchor_line(line: &str) -> bool {
    let mut rest = line;
    let mut any = false;
    while !rest.is_empty() {
        let Some(open) = rest.strip_prefix('<') else {
            return false;
        };
        let Some(end) = open.find('>') else {
            return false;
        };
        let tag = &open[..end];
        let name_end = tag.find([' ', '\t', '/']).unwrap_or(tag.len());
        let (name, attributes) = tag.split_at(name_end);
        let named = attributes.contains("id=") || attributes.contains("name=");
        let Some(inner) = open[end + 1..].strip_prefix("</") else {
            return false;
        };
        let closing = inner
            .strip_prefix(name)
            .and_then(|after| after.trim_start().strip_prefix('>'));
        match closing {
            Some(after) if named && matches!(name, "a" | "span") => rest = after.trim_start(),
            _ => return false,
        }
        any = true;
    }
    any
}

fn starts_ordered_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(['.', ')'])
}

fn heading(markdown: &str, range: Range<usize>, first: bool) -> Heading {
    Heading {
        text: crate::dialects::inline_text(markdown),
        range,
        first,
    }
}

/// The title `written` in the front matter, else the heading of the body
/// (`prepared`, which starts at `body_start` in its file), also when the
/// title written is one for search engines (`… | Site Docs`) and the body
/// opens with a heading; and the file range of the heading the page's
/// title stands for, which the page leaves out.
pub(super) fn title_of(
    written: Option<&str>,
    prepared: &crate::dialects::Prepared<'_>,
    body_start: usize,
) -> (Option<String>, Option<Range<usize>>) {
    let written = written.map(str::trim).filter(|t| !t.is_empty());
    // With a title, only a heading that opens the body can repeat it.
    let heading = if written.is_some() {
        opening_heading(prepared.text())
    } else {
        first_heading(prepared.text())
    };
    let range = |h: &Heading| {
        body_start + prepared.source_offset(h.range.start)
            ..body_start + prepared.source_offset(h.range.end)
    };
    match (written, heading) {
        (Some(title), Some(h)) if h.first && h.text.eq_ignore_ascii_case(title) => {
            (Some(title.to_owned()), Some(range(&h)))
        }
        // A title for search engines, the page's then its site's
        // (`Storage in Mastra | Mastra Docs`, `Reference: … | Core |
        // Mastra Docs`), over a page that opens with its own heading: the
        // heading is the title its generator shows.
        (Some(title), Some(h)) if h.first && !h.text.is_empty() && title.contains(" | ") => {
            let range = range(&h);
            (Some(h.text), Some(range))
        }
        (Some(title), _) => (Some(title.to_owned()), None),
        (None, Some(h)) if !h.text.is_empty() => {
            let range = range(&h);
            (Some(h.text), Some(range))
        }
        (None, _) => (None, None),
    }
}

/// A title made from a file's name (`getting-started` → `Getting started`),
/// or its folder's for an `index` or `README`, without its number prefix
/// (`17_donate` → `Donate`), which only orders the page, as Docusaurus
/// reads it and as a section's title from its folder leaves it out.
pub(super) fn title_from_file_name(dir: &str, stem: &str) -> String {
    let name = if stem.eq_ignore_ascii_case("index") || stem.eq_ignore_ascii_case("readme") {
        dir.rsplit('/')
            .next()
            .filter(|d| !d.is_empty())
            .unwrap_or(stem)
    } else {
        stem
    };
    title_from_name(without_number_prefix(name))
}

/// A title made from a file or folder name: `getting-started` → `Getting started`.
pub fn title_from_name(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    chars.next().map_or_else(
        || name.to_owned(),
        |first| first.to_uppercase().chain(chars).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(body: &str) -> Option<(String, &str, bool)> {
        first_heading(body).map(|h| (h.text, &body[h.range], h.first))
    }

    #[test]
    fn atx_and_setext_headings() {
        assert_eq!(
            title("# The *Rust* `book` {#intro}\n\nText\n"),
            Some((
                "The Rust book".into(),
                "# The *Rust* `book` {#intro}\n",
                true
            ))
        );
        assert_eq!(
            title("<!-- c -->\n\nTitle\non two lines\n=====\n"),
            Some((
                "Title on two lines".into(),
                "Title\non two lines\n=====\n",
                true
            ))
        );
        assert_eq!(
            title("Intro\n\n## Sub\n\n# Later ##\n"),
            Some(("Later".into(), "# Later ##\n", false))
        );
        assert_eq!(
            title("## Installation\n\nText\n\n### More\n"),
            Some(("Installation".into(), "## Installation\n", true))
        );
        assert_eq!(
            title("## Opening\n\n# Real\n"),
            Some(("Real".into(), "# Real\n", false))
        );
    }

    #[test]
    fn empty_anchors_before_the_opening_heading_are_not_content() {
        let body = "<!-- Old headings. -->\n\n<a id=\"old-one\"></a>\n<a id=\"old-two\"></a>\n\n## The `match` Construct\n\nText\n";
        assert_eq!(
            title(body),
            Some((
                "The match Construct".into(),
                "## The `match` Construct\n",
                true
            ))
        );
        assert_eq!(
            title("<span id=\"a\"></span> <a name=\"b\" ></a >\n## Opening\n").map(|t| t.0),
            Some("Opening".into())
        );
    }

    #[test]
    fn the_opening_heading_only() {
        let opening = |body| opening_heading(body).map(|h| h.text);
        assert_eq!(opening("\n# Intro\n\nText\n").as_deref(), Some("Intro"));
        assert_eq!(opening("Intro\n====\n").as_deref(), Some("Intro"));
        assert_eq!(opening("Text\n\n# Later\n"), None);
        assert_eq!(opening("```\n# x\n```\n# Later\n"), None);
    }

    #[test]
    fn what_is_not_a_title() {
        for body in [
            "```\n# comment\n```\n",
            "    # indented code\n",
            "> # quoted\n",
            "- item\n===\n",
            "#hashtag\n",
            "Text\n---\n",
            "Text\n\n## Not opening\n",
            "####### seven\n",
            "<!--\n# hidden\n-->\n",
            "<a href=\"x\"></a>\n\n## After a link\n",
            "<a id=\"x\">Shown</a>\n\n## After text\n",
            "<img id=\"x\"></img>\n\n## After an image\n",
            "",
        ] {
            assert_eq!(title(body), None, "{body:?}");
        }
    }
}

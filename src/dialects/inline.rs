//! What other tools write inside a line of Markdown text: Hugo shortcodes
//! (`{{< name >}}`, `{{% name %}}`), Liquid and Jinja tags (`{% tag %}`),
//! template expressions (`{{ value }}`, mdBook's `{{#include}}`), JSX
//! component tags (`<Tabs>`, `<Note />`), MDX comments (`{/* … */}`) and
//! emoji and icon shortcodes (`:smile:`, `:material-check:`),
//! PyMdown's keys (`++ctrl+c++`) and MyST's roles (``{doc}`page` ``).
//! Code spans and HTML comments are skipped: what is inside them is left
//! as written.
//!
//! Each scanner takes the whole text and where to start, and says where
//! the construct ends; callers bound them to a line, or let them run over
//! the following lines of a block, up to a blank line.

mod attributes;
mod tags;
mod taken;

use std::ops::Range;

use super::escapes::ESCAPES;
use tags::is_contents_tag;
pub(super) use tags::jsx_tag;
pub(super) use taken::taken;

/// A construct found in text, and what to put in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Construct {
    /// What it is.
    pub(super) kind: Kind,
    /// Its range in the text.
    pub(super) range: Range<usize>,
    /// What replaces it (nothing, most of the time).
    pub(super) replacement: String,
}

/// The kinds of constructs, as warnings name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    /// `{{< … >}}`, `{{% … %}}`: dropped, their inner text kept.
    Shortcode,
    /// `{% … %}`, `{{ … }}`: dropped.
    Template,
    /// JSX component tags: dropped, their inner text kept.
    Jsx,
    /// Mapped to what tier0 understands (a shortcode `ref`, a heading id
    /// comment): not worth a warning.
    Mapped,
    /// MDX comments and expressions, ES module lines, Vue blocks: nothing a
    /// reader would have seen, dropped.
    Hidden,
    /// Container openers (`:::note`, `!!! tip`, `=== "Tab"`) nested deeper
    /// than the lines reader opens: kept as text.
    TooDeep,
    /// A line that includes another file where it stands (PyMdown's
    /// `--8<-- "file"`, markdown-include's `{!file!}`, mdBook's
    /// `{{#include file}}`), in code too: dropped, as tier0 reads no file
    /// but the article.
    Include,
    /// GitBook's end tags that close no block open (`{% endhint %}` with
    /// no hint, or inside a tab of it): dropped.
    Unopened,
    /// mkdocstrings' `::: package.module` and its options, MyST's
    /// `{program-output}` blocks: dropped, as tier0 does not read Python
    /// source or commands' output.
    Directive,
}

/// The constructs in `text[range]`, which is one line's content, in order.
///
/// Linear in the line's length whatever it holds: code spans are matched
/// from one list of backtick runs, and a closing delimiter found missing
/// once is not searched for again.
pub(super) fn scan_line(text: &str, range: Range<usize>, heading: bool, out: &mut Vec<Construct>) {
    let bytes = text.as_bytes();
    let end = range.end;
    let spans = code_spans(bytes, range.clone());
    let mut spans = spans.iter().peekable();
    let mut absent = Absent::default();
    let mut i = range.start;
    while i < end {
        while spans.next_if(|s| s.end <= i).is_some() {}
        if let Some(span) = spans.peek().filter(|s| s.start <= i) {
            i = span.end;
            continue;
        }
        let found = match bytes[i] {
            // A backslash escape is that character as text (CommonMark):
            // `rust::Box\<T\>` is no tag, `\:smile:` no shortcode.
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                i += 2;
                continue;
            }
            // A comment shows nothing: what it holds is left as written,
            // not reported as left out of the page.
            b'<' if text[i..end].starts_with("<!--") => {
                i = text[i + 4..end]
                    .find("-->")
                    .map_or(end, |close| i + 4 + close + 3);
                continue;
            }
            b'{' => super::roles::role(text, i, end)
                .map(|(role_end, shown)| Construct {
                    kind: Kind::Mapped,
                    range: i..role_end,
                    replacement: shown,
                })
                .or_else(|| brace_construct(text, i, end, heading, &mut absent)),
            b':' => super::emoji::shortcode(text, i, end).map(|(code_end, shown)| Construct {
                // An icon left out is decoration: no warning.
                kind: if shown.is_empty() {
                    Kind::Hidden
                } else {
                    Kind::Mapped
                },
                range: i..code_end,
                replacement: shown.to_owned(),
            }),
            b'+' if bytes.get(i + 1) == Some(&b'+') => {
                super::keys::keys(text, i, end).map(|(keys_end, shown)| Construct {
                    kind: Kind::Mapped,
                    range: i..keys_end,
                    replacement: shown,
                })
            }
            b'<' if !absent.html_tag
                && let Some((tag_end, html)) =
                    attributes::html_tag(text, i, end, &mut absent.html_tag) =>
            {
                Some(Construct {
                    kind: Kind::Mapped,
                    range: i..tag_end,
                    replacement: html,
                })
            }
            b'<' if !absent.tag => jsx_tag(text, i, end)
                .or_else(|| {
                    absent.tag = unclosed_tag(bytes, i, end);
                    None
                })
                .map(|tag_end| {
                    let tag = &text[i..tag_end];
                    match tags::icon_mark(tag) {
                        Some(mark) => Construct {
                            kind: Kind::Mapped,
                            range: i..tag_end,
                            replacement: mark.to_owned(),
                        },
                        None => Construct {
                            kind: if is_contents_tag(tag) {
                                Kind::Hidden
                            } else {
                                Kind::Jsx
                            },
                            range: i..tag_end,
                            replacement: String::new(),
                        },
                    }
                }),
            _ => None,
        };
        match found {
            Some(construct) => {
                i = construct.range.end;
                out.push(construct);
            }
            None => i += 1,
        }
    }
}

/// Closing delimiters known to be missing from the rest of a line.
#[derive(Debug, Default)]
pub(super) struct Absent {
    closers: Vec<&'static str>,
    /// A component tag ran to the end of the line without closing: the
    /// tags after it would too.
    tag: bool,
    /// So did an HTML tag with JSX attributes.
    html_tag: bool,
}

/// Whether the tag at `at` failed for running out of line (rather than for
/// not being a component).
fn unclosed_tag(bytes: &[u8], at: usize, end: usize) -> bool {
    let name = bytes.get(at + 1).copied().unwrap_or(b' ');
    (name.is_ascii_uppercase() || name == b'/') && !bytes[at + 1..end].contains(&b'>')
}

/// The code spans of `bytes[range]`: each run of backticks closes at the
/// next run of the same length, as CommonMark says; runs that never close
/// are literal backticks.
fn code_spans(bytes: &[u8], range: Range<usize>) -> Vec<Range<usize>> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if bytes[i] == b'`' {
            let len = bytes[i..range.end]
                .iter()
                .take_while(|&&b| b == b'`')
                .count();
            runs.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    // The next run of the same length after each run, found from the end.
    let mut next_same = vec![None; runs.len()];
    let mut last_of_len = std::collections::HashMap::new();
    for (k, &(_, len)) in runs.iter().enumerate().rev() {
        next_same[k] = last_of_len.insert(len, k);
    }
    let mut spans = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        match next_same[k] {
            Some(close) => {
                let (start, _) = runs[k];
                let (close_start, close_len) = runs[close];
                spans.push(start..close_start + close_len);
                k = close + 1;
            }
            None => k += 1,
        }
    }
    spans
}

/// Whether `at` starts the target of an inline link (`](`) or of a link
/// reference definition (`[label]: ` opening its line).
fn starts_link_target(text: &str, at: usize) -> bool {
    let before = &text[..at];
    if before.ends_with("](") {
        return true;
    }
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let line = line.trim_start_matches(' ');
    line.starts_with('[')
        && line
            .trim_end()
            .strip_suffix("]:")
            .is_some_and(|label| label.len() > 1 && !label[1..].contains(['[', ']']))
}

/// A construct opening with `{` at `at`, ending before `end`, on a heading
/// line if `heading`; closers in `absent` are not searched for, and those
/// found missing are added.
pub(super) fn brace_construct(
    text: &str,
    at: usize,
    end: usize,
    heading: bool,
    absent: &mut Absent,
) -> Option<Construct> {
    let rest = &text[at..end];
    let mut construct = |kind, close: &'static str, replacement: String| {
        if absent.closers.contains(&close) {
            return None;
        }
        let Some(found) = rest.find(close) else {
            absent.closers.push(close);
            return None;
        };
        Some(Construct {
            kind,
            range: at..at + found + close.len(),
            replacement,
        })
    };
    // Hugo's and Zola's way to show a shortcode as written: `{{</* x */>}}`
    // is `{{< x >}}`.
    if let Some(escape) = ESCAPES.iter().find(|e| rest.starts_with(e.open)) {
        let c = construct(Kind::Mapped, escape.close, String::new())?;
        let inner = &text[c.range.start + escape.open.len()..c.range.end - escape.close.len()];
        if let Some(replacement) = escape.shown(inner) {
            return Some(Construct { replacement, ..c });
        }
    }
    if rest.starts_with("{{<") || rest.starts_with("{{%") {
        let close = if rest.starts_with("{{<") {
            ">}}"
        } else {
            "%}}"
        };
        let c = construct(Kind::Shortcode, close, String::new())?;
        let call = &text[c.range.start + 3..c.range.end - 3];
        let shown =
            link_shortcode(call).or_else(|| super::hugo::inline_media(&text[c.range.clone()]));
        return Some(match shown {
            Some(replacement) => Construct {
                kind: Kind::Mapped,
                replacement,
                ..c
            },
            None => c,
        });
    }
    if rest.starts_with("{%") {
        return construct(Kind::Template, "%}", String::new());
    }
    if rest.starts_with("{{#title ") {
        // mdBook's `{{#title …}}` names the browser's tab, which tier0
        // names after the page's title: nothing of the page is lost.
        return construct(Kind::Hidden, "}}", String::new());
    }
    if rest.starts_with("{{") {
        // A link target made from the other tool's variable
        // (`[Cell]({{#DOCS_URL}}/cell.html)`) led where only that tool
        // knew: the renderer is told, rather than left a site-root path.
        let replacement = if starts_link_target(text, at) {
            super::TEMPLATED_TARGET.to_owned()
        } else {
            String::new()
        };
        return construct(Kind::Template, "}}", replacement);
    }
    if rest.starts_with("{/*") {
        let c = construct(Kind::Hidden, "*/}", String::new())?;
        let comment = text[c.range.start + 3..c.range.end - 3].trim();
        let id = comment.strip_prefix('#').unwrap_or(comment);
        // A comment closing a heading line is its id (Docusaurus's MDX form).
        if heading && is_heading_id(id) && text[c.range.end..end].trim().is_empty() {
            return Some(Construct {
                kind: Kind::Mapped,
                replacement: format!("{{#{id}}}"),
                ..c
            });
        }
        return Some(c);
    }
    // A heading's `{#id .class}` is the Markdown parser's to read. A list
    // follows a space or what closes a link, an image, emphasis, code or an
    // icon (`:material-clock:{ .lg }`); after a letter, `_` or `^` a brace
    // is TeX (`\sum_{c=1}`).
    let after = text[..at].bytes().next_back().unwrap_or(b'\n');
    let follows =
        after.is_ascii_whitespace() || matches!(after, b')' | b']' | b'*' | b'`' | b'>' | b':');
    if !heading
        && follows
        && let Some(len) = attribute_list(rest)
    {
        let list = &rest[..len];
        // mkdocs-autorefs's anchor, an empty link that only carries an id
        // (`[](){#flags}`), is that anchor and nothing else.
        let anchor_only = text[..at].ends_with("[]()") && !text[..at].ends_with("\\[]()");
        let start = if anchor_only { at - "[]()".len() } else { at };
        return Some(Construct {
            kind: Kind::Mapped,
            range: start..at + len,
            replacement: list_anchor(list),
        });
    }
    None
}

/// The anchor an attribute list's id gives where it stands
/// (`**flags:**{#flags}`, `[](){#flags}`, `{: #flags }`): the element it
/// follows carries the id in Python-Markdown, kramdown and Goldmark, and
/// links lead to it (`#flags`); an empty `<a id>` there leads to the same
/// place. Nothing for a list with no id, whose classes style the other
/// tool's theme only.
fn list_anchor(list: &str) -> String {
    let inner = list[1..list.len() - 1].trim_start_matches(':');
    attribute_words(inner)
        .filter_map(|word| word.strip_prefix('#'))
        .last()
        .map(super::anchor)
        .unwrap_or_default()
}

/// The length of the attribute list that `rest` opens (Python-Markdown's
/// and kramdown's `{: .class }`, MkDocs Material's `{ .md-button }`,
/// Goldmark's `{.note}`, after a link, an image or a paragraph): classes,
/// ids and `key=value` pairs that style the page of the other tool, and
/// that tier0's theme has no use for. A brace holding anything else is
/// text.
fn attribute_list(rest: &str) -> Option<usize> {
    let close = rest.find('}')?;
    let inner = &rest[1..close];
    let inner = inner.strip_prefix(':').unwrap_or(inner);
    let mut attributes = attribute_words(inner).peekable();
    attributes.peek()?;
    let name = |n: &str| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
    };
    attributes
        .all(|a| match a.split_once('=') {
            Some((key, value)) => name(key) && !value.is_empty() && !value.contains(['<', '>']),
            None => a.strip_prefix(['.', '#']).is_some_and(name),
        })
        .then_some(close + 1)
}

/// The attributes of a list, split at white space outside double quotes
/// (`style="margin: 0"` is one).
fn attribute_words(inner: &str) -> impl Iterator<Item = &str> {
    let mut quoted = false;
    inner
        .split(move |c: char| {
            quoted ^= c == '"';
            c.is_whitespace() && !quoted
        })
        .filter(|word| !word.is_empty())
}

fn is_heading_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

/// `ref "page.md"` or `relref "/docs/page"`: the page it links to.
fn link_shortcode(call: &str) -> Option<String> {
    let call = call.trim();
    let args = call
        .strip_prefix("relref")
        .or_else(|| call.strip_prefix("ref"))?;
    if !args.starts_with([' ', '\t']) {
        return None;
    }
    let target = args.trim().trim_matches(['"', '\'']);
    (!target.is_empty() && !target.contains(char::is_whitespace)).then(|| target.to_owned())
}

/// The end of a `{…}` expression opening at `at`, braces balanced and
/// strings skipped, searched before `end`.
pub(super) fn expression_end(text: &str, at: usize, end: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[..end];
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = at;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (Some(_), b'\\') => i += 1,
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'' | b'`') => quote = Some(b),
            (None, b'{') => depth += 1,
            (None, b'}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests;

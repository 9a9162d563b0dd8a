//! What a line is by its text alone: code fences, highlight tags, Vue
//! blocks, list items, indentation columns and paragraph ends. Pure
//! functions, kept apart from the reading pass whose state they feed.

use super::Closer;
use crate::dialects::includes::{self, scissors};

/// Whether a line of the rewritten text is blank (or only quote markers).
pub(super) fn is_blank_line(line: &str) -> bool {
    line.trim_matches(|c| c == '>' || c == ' ').is_empty()
}

/// The bytes and columns of leading white space in `text`, up to `max`
/// columns (a tab reaches the next multiple of 4).
pub(super) fn columns(text: &str, max: usize) -> (usize, usize) {
    let mut column = 0;
    for (i, b) in text.bytes().enumerate() {
        let next = match b {
            b' ' => column + 1,
            b'\t' => (column / 4 + 1) * 4,
            _ => return (i, column),
        };
        if next > max {
            return (i, column);
        }
        column = next;
    }
    (text.len(), column)
}

/// The end of the paragraph holding the line that ends at `line_end`:
/// where the next blank line starts, or the end of `body`.
pub(super) fn paragraph_end(body: &str, line_end: usize) -> usize {
    let mut pos = line_end;
    while pos < body.len() {
        let next = body[pos + 1..]
            .find('\n')
            .map_or(body.len(), |i| pos + 1 + i);
        if body[pos..next].trim().is_empty() {
            return pos;
        }
        pos = next;
    }
    body.len()
}

pub(super) fn is_list_item(line: &str) -> bool {
    let bullet = line.starts_with(['-', '*', '+']) && line[1..].starts_with([' ', '\t']);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = (1..=9).contains(&digits)
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with([' ', '\t']);
    bullet || ordered
}

/// A code fence opening `line`.
pub(super) fn fence(line: &str) -> Option<Closer> {
    let ch = *line.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == ch).count();
    let info_ok = ch == b'~' || !line[len..].contains('`');
    (len >= 3 && info_ok).then_some(Closer::Fence(ch, len))
}

/// The language to write in place of the info string `info` of a MyST
/// code directive's fence (```` ```{code-block} python ````: `python`; a
/// doctest's `>>>` session: `python`), `""` when it names none; `None`
/// when `info` is no such directive. Its options (`:caption:`,
/// `:linenos:`, `:options: +SKIP`) open its body, and are no code.
pub(super) fn myst_code_language(info: &str) -> Option<&str> {
    let (name, args) = info.trim().strip_prefix('{')?.split_once('}')?;
    let argument = args.split_whitespace().next().unwrap_or("");
    Some(match name {
        "code-block" | "code" | "sourcecode" | "code-cell" => argument,
        "doctest" | "testcode" | "ipython" | "jupyter-execute" => "python",
        "testoutput" => "",
        _ => return None,
    })
}

/// The `:caption:` among the options that open a MyST code directive's
/// body (`after`: the text from the end of its opening line), as a
/// fence's `title="…"` may hold it:
/// without backquotes (which end a backquoted fence's info string) and
/// double quotes.
pub(super) fn myst_caption(after: &str) -> Option<String> {
    let caption = after
        .lines()
        .skip(1)
        .map(str::trim)
        .take_while(|line| is_myst_option(line))
        .find_map(|line| line.strip_prefix(":caption:"))?;
    let caption = caption.replace(['`', '"'], "");
    let caption = caption.trim();
    (!caption.is_empty()).then(|| caption.to_owned())
}

/// The language of a line that is only `{% highlight go %}` or
/// `{{< highlight go >}}` (also Hugo's `code` and `code-toggle`).
pub(super) fn highlight_start(line: &str) -> Option<&str> {
    let line = line.trim_end();
    let call = line
        .strip_prefix("{%")
        .and_then(|l| l.strip_suffix("%}"))
        .or_else(|| line.strip_prefix("{{<").and_then(|l| l.strip_suffix(">}}")))
        .or_else(|| line.strip_prefix("{{%").and_then(|l| l.strip_suffix("%}}")))?;
    let mut words = call.trim_matches(['-', ' ']).split_whitespace();
    if !matches!(words.next()?, "highlight" | "code" | "code-toggle") {
        return None;
    }
    let lang = words
        .map(|w| w.trim_matches('"'))
        .find_map(|w| match w.split_once('=') {
            Some(("lang", lang)) => Some(lang.trim_matches('"')),
            Some(_) => None,
            None => Some(w),
        })
        .unwrap_or("");
    Some(lang).filter(|l| {
        l.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-_.#".contains(&b))
    })
}

pub(super) fn is_highlight_end(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        squeezed.as_str(),
        "{%endhighlight%}"
            | "{%-endhighlight-%}"
            | "{{</highlight>}}"
            | "{{%/highlight%}}"
            | "{{</code>}}"
            | "{{%/code%}}"
            | "{{</code-toggle>}}"
            | "{{%/code-toggle%}}"
    )
}

/// The closing tag of a Vue block opening `line` (`<script setup>`,
/// `<style scoped>`), which VitePress pages carry and readers never see.
pub(super) fn vue_block(line: &str) -> Option<&'static str> {
    if line.starts_with("<script setup") {
        return Some("</script>");
    }
    let style = line.strip_prefix("<style")?;
    let vue = ["scoped", "module", "lang="]
        .iter()
        .any(|a| style.trim_start().starts_with(a));
    vue.then_some("</style>")
}

/// The element name of a line that only opens an HTML element with a
/// `markdown` attribute (`<div class="grid cards" markdown>`,
/// `<figure markdown="1">`): Python-Markdown's `md_in_html` reads its
/// content as Markdown.
pub(super) fn markdown_element(line: &str) -> Option<&str> {
    let inner = line.strip_prefix('<')?.strip_suffix('>')?;
    let name_len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let (name, attributes) = inner.split_at(name_len);
    let element = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && attributes.starts_with([' ', '\t'])
        && !attributes.contains(['<', '>']);
    let markdown = attributes
        .split_whitespace()
        .any(|a| a == "markdown" || a.starts_with("markdown="));
    (element && markdown).then_some(name)
}

/// Whether `line` is one of a MyST directive's options: `:open:`,
/// `:class-container: sd-shadow-sm`.
pub(super) fn is_myst_option(line: &str) -> bool {
    line.strip_prefix(':')
        .and_then(|rest| rest.split_once(':'))
        .is_some_and(|(name, value)| {
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && (value.is_empty() || value.starts_with([' ', '\t']))
        })
}

/// The label of a MyST target line, `(labels/exit-code)=`, which names
/// the place of the page it stands in: letters, digits and `_-./:`.
pub(super) fn myst_target(line: &str) -> Option<&str> {
    let label = line.trim_end().strip_prefix('(')?.strip_suffix(")=")?;
    let safe = !label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-./:".contains(&b));
    safe.then_some(label)
}

/// Whether `line` (without its indentation) is only a file include of
/// another tool: PyMdown's snippets (`--8<-- "LICENSE"`),
/// markdown-include's `{!docs_src/app.py!}` (and `{!> …!}`), mdBook's
/// `{{#include listings/main.rs}}` (and `#rustdoc_include`, `#playground`).
/// Those tools include the file's text wherever the line stands, in code
/// blocks too; tier0 puts it in before reading the body
/// ([`crate::dialects::includes`]), so such a line is left here only when
/// the file could not be read.
pub(super) fn is_include(line: &str) -> bool {
    includes::include_line(line, false).is_some()
}

/// Whether `line` (without its indentation) is only a tag that includes
/// a Markdown file where it stands, outside code: mkdocs-include-markdown's
/// `{% include-markdown "../README.md" %}` (and its `{% include "x.md"
/// %}`), GitBook's `{% include "../.gitbook/includes/x.md" %}`. The path
/// is quoted: Jekyll's `{% include x.html %}` is a template's. In code,
/// such a tag is an example of Jinja or Tera, and stays.
pub(super) fn is_include_tag(line: &str) -> bool {
    includes::include_line(line, true).is_some_and(|t| t.tool == includes::Tool::Tag)
}

/// Whether `line` is only PyMdown's scissors (`--8<--`), which open and
/// close a block of snippet file names.
pub(super) fn is_snippets_block(line: &str) -> bool {
    scissors(line.trim_end()).is_some_and(str::is_empty)
}

/// The text of `line` after its block quote markers (`> > text`), if it
/// starts with one.
pub(super) fn unquoted(line: &str) -> Option<&str> {
    line.starts_with('>')
        .then(|| line.trim_start_matches(['>', ' ', '\t']))
}

/// Whether `code`, a line of a fenced code block (after its quote markers
/// when the block is quoted), is the fence of at least `len` of `ch` that
/// closes the block opened at `indent` columns. A fence indented 4 more
/// than its opener is code (SuperFences' examples hold indented fences).
pub(super) fn closes_fence(code: &str, ch: u8, len: usize, indent: usize) -> bool {
    let trimmed = code.trim();
    let run = trimmed.bytes().take_while(|&b| b == ch).count();
    columns(code, usize::MAX).1 < indent + 4 && run >= len && run == trimmed.len()
}

/// Whether the fenced code block whose content starts at `from` (closed by
/// a fence of at least `len` of `ch`, opened at `indent` columns; `quoted`:
/// inside a block quote, so ended by the first line out of it too) holds
/// only file includes ([`is_include`]) and blank lines, and at least one
/// include: the block shows nothing once they are left out.
pub(super) fn holds_only_includes(
    body: &str,
    from: usize,
    (ch, len): (u8, usize),
    indent: usize,
    quoted: bool,
) -> bool {
    let mut includes = 0;
    for line in body[from..].lines() {
        let code = if quoted {
            match unquoted(line.trim_start()) {
                Some(inner) => inner,
                None => return includes > 0,
            }
        } else {
            line
        };
        if closes_fence(code, ch, len, indent) {
            return includes > 0;
        }
        let trimmed = code.trim();
        if is_include(trimmed) {
            includes += 1;
        } else if !trimmed.is_empty() {
            return false;
        }
    }
    false
}

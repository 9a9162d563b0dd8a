//! Markdown as other tools write it, rewritten into the CommonMark (with
//! GitHub's extensions) that tier0 renders.
//!
//! In: an article body and whether it is MDX. Out: [`Prepared`]: the text
//! to give the Markdown parser, a map from its offsets back to the body's
//! (so every diagnostic still points into the file as written), the
//! admonitions with their titles, and what was dropped, counted per kind
//! for one warning each.
//!
//! What it rewrites, never inside code (fenced, indented or inline):
//! - admonitions (`!!! note`, `??? note`, `:::tip`, `::: warning`) into
//!   GitHub alerts (`> [!TIP]`), bodies and nesting kept; MkDocs content
//!   tabs into their title and body; plain `:::` containers into their body;
//! - Hugo shortcodes, Liquid/Jinja tags and `{{ … }}` expressions: dropped,
//!   the text between paired tags kept; `{{< highlight go >}}` and
//!   `{% highlight go %}` blocks into fenced code; `{{< ref "x.md" >}}` into
//!   the path it names;
//! - JSX component tags: dropped, their inner text kept; MDX comments and,
//!   in MDX files, `import`/`export` lines and `{expressions}` on their own
//!   lines: dropped; `{/* #id */}` closing a heading into its `{#id}`;
//! - Vue's `<script setup>` and `<style scoped>` blocks (VitePress): dropped.
//!
//! A body with none of these is passed through without a copy. The rewrite
//! reads each line once (a construct spanning lines is searched for once,
//! up to the end of its paragraph), so it is linear in the body's size.

mod containers;
mod inline;
mod offsets;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use containers::Marker;
pub use containers::{Admonition, AlertKind};
use inline::{Construct, Kind};
use offsets::{OffsetMap, Rewrite};

use crate::diagnostics::Diagnostic;

/// An article body ready for the Markdown parser.
#[derive(Debug, Default)]
pub struct Prepared<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
    /// Admonitions by the body offset of the line that opens them.
    admonitions: Vec<(usize, Admonition)>,
    findings: Vec<Finding>,
}

/// Constructs of one kind dropped from a body.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Finding {
    kind: Kind,
    count: usize,
    /// The first one, in the body.
    first: Range<usize>,
}

impl<'a> Prepared<'a> {
    /// The Markdown to parse.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The body offset of `offset` in [`Self::text`].
    pub fn source_offset(&self, offset: usize) -> usize {
        self.map.source(offset)
    }

    /// The admonition whose alert starts at `offset` of [`Self::text`], if
    /// the alert is one.
    pub fn admonition_at(&self, offset: usize) -> Option<&Admonition> {
        let line = self.map.source(offset);
        self.admonitions
            .binary_search_by_key(&line, |(at, _)| *at)
            .ok()
            .map(|i| &self.admonitions[i].1)
    }

    /// One warning per kind of construct dropped, for the file at `path`
    /// whose body starts at byte `base`.
    pub fn warnings(&self, path: &Path, body: &str, base: usize) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .filter_map(|f| {
                let first = body.get(f.first.clone())?;
                let first: String = first.chars().take(60).collect();
                let (what, help) = match f.kind {
                    Kind::Shortcode => (
                        "Hugo shortcode",
                        "tier0 does not run shortcodes: what they wrap is shown, the rest is \
                         left out; write it in Markdown (a link, an image, a `> [!NOTE]` alert)",
                    ),
                    Kind::Template => (
                        "template tag",
                        "tier0 does not run templates (Liquid, Jinja, Vue, mdBook): write the \
                         text itself",
                    ),
                    Kind::Jsx => (
                        "JSX component tag",
                        "tier0 renders Markdown, not components: the text inside them is \
                         shown; write what they did in Markdown",
                    ),
                    Kind::Mapped | Kind::Hidden => return None,
                };
                let plural = if f.count == 1 { "" } else { "s" };
                let message = format!(
                    "{} {what}{plural} left out of the page (the first: `{first}`)",
                    f.count
                );
                let span = base + f.first.start..base + f.first.end;
                Some(Diagnostic::warning(path, span, message).with_help(help))
            })
            .collect()
    }
}

/// The text a reader sees of one line of Markdown (`The *Rust* [book](x)`
/// → `The Rust book`): for titles written in Markdown (a heading that
/// gives an article its title, an admonition's title).
pub fn inline_text(markdown: &str) -> String {
    let mut text = String::new();
    // As one ATX heading, so that a trailing `{#id}` is read as its id.
    let source = format!("# {}", markdown.replace(['\r', '\n'], " "));
    let options = pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES;
    for event in pulldown_cmark::Parser::new_ext(&source, options) {
        match event {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => text.push_str(&t),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Rewrites `body`; `mdx` says it is an MDX file (`.mdx`). A Markdown file
/// with an `import … from '…'` line is read as MDX from that line on, as
/// Docusaurus reads every `.md` file as MDX.
pub fn prepare(body: &str, mdx: bool) -> Prepared<'_> {
    if !mdx && !has_dialect(body) {
        return Prepared {
            text: Cow::Borrowed(body),
            ..Prepared::default()
        };
    }
    let mut pass = Pass {
        body,
        mdx,
        rewrite: Rewrite::default(),
        admonitions: Vec::new(),
        findings: Vec::new(),
        stack: Vec::new(),
        mode: Mode::Normal,
        prev_blank: true,
        list: false,
        indented_code: false,
        give_up_until: 0,
        paragraph_end: 0,
    };
    let mut pos = 0;
    while pos < body.len() {
        let next = body[pos..].find('\n').map_or(body.len(), |i| pos + i + 1);
        let end = body[pos..next].trim_end_matches(['\n', '\r']).len() + pos;
        pass.line(pos, end);
        pos = next;
    }
    let Pass {
        rewrite,
        admonitions,
        findings,
        ..
    } = pass;
    if rewrite.is_empty() {
        return Prepared {
            text: Cow::Borrowed(body),
            findings,
            ..Prepared::default()
        };
    }
    let (text, map) = rewrite.apply(body);
    Prepared {
        text: Cow::Owned(text),
        map,
        admonitions,
        findings,
    }
}

/// Whether `body` may hold anything [`prepare`] rewrites: a quick look
/// that lets tier0's own articles through untouched.
fn has_dialect(body: &str) -> bool {
    let bytes = body.as_bytes();
    let inline = memchr::memchr2_iter(b'{', b'<', bytes).any(|i| {
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        match bytes[i] {
            b'{' => matches!(next, b'{' | b'%' | b'/'),
            _ => {
                next.is_ascii_uppercase()
                    || next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
                    || body[i..].starts_with("<script setup")
                    || body[i..].starts_with("<style ")
            }
        }
    });
    inline
        || body.lines().any(|line| {
            let line = line.trim_start();
            ["!!!", "???", "===", ":::", "import ", "export "]
                .iter()
                .any(|m| line.starts_with(m))
        })
}

/// A container open at the current line.
#[derive(Debug)]
struct Container {
    /// The column of its opening marker.
    base: usize,
    /// `Some(colons)` for `:::` containers, whose body is not indented;
    /// `None` for MkDocs ones, whose body is indented by 4.
    colons: Option<usize>,
    /// Whether it is shown as an alert (a block quote).
    quote: bool,
}

impl Container {
    fn body_column(&self) -> usize {
        match self.colons {
            Some(_) => self.base,
            None => self.base + 4,
        }
    }
}

/// What the lines being read are.
#[derive(Debug)]
enum Mode {
    Normal,
    /// Code, up to a closing fence (or a line closing a tag block); opened
    /// with `depth` containers.
    Code {
        closer: Closer,
        depth: usize,
    },
    /// An HTML comment, up to `-->`.
    Comment {
        depth: usize,
    },
    /// Lines dropped up to a blank line (an ES module block).
    DropToBlank,
    /// Lines dropped up to one holding this (`</script>`).
    DropToLine(&'static str),
    /// Text dropped up to this offset (a construct spanning lines).
    DropTo(usize),
}

#[derive(Debug)]
enum Closer {
    /// A fence of at least this many of this character.
    Fence(u8, usize),
    /// `{% endhighlight %}` or `{{< /highlight >}}`: replaced by a fence.
    Tag,
}

struct Pass<'a> {
    body: &'a str,
    mdx: bool,
    rewrite: Rewrite,
    admonitions: Vec<(usize, Admonition)>,
    findings: Vec<Finding>,
    stack: Vec<Container>,
    mode: Mode,
    /// Whether the last line was blank (in its container).
    prev_blank: bool,
    /// Whether the text is inside a list, where indented lines are not code.
    list: bool,
    indented_code: bool,
    /// Constructs spanning lines are not searched for before this offset:
    /// one was searched for up to here and never closed.
    give_up_until: usize,
    /// The end of the paragraph last looked at.
    paragraph_end: usize,
}

impl Pass<'_> {
    /// Reads the line `start..end` (its ending excluded).
    fn line(&mut self, start: usize, end: usize) {
        let body = self.body;
        let line = &body[start..end];
        let blank = line.trim().is_empty();
        let dropping = matches!(self.mode, Mode::DropTo(_));
        let mut closed_quote = false;
        if !blank && !dropping {
            let indent = columns(line, usize::MAX).1;
            while let Some(c) = self.stack.last() {
                if c.colons.is_none() && indent < c.body_column() {
                    closed_quote |= c.quote;
                    self.stack.pop();
                } else {
                    break;
                }
            }
            if let Mode::Code { depth, .. } | Mode::Comment { depth } = self.mode
                && depth > self.stack.len()
            {
                self.mode = Mode::Normal;
            }
        }
        let (content, column, prefix) = self.consume(start, end);
        // A blank line without the closed quote's marker keeps this line
        // out of it (it would continue the quote, or its paragraph).
        let separator = if closed_quote {
            format!("{}\n", self.quote_prefix().trim_end())
        } else {
            String::new()
        };
        match self.content(content, end, column, &prefix, blank) {
            Some(replacement) => {
                self.prev_blank = is_blank_line(replacement.rsplit('\n').next().unwrap_or(""));
                self.rewrite
                    .replace(start..end, format!("{separator}{replacement}"));
            }
            None => {
                let prefix = if blank {
                    prefix.trim_end()
                } else {
                    prefix.as_str()
                };
                let head = format!("{separator}{prefix}");
                if head != body[start..content] {
                    self.rewrite.replace(start..content, head);
                }
                self.prev_blank = blank;
            }
        }
    }

    /// The prefix of the open quotes (`> > `), as a line of them starts.
    fn quote_prefix(&self) -> String {
        self.stack
            .iter()
            .filter(|c| c.quote)
            .map(|_| "> ")
            .collect()
    }

    /// Consumes the open containers' indentation of the line at `start`:
    /// where its content starts, at which column, and what goes before it
    /// (the containers' quote markers and the indentation between them).
    fn consume(&self, start: usize, end: usize) -> (usize, usize, String) {
        let body = self.body;
        let line = &body[start..end];
        let mut prefix = String::new();
        let (mut at, mut column) = (0, 0);
        for c in &self.stack {
            let (bytes, reached) = columns(&line[at..], c.base.saturating_sub(column));
            prefix.extend(std::iter::repeat_n(' ', reached));
            at += bytes;
            column += reached;
            if c.quote {
                prefix.push_str("> ");
            }
            let (bytes, reached) = columns(&line[at..], c.body_column().saturating_sub(column));
            at += bytes;
            column += reached;
        }
        (start + at, column, prefix)
    }

    /// Reads a line's content `content..end` (at `column`): what replaces the
    /// whole line when it opens or closes something, or `None` when only
    /// its prefix changes (rewrites inside it are made here).
    fn content(
        &mut self,
        content: usize,
        end: usize,
        column: usize,
        prefix: &str,
        blank: bool,
    ) -> Option<String> {
        let body = self.body;
        let text = &body[content..end];
        match &self.mode {
            Mode::Code { closer, .. } => {
                let trimmed = text.trim();
                let (closes, tag) = match closer {
                    Closer::Fence(ch, len) => {
                        let run = trimmed.bytes().take_while(|b| b == ch).count();
                        (run >= *len && run == trimmed.len(), false)
                    }
                    Closer::Tag => (is_highlight_end(trimmed), true),
                };
                if closes {
                    self.mode = Mode::Normal;
                    if tag {
                        return Some(format!("{prefix}```"));
                    }
                }
                return None;
            }
            Mode::Comment { .. } => {
                if text.contains("-->") {
                    self.mode = Mode::Normal;
                }
                return None;
            }
            Mode::DropToBlank => {
                if blank {
                    self.mode = Mode::Normal;
                } else {
                    self.rewrite.remove(content..end);
                }
                return None;
            }
            Mode::DropToLine(closing) => {
                if text.contains(closing) {
                    self.mode = Mode::Normal;
                }
                self.rewrite.remove(content..end);
                return None;
            }
            &Mode::DropTo(until) => {
                if until >= end {
                    self.rewrite.remove(content..end);
                    return None;
                }
                self.mode = Mode::Normal;
                let from = until.max(content);
                self.rewrite.remove(content..from);
                self.inline(from, end, false);
                return None;
            }
            Mode::Normal => {}
        }
        if blank {
            return None;
        }
        let trimmed = text.trim_start();
        let rel = columns(text, usize::MAX).1;
        let at = content + (text.len() - trimmed.len());
        if rel >= 4 && (self.prev_blank || self.indented_code) && !self.list {
            self.indented_code = true;
            return None;
        }
        self.indented_code = false;
        let shallow = rel < 4 || self.list;
        if rel < 4 {
            if is_list_item(trimmed) {
                self.list = true;
            } else if rel == 0 && self.prev_blank {
                self.list = false;
            }
        }
        if shallow && let Some(closer) = fence(trimmed) {
            self.mode = Mode::Code {
                closer,
                depth: self.stack.len(),
            };
            return None;
        }
        if trimmed.starts_with("<!--") && !trimmed.contains("-->") {
            self.mode = Mode::Comment {
                depth: self.stack.len(),
            };
            return None;
        }
        if shallow && let Some(marker) = containers::marker(trimmed) {
            return self.marker(marker, content, column + rel, prefix, at);
        }
        if shallow && let Some(lang) = highlight_start(trimmed) {
            self.mode = Mode::Code {
                closer: Closer::Tag,
                depth: self.stack.len(),
            };
            return Some(format!("{prefix}```{lang}"));
        }
        if let Some(closing) = vue_block(trimmed) {
            self.found(Kind::Hidden, at..end);
            if !trimmed.contains(closing) {
                self.mode = Mode::DropToLine(closing);
            }
            self.rewrite.remove(content..end);
            return None;
        }
        if self.stack.is_empty() && rel == 0 && self.esm(trimmed) {
            self.mode = Mode::DropToBlank;
            self.found(Kind::Hidden, at..end);
            self.rewrite.remove(content..end);
            return None;
        }
        if at >= self.give_up_until
            && let Some(found) = self.spanning(at, end)
        {
            self.found(found.kind, found.range.clone());
            if found.range.end > end {
                self.mode = Mode::DropTo(found.range.end);
                self.rewrite.remove(content..end);
            } else {
                self.rewrite.replace(found.range.clone(), found.replacement);
                self.inline(found.range.end, end, false);
            }
            return None;
        }
        self.inline(content, end, trimmed.starts_with('#'));
        None
    }

    /// Opens or closes a container at the line whose content is at
    /// `content`, the marker at `column` (offset `at`): the line's new text.
    fn marker(
        &mut self,
        marker: Marker,
        content: usize,
        column: usize,
        prefix: &str,
        at: usize,
    ) -> Option<String> {
        let body = self.body;
        let indent = &body[content..at];
        let line_start = self.line_start(content);
        let alert = |a: &Admonition| format!("{prefix}{indent}> [!{}]", a.kind.marker());
        match marker {
            Marker::Indented(admonition) => {
                let line = alert(&admonition);
                self.open(column, None, true);
                self.admonitions.push((line_start, admonition));
                Some(line)
            }
            Marker::Tab(title) => {
                self.open(column, None, false);
                let blank = prefix.trim_end();
                let before = if self.prev_blank {
                    String::new()
                } else {
                    format!("{blank}\n")
                };
                Some(format!("{before}{prefix}{indent}**{title}**\n{blank}"))
            }
            Marker::Colon(colons, admonition) => {
                let line = match &admonition {
                    Some(a) => alert(a),
                    None => prefix.trim_end().to_owned(),
                };
                self.open(column, Some(colons), admonition.is_some());
                if let Some(admonition) = admonition {
                    self.admonitions.push((line_start, admonition));
                }
                Some(line)
            }
            Marker::ColonClose(colons) => {
                let closes = self
                    .stack
                    .last()
                    .is_some_and(|c| c.colons.is_some_and(|n| n <= colons));
                if !closes {
                    return None;
                }
                self.stack.pop();
                Some(self.quote_prefix().trim_end().to_owned())
            }
        }
    }

    fn open(&mut self, base: usize, colons: Option<usize>, quote: bool) {
        self.stack.push(Container {
            base,
            colons,
            quote,
        });
        self.list = false;
        self.indented_code = false;
    }

    /// The start of the line holding `offset`.
    fn line_start(&self, offset: usize) -> usize {
        self.body[..offset].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Whether `line` is an ES module line that MDX drops (and, in a
    /// Markdown file, an `import … from '…'` that makes it MDX).
    fn esm(&mut self, line: &str) -> bool {
        let statement = ["import ", "import{", "export ", "export{"]
            .iter()
            .any(|k| line.starts_with(k));
        if self.mdx {
            return statement;
        }
        let line = line.trim_end().trim_end_matches(';');
        let from_module =
            line.starts_with("import ") && line.ends_with(['\'', '"']) && line.contains(" from ");
        self.mdx = from_module;
        from_module
    }

    /// A construct starting a line and maybe going on over the next lines
    /// of its paragraph: a shortcode, a comment, an MDX expression or a
    /// component tag.
    fn spanning(&mut self, at: usize, line_end: usize) -> Option<Construct> {
        let body = self.body;
        let rest = &body[at..];
        let opens = ["{{", "{%", "{/*"].iter().any(|o| rest.starts_with(o))
            || (self.mdx && rest.starts_with('{'))
            || (rest.starts_with('<')
                && rest[1..]
                    .trim_start_matches('/')
                    .starts_with(|c: char| c.is_ascii_uppercase()));
        if !opens {
            return None;
        }
        if line_end > self.paragraph_end {
            self.paragraph_end = paragraph_end(body, line_end);
        }
        let limit = self.paragraph_end;
        let found = if rest.starts_with('{') {
            inline::brace_construct(body, at, limit, false, &mut Default::default())
                .or_else(|| self.expression(at, limit))
        } else {
            inline::jsx_tag(body, at, limit).map(|end| Construct {
                kind: Kind::Jsx,
                range: at..end,
                replacement: String::new(),
            })
        };
        if found.is_none() {
            self.give_up_until = limit;
        }
        // One that ends on its line is left to the line's own reading.
        found.filter(|c| c.range.end > line_end || c.kind == Kind::Hidden)
    }

    /// An MDX `{expression}` standing on its own lines.
    fn expression(&self, at: usize, limit: usize) -> Option<Construct> {
        if !self.mdx {
            return None;
        }
        let end = inline::expression_end(self.body, at, limit)?;
        let rest_of_line = self.body[end..].split('\n').next().unwrap_or("");
        rest_of_line.trim().is_empty().then(|| Construct {
            kind: Kind::Hidden,
            range: at..end,
            replacement: String::new(),
        })
    }

    /// Rewrites the constructs of `start..end`, part of one line.
    fn inline(&mut self, start: usize, end: usize, heading: bool) {
        let mut found = Vec::new();
        inline::scan_line(self.body, start..end, heading, &mut found);
        for construct in found {
            self.found(construct.kind, construct.range.clone());
            self.rewrite.replace(construct.range, construct.replacement);
        }
    }

    fn found(&mut self, kind: Kind, range: Range<usize>) {
        match self.findings.iter_mut().find(|f| f.kind == kind) {
            Some(finding) => finding.count += 1,
            None => self.findings.push(Finding {
                kind,
                count: 1,
                first: range,
            }),
        }
    }
}

/// Whether a line of the rewritten text is blank (or only quote markers).
fn is_blank_line(line: &str) -> bool {
    line.trim_matches(|c| c == '>' || c == ' ').is_empty()
}

/// The bytes and columns of leading white space in `text`, up to `max`
/// columns (a tab reaches the next multiple of 4).
fn columns(text: &str, max: usize) -> (usize, usize) {
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
fn paragraph_end(body: &str, line_end: usize) -> usize {
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

fn is_list_item(line: &str) -> bool {
    let bullet = line.starts_with(['-', '*', '+']) && line[1..].starts_with([' ', '\t']);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = (1..=9).contains(&digits)
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with([' ', '\t']);
    bullet || ordered
}

/// A code fence opening `line`.
fn fence(line: &str) -> Option<Closer> {
    let ch = *line.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == ch).count();
    let info_ok = ch == b'~' || !line[len..].contains('`');
    (len >= 3 && info_ok).then_some(Closer::Fence(ch, len))
}

/// The language of a line that is only `{% highlight go %}` or
/// `{{< highlight go >}}` (also Hugo's `code` and `code-toggle`).
fn highlight_start(line: &str) -> Option<&str> {
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

fn is_highlight_end(line: &str) -> bool {
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
fn vue_block(line: &str) -> Option<&'static str> {
    if line.starts_with("<script setup") {
        return Some("</script>");
    }
    let style = line.strip_prefix("<style")?;
    let vue = ["scoped", "module", "lang="]
        .iter()
        .any(|a| style.trim_start().starts_with(a));
    vue.then_some("</style>")
}

#[cfg(test)]
mod tests;

//! The line-by-line reading of a body by [`super::prepare`]: which lines
//! are code, which open or close containers, and what each line becomes.
//!
//! Containers are a stack: MkDocs ones close when a line is indented less
//! than their body, `:::` and `///` ones at a line of as many colons or
//! slashes. Each line's
//! indentation inside them is replaced by the quote markers (`> > `) of the
//! open alerts, so that admonitions become GitHub alerts, nested as
//! written, with code inside them still code. Code (fenced, indented, or a
//! `{% highlight %}` block) and HTML comments are left as written, but for
//! the lines that include another file, left out there too.

mod code;
mod markers;
mod spanning;
mod syntax;

use std::ops::Range;

use super::Finding;
use super::containers::{self, Admonition, Fence};
use super::inline::{self, Kind};
use super::offsets::Rewrite;
use super::page_values::{self, PageValues};
use syntax::{
    columns, highlight_start, is_blank_line, is_include, is_include_tag, is_list_item,
    is_myst_option, is_snippets_block, myst_target, vue_block,
};

/// What starts each line of an alert: a block quote's marker.
pub(super) const QUOTE: &str = "> ";

/// What starts each line of a step after its `1.`: a list item's body.
pub(super) const ITEM: &str = "   ";

/// How many containers may be open at once; an opener beyond is text.
///
/// Every line inside a container is written with one quote marker per
/// open alert, so without a limit a run of unclosed `:::note` lines (which,
/// unlike MkDocs ones, need no indentation to nest) gave output quadratic
/// in the body's size. Help articles nest two or three deep; Markdown
/// parsers bound nesting the same way (markdown-it's `maxNesting`).
pub(super) const MAX_NESTING: usize = 16;

/// What reading a body gives.
pub(super) struct Read {
    /// The rewrite of the body.
    pub(super) rewrite: Rewrite,
    /// Admonitions by the body offset of the line that opens them, in order.
    pub(super) admonitions: Vec<(usize, Admonition)>,
    /// What was dropped, per kind.
    pub(super) findings: Vec<Finding>,
    /// The labels of MyST targets (`(label)=`), in order.
    pub(super) labels: Vec<String>,
}

/// Reads `body` line by line (`mdx`: as an MDX file), showing the
/// front matter `values` its `{{ $frontmatter.key }}` expressions name.
pub(super) fn read(body: &str, mdx: bool, values: &PageValues) -> Read {
    let mut pass = Pass {
        body,
        mdx,
        values,
        rewrite: Rewrite::default(),
        admonitions: Vec::new(),
        findings: Vec::new(),
        labels: Vec::new(),
        stack: Vec::new(),
        mode: Mode::Normal,
        prev_blank: true,
        list: false,
        indented_code: false,
        give_up_until: 0,
        tags_given_up_until: 0,
        paragraph_end: 0,
        unopened_colons: 0,
        tab_labels: Vec::new(),
        hugo_closers: None,
    };
    let mut pos = 0;
    while pos < body.len() {
        let next = body[pos..].find('\n').map_or(body.len(), |i| pos + i + 1);
        let end = body[pos..next].trim_end_matches(['\n', '\r']).len() + pos;
        pass.line(pos, end);
        pos = next;
    }
    Read {
        rewrite: pass.rewrite,
        admonitions: pass.admonitions,
        findings: pass.findings,
        labels: pass.labels,
    }
}

/// A container open at the current line.
#[derive(Debug)]
struct Container {
    /// The column of its opening marker.
    base: usize,
    /// `Some(fence)` for `:::` and `///` containers, closed by a fence;
    /// `None` for the others, closed by a line indented less than their
    /// body (and an HTML element by its closing tag too).
    colons: Option<Fence>,
    /// How far its body is indented past `base`: 4 in MkDocs containers,
    /// none in `:::` ones, as its first line is in an HTML element.
    indent: usize,
    /// The name of the HTML element it is (`div` for `<div markdown>`).
    element: Option<String>,
    /// What starts each of its lines: [`QUOTE`] for an alert (a block
    /// quote), [`ITEM`] for a step (a list item's body), nothing else.
    marker: &'static str,
    /// Whether the text around it was inside a list, as it is again when
    /// it closes (a tab in a list item, the next tab after it).
    in_list: bool,
}

impl Container {
    fn body_column(&self) -> usize {
        self.base + self.indent
    }
}

/// What the lines being read are.
#[derive(Debug)]
enum Mode {
    Normal,
    /// Code, up to a closing fence (or a line closing a tag block); opened
    /// with `depth` containers, indented by `indent` columns in them.
    /// `includes_only`: a block of nothing but file includes, left out
    /// whole with its fences; `quoted`: a block inside a block quote
    /// (`> ```rust`), whose lines start with its markers; `options`: a
    /// MyST code directive whose options may still come.
    Code {
        closer: Closer,
        depth: usize,
        indent: usize,
        includes_only: bool,
        quoted: bool,
        options: bool,
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
    /// The lines that end by this offset dropped whole, the next read
    /// afresh (a component tag written over lines).
    DropLinesTo(usize),
    /// Lines indented deeper than this column dropped, blank ones kept (a
    /// mkdocstrings directive's YAML options).
    DropIndented(usize),
    /// Lines dropped up to and with the one that closes this fence (a
    /// MyST directive's block).
    DropFenced(Fence),
    /// The options that open a MyST directive's body (`:open:`, `:class:
    /// tip`), dropped up to the first other line.
    DropOptions,
}

#[derive(Debug, Clone, Copy)]
enum Closer {
    /// A fence of at least this many of this character.
    Fence(u8, usize),
    /// `{% endhighlight %}` or `{{< /highlight >}}`: replaced by a fence.
    Tag,
}

struct Pass<'a> {
    body: &'a str,
    mdx: bool,
    /// The front matter values the body shows ([`super::page_values`]).
    values: &'a PageValues,
    rewrite: Rewrite,
    admonitions: Vec<(usize, Admonition)>,
    findings: Vec<Finding>,
    labels: Vec<String>,
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
    /// Component tags over lines are searched for to the end of their
    /// paragraph no more before this offset, for the same reason
    /// ([`Self::jsx_block_over_lines`]).
    tags_given_up_until: usize,
    /// The end of the paragraph last looked at.
    paragraph_end: usize,
    /// `:::` openers left as text for being too deep and not yet closed:
    /// their closers are text too, not the close of an open container.
    unopened_colons: usize,
    /// The labels not yet taken of Nextra's open `<Tabs items={…}>`, each
    /// with the depth of its container in `stack`.
    tab_labels: Vec<(usize, std::collections::VecDeque<String>)>,
    /// Where each Hugo callout is last closed, read when a line first
    /// opens one.
    hugo_closers: Option<Vec<Option<usize>>>,
}

impl Pass<'_> {
    /// Reads the line `start..end` (its ending excluded).
    fn line(&mut self, start: usize, end: usize) {
        let body = self.body;
        let line = &body[start..end];
        let blank = line.trim().is_empty();
        let dropping = matches!(self.mode, Mode::DropTo(_))
            || matches!(self.mode, Mode::DropLinesTo(until) if end <= until);
        let mut closed_quote = false;
        if !blank && !dropping {
            // A line indented less than an MkDocs container's body closes
            // it, and with it every container opened inside it: a `:::` one
            // left open there (a mkdocstrings `::: module.Class` has no
            // closer) must not keep the rest of the page in the box.
            let indent = columns(line, usize::MAX).1;
            if let Some(outermost) = self
                .stack
                .iter()
                .position(|c| c.colons.is_none() && indent < c.body_column())
            {
                closed_quote = self.stack[outermost..].iter().any(|c| !c.marker.is_empty());
                self.close_to(outermost);
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

    /// Closes the containers from the `depth`th on.
    fn close_to(&mut self, depth: usize) {
        if let Some(outermost) = self.stack.get(depth) {
            self.list = outermost.in_list;
        }
        self.stack.truncate(depth);
        self.tab_labels.retain(|(at, _)| *at < depth);
    }

    /// The markers of the open containers (`> > `), as a line of them
    /// starts.
    fn quote_prefix(&self) -> String {
        self.stack.iter().map(|c| c.marker).collect()
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
            prefix.push_str(c.marker);
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
            Mode::Code { .. } => self.code_line(content, end, column, prefix, blank),
            Mode::Comment { .. } => {
                if text.contains("-->") {
                    self.mode = Mode::Normal;
                }
                None
            }
            Mode::DropToBlank => {
                if blank {
                    self.mode = Mode::Normal;
                } else {
                    self.rewrite.remove(content..end);
                }
                None
            }
            Mode::DropToLine(closing) => {
                if text.contains(closing) {
                    self.mode = Mode::Normal;
                }
                self.rewrite.remove(content..end);
                None
            }
            &Mode::DropLinesTo(until) if end <= until => {
                self.rewrite.remove(content..end);
                None
            }
            Mode::DropLinesTo(_) => {
                self.mode = Mode::Normal;
                (!blank).then(|| self.normal_line(content, end, column, prefix))?
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
                None
            }
            &Mode::DropFenced(fence) => {
                let line = text.trim_start();
                let colons = matches!(containers::marker(line),
                    Some(containers::Marker::ColonClose(closer)) if fence.closed_by(closer));
                if colons || containers::myst(line, Some(fence)).is_some() {
                    self.mode = Mode::Normal;
                }
                self.rewrite.remove(content..end);
                None
            }
            Mode::DropOptions if !blank && is_myst_option(text.trim_start()) => {
                self.rewrite.remove(content..end);
                None
            }
            Mode::DropOptions => {
                self.mode = Mode::Normal;
                (!blank).then(|| self.normal_line(content, end, column, prefix))?
            }
            Mode::DropIndented(_) if blank => None,
            &Mode::DropIndented(deeper_than)
                if column + columns(text, usize::MAX).1 > deeper_than =>
            {
                self.rewrite.remove(content..end);
                None
            }
            Mode::DropIndented(_) => {
                self.mode = Mode::Normal;
                self.normal_line(content, end, column, prefix)
            }
            Mode::Normal if blank => None,
            Mode::Normal => self.normal_line(content, end, column, prefix),
        }
    }

    /// Reads the content `content..end` (at `column`) of a line that is
    /// neither code nor comment nor dropped: it may open a code block, a
    /// comment or a container, or hold constructs to drop or rewrite.
    fn normal_line(
        &mut self,
        content: usize,
        end: usize,
        column: usize,
        prefix: &str,
    ) -> Option<String> {
        let body = self.body;
        let text = &body[content..end];
        let trimmed = text.trim_start();
        let rel = columns(text, usize::MAX).1;
        let at = content + (text.len() - trimmed.len());
        // MDX has no indented code: a line indented four columns or more
        // is text, which must reach CommonMark without its indentation.
        let mdx_text = self.mdx && rel >= 4 && !self.list;
        if rel >= 4 && (self.prev_blank || self.indented_code) && !self.list && !self.mdx {
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
        let open = self.stack.last().and_then(|c| c.colons);
        if shallow && let Some(marker) = containers::myst(trimmed, open) {
            return self
                .directive(|pass| pass.marker(marker, content, column + rel, prefix, at..end));
        }
        if self.opens_code(text, end, shallow) {
            return None;
        }
        if shallow && (is_include(trimmed) || is_include_tag(trimmed)) {
            self.found(Kind::Include, at..end);
            self.rewrite.remove(content..end);
            return None;
        }
        if shallow && is_snippets_block(trimmed) && super::includes::names_files(&body[end..]) {
            self.found(Kind::Include, at..end);
            self.mode = Mode::DropToLine("8<-");
            self.rewrite.remove(content..end);
            return None;
        }
        if trimmed.starts_with("<!--") && !trimmed.contains("-->") {
            self.mode = Mode::Comment {
                depth: self.stack.len(),
            };
            return None;
        }
        let indent = &text[..text.len() - trimmed.len()];
        if shallow && let Some(tag) = super::jsx::tag(trimmed) {
            return Some(self.jsx_block(tag, indent, at..end, column + rel, prefix));
        }
        if shallow
            && trimmed.starts_with('<')
            && let Some((open, content, name)) = super::jsx::on_one_line(trimmed)
            && let Some(tag) = super::jsx::tag(open)
        {
            let first = self.jsx_block(tag, indent, at..end, column + rel, prefix);
            let inside = format!("{}{indent}{content}", self.quote_prefix());
            let last = self.jsx_block((name, None), indent, at..end, column + rel, prefix);
            return Some(format!("{first}\n{inside}\n{last}"));
        }
        if shallow
            && trimmed.starts_with('<')
            && let Some(line) = self.jsx_block_over_lines((at, end), indent, column + rel, prefix)
        {
            return Some(line);
        }
        if shallow
            && let Some(line) = self.markdown_element(trimmed, indent, column + rel, prefix, end)
        {
            return Some(line);
        }
        if shallow
            && trimmed.starts_with("{{")
            && let Some(marker) =
                super::hugo::marker(trimmed, |callout| self.hugo_closed_after(callout, end))
        {
            return self.marker(marker, content, column + rel, prefix, at..end);
        }
        if shallow
            && trimmed.starts_with("{{")
            && let Some(line) = self.hugo_over_lines((at, end), content, column + rel, prefix)
        {
            return Some(line);
        }
        if shallow && let Some(marker) = containers::marker(trimmed) {
            if trimmed.trim_start_matches(':').starts_with('{') {
                return self
                    .directive(|pass| pass.marker(marker, content, column + rel, prefix, at..end));
            }
            return self.marker(marker, content, column + rel, prefix, at..end);
        }
        if shallow
            && self.opens_quote(content)
            && let Some((offset, admonition)) = containers::callout(trimmed)
        {
            let marker = at + offset;
            let name_end = body[marker..end].find(']').map_or(end, |i| marker + i + 1);
            // The fold mark and the title go into the admonition.
            self.rewrite
                .replace(marker..end, format!("[!{}]", admonition.kind.marker()));
            self.admonitions.push((at, admonition));
            self.found(Kind::Mapped, marker..name_end);
            return None;
        }
        if shallow && let Some(label) = myst_target(trimmed) {
            self.found(Kind::Mapped, at..end);
            self.labels.push(label.to_owned());
            return Some(format!("{prefix}{}", super::anchor(label)));
        }
        if shallow && let Some(lang) = highlight_start(trimmed) {
            self.mode = Mode::Code {
                closer: Closer::Tag,
                depth: self.stack.len(),
                indent: rel,
                includes_only: false,
                quoted: false,
                options: false,
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
                if mdx_text {
                    self.rewrite.remove(content..at);
                }
                self.rewrite.replace(found.range.clone(), found.replacement);
                self.inline(found.range.end, end, false);
            }
            return None;
        }
        if mdx_text {
            self.rewrite.remove(content..at);
        }
        self.inline(at, end, trimmed.starts_with('#'));
        None
    }

    /// Whether the line whose content starts at `content` starts a block
    /// quote rather than continues one: the line before it is blank or
    /// no quote.
    fn opens_quote(&self, content: usize) -> bool {
        let start = self.line_start(content);
        self.prev_blank || start == 0 || {
            let before = self.line_start(start - 1);
            !self.body[before..start].trim_start().starts_with('>')
        }
    }

    /// The start of the line holding `offset`.
    fn line_start(&self, offset: usize) -> usize {
        self.body[..offset].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Rewrites the constructs of `start..end`, part of one line.
    fn inline(&mut self, start: usize, end: usize, heading: bool) {
        let mut found = Vec::new();
        inline::scan_line(self.body, start..end, heading, &mut found);
        let taken = inline::taken(self.body, start..end, &found);
        for (mut construct, range) in found.into_iter().zip(taken) {
            let shown = (construct.kind == Kind::Template)
                .then(|| page_values::key_of(&self.body[construct.range.clone()]))
                .flatten()
                .and_then(|key| self.values.get(key));
            if let Some(value) = shown {
                construct.kind = Kind::Mapped;
                construct.replacement = super::markdown_text(value);
            }
            self.found(construct.kind, construct.range);
            self.rewrite.replace(range, construct.replacement);
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

//! The lines that open and close containers: admonitions, tabs, `:::`
//! and `///` blocks, GitBook's block tags, mkdocstrings directives, and
//! HTML elements whose content is Markdown (`<div markdown>`).

use std::ops::Range;

use super::super::containers::{Admonition, Fence, Marker};
use super::super::inline::Kind;
use super::super::jsx;
use super::syntax::{columns, markdown_element};
use super::{Container, ITEM, MAX_NESTING, Mode, Pass, QUOTE};

/// How many lines after its first a component tag may go on over, past
/// the end of its paragraph.
const TAG_LINES: usize = 20;

impl Pass<'_> {
    /// Opens or closes a container at the line whose content is at
    /// `content`, the marker at `column` (from offset `at` to the line's
    /// end): the line's new text.
    pub(super) fn marker(
        &mut self,
        marker: Marker,
        content: usize,
        column: usize,
        prefix: &str,
        marked: Range<usize>,
    ) -> Option<String> {
        let at = marked.start;
        if let Marker::Directive = marker {
            self.found(Kind::Directive, marked);
            self.mode = Mode::DropIndented(column);
            return Some(prefix.trim_end().to_owned());
        }
        if let Marker::Generated {
            fence,
            shown,
            warned,
        } = marker
        {
            let kind = if warned {
                Kind::Directive
            } else {
                Kind::Hidden
            };
            self.found(kind, marked);
            self.mode = Mode::DropFenced(fence);
            let indent = &self.body[content..at];
            return Some(format!("{prefix}{indent}{shown}").trim_end().to_owned());
        }
        if let Marker::Line(shown) = marker {
            // A paragraph of its own: the caption below is another.
            self.found(Kind::Mapped, marked);
            let indent = &self.body[content..at];
            let blank = prefix.trim_end();
            if shown.is_empty() {
                return Some(blank.to_owned());
            }
            let lines: Vec<String> = shown
                .lines()
                .map(|line| format!("{prefix}{indent}{line}"))
                .collect();
            return Some(format!("{}\n{blank}", lines.join("\n")));
        }
        if !matches!(marker, Marker::ColonClose(_)) && self.stack.len() >= MAX_NESTING {
            if matches!(
                marker,
                Marker::Colon(..) | Marker::FencedTab(..) | Marker::Step(_)
            ) {
                self.unopened_colons += 1;
            }
            self.found(Kind::TooDeep, marked);
            return None;
        }
        let body = self.body;
        let indent = &body[content..at];
        let line_start = self.line_start(content);
        let alert = |a: &Admonition| format!("{prefix}{indent}> [!{}]", a.kind.marker());
        match marker {
            Marker::Indented(admonition) => {
                let line = alert(&admonition);
                self.open(column, None, QUOTE);
                self.admonitions.push((line_start, admonition));
                Some(line)
            }
            Marker::Tab(title) => {
                self.open(column, None, "");
                Some(self.tab_title(prefix, indent, &title))
            }
            // Text where no `:::` container is open, as VuePress shows it.
            Marker::TabTitle(_) if self.stack.last().and_then(|c| c.colons).is_none() => None,
            Marker::TabTitle(title) => Some(self.tab_title(prefix, indent, &title)),
            Marker::Step(fence) => {
                self.open(column, Some(fence), ITEM);
                Some(format!("{prefix}{indent}1."))
            }
            Marker::FencedTab(fence, title) => {
                self.open(column, Some(fence), "");
                Some(self.tab_title(prefix, indent, &title))
            }
            Marker::Colon(colons, admonition) => {
                let line = match &admonition {
                    Some(a) => alert(a),
                    None => prefix.trim_end().to_owned(),
                };
                let marker = if admonition.is_some() { QUOTE } else { "" };
                self.open(column, Some(colons), marker);
                if let Some(admonition) = admonition {
                    self.admonitions.push((line_start, admonition));
                }
                Some(line)
            }
            Marker::ColonClose(_) if self.unopened_colons > 0 => {
                self.unopened_colons -= 1;
                None
            }
            Marker::Directive | Marker::Generated { .. } | Marker::Line(_) => None,
            Marker::ColonClose(colons) => {
                let closes = self
                    .stack
                    .last()
                    .is_some_and(|c| c.colons.is_some_and(|f| f.closed_by(colons)));
                if !closes && colons.is_gitbook() {
                    self.found(Kind::Unopened, marked);
                    return Some(prefix.trim_end().to_owned());
                }
                if !closes && colons.is_hugo() {
                    // A shortcode like any other, as its opener was.
                    self.inline(marked.start, marked.end, false);
                    return None;
                }
                if !closes {
                    return None;
                }
                self.close_to(self.stack.len() - 1);
                Some(self.quote_prefix().trim_end().to_owned())
            }
        }
    }

    /// What `opened` (a [`Self::marker`] call) gives for a MyST
    /// directive's line: the options that open the body of a container it
    /// opens are left out.
    pub(super) fn directive(
        &mut self,
        opened: impl FnOnce(&mut Self) -> Option<String>,
    ) -> Option<String> {
        let depth = self.stack.len();
        let line = opened(self);
        if self.stack.len() > depth {
            self.mode = Mode::DropOptions;
        }
        line
    }

    /// The lines that show a tab's title (text, as [`inline_text`] reads
    /// it), in bold, as a paragraph; none for a title without text, whose
    /// `****` would be a thematic break.
    ///
    /// [`inline_text`]: super::super::inline_text
    fn tab_title(&self, prefix: &str, indent: &str, title: &str) -> String {
        let blank = prefix.trim_end();
        // A title that opened with an icon left out starts with no space.
        let title = super::super::emoji::replace_all(title);
        let title = title.trim();
        if title.is_empty() {
            return blank.to_owned();
        }
        let before = if self.prev_blank {
            String::new()
        } else {
            format!("{blank}\n")
        };
        let title = super::super::markdown_text(title);
        format!("{before}{prefix}{indent}**{title}**\n{blank}")
    }

    fn open(&mut self, base: usize, colons: Option<Fence>, marker: &'static str) {
        self.push(Container {
            base,
            colons,
            indent: if colons.is_some() { 0 } else { 4 },
            element: None,
            marker,
            in_list: self.list,
        });
    }

    fn push(&mut self, container: Container) {
        self.stack.push(container);
        self.list = false;
        self.indented_code = false;
    }

    /// Opens or closes the JSX component `tag` that wraps Markdown (tabs,
    /// steps, callouts: [`jsx::tag`]), written at `marked` (at `column`
    /// after `indent`): its line's new text. Its content is read as
    /// if it were not indented past the tag, a tab starts with its label
    /// in bold, a callout is an alert; a closing tag closes the innermost
    /// component of its name, and is left out whether it is open or not
    /// (a line indented less than a component's body closes it first).
    pub(super) fn jsx_block(
        &mut self,
        (name, block): (&str, Option<jsx::Block>),
        indent: &str,
        marked: Range<usize>,
        column: usize,
        prefix: &str,
    ) -> String {
        let (at, end) = (marked.start, marked.end);
        if block.is_some() && self.stack.len() >= MAX_NESTING {
            self.found(Kind::TooDeep, marked);
            return prefix.trim_end().to_owned();
        }
        self.found(Kind::Mapped, marked);
        let Some(block) = block else {
            if let Some(open) = self
                .stack
                .iter()
                .rposition(|c| c.element.as_deref() == Some(name))
            {
                self.close_to(open);
            }
            return self.quote_prefix().trim_end().to_owned();
        };
        let line = match &block {
            jsx::Block::Line(shown) => {
                let blank = prefix.trim_end();
                let shown = shown.replace('\n', &format!("\n{prefix}{indent}"));
                // Blank lines around: neither a paragraph nor an HTML
                // block before it (`<br />`) takes it as its text.
                return format!("{blank}\n{prefix}{indent}{shown}\n{blank}");
            }
            jsx::Block::Plain => prefix.trim_end().to_owned(),
            jsx::Block::Tabs(labels) => {
                let at = self.stack.len();
                self.tab_labels.push((at, labels.iter().cloned().collect()));
                prefix.trim_end().to_owned()
            }
            jsx::Block::Tab(label) => self.tab_title(prefix, indent, label),
            jsx::Block::NextTab => {
                let label = self
                    .tab_labels
                    .last_mut()
                    .and_then(|(_, labels)| labels.pop_front());
                match label {
                    Some(label) => self.tab_title(prefix, indent, &label),
                    None => prefix.trim_end().to_owned(),
                }
            }
            jsx::Block::Alert(a) => format!("{prefix}{indent}> [!{}]", a.kind.marker()),
        };
        let marker = if matches!(block, jsx::Block::Alert(_)) {
            QUOTE
        } else {
            ""
        };
        let line_start = self.line_start(at);
        self.push_element(name, column, end, marker);
        if let jsx::Block::Alert(admonition) = block {
            self.admonitions.push((line_start, admonition));
        }
        line
    }

    /// A component tag of [`jsx::tag`] written over several lines from
    /// `at` (its first line ending at `end`), as Docusaurus pages write
    /// `<TabItem\n  value="mac"\n  label="macOS">`: opened or closed as
    /// if written on one line (see [`Self::jsx_block`]), and the lines it
    /// goes on over dropped; `None` unless it ends its last line within
    /// its paragraph or [`TAG_LINES`] lines.
    pub(super) fn jsx_block_over_lines(
        &mut self,
        (at, end): (usize, usize),
        indent: &str,
        column: usize,
        prefix: &str,
    ) -> Option<String> {
        let body = self.body;
        if body[at..end].contains('>') {
            return None;
        }
        let lines = body[end..]
            .match_indices('\n')
            .nth(TAG_LINES)
            .map_or(body.len(), |(i, _)| end + i);
        // A tag that holds data (a table of properties) may go on to the
        // end of its paragraph, searched for once as `spanning` does.
        let whole_paragraph = at >= self.tags_given_up_until;
        if whole_paragraph && end > self.paragraph_end {
            self.paragraph_end = super::syntax::paragraph_end(body, end);
        }
        let limit = match whole_paragraph {
            true => lines.max(self.paragraph_end),
            false => lines,
        };
        let Some(tag_end) = super::super::inline::jsx_tag(body, at, limit) else {
            if whole_paragraph {
                self.tags_given_up_until = self.paragraph_end;
            }
            return None;
        };
        let line_end = body[tag_end..]
            .find('\n')
            .map_or(body.len(), |i| tag_end + i);
        if tag_end <= end || !body[tag_end..line_end].trim().is_empty() {
            return None;
        }
        // Its lines trimmed, their breaks kept: a `// comment` in an
        // attribute's code ends with its line.
        let one_line = body[at..tag_end]
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let tag = jsx::tag(&one_line)?;
        let line = self.jsx_block(tag, indent, at..line_end, column, prefix);
        self.mode = Mode::DropLinesTo(line_end);
        Some(line)
    }

    /// Whether the Hugo callout of place `callout` in the list is closed
    /// after `end`.
    pub(super) fn hugo_closed_after(&mut self, callout: usize, end: usize) -> bool {
        let body = self.body;
        let closers = self
            .hugo_closers
            .get_or_insert_with(|| super::super::hugo::last_closers(body));
        closers[callout].is_some_and(|close| close > end)
    }

    /// A Hugo shortcode call that starts the line `at..end` and ends a
    /// later one, within [`TAG_LINES`] lines (`{{< figure`, then a key on
    /// each line, then `>}}`): read as if written on one line, what it
    /// stands for replaces its lines. `None` when it is no such call or
    /// none the line pass reads (the inline pass then drops it, with its
    /// warning).
    pub(super) fn hugo_over_lines(
        &mut self,
        (at, end): (usize, usize),
        content: usize,
        column: usize,
        prefix: &str,
    ) -> Option<String> {
        let body = self.body;
        let first = &body[at..end];
        let closer = match first.get(..3)? {
            "{{<" => ">}}",
            "{{%" => "%}}",
            _ => return None,
        };
        if first.contains("}}") {
            return None;
        }
        let limit = body[end..]
            .match_indices('\n')
            .nth(TAG_LINES)
            .map_or(body.len(), |(i, _)| end + i);
        let call_end = end + body[end..limit].find(closer)? + closer.len();
        let line_end = body[call_end..]
            .find('\n')
            .map_or(body.len(), |i| call_end + i);
        let inside = &body[end..call_end - closer.len()];
        if inside.contains("{{") || !body[call_end..line_end].trim().is_empty() {
            return None;
        }
        let one_line = body[at..call_end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let marker = super::super::hugo::marker(&one_line, |callout| {
            self.hugo_closed_after(callout, line_end)
        })?;
        let line = self.marker(marker, content, column, prefix, at..line_end)?;
        self.mode = Mode::DropLinesTo(line_end);
        Some(line)
    }

    /// Opens the container of the element or component `name` whose tag,
    /// at `column`, ends its line at `end`: its content is read as if it
    /// were not indented past the tag; `marker` starts its lines.
    fn push_element(&mut self, name: &str, column: usize, end: usize, marker: &'static str) {
        let first_column = self.first_content_column(end);
        self.push(Container {
            base: column,
            colons: None,
            indent: first_column.saturating_sub(column).min(4),
            element: Some(name.to_owned()),
            marker,
            in_list: self.list,
        });
    }

    /// The column of the first line that is not blank after the line that
    /// ends at `end`: where a container's content is indented to.
    fn first_content_column(&self, end: usize) -> usize {
        let first = self.body[end..]
            .lines()
            .skip(1)
            .find(|line| !line.trim().is_empty());
        first.map_or(0, |line| columns(line, usize::MAX).1)
    }

    /// Opens or closes an HTML element whose content is Markdown
    /// (Python-Markdown's `<figure markdown>`), at the line `trimmed` (at
    /// `column` after `indent`, ending at `end`): its new text, with a blank line after
    /// the opening tag and before the closing one, so that what is between
    /// is read as Markdown rather than as the HTML block's text. The
    /// content is read as if it were not indented past the tag.
    pub(super) fn markdown_element(
        &mut self,
        trimmed: &str,
        indent: &str,
        column: usize,
        prefix: &str,
        end: usize,
    ) -> Option<String> {
        let tag = trimmed.trim_end();
        let blank = prefix.trim_end();
        let open = self.stack.last().and_then(|c| c.element.as_deref());
        let closing = tag.strip_prefix("</").and_then(|t| t.strip_suffix('>'));
        if open.is_some() && open == closing {
            self.close_to(self.stack.len() - 1);
            return Some(format!("{blank}\n{prefix}{indent}{tag}"));
        }
        let name = markdown_element(tag)?;
        self.push_element(name, column, end, "");
        Some(format!("{prefix}{indent}{tag}\n{blank}"))
    }
}

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
//! - admonitions (`!!! note`, `??? note`, `:::tip`, `::: warning`,
//!   `/// note | Title`, Obsidian's `> [!info] Title`) into
//!   GitHub alerts (`> [!TIP]`), bodies and nesting kept; MkDocs content
//!   tabs into their title and body; plain `:::` containers into their body;
//! - GitBook's blocks (`{% hint style="info" %}` … `{% endhint %}`) into
//!   alerts, their tabs and titled code into their title and body, their
//!   steps, columns and page references into their body, an embed or a
//!   file into a link;
//! - Hugo themes' callout shortcodes (`{{< hint danger >}}` … its
//!   `{{< /hint >}}`, `{{< alert text="…" />}}`) into alerts ([`hugo`]);
//! - Hugo shortcodes, Liquid/Jinja tags and `{{ … }}` expressions: dropped,
//!   the text between paired tags kept; `{{< highlight go >}}` and
//!   `{% highlight go %}` blocks into fenced code; `{{< ref "x.md" >}}` into
//!   the path it names;
//! - attribute lists (`{: .class }`, `{ .md-button }`) outside headings:
//!   dropped;
//! - emoji shortcodes (`:smile:`) into their emoji, and MkDocs Material's
//!   icons (`:material-check:`) into an emoji, a mark or nothing;
//! - PyMdown's keys (`++ctrl+alt+del++`) into `<kbd>` elements;
//! - JSX component tags: dropped, their inner text kept; MDX comments and,
//!   in MDX files, `import`/`export` lines and `{expressions}` on their own
//!   lines: dropped; `{/* #id */}` closing a heading into its `{#id}`;
//! - Vue's `<script setup>` and `<style scoped>` blocks (VitePress): dropped;
//!   its `{{ $frontmatter.key }}` into the page's value of that key
//!   ([`page_values`]), which the caller reads from the front matter;
//! - HTML elements with a `markdown` attribute (`<figure markdown>`): a
//!   blank line after the opening tag and before the closing one, so that
//!   their content is read as Markdown;
//! - file includes (`--8<-- "file"`, `{!file!}`, `{{#include file}}`)
//!   whose file could not be read ([`includes`] puts the others' text in
//!   before this rewrite), in code too: dropped, and a code block of
//!   nothing else with them;
//! - mkdocstrings' `::: package.module` directives and their options:
//!   dropped; MyST's fenced directives (```` ```{note} ````) and
//!   mdbook-admonish's blocks (```` ```admonish tip ````) into alerts,
//!   or their block dropped (`{toctree}`, `{program-output}`); its roles
//!   (``{doc}`Title <page>` ``) into links or text, and its targets
//!   (`(label)=`) into anchors.
//!
//! A body with none of these is passed through without a copy. The rewrite
//! reads each line once (a construct spanning lines is searched for once,
//! up to the end of its paragraph), so it is linear in the body's size.

mod code_spans;
mod containers;
mod emoji;
mod escapes;
mod gitbook;
mod hugo;
pub mod includes;
mod inline;
mod jsx;
mod keys;
mod lines;
mod offsets;
mod page_values;
mod properties;
mod roles;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

pub use code_spans::shown_code;
pub use containers::{Admonition, AlertKind};
pub use escapes::shown_in_code;
use inline::Kind;
use lines::Read;
use offsets::OffsetMap;
pub use page_values::{PageValues, keys_shown};

use crate::diagnostics::Diagnostic;

/// What a template expression opening a link's target is replaced with
/// (`[Cell]({{#DOCS_URL}}/cell.html)` → `[Cell]({{}}/cell.html)`): the
/// renderer keeps the link when the rest names a page of the site, and
/// its text alone otherwise. No URL starts with it.
pub const TEMPLATED_TARGET: &str = "{{}}";

/// An article body ready for the Markdown parser.
#[derive(Debug, Default)]
pub struct Prepared<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
    /// Admonitions by the body offset of the line that opens them.
    admonitions: Vec<(usize, Admonition)>,
    findings: Vec<Finding>,
    /// The labels of its MyST targets (`(label)=`), which Sphinx lets any
    /// page link to by name alone.
    labels: Vec<String>,
    /// The body with the files it includes put in, which was read instead
    /// of the body ([`includes`]).
    expanded: Option<&'a includes::Expanded>,
}

/// Constructs of one kind dropped from a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Finding {
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

    /// The labels of the MyST targets (`(label)=`) of the body, in order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The body offset of `offset` in [`Self::text`].
    pub fn source_offset(&self, offset: usize) -> usize {
        let read = self.map.source(offset);
        self.expanded.map_or(read, |e| e.source_offset(read))
    }

    /// The file range of `range` of the text read, for a body at `base`.
    fn file_span(&self, range: &Range<usize>, base: usize) -> Range<usize> {
        let source = |at| self.expanded.map_or(at, |e| e.source_offset(at));
        base + source(range.start)..base + source(range.end)
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
        let read = self.expanded.map_or(body, |e| e.text());
        self.findings
            .iter()
            // The includes left in an expanded body were each reported
            // with why their file could not be read (`discover::includes`).
            .filter(|f| f.kind != Kind::Include || self.expanded.is_none())
            .filter_map(|f| {
                let first = read.get(f.first.clone())?;
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
                    Kind::Include => (
                        "file include",
                        "tier0 reads no file but the article (PyMdown's `--8<--`, \
                         markdown-include's `{!file!}`, mdBook's `{{#include}}`): paste the \
                         text into the article, or link to where it is published",
                    ),
                    Kind::Unopened => (
                        "unmatched GitBook end tag",
                        "write the block's opening tag (`{% hint %}`, `{% tab %}`…) before it, \
                         or delete it; an end tag closes the innermost block, and only one of \
                         its own name",
                    ),
                    Kind::Directive => (
                        "directive",
                        "tier0 does not generate text from source code, other files or \
                         commands (mkdocstrings' `::: module`, MyST's \
                         `{program-output}`): write the text in Markdown, or link to where it \
                         is published",
                    ),
                    Kind::TooDeep => {
                        let message = format!(
                            "{} container{} nested more than {} deep shown as text (the first: `{first}`)",
                            f.count,
                            if f.count == 1 { "" } else { "s" },
                            lines::MAX_NESTING
                        );
                        let span = self.file_span(&f.first, base);
                        return Some(Diagnostic::warning(path, span, message).with_help(
                            "close each `:::` container with a line of `:::`, and nest admonitions \
                             and tabs less deeply",
                        ));
                    }
                    Kind::Mapped | Kind::Hidden => return None,
                };
                let plural = if f.count == 1 { "" } else { "s" };
                let message = format!(
                    "{} {what}{plural} left out of the page (the first: `{first}`)",
                    f.count
                );
                let span = self.file_span(&f.first, base);
                Some(Diagnostic::warning(path, span, message).with_help(help))
            })
            .collect()
    }
}

/// The value of `name="value"` (or `name='value'`) among a tag's `args`,
/// or a fenced code block's info string (`{.python title="app.py"}`,
/// `python,title="app.py"`).
pub fn attribute<'a>(args: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = args;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        if before.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '{'))
            && let Some(value) = after.strip_prefix('=')
            && let value = value.trim_start()
            && let Some(quote) = value.chars().next().filter(|c| matches!(c, '"' | '\''))
        {
            return value[1..].split_once(quote).map(|(value, _)| value);
        }
        rest = &rest[at + name.len()..];
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
            pulldown_cmark::Event::Text(t) => text.push_str(&emoji::replace_all(&t)),
            pulldown_cmark::Event::Code(t) => text.push_str(shown_code(&t)),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Markdown that shows `text` as it is: each ASCII punctuation character
/// escaped, so that a title read with [`inline_text`] and written back
/// into the page (a tab's, a link card's) starts no emphasis, link or
/// element: `&lt;img&gt;` in a title stays text, and `*` a star.
pub(super) fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Markdown link to `url`, shown as `text` (as text, not Markdown) or as
/// the URL itself.
pub(super) fn link(url: &str, text: Option<&str>) -> String {
    let shown = markdown_text(text.unwrap_or(url));
    format!("[{shown}]({})", destination(url))
}

/// An empty HTML anchor with the id `id` (a MyST target, an attribute
/// list's `#id`), which links lead to; `id` holds no quote or `<`.
pub(super) fn anchor(id: &str) -> String {
    format!("<a id=\"{id}\"></a>")
}

/// `url` as a Markdown link's destination: in `<…>`, which takes spaces
/// and parentheses, without the `<` and `>` it cannot hold.
pub(super) fn destination(url: &str) -> String {
    format!("<{}>", url.replace(['<', '>'], ""))
}

/// Rewrites `body`; `mdx` says it is an MDX file (`.mdx`). A Markdown file
/// with an `import … from '…'` line is read as MDX from that line on, as
/// Docusaurus reads every `.md` file as MDX.
pub fn prepare(body: &str, mdx: bool) -> Prepared<'_> {
    prepare_expanded(body, mdx, None, &PageValues::new())
}

/// [`prepare`], reading `expanded` (the body with the files it includes
/// put in, [`includes::expand`]) when given instead of `body`; offsets
/// still map back to `body`. `values` are the page's front matter values
/// that VitePress's `{{ $frontmatter.key }}` shows, by key (those
/// [`keys_shown`] names).
pub fn prepare_expanded<'a>(
    body: &'a str,
    mdx: bool,
    expanded: Option<&'a includes::Expanded>,
    values: &PageValues,
) -> Prepared<'a> {
    let read = prepare_text(expanded.map_or(body, |e| e.text()), mdx, values);
    Prepared { expanded, ..read }
}

/// [`prepare`] of the text to read.
fn prepare_text<'a>(body: &'a str, mdx: bool, values: &PageValues) -> Prepared<'a> {
    if !mdx && !has_dialect(body) {
        return Prepared {
            text: Cow::Borrowed(body),
            ..Prepared::default()
        };
    }
    let Read {
        rewrite,
        mut admonitions,
        findings,
        labels,
    } = lines::read(body, mdx, values);
    for (_, admonition) in &mut admonitions {
        if let Some(title) = admonition.title.as_mut().filter(|t| t.contains("{{")) {
            *title = page_values::fill(title, values);
        }
    }
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
        labels,
        expanded: None,
    }
}

/// Whether `body` may hold anything [`prepare`] rewrites: a quick look
/// that lets tier0's own articles through untouched.
fn has_dialect(body: &str) -> bool {
    let bytes = body.as_bytes();
    let inline = memchr::memchr3_iter(b'{', b'<', b':', bytes).any(|i| {
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        match bytes[i] {
            b'{' => {
                matches!(next, b'{' | b'%' | b'/' | b'.' | b':' | b'#' | b' ' | b'!')
                    || next.is_ascii_lowercase()
            }
            b':' => emoji::shortcode(body, i, body.len()).is_some(),
            _ => {
                next.is_ascii_uppercase()
                    || next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
                    || body[i..].starts_with("<script setup")
                    || body[i..].starts_with("<style ")
            }
        }
    });
    inline
        || body.contains("++")
        || body.contains("8<-")
        || body.contains(" markdown>")
        || body.contains(" markdown=")
        || body.lines().any(|line| {
            // A block quote is read only for a callout, or for what it
            // quotes: tier0's own `> [!INTERNAL]` and alerts pass.
            let quoted = line.trim_start();
            let line = quoted.trim_start_matches(['>', ' ', '\t']);
            containers::callout(quoted).is_some()
                || [
                    "!!!", "???", "===", ":::", "///", "```{", "import ", "export ",
                ]
                .iter()
                .any(|m| line.starts_with(m))
                || line.starts_with('(') && line.trim_end().ends_with(")=")
                || line.starts_with("```") && line.trim_start_matches('`').starts_with("admonish")
        })
}

#[cfg(test)]
mod tests;

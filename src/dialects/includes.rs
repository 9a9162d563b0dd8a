//! File includes of other tools, which put another file's text where a
//! line names it before Markdown is read: mdBook's `{{#include file.rs}}`
//! (`#rustdoc_include`, `#playground`), PyMdown's snippets (`--8<--
//! "file.md"`, or a block of names between two `--8<--` lines),
//! markdown-include's `{!file.md!}`, mkdocs-include-markdown's `{%
//! include-markdown "file.md" %}`, GitBook's `{% include "file.md" %}`,
//! MyST's ```` ```{include} file.md ```` and ```` ```{literalinclude}
//! file.py ```` blocks, Hugo sites' `{{% include "file.md" %}}` and
//! Docsy's `{{< readfile file="file.md" >}}` shortcodes, and MDX partials (`<Steps />` of
//! `import Steps from './_steps.mdx'`: [`mdx`]).
//!
//! In: a body. Out: its [`Directive`]s, the part of a file each asks for
//! ([`select`]), and the body with the texts put in ([`expand`]), with the
//! map back to the body's offsets. Reading the files is the caller's
//! (`discover::includes`): this module does no I/O.
//!
//! As those tools do, the line is replaced wherever it stands, in code
//! too (mdBook's listings are included into fenced blocks), each line of
//! the text indented as the directive is; the two template tags only
//! outside fenced code, where they are examples of Jinja or Liquid.

use std::ops::Range;

use super::offsets::{OffsetMap, Rewrite};

mod mdx;
mod select;

pub use select::select;

/// The tool an include is written for: where its path starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// mdBook's `{{#include}}`: from the including file's folder.
    MdBook,
    /// PyMdown's snippets and markdown-include: from the folder MkDocs
    /// runs in (the project's), then the including file's.
    Snippets,
    /// mkdocs-include-markdown's and GitBook's tags: from the including
    /// file's folder.
    Tag,
    /// MyST's directives: from the including file's folder, or from the
    /// content folder for a path that starts with `/` (Sphinx's source
    /// folder).
    Myst,
    /// An MDX partial (Docusaurus's): from the including file's folder,
    /// or from the project's folder for a path that starts with `@site/`.
    Mdx,
    /// A Hugo shortcode's: from the including file's folder, then each
    /// folder above it up to the content folder, a leading `/` aside.
    Hugo,
}

/// The part of a file an include asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Select {
    /// The whole file.
    All,
    /// Lines `from` to `to` (1-based, inclusive; open where `None`).
    Lines(Option<usize>, Option<usize>),
    /// mdBook's anchor: the lines between `ANCHOR: name` and `ANCHOR_END: name`.
    Anchor(String),
    /// PyMdown's section: between `--8<-- [start:name]` and `--8<-- [end:name]`.
    Section(String),
    /// mkdocs-include-markdown's `start` and `end` strings: the text
    /// after the first `start` and before the next `end`.
    Between(Option<String>, Option<String>),
}

/// One file an include names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The tool it is written for.
    pub tool: Tool,
    /// The path as written.
    pub path: String,
    /// The part of the file it asks for.
    pub select: Select,
    /// Put in as a fenced code block in this language (`""`: none), not
    /// as Markdown: MyST's `{literalinclude}`, and `{include}` with
    /// `:literal:` or `:code:`.
    pub code: Option<String>,
}

/// A line (or a block of snippet lines) that includes files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Its lines in the body, without the last line's ending.
    pub span: Range<usize>,
    /// What precedes it on its first line (spaces, tabs), which every line
    /// put in gets.
    pub indent: String,
    /// The files it names, in order.
    pub targets: Vec<Target>,
    /// A block of its own (MyST's), left out when no file could be read;
    /// a line stays as written, for the dialect rewrite to leave out.
    pub block: bool,
}

/// The include `line` (without its indentation) is, if it is only one:
/// mdBook's, a snippet of PyMdown's (`--8<-- "file"`) or markdown-include's,
/// or, with `tags`, an include tag.
pub(super) fn include_line(line: &str, tags: bool) -> Option<Target> {
    let line = line.trim_end();
    mdbook(line)
        .or_else(|| snippet(line))
        .or_else(|| markdown_include(line))
        .or_else(|| {
            tags.then(|| include_tag(line).or_else(|| hugo(line)))
                .flatten()
        })
}

/// A Hugo shortcode that includes a file: `{{% include "path" %}}` (the
/// shortcode Hugo's own documentation and many sites define, which puts in
/// another page's text), Docsy's `{{< readfile file="path" >}}`, shown as
/// code with its `code="true"` (in its `lang`); in either delimiters.
fn hugo(line: &str) -> Option<Target> {
    use super::hugo::{first, param, shortcode};
    let (name, params) = shortcode(line)?;
    let path = match name {
        "include" => first(&params)?,
        "readfile" => param(&params, "file").or_else(|| first(&params))?,
        _ => return None,
    };
    let mut found = target(Tool::Hugo, path, Select::All)?;
    if name == "readfile" && param(&params, "code") == Some("true") {
        found.code = Some(param(&params, "lang").unwrap_or_default().to_owned());
    }
    Some(found)
}

/// `{{#include path[:selector]}}`, `{{#rustdoc_include …}}`, `{{#playground path …}}`.
fn mdbook(line: &str) -> Option<Target> {
    let call = line.strip_prefix("{{#")?.strip_suffix("}}")?;
    let (name, args) = call.split_once([' ', '\t'])?;
    let first = args.split_whitespace().next()?;
    let (path, select) = match name {
        "include" | "rustdoc_include" => split_selector(first),
        "playground" => (first, Select::All),
        _ => return None,
    };
    target(Tool::MdBook, path, select)
}

/// `--8<-- "path[:selector]"` (or single quotes).
fn snippet(line: &str) -> Option<Target> {
    let rest = scissors(line)?;
    let quoted = rest.trim_start();
    if quoted.len() == rest.len() {
        return None;
    }
    let path = quoted_text(quoted)?;
    let (path, select) = split_selector(path);
    let select = match select {
        Select::Anchor(name) => Select::Section(name),
        other => other,
    };
    target(Tool::Snippets, path, select)
}

/// `{!path!}`, `{!> path!}`.
fn markdown_include(line: &str) -> Option<Target> {
    let path = line.strip_prefix("{!")?.strip_suffix("!}")?;
    target(
        Tool::Snippets,
        path.trim_start_matches('>').trim(),
        Select::All,
    )
}

/// `{% include-markdown "path" start="…" end="…" %}`, `{% include "path" %}`.
fn include_tag(line: &str) -> Option<Target> {
    let tag = line.strip_prefix("{%")?.strip_suffix("%}")?.trim();
    let rest = tag
        .strip_prefix("include-markdown")
        .or_else(|| tag.strip_prefix("include"))
        .filter(|rest| rest.starts_with([' ', '\t']))?
        .trim_start();
    let path = quoted_text(rest)?;
    let options = &rest[path.len() + 2..];
    let option = |name: &str| {
        let at = options.find(&format!("{name}="))? + name.len() + 1;
        quoted_text(&options[at..]).map(str::to_owned)
    };
    let select = match (option("start"), option("end")) {
        (None, None) => Select::All,
        (start, end) => Select::Between(start, end),
    };
    target(Tool::Tag, path, select)
}

fn target(tool: Tool, path: &str, select: Select) -> Option<Target> {
    let path = path.trim();
    (!path.is_empty()).then(|| Target {
        tool,
        path: path.to_owned(),
        select,
        code: None,
    })
}

/// The MyST `{include}` or `{literalinclude}` block whose opening line
/// starts at `start` of `body`, with the offset just past its closing
/// fence; `None` for another line, or a block never closed.
fn myst_block(body: &str, start: usize, indent: &str) -> Option<(Directive, usize)> {
    let mut lines = body[start..].split_inclusive('\n');
    let open = lines.next()?.trim();
    let ch = open.chars().next().filter(|&c| c == '`' || c == ':')?;
    let run = open.chars().take_while(|&c| c == ch).count();
    let (name, path) = open[run..]
        .trim_start()
        .strip_prefix('{')?
        .split_once('}')?;
    let literal = match name.trim() {
        "include" => false,
        "literalinclude" => true,
        _ => return None,
    };
    if run < 3 {
        return None;
    }
    let mut options: Vec<(&str, &str)> = Vec::new();
    let mut at = start
        + body[start..]
            .find('\n')
            .map_or(body.len() - start, |i| i + 1);
    let end = loop {
        let line = lines.next()?;
        let trimmed = line.trim();
        at += line.len();
        let closing = trimmed.chars().take_while(|&c| c == ch).count();
        if closing >= run && trimmed[closing..].trim().is_empty() {
            break at - (line.len() - line.trim_end_matches(['\n', '\r']).len());
        }
        if let Some((key, value)) = trimmed.strip_prefix(':').and_then(|o| o.split_once(':')) {
            options.push((key.trim(), unquoted(value.trim())));
        }
    };
    let option = |key: &str| options.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let number = |s: &str| s.trim().parse::<usize>().ok();
    let select = if let Some(lines) = option("lines") {
        // The first range of `1-3,5`: 1-based, both ends in.
        let first = lines.split(',').next().unwrap_or_default();
        match first.split_once('-') {
            Some((from, to)) => Select::Lines(number(from), number(to)),
            None => Select::Lines(number(first), number(first)),
        }
    } else if option("start-line").is_some() || option("end-line").is_some() {
        // 0-based, the end left out.
        Select::Lines(
            option("start-line").and_then(number).map(|n| n + 1),
            option("end-line").and_then(number),
        )
    } else if option("start-after").is_some() || option("end-before").is_some() {
        Select::Between(
            option("start-after").map(str::to_owned),
            option("end-before").map(str::to_owned),
        )
    } else {
        Select::All
    };
    let code = if literal {
        Some(option("language").unwrap_or_default().to_owned())
    } else {
        option("code")
            .map(str::to_owned)
            .or_else(|| option("literal").map(|_| String::new()))
    };
    let target = Target {
        code,
        ..target(Tool::Myst, path, select)?
    };
    let directive = Directive {
        span: start..end,
        indent: indent.to_owned(),
        targets: vec![target],
        block: true,
    };
    Some((directive, at))
}

/// An option's value without the quotes around it, as MyST reads it
/// (`:start-after: "<!-- begin -->"` starts after `<!-- begin -->`).
fn unquoted(value: &str) -> &str {
    ['"', '\'']
        .into_iter()
        .find_map(|quote| value.strip_prefix(quote)?.strip_suffix(quote))
        .unwrap_or(value)
}

/// The text between the quotes `text` starts with (`"` or `'`).
fn quoted_text(text: &str) -> Option<&str> {
    let quote = text.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let inner = &text[1..];
    Some(&inner[..inner.find(quote)?])
}

/// `path`, `path:anchor`, `path:3`, `path:3:8`, `path:3:`, `path::8`.
fn split_selector(written: &str) -> (&str, Select) {
    // A URL's colon is its scheme's (PyMdown's snippets may name one).
    let Some((path, selector)) = written.split_once(':').filter(|_| !written.contains("://"))
    else {
        return (written, Select::All);
    };
    let number = |s: &str| s.trim().parse::<usize>().ok();
    let select = match selector.split_once(':') {
        Some((from, to)) => Select::Lines(number(from), number(to)),
        None => match number(selector) {
            // mdBook's `file:3` is that line alone.
            Some(line) => Select::Lines(Some(line), Some(line)),
            None if selector.is_empty() => Select::All,
            None => Select::Anchor(selector.trim().to_owned()),
        },
    };
    (path, select)
}

/// What follows PyMdown's scissors (`--8<--`) at the start of `line`.
pub(super) fn scissors(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches('-');
    let dashes = line.len() - rest.len();
    let rest = rest.strip_prefix("8<")?;
    let after = rest.trim_start_matches('-');
    (dashes > 0 && after.len() < rest.len()).then_some(after)
}

/// The includes of `body`, in order.
pub fn directives(body: &str) -> Vec<Directive> {
    let partials = if body.contains("import ") {
        mdx::partials(body)
    } else {
        Vec::new()
    };
    let mut found = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut block: Option<Directive> = None;
    let mut skip_to = 0;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if start < skip_to {
            continue;
        }
        let text = line.trim_end_matches(['\n', '\r']);
        let trimmed = text.trim_start();
        let indent = &text[..text.len() - trimmed.len()];
        if let Some(open) = block.as_mut() {
            open.span.end = start + text.len();
            let name = trimmed.trim_end();
            if scissors(name).is_some_and(str::is_empty) {
                found.extend(block.take());
            } else if !name.is_empty() && !name.starts_with(';') {
                let (path, select) = split_selector(name);
                let select = match select {
                    Select::Anchor(name) => Select::Section(name),
                    other => other,
                };
                open.targets.extend(target(Tool::Snippets, path, select));
            }
            continue;
        }
        if let Some((ch, len)) = fence {
            let run = trimmed.chars().take_while(|&c| c == ch).count();
            if run >= len && trimmed[run * ch.len_utf8()..].trim().is_empty() {
                fence = None;
            }
        } else if let Some((directive, end)) = myst_block(body, start, indent) {
            found.push(directive);
            skip_to = end;
            continue;
        } else if let Some(ch) = trimmed.chars().next().filter(|&c| c == '`' || c == '~') {
            let run = trimmed.chars().take_while(|&c| c == ch).count();
            if run >= 3 {
                fence = Some((ch, run));
                continue;
            }
        }
        let span = start..start + text.len();
        let partial = || {
            let outside = fence.is_none() && !partials.is_empty();
            outside
                .then(|| mdx::partial_use(trimmed, &partials))
                .flatten()
        };
        if let Some(target) = include_line(trimmed, fence.is_none()).or_else(partial) {
            found.push(Directive {
                span,
                indent: indent.to_owned(),
                targets: vec![target],
                block: false,
            });
        } else if scissors(trimmed.trim_end()).is_some_and(str::is_empty)
            && names_files(&body[at..])
        {
            block = Some(Directive {
                span,
                indent: indent.to_owned(),
                targets: Vec::new(),
                block: false,
            });
        }
    }
    found
}

/// Whether `rest`, the text after a line of scissors, goes on with the
/// lines of a block of snippets: file names (or `;`-commented ones and
/// blank lines) up to a closing line of scissors.
pub(super) fn names_files(rest: &str) -> bool {
    for line in rest.lines() {
        let line = line.trim();
        if scissors(line).is_some_and(str::is_empty) {
            return true;
        }
        let name = line.strip_prefix(';').unwrap_or(line);
        let file_like = name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:~@+=%#?&,".contains(&b) || !b.is_ascii());
        if !file_like {
            return false;
        }
    }
    false
}

/// `text` as a fenced code block in `language`, its fence longer than any
/// run of backticks in it.
pub fn fenced(text: &str, language: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{language}\n{text}\n{fence}")
}

/// `markdown` with the target of each of its inline links and images and
/// of its link definitions replaced by what `rebase` gives for it (`None`:
/// kept): mkdocs-include-markdown's rewriting of an included file's
/// relative links, which were written from that file's folder. A target
/// written with escapes or entities is kept.
pub fn rebase_links(markdown: &str, rebase: &dyn Fn(&str) -> Option<String>) -> String {
    use pulldown_cmark::{Event, LinkType, Parser, Tag};
    let parser = Parser::new_ext(markdown, crate::syntax::options());
    let mut rewrite = Rewrite::default();
    // The target as written after `opener` in `range` of the source.
    let mut replace = |range: Range<usize>, opener: &str, dest: &str| {
        let source = &markdown[range.clone()];
        let Some(at) = source.rfind(opener) else {
            return;
        };
        let after = &source[at + opener.len()..];
        let skipped = after.len() - after.trim_start().trim_start_matches('<').len();
        let from = range.start + at + opener.len() + skipped;
        if markdown[from..].starts_with(dest)
            && let Some(new) = rebase(dest)
        {
            rewrite.replace(from..from + dest.len(), new);
        }
    };
    for (_, def) in parser.reference_definitions().iter() {
        replace(def.span.clone(), "]:", &def.dest);
    }
    for (event, range) in parser.into_offset_iter() {
        if let Event::Start(
            Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                ..
            }
            | Tag::Image {
                link_type: LinkType::Inline,
                dest_url,
                ..
            },
        ) = event
        {
            replace(range, "](", &dest_url);
        }
    }
    rewrite.apply(markdown).0
}

/// A body with its includes put in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expanded {
    text: String,
    map: OffsetMap,
}

impl Expanded {
    /// The body with the included texts.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The offset in the body as written of `offset` in [`Self::text`]:
    /// anything put in by a directive maps to where the directive starts.
    pub fn source_offset(&self, offset: usize) -> usize {
        self.map.source(offset)
    }
}

/// `body` with each of `directives` replaced by the texts `texts` gives
/// for it (one per target it could read, in order), each line indented as
/// the directive. A line with none stays as written, for the dialect
/// rewrite to leave out (with a code block that holds nothing else); a
/// block with none is left out.
pub fn expand(body: &str, directives: &[Directive], texts: &[Vec<String>]) -> Expanded {
    let mut rewrite = Rewrite::default();
    for (directive, texts) in directives.iter().zip(texts) {
        if texts.is_empty() && !directive.block {
            continue;
        }
        let mut put = String::new();
        for (i, line) in texts.iter().flat_map(|t| t.lines()).enumerate() {
            if i > 0 {
                put.push('\n');
                put.push_str(&directive.indent);
            }
            put.push_str(line);
        }
        rewrite.replace(
            directive.span.start + directive.indent.len()..directive.span.end,
            put,
        );
    }
    let (text, map) = rewrite.apply(body);
    Expanded { text, map }
}

#[cfg(test)]
mod tests;

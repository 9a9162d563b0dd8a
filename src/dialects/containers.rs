//! The lines that open and close containers in other tools' Markdown:
//! admonitions (MkDocs `!!! note "Title"` and collapsible `??? note`,
//! Docusaurus and VitePress `:::tip Title` … `:::`, Pandoc and Quarto
//! `::: {.callout-note}`, PyMdown Extensions' `/// note | Title` …
//! `///` blocks), MkDocs content tabs (`=== "Tab"`, `/// tab | Tab`) and
//! plain containers (VitePress `::: code-group`, PyMdown `/// html | div`),
//! and GitBook's block tags (the `gitbook` module).
//!
//! Admonition kinds are many (MkDocs alone has a dozen); each maps to one
//! of the five alerts the theme styles, keeping its own name as the title
//! when that name is not one of the five.

mod myst;

use myst::known_directive;
pub(super) use myst::myst;

/// The alert kinds the theme styles (GitHub's five).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    /// Blue: information.
    Note,
    /// Green: advice, success.
    Tip,
    /// Purple: what must not be missed.
    Important,
    /// Yellow: attention.
    Warning,
    /// Red: danger, errors.
    Caution,
}

impl AlertKind {
    /// The GitHub alert marker, as written after `> [!`.
    pub fn marker(self) -> &'static str {
        match self {
            Self::Note => "NOTE",
            Self::Tip => "TIP",
            Self::Important => "IMPORTANT",
            Self::Warning => "WARNING",
            Self::Caution => "CAUTION",
        }
    }
}

/// How an admonition shows, beyond its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admonition {
    /// The alert it shows as.
    pub kind: AlertKind,
    /// The title: `None` for the theme's name of the kind, `Some("")` for
    /// none at all.
    pub title: Option<String>,
    /// `Some(open)` when it folds (`??? note`, `???+ note`, `::: details`).
    pub collapsible: Option<bool>,
}

/// What a line opens or closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Marker {
    /// `!!! note "Title"`, `??? note`: the body follows, indented by 4.
    Indented(Admonition),
    /// `=== "Tab"`: the body follows, indented by 4.
    Tab(String),
    /// VuePress's `@tab Title` inside a `::: tabs` or `::: code-tabs`
    /// container: the title of the tab whose body follows, up to the next
    /// `@tab` or the container's fence.
    TabTitle(String),
    /// `:::tip Title`, `/// tip | Title`, with the fence that closes it;
    /// `None` for a plain container whose lines are shown as they are.
    Colon(Fence, Option<Admonition>),
    /// GitBook's `{% step %}`: a list item (a step of the procedure) whose
    /// body follows, up to its end tag.
    Step(Fence),
    /// `/// tab | Title`: a tab whose body follows, up to its fence.
    FencedTab(Fence, String),
    /// A line of colons (or slashes) only: closes the innermost container
    /// of that mark whose fence is no longer than this.
    ColonClose(Fence),
    /// mkdocstrings' `::: package.module` (also as a heading, `## :::
    /// package.Class`): documentation generated from Python source, with
    /// its YAML options indented below it.
    Directive,
    /// A line shown as this Markdown instead (GitBook's `{% embed %}` as a
    /// link to what it embeds; its `{% endembed %}` as nothing).
    Line(String),
    /// A MyST directive whose fenced block is left out up to its closing
    /// fence, and `shown` put in its place; `warned` when what it showed
    /// (another file, a command's output) is lost to the reader.
    Generated {
        fence: Fence,
        shown: String,
        warned: bool,
    },
}

/// The line of colons (`:::`) or slashes (`///`) around a container's
/// body: a closing line needs the same mark, at least as many times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fence {
    mark: u8,
    len: usize,
}

/// The mark of GitBook's blocks, whose fence's length is the number of
/// their name ([`super::gitbook`]).
const GITBOOK_MARK: u8 = b'%';

/// The mark of Hugo's callouts, numbered as GitBook's blocks are
/// ([`super::hugo`]).
const HUGO_MARK: u8 = b'<';

impl Fence {
    /// The fence of GitBook's block number `block`.
    pub(super) fn gitbook(block: usize) -> Self {
        Self {
            mark: GITBOOK_MARK,
            len: block,
        }
    }

    /// The fence of Hugo's callout number `callout`.
    pub(super) fn hugo(callout: usize) -> Self {
        Self {
            mark: HUGO_MARK,
            len: callout,
        }
    }

    /// Whether it is a GitBook block's.
    pub(super) fn is_gitbook(self) -> bool {
        self.mark == GITBOOK_MARK
    }

    /// Whether it is a Hugo callout's.
    pub(super) fn is_hugo(self) -> bool {
        self.mark == HUGO_MARK
    }

    /// Whether `closer` closes a container opened with this fence: as many
    /// colons, slashes or backticks or more; GitBook's end tag of its name.
    pub(super) fn closed_by(self, closer: Fence) -> bool {
        self.mark == closer.mark
            && if self.is_gitbook() || self.is_hugo() {
                self.len == closer.len
            } else {
                self.len <= closer.len
            }
    }
}

/// What `line` (without its indentation) opens or closes, if anything.
pub(super) fn marker(line: &str) -> Option<Marker> {
    let line = line.trim_end();
    match line.as_bytes().first()? {
        b'!' | b'?' => mkdocs(line),
        b'=' => tab(line),
        b'@' => vuepress_tab(line),
        b':' => colon(line),
        b'/' => block(line),
        b'{' => super::gitbook::marker(line),
        b'#' => {
            let rest = line.trim_start_matches('#');
            let level = line.len() - rest.len();
            let directive = colon(rest.trim_start()).filter(|m| *m == Marker::Directive);
            directive.filter(|_| level <= 6 && rest.starts_with([' ', '\t']))
        }
        _ => None,
    }
}

/// Whether `rest` is a dotted Python path (`package.module.Class`), as
/// mkdocstrings' directives name what they document.
fn is_python_path(rest: &str) -> bool {
    rest.contains('.')
        && rest.split('.').all(|part| {
            part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

/// `!!! type "title"`, `??? type`, `???+ type`, with MkDocs Material's
/// `inline`, `end` and `annotate` modifiers ignored. Python-Markdown and
/// PyMdown take the space after the marks as optional: `!!!note` is a note.
fn mkdocs(line: &str) -> Option<Marker> {
    let (rest, collapsible) = if let Some(rest) = line.strip_prefix("!!!") {
        (rest, None)
    } else if let Some(rest) = line.strip_prefix("???+") {
        (rest, Some(true))
    } else {
        (line.strip_prefix("???")?, Some(false))
    };
    let rest = rest.trim_start();
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    if name_len == 0 {
        return None;
    }
    let (name, mut rest) = rest.split_at(name_len);
    for modifier in ["inline", "end", "annotate"] {
        rest = rest
            .trim_start()
            .strip_prefix(modifier)
            .filter(|r| r.is_empty() || r.starts_with(' '))
            .unwrap_or(rest);
    }
    let rest = rest.trim();
    let title = if rest.is_empty() {
        None
    } else {
        Some(super::inline_text(
            rest.strip_prefix('"')?.strip_suffix('"')?,
        ))
    };
    let (kind, default_title) = kind(name);
    Some(Marker::Indented(Admonition {
        kind,
        title: title.or(default_title),
        collapsible,
    }))
}

/// `=== "Title"` (and `===! "Title"`, `===+ "Title"`).
fn tab(line: &str) -> Option<Marker> {
    let rest = line.strip_prefix("===")?;
    let rest = rest.strip_prefix(['!', '+']).unwrap_or(rest);
    if !rest.starts_with(' ') {
        return None;
    }
    let title = rest.trim().strip_prefix('"')?.strip_suffix('"')?;
    Some(Marker::Tab(super::inline_text(title)))
}

/// `@tab Title`, `@tab:active Title`, `@tab Title#value` (the value
/// names the tab for the tabs of other pages that switch with it).
fn vuepress_tab(line: &str) -> Option<Marker> {
    let rest = line.strip_prefix("@tab")?;
    let rest = rest.strip_prefix(":active").unwrap_or(rest);
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest
        .rsplit_once('#')
        .map_or(rest, |(title, _)| title)
        .trim();
    (!title.is_empty()).then(|| Marker::TabTitle(title.to_owned()))
}

/// `:::tip Title`, `::: warning`, `:::note[Title]`, `::: {.callout-tip}`,
/// `:::: details`, or a closing line of colons.
fn colon(line: &str) -> Option<Marker> {
    let colons = line.bytes().take_while(|&b| b == b':').count();
    if colons < 3 {
        return None;
    }
    let fence = Fence {
        mark: b':',
        len: colons,
    };
    let rest = line[colons..].trim();
    if rest.is_empty() {
        return Some(Marker::ColonClose(fence));
    }
    if colons == 3 && is_python_path(rest) {
        return Some(Marker::Directive);
    }
    if let Some(classes) = rest.strip_prefix('{') {
        // MyST's navigation, which tier0 makes itself, as in ```` ```{toctree} ````.
        if matches!(classes.split('}').next(), Some("toctree" | "contents")) {
            return Some(Marker::Generated {
                fence,
                shown: String::new(),
                warned: false,
            });
        }
        // MyST's directive with its argument: `:::{dropdown} Title`.
        if let Some((name, args)) = classes.split_once('}') {
            let args = args.trim();
            let title = (!args.is_empty()).then(|| super::inline_text(args));
            if let Some(marker) = known_directive(name, title, fence) {
                return Some(marker);
            }
        }
        // Pandoc's classes (`{.callout-tip}`), or MyST's directive name
        // (`:::{tip}`).
        let admonition = classes
            .trim_end_matches('}')
            .split_whitespace()
            .map(|class| class.strip_prefix('.').unwrap_or(class))
            .find_map(|class| known_kind(class.strip_prefix("callout-").unwrap_or(class)))
            .map(|(kind, title)| Admonition {
                kind,
                title,
                collapsible: None,
            });
        return Some(Marker::Colon(fence, admonition));
    }
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let (name, title) = rest.split_at(name_len);
    let title = title.trim();
    let title = title
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .or_else(|| attribute_title(title))
        .unwrap_or(title);
    let admonition = known_kind(name).map(|(kind, default_title)| Admonition {
        kind,
        title: (!title.is_empty())
            .then(|| super::inline_text(title))
            .or(default_title),
        collapsible: name.eq_ignore_ascii_case("details").then_some(false),
    });
    Some(Marker::Colon(fence, admonition))
}

/// The title that remark-directive's attributes give a container, as dumi
/// writes it: `{title=Deprecated}` or `{title="Read this first"}`; an
/// attribute list without one gives the empty title, its kind's name.
fn attribute_title(attributes: &str) -> Option<&str> {
    let inner = attributes.strip_prefix('{')?.strip_suffix('}')?;
    let Some((_, value)) = inner.split_once("title=") else {
        return Some("");
    };
    let value = value.trim_start();
    Some(match value.strip_prefix(['"', '\'']) {
        Some(quoted) => quoted.split(['"', '\'']).next().unwrap_or(quoted),
        None => value.split_whitespace().next().unwrap_or(value),
    })
}

/// PyMdown Extensions' blocks: `/// note | Title`, `/// details |
/// Summary`, `/// tab | Title`, `/// html | div.result`, or a closing
/// line of slashes. Admonition types become alerts, tabs show their
/// title; the others (`html`, `caption`, `define`, a site's own) are plain
/// containers.
fn block(line: &str) -> Option<Marker> {
    let len = line.bytes().take_while(|&b| b == b'/').count();
    if len < 3 {
        return None;
    }
    let fence = Fence { mark: b'/', len };
    let rest = line[len..].trim();
    if rest.is_empty() {
        return Some(Marker::ColonClose(fence));
    }
    let piped = rest.contains('|');
    let (name, title) = rest.split_once('|').unwrap_or((rest, ""));
    let (name, title) = (name.trim(), title.trim());
    if !is_type_name(name) {
        return None;
    }
    let title = (!title.is_empty()).then(|| super::inline_text(title));
    if name.eq_ignore_ascii_case("tab") {
        return Some(Marker::FencedTab(fence, title.unwrap_or_default()));
    }
    let known = if name.eq_ignore_ascii_case("admonition") {
        Some((AlertKind::Note, None))
    } else {
        known_kind(name)
    };
    // Without a `|`, a word after slashes is a block only when PyMdown
    // defines it: `/// Examples` in prose stays text.
    let defined = [
        "html",
        "caption",
        "figure-caption",
        "table-caption",
        "define",
    ]
    .iter()
    .any(|n| name.eq_ignore_ascii_case(n));
    if known.is_none() && !piped && !defined {
        return None;
    }
    let admonition = known.map(|(kind, default_title)| Admonition {
        kind,
        title: title.or(default_title),
        collapsible: name.eq_ignore_ascii_case("details").then_some(false),
    });
    Some(Marker::Colon(fence, admonition))
}

/// An Obsidian or PyMdown callout opening a block quote, `> [!info]
/// Title`, `> [!tip]- Folded`: the offset in `line` (without its
/// indentation) of its `[!type]…` and the admonition. `None` for what
/// GitHub reads as it is (`> [!NOTE]` alone) and for tier0's own
/// `[!INTERNAL]`.
pub(super) fn callout(line: &str) -> Option<(usize, Admonition)> {
    let rest = line.trim_start_matches(['>', ' ', '\t']);
    let at = line.len() - rest.len();
    if at == 0 || !line.starts_with('>') {
        return None;
    }
    let (name, after) = rest.strip_prefix("[!")?.split_once(']')?;
    if !is_type_name(name) || name.eq_ignore_ascii_case("internal") {
        return None;
    }
    let (collapsible, title) = match after.as_bytes().first() {
        Some(b'-') => (Some(false), &after[1..]),
        Some(b'+') => (Some(true), &after[1..]),
        _ => (None, after),
    };
    let title = title.trim();
    let github = ["note", "tip", "important", "warning", "caution"]
        .iter()
        .any(|k| name.eq_ignore_ascii_case(k));
    if github && collapsible.is_none() && title.is_empty() {
        return None;
    }
    let (kind, default_title) = kind(name);
    let title = (!title.is_empty()).then(|| super::inline_text(title));
    Some((
        at,
        Admonition {
            kind,
            title: title.or(default_title),
            collapsible,
        },
    ))
}

/// Whether `name` can be a block's or a callout's type: letters, digits,
/// `-` and `_`.
fn is_type_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The alert of an admonition type, with the title it shows by default
/// (`None`: the theme's own name of the alert, translated).
fn kind(name: &str) -> (AlertKind, Option<String>) {
    known_kind(name).unwrap_or_else(|| (AlertKind::Note, Some(capitalised(name))))
}

/// [`kind`] for the types some tool defines; `None` for others.
pub(super) fn known_kind(name: &str) -> Option<(AlertKind, Option<String>)> {
    let lower = name.to_ascii_lowercase();
    let kind = match lower.as_str() {
        "note" | "info" | "abstract" | "summary" | "tldr" | "todo" | "seealso" | "example"
        | "quote" | "cite" | "question" | "help" | "faq" | "details" => AlertKind::Note,
        "tip" | "hint" | "success" | "check" | "done" => AlertKind::Tip,
        "important" => AlertKind::Important,
        "warning" | "attention" | "caution" => AlertKind::Warning,
        "danger" | "error" | "failure" | "fail" | "missing" | "bug" => AlertKind::Caution,
        _ => return None,
    };
    let own_name = matches!(lower.as_str(), "note" | "tip" | "important" | "warning");
    Some((kind, (!own_name).then(|| capitalised(name))))
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

#[cfg(test)]
mod tests;

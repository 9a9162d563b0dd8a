//! The lines that open and close containers in other tools' Markdown:
//! admonitions (MkDocs `!!! note "Title"` and collapsible `??? note`,
//! Docusaurus and VitePress `:::tip Title` … `:::`, Pandoc and Quarto
//! `::: {.callout-note}`), MkDocs content tabs (`=== "Tab"`) and plain
//! `:::` containers (VitePress `::: code-group`).
//!
//! Admonition kinds are many (MkDocs alone has a dozen); each maps to one
//! of the five alerts the theme styles, keeping its own name as the title
//! when that name is not one of the five.

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
    /// `:::tip Title`, with the number of colons; `None` for a plain
    /// container whose lines are shown as they are.
    Colon(usize, Option<Admonition>),
    /// A line of colons only: closes the innermost `:::` container that
    /// has no more colons than this.
    ColonClose(usize),
}

/// What `line` (without its indentation) opens or closes, if anything.
pub(super) fn marker(line: &str) -> Option<Marker> {
    let line = line.trim_end();
    match line.as_bytes().first()? {
        b'!' | b'?' => mkdocs(line),
        b'=' => tab(line),
        b':' => colon(line),
        _ => None,
    }
}

/// `!!! type "title"`, `??? type`, `???+ type`, with MkDocs Material's
/// `inline` and `end` modifiers ignored.
fn mkdocs(line: &str) -> Option<Marker> {
    let (rest, collapsible) = if let Some(rest) = line.strip_prefix("!!!") {
        (rest, None)
    } else if let Some(rest) = line.strip_prefix("???+") {
        (rest, Some(true))
    } else {
        (line.strip_prefix("???")?, Some(false))
    };
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    if name_len == 0 {
        return None;
    }
    let (name, mut rest) = rest.split_at(name_len);
    for modifier in ["inline", "end"] {
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
    Some(Marker::Tab(title.to_owned()))
}

/// `:::tip Title`, `::: warning`, `:::note[Title]`, `::: {.callout-tip}`,
/// `:::: details`, or a closing line of colons.
fn colon(line: &str) -> Option<Marker> {
    let colons = line.bytes().take_while(|&b| b == b':').count();
    if colons < 3 {
        return None;
    }
    let rest = line[colons..].trim();
    if rest.is_empty() {
        return Some(Marker::ColonClose(colons));
    }
    if let Some(classes) = rest.strip_prefix('{') {
        let admonition = classes
            .trim_end_matches('}')
            .split_whitespace()
            .filter_map(|class| class.strip_prefix('.'))
            .find_map(|class| known_kind(class.strip_prefix("callout-").unwrap_or(class)))
            .map(|(kind, title)| Admonition {
                kind,
                title,
                collapsible: None,
            });
        return Some(Marker::Colon(colons, admonition));
    }
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let (name, title) = rest.split_at(name_len);
    let title = title.trim();
    let title = title
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(title);
    let admonition = known_kind(name).map(|(kind, default_title)| Admonition {
        kind,
        title: (!title.is_empty())
            .then(|| super::inline_text(title))
            .or(default_title),
        collapsible: name.eq_ignore_ascii_case("details").then_some(false),
    });
    Some(Marker::Colon(colons, admonition))
}

/// The alert of an admonition type, with the title it shows by default
/// (`None`: the theme's own name of the alert, translated).
fn kind(name: &str) -> (AlertKind, Option<String>) {
    known_kind(name).unwrap_or_else(|| (AlertKind::Note, Some(capitalised(name))))
}

/// [`kind`] for the types some tool defines; `None` for others.
fn known_kind(name: &str) -> Option<(AlertKind, Option<String>)> {
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
mod tests {
    use super::*;

    fn admonition(kind: AlertKind, title: Option<&str>, collapsible: Option<bool>) -> Admonition {
        Admonition {
            kind,
            title: title.map(str::to_owned),
            collapsible,
        }
    }

    #[test]
    fn mkdocs_admonitions() {
        use AlertKind::*;
        for (line, expected) in [
            ("!!! note", admonition(Note, None, None)),
            (
                "!!! tip \"Stand-alone blog\"",
                admonition(Tip, Some("Stand-alone blog"), None),
            ),
            ("!!! example \"\"", admonition(Note, Some(""), None)),
            (
                "??? question",
                admonition(Note, Some("Question"), Some(false)),
            ),
            (
                "???+ danger \"Careful\"",
                admonition(Caution, Some("Careful"), Some(true)),
            ),
            ("!!! pied-piper", admonition(Note, Some("Pied-piper"), None)),
            (
                "!!! info inline end \"Side\"",
                admonition(Note, Some("Side"), None),
            ),
            ("!!! caution", admonition(Warning, Some("Caution"), None)),
            ("!!! success", admonition(Tip, Some("Success"), None)),
        ] {
            assert_eq!(marker(line), Some(Marker::Indented(expected)), "{line}");
        }
        for not in [
            "!!!",
            "!!!note",
            "!!! \"x\"",
            "!!! note \"open",
            "!!! note title",
            "???x",
        ] {
            assert_eq!(marker(not), None, "{not}");
        }
    }

    #[test]
    fn colon_containers() {
        use AlertKind::*;
        let colon = |n, a| Some(Marker::Colon(n, Some(a)));
        assert_eq!(marker(":::tip"), colon(3, admonition(Tip, None, None)));
        assert_eq!(
            marker("::: warning Use"),
            colon(3, admonition(Warning, Some("Use"), None))
        );
        assert_eq!(
            marker(":::note[Hola]"),
            colon(3, admonition(Note, Some("Hola"), None))
        );
        assert_eq!(
            marker("::::danger"),
            colon(4, admonition(Caution, Some("Danger"), None))
        );
        assert_eq!(
            marker("::: details Click me"),
            colon(3, admonition(Note, Some("Click me"), Some(false)))
        );
        assert_eq!(
            marker("::: {.callout-important}"),
            colon(3, admonition(Important, None, None))
        );
        assert_eq!(marker("::: code-group"), Some(Marker::Colon(3, None)));
        assert_eq!(marker(":::: "), Some(Marker::ColonClose(4)));
        assert_eq!(marker("::"), None);
    }

    #[test]
    fn tabs() {
        assert_eq!(marker("=== \"Now\""), Some(Marker::Tab("Now".into())));
        assert_eq!(marker("===+ \"8.x\""), Some(Marker::Tab("8.x".into())));
        assert_eq!(marker("==="), None);
        assert_eq!(marker("=== Now"), None);
    }

    #[test]
    fn markers() {
        assert_eq!(AlertKind::Caution.marker(), "CAUTION");
        assert_eq!(capitalised("éXAMPLE"), "Éxample");
    }
}

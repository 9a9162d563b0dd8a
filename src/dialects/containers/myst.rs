//! MyST's fenced directives (Sphinx's Markdown, Jupyter Book) and
//! mdbook-admonish's fenced blocks: which open an admonition, a tab or a
//! plain container, which are left out or replaced by what they show, and
//! which stay code.

use super::{Admonition, AlertKind, Fence, Marker, capitalised, known_kind};

/// What a line opens or closes as MyST (Sphinx's Markdown) writes
/// directives: ```` ```{note} ```` … ```` ``` ```` is an admonition,
/// ```` ```{admonition} Title ```` one with a title; ```` ```{toctree} ````
/// and ```` ```{contents} ```` (navigation tier0 makes itself) are left out,
/// ```` ```{rubric} Title ```` is its title in bold, ```` ```{image} url ````
/// the image, and ```` ```{program-output} command ```` left out with a
/// warning, as is an ```` ```{include} file ```` still there (a body read
/// without the files it includes, which [`crate::dialects::includes`] puts in). A line of backticks closes the
/// innermost container (`open`) when its fence is long enough. Other
/// directives (```` ```{code-block} python ````) stay code.
pub(in crate::dialects) fn myst(line: &str, open: Option<Fence>) -> Option<Marker> {
    let line = line.trim_end();
    let len = line.bytes().take_while(|&b| b == b'`').count();
    if len < 3 {
        return None;
    }
    let fence = Fence { mark: b'`', len };
    if len == line.len() {
        return open
            .filter(|f| f.closed_by(fence))
            .map(|_| Marker::ColonClose(fence));
    }
    if let Some(args) = line[len..].strip_prefix("admonish")
        && (args.is_empty() || args.starts_with([' ', '\t']))
    {
        return Some(Marker::Colon(fence, Some(admonish(args))));
    }
    let (name, args) = line[len..].strip_prefix('{')?.split_once('}')?;
    let args = args.trim();
    let title = (!args.is_empty()).then(|| crate::dialects::inline_text(args));
    if name == "admonition" {
        let admonition = Admonition {
            kind: AlertKind::Note,
            title,
            collapsible: None,
        };
        return Some(Marker::Colon(fence, Some(admonition)));
    }
    if let Some(marker) = known_directive(name, title, fence) {
        return Some(marker);
    }
    let (shown, warned) = match name {
        // Sphinx runs a doctest's setup and clean-up without showing them.
        "toctree" | "contents" | "testsetup" | "testcleanup" => (String::new(), false),
        "rubric" => (format!("**{args}**"), false),
        "image" | "figure" => (format!("![]({args})"), false),
        "include" | "literalinclude" | "program-output" | "command-output" => (String::new(), true),
        _ => return None,
    };
    Some(Marker::Generated {
        fence,
        shown,
        warned,
    })
}

/// What the MyST directive `name` (with its argument as `title`) fenced
/// by `fence` opens, when tier0 shows its body: an admonition; one of
/// sphinx-design's tabs, dropdowns, cards and grids, as MkDocs's tabs,
/// details and plain containers show; docutils's plain containers.
pub(super) fn known_directive(name: &str, title: Option<String>, fence: Fence) -> Option<Marker> {
    if let Some((kind, default_title)) = known_kind(name) {
        let admonition = Admonition {
            kind,
            title: title.or(default_title),
            collapsible: None,
        };
        return Some(Marker::Colon(fence, Some(admonition)));
    }
    if let Some(word) = book_block(name) {
        // A solution's argument is the label of the exercise it solves.
        let title = match title {
            Some(title) if name != "solution" => format!("{word} ({title})"),
            _ => word,
        };
        let admonition = Admonition {
            kind: AlertKind::Note,
            title: Some(title),
            collapsible: None,
        };
        return Some(Marker::Colon(fence, Some(admonition)));
    }
    if let Some((kind, words)) = version_note(name) {
        let admonition = Admonition {
            kind,
            title: Some(title.map_or_else(|| words.to_owned(), |v| format!("{words} {v}"))),
            collapsible: None,
        };
        return Some(Marker::Colon(fence, Some(admonition)));
    }
    Some(match (name, title) {
        ("dropdown", title) => Marker::Colon(
            fence,
            Some(Admonition {
                kind: AlertKind::Note,
                title: Some(title.unwrap_or_default()),
                collapsible: Some(false),
            }),
        ),
        ("tab-item" | "card" | "grid-item-card", Some(title)) => Marker::FencedTab(fence, title),
        // docutils's `container` and `compound` only wrap their body in
        // a `<div>` (with classes a theme or extension styles).
        (
            "tab-set" | "tab-set-code" | "tab-item" | "grid" | "grid-item" | "grid-item-card"
            | "card-carousel" | "card" | "container" | "compound",
            _,
        ) => Marker::Colon(fence, None),
        _ => return None,
    })
}

/// The alert of mdbook-admonish's ```` ```admonish warning title="Data
/// loss", collapsible=true ```` with `args` after `admonish`: a note
/// without a kind, a kind of its own (`expensive`) a note of its name;
/// `title=""` is no title.
fn admonish(args: &str) -> Admonition {
    let name = args
        .split([' ', '\t', ','])
        .find(|word| !word.is_empty())
        .filter(|word| !word.contains('='));
    let (kind, title) = match name {
        Some(name) => known_kind(name).unwrap_or((AlertKind::Note, Some(capitalised(name)))),
        None => (AlertKind::Note, None),
    };
    let collapsible = args
        .split([' ', '\t', ','])
        .any(|word| word == "collapsible=true")
        .then_some(false);
    Admonition {
        kind,
        title: crate::dialects::attribute(args, "title")
            .map(crate::dialects::inline_text)
            .or(title),
        collapsible,
    }
}

/// The word that titles a block Jupyter Book's extensions number:
/// sphinx-exercise's ```` ```{exercise} ```` and ```` ```{solution} ````,
/// sphinx-proof's ```` ```{prf:theorem} ````, ```` ```{prf:proof} ```` and
/// their kin (`Theorem`, `Proof`).
fn book_block(name: &str) -> Option<String> {
    match name {
        "exercise" | "solution" => Some(capitalised(name)),
        _ => name
            .strip_prefix("prf:")
            .filter(|kind| !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_lowercase()))
            .map(capitalised),
    }
}

/// The alert and the words before the version of Sphinx's notes of a
/// change (```` ```{versionadded} 23.1 ```` shows "New in version 23.1"
/// above its body).
fn version_note(name: &str) -> Option<(AlertKind, &'static str)> {
    Some(match name {
        "versionadded" => (AlertKind::Note, "New in version"),
        "versionchanged" => (AlertKind::Note, "Changed in version"),
        "deprecated" => (AlertKind::Warning, "Deprecated since version"),
        "versionremoved" => (AlertKind::Warning, "Removed in version"),
        _ => return None,
    })
}

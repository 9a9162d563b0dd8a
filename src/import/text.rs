//! Text from another system, made fit for a front-matter field.
//!
//! `tier0 build` refuses a title, a name or a tag that holds a line break or
//! a tab, and any field that holds a character a terminal would obey
//! ([`crate::terminal::is_control`]: C0 and C1 controls, bidi overrides).
//! Help-desk tools accept both, so an import would otherwise write files the
//! build then leaves out. In: a value as the export holds it. Out: the value
//! the build accepts, and the notes that say what was changed, so that the
//! author can check it.

use std::borrow::Cow;

use crate::matter::text::{Lines, first_control};
use crate::terminal;

/// `value` trimmed, with every run of whitespace that holds a line break
/// or a tab made one space and the characters a terminal would obey
/// removed; what was changed is said in `notes`, naming the field `name`.
/// Runs of plain and no-break spaces are kept: they are typography.
pub(super) fn one_line<'a>(name: &str, value: &'a str, notes: &mut Vec<String>) -> Cow<'a, str> {
    let value = value.trim();
    if !value
        .chars()
        .any(|c| breaks_line(c) || terminal::is_control(c))
    {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let (mut folded, mut removed) = (false, false);
    let mut chars = value.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek().filter(|(_, n)| n.is_whitespace()) {
                end = at + next.len_utf8();
                chars.next();
            }
            let run = &value[start..end];
            if run.chars().any(breaks_line) {
                folded = true;
                out.push(' ');
            } else {
                out.push_str(run);
            }
        } else if terminal::is_control(c) {
            removed = true;
        } else {
            out.push(c);
        }
    }
    if folded {
        notes.push(format!(
            "its {name} held line breaks or tabs, which a one-line field cannot: each was made a space"
        ));
    }
    if removed {
        notes.push(removed_note(name));
    }
    Cow::Owned(out.trim().to_owned())
}

/// `value` trimmed, with its line breaks written `\n` and the other
/// characters a terminal would obey removed (said in `notes`), for a field
/// that may have several lines (a description).
pub(super) fn lines<'a>(name: &str, value: &'a str, notes: &mut Vec<String>) -> Cow<'a, str> {
    let value = value.trim();
    // What the build refuses in a field of several lines.
    if first_control(value, Lines::Many).is_none() {
        return Cow::Borrowed(value);
    }
    let kept = |c: char| matches!(c, '\n' | '\t') || !terminal::is_control(c);
    let unified = value.replace("\r\n", "\n").replace('\r', "\n");
    if !unified.chars().all(kept) {
        notes.push(removed_note(name));
    }
    Cow::Owned(unified.chars().filter(|&c| kept(c)).collect())
}

/// A character that ends a line or moves to a tab stop.
fn breaks_line(c: char) -> bool {
    c.is_whitespace() && (c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
}

fn removed_note(name: &str) -> String {
    format!(
        "its {name} held control characters (such as a bidi override), which tier0 refuses: they were removed"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_in_several_lines_becomes_one_and_says_so() {
        let mut notes = Vec::new();
        assert_eq!(
            one_line(
                "title",
                " Impresora\r\n sin\tconexión\u{2028}hoy ",
                &mut notes
            ),
            "Impresora sin conexión hoy"
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("line breaks"), "{notes:?}");
    }

    #[test]
    fn spaces_are_kept_and_controls_removed() {
        let mut notes = Vec::new();
        assert_eq!(
            one_line("title", "Pourquoi\u{a0}?  Oui", &mut notes),
            "Pourquoi\u{a0}?  Oui"
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            one_line("name", "gnp.\u{202e}exe\u{1b}", &mut notes),
            "gnp.exe"
        );
        assert!(notes[0].contains("control characters"), "{notes:?}");
    }

    #[test]
    fn a_description_keeps_its_lines_as_newlines() {
        let mut notes = Vec::new();
        assert_eq!(
            lines("description", "Uno\r\nDos\rTres\n\tCuatro", &mut notes),
            "Uno\nDos\nTres\n\tCuatro"
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(lines("description", "a\u{7}b", &mut notes), "ab");
        assert_eq!(notes.len(), 1);
    }
}

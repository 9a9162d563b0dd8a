//! Text values of front matter and config hold text only.
//!
//! YAML refuses raw control characters (see `yaml`), but its double-quoted
//! escapes make them (`"\e[2J"`, `"\x9b"`, `"\a"`), and the bidi controls
//! (U+202A–U+202E, U+2066–U+2069) are printable to YAML. Titles and
//! descriptions reach the terminals of authors and support agents
//! (`tier0 search`, `check`, diagnostics), so every text value is checked
//! once decoded, against the characters a terminal would obey
//! ([`crate::terminal::is_control`]): they are errors, located at the
//! character when it is written as it is, else at the value. What is
//! printed is made inert anyway (`terminal`); this says where the text
//! came from while the author can still fix it.

use std::ops::Range;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::matter::yaml::TopLevelKeys;
use crate::terminal;

/// How many lines a text value may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A title, a name, an id: no line break, no tab.
    One,
    /// A description or a template: line breaks and tabs are layout.
    Many,
}

/// The first character of `value` that has no place in it, with its offset.
pub fn first_control(value: &str, lines: Lines) -> Option<(usize, char)> {
    value.char_indices().find(|&(_, c)| {
        terminal::is_control(c) && !(lines == Lines::Many && matches!(c, '\t' | '\n'))
    })
}

/// A text value to check: where it is written and what it is.
#[derive(Debug, Clone, Copy)]
pub struct Field<'a> {
    /// The top-level key whose entry holds it.
    pub key: &'static str,
    /// Its name for the message (`title`, `tiers[2].name`).
    pub name: &'a str,
    /// The decoded value.
    pub value: &'a str,
    /// Whether it may have several lines.
    pub lines: Lines,
}

impl<'a> Field<'a> {
    /// The one-line value of the top-level key `key`.
    pub fn one(key: &'static str, value: &'a str) -> Self {
        Self {
            key,
            name: key,
            value,
            lines: Lines::One,
        }
    }

    /// The value of the top-level key `key`, which may have several lines.
    pub fn many(key: &'static str, value: &'a str) -> Self {
        Self {
            lines: Lines::Many,
            ..Self::one(key, value)
        }
    }
}

/// An error for every field of `fields` holding a character it may not,
/// in the file at `path` whose text is `file` and whose keys are `keys`.
pub fn check<'a>(
    path: &Path,
    file: &str,
    keys: &TopLevelKeys,
    fields: impl IntoIterator<Item = Field<'a>>,
) -> Vec<Diagnostic> {
    check_located(path, fields, |field, c| locate(file, keys, field, c))
}

/// An error for every field of `fields` holding a character it may not, at
/// the place `locate` gives for the field and that character.
pub fn check_located<'a>(
    path: &Path,
    fields: impl IntoIterator<Item = Field<'a>>,
    locate: impl Fn(&Field<'_>, char) -> Range<usize>,
) -> Vec<Diagnostic> {
    fields
        .into_iter()
        .filter_map(|field| {
            let (_, c) = first_control(field.value, field.lines)?;
            let span = locate(&field, c);
            Some(error(path, span, field.name, c, field.lines))
        })
        .collect()
}

/// Where `c` is written inside `value`, the span of a value in `file`;
/// `value` itself when it is not written there as it is.
pub fn within(file: &str, value: Range<usize>, c: char) -> Range<usize> {
    let written = c.encode_utf8(&mut [0; 4]).len();
    file.get(value.clone())
        .and_then(|text| text.find(c))
        .map_or(value.clone(), |at| {
            value.start + at..value.start + at + written
        })
}

/// The character itself when written as it is in the key's entry, else
/// the value when it can be found there (nested values have no position of
/// their own), else the key's value.
fn locate(file: &str, keys: &TopLevelKeys, field: &Field<'_>, c: char) -> Range<usize> {
    keys.find_in_entry(file, field.key, c.encode_utf8(&mut [0; 4]))
        .or_else(|| keys.find_value_in_entry(file, field.key, field.value))
        .unwrap_or_else(|| keys.value_span(field.key))
}

fn error(path: &Path, span: Range<usize>, name: &str, c: char, lines: Lines) -> Diagnostic {
    let code = u32::from(c);
    let (what, help) = match c {
        '\n' | '\r' | '\t' if lines == Lines::One => (
            format!("`{name}` must be one line, but holds the control character U+{code:04X}"),
            "write it on one line, without `\\n`, `\\r` or `\\t` escapes".to_owned(),
        ),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => (
            format!(
                "`{name}` holds the bidirectional control U+{code:04X}, which makes text read \
                 differently from what it is"
            ),
            "remove it; to set the direction of a right-to-left word, the marks U+200E and \
             U+200F are allowed"
                .to_owned(),
        ),
        _ => (
            format!(
                "`{name}` holds the control character U+{code:04X}, which terminals obey \
                 instead of showing"
            ),
            "remove it (it comes from an escape such as `\\e`, `\\a` or `\\x1b` in double quotes)"
                .to_owned(),
        ),
    };
    Diagnostic::error(path, span, what).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_what_a_terminal_obeys_is_refused() {
        for (value, at) in [
            ("a\u{1b}[2J", 1),
            ("OSC \u{1b}]52;c;eA==\u{7}", 4),
            ("\u{9b}31m", 0),
            ("del\u{7f}", 3),
            ("gnp.\u{202e}exe", 4),
            ("\u{2066}x", 0),
            ("nel\u{85}", 3),
        ] {
            for lines in [Lines::One, Lines::Many] {
                assert_eq!(
                    first_control(value, lines).map(|(i, _)| i),
                    Some(at),
                    "{value:?}"
                );
            }
        }
    }

    #[test]
    fn line_breaks_and_tabs_only_where_text_has_lines() {
        assert_eq!(first_control("a\nb", Lines::One), Some((1, '\n')));
        assert_eq!(first_control("a\tb", Lines::One), Some((1, '\t')));
        assert_eq!(first_control("a\nb\tc", Lines::Many), None);
        assert_eq!(first_control("a\rb", Lines::Many), Some((1, '\r')));
        assert_eq!(
            first_control("Wi-Fi — ñ 日本 \u{200f}שלום\u{200e}", Lines::One),
            None
        );
    }

    #[test]
    fn errors_point_at_the_character_or_the_value() {
        let file = "---\ntitle: \"a\\e[2J\"\nauthor: b\u{202e}c\n---\n";
        let keys = TopLevelKeys::scan(&file[4..file.len() - 4], 4);
        let errors = check(
            Path::new("a.md"),
            file,
            &keys,
            [
                Field::one("title", "a\u{1b}[2J"),
                Field::one("author", "b\u{202e}c"),
                Field::many("author", "fine"),
            ],
        );
        assert_eq!(errors.len(), 2);
        assert_eq!(&file[errors[0].span.clone()], "\"a\\e[2J\"");
        assert!(
            errors[0].message.contains("U+001B"),
            "{}",
            errors[0].message
        );
        assert_eq!(&file[errors[1].span.clone()], "\u{202e}");
        assert!(errors[1].message.contains("bidirectional"));
    }
}

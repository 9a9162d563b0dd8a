//! JSON, as Hugo's front matter (an object whose `{` and `}` stand on lines
//! of their own at the top of the file) and Docusaurus's category files
//! write it: decoded with serde_json, every problem at its line and column.
//!
//! Front matter is decoded into the same located entries as YAML and TOML,
//! so that every key is read by the same code. serde_json keeps no
//! positions, so the top level of the object is scanned for where each key
//! and its value stand.

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::{Entry, FrontMatter, Value};
use crate::diagnostics::{Diagnostic, json_offset};

/// Decodes the JSON `text`, with the dotted paths of the keys `T` does
/// not know; or where it fails and why (a place in `text`).
///
/// A byte order mark before it, which Windows editors write and the
/// JavaScript tools that read these files (`_meta.json`,
/// `_category_.json`) pass over, is passed over too.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<(T, Vec<String>), (Range<usize>, String)> {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let json = &text[bom..];
    let mut unknown = Vec::new();
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_ignored::deserialize(&mut de, |path| unknown.push(path.to_string()))
        .and_then(|value| de.end().map(|()| value))
        .map_err(|e| {
            let at = bom + json_offset(json, e.line(), e.column());
            // serde_json says where, in the message too: once is enough.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_owned();
            (at..at, message)
        })?;
    Ok((value, unknown))
}

/// Decodes the front matter `text`, a JSON object starting at byte `base`
/// of the file at `path`. A key written twice is an error at its second
/// place, as in YAML.
pub(super) fn entries(
    path: &Path,
    text: &str,
    base: usize,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let shift = |span: Range<usize>| base + span.start..base + span.end;
    let pairs = match decode::<Value>(text) {
        Ok((Value::Map(pairs), _)) => pairs,
        Ok(_) => Vec::new(),
        Err((span, message)) => {
            return Err(vec![
                Diagnostic::error(path, shift(span), format!("invalid JSON: {message}"))
                    .with_help("check the quotes, commas and braces around this place"),
            ]);
        }
    };
    let spans = top_level_spans(text);
    let mut entries: Vec<Entry> = Vec::with_capacity(pairs.len());
    let mut duplicates = Vec::new();
    for ((key, value), (key_span, value_span)) in pairs.into_iter().zip(spans) {
        if entries.iter().any(|e| e.key == key) {
            duplicates.push(
                Diagnostic::error(path, shift(key_span), format!("`{key}` is set twice"))
                    .with_help("keep only one of the two"),
            );
            continue;
        }
        entries.push(Entry {
            key,
            key_span: shift(key_span),
            value_span: shift(value_span),
            value: Some(value),
        });
    }
    if !duplicates.is_empty() {
        return Err(duplicates);
    }
    Ok(FrontMatter {
        entries,
        start: base,
    })
}

/// Where each key of the top-level object of the valid JSON `text` stands,
/// quotes included, and its value, in the order written.
pub fn top_level_spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut depth = 0usize;
    // The key just read at depth 1, until its value ends.
    let mut key: Option<Range<usize>> = None;
    let mut value_start: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let end = string_end(bytes, at);
                if depth == 1 && key.is_none() {
                    key = Some(at..end);
                } else if depth == 1 && value_start.is_none() {
                    value_start = Some(at);
                }
                at = end;
                continue;
            }
            b'{' | b'[' => {
                if depth == 1 && key.is_some() && value_start.is_none() {
                    value_start = Some(at);
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    close(&mut spans, &mut key, &mut value_start, text, at);
                }
            }
            b',' if depth == 1 => close(&mut spans, &mut key, &mut value_start, text, at),
            b':' if depth == 1 => {}
            c if depth == 1
                && key.is_some()
                && value_start.is_none()
                && !c.is_ascii_whitespace() =>
            {
                value_start = Some(at);
            }
            _ => {}
        }
        at += 1;
    }
    spans
}

/// Ends the entry being read at `at` (a `,` or the closing `}`): its value
/// runs to there, its trailing space left out.
fn close(
    spans: &mut Vec<(Range<usize>, Range<usize>)>,
    key: &mut Option<Range<usize>>,
    value_start: &mut Option<usize>,
    text: &str,
    at: usize,
) {
    if let (Some(key), Some(start)) = (key.take(), value_start.take()) {
        let end = start + text[start..at].trim_end().len();
        spans.push((key, start..end));
    }
}

/// The offset just past the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::line_col;

    fn read(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        entries(Path::new("a.md"), text, 0)
    }

    #[test]
    fn keys_values_and_their_places_in_the_order_written() {
        let text = "{\n  \"title\": \"Wi-Fi \\\"drops\\\"\",\n  \"tags\": [\"a\", {\"b\": 1}],\n  \
                    \"draft\": false ,\n  \"params\": {\"x\": \"}\"}\n}\n";
        let matter = read(text).expect("valid");
        let found: Vec<(&str, &str, &str)> = matter
            .entries
            .iter()
            .map(|e| {
                (
                    e.key.as_str(),
                    &text[e.key_span.clone()],
                    &text[e.value_span.clone()],
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("title", "\"title\"", "\"Wi-Fi \\\"drops\\\"\""),
                ("tags", "\"tags\"", "[\"a\", {\"b\": 1}]"),
                ("draft", "\"draft\"", "false"),
                ("params", "\"params\"", "{\"x\": \"}\"}"),
            ]
        );
        assert_eq!(
            matter.entries[0].value,
            Some(Value::String("Wi-Fi \"drops\"".into()))
        );
        assert_eq!(matter.entries[2].value, Some(Value::Bool(false)));
    }

    #[test]
    fn invalid_json_is_an_error_at_its_line_and_column() {
        let text = "{\n  \"title\": \"A\"\n  \"draft\": true\n}\n";
        let problems = read(text).expect_err("invalid");
        assert!(
            problems[0]
                .message
                .starts_with("invalid JSON: expected `,`")
        );
        assert_eq!(line_col(text, problems[0].span.start), (3, 3));
    }

    /// Regression: a `_meta.json` or `_category_.json` saved with a byte
    /// order mark was "invalid JSON: expected value" at 1:1, where nothing
    /// can be seen.
    #[test]
    fn a_byte_order_mark_is_passed_over_and_places_stay_in_the_text() {
        let (value, _) = decode::<serde_json::Value>("\u{feff}{\"a\": 1}\r\n").expect("decoded");
        assert_eq!(value["a"], 1);
        let text = "\u{feff}{\"a\" 1}";
        let (span, message) = decode::<serde_json::Value>(text).expect_err("invalid");
        assert!(message.starts_with("expected `:`"), "{message}");
        assert_eq!(&text[span.start..], "1}");
    }

    #[test]
    fn a_key_set_twice_is_an_error_at_the_second() {
        let text = "{\n  \"title\": \"A\",\n  \"title\": \"B\"\n}\n";
        let problems = read(text).expect_err("duplicate");
        assert_eq!(problems[0].message, "`title` is set twice");
        assert_eq!(line_col(text, problems[0].span.start), (3, 3));
    }
}

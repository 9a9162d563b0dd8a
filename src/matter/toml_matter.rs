//! TOML front matter (between `+++` lines, as Hugo and Zola write it),
//! decoded with the `toml` crate's spanned parser into the same located
//! entries as YAML, so that every key is read by the same code.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Entry, FrontMatter, Value};
use crate::diagnostics::Diagnostic;

/// A TOML syntax error, at a byte range of the file.
#[derive(Debug)]
pub(super) struct TomlError {
    span: Range<usize>,
    message: String,
}

impl TomlError {
    /// The located diagnostic for the file at `path`.
    pub(super) fn diagnostic(&self, path: &Path) -> Diagnostic {
        Diagnostic::error(
            path,
            self.span.clone(),
            format!("invalid TOML: {}", self.message),
        )
        .with_help("check the `key = value` form and the quoting of this line")
    }
}

/// Decodes `text`, which starts at byte `base` of its file.
pub(super) fn entries(text: &str, base: usize) -> Result<FrontMatter, TomlError> {
    let table = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        TomlError {
            span: base + span.start..base + span.end,
            message: e.message().trim().to_owned(),
        }
    })?;
    let shift = |span: Range<usize>| base + span.start..base + span.end;
    let mut entries: Vec<Entry> = table
        .into_inner()
        .into_iter()
        .map(|(key, value)| Entry {
            key: key.get_ref().to_string(),
            key_span: shift(key.span()),
            value_span: shift(value.span()),
            value: Some(convert(value)),
        })
        .collect();
    // The table is sorted by key; front matter is read in the order written.
    entries.sort_by_key(|e| e.key_span.start);
    Ok(FrontMatter {
        entries,
        start: base,
    })
}

fn convert(value: Spanned<DeValue<'_>>) -> Value {
    match value.into_inner() {
        DeValue::String(s) => Value::String(s.into_owned()),
        DeValue::Integer(n) => i64::from_str_radix(n.as_str(), n.radix())
            .map_or_else(|_| Value::BigInteger(n.to_string()), Value::Integer),
        DeValue::Float(n) => n
            .as_str()
            .parse()
            .map_or_else(|_| Value::String(n.as_str().to_owned()), Value::Float),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Datetime(d.to_string()),
        DeValue::Array(items) => Value::List(items.into_iter().map(convert).collect()),
        DeValue::Table(table) => {
            let mut entries: Vec<(usize, String, Value)> = table
                .into_iter()
                .map(|(k, v)| (k.span().start, k.into_inner().into_owned(), convert(v)))
                .collect();
            entries.sort_by_key(|(at, _, _)| *at);
            Value::Map(entries.into_iter().map(|(_, k, v)| (k, v)).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_located_in_the_file_and_in_order() {
        let text = "title = \"Página\"\nweight = 10\ndate = 2024-02-02T04:14:54-08:00\n\
                    tags = ['a', \"b\"]\n[params]\nauthor = 'Ana'\n";
        let fm = entries(text, 4).unwrap();
        let keys: Vec<&str> = fm.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["title", "weight", "date", "tags", "params"]);
        let title = &fm.entries[0];
        assert_eq!(title.key_span, 4..9);
        assert_eq!(
            &text[title.value_span.start - 4..title.value_span.end - 4],
            "\"Página\""
        );
        assert_eq!(title.value, Some(Value::String("Página".into())));
        assert_eq!(fm.entries[1].value, Some(Value::Integer(10)));
        assert_eq!(
            fm.entries[2].value,
            Some(Value::Datetime("2024-02-02T04:14:54-08:00".into()))
        );
        assert_eq!(
            fm.entries[4].value,
            Some(Value::Map(vec![(
                "author".into(),
                Value::String("Ana".into())
            )]))
        );
    }

    #[test]
    fn numbers_in_every_notation() {
        let fm = entries("a = 0xff\nb = 1_000\nc = 2.5e3\nd = -3\n", 0).unwrap();
        let values: Vec<Value> = fm.entries.into_iter().filter_map(|e| e.value).collect();
        assert_eq!(
            values,
            [
                Value::Integer(255),
                Value::Integer(1000),
                Value::Float(2500.0),
                Value::Integer(-3)
            ]
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let text = "title = \"open\nweight = 1\n";
        let e = entries(text, 10).unwrap_err();
        assert!(
            e.span.start >= 10 && e.span.start <= 10 + text.find('\n').unwrap(),
            "{e:?}"
        );
        let d = e.diagnostic(Path::new("a.md"));
        assert!(d.message.starts_with("invalid TOML: "), "{}", d.message);
    }
}

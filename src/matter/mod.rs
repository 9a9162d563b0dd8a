//! Front matter as located entries, whatever language it is written in.
//!
//! YAML (`---`), TOML (`+++`) and JSON (`{`) are decoded into the same [`FrontMatter`]:
//! its top-level keys in the order written, each with where the key and its
//! value stand in the file, and the value as a small tree of [`Value`]s.
//! Everything after that (which keys tier0 knows, which other tools' keys
//! it maps, how loose types are read) is written once, in `fields`, for
//! every language.

pub mod front_matter;
pub mod json_matter;
pub mod text;
mod toml_matter;
pub mod yaml;

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostics::Diagnostic;
use front_matter::{Format, Split};

/// A front matter value, as YAML or TOML wrote it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    /// `~`, `null` or nothing after the colon.
    Null,
    /// `true`, `false`.
    Bool(bool),
    /// A whole number.
    Integer(i64),
    /// A whole number past 64 bits, as written: text where text is
    /// wanted (an id), never a number tier0 computes with.
    BigInteger(String),
    /// Any other number.
    Float(f64),
    /// Text.
    String(String),
    /// A TOML date, time or date-time (YAML has none: its dates are text).
    Datetime(String),
    /// A sequence or array.
    List(Vec<Value>),
    /// A mapping or table, keys in the order written.
    Map(Vec<(String, Value)>),
}

impl Value {
    /// How a message names this value's type.
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Self::Null => "nothing",
            Self::Bool(_) => "a boolean",
            Self::Integer(_) | Self::BigInteger(_) | Self::Float(_) => "a number",
            Self::String(_) => "a string",
            Self::Datetime(_) => "a date",
            Self::List(_) => "a list",
            Self::Map(_) => "a map",
        }
    }

    /// The text of a scalar: strings, numbers, booleans and dates.
    pub(super) fn scalar_text(&self) -> Option<String> {
        match self {
            Self::String(s) | Self::Datetime(s) | Self::BigInteger(s) => Some(s.clone()),
            Self::Integer(n) => Some(n.to_string()),
            Self::Float(n) => Some(n.to_string()),
            Self::Bool(b) => Some(b.to_string()),
            Self::Null | Self::List(_) | Self::Map(_) => None,
        }
    }

    /// The value of `key` in a map (keys compared without case).
    pub(super) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// One top-level key of the front matter.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    /// The key as written.
    pub(super) key: String,
    /// Where the key stands in the file.
    pub(super) key_span: Range<usize>,
    /// The value; `None` for a key nobody asked to read, whose value is
    /// never decoded (so a YAML alias bomb under it never goes off).
    pub(super) value: Option<Value>,
    /// Where the value stands in the file (for YAML, its part on the key's
    /// line, or the empty range after the colon).
    pub(super) value_span: Range<usize>,
}

/// The top-level entries of a front matter, in the order written.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct FrontMatter {
    /// The entries.
    pub(super) entries: Vec<Entry>,
    /// Where the front matter starts, for problems that belong to no key.
    pub(super) start: usize,
}

/// How the value of a key is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Want {
    /// Not at all: it is never decoded.
    Skip,
    /// As typed by the language (numbers, booleans, text).
    Value,
    /// As text wherever it is a scalar: YAML reads `0x80070005`, `0042` or
    /// `1.10` as numbers, but an error code, an id or a version is the text
    /// written.
    Text,
}

/// Decodes the front matter of `split`, reading the values of the keys as
/// `wanted` says. Duplicate keys, syntax errors and anything but a mapping
/// at the top are located errors.
pub(super) fn read(
    path: &Path,
    split: &Split<'_>,
    wanted: &dyn Fn(&str) -> Want,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let (text, base) = (split.matter, split.matter_start);
    match split.format {
        Format::None => Ok(FrontMatter {
            entries: Vec::new(),
            start: base,
        }),
        Format::Yaml => yaml::entries(path, text, base, wanted),
        Format::Toml => toml_matter::entries(text, base).map_err(|e| vec![e.diagnostic(path)]),
        Format::Json => json_matter::entries(path, text, base),
    }
}

/// The top level of a YAML front matter: its keys in order, each with its
/// value decoded only when wanted.
pub(super) struct TopLevel<'a> {
    /// Which keys to decode.
    pub(super) wanted: &'a dyn Fn(&str) -> Want,
    /// The key being read, for errors that carry no position.
    pub(super) reading: &'a RefCell<String>,
}

impl<'de> de::DeserializeSeed<'de> for TopLevel<'_> {
    type Value = Vec<(String, Option<Value>)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_> {
    type Value = Vec<(String, Option<Value>)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`key: value` lines")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    /// A front matter of comments only (Hugo's documentation's
    /// `# Do not remove front matter.`), which YAML reads as no value.
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Value>()? {
            let key = key.scalar_text().unwrap_or_default();
            self.reading.replace(key.clone());
            let value = if (self.wanted)(&key) == Want::Skip {
                map.next_value::<de::IgnoredAny>()?;
                None
            } else {
                Some(map.next_value::<Value>()?)
            };
            entries.push((key, value));
        }
        Ok(entries)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Integer(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::integer(v))
    }

    // serde_yaml gives numbers past 64 bits (of up to 128) as these; the
    // default refuses them, which dropped the whole front matter.
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::integer(v))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::integer(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<Value, Value>()? {
            entries.push((key.scalar_text().unwrap_or_default(), value));
        }
        Ok(Value::Map(entries))
    }

    /// A YAML tag (`!Thing value`): the tag is dropped, the value kept.
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        use de::VariantAccess;
        let (_, variant) = data.variant::<de::IgnoredAny>()?;
        variant.newtype_variant()
    }
}

impl Value {
    /// A whole number: past i64, as good as its text (an id, a code).
    pub(super) fn integer<N: TryInto<i64> + ToString + Copy>(n: N) -> Self {
        n.try_into()
            .map_or_else(|_| Self::BigInteger(n.to_string()), Self::Integer)
    }

    /// Whether some scalar in this value was read as other than text.
    pub(super) fn has_typed_scalar(&self) -> bool {
        match self {
            Self::Bool(_) | Self::Integer(_) | Self::BigInteger(_) | Self::Float(_) => true,
            Self::Null | Self::String(_) | Self::Datetime(_) => false,
            Self::List(items) => items.iter().any(Value::has_typed_scalar),
            Self::Map(entries) => entries.iter().any(|(_, v)| v.has_typed_scalar()),
        }
    }
}

/// The top level of a YAML front matter read again for the keys in
/// `shapes`, each value decoded along the shape it had the first time with
/// every scalar as the text written.
pub(super) struct TopLevelText<'a> {
    /// The keys to read again, with their first reading.
    pub(super) shapes: &'a [(&'a str, &'a Value)],
    /// The key being read, for errors that carry no position.
    pub(super) reading: &'a RefCell<String>,
}

impl<'de> de::DeserializeSeed<'de> for TopLevelText<'_> {
    type Value = Vec<(String, Value)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevelText<'_> {
    type Value = Vec<(String, Value)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`key: value` lines")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Value>()? {
            let key = key.scalar_text().unwrap_or_default();
            match self.shapes.iter().find(|(k, _)| *k == key) {
                Some((_, shape)) => {
                    self.reading.replace(key.clone());
                    entries.push((key, map.next_value_seed(AsText(shape))?));
                }
                None => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(entries)
    }
}

/// A value read along `shape`, with its scalars as text.
struct AsText<'a>(&'a Value);

impl<'de> de::DeserializeSeed<'de> for AsText<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        match self.0 {
            Value::List(_) => deserializer.deserialize_seq(self),
            Value::Map(_) => deserializer.deserialize_map(self),
            Value::Null => Value::deserialize(deserializer),
            _ => deserializer.deserialize_str(self),
        }
    }
}

impl<'de> Visitor<'de> for AsText<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value read the first time")
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let Value::List(shapes) = self.0 else {
            return Err(de::Error::custom("the value changed between two readings"));
        };
        let mut items = Vec::with_capacity(shapes.len());
        for shape in shapes {
            match seq.next_element_seed(AsText(shape))? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let Value::Map(shapes) = self.0 else {
            return Err(de::Error::custom("the value changed between two readings"));
        };
        let mut entries = Vec::with_capacity(shapes.len());
        for (_, shape) in shapes {
            match map.next_key::<Value>()? {
                Some(key) => entries.push((
                    key.scalar_text().unwrap_or_default(),
                    map.next_value_seed(AsText(shape))?,
                )),
                None => break,
            }
        }
        Ok(Value::Map(entries))
    }
}

/// The top-level entries of `text`, a whole TOML file (a tool's
/// configuration, not front matter), or its syntax error, located in the
/// file at `path`.
pub(super) fn toml_file(text: &str, path: &Path) -> Result<FrontMatter, Diagnostic> {
    toml_matter::entries(text, 0).map_err(|e| e.diagnostic(path))
}

/// The top-level entries of `text`, a whole configuration file of another
/// tool at `path`, every value read: YAML or JSON when its extension says
/// so (`hugo.yaml`, `hugo.json`), else TOML. Its errors, located.
pub(super) fn config_file(text: &str, path: &Path) -> Result<FrontMatter, Vec<Diagnostic>> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("yaml" | "yml") => yaml::entries(path, text, 0, &|_| Want::Value),
        Some("json") => json_matter::entries(path, text, 0),
        _ => toml_file(text, path).map_err(|e| vec![e]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn yaml_values_decode_into_the_tree() {
        assert_eq!(
            yaml("{a: [1, 2.5, true, ~, x], b: {name: Ana}}"),
            Value::Map(vec![
                (
                    "a".into(),
                    Value::List(vec![
                        Value::Integer(1),
                        Value::Float(2.5),
                        Value::Bool(true),
                        Value::Null,
                        Value::String("x".into()),
                    ])
                ),
                (
                    "b".into(),
                    Value::Map(vec![("name".into(), Value::String("Ana".into()))])
                ),
            ])
        );
        assert_eq!(yaml("!Ref x"), Value::String("x".into()));
        for big in [
            "9223372036854775808",
            "18446744073709551615",
            "99999999999999999999999",
            "-99999999999999999999999",
        ] {
            assert_eq!(yaml(big), Value::BigInteger(big.into()), "{big}");
        }
        assert_eq!(
            yaml("[1, 99999999999999999999999]"),
            Value::List(vec![
                Value::Integer(1),
                Value::BigInteger("99999999999999999999999".into())
            ])
        );
    }

    #[test]
    fn map_lookup_ignores_case() {
        let v = yaml("{Name: Ana}");
        assert_eq!(v.get("name"), Some(&Value::String("Ana".into())));
        assert_eq!(v.get("x"), None);
        assert_eq!(Value::Integer(3).scalar_text().as_deref(), Some("3"));
        assert_eq!(v.scalar_text(), None);
    }
}

//! YAML decoding with positions, shared by front matter and `tier0.yaml`.
//!
//! serde_yaml reports syntax and type errors with a byte position, but keeps
//! no position for values once decoded. [`TopLevelKeys`] recovers where each
//! top-level key and its value stand, so that checks made after decoding
//! (an unknown tier, a bad date, a duplicate id) still point at the line.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::de::{DeserializeOwned, DeserializeSeed};

use super::{Entry, FrontMatter, TopLevel, TopLevelText, Value, Want};
use crate::diagnostics::Diagnostic;

/// A YAML error at a byte offset of the file it came from.
#[derive(Debug)]
pub struct YamlError {
    offset: usize,
    message: String,
}

impl YamlError {
    /// The located diagnostic for the file at `path`.
    pub fn into_diagnostic(self, path: &Path) -> Diagnostic {
        Diagnostic::error(
            path,
            self.offset..self.offset,
            format!("invalid YAML: {}", self.message),
        )
        .with_help("check the indentation, the `key: value` form and the quoting of this line")
    }
}

/// Decodes `text`, which starts at byte `base` of its file, into `T`.
///
/// Returns the value and the dotted paths of keys `T` does not know.
pub fn deserialize<T: DeserializeOwned>(
    text: &str,
    base: usize,
) -> Result<(T, Vec<String>), YamlError> {
    refuse_what_libyaml_mislocates(text, base)?;
    // serde_yaml reports a key written twice at the start of its mapping:
    // the error points at the second line instead, as in front matter.
    let keys = TopLevelKeys::scan(text, base);
    if let Some((key, second)) = keys.duplicates().next() {
        return Err(YamlError {
            offset: second.key.start,
            message: format!("`{key}` is set twice; keep only one of the two lines"),
        });
    }
    let mut unknown = Vec::new();
    let de = serde_yaml::Deserializer::from_str(text);
    serde_ignored::deserialize(de, |path| unknown.push(path.to_string()))
        .map(|value| (value, unknown))
        .map_err(|e| YamlError::located(&e, text, base, base))
}

/// Decodes the front matter `text`, which starts at byte `base` of the file
/// at `path`, into its entries, decoding only the values of the keys that
/// are `wanted`. A key written twice is an error at its second line.
pub(super) fn entries(
    path: &Path,
    text: &str,
    base: usize,
    wanted: &dyn Fn(&str) -> Want,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let keys = TopLevelKeys::scan(text, base);
    let duplicates: Vec<Diagnostic> = keys
        .duplicates()
        .map(|(key, pos)| {
            Diagnostic::error(path, pos.key.clone(), format!("`{key}` is set twice"))
                .with_help("keep only one of the two lines")
        })
        .collect();
    if !duplicates.is_empty() {
        return Err(duplicates);
    }
    let mut front_matter = FrontMatter {
        entries: Vec::new(),
        start: base,
    };
    if text.trim().is_empty() {
        return Ok(front_matter);
    }
    let decoded = refuse_what_libyaml_mislocates(text, base)
        .and_then(|()| read_values(text, base, &keys, wanted))
        .map_err(|e| vec![e.into_diagnostic(path)])?;
    front_matter.entries = decoded
        .into_iter()
        .map(|(key, value)| {
            let (key_span, value_span) =
                keys.first_of(&key).map_or((base..base, base..base), |p| {
                    (p.key.clone(), p.value.clone())
                });
            Entry {
                key,
                key_span,
                value,
                value_span,
            }
        })
        .collect();
    Ok(front_matter)
}

/// The top-level keys of `text` with their values as `wanted`.
///
/// libyaml tells the type of a plain scalar from its text, and the text is
/// gone once it did: the keys wanted as text whose values hold a number or
/// a boolean are read a second time, along the shape of the first reading,
/// with every scalar as text. Only such front matter pays for it.
fn read_values(
    text: &str,
    base: usize,
    keys: &TopLevelKeys,
    wanted: &dyn Fn(&str) -> Want,
) -> Result<Vec<(String, Option<Value>)>, YamlError> {
    let reading = std::cell::RefCell::new(String::new());
    let located = |e: serde_yaml::Error| {
        let key = reading.borrow();
        let fallback = keys.first_of(&key).map_or(base, |p| p.value.start);
        YamlError::located(&e, text, base, fallback)
    };
    let mut values = TopLevel {
        wanted,
        reading: &reading,
    }
    .deserialize(serde_yaml::Deserializer::from_str(text))
    .map_err(located)?;
    let typed: Vec<(&str, &Value)> = values
        .iter()
        .filter(|(key, _)| wanted(key) == Want::Text)
        .filter_map(|(key, value)| Some((key.as_str(), value.as_ref()?)))
        .filter(|(_, value)| value.has_typed_scalar())
        .collect();
    if typed.is_empty() {
        return Ok(values);
    }
    let mut texts = Vec::with_capacity(typed.len());
    for (key, shape) in typed {
        // Only the key's own lines are read again, when they stand alone
        // (not when an alias refers to an anchor elsewhere, say).
        let shapes = [(key, shape)];
        let reread = |text: &str, base: usize| {
            TopLevelText {
                shapes: &shapes,
                reading: &reading,
            }
            .deserialize(serde_yaml::Deserializer::from_str(text))
            .map_err(|e| YamlError::located(&e, text, base, base))
        };
        let block = keys.block(key, base + text.len());
        let read = block
            .and_then(|b| reread(&text[b.start - base..b.end - base], b.start).ok())
            .map_or_else(|| reread(text, base), Ok)?;
        texts.extend(read.into_iter().filter(|(k, _)| k == key));
    }
    for (key, text) in texts {
        if let Some((_, value)) = values.iter_mut().find(|(k, _)| *k == key) {
            *value = Some(text);
        }
    }
    Ok(values)
}

/// Refuses, located, what libyaml would refuse with no usable position (a
/// control character) or only after a long time (deep flow collections).
fn refuse_what_libyaml_mislocates(text: &str, base: usize) -> Result<(), YamlError> {
    if let Some((at, c)) = first_disallowed_char(text) {
        return Err(YamlError {
            offset: base + at,
            message: format!(
                "the control character U+{:04X} is not allowed; remove it",
                u32::from(c)
            ),
        });
    }
    if let Some(at) = too_deep(text) {
        return Err(YamlError {
            offset: base + at,
            message: format!(
                "`[` and `{{` nest more than {MAX_FLOW_DEPTH} levels deep here; \
                 no value of tier0 nests like that"
            ),
        });
    }
    Ok(())
}

impl YamlError {
    /// The error `e` of decoding `text` (at byte `base` of its file).
    ///
    /// A quote or bracket left open is reported by libyaml where the YAML
    /// ends ("found unexpected end of stream, while scanning a quoted scalar
    /// at line 3 column 8"): the place that needs fixing is where it opens,
    /// which the message names, so the error points there.
    ///
    /// Some errors carry no position ("repetition limit exceeded", for an
    /// alias that expands too far): they point at `fallback`.
    fn located(e: &serde_yaml::Error, text: &str, base: usize, fallback: usize) -> Self {
        let full = e.to_string();
        let opened = OPENERS.iter().find_map(|opener| {
            let rest = &full[full.find(opener)? + opener.len()..];
            let (line, column) = line_and_column(rest.strip_prefix(" at line ")?)?;
            offset_of(text, line, column)
        });
        let problem = e
            .location()
            .and_then(|l| offset_of(text, l.line(), l.column()))
            .map_or(fallback, |at| base + at);
        Self {
            offset: opened.map_or(problem, |at| base + at),
            message: strip_location(&full),
        }
    }
}

/// What libyaml says it was reading when a quote or bracket never closed.
const OPENERS: &[&str] = &[
    "while scanning a quoted scalar",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
];

/// `3 column 8…` → (3, 8).
fn line_and_column(text: &str) -> Option<(usize, usize)> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let line_len = digits(text);
    let rest = text[line_len..].strip_prefix(" column ")?;
    let column_len = digits(rest);
    Some((
        text[..line_len].parse().ok()?,
        rest[..column_len].parse().ok()?,
    ))
}

/// The byte offset of 1-based `line` and `column` (in characters, as libyaml
/// counts them) in `text`; the end of the line when it is shorter.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    Some(start + within)
}

/// The first character YAML does not allow in a document, with its offset.
///
/// libyaml refuses the same characters, but its error carries no location
/// (it says "at position N" of the YAML only), so the diagnostic would point
/// at the front matter's first line instead of the character.
fn first_disallowed_char(text: &str) -> Option<(usize, char)> {
    // YAML 1.2 `c-printable`, as libyaml's reader checks it: ASCII controls
    // other than tab and line breaks, DEL, the C1 controls but U+0085
    // (UTF-8 `C2 80`–`C2 9F`) and U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`).
    // Every byte of those sequences is a lead byte or ASCII, so a byte scan
    // cannot start inside another character.
    let bytes = text.as_bytes();
    let at = bytes.iter().enumerate().position(|(i, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => bytes
            .get(i + 1)
            .is_some_and(|&n| (0x80..=0x9f).contains(&n) && n != 0x85),
        0xef => bytes.get(i + 1) == Some(&0xbf) && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)),
        _ => false,
    })?;
    text[at..].chars().next().map(|c| (at, c))
}

/// The deepest nesting of flow collections (`[…]`, `{…}`) decoded.
///
/// libyaml takes time quadratic in this depth (a 200 KB line of `{a: ` took
/// 20 s), even for the values of unknown keys that are then ignored; serde_yaml
/// refuses more than 128 levels only for values it decodes.
const MAX_FLOW_DEPTH: usize = 128;

/// The offset of the first `[` or `{` nested deeper than [`MAX_FLOW_DEPTH`].
///
/// A cheap scan, not a parser: it skips quoted scalars and comments, and may
/// count brackets inside plain text, which is harmless at that depth.
fn too_deep(text: &str) -> Option<usize> {
    // Nothing nests deeper than there are brackets (the usual case, and a
    // count the compiler vectorises).
    let openers = text.bytes().filter(|&b| b == b'[' || b == b'{').count();
    if openers <= MAX_FLOW_DEPTH {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut comment = false;
    let mut prev = '\n';
    for (i, c) in text.char_indices() {
        if comment {
            comment = c != '\n';
        } else if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if q == '"' && c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                // A quote opens a quoted scalar only where a value starts.
                '"' | '\'' if prev.is_whitespace() || matches!(prev, ':' | ',' | '[' | '{') => {
                    quote = Some(c);
                }
                '#' if prev.is_whitespace() => comment = true,
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some(i);
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        prev = c;
    }
    None
}

/// serde_yaml appends " at line L column C" to messages, and libyaml puts
/// the same inside some ("… at line 3 column 1, while scanning a quoted
/// scalar"), counted from the start of the YAML rather than of the file: the
/// diagnostic gives the right position, so every such mention goes.
fn strip_location(message: &str) -> String {
    const AT_LINE: &str = " at line ";
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(AT_LINE) {
        let after = &rest[i + AT_LINE.len()..];
        let line = digits(after);
        match after[line..].strip_prefix(" column ") {
            Some(tail) if line > 0 && digits(tail) > 0 => {
                out.push_str(&rest[..i]);
                rest = &tail[digits(tail)..];
            }
            _ => {
                out.push_str(&rest[..i + AT_LINE.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Where one top-level key of a YAML mapping stands in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPosition {
    /// The key's bytes.
    pub key: Range<usize>,
    /// The value on the same line, or the empty range after the colon.
    pub value: Range<usize>,
}

/// The positions of the top-level keys of a block mapping, in file offsets.
#[derive(Debug, Clone, Default)]
pub struct TopLevelKeys {
    keys: BTreeMap<String, Vec<KeyPosition>>,
    /// Where the whole mapping starts, for problems that belong to no key.
    start: usize,
    /// Where it ends.
    end: usize,
}

impl TopLevelKeys {
    /// Finds `key:` lines at column 0 of `text`, which starts at byte `base` of its file.
    pub fn scan(text: &str, base: usize) -> Self {
        let mut keys: BTreeMap<String, Vec<KeyPosition>> = BTreeMap::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            if let Some((name, key_len, value)) = split_key(content) {
                let value_start = base + offset + value.start;
                keys.entry(name).or_default().push(KeyPosition {
                    key: base + offset..base + offset + key_len,
                    value: value_start..base + offset + value.end,
                });
            }
            offset += line.len();
        }
        Self {
            keys,
            start: base,
            end: base + text.len(),
        }
    }

    /// Whether `key` is written.
    pub fn has(&self, key: &str) -> bool {
        self.keys.contains_key(key)
    }

    /// The span of `key`'s value, or of the mapping's start when absent.
    pub fn value_span(&self, key: &str) -> Range<usize> {
        self.first_of(key)
            .map_or(self.start..self.start, |p| p.value.clone())
    }

    /// The span of the key `key` itself, or of the mapping's start when absent.
    pub fn key_span(&self, key: &str) -> Range<usize> {
        self.first_of(key)
            .map_or(self.start..self.start, |p| p.key.clone())
    }

    /// Where `needle` is first written in the entry of `key` (from the key
    /// to the next top-level key), in `file`, the text the offsets count in.
    ///
    /// Values nested under a key (`tiers[2].contact.url`) have no position
    /// of their own; a value written as it reads is found this way.
    pub fn find_in_entry(&self, file: &str, key: &str, needle: &str) -> Option<Range<usize>> {
        let start = self.first_of(key)?.key.start;
        let end = self.next_key_after(start).unwrap_or(self.end);
        let at = start + file.get(start..end)?.find(needle)?;
        Some(at..at + needle.len())
    }

    /// Where the decoded `value` is written in the entry of `key`: as it
    /// reads, or double-quoted with the escapes YAML shares with JSON
    /// (`"java\tscript:"`, `"a\u001bb"`).
    pub fn find_value_in_entry(&self, file: &str, key: &str, value: &str) -> Option<Range<usize>> {
        if value.is_empty() {
            return None;
        }
        self.find_in_entry(file, key, value).or_else(|| {
            let quoted = serde_json::to_string(value).ok()?;
            let found = self.find_in_entry(file, key, &quoted)?;
            // Inside the quotes, like a value found as it reads.
            Some(found.start + 1..found.end - 1)
        })
    }

    /// Where `key` is first written.
    pub fn first_of(&self, key: &str) -> Option<&KeyPosition> {
        self.keys.get(key).and_then(|v| v.first())
    }

    /// Keys written more than once, with the position of each repetition.
    pub fn duplicates(&self) -> impl Iterator<Item = (&str, &KeyPosition)> {
        self.keys
            .iter()
            .flat_map(|(k, v)| v.iter().skip(1).map(move |p| (k.as_str(), p)))
    }

    /// The lines of `key` and its value: from the key to the next
    /// top-level key, or to `end` (file offsets).
    pub fn block(&self, key: &str, end: usize) -> Option<Range<usize>> {
        let start = self.first_of(key)?.key.start;
        Some(start..self.next_key_after(start).unwrap_or(end))
    }

    /// Where the first top-level key written after `start` starts.
    fn next_key_after(&self, start: usize) -> Option<usize> {
        self.keys
            .values()
            .flatten()
            .map(|p| p.key.start)
            .filter(|&s| s > start)
            .min()
    }

    /// Where the mapping starts.
    pub fn start(&self) -> usize {
        self.start
    }
}

/// `key: value` at column 0 → (key, key length in bytes, value byte range in the line).
fn split_key(line: &str) -> Option<(String, usize, Range<usize>)> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '{' | '[' | '}' | ']') {
        return None;
    }
    let (name, key_len) = if first == '"' || first == '\'' {
        let end = line[1..].find(first)? + 1;
        (line[1..end].to_owned(), end + 1)
    } else {
        let colon = line
            .find(": ")
            .or_else(|| line.strip_suffix(':').map(str::len))?;
        (line[..colon].trim_end().to_owned(), colon)
    };
    let rest = line.get(key_len..)?.strip_prefix(':')?;
    let leading = rest.len() - rest.trim_start().len();
    let value_start = key_len + 1 + leading;
    let value_end = line.trim_end().len().max(value_start);
    Some((name, key_len, value_start..value_end))
}

/// A warning for an unknown key, with the closest known key as suggestion.
pub fn unknown_key_warning(
    path: &Path,
    keys: &TopLevelKeys,
    dotted: &str,
    known: &[&str],
) -> Diagnostic {
    let top = dotted.split('.').next().unwrap_or(dotted);
    unknown_key_at(path, keys.key_span(top), dotted, known)
}

/// A warning for the unknown key `dotted` written at `span`, with the
/// closest of the `known` keys as suggestion.
pub fn unknown_key_at(path: &Path, span: Range<usize>, dotted: &str, known: &[&str]) -> Diagnostic {
    let last = dotted.rsplit('.').next().unwrap_or(dotted);
    let warning = Diagnostic::warning(path, span, format!("unknown key `{dotted}` is ignored"));
    let translated = SPANISH_KEYS
        .iter()
        .find(|(es, _)| crate::slug::slugify(last) == *es)
        .map(|(_, en)| *en);
    match translated
        .filter(|k| known.contains(k))
        .or_else(|| did_you_mean(last, known))
    {
        Some(best) => warning.with_help(format!("did you mean `{best}`?")),
        None => warning.with_help(format!("known keys are: {}", known.join(", "))),
    }
}

/// Key names Spanish-speaking authors write, slugified, and the key tier0 knows.
const SPANISH_KEYS: &[(&str, &str)] = &[
    ("titulo", "title"),
    ("descripcion", "description"),
    ("nivel", "tier"),
    ("tipo", "type"),
    ("idioma", "lang"),
    ("categoria", "category"),
    ("etiquetas", "tags"),
    ("sintomas", "symptoms"),
    ("codigos-de-error", "error_codes"),
    ("codigos", "error_codes"),
    ("se-aplica-a", "applies_to"),
    ("aplica-a", "applies_to"),
    ("fecha", "date"),
    ("actualizado", "updated"),
    ("revisado", "reviewed"),
    ("revisar-cada", "review_every"),
    ("alias", "aliases"),
    ("borrador", "draft"),
    ("confianza", "confidence"),
    ("estado-kcs", "confidence"),
    ("audiencia", "audience"),
    ("peso", "weight"),
    ("autor", "author"),
    ("equipo", "team"),
    ("escalar-a", "escalate_to"),
];

/// The known name closest to `name`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests;

//! The one shape of a JavaScript module that can be read without running
//! JavaScript: a module whose default export is an object literal of plain
//! values, written in place (`export default {…}`, `module.exports =
//! {…}`) or in a constant it names (`const meta: MetaRecord = {…}` …
//! `export default meta`). Nextra 3's and 4's `_meta.js` / `_meta.ts` and
//! Docusaurus's `sidebars.js` are written so.
//!
//! Keys are names or quoted strings; values are quoted strings, `true`,
//! `false`, numbers, lists or objects of these. Anything else (a JSX title,
//! a variable, a call, a spread, a template string) can only be known by
//! running the module, so the file is not read, and [`object`] says where
//! it stopped. Comments and `import` lines are skipped; what follows the
//! object (`satisfies MetaRecord`) is not read. A JSON file is such an
//! object too ([`object_of_json`]).

use std::ops::Range;

use serde_json::{Map, Value};

use crate::javascript::Cursor;

/// A plain value of a module, objects in the order written.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Literal {
    /// A quoted string, with where it is written.
    Text(String, Range<usize>),
    /// A number.
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
    /// A list.
    List(Vec<Literal>),
    /// An object's entries.
    Object(Vec<ObjectEntry>),
}

impl Literal {
    /// The value as JSON (an object's keys sorted, a key written twice
    /// taking its last value).
    pub(super) fn to_json(&self) -> Value {
        match self {
            Literal::Text(text, _) => Value::String(text.clone()),
            Literal::Number(n) => {
                serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number)
            }
            Literal::Bool(b) => Value::Bool(*b),
            Literal::List(items) => Value::Array(items.iter().map(Literal::to_json).collect()),
            Literal::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v, _)| (k.clone(), v.to_json()))
                    .collect::<Map<String, Value>>(),
            ),
        }
    }

    /// The value of the first entry `key` of an object.
    pub(super) fn get(&self, key: &str) -> Option<&Literal> {
        match self {
            Literal::Object(entries) => entries.iter().find(|(k, _, _)| k == key).map(|e| &e.1),
            _ => None,
        }
    }

    /// The text of a string.
    pub(super) fn as_text(&self) -> Option<&str> {
        match self {
            Literal::Text(text, _) => Some(text),
            _ => None,
        }
    }
}

/// An entry of an object: its key, its value, where its key is written.
pub(super) type ObjectEntry = (String, Literal, Range<usize>);

/// Where reading stopped, and why.
type Stop = (Range<usize>, String);

/// How deep objects and lists may nest: `_meta` values nest one or two
/// levels, a Docusaurus sidebar's categories a few more.
const DEPTH: usize = 16;

/// The entries of the object `text` exports by default, in the order
/// written, each with where its key is written; or where reading stopped
/// and why.
pub(super) fn object(text: &str) -> Result<Vec<ObjectEntry>, Stop> {
    let start = exported_object(text).ok_or_else(|| {
        (
            0..0,
            "its default export is not an object written in the file".to_owned(),
        )
    })?;
    let mut reader = Reader(Cursor::new(text, start));
    reader.entries(0)
}

/// The entries of the JSON object `text`, as [`object`] gives them.
pub(super) fn object_of_json(text: &str) -> Result<Vec<ObjectEntry>, Stop> {
    let mut reader = Reader(Cursor::new(text, 0));
    reader.entries(0)
}

/// The value of the key `key` in the object a configuration script passes
/// to the call `call` (`sidebar` in `starlight({ title: …, sidebar: [ …
/// ] })`): only that value need be plain, the rest of the object may be
/// computed (`plugins: [blog()]`). The first `key:` written as code after
/// the call's name is taken. `None` when the script makes no such call or
/// writes no such key; where reading stopped and why when the value is
/// not plain (a variable, a call, a shorthand `{ sidebar }`).
pub(super) fn value_in_call(text: &str, call: &str, key: &str) -> Option<Result<Literal, Stop>> {
    let called = find_in_code(text, &format!("{call}("))?;
    let mut from = called + call.len() + 1;
    loop {
        let found = from + find_in_code(text.get(from..)?, key)?;
        let mut reader = Reader(Cursor::new(text, found + key.len()));
        if reader.0.eat(':') {
            return Some(reader.value(0));
        }
        reader.0.skip();
        if reader.0.rest().starts_with([',', '}']) {
            let why = "its value is a variable, which JavaScript reads";
            return Some(Err((found..found + key.len(), why.to_owned())));
        }
        from = found + key.len();
    }
}

/// Where the object literal the module exports by default opens.
fn exported_object(text: &str) -> Option<usize> {
    let after = ["export default", "module.exports ="]
        .into_iter()
        .find_map(|words| Some(find_in_code(text, words)? + words.len()))?;
    let rest = &text[after..];
    let trimmed = rest.trim_start();
    if trimmed.starts_with('{') {
        return Some(after + rest.len() - trimmed.len());
    }
    let name: String = trimmed
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        .collect();
    if name.is_empty() {
        return None;
    }
    // `const meta = {` or `const meta: MetaRecord = {`.
    let declared = find_in_code(text, &format!("const {name}"))? + "const ".len() + name.len();
    let equals = declared + text.get(declared..)?.find('=')?;
    let value = text.get(equals + 1..)?;
    let trimmed = value.trim_start();
    trimmed
        .starts_with('{')
        .then(|| equals + 1 + value.len() - trimmed.len())
}

/// Where `words` are first written in `text` as code: not in a comment or
/// a string (an `export default {` commented out above the real one is
/// not the export), and not as part of longer names (`const meta` is not
/// `const metadata`).
fn find_in_code(text: &str, words: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80;
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        if rest.starts_with("//") {
            at += rest.find('\n').unwrap_or(rest.len());
        } else if let Some(comment) = rest.strip_prefix("/*") {
            at += comment.find("*/").map_or(rest.len(), |end| end + 4);
        } else if let Some(quote) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '"' | '`'))
        {
            // To the closing quote, past escaped ones: at an ASCII byte or
            // the end, so always where a character starts.
            let mut end = at + 1;
            while end < bytes.len() && bytes[end] != quote as u8 {
                end += if bytes[end] == b'\\' { 2 } else { 1 };
            }
            at = (end + 1).min(text.len());
        } else if rest.starts_with(words)
            && !(at > 0 && is_name(bytes[at - 1]))
            && !bytes.get(at + words.len()).is_some_and(|&b| is_name(b))
        {
            return Some(at);
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// Reads literals at a [`Cursor`].
struct Reader<'a>(Cursor<'a>);

impl Reader<'_> {
    fn stop<T>(&self, why: &str) -> Result<T, Stop> {
        let end = self
            .0
            .rest()
            .chars()
            .next()
            .map_or(self.0.at, |c| self.0.at + c.len_utf8());
        Err((self.0.at..end, why.to_owned()))
    }

    /// An object literal's entries, from its `{` to its `}`.
    fn entries(&mut self, depth: usize) -> Result<Vec<ObjectEntry>, Stop> {
        if depth > DEPTH {
            return self.stop("its objects nest too deep");
        }
        if !self.0.eat('{') {
            return self.stop("an object was expected here");
        }
        let mut entries = Vec::new();
        loop {
            if self.0.eat('}') {
                return Ok(entries);
            }
            self.0.skip();
            let start = self.0.at;
            let key = self.key()?;
            let span = start..self.0.at;
            if !self.0.eat(':') {
                return self
                    .stop("a `:` was expected here (a shorthand or a method needs JavaScript)");
            }
            let value = self.value(depth)?;
            entries.push((key, value, span));
            if !self.0.eat(',') {
                if self.0.eat('}') {
                    return Ok(entries);
                }
                return self.stop("a `,` or a `}` was expected here");
            }
        }
    }

    fn key(&mut self) -> Result<String, Stop> {
        let rest = self.0.rest();
        if rest.starts_with(['\'', '"']) {
            return self.string();
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        if name.is_empty() {
            return self.stop("a key tier0 can read without JavaScript was expected here");
        }
        self.0.at += name.len();
        Ok(name)
    }

    fn value(&mut self, depth: usize) -> Result<Literal, Stop> {
        self.0.skip();
        let rest = self.0.rest();
        if rest.starts_with(['\'', '"']) {
            let start = self.0.at;
            let text = self.string()?;
            return Ok(Literal::Text(text, start..self.0.at));
        }
        if rest.starts_with('{') {
            return self.entries(depth + 1).map(Literal::Object);
        }
        if rest.starts_with('[') {
            return self.list(depth + 1).map(Literal::List);
        }
        for (word, value) in [("true", true), ("false", false)] {
            let Some(after) = rest.strip_prefix(word) else {
                continue;
            };
            if !after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
                self.0.at += word.len();
                return Ok(Literal::Bool(value));
            }
        }
        let number: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        if let Ok(n) = number.parse::<f64>() {
            self.0.at += number.len();
            return Ok(Literal::Number(n));
        }
        self.stop("this value is computed by JavaScript (a JSX title, a variable, a call)")
    }

    /// A list literal's items, from its `[` to its `]`.
    fn list(&mut self, depth: usize) -> Result<Vec<Literal>, Stop> {
        if depth > DEPTH {
            return self.stop("its lists and objects nest too deep");
        }
        self.0.eat('[');
        let mut items = Vec::new();
        loop {
            if self.0.eat(']') {
                return Ok(items);
            }
            items.push(self.value(depth)?);
            if !self.0.eat(',') {
                if self.0.eat(']') {
                    return Ok(items);
                }
                return self.stop("a `,` or a `]` was expected here");
            }
        }
    }

    /// A quoted string, with the escapes of plain text.
    fn string(&mut self) -> Result<String, Stop> {
        let quote = self.0.rest().chars().next().unwrap_or('"');
        let start = self.0.at;
        self.0.at += 1;
        let mut out = String::new();
        let mut chars = self.0.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                c if c == quote => {
                    self.0.at += i + 1;
                    return Ok(out);
                }
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, c @ ('\\' | '\'' | '"' | '/'))) => out.push(c),
                    _ => {
                        self.0.at += i;
                        return self.stop("an escape tier0 does not read");
                    }
                },
                '\n' => break,
                c => out.push(c),
            }
        }
        self.0.at = start;
        self.stop("this string is not closed on its line")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(String, Literal, &str)> {
        object(text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .into_iter()
            .map(|(k, v, span)| (k, v, &text[span]))
            .collect()
    }

    #[test]
    fn an_exported_object_of_plain_values_is_read_in_order() {
        let text = "// Sidebar\nexport default {\n  index: 'Introduction',\n  \
                    'getting-started': \"Getting \\\"started\\\"\",\n  /* more */ about: {\n    \
                    title: 'About',\n    type: 'page',\n    newWindow: true,\n    n: 2,\n  },\n}\n";
        let read = keys(text);
        assert_eq!(
            read.iter()
                .map(|(k, _, at)| (k.as_str(), *at))
                .collect::<Vec<_>>(),
            [
                ("index", "index"),
                ("getting-started", "'getting-started'"),
                ("about", "about")
            ]
        );
        assert_eq!(read[1].1.as_text(), Some("Getting \"started\""));
        assert_eq!(
            read[2].1.get("title").and_then(Literal::as_text),
            Some("About")
        );
        assert_eq!(read[2].1.get("newWindow"), Some(&Literal::Bool(true)));
        assert_eq!(read[2].1.to_json()["n"], 2.0);
    }

    #[test]
    fn a_typed_constant_exported_by_name_is_read() {
        let text = "import type { MetaRecord } from 'nextra'\n\nconst meta: MetaRecord = {\n  \
                    b: 'Bee',\n  a: 'Ay'\n} satisfies MetaRecord\n\nexport default meta\n";
        let names: Vec<String> = keys(text).into_iter().map(|(k, _, _)| k).collect();
        assert_eq!(names, ["b", "a"]);
    }

    /// Docusaurus's `sidebars.js`: CommonJS, lists of strings and objects,
    /// trailing commas; the objects keep the order written.
    #[test]
    fn a_commonjs_export_with_lists_is_read() {
        let text = "/** @type {import('x').SidebarsConfig} */\nconst sidebars = {\n  \
                    docs: [\n    'intro',\n    {type: 'category', label: 'Guides', items: \
                    ['guides/a', \"guides/b\",],},\n  ],\n  api: {Zeta: ['z'], Alpha: ['a']},\n};\n\
                    module.exports = sidebars;\n";
        let read = keys(text);
        assert_eq!(read.len(), 2);
        let Literal::List(items) = &read[0].1 else {
            panic!("{:?}", read[0].1)
        };
        let Literal::Text(intro, at) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!((intro.as_str(), &text[at.clone()]), ("intro", "'intro'"));
        assert_eq!(
            items[1].get("label").and_then(Literal::as_text),
            Some("Guides")
        );
        let Literal::Object(api) = &read[1].1 else {
            panic!()
        };
        let names: Vec<&str> = api.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(names, ["Zeta", "Alpha"]);
        assert_eq!(
            keys("module.exports = {a: [1, true]}")[0].1.to_json(),
            serde_json::json!([1.0, true])
        );
        assert!(object("module.exports = [1]").is_err());
        let json = object_of_json("{\"docs\": {\"B\": [\"b\"], \"A\": [\"a\"]}}").unwrap();
        assert_eq!(json[0].0, "docs");
    }

    /// Regression: the first `export default` or `const meta` of the text
    /// was taken, in a comment, a string or a longer name: the order of a
    /// commented-out object was applied, without a word.
    #[test]
    fn the_export_is_found_in_code_not_in_comments_strings_or_longer_names() {
        let names =
            |text: &str| -> Vec<String> { keys(text).into_iter().map(|(k, _, _)| k).collect() };
        for text in [
            "// export default { old: 'Old' }\nexport default { new: 'New' }\n",
            "/* export default {\n  old: 'Old' } */\nexport default { new: 'New' }\n",
            "const note = 'export default { old: 1 }'\nexport default { new: 'New' }\n",
            "const s = `export default {old: 1}`\nexport default { new: 'New' }\n",
            "const metadata = { old: 'Old' }\nconst meta = { new: 'New' }\nexport default meta\n",
            "const q = \"\\\" export default {old: 1}\"\nexport default { new: 'New' }\n",
            "const é = 'é'\nexport default { new: 'New' }\n",
        ] {
            assert_eq!(names(text), ["new"], "{text}");
        }
        // Not as part of a longer name, and never past the end of the text.
        assert!(object("reexport default { a: 'A' }").is_err());
        assert!(object("export default meta\nconst meta").is_err());
        assert!(object("'unclosed export default { a: 'A' }").is_err());
        assert!(object("\"\\").is_err());
    }

    #[test]
    fn what_needs_javascript_stops_the_read_where_it_is() {
        for (text, at) in [
            ("export default {\n  a: <b>Bold</b>\n}", "<"),
            ("export default {\n  a: title,\n}", "t"),
            ("export default {\n  ...other,\n}", "."),
            ("export default {\n  a: `x`\n}", "`"),
            ("export default {\n  a: 'open\n}", "'"),
            ("export default {\n  a: 'x' 'y'\n}", "'"),
            ("export default makeMeta()", ""),
            ("export default {", ""),
            ("export default {\n  a: 'x\\u0041'\n}", "\\"),
        ] {
            let (span, why) = object(text).expect_err(text);
            assert_eq!(&text[span], at, "{text}: {why}");
        }
        let deep = format!("export default {}{}", "{a: ".repeat(20), "}".repeat(20));
        assert!(object(&deep).is_err());
    }
}

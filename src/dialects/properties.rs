//! A component that lists an API's properties as data in one of its
//! attributes, as Mastra's (Nextra) reference pages write every
//! parameter: `<PropertiesTable content={[{ name: "apiKey", type:
//! "string", isOptional: true, description: "…" }]} />`. The site's
//! React component draws the table; dropped as other components are,
//! the page lost all of it (695 tables on 223 of Mastra's pages). Read
//! here as a JavaScript literal, it becomes a Markdown list: each
//! property's name, its type, whether it is optional and its default,
//! then its description, the properties of an object nested below it.
//!
//! Only literals are read (strings, numbers, `true`, arrays, objects); a
//! value computed by code is skipped, where the reader of `_meta.js`
//! (`parse::script`) gives the whole file up. A component whose attribute
//! holds no list of named properties is left to the inline pass.

use crate::javascript::Cursor;

/// How deep nested lists and objects are read: deeper ones are skipped,
/// so that a hostile page cannot exhaust the stack.
const MAX_DEPTH: usize = 32;

/// A JavaScript literal, as far as a list of properties needs it.
#[derive(Debug, PartialEq)]
enum Value {
    Text(String),
    /// `true`, `false`, a number, an identifier: as written.
    Word(String),
    List(Vec<Value>),
    Object(Vec<(String, Value)>),
    /// Code that is not a literal (a call, a template with `${…}`).
    Skipped,
}

impl Value {
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn text(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            Value::Text(text) | Value::Word(text) => Some(text.trim()).filter(|t| !t.is_empty()),
            _ => None,
        }
    }

    fn is_true(&self, key: &str) -> bool {
        matches!(self.get(key), Some(Value::Word(w)) if w == "true")
    }
}

/// The Markdown list the attributes `args` of a self-closing component
/// hold as `name={[{ name: "…", … }, …]}`, when one of its properties at
/// least has a name and a type or description.
pub(super) fn list(args: &str) -> Option<String> {
    let mut rest = args;
    while let Some(at) = rest.find("={") {
        let value = rest[at + 2..].trim_start();
        if value.starts_with('[') {
            let mut reader = Reader(Cursor::new(value, 0));
            if let Some(Value::List(items)) = reader.value(0) {
                let mut out = Vec::new();
                write_items(&items, 0, &mut out);
                if !out.is_empty() {
                    return Some(out.join("\n"));
                }
            }
        }
        rest = &rest[at + 2..];
    }
    None
}

/// Writes the named properties among `items` as list items `depth` deep.
fn write_items(items: &[Value], depth: usize, out: &mut Vec<String>) {
    for item in items {
        let Some(name) = item.text("name") else {
            // Mastra groups an object's fields as `{ type: "object",
            // parameters: [...] }`, without a name: shown at this depth.
            if let Some(Value::List(fields)) = item.get("parameters") {
                write_items(fields, depth, out);
            }
            continue;
        };
        if item.text("type").is_none() && item.text("description").is_none() {
            continue;
        }
        out.push(line(name, item, depth));
        for key in ["properties", "parameters"] {
            if let Some(Value::List(fields)) = item.get(key) {
                write_items(fields, depth + 1, out);
            }
        }
    }
}

/// `- **name** (`type`, optional, default: `x`): description`.
fn line(name: &str, item: &Value, depth: usize) -> String {
    let mut notes = Vec::new();
    if let Some(kind) = item.text("type") {
        notes.push(code_span(kind));
    }
    if item.is_true("isOptional") || item.is_true("optional") {
        notes.push("optional".to_owned());
    } else if item.is_true("required") {
        notes.push("required".to_owned());
    }
    if let Some(default) = item.text("defaultValue").or_else(|| item.text("default")) {
        notes.push(format!("default: {}", code_span(default)));
    }
    let mut line = format!(
        "{}- **{}**",
        "  ".repeat(depth),
        super::markdown_text(&one_line(name))
    );
    if !notes.is_empty() {
        line.push_str(&format!(" ({})", notes.join(", ")));
    }
    if let Some(description) = item.text("description") {
        line.push_str(": ");
        line.push_str(&no_html(&one_line(description)));
    }
    line
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as a code span, fenced by more backticks than it holds in a row.
fn code_span(text: &str) -> String {
    let text = one_line(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if longest == 0 {
        format!("{fence}{text}{fence}")
    } else {
        format!("{fence} {text} {fence}")
    }
}

/// A description's Markdown (its code spans and emphasis are meant) with
/// `<` outside code spans escaped: `Array<string>` is a type, no element.
fn no_html(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                part.replace('<', "\\<")
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// The text of `literal`, when it is a JavaScript string literal and
/// nothing more (`'a.png'`, `"a.png"`, a template without `${…}`).
pub(super) fn string_literal(literal: &str) -> Option<String> {
    let quote = literal
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let mut reader = Reader(Cursor::new(literal, 0));
    match reader.string(quote)? {
        Value::Text(text) if reader.0.rest().trim().is_empty() => Some(text),
        _ => None,
    }
}

/// Reads literals at a [`Cursor`].
struct Reader<'a>(Cursor<'a>);

impl Reader<'_> {
    fn value(&mut self, depth: usize) -> Option<Value> {
        self.0.skip();
        let first = self.0.rest().chars().next()?;
        match first {
            '[' if depth < MAX_DEPTH => {
                self.0.at += 1;
                let mut items = Vec::new();
                while !self.0.eat(']') {
                    items.push(self.value(depth + 1)?);
                    if !self.0.eat(',') && !self.0.rest().starts_with(']') {
                        return None;
                    }
                }
                Some(Value::List(items))
            }
            '{' if depth < MAX_DEPTH => {
                self.0.at += 1;
                let mut fields = Vec::new();
                while !self.0.eat('}') {
                    let key = self.key()?;
                    if !self.0.eat(':') {
                        return None;
                    }
                    fields.push((key, self.value(depth + 1)?));
                    if !self.0.eat(',') && !self.0.rest().starts_with('}') {
                        return None;
                    }
                }
                Some(Value::Object(fields))
            }
            '"' | '\'' | '`' => self.string(first),
            _ => self.other(),
        }
    }

    fn key(&mut self) -> Option<String> {
        self.0.skip();
        match self.0.rest().chars().next()? {
            quote @ ('"' | '\'') => match self.string(quote)? {
                Value::Text(key) => Some(key),
                _ => None,
            },
            _ => {
                let rest = self.0.rest();
                let len = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(rest.len());
                self.0.at += len;
                (len > 0).then(|| rest[..len].to_owned())
            }
        }
    }

    /// A string literal opened by `quote`; a template that computes a part
    /// (`${…}`) is [`Value::Skipped`].
    fn string(&mut self, quote: char) -> Option<Value> {
        self.0.at += 1;
        let mut text = String::new();
        let mut chars = self.0.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    let (_, escaped) = chars.next()?;
                    text.push(match escaped {
                        'n' | 'r' | 't' => ' ',
                        other => other,
                    });
                }
                c if c == quote => {
                    self.0.at += i + 1;
                    let computed = quote == '`' && text.contains("${");
                    return Some(if computed {
                        Value::Skipped
                    } else {
                        Value::Text(text)
                    });
                }
                c => text.push(c),
            }
        }
        None
    }

    /// A word (`true`, `42`) or code that is no literal, up to the `,` or
    /// closing bracket that ends it.
    fn other(&mut self) -> Option<Value> {
        let rest = self.0.rest();
        let mut depth = 0usize;
        let mut quote = None;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'' | '`') => quote = Some(c),
                (None, '(' | '[' | '{') => depth += 1,
                (None, ')' | ']' | '}') if depth > 0 => depth -= 1,
                (None, ',' | ']' | '}') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let word = rest[..end].trim();
        self.0.at += end;
        if word.is_empty() {
            return None;
        }
        let plain = word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
        Some(if plain {
            Value::Word(word.to_owned())
        } else {
            Value::Skipped
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_properties_table_is_a_list_of_its_properties() {
        let args = r#"content={[ { name: "telemetry", type: "OtelConfig", description: "The `telemetry` object, an Array<Span>.", }, { name: 'maxSteps', type: "number", isOptional: true, defaultValue: "5", description: "Steps, at most." }, ]}"#;
        assert_eq!(
            list(args).as_deref(),
            Some(
                "- **telemetry** (`OtelConfig`): The `telemetry` object, an Array\\<Span>.\n\
                 - **maxSteps** (`number`, optional, default: `5`): Steps, at most."
            )
        );
    }

    #[test]
    fn an_objects_fields_are_nested_below_it() {
        let args = r#"content={[{
            name: "pinecone", type: "PineconeConfig", isOptional: true,
            // its own options
            properties: [{ type: "object", parameters: [
                { name: "namespace", type: "string", description: "Where vectors go" },
            ] }],
        }]}"#;
        assert_eq!(
            list(args).as_deref(),
            Some(
                "- **pinecone** (`PineconeConfig`, optional)\n  \
                 - **namespace** (`string`): Where vectors go"
            )
        );
    }

    #[test]
    fn code_and_unnamed_data_are_not_a_list() {
        assert_eq!(list(r#"items={["pnpm", "npm"]}"#), None);
        assert_eq!(list("content={rows}"), None);
        assert_eq!(list(r#"content={[{ name: "a", type: "b""#), None);
        assert_eq!(
            list(r#"content={[{ name: "a", type: `x${y}`, description: make() }]}"#),
            None
        );
        assert_eq!(
            list(r#"content={[{ name: "a", type: "T", default: {} }]}"#).as_deref(),
            Some("- **a** (`T`)")
        );
        let deep = format!("content={{{}{}}}", "[".repeat(100), "]".repeat(100));
        assert_eq!(list(&deep), None);
    }

    #[test]
    fn a_type_with_backticks_keeps_them_in_its_code_span() {
        assert_eq!(code_span("a`b"), "`` a`b ``");
        assert_eq!(code_span("string"), "`string`");
    }
}

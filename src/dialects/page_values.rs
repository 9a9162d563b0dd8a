//! VitePress's `{{ $frontmatter.key }}`: a Vue expression that shows a
//! value of the page's own front matter (Directus's recipes open with
//! `> {{ $frontmatter.description }}` and an `Author: {{ $frontmatter.author }}`
//! tip).
//!
//! In: a body, and the values its expressions name ([`keys_shown`] says
//! which, the caller reads them from the front matter). Out: the text
//! each expression shows. An expression of anything else (a method call,
//! a key the front matter lacks or holds a list in) is a template tag
//! like any other.

use std::collections::{BTreeMap, BTreeSet};

/// A page's front matter values that its expressions show, by key, as
/// text.
pub type PageValues = BTreeMap<String, String>;

/// The prefix of an expression that names a front matter value.
const PREFIX: &str = "$frontmatter.";

/// The keys `body` shows with `{{ $frontmatter.key }}`.
pub fn keys_shown(body: &str) -> BTreeSet<&str> {
    let mut keys = BTreeSet::new();
    let mut from = 0;
    // Each expression is read from its `{{` to the next `}}`, and the
    // search goes on after it: linear in the body, however many `{{`.
    while let Some(at) = body[from..].find("{{").map(|at| from + at) {
        let Some(end) = body[at + 2..].find("}}").map(|close| at + 2 + close + 2) else {
            break;
        };
        if let Some(key) = key_of(&body[at..end]) {
            keys.insert(key);
        }
        from = end;
    }
    keys
}

/// The key the expression `expression` (a whole `{{ … }}`) shows, if it
/// is `$frontmatter.key`.
pub(super) fn key_of(expression: &str) -> Option<&str> {
    let inner = expression.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    let key = inner.strip_prefix(PREFIX)?;
    let name = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-');
    (!key.is_empty() && key.bytes().all(name)).then_some(key)
}

/// `title` (an admonition's, read as text) with each expression that
/// shows a value replaced by it, and left out when the page has none.
pub(super) fn fill(title: &str, values: &PageValues) -> String {
    let mut out = String::new();
    let mut rest = title;
    while let Some(at) = rest.find("{{") {
        let Some(close) = rest[at..].find("}}").map(|c| at + c + 2) else {
            break;
        };
        out.push_str(&rest[..at]);
        match key_of(&rest[at..close]) {
            Some(key) => out.push_str(values.get(key).map_or("", String::as_str)),
            None => out.push_str(&rest[at..close]),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_shown_are_found() {
        let body = "> {{ $frontmatter.description }}\n\n:::tip By {{$frontmatter.author}}\n\
                    {{ $frontmatter.tags.join(', ') }} {{ page.x }} {{$frontmatter.author}}\n";
        assert_eq!(
            keys_shown(body).into_iter().collect::<Vec<_>>(),
            ["author", "description"]
        );
        // Linear: a hundred thousand `{{` before one `}}` are read once.
        let many = format!("{}}}}}", "{{".repeat(100_000));
        assert!(keys_shown(&many).is_empty());
    }

    #[test]
    fn a_title_shows_the_values_it_names() {
        let values = PageValues::from([("author".to_owned(), "Ada".to_owned())]);
        assert_eq!(
            fill("Author: {{$frontmatter.author}}", &values),
            "Author: Ada"
        );
        assert_eq!(
            fill("By {{ $frontmatter.editor }} today", &values),
            "By today"
        );
        assert_eq!(fill("Keep {{ page.x }}", &values), "Keep {{ page.x }}");
    }
}

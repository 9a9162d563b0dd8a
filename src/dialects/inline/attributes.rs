//! HTML elements written with JSX attributes, as MDX pages write them:
//! `<img src={require('@site/static/img/lights.png').default} width={300} />`
//! (Docusaurus's way to size an image of its static files), `<img
//! src={useBaseUrl('/img/lights.png')} />`, `<video controls={true}>`.
//! No HTML parser reads such a tag: the page showed it as text. Each
//! attribute whose expression is a value written out (a string, a number,
//! `true`, the file a `require` or `useBaseUrl` names) becomes that value,
//! quoted; other expressions (`style={{…}}`, `onClick={…}`) are dropped,
//! as the element means the same without them. `className` is `class`.

use super::expression_end;
use super::tags::HTML_ELEMENTS;

/// The end of the tag of an HTML element opening at `at` whose attributes
/// hold JSX expressions, searched before `end`, and the tag as HTML; `None`
/// for any other tag (one without an expression is HTML already), and
/// with `ran_out` set when the tag ran to `end` without closing.
pub(super) fn html_tag(
    text: &str,
    at: usize,
    end: usize,
    ran_out: &mut bool,
) -> Option<(usize, String)> {
    let bytes = &text.as_bytes()[..end];
    let name_end = at
        + 1
        + bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
    let name = &text[at + 1..name_end];
    if !bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase) || !HTML_ELEMENTS.contains(&name) {
        return None;
    }
    let mut html = format!("<{name}");
    let mut expressions = false;
    let mut i = name_end;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            *ran_out = true;
            return None;
        };
        match b {
            b'>' => {
                html.push('>');
                return expressions.then_some((i + 1, html));
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                html.push_str(" />");
                return expressions.then_some((i + 2, html));
            }
            _ => {}
        }
        let attr_end = i + bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .count();
        if attr_end == i {
            return None;
        }
        let attr = match &text[i..attr_end] {
            "className" => "class",
            "htmlFor" => "for",
            attr => attr,
        };
        i = attr_end;
        if bytes.get(i) != Some(&b'=') {
            html.push(' ');
            html.push_str(attr);
            continue;
        }
        i += 1;
        match bytes.get(i) {
            Some(&quote @ (b'"' | b'\'')) => {
                let Some(len) = bytes[i + 1..].iter().position(|&b| b == quote) else {
                    *ran_out = true;
                    return None;
                };
                let value = &text[i + 1..i + 1 + len];
                push_attribute(&mut html, attr, value);
                i += len + 2;
            }
            Some(b'{') => {
                let Some(close) = expression_end(text, i, end) else {
                    *ran_out = true;
                    return None;
                };
                expressions = true;
                if let Some(value) = written_value(&text[i + 1..close - 1]) {
                    push_attribute(&mut html, attr, &value);
                }
                i = close;
            }
            _ => return None,
        }
    }
}

/// Adds ` attr="value"` to the tag `html`, the value's quotes escaped.
fn push_attribute(html: &mut String, attr: &str, value: &str) {
    html.push_str(&format!(" {attr}=\"{}\"", value.replace('"', "&quot;")));
}

/// The value the JSX expression `expression` writes out: a string literal
/// (a template without `${…}` too), a number, `true` (an empty value: the
/// attribute is set), or the string a `require(…)`, `require(…).default`
/// or `useBaseUrl(…)` is given; `None` for anything computed.
fn written_value(expression: &str) -> Option<String> {
    let expression = expression.trim();
    if expression == "true" {
        return Some(String::new());
    }
    if !expression.is_empty() && expression.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Some(expression.to_owned());
    }
    let called = ["require(", "useBaseUrl("].iter().find_map(|call| {
        let inner = expression.strip_prefix(call)?;
        let inner = inner
            .strip_suffix(").default")
            .or_else(|| inner.strip_suffix(')'))?;
        Some(inner.trim())
    });
    crate::dialects::properties::string_literal(called.unwrap_or(expression))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(tag: &str) -> Option<String> {
        let mut ran_out = false;
        let (end, html) = html_tag(tag, 0, tag.len(), &mut ran_out)?;
        assert_eq!(end, tag.len(), "{tag}");
        Some(html)
    }

    #[test]
    fn values_written_out_become_attributes() {
        assert_eq!(
            html("<img src={require('@site/static/img/a.png').default} alt=\"The lights\" width={300} />")
                .as_deref(),
            Some("<img src=\"@site/static/img/a.png\" alt=\"The lights\" width=\"300\" />")
        );
        assert_eq!(
            html("<img src={useBaseUrl(\"/img/a.png\")} className=\"shadow\">").as_deref(),
            Some("<img src=\"/img/a.png\" class=\"shadow\">")
        );
        assert_eq!(
            html("<video controls={true} src={`/clip.mp4`} muted>").as_deref(),
            Some("<video controls=\"\" src=\"/clip.mp4\" muted>")
        );
        // Computed values are dropped; the element stays.
        assert_eq!(
            html("<img src={logo} style={{width: '50%', border: '1px'}} alt='x \"y\"' />")
                .as_deref(),
            Some("<img alt=\"x &quot;y&quot;\" />")
        );
        assert_eq!(
            html("<a href={`/x/${id}`} target=\"_blank\">").as_deref(),
            Some("<a target=\"_blank\">")
        );
    }

    #[test]
    fn other_tags_are_left_to_the_other_readers() {
        // HTML already, a component, text, an unclosed tag.
        for tag in [
            "<img src=\"a.png\" />",
            "<Tabs x={1}>",
            "<notatag a={1}>",
            "<b>",
            "< img",
        ] {
            assert_eq!(html(tag), None, "{tag}");
        }
        let mut ran_out = false;
        let open = "<img src={require('a.png')} alt=\"x";
        assert_eq!(html_tag(open, 0, open.len(), &mut ran_out), None);
        assert!(ran_out);
    }
}

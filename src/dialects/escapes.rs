//! Shortcodes written to be shown, not run: Hugo's `{{</* name */>}}` and
//! `{{%/* name */%}}`, Zola's `{{/* name(…) */}}` and `{%/* name(…) */%}`.
//! Both generators read shortcodes everywhere in a page, code blocks
//! included, so their documentation writes every example of one escaped;
//! the reader sees it without the comment marks (`{{< name >}}`,
//! `{{ name(…) }}`).
//!
//! Go templates write a comment `{{/* … */}}` too, which Hugo shows as
//! written: Zola's inline form is only read as an escape when what it
//! holds is a call (`name(…)`), as Zola's shortcodes are written.

use std::borrow::Cow;

/// An escaped form: its opening and closing marks, what they are shown
/// as, and whether it holds only a call.
pub(super) struct Escape {
    pub(super) open: &'static str,
    pub(super) close: &'static str,
    shown: (&'static str, &'static str),
    call_only: bool,
}

/// The escaped forms, Hugo's first.
pub(super) const ESCAPES: [Escape; 4] = [
    Escape::new("{{</*", "*/>}}", ("{{<", ">}}"), false),
    Escape::new("{{%/*", "*/%}}", ("{{%", "%}}"), false),
    Escape::new("{%/*", "*/%}", ("{%", "%}"), false),
    Escape::new("{{/*", "*/}}", ("{{", "}}"), true),
];

impl Escape {
    const fn new(
        open: &'static str,
        close: &'static str,
        shown: (&'static str, &'static str),
        call_only: bool,
    ) -> Self {
        Self {
            open,
            close,
            shown,
            call_only,
        }
    }

    /// What the reader sees of the escape holding `inner`, if it is one.
    pub(super) fn shown(&self, inner: &str) -> Option<String> {
        if self.call_only && !is_call(inner) {
            return None;
        }
        let (open, close) = self.shown;
        Some(format!("{open}{inner}{close}"))
    }
}

/// Whether `inner` is a Zola shortcode's call: a name, then its arguments
/// in parentheses, closing it.
fn is_call(inner: &str) -> bool {
    let inner = inner.trim();
    let name = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    name > 0 && inner[name..].starts_with('(') && inner.ends_with(')')
}

/// The code block `code` as the reader sees it: each escaped shortcode
/// shown as written to be shown. Each form is looked for once past where
/// its last closer was missing, so that this is linear in the code.
pub fn shown_in_code(code: &str) -> Cow<'_, str> {
    if !code.contains("{{") && !code.contains("{%") {
        return Cow::Borrowed(code);
    }
    let mut shown = String::with_capacity(code.len());
    let mut unclosed = [false; ESCAPES.len()];
    let mut at = 0;
    let mut replaced = false;
    while let Some(found) = code[at..].find('{') {
        let start = at + found;
        let rest = &code[start..];
        let escaped = ESCAPES.iter().enumerate().find_map(|(i, escape)| {
            if unclosed[i] || !rest.starts_with(escape.open) {
                return None;
            }
            let Some(end) = rest[escape.open.len()..].find(escape.close) else {
                unclosed[i] = true;
                return None;
            };
            let inner = &rest[escape.open.len()..escape.open.len() + end];
            let len = escape.open.len() + end + escape.close.len();
            escape.shown(inner).map(|s| (len, s))
        });
        match escaped {
            Some((len, replacement)) => {
                shown.push_str(&code[at..start]);
                shown.push_str(&replacement);
                at = start + len;
                replaced = true;
            }
            None => {
                shown.push_str(&code[at..=start]);
                at = start + 1;
            }
        }
    }
    if !replaced {
        return Cow::Borrowed(code);
    }
    shown.push_str(&code[at..]);
    Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    use super::shown_in_code;

    #[test]
    fn escaped_shortcodes_are_shown_as_written_to_be_shown() {
        assert_eq!(
            shown_in_code("{{</* figure src=\"a.png\" */>}}\n{{%/* note */%}}x{{%/* /note */%}}"),
            "{{< figure src=\"a.png\" >}}\n{{% note %}}x{{% /note %}}"
        );
        assert_eq!(
            shown_in_code("port: {{/* get_env(name=\"PORT\", default=5150) */}}"),
            "port: {{ get_env(name=\"PORT\", default=5150) }}"
        );
        assert_eq!(
            shown_in_code("{%/* note(kind=\"tip\") */%}\nBody\n{%/* end */%}"),
            "{% note(kind=\"tip\") %}\nBody\n{% end %}"
        );
    }

    #[test]
    fn other_braces_are_left_as_written() {
        for code in [
            "{{/* a Go template comment */}}",
            "{{ .Title }} {% if x %}",
            "{{</* never closed",
            "{{/* f() */ }}",
            "{ {/* x() */} }",
            "",
        ] {
            assert_eq!(shown_in_code(code), code);
        }
        assert!(matches!(
            shown_in_code("{{ x }}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

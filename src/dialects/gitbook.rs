//! GitBook's blocks, written as Liquid-like tags on lines of their own:
//! `{% hint style="warning" %}` … `{% endhint %}` becomes an alert, a tab
//! (`{% tab title="Windows" %}`) and a titled code block (`{% code
//! title="app.yml" %}`) show their title, a step (`{% step %}`) is an
//! item of an ordered list (the article's numbered steps), tab groups,
//! steppers, columns and page references (`{% content-ref %}`) show their
//! content, and an embed or a file (`{% embed url="…" %}`, `{% file
//! src="…" %}`) a link to it.
//!
//! Other tags are not GitBook blocks: `{% include "x.md" %}` is a file
//! include (`lines::syntax::is_include_tag`), `{% openapi %}` and Jekyll's
//! `{% if %}` are dropped by the inline pass with a warning.

use super::containers::{Admonition, AlertKind, Fence, Marker};

/// The blocks, by the name that opens them (`end` + name closes them).
/// Their place in this list tells their fences apart: a closer closes only
/// a block of its own name.
const BLOCKS: &[&str] = &[
    "hint",
    "tabs",
    "tab",
    "stepper",
    "step",
    "code",
    "content-ref",
    "columns",
    "column",
    "updates",
    "update",
    "code-tabs",
    "code-tabs-item",
];

/// What the line `line` (without its indentation) opens, closes or shows
/// as a GitBook block tag, if it is one; a hint written on one line
/// (`{% hint style='info' %}Text{% endhint %}`, as GitBook's legacy
/// plugin wrote it) is an alert of that line.
pub(super) fn marker(line: &str) -> Option<Marker> {
    let line = line.trim_end();
    if let Some(text) = line.strip_suffix("{% endhint %}")
        && let Some(args) = text.strip_prefix("{% hint")
        && let Some((args, text)) = args.split_once("%}")
    {
        let kind = hint(args).kind.marker();
        return Some(Marker::Line(format!("> [!{kind}]\n> {}", text.trim())));
    }
    let inside = line.strip_prefix("{%")?.strip_suffix("%}")?.trim();
    let name_len = inside
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(inside.len());
    let (name, args) = inside.split_at(name_len);
    if let Some(block) = name.strip_prefix("end")
        && let Some(fence) = fence(block)
    {
        return Some(Marker::ColonClose(fence));
    }
    match name {
        "embed" => {
            return Some(Marker::Line(super::link(
                super::attribute(args, "url")?,
                None,
            )));
        }
        "file" => {
            let src = super::attribute(args, "src")?;
            let name = src.rsplit('/').next().unwrap_or(src);
            return Some(Marker::Line(super::link(src, Some(name))));
        }
        "endembed" | "endfile" => return Some(Marker::Line(String::new())),
        _ => {}
    }
    let fence = fence(name)?;
    Some(match name {
        "hint" => Marker::Colon(fence, Some(hint(args))),
        "step" => Marker::Step(fence),
        "tab" | "code" | "code-tabs-item" => match super::attribute(args, "title") {
            Some(title) => Marker::FencedTab(fence, super::inline_text(title)),
            None => Marker::Colon(fence, None),
        },
        _ => Marker::Colon(fence, None),
    })
}

/// The alert of a hint whose tag's arguments are `args`: GitBook's styles
/// (`info`, `success`, `warning`, `danger`), and its legacy plugin's
/// (`tip`, `working`).
fn hint(args: &str) -> Admonition {
    let kind = match super::attribute(args, "style").unwrap_or("info") {
        "success" | "tip" => AlertKind::Tip,
        "warning" => AlertKind::Warning,
        "danger" => AlertKind::Caution,
        _ => AlertKind::Note,
    };
    Admonition {
        kind,
        title: None,
        collapsible: None,
    }
}

/// The fence of the block named `name`.
fn fence(name: &str) -> Option<Fence> {
    let at = BLOCKS.iter().position(|b| *b == name)?;
    Some(Fence::gitbook(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialects::attribute;

    #[test]
    fn hints_become_alerts_closed_by_their_own_end_tag() {
        let Some(Marker::Colon(fence, Some(hint))) = marker("{% hint style=\"danger\" %}") else {
            panic!("not a hint");
        };
        assert_eq!(hint.kind, AlertKind::Caution);
        assert_eq!(marker("{% endhint %}"), Some(Marker::ColonClose(fence)));
        let Some(Marker::ColonClose(tab_end)) = marker("{%endtab%}") else {
            panic!("not a closer");
        };
        assert!(fence.closed_by(fence));
        assert!(
            !fence.closed_by(tab_end),
            "an end tag closes its own block only"
        );
        let plain = marker("{% hint %}");
        assert!(matches!(
            plain,
            Some(Marker::Colon(
                _,
                Some(Admonition {
                    kind: AlertKind::Note,
                    ..
                })
            ))
        ));
    }

    #[test]
    fn legacy_hints_in_single_quotes_and_on_one_line() {
        assert!(matches!(
            marker("{% hint style='tip' %}"),
            Some(Marker::Colon(
                _,
                Some(Admonition {
                    kind: AlertKind::Tip,
                    ..
                })
            ))
        ));
        assert_eq!(
            marker("{% hint style='danger' %}Back up **first**.{% endhint %}"),
            Some(Marker::Line("> [!CAUTION]\n> Back up **first**.".into()))
        );
    }

    #[test]
    fn tabs_and_code_show_their_title_and_the_rest_their_content() {
        assert!(matches!(
            marker("{% tab title=\"Windows *10*\" %}"),
            Some(Marker::FencedTab(_, title)) if title == "Windows 10"
        ));
        assert!(matches!(
            marker("{% code title=\"app.yml\" overflow=\"wrap\" lineNumbers=\"true\" %}"),
            Some(Marker::FencedTab(_, title)) if title == "app.yml"
        ));
        assert!(matches!(marker("{% step %}"), Some(Marker::Step(_))));
        for plain in [
            "{% tabs %}",
            "{% code %}",
            "{% stepper %}",
            "{% content-ref url=\"a.md\" %}",
        ] {
            assert!(
                matches!(marker(plain), Some(Marker::Colon(_, None))),
                "{plain}"
            );
        }
    }

    #[test]
    fn embeds_and_files_become_links() {
        assert_eq!(
            marker("{% embed url=\"https://www.youtube.com/watch?v=a\" %}"),
            Some(Marker::Line(
                "[https\\:\\/\\/www\\.youtube\\.com\\/watch\\?v\\=a](<https://www.youtube.com/watch?v=a>)"
                    .into()
            ))
        );
        assert_eq!(
            marker("{% file src=\".gitbook/assets/guide (1).pdf\" %}"),
            Some(Marker::Line(
                "[guide \\(1\\)\\.pdf](<.gitbook/assets/guide (1).pdf>)".into()
            ))
        );
        assert_eq!(marker("{% endembed %}"), Some(Marker::Line(String::new())));
    }

    #[test]
    fn other_tags_are_not_gitbook_blocks() {
        for other in [
            "{% if site.x %}",
            "{% endif %}",
            "{% include \"../.gitbook/includes/x.md\" %}",
            "{% openapi src=\"a.yaml\" path=\"/x\" method=\"get\" %}",
            "{% hint style=\"info\" %} inline text",
            "{% embed %}",
            "{{ hint }}",
        ] {
            assert_eq!(marker(other), None, "{other}");
        }
    }

    #[test]
    fn attributes_are_read_by_name_not_by_a_longer_one() {
        assert_eq!(attribute("subtitle=\"a\" title=\"b\"", "title"), Some("b"));
        assert_eq!(attribute("title = \"a b\"", "title"), Some("a b"));
        assert_eq!(attribute("title=a", "title"), None);
        assert_eq!(attribute("title=\"unclosed", "title"), None);
        // As code blocks' info strings write them.
        assert_eq!(attribute("python,title=\"a.py\"", "title"), Some("a.py"));
        assert_eq!(attribute("{title=\"a.py\"}", "title"), Some("a.py"));
    }
}

//! Property tests: highlighting never changes the text of any code, in any
//! language.

use super::*;
use proptest::prelude::*;

/// The text of highlighted HTML: spans removed, entities decoded.
fn text_of(html: &str) -> String {
    let inner = html
        .split_once("\">")
        .map_or(html, |(_, rest)| rest)
        .trim_start_matches("<pre><code>")
        .trim_end_matches("</code></pre>\n");
    let mut text = String::new();
    let mut rest = inner;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let Some(close) = rest[at..].find('>') else {
            break;
        };
        rest = &rest[at + close + 1..];
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Hostile code (unclosed strings, comments and tags, here-strings,
    /// stray quotes, NUL and control characters, lone CR, bidi marks)
    /// never panics, keeps its text and holds no markup of its own.
    #[test]
    fn any_code_keeps_its_text_in_any_language(
        language in proptest::sample::select(&super::tests::LANGUAGES[..]),
        code in prop_oneof![
            any::<String>(),
            "([\"'`$%@{}()<>&;#\\\\/*=\\- \t\r\n\u{0}\u{1b}\u{202e}]|<!--|-->|\"\"\"|@\"|\"@|/\\*|\\*/|<<EOF|\\$\\{|[a-z0-9]{1,6}){0,40}",
        ],
    ) {
        let html = code_block(Some(language), &code);
        let again = code_block(Some(language), &code);
        prop_assert_eq!(&html, &again);
        prop_assert_eq!(text_of(&html), code.clone());
        // The only tags inside the code are the classes' spans.
        let inner = html.split_once("\">").map_or("", |(_, r)| r);
        let inner = inner.strip_suffix("</code></pre>\n").unwrap_or_default();
        for tag in inner.split('<').skip(1) {
            let (tag, _) = tag.split_once('>').unwrap_or((tag, ""));
            let class = tag.strip_prefix("span class=\"hl-").and_then(|c| c.strip_suffix('"'));
            let known = class.is_some_and(|c| CLASSES.iter().any(|(name, _)| *name == c));
            prop_assert!(tag == "/span" || known, "{}", html);
        }
    }
}

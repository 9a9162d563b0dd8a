//! Emoji and icon shortcodes: `:smile:` as GitHub and PyMdown's emoji
//! extension write an emoji, and `:material-check:`,
//! `:octicons-alert-16:`, `:fontawesome-brands-github:` as MkDocs
//! Material writes an icon of its bundled sets.
//!
//! An emoji shortcode becomes its emoji (GitHub's table, from the `emojis`
//! crate, or the emoji's Unicode name as JoyPixels' codes write it). An icon is drawn by the other tool's theme, which tier0 does
//! not have: one whose name is an emoji's shows that emoji
//! (`:material-bug:` → 🐛), the marks that carry meaning in tables show as
//! text (a check ✓, a cross ✗, arrows, an ellipsis), and the others, decoration beside
//! their words, are left out. A reader never sees the code.

use std::borrow::Cow;

/// The icon sets MkDocs Material bundles, by the prefix of their codes.
const ICON_SETS: [&str; 7] = [
    "material-",
    "octicons-",
    "fontawesome-brands-",
    "fontawesome-regular-",
    "fontawesome-solid-",
    "simple-",
    "lucide-",
];

/// The shortcode opening with the `:` at `at` of `text`, ending before
/// `end`: where it ends and what shows in its place (empty: nothing).
/// `None` for any other colon, such as those of `12:30:00` or `a::b`.
pub(super) fn shortcode(text: &str, at: usize, end: usize) -> Option<(usize, &'static str)> {
    let bytes = &text.as_bytes()[..end];
    let touches = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b':');
    if at > 0 && touches(bytes.get(at - 1)) {
        return None;
    }
    let len = bytes[at + 1..]
        .iter()
        .take(80)
        .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_+-".contains(b))
        .count();
    let close = at + 1 + len;
    if len == 0 || bytes.get(close) != Some(&b':') || touches(bytes.get(close + 1)) {
        return None;
    }
    let name = &text[at + 1..close];
    let shown = match emojis::get_by_shortcode(name).or_else(|| by_name(name)) {
        Some(emoji) => emoji.as_str(),
        None => icon(name)?,
    };
    Some((close + 1, shown))
}

/// The emoji whose Unicode name, words joined by `_`, is `code`: the
/// shortcodes of JoyPixels' table, which PyMdown's emoji extension uses by
/// default, where GitHub's differ (`:man_raising_hand:` for GitHub's
/// `:raising_hand_man:`).
fn by_name(code: &str) -> Option<&'static emojis::Emoji> {
    static NAMES: std::sync::OnceLock<std::collections::HashMap<String, &'static emojis::Emoji>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        emojis::iter()
            .map(|emoji| (emoji.name().replace(' ', "_"), emoji))
            .collect()
    });
    names.get(code).copied()
}

/// What an icon of one of the [`ICON_SETS`] shows; `None` for a name of
/// no set.
fn icon(code: &str) -> Option<&'static str> {
    let name = ICON_SETS.iter().find_map(|set| code.strip_prefix(set))?;
    // Octicons come in sizes: `alert-16`, `alert-24`.
    let name = name
        .rsplit_once('-')
        .filter(|(_, size)| size.bytes().all(|b| b.is_ascii_digit()))
        .map_or(name, |(name, _)| name);
    let mark = mark(name).unwrap_or_else(|| {
        let emoji = emojis::get_by_shortcode(&name.replace('-', "_"));
        emoji.map_or("", emojis::Emoji::as_str)
    });
    Some(mark)
}

/// The mark an icon named `name` (lowercase, words joined by `-`) shows
/// as text where it carries meaning, as in a table's cells: a check, a
/// cross, an arrow, an ellipsis.
pub(super) fn mark(name: &str) -> Option<&'static str> {
    Some(match name {
        "check" | "check-all" | "check-bold" | "check-circle" | "checkbox-marked" | "tick" => "✓",
        "close" | "close-thick" | "x" | "xmark" | "x-circle" | "cross" | "times" => "✗",
        "arrow-right" => "→",
        "arrow-left" => "←",
        "dots-horizontal" => "…",
        _ => return None,
    })
}

/// `text` with its shortcodes replaced, for titles written in Markdown.
pub(super) fn replace_all(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(colon) = text[i..].find(':').map(|c| i + c) {
        match shortcode(text, colon, text.len()) {
            Some((end, shown)) => {
                out.push_str(&text[copied..colon]);
                out.push_str(shown);
                copied = end;
                i = end;
            }
            None => i = colon + 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Option<&'static str> {
        shortcode(text, 0, text.len()).map(|(end, shown)| {
            assert_eq!(end, text.len(), "{text}");
            shown
        })
    }

    #[test]
    fn emoji_shortcodes_are_their_emoji() {
        assert_eq!(shown(":smile:"), Some("😄"));
        assert_eq!(shown(":warning:"), Some("⚠️"));
        assert_eq!(shown(":white_check_mark:"), Some("✅"));
        assert_eq!(shown(":+1:"), Some("👍"));
        // JoyPixels' codes, as MkDocs Material's docs write them.
        assert_eq!(shown(":man_raising_hand:"), Some("🙋‍♂️"));
        assert_eq!(shown(":woman_in_lotus_position:"), Some("🧘‍♀️"));
    }

    #[test]
    fn icons_show_an_emoji_a_mark_or_nothing() {
        assert_eq!(shown(":material-bug:"), Some("🐛"));
        assert_eq!(shown(":material-check:"), Some("✓"));
        assert_eq!(shown(":material-close:"), Some("✗"));
        assert_eq!(shown(":octicons-check-16:"), Some("✓"));
        assert_eq!(shown(":octicons-arrow-right-24:"), Some("→"));
        assert_eq!(shown(":fontawesome-brands-github:"), Some(""));
        assert_eq!(shown(":simple-python:"), Some(""));
    }

    #[test]
    fn other_colons_are_text() {
        for text in [
            ":not-an-emoji:",
            ":Smile:",
            "::",
            ":smile",
            ":smile :",
            ":smile:x",
            ":smile::",
        ] {
            assert_eq!(shown(text), None, "{text}");
        }
        // Inside a time, a Rust path or a word.
        assert_eq!(shortcode("12:100:00", 2, 9), None);
        assert_eq!(shortcode("a::tent::b", 2, 10), None);
        assert_eq!(shortcode("x:tent:", 1, 7), None);
        // In a path as MkDocs Material's blog docs write one.
        assert_eq!(
            shortcode("blog/:material-dots-horizontal:/", 5, 32),
            Some((31, "…"))
        );
    }

    #[test]
    fn titles_have_their_shortcodes_replaced() {
        assert_eq!(
            replace_all(":material-bug: Bugs :warning: at 10:30"),
            "🐛 Bugs ⚠️ at 10:30"
        );
        assert!(matches!(replace_all("No: codes"), Cow::Borrowed(_)));
    }
}

//! Error codes and other long identifiers break where they read.
//!
//! `ERR_CONNECTION_RESET` in a narrow card breaks at its last character
//! that fits (`ERR_CONNECTION_RES|ET`) when the browser may break anywhere,
//! and overflows the card when it may not. The `breakable` filter of the
//! templates escapes a text and adds `<wbr>` (a line break opportunity)
//! after each `_`, `.`, `-` and `/` between two letters or digits of a long
//! word, so such a word breaks only there; the theme's CSS breaks a word
//! elsewhere only when one of its parts is wider than the line.

use tera::{Kwargs, State, Value};

/// Words shorter than this (in characters) get no break opportunities:
/// they fit a line, and `e.g.` must not break.
const LONG_WORD: usize = 12;

/// `text`, HTML-escaped, with `<wbr>` after the separators of its long words.
pub fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        let long = chars.len() >= LONG_WORD;
        for (j, &c) in chars.iter().enumerate() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#x27;"),
                _ => out.push(c),
            }
            let between = j > 0
                && chars[j - 1].is_alphanumeric()
                && chars.get(j + 1).is_some_and(|n| n.is_alphanumeric());
            if long && between && matches!(c, '_' | '.' | '-' | '/') {
                out.push_str("<wbr>");
            }
        }
    }
    out
}

/// Registers `breakable` with the templates.
pub(super) fn register(tera: &mut tera::Tera) {
    tera.register_filter("breakable", |text: &str, _: Kwargs, _: &State| {
        Value::safe_string(&breakable(text))
    });
}

#[cfg(test)]
mod tests {
    use super::breakable;

    #[test]
    fn long_codes_break_after_their_separators_only() {
        assert_eq!(
            breakable("Error ERR_CONNECTION_RESET en Chrome"),
            "Error ERR_<wbr>CONNECTION_<wbr>RESET en Chrome"
        );
        assert_eq!(
            breakable("ayuda.acme.example/kb"),
            "ayuda.<wbr>acme.<wbr>example/<wbr>kb"
        );
        assert_eq!(
            breakable("Wi-Fi, e.g. 0x80070005"),
            "Wi-Fi, e.g. 0x80070005"
        );
        assert_eq!(breakable("a_b"), "a_b");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            breakable("<script>\"x\" & 'y'_LONG_ENOUGH"),
            "&lt;script&gt;&quot;x&quot; &amp; &#x27;y&#x27;_LONG_<wbr>ENOUGH"
        );
    }
}

//! Keyboard keys as PyMdown's keys extension writes them: `++ctrl+alt+del++`
//! (key names joined by `+`), `++"Python: Select Interpreter"++` (a quoted
//! label). Each key becomes a `<kbd>` element, `Ctrl`+`Alt`+`Del`, as
//! MkDocs Material shows them.

/// The keys opening with the `++` at `at` of `text`, ending before `end`:
/// where they end and the HTML that shows them. `None` for any other
/// `++` (`C++`, `i++ + ++j`).
pub(super) fn keys(text: &str, at: usize, end: usize) -> Option<(usize, String)> {
    let bytes = &text.as_bytes()[..end];
    let before = at.checked_sub(1).and_then(|i| bytes.get(i));
    if before.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'+') {
        return None;
    }
    let inner_start = at + 2;
    let mut i = inner_start;
    let mut shown = String::new();
    loop {
        let key_end = match bytes.get(i)? {
            b'"' => i + 1 + text[i + 1..end].find('"')? + 1,
            _ => {
                i + bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b'_')
                    .count()
            }
        };
        if key_end == i {
            return None;
        }
        if !shown.is_empty() {
            shown.push('+');
        }
        shown.push_str("<kbd>");
        pulldown_cmark_escape::escape_html_body_text(&mut shown, &label(&text[i..key_end])).ok()?;
        shown.push_str("</kbd>");
        if bytes[key_end..].starts_with(b"++") {
            return Some((key_end + 2, shown));
        }
        if bytes.get(key_end) != Some(&b'+') {
            return None;
        }
        i = key_end + 1;
    }
}

/// How a key reads: a quoted label as written, a key name in capitals
/// (`page-up` → `Page Up`).
fn label(key: &str) -> String {
    if let Some(quoted) = key.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
        return quoted.to_owned();
    }
    key.split(['-', '_'])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Option<String> {
        keys(text, 0, text.len()).map(|(end, shown)| {
            assert_eq!(end, text.len(), "{text}");
            shown
        })
    }

    #[test]
    fn keys_are_kbd_elements() {
        assert_eq!(
            shown("++ctrl+alt+del++").as_deref(),
            Some("<kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>Del</kbd>")
        );
        assert_eq!(
            shown("++arrow-up++").as_deref(),
            Some("<kbd>Arrow Up</kbd>")
        );
        assert_eq!(
            shown("++\"Python: <Select>\"++").as_deref(),
            Some("<kbd>Python: &lt;Select&gt;</kbd>")
        );
    }

    #[test]
    fn other_pluses_are_text() {
        for text in [
            "++",
            "++ ctrl++",
            "++ctrl",
            "++ctrl+",
            "++\"open++",
            "++a b++",
        ] {
            assert_eq!(shown(text), None, "{text}");
        }
        assert_eq!(keys("C++ and ++x++", 1, 13), None);
        assert_eq!(keys("i++ + ++j", 1, 9), None);
    }
}

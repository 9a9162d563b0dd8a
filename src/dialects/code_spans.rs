//! Code spans as PyMdown's InlineHilite writes them: `` `#!py3 True` ``
//! names the language of the code after it, which Python-Markdown
//! highlights and shows without the `#!py3 `. tier0 shows the code alone.

/// What a reader sees of the code span `code`: without the language
/// InlineHilite's shebang names before it (`#!py3 True` → `True`). The
/// name is one or more of `A-Z a-z 0-9 _ # . + -` followed by white
/// space and some code, so that a shell's `#!/bin/sh` and a lone
/// `#!python` stay as written.
pub fn shown_code(code: &str) -> &str {
    let Some(rest) = code.strip_prefix("#!") else {
        return code;
    };
    let name = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '#' | '.' | '+' | '-')))
        .unwrap_or(rest.len());
    let shown = rest[name..].trim_start();
    if name == 0 || shown.len() == rest.len() - name || shown.is_empty() {
        return code;
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::shown_code;

    #[test]
    fn a_named_language_is_left_out() {
        assert_eq!(shown_code("#!py3 True"), "True");
        assert_eq!(shown_code("#!html <pre><code>"), "<pre><code>");
        assert_eq!(shown_code("#!c++  a + b"), "a + b");
    }

    #[test]
    fn other_code_is_as_written() {
        for code in [
            "#!/bin/sh",
            "#!python",
            "#! x",
            "#!py3 ",
            "True",
            "a #!py b",
        ] {
            assert_eq!(shown_code(code), code);
        }
    }
}

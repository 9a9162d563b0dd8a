//! JavaScript, TypeScript and Python configurations read as text, never
//! run: the tokens that object and array literals are made of, comments
//! left out, for the modules that read a generator's configuration
//! (VitePress's `locales` and `srcExclude`, Docusaurus's `i18n`, Sphinx's
//! `exclude_patterns`).

/// A piece of a script, as far as object literals go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// An identifier or a number.
    Word(&'a str),
    /// The inside of a string literal (quoted with `'`, `"` or a backtick).
    Text(&'a str),
    Colon,
    /// `=`, Python's assignment.
    Equals,
    /// `{`, `[` or `(`.
    Open,
    /// `}`, `]` or `)`.
    Close,
    /// Anything else.
    Other,
}

/// The tokens of `script`, comments left out.
pub(super) fn tokens(script: &str) -> Vec<Token<'_>> {
    let bytes = script.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'/' if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => {
                i += crate::javascript::blank_len(&script[i..]);
                continue;
            }
            b'\'' | b'"' | b'`' => {
                let mut end = i + 1;
                while end < bytes.len() && bytes[end] != c {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let end = end.min(bytes.len());
                tokens.push(Token::Text(&script[i + 1..end]));
                i = end + 1;
                continue;
            }
            b':' => tokens.push(Token::Colon),
            b'=' => tokens.push(Token::Equals),
            b'{' | b'[' | b'(' => tokens.push(Token::Open),
            b'}' | b']' | b')' => tokens.push(Token::Close),
            _ if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' => {
                let end = script[i..]
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '$'))
                    .map_or(bytes.len(), |n| i + n);
                tokens.push(Token::Word(&script[i..end]));
                i = end;
                continue;
            }
            _ if c.is_ascii_whitespace() => {}
            _ => tokens.push(Token::Other),
        }
        i += 1;
    }
    tokens
}

/// The tokens of the literal that `tokens[open]` (an [`Token::Open`])
/// opens, each as its index and its depth in the literal (1 for the
/// literal's own, 2 inside an object or array it holds), up to the token
/// that closes it.
pub(super) fn literal<'t>(
    tokens: &'t [Token<'t>],
    open: usize,
) -> impl Iterator<Item = (usize, usize)> + 't {
    let mut depth = 0usize;
    let inside = tokens.iter().enumerate().skip(open);
    inside.map_while(move |(at, token)| {
        match token {
            Token::Open => depth += 1,
            Token::Close => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
        Some((at, depth))
    })
}

/// The string literals of the array that `tokens` give `key`
/// (`key: [...]` with `separator` [`Token::Colon`], `key = [...]` with
/// [`Token::Equals`]), at its own depth; `None` when no such array is
/// written.
pub(super) fn strings_of<'a>(
    tokens: &[Token<'a>],
    key: &str,
    separator: Token<'_>,
) -> Option<Vec<&'a str>> {
    let open = tokens
        .windows(3)
        .position(|w| w[0] == Token::Word(key) && w[1] == separator && w[2] == Token::Open)?
        + 2;
    let strings = literal(tokens, open).filter_map(|(at, depth)| match tokens[at] {
        Token::Text(text) if depth == 1 => Some(text),
        _ => None,
    });
    Some(strings.collect())
}

/// `python` without its comments (`#` to the end of a line, outside a
/// string), which [`tokens`] does not know.
pub(super) fn without_python_comments(python: &str) -> String {
    let mut kept = String::with_capacity(python.len());
    for line in python.split_inclusive('\n') {
        let mut quote = None;
        let mut escaped = false;
        let mut end = line.len();
        for (at, c) in line.char_indices() {
            match (quote, c) {
                _ if escaped => escaped = false,
                (Some(_), '\\') => escaped = true,
                (Some(q), c) if c == q => quote = None,
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') => {
                    end = at;
                    break;
                }
                _ => {}
            }
        }
        kept.push_str(&line[..end]);
        if end < line.len() && line.ends_with('\n') {
            kept.push('\n');
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strings_of_an_array_are_read_in_python_and_javascript() {
        let python = "exclude_patterns = [  # don't publish\n    '_build', \"drafts/**\",\n                          'a#b',  # 'no'\n]\n";
        let stripped = without_python_comments(python);
        assert_eq!(
            strings_of(&tokens(&stripped), "exclude_patterns", Token::Equals),
            Some(vec!["_build", "drafts/**", "a#b"])
        );
        let js = "export default { srcExclude: ['**/README.md', { x: 'y' }], title: 'z' }";
        assert_eq!(
            strings_of(&tokens(js), "srcExclude", Token::Colon),
            Some(vec!["**/README.md"])
        );
        assert_eq!(strings_of(&tokens(js), "title", Token::Colon), None);
    }
}

//! What tier0 reads of JavaScript without running it, shared by the
//! readers of literals: Nextra's `_meta.js` and Docusaurus's `sidebars.js`
//! (`parse`), the data a component's attribute holds (`dialects`), and the
//! tokens of VitePress's and Docusaurus's configurations (`discover`).

/// A place in JavaScript's text, read forward.
pub struct Cursor<'a> {
    text: &'a str,
    /// The offset read to.
    pub at: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at `at` of `text`.
    pub fn new(text: &'a str, at: usize) -> Self {
        Cursor { text, at }
    }

    /// The text from [`Self::at`] on.
    pub fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// Skips blanks and comments.
    pub fn skip(&mut self) {
        self.at += blank_len(self.rest());
    }

    /// Past blanks and comments, takes `c` if it comes next.
    pub fn eat(&mut self, c: char) -> bool {
        self.skip();
        let found = self.rest().starts_with(c);
        if found {
            self.at += c.len_utf8();
        }
        found
    }
}

/// The length of the blanks and comments (`// …` to the end of its line,
/// `/* … */`) that `text` starts with: where its code starts.
pub fn blank_len(text: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if let Some(comment) = trimmed.strip_prefix("/*") {
            at += comment.find("*/").map_or(trimmed.len(), |end| end + 4);
        } else {
            return at;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_and_comments_are_skipped_to_the_code() {
        assert_eq!(blank_len("  // a\n  /* b */ x"), 17);
        assert_eq!(blank_len("x // a"), 0);
        assert_eq!(blank_len("/* never closed"), 15);
        assert_eq!(blank_len("// to the end"), 13);
        let mut cursor = Cursor::new("[ /* a */ 1]", 1);
        assert!(cursor.eat('1') && !cursor.eat(',') && cursor.rest() == "]");
    }
}

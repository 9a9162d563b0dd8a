//! Constructs of the reading pass that start a line and may go on over
//! the next lines of their paragraph (a shortcode, a comment, an MDX
//! expression or a component tag), and the ES module lines MDX drops.

use super::syntax::paragraph_end;
use super::{Pass, inline};
use crate::dialects::inline::{Construct, Kind};

impl Pass<'_> {
    /// Whether `line` is an ES module line that MDX drops (and, in a
    /// Markdown file, an `import … from '…'` that makes it MDX).
    pub(super) fn esm(&mut self, line: &str) -> bool {
        let statement = ["import ", "import{", "export ", "export{"]
            .iter()
            .any(|k| line.starts_with(k));
        if self.mdx {
            return statement;
        }
        let line = line.trim_end().trim_end_matches(';');
        let from_module =
            line.starts_with("import ") && line.ends_with(['\'', '"']) && line.contains(" from ");
        self.mdx = from_module;
        from_module
    }

    /// A construct starting a line and maybe going on over the next lines
    /// of its paragraph: a shortcode, a comment, an MDX expression or a
    /// component tag.
    pub(super) fn spanning(&mut self, at: usize, line_end: usize) -> Option<Construct> {
        let body = self.body;
        let rest = &body[at..];
        let opens = ["{{", "{%", "{/*"].iter().any(|o| rest.starts_with(o))
            || (self.mdx && rest.starts_with('{'))
            || (rest.starts_with('<')
                && rest[1..]
                    .trim_start_matches('/')
                    .starts_with(|c: char| c.is_ascii_uppercase()));
        if !opens {
            return None;
        }
        if line_end > self.paragraph_end {
            self.paragraph_end = paragraph_end(body, line_end);
        }
        let limit = self.paragraph_end;
        let found = if rest.starts_with('{') {
            inline::brace_construct(body, at, limit, false, &mut Default::default())
                .or_else(|| self.expression(at, limit))
        } else {
            inline::jsx_tag(body, at, limit).map(|end| Construct {
                kind: Kind::Jsx,
                range: at..end,
                replacement: String::new(),
            })
        };
        if found.is_none() {
            self.give_up_until = limit;
        }
        // One that ends on its line is left to the line's own reading.
        found.filter(|c| c.range.end > line_end || c.kind == Kind::Hidden)
    }

    /// An MDX `{expression}` standing on its own lines.
    fn expression(&self, at: usize, limit: usize) -> Option<Construct> {
        if !self.mdx {
            return None;
        }
        let end = inline::expression_end(self.body, at, limit)?;
        let rest_of_line = self.body[end..].split('\n').next().unwrap_or("");
        rest_of_line.trim().is_empty().then(|| Construct {
            kind: Kind::Hidden,
            range: at..end,
            replacement: String::new(),
        })
    }
}

//! Named placeholders in templates that users write: `{id}` in contact
//! links and replies, `{{title}}` in the front matter `tier0 new` writes.
//!
//! Templates are read in one pass, so a value that contains a placeholder
//! is put in as written, never filled in turn.

/// A piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to keep as it is.
    Text(&'a str),
    /// A placeholder: its name, and the placeholder as written.
    Placeholder {
        /// What is between the delimiters.
        name: &'a str,
        /// The delimiters and the name.
        raw: &'a str,
    },
}

/// The pieces of `template`, whose placeholders are names between `open`
/// and `close`. A name never holds `open`: in `{{id}` (with `{` and `}`)
/// the first brace is text.
pub fn pieces<'a>(
    template: &'a str,
    open: &'static str,
    close: &'static str,
) -> impl Iterator<Item = Piece<'a>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut text_end = 0;
        while let Some(found) = rest[text_end..].find(open) {
            let start = text_end + found;
            let after = &rest[start + open.len()..];
            match after.find(close) {
                Some(end) if !after[..end].contains(open) => {
                    // The text before the placeholder first; the next call
                    // finds the placeholder at the start.
                    let (piece, taken) = if start > 0 {
                        (Piece::Text(&rest[..start]), start)
                    } else {
                        let raw_end = open.len() + end + close.len();
                        let name = &after[..end];
                        let raw = &rest[..raw_end];
                        (Piece::Placeholder { name, raw }, raw_end)
                    };
                    rest = &rest[taken..];
                    return Some(piece);
                }
                _ => text_end = start + open.len(),
            }
        }
        let text = rest;
        rest = "";
        Some(Piece::Text(text))
    })
}

/// `template` with each placeholder that `values` names replaced by its
/// value; other placeholders are kept as written.
pub fn fill(
    template: &str,
    open: &'static str,
    close: &'static str,
    values: &[(&str, &str)],
) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    for piece in pieces(template, open, close) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder { name, raw } => out.push_str(
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(raw, |(_, value)| value),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_text_and_placeholders() {
        let cut: Vec<Piece> = pieces("a {id}{x} {{y} }{", "{", "}").collect();
        assert_eq!(
            cut,
            [
                Piece::Text("a "),
                Piece::Placeholder {
                    name: "id",
                    raw: "{id}"
                },
                Piece::Placeholder {
                    name: "x",
                    raw: "{x}"
                },
                Piece::Text(" {"),
                Piece::Placeholder {
                    name: "y",
                    raw: "{y}"
                },
                Piece::Text(" }{"),
            ]
        );
        assert_eq!(pieces("", "{", "}").count(), 0);
    }

    #[test]
    fn fills_in_one_pass_and_keeps_unknown_names() {
        let values = [("title", "{{date}} {x}"), ("date", "2026-01-02")];
        assert_eq!(
            fill("{{title}}|{{date}}|{{other}}|{{", "{{", "}}", &values),
            "{{date}} {x}|2026-01-02|{{other}}|{{"
        );
        assert_eq!(fill("{{{{date}}}}", "{{", "}}", &values), "{{2026-01-02}}");
        assert_eq!(fill("{a}{b}", "{", "}", &[("a", "1")]), "1{b}");
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn pieces_put_back_together_are_the_template(
            template in prop_oneof![any::<String>(), "[{}a-cé ]{0,24}"],
            double in any::<bool>(),
        ) {
            let (open, close) = if double { ("{{", "}}") } else { ("{", "}") };
            let raw: String = pieces(&template, open, close)
                .map(|piece| match piece {
                    Piece::Text(text) => text,
                    Piece::Placeholder { raw, .. } => raw,
                })
                .collect();
            prop_assert_eq!(&raw, &template);
            prop_assert_eq!(fill(&template, open, close, &[]), template);
        }
    }
}

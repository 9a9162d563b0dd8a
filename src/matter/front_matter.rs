//! Splits an article into its front matter and its Markdown body.
//!
//! Front matter is YAML between `---` lines (tier0, Jekyll, Hugo, MkDocs,
//! Docusaurus, VitePress), TOML between `+++` lines (Hugo, Zola) or a JSON
//! object whose `{` and `}` stand on lines of their own (Hugo); a file
//! that opens with none of them has none (mdBook, MkDocs, GitHub wikis), and its
//! body is the whole file. Accepts LF and CRLF line endings and a leading
//! UTF-8 byte order mark. Offsets returned are byte offsets into the
//! original text, so later diagnostics can point at the right line.

/// The language front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines.
    Toml,
    /// A JSON object from a `{` line to a `}` line, both braces included
    /// in the front matter.
    Json,
    /// No front matter at all.
    None,
}

/// The two parts of an article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// How the front matter is written.
    pub format: Format,
    /// The text between the fences (empty without front matter); JSON's
    /// braces are its own, not fences, and belong to it.
    pub matter: &'a str,
    /// Offset of `matter` in the file.
    pub matter_start: usize,
    /// Everything after the closing fence line (the whole file, but a byte
    /// order mark, without front matter).
    pub body: &'a str,
    /// Offset of `body` in the file.
    pub body_start: usize,
}

/// Why a file's front matter cannot be read: it opens with a fence and
/// never closes. The offset is the end of the opening line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed {
    /// The format the opening fence announced.
    pub format: Format,
    /// Where the front matter would have started.
    pub at: usize,
}

/// The text of the top-level `key` that the YAML front matter of `text`
/// writes, its quotes left out, read without decoding the front matter:
/// what another generator's navigation names a page by (its `id`, its
/// `slug`) before tier0 parses it.
pub fn yaml_value<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let front = split(text).ok().filter(|f| f.format == Format::Yaml)?;
    let keys = super::yaml::TopLevelKeys::scan(front.matter, front.matter_start);
    if !keys.has(key) {
        return None;
    }
    let value = text.get(keys.value_span(key))?;
    Some(value.trim().trim_matches(['"', '\'']))
}

/// Splits `text` at its front matter fences.
pub fn split(text: &str) -> Result<Split<'_>, Unclosed> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let none = Split {
        format: Format::None,
        matter: "",
        matter_start: start,
        body: &text[start..],
        body_start: start,
    };
    let mut lines = LineOffsets { text, pos: start };
    let Some((first, after_first)) = lines.next() else {
        return Ok(none);
    };
    let format = match first.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        "{" => Format::Json,
        _ => return Ok(none),
    };
    let matter_start = if format == Format::Json {
        start
    } else {
        after_first
    };
    for (line, after) in lines {
        if is_closing_fence(format, line) {
            let line_start = after - line.len() - line_ending_len(&text[..after]);
            let matter_end = if format == Format::Json {
                line_start + line.len()
            } else {
                line_start
            };
            return Ok(Split {
                format,
                matter: &text[matter_start..matter_end],
                matter_start,
                body: &text[after..],
                body_start: after,
            });
        }
    }
    Err(Unclosed {
        format,
        at: after_first,
    })
}

fn is_closing_fence(format: Format, line: &str) -> bool {
    let line = line.trim_end();
    match format {
        Format::Yaml => line == "---" || line == "...",
        Format::Toml => line == "+++",
        Format::Json => line == "}",
        Format::None => false,
    }
}

fn line_ending_len(before: &str) -> usize {
    if before.ends_with("\r\n") {
        2
    } else if before.ends_with('\n') {
        1
    } else {
        0
    }
}

/// Lines without their ending, with the offset just after each line's end.
struct LineOffsets<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineOffsets<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (line, consumed) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += consumed;
        Some((line.strip_suffix('\r').unwrap_or(line), self.pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_json_with_its_braces() {
        let text = "{\n  \"title\": \"a\",\n  \"params\": {\n    \"x\": 1\n  }\n}\nbody\n";
        let s = split(text).unwrap();
        assert_eq!(s.format, Format::Json);
        assert_eq!(
            s.matter,
            "{\n  \"title\": \"a\",\n  \"params\": {\n    \"x\": 1\n  }\n}"
        );
        assert_eq!(s.matter_start, 0);
        assert_eq!(s.body, "body\n");
        let bom = "\u{feff}{\r\n\"title\": \"a\"\r\n}\r\nbody";
        let s = split(bom).unwrap();
        assert_eq!(
            (s.matter, s.matter_start),
            ("{\r\n\"title\": \"a\"\r\n}", 3)
        );
        assert_eq!(s.body, "body");
        // A brace that is not alone on its line opens no front matter.
        assert_eq!(split("{{< note >}}\n").unwrap().format, Format::None);
        assert_eq!(
            split("{\n\"title\": \"a\"\n  }\n"),
            Err(Unclosed {
                format: Format::Json,
                at: 2
            })
        );
    }

    #[test]
    fn splits_lf() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!(s.format, Format::Yaml);
        assert_eq!(s.matter, "title: a\n");
        assert_eq!(s.matter_start, 4);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_start, 17);
    }

    #[test]
    fn splits_crlf_with_bom() {
        let text = "\u{feff}---\r\ntitle: a\r\n---\r\nbody\r\n";
        let s = split(text).unwrap();
        assert_eq!(s.matter, "title: a\r\n");
        assert_eq!(&text[s.matter_start..s.matter_start + 5], "title");
        assert_eq!(s.body, "body\r\n");
    }

    #[test]
    fn empty_front_matter_and_body() {
        let s = split("---\n---").unwrap();
        assert_eq!(s.matter, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn none_and_unclosed() {
        for text in ["# Title\n", "", "----\n---\n", "\u{feff}# T"] {
            let s = split(text).unwrap();
            assert_eq!(s.format, Format::None, "{text:?}");
            assert_eq!(s.matter, "");
            assert_eq!(&text[s.body_start..], s.body);
            assert!(!s.body.starts_with('\u{feff}'));
        }
        let unclosed = |format, at| Err(Unclosed { format, at });
        assert_eq!(split("---\ntitle: a\n"), unclosed(Format::Yaml, 4));
        assert_eq!(split("+++\ntitle = 'a'\n---\n"), unclosed(Format::Toml, 4));
    }

    #[test]
    fn toml_between_pluses() {
        let s = split("+++\r\ntitle = \"a\"\r\n+++\r\nbody").unwrap();
        assert_eq!(s.format, Format::Toml);
        assert_eq!(s.matter, "title = \"a\"\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn dots_close_too() {
        assert_eq!(split("---\na: 1\n...\nx").unwrap().body, "x");
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    /// Texts made of the pieces the splitter looks at, so that fences,
    /// line endings and BOMs meet in every order.
    fn article_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("---".to_owned()),
            Just("...".to_owned()),
            Just("+++".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("\r".to_owned()),
            Just("\u{feff}".to_owned()),
            Just(" ".to_owned()),
            "[a-z: ]{0,8}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn split_never_panics_and_offsets_point_into_the_text(
            text in prop_oneof![any::<String>(), article_like()]
        ) {
            match split(&text) {
                Ok(s) => {
                    prop_assert!(s.matter_start + s.matter.len() <= s.body_start);
                    prop_assert!(s.body_start <= text.len());
                    prop_assert!(text.is_char_boundary(s.matter_start));
                    prop_assert!(text.is_char_boundary(s.body_start));
                    prop_assert_eq!(&text[s.matter_start..s.matter_start + s.matter.len()], s.matter);
                    prop_assert_eq!(&text[s.body_start..], s.body);
                }
                Err(Unclosed { at, .. }) => {
                    prop_assert!(at <= text.len() && text.is_char_boundary(at));
                }
            }
        }

        #[test]
        fn split_gives_back_what_was_joined(
            keys in prop::collection::vec("[a-z_]{1,8}: [^\r\n]{0,20}", 0..6),
            body in any::<String>(),
            crlf: bool,
            bom: bool,
        ) {
            let nl = if crlf { "\r\n" } else { "\n" };
            let yaml: String = keys.iter().map(|line| format!("{line}{nl}")).collect();
            let bom = if bom { "\u{feff}" } else { "" };
            let text = format!("{bom}---{nl}{yaml}---{nl}{body}");
            let s = split(&text).unwrap();
            prop_assert_eq!(s.matter, yaml.as_str());
            prop_assert_eq!(s.body, body.as_str());
            let fence = &text[s.matter_start + s.matter.len()..s.body_start];
            prop_assert_eq!(fence.trim_end(), "---");
            let rejoined = format!("{}{}{fence}{}", &text[..s.matter_start], s.matter, s.body);
            prop_assert_eq!(rejoined, text);
        }
    }
}

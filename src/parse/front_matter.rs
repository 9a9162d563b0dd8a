//! Splits an article into its YAML front matter and its Markdown body.
//!
//! Accepts LF and CRLF line endings and a leading UTF-8 byte order mark.
//! Offsets returned are byte offsets into the original text, so later
//! diagnostics can point at the right line.

/// The two parts of an article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Offset of `yaml` in the file.
    pub yaml_start: usize,
    /// Everything after the closing `---` line.
    pub body: &'a str,
    /// Offset of `body` in the file.
    pub body_start: usize,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `---`.
    Missing,
    /// No closing `---` line; the offset is the end of the opening one.
    Unclosed(usize),
}

/// Splits `text` at its `---` fences.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = LineOffsets { text, pos: start };
    let (first, after_first) = lines.next().ok_or(SplitError::Missing)?;
    if !is_fence(first, false) {
        return Err(SplitError::Missing);
    }
    let yaml_start = after_first;
    for (line, after) in lines {
        if is_fence(line, true) {
            let line_start = after - line.len() - line_ending_len(&text[..after]);
            return Ok(Split {
                yaml: &text[yaml_start..line_start],
                yaml_start,
                body: &text[after..],
                body_start: after,
            });
        }
    }
    Err(SplitError::Unclosed(yaml_start))
}

fn is_fence(line: &str, closing: bool) -> bool {
    let line = line.trim_end();
    line == "---" || (closing && line == "...")
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
    fn splits_lf() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.yaml_start, 4);
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_start, 17);
    }

    #[test]
    fn splits_crlf_with_bom() {
        let text = "\u{feff}---\r\ntitle: a\r\n---\r\nbody\r\n";
        let s = split(text).unwrap();
        assert_eq!(s.yaml, "title: a\r\n");
        assert_eq!(&text[s.yaml_start..s.yaml_start + 5], "title");
        assert_eq!(s.body, "body\r\n");
    }

    #[test]
    fn empty_front_matter_and_body() {
        let s = split("---\n---").unwrap();
        assert_eq!(s.yaml, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn missing_and_unclosed() {
        assert_eq!(split("# Title\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: a\n"), Err(SplitError::Unclosed(4)));
        assert_eq!(split("----\n---\n"), Err(SplitError::Missing));
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
                    prop_assert!(s.yaml_start + s.yaml.len() <= s.body_start);
                    prop_assert!(s.body_start <= text.len());
                    prop_assert!(text.is_char_boundary(s.yaml_start));
                    prop_assert!(text.is_char_boundary(s.body_start));
                    prop_assert_eq!(&text[s.yaml_start..s.yaml_start + s.yaml.len()], s.yaml);
                    prop_assert_eq!(&text[s.body_start..], s.body);
                }
                Err(SplitError::Unclosed(at)) => {
                    prop_assert!(at <= text.len() && text.is_char_boundary(at));
                }
                Err(SplitError::Missing) => {}
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
            prop_assert_eq!(s.yaml, yaml.as_str());
            prop_assert_eq!(s.body, body.as_str());
            let fence = &text[s.yaml_start + s.yaml.len()..s.body_start];
            prop_assert_eq!(fence.trim_end(), "---");
            let rejoined = format!("{}{}{fence}{}", &text[..s.yaml_start], s.yaml, s.body);
            prop_assert_eq!(rejoined, text);
        }
    }
}

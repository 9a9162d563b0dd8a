//! The part of a file an include asks for ([`Select`]): lines, mdBook's
//! anchors, PyMdown's sections, mkdocs-include-markdown's `start` and
//! `end`, without the lines that mark them.

use super::{Select, scissors};

/// The part of `text` that `select` asks for, without the lines that mark
/// anchors and sections (`ANCHOR: name`, `--8<-- [start:name]`), which
/// those tools leave out of every include; or why there is none.
pub fn select(text: &str, select: &Select) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let part: Vec<&str> = match select {
        Select::All => lines,
        Select::Lines(from, to) => {
            let from = from.unwrap_or(1).max(1);
            let to = to.unwrap_or(lines.len()).min(lines.len());
            if from > to {
                return Err(format!("the file has {} lines", lines.len()));
            }
            lines[from - 1..to].to_vec()
        }
        Select::Anchor(name) => marked(&lines, name, |line, name| {
            marker(line, "ANCHOR:", name)
                .then_some(true)
                .or_else(|| marker(line, "ANCHOR_END:", name).then_some(false))
        })
        .ok_or_else(|| format!("the file has no `ANCHOR: {name}` … `ANCHOR_END: {name}`"))?,
        Select::Section(name) => marked(&lines, name, |line, name| {
            let start = format!("[start:{name}]");
            let end = format!("[end:{name}]");
            let snipped = |tag: &str| {
                scissors_anywhere(line).is_some_and(|r| r.trim_start().starts_with(tag))
            };
            snipped(&start)
                .then_some(true)
                .or_else(|| snipped(&end).then_some(false))
        })
        .ok_or_else(|| {
            format!("the file has no section `--8<-- [start:{name}]` … `[end:{name}]`")
        })?,
        Select::Between(start, end) => {
            let from = match start {
                Some(s) => text
                    .find(s.as_str())
                    .map(|i| i + s.len())
                    .ok_or_else(|| format!("the file has no `{s}` to start at"))?,
                None => 0,
            };
            let to = match end {
                Some(e) => text[from..]
                    .find(e.as_str())
                    .map_or(text.len(), |i| from + i),
                None => text.len(),
            };
            return Ok(text[from..to].to_owned());
        }
    };
    let kept: Vec<&str> = part
        .into_iter()
        .filter(|line| !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:"))
        .filter(|line| !is_section_marker(line))
        .collect();
    Ok(kept.join("\n"))
}

/// The lines between the line `is_mark` calls the start (`Some(true)`) of
/// `name` and the one it calls its end (`Some(false)`); to the end of the
/// file without an end.
fn marked<'a>(
    lines: &[&'a str],
    name: &str,
    is_mark: impl Fn(&str, &str) -> Option<bool>,
) -> Option<Vec<&'a str>> {
    let start = lines.iter().position(|l| is_mark(l, name) == Some(true))?;
    let rest = &lines[start + 1..];
    let end = rest
        .iter()
        .position(|l| is_mark(l, name) == Some(false))
        .unwrap_or(rest.len());
    Some(rest[..end].to_vec())
}

/// Whether `line` holds the anchor mark `mark` (`ANCHOR:`) for `name`.
fn marker(line: &str, mark: &str, name: &str) -> bool {
    line.find(mark).is_some_and(|at| {
        let rest = line[at + mark.len()..].trim_start();
        rest.strip_prefix(name)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    })
}

/// The text after scissors anywhere in `line` (a section mark is often in
/// a comment: `<!-- --8<-- [start:install] -->`).
fn scissors_anywhere(line: &str) -> Option<&str> {
    let at = line.find("-8<-")?;
    let from = line[..at].trim_end_matches('-').len();
    scissors(&line[from..])
}

/// Whether `line` marks the start or end of a snippet section.
fn is_section_marker(line: &str) -> bool {
    scissors_anywhere(line).is_some_and(|rest| {
        let rest = rest.trim_start();
        rest.starts_with("[start:") || rest.starts_with("[end:")
    })
}

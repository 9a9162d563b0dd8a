//! How much of a line a construct takes out: its own text, and, when it
//! leaves nothing where it opened the line's text or followed a space,
//! the spaces after it.
//!
//! The spaces would otherwise stay, and spaces move Markdown's blocks: an
//! icon opening a list item (`-   :material-wrench:{ .lg } __Build__`, as
//! every MkDocs Material card grid writes it) left `-    __Build__`, whose
//! text starts a column further right than the lines indented under it,
//! so those fell out of the item and became an indented code block.

use std::ops::Range;

use super::Construct;

/// The range of `line` (of `text`) each of `found` (its constructs, in
/// order) takes out.
pub(in crate::dialects) fn taken(
    text: &str,
    line: Range<usize>,
    found: &[Construct],
) -> Vec<Range<usize>> {
    let mut taken = Vec::with_capacity(found.len());
    // Where the run of constructs that leave nothing, each right after
    // the one before (an icon and its attribute list), started.
    let mut run_start = line.start;
    for (k, construct) in found.iter().enumerate() {
        let range = construct.range.clone();
        if !construct.replacement.is_empty() {
            taken.push(range);
            continue;
        }
        let after_dropped =
            k > 0 && found[k - 1].replacement.is_empty() && found[k - 1].range.end == range.start;
        if !after_dropped {
            run_start = range.start;
        }
        let continued = found
            .get(k + 1)
            .is_some_and(|next| next.replacement.is_empty() && next.range.start == range.end);
        let opens = run_start == line.start || text[..run_start].ends_with([' ', '\t']);
        if continued || !opens {
            taken.push(range);
            continue;
        }
        let rest = &text[range.end..line.end];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        taken.push(range.start..range.end + spaces);
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::super::scan_line;
    use super::*;

    fn kept(line: &str) -> String {
        let mut found = Vec::new();
        scan_line(line, 0..line.len(), false, &mut found);
        let ranges = taken(line, 0..line.len(), &found);
        let mut kept = String::new();
        let mut at = 0;
        for (construct, range) in found.iter().zip(ranges) {
            kept.push_str(&line[at..range.start]);
            kept.push_str(&construct.replacement);
            at = range.end;
        }
        kept + &line[at..]
    }

    #[test]
    fn what_leaves_nothing_after_a_space_takes_the_spaces_after_it() {
        assert_eq!(
            kept("-   :material-hammer-wrench:{ .lg .middle } __Build__"),
            "-   __Build__"
        );
        assert_eq!(kept(":material-hammer-wrench: Build"), "Build");
        assert_eq!(kept("Run {{ cmd }}  now"), "Run now");
        // Not after a space, or replaced by something: spaces stay.
        assert_eq!(kept("Run{{ cmd }} now"), "Run now");
        assert_eq!(kept("-   :smile: Fine"), "-   😄 Fine");
    }
}

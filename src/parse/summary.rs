//! mdBook's `SUMMARY.md` as a list of chapters: the page each link names
//! and the text mdBook shows as the chapter's name (and the links of any
//! table of contents written in Markdown, which Docsify's sidebars are too).
//!
//! The link stage orders a book's pages by it (`link::contents`); the parse
//! stage titles a page with its chapter's name when the page has no title
//! of its own (no `title:`, no heading), as mdBook names it in its sidebar
//! and its pages' titles, rather than after the page's file name.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::discover::{SourceFile, TABLE_OF_CONTENTS};
use crate::landing::{is_markdown, split_dir};
use crate::urls::content_file_from;

/// One link of a table of contents to a page of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// The page's content-relative path.
    pub rel: String,
    /// The link's text, trimmed.
    pub name: String,
}

/// A link of a Markdown text: where it leads as written, where it is
/// written, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenLink {
    /// Its destination, as written.
    pub dest: String,
    /// The byte range of the whole link in the text.
    pub span: Range<usize>,
    /// Its text, without markup.
    pub text: String,
}

/// The links of the Markdown `text`, in order.
pub fn links(text: &str) -> Vec<WrittenLink> {
    let mut out: Vec<WrittenLink> = Vec::new();
    // Whether the last link is still open: its text is being read.
    let mut open = false;
    for (event, span) in Parser::new(text).into_offset_iter() {
        match (event, out.last_mut()) {
            (Event::Start(Tag::Link { dest_url, .. }), _) => {
                let dest = dest_url.into_string();
                out.push(WrittenLink {
                    dest,
                    span,
                    text: String::new(),
                });
                open = true;
            }
            (Event::Text(t) | Event::Code(t), Some(link)) if open => link.text.push_str(&t),
            (Event::SoftBreak | Event::HardBreak, Some(link)) if open => link.text.push(' '),
            (Event::End(TagEnd::Link), _) => open = false,
            _ => {}
        }
    }
    out
}

/// The chapters that the table of contents at `rel` (its `text`) links to,
/// in order: the Markdown files of the content folder its links name,
/// relative to its folder or to the content folder's root.
pub fn chapters(rel: &str, text: &str) -> Vec<Chapter> {
    let dir = split_dir(rel).0;
    links(text)
        .into_iter()
        .filter_map(|link| {
            let rel = content_file_from(dir, &link.dest).filter(|t| is_markdown(t))?;
            let name = link.text.trim().to_owned();
            Some(Chapter { rel, name })
        })
        .collect()
}

/// The chapter name of each page that the books' summaries among
/// `contents` list (Docsify's sidebars are not books), by path: a page
/// listed twice keeps its first; an empty name is none.
pub(super) fn chapter_names(contents: &[SourceFile]) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for toc in contents {
        if split_dir(&toc.rel).1 != TABLE_OF_CONTENTS {
            continue;
        }
        for chapter in chapters(&toc.rel, &toc.text) {
            if !chapter.name.is_empty() {
                names.entry(chapter.rel).or_insert(chapter.name);
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_are_the_pages_linked_with_their_names() {
        let text = "# Summary\n\n[Intro](intro.md)\n\n- [The `cargo`\n  tool](ch01/cargo.md#x)\n  - [Draft]()\n  - [Out](https://x.example/)\n  - [Up](../up.md)\n- [Root](/root.md)\n";
        let found = chapters("book/SUMMARY.md", text);
        let pairs: Vec<(&str, &str)> = found
            .iter()
            .map(|c| (c.rel.as_str(), c.name.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("book/intro.md", "Intro"),
                ("book/ch01/cargo.md", "The cargo tool"),
                ("up.md", "Up"),
                ("root.md", "Root"),
            ]
        );
    }
}

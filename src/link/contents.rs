//! Tables of contents written for other generators: mdBook's `SUMMARY.md`.
//!
//! A book's `SUMMARY.md` lists its pages in reading order, as links to
//! Markdown files relative to its folder. It is not published. The
//! articles it links to are listed in its order, before the other articles
//! of their category, unless their front matter gives them a weight.
//! Draft chapters (`[Title]()`), links to other sites and links to files
//! that are not articles are passed over; an article listed twice keeps its
//! first place.

use std::collections::HashMap;

use pulldown_cmark::{Event, Parser, Tag};

use super::resolve::content_file_from;
use crate::discover::SourceFile;
use crate::landing::split_dir;
use crate::parse::Article;

/// Orders the `articles` that the tables of contents `contents` list:
/// each gets a negative weight, in their order, so that it comes before
/// the unlisted articles (weight 0) of its category. An article whose
/// front matter set a weight keeps it.
pub fn order(articles: &mut [Article], contents: &[SourceFile]) {
    let mut places: HashMap<String, usize> = HashMap::new();
    for toc in contents {
        for rel in listed(&toc.rel, &toc.text) {
            let next = places.len();
            places.entry(rel).or_insert(next);
        }
    }
    let listed = places.len() as i64;
    for article in articles.iter_mut().filter(|a| a.weight == 0) {
        if let Some(&place) = places.get(&article.rel) {
            article.weight = place as i64 - listed;
        }
    }
}

/// The content-relative paths of the Markdown files that the table of
/// contents at `rel` links to, in order.
fn listed(rel: &str, text: &str) -> Vec<String> {
    let dir = split_dir(rel).0;
    Parser::new(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => content_file_from(dir, &dest_url),
            _ => None,
        })
        .filter(|target| crate::discover::is_markdown(target))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_listed_in_order_from_the_summarys_folder() {
        let text = "# Book\n\n[Cover](title-page.md)\n\n- [One](ch01.md)\n  - [Nested](./part/ch01-01.md#top)\n\
                    - [Draft]()\n- [Web](https://example.com/x.md)\n- [Up](../other.md)\n- [Image](pic.png)\n\
                    - [Spaced](my%20page.md)\n";
        assert_eq!(
            listed("book/SUMMARY.md", text),
            [
                "book/title-page.md",
                "book/ch01.md",
                "book/part/ch01-01.md",
                "other.md",
                "book/my page.md"
            ]
        );
        assert!(listed("SUMMARY.md", "- [Out](../../x.md)\n").is_empty());
    }
}

//! Tables of contents written for other generators: mdBook's `SUMMARY.md`
//! and MkDocs's `nav:` (read by the parse stage's `mkdocs` module).
//!
//! A book's `SUMMARY.md` lists its pages in reading order, as links to
//! Markdown files relative to its folder. It is not published. The
//! articles it links to are listed in its order, before the other articles
//! of their category, unless their front matter gives them a weight.
//! Draft chapters (`[Title]()`), links to other sites and links to files
//! that are not articles are passed over; an article listed twice keeps its
//! first place.
//!
//! mdBook builds only what the summary lists, so an article in the
//! summary's folder (or below) that it does not list is a draft, with a
//! warning: an old chapter left behind by a rename, a page its author never
//! published there, is not published here either.
//!
//! MkDocs builds the pages its `nav:` leaves out too, so they stay
//! published, after the listed ones. (The titles `nav:` gives its pages
//! are read with the pages, by the parse stage.) The titles of its
//! sections fold into the config's `categories:` below what it sets, as
//! Docusaurus's category files do (see `link::categories`).

use std::collections::HashMap;

use pulldown_cmark::{Event, Parser, Tag};

use super::resolve::content_file_from;
use crate::config::{Config, Localized};
use crate::diagnostics::Diagnostic;
use crate::discover::SourceFile;
use crate::landing::split_dir;
use crate::parse::{Article, Navigation};

/// Orders the `articles` that the tables of contents `contents`, then the
/// MkDocs `navigation`, list: each gets a negative weight, in their order,
/// so that it comes before the unlisted articles (weight 0) of its
/// category. An article whose front matter set a weight keeps it. Returns
/// the warnings for the articles of a book that its table of contents
/// leaves out, which become drafts.
pub fn order(
    articles: &mut [Article],
    contents: &[SourceFile],
    navigation: Option<&Navigation>,
) -> Vec<Diagnostic> {
    let mut places: HashMap<String, usize> = HashMap::new();
    // Only a summary that lists pages makes its folder a book.
    let mut books = Vec::new();
    for toc in contents {
        let pages = listed(&toc.rel, &toc.text);
        if !pages.is_empty() {
            books.push(toc);
        }
        for rel in pages {
            let next = places.len();
            places.entry(rel).or_insert(next);
        }
    }
    for page in navigation.iter().flat_map(|n| &n.pages) {
        let next = places.len();
        places.entry(page.rel.clone()).or_insert(next);
    }
    let listed = places.len() as i64;
    let mut warnings = Vec::new();
    for article in articles.iter_mut() {
        match places.get(&article.rel) {
            Some(&place) if article.weight == 0 => article.weight = place as i64 - listed,
            Some(_) => {}
            None => {
                let book = books.iter().find(|toc| {
                    let dir = split_dir(&toc.rel).0;
                    dir.is_empty() || article.rel.starts_with(&format!("{dir}/"))
                });
                if let Some(toc) = book.filter(|_| !article.draft) {
                    article.draft = true;
                    warnings.push(
                        Diagnostic::warning(
                            &article.path,
                            0..0,
                            format!(
                                "`{}` does not list this page: mdBook leaves it out of the book, \
                                 and so does tier0",
                                toc.path.display()
                            ),
                        )
                        .with_help(
                            "list it in the table of contents to publish it (`--drafts` shows it \
                             meanwhile), or delete it if a renamed chapter left it behind",
                        ),
                    );
                }
            }
        }
    }
    warnings
}

/// Folds the titles and places of the sections of `navigation` into
/// `config`'s `categories:`, below what the config sets.
pub fn title_sections(config: &mut Config, navigation: &Navigation) {
    for section in &navigation.sections {
        let configured = config
            .categories
            .entry(section.section.clone())
            .or_default();
        configured.title = configured
            .title
            .take()
            .or_else(|| Some(Localized::Text(section.title.clone())));
        configured.order = configured.order.or(Some(section.position));
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
    use crate::discover::Sources;

    /// The articles `rels` (one line of text each, `weight: 5` for `w.md`)
    /// ordered by the table of contents `toc` at `toc_rel`: each one's
    /// (rel, weight, draft), and the paths warned about.
    fn ordered(rels: &[&str], toc_rel: &str, toc: &str) -> (Vec<(String, i64, bool)>, Vec<String>) {
        let sources = Sources {
            articles: rels
                .iter()
                .map(|rel| {
                    let front = if rel.ends_with("/w.md") {
                        "weight: 5\n"
                    } else {
                        ""
                    };
                    SourceFile::in_content(rel, &format!("---\ntitle: T\n{front}---\nText.\n"))
                })
                .collect(),
            ..Default::default()
        };
        let mut articles = crate::parse::parse(&Default::default(), &sources).articles;
        let warnings = order(&mut articles, &[SourceFile::in_content(toc_rel, toc)], None);
        let articles = articles
            .into_iter()
            .map(|a| (a.rel, a.weight, a.draft))
            .collect();
        let warned = warnings
            .iter()
            .map(|w| w.path.display().to_string())
            .collect();
        (articles, warned)
    }

    #[test]
    fn a_book_lists_its_pages_in_order_and_leaves_out_the_others() {
        let rels = [
            "book/a.md",
            "book/b.md",
            "book/c.md",
            "book/w.md",
            "faq/d.md",
        ];
        let toc = "- [C](c.md)\n- [B](./b.md)\n- [W](w.md)\n- [C again](c.md)\n";
        let (articles, warned) = ordered(&rels, "book/SUMMARY.md", toc);
        assert_eq!(
            articles,
            [
                ("book/a.md".into(), 0, true),
                ("book/b.md".into(), -2, false),
                ("book/c.md".into(), -3, false),
                ("book/w.md".into(), 5, false),
                ("faq/d.md".into(), 0, false),
            ]
        );
        assert_eq!(warned, ["content/book/a.md"]);
    }

    #[test]
    fn a_summary_that_lists_no_page_leaves_everything_as_it_was() {
        let rels = ["a.md", "b.md"];
        let toc = "# Summary of our policies\n\nSee [the portal](https://example.com/).\n";
        let (articles, warned) = ordered(&rels, "SUMMARY.md", toc);
        assert_eq!(
            articles,
            [("a.md".into(), 0, false), ("b.md".into(), 0, false)]
        );
        assert!(warned.is_empty());
    }

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

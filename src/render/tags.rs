//! Tag pages: `tags/` lists a language's tags, `tags/<slug>/` the articles
//! that have one, [`TAG_PAGE_SIZE`] a page (`tags/<slug>/page/2/` and on,
//! as Hugo and Zola number them, linked by `rel="prev"` and `rel="next"`).
//! An article's tags link to their pages.
//!
//! In: the site model. Out: per language, the tags (by slug, so `Wi-Fi`
//! and `wifi` are one tag, shown as first written in article order) with
//! their articles, and the two kinds of page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::PageLink;
use super::pages::{LanguagePages, PAGE_CHROME};
use crate::config::Config;
use crate::link::{self, SiteModel};

/// A language's tags: slug → (name as first written, articles in model order).
pub(super) type TagIndex = BTreeMap<String, (String, Vec<usize>)>;

/// The tags of the articles of `lang` (tags whose slug is empty have no page).
pub(super) fn tag_index(model: &SiteModel, lang: &str) -> TagIndex {
    let mut index = TagIndex::new();
    for (i, linked) in model.articles.iter().enumerate() {
        if linked.article.lang != lang {
            continue;
        }
        for tag in &linked.article.tags {
            let slug = crate::slug::slugify(tag);
            if slug.is_empty() {
                continue;
            }
            let entry = index
                .entry(slug)
                .or_insert_with(|| (tag.clone(), Vec::new()));
            if entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
    }
    index
}

/// Articles listed on one page of a tag: a popular tag of a large site
/// has hundreds, which made one page of hundreds of kilobytes.
pub(super) const TAG_PAGE_SIZE: usize = 30;

/// The folder of a tag's pages after the first (`page/2/`).
const PAGE_DIR: &str = "page";

/// How many pages a tag with `articles` articles has.
pub(super) fn page_count(articles: usize) -> usize {
    articles.div_ceil(TAG_PAGE_SIZE).max(1)
}

/// Site path of page `number` (from 1) of a tag: the tag's own for the first.
pub(super) fn tag_page_path(config: &Config, lang: &str, slug: &str, number: usize) -> String {
    let first = link::tag_path(config, lang, slug);
    if number <= 1 {
        first
    } else {
        format!("{first}{PAGE_DIR}/{number}/")
    }
}

/// The links between the pages of a list, for `partials/pagination.html`.
#[derive(Debug, Serialize)]
struct Pagination {
    /// This page's number, from 1.
    number: usize,
    /// How many pages there are.
    total: usize,
    /// The previous page, if this is not the first.
    previous: Option<String>,
    /// The next page, if this is not the last.
    next: Option<String>,
    /// The first and last pages and those near this one, in order; a gap
    /// between two is an entry without a number.
    pages: Vec<PageNumber>,
}

#[derive(Debug, Serialize)]
struct PageNumber {
    /// `None` for a gap (`…`).
    number: Option<usize>,
    href: String,
    current: bool,
}

/// Pages on each side of the current one that the page list names.
const NEAR: usize = 2;

impl Pagination {
    /// Page `number` of `total`; `href(n)` links to page `n`.
    fn new(number: usize, total: usize, href: impl Fn(usize) -> String) -> Self {
        let named = |n: usize| n == 1 || n == total || n.abs_diff(number) <= NEAR;
        let mut pages = Vec::new();
        for n in 1..=total {
            // A gap of one page would take as much room as its number.
            if named(n) || (named(n - 1) && named(n + 1)) {
                pages.push(PageNumber {
                    number: Some(n),
                    href: href(n),
                    current: n == number,
                });
            } else if pages.last().is_some_and(|p| p.number.is_some()) {
                pages.push(PageNumber {
                    number: None,
                    href: String::new(),
                    current: false,
                });
            }
        }
        Self {
            number,
            total,
            previous: (number > 1).then(|| href(number - 1)),
            next: (number < total).then(|| href(number + 1)),
            pages,
        }
    }
}

/// One tag in the list of tags.
#[derive(Debug, Serialize)]
struct TagEntry {
    name: String,
    href: String,
    count: usize,
}

impl LanguagePages<'_> {
    /// The links of an article's tags, as written (a tag without a page,
    /// all symbols, has an empty `href`).
    pub(super) fn tag_links(&self, from: &str, tags: &[String]) -> Vec<PageLink> {
        tags.iter()
            .map(|tag| PageLink {
                title: tag.clone(),
                href: if crate::slug::slugify(tag).is_empty() {
                    String::new()
                } else {
                    self.href(from, &link::tag_path(self.config(), &self.lang, tag))
                },
            })
            .collect()
    }

    /// Page `number` (from 1, as [`page_count`] counts them) of one tag:
    /// its share of the articles that have it, and links to the others.
    pub fn tag_page(
        &self,
        slug: &str,
        name: &str,
        articles: &[usize],
        number: usize,
    ) -> Result<Vec<u8>, String> {
        let config = self.config();
        let from = tag_page_path(config, &self.lang, slug, number);
        let total = page_count(articles.len());
        let mut title = self.text.get("tag_title").replace("{tag}", name);
        if number > 1 {
            let of = self.text.get("page_of");
            title = format!(
                "{title} · {}",
                of.replace("{page}", &number.to_string())
                    .replace("{total}", &total.to_string())
            );
        }
        let mut page = self.page("tag", &from, title, String::new(), &BTreeMap::new());
        page.breadcrumbs = vec![PageLink {
            title: self.text.get("tags").to_owned(),
            href: self.href(&from, &link::tags_path(config, &self.lang)),
        }];
        let shown = articles
            .chunks(TAG_PAGE_SIZE)
            .nth(number.saturating_sub(1))
            .unwrap_or_default();
        let shown: Vec<_> = shown.iter().map(|&i| self.summary(&from, i)).collect();
        let pagination = Pagination::new(number, total, |n| {
            self.href(&from, &tag_page_path(config, &self.lang, slug, n))
        });
        self.render("tag.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("tag", name);
            ctx.insert("articles", &shown);
            ctx.insert("pagination", &pagination);
        })
    }

    /// The list of this language's tags, with their article counts.
    pub fn tags_page(&self, index: &TagIndex) -> Result<Vec<u8>, String> {
        let from = link::tags_path(self.config(), &self.lang);
        let page = self.page(
            "tags",
            &from,
            self.text.get("tags").to_owned(),
            String::new(),
            &BTreeMap::new(),
        );
        let tags: Vec<TagEntry> = index
            .iter()
            .map(|(slug, (name, articles))| TagEntry {
                name: name.clone(),
                href: self.href(&from, &link::tag_path(self.config(), &self.lang, slug)),
                count: articles.len(),
            })
            .collect();
        self.render("tags.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("tags", &tags);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(p: &Pagination) -> Vec<Option<usize>> {
        p.pages.iter().map(|p| p.number).collect()
    }

    #[test]
    fn pages_hold_the_page_size() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(1), 1);
        assert_eq!(page_count(TAG_PAGE_SIZE), 1);
        assert_eq!(page_count(TAG_PAGE_SIZE + 1), 2);
        assert_eq!(page_count(TAG_PAGE_SIZE * 14), 14);
    }

    #[test]
    fn the_first_page_is_the_tag_page_and_the_others_are_numbered() {
        let config = Config::default();
        let first = link::tag_path(&config, "es", "wifi");
        assert_eq!(tag_page_path(&config, "es", "wifi", 1), first);
        assert_eq!(
            tag_page_path(&config, "es", "wifi", 2),
            format!("{first}page/2/")
        );
    }

    #[test]
    fn the_page_list_names_the_ends_and_the_near_pages() {
        let href = |n: usize| format!("p{n}");
        let single = Pagination::new(1, 1, href);
        assert_eq!((&single.previous, &single.next), (&None, &None));
        assert_eq!(numbers(&single), [Some(1)]);

        let first = Pagination::new(1, 9, href);
        assert_eq!(first.previous, None);
        assert_eq!(first.next.as_deref(), Some("p2"));
        assert_eq!(numbers(&first), [Some(1), Some(2), Some(3), None, Some(9)]);

        let middle = Pagination::new(6, 12, href);
        assert_eq!(middle.previous.as_deref(), Some("p5"));
        assert_eq!(middle.next.as_deref(), Some("p7"));
        let expected = [
            Some(1),
            None,
            Some(4),
            Some(5),
            Some(6),
            Some(7),
            Some(8),
            None,
            Some(12),
        ];
        assert_eq!(numbers(&middle), expected);
        assert_eq!(middle.pages.iter().filter(|p| p.current).count(), 1);
        assert!(middle.pages[4].current);

        let last = Pagination::new(9, 9, href);
        assert_eq!(last.next, None);
        assert_eq!(numbers(&last), [Some(1), None, Some(7), Some(8), Some(9)]);

        // A gap of a single page shows that page instead.
        let near = Pagination::new(5, 9, href);
        assert_eq!(numbers(&near), (1..=9).map(Some).collect::<Vec<_>>());
    }
}

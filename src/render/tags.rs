//! Tag pages: `tags/` lists a language's tags, `tags/<slug>/` the articles
//! that have one, [`pagination::PAGE_SIZE`] a page (`tags/<slug>/page/2/`
//! and on, linked by `rel="prev"` and `rel="next"`).
//! An article's tags link to their pages.
//!
//! In: the site model. Out: per language, the tags (by slug, so `Wi-Fi`
//! and `wifi` are one tag, shown as first written in article order) with
//! their articles, and the two kinds of page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::PageLink;
use super::pages::{LanguagePages, PAGE_CHROME};
use super::pagination;
use crate::config::Config;
use crate::link::{self, SiteModel};

/// A language's tags: slug → (name as first written, articles in model order).
pub(super) type TagIndex = BTreeMap<String, (String, Vec<usize>)>;

/// The tags of the articles of `lang` (tags whose slug is empty have no page).
pub(super) fn tag_index(model: &SiteModel, lang: &str) -> TagIndex {
    let mut index = TagIndex::new();
    for (i, linked) in model.listed() {
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

/// Site path of page `number` (from 1) of a tag: the tag's own for the first.
pub(super) fn tag_page_path(config: &Config, lang: &str, slug: &str, number: usize) -> String {
    pagination::page_path(&link::tag_path(config, lang, slug), number)
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

    /// Page `number` (from 1, as [`pagination::page_count`] counts them) of one tag:
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
        let title = self.text.get("tag_title").replace("{tag}", name);
        let (title, shown, pagination) = self.paginated(title, articles, number, &from, |n| {
            tag_page_path(config, &self.lang, slug, n)
        });
        let mut page = self.page("tag", &from, title, String::new(), &BTreeMap::new());
        page.breadcrumbs = vec![PageLink {
            title: self.text.get("tags").to_owned(),
            href: self.href(&from, &link::tags_path(config, &self.lang)),
        }];
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
}

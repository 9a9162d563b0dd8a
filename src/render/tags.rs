//! Tag pages: `tags/` lists a language's tags, `tags/<slug>/` the articles
//! that have one. An article's tags link to their pages.
//!
//! In: the site model. Out: per language, the tags (by slug, so `Wi-Fi`
//! and `wifi` are one tag, shown as first written in article order) with
//! their articles, and the two kinds of page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::PageLink;
use super::pages::{LanguagePages, PAGE_CHROME};
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

    /// The page of one tag: the articles that have it.
    pub fn tag_page(&self, slug: &str, name: &str, articles: &[usize]) -> Result<Vec<u8>, String> {
        let from = link::tag_path(self.config(), &self.lang, slug);
        let title = self.text.get("tag_title").replace("{tag}", name);
        let mut page = self.page("tag", &from, title, String::new(), &BTreeMap::new());
        page.breadcrumbs = vec![PageLink {
            title: self.text.get("tags").to_owned(),
            href: self.href(&from, &link::tags_path(self.config(), &self.lang)),
        }];
        let articles: Vec<_> = articles.iter().map(|&i| self.summary(&from, i)).collect();
        self.render("tag.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("tag", name);
            ctx.insert("articles", &articles);
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

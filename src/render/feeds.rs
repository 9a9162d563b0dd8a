//! Machine-readable outputs: Atom feeds, sitemap, robots.txt, articles.json.

use serde::Serialize;

use super::pages::LanguagePages;
use crate::link::{self, BuildAudience, SiteModel};
use crate::parse::{Article, Timestamp};

/// Number of entries in each Atom feed.
pub const FEED_ENTRIES: usize = 50;

/// One entry of an Atom feed.
#[derive(Debug, Serialize)]
pub struct FeedEntry {
    id: String,
    title: String,
    summary: String,
    href: String,
    tier: String,
    published: Option<String>,
    updated: String,
    /// `new` or `updated`.
    change: &'static str,
}

/// Articles in `lang` that have an update date, newest update first.
pub fn updates(model: &SiteModel, lang: &str) -> Vec<usize> {
    let mut indexes = model.recently_updated(lang);
    indexes.retain(|&i| model.articles[i].article.updated.is_some());
    indexes
}

/// Whether the last update of `article` published it (`new`) or changed it (`updated`).
pub fn change_kind(article: &Article) -> &'static str {
    if article.date.is_some() && article.date != article.updated {
        "updated"
    } else {
        "new"
    }
}

/// The Atom feed of one language: newest updates first.
pub fn atom(pages: &LanguagePages<'_>) -> Result<Vec<u8>, String> {
    let model = pages.model;
    let from = pages.home_path();
    let entries: Vec<FeedEntry> = updates(model, &pages.lang)
        .into_iter()
        .take(FEED_ENTRIES)
        .map(|i| {
            let linked = &model.articles[i];
            let a = &linked.article;
            FeedEntry {
                id: format!("urn:tier0:{}:{}", a.lang, a.id),
                title: a.title.clone(),
                summary: a.description.clone(),
                href: model.urls.best(&from, &linked.path),
                tier: a.tier.clone(),
                published: a.date.map(|d| d.rfc3339()),
                change: change_kind(a),
                updated: a.updated.map(|d| d.rfc3339()).unwrap_or_default(),
            }
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    pages.feed(&entries, &updated)
}

/// `sitemap.xml`, when the site's full URL is known (and it is not the
/// agents' site, which search engines must not list): `pages` are site
/// paths with the date each was last updated, if it has one.
pub fn sitemap(model: &SiteModel, pages: &[(String, Option<Timestamp>)]) -> Option<String> {
    if model.audience == BuildAudience::Agents {
        return None;
    }
    let base = model.config.base_url.absolute()?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, updated) in pages {
        let lastmod = updated
            .map(|d| format!("<lastmod>{}</lastmod>", d.date()))
            .unwrap_or_default();
        xml.push_str(&format!(
            "  <url><loc>{}</loc>{lastmod}</url>\n",
            super::markdown::escape_attr(&format!("{base}{path}"))
        ));
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// `robots.txt`: everything may be crawled and the sitemap is named when
/// there is one; nothing of the agents' site may be.
pub fn robots(model: &SiteModel) -> String {
    if model.audience == BuildAudience::Agents {
        return "User-agent: *\nDisallow: /\n".to_owned();
    }
    match model.config.base_url.absolute() {
        Some(base) => format!(
            "User-agent: *\nAllow: /\nSitemap: {base}{}\n",
            crate::output_paths::SITEMAP
        ),
        None => "User-agent: *\nAllow: /\n".to_owned(),
    }
}

/// One article of `articles.json`, its fields in name order: the order the
/// file has always listed them in.
#[derive(Serialize)]
struct ArticleRecord<'a> {
    category: Option<&'a str>,
    date: Option<String>,
    description: &'a str,
    error_codes: &'a [String],
    id: &'a str,
    lang: &'a str,
    reviewed: Option<String>,
    section: Option<&'a str>,
    section_titles: Vec<&'a str>,
    short_url: String,
    tags: &'a [String],
    tier: &'a str,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    updated: Option<String>,
    url: String,
}

/// `articles.json` as a whole, serialized straight from the records.
#[derive(Serialize)]
struct ArticlesJson<'a> {
    articles: Vec<ArticleRecord<'a>>,
    version: u32,
}

/// `articles.json`: every listed article, for chatbots and ticketing tools.
pub fn articles_json(model: &SiteModel) -> Vec<u8> {
    let records: Vec<ArticleRecord<'_>> = model
        .listed()
        .map(|(i, linked)| {
            let a = &linked.article;
            let short = link::short_path(&model.config, &a.lang, &a.id);
            let trail = model
                .section_of(i)
                .map(|s| model.trail(s))
                .unwrap_or_default();
            ArticleRecord {
                id: &a.id,
                lang: &a.lang,
                title: &a.title,
                description: &a.description,
                url: model.urls.best("", &linked.path),
                short_url: model.urls.best("", &short),
                tier: &a.tier,
                kind: a.kind.name(),
                category: a
                    .section
                    .as_deref()
                    .map(|s| s.split('/').next().unwrap_or(s)),
                section: a.section.as_deref(),
                section_titles: trail
                    .into_iter()
                    .map(|s| model.sections[s].title.as_str())
                    .collect(),
                tags: &a.tags,
                error_codes: &a.error_codes,
                date: a.date.map(|d| d.date()),
                updated: a.updated.map(|d| d.date()),
                reviewed: a.reviewed.map(|d| d.date()),
            }
        })
        .collect();
    let mut json = serde_json::to_vec_pretty(&ArticlesJson {
        articles: records,
        version: 1,
    })
    .unwrap_or_default();
    json.push(b'\n');
    json
}

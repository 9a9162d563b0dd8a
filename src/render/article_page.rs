//! The page of an article: its body in the theme's frame, with its tiers
//! and contact links, its place in its section (breadcrumbs, previous and
//! next, the articles around it), its related articles and its
//! structured data.

use std::collections::BTreeMap;

use super::context::{ArticleContext, PageContext, PageLink, SectionEntry};
use super::fix_first;
use super::markdown::RenderedBody;
use super::pages::{ContactVars, LanguagePages, PAGE_CHROME};
use super::structured;
use crate::link;
use crate::parse::{ArticleType, Confidence};
use crate::share;

/// What an article page shows of its section's other articles.
#[derive(Default)]
struct Neighbours {
    previous: Option<PageLink>,
    next: Option<PageLink>,
    around: Vec<SectionEntry>,
    more: bool,
}

impl LanguagePages<'_> {
    /// The page of article `index`.
    ///
    /// Takes the body's HTML, table of contents and steps: only this page
    /// shows them; checking links and indexing need the rest of the body.
    /// The page is appended to `out`, which the caller may reuse from page
    /// to page.
    pub fn article(
        &self,
        index: usize,
        body: &mut RenderedBody,
        out: &mut Vec<u8>,
    ) -> Result<(), String> {
        let from = self.model.articles[index].path.as_str();
        let section = self.model.section_of(index);
        let page = self.article_frame(index, section, body);
        body.step_texts = Vec::new();
        let article = self.article_context(index, section, &page, body);
        out.reserve(article.content.len() + PAGE_CHROME);
        self.render_into("article.html", from, out, |ctx| {
            ctx.insert("page", &page);
            ctx.insert("article", &article);
        })
    }

    /// The page values of article `index`, in `section`: its translations,
    /// its place among the sections and its structured data.
    fn article_frame(
        &self,
        index: usize,
        section: Option<usize>,
        body: &RenderedBody,
    ) -> PageContext {
        let model = self.model;
        let linked = &model.articles[index];
        let a = &linked.article;
        let from = linked.path.as_str();
        let alternates: BTreeMap<String, String> = linked
            .translations
            .iter()
            .map(|&i| &model.articles[i])
            .map(|t| (t.article.lang.clone(), t.path.clone()))
            .collect();
        let mut page = self.page(
            "article",
            from,
            a.title.clone(),
            a.description.clone(),
            &alternates,
        );
        page.breadcrumbs = self.crumbs(from, section);
        page.section_tree = self.section_tree(from, section, false);
        page.json_ld = Some(self.article_data(index, body, section));
        page.category = section.map(|s| self.model.sections[s].top().to_owned());
        page
    }

    /// The `article` values of article `index`, in `section`, on `page`;
    /// takes the body's HTML, table of contents and steps.
    fn article_context(
        &self,
        index: usize,
        section: Option<usize>,
        page: &PageContext,
        body: &mut RenderedBody,
    ) -> ArticleContext {
        let model = self.model;
        let linked = &model.articles[index];
        let a = &linked.article;
        let from = linked.path.as_str();
        let neighbours = self.neighbours(index);
        // A relative link means nothing to whoever receives the request:
        // without the site's URL the page fills `{url}` in itself.
        let page_url = model.urls.absolute(from).unwrap_or_default();
        let vars = ContactVars::for_article(a, &page_url);
        let send_link =
            share::send_link(&model.config, &model.urls, from, &a.lang, &a.id, a.audience);
        let reply = share::reply_parts(
            &model.config,
            &a.lang,
            share::ReplyVars {
                id: &a.id,
                title: &a.title,
                description: &a.description,
            },
        );
        let content = article_content(a.kind, body);
        let symptoms_in_body = fix_first::has_symptoms_section(
            body.sections.iter().filter_map(|s| s.heading.as_deref()),
            self.text.get("symptoms"),
        );
        ArticleContext {
            summary: self.summary(from, index),
            content,
            toc: std::mem::take(&mut body.toc),
            steps: std::mem::take(&mut body.steps),
            tier_info: self.tier_by_id(from, &a.tier, vars),
            escalate_to: self.tier_by_id(from, &a.escalate_to, vars),
            category_href: section.map(|s| self.href(from, model.section_page(s))),
            previous: neighbours.previous,
            next: neighbours.next,
            in_section: neighbours.around,
            section_has_more: neighbours.more,
            related: model
                .related(index)
                .iter()
                .map(|&r| PageLink {
                    title: model.articles[r].article.title.clone(),
                    href: self.href(from, &model.articles[r].path),
                })
                .collect(),
            author: a.author.clone(),
            team: a.team.clone(),
            date: a.date.map(|d| d.date()),
            reviewed: a.reviewed.map(|d| d.date()),
            tags: a.tags.clone(),
            tag_links: self.tag_links(from, &a.tags),
            symptoms: a.symptoms.clone(),
            error_codes: a.error_codes.clone(),
            applies_to: a.applies_to.clone(),
            symptoms_in_body,
            confidence_notice: (a.confidence != Confidence::Validated).then(|| {
                let state = a.confidence.name().replace('-', "_");
                self.text
                    .get(&format!("confidence_notice_{state}"))
                    .to_owned()
            }),
            translations: page
                .languages
                .iter()
                .filter(|l| l.alternate)
                .cloned()
                .collect(),
            short_link: model
                .urls
                .best(from, &link::short_path(&model.config, &a.lang, &a.id)),
            send_link,
            reply: serde_json::to_string(&reply).unwrap_or_default(),
        }
    }

    /// The articles beside article `index` in its section, or outside
    /// sections beside it ([`crate::link::SiteModel::neighbour_list`]).
    fn neighbours(&self, index: usize) -> Neighbours {
        let model = self.model;
        let from = model.articles[index].path.as_str();
        let Some((list, place)) = model.neighbour_list(index) else {
            return Neighbours::default();
        };
        let link = |i: usize| PageLink {
            title: model.articles[i].article.title.clone(),
            href: self.href(from, &model.articles[i].path),
        };
        Neighbours {
            previous: place.checked_sub(1).map(|p| link(list[p])),
            next: list.get(place + 1).map(|&i| link(i)),
            around: model
                .section_window(index)
                .iter()
                .map(|&i| SectionEntry {
                    link: link(i),
                    current: i == index,
                })
                .collect(),
            more: model.section_has_more(index),
        }
    }

    /// The JSON-LD of article `index`, whose rendered body is `body`.
    fn article_data(&self, index: usize, body: &RenderedBody, section: Option<usize>) -> String {
        let model = self.model;
        let linked = &model.articles[index];
        let a = &linked.article;
        let from = linked.path.as_str();
        let url = model.urls.absolute(from);
        let (published, modified) = (a.date.map(|d| d.date()), a.updated.map(|d| d.date()));
        let c = self.config();
        let data = structured::ArticleData {
            title: &a.title,
            description: &a.description,
            lang: &a.lang,
            url: url.as_deref(),
            id: &a.id,
            published: published.as_deref(),
            modified: modified.as_deref(),
            author: a.author.as_deref().or(a.team.as_deref()),
            site: c.title.get(&self.lang, &c.default_language),
            keywords: &a.tags,
            steps: body
                .steps
                .iter()
                .zip(&body.step_texts)
                .map(|(id, text)| structured::Step {
                    // Relative, a step is on this very page.
                    href: format!("{}#{id}", url.as_deref().unwrap_or_default()),
                    text,
                })
                .collect(),
            questions: if a.kind == ArticleType::Faq {
                body.sections
                    .iter()
                    .filter_map(|s| Some((s.heading.as_deref()?, s.text.as_str())))
                    .filter(|(_, answer)| !answer.is_empty())
                    .collect()
            } else {
                Vec::new()
            },
        };
        structured::article(&data, &self.trail_data(from, section, &a.title))
    }
}

/// The HTML of an article of type `kind`, taken from `body`. Troubleshooting
/// and known issues start with the fix: what comes before it is folded (see
/// `fix_first`).
fn article_content(kind: ArticleType, body: &mut RenderedBody) -> String {
    let html = std::mem::take(&mut body.html);
    if matches!(kind, ArticleType::Troubleshooting | ArticleType::KnownIssue) {
        fix_first::fold_context(&html, &body.toc, body.steps.first().map(String::as_str))
    } else {
        html
    }
}

//! The pages of the section tree: the home page, which lists the top
//! sections, and each section's page, which shows its landing page's text
//! and lists its subsections and articles, under its breadcrumb trail.

use std::collections::BTreeMap;

use super::context::{ArticleSummary, CategoryOverview, SectionContext};
use super::markdown;
use super::pages::{LanguagePages, PAGE_CHROME, RECENT};
use super::structured;
use crate::diagnostics::Diagnostic;
use crate::link::{self, SiteModel};
use crate::parse::SectionPage;

/// Articles listed under each section in lists of sections.
const TOP_PER_SECTION: usize = 5;

impl LanguagePages<'_> {
    /// Section `index`, for a list of sections on the page at `from`: its
    /// subsections, and its first articles, its own and then those below.
    fn overview(&self, from: &str, index: usize) -> CategoryOverview {
        let model = self.model;
        let s = &model.sections[index];
        let mut top: Vec<usize> = Vec::with_capacity(TOP_PER_SECTION);
        let mut queue = vec![index];
        while let Some(i) = queue.pop() {
            let section = &model.sections[i];
            top.extend(section.articles.iter().take(TOP_PER_SECTION - top.len()));
            if top.len() == TOP_PER_SECTION {
                break;
            }
            queue.extend(section.children.iter().rev());
        }
        CategoryOverview {
            category: self.section_link(from, index),
            count: s.count,
            top: top.into_iter().map(|i| self.summary(from, i)).collect(),
            subsections: s
                .children
                .iter()
                .map(|&c| self.section_link(from, c))
                .collect(),
        }
    }

    /// The page of section `index` of [`SiteModel::sections`].
    pub fn section(&self, index: usize) -> Result<Vec<u8>, String> {
        let model = self.model;
        let s = &model.sections[index];
        let from = s.path.as_str();
        let alternates: BTreeMap<String, String> = self
            .config()
            .languages
            .iter()
            .filter_map(|l| model.section(&s.id, &l.code))
            .map(|i| {
                (
                    model.sections[i].lang.clone(),
                    model.section_page(i).to_owned(),
                )
            })
            .collect();
        let articles: Vec<ArticleSummary> =
            s.articles.iter().map(|&i| self.summary(from, i)).collect();
        let mut page = self.page(
            "category",
            from,
            s.title.clone(),
            s.description.clone(),
            &alternates,
        );
        page.breadcrumbs = self.crumbs(from, s.parent);
        page.json_ld = Some(structured::breadcrumbs(
            &self.trail_data(from, s.parent, &s.title),
        ));
        page.category = Some(s.top().to_owned());
        let body = s
            .landing
            .as_deref()
            .map(|l| markdown::render_landing(model, l, from, &self.text))
            .unwrap_or_default();
        let section = SectionContext {
            overview: self.overview(from, index),
            content: body.html,
            toc: body.toc,
        };
        let subsections: Vec<CategoryOverview> =
            s.children.iter().map(|&c| self.overview(from, c)).collect();
        self.render("category.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("section", &section);
            ctx.insert("subsections", &subsections);
            ctx.insert("articles", &articles);
        })
    }

    /// The home page of this language.
    pub fn home(&self) -> Result<Vec<u8>, String> {
        let model = self.model;
        let from = self.home_path();
        let site = self.site(&from);
        let recent: Vec<ArticleSummary> = model
            .recently_updated(&self.lang)
            .into_iter()
            .take(RECENT)
            .map(|i| self.summary(&from, i))
            .collect();
        let intro = model.homes.get(&self.lang);
        let title = intro
            .and_then(|h| h.title.clone())
            .unwrap_or_else(|| site.title.clone());
        let description = intro
            .and_then(|h| h.description.clone())
            .unwrap_or_else(|| site.description.clone());
        let alternates = self.everywhere(|lang| link::language_prefix(self.config(), lang));
        let mut page = self.page("home", &from, title, description, &alternates);
        page.json_ld = page
            .canonical
            .as_deref()
            .map(|url| structured::website(&site.title, &self.lang, url));
        let categories: Vec<CategoryOverview> = (0..model.sections.len())
            .filter(|&i| {
                let s = &model.sections[i];
                s.lang == self.lang && s.parent.is_none()
            })
            .map(|i| self.overview(&from, i))
            .collect();
        let content = intro
            .map(|h| markdown::render_landing(model, h, &from, &self.text).html)
            .unwrap_or_default();
        self.render("home.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("recent", &recent);
            ctx.insert("categories", &categories);
            ctx.insert("content", &content);
        })
    }
}

/// The landing pages of `model` whose text some page shows, each once.
fn landings(model: &SiteModel) -> Vec<(&SectionPage, String)> {
    let sections = model.sections.iter().filter_map(|s| {
        let landing = s.landing.as_deref()?;
        (landing.lang == s.lang && s.article.is_none()).then(|| (landing, s.path.clone()))
    });
    let homes = model
        .homes
        .values()
        .map(|h| (h, link::language_prefix(&model.config, &h.lang)));
    sections.chain(homes).collect()
}

/// The problems of the landing pages' text (broken links and images),
/// found as their pages will show them.
pub(super) fn landing_problems(
    model: &SiteModel,
    languages: &[LanguagePages<'_>],
) -> Vec<Diagnostic> {
    landings(model)
        .into_iter()
        .flat_map(|(landing, path)| {
            let pages = super::in_language(languages, &landing.lang);
            markdown::render_landing(model, landing, &path, &pages.text).diagnostics
        })
        .collect()
}

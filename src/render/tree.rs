//! The pages of the section tree: the home page, which lists the top
//! sections, and each section's page, which shows its landing page's text
//! and lists its subsections and articles, under its breadcrumb trail.

use std::collections::BTreeMap;

use super::context::{ArticleSummary, CategoryOverview, PageLink, SectionContext, TreeEntry};
use super::markdown;
use super::pagination;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::pages::{LanguagePages, PAGE_CHROME, RECENT, search_page_path};
use super::structured;
use crate::diagnostics::Diagnostic;
use crate::link::{self, SiteModel};
use crate::parse::SectionPage;

/// Articles listed under each section in lists of sections.
const TOP_PER_SECTION: usize = 5;
/// Example queries the home page computes when the config lists none.
const COMPUTED_EXAMPLES: usize = 5;
/// Titles offered as examples by a language whose articles name no error code.
const TITLE_EXAMPLES: usize = 3;

/// The first articles of section `index` that a list of sections shows
/// under it: its own, then those below it.
pub(super) fn top_articles(model: &SiteModel, index: usize) -> Vec<usize> {
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
    top
}

impl LanguagePages<'_> {
    /// Section `index`, for a list of sections on the page at `from`: its
    /// subsections, and its first articles, its own and then those below.
    fn overview(&self, from: &str, index: usize) -> CategoryOverview {
        let model = self.model;
        let s = &model.sections[index];
        CategoryOverview {
            category: self.section_link(from, index),
            count: s.count,
            top: top_articles(model, index)
                .into_iter()
                .map(|i| self.summary(from, i))
                .collect(),
            subsections: s
                .children
                .iter()
                .map(|&c| self.section_link(from, c))
                .collect(),
        }
    }

    /// The side navigation of a page at `from` in section `current`
    /// (`own_page`: the section's own page): every top section of this
    /// language, and the subsections of each section on `current`'s trail.
    pub(super) fn section_tree(
        &self,
        from: &str,
        current: Option<usize>,
        own_page: bool,
    ) -> Vec<TreeEntry> {
        let model = self.model;
        let trail = current.map(|c| model.trail(c)).unwrap_or_default();
        let mut entries: Vec<TreeEntry> = Vec::new();
        let mut stack: Vec<usize> = (0..model.sections.len())
            .rev()
            .filter(|&i| model.sections[i].lang == self.lang && model.sections[i].parent.is_none())
            .collect();
        while let Some(i) = stack.pop() {
            let s = &model.sections[i];
            let on_trail = trail.contains(&i);
            entries.push(TreeEntry {
                link: PageLink {
                    title: s.title.clone(),
                    href: self.href(from, model.section_page(i)),
                },
                depth: s.depth(),
                current: match (Some(i) == current, on_trail) {
                    (true, _) if own_page => Some("page"),
                    (_, true) => Some("true"),
                    _ => None,
                },
                nest: false,
                end: 0,
            });
            if on_trail {
                stack.extend(s.children.iter().rev());
            }
        }
        for k in 0..entries.len() {
            let depth = entries[k].depth;
            let next = entries.get(k + 1).map_or(0, |e| e.depth);
            entries[k].nest = next > depth;
            entries[k].end = depth.saturating_sub(next);
        }
        entries
    }

    /// Page `number` (from 1) of section `index` of [`SiteModel::sections`]:
    /// the first shows its landing page and subsections, every one its
    /// share of the section's own articles.
    pub fn section(&self, index: usize, number: usize) -> Result<Vec<u8>, String> {
        let model = self.model;
        let s = &model.sections[index];
        let path = pagination::page_path(&s.path, number);
        let from = path.as_str();
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
        let (title, articles, pagination) =
            self.paginated(s.title.clone(), &s.articles, number, from, |n| {
                pagination::page_path(&s.path, n)
            });
        // The other languages have the same section, not the same page of it.
        let alternates = if number > 1 {
            BTreeMap::new()
        } else {
            alternates
        };
        let mut page = self.page("category", from, title, s.description.clone(), &alternates);
        page.breadcrumbs = self.crumbs(from, s.parent);
        page.json_ld = Some(structured::breadcrumbs(
            &self.trail_data(from, s.parent, &s.title),
        ));
        page.category = Some(s.top().to_owned());
        page.section_tree = self.section_tree(from, Some(index), true);
        let body = s
            .landing
            .as_deref()
            .filter(|_| number == 1)
            .map(|l| markdown::render_landing(model, l, from, &self.text, &self.theme.ids))
            .unwrap_or_default();
        let section = SectionContext {
            overview: self.overview(from, index),
            content: body.html,
            toc: body.toc,
        };
        let subsections: Vec<CategoryOverview> = if number == 1 {
            s.children.iter().map(|&c| self.overview(from, c)).collect()
        } else {
            Vec::new()
        };
        self.render("category.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("section", &section);
            ctx.insert("subsections", &subsections);
            ctx.insert("articles", &articles);
            ctx.insert("article_count", &s.articles.len());
            ctx.insert("pagination", &pagination);
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
        let outside_sections: Vec<ArticleSummary> = model
            .outside_sections(&self.lang)
            .iter()
            .map(|&i| self.summary(&from, i))
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
            .map(|h| markdown::render_landing(model, h, &from, &self.text, &self.theme.ids).html)
            .unwrap_or_default();
        let results = self.href(&from, &search_page_path(self.config(), &self.lang));
        let examples: Vec<PageLink> = self
            .search_examples()
            .into_iter()
            .map(|query| PageLink {
                href: format!(
                    "{results}?q={}",
                    utf8_percent_encode(&query, NON_ALPHANUMERIC)
                ),
                title: query,
            })
            .collect();
        self.render("home.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("examples", &examples);
            ctx.insert("recent", &recent);
            ctx.insert("categories", &categories);
            ctx.insert("outside_sections", &outside_sections);
            ctx.insert("content", &content);
        })
    }
}

impl LanguagePages<'_> {
    /// The example queries of the home page: `search.examples` of the
    /// config for this language, else the error codes that most of its
    /// articles name, then the first code of each article, most recently
    /// updated first; else (no article names a code) the titles of its
    /// latest articles.
    fn search_examples(&self) -> Vec<String> {
        let model = self.model;
        if let Some(listed) = self.config().search.examples.get(&self.lang) {
            return listed.clone();
        }
        let recent = model.recently_updated(&self.lang);
        let codes_of = |i: usize| model.articles[i].article.error_codes.iter();
        let mut articles_naming: BTreeMap<String, usize> = BTreeMap::new();
        for &i in &recent {
            for code in codes_of(i) {
                *articles_naming.entry(code.to_lowercase()).or_default() += 1;
            }
        }
        let shared = recent
            .iter()
            .flat_map(|&i| codes_of(i))
            .filter(|c| articles_naming[&c.to_lowercase()] > 1);
        let mut shared: Vec<&String> = shared.collect();
        // Most named first; the sort is stable, so recency orders the rest.
        shared.sort_by_key(|c| std::cmp::Reverse(articles_naming[&c.to_lowercase()]));
        let firsts = recent.iter().filter_map(|&i| codes_of(i).next());
        let mut examples: Vec<String> = Vec::new();
        for code in shared.into_iter().chain(firsts) {
            if examples.len() == COMPUTED_EXAMPLES {
                break;
            }
            if !examples.iter().any(|e| e.eq_ignore_ascii_case(code)) {
                examples.push(code.clone());
            }
        }
        if examples.is_empty() {
            examples = recent
                .iter()
                .take(TITLE_EXAMPLES)
                .map(|&i| model.articles[i].article.title.clone())
                .collect();
        }
        examples
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
            markdown::render_landing(model, landing, &path, &pages.text, &pages.theme.ids)
                .diagnostics
        })
        .collect()
}

//! The pages that are not articles (sections, tiers, tags, home pages,
//! feeds, redirects, the 404 page) and the generated files. They list what
//! the articles are, but need nothing the articles' rendering learns, so
//! they render apart from them, as [`listings`].

use std::io;

use rayon::prelude::*;

use super::pages::{self, LanguagePages, TierArticles};
use super::theme::Theme;
use super::{RenderError, Sink, feeds, in_language, pagination, tags, template_errors};
use crate::diagnostics::Diagnostic;
use crate::link::{self, SiteModel};
use crate::output_paths;

/// One page to render, other than articles.
enum Job {
    /// Section, page number (from 1).
    Section(usize, usize),
    Redirect(usize),
    Home(usize),
    Feed(usize),
    /// Language, tier, page number (from 1).
    Tier(usize, usize, usize),
    Changes(usize),
    Search(usize),
    /// Language, tag slug, page number (from 1).
    Tag(usize, String, usize),
    Tags(usize),
    NotFound,
}

/// Renders every page that is not an article page (categories, tiers, home
/// pages, feeds, the 404 page, the redirects `include_redirect` accepts) and
/// the generated files; returns the errors of templates that failed.
pub fn listings(
    model: &SiteModel,
    theme: &Theme,
    languages: &[LanguagePages<'_>],
    sink: &dyn Sink,
    include_redirect: &(dyn Fn(&link::Redirect) -> bool + Sync),
) -> Result<Vec<Diagnostic>, RenderError> {
    let listed = Listed::new(model, languages);
    let jobs = listed.jobs(include_redirect);
    let (pages, others) = rayon::join(
        || {
            jobs.par_iter()
                .map(|job| {
                    let (path, page) = listed.render(job);
                    match page {
                        Ok(bytes) => sink.put(&path, &bytes).map(|()| None),
                        Err(e) => Ok(Some(e)),
                    }
                })
                .collect::<io::Result<Vec<Option<String>>>>()
        },
        || generated(model, theme, sink),
    );
    others.map_err(RenderError::Io)?;
    let failed = pages.map_err(RenderError::Io)?;
    Ok(template_errors(model, failed.into_iter().flatten()))
}

/// What the pages of [`listings`] list, found once for all of them.
struct Listed<'l> {
    model: &'l SiteModel,
    languages: &'l [LanguagePages<'l>],
    /// The tags of each language, as in `languages`.
    tag_indexes: Vec<tags::TagIndex>,
    /// The articles of each tier (in config order) of each language.
    tier_articles: Vec<Vec<TierArticles>>,
}

impl<'l> Listed<'l> {
    fn new(model: &'l SiteModel, languages: &'l [LanguagePages<'l>]) -> Self {
        let tag_indexes = languages
            .iter()
            .map(|l| tags::tag_index(model, &l.lang))
            .collect();
        let tier_articles = languages
            .iter()
            .map(|l| {
                model
                    .config
                    .tiers
                    .iter()
                    .map(|t| l.tier_articles(&t.id))
                    .collect()
            })
            .collect();
        Self {
            model,
            languages,
            tag_indexes,
            tier_articles,
        }
    }

    /// Every page to render, the redirects `include_redirect` accepts among
    /// them, in the order their template errors are reported.
    fn jobs(&self, include_redirect: &(dyn Fn(&link::Redirect) -> bool + Sync)) -> Vec<Job> {
        let model = self.model;
        let mut jobs: Vec<Job> = (0..model.sections.len())
            .filter(|&i| model.sections[i].article.is_none())
            .flat_map(|i| (1..=section_pages(model, i)).map(move |n| Job::Section(i, n)))
            .collect();
        jobs.extend(
            (0..model.redirects.len())
                .filter(|&r| include_redirect(&model.redirects[r]))
                .map(Job::Redirect),
        );
        for (l, index) in self.tag_indexes.iter().enumerate() {
            if !index.is_empty() {
                jobs.push(Job::Tags(l));
                for (slug, (_, articles)) in index {
                    jobs.extend(
                        (1..=pagination::page_count(articles.len()))
                            .map(|n| Job::Tag(l, slug.clone(), n)),
                    );
                }
            }
        }
        for (l, tiers) in self.tier_articles.iter().enumerate() {
            jobs.extend([Job::Home(l), Job::Feed(l), Job::Search(l)]);
            for (t, listed) in tiers.iter().enumerate() {
                let pages = pagination::page_count(listed.articles.len());
                jobs.extend((1..=pages).map(|n| Job::Tier(l, t, n)));
            }
            if model.audience == link::BuildAudience::Agents {
                jobs.push(Job::Changes(l));
            }
        }
        jobs.push(Job::NotFound);
        jobs
    }

    /// The output path of `job`'s page, and the page or why its template
    /// failed.
    fn render(&self, job: &Job) -> (String, Result<Vec<u8>, String>) {
        let (model, languages) = (self.model, self.languages);
        let for_lang = |lang: &str| in_language(languages, lang);
        match *job {
            Job::Section(i, number) => {
                let s = &model.sections[i];
                (
                    format!("{}index.html", pagination::page_path(&s.path, number)),
                    for_lang(&s.lang).section(i, number),
                )
            }
            Job::Redirect(i) => {
                let r = &model.redirects[i];
                (
                    format!("{}index.html", r.from),
                    for_lang(&model.articles[r.to].article.lang).redirect(&r.from, r.to),
                )
            }
            Job::Home(l) => (
                format!("{}index.html", languages[l].home_path()),
                languages[l].home(),
            ),
            Job::Feed(l) => (
                format!("{}{}", languages[l].home_path(), output_paths::FEED),
                feeds::atom(&languages[l]),
            ),
            Job::Tier(l, t, number) => {
                let tier = &model.config.tiers[t];
                let first = link::tier_path(&model.config, &languages[l].lang, &tier.id);
                (
                    format!("{}index.html", pagination::page_path(&first, number)),
                    languages[l].tier_page(tier, &self.tier_articles[l][t], number),
                )
            }
            Job::Changes(l) => (
                format!(
                    "{}index.html",
                    pages::changes_path(&model.config, &languages[l].lang)
                ),
                languages[l].changes(),
            ),
            Job::Search(l) => (
                format!(
                    "{}index.html",
                    pages::search_page_path(&model.config, &languages[l].lang)
                ),
                languages[l].search_results(),
            ),
            Job::Tag(l, ref slug, number) => {
                let (name, articles) = &self.tag_indexes[l][slug];
                (
                    format!(
                        "{}index.html",
                        tags::tag_page_path(&model.config, &languages[l].lang, slug, number)
                    ),
                    languages[l].tag_page(slug, name, articles, number),
                )
            }
            Job::Tags(l) => (
                format!(
                    "{}index.html",
                    link::tags_path(&model.config, &languages[l].lang)
                ),
                languages[l].tags_page(&self.tag_indexes[l]),
            ),
            Job::NotFound => (output_paths::NOT_FOUND.into(), languages[0].not_found()),
        }
    }
}

/// How many pages section `index`'s list of articles takes: as many as it
/// has articles for, within those whose paths it claimed when linked.
fn section_pages(model: &SiteModel, index: usize) -> usize {
    let s = &model.sections[index];
    pagination::page_count(s.articles.len()).min(s.pages.max(1))
}

/// Writes the files that are not pages: robots.txt, articles.json, the
/// sitemap, the theme's static files and the content folder's assets.
fn generated(model: &SiteModel, theme: &Theme, sink: &dyn Sink) -> io::Result<()> {
    let (json, sitemap) = rayon::join(
        || feeds::articles_json(model),
        || feeds::sitemap(model, &sitemap_pages(model)),
    );
    sink.put(output_paths::ROBOTS, feeds::robots(model).as_bytes())?;
    sink.put(output_paths::ARTICLES_JSON, &json)?;
    if let Some(xml) = sitemap {
        sink.put(output_paths::SITEMAP, xml.as_bytes())?;
    }
    theme
        .files
        .par_iter()
        .try_for_each(|(path, bytes)| sink.put(path, bytes))?;
    model
        .assets
        .par_iter()
        .try_for_each(|a| sink.copy(&a.rel, &a.source))
}

/// Pages worth listing in a sitemap (everything but redirects and the 404
/// page), in path order, with the date articles were last updated. The
/// dates are taken as the pages are listed: looking each page up among the
/// articles made the sitemap of 100,000 articles cost ten billion
/// comparisons.
fn sitemap_pages(model: &SiteModel) -> Vec<(String, Option<crate::parse::Timestamp>)> {
    let c = &model.config;
    let mut pages: Vec<(String, Option<crate::parse::Timestamp>)> = model
        .articles
        .iter()
        .map(|a| (a.path.clone(), a.article.updated))
        .collect();
    pages.extend(
        model
            .sections
            .iter()
            .filter(|s| s.article.is_none())
            .map(|s| (s.path.clone(), None)),
    );
    for l in &c.languages {
        pages.push((link::language_prefix(c, &l.code), None));
        pages.extend(
            c.tiers
                .iter()
                .map(|t| (link::tier_path(c, &l.code, &t.id), None)),
        );
    }
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    pages
}

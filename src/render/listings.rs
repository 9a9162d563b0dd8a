//! The pages that are not articles (sections, tiers, tags, home pages,
//! feeds, redirects, the 404 page) and the generated files. They list what
//! the articles are, but need nothing the articles' rendering learns, so
//! they render apart from them, as [`listings`].

use std::collections::BTreeMap;
use std::io;

use rayon::prelude::*;

use super::pages::{self, LanguagePages, TierArticles};
use super::theme::Theme;
use super::{
    RenderError, Sink, feeds, in_language, pagination, redirects, tags, template_errors, tree,
};
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

/// What a page that lists articles shows of them, beside what frames every
/// page (the config, the theme, the sections' titles and paths): the
/// articles it shows an entry of, in order, and the names and counts it
/// gives. An entry shows only its own article, so a page with the same
/// listing in a site framed the same, none of whose articles changed, is
/// the same page: the dev server keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// Indexes into [`SiteModel::articles`].
    articles: Vec<usize>,
    /// The names and counts it shows.
    counts: Vec<(String, usize)>,
}

impl Listing {
    /// Whether this listing shows what `old`, of the site built before,
    /// showed: the same names and counts, and in the same order the same
    /// articles, unchanged. `unchanged` gives the old index of an article
    /// of this site when it is unchanged since.
    pub fn shows_as(&self, old: &Listing, unchanged: impl Fn(usize) -> Option<usize>) -> bool {
        self.counts == old.counts
            && self.articles.len() == old.articles.len()
            && self
                .articles
                .iter()
                .zip(&old.articles)
                .all(|(&i, &o)| unchanged(i) == Some(o))
    }
}

/// The [`Listing`] of each page that has one, by output path.
pub type Listings = BTreeMap<String, Listing>;

/// What [`listings`] did.
pub struct ListingPages {
    /// The errors of the templates that failed.
    pub errors: Vec<Diagnostic>,
    /// The listing of every page that has one, rendered or not.
    pub listings: Listings,
    /// How many pages it rendered.
    pub rendered: usize,
}

/// Renders every page that is not an article page (categories, tiers, home
/// pages, feeds, the 404 page, the redirects) and the generated files,
/// except the pages whose output path (and listing, if they have one)
/// `render_page` refuses.
pub fn listings(
    model: &SiteModel,
    theme: &Theme,
    languages: &[LanguagePages<'_>],
    sink: &dyn Sink,
    render_page: &(dyn Fn(&str, Option<&Listing>) -> bool + Sync),
) -> Result<ListingPages, RenderError> {
    let listed = Listed::new(model, languages);
    let jobs = listed.jobs();
    let (pages, others) = rayon::join(
        || {
            jobs.par_iter()
                .map(|job| {
                    let path = listed.path(job);
                    let listing = listed.listing(job);
                    if !render_page(&path, listing.as_ref()) {
                        return Ok((None, false, path, listing));
                    }
                    match listed.page(job) {
                        Ok(bytes) => sink
                            .put(&path, &bytes)
                            .map(|()| (None, true, path, listing)),
                        Err(e) => Ok((Some(e), true, path, listing)),
                    }
                })
                .collect::<io::Result<Vec<_>>>()
        },
        || generated(model, theme, sink),
    );
    others.map_err(RenderError::Io)?;
    let pages = pages.map_err(RenderError::Io)?;
    let mut failed = Vec::new();
    let mut listings = Listings::new();
    let mut rendered = 0;
    for (error, was_rendered, path, listing) in pages {
        failed.extend(error);
        rendered += usize::from(was_rendered);
        if let Some(listing) = listing {
            listings.insert(path, listing);
        }
    }
    Ok(ListingPages {
        errors: template_errors(model, failed),
        listings,
        rendered,
    })
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

    /// Every page to render, in the order their template errors are reported.
    fn jobs(&self) -> Vec<Job> {
        let model = self.model;
        let mut jobs: Vec<Job> = (0..model.sections.len())
            .filter(|&i| model.sections[i].article.is_none())
            .flat_map(|i| (1..=section_pages(model, i)).map(move |n| Job::Section(i, n)))
            .collect();
        if redirects::redirect_pages(model) > 0 {
            jobs.extend((0..model.redirects.len()).map(Job::Redirect));
        }
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

    /// The output path of `job`'s page.
    fn path(&self, job: &Job) -> String {
        let (config, languages) = (&self.model.config, self.languages);
        let page = output_paths::page_file;
        match *job {
            Job::Section(i, number) => {
                page(&pagination::page_path(&self.model.sections[i].path, number))
            }
            Job::Redirect(i) => page(&self.model.redirects[i].from),
            Job::Home(l) => page(&languages[l].home_path()),
            Job::Feed(l) => format!("{}{}", languages[l].home_path(), output_paths::FEED),
            Job::Tier(l, t, number) => {
                let first = link::tier_path(config, &languages[l].lang, &config.tiers[t].id);
                page(&pagination::page_path(&first, number))
            }
            Job::Changes(l) => page(&pages::changes_path(config, &languages[l].lang)),
            Job::Search(l) => page(&pages::search_page_path(config, &languages[l].lang)),
            Job::Tag(l, ref slug, number) => page(&tags::tag_page_path(
                config,
                &languages[l].lang,
                slug,
                number,
            )),
            Job::Tags(l) => page(&link::tags_path(config, &languages[l].lang)),
            Job::NotFound => output_paths::NOT_FOUND.into(),
        }
    }

    /// `job`'s page, or why its template failed.
    fn page(&self, job: &Job) -> Result<Vec<u8>, String> {
        let (model, languages) = (self.model, self.languages);
        let for_lang = |lang: &str| in_language(languages, lang);
        match *job {
            Job::Section(i, number) => for_lang(&model.sections[i].lang).section(i, number),
            Job::Redirect(i) => {
                let r = &model.redirects[i];
                for_lang(model.redirect_target(r).1).redirect(r)
            }
            Job::Home(l) => languages[l].home(),
            Job::Feed(l) => feeds::atom(&languages[l]),
            Job::Tier(l, t, number) => {
                languages[l].tier_page(&model.config.tiers[t], &self.tier_articles[l][t], number)
            }
            Job::Changes(l) => languages[l].changes(),
            Job::Search(l) => languages[l].search_results(),
            Job::Tag(l, ref slug, number) => {
                let (name, articles) = &self.tag_indexes[l][slug];
                languages[l].tag_page(slug, name, articles, number)
            }
            Job::Tags(l) => languages[l].tags_page(&self.tag_indexes[l]),
            Job::NotFound => languages[0].not_found(),
        }
    }

    /// What `job`'s page shows of the articles, if that is all it shows
    /// of them: a page of a section (without a landing page, whose links
    /// may lead to any article), of a tier or of a tag. The other pages
    /// show what a change to any article may change: the latest articles,
    /// example queries, every tag.
    fn listing(&self, job: &Job) -> Option<Listing> {
        let model = self.model;
        match *job {
            Job::Section(i, number) => {
                let s = &model.sections[i];
                let first = number == 1;
                if first && s.landing.is_some() {
                    return None;
                }
                let shown = if first { &s.children[..] } else { &[] };
                let mut articles = pagination::share(&s.articles, number).to_vec();
                let mut counts = vec![(String::new(), s.articles.len())];
                for &section in std::iter::once(&i).chain(shown) {
                    articles.extend(tree::top_articles(model, section));
                    counts.push((String::new(), model.sections[section].count));
                }
                Some(Listing { articles, counts })
            }
            Job::Tier(l, t, number) => {
                let listed = &self.tier_articles[l][t];
                let mut counts = listed.by_category.clone();
                counts.push((String::new(), listed.articles.len()));
                Some(Listing {
                    articles: pagination::share(&listed.articles, number).to_vec(),
                    counts,
                })
            }
            Job::Tag(l, ref slug, number) => {
                let (name, articles) = &self.tag_indexes[l][slug];
                Some(Listing {
                    articles: pagination::share(articles, number).to_vec(),
                    counts: vec![(name.clone(), articles.len())],
                })
            }
            Job::Redirect(_)
            | Job::Home(_)
            | Job::Feed(_)
            | Job::Changes(_)
            | Job::Search(_)
            | Job::Tags(_)
            | Job::NotFound => None,
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
/// sitemap, the redirect files of `redirects: not-found`, the theme's
/// static files and the content folder's assets.
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
    for (path, json) in redirects::files(model) {
        sink.put(&path, &json)?;
    }
    theme
        .files
        .par_iter()
        .try_for_each(|(path, bytes)| sink.put(path, bytes))?;
    model
        .assets
        .par_iter()
        .try_for_each(|a| sink.copy(&output_paths::asset_path(&a.rel), &a.source))
}

/// Pages worth listing in a sitemap (everything but redirects and the 404
/// page), in path order, with the date articles were last updated. The
/// dates are taken as the pages are listed: looking each page up among the
/// articles made the sitemap of 100,000 articles cost ten billion
/// comparisons.
fn sitemap_pages(model: &SiteModel) -> Vec<(String, Option<crate::parse::Timestamp>)> {
    let c = &model.config;
    let mut pages: Vec<(String, Option<crate::parse::Timestamp>)> = model
        .listed()
        .map(|(_, a)| (a.path.clone(), a.article.updated))
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

#[cfg(test)]
mod tests {
    use super::Listing;

    fn listing(articles: &[usize], count: usize) -> Listing {
        Listing {
            articles: articles.to_vec(),
            counts: vec![("tag".to_owned(), count)],
        }
    }

    #[test]
    fn a_listing_shows_as_before_only_with_the_same_unchanged_articles_in_order_and_counts() {
        let old = listing(&[4, 5, 6], 3);
        // Articles moved up by one, none of them changed.
        let moved = |i: usize| Some(i + 1);
        assert!(listing(&[3, 4, 5], 3).shows_as(&old, moved));
        assert!(
            !listing(&[3, 4, 5], 4).shows_as(&old, moved),
            "another count"
        );
        assert!(
            !listing(&[4, 3, 5], 3).shows_as(&old, moved),
            "another order"
        );
        assert!(!listing(&[3, 4], 3).shows_as(&old, moved), "fewer articles");
        let fourth_changed = |i: usize| (i != 4).then_some(i + 1);
        assert!(
            !listing(&[3, 4, 5], 3).shows_as(&old, fourth_changed),
            "a changed article"
        );
    }
}

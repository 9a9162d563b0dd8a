//! The link stage: parsed articles → the immutable [`SiteModel`].
//!
//! In: the [`Config`], the parsed articles and section pages, the assets,
//! and the build options. Out: the model every later stage reads: which
//! articles are published, their URLs, translations, categories, tiers and
//! redirects; or located errors for everything that does not fit together
//! (duplicate ids, two pages on one path). Drafts (unless asked for) and,
//! in the public build, internal articles and those whose KCS state it does
//! not show (archived ones; not-validated ones unless `kcs.public` says so)
//! are dropped here, so no later stage can leak them.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::Asset;
use crate::output_paths::{self, PathRegistry};
use crate::parse::{Article, Audience, SectionPage};
use crate::references::{Referrer, Shows};
use crate::slug;
use crate::urls::Urls;

pub mod categories;
mod claims;
pub mod contents;
pub mod ids;
mod includes;
mod model;
mod object_names;
mod place;
mod related;
mod resolve;
mod sections;

use claims::{claim_assets, claim_sections, sections_with_pages};
pub use model::{SECTION_NEIGHBOURS, SiteModel};
pub use resolve::LinkTarget;
pub use sections::{Section, ancestors, section_path};

/// Whom a build is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum BuildAudience {
    /// End users: the public site, without internal articles and blocks.
    #[default]
    Public,
    /// Support agents: internal articles and blocks shown, marked as internal.
    Agents,
}

impl BuildAudience {
    /// The audience of the other edition.
    pub fn other(self) -> Self {
        match self {
            Self::Public => Self::Agents,
            Self::Agents => Self::Public,
        }
    }

    /// Whether this build shows content written for `audience`.
    pub fn shows(self, audience: Audience) -> bool {
        self == Self::Agents || audience == Audience::Public
    }
}

/// Which articles a build publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    /// Include articles marked `draft: true`.
    pub drafts: bool,
    /// Whom the build is for.
    pub audience: BuildAudience,
}

/// Why an article that exists is not in this build, for link errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// `draft: true`, in a build without drafts.
    Draft,
    /// `audience: internal`, in the public build.
    Internal,
    /// `confidence: not-validated`, in a public build of validated
    /// articles only (`kcs.public`).
    NotValidated,
    /// `confidence: archived`, in the public build.
    Archived,
}

/// A published article with its place in the site.
#[derive(Debug, Clone)]
pub struct LinkedArticle {
    /// The article as written.
    pub article: Article,
    /// Its site path (`red/wifi-no-conecta/`, `en/red/wifi/`).
    pub path: String,
    /// Indexes of its translations in [`SiteModel::articles`], in language order.
    pub translations: Vec<usize>,
}

impl LinkedArticle {
    /// Whether the site lists the article: in its section, tier and tag
    /// pages, the home page, feeds, the sitemap, `articles.json`, search,
    /// the widget's previews and other articles' related lists. An
    /// `unlisted` one is only reachable by its URL (and its short link).
    pub fn listed(&self) -> bool {
        !self.article.unlisted
    }
}

/// A page that sends the browser to an article or a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// Site path of the redirect page.
    pub from: String,
    /// Where it sends the browser.
    pub to: RedirectTarget,
}

/// The page a redirect leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectTarget {
    /// An article, by index into [`SiteModel::articles`]: its short links,
    /// aliases and old URLs.
    Article(usize),
    /// A section, by index into [`SiteModel::sections`]: a Docusaurus
    /// generated index's URL.
    Section(usize),
}

impl Redirect {
    /// The article it leads to, if it leads to one.
    pub fn article(&self) -> Option<usize> {
        match self.to {
            RedirectTarget::Article(i) => Some(i),
            RedirectTarget::Section(_) => None,
        }
    }
}

/// The first part of the site path of every page in `lang`.
pub fn language_prefix(config: &Config, lang: &str) -> String {
    if lang == config.default_language {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// Site path of the permanent short link of article `id` in `lang` (`kb/KB-1042/`).
pub fn short_path(config: &Config, lang: &str, id: &str) -> String {
    format!(
        "{}{}/{id}/",
        language_prefix(config, lang),
        output_paths::SHORT_LINKS_DIR
    )
}

/// Site path of the tier page of `tier` in `lang`.
pub fn tier_path(config: &Config, lang: &str, tier: &str) -> String {
    format!(
        "{}{}/{}/",
        language_prefix(config, lang),
        output_paths::TIERS_DIR,
        slug::slugify(tier)
    )
}

/// The list of a language's tags (`tags/`, `en/tags/`).
pub fn tags_path(config: &Config, lang: &str) -> String {
    format!(
        "{}{}/",
        language_prefix(config, lang),
        output_paths::TAGS_DIR
    )
}

/// The page of a tag (`tags/wifi/`): by its slug, so `Wi-Fi` and `wifi` share it.
pub fn tag_path(config: &Config, lang: &str, tag: &str) -> String {
    format!("{}{}/", tags_path(config, lang), slug::slugify(tag))
}

/// Links parsed articles into the site model.
pub fn link(
    config: Config,
    articles: Vec<Article>,
    sections: Vec<SectionPage>,
    assets: Vec<Asset>,
    selection: Selection,
) -> Result<SiteModel, Vec<Diagnostic>> {
    link_or_return(config, articles, sections, assets, selection, None)
        .map_err(|failed| failed.errors)
}

/// Why linking failed, with the articles it was given, in their order: a
/// lenient build links them again without those the errors leave out,
/// rather than copying them all before every attempt (tens of
/// milliseconds at 10,000 articles).
pub struct Unlinked {
    /// What kept the site from being linked.
    pub errors: Vec<Diagnostic>,
    /// The articles given to [`link_or_return`], in their order.
    pub articles: Vec<Article>,
}

impl Unlinked {
    /// The failure `errors`, with the articles given back: those still in
    /// `articles`, and the `linked` ones put back where `origins` says they
    /// were.
    fn give_back(
        errors: Vec<Diagnostic>,
        mut articles: Vec<Option<Article>>,
        origins: Vec<usize>,
        linked: Vec<Arc<LinkedArticle>>,
    ) -> Self {
        for (k, linked) in origins.into_iter().zip(linked) {
            articles[k] = Some(Arc::unwrap_or_clone(linked).article);
        }
        Self {
            errors,
            articles: articles.into_iter().flatten().collect(),
        }
    }
}

/// [`link`], giving the articles back when it fails. With `before`, the
/// last build of the same site (the dev server's), the related articles
/// are made again only where a change can have reached them.
pub fn link_or_return(
    config: Config,
    articles: Vec<Article>,
    sections: Vec<SectionPage>,
    assets: Vec<Asset>,
    selection: Selection,
    before: Option<&SiteModel>,
) -> Result<SiteModel, Unlinked> {
    let mut errors = Vec::new();
    let (sections, withheld_landings): (Vec<_>, Vec<_>) = sections
        .into_iter()
        .partition(|s| selection.audience.shows(s.audience) && (selection.drafts || !s.draft));
    let (order, withheld, assets) = select(
        &config,
        &articles,
        (&sections, &withheld_landings),
        assets,
        selection,
    );
    let public = selection.audience != BuildAudience::Agents;
    let scope = (&withheld, public);
    errors.extend(includes::withheld_includes(
        &articles, &order, &sections, scope,
    ));
    let mut registry = PathRegistry::new(
        config
            .languages
            .iter()
            .map(|lang| (lang.name.as_str(), language_prefix(&config, &lang.code))),
    );
    let paths: Vec<String> = order
        .iter()
        .map(|&k| article_path(&config, &articles[k]))
        .collect();
    let (landings, homes): (Vec<SectionPage>, Vec<SectionPage>) =
        sections.into_iter().partition(|s| s.section.is_some());
    // Problems a lenient build publishes anyway, with a warning.
    let mut warnings = Vec::new();
    let (landings, mut unused) = sections::landing_pages(landings);
    let (homes, unused_homes) = sections::home_pages(homes);
    unused.extend(unused_homes);
    let mut lenient = place::Lenient {
        strict: config.strict,
        errors: &mut errors,
        warnings: &mut warnings,
    };
    unused.into_iter().for_each(|d| lenient.report(d));
    (place::moved_aside(&config, &articles, &order).into_iter()).for_each(|d| lenient.report(d));
    let section_pages = claim_sections(
        &config,
        &articles,
        &order,
        &paths,
        &landings,
        &mut registry,
        &mut errors,
    );
    let place::Placed {
        placed,
        by_id,
        by_source,
    } = place::place(&articles, order, paths, &mut registry, &mut errors);
    let groups = place::translation_groups(&articles, &placed);
    let mut articles: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    let (linked, origins) = linked_articles(&mut articles, placed, &groups);
    let mut lenient = place::Lenient {
        strict: config.strict,
        errors: &mut errors,
        warnings: &mut warnings,
    };
    // The site's files before the old addresses of its pages: a file
    // (`notes.html`) keeps its path, the redirect from it is left out.
    let mut assets = assets;
    claim_assets(&config, &mut assets, &mut registry, &mut lenient);
    let mut redirects = place::redirects(&config, &linked, &groups, &mut registry, &mut lenient);

    let sections = sections_with_pages(&config, &linked, &landings, &section_pages);
    place::section_redirects(
        &config,
        &sections,
        &mut registry,
        &mut lenient,
        &mut redirects,
    );
    let sections::Lookups {
        section_by_id,
        article_sections,
        section_by_source,
        by_name,
    } = sections::lookups(&sections, linked.len(), &by_source);

    if !errors.is_empty() {
        return Err(Unlinked::give_back(errors, articles, origins, linked));
    }
    let related = match before {
        Some(before) => {
            related::related_again(before, &linked, &sections, &article_sections, &by_source)
        }
        None => related::related(&linked, &sections, &article_sections),
    };
    let by_label = resolve::labels(&linked, &sections);
    let outside = model::Outside::of(&linked, &article_sections);
    Ok(SiteModel {
        urls: Urls::new(config.base_url.clone()),
        config,
        articles: linked,
        sections,
        homes,
        redirects: Arc::new(redirects),
        assets,
        audience: selection.audience,
        withheld: Arc::new(withheld),
        by_id: Arc::new(by_id),
        by_source: Arc::new(by_source),
        section_by_id: Arc::new(section_by_id),
        section_by_source: Arc::new(section_by_source),
        by_name: Arc::new(by_name),
        by_label: Arc::new(by_label),
        related: Arc::new(related),
        outside: Arc::new(outside),
        article_sections: Arc::new(article_sections),
        warnings,
    })
}

/// The articles `selection` publishes (indexes into `articles`) in the
/// order of their lists, why each other one is withheld, and the assets
/// of `assets` that the published articles and landing pages use
/// (`landings`: those it shows, and those it withholds).
fn select(
    config: &Config,
    articles: &[Article],
    landings: (&[SectionPage], &[SectionPage]),
    assets: Vec<Asset>,
    selection: Selection,
) -> (Vec<usize>, BTreeMap<String, Withheld>, Vec<Asset>) {
    let (mut order, mut withheld) = place::select(config, articles, selection);
    // A link to a withheld landing page, or to its folder, names the
    // section it would describe.
    for landing in landings.1 {
        let why = if selection.audience.shows(landing.audience) {
            Withheld::Draft
        } else {
            Withheld::Internal
        };
        withheld.entry(landing.rel.clone()).or_insert(why);
    }
    let mut published = vec![false; articles.len()];
    for &i in &order {
        published[i] = true;
    }
    let shown = if selection.audience == BuildAudience::Agents {
        Shows::All
    } else {
        Shows::Outside
    };
    let referrers: Vec<Referrer<'_>> = articles
        .iter()
        .zip(&published)
        .map(|(a, &published)| {
            Referrer::of(a.file(), if published { shown } else { Shows::Nothing })
        })
        .chain(landings.0.iter().map(|s| Referrer::of(s.file(), shown)))
        .chain(
            landings
                .1
                .iter()
                .map(|s| Referrer::of(s.file(), Shows::Nothing)),
        )
        .collect();
    let assets = published_assets(config, assets, &referrers);
    place::sort_for_listing(config, articles, &mut order);
    (order, withheld, assets)
}

/// The files of `assets` that the edition whose `referrers` they are
/// publishes (`references::published`): those of a folder of assets only
/// when what it shows names them, as the links of its pages lead to them.
fn published_assets(config: &Config, assets: Vec<Asset>, referrers: &[Referrer<'_>]) -> Vec<Asset> {
    let folders: Vec<String> = (config.mounted.iter())
        .filter(|m| m.holds == crate::discover::Holds::Media)
        .map(|m| format!("{}/", m.at))
        .collect();
    if folders.is_empty() {
        let path = &crate::urls::content_file_from;
        return crate::references::published(assets, referrers, path, &|_| false);
    }
    let rels: Vec<String> = assets.iter().map(|a| a.rel.clone()).collect();
    let path = |dir: &str, dest: &str| resolve::asset_named(config, &rels, dir, dest);
    let in_folders = |rel: &str| {
        folders
            .iter()
            .any(|folder| rel.starts_with(folder.as_str()))
    };
    crate::references::published(assets, referrers, &path, &in_folders)
}

/// The articles `placed` at their paths, taken out of `articles`, each with
/// its translations (the others of its group in `groups`); and where each
/// was in `articles`.
fn linked_articles(
    articles: &mut [Option<Article>],
    placed: Vec<(usize, String)>,
    groups: &[Vec<usize>],
) -> (Vec<Arc<LinkedArticle>>, Vec<usize>) {
    let mut translations = vec![Vec::new(); placed.len()];
    for group in groups {
        for &i in group {
            translations[i] = group.iter().copied().filter(|&j| j != i).collect();
        }
    }
    let mut origins = Vec::with_capacity(placed.len());
    let linked = placed
        .into_iter()
        .zip(translations)
        .filter_map(|((k, path), translations)| {
            let article = articles[k].take()?;
            origins.push(k);
            Some(Arc::new(LinkedArticle {
                article,
                path,
                translations,
            }))
        })
        .collect();
    (linked, origins)
}

/// Site path of `article`: its language, its section, its slug.
fn article_path(config: &Config, article: &Article) -> String {
    let section = article
        .section
        .as_deref()
        .map_or(String::new(), |c| format!("{c}/"));
    let path = format!("{section}{}/", article.slug);
    format!(
        "{}{}",
        language_prefix(config, &article.lang),
        output_paths::aside(&path)
    )
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::testing::linked;

    #[test]
    fn ids_that_differ_only_in_case_collide_across_languages() {
        let errors = linked(
            &[
                ("red/a.md", "---\nid: KB-1\ntitle: A\n---\n"),
                ("red/b.en.md", "---\nid: kb-1\ntitle: B\n---\n"),
                ("red/c.en.md", "---\nid: KB-1\ntitle: C\n---\n"),
            ],
            &[],
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!(e.path, PathBuf::from("content/red/b.en.md"));
        assert_eq!(e.span, 8..12);
        assert!(
            e.message
                .contains("id `kb-1` differs only in case from `KB-1`, the id of content/red/a.md"),
            "{}",
            e.message
        );
    }

    #[test]
    fn related_articles_share_codes_then_tags_then_the_section() {
        let model = linked(
            &[
                (
                    "red/a.md",
                    "---\nid: KB-1\ntitle: A\nerror_codes: [E1]\ntags: [vpn]\n---\n",
                ),
                (
                    "red/b.md",
                    "---\nid: KB-2\ntitle: B\nerror_codes: [E1]\n---\n",
                ),
                ("red/c.md", "---\nid: KB-3\ntitle: C\ntags: [vpn]\n---\n"),
                ("red/d.md", "---\nid: KB-4\ntitle: D\n---\n"),
                ("otra/f.md", "---\nid: KB-6\ntitle: F\ntags: [vpn]\n---\n"),
                (
                    "red/e.en.md",
                    "---\nid: KB-5\ntitle: E\nerror_codes: [E1]\n---\n",
                ),
                (
                    "red/a.en.md",
                    "---\nid: KB-1\ntitle: A en\nerror_codes: [E1]\n---\n",
                ),
            ],
            &[],
        )
        .unwrap();
        let index = |rel: &str| model.article_by_source(rel).unwrap();
        let titles = |rel: &str| -> Vec<&str> {
            model
                .related(index(rel))
                .iter()
                .map(|&i| model.articles[i].article.title.as_str())
                .collect()
        };
        // A shared code outweighs a shared tag, which outweighs the same
        // section alone (D, a neighbour in it); the section adds to both.
        // Another language, and the article's own translation, never come.
        assert_eq!(titles("red/a.md"), ["B", "C", "F", "D"]);
        assert_eq!(titles("red/e.en.md"), ["A en"]);
    }
}

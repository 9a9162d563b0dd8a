//! The render stage: site model → every output file but the search index.
//!
//! In: the immutable [`SiteModel`] and the compiled [`Theme`]. Out: every
//! page, feed and generated file, handed to a [`Sink`] as soon as it is
//! rendered, and each article's rendered body (which the index stage
//! reads). Article bodies and pages are rendered in parallel; the bytes of
//! each file do not depend on thread scheduling.

mod alerts;
mod article_page;
pub mod context;
pub mod feeds;
mod fix_first;
mod highlight;
pub mod i18n;
pub mod markdown;
pub mod pages;
mod pagination;
mod preview;
mod source;
mod structured;
mod tags;
pub mod theme;
mod tree;
pub mod wbr;
pub mod widget;

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use search_index::Section;

use crate::diagnostics::Diagnostic;
use crate::link::{self, SiteModel};
use crate::output_paths;
use markdown::RenderedBody;
use pages::LanguagePages;
use theme::Theme;

/// Where rendered files go; the write stage provides it.
///
/// Files are handed over as soon as they are rendered, from many threads,
/// so a large site never sits in memory whole.
pub trait Sink: Sync {
    /// Stores `bytes` at the `/`-separated output path `path`.
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
    /// Stores a copy of the file `source` at `path`.
    fn copy(&self, path: &str, source: &Path) -> io::Result<()>;
    /// Stores at `path` the file at the same path in the site being
    /// replaced, which the caller knows to be right; whether it could.
    /// Sinks without an earlier site cannot.
    fn keep(&self, _path: &str) -> bool {
        false
    }
}

/// Article pages built before (the build cache, which the build passes): which
/// [`articles`] need not render again, and where it says what it rendered.
pub trait Memo: Sync {
    /// What rendering article `index` would give besides its page, if the
    /// page the last build wrote for it is still right.
    fn recall(&self, index: usize) -> Option<Recalled>;
    /// Article `index` was rendered into `body` (its HTML, contents and
    /// steps already taken by the page) and `preview`.
    fn remember(&self, index: usize, body: &RenderedBody, preview: &[u8]);
}

/// No memory: every article is rendered.
pub struct Forget;

impl Memo for Forget {
    fn recall(&self, _: usize) -> Option<Recalled> {
        None
    }

    fn remember(&self, _: usize, _: &RenderedBody, _: &[u8]) {}
}

/// What [`Memo::recall`] gives back of an article rendered before.
#[derive(Debug)]
pub struct Recalled {
    /// Its body, without what only its page shows (HTML, contents, steps).
    pub body: RenderedBody,
    /// What the help widget shows of it.
    pub preview: Vec<u8>,
}

/// A sink that keeps nothing: for renders that only validate (`check`) and
/// for outputs a caller does not need.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: &str, _: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn copy(&self, _: &str, _: &Path) -> io::Result<()> {
        Ok(())
    }
}

/// Why rendering stopped.
#[derive(Debug)]
pub enum RenderError {
    /// Broken links, anchors or templates; with the content files the
    /// articles use, which `check` reports on even when links are broken.
    Content(Vec<Diagnostic>, BTreeSet<String>),
    /// The sink failed.
    Io(io::Error),
}

/// The most article pages one task renders in a row. Rayon splits the
/// work only as far as it sees idle threads, so without a bound the last
/// task of a build could hold hundreds of pages while the other cores
/// wait: up to 80 ms of one idle core measured at 10,000 articles.
const PAGES_PER_TASK: usize = 32;

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

/// What rendering learned that later stages need.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Plain-text sections of each article (what the index stage reads), in
    /// [`SiteModel::articles`] order.
    pub sections: Vec<Vec<Section>>,
    /// Content files that some article links to or shows.
    pub used_assets: BTreeSet<String>,
    /// The ids each article defines (headings, steps), in [`SiteModel::articles`] order.
    pub anchors: Vec<BTreeSet<String>>,
    /// Each article's [`RenderedBody::article_links`], in [`SiteModel::articles`] order.
    pub article_links: Vec<Vec<String>>,
    /// Problems a lenient build publishes anyway (broken links).
    pub warnings: Vec<Diagnostic>,
    /// What the help widget shows of each article
    /// ([`widget::preview_record`]), in [`SiteModel::articles`] order.
    pub previews: Vec<Vec<u8>>,
}

/// Renders the whole site into `sink`.
pub fn render(model: &SiteModel, theme: &Theme, sink: &dyn Sink) -> Result<Rendered, RenderError> {
    let rendered =
        articles(model, theme, sink, &Forget).map_err(|e| with_listing_errors(model, theme, e))?;
    let languages = language_pages(model, theme);
    let template_errors = listings(model, theme, &languages, sink, &|_| true)?;
    widget::write(model, theme, &rendered.previews, sink).map_err(RenderError::Io)?;
    if template_errors.is_empty() {
        Ok(rendered)
    } else {
        Err(RenderError::Content(template_errors, rendered.used_assets))
    }
}

/// `failed`, the failure of a render of article pages, with the errors of
/// the templates of the other pages added: a build reports all its errors
/// at once. The other pages are rendered for nothing to find them.
pub fn with_listing_errors(model: &SiteModel, theme: &Theme, failed: RenderError) -> RenderError {
    match failed {
        RenderError::Content(mut errors, used_assets) => {
            let languages = language_pages(model, theme);
            match listings(model, theme, &languages, &Discard, &|_| true) {
                Ok(more) => {
                    // A template both passes use (a partial) fails in each.
                    crate::diagnostics::add_new(&mut errors, more);
                    RenderError::Content(errors, used_assets)
                }
                Err(e) => e,
            }
        }
        io => io,
    }
}

/// Renders the article pages into `sink` and checks the links between
/// them; the rest of the site is [`listings`]. A page that `memo` recalls
/// is kept from the site being replaced instead of rendered.
pub fn articles(
    model: &SiteModel,
    theme: &Theme,
    sink: &dyn Sink,
    memo: &dyn Memo,
) -> Result<Rendered, RenderError> {
    let languages = language_pages(model, theme);
    let for_lang = |lang: &str| in_language(&languages, lang);

    // Each article page is written as soon as its body is rendered, so no
    // body's HTML outlives its page. Links between articles can only be
    // checked once all bodies are known; if one is broken, rendering fails
    // and what went into the sink is never used.
    // One page buffer per run of pages: a fresh one per page was a visible
    // cost. Runs of at most `PAGES_PER_TASK` pages, so that no core waits
    // long for the other to finish its last run.
    let articles: Vec<(RenderedBody, Vec<u8>, Option<String>)> = (0..model.articles.len())
        .into_par_iter()
        .with_max_len(PAGES_PER_TASK)
        .map_init(Vec::new, |page, i| {
            let linked = &model.articles[i];
            let path = format!("{}index.html", linked.path);
            if let Some(recalled) = memo.recall(i)
                && sink.keep(&path)
            {
                return Ok((recalled.body, recalled.preview, None));
            }
            let pages = for_lang(&linked.article.lang);
            let mut body = markdown::render_body(model, i, &pages.text);
            // Before the page, which takes the body's HTML.
            let preview = widget::preview_record(pages, i, &body);
            page.clear();
            match pages.article(i, &mut body, page) {
                Ok(()) => {
                    memo.remember(i, &body, &preview);
                    sink.put(&path, page).map(|()| (body, preview, None))
                }
                Err(e) => Ok((body, preview, Some(e))),
            }
        })
        .collect::<io::Result<_>>()
        .map_err(RenderError::Io)?;
    // Read in place: copying the bodies into new lists held up both cores
    // for 10 to 25 ms at 10,000 articles.
    let used_assets: BTreeSet<String> = articles
        .iter()
        .flat_map(|(b, _, _)| b.assets.iter().cloned())
        .collect();
    let indexed: Vec<(usize, &RenderedBody)> = articles
        .iter()
        .map(|(body, _, _)| body)
        .enumerate()
        .collect();
    let mut diagnostics = check_links(model, &indexed, |target| &articles[target].0.anchors);
    diagnostics.extend(tree::landing_problems(model, &languages));
    diagnostics.extend(template_errors(
        model,
        articles.iter().filter_map(|(_, _, error)| error.clone()),
    ));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(RenderError::Content(diagnostics, used_assets));
    }
    let mut rendered = Rendered {
        warnings: diagnostics,
        used_assets,
        sections: Vec::with_capacity(articles.len()),
        anchors: Vec::with_capacity(articles.len()),
        article_links: Vec::with_capacity(articles.len()),
        previews: Vec::with_capacity(articles.len()),
    };
    for (body, preview, _) in articles {
        rendered.previews.push(preview);
        rendered.anchors.push(body.anchors);
        rendered.sections.push(body.sections);
        rendered.article_links.push(body.article_links);
    }
    Ok(rendered)
}

/// The page renderers of every language of the site, default language first.
pub fn language_pages<'a>(model: &'a SiteModel, theme: &'a Theme) -> Vec<LanguagePages<'a>> {
    model
        .config
        .languages
        .iter()
        .map(|l| LanguagePages::new(model, theme, &l.code))
        .collect()
}

/// The renderer of `lang` (the default language's if `lang` is unknown).
fn in_language<'p, 'a>(languages: &'p [LanguagePages<'a>], lang: &str) -> &'p LanguagePages<'a> {
    languages
        .iter()
        .find(|p| p.lang == lang)
        .unwrap_or(&languages[0])
}

/// How many pages section `index`'s list of articles takes: as many as it
/// has articles for, within those whose paths it claimed when linked.
fn section_pages(model: &SiteModel, index: usize) -> usize {
    let s = &model.sections[index];
    pagination::page_count(s.articles.len()).min(s.pages.max(1))
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
    let for_lang = |lang: &str| in_language(languages, lang);
    let mut jobs: Vec<Job> = (0..model.sections.len())
        .filter(|&i| model.sections[i].article.is_none())
        .flat_map(|i| (1..=section_pages(model, i)).map(move |n| Job::Section(i, n)))
        .collect();
    jobs.extend(
        (0..model.redirects.len())
            .filter(|&r| include_redirect(&model.redirects[r]))
            .map(Job::Redirect),
    );
    let tag_indexes: Vec<tags::TagIndex> = languages
        .iter()
        .map(|l| tags::tag_index(model, &l.lang))
        .collect();
    for (l, index) in tag_indexes.iter().enumerate() {
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
    let tier_articles: Vec<Vec<pages::TierArticles>> = languages
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
    for (l, tiers) in tier_articles.iter().enumerate() {
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

    let default = &languages[0];
    let render_job = |job: &Job| -> (String, Result<Vec<u8>, String>) {
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
                    languages[l].tier_page(tier, &tier_articles[l][t], number),
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
                let (name, articles) = &tag_indexes[l][slug];
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
                languages[l].tags_page(&tag_indexes[l]),
            ),
            Job::NotFound => (output_paths::NOT_FOUND.into(), default.not_found()),
        }
    };
    let (pages, others) = rayon::join(
        || {
            jobs.par_iter()
                .map(|job| {
                    let (path, page) = render_job(job);
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

/// An article page rendered on its own.
pub struct ArticlePage {
    /// Index of the article in [`SiteModel::articles`].
    pub index: usize,
    /// Its rendered body.
    pub body: RenderedBody,
    /// Output path of its page.
    pub path: String,
    /// The page.
    pub html: Vec<u8>,
    /// What the help widget shows of it ([`widget::preview_record`]).
    pub preview: Vec<u8>,
}

/// Renders the bodies and pages of articles `indexes` alone, for a dev
/// server that knows no other article changed. `anchors` holds the ids every
/// article defined in the last build (in [`SiteModel::articles`] order);
/// the links out of `indexes` are checked against them, with what
/// `indexes` define now in place of their old ids.
pub fn articles_alone(
    model: &SiteModel,
    theme: &Theme,
    indexes: &[usize],
    anchors: &[impl Borrow<BTreeSet<String>>],
) -> Result<Vec<ArticlePage>, RenderError> {
    let languages = language_pages(model, theme);
    let rendered: Vec<(ArticlePage, Result<(), String>)> = indexes
        .par_iter()
        .map(|&index| {
            let linked = &model.articles[index];
            let pages = in_language(&languages, &linked.article.lang);
            let mut body = markdown::render_body(model, index, &pages.text);
            let preview = widget::preview_record(pages, index, &body);
            let mut html = Vec::new();
            let error = pages.article(index, &mut body, &mut html);
            let path = format!("{}index.html", linked.path);
            (
                ArticlePage {
                    index,
                    body,
                    path,
                    html,
                    preview,
                },
                error,
            )
        })
        .collect();
    let bodies: Vec<(usize, &RenderedBody)> = rendered
        .iter()
        .map(|(page, _)| (page.index, &page.body))
        .collect();
    let now: BTreeMap<usize, &BTreeSet<String>> =
        bodies.iter().map(|&(i, body)| (i, &body.anchors)).collect();
    let mut diagnostics = check_links(model, &bodies, |target| {
        now.get(&target)
            .copied()
            .unwrap_or_else(|| anchors[target].borrow())
    });
    let failed = rendered
        .iter()
        .filter_map(|(_, e)| e.as_ref().err().cloned());
    diagnostics.extend(template_errors(model, failed));
    let used_assets: BTreeSet<String> = rendered
        .iter()
        .flat_map(|(page, _)| page.body.assets.iter().cloned())
        .collect();
    // Warnings (broken links a lenient build publishes anyway) do not stop
    // the dev server, which serves the pages as the build writes them.
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(RenderError::Content(diagnostics, used_assets));
    }
    Ok(rendered.into_iter().map(|(page, _)| page).collect())
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

/// Broken anchors past this many in one check are told the anchors their
/// target has, not the one they may have meant: finding it compares the
/// anchor with every anchor of the target, and 100,000 broken links into a
/// page of 100,000 headings would compare ten billion pairs.
const SUGGESTED_ANCHORS: usize = 100;

/// The broken links of `bodies` (article index, body): those found while
/// rendering, and links into anchors that `defined(target)` lacks.
fn check_links<'a>(
    model: &SiteModel,
    bodies: &[(usize, &RenderedBody)],
    defined: impl Fn(usize) -> &'a BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = bodies
        .iter()
        .flat_map(|(_, b)| b.diagnostics.iter().cloned())
        .collect();
    let mut broken = 0;
    for &(i, body) in bodies {
        for l in &body.anchor_links {
            let defined = defined(l.target);
            if !defined.contains(&l.anchor) {
                broken += 1;
                let suggest = broken <= SUGGESTED_ANCHORS;
                diagnostics.push(broken_anchor(model, i, l, defined, suggest));
            }
        }
    }
    diagnostics
}

/// The error for link `l` of article `from`, whose target defines only
/// `defined`; with the closest anchor as a suggestion if `suggest`.
fn broken_anchor(
    model: &SiteModel,
    from: usize,
    l: &markdown::AnchorLink,
    defined: &BTreeSet<String>,
    suggest: bool,
) -> Diagnostic {
    let target = &model.articles[l.target].article;
    let closest = suggest
        .then(|| {
            let known: Vec<&str> = defined.iter().map(String::as_str).collect();
            crate::matter::yaml::did_you_mean(&l.anchor, &known)
        })
        .flatten();
    let hint = closest.map_or_else(
        || format!("anchors there: {}", preview(defined)),
        |b| format!("did you mean `#{b}`?"),
    );
    Diagnostic::error(
        &model.articles[from].article.path,
        l.span.clone(),
        format!(
            "broken link: `{}` has no anchor `#{}`",
            target.path.display(),
            l.anchor
        ),
    )
    .with_help(hint)
    .fatal_if(model.config.strict)
}

/// The errors for templates that failed with `messages`, each message once:
/// every page made with a broken template fails alike.
fn template_errors(
    model: &SiteModel,
    messages: impl IntoIterator<Item = String>,
) -> Vec<Diagnostic> {
    let mut seen = BTreeSet::new();
    messages
        .into_iter()
        .filter(|m| seen.insert(m.clone()))
        .map(|message| {
            Diagnostic::error(
                PathBuf::from("themes").join(&model.config.theme),
                0..0,
                format!("template failed: {message}"),
            )
            .with_help(
                "fix the template, or remove it from the site's theme to use the default one",
            )
        })
        .collect()
}

fn preview(anchors: &BTreeSet<String>) -> String {
    let mut shown: Vec<String> = anchors.iter().take(8).map(|a| format!("#{a}")).collect();
    if anchors.len() > 8 {
        shown.push("…".into());
    }
    if shown.is_empty() {
        "none".into()
    } else {
        shown.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Mutex;

    use super::*;
    use crate::config::Config;
    use crate::discover::{Asset, SourceFile, Sources};
    use crate::link::{BuildAudience, Selection};
    use crate::output_paths::GENERATED;

    /// Remembers the paths it is given.
    #[derive(Default)]
    struct Paths(Mutex<BTreeSet<String>>);

    impl Paths {
        fn add(&self, path: &str) -> io::Result<()> {
            self.0.lock().unwrap().insert(path.to_owned());
            Ok(())
        }
    }

    impl Sink for Paths {
        fn put(&self, path: &str, _: &[u8]) -> io::Result<()> {
            self.add(path)
        }

        fn copy(&self, path: &str, _: &Path) -> io::Result<()> {
            self.add(path)
        }
    }

    /// The generated entry `path` is, or lies in, if any.
    fn generated(config: &Config, path: &str) -> Option<&'static str> {
        config.languages.iter().find_map(|lang| {
            let prefix = link::language_prefix(config, &lang.code);
            GENERATED
                .iter()
                .filter(|g| g.every_language || prefix.is_empty())
                .find(|g| {
                    let at = format!("{prefix}{}", g.name);
                    if g.folder {
                        path.starts_with(&format!("{at}/"))
                    } else {
                        path == at
                    }
                })
                .map(|g| g.name)
        })
    }

    /// Whatever a build renders is a page or file of the content, or one
    /// that `output_paths::GENERATED` lists, which the link stage keeps
    /// content away from: a file added to the renderers but not to the
    /// list fails here.
    #[test]
    fn everything_rendered_is_content_or_listed_as_generated() {
        let (config, _) =
            Config::from_yaml(Path::new("tier0.yaml"), "base_url: https://h.example/\n").unwrap();
        let article = SourceFile::in_content;
        let sources = Sources {
            articles: vec![
                article(
                    "red/a.md",
                    "---\nid: KB-1\ntitle: A\ndate: 2026-01-02\ntags: [wifi]\naliases: [/viejo/a/]\n---\n## Paso\n\n1. uno\n",
                ),
                article(
                    "red/a.en.md",
                    "---\nid: KB-1\ntitle: A\naliases: [/old/a/]\n---\n> [!INTERNAL]\n> [b](KB-2)\n",
                ),
                article(
                    "vpn/b.md",
                    "---\nid: KB-2\ntitle: B\naudience: internal\n---\nx\n",
                ),
            ],
            ..Default::default()
        };
        let parsed = crate::parse::parse(&config, &sources);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let assets = vec![Asset {
            rel: "red/router.png".into(),
            source: PathBuf::from("content/red/router.png"),
        }];
        let theme = Theme::load("default", &BTreeMap::new()).unwrap();
        let mut generated_seen = BTreeSet::new();
        for audience in [BuildAudience::Public, BuildAudience::Agents] {
            let selection = Selection {
                drafts: false,
                audience,
            };
            let model = link::link(
                config.clone(),
                parsed.articles.clone(),
                parsed.sections.clone(),
                assets.clone(),
                selection,
            )
            .unwrap();
            let paths = Paths::default();
            render(&model, &theme, &paths).unwrap();
            let mut content: BTreeSet<String> =
                ["index.html".to_owned(), "en/index.html".into()].into();
            let pages = model
                .articles
                .iter()
                .map(|a| a.path.clone())
                .chain(model.sections.iter().map(|c| c.path.clone()))
                .chain(model.redirects.iter().map(|r| r.from.clone()));
            content.extend(pages.map(|p| format!("{p}index.html")));
            content.extend(model.assets.iter().map(|a| a.rel.clone()));
            for path in paths.0.into_inner().unwrap() {
                match generated(&model.config, &path) {
                    Some(name) => {
                        generated_seen.insert(name);
                    }
                    None => assert!(
                        content.contains(&path),
                        "{path} is neither content nor listed"
                    ),
                }
            }
        }
        // And the list holds nothing tier0 does not write (the renderers
        // write the search results page; the index stage the index; the
        // insights report is written only with `build --insights`).
        let listed: BTreeSet<&str> = GENERATED
            .iter()
            .map(|g| g.name)
            .filter(|&name| name != crate::output_paths::INSIGHTS_DIR)
            .collect();
        let unwritten: Vec<&&str> = listed.difference(&generated_seen).collect();
        assert!(unwritten.is_empty(), "{unwritten:?}");
    }
}

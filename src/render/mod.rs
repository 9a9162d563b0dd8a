//! The render stage: site model → every output file but the search index.
//!
//! In: the immutable [`SiteModel`] and the compiled [`Theme`]. Out: every
//! page, feed and generated file, handed to a [`Sink`] as soon as it is
//! rendered, and each article's rendered body (which the index stage
//! reads). Article bodies and pages are rendered in parallel; the bytes of
//! each file do not depend on thread scheduling.

mod alerts;
mod article_page;
mod articles;
pub mod context;
pub mod feeds;
mod fix_first;
mod highlight;
pub mod i18n;
mod listings;
pub mod markdown;
pub mod pages;
mod pagination;
mod preview;
mod redirects;
mod source;
mod structured;
mod tags;
pub mod theme;
mod tree;
pub mod wbr;
pub mod widget;

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use search_index::Section;

use crate::diagnostics::Diagnostic;
use crate::link::SiteModel;
use markdown::RenderedBody;
use pages::LanguagePages;
use theme::Theme;

pub use articles::{ArticlePage, articles, articles_alone};
pub use listings::{Listing, ListingPages, Listings, listings};
pub use redirects::redirect_pages;

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
    /// The bytes of the regular file at `path` in the site being replaced,
    /// so that the caller can tell whether [`Self::keep`] would be right.
    /// Sinks without an earlier site have none.
    fn previous(&self, _path: &str) -> Option<Vec<u8>> {
        None
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

/// Where each article's preview ([`widget::preview_record`]) waits, from
/// its page's rendering to the help widget's files ([`widget::write`]):
/// the whole site's at once, as each file holds the previews of articles
/// spread over the site.
pub trait KeepPreviews: Sync {
    /// Keeps `preview`, the preview of article `index` of the model.
    fn keep(&self, index: usize, preview: Vec<u8>) -> io::Result<()>;
}

/// Previews kept in memory, as the dev server keeps them.
pub struct HeldPreviews(Vec<OnceLock<Vec<u8>>>);

impl HeldPreviews {
    /// Room for the previews of `articles` articles.
    pub fn new(articles: usize) -> Self {
        Self((0..articles).map(|_| OnceLock::new()).collect())
    }

    /// The previews, in model order (empty for an article not rendered).
    pub fn into_vec(self) -> Vec<Vec<u8>> {
        self.0
            .into_iter()
            .map(|p| p.into_inner().unwrap_or_default())
            .collect()
    }
}

impl KeepPreviews for HeldPreviews {
    fn keep(&self, index: usize, preview: Vec<u8>) -> io::Result<()> {
        // An article is rendered once: a second preview would be the same.
        let _ = self.0[index].set(preview);
        Ok(())
    }
}

/// A sink, and a keeper of previews, that keeps nothing: for renders that
/// only validate (`check`) and for outputs a caller does not need.
pub struct Discard;

impl KeepPreviews for Discard {
    fn keep(&self, _: usize, _: Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}

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
    /// What each page that lists articles shows of them, by output path
    /// (empty when only article pages were rendered).
    pub listings: Listings,
}

/// Renders every page of the site into `sink`, and the articles'
/// previews into `previews`; not the help widget's files, which
/// [`widget::write`] makes from the previews (the dev server makes them in
/// the background, with the search index they search).
pub fn render(
    model: &SiteModel,
    theme: &Theme,
    sink: &dyn Sink,
    previews: &dyn KeepPreviews,
) -> Result<Rendered, RenderError> {
    let rendered = articles(model, theme, sink, &Forget, previews)
        .map_err(|e| with_listing_errors(model, theme, e))?;
    let languages = language_pages(model, theme);
    let listed = listings(model, theme, &languages, sink, &|_, _| true)?;
    let template_errors = listed.errors;
    if template_errors.is_empty() {
        Ok(Rendered {
            listings: listed.listings,
            ..rendered
        })
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
            match listings(model, theme, &languages, &Discard, &|_, _| true) {
                Ok(ListingPages { errors: more, .. }) => {
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;
    use std::sync::Mutex;

    use super::*;
    use crate::config::Config;
    use crate::discover::{Asset, SourceFile, Sources};
    use crate::link::{self, BuildAudience, Selection};
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
            let previews = HeldPreviews::new(model.articles.len());
            render(&model, &theme, &paths, &previews).unwrap();
            widget::write(&model, &theme, previews.into_vec().as_slice(), &paths).unwrap();
            let mut content: BTreeSet<String> =
                ["index.html".to_owned(), "en/index.html".into()].into();
            let pages = model
                .articles
                .iter()
                .map(|a| a.path.clone())
                .chain(model.sections.iter().map(|c| c.path.clone()))
                .chain(model.redirects.iter().map(|r| r.from.clone()));
            content.extend(pages.map(|p| crate::output_paths::page_file(&p)));
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
        // write the search results page; the widget its files from the
        // pages' previews; the index stage the index; the
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

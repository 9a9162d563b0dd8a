//! The dev server's site: built in memory and rebuilt after each change.
//!
//! In: the site folder and the files that changed. Out: the files to serve,
//! or the diagnostics of a failed rebuild (while the last good files stay
//! served). A change that touches only the bodies of existing articles
//! (their front matter bytes unchanged) and leaves their anchors as they
//! were re-renders just those articles' pages: nothing any other page shows
//! can have changed. A change to articles only (edits, creates, renames,
//! deletes that leave categories, home pages, assets and config alone)
//! relinks the site and re-renders the pages of the articles that changed,
//! of those whose path or translations changed or with a link that now
//! leads elsewhere or into a changed article, and the pages that list
//! articles. Every other change rebuilds the whole site. The search index
//! is rebuilt after every change in the background; once it is done, the
//! files served are byte for byte those of a clean `tier0 build` with
//! `--base-url /`.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use search_index::Section;

use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::discover::CONTENT_DIR;
use crate::link::{self, SiteModel};
use crate::parse;
use crate::render::{self, RenderError, Sink, theme::Theme};
use crate::site::{self, BuildError, BuildOptions, Prepared};

/// Output files by `/`-separated path.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What the search index is made from: the model and each article's sections.
pub type SearchInput = (Arc<SiteModel>, Vec<Arc<Vec<Section>>>);

/// A sink that keeps every file in memory.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<Files>,
}

impl MemorySink {
    /// The files stored so far.
    pub fn into_files(self) -> Files {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn insert(&self, path: &str, bytes: Vec<u8>) {
        let mut files = self
            .files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.insert(path.to_owned(), Arc::from(bytes));
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.insert(path, bytes.to_vec());
        Ok(())
    }

    fn copy(&self, path: &str, source: &Path) -> io::Result<()> {
        self.insert(path, std::fs::read(source)?);
        Ok(())
    }
}

/// Why the site could not be rebuilt.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Every problem found, warnings included.
    pub diagnostics: Vec<Diagnostic>,
    /// Their source texts.
    pub texts: SourceTexts,
}

/// What a rebuild changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuilt {
    /// Only the pages of these many articles were rendered again.
    Articles(usize),
    /// These many articles and the pages that list articles were rendered again.
    Listings(usize),
    /// The whole site was rebuilt.
    Everything,
}

impl Rebuilt {
    /// `articles`, `listings` or `everything`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Articles(_) => "articles",
            Self::Listings(_) => "listings",
            Self::Everything => "everything",
        }
    }
}

/// The state of the last good build, kept for incremental rebuilds.
struct Good {
    model: Arc<SiteModel>,
    theme: Arc<Theme>,
    learned: Learned,
    pages: Arc<Files>,
}

/// What rendering learned of each article, in [`SiteModel::articles`] order.
#[derive(Default)]
struct Learned {
    /// The ids it defines.
    anchors: Vec<BTreeSet<String>>,
    /// Its sections; one `Arc` each, so handing them to the search worker
    /// copies no text.
    sections: Vec<Arc<Vec<Section>>>,
    /// Its links to other articles, as written.
    article_links: Vec<Vec<String>>,
    /// What the help widget shows of it.
    previews: Vec<Vec<u8>>,
}

impl Learned {
    /// What was learned of the old article `old_of[i]`, for each article `i`
    /// of a relinked model (nothing for new articles).
    fn reordered(&self, old_of: &[Option<usize>]) -> Self {
        let mut learned = Self::default();
        for &o in old_of {
            learned
                .anchors
                .push(o.map(|o| self.anchors[o].clone()).unwrap_or_default());
            learned
                .sections
                .push(o.map(|o| self.sections[o].clone()).unwrap_or_default());
            learned
                .article_links
                .push(o.map(|o| self.article_links[o].clone()).unwrap_or_default());
            learned
                .previews
                .push(o.map(|o| self.previews[o].clone()).unwrap_or_default());
        }
        learned
    }

    /// Takes in rendered article pages; the pages go to `pages`.
    fn store(&mut self, rendered: Vec<render::ArticlePage>, pages: &mut Files) {
        for page in rendered {
            pages.insert(page.path, Arc::from(page.html));
            self.anchors[page.index] = page.body.anchors;
            self.sections[page.index] = Arc::new(page.body.sections);
            self.article_links[page.index] = page.body.article_links;
            self.previews[page.index] = page.preview;
        }
    }

    /// Replaces the help widget's files in `pages` with those of `model`'s
    /// previews as now learned: their folder is named after all of them.
    fn store_widget(&self, model: &SiteModel, theme: &Theme, pages: &mut Files) -> io::Result<()> {
        pages.retain(|path, _| !crate::render::widget::is_widget_file(path));
        let sink = MemorySink::default();
        render::widget::write(model, theme, &self.previews, &sink)?;
        pages.extend(sink.into_files());
        Ok(())
    }
}

/// A site kept in memory.
pub struct DevSite {
    options: BuildOptions,
    good: Option<Good>,
    /// The last rebuild failed: only a full rebuild can tell whether the
    /// problem is gone, whichever file changes next.
    failed: bool,
    /// Warnings of the last relinked build, with their source texts.
    warnings: (Vec<Diagnostic>, SourceTexts),
}

impl DevSite {
    /// A site at `options.root`, not built yet.
    pub fn new(options: BuildOptions) -> Self {
        Self {
            options,
            good: None,
            failed: false,
            warnings: Default::default(),
        }
    }

    /// Warnings of the last build that relinked the site (body edits keep them).
    pub fn warnings(&self) -> (&[Diagnostic], &SourceTexts) {
        (&self.warnings.0, &self.warnings.1)
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// The pages of the last good build (without the search index).
    pub fn pages(&self) -> Option<Arc<Files>> {
        self.good.as_ref().map(|g| g.pages.clone())
    }

    /// What the search index of the last good build is made from.
    pub fn search_input(&self) -> Option<SearchInput> {
        self.good
            .as_ref()
            .map(|g| (g.model.clone(), g.learned.sections.clone()))
    }

    /// Rebuilds after `changed` (absolute paths; empty means "everything").
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Failure> {
        let result = self.try_rebuild(changed);
        self.failed = result.is_err();
        // The sources are in the page cache from now on.
        self.options.reading = crate::discover::Reading::Again;
        result
    }

    fn try_rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Failure> {
        if !self.failed
            && let Some(articles) = self.bodies_only(changed)
            && self.rebuild_bodies(&articles)?
        {
            return Ok(Rebuilt::Articles(articles.len()));
        }
        if !self.failed
            && let Some(rels) = self.content_paths(changed)
            && let Some(n) = self.rebuild_articles(&rels)?
        {
            return Ok(Rebuilt::Listings(n));
        }
        self.rebuild_everything().map(|()| Rebuilt::Everything)
    }

    /// The articles whose files changed, if every change is a body edit of an
    /// existing article: same front matter bytes as in the last good build.
    fn bodies_only(&self, changed: &[PathBuf]) -> Option<Vec<(usize, Arc<str>)>> {
        let good = self.good.as_ref()?;
        let mut articles = Vec::new();
        for path in changed {
            let rel = self.content_rel(path)?;
            let index = good.model.article_by_source(&rel)?;
            let text: Arc<str> = Arc::from(std::fs::read_to_string(path).ok()?);
            let old = &good.model.articles[index].article;
            if !old.same_header(&text) {
                return None;
            }
            articles.push((index, text));
        }
        (!articles.is_empty()).then_some(articles)
    }

    /// Re-renders the given articles; `Ok(false)` when their anchors changed,
    /// so other pages may need rebuilding too.
    fn rebuild_bodies(&mut self, articles: &[(usize, Arc<str>)]) -> Result<bool, Failure> {
        let Some(good) = self.good.as_mut() else {
            return Ok(false);
        };
        let mut model = (*good.model).clone();
        let mut texts = SourceTexts::default();
        for (index, text) in articles {
            let article = &mut Arc::make_mut(&mut model.articles[*index]).article;
            article.text = text.clone();
            texts.insert(article.path.clone(), text.clone());
        }
        let mut pages = (*good.pages).clone();
        let indexes: Vec<usize> = articles.iter().map(|(index, _)| *index).collect();
        let rendered = render::articles_alone(&model, &good.theme, &indexes, &good.learned.anchors)
            .map_err(|e| RenderFailure::from(e).with(texts))?;
        if rendered
            .iter()
            .any(|p| p.body.anchors != good.learned.anchors[p.index])
        {
            return Ok(false);
        }
        good.learned.store(rendered, &mut pages);
        good.learned
            .store_widget(&model, &good.theme, &mut pages)
            .map_err(|e| io_failure(&e))?;
        good.model = Arc::new(model);
        good.pages = Arc::new(pages);
        Ok(true)
    }

    /// Whether this changed path under `content/` matters to the site: it
    /// exists now (an article, an asset, a folder, an `_index.md`), or it was
    /// an article, an asset or a folder of the last good build. What is left
    /// are editors' temporary files, written and renamed away within the
    /// batch of changes.
    pub fn significant(&self, path: &Path) -> bool {
        let Some(good) = self.good.as_ref() else {
            return true;
        };
        let Some(rel) = self.content_rel(path) else {
            return true;
        };
        let model = &good.model;
        path.exists()
            || model.article_by_source(&rel).is_some()
            || model.has_article_in(&rel)
            || model.has_asset_at(&rel)
    }

    /// The `/`-separated path of `path` inside `content/`, if it is there.
    fn content_rel(&self, path: &Path) -> Option<String> {
        let content = self.options.root.join(CONTENT_DIR);
        Some(
            path.strip_prefix(content)
                .ok()?
                .to_str()?
                .replace('\\', "/"),
        )
    }

    /// The content-relative paths of `changed`, if all are under `content/`.
    fn content_paths(&self, changed: &[PathBuf]) -> Option<Vec<String>> {
        let rels: Option<Vec<String>> = changed.iter().map(|p| self.content_rel(p)).collect();
        rels.filter(|r| !r.is_empty())
    }

    /// Relinks the site after the articles at `rels` were edited, created,
    /// renamed or deleted, and renders again only what can show them: their
    /// own pages, the pages of articles whose path or translations changed,
    /// that show other articles that changed (their section's neighbours,
    /// their related articles), or with a link that now leads elsewhere or
    /// into a changed article,
    /// the redirects to those, and the pages that list articles. Returns
    /// how many article pages were rendered, or `None` when something else
    /// changed (a path that is not an article, the config, sections, home
    /// pages, assets), which needs a full rebuild.
    fn rebuild_articles(&mut self, rels: &[String]) -> Result<Option<usize>, Failure> {
        let Some(good) = self.good.as_ref() else {
            return Ok(None);
        };
        let old = &good.model;
        // Folders come with the events of what changed in them, and the
        // relinked model says what that was; any other file (an asset, an
        // `_index.md`) changes more than articles, which is known before
        // the site is prepared.
        let content = self.options.root.join(CONTENT_DIR);
        let folder = |r: &String| content.join(r).is_dir() || old.has_article_in(r);
        if !rels
            .iter()
            .all(|r| folder(r) || crate::discover::may_be_article(r))
        {
            return Ok(None);
        }
        let Prepared {
            model,
            theme,
            texts,
            warnings,
        } = self.prepare()?;
        let article =
            |r: &String| model.article_by_source(r).is_some() || old.article_by_source(r).is_some();
        if !rels.iter().all(|r| article(r) || folder(r)) || !same_frame(old, &model) {
            return Ok(None);
        }
        let old_of: Vec<Option<usize>> = model
            .articles
            .iter()
            .map(|a| old.article_by_source(&a.article.rel))
            .collect();
        let edited: Vec<bool> = old_of
            .iter()
            .zip(model.articles.iter())
            .map(|(o, a)| o.is_none_or(|o| old.articles[o].article.text != a.article.text))
            .collect();
        let translations = |m: &SiteModel, i: usize| -> BTreeSet<String> {
            m.articles[i]
                .translations
                .iter()
                .map(|&t| m.articles[t].article.rel.clone())
                .collect()
        };
        // Whether the link `dest`, which article `o` of the old model and
        // `i` of the new one both have, leads to another page now, or into
        // an article whose anchors may have changed.
        let moved = |i: usize, o: usize, dest: &str| {
            let target = |m: &SiteModel, from: usize| match m.resolve(from, dest) {
                link::LinkTarget::Article { index, .. } => Some(index),
                _ => None,
            };
            match (target(old, o), target(&model, i)) {
                (Some(before), Some(now)) => {
                    edited[now]
                        || old_of[now] != Some(before)
                        || model.articles[now].path != old.articles[before].path
                }
                _ => true,
            }
        };
        let render: Vec<usize> = (0..model.articles.len())
            .filter(|&i| {
                let a = &model.articles[i];
                let Some(o) = old_of[i] else {
                    return true;
                };
                edited[i]
                    || a.path != old.articles[o].path
                    || translations(&model, i) != translations(old, o)
                    || model.shown_with(i) != old.shown_with(o)
                    || good.learned.article_links[o]
                        .iter()
                        .any(|dest| moved(i, o, dest))
            })
            .collect();
        let mut learned = good.learned.reordered(&old_of);
        let rendered =
            render::articles_alone(&model, &theme, &render, &learned.anchors).map_err(|e| {
                RenderFailure::from(render::with_listing_errors(&model, &theme, e))
                    .with(texts.clone())
            })?;
        let rendered_set: BTreeSet<usize> = render.iter().copied().collect();
        let page_of = |path: &str| format!("{path}index.html");
        let mut pages = Files::new();
        for (i, o) in old_of.iter().enumerate() {
            if let (false, Some(o)) = (rendered_set.contains(&i), o) {
                let page = page_of(&old.articles[*o].path);
                if let Some(bytes) = good.pages.get(&page) {
                    pages.insert(page, bytes.clone());
                }
            }
        }
        learned.store(rendered, &mut pages);
        // A redirect to an article that was not rendered again is the same
        // page as before, if there was one at that path.
        for r in model.redirects.iter() {
            let page = page_of(&r.from);
            if !rendered_set.contains(&r.to)
                && let Some(bytes) = good.pages.get(&page)
            {
                pages.insert(page, bytes.clone());
            }
        }
        let sink = MemorySink::default();
        let languages = render::language_pages(&model, &theme);
        let errors = render::listings(&model, &theme, &languages, &sink, &|r| {
            !pages.contains_key(&page_of(&r.from))
        })
        .map_err(|e| RenderFailure::from(e).with(texts.clone()))?;
        if !errors.is_empty() {
            return Err(Failure {
                diagnostics: errors,
                texts,
            });
        }
        drop(languages);
        pages.extend(sink.into_files());
        learned
            .store_widget(&model, &theme, &mut pages)
            .map_err(|e| io_failure(&e))?;
        self.warnings = (warnings, texts);
        self.good = Some(Good {
            model: Arc::new(model),
            theme: Arc::new(theme),
            learned,
            pages: Arc::new(pages),
        });
        Ok(Some(render.len()))
    }

    /// Discover, parse and link, as a build does.
    fn prepare(&self) -> Result<Prepared, Failure> {
        site::prepare(&self.options, &|_, _| {}).map_err(|e| match e {
            BuildError::Content { diagnostics, texts } => Failure { diagnostics, texts },
            other => io_failure(&other),
        })
    }

    fn rebuild_everything(&mut self) -> Result<(), Failure> {
        let Prepared {
            model,
            theme,
            texts,
            warnings,
        } = self.prepare()?;
        let sink = MemorySink::default();
        let rendered = render::render(&model, &theme, &sink)
            .map_err(|e| RenderFailure::from(e).with(texts.clone()))?;
        self.warnings = (warnings, texts);
        self.good = Some(Good {
            model: Arc::new(model),
            theme: Arc::new(theme),
            learned: Learned {
                anchors: rendered.anchors,
                sections: rendered.sections.into_iter().map(Arc::new).collect(),
                article_links: rendered.article_links,
                previews: rendered.previews,
            },
            pages: Arc::new(sink.into_files()),
        });
        Ok(())
    }
}

/// A render that failed, before the source texts are attached to show it.
enum RenderFailure {
    Content(Vec<Diagnostic>),
    Io(io::Error),
}

impl From<RenderError> for RenderFailure {
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::Content(diagnostics, _) => Self::Content(diagnostics),
            RenderError::Io(e) => Self::Io(e),
        }
    }
}

impl RenderFailure {
    fn with(self, texts: SourceTexts) -> Failure {
        match self {
            Self::Content(diagnostics) => Failure { diagnostics, texts },
            Self::Io(e) => io_failure(&e),
        }
    }
}

/// Whether every page that does not list articles frames them the same in
/// `old` and `new`: the same configuration, sections (their lists and
/// counts of articles aside), home pages and assets.
fn same_frame(old: &SiteModel, new: &SiteModel) -> bool {
    type Frame<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        i64,
        &'a str,
        Option<usize>,
        &'a [usize],
        Option<&'a parse::SectionPage>,
    );
    fn frame(s: &link::Section) -> Frame<'_> {
        let link::Section {
            id,
            lang,
            title,
            description,
            order,
            path,
            parent,
            children,
            landing,
            articles: _,
            count: _,
            article: _,
            pages: _,
        } = s;
        (
            id,
            lang,
            title,
            description,
            *order,
            path,
            *parent,
            children,
            landing.as_deref(),
        )
    }
    old.config == new.config
        && old.assets == new.assets
        && old.homes == new.homes
        && old
            .sections
            .iter()
            .map(frame)
            .eq(new.sections.iter().map(frame))
}

/// The search files of a build, made in a temporary folder.
pub fn search_files(model: &SiteModel, sections: &[Arc<Vec<Section>>]) -> Result<Files, Failure> {
    let sections = sections.iter().map(|s| s.as_ref().clone()).collect();
    let dir = tempfile::tempdir().map_err(|e| io_failure(&e))?;
    let sink = MemorySink::default();
    let input = crate::index::IndexInput::new(model, sections);
    crate::index::index(input, dir.path(), &render::Discard, &sink).map_err(|e| io_failure(&e))?;
    Ok(sink.into_files())
}

fn io_failure(e: &dyn std::fmt::Display) -> Failure {
    Failure {
        diagnostics: vec![Diagnostic::error(
            PathBuf::from("."),
            0..0,
            format!("cannot build the site: {e}"),
        )],
        texts: SourceTexts::default(),
    }
}

//! The dev server's site: built in memory and rebuilt after each change.
//!
//! In: the site folder and the files that changed. Out: the files to serve,
//! or the diagnostics of a failed rebuild (while the last good files stay
//! served). A change that touches only the bodies of existing articles
//! (their front matter bytes unchanged) and leaves their anchors as they
//! were re-renders just those articles' pages: nothing any other page shows
//! can have changed. Every other change rebuilds the whole site. The search
//! index is rebuilt after every change in the background; once it is done,
//! the files served are byte for byte those of a clean `tier0 build` with
//! `--base-url /`.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use search_index::Section;

use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::discover::CONTENT_DIR;
use crate::link::SiteModel;
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

/// The state of the last good build, kept for incremental rebuilds.
struct Good {
    model: Arc<SiteModel>,
    theme: Arc<Theme>,
    anchors: Vec<BTreeSet<String>>,
    /// Per article, so handing them to the search worker copies no text.
    sections: Vec<Arc<Vec<Section>>>,
    pages: Arc<Files>,
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
            .map(|g| (g.model.clone(), g.sections.clone()))
    }

    /// Rebuilds after `changed` (absolute paths; empty means "everything").
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Failure> {
        let result = self.try_rebuild(changed);
        self.failed = result.is_err();
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
            && let Some(rels) = self.known_articles(changed)
            && self.rebuild_listings(&rels)?
        {
            return Ok(Rebuilt::Listings(rels.len()));
        }
        self.rebuild_everything().map(|()| Rebuilt::Everything)
    }

    /// The articles whose files changed, if every change is a body edit of an
    /// existing article: same front matter bytes as in the last good build.
    fn bodies_only(&self, changed: &[PathBuf]) -> Option<Vec<(usize, Arc<str>)>> {
        let good = self.good.as_ref()?;
        let content = self.options.root.join(CONTENT_DIR);
        let mut articles = Vec::new();
        for path in changed {
            let rel = path
                .strip_prefix(&content)
                .ok()?
                .to_str()?
                .replace('\\', "/");
            let index = good.model.article_by_source(&rel)?;
            let text: Arc<str> = Arc::from(std::fs::read_to_string(path).ok()?);
            let old = &good.model.articles[index].article;
            let split = crate::parse::front_matter::split(&text).ok()?;
            if split.body_start != old.body_start
                || text[..split.body_start] != old.text[..old.body_start]
            {
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
        let mut sections = good.sections.clone();
        let indexes = articles.iter().map(|(index, _)| *index);
        let rendered = rerender(
            &model,
            &good.theme,
            indexes,
            &good.anchors,
            &mut pages,
            &mut sections,
        );
        if !rendered.map_err(|e| e.with(texts))? {
            return Ok(false);
        }
        good.model = Arc::new(model);
        good.pages = Arc::new(pages);
        good.sections = sections;
        Ok(true)
    }

    /// Whether any of these changed paths under `content/` matters to the
    /// site: it exists now (an asset, a folder, an `_index.md`), or it was an
    /// article, an asset or a folder of the last good build. What is left are
    /// editors' temporary files, written and renamed away within the batch.
    pub fn significant(&self, paths: &[PathBuf]) -> bool {
        let Some(good) = self.good.as_ref() else {
            return !paths.is_empty();
        };
        let content = self.options.root.join(CONTENT_DIR);
        paths.iter().any(|path| {
            let Some(rel) = path.strip_prefix(&content).ok().and_then(|r| r.to_str()) else {
                return true;
            };
            let rel = rel.replace('\\', "/");
            let folder = format!("{rel}/");
            path.exists()
                || good
                    .model
                    .assets
                    .iter()
                    .any(|a| a.rel == rel || a.rel.starts_with(&folder))
                || good
                    .model
                    .articles
                    .iter()
                    .any(|a| a.article.rel == rel || a.article.rel.starts_with(&folder))
        })
    }

    /// The content-relative paths of `changed`, if all are existing articles.
    fn known_articles(&self, changed: &[PathBuf]) -> Option<Vec<String>> {
        let good = self.good.as_ref()?;
        let content = self.options.root.join(CONTENT_DIR);
        let rels: Option<Vec<String>> = changed
            .iter()
            .map(|path| {
                let rel = path
                    .strip_prefix(&content)
                    .ok()?
                    .to_str()?
                    .replace('\\', "/");
                (path.is_file() && good.model.article_by_source(&rel).is_some()).then_some(rel)
            })
            .collect();
        rels.filter(|r| !r.is_empty())
    }

    /// Relinks the site after the front matter of the articles at `rels`
    /// changed, and renders again only those articles and the pages that
    /// list articles; `Ok(false)` when the site's shape changed (articles,
    /// paths, categories, redirects, anchors), which needs a full rebuild.
    fn rebuild_listings(&mut self, rels: &[String]) -> Result<bool, Failure> {
        let Some(good) = self.good.as_ref() else {
            return Ok(false);
        };
        let Prepared {
            model,
            theme,
            texts,
            warnings,
        } = self.prepare()?;
        let Some(old_of) = same_shape(&good.model, &model) else {
            return Ok(false);
        };
        let anchors: Vec<BTreeSet<String>> =
            old_of.iter().map(|&o| good.anchors[o].clone()).collect();
        let mut sections: Vec<Arc<Vec<Section>>> =
            old_of.iter().map(|&o| good.sections[o].clone()).collect();
        let mut pages = (*good.pages).clone();
        let changed: BTreeSet<usize> = rels
            .iter()
            .filter_map(|r| model.article_by_source(r))
            .collect();
        let rendered = rerender(
            &model,
            &theme,
            changed.iter().copied(),
            &anchors,
            &mut pages,
            &mut sections,
        );
        if !rendered.map_err(|e| e.with(texts.clone()))? {
            return Ok(false);
        }
        let sink = MemorySink::default();
        let languages = render::language_pages(&model, &theme);
        let errors = render::listings(&model, &theme, &languages, &sink, &|r| {
            changed.contains(&r.to)
        })
        .map_err(|e| RenderFailure::from(e).with(texts.clone()))?;
        if !errors.is_empty() {
            let diagnostics = errors
                .iter()
                .map(|e| render::template_error(&model, e))
                .collect();
            return Err(Failure { diagnostics, texts });
        }
        drop(languages);
        pages.extend(sink.into_files());
        self.warnings = (warnings, texts);
        self.good = Some(Good {
            model: Arc::new(model),
            theme: Arc::new(theme),
            anchors,
            sections,
            pages: Arc::new(pages),
        });
        Ok(true)
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
            anchors: rendered.anchors,
            sections: rendered.sections.into_iter().map(Arc::new).collect(),
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

/// Renders the bodies and pages of articles `indexes` of `model` into
/// `pages` and `sections`; `Ok(false)` when an article's anchors differ from
/// `anchors`, so pages linking to it may have changed too.
fn rerender(
    model: &SiteModel,
    theme: &Theme,
    indexes: impl Iterator<Item = usize>,
    anchors: &[BTreeSet<String>],
    pages: &mut Files,
    sections: &mut [Arc<Vec<Section>>],
) -> Result<bool, RenderFailure> {
    for index in indexes {
        let (body, path, html) = render::article_alone(model, theme, index, anchors)?;
        if body.anchors != anchors[index] {
            return Ok(false);
        }
        pages.insert(path, Arc::from(html.into_bytes()));
        sections[index] = Arc::new(body.sections);
    }
    Ok(true)
}

/// For each article of `new`, its index in `old`, when both sites have the
/// same shape: the same articles at the same paths with the same ids,
/// languages and translations, the same categories (their lists of articles
/// aside), redirects, assets, home pages and configuration. Then every page
/// that does not list articles is the same in both, but for the pages of
/// articles whose own content changed.
fn same_shape(old: &SiteModel, new: &SiteModel) -> Option<Vec<usize>> {
    if old.articles.len() != new.articles.len()
        || old.config != new.config
        || old.assets != new.assets
        || old.homes != new.homes
        || old.categories.len() != new.categories.len()
        || old.redirects.len() != new.redirects.len()
    {
        return None;
    }
    let old_of: Vec<usize> = new
        .articles
        .iter()
        .map(|a| old.article_by_source(&a.article.rel))
        .collect::<Option<_>>()?;
    let rel = |model: &SiteModel, i: usize| model.articles[i].article.rel.clone();
    for (i, &o) in old_of.iter().enumerate() {
        let (n, p) = (&new.articles[i], &old.articles[o]);
        let translations = |m: &SiteModel, a: &crate::link::LinkedArticle| {
            let mut t: Vec<String> = a.translations.iter().map(|&t| rel(m, t)).collect();
            t.sort();
            t
        };
        if n.path != p.path
            || n.article.id != p.article.id
            || n.article.lang != p.article.lang
            || n.article.category != p.article.category
            || translations(new, n) != translations(old, p)
        {
            return None;
        }
    }
    let same_category = |a: &crate::link::Category, b: &crate::link::Category| {
        (&a.id, &a.lang, &a.title, &a.description, a.order, &a.path)
            == (&b.id, &b.lang, &b.title, &b.description, b.order, &b.path)
    };
    if !old
        .categories
        .iter()
        .zip(&new.categories)
        .all(|(a, b)| same_category(a, b))
    {
        return None;
    }
    let same_redirect = |a: &crate::link::Redirect, b: &crate::link::Redirect| {
        a.from == b.from && rel(old, a.to) == rel(new, b.to)
    };
    if !old
        .redirects
        .iter()
        .zip(new.redirects.iter())
        .all(|(a, b)| same_redirect(a, b))
    {
        return None;
    }
    Some(old_of)
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

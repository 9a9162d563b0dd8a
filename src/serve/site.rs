//! The dev server's site: built in memory and rebuilt after each change.
//!
//! In: the site folder and the paths that changed. Out: the files to serve,
//! or the [`BuildError`] of a failed rebuild (while the last good files stay
//! served). What a change requires is decided by the pure [`plan`]ner;
//! this module reads what it needs from the disk (what is at each changed
//! path now), executes its steps (render the bodies of some articles
//! again; relink and render what the relinked site changed; rebuild
//! everything) and keeps what each build learned for the next one, the
//! files as read and parsed included ([`site::Earlier`]: a relink reads and
//! parses only the files that changed). The search index is rebuilt after
//! every change in the background; once it is done, the files served are byte for byte those of a clean
//! `tier0 build` with `--base-url /`.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use search_index::Section;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::discover::CONTENT_DIR;
use crate::link::SiteModel;
use crate::output_paths;
use crate::plan::{self, Body, Change, Now, Pages, Step};
use crate::render::widget::PreviewDigests;
use crate::render::{self, Listing, Listings, Sink, theme::Theme};
use crate::site::{self, BuildError, BuildOptions, Prepared};

/// Output files by `/`-separated path.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// What the files made in the background after a build are made from: the
/// search index (the model and each article's sections) and the help
/// widget that searches it (the theme and each article's preview).
pub struct SearchInput {
    model: Arc<SiteModel>,
    sections: Vec<Arc<Vec<Section>>>,
    theme: Arc<Theme>,
    previews: Vec<Arc<[u8]>>,
}

/// A sink that keeps every file in memory.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<Files>,
    /// The files of an earlier build, whose copies of content files
    /// (images, PDFs) are taken instead of reading those files again.
    earlier: Option<Arc<Files>>,
}

impl MemorySink {
    /// A sink that takes its copies of content files from `earlier` where
    /// it has them: for a relink, which the planner chooses only when no
    /// file but articles changed (a changed image rebuilds everything).
    /// A site with 200 MB of screenshots read them all on every relink.
    fn reusing(earlier: Arc<Files>) -> Self {
        Self {
            files: Mutex::default(),
            earlier: Some(earlier),
        }
    }

    /// The files stored so far.
    pub fn into_files(self) -> Files {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn insert(&self, path: &str, bytes: Arc<[u8]>) {
        let mut files = self
            .files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.insert(path.to_owned(), bytes);
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        // Copied once, before taking the lock.
        self.insert(path, Arc::from(bytes));
        Ok(())
    }

    fn copy(&self, path: &str, source: &Path) -> io::Result<()> {
        let bytes = match self.earlier.as_ref().and_then(|files| files.get(path)) {
            Some(bytes) => bytes.clone(),
            None => Arc::from(std::fs::read(source)?),
        };
        self.insert(path, bytes);
        Ok(())
    }
}

/// What a rebuild changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rebuilt {
    /// Only the pages of these many articles were rendered again.
    Articles(usize),
    /// The pages of these many articles, and these many other pages
    /// (those that list articles and changed, redirects), were rendered again.
    Listings(usize, usize),
    /// The whole site was rebuilt.
    Everything,
}

impl Rebuilt {
    /// `articles`, `listings` or `everything`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Articles(_) => "articles",
            Self::Listings(..) => "listings",
            Self::Everything => "everything",
        }
    }

    /// How many pages were rendered again, if not the whole site.
    pub fn pages(self) -> Option<usize> {
        match self {
            Self::Articles(articles) => Some(articles),
            Self::Listings(articles, listings) => Some(articles + listings),
            Self::Everything => None,
        }
    }
}

/// The state of the last good build, kept for incremental rebuilds.
struct Good {
    model: Arc<SiteModel>,
    theme: Arc<Theme>,
    learned: Learned,
    pages: Arc<Files>,
    /// What each page that lists articles shows of them.
    listings: Arc<Listings>,
}

/// What rendering learned of each article, in [`SiteModel::articles`] order.
#[derive(Default)]
struct Learned {
    /// The ids it defines. This and the other fields hold an `Arc` for
    /// each article, so that reordering them for a relinked site copies
    /// no text.
    anchors: Vec<Arc<BTreeSet<String>>>,
    /// Its sections, which the search worker is handed.
    sections: Vec<Arc<Vec<Section>>>,
    /// Its links to other articles, as written.
    article_links: Vec<Arc<[String]>>,
    /// What the help widget shows of it.
    previews: Vec<Arc<[u8]>>,
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
            self.anchors[page.index] = Arc::new(page.body.anchors);
            self.sections[page.index] = Arc::new(page.body.sections);
            self.article_links[page.index] = Arc::from(page.body.article_links);
            self.previews[page.index] = Arc::from(page.preview);
        }
    }
}

impl Good {
    /// A clean build of a prepared site.
    fn built(model: SiteModel, theme: Theme, texts: &SourceTexts) -> Result<Self, BuildError> {
        let sink = MemorySink::default();
        let previews = render::HeldPreviews::new(model.articles.len());
        let rendered = render::render(&model, &theme, &sink, &previews)
            .map_err(|e| site::render_failure(Vec::new(), e, texts.clone()))?;
        Ok(Self {
            model: Arc::new(model),
            theme: Arc::new(theme),
            learned: Learned {
                anchors: rendered.anchors.into_iter().map(Arc::new).collect(),
                sections: rendered.sections.into_iter().map(Arc::new).collect(),
                article_links: rendered.article_links.into_iter().map(Arc::from).collect(),
                previews: previews.into_vec().into_iter().map(Arc::from).collect(),
            },
            pages: Arc::new(sink.into_files()),
            listings: Arc::new(rendered.listings),
        })
    }

    /// Executes [`Step::Bodies`]: renders the pages of `bodies` again and
    /// keeps them, unless the planner asks for the next step after
    /// `changes`, which it returns.
    fn rebuild_bodies(
        &mut self,
        bodies: &[Body],
        changes: &[Change],
    ) -> Result<Option<Step>, BuildError> {
        let mut model = (*self.model).clone();
        let mut texts = SourceTexts::default();
        for Body { index, text } in bodies {
            let article = &mut Arc::make_mut(&mut model.articles[*index]).article;
            article.text = text.clone();
            texts.insert(article.path.clone(), text.clone());
        }
        let indexes: Vec<usize> = bodies.iter().map(|b| b.index).collect();
        let rendered = render::articles_alone(&model, &self.theme, &indexes, &self.learned.anchors)
            .map_err(|e| site::render_failure(Vec::new(), e, texts))?;
        let anchors = rendered.iter().map(|p| (p.index, &p.body.anchors));
        if let Some(next) = plan::after_bodies(&self.model, changes, &self.learned.anchors, anchors)
        {
            return Ok(Some(next));
        }
        let mut pages = (*self.pages).clone();
        self.learned.store(rendered, &mut pages);
        self.model = Arc::new(model);
        self.pages = Arc::new(pages);
        Ok(None)
    }

    /// Executes [`plan::Pages`] for the relinked `model`: renders the
    /// pages it names and the pages that list articles whose listing
    /// changed, and keeps the other pages of this build.
    /// Returns the relinked build and how many other pages it rendered.
    fn relinked(
        &self,
        model: SiteModel,
        theme: Theme,
        texts: &SourceTexts,
        plan: &Pages,
    ) -> Result<(Self, usize), BuildError> {
        let mut learned = self.learned.reordered(&plan.old_of);
        let rendered = render::articles_alone(&model, &theme, &plan.render, &learned.anchors)
            .map_err(|e| {
                let failed = render::with_listing_errors(&model, &theme, e);
                site::render_failure(Vec::new(), failed, texts.clone())
            })?;
        let mut pages = Files::new();
        for path in &plan.keep {
            let page = output_paths::page_file(path);
            if let Some(bytes) = self.pages.get(&page) {
                pages.insert(page, bytes.clone());
            }
        }
        learned.store(rendered, &mut pages);
        let kept = |path: &str, listing: &Listing| {
            self.pages.contains_key(path)
                && self
                    .listings
                    .get(path)
                    .is_some_and(|old| listing.shows_as(old, |i| plan.unchanged(i)))
        };
        let sink = MemorySink::reusing(self.pages.clone());
        let languages = render::language_pages(&model, &theme);
        let listed =
            render::listings(
                &model,
                &theme,
                &languages,
                &sink,
                &|path, listing| match listing {
                    Some(listing) => !kept(path, listing),
                    None => !pages.contains_key(path),
                },
            )
            .map_err(|e| site::render_failure(Vec::new(), e, texts.clone()))?;
        if !listed.errors.is_empty() {
            return Err(BuildError::Content {
                diagnostics: listed.errors,
                texts: texts.clone(),
            });
        }
        drop(languages);
        for (path, listing) in &listed.listings {
            if kept(path, listing) {
                pages.insert(path.clone(), self.pages[path].clone());
            }
        }
        pages.extend(sink.into_files());
        let good = Self {
            model: Arc::new(model),
            theme: Arc::new(theme),
            learned,
            pages: Arc::new(pages),
            listings: Arc::new(listed.listings),
        };
        Ok((good, listed.rendered))
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
    /// The files as last read and parsed: only those that changed are read
    /// and parsed again.
    earlier: site::Earlier,
}

impl DevSite {
    /// A site at `options.root`, not built yet.
    pub fn new(options: BuildOptions) -> Self {
        Self {
            options,
            good: None,
            failed: false,
            warnings: Default::default(),
            earlier: Default::default(),
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

    /// The config of the last good build; `None` before the first.
    pub fn config(&self) -> Option<&Config> {
        self.good.as_ref().map(|g| &g.model.config)
    }

    /// The content folder, relative to the site folder, as the config of
    /// the last good build names it, or the default one before the first.
    fn content_or_default(&self) -> &Path {
        self.config()
            .map_or(Path::new(CONTENT_DIR), |c| c.content_dir.as_path())
    }

    /// The files outside the content folder that the pages of the last
    /// good build include (mdBook's listings), or name and miss, to be
    /// watched.
    pub fn included_outside(&self) -> BTreeSet<PathBuf> {
        self.good
            .as_ref()
            .map(|g| {
                g.model
                    .included_outside()
                    .into_iter()
                    .map(Path::to_path_buf)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The pages of the last good build (without the search index and the
    /// help widget: [`DevSite::search_input`]).
    pub fn pages(&self) -> Option<Arc<Files>> {
        self.good.as_ref().map(|g| g.pages.clone())
    }

    /// What the search index and the help widget of the last good build
    /// are made from.
    pub fn search_input(&self) -> Option<SearchInput> {
        self.good.as_ref().map(|g| SearchInput {
            model: g.model.clone(),
            sections: g.learned.sections.clone(),
            theme: g.theme.clone(),
            previews: g.learned.previews.clone(),
        })
    }

    /// What is at each of the changed `paths` (absolute) now, as the
    /// planner reads it, without editors' temporary files
    /// ([`plan::significant`]). After a failed rebuild every change
    /// matters: only a rebuild can tell whether its problem is gone. A
    /// file the last build also read through a symbolic link (to it or to
    /// its folder) changed at the link's path too: the watcher names only
    /// the file's real path.
    pub fn changes(&self, paths: &[PathBuf]) -> Vec<Change> {
        let content = self.options.root.join(self.content_or_default());
        let paths: BTreeSet<PathBuf> = paths
            .iter()
            .flat_map(|path| {
                let through = path
                    .strip_prefix(&content)
                    .ok()
                    .and_then(Path::to_str)
                    .map(|rel| self.earlier.read_through(&rel.replace('\\', "/")))
                    .unwrap_or_default();
                std::iter::once(path.clone())
                    .chain(through.into_iter().map(|rel| content.join(rel)))
            })
            .collect();
        let previous = self.good.as_ref().filter(|_| !self.failed);
        let reported: BTreeSet<String> = self
            .warnings
            .0
            .iter()
            .filter_map(|problem| {
                problem
                    .path
                    .strip_prefix(self.content_or_default())
                    .ok()?
                    .to_str()
            })
            .map(|rel| rel.replace('\\', "/"))
            .collect();
        paths
            .iter()
            .map(|path| self.change(path))
            .filter(|change| plan::significant(previous.map(|g| &*g.model), &reported, change))
            .collect()
    }

    /// What is at `path` now.
    fn change(&self, path: &Path) -> Change {
        let content = self.options.root.join(self.content_or_default());
        let Some(rel) = path.strip_prefix(content).ok().and_then(Path::to_str) else {
            return Change::Outside;
        };
        let now = match std::fs::metadata(path) {
            // A link to nothing is there, to be reported.
            Err(_) if path.is_symlink() => Now::File,
            Err(_) => Now::Gone,
            Ok(meta) if meta.is_dir() => Now::Folder,
            // A named pipe, socket or device is never read: opening a pipe
            // waits for a writer, and the server would rebuild no more.
            Ok(meta) if !meta.is_file() => Now::File,
            Ok(_) => std::fs::read_to_string(path).map_or(Now::File, |text| Now::Text(text.into())),
        };
        Change::Content {
            rel: rel.replace('\\', "/"),
            now,
        }
    }

    /// Rebuilds after `changes` (none means "everything").
    pub fn rebuild(&mut self, changes: &[Change]) -> Result<Rebuilt, BuildError> {
        let result = self.try_rebuild(changes);
        self.failed = result.is_err();
        // The sources are in the page cache from now on.
        self.options.reading = crate::discover::Reading::Again;
        result
    }

    /// Takes the steps the planner gives for `changes`.
    fn try_rebuild(&mut self, changes: &[Change]) -> Result<Rebuilt, BuildError> {
        let previous = if self.failed {
            None
        } else {
            self.good.as_mut()
        };
        let mut step = plan::first(previous.as_deref().map(|g| &*g.model), changes);
        if let (Step::Bodies(bodies), Some(good)) = (&step, previous) {
            match good.rebuild_bodies(bodies, changes)? {
                None => return Ok(Rebuilt::Articles(bodies.len())),
                Some(next) => step = next,
            }
        }
        let Prepared {
            model,
            theme,
            texts,
            warnings,
        } = site::prepare_again(
            &self.options,
            &mut self.earlier,
            self.good.as_ref().map(|g| &*g.model),
        )?;
        let relinked = match (&step, &self.good) {
            (Step::Relink { files }, Some(good)) => {
                plan::pages(&good.model, &good.learned.article_links, &model, files)
                    .map(|pages| (good, pages))
            }
            _ => None,
        };
        let (good, rebuilt) = match relinked {
            Some((good, pages)) => {
                let (relinked, listings) = good.relinked(model, theme, &texts, &pages)?;
                (relinked, Rebuilt::Listings(pages.render.len(), listings))
            }
            None => (Good::built(model, theme, &texts)?, Rebuilt::Everything),
        };
        self.good = Some(good);
        self.warnings = (warnings, texts);
        Ok(rebuilt)
    }
}

/// The files of a build made in the background: its search index, made
/// in a temporary folder, and the help widget's files, whose previews
/// `digests` holds as last written (only the preview files whose articles
/// changed are digested again).
pub fn search_files(
    input: &SearchInput,
    digests: &mut PreviewDigests,
) -> Result<Files, BuildError> {
    let SearchInput {
        model,
        sections,
        theme,
        previews,
    } = input;
    let sections = sections.iter().map(|s| s.as_ref().clone()).collect();
    let dir = tempfile::tempdir()?;
    let sink = MemorySink::default();
    let index = crate::index::IndexInput::new(model, sections);
    let reuse = crate::index::Reuse::Nothing;
    crate::index::index(index, dir.path(), &render::Discard, &sink, reuse)?;
    digests.write(model, theme, previews, &sink)?;
    Ok(sink.into_files())
}

//! Build orchestration: the only place that knows the order of the stages.
//!
//! discover → parse → link → render → write. Each stage reports problems as
//! diagnostics; the build stops before writing if any is an error, so the
//! previous output stays in place.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cache::{self, BuildCache};
use crate::config::{BaseUrl, Config, ContentDirFrom};
use crate::diagnostics::{self, Diagnostic, SourceTexts};
use crate::discover::{self, CONFIG_FILE, Reading};
use crate::leniency;
use crate::link::{self, BuildAudience, Selection, SiteModel};
use crate::parse;
use crate::render::{self, RenderError, Sink, theme::Theme};
use crate::write::{self, OutputClaim, SpilledPreviews, Staging, Unknown};

mod check;
mod config;
mod lenient;

use check::render_checks;
pub use check::{CheckReport, check};
pub use config::load_config;
use lenient::{link_all, link_site};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `tier0.yaml` and `content/`).
    pub root: PathBuf,
    /// Where to write the site; `None` means `<root>/public`.
    pub out: Option<PathBuf>,
    /// Include drafts.
    pub drafts: bool,
    /// Overrides `base_url` from the config (`agents.base_url` in the agents' build).
    pub base_url: Option<String>,
    /// Whom the build is for.
    pub audience: BuildAudience,
    /// Replace an output folder that holds files tier0 did not write.
    pub replace_output: bool,
    /// Every problem stops the build (`--strict`; `strict: true` in the
    /// config says the same).
    pub strict: bool,
    /// Whether the sources may have to come from the disk, or were read
    /// moments ago by this process (the dev server's rebuilds).
    pub reading: Reading,
    /// Keep the pages of the last build that would come out the same
    /// ([`crate::cache`]); `--no-cache` says not to.
    pub cache: bool,
}

impl BuildOptions {
    /// Where the site is written: `--out`, else `public/` for the public
    /// build and `agents.out` of the config for the agents' one.
    pub fn out_dir(&self, config: &Config) -> PathBuf {
        out_dir(&self.root, self.out.as_deref(), self.audience, config)
    }

    /// Which articles the build publishes.
    fn selection(&self) -> Selection {
        Selection {
            drafts: self.drafts,
            audience: self.audience,
        }
    }

    /// Where the other edition than this build's is written when it keeps
    /// its default folder: `public/`, or `agents.out` of the config.
    fn other_out_dir(&self, config: &Config) -> PathBuf {
        out_dir(&self.root, None, self.audience.other(), config)
    }

    /// Locks the output folder for this build, once it is known to be one
    /// that tier0 may replace.
    fn claim_output(&self, config: &Config) -> Result<OutputClaim, BuildError> {
        let out = self.out_dir(config);
        // The folders mounted in the content folder (translations, static
        // files: Astro's are in `public/`) are sources too.
        let folders: Vec<PathBuf> = (config.source_folders().into_iter())
            .chain([Path::new("themes")])
            .map(|folder| self.root.join(folder))
            .collect();
        let files = [self.root.join(CONFIG_FILE)];
        let sources = write::Sources {
            root: &self.root,
            folders: &folders,
            files: &files,
        };
        let unknown = if self.replace_output {
            Unknown::Replace
        } else {
            Unknown::Refuse
        };
        let other = self.other_out_dir(config);
        Ok(OutputClaim::acquire(
            &out,
            sources,
            &other,
            self.audience,
            unknown,
        )?)
    }
}

/// Where a build for `audience` of the site at `root` is written: `out`
/// when given, else `public/` or `agents.out` of the config.
pub fn out_dir(
    root: &Path,
    out: Option<&Path>,
    audience: BuildAudience,
    config: &Config,
) -> PathBuf {
    match (out, audience) {
        (Some(out), _) => write::output_dir(out),
        (None, BuildAudience::Public) => root.join("public"),
        (None, BuildAudience::Agents) => root.join(&config.agents.out),
    }
}

/// A successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// Published articles.
    pub articles: usize,
    /// Content files left out for their errors (a lenient build).
    pub left_out: usize,
    /// Files written.
    pub files: usize,
    /// Article pages kept from the last build instead of rendered ([`crate::cache`]).
    pub kept: usize,
    /// Redirect pages written (short links and aliases; none with
    /// `redirects: not-found`).
    pub redirect_pages: usize,
    /// Why the build cache could not be written, if it could not: the
    /// site is complete, the next build renders everything.
    pub cache_error: Option<io::Error>,
    /// What could not be deleted of the old site and the old search index
    /// (set aside beside them): the build succeeded, but the user must
    /// clean up.
    pub leftovers: Vec<write::Leftover>,
    /// The content folder and what named it, when another generator's
    /// configuration did (`docs`, "the docs_dir of mkdocs.yml").
    pub content: Option<(PathBuf, String)>,
    /// The default language and why, when another generator's
    /// configuration gave it (`de`, "as the theme.language of mkdocs.yml
    /// names it").
    pub language: Option<(String, String)>,
    /// Where the site was written.
    pub out: PathBuf,
    /// Problems found: warnings, and the errors that left a content file
    /// out of a lenient build.
    pub warnings: Vec<Diagnostic>,
    /// Source texts, to show the warnings.
    pub texts: SourceTexts,
    /// Wall time of the build.
    pub elapsed: Duration,
}

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors; nothing was written.
    #[error("the build found {} error(s)", .diagnostics.iter().filter(|d| d.is_error()).count())]
    Content {
        /// Every problem found, warnings included.
        diagnostics: Vec<Diagnostic>,
        /// Source texts, to show them.
        texts: SourceTexts,
    },
    /// Reading the sources or writing the output failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The search index could not be built.
    #[error("search index: {0}")]
    Search(#[from] search_index::SearchError),
}

/// A linked site with its theme, ready to render.
pub struct Prepared {
    /// The site model.
    pub model: SiteModel,
    /// The compiled theme.
    pub theme: Theme,
    /// Problems found so far: warnings, and in a lenient build the errors
    /// that left content files out.
    pub warnings: Vec<Diagnostic>,
    /// Source texts, for showing diagnostics.
    pub texts: SourceTexts,
}

/// Receives the name of each stage as it starts and the number of articles found.
pub type Progress<'a> = &'a dyn Fn(&str, usize);

/// A site discovered and parsed, not linked yet.
struct Parsed {
    config: Config,
    theme: Theme,
    articles: Vec<parse::Article>,
    sections: Vec<parse::SectionPage>,
    assets: Vec<discover::Asset>,
    warnings: Vec<Diagnostic>,
    texts: SourceTexts,
    /// The article files left out for their errors.
    left_out: Vec<discover::SourceFile>,
}

/// Runs discover, parse and link.
pub fn prepare(options: &BuildOptions, progress: Progress<'_>) -> Result<Prepared, BuildError> {
    let parsed = parse_site(options, progress, None)?;
    progress("linking", parsed.articles.len());
    link_site(parsed, options.selection(), None)
}

/// [`prepare`], going on past the problems of single files even in a
/// strict build, which the caller stops with the pages' problems too.
fn prepare_all(options: &BuildOptions, progress: Progress<'_>) -> Result<Prepared, BuildError> {
    let parsed = parse_site(options, progress, None)?;
    progress("linking", parsed.articles.len());
    link_all(parsed, options.selection(), None)
}

/// What a dev server's last build read and parsed, for the next one.
#[derive(Default)]
pub struct Earlier {
    /// The Markdown files as read: only those whose stamps changed are read again.
    read: discover::Known,
    /// The article files as parsed: only those that changed are parsed again.
    parsed: parse::Earlier,
}

impl Earlier {
    /// The other content-relative paths at which the last read found the
    /// file at `rel` ([`discover::Known::read_through`]).
    pub fn read_through(&self, rel: &str) -> Vec<String> {
        self.read.read_through(rel)
    }
}

/// [`prepare`] again, soon after the last time (the dev server's rebuilds):
/// the files that did not change since `earlier` are neither read nor
/// parsed again, and of the related articles of `before` (the last good
/// build) only those a change can reach are made again.
pub fn prepare_again(
    options: &BuildOptions,
    earlier: &mut Earlier,
    before: Option<&SiteModel>,
) -> Result<Prepared, BuildError> {
    let parsed = parse_site(options, &|_, _| {}, Some(earlier))?;
    link_site(parsed, options.selection(), before)
}

/// Discover and parse, with the config as `options` adjust it; through
/// `earlier` when given.
fn parse_site(
    options: &BuildOptions,
    progress: Progress<'_>,
    earlier: Option<&mut Earlier>,
) -> Result<Parsed, BuildError> {
    let root = &options.root;
    let mut diagnostics = Vec::new();
    let fail = |diagnostics: Vec<Diagnostic>, texts: SourceTexts| {
        Err(BuildError::Content { diagnostics, texts })
    };

    let (mut config, warnings, mut texts) = load_config(root)?;
    diagnostics.extend(warnings);
    config.strict |= options.strict;
    if options.audience == BuildAudience::Agents {
        config.base_url = config.agents_base_url.clone();
    }
    if let Some(url) = &options.base_url {
        config.base_url = BaseUrl::parse(url).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("--base-url `{url}` is neither a URL (https://…) nor a path (/help/)"),
            )
        })?;
        if options.audience == BuildAudience::Public {
            config.public_base_url = config.base_url.clone();
        }
    }

    let (known, earlier) = match earlier {
        Some(Earlier { read, parsed }) => (Some(read), Some(parsed)),
        None => (None, None),
    };
    let mut sources = discover::discover(
        root,
        &config.content_dir,
        &config.mounted,
        &config.theme,
        options.reading,
        known,
    )?;
    parse::language_homes(&config, &mut sources);
    diagnostics.append(&mut sources.problems);
    texts.extend(std::mem::take(&mut sources.texts));
    progress("parsing", sources.articles.len());
    // The templates compile on one core while the articles are parsed.
    let (theme, parsed) = rayon::join(
        || Theme::load(&config.theme, &sources.theme),
        || match earlier {
            Some(earlier) => earlier.parse(&config, &sources),
            None => parse::parse(&config, &sources),
        },
    );
    diagnostics.extend(parsed.diagnostics);
    let theme = match theme {
        Ok(theme) => theme,
        Err(errors) => {
            diagnostics.extend(errors);
            return fail(diagnostics, texts);
        }
    };
    let mut articles = parsed.articles;
    diagnostics.extend(link::contents::order(
        &config,
        &mut articles,
        &sources.contents,
        &parsed.navigations,
    ));
    link::contents::gather(&config, &mut articles, &parsed.navigations);
    let (mut labels, problems) = parse::sidebar_labels(&sources.sidebar_labels);
    labels.extend(parsed.labels);
    diagnostics.extend(problems);
    for navigation in &parsed.navigations {
        link::contents::title_sections(&mut config, navigation, &labels);
    }
    let (categories, problems) = parse::categories(&sources.categories);
    diagnostics.extend(problems);
    diagnostics.extend(link::categories::apply(
        &mut config,
        &mut articles,
        &categories,
        &labels,
    ));
    // A file with errors is left out of what is parsed; a strict build
    // stops once the link stage has found its problems too. An error of
    // the whole site (`mkdocs.yml`) stops here, with the problems of every
    // file read so far.
    if leniency::stops(&diagnostics, &config.source_folders()) {
        return fail(diagnostics, texts);
    }
    Ok(Parsed {
        config,
        theme,
        articles,
        sections: parsed.sections,
        assets: sources.assets,
        warnings: diagnostics,
        texts,
        left_out: parsed.left_out,
    })
}

/// A build that stops on content problems: `errors` after the warnings so far.
fn content_failure(
    mut warnings: Vec<Diagnostic>,
    errors: Vec<Diagnostic>,
    texts: SourceTexts,
) -> BuildError {
    warnings.extend(errors);
    BuildError::Content {
        diagnostics: warnings,
        texts,
    }
}

/// A render that failed, as the failure of a build: its problems after
/// `warnings`, shown with `texts`.
pub fn render_failure(
    warnings: Vec<Diagnostic>,
    failed: RenderError,
    texts: SourceTexts,
) -> BuildError {
    match failed {
        RenderError::Content(errors, _) => content_failure(warnings, errors, texts),
        RenderError::Io(e) => e.into(),
    }
}

/// Where the tantivy index of the build written to `out` is kept for
/// `tier0 search`: beside the output, with what else tier0 knows of it.
pub fn index_dir(out: &Path) -> PathBuf {
    write::state_dir(out).join(write::INDEX_DIR)
}

/// Builds the site and swaps it into the output folder.
pub fn build(options: &BuildOptions, progress: Progress<'_>) -> Result<BuildReport, BuildError> {
    build_with_pages(options, &[], progress)
}

/// [`build`], with `pages` (output path, bytes) written beside the site's
/// own: the agents' insights report.
pub fn build_with_pages(
    options: &BuildOptions,
    pages: &[(&str, &[u8])],
    progress: Progress<'_>,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let Prepared {
        mut model,
        theme,
        mut warnings,
        mut texts,
    } = prepare_all(options, progress)?;
    if model.config.strict && warnings.iter().any(Diagnostic::is_error) {
        // Every problem at once, the pages' too, before the output is touched.
        let mut problems = Vec::new();
        render_checks(&model, &theme, &mut problems)?;
        diagnostics::add_new(&mut warnings, problems);
        return Err(BuildError::Content {
            diagnostics: warnings,
            texts,
        });
    }
    let out = options.out_dir(&model.config);
    let claim = options.claim_output(&model.config)?;
    let staging = Staging::create(&out)?;
    progress("rendering", model.articles.len());
    let shaped_by = format!(
        "{:?}",
        (
            options.drafts,
            &options.base_url,
            options.audience,
            options.strict
        )
    );
    let frame = cache::frame(&model, &theme, &shaped_by);
    let cache = BuildCache::open(&claim, &out, &model, &frame, options.cache);
    let previews = SpilledPreviews::create(claim.state(), model.articles.len())?;
    let rendered = render::articles(&model, &theme, &staging, &cache, &previews);
    let (cache, kept) = cache.finish();
    let mut rendered = match rendered {
        Ok(rendered) => rendered,
        Err(failed) => {
            let failed = render::with_listing_errors(&model, &theme, failed);
            return Err(render_failure(warnings, failed, texts));
        }
    };
    warnings.append(&mut rendered.warnings);
    let articles = model.articles.len();
    let content_dir = model.config.content_dir.clone();
    let left_out = leniency::left_out(&warnings, &model.config.source_folders()).len();
    let content_named_by = match &model.config.content_dir_from {
        ContentDirFrom::Generator(named_by) => Some(named_by.clone()),
        ContentDirFrom::Default | ContentDirFrom::Config => None,
    };
    let language = (model.config.default_language_from.clone())
        .map(|named_by| (model.config.default_language.clone(), named_by));
    progress("indexing", articles);
    // The article pages were the last readers of the sources: free them,
    // keeping only the texts the warnings will be shown with. The index is
    // built while the other pages are rendered.
    texts.keep_only(warnings.iter().map(|d| d.path.as_path()));
    model.drop_texts();
    let sections = std::mem::take(&mut rendered.sections);
    let previews = previews.finish()?;
    let input = crate::index::IndexInput::new(&model, sections);
    let redirect_pages = render::redirect_pages(&model);
    let index_staging = Staging::create(&index_dir(&out))?;
    let index_dir = index_staging.path()?;
    let sink = &staging;
    let (listed, indexed) = rayon::join(
        // The model goes with the pages that read it last, and is freed
        // there while the index is still being built; so is what the
        // article pages learned for the dev server (anchors, links).
        move || {
            drop(rendered);
            let languages = render::language_pages(&model, &theme);
            let listed = render::listings(&model, &theme, &languages, sink, &|_, _| true)
                .map(|listed| listed.errors);
            render::widget::write(&model, &theme, &previews, sink).map_err(RenderError::Io)?;
            listed
        },
        || {
            let reuse = crate::index::Reuse::LastBuild;
            crate::index::index(input, index_dir, &index_staging, sink, reuse)
        },
    );
    indexed?;
    match listed {
        Ok(errors) if errors.is_empty() => {}
        Ok(errors) => return Err(content_failure(warnings, errors, texts)),
        Err(failed) => return Err(render_failure(warnings, failed, texts)),
    }
    for (path, bytes) in pages {
        staging.put(path, bytes)?;
    }
    progress("writing", articles);
    let files = staging.files();
    let leftovers = [claim.commit(staging)?, claim.commit_index(index_staging)?]
        .into_iter()
        .flatten()
        .collect();
    let cache_error = cache.save(claim.state()).err();
    Ok(BuildReport {
        articles,
        kept,
        redirect_pages,
        cache_error,
        leftovers,
        left_out,
        content: content_named_by.map(|named_by| (content_dir, named_by)),
        language,
        files,
        out,
        warnings,
        texts,
        elapsed: started.elapsed(),
    })
}

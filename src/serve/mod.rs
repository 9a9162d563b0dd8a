//! `tier0 serve`: the authoring loop's dev server.
//!
//! Builds the site in memory, serves it on loopback, watches the sources
//! and rebuilds what a change affects (see [`site`]), then tells open pages
//! to reload, or shows them the build errors while the last good site stays
//! served. The search index and the help widget follow in the background
//! after each rebuild.
//! It answers only requests that name it ([`hosts`]) and drops clients that
//! keep it waiting ([`connections`]).

pub mod connections;
pub mod hosts;
pub mod http;
pub mod site;
pub mod watch;

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use http::{LiveEvent, Shared};
use site::{DevSite, Rebuilt};

use crate::config::BaseUrl;
use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::discover::CONTENT_DIR;
use crate::plan::Change;
use crate::render::widget::PreviewDigests;
use crate::report::{Listing, Verbosity, print_diagnostics};
use crate::site::{BuildError, BuildOptions};
use crate::terminal;

/// The port `tier0 serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 1111;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to listen on.
    pub bind: IpAddr,
    /// Names other than the addresses it listens on that requests may give
    /// in `Host`.
    pub allow_hosts: Vec<hosts::Authority>,
    /// How long a client may take to send a request head, or to take a part
    /// of a response, before it is dropped.
    pub client_timeout: Duration,
    /// Port (0: any free port).
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Whom to build for.
    pub audience: crate::link::BuildAudience,
    /// Open the site in a browser once it is served.
    pub open: bool,
}

/// Serves the site until the process is interrupted.
pub fn serve(mut options: ServeOptions, verbosity: Verbosity) -> io::Result<()> {
    // Watch events name absolute paths; so must everything they are compared with.
    options.root = options.root.canonicalize().map_err(|e| {
        io::Error::new(
            e.kind(),
            format!(
                "cannot read the site folder `{}`: {e}",
                options.root.display()
            ),
        )
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(options.bind, options.port))
            .await
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!(
                        "cannot listen on {}:{}: {e}; choose another --port (0 picks a free one)",
                        options.bind, options.port
                    ),
                )
            })?;
        let address = listener.local_addr()?;
        let url = format!("http://{address}/");
        terminal::say(format_args!(
            "Serving {} at {url} (Ctrl+C to stop)",
            options.root.display()
        ));
        let shared = Shared::new(hosts::AllowedHosts::new(
            options.bind,
            address.port(),
            &options.allow_hosts,
        ));
        let loop_shared = shared.clone();
        let build = BuildOptions {
            root: options.root.clone(),
            out: None,
            drafts: options.drafts,
            base_url: Some(BaseUrl::Path("/".into()).as_written()),
            audience: options.audience,
            replace_output: false,
            reading: crate::discover::Reading::First,
            cache: false,
            strict: false,
        };
        std::thread::spawn(move || rebuild_loop(DevSite::new(build), &loop_shared, verbosity));
        if options.open
            && let Err(e) = opener::open(&url)
        {
            terminal::tell(format_args!(
                "warning: could not open a browser ({e}); open {url} yourself"
            ));
        }
        connections::serve(
            listener,
            http::router(shared),
            options.client_timeout,
            async {
                let _ = tokio::signal::ctrl_c().await;
            },
        )
        .await;
        Ok(())
    })
}

/// Builds the site, then rebuilds it after every batch of changes, forever.
fn rebuild_loop(mut site: DevSite, shared: &Arc<Shared>, verbosity: Verbosity) {
    let search = spawn_search_worker(shared.clone());
    let mut generation = 0;
    // Watch first: a file saved while the first build runs is rebuilt after
    // it. The content folder is the config's (the default until it loads).
    let root = site.root().to_path_buf();
    let (content, mounted) = crate::site::load_config(&root).map_or_else(
        |_| (CONTENT_DIR.into(), Vec::new()),
        |(config, ..)| (config.content_dir, mounted_dirs(&config.mounted)),
    );
    let watcher = watch::Watcher::new(&root, &content).map(|mut watcher| {
        watcher.follow_mounted(mounted);
        watcher
    });
    rebuild(&mut site, &[], shared, &search, &mut generation, verbosity);
    let mut watcher = match watcher {
        Ok(watcher) => watcher,
        Err(e) => {
            terminal::tell(format_args!(
                "error: cannot watch {}: {e}; the site will not be rebuilt on changes",
                root.display()
            ));
            return;
        }
    };
    watcher.watch_included(read_outside(&site));
    while let Some(batch) = watcher.next_batch() {
        let changes = if batch.everything {
            Vec::new()
        } else {
            let mut paths = batch.articles;
            paths.extend(batch.others);
            let changes = site.changes(&paths);
            if changes.is_empty() {
                continue;
            }
            changes
        };
        rebuild(
            &mut site,
            &changes,
            shared,
            &search,
            &mut generation,
            verbosity,
        );
        // The config named another content folder, or translations came
        // or went outside it: their files are the site.
        if let Some(config) = site.config() {
            let content = watcher.follow(&config.content_dir);
            if watcher.follow_mounted(mounted_dirs(&config.mounted)) || content {
                rebuild(&mut site, &[], shared, &search, &mut generation, verbosity);
            }
        }
        watcher.watch_included(read_outside(&site));
    }
}

/// The files outside the content folder that a build of `site` reads, or
/// would read were they there: those its pages include, and the
/// project's files (`discover::project_files`).
fn read_outside(site: &DevSite) -> std::collections::BTreeSet<std::path::PathBuf> {
    let project = crate::discover::project_files().map(|rel| site.root().join(rel));
    site.included_outside().into_iter().chain(project).collect()
}

/// The folders to watch for `mounted`, relative to the site folder: the
/// folder above each of translations, which holds it and the translations
/// of its sidebar labels (Docusaurus's `current/` and `current.json`), and
/// each of static files itself (its parent may be the site folder, which
/// holds the output).
fn mounted_dirs(mounted: &[crate::discover::Mounted]) -> Vec<std::path::PathBuf> {
    let watched = |m: &crate::discover::Mounted| {
        let above = m.dir.parent().filter(|_| m.pages());
        above.map_or_else(|| m.dir.clone(), std::path::Path::to_path_buf)
    };
    mounted.iter().map(watched).collect()
}

/// A build's number and what its search index and help widget are made from.
type SearchJob = (u64, site::SearchInput);

/// How long the site must stay unchanged before the search index is rebuilt:
/// while an author saves again and again, page rebuilds get both cores.
const SEARCH_QUIET: Duration = Duration::from_millis(700);

fn rebuild(
    site: &mut DevSite,
    changes: &[Change],
    shared: &Shared,
    search: &mpsc::Sender<SearchJob>,
    generation: &mut u64,
    verbosity: Verbosity,
) {
    let started = Instant::now();
    match site.rebuild(changes) {
        Ok(rebuilt) => {
            *generation += 1;
            let pages = site.pages().unwrap_or_default();
            let (problems, texts) = site.warnings();
            let left_out: Vec<_> = problems.iter().filter(|d| d.is_error()).cloned().collect();
            let left_out = (!left_out.is_empty()).then(|| Arc::new(texts.locate(&left_out)));
            shared.update(|s| {
                s.pages = pages;
                s.generation = *generation;
                s.errors = None;
                s.left_out = left_out;
                s.rebuilt = rebuilt.name();
                s.rendered = rebuilt.pages();
            });
            let _ = shared.events.send(LiveEvent::Reload);
            if let Some(input) = site.search_input() {
                let _ = search.send((*generation, input));
            }
            if !matches!(rebuilt, Rebuilt::Articles(_)) {
                let (warnings, texts) = site.warnings();
                print_diagnostics(texts, warnings, verbosity, Listing::Abridged);
            }
            if verbosity != Verbosity::Quiet {
                let what = match rebuilt {
                    Rebuilt::Articles(n) => format!("{n} article page(s)"),
                    Rebuilt::Listings(articles, listings) => {
                        format!("{articles} article page(s) and {listings} other page(s)")
                    }
                    Rebuilt::Everything => "the whole site".to_owned(),
                };
                terminal::tell(format_args!(
                    "Rebuilt {what} in {} ms",
                    started.elapsed().as_millis()
                ));
            }
        }
        Err(failure) => {
            let (diagnostics, texts) = shown(failure);
            print_diagnostics(&texts, &diagnostics, verbosity, Listing::Abridged);
            terminal::tell(format_args!(
                "The last good version of the site is still served."
            ));
            let located = Arc::new(texts.locate(&diagnostics));
            shared.update(|s| s.errors = Some(located.clone()));
            let _ = shared.events.send(LiveEvent::Failed(located));
        }
    }
}

/// A failed rebuild as it is shown, in the terminal and in open pages:
/// its problems with their source texts, or the one problem that stopped it.
fn shown(failure: BuildError) -> (Vec<Diagnostic>, SourceTexts) {
    match failure {
        BuildError::Content { diagnostics, texts } => (diagnostics, texts),
        other => {
            let message = format!("cannot build the site: {other}");
            let problem = Diagnostic::error(PathBuf::from("."), 0..0, message);
            (vec![problem], SourceTexts::default())
        }
    }
}

/// A thread that rebuilds the search index and the help widget for the
/// newest build it is sent. The widget is made here rather than with the
/// pages: no page of the site loads it, and it searches this index, so
/// both change together.
fn spawn_search_worker(shared: Arc<Shared>) -> mpsc::Sender<SearchJob> {
    let (tx, rx) = mpsc::channel::<SearchJob>();
    std::thread::spawn(move || {
        let mut digests = PreviewDigests::default();
        while let Ok(mut job) = rx.recv() {
            while let Ok(newer) = rx.recv_timeout(SEARCH_QUIET) {
                job = newer;
            }
            let (generation, input) = job;
            match site::search_files(&input, &mut digests) {
                Ok(files) => shared.update(|s| {
                    if s.generation == generation {
                        s.search = Arc::new(files);
                        s.search_generation = generation;
                    }
                }),
                Err(failure) => {
                    terminal::tell(format_args!(
                        "error: cannot build the search index: {failure}"
                    ));
                    // None is coming for this build: the requests that wait
                    // for one get the last index made, or a 404, at once.
                    shared.update(|s| {
                        if s.generation == generation {
                            s.search_generation = generation;
                        }
                    });
                }
            }
        }
    });
    tx
}

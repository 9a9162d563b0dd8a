//! Watching the site's sources with notify, in debounced batches.
//!
//! Watches `content/` and `themes/` (recursively) and the site folder itself
//! (for `tier0.yaml` and `mkdocs.yml`, and for `content/` or `themes/` appearing, going or
//! coming back, which are then watched anew with everything under them). Events
//! arriving within a short quiet period form one batch, so an editor that
//! saves by writing a temporary file and renaming it, or a `git checkout`
//! touching hundreds of files, causes one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::discover::{self, CONFIG_FILE, CONTENT_DIR, MKDOCS_FILES};
use crate::terminal;

/// Quiet time that ends a batch.
const QUIET: Duration = Duration::from_millis(30);
/// Longest a batch waits for quiet during a burst.
const LONGEST: Duration = Duration::from_millis(400);

/// What changed in one batch.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// Article files written (they exist).
    pub articles: Vec<PathBuf>,
    /// Other paths under `content/` that changed: assets, folders, removed or
    /// renamed articles, and editors' temporary files, which the site tells
    /// apart (see `plan::significant`).
    pub others: Vec<PathBuf>,
    /// The config or the theme changed, or the watch itself had a problem.
    pub everything: bool,
}

/// The folders of a site watched with everything under them.
const WATCHED_FOLDERS: [&str; 2] = [CONTENT_DIR, "themes"];

/// A running watch on a site folder.
pub struct Watcher {
    root: PathBuf,
    events: Receiver<notify::Result<Event>>,
    watcher: RecommendedWatcher,
}

impl Watcher {
    /// Starts watching the site at `root`.
    pub fn new(root: &Path) -> notify::Result<Self> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (tx, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        for dir in WATCHED_FOLDERS {
            let path = root.join(dir);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        Ok(Self {
            root,
            events,
            watcher,
        })
    }

    /// Waits for the next change and returns it once things are quiet;
    /// `None` when watching stopped.
    pub fn next_batch(&mut self) -> Option<Batch> {
        loop {
            let first = self.events.recv().ok()?;
            let started = Instant::now();
            let mut batch = Batch::default();
            self.add(&mut batch, first);
            loop {
                let left = LONGEST.saturating_sub(started.elapsed());
                match self.events.recv_timeout(QUIET.min(left)) {
                    Ok(event) => self.add(&mut batch, event),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            }
            if batch.everything || !batch.articles.is_empty() || !batch.others.is_empty() {
                for paths in [&mut batch.articles, &mut batch.others] {
                    paths.sort();
                    paths.dedup();
                }
                return Some(batch);
            }
        }
    }

    fn add(&mut self, batch: &mut Batch, event: notify::Result<Event>) {
        // Events were lost (the kernel's queue overflowed): which files
        // changed is unknown, so everything is rebuilt. Such an event names
        // no path, and would otherwise leave the batch empty. A folder
        // made while events were lost has no watch (a recursive watch adds
        // one as it sees the folder made): the folders are watched anew.
        let Some(event) = event.ok().filter(|e| !e.need_rescan()) else {
            let folders = WATCHED_FOLDERS.map(|dir| self.root.join(dir));
            self.watch_folders(&folders, batch);
            batch.everything = true;
            return;
        };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        if matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(_))
        ) {
            self.watch_folders(&event.paths, batch);
        }
        for path in &event.paths {
            match classify(&self.root, path) {
                Change::Ignored => {}
                Change::Article
                    if matches!(event.kind, EventKind::Modify(_) | EventKind::Create(_))
                        && path.is_file() =>
                {
                    batch.articles.push(path.clone());
                }
                Change::Article | Change::Content => batch.others.push(path.clone()),
                Change::Other => batch.everything = true,
            }
        }
    }

    /// Follows `content/` and `themes/` when one of `paths` is that folder,
    /// created, moved in, removed or moved away: a watch follows the folder
    /// it was given wherever it goes, so one moved in is watched anew (a
    /// site started without one, as the default theme needs no `themes/`,
    /// or one moved away and back, would otherwise never see its files
    /// change again). Everything is rebuilt: files may have landed in the
    /// folder before its watch began, and a site whose folder went must
    /// say so.
    fn watch_folders(&mut self, paths: &[PathBuf], batch: &mut Batch) {
        for dir in WATCHED_FOLDERS {
            let path = self.root.join(dir);
            if !paths.contains(&path) {
                continue;
            }
            batch.everything = true;
            // Not watched, or watched at its old place: either way anew.
            let _ = self.watcher.unwatch(&path);
            if path.is_dir()
                && let Err(e) = self.watcher.watch(&path, RecursiveMode::Recursive)
            {
                terminal::tell(format_args!(
                    "warning: cannot watch {}: {e}; changes in it will not be rebuilt",
                    path.display()
                ));
            }
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Change {
    Ignored,
    Article,
    Content,
    Other,
}

/// What a changed path means for the site at `root`.
fn classify(root: &Path, path: &Path) -> Change {
    let Ok(rel) = path.strip_prefix(root) else {
        return Change::Ignored;
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // What no build reads, in a folder no build reads or not; but for the
    // hidden files a build reads (mkdocs-awesome-pages' `.pages`).
    let scratch = rel.components().any(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|name| discover::is_scratch(name) && !discover::shapes_the_site(name))
    });
    let mut parts = rel.components();
    match parts.next().and_then(|c| c.as_os_str().to_str()) {
        Some(name)
            if (name == CONFIG_FILE || MKDOCS_FILES.contains(&name)) && parts.next().is_none() =>
        {
            Change::Other
        }
        Some(CONTENT_DIR) if scratch => Change::Ignored,
        Some(CONTENT_DIR) if discover::is_markdown(name) && !name.starts_with("_index") => {
            Change::Article
        }
        Some(CONTENT_DIR) => Change::Content,
        Some("themes") if !scratch => Change::Other,
        _ => Change::Ignored,
    }
}

#[cfg(test)]
mod tests {
    use notify::event::Flag;

    use super::*;

    #[test]
    fn lost_events_rebuild_everything() {
        let site = tempfile::tempdir().unwrap();
        let mut watcher = Watcher::new(site.path()).unwrap();
        let mut batch = Batch::default();
        watcher.add(
            &mut batch,
            Ok(Event::new(EventKind::Other).set_flag(Flag::Rescan)),
        );
        assert!(batch.everything);
        let mut batch = Batch::default();
        watcher.add(&mut batch, Ok(Event::new(EventKind::Other)));
        assert_eq!(batch, Batch::default());
    }

    #[test]
    fn lost_events_watch_the_folders_anew() {
        let site = tempfile::tempdir().unwrap();
        let content = site.path().join(CONTENT_DIR);
        std::fs::create_dir(&content).unwrap();
        let mut watcher = Watcher::new(site.path()).unwrap();
        // As for a folder made while events were lost: no watch.
        watcher.watcher.unwatch(&content).unwrap();
        let mut batch = Batch::default();
        watcher.add(
            &mut batch,
            Ok(Event::new(EventKind::Other).set_flag(Flag::Rescan)),
        );
        let file = content.join("a.md");
        std::fs::write(&file, "x").unwrap();
        // Other events come first (the root's watch sees content/ opened).
        let seen = std::iter::from_fn(|| {
            watcher
                .events
                .recv_timeout(std::time::Duration::from_secs(10))
                .ok()
        })
        .any(|event| event.is_ok_and(|e| e.paths.contains(&file)));
        assert!(seen, "a change in a folder watched anew is seen");
    }

    #[test]
    fn classifies_changes() {
        let root = Path::new("/site");
        assert_eq!(
            classify(root, Path::new("/site/content/red/wifi.md")),
            Change::Article
        );
        assert_eq!(
            classify(root, Path::new("/site/content/red/_index.md")),
            Change::Content
        );
        assert_eq!(
            classify(root, Path::new("/site/content/red/logo.png")),
            Change::Content
        );
        assert_eq!(
            classify(root, Path::new("/site/content/red")),
            Change::Content
        );
        // Other generators' navigation files, hidden or not.
        for nav in ["/site/content/red/.pages", "/site/content/red/_meta.json"] {
            assert_eq!(classify(root, Path::new(nav)), Change::Content, "{nav}");
        }
        for config in [
            "/site/tier0.yaml",
            "/site/mkdocs.yml",
            "/site/mkdocs.yaml",
            "/site/zensical.toml",
        ] {
            assert_eq!(classify(root, Path::new(config)), Change::Other, "{config}");
        }
        assert_eq!(
            classify(root, Path::new("/site/themes/default/templates/base.html")),
            Change::Other
        );
        for ignored in [
            "/site/content/red/.wifi.md.swp",
            "/site/content/red/wifi.md~",
            "/site/content/red/#wifi.md#",
            "/site/content/red/4913",
            "/site/content/.git/objects/ab",
            "/site/themes/default/templates/.article.html.swp",
            "/site/themes/default/templates/article.html~",
            "/site/public/index.html",
            "/site/.tier0/x",
            "/elsewhere/x.md",
        ] {
            assert_eq!(
                classify(root, Path::new(ignored)),
                Change::Ignored,
                "{ignored}"
            );
        }
    }
}

//! Watching the site's sources with notify, in debounced batches.
//!
//! Watches the content folder (`content/`, or the config's `content_dir`)
//! and `themes/` (recursively) and the site folder itself (for `tier0.yaml`
//! and `mkdocs.yml`, and for those folders appearing, going or coming
//! back, which are then watched anew with everything under them), and the
//! folders of the files pages include from outside the content folder
//! (mdBook's listings) and of the project's files in folders of their own
//! (Hugo's `config/_default/`, Docusaurus's `website/`), a change to which
//! rebuilds the site. Events
//! arriving within a short quiet period form one batch, so an editor that
//! saves by writing a temporary file and renaming it, or a `git checkout`
//! touching hundreds of files, causes one rebuild.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::discover;
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
    /// Other paths of the content folder that changed: assets, folders, removed or
    /// renamed articles, and editors' temporary files, which the site tells
    /// apart (see `plan::significant`).
    pub others: Vec<PathBuf>,
    /// The config or the theme changed, or the watch itself had a problem.
    pub everything: bool,
}

/// The themes' folder, watched with everything under it.
const THEMES: &str = "themes";

/// A running watch on a site folder.
pub struct Watcher {
    root: PathBuf,
    /// The content folder, relative to `root`.
    content: PathBuf,
    events: Receiver<notify::Result<Event>>,
    watcher: RecommendedWatcher,
    /// The files outside the content folder that pages include (mdBook's
    /// listings) or name and miss: a change to one, or to a folder on the
    /// way to one, rebuilds the site.
    included: BTreeSet<PathBuf>,
    /// The folders watched for them (without what they hold): each file's
    /// own, or the nearest that exists.
    included_folders: BTreeSet<PathBuf>,
    /// The folders outside the content folder that hold what stands in
    /// it (Docusaurus's translations and their sidebar labels), relative
    /// to `root`: a change in one rebuilds the site.
    mounted: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching the site at `root` whose content folder is
    /// `content` (relative to it).
    pub fn new(root: &Path, content: &Path) -> notify::Result<Self> {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (tx, events) = mpsc::channel();
        let mut notifier = notify::recommended_watcher(tx)?;
        notifier.watch(&root, RecursiveMode::NonRecursive)?;
        let mut watcher = Self {
            root,
            content: content.to_path_buf(),
            events,
            watcher: notifier,
            included: BTreeSet::new(),
            included_folders: BTreeSet::new(),
            mounted: Vec::new(),
        };
        for path in watcher.folders() {
            if path.is_dir() {
                watcher.watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        Ok(watcher)
    }

    /// The folders watched with everything under them.
    fn folders(&self) -> Vec<PathBuf> {
        let mounted = self.mounted.iter().map(|dir| self.root.join(dir));
        [self.root.join(&self.content), self.root.join(THEMES)]
            .into_iter()
            .chain(mounted)
            .collect()
    }

    /// Watches `mounted` as the folders that stand in the content folder
    /// from now on. Returns whether they changed (the site is then
    /// rebuilt, as their files may have changed before the watch began).
    pub fn follow_mounted(&mut self, mounted: Vec<PathBuf>) -> bool {
        if mounted == self.mounted {
            return false;
        }
        for old in std::mem::take(&mut self.mounted) {
            let _ = self.watcher.unwatch(&self.root.join(old));
        }
        let new: Vec<PathBuf> = mounted.iter().map(|dir| self.root.join(dir)).collect();
        self.mounted = mounted;
        self.watch_folders(&new, &mut Batch::default());
        true
    }

    /// Whether `path`, in a folder that stands in the content folder, is
    /// one a build reads.
    fn in_mounted(&self, path: &Path) -> Option<bool> {
        let rel =
            (self.mounted.iter()).find_map(|dir| path.strip_prefix(self.root.join(dir)).ok())?;
        let scratch = rel
            .components()
            .any(|c| c.as_os_str().to_str().is_some_and(discover::never_read));
        Some(!scratch)
    }

    /// Watches `content` as the content folder from now on: the config
    /// named another. Returns whether it did (the site is then rebuilt, as
    /// its files may have changed before the watch began).
    pub fn follow(&mut self, content: &Path) -> bool {
        if content == self.content {
            return false;
        }
        let old = self.root.join(&self.content);
        let _ = self.watcher.unwatch(&old);
        self.content = content.to_path_buf();
        let mut batch = Batch::default();
        let new = self.root.join(content);
        self.watch_folders(&[new], &mut batch);
        true
    }

    /// Watches `files`, those outside the content folder that the pages of
    /// the last build include or name and miss, and no longer the others.
    /// Each is watched through its folder, without what that folder holds,
    /// or, while that folder is missing, through the nearest one that
    /// exists, unless a watch already covers it (the site folder's files,
    /// the themes').
    pub fn watch_included(&mut self, files: BTreeSet<PathBuf>) {
        let covered = |folder: &Path| {
            folder == self.root || self.folders().iter().any(|f| folder.starts_with(f))
        };
        let folders: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|file| file.ancestors().skip(1).find(|folder| folder.is_dir()))
            .filter(|folder| !covered(folder))
            .map(Path::to_path_buf)
            .collect();
        for gone in self.included_folders.difference(&folders) {
            let _ = self.watcher.unwatch(gone);
        }
        for new in folders.difference(&self.included_folders) {
            if let Err(e) = self.watcher.watch(new, RecursiveMode::NonRecursive) {
                terminal::tell(format_args!(
                    "warning: cannot watch {}: {e}; the files pages include from it will not \
                     be rebuilt",
                    new.display()
                ));
            }
        }
        self.included = files;
        self.included_folders = folders;
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
            let folders = self.folders();
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
        let mut on_the_way = false;
        for path in &event.paths {
            if self.included.contains(path) {
                batch.everything = true;
                continue;
            }
            // A folder made, moved or removed on the way to an included
            // file: it is watched (or no longer) before the rebuild reads it.
            if *path != self.root && self.included.iter().any(|file| file.starts_with(path)) {
                batch.everything = true;
                on_the_way = true;
                continue;
            }
            if let Some(read) = self.in_mounted(path) {
                batch.everything |= read;
                continue;
            }
            match classify(&self.root, &self.content, path) {
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
        if on_the_way {
            let files = std::mem::take(&mut self.included);
            self.watch_included(files);
        }
    }

    /// Follows the content folder and `themes/` when one of `paths` is that
    /// folder or holds it, created, moved in, removed or moved away: a watch follows the folder
    /// it was given wherever it goes, so one moved in is watched anew (a
    /// site started without one, as the default theme needs no `themes/`,
    /// or one moved away and back, would otherwise never see its files
    /// change again). Everything is rebuilt: files may have landed in the
    /// folder before its watch began, and a site whose folder went must
    /// say so.
    fn watch_folders(&mut self, paths: &[PathBuf], batch: &mut Batch) {
        for path in self.folders() {
            if !paths.iter().any(|changed| path.starts_with(changed)) {
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

/// What a changed path means for the site at `root` whose content folder
/// is `content` (relative to it).
fn classify(root: &Path, content: &Path, path: &Path) -> Change {
    let Ok(rel) = path.strip_prefix(root) else {
        return Change::Ignored;
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // What no build reads, in a folder no build reads or not; but for the
    // hidden files and folders a build reads (mkdocs-awesome-pages'
    // `.pages`, GitBook's `.gitbook/assets/`).
    let scratch = rel
        .components()
        .any(|c| c.as_os_str().to_str().is_some_and(discover::never_read));
    let project = rel
        .to_str()
        .is_some_and(|rel| discover::is_project_file(&rel.replace('\\', "/")));
    if project {
        Change::Other
    } else if rel.starts_with(content) {
        if scratch {
            Change::Ignored
        } else if discover::is_markdown(name) && !name.starts_with("_index") {
            Change::Article
        } else {
            Change::Content
        }
    } else if rel.starts_with(THEMES) && !scratch {
        Change::Other
    } else {
        Change::Ignored
    }
}

#[cfg(test)]
mod tests {
    use notify::event::Flag;

    use super::*;

    /// Whether an event for `file` comes within seconds, after any others.
    fn sees(watcher: &Watcher, file: &Path) -> bool {
        std::iter::from_fn(|| {
            watcher
                .events
                .recv_timeout(std::time::Duration::from_secs(10))
                .ok()
        })
        .any(|event| event.is_ok_and(|e| e.paths.iter().any(|p| p == file)))
    }

    #[test]
    fn lost_events_rebuild_everything() {
        let site = tempfile::tempdir().unwrap();
        let mut watcher = Watcher::new(site.path(), Path::new("content")).unwrap();
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
        let content = site.path().join("content");
        std::fs::create_dir(&content).unwrap();
        let mut watcher = Watcher::new(site.path(), Path::new("content")).unwrap();
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
        let seen = sees(&watcher, &file);
        assert!(seen, "a change in a folder watched anew is seen");
    }

    #[test]
    fn classifies_changes() {
        let root = Path::new("/site");
        let content = Path::new("content");
        assert_eq!(
            classify(root, content, Path::new("/site/content/red/wifi.md")),
            Change::Article
        );
        assert_eq!(
            classify(root, content, Path::new("/site/content/red/_index.md")),
            Change::Content
        );
        assert_eq!(
            classify(root, content, Path::new("/site/content/red/logo.png")),
            Change::Content
        );
        assert_eq!(
            classify(root, content, Path::new("/site/content/red")),
            Change::Content
        );
        // Other generators' navigation files and GitBook's uploads, hidden or not.
        for nav in [
            "/site/content/red/.pages",
            "/site/content/red/_meta.json",
            "/site/content/.gitbook/assets/shot.png",
        ] {
            assert_eq!(
                classify(root, content, Path::new(nav)),
                Change::Content,
                "{nav}"
            );
        }
        for config in [
            "/site/tier0.yaml",
            "/site/mkdocs.yml",
            "/site/mkdocs.yaml",
            "/site/zensical.toml",
            "/site/sidebars.js",
            "/site/website/sidebars.json",
            "/site/astro.config.mjs",
            "/site/hugo.yaml",
            "/site/config/_default/languages.toml",
            "/site/website/docusaurus.config.js",
            "/site/docs/conf.py",
            "/site/book.toml",
        ] {
            assert_eq!(
                classify(root, content, Path::new(config)),
                Change::Other,
                "{config}"
            );
        }
        assert_eq!(
            classify(
                root,
                content,
                Path::new("/site/themes/default/templates/base.html")
            ),
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
                classify(root, content, Path::new(ignored)),
                Change::Ignored,
                "{ignored}"
            );
        }
    }

    #[test]
    fn the_content_folder_the_config_names_is_the_one_watched() {
        let root = Path::new("/site");
        let docs = Path::new("website/docs");
        assert_eq!(
            classify(root, docs, Path::new("/site/website/docs/red/wifi.md")),
            Change::Article
        );
        assert_eq!(
            classify(root, docs, Path::new("/site/website/docs/red/logo.png")),
            Change::Content
        );
        // The default folder and the rest of the project are not the site's.
        for ignored in [
            "/site/content/red/wifi.md",
            "/site/website/blog/x.md",
            "/site/website/docs/red/.wifi.md.swp",
        ] {
            assert_eq!(
                classify(root, docs, Path::new(ignored)),
                Change::Ignored,
                "{ignored}"
            );
        }
        assert_eq!(
            classify(root, docs, Path::new("/site/tier0.yaml")),
            Change::Other
        );
    }

    #[test]
    fn a_new_content_folder_is_watched_in_place_of_the_old() {
        let site = tempfile::tempdir().unwrap();
        let docs = site.path().join("docs");
        std::fs::create_dir_all(site.path().join("content")).unwrap();
        std::fs::create_dir_all(&docs).unwrap();
        let mut watcher = Watcher::new(site.path(), Path::new("content")).unwrap();
        assert!(!watcher.follow(Path::new("content")));
        assert!(watcher.follow(Path::new("docs")));
        let file = watcher.root.join("docs/a.md");
        std::fs::write(&file, "x").unwrap();
        let seen = sees(&watcher, &file);
        assert!(seen, "a change in the newly named folder is seen");
    }
}

//! The walk of the content folder: its Markdown files, its assets and the
//! files read apart for the shape of the site, with the problems of the
//! files that cannot be read or followed. Hidden files and folders are
//! skipped but for GitBook's uploads, `.gitbook/assets/`, and so are
//! folders whose name starts with `_` but for Sphinx's `_static/`, and a
//! Sphinx source folder's `conf.py` and build scripts.

use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{Asset, ContentFolder, Exclusions, is_markdown, is_skipped, read_apart};
use crate::diagnostics::Diagnostic;

/// GitBook's folder at the top of a space, `.gitbook/`, whose `assets/`
/// holds the images and files its pages show (`.gitbook/assets/shot.png`);
/// published at `gitbook/` (`output_paths::asset_path`).
pub const GITBOOK_DIR: &str = ".gitbook";

/// Sphinx's folder of static files at the top of its source folder,
/// `_static/` (`html_static_path`), whose images pages show
/// (`_static/logo.png`); published at `sphinx-static/`
/// (`output_paths::asset_path`), as a static host may hide a folder whose
/// name starts with `_` (GitHub Pages' Jekyll does).
pub const SPHINX_STATIC_DIR: &str = "_static";

/// Sphinx's configuration, at the top of its source folder: a content
/// folder that holds it is a Sphinx project's.
const SPHINX_CONFIG: &str = "conf.py";

/// The files at the top of a Sphinx source folder that build it rather
/// than make its pages: its configuration and `sphinx-quickstart`'s
/// scripts. Sphinx publishes none of them, and the project still needs
/// them, so tier0 neither copies them to the site nor calls them unused.
const SPHINX_BUILD_FILES: [&str; 3] = [SPHINX_CONFIG, "Makefile", "make.bat"];

/// Whether the file at `rel` under the content folder is one of
/// [`SPHINX_BUILD_FILES`] of a Sphinx source folder (`sphinx`: the
/// content folder holds [`SPHINX_CONFIG`]).
fn builds_sphinx(rel: &Path, sphinx: bool) -> bool {
    sphinx && SPHINX_BUILD_FILES.iter().any(|name| rel == Path::new(name))
}

/// For the path `rel` under the content folder: `None` outside the
/// uploads of other generators that discovery would skip by their name,
/// `Some(true)` for those folders and what is in them (walked, and each
/// file an asset, Markdown too: GitBook's `.gitbook/`, its `assets/`, and
/// Sphinx's `_static/`), `Some(false)` for the rest of GitBook's folder
/// (`.gitbook/includes/`, reusable blocks that tier0 does not read).
fn uploads(rel: &Path) -> Option<bool> {
    let mut parts = rel.components().map(|c| c.as_os_str());
    let top = parts.next()?;
    if top == SPHINX_STATIC_DIR {
        return Some(true);
    }
    if top != GITBOOK_DIR {
        return None;
    }
    Some(parts.next().is_none_or(|next| next == "assets"))
}

/// Whether the walk passes over the file or folder at `rel` (under the
/// content folder) for its own name, whatever the folders above it: a
/// hidden, scratch or `_` one but the folders of [`uploads`], or what
/// `.gitbook/` holds beside its uploads.
fn passed_over(rel: &Path, is_dir: bool) -> bool {
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    let upload_dir = is_dir && rel.components().count() == 1 && uploads(rel) == Some(true);
    uploads(rel) == Some(false) || (is_skipped(&name) && !upload_dir)
}

/// Whether the walk passes over the file (or folder, `is_dir`) at `rel`
/// or a folder above it: what no build publishes as a page.
pub(super) fn passed_over_within(rel: &Path, is_dir: bool) -> bool {
    rel.ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .any(|a| passed_over(a, a != rel || is_dir))
}

/// What the walk makes of a file it reads.
#[derive(Debug, PartialEq, Eq)]
enum Taken {
    /// An article or a landing page.
    Markdown,
    /// A file [`read_apart`].
    Apart,
    /// A file copied to the output as it is.
    Asset,
}

/// What the walk makes of the file at `rel` under the content folder.
fn taken(rel: &Path) -> Taken {
    let name = rel.file_name().unwrap_or_default().to_string_lossy();
    if uploads(rel).is_some() {
        Taken::Asset
    } else if read_apart(&name) {
        Taken::Apart
    } else if is_markdown(&name) {
        Taken::Markdown
    } else {
        Taken::Asset
    }
}

/// The real paths of the content folder and of the site folder around
/// it, which the symbolic links of the content folder may lead into.
struct Bounds {
    content: PathBuf,
    site: Option<PathBuf>,
}

/// Why the symbolic link at `link` (at `rel` under the content folder) is
/// not followed, with how to fix it: it leads out of the site folder, or
/// to what the walk would not take as it takes the link. A link into the
/// site folder around the content folder is followed as MkDocs and
/// Sphinx follow it: a project's `docs/index.md -> ../README.md` is its
/// home page. A link passes over nothing the walk does: an image linked
/// to an article's source (`notes.txt -> internal.md`), or GitBook's
/// uploads linked to a folder of articles, would publish that source as
/// it is, internal or not; a link to a hidden file or an editor's backup
/// (the folders above it in the site folder too), what no build
/// publishes.
fn unfollowed(
    bounds: &Bounds,
    link: &Path,
    rel: &Path,
    kind: std::fs::FileType,
) -> Option<(&'static str, &'static str)> {
    let real = link.canonicalize().ok();
    let inside = |root: &Path| real.as_deref().and_then(|t| t.strip_prefix(root).ok());
    let target = inside(&bounds.content);
    let Some(target) = target.or_else(|| bounds.site.as_deref().and_then(inside)) else {
        return Some((
            "skipped: this symbolic link points outside the site folder",
            "copy the file into the content folder instead of linking to it",
        ));
    };
    let hidden = passed_over_within(target, kind.is_dir());
    let same = if kind.is_dir() {
        uploads(rel).is_some() == uploads(target).is_some()
    } else {
        taken(rel) == taken(target)
    };
    (hidden || !same).then_some((
        "skipped: this symbolic link leads to what the content folder does not publish as \
         it is (an article's source, a folder of articles, or a hidden, scratch or `_` file)",
        "link to the article's page, or copy the file here instead of linking to it",
    ))
}

/// The files under `content`, as sorted relative paths.
pub(super) struct Walked {
    pub(super) markdown: Vec<String>,
    pub(super) assets: Vec<Asset>,
    /// The files [`read_apart`].
    pub(super) apart: Vec<String>,
    /// The symbolic links followed: each link's path and the real path of
    /// what it leads to, both relative to the content folder.
    pub(super) links: Vec<(String, String)>,
}

/// Markdown files, assets and the files read apart under `folder`, but
/// those `exclusions` keep off the site.
pub(super) fn walk_content(
    folder: &ContentFolder,
    exclusions: &Exclusions,
    problems: &mut Vec<Diagnostic>,
) -> Walked {
    let content = folder.dir.as_path();
    let root = content
        .canonicalize()
        .unwrap_or_else(|_| content.to_path_buf());
    let bounds = Bounds {
        content: root.clone(),
        site: folder.site_folder().canonicalize().ok(),
    };
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    let mut apart = Vec::new();
    let mut links = Vec::new();
    let sphinx = content.join(SPHINX_CONFIG).is_file();
    let mut walker = WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let shown = shown_path(folder, e.path().unwrap_or(content));
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop: this link points to a folder that contains it".to_owned()
                } else if let Some(message) = e.path().and_then(broken_link) {
                    message.to_owned()
                } else {
                    format!(
                        "cannot read: {}",
                        e.io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string)
                    )
                };
                problems.push(
                    Diagnostic::error(shown, 0..0, message)
                        .with_help("remove the link or fix the file's permissions"),
                );
                continue;
            }
        };
        let at = entry.path().strip_prefix(content).unwrap_or(entry.path());
        if passed_over(at, entry.file_type().is_dir())
            || exclusions.excludes(at, entry.file_type().is_dir())
        {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink()
            && let Some((message, help)) = unfollowed(&bounds, entry.path(), at, entry.file_type())
        {
            problems.push(
                Diagnostic::warning(shown_path(folder, entry.path()), 0..0, message)
                    .with_help(help),
            );
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink()
            && let (Some(link), Some(target)) = (
                relative(content, entry.path()),
                entry
                    .path()
                    .canonicalize()
                    .ok()
                    .and_then(|real| relative(&root, &real)),
            )
        {
            links.push((link, target));
        }
        if !entry.file_type().is_file() || builds_sphinx(at, sphinx) {
            continue;
        }
        let Some(rel) = relative(content, entry.path()) else {
            problems.push(Diagnostic::warning(
                shown_path(folder, entry.path()),
                0..0,
                "skipped: the file name is not valid Unicode",
            ));
            continue;
        };
        match taken(at) {
            Taken::Apart => apart.push(rel),
            Taken::Markdown => markdown.push(rel),
            Taken::Asset => assets.push(Asset {
                rel,
                source: entry.path().to_path_buf(),
            }),
        }
    }
    // The walk sorts each folder's names, which is not the order of whole
    // paths (`a/x.png` comes before `a-b.png`, though `-` sorts before
    // `/`); binary searches over the assets need the order of whole paths.
    markdown.sort_unstable();
    assets.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    apart.sort_unstable();
    Walked {
        markdown,
        assets,
        apart,
        links,
    }
}

/// The `assets` this process may read; the others are problems of their
/// own files, found here as a Markdown file's are when it is read, not a
/// failure of the whole build when they are copied (and `tier0 check`
/// reports them too).
pub(super) fn readable(
    content: &ContentFolder,
    assets: Vec<Asset>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Asset> {
    use rayon::prelude::*;
    let checked: Vec<(Asset, Option<io::Error>)> = assets
        .into_par_iter()
        .map(|a| {
            let denied = read_denied(&a.source);
            (a, denied)
        })
        .collect();
    let mut kept = Vec::with_capacity(checked.len());
    for (asset, denied) in checked {
        match denied {
            Some(e) => problems.push(super::read::unreadable(content, &asset.rel, &e)),
            None => kept.push(asset),
        }
    }
    kept
}

/// Why this process may not read the file at `path`, if it may not.
#[cfg(unix)]
fn read_denied(path: &Path) -> Option<io::Error> {
    use rustix::fs::{Access, AtFlags, CWD, accessat};
    // As the kernel answers for the effective user, without opening it.
    accessat(CWD, path, Access::READ_OK, AtFlags::EACCESS)
        .err()
        .map(io::Error::from)
}

#[cfg(not(unix))]
fn read_denied(path: &Path) -> Option<io::Error> {
    std::fs::File::open(path).err()
}

/// Why the symbolic link at `path` cannot be followed, if it is one that
/// points nowhere; the walker only says "No such file or directory".
fn broken_link(path: &Path) -> Option<&'static str> {
    if !std::fs::symlink_metadata(path)
        .ok()?
        .file_type()
        .is_symlink()
    {
        return None;
    }
    match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            Some("broken symbolic link: the file it points to does not exist")
        }
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) => {
            Some("symbolic link loop: this link leads back to itself")
        }
        _ => None,
    }
}

pub(super) fn relative(content: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(content).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn shown_path(folder: &ContentFolder, path: &Path) -> PathBuf {
    folder
        .shown
        .join(path.strip_prefix(&folder.dir).unwrap_or(path))
}

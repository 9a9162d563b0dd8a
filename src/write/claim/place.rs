//! Where an output folder may be: not around or inside the sources, not
//! inside another build's output or the other edition's, not around the
//! folder tier0 runs in; and its state folder a folder, not a link. These
//! checks only read: they run before anything is written.

use std::io;
use std::path::{Path, PathBuf};

use super::{MANIFEST, STATE_DIR, Sources, edition, parent, read_manifest};
use crate::discover::resolve;
use crate::link::BuildAudience;

/// Refuses a state folder, or `.tier0` holding it, that is a link or not a
/// folder: what tier0 writes and deletes there would land elsewhere.
pub(super) fn check_state(state: &Path) -> io::Result<()> {
    for dir in [parent(state), state.to_path_buf()] {
        let Ok(meta) = std::fs::symlink_metadata(&dir) else {
            continue;
        };
        let what = if meta.file_type().is_symlink() {
            "a symbolic link"
        } else if !meta.is_dir() {
            "not a folder"
        } else {
            continue;
        };
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "`{}` is {what}; tier0 keeps what it knows about the output folder there (its \
                 manifest, search index, cache and lock) and never writes or deletes through a \
                 link: remove it (tier0 makes the folder again) or choose another --out",
                dir.display(),
            ),
        ));
    }
    Ok(())
}

/// Refuses an output that is or holds the current folder: the swap would
/// pull the folder tier0 runs in, and the shell it was started from, away.
pub(super) fn check_not_current(out: &Path, resolved: &Path) -> io::Result<()> {
    let Ok(current) = std::env::current_dir().and_then(|c| c.canonicalize()) else {
        return Ok(());
    };
    if !current.starts_with(resolved) {
        return Ok(());
    }
    let what = if current == resolved {
        "is the current folder".to_owned()
    } else {
        format!("holds the current folder `{}`", current.display())
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "the output folder `{}` {what}; tier0 replaces its output folder whole, which would \
             delete the folder you are in: choose another --out, or run tier0 from outside it",
            out.display()
        ),
    ))
}

/// Folder names of version-control repositories: replacing a folder that
/// holds one would delete its history with the site.
const REPOSITORIES: [&str; 3] = [".git", ".hg", ".svn"];

/// Refuses an output that is or holds the home folder, or that holds a
/// repository at its top, even with `--replace-output`: no site is worth
/// either, and a user who means it can delete them first. (Repositories
/// deeper down are found in the listing `--replace-output` makes; see
/// [`repository_in`].)
pub(super) fn check_irreplaceable(out: &Path, resolved: &Path) -> io::Result<()> {
    if let Some(home) = std::env::home_dir().and_then(|home| resolve(&home).ok())
        && home.starts_with(resolved)
    {
        let what = if home == resolved {
            "is your home folder".to_owned()
        } else {
            format!("holds your home folder `{}`", home.display())
        };
        return Err(irreplaceable(
            out,
            &what,
            "choose another --out, such as a folder inside it",
        ));
    }
    match REPOSITORIES
        .into_iter()
        .find(|name| std::fs::symlink_metadata(resolved.join(name)).is_ok())
    {
        Some(name) => Err(holds_repository(out, name)),
        None => Ok(()),
    }
}

/// The first of `entries` (paths inside the output) that is a repository's
/// `.git`, `.hg` or `.svn`, at any depth.
pub(super) fn repository_in<'a>(mut entries: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    entries.find(|path| {
        let name = path.rsplit_once('/').map_or(*path, |(_, name)| name);
        REPOSITORIES.contains(&name)
    })
}

/// Why `out` is not replaced: it holds the repository entry `path`.
pub(super) fn holds_repository(out: &Path, path: &str) -> io::Error {
    irreplaceable(
        out,
        &format!("holds a repository (`{path}`)"),
        "build into another folder and copy the site there, or delete it yourself if the \
         repository is no longer needed",
    )
}

fn irreplaceable(out: &Path, what: &str, help: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "the output folder `{}` {what}; tier0 replaces its output folder whole, but even \
             with --replace-output it never deletes that: {help}",
            out.display()
        ),
    )
}

pub(super) fn check_sources(out: &Path, resolved: &Path, sources: Sources<'_>) -> io::Result<()> {
    let refuse = |what: String| {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "the output folder `{}` {what}; tier0 replaces its output whole and never touches \
                 the sources: choose another --out (the default is `public/` in the site folder)",
                out.display()
            ),
        ))
    };
    let contained = std::iter::once(sources.root)
        .chain(sources.folders.iter().map(PathBuf::as_path))
        .chain(sources.files.iter().map(PathBuf::as_path));
    for source in contained {
        if resolve(source)?.starts_with(resolved) {
            return refuse(format!(
                "contains the site's sources `{}`",
                source.display()
            ));
        }
    }
    for folder in sources.folders {
        if resolved.starts_with(resolve(folder)?) {
            return refuse(format!(
                "is inside the site's sources `{}`",
                folder.display()
            ));
        }
    }
    Ok(())
}

/// Refuses an output inside the output of another build.
pub(super) fn check_not_nested(out: &Path, resolved: &Path) -> io::Result<()> {
    for outer in resolved.ancestors().skip(1) {
        let Some(name) = outer.file_name() else {
            continue;
        };
        let state = parent(outer).join(STATE_DIR).join(name);
        if let Some(manifest) = read_manifest(&state.join(MANIFEST))? {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "the output folder `{}` is inside `{}`, where tier0 wrote {}; the next build \
                     there would delete it: choose an --out outside it",
                    out.display(),
                    outer.display(),
                    edition(manifest.audience)
                ),
            ));
        }
    }
    Ok(())
}

/// Refuses an output that is, holds or lies in the other edition's folder.
pub(super) fn check_apart(
    out: &Path,
    resolved: &Path,
    other: &Path,
    audience: BuildAudience,
) -> io::Result<()> {
    let theirs = resolve(other)?;
    if !(resolved.starts_with(&theirs) || theirs.starts_with(resolved)) {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{} would be written to `{}`, which is or overlaps `{}`, the folder of {}; the two \
             editions are kept apart: change --out or `agents.out` in tier0.yaml",
            edition(audience),
            out.display(),
            other.display(),
            edition(audience.other()),
        ),
    ))
}

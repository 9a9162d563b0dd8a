//! Output-folder ownership: tier0 replaces only a folder it wrote.
//!
//! What tier0 keeps about an output folder `<dir>/<name>` lives beside it,
//! in `<dir>/.tier0/<name>/`: the manifest of the files the last build wrote
//! there, the tantivy index of that build (for `tier0 search`) and the lock
//! that keeps two builds from writing it at once. None of it is inside the
//! output, so none of it is published.
//!
//! Before a build writes anything, [`OutputClaim::acquire`] takes the lock
//! and refuses an output folder that
//! - contains the site's sources, or lies inside its content or theme folder;
//! - lies inside the output of another tier0 build, which that build would
//!   delete the next time it runs;
//! - holds the edition for the other audience (the agents' edition over
//!   the public site, or the reverse);
//! - holds files the last build there did not write, or has no manifest and
//!   is not empty, unless the user asks to replace it.
//!
//! The manifest is rewritten around the swap: before it, as the files of the
//! old and the new site together; after it, as the new files alone. So a
//! build killed at any moment leaves a manifest covering what the folder
//! holds.

use std::collections::BTreeSet;
use std::fs::File;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::link::BuildAudience;

/// The folder beside an output where tier0 keeps what it knows about it.
const STATE_DIR: &str = ".tier0";

const MANIFEST: &str = "manifest";
const MANIFEST_HEADER: &str = "tier0 output manifest 1";
/// How many unknown files an error names.
const NAMED: usize = 5;
/// How many unknown files the check looks for before it stops looking.
const SEARCHED: usize = 1000;

/// Where tier0 keeps what it knows about the output folder `out`.
pub fn state_dir(out: &Path) -> PathBuf {
    let name = out.file_name().unwrap_or(out.as_os_str());
    parent(out).join(STATE_DIR).join(name)
}

/// The folder holding `path`, `.` for a bare name.
fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The files one build wrote into an output folder, and for whom.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Manifest {
    audience: BuildAudience,
    files: BTreeSet<String>,
}

impl Manifest {
    fn to_text(&self) -> String {
        let mut text = format!(
            "{MANIFEST_HEADER}\naudience {}\n",
            audience_name(self.audience)
        );
        for file in &self.files {
            // JSON strings: any file name fits on one line.
            text.push_str(&serde_json::Value::from(file.as_str()).to_string());
            text.push('\n');
        }
        text
    }

    fn parse(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        if lines.next()? != MANIFEST_HEADER {
            return None;
        }
        let audience = match lines.next()?.strip_prefix("audience ")? {
            "public" => BuildAudience::Public,
            "agents" => BuildAudience::Agents,
            _ => return None,
        };
        let files = lines
            .map(|line| serde_json::from_str::<String>(line).ok())
            .collect::<Option<_>>()?;
        Some(Self { audience, files })
    }

    /// Every folder that holds a file of the manifest.
    fn folders(&self) -> BTreeSet<&str> {
        let mut folders = BTreeSet::new();
        for file in &self.files {
            let mut rest = file.as_str();
            while let Some((folder, _)) = rest.rsplit_once('/') {
                if !folders.insert(folder) {
                    break;
                }
                rest = folder;
            }
        }
        folders
    }
}

fn audience_name(audience: BuildAudience) -> &'static str {
    match audience {
        BuildAudience::Public => "public",
        BuildAudience::Agents => "agents",
    }
}

fn edition(audience: BuildAudience) -> &'static str {
    match audience {
        BuildAudience::Public => "the public site",
        BuildAudience::Agents => "the agents' edition",
    }
}

/// The site's sources, which no output may contain or lie in.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The site folder.
    pub root: &'a Path,
    /// Folders whose inside no output may be: content and themes.
    pub folders: &'a [PathBuf],
    /// Files no output may contain: the config.
    pub files: &'a [PathBuf],
}

/// An output folder locked for one build and checked to be tier0's own.
#[derive(Debug)]
pub struct OutputClaim {
    out: PathBuf,
    state: PathBuf,
    audience: BuildAudience,
    /// What the folder holds now, as far as tier0 knows.
    known: BTreeSet<String>,
    /// Held until the claim is dropped: other builds of this output wait.
    _lock: File,
}

/// How an output folder that holds unknown files is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// Refuse to build.
    Refuse,
    /// Replace the folder, unknown files and all (`--replace-output`).
    Replace,
}

impl OutputClaim {
    /// Locks `out` for a build for `audience` and checks that replacing it
    /// deletes nothing tier0 did not write. `other` is where the other
    /// edition is written, which `out` must keep apart from.
    pub fn acquire(
        out: &Path,
        sources: Sources<'_>,
        other: &Path,
        audience: BuildAudience,
        unknown: Unknown,
    ) -> io::Result<Self> {
        let resolved = resolve(out)?;
        check_sources(out, &resolved, sources)?;
        check_not_nested(out, &resolved)?;
        check_apart(out, &resolved, other, audience)?;
        let state = state_dir(out);
        std::fs::create_dir_all(&state).map_err(|e| {
            located(
                e,
                format!("cannot create `{}`, where tier0 keeps", state.display()),
                "what it knows about the output folder; check that its parent is writable or choose another --out",
            )
        })?;
        let lock = lock(&state, out)?;
        let manifest = read_manifest(&state)?;
        let known = match manifest {
            Some(manifest) if manifest.audience != audience => {
                return Err(other_audience(out, manifest.audience));
            }
            Some(manifest) => {
                if unknown == Unknown::Refuse {
                    check_known(out, &manifest)?;
                }
                manifest.files
            }
            None => {
                if unknown == Unknown::Refuse {
                    check_empty(out)?;
                }
                BTreeSet::new()
            }
        };
        Ok(Self {
            out: out.to_path_buf(),
            state,
            audience,
            known,
            _lock: lock,
        })
    }

    /// The folder beside the output that this claim may write freely.
    pub fn state(&self) -> &Path {
        &self.state
    }

    /// Swaps the site built in `staging` in as the output, recording its
    /// files: first beside the old ones, then alone once the old site is gone.
    pub fn commit(&self, staging: super::Staging) -> io::Result<()> {
        let files = staging.written();
        self.write_manifest(self.known.union(&files).cloned().collect())?;
        staging.commit()?;
        self.write_manifest(files)
    }

    fn write_manifest(&self, files: BTreeSet<String>) -> io::Result<()> {
        let manifest = Manifest {
            audience: self.audience,
            files,
        };
        let path = self.state.join(MANIFEST);
        let temporary = self.state.join(format!("{MANIFEST}.new"));
        std::fs::write(&temporary, manifest.to_text())
            .and_then(|()| std::fs::rename(&temporary, &path))
            .map_err(|e| {
                located(
                    e,
                    format!("cannot write `{}`", path.display()),
                    &format!(
                        "tier0 records there which files of `{}` it wrote",
                        self.out.display()
                    ),
                )
            })
    }
}

/// An I/O error with a sentence around it: what was being done, the error,
/// then what to do.
fn located(e: io::Error, what: String, help: &str) -> io::Error {
    io::Error::new(e.kind(), format!("{what} {help} ({e})"))
}

/// `path` made absolute, with the part of it that exists free of `.`, `..`
/// and symbolic links, so two spellings of one folder compare equal.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("`{}` is not a usable path ({e})", path.display()),
        )
    })?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            let mut resolved = canonical;
            for part in rest.iter().rev() {
                resolved.push(part);
            }
            return Ok(normalise(&resolved));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(up), Some(name)) => {
                rest.push(name.to_os_string());
                existing = up;
            }
            _ => return Ok(normalise(&absolute)),
        }
    }
}

/// `path` without `.` and with each `..` taking away the folder before it.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn check_sources(out: &Path, resolved: &Path, sources: Sources<'_>) -> io::Result<()> {
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
fn check_not_nested(out: &Path, resolved: &Path) -> io::Result<()> {
    for outer in resolved.ancestors().skip(1) {
        let Some(name) = outer.file_name() else {
            continue;
        };
        let state = parent(outer).join(STATE_DIR).join(name);
        if let Some(manifest) = read_manifest(&state)? {
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
fn check_apart(
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

fn other_audience(out: &Path, there: BuildAudience) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "`{}` holds {} and tier0 never writes one edition over the other: choose another \
             --out (`agents.out` in tier0.yaml for the agents' edition), or delete the folder \
             yourself if it is no longer needed",
            out.display(),
            edition(there)
        ),
    )
}

fn lock(state: &Path, out: &Path) -> io::Result<File> {
    let path = state.join("lock");
    // A lock held through a read-only descriptor locks as well: a lock file
    // another user's build left is still usable.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .or_else(|e| File::open(&path).map_err(|_| e))
        .map_err(|e| {
        located(
            e,
            format!("cannot create the lock file `{}`", path.display()),
            "that keeps two builds from writing one output folder at once; check that the folder is writable",
        )
    })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(io::Error::new(
            io::ErrorKind::ResourceBusy,
            format!(
                "another tier0 build is writing `{}` now; wait for it to finish and build again",
                out.display()
            ),
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(located(
            e,
            format!("cannot lock `{}`", path.display()),
            "to keep two builds from writing one output folder at once",
        )),
    }
}

/// The manifest kept in `state`, if there is one.
fn read_manifest(state: &Path) -> io::Result<Option<Manifest>> {
    let path = state.join(MANIFEST);
    match std::fs::read_to_string(&path) {
        Ok(text) => Manifest::parse(&text).map(Some).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "`{}` is not a manifest tier0 can read, so tier0 cannot tell which files of \
                     the output folder it wrote; pass --replace-output to replace the folder \
                     anyway, or choose another --out",
                    path.display()
                ),
            )
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => Ok(None),
        Err(e) => Err(located(e, format!("cannot read `{}`", path.display()), "")),
    }
}

/// Refuses an output folder with files the manifest does not list.
fn check_known(out: &Path, manifest: &Manifest) -> io::Result<()> {
    if std::fs::symlink_metadata(out).is_err() {
        // Gone since the last build: there is nothing to delete.
        return Ok(());
    }
    let folders = manifest.folders();
    let mut unknown = Vec::new();
    let mut complete = true;
    for entry in walkdir::WalkDir::new(out).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(out).to_path_buf();
            let e = io::Error::from(e);
            located(e, format!("cannot read `{}`", path.display()), "")
        })?;
        let rel = entry
            .path()
            .strip_prefix(out)
            .ok()
            .and_then(Path::to_str)
            .map(|rel| rel.replace(std::path::MAIN_SEPARATOR, "/"));
        let known = rel.as_deref().is_some_and(|rel| {
            if entry.file_type().is_dir() {
                folders.contains(rel)
            } else {
                manifest.files.contains(rel)
            }
        });
        if !known {
            unknown.push(entry.path().to_path_buf());
            if unknown.len() == SEARCHED {
                complete = false;
                break;
            }
        }
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(not_owned(
            out,
            &unknown,
            complete,
            "files that the last tier0 build there did not write",
        ))
    }
}

/// Refuses an output folder without a manifest unless it is empty.
fn check_empty(out: &Path) -> io::Result<()> {
    let entries = match std::fs::read_dir(out) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        // Not a folder, or unreadable: the staging step says which, with the path.
        Err(_) => return Ok(()),
    };
    let mut unknown = Vec::new();
    for entry in entries.take(SEARCHED) {
        let entry =
            entry.map_err(|e| located(e, format!("cannot read `{}`", out.display()), ""))?;
        unknown.push(entry.path());
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        let complete = unknown.len() < SEARCHED;
        Err(not_owned(
            out,
            &unknown,
            complete,
            "files, and no tier0 build wrote it",
        ))
    }
}

fn not_owned(out: &Path, unknown: &[PathBuf], complete: bool, what: &str) -> io::Error {
    let mut named: Vec<String> = unknown
        .iter()
        .map(|p| format!("`{}`", p.display()))
        .collect();
    named.sort();
    let more = unknown.len().saturating_sub(NAMED);
    named.truncate(NAMED);
    let mut list = named.join(", ");
    if more > 0 {
        list.push_str(&format!(
            " and {}{more} more",
            if complete { "" } else { "at least " }
        ));
    }
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "the output folder `{}` holds {what} ({list}); tier0 replaces its output folder \
             whole, so building would delete them: choose an empty or new --out, or pass \
             --replace-output to delete them",
            out.display()
        ),
    )
}

#[cfg(test)]
mod tests;

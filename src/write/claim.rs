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
//!   is not empty, unless the user asks to replace it;
//! - is or holds the folder tier0 runs in, which the swap would pull away.
//!
//! Those checks read only: a refused output leaves no state folder behind.
//! The state folder, and the `.tier0` folder holding it, must be folders
//! and not links, so what tier0 writes and deletes there stays there.
//!
//! Two manifests are kept: `manifest` for the output, `search-manifest` for
//! the tantivy index in `search/`. Each is rewritten around its swap:
//! before it, as the files of the old and the new folder together; after
//! it, as the new files alone. So a build killed at any moment leaves a
//! manifest covering what the folder holds, and the swap deletes of the old
//! folder only what the manifest lists ([`super::swap`]).

use std::collections::BTreeSet;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::Staging;
use super::swap::{Leftover, Owned, named};
use crate::discover::resolve;
use crate::link::BuildAudience;
use place::{
    check_apart, check_irreplaceable, check_not_current, check_not_nested, check_sources,
    check_state, holds_repository, repository_in,
};

/// The folder beside an output where tier0 keeps what it knows about it.
const STATE_DIR: &str = ".tier0";

const MANIFEST: &str = "manifest";
const MANIFEST_HEADER: &str = "tier0 output manifest 1";
/// The manifest of the tantivy index kept in the state folder.
const SEARCH_MANIFEST: &str = "search-manifest";
/// The folder of the state folder that holds the tantivy index.
pub const INDEX_DIR: &str = "search";

/// The output folder `out` named by its own name: `.`, `..` and `a/..`
/// resolved to the folder they are, so that its state folder is beside it.
pub fn output_dir(out: &Path) -> PathBuf {
    if out.file_name().is_some() {
        return out.to_path_buf();
    }
    resolve(out).unwrap_or_else(|_| out.to_path_buf())
}

/// Where tier0 keeps what it knows about the output folder `out`.
pub fn state_dir(out: &Path) -> PathBuf {
    let out = output_dir(out);
    let name = out.file_name().unwrap_or(out.as_os_str());
    parent(&out).join(STATE_DIR).join(name)
}

/// Whether the folder `dir` is the output of a tier0 build: its state
/// folder beside it holds a manifest tier0 can read.
pub fn is_output(dir: &Path) -> bool {
    matches!(read_manifest(&state_dir(dir).join(MANIFEST)), Ok(Some(_)))
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
            .map(|file| file.filter(|f| inside(f)))
            .collect::<Option<_>>()?;
        Some(Self { audience, files })
    }
}

/// Whether `file`, a `/`-separated path from a manifest, names something
/// inside the folder: tier0 writes no other, and the deletion that trusts
/// the manifest must not reach out of the folder for one a hand or a
/// checkout put there (`../notes.txt`, `/etc/hosts`, `a//b`, `C:\x`).
fn inside(file: &str) -> bool {
    file.split('/').all(|part| {
        let mut components = Path::new(part).components();
        matches!(components.next(), Some(std::path::Component::Normal(name)) if name == part)
            && components.next().is_none()
    })
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
    /// What the folder holds now that tier0 may delete.
    known: Owned,
    /// What the state folder's `search/` holds that tier0 may delete.
    known_index: Owned,
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

/// What the manifests say and what of the output and index tier0 may delete.
#[derive(Debug)]
struct Survey {
    manifests: [Option<Manifest>; 2],
    known: Owned,
    known_index: Owned,
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
        let out = &output_dir(out);
        let resolved = resolve(out)?;
        check_sources(out, &resolved, sources)?;
        check_not_nested(out, &resolved)?;
        check_apart(out, &resolved, other, audience)?;
        check_not_current(out, &resolved)?;
        check_irreplaceable(out, &resolved)?;
        super::check_folder(out)?;
        let state = state_dir(out);
        check_state(&state)?;
        // Every check before anything is written: a refused output leaves
        // no state folder.
        let survey = survey(out, &state, audience, unknown)?;
        std::fs::create_dir_all(&state).map_err(|e| {
            located(
                e,
                format!("cannot create `{}`, where tier0 keeps", state.display()),
                "what it knows about the output folder; check that its parent is writable or choose another --out",
            )
        })?;
        check_state(&state)?;
        let lock = lock(&state, out)?;
        // Another build may have written the folder before the lock was ours.
        let survey = if manifests(&state, unknown)? == survey.manifests {
            survey
        } else {
            self::survey(out, &state, audience, unknown)?
        };
        Ok(Self {
            out: out.to_path_buf(),
            state,
            audience,
            known: survey.known,
            known_index: survey.known_index,
            _lock: lock,
        })
    }

    /// The folder beside the output that this claim may write freely.
    pub fn state(&self) -> &Path {
        &self.state
    }

    /// Swaps the site built in `staging` in as the output, recording its
    /// files: first beside the old ones, then alone once the old site is
    /// gone. What was left of the old site, if anything was.
    pub fn commit(&self, staging: Staging) -> io::Result<Option<Leftover>> {
        let files = Owned::of_files(staging.written());
        self.swap(MANIFEST, staging, &self.known, &files)
    }

    /// Swaps the tantivy index built in `staging` in as the state folder's
    /// `search/`, recording its files as [`Self::commit`] does.
    pub fn commit_index(&self, staging: Staging) -> io::Result<Option<Leftover>> {
        let files = Owned::listed(staging.path()?)?;
        self.swap(SEARCH_MANIFEST, staging, &self.known_index, &files)
    }

    fn swap(
        &self,
        manifest: &str,
        staging: Staging,
        known: &Owned,
        files: &Owned,
    ) -> io::Result<Option<Leftover>> {
        self.write_manifest(manifest, known.union(files).files())?;
        match staging.commit(known) {
            Ok(left) => {
                self.write_manifest(manifest, files.files())?;
                Ok(left)
            }
            Err(e) => {
                // The old folder is in place: so is its record, which must
                // not claim the new files' names for what is there now.
                let _ = self.write_manifest(manifest, known.files());
                Err(e)
            }
        }
    }

    fn write_manifest(&self, name: &str, files: &BTreeSet<String>) -> io::Result<()> {
        let manifest = Manifest {
            audience: self.audience,
            files: files.clone(),
        };
        let path = self.state.join(name);
        let temporary = self.state.join(format!("{name}.new"));
        // Made anew, never opened through what is there: a link put in its
        // place would have the manifest written over the file it points to.
        match std::fs::remove_file(&temporary) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
        .and_then(|()| {
            open_state_file(
                &temporary,
                std::fs::OpenOptions::new().write(true).create_new(true),
            )
        })
        .and_then(|file| io::Write::write_all(&mut &file, manifest.to_text().as_bytes()))
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

/// The manifests of the output and of the index kept in `state`.
/// The output's and the index's manifests. One tier0 cannot read stops a
/// build that refuses unknown files; `--replace-output` reads it as none,
/// as the user agreed to replace what the folders hold.
fn manifests(state: &Path, unknown: Unknown) -> io::Result<[Option<Manifest>; 2]> {
    let read = |name| match read_manifest(&state.join(name)) {
        Err(e) if e.kind() == io::ErrorKind::InvalidData && unknown == Unknown::Replace => Ok(None),
        other => other,
    };
    Ok([read(MANIFEST)?, read(SEARCH_MANIFEST)?])
}

/// Reads the manifests and checks the output and the index against them:
/// what of each tier0 may delete, or why it may not build there.
fn survey(
    out: &Path,
    state: &Path,
    audience: BuildAudience,
    unknown: Unknown,
) -> io::Result<Survey> {
    let manifests = manifests(state, unknown)?;
    let known = match &manifests[0] {
        Some(manifest) if manifest.audience != audience => {
            return Err(other_audience(out, manifest.audience));
        }
        Some(manifest) => Owned::of_files(manifest.files.clone()),
        None => {
            if unknown == Unknown::Refuse {
                check_empty(out)?;
            }
            Owned::default()
        }
    };
    let index = state.join(INDEX_DIR);
    let known_index = match &manifests {
        [_, Some(index)] => Owned::of_files(index.files.clone()),
        // Versions before the index had its manifest wrote the output's
        // alone: the index beside it is theirs, taken as it is once.
        [Some(_), None] => Owned::listed(&index)?,
        [None, None] => Owned::default(),
    };
    let (known, known_index) = match unknown {
        Unknown::Refuse => {
            check_known(
                out,
                &known,
                "files that the last tier0 build there did not write",
            )?;
            check_index(&index, &known_index)?;
            (known, known_index)
        }
        // What is there now is what the user agreed to have deleted, but
        // for a repository somewhere inside.
        Unknown::Replace => {
            let there = Owned::listed(out)?;
            if let Some(path) = repository_in(there.entries()) {
                return Err(holds_repository(out, path));
            }
            (
                known.union(&there),
                known_index.union(&Owned::listed(&index)?),
            )
        }
    };
    Ok(Survey {
        manifests,
        known,
        known_index,
    })
}

/// An I/O error with a sentence around it: what was being done, the error,
/// then what to do.
fn located(e: io::Error, what: String, help: &str) -> io::Error {
    let text = match help {
        "" => format!("{what} ({e})"),
        help => format!("{what} {help} ({e})"),
    };
    io::Error::new(e.kind(), text)
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
    let file = open_state_file(
        &path,
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false),
    )
    .or_else(|e| {
        open_state_file(&path, std::fs::OpenOptions::new().read(true)).map_err(|read| {
            if read.kind() == io::ErrorKind::InvalidInput {
                read
            } else {
                e
            }
        })
    })
        .map_err(|e| {
        if e.kind() == io::ErrorKind::InvalidInput {
            return e;
        }
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

/// Opens a file of a state folder with `options`: a regular file only,
/// never through a link, and never waiting on a pipe or reading a device
/// that a hand or a checkout put in its place (`manifest -> /dev/zero`
/// would fill the memory, a pipe would hang the build).
pub fn open_state_file(path: &Path, options: &mut std::fs::OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags((OFlags::NOFOLLOW | OFlags::NONBLOCK).bits() as i32);
    }
    let not_regular = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "`{}` is a link or not a regular file, and tier0 reads and writes what it keeps \
                 about the output only in regular files: delete it (tier0 writes it again)",
                path.display()
            ),
        )
    };
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
            return not_regular();
        }
        e
    })?;
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(not_regular())
    }
}

/// The manifest at `path`, if there is one.
fn read_manifest(path: &Path) -> io::Result<Option<Manifest>> {
    let bytes = open_state_file(path, std::fs::OpenOptions::new().read(true)).and_then(|file| {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut &file, &mut bytes).map(|_| bytes)
    });
    match bytes {
        // Bytes that are not UTF-8 are not a manifest either.
        Ok(bytes) => std::str::from_utf8(&bytes)
            .ok()
            .and_then(Manifest::parse)
            .map(Some)
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "`{}` is not a manifest tier0 can read, so tier0 cannot tell which files \
                     it wrote; pass --replace-output to replace them anyway, or choose another \
                     --out",
                        path.display()
                    ),
                )
            }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::InvalidInput => Err(e),
        Err(e) => Err(located(e, format!("cannot read `{}`", path.display()), "")),
    }
}

/// Refuses an output folder with files `known` does not list.
fn check_known(out: &Path, known: &Owned, what: &str) -> io::Result<()> {
    let (unknown, complete) = known.unknown_in(out)?;
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(not_owned(out, &unknown, complete, what))
    }
}

/// Refuses a `search/` folder in the state folder that holds files its
/// manifest does not list (or that has none): not an index tier0 wrote.
fn check_index(index: &Path, known: &Owned) -> io::Result<()> {
    let (unknown, complete) = known.unknown_in(index)?;
    if unknown.is_empty() {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "`{}`, where tier0 keeps the output's search index, holds files no tier0 build \
             recorded writing there ({}); tier0 replaces it whole on each build: move them \
             elsewhere, delete the folder if it is an index an older tier0 wrote (the next \
             build writes it again), or pass --replace-output to delete them",
            index.display(),
            named(&unknown, complete)
        ),
    ))
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
    for entry in entries.take(super::swap::SEARCHED) {
        let entry =
            entry.map_err(|e| located(e, format!("cannot read `{}`", out.display()), ""))?;
        unknown.push(entry.path());
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        let complete = unknown.len() < super::swap::SEARCHED;
        Err(not_owned(
            out,
            &unknown,
            complete,
            "files, and no tier0 build wrote it",
        ))
    }
}

fn not_owned(out: &Path, unknown: &[PathBuf], complete: bool, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "the output folder `{}` holds {what} ({}); tier0 replaces its output folder \
             whole, so building would delete them: choose an empty or new --out, or pass \
             --replace-output to delete them",
            out.display(),
            named(unknown, complete)
        ),
    )
}

mod place;

#[cfg(test)]
mod tests;

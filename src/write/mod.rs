//! The write stage: rendered files → the output folder, all or nothing.
//!
//! The whole site is written into a hidden sibling folder first and swapped
//! in only when complete, with one atomic `renameat2(RENAME_EXCHANGE)` on
//! Linux. A build that fails or is killed at any moment leaves the previous
//! site untouched; the half-written folder it left is removed by the next
//! build. Which folders may be replaced at all is [`claim`]'s decision: only
//! one that tier0 wrote, never one holding or inside the sources. The swap
//! itself checks the old site again and deletes of it only what tier0
//! wrote ([`swap`]), on every core: one by one, the 27,000 files of a
//! 10,000-article site took a quarter of a second at the end of each
//! rebuild.
//!
//! A file whose bytes are those of the same file in the site being replaced
//! is not written again: the new site gets a hard link to the old file
//! ([`Staging::reuse`]). It keeps its inode and modification time, so rsync,
//! CDN uploads and caches that look at them move only what changed, and the
//! swap stays atomic: the old site is untouched until the exchange.

mod claim;
mod spill;
mod swap;

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use claim::{
    INDEX_DIR, OutputClaim, Sources, Unknown, is_output, open_state_file, output_dir, state_dir,
};
pub use spill::SpilledPreviews;
pub use swap::{Leftover, Owned};
use swap::{remove_tree, swap_in};

use crate::render::Sink;

/// Refuses an output path that is there and is not a folder (a file, or
/// a link, which tier0 never writes through).
fn check_folder(out: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(out) {
        Ok(meta) if !meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "`{}` exists and is not a folder; remove it or choose another --out",
                out.display()
            ),
        )),
        _ => Ok(()),
    }
}

/// A hidden folder beside the output where a new site is written.
///
/// Dropped without [`Staging::commit`], it is deleted and the output is
/// left as it was.
#[derive(Debug)]
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    out: PathBuf,
    /// The site being replaced, whose unchanged files are linked, not written.
    previous: Option<PathBuf>,
    /// Every file written, by its path inside the site.
    files: Mutex<Vec<String>>,
}

impl Staging {
    /// Prepares to write the site that will replace `out`.
    pub fn create(out: &Path) -> io::Result<Self> {
        let name = out.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{}` is not a usable output folder", out.display()),
            )
        })?;
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot create `{}`, the folder that holds the output ({e}); check that it \
                     can be created or choose another --out",
                    parent.display()
                ),
            )
        })?;
        check_folder(out)?;
        if out.is_dir() && !writable(out) {
            // The old site's files are deleted once the new one is in
            // place, which needs write access to it: refuse before
            // building rather than leave the old site, half deleted,
            // beside the new one.
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "the output folder `{}` is read-only; tier0 replaces it whole on each build: \
                     make it writable or choose another --out",
                    out.display()
                ),
            ));
        }
        let prefix = format!(".{name}.tier0-");
        remove_stale(&parent, &prefix);
        let dir = tempfile::Builder::new()
            .prefix(&prefix)
            .tempdir_in(&parent)
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!(
                        "cannot create the folder where the new site is built, beside `{}` \
                         ({e}); check that `{}` is writable or choose another --out",
                        out.display(),
                        parent.display()
                    ),
                )
            })?;
        set_public_permissions(dir.path())?;
        Ok(Self {
            dir: Some(dir),
            out: out.to_path_buf(),
            previous: out.is_dir().then(|| out.to_path_buf()),
            files: Mutex::new(Vec::new()),
        })
    }

    /// The path of `rel` inside the staging folder, with its parent folders
    /// made, counted as written.
    fn prepare(&self, rel: &str) -> io::Result<PathBuf> {
        let path = self.place(rel)?;
        self.count(rel);
        Ok(path)
    }

    /// The path of `rel` inside the staging folder, with its parent folders made.
    fn place(&self, rel: &str) -> io::Result<PathBuf> {
        let dir = self
            .dir
            .as_ref()
            .ok_or_else(|| io::Error::other("staging folder already committed"))?;
        let path = dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| self.write_error(rel, e))?;
        }
        Ok(path)
    }

    fn count(&self, rel: &str) {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(rel.to_owned());
    }

    /// An error writing `rel`, named by where it was to end up.
    fn write_error(&self, rel: &str, e: io::Error) -> io::Error {
        io::Error::new(
            e.kind(),
            format!(
                "cannot write `{}`: {e}; the previous site was left as it was",
                self.out.join(rel).display()
            ),
        )
    }

    /// The staging folder itself, for writers that need a folder (the search index).
    pub fn path(&self) -> io::Result<&Path> {
        self.dir
            .as_ref()
            .map(tempfile::TempDir::path)
            .ok_or_else(|| io::Error::other("staging folder already committed"))
    }

    /// Number of files written so far.
    pub fn files(&self) -> usize {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }

    /// The paths of the files written, inside the site.
    fn written(&self) -> BTreeSet<String> {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .cloned()
            .collect()
    }

    /// Puts the new site in place of the old one in one step, once the old
    /// one is checked to hold only what `owned` records, and deletes that
    /// of it ([`swap`]). What was left of the old site, if anything was.
    fn commit(mut self, owned: &Owned) -> io::Result<Option<Leftover>> {
        let Some(dir) = self.dir.take() else {
            return Ok(None);
        };
        let staging = dir.keep();
        let result = swap_in(&staging, &self.out, owned);
        if result.is_err() {
            let _ = remove_tree(&staging);
        }
        result
    }
}

impl Staging {
    /// Links `target` to the previous site's `rel` when that is a regular
    /// file (never a link planted there) that `fits`; whether it did. Any
    /// failure (no such file, a file system without hard links) just means
    /// the file is written.
    fn link_previous(
        &self,
        rel: &str,
        target: &Path,
        fits: impl FnOnce(&std::fs::Metadata, &Path) -> bool,
    ) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        let old = previous.join(rel);
        std::fs::symlink_metadata(&old).is_ok_and(|meta| meta.is_file() && fits(&meta, &old))
            && std::fs::hard_link(&old, target).is_ok()
    }

    /// [`Self::link_previous`] for a file of `len` bytes that `same` finds equal.
    fn reuse(&self, rel: &str, target: &Path, len: u64, same: impl FnOnce(&Path) -> bool) -> bool {
        self.link_previous(rel, target, |meta, old| meta.len() == len && same(old))
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.prepare(path)?;
        if self.reuse(path, &target, bytes.len() as u64, |old| {
            std::fs::read(old).is_ok_and(|was| was == bytes)
        }) {
            return Ok(());
        }
        std::fs::write(target, bytes).map_err(|e| self.write_error(path, e))
    }

    fn copy(&self, path: &str, source: &Path) -> io::Result<()> {
        let failed = |e: io::Error| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot copy `{}` to `{}`: {e}; the previous site was left as it was",
                    source.display(),
                    self.out.join(path).display()
                ),
            )
        };
        let target = self.prepare(path)?;
        let len = std::fs::metadata(source).map_err(failed)?.len();
        if self.reuse(path, &target, len, |old| same_contents(old, source)) {
            return Ok(());
        }
        std::fs::copy(source, target).map(drop).map_err(failed)
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        let old = self.previous.as_ref()?.join(path);
        let meta = std::fs::symlink_metadata(&old).ok()?;
        meta.is_file().then(|| std::fs::read(&old).ok()).flatten()
    }

    fn keep(&self, path: &str) -> bool {
        let kept = self
            .place(path)
            .is_ok_and(|target| self.link_previous(path, &target, |_, _| true));
        if kept {
            self.count(path);
        }
        kept
    }
}

/// Whether two files hold the same bytes (compared a block at a time, so
/// that a large attachment is never read whole).
fn same_contents(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(mut a), Ok(mut b)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    let mut block_a = vec![0; 64 * 1024];
    let mut block_b = vec![0; 64 * 1024];
    loop {
        let Ok(n) = a.read(&mut block_a) else {
            return false;
        };
        if n == 0 {
            return b.read(&mut block_b).is_ok_and(|m| m == 0);
        }
        if b.read_exact(&mut block_b[..n]).is_err() || block_a[..n] != block_b[..n] {
            return false;
        }
    }
}

/// Removes folders left by builds that were killed.
fn remove_stale(parent: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(prefix))
        {
            let _ = remove_tree(&entry.path());
        }
    }
}

#[cfg(unix)]
fn set_public_permissions(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn set_public_permissions(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Whether this process may create and delete files in the folder `dir`.
#[cfg(unix)]
fn writable(dir: &Path) -> bool {
    use rustix::fs::{Access, AtFlags, CWD, accessat};
    // faccessat(2) answers for the effective user as the kernel will: root
    // may write anywhere, others need the `w` and `x` bits that apply to them.
    accessat(
        CWD,
        dir,
        Access::WRITE_OK | Access::EXEC_OK,
        AtFlags::EACCESS,
    )
    .is_ok()
}

#[cfg(not(unix))]
fn writable(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| !m.permissions().readonly())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` to `out`, replacing what `write` wrote there before.
    fn write(files: &[(&str, &str)], out: &Path) -> io::Result<()> {
        let staging = Staging::create(out)?;
        for (path, text) in files {
            staging.put(path, text.as_bytes())?;
        }
        let before = Owned::listed(out)?;
        assert!(staging.commit(&before)?.is_none());
        Ok(())
    }

    #[test]
    fn replaces_the_old_site_completely() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&[("a/index.html", "1"), ("old.txt", "x")], &out).unwrap();
        write(&[("a/index.html", "2")], &out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join("old.txt").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[cfg(unix)]
    fn inode(path: &Path) -> u64 {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).unwrap().ino()
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_keep_their_inode_and_changed_ones_are_new() {
        const FILES: [&str; 4] = [
            "same/index.html",
            "page/index.html",
            "longer/index.html",
            "img/logo.png",
        ];
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let asset = dir.path().join("logo.png");
        std::fs::write(&asset, b"\x89PNG one").unwrap();
        let build = |page: &str, asset_bytes: &[u8]| {
            std::fs::write(&asset, asset_bytes).unwrap();
            let staging = Staging::create(&out).unwrap();
            staging.put("same/index.html", b"unchanged").unwrap();
            staging.put("page/index.html", page.as_bytes()).unwrap();
            staging
                .put("longer/index.html", page.repeat(2).as_bytes())
                .unwrap();
            staging.copy("img/logo.png", &asset).unwrap();
            let before = Owned::listed(&out).unwrap();
            staging.commit(&before).unwrap();
        };
        build("one", b"\x89PNG one");
        let inodes = || FILES.map(|rel| inode(&out.join(rel)));
        let before = inodes();
        // Same lengths, other bytes: a length check alone would not do.
        build("two", b"\x89PNG two");
        let after = inodes();
        assert_eq!(
            before[0], after[0],
            "an unchanged page is linked, not written"
        );
        for changed in 1..4 {
            assert_ne!(before[changed], after[changed]);
        }
        assert_eq!(std::fs::read(out.join("page/index.html")).unwrap(), b"two");
        assert_eq!(
            std::fs::read(out.join("longer/index.html")).unwrap(),
            b"twotwo"
        );
        assert_eq!(
            std::fs::read(out.join("img/logo.png")).unwrap(),
            b"\x89PNG two"
        );
        build("two", b"\x89PNG two");
        assert_eq!(
            inode(&out.join("img/logo.png")),
            after[3],
            "an unchanged copy is linked"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_put_where_tier0_wrote_a_file_is_not_deleted() {
        // tier0 writes no links: someone put this one there and would lose
        // it (the build is refused as for any file tier0 did not write).
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let outside = dir.path().join("outside.txt");
        std::fs::write(&outside, "kept").unwrap();
        write(&[("a.txt", "same")], &out).unwrap();
        std::fs::remove_file(out.join("a.txt")).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("a.txt")).unwrap();
        let staging = Staging::create(&out).unwrap();
        staging.put("a.txt", b"same").unwrap();
        let written = Owned::of_files(["a.txt".to_owned()].into());
        let refused = staging.commit(&written).unwrap_err().to_string();
        assert!(refused.contains("a.txt"), "{refused}");
        let link = out.join("a.txt");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "kept");
    }

    #[test]
    fn an_uncommitted_staging_folder_leaves_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&[("a", "old")], &out).unwrap();
        let staging = Staging::create(&out).unwrap();
        staging.put("a", b"new").unwrap();
        drop(staging);
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn stale_staging_folders_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".public.tier0-dead")).unwrap();
        write(&[("x", "1")], &dir.path().join("public")).unwrap();
        assert!(!dir.path().join(".public.tier0-dead").exists());
    }

    #[test]
    fn refuses_a_file_as_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::write(&out, "precious").unwrap();
        assert!(write(&[("x", "1")], &out).is_err());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");
    }
}

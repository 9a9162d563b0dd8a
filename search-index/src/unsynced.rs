//! The directory a build writes its indexes through: tantivy's
//! [`MmapDirectory`] without its `fsync`s.
//!
//! tantivy syncs every file it finishes, and the directory after each one:
//! about 50 `fdatasync` calls a build, 25 ms of its wall time on this
//! project's benchmark. They buy nothing here. The caller builds the indexes
//! in a staging folder and swaps it in whole once complete, like the site
//! itself, which is not synced either; an index lost to a crash right after
//! a build is made again by the next build, as every build does anyway.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::Directory;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, DirectoryLock, FileHandle, Lock, MmapDirectory, TerminatingWrite, WatchCallback,
    WatchHandle, WritePtr,
};

/// [`MmapDirectory`] at `root`, writing without syncing.
#[derive(Debug, Clone)]
pub(crate) struct UnsyncedDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl UnsyncedDirectory {
    /// The directory at `root`, which must exist.
    pub(crate) fn open(root: &Path) -> Result<Self, tantivy::directory::error::OpenDirectoryError> {
        Ok(Self {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }
}

/// A file being written; finishing it only flushes it.
struct UnsyncedFile(File);

impl Write for UnsyncedFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl TerminatingWrite for UnsyncedFile {
    fn terminate_ref(&mut self, _: AntiCallToken) -> io::Result<()> {
        self.0.flush()
    }
}

impl Directory for UnsyncedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        // Write once: a file that exists is never overwritten.
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.root.join(path))
            .map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => OpenWriteError::FileAlreadyExists(path.to_owned()),
                _ => OpenWriteError::wrap_io_error(e, path.to_owned()),
            })?;
        Ok(BufWriter::new(Box::new(UnsyncedFile(file))))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        // Written beside, then renamed over: a reader sees the old or the
        // new content, never part of it. tantivy writes each such file
        // under a lock, so one temporary name per file is enough.
        let target = self.root.join(path);
        let mut temporary = target.clone().into_os_string();
        temporary.push(".tier0-tmp");
        fs::write(&temporary, data)?;
        fs::rename(&temporary, &target)
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> (tempfile::TempDir, UnsyncedDirectory) {
        let scratch = tempfile::tempdir().unwrap();
        let directory = UnsyncedDirectory::open(scratch.path()).unwrap();
        (scratch, directory)
    }

    #[test]
    fn written_files_read_back_and_are_never_overwritten() {
        let (_scratch, directory) = directory();
        let path = Path::new("segment.idx");
        let mut writer = directory.open_write(path).unwrap();
        writer.write_all(b"postings").unwrap();
        writer.terminate().unwrap();
        let read = directory.open_read(path).unwrap().read_bytes().unwrap();
        assert_eq!(read.as_slice(), b"postings");
        assert!(matches!(
            directory.open_write(path),
            Err(OpenWriteError::FileAlreadyExists(p)) if p == path
        ));
    }

    #[test]
    fn atomic_writes_replace_the_whole_file_and_leave_nothing_beside() {
        let (scratch, directory) = directory();
        let path = Path::new("meta.json");
        directory
            .atomic_write(path, b"a longer first version")
            .unwrap();
        directory.atomic_write(path, b"second").unwrap();
        assert_eq!(directory.atomic_read(path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(scratch.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["meta.json"]);
    }
}

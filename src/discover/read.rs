//! Reading the Markdown sources fast, whether the page cache holds them or not.
//!
//! What the cache holds is read first, on the global pool, without ever
//! waiting on the disk (`preadv2` with `RWF_NOWAIT` on Linux); what it
//! lacks is read next, by more threads than cores on the first read of a
//! process, where they pay off. Out: each file in the order asked, decoded,
//! or the located problem that kept it out.

use std::io::{self, Read};
use std::path::Path;

use rayon::prelude::*;

use super::{ContentFolder, SourceFile, decode};
use crate::diagnostics::Diagnostic;

/// Whether the sources may have to come from the disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reading {
    /// The first read of a process (`build`, `check`, the dev server's first
    /// build): files the page cache lacks are read by a larger pool.
    #[default]
    First,
    /// A read moments after the last one (the dev server's rebuilds), when
    /// the files are cached: only the global pool reads, as each extra pool's
    /// threads leave their allocator heaps behind when they exit (with a pool
    /// per read, the server's memory grew by 40 MB over 24 relinks of 10,000
    /// articles).
    Again,
}

/// The most threads that read the sources the page cache does not hold.
///
/// Reading waits on the disk when the files are not in the page cache (the
/// first build after a checkout or a reboot, on a CI runner, or when the
/// system reclaimed the cache): one request in flight per core leaves the
/// disk idle most of the time. Reading 10,000 uncached articles on two
/// cores took 0.62 s with 2 threads, 0.43 s with 4, 0.32 s with 6 and
/// 0.23 s with 16. Files in the cache are read first, by the global pool
/// (see [`read_all`]): extra threads only cost there, as each one's
/// allocator takes fresh memory.
const MAX_READERS: usize = 16;

/// Files per reading thread: a few uncached files are read in no time by
/// the global pool, and each extra thread costs its start and its
/// allocator's address space (a 32 MiB segment reserved per thread).
const FILES_PER_READER: usize = 256;

/// A pool to read `files` files with, when more threads than cores pay off
/// (`None`: read with the global pool).
///
/// Only a [`Reading::First`] gets one.
fn reading_pool(files: usize, reading: Reading) -> Option<rayon::ThreadPool> {
    let threads = (files / FILES_PER_READER).min(MAX_READERS);
    if reading == Reading::Again || threads <= rayon::current_num_threads() {
        return None;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("tier0-read-{i}"))
        .build()
        .ok()
}

/// What reading one Markdown file gives: the file, with the problem of its
/// text if it has one, or why it could not be read.
pub(super) type FileRead = Result<(SourceFile, Option<Diagnostic>), Diagnostic>;

/// Reads and decodes (a UTF-8 check and a copy of every byte) the files
/// `markdown`, in their order. What the page cache holds is read first by
/// the global pool, without waiting on the disk; the rest by a
/// [`reading_pool`] when there is enough of it and `reading` allows one.
pub(super) fn read_all(
    content: &ContentFolder,
    markdown: Vec<String>,
    reading: Reading,
) -> Vec<FileRead> {
    let cached = read_cached(content, markdown);
    let missing = cached.iter().filter(|read| read.is_err()).count();
    read_rest(content, cached, reading_pool(missing, reading))
}

/// The files of `markdown` the page cache holds whole, read and decoded in
/// parallel, each worker reading into one buffer it reuses; the path of
/// each other file, as the error.
fn read_cached(content: &ContentFolder, markdown: Vec<String>) -> Vec<Result<FileRead, String>> {
    markdown
        .into_par_iter()
        .map_init(Vec::new, |buffer, rel| {
            match read_without_waiting(&content.file(&rel), buffer) {
                Ok(Some(len)) => Ok(Ok(source_file(content, rel, &buffer[..len]))),
                Ok(None) => Err(rel),
                Err(e) => Ok(Err(unreadable(content, &rel, &e))),
            }
        })
        .collect()
}

/// `cached` with the files it lacks read, in `pool` if given.
fn read_rest(
    content: &ContentFolder,
    cached: Vec<Result<FileRead, String>>,
    pool: Option<rayon::ThreadPool>,
) -> Vec<FileRead> {
    let rest = || {
        cached
            .into_par_iter()
            .map_init(Vec::new, |buffer, cached| {
                cached.unwrap_or_else(|rel| read_markdown(content, rel, buffer))
            })
            .collect()
    };
    match pool {
        Some(pool) => pool.install(rest),
        None => rest(),
    }
}

/// Reads the file at `path` into the start of `buffer` if the page cache
/// holds all of it: the length read, or `None` when reading would wait on
/// the disk. `buffer` is kept initialised and only grows, so that reusing
/// it costs nothing.
#[cfg(target_os = "linux")]
fn read_without_waiting(path: &Path, buffer: &mut Vec<u8>) -> io::Result<Option<usize>> {
    use rustix::io::{Errno, ReadWriteFlags, preadv2};
    let file = std::fs::File::open(path)?;
    let mut filled = 0;
    loop {
        if buffer.len() - filled < READ_CHUNK {
            buffer.resize((buffer.len() * 2).max(4 * READ_CHUNK), 0);
        }
        let chunk = &mut [io::IoSliceMut::new(&mut buffer[filled..])];
        match preadv2(&file, chunk, filled as u64, ReadWriteFlags::NOWAIT) {
            Ok(0) => return Ok(Some(filled)),
            Ok(n) => filled += n,
            Err(Errno::INTR) => {}
            // Not in the cache, or a file system that cannot tell.
            Err(Errno::AGAIN | Errno::OPNOTSUPP) => return Ok(None),
            Err(e) => return Err(e.into()),
        }
    }
}

/// Elsewhere no file is known to be cached: the reading pool reads them all.
#[cfg(not(target_os = "linux"))]
fn read_without_waiting(_: &Path, _: &mut Vec<u8>) -> io::Result<Option<usize>> {
    Ok(None)
}

/// The least room [`read_without_waiting`] asks the kernel to fill.
const READ_CHUNK: usize = 4 << 10;

/// The problem of the file `rel` of `content` that cannot be read.
pub(super) fn unreadable(content: &ContentFolder, rel: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::error(
        content.shown(rel),
        0..0,
        format!("cannot read this file: {e}"),
    )
    .with_help("check the file's permissions")
}

/// The text file `rel` of `content` holding `bytes`, with the problem of
/// its text if it has one.
pub(super) fn source_file(
    content: &ContentFolder,
    rel: String,
    bytes: &[u8],
) -> (SourceFile, Option<Diagnostic>) {
    let path = content.shown(&rel);
    let (text, problem) = decode(path.clone(), bytes);
    (SourceFile { path, rel, text }, problem)
}

/// Reads and decodes the Markdown file `rel` of `content` through `buffer`:
/// the file, with the problem of its text if it has one, or why it could
/// not be read.
fn read_markdown(content: &ContentFolder, rel: String, buffer: &mut Vec<u8>) -> FileRead {
    buffer.clear();
    let path = content.file(&rel);
    match std::fs::File::open(path).and_then(|mut file| file.read_to_end(buffer)) {
        Ok(_) => Ok(source_file(content, rel, buffer)),
        Err(e) => Err(unreadable(content, &rel, &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_sites_are_read_by_more_threads_than_cores() {
        let cores = rayon::current_num_threads();
        assert!(reading_pool(cores * FILES_PER_READER, Reading::First).is_none());
        assert!(reading_pool(100 * FILES_PER_READER, Reading::Again).is_none());
        if cores < MAX_READERS {
            let pool = reading_pool(100 * FILES_PER_READER, Reading::First);
            assert_eq!(pool.map(|p| p.current_num_threads()), Some(MAX_READERS));
        }
        // Read through that pool, every file arrives, in order, intact.
        let count = (cores + 1) * FILES_PER_READER;
        let dir = tempfile::tempdir().unwrap();
        let content = ContentFolder::new(dir.path(), Path::new("content"));
        let mut markdown = Vec::new();
        for i in 0..count {
            let rel = format!("c{}/a{i:05}.md", i % 7);
            let path = content.dir.join(&rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, format!("body {i}")).unwrap();
            markdown.push(rel);
        }
        markdown.sort();
        let pool = reading_pool(count, Reading::First);
        assert!(pool.is_some());
        // As if the page cache held none of them.
        let none_cached = markdown.into_iter().map(Err).collect();
        let read = read_rest(&content, none_cached, pool);
        assert_eq!(read.len(), count);
        let rels: Vec<String> = read.iter().flatten().map(|(f, _)| f.rel.clone()).collect();
        assert!(rels.windows(2).all(|w| w[0] < w[1]));
        for (file, problem) in read.iter().flatten() {
            assert!(problem.is_none());
            let i: usize = file.rel[4..9].parse().unwrap();
            assert_eq!(&*file.text, format!("body {i}"));
        }
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn files_in_the_page_cache_are_read_whole_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        // Longer than the buffer's first size, then shorter: the buffer
        // grows, is reused, and only the new file's bytes count.
        let long: Vec<u8> = (0..100_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let short = b"---\ntitle: x\n---\nbody\n".to_vec();
        let mut buffer = Vec::new();
        for (name, bytes) in [("long.md", &long), ("short.md", &short)] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            // Just written, so cached (a file system that cannot tell would
            // say `None`: builds would still work, through the reading pool).
            let len = read_without_waiting(&path, &mut buffer)
                .unwrap()
                .expect("a file just written is in the page cache");
            assert_eq!(&buffer[..len], &bytes[..]);
        }
        let missing = read_without_waiting(&dir.path().join("gone.md"), &mut buffer);
        assert_eq!(missing.unwrap_err().kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn every_file_is_read_once_in_order_whether_cached_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let content = ContentFolder::new(dir.path(), Path::new("docs/en"));
        std::fs::create_dir_all(&content.dir).unwrap();
        let markdown: Vec<String> = (0..40).map(|i| format!("a{i:02}.md")).collect();
        for (i, rel) in markdown.iter().enumerate() {
            std::fs::write(content.dir.join(rel), format!("body {i}")).unwrap();
        }
        let read = read_all(&content, markdown.clone(), Reading::Again);
        let texts: Vec<String> = read
            .iter()
            .map(|r| r.as_ref().unwrap().0.text.to_string())
            .collect();
        let expected: Vec<String> = (0..40).map(|i| format!("body {i}")).collect();
        assert_eq!(texts, expected);
        // Shown under the folder the config names.
        let (first, _) = read[0].as_ref().unwrap();
        assert_eq!(first.path, Path::new("docs/en/a00.md"));
        // Half of them as if not cached: the rest is filled in, in place.
        let mut cached = read_cached(&content, markdown.clone());
        for (slot, rel) in cached.iter_mut().zip(markdown).step_by(2) {
            *slot = Err(rel);
        }
        let read = read_rest(&content, cached, None);
        let again: Vec<String> = read
            .iter()
            .map(|r| r.as_ref().unwrap().0.text.to_string())
            .collect();
        assert_eq!(again, expected);
    }
}

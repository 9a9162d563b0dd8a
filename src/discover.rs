//! Finds and reads everything a build uses from the site folder.
//!
//! In: the site root. Out: [`Sources`]: the text of every article, category
//! page, config and theme file, and the list of assets to copy. This module
//! and `write` are the only ones that touch the disk. Files and folders
//! starting with `.` or `_` (other than `_index.md`) are skipped, symbolic
//! links are followed only while they stay inside the content folder, and a
//! file that cannot be read or is not UTF-8 becomes a located diagnostic,
//! never a panic.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, SourceTexts};
pub use crate::landing::{MARKDOWN_EXTENSIONS, is_markdown, markdown_stem};

/// Name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "tier0.yaml";
/// Name of the content folder under the site root.
pub const CONTENT_DIR: &str = "content";

/// A text file of the site.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path shown to users: relative to the site root (`content/red/wifi.md`).
    pub path: PathBuf,
    /// Path relative to the content folder (`red/wifi.md`), with `/` separators.
    pub rel: String,
    /// The file's text.
    pub text: Arc<str>,
}

/// A non-Markdown file under `content/`, copied to the output as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Path relative to the content folder, with `/` separators.
    pub rel: String,
    /// Where to read it from.
    pub source: PathBuf,
}

/// Everything discovered under a site root.
#[derive(Debug, Default)]
pub struct Sources {
    /// Article files, sorted by path.
    pub articles: Vec<SourceFile>,
    /// Landing pages of sections and of the home page (`_index.md`, and
    /// `index.md` or `README.md` of a folder with other pages; see
    /// [`crate::landing`]), sorted.
    pub sections: Vec<SourceFile>,
    /// Assets to copy, sorted.
    pub assets: Vec<Asset>,
    /// Theme files of the site (`themes/<name>/…`) by path inside the theme.
    pub theme: BTreeMap<String, Vec<u8>>,
    /// Texts of all files, for showing diagnostics.
    pub texts: SourceTexts,
    /// Files that could not be used.
    pub problems: Vec<Diagnostic>,
}

/// Reads `tier0.yaml` at `root`, if there is one.
pub fn config(root: &Path) -> io::Result<Option<SourceFile>> {
    let path = root.join(CONFIG_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => {
            let (text, problem) = decode(PathBuf::from(CONFIG_FILE), &bytes);
            match problem {
                Some(p) => Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {}", CONFIG_FILE, p.message),
                )),
                None => Ok(Some(SourceFile {
                    path: PathBuf::from(CONFIG_FILE),
                    rel: CONFIG_FILE.into(),
                    text,
                })),
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io::Error::new(
            e.kind(),
            format!("cannot read {}: {e}", path.display()),
        )),
    }
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

/// Whether this process has not read a site yet.
static FIRST_READ: AtomicBool = AtomicBool::new(true);

/// A pool to read `files` files with, when more threads than cores pay off
/// (`None`: read with the global pool).
///
/// Only the first read of a process gets one. The dev server reads the
/// site again at changes, seconds after the last read, when the files are
/// cached; and each pool's threads leave their allocator heaps behind when
/// they exit (with a pool per read, the server's memory grew by 40 MB over
/// 24 relinks of 10,000 articles).
fn reading_pool(files: usize, first_read: bool) -> Option<rayon::ThreadPool> {
    let threads = (files / FILES_PER_READER).min(MAX_READERS);
    if !first_read || threads <= rayon::current_num_threads() {
        return None;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("tier0-read-{i}"))
        .build()
        .ok()
}

/// Walks `root/content` and `root/themes/<theme>`.
///
/// Fails only when the content folder itself cannot be read; problems with
/// single files are collected in [`Sources::problems`].
pub fn discover(root: &Path, theme: &str) -> io::Result<Sources> {
    let content = root.join(CONTENT_DIR);
    let meta = std::fs::metadata(&content).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot read the content folder {}: {e}", content.display()),
        )
    })?;
    if !meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a folder", content.display()),
        ));
    }
    let mut sources = Sources::default();
    let (markdown, assets) = walk_content(&content, &mut sources.problems);
    sources.assets = assets;
    let landings = crate::landing::landings(markdown.iter().map(String::as_str));

    let read = read_all(
        &content,
        markdown,
        FIRST_READ.swap(false, Ordering::Relaxed),
    );
    let mut texts = Vec::with_capacity(read.len());
    for file in read {
        let (file, problem) = match file {
            Ok(read) => read,
            Err(problem) => {
                sources.problems.push(problem);
                continue;
            }
        };
        texts.push((file.path.clone(), file.text.clone()));
        if let Some(problem) = problem {
            sources.problems.push(problem);
        } else if landings.contains(&file.rel) {
            sources.sections.push(file);
        } else {
            sources.articles.push(file);
        }
    }
    // The paths are sorted: the map is built in one pass, not by inserts.
    sources.texts = texts.into_iter().collect();
    sources.theme = read_theme(&root.join("themes").join(theme))?;
    Ok(sources)
}

/// What reading one Markdown file gives: the file, with the problem of its
/// text if it has one, or why it could not be read.
type FileRead = Result<(SourceFile, Option<Diagnostic>), Diagnostic>;

/// Reads and decodes (a UTF-8 check and a copy of every byte) the files
/// `markdown`, in their order. What the page cache holds is read first by
/// the global pool, without waiting on the disk; the rest by a
/// [`reading_pool`] when there is enough of it (`first_read`: whether this
/// process may have one).
fn read_all(content: &Path, markdown: Vec<String>, first_read: bool) -> Vec<FileRead> {
    let cached = read_cached(content, markdown);
    let missing = cached.iter().filter(|read| read.is_err()).count();
    read_rest(content, cached, reading_pool(missing, first_read))
}

/// The files of `markdown` the page cache holds whole, read and decoded in
/// parallel, each worker reading into one buffer it reuses; the path of
/// each other file, as the error.
fn read_cached(content: &Path, markdown: Vec<String>) -> Vec<Result<FileRead, String>> {
    markdown
        .into_par_iter()
        .map_init(Vec::new, |buffer, rel| {
            match read_without_waiting(&content.join(&rel), buffer) {
                Ok(Some(len)) => Ok(Ok(source_file(rel, &buffer[..len]))),
                Ok(None) => Err(rel),
                Err(e) => Ok(Err(unreadable(&rel, &e))),
            }
        })
        .collect()
}

/// `cached` with the files it lacks read, in `pool` if given.
fn read_rest(
    content: &Path,
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

/// The problem of the Markdown file `rel` (content-relative) that cannot be read.
fn unreadable(rel: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::error(
        Path::new(CONTENT_DIR).join(rel),
        0..0,
        format!("cannot read this file: {e}"),
    )
    .with_help("check the file's permissions")
}

/// The Markdown file `rel` (content-relative) holding `bytes`, with the
/// problem of its text if it has one.
fn source_file(rel: String, bytes: &[u8]) -> (SourceFile, Option<Diagnostic>) {
    let path = Path::new(CONTENT_DIR).join(&rel);
    let (text, problem) = decode(path.clone(), bytes);
    (SourceFile { path, rel, text }, problem)
}

/// Reads and decodes the Markdown file `rel` of `content` through `buffer`:
/// the file, with the problem of its text if it has one, or why it could
/// not be read.
fn read_markdown(content: &Path, rel: String, buffer: &mut Vec<u8>) -> FileRead {
    buffer.clear();
    match std::fs::File::open(content.join(&rel)).and_then(|mut file| file.read_to_end(buffer)) {
        Ok(_) => Ok(source_file(rel, buffer)),
        Err(e) => Err(unreadable(&rel, &e)),
    }
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// `_index.md` or `_index.<lang>.md`.
fn is_section_file(name: &str) -> bool {
    name.strip_prefix("_index")
        .filter(|_| is_markdown(name))
        .map(markdown_stem)
        .is_some_and(|lang| {
            lang.is_empty() || (lang.starts_with('.') && lang.len() > 1 && !lang[1..].contains('.'))
        })
}

/// Whether discovery takes the file at content-relative path `rel` for an
/// article whatever the files beside it (whether it is published depends
/// on its front matter): not a folder's `_index.md`, `index.md` or
/// `README.md`, which may be its landing page.
pub fn may_be_article(rel: &str) -> bool {
    is_markdown(rel)
        && crate::landing::family(file_name(rel)).is_none()
        && !rel.split('/').any(is_skipped)
}

fn is_skipped(name: &str) -> bool {
    (name.starts_with('.') || name.starts_with('_')) && !is_section_file(name)
}

/// Markdown files and assets under `content`, as sorted relative paths.
fn walk_content(content: &Path, problems: &mut Vec<Diagnostic>) -> (Vec<String>, Vec<Asset>) {
    let root = content
        .canonicalize()
        .unwrap_or_else(|_| content.to_path_buf());
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    let mut walker = WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let shown = shown_path(content, e.path().unwrap_or(content));
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
        let name = entry.file_name().to_string_lossy();
        if is_skipped(&name) {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink() {
            let inside = entry
                .path()
                .canonicalize()
                .is_ok_and(|target| target.starts_with(&root));
            if !inside {
                problems.push(
                    Diagnostic::warning(
                        shown_path(content, entry.path()),
                        0..0,
                        "skipped: this symbolic link points outside the content folder",
                    )
                    .with_help("copy the file into content/ instead of linking to it"),
                );
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(rel) = relative(content, entry.path()) else {
            problems.push(Diagnostic::warning(
                shown_path(content, entry.path()),
                0..0,
                "skipped: the file name is not valid Unicode",
            ));
            continue;
        };
        if is_markdown(&rel) {
            markdown.push(rel);
        } else {
            assets.push(Asset {
                rel,
                source: entry.path().to_path_buf(),
            });
        }
    }
    // The walk sorts each folder's names, which is not the order of whole
    // paths (`a/x.png` comes before `a-b.png`, though `-` sorts before
    // `/`); binary searches over the assets need the order of whole paths.
    markdown.sort_unstable();
    assets.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    (markdown, assets)
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

fn relative(content: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(content).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn shown_path(content: &Path, path: &Path) -> PathBuf {
    Path::new(CONTENT_DIR).join(path.strip_prefix(content).unwrap_or(path))
}

/// The text of a file, and a located problem when it is not valid UTF-8
/// text or holds a NUL character.
fn decode(path: PathBuf, bytes: &[u8]) -> (Arc<str>, Option<Diagnostic>) {
    match std::str::from_utf8(bytes) {
        // A NUL is valid UTF-8, but no text file holds one: it marks a
        // binary or corrupted file. Markdown would pass it through to the
        // pages (CommonMark only asks renderers to replace it), and YAML
        // refuses it without saying where; stop here with its position.
        Ok(text) => {
            let problem = text.find('\0').map(|at| {
                Diagnostic::error(
                    path,
                    at..at + 1,
                    "this file contains a NUL character (byte 0), which text never holds",
                )
                .with_help("remove it; binary files must not end in .md")
            });
            (Arc::from(text), problem)
        }
        Err(e) => {
            let at = e.valid_up_to();
            let text: Arc<str> = Arc::from(String::from_utf8_lossy(bytes));
            let problem = Diagnostic::error(path, at..at, "this file is not valid UTF-8 text")
                .with_help(
                    "save the file as UTF-8 in your editor (binary files must not end in .md)",
                );
            (text, Some(problem))
        }
    }
}

/// Every file of the site's theme folder, by `/`-separated path inside it.
fn read_theme(dir: &Path) -> io::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in WalkDir::new(dir).sort_by_file_name().min_depth(1) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_file()
            && let Some(rel) = relative(dir, entry.path())
        {
            files.insert(rel, std::fs::read(entry.path())?);
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        dir
    }

    #[test]
    fn large_sites_are_read_by_more_threads_than_cores() {
        let cores = rayon::current_num_threads();
        assert!(reading_pool(cores * FILES_PER_READER, true).is_none());
        assert!(reading_pool(100 * FILES_PER_READER, false).is_none());
        if cores < MAX_READERS {
            let pool = reading_pool(100 * FILES_PER_READER, true);
            assert_eq!(pool.map(|p| p.current_num_threads()), Some(MAX_READERS));
        }
        // Read through that pool, every file arrives, in order, intact.
        let count = (cores + 1) * FILES_PER_READER;
        let dir = tempfile::tempdir().unwrap();
        for i in 0..count {
            let folder = dir.path().join("content").join(format!("c{}", i % 7));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join(format!("a{i:05}.md")), format!("body {i}")).unwrap();
        }
        let content = dir.path().join("content");
        let (markdown, _) = walk_content(&content, &mut Vec::new());
        let pool = reading_pool(count, true);
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
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let markdown: Vec<String> = (0..40).map(|i| format!("a{i:02}.md")).collect();
        for (i, rel) in markdown.iter().enumerate() {
            std::fs::write(content.join(rel), format!("body {i}")).unwrap();
        }
        let read = read_all(&content, markdown.clone(), false);
        let texts: Vec<String> = read
            .iter()
            .map(|r| r.as_ref().unwrap().0.text.to_string())
            .collect();
        let expected: Vec<String> = (0..40).map(|i| format!("body {i}")).collect();
        assert_eq!(texts, expected);
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

    #[test]
    fn sorts_articles_sections_and_assets() {
        let files: [(&str, &[u8]); 8] = [
            ("content/red/b.md", b"b"),
            ("content/red/a.md", b"a"),
            ("content/red/_index.md", b"i"),
            ("content/red/_index.en.md", b"i"),
            ("content/red/router.png", b"png"),
            ("content/.git/x.md", b"x"),
            ("content/_drafts/y.md", b"y"),
            ("content/red/_notes.md", b"z"),
        ];
        let dir = site(&files);
        let s = discover(dir.path(), "default").unwrap();
        let rels: Vec<_> = s.articles.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["red/a.md", "red/b.md"]);
        for (path, _) in files {
            let rel = &path["content/".len()..];
            assert_eq!(may_be_article(rel), rels.contains(&rel), "{rel}");
        }
        let sections: Vec<_> = s.sections.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(sections, ["red/_index.en.md", "red/_index.md"]);
        assert_eq!(s.assets.len(), 1);
        assert_eq!(s.assets[0].rel, "red/router.png");
        assert!(s.problems.is_empty());
    }

    #[test]
    fn assets_are_in_the_order_of_whole_paths() {
        let dir = site(&[
            ("content/a/x.png", b"x"),
            ("content/a-b.png", b"b"),
            ("content/a.png", b"a"),
        ]);
        let s = discover(dir.path(), "default").unwrap();
        let rels: Vec<_> = s.assets.iter().map(|a| a.rel.as_str()).collect();
        assert_eq!(rels, ["a-b.png", "a.png", "a/x.png"]);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let dir = site(&[("content/bad.md", b"---\ntitle: \xff\n---\n")]);
        let s = discover(dir.path(), "default").unwrap();
        assert!(s.articles.is_empty());
        assert_eq!(s.problems.len(), 1);
        assert_eq!(s.problems[0].span, 11..11);
        assert_eq!(s.problems[0].path, Path::new("content/bad.md"));
    }

    #[test]
    fn nul_characters_are_located() {
        let dir = site(&[("content/nul.md", b"---\ntitle: a\n---\nx \0 y\n")]);
        let s = discover(dir.path(), "default").unwrap();
        assert!(s.articles.is_empty());
        assert_eq!(s.problems.len(), 1);
        assert_eq!(s.problems[0].span, 19..20);
        assert!(s.problems[0].message.contains("NUL"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_content_and_loops_are_refused() {
        let dir = site(&[("content/a.md", b"a"), ("secret.md", b"s")]);
        std::os::unix::fs::symlink(
            dir.path().join("secret.md"),
            dir.path().join("content/leak.md"),
        )
        .unwrap();
        std::os::unix::fs::symlink(dir.path().join("content"), dir.path().join("content/loop"))
            .unwrap();
        let s = discover(dir.path(), "default").unwrap();
        let rels: Vec<_> = s.articles.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(rels, ["a.md"]);
        assert_eq!(s.problems.len(), 2, "{:?}", s.problems);
    }

    #[test]
    fn missing_content_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = discover(dir.path(), "default").unwrap_err();
        assert!(err.to_string().contains("content"));
    }
}

//! The Markdown sources as last read, so that a dev server's rebuild reads
//! again only the files that changed.
//!
//! A file is taken from the last read when its [`Stamp`] is what it was
//! then: its length and modification time, and on Unix its device, inode
//! and status-change time (which an editor's save by rename, a `touch` or a
//! `chmod` all move). Nothing is trusted from the file watcher: every file
//! is stamped on every rebuild, a `stat` costing a tenth of a read.
//!
//! A file modified less than [`SETTLED`] before it was read is read again
//! next time, whatever its stamp: file systems keep modification times at a
//! coarse grain (a kernel tick, a second, two seconds on FAT), so a second
//! edit of the same length within the same grain would leave the stamp as
//! it was. Git treats such "racily clean" entries the same way.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;

use super::read::FileRead;
use super::{ContentFolder, SourceFile};

/// How long after its last modification a file's stamp is trusted.
const SETTLED: Duration = Duration::from_secs(2);

/// What says that a file has not changed since it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
    /// Device, inode and status-change time (seconds, nanoseconds).
    #[cfg(unix)]
    identity: (u64, u64, i64, i64),
}

impl Stamp {
    /// The stamp of the file at `path` (followed if a link, as reading
    /// does), or `None` if it cannot be stamped.
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok()?,
            #[cfg(unix)]
            identity: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino(), meta.ctime(), meta.ctime_nsec())
            },
        })
    }

    /// Whether the file was last modified long enough before `read_at` for
    /// the stamp to tell a later change.
    fn settled(&self, read_at: SystemTime) -> bool {
        read_at
            .duration_since(self.modified)
            .is_ok_and(|age| age >= SETTLED)
    }
}

/// The files of the last read whose stamps were settled, by
/// content-relative path.
#[derive(Debug, Default)]
pub struct Known {
    /// The content folder they were read from: a file of another is not
    /// known, even at the same relative path with the same stamp (a folder
    /// renamed keeps its files' stamps, not their shown paths).
    folder: Option<ContentFolder>,
    files: HashMap<String, (Stamp, SourceFile)>,
    /// The symbolic links the last walk followed: each link's path and
    /// the real path it leads to, relative to the content folder.
    pub(super) links: Vec<(String, String)>,
}

impl Known {
    /// The other paths (relative to the content folder) at which the last
    /// walk found the file or folder at `rel`: through a symbolic link to
    /// it or to a folder that holds it. A change the file watcher reports
    /// at `rel` is a change at each of them too, since the watcher names
    /// only the real path.
    pub fn read_through(&self, rel: &str) -> Vec<String> {
        self.links
            .iter()
            .filter_map(|(link, target)| {
                let rest = rel.strip_prefix(target.as_str())?;
                (rest.is_empty() || rest.starts_with('/')).then(|| format!("{link}{rest}"))
            })
            .collect()
    }

    /// Each file of `markdown` (content-relative paths of `folder`), in
    /// order: as last read if its stamp is unchanged, else through `read`,
    /// which gets the others in order and returns one result for each.
    /// What is known is replaced by what this read found.
    pub(super) fn read_all(
        &mut self,
        folder: &ContentFolder,
        markdown: Vec<String>,
        read: impl FnOnce(Vec<String>) -> Vec<FileRead>,
    ) -> Vec<FileRead> {
        if self.folder.as_ref() != Some(folder) {
            self.files.clear();
            self.folder = Some(folder.clone());
        }
        let read_at = SystemTime::now();
        // Stamped before reading: a change made while reading leaves an
        // older stamp, which the next read finds changed.
        let stamped: Vec<(String, Option<Stamp>)> = markdown
            .into_par_iter()
            .map(|rel| {
                let stamp = Stamp::of(&folder.file(&rel));
                (rel, stamp)
            })
            .collect();
        let mut results: Vec<Option<FileRead>> = Vec::with_capacity(stamped.len());
        let mut unknown = Vec::new();
        for (i, (rel, stamp)) in stamped.iter().enumerate() {
            match (stamp, self.files.get(rel)) {
                (Some(now), Some((then, file))) if now == then => {
                    results.push(Some(Ok((file.clone(), None))));
                }
                _ => {
                    results.push(None);
                    unknown.push(i);
                }
            }
        }
        let asked = unknown.iter().map(|&i| stamped[i].0.clone()).collect();
        for (i, fresh) in unknown.into_iter().zip(read(asked)) {
            results[i] = Some(fresh);
        }
        self.files = stamped
            .into_iter()
            .zip(&results)
            .filter_map(|((rel, stamp), result)| match (stamp, result) {
                (Some(stamp), Some(Ok((file, None)))) if stamp.settled(read_at) => {
                    Some((rel, (stamp, file.clone())))
                }
                _ => None,
            })
            .collect();
        results.into_iter().flatten().collect()
    }
}

#[cfg(test)]
mod tests {
    use std::fs::File;
    use std::sync::Arc;

    use super::*;

    /// Writes `text` at `path`, modified `age` ago.
    fn write_aged(path: &Path, text: &str, age: Duration) {
        std::fs::write(path, text).unwrap();
        let file = File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - age).unwrap();
    }

    /// Reads `markdown` through `known`, and the paths read from the disk.
    fn read(known: &mut Known, content: &Path, markdown: &[&str]) -> (Vec<FileRead>, Vec<String>) {
        read_from(known, &ContentFolder::shown_as_default(content), markdown)
    }

    /// [`read`] from `folder`.
    fn read_from(
        known: &mut Known,
        folder: &ContentFolder,
        markdown: &[&str],
    ) -> (Vec<FileRead>, Vec<String>) {
        let mut asked = Vec::new();
        let markdown = markdown.iter().map(|m| m.to_string()).collect();
        let read = known.read_all(folder, markdown, |rest| {
            asked.clone_from(&rest);
            super::super::read::read_all(folder, rest, super::super::Reading::Again)
        });
        (read, asked)
    }

    fn texts(read: &[FileRead]) -> Vec<String> {
        read.iter()
            .map(|r| r.as_ref().unwrap().0.text.to_string())
            .collect()
    }

    #[test]
    fn only_files_whose_stamp_changed_are_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path();
        let old = Duration::from_secs(60);
        for name in ["a.md", "b.md", "c.md"] {
            write_aged(&content.join(name), &format!("{name} v1"), old);
        }
        let mut known = Known::default();
        let all = ["a.md", "b.md", "c.md"];
        let (first, asked) = read(&mut known, content, &all);
        assert_eq!(asked, all);
        assert_eq!(texts(&first), ["a.md v1", "b.md v1", "c.md v1"]);

        let (second, asked) = read(&mut known, content, &all);
        assert!(asked.is_empty(), "{asked:?}");
        assert_eq!(texts(&second), texts(&first));
        let same_text = |a: &FileRead, b: &FileRead| {
            Arc::ptr_eq(&a.as_ref().unwrap().0.text, &b.as_ref().unwrap().0.text)
        };
        assert!(first.iter().zip(&second).all(|(a, b)| same_text(a, b)));

        write_aged(&content.join("b.md"), "b.md v2, longer", old);
        let (third, asked) = read(&mut known, content, &all);
        assert_eq!(asked, ["b.md"]);
        assert_eq!(texts(&third), ["a.md v1", "b.md v2, longer", "c.md v1"]);
    }

    #[test]
    #[cfg(unix)]
    fn a_change_that_keeps_the_length_and_modification_time_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        write_aged(&path, "v1", Duration::from_secs(60));
        let mut known = Known::default();
        read(&mut known, dir.path(), &["a.md"]);
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::fs::write(&path, "v2").unwrap();
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        // The status-change time tells.
        let (again, asked) = read(&mut known, dir.path(), &["a.md"]);
        assert_eq!(asked, ["a.md"]);
        assert_eq!(texts(&again), ["v2"]);
    }

    #[test]
    fn a_file_modified_moments_before_it_was_read_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path();
        write_aged(&content.join("new.md"), "v1", Duration::ZERO);
        write_aged(&content.join("old.md"), "v1", Duration::from_secs(60));
        let mut known = Known::default();
        let all = ["new.md", "old.md"];
        read(&mut known, content, &all);
        let (_, asked) = read(&mut known, content, &all);
        assert_eq!(asked, ["new.md"]);
    }

    #[test]
    fn files_gone_unreadable_or_with_problems_are_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path();
        let old = Duration::from_secs(60);
        write_aged(&content.join("a.md"), "a", old);
        write_aged(&content.join("nul.md"), "a\0b", old);
        let mut known = Known::default();
        let (first, _) = read(&mut known, content, &["a.md", "nul.md", "missing.md"]);
        assert!(first[0].as_ref().unwrap().1.is_none());
        assert!(first[1].as_ref().unwrap().1.is_some());
        assert!(first[2].is_err());
        let (again, asked) = read(&mut known, content, &["a.md", "nul.md", "missing.md"]);
        assert_eq!(asked, ["nul.md", "missing.md"]);
        assert!(again[1].as_ref().unwrap().1.is_some());

        std::fs::remove_file(content.join("a.md")).unwrap();
        let (gone, asked) = read(&mut known, content, &["a.md"]);
        assert_eq!(asked, ["a.md"]);
        assert!(gone[0].is_err());
    }

    #[test]
    fn files_of_another_content_folder_are_read_again() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("docs")).unwrap();
        write_aged(&dir.path().join("docs/a.md"), "a", SETTLED * 2);
        let mut known = Known::default();
        let docs = ContentFolder::new(dir.path(), Path::new("docs"));
        read_from(&mut known, &docs, &["a.md"]);
        assert!(read_from(&mut known, &docs, &["a.md"]).1.is_empty());
        // The folder renamed: its files keep their stamps.
        std::fs::rename(dir.path().join("docs"), dir.path().join("kb")).unwrap();
        let kb = ContentFolder::new(dir.path(), Path::new("kb"));
        let (read, asked) = read_from(&mut known, &kb, &["a.md"]);
        assert_eq!(asked, ["a.md"]);
        assert_eq!(read[0].as_ref().unwrap().0.path, Path::new("kb/a.md"));
    }
}

//! Previews set aside while a site is rendered.
//!
//! Each of the help widget's files holds the previews of articles spread
//! over the whole site, so none can be written before every page is
//! rendered: a build holds every article's preview until then, about 1 GB
//! at 100,000 articles. It writes each one, as its page is rendered, to an
//! unnamed temporary file in the state folder instead, and reads them back
//! for the widget: they wait in that file (the page cache, which the
//! system may write out) rather than in the build's memory. The file has
//! no name, so a build that fails or is killed leaves nothing behind.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::render::KeepPreviews;
use crate::render::widget::Previews;

/// Previews being set aside, as [`KeepPreviews`] for the article pages.
pub struct SpilledPreviews {
    /// The file, and how many bytes were written to it.
    file: Mutex<(BufWriter<File>, u64)>,
    /// Where each article's preview is in the file: offset and length.
    at: Vec<OnceLock<(u64, usize)>>,
    /// The folder of the file, for errors.
    dir: PathBuf,
}

impl SpilledPreviews {
    /// An empty file in `dir` for the previews of `articles` articles.
    pub fn create(dir: &Path, articles: usize) -> io::Result<Self> {
        let file = tempfile::tempfile_in(dir).map_err(|e| failed(dir, e))?;
        Ok(Self {
            file: Mutex::new((BufWriter::with_capacity(1 << 20, file), 0)),
            at: (0..articles).map(|_| OnceLock::new()).collect(),
            dir: dir.to_owned(),
        })
    }

    /// The previews set aside, to be read back.
    pub fn finish(self) -> io::Result<SetAside> {
        let (writer, _) = self
            .file
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let file = writer
            .into_inner()
            .map_err(|e| failed(&self.dir, e.into_error()))?;
        Ok(SetAside {
            file: Mutex::new(file),
            at: self.at.into_iter().map(OnceLock::into_inner).collect(),
            dir: self.dir,
        })
    }
}

impl KeepPreviews for SpilledPreviews {
    fn keep(&self, index: usize, preview: Vec<u8>) -> io::Result<()> {
        let at = {
            let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
            let (writer, written) = &mut *file;
            writer
                .write_all(&preview)
                .map_err(|e| failed(&self.dir, e))?;
            let at = *written;
            *written += preview.len() as u64;
            at
        };
        // An article is rendered once: a second preview would be the same.
        let _ = self.at[index].set((at, preview.len()));
        Ok(())
    }
}

/// The previews a build set aside, read back for the widget's files.
pub struct SetAside {
    file: Mutex<File>,
    at: Vec<Option<(u64, usize)>>,
    dir: PathBuf,
}

impl Previews for SetAside {
    fn append(&self, index: usize, out: &mut Vec<u8>) -> io::Result<()> {
        let Some((at, len)) = self.at.get(index).copied().flatten() else {
            return Err(failed(
                &self.dir,
                io::Error::other(format!("article {index} has no preview")),
            ));
        };
        let start = out.len();
        out.resize(start + len, 0);
        let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        file.seek(SeekFrom::Start(at))
            .and_then(|_| file.read_exact(&mut out[start..]))
            .map_err(|e| failed(&self.dir, e))
    }
}

/// `e`, said of the previews' file in `dir`.
fn failed(dir: &Path, e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "cannot set the help widget's previews aside in `{}`: {e}",
            dir.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_set_aside_read_back_as_kept_in_any_order() {
        let dir = tempfile::tempdir().unwrap();
        let spilled = SpilledPreviews::create(dir.path(), 4).unwrap();
        // Kept from several threads, out of order, one of them empty.
        std::thread::scope(|s| {
            s.spawn(|| spilled.keep(2, b"{\"c\":3}".to_vec()).unwrap());
            s.spawn(|| spilled.keep(0, b"{\"a\":1}".to_vec()).unwrap());
        });
        spilled.keep(3, Vec::new()).unwrap();
        let set_aside = spilled.finish().unwrap();
        let mut out = b"[".to_vec();
        for index in [3, 0, 2, 0] {
            set_aside.append(index, &mut out).unwrap();
        }
        assert_eq!(out, b"[{\"a\":1}{\"c\":3}{\"a\":1}");
        let missing = set_aside.append(1, &mut out).unwrap_err();
        assert!(missing.to_string().contains("article 1 has no preview"));
        // The file has no name: nothing is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}

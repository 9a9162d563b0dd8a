//! The build cache: what `tier0 build` keeps between builds, so that the
//! page of an article whose page would come out the same is kept from the
//! last build instead of being rendered again.
//!
//! It is one file beside the output, `.tier0/<out>/cache` (see
//! [`crate::write::state_dir`]), and safe to delete: without it the build
//! renders everything, as `--no-cache` does. It holds
//!
//! - a header: [`MAGIC`] with the format version, and the digest of the
//!   frame of every page ([`digest::frame`]: the configuration, sections,
//!   home pages and assets, with the theme, the build options and this
//!   binary). A cache made for another frame is not read at all;
//! - for each article rendered, what rendering gave besides its page: the
//!   search sections, anchors, links and assets of its body and its help
//!   widget preview (postcard, then LZ4);
//! - an index: for each article's source path, the digest of what its page
//!   shows ([`digest::page`]), the stamp of its page in the output (length,
//!   modification time, inode, status-change time), where its record is and the BLAKE3 hash of
//!   its bytes. A record whose bytes do not have that hash (a flipped bit
//!   on the disk, a torn write) is a miss: the article is rendered again,
//!   and nothing of the damaged record reaches the site.
//!
//! An article is recalled when both still hold: its page's digest is the
//! same, and its page in the output has the stamp recorded, so a page
//! changed in place after the build (by a minifier, by hand) is rendered
//! again. The warnings rendering found (broken links) are kept with the
//! rest and given again by every build that keeps the page; an article
//! with an error is never kept.
//!
//! The new cache is written aside while the site is rendered, in a file
//! named [`TEMP_PREFIX`]…, and renamed over the old one once the new site is
//! in place. Such files left by killed builds are deleted by the next build
//! of the output, which holds its lock: no other build is writing one. A build killed before
//! that leaves the old cache, whose records still describe the pages they
//! kept: the pages rendered since have other inodes.

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use search_index::Section;
use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::link::SiteModel;
use crate::plan::digest::{self, Digest};
use crate::render::markdown::{AnchorLink, RenderedBody};
use crate::render::{Memo, Recalled, theme::Theme};
use crate::write::{OutputClaim, open_state_file};

/// The first bytes of a cache file, with its format version.
const MAGIC: &[u8; 20] = b"tier0 build cache 3\n";
/// The cache file's name in the output's state folder.
const FILE: &str = "cache";
/// How the names of the cache files being written begin.
const TEMP_PREFIX: &str = ".cache.tier0-";
/// Where the index's offset is written, after the magic and the frame.
const INDEX_AT: u64 = MAGIC.len() as u64 + 32;

/// The frame digest of a build of `model` with `theme`; `options` are the
/// build options that shape it, as text. This binary is part of it: a
/// cache is never read by another build of tier0, even of the same version.
pub fn frame(model: &SiteModel, theme: &Theme, options: &str) -> Digest {
    let binary = digest::binary();
    digest::frame(
        model,
        &[
            ("version", env!("CARGO_PKG_VERSION").as_bytes()),
            ("binary", binary.as_bytes()),
            ("theme", &theme.digest),
            ("options", options.as_bytes()),
        ],
    )
}

/// The stamp of a file: what changes when it is written or replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: (u64, u32),
    inode: u64,
    /// The status-change time (seconds, nanoseconds), which no one can set:
    /// a page rewritten in place with its length and modification time put
    /// back (`cp --preserve=timestamps`, `touch -r`) still moves it.
    changed: (i64, i64),
}

impl Stamp {
    /// The stamp of the regular file at `path` (never followed through a link).
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt;
            (meta.ino(), (meta.ctime(), meta.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, (0, 0));
        Some(Self {
            len: meta.len(),
            modified: (modified.as_secs(), modified.subsec_nanos()),
            inode,
            changed,
        })
    }
}

/// What the index says of one article.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    key: Digest,
    page: Stamp,
    record: (u64, u64),
    /// The BLAKE3 hash of the record's bytes.
    check: Digest,
}

/// An article's record, as written: borrowed from what was rendered.
#[derive(Serialize)]
struct RecordOut<'a> {
    sections: &'a [Section],
    anchors: &'a BTreeSet<String>,
    /// Links into other articles' anchors: target's source, anchor, span.
    anchor_links: Vec<(&'a str, &'a str, usize, usize)>,
    article_links: &'a [String],
    assets: &'a [String],
    preview: &'a [u8],
    /// Its warnings (broken links): path, span, message, help.
    warnings: Vec<(&'a str, usize, usize, &'a str, Option<&'a str>)>,
}

/// An article's record, as read: the same fields as [`RecordOut`].
#[derive(Deserialize)]
struct RecordIn {
    sections: Vec<Section>,
    anchors: BTreeSet<String>,
    anchor_links: Vec<(String, String, usize, usize)>,
    article_links: Vec<String>,
    assets: Vec<String>,
    preview: Vec<u8>,
    warnings: Vec<(String, usize, usize, String, Option<String>)>,
}

/// The cache of the last build, as read.
struct Earlier {
    bytes: Vec<u8>,
    entries: HashMap<String, Entry>,
}

impl Earlier {
    /// The cache at `path` if it was made for `frame`; `None` if there is
    /// none, or it is for another frame, or unreadable in any way.
    fn read(path: &Path, frame: &Digest) -> Option<Self> {
        let mut file = open_state_file(path, std::fs::OpenOptions::new().read(true)).ok()?;
        let mut head = [0; INDEX_AT as usize + 8];
        file.read_exact(&mut head).ok()?;
        if &head[..MAGIC.len()] != MAGIC || &head[MAGIC.len()..INDEX_AT as usize] != frame {
            return None;
        }
        let mut bytes = head.to_vec();
        file.read_to_end(&mut bytes).ok()?;
        let at = u64::from_le_bytes(head[INDEX_AT as usize..].try_into().ok()?);
        let index = bytes.get(usize::try_from(at).ok()?..)?;
        let entries = postcard::from_bytes(index).ok()?;
        Some(Self { bytes, entries })
    }

    /// The record of `entry`, as stored, if its bytes are those written.
    fn packed(&self, entry: &Entry) -> Option<&[u8]> {
        let (at, len) = entry.record;
        let start = usize::try_from(at).ok()?;
        let end = start.checked_add(usize::try_from(len).ok()?)?;
        let packed = self.bytes.get(start..end)?;
        (*blake3::hash(packed).as_bytes() == entry.check).then_some(packed)
    }

    /// The record of `entry`, decoded.
    #[cfg(test)]
    fn record(&self, entry: &Entry) -> Option<RecordIn> {
        decode(self.packed(entry)?)
    }
}

/// A record as stored, decoded.
fn decode(packed: &[u8]) -> Option<RecordIn> {
    let (size, packed) = lz4_flex::block::uncompressed_size(packed).ok()?;
    // A damaged size must not ask for gigabytes: LZ4 expands 255 times at most.
    if size > packed.len().saturating_mul(255) {
        return None;
    }
    postcard::from_bytes(&lz4_flex::decompress(packed, size).ok()?).ok()
}

/// What the cache being written holds of an article.
#[derive(Debug, Clone, Copy)]
struct Slot {
    key: Digest,
    record: (u64, u64),
    check: Digest,
    recalled: bool,
}

/// The cache being written: records as they come, the index at the end.
struct Writer {
    file: io::BufWriter<tempfile::NamedTempFile>,
    at: u64,
    /// For each article of the model, once it has one: its key, its
    /// record, and whether that was recalled (not rendered).
    slots: Vec<Option<Slot>>,
}

impl Writer {
    fn create(state: &Path, frame: &Digest, articles: usize) -> io::Result<Self> {
        let file = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .tempfile_in(state)?;
        let mut file = io::BufWriter::new(file);
        file.write_all(MAGIC)?;
        file.write_all(frame)?;
        file.write_all(&0u64.to_le_bytes())?;
        Ok(Self {
            file,
            at: INDEX_AT + 8,
            slots: vec![None; articles],
        })
    }

    /// Adds `record`, whose BLAKE3 digest is `check` when known.
    fn add(
        &mut self,
        index: usize,
        key: Digest,
        record: &[u8],
        check: Option<Digest>,
        recalled: bool,
    ) -> io::Result<()> {
        self.file.write_all(record)?;
        self.slots[index] = Some(Slot {
            key,
            record: (self.at, record.len() as u64),
            check: check.unwrap_or_else(|| *blake3::hash(record).as_bytes()),
            recalled,
        });
        self.at += record.len() as u64;
        Ok(())
    }
}

/// The build cache during one build: the last build's, read, and the next
/// one's, being written. [`Memo`] for [`crate::render::articles`].
pub struct BuildCache<'a> {
    model: &'a SiteModel,
    /// The output folder, where the kept pages are.
    out: PathBuf,
    /// The digest of each article's text.
    texts: Vec<Digest>,
    earlier: Option<Earlier>,
    /// The cache being written, or the first error writing it: the build
    /// goes on without a cache.
    writer: Mutex<io::Result<Writer>>,
}

impl<'a> BuildCache<'a> {
    /// The cache of the output `out`, claimed by `claim`, for a build of
    /// `model` framed as `frame` ([`digest::frame`]). With `read` false,
    /// nothing of the last build is reused (`--no-cache`); the cache is
    /// written all the same. Cache files that killed builds were writing
    /// are deleted: the claim's lock says no other build is writing one.
    pub fn open(
        claim: &OutputClaim,
        out: &Path,
        model: &'a SiteModel,
        frame: &Digest,
        read: bool,
    ) -> Self {
        let state = claim.state();
        remove_stale(state);
        let path = state.join(FILE);
        // Without the output there is no page to keep.
        let earlier = (read && out.is_dir())
            .then(|| Earlier::read(&path, frame))
            .flatten();
        let writer =
            Writer::create(state, frame, model.articles.len()).map_err(|e| located(e, state));
        Self {
            model,
            out: out.to_path_buf(),
            texts: digest::texts(model),
            earlier,
            writer: Mutex::new(writer),
        }
    }

    /// Adds a record to the cache being written, or records why it cannot be.
    fn add(
        &self,
        index: usize,
        key: Digest,
        record: io::Result<&[u8]>,
        check: Option<Digest>,
        recalled: bool,
    ) {
        let mut writer = self
            .writer
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Ok(w) = writer.as_mut()
            && let Err(e) = record.and_then(|r| w.add(index, key, r, check, recalled))
        {
            *writer = Err(located(e, &self.out));
        }
    }

    /// What [`Pending::save`] needs once the model is gone (each article's
    /// source and page path), and how many article pages were recalled.
    pub fn finish(self) -> (Pending, usize) {
        let writer = self
            .writer
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let pages = self
            .model
            .articles
            .iter()
            .map(|a| (a.article.rel.clone(), format!("{}index.html", a.path)))
            .collect();
        let recalled = writer.as_ref().map_or(0, |w| {
            w.slots
                .iter()
                .filter(|slot| slot.is_some_and(|s| s.recalled))
                .count()
        });
        let pending = Pending {
            out: self.out,
            writer,
            pages,
        };
        (pending, recalled)
    }

    /// The page digest of article `index` with the links `links`.
    fn key(&self, index: usize, links: &[String]) -> Digest {
        digest::page(self.model, index, links, &self.texts)
    }
}

impl Memo for BuildCache<'_> {
    fn recall(&self, index: usize) -> Option<Recalled> {
        let earlier = self.earlier.as_ref()?;
        let linked = &self.model.articles[index];
        let entry = earlier.entries.get(&linked.article.rel)?;
        // The stamp first: it needs no decoding.
        let page = self.out.join(format!("{}index.html", linked.path));
        if Stamp::of(&page) != Some(entry.page) {
            return None;
        }
        // Checked once: the digest verified here goes into the next cache.
        let packed = earlier.packed(entry)?;
        let record = decode(packed)?;
        let key = self.key(index, &record.article_links);
        if key != entry.key {
            return None;
        }
        let anchor_links = record
            .anchor_links
            .into_iter()
            .map(|(target, anchor, start, end)| {
                Some(AnchorLink {
                    target: self.model.article_by_source(&target)?,
                    anchor,
                    span: start..end,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let diagnostics = record
            .warnings
            .into_iter()
            .map(|(path, start, end, message, help)| Diagnostic {
                help,
                ..Diagnostic::warning(path, start..end, message)
            })
            .collect();
        self.add(index, key, Ok(packed), Some(entry.check), true);
        Some(Recalled {
            body: RenderedBody {
                sections: record.sections,
                anchors: record.anchors,
                anchor_links,
                article_links: record.article_links,
                assets: record.assets,
                diagnostics,
                ..RenderedBody::default()
            },
            preview: record.preview,
        })
    }

    fn remember(&self, index: usize, body: &RenderedBody, preview: &[u8]) {
        let warnings = body
            .diagnostics
            .iter()
            .map(|d| {
                let path = d.path.to_str().filter(|_| !d.is_error())?;
                let help = d.help.as_deref();
                Some((path, d.span.start, d.span.end, d.message.as_str(), help))
            })
            .collect::<Option<Vec<_>>>();
        // An error, or a path that is not UTF-8: rendered again next time.
        let Some(warnings) = warnings else {
            return;
        };
        let model = self.model;
        let record = RecordOut {
            sections: &body.sections,
            anchors: &body.anchors,
            anchor_links: body
                .anchor_links
                .iter()
                .map(|l| {
                    let Range { start, end } = l.span;
                    let target = model.articles[l.target].article.rel.as_str();
                    (target, l.anchor.as_str(), start, end)
                })
                .collect(),
            article_links: &body.article_links,
            assets: &body.assets,
            preview,
            warnings,
        };
        let packed = postcard::to_allocvec(&record)
            .map(|bytes| lz4_flex::compress_prepend_size(&bytes))
            .map_err(io::Error::other);
        let key = self.key(index, &body.article_links);
        match packed {
            Ok(bytes) => self.add(index, key, Ok(&bytes), None, false),
            Err(e) => self.add(index, key, Err(e), None, false),
        }
    }
}

/// A build cache waiting for the new site to be in place.
pub struct Pending {
    out: PathBuf,
    writer: io::Result<Writer>,
    /// Each article's source and page path, in model order.
    pages: Vec<(String, String)>,
}

impl Pending {
    /// Writes the index, with the stamps of the pages now in the output, and
    /// puts the cache in place in `state`.
    pub fn save(self, state: &Path) -> io::Result<()> {
        let writer = self.writer?;
        let entries: HashMap<&str, Entry> = writer
            .slots
            .iter()
            .zip(&self.pages)
            .filter_map(|(slot, (rel, page))| {
                let Slot {
                    key, record, check, ..
                } = (*slot)?;
                let page = Stamp::of(&self.out.join(page))?;
                let entry = Entry {
                    key,
                    page,
                    record,
                    check,
                };
                Some((rel.as_str(), entry))
            })
            .collect();
        let index = postcard::to_allocvec(&entries).map_err(io::Error::other)?;
        let path = state.join(FILE);
        let mut file = writer.file;
        let written = file
            .write_all(&index)
            .and_then(|()| file.seek(SeekFrom::Start(INDEX_AT)))
            .and_then(|_| file.write_all(&writer.at.to_le_bytes()))
            .and_then(|()| file.into_inner().map_err(io::IntoInnerError::into_error));
        let file = written.map_err(|e| located(e, &path))?;
        file.persist(&path).map_err(|e| located(e.error, &path))?;
        Ok(())
    }
}

/// Deletes the cache files that builds killed while writing them left in
/// `state`: regular files named as tier0 names them, nothing else.
fn remove_stale(state: &Path) {
    let Ok(entries) = std::fs::read_dir(state) else {
        return;
    };
    for entry in entries.flatten() {
        let ours = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(TEMP_PREFIX));
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// `e`, saying which cache it concerns and that the build is not harmed.
fn located(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "cannot write the build cache beside `{}`: {e}; the next build renders every \
             page again",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests;

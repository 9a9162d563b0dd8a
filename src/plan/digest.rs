//! What an article page depends on, as digests: the keys of the build
//! cache (the `cache` module, which uses them).
//!
//! The dev server compares the model of its last build with the new one
//! ([`super::pages`]); a later `tier0 build` has no earlier model, only
//! what the last build wrote down. So the same notions are made into
//! hashes here: [`frame`] covers what every page shows (the
//! configuration, the sections as [`super::same_frame`] compares them,
//! the home pages, the assets) with what the caller adds (the theme, the
//! build options, the binary); [`page`] covers what the page of one
//! article shows besides: its own text and path, its audience, state,
//! title and id (which other files may decide), its translations, the articles shown
//! with it, and where each of its links leads.
//!
//! Values are hashed through their `Debug` form, which quotes and escapes
//! strings, so no two different inputs run together.

use std::fmt::{self, Write};

use rayon::prelude::*;

use crate::link::{LinkTarget, SiteModel};

/// A BLAKE3 digest.
pub type Digest = [u8; 32];

/// A hasher that formatted values are written into.
struct Hashing(blake3::Hasher);

impl Hashing {
    fn new(domain: &str) -> Self {
        let mut hasher = blake3::Hasher::new();
        hasher.update(domain.as_bytes());
        Self(hasher)
    }

    fn finish(&self) -> Digest {
        self.0.finalize().into()
    }
}

impl Write for Hashing {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// This binary as its file is now (length, modification time, inode):
/// what a build keeps from an earlier one is keyed by it, so that another
/// build of tier0, even of the same version, never reads it.
pub fn binary() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|meta| {
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let inode = 0;
            format!("{} {:?} {inode}", meta.len(), meta.modified().ok())
        })
        .unwrap_or_default()
}

/// The digest of what frames every article page of `model`, with `more`
/// (each part named, so that no two parts run together).
pub fn frame(model: &SiteModel, more: &[(&str, &[u8])]) -> Digest {
    let mut h = Hashing::new("tier0 frame\n");
    // Writing into a hasher cannot fail.
    let _ = write!(
        h,
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n",
        model.config, model.urls, model.audience, model.homes, model.assets
    );
    for s in &model.sections {
        let _ = writeln!(h, "{:?}", super::frame(s));
    }
    for (name, bytes) in more {
        let _ = writeln!(h, "{name:?} {}", bytes.len());
        h.0.update(bytes);
    }
    h.finish()
}

/// The digest of each article's text, with the files it includes put in,
/// in [`SiteModel::articles`] order.
pub fn texts(model: &SiteModel) -> Vec<Digest> {
    model
        .articles
        .par_iter()
        .map(|a| {
            let mut h = blake3::Hasher::new();
            h.update(a.article.text.as_bytes());
            if let Some(included) = &a.article.included {
                h.update(b"\0included\0");
                h.update(included.expanded.text().as_bytes());
            }
            h.finalize().into()
        })
        .collect()
}

/// The digest of what the page of article `i` shows besides its frame,
/// given `links`, the links to other articles its body has as written
/// (`RenderedBody::article_links`), and `texts`, the digests of every
/// article's text ([`texts`]).
pub fn page(model: &SiteModel, i: usize, links: &[String], texts: &[Digest]) -> Digest {
    let mut h = Hashing::new("tier0 page\n");
    let linked = &model.articles[i];
    let _ = writeln!(
        h,
        "{:?} {:?} {:?} {:?} {:?}",
        linked.article.rel,
        linked.path,
        texts[i],
        linked.article.state(),
        linked.article.id
    );
    for &t in &linked.translations {
        let other = &model.articles[t];
        let _ = writeln!(
            h,
            "translation {:?} {:?} {:?}",
            other.article.rel, other.article.lang, other.path
        );
    }
    let _ = writeln!(h, "{:?}", model.shown_with(i));
    for dest in links {
        match model.resolve(i, dest) {
            LinkTarget::Article { index, anchor } => {
                let target = &model.articles[index];
                let _ = writeln!(
                    h,
                    "link {dest:?} {:?} {:?} {:?} {anchor:?}",
                    target.article.rel, target.path, texts[index]
                );
            }
            other => {
                let _ = writeln!(h, "link {dest:?} {other:?}");
            }
        }
    }
    h.finish()
}

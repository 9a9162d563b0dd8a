//! Languages of the search index kept from the last build.
//!
//! A language whose articles, as the export reads them, are those of the
//! last build (the same build name), with the same synonyms, made by this
//! same binary, would get the same tantivy index and the same exported
//! files: they are kept (linked from the last build's) instead of made
//! again. That is the whole index stage after a change that no search file
//! shows (a template, an image, the navigation, nothing at all), and a
//! language's share of it after a change in another language.
//!
//! Each language built leaves a [`Record`] beside its index,
//! `<lang>.export.json`: its key and the BLAKE3 hash of every file of its
//! index and of its exported files. A language is kept only when every one
//! of those files is still there with those bytes (none edited since, by
//! hand or by a minifier); otherwise it is built as if there were no
//! record. Nothing is linked before every file is checked.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path};
use std::sync::Mutex;

use rayon::prelude::*;
use search_index::SynonymRule;
use serde::{Deserialize, Serialize};

use crate::output_paths::SEARCH_DIR;
use crate::render::Sink;

/// What a language's build leaves beside its index: what [`keep`] checks.
#[derive(Debug, Serialize, Deserialize)]
struct Record {
    /// The language's [`key`] when it was built.
    key: String,
    /// Its exported files (paths under `search/`) with their hashes.
    site: BTreeMap<String, String>,
    /// The files of its index folder (names in it) with their hashes.
    index: BTreeMap<String, String>,
}

/// Where the record of `lang` is, in the index folder.
fn record_path(lang: &str) -> String {
    format!("{lang}.export.json")
}

/// What makes a language's index and exported files: its code, its build
/// name (a hash of its articles as the export reads them), its synonyms
/// and this binary.
pub(super) fn key(lang: &str, build: &str, synonyms: &[SynonymRule]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(b"tier0 search export\n");
    let synonyms = format!("{synonyms:?}");
    for part in [&crate::plan::digest::binary(), lang, build, &synonyms] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().to_hex().to_string()
}

/// Keeps the index of `lang` (into `index_sink`) and its exported files
/// (into `sink`, under `search/`) from the build these sinks replace when
/// that build recorded them under `key` and every one of them still has
/// the bytes recorded; whether it did. A file that cannot be linked is
/// written again with the bytes just checked.
pub(super) fn keep(
    lang: &str,
    key: &str,
    index_sink: &dyn Sink,
    sink: &dyn Sink,
) -> io::Result<bool> {
    let Some(record) = index_sink
        .previous(&record_path(lang))
        .and_then(|bytes| serde_json::from_slice::<Record>(&bytes).ok())
        .filter(|r| r.key == key)
    else {
        return Ok(false);
    };
    let site: Vec<(String, &str)> = record
        .site
        .iter()
        .map(|(path, hash)| (format!("{SEARCH_DIR}/{path}"), hash.as_str()))
        .collect();
    let index: Vec<(String, &str)> = record
        .index
        .iter()
        .map(|(name, hash)| (format!("{lang}/{name}"), hash.as_str()))
        .collect();
    let inside = |path: &str, folder: &str| {
        Path::new(path).strip_prefix(folder).is_ok_and(|rest| {
            rest.components().count() > 0
                && rest.components().all(|c| matches!(c, Component::Normal(_)))
        })
    };
    let same = |sink: &dyn Sink, files: &[(String, &str)]| {
        files.par_iter().all(|(path, hash)| {
            sink.previous(path)
                .is_some_and(|bytes| blake3::hash(&bytes).to_hex().as_str() == *hash)
        })
    };
    let language_folder = format!("{SEARCH_DIR}/{lang}");
    if !site.iter().all(|(p, _)| inside(p, &language_folder))
        || !index
            .iter()
            .all(|(p, _)| inside(p, lang) && !p[lang.len() + 1..].contains('/'))
        || !same(sink, &site)
        || !same(index_sink, &index)
    {
        return Ok(false);
    }
    let record_file = record_path(lang);
    site.par_iter()
        .map(|(path, _)| (sink, path.as_str()))
        .chain(
            index
                .par_iter()
                .map(|(path, _)| (index_sink, path.as_str())),
        )
        .chain([(index_sink, record_file.as_str())])
        .try_for_each(|(sink, path)| kept(sink, path))?;
    Ok(true)
}

/// Keeps the earlier build's `path` in `sink`, or writes its bytes again.
fn kept(sink: &dyn Sink, path: &str) -> io::Result<()> {
    if sink.keep(path) {
        return Ok(());
    }
    let bytes = sink.previous(path).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            format!("`{path}` of the last build's search index went away while it was kept"),
        )
    })?;
    sink.put(path, &bytes)
}

/// The hashes of the files exported, by language, as they go to the site.
#[derive(Default)]
pub(super) struct Exported(Mutex<BTreeMap<String, BTreeMap<String, String>>>);

impl Exported {
    /// Notes the exported file `path` (under `search/`) with its `bytes`;
    /// the files of no language (the engine, the root manifest) are not noted.
    pub(super) fn note(&self, path: &str, bytes: &[u8]) {
        let Some((lang, _)) = path.split_once('/') else {
            return;
        };
        let hash = blake3::hash(bytes).to_hex().to_string();
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(lang.to_owned())
            .or_default()
            .insert(path.to_owned(), hash);
    }

    /// Writes the record of `lang`, built under `key` with its index in
    /// `index_dir/<lang>/`, into `index_sink`.
    pub(super) fn record(
        &self,
        lang: &str,
        key: String,
        index_dir: &Path,
        index_sink: &dyn Sink,
    ) -> io::Result<()> {
        let folder = index_dir.join(lang);
        let failed = |e: io::Error| {
            io::Error::new(
                e.kind(),
                format!("cannot read the search index `{}`: {e}", folder.display()),
            )
        };
        let mut names = Vec::new();
        for entry in std::fs::read_dir(&folder).map_err(failed)? {
            let entry = entry.map_err(failed)?;
            if entry.file_type().map_err(failed)?.is_file()
                && let Some(name) = entry.file_name().to_str()
            {
                names.push(name.to_owned());
            }
        }
        let index = names
            .into_par_iter()
            .map(|name| {
                let bytes = std::fs::read(folder.join(&name)).map_err(failed)?;
                Ok((name, blake3::hash(&bytes).to_hex().to_string()))
            })
            .collect::<io::Result<_>>()?;
        let site = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(lang)
            .unwrap_or_default();
        let record = Record { key, site, index };
        let json = serde_json::to_vec(&record).map_err(io::Error::other)?;
        index_sink.put(&record_path(lang), &json)
    }
}

#[cfg(test)]
mod tests;

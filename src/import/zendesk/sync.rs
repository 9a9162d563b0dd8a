//! Writes the imported files without losing what was edited here.
//!
//! Every file the import writes carries a record in its front matter,
//! `zendesk: {article: 123, locale: "en-us", updated_at: "…", hash: "…"}`:
//! what it was made from and a hash of the text as written (all of the
//! file but that line, line endings ignored). On the next run, for each
//! file the export would give:
//!
//! | the export gives the same text | the file is as imported | what happens |
//! | --- | --- | --- |
//! | yes | yes | `unchanged`: nothing is written |
//! | yes | no | `kept`: the local edit stays |
//! | no | yes | `updated`: the file is rewritten in place |
//! | no | no | `conflict`: the file stays as it is; the export's version is written beside it, hidden (`.<name>.zendesk-new`), for the author to merge |
//!
//! Files are found by their record wherever they are under `content/`, so
//! an imported file may be moved or renamed; a new file never replaces one
//! that exists. A record whose item is no longer in the export (in one of
//! its locales) is reported as `gone` and left alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::discover::ContentFolder;
use crate::import::ImportError;
use crate::matter::{front_matter, yaml};

/// The front matter key of the record.
pub const RECORD_KEY: &str = "zendesk";
/// Suffix of the hidden file that holds the export's version in a conflict.
pub const CONFLICT_SUFFIX: &str = ".zendesk-new";

/// What a Zendesk item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A category (a top folder's `_index.md`).
    Category,
    /// A section (a nested folder's `_index.md`).
    Section,
    /// An article.
    Article,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Category => "category",
            Kind::Section => "section",
            Kind::Article => "article",
        }
    }
}

/// The Zendesk item a file holds, in one locale.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// Category, section or article.
    pub kind: Kind,
    /// Its Zendesk id.
    pub id: u64,
    /// The Zendesk locale (`en-us`).
    pub locale: String,
}

/// The record line of a file with `origin`, `updated_at` and `hash`.
fn record_line(origin: &Origin, updated_at: Option<&str>, hash: &str) -> String {
    let quoted = |s: &str| serde_json::Value::from(s).to_string();
    let mut line = format!(
        "{RECORD_KEY}: {{{}: {}, locale: {}",
        origin.kind.key(),
        origin.id,
        quoted(&origin.locale)
    );
    if let Some(updated_at) = updated_at {
        line.push_str(&format!(", updated_at: {}", quoted(updated_at)));
    }
    line.push_str(&format!(", hash: {}}}", quoted(hash)));
    line
}

/// The record as read back.
#[derive(Debug, Deserialize)]
struct RawRecord {
    category: Option<u64>,
    section: Option<u64>,
    article: Option<u64>,
    locale: String,
    hash: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RecordOnly {
    zendesk: Option<RawRecord>,
}

/// A file under `content/` that the import wrote before.
#[derive(Debug, Clone)]
pub struct LocalFile {
    /// Path relative to `content/`, `/`-separated.
    pub rel: String,
    /// The hash its record holds: of the text as imported.
    imported: String,
    /// The hash of its text now.
    now: String,
}

/// What is under `content/` already.
#[derive(Debug, Default)]
pub struct Local {
    /// Files the import wrote, by what they hold.
    pub files: BTreeMap<Origin, LocalFile>,
    /// Every file's path relative to `content/`, lowercased (file systems
    /// that ignore case would take two names differing in case for one).
    taken: BTreeSet<String>,
}

impl Local {
    /// Whether a file exists at `rel` (ignoring case).
    pub fn is_taken(&self, rel: &str) -> bool {
        self.taken.contains(&rel.to_lowercase())
    }
}

/// Finds the files a previous import wrote in the content folder `folder`.
pub fn scan(folder: &ContentFolder) -> Result<Local, ImportError> {
    let content = folder.dir.as_path();
    let mut local = Local::default();
    if !content.exists() {
        return Ok(local);
    }
    let mut errors = Vec::new();
    let mut texts = SourceTexts::default();
    let walker = walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .min_depth(1);
    for entry in walker {
        let entry = entry
            .map_err(|e| ImportError::Io(format!("cannot read {}: {e}", content.display())))?;
        let Ok(rel) = entry.path().strip_prefix(content) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        local.taken.insert(rel.to_lowercase());
        if !entry.file_type().is_file() || !rel.ends_with(".md") {
            continue;
        }
        let path = entry.path();
        let text = std::fs::read_to_string(path)
            .map_err(|e| ImportError::Io(format!("cannot read {}: {e}", path.display())))?;
        let Ok(split) = front_matter::split(&text) else {
            continue;
        };
        if !split
            .matter
            .lines()
            .any(|l| l.starts_with(&format!("{RECORD_KEY}:")))
        {
            continue;
        }
        let shown = folder.shown(&rel);
        match read_record(&shown, split.matter, split.matter_start) {
            Ok((origin, imported)) => {
                let file = LocalFile {
                    rel: rel.clone(),
                    imported,
                    now: hash(&text),
                };
                if let Some(first) = local.files.get(&origin) {
                    errors.push(
                        Diagnostic::error(
                            &shown,
                            split.matter_start..split.matter_start,
                            format!(
                                "this file and {} hold the same Zendesk {} ({} in {})",
                                folder.shown(&first.rel).display(),
                                origin.kind.key(),
                                origin.id,
                                origin.locale
                            ),
                        )
                        .with_help("keep one of them, or remove the `zendesk:` line from the copy"),
                    );
                } else {
                    local.files.insert(origin, file);
                }
            }
            Err(e) => errors.push(e),
        }
        texts.insert(shown, Arc::from(text));
    }
    if errors.is_empty() {
        Ok(local)
    } else {
        Err(ImportError::Content {
            diagnostics: errors,
            texts,
        })
    }
}

fn read_record(shown: &Path, yaml: &str, base: usize) -> Result<(Origin, String), Diagnostic> {
    let (raw, _unknown): (RecordOnly, _) =
        yaml::deserialize(yaml, base).map_err(|e| e.into_diagnostic(shown))?;
    let at = yaml
        .find(&format!("{RECORD_KEY}:"))
        .map_or(base, |i| base + i);
    let bad = || {
        Diagnostic::error(shown, at..at, "the `zendesk:` record does not say which article, section or category this is")
            .with_help("copy the line back from the `.zendesk-new` file or an earlier version, or remove it to make the file yours alone")
    };
    let record = raw.zendesk.ok_or_else(bad)?;
    let (kind, id) = match (record.category, record.section, record.article) {
        (Some(id), None, None) => (Kind::Category, id),
        (None, Some(id), None) => (Kind::Section, id),
        (None, None, Some(id)) => (Kind::Article, id),
        _ => return Err(bad()),
    };
    Ok((
        Origin {
            kind,
            id,
            locale: record.locale.to_lowercase(),
        },
        record.hash,
    ))
}

/// The hash of a file's text, leaving out its record line and line-ending
/// differences, so that what an editor does to line endings is no edit.
pub fn hash(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut hasher = blake3::Hasher::new();
    let record = format!("{RECORD_KEY}:");
    let mut in_front_matter = false;
    let mut skipped = false;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let fence = line.trim_end() == "---";
        if n == 0 && fence {
            in_front_matter = true;
        } else if in_front_matter && fence {
            in_front_matter = false;
        } else if in_front_matter && !skipped && line.starts_with(&record) {
            skipped = true;
            continue;
        }
        hasher.update(line.as_bytes());
    }
    hasher.finalize().to_hex()[..32].to_owned()
}

/// A file the export gives.
#[derive(Debug, Clone)]
pub struct Planned {
    /// What it holds.
    pub origin: Origin,
    /// Where it goes, relative to `content/`, unless it exists elsewhere.
    pub rel: String,
    /// Its text, front matter and body, without the record.
    pub text: String,
    /// Zendesk's `updated_at`, kept in the record for people to read.
    pub updated_at: Option<String>,
}

impl Planned {
    /// The text with its record, as written.
    fn with_record(&self) -> (String, String) {
        let hash = hash(&self.text);
        let line = record_line(&self.origin, self.updated_at.as_deref(), &hash);
        let end = front_matter::split(&self.text).map_or(0, |s| s.matter_start + s.matter.len());
        let mut text = String::with_capacity(self.text.len() + line.len() + 1);
        text.push_str(&self.text[..end]);
        text.push_str(&line);
        text.push('\n');
        text.push_str(&self.text[end..]);
        (text, hash)
    }
}

/// What the import did with one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// A new file.
    Created,
    /// Changed in the export, not here: rewritten.
    Updated,
    /// The same in the export and here.
    Unchanged,
    /// Edited here, the same in the export: left as it is.
    Kept,
    /// Edited here and changed in the export: left as it is, the export's
    /// version written beside it.
    Conflict,
    /// Imported before, no longer in the export: left as it is.
    Gone,
}

impl Action {
    /// The word printed before the file.
    pub fn word(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Updated => "updated",
            Action::Unchanged => "unchanged",
            Action::Kept => "kept",
            Action::Conflict => "conflict",
            Action::Gone => "gone",
        }
    }
}

/// One file's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// What happened.
    pub action: Action,
    /// The file, relative to `content/`.
    pub rel: String,
    /// In a conflict, the file holding the export's version.
    pub theirs: Option<String>,
}

/// The hidden file beside `rel` that holds the export's version in a conflict.
pub fn conflict_file(rel: &str) -> String {
    match rel.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/.{name}{CONFLICT_SUFFIX}"),
        None => format!(".{rel}{CONFLICT_SUFFIX}"),
    }
}

/// One change to a file that [`apply`] makes once every change is known
/// to be possible.
enum Write {
    /// A new file, which must not exist.
    Create(String, String),
    /// A file rewritten in place, or a conflict's version written.
    Replace(String, String),
    /// A resolved conflict's version removed.
    RemoveStale(String),
}

/// Writes `planned` under `content` (or only says what it would do, when
/// `write` is false). One outcome per planned file, in order, then one per
/// file recorded in `local` whose locale is one of `locales` but that the
/// export no longer gives (gone). Every new file's path is checked before
/// anything is written: a path that exists, or that two files would take,
/// stops the import with nothing written.
pub fn apply(
    content: &ContentFolder,
    local: &Local,
    planned: &[Planned],
    locales: &BTreeSet<String>,
    write: bool,
) -> Result<Vec<Outcome>, ImportError> {
    let mut outcomes = Vec::with_capacity(planned.len());
    let mut writes = Vec::new();
    let mut given = BTreeSet::new();
    for plan in planned {
        given.insert(&plan.origin);
        let (text, new_hash) = plan.with_record();
        let outcome = match local.files.get(&plan.origin) {
            None => {
                writes.push(Write::Create(plan.rel.clone(), text));
                Outcome {
                    action: Action::Created,
                    rel: plan.rel.clone(),
                    theirs: None,
                }
            }
            Some(file) => {
                let upstream_changed = file.imported != new_hash;
                let edited_here = file.now != file.imported;
                let action = match (upstream_changed, edited_here) {
                    (false, false) => Action::Unchanged,
                    (false, true) => Action::Kept,
                    (true, false) => Action::Updated,
                    (true, true) => Action::Conflict,
                };
                let theirs = conflict_file(&file.rel);
                match action {
                    Action::Updated => writes.push(Write::Replace(file.rel.clone(), text)),
                    Action::Conflict => writes.push(Write::Replace(theirs.clone(), text)),
                    _ => {}
                }
                if action != Action::Conflict {
                    writes.push(Write::RemoveStale(theirs.clone()));
                }
                Outcome {
                    action,
                    rel: file.rel.clone(),
                    theirs: (action == Action::Conflict).then_some(theirs),
                }
            }
        };
        outcomes.push(outcome);
    }
    // A dry run says so too: it must not promise what the run refuses.
    check_new_files(content, &writes)?;
    if write {
        for change in writes {
            match change {
                Write::Create(rel, text) => create(&content.dir.join(rel), &text)?,
                Write::Replace(rel, text) => replace(&content.dir.join(rel), &text)?,
                Write::RemoveStale(rel) => remove_stale(&content.dir.join(rel))?,
            }
        }
    }
    for (origin, file) in &local.files {
        if locales.contains(&origin.locale) && !given.contains(origin) {
            outcomes.push(Outcome {
                action: Action::Gone,
                rel: file.rel.clone(),
                theirs: None,
            });
        }
    }
    Ok(outcomes)
}

/// Refuses the whole import when a new file's path exists already, or is
/// another new file's (case ignored, as some file systems do).
fn check_new_files(content: &ContentFolder, writes: &[Write]) -> Result<(), ImportError> {
    let mut seen = BTreeSet::new();
    let taken: Vec<String> = writes
        .iter()
        .filter_map(|w| match w {
            Write::Create(rel, _) => Some(rel),
            _ => None,
        })
        .filter(|rel| {
            !seen.insert(rel.to_lowercase()) || content.dir.join(rel).symlink_metadata().is_ok()
        })
        .map(|rel| content.shown(rel).display().to_string())
        .collect();
    if taken.is_empty() {
        return Ok(());
    }
    Err(ImportError::Io(format!(
        "nothing was written: the import would create {} where a file exists already or twice; move those files away and import again",
        taken.join(", ")
    )))
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> ImportError {
    ImportError::Io(format!("cannot write {}: {e}", path.display()))
}

/// A temporary file beside `path` holding `text`, to be renamed onto it, so
/// that no file is ever left half written.
fn staged(path: &Path, text: &str) -> Result<tempfile::NamedTempFile, ImportError> {
    use std::io::Write as _;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let mut file = tempfile::Builder::new()
        .prefix(".tier0-import")
        .tempfile_in(dir)
        .map_err(|e| io_error(path, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| io_error(path, e))?;
    Ok(file)
}

/// Writes a new file; fails rather than replace one that appeared meanwhile.
fn create(path: &Path, text: &str) -> Result<(), ImportError> {
    staged(path, text)?
        .persist_noclobber(path)
        .map_err(|e| io_error(path, e.error))?;
    Ok(())
}

fn replace(path: &Path, text: &str) -> Result<(), ImportError> {
    staged(path, text)?
        .persist(path)
        .map_err(|e| io_error(path, e.error))?;
    Ok(())
}

/// Removes the export's version of a conflict that is resolved.
fn remove_stale(path: &Path) -> Result<(), ImportError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(ImportError::Io(format!(
            "cannot remove {}: {e}",
            path.display()
        ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;

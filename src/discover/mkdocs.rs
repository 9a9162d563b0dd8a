//! MkDocs's configuration beside `tier0.yaml` ([`MKDOCS_FILES`]) and the
//! files it inherits its `nav:` from, read for the parse stage's `mkdocs`
//! module, Docusaurus's sidebars ([`SIDEBARS_FILES`]) for its `docusaurus`
//! module and Starlight's configuration ([`STARLIGHT_FILES`]) for its
//! `starlight_sidebar` module. Outside the content folder: read whole,
//! each time.

use std::path::Path;

use super::{MKDOCS_FILES, SIDEBARS_FILES, STARLIGHT_FILES, SourceFile, Sources, root_file};
use crate::diagnostics::Diagnostic;

/// Reads the first of [`MKDOCS_FILES`] at `root` into `sources`.
pub(super) fn read(root: &Path, sources: &mut Sources) {
    if let Some(file) = first_root_file(root, &MKDOCS_FILES, sources) {
        sources.mkdocs_inherited = inherited(root, &file, sources);
        sources.mkdocs = Some(file);
    }
}

/// Reads the first of [`SIDEBARS_FILES`] and of [`STARLIGHT_FILES`] at
/// `root` into `sources`.
pub(super) fn read_sidebars(root: &Path, sources: &mut Sources) {
    sources.sidebars = first_root_file(root, &SIDEBARS_FILES, sources);
    sources.starlight = first_root_file(root, &STARLIGHT_FILES, sources);
}

/// The first of the files `names` (relative to the site folder) that
/// `root` has, read; its problem, or that it cannot be read, goes to
/// `sources`.
fn first_root_file(root: &Path, names: &[&str], sources: &mut Sources) -> Option<SourceFile> {
    for &name in names {
        let (file, problem) = match root_file(root, name) {
            Ok(Some(read)) => read,
            Ok(None) => continue,
            Err(e) => {
                sources.problems.push(
                    Diagnostic::error(name, 0..0, format!("cannot read this file: {e}"))
                        .with_help("check the file's permissions"),
                );
                return None;
            }
        };
        sources.texts.insert(name, file.text.clone());
        return match problem {
            Some(problem) => {
                sources.problems.push(problem);
                None
            }
            None => Some(file),
        };
    }
    None
}

/// How many files an `INHERIT:` chain is followed through: MkDocs follows
/// it to its end, and a chain that comes back to a file would never end.
const INHERIT_DEPTH: usize = 8;

/// The file whose `nav` `file`, an `mkdocs.yml` at `root`, inherits: the
/// one it names in its top-level `INHERIT:` key, or, when that one has no
/// `nav:` but an `INHERIT:` of its own, the one that names, and so on
/// (each path relative to the file that writes it). A warning at the key
/// of a file that cannot be read.
fn inherited(root: &Path, file: &SourceFile, sources: &mut Sources) -> Option<SourceFile> {
    let mut parent = inherit_once(root, file, sources)?;
    for _ in 1..INHERIT_DEPTH {
        if parent.text.lines().any(|line| line.starts_with("nav:")) {
            break;
        }
        match inherit_once(root, &parent, sources) {
            Some(next) => parent = next,
            None => break,
        }
    }
    Some(parent)
}

/// The file that `file` names in its top-level `INHERIT:` key.
fn inherit_once(root: &Path, file: &SourceFile, sources: &mut Sources) -> Option<SourceFile> {
    let (at, value) = file
        .text
        .lines()
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len() + 1;
            Some((start, line))
        })
        .find_map(|(start, line)| Some((start, line.strip_prefix("INHERIT:")?)))?;
    let written = value.trim().trim_matches(['"', '\'']);
    let span = at..at + "INHERIT:".len() + value.len();
    let name = match file.rel.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{written}"),
        None => written.to_owned(),
    };
    match root_file(root, &name) {
        Ok(Some((parent, None))) => {
            sources.texts.insert(&name, parent.text.clone());
            Some(parent)
        }
        Ok(Some((_, Some(problem)))) => {
            sources.problems.push(problem);
            None
        }
        Ok(None) | Err(_) => {
            sources.problems.push(
                Diagnostic::warning(
                    &file.path,
                    span,
                    format!(
                        "cannot read `{written}`, which `INHERIT:` names: its `nav` is not read"
                    ),
                )
                .with_help("give the path of the inherited file relative to this one"),
            );
            None
        }
    }
}

//! The pages MkDocs's configuration keeps off the site: `exclude_docs`
//! names files of its `docs_dir` that are never built, `draft_docs` those
//! that only `mkdocs serve` shows. Both are gitignore patterns, one per
//! line, relative to `docs_dir` (`drafts/`, `*.tmp.md`, `!keep.md`), which
//! the `ignore` crate reads as Git does. tier0 leaves the excluded files
//! out of the walk, as if they were not there, and builds the drafts as
//! drafts (`tier0 serve --drafts` shows them): an author who kept a page
//! unpublished with MkDocs keeps it unpublished here.
//!
//! In: the text of the `mkdocs.yml` beside `tier0.yaml`, the content
//! folder. Out: [`Exclusions`], and a warning for a pattern Git would not
//! read.

use std::path::Path;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;

use super::SourceFile;
use crate::diagnostics::Diagnostic;
use crate::matter::yaml;

/// The keys of `mkdocs.yml` read here.
#[derive(Deserialize)]
struct Keys {
    exclude_docs: Option<String>,
    draft_docs: Option<String>,
}

/// What a site's other generator keeps off it, by content-relative path.
#[derive(Debug, Default)]
pub struct Exclusions {
    /// `exclude_docs`: never built.
    excluded: Option<Gitignore>,
    /// `draft_docs`: built as drafts.
    drafts: Option<Gitignore>,
}

impl Exclusions {
    /// What `mkdocs` (an `mkdocs.yml`) keeps off the content folder `dir`;
    /// the problems of its patterns. A file that is not YAML says nothing
    /// here (the parse stage reports it).
    pub(super) fn of_mkdocs(mkdocs: &SourceFile, dir: &Path) -> (Self, Vec<Diagnostic>) {
        let Ok((keys, _)) = yaml::deserialize::<Keys>(&mkdocs.text, 0) else {
            return (Self::default(), Vec::new());
        };
        let mut problems = Vec::new();
        let mut patterns = |key: &str, lines: Option<String>| {
            let lines = lines?;
            let mut builder = GitignoreBuilder::new(dir);
            for line in lines.lines() {
                if let Err(e) = builder.add_line(None, line) {
                    problems.push(unread(mkdocs, key, line, &e.to_string()));
                }
            }
            builder.build().ok()
        };
        let excluded = patterns("exclude_docs", keys.exclude_docs);
        let drafts = patterns("draft_docs", keys.draft_docs);
        (Self { excluded, drafts }, problems)
    }

    /// Whether the file or folder at `rel` (relative to the content folder)
    /// is never built.
    pub(super) fn excludes(&self, rel: &Path, is_dir: bool) -> bool {
        matches(self.excluded.as_ref(), rel, is_dir)
    }

    /// Whether the page at the content-relative `rel` is a draft.
    pub fn is_draft(&self, rel: &str) -> bool {
        matches(self.drafts.as_ref(), Path::new(rel), false)
    }
}

/// Whether `patterns` ignore `rel` or a folder above it.
fn matches(patterns: Option<&Gitignore>, rel: &Path, is_dir: bool) -> bool {
    patterns.is_some_and(|p| p.matched_path_or_any_parents(rel, is_dir).is_ignore())
}

/// The warning that the pattern `line` of `key` in `mkdocs` cannot be read.
fn unread(mkdocs: &SourceFile, key: &str, line: &str, why: &str) -> Diagnostic {
    let text = &*mkdocs.text;
    let at = text
        .find(&format!("{key}:"))
        .and_then(|key_at| text[key_at..].find(line.trim()).map(|n| key_at + n))
        .map_or(0..0, |at| at..at + line.trim().len());
    Diagnostic::warning(
        &mkdocs.path,
        at,
        format!("this pattern of `{key}` is not read: {why}"),
    )
    .with_help("write a pattern as a .gitignore line (`drafts/`, `*.tmp.md`)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exclusions(yaml: &str) -> Exclusions {
        let file = SourceFile {
            path: "mkdocs.yml".into(),
            rel: "mkdocs.yml".into(),
            text: yaml.into(),
        };
        let (found, problems) = Exclusions::of_mkdocs(&file, Path::new("/site/docs"));
        assert!(problems.is_empty(), "{problems:?}");
        found
    }

    #[test]
    fn exclude_docs_and_draft_docs_are_read_as_gitignore_lines() {
        let found = exclusions(
            "site_name: x\nexclude_docs: |\n  /agents/\n  *.tmp.md\n  !keep.tmp.md\n\
             draft_docs: |\n  drafts/\n  # a comment\n",
        );
        let excluded = |rel: &str, dir| found.excludes(Path::new(rel), dir);
        assert!(excluded("agents", true));
        assert!(excluded("agents/plan.md", false));
        assert!(
            !excluded("red/agents/plan.md", false),
            "`/` anchors at docs_dir"
        );
        assert!(excluded("red/notes.tmp.md", false));
        assert!(!excluded("red/keep.tmp.md", false));
        assert!(!excluded("red/wifi.md", false));
        assert!(found.is_draft("drafts/next.md"));
        assert!(found.is_draft("red/drafts/next.md"));
        assert!(!found.is_draft("red/wifi.md"));
    }

    #[test]
    fn a_project_without_them_excludes_nothing() {
        let found = exclusions("site_name: x\nnav:\n  - index.md\n");
        assert!(!found.excludes(Path::new("index.md"), false));
        assert!(!found.is_draft("index.md"));
        let tags = exclusions("site_name: x\nmarkdown_extensions:\n  - x: !!python/name:y.z\n");
        assert!(!tags.excludes(Path::new("index.md"), false));
    }
}

//! The pages other generators' configurations keep off the site. MkDocs's
//! `exclude_docs` names files of its `docs_dir` that are never built,
//! `draft_docs` those that only `mkdocs serve` shows: both gitignore
//! patterns, one per line, relative to `docs_dir` (`drafts/`, `*.tmp.md`,
//! `!keep.md`), which the `ignore` crate reads as Git does. Sphinx's
//! `exclude_patterns` (in the `conf.py` of its source folder) and
//! VitePress's `srcExclude` (in `.vitepress/config.*`) are globs relative
//! to the content folder, whose `*` stays within a folder and `**` crosses
//! them (`drafts/*`, `**/README.md`); a pattern that names a folder
//! excludes what it holds. tier0 leaves the excluded files out of the
//! walk, as if they were not there, and builds the drafts as drafts
//! (`tier0 serve --drafts` shows them): an author who kept a page
//! unpublished with another generator keeps it unpublished here.
//!
//! In: the text of the `mkdocs.yml` beside `tier0.yaml`, the content
//! folder. Out: [`Exclusions`], and a warning for a pattern that cannot
//! be read.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use serde::Deserialize;

use super::SourceFile;
use super::script::{Token, strings_of, tokens, without_python_comments};
use crate::diagnostics::Diagnostic;
use crate::matter::yaml;

/// The keys of `mkdocs.yml` read here.
#[derive(Deserialize)]
struct Keys {
    exclude_docs: Option<String>,
    draft_docs: Option<String>,
}

/// Sphinx's configuration, at the top of its source folder.
const SPHINX_CONFIG: &str = "conf.py";

/// VitePress's configuration in its source folder, in the order it looks.
const VITEPRESS_CONFIGS: [&str; 4] = [
    ".vitepress/config.js",
    ".vitepress/config.ts",
    ".vitepress/config.mjs",
    ".vitepress/config.mts",
];

/// What a site's other generator keeps off it, by content-relative path.
#[derive(Debug, Default)]
pub struct Exclusions {
    /// `exclude_docs`: never built.
    excluded: Option<Gitignore>,
    /// `draft_docs`: built as drafts.
    drafts: Option<Gitignore>,
    /// `exclude_patterns` and `srcExclude`: never built.
    globs: Option<GlobSet>,
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
        (
            Self {
                excluded,
                drafts,
                globs: None,
            },
            problems,
        )
    }

    /// These exclusions with the globs that Sphinx's `exclude_patterns`
    /// and VitePress's `srcExclude` write in the content folder `dir`
    /// (shown as `shown`); a warning for each pattern that is no glob.
    pub(super) fn with_globs(mut self, dir: &Path, shown: &Path) -> (Self, Vec<Diagnostic>) {
        let mut written: Vec<(String, PathBuf)> = Vec::new();
        if let Ok(conf) = std::fs::read_to_string(dir.join(SPHINX_CONFIG)) {
            let python = without_python_comments(&conf);
            let patterns = strings_of(&tokens(&python), "exclude_patterns", Token::Equals);
            let at = shown.join(SPHINX_CONFIG);
            written.extend(
                patterns
                    .into_iter()
                    .flatten()
                    .map(|p| (p.to_owned(), at.clone())),
            );
        }
        if let Some((name, script)) = VITEPRESS_CONFIGS
            .iter()
            .find_map(|name| Some((name, std::fs::read_to_string(dir.join(name)).ok()?)))
        {
            let patterns = strings_of(&tokens(&script), "srcExclude", Token::Colon);
            let at = shown.join(name);
            written.extend(
                patterns
                    .into_iter()
                    .flatten()
                    .map(|p| (p.to_owned(), at.clone())),
            );
        }
        let mut problems = Vec::new();
        let mut globs = GlobSetBuilder::new();
        for (pattern, at) in &written {
            let glob = GlobBuilder::new(pattern.trim_start_matches("./"))
                .literal_separator(true)
                .build();
            match glob {
                Ok(glob) => {
                    globs.add(glob);
                }
                Err(e) => problems.push(
                    Diagnostic::warning(
                        at,
                        0..0,
                        format!("the pattern `{pattern}` is not read: {e}"),
                    )
                    .with_help("write a glob such as `drafts/*` or `**/README.md`"),
                ),
            }
        }
        self.globs = (!written.is_empty()).then(|| globs.build().ok()).flatten();
        (self, problems)
    }

    /// Whether the file or folder at `rel` (relative to the content folder)
    /// is never built.
    pub(super) fn excludes(&self, rel: &Path, is_dir: bool) -> bool {
        matches(self.excluded.as_ref(), rel, is_dir)
            || (self.globs.as_ref()).is_some_and(|globs| {
                rel.ancestors()
                    .filter(|a| !a.as_os_str().is_empty())
                    .any(|a| globs.is_match(a))
            })
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
    fn sphinx_and_vitepress_globs_exclude_files_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("conf.py"),
            "project = 'x'\n# exclude_patterns = ['all']\nexclude_patterns = ['_build', \
             'drafts', 'notes/*.md',  # not 'README.md'\n  '**/TODO.md']\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join(".vitepress")).unwrap();
        std::fs::write(
            dir.path().join(".vitepress/config.mts"),
            "export default { srcExclude: ['**/README.md', 'x/[a'] }",
        )
        .unwrap();
        let (found, problems) = Exclusions::default().with_globs(dir.path(), Path::new("docs"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, Path::new("docs/.vitepress/config.mts"));
        let excluded = |rel: &str| found.excludes(Path::new(rel), false);
        assert!(excluded("drafts/a/b.md"), "a folder's files");
        assert!(excluded("notes/x.md"));
        assert!(!excluded("notes/deep/x.md"), "`*` stays within a folder");
        assert!(excluded("red/TODO.md") && excluded("TODO.md"));
        assert!(excluded("red/README.md"));
        assert!(!excluded("red/wifi.md") && !excluded("drafts.md"));
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

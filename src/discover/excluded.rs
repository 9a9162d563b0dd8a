//! The pages other generators' configurations keep off the site. MkDocs's
//! `exclude_docs` names files of its `docs_dir` that are never built,
//! `draft_docs` those that only `mkdocs serve` shows: both gitignore
//! patterns, one per line, relative to `docs_dir` (`drafts/`, `*.tmp.md`,
//! `!keep.md`), which the `ignore` crate reads as Git does; MkDocs also
//! leaves out `/templates/` (and hidden files, which tier0 never reads)
//! unless `exclude_docs` says `!/templates/`. The mkdocs-exclude plugin,
//! which sites kept before MkDocs 1.5 had `exclude_docs`, matches each
//! file's path with shell patterns whose `*` crosses folders (`glob:`,
//! Python's `fnmatch`) and regular expressions matched from its start
//! (`regex:`, Python's `re.match`, read by the `regex` crate). Sphinx's
//! `exclude_patterns` (in the `conf.py` of its source folder) and
//! VitePress's `srcExclude` (in `.vitepress/config.*`) are globs relative
//! to the content folder, whose `*` stays within a folder and `**` crosses
//! them (`drafts/*`, `**/README.md`); a pattern that names a folder
//! excludes what it holds. Docusaurus's docs plugin `exclude` writes the
//! same globs (`super::docusaurus::excluded`). Mintlify's `.mintignore`,
//! at the top of its docs folder, holds .gitignore lines. tier0 leaves the excluded files out of the
//! walk, as if they were not there, and builds the drafts as drafts
//! (`tier0 serve --drafts` shows them): an author who kept a page
//! unpublished with another generator keeps it unpublished here.
//!
//! In: the text of the `mkdocs.yml` beside `tier0.yaml`, the content
//! folder, the patterns of a Docusaurus configuration. Out: [`Exclusions`], and a warning for a pattern that cannot
//! be read.

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use regex::RegexSet;
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
    plugins: Option<serde_yaml::Value>,
}

/// What MkDocs leaves out of every `docs_dir` before `exclude_docs`,
/// which may take it back (`!/templates/`): hidden files and folders,
/// and the folder of templates at its top.
const MKDOCS_EXCLUDED: [&str; 2] = [".*", "/templates/"];

/// Sphinx's configuration, at the top of its source folder.
const SPHINX_CONFIG: &str = "conf.py";

/// What a site's other generator keeps off it, by content-relative path.
#[derive(Debug, Default)]
pub struct Exclusions {
    /// `exclude_docs`: never built.
    excluded: Option<Gitignore>,
    /// `draft_docs`: built as drafts.
    drafts: Option<Gitignore>,
    /// `exclude_patterns`, `srcExclude` and Docusaurus's `exclude`:
    /// never built.
    globs: Option<GlobSet>,
    /// The mkdocs-exclude plugin's `glob:` and `regex:`, matched with a
    /// file's whole path: never built.
    plugin: Option<(GlobSet, RegexSet)>,
    /// Mintlify's `.mintignore`: never built.
    ignored: Option<Gitignore>,
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
        let mut patterns = |key: &str, defaults: &[&str], lines: Option<String>| {
            let mut builder = GitignoreBuilder::new(dir);
            for line in defaults {
                // Never fails: a fixed pattern.
                let _ = builder.add_line(None, line);
            }
            for line in lines.as_deref().unwrap_or_default().lines() {
                if let Err(e) = builder.add_line(None, line) {
                    problems.push(unread(mkdocs, key, line, &e.to_string()));
                }
            }
            builder.build().ok()
        };
        let excluded = patterns("exclude_docs", &MKDOCS_EXCLUDED, keys.exclude_docs);
        let drafts = keys
            .draft_docs
            .and_then(|lines| patterns("draft_docs", &[], Some(lines)));
        let plugin = keys
            .plugins
            .as_ref()
            .and_then(|plugins| excluded_by_plugin(mkdocs, plugins, &mut problems));
        (
            Self {
                excluded,
                drafts,
                globs: None,
                plugin,
                ignored: None,
            },
            problems,
        )
    }

    /// These exclusions with the globs that Sphinx's `exclude_patterns`
    /// writes in the content folder `dir` (shown as `shown`), and those
    /// `more` gives, each with the file that writes it (VitePress's
    /// `srcExclude`, Docusaurus's `exclude`); a warning for each pattern
    /// that is no glob.
    pub(super) fn with_globs(
        mut self,
        dir: &Path,
        shown: &Path,
        more: Vec<(String, PathBuf)>,
    ) -> (Self, Vec<Diagnostic>) {
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
        written.extend(more);
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

    /// These exclusions with Mintlify's, when the content folder `dir`
    /// (shown as `shown`) is a Mintlify project's: its `snippets/` folder,
    /// and the .gitignore lines of its `.mintignore`; a warning for each
    /// line Git would not read.
    pub(super) fn with_mintlify(mut self, dir: &Path, shown: &Path) -> (Self, Vec<Diagnostic>) {
        let name = super::mintlify::IGNORE_FILE;
        let project = super::mintlify::is_project(dir);
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        if !project && text.is_empty() {
            return (self, Vec::new());
        }
        let mut builder = GitignoreBuilder::new(dir);
        if project {
            // Never fails: a fixed pattern.
            let _ = builder.add_line(None, super::mintlify::SNIPPETS);
        }
        let mut problems = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let written = line.trim_end_matches(['\n', '\r']);
            if let Err(e) = builder.add_line(None, written) {
                problems.push(
                    Diagnostic::warning(
                        shown.join(name),
                        at..at + written.len(),
                        format!("this line is not read: {e}"),
                    )
                    .with_help("write a pattern as a .gitignore line (`drafts/`, `*.tmp.mdx`)"),
                );
            }
            at += line.len();
        }
        self.ignored = builder.build().ok();
        (self, problems)
    }

    /// Whether the file or folder at `rel` (relative to the content folder)
    /// is never built.
    pub(super) fn excludes(&self, rel: &Path, is_dir: bool) -> bool {
        matches(self.excluded.as_ref(), rel, is_dir)
            || matches(self.ignored.as_ref(), rel, is_dir)
            || (self.globs.as_ref()).is_some_and(|globs| {
                rel.ancestors()
                    .filter(|a| !a.as_os_str().is_empty())
                    .any(|a| globs.is_match(a))
            })
            || (self.plugin.as_ref()).is_some_and(|(globs, regexes)| {
                // The plugin sees files only, by their whole path.
                let path = rel.to_string_lossy();
                !is_dir && (globs.is_match(rel) || regexes.is_match(&path))
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

/// The patterns of the mkdocs-exclude plugin in `plugins` (`- exclude:
/// {glob: [...], regex: [...]}`), if it is configured: globs whose `*`
/// crosses folders, as `fnmatch` reads them, and expressions matched from
/// the start of the path. A pattern that cannot be read is said in
/// `problems` and left out.
fn excluded_by_plugin(
    mkdocs: &SourceFile,
    plugins: &serde_yaml::Value,
    problems: &mut Vec<Diagnostic>,
) -> Option<(GlobSet, RegexSet)> {
    let options = plugins
        .as_sequence()?
        .iter()
        .find_map(|p| p.get("exclude"))?;
    let listed = |key: &str| -> Vec<&str> {
        match options.get(key) {
            Some(serde_yaml::Value::Sequence(items)) => {
                items.iter().filter_map(serde_yaml::Value::as_str).collect()
            }
            Some(serde_yaml::Value::String(one)) => vec![one.as_str()],
            _ => Vec::new(),
        }
    };
    let mut globs = GlobSetBuilder::new();
    for pattern in listed("glob") {
        match GlobBuilder::new(pattern).literal_separator(false).build() {
            Ok(glob) => {
                globs.add(glob);
            }
            Err(e) => problems.push(unread(mkdocs, "glob", pattern, &e.to_string())),
        }
    }
    let mut regexes = Vec::new();
    for pattern in listed("regex") {
        let anchored = format!("^(?:{pattern})");
        match regex::Regex::new(&anchored) {
            Ok(_) => regexes.push(anchored),
            Err(e) => problems.push(unread(mkdocs, "regex", pattern, &e.to_string())),
        }
    }
    Some((globs.build().ok()?, RegexSet::new(regexes).ok()?))
}

/// The warning that the pattern `line` of `key` in `mkdocs` cannot be read.
fn unread(mkdocs: &SourceFile, key: &str, line: &str, why: &str) -> Diagnostic {
    let help = match key {
        "glob" => "write a shell pattern such as `drafts/*` or `*.tmp.md`",
        "regex" => "write a regular expression such as `drafts/.*` or `.*\\.tmp\\.md$`",
        _ => "write a pattern as a .gitignore line (`drafts/`, `*.tmp.md`)",
    };
    // A regular expression's error draws the pattern over several lines:
    // its last says what is wrong.
    let why = why.lines().last().unwrap_or(why).trim();
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
    .with_help(help)
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
    fn mkdocs_leaves_out_its_templates_unless_exclude_docs_takes_them_back() {
        let found = exclusions("site_name: x\n");
        assert!(found.excludes(Path::new("templates"), true));
        assert!(found.excludes(Path::new("templates/reply.md"), false));
        assert!(!found.excludes(Path::new("red/templates/reply.md"), false));
        let back = exclusions("site_name: x\nexclude_docs: |\n  !/templates/\n");
        assert!(!back.excludes(Path::new("templates/reply.md"), false));
    }

    #[test]
    fn the_exclude_plugin_matches_whole_paths_with_globs_and_expressions() {
        let found = exclusions(
            "site_name: x\nplugins:\n  - search\n  - exclude:\n      glob:\n        - internal/*\n        \
             - \"*.tmp.md\"\n      regex:\n        - 'red/secret-[0-9]+\\.md$'\n",
        );
        let excluded = |rel: &str| found.excludes(Path::new(rel), false);
        assert!(excluded("internal/deep/plan.md"), "`*` crosses folders");
        assert!(excluded("red/notes.tmp.md") && excluded("notes.tmp.md"));
        assert!(excluded("red/secret-12.md"));
        assert!(!excluded("blue/red/secret-12.md"), "matched from the start");
        assert!(!excluded("red/secret-x.md") && !excluded("red/wifi.md"));
        assert!(!found.excludes(Path::new("internal"), true), "files only");
    }

    #[test]
    fn an_exclude_plugin_pattern_that_cannot_be_read_is_said_and_left_out() {
        let file = SourceFile {
            path: "mkdocs.yml".into(),
            rel: "mkdocs.yml".into(),
            text: "plugins:\n  - exclude:\n      glob: 'a/[b'\n      regex: ['(x', 'y/.*']\n"
                .into(),
        };
        let (found, problems) = Exclusions::of_mkdocs(&file, Path::new("/site/docs"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("`glob`"), "{problems:?}");
        assert!(
            problems[1]
                .message
                .starts_with("this pattern of `regex` is not read: ")
                && !problems[1].message.contains('\n'),
            "{problems:?}"
        );
        assert!(found.excludes(Path::new("y/z.md"), false));
    }

    #[test]
    fn sphinx_and_given_globs_exclude_files_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("conf.py"),
            "project = 'x'\n# exclude_patterns = ['all']\nexclude_patterns = ['_build', \
             'drafts', 'notes/*.md',  # not 'README.md'\n  '**/TODO.md']\n",
        )
        .unwrap();
        let vitepress = PathBuf::from("docs/.vitepress/config.mts");
        let more = ["**/README.md", "x/[a"].map(|glob| (glob.to_owned(), vitepress.clone()));
        let (found, problems) =
            Exclusions::default().with_globs(dir.path(), Path::new("docs"), more.to_vec());
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

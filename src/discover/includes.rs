//! Reading the files that pages include, as mdBook, PyMdown's snippets,
//! markdown-include, mkdocs-include-markdown and GitBook put another
//! file's text where a line names it ([`crate::dialects::includes`]).
//!
//! In: the site folder, the content folder and a page's text. Out: the
//! page's body with the texts put in ([`Included`]), and a warning for each
//! file that could not be: one outside the site folder (after symbolic
//! links), in a `.git` or tier0's state folder, missing, larger than
//! [`MAX_BYTES`], not UTF-8 text, or including itself. An included
//! Markdown file loses its front matter, and its own includes are put in
//! (at most [`MAX_DEPTH`] deep).

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::dialects::includes::{self, Directive, Expanded, Select, Target, Tool};
use crate::matter::front_matter;

use super::{ContentFolder, SourceFile, is_markdown};

/// The largest file included.
pub const MAX_BYTES: u64 = 1 << 20;
/// How deep includes in included files are followed.
pub const MAX_DEPTH: usize = 8;
/// The most text a page's includes put in, all together: a file included
/// a thousand times, or ten times by each of ten nested files, would
/// otherwise make a page of gigabytes.
pub const MAX_TOTAL_BYTES: usize = 16 << 20;

/// A page's body with the files it includes put in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Included {
    /// The body as read.
    pub expanded: Expanded,
    /// The files of the content folder put in (content-relative paths),
    /// each with the range in the body of the line that includes it,
    /// directly or through another file: an included page's audience
    /// decides whether the page may show it, and an included file is used.
    pub files: Vec<(String, Range<usize>)>,
    /// The files put in from outside the content folder (their symbolic
    /// links resolved), which the dev server watches.
    pub outside: Vec<PathBuf>,
    /// The files of the site folder outside the content folder that an
    /// include names and that are not there (each place looked in), which
    /// the dev server watches for: a listing deleted and put back, or
    /// written after the page that includes it.
    pub missing: Vec<PathBuf>,
    /// The Markdown files put in from outside the content folder, or from
    /// a hidden or `_` file or folder of it (no page), whose front matter
    /// says `audience: internal` (as the site folder shows them), with the
    /// range of the line that includes each: a public page may not show
    /// them.
    pub internal: Vec<(String, Range<usize>)>,
}

/// [`include`] for each of `files`: the bodies of those that include
/// files, by content-relative path, and the warnings.
pub fn include_all(
    root: &Path,
    folder: &ContentFolder,
    files: &[&SourceFile],
) -> (BTreeMap<String, Arc<Included>>, Vec<Diagnostic>) {
    // The folders as the included files' paths are checked against, their
    // symbolic links resolved once for every page.
    let (Ok(root), Ok(content)) = (root.canonicalize(), folder.dir.canonicalize()) else {
        return (BTreeMap::new(), Vec::new());
    };
    let pages: HashSet<&str> = files.iter().map(|f| f.rel.as_str()).collect();
    let results: Vec<_> = files
        .par_iter()
        .map(|file| {
            let included = include((&root, &content, &pages), &folder.mounted, file);
            (file.rel.clone(), included)
        })
        .collect();
    let mut included = BTreeMap::new();
    let mut warnings = Vec::new();
    for (rel, (body, problems)) in results {
        warnings.extend(problems);
        if let Some(body) = body {
            included.insert(rel, Arc::new(body));
        }
    }
    (included, warnings)
}

/// The body of `file` with the files it includes put in, and the
/// warnings for those that could not be; `None` when it includes none.
/// `root` and `content`: the site and content folders, their symbolic links
/// resolved; `pages`: the content-relative paths of the site's pages;
/// `mounted`: the folders that stand in the content folder.
fn include(
    (root, content, pages): (&Path, &Path, &HashSet<&str>),
    mounted: &[super::Mounted],
    file: &SourceFile,
) -> (Option<Included>, Vec<Diagnostic>) {
    let body_start = front_matter::split(&file.text).map_or(0, |split| split.body_start);
    let body = &file.text[body_start..];
    if !may_include(body) {
        return (None, Vec::new());
    }
    let directives = includes::directives(body);
    if directives.is_empty() {
        return (None, Vec::new());
    }
    // A mounted folder's page reads from where it stands.
    let folder = match super::mounted_path(mounted, &file.rel) {
        Some(path) => root.join(path),
        None => content.join(&file.rel),
    };
    let mut reader = Reader {
        root: root.to_path_buf(),
        content: content.to_path_buf(),
        pages,
        files: Vec::new(),
        outside: Vec::new(),
        missing: Vec::new(),
        internal: Vec::new(),
        total: 0,
        problems: Vec::new(),
        within: Vec::new(),
    };
    let folder = folder.parent().unwrap_or(&reader.content).to_path_buf();
    let texts: Vec<Vec<String>> = directives
        .iter()
        .map(|d| {
            // A problem is shown at the include's first line (a MyST
            // block's opening one).
            let from = d.span.start + d.indent.len();
            let line = body[from..d.span.end]
                .find('\n')
                .map_or(d.span.end, |n| from + n);
            reader.texts(d, &folder, 0, &(from..line))
        })
        .collect();
    // One warning per reason, at its first include: a book copied
    // without its listings has hundreds.
    let mut reasons: Vec<(String, Range<usize>, String, usize)> = Vec::new();
    for (span, path, reason) in reader.problems {
        match reasons.iter_mut().find(|r| r.0 == reason) {
            Some(same) => same.3 += 1,
            None => reasons.push((reason, span, path, 1)),
        }
    }
    let warnings = reasons
        .into_iter()
        .map(|(reason, span, path, count)| {
            let span = body_start + span.start..body_start + span.end;
            let message = if count == 1 {
                format!("file include `{path}` left out: {reason}")
            } else {
                format!("{count} file includes left out: {reason}; the first: `{path}`")
            };
            Diagnostic::warning(&file.path, span, message).with_help(
                "tier0 includes files of the site folder, as mdBook, PyMdown's snippets, \
                 mkdocs-include-markdown and MDX do: write a path from this page's folder \
                 (mdBook, include tags, MyST, MDX imports) or from the site folder (`--8<--`, \
                 `{!…!}`, MDX's `@site/`)",
            )
        })
        .collect();
    let included = Included {
        expanded: includes::expand(body, &directives, &texts),
        files: reader.files,
        outside: reader.outside,
        missing: reader.missing,
        internal: reader.internal,
    };
    (Some(included), warnings)
}

/// Whether `body` may hold an include: a quick look before reading it
/// line by line (two scans: every page is looked at on every build).
fn may_include(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memmem::find(bytes, b"8<-").is_some()
        || (memchr::memmem::find(bytes, b"import ").is_some()
            && (memchr::memmem::find(bytes, b".md").is_some()
                || memchr::memmem::find(bytes, b"raw-loader!").is_some()))
        || memchr::memchr_iter(b'{', bytes).any(|i| {
            let rest = &bytes[i + 1..];
            matches!(rest.first(), Some(b'{' | b'!' | b'%'))
                || rest.starts_with(b"include}")
                || rest.starts_with(b"literalinclude}")
        })
}

/// What reading a page's includes gathers.
struct Reader<'a> {
    /// The site folder, its symbolic links resolved.
    root: PathBuf,
    /// The content folder, the same.
    content: PathBuf,
    /// The content-relative paths of the site's pages: another file of the
    /// content folder (a snippet, one another generator's configuration
    /// keeps off the site) is no page, and its front matter decides
    /// whether a public page may show it.
    pages: &'a HashSet<&'a str>,
    files: Vec<(String, Range<usize>)>,
    outside: Vec<PathBuf>,
    missing: Vec<PathBuf>,
    internal: Vec<(String, Range<usize>)>,
    /// The bytes of text put in so far ([`MAX_TOTAL_BYTES`]).
    total: usize,
    /// Each problem, at the range of the page's line it comes from, with
    /// the path as written and why.
    problems: Vec<(Range<usize>, String, String)>,
    /// The files being included, outermost first.
    within: Vec<PathBuf>,
}

impl Reader<'_> {
    /// The texts of the files `directive` names, read from `folder` (the
    /// including file's), `depth` includes deep; problems at `at`.
    fn texts(
        &mut self,
        directive: &Directive,
        folder: &Path,
        depth: usize,
        at: &Range<usize>,
    ) -> Vec<String> {
        let mut texts = Vec::new();
        for target in &directive.targets {
            match self.text(target, folder, depth, at) {
                Ok(text) => texts.push(text),
                Err(problem) => self
                    .problems
                    .push((at.clone(), target.path.clone(), problem)),
            }
        }
        texts
    }

    /// The part of the file `target` names that it asks for, its own
    /// includes put in.
    fn text(
        &mut self,
        target: &Target,
        folder: &Path,
        depth: usize,
        at: &Range<usize>,
    ) -> Result<String, String> {
        let path = self.locate(target, folder)?;
        if self.within.contains(&path) {
            return Err("it includes itself (through the files it includes)".into());
        }
        let bytes = read_small(&path)?;
        let text = String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
        let whole = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let markdown = is_markdown(&path.to_string_lossy());
        // Markdown put in as Markdown, not shown as code, loses its front matter.
        let text = match (markdown && target.code.is_none(), &target.select) {
            (true, Select::All | Select::Between(..)) => {
                front_matter::split(whole).map_or(whole, |split| split.body)
            }
            _ => whole,
        };
        let part = includes::select(text, &target.select)?;
        if self.total + part.len() > MAX_TOTAL_BYTES {
            return Err(format!(
                "the page's includes would put in more than {} MiB",
                MAX_TOTAL_BYTES >> 20
            ));
        }
        self.total += part.len();
        // A page of the content folder is withheld as the build decides
        // (its section, its translations); another Markdown file, as its
        // front matter says.
        let page = match path.strip_prefix(&self.content) {
            Ok(rel) => {
                let rel = rel.to_string_lossy().replace('\\', "/");
                let page = self.pages.contains(rel.as_str());
                self.files.push((rel, at.clone()));
                page
            }
            Err(_) => {
                self.outside.push(path.clone());
                false
            }
        };
        if markdown && !page && says_internal(&path, whole) {
            let shown = path.strip_prefix(&self.root).unwrap_or(&path);
            self.internal
                .push((shown.display().to_string(), at.clone()));
        }
        if let Some(language) = &target.code {
            return Ok(includes::fenced(&part, language));
        }
        let inner = path.parent().unwrap_or(&self.root).to_path_buf();
        // mkdocs-include-markdown, MDX and Hugo read the file's links from its
        // folder.
        let part = if matches!(target.tool, Tool::Tag | Tool::Mdx | Tool::Hugo) && inner != folder {
            includes::rebase_links(&part, &|url| rebased(url, &inner, folder))
        } else {
            part
        };
        let nested = includes::directives(&part);
        if nested.is_empty() {
            return Ok(part);
        }
        if depth + 1 >= MAX_DEPTH {
            return Err(format!("its includes go more than {MAX_DEPTH} deep"));
        }
        self.within.push(path);
        let texts: Vec<Vec<String>> = nested
            .iter()
            .map(|d| self.texts(d, &inner, depth + 1, at))
            .collect();
        self.within.pop();
        Ok(includes::expand(&part, &nested, &texts).text().to_owned())
    }

    /// The file `target` names, its symbolic links resolved, when it is a
    /// file of the site folder that a page may include; when there is none,
    /// the places looked in outside the content folder are noted as missing.
    fn locate(&mut self, target: &Target, folder: &Path) -> Result<PathBuf, String> {
        // MyST's `/` is Sphinx's source folder, and MDX's is Mintlify's
        // docs folder (`/snippets/intro.mdx`): the content folder; MDX's
        // `@site/` the Docusaurus project's, which holds its docs folder.
        let from_source = matches!(target.tool, Tool::Myst | Tool::Mdx | Tool::Hugo)
            && target.path.starts_with('/');
        let site_path = (target.tool == Tool::Mdx)
            .then(|| target.path.strip_prefix("@site/"))
            .flatten();
        let written = Path::new(if from_source {
            target.path.trim_start_matches('/')
        } else {
            site_path.unwrap_or(&target.path)
        });
        let project = self.content.parent().unwrap_or(&self.root).to_path_buf();
        if target.path.contains("://")
            || target.path.starts_with('~')
            || written
                .components()
                .any(|c| matches!(c, Component::RootDir | Component::Prefix(_)))
        {
            return Err("an absolute path or a URL names no file of the site folder".into());
        }
        // Hugo's `site.GetPage` reads a path from the language's content
        // folder, which may be one part of tier0's (`content/en/`): the
        // page's folder, then the nearest folder above it, that holds it.
        let above: Vec<&Path> = (folder.ancestors())
            .take_while(|dir| dir.starts_with(&self.content))
            .collect();
        let bases: &[&Path] = match target.tool {
            Tool::Hugo => &above,
            Tool::Myst | Tool::Mdx if from_source => &[&self.content],
            Tool::Mdx if site_path.is_some() => &[&project],
            Tool::Snippets => &[&self.root, folder],
            Tool::MdBook | Tool::Tag | Tool::Myst | Tool::Mdx => &[folder],
        };
        let found = bases
            .iter()
            .find_map(|base| base.join(written).canonicalize().ok());
        if found.is_none() {
            let missing: Vec<PathBuf> = bases
                .iter()
                .filter_map(|base| super::resolve(&base.join(written)).ok())
                .filter(|path| {
                    path.strip_prefix(&self.root)
                        .is_ok_and(|inside| !in_git_or_state(inside))
                        && !path.starts_with(&self.content)
                })
                .collect();
            self.missing.extend(missing);
        }
        let found = found.ok_or_else(|| {
            let looked: Vec<String> = bases
                .iter()
                .map(|b| {
                    b.strip_prefix(&self.root)
                        .unwrap_or(b)
                        .display()
                        .to_string()
                })
                .map(|b| {
                    if b.is_empty() {
                        "the site folder".into()
                    } else {
                        format!("{b}/")
                    }
                })
                .collect();
            format!("no such file (looked in {})", looked.join(" and "))
        })?;
        let Ok(inside) = found.strip_prefix(&self.root) else {
            return Err("it leads out of the site folder".into());
        };
        if in_git_or_state(inside) {
            return Err("it is in a `.git` or `.tier0` folder".into());
        }
        Ok(found)
    }
}

/// Whether `path` (in the site folder) is in a `.git` or tier0's state
/// folder, whose files no page may include.
fn in_git_or_state(path: &Path) -> bool {
    path.components()
        .any(|c| matches!(c.as_os_str().to_str(), Some(".git" | ".tier0")))
}

/// The target `url` of a link written in a file of the folder `from`, as
/// written from the folder `to`; `None` for an address (with a scheme, or
/// from the site's root), an anchor of the page, or a template's.
fn rebased(url: &str, from: &Path, to: &Path) -> Option<String> {
    let (path, rest) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    let scheme = path
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'));
    if path.is_empty() || path.starts_with(['/', '\\', '{']) || scheme {
        return None;
    }
    let mut target: Vec<Component<'_>> = Vec::new();
    for c in from.components().chain(Path::new(path).components()) {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(target.last(), Some(Component::Normal(_))) => {
                target.pop();
            }
            c => target.push(c),
        }
    }
    let base: Vec<Component<'_>> = to.components().collect();
    let common = target.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let ups = std::iter::repeat_n("..".to_owned(), base.len() - common);
    let downs = target[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let mut written: Vec<String> = ups.chain(downs).collect();
    if written.is_empty() {
        written.push(".".into());
    }
    let slash = if path.ends_with('/') { "/" } else { "" };
    Some(format!("{}{slash}{rest}", written.join("/")))
}

/// Whether the front matter of `text`, the file at `path`, says
/// `audience: internal` (or cannot be read: it may say so).
fn says_internal(path: &Path, text: &str) -> bool {
    use crate::matter::{self, Want};
    let Ok(split) = front_matter::split(text) else {
        return true;
    };
    let wanted = |key: &str| {
        if key == "audience" {
            Want::Text
        } else {
            Want::Skip
        }
    };
    matter::read(path, &split, &wanted).map_or(true, |read| {
        read.entries.iter().any(|e| {
            e.key == "audience"
                && e.value
                    .as_ref()
                    .and_then(|v| v.scalar_text())
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("internal"))
        })
    })
}

/// The bytes of the file at `path`, if it is a file of at most [`MAX_BYTES`].
fn read_small(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err("it is not a file".into());
    }
    if meta.len() > MAX_BYTES {
        return Err(format!("it is larger than {} MiB", MAX_BYTES >> 20));
    }
    std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))
}

#[cfg(test)]
mod tests;

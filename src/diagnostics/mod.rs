//! Located problems found while building a site, and how they are shown.
//!
//! Every stage reports content problems as [`Diagnostic`]s instead of
//! stopping at the first one, so a build prints all of them at once,
//! compiler-style. A diagnostic points at a byte range of a source file; the
//! [`SourceTexts`] collected by discovery turn that into `file:line:column`
//! and a snippet. Only the binary decides how they are printed; what they
//! show (file names, messages, source lines) is made [`terminal::inert`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde::Serialize;

use crate::terminal;
use snippet::Snippets;

mod snippet;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the build.
    Error,
    /// Reported, but the build goes on.
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user knows it (relative to the site root).
    pub path: PathBuf,
    /// Byte range in the file; may be empty.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span` of `path`.
    pub fn error(path: impl Into<PathBuf>, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            span,
            message: message.into(),
            help: None,
        }
    }

    /// A warning at `span` of `path`.
    pub fn warning(
        path: impl Into<PathBuf>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, span, message)
        }
    }

    /// This problem as a warning unless `strict`: for problems confined to
    /// one article that a lenient build publishes anyway (a broken link).
    #[must_use]
    pub fn fatal_if(mut self, strict: bool) -> Self {
        if !strict {
            self.severity = Severity::Warning;
        }
        self
    }

    /// Adds advice on how to fix the problem.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this diagnostic fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text of every source file a diagnostic may point into.
#[derive(Debug, Default, Clone)]
pub struct SourceTexts {
    texts: BTreeMap<PathBuf, Arc<str>>,
}

impl FromIterator<(PathBuf, Arc<str>)> for SourceTexts {
    /// The texts of paths given in any order; the last text of a path wins.
    /// (Built in one pass when the paths come sorted.)
    fn from_iter<I: IntoIterator<Item = (PathBuf, Arc<str>)>>(texts: I) -> Self {
        Self {
            texts: texts.into_iter().collect(),
        }
    }
}

impl SourceTexts {
    /// Remembers the text of `path` (lossily decoded if it is not UTF-8).
    pub fn insert(&mut self, path: impl Into<PathBuf>, text: Arc<str>) {
        self.texts.insert(path.into(), text);
    }

    /// Adds the texts of `other` (whose text wins for a path in both).
    pub fn extend(&mut self, mut other: SourceTexts) {
        // One merge of two sorted maps, not an insert per text of `other`.
        self.texts.append(&mut other.texts);
    }

    /// Forgets every text but those of `paths`.
    pub fn keep_only<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) {
        let keep: std::collections::BTreeSet<&Path> = paths.into_iter().collect();
        self.texts.retain(|path, _| keep.contains(path.as_path()));
    }

    /// The text of `path`, if remembered.
    pub fn text(&self, path: &Path) -> Option<&str> {
        self.texts.get(path).map(|t| &**t)
    }

    /// The 1-based line and column (in characters) of `offset` in `path`.
    pub fn line_col(&self, path: &Path, offset: usize) -> (usize, usize) {
        self.texts
            .get(path)
            .map_or((1, 1), |text| line_col(text, offset))
    }

    /// Writes `diagnostics` compiler-style, sorted by file and position.
    pub fn emit(
        &self,
        out: &mut dyn WriteColor,
        diagnostics: &[Diagnostic],
    ) -> std::io::Result<()> {
        let mut files = Snippets::default();
        // Per file, computed once for all its diagnostics: its id, and
        // where its offsets land in the text as shown.
        let mut ids: BTreeMap<PathBuf, (usize, terminal::InertOffsets)> = BTreeMap::new();
        let config = term::Config::default();
        for d in sorted(diagnostics) {
            let text = self.texts.get(&d.path);
            // The snippet shows the file's text, the header its name: both
            // as a terminal cannot obey them, spans moved to match.
            let name = terminal::inert_line(&d.path.display().to_string()).into_owned();
            let (whole, offsets) = ids.entry(d.path.clone()).or_insert_with(|| {
                // A text shown as it is moves no offset.
                let (shown, offsets): (Arc<str>, _) = match text.map(|t| (t, terminal::inert(t))) {
                    None => (Arc::from(""), terminal::InertOffsets::default()),
                    Some((t, Cow::Borrowed(_))) => (t.clone(), terminal::InertOffsets::default()),
                    Some((t, Cow::Owned(shown))) => {
                        (Arc::from(shown), terminal::InertOffsets::new(t))
                    }
                };
                (files.add(name.clone(), shown), offsets)
            });
            let len = text.map_or(0, |t| t.len());
            let start = floor_char_boundary(text, d.span.start.min(len));
            let end = floor_char_boundary(text, d.span.end.clamp(start, len));
            let span = offsets.shown(start)..offsets.shown(end);
            let (id, span) = files
                .add_cut(*whole, &name, &span)
                .unwrap_or((*whole, span));
            let report = match d.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            }
            .with_message(terminal::inert(&d.message))
            .with_labels(vec![Label::primary(id, span)])
            .with_notes(
                d.help
                    .iter()
                    .map(|h| format!("help: {}", terminal::inert(h)))
                    .collect(),
            );
            term::emit_to_write_style(out, &config, &files, &report)
                .map_err(std::io::Error::other)?;
        }
        Ok(())
    }
}

/// Warnings of one kind that [`abridge`] left out of a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abridged {
    /// The kind: the message with its quoted parts and numbers blanked.
    pub kind: String,
    /// The message of the first warning of that kind.
    pub example: String,
    /// How many warnings of that kind were left out.
    pub hidden: usize,
}

/// The diagnostics to list when a reader wants to see each kind of problem
/// but not ten thousand of one kind: every error, and the first `keep`
/// warnings (in [`sorted`] order) of each kind; the rest are counted by kind.
///
/// A real documentation folder brought from another tool can give one
/// warning per file (no `id`, a shortcode left out): listed whole, they bury
/// the errors and took seconds to print. `tier0 check` lists them all.
pub fn abridge(diagnostics: &[Diagnostic], keep: usize) -> (Vec<Diagnostic>, Vec<Abridged>) {
    let mut seen: BTreeMap<String, (&str, usize)> = BTreeMap::new();
    let mut shown = Vec::new();
    for d in sorted(diagnostics) {
        if d.is_error() {
            shown.push(d.clone());
            continue;
        }
        let (_, count) = seen.entry(kind(&d.message)).or_insert((&d.message, 0));
        *count += 1;
        if *count <= keep {
            shown.push(d.clone());
        }
    }
    let abridged = seen
        .into_iter()
        .filter(|&(_, (_, count))| count > keep)
        .map(|(kind, (example, count))| Abridged {
            kind,
            example: example.to_owned(),
            hidden: count - keep,
        })
        .collect();
    (shown, abridged)
}

/// A message with what varies from one instance to the next (`quoted` parts
/// and numbers) blanked, so that messages of one kind compare equal.
fn kind(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' => {
                if !quoted {
                    kind.push_str("`…`");
                }
                quoted = !quoted;
            }
            _ if quoted => {}
            '0'..='9' => {
                if !kind.ends_with('N') {
                    kind.push('N');
                }
            }
            _ => kind.push(c),
        }
    }
    kind
}

/// A diagnostic with its position as line and column, for JSON consumers
/// (`tier0 check --format json`, the dev server's error overlay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located {
    /// Error or warning.
    pub severity: Severity,
    /// File, relative to the site root, `/`-separated.
    pub path: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (in characters) of the start.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end.
    pub end_column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl SourceTexts {
    /// `diagnostics`, sorted, with their positions as lines and columns.
    ///
    /// Sorted, the starts in a file come in order, so each is found from
    /// the one before: 100,000 problems on one long line cost one pass
    /// over the line, not one each.
    pub fn locate(&self, diagnostics: &[Diagnostic]) -> Vec<Located> {
        let mut file: Option<(&Path, Cursor<'_>)> = None;
        sorted(diagnostics)
            .into_iter()
            .map(|d| {
                let cursor = match &mut file {
                    Some((path, cursor)) if *path == d.path => cursor,
                    _ => {
                        let text = self.texts.get(&d.path).map_or("", |t| &**t);
                        &mut file.insert((&d.path, Cursor::new(text))).1
                    }
                };
                let (line, column) = cursor.advance(d.span.start);
                let (end_line, end_column) = cursor.clone().advance(d.span.end);
                Located {
                    severity: d.severity,
                    path: d.path.to_string_lossy().replace('\\', "/"),
                    line,
                    column,
                    end_line,
                    end_column,
                    message: d.message.clone(),
                    help: d.help.clone(),
                }
            })
            .collect()
    }
}

/// Diagnostics in the order a reader wants them: by file, then position.
pub fn sorted(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut v: Vec<&Diagnostic> = diagnostics.iter().collect();
    v.sort_by(|a, b| {
        (&a.path, a.span.start, a.severity, &a.message).cmp(&(
            &b.path,
            b.span.start,
            b.severity,
            &b.message,
        ))
    });
    v.dedup();
    v
}

/// Appends to `list` the diagnostics of `more` it does not hold yet: two
/// passes over the same site (two renders, two editions) find some problems
/// twice, and each must be shown and counted once.
///
/// One pass with a set: a site with 100,000 broken links has as many
/// diagnostics in each pass.
pub fn add_new(list: &mut Vec<Diagnostic>, more: Vec<Diagnostic>) {
    let fresh: Vec<bool> = {
        let mut seen: std::collections::HashSet<&Diagnostic> = list.iter().collect();
        more.iter().map(|d| seen.insert(d)).collect()
    };
    list.extend(
        more.into_iter()
            .zip(fresh)
            .filter_map(|(d, fresh)| fresh.then_some(d)),
    );
}

fn floor_char_boundary(text: Option<&Arc<str>>, mut offset: usize) -> usize {
    if let Some(text) = text {
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
    }
    offset
}

/// The byte offset of serde_json's 1-based line and column (in bytes) in `text`.
pub fn json_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    Cursor::new(text).advance(offset)
}

/// A position in a text, moved forward by counting what it passes over.
#[derive(Clone)]
struct Cursor<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// Moves to byte `offset` (the end if past it; from the start if
    /// before the cursor) and returns its line and column. An offset
    /// inside a character counts that character.
    fn advance(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            *self = Self {
                bytes: self.bytes,
                ..Self::new("")
            };
        }
        for &b in &self.bytes[self.offset..offset] {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests;

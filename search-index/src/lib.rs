//! tier0's search: analyzers, the tantivy index, the static export the
//! browser reads, the query engine, and the browser engine itself.
//!
//! In: the published articles of a build as [`SearchDocument`]s. Out: one
//! tantivy index per language on disk ([`build`]), the files of the static
//! client-side index, engine included, streamed to a callback ([`export`],
//! format described in `FORMAT.md`), the query engine over those files
//! ([`Engine`], what `tier0 search` runs) and the browser engine
//! ([`engine_js`]).
//!
//! Guarantees: the same documents give byte-identical exported files; the
//! scores in them are tantivy's BM25 (see `export`); [`Engine`] and the
//! browser engine implement one specification (`QUERY.md`) over the same
//! files, and the agreement tests hold them to the same answers.

pub mod analyzer;
mod collect;
pub mod engine;
mod error;
pub mod export;
pub mod format;
mod index;
pub mod schema;
pub mod synonyms;
mod unsynced;

use std::path::PathBuf;

pub use engine::Engine;
pub use error::SearchError;
pub use export::{Sink, export, export_files};
pub use index::{Plan, build};
pub use synonyms::SynonymRule;

/// The browser engine's source: a dependency-free ES module (see `FORMAT.md`).
const ENGINE_JS: &str = include_str!("../js/tier0-search.js");

/// The browser engine as published: [`ENGINE_JS`] without its whole-line
/// comments and indentation. Every first query downloads the engine, and
/// its documentation is a quarter of its gzip bytes; the code lines are
/// kept as they are, so the published engine runs the very code the
/// engine tests run.
pub fn engine_js() -> &'static str {
    static PUBLISHED: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| without_comment_lines(ENGINE_JS));
    &PUBLISHED
}

/// `source` (JavaScript) without the lines that are only a comment (`//`
/// lines, and `/* … */` blocks that start a line and leave nothing after
/// them) and without leading whitespace. Line-based on purpose: it never
/// looks inside a line, so strings and regular expressions are safe; a
/// line break is kept wherever one was, so automatic semicolon insertion
/// reads the same code.
fn without_comment_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_block = false;
    for line in source.lines() {
        let code = line.trim_start();
        let kept = if in_block || code.starts_with("/*") {
            match code.split_once("*/") {
                None => {
                    in_block = true;
                    None
                }
                Some((_, rest)) if rest.trim().is_empty() => {
                    in_block = false;
                    None
                }
                // A comment opened on an earlier line ends here: what follows it.
                Some((_, rest)) if in_block => {
                    in_block = false;
                    Some(rest.trim_start())
                }
                Some(_) => Some(code),
            }
        } else {
            (!code.is_empty() && !code.starts_with("//")).then_some(code)
        };
        if let Some(code) = kept {
            out.push_str(code);
            out.push('\n');
        }
    }
    out
}

/// File name under which [`export`] emits [`engine_js`].
pub const ENGINE_JS_NAME: &str = "tier0-search.js";

/// File name under which [`export`] emits [`engine_classic_js`].
pub const ENGINE_CLASSIC_JS_NAME: &str = "tier0-search.classic.js";

/// The last line of [`ENGINE_JS`], its only `export`.
const ENGINE_EXPORT_LINE: &str = "export { createSearch, scriptLoader, searchSession, normalize, tokenize, editDistance, FORMAT_VERSION };";

/// [`engine_js`] as a classic script that sets `globalThis.tier0Search`
/// (`{ createSearch, scriptLoader, searchSession, normalize, tokenize, editDistance, FORMAT_VERSION }`).
///
/// Browsers refuse ES modules from `file://`; a page opened from disk loads
/// this one with `<script src>` instead.
pub fn engine_classic_js() -> String {
    format!(
        "(function () {{\n\"use strict\";\n{}globalThis.tier0Search = tier0Search;\n}})();\n",
        engine_inline_js()
    )
}

/// [`engine_js`] without its `export`, its API bound to a local constant
/// `tier0Search` instead: for scripts that bundle the engine into their
/// own scope (the classic engine above, tier0's help widget), so the same
/// source runs everywhere and no global name is taken.
pub fn engine_inline_js() -> String {
    engine_js().replace(
        ENGINE_EXPORT_LINE,
        "const tier0Search = { createSearch, scriptLoader, searchSession, normalize, tokenize, editDistance, FORMAT_VERSION };",
    )
}

/// One published article, as the build pipeline hands it over (already
/// filtered: no drafts, nothing internal).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SearchDocument {
    /// Stable article id, e.g. "KB-1042" (unique per language).
    pub id: String,
    /// Language code, e.g. "es", "en".
    pub lang: String,
    /// Site-relative URL path, no leading slash, e.g. "red/wifi-no-conecta/".
    pub url: String,
    /// Article title.
    pub title: String,
    /// Front-matter description.
    pub description: String,
    /// Tier id, e.g. "L3".
    pub tier: String,
    /// Category id ("" when none): the section path (`network/vpn`).
    pub category: String,
    /// Titles of the sections from the top down to the article's own, to
    /// tell apart articles of the same title in different sections.
    #[serde(default)]
    pub trail: Vec<String>,
    /// troubleshooting | how-to | faq | known-issue | reference.
    pub doc_type: String,
    /// Tags, symptoms, error codes and applies_to.
    pub keywords: Vec<String>,
    /// Body split at headings, in order.
    pub sections: Vec<Section>,
    /// Written for agents only (an agents' build); results show it.
    #[serde(default)]
    pub internal: bool,
    /// Its KCS state when it is not validated (`draft`, `not-validated`,
    /// `archived`); results show it.
    #[serde(default)]
    pub confidence: Option<String>,
}

impl SearchDocument {
    /// This article with its text as both engines read it
    /// ([`analyzer::canonical`]), or `None` when it already is (nearly
    /// always): an article written with combining accents, soft hyphens or
    /// zero-width spaces is found by the words it shows.
    fn canonical(&self) -> Option<Self> {
        use std::borrow::Cow;
        let sections = self.sections.iter();
        let mut texts = [&self.title, &self.description]
            .into_iter()
            .chain(&self.keywords)
            .chain(&self.trail)
            .chain(sections.flat_map(|s| s.heading.iter().chain([&s.text])));
        if texts.all(|t| matches!(analyzer::canonical(t), Cow::Borrowed(_))) {
            return None;
        }
        let c = |t: &String| analyzer::canonical(t).into_owned();
        Some(Self {
            title: c(&self.title),
            description: c(&self.description),
            keywords: self.keywords.iter().map(c).collect(),
            trail: self.trail.iter().map(c).collect(),
            sections: self
                .sections
                .iter()
                .map(|s| Section {
                    anchor: s.anchor.clone(),
                    heading: s.heading.as_ref().map(c),
                    text: c(&s.text),
                })
                .collect(),
            ..self.clone()
        })
    }
}

/// A part of an article body: the text under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// Heading id (None for text before the first heading).
    pub anchor: Option<String>,
    /// Heading text.
    pub heading: Option<String>,
    /// Plain text of the section body (no markup).
    pub text: String,
}

/// A static file of the browser index (see [`export_files`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    /// Path relative to the search directory, forward slashes.
    pub path: String,
    /// File contents.
    pub bytes: Vec<u8>,
}

/// Handle on the indexes written by [`build`].
#[derive(Debug)]
pub struct BuiltIndex {
    pub(crate) dir: PathBuf,
    /// Every language of the build, in the order given: those built and
    /// those kept from an earlier build ([`Plan::build`]).
    pub(crate) order: Vec<String>,
    /// The languages built.
    pub(crate) languages: Vec<LanguageIndex>,
}

/// The tantivy index of one language.
pub(crate) struct LanguageIndex {
    pub(crate) lang: String,
    pub(crate) index: tantivy::Index,
    /// What the export writes, computed by `build` alongside the index.
    pub(crate) data: collect::LanguageData,
    /// Synonym rules of the language (see [`BuiltIndex::set_synonyms`]).
    pub(crate) synonyms: Vec<SynonymRule>,
}

impl std::fmt::Debug for LanguageIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageIndex")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

impl BuiltIndex {
    /// The directory holding one tantivy index per language.
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// Per-(term, doc) scores of a language read back from its tantivy
    /// index, as its boosted per-field `TermQuery`s score them (slow; for
    /// tests and diagnostics).
    pub fn scores(&self, lang: &str) -> Result<export::LanguageScores, SearchError> {
        let language = self
            .languages
            .iter()
            .find(|l| l.lang == lang)
            .ok_or_else(|| SearchError::MissingLanguage {
                lang: lang.to_string(),
                path: self.dir.clone(),
            })?;
        export::language_scores(&language.index, &self.dir.join(lang))
    }

    /// Sets the synonym rules of `lang`, which [`export`] resolves against
    /// the language's vocabulary into its manifest (a language that was not
    /// built is ignored).
    pub fn set_synonyms(&mut self, lang: &str, rules: Vec<SynonymRule>) {
        if let Some(language) = self.languages.iter_mut().find(|l| l.lang == lang) {
            language.synonyms = rules;
        }
    }

    /// Language codes, in the order given to [`build`], kept ones included.
    pub fn languages(&self) -> Vec<&str> {
        self.order.iter().map(String::as_str).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_published_engine_has_every_code_line_and_no_comment_line() {
        let published = super::engine_js();
        assert!(published.len() * 4 < super::ENGINE_JS.len() * 3);
        assert!(published.contains(super::ENGINE_EXPORT_LINE));
        let mut lines = published.lines();
        // Every line of code, in order; only comments and blank lines gone.
        let mut in_block = false;
        for line in super::ENGINE_JS.lines().map(str::trim_start) {
            let comment = in_block || line.starts_with("//") || line.starts_with("/*");
            if line.starts_with("/*") && !line.contains("*/") {
                in_block = true;
            } else if in_block && line.contains("*/") {
                in_block = false;
            }
            if !comment && !line.is_empty() {
                assert_eq!(lines.next(), Some(line));
                // Dropping lines is safe only outside multi-line template literals.
                assert!(line.matches('`').count() % 2 == 0, "{line}");
            }
        }
        assert_eq!(lines.next(), None);
    }

    #[test]
    fn comment_lines_go_code_stays() {
        let source = "// a\n  /**\n   * b // c\n   */\n  const re = /\\/\\//g; // d\n/* e */ f();\n/* g\n*/ h();\nconst s = \"/* i\";\n";
        assert_eq!(
            super::without_comment_lines(source),
            "const re = /\\/\\//g; // d\n/* e */ f();\nh();\nconst s = \"/* i\";\n"
        );
    }

    #[test]
    fn the_classic_engine_has_no_export_left() {
        assert!(super::ENGINE_JS.contains(super::ENGINE_EXPORT_LINE));
        let classic = super::engine_classic_js();
        assert!(!classic.contains("export {"));
        assert!(!classic.contains("import.meta"));
        assert!(classic.contains("globalThis.tier0Search = tier0Search;"));
    }
}

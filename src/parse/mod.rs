//! The parse stage: article files → validated [`Article`]s.
//!
//! In: discovered [`Sources`] and the [`Config`]. Out: one [`Article`] per
//! file whose front matter is valid, one [`SectionPage`] per `_index.md`,
//! and every problem found, located. Checks that need only one file and the
//! config happen here (known tier and language, valid dates); checks across
//! files happen in `link`.
//!
//! Front matter may be YAML or TOML, or absent; it is read as other tools
//! write it (see `fields`), and what only another tool's convention
//! explains is a warning, never an error: a title missing from the front
//! matter comes from the body's first `# Heading` (or the file name), an
//! unknown `type` falls back to the default, a slug or category with
//! capitals or spaces is slugified. The body's Markdown dialect (see
//! [`crate::dialects`]) is read here too, for its warnings.

mod again;
mod article;
mod category;
pub mod date;
mod docusaurus;
mod fields;
mod folders;
mod jupyter_book;
mod keys;
mod language_folders;
mod mintlify;
pub use language_folders::language_homes;
mod mkdocs;
mod navigation;
mod place;
mod script;
mod section;
mod starlight_sidebar;
mod summary;
pub mod title;
mod toctree;
mod translations;
mod withheld;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{Included, SourceFile, Sources};
pub use crate::kinds::{ArticleType, Audience, Confidence};
use crate::matter::{self, front_matter};
pub use again::Earlier;
pub use category::{Category, GeneratedIndex, Labels, categories, sidebar_labels};
pub use date::Timestamp;
pub use fields::FieldSpans;
pub use keys::FRONT_MATTER_KEYS;
pub use navigation::{NavPage, NavSection, Navigation};
pub use place::{
    SectionPath, docusaurus_path, is_docusaurus_id, is_section_id, number_prefix,
    without_number_prefix,
};
pub use summary::{Chapter, WrittenLink, chapters, links};
pub use title::title_from_name;
use title::{title_from_file_name, title_of};
pub use toctree::same_toctrees;

/// A valid article, as its author wrote it.
#[derive(Debug, Clone)]
pub struct Article {
    /// Path shown to users (`content/red/wifi.md`).
    pub path: PathBuf,
    /// Path relative to `content/`, `/`-separated.
    pub rel: String,
    /// Stable id (`KB-1042`).
    pub id: String,
    /// Title.
    pub title: String,
    /// One-line description.
    pub description: String,
    /// Tier that wrote it.
    pub tier: String,
    /// Tier to contact when it did not help.
    pub escalate_to: String,
    /// Article type.
    pub kind: ArticleType,
    /// Language code.
    pub lang: String,
    /// Section id (`vpn/macos`): its folders, or `category:`; `None` at
    /// the top of the site.
    pub section: Option<String>,
    /// URL slug.
    pub slug: String,
    /// Tags.
    pub tags: Vec<String>,
    /// Symptoms users see.
    pub symptoms: Vec<String>,
    /// Error codes.
    pub error_codes: Vec<String>,
    /// Products and versions.
    pub applies_to: Vec<String>,
    /// First published.
    pub date: Option<Timestamp>,
    /// Last updated (defaults to `date`).
    pub updated: Option<Timestamp>,
    /// Last reviewed (defaults to `updated`).
    pub reviewed: Option<Timestamp>,
    /// Review interval in days.
    pub review_every: u32,
    /// Old paths that redirect here.
    pub aliases: Vec<String>,
    /// The path the page had before a navigation's group of pages of the
    /// top folder moved it into its section (`install/` for
    /// `user-guide/install/`, `link::contents::gather`): it redirects here.
    pub moved_from: Option<String>,
    /// Unpublished: `draft: true`, or `confidence: draft`.
    pub draft: bool,
    /// `unlisted: true` (Docusaurus): published and reachable by its URL,
    /// but listed nowhere, searched by no one and marked `noindex` (the
    /// link stage's `LinkedArticle::listed` decides every listing).
    pub unlisted: bool,
    /// `search: false` (and other tools' keys for it): listed, but left
    /// out of the search index.
    pub unsearched: bool,
    /// KCS state: `confidence:`, else a draft for `draft: true`, else
    /// validated.
    pub confidence: Confidence,
    /// Public or internal.
    pub audience: Audience,
    /// Sort order within its section.
    pub weight: i64,
    /// Place among the articles of the same weight (Docusaurus's
    /// `sidebar_position`, Just the Docs' `nav_order`), which come before
    /// those without one.
    pub position: Option<i64>,
    /// Author's name.
    pub author: Option<String>,
    /// Owning team.
    pub team: Option<String>,
    /// The whole file; the Markdown body starts at `body_start`.
    pub text: Arc<str>,
    /// Byte offset of the body in the file.
    pub body_start: usize,
    /// The `# Heading` of the body that the page's title stands for, left
    /// out of the page (file offsets, its line ending included).
    pub title_heading: Option<Range<usize>>,
    /// The labels of the body's MyST targets (`(how-frozen)=`), which
    /// Sphinx lets any page link to by name alone (`[text](how-frozen)`).
    pub labels: Vec<String>,
    /// The body with the files it includes put in, if it includes any.
    pub included: Option<Arc<Included>>,
    /// Where front matter values stand.
    pub spans: FieldSpans,
}

/// What rendering a Markdown file's body reads of it, an article's or a
/// landing page's.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownFile<'a> {
    /// Path shown to users (`content/red/wifi.md`).
    pub path: &'a Path,
    /// Path relative to `content/`, `/`-separated: where its links start.
    pub rel: &'a str,
    /// Its language.
    pub lang: &'a str,
    /// The whole file.
    pub text: &'a str,
    /// Byte offset of the body in the file.
    pub body_start: usize,
    /// The `# Heading` the page's title stands for, left out of the page.
    pub title_heading: Option<&'a Range<usize>>,
    /// The body with the files it includes put in, which is read instead.
    pub included: Option<&'a Included>,
}

impl<'a> MarkdownFile<'a> {
    /// The Markdown body.
    pub fn body(&self) -> &'a str {
        &self.text[self.body_start..]
    }

    /// Whether the body is MDX (a `.mdx` file).
    pub fn is_mdx(&self) -> bool {
        self.rel.ends_with(".mdx")
    }

    /// The body as Markdown reads it: with the files it includes put in.
    pub fn read_body(&self) -> &'a str {
        self.included.map_or(self.body(), |i| i.expanded.text())
    }

    /// The body ready for the Markdown parser ([`crate::dialects::prepare`]).
    pub fn prepared(&self) -> crate::dialects::Prepared<'a> {
        crate::dialects::prepare_expanded(
            self.body(),
            self.is_mdx(),
            self.included.map(|i| &i.expanded),
            &shown_values(self.text, self.body()),
        )
    }
}

impl Article {
    /// What its page shows that other files may decide: its audience,
    /// whether it is a draft, its KCS state (its translations, its
    /// section's landing page decide them), whether it is unlisted and its
    /// title (a navigation file's: `_meta.json`, `.pages`, `nav:`), so a
    /// page whose text did not change may show another state.
    pub fn state(&self) -> (Audience, bool, Confidence, bool, &str) {
        (
            self.audience,
            self.draft,
            self.confidence,
            self.unlisted,
            &self.title,
        )
    }

    /// The Markdown body.
    pub fn body(&self) -> &str {
        self.file().body()
    }

    /// The article as a Markdown file to render.
    pub fn file(&self) -> MarkdownFile<'_> {
        MarkdownFile {
            path: &self.path,
            rel: &self.rel,
            lang: &self.lang,
            text: &self.text,
            body_start: self.body_start,
            title_heading: self.title_heading.as_ref(),
            included: self.included.as_deref(),
        }
    }

    /// Whether `text`, a new version of this article's file, differs from
    /// it only in what the body renders: its front matter, and the heading
    /// the title comes from, are the same. Neither includes files, which
    /// only a read of the site puts in.
    pub fn same_header(&self, text: &str) -> bool {
        let Ok(split) = front_matter::split(text) else {
            return false;
        };
        self.title_heading.is_none()
            && self.included.is_none()
            && split.body_start == self.body_start
            && text[..split.body_start] == self.text[..self.body_start]
            && crate::dialects::includes::directives(split.body).is_empty()
    }

    /// Lets go of the file's text: [`Self::body`] is empty afterwards.
    pub fn drop_text(&mut self) {
        self.text = Arc::from("");
        self.body_start = 0;
    }
}

/// The landing page of a section or of the home page (an `_index.md`, or
/// the `index.md` or `README.md` of a folder with other pages): the
/// section's title, description, order and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionPage {
    /// Section id; `None` for the home page (`content/_index.md`).
    pub section: Option<String>,
    /// Language code.
    pub lang: String,
    /// Title: `title:`, else the body's first `# Heading`.
    pub title: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Sort order.
    pub weight: Option<i64>,
    /// Path shown to users (`content/vpn/_index.md`).
    pub path: PathBuf,
    /// Path relative to `content/`, `/`-separated.
    pub rel: String,
    /// The whole file; the Markdown body starts at `body_start`.
    pub text: Arc<str>,
    /// Byte offset of the body in the file.
    pub body_start: usize,
    /// The `# Heading` the title comes from, left out of the page.
    pub title_heading: Option<Range<usize>>,
    /// The labels of the body's MyST targets (`(label)=`), which links of
    /// other pages may name.
    pub labels: Vec<String>,
    /// The body with the files it includes put in, if it includes any.
    pub included: Option<Arc<Included>>,
    /// Public or internal: an edition that does not show it builds the
    /// section as if it had no landing page.
    pub audience: Audience,
    /// `draft: true`: left out of a build without drafts likewise.
    pub draft: bool,
}

impl SectionPage {
    /// The landing page as a Markdown file to render.
    pub fn file(&self) -> MarkdownFile<'_> {
        MarkdownFile {
            path: &self.path,
            rel: &self.rel,
            lang: &self.lang,
            text: &self.text,
            body_start: self.body_start,
            title_heading: self.title_heading.as_ref(),
            included: self.included.as_deref(),
        }
    }
}

/// The output of the parse stage.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Valid articles, in path order.
    pub articles: Vec<Article>,
    /// Category and home page descriptions.
    pub sections: Vec<SectionPage>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The article files left out for their errors.
    pub left_out: Vec<SourceFile>,
    /// What MkDocs's `nav:` says of the site, if it has an `mkdocs.yml`,
    /// then what its folders' navigation files say of their folders.
    pub navigations: Vec<Navigation>,
    /// The translations the navigations give their sections' titles, by
    /// language (a Starlight group's `translations`).
    pub labels: Vec<Labels>,
}

/// Parses and checks every article and section file.
pub fn parse(config: &Config, sources: &Sources) -> Parsed {
    let landed = landed(sources);
    navigation::parse_navigated(config, sources, |read| {
        let given = read.given_titles(config, &sources.contents);
        let results = sources
            .articles
            .par_iter()
            .map(|file| {
                let included = sources.included.get(&file.rel);
                article::parse_article(config, file, included, &landed, given.of(&file.rel))
            })
            .collect();
        finish(config, sources, results, read)
    })
}

/// One article file parsed: the article if it is valid, else what is
/// known of the file left out; and its problems.
type Parse = (Result<Article, LeftOut>, Vec<Diagnostic>);

/// What is known of an article file left out for its errors: enough to
/// keep a translation from being published in the place of an internal
/// original that an error left out.
#[derive(Debug, Clone)]
pub(super) struct LeftOut {
    file: SourceFile,
    /// Its content-relative path without extension and language suffix:
    /// where its translations stand when its id is not known.
    family: String,
    /// Its id and audience, when its front matter could be read.
    read: Option<(String, Audience)>,
    /// Its section, when its front matter could be read and says no
    /// `audience:`: an internal section makes it internal
    /// ([`withheld::withhold`]).
    section: Option<String>,
}

impl LeftOut {
    fn new(config: &Config, file: &SourceFile, read: Option<(String, Audience)>) -> Self {
        Self {
            file: file.clone(),
            family: family(config, &file.rel),
            read,
            section: None,
        }
    }
}

/// `red/wifi.en.md` and `en/red/wifi.md` → `red/wifi`: the part of a
/// content-relative path that an article's translations share when they
/// follow the file-name convention, or stand in language folders
/// ([`Config::language_folder`]).
pub fn family(config: &Config, rel: &str) -> String {
    let placed = config.language_folder(rel).1;
    split_language(config, crate::landing::markdown_stem(placed))
        .0
        .to_owned()
}

/// The folders that have a landing page: an `index.md` beside an article
/// makes it that folder's own page.
fn landed(sources: &Sources) -> HashSet<&str> {
    sources
        .sections
        .iter()
        .map(|f| crate::landing::split_dir(&f.rel).0)
        .collect()
}

/// The parse stage's output from each article file's `results`, in the
/// order of `sources.articles`: the checks across translations, the
/// section files parsed, and the MkDocs navigation `read` with its problems.
/// Keeps the warning that a folder's name is read as another section id
/// at the first article of the folder only: every article of `User
/// Guide/` gave it, and a folder of 40 pages buried the other warnings.
fn once_per_folder(sources: &Sources, diagnostics: &mut Vec<Diagnostic>) {
    let folders: HashSet<&str> = sources
        .articles
        .iter()
        .map(|file| crate::landing::split_dir(&file.rel).0)
        .collect();
    let renamed: HashSet<String> = folders
        .into_iter()
        .flat_map(|folder| place::SectionPath::of(folder).renamed)
        .map(|(name, id)| article::renamed_folder(&name, &id))
        .collect();
    if renamed.is_empty() {
        return;
    }
    let mut said = HashSet::new();
    diagnostics.retain(|d| !renamed.contains(&d.message) || said.insert(d.message.clone()));
}

fn finish(
    config: &Config,
    sources: &Sources,
    mut results: Vec<Parse>,
    read: navigation::Read,
) -> Parsed {
    let mut diagnostics: Vec<Diagnostic> = results
        .iter_mut()
        .flat_map(|(_, diagnostics)| std::mem::take(diagnostics))
        .collect();
    once_per_folder(sources, &mut diagnostics);
    diagnostics.extend(language_folders::unlisted(config, &sources.articles));
    diagnostics.extend(read.problems);
    // Collected in place: articles are large, and moving them into a new
    // list cost 40 ms of copying into fresh memory at 10,000 articles, on
    // one core.
    let mut parsed = Parsed {
        articles: Vec::new(),
        sections: Vec::new(),
        diagnostics,
        left_out: Vec::new(),
        navigations: read.navigations,
        labels: read.labels,
    };
    let mut left_out = Vec::new();
    for (result, _) in results {
        match result {
            Ok(mut article) => {
                // MkDocs's `draft_docs`.
                article.draft |= sources.exclusions.is_draft(&article.rel);
                parsed.articles.push(article);
            }
            Err(file) => left_out.push(file),
        }
    }
    // Before anything reads ids: a translation may take its sibling's.
    translations::share_ids(config, &mut parsed.articles, &mut parsed.diagnostics);
    let mut sections = Vec::new();
    let mut withheld = Vec::new();
    for file in &sources.sections {
        let (result, holds) = section::parse_section(config, file, sources.included.get(&file.rel));
        withheld.extend(holds);
        match result {
            Ok((section, span, warnings)) => {
                sections.push((section, span));
                parsed.diagnostics.extend(warnings);
            }
            Err(errors) => parsed.diagnostics.extend(errors),
        }
    }
    let chapters = withheld::chapters(config, &parsed.articles, &withheld);
    withheld.extend(chapters);
    let real = withheld::RealPlaces {
        config,
        links: &sources.links,
    };
    parsed.diagnostics.extend(withheld::withhold(
        (&withheld, &real),
        (&mut parsed.articles, &mut left_out),
        &mut sections,
    ));
    // After the sections: an article internal by its section makes its
    // translations in public sections internal too.
    parsed.diagnostics.extend(translations::share_audience(
        config,
        &mut parsed.articles,
        &left_out,
    ));
    parsed.left_out = left_out.into_iter().map(|l| l.file).collect();
    parsed.sections = sections.into_iter().map(|(section, _)| section).collect();
    parsed
}

/// `red/wifi.en.md` → (`red/wifi`, Some(`en`)) when `en` is a site language.
fn split_language<'a>(config: &Config, stem: &'a str) -> (&'a str, Option<&'a str>) {
    match stem.rsplit_once('.') {
        Some((base, lang)) if config.has_language(lang) => (base, Some(lang)),
        _ => (stem, None),
    }
}

/// The front matter of `file`, read into tier0's fields, and where its
/// body starts.
fn read_front_matter(file: &SourceFile) -> Result<(fields::Read, usize), Vec<Diagnostic>> {
    let path = &file.path;
    let split = front_matter::split(&file.text).map_err(|unclosed| {
        let fence = match unclosed.format {
            front_matter::Format::Toml => "+++",
            front_matter::Format::Json => "}",
            _ => "---",
        };
        vec![
            Diagnostic::error(
                path,
                0..unclosed.at.saturating_sub(1),
                "front matter is not closed",
            )
            .with_help(format!(
                "add a line with `{fence}` after the last front matter key"
            )),
        ]
    })?;
    let entries = matter::read(path, &split, &keys::want)?;
    Ok((fields::read(path, &entries), split.body_start))
}

/// The front matter values of the file `text` that its body `body` shows
/// with VitePress's `{{ $frontmatter.key }}`, by key, as text: only those
/// keys are decoded, and a list or a map shows nothing.
fn shown_values(text: &str, body: &str) -> crate::dialects::PageValues {
    let keys = crate::dialects::keys_shown(body);
    if keys.is_empty() {
        return crate::dialects::PageValues::new();
    }
    let Ok(split) = front_matter::split(text) else {
        return crate::dialects::PageValues::new();
    };
    let wanted = |key: &str| {
        if keys.contains(&key) {
            matter::Want::Text
        } else {
            matter::Want::Skip
        }
    };
    let Ok(front) = matter::read(Path::new(""), &split, &wanted) else {
        return crate::dialects::PageValues::new();
    };
    front
        .entries
        .into_iter()
        .filter_map(|entry| Some((entry.key, entry.value?.scalar_text()?)))
        .collect()
}

/// Path of the source file `rel` relative to the content root, for link resolution.
pub fn source_dir(rel: &str) -> &Path {
    Path::new(rel).parent().unwrap_or(Path::new(""))
}

#[cfg(test)]
mod tests;

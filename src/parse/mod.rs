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

pub mod date;
mod fields;
mod keys;
mod place;
pub mod title;
mod translations;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{self, SourceFile, Sources};
pub use crate::kinds::{ArticleType, Audience, Confidence};
use crate::matter::{self, front_matter, text, yaml};
use crate::output_paths;
use crate::slug;
pub use date::Timestamp;
pub use fields::FieldSpans;
pub use keys::FRONT_MATTER_KEYS;
pub use place::{SectionPath, is_section_id};

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
    /// Unpublished: `draft: true`, or `confidence: draft`.
    pub draft: bool,
    /// KCS state: `confidence:`, else a draft for `draft: true`, else
    /// validated.
    pub confidence: Confidence,
    /// Public or internal.
    pub audience: Audience,
    /// Sort order within its section.
    pub weight: i64,
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
}

impl Article {
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
        }
    }

    /// Whether `text`, a new version of this article's file, differs from
    /// it only in what the body renders: its front matter, and the heading
    /// the title comes from, are the same.
    pub fn same_header(&self, text: &str) -> bool {
        let Ok(split) = front_matter::split(text) else {
            return false;
        };
        self.title_heading.is_none()
            && split.body_start == self.body_start
            && text[..split.body_start] == self.text[..self.body_start]
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
}

/// Parses and checks every article and section file.
pub fn parse(config: &Config, sources: &Sources) -> Parsed {
    let landed: HashSet<&str> = sources
        .sections
        .iter()
        .map(|f| crate::landing::split_dir(&f.rel).0)
        .collect();
    let mut results: Vec<(Option<Article>, Vec<Diagnostic>)> = sources
        .articles
        .par_iter()
        .map(|file| parse_article(config, file, &landed))
        .collect();
    let diagnostics = results
        .iter_mut()
        .flat_map(|(_, diagnostics)| std::mem::take(diagnostics))
        .collect();
    // Collected in place: articles are large, and moving them into a new
    // list cost 40 ms of copying into fresh memory at 10,000 articles, on
    // one core.
    let mut parsed = Parsed {
        articles: results
            .into_iter()
            .filter_map(|(article, _)| article)
            .collect(),
        sections: Vec::new(),
        diagnostics,
    };
    parsed
        .diagnostics
        .extend(translations::share_audience(&mut parsed.articles));
    for file in &sources.sections {
        match parse_section(config, file) {
            Ok((section, warnings)) => {
                parsed.sections.push(section);
                parsed.diagnostics.extend(warnings);
            }
            Err(errors) => parsed.diagnostics.extend(errors),
        }
    }
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

fn parse_section(
    config: &Config,
    file: &SourceFile,
) -> Result<(SectionPage, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (read, body_start) = read_front_matter(file)?;
    let fields = [
        (read.raw.title.as_deref()).map(|t| text::Field::one("title", t.trim())),
        (read.raw.description.as_deref()).map(|d| text::Field::many("description", d.trim())),
    ];
    let errors = text::check_located(&file.path, fields.into_iter().flatten(), |field, c| {
        text::within(&file.text, read.spans.value(field.key), c)
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    let (dir, name) = crate::landing::split_dir(&file.rel);
    let stem = discover::markdown_stem(name);
    let lang = split_language(config, stem)
        .1
        .unwrap_or(&config.default_language);
    let body = &file.text[body_start..];
    let prepared = crate::dialects::prepare(body, file.rel.ends_with(".mdx"));
    let mut warnings = read.warnings;
    warnings.extend(prepared.warnings(&file.path, body, body_start));
    let (title, title_heading) = title_of(read.raw.title.as_deref(), &prepared, body_start);
    Ok((
        SectionPage {
            section: SectionPath::of(dir).id,
            lang: lang.to_owned(),
            title,
            description: read.raw.description.map(|d| d.trim().to_owned()),
            weight: read.raw.weight,
            path: file.path.clone(),
            rel: file.rel.clone(),
            text: file.text.clone(),
            body_start,
            title_heading,
        },
        warnings,
    ))
}

fn parse_article(
    config: &Config,
    file: &SourceFile,
    landed: &HashSet<&str>,
) -> (Option<Article>, Vec<Diagnostic>) {
    let (read, body_start) = match read_front_matter(file) {
        Ok(parts) => parts,
        Err(errors) => return (None, errors),
    };
    let fields::Read {
        raw,
        spans,
        warnings: mut diagnostics,
    } = read;
    let path = &file.path;
    let errors_before = diagnostics.len();
    diagnostics.extend(text::check_located(path, raw.texts(), |field, c| {
        text::within(&file.text, spans.value(field.key), c)
    }));
    let mut problem = |error: bool, key: &str, message: String, help: String| {
        let span = spans.value(key);
        diagnostics.push(if error {
            Diagnostic::error(path, span, message).with_help(help)
        } else {
            Diagnostic::warning(path, span, message).with_help(help)
        });
    };

    let (file_dir, name) = crate::landing::split_dir(&file.rel);
    let stem = discover::markdown_stem(name);
    let (base, file_lang) = split_language(config, stem);
    let (dir, base) = place::page_place(&file.rel, base, landed.contains(file_dir));

    let lang = match raw.lang {
        Some(lang) => config
            .languages
            .iter()
            .find(|l| l.code.eq_ignore_ascii_case(lang.trim()))
            .map_or(lang, |l| l.code.clone()),
        None => file_lang.map_or_else(|| config.default_language.clone(), str::to_owned),
    };
    if !config.has_language(&lang) {
        problem(
            true,
            "lang",
            format!("language `{lang}` is not one of the site's languages"),
            format!(
                "use one of: {} (or add it to `languages` in tier0.yaml)",
                config.language_codes()
            ),
        );
    }

    let mut tier_ref = |key: &str, value: Option<String>, default: &str| {
        let written = value.unwrap_or_else(|| default.to_owned());
        let known = config
            .tiers
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(written.trim()));
        match known {
            Some(tier) => tier.id.clone(),
            None => {
                problem(
                    true,
                    key,
                    format!("unknown tier `{written}`"),
                    format!(
                        "use one of: {} (tiers are defined in tier0.yaml)",
                        config.tier_ids()
                    ),
                );
                written
            }
        }
    };
    let tier = tier_ref("tier", raw.tier, &config.default_tier);
    let escalate_to = tier_ref("escalate_to", raw.escalate_to, &config.escalation_tier);

    let default_kind =
        || ArticleType::parse(&config.defaults.kind).unwrap_or(ArticleType::Troubleshooting);
    let kind = match raw.kind {
        None => default_kind(),
        Some(name) => ArticleType::parse(&name).unwrap_or_else(|| {
            // Other tools use `type` for their layouts (Hugo's `type: docs`).
            let hint = yaml::did_you_mean(&slug::slugify(&name), &ArticleType::NAMES)
                .map_or(String::new(), |b| format!("did you mean `{b}`? "));
            let default = default_kind();
            problem(
                false,
                "type",
                format!(
                    "`{name}` is not an article type; the article is a `{}`",
                    default.name()
                ),
                format!("{hint}article types are: {}", ArticleType::NAMES.join(", ")),
            );
            default
        }),
    };

    let audience_name = raw
        .audience
        .unwrap_or_else(|| config.defaults.audience.clone());
    let audience = Audience::parse(&audience_name).unwrap_or_else(|| {
        problem(
            true,
            "audience",
            format!("unknown audience `{audience_name}`"),
            "use `public` or `internal`".into(),
        );
        Audience::Internal
    });

    let confidence = match raw.confidence {
        None if raw.draft => Confidence::Draft,
        None => Confidence::Validated,
        Some(name) => Confidence::parse(&name).unwrap_or_else(|| {
            let hint = yaml::did_you_mean(&slug::slugify(&name), &Confidence::NAMES)
                .map_or(String::new(), |b| format!("did you mean `{b}`? "));
            problem(
                true,
                "confidence",
                format!("unknown confidence `{name}`"),
                format!("{hint}the KCS states are: {}", Confidence::NAMES.join(", ")),
            );
            Confidence::Draft
        }),
    };

    let mut aliases = raw.aliases;
    let file_slug = || slug::slugify(base);
    let slug = match raw.slug {
        Some(s) if slug::is_slug(&s) => s,
        // Docusaurus and Jekyll write a page's path there: it becomes an
        // alias, and the file name gives the slug.
        Some(s) if s.contains('/') => {
            if crate::urls::normalise_alias(&s).is_some() {
                aliases.push(s);
            } else {
                problem(
                    false,
                    "slug",
                    format!("slug `{s}` is not a path inside the site; it is ignored"),
                    "use lowercase letters, digits and `-` only".into(),
                );
            }
            file_slug()
        }
        Some(s) => {
            let slugged = slug::slugify(&s);
            let slugged = if slugged.is_empty() {
                file_slug()
            } else {
                slugged
            };
            problem(
                false,
                "slug",
                format!(
                    "slug `{s}` is not a URL segment tier0 writes; the article is at `{slugged}`"
                ),
                "use lowercase letters, digits and `-` only".into(),
            );
            slugged
        }
        None => file_slug(),
    };
    if slug.is_empty() {
        problem(
            true,
            "slug",
            format!("cannot make a URL from the file name `{name}`"),
            "rename the file with letters or digits, or set `slug:`".into(),
        );
    }

    if let Some(too_long) = output_paths::segment_too_long(&slug) {
        let help = if spans.has("slug") {
            "shorten `slug:`"
        } else {
            "set a shorter `slug:`; the one made from the file name is too long"
        };
        problem(
            true,
            "slug",
            format!("the slug is too long for a file name: {too_long}"),
            help.into(),
        );
    }

    let folder = SectionPath::of(dir);
    let section = match raw.category {
        Some(c) if is_section_id(&c) => Some(c),
        Some(c) => {
            let written = SectionPath::of(&c).id;
            let shown = written.clone().or_else(|| folder.id.clone());
            problem(
                false,
                "category",
                format!(
                    "category `{c}` is not a section id; the article is in `{}`",
                    shown.as_deref().unwrap_or("no section")
                ),
                "write section ids in lowercase letters, digits and `-`, with `/` between levels"
                    .into(),
            );
            shown
        }
        None => {
            for (name, id) in &folder.renamed {
                problem(
                    false,
                    "category",
                    format!("folder `{name}` is read as the section `{id}`"),
                    format!("rename the folder to `{id}` to make the section id plain"),
                );
            }
            folder.id
        }
    };

    if let Some(too_long) = section
        .iter()
        .flat_map(|s| s.split('/'))
        .find_map(output_paths::segment_too_long)
    {
        problem(
            true,
            "category",
            format!("a section id is too long for a folder name: {too_long}"),
            "use a shorter section id, or rename the folder".into(),
        );
    }

    let mut date_field = |key: &str, value: Option<String>| {
        value.and_then(|text| {
            let parsed = Timestamp::parse(&text);
            if parsed.is_none() {
                problem(
                    true,
                    key,
                    format!("`{text}` is not a valid date"),
                    "write `YYYY-MM-DD` (e.g. 2026-03-02), `YYYY-MM-DD HH:MM:SS` or RFC 3339 \
                     (2026-03-02T10:00:00+01:00)"
                        .into(),
                );
            }
            parsed
        })
    };
    let date = date_field("date", raw.date);
    let updated = date_field("updated", raw.updated).or(date);
    let reviewed = date_field("reviewed", raw.reviewed).or(updated);

    for alias in &aliases {
        match crate::urls::normalise_alias(alias) {
            None => problem(
                true,
                "aliases",
                format!("alias `{alias}` is not a path inside the site"),
                "write a site path such as `/old/wifi/`, without `..`, `?` or `#`".into(),
            ),
            Some(site_path) => {
                if let Some(too_long) = output_paths::segment_too_long(&site_path) {
                    problem(
                        true,
                        "aliases",
                        format!("an alias is too long for a file name: {too_long}"),
                        "shorten that part of the alias; each part between `/` becomes a folder"
                            .into(),
                    );
                }
            }
        }
    }

    let derived_id = || slug::slugify(&discover::markdown_stem(&file.rel).replace('.', "-"));
    let id = match raw.id {
        Some(id) if slug::is_identifier(&id) => id,
        Some(id) => {
            let derived = derived_id();
            problem(
                false,
                "id",
                format!(
                    "article id `{id}` may only contain letters, digits, `-` and `_`; using `{derived}`"
                ),
                "use an id such as `KB-1042`".into(),
            );
            derived
        }
        None => {
            let derived = derived_id();
            diagnostics.push(
                Diagnostic::warning(
                    path,
                    0..3,
                    format!("the article has no `id`; using `{derived}`"),
                )
                .with_help("add a stable `id: KB-…` so links sent to users never break"),
            );
            derived
        }
    };

    // The id names the folder of the article's short link (`kb/<id>/`).
    if let Some(too_long) = output_paths::segment_too_long(&id) {
        let help = if spans.has("id") {
            "use a shorter id, such as `KB-1042`"
        } else {
            "add a short `id: KB-…`; the one made from the file's path is too long"
        };
        diagnostics.push(
            Diagnostic::error(
                path,
                spans.value("id"),
                format!("the article id is too long for a folder name: {too_long}"),
            )
            .with_help(help),
        );
    }

    let body = &file.text[body_start..];
    let prepared = crate::dialects::prepare(body, file.rel.ends_with(".mdx"));
    diagnostics.extend(prepared.warnings(path, body, body_start));
    let (title, title_heading) = match title_of(raw.title.as_deref(), &prepared, body_start) {
        (Some(title), heading) => (title, heading),
        (None, _) => {
            let title = title_from_file_name(dir, base);
            diagnostics.push(
                Diagnostic::warning(
                    path,
                    spans.value("title"),
                    format!("the article has no title; using `{title}`, from its file name"),
                )
                .with_help("add `title: …` to the front matter, or start the text with `# Title`"),
            );
            (title, None)
        }
    };

    if diagnostics[errors_before..]
        .iter()
        .any(Diagnostic::is_error)
    {
        return (None, diagnostics);
    }
    let article = Article {
        path: path.clone(),
        rel: file.rel.clone(),
        id,
        title,
        description: raw.description.unwrap_or_default().trim().to_owned(),
        tier,
        escalate_to,
        kind,
        lang,
        section,
        slug,
        tags: raw.tags,
        symptoms: raw.symptoms,
        error_codes: raw.error_codes,
        applies_to: raw.applies_to,
        date,
        updated,
        reviewed,
        review_every: raw.review_every.unwrap_or(config.defaults.review_every),
        aliases,
        draft: raw.draft || confidence == Confidence::Draft,
        confidence,
        audience,
        weight: raw.weight.unwrap_or(0),
        author: raw.author,
        team: raw.team,
        text: file.text.clone(),
        body_start,
        title_heading,
        spans,
    };
    (Some(article), diagnostics)
}

/// The title `written` in the front matter, else the heading of the body
/// (`prepared`, which starts at `body_start` in its file); and the file
/// range of the heading the page's title stands for, which the page leaves
/// out.
fn title_of(
    written: Option<&str>,
    prepared: &crate::dialects::Prepared<'_>,
    body_start: usize,
) -> (Option<String>, Option<Range<usize>>) {
    let written = written.map(str::trim).filter(|t| !t.is_empty());
    // With a title, only a heading that opens the body can repeat it.
    let heading = if written.is_some() {
        title::opening_heading(prepared.text())
    } else {
        title::first_heading(prepared.text())
    };
    let range = |h: &title::Heading| {
        body_start + prepared.source_offset(h.range.start)
            ..body_start + prepared.source_offset(h.range.end)
    };
    match (written, heading) {
        (Some(title), Some(h)) if h.first && h.text.eq_ignore_ascii_case(title) => {
            (Some(title.to_owned()), Some(range(&h)))
        }
        (Some(title), _) => (Some(title.to_owned()), None),
        (None, Some(h)) if !h.text.is_empty() => {
            let range = range(&h);
            (Some(h.text), Some(range))
        }
        (None, _) => (None, None),
    }
}

/// A title made from a file's name (`getting-started` → `Getting started`),
/// or its folder's for an `index` or `README`.
fn title_from_file_name(dir: &str, stem: &str) -> String {
    let name = if stem.eq_ignore_ascii_case("index") || stem.eq_ignore_ascii_case("readme") {
        dir.rsplit('/')
            .next()
            .filter(|d| !d.is_empty())
            .unwrap_or(stem)
    } else {
        stem
    };
    title_from_name(name)
}

/// A title made from a file or folder name: `getting-started` → `Getting started`.
pub fn title_from_name(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    chars.next().map_or_else(
        || name.to_owned(),
        |first| first.to_uppercase().chain(chars).collect(),
    )
}

/// Path of the source file `rel` relative to the content root, for link resolution.
pub fn source_dir(rel: &str) -> &Path {
    Path::new(rel).parent().unwrap_or(Path::new(""))
}

#[cfg(test)]
mod tests;

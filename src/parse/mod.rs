//! The parse stage: article files → validated [`Article`]s.
//!
//! In: discovered [`Sources`] and the [`Config`]. Out: one [`Article`] per
//! file whose front matter is valid, one [`SectionPage`] per `_index.md`,
//! and every problem found, located. Checks that need only one file and the
//! config happen here (required title, known tier, language and type, valid
//! dates and slugs); checks across files happen in `link`.

pub mod date;
pub mod front_matter;
pub mod text;
mod translations;
pub mod yaml;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{SourceFile, Sources};
use crate::output_paths;
use crate::slug;
pub use date::Timestamp;
use front_matter::SplitError;
use text::Field;
use yaml::TopLevelKeys;

/// What kind of article this is; each has its own template in `tier0 new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleType {
    /// Symptoms, cause, steps.
    Troubleshooting,
    /// A task, step by step.
    HowTo,
    /// Questions and answers.
    Faq,
    /// A known problem and its workaround.
    KnownIssue,
    /// Tables and facts to look up.
    Reference,
}

impl ArticleType {
    /// The names authors write in `type:`.
    pub const NAMES: [&'static str; 5] = [
        "troubleshooting",
        "how-to",
        "faq",
        "known-issue",
        "reference",
    ];

    /// The type named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "troubleshooting" => Self::Troubleshooting,
            "how-to" => Self::HowTo,
            "faq" => Self::Faq,
            "known-issue" => Self::KnownIssue,
            "reference" => Self::Reference,
            _ => return None,
        })
    }

    /// The name authors write.
    pub fn name(self) -> &'static str {
        match self {
            Self::Troubleshooting => "troubleshooting",
            Self::HowTo => "how-to",
            Self::Faq => "faq",
            Self::KnownIssue => "known-issue",
            Self::Reference => "reference",
        }
    }
}

/// Who may read an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everyone: the public site.
    Public,
    /// Support agents only: never in the public site.
    Internal,
}

impl Audience {
    /// The audience named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "public" => Some(Self::Public),
            "internal" => Some(Self::Internal),
            _ => None,
        }
    }
}

/// Front matter as written; every key optional, checked afterwards.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawFrontMatter {
    id: Option<String>,
    title: Option<String>,
    description: Option<String>,
    tier: Option<String>,
    escalate_to: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    lang: Option<String>,
    category: Option<String>,
    slug: Option<String>,
    tags: Vec<String>,
    symptoms: Vec<String>,
    error_codes: Vec<String>,
    applies_to: Vec<String>,
    date: Option<String>,
    updated: Option<String>,
    reviewed: Option<String>,
    review_every: Option<u32>,
    aliases: Vec<String>,
    draft: bool,
    audience: Option<String>,
    weight: i64,
    author: Option<String>,
    team: Option<String>,
    /// What `tier0 import zendesk` made the file from; only the import reads it.
    #[serde(rename = "zendesk")]
    _import_record: Option<serde_yaml::Value>,
}

impl RawFrontMatter {
    /// Every text value, as the article keeps it (title and description trimmed).
    fn texts(&self) -> impl Iterator<Item = Field<'_>> {
        let single = [
            ("id", &self.id),
            ("tier", &self.tier),
            ("escalate_to", &self.escalate_to),
            ("type", &self.kind),
            ("lang", &self.lang),
            ("category", &self.category),
            ("slug", &self.slug),
            ("date", &self.date),
            ("updated", &self.updated),
            ("reviewed", &self.reviewed),
            ("audience", &self.audience),
            ("author", &self.author),
            ("team", &self.team),
        ];
        let lists = [
            ("tags", &self.tags),
            ("symptoms", &self.symptoms),
            ("error_codes", &self.error_codes),
            ("applies_to", &self.applies_to),
            ("aliases", &self.aliases),
        ];
        let title = self.title.as_deref().map(|t| Field::one("title", t.trim()));
        let description =
            (self.description.as_deref()).map(|d| Field::many("description", d.trim()));
        title
            .into_iter()
            .chain(description)
            .chain(
                single
                    .into_iter()
                    .filter_map(|(key, value)| value.as_deref().map(|v| Field::one(key, v))),
            )
            .chain(
                lists
                    .into_iter()
                    .flat_map(|(key, values)| values.iter().map(move |v| Field::one(key, v))),
            )
    }
}

/// Keys front matter understands, for "did you mean".
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "id",
    "title",
    "description",
    "tier",
    "escalate_to",
    "type",
    "lang",
    "category",
    "slug",
    "tags",
    "symptoms",
    "error_codes",
    "applies_to",
    "date",
    "updated",
    "reviewed",
    "review_every",
    "aliases",
    "draft",
    "audience",
    "weight",
    "author",
    "team",
];

/// Where the values of the known front matter keys stand in the file, for
/// checks made after parsing. Compact: a site keeps one per article.
#[derive(Debug, Clone, Default)]
pub struct FieldSpans {
    values: Vec<(&'static str, Range<u32>)>,
    start: u32,
}

impl FieldSpans {
    fn new(keys: &TopLevelKeys) -> Self {
        let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let values = FRONT_MATTER_KEYS
            .iter()
            .filter(|k| keys.has(k))
            .map(|k| {
                let span = keys.value_span(k);
                (*k, offset(span.start)..offset(span.end))
            })
            .collect();
        Self {
            values,
            start: offset(keys.start()),
        }
    }

    /// Whether the front matter sets `key`.
    pub fn has(&self, key: &str) -> bool {
        self.values.iter().any(|(k, _)| *k == key)
    }

    /// The span of `key`'s value, or of the front matter's start.
    pub fn value(&self, key: &str) -> Range<usize> {
        let span = self
            .values
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(self.start..self.start, |(_, s)| s.clone());
        span.start as usize..span.end as usize
    }
}

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
    /// Category id, if any.
    pub category: Option<String>,
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
    /// Unpublished.
    pub draft: bool,
    /// Public or internal.
    pub audience: Audience,
    /// Sort order within its category.
    pub weight: i64,
    /// Author's name.
    pub author: Option<String>,
    /// Owning team.
    pub team: Option<String>,
    /// The whole file; the Markdown body starts at `body_start`.
    pub text: Arc<str>,
    /// Byte offset of the body in the file.
    pub body_start: usize,
    /// Where front matter values stand.
    pub spans: FieldSpans,
}

impl Article {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Lets go of the file's text: [`Self::body`] is empty afterwards.
    pub fn drop_text(&mut self) {
        self.text = Arc::from("");
        self.body_start = 0;
    }
}

/// The front matter of an `_index.md`: a category's (or the home page's) text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionPage {
    /// Category id; `None` for `content/_index.md` (the home page).
    pub category: Option<String>,
    /// Language code.
    pub lang: String,
    /// Title.
    pub title: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Sort order.
    pub weight: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawSection {
    title: Option<String>,
    description: Option<String>,
    weight: Option<i64>,
    /// What `tier0 import zendesk` made the file from; only the import reads it.
    #[serde(rename = "zendesk")]
    _import_record: Option<serde_yaml::Value>,
}

const SECTION_KEYS: &[&str] = &["title", "description", "weight"];

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
    let mut results: Vec<(Option<Article>, Vec<Diagnostic>)> = sources
        .articles
        .par_iter()
        .map(|file| parse_article(config, file))
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

/// Decodes the front matter of `file` into `T`, with its key positions and warnings.
fn front_matter<T: serde::de::DeserializeOwned + Default>(
    file: &SourceFile,
    known: &[&str],
) -> Result<(T, TopLevelKeys, usize, Vec<Diagnostic>), Vec<Diagnostic>> {
    let path = &file.path;
    let split = match front_matter::split(&file.text) {
        Ok(split) => split,
        Err(SplitError::Missing) => {
            return Err(vec![
                Diagnostic::error(path, 0..0, "missing front matter").with_help(
                    "start the file with a `---` line, then `title: …`, then another `---` line",
                ),
            ]);
        }
        Err(SplitError::Unclosed(at)) => {
            return Err(vec![
                Diagnostic::error(path, 0..at.saturating_sub(1), "front matter is not closed")
                    .with_help("add a line with `---` after the last front matter key"),
            ]);
        }
    };
    let keys = TopLevelKeys::scan(split.yaml, split.yaml_start);
    let mut diagnostics: Vec<Diagnostic> = keys
        .duplicates()
        .map(|(key, pos)| {
            Diagnostic::error(path, pos.key.clone(), format!("`{key}` is set twice"))
                .with_help("keep only one of the two lines")
        })
        .collect();
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    let value = if split.yaml.trim().is_empty() {
        T::default()
    } else {
        match yaml::deserialize::<T>(split.yaml, split.yaml_start) {
            Ok((value, unknown)) => {
                diagnostics.extend(
                    unknown
                        .iter()
                        .map(|key| yaml::unknown_key_warning(path, &keys, key, known)),
                );
                value
            }
            Err(e) => return Err(vec![e.into_diagnostic(path)]),
        }
    };
    Ok((value, keys, split.body_start, diagnostics))
}

fn parse_section(
    config: &Config,
    file: &SourceFile,
) -> Result<(SectionPage, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (raw, keys, _, warnings): (RawSection, _, _, _) = front_matter(file, SECTION_KEYS)?;
    let fields = [
        (raw.title.as_deref()).map(|t| Field::one("title", t.trim())),
        (raw.description.as_deref()).map(|d| Field::many("description", d.trim())),
    ];
    let errors = text::check(&file.path, &file.text, &keys, fields.into_iter().flatten());
    if !errors.is_empty() {
        return Err(errors);
    }
    let (dir, name) = file.rel.rsplit_once('/').unwrap_or(("", &file.rel));
    let stem = name.trim_end_matches(".md");
    let lang = split_language(config, stem)
        .1
        .unwrap_or(&config.default_language);
    let category = (!dir.is_empty()).then(|| dir.split('/').next().unwrap_or(dir).to_owned());
    Ok((
        SectionPage {
            category,
            lang: lang.to_owned(),
            title: raw.title,
            description: raw.description,
            weight: raw.weight,
        },
        warnings,
    ))
}

fn parse_article(config: &Config, file: &SourceFile) -> (Option<Article>, Vec<Diagnostic>) {
    let (raw, keys, body_start, mut diagnostics): (RawFrontMatter, _, _, _) =
        match front_matter(file, FRONT_MATTER_KEYS) {
            Ok(parts) => parts,
            Err(errors) => return (None, errors),
        };
    let path = &file.path;
    let errors_before = diagnostics.len();
    diagnostics.extend(text::check(path, &file.text, &keys, raw.texts()));
    let mut error = |key: &str, message: String, help: String| {
        diagnostics.push(Diagnostic::error(path, keys.value_span(key), message).with_help(help));
    };

    let title = raw.title.unwrap_or_default().trim().to_owned();
    if title.is_empty() {
        error(
            "title",
            "the article has no title".into(),
            "add `title: …` to the front matter".into(),
        );
    }

    let (dir, name) = file.rel.rsplit_once('/').unwrap_or(("", &file.rel));
    let stem = name.trim_end_matches(".md");
    let (base, file_lang) = split_language(config, stem);

    let lang = raw
        .lang
        .or(file_lang.map(str::to_owned))
        .unwrap_or_else(|| config.default_language.clone());
    if !config.has_language(&lang) {
        error(
            "lang",
            format!("language `{lang}` is not one of the site's languages"),
            format!(
                "use one of: {} (or add it to `languages` in tier0.yaml)",
                config.language_codes()
            ),
        );
    }

    let mut tier_ref = |key: &str, value: Option<String>, default: &str| {
        let tier = value.unwrap_or_else(|| default.to_owned());
        if config.tier(&tier).is_none() {
            error(
                key,
                format!("unknown tier `{tier}`"),
                format!(
                    "use one of: {} (tiers are defined in tier0.yaml)",
                    config.tier_ids()
                ),
            );
        }
        tier
    };
    let tier = tier_ref("tier", raw.tier, &config.default_tier);
    let escalate_to = tier_ref("escalate_to", raw.escalate_to, &config.escalation_tier);

    let kind_name = raw.kind.unwrap_or_else(|| config.defaults.kind.clone());
    let kind = ArticleType::parse(&kind_name).unwrap_or_else(|| {
        let hint = yaml::did_you_mean(&kind_name, &ArticleType::NAMES)
            .map_or(String::new(), |b| format!("did you mean `{b}`? "));
        error(
            "type",
            format!("unknown article type `{kind_name}`"),
            format!("{hint}use one of: {}", ArticleType::NAMES.join(", ")),
        );
        ArticleType::Troubleshooting
    });

    let audience_name = raw
        .audience
        .unwrap_or_else(|| config.defaults.audience.clone());
    let audience = Audience::parse(&audience_name).unwrap_or_else(|| {
        error(
            "audience",
            format!("unknown audience `{audience_name}`"),
            "use `public` or `internal`".into(),
        );
        Audience::Internal
    });

    let slug = match raw.slug {
        Some(s) if slug::is_slug(&s) => s,
        Some(s) => {
            error(
                "slug",
                format!("slug `{s}` is not a valid URL segment"),
                format!(
                    "use lowercase letters, digits and `-` only, e.g. `{}`",
                    non_empty(slug::slugify(&s), "mi-articulo")
                ),
            );
            s
        }
        None => {
            let s = slug::slugify(base);
            if s.is_empty() {
                error(
                    "slug",
                    format!("cannot make a URL from the file name `{name}`"),
                    "rename the file with letters or digits, or set `slug:`".into(),
                );
            }
            s
        }
    };

    if let Some(problem) = output_paths::segment_too_long(&slug) {
        error(
            "slug",
            format!("the slug is too long for a file name: {problem}"),
            if keys.has("slug") {
                "shorten `slug:`".into()
            } else {
                "set a shorter `slug:`; the one made from the file name is too long".into()
            },
        );
    }

    let category = match raw.category {
        Some(c) if slug::is_slug(&c) => Some(c),
        Some(c) => {
            error(
                "category",
                format!("category `{c}` is not a valid category id"),
                format!(
                    "use lowercase letters, digits and `-`, e.g. `{}`",
                    non_empty(slug::slugify(&c), "red")
                ),
            );
            None
        }
        None => dir.split('/').next().filter(|d| !d.is_empty()).map(|d| {
            let id = slug::slugify(d);
            if id != d {
                error(
                    "category",
                    format!("folder `{d}` is not a valid category id"),
                    format!(
                        "rename the folder to `{}` or set `category:`",
                        non_empty(id.clone(), "red")
                    ),
                );
            }
            id
        }),
    };

    if let Some(problem) = category.as_deref().and_then(output_paths::segment_too_long) {
        error(
            "category",
            format!("the category id is too long for a folder name: {problem}"),
            "use a shorter category id".into(),
        );
    }

    let mut date_field = |key: &str, value: Option<String>| {
        value.and_then(|text| {
            let parsed = Timestamp::parse(&text);
            if parsed.is_none() {
                error(
                    key,
                    format!("`{text}` is not a valid date"),
                    "write `YYYY-MM-DD` (e.g. 2026-03-02) or RFC 3339 (2026-03-02T10:00:00+01:00)"
                        .into(),
                );
            }
            parsed
        })
    };
    let date = date_field("date", raw.date);
    let updated = date_field("updated", raw.updated).or(date);
    let reviewed = date_field("reviewed", raw.reviewed).or(updated);

    for alias in &raw.aliases {
        match crate::link::normalise_alias(alias) {
            None => error(
                "aliases",
                format!("alias `{alias}` is not a path inside the site"),
                "write a site path such as `/old/wifi/`, without `..`, `?` or `#`".into(),
            ),
            Some(path) => {
                if let Some(problem) = output_paths::segment_too_long(&path) {
                    error(
                        "aliases",
                        format!("an alias is too long for a file name: {problem}"),
                        "shorten that part of the alias; each part between `/` becomes a folder"
                            .into(),
                    );
                }
            }
        }
    }

    let derived_id;
    let id = match raw.id {
        Some(id) if slug::is_identifier(&id) => id,
        Some(id) => {
            error(
                "id",
                format!("article id `{id}` may only contain letters, digits, `-` and `_`"),
                "use an id such as `KB-1042`".into(),
            );
            id
        }
        None => {
            derived_id = slug::slugify(&file.rel.trim_end_matches(".md").replace('.', "-"));
            diagnostics.push(
                Diagnostic::warning(
                    path,
                    0..3,
                    format!("the article has no `id`; using `{derived_id}`"),
                )
                .with_help("add a stable `id: KB-…` so links sent to users never break"),
            );
            derived_id.clone()
        }
    };

    // The id names the folder of the article's short link (`kb/<id>/`).
    if let Some(problem) = output_paths::segment_too_long(&id) {
        let help = if keys.has("id") {
            "use a shorter id, such as `KB-1042`"
        } else {
            "add a short `id: KB-…`; the one made from the file's path is too long"
        };
        diagnostics.push(
            Diagnostic::error(
                path,
                keys.value_span("id"),
                format!("the article id is too long for a folder name: {problem}"),
            )
            .with_help(help),
        );
    }

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
        category,
        slug,
        tags: raw.tags,
        symptoms: raw.symptoms,
        error_codes: raw.error_codes,
        applies_to: raw.applies_to,
        date,
        updated,
        reviewed,
        review_every: raw.review_every.unwrap_or(config.defaults.review_every),
        aliases: raw.aliases,
        draft: raw.draft,
        audience,
        weight: raw.weight,
        author: raw.author,
        team: raw.team,
        text: file.text.clone(),
        body_start,
        spans: FieldSpans::new(&keys),
    };
    (Some(article), diagnostics)
}

fn non_empty(s: String, fallback: &str) -> String {
    if s.is_empty() { fallback.to_owned() } else { s }
}

/// Path of the source file `rel` relative to the content root, for link resolution.
pub fn source_dir(rel: &str) -> &Path {
    Path::new(rel).parent().unwrap_or(Path::new(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(rel: &str, text: &str) -> (Option<Article>, Vec<Diagnostic>) {
        let file = SourceFile {
            path: Path::new("content").join(rel),
            rel: rel.into(),
            text: Arc::from(text),
        };
        parse_article(&Config::default(), &file)
    }

    fn only_error(rel: &str, text: &str) -> Diagnostic {
        let (a, d) = article(rel, text);
        assert!(a.is_none());
        let errors: Vec<_> = d.into_iter().filter(Diagnostic::is_error).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.into_iter().next().unwrap()
    }

    #[test]
    fn names_longer_than_a_file_name_are_located_errors() {
        let long = "a".repeat(output_paths::MAX_SEGMENT_BYTES + 1);
        let fits = "a".repeat(output_paths::MAX_SEGMENT_BYTES);
        for (key, value) in [
            ("slug", long.clone()),
            ("category", long.clone()),
            ("id", long.clone()),
            ("aliases", format!("[/old/{long}/]")),
        ] {
            let text = format!("---\ntitle: T\nid: KB-1\n{key}: {value}\n---\n");
            let text = text.replacen("id: KB-1\nid:", "id:", 1);
            let e = only_error("red/a.md", &text);
            assert!(
                e.message.contains("is 256 bytes long"),
                "{key}: {}",
                e.message
            );
            let at = text.find(&format!("\n{key}:")).unwrap() + key.len() + 3;
            assert_eq!(e.span.start, at, "{key}: located at its value");
        }
        let text =
            format!("---\ntitle: T\nid: {fits}\nslug: {fits}\naliases: [/{fits}/{fits}]\n---\n");
        let (a, d) = article("red/a.md", &text);
        assert!(a.is_some(), "{d:?}");
        // A slug made from a file name can grow past it: `文` is `Wen`.
        let name = "文".repeat(85);
        let e = only_error(&format!("{name}.md"), "---\ntitle: T\nid: KB-1\n---\n");
        assert!(e.message.contains("slug is too long"), "{}", e.message);
        assert!(e.help.unwrap().contains("set a shorter `slug:`"));
        // So can an id made from the file's path.
        let folders = ["b".repeat(200), "c".repeat(60)].join("/");
        let e = only_error(
            &format!("{folders}/d.md"),
            "---\ntitle: T\ncategory: red\n---\n",
        );
        assert!(
            e.message.contains("article id is too long"),
            "{}",
            e.message
        );
    }

    #[test]
    fn full_article_with_defaults() {
        let (a, d) = article(
            "red/wifi-no-conecta.en.md",
            "---\nid: KB-1\ntitle: Wi-Fi\ntags: [a]\nerror_codes: [0x80070005]\ndate: 2026-01-02\n---\nBody\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let a = a.unwrap();
        assert_eq!(a.lang, "en");
        assert_eq!(a.slug, "wifi-no-conecta");
        assert_eq!(a.category.as_deref(), Some("red"));
        assert_eq!(a.tier, "L3");
        assert_eq!(a.escalate_to, "L1");
        assert_eq!(a.error_codes, ["0x80070005"]);
        assert_eq!(a.reviewed.unwrap().date(), "2026-01-02");
        assert_eq!(a.body(), "Body\n");
    }

    #[test]
    fn missing_title() {
        let e = only_error("a.md", "---\nid: KB-1\n---\n");
        assert!(e.message.contains("no title"));
    }

    #[test]
    fn unknown_tier_points_at_value() {
        let text = "---\ntitle: x\ntier: L9\n---\n";
        let e = only_error("a.md", text);
        assert_eq!(&text[e.span.clone()], "L9");
        assert!(e.help.unwrap().contains("L1, L2, L3, L4"));
    }

    #[test]
    fn bad_date_and_slug_and_type() {
        let text = "---\ntitle: x\ndate: 2026-13-01\n---\n";
        assert_eq!(&text[only_error("a.md", text).span], "2026-13-01");
        let text = "---\ntitle: x\nslug: ../../x\n---\n";
        assert!(only_error("a.md", text).message.contains("slug"));
        let e = only_error("a.md", "---\ntitle: x\ntype: howto\n---\n");
        assert!(e.help.unwrap().contains("did you mean `how-to`"));
    }

    #[test]
    fn yaml_errors_are_offset_into_the_file() {
        let text = "---\ntitle: x\nweight: heavy\n---\n";
        let e = only_error("a.md", text);
        assert_eq!(e.span.start, text.find("heavy").unwrap());
        let e = only_error("a.md", "---\ntitle: x\ntitle: y\n---\n");
        assert!(e.message.contains("set twice"));
        assert_eq!(e.span.start, 13);
    }

    #[test]
    fn missing_or_unclosed_front_matter() {
        assert!(
            only_error("a.md", "# Hi\n")
                .message
                .contains("missing front matter")
        );
        assert!(
            only_error("a.md", "---\ntitle: x\n")
                .message
                .contains("not closed")
        );
    }

    #[test]
    fn unknown_key_warns_with_suggestion() {
        let (a, d) = article("a.md", "---\nid: K-1\ntitle: x\nsymptom: [a]\n---\n");
        assert!(a.is_some());
        assert_eq!(d.len(), 1);
        assert!(d[0].help.as_deref().unwrap().contains("`symptoms`"));
    }

    #[test]
    fn missing_id_is_derived_with_warning() {
        let (a, d) = article("red/wifi.md", "---\ntitle: x\n---\n");
        assert_eq!(a.unwrap().id, "red-wifi");
        assert!(d[0].message.contains("no `id`"));
    }

    #[test]
    fn the_import_record_is_no_unknown_key() {
        let (a, d) = article(
            "a.md",
            "---\nid: ZD-1\ntitle: x\nzendesk: {article: 1, locale: \"en-us\", hash: \"ab\"}\n---\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(a.unwrap().id, "ZD-1");
    }

    #[test]
    fn crlf_and_bom_work() {
        let (a, d) = article(
            "a.md",
            "\u{feff}---\r\nid: K-1\r\ntitle: Hola\r\n---\r\nCuerpo\r\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(a.unwrap().title, "Hola");
    }
}

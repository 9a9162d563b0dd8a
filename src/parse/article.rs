//! One article file → an [`Article`], or every problem of it.
//!
//! Each field is read by a phase of its own (language, tiers, type,
//! audience, confidence, slug, section, dates, aliases, id, title), which
//! reports into one [`Problems`] and returns the value the article keeps,
//! so that every problem of the file is found in one pass. The article is
//! refused only at the end, when one of them is an error.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::fields::RawFrontMatter;
use super::{
    Article, ArticleType, Audience, Confidence, FieldSpans, LeftOut, SectionPath, Timestamp,
    family, is_section_id, place, read_front_matter, split_language, title_from_file_name,
    title_of,
};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{self, Included, SourceFile};
use crate::matter::{text, yaml};
use crate::{output_paths, slug};

/// The problems found in one article (or landing page), located at the
/// values of its keys.
pub(super) struct Problems<'a> {
    pub(super) path: &'a Path,
    pub(super) spans: &'a FieldSpans,
    pub(super) found: Vec<Diagnostic>,
}

impl Problems<'_> {
    /// An error at the value of `key`: the article is refused.
    fn error(&mut self, key: &str, message: String, help: impl Into<String>) {
        let span = self.spans.value(key);
        self.found
            .push(Diagnostic::error(self.path, span, message).with_help(help));
    }

    /// An error at `key` when `value`, which names a folder or file of the
    /// site, is longer than a file name may be: `message`, with the first
    /// help when `key` is written and the second when its value was made
    /// from the file.
    fn too_long(&mut self, key: &str, value: &str, message: &str, help: [&str; 2]) {
        if let Some(too_long) = output_paths::segment_too_long(value) {
            let help = if self.spans.has(key) {
                help[0]
            } else {
                help[1]
            };
            self.error(key, format!("{message}: {too_long}"), help);
        }
    }

    /// A warning at the value of `key`: the article is kept, as it says.
    fn warning(&mut self, key: &str, message: String, help: impl Into<String>) {
        let span = self.spans.value(key);
        self.found
            .push(Diagnostic::warning(self.path, span, message).with_help(help));
    }
}

/// The titles other files give a page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Given<'a> {
    /// The title MkDocs's `nav:` gives it, which wins over its own, as in
    /// MkDocs.
    pub(super) nav_title: Option<&'a str>,
    /// The name a table of contents lists it under (its chapter in an
    /// mdBook summary, its entry's title in a Jupyter Book's), its title
    /// when it has none of its own, as those tools name it.
    pub(super) chapter: Option<&'a str>,
}

impl Given<'_> {
    /// The same titles, owned: what a parse kept for the next compares.
    pub(super) fn owned(&self) -> [Option<String>; 2] {
        [self.nav_title, self.chapter].map(|t| t.map(str::to_owned))
    }
}

/// Parses the article `file`; `landed`: the folders that have a landing
/// page; `given`: the titles other files give it.
pub(super) fn parse_article(
    config: &Config,
    file: &SourceFile,
    included: Option<&Arc<Included>>,
    landed: &HashSet<&str>,
    given: Given<'_>,
) -> (Result<Article, LeftOut>, Vec<Diagnostic>) {
    let (read, body_start) = match read_front_matter(file) {
        Ok(parts) => parts,
        Err(errors) => return (Err(LeftOut::new(config, file, None)), errors),
    };
    let super::fields::Read {
        raw,
        spans,
        warnings,
    } = read;
    let path = &file.path;
    let errors_before = warnings.len();
    let mut p = Problems {
        path,
        spans: &spans,
        found: warnings,
    };
    p.found
        .extend(text::check_located(path, raw.texts(), |field, c| {
            text::within(&file.text, spans.value(field.key), c)
        }));
    let article = checked_article(
        config,
        (file, included),
        landed,
        body_start,
        raw,
        given,
        &mut p,
    );
    let diagnostics = p.found;
    if diagnostics[errors_before..]
        .iter()
        .any(Diagnostic::is_error)
    {
        // An audience in error reads as internal.
        let read = Some((article.id, article.audience));
        let left_out = LeftOut {
            section: article.section.filter(|_| !spans.has("audience")),
            ..LeftOut::new(config, file, read)
        };
        return (Err(left_out), diagnostics);
    }
    (Ok(Article { spans, ..article }), diagnostics)
}

/// The article `file`, its front matter `raw` checked field by field: where
/// the file stands and its name fill in what the front matter leaves out.
/// Its `spans` are left empty: `p` borrows them until the caller moves them in.
fn checked_article(
    config: &Config,
    (file, included): (&SourceFile, Option<&Arc<Included>>),
    landed: &HashSet<&str>,
    body_start: usize,
    raw: RawFrontMatter,
    given: Given<'_>,
    p: &mut Problems<'_>,
) -> Article {
    let (file_dir, name) = crate::landing::split_dir(&file.rel);
    let stem = discover::markdown_stem(name);
    let (base, suffix_lang) = split_language(config, stem);
    let (dir, base) = place::page_place(&file.rel, base, landed.contains(file_dir));
    let (folder_lang, dir) = config.language_folder(dir);
    let file_lang = suffix_lang.or(folder_lang);

    let lang = read_language(config, raw.lang, file_lang, p);
    let tier = read_tier(config, "tier", raw.tier, &config.default_tier, p);
    let escalate_to = read_tier(
        config,
        "escalate_to",
        raw.escalate_to,
        &config.escalation_tier,
        p,
    );
    let kind = read_kind(config, raw.kind, p);
    let audience = read_audience(config, raw.audience, p);
    let confidence = read_confidence(raw.confidence, raw.draft, p);
    let mut aliases = raw.aliases;
    let slug = read_slug(raw.slug, base, name, &mut aliases, p);
    let section = read_section(raw.category, dir, p);
    let date = read_date(p, "date", raw.date);
    let updated = read_date(p, "updated", raw.updated).or(date);
    let reviewed = read_date(p, "reviewed", raw.reviewed).or(updated);
    check_aliases(&aliases, p);
    let id = read_id(
        raw.id,
        raw.translation_key.as_deref(),
        &family(config, &file.rel),
        p,
    );
    let written = given.nav_title.or(raw.title.as_deref());
    let (title, title_heading, labels) = read_title(
        (file, included),
        written,
        given.chapter,
        body_start,
        (dir, base),
        p,
    );

    Article {
        path: file.path.clone(),
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
        moved_from: None,
        draft: raw.draft || confidence == Confidence::Draft,
        unlisted: raw.unlisted,
        unsearched: raw.unsearched,
        confidence,
        audience,
        weight: raw.weight.unwrap_or(0),
        position: raw.position,
        author: raw.author,
        team: raw.team,
        text: file.text.clone(),
        body_start,
        title_heading,
        labels,
        included: included.cloned(),
        spans: FieldSpans::default(),
    }
}

/// The title of `file` (whose body starts at `body_start`), as
/// [`title_of`] finds it, and the range of the heading it stands for; else
/// the name of its `chapter` in a book's summary; else, with a warning,
/// one made from the page's folder and name (`place`); and the labels of
/// the body's MyST targets. The warnings of the body's dialect go to `p`
/// first.
fn read_title(
    (file, included): (&SourceFile, Option<&Arc<Included>>),
    written: Option<&str>,
    chapter: Option<&str>,
    body_start: usize,
    (dir, base): (&str, &str),
    p: &mut Problems<'_>,
) -> (String, Option<Range<usize>>, Vec<String>) {
    let body = &file.text[body_start..];
    let expanded = included.map(|i| &i.expanded);
    let values = super::shown_values(&file.text, body);
    let prepared =
        crate::dialects::prepare_expanded(body, file.rel.ends_with(".mdx"), expanded, &values);
    p.found
        .extend(prepared.warnings(&file.path, body, body_start));
    let labels = prepared.labels().to_vec();
    match title_of(written, &prepared, body_start) {
        (Some(title), heading) => (title, heading, labels),
        (None, _) if let Some(name) = chapter => (name.to_owned(), None, labels),
        (None, _) => {
            let title = title_from_file_name(dir, base);
            p.warning(
                "title",
                format!("the article has no title; using `{title}`, from its file name"),
                "add `title: …` to the front matter, or start the text with `# Title`",
            );
            (title, None, labels)
        }
    }
}

/// `lang:` as the site spells the code, else the file name's language,
/// else the default one; an error when the site has no such language.
fn read_language(
    config: &Config,
    written: Option<String>,
    file_lang: Option<&str>,
    p: &mut Problems<'_>,
) -> String {
    let lang = match written {
        Some(lang) => config
            .language_written(&lang)
            .map_or(lang, |l| l.code.clone()),
        None => file_lang.map_or_else(|| config.default_language.clone(), str::to_owned),
    };
    if !config.has_language(&lang) {
        p.error(
            "lang",
            format!("language `{lang}` is not one of the site's languages"),
            format!(
                "use one of: {} (or add it to `languages` in tier0.yaml)",
                config.language_codes()
            ),
        );
    }
    lang
}

/// The tier `key` names, as the config spells its id, else `default`.
fn read_tier(
    config: &Config,
    key: &str,
    value: Option<String>,
    default: &str,
    p: &mut Problems<'_>,
) -> String {
    let written = value.unwrap_or_else(|| default.to_owned());
    match config.tier_written(&written) {
        Some(tier) => tier.id.clone(),
        None => {
            p.error(
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
}

/// `type:`, else the default type; another tool's type (Hugo's `type:
/// docs`) is a warning, and the article gets the default.
fn read_kind(config: &Config, written: Option<String>, p: &mut Problems<'_>) -> ArticleType {
    let default_kind =
        || ArticleType::parse(&config.defaults.kind).unwrap_or(ArticleType::Troubleshooting);
    let Some(name) = written else {
        return default_kind();
    };
    ArticleType::parse(&name).unwrap_or_else(|| {
        let hint = yaml::did_you_mean(&slug::slugify(&name), &ArticleType::NAMES)
            .map_or(String::new(), |b| format!("did you mean `{b}`? "));
        let default = default_kind();
        p.warning(
            "type",
            format!(
                "`{name}` is not an article type; the article is a `{}`",
                default.name()
            ),
            format!("{hint}article types are: {}", ArticleType::NAMES.join(", ")),
        );
        default
    })
}

/// `audience:`, else the default one; an unknown one is an error.
pub(super) fn read_audience(
    config: &Config,
    written: Option<String>,
    p: &mut Problems<'_>,
) -> Audience {
    let name = written.unwrap_or_else(|| config.defaults.audience.clone());
    Audience::parse(&name).unwrap_or_else(|| {
        p.error(
            "audience",
            format!("unknown audience `{name}`"),
            "use `public` or `internal`",
        );
        Audience::Internal
    })
}

/// `confidence:`; without it a draft is a draft and any other article
/// validated, so sites written before KCS states behave as before.
fn read_confidence(written: Option<String>, draft: bool, p: &mut Problems<'_>) -> Confidence {
    match written {
        None if draft => Confidence::Draft,
        None => Confidence::Validated,
        Some(name) => Confidence::parse(&name).unwrap_or_else(|| {
            let hint = yaml::did_you_mean(&slug::slugify(&name), &Confidence::NAMES)
                .map_or(String::new(), |b| format!("did you mean `{b}`? "));
            p.error(
                "confidence",
                format!("unknown confidence `{name}`"),
                format!("{hint}the KCS states are: {}", Confidence::NAMES.join(", ")),
            );
            Confidence::Draft
        }),
    }
}

/// `slug:`, else the file name's (`base`; `name` for messages). A path
/// written there (Docusaurus, Jekyll) becomes one of `aliases`.
fn read_slug(
    written: Option<String>,
    base: &str,
    name: &str,
    aliases: &mut Vec<String>,
    p: &mut Problems<'_>,
) -> String {
    let file_slug = || slug::slugify(base);
    let help = "use lowercase letters, digits and `-` only";
    let slug = match written {
        Some(s) if slug::is_slug(&s) => s,
        Some(s) if s.contains('/') => {
            if crate::urls::normalise_alias(&s).is_some() {
                aliases.push(s);
            } else {
                p.warning(
                    "slug",
                    format!("slug `{s}` is not a path inside the site; it is ignored"),
                    help,
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
            p.warning(
                "slug",
                format!(
                    "slug `{s}` is not a URL segment tier0 writes; the article is at `{slugged}`"
                ),
                help,
            );
            slugged
        }
        None => file_slug(),
    };
    if slug.is_empty() {
        p.error(
            "slug",
            format!("cannot make a URL from the file name `{name}`"),
            "rename the file with letters or digits, or set `slug:`",
        );
    }
    p.too_long(
        "slug",
        &slug,
        "the slug is too long for a file name",
        [
            "shorten `slug:`",
            "set a shorter `slug:`; the one made from the file name is too long",
        ],
    );
    slug
}

/// The warning that the folder `name` is read as the section `id`.
pub(super) fn renamed_folder(name: &str, id: &str) -> String {
    format!("folder `{name}` is read as the section `{id}`")
}

/// `category:`, else the section of the folder `dir`.
fn read_section(written: Option<String>, dir: &str, p: &mut Problems<'_>) -> Option<String> {
    let folder = SectionPath::of(dir);
    let section = match written {
        Some(c) if is_section_id(&c) => Some(c),
        Some(c) => {
            let shown = SectionPath::of(&c).id.or_else(|| folder.id.clone());
            p.warning(
                "category",
                format!(
                    "category `{c}` is not a section id; the article is in `{}`",
                    shown.as_deref().unwrap_or("no section")
                ),
                "write section ids in lowercase letters, digits and `-`, with `/` between levels",
            );
            shown
        }
        None => {
            for (name, id) in &folder.renamed {
                p.warning(
                    "category",
                    renamed_folder(name, id),
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
        p.error(
            "category",
            format!("a section id is too long for a folder name: {too_long}"),
            "use a shorter section id, or rename the folder",
        );
    }
    section
}

/// The date written under `key`, if it is one.
fn read_date(p: &mut Problems<'_>, key: &str, value: Option<String>) -> Option<Timestamp> {
    let text = value?;
    let parsed = Timestamp::parse(&text);
    if parsed.is_none() {
        p.error(
            key,
            format!("`{text}` is not a valid date"),
            "write `YYYY-MM-DD` (e.g. 2026-03-02), `YYYY-MM-DD HH:MM:SS` or RFC 3339 \
             (2026-03-02T10:00:00+01:00)",
        );
    }
    parsed
}

/// Every alias must be a path inside the site whose folders fit a file name.
fn check_aliases(aliases: &[String], p: &mut Problems<'_>) {
    for alias in aliases {
        match crate::urls::normalise_alias(alias) {
            None => p.error(
                "aliases",
                format!("alias `{alias}` is not a path inside the site"),
                "write a site path such as `/old/wifi/`, without `..`, `?` or `#`",
            ),
            Some(site_path) => {
                if let Some(too_long) = output_paths::segment_too_long(&site_path) {
                    p.error(
                        "aliases",
                        format!("an alias is too long for a file name: {too_long}"),
                        "shorten that part of the alias; each part between `/` becomes a folder",
                    );
                }
            }
        }
    }
}

/// The id made for an article that writes none from `family`, the path
/// its translations share (`red/wifi` → `red-wifi`).
pub(super) fn path_id(family: &str) -> String {
    slug::slugify(&family.replace('.', "-"))
}

/// `id:`, else one made from Hugo's `translationKey`, which the
/// translations of different paths share, else from the file's `family`,
/// the path its translations share (a warning: links sent to users break
/// when the file moves).
fn read_id(
    written: Option<String>,
    translation_key: Option<&str>,
    family: &str,
    p: &mut Problems<'_>,
) -> String {
    let keyed = translation_key
        .map(slug::slugify)
        .filter(|k| slug::is_identifier(k));
    let derived = || keyed.clone().unwrap_or_else(|| path_id(family));
    let id = match written {
        Some(id) if slug::is_identifier(&id) => id,
        Some(id) => {
            let derived = derived();
            p.warning(
                "id",
                format!(
                    "article id `{id}` may only contain letters, digits, `-` and `_`; using \
                     `{derived}`"
                ),
                "use an id such as `KB-1042`",
            );
            derived
        }
        None => {
            let derived = derived();
            p.found.push(
                Diagnostic::warning(
                    p.path,
                    0..3,
                    format!(
                        "the article has no `id`; using `{derived}`{}",
                        if keyed.is_some() {
                            ", its `translationKey`"
                        } else {
                            ""
                        }
                    ),
                )
                .with_help("add a stable `id: KB-…` so links sent to users never break"),
            );
            derived
        }
    };
    // The id names the folder of the article's short link (`kb/<id>/`).
    p.too_long(
        "id",
        &id,
        "the article id is too long for a folder name",
        [
            "use a shorter id, such as `KB-1042`",
            "add a short `id: KB-…`; the one made from the file's path is too long",
        ],
    );
    id
}

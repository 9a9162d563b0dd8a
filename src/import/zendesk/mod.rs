//! `tier0 import zendesk`: a Zendesk Guide export → a tier0 content tree.
//!
//! In: a folder of Help Center API pages ([`export`]) and the site folder.
//! Out: under `content/`, a folder per category and section ([`layout`]),
//! each with an `_index.md` per language, and a Markdown file per article
//! translation ([`html`], [`links`]); written by [`sync`], which never
//! overwrites an edit made here. Also `tier0.yaml` with the export's
//! languages, when the site has none.
//!
//! Mapping: article `id` → `ZD-<id>`, shared by its translations; locale →
//! tier0 language (`en-us` → `en`, unless two locales share `en`);
//! `label_names` → `tags`; `draft` → `draft`; `created_at` → `date`;
//! `edited_at` (else `updated_at`) → `updated`; `position` → `weight`; an
//! article Zendesk shows only to some readers (`user_segment_id`) →
//! `audience: internal`, so that nothing restricted there is published by
//! omission; `/hc/<locale>/articles/<id>` and the `html_url` path →
//! `aliases`, so links sent to users keep working.

pub mod export;
mod html;
mod languages;
mod layout;
mod links;
pub mod sync;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use url::Url;

use super::ImportError;
use super::text::{lines, one_line};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, SourceTexts};
use crate::discover::{CONFIG_FILE, ContentFolder};
use crate::parse::Timestamp;
use crate::urls::normalise_alias;
use export::{Article, Export};
pub use languages::Languages;
use languages::{language_line, languages};
use sync::{Kind, Origin, Outcome, Planned};

/// The tier0 id of Zendesk article `id`: a prefix tier0 reads as an id in
/// links (`[x](ZD-360001)`) and that says where the article came from.
pub fn tier0_id(id: u64) -> String {
    format!("ZD-{id}")
}

/// What to import and where.
#[derive(Debug, Clone)]
pub struct Options {
    /// The export folder.
    pub export: PathBuf,
    /// The site folder.
    pub root: PathBuf,
    /// Say what would change, write nothing.
    pub dry_run: bool,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// One per file.
    pub outcomes: Vec<Outcome>,
    /// Problems of the export that did not stop the import.
    pub warnings: Vec<Diagnostic>,
    /// Texts of the export's files, to show the warnings.
    pub texts: SourceTexts,
    /// Notes on single files (links kept as Zendesk URLs…), by file.
    pub notes: BTreeMap<String, Vec<String>>,
    /// Articles (not translations) in the export.
    pub articles: usize,
    /// Languages, the default first.
    pub languages: Vec<String>,
    /// What to change in `tier0.yaml`, or that it was written.
    pub config: ConfigNote,
    /// The content folder written, relative to the site folder.
    pub content_dir: PathBuf,
}

/// What the import says about `tier0.yaml`.
#[derive(Debug, Default, PartialEq, Eq)]
pub enum ConfigNote {
    /// It lists the export's languages.
    #[default]
    Fine,
    /// There was none; one was written with the export's languages.
    Written,
    /// There was none; a dry run would write one.
    WouldWrite,
    /// It lacks what the export needs: lines to change.
    Advice(Vec<String>),
}

/// Imports the export at `options.export` into the site at `options.root`.
pub fn import(options: &Options) -> Result<Report, ImportError> {
    let export = export::read(&options.export)?;
    if export.articles.is_empty() && export.sections.is_empty() && export.categories.is_empty() {
        return Err(ImportError::Io(format!(
            "{} holds no categories, sections or articles; save the Help Center API's pages there (see docs/import-zendesk.md)",
            options.export.display()
        )));
    }
    let config = crate::site::load_config(&options.root).map_err(|e| match e {
        crate::site::BuildError::Content { diagnostics, texts } => {
            ImportError::Content { diagnostics, texts }
        }
        other => ImportError::Io(other.to_string()),
    })?;
    let has_config = crate::discover::config(&options.root)
        .map_err(|e| ImportError::Io(e.to_string()))?
        .is_some();

    let locales: BTreeSet<String> = export
        .articles
        .iter()
        .map(|a| a.locale.clone())
        .chain(export.sections.iter().map(|s| s.locale.clone()))
        .chain(export.categories.iter().map(|c| c.locale.clone()))
        .collect();
    let config = &config.0;
    let langs = match languages(&export, &locales, config, has_config) {
        Ok(langs) => langs,
        Err(problems) => {
            let diagnostics = problems
                .into_iter()
                .map(|problem| {
                    Diagnostic::error(&options.export, 0..0, problem).with_help(
                        "give each translation one locale, spelt the same in every item of the export (`en-us`, `es`)",
                    )
                })
                .collect();
            return Err(ImportError::Content {
                diagnostics,
                texts: export.texts,
            });
        }
    };

    let content = ContentFolder::new(&options.root, &config.content_dir);
    let local = sync::scan(&content)?;
    let layout = layout::layout(&export, &langs, &local);
    let mut notes = BTreeMap::new();
    let mut planned = sections(&export, &langs, &layout, &mut notes);
    planned.extend(articles(&export, &langs, &layout, &mut notes));
    let outcomes = sync::apply(&content, &local, &planned, &locales, !options.dry_run)?;

    let mut languages: Vec<String> = langs
        .by_locale
        .values()
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    languages.sort_by_key(|c| (*c != langs.default, c.clone()));
    let config_note = config_note(options, config, has_config, &languages, &langs.default)?;
    // Outcomes come in the order of the plan (then the files gone).
    let notes_by_file = planned
        .iter()
        .zip(&outcomes)
        .filter_map(|(plan, outcome)| Some((outcome.rel.clone(), notes.remove(&plan.origin)?)))
        .collect();
    Ok(Report {
        outcomes,
        warnings: export.warnings,
        texts: export.texts,
        notes: notes_by_file,
        articles: export
            .articles
            .iter()
            .map(|a| a.id)
            .collect::<BTreeSet<_>>()
            .len(),
        languages,
        config: config_note,
        content_dir: content.shown,
    })
}

/// What the import says about `tier0.yaml`, which it writes when there is
/// none (and it is no dry run): `languages` in order, the default first.
fn config_note(
    options: &Options,
    config: &Config,
    has_config: bool,
    languages: &[String],
    default: &str,
) -> Result<ConfigNote, ImportError> {
    if !has_config {
        return if options.dry_run {
            Ok(ConfigNote::WouldWrite)
        } else {
            write_config(&options.root, languages)?;
            Ok(ConfigNote::Written)
        };
    }
    let mut advice: Vec<String> = languages
        .iter()
        .filter(|code| !config.has_language(code))
        .map(|code| format!("add `{}` to `languages`", language_line(code)))
        .collect();
    if config.default_language != default {
        advice.push(format!(
            "set `default_language: {}`: most of the export is written in it (or import articles in `{}`)",
            default, config.default_language
        ));
    }
    Ok(if advice.is_empty() {
        ConfigNote::Fine
    } else {
        ConfigNote::Advice(advice)
    })
}

fn write_config(root: &Path, languages: &[String]) -> Result<(), ImportError> {
    let mut text = String::from(
        "# Written by `tier0 import zendesk` with the languages of the export.\n\
         # Every other key has its default: see the configuration table of the README.\n",
    );
    text.push_str(&format!(
        "default_language: {}\nlanguages:\n",
        serde_json::Value::from(languages[0].as_str())
    ));
    for code in languages {
        text.push_str(&format!("  {}\n", language_line(code)));
    }
    let path = root.join(CONFIG_FILE);
    std::fs::create_dir_all(root)
        .and_then(|()| std::fs::write(&path, text))
        .map_err(|e| ImportError::Io(format!("cannot write {}: {e}", path.display())))
}

/// Front matter of a category's or section's `_index.md`.
#[derive(Debug, Serialize)]
struct IndexFrontMatter<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<i64>,
}

/// Front matter of an article.
#[derive(Debug, Serialize)]
struct ArticleFrontMatter<'a> {
    id: String,
    title: &'a str,
    lang: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<i64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    draft: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
}

/// `---`, the YAML of `front_matter`, `---`, then `body`.
fn file_text(front_matter: &impl Serialize, body: &str) -> String {
    let yaml = serde_yaml::to_string(front_matter).unwrap_or_default();
    format!("---\n{yaml}---\n{body}")
}

/// The `_index.md` files of every category and section.
fn sections(
    export: &Export,
    langs: &Languages,
    layout: &layout::Layout,
    notes: &mut BTreeMap<Origin, Vec<String>>,
) -> Vec<Planned> {
    let index = |folder: &str, code: &str| {
        let name = format!("_index{}.md", langs.suffix(code));
        if folder.is_empty() {
            name
        } else {
            format!("{folder}/{name}")
        }
    };
    let mut planned = Vec::new();
    let mut described = |origin: Origin,
                         rel: String,
                         name: &str,
                         description: Option<&str>,
                         position: Option<i64>| {
        let mut file_notes = Vec::new();
        let description = description
            .map(|d| lines("description", d, &mut file_notes))
            .filter(|d| !d.is_empty());
        let text = file_text(
            &IndexFrontMatter {
                title: &one_line("name", name, &mut file_notes),
                description: description.as_deref(),
                weight: position,
            },
            "",
        );
        if !file_notes.is_empty() {
            notes.insert(origin.clone(), file_notes);
        }
        planned.push(Planned {
            origin,
            rel,
            text,
            updated_at: None,
        });
    };
    for c in &export.categories {
        let origin = Origin {
            kind: Kind::Category,
            id: c.id,
            locale: c.locale.clone(),
        };
        let rel = index(&layout.categories[&c.id], &langs.code(&c.locale));
        described(origin, rel, &c.name, c.description.as_deref(), c.position);
    }
    for s in &export.sections {
        let Some(folder) = layout.sections.get(&s.id) else {
            continue;
        };
        let origin = Origin {
            kind: Kind::Section,
            id: s.id,
            locale: s.locale.clone(),
        };
        let rel = index(folder, &langs.code(&s.locale));
        described(origin, rel, &s.name, s.description.as_deref(), s.position);
    }
    planned
}

/// Old addresses of an article translation, as tier0 aliases.
fn aliases(article: &Article) -> Vec<String> {
    let mut candidates = vec![format!("/hc/{}/articles/{}", article.locale, article.id)];
    if article.source_locale.as_deref() == Some(article.locale.as_str()) {
        candidates.push(format!("/hc/articles/{}", article.id));
    }
    // Only a web address has a path a reader's link could hold.
    candidates.extend(
        article
            .html_url
            .as_deref()
            .and_then(|u| Url::parse(u).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .map(|u| {
                percent_encoding::percent_decode_str(u.path())
                    .decode_utf8_lossy()
                    .into_owned()
            }),
    );
    // A path tier0 would refuse as an alias (a locale or address with
    // `..` or a bidi override in it) is left out rather than make the
    // build refuse the article.
    let mut aliases = Vec::new();
    for path in candidates {
        if normalise_alias(&path).is_some()
            && !path.chars().any(crate::terminal::is_control)
            && !aliases.contains(&path)
        {
            aliases.push(path);
        }
    }
    aliases
}

/// One file per article translation.
fn articles(
    export: &Export,
    langs: &Languages,
    layout: &layout::Layout,
    notes: &mut BTreeMap<Origin, Vec<String>>,
) -> Vec<Planned> {
    let base_urls: Vec<Option<Url>> = export
        .articles
        .iter()
        .map(|a| a.html_url.as_deref().and_then(|u| Url::parse(u).ok()))
        .collect();
    let bodies: Vec<html::Sanitized> = export
        .articles
        .iter()
        .zip(&base_urls)
        .map(|(a, base)| html::sanitize(a.body.as_deref().unwrap_or_default(), base.as_ref()))
        .collect();
    let targets = link_targets(export, langs, &bodies);
    let linking: Vec<links::Linking> = export
        .articles
        .iter()
        .zip(&bodies)
        .map(|(a, body)| links::Linking {
            id: a.id,
            version: &targets.versions[&a.id][&langs.code(&a.locale)],
            body,
        })
        .collect();
    let mut referenced = links::referenced(&targets, &linking);

    let mut planned = Vec::new();
    for (a, from) in export.articles.iter().zip(&linking) {
        let lang = langs.code(&a.locale);
        let keep = referenced.remove(&(a.id, lang.clone())).unwrap_or_default();
        let (rewrites, mut file_notes) = links::rewrites(&targets, from, keep);
        if from.body.flattened.is_some() {
            file_notes.push(format!(
                "its HTML nests more than {} elements deep, too deep to convert: only its text was kept; restore its structure from Zendesk by hand",
                html::MAX_NESTING
            ));
        }
        let body = html::to_markdown(&from.body.html, rewrites).unwrap_or_else(|e| {
            file_notes.push(format!("{e}; the cleaned HTML was kept"));
            from.body.html.clone()
        });
        let text = article_text(a, &lang, &body, &mut file_notes);
        let origin = Origin {
            kind: Kind::Article,
            id: a.id,
            locale: a.locale.clone(),
        };
        if !file_notes.is_empty() {
            notes.insert(origin.clone(), file_notes);
        }
        planned.push(Planned {
            origin,
            rel: layout.article_file(a.id, &lang, &langs.suffix(&lang)),
            text,
            updated_at: a.updated_at.clone(),
        });
    }
    planned
}

/// What links between articles may point to: the export's hosts, and each
/// article translation with the heading ids of its `bodies`.
fn link_targets(export: &Export, langs: &Languages, bodies: &[html::Sanitized]) -> links::Targets {
    let mut targets = links::Targets {
        hosts: export
            .articles
            .iter()
            .filter_map(|a| a.html_url.as_deref())
            .filter_map(|u| Url::parse(u).ok())
            .filter_map(|u| u.host_str().map(str::to_lowercase))
            .collect(),
        default_lang: langs.default.clone(),
        ..links::Targets::default()
    };
    for (a, body) in export.articles.iter().zip(bodies) {
        let lang = langs.code(&a.locale);
        targets.versions.entry(a.id).or_default().insert(
            lang.clone(),
            links::Version {
                lang,
                draft: a.draft.unwrap_or(false),
                restricted: a.restricted(),
                heading_ids: body.heading_ids.clone(),
            },
        );
    }
    targets
}

/// The file of article translation `a` in `lang`: its front matter, then
/// `body`. What the front matter cannot hold is said in `notes`.
fn article_text(a: &Article, lang: &str, body: &str, notes: &mut Vec<String>) -> String {
    let date = checked_date("created_at", a.created_at.as_deref(), notes);
    let updated = checked_date("edited_at", a.edited_at.as_deref(), notes)
        .or_else(|| checked_date("updated_at", a.updated_at.as_deref(), notes));
    let mut seen = std::collections::HashSet::new();
    let tags: Vec<Cow<str>> = a
        .label_names
        .iter()
        .flatten()
        .map(|l| one_line("label", l, notes))
        .filter(|label| !label.is_empty() && seen.insert(label.clone()))
        .collect();
    let title = one_line("title", &a.title, notes);
    let fallback_title = format!("{} {}", tier0_id(a.id), a.locale);
    if title.is_empty() {
        notes.push("the article has no title in Zendesk; its id stands in for it".into());
    }
    let front_matter = ArticleFrontMatter {
        id: tier0_id(a.id),
        title: if title.is_empty() {
            &fallback_title
        } else {
            &title
        },
        lang,
        tags: tags.iter().map(|t| &**t).collect(),
        date,
        updated,
        weight: a.position,
        draft: a.draft.unwrap_or(false),
        audience: a.restricted().then_some("internal"),
        aliases: aliases(a),
    };
    file_text(&front_matter, body)
}

/// `value` when tier0 reads it as a date; otherwise a note and nothing.
fn checked_date<'a>(
    field: &str,
    value: Option<&'a str>,
    notes: &mut Vec<String>,
) -> Option<&'a str> {
    let value = value?;
    if Timestamp::parse(value).is_some() {
        Some(value)
    } else {
        notes.push(format!(
            "`{field}: {value}` is not a date tier0 reads; it was left out"
        ));
        None
    }
}

#[cfg(test)]
mod tests;

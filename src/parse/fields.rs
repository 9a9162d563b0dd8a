//! Which front matter keys tier0 reads, under which names, and how loosely.
//!
//! In: the located entries of one front matter, YAML or TOML alike. Out: a
//! [`RawFrontMatter`] (tier0's fields, not yet checked against the config),
//! where each field's value stands ([`FieldSpans`]), and warnings.
//!
//! Knowledge bases come from other tools, so besides tier0's own keys this
//! reads what Hugo, Zola, Jekyll, MkDocs, Docusaurus, VitePress and
//! Starlight write:
//! key names in any case (`Title:`, `lastMod:`), their names for tier0's
//! fields (`lastmod` → `updated`, `sidebar_position` → a place in the order,
//! `keywords` → `tags`, …), and values of a looser type when the meaning is
//! clear (a comma-separated string of tags, an `author:` map with a `name`,
//! `draft: "yes"`). Keys that only steer another tool's layout or
//! navigation are knowingly ignored; other keys, and values that cannot be
//! read, give a warning and are ignored. Nothing here is an error.

use std::ops::Range;
use std::path::Path;

mod search;
mod spans;
mod starlight;

pub use spans::FieldSpans;

use super::keys::{FRONT_MATTER_KEYS, Field, field, is_scalar_field, tier0_key};
use crate::diagnostics::Diagnostic;
use crate::kinds::Audience;
use crate::matter::text::Field as TextField;
use crate::matter::yaml;
use crate::matter::{Entry, FrontMatter, Value};

/// The audience that `internal: true` says.
const INTERNAL: &str = "internal";

/// Front matter as tier0 reads it, before it is checked against the config.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct RawFrontMatter {
    pub(super) id: Option<String>,
    pub(super) translation_key: Option<String>,
    pub(super) title: Option<String>,
    pub(super) description: Option<String>,
    pub(super) tier: Option<String>,
    pub(super) escalate_to: Option<String>,
    pub(super) kind: Option<String>,
    pub(super) lang: Option<String>,
    pub(super) category: Option<String>,
    pub(super) slug: Option<String>,
    pub(super) tags: Vec<String>,
    pub(super) symptoms: Vec<String>,
    pub(super) error_codes: Vec<String>,
    pub(super) applies_to: Vec<String>,
    pub(super) date: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) reviewed: Option<String>,
    pub(super) review_every: Option<u32>,
    pub(super) aliases: Vec<String>,
    pub(super) draft: bool,
    pub(super) unlisted: bool,
    pub(super) unsearched: bool,
    pub(super) confidence: Option<String>,
    pub(super) audience: Option<String>,
    pub(super) weight: Option<i64>,
    pub(super) position: Option<i64>,
    pub(super) author: Option<String>,
    pub(super) team: Option<String>,
    /// What a landing page's Hugo `cascade` withholds from the pages below.
    pub(super) cascade: Withholding,
}

/// What a section withholds from the articles and sections below it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Withholding {
    /// From the public edition.
    pub(super) internal: bool,
    /// From builds without `--drafts`.
    pub(super) draft: bool,
}

impl RawFrontMatter {
    /// Every text value, as the article keeps it (title and description trimmed).
    pub(super) fn texts(&self) -> impl Iterator<Item = TextField<'_>> {
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
            ("confidence", &self.confidence),
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
        let title = (self.title.as_deref()).map(|t| TextField::one("title", t.trim()));
        let description =
            (self.description.as_deref()).map(|d| TextField::many("description", d.trim()));
        title
            .into_iter()
            .chain(description)
            .chain(
                single
                    .into_iter()
                    .filter_map(|(key, value)| value.as_deref().map(|v| TextField::one(key, v))),
            )
            .chain(
                lists
                    .into_iter()
                    .flat_map(|(key, values)| values.iter().map(move |v| TextField::one(key, v))),
            )
    }
}

/// What [`read`] gives.
#[derive(Debug)]
pub(super) struct Read {
    /// The fields.
    pub(super) raw: RawFrontMatter,
    /// Where they were set.
    pub(super) spans: FieldSpans,
    /// Keys ignored and values that could not be read.
    pub(super) warnings: Vec<Diagnostic>,
}

/// Reads tier0's fields from the front matter of the file at `path`.
pub(super) fn read(path: &Path, front_matter: &FrontMatter) -> Read {
    let mut reader = Reader {
        path,
        read: Read {
            raw: RawFrontMatter::default(),
            spans: FieldSpans::at(front_matter.start),
            warnings: Vec::new(),
        },
        summary: None,
        publish_date: None,
        setters: Vec::new(),
    };
    for entry in &front_matter.entries {
        reader.entry(entry);
    }
    let Reader {
        mut read,
        summary,
        publish_date,
        ..
    } = reader;
    let raw = &mut read.raw;
    if raw.description.is_none() {
        raw.description = summary;
    }
    if raw.date.is_none() {
        raw.date = publish_date;
    }
    for list in [
        &mut raw.tags,
        &mut raw.symptoms,
        &mut raw.error_codes,
        &mut raw.applies_to,
        &mut raw.aliases,
    ] {
        dedup_in_order(list);
    }
    read
}

fn dedup_in_order(list: &mut Vec<String>) {
    let mut seen = std::collections::BTreeSet::new();
    list.retain(|item| seen.insert(item.clone()));
}

struct Reader<'a> {
    path: &'a Path,
    read: Read,
    summary: Option<String>,
    publish_date: Option<String>,
    /// The field of each scalar key read so far, with the key as written:
    /// a second key for the same field is ignored.
    setters: Vec<(Field, &'a str, Range<usize>)>,
}

impl<'a> Reader<'a> {
    fn entry(&mut self, entry: &'a Entry) {
        let Some(field) = field(&entry.key) else {
            self.read.warnings.push(yaml::unknown_key_at(
                self.path,
                entry.key_span.clone(),
                &entry.key,
                FRONT_MATTER_KEYS,
            ));
            return;
        };
        if field == Field::Ignored {
            return;
        }
        if field == Field::Expiry {
            self.warn(
                entry,
                format!(
                    "`{}` is not supported: the article is published all the same",
                    entry.key
                ),
                "to take an article off the site, set `draft: true` or delete it",
            );
            return;
        }
        let Some(value) = entry.value.as_ref() else {
            return;
        };
        if field == Field::Sidebar {
            self.sidebar(entry, value);
            return;
        }
        if is_scalar_field(field) && !self.first_setter(field, entry) {
            return;
        }
        self.value(field, entry, value);
    }

    /// Whether `entry` is the first key to set `field`; warns when not.
    fn first_setter(&mut self, field: Field, entry: &'a Entry) -> bool {
        if let Some((_, first, _)) = self.setters.iter().find(|(f, _, _)| *f == field) {
            let message = format!(
                "`{}` is ignored: `{first}` already sets the same field",
                entry.key
            );
            self.warn(entry, message, "keep only one of the two keys");
            return false;
        }
        self.setters
            .push((field, &entry.key, entry.value_span.clone()));
        true
    }

    fn value(&mut self, field: Field, entry: &Entry, value: &Value) {
        let span = &entry.value_span;
        let key = tier0_key(field);
        if let Some(key) = key {
            self.read.spans.set(key, span);
        }
        match field {
            Field::Id => self.read.raw.id = self.text(entry, value),
            Field::TranslationKey => self.read.raw.translation_key = self.text(entry, value),
            Field::Title => self.read.raw.title = self.text(entry, value),
            Field::Description => self.read.raw.description = self.text(entry, value),
            Field::Summary => self.summary = self.text(entry, value),
            Field::Tier => self.read.raw.tier = self.text(entry, value),
            Field::EscalateTo => self.read.raw.escalate_to = self.text(entry, value),
            Field::Type => self.read.raw.kind = self.text(entry, value),
            Field::Lang => self.read.raw.lang = self.text(entry, value),
            Field::Category => self.read.raw.category = self.text(entry, value),
            Field::Slug => self.read.raw.slug = self.text(entry, value),
            Field::Url => {
                let urls = self.list(entry, value, false);
                self.read.raw.aliases.extend(urls);
            }
            Field::Tags => {
                let tags = self.list(entry, value, true);
                self.read.raw.tags.extend(tags);
            }
            Field::Taxonomies => {
                let terms = self.taxonomies(entry, value);
                self.read.raw.tags.extend(terms);
            }
            Field::Symptoms => self.read.raw.symptoms = self.list(entry, value, false),
            Field::ErrorCodes => self.read.raw.error_codes = self.list(entry, value, true),
            Field::AppliesTo => self.read.raw.applies_to = self.list(entry, value, false),
            Field::Aliases => {
                let aliases = self.list(entry, value, false);
                self.read.raw.aliases.extend(aliases);
            }
            Field::Date => self.date(entry, value),
            Field::PublishDate => self.publish_date = self.text(entry, value),
            Field::Updated => {
                // A `date: {created, updated}` map may have set it already.
                let updated = self.date_in(entry, value, &["date", "updated", "modified"]);
                self.read.raw.updated = self.read.raw.updated.take().or(updated);
            }
            Field::Reviewed => self.read.raw.reviewed = self.text(entry, value),
            Field::ReviewEvery => {
                self.read.raw.review_every = self
                    .integer(entry, value)
                    .and_then(|n| self.in_range(entry, n));
            }
            Field::Draft => self.read.raw.draft |= self.flag(entry, value).unwrap_or(false),
            Field::Published => self.read.raw.draft |= !self.flag(entry, value).unwrap_or(true),
            Field::Unrendered => self.read.raw.draft |= self.unrendered(entry, value),
            Field::Unlisted => self.read.raw.unlisted = self.flag(entry, value).unwrap_or(false),
            Field::Unsearched => self.read.raw.unsearched |= self.unsearched(entry, value),
            Field::Confidence => self.read.raw.confidence = self.text(entry, value),
            Field::Audience => {
                let written = self.text(entry, value);
                // Beside `internal: true`, withholding is the safe side.
                if self.read.raw.audience.as_deref() != Some(INTERNAL) {
                    self.read.raw.audience = written;
                }
            }
            Field::Internal => {
                if self.flag(entry, value) == Some(true) {
                    self.read.spans.set("audience", &entry.value_span);
                    self.read.raw.audience = Some(INTERNAL.to_owned());
                }
            }
            Field::Weight => self.read.raw.weight = self.integer(entry, value),
            Field::Position => self.read.raw.position = self.integer(entry, value),
            Field::Author => self.read.raw.author = self.author(entry, value),
            Field::Team => self.read.raw.team = self.text(entry, value),
            Field::Cascade => self.cascade(entry, value),
            // Read by `entry`, whose lifetime its `order` needs.
            Field::Expiry | Field::Sidebar | Field::Ignored => {}
        }
    }

    fn warn(&mut self, entry: &Entry, message: String, help: &str) {
        self.read.warnings.push(
            Diagnostic::warning(self.path, entry.value_span.clone(), message).with_help(help),
        );
    }

    fn ignored(&mut self, entry: &Entry, value: &Value, wanted: &str) {
        let message = format!(
            "`{}` is {}, where tier0 reads {wanted}: it is ignored",
            entry.key,
            value.kind()
        );
        self.warn(
            entry,
            message,
            "write it the way docs/authoring.md shows, or remove it",
        );
    }

    /// Text: a scalar, or a list of one.
    fn text(&mut self, entry: &Entry, value: &Value) -> Option<String> {
        match value {
            Value::Null => None,
            Value::List(items) if items.len() == 1 && items[0].scalar_text().is_some() => {
                items[0].scalar_text()
            }
            _ => value.scalar_text().or_else(|| {
                self.ignored(entry, value, "a single value");
                None
            }),
        }
    }

    /// A list of texts: a list of scalars, or one scalar (split at commas
    /// when `commas`, as tags and error codes are written in one line).
    fn list(&mut self, entry: &Entry, value: &Value, commas: bool) -> Vec<String> {
        match value {
            Value::Null => Vec::new(),
            Value::List(items) => {
                let texts: Vec<String> = items.iter().filter_map(Value::scalar_text).collect();
                if texts.len() < items.len() {
                    let message = format!(
                        "`{}` holds lists or maps among its items: they are ignored",
                        entry.key
                    );
                    self.warn(entry, message, "write one text per item");
                }
                texts
            }
            Value::Map(_) => {
                self.ignored(entry, value, "a list");
                Vec::new()
            }
            scalar => match scalar.scalar_text() {
                Some(text) if commas => text
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect(),
                Some(text) => vec![text],
                None => Vec::new(),
            },
        }
    }

    /// A yes or no: a boolean, or `true`/`yes`/`on`, `false`/`no`/`off`
    /// written as text in any case.
    fn flag(&mut self, entry: &Entry, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" => Some(true),
                "false" | "no" | "off" => Some(false),
                _ => {
                    self.ignored(entry, value, "`true` or `false`");
                    None
                }
            },
            _ => {
                self.ignored(entry, value, "`true` or `false`");
                None
            }
        }
    }

    /// A whole number, also written as text or as `3.0`.
    fn integer(&mut self, entry: &Entry, value: &Value) -> Option<i64> {
        let number = match value {
            Value::Null => return None,
            Value::Integer(n) => Some(*n),
            // Whole floats in i64's range convert exactly.
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => Some(*f as i64),
            Value::String(s) => s.trim().parse().ok(),
            Value::BigInteger(n) => {
                let message = format!("`{}` is {n}, too large a number: it is ignored", entry.key);
                self.warn(entry, message, "write a whole number of at most 18 digits");
                return None;
            }
            _ => None,
        };
        if number.is_none() {
            self.ignored(entry, value, "a whole number");
        }
        number
    }

    fn in_range(&mut self, entry: &Entry, n: i64) -> Option<u32> {
        let days = u32::try_from(n).ok().filter(|d| *d > 0);
        if days.is_none() {
            let message = format!(
                "`{}` is {n}, not a number of days: it is ignored",
                entry.key
            );
            self.warn(entry, message, "write a whole number of days, e.g. 180");
        }
        days
    }

    /// A date, or MkDocs Material's `date: {created: …, updated: …}`.
    fn date(&mut self, entry: &Entry, value: &Value) {
        if let Value::Map(_) = value {
            self.read.raw.date = self.date_in(entry, value, &["created", "date"]);
            if self.read.raw.updated.is_none() {
                self.read.raw.updated = first_text(value, &["updated", "modified"]);
            }
        } else {
            self.read.raw.date = self.text(entry, value);
        }
    }

    /// A date, or the first of `keys` in a map (Docusaurus's
    /// `last_update: {date: …, author: …}`).
    fn date_in(&mut self, entry: &Entry, value: &Value, keys: &[&str]) -> Option<String> {
        match value {
            Value::Map(_) => first_text(value, keys).or_else(|| {
                self.ignored(entry, value, "a date");
                None
            }),
            _ => self.text(entry, value),
        }
    }

    /// A name, a map with a `name` (Docusaurus, Zola, MkDocs blogs), or a
    /// list of those, joined.
    fn author(&mut self, entry: &Entry, value: &Value) -> Option<String> {
        let name = |v: &Value| v.scalar_text().or_else(|| first_text(v, &["name"]));
        let names: Vec<String> = match value {
            Value::Null => return None,
            Value::List(items) => items.iter().filter_map(name).collect(),
            other => name(other).into_iter().collect(),
        };
        if names.is_empty() {
            self.ignored(entry, value, "a name");
            return None;
        }
        Some(names.join(", "))
    }

    /// Whether its tool publishes no page for this one: Hugo's `headless:
    /// true` or `build: {render: never}` (`link`: only its address is
    /// known; the old `_build: {render: false}`), Zola's `render = false`.
    fn unrendered(&mut self, entry: &Entry, value: &Value) -> bool {
        if entry.key.eq_ignore_ascii_case("render") {
            return !self.flag(entry, value).unwrap_or(true);
        }
        if let Value::Map(_) = value {
            let render = value.get("render").and_then(Value::scalar_text);
            return render.is_some_and(|r| {
                matches!(
                    r.trim().to_ascii_lowercase().as_str(),
                    "never" | "link" | "false"
                )
            });
        }
        self.flag(entry, value).unwrap_or(false)
    }

    /// Hugo's `cascade` (a map, or a list of maps with their targets):
    /// front matter for the pages below. What in a map without `_target`
    /// takes them off the site or out of its public edition is read
    /// ([`Withholding`]); such a key that is not read (in a targeted map,
    /// `confidence`, an unknown audience) gets a warning, as the pages below
    /// are then published as their own front matter says.
    fn cascade(&mut self, entry: &Entry, value: &Value) {
        let maps = match value {
            Value::List(items) => items.iter().collect(),
            other => vec![other],
        };
        let mut unread = None;
        for map in maps {
            let Value::Map(keys) = map else { continue };
            let targeted = map.get("_target").is_some();
            for (key, inner) in keys {
                let key = key.to_ascii_lowercase();
                if !WITHHOLDING.contains(&key.as_str()) {
                    continue;
                }
                let read = !targeted && self.withhold(entry, &key, inner);
                if !read {
                    unread.get_or_insert(key);
                }
            }
        }
        if let Some(key) = unread {
            self.warn(
                entry,
                format!(
                    "`{}` is read only for `audience: internal`, `draft`, `published`, \
                     `headless` and `build` without `_target`: its `{key}` does not reach the \
                     pages below, which are published as their own front matter says",
                    entry.key
                ),
                &format!("write `{key}` in the front matter of each page it should apply to"),
            );
        }
    }

    /// Reads `key` of a cascade into [`RawFrontMatter::cascade`]; whether
    /// it could be.
    fn withhold(&mut self, entry: &Entry, key: &str, value: &Value) -> bool {
        match key {
            "audience" => match value.scalar_text().as_deref().and_then(Audience::parse) {
                Some(Audience::Internal) => self.read.raw.cascade.internal = true,
                Some(Audience::Public) => {}
                None => return false,
            },
            "draft" => self.read.raw.cascade.draft |= self.flag(entry, value).unwrap_or(false),
            "published" => {
                self.read.raw.cascade.draft |= !self.flag(entry, value).unwrap_or(true);
            }
            "headless" | "build" | "_build" => {
                self.read.raw.cascade.draft |= self.unrendered(entry, value);
            }
            _ => return false,
        }
        true
    }

    /// Every term of Zola's `taxonomies = { tags = […], categories = […] }`.
    fn taxonomies(&mut self, entry: &Entry, value: &Value) -> Vec<String> {
        match value {
            Value::Map(entries) => entries
                .iter()
                .flat_map(|(_, terms)| match terms {
                    Value::List(items) => items.iter().filter_map(Value::scalar_text).collect(),
                    other => other.scalar_text().into_iter().collect::<Vec<_>>(),
                })
                .collect(),
            _ => {
                self.ignored(entry, value, "a map of lists");
                Vec::new()
            }
        }
    }
}

/// Keys that, passed down by `cascade` in Hugo, would keep pages off a
/// site or out of its public edition.
const WITHHOLDING: &[&str] = &[
    "audience",
    "draft",
    "published",
    "confidence",
    "build",
    "_build",
    "headless",
];

/// The text of the first of `keys` present in the map `value`.
fn first_text(value: &Value, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| value.get(k))
        .and_then(Value::scalar_text)
}

#[cfg(test)]
mod tests;

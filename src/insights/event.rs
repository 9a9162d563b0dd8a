//! The events a help site sends to the collector, and what of them is kept.
//!
//! In: one JSON object per request (`docs/insights.md` lists the fields of
//! each `type`). Out: a [`Record`] ready to store, or a [`Rejection`] saying
//! why nothing is stored. Validation is strict: unknown fields, wrong types,
//! languages and article ids the site does not have, markup in text, and
//! values past their limits are all refused, and so are control and
//! invisible format characters. Query text and notes are scrubbed of e-mail
//! addresses, phone numbers and long digit runs in any script (`text`)
//! before they are kept; nothing that identifies a person or a browser is.

use serde::Deserialize;

use super::catalog::Catalog;
use crate::config::MIN_VIEW_SAMPLE;
use text::is_hidden_control;
pub use text::scrub;

/// Longest query kept, in characters (after normalising).
pub const MAX_QUERY: usize = 200;
/// Longest note of a flag, in characters.
pub const MAX_NOTE: usize = 1000;
/// Most steps an event may list.
pub const MAX_STEPS: usize = 50;
/// Longest step id.
const MAX_STEP_ID: usize = 80;
/// Most results a search may report.
const MAX_RESULTS: u32 = 1_000_000;

/// Which edition of the site sent an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    /// The public help site.
    Public,
    /// The agents' edition.
    Agents,
}

/// How a user asked for help after reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// The tier's contact form or portal.
    Url,
    /// E-mail.
    Mail,
    /// Telephone.
    Phone,
}

/// How an agent reused an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reuse {
    /// "Copy link".
    Link,
    /// "Copy as reply".
    Reply,
}

/// Why an agent flagged an article (the KCS "flag it" reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagReason {
    /// No longer matches the product.
    Outdated,
    /// Gives a wrong answer.
    Wrong,
    /// Leaves out a step.
    MissingStep,
    /// Hard to follow.
    Unclear,
}

/// An event as the site sends it.
#[expect(
    missing_docs,
    reason = "the fields are the wire format, each described in docs/insights.md"
)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Event {
    /// A search that ended: a result opened, Enter, or the reader stopped typing.
    Search {
        lang: String,
        edition: Edition,
        query: String,
        results: u32,
        #[serde(default)]
        clicked: Option<String>,
        #[serde(default)]
        rank: Option<u32>,
    },
    /// An article was read; `sample` is the share of views the site reports.
    View {
        lang: String,
        edition: Edition,
        article: String,
        #[serde(default)]
        sample: Option<f64>,
    },
    /// "Did this solve your problem?" answered.
    Feedback {
        lang: String,
        edition: Edition,
        article: String,
        helpful: bool,
        #[serde(default)]
        steps: Vec<String>,
    },
    /// The reader contacted support from the article.
    Escalate {
        lang: String,
        edition: Edition,
        article: String,
        channel: Channel,
        #[serde(default)]
        steps: Vec<String>,
    },
    /// An agent sent the article to a user (agents' edition).
    Reuse {
        lang: String,
        edition: Edition,
        article: String,
        how: Reuse,
    },
    /// An agent reported a problem with the article (agents' edition).
    Flag {
        lang: String,
        edition: Edition,
        article: String,
        reason: FlagReason,
        #[serde(default)]
        note: String,
    },
}

/// What is stored of an event: one row of the `events` table.
#[expect(
    missing_docs,
    reason = "the columns of migrations/insights, described in docs/insights.md"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Seconds since the Unix epoch, by the collector's clock.
    pub at: i64,
    /// `search`, `view`, `feedback`, `escalate`, `reuse` or `flag`.
    pub kind: &'static str,
    pub lang: String,
    /// `public` or `agents`.
    pub edition: &'static str,
    pub article: Option<String>,
    /// Normalised and scrubbed.
    pub query: Option<String>,
    pub results: Option<i64>,
    pub clicked: Option<String>,
    pub rank: Option<i64>,
    /// 1 helpful, 0 not.
    pub helpful: Option<i64>,
    /// Step ids, space-separated.
    pub steps: Option<String>,
    pub channel: Option<&'static str>,
    /// `how` of a reuse, `reason` of a flag.
    pub reason: Option<&'static str>,
    /// Scrubbed note of a flag.
    pub note: Option<String>,
    /// How many views a view stands for (1 / sample); 1 for other events.
    pub weight: f64,
}

/// Why an event was refused (the client gets 400 and this text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection(pub String);

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn reject<T>(message: impl Into<String>) -> Result<T, Rejection> {
    Err(Rejection(message.into()))
}

/// Parses and validates one event from `body`, received at `at`.
pub fn parse(body: &[u8], catalog: &Catalog, at: i64) -> Result<Record, Rejection> {
    let event: Event =
        serde_json::from_slice(body).map_err(|e| Rejection(format!("not a valid event: {e}")))?;
    validate(event, catalog, at)
}

/// Checks `event` against the site's languages and articles.
pub fn validate(event: Event, catalog: &Catalog, at: i64) -> Result<Record, Rejection> {
    let (lang, edition) = match &event {
        Event::Search { lang, edition, .. }
        | Event::View { lang, edition, .. }
        | Event::Feedback { lang, edition, .. }
        | Event::Escalate { lang, edition, .. }
        | Event::Reuse { lang, edition, .. }
        | Event::Flag { lang, edition, .. } => (lang.clone(), *edition),
    };
    if !catalog.has_language(&lang) {
        return reject(format!("the site has no language `{}`", shown(&lang)));
    }
    let known = |id: &str| {
        if catalog.has_article(id, &lang) {
            Ok(id.to_owned())
        } else {
            reject(format!(
                "the site has no article `{}` in `{lang}`",
                shown(id)
            ))
        }
    };
    let mut record = Record::empty(at, lang.clone(), edition);
    match event {
        Event::Search {
            query,
            results,
            clicked,
            rank,
            ..
        } => {
            record.kind = "search";
            search_fields(&mut record, &query, results, clicked, rank, known)?;
        }
        Event::View {
            article, sample, ..
        } => {
            record.kind = "view";
            record.article = Some(known(&article)?);
            if let Some(sample) = sample {
                record.weight = view_weight(sample)?;
            }
        }
        Event::Feedback {
            article,
            helpful,
            steps,
            ..
        } => {
            record.kind = "feedback";
            record.article = Some(known(&article)?);
            record.helpful = Some(i64::from(helpful));
            record.steps = step_list(steps)?;
        }
        Event::Escalate {
            article,
            channel,
            steps,
            ..
        } => {
            record.kind = "escalate";
            record.article = Some(known(&article)?);
            record.channel = Some(channel.name());
            record.steps = step_list(steps)?;
        }
        Event::Reuse { article, how, .. } => {
            agents_only(edition, "reuse")?;
            record.kind = "reuse";
            record.article = Some(known(&article)?);
            record.reason = Some(how.name());
        }
        Event::Flag {
            article,
            reason,
            note,
            ..
        } => {
            agents_only(edition, "flag")?;
            record.kind = "flag";
            record.article = Some(known(&article)?);
            record.reason = Some(reason.name());
            record.note = note_text(&note)?;
        }
    }
    Ok(record)
}

impl Record {
    /// A record of `lang` and `edition` with no kind and no fields yet.
    fn empty(at: i64, lang: String, edition: Edition) -> Record {
        Record {
            at,
            kind: "",
            lang,
            edition: edition.name(),
            article: None,
            query: None,
            results: None,
            clicked: None,
            rank: None,
            helpful: None,
            steps: None,
            channel: None,
            reason: None,
            note: None,
            weight: 1.0,
        }
    }
}

impl Edition {
    /// Its name in the `edition` column, as the site sends it.
    fn name(self) -> &'static str {
        match self {
            Edition::Public => "public",
            Edition::Agents => "agents",
        }
    }
}

impl Channel {
    /// Its name in the `channel` column, as the site sends it.
    fn name(self) -> &'static str {
        match self {
            Channel::Url => "url",
            Channel::Mail => "mail",
            Channel::Phone => "phone",
        }
    }
}

impl Reuse {
    /// Its name in the `reason` column, as the site sends it.
    fn name(self) -> &'static str {
        match self {
            Reuse::Link => "link",
            Reuse::Reply => "reply",
        }
    }
}

impl FlagReason {
    /// Its name in the `reason` column, as the site sends it.
    fn name(self) -> &'static str {
        match self {
            FlagReason::Outdated => "outdated",
            FlagReason::Wrong => "wrong",
            FlagReason::MissingStep => "missing-step",
            FlagReason::Unclear => "unclear",
        }
    }
}

/// The query, the result count and the opened result of a search, checked
/// in that order; `known` checks that the opened article exists.
fn search_fields(
    record: &mut Record,
    query: &str,
    results: u32,
    clicked: Option<String>,
    rank: Option<u32>,
    known: impl Fn(&str) -> Result<String, Rejection>,
) -> Result<(), Rejection> {
    record.query = Some(query_text(query)?);
    if results > MAX_RESULTS {
        return reject(format!("`results` is over {MAX_RESULTS}"));
    }
    record.results = Some(i64::from(results));
    match (clicked, rank) {
        (None, None) => {}
        (Some(id), Some(rank)) if (1..=results).contains(&rank) => {
            record.clicked = Some(known(&id)?);
            record.rank = Some(i64::from(rank));
        }
        (Some(_), Some(_)) => return reject("`rank` must be between 1 and `results`"),
        _ => return reject("`clicked` and `rank` go together"),
    }
    Ok(())
}

/// Most views one sampled view stands for: `1 / MIN_VIEW_SAMPLE`.
pub const MAX_WEIGHT: f64 = 1.0 / MIN_VIEW_SAMPLE;

/// How many views one sampled view stands for: the range of `sample`
/// keeps it at most [`MAX_WEIGHT`], so that every stored weight, and every
/// sum of them, stays finite.
fn view_weight(sample: f64) -> Result<f64, Rejection> {
    // The site sends its `insights.view_sample`, which the config holds to
    // this range: nothing smaller is a sample a page sent.
    if !(MIN_VIEW_SAMPLE..=1.0).contains(&sample) {
        return reject(format!(
            "`sample` must be from {MIN_VIEW_SAMPLE} to 1 (the site's `insights.view_sample`)"
        ));
    }
    Ok(1.0 / sample)
}

fn agents_only(edition: Edition, kind: &str) -> Result<(), Rejection> {
    match edition {
        Edition::Agents => Ok(()),
        Edition::Public => reject(format!(
            "`{kind}` events come only from the agents' edition"
        )),
    }
}

/// At most 40 characters of a value, for messages.
fn shown(value: &str) -> String {
    value
        .chars()
        .take(40)
        .map(|c| if is_hidden_control(c) { '?' } else { c })
        .collect()
}

/// Text that looks like markup: `<` before a letter, `/`, `!` or `?`.
fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// A query normalised (lowercase, single spaces) and scrubbed.
fn query_text(query: &str) -> Result<String, Rejection> {
    if query.chars().any(is_hidden_control) {
        return reject("`query` holds control or invisible format characters");
    }
    if has_markup(query) {
        return reject("`query` holds markup");
    }
    let normalised = query
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let length = normalised.chars().count();
    if length == 0 {
        return reject("`query` is empty");
    }
    if length > MAX_QUERY {
        return reject(format!("`query` is longer than {MAX_QUERY} characters"));
    }
    Ok(scrub(&normalised))
}

/// A flag's note, scrubbed; `None` when empty.
fn note_text(note: &str) -> Result<Option<String>, Rejection> {
    if note.chars().any(|c| is_hidden_control(c) && c != '\n') {
        return reject("`note` holds control or invisible format characters");
    }
    if has_markup(note) {
        return reject("`note` holds markup");
    }
    if note.chars().count() > MAX_NOTE {
        return reject(format!("`note` is longer than {MAX_NOTE} characters"));
    }
    let note = note.trim();
    Ok((!note.is_empty()).then(|| note.lines().map(scrub).collect::<Vec<_>>().join("\n")))
}

/// Step ids as the page gives them (`paso-2`), space-separated.
fn step_list(steps: Vec<String>) -> Result<Option<String>, Rejection> {
    if steps.len() > MAX_STEPS {
        return reject(format!("more than {MAX_STEPS} steps"));
    }
    let valid = |s: &String| {
        (1..=MAX_STEP_ID).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
    };
    if let Some(bad) = steps.iter().find(|s| !valid(s)) {
        return reject(format!(
            "step `{}` is not a step id (letters, digits, `-` and `_`)",
            shown(bad)
        ));
    }
    Ok((!steps.is_empty()).then(|| steps.join(" ")))
}

#[cfg(test)]
mod tests;
mod text;

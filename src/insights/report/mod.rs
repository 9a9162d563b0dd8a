//! `tier0 insights report`: the support KPIs, the content gaps, and each
//! owning tier's to-do list, from the stored events.
//!
//! In: the [`Aggregates`] the store computed and the site's [`Catalog`].
//! Out: a [`Report`], which is the stable JSON document (`version` 1,
//! described in docs/insights.md), a CSV of the articles, or a
//! self-contained HTML page (inline CSS, SVG charts, no request anywhere).
//!
//! Definitions (docs/insights.md cites them):
//! - self-service score: article views ÷ contacts started from the help
//!   center. Zendesk defines it as help-center users ÷ users in tickets;
//!   tier0 keeps no identifiers, so it counts views and contacts instead;
//! - escalation rate after reading: contacts from an article ÷ its views;
//! - contacts avoided: views that led to no contact, times the share of
//!   "Yes, it solved it" among the answers, so that a reader who gave up is
//!   not counted as helped.

mod render;

use std::collections::BTreeMap;

use serde::Serialize;
use time::OffsetDateTime;

use super::catalog::{Catalog, Entry};
use super::store::Aggregates;
use crate::parse::Confidence;
pub use render::{csv, html};

/// Version of the JSON document; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;
/// Answers an article needs before its helpful ratio counts against it.
pub const MIN_ANSWERS: i64 = 3;
/// Views an article needs before its escalation rate counts against it.
pub const MIN_VIEWS: f64 = 5.0;
/// Below this share of "Yes" answers, an article is unhelpful.
pub const UNHELPFUL_BELOW: f64 = 0.5;
/// Above this escalation rate, an article does not deflect.
pub const ESCALATES_ABOVE: f64 = 0.3;
/// Most queries listed per gap list.
const GAPS: usize = 25;
/// Weeks start on Monday: the epoch was a Thursday, 4 days after one.
const WEEK_OFFSET: i64 = 4 * 86_400;
const WEEK: i64 = 7 * 86_400;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Version of this document ([`JSON_VERSION`]).
    pub version: u32,
    /// First day counted (`YYYY-MM-DD`).
    pub since: String,
    /// Day of the report.
    pub until: String,
    /// Counts over the whole site.
    pub totals: Totals,
    /// Per week, oldest first.
    pub trend: Vec<Week>,
    /// Searches that found nothing, most frequent first.
    pub no_results: Vec<Gap>,
    /// Searches with results that nobody opened.
    pub no_click: Vec<Gap>,
    /// Every article with events, or overdue, by id then language.
    pub articles: Vec<ArticleRow>,
    /// Each owning tier's to-do list, in the config's order of tiers.
    pub tiers: Vec<TierTodo>,
    /// The latest notes agents left with their flags, newest first.
    pub notes: Vec<Note>,
}

/// Counts and KPIs over the site.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Searches that ended.
    pub searches: i64,
    /// Article views (sampled views counted for what they stand for).
    pub views: f64,
    /// "Yes" answers.
    pub helpful: i64,
    /// "No" answers.
    pub unhelpful: i64,
    /// Contacts started from an article.
    pub escalations: i64,
    /// Articles sent to users by agents.
    pub reuse: i64,
    /// Agents' flags.
    pub flags: i64,
    /// Views ÷ escalations; `None` without escalations.
    pub self_service_score: Option<f64>,
    /// Escalations ÷ views; `None` without views.
    pub escalation_rate: Option<f64>,
    /// Yes ÷ answers; `None` without answers.
    pub helpful_ratio: Option<f64>,
    /// With `insights.cost_per_contact`: contacts avoided and their cost.
    pub estimate: Option<Estimate>,
}

/// What the help center saved, by the definitions above.
#[derive(Debug, Clone, Serialize)]
pub struct Estimate {
    /// Views without contact × helpful ratio.
    pub contacts_avoided: f64,
    /// `insights.cost_per_contact`.
    pub cost_per_contact: f64,
    /// `insights.currency`.
    pub currency: String,
    /// Contacts avoided × cost per contact.
    pub saved: f64,
}

/// One week of the trend.
#[derive(Debug, Clone, Serialize)]
pub struct Week {
    /// Its Monday (`YYYY-MM-DD`).
    pub start: String,
    /// Article views.
    pub views: f64,
    /// Contacts from articles.
    pub escalations: f64,
    /// Searches.
    pub searches: f64,
    /// Views ÷ escalations.
    pub self_service_score: Option<f64>,
}

/// A query users typed that the site did not answer.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    /// Language searched.
    pub lang: String,
    /// The normalised, scrubbed query.
    pub query: String,
    /// How many searches.
    pub searches: i64,
    /// A command that starts the missing article.
    pub suggestion: String,
}

/// One article's figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleRow {
    /// Id.
    pub id: String,
    /// Language.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Owning tier.
    pub tier: String,
    /// Owning team.
    pub team: Option<String>,
    /// Source file.
    pub path: String,
    /// Views.
    pub views: f64,
    /// "Yes" answers.
    pub helpful: i64,
    /// "No" answers.
    pub unhelpful: i64,
    /// Yes ÷ answers.
    pub helpful_ratio: Option<f64>,
    /// Contacts after reading it.
    pub escalations: i64,
    /// Escalations ÷ views.
    pub escalation_rate: Option<f64>,
    /// Times agents sent it.
    pub reuse: i64,
    /// Flags by reason.
    pub flags: BTreeMap<String, i64>,
    /// Days past its review date.
    pub overdue_days: Option<i64>,
    /// Its KCS state (`draft`, `not-validated`, `validated`, `archived`).
    pub confidence: Confidence,
}

/// One tier's to-do list, per team.
#[derive(Debug, Clone, Serialize)]
pub struct TierTodo {
    /// Tier id.
    pub tier: String,
    /// Its name.
    pub name: String,
    /// Per owning team (`None`: no team given), by team.
    pub teams: Vec<TeamTodo>,
}

/// One team's to-do list.
#[derive(Debug, Clone, Serialize)]
pub struct TeamTodo {
    /// Team, if the articles name one.
    pub team: Option<String>,
    /// Flagged by agents: fix first.
    pub flagged: Vec<String>,
    /// Unhelpful or not deflecting.
    pub unhelpful: Vec<String>,
    /// Past their review date.
    pub overdue: Vec<String>,
    /// Waiting for validation: not-validated articles (in use by agents)
    /// and drafts, each label followed by its state in brackets.
    pub waiting: Vec<String>,
}

/// A note left with a flag.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// Language.
    pub lang: String,
    /// Article id.
    pub article: String,
    /// Reason.
    pub reason: String,
    /// The note (scrubbed when stored).
    pub note: String,
    /// Day it was left.
    pub date: String,
}

fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

fn day(seconds: i64) -> String {
    OffsetDateTime::from_unix_timestamp(seconds)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

/// Computes the report of events from `since` to `until` (seconds).
pub fn compute(catalog: &Catalog, data: &Aggregates, since: i64, until: i64) -> Report {
    let (articles, mut totals) = articles_and_totals(catalog, data);
    totals.searches = data.queries.iter().map(|q| q.2).sum();
    totals.self_service_score = ratio(totals.views, totals.escalations as f64);
    totals.escalation_rate = ratio(totals.escalations as f64, totals.views);
    totals.helpful_ratio = ratio(
        totals.helpful as f64,
        (totals.helpful + totals.unhelpful) as f64,
    );
    totals.estimate = estimate(catalog, &totals);
    Report {
        version: JSON_VERSION,
        since: day(since),
        until: day(until),
        trend: trend(data),
        no_results: gaps(data, |q| q.3),
        no_click: gaps(data, |q| q.4),
        tiers: todo(catalog, &articles),
        notes: data
            .notes
            .iter()
            .map(|(lang, article, reason, note, at)| Note {
                lang: lang.clone(),
                article: article.clone(),
                reason: reason.clone(),
                note: note.clone(),
                date: day(*at),
            })
            .collect(),
        totals,
        articles,
    }
}

/// The rows of the articles with events or overdue or waiting for
/// validation, with their ratios, and the counts over the site.
fn articles_and_totals(catalog: &Catalog, data: &Aggregates) -> (Vec<ArticleRow>, Totals) {
    let mut rows: BTreeMap<(String, String), ArticleRow> = BTreeMap::new();
    let listed = |e: &&Entry| e.overdue_days.is_some() || e.confidence.waits_for_validation();
    for entry in catalog.articles().filter(listed) {
        let key = (entry.id.clone(), entry.lang.clone());
        rows.insert(key, new_row(Some(entry), &entry.id, &entry.lang));
    }
    let mut totals = Totals::default();
    for (kind, lang, id, count, weight, yes) in &data.articles {
        let r = rows
            .entry((id.clone(), lang.clone()))
            .or_insert_with(|| new_row(catalog.article(id, lang), id, lang));
        match kind.as_str() {
            "view" => {
                r.views += weight;
                totals.views += weight;
            }
            "feedback" => {
                r.helpful += yes;
                r.unhelpful += count - yes;
                totals.helpful += yes;
                totals.unhelpful += count - yes;
            }
            "escalate" => {
                r.escalations += count;
                totals.escalations += count;
            }
            "reuse" => {
                r.reuse += count;
                totals.reuse += count;
            }
            "flag" => totals.flags += count,
            _ => {}
        }
    }
    for (lang, id, reason, count) in &data.flags {
        if let Some(r) = rows.get_mut(&(id.clone(), lang.clone())) {
            *r.flags.entry(reason.clone()).or_default() += count;
        }
    }
    for r in rows.values_mut() {
        r.helpful_ratio = ratio(r.helpful as f64, (r.helpful + r.unhelpful) as f64);
        r.escalation_rate = ratio(r.escalations as f64, r.views);
    }
    (rows.into_values().collect(), totals)
}

/// The contacts avoided and their cost, with `insights.cost_per_contact`
/// and some answers.
fn estimate(catalog: &Catalog, totals: &Totals) -> Option<Estimate> {
    match (catalog.settings.cost_per_contact, totals.helpful_ratio) {
        (Some(cost), Some(helped)) => {
            let avoided = (totals.views - totals.escalations as f64).max(0.0) * helped;
            Some(Estimate {
                contacts_avoided: avoided,
                cost_per_contact: cost,
                currency: catalog.settings.currency.clone(),
                saved: avoided * cost,
            })
        }
        _ => None,
    }
}

fn new_row(entry: Option<&Entry>, id: &str, lang: &str) -> ArticleRow {
    ArticleRow {
        id: id.to_owned(),
        lang: lang.to_owned(),
        title: entry.map(|e| e.title.clone()).unwrap_or_default(),
        tier: entry.map(|e| e.tier.clone()).unwrap_or_default(),
        team: entry.and_then(|e| e.team.clone()),
        path: entry.map(|e| e.path.clone()).unwrap_or_default(),
        overdue_days: entry.and_then(|e| e.overdue_days),
        confidence: entry.map_or(Confidence::Validated, |e| e.confidence),
        ..ArticleRow::default()
    }
}

fn trend(data: &Aggregates) -> Vec<Week> {
    let mut weeks: BTreeMap<i64, Week> = BTreeMap::new();
    for (week, kind, weight, _) in &data.weeks {
        let w = weeks.entry(*week).or_insert_with(|| Week {
            start: day(week * WEEK + WEEK_OFFSET),
            views: 0.0,
            escalations: 0.0,
            searches: 0.0,
            self_service_score: None,
        });
        match kind.as_str() {
            "view" => w.views += weight,
            "escalate" => w.escalations += weight,
            "search" => w.searches += weight,
            _ => {}
        }
    }
    weeks
        .into_values()
        .map(|mut w| {
            w.self_service_score = ratio(w.views, w.escalations);
            w
        })
        .collect()
}

/// The queries with the most searches by `count`, most first.
fn gaps(data: &Aggregates, count: impl Fn(&super::store::QueryCount) -> i64) -> Vec<Gap> {
    let mut gaps: Vec<Gap> = data
        .queries
        .iter()
        .filter(|q| count(q) > 0)
        .map(|q| Gap {
            lang: q.0.clone(),
            query: q.1.clone(),
            searches: count(q),
            suggestion: format!(
                "tier0 new troubleshooting {} --lang {}",
                shell_quoted(&q.1),
                q.0
            ),
        })
        .collect();
    gaps.sort_by(|a, b| {
        b.searches
            .cmp(&a.searches)
            .then_with(|| a.lang.cmp(&b.lang))
            .then_with(|| a.query.cmp(&b.query))
    });
    gaps.truncate(GAPS);
    gaps
}

/// `text` as one word for a POSIX shell.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

fn todo(catalog: &Catalog, articles: &[ArticleRow]) -> Vec<TierTodo> {
    let mut tiers: Vec<TierTodo> = catalog
        .tiers
        .iter()
        .map(|(tier, name)| TierTodo {
            tier: tier.clone(),
            name: name.clone(),
            teams: Vec::new(),
        })
        .collect();
    let mut teams: BTreeMap<(String, Option<String>), TeamTodo> = BTreeMap::new();
    for a in articles {
        let label = format!("{} ({}) {}", a.id, a.lang, a.title);
        let unhelpful = (a.helpful + a.unhelpful >= MIN_ANSWERS
            && a.helpful_ratio.is_some_and(|r| r < UNHELPFUL_BELOW))
            || (a.views >= MIN_VIEWS && a.escalation_rate.is_some_and(|r| r > ESCALATES_ABOVE));
        let flagged = !a.flags.is_empty();
        let waiting = a.confidence.waits_for_validation();
        if !(unhelpful || flagged || waiting || a.overdue_days.is_some()) {
            continue;
        }
        let list = teams
            .entry((a.tier.clone(), a.team.clone()))
            .or_insert_with(|| TeamTodo {
                team: a.team.clone(),
                flagged: Vec::new(),
                unhelpful: Vec::new(),
                overdue: Vec::new(),
                waiting: Vec::new(),
            });
        if flagged {
            list.flagged.push(label.clone());
        }
        if unhelpful {
            list.unhelpful.push(label.clone());
        }
        if waiting {
            list.waiting
                .push(format!("{label} [{}]", a.confidence.name()));
        }
        if a.overdue_days.is_some() {
            list.overdue.push(label);
        }
    }
    for ((tier, _), list) in teams {
        if let Some(t) = tiers.iter_mut().find(|t| t.tier == tier) {
            t.teams.push(list);
        }
    }
    tiers
}

#[cfg(test)]
mod tests;

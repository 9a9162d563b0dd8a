//! Audits of a linked site that a build does not fail on, for `tier0 check`.
//!
//! In: the site model (and, for assets, what rendering saw used). Out:
//! articles due for review, oldest first; translations older than their
//! original; files under `content/` that no article uses. Everything here is
//! advice to authors, reported as warnings.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Serialize;
use time::{Date, Duration};

use crate::diagnostics::Diagnostic;
use crate::link::SiteModel;

/// An article whose last review is older than its review interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleArticle {
    /// Source file.
    pub path: PathBuf,
    /// Article id.
    pub id: String,
    /// Language.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Tier that wrote it (and should re-verify it).
    pub tier: String,
    /// Author, if given.
    pub author: Option<String>,
    /// Last review (`YYYY-MM-DD`), `None` when the article has no date at all.
    pub reviewed: Option<String>,
    /// Review interval in days.
    pub review_every: u32,
    /// Days since the review fell due (since publication for undated articles: unknown, 0).
    pub days_overdue: i64,
}

/// Articles due for review on `today`, never-reviewed first, then oldest review first.
pub fn stale(model: &SiteModel, today: Date) -> Vec<StaleArticle> {
    let mut stale: Vec<StaleArticle> = model
        .articles
        .iter()
        .filter_map(|linked| {
            let a = &linked.article;
            let days_overdue = match a.reviewed {
                Some(reviewed) => {
                    let due = reviewed.calendar_date() + Duration::days(i64::from(a.review_every));
                    let overdue = (today - due).whole_days();
                    if overdue <= 0 {
                        return None;
                    }
                    overdue
                }
                None => 0,
            };
            Some(StaleArticle {
                path: a.path.clone(),
                id: a.id.clone(),
                lang: a.lang.clone(),
                title: a.title.clone(),
                tier: a.tier.clone(),
                author: a.author.clone(),
                reviewed: a.reviewed.map(|d| d.date()),
                review_every: a.review_every,
                days_overdue,
            })
        })
        .collect();
    stale.sort_by(|x, y| (&x.reviewed, &x.path).cmp(&(&y.reviewed, &y.path)));
    stale
}

/// Translations last updated before their original in the default language was.
pub fn outdated_translations(model: &SiteModel) -> Vec<Diagnostic> {
    let default = &model.config.default_language;
    let mut found = Vec::new();
    for linked in &model.articles {
        let a = &linked.article;
        if &a.lang == default {
            continue;
        }
        let original = linked
            .translations
            .iter()
            .map(|&i| &model.articles[i].article)
            .find(|t| &t.lang == default);
        let Some(original) = original else { continue };
        if let (Some(theirs), Some(ours)) = (original.updated, a.updated)
            && theirs.calendar_date() > ours.calendar_date()
        {
            found.push(
                Diagnostic::warning(
                    &a.path,
                    a.spans.value("updated"),
                    format!(
                        "this translation ({ours}) is older than its original {} ({theirs})",
                        original.path.display()
                    ),
                )
                .with_help("bring the translation up to date, then set `updated:` to today"),
            );
        }
    }
    found
}

/// Files under `content/` that no article links to or shows.
pub fn unused_assets(model: &SiteModel, used: &BTreeSet<String>) -> Vec<Diagnostic> {
    model
        .assets
        .iter()
        .filter(|asset| !used.contains(&asset.rel))
        .map(|asset| {
            Diagnostic::warning(PathBuf::from("content").join(&asset.rel), 0..0, "no article uses this file")
                .with_help("link it from an article with a relative path, or delete it (raw HTML references are not seen)")
        })
        .collect()
}

//! Audits of a linked site that a build does not fail on, for `tier0 check`.
//!
//! In: the site model (and, for assets, what rendering saw used). Out:
//! articles due for review, oldest first; articles waiting for validation
//! (KCS drafts and not-validated ones), per owning tier; translations older than their
//! original; files under `content/` that no article uses; synonym rules
//! that find nothing; template text left in published articles. Everything here is advice to authors, reported as
//! warnings.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Serialize;
use time::{Date, Duration};

use crate::diagnostics::Diagnostic;
use crate::link::SiteModel;
use crate::parse::Confidence;

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

/// Articles due for review on `today`, never-reviewed first, then oldest
/// review first. Archived articles are out of use: nobody reviews them.
pub fn stale(model: &SiteModel, today: Date) -> Vec<StaleArticle> {
    let mut stale: Vec<StaleArticle> = model
        .articles
        .iter()
        .filter(|linked| linked.article.confidence != Confidence::Archived)
        .filter_map(|linked| {
            let a = &linked.article;
            let days_overdue = match a.reviewed {
                Some(reviewed) => {
                    // A review due after the last date the calendar holds
                    // (9999-12-31) is not due on any `today`.
                    let due = review_due(reviewed.calendar_date(), a.review_every)?;
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

/// The day a review done on `reviewed` falls due again, or `None` when
/// that day lies past the last date the calendar represents (a `reviewed`
/// near year 9999 or a huge `review_every`).
fn review_due(reviewed: Date, review_every: u32) -> Option<Date> {
    reviewed.checked_add(Duration::days(i64::from(review_every)))
}

/// An article that waits for validation: a KCS draft or a not-validated
/// article, which its owning tier should complete or validate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WaitingArticle {
    /// Source file.
    pub path: PathBuf,
    /// Article id.
    pub id: String,
    /// Language.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Tier that owns it (and validates it).
    pub tier: String,
    /// Owning team, if given.
    pub team: Option<String>,
    /// Author, if given.
    pub author: Option<String>,
    /// Its KCS state: `draft` or `not-validated`.
    pub confidence: Confidence,
    /// Last update (`YYYY-MM-DD`), if dated.
    pub updated: Option<String>,
}

/// Articles waiting for validation, by owning tier in the config's order,
/// then not-validated before drafts (they are in use already), then oldest
/// update first.
pub fn waiting_for_validation(model: &SiteModel) -> Vec<WaitingArticle> {
    let mut waiting: Vec<WaitingArticle> = model
        .articles
        .iter()
        .map(|linked| &linked.article)
        .filter(|a| a.confidence.waits_for_validation())
        .map(|a| WaitingArticle {
            path: a.path.clone(),
            id: a.id.clone(),
            lang: a.lang.clone(),
            title: a.title.clone(),
            tier: a.tier.clone(),
            team: a.team.clone(),
            author: a.author.clone(),
            confidence: a.confidence,
            updated: a.updated.map(|d| d.date()),
        })
        .collect();
    let tier_order = |tier: &str| model.config.tiers.iter().position(|t| t.id == tier);
    waiting.sort_by(|x, y| {
        let key = |w: &WaitingArticle| {
            (
                tier_order(&w.tier),
                w.confidence != Confidence::NotValidated,
                w.updated.clone(),
                w.path.clone(),
            )
        };
        key(x).cmp(&key(y))
    });
    waiting
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

/// Published articles (not drafts) that still hold guidance text of a
/// `tier0 new` template, one warning per article, at the first such line.
pub fn template_text(model: &SiteModel) -> Vec<Diagnostic> {
    let guidance = crate::article_templates::template_guidance();
    model
        .articles
        .iter()
        .map(|linked| &linked.article)
        .filter(|a| !a.draft)
        .filter_map(|a| {
            let body = &a.text[a.body_start..];
            let mut offset = a.body_start;
            for line in body.split_inclusive('\n') {
                let trimmed = line.trim();
                if guidance.contains(trimmed) {
                    let at = offset + line.find(trimmed).unwrap_or(0);
                    let shown: String = trimmed.chars().take(60).collect();
                    return Some(
                        Diagnostic::warning(
                            &a.path,
                            at..at + trimmed.len(),
                            format!("template text left in a published article: “{shown}…”"),
                        )
                        .with_help("write the article's own text in its place, or mark it `draft: true` until it is ready"),
                    );
                }
                offset += line.len();
            }
            None
        })
        .collect()
}

/// Files of the content folder that no article links to, shows or
/// includes, and that the config does not name (`logo`, `favicon`); not
/// those of a project's static folders, which hold the other generator's
/// own files too (its favicon, its fonts).
pub fn unused_assets(model: &SiteModel, used: &BTreeSet<String>) -> Vec<Diagnostic> {
    let c = &model.config;
    let named = [c.logo.as_deref(), c.favicon.as_deref()];
    let included = model.included_files();
    let static_file = |rel: &str| {
        let top = rel.split('/').next();
        (c.mounted.iter()).any(|m| !m.pages() && top == Some(m.at.as_str()))
    };
    model
        .assets
        .iter()
        .filter(|asset| {
            !used.contains(&asset.rel)
                && !static_file(&asset.rel)
                && !included.contains(asset.rel.as_str())
                && !named.contains(&Some(asset.rel.as_str()))
        })
        .map(|asset| {
            Diagnostic::warning(c.source_path(&asset.rel), 0..0, "no article uses this file")
                .with_help("link it from an article with a relative path, or delete it (raw HTML references are not seen)")
        })
        .collect()
}

/// Synonym rules of `search.synonyms` none of whose words occurs in an
/// article of their language: they can never find anything. `config_text`
/// (of `tier0.yaml`) places each warning on the rule's first word.
pub fn unused_synonyms(model: &SiteModel, config_text: Option<&str>) -> Vec<Diagnostic> {
    use search_index::analyzer::{Mode, analyze, term_for_surface};
    let mut found = Vec::new();
    for (lang, rules) in &model.config.search.synonyms {
        if rules.is_empty() {
            continue;
        }
        let terms: std::collections::HashSet<String> = model
            .articles
            .iter()
            .filter(|a| &a.article.lang == lang)
            .flat_map(|a| analyze(lang, Mode::Index, &a.article.text))
            .collect();
        let occurs =
            |surface: &str| term_for_surface(lang, surface).is_some_and(|t| terms.contains(&t));
        for (i, missing) in search_index::synonyms::unused(rules, &occurs) {
            let rule = &rules[i];
            let span = config_text
                .and_then(|text| {
                    let word = rule.to.first()?;
                    text.find(word.as_str()).map(|at| at..at + word.len())
                })
                .unwrap_or(0..0);
            found.push(
                Diagnostic::warning(
                    crate::discover::CONFIG_FILE,
                    span,
                    format!(
                        "synonym rule `{}` of `{lang}` finds nothing: no `{lang}` article contains {}",
                        crate::config::show_synonym_rule(rule),
                        missing.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(" or ")
                    ),
                )
                .with_help("add the words that articles use to the rule, or remove it"),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    fn day(y: i32, m: Month, d: u8) -> Date {
        Date::from_calendar_date(y, m, d).expect("a valid test date")
    }

    #[test]
    fn review_due_adds_the_interval() {
        assert_eq!(
            review_due(day(2026, Month::January, 1), 31),
            Some(day(2026, Month::February, 1))
        );
    }

    #[test]
    fn review_due_past_the_calendar_is_never_due() {
        assert_eq!(review_due(day(9999, Month::December, 1), 365), None);
        assert_eq!(review_due(day(9999, Month::December, 31), 1), None);
        assert_eq!(review_due(day(2026, Month::January, 1), u32::MAX), None);
        assert_eq!(
            review_due(day(9999, Month::December, 31), 0),
            Some(day(9999, Month::December, 31))
        );
    }
}

//! What the collector and the report know of the site: its languages, its
//! articles with the tier and team that own each, and the config's insights
//! settings.
//!
//! In: the site folder, read as `tier0 check` reads it (drafts and internal
//! articles included, since agents flag and reuse them too). Out: a
//! [`Catalog`], loaded once when the collector starts or the report runs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::config::{BaseUrl, InsightsConfig, origin_of};
use crate::link::BuildAudience;
use crate::parse::Confidence;
use crate::site::{self, BuildError, BuildOptions};

/// One article as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id (`KB-1042`).
    pub id: String,
    /// Language code.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Tier that owns it.
    pub tier: String,
    /// Owning team, if given.
    pub team: Option<String>,
    /// Section id, `None` at the top of the site.
    pub section: Option<String>,
    /// Source file (`content/red/vpn.md`).
    pub path: String,
    /// Days past its review date, when it is overdue.
    pub overdue_days: Option<i64>,
    /// Its KCS state: drafts and not-validated articles wait for validation.
    pub confidence: Confidence,
}

/// The site as insights see it.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    languages: Vec<String>,
    articles: BTreeMap<(String, String), Entry>,
    /// Tier ids in the config's order, with their names.
    pub tiers: Vec<(String, String)>,
    /// The config's `insights` settings.
    pub settings: InsightsConfig,
    /// Origins the collector accepts events from.
    pub origins: BTreeSet<String>,
    /// The agents' edition's origin (of `agents.base_url`, when a full
    /// URL): the only one agents' events are accepted from.
    pub agents_origin: Option<String>,
}

impl Catalog {
    /// Reads the site at `root`, judging review dates as of `today`.
    pub fn load(root: &Path, today: time::Date) -> Result<Catalog, BuildError> {
        let options = BuildOptions {
            root: root.to_path_buf(),
            out: None,
            drafts: true,
            base_url: None,
            audience: BuildAudience::Agents,
            replace_output: false,
            reading: crate::discover::Reading::First,
            cache: false,
            strict: false,
        };
        let prepared = site::prepare(&options, &|_, _| {})?;
        let model = prepared.model;
        let config = &model.config;
        let overdue: BTreeMap<(String, String), i64> = crate::audit::stale(&model, today)
            .into_iter()
            .map(|s| ((s.id, s.lang), s.days_overdue))
            .collect();
        let articles = model
            .articles
            .iter()
            .map(|linked| {
                let a = &linked.article;
                let key = (a.id.clone(), a.lang.clone());
                let entry = Entry {
                    id: a.id.clone(),
                    lang: a.lang.clone(),
                    title: a.title.clone(),
                    tier: a.tier.clone(),
                    team: a.team.clone(),
                    section: a.section.clone(),
                    path: a.path.display().to_string(),
                    overdue_days: overdue.get(&key).copied(),
                    confidence: a.confidence,
                };
                (key, entry)
            })
            .collect();
        let default = &config.default_language;
        let absolute_origin = |base: &BaseUrl| match base {
            BaseUrl::Absolute(url) => origin_of(url),
            _ => None,
        };
        let mut origins: BTreeSet<String> = config.insights.allow_origins.iter().cloned().collect();
        if origins.is_empty() {
            origins.extend(absolute_origin(&config.public_base_url));
            origins.extend(absolute_origin(&config.agents_base_url));
        }
        Ok(Catalog {
            languages: config.languages.iter().map(|l| l.code.clone()).collect(),
            articles,
            tiers: config
                .tiers
                .iter()
                .map(|t| (t.id.clone(), t.name.get(default, default).to_owned()))
                .collect(),
            settings: config.insights.clone(),
            origins,
            agents_origin: absolute_origin(&config.agents_base_url),
        })
    }

    /// A catalog of `languages` and `(id, lang)` articles owned by L3.
    #[cfg(test)]
    pub fn for_tests(languages: &[&str], articles: &[(&str, &str)]) -> Catalog {
        Catalog {
            languages: languages.iter().map(|l| (*l).to_owned()).collect(),
            articles: articles
                .iter()
                .map(|(id, lang)| {
                    let entry = Entry {
                        id: (*id).to_owned(),
                        lang: (*lang).to_owned(),
                        title: format!("Article {id}"),
                        tier: "L3".into(),
                        team: None,
                        section: None,
                        path: format!("content/{id}.md"),
                        overdue_days: None,
                        confidence: Confidence::Validated,
                    };
                    (((*id).to_owned(), (*lang).to_owned()), entry)
                })
                .collect(),
            tiers: vec![("L3".into(), "Level 3".into())],
            ..Catalog::default()
        }
    }

    /// This catalog with article `id` in `lang` in the KCS state `confidence`.
    #[cfg(test)]
    pub fn with_confidence(mut self, id: &str, lang: &str, confidence: Confidence) -> Catalog {
        if let Some(entry) = self.articles.get_mut(&(id.to_owned(), lang.to_owned())) {
            entry.confidence = confidence;
        }
        self
    }

    /// Whether the site has language `lang`.
    pub fn has_language(&self, lang: &str) -> bool {
        self.languages.iter().any(|l| l == lang)
    }

    /// Whether the site has article `id` in `lang`.
    pub fn has_article(&self, id: &str, lang: &str) -> bool {
        self.articles
            .contains_key(&(id.to_owned(), lang.to_owned()))
    }

    /// The article `id` in `lang`.
    pub fn article(&self, id: &str, lang: &str) -> Option<&Entry> {
        self.articles.get(&(id.to_owned(), lang.to_owned()))
    }

    /// Every article, by id then language.
    pub fn articles(&self) -> impl Iterator<Item = &Entry> {
        self.articles.values()
    }

    /// The site's language codes, the default first.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }
}

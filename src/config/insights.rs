//! `insights:` in `tier0.yaml`: where the site sends its anonymous events,
//! and what the collector and its report need to know.
//!
//! ```yaml
//! insights:
//!   endpoint: https://kb-insights.example.com/events  # none: the site sends nothing
//!   allow_origins: [https://help.example.com]          # default: the base URLs' origins
//!   view_sample: 0.25                                  # share of article views sent
//!   cost_per_contact: 14.5                             # for the report's estimate
//!   currency: EUR
//! ```
//!
//! In: the raw `insights` key. Out: the validated settings, or located
//! errors (an origin with a path, a sample outside [0.001, 1], a negative cost).
//! The endpoint itself is checked with the other links of the config.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;

/// The smallest `view_sample`: one view in a thousand sent. The collector
/// refuses smaller samples, so that no view stands for more than a thousand
/// (a sample of `5e-324` made one view infinity and every total with it).
pub const MIN_VIEW_SAMPLE: f64 = 0.001;

/// The `insights` key as written.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawInsightsConfig {
    /// URL the site posts events to.
    pub endpoint: Option<String>,
    /// Origins whose pages the collector accepts events from.
    pub allow_origins: Vec<String>,
    /// Share of article views the site reports (1: all).
    pub view_sample: f64,
    /// What one contact with support costs, for the report's estimate.
    pub cost_per_contact: Option<f64>,
    /// Currency of `cost_per_contact`.
    pub currency: Option<String>,
}

impl Default for RawInsightsConfig {
    fn default() -> Self {
        Self {
            endpoint: None,
            allow_origins: Vec::new(),
            view_sample: 1.0,
            cost_per_contact: None,
            currency: None,
        }
    }
}

/// Insights settings, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct InsightsConfig {
    /// URL the site posts events to; none: the site sends nothing.
    pub endpoint: Option<String>,
    /// Origins (`https://help.example.com`) the collector accepts; empty:
    /// those of the site's full base URLs.
    pub allow_origins: Vec<String>,
    /// Share of article views the site reports, in [`MIN_VIEW_SAMPLE`], 1].
    pub view_sample: f64,
    /// What one contact with support costs.
    pub cost_per_contact: Option<f64>,
    /// Currency of the cost (`EUR`), shown beside it.
    pub currency: String,
}

// The numbers are validated finite, so equality is reflexive.
impl Eq for InsightsConfig {}

impl Default for InsightsConfig {
    fn default() -> Self {
        Self {
            endpoint: None,
            allow_origins: Vec::new(),
            view_sample: 1.0,
            cost_per_contact: None,
            currency: String::new(),
        }
    }
}

impl InsightsConfig {
    /// Validates `raw`; errors point at `span`.
    pub fn from_raw(
        raw: RawInsightsConfig,
        path: &Path,
        span: std::ops::Range<usize>,
    ) -> Result<InsightsConfig, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut error = |message: String, help: &str| {
            errors.push(Diagnostic::error(path, span.clone(), message).with_help(help.to_owned()));
        };
        let mut allow_origins = Vec::new();
        for origin in &raw.allow_origins {
            let bare = url::Url::parse(origin).is_ok_and(|u| {
                u.path() == "/"
                    && u.query().is_none()
                    && u.fragment().is_none()
                    && u.username().is_empty()
            });
            match origin_of(origin).filter(|_| bare) {
                Some(o) => allow_origins.push(o),
                None => error(
                    format!("`insights.allow_origins` entry `{origin}` is not an origin"),
                    "write a scheme and host, and a port if any, without a path: `https://help.example.com`",
                ),
            }
        }
        if !(raw.view_sample >= MIN_VIEW_SAMPLE && raw.view_sample <= 1.0) {
            error(
                // Debug writes 1e308 as such, where Display spells out 309 digits.
                format!(
                    "`insights.view_sample` is {:?}, not a share",
                    raw.view_sample
                ),
                "write a number from 0.001 to 1: 1 sends every article view, 0.1 one in ten, 0.001 one in a thousand",
            );
        }
        if let Some(cost) = raw.cost_per_contact
            && !(cost.is_finite() && cost >= 0.0)
        {
            error(
                format!("`insights.cost_per_contact` is {cost:?}"),
                "write what one contact with support costs, e.g. `14.5`",
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(InsightsConfig {
            endpoint: raw.endpoint,
            allow_origins,
            view_sample: raw.view_sample,
            cost_per_contact: raw.cost_per_contact,
            currency: raw.currency.unwrap_or_default(),
        })
    }
}

/// The origin (`https://host:port`) of an http(s) URL, lowercase, or `None`.
pub fn origin_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return None;
    }
    Some(parsed.origin().ascii_serialization())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(raw: RawInsightsConfig) -> Result<InsightsConfig, Vec<Diagnostic>> {
        InsightsConfig::from_raw(raw, Path::new("tier0.yaml"), 0..8)
    }

    #[test]
    fn origins_samples_and_costs_are_checked() {
        let ok = from(RawInsightsConfig {
            allow_origins: vec![
                "https://Help.Example.com/".into(),
                "http://127.0.0.1:8080".into(),
            ],
            view_sample: 0.5,
            cost_per_contact: Some(12.0),
            ..RawInsightsConfig::default()
        })
        .unwrap();
        assert_eq!(
            ok.allow_origins,
            ["https://help.example.com", "http://127.0.0.1:8080"]
        );
        let errors = from(RawInsightsConfig {
            allow_origins: vec![
                "https://help.example.com/kb/".into(),
                "help.example.com".into(),
            ],
            view_sample: 0.0,
            cost_per_contact: Some(-1.0),
            ..RawInsightsConfig::default()
        })
        .unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(
            errors[0]
                .message
                .contains("`https://help.example.com/kb/` is not an origin")
        );
        let errors = from(RawInsightsConfig {
            view_sample: 1e308,
            cost_per_contact: Some(-1e308),
            ..RawInsightsConfig::default()
        })
        .unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`insights.view_sample` is 1e308, not a share",
                "`insights.cost_per_contact` is -1e308"
            ]
        );
    }
}

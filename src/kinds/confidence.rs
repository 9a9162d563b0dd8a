//! KCS confidence: how far the organisation trusts an article, in the four
//! states of Knowledge-Centered Service v6 (Consortium for Service
//! Innovation, *KCS v6 Practices Guide*, "Article Confidence").
//!
//! In: the text of `confidence:`. Out: a [`Confidence`], or `None` for a
//! name that is not one of them (the parse stage turns that into a located
//! error with "did you mean"). An article without the key is
//! [`Confidence::Validated`], so sites written before it behave as before.

use serde::Serialize;

use crate::slug;

/// An article's KCS state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Work in progress: not ready for anyone but its authors; unpublished
    /// like `draft: true`.
    Draft,
    /// Complete and in use by the agents, not yet validated by someone
    /// licensed to publish it.
    NotValidated,
    /// Complete, reviewed and trusted: fit for the public edition.
    #[default]
    Validated,
    /// No longer in use: kept for the record, never in the public edition.
    Archived,
}

impl Confidence {
    /// The names authors write, in KCS order.
    pub const NAMES: [&'static str; 4] = ["draft", "not-validated", "validated", "archived"];

    /// The state named `name`, as authors write it (`not-validated`, also
    /// `Not Validated`; `wip` and `work-in-progress` for a draft, as KCS
    /// v6 calls it).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match slug::slugify(name).as_str() {
            "draft" | "wip" | "work-in-progress" => Self::Draft,
            "not-validated" => Self::NotValidated,
            "validated" => Self::Validated,
            "archived" => Self::Archived,
            _ => return None,
        })
    }

    /// The name authors write.
    pub fn name(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::NotValidated => "not-validated",
            Self::Validated => "validated",
            Self::Archived => "archived",
        }
    }

    /// Whether the article still waits for validation (a draft or a
    /// not-validated article): what `tier0 check` and the insights report
    /// list for its tier.
    pub fn waits_for_validation(self) -> bool {
        matches!(self, Self::Draft | Self::NotValidated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for name in Confidence::NAMES {
            assert_eq!(Confidence::parse(name).map(Confidence::name), Some(name));
        }
        assert_eq!(
            Confidence::parse("Not Validated"),
            Some(Confidence::NotValidated)
        );
        assert_eq!(Confidence::parse("WIP"), Some(Confidence::Draft));
        assert_eq!(Confidence::parse("validatd"), None);
        assert_eq!(Confidence::parse(""), None);
        assert_eq!(Confidence::default(), Confidence::Validated);
    }

    #[test]
    fn drafts_and_not_validated_wait() {
        let waiting: Vec<_> = Confidence::NAMES
            .iter()
            .filter_map(|n| Confidence::parse(n))
            .filter(|c| c.waits_for_validation())
            .collect();
        assert_eq!(waiting, [Confidence::Draft, Confidence::NotValidated]);
    }
}

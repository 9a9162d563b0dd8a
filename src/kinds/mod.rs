//! What kind of article an article is, who may read it and how far it is
//! trusted: the closed vocabularies of front matter that the config's
//! defaults and the parse stage both name.
//!
//! In: the names authors write. Out: the kinds, or `None` for a name that
//! is none of them (the caller turns that into a located error).

mod confidence;

use serde::Serialize;

use crate::slug;

pub use confidence::Confidence;

/// What kind of article this is; each has its own template in `tier0 new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleType {
    /// Symptoms, cause, steps.
    Troubleshooting,
    /// A task, step by step.
    HowTo,
    /// Questions and answers.
    Faq,
    /// A known problem and its workaround.
    KnownIssue,
    /// Tables and facts to look up.
    Reference,
}

impl ArticleType {
    /// The names authors write in `type:`.
    pub const NAMES: [&'static str; 5] = [
        "troubleshooting",
        "how-to",
        "faq",
        "known-issue",
        "reference",
    ];

    /// The type named `name` (as authors write it: `how-to`, also `How To`).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match slug::slugify(name).as_str() {
            "troubleshooting" => Self::Troubleshooting,
            "how-to" => Self::HowTo,
            "faq" => Self::Faq,
            "known-issue" => Self::KnownIssue,
            "reference" => Self::Reference,
            _ => return None,
        })
    }

    /// The name authors write.
    pub fn name(self) -> &'static str {
        match self {
            Self::Troubleshooting => "troubleshooting",
            Self::HowTo => "how-to",
            Self::Faq => "faq",
            Self::KnownIssue => "known-issue",
            Self::Reference => "reference",
        }
    }
}

/// Who may read an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everyone: the public site.
    Public,
    /// Support agents only: never in the public site.
    Internal,
}

impl Audience {
    /// The audience named `name`, in any case.
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "public" => Some(Self::Public),
            "internal" => Some(Self::Internal),
            _ => None,
        }
    }
}

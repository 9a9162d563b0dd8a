//! `kcs:` in `tier0.yaml`: which KCS confidence states the public edition
//! publishes.
//!
//! ```yaml
//! kcs:
//!   public: not-validated   # default `validated`: only validated articles
//! ```
//!
//! In: the raw `kcs` key. Out: the validated setting, or a located error
//! (a state that is not `validated` or `not-validated`, with "did you
//! mean"). Drafts follow `draft` and `--drafts`; archived articles are
//! never public; the agents' edition shows every state.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::kinds::Confidence;

/// The `kcs` key as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawKcsConfig {
    /// The least confident state the public edition shows.
    pub public: Option<String>,
}

/// KCS settings, validated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KcsConfig {
    /// Whether the public edition also shows not-validated articles (with
    /// a notice), besides the validated ones.
    pub public_not_validated: bool,
}

/// What `kcs.public` may name.
const PUBLIC_STATES: [&str; 2] = ["validated", "not-validated"];

impl KcsConfig {
    /// Validates `raw`; errors point at what `locate` finds of the value
    /// under `kcs:`.
    pub fn from_raw(
        raw: RawKcsConfig,
        path: &Path,
        locate: &dyn Fn(&str) -> std::ops::Range<usize>,
    ) -> Result<KcsConfig, Vec<Diagnostic>> {
        let Some(written) = raw.public else {
            return Ok(KcsConfig::default());
        };
        match Confidence::parse(&written) {
            Some(Confidence::Validated) => Ok(KcsConfig {
                public_not_validated: false,
            }),
            Some(Confidence::NotValidated) => Ok(KcsConfig {
                public_not_validated: true,
            }),
            parsed => {
                let message = match parsed {
                    Some(Confidence::Archived) => {
                        "`kcs.public` is `archived`: archived articles are never public".to_owned()
                    }
                    Some(Confidence::Draft) => {
                        "`kcs.public` is `draft`: drafts are published only with `--drafts`"
                            .to_owned()
                    }
                    _ => format!("`kcs.public` is `{written}`, not a KCS state"),
                };
                let hint = crate::matter::yaml::did_you_mean(
                    &crate::slug::slugify(&written),
                    &PUBLIC_STATES,
                )
                .filter(|_| parsed.is_none())
                .map_or(String::new(), |b| format!("did you mean `{b}`? "));
                Err(vec![
                    Diagnostic::error(path, locate(&written), message).with_help(format!(
                        "{hint}write `validated` (the public edition shows validated articles only) \
                         or `not-validated` (also those not yet validated, with a notice)"
                    )),
                ])
            }
        }
    }

    /// Whether the public edition publishes an article in state `confidence`
    /// (drafts are left to `draft` and `--drafts`).
    pub fn public_shows(self, confidence: Confidence) -> bool {
        match confidence {
            Confidence::Draft | Confidence::Validated => true,
            Confidence::NotValidated => self.public_not_validated,
            Confidence::Archived => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(public: Option<&str>) -> Result<KcsConfig, Vec<Diagnostic>> {
        let raw = RawKcsConfig {
            public: public.map(str::to_owned),
        };
        KcsConfig::from_raw(raw, Path::new("tier0.yaml"), &|_| 3..9)
    }

    #[test]
    fn default_publishes_validated_only() {
        let kcs = read(None).unwrap();
        assert!(kcs.public_shows(Confidence::Validated));
        assert!(!kcs.public_shows(Confidence::NotValidated));
        assert!(!kcs.public_shows(Confidence::Archived));
        assert_eq!(read(Some("validated")).unwrap(), kcs);
    }

    #[test]
    fn not_validated_opens_the_public_edition_to_them() {
        let kcs = read(Some("Not Validated")).unwrap();
        assert!(kcs.public_shows(Confidence::NotValidated));
        assert!(!kcs.public_shows(Confidence::Archived));
    }

    #[test]
    fn other_states_are_located_errors_with_a_suggestion() {
        let e = read(Some("not-valdated")).unwrap_err();
        assert_eq!(e[0].span, 3..9);
        assert_eq!(
            e[0].message,
            "`kcs.public` is `not-valdated`, not a KCS state"
        );
        assert!(
            e[0].help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `not-validated`?"),
            "{:?}",
            e[0].help
        );
        let e = read(Some("archived")).unwrap_err();
        assert!(e[0].message.contains("never public"), "{}", e[0].message);
        assert!(read(Some("draft")).is_err());
    }
}

//! Pages that put other pages of the content folder into theirs (file
//! includes, [`crate::discover::includes`]): an internal page may not reach
//! a published one that way, as it may not through a link. A draft or a
//! page no table of contents lists may: snippet files are rarely listed,
//! and their author chose to publish their text where they include it.

use std::collections::BTreeMap;

use super::Withheld;
use crate::diagnostics::Diagnostic;
use crate::discover::Included;
use crate::parse::{Article, SectionPage};

/// An error for each internal page that a published article (those of
/// `order`) or landing page of the public edition includes, at the line
/// that includes it.
pub(super) fn withheld_includes(
    articles: &[Article],
    order: &[usize],
    landings: &[SectionPage],
    withheld: &BTreeMap<String, Withheld>,
) -> Vec<Diagnostic> {
    let published = order.iter().map(|&i| {
        let a = &articles[i];
        (&a.path, a.body_start, a.included.as_deref())
    });
    let landings = landings
        .iter()
        .map(|s| (&s.path, s.body_start, s.included.as_deref()));
    let mut errors = Vec::new();
    for (path, body_start, included) in published.chain(landings) {
        let Some(Included { files, .. }) = included else {
            continue;
        };
        for (rel, at) in files {
            if withheld.get(rel) != Some(&Withheld::Internal) {
                continue;
            }
            let span = body_start + at.start..body_start + at.end;
            errors.push(
                Diagnostic::error(
                    path,
                    span,
                    format!(
                        "includes `{rel}`, an internal article, which only the agents' build has"
                    ),
                )
                .with_help(
                    "its text would be published with this page: include a file that is \
                         not internal, or make this page internal too",
                ),
            );
        }
    }
    errors
}

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
/// `order`) or landing page of the public edition (`public`) includes, at
/// the line that includes it: an internal article of the content folder,
/// or a Markdown file outside it whose front matter says
/// `audience: internal`.
pub(super) fn withheld_includes(
    articles: &[Article],
    order: &[usize],
    landings: &[SectionPage],
    (withheld, public): (&BTreeMap<String, Withheld>, bool),
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
        let Some(Included {
            files, internal, ..
        }) = included
        else {
            continue;
        };
        let articles = files
            .iter()
            .filter(|(rel, _)| withheld.get(rel) == Some(&Withheld::Internal))
            .map(|(rel, at)| {
                (
                    rel,
                    at,
                    "an internal article, which only the agents' build has",
                )
            });
        let others = internal
            .iter()
            .filter(|_| public)
            .map(|(shown, at)| (shown, at, "whose front matter says `audience: internal`"));
        for (file, at, why) in articles.chain(others) {
            let span = body_start + at.start..body_start + at.end;
            errors.push(
                Diagnostic::error(path, span, format!("includes `{file}`, {why}")).with_help(
                    "its text would be published with this page: include a file that is not \
                     internal, or make this page internal too",
                ),
            );
        }
    }
    errors
}

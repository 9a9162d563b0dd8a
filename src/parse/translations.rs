//! Audience is decided per translation group, not per file.
//!
//! Translations share an id. When one of them is internal, a translation
//! that does not say `audience:` is internal too, with a warning that names
//! it: an English copy of an internal fix is never published because its
//! author forgot the key. A translation that says `audience: public` is
//! published, with a warning, since that is the one way to publish part of
//! an internal group and may be a slip.

use std::collections::BTreeMap;

use super::{Article, Audience};
use crate::diagnostics::Diagnostic;

/// Makes internal every translation of an internal article that does not
/// say its audience; returns the warnings naming each.
pub(super) fn share_audience(articles: &mut [Article]) -> Vec<Diagnostic> {
    let mut internal: BTreeMap<&str, &Article> = BTreeMap::new();
    for article in articles.iter() {
        if article.audience == Audience::Internal {
            internal.entry(article.id.as_str()).or_insert(article);
        }
    }
    if internal.is_empty() {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    let mut made_internal = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        if article.audience != Audience::Public {
            continue;
        }
        let Some(original) = internal.get(article.id.as_str()) else {
            continue;
        };
        let span = article.spans.value("audience");
        if article.spans.has("audience") {
            warnings.push(
                Diagnostic::warning(
                    &article.path,
                    span,
                    format!(
                        "this translation of `{}` is public while `{}` is internal",
                        article.id,
                        original.path.display()
                    ),
                )
                .with_help("check that this translation may be published; write `audience: internal` if not"),
            );
        } else {
            warnings.push(
                Diagnostic::warning(
                    &article.path,
                    span,
                    format!(
                        "this translation of `{}` has no `audience:` and is internal, as `{}` is",
                        article.id,
                        original.path.display()
                    ),
                )
                .with_help(
                    "write `audience: internal` to say so, or `audience: public` to publish it",
                ),
            );
            made_internal.push(i);
        }
    }
    for i in made_internal {
        articles[i].audience = Audience::Internal;
    }
    warnings
}

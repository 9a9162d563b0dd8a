//! A section withheld by its landing page withholds what it holds.
//!
//! `audience: internal` on a section's landing page (`_index.md`, in any
//! of its languages) makes internal every article of the section and of
//! the sections below it, and their landing pages, unless they say
//! `audience:` themselves. Zendesk Guide restricts a section's articles
//! with the section, and an author who marks a folder internal means its
//! content: publishing the articles listed under an internal landing page
//! is the leak they least expect. One that says `audience: public` is
//! published, with a warning, as a translation of an internal article is:
//! it is the one way to publish part of an internal section, and may be a
//! slip.
//!
//! A landing page left out for another error still withholds its section
//! when its audience could be read: leaving a file out must not publish
//! what it withheld.

use std::ops::Range;
use std::path::Path;

use super::{Article, Audience, SectionPage};
use crate::diagnostics::Diagnostic;

/// Makes internal the articles and landing pages below the sections in
/// `withheld` (section ids) that do not say their audience (each landing
/// page comes with the span of its `audience:`, if written); returns the
/// warnings for those that say `audience: public`.
pub(super) fn withhold(
    withheld: &[String],
    articles: &mut [Article],
    sections: &mut [(SectionPage, Option<Range<usize>>)],
) -> Vec<Diagnostic> {
    let holder = |section: Option<&str>| {
        let section = section?;
        withheld.iter().find(|w| within(section, w))
    };
    let mut warnings = Vec::new();
    for article in articles.iter_mut() {
        let Some(by) = holder(article.section.as_deref()) else {
            continue;
        };
        if !article.spans.has("audience") {
            article.audience = Audience::Internal;
        } else if article.audience == Audience::Public {
            warnings.push(published(
                &article.path,
                article.spans.value("audience"),
                by,
            ));
        }
    }
    for (page, audience) in sections.iter_mut() {
        let Some(by) = holder(page.section.as_deref()) else {
            continue;
        };
        match audience {
            None => page.audience = Audience::Internal,
            Some(span) if page.audience == Audience::Public => {
                warnings.push(published(&page.path, span.clone(), by));
            }
            Some(_) => {}
        }
    }
    warnings
}

/// Whether section `section` is `ancestor` or lies below it.
fn within(section: &str, ancestor: &str) -> bool {
    section
        .strip_prefix(ancestor)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

fn published(path: &Path, span: Range<usize>, by: &str) -> Diagnostic {
    Diagnostic::warning(
        path.to_path_buf(),
        span,
        format!(
            "this page says `audience: public` inside the internal section `{by}`: it is \
             published, the rest of the section is not"
        ),
    )
    .with_help(format!(
        "check that it may be published; remove the line to keep it internal with `{by}`"
    ))
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn a_section_holds_itself_and_the_sections_below_it_only() {
        assert!(within("red", "red"));
        assert!(within("red/vpn", "red"));
        assert!(!within("redes", "red"));
        assert!(!within("equipos/red", "red"));
    }
}

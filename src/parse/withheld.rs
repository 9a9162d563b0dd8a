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
//! Hugo's `cascade` of `audience: internal` reads the same; its `draft:
//! true`, `headless: true` or `build: {render: never}` makes the pages
//! below drafts unless they say `draft:` themselves (a landing page's own
//! `draft: true` applies to it alone, as in Hugo).
//!
//! A landing page left out for another error still withholds its section
//! when its front matter could be read: leaving a file out must not
//! publish what it withheld.
//!
//! A page read through a symbolic link (`red/reset.md -> ../sec/reset.md`,
//! or a folder `red/sub -> ../sec/sub`) is withheld by the sections of its
//! real place too: the link publishes the same text, which an internal
//! section keeps to agents where it really stands.

use std::ops::Range;
use std::path::Path;

use super::fields::Withholding;
use super::place::SectionPath;
use super::{Article, Audience, LeftOut, SectionPage};
use crate::config::Config;
use crate::diagnostics::Diagnostic;

/// Withholds from the articles and landing pages below each section of
/// `withheld` what it withholds, where they do not say otherwise (each
/// landing page comes with the span of its `audience:`, if written), and
/// makes internal the articles left out for errors that stand in an
/// internal section and do not say `audience:` (so that their translations
/// are internal too); returns the warnings for those that say `audience:
/// public` inside an internal section.
pub(super) fn withhold(
    (withheld, real): (&[(String, Withholding)], &RealPlaces<'_>),
    (articles, left_out): (&mut [Article], &mut [LeftOut]),
    sections: &mut [(SectionPage, Option<Range<usize>>)],
) -> Vec<Diagnostic> {
    if withheld.is_empty() {
        return Vec::new();
    }
    // What the sections holding `section` withhold, and the id of the
    // first that makes it internal.
    let held_in = |section: Option<&str>| {
        let mut draft = false;
        let mut internal = None;
        for (id, w) in withheld {
            if section.is_some_and(|s| within(s, id)) {
                draft |= w.draft;
                internal = internal.or(w.internal.then_some(id.as_str()));
            }
        }
        (draft, internal)
    };
    // The same for a page at `rel` in `section`, and at its real place.
    let held = |section: Option<&str>, rel: &str| {
        let (draft, internal) = held_in(section);
        let (real_draft, real_internal) = held_in(real.section(rel).as_deref());
        (draft || real_draft, internal.or(real_internal))
    };
    for file in left_out.iter_mut() {
        let held = held(file.section.as_deref(), &file.file.rel);
        if let (Some((_, audience)), (_, Some(_))) = (&mut file.read, held) {
            *audience = Audience::Internal;
        }
    }
    let mut warnings = Vec::new();
    for article in articles.iter_mut() {
        let (draft, internal) = held(article.section.as_deref(), &article.rel);
        if draft && !article.spans.has("draft") {
            article.draft = true;
        }
        let Some(by) = internal else { continue };
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
        // A section's own cascade reaches the sections below it only.
        let below = page.section.as_deref().and_then(|s| s.rsplit_once('/'));
        let (draft, internal) = held(below.map(|(parent, _)| parent), parent_of(&page.rel));
        page.draft |= draft;
        let Some(by) = internal else { continue };
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

/// What an article that stands for its section's page (mdBook's
/// `chapter.md` beside `chapter/`, where no landing page of `landings`
/// does) withholds from that section: its own `audience: internal`, as a
/// landing page's would.
pub(super) fn chapters(
    config: &Config,
    articles: &[Article],
    landings: &[(String, Withholding)],
) -> Vec<(String, Withholding)> {
    articles
        .iter()
        .filter(|a| a.audience == Audience::Internal && a.spans.has("audience"))
        .filter_map(|a| SectionPath::of(&super::family(config, &a.rel)).id)
        .filter(|id| !landings.iter().any(|(landed, _)| landed == id))
        .map(|id| {
            let internal = Withholding {
                internal: true,
                draft: false,
            };
            (id, internal)
        })
        .collect()
}

/// The symbolic links of the content folder ([`crate::discover::Sources`]),
/// to find the real place of a page read through one.
pub(super) struct RealPlaces<'a> {
    pub(super) config: &'a Config,
    pub(super) links: &'a [(String, String)],
}

impl RealPlaces<'_> {
    /// The section of the folder that the page at `rel` really stands in,
    /// when it is read through a symbolic link.
    fn section(&self, rel: &str) -> Option<String> {
        let real = self.links.iter().find_map(|(link, target)| {
            let rest = rel.strip_prefix(link.as_str())?;
            (rest.is_empty() || rest.starts_with('/')).then(|| format!("{target}{rest}"))
        })?;
        let (_, placed) = self.config.language_folder(&real);
        SectionPath::of(crate::landing::split_dir(placed).0).id
    }
}

/// The folder of the landing page at `rel`, as the path of a page in it:
/// a section's own cascade reaches the sections below it only.
fn parent_of(rel: &str) -> &str {
    crate::landing::split_dir(rel).0
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

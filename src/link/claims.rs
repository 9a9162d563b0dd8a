//! Claiming the output paths of the site's frame before articles claim
//! theirs: each section's page (and its list's further pages), and each
//! asset's path, where no page may go.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::Asset;
use crate::output_paths::{self, PathRegistry};
use crate::parse::Article;

use super::LinkedArticle;
use super::sections::{self, Landings, Section, ancestors, section_path};

/// The sections of the `linked` articles and the `landings`, each with the
/// number of pages `section_pages` says its list could claim.
pub(super) fn sections_with_pages(
    config: &Config,
    linked: &[Arc<LinkedArticle>],
    landings: &Landings,
    section_pages: &BTreeMap<(String, String), usize>,
) -> Vec<Section> {
    let mut sections = sections::build(config, linked, landings);
    for s in &mut sections {
        s.pages = section_pages
            .get(&(s.lang.clone(), s.id.clone()))
            .copied()
            .unwrap_or(1);
    }
    sections
}

/// Claims the output path of each of `assets`, where no page may go. A
/// file on a file tier0 writes itself (a docs folder's own `robots.txt`,
/// which MkDocs copies to the site's root) is left out of `assets`, with
/// a warning: tier0's stays (the agents' edition's `robots.txt` keeps
/// every crawler out, which a project's must not undo), and the project
/// builds as it is.
pub(super) fn claim_assets(
    config: &Config,
    assets: &mut Vec<Asset>,
    registry: &mut PathRegistry,
    lenient: &mut super::place::Lenient<'_>,
) {
    assets.retain(|asset| {
        let path = output_paths::asset_path(&asset.rel);
        let source = config.source_path(&asset.rel);
        if let Some(what) = registry.generated_at(&path) {
            lenient.report(
                Diagnostic::warning(
                    &source,
                    0..0,
                    format!("not published: tier0 writes {what} itself"),
                )
                .with_help("rename the file if pages are to link to it as a file of their own"),
            );
            return false;
        }
        if let Err(e) = registry.claim(&path, format!("file `{}`", asset.rel), source, 0..0) {
            lenient.errors.push(e);
        }
        true
    });
}

/// Claims the page path of every section that the articles `order` (at
/// `paths`) and `landings` make exist, before any article claims its own:
/// a section's page is part of the site's frame, so an article in its way
/// is the one reported. A section whose path an article takes has that
/// article for its page. A section that cannot have its page leaves out
/// its landing page and every article in it or below it, each reported.
/// A section of more than [`output_paths::PAGE_SIZE`] articles of its own
/// claims the paths of its list's other pages too (`page/2/`…); returns how
/// many pages each section (by language and id) could claim.
pub(super) fn claim_sections(
    config: &Config,
    articles: &[Article],
    order: &[usize],
    paths: &[String],
    landings: &Landings,
    registry: &mut PathRegistry,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<(String, String), usize> {
    let mut pages = BTreeMap::new();
    let taken: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    let in_order = || order.iter().map(|&k| &articles[k]);
    // The first article in each section or below it, which is named when
    // the section has no landing page.
    let mut first: BTreeMap<(&str, &str), &Article> = BTreeMap::new();
    for a in in_order() {
        for id in a.section.as_deref().into_iter().flat_map(ancestors) {
            first.entry((a.lang.as_str(), id)).or_insert(a);
        }
    }
    let exist = sections::existing(
        in_order().map(|a| (a.lang.as_str(), a.section.as_deref())),
        landings,
    );
    for (lang, id) in exist {
        let path = section_path(config, lang, id);
        if taken.contains(path.as_str()) {
            continue;
        }
        let landing = landings.get(&(lang.to_owned(), id.to_owned()));
        let (file, span) = match (landing, first.get(&(lang, id))) {
            (Some(l), _) => (l.path.clone(), 0..0),
            (None, Some(a)) => (a.path.clone(), a.spans.value("category")),
            (None, None) => continue,
        };
        if let Err(e) = registry.claim(&path, format!("section `{id}`"), file.clone(), span.clone())
        {
            let inside = |a: &&Article| {
                a.lang == lang
                    && a.path != file
                    && a.section
                        .as_deref()
                        .is_some_and(|s| ancestors(s).any(|up| up == id))
            };
            for a in in_order().filter(inside) {
                errors.push(Diagnostic {
                    path: a.path.clone(),
                    span: a.spans.value("category"),
                    ..e.clone()
                });
            }
            errors.push(e);
            continue;
        }
        let own = in_order()
            .filter(|a| a.lang == lang && a.section.as_deref() == Some(id))
            .count();
        let mut claimed = 1;
        for n in 2..=output_paths::page_count(own) {
            let at = output_paths::page_path(&path, n);
            if let Err(e) = registry.claim(
                &at,
                format!("page {n} of section `{id}`"),
                file.clone(),
                span.clone(),
            ) {
                errors.push(e.with_help(format!(
                    "the section lists {} articles a page, and its page {n} goes to `/{at}`: \
                     rename what is there",
                    output_paths::PAGE_SIZE
                )));
                break;
            }
            claimed = n;
        }
        pages.insert((lang.to_owned(), id.to_owned()), claimed);
    }
    pages
}

//! Linking a parsed site leniently: the files of problems confined to one
//! file are left out and the rest linked again, and what only left-out
//! files refer to is not published.

use super::{Parsed, Prepared, content_failure};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover;
use crate::leniency;
use crate::link::{self, Selection, SiteModel};
use crate::parse;
use crate::references::{self, Referrer, Shows};
use crate::site::BuildError;

/// Links a parsed site for `selection`.
///
/// The articles (and content files) that the link stage finds in conflict
/// are left out and the rest linked again, until what is left links or a
/// problem remains that leaving out does not solve. A lenient build goes
/// on without them; a strict one stops here, with every problem the parse
/// and link stages found.
/// With `before`, the last build of the same site, only what a change can
/// reach of the related articles is made again.
pub(super) fn link_site(
    parsed: Parsed,
    selection: Selection,
    before: Option<&SiteModel>,
) -> Result<Prepared, BuildError> {
    let strict = parsed.config.strict;
    let prepared = link_all(parsed, selection, before)?;
    if strict && prepared.warnings.iter().any(Diagnostic::is_error) {
        return Err(BuildError::Content {
            diagnostics: prepared.warnings,
            texts: prepared.texts,
        });
    }
    Ok(prepared)
}

/// [`link_site`], going on past the problems of single files in any build:
/// what `tier0 check` reports, with the errors among the warnings.
pub(super) fn link_all(
    parsed: Parsed,
    selection: Selection,
    before: Option<&SiteModel>,
) -> Result<Prepared, BuildError> {
    let Parsed {
        config,
        theme,
        articles,
        sections,
        mut assets,
        mut warnings,
        texts,
        left_out,
    } = parsed;
    // Their whole text: what front matter that could not be read names is
    // withheld too.
    let unread = left_out.iter().map(|f| Referrer {
        rel: &f.rel,
        body: &f.text,
        shows: Shows::Nothing,
    });
    assets = without_left_out_files(assets, unread, &articles, &sections);
    match link_leniently(config, articles, sections, assets, selection, before) {
        Ok((model, found)) => {
            warnings.extend(found);
            Ok(Prepared {
                model,
                theme,
                warnings,
                texts,
            })
        }
        Err(errors) => Err(content_failure(warnings, errors, texts)),
    }
}

/// Links the site, leaving out the files of the problems confined to one
/// file until it links; the model and every problem found, else the
/// problems that stop it. `before`: as for [`link::link_or_return`].
pub(super) fn link_leniently(
    config: Config,
    mut articles: Vec<parse::Article>,
    mut sections: Vec<parse::SectionPage>,
    mut assets: Vec<discover::Asset>,
    selection: Selection,
    before: Option<&SiteModel>,
) -> Result<(SiteModel, Vec<Diagnostic>), Vec<Diagnostic>> {
    // The articles this edition publishes are known only here; the
    // category files, whose doc links name the ids as written, were read.
    let mut found = link::ids::qualify_shared(&config, &mut articles, selection);
    loop {
        let attempt = link::link_or_return(
            config.clone(),
            articles,
            sections.clone(),
            assets.clone(),
            selection,
            before,
        );
        let errors = match attempt {
            Ok(mut model) => {
                found.append(&mut model.warnings);
                return Ok((model, found));
            }
            Err(failed) if leniency::stops(&failed.errors, &config.source_folders()) => {
                found.extend(failed.errors);
                return Err(found);
            }
            Err(failed) => {
                articles = failed.articles;
                failed.errors
            }
        };
        let left_out = leniency::left_out(&errors, &config.source_folders());
        let before = (articles.len(), sections.len(), assets.len());
        let (out, kept): (Vec<_>, Vec<_>) = articles
            .into_iter()
            .partition(|a| left_out.contains(a.path.as_path()));
        articles = kept;
        sections.retain(|s| !left_out.contains(s.path.as_path()));
        assets.retain(|a| !left_out.contains(config.source_path(&a.rel).as_path()));
        let out = out.iter().map(|a| Referrer::of(a.file(), Shows::Nothing));
        assets = without_left_out_files(assets, out, &articles, &sections);
        let progress = (articles.len(), sections.len(), assets.len()) != before;
        found.extend(errors);
        if !progress {
            return Err(found);
        }
    }
}

/// `assets` less those that only files `left_out` of the build refer to:
/// leaving out an internal article for an error must not publish its
/// screenshots as files that nothing shows.
fn without_left_out_files<'a>(
    assets: Vec<discover::Asset>,
    left_out: impl Iterator<Item = Referrer<'a>>,
    articles: &'a [parse::Article],
    sections: &'a [parse::SectionPage],
) -> Vec<discover::Asset> {
    let mut referrers: Vec<Referrer<'_>> = left_out.collect();
    if referrers.is_empty() {
        return assets;
    }
    let shown = articles.iter().map(|a| Referrer::of(a.file(), Shows::All));
    referrers.extend(shown.chain(sections.iter().map(|s| Referrer::of(s.file(), Shows::All))));
    references::published(assets, &referrers, &crate::urls::content_file_from, &|_| {
        false
    })
}

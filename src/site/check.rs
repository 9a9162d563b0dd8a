//! `tier0 check`: every problem of the site, without building it.

use std::path::Path;

use super::lenient::{link_all, link_leniently};
use super::{BuildError, BuildOptions, Prepared, parse_site};
use crate::audit;
use crate::diagnostics::{self, Diagnostic, SourceTexts};
use crate::discover::CONFIG_FILE;
use crate::link::{BuildAudience, Selection, SiteModel};
use crate::render::{self, RenderError, theme::Theme};

/// Everything `tier0 check` found.
#[derive(Debug)]
pub struct CheckReport {
    /// Errors and warnings, from the build's checks and the audits.
    pub diagnostics: Vec<Diagnostic>,
    /// Articles due for review, oldest first.
    pub stale: Vec<audit::StaleArticle>,
    /// Articles waiting for validation, by owning tier.
    pub waiting: Vec<audit::WaitingArticle>,
    /// Source texts, to show the diagnostics.
    pub texts: SourceTexts,
}

/// Runs every check of a build (drafts included) without writing anything,
/// plus the audits of [`audit`], with staleness as of `today`.
///
/// The site is read and parsed once, then linked twice: as the agents'
/// edition, which has every article and block, and as the public one,
/// where a public text may link to an internal article.
pub fn check(options: &BuildOptions, today: time::Date) -> Result<CheckReport, BuildError> {
    let agents = BuildOptions {
        drafts: true,
        audience: BuildAudience::Agents,
        ..options.clone()
    };
    let as_report = |e: BuildError| match e {
        BuildError::Content { diagnostics, texts } => Ok(CheckReport {
            diagnostics,
            stale: Vec::new(),
            waiting: Vec::new(),
            texts,
        }),
        other => Err(other),
    };
    let parsed = match parse_site(&agents, &|_, _| {}, None) {
        Ok(parsed) => parsed,
        Err(e) => return as_report(e),
    };
    let public = link_leniently(
        parsed.config.clone(),
        parsed.articles.clone(),
        parsed.sections.clone(),
        parsed.assets.clone(),
        Selection {
            drafts: true,
            audience: BuildAudience::Public,
        },
        None,
    );
    let Prepared {
        model,
        theme,
        mut warnings,
        texts,
    } = match link_all(parsed, agents.selection(), None) {
        Ok(prepared) => prepared,
        Err(e) => return as_report(e),
    };
    let used_assets = render_checks(&model, &theme, &mut warnings)?;
    // Linking the public edition can find nothing the agents' one did not
    // (it has fewer articles); rendering it can: links to internal articles.
    if let Ok((public, _)) = public {
        let mut problems = Vec::new();
        render_checks(&public, &theme, &mut problems)?;
        diagnostics::add_new(&mut warnings, problems);
    }
    warnings.extend(audit::unused_assets(&model, &used_assets));
    warnings.extend(audit::outdated_translations(&model));
    warnings.extend(audit::template_text(&model));
    warnings.extend(audit::unused_synonyms(
        &model,
        texts.text(Path::new(CONFIG_FILE)),
    ));
    Ok(CheckReport {
        diagnostics: warnings,
        stale: audit::stale(&model, today),
        waiting: audit::waiting_for_validation(&model),
        texts,
    })
}

/// Renders `model` for nothing but its problems, which go to `problems`;
/// returns the content files its articles use.
pub(super) fn render_checks(
    model: &SiteModel,
    theme: &Theme,
    problems: &mut Vec<Diagnostic>,
) -> Result<std::collections::BTreeSet<String>, BuildError> {
    match render::render(model, theme, &render::Discard, &render::Discard) {
        Ok(rendered) => Ok(rendered.used_assets),
        Err(RenderError::Content(errors, used_assets)) => {
            problems.extend(errors);
            Ok(used_assets)
        }
        Err(RenderError::Io(e)) => Err(e.into()),
    }
}

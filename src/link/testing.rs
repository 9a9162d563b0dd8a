//! Small linked sites for unit tests, built in memory from Markdown texts.

use std::path::PathBuf;

use super::{BuildAudience, Selection, SiteModel, link};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{Asset, SourceFile, Sources};

/// The agents' edition, drafts included, of the articles `files`
/// (path under `content/`, text) and the assets `assets`.
pub(crate) fn linked(
    files: &[(&str, &str)],
    assets: &[&str],
) -> Result<SiteModel, Vec<Diagnostic>> {
    let config = Config::default();
    let sources = Sources {
        articles: files
            .iter()
            .map(|(rel, text)| SourceFile::in_content(rel, text))
            .collect(),
        ..Default::default()
    };
    let parsed = crate::parse::parse(&config, &sources);
    assert!(
        !parsed.diagnostics.iter().any(Diagnostic::is_error),
        "{:?}",
        parsed.diagnostics
    );
    let assets = assets
        .iter()
        .map(|rel| Asset {
            rel: (*rel).to_owned(),
            source: PathBuf::from("content").join(rel),
        })
        .collect();
    let selection = Selection {
        drafts: true,
        audience: BuildAudience::Agents,
    };
    link(config, parsed.articles, parsed.sections, assets, selection)
}

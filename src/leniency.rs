//! Which problems stop a build.
//!
//! By default a build is lenient: a problem confined to one article (front
//! matter it cannot read, a collision with another article, a broken link)
//! leaves that article out or is published as a warning, and the rest of
//! the site is built. A problem of the whole site (the config, the theme,
//! the output folder) always stops it. `--strict`, `strict: true` in the
//! config and `tier0 check` make every problem stop it.

use std::collections::BTreeSet;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::discover::CONTENT_DIR;

/// Whether `diagnostic` concerns one file of the content folder alone.
pub fn confined(diagnostic: &Diagnostic) -> bool {
    diagnostic.path.starts_with(CONTENT_DIR) && diagnostic.path != Path::new(CONTENT_DIR)
}

/// Whether `diagnostics` stop a lenient build: an error of the whole site.
/// (A strict build stops on any error.)
pub fn stops(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.is_error() && !confined(d))
}

/// The content files that errors in `diagnostics` leave out of the site.
pub fn left_out(diagnostics: &[Diagnostic]) -> BTreeSet<&Path> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() && confined(d))
        .map(|d| d.path.as_path())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_errors_of_the_whole_site_stop_a_lenient_build() {
        let article = Diagnostic::error("content/red/a.md", 0..0, "bad");
        let config = Diagnostic::error("tier0.yaml", 0..0, "bad");
        let theme = Diagnostic::error("themes/default", 0..0, "bad");
        let folder = Diagnostic::error("content", 0..0, "unreadable");
        let warning = Diagnostic::warning("tier0.yaml", 0..0, "odd");
        assert!(!stops(&[article.clone(), warning]));
        for fatal in [config, theme, folder] {
            assert!(stops(&[fatal]));
        }
        let twice = [article.clone(), article];
        assert_eq!(left_out(&twice).len(), 1);
    }
}

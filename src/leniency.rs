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

/// Whether `diagnostic` concerns one file of the folders of sources
/// `folders` (the content folder as the config names it, and those mounted
/// in it) alone.
fn confined(diagnostic: &Diagnostic, folders: &[&Path]) -> bool {
    folders
        .iter()
        .any(|folder| diagnostic.path.starts_with(folder) && diagnostic.path != *folder)
}

/// Whether `diagnostics` stop a lenient build: an error of the whole site.
/// (A strict build stops on any error.)
pub fn stops(diagnostics: &[Diagnostic], folders: &[&Path]) -> bool {
    diagnostics
        .iter()
        .any(|d| d.is_error() && !confined(d, folders))
}

/// The content files that errors in `diagnostics` leave out of the site.
pub fn left_out<'a>(diagnostics: &'a [Diagnostic], folders: &[&Path]) -> BTreeSet<&'a Path> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() && confined(d, folders))
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
        let content = &[Path::new("content")][..];
        assert!(!stops(&[article.clone(), warning], content));
        for fatal in [config, theme, folder] {
            assert!(stops(&[fatal], content));
        }
        let twice = [article.clone(), article.clone()];
        assert_eq!(left_out(&twice, content).len(), 1);
        // In a site whose config names another content folder, the same
        // path is no article's.
        let docs = &[Path::new("website/docs")][..];
        assert!(stops(std::slice::from_ref(&article), docs));
        let elsewhere = Diagnostic::error("website/docs/red/a.md", 0..0, "bad");
        assert!(!stops(&[elsewhere], docs));
        assert!(stops(
            &[Diagnostic::error("website/docs", 0..0, "gone")],
            docs
        ));
        // A folder mounted in the content folder (Docusaurus's
        // translations) holds articles too; the folder itself is none.
        let mounted = &[Path::new("docs"), Path::new("i18n/fr/x/current")][..];
        let translation = Diagnostic::error("i18n/fr/x/current/a.md", 0..0, "bad");
        assert!(!stops(std::slice::from_ref(&translation), mounted));
        assert_eq!(left_out(&[translation], mounted).len(), 1);
        assert!(stops(
            &[Diagnostic::error("i18n/fr/x/current", 0..0, "gone")],
            mounted
        ));
    }
}

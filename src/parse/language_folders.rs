//! Top folders named like a language the site does not publish.
//!
//! A site translated by folder (`content/en/`, `content/fr/`) whose
//! `tier0.yaml` lists English but not French reads `fr/` as a section of
//! the default language: its pages are published, under the wrong
//! language and URL, and nothing says why. When another top folder is
//! named by a language, such a folder is one of the translations, and the
//! first article in it says so once, with the line that fixes it.
//!
//! And a language folder's own page is that language's home text, even
//! while the folder holds no other page.

use std::collections::BTreeMap;

use crate::config::{Config, is_language_code, language_name};
use crate::diagnostics::Diagnostic;
use crate::discover::{SourceFile, Sources};
use crate::landing;

/// Moves to `sources.sections` each `index.md` or `README.md` standing
/// alone in a language folder (`fr/index.md`, the first page of a
/// translation begun): it is that language's home text, as it is once
/// other pages stand beside it, not a page bundle named `fr`, whose path
/// the French home page owns.
pub fn language_homes(config: &Config, sources: &mut Sources) {
    let home = |rel: &str| match config.language_folder(rel) {
        (Some(_), name) => !name.contains('/') && landing::family(name).is_some(),
        _ => false,
    };
    if !sources.articles.iter().any(|f| home(&f.rel)) {
        return;
    }
    let (homes, articles) = std::mem::take(&mut sources.articles)
        .into_iter()
        .partition(|f| home(&f.rel));
    sources.articles = articles;
    sources.sections.extend::<Vec<SourceFile>>(homes);
    sources.sections.sort_by(|a, b| a.rel.cmp(&b.rel));
}

/// A warning at the first article (by path) of each top folder of
/// `articles` named by a language that is not one of the site's, when
/// another top folder is named by a language.
pub(super) fn unlisted(config: &Config, articles: &[SourceFile]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, &SourceFile> = BTreeMap::new();
    for file in articles {
        if let Some((top, _)) = file.rel.split_once('/')
            && (is_language_code(top) || config.language_folder(top).0.is_some())
        {
            first
                .entry(top)
                .and_modify(|f| {
                    if file.rel < f.rel {
                        *f = file;
                    }
                })
                .or_insert(file);
        }
    }
    let unlisted: Vec<(&str, &SourceFile)> = first
        .iter()
        .filter(|(top, _)| config.language_folder(top).0.is_none())
        .map(|(top, file)| (*top, *file))
        .collect();
    if first.len() < 2 || unlisted.is_empty() {
        return Vec::new();
    }
    unlisted
        .into_iter()
        .map(|(top, file)| {
            let code = top.to_ascii_lowercase();
            Diagnostic::warning(
                &file.path,
                0..0,
                format!(
                    "the folder `{top}/` is named like a language, but `{code}` is not one of \
                     the site's languages ({}): its pages are read as the section `{code}` in \
                     the default language",
                    config.language_codes()
                ),
            )
            .with_help(format!(
                "to publish them as the {} pages, add `- {{code: {code}, name: {}}}` to \
                 `languages` in tier0.yaml",
                language_name(&code),
                language_name(&code)
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warned(config: &str, rels: &[&str]) -> Vec<String> {
        let (config, _) = Config::from_yaml(std::path::Path::new("tier0.yaml"), config).unwrap();
        let files: Vec<SourceFile> = rels
            .iter()
            .map(|rel| SourceFile::in_content(rel, "# T\n"))
            .collect();
        unlisted(&config, &files)
            .iter()
            .map(|d| format!("{}: {}", d.path.display(), d.message))
            .collect()
    }

    #[test]
    fn a_language_folder_the_site_does_not_publish_is_named_once() {
        let found = warned(
            "",
            &["en/a.md", "fr/b/c.md", "fr/a.md", "de/a.md", "red/a.md"],
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("content/de/a.md: the folder `de/`"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("content/fr/a.md: the folder `fr/`"),
            "{found:?}"
        );
        assert!(found[1].contains("(es, en)"), "{found:?}");
    }

    #[test]
    fn a_lone_folder_named_like_a_language_is_a_section() {
        // An IT department's folder, in a site with no language folders.
        assert!(warned("", &["it/vpn.md", "red/wifi.md"]).is_empty());
        assert!(warned("", &["en/a.md", "es/a.md"]).is_empty());
    }
}

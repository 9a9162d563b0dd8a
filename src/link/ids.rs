//! Ids that other generators let folders share.
//!
//! A Docusaurus doc's id is unique within its folder only: its full id is
//! the folder's path and the `id:` of its front matter (`guides/overview`),
//! so a docs folder often has `id: overview` in several folders. A tier0 id
//! names an article of a language within the whole site (its short link is
//! `kb/<id>/`), and the articles of several languages with one id are
//! translations of each other. Rather than leave out all but one of the
//! articles that share an id, the articles of each other folder take that
//! folder's path as a prefix (`guides-overview`), translations alike, with
//! a warning. Only the articles this edition publishes count: a draft or
//! an internal article never renames a published one. Two articles of one
//! language in one folder with one id stay an error: no generator allows
//! that.

use std::collections::{BTreeMap, BTreeSet};

use super::{Selection, place};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::landing::split_dir;
use crate::output_paths;
use crate::parse::{Article, without_number_prefix};
use crate::slug;

/// Where two published articles of one language have the same written id
/// (in any case), gives the articles of each folder but the first by path
/// that folder's path as a prefix, and returns a warning for each. The
/// articles of a folder keep their id when the prefixed one would be taken
/// or unusable, or when the folder itself has two of one language: the
/// link stage then reports the id as used twice.
pub fn qualify_shared(
    config: &Config,
    articles: &mut [Article],
    selection: Selection,
) -> Vec<Diagnostic> {
    let (published, _) = place::select(config, articles, selection);
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in published {
        let a = &articles[i];
        if !a.spans.value("id").is_empty() {
            groups.entry(a.id.to_ascii_lowercase()).or_default().push(i);
        }
    }
    groups.retain(|_, group| !distinct_languages(articles, group));
    if groups.is_empty() {
        return Vec::new();
    }
    let mut taken: BTreeSet<String> = articles.iter().map(|a| a.id.to_ascii_lowercase()).collect();
    let mut warnings = Vec::new();
    for mut group in groups.into_values() {
        group.sort_by(|&x, &y| articles[x].rel.cmp(&articles[y].rel));
        let first = group[0];
        // Folders as the site places them: `en/guides/` is `guides/`.
        let folder = |i: usize| config.language_folder(split_dir(&articles[i].rel).0).1;
        let mut folders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &group {
            folders.entry(folder(i)).or_default().push(i);
        }
        let first_dir = folder(first);
        let renames: Vec<(Vec<usize>, String)> = folders
            .into_iter()
            .filter(|(dir, members)| *dir != first_dir && distinct_languages(articles, members))
            .filter_map(|(dir, members)| {
                let id = prefixed(dir, &articles[members[0]].id)?;
                taken
                    .insert(id.to_ascii_lowercase())
                    .then_some((members, id))
            })
            .collect();
        for (members, id) in renames {
            for i in members {
                let a = &articles[i];
                warnings.push(
                    Diagnostic::warning(
                        &a.path,
                        a.spans.value("id"),
                        format!(
                            "id `{}` is also the id of {}, in another folder; this article is \
                             published as `{id}`",
                            a.id,
                            articles[first].path.display()
                        ),
                    )
                    .with_help(
                        "an id names one article of the whole site (its short link is \
                         `kb/<id>/`), not one of a folder as in Docusaurus: give each article \
                         its own id",
                    ),
                );
                articles[i].id = id.clone();
            }
        }
    }
    warnings
}

/// Whether no two of `members` are in the same language.
fn distinct_languages(articles: &[Article], members: &[usize]) -> bool {
    let mut seen = BTreeSet::new();
    members.iter().all(|&i| seen.insert(&articles[i].lang))
}

/// `id` prefixed with the folder path `dir` (`2-guides/net/`), without
/// number prefixes and made of slugs (`guides-net-overview`); `None` when
/// no folder name has a letter or digit, or the result is too long for a
/// folder name (the short link's).
fn prefixed(dir: &str, id: &str) -> Option<String> {
    let parts: Vec<String> = dir
        .split('/')
        .map(|part| slug::slugify(without_number_prefix(part)))
        .filter(|part| !part.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    let id = format!("{}-{id}", parts.join("-"));
    (slug::is_identifier(&id) && output_paths::segment_too_long(&id).is_none()).then_some(id)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::discover::{SourceFile, Sources};
    use crate::link::BuildAudience;

    /// Each article's id after [`qualify_shared`] in the public edition of
    /// a site in Spanish and English, by path, and the warnings.
    fn qualified(files: &[(&str, &str)]) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
        let yaml = "default_language: es\nlanguages: [{code: es, name: E}, {code: en, name: N}]\n";
        let (config, _) = Config::from_yaml(Path::new("tier0.yaml"), yaml).unwrap();
        let sources = Sources {
            articles: files
                .iter()
                .map(|(rel, front)| {
                    SourceFile::in_content(rel, &format!("---\n{front}title: T\n---\nText.\n"))
                })
                .collect(),
            ..Default::default()
        };
        let mut articles = crate::parse::parse(&config, &sources).articles;
        assert_eq!(articles.len(), files.len());
        let selection = Selection {
            drafts: false,
            audience: BuildAudience::Public,
        };
        let warnings = qualify_shared(&config, &mut articles, selection);
        let ids = articles.into_iter().map(|a| (a.rel, a.id)).collect();
        (ids, warnings)
    }

    fn ids(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(rel, id)| (rel.to_string(), id.to_string()))
            .collect()
    }

    #[test]
    fn an_id_shared_across_folders_is_prefixed_after_the_first() {
        let (got, warnings) = qualified(&[
            ("b/intro.md", "id: overview\n"),
            ("2-guides/net/intro.md", "id: overview\n"),
            ("a/intro.md", "id: Overview\n"),
            ("a/other.md", "id: overview\n"),
            ("c/x.md", "id: KB-1\n"),
        ]);
        // `2-guides/…` sorts first and keeps the id; folder `a` has two of
        // one language, which stay duplicates for the link stage to report;
        // ids that differ only in case are shared too.
        let want = ids(&[
            ("2-guides/net/intro.md", "overview"),
            ("a/intro.md", "Overview"),
            ("a/other.md", "overview"),
            ("b/intro.md", "b-overview"),
            ("c/x.md", "KB-1"),
        ]);
        assert_eq!(got, want);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.starts_with(
                "id `overview` is also the id of content/2-guides/net/intro.md, in another \
                 folder; this article is published as `b-overview`"
            ),
            "{warnings:?}"
        );
        assert_eq!(warnings[0].span, 8..16);
    }

    #[test]
    fn translations_keep_each_other() {
        let (got, _) = qualified(&[
            ("a/intro.md", "id: overview\n"),
            ("a/intro.en.md", "id: overview\n"),
            ("b/intro.md", "id: overview\n"),
            ("b/intro.en.md", "id: overview\n"),
        ]);
        let want = ids(&[
            ("a/intro.md", "overview"),
            ("a/intro.en.md", "overview"),
            ("b/intro.md", "b-overview"),
            ("b/intro.en.md", "b-overview"),
        ]);
        assert_eq!(got, want);
        // Translations in two folders share no language: they are one
        // article, as before.
        let (got, warnings) = qualified(&[
            ("es/intro.md", "id: overview\n"),
            ("en/intro.en.md", "id: overview\n"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(got.values().all(|id| id == "overview"));
    }

    #[test]
    fn what_this_edition_leaves_out_renames_nothing() {
        for hidden in ["draft: true\n", "audience: internal\n"] {
            let (got, warnings) = qualified(&[
                ("aaa/intro.md", &format!("id: overview\n{hidden}")),
                ("b/intro.md", "id: overview\n"),
            ]);
            assert!(warnings.is_empty(), "{hidden}: {warnings:?}");
            assert_eq!(got["b/intro.md"], "overview", "{hidden}");
        }
    }

    #[test]
    fn a_prefixed_id_never_takes_another_articles_id() {
        let (got, warnings) = qualified(&[
            ("a/intro.md", "id: overview\n"),
            ("b/intro.md", "id: overview\n"),
            ("c/x.md", "id: B-Overview\n"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(got["b/intro.md"], "overview");
    }

    #[test]
    fn ids_made_from_paths_are_left_alone() {
        // Both are `a-b-c`, which the link stage reports: prefixing a
        // path's own id again would not tell them apart.
        let (got, warnings) = qualified(&[("a-b/c.md", ""), ("a/b-c.md", "")]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(got["a-b/c.md"], got["a/b-c.md"]);
    }
}

//! Ids that other generators let folders share.
//!
//! A Docusaurus doc's id is unique within its folder only: its full id is
//! the folder's path and the `id:` of its front matter (`guides/overview`),
//! so a docs folder often has `id: overview` in several folders. A tier0 id
//! names an article within the whole site (its short link is `kb/<id>/`).
//! Rather than leave all but one of those articles out, each article whose
//! written id an article of another folder has already (by path order)
//! takes its folder's path as a prefix (`guides-overview`), with a
//! warning. Two articles of one folder with one id stay an error: no
//! generator allows that.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::landing::split_dir;
use crate::output_paths;
use crate::parse::{Article, without_number_prefix};
use crate::slug;

/// Gives each article whose written id an article of another folder, in
/// the same language and earlier in path order, has already its folder's
/// path as a prefix; returns a warning for each. An article keeps its id
/// when the prefixed one would be taken or unusable, so that the link
/// stage reports the id as used twice.
pub fn qualify_shared(articles: &mut [Article]) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        if !a.spans.value("id").is_empty() {
            groups.entry((&a.id, &a.lang)).or_default().push(i);
        }
    }
    let mut shared: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    if shared.is_empty() {
        return Vec::new();
    }
    // Ids compare without case when two articles claim them.
    let mut taken: BTreeSet<String> = articles.iter().map(|a| a.id.to_ascii_lowercase()).collect();
    let mut warnings = Vec::new();
    for group in &mut shared {
        group.sort_by(|&x, &y| articles[x].rel.cmp(&articles[y].rel));
        let first = group[0];
        let first_dir = split_dir(&articles[first].rel).0.to_owned();
        for &i in &group[1..] {
            let a = &articles[i];
            let dir = split_dir(&a.rel).0;
            if dir == first_dir {
                continue;
            }
            let Some(id) = prefixed(dir, &a.id) else {
                continue;
            };
            if !taken.insert(id.to_ascii_lowercase()) {
                continue;
            }
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
            articles[i].id = id;
        }
    }
    warnings
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
    use super::*;
    use crate::discover::{SourceFile, Sources};

    /// Each article's id after [`qualify_shared`], by path, and the warnings.
    fn qualified(files: &[(&str, &str)]) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
        let sources = Sources {
            articles: files
                .iter()
                .map(|(rel, front)| {
                    SourceFile::in_content(rel, &format!("---\n{front}title: T\n---\nText.\n"))
                })
                .collect(),
            ..Default::default()
        };
        let mut articles = crate::parse::parse(&Default::default(), &sources).articles;
        let warnings = qualify_shared(&mut articles);
        let ids = articles.into_iter().map(|a| (a.rel, a.id)).collect();
        (ids, warnings)
    }

    #[test]
    fn an_id_shared_across_folders_is_prefixed_after_the_first() {
        let (ids, warnings) = qualified(&[
            ("b/intro.md", "id: overview\n"),
            ("2-guides/net/intro.md", "id: overview\n"),
            ("a/intro.md", "id: overview\n"),
            ("a/other.md", "id: overview\n"),
            ("c/x.md", "id: KB-1\n"),
        ]);
        // `2-guides/…` sorts first and keeps the id; the second of folder
        // `a` stays a duplicate, for the link stage to report.
        let want = [
            ("2-guides/net/intro.md", "overview"),
            ("a/intro.md", "a-overview"),
            ("a/other.md", "overview"),
            ("b/intro.md", "b-overview"),
            ("c/x.md", "KB-1"),
        ];
        let want: BTreeMap<String, String> = want
            .iter()
            .map(|(r, i)| (r.to_string(), i.to_string()))
            .collect();
        assert_eq!(ids, want);
        assert_eq!(warnings.len(), 2);
        assert!(
            warnings[0].message.starts_with(
                "id `overview` is also the id of content/2-guides/net/intro.md, in another \
                 folder; this article is published as `a-overview`"
            ),
            "{warnings:?}"
        );
        assert_eq!(warnings[0].span, 8..16);
    }

    #[test]
    fn a_prefixed_id_never_takes_another_articles_id() {
        let (ids, warnings) = qualified(&[
            ("a/intro.md", "id: overview\n"),
            ("b/intro.md", "id: overview\n"),
            ("c/x.md", "id: B-Overview\n"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(ids["b/intro.md"], "overview");
    }

    #[test]
    fn ids_made_from_paths_are_left_alone() {
        // Both are `a-b-c`, which the link stage reports: prefixing a
        // path's own id again would not tell them apart.
        let (ids, warnings) = qualified(&[("a-b/c.md", ""), ("a/b-c.md", "")]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(ids["a-b/c.md"], ids["a/b-c.md"]);
    }
}

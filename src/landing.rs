//! Which Markdown files are a folder's own page rather than an article.
//!
//! Generators name a folder's page differently: Hugo writes `_index.md` for
//! a section and `index.md` for a page bundle (a page with its images
//! beside it); MkDocs, VitePress and Docusaurus write `index.md`, mdBook and
//! GitHub `README.md`. tier0 reads them all the same way:
//!
//! - `_index.md` is always the landing page of its folder's section;
//! - else `index.md`, else `README.md` (any case), is the landing page when
//!   the folder holds other pages, below it or beside it;
//! - an `index.md` or `README.md` of a folder that holds no other page is
//!   an article at the folder's URL: a page bundle.
//!
//! Language variants (`_index.fr.md`, `index.es.md`) go with their name.
//! Only names count here, so the rule reads the same in `discover`, which
//! sorts files into articles and landing pages, and in `parse`, which
//! places a bundle at its folder's URL.

use std::collections::{BTreeMap, BTreeSet};

/// The file name endings of Markdown files: tier0's own `.md`, Jekyll's
/// `.markdown` and MDX (Docusaurus), whose JSX is read as `dialects` says.
pub const MARKDOWN_EXTENSIONS: &[&str] = &[".md", ".mdx", ".markdown"];

/// Whether the file at `rel` is Markdown.
pub fn is_markdown(rel: &str) -> bool {
    MARKDOWN_EXTENSIONS.iter().any(|ext| rel.ends_with(ext))
}

/// `wifi.en.md` → `wifi.en`: the name without its Markdown extension.
pub fn markdown_stem(name: &str) -> &str {
    MARKDOWN_EXTENSIONS
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(name)
}

/// The kinds of folder page, in the order one is preferred to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    /// `_index.md`: Hugo's section page.
    UnderscoreIndex,
    /// `index.md`.
    Index,
    /// `README.md`.
    Readme,
}

/// The folder-page kind of the file named `name`, if it is one:
/// `_index.md`, `index.md` or `README.md`, maybe with a language before
/// the extension (`index.fr.md`).
pub fn family(name: &str) -> Option<Family> {
    if !is_markdown(name) {
        return None;
    }
    let stem = markdown_stem(name);
    let (base, variant) = stem.split_once('.').unwrap_or((stem, ""));
    if variant.contains('.') || (stem.contains('.') && variant.is_empty()) {
        return None;
    }
    if base == "_index" {
        Some(Family::UnderscoreIndex)
    } else if base.eq_ignore_ascii_case("index") {
        Some(Family::Index)
    } else if base.eq_ignore_ascii_case("readme") {
        Some(Family::Readme)
    } else {
        None
    }
}

/// `a/b/c.md` → (`a/b`, `c.md`); `c.md` → (``, `c.md`).
pub fn split_dir(rel: &str) -> (&str, &str) {
    rel.rsplit_once('/').unwrap_or(("", rel))
}

/// Joins a relative link to the folder it was written in; `None` if it
/// climbs out. A trailing `/` is kept: it says the link names a folder.
pub fn join_relative(dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let folder = matches!(link.rsplit('/').next(), Some("" | "." | ".."));
    let mut joined = parts.join("/");
    if folder && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// The landing pages among `markdown`, the content-relative paths of every
/// Markdown file of a site, as the module's rules say.
pub fn landings<'a>(markdown: impl IntoIterator<Item = &'a str> + Clone) -> BTreeSet<String> {
    // Per folder: the best family of folder page it has, and how many
    // Markdown files lie below it.
    let mut best: BTreeMap<&str, Family> = BTreeMap::new();
    let mut below: BTreeMap<&str, usize> = BTreeMap::new();
    for rel in markdown.clone() {
        let (dir, name) = split_dir(rel);
        if let Some(f) = family(name) {
            let entry = best.entry(dir).or_insert(f);
            *entry = (*entry).min(f);
        }
        let mut folder = dir;
        loop {
            *below.entry(folder).or_default() += 1;
            if folder.is_empty() {
                break;
            }
            folder = split_dir(folder).0;
        }
    }
    // How many files of the best family each folder has: they are not
    // "other pages" of it.
    let mut own: BTreeMap<&str, usize> = BTreeMap::new();
    for rel in markdown.clone() {
        let (dir, name) = split_dir(rel);
        if family(name).is_some() && family(name) == best.get(dir).copied() {
            *own.entry(dir).or_default() += 1;
        }
    }
    markdown
        .into_iter()
        .filter(|rel| {
            let (dir, name) = split_dir(rel);
            let Some(f) = family(name) else {
                return false;
            };
            if best.get(dir) != Some(&f) {
                return false;
            }
            let others = below.get(dir).copied().unwrap_or(0) - own.get(dir).copied().unwrap_or(0);
            f == Family::UnderscoreIndex || others > 0
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn landings_of(files: &[&str]) -> Vec<String> {
        landings(files.iter().copied()).into_iter().collect()
    }

    #[test]
    fn folder_pages_are_known_by_name_in_any_language() {
        assert_eq!(family("_index.md"), Some(Family::UnderscoreIndex));
        assert_eq!(family("_index.fr.md"), Some(Family::UnderscoreIndex));
        assert_eq!(family("index.mdx"), Some(Family::Index));
        assert_eq!(family("INDEX.md"), Some(Family::Index));
        assert_eq!(family("README.md"), Some(Family::Readme));
        assert_eq!(family("readme.es.markdown"), Some(Family::Readme));
        for not in [
            "_Index.md",
            "index.png",
            "indexes.md",
            "index.a.b.md",
            "index..md",
            "x.md",
        ] {
            assert_eq!(family(not), None, "{not}");
        }
    }

    #[test]
    fn an_index_with_other_pages_is_a_landing_and_a_lone_one_a_bundle() {
        let files = [
            "README.md",
            "guide/index.md",
            "guide/install.md",
            "guide/bundle/index.md",
            "guide/bundle/index.fr.md",
            "hugo/_index.md",
            "empty/_index.md",
            "deep/index.md",
            "deep/a/b/c.md",
            "both/_index.md",
            "both/index.md",
            "both/README.md",
        ];
        assert_eq!(
            landings_of(&files),
            [
                "README.md",
                "both/_index.md",
                "deep/index.md",
                "empty/_index.md",
                "guide/index.md",
                "hugo/_index.md",
            ]
        );
    }

    #[test]
    fn a_readme_beside_an_index_is_an_article_and_a_lone_site_page_too() {
        assert_eq!(landings_of(&["a/index.md", "a/README.md"]), ["a/index.md"]);
        assert!(landings_of(&["index.md"]).is_empty());
    }
}

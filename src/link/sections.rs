//! The section tree: folders of any depth (or the section ids written in
//! `category:`), each with its page, its subsections and its articles.
//!
//! A section exists in a language when an article of that language lies in
//! it or below it, or when it has a landing page in that language. Its
//! title, description and order come from its landing page (in its
//! language, else the default one), else from `categories:` of the config
//! (where Docusaurus category files are folded in, below what it sets),
//! else from its folder's name; a number prefix of the name (`2-guides`)
//! orders the section and is left out of its title, as Docusaurus does,
//! and one of an article's file name orders the article.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::{LinkedArticle, language_prefix};
use crate::config::{Config, Localized};
use crate::diagnostics::Diagnostic;
use crate::discover::markdown_stem;
use crate::landing::split_dir;
use crate::parse::{Article, SectionPage, number_prefix, title_from_name, without_number_prefix};

/// A section in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Id: its path from the top, slugs joined by `/` (`vpn/macos`).
    pub id: String,
    /// Language code.
    pub lang: String,
    /// Display title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Sort order among its siblings.
    pub order: i64,
    /// Site path of its page.
    pub path: String,
    /// Its parent in [`super::SiteModel::sections`], `None` for a top section.
    pub parent: Option<usize>,
    /// Its subsections, in order.
    pub children: Vec<usize>,
    /// Indexes of its own articles, sorted by weight then title.
    pub articles: Vec<usize>,
    /// Number of articles in it and in its subsections.
    pub count: usize,
    /// Its landing page, whose body the section's page shows.
    pub landing: Option<Arc<SectionPage>>,
    /// An article published at the section's own path (mdBook's
    /// `chapter.md` beside `chapter/`): it stands for the section's page,
    /// which is not written.
    pub article: Option<usize>,
    /// How many pages its list of articles has (`page/2/`…), as claimed
    /// when the site was linked; 1 when it fits on one.
    pub pages: usize,
}

impl Section {
    /// Its depth: 0 for a top section.
    pub fn depth(&self) -> usize {
        self.id.matches('/').count()
    }

    /// Its top section's id.
    pub fn top(&self) -> &str {
        self.id.split('/').next().unwrap_or(&self.id)
    }
}

/// The top section above section `index` of `sections` (itself, at the top).
pub(super) fn top(sections: &[Section], index: usize) -> usize {
    let mut top = index;
    while let Some(parent) = sections[top].parent {
        top = parent;
    }
    top
}

/// `vpn/macos/x` → `vpn/macos`, `vpn`, in that order.
pub fn ancestors(id: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(id), |id| id.rsplit_once('/').map(|(parent, _)| parent))
}

/// Site path of section `id` in `lang`: its folders, the top one moved
/// aside when tier0 fills a folder of that name (`output_paths::aside`).
pub fn section_path(config: &Config, lang: &str, id: &str) -> String {
    let folders = format!("{id}/");
    format!(
        "{}{}",
        language_prefix(config, lang),
        crate::output_paths::aside(&folders)
    )
}

/// The landing page of each section, by language and section id.
pub(super) type Landings = BTreeMap<(String, String), Arc<SectionPage>>;

/// The landing page of each section (the first when two folders whose
/// names slug alike, `Setup/` and `setup/`, both have one), and an error
/// for each one left unused: a section has one page, and the others are
/// said, not silently dropped. `landings` are in path order.
pub(super) fn landing_pages(landings: Vec<SectionPage>) -> (Landings, Vec<Diagnostic>) {
    let (used, unused) = first_of_each(
        landings,
        |page| (page.lang.clone(), page.section.clone().unwrap_or_default()),
        |(_, id)| format!("section `{id}` already has its landing page"),
        "merge the two, or rename one of the folders",
    );
    let used = used.into_iter().map(|(key, page)| (key, Arc::new(page)));
    (used.collect(), unused)
}

/// The home text of each language (the first, in path order, when the
/// top of the content folder and the language's folder both have one:
/// `_index.md` and `es/_index.md` in a Spanish site), and an error for
/// each one left unused.
pub(super) fn home_pages(
    homes: Vec<SectionPage>,
) -> (BTreeMap<String, SectionPage>, Vec<Diagnostic>) {
    first_of_each(
        homes,
        |page| page.lang.clone(),
        |lang| format!("the `{lang}` home page already has its text"),
        "merge the two into one file",
    )
}

/// The first of `pages` (in path order) for each `key`, and an error for
/// each other one, which `taken` says is taken, with `help`.
fn first_of_each<K: Ord>(
    pages: Vec<SectionPage>,
    key: impl Fn(&SectionPage) -> K,
    taken: impl Fn(&K) -> String,
    help: &str,
) -> (BTreeMap<K, SectionPage>, Vec<Diagnostic>) {
    let mut used = BTreeMap::new();
    let mut unused = Vec::new();
    for page in pages {
        match used.entry(key(&page)) {
            Entry::Vacant(free) => {
                free.insert(page);
            }
            Entry::Occupied(first) => unused.push(
                Diagnostic::error(
                    &page.path,
                    0..0,
                    format!(
                        "{}, {}: this one is not used",
                        taken(first.key()),
                        first.get().path.display()
                    ),
                )
                .with_help(help),
            ),
        }
    }
    (used, unused)
}

/// Every (language, section id) that `articles` (their language and
/// section) and `landings` make exist, parents included.
pub(super) fn existing<'a>(
    articles: impl Iterator<Item = (&'a str, Option<&'a str>)>,
    landings: &'a Landings,
) -> BTreeSet<(&'a str, &'a str)> {
    let mut out = BTreeSet::new();
    let with_parents = articles.chain(
        landings
            .keys()
            .map(|(lang, id)| (lang.as_str(), Some(id.as_str()))),
    );
    for (lang, section) in with_parents {
        for id in section.into_iter().flat_map(ancestors) {
            if !out.insert((lang, id)) {
                break;
            }
        }
    }
    out
}

/// The sections of the linked `articles`, with `landings` read into them,
/// and the article published at a section's own path, if one is.
/// Sorted by language, then depth first: each section comes before its
/// subsections, and siblings by order, title and id.
pub(super) fn build(
    config: &Config,
    articles: &[Arc<LinkedArticle>],
    landings: &Landings,
) -> Vec<Section> {
    let by_path: BTreeMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.path.as_str(), i))
        .collect();
    let mut direct: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate().filter(|(_, a)| a.listed()) {
        if let Some(section) = &a.article.section {
            direct
                .entry((a.article.lang.as_str(), section.as_str()))
                .or_default()
                .push(i);
        }
    }
    let exist = existing(
        articles
            .iter()
            .map(|a| (a.article.lang.as_str(), a.article.section.as_deref())),
        landings,
    );
    let landing_of = |lang: &str, id: &str| {
        let find = |l: &str| landings.get(&(l.to_owned(), id.to_owned()));
        find(lang).or_else(|| find(&config.default_language))
    };
    let mut flat: Vec<Section> = exist
        .iter()
        .map(|&(lang, id)| {
            let landing = landing_of(lang, id);
            let configured = config.categories.get(id);
            let text = |from_landing: Option<&String>, from_config: Option<&Localized>| {
                from_landing.cloned().or_else(|| {
                    from_config.map(|l| l.get(lang, &config.default_language).to_owned())
                })
            };
            let name = id.rsplit('/').next().unwrap_or(id);
            let mut own = direct.remove(&(lang, id)).unwrap_or_default();
            let path = section_path(config, lang, id);
            let article = by_path.get(path.as_str()).copied();
            own.sort_by_cached_key(|&i| {
                let a = &articles[i].article;
                (listing_weight(a), &a.title, &a.id)
            });
            Section {
                id: id.to_owned(),
                lang: lang.to_owned(),
                title: text(
                    landing.and_then(|l| l.title.as_ref()),
                    configured.and_then(|c| c.title.as_ref()),
                )
                .or_else(|| article.map(|a| articles[a].article.title.clone()))
                .unwrap_or_else(|| title_from_name(without_number_prefix(name))),
                description: text(
                    landing.and_then(|l| l.description.as_ref()),
                    configured.and_then(|c| c.description.as_ref()),
                )
                .unwrap_or_default(),
                order: landing
                    .and_then(|l| l.weight)
                    .or(configured.and_then(|c| c.order))
                    .or(number_prefix(name).map(|(n, _)| n))
                    .unwrap_or(i64::MAX),
                path,
                parent: None,
                children: Vec::new(),
                count: own.len(),
                articles: own,
                landing: landing.cloned(),
                article,
                pages: 1,
            }
        })
        .collect();
    in_tree_order(config, &mut flat);
    flat
}

/// Where `article` goes among its section's articles: by its `weight`
/// (0 unless written), then by its position (`sidebar_position`), else the
/// number prefix of its file's (or its page bundle's folder's) name, as
/// Docusaurus orders `01-intro.md` before `02-setup.md` and both before
/// `setup.md`, which has neither.
pub(super) fn listing_weight(article: &Article) -> (i64, i64) {
    let (dir, name) = split_dir(&article.rel);
    let name = match crate::landing::family(name) {
        Some(_) => split_dir(dir).1,
        None => markdown_stem(name),
    };
    let position = article
        .position
        .or_else(|| number_prefix(name).map(|(n, _)| n));
    (article.weight, position.unwrap_or(i64::MAX))
}

/// Sorts `sections` by language, then depth first, and links each to its
/// parent and children; counts the articles below each.
fn in_tree_order(config: &Config, sections: &mut Vec<Section>) {
    fn key(s: &Section) -> (i64, &str, &str) {
        (s.order, &s.title, &s.id)
    }
    let mut children: BTreeMap<(String, Option<String>), Vec<usize>> = BTreeMap::new();
    for (i, s) in sections.iter().enumerate() {
        let parent = s.id.rsplit_once('/').map(|(p, _)| p.to_owned());
        children
            .entry((s.lang.clone(), parent))
            .or_default()
            .push(i);
    }
    for list in children.values_mut() {
        list.sort_by(|&a, &b| key(&sections[a]).cmp(&key(&sections[b])));
    }
    let mut langs: Vec<&str> = sections.iter().map(|s| s.lang.as_str()).collect();
    langs.sort_by_key(|l| config.language_order(l));
    langs.dedup();
    let mut order = Vec::with_capacity(sections.len());
    let mut stack: Vec<usize> = Vec::new();
    for lang in langs {
        let tops = children.get(&(lang.to_owned(), None)).cloned();
        stack.extend(tops.unwrap_or_default().into_iter().rev());
        while let Some(i) = stack.pop() {
            order.push(i);
            let own = (sections[i].lang.clone(), Some(sections[i].id.clone()));
            stack.extend(children.get(&own).into_iter().flatten().rev());
        }
    }
    let mut old: Vec<Option<Section>> = std::mem::take(sections).into_iter().map(Some).collect();
    sections.extend(order.iter().filter_map(|&i| old[i].take()));
    let by_key: BTreeMap<(String, String), usize> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.lang.clone(), s.id.clone()), i))
        .collect();
    for i in (0..sections.len()).rev() {
        let parent = sections[i]
            .id
            .rsplit_once('/')
            .and_then(|(p, _)| by_key.get(&(sections[i].lang.clone(), p.to_owned())))
            .copied();
        sections[i].parent = parent;
        if let Some(p) = parent {
            let count = sections[i].count;
            sections[p].count += count;
            sections[p].children.insert(0, i);
        }
    }
}

/// The ways later stages find sections and articles.
pub(super) struct Lookups {
    /// Section index by id and language.
    pub(super) section_by_id: BTreeMap<(String, String), usize>,
    /// Each article's section and place in it.
    pub(super) article_sections: Vec<Option<(usize, usize)>>,
    /// Section index by the source of its landing page.
    pub(super) section_by_source: BTreeMap<String, usize>,
    /// The sources of articles and landing pages by file name.
    pub(super) by_name: BTreeMap<String, Vec<String>>,
}

/// The [`Lookups`] of `sections`, for `articles` articles whose index
/// `by_source` gives by source.
pub(super) fn lookups(
    sections: &[Section],
    articles: usize,
    by_source: &BTreeMap<String, usize>,
) -> Lookups {
    let section_by_id = sections
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.id.clone(), s.lang.clone()), i))
        .collect();
    let mut article_sections = vec![None; articles];
    for (s, section) in sections.iter().enumerate() {
        for (place, &a) in section.articles.iter().enumerate() {
            article_sections[a] = Some((s, place));
        }
    }
    let section_by_source: BTreeMap<String, usize> = sections
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.landing.as_ref()?.rel.clone(), i)))
        .collect();
    let mut by_name: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for rel in by_source.keys().chain(section_by_source.keys()) {
        let name = crate::landing::split_dir(rel).1;
        by_name
            .entry(name.to_owned())
            .or_default()
            .push(rel.clone());
    }
    Lookups {
        section_by_id,
        article_sections,
        section_by_source,
        by_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_prefixes_order_sections_and_articles() {
        let article = |title: &str| format!("---\ntitle: {title}\n---\nText.\n");
        let (z, y, x, w, v) = (
            article("Z"),
            article("Y"),
            article("X"),
            article("W"),
            article("V"),
        );
        let model = crate::link::testing::linked(
            &[
                ("2-guides/02-b.md", &y),
                ("2-guides/01-a.md", &z),
                ("2-guides/c.md", &x),
                ("2-guides/10-bundle/index.md", &v),
                ("1-start/x.md", &w),
                ("a-last/x.md", &w),
            ],
            &[],
        )
        .unwrap();
        let sections: Vec<(&str, &str)> = model
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(
            sections,
            [
                ("1-start", "Start"),
                ("2-guides", "Guides"),
                ("a-last", "A last")
            ]
        );
        let titles: Vec<&str> = model.sections[1]
            .articles
            .iter()
            .map(|&a| model.articles[a].article.title.as_str())
            .collect();
        // `c.md`, with neither a weight nor a prefix, after the others.
        assert_eq!(titles, ["Z", "Y", "V", "X"]);
    }

    #[test]
    fn positions_and_prefixes_share_one_order_below_weights() {
        let article = |title: &str, more: &str| format!("---\ntitle: {title}\n{more}---\nText.\n");
        let files = [
            ("docs/a.md", article("A", "sidebar_position: 2\n")),
            ("docs/b.md", article("B", "")),
            ("docs/c.md", article("C", "sidebar_position: 1\n")),
            ("docs/03-d.md", article("D", "")),
            ("docs/e.md", article("E", "weight: 5\n")),
            ("docs/f.md", article("F", "weight: -1\n")),
        ];
        let files: Vec<(&str, &str)> = files.iter().map(|(r, t)| (*r, t.as_str())).collect();
        let model = crate::link::testing::linked(&files, &[]).unwrap();
        let titles: Vec<&str> = model.sections[0]
            .articles
            .iter()
            .map(|&a| model.articles[a].article.title.as_str())
            .collect();
        // A weight first (tier0's: 0 unless written); then Docusaurus's
        // order, positions and prefixes alike, the others after them.
        assert_eq!(titles, ["F", "C", "A", "D", "B", "E"]);
    }

    #[test]
    fn ancestors_go_up_to_the_top() {
        assert_eq!(
            ancestors("a/b/c").collect::<Vec<_>>(),
            ["a/b/c", "a/b", "a"]
        );
        assert_eq!(ancestors("a").collect::<Vec<_>>(), ["a"]);
    }
}

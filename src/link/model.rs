//! The linked site, [`SiteModel`], and what the later stages ask of it:
//! articles by id or by source, an article's section and the articles
//! shown around it. [`super::link`] builds it; the lookups that resolve
//! links between articles are in `resolve`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{BuildAudience, LinkedArticle, Redirect, RedirectTarget, Section, Withheld, sections};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::Asset;
use crate::parse::SectionPage;
use crate::urls::Urls;

/// The linked site: read-only input of rendering and indexing.
///
/// Articles and the large tables are shared (`Arc`), so a copy that changes
/// one article (as the dev server makes) costs little.
#[derive(Debug, Clone)]
pub struct SiteModel {
    /// The configuration.
    pub config: Config,
    /// Link writer for this site.
    pub urls: Urls,
    /// Published articles, sorted by language, section, weight, title.
    pub articles: Vec<Arc<LinkedArticle>>,
    /// Sections per language, each before its subsections (see [`Section`]).
    pub sections: Vec<Section>,
    /// Home page text per language (from `content/_index*.md`, or the
    /// content folder's `index.md` or `README.md`).
    pub homes: BTreeMap<String, SectionPage>,
    /// Short links (`kb/KB-1042/`) and aliases.
    pub redirects: Arc<Vec<Redirect>>,
    /// Files to copy as they are.
    pub assets: Vec<Asset>,
    /// Whom the build is for.
    pub audience: BuildAudience,
    /// Problems that do not keep a page out of a lenient build: an alias
    /// that another page already uses is dropped, and said here.
    pub warnings: Vec<Diagnostic>,
    /// Ids, source paths and site paths (`red/plan/`, `kb/KB-2/`, aliases)
    /// of articles left out of this build, and why.
    pub(super) withheld: Arc<BTreeMap<String, Withheld>>,
    /// Articles by id, then language: the versions of an id are neighbours.
    pub(super) by_id: Arc<BTreeMap<(String, String), usize>>,
    pub(super) by_source: Arc<BTreeMap<String, usize>>,
    /// Sections by id, then language.
    pub(super) section_by_id: Arc<BTreeMap<(String, String), usize>>,
    /// Sections by the source of their landing page.
    pub(super) section_by_source: Arc<BTreeMap<String, usize>>,
    /// The sources of articles and landing pages by file name.
    pub(super) by_name: Arc<BTreeMap<String, Vec<String>>>,
    /// The articles and section pages that define each MyST target label
    /// (`(label)=`).
    pub(super) by_label: Arc<BTreeMap<String, Vec<super::resolve::LabelOwner>>>,
    /// The related articles of each article, best first, in
    /// [`Self::articles`] order (see `related`).
    pub(super) related: Arc<Vec<Vec<usize>>>,
    /// The section of each article and its place in the section's list,
    /// in [`Self::articles`] order.
    pub(super) article_sections: Arc<Vec<Option<(usize, usize)>>>,
    /// The listed articles outside any section.
    pub(super) outside: Arc<Outside>,
}

/// The listed articles that no section holds (those at the top of the
/// content folder): per language, in the site's order, and the place of
/// each in its language's list. The home page lists them, and their pages
/// show the ones around them as an article in a section shows its section.
#[derive(Debug)]
pub(super) struct Outside {
    lists: BTreeMap<String, Vec<usize>>,
    place: Vec<Option<usize>>,
}

impl Outside {
    /// Those of `articles`, whose sections and places `article_sections`
    /// gives.
    pub(super) fn of(
        articles: &[Arc<LinkedArticle>],
        article_sections: &[Option<(usize, usize)>],
    ) -> Self {
        let mut outside = Self {
            lists: BTreeMap::new(),
            place: vec![None; articles.len()],
        };
        for (i, linked) in articles.iter().enumerate() {
            if linked.listed() && linked.article.section.is_none() && article_sections[i].is_none()
            {
                let list = outside
                    .lists
                    .entry(linked.article.lang.clone())
                    .or_default();
                outside.place[i] = Some(list.len());
                list.push(i);
            }
        }
        outside
    }
}

/// Articles an article page lists from its section.
pub const SECTION_NEIGHBOURS: usize = 10;

impl SiteModel {
    /// The files of the content folder (content-relative paths) that an
    /// article or a landing page includes ([`crate::discover::includes`]).
    pub fn included_files(&self) -> std::collections::BTreeSet<&str> {
        self.includes()
            .flat_map(|i| i.files.iter().map(|(rel, _)| rel.as_str()))
            .collect()
    }

    /// The files outside the content folder that an article or a landing
    /// page includes, or would include if they were there.
    pub fn included_outside(&self) -> std::collections::BTreeSet<&Path> {
        self.includes()
            .flat_map(|i| i.outside.iter().chain(&i.missing).map(PathBuf::as_path))
            .collect()
    }

    /// What each article and landing page that includes files includes.
    fn includes(&self) -> impl Iterator<Item = &crate::discover::Included> {
        let landings = self.sections.iter().filter_map(|s| s.landing.as_deref());
        (self.articles.iter())
            .filter_map(|a| a.article.included.as_deref())
            .chain(landings.filter_map(|s| s.included.as_deref()))
    }

    /// The site path and language of the page `redirect` leads to.
    pub fn redirect_target(&self, redirect: &Redirect) -> (&str, &str) {
        match redirect.to {
            RedirectTarget::Article(i) => (&self.articles[i].path, &self.articles[i].article.lang),
            RedirectTarget::Section(i) => (&self.sections[i].path, &self.sections[i].lang),
        }
    }

    /// Frees the articles' source texts once their bodies are rendered: the
    /// later stages read only what the front matter gave. An article shared
    /// with another model keeps its text.
    pub fn drop_texts(&mut self) {
        for linked in &mut self.articles {
            if let Some(linked) = Arc::get_mut(linked) {
                linked.article.drop_text();
            }
        }
    }

    /// The article `id` in `lang`, else in the default language, else any.
    pub fn find_by_id(&self, id: &str, lang: &str) -> Option<usize> {
        let key = |l: &str| (id.to_owned(), l.to_owned());
        self.by_id
            .get(&key(lang))
            .or_else(|| self.by_id.get(&key(&self.config.default_language)))
            .or_else(|| {
                self.by_id
                    .range(key("")..)
                    .next()
                    .filter(|((i, _), _)| i == id)
                    .map(|(_, v)| v)
            })
            .copied()
    }

    /// The version of article `index` in `lang`, if there is one.
    pub fn in_language(&self, index: usize, lang: &str) -> usize {
        let a = &self.articles[index];
        std::iter::once(index)
            .chain(a.translations.iter().copied())
            .find(|&i| self.articles[i].article.lang == lang)
            .unwrap_or(index)
    }

    /// The article whose source file is `rel` (relative to `content/`).
    pub fn article_by_source(&self, rel: &str) -> Option<usize> {
        self.by_source.get(rel).copied()
    }

    /// Whether an article of this build has its source in the folder
    /// `folder` (relative to `content/`). A lookup in the sorted sources:
    /// the dev server asks it for every path of a batch of changes.
    pub fn has_article_in(&self, folder: &str) -> bool {
        let inside = format!("{folder}/");
        self.by_source
            .range(inside.clone()..)
            .next()
            .is_some_and(|(rel, _)| rel.starts_with(&inside))
    }

    /// Whether an asset of this build is the file `rel` (relative to
    /// `content/`) or lies in the folder `rel`.
    pub fn has_asset_at(&self, rel: &str) -> bool {
        let first_from = |key: &str| {
            let at = self.assets.partition_point(|a| a.rel.as_str() < key);
            self.assets.get(at).map(|a| a.rel.as_str())
        };
        let inside = format!("{rel}/");
        first_from(rel) == Some(rel) || first_from(&inside).is_some_and(|r| r.starts_with(&inside))
    }

    /// The articles the site lists ([`LinkedArticle::listed`]), with
    /// their indexes in [`Self::articles`].
    pub fn listed(&self) -> impl Iterator<Item = (usize, &LinkedArticle)> {
        self.articles
            .iter()
            .enumerate()
            .map(|(i, a)| (i, &**a))
            .filter(|(_, a)| a.listed())
    }

    /// Listed articles in `lang`, most recently updated first (then by id).
    pub fn recently_updated(&self, lang: &str) -> Vec<usize> {
        let mut recent: Vec<usize> = self
            .listed()
            .filter(|(_, a)| a.article.lang == lang)
            .map(|(i, _)| i)
            .collect();
        recent.sort_by(|&x, &y| {
            let (x, y) = (&self.articles[x].article, &self.articles[y].article);
            y.updated.cmp(&x.updated).then_with(|| x.id.cmp(&y.id))
        });
        recent
    }

    /// Listed articles in `lang` that no section holds (those at the top
    /// of the content folder), in the site's order: only the home page
    /// lists them all.
    pub fn outside_sections(&self, lang: &str) -> &[usize] {
        self.outside.lists.get(lang).map_or(&[], Vec::as_slice)
    }

    /// The section article `index` is in, in the article's language: the
    /// one that lists it, else (an unlisted article) the one of its
    /// folder or `category`.
    pub fn section_of(&self, index: usize) -> Option<usize> {
        self.article_sections[index].map(|(s, _)| s).or_else(|| {
            let a = &self.articles[index].article;
            let key = (a.section.clone()?, a.lang.clone());
            self.section_by_id.get(&key).copied()
        })
    }

    /// The list the page of article `index` shows it in, and its place
    /// there: its section's articles, or for a listed article outside any
    /// section the others of its language ([`Self::outside_sections`]);
    /// `None` for an unlisted article.
    pub fn neighbour_list(&self, index: usize) -> Option<(&[usize], usize)> {
        if let Some((s, place)) = self.article_sections[index] {
            return Some((&self.sections[s].articles, place));
        }
        let place = self.outside.place[index]?;
        Some((
            self.outside_sections(&self.articles[index].article.lang),
            place,
        ))
    }

    /// The part of its [`Self::neighbour_list`] that the page of article
    /// `index` shows: at most [`SECTION_NEIGHBOURS`], with it as near the
    /// middle as the list allows (so with the articles before and after it).
    pub fn section_window(&self, index: usize) -> &[usize] {
        let Some((list, place)) = self.neighbour_list(index) else {
            return &[];
        };
        let start = place
            .saturating_sub(SECTION_NEIGHBOURS / 2)
            .min(list.len().saturating_sub(SECTION_NEIGHBOURS));
        &list[start..(start + SECTION_NEIGHBOURS).min(list.len())]
    }

    /// Whether the section of article `index` has more articles than
    /// [`SiteModel::section_window`] shows of it.
    pub fn section_has_more(&self, index: usize) -> bool {
        self.section_of(index)
            .is_some_and(|s| self.sections[s].articles.len() > SECTION_NEIGHBOURS)
    }

    /// The other articles whose titles and paths the page of article
    /// `index` shows (its section's window, its related articles), and
    /// whether its section has more: what changes its page besides itself.
    pub fn shown_with(&self, index: usize) -> (Vec<(&str, &str)>, bool) {
        let shown = self
            .section_window(index)
            .iter()
            .chain(self.related(index))
            .map(|&j| {
                let a = &self.articles[j];
                (a.path.as_str(), a.article.title.as_str())
            })
            .collect();
        (shown, self.section_has_more(index))
    }

    /// The articles related to article `index`, best first.
    pub fn related(&self, index: usize) -> &[usize] {
        &self.related[index]
    }

    /// Site path of the page of section `index`: its own, or that of the
    /// article that stands for it.
    pub fn section_page(&self, index: usize) -> &str {
        let s = &self.sections[index];
        s.article.map_or(&s.path, |a| &self.articles[a].path)
    }

    /// The top section above section `index` (itself, at the top).
    pub fn top_of(&self, index: usize) -> usize {
        sections::top(&self.sections, index)
    }

    /// Section `index` and the sections above it, the top one first.
    pub fn trail(&self, index: usize) -> Vec<usize> {
        let mut trail: Vec<usize> =
            std::iter::successors(Some(index), |&i| self.sections[i].parent).collect();
        trail.reverse();
        trail
    }
}

#[cfg(test)]
mod tests {
    use crate::link::testing::linked;

    #[test]
    fn sources_are_found_by_file_and_by_folder() {
        let model = linked(
            &[
                ("red/a.md", "---\nid: KB-1\ntitle: A\n---\n"),
                ("red-b/c.md", "---\nid: KB-2\ntitle: C\n---\n"),
            ],
            // Sorted as discover sorts them: by whole path.
            &["img-y.png", "img/x.png", "z.png"],
        )
        .unwrap();
        assert!(model.has_article_in("red") && model.has_article_in("red-b"));
        assert!(!model.has_article_in("re") && !model.has_article_in("red/a.md"));
        for at in ["img", "img/x.png", "img-y.png", "z.png"] {
            assert!(model.has_asset_at(at), "{at}");
        }
        for not in ["im", "img/x", "z", "red"] {
            assert!(!model.has_asset_at(not), "{not}");
        }
    }

    #[test]
    fn an_id_in_no_language_asked_for_is_found_in_the_first_that_has_it() {
        let model = linked(
            &[
                ("red/a.en.md", "---\nid: KB-2\ntitle: A\n---\n"),
                ("red/b.md", "---\nid: KB-1\ntitle: B\n---\n"),
            ],
            &[],
        )
        .unwrap();
        let found = model
            .find_by_id("KB-2", "fr")
            .map(|i| model.articles[i].article.rel.clone());
        assert_eq!(found.as_deref(), Some("red/a.en.md"));
        assert_eq!(model.find_by_id("KB-3", "es"), None);
        assert_eq!(model.find_by_id("KB", "es"), None);
    }

    #[test]
    fn articles_outside_sections_are_listed_per_language_in_the_sites_order() {
        let model = linked(
            &[
                ("b.md", "---\nid: KB-2\ntitle: B\n---\n"),
                ("a.md", "---\nid: KB-1\ntitle: A\n---\n"),
                ("c.md", "---\nid: KB-3\ntitle: C\nunlisted: true\n---\n"),
                ("a.en.md", "---\nid: KB-1\ntitle: A en\n---\n"),
                ("red/d.md", "---\nid: KB-4\ntitle: D\n---\n"),
            ],
            &[],
        )
        .unwrap();
        let at = |rel: &str| model.article_by_source(rel).unwrap();
        let (a, b, c, en, d) = (
            at("a.md"),
            at("b.md"),
            at("c.md"),
            at("a.en.md"),
            at("red/d.md"),
        );
        assert_eq!(model.outside_sections("es"), [a, b]);
        assert_eq!(model.outside_sections("en"), [en]);
        assert_eq!(model.outside_sections("fr"), [] as [usize; 0]);
        assert_eq!(model.neighbour_list(b), Some((&[a, b][..], 1)));
        assert_eq!(model.section_window(en), [en]);
        assert!(!model.section_has_more(a));
        // Unlisted: on no list; in a section: its section's.
        assert_eq!(model.neighbour_list(c), None);
        assert_eq!(model.neighbour_list(d), Some((&[d][..], 0)));
    }

    #[test]
    fn an_unlisted_article_keeps_its_section_but_no_list_shows_it() {
        let model = linked(
            &[
                ("red/a.md", "---\nid: KB-1\ntitle: A\ntags: [t]\n---\n"),
                (
                    "red/b.md",
                    "---\nid: KB-2\ntitle: B\ntags: [t]\nunlisted: true\n---\n",
                ),
            ],
            &[],
        )
        .unwrap();
        let at = |rel: &str| model.article_by_source(rel).unwrap();
        let (a, b) = (at("red/a.md"), at("red/b.md"));
        let listed: Vec<usize> = model.listed().map(|(i, _)| i).collect();
        assert_eq!(listed, [a]);
        assert_eq!(model.recently_updated("es"), [a]);
        let red = model.section_of(b).unwrap();
        assert_eq!(model.section_of(a), Some(red));
        assert_eq!(model.sections[red].articles, [a]);
        assert_eq!(model.sections[red].count, 1);
        assert_eq!(model.neighbour_list(b), None);
        assert!(model.section_window(b).is_empty());
        // It may offer the others; none offers it.
        assert!(model.related(a).is_empty());
        assert_eq!(model.related(b), [a]);
    }
}

//! The rebuild planner: what a change to the sources requires of a site
//! that was built before.
//!
//! In: the model of the last good build, and the changed paths with what
//! is at each now (read by the caller). Out: the step to take, cheapest
//! first:
//!
//! - [`Step::Bodies`]: only the bodies of existing articles changed (their
//!   front matter bytes are the same), so only their pages are rendered
//!   again; nothing any other page shows can have changed, unless their
//!   anchors did ([`after_bodies`]), which links into them may name.
//! - [`Step::Relink`]: only articles changed (edits, creates, renames,
//!   deletes, folders of articles), so the site is relinked and [`pages`]
//!   says which pages to render again: those of the articles that changed,
//!   whose path or translations changed, that show other articles that
//!   changed, or with a link that now leads elsewhere or into a changed
//!   article; with the pages that list articles. If the relinked site is
//!   framed differently (config, sections, home pages, assets), everything.
//! - [`Step::Everything`]: the config, the theme, an asset, an `_index.md`,
//!   anything outside `content/`, no change named, or no good build to
//!   start from (none yet, or the last rebuild failed).
//!
//! The planner reads no file and renders nothing: every decision is a
//! function of its inputs, so each is pinned by a unit test here, and the
//! dev server only executes the plans. Correctness is also checked end to
//! end by the byte-for-byte comparison with a clean build in
//! `tests/it/serve.rs`.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::discover;
use crate::link::{LinkTarget, Section, SiteModel};
use crate::parse;

/// What is at a changed path now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Now {
    /// Nothing: it was deleted, or renamed away.
    Gone,
    /// A folder.
    Folder,
    /// A file that does not read as text (an image).
    File,
    /// A file, with its text.
    Text(Arc<str>),
}

/// A changed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A path outside `content/` (the config, the theme), or one whose
    /// name is not UTF-8.
    Outside,
    /// A path under `content/`.
    Content {
        /// Its `/`-separated path relative to `content/`.
        rel: String,
        /// What is there now.
        now: Now,
    },
}

/// An article of the last build whose body alone changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// Its index in [`SiteModel::articles`].
    pub index: usize,
    /// Its file's new text.
    pub text: Arc<str>,
}

/// What to do first after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Render the pages of these articles again with their new texts, then
    /// ask [`after_bodies`] whether that was all.
    Bodies(Vec<Body>),
    /// Relink the site, then ask [`pages`] what to render again. `files`
    /// are the changed paths that are not folders: each must be an article
    /// of the last build or of the relinked one.
    Relink {
        /// The changed files, relative to `content/`.
        files: Vec<String>,
    },
    /// Rebuild the whole site.
    Everything,
}

/// What to render again after relinking, when the site is framed as it
/// was (see [`pages`]). The pages that list articles (sections, tags,
/// tiers, home pages, the redirects not kept) and the help widget's files
/// are always rendered again: they show every article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pages {
    /// For each article of the relinked model, its index in the last
    /// build's, if it was there (the same source file).
    pub old_of: Vec<Option<usize>>,
    /// The articles of the relinked model whose pages are rendered again,
    /// ascending.
    pub render: Vec<usize>,
    /// Site paths whose pages of the last build are served again as they
    /// were: those of the articles not rendered again, and of the
    /// redirects to them.
    pub keep: Vec<String>,
}

/// Whether `change` matters to the site built as `previous`: it exists
/// now (an article, an asset, a folder, an `_index.md`), or it was an
/// article, an asset or a folder of that build. What is left are editors'
/// temporary files, written and renamed away within one batch of changes.
pub fn significant(previous: Option<&SiteModel>, change: &Change) -> bool {
    let (Some(model), Change::Content { rel, now }) = (previous, change) else {
        return true;
    };
    *now != Now::Gone
        || model.article_by_source(rel).is_some()
        || model.has_article_in(rel)
        || model.has_asset_at(rel)
}

/// The first step after `changes`, given the model of the last build if
/// it was good (`None` before the first build and after a failed one: only
/// a full rebuild can tell whether a problem is gone).
pub fn first(previous: Option<&SiteModel>, changes: &[Change]) -> Step {
    let Some(previous) = previous else {
        return Step::Everything;
    };
    match bodies(previous, changes) {
        Some(bodies) => Step::Bodies(bodies),
        None => relink(previous, changes),
    }
}

/// After the pages of [`Step::Bodies`] were rendered again: `None` when
/// that is the whole rebuild, else the next step. `anchors` are the ids
/// each article of `previous` defined; `rendered` those that the articles
/// rendered again define now, by index. A changed anchor may break or mend
/// a link in another page, so the site is relinked.
pub fn after_bodies<'a>(
    previous: &SiteModel,
    changes: &[Change],
    anchors: &[BTreeSet<String>],
    rendered: impl IntoIterator<Item = (usize, &'a BTreeSet<String>)>,
) -> Option<Step> {
    rendered
        .into_iter()
        .any(|(index, now)| *now != anchors[index])
        .then(|| relink(previous, changes))
}

/// What to render again once the site built as `old` was relinked as
/// `new` after a [`Step::Relink`] of `files`; `None` when everything must
/// be. `old_links` are the links to other articles that each article of
/// `old` has, as written.
pub fn pages(
    old: &SiteModel,
    old_links: &[Vec<String>],
    new: &SiteModel,
    files: &[String],
) -> Option<Pages> {
    let article =
        |r: &String| new.article_by_source(r).is_some() || old.article_by_source(r).is_some();
    if !files.iter().all(article) || !same_frame(old, new) {
        return None;
    }
    let relinked = Relinked::new(old, new);
    let render: Vec<usize> = (0..new.articles.len())
        .filter(|&i| relinked.must_render(i, old_links))
        .collect();
    let rendered: BTreeSet<usize> = render.iter().copied().collect();
    let articles = relinked
        .old_of
        .iter()
        .enumerate()
        .filter(|(i, _)| !rendered.contains(i))
        .filter_map(|(_, o)| o.map(|o| old.articles[o].path.clone()));
    let redirects = new
        .redirects
        .iter()
        .filter(|r| !rendered.contains(&r.to))
        .map(|r| r.from.clone());
    let keep = articles.chain(redirects).collect();
    Some(Pages {
        old_of: relinked.old_of,
        render,
        keep,
    })
}

/// The articles whose files changed, if every change is a body edit of an
/// article of `previous`: the same front matter bytes.
fn bodies(previous: &SiteModel, changes: &[Change]) -> Option<Vec<Body>> {
    let mut bodies = Vec::new();
    for change in changes {
        let Change::Content {
            rel,
            now: Now::Text(text),
        } = change
        else {
            return None;
        };
        let index = previous.article_by_source(rel)?;
        if !previous.articles[index].article.same_header(text) {
            return None;
        }
        bodies.push(Body {
            index,
            text: text.clone(),
        });
    }
    (!bodies.is_empty()).then_some(bodies)
}

/// [`Step::Relink`] when every change is to an article or a folder, else
/// [`Step::Everything`]. Folders come with the events of what changed in
/// them, and the relinked model says what that was; any other file (an
/// asset, an `_index.md`) changes more than articles.
fn relink(previous: &SiteModel, changes: &[Change]) -> Step {
    if changes.is_empty() {
        return Step::Everything;
    }
    let mut files = Vec::new();
    for change in changes {
        let Change::Content { rel, now } = change else {
            return Step::Everything;
        };
        if *now == Now::Folder || previous.has_article_in(rel) {
            continue;
        }
        if !discover::may_be_article(rel) {
            return Step::Everything;
        }
        files.push(rel.clone());
    }
    Step::Relink { files }
}

/// A site and its relinked version, article by article.
struct Relinked<'a> {
    old: &'a SiteModel,
    new: &'a SiteModel,
    /// For each new article, the old one with its source file.
    old_of: Vec<Option<usize>>,
    /// For each new article, whether it is new or its text changed.
    edited: Vec<bool>,
}

impl<'a> Relinked<'a> {
    fn new(old: &'a SiteModel, new: &'a SiteModel) -> Self {
        let old_of: Vec<Option<usize>> = new
            .articles
            .iter()
            .map(|a| old.article_by_source(&a.article.rel))
            .collect();
        let edited = old_of
            .iter()
            .zip(new.articles.iter())
            .map(|(o, a)| o.is_none_or(|o| old.articles[o].article.text != a.article.text))
            .collect();
        Self {
            old,
            new,
            old_of,
            edited,
        }
    }

    /// Whether the page of new article `i` may differ from its old one:
    /// it is new or edited, its path or translations changed, it shows
    /// other articles that changed (its section's neighbours, its related
    /// articles), or one of its links leads elsewhere now.
    fn must_render(&self, i: usize, old_links: &[Vec<String>]) -> bool {
        let Some(o) = self.old_of[i] else {
            return true;
        };
        let (old, new) = (self.old, self.new);
        self.edited[i]
            || new.articles[i].path != old.articles[o].path
            || translations(new, i) != translations(old, o)
            || new.shown_with(i) != old.shown_with(o)
            || old_links[o].iter().any(|dest| self.moved(i, o, dest))
    }

    /// Whether the link `dest`, which article `o` of the old model and `i`
    /// of the new one both have, leads to another page now, or into an
    /// article whose anchors may have changed.
    fn moved(&self, i: usize, o: usize, dest: &str) -> bool {
        let target = |m: &SiteModel, from: usize| match m.resolve(from, dest) {
            LinkTarget::Article { index, .. } => Some(index),
            _ => None,
        };
        match (target(self.old, o), target(self.new, i)) {
            (Some(before), Some(now)) => {
                self.edited[now]
                    || self.old_of[now] != Some(before)
                    || self.new.articles[now].path != self.old.articles[before].path
            }
            _ => true,
        }
    }
}

/// The source files of the translations of article `i` of `model`.
fn translations(model: &SiteModel, i: usize) -> BTreeSet<&str> {
    model.articles[i]
        .translations
        .iter()
        .map(|&t| model.articles[t].article.rel.as_str())
        .collect()
}

/// Whether every page that does not list articles frames them the same in
/// `old` and `new`: the same configuration, sections (their lists and
/// counts of articles aside), home pages and assets.
fn same_frame(old: &SiteModel, new: &SiteModel) -> bool {
    type Frame<'a> = (
        &'a str,
        &'a str,
        &'a str,
        &'a str,
        i64,
        &'a str,
        Option<usize>,
        &'a [usize],
        Option<&'a parse::SectionPage>,
    );
    fn frame(s: &Section) -> Frame<'_> {
        let Section {
            id,
            lang,
            title,
            description,
            order,
            path,
            parent,
            children,
            landing,
            articles: _,
            count: _,
            article: _,
            pages: _,
        } = s;
        (
            id,
            lang,
            title,
            description,
            *order,
            path,
            *parent,
            children,
            landing.as_deref(),
        )
    }
    old.config == new.config
        && old.assets == new.assets
        && old.homes == new.homes
        && old
            .sections
            .iter()
            .map(frame)
            .eq(new.sections.iter().map(frame))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::testing::linked;

    /// Links to KB-3 (vpn/c.md), in the section `red` with B and E.
    const A: &str = "---\nid: KB-1\ntitle: A\n---\n## Uno\n\nSee [C](KB-3).\n";
    const B: &str = "---\nid: KB-2\ntitle: B\n---\nB.\n";
    const E: &str = "---\nid: KB-5\ntitle: E\n---\nE.\n";
    /// Alone in the section `vpn`.
    const C: &str = "---\nid: KB-3\ntitle: C\n---\nC.\n";
    /// B's English version, alone in the English section `red`.
    const B_EN: &str = "---\nid: KB-2\ntitle: B en\n---\nB.\n";

    /// A's English version.
    const A_EN: &str = "---\nid: KB-1\ntitle: A en\n---\nA.\n";

    /// The site every test starts from.
    const BASE: [(&str, &str); 5] = [
        ("red/a.md", A),
        ("red/b.md", B),
        ("red/e.md", E),
        ("vpn/c.md", C),
        ("red/b.en.md", B_EN),
    ];

    fn site(files: &[(&str, &str)]) -> SiteModel {
        linked(files, &[]).unwrap()
    }

    /// `BASE` with each `rel` given `text`, or left out when `text` is `None`.
    fn base_with<'a>(changes: &[(&'a str, Option<&'a str>)]) -> Vec<(&'a str, &'a str)> {
        let mut files: Vec<(&str, &str)> = BASE
            .into_iter()
            .filter(|(rel, _)| !changes.iter().any(|(r, _)| r == rel))
            .collect();
        files.extend(changes.iter().filter_map(|&(rel, text)| Some((rel, text?))));
        files
    }

    fn text(rel: &str, text: &str) -> Change {
        Change::Content {
            rel: rel.to_owned(),
            now: Now::Text(Arc::from(text)),
        }
    }

    fn at(rel: &str, now: Now) -> Change {
        Change::Content {
            rel: rel.to_owned(),
            now,
        }
    }

    fn index(model: &SiteModel, rel: &str) -> usize {
        model.article_by_source(rel).unwrap()
    }

    /// The links that rendering found in each article of `model`: A's.
    fn links(model: &SiteModel) -> Vec<Vec<String>> {
        model
            .articles
            .iter()
            .map(|a| match a.article.rel.as_str() {
                "red/a.md" => vec!["KB-3".to_owned()],
                _ => Vec::new(),
            })
            .collect()
    }

    /// The plan after `BASE` became `new` through `changes`, which must
    /// call for relinking.
    fn relinked(new: &[(&str, &str)], changes: &[Change]) -> (Option<Pages>, SiteModel) {
        let old = site(&BASE);
        let new = site(new);
        let Step::Relink { files } = first(Some(&old), changes) else {
            panic!("{:?}", first(Some(&old), changes));
        };
        (pages(&old, &links(&old), &new, &files), new)
    }

    /// [`assert_renders`] for the plan after each file `rel` of `BASE` was
    /// given `text`, or deleted when it is `None`.
    fn assert_renders_after(edits: &[(&str, Option<&str>)], expected: &[&str]) {
        let changes: Vec<Change> = edits
            .iter()
            .map(|&(rel, edited)| match edited {
                Some(edited) => text(rel, edited),
                None => at(rel, Now::Gone),
            })
            .collect();
        let (pages, new) = relinked(&base_with(edits), &changes);
        assert_renders(&pages.unwrap(), &new, expected);
    }

    /// The source files of the articles that `pages` renders again.
    fn rendered<'a>(pages: &Pages, new: &'a SiteModel) -> Vec<&'a str> {
        let mut rels: Vec<&str> = pages
            .render
            .iter()
            .map(|&i| new.articles[i].article.rel.as_str())
            .collect();
        rels.sort_unstable();
        rels
    }

    /// The plan renders `expected` again, and keeps the page of every other
    /// article and of every redirect to one.
    fn assert_renders(pages: &Pages, new: &SiteModel, expected: &[&str]) {
        assert_eq!(rendered(pages, new), expected);
        for (i, a) in new.articles.iter().enumerate() {
            let kept = pages.keep.contains(&a.path);
            assert_eq!(kept, !pages.render.contains(&i), "{}", a.article.rel);
        }
        for r in new.redirects.iter() {
            let kept = pages.keep.contains(&r.from);
            assert_eq!(kept, !pages.render.contains(&r.to), "{}", r.from);
        }
        assert_eq!(
            pages.keep.len(),
            new.articles.len() - pages.render.len()
                + new
                    .redirects
                    .iter()
                    .filter(|r| !pages.render.contains(&r.to))
                    .count()
        );
    }

    #[test]
    fn a_body_edit_renders_that_article_alone() {
        let old = site(&BASE);
        let edited = A.replace("See", "Read");
        let step = first(Some(&old), &[text("red/a.md", &edited)]);
        let expected = vec![Body {
            index: index(&old, "red/a.md"),
            text: Arc::from(edited),
        }];
        assert_eq!(step, Step::Bodies(expected));
    }

    #[test]
    fn a_body_edit_that_keeps_the_anchors_is_the_whole_rebuild() {
        let old = site(&BASE);
        let a = index(&old, "red/a.md");
        let changes = [text("red/a.md", &A.replace("See", "Read"))];
        let anchors = vec![BTreeSet::new(); old.articles.len()];
        let mut same = anchors.clone();
        same[a].insert("uno".to_owned());
        assert_eq!(after_bodies(&old, &changes, &same, [(a, &same[a])]), None);
    }

    #[test]
    fn a_body_edit_that_changes_the_anchors_relinks() {
        let old = site(&BASE);
        let a = index(&old, "red/a.md");
        let changes = [text("red/a.md", &A.replace("## Uno", "## Dos"))];
        let mut anchors = vec![BTreeSet::new(); old.articles.len()];
        anchors[a].insert("uno".to_owned());
        let now = BTreeSet::from(["dos".to_owned()]);
        let expected = Step::Relink {
            files: vec!["red/a.md".to_owned()],
        };
        assert_eq!(
            after_bodies(&old, &changes, &anchors, [(a, &now)]),
            Some(expected)
        );
    }

    #[test]
    fn a_front_matter_edit_relinks_and_renders_that_article() {
        let edited = B_EN.replace("title: B en", "title: B in English");
        assert_renders_after(&[("red/b.en.md", Some(&edited))], &["red/b.en.md"]);
    }

    #[test]
    fn an_edit_of_a_link_target_renders_the_articles_linking_to_it() {
        let edited = C.replace("title: C", "title: C2");
        assert_renders_after(&[("vpn/c.md", Some(&edited))], &["red/a.md", "vpn/c.md"]);
    }

    #[test]
    fn a_renamed_link_target_renders_the_articles_linking_to_it() {
        assert_renders_after(
            &[("vpn/c.md", None), ("vpn/c2.md", Some(C))],
            &["red/a.md", "vpn/c2.md"],
        );
    }

    #[test]
    fn a_changed_neighbour_in_the_section_renders_the_articles_showing_it() {
        let edited = B.replace("title: B", "title: Be");
        // A and E show B's title beside them; C and B's translation do not.
        assert_renders_after(
            &[("red/b.md", Some(&edited))],
            &["red/a.md", "red/b.md", "red/e.md"],
        );
    }

    #[test]
    fn a_new_article_renders_it_and_its_neighbours() {
        let d = "---\nid: KB-4\ntitle: D\n---\nD.\n";
        assert_renders_after(
            &[("red/d.md", Some(d))],
            &["red/a.md", "red/b.md", "red/d.md", "red/e.md"],
        );
    }

    #[test]
    fn a_deleted_article_renders_its_neighbours() {
        assert_renders_after(&[("red/e.md", None)], &["red/a.md", "red/b.md"]);
    }

    #[test]
    fn a_renamed_article_renders_it_and_its_neighbours() {
        assert_renders_after(
            &[("red/e.md", None), ("red/f.md", Some(E))],
            &["red/a.md", "red/b.md", "red/f.md"],
        );
    }

    #[test]
    fn an_added_translation_renders_the_articles_it_translates() {
        // A for its translations; B's English version for its new neighbour.
        assert_renders_after(
            &[("red/a.en.md", Some(A_EN))],
            &["red/a.en.md", "red/a.md", "red/b.en.md"],
        );
    }

    #[test]
    fn a_removed_translation_renders_the_article_it_translated() {
        let old = site(&base_with(&[("red/a.en.md", Some(A_EN))]));
        let new = site(&BASE);
        let changes = [at("red/a.en.md", Now::Gone)];
        let Step::Relink { files } = first(Some(&old), &changes) else {
            panic!("{:?}", first(Some(&old), &changes));
        };
        let pages = pages(&old, &links(&old), &new, &files).unwrap();
        assert_renders(&pages, &new, &["red/a.md", "red/b.en.md"]);
    }

    #[test]
    fn a_new_folder_of_articles_is_a_new_section_so_everything() {
        let d = "---\nid: KB-4\ntitle: D\n---\nD.\n";
        let changes = [at("faq", Now::Folder), text("faq/d.md", d)];
        let old = site(&BASE);
        assert_eq!(
            first(Some(&old), &changes),
            Step::Relink {
                files: vec!["faq/d.md".to_owned()]
            }
        );
        let (pages, _) = relinked(&base_with(&[("faq/d.md", Some(d))]), &changes);
        assert_eq!(pages, None);
    }

    #[test]
    fn a_deleted_folder_of_articles_relinks_and_its_gone_section_rebuilds_everything() {
        let changes = [at("vpn", Now::Gone)];
        let old = site(&BASE);
        assert_eq!(
            first(Some(&old), &changes),
            Step::Relink { files: Vec::new() }
        );
        let (pages, _) = relinked(&base_with(&[("vpn/c.md", None)]), &changes);
        assert_eq!(pages, None);
    }

    #[test]
    fn a_changed_file_that_no_site_has_as_an_article_rebuilds_everything() {
        let old = site(&BASE);
        let files = ["red/notes.md".to_owned()];
        assert_eq!(pages(&old, &links(&old), &old, &files), None);
    }

    #[test]
    fn an_asset_that_appears_on_relinking_rebuilds_everything() {
        let old = site(&BASE);
        let new = linked(&BASE, &["red/x.png"]).unwrap();
        let files = ["red/a.md".to_owned()];
        assert_eq!(pages(&old, &links(&old), &new, &files), None);
        let same = pages(&old, &links(&old), &old, &files).unwrap();
        assert_renders(&same, &old, &[]);
    }

    #[test]
    fn changes_beyond_articles_rebuild_everything() {
        let old = site(&BASE);
        let everything = [
            vec![Change::Outside],
            vec![text("red/_index.md", "---\ntitle: Red\n---\n")],
            vec![text("_index.md", "Home.\n")],
            vec![at("red/x.png", Now::File)],
            vec![text("red/a.md", A), Change::Outside],
            vec![],
        ];
        for changes in everything {
            assert_eq!(first(Some(&old), &changes), Step::Everything, "{changes:?}");
        }
        let body = [text("red/a.md", &A.replace("See", "Read"))];
        assert_eq!(first(None, &body), Step::Everything);
    }

    #[test]
    fn a_body_edit_with_another_change_relinks() {
        let old = site(&BASE);
        let body = text("red/a.md", &A.replace("See", "Read"));
        let changes = [body, at("red/e.md", Now::Gone)];
        let expected = Step::Relink {
            files: vec!["red/a.md".to_owned(), "red/e.md".to_owned()],
        };
        assert_eq!(first(Some(&old), &changes), expected);
    }

    #[test]
    fn editors_temporary_files_are_not_significant() {
        let old = site(&BASE);
        let old = Some(&old);
        for gone in ["red/.a.md.swp", "red/a.md~", "red/4913"] {
            assert!(!significant(old, &at(gone, Now::Gone)), "{gone}");
        }
        // A temporary file still there is a change like any other file.
        let temp = at("red/a.md~", Now::Text(Arc::from("x")));
        assert!(significant(old, &temp));
        assert_eq!(first(old, &[temp]), Step::Everything);
        for was in ["red/a.md", "red", "vpn"] {
            assert!(significant(old, &at(was, Now::Gone)), "{was}");
        }
        assert!(significant(old, &Change::Outside));
        assert!(significant(None, &at("red/.a.md.swp", Now::Gone)));
    }
}

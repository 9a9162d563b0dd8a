//! The rebuild planner: what a change to the sources requires of a site
//! that was built before.
//!
//! In: the model of the last good build, and the changed paths with what
//! is at each now (read by the caller). Out: the step to take, cheapest
//! first:
//!
//! - [`Step::Bodies`]: only the bodies of existing articles changed (their
//!   front matter bytes are the same, and so are the files they refer to
//!   in and outside internal blocks), so only their pages are rendered
//!   again; nothing any other page shows can have changed, unless their
//!   anchors did ([`after_bodies`]), which links into them may name.
//! - [`Step::Relink`]: only articles changed (edits, creates, renames,
//!   deletes, folders of articles), so the site is relinked and [`pages`]
//!   says which pages to render again: those of the articles that changed,
//!   whose path or translations changed, that show other articles that
//!   changed, or with a link that now leads elsewhere or into a changed
//!   article; with the pages that list articles whose lists changed. If
//!   the relinked site is framed differently (config, sections, home
//!   pages, assets), everything.
//! - [`Step::Everything`]: the config, the theme, an asset, an `_index.md`,
//!   anything outside `content/`, no change named, or no good build to
//!   start from (none yet, or the last rebuild failed).
//!
//! The planner reads no file and renders nothing: every decision is a
//! function of its inputs, so each is pinned by a unit test here, and the
//! dev server only executes the plans. Correctness is also checked end to
//! end by the byte-for-byte comparison with a clean build in
//! `tests/it/serve.rs`.

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::sync::Arc;

use rayon::prelude::*;

use crate::link::{LinkTarget, Section, SiteModel};
use crate::{discover, parse, references};

pub mod digest;

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
/// was (see [`pages`]). The help widget's files are always rendered
/// again; a page that lists articles is rendered again unless it lists
/// the same articles, none of them [`Pages::changed`], with the same
/// counts (the caller compares its `render::Listing`s).
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
    /// The articles of the relinked model that are new, or whose text or
    /// path changed, ascending: only their entries in lists of articles
    /// may have changed (a subset of `render`, which also has the articles
    /// whose pages show one of these).
    pub changed: Vec<usize>,
}

impl Pages {
    /// The index in the last build of article `i` of the relinked model,
    /// if it was there and is not [`Pages::changed`].
    pub fn unchanged(&self, i: usize) -> Option<usize> {
        match self.changed.binary_search(&i) {
            Ok(_) => None,
            Err(_) => self.old_of[i],
        }
    }
}

/// Whether `change` matters to the site built as `previous`, whose
/// problems named the content-relative paths `reported`: it exists now
/// (an article, an asset, a folder, an `_index.md`), or it was an
/// article, an asset or a folder of that build, or a file that shapes the
/// site ([`discover::shapes_the_site`]), or a path (or in a
/// folder) that build reported a problem at (a file left out for its
/// errors, a link loop), whose problem goes with it, or that a page of it
/// included (a listing, which need be neither an article nor an asset).
/// What is left are editors' temporary files, written and renamed away
/// within one batch of changes.
pub fn significant(
    previous: Option<&SiteModel>,
    reported: &BTreeSet<String>,
    change: &Change,
) -> bool {
    let (Some(model), Change::Content { rel, now }) = (previous, change) else {
        return true;
    };
    *now != Now::Gone
        || model.article_by_source(rel).is_some()
        || model.has_article_in(rel)
        || model.has_asset_at(rel)
        || discover::shapes_the_site(rel)
        || at_or_in(reported, rel)
        || at_or_in(&model.included_files(), rel)
}

/// Whether `paths` holds the path `rel` or one in the folder `rel`.
fn at_or_in<T: Borrow<str> + Ord>(paths: &BTreeSet<T>, rel: &str) -> bool {
    let inside = format!("{rel}/");
    paths.contains(rel)
        || paths
            .range::<str, _>((Bound::Included(inside.as_str()), Bound::Unbounded))
            .next()
            .is_some_and(|path| path.borrow().starts_with(&inside))
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
    anchors: &[impl Borrow<BTreeSet<String>>],
    rendered: impl IntoIterator<Item = (usize, &'a BTreeSet<String>)>,
) -> Option<Step> {
    rendered
        .into_iter()
        .any(|(index, now)| now != anchors[index].borrow())
        .then(|| relink(previous, changes))
}

/// What to render again once the site built as `old` was relinked as
/// `new` after a [`Step::Relink`] of `files`; `None` when everything must
/// be. `old_links` are the links to other articles that each article of
/// `old` has, as written.
pub fn pages(
    old: &SiteModel,
    old_links: &[impl AsRef<[String]> + Sync],
    new: &SiteModel,
    files: &[String],
) -> Option<Pages> {
    let article =
        |r: &String| new.article_by_source(r).is_some() || old.article_by_source(r).is_some();
    if !files.iter().all(article) || !same_frame(old, new) {
        return None;
    }
    let relinked = Relinked::new(old, new);
    // Each article is weighed on its own: on every core (55 ms on one at
    // 10,000 articles).
    let render: Vec<usize> = (0..new.articles.len())
        .into_par_iter()
        .filter(|&i| relinked.must_render(i, old_links))
        .collect();
    let changed: Vec<usize> = (0..new.articles.len())
        .filter(|&i| relinked.changed(i))
        .collect();
    let rendered: BTreeSet<usize> = render.iter().copied().collect();
    let articles = relinked
        .old_of
        .iter()
        .enumerate()
        .filter(|(i, _)| !rendered.contains(i))
        .filter_map(|(_, o)| o.map(|o| old.articles[o].path.clone()));
    // A redirect page shows its article's title, description and path
    // only: it is kept if it led to the same article, which is unchanged.
    // One to a section is rendered again with the sections.
    let old_redirects: BTreeMap<&str, usize> = old
        .redirects
        .iter()
        .filter_map(|r| Some((r.from.as_str(), r.article()?)))
        .collect();
    let redirects = new
        .redirects
        .iter()
        .filter(|r| {
            r.article().is_some_and(|to| {
                changed.binary_search(&to).is_err()
                    && old_redirects.get(r.from.as_str()).copied() == relinked.old_of[to]
            })
        })
        .map(|r| r.from.clone());
    let keep = articles.chain(redirects).collect();
    Some(Pages {
        old_of: relinked.old_of,
        render,
        keep,
        changed,
    })
}

/// The articles whose files changed, if every change is a body edit of an
/// article of `previous` that no page includes: the same front matter
/// bytes, and the same files referred to inside and outside internal
/// blocks (which decide the images and attachments an edition publishes).
fn bodies(previous: &SiteModel, changes: &[Change]) -> Option<Vec<Body>> {
    let included = previous.included_files();
    let mut bodies = Vec::new();
    for change in changes {
        let Change::Content {
            rel,
            now: Now::Text(text),
        } = change
        else {
            return None;
        };
        if included.contains(rel.as_str()) {
            return None;
        }
        let index = previous.article_by_source(rel)?;
        let article = &previous.articles[index].article;
        if !article.same_header(text) {
            return None;
        }
        let file = article.file();
        let after = &text[file.body_start..];
        if !references::same_references(rel, file.body(), after, &crate::urls::content_file_from)
            || !crate::parse::same_toctrees(file.body(), after)
        {
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
    /// For each new article, whether it is new, or its text or what it
    /// includes changed.
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
            .map(|(o, a)| {
                o.is_none_or(|o| {
                    let old = &old.articles[o].article;
                    old.text != a.article.text || old.included != a.article.included
                })
            })
            .collect();
        Self {
            old,
            new,
            old_of,
            edited,
        }
    }

    /// Whether new article `i` is new, or its text, path, state
    /// ([`parse::Article::state`]) or id changed, which other files may
    /// decide (an id another folder's article shares: `link::ids`).
    fn changed(&self, i: usize) -> bool {
        self.old_of[i].is_none_or(|o| {
            let (new, old) = (&self.new.articles[i], &self.old.articles[o]);
            self.edited[i]
                || new.path != old.path
                || new.article.state() != old.article.state()
                || new.article.id != old.article.id
        })
    }

    /// Whether the page of new article `i` may differ from its old one:
    /// it is new or edited, its path or translations changed, it shows
    /// other articles that changed (its section's neighbours, its related
    /// articles), or one of its links leads elsewhere now.
    fn must_render(&self, i: usize, old_links: &[impl AsRef<[String]>]) -> bool {
        let Some(o) = self.old_of[i] else {
            return true;
        };
        let (old, new) = (self.old, self.new);
        self.changed(i)
            || translations(new, i) != translations(old, o)
            || new.shown_with(i) != old.shown_with(o)
            || old_links[o]
                .as_ref()
                .iter()
                .any(|dest| self.moved(i, o, dest))
    }

    /// Whether the link `dest`, which article `o` of the old model and `i`
    /// of the new one both have, leads to another page now, or into an
    /// article whose anchors may have changed. A link that led to no
    /// article may lead to one now (its target was written, renamed or
    /// published), or fail for another reason.
    fn moved(&self, i: usize, o: usize, dest: &str) -> bool {
        match (self.old.resolve(o, dest), self.new.resolve(i, dest)) {
            (LinkTarget::Article { index: before, .. }, LinkTarget::Article { index: now, .. }) => {
                self.edited[now]
                    || self.old_of[now] != Some(before)
                    || self.new.articles[now].path != self.old.articles[before].path
            }
            (before, now) => before != now,
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

/// What the page of every article shows of section `s`: all of it but
/// its lists and counts of articles.
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

/// Whether every page that does not list articles frames them the same in
/// `old` and `new`: the same configuration, sections (their lists and
/// counts of articles aside), home pages and assets.
fn same_frame(old: &SiteModel, new: &SiteModel) -> bool {
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
mod tests;

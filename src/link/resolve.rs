//! Where a link written in a page points.
//!
//! Links are read as authors write them for tier0 (an article id, the
//! relative path of a `.md` file) and as other generators let them write
//! them: a path without its extension (`../install`), a folder
//! (`../install/`, `/docs/install/#step`, which means its `index.md`,
//! `README.md` or `_index.md`), an `.html` page, Zola's `@/` for the content
//! folder. A link that starts at the site root is tried from the content
//! folder, then with its first part taken off (docs folders are often
//! published under `/docs/`), and is left alone when it names nothing of
//! the site: it may lead to another part of the organisation's website.
//!
//! A docs folder is often one part of the content folder (`content/docs/`,
//! or Zola's `content/` inside it), while its links start at its own root:
//! `@/`, root and relative paths that name no file are looked for as the
//! end of a page's path, when one page only ends so (Docusaurus, too,
//! reads a relative path from its docs root when not from the file).
//! A path that names no file there either is looked for in the project's
//! assets (`site-assets/`), as Hugo looks an image up among its global
//! resources when the page has none of that name.
//! A path that names nothing else and is the label of a MyST target
//! (`(how-frozen)=`) on one page leads there, as Sphinx resolves it; so
//! does a fragment that names no label of its own page but one of another
//! (`[](#how-frozen)`, as MyST and Jupyter Book write references); one
//! written as a Python object's name (`acme.processors`) is such a
//! reference to the API documentation, which tier0 does not publish.

use std::collections::BTreeMap;

use super::{SiteModel, Withheld};
use crate::discover::{MARKDOWN_EXTENSIONS, is_markdown};
use crate::landing::{join_relative, split_dir};
use crate::parse::SectionPath;
use crate::slug;
use crate::urls::has_scheme;

mod site_root;

pub(super) use site_root::asset_named;

/// What defines a MyST target label (`(label)=`): an article, or a
/// section's landing page (Sphinx's `folder/index.md`), by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelOwner {
    Article(usize),
    Section(usize),
}

/// The articles and landing pages that define each MyST target label.
pub(super) fn labels(
    articles: &[std::sync::Arc<super::LinkedArticle>],
    sections: &[super::Section],
) -> BTreeMap<String, Vec<LabelOwner>> {
    let mut by_label: BTreeMap<String, Vec<LabelOwner>> = BTreeMap::new();
    let of_articles = articles.iter().enumerate().flat_map(|(i, a)| {
        (a.article.labels.iter()).map(move |label| (label, LabelOwner::Article(i)))
    });
    let of_sections = sections.iter().enumerate().flat_map(|(i, s)| {
        (s.landing.iter().flat_map(|page| &page.labels))
            .map(move |label| (label, LabelOwner::Section(i)))
    });
    for (label, owner) in of_articles.chain(of_sections) {
        by_label.entry(label.clone()).or_default().push(owner);
    }
    by_label
}

/// Where an internal link points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// An article, maybe at an anchor.
    Article {
        /// Index in [`SiteModel::articles`].
        index: usize,
        /// The fragment, without `#`.
        anchor: Option<String>,
    },
    /// A section's page or the home page, maybe at an anchor.
    Page {
        /// Its site path.
        path: String,
        /// The fragment, without `#`.
        anchor: Option<String>,
    },
    /// A file copied from `content/`, by its site path.
    Asset(String),
    /// A link tier0 leaves alone (external, mailto, plain anchor, a site
    /// path that is not one of the content folder's).
    External,
    /// An internal link to something that does not exist.
    Missing(String),
    /// An article this edition withholds (internal, or a draft): a broken
    /// link as [`LinkTarget::Missing`] is, but the page shows its text
    /// only, so that the withheld article's path or id, which name what it
    /// is about, never reach the edition.
    Withheld(String),
    /// An article this edition leaves out for its KCS state (archived, or
    /// not validated in a public edition of validated articles): the link
    /// keeps its text and loses its target, and the build goes on, so that
    /// archiving an article never breaks the articles that cite it.
    Unpublished(String),
    /// A target that names no file and no label of the site and is written
    /// as a Python object's dotted name (`[processors](acme.processors)`):
    /// MyST lets Sphinx resolve it against the API documentation, which
    /// tier0 does not publish. The page shows the link's text only.
    Reference(String),
}

/// What a path of the content folder names.
enum Found {
    Target(LinkTarget),
    /// A Markdown file that is not in this build: [`LinkTarget::Missing`]
    /// or [`LinkTarget::Unpublished`], with why.
    Missing(LinkTarget),
    Nothing,
}

impl Found {
    /// The link's target, or why it has none (`nothing` when the path
    /// names no Markdown file either).
    fn or_missing(self, nothing: impl FnOnce() -> String) -> LinkTarget {
        match self {
            Self::Target(t) => t,
            Self::Missing(target) => target,
            Self::Nothing => LinkTarget::Missing(nothing()),
        }
    }
}

impl SiteModel {
    /// Resolves the link `dest` written in the article `from`.
    pub fn resolve(&self, from: usize, dest: &str) -> LinkTarget {
        let a = &self.articles[from].article;
        self.resolve_in(&a.rel, &a.lang, dest)
    }

    /// Resolves the link `dest` written in the content file `rel` (an
    /// article or a landing page) in `lang`.
    pub fn resolve_in(&self, rel: &str, lang: &str, dest: &str) -> LinkTarget {
        // A full URL of either edition is left as written, unless it is
        // the address of an article this build leaves out, which it names.
        if let Some(path) = self.own_address(dest) {
            return match self.resolve_in(rel, lang, &format!("/{path}")) {
                t @ (LinkTarget::Withheld(_) | LinkTarget::Unpublished(_)) => t,
                _ => LinkTarget::External,
            };
        }
        // Docusaurus's way to link to a file past its client-side router.
        if let Some(path) = dest.strip_prefix("pathname://") {
            return self.resolve_in(rel, lang, path);
        }
        if dest.is_empty() || dest.starts_with('#') || dest.contains("://") {
            return LinkTarget::External;
        }
        // An empty fragment (`KB-1#`) is the top of the page, as in HTML:
        // no anchor to check.
        let (target, anchor) = match dest.split_once('#') {
            Some((t, a)) => (t, (!a.is_empty()).then(|| a.to_owned())),
            None => (dest, None),
        };
        let target = target.split('?').next().unwrap_or(target);
        if let Some(in_project) = target.strip_prefix("@site/") {
            return self.in_project(in_project, lang, anchor);
        }
        if let Some(from_root) = target.strip_prefix("@/") {
            return self
                .lookup(from_root, lang, anchor, true)
                .or_missing(|| format!("there is no file `{}`", self.shown(from_root)));
        }
        if has_scheme(dest) {
            return LinkTarget::External;
        }
        if let Some(from_root) = target.strip_prefix('/') {
            return self.site_root_path(target, from_root, lang, anchor);
        }
        if slug::is_identifier(target) && !target.contains('.') && looks_like_id(target) {
            return match self.find_by_id(target, lang) {
                Some(i) => LinkTarget::Article {
                    index: self.in_language(i, lang),
                    anchor,
                },
                None => self.missing(target, target, "no article has the id"),
            };
        }
        let decoded = decode(target);
        let Some(joined) = join_relative(split_dir(rel).0, &decoded) else {
            return self
                .outside_content(rel, lang, &decoded, anchor)
                .unwrap_or_else(|| {
                    LinkTarget::Missing(format!("`{target}` points outside the content folder"))
                });
        };
        let written = site_root::as_written(&decoded);
        match self.lookup(&joined, lang, anchor.clone(), false) {
            Found::Target(t) => t,
            missed => match self
                .originals(&joined)
                .find_map(
                    |original| match self.lookup(&original, lang, anchor.clone(), false) {
                        Found::Target(t) => Some(t),
                        _ => None,
                    },
                )
                .map_or_else(
                    || match self.lookup(written, lang, anchor.clone(), true) {
                        // Hugo's global resources: a path in its assets.
                        Found::Nothing => {
                            let asset = site_root::global_resource(written);
                            self.lookup(&asset, lang, anchor.clone(), false)
                        }
                        found => found,
                    },
                    Found::Target,
                ) {
                Found::Target(t) => t,
                again => {
                    // Nothing of that name anywhere: a MyST label, maybe.
                    let nothing = matches!((&missed, again), (Found::Nothing, Found::Nothing));
                    let label = nothing && anchor.is_none();
                    label
                        .then(|| self.labelled(target, lang))
                        .flatten()
                        .or_else(|| {
                            (label && super::object_names::is_object_name(&decoded))
                                .then(|| LinkTarget::Reference(decoded.to_string()))
                        })
                        .unwrap_or_else(|| {
                            missed.or_missing(|| {
                                format!("there is no file `{}`", self.shown(&joined))
                            })
                        })
                }
            },
        }
    }

    /// The paths where the original of the content-relative `rel` stands,
    /// when `rel` is in a language's folder (`fr/img/router.png`): the
    /// same path at the top (`img/router.png`) and in the default
    /// language's folder. A translation copied beside its original keeps
    /// the original's relative links, and Docusaurus resolves those
    /// against the original's folder too when the translation's misses
    /// them (an image left untranslated).
    fn originals(&self, rel: &str) -> impl Iterator<Item = String> {
        let config = &self.config;
        let rest = match config.language_folder(rel) {
            (Some(_), rest) => Some(rest),
            (None, _) => None,
        };
        rest.into_iter().flat_map(move |rest| {
            [
                rest.to_owned(),
                format!("{}/{rest}", config.default_language),
            ]
        })
    }

    /// The article, other than `from`, that defines the MyST target
    /// `label`, at it, when `from` defines no such label: MyST (Jupyter
    /// Book) resolves a fragment against every page's labels, so
    /// `[](#known-limitations)` leads to the page with
    /// `(known-limitations)=`.
    pub fn label_elsewhere(&self, from: usize, label: &str) -> Option<LinkTarget> {
        let a = &self.articles[from].article;
        if a.labels.iter().any(|l| l == label) {
            return None;
        }
        self.labelled(label, &a.lang)
            .filter(|t| !matches!(t, LinkTarget::Article { index, .. } if *index == from))
    }

    /// The article or section page that defines the MyST target `label`,
    /// at it: Sphinx lets a page link to a label of any other
    /// (`[text](how-frozen)` for `(how-frozen)=`), when one page (with its
    /// translations) does.
    fn labelled(&self, label: &str, lang: &str) -> Option<LinkTarget> {
        let anchor = Some(label.to_owned());
        let mut targets = self.by_label.get(label)?.iter().map(|owner| match *owner {
            LabelOwner::Article(i) => LinkTarget::Article {
                index: self.in_language(i, lang),
                anchor: anchor.clone(),
            },
            LabelOwner::Section(i) => {
                let index = self.section(&self.sections[i].id, lang).unwrap_or(i);
                let path = self.sections[index].path.clone();
                LinkTarget::Page {
                    path,
                    anchor: anchor.clone(),
                }
            }
        });
        let first = targets.next()?;
        targets.all(|t| t == first).then_some(first)
    }

    /// What the content-relative path `rel` names, read as a file, a page
    /// without its extension, or a folder; `anywhere`: or as the end of the
    /// path of one page.
    fn lookup(&self, rel: &str, lang: &str, anchor: Option<String>, anywhere: bool) -> Found {
        let trimmed = rel.trim_end_matches('/');
        let folder = trimmed.len() != rel.len();
        if !folder {
            if is_markdown(trimmed) {
                return self.markdown(trimmed, lang, anchor, anywhere);
            }
            if self
                .assets
                .binary_search_by(|a| a.rel.as_str().cmp(trimmed))
                .is_ok()
            {
                return Found::Target(LinkTarget::Asset(trimmed.to_owned()));
            }
        }
        // A file this build leaves out that the path may mean, should it
        // name nothing published: `plan/` for an internal `plan.md`.
        let mut left_out = None;
        let mut page = |rel: &str| match self.markdown(rel, lang, anchor.clone(), anywhere) {
            Found::Target(t) => Some(t),
            Found::Missing(t @ (LinkTarget::Withheld(_) | LinkTarget::Unpublished(_))) => {
                left_out.get_or_insert(t);
                None
            }
            _ => None,
        };
        // `install`, `install/` and `install.html` may all mean `install.md`.
        let stem = trimmed.strip_suffix(".html").unwrap_or(trimmed);
        if !stem.is_empty() {
            for ext in MARKDOWN_EXTENSIONS {
                if let Some(t) = page(&format!("{stem}{ext}")) {
                    return Found::Target(t);
                }
            }
        }
        let inside = if trimmed.is_empty() {
            String::new()
        } else {
            format!("{trimmed}/")
        };
        for name in ["index", "README", "readme", "_index"] {
            for ext in MARKDOWN_EXTENSIONS {
                if let Some(t) = page(&format!("{inside}{name}{ext}")) {
                    return Found::Target(t);
                }
            }
        }
        let (folder_lang, placed) = self.config.language_folder(trimmed);
        // A language folder is its home page.
        if folder_lang.is_some() && placed.is_empty() {
            let path = super::language_prefix(&self.config, lang);
            return Found::Target(LinkTarget::Page { path, anchor });
        }
        if let Some(id) = SectionPath::of(placed).id
            && let Some(index) = self.section(&id, lang)
        {
            let path = self.sections[index].path.clone();
            return Found::Target(LinkTarget::Page { path, anchor });
        }
        left_out.map_or(Found::Nothing, Found::Missing)
    }

    /// What the Markdown file `rel` is in this build; `anywhere`: or the
    /// one page whose path ends with `rel`.
    fn markdown(&self, rel: &str, lang: &str, anchor: Option<String>, anywhere: bool) -> Found {
        if let Some(&i) = self.by_source.get(rel) {
            return Found::Target(LinkTarget::Article {
                index: self.in_language(i, lang),
                anchor,
            });
        }
        if let Some(&i) = self.section_by_source.get(rel) {
            let s = &self.sections[i];
            let index = self.section(&s.id, lang).unwrap_or(i);
            let path = self.sections[index].path.clone();
            return Found::Target(LinkTarget::Page { path, anchor });
        }
        if self.homes.values().any(|h| h.rel == rel) {
            let path = super::language_prefix(&self.config, lang);
            return Found::Target(LinkTarget::Page { path, anchor });
        }
        if anywhere && let Some(full) = self.ending_with(rel) {
            return self.markdown(full, lang, anchor, false);
        }
        Found::Missing(self.missing(rel, &self.shown(rel), "there is no published article at"))
    }

    /// The content-relative `rel` as the site folder names it
    /// (`content/red/wifi.md`, or under the config's `content_dir`).
    fn shown(&self, rel: &str) -> String {
        self.config.source_path(rel).display().to_string()
    }

    /// The one published page whose source path ends with `/rel`, if one
    /// only does.
    fn ending_with(&self, rel: &str) -> Option<&str> {
        // A folder's page named alone (`index.md`) names no page in particular.
        if !rel.contains('/') && crate::landing::family(rel).is_some() {
            return None;
        }
        let tail = format!("/{rel}");
        let mut found = self
            .by_name
            .get(split_dir(rel).1)?
            .iter()
            .filter(|r| r.ends_with(&tail));
        let first = found.next()?;
        found.next().is_none().then_some(first.as_str())
    }

    /// The section `id` in `lang`, else in the default language.
    pub fn section(&self, id: &str, lang: &str) -> Option<usize> {
        let key = |l: &str| (id.to_owned(), l.to_owned());
        self.section_by_id
            .get(&key(lang))
            .or_else(|| self.section_by_id.get(&key(&self.config.default_language)))
            .copied()
    }

    /// Why the article `key` (an id or a source path, `shown` as such)
    /// cannot be linked to.
    pub(super) fn missing(&self, key: &str, shown: &str, otherwise: &str) -> LinkTarget {
        match self.withheld.get(key) {
            Some(&why) => withheld_target(why, shown),
            None => LinkTarget::Missing(format!("{otherwise} `{shown}`")),
        }
    }
}

/// The target of a link to `shown`, an article this build leaves out for `why`.
fn withheld_target(why: Withheld, shown: &str) -> LinkTarget {
    match why {
        Withheld::Internal => LinkTarget::Withheld(format!(
            "`{shown}` is an internal article, which only the agents' build has; \
             link to it from inside a `> [!INTERNAL]` block"
        )),
        Withheld::Draft => {
            LinkTarget::Withheld(format!("`{shown}` is a draft, which this build leaves out"))
        }
        Withheld::NotValidated => LinkTarget::Unpublished(format!(
            "`{shown}` is not validated yet, and this edition shows validated articles only"
        )),
        Withheld::Archived => LinkTarget::Unpublished(format!(
            "`{shown}` is archived, and this edition leaves archived articles out"
        )),
    }
}

fn decode(text: &str) -> std::borrow::Cow<'_, str> {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy()
}

/// `KB-1042` or `FAQ_12`: letters then digits, as article ids are written.
fn looks_like_id(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes().any(|b| b.is_ascii_alphabetic())
        && !s.contains('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_joins() {
        assert_eq!(join_relative("red", "../vpn/x.md"), Some("vpn/x.md".into()));
        assert_eq!(join_relative("red", "./x.md"), Some("red/x.md".into()));
        assert_eq!(
            join_relative("red/a", "../install/"),
            Some("red/install/".into())
        );
        assert_eq!(join_relative("red/a", ".."), Some("red/".into()));
        assert_eq!(join_relative("red", ".."), Some(String::new()));
        assert_eq!(join_relative("", "../x.md"), None);
    }

    #[test]
    fn a_myst_label_names_the_one_page_that_defines_it() {
        let model = crate::link::testing::linked(
            &[
                (
                    "guide/frozen.md",
                    "---\nid: KB-1\n---\n# Frozen\n\n(how-frozen)=\n",
                ),
                (
                    "guide/frozen.en.md",
                    "---\nid: KB-1\n---\n# Frozen\n\n(how-frozen)=\n",
                ),
                ("api/a.md", "# A\n\n(twice)=\n"),
                ("api/b.md", "# B\n\n(twice)=\n"),
                ("intro.md", "# Intro\n"),
            ],
            &[],
        )
        .unwrap();
        let from = model.article_by_source("intro.md").unwrap();
        let frozen = model.article_by_source("guide/frozen.md").unwrap();
        assert_eq!(
            model.resolve(from, "how-frozen"),
            LinkTarget::Article {
                index: frozen,
                anchor: Some("how-frozen".into())
            }
        );
        // A label two pages define, one with an anchor or a folder, and a
        // file that is not there stay broken links.
        for dest in ["twice", "how-frozen#x", "guide/how-frozen", "nothing"] {
            assert!(
                matches!(model.resolve(from, dest), LinkTarget::Missing(_)),
                "{dest}"
            );
        }
    }

    #[test]
    fn ids_and_schemes() {
        assert!(looks_like_id("KB-1042"));
        assert!(!looks_like_id("wifi"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("KB-1042"));
    }
}

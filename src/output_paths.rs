//! Who owns each path of the output.
//!
//! tier0 writes some files and folders of every site itself: the not-found
//! page, the feeds, the search index, the short links. [`GENERATED`] lists
//! them once; the render and index stages write them under these names,
//! and the link stage gives every other path of the site to one page or
//! file in a [`PathRegistry`], which refuses an article, category, alias
//! or asset that would land on or inside a generated path, or on a path
//! another one owns.
//!
//! Paths are compared as case-insensitive file systems (macOS, Windows)
//! compare names: a site copied there must not lose a page to another
//! whose path differs only in case. Each segment must also fit in a file
//! name ([`MAX_SEGMENT_BYTES`]).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use crate::diagnostics::Diagnostic;

/// The not-found page, at the site root.
pub const NOT_FOUND: &str = "404.html";
/// Every published article, for chatbots and ticketing tools, at the site root.
pub const ARTICLES_JSON: &str = "articles.json";
/// Rules for crawlers, at the site root.
pub const ROBOTS: &str = "robots.txt";
/// The sitemap, at the site root.
pub const SITEMAP: &str = "sitemap.xml";
/// The feed of each language, in its home folder.
pub const FEED: &str = "atom.xml";
/// The theme's files, at the site root.
pub const STATIC_DIR: &str = "static";
/// The browser's search index (at the site root) and the full results
/// page (`search/index.html`, in each language's home folder).
pub const SEARCH_DIR: &str = "search";
/// The help widget for other sites' pages, at the site root (docs/widget.md).
pub const WIDGET_JS: &str = "widget.js";
/// The help widget as an ES module, at the site root.
pub const WIDGET_MODULE: &str = "widget.mjs";
/// The article previews the help widget shows, at the site root.
pub const WIDGET_DIR: &str = "widget";
/// The permanent short links (`kb/KB-1042/`), in each language's home folder.
pub const SHORT_LINKS_DIR: &str = "kb";
/// The tier pages, in each language's home folder.
pub const TIERS_DIR: &str = "tiers";
/// The tag pages, in each language's home folder.
pub const TAGS_DIR: &str = "tags";
/// The agents' "what changed" page, in each language's home folder.
pub const CHANGES_DIR: &str = "changes";
/// The agents' insights report (`tier0 build --audience agents --insights DB`).
pub const INSIGHTS_DIR: &str = "insights";

/// The file a page at site path `path` is written to: `index.html` in its
/// folder (`guide/setup/index.html`, `index.html` for the home page), or
/// the path itself when it names a file (an old address `setup.html` that
/// redirects).
pub fn page_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

/// Where the file `rel` (`/`-separated, under the content folder) is
/// published: at the same path, but for GitBook's uploads, which
/// `.gitbook/assets/shot.png` is published at `gitbook/assets/shot.png`:
/// many servers refuse a path through a hidden folder (nginx's common
/// `location ~ /\.` rule), and GitHub Pages' Jekyll leaves it out; and
/// for Sphinx's static files, `_static/logo.png` at `sphinx-static/logo.png`
/// (`static/` holds the theme's files), as
/// Jekyll leaves out a folder whose name starts with `_` too; and for the
/// files of a top folder named as a folder tier0 fills (a docs folder's
/// own `static/img/logo.png`), at that name with `-1` after it
/// (`static-1/img/logo.png`), where they cannot overwrite tier0's.
pub fn asset_path(rel: &str) -> Cow<'_, str> {
    let under = |dir: &str| rel.strip_prefix(dir)?.strip_prefix('/');
    if let Some(rest) = under(crate::discover::GITBOOK_DIR) {
        Cow::Owned(format!("gitbook/{rest}"))
    } else if let Some(rest) = under(crate::discover::SPHINX_STATIC_DIR) {
        Cow::Owned(format!("sphinx-static/{rest}"))
    } else {
        aside(rel)
    }
}

/// `path`, from a site root or a language's folder (`kb/printers/`,
/// `static/img/logo.png`, `changes/`), with its top folder moved aside
/// when tier0 fills a folder of that name (`kb-1/printers/`): a folder or
/// page of another generator's project named as one of tier0's own is
/// published beside it, never refused or written over it.
pub fn aside(path: &str) -> Cow<'_, str> {
    match path.split_once('/') {
        Some((top, rest)) if filled_folder(top).is_some() => Cow::Owned(format!("{top}-1/{rest}")),
        _ => Cow::Borrowed(path),
    }
}

/// The folder tier0 fills that a top folder or page named `top` would
/// stand on (`kb`, `Static`: compared as [`generated_named`] compares), if
/// any: what [`aside`] moves aside from.
pub fn filled_folder(top: &str) -> Option<&'static Generated> {
    generated_named(top).filter(|g| g.folder)
}

/// Articles listed on one page of a list (a tag, a tier, a category): a
/// large site has thousands, which made one page of megabytes.
pub const PAGE_SIZE: usize = 30;

/// The folder of a list's pages after the first (`page/2/`): inside a
/// category's folder it is claimed like any path ([`PathRegistry`]).
const PAGE_DIR: &str = "page";

/// How many pages a list of `articles` articles has.
pub fn page_count(articles: usize) -> usize {
    articles.div_ceil(PAGE_SIZE).max(1)
}

/// Site path of page `number` (from 1) of the list whose first page is
/// at `first`.
pub fn page_path(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_owned()
    } else {
        format!("{first}{PAGE_DIR}/{number}/")
    }
}

/// A file or folder tier0 writes itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    /// Its name.
    pub name: &'static str,
    /// A folder that tier0 fills, rather than one file.
    pub folder: bool,
    /// Written in every language's home folder, not only at the site root.
    pub every_language: bool,
    /// What it is, for messages.
    pub what: &'static str,
}

/// Everything tier0 writes besides the pages of articles, categories,
/// aliases and the home pages, and the files copied from `content/`.
/// A test renders whole sites and checks that nothing else is written.
pub const GENERATED: &[Generated] = &[
    Generated {
        name: NOT_FOUND,
        folder: false,
        every_language: false,
        what: "the not-found page",
    },
    Generated {
        name: ARTICLES_JSON,
        folder: false,
        every_language: false,
        what: "the list of articles for other tools",
    },
    Generated {
        name: ROBOTS,
        folder: false,
        every_language: false,
        what: "the rules for crawlers",
    },
    Generated {
        name: SITEMAP,
        folder: false,
        every_language: false,
        what: "the sitemap",
    },
    Generated {
        name: FEED,
        folder: false,
        every_language: true,
        what: "the feed of new and updated articles",
    },
    Generated {
        name: STATIC_DIR,
        folder: true,
        every_language: false,
        what: "the theme's files",
    },
    Generated {
        name: SEARCH_DIR,
        folder: true,
        every_language: true,
        what: "the search index and results page",
    },
    Generated {
        name: WIDGET_JS,
        folder: false,
        every_language: false,
        what: "the help widget",
    },
    Generated {
        name: WIDGET_MODULE,
        folder: false,
        every_language: false,
        what: "the help widget's module",
    },
    Generated {
        name: WIDGET_DIR,
        folder: true,
        every_language: false,
        what: "the help widget's article previews",
    },
    Generated {
        name: SHORT_LINKS_DIR,
        folder: true,
        every_language: true,
        what: "the permanent short links",
    },
    Generated {
        name: TIERS_DIR,
        folder: true,
        every_language: true,
        what: "the tier pages",
    },
    Generated {
        name: TAGS_DIR,
        folder: true,
        every_language: true,
        what: "the tag pages",
    },
    Generated {
        name: CHANGES_DIR,
        folder: true,
        every_language: true,
        what: "the agents' \"what changed\" page",
    },
    Generated {
        name: INSIGHTS_DIR,
        folder: true,
        every_language: false,
        what: "the agents' insights report",
    },
];

/// The generated file or folder named `name` at a site root or language
/// folder, compared as file systems that ignore case do.
pub fn generated_named(name: &str) -> Option<&'static Generated> {
    let name = fold(name);
    GENERATED.iter().find(|g| g.name == name)
}

/// The page of a generated file or folder: `/404.html`, `/en/kb/`.
fn shown(site_path: &str, generated: &Generated) -> String {
    if generated.folder {
        format!("/{site_path}{}/", generated.name)
    } else {
        format!("/{site_path}{}", generated.name)
    }
}

/// The longest file or folder name, in bytes of UTF-8, that the file
/// systems sites are written to accept (ext4, APFS, NTFS: 255).
pub const MAX_SEGMENT_BYTES: usize = 255;

/// What is wrong with the longest-named segment of `path` (`/`-separated),
/// if one is longer than a file name may be.
pub fn segment_too_long(path: &str) -> Option<String> {
    let segment = path
        .split('/')
        .find(|segment| segment.len() > MAX_SEGMENT_BYTES)?;
    let start: String = segment.chars().take(24).collect();
    Some(format!(
        "`{start}…` is {} bytes long, and a file or folder name may have at most {MAX_SEGMENT_BYTES}",
        segment.len()
    ))
}

/// `name` as file systems that ignore case compare it.
fn fold(name: &str) -> String {
    name.to_lowercase()
}

/// Who owns a path.
#[derive(Debug)]
enum Owner {
    /// A page (a folder with its `index.html`) or a file of the content.
    Content {
        /// What it is, for messages (`article `KB-1``).
        what: String,
        /// The source file that put it there.
        path: PathBuf,
        /// A page's folder, which other pages and files may go inside.
        folder: bool,
    },
    /// A file or folder tier0 writes itself, at `site_path`.
    Generated(&'static Generated, String),
    /// A home page of the site (its folder, or its `index.html`), which
    /// nothing else may take.
    Home {
        /// Which home page, for messages.
        what: String,
        /// Its folder, rather than its `index.html`.
        folder: bool,
    },
}

/// A node of the tree of output paths, one per folded segment.
#[derive(Debug, Default)]
struct Node {
    owner: Option<Owner>,
    children: BTreeMap<String, Node>,
}

impl Node {
    /// The first owner at or below this node, for messages.
    fn first_owner(&self) -> Option<&Owner> {
        let mut node = self;
        loop {
            if let Some(owner) = &node.owner {
                return Some(owner);
            }
            node = node.children.values().next()?;
        }
    }
}

/// Every output path of a site with its owner: no path has two.
///
/// A tree of segments, so that a claim costs the length of its path, and
/// a path inside a file (`robots.txt/x/`) or a folder tier0 fills
/// (`kb/x/`) is found as it is walked to.
#[derive(Debug, Default)]
pub struct PathRegistry {
    root: Node,
}

impl PathRegistry {
    /// The paths that tier0 writes itself in a site published in
    /// `languages` (each one's name and folder prefix: `""` for the default
    /// language, else `en/`): the generated files and folders, and the home
    /// pages.
    pub fn new<'a>(languages: impl IntoIterator<Item = (&'a str, String)>) -> Self {
        let mut registry = Self::default();
        let home = |what: &str, folder: bool| Owner::Home {
            what: what.to_owned(),
            folder,
        };
        registry.set("index.html", home("the home page", false));
        for (name, prefix) in languages {
            if !prefix.is_empty() {
                let what = format!("the {name} home page");
                registry.set(&prefix, home(&what, true));
                registry.set(&format!("{prefix}index.html"), home(&what, false));
            }
            for generated in GENERATED {
                if generated.every_language || prefix.is_empty() {
                    registry.set(
                        &format!("{prefix}{}", generated.name),
                        Owner::Generated(generated, prefix.clone()),
                    );
                }
            }
        }
        registry
    }

    /// What tier0 writes itself at `site_path` or at a folder on the way
    /// to it (`the agents' "what changed" page (`/changes/`)`), if it does.
    pub fn generated_at(&self, site_path: &str) -> Option<String> {
        let mut node = &self.root;
        for segment in segments(site_path) {
            node = node.children.get(&fold(segment))?;
            if let Some(owner @ Owner::Generated(..)) = &node.owner {
                return Some(describe(owner));
            }
        }
        None
    }

    /// Makes `owner` the owner of `site_path`, whoever owned it.
    fn set(&mut self, site_path: &str, owner: Owner) {
        let mut node = &mut self.root;
        for segment in segments(site_path) {
            node = node.children.entry(fold(segment)).or_default();
        }
        node.owner = Some(owner);
    }

    /// Gives `site_path` to `what`, written in the file `path` at `span`: a
    /// page when the path ends with `/` (its folder and `index.html`), else
    /// a file. Refused, with a located error, when the path or a folder on
    /// the way to it is someone else's.
    pub fn claim(
        &mut self,
        site_path: &str,
        what: String,
        path: PathBuf,
        span: Range<usize>,
    ) -> Result<(), Diagnostic> {
        let folder = site_path.ends_with('/');
        let refuse = |owner: &Owner, message: String| {
            let diagnostic = Diagnostic::error(&path, span.clone(), message);
            match owner {
                Owner::Content { path: other, .. } => diagnostic.with_help(format!(
                    "change the slug, category or alias of one of them (the other is {}); \
                     paths that differ only in case are the same file on macOS and Windows",
                    other.display()
                )),
                // A section named by a language's code (`category: nl`).
                Owner::Home { folder: true, .. } => diagnostic.with_help(format!(
                    "`/{code}/` holds the pages in language `{code}` (written `faq.{code}.md`, \
                     with `lang: {code}`, or in the top folder `{code}/`): choose another \
                     slug, category or alias",
                    code = site_path.trim_end_matches('/')
                )),
                Owner::Generated(..) | Owner::Home { .. } => diagnostic.with_help(format!(
                    "choose another slug, category or alias; tier0 writes {} itself",
                    generated_list()
                )),
            }
        };
        let mut node = &mut self.root;
        let mut walked = String::new();
        for segment in segments(site_path) {
            if let Some(owner) = &node.owner
                && let Some(inside) = inside(owner, &walked)
            {
                let message = format!("{what} would be written to `/{site_path}`, {inside}");
                return Err(refuse(owner, message));
            }
            walked.push_str(segment);
            walked.push('/');
            node = node.children.entry(fold(segment)).or_default();
        }
        if let Some(owner) = &node.owner {
            return Err(refuse(owner, collision(&what, site_path, owner)));
        }
        if !folder && let Some(owner) = node.first_owner() {
            let message = format!(
                "{what} would be written to `/{site_path}`, which must be a folder: {} is inside it",
                describe(owner)
            );
            return Err(refuse(owner, message));
        }
        let owner = |folder: bool| Owner::Content {
            what: what.clone(),
            path: path.clone(),
            folder,
        };
        if folder {
            let index = node.children.entry(fold("index.html")).or_default();
            if let Some(owner) = &index.owner {
                let message = collision(&what, &format!("{site_path}index.html"), owner);
                return Err(refuse(owner, message));
            }
            index.owner = Some(owner(false));
        }
        node.owner = Some(owner(folder));
        Ok(())
    }
}

/// The segments of a site path, without empty ones.
fn segments(site_path: &str) -> impl Iterator<Item = &str> {
    site_path.split('/').filter(|s| !s.is_empty())
}

/// `what` lands on `site_path`, which `owner` has.
fn collision(what: &str, site_path: &str, owner: &Owner) -> String {
    match owner {
        Owner::Generated(g, at) => format!(
            "{what} would be written to `/{site_path}`, where tier0 writes {} (`{}`)",
            g.what,
            shown(at, g)
        ),
        other => format!(
            "{what} would be written to `/{site_path}`, which {} already uses",
            describe(other)
        ),
    }
}

/// Why nothing may be written inside the folder `walked` (`a/b/`) that
/// `owner` has, if it is not a page's folder.
fn inside(owner: &Owner, walked: &str) -> Option<String> {
    let file = walked.trim_end_matches('/');
    match owner {
        Owner::Content { folder: true, .. } | Owner::Home { folder: true, .. } => None,
        Owner::Content { what, .. } | Owner::Home { what, .. } => Some(format!(
            "inside `/{file}`, which {what} already uses as a file"
        )),
        Owner::Generated(g, at) => Some(format!(
            "inside `{}`, where tier0 writes {}",
            shown(at, g),
            g.what
        )),
    }
}

fn describe(owner: &Owner) -> String {
    match owner {
        Owner::Content { what, .. } | Owner::Home { what, .. } => what.clone(),
        Owner::Generated(g, at) => format!("{} (`{}`)", g.what, shown(at, g)),
    }
}

/// The generated paths, for help messages.
fn generated_list() -> String {
    let at_root: Vec<String> = GENERATED.iter().map(|g| shown("", g)).collect();
    format!(
        "{} (and in each language's folder: {})",
        at_root.join(", "),
        GENERATED
            .iter()
            .filter(|g| g.every_language)
            .map(|g| if g.folder {
                format!("{}/", g.name)
            } else {
                g.name.to_owned()
            })
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests;

//! The names of the files a build reads besides the pages: tier0's own
//! configuration and content folder, the navigation files of other
//! generators inside the content folder, and the project files outside it
//! whose change may change any page.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::{docusaurus, vitepress};

/// Name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "tier0.yaml";
/// Name of the content folder under the site root.
pub const CONTENT_DIR: &str = "content";
/// Name of an mdBook table of contents, which orders the articles it
/// lists and is not published (the link stage's `contents` module).
pub const TABLE_OF_CONTENTS: &str = "SUMMARY.md";
/// Names of a Docusaurus category file, which gives the section of its
/// folder a label, a position and a description (the link stage's
/// `categories` module) and is not published. Docusaurus reads the first
/// of these a folder has.
pub const CATEGORY_FILES: [&str; 3] = ["_category_.json", "_category_.yml", "_category_.yaml"];

/// Name of Docsify's sidebar, a Markdown list of links that orders the
/// articles it lists, as a `SUMMARY.md` does, and is not published (the
/// link stage's `contents` module). Docsify's `_navbar.md` and
/// `_coverpage.md` start with `_` too, and are skipped.
pub const DOCSIFY_SIDEBAR: &str = "_sidebar.md";

/// Names of the files that order and title the pages and subfolders of
/// their folder: mkdocs-awesome-pages-plugin's `.pages` (YAML) and Nextra
/// 2's `_meta.json` (the parse stage's `folders` module). Not published.
pub const FOLDER_NAV_FILES: [&str; 2] = [".pages", "_meta.json"];

/// Names of Nextra 3's and 4's `_meta` files, which are JavaScript: found,
/// to say that they are not read.
pub const NEXTRA_SCRIPTS: [&str; 4] = ["_meta.js", "_meta.ts", "_meta.jsx", "_meta.tsx"];

/// Names of MkDocs's configuration beside `tier0.yaml`, whose `nav:` gives
/// the articles and sections it lists their titles and order (the parse
/// stage's `mkdocs` module). MkDocs reads the first it finds; ProperDocs,
/// MkDocs's fork, the same file under its own name; Zensical, MkDocs
/// Material's successor, the same `nav` from `zensical.toml`.
pub const MKDOCS_FILES: [&str; 5] = [
    "mkdocs.yml",
    "mkdocs.yaml",
    "properdocs.yml",
    "properdocs.yaml",
    "zensical.toml",
];

/// Names of the tables of contents of MyST and Jupyter Book projects:
/// mystmd's `myst.yml` and Jupyter Book 1's `_toc.yml`, read at the top of
/// the content folder (the parse stage's `jupyter_book` module). Not
/// published, wherever they are.
pub const BOOK_TOCS: [&str; 2] = ["myst.yml", "_toc.yml"];

/// Names of a Mintlify project's configuration, at the top of its docs
/// folder (`mint.json` before 2025), whose `navigation` orders the pages:
/// read with the [`BOOK_TOCS`] when it has one, and not published.
pub const MINTLIFY_FILES: [&str; 2] = ["docs.json", "mint.json"];

/// Names of Docusaurus's sidebars, relative to the site folder (a
/// Docusaurus project's folder, or its `website/` folder), whose lists
/// order and group the pages (the parse stage's `docusaurus` module).
/// Docusaurus reads the one its config names, `sidebars.js` by default.
pub const SIDEBARS_FILES: [&str; 10] = [
    "sidebars.js",
    "sidebars.ts",
    "sidebars.mjs",
    "sidebars.cjs",
    "sidebars.json",
    "website/sidebars.js",
    "website/sidebars.ts",
    "website/sidebars.mjs",
    "website/sidebars.cjs",
    "website/sidebars.json",
];

/// Starlight's configuration files (Astro's), at the top of its project,
/// whose `starlight({ … })` call writes its `locales` (read as
/// VitePress's) and its `sidebar` (the parse stage's `starlight_sidebar`
/// module).
pub const STARLIGHT_FILES: [&str; 4] = [
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.js",
    "astro.config.mts",
];

/// The files outside the content folder that a build reads to know the
/// project, relative to the site folder, whether they exist or not:
/// `tier0.yaml` and the configuration and navigation files of the other
/// generators a project is built from where it stands (Hugo's, Zola's,
/// MkDocs's, Docusaurus's, Sphinx's, mdBook's, GitBook's, VitePress's,
/// Starlight's), each generator's own list. A change to one may change
/// any page.
static PROJECT_FILES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    let in_folders = |folders: &[&str], names: &[&str]| -> Vec<String> {
        (folders.iter())
            .flat_map(|folder| {
                names.iter().map(move |name| match *folder {
                    "" => (*name).to_owned(),
                    folder => format!("{folder}/{name}"),
                })
            })
            .collect()
    };
    [CONFIG_FILE, "book.toml", ".gitbook.yaml"]
        .into_iter()
        .chain(MKDOCS_FILES)
        .chain(SIDEBARS_FILES)
        .chain(STARLIGHT_FILES)
        .chain(super::project::SPHINX_FILES)
        .chain(super::hugo::CONFIG_FILES)
        .chain(super::hugo::LANGUAGES_FILES)
        .map(str::to_owned)
        .chain(in_folders(
            &docusaurus::PROJECT_FOLDERS,
            &docusaurus::CONFIG_FILES,
        ))
        .chain(in_folders(
            &docusaurus::PROJECT_FOLDERS,
            &[docusaurus::VERSIONS],
        ))
        .chain(in_folders(
            &vitepress::PROJECT_FOLDERS,
            &vitepress::CONFIG_FILES,
        ))
        .collect()
});

/// The project's files a build reads outside the content folder
/// ([`PROJECT_FILES`]), relative to the site folder.
pub fn project_files() -> impl Iterator<Item = &'static str> {
    PROJECT_FILES.iter().map(String::as_str)
}

/// Whether `rel`, relative to the site folder with `/` separators, is one
/// of the project's files a build reads ([`PROJECT_FILES`]).
pub fn is_project_file(rel: &str) -> bool {
    PROJECT_FILES.contains(rel)
}

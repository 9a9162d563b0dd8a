//! Tables of contents kept apart from the pages. A Docusaurus project's
//! `sidebars.js`: its lists order the pages and its categories title their
//! folders, in a project built where it stands; a doc id that names no
//! page, and sidebars that need JavaScript, are warnings, and the build
//! goes on. mystmd's `myst.yml` and Jupyter Book's `_toc.yml`: the same,
//! and neither is published.

use crate::conventions::{assert_has, assert_warning_at};
use crate::support::{Site, stderr};

/// A Docusaurus project: its config, its `docs/` (number prefixes, an `id`
/// in front matter) and `sidebars`, the text of its `sidebars.js`.
fn project(sidebars: &str) -> Site {
    let site = Site::english();
    site.write(
        "docusaurus.config.js",
        "module.exports = { title: 'Help' };\n",
    );
    let doc = |rel: &str, front: &str, title: &str| {
        site.write(
            &format!("docs/{rel}"),
            format!("---\n{front}---\n\n# {title}\n\nHow to {title}.\n"),
        );
    };
    doc("intro.md", "", "Welcome");
    doc("01-guides/01-alpha.md", "", "Alpha setup");
    doc("01-guides/02-beta.md", "", "Beta setup");
    doc("01-guides/03-gamma.md", "id: install\n", "Gamma install");
    site.write("sidebars.js", sidebars);
    site
}

/// The hrefs of the prev and next links of the article page at `path`.
fn prev_next(site: &Site, path: &str) -> (Option<String>, Option<String>) {
    let page = site.read_public(&format!("{path}/index.html"));
    let link = |rel: &str| {
        let at = page.find(&format!("rel=\"{rel}\""))?;
        let before = &page[..at];
        let start = before.rfind("href=\"")? + "href=\"".len();
        Some(before[start..].split('"').next()?.to_owned())
    };
    (link("prev"), link("next"))
}

#[test]
fn the_sidebars_order_the_pages_and_title_their_categories() {
    let site = project(
        "/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */\n\
         const sidebars = {\n  docs: [\n    'intro',\n    {\n      type: 'category',\n      \
         label: 'Setting things up',\n      \
         items: ['guides/install', {type: 'doc', id: 'guides/alpha'}, 'guides/beta'],\n    },\n    \
         {type: 'link', label: 'Blog', href: 'https://example.com'},\n  ],\n};\n\n\
         module.exports = sidebars;\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("sidebars"), "{err}");
    // Gamma (`id: install`) first, then Alpha, then Beta: the sidebar's
    // order, not the number prefixes'.
    let (prev, next) = prev_next(&site, "01-guides/01-alpha");
    assert_eq!(
        (prev.as_deref(), next.as_deref()),
        (
            Some("../../01-guides/03-gamma/index.html"),
            Some("../../01-guides/02-beta/index.html")
        ),
        "{err}"
    );
    // The category's label titles the folder its pages share (which has
    // no landing page to title it).
    assert_has(
        &site.read_public("01-guides/index.html"),
        &["<h1>Setting things up</h1>"],
    );
}

#[test]
fn a_doc_id_that_names_no_page_is_a_warning_at_its_place() {
    let site = project("module.exports = {\n  docs: ['intro', 'guides/delta'],\n};\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert_warning_at(
        &err,
        "the sidebars list the doc `guides/delta`, which no page of the content folder is",
        "sidebars.js:2:19",
    );
}

#[test]
fn sidebars_that_need_javascript_are_one_warning() {
    let site =
        project("const items = require('./items');\nmodule.exports = {\n  docs: items,\n};\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert_warning_at(
        &err,
        "tier0 runs no JavaScript, and cannot read these sidebars without it",
        "sidebars.js:3:9",
    );
    // The pages keep the order of their folder: the number prefixes'.
    let (prev, next) = prev_next(&site, "01-guides/01-alpha");
    assert_eq!(
        (prev, next.as_deref()),
        (None, Some("../../01-guides/02-beta/index.html")),
        "{err}"
    );
}

/// A MyST project: `content/` holds its pages and `toc`, the text of its
/// table of contents `name`.
fn book(name: &str, toc: &str) -> Site {
    let site = Site::english();
    for (rel, title) in [
        ("index.md", "Home"),
        ("start/index.md", "Get started"),
        ("start/install.md", "Install"),
        ("start/first-book.md", "Your first book"),
        ("reference/cli.md", "Command line"),
        ("reference/config.md", "Configuration"),
    ] {
        site.write(
            &format!("content/{rel}"),
            format!("---\ntitle: {title}\n---\n\nHow to {title}.\n"),
        );
    }
    site.write(&format!("content/{name}"), toc);
    site
}

#[test]
fn a_myst_toc_orders_the_pages_and_their_folders_and_is_not_published() {
    let site = book(
        "myst.yml",
        "version: 1\nproject:\n  toc:\n    - file: index.md\n    - title: Look things up\n      \
         children:\n        - file: reference/config.md\n        - file: reference/cli.md\n    \
         - file: start/index.md\n      children:\n        - file: start/first-book.md\n        \
         - file: start/install.md\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("myst.yml"), "{err}");
    assert!(!site.public().join("myst.yml").exists());
    let (prev, next) = prev_next(&site, "start/first-book");
    assert_eq!(
        (prev, next.as_deref()),
        (None, Some("../../start/install/index.html")),
        "{err}"
    );
    assert_eq!(
        prev_next(&site, "reference/config").1.as_deref(),
        Some("../../reference/cli/index.html")
    );
    assert_has(
        &site.read_public("reference/index.html"),
        &["<h1>Look things up</h1>"],
    );
    // The folders in the table's order: "reference" before "start".
    let home = site.read_public("index.html");
    let at = |href: &str| home.find(href).unwrap_or_else(|| panic!("{href}"));
    assert!(at("reference/index.html") < at("start/index.html"));
}

#[test]
fn a_jupyter_book_toc_names_pages_without_extension_and_warns_of_unknown_ones() {
    let site = book(
        "_toc.yml",
        "format: jb-book\nroot: index\nchapters:\n  - file: start/install\n    \
         title: Installing it\n  - file: start/first-book\n  - file: start/gone\n  \
         - file: start/untitled\n    title: Troubleshooting\n",
    );
    site.write(
        "content/start/untitled.md",
        "No heading, no front matter.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert_warning_at(
        &err,
        "the table of contents lists `start/gone`, which no page of the content folder is",
        "content/_toc.yml:7:11",
    );
    assert_eq!(
        prev_next(&site, "start/install").1.as_deref(),
        Some("../../start/first-book/index.html")
    );
    assert!(!site.public().join("_toc.yml").exists());
    // An entry's title names its page only when the page has no title.
    assert_has(
        &site.read_public("start/install/index.html"),
        &["<h1>Install</h1>"],
    );
    assert_has(
        &site.read_public("start/untitled/index.html"),
        &["<h1>Troubleshooting</h1>"],
    );
    assert!(!err.contains("no title"), "{err}");
}

/// A Mintlify project's docs folder: its `docs.json` navigation orders the
/// pages and titles their folders, and is not published; its
/// `.mintignore` keeps pages off the site. The folder builds where it
/// stands (`docs/docs.json`).
#[test]
fn a_mintlify_navigation_orders_the_pages_and_its_ignore_file_keeps_pages_off() {
    let site = Site::english();
    site.write(
        "docs/docs.json",
        r#"{
  "$schema": "https://mintlify.com/docs.json",
  "name": "Help",
  "navigation": {
    "tabs": [
      {
        "tab": "Guides",
        "groups": [
          { "group": "Get started", "pages": ["index", "quickstart"] },
          { "group": "Setting things up", "pages": ["setup/gamma", "setup/alpha", "setup/beta"] }
        ]
      },
      { "tab": "Status", "href": "https://status.example.com" }
    ]
  }
}
"#,
    );
    site.write(".gitignore", "node_modules/\n");
    site.write("docs/.mintignore", "# drafts\ndrafts/\n*.draft.mdx\n");
    let page = |rel: &str, title: &str| {
        site.write(
            &format!("docs/{rel}"),
            format!("---\ntitle: \"{title}\"\n---\n\nHow to {title}.\n"),
        );
    };
    page("index.mdx", "Welcome");
    page("quickstart.mdx", "Quickstart");
    page("setup/alpha.mdx", "Alpha setup");
    page("setup/beta.mdx", "Beta setup");
    page("setup/gamma.mdx", "Gamma setup");
    page("setup/next.draft.mdx", "Leakcanary next");
    page("drafts/plan.mdx", "Leakcanary plan");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("docs/docs.json:"), "{err}");
    let (prev, next) = prev_next(&site, "setup/alpha");
    assert_eq!(
        (prev.as_deref(), next.as_deref()),
        (
            Some("../../setup/gamma/index.html"),
            Some("../../setup/beta/index.html")
        ),
        "{err}"
    );
    let section = site.read_public("setup/index.html");
    assert!(section.contains("Setting things up"), "{section}");
    assert!(!site.public().join("docs.json").exists());
    assert!(!site.public().join("drafts").exists());
    assert!(!site.public().join("setup/next-draft").exists());

    // A docs.json that is not JSON is said at its place; the pages are
    // built in their folders' order.
    site.write(
        "docs/docs.json",
        "{\n  \"navigation\": [\n    \"index\",\n  ]\n}\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(err.contains("this file is not JSON"), "{err}");
    assert!(err.contains("docs/docs.json:4:3"), "{err}");
}

/// A Mintlify project translated with `navigation.languages`, its Spanish
/// pages in `es/`: built where it stands, it publishes both languages and
/// links each page to its translation, under its own name.
#[test]
fn a_mintlify_project_publishes_the_languages_its_navigation_lists() {
    let site = Site::empty();
    site.write(
        "docs/docs.json",
        r#"{"name": "Acme Help", "navigation": {"languages": [
  {"language": "en", "groups": [{"group": "Start", "pages": ["index", "reset"]}]},
  {"language": "es", "groups": [{"group": "Inicio", "pages": ["es/index", "es/reset"]}]}
]}}
"#,
    );
    site.write(
        "docs/index.mdx",
        "---\ntitle: Welcome\n---\n\nStart here.\n",
    );
    site.write(
        "docs/reset.mdx",
        "---\ntitle: Reset your password\n---\n\nOpen the settings.\n",
    );
    site.write(
        "docs/es/index.mdx",
        "---\ntitle: Bienvenida\n---\n\nEmpiece aquí.\n",
    );
    site.write(
        "docs/es/reset.mdx",
        "---\ntitle: Restablecer la contraseña\n---\n\nAbra los ajustes.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("the navigation languages of docs/docs.json"),
        "{err}"
    );
    // Each language's group of pages is their section.
    let english = site.read_public("start/reset/index.html");
    assert!(english.contains("Acme Help"), "{english}");
    assert!(english.contains("hreflang=\"es\""), "{english}");
    let spanish = site.read_public("es/start/reset/index.html");
    assert!(spanish.contains("Restablecer la contraseña"), "{spanish}");
}

//! Knowledge bases written for other tools build as they are: one fixture
//! per convention (Hugo with TOML, Zola, MkDocs, Docusaurus with MDX,
//! mdBook, VitePress), each built with exit code 0, its pages, titles,
//! admonitions and dropped syntax checked, and its warnings located.

use crate::support::{Site, stderr};

/// Builds the fixture `name`, which must succeed; returns it and stderr.
pub(crate) fn built(name: &str) -> (Site, String) {
    let site = Site::fixture(name);
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    (site, err)
}

/// The page title and body HTML of the article page at `path`.
pub(crate) fn page(site: &Site, path: &str) -> (String, String) {
    let html = site.read_public(&format!("{path}/index.html"));
    let title = html
        .split_once("<h1>")
        .and_then(|(_, rest)| rest.split_once("</h1>"))
        .map(|(title, _)| title.to_owned())
        .unwrap_or_default();
    let body = html
        .split_once("<div class=\"article-body\">")
        .and_then(|(_, rest)| rest.split_once("\n  </div>"))
        .map(|(body, _)| crate::support::without_highlighting(body))
        .unwrap_or_else(|| panic!("{path} has no article body:\n{html}"));
    (title, body)
}

pub(crate) fn assert_has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

fn assert_lacks(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            !text.contains(needle),
            "{needle:?} should not be in:\n{text}"
        );
    }
}

/// `warning: <message>` followed by its location line `┌─ <at>`.
pub(crate) fn assert_warning_at(err: &str, message: &str, at: &str) {
    assert_reported_at(err, "warning", message, at);
}

/// `err` reports the error that starts with `message` at `at` (`file:line:col`).
pub(crate) fn assert_error_at(err: &str, message: &str, at: &str) {
    assert_reported_at(err, "error", message, at);
}

fn assert_reported_at(err: &str, severity: &str, message: &str, at: &str) {
    let (_, after) = err
        .split_once(&format!("{severity}: {message}"))
        .unwrap_or_else(|| panic!("missing {severity} {message:?} in:\n{err}"));
    let location = after.lines().nth(1).unwrap_or("");
    assert!(location.ends_with(at), "{message:?} is not at {at}:\n{err}");
}

#[test]
fn hugo_with_toml_front_matter_and_shortcodes() {
    let (site, err) = built("hugo-toml");
    let (title, body) = page(&site, "guides/install-vpn");
    assert_eq!(title, "Install the VPN client");
    assert_has(
        &body,
        &[
            // A standalone shortcode is dropped; a theme's callout is an
            // alert of its text.
            "<p>Download the client from the intranet and run it.</p>",
            "<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Note</p>\n<p>You need <strong>administrator rights</strong> on your laptop.</p>",
            // `highlight` is a code block, left as written inside.
            "<pre><code class=\"language-sh\">sudo vpn-client --connect \"{{ .Site.Params.gateway }}\"",
            // `ref` is the link it names.
            "<a href=\"../../guides/reset-password/index.html\">resetting your password</a>",
            // Code is never touched.
            "{{&lt; shown-as-written &gt;}}\n{{ .Title }}",
            "<code>{{&lt; shortcodes &gt;}}</code>",
            // Hugo's `youtube`, on a line of its own, a link to the video.
            "<a href=\"https://www.youtube.com/watch?v=w7Ft2ymGmfc\">",
        ],
    );
    assert_lacks(&body, &["{{< youtube", "{{% note", "new-in"]);
    // `url` and `aliases` redirect to the page.
    for old in ["docs/vpn/install/index.html", "vpn-install/index.html"] {
        assert_has(&site.read_public(old), &["guides/install-vpn/"]);
    }
    assert_warning_at(
        &err,
        "1 Hugo shortcode left out of the page (the first: `{{< new-in 2.1 >}}`)",
        "content/guides/install_vpn.md:16:39",
    );
    assert_warning_at(
        &err,
        "slug `install_vpn` is not a URL segment tier0 writes; the article is at `install-vpn`",
        "content/guides/install_vpn.md:7:8",
    );
    let json = site.read_public("articles.json");
    assert_has(&json, &["\"vpn\"", "\"remote\"", "2024-03-01"]);

    // YAML in Hugo's spelling: capitalised keys and values, categories as
    // tags, a comma-separated string, a publish date.
    let (title, _) = page(&site, "guides/reset-password");
    assert_eq!(title, "Reset your password");
    assert_has(&json, &["\"Accounts\"", "\"self-service\"", "2023-11-05"]);
    assert_warning_at(
        &err,
        "`expiryDate` is not supported: the article is published all the same",
        "content/guides/reset-password.md:6:13",
    );
    // The section page reads the TOML `_index.md`.
    assert_has(
        &site.read_public("guides/index.html"),
        &["Step-by-step guides for the office network."],
    );
}

#[test]
fn zola_with_taxonomies_and_block_shortcodes() {
    let (site, err) = built("zola");
    let (title, body) = page(&site, "blog/printer-queue");
    assert_eq!(title, "Clearing a stuck printer queue");
    assert_has(&body, &["<p>Save your open documents.</p>"]);
    assert_lacks(&body, &["{%", "tip("]);
    assert_has(
        &site.read_public("posts/printer-queue/index.html"),
        &["blog/printer-queue/"],
    );
    assert_has(
        &site.read_public("articles.json"),
        &["\"printing\"", "\"how-to\"", "2024-01-20"],
    );
    assert_warning_at(
        &err,
        "2 template tags left out of the page",
        "content/blog/printer-queue.md:20:1",
    );
}

#[test]
fn mkdocs_without_front_matter_and_with_admonitions() {
    let (site, err) = built("mkdocs");
    let (title, body) = page(&site, "printing/printer-offline");
    // The title is the first heading, which the page does not repeat.
    assert_eq!(title, "Printer shows offline");
    assert_lacks(&body, &["<h1", "!!!", "???", "===", "[!"]);
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Check the cable first</p>",
            "<pre><code class=\"language-text\">ping printer-3f.office.example\n</code></pre>\n</div>",
            "<details class=\"alert alert-note\"><summary class=\"alert-title\">Why does Windows say offline?</summary>",
            "<details class=\"alert alert-tip\" open><summary class=\"alert-title\">Tip</summary>",
            // Nested, a `danger` is the theme's red alert.
            "<p>Outer note.</p>\n<div class=\"alert alert-caution\" role=\"note\"><p class=\"alert-title\">Do not unplug during an update</p>",
            // Content tabs: each title, then its text.
            "<p><strong>Windows</strong></p>\n<p>Open <strong>Settings &gt; Printers</strong>.</p>",
            "<p>Still stuck? Call the help desk.</p>",
        ],
    );
    let (title, body) = page(&site, "printing/scanner");
    assert_eq!(title, "Scan to e-mail");
    assert_lacks(&body, &["<h1"]);
    assert_has(&body, &["<p class=\"alert-title\">A quick test</p>"]);
    assert_has(
        &site.read_public("printing/scanner/index.html"),
        &["Ana Ruiz, Luis", "2024-05-10"],
    );
    // PyMdown blocks, Obsidian callouts, and a mkdocstrings directive
    // that must not keep the rest of the page folded in its admonition.
    let (title, body) = page(&site, "printing/toner");
    assert_eq!(title, "Replace the toner");
    assert_lacks(&body, &["///", "[!", "|", "md-button"]);
    assert_has(
        &body,
        &[
            "</details>\n<p>Open the front cover before you start.</p>",
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Hot parts</p>\n<p>The fuser stays hot for ten minutes.</p>\n</div>",
            "<p><strong>Laser</strong></p>\n<p>Pull the cartridge out by its handle.</p>",
            "<p>Cartridge out.</p>",
            "<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Which toner?</p>",
            "<details class=\"alert alert-tip\"><summary class=\"alert-title\">Recycling</summary>",
            "<a href=\"https://example.com/toner\">Order toner</a></p>",
        ],
    );
    // Material's own keys are read quietly: the only warnings are the ids.
    assert_lacks(&err, &["hide", "icon", "unknown key"]);
}

/// Hatch's and MkDocs Material's docs, built from their packages: emoji
/// and icon codes were shown as written, a tab after another in a list
/// item as code, the image in a `<figure markdown>` as `![…](…)`, a
/// mkdocstrings directive's options as a code block, and keys as `++…++`.
#[test]
fn mkdocs_material_icons_figures_and_directives() {
    let (site, err) = built("mkdocs");
    let (_, body) = page(&site, "printing/drivers");
    assert_lacks(
        &body,
        &[
            ":warning:",
            ":material",
            ":fontawesome",
            "===",
            "![",
            "options:",
            ":::",
        ],
    );
    assert_has(
        &body,
        &[
            "<p>⚠️ Close every open document first.</p>",
            "<td>Office laser</td><td>✓</td>",
            "<td>Travel inkjet</td><td>✗</td>",
            "<p><strong>🍎 macOS</strong></p>",
            "<p><strong>Windows</strong></p>\n<p>Open <strong>Devices and Printers</strong>.</p>",
            "<img src=\"../../printing/queue.png\" alt=\"The print queue, empty\" />",
            "<code>:smile:</code>",
            "<p>Restart the computer when the installer asks, then press <kbd>Ctrl</kbd>+<kbd>P</kbd>.</p>",
        ],
    );
    assert!(site.public().join("printing/queue.png").exists());
    assert_warning_at(
        &err,
        "1 directive left out of the page (the first: `::: printers.driver.Installer`)",
        "content/printing/drivers.md:28:1",
    );
}

#[test]
fn docusaurus_mdx_components_imports_and_ids() {
    let (site, err) = built("docusaurus-mdx");
    // `id` is the article's id, `slug` a redirect, `keywords` tags.
    let (title, body) = page(&site, "accounts/sso-login");
    assert_eq!(title, "Sign in with single sign-on");
    assert_has(
        &site.read_public("kb/sso-login/index.html"),
        &["accounts/sso-login/"],
    );
    assert_has(
        &site.read_public("accounts/sso/index.html"),
        &["accounts/sso-login/"],
    );
    assert_has(
        &body,
        &[
            "<h2 id=\"prerequisites\">Before you start",
            "<h3 id=\"sso-fails\">When it fails",
            "<div class=\"alert alert-tip\" role=\"note\"><p class=\"alert-title\">Use the company laptop</p>",
            "<p><strong>Windows</strong></p>\n<p>Press <strong>Ctrl+Alt+Del</strong> and choose <em>Switch user</em>.</p>",
            "<p><strong>macOS</strong></p>\n<p>Choose <strong>Other user</strong> on the login screen.</p>",
            "<div class=\"alert alert-caution\" role=\"note\"><p class=\"alert-title\">Account locked</p>",
            "<p>Locks clear after 30 minutes.</p>\n</div>\n</div>",
            // Code keeps its imports and tags.
            "import { login } from './sso';\n&lt;Login /&gt;",
        ],
    );
    assert_lacks(
        &body,
        &[
            "import Tabs",
            "export const",
            "Tabs",
            "TabItem",
            "LiteYouTube",
            "{portal}",
            "Reviewed with",
            ":::",
        ],
    );
    assert_warning_at(
        &err,
        "1 JSX component tag left out of the page (the first: `<LiteYouTubeEmbed\n  \
         id=\"dQw4w9WgXcQ\"\n  title=\"Signing in\"\n/>`)",
        "content/accounts/sso-login.mdx:46:1",
    );
    let (_, body) = page(&site, "accounts/mfa");
    assert_has(&body, &["<p class=\"alert-title\">Info</p>"]);
    // `sidebar_position` orders the category.
    let category = site.read_public("accounts/index.html");
    let mfa = category.find("accounts/mfa/").unwrap();
    let sso = category.find("accounts/sso-login/").unwrap();
    assert!(mfa < sso, "{category}");
}

#[test]
fn mdbook_chapters_take_their_titles_from_headings() {
    let (site, err) = built("mdbook");
    let (title, body) = page(&site, "book/ch01-setup");
    assert_eq!(title, "Setting up your workstation");
    assert_has(&body, &["<h2 id=\"check\">Check the installation"]);
    // mdBook includes the files in code too; these are missing: their
    // lines are left out, and the code block of nothing else with them.
    assert_lacks(
        &body,
        &["<h1", "shared/warning.md", "listings/setup.sh", "<pre"],
    );
    let (title, body) = page(&site, "book/ch01-01-proxy");
    assert_eq!(title, "Configuring the proxy");
    assert_lacks(&body, &["<h2"]);
    assert_warning_at(
        &err,
        "2 file includes left out: no such file (looked in content/book/); the first: \
         `../shared/warning.md`",
        "content/book/ch01-setup.md:5:1",
    );
    assert_lacks(&err, &["no title"]);
}

#[test]
fn mdbook_summary_orders_the_chapters_and_is_not_published() {
    let (site, err) = built("mdbook");
    let json: serde_json::Value = serde_json::from_str(&site.read_public("articles.json")).unwrap();
    let titles: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    // The summary's order; by title, the introduction would come last.
    assert_eq!(
        titles,
        [
            "Welcome aboard",
            "Setting up your workstation",
            "Configuring the proxy",
            // No heading: the chapter's name in the summary, as mdBook.
            "Getting help"
        ]
    );
    assert_lacks(&err, &["no title"]);
    // What it does not list is not in the book, as with mdBook.
    assert!(!site.root().join("public/book/appendix").exists());
    assert_warning_at(
        &err,
        "`content/book/SUMMARY.md` does not list this page: mdBook leaves it out of the book, \
         and so does tier0",
        "content/book/appendix.md:1:1",
    );
    assert!(!site.root().join("public/book/summary").exists());
    // Read in that order, page after page.
    let setup = site.read_public("book/ch01-setup/index.html");
    assert_has(
        &setup,
        &[
            "book/intro/index.html\" rel=\"prev\"",
            "book/ch01-01-proxy/index.html\" rel=\"next\"",
        ],
    );
}

#[test]
fn vitepress_containers_vue_blocks_and_interpolations() {
    let (site, err) = built("vitepress");
    let (title, body) = page(&site, "guide/getting-started");
    assert_eq!(title, "Getting started");
    assert_has(
        &body,
        &[
            "<p>Welcome to .</p>",
            "<p class=\"alert-title\">Tip</p>\n<p>Bookmark this page.</p>",
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Before you install</p>",
            "<details class=\"alert alert-note\"><summary class=\"alert-title\">Show the full list</summary>",
            // A code group is its code blocks.
            "<pre><code class=\"language-sh\">npm install help-widget",
            "<pre><code class=\"language-sh\">pnpm add help-widget",
        ],
    );
    assert_lacks(
        &body,
        &[
            "<script",
            "useData",
            "<style",
            ".custom",
            "Badge",
            "site.title",
            ":::",
        ],
    );
    assert_warning_at(
        &err,
        "1 template tag left out of the page (the first: `{{ site.title }}`)",
        "content/guide/getting-started.md:14:12",
    );
    assert_warning_at(
        &err,
        "1 JSX component tag left out of the page (the first: `<Badge type=\"tip\" text=\"new\" />`)",
        "content/guide/getting-started.md:14:30",
    );
    assert_lacks(&err, &["outline", "editLink", "layout"]);
}

/// pino's docs, read on GitHub, mark link targets with `<a id="…"></a>`
/// above headings: 53 of them were "broken links" here, errors in `check`.
#[test]
fn html_ids_are_anchors() {
    let site = Site::empty();
    site.write(
        "content/api.md",
        "# API\n\n* [pino()](#export)\n\n<a id=\"export\"></a>\n## pino([options])\n\nText with <span id='inline'>a target</span>.\n\n\
         <A NAME=\"old-style\"></A>\n\nOlder docs <a href=\"#x\" name='inline-name'>mark</a> targets so.\n\n\
         <input name=\"field\">\n",
    );
    site.write(
        "content/guide.md",
        "# Guide\n\nSee [options](api.md#export), [that](api.md#inline), [old](api.md#old-style), \
         [inline](api.md#inline-name), [a field](api.md#field) and [none](api.md#missing).\n",
    );
    let output = site.tier0(&["check"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(err.matches("has no anchor").count(), 2, "{err}");
    assert!(err.contains("has no anchor `#missing`"), "{err}");
    // Only an `a` element's name is a target in browsers.
    assert!(err.contains("has no anchor `#field`"), "{err}");
    // Kept by the cleaner of `raw_html: sanitize`, so the target is there.
    site.write("tier0.yaml", "raw_html: sanitize\n");
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (_, body) = page(&site, "api");
    assert_has(&body, &["name=\"old-style\"", "name=\"inline-name\""]);
}

/// Black's docs, written in MyST for Sphinx: their admonitions and tables
/// of contents were code blocks, an `{include}` of a file outside the docs
/// showed its path as code, and targets (`(label)=`) and roles (`{doc}`)
/// were text.
#[test]
fn myst_directives() {
    let site = Site::empty();
    site.write(
        "content/server.md",
        "# Run the server\n\n```{warning}\nKeep it on *localhost*.\n```\n\n```{toctree}\n---\nhidden:\n---\n\nusage\n```\n\nStart it.\n\n```{include} ../CHANGES.md\n```\n\n(labels/stop)=\n## Stop\n\nAs {doc}`the guide <./guide>` says.\n",
    );
    site.write(
        "content/guide.md",
        "# Guide\n\nSee [how to stop](server.md#labels/stop).\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    let (_, body) = page(&site, "server");
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Advertencia</p>\n<p>Keep it on <em>localhost</em>.</p>\n</div>",
            "<p>Start it.</p>",
            "<a id=\"labels/stop\"></a>",
            "<p>As <a href=\"../guide/index.html\">the guide</a> says.</p>",
        ],
    );
    assert_lacks(&body, &["```", "{", "hidden", "usage", "CHANGES", ")="]);
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert_warning_at(
        &err,
        "file include `../CHANGES.md` left out: no such file (looked in content/)",
        "content/server.md:17:1",
    );
}

#[test]
fn hugo_json_front_matter_is_read_as_yaml_and_toml_are() {
    let (site, err) = built("hugo-json");
    let (title, body) = page(&site, "printing/jam");
    assert_eq!(title, "Clear a paper jam");
    assert_lacks(&body, &["\"title\"", "{"]);
    assert_has(&body, &["<p>Open the front cover and pull the sheet out"]);
    let html = site.read_public("printing/jam/index.html");
    assert_has(
        &html,
        &[
            "Where paper gets stuck, and how to pull it out.",
            "2024-03-01",
        ],
    );
    assert!(site.root().join("public/tags/paper/index.html").exists());
    assert!(site.root().join("public/old/paper-jam/index.html").exists());
    assert_lacks(&err, &["jam.md"]);
}

#[test]
fn invalid_json_front_matter_is_an_error_at_its_line_and_column() {
    let site = Site::fixture("hugo-json");
    site.write(
        "content/printing/broken.md",
        "{\n  \"title\": \"Broken\"\n  \"draft\": true\n}\n\nText.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{err}");
    assert!(
        err.contains("error: invalid JSON: expected `,` or `}`"),
        "{err}"
    );
    assert!(err.contains("┌─ content/printing/broken.md:3:3"), "{err}");
    assert!(site.root().join("public/printing/jam/index.html").exists());
}

/// FastAPI's docs (markdown-include) and mkdocstrings' (PyMdown's
/// snippets) include files from outside the docs folder: the include
/// lines were shown as written, most of them inside code blocks. A file
/// that is not there is left out with a warning, and a code block of
/// nothing else with it.
#[test]
fn file_includes_of_missing_files_are_left_out_with_a_warning() {
    let (site, err) = built("includes");
    let (title, body) = page(&site, "tutorial/first-app");
    assert_eq!(title, "Your first app");
    assert_has(
        &body,
        &["<strong>Python 3.10+</strong>", "serve main:app", "main.py"],
    );
    assert_lacks(&body, &["{!", "examples/first_app", "hl_lines"]);
    // Only the block with other code is left: no empty code blocks.
    assert_eq!(body.matches("<pre").count(), 1, "{body}");
    // The files that could not be read, with why, at the first.
    assert_warning_at(
        &err,
        "3 file includes left out: no such file (looked in the site folder and \
         content/tutorial/); the first: `../../../examples/first_app/main.py`",
        "content/tutorial/first-app.md:6:1",
    );
    let (_, body) = page(&site, "license");
    assert_has(&body, &["The full terms"]);
    assert_lacks(&body, &["8&lt;", "LICENSE"]);
    assert_warning_at(
        &err,
        "file include `LICENSE` left out: no such file",
        "content/license.md:5:1",
    );
}

/// The PyO3 guide writes its API links as `{{#PYO3_DOCS_URL}}/pyo3/…`:
/// with the variable left out they became site-root paths that name
/// nothing of the site, broken links that no warning reported.
#[test]
fn links_made_from_another_tools_variable_keep_their_text() {
    let (site, err) = built("templated-links");
    let (_, body) = page(&site, "cells");
    assert_has(
        &body,
        &[
            "<code>Cell</code> before",
            "API docs list",
            "href=\"../install/index.html\">install\npage</a>",
            "src=\"../diagram.svg\"",
        ],
    );
    assert_lacks(&body, &["/api/struct.Cell.html", "{{", "DOCS_URL"]);
    assert_warning_at(
        &err,
        "4 template tags left out of the page (the first: `{{#BOOK_URL}}`)",
        "content/cells.md:4:7",
    );
}

/// The PyO3 guide quotes code (`> ```rust`): read as text, its generics
/// (`Option<Py<PyAny>>`) lost `<PyAny>` as a component tag, with a
/// warning about a tag the author never wrote.
#[test]
fn code_inside_a_block_quote_is_shown_as_written() {
    let (site, err) = built("quoted-code");
    let (_, body) = page(&site, "upgrade");
    assert_has(
        &body,
        &[
            "<blockquote>",
            "Option&lt;Handle&lt;Session&gt;&gt; = client.open()?;",
            "Keep the handle",
        ],
    );
    assert_lacks(&err, &["JSX"]);
}

/// `[home]({{#V}}/)` led to this site's home (the `/` left over names a
/// page), `{{#V}}?q` to a section page, and `![i]({{#V}}/pyo3/x.svg)` to
/// a site-root file that does not exist, all without a warning.
#[test]
fn targets_that_are_only_another_tools_variable_lead_nowhere() {
    let (site, _) = built("templated-links");
    let (_, body) = page(&site, "elsewhere");
    assert_has(
        &body,
        &[
            "See the docs' home, a search\nand their top.",
            "Class diagram of the API",
        ],
    );
    assert_lacks(&body, &["<a href", "<img", "classes.svg"]);
}

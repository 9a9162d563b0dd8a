//! File includes of other tools (mdBook's `{{#include}}`, PyMdown's
//! snippets, mkdocs-include-markdown's and GitBook's tags): the file's text
//! is put where the line stands, from files of the site folder only, and
//! never an internal page into a public one.

use crate::conventions::{assert_error_at, assert_has, assert_warning_at, page};
use crate::serve::assert_same_as_clean_build;
use crate::support::{Server, Site, stderr, tree, without_highlighting};

const LISTING: &str = "use std::io;\n\n// ANCHOR: main\nfn main() {\n    println!(\"hello\");\n}\n// ANCHOR_END: main\n";

/// An mdBook project, built where it stands, with its listings beside
/// `src/` as mdBook keeps them.
fn book() -> Site {
    let site = Site::empty();
    site.write(
        "book.toml",
        "[book]\ntitle = \"Listings\"\nlanguage = \"en\"\n",
    );
    site.write("src/SUMMARY.md", "# Summary\n\n- [Hello](hello.md)\n");
    site.write(
        "src/hello.md",
        "# Hello\n\nThe program:\n\n```rust\n{{#rustdoc_include ../listings/ch01/main.rs:main}}\n```\n\nIts first line:\n\n```rust\n{{#include ../listings/ch01/main.rs:1}}\n```\n",
    );
    site.write("listings/ch01/main.rs", LISTING);
    site
}

fn build(site: &Site, args: &[&str]) -> String {
    let output = site.tier0(&[&["build"], args].concat()).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    err
}

#[test]
fn an_mdbooks_listings_are_shown_in_its_code_blocks() {
    let site = book();
    let err = build(&site, &[]);
    assert!(!err.contains("file include"), "{err}");
    let (_, body) = page(&site, "hello");
    assert_has(
        &body,
        &[
            "<code class=\"language-rust\">fn main() {\n    println!(\"hello\");\n}\n</code>",
            "<code class=\"language-rust\">use std::io;\n</code>",
        ],
    );
    assert!(!body.contains("ANCHOR") && !body.contains("{{#"), "{body}");

    // A listing edited is shown by the next build, which keeps the other
    // pages from its cache: the page's digest holds what it includes.
    site.write("listings/ch01/main.rs", LISTING.replace("hello", "hola"));
    build(&site, &[]);
    let (_, body) = page(&site, "hello");
    assert!(body.contains("println!(\"hola\")"), "{body}");
    let cached = tree(&site.public());
    build(&site, &["--no-cache"]);
    assert!(
        cached == tree(&site.public()),
        "a cached build must equal a clean one"
    );
}

#[test]
fn snippets_and_include_tags_put_markdown_in_as_it_is_written() {
    let site = Site::empty();
    site.write(
        "mkdocs.yml",
        "site_name: Docs\ntheme:\n  name: material\n  language: en\n",
    );
    site.write(
        "README.md",
        "[![badge](https://example.com/b.svg)](https://example.com)\n<!--start-->\nInstall it with `pip install tool`, as [the guide](docs/guide.md#setup) shows: ![screen](docs/img/screen.png)\n<!--end-->\nFooter.\n",
    );
    site.write(
        "includes/warning.md",
        "---\ntitle: Shared warning\n---\n!!! warning \"Back up first\"\n    Copy your files before you start.\n",
    );
    site.write(
        "docs/install.md",
        "# Install\n\n--8<-- \"includes/warning.md\"\n\n{% include-markdown \"../README.md\" start=\"<!--start-->\" end=\"<!--end-->\" %}\n\n- Step one:\n\n    --8<-- \"includes/warning.md\"\n",
    );
    site.write("docs/guide.md", "# Guide\n\n## Setup\n\nText.\n");
    site.write("docs/img/screen.png", b"\x89PNG\r\n\x1a\n");
    let err = build(&site, &[]);
    assert!(!err.contains("file include"), "{err}");
    // The README's links, written from its folder, lead where they did.
    assert!(!err.contains("broken link"), "{err}");
    let (_, body) = page(&site, "install");
    assert_has(
        &body,
        &[
            "href=\"../guide/index.html#setup\"",
            "src=\"../img/screen.png\"",
        ],
    );
    assert_has(
        &body,
        &[
            "<p class=\"alert-title\">Back up first</p>",
            "Copy your files before you start.",
            "Install it with <code>pip install tool</code>, as",
        ],
    );
    assert_eq!(body.matches("Back up first").count(), 2, "{body}");
    for left_out in [
        "badge",
        "Footer",
        "Shared warning",
        "8&lt;",
        "include-markdown",
    ] {
        assert!(!body.contains(left_out), "{left_out}: {body}");
    }
}

#[test]
fn an_internal_page_is_never_included_into_a_public_one() {
    let site = Site::english();
    site.write(
        "content/plan.md",
        "---\nid: KB-2\ntitle: Escalation plan\naudience: internal\n---\n\nCall the on-call engineer at 555-0100.\n",
    );
    site.write(
        "content/help.md",
        "---\nid: KB-1\ntitle: Help\n---\n\nIntro.\n\n{% include \"plan.md\" %}\n",
    );
    // Outside the content folder, its front matter says so.
    site.write(
        "notes/escalation.md",
        "---\naudience: internal\n---\n\nThe vendor's line is 555-0199.\n",
    );
    site.write(
        "content/contact.md",
        "---\nid: KB-3\ntitle: Contact\n---\n\n--8<-- \"notes/escalation.md\"\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_error_at(
        &err,
        "includes `plan.md`, an internal article, which only the agents' build has",
        "content/help.md:8:1",
    );
    assert_error_at(
        &err,
        "includes `notes/escalation.md`, whose front matter says `audience: internal`",
        "content/contact.md:6:1",
    );
    let leaked = tree(&site.public()).values().any(|bytes| {
        let text = String::from_utf8_lossy(bytes);
        text.contains("555-0100") || text.contains("555-0199")
    });
    assert!(!leaked, "the internal text reached the public site");
    // The agents' edition shows it where it is included.
    let agents = site
        .tier0(&["build", "--audience", "agents", "--out", "agents"])
        .output()
        .unwrap();
    assert_eq!(agents.status.code(), Some(0), "{}", stderr(&agents));
    let help = std::fs::read_to_string(site.root().join("agents/help/index.html")).unwrap();
    assert!(help.contains("555-0100"), "{help}");
    let contact = std::fs::read_to_string(site.root().join("agents/contact/index.html")).unwrap();
    assert!(contact.contains("555-0199"), "{contact}");
}

#[test]
fn nothing_outside_the_site_folder_is_included() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "s3cr3t-token").unwrap();
    let site = Site::english();
    std::os::unix::fs::symlink(outside.path(), site.root().join("elsewhere")).unwrap();
    let up = "../".repeat(outside.path().components().count() + 4);
    let absolute = outside.path().join("secret.txt");
    site.write(
        "content/page.md",
        format!(
            "---\nid: KB-1\ntitle: Page\n---\n\n{{{{#include ../elsewhere/secret.txt}}}}\n\n--8<-- \"{}\"\n\n{{{{#include {up}{}}}}}\n",
            absolute.display(),
            absolute.display().to_string().trim_start_matches('/'),
        ),
    );
    let err = build(&site, &[]);
    assert_warning_at(
        &err,
        "2 file includes left out: it leads out of the site folder; the first: \
         `../elsewhere/secret.txt`",
        "content/page.md:6:1",
    );
    assert!(
        err.contains("an absolute path or a URL names no file"),
        "{err}"
    );
    let leaked = tree(&site.public())
        .values()
        .any(|bytes| String::from_utf8_lossy(bytes).contains("s3cr3t"));
    assert!(!leaked, "a file outside the site folder reached the site");
}

/// The dev server, which parses again only the files that changed, shows
/// an included file's edit where it is included: a page of the content
/// folder (whose own body edit alone would render only its page) and
/// another file.
#[test]
fn the_dev_server_shows_an_included_files_edit_where_it_is_included() {
    let site = Site::english();
    site.write(
        "content/shared/note.md",
        "---\nid: KB-9\ntitle: Note\n---\n\nFirst text.\n",
    );
    site.write(
        "content/help.md",
        "---\nid: KB-1\ntitle: Help\n---\n\nIntro.\n\n{% include \"shared/note.md\" %}\n",
    );
    site.write("content/listing.txt", "line one\n");
    site.write(
        "content/code.md",
        "---\nid: KB-2\ntitle: Code\n---\n\n```text\n{{#include listing.txt}}\n```\n",
    );
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let shows = |server: &Server, page: &str, text: &str| {
        String::from_utf8(server.get(page).1)
            .unwrap()
            .contains(text)
    };
    assert!(shows(&server, "/help/", "First text."));
    assert!(shows(&server, "/code/", "line one"));
    let steps = [
        (
            "edit the included page",
            "content/shared/note.md",
            "---\nid: KB-9\ntitle: Note\n---\n\nSecond text.\n",
            "/help/",
            "Second text.",
        ),
        (
            "edit the included listing",
            "content/listing.txt",
            "line two\n",
            "/code/",
            "line two",
        ),
    ];
    for (step, rel, text, page, shown) in steps {
        site.write(rel, text);
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(shows(&server, page, shown), "{step}");
        assert_same_as_clean_build(&site, &server, &settled, step);
    }
}

/// A file that a page includes from the content folder and that is
/// neither an article nor an asset (in a folder no build publishes, as
/// `_snippets/`) is left out by the dev server once deleted, alone or
/// with its folder, as by a build.
#[test]
fn the_dev_server_leaves_out_an_included_file_once_deleted() {
    let site = Site::english();
    site.write("content/_snippets/note.md", "Shared note.\n");
    site.write("content/_snippets/listing.txt", "line one\n");
    site.write(
        "content/help.md",
        "---\nid: KB-1\ntitle: Help\n---\n\nIntro.\n\n{{#include _snippets/note.md}}\n\n```text\n{{#include _snippets/listing.txt}}\n```\n",
    );
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let shows = |text: &str| {
        String::from_utf8(server.get("/help/").1)
            .unwrap()
            .contains(text)
    };
    assert!(shows("Shared note.") && shows("line one"));
    let snippets = site.root().join("content/_snippets");
    std::fs::remove_file(snippets.join("note.md")).unwrap();
    let settled = server.settled_after(generation);
    generation = settled["generation"].as_u64().unwrap();
    assert!(!shows("Shared note.") && shows("line one"));
    assert_same_as_clean_build(&site, &server, &settled, "the included page deleted");
    std::fs::remove_dir_all(&snippets).unwrap();
    let settled = server.settled_after(generation);
    assert!(!shows("line one"));
    assert_same_as_clean_build(
        &site,
        &server,
        &settled,
        "the folder of the listing deleted",
    );
}

#[test]
fn myst_include_blocks_put_markdown_and_code_in() {
    let site = Site::empty();
    site.write("docs/conf.py", "project = \"Widget\"\nlanguage = \"en\"\n");
    site.write(
        "README.md",
        "# Widget\n\n[![ci](https://example.com/ci.svg)](https://example.com)\n<!-- start -->\nWidget sorts your *files*.\n<!-- end -->\n",
    );
    site.write(
        "examples/app.py",
        "import widget\nwidget.sort()\nwidget.save()\nprint('done')\n",
    );
    site.write("docs/snippets/settings.toml", "[sort]\norder = \"name\"\n");
    site.write(
        "docs/usage.md",
        "# Usage\n\n```{include} ../README.md\n:start-after: <!-- start -->\n:end-before: <!-- end -->\n```\n\n```{literalinclude} ../examples/app.py\n:language: python\n:lines: 2-3\n```\n\n:::{literalinclude} /snippets/settings.toml\n:::\n",
    );
    let err = build(&site, &[]);
    assert!(!err.contains("include"), "{err}");
    let (_, body) = page(&site, "usage");
    assert_has(
        &body,
        &[
            "<p>Widget sorts your <em>files</em>.</p>",
            "<code class=\"language-python\">widget.sort()\nwidget.save()\n</code>",
            "[sort]\norder = \"name\"",
        ],
    );
    for left_out in [
        "ci.svg",
        "import widget",
        "done",
        "{include}",
        "literalinclude",
    ] {
        assert!(!body.contains(left_out), "{left_out}: {body}");
    }
}

/// An mdBook's listings lie outside its `src/`: the dev server watches the
/// files its pages include there, and shows an edit to one at once.
#[test]
fn the_dev_server_watches_included_files_outside_the_content_folder() {
    let site = book();
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let page = |server: &Server| {
        without_highlighting(&String::from_utf8(server.get("/hello/").1).unwrap())
    };
    assert!(page(&server).contains("println!(\"hello\")"));
    site.write("listings/ch01/main.rs", LISTING.replace("hello", "hola"));
    let settled = server.settled_after(generation);
    assert!(page(&server).contains("println!(\"hola\")"));
    assert_same_as_clean_build(&site, &server, &settled, "edit a listing");
}

/// A listing that a page includes from outside the content folder and
/// that is not there (a book copied without its listings, or one that a
/// `git checkout` removes and puts back) is watched for: the dev server
/// shows it once written, in a folder made after it started too.
#[test]
fn the_dev_server_shows_a_missing_listing_once_written() {
    let site = book();
    std::fs::remove_dir_all(site.root().join("listings")).unwrap();
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let page = |server: &Server| {
        without_highlighting(&String::from_utf8(server.get("/hello/").1).unwrap())
    };
    let listing = site.root().join("listings/ch01/main.rs");
    for (step, greeting) in [("the listings written", "hola"), ("written again", "hallo")] {
        site.write("listings/ch01/main.rs", LISTING.replace("hello", greeting));
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(page(&server).contains(greeting), "{step}");
        assert_same_as_clean_build(&site, &server, &settled, step);
        std::fs::remove_file(&listing).unwrap();
        generation = server.settled_after(generation)["generation"]
            .as_u64()
            .unwrap();
        assert!(!page(&server).contains(greeting), "{step}, then removed");
    }
}

/// Docusaurus reuses text through MDX partials: a page imports a Markdown
/// file as a component and puts it where `<Name />` stands, its links read
/// from the partial's folder; `@site/` is the project's folder. The
/// partial (named with `_`) is no page of its own, and a missing one is
/// said at its line.
#[test]
fn mdx_partials_are_put_in_where_their_component_stands() {
    let site = Site::empty();
    site.write(
        "docusaurus.config.js",
        "module.exports = { title: 'Printers' };\n",
    );
    site.write(
        "docs/printing/offline.mdx",
        "import Power from '@site/docs/_partials/_power.mdx';\nimport Spooler from \
         './_spooler.md';\nimport Tabs from '@theme/Tabs';\n\n# Printer offline\n\n<Power />\n\n\
         - Then:\n\n  <Spooler product=\"Windows\" />\n",
    );
    site.write(
        "docs/_partials/_power.mdx",
        "Check the **power light**; see [the jam page](../printing/jam.md).\n",
    );
    site.write(
        "docs/printing/_spooler.md",
        "Restart the **print spooler**.\n",
    );
    site.write("docs/printing/jam.md", "# Paper jam\n\nOpen the tray.\n");
    let err = build(&site, &[]);
    assert!(
        !err.contains("file include") && !err.contains("JSX"),
        "{err}"
    );
    let (_, body) = page(&site, "printing/offline");
    assert_has(
        &body,
        &[
            "Check the <strong>power light</strong>; see <a href=\"../../printing/jam/index.html\">",
            "<p>Restart the <strong>print spooler</strong>.</p>",
        ],
    );
    assert!(
        !body.contains("Power") && !body.contains("import"),
        "{body}"
    );
    assert!(!site.public().join("printing/_spooler").exists());
    std::fs::remove_file(site.root().join("docs/printing/_spooler.md")).unwrap();
    let err = build(&site, &[]);
    assert_warning_at(
        &err,
        "file include `./_spooler.md` left out: no such file",
        "docs/printing/offline.mdx:11:3",
    );
}

/// Docusaurus shows a file as code by importing it as text and putting it
/// in a `<CodeBlock>`: the page showed `{Source}` instead, then the code
/// without the block's `title`.
#[test]
fn a_file_imported_as_text_is_shown_in_its_code_block() {
    let site = Site::empty();
    site.write(
        "docusaurus.config.js",
        "module.exports = { title: 'Printers' };\n",
    );
    site.write(
        "docs/scripts.mdx",
        "import CodeBlock from '@theme/CodeBlock';\nimport Reset from '!!raw-loader!./reset.ps1';\n\n\
         # Scripts\n\nRun this:\n\n<CodeBlock language=\"powershell\" title=\"reset.ps1\">{Reset}</CodeBlock>\n",
    );
    site.write("docs/reset.ps1", "Restart-Service -Name Spooler\n");
    let err = build(&site, &[]);
    assert!(!err.contains("JSX") && !err.contains("include"), "{err}");
    let (_, body) = page(&site, "scripts");
    assert_has(
        &body,
        &[
            "<p class=\"code-title\"><code>reset.ps1</code>",
            "<code class=\"language-powershell\">",
            "Spooler",
        ],
    );
    assert!(!body.contains("{Reset}"), "{body}");
}

/// Hugo sites include a shared text with a shortcode of their own
/// (`{{% include "/_common/x.md" %}}`, Hugo's documentation's) or Docsy's
/// `{{< readfile >}}`: the text was left out with the shortcode.
#[test]
fn hugo_include_shortcodes_put_the_file_in() {
    let site = Site::empty();
    site.write("hugo.toml", "title = 'Printers'\n");
    site.write(
        "content/printing/offline.md",
        "---\ntitle: Printer offline\n---\n\n{{% include \"/_common/power.md\" %}}\n\n\
         {{< readfile file=\"spooler.ps1\" code=\"true\" lang=\"powershell\" >}}\n",
    );
    site.write(
        "content/_common/power.md",
        "---\ntitle: Power\n---\n\nCheck the **power light**.\n",
    );
    site.write("content/printing/spooler.ps1", "Restart-Service Spooler\n");
    let err = build(&site, &[]);
    assert!(
        !err.contains("shortcode") && !err.contains("include"),
        "{err}"
    );
    let (_, body) = page(&site, "printing/offline");
    assert_has(
        &body,
        &[
            "<p>Check the <strong>power light</strong>.</p>",
            "<code class=\"language-powershell\">",
        ],
    );
    assert!(!body.contains("Power"), "{body}");
}

//! Regressions found by the fifteenth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, fifteenth round"), each
//! pinned on a small site of our own that writes the same pattern.
//!
//! Sets: `docs` of PyPI `pyinfra` 3.10.0 (sdist, MIT; Zensical with
//! `use_directory_urls = false`) and `docs` of PyPI `pydantic-settings`
//! 2.16.3 (sdist, MIT; MkDocs Material).

use crate::conventions::assert_has;
use crate::held_out::build;
use crate::support::Site;

/// pyinfra's `zensical.toml` lists its operations page by the URL it is
/// published at (`{ "Operations" = "operations.html" }`, with
/// `use_directory_urls = false`), which Zensical and MkDocs read as a link
/// to that page: tier0 read no page there, and the page fell after every
/// page the nav lists, last of the site, without a word.
#[test]
fn a_nav_entry_naming_a_page_by_its_html_url_places_the_page() {
    let site = Site::empty();
    site.write(
        "zensical.toml",
        "[project]\nsite_name = \"Relay\"\nuse_directory_urls = false\nnav = [\n  \
         { \"Home\" = \"index.md\" },\n  { \"Install\" = \"install.md\" },\n  \
         { \"Commands\" = \"commands.html\" },\n  { \"Settings\" = \"settings.md\" },\n]\n",
    );
    site.write("docs/index.md", "# Relay\n\nRelay forwards messages.\n");
    site.write("docs/install.md", "# Install\n\nRun the installer.\n");
    site.write("docs/commands.md", "# Every command\n\nThe commands.\n");
    site.write("docs/settings.md", "# Settings\n\nThe settings file.\n");
    build(&site);
    let commands = site.read_public("commands/index.html");
    assert_has(
        &commands,
        &[
            "<title>Commands · ",
            "install/index.html\" rel=\"prev\"",
            "settings/index.html\" rel=\"next\"",
        ],
    );
    let settings = site.read_public("settings/index.html");
    assert!(!settings.contains("rel=\"next\""), "{settings}");
}

/// pyinfra's pages were published as files (`getting-started.html`, with
/// `use_directory_urls = false`), as every mdBook and Sphinx page is:
/// tier0 publishes `getting-started/`, and the old addresses, bookmarked
/// or linked from other sites, were all broken. Each article's old
/// address now redirects to its page; a folder's page needs none, and a
/// file of the site that takes an old address keeps it, with a warning.
#[test]
fn a_page_a_generator_published_as_a_file_keeps_its_old_address() {
    let site = Site::empty();
    site.write("book.toml", "[book]\ntitle = \"Relay\"\n");
    site.write(
        "src/SUMMARY.md",
        "# Summary\n\n- [Relay](README.md)\n- [Install](install.md)\n- [Guide](guide/README.md)\n  \
         - [Setup](guide/setup.md)\n- [Notes](notes.md)\n",
    );
    site.write("src/README.md", "# Relay\n\nRelay forwards messages.\n");
    site.write("src/install.md", "# Install\n\nRun the installer.\n");
    site.write("src/guide/README.md", "# Guide\n\nThe guide.\n");
    site.write("src/guide/setup.md", "# Setup\n\nSet it up.\n");
    site.write("src/notes.md", "# Notes\n\nRelease notes.\n");
    site.write(
        "src/notes.html",
        "<p>Notes kept as a page of their own.</p>\n",
    );
    let err = build(&site);
    let setup = site.read_public("guide/setup.html");
    assert_has(
        &setup,
        &["url=../guide/setup/index.html\"", "<title>Setup</title>"],
    );
    assert_has(
        &site.read_public("install.html"),
        &["url=install/index.html\""],
    );
    // The folder's page is at its old address already; the file keeps its own.
    assert_has(&site.read_public("guide/index.html"), &["The guide."]);
    assert_eq!(
        site.read_public("notes.html"),
        "<p>Notes kept as a page of their own.</p>\n"
    );
    assert_has(&err, &["the old address", "notes.html"]);

    // With a `tier0.yaml` and redirects left to the not-found page, the
    // old addresses are in its lookup.
    site.write(
        "tier0.yaml",
        "title: Relay\ncontent_dir: src\nredirects: not-found\n",
    );
    build(&site);
    assert!(!site.public().join("guide/setup.html").exists());
    let lookup = site.read_public("kb/redirects-0.json");
    assert_has(&lookup, &["\"guide/setup.html\":\"guide/setup/\""]);
}

/// A site of tier0's own never had `.html` addresses: no redirect from one.
#[test]
fn a_site_of_its_own_gets_no_old_file_addresses() {
    let site = Site::english();
    site.write("content/printers/reset.md", "# Reset\n\nHold the button.\n");
    build(&site);
    assert!(site.public().join("printers/reset/index.html").exists());
    assert!(!site.public().join("printers/reset.html").exists());
}

/// pyinfra's `nav` groups pages of its top folder under titled groups
/// ("Using pyinfra", "Deploy Reference", "Meta"): tier0's sections were
/// its folders only, so the groups' titles were read for the order and
/// shown nowhere, and a flat docs folder lost all its structure. Such a
/// group is now a section of its own that gathers its pages, each
/// redirected from the path it had; a page in a folder keeps its folder's
/// section, and one whose front matter names its category stays there.
#[test]
fn a_nav_group_of_top_folder_pages_is_a_section() {
    let site = Site::empty();
    site.write(
        "mkdocs.yml",
        "site_name: Relay\nnav:\n  - Home: index.md\n  - Using Relay:\n      - install.md\n      \
         - Tuning:\n          - tuning.md\n      - usage.md\n      - Big_Plan.md\n  - Reference:\n      - cli.md\n      \
         - api/calls.md\n      - pinned.md\n",
    );
    site.write("docs/index.md", "# Relay\n\nRelay forwards messages.\n");
    site.write("docs/install.md", "# Install\n\nRun the installer.\n");
    site.write("docs/tuning.md", "# Tuning\n\nSet the buffers.\n");
    site.write(
        "docs/usage.md",
        "# Usage\n\nSee [install](install.md) and [the plan](/big-plan/).\n",
    );
    site.write(
        "docs/Big_Plan.md",
        "---\naudience: internal\n---\n# Plan\n\nThe internal plan.\n",
    );
    site.write("docs/cli.md", "# Commands\n\nThe commands.\n");
    site.write("docs/api/calls.md", "# Calls\n\nThe calls.\n");
    site.write(
        "docs/pinned.md",
        "---\ncategory: extras\n---\n# Pinned\n\nStays where it says.\n",
    );
    let err = build(&site);
    let section = site.read_public("using-relay/index.html");
    assert_has(
        &section,
        &["<h1>Using Relay</h1>", "Install", "Usage", "Tuning"],
    );
    assert_has(
        &site.read_public("using-relay/usage/index.html"),
        &["<a href=\"../../using-relay/install/index.html\">install</a>"],
    );
    assert!(
        site.public()
            .join("using-relay/tuning/tuning/index.html")
            .exists()
    );
    // An internal page's old path, written in a public page, stays withheld.
    let usage = site.read_public("using-relay/usage/index.html");
    assert!(!usage.contains("plan/"), "{usage}");
    assert_has(&err, &["`/big-plan/` is an internal article"]);
    assert!(!site.public().join("big-plan").exists());
    assert!(!site.public().join("using-relay/big-plan").exists());
    assert_has(&site.read_public("reference/index.html"), &["Commands"]);
    assert!(site.public().join("reference/cli/index.html").exists());
    assert!(site.public().join("api/calls/index.html").exists());
    assert!(site.public().join("extras/pinned/index.html").exists());
    // The path each page had redirects to it.
    assert_has(
        &site.read_public("install/index.html"),
        &["url=../using-relay/install/index.html\""],
    );
    assert_has(
        &site.read_public("tuning/index.html"),
        &["url=../using-relay/tuning/tuning/index.html\""],
    );
    // The home page shows the groups as its topics.
    assert_has(
        &site.read_public("index.html"),
        &["Using Relay", "Reference"],
    );
}

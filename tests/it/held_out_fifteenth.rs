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

//! Regressions found by the twelfth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, twelfth round"), each pinned
//! on a small site of our own that writes the same pattern.

use crate::conventions::assert_has;
use crate::held_out::build;
use crate::support::Site;

/// Loco's Zola site (`config.toml` with `base_url`, pages in `content/`)
/// names no language, so Zola publishes it in English: tier0 took its
/// title from `config.toml` but, the content folder being its own
/// `content/`, built it as a Spanish site (Spanish labels, Spanish
/// stemming of English text).
#[test]
fn a_zola_project_naming_no_language_is_english() {
    let site = Site::empty();
    site.write(
        "config.toml",
        "base_url = \"https://example.org\"\ntitle = \"Acme Framework\"\ncompile_sass = true\n",
    );
    site.write(
        "content/docs/routing.md",
        "+++\ntitle = \"Routing\"\nweight = 1\n+++\n\nRoutes are matched by their prefixes.\n",
    );
    let err = build(&site);
    assert_has(
        &err,
        &["The site's language is `en`, the default of the generator configured by config.toml"],
    );
    let html = site.read_public("docs/routing/index.html");
    assert_has(
        &html,
        &["<html lang=\"en\"", "<title>Routing · Acme Framework"],
    );
}

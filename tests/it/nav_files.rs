//! The navigation other generators keep beside the pages: Astro
//! Starlight's `sidebar:` front matter, Docsify's `_sidebar.md`,
//! mkdocs-awesome-pages' `.pages` and Nextra's `_meta.json`. Each orders
//! (and titles) the pages of a docs folder written for that tool, as its
//! users expect, and none is published.

use crate::conventions::{assert_has, assert_warning_at, built};
use crate::support::Site;

/// The pages under `path` that the page at `path` links to, in the order
/// it lists them (each by its path, `guides/vpn`), once each.
fn listed(site: &Site, path: &str) -> Vec<String> {
    let html = site.read_public(&format!("{path}index.html"));
    let mut found: Vec<String> = Vec::new();
    for (at, _) in html.match_indices("href=\"") {
        let href = &html[at + 6..];
        let href = &href[..href.find('"').unwrap_or(0)];
        let Some(target) = href.strip_suffix("/index.html") else {
            continue;
        };
        let target = target.trim_start_matches("../").trim_start_matches("./");
        let target = target.to_owned();
        if target.starts_with(path) && !found.contains(&target) {
            found.push(target);
        }
    }
    found
}

#[test]
fn starlight_sidebar_order_places_pages_and_hidden_lists_them_nowhere() {
    let (site, err) = built("starlight");
    // `order` first, in its order; then the others by title (VitePress's
    // `sidebar: false` changes nothing).
    assert_eq!(
        listed(&site, "guides/"),
        [
            "guides/welcome",
            "guides/vpn",
            "guides/accounts",
            "guides/backup"
        ]
    );
    // `hidden: true`: its page is built, and listed nowhere.
    assert_has(
        &site.read_public("guides/beta/index.html"),
        &["<h1>Zebra beta client</h1>", "noindex"],
    );
    let articles = site.read_public("articles.json");
    assert!(!articles.contains("Zebra"), "{articles}");
    assert!(!err.contains("sidebar"), "{err}");
    assert!(!err.contains("pagefind"), "{err}");
}

#[test]
fn a_docsify_sidebar_orders_the_pages_it_links_and_is_not_published() {
    let (site, err) = built("docsify");
    // Listed pages in its order (`guide/usage` without `.md`, from the
    // docs root); the one it leaves out after them, still published.
    assert_eq!(
        listed(&site, "guide/"),
        ["guide/usage", "guide/install", "guide/about"]
    );
    // The README is the home page, as in Docsify.
    assert_has(&site.read_public("index.html"), &["Office IT help"]);
    // A link to no file is a warning at the link, with the way to fix it.
    assert_warning_at(
        &err,
        "`guide/upgrade.md` names no article of the site: this entry is passed over",
        "content/_sidebar.md:5:5",
    );
    // Neither the sidebar nor Docsify's navbar and cover page is a page.
    for name in [
        "_sidebar",
        "_navbar",
        "_coverpage",
        "sidebar",
        "navbar",
        "coverpage",
    ] {
        assert!(!site.public().join(name).exists(), "{name}");
    }
    let articles = site.read_public("articles.json");
    assert!(!articles.contains("Español"), "{articles}");
}

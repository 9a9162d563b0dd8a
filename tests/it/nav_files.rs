//! The navigation other generators keep beside the pages: Astro
//! Starlight's `sidebar:` front matter, Docsify's `_sidebar.md`,
//! mkdocs-awesome-pages' `.pages` and Nextra's `_meta.json`. Each orders
//! (and titles) the pages of a docs folder written for that tool, as its
//! users expect, and none is published.

use crate::conventions::{assert_error_at, assert_has, assert_warning_at, built};
use crate::serve::{Step, assert_rebuilds_everything_as_a_clean_build};
use crate::support::Site;
use crate::support::edit;

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

/// Where each of `hrefs` is first written in `html`, in that order.
fn in_order(html: &str, hrefs: &[&str]) -> bool {
    let at: Vec<usize> = hrefs
        .iter()
        .map(|href| {
            html.find(href)
                .unwrap_or_else(|| panic!("no {href} in:\n{html}"))
        })
        .collect();
    at.windows(2).all(|pair| pair[0] < pair[1])
}

#[test]
fn awesome_pages_files_order_and_title_pages_and_folders() {
    let (site, err) = built("awesome-pages");
    // `nav` in its order, the pages it leaves out at its `...`.
    assert_eq!(
        listed(&site, "printing/"),
        [
            "printing/toner",
            "printing/offline",
            "printing/jams",
            "printing/archive"
        ]
    );
    // `- Title: page.md` titles the page; `title:` its folder's section.
    assert_has(
        &site.read_public("printing/offline/index.html"),
        &["<h1>Offline printer</h1>", "Printer shows offline"],
    );
    assert_has(
        &site.read_public("printing/index.html"),
        &["<h1>Printers and scanners</h1>"],
    );
    // The root's `.pages` orders its folders.
    let home = site.read_public("index.html");
    assert!(
        in_order(
            &home,
            &["\"accounts/index.html\"", "\"printing/index.html\""]
        ),
        "{home}"
    );
    assert_warning_at(
        &err,
        "`gone.md` names no page or folder in `printing`: this entry is passed over",
        "content/printing/.pages:5:5",
    );
    assert!(!site.public().join(".pages").exists());
    assert!(!site.public().join("printing/.pages").exists());
}

#[test]
fn nextra_meta_files_order_title_and_hide_pages() {
    let (site, err) = built("nextra");
    // The keys' order, then the pages left out by title; the hidden page
    // and the separator are in no list.
    assert_eq!(
        listed(&site, "guide/"),
        [
            "guide/more",
            "guide/more/wi-fi",
            "guide/more/vpn",
            "guide/zebra",
            "guide/apple",
            "guide/mango"
        ]
    );
    assert_has(
        &site.read_public("guide/index.html"),
        &["<h1>Setting up your laptop</h1>"],
    );
    assert_has(
        &site.read_public("guide/apple/index.html"),
        &["<h1>Apple Mail</h1>"],
    );
    let hidden = site.read_public("guide/secret/index.html");
    assert_has(&hidden, &["Quokka beta programme", "noindex"]);
    let articles = site.read_public("articles.json");
    assert!(!articles.contains("Quokka"), "{articles}");
    assert_warning_at(
        &err,
        "`gone` names no page or folder in `guide`: this entry is passed over",
        "content/guide/_meta.json:13:3",
    );
    // Nextra 3's `_meta.ts`, a plain object, is read as `_meta.json` is.
    assert_eq!(
        listed(&site, "guide/more/"),
        ["guide/more/wi-fi", "guide/more/vpn"]
    );
    assert_has(
        &site.read_public("guide/more/wi-fi/index.html"),
        &["<h1>Wi-Fi</h1>"],
    );
    // One with a JSX title needs JavaScript: not read, said where.
    assert_warning_at(
        &err,
        "tier0 runs no JavaScript, and cannot read this `_meta` file without it: this value \
         is computed by JavaScript (a JSX title, a variable, a call); the order and titles it \
         gives are not read",
        "content/legacy/_meta.js:2:8",
    );
    assert!(!site.public().join("_meta.json").exists());
}

#[test]
fn serve_acts_on_changes_to_navigation_files_as_a_clean_build() {
    let site = Site::fixture("awesome-pages");
    let root = site.root();
    let pages = root.join("content/printing/.pages");
    let edit = |from: &str, to: &str| edit(&pages, from, to);
    let steps: Vec<Step> = vec![
        (
            "retitle a page in .pages",
            Box::new(|| edit("Offline printer: ", "Printer offline: ")),
        ),
        (
            "move a page first in .pages",
            Box::new(|| edit("  - toner.md\n", "  - archive.md\n  - toner.md\n")),
        ),
        (
            "retitle the folder in .pages",
            Box::new(|| edit("title: Printers and scanners", "title: Printing")),
        ),
        (
            "delete .pages",
            Box::new(|| std::fs::remove_file(&pages).unwrap()),
        ),
        (
            "add a _meta.json",
            Box::new(|| {
                site.write(
                    "content/printing/_meta.json",
                    "{\"jams\": \"Jammed paper\", \"toner\": {\"display\": \"hidden\"}}\n",
                )
            }),
        ),
        (
            "delete the _meta.json",
            Box::new(|| std::fs::remove_file(root.join("content/printing/_meta.json")).unwrap()),
        ),
        (
            "add a Docsify sidebar",
            Box::new(|| {
                site.write(
                    "content/_sidebar.md",
                    "- [Offline](printing/offline)\n- [Jams](printing/jams.md)\n",
                )
            }),
        ),
        (
            "reorder the sidebar",
            Box::new(|| {
                site.write(
                    "content/_sidebar.md",
                    "- [Jams](printing/jams.md)\n- [Offline](printing/offline)\n",
                )
            }),
        ),
        (
            "delete the sidebar",
            Box::new(|| std::fs::remove_file(root.join("content/_sidebar.md")).unwrap()),
        ),
    ];
    assert_rebuilds_everything_as_a_clean_build(&site, steps);
}

#[test]
fn a_navigation_file_that_does_not_decode_is_located_and_the_site_is_built() {
    let site = Site::fixture("awesome-pages");
    site.write(
        "content/printing/.pages",
        "nav:\n  - toner.md\n   - jams.md: [\n",
    );
    site.write(
        "content/accounts/_meta.json",
        "{\n  \"password\": \"Passwords\",\n}\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = crate::support::stderr(&output);
    // Written, with the broken files left out (exit code 3).
    assert_eq!(output.status.code(), Some(3), "{err}");
    assert_error_at(&err, "invalid YAML", "content/printing/.pages:3:13");
    assert_error_at(
        &err,
        "invalid JSON: trailing comma",
        "content/accounts/_meta.json:3:1",
    );
    // The folder is ordered by title, as without the file.
    assert_eq!(
        listed(&site, "printing/"),
        [
            "printing/archive",
            "printing/jams",
            "printing/offline",
            "printing/toner"
        ]
    );
}

#[test]
fn sphinx_toctrees_order_title_and_place_what_they_list() {
    let (site, err) = built("sphinx-toctree");
    // The root toctree's order, with its explicit title; not title order.
    assert_eq!(
        listed(&site, "setup/"),
        ["setup/wifi-office", "setup/printer", "setup/vpn"]
    );
    assert_has(
        &site.read_public("setup/printer/index.html"),
        &["<h1>Printers on every floor</h1>"],
    );
    // The caption titles the folder all its pages share.
    assert_has(
        &site.read_public("setup/index.html"),
        &["<h1>Setting up</h1>"],
    );
    // A glob lists what it matches sorted by name; a nested toctree
    // orders its own folder, `/usage/apple` from the content folder.
    assert_eq!(
        listed(&site, "reference/"),
        ["reference/a-glossary", "reference/b-codes"]
    );
    assert_eq!(
        listed(&site, "usage/"),
        ["usage/zebra", "usage/middle", "usage/apple"]
    );
    // Folders in the order the toctrees list them.
    assert!(
        in_order(
            &site.read_public("index.html"),
            &[
                "setup/index.html",
                "usage/index.html",
                "reference/index.html"
            ]
        ),
        "{}",
        site.read_public("index.html")
    );
    // An entry that names no page is a warning at the entry; `self` and
    // links to other sites are passed over silently.
    assert_warning_at(
        &err,
        "this toctree entry `setup/scanner` names no document of the site: it is passed over",
        "content/index.md:15:1",
    );
    assert!(!err.contains("example.com"), "{err}");
    assert!(!err.contains("`self`"), "{err}");
    // Neither fence's entries show on the page.
    let home = site.read_public("index.html");
    assert!(!home.contains("reference/*"), "{home}");
    assert!(!home.contains("maxdepth"), "{home}");
}

/// Astro's configuration of a Starlight project in English and French
/// whose `sidebar` lists its guides out of title order, after the
/// reference folder, and names one page that does not exist.
const STARLIGHT_CONFIG: &str = "import { defineConfig } from 'astro/config';\n\
    import starlight from '@astrojs/starlight';\n\n\
    export default defineConfig({\n  integrations: [\n    starlight({\n      \
    title: 'Help',\n      defaultLocale: 'en',\n      \
    locales: { en: { label: 'English' }, fr: { label: 'Français', lang: 'fr' } },\n      \
    sidebar: [\n        { label: 'Home', link: '/' },\n        \
    { label: 'Reference', autogenerate: { directory: 'reference' } },\n        \
    {\n          label: 'How-to guides',\n          \
    translations: { fr: 'Guides pratiques' },\n          items: [\n            \
    'guides/vpn',\n            { label: 'Sign-in', slug: 'guides/accounts' },\n            \
    { label: 'Start', link: '/guides/welcome/' },\n            'guides/printers',\n          \
    ],\n        },\n      ],\n    }),\n  ],\n});\n";

#[test]
fn a_starlight_sidebar_in_the_astro_config_orders_and_titles_the_pages() {
    let site = Site::empty();
    site.write("astro.config.mjs", STARLIGHT_CONFIG);
    for (rel, title) in [
        ("en/guides/welcome.md", "Welcome"),
        ("en/guides/vpn.md", "VPN"),
        ("en/guides/accounts.md", "Accounts"),
        ("en/reference/ports.md", "Ports"),
        ("en/reference/codes.md", "Codes"),
        ("fr/guides/welcome.md", "Bienvenue"),
        ("fr/guides/vpn.md", "VPN"),
        ("fr/guides/accounts.md", "Comptes"),
    ] {
        site.write(
            &format!("src/content/docs/{rel}"),
            format!("---\ntitle: {title}\n---\n\nText of {title}.\n"),
        );
    }
    let output = site.tier0(&["build"]).output().unwrap();
    let err = crate::support::stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    // The sidebar's order, not the titles', in both languages.
    assert_eq!(
        listed(&site, "guides/"),
        ["guides/vpn", "guides/accounts", "guides/welcome"]
    );
    assert_eq!(
        listed(&site, "fr/guides/"),
        ["fr/guides/vpn", "fr/guides/accounts", "fr/guides/welcome"]
    );
    // A label is the sidebar's: the pages keep their titles.
    assert_has(
        &site.read_public("guides/accounts/index.html"),
        &["<h1>Accounts</h1>"],
    );
    // Each group titles its folder, and places it.
    assert_has(
        &site.read_public("guides/index.html"),
        &["<h1>How-to guides</h1>"],
    );
    assert_has(
        &site.read_public("reference/index.html"),
        &["<h1>Reference</h1>"],
    );
    // A group's translations title its folder in their languages.
    assert_has(
        &site.read_public("fr/guides/index.html"),
        &["<h1>Guides pratiques</h1>"],
    );
    assert!(
        in_order(
            &site.read_public("index.html"),
            &["reference/index.html", "guides/index.html"]
        ),
        "{}",
        site.read_public("index.html")
    );
    assert_warning_at(
        &err,
        "the sidebar lists the page `guides/printers`, which no page of the content folder is",
        "astro.config.mjs:20:13",
    );
}

#[test]
fn serve_reads_a_starlight_sidebar_again_when_it_changes() {
    let site = Site::empty();
    site.write("astro.config.mjs", STARLIGHT_CONFIG);
    for rel in [
        "en/guides/welcome.md",
        "en/guides/vpn.md",
        "en/guides/accounts.md",
    ] {
        site.write(
            &format!("src/content/docs/{rel}"),
            format!("---\ntitle: {rel}\n---\n\nText.\n"),
        );
    }
    let reordered = STARLIGHT_CONFIG.replace("'guides/vpn',", "'guides/welcome', 'guides/vpn',");
    let steps: Vec<Step> = vec![(
        "reorder the sidebar",
        Box::new(|| site.write("astro.config.mjs", &reordered)),
    )];
    assert_rebuilds_everything_as_a_clean_build(&site, steps);
}

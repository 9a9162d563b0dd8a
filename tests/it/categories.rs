//! Docusaurus category files (`_category_.json`, `_category_.yml`) label,
//! order and describe their folders' sections, below what a landing page
//! says; they are never published, and a broken one is reported, located,
//! while the rest of the site is built. Number prefixes of file and folder
//! names order them, as in Docusaurus.

use crate::conventions::{assert_error_at, assert_has, assert_warning_at, built, page};
use crate::support::stderr;

/// Where each of `needles` first is in `text`, which must hold them all.
fn positions(text: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| {
            text.find(n)
                .unwrap_or_else(|| panic!("missing {n:?} in:\n{text}"))
        })
        .collect()
}

fn in_order(text: &str, needles: &[&str]) {
    let at = positions(text, needles);
    assert!(
        at.is_sorted(),
        "{needles:?} are not in this order in:\n{text}"
    );
}

#[test]
fn category_files_label_order_and_describe_sections() {
    let (site, err) = built("docusaurus-categories");
    let home = site.read_public("index.html");
    // By position (1, 2), a folder's number prefix (3), then the landing
    // page's weight (5), which wins over its category file's position (0),
    // as its title wins over the label.
    in_order(
        &home,
        &[
            "Getting started",
            "How-to guides",
            ">Troubleshooting</a>",
            "Reference manual",
        ],
    );
    assert!(!home.contains(">Reference</a>"), "{home}");
    assert_has(
        &home,
        &[
            "Step by step, for the tasks of every day.",
            // What the landing page leaves unsaid, the category file says.
            "From the category file.",
        ],
    );
    let guides = site.read_public("guides/index.html");
    assert_has(
        &guides,
        &[
            "<h1>How-to guides</h1>",
            "Step by step, for the tasks of every day.",
        ],
    );
    // The doc the category links to opens it, though its title sorts last.
    in_order(
        &site.read_public("getting-started/index.html"),
        &[
            "Welcome to the help desk",
            "Accounts you get on your first day",
        ],
    );
    // Number prefixes order the articles, whose titles sort otherwise, in
    // their section and in the list of every article.
    for listing in ["3-troubleshooting/index.html", "articles.json"] {
        in_order(
            &site.read_public(listing),
            &["Wi-Fi drops every hour", "A printer prints nothing"],
        );
    }
    // Breadcrumbs and navigation show the label, not the folder's name.
    let (_, _) = page(&site, "guides/vpn");
    let vpn = site.read_public("guides/vpn/index.html");
    assert_has(&vpn, &["How-to guides"]);
    assert!(!vpn.contains(">Guides<"), "{vpn}");
    assert_warning_at(
        &err,
        "unknown key `colapsed` in a Docusaurus category file: it is ignored",
        "content/getting-started/_category_.json:5:3",
    );
    for rel in [
        "getting-started/_category_.json",
        "guides/_category_.yml",
        "reference/_category_.json",
    ] {
        assert!(!site.public().join(rel).exists(), "{rel} is published");
    }
}

#[test]
fn a_broken_category_file_is_located_and_the_site_is_built() {
    let site = crate::support::Site::fixture("docusaurus-categories");
    site.write(
        "content/guides/_category_.yml",
        "label: How-to guides\nposition: [2\n",
    );
    site.write(
        "content/reference/_category_.json",
        "{\n  \"label\": \"Reference\",\n}\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    // Written, with the broken files left out (exit code 3).
    assert_eq!(output.status.code(), Some(3), "{err}");
    for (message, at) in [
        (
            "invalid YAML: position: invalid type: sequence",
            "content/guides/_category_.yml:2:11",
        ),
        (
            "invalid JSON: trailing comma",
            "content/reference/_category_.json:3:1",
        ),
    ] {
        assert_error_at(&err, message, at);
    }
    // The section is named after its folder, as if it had no category file.
    assert_has(&site.read_public("guides/index.html"), &["<h1>Guides</h1>"]);
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
}

#[test]
fn docusaurus_urls_without_number_prefixes_lead_to_their_pages() {
    let (site, _) = built("docusaurus-categories");
    let redirect = site.read_public("troubleshooting/wifi/index.html");
    assert_has(
        &redirect,
        &["http-equiv=\"refresh\" content=\"0; url=../../3-troubleshooting/01-wifi/index.html\""],
    );
    assert!(
        site.root()
            .join("public/troubleshooting/printer/index.html")
            .exists()
    );
    // A page at that path keeps it: the Docusaurus URL is left out, with a
    // warning, and both pages are published.
    site.write(
        "content/troubleshooting/wifi.md",
        "---\nid: KB-7\ntitle: Wi-Fi, the old page\n---\nText.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_warning_at(
        &err,
        "the Docusaurus URL of `wifi` would be written to `/troubleshooting/wifi/`, which article \
         `KB-7` already uses",
        "content/3-troubleshooting/01-wifi.md:2:5",
    );
    assert!(
        err.contains("the old link leads to the page that takes the path"),
        "{err}"
    );
    assert_eq!(page(&site, "troubleshooting/wifi").0, "Wi-Fi, the old page");
    assert_eq!(
        page(&site, "3-troubleshooting/01-wifi").0,
        "Wi-Fi drops every hour"
    );
    // tier0 makes the Docusaurus URL up: a site that never was a Docusaurus
    // one still passes `check` and `--strict` with such neighbours.
    for args in [&["check"][..], &["build", "--strict"]] {
        let output = site.tier0(args).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            err.contains("the Docusaurus URL of `wifi`"),
            "{args:?}: {err}"
        );
    }

    // An alias an author wrote keeps its path, whichever article comes first.
    std::fs::remove_file(site.root().join("content/troubleshooting/wifi.md")).unwrap();
    site.write(
        "content/zz.md",
        "---\nid: KB-8\ntitle: Aaa\naliases: [/troubleshooting/printer/]\n---\nText.\n",
    );
    let output = site.tier0(&["build", "--strict"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_has(
        &site.read_public("troubleshooting/printer/index.html"),
        &["url=../../zz/index.html\""],
    );
}

#[test]
fn generated_index_urls_lead_to_their_sections() {
    let (site, err) = built("docusaurus-categories");
    // `/category/` and the label's slug, as Docusaurus makes it; or the
    // category's own `slug`.
    for (from, to) in [
        ("category/reference/", "../../reference/index.html"),
        ("category/how-to-guides/", "../../guides/index.html"),
        (
            "help/troubleshooting/",
            "../../3-troubleshooting/index.html",
        ),
    ] {
        assert_has(
            &site.read_public(&format!("{from}index.html")),
            &[&format!("http-equiv=\"refresh\" content=\"0; url={to}\"")],
        );
    }
    assert!(!err.contains("generated index"), "{err}");
    // A URL that a page or another redirect already has is left out, with
    // a warning at the category file; the page keeps its path.
    site.write(
        "content/guides/_category_.yml",
        "label: How-to guides\nlink:\n  type: generated-index\n  slug: /reference\n",
    );
    site.write(
        "content/3-troubleshooting/_category_.json",
        "{\"link\": {\"type\": \"generated-index\", \"slug\": \"/troubleshooting/wifi\"}}\n",
    );
    site.write(
        "content/category/reference.md",
        "# Reference, the page\n\nText.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    for (message, at) in [
        (
            "the Docusaurus URL of section `guides` would be written to `/reference/`",
            "content/guides/_category_.yml:4:9",
        ),
        (
            "the Docusaurus URL of section `3-troubleshooting` would be written to \
             `/troubleshooting/wifi/`",
            "content/3-troubleshooting/_category_.json:1:47",
        ),
        (
            "the Docusaurus URL of section `reference` would be written to `/category/reference/`",
            "content/reference/_category_.json:1:39",
        ),
    ] {
        assert_warning_at(&err, message, at);
    }
    assert!(!site.read_public("reference/index.html").contains("refresh"));
    assert!(
        site.read_public("troubleshooting/wifi/index.html")
            .contains("01-wifi/index.html")
    );
    assert_eq!(page(&site, "category/reference").0, "Reference, the page");
}

//! Docusaurus settings that decide where a doc is shown: `unlisted`
//! builds the page but lists it nowhere; a category file's `doc` link
//! opens its section only with a doc of its own folder; an `id` is unique
//! within a folder only.

use crate::conventions::{assert_has, assert_warning_at, built, page};
use crate::support::{Site, stderr};

/// Every output file whose text holds `word` (in any case), by path
/// relative to `public/`.
fn files_with(public: &std::path::Path, word: &str) -> Vec<String> {
    let word = word.to_lowercase();
    let mut found: Vec<String> = walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            std::fs::read(e.path())
                .map(|bytes| {
                    String::from_utf8_lossy(&bytes)
                        .to_lowercase()
                        .contains(&word)
                })
                .unwrap_or(false)
        })
        .filter_map(|e| {
            let rel = e.path().strip_prefix(public).ok()?;
            Some(rel.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn an_unlisted_doc_is_reachable_by_its_url_and_listed_nowhere() {
    let (site, _) = built("docusaurus-docs");
    let page = site.read_public("printing/toner-pilot/index.html");
    // Its page, marked for search engines, in its section's breadcrumbs.
    assert_has(
        &page,
        &[
            "<h1>Quokka toner pilot sign-up</h1>",
            "<meta name=\"robots\" content=\"noindex\">",
            "Printing",
        ],
    );
    // Its title and its words are in its page and its short link only: in
    // no section, tier, tag or home page, feed, sitemap, articles.json,
    // search file, widget preview or other article's related list.
    assert_eq!(
        files_with(&site.public(), "quokka"),
        ["kb/KB-2/index.html", "printing/toner-pilot/index.html"]
    );
    let sitemap = site.read_public("sitemap.xml");
    assert!(sitemap.contains("/printing/scan-to-mail/"), "{sitemap}");
    assert!(!sitemap.contains("toner-pilot"), "{sitemap}");
    // An article that links to it still links to it.
    assert_has(
        &site.read_public("printing/scan-to-mail/index.html"),
        &["<a href=\"/printing/toner-pilot/\">the toner pilot page"],
    );
    // The other articles are listed as before, and know nothing of it.
    let section = site.read_public("printing/index.html");
    assert_has(
        &section,
        &["The paper tray jams", "Scanning to your mailbox"],
    );
    let listed = site.read_public("printing/jammed-tray/index.html");
    assert!(!listed.contains("noindex"), "{listed}");
    assert!(!listed.contains("toner-pilot"), "{listed}");
}

#[test]
fn a_category_linking_a_doc_of_another_folder_is_a_located_warning() {
    let (site, err) = built("docusaurus-docs");
    assert_warning_at(
        &err,
        "the doc `printing/jammed-tray` is in section `printing`, not in this category's \
         folder: the link is ignored",
        "content/scanners/_category_.json:5:12",
    );
    // The doc stays in its own section, which it does not open.
    let section = site.read_public("printing/index.html");
    let (jammed, scan) = (
        section.find("The paper tray jams"),
        section.find("Scanning to your mailbox"),
    );
    assert!(jammed.is_some() && scan < jammed, "{section}");
    assert_eq!(page(&site, "scanners/glass").0, "Streaks on every scan");
}

#[test]
fn docs_of_two_folders_with_one_id_are_both_published() {
    // Docusaurus ids are unique within a folder (`printing/overview`,
    // `scanners/overview`); tier0's name one article of the site. The
    // first by path keeps it, the other takes its folder's name.
    let (site, err) = built("docusaurus-docs");
    assert_warning_at(
        &err,
        "id `overview` is also the id of content/printing/overview.md, in another folder; \
         this article is published as `scanners-overview`",
        "content/scanners/overview.md:2:5",
    );
    assert_eq!(page(&site, "printing/overview").0, "Printing at a glance");
    assert_eq!(page(&site, "scanners/overview").0, "Scanning at a glance");
    assert_has(
        &site.read_public("kb/overview/index.html"),
        &["/printing/overview/"],
    );
    assert_has(
        &site.read_public("kb/scanners-overview/index.html"),
        &["/scanners/overview/"],
    );
}

#[test]
fn the_url_a_docusaurus_id_gave_a_doc_leads_to_it() {
    // Docusaurus puts a doc whose front matter writes `id` at its folder
    // and that id (`printing/paper-jam`), not at its file name: the old
    // URL redirects to the page, and links written with it work.
    let site = crate::support::Site::fixture("docusaurus-docs");
    site.write(
        "content/printing/PaperJam.md",
        "---\nid: paper-jam\ntitle: Paper jam\n---\n\nOpen the tray.\n",
    );
    site.write(
        "content/printing/Tray.md",
        "---\nid: KB-40\ntitle: Tray\n---\n\nSee [the jam](/printing/paper-jam).\n",
    );
    let output = site.tier0(&["build", "--strict"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        crate::support::stderr(&output)
    );
    assert_eq!(page(&site, "printing/paperjam").0, "Paper jam");
    assert_has(
        &site.read_public("printing/paper-jam/index.html"),
        &["url=/printing/paperjam/"],
    );
    // A tier0 id such as `KB-40` is no URL Docusaurus made.
    assert!(!site.public().join("printing/KB-40").exists());
    assert!(!site.public().join("printing/kb-40").exists());
    assert_has(
        &site.read_public("printing/tray/index.html"),
        &["printing/paperjam/"],
    );
    // An id whose URL another page has: a warning at the id, which made
    // that URL (it was at 1:1).
    site.write(
        "content/printing/Feeder.md",
        "---\nid: tray\ntitle: Feeder\n---\n\nText.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = crate::support::stderr(&output);
    assert!(output.status.success(), "{err}");
    assert_warning_at(
        &err,
        "the Docusaurus URL of `tray` would be written to `/printing/tray/`, which article \
         `KB-40` already uses",
        "content/printing/Feeder.md:2:5",
    );
}

/// A Docusaurus project whose docs plugin keeps its docs elsewhere
/// (`docs: { path: 'guides' }`) builds where it stands from that folder:
/// it had no content folder, or took a `docs/` Docusaurus does not read.
#[test]
fn the_docs_plugins_path_is_the_content_folder() {
    let site = Site::english();
    site.write(
        "docusaurus.config.js",
        "module.exports = {\n  title: 'Help',\n  presets: [['classic', {\n    \
         docs: { path: 'guides', routeBasePath: '/' },\n    blog: { path: 'news' },\n  }]],\n};\n",
    );
    site.write("guides/intro.md", "# Welcome\n\nStart here.\n");
    site.write(
        "guides/setup/router.md",
        "# Router\n\nRestart the router.\n",
    );
    site.write("docs/notes.md", "# Notes\n\nNot the project's docs.\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("the docs path of docusaurus.config.js"),
        "{err}"
    );
    assert!(site.public().join("setup/router/index.html").is_file());
    assert!(!site.public().join("notes/index.html").exists());
}

//! An MkDocs project's `mkdocs.yml` beside `tier0.yaml`: its `nav:` gives
//! the pages and sections it lists their titles and order, its Python tags
//! do not break the read, a file that is not YAML is a located error, and
//! the dev server acts on its changes as a clean build does.

use crate::conventions::{assert_has, built, page};
use crate::serve::{Step, assert_rebuilds_everything_as_a_clean_build};
use crate::support::edit;
use crate::support::{Site, stderr};

/// The hrefs of the section links of the home page, in order.
fn home_sections(site: &Site) -> Vec<String> {
    let home = site.read_public("index.html");
    let topics = home
        .split_once("id=\"topics\"")
        .map_or("", |(_, rest)| rest);
    [
        "printing/index.html",
        "help/index.html",
        "accounts/index.html",
    ]
    .into_iter()
    .filter_map(|href| topics.find(href).map(|at| (at, href.to_owned())))
    .collect::<std::collections::BTreeMap<_, _>>()
    .into_values()
    .collect()
}

#[test]
fn nav_titles_and_orders_pages_and_sections() {
    let (site, err) = built("mkdocs-nav");
    // The nav's title wins over the first heading, which, being another
    // text, stays in the page.
    let (title, body) = page(&site, "printing/offline");
    assert_eq!(title, "Printer offline");
    assert_has(&body, &["<h1", "Printer shows offline"]);
    // A page with neither heading nor front matter takes the nav's title,
    // and no warning says it has none.
    assert_eq!(page(&site, "help/start").0, "Getting started");
    assert!(!err.contains("no title"), "{err}");
    // Listed pages come in the nav's order, before the one it leaves out,
    // which MkDocs publishes all the same.
    let toner = site.read_public("printing/toner/index.html");
    assert_has(
        &toner,
        &[
            "printing/offline/index.html\" rel=\"prev\"",
            "printing/archive/index.html\" rel=\"next\"",
        ],
    );
    // A nav section titles the folder its pages share, and orders it, in
    // the order of the whole nav: "Your account", first in "Help" (which
    // shares no folder), still comes after "Printing"; "Help", a group of
    // a page of the top folder, is a section of its own, which the page
    // moved into (its old path redirects to it).
    let accounts = site.read_public("accounts/index.html");
    assert_has(&accounts, &["<h1>Your account</h1>"]);
    assert_has(&site.read_public("help/index.html"), &["<h1>Help</h1>"]);
    assert_has(
        &site.read_public("start/index.html"),
        &["url=../help/start/index.html"],
    );
    assert_eq!(
        home_sections(&site),
        [
            "printing/index.html",
            "help/index.html",
            "accounts/index.html"
        ]
    );
    assert!(!site.root().join("public/mkdocs").exists());
}

#[test]
fn mkdocs_yml_that_is_not_yaml_is_an_error_at_its_line() {
    let site = Site::fixture("mkdocs-nav");
    let path = site.root().join("mkdocs.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("  - Home: index.md", "  - Home: [index.md"),
    )
    .unwrap();
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("error: invalid YAML"), "{err}");
    assert!(err.contains("┌─ mkdocs.yml:15:11"), "{err}");
    // Regression: the build stopped there, before the category files and
    // tables of contents were read: their problems came one build later.
    site.write("content/printing/_category_.json", "{\"label\": 5}\n");
    site.write("content/_sidebar.md", "- [Gone](gone.md)\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    for located in [
        "┌─ mkdocs.yml:15:11",
        "┌─ content/printing/_category_.json:1:11",
        "┌─ content/_sidebar.md:1:3",
    ] {
        assert!(err.contains(located), "missing {located} in:\n{err}");
    }
}

#[test]
fn serve_acts_on_changes_to_mkdocs_yml_as_a_clean_build() {
    let site = Site::fixture("mkdocs-nav");
    let nav = site.root().join("mkdocs.yml");
    let steps: Vec<Step> = vec![
        (
            "retitle a page",
            Box::new(|| edit(&nav, "Printer offline: ", "Offline printer: ")),
        ),
        (
            "move a page first",
            Box::new(|| {
                edit(
                    &nav,
                    "      - Offline printer: printing/offline.md\n      - printing/toner.md\n",
                    "      - printing/toner.md\n      - Offline printer: printing/offline.md\n",
                )
            }),
        ),
        (
            "retitle a section",
            Box::new(|| edit(&nav, "Your account:", "Accounts and passwords:")),
        ),
        (
            "delete mkdocs.yml",
            Box::new(|| std::fs::remove_file(&nav).unwrap()),
        ),
    ];
    assert_rebuilds_everything_as_a_clean_build(&site, steps);
}

/// Zensical, MkDocs Material's successor (griffe's and mkdocstrings'
/// docs), reads the same nav from `zensical.toml`, under `[project]`: it
/// was not read, so the pages kept the order and titles of a site
/// without one.
#[test]
fn zensical_toml_nav_titles_and_orders_as_mkdocs_yml_does() {
    let site = Site::fixture("mkdocs-nav");
    std::fs::remove_file(site.root().join("mkdocs.yml")).unwrap();
    site.write(
        "zensical.toml",
        "[project]\nsite_name = \"Office IT help\"\nnav = [\n  { \"Home\" = \"index.md\" },\n  \
         { \"Printing\" = [\n    \"printing/index.md\",\n    \
         { \"Printer offline\" = \"printing/offline.md\" },\n    \"printing/toner.md\",\n  ] },\n  \
         { \"Help\" = [\n    { \"Your account\" = [\"accounts/password.md\"] },\n    \
         { \"Getting started\" = \"start.md\" },\n  ] },\n  \
         { \"Status page\" = \"https://status.example.com/\" },\n]\n\n\
         [project.theme]\nfeatures = [\"navigation.tabs\"]\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(page(&site, "printing/offline").0, "Printer offline");
    assert_eq!(page(&site, "help/start").0, "Getting started");
    assert!(!err.contains("no title"), "{err}");
    let accounts = site.read_public("accounts/index.html");
    assert_has(&accounts, &["<h1>Your account</h1>"]);
    assert_eq!(
        home_sections(&site),
        [
            "printing/index.html",
            "help/index.html",
            "accounts/index.html"
        ]
    );
    assert!(!site.root().join("public/zensical").exists());
}

/// ProperDocs, MkDocs's fork (cibuildwheel's docs), keeps the same
/// configuration in `properdocs.yml`: it was not read, so the pages came in
/// title order.
#[test]
fn properdocs_yml_nav_titles_and_orders_as_mkdocs_yml_does() {
    let site = Site::fixture("mkdocs-nav");
    let nav = std::fs::read_to_string(site.root().join("mkdocs.yml")).unwrap();
    std::fs::remove_file(site.root().join("mkdocs.yml")).unwrap();
    site.write("properdocs.yml", &nav);
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(page(&site, "printing/offline").0, "Printer offline");
    assert_eq!(page(&site, "help/start").0, "Getting started");
    assert_eq!(
        home_sections(&site),
        [
            "printing/index.html",
            "help/index.html",
            "accounts/index.html"
        ]
    );
    assert!(!site.root().join("public/properdocs").exists());
}

/// FastAPI's Spanish docs (and every translation of it) keep only
/// `INHERIT: ../en/mkdocs.yml` in their `mkdocs.yml`: the nav they build
/// with is the inherited file's, which was not read.
#[test]
fn an_mkdocs_yml_without_nav_takes_the_one_it_inherits() {
    let site = Site::fixture("mkdocs-nav");
    let nav = site.root().join("mkdocs.yml");
    let text = std::fs::read_to_string(&nav).unwrap();
    site.write("config/base.yml", text);
    std::fs::write(&nav, "INHERIT: config/base.yml\nsite_name: Ayuda\n").unwrap();
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(page(&site, "printing/offline").0, "Printer offline");
    assert_eq!(page(&site, "help/start").0, "Getting started");
    assert!(!err.contains("INHERIT"), "{err}");
    // A file it cannot read is a warning at the key.
    std::fs::remove_file(site.root().join("config/base.yml")).unwrap();
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: cannot read `config/base.yml`, which `INHERIT:` names"),
        "{err}"
    );
    assert!(err.contains("┌─ mkdocs.yml:1:1"), "{err}");
    assert_ne!(page(&site, "printing/offline").0, "Printer offline");
}

/// MkDocs follows `INHERIT:` through as many files as name one, each path
/// relative to the file that writes it; a chain that comes back to a file
/// ends.
#[test]
fn an_inherited_file_without_nav_passes_on_the_one_it_inherits() {
    let site = Site::fixture("mkdocs-nav");
    let nav = site.root().join("mkdocs.yml");
    let text = std::fs::read_to_string(&nav).unwrap();
    site.write("config/base/all.yml", text);
    site.write(
        "config/en.yml",
        "INHERIT: base/all.yml\ntheme: {name: material}\n",
    );
    std::fs::write(&nav, "INHERIT: config/en.yml\nsite_name: Ayuda\n").unwrap();
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(page(&site, "printing/offline").0, "Printer offline");
    assert!(!err.contains("INHERIT"), "{err}");
    // A cycle without nav ends, and the build goes on.
    site.write("config/en.yml", "INHERIT: ../mkdocs.yml\n");
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_ne!(page(&site, "printing/offline").0, "Printer offline");
}

/// `tier0 serve` acts on Mintlify's `docs.json` and `.mintignore` as a
/// clean build does: the hidden `.mintignore` was never watched.
#[test]
fn serve_acts_on_changes_to_mintlifys_files_as_a_clean_build() {
    let site = Site::fixture("mkdocs-nav");
    std::fs::remove_file(site.root().join("mkdocs.yml")).unwrap();
    let config = site.root().join("content/docs.json");
    let steps: Vec<Step> = vec![
        (
            "order and title with a docs.json",
            Box::new(|| {
                site.write(
                    "content/docs.json",
                    "{\"navigation\": {\"groups\": [{\"group\": \"Printers\", \"pages\": \
                     [\"printing/toner\", \"printing/offline\"]}]}}\n",
                )
            }),
        ),
        (
            "retitle the group",
            Box::new(|| edit(&config, "Printers", "Printing")),
        ),
        (
            "keep a page off with a .mintignore",
            Box::new(|| site.write("content/.mintignore", "printing/toner.md\n")),
        ),
        (
            "delete the .mintignore",
            Box::new(|| std::fs::remove_file(site.root().join("content/.mintignore")).unwrap()),
        ),
        (
            "delete the docs.json",
            Box::new(|| std::fs::remove_file(&config).unwrap()),
        ),
    ];
    assert_rebuilds_everything_as_a_clean_build(&site, steps);
}

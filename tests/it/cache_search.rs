//! The search index of a language whose articles did not change is kept
//! from the last build, and nothing of it that changed since is.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::cache::{assert_same_as_clean_build, cached_build, site};
use crate::support::{Site, edit};

/// The inode of the tantivy index's `meta.json` of `lang`, which tantivy
/// writes anew whenever it builds the language.
fn index_inode(site: &Site, lang: &str) -> u64 {
    let meta = site
        .root()
        .join(format!(".tier0/public/search/{lang}/meta.json"));
    std::fs::metadata(&meta)
        .unwrap_or_else(|e| panic!("{}: {e}", meta.display()))
        .ino()
}

/// `tier0 search` finds `query` in `lang`.
fn finds(site: &Site, lang: &str, query: &str) {
    let out = site
        .tier0(&["search", "--json", "--lang", lang, query])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["results"].as_array().is_some_and(|r| !r.is_empty()),
        "{lang} `{query}`: {json}"
    );
}

/// The path under `public/search/` of the first file of `lang`'s build folder.
fn exported_file(public: &Path, lang: &str) -> std::path::PathBuf {
    let folder = std::fs::read_dir(public.join("search").join(lang))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_dir())
        .expect("a build folder");
    folder.join("filters.js")
}

#[test]
fn an_unchanged_language_keeps_its_search_index_and_nothing_changed_since() {
    let site = site();
    cached_build(&site);
    let (es, en) = (index_inode(&site, "es"), index_inode(&site, "en"));

    cached_build(&site);
    assert_same_as_clean_build(&site, "nothing changed");
    assert_eq!(
        (index_inode(&site, "es"), index_inode(&site, "en")),
        (es, en)
    );

    let english = site.root().join("content/red/wifi.en.md");
    edit(
        &english,
        "1. First step.",
        "1. First step, with the router.",
    );
    cached_build(&site);
    assert_same_as_clean_build(&site, "an English body edited");
    assert_eq!(index_inode(&site, "es"), es, "Spanish was built again");
    assert_ne!(index_inode(&site, "en"), en, "English was kept");
    finds(&site, "en", "router");
    finds(&site, "es", "impresora");

    // A kept file edited in the site since (a minifier, a hand) is not kept.
    let filters = exported_file(&site.public(), "es");
    let bytes = std::fs::read(&filters).unwrap();
    std::fs::remove_file(&filters).unwrap();
    std::fs::write(&filters, [&bytes[..], b" "].concat()).unwrap();
    cached_build(&site);
    assert_same_as_clean_build(&site, "a search file edited in the site");
    assert_ne!(index_inode(&site, "es"), es, "an edited language was kept");
    let es = index_inode(&site, "es");

    // Nor is a language whose synonyms changed.
    let config = site.root().join("tier0.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    site.write(
        "tier0.yaml",
        format!("{text}search:\n  synonyms:\n    es:\n      - [wlan, wifi]\n"),
    );
    cached_build(&site);
    assert_same_as_clean_build(&site, "synonyms added");
    assert_ne!(
        index_inode(&site, "es"),
        es,
        "Spanish kept its old synonyms"
    );
    finds(&site, "es", "wlan");
}

use super::*;

#[test]
fn the_first_page_is_the_list_and_the_others_are_numbered() {
    assert_eq!(page_path("tiers/l3/", 1), "tiers/l3/");
    assert_eq!(page_path("tiers/l3/", 2), "tiers/l3/page/2/");
}

#[test]
fn pages_hold_the_page_size() {
    assert_eq!(page_count(0), 1);
    assert_eq!(page_count(1), 1);
    assert_eq!(page_count(PAGE_SIZE), 1);
    assert_eq!(page_count(PAGE_SIZE + 1), 2);
    assert_eq!(page_count(PAGE_SIZE * 14), 14);
}

fn registry() -> PathRegistry {
    PathRegistry::new([("Español", String::new()), ("English", "en/".to_owned())])
}

fn claim(r: &mut PathRegistry, site_path: &str) -> Result<(), String> {
    r.claim(
        site_path,
        format!("`{site_path}`"),
        PathBuf::from("content/x.md"),
        0..0,
    )
    .map_err(|d| d.message)
}

#[test]
fn generated_files_and_folders_are_refused_at_and_inside() {
    let mut r = registry();
    for (path, needle) in [
        (
            "404.html/",
            "where tier0 writes the not-found page (`/404.html`)",
        ),
        ("ROBOTS.TXT/", "the rules for crawlers"),
        ("articles.json", "the list of articles"),
        ("sitemap.xml/", "the sitemap"),
        ("atom.xml/", "the feed"),
        ("en/atom.xml/", "(`/en/atom.xml`)"),
        (
            "robots.txt/x/",
            "inside `/robots.txt`, where tier0 writes the rules for crawlers",
        ),
        (
            "kb/KB-1/",
            "inside `/kb/`, where tier0 writes the permanent short links",
        ),
        (
            "index.html/x/",
            "inside `/index.html`, which the home page already uses as a file",
        ),
        ("kb/", "where tier0 writes the permanent short links"),
        ("en/tiers/l1/", "inside `/en/tiers/`"),
        ("search/a.json", "the search index"),
        ("Static/", "the theme's files"),
        ("changes/", "\"what changed\""),
        ("index.html", "which the home page already uses"),
        ("en/", "which the English home page already uses"),
        ("en/index.html", "which the English home page already uses"),
    ] {
        let err = claim(&mut r, path).expect_err(path);
        assert!(err.contains(needle), "{path}: {err}");
    }
    // Only the root has these; other languages' folders are free.
    for path in ["en/404.html/", "en/static/x.css", "red/kb/"] {
        claim(&mut r, path).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

#[test]
fn pages_nest_but_files_do_not() {
    let mut r = registry();
    claim(&mut r, "red/").unwrap();
    claim(&mut r, "red/wifi/").unwrap();
    claim(&mut r, "red/wifi/router.png").unwrap();
    claim(&mut r, "a/b/").unwrap();
    let err = claim(&mut r, "red/wifi/index.html").unwrap_err();
    assert!(err.contains("which `red/wifi/` already uses"), "{err}");
    let err = claim(&mut r, "red/wifi/router.png/x/").unwrap_err();
    assert!(
        err.contains(
            "inside `/red/wifi/router.png`, which `red/wifi/router.png` already uses as a file"
        ),
        "{err}"
    );
    let err = claim(&mut r, "a").unwrap_err();
    assert!(
        err.contains("must be a folder: `a/b/` is inside it"),
        "{err}"
    );
    claim(&mut r, "x/index.html").unwrap();
    let err = claim(&mut r, "x/").unwrap_err();
    assert!(
        err.contains("`/x/index.html`, which `x/index.html` already uses"),
        "{err}"
    );
}

#[test]
fn paths_that_differ_only_in_case_collide() {
    let mut r = registry();
    claim(&mut r, "Red/Wifi/").unwrap();
    let err = claim(&mut r, "red/wifi/").unwrap_err();
    assert!(err.contains("which `Red/Wifi/` already uses"), "{err}");
    claim(&mut r, "Ñu.png").unwrap();
    assert!(claim(&mut r, "ñu.png").is_err());
}

#[test]
fn every_generated_name_is_found_whatever_its_case() {
    for g in GENERATED {
        assert_eq!(generated_named(&g.name.to_uppercase()), Some(g));
    }
    assert_eq!(generated_named("red"), None);
}

#[test]
fn segments_longer_than_a_file_name_are_named() {
    let fits = "a".repeat(MAX_SEGMENT_BYTES);
    assert_eq!(segment_too_long(&format!("{fits}/{fits}/")), None);
    let long = format!("x/{}/", "é".repeat(128));
    let err = segment_too_long(&long).unwrap();
    assert!(err.contains("is 256 bytes long"), "{err}");
    assert!(err.starts_with(&format!("`{}…`", "é".repeat(24))), "{err}");
}

/// A section given a language's code (`category: en`): told that the
/// folder holds that language's pages.
#[test]
fn a_section_named_by_a_language_is_told_what_the_folder_holds() {
    let mut r = registry();
    let err = r
        .claim(
            "en/",
            "section `en`".into(),
            PathBuf::from("content/faq.md"),
            0..1,
        )
        .expect_err("the English home page's folder");
    assert_eq!(
        err.help.as_deref(),
        Some(
            "`/en/` holds the pages in language `en` (written `faq.en.md`, with `lang: en`, or \
             in the top folder `en/`): choose another slug, category or alias"
        )
    );
}

#[test]
fn files_of_folders_tier0_fills_or_servers_hide_are_published_beside_them() {
    for (rel, published) in [
        ("red/router.png", "red/router.png"),
        (".gitbook/assets/shot.png", "gitbook/assets/shot.png"),
        ("_static/logo.png", "sphinx-static/logo.png"),
        ("static/img/logo.png", "static-1/img/logo.png"),
        ("Search/tips.pdf", "Search-1/tips.pdf"),
        ("statics/logo.png", "statics/logo.png"),
        ("robots.txt", "robots.txt"),
    ] {
        assert_eq!(asset_path(rel), published, "{rel}");
    }
}

#[test]
fn what_tier0_writes_is_found_on_the_way_to_a_path() {
    let registry = registry();
    for (path, what) in [
        ("robots.txt", Some("the rules for crawlers")),
        ("kb/x/", Some("the permanent short links")),
        ("en/tags/", Some("the tag pages")),
        ("red/kb/", None),
        ("static-1/logo.png", None),
    ] {
        let found = registry.generated_at(path);
        assert_eq!(
            found.as_deref().map(|f| f.split(" (").next().unwrap_or(f)),
            what,
            "{path}"
        );
    }
}

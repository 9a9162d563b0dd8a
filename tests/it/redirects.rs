//! `redirects: not-found`: short links and aliases get no page each; the
//! not-found page finds them in `kb/redirects-<n>.json`. Everything else
//! of the site is the same as with redirect pages.

use std::collections::BTreeMap;

use crate::support::{Site, tree};

/// The example site with an article that has two aliases, built into
/// `out` with `redirects` set to `mode` (`None`: the default).
fn built(mode: Option<&str>) -> (Site, BTreeMap<String, Vec<u8>>) {
    let site = Site::example();
    site.write(
        "content/red/antigua.md",
        "---\nid: KB-9001\ntitle: Impresora antigua\naliases: [/viejo/impresora/, /soporte/señal, /2019/impresora.html]\n---\n\nTexto.\n",
    );
    if let Some(mode) = mode {
        let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
        site.write("tier0.yaml", format!("{config}\nredirects: {mode}\n"));
    }
    site.tier0(&["build", "--quiet"]).assert().success();
    let files = tree(&site.public());
    (site, files)
}

#[test]
fn the_not_found_page_takes_over_every_redirect_and_nothing_else_changes() {
    let (_pages_site, pages) = built(None);
    let (_site, not_found) = built(Some("not-found"));

    // Every short link and alias of the default build is a page; which
    // article each leads to is read from its link.
    let target = |html: &[u8]| {
        let html = String::from_utf8_lossy(html);
        let at = html.find("id=\"target\" href=\"").expect("a redirect page") + 18;
        html[at..at + html[at..].find('"').unwrap()].to_owned()
    };
    let redirect_pages: BTreeMap<&str, String> = pages
        .iter()
        .filter(|(_, bytes)| bytes.windows(13).any(|w| w == b"id=\"target\" h"))
        .map(|(path, bytes)| (path.as_str(), target(bytes)))
        .collect();
    assert!(redirect_pages.len() > 30, "{}", redirect_pages.len());
    assert!(redirect_pages.contains_key("viejo/impresora/index.html"));
    assert!(redirect_pages.contains_key("soporte/señal/index.html"));
    // An alias that was a file is written as that file (Hugo does so).
    assert!(redirect_pages.contains_key("2019/impresora.html"));
    assert!(redirect_pages.contains_key("en/kb/KB-1001/index.html"));

    // With `not-found`, none of them is written, and the lookup files map
    // each one's folder to the article it led to.
    let mut lookup = BTreeMap::new();
    for (path, bytes) in &not_found {
        if path.starts_with("kb/redirects-") {
            let map: BTreeMap<String, String> = serde_json::from_slice(bytes).unwrap();
            lookup.extend(map);
        }
    }
    assert_eq!(lookup.len(), redirect_pages.len());
    for (page, href) in &redirect_pages {
        assert!(!not_found.contains_key(*page), "{page} is written");
        let from = page.strip_suffix("index.html").unwrap_or(page);
        // The pages link relatively (the example has no base_url): from
        // `kb/KB-1/` to `../../red/wifi/index.html`.
        let depth = from.matches('/').count();
        let to = &lookup[from];
        assert_eq!(
            href,
            &format!("{}{to}index.html", "../".repeat(depth)),
            "{from}"
        );
    }

    // The not-found page loads the lookup script; every other file is the
    // same, byte for byte.
    let page = String::from_utf8_lossy(&not_found["404.html"]).into_owned();
    assert!(page.contains("data-root=\"/\" data-files=\"1\""), "{page}");
    assert!(!String::from_utf8_lossy(&pages["404.html"]).contains("data-files"));
    let rest = |files: &BTreeMap<String, Vec<u8>>| {
        files
            .iter()
            .filter(|(path, _)| {
                *path != "404.html"
                    && !path.starts_with("kb/redirects-")
                    && !redirect_pages.contains_key(path.as_str())
            })
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(rest(&pages), rest(&not_found));
}

#[test]
fn an_unknown_redirects_mode_is_a_located_error_naming_the_modes() {
    let site = Site::example();
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    let lines = config.lines().count();
    site.write("tier0.yaml", format!("{config}redirects: script\n"));
    let out = site
        .tier0(&["build"])
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("tier0.yaml:{}:", lines + 1)), "{err}");
    assert!(
        err.contains("`pages`") && err.contains("`not-found`"),
        "{err}"
    );
}

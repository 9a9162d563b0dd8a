//! `tier0 serve`: a change to one article reaches the other pages it
//! concerns: links it breaks are caught, and pages citing an article whose
//! state changed are rendered again.

use crate::serve::assert_same_as_clean_build;
use crate::support::{Server, Site};

#[test]
fn changes_that_break_links_in_other_articles_are_caught() {
    let site = Site::fixture("basic");
    // Strict: a broken link stops the rebuild, which is what is watched for.
    site.make_strict();
    // wifi.md links to `../vpn/conectar.md#paso-2` and to `KB-2`; this one
    // to the same step with the file name percent-encoded.
    site.write(
        "content/red/encoded.md",
        "---\nid: KB-11\ntitle: Codificado\n---\n\n[Paso](../vpn/con%65ctar.md#paso-2).\n",
    );
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    let conectar = site.root().join("content/vpn/conectar.md");
    let original = std::fs::read_to_string(&conectar).unwrap();
    let missing = "there is no published article at `content/vpn/conectar.md`";
    // Each break, with the error each linking article must show.
    type Break<'a> = (&'a str, Box<dyn Fn() + 'a>, [(&'a str, &'a str); 2]);
    let breaks: Vec<Break> = vec![
        (
            "rename the target of a link by path",
            Box::new(|| {
                std::fs::rename(&conectar, site.root().join("content/vpn/conexion.md")).unwrap()
            }),
            [("wifi", missing), ("encoded", missing)],
        ),
        (
            "remove the step another article links to",
            Box::new(|| {
                let text = original.replace("1. Abra la VPN.\n2. Conecte.\n", "Abra la VPN.\n");
                std::fs::write(&conectar, text).unwrap();
            }),
            [
                ("wifi", "has no anchor `#paso-2`"),
                ("encoded", "has no anchor `#paso-2`"),
            ],
        ),
        (
            "delete the target of a link by id",
            Box::new(|| std::fs::remove_file(&conectar).unwrap()),
            [
                ("wifi", "no article has the id `KB-2`"),
                ("encoded", missing),
            ],
        ),
    ];
    for (step, change, expected) in breaks {
        change();
        let failed = server.wait_for(|s| !s["errors"].is_null());
        let errors = failed["errors"].as_array().unwrap();
        for (linking, message) in expected {
            assert!(
                errors
                    .iter()
                    .any(|e| e["path"] == format!("content/red/{linking}.md")
                        && e["message"].as_str().unwrap().contains(message)),
                "{step}: {linking}: {failed}"
            );
        }
        assert_eq!(failed["generation"].as_u64(), Some(generation), "{step}");
        let _ = std::fs::remove_file(site.root().join("content/vpn/conexion.md"));
        std::fs::write(&conectar, &original).unwrap();
        let fixed = server.settled_after(generation);
        generation = fixed["generation"].as_u64().unwrap();
        assert!(fixed["errors"].is_null(), "{step}: {fixed}");
        assert_same_as_clean_build(&site, &server, &fixed, step);
    }
}

/// Validating an archived article publishes it, and the pages that cite it
/// get their links back, as a clean build gives them.
#[test]
fn validating_an_article_relinks_the_pages_that_cite_it() {
    let site = Site::fixture("kcs");
    let server = Server::start(&site);
    let settled = server.settled_after(0);
    assert_same_as_clean_build(&site, &server, &settled, "first build");
    let page = |server: &Server| String::from_utf8(server.get("/red/validada/").1).unwrap();
    assert!(page(&server).contains("o la guía antigua."));
    let generation = settled["generation"].as_u64().unwrap();
    let archived = site.root().join("content/red/archivada.md");
    let text = std::fs::read_to_string(&archived).unwrap();
    std::fs::write(
        &archived,
        text.replace("confidence: archived", "confidence: validated"),
    )
    .unwrap();
    let settled = server.settled_after(generation);
    assert!(settled["errors"].is_null(), "{settled}");
    assert_same_as_clean_build(&site, &server, &settled, "validated");
    assert!(
        page(&server).contains(r#"o <a href="/red/archivada/">la guía antigua</a>."#),
        "{}",
        page(&server)
    );
}

//! Internal content and the agents' build: nothing internal reaches the
//! public site; everything internal reaches the agents' one, marked.
//!
//! The `agents` fixture plants canary words (all starting with `canary`) in
//! an internal article's title, description, tags, error codes, symptoms,
//! products, author and body, and in internal blocks of a public article
//! (their title, text, a heading, steps, a nested quote and a footnote).

use std::collections::BTreeMap;

use crate::support::{Site, stderr, tree};

/// Every canary word of the fixture, as written.
const CANARIES: &[&str] = &[
    "canarytitle",
    "canarydescription",
    "canarytag",
    "CANARYCODE-0x77",
    "canarysymptom",
    "canaryproduct",
    "canaryauthor",
    "canarybody",
    "canaryblocktitle",
    "canaryblockbody",
    "canarystep",
    "canarynested",
    "canaryfootnote",
    "canaryfootdef",
    "canarysecond",
];

fn built() -> Site {
    let site = Site::fixture("agents");
    site.tier0(&["build"]).assert().success();
    site.tier0(&["build", "--audience", "agents"])
        .assert()
        .success();
    site
}

fn lowercase_tree(dir: &std::path::Path) -> BTreeMap<String, String> {
    tree(dir)
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).to_lowercase()))
        .collect()
}

#[test]
fn the_public_site_has_no_byte_of_internal_content() {
    let site = built();
    let files = lowercase_tree(&site.public());
    for kind in [
        "search/",
        "atom.xml",
        "articles.json",
        "sitemap.xml",
        "widget/",
        "widget.js",
    ] {
        assert!(
            files.keys().any(|k| k.starts_with(kind)),
            "{kind} is part of the public output"
        );
    }
    for (path, text) in &files {
        assert!(
            !text.contains("canary"),
            "internal content in public/{path}"
        );
        assert!(
            !text.contains("kb-9"),
            "internal article id in public/{path}"
        );
    }
    for word in CANARIES {
        site.tier0(&["search", word]).assert().code(1);
    }
}

/// An editor's backup or autosave of an article is its text, internal
/// notes included: it was published as a file beside the article.
#[test]
fn editors_backups_of_articles_are_not_published() {
    let site = Site::fixture("agents");
    for copy in ["wifi.md~", "#wifi.md#", "consola.md~"] {
        let from = if copy.contains("wifi") {
            "red/wifi.md"
        } else {
            "interno/consola.md"
        };
        let dir = from.split('/').next().unwrap();
        let text = std::fs::read(site.root().join("content").join(from)).unwrap();
        site.write(&format!("content/{dir}/{copy}"), text);
    }
    site.tier0(&["build"]).assert().success();
    for (path, text) in lowercase_tree(&site.public()) {
        assert!(
            !text.contains("canary"),
            "internal content in public/{path}"
        );
    }
}

#[test]
fn the_agents_site_shows_every_internal_word_marked() {
    let site = built();
    let out = site.root().join("agentes");
    let files = lowercase_tree(&out);
    let all: String = files.values().map(String::as_str).collect();
    for word in CANARIES {
        assert!(
            all.contains(&word.to_lowercase()),
            "{word} missing from the agents' site"
        );
    }
    assert!(
        files
            .iter()
            .any(|(path, text)| path.starts_with("search/") && text.contains("canarybody")),
        "the agents' site has its own search index, with internal articles"
    );
    assert!(
        files.iter().any(|(path, text)| path.starts_with("search/")
            && text.contains("canarytitle")
            && text.contains(r#""internal":true"#)),
        "search results mark internal articles"
    );
    let wifi = &files["red/wifi/index.html"];
    assert!(wifi.contains(
        r#"<aside class="internal"><p class="internal-title">solo para agentes · canaryblocktitle para agentes</p>"#
    ));
    assert!(wifi.contains(r#"<meta name="robots" content="noindex, nofollow">"#));
    let internal = &files["interno/consola/index.html"];
    assert!(internal.contains(r#"<span class="badge internal-badge">interno</span>"#));
    assert!(
        !internal.contains(r#"data-copy="reply""#),
        "no reply to users for internal articles"
    );
    assert_eq!(files["robots.txt"], "user-agent: *\ndisallow: /\n");
    assert!(!files.contains_key("sitemap.xml"));
    for word in [
        "canarybody",
        "canarytitle",
        "CANARYCODE-0x77",
        "canaryblockbody",
    ] {
        site.tier0(&["search", "--audience", "agents", word])
            .assert()
            .success();
    }
}

/// The `id="…"` attributes of a page.
fn ids(html: &str) -> Vec<String> {
    html.split("id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn anchors_are_the_same_in_both_builds() {
    let site = built();
    let public = ids(&site.read_public("red/wifi/index.html"));
    let agents =
        ids(&std::fs::read_to_string(site.root().join("agentes/red/wifi/index.html")).unwrap());
    for id in ["notas", "paso-1", "paso-2", "notas-2", "notas-2-paso-1"] {
        assert!(public.contains(&id.to_owned()), "public lacks #{id}");
        assert!(agents.contains(&id.to_owned()), "agents' site lacks #{id}");
    }
    let hidden: Vec<&String> = agents.iter().filter(|id| !public.contains(id)).collect();
    assert_eq!(
        hidden,
        ["notas-1", "notas_1", "c"],
        "only the internal block's ids differ"
    );
}

#[test]
fn a_public_link_to_an_internal_article_is_an_error_that_says_why() {
    let site = built();
    let before = tree(&site.public());
    site.write(
        "content/red/dns.md",
        "---\nid: KB-3\ntitle: DNS\n---\nVea [la consola](KB-9).\n",
    );
    let output = site.tier0(&["build", "--strict"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("content/red/dns.md:5:5"), "{err}");
    assert!(
        err.contains("`KB-9` is an internal article, which only the agents' build has"),
        "{err}"
    );
    assert!(err.contains("[!INTERNAL]"), "{err}");
    assert_eq!(tree(&site.public()), before, "the previous site stays");
    // Lenient, the page is published with the warning, and no more of the
    // internal article than the id its author wrote.
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(err.contains("warning: broken link"), "{err}");
    assert!(err.contains("content/red/dns.md:5:5"), "{err}");
    assert!(
        site.read_public("red/dns/index.html")
            .contains("la consola")
    );
    site.tier0(&["build", "--audience", "agents"])
        .assert()
        .success();
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(stderr(&check).contains("`KB-9` is an internal article"));
}

#[test]
fn replies_read_the_same_on_the_page_and_in_the_terminal() {
    let site = built();
    let expected = "El Wi-Fi no conecta (KB-1)\nVuelva a conectar el portátil a la Wi-Fi.\nEnlace: https://help.example/kb/KB-1/\n";
    let output = site.tier0(&["search", "--reply", "wifi"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
    assert!(!stderr(&output).contains("relative"), "{}", stderr(&output));
    // The agents' build sends public articles' public links.
    let agents = site
        .tier0(&["search", "--audience", "agents", "--reply", "wifi"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&agents.stdout), expected);
    for page in [
        site.read_public("red/wifi/index.html"),
        std::fs::read_to_string(site.root().join("agentes/red/wifi/index.html")).unwrap(),
    ] {
        let attribute = |name: &str| {
            let start = page.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            let value = &page[start..start + page[start..].find('"').unwrap()];
            value.replace("&quot;", "\"").replace("&amp;", "&")
        };
        let parts: Vec<String> = serde_json::from_str(&attribute("data-reply")).unwrap();
        let link = attribute("data-link");
        assert_eq!(link, "https://help.example/kb/KB-1/");
        assert_eq!(format!("{}\n", parts.join(&link)), expected);
    }
    let internal = site
        .tier0(&["search", "--audience", "agents", "--reply", "consola"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&internal.stdout).contains("https://agents.example/kb/kb/KB-9/"),
        "internal articles link to the agents' site"
    );
    assert!(stderr(&internal).contains("KB-9 is an internal article"));
    let listed = site
        .tier0(&["search", "--audience", "agents", "--json", "consola"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(json["results"][0]["id"], "KB-9");
    assert_eq!(json["results"][0]["internal"], true);
}

#[test]
fn the_agents_site_lists_what_changed_newest_first() {
    let site = built();
    assert!(!site.public().join("changes").exists());
    let page = std::fs::read_to_string(site.root().join("agentes/changes/index.html")).unwrap();
    let consola = page.find("Consola canarytitle").unwrap();
    let wifi = page.find("El Wi-Fi no conecta").unwrap();
    assert!(consola < wifi, "newest first");
    assert!(
        !page.contains("La VPN se corta"),
        "only the last `agents.changes` updates"
    );
    assert!(page.contains(r#"<li class="article-item" data-change="new">"#));
    assert!(page.contains(r#"<li class="article-item" data-change="updated">"#));
    assert!(page.contains(r#"data-tier="L2""#) && page.contains(r#"data-tier="L3""#));
    let feed = site.read_public("atom.xml");
    let entry = |title: &str| {
        let at = feed.find(&format!("<title>{title}</title>")).unwrap();
        feed[at..at + feed[at..].find("</entry>").unwrap()].to_owned()
    };
    assert!(
        entry("El Wi-Fi no conecta").contains(r#"<category term="updated" label="Actualizado"/>"#)
    );
    assert!(entry("La VPN se corta").contains(r#"<category term="new" label="Nuevo"/>"#));
}

//! KCS confidence: which edition publishes an article in each state, the
//! badge and the notice, located errors, and what `tier0 check` lists for
//! validation.
//!
//! The `kcs` fixture has one article per state, each with a word of its own
//! (`kcsnotvalidated`, `kcsdraft`, `kcsarchived`, and `kcsolddraft` for a
//! `draft: true` article without `confidence`), and a validated article
//! that links to the not-validated and the archived ones.

use crate::support::{Site, stderr, tree};

/// Every file of `dir`, as lowercase text.
fn all_text(dir: &std::path::Path) -> String {
    tree(dir)
        .into_values()
        .map(|bytes| String::from_utf8_lossy(&bytes).to_lowercase())
        .collect()
}

fn build(site: &Site, args: &[&str]) -> String {
    let out = site.tier0(&[&["build"], args].concat()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stderr(&out)
}

fn agents_page(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join("public-agents").join(rel)).unwrap()
}

#[test]
fn the_public_edition_has_validated_articles_only_by_default() {
    let site = Site::fixture("kcs");
    // Archiving an article, or leaving one unvalidated, breaks no build:
    // the links to them lose their target, with a warning.
    let err = build(&site, &["--strict"]);
    assert!(
        err.contains("content/red/validada.md:8:")
            && err.contains(
                "`KB-2` is not validated yet, and this edition shows validated articles only"
            ),
        "{err}"
    );
    assert!(
        err.contains("content/red/validada.md:9:")
            && err.contains("is archived, and this edition leaves archived articles out"),
        "{err}"
    );
    let public = site.public();
    let text = all_text(&public);
    for word in ["kcsnotvalidated", "kcsdraft", "kcsarchived", "kcsolddraft"] {
        assert!(!text.contains(word), "{word} is in the public edition");
    }
    for gone in [
        "red/sin-validar/index.html",
        "red/archivada/index.html",
        "red/borrador/index.html",
        "kb/KB-2/index.html",
        "kb/KB-4/index.html",
        "viejo/wifi/index.html",
    ] {
        assert!(!public.join(gone).exists(), "{gone} is published");
    }
    for id in ["kb-2", "kb-3", "kb-4", "kb-5"] {
        assert!(!text.contains(&format!("\"{id}\"")), "{id} is named");
    }
    let page = site.read_public("red/validada/index.html");
    assert!(
        page.contains("vea el artículo en revisión\no la guía antigua."),
        "the links keep their text, without a target: {page}"
    );
    assert!(
        !page.contains("confidence-badge") && !page.contains("confidence-notice"),
        "a validated article looks as before"
    );
}

#[test]
fn kcs_public_not_validated_publishes_them_with_a_notice() {
    let site = Site::fixture("kcs");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        format!("{config}kcs:\n  public: not-validated\n"),
    );
    let err = build(&site, &[]);
    assert!(!err.contains("KB-2"), "the link to it is whole: {err}");
    let page = site.read_public("red/sin-validar/index.html");
    assert!(
        page.contains(
            r#"<span class="badge confidence-badge" data-confidence="not-validated">Sin validar</span>"#
        ),
        "{page}"
    );
    assert!(
        page.contains(
            r#"<p class="confidence-notice" data-confidence="not-validated">Aún sin validar:"#
        ),
        "{page}"
    );
    assert!(site.public().join("kb/KB-2/index.html").exists());
    let listing = site.read_public("red/index.html");
    assert!(
        listing.contains(r#"data-confidence="not-validated">Sin validar</span>"#),
        "the listing marks it too: {listing}"
    );
    assert!(
        all_text(&site.public().join("search")).contains("kcsnotvalidated"),
        "its search files have it"
    );
    assert!(!all_text(&site.public()).contains("kcsarchived"));
}

#[test]
fn the_agents_edition_shows_every_state_with_a_badge() {
    let site = Site::fixture("kcs");
    build(&site, &["--audience", "agents", "--strict"]);
    let badge = |state: &str, label: &str| {
        format!(r#"<span class="badge confidence-badge" data-confidence="{state}">{label}</span>"#)
    };
    let validated = agents_page(&site, "red/validada/index.html");
    assert!(
        validated.contains(&badge("validated", "Validado")),
        "{validated}"
    );
    assert!(!validated.contains("confidence-notice"));
    assert!(
        validated
            .contains(r#"<a href="../../red/sin-validar/index.html">el artículo en revisión</a>"#)
    );
    let archived = agents_page(&site, "red/archivada/index.html");
    assert!(
        archived.contains(&badge("archived", "Archivado")),
        "{archived}"
    );
    assert!(
        archived.contains(r#"<p class="confidence-notice" data-confidence="archived">Archivado:"#),
        "{archived}"
    );
    // Old links to it still work for agents.
    assert!(
        site.root()
            .join("public-agents/viejo/wifi/index.html")
            .exists()
    );
    let search = all_text(&site.root().join("public-agents/search"));
    assert!(search.contains("kcsarchived") && search.contains("kcsnotvalidated"));
    assert!(!search.contains("kcsdraft"), "drafts only with --drafts");
    let listing = agents_page(&site, "red/index.html");
    for (state, label) in [
        ("validated", "Validado"),
        ("not-validated", "Sin validar"),
        ("archived", "Archivado"),
    ] {
        assert!(listing.contains(&badge(state, label)), "{state}: {listing}");
    }

    build(&site, &["--audience", "agents", "--drafts"]);
    for rel in ["red/borrador/index.html", "red/marcada/index.html"] {
        let draft = agents_page(&site, rel);
        assert!(
            draft.contains(&badge("draft", "Borrador")),
            "{rel}: {draft}"
        );
        assert!(draft.contains(r#"data-confidence="draft">Borrador: este artículo"#));
    }
}

#[test]
fn an_unknown_state_is_a_located_error() {
    let site = Site::fixture("kcs");
    let rel = "content/red/sin-validar.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, text.replace("not-validated", "not-valdated"));
    let out = site.tier0(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{rel}:6:13"))
            && err.contains("unknown confidence `not-valdated`")
            && err.contains("did you mean `not-validated`?")
            && err.contains("draft, not-validated, validated, archived"),
        "{err}"
    );

    let site = Site::fixture("kcs");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write("tier0.yaml", format!("{config}kcs:\n  public: validatd\n"));
    let out = site.tier0(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let line = config.lines().count() + 2;
    assert!(
        err.contains(&format!("tier0.yaml:{line}:11"))
            && err.contains("`kcs.public` is `validatd`, not a KCS state")
            && err.contains("did you mean `validated`?"),
        "{err}"
    );
}

#[test]
fn check_lists_what_waits_for_validation_per_tier() {
    let site = Site::fixture("kcs");
    let out = site
        .tier0(&["check", "--today", "2026-11-01"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let listing = text
        .split("Articles waiting for validation, by owning tier:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no listing: {text}"));
    let rows: Vec<(&str, &str)> = listing
        .lines()
        .take_while(|l| l.starts_with("  "))
        .map(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            (words[0], *words.get(3).unwrap_or(&""))
        })
        .collect();
    // Per tier in the config's order; not-validated first, then drafts by
    // date. The archived and the validated articles wait for nothing.
    assert_eq!(
        rows,
        [
            ("L2", ""),
            ("not-validated", "KB-2"),
            ("draft", "KB-5"),
            ("L3", ""),
            ("draft", "KB-3"),
        ],
        "{text}"
    );
    assert!(text.ends_with(", 3 waiting for validation\n"), "{text}");

    let out = site
        .tier0(&["check", "--today", "2026-11-01", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["waiting"], 3);
    let waiting: Vec<(&str, &str, &str)> = json["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["id"].as_str().unwrap(),
                w["tier"].as_str().unwrap(),
                w["confidence"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        waiting,
        [
            ("KB-2", "L2", "not-validated"),
            ("KB-5", "L2", "draft"),
            ("KB-3", "L3", "draft"),
        ]
    );
}

#[test]
fn tier0_search_marks_what_is_not_validated() {
    let site = Site::fixture("kcs");
    build(&site, &["--audience", "agents"]);
    let search = |args: &[&str]| {
        let out = site
            .tier0(&[&["search", "--audience", "agents"], args].concat())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        (String::from_utf8(out.stdout.clone()).unwrap(), stderr(&out))
    };
    let (text, _) = search(&["kcsarchived"]);
    assert!(
        text.starts_with(" 1. Configurar el Wi-Fi antiguo [L3] KB-4 (archived)\n"),
        "{text}"
    );
    let (json, _) = search(&["--json", "kcsnotvalidated"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["results"][0]["confidence"], "not-validated");
    let (json, _) = search(&["--json", "portátil"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["results"][0]["id"], "KB-1");
    assert!(json["results"][0].get("confidence").is_none(), "{json}");
    let (_, err) = search(&["--reply", "kcsarchived"]);
    assert!(
        err.contains("note: KB-4 is archived: it is no longer in use; do not send it to users"),
        "{err}"
    );
}

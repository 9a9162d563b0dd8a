//! Rendered pages and generated files, checked as snapshots.
//!
//! Content-hashed asset names are normalised so a CSS or JS change does not
//! rewrite every snapshot. Update with `INSTA_UPDATE=always cargo test`
//! and review the diff.

use crate::support::Site;

/// `text` with the content hash of every theme asset (`static/search.1a2b3c4d5e.js`) masked.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("static/") {
        let (before, after) = rest.split_at(i + "static/".len());
        out.push_str(before);
        rest = after;
        let name_end = rest.find(['.', '"', '/']).unwrap_or(rest.len());
        let hashed = rest[name_end..].strip_prefix('.').and_then(|r| {
            let hash = r.get(..10)?;
            (hash.bytes().all(|b| b.is_ascii_hexdigit()) && r[10..].starts_with('.')).then_some(10)
        });
        if let Some(len) = hashed {
            out.push_str(&rest[..name_end]);
            out.push_str(".HASH");
            rest = &rest[name_end + 1 + len..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn normalise_masks_asset_hashes() {
    assert_eq!(
        normalise(
            r#"<link href="../static/style.0123456789.css"><script src="/static/search.abcdef0123.js">"#
        ),
        r#"<link href="../static/style.HASH.css"><script src="/static/search.HASH.js">"#
    );
    assert_eq!(normalise("static/logo.svg"), "static/logo.svg");
}

#[test]
fn rendered_pages() {
    let site = Site::fixture("basic");
    site.tier0(&["build"]).assert().success();
    for (name, path) in [
        ("article", "red/wifi/index.html"),
        ("article_en", "en/red/wifi/index.html"),
        ("category", "red/index.html"),
        ("home", "index.html"),
        ("tier", "tiers/l1/index.html"),
        ("not_found", "404.html"),
        ("redirect", "kb/KB-1/index.html"),
        ("atom", "atom.xml"),
        ("articles_json", "articles.json"),
    ] {
        insta::assert_snapshot!(name, normalise(&site.read_public(path)));
    }
}

#[test]
fn agents_build_pages() {
    let site = Site::fixture("agents");
    site.tier0(&["build", "--audience", "agents"])
        .assert()
        .success();
    let agents = site.root().join("agentes");
    for (name, path) in [
        ("agents_article_with_internal_blocks", "red/wifi/index.html"),
        ("agents_internal_article", "interno/consola/index.html"),
        ("agents_changes", "changes/index.html"),
        ("agents_tier", "tiers/l2/index.html"),
        ("agents_home", "index.html"),
    ] {
        let text = std::fs::read_to_string(agents.join(path)).unwrap();
        insta::assert_snapshot!(name, normalise(&text));
    }
}

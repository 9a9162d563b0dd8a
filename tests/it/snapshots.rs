//! Rendered pages and generated files, checked as snapshots.
//!
//! Content-hashed asset names are normalised so a CSS change does not
//! rewrite every snapshot. Update with `INSTA_UPDATE=always cargo test`
//! and review the diff.

use crate::support::Site;

fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("static/style.") {
        let after = &rest[i + "static/style.".len()..];
        out.push_str(&rest[..i]);
        out.push_str("static/style.HASH");
        rest = after.find('.').map_or(after, |dot| &after[dot..]);
    }
    out.push_str(rest);
    out
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

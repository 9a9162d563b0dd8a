//! HTML nested far deeper than any article needs, in a Zendesk export and
//! in an article built with `raw_html: sanitize`: refused or flattened by
//! a scan before a parser sees it (html5ever's cost grows with the square
//! of the depth: 100,000 levels took minutes).

use crate::support::{Site, import_articles, stderr};

/// 100,000 levels of nested lists.
fn deep_lists() -> String {
    format!("{}deep text", "<ul><li>".repeat(100_000))
}

#[test]
fn an_imported_body_nesting_too_deep_keeps_its_text_with_a_warning() {
    let article = serde_json::json!({"articles": [{
        "id": 7, "title": "Deep", "locale": "en-us", "source_locale": "en-us",
        "body": deep_lists(),
    }]});
    let site = Site::empty();
    let output = import_articles(&site, &article);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("content/deep.md: its HTML nests more than 256 elements deep"),
        "{err}"
    );
    let text = std::fs::read_to_string(site.root().join("content/deep.md")).unwrap();
    assert!(text.ends_with("deep text\n"), "{text}");
}

#[test]
fn a_built_body_nesting_too_deep_is_a_located_error() {
    let site = Site::empty();
    site.write("tier0.yaml", "raw_html: sanitize\n");
    site.write(
        "content/red/hondo.md",
        format!("---\nid: KB-1\ntitle: Hondo\n---\n\n{}\n", deep_lists()),
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("content/red/hondo.md"), "{err}");
    assert!(
        err.contains("nests 257 elements deep, more than the 256 that `raw_html: sanitize` cleans"),
        "{err}"
    );
}

//! Hostile text from authors and the config is inert in every output file,
//! and `raw_html: sanitize` cleans HTML written in Markdown.
//!
//! The `hostile` fixture puts markup that would run script (`window.__xss`)
//! in the config (site title, tier name, hours, category) and in every
//! front-matter field and the body of an article. The browser side (that
//! nothing runs when the pages are opened) is `tests/browser/xss.test.mjs`.

use crate::support::{Site, tree};

/// Markup that must never reach an HTML or XML file as markup.
const ACTIVE: &[&str] = &[
    "<img src=x onerror",
    "<svg onload",
    "<svg/onload",
    "<iframe",
    "<script>window",
    "onmouseover=\"window",
    "onclick=\"window",
    "<b onmouseover",
    "href=\"javascript:",
    "src=\"javascript:",
];

fn built(raw_html: &str) -> Site {
    let site = Site::fixture("hostile");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml"))
        .unwrap()
        .replace("raw_html: sanitize", &format!("raw_html: {raw_html}"));
    site.write("tier0.yaml", config);
    site.tier0(&["build"]).assert().success();
    site
}

/// The rendered Markdown of the article.
fn body(site: &Site) -> String {
    let page = site.read_public("red/hostil/index.html");
    let start = page.find(r#"<div class="article-body">"#).unwrap();
    // The body ends where the article's credits (or its tags) begin.
    let end = start
        + [
            r#"<p class="article-meta article-credits">"#,
            r#"<p class="tags">"#,
        ]
        .iter()
        .filter_map(|mark| page[start..].find(mark))
        .min()
        .unwrap();
    page[start..end].to_owned()
}

#[test]
fn hostile_metadata_is_escaped_in_every_page_and_feed() {
    let site = built("sanitize");
    let files = tree(&site.public());
    let mut checked = 0;
    for (path, bytes) in &files {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        checked += 1;
        let text = String::from_utf8_lossy(bytes);
        for active in ACTIVE {
            assert!(!text.contains(active), "{active} in {path}");
        }
    }
    assert!(checked >= 8, "pages, feed and sitemap were checked");
    let page = site.read_public("red/hostil/index.html");
    for escaped in [
        "Título &lt;img src=x onerror=window.__xss=10&gt; &amp; &quot;comillas&quot;",
        "&lt;iframe src=javascript:window.__xss=13&gt;",
        "Equipo &quot; onmouseover=&quot;window.__xss=14",
        "0x&lt;script&gt;window.__xss=15&lt;&#x2F;script&gt;",
    ] {
        assert!(
            page.contains(escaped) || page.contains(&escaped.replace("&#x2F;", "/")),
            "{escaped} not shown as text"
        );
    }
}

#[test]
fn sanitize_removes_active_html_and_keeps_tier0_markup() {
    let site = built("sanitize");
    let body = body(&site);
    for gone in [
        "<script",
        "onclick",
        "onmouseover",
        "<iframe",
        "<style",
        "javascript:",
        "<!--",
        "__xss=21",
    ] {
        assert!(!body.contains(gone), "{gone} survived sanitising: {body}");
    }
    for kept in [
        r#"<span>html en línea</span>"#,
        r##"<li id="paso-1" class="step"><a class="step-anchor" href="#paso-1" aria-label="Enlace al paso 1">#</a>"##,
        r#"class="heading-anchor""#,
        r#"<th style="text-align:center">centro</th>"#,
        r#"<input disabled="" type="checkbox" checked="">"#,
        r#"<div class="alert alert-warning" role="note">"#,
        "<strong>negrita</strong>",
    ] {
        assert!(body.contains(kept), "{kept} lost: {body}");
    }
}

#[test]
fn trusted_authors_keep_their_html_by_default() {
    let site = built("allow");
    let body = body(&site);
    assert!(body.contains("<script>window.__xss=21</script>"), "{body}");
    assert!(body.contains(r#"<span onclick="window.__xss=19">"#));
}

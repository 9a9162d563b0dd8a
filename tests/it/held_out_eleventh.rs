//! Regressions found by the eleventh round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, eleventh round"), each pinned
//! on a small site of our own that writes the same pattern.

use crate::conventions::{assert_has, page};
use crate::held_out::build;
use crate::support::Site;

/// Python-Markdown's (Zensical) `nav:` titles its API pages in HTML,
/// `<code>markdown.&#8203;util</code>`, which MkDocs's themes show as
/// code: tier0 escaped it, so 31 pages, their sidebar and their tier's
/// list were titled with the tags and the character reference as text.
#[test]
fn a_nav_title_written_in_html_is_read_as_its_text() {
    let site = Site::empty();
    site.write(
        "mkdocs.yml",
        "site_name: Acme SDK\nnav:\n  - Home: index.md\n  - <em>API</em> &amp; more:\n    \
         - <code>acme.&#8203;client</code>: api/acme.client.md\n",
    );
    site.write("docs/index.md", "# Acme SDK\n\nStart here.\n");
    site.write("docs/api/acme.client.md", "The client opens a session.\n");
    build(&site);
    let (title, body) = page(&site, "api/acme-client");
    assert_eq!(title, "acme.client");
    assert_has(&body, &["The client opens a session."]);
    let html = site.read_public("api/acme-client/index.html");
    assert_has(&html, &["<title>acme.client · Acme SDK", "API &amp; more"]);
    assert!(
        !html.contains("&lt;code&gt;") && !html.contains("&amp;#8203;"),
        "{html}"
    );
    assert!(!html.contains("&lt;em&gt;"), "{html}");
}

/// Ant Design's (dumi) pages title their notes with remark-directive's
/// attributes, `:::warning{title=废弃提示}` ("deprecated"): the alert
/// was shown without its title, the attribute list being read as one.
#[test]
fn a_container_titled_by_its_attributes_keeps_its_title() {
    let site = Site::english();
    site.write(
        "content/widgets/list.md",
        "# List\n\nShows rows of data.\n<!-- prettier-ignore -->\n:::warning{title=Deprecated}\n\
         List is going away; use Rows.\n:::\n\n:::info{title=\"Read this first\"}\nRows are faster.\n:::\n",
    );
    build(&site);
    let (_, body) = page(&site, "widgets/list");
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Deprecated</p>\n<p>List is going away; use Rows.</p>",
            "<p class=\"alert-title\">Read this first</p>\n<p>Rows are faster.</p>",
        ],
    );
    assert!(!body.contains("title="), "{body}");
}

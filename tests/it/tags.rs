//! Lists in pages: a popular tag's, a large tier's and a large section's
//! articles come 30 a page, linked in order, the first at the list's own
//! address.

use crate::support::{Site, stderr};

/// The basic fixture with `n` more articles in its `vpn` section, `Caso
/// 001`…, each with the front matter line `extra`.
fn with_vpn_articles(n: usize, extra: &str) -> Site {
    let site = Site::fixture("basic");
    for i in 1..=n {
        site.write(
            &format!("content/vpn/caso-{i:03}.md"),
            format!("---\nid: KB-5{i:03}\ntitle: Caso {i:03}\n{extra}\n---\n\nTexto.\n"),
        );
    }
    site
}

/// A site with `n` articles tagged `vpn` (besides the fixture's), built.
fn with_tagged(n: usize) -> Site {
    let site = with_vpn_articles(n, "tags: [vpn]");
    let out = site.tier0(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    site
}

fn listed(page: &str) -> Vec<String> {
    page.split(r#"<a class="article-link" href=""#)
        .skip(1)
        .filter_map(|s| Some(s.split_once("\">")?.1.split_once("</a>")?.0.to_owned()))
        .collect()
}

#[test]
fn a_popular_tag_is_split_into_linked_pages() {
    let site = with_tagged(65);
    let first = site.read_public("tags/vpn/index.html");
    let second = site.read_public("tags/vpn/page/2/index.html");
    let third = site.read_public("tags/vpn/page/3/index.html");
    assert!(!site.public().join("tags/vpn/page/4").exists());
    assert!(!site.public().join("tags/vpn/page/1").exists());
    let (a, b, c) = (listed(&first), listed(&second), listed(&third));
    assert_eq!((a.len(), b.len(), c.len()), (30, 30, 5));
    // In article order, none twice.
    let mut all: Vec<_> = a.iter().chain(&b).chain(&c).cloned().collect();
    let count = all.len();
    all.dedup();
    assert_eq!(all.len(), count);
    assert_eq!(a[..2], ["Caso 001", "Caso 002"]);

    // Links go through the site root, as every link of a page does.
    assert!(
        first.contains(
            r#"<a class="pagination-next" rel="next" href="../../tags/vpn/page/2/index.html">"#
        ),
        "{first}"
    );
    assert!(!first.contains(r#"rel="prev""#));
    assert!(
        first.contains(r#"<li><a href="../../tags/vpn/index.html" aria-current="page">1</a></li>"#),
        "{first}"
    );
    let up = "../../../../tags/vpn/";
    assert!(
        second.contains(&format!(r#"rel="prev" href="{up}index.html""#)),
        "{second}"
    );
    assert!(
        second.contains(&format!(r#"rel="next" href="{up}page/3/index.html""#)),
        "{second}"
    );
    assert!(second.contains(r#"aria-current="page">2</a>"#), "{second}");
    assert!(
        third.contains(&format!(r#"rel="prev" href="{up}page/2/index.html""#)),
        "{third}"
    );
    assert!(!third.contains(r#"rel="next""#));
    // Each page says which it is, and is its own canonical page.
    assert!(
        second.contains("<h1>Artículos con la etiqueta «vpn» · página 2 de 3</h1>"),
        "{second}"
    );
    // The articles link to their pages from the page's depth.
    assert!(
        second.contains(r#"href="../../../../vpn/caso-031/index.html""#),
        "{second}"
    );
    // The list of tags counts every article.
    assert!(
        site.read_public("tags/index.html")
            .contains(r#"<span class="tag-count">65</span>"#)
    );
}

#[test]
fn a_tag_that_fits_on_one_page_has_no_page_links() {
    let site = with_tagged(29);
    let page = site.read_public("tags/vpn/index.html");
    assert_eq!(listed(&page).len(), 29);
    assert!(!page.contains("class=\"pagination\""), "{page}");
    assert!(!site.public().join("tags/vpn/page").exists());
}

#[test]
fn a_large_tier_is_split_into_linked_pages_and_counts_all_its_articles() {
    let site = Site::fixture("basic");
    let before = listed(&{
        let out = site.tier0(&["build"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        site.read_public("tiers/l3/index.html")
    });
    for i in 1..=40 {
        site.write(
            &format!("content/vpn/l3-{i:03}.md"),
            format!("---\nid: KB-6{i:03}\ntitle: Nivel tres {i:03}\ntier: L3\n---\n\nTexto.\n"),
        );
    }
    let out = site.tier0(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let first = site.read_public("tiers/l3/index.html");
    let second = site.read_public("tiers/l3/page/2/index.html");
    assert!(!site.public().join("tiers/l3/page/3").exists());
    assert!(
        !site.public().join("tiers/l1/page").exists(),
        "a small tier has one page"
    );
    let total = before.len() + 40;
    let (a, b) = (listed(&first), listed(&second));
    assert_eq!((a.len(), b.len()), (30, total - 30));
    assert!(
        a.iter()
            .chain(&b)
            .filter(|t| t.starts_with("Nivel tres"))
            .count()
            == 40
    );
    // Every page counts all the tier's articles, by category too.
    for page in [&first, &second] {
        assert!(page.contains(&format!("({total})</h2>")), "{page}");
        assert!(page.contains("VPN corporativa: "), "{page}");
    }
    assert!(
        first.contains(
            r#"<a class="pagination-next" rel="next" href="../../tiers/l3/page/2/index.html">"#
        ),
        "{first}"
    );
    assert!(
        second.contains(r#"rel="prev" href="../../../../tiers/l3/index.html""#),
        "{second}"
    );
    assert!(
        second.contains("<title>Nivel 3 · página 2 de 2 · Ayuda de prueba</title>"),
        "{second}"
    );
    // The first page names its translation; the others have none.
    let alternate = r#"<link rel="alternate" hreflang="en""#;
    assert!(first.contains(alternate), "{first}");
    assert!(!second.contains(alternate), "{second}");
}

#[test]
fn a_large_section_lists_its_articles_in_pages_after_its_landing_text() {
    let site = with_vpn_articles(40, "");
    let out = site.tier0(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let first = site.read_public("vpn/index.html");
    let second = site.read_public("vpn/page/2/index.html");
    assert!(!site.public().join("vpn/page/3").exists());
    let (a, b) = (listed(&first), listed(&second));
    assert_eq!(a.len(), 30);
    assert!(!b.is_empty() && b.len() <= 30, "{b:?}");
    let mut all: Vec<_> = a.iter().chain(&b).cloned().collect();
    let count = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), count, "no article twice");
    assert_eq!(all.iter().filter(|t| t.starts_with("Caso ")).count(), 40);
    assert!(
        first.contains(r#"<a class="pagination-next" rel="next" href="../vpn/page/2/index.html">"#),
        "{first}"
    );
    assert!(
        second.contains(r#"rel="prev" href="../../../vpn/index.html""#),
        "{second}"
    );
    assert!(
        second.contains("<h1>VPN corporativa · página 2 de 2</h1>"),
        "{second}"
    );
    // The breadcrumbs and the section tree stay; the subsections do not repeat.
    assert!(second.contains(r#"class="breadcrumbs""#), "{second}");
    assert!(!second.contains(r#"id="subsections""#), "{second}");
}

#[test]
fn a_file_where_a_sections_next_page_goes_is_a_located_error() {
    let site = with_vpn_articles(31, "");
    site.write(
        "content/vpn/page/2.md",
        "---\nid: KB-7999\ntitle: Dos\n---\n\nTexto.\n",
    );
    // The section keeps its page; the article in its way is left out,
    // located, as any article whose path another page takes.
    let out = site.tier0(&["build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("content/vpn/page/2.md:2:1"), "{err}");
    assert!(
        err.contains("`/vpn/page/2/`, which page 2 of section `vpn` already uses"),
        "{err}"
    );
    let second = site.read_public("vpn/page/2/index.html");
    assert!(
        second.contains("<h1>VPN corporativa · página 2 de 2</h1>"),
        "{second}"
    );
    assert!(!listed(&second).is_empty());
    // With 30 articles of its own the section fits on one page, and all is well.
    for i in 29..=31 {
        std::fs::remove_file(site.root().join(format!("content/vpn/caso-{i:03}.md"))).unwrap();
    }
    let out = site.tier0(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.read_public("vpn/page/2/index.html").contains("Dos"));
}

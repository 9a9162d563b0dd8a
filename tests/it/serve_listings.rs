//! `tier0 serve` keeps the pages that list articles (section, tier and tag
//! pages, page by page) whose articles and counts a change leaves as they
//! were, and renders the others again: the site served stays the one a
//! clean build makes, over lists long enough to take several pages.

use crate::serve::{assert_same_as_clean_build, settle_sources};
use crate::support::{Server, Site};

/// Articles in the long section: three pages of 30, the last one short.
const LONG: usize = 70;

fn topic(n: usize) -> String {
    let (tag, tier) = if n.is_multiple_of(2) {
        ("par", "L1")
    } else {
        ("impar", "L3")
    };
    format!(
        "---\nid: KB-{}\ntitle: Tema {n:03}\ntier: {tier}\ntags: [{tag}, lista]\n---\n\nTexto del tema {n}.\n",
        100 + n
    )
}

fn retitle(site: &Site, n: usize, title: &str) {
    let path = site.root().join(format!("content/lista/tema-{n:03}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(&format!("title: Tema {n:03}"), &format!("title: {title}"));
    std::fs::write(&path, text).unwrap();
}

#[test]
fn listing_pages_that_show_no_change_are_kept_and_the_site_equals_a_clean_build() {
    let site = Site::fixture("basic");
    for n in 0..LONG {
        site.write(&format!("content/lista/tema-{n:03}.md"), topic(n));
    }
    settle_sources(&site);
    let server = Server::start(&site);
    let settled = server.settled_after(0);
    assert_same_as_clean_build(&site, &server, &settled, "first build");
    let mut generation = settled["generation"].as_u64().unwrap();

    // Each change, with the most pages its rebuild may render again: the
    // pages of the articles it touches and of their neighbours, the pages
    // that list them, and the pages that show every article (home pages,
    // feeds, search and 404 pages, the lists of tags), in both languages.
    type Step<'a> = (&'a str, usize, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "retitle an article of the second page, which keeps its place",
            25,
            Box::new(|| retitle(&site, 40, "Tema 040, revisado")),
        ),
        (
            "retitle an article of the last page so that it comes first",
            usize::MAX,
            Box::new(|| retitle(&site, 65, "Aaa tema primero")),
        ),
        (
            "move an article to the other tier and tag",
            usize::MAX,
            Box::new(|| {
                let path = site.root().join("content/lista/tema-050.md");
                let text = std::fs::read_to_string(&path).unwrap();
                let text = text
                    .replace("tier: L1", "tier: L3")
                    .replace("[par,", "[impar,");
                std::fs::write(&path, text).unwrap();
            }),
        ),
        (
            "create an article, which shifts every page after it",
            usize::MAX,
            Box::new(|| {
                site.write(
                    "content/lista/tema-0005.md",
                    topic(5).replace("KB-105", "KB-99"),
                )
            }),
        ),
        (
            "delete an article",
            usize::MAX,
            Box::new(|| {
                std::fs::remove_file(site.root().join("content/lista/tema-010.md")).unwrap()
            }),
        ),
        (
            "create an article at the end of the long section",
            40,
            Box::new(|| site.write("content/lista/tema-100.md", topic(100))),
        ),
        (
            "delete an article at the end of the long section",
            40,
            Box::new(|| {
                std::fs::remove_file(site.root().join("content/lista/tema-100.md")).unwrap()
            }),
        ),
        (
            "delete the last article, which changes the counts on every page of its lists",
            usize::MAX,
            Box::new(|| {
                std::fs::remove_file(site.root().join("content/lista/tema-069.md")).unwrap()
            }),
        ),
    ];
    for (step, most, change) in steps {
        change();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(settled["errors"].is_null(), "{step}: {settled}");
        assert_eq!(settled["rebuilt"], "listings", "{step}");
        let rendered = settled["rendered"].as_u64().unwrap() as usize;
        eprintln!("{step}: {rendered} pages rendered again");
        assert!(
            rendered <= most,
            "{step}: {rendered} pages rendered again, not at most {most}"
        );
        assert_same_as_clean_build(&site, &server, &settled, step);
    }
}

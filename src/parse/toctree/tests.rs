use std::path::Path;

use super::*;

fn sources(pages: &[(&str, &str)], landings: &[(&str, &str)]) -> Sources {
    let files = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(rel, text)| SourceFile::in_content(rel, text))
            .collect()
    };
    Sources {
        articles: files(pages),
        sections: files(landings),
        ..Default::default()
    }
}

fn pages(navigation: &Navigation) -> Vec<(&str, Option<&str>)> {
    navigation
        .pages
        .iter()
        .map(|p| (p.rel.as_str(), p.title.as_deref()))
        .collect()
}

#[test]
fn entries_options_titles_self_and_links_are_read_as_sphinx_reads_them() {
    let index = "# Home\n\n```{toctree}\n:maxdepth: 2\n:caption: User guide\n:hidden:\n\n\
                 usage/index\nGetting started <usage/start.md>\nself\nhttps://example.com\n\
                 usage/gone\ngenindex\n```\n\n```{toctree}\napi\ndev/index\n```\n";
    let mut site = sources(
        &[("usage/start.md", "# S\n"), ("usage/quick.md", "# Q\n")],
        &[("index.md", index), ("usage/index.md", "# U\n")],
    );
    for rel in ["api.rst", "dev/index.rst"] {
        site.assets.push(crate::discover::Asset {
            rel: rel.into(),
            source: format!("content/{rel}").into(),
        });
    }
    let (navigations, problems) = read(&site);
    assert_eq!(navigations.len(), 1);
    let navigation = &navigations[0];
    assert_eq!(
        pages(navigation),
        [("usage/start.md", Some("Getting started"))]
    );
    let sections = navigation.section_places();
    // The folders' places, a reStructuredText page's too; the caption
    // titles the folder its pages share.
    assert_eq!(
        sections,
        [
            ("usage", None, Some(1)),
            ("usage", Some("User guide"), None),
            ("dev", None, Some(2))
        ]
    );
    // Sphinx's generated pages pass silently; a reStructuredText page is
    // named as one.
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(problems[0].path, Path::new("content/index.md"));
    assert_eq!(&index[problems[0].span.clone()], "usage/gone");
    assert!(problems[0].message.contains("names no document"));
    assert!(
        problems[1]
            .message
            .contains("`api.rst`, a reStructuredText page")
    );
}

#[test]
fn colon_fences_yaml_options_globs_and_nested_toctrees_give_the_walk_order() {
    let index = ":::{toctree}\n---\nglob: true\ncaption: Reference\n---\nref/*\nnothing*\n:::\n\n\
                 ````markdown\n```{toctree}\nhidden\n```\n````\n";
    // pip's topics: a note before the toctree, whose closing fence
    // opened no code block.
    let guide = "```{note}\nSee {issue}`9475`.\n```\n\n```{toctree}\n:reversed:\n\n../ref/b\n\
                 /ref/deep/z\n```\n";
    let site = sources(
        &[
            ("ref/b.md", ""),
            ("ref/a.md", guide),
            ("ref/c.mdx", ""),
            ("ref/deep/z.md", ""),
            ("hidden.md", ""),
        ],
        &[("README.md", index)],
    );
    let (navigations, problems) = read(&site);
    // The root document first, then `ref/a`, which it lists.
    let order: Vec<_> = navigations.iter().map(|n| pages(n)).collect();
    assert_eq!(
        order,
        [
            vec![("ref/a.md", None), ("ref/b.md", None), ("ref/c.mdx", None)],
            vec![("ref/deep/z.md", None), ("ref/b.md", None)],
        ]
    );
    assert_eq!(
        navigations[0].sections[1].title.as_deref(),
        Some("Reference")
    );
    assert_eq!(navigations[0].sections[1].section, "ref");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("`nothing*` matches no document")
    );
}

#[test]
fn patterns_match_as_sphinx_patfilter_does() {
    for (pattern, doc, matches) in [
        ("ref/*", "ref/a", true),
        ("ref/*", "ref/deep/a", false),
        ("ref/**", "ref/deep/a", true),
        ("ref/?", "ref/a", true),
        ("ref/?", "ref/ab", false),
        ("ref/[ab]*", "ref/beta", true),
        ("ref/[!ab]*", "ref/beta", false),
        ("ref/[a-c]", "ref/c", true),
        ("ref/[", "ref/[", true),
        ("*", "", true),
        ("a*b*c", "axxbyyc", true),
        ("a*b*c", "axxbyy", false),
    ] {
        assert_eq!(glob_matches(pattern, doc), matches, "{pattern} {doc}");
    }
}

#[test]
fn names_join_as_docname_join_does() {
    assert_eq!(join("usage/index", "start").as_deref(), Some("usage/start"));
    assert_eq!(join("usage/index", "/top").as_deref(), Some("top"));
    assert_eq!(join("usage/index", "../a/./b").as_deref(), Some("a/b"));
    assert_eq!(join("index", "../out"), None);
    assert_eq!(
        explicit_title("Getting started <usage/start>"),
        (Some("Getting started"), "usage/start")
    );
    assert_eq!(explicit_title("<odd>"), (None, "<odd>"));
}

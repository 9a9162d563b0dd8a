//! One test per kind of change, and per reason a page is rendered again.

use super::*;
use crate::link::testing::linked;

/// Links to KB-3 (vpn/c.md), in the section `red` with B and E.
const A: &str = "---\nid: KB-1\ntitle: A\n---\n## Uno\n\nSee [C](KB-3).\n";
const B: &str = "---\nid: KB-2\ntitle: B\n---\nB.\n";
const E: &str = "---\nid: KB-5\ntitle: E\n---\nE.\n";
/// Alone in the section `vpn`.
const C: &str = "---\nid: KB-3\ntitle: C\n---\nC.\n";
/// B's English version, alone in the English section `red`.
const B_EN: &str = "---\nid: KB-2\ntitle: B en\n---\nB.\n";

/// A's English version.
const A_EN: &str = "---\nid: KB-1\ntitle: A en\n---\nA.\n";

/// The site every test starts from.
const BASE: [(&str, &str); 5] = [
    ("red/a.md", A),
    ("red/b.md", B),
    ("red/e.md", E),
    ("vpn/c.md", C),
    ("red/b.en.md", B_EN),
];

fn site(files: &[(&str, &str)]) -> SiteModel {
    linked(files, &[]).unwrap()
}

/// `BASE` with each `rel` given `text`, or left out when `text` is `None`.
fn base_with<'a>(changes: &[(&'a str, Option<&'a str>)]) -> Vec<(&'a str, &'a str)> {
    let mut files: Vec<(&str, &str)> = BASE
        .into_iter()
        .filter(|(rel, _)| !changes.iter().any(|(r, _)| r == rel))
        .collect();
    files.extend(changes.iter().filter_map(|&(rel, text)| Some((rel, text?))));
    files
}

fn text(rel: &str, text: &str) -> Change {
    Change::Content {
        rel: rel.to_owned(),
        now: Now::Text(Arc::from(text)),
    }
}

fn at(rel: &str, now: Now) -> Change {
    Change::Content {
        rel: rel.to_owned(),
        now,
    }
}

fn index(model: &SiteModel, rel: &str) -> usize {
    model.article_by_source(rel).unwrap()
}

/// The links that rendering found in each article of `model`: A's.
fn links(model: &SiteModel) -> Vec<Vec<String>> {
    model
        .articles
        .iter()
        .map(|a| match a.article.rel.as_str() {
            "red/a.md" => vec!["KB-3".to_owned()],
            _ => Vec::new(),
        })
        .collect()
}

/// The plan after `BASE` became `new` through `changes`, which must
/// call for relinking.
fn relinked(new: &[(&str, &str)], changes: &[Change]) -> (Option<Pages>, SiteModel) {
    let old = site(&BASE);
    let new = site(new);
    let Step::Relink { files } = first(Some(&old), changes) else {
        panic!("{:?}", first(Some(&old), changes));
    };
    (pages(&old, &links(&old), &new, &files), new)
}

/// The plan after `old`, whose articles have the links `old_links`,
/// became `new` through `changes`, which must call for relinking.
fn replanned(
    old: &SiteModel,
    old_links: &[Vec<String>],
    new: &SiteModel,
    changes: &[Change],
) -> Pages {
    let Step::Relink { files } = first(Some(old), changes) else {
        panic!("{:?}", first(Some(old), changes));
    };
    pages(old, old_links, new, &files).unwrap()
}

/// The changes that give each file `rel` of `BASE` `text`, or delete it
/// when it is `None`.
fn changes_of(edits: &[(&str, Option<&str>)]) -> Vec<Change> {
    edits
        .iter()
        .map(|&(rel, edited)| match edited {
            Some(edited) => text(rel, edited),
            None => at(rel, Now::Gone),
        })
        .collect()
}

/// [`assert_renders`] for the plan after each file `rel` of `BASE` was
/// given `text`, or deleted when it is `None`.
fn assert_renders_after(edits: &[(&str, Option<&str>)], expected: &[&str]) {
    let (pages, new) = relinked(&base_with(edits), &changes_of(edits));
    assert_renders(&pages.unwrap(), &new, expected);
}

/// The source files of the articles that `pages` renders again.
fn rendered<'a>(pages: &Pages, new: &'a SiteModel) -> Vec<&'a str> {
    let mut rels: Vec<&str> = pages
        .render
        .iter()
        .map(|&i| new.articles[i].article.rel.as_str())
        .collect();
    rels.sort_unstable();
    rels
}

/// The plan renders `expected` again, and keeps the page of every other
/// article and of every redirect to one.
fn assert_renders(pages: &Pages, new: &SiteModel, expected: &[&str]) {
    assert_eq!(rendered(pages, new), expected);
    for (i, a) in new.articles.iter().enumerate() {
        let kept = pages.keep.contains(&a.path);
        assert_eq!(kept, !pages.render.contains(&i), "{}", a.article.rel);
    }
    for r in new.redirects.iter() {
        let kept = pages.keep.contains(&r.from);
        let unchanged = r.article().is_some_and(|to| !pages.changed.contains(&to));
        assert_eq!(kept, unchanged, "{}", r.from);
    }
    assert_eq!(
        pages.keep.len(),
        new.articles.len() - pages.render.len()
            + new
                .redirects
                .iter()
                .filter(|r| r.article().is_some_and(|to| !pages.changed.contains(&to)))
                .count()
    );
    assert!(pages.changed.iter().all(|i| pages.render.contains(i)));
}

#[test]
fn a_body_edit_renders_that_article_alone() {
    let old = site(&BASE);
    let edited = A.replace("See", "Read");
    let step = first(Some(&old), &[text("red/a.md", &edited)]);
    let expected = vec![Body {
        index: index(&old, "red/a.md"),
        text: Arc::from(edited),
    }];
    assert_eq!(step, Step::Bodies(expected));
}

#[test]
fn a_body_edit_that_moves_a_file_in_or_out_of_an_internal_block_relinks() {
    // Which images an edition publishes depends on where bodies show them.
    let outside = A.replace("See", "![x](x.png) See");
    let inside = A.replace("See", "> [!INTERNAL]\n> ![x](x.png)\n\nSee");
    for (before, after) in [
        (&outside, &inside),
        (&inside, &outside),
        (&outside, &A.to_owned()),
    ] {
        let old = site(&base_with(&[("red/a.md", Some(before))]));
        let step = first(Some(&old), &[text("red/a.md", after)]);
        assert!(matches!(step, Step::Relink { .. }), "{after}: {step:?}");
    }
}

#[test]
fn a_body_edit_of_a_sphinx_toctree_relinks() {
    // The toctree orders the pages it lists: more than this page changes.
    let toctree =
        |entries: &str| A.replace("See", &format!("```{{toctree}}\n{entries}\n```\n\nSee"));
    let old = site(&base_with(&[("red/a.md", Some(&toctree("b\ne")))]));
    let step = first(Some(&old), &[text("red/a.md", &toctree("e\nb"))]);
    assert!(matches!(step, Step::Relink { .. }), "{step:?}");
    // Text around it is a body edit still.
    let moved = toctree("b\ne").replace("See", "Read");
    assert!(matches!(
        first(Some(&old), &[text("red/a.md", &moved)]),
        Step::Bodies(_)
    ));
}

#[test]
fn a_body_edit_that_keeps_the_anchors_is_the_whole_rebuild() {
    let old = site(&BASE);
    let a = index(&old, "red/a.md");
    let changes = [text("red/a.md", &A.replace("See", "Read"))];
    let anchors = vec![BTreeSet::new(); old.articles.len()];
    let mut same = anchors.clone();
    same[a].insert("uno".to_owned());
    assert_eq!(after_bodies(&old, &changes, &same, [(a, &same[a])]), None);
}

#[test]
fn a_body_edit_that_changes_the_anchors_relinks() {
    let old = site(&BASE);
    let a = index(&old, "red/a.md");
    let changes = [text("red/a.md", &A.replace("## Uno", "## Dos"))];
    let mut anchors = vec![BTreeSet::new(); old.articles.len()];
    anchors[a].insert("uno".to_owned());
    let now = BTreeSet::from(["dos".to_owned()]);
    let expected = Step::Relink {
        files: vec!["red/a.md".to_owned()],
    };
    assert_eq!(
        after_bodies(&old, &changes, &anchors, [(a, &now)]),
        Some(expected)
    );
}

#[test]
fn a_front_matter_edit_relinks_and_renders_that_article() {
    let edited = B_EN.replace("title: B en", "title: B in English");
    assert_renders_after(&[("red/b.en.md", Some(&edited))], &["red/b.en.md"]);
}

#[test]
fn an_edit_of_a_link_target_renders_the_articles_linking_to_it() {
    let edited = C.replace("title: C", "title: C2");
    assert_renders_after(&[("vpn/c.md", Some(&edited))], &["red/a.md", "vpn/c.md"]);
}

#[test]
fn a_renamed_link_target_renders_the_articles_linking_to_it() {
    assert_renders_after(
        &[("vpn/c.md", None), ("vpn/c2.md", Some(C))],
        &["red/a.md", "vpn/c2.md"],
    );
}

#[test]
fn a_changed_neighbour_in_the_section_renders_the_articles_showing_it() {
    let edited = B.replace("title: B", "title: Be");
    // A and E show B's title beside them; C and B's translation do not.
    assert_renders_after(
        &[("red/b.md", Some(&edited))],
        &["red/a.md", "red/b.md", "red/e.md"],
    );
}

/// The source files of the articles that `pages` says changed.
fn changed<'a>(pages: &Pages, new: &'a SiteModel) -> Vec<&'a str> {
    let rels: Vec<&str> = pages
        .changed
        .iter()
        .map(|&i| new.articles[i].article.rel.as_str())
        .collect();
    assert!(pages.changed.is_sorted());
    rels
}

#[test]
fn only_new_edited_or_moved_articles_changed_their_entries_in_lists() {
    let b = B.replace("title: B", "title: Be");
    let d = "---\nid: KB-4\ntitle: D\n---\nD.\n";
    type Case<'a> = (&'a [(&'a str, Option<&'a str>)], &'a [&'a str]);
    let cases: [Case; 4] = [
        (&[("red/b.md", Some(&b))], &["red/b.md"]),
        (&[("red/d.md", Some(d))], &["red/d.md"]),
        (&[("red/e.md", None)], &[]),
        (&[("red/e.md", None), ("red/f.md", Some(E))], &["red/f.md"]),
    ];
    for (edits, expected) in cases {
        let (pages, new) = relinked(&base_with(edits), &changes_of(edits));
        let pages = pages.unwrap();
        let mut got = changed(&pages, &new);
        got.sort_unstable();
        assert_eq!(got, expected, "{edits:?}");
        for (i, a) in new.articles.iter().enumerate() {
            let same = !expected.contains(&a.article.rel.as_str());
            assert_eq!(pages.unchanged(i).is_some(), same, "{}", a.article.rel);
        }
    }
}

#[test]
fn a_new_article_renders_it_and_its_neighbours() {
    let d = "---\nid: KB-4\ntitle: D\n---\nD.\n";
    assert_renders_after(
        &[("red/d.md", Some(d))],
        &["red/a.md", "red/b.md", "red/d.md", "red/e.md"],
    );
}

#[test]
fn a_deleted_article_renders_its_neighbours() {
    assert_renders_after(&[("red/e.md", None)], &["red/a.md", "red/b.md"]);
}

#[test]
fn a_renamed_article_renders_it_and_its_neighbours() {
    assert_renders_after(
        &[("red/e.md", None), ("red/f.md", Some(E))],
        &["red/a.md", "red/b.md", "red/f.md"],
    );
}

#[test]
fn an_added_translation_renders_the_articles_it_translates() {
    // A for its translations; B's English version for its new neighbour.
    assert_renders_after(
        &[("red/a.en.md", Some(A_EN))],
        &["red/a.en.md", "red/a.md", "red/b.en.md"],
    );
}

#[test]
fn a_removed_translation_renders_the_article_it_translated() {
    let old = site(&base_with(&[("red/a.en.md", Some(A_EN))]));
    let new = site(&BASE);
    let changes = [at("red/a.en.md", Now::Gone)];
    let pages = replanned(&old, &links(&old), &new, &changes);
    assert_renders(&pages, &new, &["red/a.md", "red/b.en.md"]);
}

#[test]
fn a_link_that_names_no_article_renders_its_page_once_it_does() {
    // A's link to KB-3 leads nowhere while C has another id.
    let old = site(&base_with(&[(
        "vpn/c.md",
        Some(&C.replace("KB-3", "KB-4")),
    )]));
    let new = site(&BASE);
    let changes = [text("vpn/c.md", C)];
    let pages = replanned(&old, &links(&old), &new, &changes);
    assert_renders(&pages, &new, &["red/a.md", "vpn/c.md"]);
}

#[test]
fn a_link_that_leads_where_it_led_renders_nothing_again() {
    let old = site(&BASE);
    // Outside the site, and to no article, before and after.
    let mut old_links = links(&old);
    old_links[index(&old, "red/a.md")] =
        vec!["https://example.com/".to_owned(), "KB-99".to_owned()];
    let edited = B_EN.replace("title: B en", "title: B in English");
    let new = site(&base_with(&[("red/b.en.md", Some(&edited))]));
    let changes = [text("red/b.en.md", &edited)];
    let pages = replanned(&old, &old_links, &new, &changes);
    assert_renders(&pages, &new, &["red/b.en.md"]);
}

#[test]
fn a_new_folder_of_articles_is_a_new_section_so_everything() {
    let d = "---\nid: KB-4\ntitle: D\n---\nD.\n";
    let changes = [at("faq", Now::Folder), text("faq/d.md", d)];
    let old = site(&BASE);
    assert_eq!(
        first(Some(&old), &changes),
        Step::Relink {
            files: vec!["faq/d.md".to_owned()]
        }
    );
    let (pages, _) = relinked(&base_with(&[("faq/d.md", Some(d))]), &changes);
    assert_eq!(pages, None);
}

#[test]
fn a_deleted_folder_of_articles_relinks_and_its_gone_section_rebuilds_everything() {
    let changes = [at("vpn", Now::Gone)];
    let old = site(&BASE);
    assert_eq!(
        first(Some(&old), &changes),
        Step::Relink { files: Vec::new() }
    );
    let (pages, _) = relinked(&base_with(&[("vpn/c.md", None)]), &changes);
    assert_eq!(pages, None);
}

#[test]
fn a_changed_file_that_no_site_has_as_an_article_rebuilds_everything() {
    let old = site(&BASE);
    let files = ["red/notes.md".to_owned()];
    assert_eq!(pages(&old, &links(&old), &old, &files), None);
}

#[test]
fn an_asset_that_appears_on_relinking_rebuilds_everything() {
    let old = site(&BASE);
    let new = linked(&BASE, &["red/x.png"]).unwrap();
    let files = ["red/a.md".to_owned()];
    assert_eq!(pages(&old, &links(&old), &new, &files), None);
    let same = pages(&old, &links(&old), &old, &files).unwrap();
    assert_renders(&same, &old, &[]);
}

#[test]
fn changes_beyond_articles_rebuild_everything() {
    let old = site(&BASE);
    let everything = [
        vec![Change::Outside],
        vec![text("red/_index.md", "---\ntitle: Red\n---\n")],
        vec![text("_index.md", "Home.\n")],
        // A table of contents orders the articles it lists.
        vec![text("red/SUMMARY.md", "- [A](a.md)\n")],
        // A category file labels and orders its section.
        vec![text("red/_category_.json", "{\"label\": \"Redes\"}")],
        vec![text("red/_category_.yml", "position: 2\n")],
        // Other generators' navigation files order and title their pages.
        vec![text("_sidebar.md", "- [A](red/a.md)\n")],
        vec![text("red/.pages", "nav: [a.md]\n")],
        vec![text("red/_meta.json", "{\"a\": \"A\"}")],
        vec![at("red/x.png", Now::File)],
        vec![text("red/a.md", A), Change::Outside],
        vec![],
    ];
    for changes in everything {
        assert_eq!(first(Some(&old), &changes), Step::Everything, "{changes:?}");
    }
    let body = [text("red/a.md", &A.replace("See", "Read"))];
    assert_eq!(first(None, &body), Step::Everything);
}

#[test]
fn a_body_edit_with_another_change_relinks() {
    let old = site(&BASE);
    let body = text("red/a.md", &A.replace("See", "Read"));
    let changes = [body, at("red/e.md", Now::Gone)];
    let expected = Step::Relink {
        files: vec!["red/a.md".to_owned(), "red/e.md".to_owned()],
    };
    assert_eq!(first(Some(&old), &changes), expected);
}

#[test]
fn editors_temporary_files_are_not_significant() {
    let old = site(&BASE);
    let old = Some(&old);
    let none = BTreeSet::new();
    for gone in ["red/.a.md.swp", "red/a.md~", "red/4913"] {
        assert!(!significant(old, &none, &at(gone, Now::Gone)), "{gone}");
    }
    // A temporary file still there is a change like any other file.
    let temp = at("red/a.md~", Now::Text(Arc::from("x")));
    assert!(significant(old, &none, &temp));
    assert_eq!(first(old, &[temp]), Step::Everything);
    for was in ["red/a.md", "red", "vpn"] {
        assert!(significant(old, &none, &at(was, Now::Gone)), "{was}");
    }
    // No article or asset was there, but each shaped the site.
    for was in [
        "red/_category_.json",
        "red/_category_.yml",
        "red/_index.md",
        "red/SUMMARY.md",
        "red/_sidebar.md",
        "red/.pages",
        "red/_meta.json",
        "red/_meta.ts",
    ] {
        assert!(significant(old, &none, &at(was, Now::Gone)), "{was}");
        assert_eq!(first(old, &[at(was, Now::Gone)]), Step::Everything, "{was}");
    }
    assert!(significant(old, &none, &Change::Outside));
    assert!(significant(None, &none, &at("red/.a.md.swp", Now::Gone)));
}

#[test]
fn a_path_gone_with_a_reported_problem_is_significant() {
    let old = site(&BASE);
    let reported = BTreeSet::from(["red/bucle".to_owned(), "faq/x/malo.md".to_owned()]);
    for gone in ["red/bucle", "faq/x/malo.md", "faq/x", "faq"] {
        assert!(
            significant(Some(&old), &reported, &at(gone, Now::Gone)),
            "{gone}"
        );
    }
    for gone in ["red/buc", "faq/x/malo", "fa"] {
        assert!(
            !significant(Some(&old), &reported, &at(gone, Now::Gone)),
            "{gone}"
        );
    }
}

#[test]
fn a_translation_whose_state_another_file_decides_changed_with_it() {
    // B made internal makes its English version internal: that page shows
    // the badge, and the lists that show it show it internal.
    let b = B.replace("title: B\n", "title: B\naudience: internal\n");
    let edits = [("red/b.md", Some(b.as_str()))];
    let (pages, new) = relinked(&base_with(&edits), &changes_of(&edits));
    let pages = pages.unwrap();
    let english = index(&new, "red/b.en.md");
    assert_eq!(
        new.articles[english].article.audience,
        parse::Audience::Internal
    );
    assert!(changed(&pages, &new).contains(&"red/b.en.md"));
    assert!(pages.unchanged(english).is_none());
    assert!(rendered(&pages, &new).contains(&"red/b.en.md"));
}

/// `n` articles in the section `big`, `big/pNN.md` titled `Part NN`, in
/// that order.
fn big_section(n: usize) -> Vec<(String, String)> {
    (1..=n)
        .map(|k| {
            let text = format!("---\nid: KB-{}\ntitle: Part {k:02}\n---\nText.\n", 100 + k);
            (format!("big/p{k:02}.md"), text)
        })
        .collect()
}

/// The source files whose pages are rendered again when `old`'s articles
/// become `new`'s through `changes`.
fn rendered_after(
    old: &[(String, String)],
    new: &[(String, String)],
    changes: &[Change],
) -> Vec<String> {
    let as_files = |files: &[(String, String)]| {
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(r, t)| (r.as_str(), t.as_str()))
            .collect();
        site(&files)
    };
    let (old, new) = (as_files(old), as_files(new));
    let no_links = vec![Vec::<String>::new(); old.articles.len()];
    let pages = replanned(&old, &no_links, &new, changes);
    rendered(&pages, &new)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_new_article_in_a_long_section_renders_only_the_pages_that_show_it() {
    // The article pages show ten articles of their section around them,
    // and a link to all of them, not how many there are: only the pages
    // whose ten now take in the new last one change (Part 27 to 30 showed
    // Part 21 to 30); those far from it stay as they were.
    let old = big_section(30);
    let new = big_section(31);
    let (rel, text) = &new[30];
    let changes = [super::tests::text(rel, text)];
    let expected: Vec<String> = (27..=31).map(|k| format!("big/p{k:02}.md")).collect();
    assert_eq!(rendered_after(&old, &new, &changes), expected);
    // The same the other way round: the article deleted.
    let gone = [at(rel, Now::Gone)];
    assert_eq!(rendered_after(&new, &old, &gone), expected[..4]);
}

#[test]
fn a_section_that_grows_past_its_window_renders_every_page_of_it() {
    // At ten articles every page shows the whole section; at eleven each
    // links to the section's page for the rest.
    let old = big_section(10);
    let new = big_section(11);
    let (rel, text) = &new[10];
    let changes = [super::tests::text(rel, text)];
    let expected: Vec<String> = new.iter().map(|(rel, _)| rel.clone()).collect();
    assert_eq!(rendered_after(&old, &new, &changes), expected);
}

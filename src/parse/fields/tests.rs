//! Reading front matter keys: tier0's own, other tools' names, loose types,
//! and the located warnings for what cannot be read.

use super::*;
use crate::matter::front_matter::split;
use crate::matter::{self, Want};
use crate::parse::keys::want;

fn read_text(text: &str) -> Read {
    let split = split(text).unwrap();
    let fm = matter::read(Path::new("a.md"), &split, &want).unwrap();
    read(Path::new("a.md"), &fm)
}

fn messages(read: &Read) -> Vec<String> {
    read.warnings.iter().map(|w| w.message.clone()).collect()
}

#[test]
fn tier0_keys_read_as_before() {
    let r = read_text(
        "---\nid: KB-1\ntitle: Wi-Fi\ntags: [a, b]\nerror_codes: [0x80070005, 0042]\n\
         weight: 3\ndraft: true\nreview_every: 90\n---\n",
    );
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!(r.raw.id.as_deref(), Some("KB-1"));
    assert_eq!(r.raw.error_codes, ["0x80070005", "0042"]);
    assert_eq!(r.raw.tags, ["a", "b"]);
    assert_eq!(
        (r.raw.weight, r.raw.draft, r.raw.review_every),
        (Some(3), true, Some(90))
    );
}

#[test]
fn numbers_written_where_text_is_read_keep_their_text() {
    let r = read_text("---\nid: 0042\ntitle: 1.10\napplies_to:\n  - 1.10\n  - {a: 0x1}\n---\n");
    assert_eq!(r.raw.id.as_deref(), Some("0042"));
    assert_eq!(r.raw.title.as_deref(), Some("1.10"));
    assert_eq!(r.raw.applies_to, ["1.10"]);
    assert_eq!(
        messages(&r),
        ["`applies_to` holds lists or maps among its items: they are ignored"]
    );
    // A value that refers to an anchor elsewhere is read again whole.
    let r = read_text("---\nx-codes: &c [0x1, 7]\nerror_codes: *c\ntitle: t\n---\n");
    assert_eq!(r.raw.error_codes, ["0x1", "7"]);
}

#[test]
fn keys_in_any_case_and_other_tools_names() {
    let r = read_text(
        "---\nTitle: Hola\nDraft: True\nlastMod: 2020-12-21\nsidebar_position: 4\n\
         keywords: [x]\ncategories: [Y]\ntags: x, z\nsummary: Resumen\nurl: /old/path/\n\
         redirect_from: [/older/]\npublishDate: 2020-01-01\nsidebar_label: Corto\n---\n",
    );
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    let raw = &r.raw;
    assert_eq!(raw.title.as_deref(), Some("Hola"));
    assert!(raw.draft);
    assert_eq!(raw.updated.as_deref(), Some("2020-12-21"));
    assert_eq!((raw.weight, raw.position), (None, Some(4)));
    assert_eq!(raw.tags, ["x", "Y", "z"]);
    assert_eq!(raw.description.as_deref(), Some("Resumen"));
    assert_eq!(raw.aliases, ["/old/path/", "/older/"]);
    assert_eq!(raw.date.as_deref(), Some("2020-01-01"));
    assert!(r.spans.has("updated") && r.spans.has("tags"));
}

#[test]
fn toml_reads_the_same_fields() {
    let r = read_text(
        "+++\ntitle = 'Página'\nweight = 30\ndate = 2024-02-02T04:14:54-08:00\n\
         draft = false\n[taxonomies]\ntags = ['a']\ncategories = ['b']\n[extra]\nx = 1\n+++\n",
    );
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!(r.raw.title.as_deref(), Some("Página"));
    assert_eq!(r.raw.weight, Some(30));
    assert_eq!(r.raw.date.as_deref(), Some("2024-02-02T04:14:54-08:00"));
    assert_eq!(r.raw.tags, ["a", "b"]);
}

#[test]
fn loose_types_are_read_when_clear() {
    let r = read_text(
        "---\nauthor: {name: Ana, email: a@x}\ncategory: [red]\ndate:\n  created: 2023-01-02\n  \
         updated: 2023-02-03\nlast_update: {date: 2023-03-04, author: B}\npublished: false\n---\n",
    );
    let raw = &r.raw;
    assert_eq!(raw.author.as_deref(), Some("Ana"));
    assert_eq!(raw.category.as_deref(), Some("red"));
    assert_eq!(raw.date.as_deref(), Some("2023-01-02"));
    // `date.updated` came first; `last_update` names the same field.
    assert_eq!(raw.updated.as_deref(), Some("2023-02-03"));
    assert!(raw.draft);
    let r = read_text("---\nauthors: [Ana, {name: Bea}]\n---\n");
    assert_eq!(r.raw.author.as_deref(), Some("Ana, Bea"));
}

#[test]
fn what_cannot_be_read_is_a_located_warning() {
    let text = "---\ntitle: [a, b]\ndraft: maybe\nweight: heavy\nauthor: {email: x}\n\
                tags: {a: b}\nexpiryDate: 2020-01-01\nreview_every: -3\nfoo: 1\nTitle: dup\n---\n";
    let r = read_text(text);
    let found = messages(&r);
    for expected in [
        "`title` is a list, where tier0 reads a single value: it is ignored",
        "`draft` is a string, where tier0 reads `true` or `false`: it is ignored",
        "`weight` is a string, where tier0 reads a whole number: it is ignored",
        "`author` is a map, where tier0 reads a name: it is ignored",
        "`tags` is a map, where tier0 reads a list: it is ignored",
        "`expiryDate` is not supported: the article is published all the same",
        "`review_every` is -3, not a number of days: it is ignored",
        "unknown key `foo` is ignored",
        "`Title` is ignored: `title` already sets the same field",
    ] {
        assert!(
            found.iter().any(|m| m == expected),
            "{expected:?} not in {found:#?}"
        );
    }
    let weight = r
        .warnings
        .iter()
        .find(|w| w.message.starts_with("`weight`"))
        .unwrap();
    assert_eq!(&text[weight.span.clone()], "heavy");
    assert_eq!(r.raw, RawFrontMatter::default());
}

#[test]
fn other_tools_keys_are_ignored_quietly() {
    let r =
        read_text("+++\ntitle = 'S'\nsort_by = 'weight'\nredirect_to = 'x'\n[extra]\na = 1\n+++\n");
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!(r.raw.title.as_deref(), Some("S"));
    // Sphinx's `orphan:` (a page no toctree lists) and Furo's `hide-toc`.
    let r = read_text("---\norphan:\nhide-toc: true\ntocdepth: 2\n---\n");
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    // Jupyter Book 2's (mystmd's): 24 warnings in its own docs.
    let r = read_text(
        "---\nshort_title: Start\nsubject: Tutorial\nkernelspec:\n  name: python3\n---\n",
    );
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
}

/// Doks (Hugo) gives every page a `lead`, its subtitle (17 warnings in its
/// docs), and ABlog's posts say `blogpost:` and `location:`.
#[test]
fn a_hugo_themes_lead_is_the_description_and_ablogs_keys_pass() {
    let r = read_text("---\ntitle: Start\nlead: Begin here.\npinned: true\n---\n");
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!(r.raw.description.as_deref(), Some("Begin here."));
    let r = read_text("---\nblogpost: true\nlocation: World\ndate: Jan 01, 2022\n---\n");
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
}

/// GraphCommerce's pages give search engines their own title, address
/// and description (22 warnings in its docs); VuePress's blog template
/// marks a post `archive: true`.
#[test]
fn graphcommerces_meta_description_is_the_description_and_its_other_keys_pass() {
    let r = read_text(
        "---
menu: 1. Installation
metaTitle: Start here - Shop
metaDescription: Set up a shop.
\
         metaUrl: getting-started
archive: true
---
",
    );
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!(r.raw.description.as_deref(), Some("Set up a shop."));
}

#[test]
fn vuepress_keys_are_read_or_ignored_quietly() {
    let r = read_text(
        "---\ntitle: Casa\norder: 2\ntag:\n  - red\nstar: true\nheroText: Hola\npageInfo: false\n---\n",
    );
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!(
        (r.raw.position, r.raw.tags),
        (Some(2), vec!["red".to_owned()])
    );
}

#[test]
fn wanted_values_only() {
    assert_eq!(want("Title"), Want::Text);
    assert_eq!(want("weight"), Want::Value);
    assert_eq!(want("sidebar_label"), Want::Skip);
    assert_eq!(want("whatever"), Want::Skip);
    assert_eq!(field("pageClass"), Some(Field::Ignored));
    assert_eq!(field("last-modified"), Some(Field::Updated));
}

#[test]
fn a_cascade_that_withholds_the_pages_below_is_read() {
    let withholding = |internal, draft| Withholding { internal, draft };
    for (text, expected) in [
        (
            "---\ntitle: S\ncascade:\n  audience: internal\n---\n",
            withholding(true, false),
        ),
        (
            "---\ntitle: S\ncascade:\n  - draft: true\n  - published: true\n---\n",
            withholding(false, true),
        ),
        (
            "+++\ntitle = 'S'\n[cascade.build]\nrender = 'never'\n+++\n",
            withholding(false, true),
        ),
        (
            "---\ntitle: S\ncascade:\n  headless: true\n  audience: public\n---\n",
            withholding(false, true),
        ),
    ] {
        let r = read_text(text);
        assert!(r.warnings.is_empty(), "{text}: {:?}", messages(&r));
        assert_eq!(r.raw.cascade, expected, "{text}");
        assert_eq!(r.raw.audience, None);
        assert!(!r.raw.draft);
    }
}

#[test]
fn a_cascade_key_that_would_withhold_but_is_not_read_is_not_silent() {
    for text in [
        "---\ntitle: S\ncascade:\n  - _target: {path: '/x/**'}\n    draft: true\n---\n",
        "---\ntitle: S\ncascade:\n  confidence: draft\n---\n",
        "---\ntitle: S\ncascade:\n  audience: agents\n---\n",
    ] {
        let r = read_text(text);
        let found = messages(&r);
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("`cascade` is read only for")),
            "{text}: {found:?}"
        );
        assert_eq!(r.raw.cascade, Withholding::default(), "{text}");
    }
    let r = read_text("---\ntitle: S\ncascade:\n  banner: x.png\n---\n");
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
}

/// QA: `headless: true` and `build: {render: never}` pages, which Hugo
/// does not publish, were published; so were Zola's `render = false`.
#[test]
fn a_page_hugo_does_not_render_is_a_draft() {
    for text in [
        "---\ntitle: S\nheadless: true\n---\n",
        "---\ntitle: S\nbuild:\n  render: never\n  list: never\n---\n",
        "---\ntitle: S\nbuild: {render: link}\n---\n",
        "+++\ntitle = 'S'\n[_build]\nrender = false\n+++\n",
        "+++\ntitle = 'S'\nrender = false\n+++\n",
    ] {
        let r = read_text(text);
        assert!(r.raw.draft, "{text}");
        assert!(r.warnings.is_empty(), "{text}: {:?}", messages(&r));
    }
    for text in [
        "---\ntitle: S\nheadless: false\n---\n",
        "---\ntitle: S\nbuild:\n  render: always\n  list: never\n---\n",
        "---\ntitle: S\nbuild: {publishResources: false}\n---\n",
        "+++\ntitle = 'S'\nrender = true\n+++\n",
    ] {
        let r = read_text(text);
        assert!(!r.raw.draft, "{text}");
        assert!(r.warnings.is_empty(), "{text}: {:?}", messages(&r));
    }
}

#[test]
fn starlight_sidebar_order_is_a_place_and_hidden_unlists() {
    let r = read_text(
        "---\ntitle: t\nsidebar:\n  order: 3\n  label: Short\n  hidden: true\n  \
         badge: {text: New, variant: tip}\n  attrs: {class: x}\n---\n",
    );
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!((r.raw.weight, r.raw.position), (None, Some(3)));
    assert!(r.raw.unlisted);
    // VitePress's `sidebar: false` is ignored, quietly.
    let r = read_text("---\ntitle: t\nsidebar: false\n---\n");
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert_eq!((r.raw.position, r.raw.unlisted), (None, false));
    // Starlight's other keys are known.
    let r = read_text("---\ntitle: t\npagefind: true\ntableOfContents: false\n---\n");
    assert!(r.warnings.is_empty(), "{:?}", messages(&r));
    assert!(!r.raw.unsearched);
}

#[test]
fn other_tools_keys_that_keep_a_page_out_of_search_are_read() {
    for (front, unsearched) in [
        ("search: false", true),
        ("search:\n  exclude: true", true),
        ("search:\n  boost: 2", false),
        ("search: true", false),
        ("pagefind: false", true),
        ("in_search_index: false", true),
        ("nosearch:", true),
        ("nosearch: true", true),
        ("nosearch: false", false),
        ("description: only", false),
    ] {
        let r = read_text(&format!("---\ntitle: t\n{front}\n---\n"));
        assert!(r.warnings.is_empty(), "{front}: {:?}", messages(&r));
        assert_eq!(r.raw.unsearched, unsearched, "{front}");
    }
    // In TOML, as Zola writes it.
    let r = read_text("+++\ntitle = \"t\"\nin_search_index = false\n+++\n");
    assert!(r.raw.unsearched);
}

#[test]
fn starlight_sidebar_values_that_cannot_be_read_are_warnings() {
    let r =
        read_text("---\ntitle: t\nsidebar_position: 1\nsidebar:\n  order: 2\n  ordre: 4\n---\n");
    assert_eq!(r.raw.position, Some(1));
    assert_eq!(
        messages(&r),
        [
            "`sidebar` is ignored: `sidebar_position` already sets the same field",
            "`sidebar` has a key Starlight does not know, `ordre`: it is ignored",
        ]
    );
    assert_eq!(r.warnings[1].help.as_deref(), Some("did you mean `order`?"));
    let r = read_text("---\ntitle: t\nsidebar:\n  order: first\n  hidden: maybe\n---\n");
    assert_eq!((r.raw.position, r.raw.unlisted), (None, false));
    // Regression: each was "`sidebar` is a string", for a map.
    assert_eq!(
        messages(&r),
        [
            "`sidebar.order` is a string, where tier0 reads a whole number: it is ignored",
            "`sidebar.hidden` is a string, where tier0 reads `true` or `false`: it is ignored",
        ]
    );
    let r = read_text("---\ntitle: t\nsidebar:\n  order: 99999999999999999999\n---\n");
    assert_eq!(
        messages(&r),
        ["`sidebar.order` is 99999999999999999999, too large a number: it is ignored"]
    );
}

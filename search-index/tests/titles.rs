//! The exact-title and words-in-a-row rules (QUERY.md, "Ranking"): a
//! title that is the query comes first, even from beyond the first
//! results for a one-word query, then the articles with the query's words
//! in a row.

mod common;

use common::{english_doc, search};
use search_index::{build, export_files};

#[test]
fn a_title_that_is_the_query_comes_first() {
    let doc = |id: &str, title: &str, body: &str| english_doc(id, title, None, body);
    let docs = vec![
        doc(
            "a",
            "Summaries",
            "Summaries of summaries: every summary, summarised.",
        ),
        doc(
            "b",
            "Summary",
            "Returns the page's text up to the first break.",
        ),
        doc("c", "Content", "Nothing about it."),
    ];
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &["en".to_string()], &docs).unwrap();
    let files = export_files(&built).unwrap();
    // Both titles hold the stem; the one with more of it in the body scores
    // higher, but the title that is the query comes first.
    let engine = common::engine(&files, "en");
    let scores: Vec<f32> = engine
        .search("summary ", 10)
        .unwrap()
        .hits
        .iter()
        .map(|h| h.ranked.score)
        .collect();
    assert!(scores[0] < scores[1], "{scores:?}");
    for query in ["summary ", "Summary", "SUMMARY "] {
        assert_eq!(search(&files, "en", query, 10), ["b", "a"], "{query}");
        // The same with one result asked for: the window does not depend on it.
        assert_eq!(search(&files, "en", query, 1), ["b"], "{query}");
    }
    assert_eq!(search(&files, "en", "summaries ", 10), ["a", "b"]);
}

/// pip's docs: `Install`, `Dependency Resolut` (being typed) and
/// `Ibstallation` (misspelled) found "Installation" and "Dependency
/// Resolution" below pages that say their words more often; a title that
/// is the word typed comes before one that begins with it.
#[test]
fn a_title_half_typed_or_misspelled_is_the_query_too() {
    let doc = |id: &str, title: &str, body: &str| english_doc(id, title, None, body);
    let docs = vec![
        doc(
            "repeatable",
            "Repeatable installs",
            "Installs that repeat: pin installs, hash installs, installs again.",
        ),
        doc("installation", "Installation", "Get pip first."),
        doc(
            "more",
            "More on dependency resolution",
            "Dependency resolution in depth: resolution of every dependency.",
        ),
        doc(
            "resolution",
            "Dependency resolution",
            "How pip picks versions.",
        ),
        doc(
            "pagers",
            "Pagers",
            "A pager and its pagers: the pager size, the pager number, the first pager and the last pager of a page.",
        ),
        doc(
            "page",
            "Page",
            "Returns the current context for templates, partials and shortcodes, with its methods and fields.",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &["en".to_string()], &docs).unwrap();
    let files = export_files(&built).unwrap();
    // Hugo's docs: `page` put "Pagers" first, whose title begins with the
    // word being typed, before "Page", whose title is that word.
    let score = |id: &str| {
        let hits = common::engine(&files, "en")
            .search("page", 10)
            .unwrap()
            .hits;
        hits.iter()
            .find(|h| h.record.id == id)
            .unwrap()
            .ranked
            .score
    };
    assert!(score("pagers") > score("page"));
    assert_eq!(search(&files, "en", "page", 10)[..2], ["page", "pagers"]);
    for (query, first) in [
        ("Install", "installation"),
        ("Ibstallation ", "installation"),
        ("Dependency Resolut", "resolution"),
        ("Dependency Resoluiton ", "resolution"),
    ] {
        assert_eq!(search(&files, "en", query, 10)[0], first, "{query}");
    }
}

/// Node.js's API docs: `HTTP`, typed whole, found "HTTPS" first, a title
/// it only begins that says its word more often.
#[test]
fn a_title_typed_whole_comes_before_a_title_it_begins() {
    let doc = |id: &str, title: &str, body: &str| english_doc(id, title, None, body);
    let docs = vec![
        doc(
            "https",
            "HTTPS",
            "HTTPS is HTTP over TLS. Every HTTPS server needs a certificate.",
        ),
        doc("http", "HTTP", "Servers and clients of the web protocol."),
    ];
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &["en".to_string()], &docs).unwrap();
    let files = export_files(&built).unwrap();
    assert_eq!(search(&files, "en", "HTTP", 10), ["http", "https"]);
    assert_eq!(search(&files, "en", "HTTPS", 10), ["https"]);
    assert_eq!(search(&files, "en", "HTT", 10)[0], "https");
}

#[test]
fn the_query_words_in_a_row_come_before_the_same_words_apart() {
    let doc = english_doc;
    // "scattered" has every word, more often, but never in a row.
    let docs = vec![
        doc(
            "scattered",
            "Rendering",
            None,
            "Templates render pages. A home for templates; rendering pages is the home \
             of the template, and every page renders at home.",
        ),
        doc(
            "phrase",
            "Page lists",
            None,
            "When rendering the home page, the list holds every regular page.",
        ),
        doc(
            "heading",
            "Sections",
            Some("Rendering the homepage"),
            "Sections hold pages.",
        ),
        doc("none", "Other", None, "Nothing here."),
    ];
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &["en".to_string()], &docs).unwrap();
    let files = export_files(&built).unwrap();
    let engine = common::engine(&files, "en");
    let bm25: Vec<String> = {
        let hits = engine.search("rendering home ", 10).unwrap().hits;
        hits.iter().map(|h| h.record.id.clone()).collect()
    };
    assert_eq!(
        bm25[0], "scattered",
        "by score alone it would come first: {bm25:?}"
    );
    assert_eq!(
        search(&files, "en", "when rendering the home ", 10)[0],
        "phrase"
    );
    assert_eq!(
        search(&files, "en", "rendering the home", 10),
        ["heading", "phrase", "scattered"],
        "typing: the last word is the beginning of `homepage`, in a heading"
    );
    assert_eq!(
        search(&files, "en", "rendering the home ", 10)[0],
        "phrase",
        "a whole word is not a prefix"
    );
}

/// Hugo's docs: `template` did not find the page titled "Template" in the
/// first 10: two dozen pages say "template" in their title and all through
/// their text, and outscore it. A one-word query looks past the first
/// results for the pages whose title is that word.
#[test]
fn a_one_word_title_comes_first_from_beyond_the_first_results() {
    let doc = |id: &str, title: &str, body: &str| english_doc(id, title, None, body);
    let body = "The template and its template lookup: a base template, a list template, \
                a single template and the template of every kind, template after template.";
    let mut docs: Vec<_> = (0..30)
        .map(|i| search_index::SearchDocument {
            description: "Which template a template of this kind uses.".into(),
            keywords: vec!["template".into(), "templates".into()],
            ..english_doc(
                &format!("t{i:02}"),
                &format!("Template lookup {i}"),
                Some("Template of templates"),
                body,
            )
        })
        .collect();
    docs.push(doc("template", "Template", "Executes a named partial."));
    docs.push(doc("templates", "Templates", "An overview."));
    docs.extend((0..40).map(|i| doc(&format!("o{i:02}"), &format!("Other {i}"), "Nothing of it.")));
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &["en".to_string()], &docs).unwrap();
    let files = export_files(&built).unwrap();
    let engine = common::engine(&files, "en");
    let answer = engine.search("lookup template ", 40).unwrap();
    let hits = engine.search("template ", 40).unwrap().hits;
    let score_of = |id: &str| {
        hits.iter()
            .find(|h| h.record.id == id)
            .unwrap()
            .ranked
            .score
    };
    let better = hits
        .iter()
        .filter(|h| h.ranked.score > score_of("template"))
        .count();
    assert!(better >= 10, "by score it is not in the first 10: {better}");
    assert_eq!(answer.hits.len(), 30, "two words: the rule is for one");
    for query in ["template ", "Template", "templatr "] {
        let first = search(&files, "en", query, 10);
        assert_eq!(first[0], "template", "{query}: {first:?}");
        assert_eq!(first.len(), 10, "{query}");
        assert_eq!(search(&files, "en", query, 1), ["template"], "{query}");
        let all = search(&files, "en", query, 40);
        assert_eq!(all.len(), 32, "{query}: each result once: {all:?}");
        assert_eq!(
            all[..10],
            first[..],
            "{query}: the first 10 whatever the limit"
        );
    }
    // A title that only begins with the word joins while it is typed.
    assert_eq!(
        search(&files, "en", "template", 2),
        ["template", "templates"]
    );
    assert!(!search(&files, "en", "template ", 10).contains(&"templates".to_string()));
}

/// Hugo's docs: `collections.In` (its `in` a stop word, being typed) did
/// not find the page of that title among 60 titled `collections.…`, which
/// the completions of `in` (`index`, `include`) put first: the title is one
/// word, stop words aside.
#[test]
fn a_title_of_one_word_and_stop_words_comes_first_from_beyond_the_first_results() {
    let doc = |id: &str, title: &str, body: &str| english_doc(id, title, None, body);
    let mut docs: Vec<_> = (0..30)
        .map(|i| {
            doc(
                &format!("c{i:02}"),
                &format!("collections.Index{i}"),
                "Returns the index of an item in collections.",
            )
        })
        .collect();
    docs.push(doc(
        "in",
        "collections.In",
        "Reports whether the item is in the list.",
    ));
    docs.push(doc("the", "The", "A page titled with one stop word."));
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &["en".to_string()], &docs).unwrap();
    let files = export_files(&built).unwrap();
    for query in ["collections.In", "collections.in ", "Collections In"] {
        let first = search(&files, "en", query, 10);
        assert_eq!(first[0], "in", "{query}: {first:?}");
        assert_eq!(search(&files, "en", query, 1), ["in"], "{query}");
    }
    // Two words that are not stop words: the rule is for one.
    assert_ne!(search(&files, "en", "collections index ", 10)[0], "in");
    // A page titled with one stop word is still found by it.
    assert_eq!(search(&files, "en", "the ", 10)[0], "the");
}

//! Queries made only of stop words: their own postings, in files that no
//! other query reads (QUERY.md, "Planning", step 3; FORMAT.md, "Stop terms").

mod common;

use std::collections::BTreeSet;

use common::{ExportReader, exported, fixture_corpus, languages};
use search_index::analyzer::{Mode, surface_forms};
use search_index::format;
use search_index::{build, export_files};

/// Whether `word` (folded) is one of the words of `doc`'s title, or of
/// any of its indexed text.
fn has_word(doc: &search_index::SearchDocument, word: &str, title_only: bool) -> bool {
    let mut texts = vec![doc.title.as_str()];
    if !title_only {
        texts.extend([doc.id.as_str(), doc.description.as_str()]);
        texts.extend(doc.keywords.iter().map(String::as_str));
        for section in &doc.sections {
            texts.extend(section.heading.as_deref());
            texts.push(&section.text);
        }
    }
    texts
        .iter()
        .any(|t| surface_forms(Mode::Index, t).iter().any(|w| w == word))
}

#[test]
fn a_query_of_stop_words_alone_finds_the_articles_that_have_them_titles_first() {
    let files = exported();
    let docs = fixture_corpus();
    for (lang, query, word) in [
        ("es", "la ", "la"),
        ("en", "the ", "the"),
        ("es", "de ", "de"),
    ] {
        let engine = common::engine(&files, lang);
        let answer = engine.search(query, 50).unwrap();
        let doc = |id: &str| docs.iter().find(|d| d.lang == lang && d.id == id).unwrap();
        let found: BTreeSet<&str> = answer.hits.iter().map(|h| h.record.id.as_str()).collect();
        let expected: BTreeSet<&str> = docs
            .iter()
            .filter(|d| d.lang == lang && has_word(d, word, false))
            .map(|d| d.id.as_str())
            .collect();
        assert!(expected.len() > 1, "{lang} {query}: {expected:?}");
        assert_eq!(found, expected, "{lang} {query}");
        assert_eq!(answer.total, expected.len());
        // Those with the word in their title come first.
        let titled: Vec<bool> = answer
            .hits
            .iter()
            .map(|h| has_word(doc(&h.record.id), word, true))
            .collect();
        assert!(
            titled[0] && titled.contains(&false),
            "{lang} {query}: {titled:?}"
        );
        assert!(
            titled.is_sorted_by(|a, b| a >= b),
            "{lang} {query}: {titled:?}"
        );
    }
}

#[test]
fn stop_words_postings_share_no_shard_with_the_other_words() {
    let files = exported();
    let reader = ExportReader::new(&files);
    for lang in languages() {
        let lr = reader.lang(&lang);
        let mut stop_shards = 0;
        for i in 0..lr.manifest.terms.len() {
            let shard: format::PostingsShard = lr.data(&format!("p/{i}.js"));
            let stops = shard.terms.keys().filter(|t| format::is_stop_term(t));
            let stops = stops.count();
            assert!(stops == 0 || stops == shard.terms.len(), "{lang} p/{i}");
            stop_shards += usize::from(stops > 0);
        }
        // The stop words' shards come first: the others keep their order.
        assert!(stop_shards > 0, "{lang}");
        assert!(
            lr.manifest.terms[stop_shards]
                .chars()
                .all(char::is_alphanumeric)
        );
    }
}

#[test]
fn a_language_of_stop_words_alone_exports_and_finds_them() {
    // An English article titled "A" and nothing more: every term a stop
    // word's, and the export panicked at a shard past the last term.
    let doc = search_index::SearchDocument {
        id: "a".into(),
        lang: "en".into(),
        url: "a/".into(),
        title: "A".into(),
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let languages = vec!["en".to_owned()];
    let files = export_files(&build(dir.path(), &languages, &[doc]).unwrap()).unwrap();
    let answer = common::engine(&files, "en").search("a ", 10).unwrap();
    assert_eq!(answer.total, 1);
}

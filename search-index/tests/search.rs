//! Integration tests: build, search, export round trip, ranking agreement.

mod common;

use std::collections::BTreeSet;

use common::{ExportReader, fixture_corpus, languages};
use search_index::format::{Record, TermRef, VocabShard};
use search_index::{SearchError, build, export, search};

fn ids(hits: &[search_index::Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

fn built() -> (tempfile::TempDir, search_index::BuiltIndex) {
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &languages(), &fixture_corpus()).unwrap();
    (dir, built)
}

#[test]
fn stemming_accents_and_codes_through_search() {
    let (dir, _) = built();
    let s = |lang: &str, q: &str| search(dir.path(), lang, q, 10).unwrap();
    let plural = s("es", "contraseñas");
    assert_eq!(ids(&plural), ids(&s("es", "contrasena")));
    assert!(ids(&plural).contains(&"KB-1001") && ids(&plural).contains(&"KB-1002"));
    assert_eq!(ids(&s("es", "0x80070005")), ["KB-1060", "KB-1050"]);
    assert_eq!(ids(&s("es", "E_ACCESSDENIED")), ["KB-1060", "KB-1050"]);
    assert_eq!(ids(&s("en", "err_connection_reset")), ["KB-1043"]);
    assert_eq!(ids(&s("en", "dns_probe_finished_nxdomain")), ["KB-1042"]);
    assert_eq!(ids(&s("es", "AADSTS50126")), ["KB-1002"]);
    assert_eq!(ids(&s("es", "kb-1042"))[0], "KB-1042");
    assert_eq!(ids(&s("en", "passwords"))[..2], ["KB-1002", "KB-1001"]);
    // A code's pieces are indexed too, so its words find it.
    assert!(ids(&s("en", "reset connection")).contains(&"KB-1043"));
}

#[test]
fn and_first_then_or_fallback() {
    let (dir, _) = built();
    let and = search(dir.path(), "es", "impresora permisos", 10).unwrap();
    assert_eq!(ids(&and), ["KB-1050"]);
    let or = search(dir.path(), "es", "impresora teletrabajo", 10).unwrap();
    let got: BTreeSet<&str> = ids(&or).into_iter().collect();
    assert!(
        got.contains("KB-1090") && got.contains("KB-1050"),
        "{got:?}"
    );
}

#[test]
fn stop_words_are_ignored() {
    let (dir, _) = built();
    assert_eq!(
        ids(&search(dir.path(), "es", "cómo cambiar la contraseña", 10).unwrap()),
        ids(&search(dir.path(), "es", "cambiar contraseña", 10).unwrap())
    );
    assert!(search(dir.path(), "es", "la de", 10).unwrap().is_empty());
}

#[test]
fn title_outweighs_body() {
    let (dir, _) = built();
    let hits = search(dir.path(), "es", "impresora", 10).unwrap();
    // Both articles with "impresora(s)" in the title come first.
    let top: BTreeSet<&str> = ids(&hits[..2]).into_iter().collect();
    assert_eq!(top, BTreeSet::from(["KB-1050", "KB-1051"]));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn errors_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = fixture_corpus();
    docs[0].lang = "fr".to_string();
    assert!(matches!(
        build(dir.path(), &languages(), &docs),
        Err(SearchError::UnknownLanguage { .. })
    ));
    let mut docs = fixture_corpus();
    docs[1].id = docs[0].id.clone();
    assert!(matches!(
        build(dir.path(), &languages(), &docs),
        Err(SearchError::DuplicateId { .. })
    ));
    assert!(matches!(
        search(dir.path(), "de", "x", 10),
        Err(SearchError::MissingLanguage { .. })
    ));
}

#[test]
fn export_is_deterministic_and_content_hashed() {
    let (_d1, a) = built();
    let (_d2, b) = built();
    let files_a = export(&a).unwrap();
    assert_eq!(files_a, export(&b).unwrap());
    let paths: Vec<&String> = files_a.iter().map(|f| &f.path).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);

    let mut docs = fixture_corpus();
    docs[0].title.push_str(" (actualizado)");
    let d3 = tempfile::tempdir().unwrap();
    let files_c = export(&build(d3.path(), &languages(), &docs).unwrap()).unwrap();
    let reader_a = ExportReader::new(&files_a);
    let reader_c = ExportReader::new(&files_c);
    assert_ne!(
        reader_a.lang("es").manifest.build,
        reader_c.lang("es").manifest.build
    );
    assert_eq!(
        reader_a.lang("en").manifest.build,
        reader_c.lang("en").manifest.build
    );
}

#[test]
fn every_json_file_has_a_script_twin() {
    let (_d, b) = built();
    let files = export(&b).unwrap();
    for f in files.iter().filter(|f| f.path.ends_with(".json")) {
        let twin_path = format!("{}.js", f.path.trim_end_matches(".json"));
        let twin = files.iter().find(|g| g.path == twin_path).expect("twin");
        let text = String::from_utf8(twin.bytes.clone()).unwrap();
        let prefix = format!(
            "(self.__tier0Search=self.__tier0Search||[]).push([{:?},",
            f.path
        );
        assert!(text.starts_with(&prefix), "{text}");
        assert_eq!(
            &text.as_bytes()[prefix.len()..text.len() - 4],
            &f.bytes[..],
            "{}",
            f.path
        );
    }
}

#[test]
fn export_round_trip_matches_the_tantivy_index() {
    let (_d, built) = built();
    let files = export(&built).unwrap();
    let reader = ExportReader::new(&files);
    assert_eq!(reader.root.languages, languages());
    for lang in languages() {
        let lr = reader.lang(&lang);
        let scores = built.scores(&lang).unwrap();
        assert_eq!(lr.manifest.docs as usize, scores.articles.len());
        // Postings: same docs in the same order, bit-identical scores.
        for (term, list) in &scores.postings {
            let exported = lr.postings(term);
            assert_eq!(
                exported.iter().map(|p| p.0).collect::<Vec<_>>(),
                list.iter().map(|p| p.0).collect::<Vec<_>>(),
                "{lang} {term}"
            );
            for (e, t) in exported.iter().zip(list) {
                assert_eq!(e.1.to_bits(), t.1.to_bits(), "{term}");
            }
            let entry = lr.term_entry(term).unwrap();
            assert_eq!(entry.df as usize, list.len());
        }
        // Vocabulary: every shard entry maps through the analyzer to an existing term.
        let mut vocab_words = 0;
        for i in 0..lr.manifest.vocab.len() {
            let shard: VocabShard = lr.data(&format!("v/{i}.json"));
            for w in shard.words {
                vocab_words += 1;
                let expected = search_index::analyzer::term_for_surface(&lang, &w.0);
                let got = match w.1 {
                    TermRef::Same(_) => Some(w.0.clone()),
                    TermRef::Term(t) => Some(t),
                    TermRef::Stop(()) => None,
                };
                assert_eq!(got, expected, "{lang} {}", w.0);
                if let Some(t) = got {
                    assert!(scores.postings.contains_key(&t), "{t}");
                    assert_eq!(lr.vocab_lookup(&w.0), Some(Some(t)));
                }
            }
        }
        assert!(vocab_words > 50);
        // Records: as given to build().
        let docs: Vec<_> = fixture_corpus()
            .into_iter()
            .filter(|d| d.lang == lang)
            .collect();
        for (n, article) in scores.articles.iter().enumerate() {
            let record: Record = lr.data(&format!("d/{n}.json"));
            assert_eq!(record, article.record);
            let source = docs.iter().find(|d| d.id == record.id).unwrap();
            assert_eq!(record.title, source.title);
            assert_eq!(record.sections.len(), source.sections.len());
        }
        // Filters: value of every doc decodes to its record's value.
        let filters: search_index::format::FilterFile = lr.data("filters.json");
        let categories = search_index::format::read_varints(
            &search_index::format::base64_decode(&filters.facets["category"]).unwrap(),
        )
        .unwrap();
        for (n, v) in categories.iter().enumerate() {
            assert_eq!(
                lr.manifest.filters["category"][*v as usize].0,
                scores.articles[n].record.category
            );
        }
    }
}

const FIXTURE_QUERIES: &[(&str, &str)] = &[
    ("es", "contraseña"),
    ("es", "contraseñas caducadas"),
    ("es", "impresora"),
    ("es", "red"),
    ("es", "conexión"),
    ("es", "wifi no conecta"),
    ("es", "0x80070005"),
    ("es", "usuario contraseña"),
    ("es", "impresora teletrabajo"),
    ("es", "error"),
    ("es", "portátil lento disco"),
    ("en", "password"),
    ("en", "printer queue"),
    ("en", "connection"),
    ("en", "err_connection_reset"),
    ("en", "network folder access"),
    ("en", "vpn home"),
];

#[test]
fn exported_ranking_agrees_with_search_on_the_fixture() {
    let (dir, built) = built();
    let reader = ExportReader::new(&export(&built).unwrap());
    for &(lang, query) in FIXTURE_QUERIES {
        let lr = reader.lang(lang);
        let rust = ids(&search(dir.path(), lang, query, 10).unwrap())
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>();
        let exported: Vec<String> = lr
            .search(query, 10)
            .into_iter()
            .map(|n| lr.data::<Record>(&format!("d/{n}.json")).id)
            .collect();
        assert_eq!(exported, rust, "{lang} {query:?}");
        assert!(!rust.is_empty(), "{lang} {query:?} finds nothing");
    }
}

#[test]
fn score_encoding_keeps_the_top_10_on_a_generated_corpus() {
    let docs = common::generator::corpus(1_500, 300, 7);
    let dir = tempfile::tempdir().unwrap();
    let langs = vec!["es".to_string()];
    let built = build(dir.path(), &langs, &docs).unwrap();
    let reader = ExportReader::new(&export(&built).unwrap());
    let lr = reader.lang("es");
    let mut rng = common::generator::Rng::new(99);
    let vocab = common::generator::vocabulary(40_000, &mut common::generator::Rng::new(7));
    let mut checked = 0;
    for i in 0..300 {
        let words = 1 + i % 3;
        let query: Vec<String> = (0..words).map(|_| vocab[rng.zipf(2_000)].clone()).collect();
        let query = query.join(" ");
        let rust: Vec<String> = search(dir.path(), "es", &query, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect();
        let exported: Vec<String> = lr
            .search(&query, 10)
            .into_iter()
            .map(|n| lr.data::<Record>(&format!("d/{n}.json")).id)
            .collect();
        assert_eq!(exported, rust, "{query:?}");
        checked += usize::from(!rust.is_empty());
    }
    assert!(checked > 200, "only {checked} queries found something");
}

#[test]
fn a_language_without_articles_exports_an_empty_index() {
    let dir = tempfile::tempdir().unwrap();
    let langs = vec!["es".to_string(), "en".to_string(), "pt".to_string()];
    let built = build(dir.path(), &langs, &fixture_corpus()).unwrap();
    assert!(search(dir.path(), "pt", "senha", 10).unwrap().is_empty());
    let reader = ExportReader::new(&export(&built).unwrap());
    let pt = reader.lang("pt");
    assert_eq!(pt.manifest.docs, 0);
    assert_eq!(pt.manifest.vocab, vec![String::new()]);
    assert!(pt.search("senha", 10).is_empty());
    assert_eq!(reader.root.languages, langs);
}

#[test]
fn rebuilding_replaces_the_previous_index() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), &languages(), &fixture_corpus()).unwrap();
    let fewer: Vec<_> = fixture_corpus()
        .into_iter()
        .filter(|d| d.id != "KB-1043")
        .collect();
    build(dir.path(), &languages(), &fewer).unwrap();
    assert!(
        search(dir.path(), "en", "err_connection_reset", 10)
            .unwrap()
            .is_empty()
    );
}

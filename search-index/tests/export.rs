//! Integration tests of the browser index: the export is deterministic and
//! streamed, its files are what the engine loads, and what it holds equals
//! the tantivy index it comes from, posting for posting.

mod common;

use std::collections::BTreeSet;

use common::{ExportReader, exported, fixture_corpus, languages, search};
use search_index::format::{self, Record, TermRef, VocabShard};
use search_index::{SearchError, build, export, export_files};

fn built() -> (tempfile::TempDir, search_index::BuiltIndex) {
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &languages(), &fixture_corpus()).unwrap();
    (dir, built)
}

#[test]
fn export_is_deterministic_and_content_hashed() {
    let (_d1, a) = built();
    let (_d2, b) = built();
    let files_a = export_files(&a).unwrap();
    assert_eq!(files_a, export_files(&b).unwrap());
    let paths: Vec<&String> = files_a.iter().map(|f| &f.path).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);

    let mut docs = fixture_corpus();
    docs[0].title.push_str(" (actualizado)");
    let d3 = tempfile::tempdir().unwrap();
    let files_c = export_files(&build(d3.path(), &languages(), &docs).unwrap()).unwrap();
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
fn export_streams_every_file_once_with_the_engine_and_reports_write_errors() {
    let (_d, b) = built();
    let seen = std::sync::Mutex::new(Vec::new());
    export(&b, &|path: &str, bytes: &[u8]| {
        seen.lock().unwrap().push((path.to_string(), bytes.len()));
        Ok(())
    })
    .unwrap();
    let seen = seen.into_inner().unwrap();
    let paths: BTreeSet<&str> = seen.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths.len(), seen.len(), "a file was emitted twice");
    assert!(paths.contains(search_index::ENGINE_JS_NAME));
    assert!(paths.contains(search_index::ENGINE_CLASSIC_JS_NAME));
    assert!(paths.contains("manifest.js") && paths.contains("es/manifest.js"));
    assert!(
        paths
            .iter()
            .all(|p| !p.starts_with('/') && !p.contains('\\') && !p.contains(".."))
    );
    // A language manifest comes after the data it points to.
    let manifest_at = seen
        .iter()
        .position(|(p, _)| p == "es/manifest.js")
        .unwrap();
    assert!(
        seen[..manifest_at]
            .iter()
            .any(|(p, _)| p.starts_with("es/"))
    );
    assert!(
        !seen[manifest_at + 1..]
            .iter()
            .any(|(p, _)| p.starts_with("es/"))
    );

    let calls = std::sync::atomic::AtomicUsize::new(0);
    let err = export(&b, &|_: &str, _: &[u8]| {
        if calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 3 {
            Err(std::io::Error::other("disk full"))
        } else {
            Ok(())
        }
    })
    .unwrap_err();
    assert!(matches!(err, SearchError::Output { .. }), "{err}");
    assert!(err.to_string().contains("disk full"));
}

#[test]
fn every_data_file_is_a_script_that_pushes_its_path_and_json() {
    let (_d, b) = built();
    let files = export_files(&b).unwrap();
    let mut data = 0;
    for f in &files {
        if f.path.starts_with("tier0-search") {
            continue;
        }
        assert!(f.path.ends_with(".js"), "{}", f.path);
        let text = std::str::from_utf8(&f.bytes).unwrap();
        let prefix = format!(
            "(self.__tier0Search=self.__tier0Search||[]).push([{:?},",
            f.path
        );
        assert!(text.starts_with(&prefix), "{text}");
        assert!(text.ends_with("]);\n"), "{text}");
        let json = &text[prefix.len()..text.len() - 4];
        serde_json::from_str::<serde_json::Value>(json)
            .unwrap_or_else(|e| panic!("{}: {e}", f.path));
        data += 1;
    }
    assert!(data > 10);
    assert!(!files.iter().any(|f| f.path.ends_with(".json")));
}

#[test]
fn export_round_trip_matches_the_tantivy_index() {
    let (_d, built) = built();
    let files = export_files(&built).unwrap();
    let reader = ExportReader::new(&files);
    assert_eq!(reader.root.languages, languages());
    for lang in languages() {
        let lr = reader.lang(&lang);
        let scores = built.scores(&lang).unwrap();
        assert_eq!(lr.manifest.docs, scores.docs);
        assert_postings_match(&lr, &scores);
        // Vocabulary: every shard entry maps through the analyzer to an existing term.
        let mut vocab_words = 0;
        for i in 0..lr.manifest.vocab.len() {
            let shard: VocabShard = lr.data(&format!("v/{i}.js"));
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
        // Records: as given to build(), in id order.
        let mut docs: Vec<_> = fixture_corpus()
            .into_iter()
            .filter(|d| d.lang == lang)
            .collect();
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        let mut records = Vec::new();
        for (n, source) in docs.iter().enumerate() {
            let record: Record = lr.record(n as u32);
            assert_eq!(record.id, source.id);
            assert_eq!(record.title, source.title);
            assert_eq!(record.url, source.url);
            assert_eq!(record.category, source.category);
            assert_eq!(record.sections.len(), source.sections.len());
            for (r, s) in record.sections.iter().zip(&source.sections) {
                assert_eq!(r.anchor, s.anchor);
                assert_eq!(r.heading, s.heading);
                assert!(
                    s.text.starts_with(r.text.trim_end_matches('…')),
                    "{}",
                    r.text
                );
            }
            records.push(record);
        }
        // Filters: value of every doc decodes to its record's value.
        let filters: search_index::format::FilterFile = lr.data("filters.js");
        let categories = search_index::format::read_numbers(&filters.facets["category"]).unwrap();
        for (n, v) in categories.iter().enumerate() {
            assert_eq!(
                lr.manifest.filters["category"][*v as usize].0,
                records[n].category
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
fn the_engine_ranks_complete_queries_as_the_plain_reference_on_the_fixture() {
    let files = exported();
    let reader = ExportReader::new(&files);
    for &(lang, query) in FIXTURE_QUERIES {
        let lr = reader.lang(lang);
        let engine = search(&files, lang, &format!("{query} "), 10);
        let reference: Vec<String> = lr
            .search(query, 10)
            .into_iter()
            .map(|n| lr.record(n).id)
            .collect();
        assert_eq!(engine, reference, "{lang} {query:?}");
        assert!(!engine.is_empty(), "{lang} {query:?} finds nothing");
    }
}

#[test]
fn the_engine_reads_heads_and_tails_as_the_plain_reference_on_a_generated_corpus() {
    let docs = common::generator::corpus(1_500, 300, 7);
    let dir = tempfile::tempdir().unwrap();
    let langs = vec!["es".to_string()];
    let built = build(dir.path(), &langs, &docs).unwrap();
    let files = export_files(&built).unwrap();
    let reader = ExportReader::new(&files);
    let engine = common::engine(&files, "es");
    let lr = reader.lang("es");
    let mut rng = common::generator::Rng::new(99);
    let vocab = common::generator::vocabulary(40_000, &mut common::generator::Rng::new(7));
    let mut checked = 0;
    for i in 0..300 {
        let words = 1 + i % 3;
        let query: Vec<String> = (0..words).map(|_| vocab[rng.zipf(2_000)].clone()).collect();
        let query = query.join(" ");
        let found: Vec<String> = engine
            .search(&format!("{query} "), 10)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.record.id)
            .collect();
        let reference: Vec<String> = lr
            .search(&query, 10)
            .into_iter()
            .map(|n| lr.record(n).id)
            .collect();
        assert_eq!(found, reference, "{query:?}");
        checked += usize::from(!found.is_empty());
    }
    assert!(checked > 200, "only {checked} queries found something");
}

#[test]
fn a_language_without_articles_exports_an_empty_index() {
    let dir = tempfile::tempdir().unwrap();
    let langs = vec!["es".to_string(), "en".to_string(), "pt".to_string()];
    let built = build(dir.path(), &langs, &fixture_corpus()).unwrap();
    let files = export_files(&built).unwrap();
    assert!(search(&files, "pt", "senha", 10).is_empty());
    let reader = ExportReader::new(&files);
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
    let built = build(dir.path(), &languages(), &fewer).unwrap();
    assert!(
        built
            .scores("en")
            .unwrap()
            .postings
            .values()
            .all(|list| list.len() < 100)
    );
    let files = export_files(&built).unwrap();
    assert!(search(&files, "en", "err_connection_reset ", 10).is_empty());
}

/// `build` writes the weighted fields' postings and field norms itself, from
/// its own analysis; they must be what tantivy's indexer writes from the
/// text with the reference analyzer (`analyzer::text_analyzer`).
#[test]
fn written_postings_equal_what_tantivys_own_indexer_writes() {
    use search_index::analyzer::{ANALYZER_NAME, Mode, text_analyzer};
    use search_index::schema::{Fields, schema};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    let mut docs: Vec<_> = fixture_corpus()
        .into_iter()
        .filter(|d| d.lang == "es")
        .collect();
    docs.extend(common::generator::corpus(400, 150, 11));
    let dir = tempfile::tempdir().unwrap();
    let langs = vec!["es".to_string()];
    let built = build(dir.path(), &langs, &docs).unwrap();
    let ours = built.scores("es").unwrap();

    let reference_dir = tempfile::tempdir().unwrap();
    let es_dir = reference_dir.path().join("es");
    std::fs::create_dir_all(&es_dir).unwrap();
    let index = Index::create_in_dir(&es_dir, schema()).unwrap();
    index
        .tokenizers()
        .register(ANALYZER_NAME, text_analyzer("es", Mode::Index));
    let fields = Fields::resolve(&index.schema()).unwrap();
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(1, 100_000_000).unwrap();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    for (ord, d) in docs.iter().enumerate() {
        let mut doc = TantivyDocument::default();
        let [title, headings, keywords, description, body] =
            [0, 1, 2, 3, 4].map(|i| fields.weighted[i].0);
        doc.add_text(title, &d.title);
        for s in &d.sections {
            if let Some(h) = &s.heading {
                doc.add_text(headings, h);
            }
            doc.add_text(body, &s.text);
        }
        doc.add_text(keywords, &d.id);
        for k in &d.keywords {
            doc.add_text(keywords, k);
        }
        doc.add_text(description, &d.description);
        for (field, text) in [
            (fields.id, &d.id),
            (fields.url, &d.url),
            (fields.title, &d.title),
            (fields.description, &d.description),
            (fields.tier, &d.tier),
            (fields.category, &d.category),
            (fields.doc_type, &d.doc_type),
            (fields.lang, &d.lang),
        ] {
            doc.add_text(field, text);
        }
        doc.add_u64(fields.ord, ord as u64);
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    writer.wait_merging_threads().unwrap();
    let reference = search_index::export::language_scores(&index, &es_dir).unwrap();

    assert_eq!(ours.docs, reference.docs);
    assert_eq!(
        ours.postings.keys().collect::<Vec<_>>(),
        reference.postings.keys().collect::<Vec<_>>()
    );
    for (term, list) in &reference.postings {
        let bits = |l: &[search_index::format::Posting]| {
            l.iter()
                .map(|p| (p.doc, p.title, p.score.to_bits()))
                .collect::<Vec<_>>()
        };
        assert_eq!(bits(&ours.postings[term]), bits(list), "{term}");
    }
}

/// Every term's exported postings against tantivy's: the head the same
/// postings in the same order, bit-identical; the tail the same articles
/// in article order, each score exact when the tail has at most
/// `TAIL_LEVELS` distinct scores, else rounded down by less than one level
/// step. Returns how many tails were exact and how many levelled.
/// Asserts that `lr` exported `scores`' postings, head exact, tail levelled
/// down, and each term's `rest`; returns how many tails kept their exact
/// scores, how many were levelled, and how many terms have a `rest`.
fn assert_postings_match(
    lr: &common::LangReader<'_>,
    scores: &search_index::export::LanguageScores,
) -> (usize, usize, usize) {
    let bits = |l: &[format::Posting]| {
        l.iter()
            .map(|p| (p.doc, p.title, p.score.to_bits()))
            .collect::<Vec<_>>()
    };
    let (mut exact, mut levelled, mut with_rest) = (0, 0, 0);
    for (term, list) in &scores.postings {
        let exported = lr.postings(term);
        assert_eq!(exported.len(), list.len(), "{term}");
        let entry = lr.term_entry(term).unwrap();
        assert_eq!(entry.df as usize, list.len());
        let head = list.len().min(format::HEAD_LEN);
        assert_eq!(bits(&exported[..head]), bits(&list[..head]), "{term}");
        // The browser bounds the tail's postings without the title bit by
        // `rest` when the head ends in the title group: the best of them.
        let rest = if list[..head].last().is_some_and(|p| p.title) {
            list[head..].iter().find(|p| !p.title)
        } else {
            None
        };
        assert_eq!(entry.rest, rest.map(|p| p.score.to_bits()), "{term}");
        with_rest += usize::from(rest.is_some());
        let mut tail = list[head..].to_vec();
        if tail.is_empty() {
            continue;
        }
        tail.sort_by_key(|p| p.doc);
        let got = &exported[head..];
        assert_eq!(
            got.iter().map(|p| (p.doc, p.title)).collect::<Vec<_>>(),
            tail.iter().map(|p| (p.doc, p.title)).collect::<Vec<_>>(),
            "{term}"
        );
        let mut distinct: Vec<u32> = tail.iter().map(|p| p.score.to_bits()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() <= format::TAIL_LEVELS {
            exact += 1;
            assert_eq!(bits(got), bits(&tail), "{term}");
            continue;
        }
        levelled += 1;
        let lo = f32::from_bits(distinct[0]);
        let hi = f32::from_bits(distinct[distinct.len() - 1]);
        let step = (hi / lo).powf(1.0 / (format::TAIL_LEVELS - 1) as f32);
        for (g, t) in got.iter().zip(&tail) {
            assert!(g.score <= t.score, "{term}: {} > {}", g.score, t.score);
            assert!(
                g.score * step * 1.0001 >= t.score,
                "{term}: {} ≪ {}",
                g.score,
                t.score
            );
        }
    }
    (exact, levelled, with_rest)
}

#[test]
fn tails_round_trip_against_the_tantivy_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = fixture_corpus();
    docs.extend(common::generator::corpus(1500, 200, 11));
    let built = build(dir.path(), &languages(), &docs).unwrap();
    let files = export_files(&built).unwrap();
    let reader = ExportReader::new(&files);
    let (exact, levelled, with_rest) =
        assert_postings_match(&reader.lang("es"), &built.scores("es").unwrap());
    assert!(
        exact > 10 && levelled >= 5 && with_rest > 0,
        "{exact} exact, {levelled} levelled, {with_rest} with rest"
    );
}

#[test]
fn export_does_not_depend_on_the_number_of_threads() {
    let mut docs = fixture_corpus();
    docs.extend(common::generator::corpus(300, 120, 5));
    let langs = languages();
    let export_with = |threads: usize| {
        let dir = tempfile::tempdir().unwrap();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| export_files(&build(dir.path(), &langs, &docs).unwrap()).unwrap())
    };
    let one = export_with(1);
    assert_eq!(one, export_with(3));
    assert!(one.len() > 20);
}

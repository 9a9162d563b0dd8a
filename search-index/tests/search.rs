//! Integration tests: how queries are understood and ranked (stemming,
//! accents, codes, AND then OR, stop words, corrections), and typed errors.

mod common;

use std::collections::BTreeSet;

use common::{english_doc, exported, fixture_corpus, languages, search};
use search_index::engine::Kind;
use search_index::{ExportedFile, SearchError, build, export_files};

#[test]
fn stemming_accents_and_codes_through_search() {
    let files = exported();
    let s = |lang: &str, q: &str| search(&files, lang, &format!("{q} "), 10);
    let plural = s("es", "contraseñas");
    assert_eq!(plural, s("es", "contrasena"));
    assert!(plural.contains(&"KB-1001".into()) && plural.contains(&"KB-1002".into()));
    assert_eq!(s("es", "0x80070005"), ["KB-1060", "KB-1050"]);
    assert_eq!(s("es", "E_ACCESSDENIED"), ["KB-1060", "KB-1050"]);
    assert_eq!(s("en", "err_connection_reset"), ["KB-1043"]);
    assert_eq!(s("en", "dns_probe_finished_nxdomain"), ["KB-1042"]);
    assert_eq!(s("es", "AADSTS50126"), ["KB-1002"]);
    assert_eq!(s("es", "kb-1042")[0], "KB-1042");
    assert_eq!(s("en", "passwords")[..2], ["KB-1002", "KB-1001"]);
    // A code's pieces are indexed too, so its words find it.
    assert!(s("en", "reset connection").contains(&"KB-1043".into()));
    // So does a part of it, although the vocabulary has only the whole.
    assert_eq!(s("en", "probe_finished"), ["KB-1042"]);
    assert_eq!(s("en", "CONNECTION_RESET"), ["KB-1043"]);
    // Not when a piece is unknown: an id that no article has finds nothing.
    assert!(s("es", "KB-9999").is_empty());
}

#[test]
fn and_first_then_or_fallback() {
    let files = exported();
    let engine = common::engine(&files, "es");
    let and = engine.search("impresora permisos ", 10).unwrap();
    assert!(and.all_words);
    assert_eq!(and.hits.len(), 1);
    assert_eq!(and.hits[0].record.id, "KB-1050");
    let or = engine.search("impresora teletrabajo ", 10).unwrap();
    assert!(!or.all_words);
    let got: BTreeSet<String> = or.hits.into_iter().map(|h| h.record.id).collect();
    assert!(
        got.contains("KB-1090") && got.contains("KB-1050"),
        "{got:?}"
    );
}

#[test]
fn stop_words_are_ignored_unless_they_are_the_whole_query() {
    let files = exported();
    assert_eq!(
        search(&files, "es", "cómo cambiar la contraseña ", 10),
        search(&files, "es", "cambiar contraseña ", 10)
    );
    // Only stop words: each is searched by its own postings, and the one
    // being typed is completed too ("con" → "conexión", "configurar"...).
    let engine = common::engine(&files, "es");
    let words = engine.plan("la con").unwrap();
    let kinds = |w: &search_index::engine::Word| -> Vec<Kind> {
        w.candidates.iter().map(|c| c.kind).collect()
    };
    assert_eq!(words.len(), 2);
    assert_eq!(words[0].candidates[0].term, ".la");
    assert_eq!(kinds(&words[0]), [Kind::Exact]);
    assert_eq!(words[1].candidates[0].term, ".con");
    assert!(kinds(&words[1])[1..].iter().all(|&k| k == Kind::Prefix));
    assert!(words[1].candidates.len() > 1);
    assert!(!search(&files, "es", "la con", 10).is_empty());
    // Support words are not stop words.
    for q in ["sin conexión", "no imprime", "estado"] {
        let plan = engine.plan(&format!("{q} ")).unwrap();
        assert_eq!(plan.len(), q.split(' ').count(), "{q}");
    }
}

#[test]
fn two_words_find_the_word_they_make_together() {
    let files = exported();
    // KB-1100 says "WebSocket" and "websocket", never "web" or "socket".
    for q in ["web socket", "web socket ", "web sockets "] {
        assert_eq!(
            search(&files, "en", q, 10).first().map(String::as_str),
            Some("KB-1100"),
            "{q}"
        );
    }
    let engine = common::engine(&files, "en");
    let words = engine.plan("web socket ").unwrap();
    assert_eq!(
        words.len(),
        2,
        "still two words: an article with both apart matches too"
    );
    for w in &words {
        assert!(
            w.candidates
                .iter()
                .any(|c| c.kind == search_index::engine::Kind::Joined && c.term == "websocket"),
            "{w:?}"
        );
    }
    // A stop word is never joined: "in" + "stall" is not "install".
    let words = engine.plan("in stall ").unwrap();
    assert!(
        words.iter().all(|w| w
            .candidates
            .iter()
            .all(|c| c.kind != search_index::engine::Kind::Joined)),
        "{words:?}"
    );
}

#[test]
fn an_identifier_written_otherwise_finds_its_article() {
    let files = exported();
    // KB-1002 writes AADSTS50126; KB-1060 and KB-1050 write 0x80070005.
    let first = |lang: &str, q: &str| search(&files, lang, q, 10).into_iter().next();
    for q in [
        "AADSTS 50126",
        "aadsts-50126 ",
        "aadsts_50126",
        "AADSTS 50126 ",
    ] {
        assert_eq!(first("en", q).as_deref(), Some("KB-1002"), "{q}");
    }
    for q in ["80070005", "80070005 "] {
        assert_eq!(
            search(&files, "es", q, 10),
            search(&files, "es", "0x80070005 ", 10),
            "{q}"
        );
    }
    for q in ["kb1043 ", "KB1043", "kb 1043"] {
        assert_eq!(first("es", q).as_deref(), Some("KB-1043"), "{q}");
    }
    let engine = common::engine(&files, "en");
    let kinds = |q: &str| -> Vec<Vec<search_index::engine::Kind>> {
        let words = engine.plan(q).unwrap();
        words
            .iter()
            .map(|w| w.candidates.iter().map(|c| c.kind).collect())
            .collect()
    };
    use search_index::engine::Kind::{Exact, Joined, Variant};
    assert_eq!(kinds("80070005 "), [[Variant]]);
    assert_eq!(kinds("aadsts 50126 "), [[Joined], [Joined]]);
    assert_eq!(kinds("kb1043 "), [[Exact], [Exact]], "its two pieces");
    // Two numbers are never joined: `10 4` is not 104.
    assert!(kinds("1 002 ").iter().flatten().all(|k| *k != Joined));
}

/// The ids of the first 50 Spanish results of `query`, sorted.
fn sorted_ids(files: &[ExportedFile], query: &str) -> Vec<String> {
    let mut ids = search(files, "es", query, 50);
    ids.sort();
    ids
}

#[test]
fn a_stop_word_being_typed_is_optional() {
    let files = exported();
    let engine = common::engine(&files, "es");
    let sorted = |q: &str| sorted_ids(&files, q);
    // `par` starts the stop word `para`: while it is typed, the articles
    // with `contraseña` stay, whether or not they have a word in `par…`.
    let plan = engine.plan("contraseña par").unwrap();
    assert_eq!(
        plan.iter().map(|w| w.optional).collect::<Vec<_>>(),
        [false, true]
    );
    assert!(!sorted("contraseña ").is_empty());
    assert_eq!(sorted("contraseña par"), sorted("contraseña "));
    assert!(engine.search("contraseña par", 10).unwrap().all_words);
    // Alone, it is what the query asks for.
    assert!(!engine.plan("par").unwrap()[0].optional);
    assert!(!engine.plan("la par").unwrap()[0].optional);
    // Complete, it is a word like any other, unless it is one edit from
    // a stop word: `pare` may be `para` misspelled.
    assert!(
        engine
            .plan("contraseña pantalla ")
            .unwrap()
            .iter()
            .all(|w| !w.optional)
    );
    let plan = engine.plan("contraseña pare ").unwrap();
    assert_eq!(
        plan.iter().map(|w| w.optional).collect::<Vec<_>>(),
        [false, true]
    );
}

#[test]
fn question_words_are_optional_beside_another_word() {
    let files = exported();
    let engine = common::engine(&files, "es");
    let sorted = |q: &str| sorted_ids(&files, q);
    let optional = |q: &str| {
        engine
            .plan(q)
            .unwrap()
            .iter()
            .map(|w| w.optional)
            .collect::<Vec<_>>()
    };
    // `puedo` and `necesito` name nothing: the articles with `impresora`
    // answer, whether or not they say them.
    assert_eq!(
        optional("no puedo configurar impresora "),
        [false, true, false, false]
    );
    assert_eq!(optional("necesito impresora "), [true, false]);
    // Nor do the verbs a problem is told with: the article about the error
    // need not say `sale`.
    // `me`, a stop word, though no article of this fixture has it.
    assert_eq!(
        optional("me sale el error 0x80070005 "),
        [true, false, false]
    );
    assert_eq!(
        sorted("me sale el error 0x80070005 "),
        sorted("error 0x80070005 ")
    );
    assert!(!sorted("impresora ").is_empty());
    assert_eq!(sorted("necesito impresora "), sorted("impresora "));
    // Alone, or with only other question words, they are required.
    assert_eq!(optional("puedo "), [false]);
    assert_eq!(optional("necesito puedo "), [false, false]);
    // Beside a stop word being typed (itself optional), they stay required:
    // some word must be.
    assert_eq!(optional("puedo par"), [false, true]);
    // The manifest carries the list the browser reads.
    let manifest = common::ExportReader::new(&files).lang("es").manifest;
    assert!(manifest.question_words.iter().any(|w| w == "puedo"));
}

/// A reader frames a problem with verbs the article says otherwise:
/// "find", "work". Required, they kept to the articles that say them, or
/// counted as words the printer article does not match.
#[test]
fn the_words_a_problem_is_framed_with_are_optional() {
    // Material for MkDocs: `where do you find Buttons` asked for `find`,
    // which the page titled "Buttons" does not say.
    let docs = vec![
        english_doc("buttons", "Buttons", None, "Turn a link into a button."),
        english_doc(
            "blocks",
            "Code blocks",
            None,
            "Find the copy buttons of code blocks and the buttons to annotate.",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let small = export_files(&build(dir.path(), &["en".to_string()], &docs).unwrap()).unwrap();
    assert_eq!(
        search(&small, "en", "where do you find Buttons ", 10),
        ["buttons", "blocks"]
    );
    let files = exported();
    let first = |lang: &str, q: &str| search(&files, lang, q, 10).first().cloned();
    for (lang, query) in [
        ("es", "mi impresora no funciona "),
        ("es", "no encuentro la impresora "),
        ("en", "my printer is not working "),
        ("en", "where do I find the printer "),
    ] {
        assert_eq!(first(lang, query).as_deref(), Some("KB-1050"), "{query}");
    }
    let engine = common::engine(&files, "en");
    let required: Vec<String> = engine
        .plan("where do I find the printer ")
        .unwrap()
        .into_iter()
        .filter(|w| !w.optional)
        .map(|w| w.surface)
        .collect();
    assert_eq!(required, ["printer"]);
    // The negation is the symptom: required. Alone, the verbs are what is
    // asked for.
    let optional =
        |q: &str| -> Vec<bool> { engine.plan(q).unwrap().iter().map(|w| w.optional).collect() };
    assert_eq!(optional("printer not working "), [false, false, true]);
    assert_eq!(optional("find "), [false]);
}

/// "outlook doesn't open": what a contraction's apostrophe leaves
/// (`doesn`, `t`; `won`, `cant`) named nothing an article has to say, and
/// no article had every word.
#[test]
fn a_contraction_is_optional_as_a_question_word_is() {
    let docs = vec![
        english_doc(
            "outlook",
            "Outlook does not open",
            None,
            "Start it in safe mode.",
        ),
        english_doc("teams", "Teams will not sign in", None, "Clear the cache."),
        english_doc(
            "print",
            "The printer prints blank pages",
            None,
            "It doesn't print.",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let files = export_files(&build(dir.path(), &["en".to_string()], &docs).unwrap()).unwrap();
    let engine = common::engine(&files, "en");
    for (query, first) in [
        ("outlook doesn't open ", "outlook"),
        ("outlook doesn’t open ", "outlook"),
        ("outlook doesnt open ", "outlook"),
        ("teams won't sign in ", "teams"),
        ("teams wont sign ", "teams"),
        ("printer can't print ", "print"),
    ] {
        let answer = engine.search(query, 10).unwrap();
        assert!(answer.all_words, "{query}: not every word matched");
        assert_eq!(answer.hits[0].record.id, first, "{query}");
    }
    // Alone, they are what is asked for.
    assert!(engine.plan("doesn't ").unwrap().iter().all(|w| !w.optional));
}

#[test]
fn a_correction_is_shown_as_the_results_write_it_in_the_readers_case() {
    let files = exported();
    let es = common::engine(&files, "es");
    let corrections = |query: &str| -> Vec<(String, String)> {
        es.search(query, 10)
            .unwrap()
            .corrections
            .into_iter()
            .map(|c| (c.from, c.to))
            .collect()
    };
    let pair = |from: &str, to: &str| vec![(from.to_owned(), to.to_owned())];
    // The vocabulary folds accents (`contrasena`); the reader reads `contraseña`.
    assert_eq!(
        corrections("contrasenia "),
        pair("contrasenia", "contraseña")
    );
    // Written with a capital in a title: the capital is kept only for a
    // reader who typed one.
    assert_eq!(
        corrections("restablecr "),
        pair("restablecr", "restablecer")
    );
    assert_eq!(
        corrections("Restablecr "),
        pair("restablecr", "Restablecer")
    );
    assert!(corrections("contraseña ").is_empty());
}

#[test]
fn title_outweighs_body() {
    let files = exported();
    let hits = common::engine(&files, "es")
        .search("impresora ", 10)
        .unwrap()
        .hits;
    // Both articles with "impresora(s)" in the title come first.
    let top: BTreeSet<&str> = hits[..2].iter().map(|h| h.record.id.as_str()).collect();
    assert_eq!(top, BTreeSet::from(["KB-1050", "KB-1051"]));
    assert!(hits[..2].iter().all(|h| h.ranked.title_all));
    assert!(
        hits.windows(2)
            .all(|w| w[0].ranked.title_all >= w[1].ranked.title_all)
    );
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
    let files = exported();
    let none = |_: &str| Err(std::io::Error::from(std::io::ErrorKind::NotFound));
    assert!(matches!(
        search_index::Engine::open(Box::new(none), dir.path(), Some("de")),
        Err(SearchError::MissingLanguage { .. })
    ));
    let mut old = files.clone();
    for f in &mut old {
        if f.path == "es/manifest.js" {
            let text = String::from_utf8(f.bytes.clone()).unwrap();
            let version = search_index::format::FORMAT_VERSION;
            f.bytes = text
                .replace(
                    &format!("\"format\":{version}"),
                    &format!("\"format\":{}", version - 1),
                )
                .into_bytes();
        }
    }
    let old: std::collections::BTreeMap<String, Vec<u8>> =
        old.into_iter().map(|f| (f.path, f.bytes)).collect();
    let err = search_index::Engine::open(
        Box::new(move |p| Ok(old[p].clone())),
        dir.path(),
        Some("es"),
    )
    .err()
    .expect("an old format is refused");
    assert!(err.to_string().contains("build the site again"), "{err}");
}

#[test]
fn another_form_of_a_word_finds_its_articles_and_is_no_correction() {
    let files = exported();
    let engine = common::engine(&files, "es");
    // No article writes `configurando`: its stem with another ending,
    // `configurar`, answers it, as the index's stemmer would have.
    let form = engine.search("configurando ", 10).unwrap();
    assert!(form.corrections.is_empty(), "{:?}", form.corrections);
    let kinds: Vec<Kind> = engine.plan("configurando ").unwrap()[0]
        .candidates
        .iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(kinds, [Kind::Form]);
    assert_eq!(
        search(&files, "es", "configurando ", 10),
        search(&files, "es", "configurar ", 10)
    );
    assert!(!search(&files, "en", "installing ", 10).is_empty());
    assert_eq!(
        search(&files, "en", "installing ", 10),
        search(&files, "en", "install ", 10)
    );
    // English doubles a consonant (`resetting`) and drops an `e`
    // (`paging`) before `-ing` and `-ed`.
    for (form, word) in [
        ("resetting ", "reset "),
        ("running ", "run "),
        ("stopped ", "stop "),
        ("paging ", "page "),
    ] {
        assert!(!search(&files, "en", form, 10).is_empty(), "{form}");
        assert_eq!(
            search(&files, "en", form, 10),
            search(&files, "en", word, 10),
            "{form}"
        );
    }
}

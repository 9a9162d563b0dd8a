//! Text written or typed in more than one Unicode form: an accent as a
//! combining mark, a Turkish capital İ. Queries and articles are read in
//! composed form (QUERY.md, step 1), by both engines.

mod common;

use common::{english_doc, exported};
use search_index::{build, export_files};

#[test]
fn an_accent_typed_as_a_combining_mark_is_the_letter_it_goes_on() {
    let files = exported();
    let es = common::engine(&files, "es");
    // `n` + U+0303 (NFD, as macOS writes file names) is `ñ`: one word, spelt
    // right, not `contrasen` corrected and `a` beside it.
    for (decomposed, composed) in [
        ("contrasen\u{303}a ", "contraseña "),
        ("contrasen\u{303}a", "contraseña"),
        ("contrasen\u{303}", "contraseñ"),
        ("CONEXIO\u{301}N ", "CONEXIÓN "),
    ] {
        let got = es.search(decomposed, 10).unwrap();
        let want = es.search(composed, 10).unwrap();
        let ids = |a: &search_index::engine::Answer| -> Vec<String> {
            a.hits.iter().map(|h| h.record.id.clone()).collect()
        };
        assert!(!ids(&want).is_empty(), "{composed}");
        assert_eq!(ids(&got), ids(&want), "{decomposed:?}");
        assert_eq!(got.words, want.words, "{decomposed:?}");
        assert!(got.corrections.is_empty(), "{decomposed:?}");
        assert_eq!(es.plan(decomposed).unwrap(), want.words);
    }
}

#[test]
fn the_turkish_capital_i_is_an_i() {
    let files = exported();
    let es = common::engine(&files, "es");
    let ids = |q: &str| -> Vec<String> {
        let a = es.search(q, 10).unwrap();
        assert!(a.corrections.is_empty(), "{q}");
        a.hits.into_iter().map(|h| h.record.id).collect()
    };
    // Lower-cased, `İ` is `i` and a combining dot: `İMPRESORA`, typed on a
    // Turkish keyboard, found nothing.
    let want = ids("IMPRESORA ");
    assert!(!want.is_empty());
    assert_eq!(ids("İMPRESORA "), want);
    assert_eq!(ids("İMPRESORA"), ids("IMPRESORA"));
    assert_eq!(ids("İmpresora "), want);
}

/// Exports Spanish articles `(id, title, body)`, and asserts that each of
/// `queries` finds the first of them first, with no correction, under its
/// title as the record shows it, `title`.
fn assert_found_first(articles: &[(&str, &str, &str)], queries: &[&str], title: &str) {
    let docs: Vec<_> = articles
        .iter()
        .map(|&(id, title, body)| search_index::SearchDocument {
            lang: "es".into(),
            ..english_doc(id, title, None, body)
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let built = build(dir.path(), &["es".to_string()], &docs).unwrap();
    let files = export_files(&built).unwrap();
    let es = common::engine(&files, "es");
    for query in queries {
        let answer = es.search(query, 10).unwrap();
        let ids: Vec<&str> = answer.hits.iter().map(|h| h.record.id.as_str()).collect();
        assert_eq!(ids.first(), Some(&articles[0].0), "{query:?}: {ids:?}");
        assert!(answer.corrections.is_empty(), "{query:?}");
        assert_eq!(answer.hits[0].record.title, title, "{query:?}");
    }
}

#[test]
fn an_article_written_with_combining_accents_is_found_by_its_words() {
    // Text pasted from a PDF, or saved by a tool that decomposes: the same
    // words as composed text must find it, and its record shows them
    // composed.
    assert_found_first(
        &[
            (
                "nfd",
                "Contrasen\u{303}a caducada",
                "La sesio\u{301}n expiro\u{301} an\u{303}os atra\u{301}s.",
            ),
            ("nfc", "Impresora", "Nada que ver."),
        ],
        &[
            "contraseña ",
            "contrasena ",
            "sesión ",
            "años ",
            "contrasen\u{303}a ",
        ],
        "Contraseña caducada",
    );
}

/// Invisible format characters inside words, which text pasted from a PDF
/// or a web page carries: a soft hyphen, a zero-width space, a word
/// joiner, a byte order mark. They cut the word in two in the article and
/// in the query alike, so `contraseña` did not find `contra­seña`.
#[test]
fn invisible_characters_inside_words_are_no_separators() {
    assert_found_first(
        &[
            (
                "invisible",
                "Contra\u{ad}seña caducada",
                "La impre\u{200b}sora no imprime: reini\u{2060}cie el \u{feff}servidor.",
            ),
            ("other", "Contra", "Seña, impre y sora."),
        ],
        &[
            "contraseña ",
            "impresora ",
            "reinicie servidor ",
            "contra\u{200b}seña ",
            "impre\u{ad}sora",
            "\u{200e}contraseña\u{200f} ",
        ],
        "Contraseña caducada",
    );
}

#[test]
fn invisible_characters_are_every_default_ignorable_format_character_words_carry() {
    use search_index::analyzer::{canonical, is_invisible};
    for c in [
        '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{202e}',
    ] {
        assert!(is_invisible(c), "{c:?}");
    }
    for c in [
        ' ', '-', 'a', 'ñ', '\u{303}', '\u{a0}', '\u{2028}', '\u{3000}',
    ] {
        assert!(!is_invisible(c), "{c:?}");
    }
    assert_eq!(canonical("contra\u{ad}sen\u{303}a"), "contraseña");
    assert!(matches!(
        canonical("contraseña"),
        std::borrow::Cow::Borrowed(_)
    ));
}

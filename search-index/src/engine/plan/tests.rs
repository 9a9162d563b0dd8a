//! Planning on a small vocabulary, and its helpers.

use super::forms::{FORM_WEIGHT, endings, form_surfaces};
use super::*;

#[test]
fn edit_distance_counts_transpositions_as_one() {
    assert_eq!(edit_distance("flata", "falta", 2), 1);
    assert_eq!(edit_distance("impresra", "impresora", 2), 1);
    assert_eq!(edit_distance("abc", "abc", 1), 0);
    assert_eq!(edit_distance("abcdef", "ghijkl", 2), 3);
    assert_eq!(edit_distance("ab", "abcd", 1), 2);
}

#[test]
fn typing_ends_in_a_word_character() {
    assert!(is_typing("impre"));
    assert!(is_typing("kb-"));
    assert!(!is_typing("impresora "));
    assert!(!is_typing(""));
    assert!(!is_typing("wifi?"));
}

#[test]
fn a_query_is_read_up_to_its_32nd_word() {
    let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    let typed = words.join(" ");
    let query = query_text(&typed);
    assert_eq!(query, format!("{} ", words[..32].join(" ")));
    assert!(!is_typing(&query));
    // Chinese letters: 32 pairs, the first 33 letters of a long run.
    let run: String = "数据库连接失败".chars().cycle().take(1000).collect();
    let read = query_text(&run);
    assert_eq!(read.chars().count(), 34);
    assert_eq!(surface_forms(Mode::Query, &read).len(), 32);
    // 32 words or fewer, and what `canonical` leaves out, as typed.
    let short = words[..32].join(" ");
    assert!(matches!(query_text(&short), Cow::Borrowed(q) if q == short));
    assert_eq!(query_text("contra\u{ad}seña impre"), "contraseña impre");
}

#[test]
fn an_identifier_has_its_other_spellings() {
    assert_eq!(code_pieces("x86_64"), ["x86", "64"]);
    assert_eq!(parts::digit_runs_of(&["x86", "64"]), ["x", "86", "64"]);
    assert_eq!(
        parts::digit_runs_of(&["srv", "mad03"]),
        ["srv", "mad", "03"]
    );
    assert_eq!(parts::digit_runs_of(&["kb1002"]), ["kb", "1002"]);
    assert_eq!(
        parts::digit_runs_of(&["0x80070005"]),
        ["0", "x", "80070005"]
    );
    assert_eq!(parts::digit_runs_of(&["wifi"]), ["wifi"]);
    assert_eq!(parts::digit_runs_of(&["2026"]), ["2026"]);
    assert_eq!(variants("aadsts-50126"), ["aadsts50126"]);
    assert_eq!(variants("0x80070005"), ["80070005"]);
    assert_eq!(variants("8004010f"), ["0x8004010f"]);
    assert_eq!(variants("kb_10-02"), ["kb1002"]);
    assert_eq!(variants("c-3000"), ["c3000", "0xc3000"]);
    assert_eq!(variants("v7"), ["7"]);
    assert_eq!(variants("v-10"), ["v10", "10"]);
    assert!(variants("v").is_empty() && variants("vx7").is_empty());
    assert!(variants("wifi").is_empty());
    assert!(variants("0x").is_empty());
    assert!(variants("0xef").is_empty(), "a number has a digit");
    assert!(variants("beef").is_empty(), "hexadecimal digits, no number");
    // `İMPRESORA` lower-cased: `i`, a combining dot, `mpresora`.
    assert_eq!(variants("i\u{307}mpresora"), ["impresora"]);
    assert_eq!(variants("wi\u{307}fi\u{307}"), ["wifi"]);
    assert!(variants("e\u{307}").is_empty(), "only the dot of `İ`");
}

/// A vocabulary of one shard (sorted): stop words, and words with their
/// terms.
struct Words(Vec<VocabEntry>);

impl Vocabulary for Words {
    fn keys(&self) -> &[String] {
        static KEYS: [String; 1] = [String::new()];
        &KEYS
    }
    fn shard(&self, _: usize) -> &[VocabEntry] {
        &self.0
    }
    fn reversed_shard_of(&self, _: &str) -> &[VocabEntry] {
        &[]
    }
    fn synonyms(&self, _: &str) -> &[(String, String)] {
        &[]
    }
    fn stemmer(&self) -> Option<&str> {
        Some("spanish")
    }
}

fn words() -> Words {
    let stop = |w: &str| VocabEntry(w.into(), TermRef::Stop(()), 0);
    let word = |w: &str, t: &str, df| VocabEntry(w.into(), TermRef::Term(t.into()), df);
    Words(vec![
        stop("con"),
        word("conexion", "conexion", 4),
        word("impresora", "impresor", 3),
        stop("para"),
        stop("todos"),
    ])
}

/// A planned word: its surface, whether it is optional, and its
/// candidates' terms and kinds.
type Planned = (String, bool, Vec<(String, Kind)>);

/// Each word of `query` as planned over [`words`].
fn planned(query: &str) -> Vec<Planned> {
    plan(&words(), query, &[])
        .words
        .into_iter()
        .map(|w| {
            let candidates = w.candidates.into_iter().map(|c| (c.term, c.kind));
            (w.surface, w.optional, candidates.collect())
        })
        .collect()
}

#[test]
fn a_query_of_stop_words_alone_searches_their_own_terms() {
    let own = |w: &str| (w.to_string(), false, vec![(stop_term(w), Kind::Exact)]);
    assert_eq!(planned("para todos"), [own("para"), own("todos")]);
    assert_eq!(planned("para para "), [own("para")]);
    assert_eq!(planned("para con "), [own("para"), own("con")]);
    // While typed, the last is also completed.
    let mut con = own("con");
    con.2.push(("conexion".into(), Kind::Prefix));
    assert_eq!(planned("para con"), [own("para"), con]);
    // Beside another word, a stop word is dropped as before.
    let impresora = (
        "impresora".into(),
        false,
        vec![("impresor".into(), Kind::Exact)],
    );
    assert_eq!(planned("para impresora "), [impresora]);
    // An unknown word is not a stop word: nothing to search by.
    assert_eq!(planned("para zzz "), [("zzz".into(), false, vec![])]);
}

#[test]
fn weights_are_in_order() {
    assert_eq!(prefix_weight(5, 10), 0.75);
    assert!(prefix_weight(3, 12) < prefix_weight(8, 9));
    assert!(typo_weight(2) < typo_weight(1));
}

/// A vocabulary of pieces that articles write apart.
fn pieces() -> Words {
    let stop = |w: &str| VocabEntry(w.into(), TermRef::Stop(()), 0);
    let word = |w: &str, df| VocabEntry(w.into(), TermRef::Same(0), df);
    let mut entries = vec![
        word("03", 4),
        word("1x", 1),
        word("20", 9),
        word("26", 9),
        word("80", 3),
        word("802", 1),
        word("cos", 1),
        stop("in"),
        word("log", 6),
        word("ma", 1),
        word("mac", 5),
        word("mad", 2),
        word("madrd", 1),
        word("os", 3),
        word("srv", 2),
    ];
    entries.sort_by(|a, b| js_cmp(&a.0, &b.0));
    Words(entries)
}

#[test]
fn a_word_splits_into_the_words_articles_write_apart() {
    let vocab = pieces();
    let split = |w| parts::split_word(&vocab, w);
    // Of `ma cos` and `mac os`, the one whose rarer word is more common.
    assert_eq!(split("macos"), Some(vec!["mac", "os"]));
    assert_eq!(split("srvmad03"), Some(vec!["srv", "mad", "03"]));
    assert_eq!(split("8021x"), Some(vec!["802", "1x"]));
    // A stop word is never a piece: too many words start with one.
    assert_eq!(split("login"), None);
    // A number is never two numbers; a piece has two characters or more.
    assert_eq!(split("2026"), None);
    assert_eq!(split("macx"), None);
    assert_eq!(split("srvmadx03"), None, "four pieces");
}

#[test]
fn a_word_nothing_answers_is_planned_as_its_parts() {
    let vocab = pieces();
    let surfaces = |q: &str| -> (Vec<String>, Vec<String>) {
        let plan = plan(&vocab, q, &[]);
        (
            plan.words.into_iter().map(|w| w.surface).collect(),
            plan.phrase,
        )
    };
    let strings = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let three = strings(&["srv", "mad", "03"]);
    for q in ["srvmad03 ", "srv-mad03 ", "srvmad-03 ", "SRVMAD03"] {
        assert_eq!(surfaces(q), (three.clone(), three.clone()), "{q}");
    }
    // Beside other words, as what it is made of.
    assert_eq!(
        surfaces("macos srv "),
        (
            strings(&["mac", "os", "srv"]),
            strings(&["mac", "os", "srv"])
        )
    );
    // A known word is never split.
    assert_eq!(surfaces("mac "), (strings(&["mac"]), strings(&["mac"])));
    // A misspelled piece is its correction, to the phrase too.
    assert_eq!(
        surfaces("srv-madrid-03 "),
        (
            strings(&["srv", "madrid", "03"]),
            strings(&["srv", "madrd", "03"])
        )
    );
    // Not a piece that nothing answers: the word stays whole, unanswered.
    let whole = strings(&["srv-xq-03"]);
    assert_eq!(surfaces("srv-xq-03 "), (whole.clone(), whole));
}

#[test]
fn prefix_distance_is_to_the_closest_beginning() {
    assert_eq!(prefix_distance("gthu", "github", 1), 1);
    assert_eq!(prefix_distance("impresr", "impresora", 1), 1);
    assert_eq!(prefix_distance("trimms", "trimspace", 1), 1);
    assert_eq!(prefix_distance("conexion", "conexiones", 2), 0);
    assert_eq!(prefix_distance("abcd", "ab", 1), 2, "a beginning too short");
    assert_eq!(prefix_distance("xyzw", "impresora", 1), 2);
}

#[test]
fn a_typo_in_the_word_being_typed_finds_the_words_begun_like_it() {
    let typos = |q: &str| -> Vec<(String, Kind)> {
        planned(q).into_iter().flat_map(|(_, _, c)| c).collect()
    };
    let impresora = vec![("impresor".to_string(), Kind::Typo)];
    // `impresr`, still typed: nothing starts with it, `impresora` begins
    // one letter away.
    assert_eq!(typos("impresr"), impresora);
    assert_eq!(typos("IMPRSO"), impresora);
    // Complete, it is a whole word, and none is one letter away.
    assert!(typos("impresr ").is_empty());
    // A word that something completes is not corrected by beginnings.
    assert_eq!(typos("conex"), [("conexion".to_string(), Kind::Prefix)]);
}

#[test]
fn a_word_one_edit_from_a_stop_word_is_optional() {
    let optional = |q: &str| -> Vec<(String, bool)> {
        planned(q).into_iter().map(|(s, o, _)| (s, o)).collect()
    };
    let word = |s: &str, o| (s.to_string(), o);
    // `pora` may be `para` misspelled: an article need not have it.
    assert_eq!(
        optional("impresora pora "),
        [word("impresora", false), word("pora", true)]
    );
    assert_eq!(
        optional("impresora toods "),
        [word("impresora", false), word("toods", true)]
    );
    // Two edits away, or alone in the query, it is asked for.
    assert_eq!(
        optional("impresora prao "),
        [word("impresora", false), word("prao", false)]
    );
    assert_eq!(optional("pora "), [word("pora", false)]);
}

#[test]
fn a_web_address_s_scheme_and_host_are_optional() {
    assert_eq!(
        web_hosts("ver https://help.example.com/impresora/ y ftp://a:b@x-y.es:21"),
        ["https://help.example.com", "ftp://a:b@x-y.es:21"]
    );
    assert!(web_hosts("error: 0x80070005").is_empty());
    assert_eq!(web_hosts("://x"), ["://x"]);
    let optional = |q: &str| -> Vec<(String, bool)> {
        planned(q).into_iter().map(|(s, o, _)| (s, o)).collect()
    };
    let word = |s: &str, o| (s.to_string(), o);
    assert_eq!(
        optional("https://soporte.acme.example/impresora/"),
        [
            word("https", true),
            word("soporte", true),
            word("acme", true),
            word("example", true),
            word("impresora", false)
        ]
    );
    // An address and nothing else: its words are what is asked for.
    assert_eq!(
        optional("https://acme.example "),
        [
            word("https", false),
            word("acme", false),
            word("example", false)
        ]
    );
}

#[test]
fn a_form_no_article_has_is_another_form_of_its_stem() {
    let word = |w: &str, t: &str, df| VocabEntry(w.into(), TermRef::Term(t.into()), df);
    let vocab = Words(vec![
        word("configurar", "configur", 3),
        word("impresora", "impresor", 3),
        word("pagina", "pagin", 4),
        word("restablecer", "restablec", 2),
    ]);
    let first = |q: &str| -> (String, Kind, f32) {
        let plan = plan(&vocab, q, &[]);
        let c = &plan.words[0].candidates;
        assert_eq!(c.len(), 1, "{q}: {c:?}");
        (c[0].surface.clone(), c[0].kind, c[0].weight)
    };
    let form = |s: &str| (s.to_string(), Kind::Form, FORM_WEIGHT);
    // Nothing one or two edits away: the stem with another ending.
    assert_eq!(first("configurando "), form("configurar"));
    assert_eq!(first("restableciendo "), form("restablecer"));
    // The phrase rules read the form, as they read a correction.
    assert_eq!(plan(&vocab, "configurando ", &[]).phrase, ["configurar"]);
    // A correction comes first: the word may be misspelled.
    assert_eq!(first("paginas ").1, Kind::Typo);
    assert_eq!(first("impresorz ").1, Kind::Typo);
}

#[test]
fn a_language_the_index_does_not_stem_has_no_forms() {
    assert!(endings(None).is_empty());
    assert!(endings(Some("german")).is_empty());
    assert_eq!(endings(Some("english"))[0], "");
    assert_eq!(endings(Some("spanish"))[0], "");
}

#[test]
fn english_forms_undouble_a_consonant_and_give_a_short_stem_its_e() {
    let english = |w: &str| form_surfaces(w, Some("english"));
    // Written with the consonant doubled before `-ing` and `-ed`.
    assert!(english("resetting").contains(&"reset".to_string()));
    assert!(english("stopped").contains(&"stop".to_string()));
    let running = english("running");
    assert!(running.contains(&"run".to_string()) && running.contains(&"runs".to_string()));
    // A stem of 3 letters takes `e` alone.
    let paging = english("paging");
    assert!(paging.contains(&"page".to_string()), "{paging:?}");
    assert!(
        !paging.iter().any(|s| s == "pag" || s == "pags"),
        "{paging:?}"
    );
    // Only English, and only before `-ing` and `-ed`.
    assert!(!english("passes").contains(&"pas".to_string()));
    assert!(!form_surfaces("macos", Some("spanish")).contains(&"mac".to_string()));
    assert!(!form_surfaces("running", Some("spanish")).contains(&"run".to_string()));
}

#[test]
fn a_form_comes_before_a_correction_two_edits_away() {
    let word = |w: &str, t: &str, df| VocabEntry(w.into(), TermRef::Term(t.into()), df);
    let vocab = Words(vec![
        word("configurador", "configurador", 5),
        word("configurar", "configur", 3),
    ]);
    let plan = plan(&vocab, "configurando ", &[]);
    let c = &plan.words[0].candidates;
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        (c[0].surface.as_str(), c[0].kind),
        ("configurar", Kind::Form)
    );
}

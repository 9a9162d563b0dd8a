//! Planning on a small vocabulary, and its helpers.

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
fn an_identifier_has_its_other_spellings() {
    assert_eq!(code_pieces("x86_64"), ["x86", "64"]);
    assert_eq!(digit_runs_of(&["x86", "64"]), ["x", "86", "64"]);
    assert_eq!(digit_runs_of(&["srv", "mad03"]), ["srv", "mad", "03"]);
    assert_eq!(digit_runs_of(&["kb1002"]), ["kb", "1002"]);
    assert_eq!(digit_runs_of(&["0x80070005"]), ["0", "x", "80070005"]);
    assert_eq!(digit_runs_of(&["wifi"]), ["wifi"]);
    assert_eq!(digit_runs_of(&["2026"]), ["2026"]);
    assert_eq!(variants("aadsts-50126"), ["aadsts50126"]);
    assert_eq!(variants("0x80070005"), ["80070005"]);
    assert_eq!(variants("8004010f"), ["0x8004010f"]);
    assert_eq!(variants("kb_10-02"), ["kb1002"]);
    assert_eq!(variants("c-3000"), ["c3000", "0xc3000"]);
    assert!(variants("wifi").is_empty());
    assert!(variants("0x").is_empty());
    assert!(variants("0xef").is_empty(), "a number has a digit");
    assert!(variants("beef").is_empty(), "hexadecimal digits, no number");
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

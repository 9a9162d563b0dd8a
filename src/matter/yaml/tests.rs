//! Decoding YAML with positions: the scan of top-level keys, the limits on
//! what is refused, errors located in the file, and key suggestions.

use super::*;

#[test]
fn the_byte_scan_refuses_exactly_what_yaml_does() {
    let printable = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}')
            || matches!(c, '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    };
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let text = format!("a: é{c}\u{fffd}");
        let expected = (!printable(c)).then_some((5, c));
        assert_eq!(
            first_disallowed_char(&text),
            expected,
            "U+{:04X}",
            u32::from(c)
        );
    }
}

#[test]
fn nesting_is_refused_past_the_limit_only() {
    let nested = |n: usize| format!("a: {}1{}", "[".repeat(n), "]".repeat(n));
    assert_eq!(too_deep(&nested(MAX_FLOW_DEPTH)), None);
    assert_eq!(
        too_deep(&nested(MAX_FLOW_DEPTH + 1)),
        Some(3 + MAX_FLOW_DEPTH)
    );
    // Many brackets, none deep.
    assert_eq!(too_deep(&"a: [1] ".repeat(MAX_FLOW_DEPTH * 2)), None);
}

#[test]
fn scan_finds_keys_and_values() {
    let text = "title: Hola\r\ntags:\n  - a\n\"id\": KB-1\n# note: x\n";
    let keys = TopLevelKeys::scan(text, 4);
    assert_eq!(
        &text[keys.value_span("title").start - 4..keys.value_span("title").end - 4],
        "Hola"
    );
    assert_eq!(keys.value_span("tags"), 4 + 18..4 + 18);
    assert_eq!(
        &text[keys.value_span("id").start - 4..keys.value_span("id").end - 4],
        "KB-1"
    );
    assert_eq!(keys.value_span("note"), 4..4);
}

#[test]
fn values_are_found_in_their_own_entry_only() {
    let file = "---\na: x\nb:\n  - {url: x}\n  - {url: y}\nc: y\n---\n";
    let keys = TopLevelKeys::scan(&file[4..file.len() - 4], 4);
    let found = |key, needle| keys.find_in_entry(file, key, needle).map(|r| r.start);
    assert_eq!(found("a", "x"), Some(file.find("x").unwrap()));
    assert_eq!(found("b", "x"), Some(file.find("{url: x}").unwrap() + 6));
    assert_eq!(found("b", "y"), Some(file.find("{url: y}").unwrap() + 6));
    assert_eq!(found("c", "y"), Some(file.rfind('y').unwrap()));
    assert_eq!(found("a", "y"), None);
    assert_eq!(found("d", "x"), None);
    assert_eq!(found("c", "---"), None, "the entry ends with the mapping");
    let file = "a: 1\nb: [\"x\", \"java\\tscript:\"]\n";
    let keys = TopLevelKeys::scan(file, 0);
    let at = keys
        .find_value_in_entry(file, "b", "java\tscript:")
        .unwrap();
    assert_eq!(&file[at], "java\\tscript:");
    assert_eq!(keys.find_value_in_entry(file, "b", ""), None);
}

#[test]
fn a_key_block_runs_to_the_next_key() {
    let text = "a: 1\ntags:\n- x\n- y\nb: 2\n";
    let keys = TopLevelKeys::scan(text, 10);
    let block = keys.block("tags", 10 + text.len()).unwrap();
    assert_eq!(&text[block.start - 10..block.end - 10], "tags:\n- x\n- y\n");
    assert_eq!(
        keys.block("b", 10 + text.len()).unwrap().end,
        10 + text.len()
    );
    assert_eq!(keys.block("c", 0), None);
}

#[test]
fn scan_reports_duplicates() {
    let keys = TopLevelKeys::scan("title: a\ntitle: b\n", 0);
    let dups: Vec<_> = keys.duplicates().collect();
    assert_eq!(dups.len(), 1);
    assert_eq!(dups[0].0, "title");
    assert_eq!(dups[0].1.key, 9..14);
}

#[test]
fn deserialize_offsets_errors_into_the_file() {
    #[derive(serde::Deserialize, Debug)]
    struct T {
        #[allow(dead_code)]
        weight: i64,
    }
    let err = deserialize::<T>("weight: abc\n", 100).unwrap_err();
    assert_eq!(err.offset, 108);
    assert!(!err.message.contains(" at line "), "{}", err.message);
}

#[test]
fn yaml_relative_positions_are_removed_from_messages() {
    assert_eq!(
        strip_location(
            "did not find expected ',' or ']' at line 4 column 1, while parsing a flow sequence at line 3 column 7"
        ),
        "did not find expected ',' or ']', while parsing a flow sequence"
    );
    assert_eq!(strip_location("a at line x"), "a at line x");
}

#[test]
fn control_characters_are_located() {
    #[derive(serde::Deserialize, Debug)]
    struct T {
        #[allow(dead_code)]
        title: String,
    }
    let err = deserialize::<T>("title: a\u{1}b\n", 4).unwrap_err();
    assert_eq!(err.offset, 4 + 8);
    assert!(err.message.contains("U+0001"), "{}", err.message);
    assert!(deserialize::<T>("title: \"ok\tñ \u{1f600}\"\r\n", 0).is_ok());
}

#[test]
fn deep_flow_nesting_is_refused_quickly() {
    let deep = format!("extra: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    let err = deserialize::<serde::de::IgnoredAny>(&deep, 10).unwrap_err();
    assert_eq!(err.offset, 10 + 7 + MAX_FLOW_DEPTH);
    assert!(err.message.contains("nest more than"), "{}", err.message);
    let quoted = format!(
        "a: \"{}\"\nb: '{}' # {}\n",
        "[".repeat(200),
        "{".repeat(200),
        "[".repeat(200)
    );
    assert!(deserialize::<serde::de::IgnoredAny>(&quoted, 0).is_ok());
    let fine = format!("a: {}1{}\n", "[".repeat(100), "]".repeat(100));
    assert!(deserialize::<serde::de::IgnoredAny>(&fine, 0).is_ok());
}

#[test]
fn spanish_key_names_suggest_the_real_key() {
    let keys = TopLevelKeys::scan("síntomas: [a]\n", 0);
    let w = unknown_key_warning(Path::new("a.md"), &keys, "síntomas", &["symptoms", "title"]);
    assert_eq!(w.help.as_deref(), Some("did you mean `symptoms`?"));
    let w = unknown_key_warning(Path::new("a.md"), &keys, "titulo", &["symptoms", "title"]);
    assert_eq!(w.help.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn suggestions_only_for_near_misses() {
    assert_eq!(did_you_mean("titel", &["title", "tags"]), Some("title"));
    assert_eq!(did_you_mean("zzz", &["title", "tags"]), None);
}

/// `tier0 init` writes `default_language: es`; a user who adds the line
/// again was shown an error at line 2, the start of the mapping.
#[test]
fn a_key_set_twice_is_located_at_its_second_line() {
    let text = "title: Help\ndefault_language: es\nlanguages: []\ndefault_language: en\n";
    let err = deserialize::<serde::de::IgnoredAny>(text, 0).unwrap_err();
    assert_eq!(err.offset, text.rfind("default_language").unwrap());
    assert!(
        err.message.contains("`default_language` is set twice"),
        "{}",
        err.message
    );
}

#[test]
fn a_front_matter_of_comments_only_has_no_keys() {
    let want = |_: &str| Want::Text;
    for text in ["# Do not remove front matter.\n", "", "\n  # note\n\n"] {
        let read = entries(std::path::Path::new("a.md"), text, 4, &want);
        assert!(read.is_ok_and(|m| m.entries.is_empty()), "{text:?}");
    }
}

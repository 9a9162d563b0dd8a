//! Unit tests of the export format: postings encoding, vocabulary separators and JavaScript string order.

use super::*;

#[test]
fn postings_round_trip() {
    let p = |doc, score, title| Posting { doc, score, title };
    // Title group, then the others from `top` again (their best, 20.0,
    // beats the last title score).
    let postings = vec![
        p(5, 12.5f32, true),
        p(0, 3.25, true),
        p(9, 20.0, false),
        p(123_456, 3.25, false),
        p(7, 1e-3, false),
    ];
    let top = 20.0f32.to_bits();
    let encoded = encode_postings(&postings, top);
    assert_eq!(decode_postings(&encoded, top), Some(postings.clone()));
    let mut sorted = postings.clone();
    sorted.sort_by(posting_order);
    assert_eq!(sorted, postings);
    assert_eq!(decode_postings(&encode_postings(&[], 0), 0), Some(vec![]));
}

#[test]
fn rest_score_bounds_a_tail_after_a_head_of_titles() {
    let p = |doc, score, title| Posting { doc, score, title };
    let postings = vec![
        p(1, 30.0f32, true),
        p(2, 25.0, true),
        p(3, 24.0, true),
        p(4, 9.5, false),
        p(5, 2.0, false),
    ];
    // The head ends in the title group: the tail's best non-title score.
    assert_eq!(rest_score(&postings, 2), Some(9.5f32.to_bits()));
    assert_eq!(rest_score(&postings, 3), Some(9.5f32.to_bits()));
    // The head reached the other group: its last posting bounds the tail.
    assert_eq!(rest_score(&postings, 4), None);
    // A tail of title postings only has none.
    assert_eq!(rest_score(&postings[..3], 2), None);
    // No head, no tail.
    assert_eq!(rest_score(&postings, 5), None);
    assert_eq!(rest_score(&[], 0), None);
}

#[test]
fn separators_are_short_and_ordered() {
    assert_eq!(separator("casa", "cosa"), "co");
    assert_eq!(separator("red", "redes"), "rede");
    assert_eq!(separator("", "abc"), "a");
}

#[test]
fn js_order_differs_from_utf8_only_for_astral_characters() {
    assert_eq!(js_cmp("\u{ffff}", "\u{10000}"), Ordering::Greater);
    assert_eq!(js_cmp("abc", "abd"), Ordering::Less);
    let samples = [
        "",
        "a",
        "ab",
        "abc",
        "b",
        "é",
        "ée",
        "z\u{e000}",
        "z\u{ffff}",
        "z\u{10000}",
        "z\u{1f600}",
        "\u{d7ff}",
        "\u{e000}",
        "\u{10ffff}",
        "ñ",
        "日本",
        "日",
        "a\u{10000}b",
    ];
    for a in samples {
        for b in samples {
            assert_eq!(
                js_cmp(a, b),
                a.encode_utf16().cmp(b.encode_utf16()),
                "{a:?} {b:?}"
            );
        }
    }
}

#[test]
fn a_record_section_leaves_out_an_anchor_its_heading_gives() {
    let section = |anchor: Option<&str>, heading: Option<&str>| RecordSection {
        anchor: anchor.map(str::to_owned),
        heading: heading.map(str::to_owned),
        text: "Texto.".to_owned(),
    };
    let cases = [
        // The heading's words joined by `-`: the anchor is not written.
        (
            section(
                Some("como-verificar-la-red"),
                Some("¿Cómo verificar la Red?"),
            ),
            r#"["¿Cómo verificar la Red?","Texto."]"#,
        ),
        (
            section(Some("error-0x80070005"), Some("Error 0x80070005")),
            r#"["Error 0x80070005","Texto."]"#,
        ),
        // A repeated heading's id, a code the slug cuts otherwise, no heading.
        (
            section(Some("si-usa-vpn-1"), Some("Si usa VPN")),
            r#"["si-usa-vpn-1","Si usa VPN","Texto."]"#,
        ),
        (
            section(Some("err-connection-reset"), Some("ERR_CONNECTION_RESET")),
            r#"["err-connection-reset","ERR_CONNECTION_RESET","Texto."]"#,
        ),
        (section(None, None), r#"[null,null,"Texto."]"#),
        (section(None, Some("Pasos")), r#"[null,"Pasos","Texto."]"#),
    ];
    for (s, json) in cases {
        assert_eq!(serde_json::to_string(&s).unwrap(), json);
        assert_eq!(
            serde_json::from_str::<RecordSection>(json).unwrap(),
            s,
            "{json}"
        );
    }
    assert!(serde_json::from_str::<RecordSection>(r#"["a"]"#).is_err());
}

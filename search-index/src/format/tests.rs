//! Unit tests of the export format: postings encoding, base64, vocabulary separators and JavaScript string order.

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
fn base64_matches_the_standard() {
    assert_eq!(base64_encode(b""), "");
    assert_eq!(base64_encode(b"f"), "Zg==");
    assert_eq!(base64_encode(b"fo"), "Zm8=");
    assert_eq!(base64_encode(b"foo"), "Zm9v");
    assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
    for s in ["", "f", "fo", "foo", "foob", "fooba"] {
        assert_eq!(
            base64_decode(&base64_encode(s.as_bytes())).unwrap(),
            s.as_bytes()
        );
    }
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

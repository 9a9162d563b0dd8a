//! Unit tests of event validation: what is kept of each kind, what is
//! refused, and what scrubbing removes.

use super::*;

fn catalog() -> Catalog {
    Catalog::for_tests(
        &["es", "en"],
        &[("KB-1", "es"), ("KB-1", "en"), ("KB-2", "es")],
    )
}

fn event(json: &str) -> Result<Record, Rejection> {
    parse(json.as_bytes(), &catalog(), 1_700_000_000)
}

#[test]
fn every_kind_is_kept_with_its_fields() {
    let r = event(r#"{"type":"search","lang":"es","edition":"public","query":"  Impresora   SIN conexión ","results":7,"clicked":"KB-2","rank":2}"#).unwrap();
    assert_eq!(
        (r.kind, r.query.as_deref()),
        ("search", Some("impresora sin conexión"))
    );
    assert_eq!(
        (r.results, r.clicked.as_deref(), r.rank),
        (Some(7), Some("KB-2"), Some(2))
    );
    let r =
        event(r#"{"type":"view","lang":"en","edition":"public","article":"KB-1","sample":0.25}"#)
            .unwrap();
    assert_eq!((r.kind, r.weight), ("view", 4.0));
    let r = event(r#"{"type":"feedback","lang":"es","edition":"public","article":"KB-1","helpful":false,"steps":["paso-1","paso-2"]}"#).unwrap();
    assert_eq!(
        (r.helpful, r.steps.as_deref()),
        (Some(0), Some("paso-1 paso-2"))
    );
    let r = event(
        r#"{"type":"escalate","lang":"es","edition":"public","article":"KB-1","channel":"mail"}"#,
    )
    .unwrap();
    assert_eq!((r.channel, r.steps), (Some("mail"), None));
    let r =
        event(r#"{"type":"reuse","lang":"es","edition":"agents","article":"KB-1","how":"reply"}"#)
            .unwrap();
    assert_eq!((r.kind, r.reason), ("reuse", Some("reply")));
    let r = event(r#"{"type":"flag","lang":"es","edition":"agents","article":"KB-1","reason":"missing-step","note":"Falta reiniciar; llamar al 600 123 456"}"#).unwrap();
    assert_eq!(r.reason, Some("missing-step"));
    assert_eq!(
        r.note.as_deref(),
        Some("Falta reiniciar; llamar al [phone]")
    );
}

#[test]
fn bad_and_hostile_events_are_refused() {
    for (json, why) in [
        (
            r#"{"type":"view","lang":"es","edition":"public","article":"KB-9"}"#,
            "no article",
        ),
        (
            r#"{"type":"view","lang":"en","edition":"public","article":"KB-2"}"#,
            "no article",
        ),
        (
            r#"{"type":"view","lang":"fr","edition":"public","article":"KB-1"}"#,
            "no language",
        ),
        (
            r#"{"type":"view","lang":"es","edition":"public","article":"KB-1","ip":"1.2.3.4"}"#,
            "unknown field",
        ),
        (
            r#"{"type":"view","lang":"es","edition":"public","article":1}"#,
            "invalid type",
        ),
        (
            r#"{"type":"view","lang":"es","edition":"public","article":"KB-1","sample":0}"#,
            "sample",
        ),
        (r#"{"type":"hack","lang":"es"}"#, "unknown variant"),
        (
            r#"{"type":"search","lang":"es","edition":"public","query":"<script>alert(1)</script>","results":0}"#,
            "markup",
        ),
        (
            r#"{"type":"search","lang":"es","edition":"public","query":"a\u0007b","results":0}"#,
            "control",
        ),
        (
            r#"{"type":"search","lang":"es","edition":"public","query":"   ","results":0}"#,
            "empty",
        ),
        (
            r#"{"type":"search","lang":"es","edition":"public","query":"x","results":-1}"#,
            "invalid value",
        ),
        (
            r#"{"type":"search","lang":"es","edition":"public","query":"x","results":3,"clicked":"KB-1"}"#,
            "go together",
        ),
        (
            r#"{"type":"search","lang":"es","edition":"public","query":"x","results":3,"clicked":"KB-1","rank":4}"#,
            "between",
        ),
        (
            r#"{"type":"feedback","lang":"es","edition":"public","article":"KB-1","helpful":"yes"}"#,
            "invalid type",
        ),
        (
            r#"{"type":"feedback","lang":"es","edition":"public","article":"KB-1","helpful":true,"steps":["a b"]}"#,
            "not a step id",
        ),
        (
            r#"{"type":"flag","lang":"es","edition":"public","article":"KB-1","reason":"wrong"}"#,
            "agents' edition",
        ),
        (
            r#"{"type":"flag","lang":"es","edition":"agents","article":"KB-1","reason":"boring"}"#,
            "unknown variant",
        ),
        (
            r#"{"type":"flag","lang":"es","edition":"agents","article":"KB-1","reason":"wrong","note":"<img src=x onerror=alert(1)>"}"#,
            "markup",
        ),
        (r#"[1,2]"#, "not a valid event"),
    ] {
        let error = event(json).expect_err(json);
        assert!(error.0.contains(why), "{json}: {error}");
    }
    let long = format!(
        r#"{{"type":"search","lang":"es","edition":"public","query":"{}","results":0}}"#,
        "a".repeat(MAX_QUERY + 1)
    );
    assert!(event(&long).unwrap_err().0.contains("longer"));
    let steps = format!(
        r#"{{"type":"escalate","lang":"es","edition":"public","article":"KB-1","channel":"url","steps":[{}]}}"#,
        vec!["\"s\""; MAX_STEPS + 1].join(",")
    );
    assert!(event(&steps).unwrap_err().0.contains("more than"));
}

#[test]
fn scrubbing_removes_people_and_keeps_error_codes() {
    assert_eq!(
        scrub("ana.lopez@example.com no recibe"),
        "[email] no recibe"
    );
    assert_eq!(scrub("llamar +34 600 123 456 hoy"), "llamar [phone] hoy");
    assert_eq!(scrub("tel (555) 123-4567"), "tel [phone]");
    assert_eq!(scrub("factura 12345678 error"), "factura [phone] error");
    assert_eq!(scrub("cliente99887766x"), "cliente[number]x");
    assert_eq!(scrub("error 0x80070005"), "error 0x80070005");
    assert_eq!(scrub("kb-1021 paso 3 de 12"), "kb-1021 paso 3 de 12");
    assert_eq!(scrub("windows 10 22h2"), "windows 10 22h2");
    assert_eq!(scrub("err_connection_reset"), "err_connection_reset");
}

#[test]
fn a_sample_no_site_sends_is_refused_and_every_weight_is_finite() {
    for sample in ["5e-324", "1e-300", "0.0009", "0", "-1", "1.5"] {
        let json = format!(
            r#"{{"type":"view","lang":"es","edition":"public","article":"KB-1","sample":{sample}}}"#
        );
        assert!(event(&json).is_err(), "sample {sample}");
    }
    let r =
        event(r#"{"type":"view","lang":"es","edition":"public","article":"KB-1","sample":0.001}"#)
            .unwrap();
    assert_eq!(r.weight, 1000.0);
}

/// QA found these stored verbatim: digits of other scripts, dashes other
/// than `-`, `_` and `,` between groups, a full-width `@`.
#[test]
fn numbers_and_addresses_in_any_script_or_grouping_are_scrubbed() {
    for (text, kept) in [
        ("llamar ６１２３４５６７８", "llamar [phone]"),
        ("رقم ٠٥٥١٢٣٤٥٦٧", "رقم [phone]"),
        ("फ़ोन ९८७६५४३२१०", "फ़ोन [phone]"),
        ("tel 612–345–678", "tel [phone]"),
        ("tel 612—345—678", "tel [phone]"),
        ("tel 612−345−678", "tel [phone]"),
        ("tel 612‐345‐678", "tel [phone]"),
        ("tel 612_345_678", "tel [phone]"),
        ("tel 612,345,678", "tel [phone]"),
        ("tel 612.345.678", "tel [phone]"),
        ("tel ６１２－３４５－６７８", "tel [phone]"),
        ("tel （６１２）３４５６７８", "tel [phone]"),
        ("tel 612\u{a0}345\u{a0}678 hoy", "tel [phone] hoy"),
        ("tel 612\u{202f}345\u{2009}678", "tel [phone]"),
        (
            "tel 6\u{fe0f}\u{20e3}1\u{fe0f}\u{20e3}2345678",
            "tel [phone]",
        ),
        ("tel:612-345-678", "tel:[number]"),
        ("cliente６１２３４５６７８x", "cliente[number]x"),
        ("juan＠example.com no recibe", "[email] no recibe"),
        ("juan﹫example.com", "[email]"),
    ] {
        assert_eq!(scrub(text), kept, "{text}");
    }
    // Short numbers of other scripts are not people either.
    assert_eq!(scrub("paso ٣ de ١٢"), "paso ٣ de ١٢");
    assert_eq!(scrub("windows １０ 22h2"), "windows １０ 22h2");
}

#[test]
fn scrubbing_keeps_the_spaces_of_a_note() {
    assert_eq!(
        scrub("  paso\t3: llamar al 600 123 456\tdespués"),
        "  paso\t3: llamar al [phone]\tdespués"
    );
}

/// QA found U+202E (and every other Cf character) accepted: it reverses
/// how the stored text reads in the report.
#[test]
fn invisible_format_characters_are_refused_and_joiners_kept() {
    for bad in ["\\u202e", "\\u200b", "\\u2066", "\\ufeff", "\\u00ad"] {
        let query = format!(
            r#"{{"type":"search","lang":"es","edition":"public","query":"a{bad}b","results":0}}"#
        );
        let error = event(&query).unwrap_err();
        assert!(error.0.contains("format characters"), "{bad}: {error}");
        let note = format!(
            r#"{{"type":"flag","lang":"es","edition":"agents","article":"KB-1","reason":"wrong","note":"a{bad}b"}}"#
        );
        let error = event(&note).unwrap_err();
        assert!(error.0.contains("format characters"), "{bad}: {error}");
    }
    // Persian writes some words with a zero-width non-joiner.
    let r = event(
        r#"{"type":"search","lang":"es","edition":"public","query":"می\u200cخواهم","results":0}"#,
    )
    .unwrap();
    assert_eq!(r.query.as_deref(), Some("می\u{200c}خواهم"));
    let error = event(r#"{"type":"view","lang":"es","edition":"public","article":"KB-\u202e9"}"#)
        .unwrap_err();
    assert!(error.0.contains("KB-?9"), "{error}");
}

use super::*;

#[test]
fn problems_found_twice_are_added_once() {
    let a = Diagnostic::error("a.md", 0..1, "broken");
    let b = Diagnostic::error("b.md", 0..1, "broken");
    let mut list = vec![a.clone()];
    add_new(&mut list, vec![a.clone(), b.clone(), b.clone()]);
    assert_eq!(list, [a, b]);
}

#[test]
fn line_col_counts_characters_not_bytes() {
    let text = "título: ñ\nweight: x\n";
    assert_eq!(line_col(text, 0), (1, 1));
    assert_eq!(line_col(text, text.find('ñ').unwrap()), (1, 9));
    assert_eq!(line_col(text, text.find('x').unwrap()), (2, 9));
    assert_eq!(line_col(text, 10_000), (3, 1));
}

#[test]
fn located_positions_are_those_of_each_offset_alone() {
    let text = "título: ñ\nweight: x\n\u{2603}\n";
    let mut sources = SourceTexts::default();
    sources.insert("a.md", Arc::from(text));
    sources.insert("b.md", Arc::from("x\ny"));
    // Spans that end before they start, start inside a character or
    // run past the end are located as their offsets are, one by one.
    let spans = [
        (0, 3),
        (2, 1),
        (9, 40),
        (3, 13),
        (14, 22),
        (24, 23),
        (29, 29),
    ];
    let mut diagnostics: Vec<Diagnostic> = spans
        .iter()
        .map(|&(start, end)| Diagnostic::error("a.md", start..end, "x"))
        .collect();
    diagnostics.push(Diagnostic::error("b.md", 2..3, "x"));
    diagnostics.push(Diagnostic::error("c.md", 5..9, "x"));
    let located = sources.locate(&diagnostics);
    assert_eq!(located.len(), diagnostics.len());
    for (d, l) in sorted(&diagnostics).into_iter().zip(&located) {
        let start = sources.line_col(&d.path, d.span.start);
        let end = sources.line_col(&d.path, d.span.end);
        assert_eq!(
            (l.line, l.column, l.end_line, l.end_column),
            (start.0, start.1, end.0, end.1),
            "{d:?}"
        );
    }
    // Inside `ñ` (bytes 10 and 11 of the line): the character counts.
    assert_eq!(line_col(text, text.find('ñ').unwrap() + 1), (1, 10));
}

#[test]
fn abridging_keeps_every_error_and_the_first_warnings_of_each_kind() {
    let no_id = |file: &str| {
        Diagnostic::warning(
            format!("content/{file}.md"),
            0..3,
            format!("the article has no `id`; using `{file}`"),
        )
    };
    let mut all: Vec<Diagnostic> = ["e", "d", "c", "b", "a"].map(no_id).into();
    all.push(Diagnostic::warning(
        "content/z.md",
        0..1,
        "3 Hugo shortcodes left out",
    ));
    all.push(Diagnostic::warning(
        "content/y.md",
        0..1,
        "12 Hugo shortcodes left out",
    ));
    all.push(Diagnostic::error(
        "content/x.md",
        0..1,
        "id `a` is already used",
    ));
    all.push(Diagnostic::error(
        "content/w.md",
        0..1,
        "id `b` is already used",
    ));
    let (shown, abridged) = abridge(&all, 1);
    let shown: Vec<&str> = shown.iter().map(|d| d.path.to_str().unwrap()).collect();
    assert_eq!(
        shown,
        [
            "content/a.md",
            "content/w.md",
            "content/x.md",
            "content/y.md"
        ]
    );
    assert_eq!(
        abridged,
        [
            Abridged {
                kind: "N Hugo shortcodes left out".into(),
                example: "12 Hugo shortcodes left out".into(),
                hidden: 1
            },
            Abridged {
                kind: "the article has no `…`; using `…`".into(),
                example: "the article has no `id`; using `a`".into(),
                hidden: 4
            },
        ]
    );
    assert_eq!(abridge(&all, 5).0.len(), all.len());
}

#[test]
fn emitted_report_names_file_line_and_column() {
    let mut sources = SourceTexts::default();
    sources.insert("content/a.md", Arc::from("---\ntier: L9\n---\n"));
    let d = Diagnostic::error("content/a.md", 10..12, "unknown tier `L9`")
        .with_help("use one of L1, L2");
    let mut out = term::termcolor::NoColor::new(Vec::new());
    sources.emit(&mut out, &[d]).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    assert!(text.contains("error: unknown tier `L9`"), "{text}");
    assert!(text.contains("content/a.md:2:7"), "{text}");
    assert!(text.contains("help: use one of L1, L2"), "{text}");
}

#[test]
fn a_long_line_is_shown_cut_around_the_problem_at_its_true_column() {
    let mut sources = SourceTexts::default();
    let line = format!("{}\"bad\"{}", "ñ".repeat(3000), "x".repeat(3000));
    sources.insert("export/a.json", Arc::from(format!("first\n{line}\nlast\n")));
    let start = 6 + "ñ".repeat(3000).len();
    let report = |d: Diagnostic| {
        let mut out = term::termcolor::NoColor::new(Vec::new());
        sources.emit(&mut out, &[d]).unwrap();
        String::from_utf8(out.into_inner()).unwrap()
    };
    let text = report(Diagnostic::error(
        "export/a.json",
        start..start + 5,
        "bad value",
    ));
    assert!(text.contains("export/a.json:2:3001"), "{text}");
    let shown = text.lines().find(|l| l.contains("\"bad\"")).unwrap();
    assert!(shown.contains("…ñ") && shown.ends_with("x…"), "{shown}");
    assert!(shown.chars().count() < 200, "{shown}");
    let caret = text.lines().find(|l| l.contains('^')).unwrap();
    let at = |l: &str, c: char| l.chars().position(|x| x == c).unwrap();
    assert_eq!(at(caret, '^'), at(shown, '"'), "{text}");
    let short = report(Diagnostic::error("export/a.json", 0..5, "short line"));
    assert!(
        short.contains("export/a.json:1:1") && short.contains("first"),
        "{short}"
    );
}

/// Regression: a problem at the end of a file that ends its last line
/// (a `.pages`, `_meta.json` or `mkdocs.yml` cut short: `nav: [`) made
/// tier0 panic while showing it.
#[test]
fn a_problem_at_the_end_of_a_file_after_its_last_line_is_shown() {
    let mut sources = SourceTexts::default();
    for (name, text) in [
        ("a/.pages", "nav: [\n"),
        ("b.json", "{\"a\": 1\r\n"),
        ("c", "\n"),
    ] {
        sources.insert(name, Arc::from(text));
        let end = text.len();
        let d = Diagnostic::error(name, end..end, "unexpected end of file");
        let mut out = term::termcolor::NoColor::new(Vec::new());
        sources.emit(&mut out, &[d]).unwrap();
        let shown = String::from_utf8(out.into_inner()).unwrap();
        let lines = text.lines().count() + 1;
        assert!(shown.contains(&format!("{name}:{lines}:1")), "{shown}");
    }
}

#[test]
fn snippets_names_and_messages_reach_the_terminal_inert() {
    let mut sources = SourceTexts::default();
    let path = "content/\u{1b}]0;pwned\u{7}.md";
    sources.insert(
        path,
        Arc::from("---\ntitle: \u{1b}[2J\u{202e} x\ntier: L9\n---\n"),
    );
    let at = |needle: &str| {
        let text = "---\ntitle: \u{1b}[2J\u{202e} x\ntier: L9\n---\n";
        let start = text.find(needle).unwrap();
        start..start + needle.len()
    };
    let d = [
        Diagnostic::error(path, at("x"), "bad `\u{9b}31m`").with_help("not \u{7}"),
        Diagnostic::error(path, at("L9"), "unknown tier `L9`"),
    ];
    let mut out = term::termcolor::NoColor::new(Vec::new());
    sources.emit(&mut out, &d).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    for obeyed in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(obeyed), "{obeyed:?} in {text}");
    }
    assert!(text.contains("content/␛]0;pwned␇.md:2:14"), "{text}");
    assert!(text.contains("title: ␛[2J\u{fffd} x"), "{text}");
    assert!(
        text.contains("bad `\u{fffd}31m`") && text.contains("help: not ␇"),
        "{text}"
    );
    // The caret stands under `x`, one column per character shown.
    let snippet = text.lines().position(|l| l.contains("title: ␛")).unwrap();
    let line = text.lines().nth(snippet).unwrap();
    let carets = text.lines().nth(snippet + 1).unwrap();
    let column = |s: &str, c: char| s.chars().position(|x| x == c).unwrap();
    assert_eq!(column(carets, '^'), column(line, 'x'), "{text}");
    assert!(text.contains("content/␛]0;pwned␇.md:3:7"), "{text}");
}

#[test]
fn texts_added_later_win_and_all_stay_findable() {
    let text = |t: &str| -> Arc<str> { Arc::from(t) };
    let mut config: SourceTexts = [(PathBuf::from("tier0.yaml"), text("a\nb"))]
        .into_iter()
        .collect();
    let content: SourceTexts = [
        (PathBuf::from("content/a.md"), text("x\ny")),
        (PathBuf::from("tier0.yaml"), text("new\n\nz")),
    ]
    .into_iter()
    .collect();
    config.extend(content);
    assert_eq!(config.line_col(Path::new("content/a.md"), 2), (2, 1));
    assert_eq!(config.line_col(Path::new("tier0.yaml"), 5), (3, 1));
}

#[test]
fn json_errors_point_at_their_character() {
    let text = "{\n  \"a\": ñ\n}";
    let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    let at = json_offset(text, e.line(), e.column());
    assert_eq!(line_col(text, at).0, 2);
    assert!(text.is_char_boundary(at));
    assert_eq!(json_offset("x", 9, 9), 1);
}

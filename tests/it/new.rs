//! `tier0 new`: a new article from its type's template, with the next free
//! id, that builds without warnings and never replaces an existing file.

use std::process::Output;

use crate::support::{Site, stderr};

/// The `basic` fixture's highest id is `KB-5` (an internal article).
const NEXT_ID: &str = "KB-6";
const TITLE: &str = "Título con acentos ñ";
const SLUG: &str = "titulo-con-acentos-n";

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The value of front matter key `key` in `text`.
fn front_matter_value<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no `{key}` in:\n{text}"))
}

fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Builds with drafts: a new article is one until its author says otherwise.
fn build_without_warnings(site: &Site) {
    let output = site.tier0(&["build", "--drafts"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("warning:"), "{err}");
}

#[test]
fn every_type_makes_an_article_that_builds_without_warnings() {
    let headings = [
        ("troubleshooting", "## Si esto no funcionó"),
        ("how-to", "## Pasos"),
        ("faq", "### ¿"),
        ("known-issue", "## Solución temporal"),
        ("reference", "| --- |"),
    ];
    for (kind, heading) in headings {
        let site = Site::fixture("basic");
        let output = site.tier0(&["new", kind, TITLE]).output().unwrap();
        assert!(output.status.success(), "{kind}: {}", stderr(&output));
        let out = stdout(&output);
        assert!(out.contains(&format!("content/{SLUG}.md")), "{out}");
        assert!(out.contains(NEXT_ID), "{out}");
        assert!(
            out.contains(&format!("http://127.0.0.1:1111/{SLUG}/")),
            "{out}"
        );
        assert!(out.contains("tier0 serve --drafts"), "{out}");
        assert!(out.contains("`confidence: draft`"), "{out}");

        let text = std::fs::read_to_string(site.root().join(format!("content/{SLUG}.md"))).unwrap();
        assert_eq!(front_matter_value(&text, "id"), NEXT_ID);
        assert_eq!(front_matter_value(&text, "title"), TITLE);
        assert_eq!(
            front_matter_value(&text, "tier"),
            "L3",
            "the config's default"
        );
        assert_eq!(front_matter_value(&text, "type"), kind);
        let date = front_matter_value(&text, "date");
        assert!(is_date(date), "{date}");
        assert_eq!(front_matter_value(&text, "updated"), date);
        assert_eq!(front_matter_value(&text, "reviewed"), date);
        assert!(text.contains(heading), "{kind}: {text}");
        assert!(!text.contains("{{"), "{text}");
        assert!(
            front_matter_value(&text, "confidence").starts_with("draft "),
            "{kind}"
        );

        build_without_warnings(&site);
        let page = site.read_public(&format!("{SLUG}/index.html"));
        assert!(page.contains("Título con acentos ñ"), "{kind}");
        assert!(
            site.public()
                .join(format!("kb/{NEXT_ID}/index.html"))
                .exists()
        );
    }
}

#[test]
fn troubleshooting_has_symptoms_cause_steps_and_what_to_tell_level_1() {
    let site = Site::fixture("basic");
    site.tier0(&[
        "new",
        "troubleshooting",
        "La impresora no imprime",
        "--category",
        "red",
        "--tier",
        "L1",
    ])
    .assert()
    .success();
    let text = std::fs::read_to_string(site.root().join("content/red/la-impresora-no-imprime.md"))
        .unwrap();
    assert_eq!(front_matter_value(&text, "tier"), "L1");
    let body = text.split("\n---\n").nth(1).unwrap();
    let positions: Vec<usize> = [
        "## Síntomas",
        "## Causa",
        "## Solución",
        "\n1. ",
        "## Si esto no funcionó",
        "Nivel 1",
    ]
    .iter()
    .map(|h| body.find(h).unwrap_or_else(|| panic!("no {h}")))
    .collect();
    assert!(positions.is_sorted(), "{positions:?}");
    build_without_warnings(&site);
    let page = site.read_public("red/la-impresora-no-imprime/index.html");
    assert!(
        page.contains(r#"<li id="paso-1" class="step">"#),
        "steps are a top-level numbered list"
    );
}

#[test]
fn ids_keep_counting_and_an_empty_site_starts_at_0001() {
    let site = Site::fixture("basic");
    site.tier0(&["new", "faq", "Primera"]).assert().success();
    site.tier0(&["new", "faq", "Segunda"]).assert().success();
    let text = std::fs::read_to_string(site.root().join("content/segunda.md")).unwrap();
    assert_eq!(front_matter_value(&text, "id"), "KB-7");

    let empty = Site::empty();
    empty.write("content/.keep", "");
    empty
        .tier0(&["new", "how-to", "Primer artículo", "--category", "cuentas"])
        .assert()
        .success();
    let text =
        std::fs::read_to_string(empty.root().join("content/cuentas/primer-articulo.md")).unwrap();
    assert_eq!(front_matter_value(&text, "id"), "KB-0001");
    build_without_warnings(&empty);
    assert!(
        empty
            .public()
            .join("cuentas/primer-articulo/index.html")
            .exists()
    );
}

#[test]
fn english_articles_get_the_language_suffix_and_url_prefix() {
    let site = Site::fixture("basic");
    let output = site
        .tier0(&[
            "new",
            "troubleshooting",
            "Printer is offline",
            // As front matter reads them: in any case.
            "--lang",
            "EN",
            "--tier",
            "l3",
            "--category",
            "red",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("content/red/printer-is-offline.en.md"),
        "{out}"
    );
    assert!(
        out.contains("http://127.0.0.1:1111/en/red/printer-is-offline/"),
        "{out}"
    );
    let text =
        std::fs::read_to_string(site.root().join("content/red/printer-is-offline.en.md")).unwrap();
    assert_eq!(front_matter_value(&text, "tier"), "L3");
    for heading in [
        "## Symptoms",
        "## Cause",
        "## Solution",
        "## If this did not work",
        "Level 1",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    build_without_warnings(&site);
    assert!(
        site.public()
            .join("en/red/printer-is-offline/index.html")
            .exists()
    );
}

#[test]
fn never_overwrites_an_existing_file() {
    let site = Site::fixture("basic");
    let before = std::fs::read_to_string(site.root().join("content/vpn/conectar.md")).unwrap();
    let output = site
        .tier0(&["new", "how-to", "Conectar", "--category", "vpn"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(site.root().join("content/vpn/conectar.md")).unwrap(),
        before
    );

    site.tier0(&["new", "faq", "Dudas"]).assert().success();
    site.write("content/dudas.md", "mine");
    let output = site.tier0(&["new", "faq", "Dudas"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(site.root().join("content/dudas.md")).unwrap(),
        "mine"
    );
}

#[test]
fn refuses_a_url_another_article_already_has() {
    let site = Site::fixture("basic");
    // otro.md already has the URL that nuevo.md would get.
    site.write(
        "content/red/otro.md",
        "---\nid: KB-9\ntitle: Otro\nslug: nuevo\n---\n",
    );
    let output = site
        .tier0(&["new", "faq", "Nuevo", "--category", "red"])
        .output()
        .unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("/red/nuevo/"), "{err}");
    assert!(!site.root().join("content/red/nuevo.md").exists());
}

#[test]
fn bad_arguments_exit_2_and_write_nothing() {
    let cases: [(&[&str], &[&str]); 6] = [
        (
            &["new", "howto", "X"],
            &[
                "unknown article type `howto`",
                "did you mean `how-to`",
                "troubleshooting, how-to, faq, known-issue, reference",
            ],
        ),
        (
            &["new", "faq", "X", "--tier", "L9"],
            &["unknown tier `L9`", "L1, L3"],
        ),
        (
            &["new", "faq", "X", "--lang", "fr"],
            &["language `fr`", "es, en"],
        ),
        (
            &["new", "faq", "X", "--category", "Red Wifi"],
            &["category `Red Wifi`", "`red-wifi`"],
        ),
        (
            &["new", "faq", "X", "--category", "../fuera"],
            &["category `../fuera`"],
        ),
        (&["new", "faq", "¿?¡!"], &["cannot make a file name"]),
    ];
    for (args, expected) in cases {
        let site = Site::fixture("basic");
        let before = crate::support::tree(site.root());
        let output = site.tier0(args).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {err}");
        for needle in expected {
            assert!(err.contains(needle), "{args:?}: missing {needle} in {err}");
        }
        assert_eq!(
            crate::support::tree(site.root()),
            before,
            "{args:?} wrote something"
        );
    }
}

#[test]
fn a_new_article_is_a_draft_and_check_reports_template_text_once_published() {
    let site = Site::fixture("basic");
    site.tier0(&["new", "troubleshooting", TITLE])
        .assert()
        .success();
    let file = format!("content/{SLUG}.md");
    // A draft: not published, and its template text is not a problem yet.
    site.tier0(&["build"]).assert().success();
    assert!(!site.public().join(format!("{SLUG}/index.html")).exists());
    let check = site.tier0(&["check"]).output().unwrap();
    assert!(
        !stderr(&check).contains("template text"),
        "{}",
        stderr(&check)
    );
    // Published with the guidance still in it: check says where.
    let text = std::fs::read_to_string(site.root().join(&file)).unwrap();
    // Validated: the KCS state that publishes it.
    let published: String = text
        .lines()
        .map(|l| {
            if l.starts_with("confidence:") {
                "confidence: validated\n".to_owned()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    site.write(&file, &published);
    let check = site.tier0(&["check"]).output().unwrap();
    let err = stderr(&check);
    let line = published
        .lines()
        .position(|l| l.starts_with("Describa lo que ve el usuario"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("{file}:{line}:1"))
            && err.contains("template text left in a published article"),
        "{err}"
    );
    assert_eq!(err.matches("template text left").count(), 1, "{err}");
    // Once rewritten, nothing is reported.
    let front = published.split("\n---\n").next().unwrap();
    let own = format!(
        "{front}\n---\n\n## Síntomas\n\nLa impresora de la planta 2 no imprime desde el lunes.\n"
    );
    site.write(&file, &own);
    let check = site.tier0(&["check"]).output().unwrap();
    assert!(
        !stderr(&check).contains("template text"),
        "{}",
        stderr(&check)
    );
}

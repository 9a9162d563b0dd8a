//! Text that reaches a terminal is inert.
//!
//! Sites whose titles, descriptions, tags, authors, bodies, file names,
//! folder name and config carry a clear-screen CSI (`ESC[2J`), an OSC 52
//! clipboard write, BEL, the one-byte CSI U+009B and a right-to-left
//! override: front matter and config holding them are refused, located;
//! and whatever tier0 prints (diagnostics and their snippets, `build`,
//! `check` in both formats, `search` plain, `--reply` and `--json`) holds
//! none of them.

use std::process::Output;

use crate::support::{Site, stderr};

/// Clears the screen.
const CLEAR: &str = "\u{1b}[2J";
/// Writes `rm -rf ~` to the clipboard of the terminal's user.
const CLIPBOARD: &str = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}";
/// CSI in one character: red text.
const CSI_8BIT: &str = "\u{9b}31m";
/// Right-to-left override: `gnp.exe` reads as `exe.png`.
const RLO: &str = "\u{202e}";

/// What a terminal obeys, as YAML writes it in double quotes.
const YAML_ESCAPES: &str = r"\e[2J \e]52;c;cm0gLXJmIH4=\a \x9b31m";

/// Asserts that nothing in `out` is a character a terminal would obey.
fn assert_inert(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = std::str::from_utf8(bytes)
            .unwrap_or_else(|e| panic!("{what}: {stream} is not UTF-8 ({e})"));
        let obeyed: Vec<char> = text
            .chars()
            .filter(|&c| {
                matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            })
            .collect();
        assert!(
            obeyed.is_empty(),
            "{what}: {stream} holds {obeyed:?}:\n{text}"
        );
    }
}

fn run(site: &Site, args: &[&str], code: i32) -> Output {
    let out = site.tier0(args).output().unwrap();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    assert_inert(&format!("tier0 {}", args.join(" ")), &out);
    out
}

fn has(text: &str, needles: &[&str]) {
    for needle in needles {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

/// A site that builds, plus articles whose front matter and body carry
/// what terminals obey (its file name too).
fn hostile_content() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/red/titulo.md",
        format!(
            "---\nid: KB-50\ntitle: \"Borrar {YAML_ESCAPES}\"\ndescription: \"{YAML_ESCAPES}\"\ntags: [ok, \"{YAML_ESCAPES}\"]\nauthor: \"Ana{RLO}gnp.exe\"\n---\n\nCuerpo.\n"
        ),
    );
    site.write(
        format!("content/red/x{CLEAR}{CLIPBOARD}.md").as_str(),
        format!(
            "---\nid: KB-51\ntitle: Nombre hostil\n---\n\nTexto {CLEAR}{CLIPBOARD}{CSI_8BIT}{RLO} con [un enlace](no-existe.md).\n"
        ),
    );
    site
}

#[test]
fn hostile_front_matter_and_bodies_are_refused_located_and_printed_inert() {
    let site = hostile_content();
    for command in [&["build", "--strict"][..], &["check"]] {
        // Each value, where it is written.
        has(
            &stderr(&run(&site, command, 1)),
            &[
                "content/red/titulo.md:3:8",
                "`title` holds the control character U+001B",
                "content/red/titulo.md:4:14",
                "`description` holds the control character U+001B",
                "content/red/titulo.md:5:7",
                "`tags` holds the control character U+001B",
                "content/red/titulo.md:6:13",
                "`author` holds the bidirectional control U+202E",
            ],
        );
    }
    let json = run(&site, &["check", "--format", "json"], 1);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["path"] == "content/red/titulo.md"
                && d["line"] == 6
                && d["message"].as_str().unwrap().contains("U+202E"))
    );

    // With the front matter fixed, links are checked: the broken one is in
    // a file whose name and line carry escape sequences, shown, not
    // obeyed, and still located.
    std::fs::remove_file(site.root().join("content/red/titulo.md")).unwrap();
    for command in [&["build", "--strict"][..], &["check"]] {
        let err = stderr(&run(&site, command, 1));
        has(
            &err,
            &[
                "content/red/x␛[2J␛]52;c;cm0gLXJmIH4=␇.md:6:",
                "Texto ␛[2J␛]52;c;cm0gLXJmIH4=␇\u{fffd}31m\u{fffd} con [un enlace]",
            ],
        );
        // The caret stands under the link, one column per character shown.
        let lines: Vec<&str> = err.lines().collect();
        let at = lines.iter().position(|l| l.contains("Texto ␛")).unwrap();
        let column = |s: &str, needle: &str| s[..s.find(needle).unwrap()].chars().count();
        assert_eq!(
            column(lines[at + 1], "^"),
            column(lines[at], "[un enlace]"),
            "{err}"
        );
    }
    let json = run(&site, &["check", "--format", "json"], 1);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let link = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == format!("content/red/x{CLEAR}{CLIPBOARD}.md"))
        .expect("the file's own name, escaped in JSON, not lost");
    assert_eq!(link["line"], 6);
}

#[test]
fn hostile_config_text_is_refused_located_and_printed_inert() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        config
            .replace(
                "title: {es: Ayuda de prueba, en: Test help}",
                &format!("title: {{es: \"Ayuda {YAML_ESCAPES}\", en: Test help}}"),
            )
            .replace(
                "name: {es: Nivel 3",
                &format!("name: {{es: \"Nivel{RLO} 3\""),
            )
            + &format!("reply: \"{{title}} {YAML_ESCAPES}\\n{{url}}\"\n"),
    );
    let build = run(&site, &["build", "--strict"], 1);
    has(
        &stderr(&build),
        &[
            "tier0.yaml:1:8",
            "`title.es` holds the control character U+001B",
            "tier0.yaml:14:22",
            "`tiers[1].name.es` holds the bidirectional control U+202E",
            "`reply` holds the control character U+001B",
        ],
    );
    run(&site, &["check"], 1);
    let search = run(&site, &["search", "vpn"], 2);
    has(&stderr(&search), &["tier0.yaml:1:8"]);
}

#[test]
fn names_queries_and_results_reach_the_terminal_inert() {
    // The site's folder and an article's file name carry escape
    // sequences; its body too, which search indexes.
    let site = Site::empty();
    let root = format!("kb{CLEAR}{CLIPBOARD}{RLO}");
    let basic = Site::fixture("basic");
    crate::support::copy_dir(basic.root(), &site.root().join(&root));
    site.write(
        &format!("{root}/content/red/n{CLIPBOARD}.md"),
        format!(
            "---\nid: KB-60\ntitle: Portapapeles\ndescription: Copiar y pegar.\n---\n\nportapapeles {CLEAR}{CLIPBOARD}{CSI_8BIT}{RLO}\n"
        ),
    );
    let build = run(&site, &["build", "--root", &root], 0);
    has(
        &stderr(&build),
        &["Published ", "kb␛[2J␛]52;c;cm0gLXJmIH4=␇\u{fffd}"],
    );
    run(&site, &["check", "--root", &root], 0);
    let found = run(&site, &["search", "--root", &root, "portapapeles"], 0);
    has(
        &String::from_utf8_lossy(&found.stdout),
        &["Portapapeles [L3] KB-60", "Copiar y pegar."],
    );
    run(
        &site,
        &["search", "--root", &root, "--reply", "portapapeles"],
        0,
    );

    // A query pasted from a ticket is echoed, inert, when nothing matches…
    let query = "zzqx\u{1b}\u{7}\u{9b}\u{202e}";
    let none = run(&site, &["search", "--root", &root, query], 1);
    has(&stderr(&none), &["zzqx␛␇\u{fffd}\u{fffd}"]);
    // …and in JSON as escapes that decode back to what was typed.
    let json = run(&site, &["search", "--root", &root, "--json", query], 1);
    let text = String::from_utf8(json.stdout).unwrap();
    has(&text, &[r"\u001b", r"\u0007", r"\u009b", r"\u202e"]);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["query"], query);
}

#[test]
fn new_refuses_a_title_a_terminal_would_obey_and_says_so_inert() {
    let site = Site::fixture("basic");
    for title in [format!("Borrar {CLEAR}"), format!("factura{RLO}fdp.exe")] {
        let out = run(&site, &["new", "faq", &title], 2);
        has(&stderr(&out), &["the title must be a single line of text"]);
    }
    let out = run(&site, &["new", &format!("faq{CLIPBOARD}"), "Hola"], 2);
    has(
        &stderr(&out),
        &["unknown article type `faq␛]52;c;cm0gLXJmIH4=␇`"],
    );
}

//! Hostile sites: input written to break tier0, and what it must do instead.
//!
//! Every case runs the real binary with a time limit (and, on Linux, a
//! memory limit) over a site generated here. It must end by itself, never
//! panic, exit 0 (it works), 1 (the content has errors) or 2 (tier0 cannot
//! run), point at the file (and line and column, where there is one) with
//! words that say what is wrong, and, when it fails, leave the previous good
//! `public/` exactly as it was.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use crate::support::{Site, stderr, tree};

/// No case may take longer: a hang is a failure, not a slow test.
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// Address space a build may use (Linux only): an expanded alias bomb would not fit.
#[cfg(target_os = "linux")]
const MEMORY_LIMIT: u64 = 1 << 30;

const GOOD: &str = "---\nid: KB-1\ntitle: Bueno\n---\n\nHola.\n";

type Tree = BTreeMap<String, Vec<u8>>;

/// `tier0 <args>` in the site folder, with the time and memory limits.
pub(super) fn tier0(site: &Site, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("tier0"));
    cmd.current_dir(site.root()).args(args);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
        unsafe {
            cmd.pre_exec(|| {
                let limit = libc::rlimit {
                    rlim_cur: MEMORY_LIMIT,
                    rlim_max: MEMORY_LIMIT,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
    }
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(TIME_LIMIT);
    cmd
}

/// Runs `cmd` and checks it ended by itself with `code` and without a panic; returns stderr.
pub(super) fn expect_exit(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let output = cmd.output().unwrap();
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "tier0 panicked:\n{err}");
    let Some(actual) = output.status.code() else {
        panic!(
            "tier0 was killed ({}): over {TIME_LIMIT:?} or out of memory\n{err}",
            output.status
        );
    };
    assert_ne!(actual, 101, "tier0 panicked:\n{err}");
    assert_eq!(actual, code, "unexpected exit code; stderr:\n{err}");
    err
}

/// A site whose `public/` holds a good build, and that build's files.
fn good_site() -> (Site, Tree) {
    let site = Site::empty();
    site.write("content/red/bueno.md", GOOD);
    expect_exit(&mut tier0(&site, &["build", "--quiet"]), 0);
    let before = tree(&site.public());
    assert!(before.contains_key("red/bueno/index.html"));
    (site, before)
}

/// `tier0 build` fails with `code`, and the previous site and the folder around it are as they were.
fn fails_keeping_the_site(site: &Site, before: &Tree, code: i32) -> String {
    let err = expect_exit(&mut tier0(site, &["build", "--strict"]), code);
    assert!(
        tree(&site.public()) == *before,
        "the previous public/ must survive byte for byte; stderr:\n{err}"
    );
    no_staging_left(site.root());
    if code == 1 {
        assert_has(&err, &["the previous site was left untouched"]);
    }
    err
}

/// `tier0 build` works; returns stderr.
pub(super) fn builds(site: &Site) -> String {
    let err = expect_exit(&mut tier0(site, &["build"]), 0);
    no_staging_left(site.root());
    err
}

fn no_staging_left(dir: &Path) {
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tier0-"))
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
}

pub(super) fn assert_has(err: &str, needles: &[&str]) {
    for needle in needles {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

/// An article with front matter `yaml` (without fences) and a short body.
pub(super) fn article(yaml: &str) -> String {
    format!("---\n{yaml}---\n\nTexto.\n")
}

#[test]
fn malformed_yaml_is_located() {
    let (site, before) = good_site();
    site.write(
        "content/red/a-comillas.md",
        article("id: KB-2\ntitle: \"sin cerrar\n"),
    );
    site.write(
        "content/red/b-sangria.md",
        article("id: KB-3\ntitle: a\n  b: c\n"),
    );
    site.write(
        "content/red/c-lista.md",
        article("id: KB-4\ntitle: x\ntags: [a, b\n"),
    );
    site.write("content/red/d-sin-cierre.md", "---\nid: KB-5\ntitle: x\n");
    site.write("content/red/e-tab.md", article("id: KB-6\n\ttitle: x\n"));
    let err = fails_keeping_the_site(&site, &before, 1);
    assert_has(
        &err,
        &[
            // Where the quote that never closes opens.
            "content/red/a-comillas.md:3:8",
            "invalid YAML: found unexpected end of stream, while scanning a quoted scalar",
            "content/red/b-sangria.md:4:4",
            "mapping values are not allowed in this context",
            // Where the bracket that never closes opens.
            "content/red/c-lista.md:4:7",
            "did not find expected ',' or ']', while parsing a flow sequence",
            "content/red/d-sin-cierre.md:1:1",
            "front matter is not closed",
            "content/red/e-tab.md:3:1",
            "found a tab character that violates indentation",
            "the build found 5 error(s)",
        ],
    );
    // Positions in the messages would count from the YAML, not the file: none is left.
    assert!(!err.contains(" at line "), "{err}");
}

/// `a` holds 9 strings, `b` 9 `a`s, … `i` 9⁸ × 9 strings: about 390 million once expanded.
fn alias_bomb() -> String {
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ('a'..='h').zip('b'..='i') {
        let refs = vec![format!("*{prev}"); 9].join(",");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    yaml
}

#[test]
fn alias_bomb_in_a_known_key_fails_fast() {
    let (site, before) = good_site();
    site.write(
        "content/red/risas.md",
        article(&format!("{}id: KB-2\ntitle: x\ntags: *i\n", alias_bomb())),
    );
    let err = fails_keeping_the_site(&site, &before, 1);
    // libyaml stops the expansion, without a position: the key it was
    // reading is where to look.
    assert_has(
        &err,
        &[
            "content/red/risas.md:13:7",
            "invalid YAML: repetition limit exceeded",
        ],
    );
}

#[test]
fn alias_bomb_in_unknown_keys_is_never_expanded() {
    // Unknown keys are skipped without being decoded, so the bomb never
    // goes off: a warning per key, and the build goes on in bounded time.
    let site = Site::empty();
    site.write(
        "content/red/risas.md",
        article(&format!("{}id: KB-2\ntitle: Risas\n", alias_bomb())),
    );
    let err = builds(&site);
    assert_has(
        &err,
        &["content/red/risas.md:2:1", "unknown key `a` is ignored"],
    );
    assert!(site.public().join("red/risas/index.html").is_file());
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_quickly() {
    let (site, before) = good_site();
    let deep = 10_000;
    // Flow collections, in a known key and in an unknown one (libyaml's
    // time grows with the square of their depth, even for ignored values).
    site.write(
        "content/red/a-corchetes.md",
        article(&format!(
            "id: KB-2\ntitle: x\ntags: {}{}\n",
            "[".repeat(deep),
            "]".repeat(deep)
        )),
    );
    site.write(
        "content/red/b-llaves.md",
        article(&format!(
            "id: KB-3\ntitle: x\notra: {}1{}\n",
            "{a: ".repeat(deep),
            "}".repeat(deep)
        )),
    );
    // Block sequences of sequences, `- - - … x`.
    site.write(
        "content/red/c-guiones.md",
        article(&format!(
            "id: KB-4\ntitle: x\ntags:\n{}x\n",
            "- ".repeat(deep)
        )),
    );
    let err = fails_keeping_the_site(&site, &before, 1);
    assert_has(
        &err,
        &[
            // Column 7 is the first `[`; the 129th is refused.
            "content/red/a-corchetes.md:4:135",
            "`[` and `{` nest more than 128 levels deep here",
            "content/red/b-llaves.md:4:519",
            // Where the 129th level of `- ` starts.
            "content/red/c-guiones.md:5:255",
            "recursion limit exceeded",
            "the build found 3 error(s)",
        ],
    );
}

#[test]
fn ten_megabytes_of_front_matter_build_in_bounded_time() {
    let site = Site::empty();
    let description = "Una descripción muy larga. ".repeat(360_000);
    let tags: String = (0..10_000).map(|i| format!("  - etiqueta-{i}\n")).collect();
    let text = article(&format!(
        "id: KB-2\ntitle: Enorme\ndescription: {description}\ntags:\n{tags}"
    ));
    assert!(text.len() > 10_000_000);
    site.write("content/red/enorme.md", text);
    builds(&site);
    let page = site.read_public("red/enorme/index.html");
    assert!(page.contains("Enorme"));
}

#[test]
fn duplicate_keys_are_located() {
    let (site, before) = good_site();
    site.write(
        "content/red/doble.md",
        article("id: KB-2\ntitle: Uno\ntags: [a]\ntitle: Dos\n\"tags\": [b]\n"),
    );
    let err = fails_keeping_the_site(&site, &before, 1);
    assert_has(
        &err,
        &[
            "content/red/doble.md:5:1",
            "`title` is set twice",
            "content/red/doble.md:6:1",
            "`tags` is set twice",
            "keep only one of the two lines",
        ],
    );
}

#[test]
fn wrong_types_for_every_front_matter_field_are_located() {
    let (site, before) = good_site();
    // (field, wrong value, what is said about it at the value: `None` when
    // the value is read all the same, as a list of one or a single text).
    let cases = [
        ("id", "[a]", None),
        ("title", "[a]", None),
        (
            "description",
            "{a: b}",
            Some(
                "warning: `description` is a map, where tier0 reads a single value: it is ignored",
            ),
        ),
        ("tier", "[L1]", None),
        (
            "escalate_to",
            "{x: y}",
            Some("warning: `escalate_to` is a map"),
        ),
        ("type", "[faq]", None),
        ("lang", "[es]", None),
        ("category", "[red]", None),
        ("slug", "{a: 1}", Some("warning: `slug` is a map")),
        ("tags", "3", None),
        ("symptoms", "yes", None),
        (
            "error_codes",
            "{a: b}",
            Some("warning: `error_codes` is a map, where tier0 reads a list"),
        ),
        ("applies_to", "4.5", None),
        ("date", "yes", Some("error: `yes` is not a valid date")),
        ("updated", "[1]", Some("error: `1` is not a valid date")),
        ("reviewed", "{a: b}", Some("warning: `reviewed` is a map")),
        (
            "review_every",
            "-3",
            Some("warning: `review_every` is -3, not a number of days"),
        ),
        (
            "aliases",
            "{a: b}",
            Some("warning: `aliases` is a map, where tier0 reads a list"),
        ),
        (
            "draft",
            "\"maybe\"",
            Some("warning: `draft` is a string, where tier0 reads `true` or `false`"),
        ),
        ("audience", "[public]", None),
        (
            "weight",
            "x",
            Some("warning: `weight` is a string, where tier0 reads a whole number"),
        ),
        ("author", "[a]", None),
        ("team", "{a: b}", Some("warning: `team` is a map")),
    ];
    for (i, (field, value, _)) in cases.iter().enumerate() {
        // The wrong line is always line 4, after `---`, `id` and `title`
        // (or a comment when the field is one of those).
        let id = match *field {
            "id" => "# sin id".to_owned(),
            _ => format!("id: KB-{}", i + 10),
        };
        let title = match *field {
            "title" => "# sin título",
            _ => "title: T",
        };
        site.write(
            &format!("content/red/tipo-{}.md", field.replace('_', "-")),
            article(&format!("{id}\n{title}\n{field}: {value}\n")),
        );
    }
    let err = fails_keeping_the_site(&site, &before, 1);
    for (field, _, said) in cases {
        let column = field.len() + 3;
        let at = format!("content/red/tipo-{}.md:4:{column}", field.replace('_', "-"));
        match said {
            Some(message) => {
                let (message_at, _) = err.split_once(message).unwrap_or_else(|| {
                    panic!("missing {message:?} in:\n{err}");
                });
                let located = err[message_at.len()..].lines().nth(1).unwrap_or("");
                assert!(located.ends_with(&at), "{message:?} not at {at}:\n{err}");
            }
            None => assert!(!err.contains(&at), "{field} should be read:\n{err}"),
        }
    }
    assert_has(&err, &["the build found 2 error(s)"]);
}

#[test]
fn invalid_utf8_nul_bytes_and_control_characters_are_located() {
    let (site, before) = good_site();
    site.write(
        "content/red/a-latin1.md",
        b"---\nid: KB-2\ntitle: caf\xe9\n---\n".as_slice(),
    );
    site.write(
        "content/red/b-nul-cuerpo.md",
        "---\nid: KB-3\ntitle: x\n---\n\nantes \0 despues\n",
    );
    site.write(
        "content/red/c-nul-yaml.md",
        "---\nid: KB-4\ntitle: a\0b\n---\n",
    );
    site.write(
        "content/red/d-control.md",
        "---\nid: KB-5\ntitle: a\u{1}b\n---\n",
    );
    let err = fails_keeping_the_site(&site, &before, 1);
    assert_has(
        &err,
        &[
            "content/red/a-latin1.md:3:11",
            "this file is not valid UTF-8 text",
            "content/red/b-nul-cuerpo.md:6:7",
            "content/red/c-nul-yaml.md:3:9",
            "this file contains a NUL character",
            "content/red/d-control.md:3:9",
            "the control character U+0001 is not allowed",
            "the build found 4 error(s)",
        ],
    );
}

#[test]
fn a_binary_file_named_md_is_refused() {
    let (site, before) = good_site();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    png.extend((0..=255u8).cycle().take(4096));
    site.write("content/red/captura.md", png);
    let err = fails_keeping_the_site(&site, &before, 1);
    assert_has(
        &err,
        &[
            "content/red/captura.md:1:1",
            "not valid UTF-8",
            "binary files must not end in .md",
        ],
    );
}

#[test]
fn crlf_bom_and_mixed_line_endings_work() {
    let site = Site::empty();
    site.write(
        "content/red/crlf.md",
        "---\r\nid: KB-2\r\ntitle: Windows\r\n---\r\n\r\n1. Uno\r\n2. Dos\r\n",
    );
    site.write(
        "content/red/bom.md",
        "\u{feff}---\nid: KB-3\ntitle: Con BOM\n---\n\n1. Uno\n2. Dos\n",
    );
    site.write(
        "content/red/mixto.md",
        "\u{feff}---\r\nid: KB-4\ntitle: Mixto\r\ntags: [a]\n---\n\n1. Uno\r\n2. Dos\n3. Tres\r\r\nFin\rdel texto\n",
    );
    let err = builds(&site);
    assert!(!err.contains("warning:"), "{err}");
    for (page, title, steps) in [
        ("crlf", "Windows", 2),
        ("bom", "Con BOM", 2),
        ("mixto", "Mixto", 3),
    ] {
        let html = site.read_public(&format!("red/{page}/index.html"));
        assert!(html.contains("<h1") && html.contains(title), "{page}");
        assert!(
            !html.contains('\u{feff}'),
            "{page}: the BOM reached the page"
        );
        for step in 1..=steps {
            assert!(
                html.contains(&format!("id=\"paso-{step}\"")),
                "{page}: step {step}"
            );
        }
    }
}

#[test]
fn a_hundred_levels_of_nested_lists_and_blockquotes_work() {
    let site = Site::empty();
    let mut body = String::new();
    for level in 0..100 {
        body.push_str(&format!("{}- nivel {level}\n", "  ".repeat(level)));
    }
    body.push('\n');
    body.push_str(&format!("{}cita profunda\n", "> ".repeat(100)));
    site.write(
        "content/red/anidado.md",
        format!("---\nid: KB-2\ntitle: Anidado\n---\n\n{body}"),
    );
    builds(&site);
    let html = site.read_public("red/anidado/index.html");
    assert!(html.matches("<ul>").count() >= 100, "100 nested lists");
    assert!(
        html.matches("<blockquote>").count() >= 100,
        "100 blockquotes"
    );
    assert!(html.contains("nivel 99") && html.contains("cita profunda"));
}

#[test]
fn a_one_megabyte_line_works() {
    let site = Site::empty();
    let line = "palabra ".repeat(131_072);
    site.write(
        "content/red/linea.md",
        format!("---\nid: KB-2\ntitle: Línea\n---\n\n{line}fin\n"),
    );
    builds(&site);
    let html = site.read_public("red/linea/index.html");
    assert!(html.len() > 1_000_000 && html.contains("palabra fin"));
}

mod files;

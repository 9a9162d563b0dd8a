//! `tier0 check`: every finding, its exact JSON, and the exit codes.

use crate::support::{Site, stderr};

const TODAY: &str = "2026-11-21";

fn check(site: &Site, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--today", TODAY];
    args.extend_from_slice(extra);
    site.tier0(&args).output().unwrap()
}

#[test]
fn json_report_lists_every_finding() {
    let site = Site::fixture("check");
    let out = check(&site, &["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken link is an error: {}",
        stderr(&out)
    );
    insta::assert_snapshot!("check_json", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn human_report_lists_stale_articles_oldest_first() {
    let site = Site::fixture("check");
    let out = check(&site, &[]);
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let never = text.find("never").expect("undated article listed");
    let old = text.find("2025-01-10").expect("old review listed");
    assert!(never < old, "{text}");
    assert!(text.contains("590 days overdue  L3   Ana"), "{text}");
    assert!(
        text.ends_with(
            "1 error(s), 4 warning(s), 2 article(s) due for review, 1 waiting for validation\n"
        ),
        "{text}"
    );
    let err = stderr(&out);
    assert!(
        err.contains("content/red/borrador.md:7:5"),
        "drafts are checked too: {err}"
    );
    assert!(err.contains("did you mean `symptoms`?"), "{err}");
    assert!(!site.root().join("public").exists(), "check writes nothing");
}

#[test]
fn warnings_fail_only_with_strict() {
    let site = Site::fixture("check");
    std::fs::remove_file(site.root().join("content/red/borrador.md")).unwrap();
    assert_eq!(check(&site, &[]).status.code(), Some(0));
    assert_eq!(check(&site, &["--strict"]).status.code(), Some(1));
}

#[test]
fn a_new_knowledge_base_passes_strict() {
    let site = Site::empty();
    site.tier0(&["init", "kb"]).assert().success();
    let out = site
        .tier0(&["check", "--strict", "--root", "kb", "--today", "2026-02-01"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stderr(&out),
        String::from_utf8_lossy(&out.stdout)
    );
    let out = site
        .tier0(&["check", "--strict", "--root", "kb", "--today", "2027-01-01"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a year later its articles are due for review"
    );
}

#[test]
fn check_cannot_run_without_content() {
    let out = check(&Site::empty(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let out = Site::fixture("basic")
        .tier0(&["check", "--today", "21/11/2026"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_stage_reports_its_problems_in_one_run() {
    // A parse error, two articles sharing an id (a link error) and a broken
    // link (a render error), each in its own file: `check` and a strict
    // build name all three, not the first stage's alone.
    let site = Site::empty();
    site.write("tier0.yaml", "title: Ayuda\n");
    site.write(
        "content/red/tier.md",
        "---\nid: KB-1\ntitle: Tier\ntier: L9\n---\nTexto.\n",
    );
    site.write(
        "content/red/uno.md",
        "---\nid: KB-2\ntitle: Uno\n---\nTexto.\n",
    );
    site.write(
        "content/red/dos.md",
        "---\nid: KB-2\ntitle: Dos\n---\nTexto.\n",
    );
    site.write(
        "content/red/enlace.md",
        "---\nid: KB-3\ntitle: Enlace\n---\nVea [esto](no-existe.md).\n",
    );
    let expect_all = |err: &str, what: &str| {
        for (file, problem) in [
            ("content/red/tier.md", "unknown tier `L9`"),
            ("content/red/dos.md", "KB-2"),
            ("content/red/enlace.md", "no-existe.md"),
        ] {
            assert!(
                err.lines().any(|l| l.contains(file)) && err.contains(problem),
                "{what} does not report {problem} in {file}:\n{err}"
            );
        }
    };
    let out = check(&site, &[]);
    assert_eq!(out.status.code(), Some(1));
    expect_all(&stderr(&out), "check");
    let out = site.tier0(&["build", "--strict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    expect_all(&stderr(&out), "build --strict");
    assert!(
        !site.root().join("public").exists(),
        "a failed build writes nothing"
    );
}

//! A lenient build: one bad article never blocks the rest.
//!
//! By default a problem confined to one article leaves it out (exit 3) or
//! is a warning (exit 0), and the rest is published; `--strict`,
//! `strict: true` and `tier0 check` stop at any problem (exit 1) and write
//! nothing; problems of the whole site always stop the build.

use crate::support::{Site, stderr, tree};

fn article(id: &str, title: &str, body: &str) -> String {
    format!("---\nid: {id}\ntitle: {title}\n---\n\n{body}\n")
}

/// Two good articles, one with front matter that cannot be read.
fn site() -> Site {
    let site = Site::empty();
    site.write("content/red/wifi.md", article("KB-1", "Wifi", "Reinicie."));
    site.write(
        "content/red/vpn.md",
        article("KB-2", "VPN", "Vea [wifi](wifi.md)."),
    );
    site.write(
        "content/red/roto.md",
        "---\nid: KB-3\ntitle: [sin cerrar\n---\n\nTexto.\n",
    );
    site
}

fn run(site: &Site, args: &[&str], code: i32) -> String {
    let output = site.tier0(args).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn a_broken_article_is_left_out_and_named_and_the_rest_is_published() {
    let site = site();
    let err = run(&site, &["build"], 3);
    assert!(err.contains("content/red/roto.md:3:"), "{err}");
    assert!(
        err.contains("Published 2 articles") && err.contains("1 file(s) left out for errors"),
        "{err}"
    );
    assert!(site.public().join("red/wifi/index.html").exists());
    assert!(site.public().join("red/vpn/index.html").exists());
    assert!(!site.public().join("red/roto").exists());
    // Quiet still says what was left out.
    let quiet = run(&site, &["build", "--quiet"], 3);
    assert!(quiet.contains("content/red/roto.md:3:"), "{quiet}");
    assert!(quiet.contains("1 file(s) left out"), "{quiet}");
}

#[test]
fn strict_builds_stop_at_any_problem_and_write_nothing() {
    let site = site();
    let err = run(&site, &["build", "--strict"], 1);
    assert!(err.contains("content/red/roto.md:3:"), "{err}");
    assert!(!site.public().exists());
    site.write("tier0.yaml", "strict: true\n");
    run(&site, &["build"], 1);
    assert!(!site.public().exists());
    run(&site, &["check"], 1);
}

#[test]
fn check_stays_strict() {
    let site = site();
    let err = run(&site, &["check"], 1);
    assert!(err.contains("content/red/roto.md:3:"), "{err}");
}

#[test]
fn a_broken_link_is_published_with_a_warning() {
    let site = Site::empty();
    site.write(
        "content/red/wifi.md",
        article(
            "KB-1",
            "Wifi",
            "Vea [la guía](no-existe.md) y [el paso](vpn.md#nada).",
        ),
    );
    site.write("content/red/vpn.md", article("KB-2", "VPN", "Texto."));
    let err = run(&site, &["build"], 0);
    assert!(err.contains("warning: broken link"), "{err}");
    assert!(err.contains("content/red/wifi.md:6:"), "{err}");
    assert!(
        err.contains("0 file(s) left out for errors, 1 with warnings"),
        "{err}"
    );
    assert!(site.read_public("red/wifi/index.html").contains("la guía"));
    run(&site, &["build", "--strict"], 1);
}

#[test]
fn of_two_articles_in_conflict_the_one_named_is_left_out() {
    let site = Site::empty();
    site.write("content/red/a.md", article("KB-1", "Uno", "Uno."));
    site.write("content/red/b.md", article("KB-1", "Dos", "Dos."));
    site.write("content/red/c.md", article("KB-3", "Tres", "Tres."));
    let err = run(&site, &["build"], 3);
    assert!(err.contains("KB-1"), "{err}");
    assert!(site.public().join("red/c/index.html").exists());
    let published = ["red/a/index.html", "red/b/index.html"]
        .iter()
        .filter(|p| site.public().join(p).exists())
        .count();
    assert!(
        published <= 1,
        "at most one of the two is published:\n{err}"
    );
}

#[test]
fn problems_of_the_whole_site_always_stop_the_build() {
    let site = site();
    run(&site, &["build"], 3);
    let before = tree(&site.public());
    site.write("tier0.yaml", "default_language: [es\n");
    let err = run(&site, &["build"], 1);
    assert!(err.contains("tier0.yaml:1:"), "{err}");
    site.write("tier0.yaml", "theme: mio\n");
    site.write("themes/mio/templates/article.html", "{{ no_such_value }}");
    let err = run(&site, &["build"], 1);
    assert!(err.contains("template"), "{err}");
    assert_eq!(tree(&site.public()), before);
}

/// A folder brought from another tool gives one warning of a kind per file
/// (here: no `id`): a build lists the first five of the kind and counts the
/// rest; `--verbose` and `check` list every one, and errors are never
/// abridged.
#[test]
fn a_build_abridges_warnings_of_one_kind_and_check_lists_them_all() {
    let site = Site::empty();
    for n in 1..=8 {
        site.write(
            &format!("content/red/nota-{n}.md"),
            format!("---\ntitle: Nota {n}\n---\n\nTexto.\n"),
        );
    }
    for n in 1..=7 {
        site.write(
            &format!("content/red/rota-{n}.md"),
            format!("---\nid: KB-{n}\ntitle: [sin cerrar {n}\n---\n\nTexto.\n"),
        );
    }
    let no_id = |err: &str| err.matches("the article has no `id`").count();
    let build = run(&site, &["build"], 3);
    assert_eq!(no_id(&build), 5 + 1, "{build}");
    assert!(
        build.contains(
            "warning: 3 more like \"the article has no `id`; using `red-nota-1`\" are not listed"
        ),
        "{build}"
    );
    assert_eq!(build.matches("content/red/rota-").count(), 7, "{build}");
    let verbose = run(&site, &["build", "--verbose", "--replace-output"], 3);
    assert_eq!(no_id(&verbose), 8, "{verbose}");
    let check = run(&site, &["check"], 1);
    assert_eq!(no_id(&check), 8, "{check}");
    assert!(!check.contains("more like"), "{check}");
}

#[test]
fn an_alias_another_page_already_uses_is_dropped_and_the_page_published() {
    let site = Site::empty();
    site.write(
        "content/a.md",
        "---\nid: KB-1\ntitle: A\naliases: [/old/]\n---\nA.\n",
    );
    site.write(
        "content/b.md",
        "---\nid: KB-2\ntitle: B\naliases: [/old/]\n---\nB.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: an alias of `KB-2` would be written to `/old/`"),
        "{err}"
    );
    assert!(err.contains("the alias is left out"), "{err}");
    assert!(site.read_public("b/index.html").contains("<h1>B</h1>"));
    assert!(site.read_public("old/index.html").contains("a/"));
    let strict = site.tier0(&["build", "--strict"]).output().unwrap();
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
}

//! Bad input: every problem reported at once, located, and the previous site kept.

use crate::support::{Site, failing_build, stderr};

#[test]
fn parse_errors_are_all_reported_with_file_line_and_column() {
    let site = Site::fixture("invalid-parse");
    let err = failing_build(&site, 1);
    for located in [
        // Where the unclosed `[` opens.
        "content/red/b-bad-yaml.md:3:8",
        "content/red/d-unknown-tier.md:4:7",
        "content/red/e-bad-date.md:4:7",
        "content/red/f-bad-utf8.md:3:11",
        // Warnings, located too.
        "content/red/c-missing-title.md:2:1",
        "content/red/g-bad-slug.md:4:7",
        "content/red/h-unknown-key.md:4:1",
    ] {
        assert!(err.contains(located), "missing {located} in:\n{err}");
    }
    for message in [
        "invalid YAML",
        "unknown tier `L9`",
        "`2026-02-30` is not a valid date",
        "not valid UTF-8",
        "use one of: L1, L2, L3, L4",
        "warning: the article has no title; using `C missing title`, from its file name",
        "warning: slug `../../x` is not a path inside the site; it is ignored",
        "did you mean `symptoms`?",
        "the build found 4 error(s)",
    ] {
        assert!(err.contains(message), "missing {message:?} in:\n{err}");
    }
}

#[test]
fn broken_links_and_anchors_are_located() {
    let err = failing_build(&Site::fixture("invalid-link"), 1);
    for needle in [
        "content/red/dos.md:6:5",
        "has no anchor `#paso-9`",
        "did you mean `#paso-1`?",
        "content/red/dos.md:8:5",
        "no published article at `content/red/no-existe.md`",
        "content/red/dos.md:10:5",
        "no article has the id `KB-404`",
        "content/red/dos.md:12:5",
        "has no anchor `#nada`",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn duplicate_ids_paths_and_reserved_aliases() {
    let err = failing_build(&Site::fixture("invalid-duplicates"), 1);
    assert!(
        err.contains("id `KB-1` is already used by content/red/otro.md"),
        "{err}"
    );
    assert!(err.contains("content/red/uno.md:2:5"), "{err}");
    assert!(
        err.contains("would be written to `/red/uno/`, which article `KB-3` already uses"),
        "{err}"
    );
    assert!(
        err.contains("an alias of `KB-4` would be written to `/kb/KB-1/`"),
        "{err}"
    );
    assert!(err.contains("content/red/cuatro.md:4:10"), "{err}");
}

#[test]
fn config_errors_are_located_in_tier0_yaml() {
    let err = failing_build(&Site::fixture("invalid-config"), 1);
    assert!(err.contains("tier0.yaml:3:12"), "{err}");
    assert!(err.contains("expected a sequence"), "{err}");
    let err = failing_build(&Site::fixture("invalid-config2"), 1);
    assert!(
        err.contains("tier0.yaml:2:18") && err.contains("escalation tier `L7`"),
        "{err}"
    );
    assert!(
        err.contains("tier0.yaml:3:19") && err.contains("default language `fr`"),
        "{err}"
    );
}

#[test]
fn a_page_that_would_leave_the_output_is_refused() {
    let site = Site::fixture("basic");
    site.write(
        "content/red/escape.md",
        "---\nid: KB-9\ntitle: x\naliases: ['/../../etc/']\n---\n",
    );
    let err = failing_build(&site, 1);
    assert!(
        err.contains("alias `/../../etc/` is not a path inside the site"),
        "{err}"
    );
    assert!(err.contains("content/red/escape.md:4:10"), "{err}");
}

#[test]
fn template_errors_name_the_template() {
    let site = Site::fixture("basic");
    site.write("themes/default/templates/category.html", "{% for x in %}");
    let err = failing_build(&site, 1);
    assert!(err.contains("category.html"), "{err}");
}

#[test]
fn templates_that_fail_while_rendering_stop_the_build() {
    // Article pages and the other pages are rendered in separate passes
    // (the second one beside the search index): both must fail the build.
    for template in ["article.html", "tier.html", "redirect.html"] {
        let site = Site::fixture("basic");
        site.write(
            &format!("themes/default/templates/{template}"),
            "{{ no_such_value.field }}",
        );
        let err = failing_build(&site, 1);
        assert!(err.contains("template failed"), "{template}: {err}");
        assert!(err.contains(template), "{template}: {err}");
    }
}

#[test]
fn a_search_form_that_reads_page_values_is_refused_once() {
    // The form is shared by the pages of a language: it sees `site` and
    // `t`, and the error says so, once for the whole build.
    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/partials/search.html",
        "<form>{{ page.title }}</form>",
    );
    let err = failing_build(&site, 1);
    let failed = "template failed: partials/search.html (rendered with `site` and `t` only)";
    assert_eq!(err.matches(failed).count(), 1, "{err}");
    assert!(err.contains("the build found 1 error(s)"), "{err}");
}

#[test]
fn every_broken_template_is_reported_once() {
    // A broken template fails every page made with it; each says so once,
    // whichever pass renders it, and beside broken links.
    let site = Site::fixture("basic");
    for name in ["article", "tier", "redirect"] {
        site.write(
            &format!("themes/default/templates/{name}.html"),
            format!("{{{{ no_such_value_in_{name} }}}}"),
        );
    }
    site.write(
        "content/red/roto.md",
        "---\nid: KB-9\ntitle: Roto\n---\n\n[x](KB-404)\n",
    );
    for command in ["build", "check"] {
        let output = site.tier0(&[command]).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{command}");
        let err = stderr(&output);
        for name in ["article", "tier", "redirect"] {
            let failed = format!("template failed: {name}.html");
            assert_eq!(
                err.matches(&failed).count(),
                1,
                "{command}: {failed}: {err}"
            );
        }
        assert!(err.contains("content/red/roto.md:6:1"), "{command}: {err}");
    }
}

#[test]
fn a_missing_content_folder_cannot_run() {
    let site = Site::empty();
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read the content folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_output_that_would_swallow_the_sources_is_refused() {
    let site = Site::fixture("basic");
    let output = site.tier0(&["build", "--out", "."]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(site.root().join("content/red/wifi.md").exists());
    let output = site
        .tier0(&["build", "--out", "tier0.yaml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(site.root().join("tier0.yaml"))
            .unwrap()
            .contains("tiers")
    );
}

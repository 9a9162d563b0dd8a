//! Hostile article content: values and Markdown written to break tier0's
//! checks and rendering, and what it must do instead (see `hostile.rs` for
//! the limits every case runs under).

use crate::hostile::{article, assert_has, builds, expect_exit, tier0};
use crate::support::Site;

/// A site with one article at `content/a.md`.
fn site_with(text: &str) -> Site {
    let site = Site::empty();
    site.write("content/a.md", text);
    site
}

/// `tier0 check --format json` on `today`: ends without a panic; its report.
fn check_json(site: &Site, today: &str) -> serde_json::Value {
    let mut cmd = tier0(site, &["check", "--format", "json", "--today", today]);
    let output = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!err.contains("panicked"), "tier0 panicked:\n{err}");
    assert!(matches!(output.status.code(), Some(0 | 1)), "{err}");
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn review_dates_past_year_9999_are_not_due() {
    for yaml in [
        "id: KB-1\ntitle: A\nreviewed: 9999-12-01\n",
        "id: KB-1\ntitle: A\ndate: 9999-12-31\n",
        "id: KB-1\ntitle: A\nreviewed: 2026-01-01\nreview_every: 3000000\n",
        "id: KB-1\ntitle: A\nreviewed: 2026-01-01\nreview_every: 4294967295\n",
    ] {
        let site = site_with(&article(yaml));
        let report = check_json(&site, "9999-12-31");
        assert_eq!(report["summary"]["stale"], 0, "{yaml}\n{report}");
    }
    let site = site_with(&article("id: KB-1\ntitle: A\nreviewed: 2026-01-01\n"));
    site.write("tier0.yaml", "defaults:\n  review_every: 4294967295\n");
    let report = check_json(&site, "9999-12-31");
    assert_eq!(report["summary"]["stale"], 0, "{report}");
    // A review that falls due before the end of the calendar still is.
    let site = site_with(&article("id: KB-1\ntitle: A\nreviewed: 9998-06-01\n"));
    let report = check_json(&site, "9999-12-31");
    assert_eq!(report["summary"]["stale"], 1, "{report}");
}

#[test]
fn thousands_of_problems_in_one_file_are_each_located() {
    let mut text = String::from("---\nid: KB-1\ntitle: A\n---\n\n");
    text.push_str(&"Texto de relleno.\n".repeat(20_000));
    let problems = 3000;
    for i in 0..problems {
        text.push_str(&format!("[x](m{i:03}.md)\n"));
    }
    let site = site_with(&text);
    let mut cmd = tier0(&site, &["check"]);
    let output = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.matches("broken link").count(), problems, "{err}");
    let last_line = 6 + 20_000 + problems - 1;
    assert_has(&err, &[&format!("content/a.md:{last_line}:1")]);
}

#[test]
fn unclosed_admonitions_nest_no_deeper_than_the_limit() {
    let text = format!(
        "---\nid: KB-1\ntitle: A\n---\n{}",
        ":::note\nx\n".repeat(3000)
    );
    let site = site_with(&text);
    let err = builds(&site);
    // The 17th opener, on line 5 + 2 × 16.
    assert_has(
        &err,
        &[
            "content/a.md:37:1",
            "2984 containers nested more than 16 deep shown as text",
            "close each `:::` container",
        ],
    );
    let page = site.read_public("a/index.html");
    let deepest = page
        .split("<blockquote")
        .scan(0i64, |depth, piece| {
            *depth += 1 - piece.matches("</blockquote>").count() as i64;
            Some(*depth)
        })
        .max()
        .unwrap();
    assert!(deepest <= 17, "{deepest} nested block quotes");
}

#[test]
fn numbers_past_64_bits_are_text_or_located_warnings() {
    let big = "99999999999999999999999";
    let site = Site::empty();
    site.write(
        "content/a.md",
        article(&format!(
            "id: {big}\ntitle: A\nweight: {big}\ntags: [red, {big}]\nreview_every: 18446744073709551615\n"
        )),
    );
    site.write(
        "content/b.md",
        article(&format!(
            "id: KB-2\ntitle: B\nweight: -{big}\ndate: {big}\n"
        )),
    );
    site.write(
        "content/c.md",
        format!("+++\nid = \"KB-3\"\ntitle = \"C\"\nweight = {big}\n+++\n\nTexto.\n"),
    );
    // b.md is left out for its date, as any date that is not one.
    let err = expect_exit(&mut tier0(&site, &["build"]), 3);
    assert!(!err.contains("u128") && !err.contains("i128"), "{err}");
    assert!(!err.contains("indent"), "{err}");
    assert_has(
        &err,
        &[
            "content/a.md:4:9",
            &format!("`weight` is {big}, too large a number: it is ignored"),
            "content/a.md:6:15",
            "`review_every` is 18446744073709551615, too large a number",
            "content/b.md:4:9",
            &format!("`weight` is -{big}, too large a number"),
            "content/b.md:5:7",
            &format!("`{big}` is not a valid date"),
            "content/c.md:4:10",
        ],
    );
    // The id and the tag are text, as numbers are where text is wanted.
    let page = site.read_public("a/index.html");
    assert!(page.contains(big), "the id or tag is shown");
    assert!(site.public().join("c/index.html").exists());
}

#[test]
fn an_empty_fragment_is_the_top_of_the_page() {
    let site = Site::empty();
    site.write(
        "content/a.md",
        "---\nid: KB-0001\ntitle: A\n---\n\n## Uno\n\n[Back to top](#) and [x](KB-0002#) and [y](KB-0002#nada)\n",
    );
    site.write(
        "content/b.md",
        "---\nid: KB-0002\ntitle: B\n---\n\nTexto.\n",
    );
    let err = builds(&site);
    assert_eq!(err.matches("has no anchor").count(), 1, "{err}");
    assert_has(&err, &["has no anchor `#nada`"]);
    assert!(!err.contains("anchor `#`"), "{err}");
}

#[test]
fn a_line_break_in_a_file_name_stays_out_of_the_header() {
    let site = Site::empty();
    site.write(
        "content/a\nb\t.md",
        "---\nid: KB-1\ntitle: A\n---\n\n[x](nada.md)\n",
    );
    let err = builds(&site);
    assert_has(&err, &["content/a␊b␉.md:6:1", "broken link"]);
    assert!(!err.contains("content/a\n"), "{err}");
}

#[test]
fn headings_and_steps_never_take_the_page_templates_ids() {
    let site = Site::empty();
    site.write(
        "content/a.md",
        "---\nid: KB-1\ntitle: A\n---\n\n## Main\n\n## Still stuck\n\n## Solved\n\n## Toc title\n\n\
         ## Paso 1\n\n1. Uno\n2. Dos\n\n## Otro {#paso-2}\n\nTexto.\n",
    );
    site.write(
        "content/b.md",
        "---\nid: KB-2\ntitle: B\n---\n\n1. Uno\n2. Dos\n\n## Otro {#paso-2}\n\n## Fin {#main}\n",
    );
    let err = builds(&site);
    let page = site.read_public("a/index.html");
    for id in ["main", "still-stuck", "solved", "toc-title"] {
        let written = format!(" id=\"{id}\"");
        assert_eq!(page.matches(&written).count(), 1, "{id} twice in:\n{page}");
        assert!(page.contains(&format!("<h2 id=\"{id}-1\"")), "{id}");
    }
    // The steps of one list read alike, and leave `paso-2` to the heading.
    assert!(page.contains("<li id=\"paso-1-paso-1\""), "{page}");
    assert!(page.contains("<li id=\"paso-1-paso-2\""), "{page}");
    assert!(page.contains("<h2 id=\"paso-2\""), "{page}");
    // An id written for a heading is kept for it: the step before it
    // passes over it. One the page's template holds is renamed, and said
    // so where it is written.
    let b = site.read_public("b/index.html");
    assert!(b.contains("<h2 id=\"paso-2\""), "{b}");
    assert!(b.contains("<li id=\"paso-2-1\""), "{b}");
    assert_has(
        &err,
        &[
            "content/b.md:11:1",
            "the heading id `{#main}` is taken on this page",
            "the heading gets `main-1`",
            "choose another id",
        ],
    );
    assert!(!err.contains("{#paso-2}"), "{err}");
    assert!(!err.contains("content/a.md"), "{err}");
}

#[test]
fn headings_never_take_the_ids_of_a_sites_own_templates() {
    let site = Site::empty();
    site.write(
        "themes/default/templates/partials/search.html",
        "<form id=\"buscador\"></form>",
    );
    site.write(
        "content/_index.md",
        "---\ntitle: Inicio\n---\n\n## Buscador\n\nTexto.\n",
    );
    site.write(
        "content/a.md",
        "---\nid: KB-1\ntitle: A\n---\n\n## Buscador\n\nTexto.\n",
    );
    builds(&site);
    for page in ["index.html", "a/index.html"] {
        let html = site.read_public(page);
        assert_eq!(
            html.matches(" id=\"buscador\"").count(),
            1,
            "{page}: {html}"
        );
        assert!(html.contains("<h2 id=\"buscador-1\""), "{page}: {html}");
    }
}

#[test]
fn an_id_written_for_a_heading_is_its_own_even_when_an_earlier_heading_would_take_it() {
    let site = Site::empty();
    site.write(
        "content/a.md",
        "---\nid: KB-1\ntitle: A\n---\n\n[Ir](#instalar)\n\n## Instalar\n\nAntes.\n\n\
         ## Instalar de nuevo {#instalar}\n\nDespués.\n\n## Instalar\n",
    );
    let err = builds(&site);
    let page = site.read_public("a/index.html");
    let headings: Vec<&str> = page
        .split("<h2 id=\"")
        .skip(1)
        .filter_map(|h| h.split('<').next())
        .take(3)
        .collect();
    // Those suffixed answer to MkDocs's `instalar_1`, `instalar_2` too.
    for n in [1, 2] {
        let heading = format!("<h2 id=\"instalar-{n}\"><span id=\"instalar_{n}\"></span>Instalar<");
        assert!(page.contains(&heading), "{page}");
    }
    assert_eq!(
        headings,
        [
            "instalar-1\">",
            "instalar\">Instalar de nuevo",
            "instalar-2\">"
        ],
        "{page}"
    );
    assert!(!err.contains("is taken on this page"), "{err}");
}

/// An id written in raw HTML is a link target as a written heading id is:
/// a heading whose text gives the same id took it too, and the page held
/// two elements of one id.
#[test]
fn a_heading_passes_over_the_ids_that_raw_html_writes() {
    let site = Site::empty();
    site.write(
        "content/a.md",
        "---\nid: KB-1\ntitle: A\n---\n\n## Paso\n\nAntes.\n\n<a name=\"paso\"></a>\n\n\
         <a id=\"instalar\"></a>\n\n## Instalar\n\n<div ID = 'notas'>x</div>\n\n## Notas\n",
    );
    builds(&site);
    let page = site.read_public("a/index.html");
    let headings: Vec<&str> = page
        .split("<h2 id=\"")
        .skip(1)
        .filter_map(|h| h.split('"').next())
        .take(3)
        .collect();
    assert_eq!(headings, ["paso-1", "instalar-1", "notas-1"], "{page}");
    assert_eq!(page.matches("id=\"instalar\"").count(), 1, "{page}");
}

#[test]
fn an_unclosed_comment_or_raw_text_element_is_located_and_closed() {
    let site = Site::empty();
    site.write(
        "content/a.md",
        "---\nid: KB-1\ntitle: A\n---\n\nAntes.\n\n<!-- TODO\n\n1. Paso\n",
    );
    site.write(
        "content/b.md",
        "---\nid: KB-2\ntitle: B\n---\n\nUn <textarea> abierto.\n\n1. Paso\n",
    );
    site.write(
        "content/c.md",
        "---\nid: KB-3\ntitle: C\n---\n\n<!-- cerrado -->\n\n<script>x()</script>\n",
    );
    let err = builds(&site);
    assert_has(
        &err,
        &[
            "content/a.md:8:1",
            "this HTML comment `<!--` is never closed",
            "write `-->` where it should end",
            "content/b.md:6:4",
            "this `<textarea>` element is never closed",
        ],
    );
    assert!(!err.contains("content/c.md"), "{err}");
    // The page after the body is whole: the comment ends with the body.
    let page = site.read_public("a/index.html");
    let opened = page.find("<!-- TODO").unwrap();
    let closed = opened + page[opened..].find("-->").unwrap();
    let still_stuck = page.find("id=\"still-stuck\"").unwrap();
    assert!(closed < still_stuck, "{page}");
    let page = site.read_public("b/index.html");
    assert!(page.contains("</textarea>"), "{page}");
}

#[test]
fn classic_mac_line_endings_keep_the_front_matter() {
    let site =
        site_with("---\rid: KB-1\rtitle: Mac\rtags: [a]\r---\r\r1. Uno\r2. Dos\r\r[x](nada.md)\r");
    let err = builds(&site);
    assert!(!err.contains("no id") && !err.contains("no title"), "{err}");
    // Lines are counted as an editor shows them.
    assert_has(&err, &["content/a.md:10:1", "broken link"]);
    let page = site.read_public("a/index.html");
    assert!(
        page.contains("Mac") && page.contains("id=\"paso-2\""),
        "{page}"
    );
}

/// A block comment after an expression (`x /* y */`, from fastify's
/// docs) sent bat's JavaScript grammar into a loop syntect never leaves:
/// the build hung on one code block.
#[test]
fn a_javascript_comment_after_an_expression_is_highlighted_in_bounded_time() {
    let code = "x /* y */\nreturn instance.initialConfig\n/*\nwill return\n*/\nz /*\n";
    for fence in ["js", "javascript", "jsx"] {
        let site = site_with(&format!(
            "---\nid: KB-1\ntitle: A\n---\n\n```{fence}\n{code}```\n"
        ));
        builds(&site);
        let page = site.read_public("a/index.html");
        assert!(
            page.contains("<span class=\"hl-comment\">/* y */</span>"),
            "{fence}: {page}"
        );
    }
}

#[test]
fn a_file_named_with_a_url_s_own_characters_is_linked_to_itself() {
    // `a?b.png` was linked as `a?b.png`: the file `a` with a query.
    let site = site_with(&format!(
        "{}\n![q](a%3Fb.png) ![h](<x%23y.png>) ![p](100%25.png) \
         ![g](.gitbook/assets/c%3Fd.png)\n",
        article("id: KB-1\ntitle: A\n")
    ));
    for name in ["a?b.png", "x#y.png", "100%.png", ".gitbook/assets/c?d.png"] {
        site.write(&format!("content/{name}"), "PNG");
    }
    builds(&site);
    let page = site.read_public("a/index.html");
    assert_has(
        &page,
        &[
            "src=\"../a%3Fb.png\"",
            "src=\"../x%23y.png\"",
            "src=\"../100%25.png\"",
            "src=\"../gitbook/assets/c%3Fd.png\"",
        ],
    );
    assert_eq!(site.read_public("a?b.png"), "PNG");
}

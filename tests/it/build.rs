//! A successful build of a small site: what is written, and where.

use crate::support::{Site, stderr, tree};

fn built_basic() -> Site {
    let site = Site::fixture("basic");
    site.tier0(&["build"]).assert().success();
    site
}

#[test]
fn writes_every_kind_of_page() {
    let site = built_basic();
    let files = tree(&site.public());
    for expected in [
        "index.html",
        "en/index.html",
        "red/index.html",
        "red/wifi/index.html",
        "en/red/wifi/index.html",
        "vpn/conectar/index.html",
        "vpn/crlf-bom/index.html",
        "kb/KB-1/index.html",
        "en/kb/KB-1/index.html",
        "antiguo/wifi/index.html",
        "tiers/l1/index.html",
        "en/tiers/l3/index.html",
        "red/logo.svg",
        "404.html",
        "atom.xml",
        "en/atom.xml",
        "robots.txt",
        "articles.json",
    ] {
        assert!(
            files.contains_key(expected),
            "missing {expected}; have {:?}",
            files.keys().collect::<Vec<_>>()
        );
    }
    assert!(
        files
            .keys()
            .any(|k| k.starts_with("static/style.") && k.ends_with(".css"))
    );
    assert!(
        !files.contains_key("sitemap.xml"),
        "no sitemap without an absolute base_url"
    );
}

#[test]
fn an_overridden_search_form_is_on_every_page_with_its_own_links() {
    // The form is rendered once per language and folder depth, not per
    // page: each page must still get the form of its own language, with
    // links that start from its own folder.
    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/partials/search.html",
        "<form data-mine data-root=\"{{ site.root }}\" lang=\"{{ site.lang }}\">{{ t.search_button }}</form>",
    );
    site.tier0(&["build"]).assert().success();
    for (page, root, lang) in [
        ("index.html", "", "es"),
        ("red/index.html", "../", "es"),
        ("red/wifi/index.html", "../../", "es"),
        ("en/red/wifi/index.html", "../../../", "en"),
        ("en/tiers/l3/index.html", "../../../", "en"),
        ("404.html", "", "es"),
    ] {
        let html = site.read_public(page);
        let form = format!("<form data-mine data-root=\"{root}\" lang=\"{lang}\">");
        assert_eq!(html.matches(&form).count(), 1, "{page}: {html}");
        assert!(!html.contains("class=\"search\""), "{page}: {html}");
    }
    assert!(
        site.read_public("red/wifi/index.html")
            .contains(">Buscar</form>")
    );
    assert!(
        site.read_public("en/red/wifi/index.html")
            .contains(">Search</form>")
    );
}

#[test]
fn article_page_has_ids_steps_alerts_and_gfm() {
    let site = built_basic();
    let html = site.read_public("red/wifi/index.html");
    for needle in [
        r##"<h2 id="configuracion-de-red">"##,
        r##"<h2 id="configuracion-de-red-1">"##,
        r##"<li id="paso-1" class="step">"##,
        r##"<li id="paso-2" class="step">"##,
        r##"class="heading-anchor" href="#configuracion-de-red""##,
        r##"<div class="alert alert-warning" role="note"><p class="alert-title">Advertencia</p>"##,
        "<table>",
        r##"<input disabled="" type="checkbox" checked=""/>"##,
        r##"class="footnote-definition""##,
        r##"href="../../vpn/conectar/index.html#paso-2""##,
        r##"href="../../vpn/conectar/index.html""##,
        r##"src="../../red/logo.svg""##,
        r##"href="#configuracion-de-red""##,
        r##"href="../../tiers/l3/index.html""##,
        "KB-1",
        "Ana",
        "Redes",
        "https://soporte.example/nuevo?id=KB%2D1&amp;t=El%20Wi%2DFi%20%3Cno%3E%20conecta",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    let second_procedure = site.read_public("vpn/conectar/index.html");
    assert!(
        second_procedure.contains(r##"<li id="en-macos-paso-1" class="step">"##),
        "{second_procedure}"
    );
    let english = site.read_public("en/red/wifi/index.html");
    assert!(english.contains(r##"<li id="step-1" class="step">"##));
    assert!(english.contains(r##"hreflang="es" href="../../../red/wifi/index.html""##));
}

#[test]
fn text_from_authors_is_escaped() {
    let site = built_basic();
    let html = site.read_public("red/wifi/index.html");
    assert!(html.contains("El Wi-Fi &lt;no&gt; conecta"));
    assert!(!html.contains("<no>"));
    assert!(
        site.read_public("atom.xml")
            .contains("El Wi-Fi &lt;no&gt; conecta")
    );
    let json: serde_json::Value = serde_json::from_str(&site.read_public("articles.json")).unwrap();
    assert_eq!(json["articles"][0]["title"], "El Wi-Fi <no> conecta");
}

#[test]
fn crlf_and_bom_articles_build() {
    let site = built_basic();
    let html = site.read_public("vpn/crlf-bom/index.html");
    assert!(html.contains("<h1>Archivo con BOM y CRLF</h1>"));
    assert!(html.contains(r##"<h2 id="titulo">"##));
}

#[test]
fn drafts_and_internal_articles_never_leak() {
    let site = built_basic();
    let lowercase = |bytes: &[u8]| String::from_utf8_lossy(bytes).to_lowercase();
    let files = tree(&site.public());
    assert!(
        files.keys().any(|k| k.starts_with("search/")),
        "the search index is part of the output"
    );
    for (path, bytes) in &files {
        let text = lowercase(bytes);
        assert!(
            !text.contains("draftcanary") && !text.contains("borrador secreto"),
            "draft in {path}"
        );
        assert!(
            !text.contains("internalcanary"),
            "internal article in {path}"
        );
    }
    for word in ["draftcanary", "internalcanary", "KB-4", "KB-5"] {
        site.tier0(&["search", word]).assert().code(1);
    }
    site.tier0(&["build", "--drafts"]).assert().success();
    let all: Vec<String> = tree(&site.public())
        .values()
        .map(|b| lowercase(b))
        .collect();
    assert!(
        all.iter().any(|t| t.contains("draftcanary")),
        "--drafts includes drafts"
    );
    assert!(
        all.iter().all(|t| !t.contains("internalcanary")),
        "--drafts never includes internal articles"
    );
    site.tier0(&["search", "draftcanary"]).assert().success();
    site.tier0(&["search", "internalcanary"]).assert().code(1);
}

#[test]
fn redirects_point_at_the_article() {
    let site = built_basic();
    let kb = site.read_public("kb/KB-1/index.html");
    assert!(
        kb.contains(r##"<meta http-equiv="refresh" content="0; url=../../red/wifi/index.html">"##),
        "{kb}"
    );
    let en = site.read_public("en/kb/KB-1/index.html");
    assert!(en.contains("url=../../../en/red/wifi/index.html"), "{en}");
    let alias = site.read_public("antiguo/wifi/index.html");
    assert!(alias.contains("url=../../red/wifi/index.html"), "{alias}");
}

#[test]
fn feeds_and_articles_json() {
    let site = built_basic();
    let atom = site.read_public("atom.xml");
    assert!(atom.contains("<updated>2026-02-03T00:00:00Z</updated>"));
    assert!(
        atom.contains(r##"<category term="updated" label="Actualizado"/>"##),
        "KB-1 was updated after publication"
    );
    assert!(
        atom.contains(r##"<category term="new" label="Nuevo"/>"##),
        "KB-2 was not"
    );
    let json: serde_json::Value = serde_json::from_str(&site.read_public("articles.json")).unwrap();
    let first = &json["articles"][0];
    assert_eq!(first["id"], "KB-1");
    assert_eq!(first["url"], "red/wifi/index.html");
    assert_eq!(first["short_url"], "kb/KB-1/index.html");
    assert_eq!(first["tier"], "L3");
    assert_eq!(first["error_codes"][0], "0x80070005");
    assert_eq!(first["updated"], "2026-02-03");
    // Keys in name order, as the file has always listed them.
    let text = site.read_public("articles.json");
    let record = &text[text.find("    {").unwrap()..text.find("    }").unwrap()];
    let keys: Vec<&str> = record
        .lines()
        .filter_map(|l| l.strip_prefix("      \"")?.split('"').next())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(keys, sorted);
    assert_eq!(keys.len(), 16, "{keys:?}");
    assert!(text.find("\"articles\"") < text.find("\"version\""));
}

#[test]
fn base_url_with_domain_gives_absolute_urls_and_a_sitemap() {
    let site = Site::fixture("basic");
    site.tier0(&["build", "--base-url", "https://help.example/kb-site"])
        .assert()
        .success();
    let html = site.read_public("red/wifi/index.html");
    assert!(
        html.contains(r##"<link rel="canonical" href="https://help.example/kb-site/red/wifi/">"##)
    );
    assert!(html.contains(r##"href="/kb-site/vpn/conectar/#paso-2""##));
    assert!(
        html.contains(r##"href="https://help.example/kb-site/kb/KB-1/""##),
        "short link is absolute"
    );
    let sitemap = site.read_public("sitemap.xml");
    assert!(sitemap.contains(
        "<loc>https://help.example/kb-site/red/wifi/</loc><lastmod>2026-02-03</lastmod>"
    ));
    assert!(
        !sitemap.contains("kb/KB-1"),
        "redirects are not in the sitemap"
    );
    assert!(
        site.read_public("robots.txt")
            .contains("Sitemap: https://help.example/kb-site/sitemap.xml")
    );
}

#[test]
fn base_url_with_subpath_gives_root_relative_links() {
    let site = Site::fixture("basic");
    site.tier0(&["build", "--base-url", "/help/"])
        .assert()
        .success();
    let html = site.read_public("red/wifi/index.html");
    assert!(html.contains(r##"href="/help/static/style."##));
    assert!(html.contains(r##"href="/help/vpn/conectar/#paso-2""##));
    assert!(!html.contains("index.html"));
}

#[test]
fn same_input_gives_byte_identical_output() {
    let site = Site::example();
    site.tier0(&["build", "--out", "one"]).assert().success();
    site.tier0(&["build", "--out", "two"]).assert().success();
    let (one, two) = (
        tree(&site.root().join("one")),
        tree(&site.root().join("two")),
    );
    assert!(one.len() > 80);
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(two[path] == *bytes, "{path} differs between two builds");
    }
}

#[test]
fn example_knowledge_base_builds_without_warnings() {
    let site = Site::example();
    let output = site.tier0(&["build"]).output().unwrap();
    let stderr = crate::support::stderr(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("warning:"), "{stderr}");
    assert!(stderr.contains("Published 30 articles"), "{stderr}");
}

#[test]
fn warnings_of_a_successful_build_show_their_line() {
    let site = Site::fixture("basic");
    site.write(
        "content/red/aviso.md",
        "---\nid: KB-9\ntitle: Aviso\nsintomas: [x]\n---\nTexto.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let stderr = crate::support::stderr(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("content/red/aviso.md:4:1"), "{stderr}");
    assert!(
        stderr.contains("4 │ sintomas: [x]"),
        "the warning shows its source line: {stderr}"
    );
    assert!(stderr.contains("did you mean `symptoms`?"), "{stderr}");
}

#[test]
fn quiet_says_nothing_and_verbose_times_every_stage() {
    let site = Site::fixture("basic");
    let run = |args: &[&str]| {
        let output = site.tier0(args).output().unwrap();
        let stderr = crate::support::stderr(&output);
        assert!(output.status.success(), "{args:?}: {stderr}");
        stderr
    };
    assert_eq!(run(&["build", "--quiet"]), "");
    // Not a terminal: no spinner, only where the site went.
    let normal = run(&["build"]);
    assert!(normal.starts_with("Published 4 articles ("), "{normal}");
    assert!(normal.contains("Open ./public/index.html"), "{normal}");
    assert_eq!(normal.lines().count(), 2, "{normal}");
    let verbose = run(&["build", "--verbose"]);
    for stage in ["parsing", "linking", "rendering", "indexing", "writing"] {
        assert!(
            verbose
                .lines()
                .any(|l| l.trim_start().contains(" s  ") && l.contains(stage)),
            "{stage}: {verbose}"
        );
    }
    assert!(verbose.contains("Published 4 articles ("), "{verbose}");
}

/// A rebuild after one article's text changed: every file whose bytes did
/// not change keeps its inode (and so its modification time), the changed
/// page is new, and the site is byte for byte a clean build's.
#[cfg(unix)]
#[test]
fn a_rebuild_rewrites_only_the_files_whose_bytes_changed() {
    use std::os::unix::fs::MetadataExt;
    let inodes = |site: &Site| -> std::collections::BTreeMap<String, u64> {
        tree(&site.public())
            .into_keys()
            .map(|rel| {
                let inode = std::fs::metadata(site.public().join(&rel)).unwrap().ino();
                (rel, inode)
            })
            .collect()
    };
    let site = built_basic();
    let before = inodes(&site);
    let page = site.root().join("content/vpn/conectar.md");
    let text = std::fs::read_to_string(&page).unwrap();
    site.write(
        "content/vpn/conectar.md",
        text.replace("VPN", "VPN corporativa"),
    );
    site.tier0(&["build"]).assert().success();
    let after = inodes(&site);
    let kept: Vec<&String> = after
        .iter()
        .filter(|&(rel, inode)| before.get(rel) == Some(inode))
        .map(|(rel, _)| rel)
        .collect();
    assert!(
        !kept.contains(&&"vpn/conectar/index.html".to_owned()),
        "{kept:?}"
    );
    for unchanged in [
        "red/wifi/index.html",
        "en/red/wifi/index.html",
        "red/logo.svg",
        "404.html",
    ] {
        assert!(
            kept.contains(&&unchanged.to_owned()),
            "{unchanged} was rewritten"
        );
    }
    let clean = tempfile::tempdir().unwrap();
    let clean_out = clean.path().join("public");
    site.tier0(&["build", "--out", clean_out.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(tree(&site.public()), tree(&clean_out));
}

#[test]
fn logo_favicon_and_theme_colour_of_the_config_are_on_every_page() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    // A file no article uses, named by the config only.
    site.write(
        "content/media/brand.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write(
        "tier0.yaml",
        format!("{config}logo: media/brand.svg\nfavicon: https://cdn.example.com/icon.png\ntheme_color: \"#123abc\"\n"),
    );
    site.tier0(&["build"]).assert().success();
    let home = site.read_public("index.html");
    assert!(
        home.contains(r##"<meta name="theme-color" content="#123abc">"##),
        "{home}"
    );
    assert!(home.contains(r#"<link rel="icon" href="https://cdn.example.com/icon.png">"#));
    assert!(home.contains(r#"<img class="brand-logo" src="media/brand.svg" alt="" height="32">"#));
    let article = site.read_public("red/wifi/index.html");
    assert!(
        article.contains(r#"src="../../red/logo.svg""#),
        "a path from the site root, relative to the page"
    );
    assert!(site.public().join("red/logo.svg").is_file());
    let check = site.tier0(&["check"]).output().unwrap();
    assert!(
        !stderr(&check).contains("no article uses this file"),
        "{}",
        stderr(&check)
    );
    // Without them: the theme's icon and colour, no logo.
    let plain = Site::fixture("basic");
    plain.tier0(&["build"]).assert().success();
    let home = plain.read_public("index.html");
    assert!(
        home.contains(r#"<link rel="icon" href="static/favicon."#),
        "{home}"
    );
    assert!(home.contains(r##"content="#0a6b4f""##));
    assert!(!home.contains("brand-logo"));
    // A colour that is not one, or a link that would run script, is refused.
    for (line, needle) in [
        (
            "theme_color: \"red; background: url(x)\"",
            "is not a colour",
        ),
        ("logo: \"javascript:alert(1)\"", "logo"),
    ] {
        site.write("tier0.yaml", format!("{config}{line}\n"));
        let out = site.tier0(&["build"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{line}");
        assert!(stderr(&out).contains(needle), "{}", stderr(&out));
    }
}

#[test]
fn every_tag_has_a_page_per_language_and_articles_link_to_it() {
    let site = Site::fixture("basic");
    site.write(
        "content/vpn/wifi-casa.md",
        "---\nid: KB-60\ntitle: Wi-Fi de casa\ntags: [WiFi, casa]\n---\n\nTexto.\n",
    );
    site.tier0(&["build"]).assert().success();
    // `wifi` and `WiFi` are one tag (one slug), named as first written in article order.
    let tag = site.read_public("tags/wifi/index.html");
    assert!(
        tag.contains("<h1>Artículos con la etiqueta «wifi»</h1>"),
        "{tag}"
    );
    assert!(
        tag.contains("red/wifi/") && tag.contains("vpn/wifi-casa/"),
        "{tag}"
    );
    let all = site.read_public("tags/index.html");
    assert!(all.contains(r#"<a class="tag" href="../tags/wifi/index.html">wifi</a> <span class="tag-count">2</span>"#), "{all}");
    assert!(all.contains(">casa</a>"));
    let article = site.read_public("vpn/wifi-casa/index.html");
    assert!(
        article.contains(r#"<a class="tag" href="../../tags/wifi/index.html">WiFi</a>"#),
        "{article}"
    );
    // A language's tags are its own.
    assert!(!site.public().join("en/tags/casa/index.html").exists());
    // tags/ is tier0's: a section of that name is refused.
    site.write(
        "content/tags/x.md",
        "---\nid: KB-61\ntitle: X\n---\n\nTexto.\n",
    );
    let out = site.tier0(&["build"]).output().unwrap();
    assert!(stderr(&out).contains("the tag pages"), "{}", stderr(&out));
}

//! Every link of a site built without `base_url` works from `file://`.
//!
//! Walks all HTML files of the example knowledge base and checks that each
//! relative `href`/`src` names a file that exists, and each `#fragment`
//! names an id in that file.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::conventions::assert_has;
use crate::support::{Site, stderr, tree};

fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let pattern = format!(" {name}=\"");
    html.match_indices(&pattern)
        .filter_map(|(i, _)| {
            let rest = &html[i + pattern.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => assert!(
                out.pop(),
                "link climbs above the site root: {}",
                path.display()
            ),
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn every_relative_link_and_anchor_of_the_example_resolves() {
    let site = Site::example();
    site.tier0(&["build"]).assert().success();
    let files = tree(&site.public());
    let html: BTreeMap<&String, String> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b.clone()).unwrap()))
        .collect();
    let mut checked = 0;
    for (page, text) in &html {
        let dir = Path::new(page.as_str()).parent().unwrap_or(Path::new(""));
        for link in attributes(text, "href")
            .into_iter()
            .chain(attributes(text, "src"))
        {
            if link.contains(':') || link.starts_with("//") {
                continue;
            }
            let link = link.replace("&amp;", "&");
            // A query (`search/?q=…`) is for the page's script, not a file.
            let link = match link.split_once('?') {
                Some((path, rest)) => match rest.split_once('#') {
                    Some((_, fragment)) => format!("{path}#{fragment}"),
                    None => path.to_owned(),
                },
                None => link,
            };
            let (path, fragment) = link
                .split_once('#')
                .map_or((link.as_str(), None), |(p, f)| (p, Some(f)));
            let target = if path.is_empty() {
                PathBuf::from(page.as_str())
            } else {
                normalise(&dir.join(path))
            };
            let target = target.to_str().unwrap().replace('\\', "/");
            assert!(
                files.contains_key(&target),
                "{page}: link `{link}` → missing {target}"
            );
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let body = &html[&target];
                assert!(
                    body.contains(&format!("id=\"{fragment}\"")),
                    "{page}: `{link}` → no id `{fragment}` in {target}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

/// Raw HTML in an article (`<a href="vpn.md#paso">`, `<img src=img/a.png>`,
/// `srcset`) links and loads what the same Markdown would: its page sits
/// one folder below its source, so a target left as written is broken.
#[test]
fn raw_html_links_and_images_lead_where_markdown_ones_do() {
    let site = Site::empty();
    site.write("tier0.yaml", "title: Ayuda\n");
    site.write(
        "content/red/vpn.md",
        "---\nid: KB-2\ntitle: VPN\n---\n\n## Paso {#paso}\n\nTexto.\n",
    );
    site.write("content/red/img/a.png", "PNG");
    site.write(
        "content/red/wifi.md",
        "---\nid: KB-1\ntitle: Wifi\n---\n\n\
         See <a href=\"vpn.md#paso\">the VPN</a>, <a href=KB-2>by id</a> and \
         <img src='img/a.png' alt=x>.\n\n\
         <div>\n<img srcset=\" img/a.png 1x, img/a.png 2x\" src=img/a.png>\n\
         <a href=\"https://example.com/vpn.md\">elsewhere</a> <a href=\"/contact/\">contact</a>\n</div>\n",
    );
    site.tier0(&["build", "--quiet"]).assert().success();
    let page = site.read_public("red/wifi/index.html");
    for expected in [
        r#"<a href="../../red/vpn/index.html#paso">the VPN</a>"#,
        r#"<a href=../../red/vpn/index.html>by id</a>"#,
        "<img src='../../red/img/a.png' alt=x>",
        r#"<img srcset=" ../../red/img/a.png 1x, ../../red/img/a.png 2x" src=../../red/img/a.png>"#,
        r#"<a href="https://example.com/vpn.md">elsewhere</a>"#,
        r#"<a href="/contact/">contact</a>"#,
    ] {
        assert!(page.contains(expected), "no {expected} in:\n{page}");
    }
    assert!(site.public().join("red/img/a.png").is_file());

    // A raw HTML link to an anchor the article lacks is a broken link.
    site.write(
        "content/red/wifi.md",
        "---\nid: KB-1\ntitle: Wifi\n---\n\nSee <a href=\"vpn.md#nope\">the VPN</a>.\n",
    );
    let out = site.tier0(&["check"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("has no anchor `#nope`"), "{stderr}");
}

/// A settings reference written as a definition list is linked to term
/// by term (hugoDocs: `[publishDir](/configuration/all/#publishdir)`, 240
/// such links, which Hugo's `autoDefinitionTermID` makes work): each was a
/// broken anchor, and the reader landed at the top of a long page.
#[test]
fn the_terms_of_a_definition_list_are_anchors_a_link_can_reach() {
    let site = Site::english();
    site.write(
        "content/settings.md",
        "---\ntitle: Settings\n---\n\n## Overview\n\nEvery setting.\n\n\
         `publishDir`\n: The folder the site is written to.\n\n\
         `renderer.unsafe`\n: Whether raw HTML is kept.\n\n\
         Overview\n: Not the heading's anchor.\n",
    );
    site.write(
        "content/deploy.md",
        "---\ntitle: Deploy\n---\n\nSet [publishDir](settings.md#publishdir), \
         [unsafe](settings.md#rendererunsafe) and [the same](settings.md#renderer-unsafe).\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("has no anchor"), "{err}");
    let page = site.read_public("settings/index.html");
    assert_has(
        &page,
        &[
            "<dt id=\"publishdir\"><code>publishDir</code></dt>",
            "<dt id=\"renderer-unsafe\"><span id=\"rendererunsafe\"></span><code>renderer.unsafe</code></dt>",
            "<dt>Overview</dt>",
            "<h2 id=\"overview\">",
        ],
    );
}

//! Every link of a site built without `base_url` works from `file://`.
//!
//! Walks all HTML files of the example knowledge base and checks that each
//! relative `href`/`src` names a file that exists, and each `#fragment`
//! names an id in that file.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use crate::support::{Site, tree};

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

//! The help widget's files: every build, public and agents', writes
//! `widget.js`, `widget.mjs` and a preview of each of its articles, the
//! same bytes for the same site, and nothing the edition must not show.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::support::{Site, stderr, tree};

/// The widget's files of the build in `dir`: path → bytes.
fn widget_files(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    tree(dir)
        .into_iter()
        .filter(|(path, _)| path.starts_with("widget"))
        .collect()
}

/// The articles of every preview file, by site path.
fn previews(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.starts_with("widget/")) {
        let text = std::str::from_utf8(bytes).unwrap();
        let prefix = format!("(self.__tier0Search=self.__tier0Search||[]).push([\"{path}\",");
        let json = text
            .strip_prefix(&prefix)
            .and_then(|t| t.strip_suffix("]);\n"))
            .unwrap_or_else(|| panic!("{path} is not a script-wrapped data file"));
        let file: Value = serde_json::from_str(json).unwrap();
        for (url, record) in file["articles"].as_object().unwrap() {
            assert!(
                out.insert(url.clone(), record.clone()).is_none(),
                "{url} twice"
            );
        }
    }
    out
}

/// The site paths of the articles a build published (articles.json), whose
/// links start with `base`.
fn published(dir: &std::path::Path, base: &str) -> BTreeSet<String> {
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("articles.json")).unwrap()).unwrap();
    json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let url = a["url"].as_str().unwrap();
            let path = url.strip_prefix(base).unwrap_or_else(|| panic!("{url}"));
            path.trim_end_matches("index.html").to_owned()
        })
        .collect()
}

fn build(site: &Site, args: &[&str]) {
    let output = site.tier0(&[&["build"], args].concat()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn every_build_writes_the_widget_and_a_preview_of_each_article_deterministically() {
    let site = Site::fixture("agents");
    for (args, out, base) in [
        (vec![], "public", "https://help.example/"),
        (
            vec!["--audience", "agents"],
            "agentes",
            "https://agents.example/kb/",
        ),
    ] {
        build(&site, &args);
        let dir = site.root().join(out);
        let first = widget_files(&dir);
        let classic = String::from_utf8(first["widget.js"].clone()).unwrap();
        assert!(
            classic.contains("const tier0Search = { createSearch"),
            "the engine is bundled"
        );
        assert!(classic.contains("globalThis.Tier0Help = Tier0Help;"));
        assert!(
            !classic.contains("export {"),
            "widget.js is a classic script"
        );
        let module = String::from_utf8(first["widget.mjs"].clone()).unwrap();
        assert!(module.ends_with("export { Tier0Help };\nexport default Tier0Help;\n"));
        assert!(module.contains("import.meta.url"));
        // One preview per published article, in the files the widget is told of.
        let shown = previews(&first);
        assert_eq!(
            shown.keys().cloned().collect::<BTreeSet<_>>(),
            published(&dir, base),
            "{out}"
        );
        let files = first.keys().filter(|p| p.starts_with("widget/")).count();
        assert!(
            classic.contains(&format!("\"files\":{files}")),
            "{out}: {files} files"
        );
        for record in shown.values() {
            assert!(record["body"].is_array() && record["escalate"]["name"].is_string());
        }
        let internal = shown.values().filter(|r| r["internal"] == true).count();
        assert_eq!(internal > 0, out == "agentes", "{out}: {internal} internal");
        // The same site gives the same bytes.
        std::fs::remove_dir_all(&dir).unwrap();
        build(&site, &[&args[..], &["--replace-output"]].concat());
        assert_eq!(
            widget_files(&dir),
            first,
            "{out} differs from one build to the next"
        );
    }
}

#[test]
fn a_changed_article_moves_the_previews_to_a_new_folder() {
    let site = Site::fixture("agents");
    build(&site, &[]);
    let folders = |site: &Site| -> BTreeSet<String> {
        widget_files(&site.public())
            .keys()
            .filter_map(|p| p.strip_prefix("widget/"))
            .filter_map(|p| p.split_once('/').map(|(build, _)| build.to_owned()))
            .collect()
    };
    let before = folders(&site);
    assert_eq!(before.len(), 1);
    let path = site.root().join("content/red/wifi.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nUna línea más.\n")).unwrap();
    build(&site, &[]);
    let after = folders(&site);
    assert_eq!(after.len(), 1);
    assert_ne!(
        before, after,
        "a cached old preview file would be mixed with the new ones"
    );
}

#[test]
fn no_article_may_take_the_widget_paths() {
    let site = Site::fixture("agents");
    site.write(
        "content/widget.md",
        "---\nid: KB-500\ntitle: Widget\nslug: widget.js\n---\nx\n",
    );
    site.write(
        "content/w.md",
        "---\nid: KB-501\ntitle: W\naliases: [/widget/]\n---\nx\n",
    );
    let output = site.tier0(&["build", "--strict"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("tier0 writes the help widget's article previews"),
        "{err}"
    );
}

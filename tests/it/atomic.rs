//! A build killed at any moment leaves the previous complete site, never a mix.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{Site, tree};

const ARTICLES: usize = 400;

/// A site of `ARTICLES` articles whose every page says `version`.
fn generated(version: &str) -> Site {
    let site = Site::empty();
    let paragraph = "Compruebe la conexión, reinicie el equipo y vuelva a intentarlo. ".repeat(20);
    for i in 0..ARTICLES {
        site.write(
            &format!("content/tema-{}/articulo-{i}.md", i % 12),
            format!("---\nid: KB-{i}\ntitle: Artículo {i} {version}\ndate: 2026-01-01\n---\n\n## Síntomas\n\n{paragraph}\n\n1. Paso uno.\n2. Paso dos [{version}](KB-{}).\n", (i + 1) % ARTICLES),
        );
    }
    site
}

fn build(site: &Site, out: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("tier0"));
    cmd.args(["build", "--quiet", "--out"])
        .arg(out)
        .current_dir(site.root());
    cmd
}

/// Kills 24 builds of `out` at points spread over `full`, the time one
/// takes, each toward the other of `old` and `new` than the folder holds
/// (`start(true)` builds the new site); after each, the folder must hold
/// one or the other whole. How many were killed before finishing.
#[cfg(unix)]
fn kill_builds(
    out: &Path,
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
    full: Duration,
    start: impl Fn(bool) -> std::process::Child,
) -> usize {
    use std::os::unix::process::ExitStatusExt;

    let mut killed = 0;
    for step in 0..24u32 {
        let mut child = start(tree(out) == *old);
        std::thread::sleep(full * step / 20);
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.signal().is_some() {
            killed += 1;
        }
        let now = tree(out);
        assert!(
            now == *old || now == *new,
            "after a kill at step {step}, the output is neither the old nor the new site"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        killed >= 10,
        "only {killed} of 24 builds were killed before finishing; the test proved little"
    );
    killed
}

#[cfg(unix)]
#[test]
fn killed_builds_leave_the_old_or_the_new_site() {
    let (old_site, new_site) = (generated("viejo"), generated("nuevo"));
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("public");

    assert!(build(&new_site, &out).status().unwrap().success());
    let new: BTreeMap<String, Vec<u8>> = tree(&out);
    let started = Instant::now();
    assert!(build(&old_site, &out).status().unwrap().success());
    let full = started.elapsed();
    let old = tree(&out);
    assert_ne!(old, new);

    kill_builds(&out, &old, &new, full, |to_new| {
        let source = if to_new { &new_site } else { &old_site };
        build(source, &out).spawn().unwrap()
    });
    let strays: Vec<_> = std::fs::read_dir(out_dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n != "public" && n != ".tier0")
        .collect();
    assert!(
        strays.len() <= 1,
        "at most the last killed build's staging folder remains: {strays:?}"
    );
    assert!(build(&new_site, &out).status().unwrap().success());
    assert_eq!(
        std::fs::read_dir(out_dir.path()).unwrap().count(),
        2,
        "the next build cleans up after killed ones, leaving the site and what tier0 knows of it"
    );
}

/// The same with builds that keep pages from the last one (the build
/// cache), after a one-article change: killed at any moment, even while
/// the cache is written, they leave one site whole, and the next build
/// is still byte for byte a clean one.
#[cfg(unix)]
#[test]
fn killed_cached_builds_leave_the_old_or_the_new_site() {
    let site = generated("v");
    let article = site.root().join("content/tema-3/articulo-3.md");
    let versions = {
        let text = std::fs::read_to_string(&article).unwrap();
        [text.replace("Paso uno.", "Paso uno, otra vez."), text]
    };
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("public");
    let set = |to_new: bool| std::fs::write(&article, &versions[usize::from(to_new)]).unwrap();

    set(false);
    assert!(build(&site, &out).status().unwrap().success());
    let old = tree(&out);
    set(true);
    let started = Instant::now();
    assert!(build(&site, &out).status().unwrap().success());
    let full = started.elapsed();
    let new = tree(&out);
    assert_ne!(old, new);

    kill_builds(&out, &old, &new, full, |to_new| {
        set(to_new);
        build(&site, &out).spawn().unwrap()
    });
    assert!(build(&site, &out).status().unwrap().success());
    let clean = out_dir.path().join("clean");
    assert!(
        build(&site, &clean)
            .arg("--no-cache")
            .status()
            .unwrap()
            .success()
    );
    assert!(
        tree(&out) == tree(&clean),
        "the last cached build is not a clean one"
    );
}

//! The state folder beside an output (`.tier0/<name>/`): tier0 writes and
//! deletes there only in a folder of its own, never through a link, and
//! finds it beside the output however `--out` is spelled.

use super::output::{assert_has, run_in, site};
use crate::support::tree;

/// Regression: with `.tier0/public` a link to the user's folder, a build
/// deleted its `search/` and wrote its cache, manifest and lock there.
#[cfg(unix)]
#[test]
fn a_state_folder_that_is_a_link_is_refused_and_not_followed() {
    let site = site();
    let mine = site.root().join("userstuff");
    site.write("userstuff/search/notes.txt", "mine");
    site.write("userstuff/other.txt", "mine too");
    let before = tree(&mine);
    std::fs::create_dir(site.root().join(".tier0")).unwrap();
    std::os::unix::fs::symlink(&mine, site.root().join(".tier0/public")).unwrap();
    let err = run_in(&site, site.root(), &["build"], 2);
    assert_has(
        &err,
        &["`./.tier0/public` is a symbolic link", "remove it (tier0"],
    );
    // Named once: the path is the message's subject.
    assert_eq!(err.matches("./.tier0/public").count(), 1, "{err}");
    assert_eq!(tree(&mine), before);
    assert!(!site.public().exists());

    // `.tier0` itself a link: the same.
    std::fs::remove_file(site.root().join(".tier0/public")).unwrap();
    std::fs::remove_dir(site.root().join(".tier0")).unwrap();
    std::os::unix::fs::symlink(&mine, site.root().join(".tier0")).unwrap();
    let err = run_in(&site, site.root(), &["build", "--replace-output"], 2);
    assert_has(&err, &["`./.tier0` is a symbolic link"]);
    assert_eq!(tree(&mine), before);
}

#[test]
fn a_state_folder_that_is_a_file_is_refused() {
    let site = site();
    site.write(".tier0", "not a folder");
    let err = run_in(&site, site.root(), &["build"], 2);
    assert_has(&err, &["`./.tier0` is not a folder"]);
    assert_eq!(err.matches("./.tier0").count(), 1, "{err}");
    assert!(!err.contains("os error"), "{err}");
}

/// The tantivy index beside the output is replaced file by file from its
/// manifest like the output: what tier0 did not write there stops the
/// build and is kept.
#[test]
fn a_search_folder_holding_files_tier0_did_not_write_is_refused() {
    let site = site();
    run_in(&site, site.root(), &["build", "--quiet"], 0);
    site.write(".tier0/public/search/notes.txt", "mine");
    let err = run_in(&site, site.root(), &["build"], 2);
    assert_has(
        &err,
        &[".tier0/public/search/notes.txt", "no tier0 build recorded"],
    );
    run_in(
        &site,
        site.root(),
        &["build", "--quiet", "--replace-output"],
        0,
    );
    assert!(!site.root().join(".tier0/public/search/notes.txt").exists());
    run_in(&site, site.root(), &["build", "--quiet"], 0);
}

/// Regression: `--out ..` put the state folder at `./.tier0/..`, the
/// current folder, and `--out .` failed with a message about `./.tier0/.`.
#[test]
fn an_output_that_is_or_holds_the_current_folder_is_refused_leaving_nothing() {
    let site = site();
    let elsewhere = tempfile::tempdir().unwrap();
    let here = elsewhere.path().join("here");
    std::fs::create_dir(&here).unwrap();
    let root = site.root().to_str().unwrap();
    for (out, says) in [
        (".", "is the current folder"),
        ("..", "holds the current folder"),
    ] {
        let err = run_in(&site, &here, &["build", "--root", root, "--out", out], 2);
        assert_has(&err, &[says, "choose another --out"]);
        assert!(!err.contains(".tier0/."), "{err}");
    }
    assert_eq!(std::fs::read_dir(&here).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 1);
    // Spelled with `..`, an output elsewhere has its state beside it.
    let other = elsewhere.path().join("other");
    std::fs::create_dir_all(other.join("sub")).unwrap();
    let args = ["build", "--quiet", "--replace-output", "--root", root];
    let args = [&args[..], &["--out", "../other/sub/.."]].concat();
    run_in(&site, &here, &args, 0);
    assert!(other.join("index.html").exists());
    assert!(elsewhere.path().join(".tier0/other/manifest").exists());
    assert_eq!(std::fs::read_dir(&here).unwrap().count(), 0);
}

/// A state folder written before the index had a manifest of its own: the
/// output's manifest vouches for the index beside it, once.
#[test]
fn an_index_from_before_the_search_manifest_is_taken_over() {
    let site = site();
    run_in(&site, site.root(), &["build"], 0);
    let state = site.root().join(".tier0/public");
    std::fs::remove_file(state.join("search-manifest")).unwrap();
    run_in(&site, site.root(), &["build"], 0);
    assert!(state.join("search-manifest").exists());
    // Without the output's manifest, nothing vouches for it.
    std::fs::remove_file(state.join("search-manifest")).unwrap();
    std::fs::remove_file(state.join("manifest")).unwrap();
    run_in(&site, site.root(), &["build"], 2);
}

/// The files of a state folder are a checkout's or a hand's to replace:
/// one that is a link is never written through (`manifest.new` pointing at
/// the user's file had the manifest written over it), and one that is a
/// link to a device or a pipe is never read (`/dev/zero` filled the
/// memory, a pipe hung the build): the build stops, naming it.
#[cfg(unix)]
#[test]
fn files_of_the_state_folder_are_never_read_or_written_through_links_or_pipes() {
    let site = site();
    run_in(&site, site.root(), &["build", "--quiet"], 0);
    let state = site.root().join(".tier0/public");
    site.write("mine.txt", "mine");
    std::os::unix::fs::symlink(site.root().join("mine.txt"), state.join("manifest.new")).unwrap();
    run_in(&site, site.root(), &["build", "--quiet"], 0);
    assert_eq!(
        std::fs::read_to_string(site.root().join("mine.txt")).unwrap(),
        "mine"
    );

    for name in ["manifest", "search-manifest", "lock"] {
        let path = state.join(name);
        let kept = std::fs::read(&path).unwrap();
        for planted in ["link", "pipe"] {
            std::fs::remove_file(&path).unwrap();
            if planted == "link" {
                std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
            } else {
                let made = std::process::Command::new("mkfifo").arg(&path).status();
                assert!(made.unwrap().success());
            }
            let output = site
                .tier0(&["build"])
                .timeout(std::time::Duration::from_secs(20))
                .output()
                .unwrap();
            let err = crate::support::stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{name} a {planted}:\n{err}");
            assert_has(
                &err,
                &[name, "is a link or not a regular file", "delete it"],
            );
        }
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, kept).unwrap();
    }
    // A cache that is not a file is only not used.
    std::fs::remove_file(state.join("cache")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", state.join("cache")).unwrap();
    run_in(&site, site.root(), &["build", "--quiet"], 0);
}

/// A manifest whose bytes are not text is one tier0 cannot read, said as
/// for any other: not an I/O error about a stream, and `--replace-output`
/// replaces the output anyway.
#[test]
fn a_manifest_that_is_not_text_is_not_a_manifest() {
    let site = site();
    run_in(&site, site.root(), &["build", "--quiet"], 0);
    site.write(".tier0/public/manifest", b"tier0\xff\n../x\n");
    let err = run_in(&site, site.root(), &["build"], 2);
    assert_has(
        &err,
        &[
            "`./.tier0/public/manifest` is not a manifest tier0 can read",
            "--replace-output",
        ],
    );
    assert!(!err.contains("UTF-8") && !err.contains("  "), "{err}");
    run_in(
        &site,
        site.root(),
        &["build", "--quiet", "--replace-output"],
        0,
    );
}

//! Output-folder ownership: tier0 replaces only what it wrote.
//!
//! Each case points a build at a folder that holds something tier0 must
//! not delete and asserts that it is refused with exit 2, a sentence that
//! says what to do, and every byte left where it was.

use std::path::Path;

use crate::support::{Site, stderr, tree};

const ARTICLE: &str = "---\nid: KB-1\ntitle: Impresora\n---\n\nReinicie la impresora.\n";

/// A site of one article.
pub(super) fn site() -> Site {
    let site = Site::empty();
    site.write("content/red/impresora.md", ARTICLE);
    site
}

/// Runs `tier0 <args>` in the site; asserts the exit code; returns stderr.
fn run(site: &Site, args: &[&str], code: i32) -> String {
    run_in(site, site.root(), args, code)
}

/// Runs `tier0 <args>` in `dir`; asserts the exit code; returns stderr.
pub(super) fn run_in(site: &Site, dir: &Path, args: &[&str], code: i32) -> String {
    let output = site.tier0(args).current_dir(dir).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}:\n{err}");
    err
}

pub(super) fn assert_has(err: &str, needles: &[&str]) {
    for needle in needles {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn a_folder_that_tier0_did_not_write_is_refused_and_left_whole() {
    let site = site();
    let www = site.root().join("www");
    for (rel, text) in [("index.html", "my own page"), ("notes/todo.txt", "mine")] {
        std::fs::create_dir_all(www.join(rel).parent().unwrap()).unwrap();
        std::fs::write(www.join(rel), text).unwrap();
    }
    let before = tree(&www);
    let err = run(&site, &["build", "--out", "www"], 2);
    assert_has(
        &err,
        &[
            "the output folder `www` holds files, and no tier0 build wrote it",
            "www/notes",
            "--replace-output",
        ],
    );
    assert_eq!(tree(&www), before);
    // Regression: the refusal left `.tier0/www/lock` behind.
    assert!(!site.root().join(".tier0").exists());

    run(
        &site,
        &["build", "--quiet", "--out", "www", "--replace-output"],
        0,
    );
    assert!(www.join("red/impresora/index.html").exists());
    assert!(!www.join("notes").exists());
}

#[test]
fn a_repository_or_the_home_folder_is_refused_even_when_replacing() {
    let site = site();
    let www = site.root().join("www");
    std::fs::create_dir_all(www.join(".git")).unwrap();
    std::fs::write(www.join(".git/HEAD"), "ref").unwrap();
    let before = tree(site.root());
    for args in [
        &["build", "--out", "www"][..],
        &["build", "--out", "www", "--replace-output"],
    ] {
        let err = run(&site, args, 2);
        assert_has(
            &err,
            &["`www` holds a repository (`.git`)", "never deletes that"],
        );
    }
    assert_eq!(tree(site.root()), before);

    // A home folder that holds nothing of the site, and the folder above it.
    let users = tempfile::tempdir().unwrap();
    let home = users.path().join("me");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join("notes.txt"), "mine").unwrap();
    for (out, says) in [
        (home.as_path(), "is your home folder"),
        (users.path(), "holds your home folder"),
    ] {
        let output = site
            .tier0(&[
                "build",
                "--out",
                &out.display().to_string(),
                "--replace-output",
            ])
            .env("HOME", &home)
            .output()
            .unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert_has(&err, &[says]);
    }
    assert!(home.join("notes.txt").exists());
}

#[test]
fn files_added_after_a_build_are_not_deleted_by_the_next() {
    let site = site();
    run(&site, &["build", "--quiet"], 0);
    // A deploy step's files, written into the output after the build.
    site.write("public/CNAME", "help.example.com");
    site.write("public/red/notes.txt", "keep me");
    let before = tree(&site.public());
    let err = run(&site, &["build"], 2);
    assert_has(
        &err,
        &[
            "holds files that the last tier0 build there did not write",
            "public/CNAME",
            "public/red/notes.txt",
        ],
    );
    assert_eq!(tree(&site.public()), before);

    std::fs::remove_file(site.public().join("CNAME")).unwrap();
    std::fs::remove_file(site.public().join("red/notes.txt")).unwrap();
    run(&site, &["build", "--quiet"], 0);
}

#[test]
fn an_empty_or_missing_folder_is_tier0s_to_fill() {
    let site = site();
    std::fs::create_dir(site.root().join("empty")).unwrap();
    run(&site, &["build", "--quiet", "--out", "empty"], 0);
    run(&site, &["build", "--quiet", "--out", "new/deeper"], 0);
    // A deleted output is rebuilt without complaint.
    std::fs::remove_dir_all(site.root().join("empty")).unwrap();
    run(&site, &["build", "--quiet", "--out", "empty"], 0);
    assert!(site.root().join("empty/index.html").exists());
}

#[test]
fn outputs_holding_or_inside_the_sources_are_refused_even_when_replacing() {
    let site = site();
    site.write("themes/mine/static/extra.css", "body{}");
    site.write("tier0.yaml", "theme: mine\n");
    let before = tree(site.root());
    let parent = site.root().parent().unwrap().to_str().unwrap().to_owned();
    for (out, says) in [
        (".", "contains the site's sources"),
        (parent.as_str(), "contains the site's sources"),
        ("content", "contains the site's sources"),
        ("content/public", "is inside the site's sources"),
        (
            "content/red/../../content/x",
            "is inside the site's sources",
        ),
        ("themes/mine/out", "is inside the site's sources"),
        ("themes", "contains the site's sources"),
    ] {
        let err = run(&site, &["build", "--out", out, "--replace-output"], 2);
        assert_has(&err, &[says, "never touches the sources"]);
    }
    assert_eq!(tree(site.root()), before);
}

#[test]
fn agents_out_in_the_config_cannot_reach_into_the_sources_or_the_public_site() {
    let site = site();
    for (agents_out, says) in [
        ("content", "contains the site's sources"),
        ("content/agents", "is inside the site's sources"),
        ("public", "which is or overlaps"),
        ("public/agents", "which is or overlaps"),
        (".", "contains the site's sources"),
    ] {
        site.write("tier0.yaml", format!("agents:\n  out: {agents_out}\n"));
        let before = tree(site.root());
        let err = run(&site, &["build", "--audience", "agents"], 2);
        assert_has(&err, &[says]);
        assert_eq!(tree(site.root()), before, "agents.out: {agents_out}");
    }
}

#[test]
fn one_edition_is_never_written_over_or_inside_the_other() {
    let site = site();
    site.write(
        "content/red/interno.md",
        "---\nid: KB-2\ntitle: Interno\naudience: internal\n---\n\nSecreto.\n",
    );
    run(&site, &["build", "--quiet"], 0);
    run(&site, &["build", "--quiet", "--audience", "agents"], 0);
    run(&site, &["build", "--quiet", "--out", "www"], 0);
    let before = tree(site.root());

    for (args, says) in [
        // Into each other's default folders.
        (
            &[
                "--audience",
                "agents",
                "--out",
                "public",
                "--replace-output",
            ][..],
            "which is or overlaps `./public`, the folder of the public site",
        ),
        (
            &["--out", "public-agents", "--replace-output"][..],
            "the folder of the agents' edition",
        ),
        // Over a folder that a build for the other audience wrote.
        (
            &["--audience", "agents", "--out", "www", "--replace-output"][..],
            "`www` holds the public site",
        ),
        // Inside the other's output.
        (
            &["--audience", "agents", "--out", "www/agentes"][..],
            "where tier0 wrote the public site",
        ),
        (
            &["--out", "public-agents/red/x"][..],
            "where tier0 wrote the agents' edition",
        ),
    ] {
        let args: Vec<&str> = std::iter::once("build")
            .chain(args.iter().copied())
            .collect();
        let err = run(&site, &args, 2);
        assert_has(&err, &[says]);
    }
    assert_eq!(tree(site.root()), before);
}

#[test]
fn a_second_build_of_one_output_says_another_is_running() {
    let site = site();
    run(&site, &["build", "--quiet"], 0);
    let before = tree(&site.public());
    // The lock a running build holds, documented in README.
    let lock = std::fs::File::open(site.root().join(".tier0/public/lock")).unwrap();
    lock.lock().unwrap();
    site.write("content/red/otro.md", ARTICLE.replace("KB-1", "KB-2"));
    let err = run(&site, &["build"], 2);
    assert_has(
        &err,
        &["another tier0 build is writing", "wait for it to finish"],
    );
    assert!(!err.contains("os error"), "{err}");
    assert_eq!(tree(&site.public()), before);
    lock.unlock().unwrap();
    run(&site, &["build", "--quiet"], 0);
    assert!(site.public().join("red/otro/index.html").exists());
}

#[test]
fn the_search_index_is_kept_beside_the_output_and_found_there() {
    let site = site();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("sitio");
    let out_arg = out.to_str().unwrap();
    run(&site, &["build", "--quiet", "--out", out_arg], 0);
    assert!(elsewhere.path().join(".tier0/sitio/search").is_dir());
    assert!(
        !site.root().join(".tier0").exists(),
        "a build with --out elsewhere writes nothing in the site folder"
    );
    let output = site
        .tier0(&["search", "--out", out_arg, "impresora"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("KB-1"));
    // Without --out, the default output's index is searched, and there is none.
    let err = run(&site, &["search", "impresora"], 2);
    assert_has(&err, &["no search index", "run `tier0 build` first"]);
}

#[cfg(unix)]
#[test]
fn a_read_only_site_builds_into_a_writable_output() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    let out = site.root().join("salida");
    std::fs::create_dir(&out).unwrap();
    let Some(mut cmd) = crate::support::without_privileges(
        &site,
        &["build", "--quiet", "--out", out.to_str().unwrap()],
    ) else {
        eprintln!("skipped: running as root and setpriv is not available");
        return;
    };
    // Everything read-only but the output folder and the folder holding it.
    for entry in walkdir::WalkDir::new(site.root().join("content")) {
        let entry = entry.unwrap();
        let mode = if entry.file_type().is_dir() {
            0o555
        } else {
            0o444
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode)).unwrap();
    }
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o777)).unwrap();
    let output = cmd.output().unwrap();
    for entry in walkdir::WalkDir::new(site.root().join("content")) {
        let entry = entry.unwrap();
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("red/impresora/index.html").exists());
}

/// Runs `tier0 build` with writes limited to `bytes` per file
/// (`RLIMIT_FSIZE`), as a full disk would stop them.
#[cfg(target_os = "linux")]
fn build_with_file_size_limit(site: &Site, bytes: u64) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("tier0"));
    cmd.current_dir(site.root()).arg("build");
    // SAFETY: signal and setrlimit are async-signal-safe; nothing else runs
    // in the child. SIGXFSZ ignored (kept across exec) turns the limit into
    // EFBIG errors instead of killing the process.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    cmd.output().unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_names_the_file_and_keeps_the_site() {
    let site = site();
    run(&site, &["build", "--quiet"], 0);
    let before = tree(&site.public());
    site.write("content/red/otro.md", ARTICLE.replace("KB-1", "KB-2"));
    let output = build_with_file_size_limit(&site, 512);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot write `"), "{err}");
    assert!(err.contains("File too large"), "{err}");
    assert!(
        err.contains("the previous site was left as it was"),
        "{err}"
    );
    assert_eq!(tree(&site.public()), before);
    let strays: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tier0-"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
}

/// Regression: an old site that could not be deleted whole (a read-only
/// folder in it) was left silently beside the output, as a hidden copy.
#[cfg(unix)]
#[test]
fn an_old_site_that_cannot_be_deleted_is_set_aside_and_named() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    let Some(mut first) = crate::support::without_privileges(&site, &["build", "--quiet"]) else {
        eprintln!("skipped: running as root and setpriv is not available");
        return;
    };
    first.assert().success();
    let red = site.public().join("red");
    std::fs::set_permissions(&red, std::fs::Permissions::from_mode(0o555)).unwrap();
    site.write(
        "content/red/impresora.md",
        ARTICLE.replace("Reinicie", "Apague"),
    );
    let mut second = crate::support::without_privileges(&site, &["build", "--quiet"]).unwrap();
    let output = second.output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    let leftover: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("public.tier0-leftover-"))
        .collect();
    assert_eq!(leftover.len(), 1, "{err}");
    let named = leftover[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_has(
        &err,
        &[
            "warning:",
            "could not be deleted completely",
            &named,
            "rm -rf",
        ],
    );
    assert!(
        site.read_public("red/impresora/index.html")
            .contains("Apague")
    );
    let left_red = leftover[0].join("red");
    std::fs::set_permissions(&left_red, std::fs::Permissions::from_mode(0o755)).unwrap();
    // No later build deletes it: it is the user's to look through.
    let mut third = crate::support::without_privileges(&site, &["build", "--quiet"]).unwrap();
    third.assert().success();
    assert!(left_red.join("index.html").exists());
}

#[test]
fn no_failure_leaves_a_bare_os_error() {
    let site = site();
    site.write("blocker", "a file where a folder is needed");
    for args in [
        ["build", "--out", "blocker/public"],
        ["build", "--out", "blocker"],
    ] {
        let err = run(&site, &args, 2);
        assert!(err.contains("blocker"), "{args:?}: {err}");
        for line in err.lines().filter(|line| line.contains("os error")) {
            assert!(
                line.contains("`") && line.contains(';'),
                "{args:?}: an OS error without the path and a sentence: {line}"
            );
        }
    }
    assert!(Path::new(&site.root().join("blocker")).is_file());
}

#[test]
fn a_busy_port_is_named_with_what_to_do() {
    let site = site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let err = run(&site, &["serve", "--port", &port], 2);
    assert!(
        err.contains(&format!("cannot listen on 127.0.0.1:{port}"))
            && err.contains("choose another --port"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_put_in_place_of_a_file_tier0_wrote_is_refused_and_kept() {
    // Someone shares one robots.txt among sites by a link: tier0 wrote a
    // file there, but never a link, so the link is theirs.
    let site = site();
    run(&site, &["build", "--quiet"], 0);
    let shared = site.root().join("shared-robots.txt");
    std::fs::write(&shared, "User-agent: *\n").unwrap();
    let robots = site.root().join("public/robots.txt");
    std::fs::remove_file(&robots).unwrap();
    std::os::unix::fs::symlink(&shared, &robots).unwrap();
    let err = run(&site, &["build"], 2);
    assert_has(&err, &["public/robots.txt", "--replace-output"]);
    assert!(std::fs::symlink_metadata(&robots).unwrap().is_symlink());

    run(&site, &["build", "--quiet", "--replace-output"], 0);
    assert!(std::fs::symlink_metadata(&robots).unwrap().is_file());
    assert_eq!(std::fs::read_to_string(&shared).unwrap(), "User-agent: *\n");
}

/// A manifest is read from beside the output, where a checkout or a hand
/// may have put one: the files it names out of the output folder are not
/// deleted, and neither is the output that it does not cover.
#[test]
fn a_forged_manifest_naming_files_out_of_the_output_deletes_nothing() {
    let site = site();
    site.write("www/index.html", "my own page");
    site.write("notes.txt", "keep me");
    site.write(
        ".tier0/www/manifest",
        "tier0 output manifest 1\naudience public\n\"index.html\"\n\"../notes.txt\"\n",
    );
    let before = tree(site.root());
    let err = run(&site, &["build", "--out", "www"], 2);
    assert_has(
        &err,
        &["is not a manifest tier0 can read", "--replace-output"],
    );
    assert_eq!(tree(site.root()), before);

    run(
        &site,
        &["build", "--quiet", "--out", "www", "--replace-output"],
        0,
    );
    assert_eq!(
        std::fs::read_to_string(site.root().join("notes.txt")).unwrap(),
        "keep me"
    );
    assert!(site.root().join("www/red/impresora/index.html").exists());
}

//! Unit tests of output-folder ownership: the manifest, where state is kept,
//! and which claims of an output folder are refused.

use super::*;
use crate::render::Sink;

fn manifest(files: &[&str]) -> Manifest {
    Manifest {
        audience: BuildAudience::Public,
        files: files.iter().map(|f| f.to_string()).collect(),
    }
}

#[test]
fn a_manifest_reads_back_what_was_written_whatever_the_names() {
    let written = manifest(&["index.html", "a b/\"c\"\n.html", "ñ/é.png"]);
    assert_eq!(Manifest::parse(&written.to_text()), Some(written));
    assert_eq!(Manifest::parse("garbage"), None);
    assert_eq!(Manifest::parse(MANIFEST_HEADER), None);
    assert_eq!(
        Manifest::parse(&format!("{MANIFEST_HEADER}\naudience public\nnot json\n")),
        None
    );
}

#[test]
fn a_manifest_naming_a_path_out_of_its_folder_is_not_read() {
    for file in [
        "../notes.txt",
        "a/../../b",
        "/etc/hosts",
        "a//b",
        "./a",
        "a/.",
        "",
    ] {
        let text = format!(
            "{MANIFEST_HEADER}\naudience public\n\"index.html\"\n{:?}\n",
            file
        );
        assert_eq!(Manifest::parse(&text), None, "{file:?}");
    }
    assert!(inside("a b/..c/d.html"));
}

#[test]
fn state_is_kept_beside_the_output() {
    assert_eq!(
        state_dir(Path::new("site/public")),
        Path::new("site/.tier0/public")
    );
    assert_eq!(state_dir(Path::new("public")), Path::new("./.tier0/public"));
}

#[test]
fn spellings_of_one_folder_resolve_alike() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    let plain = resolve(&dir.path().join("a/new/out")).unwrap();
    assert_eq!(
        resolve(&dir.path().join("a/./x/../new/out")).unwrap(),
        plain
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("link")).unwrap();
        assert_eq!(resolve(&dir.path().join("link/new/out")).unwrap(), plain);
    }
}

fn claim(out: &Path, root: &Path, unknown: Unknown) -> io::Result<OutputClaim> {
    let folders = [root.join("content")];
    let files = [root.join("tier0.yaml")];
    let sources = Sources {
        root,
        folders: &folders,
        files: &files,
    };
    let other = root.join("public-agents");
    OutputClaim::acquire(out, sources, &other, BuildAudience::Public, unknown)
}

#[test]
fn a_folder_tier0_did_not_write_is_refused_unless_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("www");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("mine.txt"), "x").unwrap();
    let err = claim(&out, &root, Unknown::Refuse).unwrap_err().to_string();
    assert!(err.contains("mine.txt"), "{err}");
    assert!(err.contains("--replace-output"), "{err}");
    claim(&out, &root, Unknown::Replace).unwrap();
}

#[test]
fn a_second_claim_of_one_output_is_refused_while_the_first_holds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("public");
    let first = claim(&out, &root, Unknown::Refuse).unwrap();
    let err = claim(&out, &root, Unknown::Refuse).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::ResourceBusy);
    drop(first);
    claim(&out, &root, Unknown::Refuse).unwrap();
}

#[test]
fn files_the_manifest_lists_may_be_replaced_and_others_not() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("public");
    std::fs::create_dir_all(out.join("a")).unwrap();
    std::fs::write(out.join("a/index.html"), "x").unwrap();
    let first = claim(&out, &root, Unknown::Replace).unwrap();
    let staging = super::super::Staging::create(&out).unwrap();
    staging.put("a/index.html", b"y").unwrap();
    first.commit(staging).unwrap();
    drop(first);
    claim(&out, &root, Unknown::Refuse).unwrap();
    std::fs::create_dir(out.join(".git")).unwrap();
    let err = claim(&out, &root, Unknown::Refuse).unwrap_err().to_string();
    assert!(err.contains(".git"), "{err}");
}

#[test]
fn a_repository_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    for name in [".git", ".hg", ".svn"] {
        let out = dir.path().join(format!("www{name}"));
        std::fs::create_dir_all(out.join(name)).unwrap();
        for unknown in [Unknown::Refuse, Unknown::Replace] {
            let err = claim(&out, &root, unknown).unwrap_err().to_string();
            assert!(
                err.contains(&format!("holds a repository (`{name}`)")),
                "{err}"
            );
        }
    }
    // A worktree's `.git` is a file; it is a repository all the same.
    let out = dir.path().join("worktree");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(".git"), "gitdir: elsewhere").unwrap();
    let err = claim(&out, &root, Unknown::Replace)
        .unwrap_err()
        .to_string();
    assert!(err.contains("holds a repository"), "{err}");
    // Nor one deeper down, which only replacing would delete.
    let out = dir.path().join("code");
    std::fs::create_dir_all(out.join("proj/.hg")).unwrap();
    let err = claim(&out, &root, Unknown::Replace)
        .unwrap_err()
        .to_string();
    assert!(err.contains("holds a repository (`proj/.hg`)"), "{err}");
    assert!(
        err.contains("but even with --replace-output it never deletes that"),
        "{err}"
    );
}

#[test]
fn outputs_in_or_around_the_sources_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("tier0.yaml"), "").unwrap();
    for out in [
        root.clone(),
        dir.path().to_path_buf(),
        root.join("content"),
        root.join("content/red/public"),
        root.join("content/../content/x"),
    ] {
        let err = claim(&out, &root, Unknown::Replace)
            .unwrap_err()
            .to_string();
        assert!(err.contains("sources"), "{}: {err}", out.display());
    }
    claim(&root.join("public"), &root, Unknown::Refuse).unwrap();
}

//! Unit tests of the swap: the old folder is checked again just before it,
//! and only what tier0 wrote of it is deleted after it.

use super::*;
use crate::render::Sink;
use crate::write::Staging;

/// `files` written into `dir`.
fn plant(dir: &Path, files: &[&str]) {
    for rel in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, *rel).unwrap();
    }
}

fn owned(files: &[&str]) -> Owned {
    Owned::of_files(files.iter().map(|f| f.to_string()).collect())
}

/// What `dir` holds beside `out`, by name.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_folders_of_owned_files_are_every_ancestor_of_them() {
    let written = owned(&["a/b/c.html", "a/d.html", "e.html"]);
    let folders = written
        .folders
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>();
    assert_eq!(folders, vec!["a", "a/b"]);
}

/// Regression: a `CNAME` written into the output while a build ran was
/// deleted with the old site when the new one was swapped in.
#[test]
fn a_file_added_while_the_site_was_staged_stops_the_swap() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let old = ["index.html", "red/a/index.html"];
    plant(&out, &old);
    let staging = Staging::create(&out).unwrap();
    staging.put("index.html", b"new").unwrap();
    // The deploy step, between staging and commit.
    plant(&out, &["CNAME", "red/notes.txt"]);
    let err = staging.commit(&owned(&old)).unwrap_err().to_string();
    for says in [
        "public/CNAME",
        "public/red/notes.txt",
        "while tier0 was building it",
    ] {
        assert!(err.contains(says), "{says:?} not in {err}");
    }
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "index.html"
    );
    assert!(out.join("CNAME").exists() && out.join("red/notes.txt").exists());
    assert_eq!(names(dir.path()), ["public"], "the staged site is removed");
}

#[test]
fn a_folder_where_tier0_wrote_a_file_stops_the_swap() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    plant(&out, &["index.html", "a.txt/mine"]);
    let staging = Staging::create(&out).unwrap();
    staging.put("index.html", b"new").unwrap();
    let err = staging
        .commit(&owned(&["index.html", "a.txt"]))
        .unwrap_err();
    assert!(err.to_string().contains("a.txt"), "{err}");
    assert!(out.join("a.txt/mine").exists());
}

/// A file added after the check, between it and the swap, is not in the
/// record: the old site's removal leaves it, sets it aside and says so.
#[test]
fn removal_deletes_only_what_tier0_wrote_and_sets_the_rest_aside() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join(".public.tier0-Ab12");
    let out = dir.path().join("public");
    plant(
        &old,
        &["index.html", "red/a/index.html", "red/b/index.html"],
    );
    plant(&old, &["CNAME", "red/a/notes.txt"]);
    let left = remove_owned(
        &old,
        &owned(&["index.html", "red/a/index.html", "red/b/index.html"]),
    )
    .expect("something is left");
    assert_eq!(left.unknown.len(), 2, "{left:?}");
    assert!(left.failed.is_empty(), "{left:?}");
    assert!(old.join("CNAME").exists() && old.join("red/a/notes.txt").exists());
    assert!(!old.join("red/b").exists() && !old.join("index.html").exists());
    let left = set_aside(left, &out);
    assert_eq!(left.folder, dir.path().join("public.tier0-leftover-Ab12"));
    assert!(left.folder.join("CNAME").exists());
    let warning = left.to_string();
    for says in [
        "public.tier0-leftover-Ab12/CNAME",
        "rm -rf",
        "did not write",
    ] {
        assert!(warning.contains(says), "{says:?} not in {warning}");
    }
    // No later build sweeps it as one of its own staging folders.
    plant(&out, &["x"]);
    let staging = Staging::create(&out).unwrap();
    drop(staging);
    assert!(left.folder.join("CNAME").exists());
}

#[test]
fn removal_of_everything_tier0_wrote_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let files = ["index.html", "a/b/c/deep.html", "kb/KB-1/index.html"];
    plant(&old, &files);
    assert!(remove_owned(&old, &owned(&files)).is_none());
    assert!(!old.exists());
}

#[cfg(unix)]
#[test]
fn removal_never_follows_a_folder_swapped_for_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    plant(&elsewhere, &["index.html"]);
    let old = dir.path().join("old");
    plant(&old, &["top.html"]);
    std::os::unix::fs::symlink(&elsewhere, old.join("red")).unwrap();
    let left = remove_owned(&old, &owned(&["top.html", "red/index.html"])).unwrap();
    assert!(elsewhere.join("index.html").exists());
    assert_eq!(left.unknown, [old.join("red")]);
}

#[test]
fn a_tree_is_removed_whole_without_following_links() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("kept");
    std::fs::create_dir(&kept).unwrap();
    std::fs::write(kept.join("precious"), "x").unwrap();
    let tree = dir.path().join("tree");
    for path in [
        "a/b/c/deep.html",
        "a/page.html",
        "kb/KB-1/index.html",
        "top.txt",
    ] {
        let path = tree.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }
    std::fs::create_dir_all(tree.join("empty/inner")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&kept, tree.join("link")).unwrap();
        std::os::unix::fs::symlink(&kept, tree.join("a/link")).unwrap();
    }
    remove_tree(&tree).unwrap();
    assert!(!tree.exists());
    assert_eq!(std::fs::read_to_string(kept.join("precious")).unwrap(), "x");
    #[cfg(unix)]
    {
        let link = dir.path().join(".public.tier0-link");
        std::os::unix::fs::symlink(&kept, &link).unwrap();
        remove_tree(&link).unwrap();
        assert!(std::fs::symlink_metadata(&link).is_err());
        assert!(kept.join("precious").exists());
    }
}

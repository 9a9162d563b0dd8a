//! Symbolic links publish nothing the content folder does not: a link is
//! followed only to what the walk itself would take as it takes the link,
//! so an image or a GitBook upload linked to an article's source never
//! copies that source (internal or not) into the output, and the folder
//! another generator's configuration names is read only where it really is
//! a folder of the site.

#![cfg(unix)]

use std::os::unix::fs::symlink;

use crate::support::{Site, stderr, tree};

/// An internal article whose text is a canary.
const INTERNAL: &str = "---\nid: KB-9\ntitle: Plan\naudience: internal\n---\n\nCANARY7 text.\n";

/// The output files whose bytes hold the canary.
fn canaries(site: &Site) -> Vec<String> {
    tree(&site.public())
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains("CANARY7"))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn an_asset_linked_to_an_article_publishes_no_byte_of_it() {
    let site = Site::english();
    site.write("content/team/plan.md", INTERNAL);
    site.write("content/team/.notes.txt", "CANARY7 hidden notes");
    site.write(
        "content/home.md",
        "---\nid: KB-1\ntitle: Home\n---\n\nHi.\n",
    );
    site.write("content/pics/shot.png", "PNG");
    let content = site.root().join("content");
    std::fs::create_dir_all(content.join(".gitbook")).unwrap();
    for (link, target) in [
        ("notes.txt", "team/plan.md"),
        ("hidden.txt", "team/.notes.txt"),
        // GitBook's uploads, whose every file is published as it is.
        (".gitbook/assets", "../team"),
        ("shot.png", "pics/shot.png"),
    ] {
        symlink(target, content.join(link)).unwrap();
    }
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(canaries(&site), Vec::<String>::new(), "{err}");
    for skipped in ["notes.txt", "hidden.txt", ".gitbook/assets"] {
        let at = format!("content/{skipped}");
        let warning = err
            .split("warning: ")
            .find(|w| w.contains(&at))
            .unwrap_or_else(|| panic!("{at}: {err}"));
        assert!(
            warning
                .contains("this symbolic link leads to what the content folder does not publish"),
            "{warning}"
        );
    }
    // A link to what is published as it is stays.
    assert_eq!(site.read_public("shot.png"), "PNG");
}

#[test]
fn a_generator_folder_linked_out_of_the_site_is_not_read() {
    let site = Site::empty();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "# Secret\n\nCANARY7\n").unwrap();
    site.write("mkdocs.yml", "site_name: X\ndocs_dir: docs\n");
    symlink(outside.path(), site.root().join("docs")).unwrap();
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot read the content folder"), "{err}");
    assert!(!site.public().exists());
}

//! `tier0 init`: a new knowledge base that builds cleanly and never overwrites.

use crate::support::{Site, stderr};

#[test]
fn init_creates_a_site_that_builds_without_warnings() {
    let site = Site::empty();
    site.tier0(&["init", "kb"]).assert().success();
    assert!(site.root().join("kb/tier0.yaml").exists());
    let output = site.tier0(&["build", "--root", "kb"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("warning:"), "{err}");
    assert!(
        site.root()
            .join("kb/public/cuentas/cuenta-bloqueada/index.html")
            .exists()
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = Site::empty();
    site.write("kb/notes.txt", "mine");
    let output = site.tier0(&["init", "kb"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is not empty"));
    assert_eq!(
        std::fs::read_to_string(site.root().join("kb/notes.txt")).unwrap(),
        "mine"
    );
    assert!(!site.root().join("kb/tier0.yaml").exists());
}

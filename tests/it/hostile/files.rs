//! Hostile file systems: names, links, permissions and output folders
//! written to break tier0, and what it must do instead (see the parent
//! module).

use std::path::Path;

use super::{
    GOOD, article, assert_has, builds, expect_exit, fails_keeping_the_site, good_site,
    no_staging_left, tier0,
};
use crate::support::{Site, tree, without_privileges};

#[test]
fn file_names_with_spaces_accents_and_markup_work_escaped() {
    let site = Site::empty();
    site.write(
        "content/red/con espacios.md",
        article("id: KB-2\ntitle: Espacios\n"),
    );
    site.write(
        "content/red/configuración añadida.md",
        article("id: KB-3\ntitle: Acentos\n"),
    );
    // No id: the one derived from the file name is used in URLs and pages.
    site.write(
        "content/red/<script>alert(1)<script>.md",
        article("title: Marcado\n"),
    );
    site.write("content/red/<script>img.png", b"\x89PNG\r\n".as_slice());
    let err = builds(&site);
    assert_has(
        &err,
        &["the article has no `id`; using `red-script-alert-1-script`"],
    );
    let out = tree(&site.public());
    for page in [
        "red/con-espacios/index.html",
        "red/configuracion-anadida/index.html",
        "red/script-alert-1-script/index.html",
        "kb/red-script-alert-1-script/index.html",
        // Assets keep their names: a file name, not markup.
        "red/<script>img.png",
    ] {
        assert!(out.contains_key(page), "missing {page} in {:?}", out.keys());
    }
    for (path, bytes) in &out {
        let text = String::from_utf8_lossy(bytes);
        for raw in ["<script>alert", "<script>img", "alert(1)<script>"] {
            assert!(!text.contains(raw), "{path} holds {raw:?} from a file name");
        }
    }
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_are_located() {
    let (site, before) = good_site();
    let red = site.root().join("content/red");
    std::os::unix::fs::symlink("..", red.join("bucle")).unwrap();
    std::os::unix::fs::symlink("a-mismo.md", red.join("a-mismo.md")).unwrap();
    std::os::unix::fs::symlink("no-existe.md", red.join("b-roto.md")).unwrap();
    let err = fails_keeping_the_site(&site, &before, 1);
    assert_has(
        &err,
        &[
            "content/red/bucle",
            "symbolic link loop: this link points to a folder that contains it",
            "content/red/a-mismo.md",
            "symbolic link loop: this link leads back to itself",
            "content/red/b-roto.md",
            "broken symbolic link",
            "the build found 3 error(s)",
        ],
    );
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_located() {
    let (site, before) = good_site();
    site.write("content/red/secreto.md", GOOD.replace("KB-1", "KB-2"));
    let secret = site.root().join("content/red/secreto.md");
    chmod(&secret, 0o000);
    let Some(mut cmd) = without_privileges(&site, &["build", "--strict"]) else {
        // Root without a way to drop privileges: permissions do not apply,
        // so the file is readable and there is nothing to assert.
        eprintln!("skipped: running as root and setpriv is not available");
        return;
    };
    let err = expect_exit(&mut cmd, 1);
    chmod(&secret, 0o644);
    assert!(tree(&site.public()) == before, "{err}");
    assert_has(
        &err,
        &[
            "content/red/secreto.md:1:1",
            "cannot read this file: Permission denied",
            "check the file's permissions",
        ],
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_image_is_a_problem_of_its_file() {
    let (site, _) = good_site();
    site.write("content/red/captura.png", "png bytes");
    site.write(
        "content/red/con-imagen.md",
        GOOD.replace("KB-1", "KB-2") + "\n![Captura](captura.png)\n",
    );
    let image = site.root().join("content/red/captura.png");
    chmod(&image, 0o000);
    let run = |args: &[&str], code| {
        let Some(mut cmd) = without_privileges(&site, args) else {
            eprintln!("skipped: running as root and setpriv is not available");
            return None;
        };
        Some(expect_exit(&mut cmd, code))
    };
    // Located like an unreadable article, and reported by check and a
    // strict build, not a failure of the whole build when it is copied.
    for (args, code) in [(&["check"][..], 1), (&["build", "--strict"][..], 1)] {
        let Some(err) = run(args, code) else {
            return;
        };
        assert_has(
            &err,
            &[
                "content/red/captura.png:1:1",
                "cannot read this file: Permission denied",
                "check the file's permissions",
            ],
        );
    }
    chmod(&image, 0o644);
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_is_left_alone() {
    let (site, before) = good_site();
    site.write("content/red/nuevo.md", GOOD.replace("KB-1", "KB-2"));
    let public = site.public();
    chmod(&public, 0o555);
    let Some(mut cmd) = without_privileges(&site, &["build"]) else {
        chmod(&public, 0o755);
        eprintln!("skipped: running as root and setpriv is not available");
        return;
    };
    let err = expect_exit(&mut cmd, 2);
    chmod(&public, 0o755);
    assert!(tree(&public) == before, "{err}");
    no_staging_left(site.root());
    assert_has(
        &err,
        &[
            // The default output, as the user would write it.
            "the output folder `./public` is read-only",
            "make it writable or choose another --out",
        ],
    );
}

#[cfg(unix)]
#[test]
fn an_output_folder_in_a_read_only_folder_is_left_alone() {
    let (site, _) = good_site();
    let parent = site.root().join("solo-lectura");
    let out = parent.join("sitio");
    let out_arg = out.to_str().unwrap();
    expect_exit(
        &mut tier0(&site, &["build", "--quiet", "--out", out_arg]),
        0,
    );
    let before = tree(&out);
    // The site itself stays writable for whoever builds: only its parent is not.
    chmod(&out, 0o777);
    chmod(&parent, 0o555);
    let Some(mut cmd) = without_privileges(&site, &["build", "--out", out_arg]) else {
        chmod(&parent, 0o755);
        eprintln!("skipped: running as root and setpriv is not available");
        return;
    };
    let err = expect_exit(&mut cmd, 2);
    chmod(&parent, 0o755);
    assert!(tree(&out) == before, "{err}");
    no_staging_left(&parent);
    assert_has(
        &err,
        &[
            &format!("beside `{}`", out.display()),
            "Permission denied",
            &format!("check that `{}` is writable", parent.display()),
        ],
    );
}

#[test]
fn an_output_path_that_is_a_file_is_left_alone() {
    let (site, before) = good_site();
    let file = site.root().join("salida.txt");
    std::fs::write(&file, "no es una carpeta").unwrap();
    let err = expect_exit(
        &mut tier0(&site, &["build", "--out", file.to_str().unwrap()]),
        2,
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "no es una carpeta");
    assert!(tree(&site.public()) == before);
    no_staging_left(site.root());
    // Regression: the refusal left `.tier0/salida.txt/lock` behind.
    assert!(!site.root().join(".tier0/salida.txt").exists());
    assert_has(
        &err,
        &[
            &format!("`{}` exists and is not a folder", file.display()),
            "choose another --out",
        ],
    );
}

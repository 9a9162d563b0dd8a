//! Regressions found by the fourteenth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, fourteenth round"), each
//! pinned on a small site of our own that writes the same pattern.
//!
//! Sets: `docs` of PyPI `attrs` 26.1.0 (sdist, MIT; Sphinx + MyST),
//! `docs` of PyPI `inline-snapshot` 0.37.0 (sdist, MIT; MkDocs Material
//! with attr_list, mkdocs-autorefs, mkdocstrings) and `docs` of PyPI
//! `copier` 9.19.1 (sdist, MIT; MkDocs Material).

use crate::conventions::{assert_has, page};
use crate::held_out::build;
use crate::support::Site;

/// inline-snapshot's configuration page marks each setting with an
/// attribute list's id, on the bold name (`**flags:**{#flags}`, attr_list)
/// or on mkdocs-autorefs's empty link (`[](){#flags}`), and its other pages
/// link to them (`configuration.md#flags`): tier0 dropped the lists with
/// their ids, left `<a href="">` for the empty link, and each link was a
/// broken anchor.
#[test]
fn an_attribute_list_id_after_text_is_an_anchor() {
    let site = Site::english();
    site.write(
        "content/settings.md",
        "# Settings\n\n* **retries:**{#retries} how often a call is tried again.\n\
         * **timeout:**[](){#timeout} seconds before a call gives up.\n\n\
         The proxy is read from the environment. {: #proxy }\n",
    );
    site.write(
        "content/calls.md",
        "# Calls\n\nSee [retries](settings.md#retries), [timeout](settings.md#timeout) \
         and [proxy](settings.md#proxy).\n",
    );
    let err = build(&site);
    assert!(!err.contains("broken link"), "{err}");
    let (_, body) = page(&site, "settings");
    assert_has(
        &body,
        &[
            "<strong>retries:</strong><a id=\"retries\"></a> how often",
            "<strong>timeout:</strong><a id=\"timeout\"></a> seconds",
            "environment. <a id=\"proxy\"></a>",
        ],
    );
    assert!(
        !body.contains("href=\"\"") && !body.contains("{#"),
        "{body}"
    );
}

/// copier's MkDocs project links its home page and two more to files of
/// the repository (`docs/index.md -> ../README.md`), which MkDocs and
/// Sphinx follow: tier0 skipped every link out of the content folder, so
/// the site had no home page of its own and no changelog. A link out of
/// the site folder, or to a hidden file in it, is still refused.
#[cfg(unix)]
#[test]
fn a_symbolic_link_to_a_file_of_the_project_is_followed() {
    use std::os::unix::fs::symlink;
    let site = Site::empty();
    site.write("mkdocs.yml", "site_name: Stencil\n");
    site.write(
        "README.md",
        "# Stencil\n\nStencil renders **project templates**.\n",
    );
    site.write(
        "CHANGES.md",
        "# Changes\n\n## 2.0\n\nTemplates may be updated.\n",
    );
    site.write(".private/plan.md", "# Plan\n\nLeakcanary one.\n");
    site.write("docs/usage.md", "# Usage\n\nRun `stencil new`.\n");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("notes.md"),
        "# Notes\n\nLeakcanary two.\n",
    )
    .unwrap();
    let docs = site.root().join("docs");
    symlink("../README.md", docs.join("index.md")).unwrap();
    symlink("../CHANGES.md", docs.join("history.md")).unwrap();
    symlink("../.private/plan.md", docs.join("plan.md")).unwrap();
    symlink(outside.path().join("notes.md"), docs.join("notes.md")).unwrap();
    let err = build(&site);
    assert!(err.contains("points outside the site folder"), "{err}");
    assert!(err.contains("does not publish as it is"), "{err}");
    let home = site.read_public("index.html");
    assert!(
        home.contains("Stencil renders <strong>project templates</strong>."),
        "{home}"
    );
    let (title, body) = page(&site, "history");
    assert_eq!(title, "Changes");
    assert_has(&body, &["Templates may be updated."]);
    let published = crate::support::tree(&site.public());
    assert!(
        published
            .values()
            .all(|bytes| !String::from_utf8_lossy(bytes).contains("Leakcanary")),
        "a refused link was published"
    );
}

/// attrs's pages name Python objects with Sphinx's roles, most with a
/// `~` (``{func}`~attrs.define` ``, 11 of them) and some with a title of
/// their own (``{meth}`__new__() <object.__new__>` ``): Sphinx shows
/// `define()` and `__new__()`, tier0 showed the role's text as written,
/// `~attrs.define` and `__new__() <object.__new__>`.
#[test]
fn a_python_object_role_shows_the_name_sphinx_shows() {
    let site = Site::english();
    site.write("content/conf.py", "project = 'Acme'\n");
    site.write(
        "content/loading.md",
        "# Loading\n\nCall {func}`~acme.io.load` on a {py:class}`~acme.io.Source`, \
         or {meth}`open it <acme.io.Source.open>` first; {func}`acme.dump` writes.\n",
    );
    build(&site);
    let (_, body) = page(&site, "loading");
    assert_has(
        &body,
        &[
            "Call <code>load()</code> on a <code>Source</code>, or <code>open it</code> \
           first; <code>acme.dump()</code> writes.",
        ],
    );
}

/// A project's `changes.md` (a changelog) or MkDocs Material's `tags.md`
/// at the top of its docs folder named a page tier0 writes itself
/// (`/changes/`, `/tags/`): each was an error and the page was left out.
/// It moves aside to that name with `-1` after it, with a warning; so
/// does a folder so named (`kb/`), and so do its own `static/` images (an error each, and a broken image), and
/// its `robots.txt`, which MkDocs copies to the root, is not published
/// over tier0's, with a warning: both failed the build.
#[test]
fn a_page_named_as_a_page_tier0_writes_moves_aside() {
    let site = Site::english();
    site.write(
        "content/index.md",
        "# Home\n\nSee [what changed](changes.md) and [the tags](tags.md).\n\n\
         ![Logo](static/img/logo.png)\n",
    );
    site.write("content/static/img/logo.png", b"\x89PNG\r\n\x1a\n");
    site.write("content/robots.txt", "User-agent: *\nAllow: /private/\n");
    site.write("content/changes.md", "# Changes\n\n## 1.2\n\nFaster.\n");
    site.write("content/tags.md", "# Tags\n\n[TAGS]\n");
    let err = build(&site);
    for (name, moved) in [("changes", "changes-1"), ("tags", "tags-1")] {
        assert!(
            err.contains(&format!(
                "article `{name}` would be written to `/{name}/`, where tier0 writes"
            )) && err.contains(&format!("it is at `/{moved}/`")),
            "{err}"
        );
    }
    let (_, body) = page(&site, "changes-1");
    assert_has(&body, &["<h2 id=\"1-2\">"]);
    let home = site.read_public("index.html");
    assert_has(
        &home,
        &[
            "href=\"changes-1/index.html\"",
            "href=\"tags-1/index.html\"",
            "src=\"static-1/img/logo.png\"",
        ],
    );
    assert!(site.public().join("static-1/img/logo.png").is_file());
    assert!(
        err.contains("content/robots.txt")
            && err.contains("not published: tier0 writes the rules for crawlers"),
        "{err}"
    );
    assert!(!site.read_public("robots.txt").contains("/private/"));
    // A folder so named, with its pages and files, moves aside whole.
    site.write(
        "content/kb/printers.md",
        "# Printers\n\n![Tray](tray.png)\n",
    );
    site.write("content/kb/tray.png", b"\x89PNG\r\n\x1a\n");
    let err = build(&site);
    assert!(
        err.contains("section `kb` would be written to `/kb/`, where tier0 writes the permanent short links: it is at `/kb-1/`"),
        "{err}"
    );
    let (_, body) = page(&site, "kb-1/printers");
    assert_has(&body, &["<img src=\"../../kb-1/tray.png\" alt=\"Tray\" />"]);
    assert!(site.public().join("kb-1/tray.png").is_file());
}

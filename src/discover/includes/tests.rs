use super::*;
use crate::discover::tests::site;

/// The expanded body of the page at `rel` of `root`'s `content/`, and the
/// warnings' messages.
fn expand(root: &Path, rel: &str) -> (Option<Included>, Vec<String>) {
    let content = ContentFolder::new(root, Path::new("content"));
    let text = std::fs::read_to_string(content.dir.join(rel)).unwrap();
    let file = SourceFile::in_content(rel, &text);
    let (mut included, warnings) = include_all(root, &content, &[&file]);
    let included = included.remove(rel).map(Arc::unwrap_or_clone);
    (included, warnings.into_iter().map(|d| d.message).collect())
}

#[test]
fn each_tool_reads_from_its_folder_and_markdown_is_included_whole() {
    let root = site(&[
        ("listings/main.rs", b"use x;\n// ANCHOR: here\nfn main() {}\n// ANCHOR_END: here\n"),
        ("snippets/note.md", b"---\ntitle: Note\n---\n!!! note\n    Read me.\n\n{!snippets/inner.md!}\n"),
        ("snippets/inner.md", b"Inner text.\n"),
        (
            "content/guide/page.md",
            b"---\ntitle: Page\n---\n```rust\n{{#include ../../listings/main.rs:here}}\n```\n\n--8<-- \"snippets/note.md\"\n\n{% include-markdown \"shared.md\" %}\n",
        ),
        ("content/guide/shared.md", b"Shared part.\n"),
    ]);
    let (included, warnings) = expand(root.path(), "guide/page.md");
    assert_eq!(warnings, Vec::<String>::new());
    let included = included.unwrap();
    assert_eq!(
        included.expanded.text(),
        "```rust\nfn main() {}\n```\n\n!!! note\n    Read me.\n\nInner text.\n\nShared part.\n"
    );
    // The file of the content folder it put in, at the line that did.
    assert_eq!(included.files.len(), 1);
    assert_eq!(included.files[0].0, "guide/shared.md");
}

#[test]
fn what_may_not_be_included_is_left_out_with_a_warning() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "password").unwrap();
    let big = vec![b'a'; MAX_BYTES as usize + 1];
    let root = site(&[
        (".git/config", b"[core]\n"),
        ("big.txt", &big),
        ("latin1.txt", b"caf\xe9\n"),
        ("content/loop.md", b"{{#include loop.md}}\n"),
        (
            "content/page.md",
            b"{{#include missing.rs}}\n{{#include /etc/hostname}}\n--8<-- \"https://example.com/x.md\"\n{{#include ../.git/config}}\n{{#include ../big.txt}}\n{{#include ../latin1.txt}}\n{{#include loop.md}}\n{{#include ../link/secret.txt}}\n",
        ),
    ]);
    std::os::unix::fs::symlink(outside.path(), root.path().join("link")).unwrap();
    let (included, warnings) = expand(root.path(), "page.md");
    let expected = [
        "`missing.rs` left out: no such file",
        // One warning per reason, at its first include.
        "2 file includes left out: an absolute path or a URL names no file of the site \
         folder; the first: `/etc/hostname`",
        "`../.git/config` left out: it is in a `.git` or `.tier0` folder",
        "`../big.txt` left out: it is larger than 1 MiB",
        "`../latin1.txt` left out: it is not UTF-8 text",
        "`loop.md` left out: it includes itself",
        "`../link/secret.txt` left out: it leads out of the site folder",
    ];
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    for (warning, expected) in warnings.iter().zip(expected) {
        assert!(warning.contains(expected), "{warning} / {expected}");
    }
    // Nothing of them is read into the page: the lines stay, for the
    // dialect rewrite to leave out.
    let text = std::fs::read_to_string(root.path().join("content/page.md")).unwrap();
    assert_eq!(included.unwrap().expanded.text(), text);
}

#[test]
fn a_page_without_includes_is_read_as_it_is() {
    let root = site(&[(
        "content/page.md",
        b"# Page\n\n`{{#include x}}` is mdBook's syntax.\n",
    )]);
    assert_eq!(expand(root.path(), "page.md"), (None, Vec::new()));
}

#[test]
fn a_link_target_is_rebased_from_one_folder_to_another() {
    let (root, docs) = (Path::new("/site"), Path::new("/site/docs"));
    let rebased = |url: &str, from: &Path, to: &Path| rebased(url, from, to);
    assert_eq!(
        rebased("docs/guide.md#a", root, docs).as_deref(),
        Some("guide.md#a")
    );
    assert_eq!(
        rebased("LICENSE", root, docs).as_deref(),
        Some("../LICENSE")
    );
    assert_eq!(
        rebased("../img/", Path::new("/site/a/b"), Path::new("/site/c")).as_deref(),
        Some("../a/img/")
    );
    assert_eq!(rebased("./", docs, docs).as_deref(), Some("./"));
    for kept in [
        "https://example.com/x",
        "mailto:a@b.c",
        "/abs",
        "#top",
        "?q=1",
        "{{ url }}",
    ] {
        assert_eq!(rebased(kept, root, docs), None, "{kept}");
    }
}

#[test]
fn a_pages_includes_put_in_16_mib_at_most() {
    // Ten includes of a file that includes another ten times: 100 copies
    // of 300 KiB, 30 MiB, the shape of a billion laughs.
    let leaf = "x".repeat(300 << 10) + "\n";
    let middle = "--8<-- \"c.md\"\n".repeat(10);
    let page = "--8<-- \"b.md\"\n".repeat(10);
    let root = site(&[
        ("c.md", leaf.as_bytes()),
        ("b.md", middle.as_bytes()),
        ("content/page.md", page.as_bytes()),
    ]);
    let (included, warnings) = expand(root.path(), "page.md");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("the page's includes would put in more than 16 MiB")),
        "{warnings:?}"
    );
    let size = included.unwrap().expanded.text().len();
    assert!(size <= MAX_TOTAL_BYTES + page.len(), "{size}");
    assert!(size > MAX_TOTAL_BYTES / 2, "{size}");
}

//! Unit tests of discovery: what is read, skipped, and how problems are
//! located.

use super::*;

/// What discovery finds in the site at `root`, whose content folder is
/// the default one.
fn discovered(root: &Path) -> io::Result<Sources> {
    discover(
        root,
        Path::new(CONTENT_DIR),
        &[],
        "default",
        Reading::First,
        None,
    )
}

/// A folder made of `files` (a name ending in `/` is an empty folder).
pub(super) fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if name.ends_with('/') {
            std::fs::create_dir_all(&path).unwrap();
        } else {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
    }
    dir
}

/// [`site`] of text files.
pub(super) fn site_of_texts(files: &[(&str, &str)]) -> tempfile::TempDir {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    site(&files)
}

#[test]
fn lone_crs_are_line_feeds_and_crlf_stays() {
    let (text, problem) = decode(PathBuf::from("a.md"), b"---\rid: A\r---\r\r\nx\r\ny\r");
    assert_eq!(&*text, "---\nid: A\n---\n\r\nx\r\ny\n");
    assert!(problem.is_none());
    let (text, _) = decode(PathBuf::from("a.md"), b"a\r\nb\n");
    assert_eq!(&*text, "a\r\nb\n");
}

#[test]
fn sorts_articles_sections_and_assets() {
    let files: [(&str, &[u8]); 8] = [
        ("content/red/b.md", b"b"),
        ("content/red/a.md", b"a"),
        ("content/red/_index.md", b"i"),
        ("content/red/_index.en.md", b"i"),
        ("content/red/router.png", b"png"),
        ("content/.git/x.md", b"x"),
        ("content/_drafts/y.md", b"y"),
        ("content/red/_notes.md", b"z"),
    ];
    let dir = site(&files);
    let s = discovered(dir.path()).unwrap();
    let rels: Vec<_> = s.articles.iter().map(|f| f.rel.as_str()).collect();
    assert_eq!(rels, ["red/a.md", "red/b.md"]);
    for (path, _) in files {
        let rel = &path["content/".len()..];
        assert_eq!(may_be_article(rel), rels.contains(&rel), "{rel}");
    }
    let sections: Vec<_> = s.sections.iter().map(|f| f.rel.as_str()).collect();
    assert_eq!(sections, ["red/_index.en.md", "red/_index.md"]);
    assert_eq!(s.assets.len(), 1);
    assert_eq!(s.assets[0].rel, "red/router.png");
    assert!(s.problems.is_empty());
}

#[test]
fn category_files_are_read_apart_and_never_copied() {
    let dir = site(&[
        ("content/b/_category_.yml", b"label: B\n"),
        ("content/a/_category_.json", b"{}"),
        ("content/a/x.md", b"x"),
        ("content/_drafts/_category_.json", b"{}"),
        ("content/a/_other_.json", b"{}"),
    ]);
    let s = discovered(dir.path()).unwrap();
    let rels: Vec<_> = s.categories.iter().map(|f| f.rel.as_str()).collect();
    assert_eq!(rels, ["a/_category_.json", "b/_category_.yml"]);
    assert!(s.assets.is_empty());
    assert_eq!(
        s.texts.text(Path::new("content/b/_category_.yml")),
        Some("label: B\n")
    );
    assert!(shapes_the_site("a/_category_.json") && !shapes_the_site("a/x.md"));
}

#[test]
fn navigation_files_are_read_apart_and_never_published() {
    let dir = site(&[
        ("content/_sidebar.md", b"- [A](a.md)\n"),
        ("content/_navbar.md", b"- [A](a.md)\n"),
        ("content/_coverpage.md", b"# Cover\n"),
        ("content/a.md", b"a"),
        ("content/g/.pages", b"nav: [b.md]\n"),
        ("content/g/b.md", b"b"),
        ("content/n/_meta.json", b"{}"),
        ("content/n/_meta.ts", b"export default {}"),
        ("content/_drafts/.pages", b"nav: []\n"),
    ]);
    let s = discovered(dir.path()).unwrap();
    let rels = |files: &[SourceFile]| files.iter().map(|f| f.rel.clone()).collect::<Vec<_>>();
    assert_eq!(rels(&s.articles), ["a.md", "g/b.md"]);
    assert_eq!(rels(&s.contents), ["_sidebar.md"]);
    assert_eq!(
        rels(&s.folder_navs),
        ["g/.pages", "n/_meta.json", "n/_meta.ts"]
    );
    assert!(s.assets.is_empty() && s.problems.is_empty());
    for rel in ["_sidebar.md", "g/.pages", "n/_meta.json", "n/_meta.js"] {
        assert!(shapes_the_site(rel) && !may_be_article(rel), "{rel}");
    }
}

#[test]
fn assets_are_in_the_order_of_whole_paths() {
    let dir = site(&[
        ("content/a/x.png", b"x"),
        ("content/a-b.png", b"b"),
        ("content/a.png", b"a"),
    ]);
    let s = discovered(dir.path()).unwrap();
    let rels: Vec<_> = s.assets.iter().map(|a| a.rel.as_str()).collect();
    assert_eq!(rels, ["a-b.png", "a.png", "a/x.png"]);
}

#[test]
fn invalid_utf8_is_located() {
    let dir = site(&[("content/bad.md", b"---\ntitle: \xff\n---\n")]);
    let s = discovered(dir.path()).unwrap();
    assert!(s.articles.is_empty());
    assert_eq!(s.problems.len(), 1);
    assert_eq!(s.problems[0].span, 11..11);
    assert_eq!(s.problems[0].path, Path::new("content/bad.md"));
}

#[test]
fn nul_characters_are_located() {
    let dir = site(&[("content/nul.md", b"---\ntitle: a\n---\nx \0 y\n")]);
    let s = discovered(dir.path()).unwrap();
    assert!(s.articles.is_empty());
    assert_eq!(s.problems.len(), 1);
    assert_eq!(s.problems[0].span, 19..20);
    assert!(s.problems[0].message.contains("NUL"));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_folder_loops_and_hidden_files_are_refused() {
    let dir = site(&[
        ("content/a.md", b"a"),
        ("README.md", b"r"),
        (".notes/todo.md", b"t"),
    ]);
    let elsewhere = site(&[("secret.md", b"s")]);
    let link = |from: &Path, to: &str| {
        std::os::unix::fs::symlink(from, dir.path().join("content").join(to)).unwrap();
    };
    link(&elsewhere.path().join("secret.md"), "leak.md");
    link(&dir.path().join("content"), "loop");
    link(&dir.path().join(".notes/todo.md"), "todo.md");
    link(&dir.path().join("README.md"), "about.md");
    let s = discovered(dir.path()).unwrap();
    let rels: Vec<_> = s.articles.iter().map(|f| f.rel.as_str()).collect();
    assert_eq!(rels, ["a.md", "about.md"]);
    assert_eq!(s.problems.len(), 3, "{:?}", s.problems);
    assert!(
        s.problems[0].message.contains("outside the site folder"),
        "{:?}",
        s.problems
    );
}

#[test]
fn missing_content_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = discovered(dir.path()).unwrap_err();
    assert!(err.to_string().contains("content"));
}

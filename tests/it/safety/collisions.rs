//! Names that collide: aliases and slugs on generated files, ids that differ
//! only in case, file names longer than the file system allows. Each is a
//! located error (file, line, column, what it collides with, how to fix
//! it), the build exits 1 and the previous site stays as it was.

use crate::support::{Site, failing_build, stderr};

/// An article `content/<rel>` with id `id` and the front matter line `line`
/// as its fourth line.
fn article(site: &Site, rel: &str, id: &str, line: &str) {
    site.write(
        &format!("content/{rel}"),
        format!("---\nid: {id}\ntitle: T\n{line}\n---\nTexto.\n"),
    );
}

#[test]
fn aliases_and_slugs_on_generated_paths_are_located_collisions() {
    let site = Site::empty();
    article(&site, "red/base.md", "KB-1", "tags: []");
    let cases = [
        (
            "/404.html",
            "where tier0 writes the not-found page (`/404.html`)",
        ),
        (
            "/articles.json",
            "where tier0 writes the list of articles for other tools",
        ),
        ("/robots.txt", "where tier0 writes the rules for crawlers"),
        (
            "/Sitemap.XML",
            "where tier0 writes the sitemap (`/sitemap.xml`)",
        ),
        ("/atom.xml", "(`/atom.xml`)"),
        (
            "/en/atom.xml",
            "the feed of new and updated articles (`/en/atom.xml`)",
        ),
        (
            "/robots.txt/x/",
            "inside `/robots.txt`, where tier0 writes the rules for crawlers",
        ),
        (
            "/search/x/",
            "inside `/search/`, where tier0 writes the search index",
        ),
        ("/static/", "where tier0 writes the theme's files"),
        (
            "/en/tiers/l1/",
            "inside `/en/tiers/`, where tier0 writes the tier pages",
        ),
        (
            "/changes/",
            "where tier0 writes the agents' \"what changed\" page",
        ),
        (
            "/kb/KB-1/",
            "inside `/kb/`, where tier0 writes the permanent short links",
        ),
        ("/en/", "which the English home page already uses"),
        (
            "/red/base/index.html/x",
            "inside `/red/base/index.html`, which article `KB-1` already uses as a file",
        ),
    ];
    for (i, (alias, _)) in cases.iter().enumerate() {
        article(
            &site,
            &format!("viejo/a{i}.md"),
            &format!("KB-{}", 10 + i),
            &format!("aliases: ['{alias}']"),
        );
    }
    // A slug and a category on generated folders, from the other side:
    // moved aside, with a warning at the key (an error with `--strict`).
    article(&site, "kb.md", "KB-2", "tags: []");
    article(&site, "otro/b.md", "KB-3", "category: search");
    let err = failing_build(&site, 1);
    for (i, (alias, needle)) in cases.iter().enumerate() {
        let located = format!("content/viejo/a{i}.md:4:10");
        assert!(err.contains(&located), "{alias}: no {located} in:\n{err}");
        let message = format!("an alias of `KB-{}` would be written to", 10 + i);
        let at = err
            .find(&message)
            .unwrap_or_else(|| panic!("{alias}: no {message:?} in:\n{err}"));
        let line = &err[at..at + err[at..].find('\n').unwrap()];
        assert!(line.contains(needle), "{alias}: {line}");
    }
    for needle in [
        "article `KB-2` would be written to `/kb/`, where tier0 writes the permanent short links",
        "section `search` would be written to `/search/`, where tier0 writes the search index \
         and results page: it is at `/search-1/`",
        "help: choose another slug, category or alias; tier0 writes /404.html, /articles.json",
        "content/otro/b.md:4:11",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn names_longer_than_a_file_name_are_located_errors() {
    let long = "a".repeat(256);
    let site = Site::empty();
    article(&site, "red/slug.md", "KB-1", &format!("slug: {long}"));
    article(
        &site,
        "red/alias.md",
        "KB-2",
        &format!("aliases: [/viejo/{long}/]"),
    );
    site.write(
        "content/red/id.md",
        format!("---\nid: KB-{long}\ntitle: T\n---\n"),
    );
    let err = failing_build(&site, 1);
    for needle in [
        "content/red/slug.md:4:7",
        "the slug is too long for a file name: `aaaaaaaaaaaaaaaaaaaaaaaa…` is 256 bytes long, and a file or folder name may have at most 255",
        "content/red/alias.md:4:10",
        "an alias is too long for a file name",
        "content/red/id.md:2:5",
        "the article id is too long for a folder name: `KB-aaaaaaaaaaaaaaaaaaaaa…` is 259 bytes long",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn new_shortens_a_long_title_to_a_file_name_the_same_way_each_time() {
    let title = "Qué hacer cuando la impresora de la planta tercera no imprime ".repeat(6);
    let mut names = Vec::new();
    for _ in 0..2 {
        let site = Site::fixture("basic");
        let output = site.tier0(&["new", "how-to", &title]).output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let created: Vec<String> = std::fs::read_dir(site.root().join("content"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with("que-hacer"))
            .collect();
        let [name] = created.as_slice() else {
            panic!("{created:?}");
        };
        assert!(name.len() <= 255 && name.len() > 200, "{name}");
        assert!(
            name.ends_with("-no-imprime.md") || name.ends_with(".md"),
            "{name}"
        );
        let slug = name.trim_end_matches(".md");
        assert!(
            "que-hacer-cuando-la-impresora-de-la-planta-tercera-no-imprime-"
                .repeat(6)
                .starts_with(&format!("{slug}-")),
            "cut at a word: {slug}"
        );
        // A new article is a draft.
        let built = site.tier0(&["build", "--drafts"]).output().unwrap();
        assert!(built.status.success(), "{}", stderr(&built));
        assert!(site.public().join(slug).join("index.html").is_file());
        names.push(name.clone());
    }
    assert_eq!(names[0], names[1]);
}

#[test]
fn ids_and_paths_that_differ_only_in_case_collide() {
    let site = Site::empty();
    article(&site, "red/a.md", "KB-1", "tags: []");
    article(&site, "red/b.en.md", "kb-1", "tags: []");
    article(&site, "red/c.md", "KB-3", "aliases: [/Red/A/]");
    site.write("content/red/Logo.png", "png");
    site.write("content/red/logo.png", "png");
    let err = failing_build(&site, 1);
    for needle in [
        "content/red/b.en.md:2:5",
        "id `kb-1` differs only in case from `KB-1`, the id of content/red/a.md",
        "write `KB-1` if this is a translation of that article",
        "content/red/c.md:4:10",
        "an alias of `KB-3` would be written to `/Red/A/`, which article `KB-1` already uses",
        "paths that differ only in case are the same file on macOS and Windows",
        "file `red/logo.png` would be written to `/red/logo.png`, which file `red/Logo.png` already uses",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

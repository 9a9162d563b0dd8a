//! Regressions found by the ninth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, ninth round"), each pinned on
//! a small site of our own that writes the same pattern.

use crate::conventions::{assert_has, page};
use crate::held_out::build;
use crate::support::{Site, stderr};

/// Intlayer's pages (Markdown meant for a React renderer) embed their
/// videos as JSX writes an empty element, `<iframe … />`: HTML reads the
/// `/` as nothing, so the rest of each of 42 pages was the iframe's
/// content, which a browser never shows, with a warning; 37 more spread
/// the tag over the lines of an HTML block.
#[test]
fn an_iframe_written_as_an_empty_jsx_element_keeps_the_rest_of_the_page() {
    let site = Site::english();
    site.write(
        "content/tour.md",
        "# Tour of the editor\n\n\
         <iframe title=\"The editor > in two minutes\" width=\"640\" src=\"https://video.example/embed/7\"/>\n\n\
         After the video, open **Settings**.\n\n## Next steps\n\n\
         <iframe\n  src=\"https://sandbox.example/demo\"\n  title=\"Try it />\"\n/>\n\nInvite your team.\n",
    );
    let err = build(&site);
    assert!(!err.contains("never closed"), "{err}");
    let (_, body) = page(&site, "tour");
    assert_has(
        &body,
        &[
            "src=\"https://video.example/embed/7\"/></iframe>\n<p>After the video, open <strong>Settings</strong>.</p>",
            "title=\"Try it />\"\n/></iframe>\n<p>Invite your team.</p>",
        ],
    );
    assert_eq!(body.matches("</iframe>").count(), 2, "{body}");
}

/// sphinx-exercise keeps its Sphinx project as sphinx-quickstart lays it
/// out with sources apart from the build, `docs/source/conf.py`: built
/// where it stands, from the project or from `docs/`, it had "no content
/// folder", where `docs/conf.py` is found.
#[test]
fn a_sphinx_project_with_its_sources_apart_builds_where_it_stands() {
    for top in ["docs/", ""] {
        let site = Site::empty();
        site.write(
            &format!("{top}source/conf.py"),
            "project = 'Gadgets'\nlanguage = 'de'\nextensions = ['myst_parser']\n",
        );
        site.write(
            &format!("{top}Makefile"),
            "html:\n\tsphinx-build source build\n",
        );
        site.write(
            &format!("{top}source/setup.md"),
            "# Einrichtung\n\n```{note}\nZuerst aufladen.\n```\n",
        );
        let output = site.tier0(&["build"]).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{top}: {err}");
        let html = site.read_public("setup/index.html");
        assert_has(&html, &["<html lang=\"de\"", "Zuerst aufladen.", "Gadgets"]);
    }
}

/// Directus's VitePress pages link to numbered headings (`## 1. Module
/// Bar`) by VitePress's id, `#_1-module-bar`, which opens an id that starts
/// with a digit with `_`: 13 broken links.
#[test]
fn a_link_to_a_numbered_heading_by_its_vitepress_id_lands_on_it() {
    let site = Site::english();
    site.write(
        "content/app/overview.md",
        "# The app\n\n## 1. Side menu\n\nPick a module.\n\n## 2. Top bar\n\nSearch here.\n",
    );
    site.write(
        "content/app/menus.md",
        "# Menus\n\nSee [the side menu](/app/overview#_1-side-menu) and [the bar](./overview.md#_2-top-bar).\n",
    );
    let err = build(&site);
    assert!(!err.contains("broken link"), "{err}");
    let (_, body) = page(&site, "app/overview");
    assert_has(&body, &["<span id=\"_1-side-menu\"></span>"]);
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

/// Intlayer's pages (as Nuxt Content's and Contentlayer's) date
/// themselves `createdAt:` and `updatedAt:`: two "unknown key" warnings
/// on each of 171 pages per language, and no date on any.
#[test]
fn created_at_and_updated_at_date_the_article() {
    let site = Site::english();
    site.write(
        "content/cms.md",
        "---\ncreatedAt: 2025-08-23\nupdatedAt: 2025-09-22\ntitle: The CMS\n---\n\n# The CMS\n\nEdit content.\n",
    );
    let err = build(&site);
    assert!(!err.contains("unknown key"), "{err}");
    assert_has(
        &site.read_public("cms/index.html"),
        &[
            "\"dateModified\":\"2025-09-22\",\"datePublished\":\"2025-08-23\"",
            "<time datetime=\"2025-09-22\">",
        ],
    );
}

/// sphinx-exercise's docs (Jupyter Book's exercises, solutions and
/// sphinx-proof's theorems): each block was a code block of its own text,
/// its `:label:` the first line.
#[test]
fn a_jupyter_book_exercise_is_a_titled_note() {
    let site = Site::english();
    site.write(
        "content/lesson.md",
        "# Loops\n\n```{exercise} Counting\n:label: ex-count\n\nPrint the numbers up to *ten*.\n```\n",
    );
    build(&site);
    let (_, body) = page(&site, "lesson");
    assert_has(
        &body,
        &[
            "<p class=\"alert-title\">Exercise (Counting)</p>\n<p>Print the numbers up to <em>ten</em>.</p>",
        ],
    );
    assert!(!body.contains("ex-count"), "{body}");
}

/// Hatch's home page (MkDocs Material's card grid) opens each card with
/// an icon tier0 leaves out, `-   :material-hammer-wrench:{ .lg .middle }
/// __Build system__`: the spaces after it moved the item's text right of
/// the lines indented under it, and the card's text showed as code.
#[test]
fn a_list_item_opened_by_an_icon_left_out_keeps_its_indented_lines() {
    let site = Site::english();
    site.write("content/build.md", "# Build\n\nBuild it.\n");
    site.write(
        "content/start.md",
        "# Start\n\n<div class=\"grid cards\" markdown>\n\n\
         -   :material-hammer-wrench:{ .lg .middle } __Builds__\n\n    ---\n\n    \
         Builds you can repeat.\n\n    [:octicons-arrow-right-24: Set them up](build.md)\n\n</div>\n",
    );
    build(&site);
    let (_, body) = page(&site, "start");
    assert_has(
        &body,
        &[
            "<p><strong>Builds</strong></p>\n<hr />\n<p>Builds you can repeat.</p>",
            "Set them up</a>",
        ],
    );
    assert!(!body.contains("<pre"), "{body}");
}

/// Intlayer's pages (36 per language) place their table of contents with
/// `<TOC/>`, as Docusaurus's with `<TOCInline toc={toc} />`: a "JSX
/// component tag left out" warning each, where the theme shows one.
#[test]
fn a_table_of_contents_component_is_no_warning() {
    let site = Site::english();
    site.write(
        "content/guide.md",
        "# Guide\n\n<TOC/>\n\n## Install\n\nRun it.\n\n## Use\n\nOpen it.\n",
    );
    let err = build(&site);
    assert!(!err.contains("JSX"), "{err}");
    let (_, body) = page(&site, "guide");
    assert!(!body.contains("TOC"), "{body}");
}

/// Directus's VitePress recipes open with `> {{ $frontmatter.description }}`
/// and a tip titled `Author: {{$frontmatter.author}}`: the quote was
/// empty, the version line lacked its version, and the tip's title showed
/// the expression as written, on 10 pages.
#[test]
fn vitepress_shows_the_front_matter_values_a_page_names() {
    let site = Site::english();
    site.write(
        "content/recipes/loop.md",
        "---\ndescription: Run a flow once for each item.\nauthor: Ana Ruiz\nversion: 9.18.1\nlevel:\n---\n\n\
         # Loops\n\n> {{ $frontmatter.description }}\n\n:::tip Author: {{$frontmatter.author}}\n\n\
         **Version:** {{$frontmatter.version}} {{ $frontmatter.level }}\n\n:::\n",
    );
    let err = build(&site);
    assert!(err.contains("1 template tag left out"), "{err}");
    let (_, body) = page(&site, "recipes/loop");
    assert_has(
        &body,
        &[
            "<blockquote>\n<p>Run a flow once for each item.</p>\n</blockquote>",
            "<p class=\"alert-title\">Author: Ana Ruiz</p>\n<p><strong>Version:</strong> 9.18.1</p>",
        ],
    );
    assert!(!body.contains("frontmatter"), "{body}");
}

/// Directus's recipes keep a line they hide, `<!-- **Skill Level:**
/// {{$frontmatter.skill_level}} -->`, inside a tip: "template tag left
/// out of the page" was said of text no reader ever sees.
#[test]
fn a_template_tag_inside_an_html_comment_is_no_warning() {
    let site = Site::english();
    site.write(
        "content/recipe.md",
        "# Recipe\n\n:::tip Details\n\n<!-- **Level:** {{ page.level }} -->\n\nCook it.\n\n:::\n",
    );
    let err = build(&site);
    assert!(!err.contains("template tag"), "{err}");
    let (_, body) = page(&site, "recipe");
    assert_has(&body, &["<!-- **Level:** {{ page.level }} -->", "Cook it."]);
}

/// Directus's docs (npm's `@directus/docs`) are VitePress's pages
/// themselves, `.vitepress/` beside `index.md`: built where they stand,
/// the error said only that there was no `content/`.
#[test]
fn a_folder_of_vitepress_pages_is_told_to_build_the_folder_above() {
    let site = Site::empty();
    site.write(".vitepress/config.js", "export default { title: 'Docs' }\n");
    site.write("index.md", "# Docs\n\nWelcome.\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    let name = site.root().canonicalize().unwrap();
    let name = name.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        err.contains(&format!(
            "this folder holds VitePress's pages (beside .vitepress/), and cannot be its own \
             content folder: build the folder above it, with `content_dir: {name}` in its tier0.yaml"
        )),
        "{err}"
    );
}

/// Intlayer names the file a code block shows `fileName="…"` (Nextra
/// `filename="…"`), on 767 blocks of 88 pages per language: the name was
/// lost with the rest of the info string, so a reader did not know where
/// the code goes.
#[test]
fn a_code_blocks_file_name_shows_above_it() {
    let site = Site::english();
    site.write(
        "content/setup.md",
        "# Setup\n\n```ts fileName=\"app.config.ts\" codeFormat={[\"typescript\", \"esm\"]}\nexport default {};\n```\n",
    );
    build(&site);
    let (_, body) = page(&site, "setup");
    assert_has(
        &body,
        &[
            "<p class=\"code-title\"><code>app.config.ts</code></p>\n<pre><code class=\"language-ts\">",
        ],
    );
}

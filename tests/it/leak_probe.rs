//! Leaks found by a hostile probe of the public edition: each test writes
//! a small site whose internal text carries a marker word and asserts that
//! no file of the public output holds it.

use std::collections::BTreeMap;

use crate::held_out::build;
use crate::support::{Site, stderr, tree};

/// The files of the public output that hold `marker`, in any case.
fn holding(site: &Site, marker: &str) -> Vec<String> {
    let marker = marker.to_lowercase();
    tree(&site.public())
        .into_iter()
        .filter(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .to_lowercase()
                .contains(&marker)
        })
        .map(|(path, _)| path)
        .collect()
}

/// Builds the agents' edition of `site`, which must succeed: its files.
fn agents_edition(site: &Site) -> BTreeMap<String, Vec<u8>> {
    site.tier0(&["build", "--audience", "agents"])
        .assert()
        .success();
    tree(&site.root().join("public-agents"))
}

/// A site whose section `sec` is internal, beside a public article.
fn with_internal_section() -> Site {
    let site = Site::empty();
    site.write(
        "content/sec/_index.md",
        "---\ntitle: Agents\naudience: internal\n---\n",
    );
    site.write(
        "content/red/open.md",
        "---\nid: KB-11\ntitle: Open\n---\n\nPublic.\n",
    );
    site
}

/// An article internal by its section (`audience: internal` on the
/// section's landing page) made its translations internal only when they
/// stood in that section too: one in a public section, sharing its id or
/// naming it as Hugo's `translationKey`, was published.
#[test]
fn a_translation_of_an_article_internal_by_its_section_is_internal() {
    let site = with_internal_section();
    site.write(
        "content/sec/reset.md",
        "---\nid: KB-9\ntitle: Reset\n---\n\nSecret steps.\n",
    );
    site.write(
        "content/red/reset.en.md",
        "---\nid: KB-9\ntitle: Reset\n---\n\nLeakcanary one.\n",
    );
    site.write(
        "content/sec/keys.md",
        "---\ntranslationKey: keys\ntitle: Keys\n---\n\nSecret keys.\n",
    );
    site.write(
        "content/en/red/keys.md",
        "---\ntranslationKey: keys\ntitle: Keys\n---\n\nLeakcanary two.\n",
    );
    let err = build(&site);
    assert!(
        err.contains("has no `audience:` and is internal, as `content/sec/reset.md` is"),
        "{err}"
    );
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
    let agents = agents_edition(&site);
    assert!(
        agents
            .values()
            .any(|bytes| String::from_utf8_lossy(bytes).contains("Leakcanary two"))
    );
}

/// The same, when the article internal by its section is left out for an
/// error: leaving a file out must not publish what it withheld.
#[test]
fn a_translation_of_a_left_out_article_of_an_internal_section_is_internal() {
    let site = with_internal_section();
    site.write(
        "content/sec/reset.md",
        "---\nid: KB-9\ntitle: Reset\ntier: L9\n---\n\nSecret steps.\n",
    );
    site.write(
        "content/red/reset.en.md",
        "---\nid: KB-9\ntitle: Reset\n---\n\nLeakcanary three.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(err.contains("unknown tier `L9`"), "{err}");
    assert!(
        err.contains("has no `audience:` and is internal, as `content/sec/reset.md` is"),
        "{err}"
    );
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
}

/// A page read through a symbolic link into an internal section, a file
/// (`red/copy.md -> ../sec/child.md`) or a folder (`red/sub -> ../sec/sub`),
/// was public where the link stands: the same text, published.
#[cfg(unix)]
#[test]
fn a_link_into_an_internal_section_publishes_nothing_of_it() {
    use std::os::unix::fs::symlink;
    let site = with_internal_section();
    site.write(
        "content/sec/child.md",
        "---\ntitle: Child\n---\n\nLeakcanary four.\n",
    );
    site.write(
        "content/sec/sub/_index.md",
        "---\ntitle: Sub\n---\n\nLeakcanary five.\n",
    );
    site.write(
        "content/sec/sub/deep.md",
        "---\ntitle: Deep\n---\n\nLeakcanary six.\n",
    );
    let red = site.root().join("content/red");
    symlink("../sec/child.md", red.join("copy.md")).unwrap();
    symlink("../sec/sub", red.join("sub")).unwrap();
    build(&site);
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
    let agents = agents_edition(&site);
    assert!(agents.contains_key("red/copy/index.html"));
    assert!(agents.contains_key("red/sub/deep/index.html"));
}

/// `audience: internal` on the home page's landing page (the content
/// folder's, or a language folder's, Hugo's `cascade` too) withholds its
/// text alone, where a section's withholds all below it: the articles
/// below were published without a word.
#[test]
fn an_internal_home_page_says_that_its_articles_are_published() {
    let site = Site::empty();
    site.write(
        "content/_index.md",
        "---\ntitle: Ayuda\naudience: internal\n---\n\nLeakcanary seven.\n",
    );
    site.write(
        "content/en/_index.md",
        "---\ntitle: Help\ncascade:\n  audience: internal\n---\n\nWelcome.\n",
    );
    site.write(
        "content/en/red/open.md",
        "---\nid: KB-11\ntitle: Open\n---\n\nPublic.\n",
    );
    let err = build(&site);
    for home in ["content/_index.md:3:11", "content/en/_index.md:1:1"] {
        assert!(
            err.contains(&format!(
                "the home page's `audience: internal` does not reach the articles and sections \
                 below it: they are published\n  ┌─ {home}"
            )),
            "{err}"
        );
    }
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
    assert!(site.public().join("en/red/open/index.html").is_file());
}

/// A snippet of the content folder that is no page (in a `_` or hidden
/// folder, as Hugo's `_common/`) and whose front matter says `audience:
/// internal` was put into a public page without a word: only snippets
/// outside the content folder were checked.
#[test]
fn an_internal_snippet_of_the_content_folder_is_not_included() {
    let site = Site::empty();
    site.write(
        "content/_common/agents.md",
        "---\naudience: internal\n---\n\nLeakcanary nine.\n",
    );
    site.write(
        "content/.notes/agents.md",
        "---\naudience: internal\n---\n\nLeakcanary ten.\n",
    );
    site.write("content/_common/shared.md", "Restart the router.\n");
    site.write(
        "content/red/open.md",
        "---\nid: KB-11\ntitle: Open\n---\n\n{{#include ../_common/agents.md}}\n\n\
         {{#include ../.notes/agents.md}}\n",
    );
    site.write(
        "content/red/shared.md",
        "---\nid: KB-12\ntitle: Shared\n---\n\n{{#include ../_common/shared.md}}\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    for (file, line) in [("_common", 6), (".notes", 8)] {
        assert!(
            err.contains(&format!(
                "error: includes `content/{file}/agents.md`, whose front matter says `audience: \
                 internal`\n  ┌─ content/red/open.md:{line}:1"
            )),
            "{err}"
        );
    }
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
    assert!(
        site.read_public("red/shared/index.html")
            .contains("Restart the router.")
    );
}

/// An internal article that stands for its section's page (mdBook's
/// `chapter.md` beside `chapter/`) withholds the section as an internal
/// landing page does: its sub-chapters were published.
#[test]
fn an_internal_chapter_withholds_its_sub_chapters() {
    let site = Site::empty();
    site.write(
        "content/agents.md",
        "---\nid: KB-20\naudience: internal\n---\n\n# Agents\n\nSecret.\n",
    );
    site.write(
        "content/agents/reset.md",
        "---\nid: KB-21\n---\n\n# Reset\n\nLeakcanary eleven.\n",
    );
    site.write(
        "content/red/open.md",
        "---\nid: KB-11\ntitle: Open\n---\n\nPublic.\n",
    );
    build(&site);
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
    assert!(site.public().join("red/open/index.html").is_file());
    let agents = agents_edition(&site);
    assert!(agents.contains_key("agents/reset/index.html"));
}

/// MkDocs's `exclude_docs` and `draft_docs` keep pages unpublished: tier0
/// published them without a word. Excluded files are now never read, and
/// drafts are drafts.
#[test]
fn mkdocs_exclusions_keep_pages_off_the_site() {
    let site = Site::empty();
    site.write(
        "mkdocs.yml",
        "site_name: Help\nexclude_docs: |\n  /agents/\n  *.tmp.md\ndraft_docs: |\n  \
         *.draft.md\n",
    );
    site.write("content/agents/plan.md", "# Plan\n\nLeakcanary one.\n");
    site.write("content/agents/shot.png", "PNG leakcanary");
    site.write("content/red/notes.tmp.md", "# Notes\n\nLeakcanary two.\n");
    site.write("content/red/next.draft.md", "# Next\n\nLeakcanary three.\n");
    site.write("content/red/open.md", "# Open\n\nPublic.\n");
    let err = build(&site);
    assert!(
        !err.contains("agents") && !err.contains("notes.tmp"),
        "{err}"
    );
    assert!(holding(&site, "leakcanary").is_empty());
    assert!(site.public().join("red/open/index.html").is_file());
    // The drafts are shown by `--drafts`; the excluded files never.
    let output = site.tier0(&["build", "--drafts"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.public().join("red/next-draft/index.html").is_file());
    assert!(holding(&site, "leakcanary one").is_empty());
    assert!(holding(&site, "leakcanary two").is_empty());
}

/// Sphinx's `exclude_patterns` and VitePress's `srcExclude` keep files off
/// the site as MkDocs's `exclude_docs` does.
#[test]
fn sphinx_and_vitepress_exclusions_keep_pages_off_the_site() {
    let site = Site::empty();
    site.write(
        "docs/conf.py",
        "project = 'Help'\nexclude_patterns = ['_build', 'internal', '**/TODO.md']  # drafts\n",
    );
    site.write("docs/index.md", "# Help\n\nWelcome.\n");
    site.write("docs/guide/setup.md", "# Setup\n\nPublic.\n");
    site.write("docs/guide/TODO.md", "# Todo\n\nLeakcanary one.\n");
    site.write("docs/internal/plan.md", "# Plan\n\nLeakcanary two.\n");
    build(&site);
    assert!(holding(&site, "leakcanary").is_empty());
    assert!(site.public().join("guide/setup/index.html").is_file());

    let site = Site::empty();
    site.write(
        "docs/.vitepress/config.mts",
        "export default { title: 'Help', srcExclude: ['**/README.md', 'drafts/**'] }\n",
    );
    site.write("docs/index.md", "# Help\n\nWelcome.\n");
    site.write("docs/guide/setup.md", "# Setup\n\nPublic.\n");
    site.write("docs/guide/README.md", "# Readme\n\nLeakcanary three.\n");
    site.write("docs/drafts/next.md", "# Next\n\nLeakcanary four.\n");
    build(&site);
    assert!(holding(&site, "leakcanary").is_empty());
    assert!(site.public().join("guide/setup/index.html").is_file());
}

/// Docusaurus's docs plugin `exclude`, MkDocs's own `/templates/` and the
/// mkdocs-exclude plugin (`glob:`, `regex:`), which sites kept before
/// `exclude_docs` existed, keep pages off the site: each was published.
#[test]
fn docusaurus_exclude_and_mkdocs_defaults_and_plugin_keep_pages_off_the_site() {
    let site = Site::empty();
    site.write(
        "docusaurus.config.js",
        "module.exports = {\n  title: 'Help',\n  presets: [['classic', {\n    docs: {\n      \
         sidebarPath: './sidebars.js',\n      exclude: ['**/internal/**', 'drafts/*.md'],\n    },\n    \
         blog: { exclude: ['**/guide/**'] },\n  }]],\n  themeConfig: { docs: { sidebar: { hideable: \
         true } } },\n};\n",
    );
    site.write("docs/intro.md", "# Help\n\nWelcome.\n");
    site.write("docs/guide/setup.md", "# Setup\n\nPublic.\n");
    site.write("docs/guide/internal/plan.md", "# Plan\n\nLeakcanary one.\n");
    site.write("docs/drafts/next.md", "# Next\n\nLeakcanary two.\n");
    site.write("docs/drafts/deep/kept.md", "# Kept\n\nPublic too.\n");
    build(&site);
    assert!(holding(&site, "leakcanary").is_empty());
    assert!(site.public().join("guide/setup/index.html").is_file());
    assert!(site.public().join("drafts/deep/kept/index.html").is_file());

    let site = Site::empty();
    site.write(
        "mkdocs.yml",
        "site_name: Help\nplugins:\n  - search\n  - exclude:\n      glob:\n        - internal/*\n        \
         - \"*.tmp.md\"\n      regex:\n        - '.*/secret-[0-9]+\\.md$'\n",
    );
    site.write("docs/index.md", "# Help\n\nWelcome.\n");
    site.write("docs/templates/reply.md", "# Reply\n\nLeakcanary three.\n");
    site.write("docs/internal/deep/plan.md", "# Plan\n\nLeakcanary four.\n");
    site.write("docs/red/notes.tmp.md", "# Notes\n\nLeakcanary five.\n");
    site.write("docs/red/secret-12.md", "# Secret\n\nLeakcanary six.\n");
    site.write("docs/red/open.md", "# Open\n\nPublic.\n");
    site.write(
        "docs/red/templates/reply.md",
        "# Reply\n\nPublic, not at the top.\n",
    );
    build(&site);
    assert!(holding(&site, "leakcanary").is_empty());
    assert!(site.public().join("red/open/index.html").is_file());
    assert!(
        site.public()
            .join("red/templates/reply/index.html")
            .is_file()
    );
}

/// A docs folder with its own `package.json` holds the packages npm
/// installed: each package's README was published as an article, and its
/// scripts copied to the site.
#[test]
fn node_modules_of_the_content_folder_are_not_published() {
    let site = Site::empty();
    site.write(
        "content/node_modules/pkg/README.md",
        "# pkg\n\nLeakcanary twelve.\n",
    );
    site.write(
        "content/node_modules/pkg/index.js",
        "module.exports = 'leakcanary';\n",
    );
    site.write(
        "content/red/open.md",
        "---\nid: KB-11\ntitle: Open\n---\n\nPublic.\n",
    );
    let err = build(&site);
    assert!(!err.contains("node_modules"), "{err}");
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
}

/// `internal: true`, as authors write it, was an unknown key, ignored with
/// a warning: the article was published.
#[test]
fn internal_true_keeps_an_article_to_agents() {
    let site = Site::empty();
    site.write(
        "content/red/plan.md",
        "---\nid: KB-1\ntitle: Plan\ninternal: true\n---\n\nLeakcanary thirteen.\n",
    );
    site.write(
        "content/red/both.md",
        "---\nid: KB-2\ntitle: Both\ninternal: yes\naudience: public\n---\n\nLeakcanary fourteen.\n",
    );
    site.write(
        "content/sec/_index.md",
        "---\ntitle: Agents\ninternal: true\n---\n",
    );
    site.write(
        "content/sec/steps.md",
        "---\nid: KB-3\ntitle: Steps\n---\n\nLeakcanary fifteen.\n",
    );
    site.write(
        "content/red/open.md",
        "---\nid: KB-4\ntitle: Open\ninternal: false\n---\n\nPublic.\n",
    );
    let err = build(&site);
    assert!(!err.contains("unknown key"), "{err}");
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
    assert!(site.public().join("red/open/index.html").is_file());
    let agents = agents_edition(&site);
    for page in ["red/plan", "red/both", "sec/steps"] {
        assert!(agents.contains_key(&format!("{page}/index.html")), "{page}");
    }
}

/// Obsidian Publish's and Quartz's `publish: false` was an unknown key,
/// ignored with a warning: the note was published.
#[test]
fn publish_false_keeps_a_page_unpublished() {
    let site = Site::empty();
    site.write(
        "content/red/note.md",
        "---\nid: KB-1\ntitle: Note\npublish: false\n---\n\nLeakcanary sixteen.\n",
    );
    site.write(
        "content/red/open.md",
        "---\nid: KB-2\ntitle: Open\npublish: true\n---\n\nPublic.\n",
    );
    let err = build(&site);
    assert!(!err.contains("unknown key"), "{err}");
    assert_eq!(holding(&site, "leakcanary"), Vec::<String>::new());
    assert!(site.public().join("red/open/index.html").is_file());
    site.tier0(&["build", "--drafts"]).assert().success();
    assert!(site.public().join("red/note/index.html").is_file());
}

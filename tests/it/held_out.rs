//! Regressions found by building documentation tier0 had never seen
//! (BENCHMARKS.md, "Held-out documentation", third to fifth rounds), each pinned on
//! a small site of our own that writes the same pattern.

use crate::conventions::{assert_has, page};
use crate::support::{Site, stderr};

/// Builds `site`, which must succeed; returns stderr.
pub(crate) fn build(site: &Site) -> String {
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    err
}

/// cxx's mdBook writes `# rust::Box\<T\>` and `[UniquePtr\<T\>](…)`: the
/// escaped `<T\>` was read as a JSX tag and left out, which cut the title
/// to `rust::Box\` and showed the link as its Markdown.
#[test]
fn an_escaped_angle_bracket_is_text_not_a_tag() {
    let site = Site::empty();
    site.write(
        "content/box.md",
        "# rust::Box\\<T\\>\n\nPrefer [UniquePtr\\<T\\>](unique.md) for that.\n",
    );
    site.write("content/unique.md", "# std::unique_ptr\\<T\\>\n\nOwned.\n");
    let err = build(&site);
    assert!(!err.contains("JSX"), "{err}");
    let (title, body) = page(&site, "box");
    assert_eq!(title, "rust::Box&lt;T&gt;");
    assert_has(
        &body,
        &["Prefer <a href=\"../unique/index.html\">UniquePtr&lt;T&gt;</a> for that."],
    );
}

/// attrs, structlog and pip (Sphinx with MyST) link to a target of another
/// page by its label alone (`[cached](wheel-caching)` for
/// `(wheel-caching)=` in `topics/caching.md`), which Sphinx resolves
/// across the project: each was a broken link.
#[test]
fn a_link_to_a_myst_label_leads_to_the_page_that_defines_it() {
    let site = Site::empty();
    site.write(
        "content/topics/caching.md",
        "# Caching\n\n(wheel-caching)=\n## Wheel cache\n\nBuilt wheels are kept.\n",
    );
    site.write(
        "content/reference/build.md",
        "# Build\n\nWheels can be [cached](wheel-caching) for reuse.\n",
    );
    let err = build(&site);
    assert!(!err.contains("broken link"), "{err}");
    let (_, body) = page(&site, "reference/build");
    assert_has(
        &body,
        &["<a href=\"../../topics/caching/index.html#wheel-caching\">cached</a>"],
    );
    let check = site.tier0(&["check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

/// Every page of cxx's mdBook opens with `{{#title … — Rust ♡ C++}}`, the
/// browser tab's title: 27 "template tag left out" warnings.
#[test]
fn an_mdbook_page_title_is_no_warning() {
    let site = Site::empty();
    site.write(
        "content/async.md",
        "{{#title Async functions — The book}}\n# Async functions\n\nAwait them.\n",
    );
    let err = build(&site);
    assert!(!err.contains("template tag"), "{err}");
    let (title, body) = page(&site, "async");
    assert_eq!(title, "Async functions");
    assert!(!body.contains("The book"), "{body}");
}

/// Jupyter Book 2 (MyST) writes a reference to a label of another page as
/// a fragment, `[](#known-limitations)` for `(known-limitations)=` in
/// another file, and leaves the text for MyST to fill with the target's
/// title: each was a broken anchor shown as an empty (invisible) link.
#[test]
fn a_myst_fragment_reference_leads_to_the_label_and_shows_text() {
    let site = Site::empty();
    site.write(
        "content/faq.md",
        "# Questions\n\n(known-limits)=\n## Known limits\n\nNo tables in exports.\n",
    );
    site.write(
        "content/upgrade.md",
        "# Upgrade\n\nFirst read [](#known-limits), then [](faq.md) and [](https://example.org/x).\n",
    );
    let err = build(&site);
    assert!(!err.contains("broken link"), "{err}");
    let (_, body) = page(&site, "upgrade");
    assert_has(
        &body,
        &[
            "First read <a href=\"../faq/index.html#known-limits\">known-limits</a>, \
             then <a href=\"../faq/index.html\">Questions</a> and \
             <a href=\"https://example.org/x\">https://example.org/x</a>.",
        ],
    );
}

/// VuePress theme Hope (its own template, in Chinese) writes tabs as
/// `@tab Title` lines inside `::: tabs` or `::: code-tabs`, shown as text,
/// and orders and tags its pages with `order:` and `tag:`, which were
/// "unknown key" warnings, as were its home page's hero keys.
#[test]
fn vuepress_tabs_show_their_titles_and_its_keys_are_read() {
    let site = Site::empty();
    site.write(
        "content/guide/install.md",
        "---\ntitle: 安装\norder: 2\ntag:\n  - 入门\nstar: true\npageInfo: false\n---\n\n\
         ::: code-tabs#shell\n\n@tab pnpm\n\n```bash\npnpm add tier\n```\n\n\
         @tab:active npm\n\n```bash\nnpm i tier\n```\n\n:::\n",
    );
    site.write(
        "content/guide/start.md",
        "---\ntitle: 开始\norder: 1\nheroText: 你好\n---\n\n先读这里。\n",
    );
    let err = build(&site);
    assert!(!err.contains("unknown key"), "{err}");
    let (_, body) = page(&site, "guide/install");
    assert_has(
        &body,
        &[
            "<p><strong>pnpm</strong></p>",
            "<p><strong>npm</strong></p>",
        ],
    );
    assert!(!body.contains("@tab"), "{body}");
    let section = site.read_public("guide/index.html");
    let first = section.find("开始").unwrap_or(usize::MAX);
    let second = section.find("安装").unwrap_or(0);
    assert!(first < second, "{section}");
}

/// Furo's and scikit-build-core's docs (Sphinx with MyST) put labels on a
/// section's landing page, `customisation/index.md`, and link to them
/// from the pages below (`[hide the name](sidebar_hide_name)`): only the
/// articles' labels were looked for, so each was a broken link.
#[test]
fn a_link_to_a_label_of_a_section_page_leads_there() {
    let site = Site::empty();
    site.write(
        "content/setup/index.md",
        "# Setup\n\n(proxy-options)=\n## Proxy options\n\nSet the proxy first.\n",
    );
    site.write(
        "content/setup/logo.md",
        "# Logo\n\nSee [the proxy](proxy-options) and [](#proxy-options).\n",
    );
    let err = build(&site);
    assert!(!err.contains("broken"), "{err}");
    let (_, body) = page(&site, "setup/logo");
    assert_has(
        &body,
        &[
            "See <a href=\"../../setup/index.html#proxy-options\">the proxy</a> and \
           <a href=\"../../setup/index.html#proxy-options\">proxy-options</a>.",
        ],
    );
}

/// Furo's and sphinx-book-theme's docs (Sphinx with MyST) use
/// sphinx-design's tabs, dropdowns and cards, which showed as code blocks
/// holding their source, and write options under their admonitions
/// (`:class: tip`), which showed as text.
#[test]
fn sphinx_design_directives_show_their_content() {
    let site = Site::empty();
    site.write(
        "content/install.md",
        "# Install\n\n````{tab-set}\n```{tab-item} Debian\n:sync: deb\n\nRun apt.\n```\n\n\
         ```{tab-item} Fedora\nRun dnf.\n```\n````\n\n\
         ```{dropdown} Older releases\n:open:\n\nUse the archive.\n```\n\n\
         :::{important}\n:class: sd-shadow\nReboot after.\n:::\n",
    );
    build(&site);
    let (_, body) = page(&site, "install");
    assert_has(
        &body,
        &[
            "<p><strong>Debian</strong></p>\n<p>Run apt.</p>",
            "<p><strong>Fedora</strong></p>\n<p>Run dnf.</p>",
            "<summary class=\"alert-title\">Older releases</summary>\n<p>Use the archive.</p>",
            "<p>Reboot after.</p>",
        ],
    );
    for raw in ["tab-item", ":sync:", ":open:", ":class:", "<pre>"] {
        assert!(!body.contains(raw), "{raw} in {body}");
    }
}

/// sphinx-book-theme's docs show `_static/` images: the folder was skipped,
/// as folders whose name starts with `_` are, and the images were broken.
#[test]
fn sphinx_static_files_are_published_and_shown() {
    let site = Site::empty();
    site.write(
        "content/theme.md",
        "# Theme\n\n![Logo](_static/logo.png)\n\n[Styles](_static/css/custom.css)\n",
    );
    site.write("content/_static/logo.png", "PNG");
    site.write("content/_static/css/custom.css", "body {}");
    site.write("content/_static/notes.md", "# Not a page\n");
    site.write("content/_drafts/draft.png", "PNG");
    site.write("content/guide/_static/inner.png", "PNG");
    let err = build(&site);
    assert!(!err.contains("broken"), "{err}");
    let public = site.public();
    for published in [
        "sphinx-static/logo.png",
        "sphinx-static/css/custom.css",
        "sphinx-static/notes.md",
    ] {
        assert!(public.join(published).is_file(), "{published}\n{err}");
    }
    assert_has(
        &page(&site, "theme").1,
        &[
            "src=\"../sphinx-static/logo.png\"",
            "href=\"../sphinx-static/css/custom.css\"",
        ],
    );
    // Only Sphinx's folder, at the top: other `_` folders stay out.
    for left_out in [
        "_static",
        "_drafts",
        "drafts/draft.png",
        "guide/_static",
        "guide/sphinx-static",
    ] {
        assert!(!public.join(left_out).exists(), "{left_out}");
    }
}

/// black's docs (Sphinx with MyST) keep `conf.py`, `Makefile` and
/// `make.bat` beside their pages: the site published them, and
/// `tier0 check` told to delete them as files no article uses, which
/// would break the Sphinx build the project still runs.
#[test]
fn a_sphinx_folders_config_and_build_scripts_are_not_published() {
    let site = Site::empty();
    site.write("content/index.md", "# Formatter\n\nRun it.\n");
    site.write("content/conf.py", "project = 'formatter'\n");
    site.write("content/Makefile", "html:\n\tsphinx-build . _build\n");
    site.write("content/make.bat", "sphinx-build . _build\n");
    site.write("content/guide/Makefile", "all:\n");
    let err = build(&site);
    let public = site.public();
    for left_out in ["conf.py", "Makefile", "make.bat"] {
        assert!(!public.join(left_out).exists(), "{left_out}\n{err}");
    }
    // Only the top's: elsewhere a Makefile is a file like any other.
    assert!(public.join("guide/Makefile").is_file(), "{err}");
    let check = site.tier0(&["check"]).output().unwrap();
    let said = stderr(&check);
    assert!(!said.contains("conf.py"), "{said}");
    assert!(!said.contains("make.bat"), "{said}");
}

/// pino's docs are a flat folder of pages, and black's (Sphinx) keep
/// "Getting Started" and the FAQ at the top: no section lists such pages,
/// so the home page showed an empty "Browse by topic" and reached them only
/// through its ten most recent articles (four of pino's fourteen were
/// linked from no list at all).
#[test]
fn the_home_page_lists_the_articles_outside_sections() {
    let site = Site::english();
    for (file, title) in [
        ("api.md", "API"),
        ("browser.md", "Browser"),
        ("child-loggers.md", "Child loggers"),
        ("transports.md", "Transports"),
    ] {
        site.write(&format!("content/{file}"), format!("# {title}\n\nText.\n"));
    }
    site.write(
        "content/hidden.md",
        "---\nunlisted: true\n---\n# Hidden\n\nText.\n",
    );
    build(&site);
    let home = site.read_public("index.html");
    assert!(!home.contains("Browse by topic"), "{home}");
    let listed = home
        .split_once("<h2 id=\"home-articles\">Articles</h2>")
        .map(|(_, rest)| rest.split_once("</section>").map_or(rest, |(list, _)| list))
        .unwrap_or_else(|| panic!("no list of articles:\n{home}"));
    let links: Vec<&str> = listed
        .match_indices("class=\"article-link\" href=\"")
        .filter_map(|(at, found)| listed[at + found.len()..].split('"').next())
        .collect();
    assert_eq!(
        links,
        [
            "api/index.html",
            "browser/index.html",
            "child-loggers/index.html",
            "transports/index.html",
        ]
    );

    // A page in a section is listed there, not again on the home page.
    site.write("content/guides/setup.md", "# Setup\n\nText.\n");
    build(&site);
    let home = site.read_public("index.html");
    assert!(home.contains("Browse by topic"), "{home}");
    let listed = home
        .split_once("<h2 id=\"home-articles\">")
        .map_or("", |(_, rest)| {
            rest.split_once("</section>").map_or(rest, |(list, _)| list)
        });
    assert!(!listed.contains("setup/index.html"), "{listed}");
    assert!(listed.contains("transports/index.html"), "{listed}");
}

/// A flat folder of pages (pino's docs, docsify's): each page was a dead
/// end, with neither the pages before and after it nor a list of the
/// others, as an article in a section has. It shows the articles around
/// it among those outside sections, in the site's order.
#[test]
fn the_pages_of_a_flat_folder_show_the_pages_around_them() {
    let site = Site::english();
    let titles: Vec<String> = (1..=12).map(|n| format!("Page {n:02}")).collect();
    for (n, title) in titles.iter().enumerate() {
        site.write(
            &format!("content/p{n:02}.md"),
            format!("---\nweight: {n}\n---\n# {title}\n\nText.\n"),
        );
    }
    site.write(
        "content/hidden.md",
        "---\nunlisted: true\n---\n# Hidden\n\nText.\n",
    );
    site.write("content/guides/setup.md", "# Setup\n\nText.\n");
    build(&site);
    let nav = |rel: &str| -> String {
        let html = site.read_public(rel);
        let (_, nav) = html
            .split_once("<nav class=\"section-nav\"")
            .unwrap_or_else(|| panic!("{rel} has no list of the pages around it"));
        nav.split_once("</nav>")
            .map_or(nav, |(nav, _)| nav)
            .to_owned()
    };
    let first = nav("p00/index.html");
    assert_has(&first, &["<h2 id=\"section-nav-title\">Articles</h2>"]);
    assert_has(&first, &["rel=\"next\"><span class=\"pager-label\">"]);
    assert!(!first.contains("rel=\"prev\""), "{first}");
    // The first ten, itself among them, and not the eleventh.
    assert_has(&first, &["<span aria-current=\"page\">Page 01</span>"]);
    assert_has(&first, &["Page 10</a>"]);
    assert!(!first.contains("Page 11"), "{first}");
    let middle = nav("p06/index.html");
    assert_has(&middle, &["Page 06</a></li>"]);
    assert_has(&middle, &["Page 08</a></li>"]);
    assert!(middle.contains("rel=\"prev\"") && middle.contains("rel=\"next\""));
    assert!(
        !middle.contains("Hidden") && !middle.contains("Setup"),
        "{middle}"
    );
    // An unlisted page shows no list; a page in a section shows its own.
    assert!(
        !site
            .read_public("hidden/index.html")
            .contains("section-nav")
    );
    let setup = site.read_public("guides/setup/index.html");
    assert!(!setup.contains("Page 01"), "{setup}");
}

/// The sdists of pymdown-extensions and mkdocstrings (an `mkdocs.yml`
/// whose theme names no language) and sphinx-copybutton (a `conf.py`
/// without `language`), built where they stand, came out in tier0's
/// default language: a Spanish interface ("Centro de ayuda", alerts titled
/// "Nota") and Spanish search analysis over English pages. Each generator
/// publishes in English when its configuration names no language.
#[test]
fn a_generators_project_naming_no_language_is_english() {
    let lang_of = |site: &Site, page: &str| {
        build(site);
        let html = site.read_public(page);
        let lang = html.split_once("<html lang=\"").unwrap().1;
        lang[..lang.find('"').unwrap()].to_owned()
    };
    let mkdocs = Site::empty();
    mkdocs.write("mkdocs.yml", "site_name: Docs\ntheme:\n  name: material\n");
    mkdocs.write("docs/install.md", "# Install\n\nRun the installer.\n");
    assert_eq!(lang_of(&mkdocs, "install/index.html"), "en");
    let home = mkdocs.read_public("index.html");
    assert!(home.contains("Search articles or error codes"), "{home}");

    let sphinx = Site::empty();
    sphinx.write(
        "docs/conf.py",
        "project = 'x'\nextensions = ['myst_parser']\n",
    );
    sphinx.write("docs/use.md", "# Use\n\n```{note}\nCopy it.\n```\n");
    assert_eq!(lang_of(&sphinx, "use/index.html"), "en");
    assert!(sphinx.read_public("use/index.html").contains(">Note<"));

    // A tier0 site of its own keeps tier0's default, generator file or not.
    let own = Site::empty();
    own.write("mkdocs.yml", "site_name: Docs\n");
    own.write("content/install.md", "# Install\n\nRun the installer.\n");
    assert_eq!(lang_of(&own, "install/index.html"), "es");
}

/// PyMdown's InlineHilite names a code span's language after `#!`:
/// pymdown-extensions' pages showed `#!py3 True` in every options table
/// and `#!html <pre>` in their prose, and search read `py3` as a word of
/// them. The code shows alone; a shell's `#!/bin/sh` stays as written.
#[test]
fn a_code_span_shows_without_the_language_inlinehilite_names() {
    let site = Site::empty();
    site.write(
        "content/options.md",
        "# Options\n\n| Option | Default |\n|---|---|\n| `smart` | `#!py3 True` |\n\n\
         Wrap it in `#!html <pre>` tags; start scripts with `#!/bin/sh`.\n",
    );
    build(&site);
    let (_, body) = page(&site, "options");
    assert_has(
        &body,
        &[
            "<td><code>True</code></td>",
            "<code>&lt;pre&gt;</code> tags",
            "<code>#!/bin/sh</code>",
        ],
    );
    assert!(!body.contains("py3"), "{body}");
    let search = site.tier0(&["search", "py3"]).output().unwrap();
    assert!(
        !String::from_utf8_lossy(&search.stdout).contains("options"),
        "{}",
        String::from_utf8_lossy(&search.stdout)
    );
}

/// pymdown-extensions links with `[MkDocs][mkdocs]` (45 times) to
/// definitions its snippets extension appends to every page, and
/// mkdocstrings' docs write autorefs' `` [`str`][] ``: a label of one
/// word was shown as written, brackets and all. Such a reference shows
/// its text; indexing (`a[row][col]`) stays as written.
#[test]
fn a_reference_to_an_appended_definition_shows_its_text() {
    let site = Site::empty();
    site.write(
        "content/setup.md",
        "# Setup\n\nConfigure it in [MkDocs][mkdocs]; paths are [`str`][] \
         objects.\n\nRead a[row][col] of the table.\n",
    );
    build(&site);
    let (_, body) = page(&site, "setup");
    assert_has(
        &body,
        &[
            "Configure it in MkDocs; paths are <code>str</code> objects.",
            "Read a[row][col] of the table.",
        ],
    );
}

/// eslint-plugin-jsx-a11y documents a rule named
/// `jsx-a11y/no-interactive-element-to-noninteractive-role`: a run of 45
/// characters, longer than a token may be, was dropped with its words, and
/// its page was not found by its name, even typed whole.
#[test]
fn a_page_is_found_by_a_name_too_long_to_be_one_word() {
    let site = Site::english();
    site.write(
        "content/rules/to-noninteractive.md",
        "# jsx-a11y/no-interactive-element-to-noninteractive-role\n\nKeep roles.\n",
    );
    site.write(
        "content/rules/static.md",
        "# jsx-a11y/no-static-element-interactions\n\nHandlers need roles.\n",
    );
    build(&site);
    let search = site
        .tier0(&["search", "no-interactive-element-to-noninteractive-role"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&search.stdout);
    assert!(
        out.trim_start()
            .starts_with("1. jsx-a11y/no-interactive-element-to-"),
        "{out}"
    );
}

/// Doks (a Hugo theme, round eight) writes its callouts as
/// `{{< alert icon="👉" text="…" />}}`, the text a parameter, and its FAQ's
/// answers in `{{< details "Why?" >}}`: the callouts' text was lost, and
/// the questions, with a warning each.
#[test]
fn hugo_callouts_are_alerts_and_keep_their_text() {
    let site = Site::english();
    site.write(
        "content/start.md",
        "---\ntitle: Start\n---\n\n\
         {{< alert icon=\"💡\" text=\"Learn more about <a href=\\\"https://gohugo.io/\\\">Hugo</a>.\" />}}\n\n\
         {{< details \"Why Node.js?\" >}}\nIt runs the *scripts*.\n{{< /details >}}\n\n\
         {{% notice warning %}}\nBack up first.\n{{% /notice %}}\n",
    );
    let err = build(&site);
    assert!(!err.contains("shortcode"), "{err}");
    let (_, body) = page(&site, "start");
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Note</p>\n\
             <p>Learn more about <a href=\"https://gohugo.io/\">Hugo</a>.</p>",
            "<details class=\"alert alert-note\"><summary class=\"alert-title\">Why Node.js?</summary>\n\
             <p>It runs the <em>scripts</em>.</p>",
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Warning</p>\n\
             <p>Back up first.</p>",
        ],
    );
}

/// pydata-sphinx-theme's blog example (ABlog) dates its posts `Jan 01,
/// 2022`, ABlog's default form: each post was left out for a bad date.
#[test]
fn an_ablog_post_dated_by_the_months_name_is_published() {
    let site = Site::english();
    site.write(
        "content/blog/post1.md",
        "---\ndate: Jan 01, 2022\nblogpost: true\nlocation: World\n---\n\n# Post one\n\nHello.\n",
    );
    let err = build(&site);
    assert!(!err.contains("date"), "{err}");
    assert!(!err.contains("unknown key"), "{err}");
    assert_has(
        &site.read_public("blog/post1/index.html"),
        &["<time datetime=\"2022-01-01\">"],
    );
}

/// VitePress serves `docs/public/` at the site's root: its pages write
/// `![logo](/img/logo.png)` for `docs/public/img/logo.png` (the seventh
/// held-out round's VitePress sets), which led nowhere.
#[test]
fn a_site_root_path_reaches_vitepress_public_folder() {
    let site = Site::empty();
    site.write("content/public/img/logo.png", "PNG");
    site.write("content/public/guide.pdf", "PDF");
    site.write(
        "content/setup.md",
        "# Setup\n\n![logo](/img/logo.png), [the guide](/guide.pdf), [elsewhere](/other/).\n",
    );
    build(&site);
    let (_, body) = page(&site, "setup");
    assert_has(
        &body,
        &[
            "<img src=\"../public/img/logo.png\" alt=\"logo\" />",
            "<a href=\"../public/guide.pdf\">the guide</a>",
            "<a href=\"/other/\">elsewhere</a>",
        ],
    );
    assert!(site.public().join("public/img/logo.png").is_file());
}

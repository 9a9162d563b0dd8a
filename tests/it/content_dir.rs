//! `content_dir` in `tier0.yaml`: a project's docs folder published where
//! it is (`docs/` of MkDocs or Docusaurus, `website/docs/`), by `build`,
//! `check`, `new`, `serve` and `import` alike; a value that leaves the site
//! folder is a located error, and a site without its content folder is
//! told where its pages seem to be; a project of another generator
//! (`mkdocs.yml`, `book.toml`) builds from its folder without naming it.

use crate::serve::assert_same_as_clean_build;
use crate::support::{Server, Site, import_articles, stderr};

/// The `basic` fixture with its content moved to `folder` and the config
/// naming it.
fn moved_to(folder: &str) -> Site {
    let site = Site::fixture("basic");
    let to = site.root().join(folder);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::rename(site.root().join("content"), &to).unwrap();
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write("tier0.yaml", format!("content_dir: {folder}\n{config}"));
    site
}

#[test]
fn the_folder_the_config_names_is_published_and_shown_in_diagnostics() {
    let site = moved_to("website/docs");
    // Another folder named `content` is not the site's.
    site.write(
        "content/otro.md",
        "---\nid: KB-90\ntitle: Otro\n---\n\nNo.\n",
    );
    site.write(
        "website/docs/red/rota.md",
        "---\nid: KB-91\ntitle: Rota\n---\n\nVer [nada](no-existe.md).\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(site.public().join("red/wifi/index.html").is_file());
    assert!(site.public().join("red/logo.svg").is_file());
    assert!(!site.public().join("otro").exists());
    assert!(
        err.contains("website/docs/red/rota.md:6:"),
        "located in the folder the config names: {err}"
    );
    assert!(!err.contains("content/red"), "{err}");

    let output = site.tier0(&["check"]).output().unwrap();
    assert!(
        stderr(&output).contains("website/docs/red/rota.md:6:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_content_dir_outside_the_site_folder_is_an_error_at_its_line() {
    let site = moved_to("docs");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    let rest = config.strip_prefix("content_dir: docs\n").unwrap();
    for (value, says) in [
        ("../docs", "leads out of the site folder"),
        ("docs/../../x", "leads out of the site folder"),
        ("/srv/docs", "absolute path"),
        (".", "site folder itself"),
        ("./", "site folder itself"),
        ("themes/docs", "inside `themes/`"),
        ("'docs\\en'", "`/` separators"),
    ] {
        site.write("tier0.yaml", format!("content_dir: {value}\n{rest}"));
        let output = site.tier0(&["build"]).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{value}: {err}");
        assert!(err.contains("tier0.yaml:1:"), "{value}: {err}");
        assert!(err.contains(says), "{value}: {err}");
    }
    // `./docs/` is `docs`.
    site.write("tier0.yaml", format!("content_dir: ./docs/\n{rest}"));
    site.tier0(&["build"]).assert().success();
    assert!(site.public().join("red/wifi/index.html").is_file());
}

#[test]
fn a_site_without_its_content_folder_is_told_of_its_docs_folder() {
    let site = Site::fixture("basic");
    std::fs::rename(site.root().join("content"), site.root().join("docs")).unwrap();
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains("write `content_dir: docs` in tier0.yaml"),
        "{err}"
    );
}

#[test]
fn the_output_may_not_lie_in_the_content_folder() {
    let site = moved_to("docs");
    let output = site
        .tier0(&["build", "--out", "docs/site"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!site.root().join("docs/site").exists());
    // `content/` is a folder like any other now.
    site.tier0(&["build", "--out", "content/site"])
        .assert()
        .success();
}

#[test]
fn new_and_import_write_into_the_content_folder() {
    let site = moved_to("docs");
    let output = site
        .tier0(&["new", "--category", "red", "how-to", "Impresora sin tóner"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let made = String::from_utf8_lossy(&output.stdout);
    assert!(made.contains("docs/red/impresora-sin-toner.md"), "{made}");
    assert!(
        site.root()
            .join("docs/red/impresora-sin-toner.md")
            .is_file()
    );
    assert!(!site.root().join("content").exists());

    let articles = serde_json::json!({"articles": [
        {"id": 7, "title": "Hola", "locale": "es", "body": "<p>Hola.</p>", "section_id": 1}
    ]});
    let output = import_articles(&site, &articles);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = String::from_utf8_lossy(&output.stdout);
    assert!(listed.contains("docs/"), "{listed}");
    assert!(!site.root().join("content").exists());
    site.tier0(&["build"]).assert().success();
}

#[test]
fn serve_follows_the_content_folder_the_config_names() {
    let site = moved_to("docs");
    let server = Server::start(&site);
    let generation = server.settled_after(0)["generation"].as_u64().unwrap();
    site.write(
        "docs/red/nueva.md",
        "---\nid: KB-40\ntitle: Nueva\n---\n\nTexto.\n",
    );
    let settled = server.settled_after(generation);
    assert_same_as_clean_build(&site, &server, &settled, "an article added in docs/");
    assert_eq!(server.get("/red/nueva/").0, 200);

    // The config names another folder: the site is built from it, and its
    // changes are seen.
    crate::support::copy_dir(&site.root().join("docs"), &site.root().join("kb"));
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        config.replacen("content_dir: docs", "content_dir: kb", 1),
    );
    let generation = settled["generation"].as_u64().unwrap();
    // A rebuild for the config, and one for the folder now watched.
    server.settled_after(generation + 1);
    site.write(
        "kb/red/otra.md",
        "---\nid: KB-41\ntitle: Otra\n---\n\nTexto.\n",
    );
    // The page first, then a status taken once its build is whole (a
    // status read before the page could be of the build before it).
    server.wait_for(|_| server.get("/red/otra/").0 == 200);
    let settled = server.wait_for(|s| s["search_generation"] == s["generation"]);
    assert_same_as_clean_build(&site, &server, &settled, "an article added in kb/");
}

#[test]
fn a_project_of_another_generator_builds_where_it_stands() {
    let site = Site::fixture("basic");
    std::fs::rename(site.root().join("content"), site.root().join("docs")).unwrap();
    site.write("mkdocs.yml", "site_name: Ayuda\n");
    let built = |site: &Site| {
        std::fs::remove_dir_all(site.public()).ok();
        let output = site.tier0(&["build"]).output().unwrap();
        let err = stderr(&output);
        assert!(output.status.success(), "{err}");
        assert!(site.public().join("red/wifi/index.html").is_file(), "{err}");
        err
    };
    let err = built(&site);
    assert!(
        err.contains("Published 4 articles of docs/ (the docs_dir of mkdocs.yml) ("),
        "{err}"
    );
    let output = site.tier0(&["check"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    // The folder `docs_dir` names.
    std::fs::rename(site.root().join("docs"), site.root().join("manual")).unwrap();
    site.write("mkdocs.yml", "site_name: Ayuda\ndocs_dir: manual\n");
    assert!(built(&site).contains("articles of manual/ (the docs_dir of mkdocs.yml)"));

    // Not a folder outside the site folder, whatever is there.
    site.write("mkdocs.yml", "site_name: Ayuda\ndocs_dir: ../manual\n");
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));

    // mdBook's `[book] src`.
    std::fs::remove_file(site.root().join("mkdocs.yml")).unwrap();
    site.write("book.toml", "[book]\ntitle = \"Ayuda\"\nsrc = \"manual\"\n");
    assert!(built(&site).contains("articles of manual/ (the [book] src of book.toml)"));

    // `content_dir` and a `content/` folder say it first.
    std::fs::rename(site.root().join("manual"), site.root().join("src")).unwrap();
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write("tier0.yaml", format!("content_dir: src\n{config}"));
    let err = built(&site);
    assert!(err.contains("Published 4 articles ("), "{err}");
    site.write("tier0.yaml", config);
    std::fs::rename(site.root().join("src"), site.root().join("content")).unwrap();
    let err = built(&site);
    assert!(err.contains("Published 4 articles ("), "{err}");
}

/// An English project built where it stands, with no `tier0.yaml`, was
/// published in tier0's default language: Spanish pages, interface and
/// search analysis for English text. It takes the language its
/// generator's configuration names, when the site has it.
#[test]
fn a_project_without_a_config_keeps_the_name_and_language_its_generator_names() {
    let site = Site::empty();
    site.write("docs/guide/install.md", "# Install\n\nRun the installer.\n");
    let lang_of = |site: &Site| {
        std::fs::remove_dir_all(site.public()).ok();
        let output = site.tier0(&["build"]).output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let page = site.read_public("guide/install/index.html");
        let lang = page.split_once("<html lang=\"").unwrap().1;
        lang[..lang.find('"').unwrap()].to_owned()
    };
    site.write(
        "mkdocs.yml",
        "site_name: Docs\ntheme:\n  name: material\n  language: en\n",
    );
    assert_eq!(lang_of(&site), "en");
    // In English, under the project's name.
    let home = site.read_public("index.html");
    assert!(home.contains("<title>Docs</title>"), "{home}");
    assert!(home.contains("Search articles or error codes"), "{home}");
    // tier0's default languages are not the project's: no empty Spanish
    // home beside it.
    assert!(!site.public().join("es").exists());
    assert!(!home.contains("hreflang=\"es\""), "{home}");

    // Naming none, it is MkDocs's default, English.
    site.write("mkdocs.yml", "site_name: Docs\ntheme: material\n");
    assert_eq!(lang_of(&site), "en");
    // A language tier0's defaults do not list is the site's only one,
    // and the build says where it came from.
    site.write(
        "mkdocs.yml",
        "site_name: Docs\ntheme:\n  name: material\n  language: fr\n",
    );
    assert_eq!(lang_of(&site), "fr");
    let search = site.read_public("search/manifest.js");
    assert!(search.contains(r#""languages":["fr"]"#), "{search}");
    let output = site.tier0(&["build"]).output().unwrap();
    assert!(
        stderr(&output)
            .contains("The site's language is `fr`, as the theme.language of mkdocs.yml names it"),
        "{}",
        stderr(&output)
    );
    // Not a code that names a folder tier0 writes.
    site.write(
        "mkdocs.yml",
        "site_name: Docs\ntheme:\n  name: material\n  language: kb\n",
    );
    assert_eq!(lang_of(&site), "es");
    // A `tier0.yaml` is the user's word, even without `default_language`.
    site.write(
        "mkdocs.yml",
        "site_name: Docs\ntheme:\n  name: material\n  language: en\n",
    );
    site.write("tier0.yaml", "content_dir: docs\n");
    assert_eq!(lang_of(&site), "es");
    assert!(
        site.read_public("index.html")
            .contains("<title>Centro de ayuda</title>")
    );
}

/// Doks and Docsy (Hugo) keep each language's pages in the folder its
/// `contentDir` names, `content/en` and `content/nl`: read as one folder,
/// each language was a section, and every English page was left out, its
/// section `/en/` being the English pages' own folder; then only the
/// default language's folder was read. Each folder is its language's now,
/// and the project publishes every language Hugo lists.
#[test]
fn a_hugo_project_translated_by_folder_publishes_every_language() {
    let site = Site::empty();
    site.write(
        "config/_default/config.toml",
        "title = \"Doks\"\ndefaultContentLanguage = \"en\"\n",
    );
    site.write(
        "config/_default/languages.toml",
        "[en]\n  contentDir = \"content/en\"\n[nl]\n  contentDir = \"content/nl\"\n",
    );
    site.write(
        "content/en/docs/intro.md",
        "---\ntitle: Introduction\n---\n\nStart here.\n",
    );
    site.write(
        "content/nl/docs/intro.md",
        "---\ntitle: Introductie\n---\n\nBegin hier.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains(
            "The site's language is `en`, as the defaultContentLanguage of \
             config/_default/config.toml names it"
        ),
        "{err}"
    );
    let page = site.read_public("docs/intro/index.html");
    assert!(page.contains("<html lang=\"en\""), "{page}");
    assert!(
        page.contains("hreflang=\"nl\" href=\"../../nl/docs/intro/index.html\""),
        "{page}"
    );
    let dutch = site.read_public("nl/docs/intro/index.html");
    assert!(dutch.contains("<html lang=\"nl\""), "{dutch}");
    assert!(dutch.contains("Begin hier."), "{dutch}");
    assert!(!site.public().join("en/docs").exists());
}

/// Docsy's and Hextra's starter projects write Hugo's configuration in
/// YAML (`hugo.yaml`): it was not read at all, so such a project was
/// built in English whatever its language, one language's pages a
/// section of another's, and its static files missing.
#[test]
fn a_hugo_project_configured_in_yaml_is_read_as_in_toml() {
    let site = Site::empty();
    site.write(
        "hugo.yaml",
        "baseURL: https://help.example.org/\ntitle: Ayuda\ndefaultContentLanguage: es\n\
         staticDir: [static, shared]\nlanguages:\n  es:\n    contentDir: content/es\n  \
         en:\n    contentDir: content/en\n",
    );
    site.write(
        "content/es/docs/impresora.md",
        "---\ntitle: Impresora\n---\n\n![Bandeja](/img/bandeja.png)\n",
    );
    site.write(
        "content/en/docs/impresora.md",
        "---\ntitle: Printer\n---\n\n![Tray](/img/bandeja.png)\n",
    );
    site.write("shared/img/bandeja.png", b"\x89PNG\r\n\x1a\n");
    // One folder of both, as Hugo's union: the first listed wins. Both
    // were left out, each an error for the other.
    site.write("static/img/logo.svg", "<svg>first</svg>");
    site.write("shared/img/logo.svg", "<svg>second</svg>");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(
        err.contains("The site's language is `es`, as the defaultContentLanguage of hugo.yaml"),
        "{err}"
    );
    assert!(!err.contains("broken"), "{err}");
    let page = site.read_public("docs/impresora/index.html");
    assert!(page.contains("<html lang=\"es\""), "{page}");
    assert!(page.contains("../../site-static/img/bandeja.png"), "{page}");
    let english = site.read_public("en/docs/impresora/index.html");
    assert!(english.contains("<html lang=\"en\""), "{english}");
    assert!(site.public().join("site-static/img/bandeja.png").is_file());
    assert_eq!(
        site.read_public("site-static/img/logo.svg"),
        "<svg>first</svg>"
    );
    assert!(!err.contains("already uses"), "{err}");
}

/// A VitePress project at the top of its repository keeps its pages in
/// the folder its `srcDir` names: it could not be built where it stands
/// (its pages' folder would be the site folder), and its `srcExclude`,
/// read only from a `.vitepress/` inside the content folder, let drafts
/// through.
#[test]
fn a_vitepress_projects_src_dir_is_the_content_folder() {
    let site = Site::empty();
    site.write(
        ".vitepress/config.mts",
        "import { defineConfig } from 'vitepress'\n\nexport default defineConfig({\n  \
         title: 'Help',\n  srcDir: './src',\n  srcExclude: ['drafts/**'],\n})\n",
    );
    site.write("README.md", "# The repository\n\nNot a page.\n");
    site.write("src/index.md", "# Help\n\nWelcome.\n");
    site.write("src/guide/router.md", "# Router\n\nRestart the router.\n");
    site.write("src/drafts/next.md", "# Next\n\nLeakcanary.\n");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains("the srcDir of .vitepress/config.mts"), "{err}");
    assert!(site.public().join("guide/router/index.html").is_file());
    assert!(!site.public().join("drafts").exists(), "{err}");
}

/// The static files of a project built where it stands (Docusaurus's
/// `static/`, Hugo's) are published, and the pages' site-root links to
/// them (`/img/logo.png`) reach them: they were left out, unwarned, so
/// every such image was broken.
#[test]
fn a_projects_static_folder_is_published_for_its_pages() {
    let site = Site::empty();
    site.write(
        "docusaurus.config.js",
        "export default {\n  title: 'Help',\n  staticDirectories: ['static', 'shared'],\n};\n",
    );
    site.write(
        "docs/router.md",
        "# Router\n\n![The router's lights](/img/router.png)\n\n\
         Read [the leaflet](/files/leaflet.pdf) or [the card](/card.pdf).\n",
    );
    // Docusaurus's other ways to name them: MDX's JSX attributes (shown
    // as text before), `@site/` and `pathname://`.
    site.write(
        "docs/lights.mdx",
        "# Lights\n\n<img src={require('@site/static/img/router.png').default} width={300} />\n\n\
         See <img src={useBaseUrl('/img/favicon.ico')} alt=\"icon\" />, \
         [the leaflet](@site/static/files/leaflet.pdf), [the card](pathname:///card.pdf) \
         and [the router](@site/docs/router.md).\n",
    );
    site.write("static/img/router.png", b"\x89PNG\r\n\x1a\n");
    site.write("static/img/favicon.ico", "icon");
    site.write("static/files/leaflet.pdf", "%PDF-1.4");
    site.write("shared/card.pdf", "%PDF-1.4 card");
    site.write("static/.nojekyll", "");
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    let page = site.read_public("router/index.html");
    for (link, file) in [
        (
            "../site-static/img/router.png",
            "site-static/img/router.png",
        ),
        (
            "../site-static/files/leaflet.pdf",
            "site-static/files/leaflet.pdf",
        ),
        ("../site-static/card.pdf", "site-static/card.pdf"),
    ] {
        assert!(page.contains(&format!("\"{link}\"")), "{link}: {page}");
        assert!(site.public().join(file).is_file(), "{file}");
    }
    let lights = site.read_public("lights/index.html");
    for shown in [
        "<img src=\"../site-static/img/router.png\" width=\"300\" />",
        "<img src=\"../site-static/img/favicon.ico\" alt=\"icon\" />",
        "<a href=\"../site-static/files/leaflet.pdf\">the leaflet</a>",
        "<a href=\"../site-static/card.pdf\">the card</a>",
        "<a href=\"../router/index.html\">the router</a>",
    ] {
        assert!(lights.contains(shown), "{shown}: {lights}");
    }
    assert!(!lights.contains("require("), "{lights}");
    // All of them, as Docusaurus copies them, but the hidden ones.
    assert!(site.public().join("site-static/img/favicon.ico").is_file());
    assert!(!site.public().join("site-static/.nojekyll").exists());
    // The project's own files are not "unused".
    let output = site.tier0(&["check"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(!err.contains("no article uses this file"), "{err}");

    let hugo = Site::empty();
    hugo.write("hugo.toml", "title = 'Help'\nstaticDir = 'assets-static'\n");
    // Hugo's own `figure` and `youtube` shortcodes show them too.
    hugo.write(
        "content/printer.md",
        "# Printer\n\n![Tray](/images/tray.png)\n\n\
         {{< figure src=\"/images/tray.png\" alt=\"Open tray\" caption=\"The tray, open\" >}}\n\n\
         {{< youtube id=\"w7Ft2ymGmfc\" title=\"Loading paper\" >}}\n",
    );
    hugo.write("assets-static/images/tray.png", b"\x89PNG\r\n\x1a\n");
    let output = hugo.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    let page = hugo.read_public("printer/index.html");
    assert!(
        page.contains("\"../site-static/images/tray.png\""),
        "{page}"
    );
    for shown in [
        "<img src=\"../site-static/images/tray.png\" alt=\"Open tray\" />\n<em>The tray, open</em>",
        "<a href=\"https://www.youtube.com/watch?v=w7Ft2ymGmfc\">Loading paper</a>",
    ] {
        assert!(page.contains(shown), "{shown}: {page}");
    }
    assert!(!err.contains("shortcode"), "{err}");
    assert!(hugo.public().join("site-static/images/tray.png").is_file());
}

/// Astro keeps a Starlight project's static files in `public/`, tier0's
/// default output folder: it is a source, which no build may replace,
/// even with `--replace-output` (which deleted it); built elsewhere, its
/// files are published.
#[test]
fn a_starlight_projects_public_folder_is_a_source_never_the_output() {
    let site = Site::empty();
    site.write("astro.config.mjs", "export default {};\n");
    site.write(
        "src/content/docs/wifi.md",
        "---\ntitle: Wifi\n---\n\n![The access point](/img/ap.png)\n",
    );
    site.write("public/img/ap.png", b"\x89PNG\r\n\x1a\n");
    // Astro's `src/assets/`, named by a path out of the pages' folder,
    // and Starlight's `<FileTree>` around a list.
    site.write(
        "src/content/docs/guides/router.mdx",
        "---\ntitle: Router\n---\n\n![Lights](../../../assets/lights.webp)\n\n\
         <FileTree>\n- config/\n  - router.conf\n</FileTree>\n",
    );
    site.write("src/assets/lights.webp", "webp");
    for args in [&["build"][..], &["build", "--replace-output"]] {
        let output = site.tier0(args).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert!(err.contains("the site's sources `./public`"), "{err}");
        assert!(site.root().join("public/img/ap.png").is_file(), "{err}");
    }
    let output = site.tier0(&["build", "--out", "site"]).output().unwrap();
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    let page = std::fs::read_to_string(site.root().join("site/wifi/index.html")).unwrap();
    assert!(page.contains("\"../site-static/img/ap.png\""), "{page}");
    assert!(site.root().join("site/site-static/img/ap.png").is_file());
    let router =
        std::fs::read_to_string(site.root().join("site/guides/router/index.html")).unwrap();
    assert!(
        router.contains("<img src=\"../../site-assets/lights.webp\""),
        "{router}"
    );
    assert!(router.contains("<li>router.conf</li>"), "{router}");
    assert!(site.root().join("site/site-assets/lights.webp").is_file());
    assert!(!err.contains("JSX") && !err.contains("outside"), "{err}");
}

//! Nothing internal reaches the public edition by any path.
//!
//! The site below hides canaries (every name and byte of withheld material
//! holds `canary`) in each way internal material can carry a file or text:
//! an internal article and its images and attachments (in Markdown, in
//! another dialect's admonitions and tabs, in HTML `srcset` and `data`,
//! a `src` with spaces, a CSS `url()`),
//! an internal block's Markdown image and HTML image (in an article and in
//! a landing page), a draft's image, a translation of an internal article
//! that does not say its audience (also when an error leaves the original
//! out), landing pages that are internal or drafts, the articles and
//! subsections of an internal section that do not say their audience,
//! aliases and short links. The public build, its search index beside it and the dev server
//! must hold none of them, while the agents' edition holds them all.

use std::collections::BTreeMap;

use crate::support::Server;
use crate::support::{Site, stderr, tree};

const CONFIG: &str = "base_url: https://help.example.com/\ndefault_language: es\nlanguages:\n  - {code: es, name: Español}\n  - {code: en, name: English}\n";

const PUBLIC: &str = "---\nid: KB-1\ntitle: Impresora atascada\n---\n\n\
Abra la bandeja.\n\n![Bandeja](compartida.png)\n\n\
> [!INTERNAL] Notas\n> ![Consola](canary-bloque.png)\n>\n> <img src=\"canary-bloque-html.png\" alt=\"\">\n";

const PUBLIC_EN: &str = "---\nid: KB-1\ntitle: Jammed printer\n---\n\nOpen the tray.\n";

const INTERNAL: &str = "---\nid: KB-2\ntitle: Consola canarytitle\naudience: internal\n\
aliases: [/viejo-canary/]\ntags: [canarytag]\n---\n\n\
Entre en la consola.\n\n![Consola](canary-interna.png)\n\n[Registro](canary-adjunto.pdf)\n\n\
![Bandeja](compartida.png)\n\n\
!!! warning \"Consola\"\n\n    ![Consola](canary-admonicion.png)\n\n\
=== \"Windows\"\n\n    ![Windows](canary-pestana.png)\n\n\
<picture><source srcset=\"canary-srcset.webp 1x, canary-srcset2.webp 2x\"></picture>\n\n\
<object data=\"canary-objeto.pdf\"></object>\n\n\
<img src=\" canary-espacio.png \"><div style=\"background-image:url('canary-estilo.png')\">x</div>\n";

/// A section's landing page with an internal block.
const LANDING: &str = "---\ntitle: Red\n---\n\nRedes.\n\n\
> [!INTERNAL]\n> ![Mapa](canary-portada.png)\n";

/// A section whose landing page is internal, and one whose landing page is
/// a draft; each holds an article of its kind.
const SECTIONS: &[(&str, &str)] = &[
    (
        "secreto/_index.md",
        "---\ntitle: Guías canarysection\ndescription: canarydescription\naudience: internal\n---\n\n\
         canarylanding ![x](canary-seccion.png)\n",
    ),
    (
        "secreto/guia.md",
        "---\nid: KB-5\ntitle: Guía canaryguide\naudience: internal\n---\n\nTexto.\n",
    ),
    // What an internal section holds is internal without saying so.
    (
        "secreto/heredada.md",
        "---\nid: KB-7\ntitle: Guía canaryinherited\n---\n\nTexto canaryinheritedbody.\n",
    ),
    (
        "secreto/sub/_index.md",
        "---\ntitle: Sub canarysubsection\n---\n\ncanarysublanding\n",
    ),
    (
        "secreto/sub/nota.md",
        "---\nid: KB-8\ntitle: Nota canarysubarticle\n---\n\nTexto.\n",
    ),
    (
        "planes/_index.md",
        "---\ntitle: Planes canarydraftsection\ndraft: true\n---\n\ncanarydraftlanding\n",
    ),
    (
        "planes/visible.md",
        "---\nid: KB-6\ntitle: Plan visible\n---\n\nTexto.\n",
    ),
];

/// A translation of the internal article that forgot `audience:`.
const INTERNAL_EN: &str = "---\nid: KB-2\ntitle: Console canarytranslation\n---\n\n\
Open the canarybody console.\n\n![Console](canary-traduccion.png)\n";

const DRAFT: &str =
    "---\nid: KB-3\ntitle: Borrador\ndraft: true\n---\n\n![x](canary-borrador.png)\n";

/// Files only withheld material shows.
const WITHHELD: &[&str] = &[
    "red/canary-bloque.png",
    "red/canary-bloque-html.png",
    "red/canary-interna.png",
    "red/canary-adjunto.pdf",
    "red/canary-traduccion.png",
    "red/canary-borrador.png",
    "red/canary-admonicion.png",
    "red/canary-pestana.png",
    "red/canary-srcset.webp",
    "red/canary-srcset2.webp",
    "red/canary-objeto.pdf",
    "red/canary-espacio.png",
    "red/canary-estilo.png",
    "red/canary-portada.png",
    "secreto/canary-seccion.png",
];

fn site() -> Site {
    let site = Site::empty();
    site.write("tier0.yaml", CONFIG);
    site.write("content/red/publico.md", PUBLIC);
    site.write("content/red/publico.en.md", PUBLIC_EN);
    site.write("content/red/interno.md", INTERNAL);
    site.write("content/red/interno.en.md", INTERNAL_EN);
    site.write("content/red/borrador.md", DRAFT);
    site.write("content/red/_index.md", LANDING);
    for (rel, text) in SECTIONS {
        site.write(&format!("content/{rel}"), text);
    }
    for file in WITHHELD {
        site.write(&format!("content/{file}"), "canary bytes");
    }
    // Shown by public and internal material alike; and shown by nothing.
    site.write("content/red/compartida.png", "shared bytes");
    site.write("content/red/suelta.png", "loose bytes");
    site
}

fn build(site: &Site, args: &[&str]) -> String {
    let output = site.tier0(args).output().unwrap();
    assert!(output.status.success(), "{args:?}:\n{}", stderr(&output));
    stderr(&output)
}

/// Every file of `dir` whose path or bytes hold a canary.
fn canaries(dir: &std::path::Path) -> Vec<String> {
    tree(dir)
        .into_iter()
        .filter(|(path, bytes)| {
            path.contains("canary")
                || String::from_utf8_lossy(bytes)
                    .to_lowercase()
                    .contains("canary")
        })
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn the_public_build_and_its_search_index_hold_no_withheld_byte() {
    let site = site();
    let err = build(&site, &["build"]);
    assert_eq!(canaries(&site.public()), Vec::<String>::new());
    assert_eq!(
        canaries(&site.root().join(".tier0/public")),
        Vec::<String>::new(),
        "the index `tier0 search` reads"
    );
    let public = tree(&site.public());
    for kind in [
        "search/",
        "atom.xml",
        "en/atom.xml",
        "articles.json",
        "404.html",
    ] {
        assert!(
            public.keys().any(|k| k.starts_with(kind)),
            "{kind} is part of the public output"
        );
    }
    assert_eq!(public["red/compartida.png"], b"shared bytes");
    assert_eq!(public["red/suelta.png"], b"loose bytes");
    assert!(
        err.contains("content/red/interno.en.md")
            && err.contains("has no `audience:` and is internal"),
        "{err}"
    );
}

#[test]
fn the_agents_edition_and_drafts_builds_hold_what_they_show() {
    let site = site();
    build(&site, &["build", "--audience", "agents", "--drafts"]);
    let agents: BTreeMap<String, Vec<u8>> = tree(&site.root().join("public-agents"));
    for file in WITHHELD
        .iter()
        .chain(&["red/compartida.png", "red/suelta.png"])
    {
        assert!(agents.contains_key(*file), "{file} in the agents' edition");
    }
    assert!(
        agents
            .values()
            .any(|b| String::from_utf8_lossy(b).contains("canarytranslation"))
    );
    build(&site, &["build", "--drafts"]);
    assert!(site.public().join("red/canary-borrador.png").exists());
    assert!(!site.public().join("red/canary-interna.png").exists());
}

#[test]
fn check_names_the_translation_it_made_internal() {
    let site = site();
    let output = site.tier0(&["check"]).output().unwrap();
    let err = stderr(&output);
    assert!(err.contains("content/red/interno.en.md"), "{err}");
    assert!(
        err.contains("write `audience: internal` to say so"),
        "{err}"
    );
}

#[test]
fn an_explicitly_public_translation_is_published_with_a_warning() {
    let site = site();
    site.write(
        "content/red/interno.en.md",
        INTERNAL_EN.replace("title:", "audience: public\ntitle:"),
    );
    let err = build(&site, &["build"]);
    assert!(
        err.contains("is public while `content/red/interno.md` is internal"),
        "{err}"
    );
    assert!(
        site.read_public("articles.json")
            .contains("canarytranslation")
    );
}

#[test]
fn an_explicitly_public_article_of_an_internal_section_is_published_with_a_warning() {
    let site = site();
    site.write(
        "content/secreto/heredada.md",
        "---\nid: KB-7\ntitle: Guía abierta\naudience: public\n---\n\nTexto.\n",
    );
    let err = build(&site, &["build"]);
    assert!(
        err.contains("content/secreto/heredada.md:4:")
            && err.contains("inside the internal section `secreto`"),
        "{err}"
    );
    assert!(site.read_public("articles.json").contains("Guía abierta"));
    assert_eq!(canaries(&site.public()), Vec::<String>::new());
}

/// Hugo's `cascade` of `audience: internal` withholds the section below a
/// public landing page; its `build: {render: never}` (the snippets of a
/// headless section, Hugo's docs' `_common/`) and `headless: true` keep
/// pages off the site, as in Hugo.
#[test]
fn what_a_hugo_cascade_withholds_stays_off_the_public_site() {
    let site = site();
    site.write(
        "content/notas/_index.md",
        "---\ntitle: Notas\ncascade:\n  audience: internal\n---\n",
    );
    site.write(
        "content/notas/consola.md",
        "---\nid: KB-20\ntitle: Consola canarycascade\n---\n\nTexto.\n",
    );
    site.write(
        "content/comun/_index.md",
        "---\ncascade:\n  build:\n    render: never\n    list: never\n---\n",
    );
    site.write(
        "content/comun/fragmento.md",
        "---\nid: KB-21\ntitle: Fragmento canarysnippet\n---\n\nTexto.\n",
    );
    site.write(
        "content/red/suelto/index.md",
        "---\nid: KB-22\ntitle: Suelto canaryheadless\nheadless: true\n---\n\nTexto.\n",
    );
    let err = build(&site, &["build"]);
    assert!(!err.contains("cascade"), "{err}");
    assert_eq!(canaries(&site.public()), Vec::<String>::new());
    build(&site, &["build", "--audience", "agents", "--drafts"]);
    let agents = canaries(&site.root().join("public-agents")).join("\n");
    for canary in ["canarycascade", "canarysnippet", "canaryheadless"] {
        assert!(
            tree(&site.root().join("public-agents"))
                .values()
                .any(|b| String::from_utf8_lossy(b).contains(canary)),
            "{canary} in the agents' edition with drafts: {agents}"
        );
    }
}

/// A landing page left out for an error still withholds its section when
/// its audience could be read.
#[test]
fn an_internal_section_whose_landing_page_has_an_error_stays_internal() {
    let site = site();
    site.write(
        "content/secreto/_index.md",
        "---\ntitle: Guías canarysection\naudience: internal\nweight: many\n---\n\n\
         canarylanding ![x](canary-seccion.png)\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    assert!(
        stderr(&output).contains("content/secreto/_index.md"),
        "{}",
        stderr(&output)
    );
    assert_eq!(canaries(&site.public()), Vec::<String>::new());
}

#[test]
fn an_internal_original_left_out_for_an_error_keeps_its_translation_internal() {
    let broken = [
        (
            "an unknown tier",
            INTERNAL.replace("audience:", "tier: L9\naudience:"),
        ),
        (
            "a bad date",
            INTERNAL.replace("audience:", "date: 2026-13-45\naudience:"),
        ),
        (
            "front matter that cannot be read",
            INTERNAL.replace("title: Consola canarytitle", "title: \"Consola canarytitle"),
        ),
    ];
    for (what, text) in broken {
        let site = site();
        site.write("content/red/interno.md", &text);
        let output = site.tier0(&["build"]).output().unwrap();
        let err = stderr(&output);
        assert!(err.contains("content/red/interno.md"), "{what}: {err}");
        assert_eq!(
            canaries(&site.public()),
            Vec::<String>::new(),
            "{what}: {err}"
        );
        assert!(
            err.contains("content/red/interno.en.md") && err.contains("internal"),
            "{what}: the translation made internal is named: {err}"
        );
    }
}

#[test]
fn the_dev_server_serves_nothing_withheld() {
    let site = site();
    build(&site, &["build", "--base-url", "/", "--out", "clean"]);
    let server = Server::start(&site);
    server.settled_after(0);
    for path in WITHHELD.iter().map(|f| format!("/{f}")).chain(
        [
            "/viejo-canary/",
            "/kb/KB-2/",
            "/en/kb/KB-2/",
            "/red/interno/",
        ]
        .map(String::from),
    ) {
        assert_eq!(server.get(&path).0, 404, "{path}");
    }
    for path in tree(&site.root().join("clean")).keys() {
        let (status, body) = server.get(&format!("/{path}"));
        assert_eq!(status, 200, "/{path}");
        assert!(
            !String::from_utf8_lossy(&body)
                .to_lowercase()
                .contains("canary"),
            "/{path} serves a canary"
        );
    }
    assert_eq!(
        server.get("/red/compartida.png"),
        (200, b"shared bytes".to_vec())
    );
}

/// A public article's link to an internal article or a draft, a broken
/// link the lenient build publishes with a warning, shows its text only:
/// its target (the withheld file's path, its id, an anchor in it) names
/// what the article is about and never reaches the public page.
#[test]
fn a_public_link_to_withheld_material_keeps_its_text_and_loses_its_target() {
    let site = Site::empty();
    site.write("tier0.yaml", CONFIG);
    site.write(
        "content/red/publico.md",
        "---\nid: KB-1\ntitle: Impresora\n---\n\n\
         Vea [el plan](canary-plan.md), [su paso](canary-plan.md#canarypaso), \
         [por id](CANARY9) y [el borrador](canary-borrador.md).\n",
    );
    site.write(
        "content/red/canary-plan.md",
        "---\nid: CANARY9\ntitle: Plan\naudience: internal\n---\n\n## Paso {#canarypaso}\n",
    );
    site.write(
        "content/red/canary-borrador.md",
        "---\nid: KB-3\ntitle: Borrador\ndraft: true\n---\n\nTexto.\n",
    );
    let err = build(&site, &["build"]);
    assert!(
        err.contains("is an internal article") && err.contains("is a draft"),
        "{err}"
    );
    assert_eq!(canaries(&site.public()), Vec::<String>::new());
    let page = site.read_public("red/publico/index.html");
    assert!(
        page.contains("Vea el plan, su paso, por id y el borrador."),
        "{page}"
    );

    build(&site, &["build", "--audience", "agents", "--drafts"]);
    let agents =
        std::fs::read_to_string(site.root().join("public-agents/red/publico/index.html")).unwrap();
    assert!(
        agents.contains("canary-plan/index.html#canarypaso\">su paso</a>"),
        "{agents}"
    );
}

/// A block quote or alert that holds only an internal block (`> >
/// [!INTERNAL]`) goes with it: an empty frame on the public page would
/// show where withheld material stands. One that holds more keeps the rest.
#[test]
fn a_quote_that_holds_only_an_internal_block_goes_with_it() {
    let site = Site::empty();
    site.write("tier0.yaml", CONFIG);
    site.write(
        "content/red/publico.md",
        "---\nid: KB-1\ntitle: Impresora\n---\n\nAntes.\n\n\
         > > [!INTERNAL]\n> > canary uno\n\n\
         > > > [!INTERNAL]\n> > > canary dos\n\n\
         > [!NOTE]\n> > [!INTERNAL]\n> > canary tres\n\n\
         > Queda.\n>\n> > [!INTERNAL]\n> > canary cuatro\n\nDespués.\n",
    );
    build(&site, &["build"]);
    assert_eq!(canaries(&site.public()), Vec::<String>::new());
    let page = site.read_public("red/publico/index.html");
    let body = &page[page.find("<p>Antes.</p>").unwrap()..page.find("<p>Después.</p>").unwrap()];
    assert_eq!(
        body, "<p>Antes.</p>\n<blockquote>\n<p>Queda.</p>\n</blockquote>\n",
        "{page}"
    );

    build(&site, &["build", "--audience", "agents"]);
    let agents =
        std::fs::read_to_string(site.root().join("public-agents/red/publico/index.html")).unwrap();
    assert_eq!(agents.matches("canary").count(), 4, "{agents}");
}

/// An internal block that holds only its marker line is most likely a
/// block whose author left a blank line after `> [!INTERNAL]`: the quote
/// after it is a quote of its own, and public. The build says so, at the
/// block; a block that holds something is not reported.
#[test]
fn an_internal_block_that_holds_nothing_is_reported() {
    let site = Site::empty();
    site.write("tier0.yaml", CONFIG);
    site.write(
        "content/red/publico.md",
        "---\nid: KB-1\ntitle: Impresora\n---\n\nAntes.\n\n\
         > [!INTERNAL]\n\n> Separada, y pública.\n\n\
         > [!INTERNAL] Nota\n> Dentro.\n\n\
         > [!INTERNAL]\n>\n> Dentro también.\n",
    );
    let err = build(&site, &["build"]);
    assert_eq!(
        err.matches("holds nothing but its `[!INTERNAL]` line")
            .count(),
        1,
        "{err}"
    );
    assert!(err.contains("content/red/publico.md:8:1"), "{err}");
    let page = site.read_public("red/publico/index.html");
    assert!(
        page.contains("Separada, y pública.") && !page.contains("Dentro"),
        "{page}"
    );
}

/// A marker written otherwise than `> [!INTERNAL]` opens no internal
/// block: what its author meant to keep internal is published. The build
/// says so at each such block, in both editions alike; a real marker and
/// a marker quoted as code are not reported.
#[test]
fn a_block_that_only_looks_internal_is_reported() {
    let site = Site::empty();
    site.write("tier0.yaml", CONFIG);
    site.write(
        "content/red/publico.md",
        "---\nid: KB-1\ntitle: Impresora\n---\n\nAntes.\n\n\
         > [! INTERNAL] Nota\n> Uno.\n\n\
         **[!INTERNAL]** Dos.\n\n\
         <blockquote>\n[!internal] Tres.\n</blockquote>\n\n\
         > [!INTERNAL]\n> Dentro.\n\n\
         Escriba `[!INTERNAL]` al principio.\n",
    );
    for args in [&["build"][..], &["build", "--audience", "agents"]] {
        let err = build(&site, args);
        assert_eq!(
            err.matches("this looks like an internal block, but is not one")
                .count(),
            3,
            "{args:?}: {err}"
        );
        for at in [":8:3", ":11:1", ":14:1"] {
            assert!(
                err.contains(&format!("content/red/publico.md{at}")),
                "{at}: {err}"
            );
        }
    }
    let page = site.read_public("red/publico/index.html");
    assert!(page.contains("Uno.") && !page.contains("Dentro"), "{page}");
}

/// A Sphinx toctree titles the pages and the folder it lists: one written
/// in an internal article or a draft titles nothing, in either edition,
/// and publishes none of its text.
#[test]
fn a_toctree_of_a_withheld_page_titles_no_public_page() {
    let site = Site::english();
    site.write("content/index.md", "# Home\n\nWelcome.\n");
    site.write("content/guides/alpha.md", "Alpha text.\n");
    site.write("content/guides/beta.md", "# Beta\n\nBeta text.\n");
    site.write(
        "content/plan.md",
        "---\naudience: internal\n---\n\n# Plan\n\n\
         ```{toctree}\n:caption: Canary project\n\nCanary alpha <guides/alpha>\nguides/beta\n```\n",
    );
    site.write(
        "content/draft.md",
        "---\ndraft: true\n---\n\n# Draft\n\n\
         :::{toctree}\n:caption: Canary draft\n\nguides/alpha\nCanary beta <guides/beta>\n:::\n",
    );
    build(&site, &["build"]);
    assert_eq!(canaries(&site.public()), Vec::<String>::new());
    assert!(
        site.read_public("guides/alpha/index.html")
            .contains("<h1>Alpha</h1>")
    );
    build(&site, &["build", "--audience", "agents"]);
    let agents = site.root().join("public-agents");
    assert!(tree(&agents).contains_key("plan/index.html"));
    let titled = std::fs::read_to_string(agents.join("guides/alpha/index.html")).unwrap();
    assert!(!titled.contains("Canary alpha"), "{titled}");
}

//! No link of a public page names withheld material: however a link to an
//! internal article, an internal section or a draft is written (a Markdown
//! link, raw HTML, the article's site path, its short link or an alias, a
//! folder), the public page shows its text only, and `tier0 check` reports
//! it as a broken link.

use crate::support::{Site, stderr, tree};

const CONFIG: &str = "base_url: https://help.example.com/\ndefault_language: es\nlanguages:\n  - {code: es, name: Español}\n  - {code: en, name: English}\n";

const INTERNAL: &str = "---\nid: CANARY9\ntitle: Plan\naudience: internal\nslug: canary-slug\n\
aliases: [/canary-viejo/]\n---\n\n## Paso {#canarypaso}\n";

const DRAFT: &str = "---\nid: KB-3\ntitle: Borrador\ndraft: true\n---\n\nTexto.\n";

fn site(body: &str) -> Site {
    let site = Site::empty();
    site.write("tier0.yaml", CONFIG);
    site.write(
        "content/red/publico.md",
        format!("---\nid: KB-1\ntitle: Impresora\n---\n\n{body}"),
    );
    site.write("content/red/canary-plan.md", INTERNAL);
    site.write("content/red/canary-borrador.md", DRAFT);
    site
}

/// Every file of the public output whose path or bytes hold a canary.
fn canaries(site: &Site) -> Vec<String> {
    tree(&site.public())
        .into_iter()
        .filter(|(path, bytes)| {
            path.to_lowercase().contains("canary")
                || String::from_utf8_lossy(bytes)
                    .to_lowercase()
                    .contains("canary")
        })
        .map(|(path, _)| path)
        .collect()
}

/// Builds the public edition; its stderr.
fn build(site: &Site) -> String {
    let output = site.tier0(&["build"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    stderr(&output)
}

/// `tier0 check`'s report, which must fail.
fn check(site: &Site) -> String {
    let output = site.tier0(&["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned() + &stderr(&output)
}

#[test]
fn a_raw_html_link_to_withheld_material_keeps_its_text_and_loses_its_target() {
    let site = site(
        "Vea <a href=\"canary-plan.md\">el plan</a>, \
         <a href='../red/canary-plan.md#canarypaso' class=\"x\">su paso</a>, \
         <a href=CANARY9>por id</a> y <a href=\"canary-borrador.md\">el borrador</a>.\n\n\
         <div><a title=\"Plan\" href=\"canary-plan.md\">en bloque</a></div>\n\n\
         <div>\n<a\nhref=\"canary-plan.md\">en líneas</a>\n\
         <a title=\"x\"href=\"canary-plan.md\">pegado</a>\n</div>\n",
    );
    let err = build(&site);
    assert!(
        err.contains("is an internal article") && err.contains("is a draft"),
        "{err}"
    );
    assert_eq!(canaries(&site), Vec::<String>::new());
    let page = site.read_public("red/publico/index.html");
    assert!(
        page.contains(
            "Vea <a>el plan</a>, <a class=\"x\">su paso</a>, <a>por id</a> y <a>el borrador</a>."
        ),
        "{page}"
    );
    assert!(
        page.contains("<div><a title=\"Plan\">en bloque</a></div>"),
        "{page}"
    );
    let report = check(&site);
    assert_eq!(
        report.matches("is an internal article").count(),
        6,
        "{report}"
    );

    let agents = site
        .tier0(&["build", "--audience", "agents", "--drafts"])
        .output()
        .unwrap();
    assert!(agents.status.success(), "{}", stderr(&agents));
    let page =
        std::fs::read_to_string(site.root().join("public-agents/red/publico/index.html")).unwrap();
    assert!(
        page.contains("<a href=\"../../red/canary-slug/index.html\">el plan</a>"),
        "{page}"
    );
}

#[test]
fn a_site_path_to_withheld_material_keeps_its_text_and_loses_its_target() {
    let site = site(
        "Vea [el plan](/red/canary-slug/), [su paso](/red/canary-slug/#canarypaso), \
         [sin barra](/red/canary-slug), [la página](/red/canary-slug/index.html), \
         [el enlace corto](/kb/CANARY9/), [en inglés](/en/kb/CANARY9/), \
         [el viejo](/canary-viejo/), [bajo /ayuda](/ayuda/red/canary-slug/), \
         <a href=\"/kb/CANARY9/\">en HTML</a>, [entero](https://help.example.com/red/canary-slug/) \
         y [el borrador](/red/canary-borrador/).\n\n\
         Escrito de otro modo: [sin esquema](//help.example.com/red/canary-slug/), \
         [en http](http://help.example.com/red/canary-slug/), \
         [en mayúsculas](HTTPS://Help.Example.com/red/canary-slug/), \
         [doble barra](/red//canary-slug/), [con punto](/red/./canary-slug/), \
         [de vuelta](/red/otra/../canary-slug/index.html), \
         [en otra caja](/Red/Canary-Slug/), [su enlace](/KB/canary9/).\n\n\
         [Fuera](/otra/cosa/) y [el público](/red/publico/), \
         [también](https://help.example.com/red/publico/).\n",
    );
    let err = build(&site);
    assert!(
        err.contains("`/red/canary-slug/` is an internal article"),
        "{err}"
    );
    assert!(
        err.contains("`content/red/canary-borrador.md` is a draft"),
        "{err}"
    );
    assert_eq!(canaries(&site), Vec::<String>::new());
    let page = site.read_public("red/publico/index.html");
    assert!(
        page.contains(
            "Vea el plan, su paso, sin barra, la página, el enlace corto, en inglés, el viejo, \
             bajo /ayuda, <a>en HTML</a>, entero y el borrador."
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "Escrito de otro modo: sin esquema, en http, en mayúsculas, doble barra, con punto, \
             de vuelta, en otra caja, su enlace."
        ),
        "{page}"
    );
    assert!(
        page.contains(
            "<a href=\"/otra/cosa/\">Fuera</a> y <a href=\"/red/publico/\">el público</a>, \
             <a href=\"https://help.example.com/red/publico/\">también</a>"
        ),
        "{page}"
    );
    let report = check(&site);
    assert!(
        report.contains("`/kb/CANARY9/` is an internal article"),
        "{report}"
    );
}

/// A link to an internal section (its folder, its landing page, its
/// address) or to an internal article by its path without `.md` names
/// withheld material as the article's own path does.
#[test]
fn a_link_to_an_internal_section_or_a_withheld_folder_loses_its_target() {
    let site = site(
        "Vea [la sección](../canarysec/), [su portada](../canarysec/_index.md), \
         [su dirección](/canarysec/), [sin extensión](canary-plan) y \
         <a href=\"../canarysec/\">en HTML</a>.\n",
    );
    site.write(
        "content/canarysec/_index.md",
        "---\ntitle: Incidentes\naudience: internal\n---\n\nTexto.\n",
    );
    site.write(
        "content/canarysec/caso.md",
        "---\nid: KB-8\ntitle: Caso\n---\n\nTexto.\n",
    );
    let err = build(&site);
    assert!(
        err.contains("`content/canarysec/_index.md` is an internal article"),
        "{err}"
    );
    assert_eq!(canaries(&site), Vec::<String>::new());
    let page = site.read_public("red/publico/index.html");
    assert!(
        page.contains("Vea la sección, su portada, su dirección, sin extensión y <a>en HTML</a>."),
        "{page}"
    );
}

/// Only a whole `index.html` names a page: `/red/canary-slugindex.html`
/// is another path, which names nothing of the site and stays as written.
#[test]
fn a_path_that_only_ends_like_a_page_is_not_the_page() {
    let site = site("Vea [otro](/red/canary-slugindex.html).\n");
    let err = build(&site);
    assert!(!err.contains("is an internal article"), "{err}");
    assert!(
        site.read_public("red/publico/index.html")
            .contains("<a href=\"/red/canary-slugindex.html\">otro</a>"),
        "{err}"
    );
}

//! The build cache after edits to the navigation files other generators
//! write: a cached build equals a clean one.

use crate::cache::{Step, assert_steps, cached_build, site};
use crate::support::edit;

/// Each kind of navigation file other generators write, added, edited and
/// removed: the pages it orders, titles or hides are the pages of a clean
/// build. Regression: the title a `_meta.json` gave a page it hides stayed
/// the old one in cached builds, as no list shows that page.
#[test]
fn cached_builds_equal_a_clean_build_after_edits_to_navigation_files() {
    let site = site();
    cached_build(&site);
    let root = site.root();
    let printers = |name: &str| root.join("content/impresoras").join(name);
    let steps: Vec<Step> = vec![
        (
            "order and title with a Nextra _meta.js",
            true,
            Box::new(|| {
                site.write(
                    "content/impresoras/_meta.js",
                    "// export default { 'impresora-0': 'Cero' }\nexport default {\n  \
                     'impresora-4': 'Cuarta',\n  /* } */ 'impresora-1': \"Uno\",\n}\n",
                )
            }),
        ),
        (
            "retitle a page in the _meta.js",
            true,
            Box::new(|| edit(&printers("_meta.js"), "Cuarta", "La cuarta")),
        ),
        (
            "delete the _meta.js",
            true,
            Box::new(|| std::fs::remove_file(printers("_meta.js")).unwrap()),
        ),
        (
            "hide a page with a title in a _meta.json",
            true,
            Box::new(|| {
                site.write(
                    "content/impresoras/_meta.json",
                    "{\"impresora-0\": {\"title\": \"Oculta\", \"display\": \"hidden\"}}\n",
                )
            }),
        ),
        (
            "retitle the hidden page in the _meta.json",
            true,
            Box::new(|| edit(&printers("_meta.json"), "Oculta", "Escondida")),
        ),
        (
            "show the page again",
            true,
            Box::new(|| edit(&printers("_meta.json"), ", \"display\": \"hidden\"", "")),
        ),
        (
            "delete the _meta.json",
            true,
            Box::new(|| std::fs::remove_file(printers("_meta.json")).unwrap()),
        ),
        (
            "order a folder with an mdBook SUMMARY.md",
            true,
            Box::new(|| {
                let list: String = [5, 3, 1, 0, 2, 4]
                    .iter()
                    .map(|i| format!("- [{i}](impresora-{i}.md)\n"))
                    .collect();
                site.write(
                    "content/impresoras/SUMMARY.md",
                    format!("# Summary\n\n{list}"),
                )
            }),
        ),
        (
            "a page without a title, named after its chapter in the SUMMARY.md",
            true,
            Box::new(|| {
                site.write("content/impresoras/sin-titulo.md", "Un texto sin título.\n");
                edit(
                    &printers("SUMMARY.md"),
                    "- [5](impresora-5.md)\n",
                    "- [5](impresora-5.md)\n- [Capítulo sin título](sin-titulo.md)\n",
                );
            }),
        ),
        (
            "rename that chapter",
            true,
            Box::new(|| {
                edit(
                    &printers("SUMMARY.md"),
                    "Capítulo sin título",
                    "Otro nombre",
                )
            }),
        ),
        (
            "reorder the SUMMARY.md",
            true,
            Box::new(|| edit(&printers("SUMMARY.md"), "- [5](impresora-5.md)\n", "")),
        ),
        (
            "delete the SUMMARY.md",
            true,
            Box::new(|| std::fs::remove_file(printers("SUMMARY.md")).unwrap()),
        ),
        (
            "order and title with mkdocs.yml's nav",
            true,
            Box::new(|| {
                site.write(
                    "mkdocs.yml",
                    "site_name: Ayuda\nnav:\n  - Quinta: impresoras/impresora-5.md\n  \
                     - impresoras/impresora-3.md\n",
                )
            }),
        ),
        (
            "retitle a page in mkdocs.yml's nav",
            true,
            Box::new(|| edit(&root.join("mkdocs.yml"), "Quinta", "La quinta")),
        ),
        (
            "delete mkdocs.yml",
            true,
            Box::new(|| std::fs::remove_file(root.join("mkdocs.yml")).unwrap()),
        ),
        (
            "order with Docusaurus's sidebars.js",
            true,
            Box::new(|| {
                site.write(
                    "sidebars.js",
                    "module.exports = {\n  docs: ['impresoras/impresora-4', \
                     'impresoras/impresora-2'],\n};\n",
                )
            }),
        ),
        (
            "label the printers' category in the sidebars: every page's menu",
            false,
            Box::new(|| {
                site.write(
                    "sidebars.js",
                    "module.exports = {\n  docs: [\n    {type: 'category', label: 'Impresión', \
                     items: ['impresoras/impresora-2', 'impresoras/impresora-4']},\n  ],\n};\n",
                )
            }),
        ),
        (
            "delete sidebars.js",
            false,
            Box::new(|| std::fs::remove_file(root.join("sidebars.js")).unwrap()),
        ),
        (
            "order with mystmd's myst.yml",
            true,
            Box::new(|| {
                site.write(
                    "content/myst.yml",
                    "project:\n  toc:\n    - file: impresoras/impresora-3.md\n    \
                     - file: impresoras/impresora-0.md\n",
                )
            }),
        ),
        (
            "delete the myst.yml",
            true,
            Box::new(|| std::fs::remove_file(root.join("content/myst.yml")).unwrap()),
        ),
        (
            "place a page with Starlight's sidebar.order",
            true,
            Box::new(|| {
                edit(
                    &printers("impresora-3.md"),
                    "tags:",
                    "sidebar:\n  order: 1\ntags:",
                )
            }),
        ),
        (
            "hide it with Starlight's sidebar.hidden",
            true,
            Box::new(|| edit(&printers("impresora-3.md"), "order: 1", "hidden: true")),
        ),
        (
            "order around the rest with a .pages file",
            true,
            Box::new(|| {
                site.write(
                    "content/impresoras/.pages",
                    "nav:\n  - impresora-2.md\n  - ...\n  - Primera: impresora-1.md\n",
                )
            }),
        ),
        (
            "retitle a page in the .pages file",
            true,
            Box::new(|| edit(&printers(".pages"), "Primera", "Última")),
        ),
        (
            "delete the .pages file",
            true,
            Box::new(|| std::fs::remove_file(printers(".pages")).unwrap()),
        ),
        (
            "order and title with Mintlify's docs.json",
            false,
            Box::new(|| {
                site.write(
                    "content/docs.json",
                    "{\"navigation\": {\"groups\": [{\"group\": \"Impresión\", \"pages\": \
                     [\"impresoras/impresora-5\", \"impresoras/impresora-1\"]}]}}\n",
                )
            }),
        ),
        (
            "reorder and retitle in the docs.json",
            false,
            Box::new(|| {
                edit(
                    &root.join("content/docs.json"),
                    "\"Impresión\", \"pages\": [\"impresoras/impresora-5\", ",
                    "\"Imprimir\", \"pages\": [\"impresoras/impresora-0\", ",
                )
            }),
        ),
        (
            "keep a page off the site with a .mintignore",
            true,
            Box::new(|| site.write("content/.mintignore", "impresoras/impresora-2.md\n")),
        ),
        (
            "delete the .mintignore and the docs.json",
            false,
            Box::new(|| {
                std::fs::remove_file(root.join("content/.mintignore")).unwrap();
                std::fs::remove_file(root.join("content/docs.json")).unwrap();
            }),
        ),
    ];
    assert_steps(&site, steps);
}

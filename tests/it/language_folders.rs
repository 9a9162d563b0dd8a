//! Translations kept in a folder per language (`content/en/`, `content/es/`),
//! as Hugo's `contentDir` per language and mkdocs-static-i18n lay them out:
//! the folder is its language's root, not a section, and its pages are the
//! translations of the pages at the same place in the other folders.

use crate::conventions::assert_has;
use crate::held_out::build as built;
use crate::serve::{
    Step, assert_same_as_clean_build as assert_served_as_clean_build, settle_sources,
};
use crate::support::{Server, Site, stderr};

/// A Spanish and English site (the default languages) whose pages stand
/// in `content/es/` and `content/en/`, with an English image, section
/// landing pages in both, an English home text and an English page that
/// is not translated.
fn site() -> Site {
    let site = Site::empty();
    site.write(
        "content/es/red/wifi.md",
        "---\nid: KB-1\ntitle: El wifi no conecta\n---\n\nOlvide la red.\n",
    );
    site.write(
        "content/en/red/wifi.md",
        "---\nid: KB-1\ntitle: Wi-Fi does not connect\n---\n\nForget the network; see \
         [the VPN](vpn.md), ![the settings](../img/settings.png), [all of it](../red/) and \
         [the Spanish page](../../es/red/wifi.md), [home](../../vpn/../en/).\n",
    );
    site.write(
        "content/en/red/vpn.md",
        "---\nid: KB-2\ntitle: The VPN drops\n---\n\nReconnect.\n",
    );
    site.write("content/en/img/settings.png", "PNG");
    site.write(
        "content/es/red/_index.md",
        "---\ntitle: Redes\n---\n\nTodo sobre la red.\n",
    );
    site.write(
        "content/en/red/_index.md",
        "---\ntitle: Networks\n---\n\nAll about the network.\n",
    );
    site.write(
        "content/en/_index.md",
        "---\ntitle: Help\n---\n\nWelcome to the English help.\n",
    );
    site
}

/// Builds `site`, which must succeed with no problem reported.
fn build(site: &Site) {
    let err = built(site);
    assert!(
        !err.contains("warning:") && !err.contains("error:"),
        "{err}"
    );
}

#[test]
fn a_top_folder_named_by_a_language_holds_that_languages_pages() {
    let site = site();
    build(&site);
    let public = site.public();
    for gone in ["es", "en/en", "en/es", "en/red/en"] {
        assert!(!public.join(gone).exists(), "{gone} is not a section");
    }
    let spanish = site.read_public("red/wifi/index.html");
    assert_has(
        &spanish,
        &[
            "El wifi no conecta",
            "hreflang=\"en\" href=\"../../en/red/wifi/index.html\"",
        ],
    );
    let english = site.read_public("en/red/wifi/index.html");
    assert_has(
        &english,
        &[
            "Wi-Fi does not connect",
            "hreflang=\"es\" href=\"../../../red/wifi/index.html\"",
            // Links between pages of the folder, to its images and its
            // sections, and into another language's folder (which leads
            // to the reader's language, as every link to a translated
            // article does).
            "<a href=\"../../../en/red/vpn/index.html\">the VPN</a>",
            "<img src=\"../../../en/img/settings.png\" alt=\"the settings\" />",
            "<a href=\"../../../en/red/index.html\">all of it</a>",
            "<a href=\"../../../en/red/wifi/index.html\">the Spanish page</a>",
            "<a href=\"../../../en/index.html\">home</a>",
        ],
    );
    assert!(public.join("en/img/settings.png").is_file());
    assert_has(
        &site.read_public("en/red/index.html"),
        &["<h1>Networks", "All about the network."],
    );
    assert_has(
        &site.read_public("red/index.html"),
        &["<h1>Redes", "Todo sobre la red."],
    );
    assert_has(
        &site.read_public("en/index.html"),
        &["Welcome to the English help."],
    );
}

/// Translations that say no id share the one made from their path, in
/// either convention: `red/wifi.md` and `red/wifi.en.md`, or
/// `red/vpn.md` and `en/red/vpn.md`.
#[test]
fn translations_without_ids_share_the_id_their_path_makes() {
    let site = Site::empty();
    for (rel, title) in [
        ("content/red/wifi.md", "Wifi"),
        ("content/red/wifi.en.md", "Wi-Fi"),
        ("content/red/vpn.md", "VPN es"),
        ("content/en/red/vpn.md", "VPN en"),
    ] {
        site.write(rel, format!("---\ntitle: {title}\n---\n\nText.\n"));
    }
    built(&site);
    let listed: serde_json::Value =
        serde_json::from_str(&site.read_public("articles.json")).unwrap();
    let mut ids: Vec<(String, String)> = listed["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_owned(),
                a["lang"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    ids.sort();
    let expected = [
        ("red-vpn", "en"),
        ("red-vpn", "es"),
        ("red-wifi", "en"),
        ("red-wifi", "es"),
    ];
    assert_eq!(
        ids,
        expected.map(|(id, lang)| (id.to_owned(), lang.to_owned()))
    );
    assert_has(
        &site.read_public("en/red/vpn/index.html"),
        &["hreflang=\"es\" href=\"../../../red/vpn/index.html\""],
    );
    assert_has(
        &site.read_public("red/wifi/index.html"),
        &["hreflang=\"en\" href=\"../../en/red/wifi/index.html\""],
    );
}

/// The dev server's rebuilds after edits in a language folder (a body, a
/// title, a new page, a deleted one) end in the site a clean build makes.
#[test]
fn edits_in_a_language_folder_are_served_as_a_clean_build() {
    let site = site();
    settle_sources(&site);
    let server = Server::start(&site);
    let settled = server.settled_after(0);
    assert_served_as_clean_build(&site, &server, &settled, "first build");
    let mut generation = settled["generation"].as_u64().unwrap();
    let vpn = "content/en/red/vpn.md";
    let steps: [Step; 4] = [
        (
            "body",
            Box::new(|| {
                site.write(
                    vpn,
                    "---\nid: KB-2\ntitle: The VPN drops\n---\n\nRestart.\n",
                )
            }),
        ),
        (
            "title",
            Box::new(|| site.write(vpn, "---\nid: KB-2\ntitle: VPN cut\n---\n\nRestart.\n")),
        ),
        (
            "new translation",
            Box::new(|| {
                site.write(
                    "content/es/red/vpn.md",
                    "---\nid: KB-2\ntitle: La VPN se corta\n---\n\nReinicie.\n",
                )
            }),
        ),
        (
            "deleted",
            Box::new(|| std::fs::remove_file(site.root().join(vpn)).unwrap()),
        ),
    ];
    for (step, change) in steps {
        change();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(settled["errors"].is_null(), "{step}: {settled}");
        assert_served_as_clean_build(&site, &server, &settled, step);
    }
}

/// A folder of a language the site does not list (`fr/` beside `en/`) is
/// said once, with the line of `tier0.yaml` that publishes it; written
/// there, its pages are the French ones.
#[test]
fn a_language_folder_the_site_does_not_list_says_how_to_publish_it() {
    let site = site();
    site.write(
        "content/fr/red/wifi.md",
        "---\nid: KB-1\ntitle: Le wifi ne se connecte pas\n---\n\nOubliez le réseau.\n",
    );
    site.write(
        "content/fr/red/vpn.md",
        "---\nid: KB-2\ntitle: Le VPN coupe\n---\n\nReconnectez.\n",
    );
    let err = built(&site);
    assert_eq!(
        err.matches("the folder `fr/` is named like a language")
            .count(),
        1,
        "{err}"
    );
    assert_has(
        &err,
        &[
            "content/fr/red/vpn.md",
            "add `- {code: fr, name: Français}` to `languages`",
        ],
    );
    site.write(
        "tier0.yaml",
        "languages:\n  - {code: es, name: Español}\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n",
    );
    build(&site);
    assert_has(
        &site.read_public("fr/red/wifi/index.html"),
        &[
            "Le wifi ne se connecte pas",
            "hreflang=\"en\" href=\"../../../en/red/wifi/index.html\"",
        ],
    );
}

/// An MkDocs project translated with mkdocs-static-i18n, built where it
/// stands with no `tier0.yaml`: its languages are the plugin's, English by
/// default, in folders (`docs/en/`, `docs/fr/`) or beside the originals
/// (`setup.de.md`).
#[test]
fn an_mkdocs_project_translated_with_the_i18n_plugin_builds_every_language() {
    let site = Site::empty();
    site.write(
        "mkdocs.yml",
        "site_name: Printers\nplugins:\n  - search\n  - i18n:\n      docs_structure: folder\n      \
         languages:\n        - locale: en\n          default: true\n          name: English\n        \
         - locale: fr\n          name: Français\n        - locale: de\n          name: Deutsch\n",
    );
    site.write(
        "docs/en/index.md",
        "# Printers\n\nEverything about printing.\n",
    );
    site.write("docs/en/setup.md", "# Set up a printer\n\nPlug it in.\n");
    site.write(
        "docs/fr/index.md",
        "# Imprimantes\n\nTout sur l'impression.\n",
    );
    site.write(
        "docs/fr/setup.md",
        "# Installer une imprimante\n\nBranchez-la.\n",
    );
    site.write(
        "docs/en/setup.de.md",
        "# Drucker einrichten\n\nEinstecken.\n",
    );
    let err = built(&site);
    assert!(!err.contains("is named like a language"), "{err}");
    let english = site.read_public("setup/index.html");
    assert_has(
        &english,
        &[
            "<html lang=\"en\"",
            "Set up a printer",
            "hreflang=\"fr\" href=\"../fr/setup/index.html\"",
            "hreflang=\"de\" href=\"../de/setup/index.html\"",
        ],
    );
    assert_has(
        &site.read_public("fr/setup/index.html"),
        &["<html lang=\"fr\"", "Installer une imprimante"],
    );
    assert_has(
        &site.read_public("de/setup/index.html"),
        &["<html lang=\"de\"", "Drucker einrichten"],
    );
    assert_has(
        &site.read_public("fr/index.html"),
        &["Tout sur l'impression."],
    );
}

/// A VitePress project translated with `locales`, built where it stands:
/// `root`'s pages at the top of `docs/`, each other locale's in the folder
/// of its key.
#[test]
fn a_vitepress_project_translated_with_locales_builds_every_language() {
    let site = Site::empty();
    site.write(
        "docs/.vitepress/config.mts",
        "import { defineConfig } from 'vitepress'\nexport default defineConfig({\n  \
         title: 'Printers',\n  locales: {\n    root: { label: 'English', lang: 'en-US' },\n    \
         fr: { label: 'Français', lang: 'fr-FR', link: '/fr/' },\n  },\n})\n",
    );
    site.write(
        "docs/index.md",
        "# Printers\n\nEverything about printing.\n",
    );
    site.write("docs/guide/setup.md", "# Set up a printer\n\nPlug it in.\n");
    site.write(
        "docs/fr/index.md",
        "# Imprimantes\n\nTout sur l'impression.\n",
    );
    site.write(
        "docs/fr/guide/setup.md",
        "# Installer une imprimante\n\nBranchez-la.\n",
    );
    built_in_english_and_french(&site, "docs/.vitepress/config.mts");
    assert!(!site.public().join("es").exists());
}

/// A translation begun with its home page only (`fr/index.md`, alone in
/// its folder): that page is the French home's text, not a page bundle
/// named `fr` refused for the French home's path.
#[test]
fn a_language_folders_lone_index_is_that_languages_home() {
    let site = site();
    site.write(
        "tier0.yaml",
        "languages:\n  - {code: es, name: Español}\n  - {code: en, name: English}\n  - {code: fr, name: Français}\n",
    );
    site.write("content/fr/index.md", "# Aide\n\nBienvenue dans l'aide.\n");
    build(&site);
    assert_has(
        &site.read_public("fr/index.html"),
        &["<html lang=\"fr\"", "Bienvenue dans l'aide."],
    );
}

/// A folder's category file (Docusaurus) or navigation file
/// (mkdocs-awesome-pages) inside a language folder titles that section in
/// that language.
#[test]
fn category_and_navigation_files_title_sections_in_their_language() {
    let site = site();
    site.write(
        "content/en/vpn/drops.md",
        "---\nid: KB-3\ntitle: Drops\n---\n\nx\n",
    );
    site.write(
        "content/es/vpn/drops.md",
        "---\nid: KB-3\ntitle: Cortes\n---\n\nx\n",
    );
    site.write(
        "content/en/vpn/_category_.json",
        "{\"label\": \"Remote access\"}\n",
    );
    site.write(
        "content/es/vpn/_category_.json",
        "{\"label\": \"Acceso remoto\"}\n",
    );
    site.write(
        "content/en/mail/lost.md",
        "---\nid: KB-4\ntitle: Lost\n---\n\nx\n",
    );
    site.write(
        "content/es/mail/lost.md",
        "---\nid: KB-4\ntitle: Perdido\n---\n\nx\n",
    );
    site.write("content/en/mail/.pages", "title: Email\n");
    site.write("content/es/mail/.pages", "title: Correo\n");
    build(&site);
    for (page, title) in [
        ("en/vpn/index.html", "Remote access"),
        ("vpn/index.html", "Acceso remoto"),
        ("en/mail/index.html", "Email"),
        ("mail/index.html", "Correo"),
    ] {
        assert_has(&site.read_public(page), &[&format!("<h1>{title}</h1>")]);
    }
}

/// `tier0 new` writes into the language's folder when the site has one,
/// for the default language too.
#[test]
fn new_writes_into_the_language_folder() {
    let site = site();
    for (args, written) in [
        (&["--lang", "en"][..], "content/en/red/printer-jams.md"),
        (&[][..], "content/es/red/printer-jams.md"),
    ] {
        let mut command = vec!["new", "how-to", "Printer jams", "--category", "red"];
        command.extend(args);
        let output = site.tier0(&command).output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(site.root().join(written).is_file(), "{written}");
    }
    // New articles are drafts.
    let output = site.tier0(&["build", "--drafts"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        site.public()
            .join("en/red/printer-jams/index.html")
            .is_file()
    );
    assert!(site.public().join("red/printer-jams/index.html").is_file());
}

/// Hugo's `translationKey` links translations whose paths differ
/// (`en/about-us.md`, `es/sobre-nosotros.md`), in folders or side by side.
#[test]
fn a_translation_key_links_translations_of_different_paths() {
    let site = Site::empty();
    for (rel, title) in [
        ("content/en/about-us.md", "About us"),
        ("content/es/sobre-nosotros.md", "Sobre nosotros"),
        ("content/red/wifi.md", "Wifi"),
        ("content/red/wireless.en.md", "Wireless"),
    ] {
        let key = if rel.contains("about") || rel.contains("sobre") {
            "team-page"
        } else {
            "Wi-Fi"
        };
        // `./` in a language folder is its language's home (no landing page here).
        site.write(
            rel,
            format!("---\ntitle: {title}\ntranslationKey: {key}\n---\n\nText, [home](./).\n"),
        );
    }
    let err = built(&site);
    assert!(
        err.contains("the article has no `id`; using `team-page`, its `translationKey`"),
        "{err}"
    );
    assert!(!err.contains("unknown"), "{err}");
    assert_has(
        &site.read_public("en/about-us/index.html"),
        &[
            "hreflang=\"es\" href=\"../../sobre-nosotros/index.html\"",
            "Text, <a href=\"../../en/index.html\">home</a>.",
        ],
    );
    assert_has(
        &site.read_public("red/wifi/index.html"),
        &["hreflang=\"en\" href=\"../../en/red/wireless/index.html\""],
    );
}

/// mkdocs-static-i18n keeps one `nav:`, written with the default
/// language's paths (`guide/zeta.md`), for every language: each language's
/// pages come in its order, the default language's with its titles, the
/// others with their own.
#[test]
fn an_mkdocs_nav_orders_every_languages_pages() {
    let site = Site::empty();
    site.write(
        "mkdocs.yml",
        "site_name: Printers\nnav:\n  - Home: index.md\n  - Guide:\n    - Zeta first: guide/zeta.md\n    \
         - Alpha second: guide/alpha.md\nplugins:\n  - i18n:\n      docs_structure: folder\n      \
         languages:\n        - locale: en\n          default: true\n          name: English\n        \
         - locale: fr\n          name: Français\n",
    );
    for (lang, title) in [("en", "English"), ("fr", "Français")] {
        site.write(
            &format!("docs/{lang}/index.md"),
            format!("# {title}\n\nHome.\n"),
        );
        for page in ["zeta", "alpha"] {
            site.write(
                &format!("docs/{lang}/guide/{page}.md"),
                format!("---\nid: {page}\n---\n# {page} {lang}\n\nText.\n"),
            );
        }
    }
    build(&site);
    let order = |page: &str| {
        let html = site.read_public(page);
        let at = |href: &str| {
            html.find(href)
                .unwrap_or_else(|| panic!("{href} in {page}"))
        };
        at("zeta/index.html") < at("alpha/index.html")
    };
    assert!(order("guide/index.html"), "English in the nav's order");
    assert!(order("fr/guide/index.html"), "French in the nav's order");
    assert_eq!(page_title(&site, "guide/zeta"), "Zeta first");
    assert_eq!(page_title(&site, "fr/guide/zeta"), "zeta fr");
}

fn page_title(site: &Site, path: &str) -> String {
    crate::conventions::page(site, path).0
}

/// An id written on one language's page (`id: KB-9` in English) is its
/// translations' by path too, so they stay linked; the dev server shows
/// that edit as a clean build does.
#[test]
fn an_id_given_one_translation_is_shared_by_path() {
    let site = site();
    let dns = "content/en/red/dns.md";
    site.write(dns, "---\ntitle: DNS fails\n---\n\nFlush it.\n");
    site.write(
        "content/es/red/dns.md",
        "---\ntitle: El DNS falla\n---\n\nVacíelo.\n",
    );
    settle_sources(&site);
    let server = Server::start(&site);
    let settled = server.settled_after(0);
    assert_served_as_clean_build(&site, &server, &settled, "first build");
    site.write(dns, "---\nid: KB-9\ntitle: DNS fails\n---\n\nFlush it.\n");
    let generation = settled["generation"].as_u64().unwrap();
    let settled = server.settled_after(generation);
    assert!(settled["errors"].is_null(), "{settled}");
    assert_served_as_clean_build(&site, &server, &settled, "id given in English");
    let err = built(&site);
    assert!(
        err.contains(
            "the article has no `id`; using `KB-9`, the id of its translation \
             `content/en/red/dns.md`"
        ),
        "{err}"
    );
    assert_has(
        &site.read_public("red/dns/index.html"),
        &["hreflang=\"en\" href=\"../../en/red/dns/index.html\""],
    );
    assert!(site.public().join("kb/KB-9/index.html").is_file());
}

/// The top of the content folder and the default language's folder both
/// giving the home text: the first is used and the other said, not
/// dropped without a word.
#[test]
fn two_home_texts_for_one_language_are_said() {
    let site = site();
    site.write(
        "content/_index.md",
        "---\ntitle: Ayuda\n---\n\nBienvenido (arriba).\n",
    );
    site.write(
        "content/es/_index.md",
        "---\ntitle: Ayuda\n---\n\nBienvenido (carpeta).\n",
    );
    let err = built(&site);
    crate::conventions::assert_warning_at(
        &err,
        "the `es` home page already has its text, content/_index.md: this one is not used",
        "content/es/_index.md:1:1",
    );
    assert_has(&site.read_public("index.html"), &["Bienvenido (arriba)."]);
}

/// A Starlight project translated with `locales`, built where it stands:
/// `root`'s pages at the top of `src/content/docs/`, each other locale's
/// in the folder of its key, as VitePress keeps them.
#[test]
fn a_starlight_project_translated_with_locales_builds_every_language() {
    let site = Site::empty();
    site.write(
        "astro.config.mjs",
        "import { defineConfig } from 'astro/config';\nimport starlight from \
         '@astrojs/starlight';\n\nexport default defineConfig({\n  integrations: [\n    \
         starlight({\n      title: 'Printers',\n      locales: {\n        root: { label: \
         'English', lang: 'en' },\n        fr: { label: 'Français' },\n      },\n    }),\n  \
         ],\n});\n",
    );
    site.write(
        "src/content/docs/guide/setup.md",
        "---\ntitle: Set up a printer\n---\n\nPlug it in.\n",
    );
    site.write(
        "src/content/docs/fr/guide/setup.md",
        "---\ntitle: Installer une imprimante\n---\n\nBranchez-la.\n",
    );
    built_in_english_and_french(&site, "astro.config.mjs");
}

/// Builds `site`, an English project where it stands whose `guide/setup`
/// page is translated into French, and checks that the configuration
/// `named` gave the languages and both pages are published and linked.
fn built_in_english_and_french(site: &Site, named: &str) {
    let err = built(site);
    assert!(
        err.contains(&format!(
            "The site's language is `en`, as the locales of {named}"
        )),
        "{err}"
    );
    assert_has(
        &site.read_public("guide/setup/index.html"),
        &[
            "<html lang=\"en\"",
            "hreflang=\"fr\" href=\"../../fr/guide/setup/index.html\"",
        ],
    );
    assert_has(
        &site.read_public("fr/guide/setup/index.html"),
        &["<html lang=\"fr\"", "Installer une imprimante"],
    );
}

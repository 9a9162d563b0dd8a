//! Docusaurus's translations, kept outside `docs/` in
//! `i18n/<locale>/docusaurus-plugin-content-docs/current/`: each locale's
//! folder is read as that language's folder of the content folder, so a
//! Docusaurus project built where it stands publishes every language it
//! has translated, each page linked to its original.

use crate::conventions::assert_has;
use crate::held_out::build;
use crate::serve::{Step, assert_same_as_clean_build as assert_served, settle_folder};
use crate::support::{Server, Site, stderr};

/// Where the French translations of a Docusaurus project stand.
const FRENCH: &str = "i18n/fr/docusaurus-plugin-content-docs/current";

/// A Docusaurus project in English translated into French, with no
/// `tier0.yaml`: the French tutorial page keeps the original's relative
/// image (not copied into the translation) and links to a page that is not
/// translated.
fn site() -> Site {
    let site = Site::empty();
    site.write(
        "docusaurus.config.js",
        "module.exports = {\n  title: 'Acme Help',\n  i18n: { defaultLocale: 'en', locales: \
         ['en', 'fr'] },\n};\n",
    );
    site.write(
        "docs/intro.md",
        "---\nid: KB-1\n---\n# Introduction\n\nRead [the tutorial](./tutorial/router.md).\n",
    );
    site.write(
        "docs/tutorial/_category_.json",
        "{\"label\": \"Tutorial\", \"position\": 2}\n",
    );
    site.write(
        "docs/tutorial/router.md",
        "---\nid: KB-2\n---\n# Reset your router\n\nUnplug it. ![router](./img/router.png)\n\n\
         Then [change the password](./password.md).\n",
    );
    site.write(
        "docs/tutorial/password.md",
        "---\nid: KB-3\n---\n# Change the password\n\nOpen the settings.\n",
    );
    site.write("docs/tutorial/img/router.png", "PNG");
    site.write(
        "i18n/fr/docusaurus-plugin-content-docs/current.json",
        "{\n  \"version.label\": {\"message\": \"Suivant\"},\n  \
         \"sidebar.tutorialSidebar.category.Tutorial\": {\"message\": \"Tutoriel\", \
         \"description\": \"The label for category Tutorial\"}\n}\n",
    );
    site.write(
        &format!("{FRENCH}/intro.md"),
        "---\nid: KB-1\n---\n# Présentation\n\nLisez [le tutoriel](./tutorial/router.md).\n",
    );
    site.write(
        &format!("{FRENCH}/tutorial/router.md"),
        "---\nid: KB-2\n---\n# Réinitialiser le routeur\n\nDébranchez-le. \
         ![routeur](./img/router.png)\n\nPuis [changez le mot de passe](./password.md).\n",
    );
    site
}

#[test]
fn a_docusaurus_project_publishes_its_translations() {
    let site = site();
    let err = build(&site);
    assert!(!err.contains("warning:"), "{err}");
    assert!(
        err.contains("The site's language is `en`, as the defaultLocale of docusaurus.config.js"),
        "{err}"
    );
    assert_has(
        &site.read_public("tutorial/router/index.html"),
        &[
            "<html lang=\"en\"",
            "hreflang=\"fr\" href=\"../../fr/tutorial/router/index.html\"",
        ],
    );
    assert_has(
        &site.read_public("fr/tutorial/router/index.html"),
        &[
            "<html lang=\"fr\"",
            "Réinitialiser le routeur",
            "hreflang=\"en\" href=\"../../../tutorial/router/index.html\"",
            // The original's image, and the original of the page that is
            // not translated, as Docusaurus resolves them.
            "<img src=\"../../../tutorial/img/router.png\" alt=\"routeur\"",
            "href=\"../../../tutorial/password/index.html\"",
        ],
    );
    // The category's label, translated beside the translations.
    assert_has(
        &site.read_public("fr/tutorial/index.html"),
        &["<title>Tutoriel · Acme Help"],
    );
    assert_has(
        &site.read_public("tutorial/index.html"),
        &["<title>Tutorial · Acme Help"],
    );
    assert_has(
        &site.read_public("fr/intro/index.html"),
        &[
            "Présentation",
            "href=\"../../fr/tutorial/router/index.html\"",
        ],
    );
    // Nothing of the i18n folder is published where it stands.
    assert!(!site.public().join("i18n").exists());
    assert!(!site.public().join("es").exists());
}

/// A page whose front matter cannot be read is left out, as a page of
/// the content folder is, and the rest of the site is built.
#[test]
fn a_broken_translation_is_left_out_alone() {
    let site = site();
    site.write(
        &format!("{FRENCH}/tutorial/notes.md"),
        "---\ntitle: [broken\n---\n# Notes\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(3), "{err}");
    assert_has(
        &err,
        &[
            "i18n/fr/docusaurus-plugin-content-docs/current/tutorial/notes.md:2:",
            "1 file(s) left out for errors",
        ],
    );
    assert!(
        site.public()
            .join("fr/tutorial/router/index.html")
            .is_file()
    );
}

/// The translations of a language `tier0.yaml` does not list are not
/// published, and the build says how to publish them.
#[test]
fn translations_of_a_language_the_site_does_not_list_are_warned_about() {
    let site = site();
    site.write(
        "tier0.yaml",
        "content_dir: docs\ndefault_language: en\nlanguages:\n  - {code: en, name: English}\n",
    );
    let err = build(&site);
    assert_has(
        &err,
        &[
            "i18n/fr/docusaurus-plugin-content-docs/current",
            "these translations are not published: the site does not list the language `fr`",
            "add `fr` to `languages`",
        ],
    );
    assert!(!site.public().join("fr").exists());
    site.write(
        "tier0.yaml",
        "content_dir: docs\ndefault_language: en\nlanguages:\n  - {code: en, name: English}\n  \
         - {code: fr, name: Français}\n",
    );
    let err = build(&site);
    assert!(!err.contains("warning:"), "{err}");
    assert!(
        site.public()
            .join("fr/tutorial/router/index.html")
            .is_file()
    );
}

#[test]
fn edits_of_translations_are_served_as_a_clean_build() {
    let site = site();
    settle_folder(&site, "docs");
    settle_folder(&site, "i18n");
    let server = Server::start(&site);
    let settled = server.settled_after(0);
    assert_served(&site, &server, &settled, "first build");
    let mut generation = settled["generation"].as_u64().unwrap();
    let router = format!("{FRENCH}/tutorial/router.md");
    let steps: [Step; 4] = [
        (
            "sidebar label",
            Box::new(|| {
                site.write(
                    "i18n/fr/docusaurus-plugin-content-docs/current.json",
                    "{\"sidebar.docs.category.Tutorial\": {\"message\": \"Guide\"}}",
                )
            }),
        ),
        (
            "body",
            Box::new(|| {
                site.write(
                    &router,
                    "---\nid: KB-2\n---\n# Réinitialiser le routeur\n\nRedémarrez-le.\n",
                )
            }),
        ),
        (
            "new translation",
            Box::new(|| {
                site.write(
                    &format!("{FRENCH}/tutorial/password.md"),
                    "---\nid: KB-3\n---\n# Changer le mot de passe\n\nOuvrez les réglages.\n",
                )
            }),
        ),
        (
            "deleted",
            Box::new(|| std::fs::remove_file(site.root().join(&router)).unwrap()),
        ),
    ];
    for (step, change) in steps {
        change();
        let settled = server.settled_after(generation);
        generation = settled["generation"].as_u64().unwrap();
        assert!(settled["errors"].is_null(), "{step}: {settled}");
        assert_served(&site, &server, &settled, step);
    }
}

#[test]
fn a_cached_build_after_editing_a_translation_is_a_clean_build() {
    let site = site();
    build(&site);
    let router = format!("{FRENCH}/tutorial/router.md");
    crate::cache::assert_steps(
        &site,
        vec![
            // Labels fold into the config, whose change renders every
            // page again.
            (
                "sidebar label",
                false,
                Box::new(|| {
                    site.write(
                        "i18n/fr/docusaurus-plugin-content-docs/current.json",
                        "{\"sidebar.docs.category.Tutorial\": {\"message\": \"Guide\"}}",
                    )
                }),
            ),
            (
                "translation edited",
                true,
                Box::new(|| {
                    site.write(
                        &router,
                        "---\nid: KB-2\n---\n# Réinitialiser la box\n\nRedémarrez-la.\n",
                    )
                }),
            ),
            // The section tree every page shows loses the page: none is kept.
            (
                "translation deleted",
                false,
                Box::new(|| std::fs::remove_file(site.root().join(&router)).unwrap()),
            ),
        ],
    );
}

/// `tier0 new` works in a project built where it stands, and writes a
/// translation where Docusaurus keeps it.
#[test]
fn new_writes_a_translation_into_its_i18n_folder() {
    let site = site();
    for (args, written) in [
        (
            &["--lang", "fr"][..],
            format!("{FRENCH}/tutorial/imprimante-bloquee.md"),
        ),
        (&[][..], "docs/tutorial/imprimante-bloquee.md".to_owned()),
    ] {
        let mut command = vec![
            "new",
            "how-to",
            "Imprimante bloquée",
            "--category",
            "tutorial",
        ];
        command.extend(args);
        let output = site.tier0(&command).output().unwrap();
        let err = stderr(&output);
        assert!(output.status.success(), "{err}");
        assert!(site.root().join(&written).is_file(), "{written}: {err}");
    }
    let output = site.tier0(&["build", "--drafts"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    for page in [
        "fr/tutorial/imprimante-bloquee/index.html",
        "tutorial/imprimante-bloquee/index.html",
    ] {
        assert!(site.public().join(page).is_file(), "{page}");
    }
}

/// A project with released versions publishes `docs/` (Docusaurus's
/// "Next") and says so, with the line that publishes the newest version,
/// which Docusaurus shows by default.
#[test]
fn released_versions_are_named_with_how_to_publish_the_newest() {
    let site = site();
    site.write("versions.json", "[\n  \"2.0\",\n  \"1.1\"\n]\n");
    site.write(
        "versioned_docs/version-2.0/intro.md",
        "---\nid: KB-1\n---\n# Introduction to 2.0\n\nReleased.\n",
    );
    let err = build(&site);
    crate::conventions::assert_warning_at(
        &err,
        "Docusaurus's released versions (2.0, 1.1) are not published: this site publishes docs/",
        "versions.json:2:3",
    );
    assert!(
        err.contains("write `content_dir: versioned_docs/version-2.0` in a tier0.yaml"),
        "{err}"
    );
    site.write("tier0.yaml", "content_dir: versioned_docs/version-2.0\n");
    let err = build(&site);
    assert!(!err.contains("released versions"), "{err}");
    assert_has(
        &site.read_public("intro/index.html"),
        &["Introduction to 2.0"],
    );
}

/// A category that `sidebars.js` defines (not a category file) is titled
/// in each language by `current.json` too.
#[test]
fn a_sidebar_categorys_translated_label_titles_its_section() {
    let site = site();
    std::fs::remove_file(site.root().join("docs/tutorial/_category_.json")).unwrap();
    site.write(
        "sidebars.js",
        "module.exports = {\n  docs: ['intro', {type: 'category', label: 'Guides', items: \
         ['tutorial/router', 'tutorial/password']}],\n};\n",
    );
    site.write(
        "i18n/fr/docusaurus-plugin-content-docs/current.json",
        "{\"sidebar.docs.category.Guides\": {\"message\": \"Guides pratiques\"}}\n",
    );
    build(&site);
    assert_has(
        &site.read_public("fr/tutorial/index.html"),
        &["<title>Guides pratiques · Acme Help"],
    );
    assert_has(
        &site.read_public("tutorial/index.html"),
        &["<title>Guides · Acme Help"],
    );
}

/// A project that publishes its released versions only (no `docs/`) is
/// built from its latest one, whose translations stand in that version's
/// folder of `i18n/` (`version-2.0/`, its labels in `version-2.0.json`).
#[test]
fn the_latest_versions_translations_are_published_with_it() {
    let site = Site::empty();
    site.write(
        "docusaurus.config.js",
        "module.exports = { title: 'Acme Help', i18n: { defaultLocale: 'en', locales: ['en', \
         'fr'] } };\n",
    );
    site.write("versions.json", "[\"2.0\", \"1.0\"]\n");
    site.write(
        "versioned_docs/version-2.0/guide/_category_.json",
        "{\"label\": \"Guide\"}\n",
    );
    site.write(
        "versioned_docs/version-2.0/guide/setup.md",
        "---\nid: KB-1\n---\n# Set up\n\nPlug it in.\n",
    );
    site.write(
        "i18n/fr/docusaurus-plugin-content-docs/version-2.0/guide/setup.md",
        "---\nid: KB-1\n---\n# Installer\n\nBranchez-le.\n",
    );
    site.write(
        "i18n/fr/docusaurus-plugin-content-docs/version-2.0.json",
        "{\"sidebar.docs.category.Guide\": {\"message\": \"Guide pratique\"}}\n",
    );
    // The translations of `docs/` are not this version's.
    site.write(
        "i18n/fr/docusaurus-plugin-content-docs/current/guide/setup.md",
        "---\nid: KB-1\n---\n# Installer (Next)\n\nBientôt.\n",
    );
    build(&site);
    assert_has(
        &site.read_public("fr/guide/setup/index.html"),
        &[
            "Installer",
            "hreflang=\"en\" href=\"../../../guide/setup/index.html\"",
        ],
    );
    assert!(
        !site
            .read_public("fr/guide/setup/index.html")
            .contains("Bientôt")
    );
    assert_has(
        &site.read_public("fr/guide/index.html"),
        &["<title>Guide pratique · Acme Help"],
    );
}

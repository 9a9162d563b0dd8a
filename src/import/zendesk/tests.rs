//! The mapping from Zendesk's items to tier0 files, end to end in a temporary folder.

use super::languages::language_codes;
use super::*;
use crate::config::language_name;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zendesk/export")
}

fn import_into(root: &Path, export: &Path, dry_run: bool) -> Report {
    import(&Options {
        export: export.to_path_buf(),
        root: root.to_path_buf(),
        dry_run,
    })
    .unwrap()
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join("content").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn locales_that_share_a_code_or_have_none_are_refused() {
    let locales = |l: &[&str]| l.iter().map(|l| (*l).to_owned()).collect();
    let problems = language_codes(&locales(&["en_us", "en-us", "es"])).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("`en-us`, `en_us`"), "{problems:?}");
    let problems = language_codes(&locales(&["!!", "??"])).unwrap_err();
    assert!(
        problems[0].contains("`!!`, `??` give no language code"),
        "{problems:?}"
    );
}

#[test]
fn locales_become_short_codes_unless_they_share_one() {
    let codes =
        language_codes(&["en-us".to_owned(), "es".to_owned(), "pt-br".to_owned()].into()).unwrap();
    assert_eq!(codes["en-us"], "en");
    assert_eq!(codes["pt-br"], "pt");
    let codes =
        language_codes(&["en-us".to_owned(), "en-gb".to_owned(), "fr".to_owned()].into()).unwrap();
    assert_eq!(
        (
            codes["en-us"].as_str(),
            codes["en-gb"].as_str(),
            codes["fr"].as_str()
        ),
        ("en-us", "en-gb", "fr")
    );
    assert_eq!(language_name("es"), "Español");
    assert_eq!(language_name("en-gb"), "English (en-gb)");
    assert_eq!(language_name("xx"), "xx");
}

#[test]
fn old_addresses_become_aliases_tier0_accepts() {
    let article: Article = serde_json::from_str(
        r#"{"id": 7, "title": "Ñ", "locale": "es", "source_locale": "en-us",
            "html_url": "https://help.acme.example/hc/es/articles/7-Contrase%C3%B1a-olvidada"}"#,
    )
    .unwrap();
    let found = aliases(&article);
    assert_eq!(
        found,
        ["/hc/es/articles/7", "/hc/es/articles/7-Contraseña-olvidada"]
    );
    for alias in &found {
        assert!(normalise_alias(alias).is_some(), "{alias}");
    }
    // A path tier0 cannot write as a folder is left out; the short form stays.
    let odd: Article =
        serde_json::from_str(r#"{"id": 8, "title": "x", "locale": "en-us", "source_locale": "en-us", "html_url": "https://h/hc/en-us/articles/8-Why%3F"}"#)
            .unwrap();
    assert_eq!(aliases(&odd), ["/hc/en-us/articles/8", "/hc/articles/8"]);
    // A hostile export: a locale that climbs out, an address that is script.
    let hostile: Article = serde_json::from_str(
        r#"{"id": 9, "title": "x", "locale": "../../en", "source_locale": "en-us",
            "html_url": "javascript:alert(1)//hc/en-us/articles/9"}"#,
    )
    .unwrap();
    assert_eq!(aliases(&hostile), Vec::<String>::new());
}

#[test]
fn the_fixture_maps_to_nested_folders_and_front_matter() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    let report = import_into(root, &fixture(), false);
    assert_eq!(report.articles, 6);
    assert_eq!(report.languages, ["en", "es"]);
    assert_eq!(report.config, ConfigNote::Written);
    assert!(
        report
            .outcomes
            .iter()
            .all(|o| o.action == sync::Action::Created)
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);

    let deep = read(
        root,
        "network-vpn/vpn/macos/troubleshooting/error-809-on-macos.md",
    );
    assert!(
        deep.contains("id: ZD-301\n") && deep.contains("lang: en\n"),
        "{deep}"
    );
    assert!(
        deep.contains("tags:\n- vpn\n- macos\n- error-809\n"),
        "{deep}"
    );
    assert!(
        deep.contains("date: 2023-03-02T10:00:00Z\nupdated: 2024-05-01T12:00:00Z\n"),
        "{deep}"
    );
    let section = read(root, "network-vpn/vpn/macos/troubleshooting/_index.es.md");
    assert!(
        section.starts_with("---\ntitle: Solución de problemas\nweight: 1\nzendesk: {section: 202"),
        "{section}"
    );
    let category = read(root, "network-vpn/_index.md");
    assert!(category.contains("title: Network & VPN\ndescription: Connecting from home and from the office.\nweight: 1\n"), "{category}");

    let connect = read(root, "network-vpn/vpn/connect-to-the-vpn.md");
    assert!(
        connect.contains("tags:\n- vpn\n- remote\ndate:"),
        "labels are deduplicated: {connect}"
    );
    assert!(
        connect.contains("[its own fix](ZD-301#h_01ERRFIX)"),
        "{connect}"
    );
    assert!(
        connect.contains("```shell\nping intranet.acme.example\n```"),
        "{connect}"
    );
    let spanish = read(root, "network-vpn/vpn/connect-to-the-vpn.es.md");
    assert!(
        spanish.contains("id: ZD-300\ntitle: Conectarse a la VPN\nlang: es\n"),
        "{spanish}"
    );
    // The Spanish link names the article without a title slug: still a tier0 link.
    assert!(spanish.contains("[esta guía](ZD-301)"), "{spanish}");

    assert!(
        read(
            root,
            "network-vpn/vpn/macos/install-the-vpn-client-on-macos.md"
        )
        .contains("draft: true\n")
    );
    assert!(
        read(root, "network-vpn/vpn/vpn-access-for-agents.md").contains("audience: internal\n")
    );
    let policy = read(root, "accounts/passwords/password-policy.md");
    assert!(
        policy.contains("updated: 2024-01-15T10:00:00Z\n"),
        "without edited_at, updated_at: {policy}"
    );
    let notes: Vec<&String> = report.notes.values().flatten().collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("article 999, which is not in the export")),
        "{notes:?}"
    );

    let config = std::fs::read_to_string(root.join("tier0.yaml")).unwrap();
    assert!(config.contains("default_language: \"en\"\n"), "{config}");
    let (parsed, warnings) =
        crate::config::Config::from_yaml(Path::new("tier0.yaml"), &config).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(parsed.language_codes(), "en, es");

    let again = import_into(root, &fixture(), false);
    assert!(
        again
            .outcomes
            .iter()
            .all(|o| o.action == sync::Action::Unchanged),
        "{:?}",
        again.outcomes
    );
    assert_eq!(again.config, ConfigNote::Fine);
}

#[test]
fn a_dry_run_writes_nothing() {
    let site = tempfile::tempdir().unwrap();
    let report = import_into(site.path(), &fixture(), true);
    assert_eq!(report.config, ConfigNote::WouldWrite);
    assert_eq!(report.outcomes.len(), 20);
    assert_eq!(std::fs::read_dir(site.path()).unwrap().count(), 0);
}

#[test]
fn names_never_take_an_existing_path_or_one_tier0_keeps() {
    let export = tempfile::tempdir().unwrap();
    std::fs::write(
        export.path().join("categories.json"),
        r#"{"categories": [{"id": 1, "name": "Search", "locale": "en-us"}, {"id": 2, "name": "Mine", "locale": "en-us"}]}"#,
    )
    .unwrap();
    // Sections whose parents form a loop still get a place.
    std::fs::write(
        export.path().join("sections.json"),
        r#"{"sections": [{"id": 10, "name": "A", "locale": "en-us", "category_id": 2, "parent_section_id": 11},
                         {"id": 11, "name": "B", "locale": "en-us", "category_id": 2, "parent_section_id": 10}]}"#,
    )
    .unwrap();
    std::fs::write(
        export.path().join("articles.json"),
        r#"{"articles": [{"id": 5, "title": "Notes", "locale": "en-us", "section_id": null}]}"#,
    )
    .unwrap();
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("content/mine")).unwrap();
    std::fs::write(
        site.path().join("content/notes.md"),
        "---\ntitle: My notes\n---\n",
    )
    .unwrap();
    std::fs::write(site.path().join("tier0.yaml"), "default_language: en\n").unwrap();
    let report = import_into(site.path(), export.path(), false);
    let rels: BTreeSet<&str> = report.outcomes.iter().map(|o| o.rel.as_str()).collect();
    assert!(rels.contains("search-1/_index.md"), "{rels:?}");
    assert!(rels.contains("mine-2/_index.md"), "{rels:?}");
    assert!(rels.contains("notes-5.md"), "{rels:?}");
    assert!(
        rels.iter()
            .any(|r| r.starts_with("mine-2/") && r.ends_with("/_index.md")),
        "{rels:?}"
    );
    assert_eq!(read(site.path(), "notes.md"), "---\ntitle: My notes\n---\n");
    // The site's config lists `en` and `es`; the export is English only: nothing to change.
    assert_eq!(report.config, ConfigNote::Fine);
}

#[test]
fn a_config_without_the_export_languages_gets_advice() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("tier0.yaml"),
        "default_language: fr\nlanguages:\n  - {code: fr, name: Français}\n",
    )
    .unwrap();
    let report = import_into(site.path(), &fixture(), true);
    let ConfigNote::Advice(lines) = report.config else {
        panic!("expected advice");
    };
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[0].contains("{code: \"en\", name: \"English\"}"),
        "{lines:?}"
    );
    assert!(
        lines[1].contains("{code: \"es\", name: \"Español\"}"),
        "{lines:?}"
    );
    assert!(lines[2].contains("default_language: en"), "{lines:?}");
}

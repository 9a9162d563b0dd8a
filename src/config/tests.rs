//! Reading `tier0.yaml`: defaults, located errors with suggestions, the
//! checks across fields, and localized text.

use super::*;

fn parse(text: &str) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
    Config::from_yaml(Path::new("tier0.yaml"), text)
}

#[test]
fn tiers_that_would_share_a_page_and_languages_on_generated_folders_are_refused() {
    let errors = parse(
        "tiers:\n  - {id: L1, name: a}\n  - {id: l1, name: b}\n  - {id: L_2, name: c}\n  - {id: L-2, name: d}\n  - {id: L1, name: e}\n",
    )
    .unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "tiers `L1` and `l1` would share one page: their ids differ only in case or in `-` and `_`",
            "tiers `L_2` and `L-2` would share one page: their ids differ only in case or in `-` and `_`",
            "tier `L1` is defined twice",
        ]
    );
    let errors =
        parse("default_language: es\nlanguages: [{code: es, name: E}, {code: kb, name: K}]\n")
            .unwrap_err();
    assert_eq!(
        errors[0].message,
        "language code `kb` names the folder where tier0 writes the permanent short links"
    );
    assert_eq!(
        errors[0].span.start,
        "default_language: es\nlanguages: ".len()
    );
}

#[test]
fn empty_file_gives_working_defaults() {
    let (config, warnings) = parse("").unwrap();
    assert!(warnings.is_empty());
    assert_eq!(config.default_language, "es");
    assert_eq!(config.tier_ids(), "L1, L2, L3, L4");
    assert_eq!(config.escalation_tier, "L1");
    assert_eq!(config.default_tier, "L3");
    assert_eq!(config.base_url, BaseUrl::Relative);
}

#[test]
fn default_language_is_listed_first() {
    let (config, _) = parse("default_language: en\n").unwrap();
    assert_eq!(config.languages[0].code, "en");
    assert_eq!(config.language_codes(), "en, es");
}

#[test]
fn unknown_tier_reference_is_located() {
    let errors = parse("title: x\nescalation_tier: L9\n").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("`L9`"));
    assert_eq!(errors[0].span.start, "title: x\nescalation_tier: ".len());
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let (_, warnings) = parse("titel: x\n").unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].help.as_deref().unwrap().contains("`title`"));
}

#[test]
fn type_errors_point_at_the_value() {
    let errors = parse("title: x\ntiers: 3\n").unwrap_err();
    assert_eq!(errors[0].span.start, "title: x\ntiers: ".len());
}

#[test]
fn localized_text_errors_say_what_is_expected() {
    let errors = parse("title: [a, b]\n").unwrap_err();
    assert!(
        errors[0].message.contains("map from language code to text"),
        "{}",
        errors[0].message
    );
    let (config, _) = parse("title: {es: Hola, en: Hello}\n").unwrap();
    assert_eq!(config.title.get("en", "es"), "Hello");
}

#[test]
fn agents_feedback_and_raw_html_are_validated() {
    let (config, _) = parse(
        "agents: {base_url: /agentes/, out: interno, changes: 5}\nfeedback: {endpoint: /api/fb}\nraw_html: sanitize\n",
    )
    .unwrap();
    assert_eq!(config.agents_base_url, BaseUrl::Path("/agentes/".into()));
    assert_eq!(config.agents.out, "interno");
    assert_eq!(config.agents.changes, 5);
    assert_eq!(config.raw_html, RawHtml::Sanitize);
    assert_eq!(config.public_base_url, BaseUrl::Relative);
    let errors = parse("agents: {base_url: intranet}\n").unwrap_err();
    assert!(errors[0].message.contains("`agents.base_url`"));
    assert_eq!(errors[0].span.start, "agents: ".len());
    let errors = parse("feedback: {endpoint: \"ftp://x y\"}\n").unwrap_err();
    assert!(errors[0].message.contains("scheme `ftp:`"));
    let errors = parse("feedback: {endpoint: \"https://x y\"}\n").unwrap_err();
    assert!(errors[0].message.contains("feedback endpoint"));
    let errors = parse("raw_html: maybe\n").unwrap_err();
    assert!(errors[0].message.contains("maybe"), "{}", errors[0].message);
    let (_, warnings) = parse("agents: {base_url: /a/}\nagent: x\n").unwrap();
    assert!(warnings[0].help.as_deref().unwrap().contains("`agents`"));
}

#[test]
fn localized_text_falls_back() {
    let text = Localized::per_language(&[("es", "Hola")]);
    assert_eq!(text.get("en", "es"), "Hola");
    assert_eq!(Localized::Text("Hi".into()).get("es", "es"), "Hi");
}

#[test]
fn a_top_folder_named_by_a_language_is_its_root() {
    let (config, _) =
        parse("languages: [{code: es, name: Español}, {code: pt-br, name: Português}]\n").unwrap();
    let cases = [
        ("es/red/wifi.md", (Some("es"), "red/wifi.md")),
        ("PT-BR/wifi.md", (Some("pt-br"), "wifi.md")),
        ("pt_BR/wifi.md", (Some("pt-br"), "wifi.md")),
        ("pt/wifi.md", (None, "pt/wifi.md")),
        ("es", (Some("es"), "")),
        ("es.md", (None, "es.md")),
        ("espanol/wifi.md", (None, "espanol/wifi.md")),
        ("red/es/wifi.md", (None, "red/es/wifi.md")),
        ("en/wifi.md", (None, "en/wifi.md")),
    ];
    for (rel, expected) in cases {
        assert_eq!(config.language_folder(rel), expected, "{rel}");
    }
    let written = |lang: &str| config.language_written(lang).map(|l| l.code.as_str());
    assert_eq!(written("pt_BR"), Some("pt-br"));
    assert_eq!(written("pt"), None);
}

#[test]
fn a_written_title_fills_in_its_language_only() {
    let fr = Localized::or_written(None, Some("fr"), Some("Accès"));
    assert_eq!(fr, Some(Localized::per_language(&[("fr", "Accès")])));
    let both = Localized::or_written(fr, Some("en"), Some("Access"));
    assert_eq!(
        both,
        Some(Localized::per_language(&[
            ("en", "Access"),
            ("fr", "Accès")
        ]))
    );
    // The first text of a language stands, as does a text for all.
    let again = Localized::or_written(both.clone(), Some("fr"), Some("Autre"));
    assert_eq!(again, both);
    let all = Some(Localized::Text("VPN".into()));
    assert_eq!(
        Localized::or_written(all.clone(), Some("fr"), Some("x")),
        all
    );
    assert_eq!(
        Localized::or_written(None, None, Some("VPN")),
        Some(Localized::Text("VPN".into()))
    );
    assert_eq!(Localized::or_written(None, Some("fr"), None), None);
}

//! Unit tests of `tier0 new`: ids, file names, YAML strings, and the
//! templates, each of which must make a clean article.

use super::*;

#[test]
fn next_id_follows_the_most_common_prefix() {
    assert_eq!(next_id([]), "KB-0001");
    assert_eq!(next_id(["red-wifi"]), "KB-0001");
    assert_eq!(next_id(["KB-1025", "KB-1003", "KB-1025"]), "KB-1026");
    assert_eq!(next_id(["KB-1", "KB-5", "KB-2"]), "KB-6");
    assert_eq!(next_id(["KB-0009"]), "KB-0010");
    assert_eq!(next_id(["FAQ-7", "KB-2", "KB-3", "KB-1"]), "KB-4");
    assert_eq!(next_id(["B-1", "A-1"]), "A-2");
    assert_eq!(next_id(["KB-1", "KB-2", "kb-7"]), "KB-8");
}

#[test]
fn long_titles_are_cut_at_a_word_to_fit_a_file_name() {
    let word = "palabra";
    let slug = vec![word; 60].join("-");
    for ending in [".md", ".en.md", ".pt-br.md"] {
        let fitted = fit_file_name(&slug, ending);
        assert!(fitted.len() + ending.len() <= crate::output_paths::MAX_SEGMENT_BYTES);
        assert!(
            fitted.len() + ending.len() > crate::output_paths::MAX_SEGMENT_BYTES - word.len() - 1
        );
        assert!(slug.starts_with(&format!("{fitted}-")), "{fitted}");
        assert!(fitted.split('-').all(|w| w == word), "{fitted}");
        assert_eq!(fit_file_name(&slug, ending), fitted);
    }
    let one_word = "a".repeat(400);
    assert_eq!(fit_file_name(&one_word, ".md"), "a".repeat(252));
    assert_eq!(fit_file_name("corto", ".md"), "corto");
    // Cut right before a `-`: the word before it is whole and kept.
    let slug = format!("{}-b", "a".repeat(252));
    assert_eq!(fit_file_name(&slug, ".md"), "a".repeat(252));
}

#[test]
fn yaml_strings_read_back_as_written() {
    assert_eq!(yaml_string("Título con acentos ñ"), "Título con acentos ñ");
    for tricky in [
        "yes",
        "12",
        "a: b",
        "#1 problema",
        "- x",
        "'q' \"d\"",
        "~",
        "",
    ] {
        let yaml = format!("v: {}\n", yaml_string(tricky));
        let map: std::collections::BTreeMap<String, String> =
            serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
        assert_eq!(map["v"], tricky, "{yaml}");
    }
}

#[test]
fn every_template_makes_a_clean_article() {
    let config = Config::default();
    let date = Date::from_calendar_date(2026, time::Month::March, 2).unwrap();
    for lang in ["es", "en", "fr"] {
        for name in ArticleType::NAMES {
            let kind = ArticleType::parse(name).unwrap();
            let text =
                article_text(&config, kind, lang, "KB-0001", "Título: ñ", "L3", date).unwrap();
            assert!(!text.contains("{{"), "{lang}/{name}: {text}");
            let file = SourceFile {
                path: PathBuf::from("content/x.md"),
                rel: "x.md".into(),
                text: Arc::from(text.as_str()),
            };
            let sources = Sources {
                articles: vec![file],
                ..Sources::default()
            };
            let parsed = parse::parse(&config, &sources);
            assert!(
                parsed.diagnostics.is_empty(),
                "{lang}/{name}: {:?}",
                parsed.diagnostics
            );
            let a = &parsed.articles[0];
            assert_eq!(
                (a.id.as_str(), a.title.as_str(), a.kind, a.tier.as_str()),
                ("KB-0001", "Título: ñ", kind, "L3")
            );
            assert_eq!(a.reviewed.unwrap().date(), "2026-03-02");
        }
    }
}

#[test]
fn troubleshooting_templates_have_their_sections() {
    for (lang, headings) in [
        (
            "es",
            [
                "## Síntomas",
                "## Causa",
                "## Solución\n\n1. ",
                "## Si esto no funcionó",
            ],
        ),
        (
            "en",
            [
                "## Symptoms",
                "## Cause",
                "## Solution\n\n1. ",
                "## If this did not work",
            ],
        ),
    ] {
        let text = crate::article_templates::TEMPLATES
            .get_file(format!("{lang}/troubleshooting.md"))
            .and_then(|f| f.contents_utf8())
            .unwrap();
        for heading in headings {
            assert!(text.contains(heading), "{lang}: {heading}");
        }
    }
}

use super::*;
use crate::output_paths;
use article::parse_article;

fn article(rel: &str, text: &str) -> (Option<Article>, Vec<Diagnostic>) {
    let file = SourceFile::in_content(rel, text);
    let (article, diagnostics) = parse_article(
        &Config::default(),
        &file,
        None,
        &Default::default(),
        Default::default(),
    );
    (article.ok(), diagnostics)
}

fn only_error(rel: &str, text: &str) -> Diagnostic {
    let (a, d) = article(rel, text);
    assert!(a.is_none());
    let errors: Vec<_> = d.into_iter().filter(Diagnostic::is_error).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn full_article_with_defaults() {
    let (a, d) = article(
        "red/wifi-no-conecta.en.md",
        "---\nid: KB-1\ntitle: Wi-Fi\ntags: [a]\nerror_codes: [0x80070005]\ndate: 2026-01-02\n---\nBody\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let a = a.unwrap();
    assert_eq!(a.lang, "en");
    assert_eq!(a.slug, "wifi-no-conecta");
    assert_eq!(a.section.as_deref(), Some("red"));
    assert_eq!(a.tier, "L3");
    assert_eq!(a.escalate_to, "L1");
    assert_eq!(a.error_codes, ["0x80070005"]);
    assert_eq!(a.reviewed.unwrap().date(), "2026-01-02");
    assert_eq!(a.body(), "Body\n");
}

fn only_warnings(rel: &str, text: &str) -> (Article, Vec<String>) {
    let (a, d) = article(rel, text);
    assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
    (a.unwrap(), d.into_iter().map(|d| d.message).collect())
}

#[test]
fn a_missing_title_comes_from_the_file_name() {
    let (a, d) = only_warnings("red/getting-started.md", "---\nid: KB-1\n---\nText\n");
    assert_eq!(a.title, "Getting started");
    assert_eq!(
        d,
        ["the article has no title; using `Getting started`, from its file name"]
    );
    let (a, _) = only_warnings("red/guide/README.md", "Text\n");
    assert_eq!(a.title, "Guide");
}

/// tushare's docs (a plain folder of Chinese pages) order their files by
/// number (`17_社区捐助.md`), and the one without a heading was titled
/// `17 社区捐助`: the prefix only orders the page, as for its folder's
/// section title and in Docusaurus.
#[test]
fn a_title_from_a_file_name_leaves_its_number_prefix_out() {
    let (a, d) = only_warnings("guides/17_donate-now.md", "---\nid: KB-1\n---\nText\n");
    assert_eq!(a.title, "Donate now");
    assert_eq!(
        d,
        ["the article has no title; using `Donate now`, from its file name"]
    );
    let (a, _) = only_warnings("guides/02-setup/README.md", "Text\n");
    assert_eq!(a.title, "Setup");
    let (a, _) = only_warnings("news/2024-01-15-launch.md", "Text\n");
    assert_eq!(a.title, "2024 01 15 launch");
}

#[test]
fn no_front_matter_takes_the_title_from_the_first_heading() {
    let text = "\u{feff}# The *Rust* Book\n\nText\n";
    let (a, d) = only_warnings("ch01.md", text);
    assert_eq!(a.title, "The Rust Book");
    assert_eq!(a.body(), "# The *Rust* Book\n\nText\n");
    assert_eq!(
        &text[a.title_heading.clone().unwrap()],
        "# The *Rust* Book\n"
    );
    assert_eq!(d, ["the article has no `id`; using `ch01`"]);
    // A heading that repeats the front matter's title is the same title.
    let text = "---\ntitle: Intro\n---\n\n# intro\n\nText\n";
    let (a, _) = only_warnings("intro.md", text);
    assert_eq!(&text[a.title_heading.unwrap()], "# intro\n");
    let (a, _) = only_warnings("intro.md", "---\ntitle: Intro\n---\nText\n\n# Intro\n");
    assert_eq!(a.title_heading, None);
}

/// Mastra's front matter titles are for search engines (`Storage in
/// Mastra | Mastra Docs`, 304 of its pages), above the page's own
/// heading, which Nextra shows: the title of a page that opens with it.
#[test]
fn a_title_for_search_engines_gives_way_to_the_opening_heading() {
    let text = "---\ntitle: \"Reference: Agent.stream() | Agents | Acme Docs\"\n---\n\n# Agent.stream()\n\nText\n";
    let (a, _) = only_warnings("stream.mdx", text);
    assert_eq!(a.title, "Agent.stream()");
    assert_eq!(&text[a.title_heading.unwrap()], "# Agent.stream()\n");
    // Without a heading that opens the page, or without ` | `, as written.
    let text = "---\ntitle: Storage | Acme Docs\n---\n\nText\n\n# Stores\n";
    assert_eq!(only_warnings("s.md", text).0.title, "Storage | Acme Docs");
    let text = "---\ntitle: Reset a password\n---\n\n# Passwords\n";
    assert_eq!(only_warnings("p.md", text).0.title, "Reset a password");
}

#[test]
fn toml_front_matter() {
    let text = "+++\ntitle = \"Page\"\nweight = 30\ndate = 2024-02-02T04:14:54-08:00\n\
                slug = \"hugo_build\"\n+++\nBody\n";
    let (a, d) = only_warnings("docs/page.md", text);
    assert_eq!(
        (a.title.as_str(), a.weight, a.slug.as_str()),
        ("Page", 30, "hugo-build")
    );
    assert_eq!(a.date.unwrap().rfc3339(), "2024-02-02T04:14:54-08:00");
    assert_eq!(a.body(), "Body\n");
    assert!(
        d.iter()
            .any(|m| m.starts_with("slug `hugo_build` is not a URL segment")),
        "{d:?}"
    );
    let e = only_error("a.md", "+++\ntitle = \"open\n+++\n");
    assert!(e.message.starts_with("invalid TOML"), "{}", e.message);
}

#[test]
fn other_tools_conventions_are_warnings() {
    let text = "---\ntitle: x\ntype: docs\ncategory: Getting Started\nid: a/b\n\
                slug: ../x\nTier: l2\nlang: EN\naudience: Public\n---\n";
    let (a, d) = only_warnings("Red Wifi/a.md", text);
    assert_eq!(a.kind, ArticleType::Troubleshooting);
    assert_eq!(a.section.as_deref(), Some("getting-started"));
    assert_eq!(a.id, "red-wifi-a");
    assert!(a.aliases.is_empty());
    assert_eq!((a.tier.as_str(), a.lang.as_str()), ("L2", "en"));
    assert_eq!(a.audience, Audience::Public);
    for expected in [
        "`docs` is not an article type; the article is a `troubleshooting`",
        "category `Getting Started` is not a section id; the article is in `getting-started`",
        "article id `a/b` may only contain letters, digits, `-` and `_`; using `red-wifi-a`",
        "slug `../x` is not a path inside the site; it is ignored",
    ] {
        assert!(
            d.iter().any(|m| m == expected),
            "{expected:?} not in {d:#?}"
        );
    }
    let (a, d) = only_warnings("Red Wifi/b.md", "---\ntitle: x\ntype: How To\n---\n");
    assert_eq!(a.kind, ArticleType::HowTo);
    assert_eq!(a.section.as_deref(), Some("red-wifi"));
    assert!(
        d.iter()
            .any(|m| m == "folder `Red Wifi` is read as the section `red-wifi`")
    );
}

#[test]
fn a_docusaurus_path_slug_becomes_an_alias() {
    let (a, _) = only_warnings("docs/intro.mdx", "---\ntitle: x\nslug: /start/here\n---\n");
    assert_eq!(a.slug, "intro");
    assert_eq!(a.aliases, ["/start/here"]);
    assert!(a.file().is_mdx());
}

#[test]
fn docusaurus_unlisted_is_read_not_ignored() {
    for (written, unlisted) in [("true", true), ("yes", true), ("false", false)] {
        let text = format!("---\nid: KB-1\ntitle: x\nunlisted: {written}\n---\n");
        let (a, d) = article("a.md", &text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(a.unwrap().unlisted, unlisted, "{written}");
    }
    let (a, d) = article("a.md", "---\nid: KB-1\ntitle: x\nunlisted: maybe\n---\n");
    assert!(!a.unwrap().unlisted);
    assert!(d[0].message.contains("`true` or `false`"), "{d:?}");
}

#[test]
fn dialect_warnings_are_located_in_the_file() {
    let text = "---\ntitle: x\n---\nA {{< new-in 1 >}} b {{< x >}}\n";
    let (_, d) = article("a.md", text);
    let w = d.iter().find(|d| d.message.contains("shortcode")).unwrap();
    assert_eq!(&text[w.span.clone()], "{{< new-in 1 >}}");
}

#[test]
fn unknown_tier_points_at_value() {
    let text = "---\ntitle: x\ntier: L9\n---\n";
    let e = only_error("a.md", text);
    assert_eq!(&text[e.span.clone()], "L9");
    assert!(e.help.unwrap().contains("L1, L2, L3, L4"));
}

#[test]
fn bad_dates_are_errors_but_other_tools_forms_are_read() {
    let text = "---\ntitle: x\ndate: 2026-13-01\n---\n";
    assert_eq!(&text[only_error("a.md", text).span], "2026-13-01");
    let (a, _) = only_warnings(
        "a.md",
        "---\ntitle: x\ndate: 2020/12/21\nlastmod: 2020-12-22 10:00:00\n---\n",
    );
    assert_eq!(a.date.unwrap().date(), "2020-12-21");
    assert_eq!(a.updated.unwrap().rfc3339(), "2020-12-22T10:00:00Z");
    let (_, d) = only_warnings("a.md", "---\ntitle: x\ntype: howto\n---\n");
    assert!(
        d.iter()
            .any(|m| m.contains("`howto` is not an article type")),
        "{d:?}"
    );
}

#[test]
fn yaml_errors_are_located_where_the_problem_opens() {
    let text = "---\ntitle: x\ntitle: y\n---\n";
    let e = only_error("a.md", text);
    assert!(e.message.contains("set twice"));
    assert_eq!(e.span.start, 13);
    // An unclosed quote or bracket, where it opens, not at the end.
    let text = "---\nid: KB-2\ntitle: \"sin cerrar\nx: y\n---\n";
    assert_eq!(only_error("a.md", text).span.start, text.find('"').unwrap());
    let text = "---\ntítulo: é\ntags: [a, b\n---\n";
    assert_eq!(only_error("a.md", text).span.start, text.find('[').unwrap());
}

#[test]
fn unclosed_front_matter() {
    assert!(
        only_error("a.md", "---\ntitle: x\n")
            .message
            .contains("not closed")
    );
    let e = only_error("a.md", "+++\ntitle = 'x'\n");
    assert!(e.help.unwrap().contains("`+++`"));
}

#[test]
fn unknown_key_warns_with_suggestion() {
    let (a, d) = article("a.md", "---\nid: K-1\ntitle: x\nsymptom: [a]\n---\n");
    assert!(a.is_some());
    assert_eq!(d.len(), 1);
    assert!(d[0].help.as_deref().unwrap().contains("`symptoms`"));
}

#[test]
fn missing_id_is_derived_with_warning() {
    let (a, d) = article("red/wifi.md", "---\ntitle: x\n---\n");
    assert_eq!(a.unwrap().id, "red-wifi");
    assert!(d[0].message.contains("no `id`"));
}

#[test]
fn crlf_and_bom_work() {
    let (a, d) = article(
        "a.md",
        "\u{feff}---\r\nid: K-1\r\ntitle: Hola\r\n---\r\nCuerpo\r\n",
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(a.unwrap().title, "Hola");
}

#[test]
fn names_longer_than_a_file_name_are_located_errors() {
    let long = "a".repeat(output_paths::MAX_SEGMENT_BYTES + 1);
    let fits = "a".repeat(output_paths::MAX_SEGMENT_BYTES);
    for (key, value) in [
        ("slug", long.clone()),
        ("category", long.clone()),
        ("id", long.clone()),
        ("aliases", format!("[/old/{long}/]")),
    ] {
        let text = format!("---\ntitle: T\nid: KB-1\n{key}: {value}\n---\n");
        let text = text.replacen("id: KB-1\nid:", "id:", 1);
        let e = only_error("red/a.md", &text);
        assert!(
            e.message.contains("is 256 bytes long"),
            "{key}: {}",
            e.message
        );
        let at = text.find(&format!("\n{key}:")).unwrap() + key.len() + 3;
        assert_eq!(e.span.start, at, "{key}: located at its value");
    }
    let text = format!("---\ntitle: T\nid: {fits}\nslug: {fits}\naliases: [/{fits}/{fits}]\n---\n");
    let (a, d) = article("red/a.md", &text);
    assert!(a.is_some(), "{d:?}");
    // A slug made from a file name can grow past it: `文` is `Wen`.
    let name = "文".repeat(85);
    let e = only_error(&format!("{name}.md"), "---\ntitle: T\nid: KB-1\n---\n");
    assert!(e.message.contains("slug is too long"), "{}", e.message);
    assert!(e.help.unwrap().contains("set a shorter `slug:`"));
    // So can an id made from the file's path.
    let folders = ["b".repeat(200), "c".repeat(60)].join("/");
    let e = only_error(
        &format!("{folders}/d.md"),
        "---\ntitle: T\ncategory: red\n---\n",
    );
    assert!(
        e.message.contains("article id is too long"),
        "{}",
        e.message
    );
}

#[test]
fn confidence_defaults_to_validated_and_a_draft_is_unpublished() {
    let front = |extra: &str| format!("---\nid: KB-1\ntitle: T\n{extra}---\nx\n");
    let state = |extra: &str| {
        let (a, _) = only_warnings("a.md", &front(extra));
        (a.confidence, a.draft)
    };
    assert_eq!(state(""), (Confidence::Validated, false));
    assert_eq!(state("draft: true\n"), (Confidence::Draft, true));
    assert_eq!(state("confidence: draft\n"), (Confidence::Draft, true));
    assert_eq!(
        state("confidence: Not Validated\n"),
        (Confidence::NotValidated, false)
    );
    assert_eq!(
        state("confidence: archived\n"),
        (Confidence::Archived, false)
    );
    // `draft: true` keeps an article of any state unpublished.
    assert_eq!(
        state("confidence: validated\ndraft: true\n"),
        (Confidence::Validated, true)
    );
    let (_, d) = article("a.md", &front("Confidence: validated\n"));
    assert!(d.is_empty(), "{d:?}");
    // Spanish authors' name for it is pointed at the key.
    let (_, d) = article("a.md", &front("confianza: validado\n"));
    assert_eq!(d[0].help.as_deref(), Some("did you mean `confidence`?"));
}

#[test]
fn an_unknown_confidence_is_a_located_error_with_the_states() {
    let text = "---\nid: KB-1\ntitle: T\nconfidence: validatd\n---\nx\n";
    let e = only_error("a.md", text);
    assert_eq!(&text[e.span.clone()], "validatd");
    assert_eq!(e.message, "unknown confidence `validatd`");
    assert_eq!(
        e.help.as_deref(),
        Some(
            "did you mean `validated`? the KCS states are: draft, not-validated, validated, archived"
        )
    );
}

#[test]
fn every_text_of_the_front_matter_is_checked_for_terminal_controls() {
    let lists = ["tags", "symptoms", "error_codes", "applies_to", "aliases"];
    let not_text = ["review_every", "draft", "unlisted", "search", "weight"];
    for key in FRONT_MATTER_KEYS.iter().filter(|k| !not_text.contains(k)) {
        let value = if lists.contains(key) {
            "[ok, \"x\\e]52;c;eA==\\a\"]"
        } else {
            "\"x\\e]52;c;eA==\\a\""
        };
        let title = if *key == "title" { "" } else { "title: t\n" };
        let text = format!("---\n{title}{key}: {value}\n---\n");
        let (article, d) = article("a.md", &text);
        assert!(article.is_none(), "{key}");
        let e = d
            .iter()
            .find(|e| e.message.contains("U+001B"))
            .unwrap_or_else(|| panic!("{key}: {d:?}"));
        assert!(e.message.contains(&format!("`{key}`")), "{}", e.message);
        assert_eq!(&text[e.span.clone()], value, "{key}");
    }
}

#[test]
fn bidi_controls_and_line_breaks_are_located_at_the_character() {
    let text = "---\nid: K-1\ntitle: \"factura\u{202e}fdp.exe\"\nauthor: \"a\\nb\"\ndescription: \"one\\ntwo\"\n---\n";
    let (refused, d) = article("a.md", text);
    assert!(refused.is_none());
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(&text[d[0].span.clone()], "\u{202e}");
    assert!(d[0].message.contains("`title`"), "{}", d[0].message);
    assert!(
        d[1].message.contains("`author` must be one line"),
        "{}",
        d[1].message
    );
    let (folded, d) = article("a.md", "---\nid: K-1\ntitle: >\n  folded\n  title\n---\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(folded.unwrap().title, "folded title");
}

#[test]
fn section_texts_are_checked_too() {
    let file = SourceFile {
        path: "content/red/_index.md".into(),
        rel: "red/_index.md".into(),
        text: Arc::from("---\ntitle: \"Red\\x9b2J\"\n---\n"),
    };
    let errors = section::parse_section(&Config::default(), &file, None)
        .0
        .unwrap_err();
    assert!(errors[0].message.contains("U+009B"), "{errors:?}");
}

#[test]
fn a_translation_without_an_id_takes_the_one_its_translations_write() {
    let file = |rel: &str, front: &str| {
        SourceFile::in_content(rel, &format!("---\ntitle: T\n{front}---\nText.\n"))
    };
    let sources = Sources {
        articles: vec![
            file("about.en.md", "id: KB-5\n"),
            file("about.md", ""),
            // Two ids written in the family: none is taken.
            file("red/vpn.en.md", "id: KB-6\n"),
            file("red/vpn.fr.md", "id: KB-7\n"),
            file("red/vpn.md", ""),
            // A `translationKey` links on its own.
            file("red/wifi.en.md", "id: KB-8\n"),
            file("red/wifi.md", "translationKey: wlan\n"),
        ],
        ..Default::default()
    };
    let config = crate::config::Config::from_yaml(
        Path::new("tier0.yaml"),
        "languages: [{code: es, name: Español}, {code: en, name: English}, \
         {code: fr, name: Français}]\n",
    )
    .unwrap()
    .0;
    let parsed = parse(&config, &sources);
    let ids: Vec<(&str, &str)> = (parsed.articles.iter())
        .map(|a| (a.rel.as_str(), a.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("about.en.md", "KB-5"),
            ("about.md", "KB-5"),
            ("red/vpn.en.md", "KB-6"),
            ("red/vpn.fr.md", "KB-7"),
            ("red/vpn.md", "red-vpn"),
            ("red/wifi.en.md", "KB-8"),
            ("red/wifi.md", "wlan"),
        ]
    );
    let said: Vec<&str> = (parsed.diagnostics.iter())
        .filter(|d| d.path == Path::new("content/about.md"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        said,
        ["the article has no `id`; using `KB-5`, the id of its translation `content/about.en.md`"]
    );
}

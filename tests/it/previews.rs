//! Link previews and structured data: OpenGraph and Twitter card tags on
//! every page, and schema.org JSON-LD that parses and has the properties
//! search engines require (a `TechArticle` per article, a `HowTo` with its
//! steps, an `FAQPage` for FAQs, a `BreadcrumbList`, the home page's
//! `WebSite` with its search).

use serde_json::Value;

use crate::support::{Site, stderr};

/// The `nested` fixture with a full site URL and an FAQ, built.
fn site() -> Site {
    let site = Site::fixture("nested");
    let config = std::fs::read_to_string(site.root().join("tier0.yaml")).unwrap();
    site.write(
        "tier0.yaml",
        format!("{config}base_url: https://help.example/\n"),
    );
    site.write(
        "content/network/faq.md",
        "---\nid: KB-200\ntitle: Network questions\ntype: faq\n---\n\
         ## Why is it slow?\n\nThe Wi-Fi is shared <b>&</b> busy.\n\n## Can I use a cable?\n\nYes.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    site
}

/// The JSON-LD of the page at `path`, parsed.
fn json_ld(site: &Site, path: &str) -> Value {
    let html = site.read_public(&format!("{path}index.html"));
    let (_, rest) = html
        .split_once("<script type=\"application/ld+json\">")
        .unwrap_or_else(|| panic!("{path} has no JSON-LD"));
    let (json, _) = rest.split_once("</script>").unwrap();
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{path}: {e}: {json}"))
}

fn of_type<'a>(graph: &'a Value, kind: &str) -> &'a Value {
    graph["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {graph:#}"))
}

#[test]
fn pages_unfurl_with_their_title_description_and_url() {
    let site = site();
    let html = site.read_public("network/vpn/setup/index.html");
    for tag in [
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:title\" content=\"Set up the VPN\">",
        "<meta property=\"og:site_name\" content=\"Nested help\">",
        "<meta property=\"og:url\" content=\"https://help.example/network/vpn/setup/\">",
        "<meta name=\"twitter:card\" content=\"summary\">",
    ] {
        assert!(html.contains(tag), "{tag} not in:\n{html}");
    }
    let home = site.read_public("index.html");
    assert!(home.contains("<meta property=\"og:type\" content=\"website\">"));
    assert!(home.contains(
        "<meta property=\"og:description\" content=\"Answers from the teams that fix things.\">"
    ));
}

#[test]
fn articles_are_tech_articles_with_their_steps_and_trail() {
    let site = site();
    let data = json_ld(&site, "network/vpn/macos/legacy/setup/");
    assert_eq!(data["@context"], "https://schema.org");
    let article = of_type(&data, "TechArticle");
    assert_eq!(article["headline"], "Set up the legacy VPN client");
    assert_eq!(article["identifier"], "KB-106");
    assert_eq!(
        article["url"],
        "https://help.example/network/vpn/macos/legacy/setup/"
    );
    assert_eq!(article["publisher"]["name"], "Nested help");
    let how_to = of_type(&data, "HowTo");
    let steps = how_to["step"].as_array().unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(
        steps[0]["text"],
        "Only for macOS 12 and older: see the current setup."
    );
    assert_eq!(
        steps[0]["url"],
        "https://help.example/network/vpn/macos/legacy/setup/#step-1"
    );
    let trail = of_type(&data, "BreadcrumbList")["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["name"].as_str().unwrap(),
                item["item"].as_str().unwrap(),
            )
        })
        .collect::<Vec<_>>();
    assert_eq!(
        trail,
        [
            ("Nested help", "https://help.example/"),
            ("Network", "https://help.example/network/"),
            ("Remote access (VPN)", "https://help.example/network/vpn/"),
            ("VPN on macOS", "https://help.example/network/vpn/macos/"),
            ("Legacy", "https://help.example/network/vpn/macos/legacy/"),
            (
                "Set up the legacy VPN client",
                "https://help.example/network/vpn/macos/legacy/setup/"
            ),
        ]
    );
}

#[test]
fn faqs_list_their_questions_and_no_text_ends_the_script() {
    let site = site();
    let html = site.read_public("network/faq/index.html");
    let data = json_ld(&site, "network/faq/");
    let faq = of_type(&data, "FAQPage");
    let questions: Vec<(&str, &str)> = faq["mainEntity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["name"].as_str().unwrap(),
                q["acceptedAnswer"]["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        questions,
        [
            ("Why is it slow?", "The Wi-Fi is shared & busy."),
            ("Can I use a cable?", "Yes.")
        ]
    );
    let script = html.split("application/ld+json\">").nth(1).unwrap();
    let script = script.split("</script>").next().unwrap();
    assert!(!script.contains('<') && !script.contains('&'), "{script}");
}

#[test]
fn section_pages_have_their_trail_and_the_home_page_its_search() {
    let site = site();
    let trail = json_ld(&site, "network/vpn/");
    assert_eq!(trail["@type"], "BreadcrumbList");
    assert_eq!(trail["itemListElement"].as_array().unwrap().len(), 3);
    let home = json_ld(&site, "");
    assert_eq!(home["@type"], "WebSite");
    assert_eq!(home["url"], "https://help.example/");
    assert_eq!(
        home["potentialAction"]["target"]["urlTemplate"],
        "https://help.example/?q={search_term_string}"
    );
}

//! Structured data: the schema.org JSON-LD that search engines read to show
//! a help article as a how-to, an FAQ or a breadcrumb trail, and a home page
//! with its own search box.
//!
//! Made here with serde rather than in templates, so that no text of an
//! article can end the `<script>` element it is printed in: `<`, `>` and
//! `&` are written as `\u003c`, `\u003e` and `\u0026`, which JSON reads back
//! as the same characters.

use serde_json::{Value, json};

use super::context::PageLink;

/// One step of a how-to: its anchor and its text.
pub(super) struct Step<'a> {
    /// Link to the step on its page (`#paso-2`).
    pub(super) href: String,
    /// The step's text.
    pub(super) text: &'a str,
}

/// What the JSON-LD of an article page says.
pub(super) struct ArticleData<'a> {
    /// Title.
    pub(super) title: &'a str,
    /// Description.
    pub(super) description: &'a str,
    /// Language code.
    pub(super) lang: &'a str,
    /// Its absolute URL, when the site's is known.
    pub(super) url: Option<&'a str>,
    /// Id (`KB-1042`).
    pub(super) id: &'a str,
    /// First published and last updated, `YYYY-MM-DD`.
    pub(super) published: Option<&'a str>,
    /// Last updated.
    pub(super) modified: Option<&'a str>,
    /// Author's name, else the team's.
    pub(super) author: Option<&'a str>,
    /// The site's name: the publisher.
    pub(super) site: &'a str,
    /// Tags.
    pub(super) keywords: &'a [String],
    /// Numbered steps, for a how-to.
    pub(super) steps: Vec<Step<'a>>,
    /// Questions and their answers, for an FAQ.
    pub(super) questions: Vec<(&'a str, &'a str)>,
}

/// The JSON-LD of an article page: a `TechArticle`, a `HowTo` when it has
/// numbered steps, an `FAQPage` for an FAQ, and its `BreadcrumbList`.
pub(super) fn article(data: &ArticleData<'_>, crumbs: &[PageLink]) -> String {
    let mut article = json!({
        "@type": "TechArticle",
        "headline": data.title,
        "inLanguage": data.lang,
        "identifier": data.id,
        "publisher": {"@type": "Organization", "name": data.site},
    });
    let mut set = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            article[key] = value;
        }
    };
    set("description", nonempty(data.description).map(Value::from));
    set("url", data.url.map(Value::from));
    set("datePublished", data.published.map(Value::from));
    set("dateModified", data.modified.map(Value::from));
    set(
        "author",
        data.author
            .map(|name| json!({"@type": "Person", "name": name})),
    );
    set(
        "keywords",
        (!data.keywords.is_empty()).then(|| Value::from(data.keywords.join(", "))),
    );
    let mut graph = vec![article];
    if !data.steps.is_empty() {
        let steps: Vec<Value> = data
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                json!({"@type": "HowToStep", "position": i + 1, "url": s.href, "text": s.text})
            })
            .collect();
        graph.push(json!({"@type": "HowTo", "name": data.title, "step": steps}));
    }
    if !data.questions.is_empty() {
        let questions: Vec<Value> = data
            .questions
            .iter()
            .map(|(q, a)| {
                json!({
                    "@type": "Question",
                    "name": q,
                    "acceptedAnswer": {"@type": "Answer", "text": a},
                })
            })
            .collect();
        graph.push(json!({"@type": "FAQPage", "mainEntity": questions}));
    }
    graph.push(breadcrumb_list(crumbs));
    script_safe(&json!({"@context": "https://schema.org", "@graph": graph}))
}

/// The JSON-LD of a page whose only structured data is its trail.
pub(super) fn breadcrumbs(crumbs: &[PageLink]) -> String {
    let mut list = breadcrumb_list(crumbs);
    list["@context"] = Value::from("https://schema.org");
    script_safe(&list)
}

/// The JSON-LD of a home page at the absolute `url`: the site, and how to
/// search it (`?q=`), which search engines may offer in their results.
pub(super) fn website(name: &str, lang: &str, url: &str) -> String {
    script_safe(&json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "inLanguage": lang,
        "url": url,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": format!("{url}?q={{search_term_string}}")},
            "query-input": "required name=search_term_string",
        },
    }))
}

/// A `BreadcrumbList` of `crumbs`, the home page first and the page itself last.
fn breadcrumb_list(crumbs: &[PageLink]) -> Value {
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({"@type": "ListItem", "position": i + 1, "name": c.title, "item": c.href})
        })
        .collect();
    json!({"@type": "BreadcrumbList", "itemListElement": items})
}

fn nonempty(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

/// `value` as JSON that cannot end or open markup inside `<script>`.
fn script_safe(value: &Value) -> String {
    let json = value.to_string();
    if !json.bytes().any(|b| matches!(b, b'<' | b'>' | b'&')) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    let mut rest = json.as_str();
    while let Some(at) = rest.find(['<', '>', '&']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            _ => "\\u0026",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crumbs() -> Vec<PageLink> {
        vec![
            PageLink {
                title: "Help".into(),
                href: "https://h.example/".into(),
            },
            PageLink {
                title: "VPN </script>".into(),
                href: "https://h.example/vpn/".into(),
            },
        ]
    }

    #[test]
    fn an_article_is_a_tech_article_a_how_to_and_a_trail() {
        let keywords = ["vpn".to_owned()];
        let data = ArticleData {
            title: "Fix <b>809</b>",
            description: "",
            lang: "en",
            url: Some("https://h.example/vpn/809/"),
            id: "KB-1",
            published: Some("2026-01-02"),
            modified: Some("2026-02-03"),
            author: None,
            site: "Help",
            keywords: &keywords,
            steps: vec![Step {
                href: "https://h.example/vpn/809/#step-1".into(),
                text: "Restart & retry",
            }],
            questions: Vec::new(),
        };
        let text = article(&data, &crumbs());
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        let value: Value = serde_json::from_str(&text).unwrap();
        let graph = value["@graph"].as_array().unwrap();
        assert_eq!(graph[0]["@type"], "TechArticle");
        assert_eq!(graph[0]["headline"], "Fix <b>809</b>");
        assert_eq!(graph[0]["dateModified"], "2026-02-03");
        assert!(graph[0].get("description").is_none());
        assert_eq!(graph[1]["@type"], "HowTo");
        assert_eq!(graph[1]["step"][0]["text"], "Restart & retry");
        assert_eq!(graph[1]["step"][0]["position"], 1);
        assert_eq!(graph[2]["@type"], "BreadcrumbList");
        assert_eq!(graph[2]["itemListElement"][1]["name"], "VPN </script>");
        assert_eq!(graph[2]["itemListElement"][1]["position"], 2);
    }

    #[test]
    fn an_faq_lists_its_questions_and_a_home_page_its_search() {
        let data = ArticleData {
            title: "FAQ",
            description: "d",
            lang: "es",
            url: None,
            id: "KB-2",
            published: None,
            modified: None,
            author: Some("Ana"),
            site: "Help",
            keywords: &[],
            steps: Vec::new(),
            questions: vec![("Why?", "Because.")],
        };
        let value: Value = serde_json::from_str(&article(&data, &[])).unwrap();
        let faq = &value["@graph"][1];
        assert_eq!(faq["@type"], "FAQPage");
        assert_eq!(faq["mainEntity"][0]["acceptedAnswer"]["text"], "Because.");
        assert_eq!(value["@graph"][0]["author"]["name"], "Ana");
        let home: Value =
            serde_json::from_str(&website("Help", "es", "https://h.example/")).unwrap();
        assert_eq!(
            home["potentialAction"]["target"]["urlTemplate"],
            "https://h.example/?q={search_term_string}"
        );
        let trail: Value = serde_json::from_str(&breadcrumbs(&crumbs())).unwrap();
        assert_eq!(trail["@context"], "https://schema.org");
    }
}

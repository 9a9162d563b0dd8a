//! Article bodies: Zendesk's HTML → clean Markdown.
//!
//! Two steps, each by a crate made for it. [ammonia] first removes what
//! must never reach a page (scripts, styles, event handlers, `javascript:`
//! links, forms) and the presentational attributes that would keep an
//! element from becoming Markdown (`style`, `class`, `width`), and makes
//! every link and image URL absolute against the article's address, so
//! attachments keep working from their Zendesk URLs. [htmd] then writes
//! Markdown in its "faithful" mode: what Markdown cannot say (a table with
//! merged cells or lists inside, underline, superscript) is kept as the
//! sanitised HTML, which tier0 renders as it is.
//!
//! Links are the one thing rewritten: the caller decides, from the whole
//! export, which links become tier0 links ([`Rewrites`]); a heading keeps
//! its Zendesk id (`## Title {#h_01H…}`) only when some link points at it,
//! so that anchors still resolve and the others read as tier0's own.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::options::{BrStyle, BulletListMarker, HrStyle, Options, TranslationMode};
use htmd::{Element, HtmlToMarkdown};
use url::Url;

use crate::slug;

/// A body with nothing unsafe left, and what it links to.
#[derive(Debug, Default, Clone)]
pub(super) struct Sanitized {
    /// The cleaned HTML.
    pub html: String,
    /// Ids of its headings that a link may point at.
    pub heading_ids: BTreeSet<String>,
    /// Every link target, as made absolute.
    pub hrefs: Vec<String>,
    /// How deep the body nested, when that was past [`MAX_NESTING`]: only
    /// its text was kept.
    pub flattened: Option<usize>,
}

/// Attributes kept, per element; every other attribute is dropped.
const KEPT_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("img", &["src", "alt", "title"]),
    ("iframe", &["src"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan"]),
    ("ol", &["start"]),
    ("code", &["class"]),
    ("h1", &["id"]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
];

/// Cleans `body`, whose relative URLs are relative to `base` (the article's
/// own address, when the export gives it).
pub(super) fn sanitize(body: &str, base: Option<&Url>) -> Sanitized {
    // Parsing costs the square of the depth: a body too deep to convert is
    // flattened to its text before ammonia's parser sees it.
    let flattened = crate::html_depth::deeper_than(body, MAX_NESTING);
    let text;
    let body = if flattened.is_some() {
        text = crate::html_depth::text_only(body);
        text.as_str()
    } else {
        body
    };
    let found: Arc<Mutex<Sanitized>> = Arc::default();
    let seen = Arc::clone(&found);
    let base = base.cloned();
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["iframe"])
        .generic_attributes(std::collections::HashSet::new())
        .tag_attributes(
            KEPT_ATTRIBUTES
                .iter()
                .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
                .collect(),
        )
        .link_rel(None)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .attribute_filter(move |element, attribute, value| {
            let mut seen = seen
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match attribute {
                "id" if slug::is_identifier(value) => {
                    seen.heading_ids.insert(value.to_owned());
                    Some(value.into())
                }
                "id" => None,
                // Only a code block's language (`language-shell`) is kept:
                // it becomes the fence's info string.
                "class" => value
                    .split_whitespace()
                    .find(|c| c.starts_with("language-"))
                    .map(|c| c.to_owned().into()),
                "href" | "src" => {
                    let absolute = absolute(value, base.as_ref());
                    if element == "a" {
                        seen.hrefs.push(absolute.clone());
                    }
                    Some(absolute.into())
                }
                _ => Some(value.into()),
            }
        });
    let html = builder.clean(body).to_string();
    let mut found = found
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    found.html = html;
    found.flattened = flattened;
    std::mem::take(&mut found)
}

/// `value` joined to `base`; in-page anchors and what cannot be joined stay as written.
fn absolute(value: &str, base: Option<&Url>) -> String {
    let value = value.trim();
    match base {
        Some(base) if !value.starts_with('#') => base
            .join(value)
            .map_or_else(|_| value.to_owned(), String::from),
        _ => value.to_owned(),
    }
}

/// How the links of one body change.
#[derive(Debug, Default, Clone)]
pub(super) struct Rewrites {
    /// Heading ids to keep, because a link points at them.
    pub keep_ids: BTreeSet<String>,
    /// Link targets (as [`Sanitized::hrefs`] has them) → the Markdown
    /// destination to write, or `None` to keep only the link's text.
    /// Targets not listed stay as they are.
    pub links: BTreeMap<String, Option<String>>,
}

fn attribute<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element
        .attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// How deep the elements of a body may nest to be converted: htmd walks
/// the tree by recursion, and a body nesting 10,000 elements exhausted the
/// stack. No help article nests a tenth as deep; a deeper body keeps its
/// text alone (see [`sanitize`]).
pub(super) const MAX_NESTING: usize = 256;

/// Markdown for a body that [`sanitize`] cleaned.
pub(super) fn to_markdown(html: &str, rewrites: Rewrites) -> Result<String, String> {
    if let Some(depth) = crate::html_depth::deeper_than(html, MAX_NESTING) {
        return Err(format!(
            "its HTML nests {depth} elements deep, more than the {MAX_NESTING} that tier0 converts to Markdown"
        ));
    }
    let rewrites = Arc::new(rewrites);
    let for_links = Arc::clone(&rewrites);
    let converter = HtmlToMarkdown::builder()
        .options(Options {
            translation_mode: TranslationMode::Faithful,
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            br_style: BrStyle::Backslash,
            hr_style: HrStyle::Dashes,
            ..Options::default()
        })
        .add_handler(
            vec!["a"],
            move |handlers: &dyn Handlers, element: Element| {
                let href = attribute(&element, "href").unwrap_or_default();
                match for_links.links.get(href) {
                    None => handlers.fallback(element),
                    Some(None) => Some(handlers.walk_children(element.node)),
                    Some(Some(dest)) => {
                        let text = handlers.walk_children(element.node).content;
                        Some(format!("[{}]({dest})", text.trim()).into())
                    }
                }
            },
        )
        .add_handler(
            vec!["h1", "h2", "h3", "h4", "h5", "h6"],
            move |handlers: &dyn Handlers, element: Element| {
                let level = element.tag[1..].parse::<usize>().unwrap_or(2);
                let text = handlers.walk_children(element.node).content;
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    return Some(String::new().into());
                }
                let id = attribute(&element, "id")
                    .filter(|id| rewrites.keep_ids.contains(*id))
                    .map_or(String::new(), |id| format!(" {{#{id}}}"));
                Some(format!("\n\n{} {text}{id}\n\n", "#".repeat(level)).into())
            },
        )
        .add_handler(vec!["iframe"], |_: &dyn Handlers, element: Element| {
            // An embedded video or form becomes a link to it: frames are
            // what `raw_html: sanitize` removes, and a link works everywhere.
            let src = attribute(&element, "src")
                .filter(|s| s.starts_with("https://") || s.starts_with("http://"));
            Some(HandlerResult::from(
                src.map_or(String::new(), |s| format!("\n\n<{s}>\n\n")),
            ))
        })
        .build();
    let markdown = converter
        .convert(html)
        .map_err(|e| format!("cannot convert the body to Markdown: {e}"))?;
    let mut markdown = markdown.trim().to_owned();
    markdown.push('\n');
    Ok(markdown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://help.acme.example/hc/en-us/articles/1-Wifi").unwrap()
    }

    fn markdown(body: &str) -> String {
        to_markdown(&sanitize(body, Some(&base())).html, Rewrites::default()).unwrap()
    }

    #[test]
    fn structure_becomes_markdown() {
        let md = markdown(
            "<h2 id=\"h_1\">Before you start</h2><p>You need <strong>admin</strong> rights. Run <code>ipconfig</code>.</p>\
             <ol><li>Open <em>Settings</em>.</li><li>Choose:<ul><li>Office<ul><li>Deeper</li></ul></li></ul></li></ol>\
             <pre><code class=\"hljs language-powershell\">Get-NetAdapter\n  Restart</code></pre>\
             <table><thead><tr><th>Code</th><th>Meaning</th></tr></thead><tbody><tr><td>809</td><td>Blocked</td></tr></tbody></table>\
             <p><img src=\"/hc/article_attachments/9/router.png\" alt=\"Router\" width=\"300\" style=\"border:1px\"></p>",
        );
        assert!(
            md.starts_with("## Before you start\n\nYou need **admin** rights. Run `ipconfig`.\n"),
            "{md}"
        );
        assert!(
            md.contains("1. Open *Settings*.\n2. Choose:\n   - Office\n     - Deeper\n"),
            "{md}"
        );
        assert!(
            md.contains("```powershell\nGet-NetAdapter\n  Restart\n```"),
            "{md}"
        );
        assert!(
            md.contains("| Code | Meaning |") || md.contains("| Code "),
            "{md}"
        );
        assert!(
            md.contains("![Router](https://help.acme.example/hc/article_attachments/9/router.png)"),
            "{md}"
        );
    }

    #[test]
    fn what_markdown_cannot_say_stays_html() {
        let md = markdown(
            "<table><tr><td colspan=\"2\">merged</td></tr><tr><td>a</td><td>b</td></tr></table><p>H<sub>2</sub>O</p>",
        );
        assert!(md.contains("<td colspan=\"2\">merged</td>"), "{md}");
        assert!(md.contains("H<sub>2</sub>O"), "{md}");
    }

    #[test]
    fn hostile_html_is_gone() {
        let md = markdown(
            "<script>alert(1)</script><style>p{}</style><p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">click</a>\
             <img src=\"x.png\" onerror=\"alert(2)\"></p><form action=\"/x\"><input name=\"q\"></form>\
             <iframe src=\"javascript:alert(3)\"></iframe><p>&lt;script&gt;alert(4)&lt;/script&gt;</p>",
        );
        // `\<` is an escaped `<`: text, not a tag.
        let markup = md.replace("\\<", "");
        for bad in [
            "<script",
            "alert(1)",
            "alert(2)",
            "alert(3)",
            "onclick",
            "onerror",
            "javascript:",
            "<form",
            "<input",
            "<style",
        ] {
            assert!(!markup.contains(bad), "{bad} in {md}");
        }
        // Text that looks like a tag is escaped, not markup.
        assert!(md.contains("\\<script>alert(4)"), "{md}");
    }

    #[test]
    fn frames_become_links() {
        let md =
            markdown("<iframe src=\"https://www.youtube.com/embed/xyz\" width=\"560\"></iframe>");
        assert_eq!(md, "<https://www.youtube.com/embed/xyz>\n");
    }

    #[test]
    fn links_and_anchors_follow_the_rewrites() {
        let clean = sanitize(
            "<h2 id=\"h_a\">A</h2><h2 id=\"h_b\">B</h2><p><a href=\"#h_a\">up</a> <a href=\"#gone\">nowhere</a> \
             <a href=\"/hc/en-us/articles/2-Other#h_x\">other</a> <a href=\"https://example.com/\">out</a></p>",
            Some(&base()),
        );
        assert_eq!(
            clean.heading_ids,
            ["h_a".to_owned(), "h_b".to_owned()].into()
        );
        assert_eq!(
            clean.hrefs,
            [
                "#h_a",
                "#gone",
                "https://help.acme.example/hc/en-us/articles/2-Other#h_x",
                "https://example.com/"
            ]
        );
        let rewrites = Rewrites {
            keep_ids: ["h_a".to_owned()].into(),
            links: [
                ("#gone".to_owned(), None),
                (
                    "https://help.acme.example/hc/en-us/articles/2-Other#h_x".to_owned(),
                    Some("ZD-2#h_x".to_owned()),
                ),
            ]
            .into(),
        };
        let md = to_markdown(&clean.html, rewrites).unwrap();
        assert!(md.starts_with("## A {#h_a}\n\n## B\n\n"), "{md}");
        assert!(
            md.contains("[up](#h_a) nowhere [other](ZD-2#h_x) [out](https://example.com/)"),
            "{md}"
        );
    }

    #[test]
    fn a_body_nesting_too_deep_is_flattened_before_it_is_parsed() {
        // 100,000 levels took minutes in the parser; the scan before it
        // stops at the limit, so this completes as the shallow body does.
        let deep = "<ul><li>".repeat(100_000) + "deep <b>text</b>";
        let clean = sanitize(&deep, Some(&base()));
        assert_eq!(clean.flattened, Some(MAX_NESTING + 1));
        assert_eq!(clean.html, "deep text");
        let error = to_markdown(&"<div>".repeat(300), Rewrites::default()).unwrap_err();
        assert!(error.contains("nests 257 elements deep"), "{error}");
        let fine = "<blockquote>".repeat(MAX_NESTING) + "fine";
        let md = markdown(&fine);
        assert!(md.starts_with(&"> ".repeat(MAX_NESTING)), "{md}");
        assert!(md.ends_with("fine\n"), "{md}");
    }
}

//! Markdown body → HTML fragment, with everything a help article needs.
//!
//! In: one linked article and the site model. Out: [`RenderedBody`]: the
//! HTML, its table of contents, every anchor it defines (heading ids and
//! step ids), the plain text of each section for search, the anchors it
//! links to in other articles (checked once all bodies are rendered), and
//! located errors for links to things that do not exist.
//!
//! Guarantees: heading ids are unique within the page and stable for the
//! same text; items of top-level ordered lists get step ids (`paso-3`);
//! internal links are rewritten to the target's final URL.
//!
//! Internal blocks are block quotes whose first line is `> [!INTERNAL]`
//! (optionally followed by a title). The agents' build shows them as a
//! marked aside; the public build drops their events before anything reads
//! them, so no byte of them reaches the page, its table of contents or the
//! search index. Their headings still claim their ids, so every other
//! anchor is the same in both builds and links agents copy work on both.

mod internal;
mod links;
mod raw_text;
mod terms;
mod text;
mod writer;

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{Event, Tag};

use search_index::Section;

use crate::diagnostics::Diagnostic;
use crate::link::SiteModel;
use crate::parse::{MarkdownFile, SectionPage};
use crate::slug::{self, UniqueIds};

use links::{Untargeted, rewrite_link};

use super::i18n::UiText;

/// An entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// Heading level (2 or 3).
    pub level: u8,
    /// Heading id.
    pub id: String,
    /// Heading text.
    pub text: String,
}

/// A link to an anchor of another page, to check once every page is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorLink {
    /// Target article.
    pub target: usize,
    /// The anchor, without `#`.
    pub anchor: String,
    /// Where the link is written (file offsets).
    pub span: Range<usize>,
}

/// The rendered body of one article.
#[derive(Debug, Clone, Default)]
pub struct RenderedBody {
    /// HTML fragment.
    pub html: String,
    /// Headings of level 2 and 3.
    pub toc: Vec<TocEntry>,
    /// Every id defined in the body.
    pub anchors: BTreeSet<String>,
    /// Ids of the numbered steps, in order.
    pub steps: Vec<String>,
    /// The text of each numbered step, as `steps` orders them.
    pub step_texts: Vec<String>,
    /// Plain text per section.
    pub sections: Vec<Section>,
    /// Links into other pages' anchors.
    pub anchor_links: Vec<AnchorLink>,
    /// Where its links and images that lead, or may lead after a change,
    /// to other articles point, as written: all but those to section pages
    /// and assets (which only a change of the whole site moves). A link
    /// that names no article now (one written before its target, to an
    /// unpublished article, or to a site path) names one once that article
    /// is there: the dev server and the build cache resolve them all
    /// again, to know whether this page changed.
    pub article_links: Vec<String>,
    /// Files from `content/` it links to or shows (content-relative paths).
    pub assets: Vec<String>,
    /// Broken links and images.
    pub diagnostics: Vec<Diagnostic>,
}

/// The word step ids are made of, in `lang` (part of the URL contract).
pub fn step_word(lang: &str) -> &'static str {
    match lang {
        "es" => "paso",
        "pt" | "pt-br" => "passo",
        "fr" => "etape",
        "it" => "passo",
        "de" => "schritt",
        "ca" => "pas",
        _ => "step",
    }
}

/// The page a body is rendered for.
struct Page<'a> {
    /// The Markdown file.
    file: MarkdownFile<'a>,
    /// Its site path.
    path: &'a str,
    /// The article, when it is one: links to its own anchors are checked.
    article: Option<usize>,
}

/// Renders the body of article `index`.
pub fn render_body(
    model: &SiteModel,
    index: usize,
    text: &UiText,
    template_ids: &[String],
) -> RenderedBody {
    let linked = &model.articles[index];
    let article = &linked.article;
    let page = Page {
        file: article.file(),
        path: &linked.path,
        article: Some(index),
    };
    let mut out = writer::render(model, &page, text, template_ids);
    out.anchors.extend(title_anchors(article));
    out
}

/// The ids that links written for other generators give the page's own
/// title (`#installation` for `# Installation`, or its `{#id}`), which
/// the page shows above its body: the top of the page answers to them.
fn title_anchors(article: &crate::parse::Article) -> Vec<String> {
    // Its `{#id}`, read by the parser that reads every other heading's.
    let written = article
        .title_heading
        .as_ref()
        .and_then(|range| article.text.get(range.clone()))
        .and_then(|heading| {
            pulldown_cmark::Parser::new_ext(heading, crate::syntax::options()).find_map(|e| match e
            {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                _ => None,
            })
        });
    [
        slug::slugify(&article.title),
        slug::github_heading_id(&article.title),
    ]
    .into_iter()
    .chain(written)
    .filter(|id| !id.is_empty())
    .collect()
}

/// Renders the body of `landing`, the landing page of the section (or home
/// page) at site path `path`.
pub fn render_landing(
    model: &SiteModel,
    landing: &SectionPage,
    path: &str,
    text: &UiText,
    template_ids: &[String],
) -> RenderedBody {
    let page = Page {
        file: landing.file(),
        path,
        article: None,
    };
    writer::render(model, &page, text, template_ids)
}

/// The cleaner of `raw_html: sanitize`: ammonia's allow-list of harmless
/// tags, plus what tier0's own markup needs (ids, classes, ARIA labels,
/// task-list checkboxes, table alignment), and nothing that runs code.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_tags(["input"])
            .add_generic_attributes(["id", "class", "aria-label", "role"])
            .add_tag_attributes("input", ["type", "disabled", "checked"])
            .add_tag_attributes("details", ["open"])
            .add_tag_attributes("a", ["name"])
            .set_tag_attribute_value("input", "disabled", "")
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .filter_style_properties(["text-align"].into_iter().collect())
            .link_rel(None);
        builder
    })
}

/// The id of a heading with the text `text` (or the id written for it),
/// and the ids other generators give it when they differ and are free: the
/// page answers to them too, so links written for those generators land
/// on the heading. GitHub's (`people--body` for `people-body`), and, for
/// a heading whose id is taken (`x-1`), Python-Markdown's (MkDocs) and
/// Node.js's `x_1`, and both suffixes on GitHub's id when it is taken too;
/// VitePress's and VuePress's for an id that starts with a digit, which
/// they open with `_` (`_1-module-bar` for `1. Module Bar`).
/// All are claimed in both builds, hidden headings' too, so every other
/// anchor is the same.
fn heading_ids(ids: &mut UniqueIds, explicit: Option<&str>, text: &str) -> (String, Vec<String>) {
    if let Some(written) = explicit {
        return (ids.claim_written(written), Vec::new());
    }
    let base = slug::slugify(text);
    let id = ids.claim(&base);
    let mut aliases = Vec::new();
    if id.starts_with(|c: char| c.is_ascii_digit()) {
        let vitepress = format!("_{id}");
        if ids.take(&vitepress) {
            aliases.push(vitepress);
        }
    }
    let suffix = id
        .strip_prefix(base.as_str())
        .and_then(|rest| rest.strip_prefix('-'))
        .filter(|n| !base.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if let Some(n) = suffix {
        let underscored = format!("{base}_{n}");
        if ids.take(&underscored) {
            aliases.push(underscored);
        }
    }
    // Words of ASCII letters and digits, single-spaced: GitHub's id is the
    // same, and most headings are such.
    let plain = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    if !plain {
        let other = slug::github_heading_id(text);
        if !other.is_empty() && other != id {
            if ids.take(&other) {
                aliases.push(other);
            } else if let Some(n) = suffix {
                // Repeated too: GitHub's `other-1`, Python-Markdown's `other_1`.
                for repeated in [format!("{other}-{n}"), format!("{other}_{n}")] {
                    if ids.take(&repeated) {
                        aliases.push(repeated);
                    }
                }
            }
        }
    }
    (id, aliases)
}

/// Escapes text for an HTML attribute (double-quoted) or text node.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Node.js's API docs and every MkDocs site (Python-Markdown) link to
    /// a repeated heading as `#x_1`, where tier0 and GitHub write `x-1`.
    #[test]
    fn a_repeated_heading_answers_to_python_markdowns_id_too() {
        let mut ids = UniqueIds::default();
        assert_eq!(
            heading_ids(&mut ids, None, "Event"),
            ("event".into(), vec![])
        );
        let second = heading_ids(&mut ids, None, "Event");
        assert_eq!(second, ("event-1".into(), vec!["event_1".into()]));
        let code = heading_ids(&mut ids, None, "Event: 'error'");
        assert_eq!(code.0, "event-error");
        let again = heading_ids(&mut ids, None, "Event: 'error'");
        assert_eq!(again.0, "event-error-1");
        assert!(again.1.contains(&"event-error_1".to_owned()), "{again:?}");
        // `worker.threadId` is `worker-threadid` here, `workerthreadid` there.
        heading_ids(&mut ids, None, "worker.threadId");
        let repeated = heading_ids(&mut ids, None, "worker.threadId");
        assert_eq!(repeated.0, "worker-threadid-1");
        assert_eq!(
            repeated.1,
            ["worker-threadid_1", "workerthreadid-1", "workerthreadid_1"]
        );
    }

    /// Directus's VitePress pages link to `## 1. Module Bar` as
    /// `#_1-module-bar`.
    #[test]
    fn a_heading_that_starts_with_a_digit_answers_to_vitepress_id_too() {
        let mut ids = UniqueIds::default();
        assert_eq!(
            heading_ids(&mut ids, None, "1. Module Bar"),
            ("1-module-bar".into(), vec!["_1-module-bar".into()])
        );
        let again = heading_ids(&mut ids, None, "1. Module Bar");
        assert_eq!(again.0, "1-module-bar-1");
        assert!(again.1.contains(&"_1-module-bar-1".to_owned()), "{again:?}");
        assert_eq!(
            heading_ids(&mut ids, None, "Step 2"),
            ("step-2".into(), vec![])
        );
    }

    #[test]
    fn attribute_text_is_escaped() {
        assert_eq!(
            escape_attr(r#"<img src=x onerror="a()"> & co"#),
            "&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; co"
        );
    }
}

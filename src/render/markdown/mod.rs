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
mod raw_text;
mod text;
mod writer;

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use search_index::Section;

use crate::diagnostics::Diagnostic;
use crate::dialects::TEMPLATED_TARGET;
use crate::link::{LinkTarget, SiteModel};
use crate::output_paths;
use crate::parse::{MarkdownFile, SectionPage};
use crate::references::{FILE_ATTRIBUTES, located_attributes};
use crate::slug::{self, UniqueIds};

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
/// Node.js's `x_1`, and both suffixes on GitHub's id when it is taken too.
/// All are claimed in both builds, hidden headings' too, so every other
/// anchor is the same.
fn heading_ids(ids: &mut UniqueIds, explicit: Option<&str>, text: &str) -> (String, Vec<String>) {
    if let Some(written) = explicit {
        return (ids.claim_written(written), Vec::new());
    }
    let base = slug::slugify(text);
    let id = ids.claim(&base);
    let mut aliases = Vec::new();
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

/// Rewrites internal link and image targets to final URLs; records
/// problems. A link to an article this edition leaves out (internal, a
/// draft, or for its KCS state) becomes its text alone: its start and its
/// end (recorded in `untargeted` between them) are dropped; in raw HTML,
/// its target. So does a link or an image whose target starts with another
/// tool's variable ([`TEMPLATED_TARGET`]) and names nothing of the site
/// without it: an image shows its alternative text.
fn rewrite_link<'a>(
    model: &SiteModel,
    page: &Page<'_>,
    event: Event<'a>,
    span: Range<usize>,
    out: &mut RenderedBody,
    untargeted: &mut Untargeted,
) -> Event<'a> {
    match event {
        Event::End(TagEnd::Link) if untargeted.link => {
            untargeted.link = false;
            Event::Text(CowStr::Borrowed(""))
        }
        Event::End(TagEnd::Image) => match untargeted.images.pop() {
            Some(true) => Event::Text(CowStr::Borrowed("")),
            _ => Event::End(TagEnd::Image),
        },
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !matches!(link_type, LinkType::Email | LinkType::Autolink) => {
            // `#` alone is the top of the page (`[Back to top](#)`): valid.
            let anchor = dest_url.strip_prefix('#').filter(|a| !a.is_empty());
            let dest_url = match (anchor, page.article) {
                (Some(anchor), Some(target)) => match model.label_elsewhere(target, anchor) {
                    Some(found) => {
                        url_of(model, page, found, span, out).map_or(dest_url, Into::into)
                    }
                    None => {
                        out.anchor_links.push(AnchorLink {
                            target,
                            anchor: anchor.to_owned(),
                            span,
                        });
                        dest_url
                    }
                },
                (Some(_), None) => dest_url,
                (None, _) if dest_url.starts_with('#') => dest_url,
                (None, _) => {
                    let resolved = match dest_url.strip_prefix(TEMPLATED_TARGET) {
                        Some(rest) => resolve_templated(model, page, rest, span, out, "link"),
                        None => resolve(model, page, dest_url, span, out, "link"),
                    };
                    match resolved {
                        Some(dest_url) => dest_url,
                        None => {
                            untargeted.link = true;
                            return Event::Text(CowStr::Borrowed(""));
                        }
                    }
                }
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = match dest_url.strip_prefix(TEMPLATED_TARGET) {
                Some(rest) => {
                    let resolved = resolve_templated(model, page, rest, span, out, "image");
                    untargeted.images.push(resolved.is_none());
                    match resolved {
                        Some(dest_url) => dest_url,
                        None => return Event::Text(CowStr::Borrowed("")),
                    }
                }
                None => {
                    untargeted.images.push(false);
                    resolve(model, page, dest_url.clone(), span, out, "image").unwrap_or(dest_url)
                }
            };
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Html(html) => Event::Html(rewrite_html_links(model, page, html, span, out)),
        Event::InlineHtml(html) => {
            Event::InlineHtml(rewrite_html_links(model, page, html, span, out))
        }
        other => other,
    }
}

/// The links and images being read that lost their target: their ends are
/// dropped with their starts.
#[derive(Debug, Default)]
pub(super) struct Untargeted {
    /// Inside such a link (links do not nest).
    link: bool,
    /// For each image open (an image's text may hold another), whether it
    /// is one.
    images: Vec<bool>,
}

/// The URL of `rest`, what follows another tool's variable in a link or
/// image target: `None` unless it names a page or file of the site, as
/// where the variable led is unknown here. An empty rest, `/`, or only a
/// query or fragment names nothing of this site: `{{#V}}/` is the home of
/// the site the variable names, not of this one.
fn resolve_templated<'a>(
    model: &SiteModel,
    page: &Page<'_>,
    rest: &str,
    span: Range<usize>,
    out: &mut RenderedBody,
    what: &str,
) -> Option<CowStr<'a>> {
    if rest.is_empty() || rest == "/" || rest.starts_with(['?', '#']) {
        return None;
    }
    let rest = CowStr::from(rest.to_owned());
    match target(model, page, &rest, out) {
        LinkTarget::External => None,
        found => resolve_found(model, page, rest, found, span, out, what),
    }
}

/// The URL `dest` becomes, or `None` when it names an article this edition
/// leaves out: for its KCS state (said in a warning, never fatal: archiving
/// an article must not break the build of those that cite it), or as
/// internal or a draft (a broken link, whose target would name it).
fn resolve<'a>(
    model: &SiteModel,
    page: &Page<'_>,
    dest: CowStr<'a>,
    span: Range<usize>,
    out: &mut RenderedBody,
    what: &str,
) -> Option<CowStr<'a>> {
    let found = target(model, page, &dest, out);
    resolve_found(model, page, dest, found, span, out, what)
}

/// [`resolve`] once `dest` is known to point to `found`.
fn resolve_found<'a>(
    model: &SiteModel,
    page: &Page<'_>,
    dest: CowStr<'a>,
    found: LinkTarget,
    span: Range<usize>,
    out: &mut RenderedBody,
    what: &str,
) -> Option<CowStr<'a>> {
    Some(match found {
        LinkTarget::External => dest,
        LinkTarget::Missing(reason) => {
            out.diagnostics
                .push(broken(model, page, span, what, &reason));
            dest
        }
        left_out @ (LinkTarget::Withheld(_) | LinkTarget::Unpublished(_)) => {
            withhold(model, page, span, what, &left_out, out);
            return None;
        }
        found => url_of(model, page, found, span, out)?.into(),
    })
}

/// The URL, from `page`, of `target` when it is a page, an article or a
/// file of the site (recorded in `out` as the body's asset or anchor link).
fn url_of(
    model: &SiteModel,
    page: &Page<'_>,
    target: LinkTarget,
    span: Range<usize>,
    out: &mut RenderedBody,
) -> Option<String> {
    Some(match target {
        LinkTarget::Page { path, anchor } => {
            let href = model.urls.href(page.path, &path);
            match anchor {
                Some(anchor) => format!("{href}#{anchor}"),
                None => href,
            }
        }
        LinkTarget::Article {
            index: target,
            anchor,
        } => {
            let href = model.urls.href(page.path, &model.articles[target].path);
            match anchor {
                Some(anchor) => {
                    let url = format!("{href}#{anchor}");
                    out.anchor_links.push(AnchorLink {
                        target,
                        anchor,
                        span,
                    });
                    url
                }
                None => href,
            }
        }
        LinkTarget::Asset(rel) => {
            let path = output_paths::asset_path(&rel);
            let href = model.urls.href(page.path, &crate::urls::in_url(&path));
            out.assets.push(rel);
            href
        }
        LinkTarget::External
        | LinkTarget::Missing(_)
        | LinkTarget::Withheld(_)
        | LinkTarget::Unpublished(_) => return None,
    })
}

/// Where `dest`, written in `page`, points; recorded in `out` when it
/// names, or may come to name, an article.
fn target(model: &SiteModel, page: &Page<'_>, dest: &str, out: &mut RenderedBody) -> LinkTarget {
    let target = model.resolve_in(page.file.rel, page.file.lang, dest);
    if !matches!(target, LinkTarget::Page { .. } | LinkTarget::Asset(_)) {
        out.article_links.push(dest.to_owned());
    }
    target
}

/// The error of a link to nothing, or to an article this edition withholds.
fn broken(
    model: &SiteModel,
    page: &Page<'_>,
    span: Range<usize>,
    what: &str,
    reason: &str,
) -> Diagnostic {
    Diagnostic::error(page.file.path, span, format!("broken {what}: {reason}"))
        .with_help(
            "link to an article by its id (`KB-1042`) or by the relative path of its .md file",
        )
        .fatal_if(model.config.strict)
}

/// Says why a link to `target`, an article this edition leaves out, loses
/// its target: a broken link when it is internal or a draft, a warning
/// when it is left out for its KCS state.
fn withhold(
    model: &SiteModel,
    page: &Page<'_>,
    span: Range<usize>,
    what: &str,
    target: &LinkTarget,
    out: &mut RenderedBody,
) {
    match target {
        LinkTarget::Withheld(reason) => out
            .diagnostics
            .push(broken(model, page, span, what, reason)),
        LinkTarget::Unpublished(reason) => out.diagnostics.push(
            Diagnostic::warning(
                page.file.path,
                span,
                format!("{what} without a target: {reason}; the page shows its text only"),
            )
            .with_help("link to a validated article instead, or validate the one linked"),
        ),
        _ => {}
    }
}

/// Raw HTML (`<a href="plan.md">`, `<img src="img/a.png">`) with each
/// target that names an article or a file of the site written as its URL,
/// as [`resolve`] writes a Markdown link's, and without the attributes that
/// link or load an article this edition leaves out, each reported as
/// [`resolve`] reports a Markdown link to it: the element keeps its text,
/// and its target, which names the article, is gone. Other targets (other
/// sites, paths tier0 does not know) stay as written.
fn rewrite_html_links<'a>(
    model: &SiteModel,
    page: &Page<'_>,
    html: CowStr<'a>,
    span: Range<usize>,
    out: &mut RenderedBody,
) -> CowStr<'a> {
    // What to put in place of each range of `html`, in order.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for attribute in located_attributes(&html, &FILE_ATTRIBUTES) {
        let mut urls = Vec::new();
        let mut withheld = false;
        for url in attribute_urls(attribute.name, attribute.value) {
            let at = attribute.at.start + url.start..attribute.at.start + url.end;
            match target(model, page, &html[at.clone()], out) {
                LinkTarget::External | LinkTarget::Missing(_) => {}
                left_out @ (LinkTarget::Withheld(_) | LinkTarget::Unpublished(_)) => {
                    withhold(model, page, span.clone(), "link", &left_out, out);
                    withheld = true;
                }
                found => {
                    if let Some(url) = url_of(model, page, found, span.clone(), out) {
                        urls.push((at, escape_attr(&url)));
                    }
                }
            }
        }
        if withheld {
            edits.push((attribute.whole, String::new()));
        } else {
            edits.extend(urls);
        }
    }
    if edits.is_empty() {
        return html;
    }
    let mut rewritten = String::with_capacity(html.len());
    let mut at = 0;
    for (range, with) in edits {
        rewritten.push_str(&html[at..range.start]);
        rewritten.push_str(&with);
        at = range.end;
    }
    rewritten.push_str(&html[at..]);
    rewritten.into()
}

/// Where each URL of an attribute's `value` stands in it: the whole value,
/// or for `srcset` each candidate's URL, before its size (`a.png 1x, b.png 2x`).
fn attribute_urls(name: &str, value: &str) -> Vec<Range<usize>> {
    if name != "srcset" {
        return std::iter::once(0..value.len()).collect();
    }
    let mut urls = Vec::new();
    let mut start = 0;
    for candidate in value.split(',') {
        let lead = candidate.len() - candidate.trim_start().len();
        let url = candidate.trim_start();
        let len = url.find(char::is_whitespace).unwrap_or(url.len());
        if len > 0 {
            urls.push(start + lead..start + lead + len);
        }
        start += candidate.len() + 1;
    }
    urls
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

    #[test]
    fn each_url_of_a_srcset_is_found_before_its_size() {
        let value = " a.png 1x,b.png 2x , c.png";
        let urls: Vec<&str> = attribute_urls("srcset", value)
            .into_iter()
            .map(|r| &value[r])
            .collect();
        assert_eq!(urls, vec!["a.png", "b.png", "c.png"]);
        let whole: Vec<Range<usize>> = std::iter::once(0..7).collect();
        assert_eq!(attribute_urls("src", "a b.png"), whole);
    }

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

    #[test]
    fn attribute_text_is_escaped() {
        assert_eq!(
            escape_attr(r#"<img src=x onerror="a()"> & co"#),
            "&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; co"
        );
    }
}

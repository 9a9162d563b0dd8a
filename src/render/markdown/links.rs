//! Links and images of a body: targets rewritten to final URLs, links to
//! what this edition leaves out reduced to their text, broken ones
//! reported; in Markdown and in raw HTML alike.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use crate::diagnostics::Diagnostic;
use crate::dialects::TEMPLATED_TARGET;
use crate::link::{LinkTarget, SiteModel};
use crate::output_paths;
use crate::references::{FILE_ATTRIBUTES, located_attributes};

use super::{AnchorLink, Page, RenderedBody, escape_attr};

/// Rewrites internal link and image targets to final URLs; records
/// problems. A link to an article this edition leaves out (internal, a
/// draft, or for its KCS state) becomes its text alone: its start and its
/// end (recorded in `untargeted` between them) are dropped; in raw HTML,
/// its target. So does a link or an image whose target starts with another
/// tool's variable ([`TEMPLATED_TARGET`]) and names nothing of the site
/// without it: an image shows its alternative text.
pub(super) fn rewrite_link<'a>(
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
        left_out @ (LinkTarget::Withheld(_)
        | LinkTarget::Unpublished(_)
        | LinkTarget::Reference(_)) => {
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
        | LinkTarget::Unpublished(_)
        | LinkTarget::Reference(_) => return None,
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
        LinkTarget::Reference(name) => out.diagnostics.push(
            Diagnostic::warning(
                page.file.path,
                span,
                format!(
                    "{what} to `{name}`, which names no page or label of the site: read as a \
                     reference to a Python object, which Sphinx finds in API documentation \
                     tier0 does not publish; the page shows its text only"
                ),
            )
            .with_help(format!(
                "link to a page of the site, or write the name as code (`{name}`)"
            )),
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
                LinkTarget::External | LinkTarget::Missing(_) | LinkTarget::Reference(_) => {}
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
}

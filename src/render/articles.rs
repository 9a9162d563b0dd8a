//! The article pages: rendered in parallel, each written as soon as its
//! body is, then the links between them checked. A whole build renders
//! them with [`articles`], the dev server a few at a time with
//! [`articles_alone`].

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};
use std::io;

use rayon::prelude::*;

use super::markdown::{self, RenderedBody};
use super::theme::Theme;
use super::{
    KeepPreviews, Listings, Memo, RenderError, Rendered, Sink, in_language, language_pages,
    template_errors, tree, widget,
};
use crate::diagnostics::Diagnostic;
use crate::link::SiteModel;

/// The most article pages one task renders in a row. Rayon splits the
/// work only as far as it sees idle threads, so without a bound the last
/// task of a build could hold hundreds of pages while the other cores
/// wait: up to 80 ms of one idle core measured at 10,000 articles.
const PAGES_PER_TASK: usize = 32;

/// Renders the article pages into `sink` and checks the links between
/// them; the rest of the site is [`listings`](super::listings). A page
/// that `memo` recalls is kept from the site being replaced instead of
/// rendered.
pub fn articles(
    model: &SiteModel,
    theme: &Theme,
    sink: &dyn Sink,
    memo: &dyn Memo,
    previews: &dyn KeepPreviews,
) -> Result<Rendered, RenderError> {
    let languages = language_pages(model, theme);
    let for_lang = |lang: &str| in_language(&languages, lang);

    // Each article page is written as soon as its body is rendered, so no
    // body's HTML outlives its page. Links between articles can only be
    // checked once all bodies are known; if one is broken, rendering fails
    // and what went into the sink is never used.
    // One page buffer per run of pages: a fresh one per page was a visible
    // cost. Runs of at most `PAGES_PER_TASK` pages, so that no core waits
    // long for the other to finish its last run.
    let articles: Vec<(RenderedBody, Option<String>)> = (0..model.articles.len())
        .into_par_iter()
        .with_max_len(PAGES_PER_TASK)
        .map_init(Vec::new, |page, i| {
            let linked = &model.articles[i];
            let path = format!("{}index.html", linked.path);
            if let Some(recalled) = memo.recall(i)
                && sink.keep(&path)
            {
                previews.keep(i, recalled.preview)?;
                return Ok((recalled.body, None));
            }
            let pages = for_lang(&linked.article.lang);
            let mut body = markdown::render_body(model, i, &pages.text, &pages.theme.ids);
            // Before the page, which takes the body's HTML.
            let preview = widget::preview_record(pages, i, &body);
            page.clear();
            let rendered = match pages.article(i, &mut body, page) {
                Ok(()) => {
                    memo.remember(i, &body, &preview);
                    sink.put(&path, page).map(|()| (body, None))
                }
                Err(e) => Ok((body, Some(e))),
            };
            previews.keep(i, preview)?;
            rendered
        })
        .collect::<io::Result<_>>()
        .map_err(RenderError::Io)?;
    // Read in place: copying the bodies into new lists held up both cores
    // for 10 to 25 ms at 10,000 articles.
    let used_assets: BTreeSet<String> = articles
        .iter()
        .flat_map(|(b, _)| b.assets.iter().cloned())
        .collect();
    let indexed: Vec<(usize, &RenderedBody)> =
        articles.iter().map(|(body, _)| body).enumerate().collect();
    let mut diagnostics = check_links(model, &indexed, |target| &articles[target].0.anchors);
    diagnostics.extend(tree::landing_problems(model, &languages));
    diagnostics.extend(template_errors(
        model,
        articles.iter().filter_map(|(_, error)| error.clone()),
    ));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(RenderError::Content(diagnostics, used_assets));
    }
    let mut rendered = Rendered {
        warnings: diagnostics,
        used_assets,
        sections: Vec::with_capacity(articles.len()),
        anchors: Vec::with_capacity(articles.len()),
        article_links: Vec::with_capacity(articles.len()),
        listings: Listings::new(),
    };
    for (body, _) in articles {
        rendered.anchors.push(body.anchors);
        rendered.sections.push(body.sections);
        rendered.article_links.push(body.article_links);
    }
    Ok(rendered)
}

/// An article page rendered on its own.
pub struct ArticlePage {
    /// Index of the article in [`SiteModel::articles`].
    pub index: usize,
    /// Its rendered body.
    pub body: RenderedBody,
    /// Output path of its page.
    pub path: String,
    /// The page.
    pub html: Vec<u8>,
    /// What the help widget shows of it ([`widget::preview_record`]).
    pub preview: Vec<u8>,
}

/// Renders the bodies and pages of articles `indexes` alone, for a dev
/// server that knows no other article changed. `anchors` holds the ids every
/// article defined in the last build (in [`SiteModel::articles`] order);
/// the links out of `indexes` are checked against them, with what
/// `indexes` define now in place of their old ids.
pub fn articles_alone(
    model: &SiteModel,
    theme: &Theme,
    indexes: &[usize],
    anchors: &[impl Borrow<BTreeSet<String>>],
) -> Result<Vec<ArticlePage>, RenderError> {
    let languages = language_pages(model, theme);
    let rendered: Vec<(ArticlePage, Result<(), String>)> = indexes
        .par_iter()
        .map(|&index| {
            let linked = &model.articles[index];
            let pages = in_language(&languages, &linked.article.lang);
            let mut body = markdown::render_body(model, index, &pages.text, &pages.theme.ids);
            let preview = widget::preview_record(pages, index, &body);
            let mut html = Vec::new();
            let error = pages.article(index, &mut body, &mut html);
            let path = format!("{}index.html", linked.path);
            (
                ArticlePage {
                    index,
                    body,
                    path,
                    html,
                    preview,
                },
                error,
            )
        })
        .collect();
    let bodies: Vec<(usize, &RenderedBody)> = rendered
        .iter()
        .map(|(page, _)| (page.index, &page.body))
        .collect();
    let now: BTreeMap<usize, &BTreeSet<String>> =
        bodies.iter().map(|&(i, body)| (i, &body.anchors)).collect();
    let mut diagnostics = check_links(model, &bodies, |target| {
        now.get(&target)
            .copied()
            .unwrap_or_else(|| anchors[target].borrow())
    });
    let failed = rendered
        .iter()
        .filter_map(|(_, e)| e.as_ref().err().cloned());
    diagnostics.extend(template_errors(model, failed));
    let used_assets: BTreeSet<String> = rendered
        .iter()
        .flat_map(|(page, _)| page.body.assets.iter().cloned())
        .collect();
    // Warnings (broken links a lenient build publishes anyway) do not stop
    // the dev server, which serves the pages as the build writes them.
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(RenderError::Content(diagnostics, used_assets));
    }
    Ok(rendered.into_iter().map(|(page, _)| page).collect())
}

/// Broken anchors past this many in one check are told the anchors their
/// target has, not the one they may have meant: finding it compares the
/// anchor with every anchor of the target, and 100,000 broken links into a
/// page of 100,000 headings would compare ten billion pairs.
const SUGGESTED_ANCHORS: usize = 100;

/// The broken links of `bodies` (article index, body): those found while
/// rendering, and links into anchors that `defined(target)` lacks.
fn check_links<'a>(
    model: &SiteModel,
    bodies: &[(usize, &RenderedBody)],
    defined: impl Fn(usize) -> &'a BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = bodies
        .iter()
        .flat_map(|(_, b)| b.diagnostics.iter().cloned())
        .collect();
    let mut broken = 0;
    for &(i, body) in bodies {
        for l in &body.anchor_links {
            let defined = defined(l.target);
            if !defined.contains(&l.anchor) {
                broken += 1;
                let suggest = broken <= SUGGESTED_ANCHORS;
                diagnostics.push(broken_anchor(model, i, l, defined, suggest));
            }
        }
    }
    diagnostics
}

/// The error for link `l` of article `from`, whose target defines only
/// `defined`; with the closest anchor as a suggestion if `suggest`.
fn broken_anchor(
    model: &SiteModel,
    from: usize,
    l: &markdown::AnchorLink,
    defined: &BTreeSet<String>,
    suggest: bool,
) -> Diagnostic {
    let target = &model.articles[l.target].article;
    let closest = suggest
        .then(|| {
            let known: Vec<&str> = defined.iter().map(String::as_str).collect();
            crate::matter::yaml::did_you_mean(&l.anchor, &known)
        })
        .flatten();
    let hint = closest.map_or_else(
        || format!("anchors there: {}", preview(defined)),
        |b| format!("did you mean `#{b}`?"),
    );
    Diagnostic::error(
        &model.articles[from].article.path,
        l.span.clone(),
        format!(
            "broken link: `{}` has no anchor `#{}`",
            target.path.display(),
            l.anchor
        ),
    )
    .with_help(hint)
    .fatal_if(model.config.strict)
}

fn preview(anchors: &BTreeSet<String>) -> String {
    let mut shown: Vec<String> = anchors.iter().take(8).map(|a| format!("#{a}")).collect();
    if anchors.len() > 8 {
        shown.push("…".into());
    }
    if shown.is_empty() {
        "none".into()
    } else {
        shown.join(", ")
    }
}

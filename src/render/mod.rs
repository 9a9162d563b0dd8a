//! The render stage: site model → every output file but the search index.
//!
//! In: the immutable [`SiteModel`] and the compiled [`Theme`]. Out:
//! [`Rendered`]: the bytes of every page, feed and generated file by output
//! path, the assets to copy, and each article's rendered body (which the
//! index stage reads). Article bodies and pages are rendered in parallel;
//! the result does not depend on thread scheduling.

pub mod context;
pub mod feeds;
pub mod i18n;
pub mod markdown;
pub mod pages;
pub mod theme;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::link::{self, SiteModel};
use markdown::RenderedBody;
use pages::LanguagePages;
use theme::Theme;

/// Files of a built site, by `/`-separated output path.
#[derive(Debug, Default)]
pub struct Output {
    /// Generated files.
    pub files: BTreeMap<String, Vec<u8>>,
    /// Files copied from the content folder: output path → source.
    pub copies: BTreeMap<String, PathBuf>,
}

/// The result of rendering.
#[derive(Debug)]
pub struct Rendered {
    /// The files to write.
    pub output: Output,
    /// Rendered article bodies, in [`SiteModel::articles`] order.
    pub bodies: Vec<RenderedBody>,
}

/// Renders the whole site.
pub fn render(model: &SiteModel, theme: &Theme) -> Result<Rendered, Vec<Diagnostic>> {
    let languages: BTreeMap<&str, LanguagePages<'_>> = model
        .config
        .languages
        .iter()
        .map(|l| (l.code.as_str(), LanguagePages::new(model, theme, &l.code)))
        .collect();
    let for_lang = |lang: &str| &languages[lang];

    let bodies: Vec<RenderedBody> = (0..model.articles.len())
        .into_par_iter()
        .map(|i| markdown::render_body(model, i, &for_lang(&model.articles[i].article.lang).text))
        .collect();
    let mut diagnostics: Vec<Diagnostic> = bodies
        .iter()
        .flat_map(|b| b.diagnostics.iter().cloned())
        .collect();
    for (i, body) in bodies.iter().enumerate() {
        for l in &body.anchor_links {
            if !bodies[l.target].anchors.contains(&l.anchor) {
                let target = &model.articles[l.target].article;
                let known: Vec<&str> = bodies[l.target]
                    .anchors
                    .iter()
                    .map(String::as_str)
                    .collect();
                let hint = crate::parse::yaml::did_you_mean(&l.anchor, &known).map_or_else(
                    || format!("anchors there: {}", preview(&known)),
                    |b| format!("did you mean `#{b}`?"),
                );
                diagnostics.push(
                    Diagnostic::error(
                        &model.articles[i].article.path,
                        l.span.clone(),
                        format!(
                            "broken link: `{}` has no anchor `#{}`",
                            target.path.display(),
                            l.anchor
                        ),
                    )
                    .with_help(hint),
                );
            }
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }

    let template_error = |e: String| {
        Diagnostic::error(
            PathBuf::from("themes").join(&model.config.theme),
            0..0,
            format!("template failed: {e}"),
        )
        .with_help("fix the template, or remove it from the site's theme to use the default one")
    };
    let mut pages: Vec<(String, Result<String, String>)> = (0..model.articles.len())
        .into_par_iter()
        .map(|i| {
            let lang = &model.articles[i].article.lang;
            (
                format!("{}index.html", model.articles[i].path),
                for_lang(lang).article(i, &bodies[i]),
            )
        })
        .collect();
    pages.par_extend((0..model.categories.len()).into_par_iter().map(|i| {
        let cat = &model.categories[i];
        (
            format!("{}index.html", cat.path),
            for_lang(&cat.lang).category(i),
        )
    }));
    pages.par_extend(model.redirects.par_iter().map(|r| {
        let lang = &model.articles[r.to].article.lang;
        (
            format!("{}index.html", r.from),
            for_lang(lang).redirect(&r.from, r.to),
        )
    }));
    for l in &model.config.languages {
        let lp = for_lang(&l.code);
        let prefix = lp.home_path();
        pages.push((format!("{prefix}index.html"), lp.home()));
        pages.push((format!("{prefix}atom.xml"), feeds::atom(lp)));
        for tier in &model.config.tiers {
            pages.push((
                format!(
                    "{}index.html",
                    link::tier_path(&model.config, &l.code, &tier.id)
                ),
                lp.tier_page(tier),
            ));
        }
    }
    pages.push((
        "404.html".into(),
        for_lang(&model.config.default_language).not_found(),
    ));

    let mut output = Output::default();
    let mut errors = Vec::new();
    for (path, page) in pages {
        match page {
            Ok(html) => {
                output.files.insert(path, html.into_bytes());
            }
            Err(e) => errors.push(template_error(e)),
        }
    }
    if !errors.is_empty() {
        errors.truncate(1);
        return Err(errors);
    }
    let html_paths: Vec<String> = output
        .files
        .keys()
        .filter_map(|p| p.strip_suffix("index.html"))
        .filter(|p| !model.redirects.iter().any(|r| r.from == *p))
        .map(str::to_owned)
        .collect();
    if let Some(xml) = feeds::sitemap(model, &html_paths) {
        output.files.insert("sitemap.xml".into(), xml.into_bytes());
    }
    output
        .files
        .insert("robots.txt".into(), feeds::robots(model).into_bytes());
    output
        .files
        .insert("articles.json".into(), feeds::articles_json(model));
    output
        .files
        .extend(theme.files.iter().map(|(k, v)| (k.clone(), v.clone())));
    output.copies.extend(
        model
            .assets
            .iter()
            .map(|a| (a.rel.clone(), a.source.clone())),
    );
    Ok(Rendered { output, bodies })
}

fn preview(items: &[&str]) -> String {
    let mut shown: Vec<String> = items.iter().take(8).map(|a| format!("#{a}")).collect();
    if items.len() > 8 {
        shown.push("…".into());
    }
    if shown.is_empty() {
        "none".into()
    } else {
        shown.join(", ")
    }
}

//! A section's landing page (`_index.md`, or a folder's `index.md` or
//! `README.md`) parsed: its title, description, order, audience and text.

use std::ops::Range;
use std::sync::Arc;

use super::fields::Withholding;
use super::{
    Audience, SectionPage, SectionPath, article, read_front_matter, split_language, title_of,
};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{self, Included, SourceFile};
use crate::matter::text;

/// A section file parsed: the page, with the span of its `audience:` when
/// written, and its warnings; and, when its front matter could be read,
/// even if the page has errors, what its section (not the home page)
/// withholds from what lies below it.
pub(super) type SectionParse = (
    Result<(SectionPage, Option<Range<usize>>, Vec<Diagnostic>), Vec<Diagnostic>>,
    Option<(String, Withholding)>,
);

pub(super) fn parse_section(
    config: &Config,
    file: &SourceFile,
    included: Option<&Arc<Included>>,
) -> SectionParse {
    let (read, body_start) = match read_front_matter(file) {
        Ok(read) => read,
        Err(errors) => return (Err(errors), None),
    };
    let fields = [
        (read.raw.title.as_deref()).map(|t| text::Field::one("title", t.trim())),
        (read.raw.description.as_deref()).map(|d| text::Field::many("description", d.trim())),
    ];
    let mut errors = text::check_located(&file.path, fields.into_iter().flatten(), |field, c| {
        text::within(&file.text, read.spans.value(field.key), c)
    });
    let mut p = article::Problems {
        path: &file.path,
        spans: &read.spans,
        found: Vec::new(),
    };
    let audience = article::read_audience(config, read.raw.audience.clone(), &mut p);
    errors.append(&mut p.found);
    let (folder_lang, placed) = config.language_folder(&file.rel);
    let (dir, name) = crate::landing::split_dir(placed);
    let id = SectionPath::of(dir).id;
    let withholding = Withholding {
        internal: audience == Audience::Internal || read.raw.cascade.internal,
        draft: read.raw.cascade.draft,
    };
    let holds = id.clone().map(|id| (id, withholding));
    if !errors.is_empty() {
        return (Err(errors), holds);
    }
    let stem = discover::markdown_stem(name);
    let lang = split_language(config, stem)
        .1
        .or(folder_lang)
        .unwrap_or(&config.default_language);
    let body = &file.text[body_start..];
    let expanded = included.map(|i| &i.expanded);
    let values = super::shown_values(&file.text, body);
    let prepared =
        crate::dialects::prepare_expanded(body, file.rel.ends_with(".mdx"), expanded, &values);
    let mut warnings = read.warnings;
    warnings.extend(prepared.warnings(&file.path, body, body_start));
    let (title, title_heading) = title_of(read.raw.title.as_deref(), &prepared, body_start);
    if id.is_none() && withholding.internal {
        warnings.push(home_withholds_nothing_below(file, &read.spans));
    }
    let written = read
        .spans
        .has("audience")
        .then(|| read.spans.value("audience"));
    let page = SectionPage {
        section: id,
        lang: lang.to_owned(),
        title,
        description: read.raw.description.map(|d| d.trim().to_owned()),
        weight: read.raw.weight.or(read.raw.position),
        path: file.path.clone(),
        rel: file.rel.clone(),
        text: file.text.clone(),
        body_start,
        title_heading,
        labels: prepared.labels().to_vec(),
        included: included.cloned(),
        audience,
        draft: read.raw.draft,
    };
    (Ok((page, written, warnings)), holds)
}

/// The warning that `audience: internal` (or Hugo's `cascade` of it) on the
/// home page's landing page, the content folder's or a language folder's,
/// withholds nothing below it (`audience:` its own text only): a section's
/// withholds all below it, and an author may expect the same of the home.
fn home_withholds_nothing_below(file: &SourceFile, spans: &super::FieldSpans) -> Diagnostic {
    let span = if spans.has("audience") {
        spans.value("audience")
    } else {
        0..3
    };
    Diagnostic::warning(
        &file.path,
        span,
        "the home page's `audience: internal` does not reach the articles and sections below \
         it: they are published",
    )
    .with_help(
        "to keep them to agents, write `audience: internal` in their sections' landing pages \
         or in each article",
    )
}

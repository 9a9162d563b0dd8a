//! Audience is decided per translation group, not per file, after the
//! sections have passed theirs down ([`super::withheld`]).
//!
//! Translations share an id. When one of them is internal, a translation
//! that does not say `audience:` is internal too, with a warning that names
//! it: an English copy of an internal fix is never published because its
//! author forgot the key. A translation that says `audience: public` is
//! published, with a warning, since that is the one way to publish part of
//! an internal group and may be a slip.
//!
//! An internal original (by itself or by its section) left out of the
//! build for an error (an unknown tier, a bad date) still makes its
//! translations internal: leaving a
//! file out must not publish what it withheld. When its front matter
//! could not even be read, neither its id nor its audience is known, so
//! the translations that follow the file-name convention (`wifi.md`,
//! `wifi.en.md`) and do not say `audience:` are kept internal until it is
//! fixed.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Article, Audience, LeftOut, family};
use crate::config::Config;
use crate::diagnostics::Diagnostic;

/// Why a translation group may not be public.
#[derive(Clone, Copy)]
enum Withheld<'a> {
    /// This file of the group is internal (whether or not it was left out
    /// for its errors).
    Internal(&'a Path),
    /// This file, which may be of the group, was left out before its
    /// audience could be read.
    Unread(&'a Path),
}

/// An id written in a family of translations: the id, a file that
/// writes it, and the languages of those that do.
type Written<'a> = (&'a str, &'a Path, Vec<&'a str>);

/// Gives each article that writes no id, and so has the one its path
/// makes, the id that its translations by path write (`fr/about.md`
/// beside `en/about.md` with `id: KB-5`; `about.fr.md` beside `about.md`),
/// when they write one id: translations are linked by their paths where
/// no id says otherwise, as Hugo links them, so an author who gives one
/// language's page an id does not cut its translations off. The warning
/// that named the path's id names this one.
pub(super) fn share_ids(config: &Config, articles: &mut [Article], diagnostics: &mut [Diagnostic]) {
    let written = |a: &Article| a.spans.has("id");
    let mut ids: BTreeMap<String, Vec<Written<'_>>> = BTreeMap::new();
    for article in articles.iter().filter(|a| written(a)) {
        let family = ids.entry(family(config, &article.rel)).or_default();
        match family.iter_mut().find(|(id, ..)| *id == article.id) {
            Some((.., langs)) => langs.push(&article.lang),
            None => family.push((&article.id, &article.path, vec![&article.lang])),
        }
    }
    if ids.is_empty() {
        return;
    }
    let mut adopted: Vec<(usize, String, std::path::PathBuf)> = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        if written(article) {
            continue;
        }
        // Not one a `translationKey` made, which links on its own.
        let family = family(config, &article.rel);
        if article.id != super::article::path_id(&family) {
            continue;
        }
        // A page of the same language is another page, not a translation.
        if let Some([(id, path, langs)]) = ids.get(&family).map(Vec::as_slice)
            && !langs.contains(&article.lang.as_str())
        {
            adopted.push((i, (*id).to_owned(), path.to_path_buf()));
        }
    }
    if adopted.is_empty() {
        return;
    }
    // The warning that named each path's id, found in one pass.
    let mut said: std::collections::HashMap<&Path, (String, String)> = (adopted.iter())
        .map(|(i, id, from)| {
            let article = &articles[*i];
            let was = format!("the article has no `id`; using `{}`", article.id);
            let now = format!(
                "the article has no `id`; using `{id}`, the id of its translation `{}`",
                from.display()
            );
            (article.path.as_path(), (was, now))
        })
        .collect();
    for warning in diagnostics.iter_mut() {
        if let Some((was, now)) = said.get_mut(warning.path.as_path())
            && warning.message == *was
        {
            warning.message = std::mem::take(now);
        }
    }
    for (i, id, _) in adopted {
        articles[i].id = id;
    }
}

/// Makes internal every translation of an internal article that does not
/// say its audience, and every such translation of a file left out before
/// its audience could be read (`left_out`); returns the warnings naming
/// each.
pub(super) fn share_audience(
    config: &Config,
    articles: &mut [Article],
    left_out: &[LeftOut],
) -> Vec<Diagnostic> {
    let mut by_id: BTreeMap<&str, Withheld<'_>> = BTreeMap::new();
    for article in articles.iter() {
        if article.audience == Audience::Internal {
            by_id
                .entry(article.id.as_str())
                .or_insert(Withheld::Internal(&article.path));
        }
    }
    // Left out before its id was read, a file's translations are known
    // only by their file names.
    let mut by_family: BTreeMap<&str, Withheld<'_>> = BTreeMap::new();
    for file in left_out {
        match &file.read {
            Some((id, Audience::Internal)) => {
                by_id
                    .entry(id)
                    .or_insert(Withheld::Internal(&file.file.path));
            }
            Some((_, Audience::Public)) => {}
            None => {
                by_family
                    .entry(&file.family)
                    .or_insert(Withheld::Unread(&file.file.path));
            }
        }
    }
    if by_id.is_empty() && by_family.is_empty() {
        return Vec::new();
    }
    let mut warnings = Vec::new();
    let mut made_internal = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        if article.audience != Audience::Public {
            continue;
        }
        let withheld = by_id
            .get(article.id.as_str())
            .or_else(|| by_family.get(family(config, &article.rel).as_str()));
        let Some(&withheld) = withheld else {
            continue;
        };
        let span = article.spans.value("audience");
        let explicit = article.spans.has("audience");
        match (withheld, explicit) {
            (Withheld::Internal(original), true) => warnings.push(
                Diagnostic::warning(
                    &article.path,
                    span,
                    format!(
                        "this translation of `{}` is public while `{}` is internal",
                        article.id,
                        original.display()
                    ),
                )
                .with_help("check that this translation may be published; write `audience: internal` if not"),
            ),
            (Withheld::Internal(original), false) => {
                warnings.push(
                    Diagnostic::warning(
                        &article.path,
                        span,
                        format!(
                            "this translation of `{}` has no `audience:` and is internal, as `{}` is",
                            article.id,
                            original.display()
                        ),
                    )
                    .with_help(
                        "write `audience: internal` to say so, or `audience: public` to publish it",
                    ),
                );
                made_internal.push(i);
            }
            (Withheld::Unread(original), false) => {
                warnings.push(
                    Diagnostic::warning(
                        &article.path,
                        span,
                        format!(
                            "this translation has no `audience:` and is kept internal: `{}` \
                             was left out before its audience could be read",
                            original.display()
                        ),
                    )
                    .with_help(format!(
                        "fix `{}`; or write `audience: public` here to publish this translation whatever it says",
                        original.display()
                    )),
                );
                made_internal.push(i);
            }
            // Said public, of a group whose other file says nothing yet.
            (Withheld::Unread(_), true) => {}
        }
    }
    for i in made_internal {
        articles[i].audience = Audience::Internal;
    }
    warnings
}

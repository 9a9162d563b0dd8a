//! Which articles a build publishes, in which order, at which paths, and
//! the redirects to them: the phases of [`super::link`] before sections.

use std::collections::BTreeMap;

use super::{
    BuildAudience, LinkedArticle, PathRegistry, Redirect, RedirectTarget, Section, Selection,
    Withheld, short_path,
};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::output_paths;
use crate::parse::{Article, Confidence, docusaurus_path, is_docusaurus_id};
use crate::urls::normalise_alias;

/// The articles `selection` publishes (indexes into `articles`, in their
/// order), and why each other one is withheld, by id, by source and by
/// site path.
pub(super) fn select(
    config: &Config,
    articles: &[Article],
    selection: Selection,
) -> (Vec<usize>, BTreeMap<String, Withheld>) {
    let mut withheld = BTreeMap::new();
    let mut order: Vec<usize> = Vec::with_capacity(articles.len());
    for (i, a) in articles.iter().enumerate() {
        let why = if !selection.audience.shows(a.audience) {
            Withheld::Internal
        } else if a.draft && !selection.drafts {
            Withheld::Draft
        } else if selection.audience == BuildAudience::Public
            && !config.kcs.public_shows(a.confidence)
        {
            // Links to it lose their target, and the build goes on (see
            // `LinkTarget::Unpublished`).
            match a.confidence {
                Confidence::Archived => Withheld::Archived,
                _ => Withheld::NotValidated,
            }
        } else {
            order.push(i);
            continue;
        };
        withheld.insert(a.id.clone(), why);
        withheld.insert(a.rel.clone(), why);
        // Also in small letters: a path written in other capitals
        // (`/Red/Plan/`) names the article on hosts that ignore case, and
        // its slug everywhere.
        for path in site_paths(config, a) {
            withheld.entry(path.to_lowercase()).or_insert(why);
            withheld.entry(path).or_insert(why);
        }
    }
    (order, withheld)
}

/// The site paths an article would have (its page, its short links, its
/// aliases, the path it had outside its navigation group), each ending in
/// `/` (an alias may name a file): a link that writes one of a withheld
/// article names it as its source path does.
fn site_paths(config: &Config, a: &Article) -> impl Iterator<Item = String> {
    [
        super::article_path(config, a),
        short_path(config, &a.lang, &a.id),
        short_path(config, &config.default_language, &a.id),
    ]
    .into_iter()
    .chain(a.aliases.iter().filter_map(|alias| normalise_alias(alias)))
    .chain(a.moved_from.clone())
}

/// Sorts `order` (indexes into `articles`) as the site lists articles:
/// by language, section, weight (or number prefix), title, id and source.
///
/// Articles are large: they are sorted by index and moved once, into their
/// `Arc`. Moving them through a sort cost tens of milliseconds of copying
/// at 10,000 articles, with the other cores idle.
pub(super) fn sort_for_listing(config: &Config, articles: &[Article], order: &mut [usize]) {
    let key = |i: usize| {
        let a = &articles[i];
        (
            config.language_order(&a.lang),
            &a.section,
            super::sections::listing_weight(a),
            &a.title,
            &a.id,
            &a.rel,
        )
    };
    // Each key once: the number-prefix part reads the article's path.
    order.sort_by_cached_key(|&i| key(i));
}

/// A warning for each article and top section of `articles` (those of
/// `order`) that [`output_paths::aside`] moves aside: a project's
/// `changes.md` (its changelog) or MkDocs Material's `tags.md` at the top
/// of its docs folder, or a folder `kb/` or `search/`, lands where tier0
/// writes its own pages; it is published at that name with `-1` after it
/// (`/changes-1/`), once said per language and name.
pub(super) fn moved_aside(
    config: &Config,
    articles: &[Article],
    order: &[usize],
) -> Vec<Diagnostic> {
    let mut said = std::collections::BTreeSet::new();
    let mut warnings = Vec::new();
    for a in order.iter().map(|&k| &articles[k]) {
        let top = match a.section.as_deref() {
            Some(section) => section.split('/').next().unwrap_or(section),
            None => a.slug.as_str(),
        };
        let Some(generated) = output_paths::filled_folder(top) else {
            continue;
        };
        if !said.insert((a.lang.as_str(), top)) {
            continue;
        }
        // Located at the key that made the path, when one did.
        let (what, key) = match &a.section {
            Some(_) => (format!("section `{top}`"), "category"),
            None => (format!("article `{}`", a.id), "slug"),
        };
        let prefix = super::language_prefix(config, &a.lang);
        warnings.push(
            Diagnostic::warning(
                &a.path,
                a.spans.value(key),
                format!(
                    "{what} would be written to `/{prefix}{top}/`, where tier0 writes {}: it is \
                     at `/{prefix}{top}-1/`",
                    generated.what
                ),
            )
            .with_help("rename it (a folder, or a `slug:`) to choose its address"),
        );
    }
    warnings
}

/// The published articles that claimed their path.
pub(super) struct Placed {
    /// Each one's index in the parsed articles, and its path.
    pub(super) placed: Vec<(usize, String)>,
    /// Index in `placed` by id and language.
    pub(super) by_id: BTreeMap<(String, String), usize>,
    /// Index in `placed` by source (content-relative path).
    pub(super) by_source: BTreeMap<String, usize>,
}

/// Gives each article of `order` its path of `paths` in `registry`; an
/// article whose path is taken, whose id another article of its language
/// has, or whose id differs only in case from another's, is an error.
pub(super) fn place(
    articles: &[Article],
    order: Vec<usize>,
    paths: Vec<String>,
    registry: &mut PathRegistry,
    errors: &mut Vec<Diagnostic>,
) -> Placed {
    let mut placed: Vec<(usize, String)> = Vec::with_capacity(order.len());
    let mut by_id: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut by_source = BTreeMap::new();
    let mut id_spellings = BTreeMap::new();
    for (k, path) in order.into_iter().zip(paths) {
        let article = &articles[k];
        let index = placed.len();
        let what = format!("article `{}`", article.id);
        // The key that made the path, if one did (else the file's name did).
        let decided_by = ["slug", "category"]
            .map(|key| article.spans.value(key))
            .into_iter()
            .find(|span| !span.is_empty())
            .unwrap_or_else(|| article.spans.value("slug"));
        let claimed = registry.claim(&path, what, article.path.clone(), decided_by);
        let duplicate = by_id
            .get(&(article.id.clone(), article.lang.clone()))
            .map(|&first| {
                let first = articles[placed[first].0].path.display();
                Diagnostic::error(
                    &article.path,
                    article.spans.value("id"),
                    format!("id `{}` is already used by {first}", article.id),
                )
                .with_help(
                    "every article needs its own id; translations share an id but differ in `lang`",
                )
            });
        let twin = case_twin(&id_spellings, article, &|i| &articles[placed[i].0]);
        if claimed.is_err() || duplicate.is_some() || twin.is_some() {
            errors.extend(claimed.err());
            errors.extend(duplicate);
            errors.extend(twin);
            continue;
        }
        by_id.insert((article.id.clone(), article.lang.clone()), index);
        id_spellings
            .entry(article.id.to_ascii_lowercase())
            .or_insert(index);
        by_source.insert(article.rel.clone(), index);
        placed.push((k, path));
    }
    Placed {
        placed,
        by_id,
        by_source,
    }
}

/// The placed articles (indexes into `placed`) grouped by id, a group per
/// article and its translations, in the order of their ids.
pub(super) fn translation_groups(
    articles: &[Article],
    placed: &[(usize, String)],
) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, &(k, _)) in placed.iter().enumerate() {
        groups.entry(articles[k].id.as_str()).or_default().push(i);
    }
    groups.into_values().collect()
}

/// Where a problem that a lenient build publishes anyway goes.
pub(super) struct Lenient<'a> {
    /// `strict: true` or `--strict`: every problem is an error.
    pub(super) strict: bool,
    pub(super) errors: &'a mut Vec<Diagnostic>,
    pub(super) warnings: &'a mut Vec<Diagnostic>,
}

impl Lenient<'_> {
    /// Reports `problem`: an error in a strict build, else a warning.
    pub(super) fn report(&mut self, problem: Diagnostic) {
        let problem = problem.fatal_if(self.strict);
        if self.strict {
            self.errors.push(problem);
        } else {
            self.warnings.push(problem);
        }
    }
}

/// The redirects of the site, by path: each article's short link (the
/// default language's goes to the first of its `groups`), and each alias
/// that claims its path in `registry`. An alias that cannot is left out
/// with a warning, or is an error in a strict build.
pub(super) fn redirects(
    config: &Config,
    linked: &[std::sync::Arc<LinkedArticle>],
    groups: &[Vec<usize>],
    registry: &mut PathRegistry,
    lenient: &mut Lenient<'_>,
) -> Vec<Redirect> {
    let mut redirects = Vec::new();
    for group in groups {
        let target = group[0];
        let id = &linked[target].article.id;
        redirects.push(Redirect {
            from: short_path(config, &config.default_language, id),
            to: RedirectTarget::Article(target),
        });
        for &i in group {
            let a = &linked[i].article;
            if a.lang != config.default_language {
                redirects.push(Redirect {
                    from: short_path(config, &a.lang, &a.id),
                    to: RedirectTarget::Article(i),
                });
            }
        }
    }
    // The aliases authors wrote first: a Docusaurus URL, which tier0
    // makes up, must not take a path from one of them.
    let aliases = linked.iter().enumerate().flat_map(|(i, a)| {
        a.article.aliases.iter().filter_map(move |alias| {
            let from = normalise_alias(alias)?;
            Some((i, from, ALIAS, a.article.spans.value("aliases")))
        })
    });
    // A site moved from Docusaurus keeps the links to its old URLs.
    let docusaurus = linked.iter().enumerate().filter_map(|(i, a)| {
        let id = docusaurus_id(&a.article);
        // Its problem is at the id that made it, else at the file's name.
        let span = match id {
            Some(_) => a.article.spans.value("id"),
            None => 0..0,
        };
        docusaurus_url(&a.path, id).map(|from| (i, from, DOCUSAURUS, span))
    });
    // A site moved from mdBook, Sphinx and the like keeps its pages' `.html` addresses.
    let files = linked.iter().enumerate().filter_map(|(i, a)| {
        config.page_files_from.as_ref()?;
        Some((i, page_file_url(&a.article.rel)?, PAGE_FILE, 0..0))
    });
    // So does a page a navigation's group moved into its section.
    let moved = linked.iter().enumerate().filter_map(|(i, a)| {
        let from = a.article.moved_from.clone()?;
        Some((i, from, MOVED, 0..0))
    });
    for (i, from, (what, help), span) in aliases.chain(docusaurus).chain(files).chain(moved) {
        let a = &linked[i];
        // An old URL that is the page's own path (a Hugo `url` or a
        // Docusaurus `slug` tier0 gives the page anyway) needs no redirect.
        if from == a.path {
            continue;
        }
        match registry.claim(
            &from,
            format!("{what} of `{}`", a.article.id),
            a.article.path.clone(),
            span,
        ) {
            Ok(()) => redirects.push(Redirect {
                from,
                to: RedirectTarget::Article(i),
            }),
            // A site that never was a Docusaurus one may well have
            // `1-setup.md` beside `setup.md`: a warning, even when strict;
            // so is an old address that a file of the site now takes.
            Err(e) if [DOCUSAURUS.0, PAGE_FILE.0, MOVED.0].contains(&what) => {
                lenient.warnings.push(e.with_help(help).fatal_if(false));
            }
            // The page is worth more to readers than one old URL of it.
            Err(e) if lenient.strict => lenient.report(e),
            Err(e) => lenient.report(e.with_help(help)),
        }
    }
    redirects.sort_by(|a, b| a.from.cmp(&b.from));
    redirects
}

/// Adds to `redirects` (sorted again by path) the redirects to section
/// pages that `config.categories` asks for, a Docusaurus generated index's
/// URL, each to its section in the default language, when it can claim
/// its path in `registry`. One that cannot is left out with a warning (an
/// error in a strict build when its author wrote the path, as for an
/// alias).
pub(super) fn section_redirects(
    config: &Config,
    sections: &[Section],
    registry: &mut PathRegistry,
    lenient: &mut Lenient<'_>,
    redirects: &mut Vec<Redirect>,
) {
    for (id, category) in &config.categories {
        let section = sections
            .iter()
            .position(|s| s.id == *id && s.lang == config.default_language);
        let Some(to) = section.filter(|_| !category.redirects.is_empty()) else {
            continue;
        };
        for old in &category.redirects {
            if old.from == sections[to].path {
                continue;
            }
            let what = format!("the Docusaurus URL of section `{id}`");
            match registry.claim(&old.from, what, old.path.clone(), old.span.clone()) {
                Ok(()) => redirects.push(Redirect {
                    from: old.from.clone(),
                    to: RedirectTarget::Section(to),
                }),
                Err(e) if old.written => lenient.report(e.with_help(GENERATED_INDEX.0)),
                Err(e) => lenient
                    .warnings
                    .push(e.with_help(GENERATED_INDEX.1).fatal_if(false)),
            }
        }
    }
    redirects.sort_by(|a, b| a.from.cmp(&b.from));
}

/// What to do when the path of a generated index's URL is taken: one its
/// `slug` writes, one Docusaurus made of its label.
const GENERATED_INDEX: (&str, &str) = (
    "the section is published without it: change the category's `slug`, or the path that \
     takes it first",
    "the section is published without it: the old link leads to the page that takes the path; \
     give the category a `slug` in `link` if it should lead here",
);

/// How a message names an alias, and what to do when its path is taken.
const ALIAS: (&str, &str) = (
    "an alias",
    "the alias is left out; remove it, or the path that takes it first",
);
/// The same for a page's Docusaurus URL ([`docusaurus_url`]).
const DOCUSAURUS: (&str, &str) = (
    "the Docusaurus URL",
    "the page is published without it: the old link leads to the page that takes the path; \
     rename one of the two files if it should lead here",
);

/// The same for the `.html` address a generator that published pages as
/// files gave the page ([`page_file_url`]).
const PAGE_FILE: (&str, &str) = (
    "the old address",
    "the page is published without a redirect from it: that path is another page's or file's",
);

/// The same for the path a page had before a navigation's group moved it
/// into its section (`Article::moved_from`).
const MOVED: (&str, &str) = ("the path it had outside its navigation group", PAGE_FILE.1);

/// The address a generator that published each page as a file (mdBook,
/// Sphinx: `Config::page_files_from`) gave the article at content-relative
/// `rel`: `guide/setup.html` for `guide/setup.md`; `None` for a folder's
/// page (`guide/index.md`), whose address is the folder's, as with tier0.
fn page_file_url(rel: &str) -> Option<String> {
    if is_folder_page(rel) {
        return None;
    }
    let url = normalise_alias(&format!("{}.html", crate::landing::markdown_stem(rel)))?;
    Some(url.trim_end_matches('/').to_owned())
}

/// The URL path Docusaurus gives the page at `path` (`2-guides/01-intro/`),
/// whose front matter wrote the Docusaurus `id` if not `None`: its folders
/// without the number prefixes tier0 keeps, then that id, else its own
/// last part without its number prefix (`guides/intro/`, or
/// `guides/getting-started/` for `id: getting-started`); `None` when that
/// is the page's path.
fn docusaurus_url(path: &str, id: Option<&str>) -> Option<String> {
    let url = format!("{}/", docusaurus_path(path, id)?);
    (url != path).then_some(url)
}

/// The `id` an article's front matter wrote, when Docusaurus would make its
/// URL of it: written as a URL part (lowercase letters, digits, `-` and
/// `_`; tier0's `KB-1042` is not one), no `slug` or `url` written beside it
/// (they win in Docusaurus, and tier0 reads them), and the file not its
/// folder's page (`index.md`, `README.md`), whose URL is the folder's.
fn docusaurus_id(article: &Article) -> Option<&str> {
    let spans = &article.spans;
    if spans.has("slug") || spans.has("url") || is_folder_page(&article.rel) {
        return None;
    }
    let written = article.text.get(spans.value("id"))?;
    let id = written.trim().trim_matches(['"', '\'']);
    is_docusaurus_id(id).then_some(id)
}

/// Whether the file at content-relative `rel` is its folder's page.
fn is_folder_page(rel: &str) -> bool {
    let stem = crate::landing::markdown_stem(crate::landing::split_dir(rel).1);
    ["index", "readme"].contains(&stem.to_ascii_lowercase().as_str())
}

/// The error for `article` if its id differs only in case from the id of
/// an article placed before (`placed(i)` for the index `spellings` gives
/// each folded id): both would own one short link on file systems that
/// ignore case, and agents type ids as they remember them.
fn case_twin<'a>(
    spellings: &BTreeMap<String, usize>,
    article: &Article,
    placed: &dyn Fn(usize) -> &'a Article,
) -> Option<Diagnostic> {
    let first = placed(*spellings.get(&article.id.to_ascii_lowercase())?);
    (first.id != article.id).then(|| {
        Diagnostic::error(
            &article.path,
            article.spans.value("id"),
            format!(
                "id `{}` differs only in case from `{}`, the id of {}",
                article.id,
                first.id,
                first.path.display()
            ),
        )
        .with_help(format!(
            "write `{}` if this is a translation of that article, or choose another id: \
             ids that differ only in case share one short link on macOS and Windows",
            first.id
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_published_as_a_file_had_its_name_with_html() {
        assert_eq!(
            page_file_url("guide/setup.md").as_deref(),
            Some("guide/setup.html")
        );
        assert_eq!(page_file_url("faq.mdx").as_deref(), Some("faq.html"));
        assert_eq!(page_file_url("guide/index.md"), None);
        assert_eq!(page_file_url("README.md"), None);
        assert_eq!(page_file_url("bad:name.md"), None);
    }

    #[test]
    fn docusaurus_urls_drop_number_prefixes_but_not_dates_or_versions() {
        let docusaurus = |path: &str| docusaurus_url(path, None);
        assert_eq!(
            docusaurus("2-guides/01-intro/").as_deref(),
            Some("guides/intro/")
        );
        assert_eq!(
            docusaurus("es/3_faq/wifi/").as_deref(),
            Some("es/faq/wifi/")
        );
        assert_eq!(docusaurus("guides/intro/"), None);
        assert_eq!(docusaurus("blog/2024-01-15-launch/"), None);
        assert_eq!(docusaurus("notes/1.2-notes/"), None);
        assert_eq!(docusaurus("2024/3d-printing/"), None);
    }

    #[test]
    fn a_written_docusaurus_id_is_the_last_part_of_its_url() {
        let url = |path: &str, id: &str| docusaurus_url(path, Some(id));
        assert_eq!(
            url("usage/basicreducerstructure/", "basic-reducer-structure").as_deref(),
            Some("usage/basic-reducer-structure/")
        );
        assert_eq!(
            url("2-guides/01-start/", "intro").as_deref(),
            Some("guides/intro/")
        );
        assert_eq!(url("faq/", "faq"), None);
    }

    #[test]
    fn only_ids_docusaurus_would_put_in_a_url_count() {
        let article = |rel: &str, front: &str| {
            let text = format!("---\n{front}title: T\n---\nText.\n");
            let sources = crate::discover::Sources {
                articles: vec![crate::discover::SourceFile::in_content(rel, &text)],
                ..Default::default()
            };
            crate::parse::parse(&Config::default(), &sources)
                .articles
                .remove(0)
        };
        let id = |rel: &str, front: &str| docusaurus_id(&article(rel, front)).map(str::to_owned);
        assert_eq!(
            id("a/Basic.md", "id: basic-structure\n").as_deref(),
            Some("basic-structure")
        );
        assert_eq!(
            id("a/Basic.md", "id: 'api_v2'\n").as_deref(),
            Some("api_v2")
        );
        for (rel, front) in [
            ("a/Basic.md", ""),
            ("a/Basic.md", "id: KB-1042\n"),
            ("a/Basic.md", "id: intro\nslug: /start\n"),
            ("a/index.md", "id: intro\n"),
            ("a/README.md", "id: intro\n"),
        ] {
            assert_eq!(id(rel, front), None, "{rel} {front}");
        }
    }
}

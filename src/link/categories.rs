//! Docusaurus category files (`_category_.json`, `_category_.yml`) applied
//! to the site.
//!
//! A category file's label, position and description become its section's
//! title, order and description wherever tier0's own conventions leave
//! them unsaid: the section's landing page (`_index.md`, `index.md`) wins
//! over `categories:` of the config, which wins over the category file
//! (see `link::sections`). They are folded into the config's
//! `categories:` here, below what it sets, so that everything that
//! compares or hashes the config (the dev server's planner, the build
//! cache) sees a changed category file as the changed frame it is.
//!
//! A category that links to a doc (`link: {type: doc, id: …}`) opens with
//! that doc: it comes first in its section, unless its front matter gives
//! it a weight. A doc in another folder cannot open it (a section lists
//! its own articles): that link is a warning.

use std::collections::HashMap;

use crate::config::{Config, Localized, SectionRedirect};
use crate::diagnostics::Diagnostic;
use crate::discover::markdown_stem;
use crate::landing::split_dir;
use crate::parse::{Article, Category, GeneratedIndex, Labels, without_number_prefix};
use crate::slug::{UniqueIds, github_slug};
use crate::urls::normalise_alias;

/// Folds `categories` into `config` below what it sets, with the
/// translations of their labels in `translations` (language, label →
/// translation: Docusaurus's translated sidebar labels), and puts the doc
/// each links to first in its section; warns of the docs not found.
pub fn apply(
    config: &mut Config,
    articles: &mut [Article],
    categories: &[Category],
    translations: &[Labels],
) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    // Each article's Docusaurus ids, made once and only when a category
    // file links a doc; the first article with an id keeps it.
    let mut by_id: Option<HashMap<String, usize>> = None;
    // Docusaurus slugs the labels of a docs version with one slugger.
    let mut labels = UniqueIds::default();
    for category in categories {
        let Some((lang, section)) = super::contents::in_language(config, &category.section) else {
            continue;
        };
        let lang = lang.as_deref();
        let default_language = config.default_language.clone();
        let translated = Translations {
            default_language: &default_language,
            labels: translations,
        };
        let configured = config.categories.entry(section.clone()).or_default();
        let label = category.label.as_deref();
        translated.fill(&mut configured.title, lang, label, label, Labels::title);
        translated.fill(
            &mut configured.description,
            lang,
            category.description.as_deref(),
            label,
            Labels::description,
        );
        configured.order = configured.order.or(category.position);
        if let Some(index) = &category.generated_index {
            match generated_index_url(index, &mut labels) {
                Some((from, written)) => configured.redirects.push(SectionRedirect {
                    from,
                    path: category.path.clone(),
                    span: index.span.clone(),
                    written,
                }),
                None => warnings.push(
                    Diagnostic::warning(
                        &category.path,
                        index.span.clone(),
                        "this generated index's URL cannot be a page of the site: it does not \
                         lead to the section",
                    )
                    .with_help(
                        "write a `slug` of path segments (`/category/guides`), without `?`, `#`, \
                         `%` or `..`",
                    ),
                ),
            }
        }
        let Some((id, span)) = &category.doc else {
            continue;
        };
        let id = id.trim_matches('/');
        let by_id = by_id.get_or_insert_with(|| {
            let mut ids = HashMap::new();
            for (i, article) in articles.iter().enumerate() {
                for id in docusaurus_ids(article) {
                    ids.entry(id).or_insert(i);
                }
            }
            ids
        });
        match by_id.get(id).map(|&i| &mut articles[i]) {
            Some(article) if article.section.as_deref() == Some(&section) => {
                if article.weight == 0 {
                    article.weight = i64::MIN;
                }
            }
            // Docusaurus opens the doc wherever it is; a tier0 section
            // opens with its own page and lists its own articles.
            Some(article) => warnings.push(
                Diagnostic::warning(
                    &category.path,
                    span.clone(),
                    format!(
                        "the doc `{id}` is in {}, not in this category's folder: the link \
                         is ignored",
                        article
                            .section
                            .as_deref()
                            .map_or("the top folder".to_owned(), |s| format!("section `{s}`"))
                    ),
                )
                .with_help(
                    "move the doc into this folder, or link a doc of this folder, or write \
                     `\"type\": \"generated-index\"` to open the section with its list",
                ),
            ),
            None => warnings.push(
                Diagnostic::warning(
                    &category.path,
                    span.clone(),
                    format!("no article has the Docusaurus id `{id}`: the link is ignored"),
                )
                .with_help(
                    "write the doc's path from the content folder without its extension and \
                     number prefixes (`guides/intro` for `guides/01-intro.md`), or its front \
                     matter `id` after its folder",
                ),
            ),
        }
    }
    warnings
}

/// The translation, in a language's [`Labels`], of a text of the category
/// with a label.
type Translation = for<'a> fn(&'a Labels, &str) -> Option<&'a str>;

/// The translations of the texts that the default language's files give
/// sections (Docusaurus's translated sidebar labels).
pub(super) struct Translations<'a> {
    /// The site's default language.
    pub(super) default_language: &'a str,
    /// Each language's translations.
    pub(super) labels: &'a [Labels],
}

impl Translations<'_> {
    /// Sets `set`, a section's title or description, to `text`, written in
    /// a file of the language folder `lang` (`None`: of no language
    /// folder, for every language), below what is set; a text of no
    /// language folder, of the category labelled `label`, is the default
    /// language's, and each language's `translation` of it stands in that
    /// language. So is a text of the default language's folder that a
    /// language translates (a Starlight project whose default locale has a
    /// folder of its own).
    pub(super) fn fill(
        &self,
        set: &mut Option<Localized>,
        lang: Option<&str>,
        text: Option<&str>,
        label: Option<&str>,
        translation: Translation,
    ) {
        let translated = |label: &str| {
            lang.is_none_or(|lang| {
                lang == self.default_language
                    && self.labels.iter().any(|l| translation(l, label).is_some())
            })
        };
        *set = match (&*set, text, label) {
            (None, Some(text), Some(label)) if translated(label) => {
                Some(self.translated(text, label, translation))
            }
            _ => Localized::or_written(set.take(), lang, text),
        };
    }

    /// `text`, in every language; or, where a language translates it, in
    /// the default language, and each translation in its own.
    fn translated(&self, text: &str, label: &str, translation: Translation) -> Localized {
        let found: Vec<(&str, &str)> = (self.labels.iter())
            .filter_map(|l| Some((l.lang.as_str(), translation(l, label)?)))
            .collect();
        if found.is_empty() {
            return Localized::Text(text.to_owned());
        }
        let default = std::iter::once((self.default_language, text));
        Localized::PerLanguage(
            default
                .chain(found)
                .map(|(lang, text)| (lang.to_owned(), text.to_owned()))
                .collect(),
        )
    }
}

/// The ids Docusaurus gives `article`: its folder's path and its file's
/// name without number prefixes (`guides/intro` for
/// `2-guides/01-intro.md`), and its folder's path with the `id` its front
/// matter sets.
fn docusaurus_ids(article: &Article) -> impl Iterator<Item = String> {
    let (dir, name) = split_dir(&article.rel);
    let dir: Vec<&str> = dir
        .split('/')
        .filter(|p| !p.is_empty())
        .map(without_number_prefix)
        .collect();
    let within = |name: &str| {
        let mut parts = dir.clone();
        parts.push(name);
        parts.join("/")
    };
    [
        within(without_number_prefix(markdown_stem(name))),
        within(&article.id),
    ]
    .into_iter()
}

/// The site path of the page Docusaurus made for the generated index
/// `index`, and whether its author wrote it: its `slug` (from the docs'
/// root, as tier0's content folder), else `category/` and the slug of its
/// label as Docusaurus's `categoryLabelSlugger` makes it (github-slugger:
/// lowercase, punctuation dropped, spaces made `-`, `-1`, `-2`… after one
/// an earlier category of `labels` took). `None` when that is no path of
/// the site.
fn generated_index_url(index: &GeneratedIndex, labels: &mut UniqueIds) -> Option<(String, bool)> {
    if let Some(slug) = &index.slug {
        return Some((normalise_alias(slug)?, true));
    }
    let slug = github_slug(&index.label);
    let slug = if slug.is_empty() {
        slug
    } else {
        labels.claim(&slug)
    };
    Some((normalise_alias(&format!("category/{slug}"))?, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::{SourceFile, Sources};

    fn category(section: &str, doc: Option<&str>) -> Category {
        Category {
            section: section.into(),
            path: format!("content/{section}/_category_.json").into(),
            label: Some("Label".into()),
            position: Some(4),
            description: None,
            doc: doc.map(|d| (d.to_owned(), 1..2)),
            generated_index: None,
        }
    }

    #[test]
    fn generated_index_urls_are_docusaurus_label_slugs_or_the_written_slug() {
        let mut labels = UniqueIds::default();
        let mut url = |label: &str, slug: Option<&str>| {
            let index = GeneratedIndex {
                slug: slug.map(str::to_owned),
                label: label.to_owned(),
                span: 0..0,
            };
            generated_index_url(&index, &mut labels)
        };
        let made = |path: &str| Some((path.to_owned(), false));
        // Docusaurus's own template, and github-slugger's cases: lowercase,
        // punctuation and symbols dropped, each space a `-`, none trimmed.
        assert_eq!(
            url("Tutorial - Basics", None),
            made("category/tutorial---basics/")
        );
        assert_eq!(url("Guías de uso", None), made("category/guías-de-uso/"));
        assert_eq!(url("C++ & Rust!", None), made("category/c--rust/"));
        assert_eq!(url("snake_case", None), made("category/snake_case/"));
        assert_eq!(url("🚀 Launch", None), made("category/-launch/"));
        // The same label again: `-1`, `-2`, as the slugger counts them.
        assert_eq!(url("Guides", None), made("category/guides/"));
        assert_eq!(url("guides", None), made("category/guides-1/"));
        assert_eq!(url("Guides", None), made("category/guides-2/"));
        assert_eq!(url("Guides 1", None), made("category/guides-1-1/"));
        // A written slug is the path, from the docs' root; a slug that is
        // no path of the site makes none.
        assert_eq!(
            url("Guides", Some("/help/all-guides")),
            Some(("help/all-guides/".to_owned(), true))
        );
        assert_eq!(url("Guides", Some("/")), None);
        assert_eq!(url("Guides", Some("/a/../b")), None);
    }

    fn articles(rels: &[(&str, &str)]) -> Vec<Article> {
        let sources = Sources {
            articles: rels
                .iter()
                .map(|(rel, front)| {
                    SourceFile::in_content(rel, &format!("---\ntitle: T\n{front}---\nText.\n"))
                })
                .collect(),
            ..Default::default()
        };
        crate::parse::parse(&Default::default(), &sources).articles
    }

    #[test]
    fn the_config_wins_and_the_category_file_fills_in() {
        let mut config = Config::default();
        let set = config.categories.entry("red".into()).or_default();
        set.title = Some(Localized::Text("Redes".into()));
        let warnings = apply(
            &mut config,
            &mut [],
            &[category("red", None), category("vpn", None)],
            &[],
        );
        assert!(warnings.is_empty());
        let red = &config.categories["red"];
        assert_eq!(red.title, Some(Localized::Text("Redes".into())));
        assert_eq!(red.order, Some(4));
        assert_eq!(
            config.categories["vpn"].title,
            Some(Localized::Text("Label".into()))
        );
        // A translated label titles the section in its language; the
        // config's title still wins, in every language.
        let mut config = Config::default();
        let set = config.categories.entry("red".into()).or_default();
        set.title = Some(Localized::Text("Redes".into()));
        let translations = [Labels {
            lang: "fr".into(),
            titles: [("Label".to_owned(), "Étiquette".to_owned())].into(),
            descriptions: [("Label".to_owned(), "Décrite".to_owned())].into(),
        }];
        let vpn = Category {
            description: Some("Description".into()),
            ..category("vpn", None)
        };
        apply(
            &mut config,
            &mut [],
            &[category("red", None), vpn],
            &translations,
        );
        assert_eq!(
            config.categories["red"].title,
            Some(Localized::Text("Redes".into()))
        );
        let vpn = config.categories["vpn"].title.clone().unwrap();
        assert_eq!(vpn.get("fr", "es"), "Étiquette");
        assert_eq!(vpn.get("es", "es"), "Label");
        assert_eq!(vpn.get("en", "es"), "Label");
        let described = config.categories["vpn"].description.clone().unwrap();
        assert_eq!(described.get("fr", "es"), "Décrite");
        assert_eq!(described.get("es", "es"), "Description");
    }

    #[test]
    fn a_linked_doc_comes_first_unless_weighted() {
        let mut articles = articles(&[
            ("2-guides/01-intro.md", ""),
            ("2-guides/b.md", "id: start\n"),
            ("2-guides/w.md", "weight: 3\n"),
        ]);
        let mut config = Config::default();
        let categories = [
            category("2-guides", Some("guides/intro")),
            category("2-guides", Some("/guides/w/")),
            category("2-guides", Some("guides/nowhere")),
        ];
        let warnings = apply(&mut config, &mut articles, &categories, &[]);
        let weights: Vec<i64> = articles.iter().map(|a| a.weight).collect();
        assert_eq!(weights, [i64::MIN, 0, 3]);
        let mut elsewhere = articles.clone();
        let warned = apply(
            &mut config,
            &mut elsewhere,
            &[category("other", Some("guides/start"))],
            &[],
        );
        assert_eq!(elsewhere[1].weight, 0);
        assert!(
            warned[0]
                .message
                .starts_with("the doc `guides/start` is in section `2-guides`"),
            "{warned:?}"
        );
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("`guides/nowhere`"));
        let mut again = articles.clone();
        assert!(
            apply(
                &mut config,
                &mut again,
                &[category("2-guides", Some("guides/start"))],
                &[]
            )
            .is_empty()
        );
        assert_eq!(again[1].weight, i64::MIN);
    }
}

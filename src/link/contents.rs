//! Tables of contents written for other generators: mdBook's `SUMMARY.md`,
//! Docsify's `_sidebar.md`, and the navigations the parse stage reads
//! (MkDocs's `nav:`, mkdocs-awesome-pages' `.pages`, Nextra's
//! `_meta.json`).
//!
//! A book's `SUMMARY.md` lists its pages in reading order, as links to
//! Markdown files relative to its folder. It is not published. The
//! articles it links to are listed in its order, before the other articles
//! of their category, unless their front matter gives them a weight.
//! Draft chapters (`[Title]()`), links to other sites and links to files
//! that are not articles are passed over; an article listed twice keeps its
//! first place.
//!
//! mdBook builds only what the summary lists, so an article in the
//! summary's folder (or below) that it does not list is a draft, with a
//! warning: an old chapter left behind by a rename, a page its author never
//! published there, is not published here either.
//!
//! Docsify's `_sidebar.md` is such a list too, at the root or in any
//! folder, but its links start from the docs root (Docsify's default;
//! from its own folder when that names no article, as with Docsify's
//! `relativePath: true`), and may leave out `.md` (`[Guide](guide)`).
//! Docsify serves the pages it does not list all the same: they stay
//! published, after the listed ones. A link that names no file of the site
//! is a warning at the link; one to a folder or its `README.md` names a
//! landing page, which a section shows first anyway.
//!
//! MkDocs builds the pages its `nav:` leaves out too, so they stay
//! published, after the listed ones (or before those a folder's `.pages`
//! lists after its `...`); a page Nextra's `_meta.json` hides is
//! unlisted. (The titles `nav:` gives its pages
//! are read with the pages, by the parse stage.) The titles of its
//! sections fold into the config's `categories:` below what it sets, as
//! Docusaurus's category files do (see `link::categories`).

use std::collections::{HashMap, HashSet};

use super::categories::Translations;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{DOCSIFY_SIDEBAR, SourceFile, is_markdown};
use crate::landing::split_dir;
use crate::parse::{Article, Labels, Navigation, WrittenLink, chapters, family, links};
use crate::urls::{content_file_from, names_no_file};

/// Orders the `articles` that the tables of contents `contents`, then the
/// `navigations` (MkDocs's, the folders'), list: each gets a negative
/// weight, in their order, so that it comes before the articles they leave
/// out (weight 0) of its category, or a positive one after those when
/// listed after them. An article whose front matter set a weight keeps
/// it; one a navigation hides is unlisted. Returns
/// the warnings for the articles of a book that its table of contents
/// leaves out, which become drafts.
pub fn order(
    config: &Config,
    articles: &mut [Article],
    contents: &[SourceFile],
    navigations: &[Navigation],
) -> Vec<Diagnostic> {
    // Each listed article's place, and whether it comes after the
    // articles left out (mkdocs-awesome-pages' `...`).
    let mut places: HashMap<String, (usize, bool)> = HashMap::new();
    let mut warnings = Vec::new();
    let known: HashSet<&str> = articles.iter().map(|a| a.rel.as_str()).collect();
    // Only a summary that lists pages makes its folder a book.
    let mut books = Vec::new();
    for toc in contents {
        // Docsify serves the pages its sidebar leaves out: no book.
        if split_dir(&toc.rel).1 == DOCSIFY_SIDEBAR {
            for rel in sidebar_pages(toc, &known, &mut warnings) {
                let next = places.len();
                places.entry(rel).or_insert((next, false));
            }
            continue;
        }
        let pages = listed(&toc.rel, &toc.text);
        if !pages.is_empty() {
            books.push(toc);
        }
        for rel in pages {
            let next = places.len();
            places.entry(rel).or_insert((next, false));
        }
    }
    let mut hidden = HashSet::new();
    for page in navigations.iter().flat_map(|n| &n.pages) {
        let next = places.len();
        places
            .entry(page.rel.clone())
            .or_insert((next, page.after_rest));
        if page.hidden {
            hidden.insert(page.rel.as_str());
        }
    }
    let listed = places.len() as i64;
    // A translation that is not listed itself (`fr/setup.md`,
    // `setup.fr.md`) takes the place of the page it translates: MkDocs's
    // `nav:`, which mkdocs-static-i18n keeps for every language, lists the
    // default language's pages.
    let mut by_family: HashMap<String, (usize, bool)> = HashMap::new();
    for (rel, &place) in &places {
        let at = by_family.entry(family(config, rel)).or_insert(place);
        *at = (*at).min(place);
    }
    for article in articles.iter_mut() {
        article.unlisted |= hidden.contains(article.rel.as_str());
        let place = places.get(&article.rel).or_else(|| {
            (!by_family.is_empty())
                .then(|| by_family.get(&family(config, &article.rel)))
                .flatten()
        });
        match place {
            Some(&(place, after)) if article.weight == 0 => {
                article.weight = if after {
                    place as i64 + 1
                } else {
                    place as i64 - listed
                };
            }
            Some(_) => {}
            None => {
                let book = books.iter().find(|toc| {
                    let dir = split_dir(&toc.rel).0;
                    dir.is_empty() || article.rel.starts_with(&format!("{dir}/"))
                });
                if let Some(toc) = book.filter(|_| !article.draft) {
                    article.draft = true;
                    warnings.push(
                        Diagnostic::warning(
                            &article.path,
                            0..0,
                            format!(
                                "`{}` does not list this page: mdBook leaves it out of the book, \
                                 and so does tier0",
                                toc.path.display()
                            ),
                        )
                        .with_help(
                            "list it in the table of contents to publish it (`--drafts` shows it \
                             meanwhile), or delete it if a renamed chapter left it behind",
                        ),
                    );
                }
            }
        }
    }
    warnings
}

/// Moves each article that a navigation's group of pages of the top
/// folder gathers ([`crate::parse::NavSection::gathers`]), and its
/// translations, into that group's section, keeping the path it had as
/// [`Article::moved_from`] (which the link stage redirects): a flat docs
/// folder grouped by its `nav:` keeps its groups. An article whose front
/// matter names its `category` stays where it says.
pub fn gather(config: &Config, articles: &mut [Article], navigations: &[Navigation]) {
    let mut into: HashMap<String, &str> = HashMap::new();
    for section in navigations.iter().flat_map(|n| &n.sections) {
        for rel in &section.gathers {
            into.entry(family(config, rel)).or_insert(&section.section);
        }
    }
    if into.is_empty() {
        return;
    }
    for article in articles.iter_mut() {
        if article.section.is_some() || article.spans.has("category") {
            continue;
        }
        if let Some(&id) = into.get(&family(config, &article.rel)) {
            article.moved_from = Some(super::article_path(config, article));
            article.section = Some(id.to_owned());
        }
    }
}

/// Folds the titles and places of the sections of `navigation` into
/// `config`'s `categories:`, below what the config sets. A section of a
/// language folder (`fr/guide`) is that section (`guide`), titled in that
/// language; a title of no language folder is the default language's,
/// and `labels` may translate it (a Docusaurus sidebar's category labels).
pub fn title_sections(config: &mut Config, navigation: &Navigation, labels: &[Labels]) {
    let default_language = config.default_language.clone();
    let translated = Translations {
        default_language: &default_language,
        labels,
    };
    for section in &navigation.sections {
        let Some((lang, id)) = in_language(config, &section.section) else {
            continue;
        };
        let configured = config.categories.entry(id).or_default();
        let title = section.title.as_deref();
        translated.fill(
            &mut configured.title,
            lang.as_deref(),
            title,
            title,
            Labels::title,
        );
        configured.order = configured.order.or(section.position);
    }
}

/// The section `id` of a folder, written in a language folder
/// (`fr/guide`) or not, as the site has it (`guide`), with the language of
/// its folder; `None` for a language folder itself, which is its home.
pub(super) fn in_language(config: &Config, id: &str) -> Option<(Option<String>, String)> {
    match config.language_folder(id) {
        (Some(_), "") => None,
        (lang, id) => Some((lang.map(str::to_owned), id.to_owned())),
    }
}

/// The content-relative paths of the Markdown files that the table of
/// contents at `rel` links to, in order.
fn listed(rel: &str, text: &str) -> Vec<String> {
    chapters(rel, text).into_iter().map(|c| c.rel).collect()
}

/// The articles, of those `known` by path, that the Docsify sidebar `toc`
/// links to, in order; a warning for each link that names no file.
fn sidebar_pages(
    toc: &SourceFile,
    known: &HashSet<&str>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let dir = split_dir(&toc.rel).0;
    let mut pages = Vec::new();
    for WrittenLink { dest, span, .. } in links(&toc.text) {
        if names_no_file(&dest) {
            continue;
        }
        let page = |found: &str| {
            let found = if found.is_empty() || found.ends_with('/') || is_markdown(found) {
                found.to_owned()
            } else {
                format!("{found}.md")
            };
            if known.contains(found.as_str()) {
                return Some((found, false));
            }
            let name = split_dir(&found).1;
            (name.is_empty() || crate::landing::family(name).is_some()).then_some((found, true))
        };
        // From the docs root first, as Docsify reads them by default, then
        // from its folder.
        let from = |dir: &str| content_file_from(dir, &dest).and_then(|rel| page(&rel));
        match from("").or_else(|| from(dir)) {
            Some((_, true)) => {}
            Some((rel, false)) => pages.push(rel),
            None => warnings.push(
                Diagnostic::warning(
                    &toc.path,
                    span,
                    format!("`{dest}` names no article of the site: this entry is passed over"),
                )
                .with_help(
                    "Docsify reads a sidebar's links from the docs root (`guide/install.md`, \
                     or `guide/install` without `.md`): fix the path or remove the entry",
                ),
            ),
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discover::Sources;

    /// The articles `rels` (one line of text each, `weight: 5` for `w.md`)
    /// ordered by the table of contents `toc` at `toc_rel`: each one's
    /// (rel, weight, draft), and the paths warned about.
    fn ordered(rels: &[&str], toc_rel: &str, toc: &str) -> (Vec<(String, i64, bool)>, Vec<String>) {
        let sources = Sources {
            articles: rels
                .iter()
                .map(|rel| {
                    let front = if rel.ends_with("/w.md") {
                        "weight: 5\n"
                    } else {
                        ""
                    };
                    SourceFile::in_content(rel, &format!("---\ntitle: T\n{front}---\nText.\n"))
                })
                .collect(),
            ..Default::default()
        };
        let mut articles = crate::parse::parse(&Default::default(), &sources).articles;
        let warnings = order(
            &Config::default(),
            &mut articles,
            &[SourceFile::in_content(toc_rel, toc)],
            &[],
        );
        let articles = articles
            .into_iter()
            .map(|a| (a.rel, a.weight, a.draft))
            .collect();
        let warned = warnings
            .iter()
            .map(|w| w.path.display().to_string())
            .collect();
        (articles, warned)
    }

    #[test]
    fn a_book_lists_its_pages_in_order_and_leaves_out_the_others() {
        let rels = [
            "book/a.md",
            "book/b.md",
            "book/c.md",
            "book/w.md",
            "faq/d.md",
        ];
        let toc = "- [C](c.md)\n- [B](./b.md)\n- [W](w.md)\n- [C again](c.md)\n";
        let (articles, warned) = ordered(&rels, "book/SUMMARY.md", toc);
        assert_eq!(
            articles,
            [
                ("book/a.md".into(), 0, true),
                ("book/b.md".into(), -2, false),
                ("book/c.md".into(), -3, false),
                ("book/w.md".into(), 5, false),
                ("faq/d.md".into(), 0, false),
            ]
        );
        assert_eq!(warned, ["content/book/a.md"]);
    }

    #[test]
    fn a_summary_that_lists_no_page_leaves_everything_as_it_was() {
        let rels = ["a.md", "b.md"];
        let toc = "# Summary of our policies\n\nSee [the portal](https://example.com/).\n";
        let (articles, warned) = ordered(&rels, "SUMMARY.md", toc);
        assert_eq!(
            articles,
            [("a.md".into(), 0, false), ("b.md".into(), 0, false)]
        );
        assert!(warned.is_empty());
    }

    #[test]
    fn a_docsify_sidebar_orders_from_the_root_and_drafts_nothing() {
        let rels = [
            "guide/a.md",
            "guide/b.md",
            "guide/c.md",
            "zh/d.md",
            "zh/e.md",
        ];
        let toc = "- Getting started\n  - [Home](/)\n  - [B](guide/b \"Title\")\n  \
                   - [A](/guide/a.md)\n- [Folder](guide/)\n- [Site](https://docsify.js.org)\n";
        let (articles, warned) = ordered(&rels, "_sidebar.md", toc);
        assert_eq!(
            articles,
            [
                ("guide/a.md".into(), -1, false),
                ("guide/b.md".into(), -2, false),
                ("guide/c.md".into(), 0, false),
                ("zh/d.md".into(), 0, false),
                ("zh/e.md".into(), 0, false),
            ]
        );
        assert!(warned.is_empty(), "{warned:?}");
        // A folder's sidebar: from the root, else from its folder; a link
        // that names nothing is a warning at the link.
        let toc = "- [E](zh/e.md)\n- [D](d)\n- [Gone](zh/gone.md)\n";
        let sidebar = SourceFile::in_content("zh/_sidebar.md", toc);
        let known = HashSet::from(["zh/d.md", "zh/e.md"]);
        let mut warnings = Vec::new();
        assert_eq!(
            sidebar_pages(&sidebar, &known, &mut warnings),
            ["zh/e.md", "zh/d.md"]
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(&toc[warnings[0].span.clone()], "[Gone](zh/gone.md)");
        assert!(
            warnings[0]
                .message
                .starts_with("`zh/gone.md` names no article")
        );
        // Regression: a link that climbs out of the content folder from
        // the root was dropped without trying the sidebar's folder (where
        // `../d.md` names a page), and without a word when it names nothing.
        let toc = "- [D](../d.md)\n- [Out](../../etc/passwd)\n- [Top](#top)\n";
        let sidebar = SourceFile::in_content("zh/e/_sidebar.md", toc);
        let mut warnings = Vec::new();
        assert_eq!(sidebar_pages(&sidebar, &known, &mut warnings), ["zh/d.md"]);
        let warned: Vec<&str> = warnings.iter().map(|w| &toc[w.span.clone()]).collect();
        assert_eq!(warned, ["[Out](../../etc/passwd)"]);
    }

    #[test]
    fn a_folders_navigation_orders_around_the_rest_and_hides() {
        let sources = Sources {
            articles: ["g/a.md", "g/b.md", "g/c.md", "g/d.md"]
                .iter()
                .map(|rel| SourceFile::in_content(rel, "---\ntitle: T\n---\nText.\n"))
                .collect(),
            ..Default::default()
        };
        let mut articles = crate::parse::parse(&Default::default(), &sources).articles;
        let page = |rel: &str, after_rest, hidden| crate::parse::NavPage {
            rel: rel.into(),
            title: None,
            after_rest,
            hidden,
        };
        let navigation = Navigation {
            pages: vec![
                page("g/c.md", false, false),
                page("g/a.md", true, false),
                page("g/d.md", false, true),
            ],
            ..Default::default()
        };
        assert!(order(&Config::default(), &mut articles, &[], &[navigation]).is_empty());
        let placed: Vec<_> = articles
            .iter()
            .map(|a| (a.rel.as_str(), a.weight, a.unlisted, a.draft))
            .collect();
        assert_eq!(
            placed,
            [
                ("g/a.md", 2, false, false),
                ("g/b.md", 0, false, false),
                ("g/c.md", -3, false, false),
                ("g/d.md", -1, true, false),
            ]
        );
        // A translation beside its original (`g/c.en.md`) or in its
        // language's folder (`en/g/c.md`) takes the original's place.
        let sources = Sources {
            articles: ["en/g/c.md", "g/b.en.md", "g/c.en.md"]
                .iter()
                .map(|rel| SourceFile::in_content(rel, "---\ntitle: T\n---\nText.\n"))
                .collect(),
            ..Default::default()
        };
        let config = Config::default();
        let mut articles = crate::parse::parse(&config, &sources).articles;
        let navigation = Navigation {
            pages: vec![page("g/c.md", false, false)],
            ..Default::default()
        };
        order(&config, &mut articles, &[], &[navigation]);
        let weights: Vec<_> = articles
            .iter()
            .map(|a| (a.rel.as_str(), a.weight))
            .collect();
        assert_eq!(
            weights,
            [("en/g/c.md", -1), ("g/b.en.md", 0), ("g/c.en.md", -1)]
        );
    }

    #[test]
    fn links_are_listed_in_order_from_the_summarys_folder() {
        let text = "# Book\n\n[Cover](title-page.md)\n\n- [One](ch01.md)\n  - [Nested](./part/ch01-01.md#top)\n\
                    - [Draft]()\n- [Web](https://example.com/x.md)\n- [Up](../other.md)\n- [Image](pic.png)\n\
                    - [Spaced](my%20page.md)\n";
        assert_eq!(
            listed("book/SUMMARY.md", text),
            [
                "book/title-page.md",
                "book/ch01.md",
                "book/part/ch01-01.md",
                "other.md",
                "book/my page.md"
            ]
        );
        assert!(listed("SUMMARY.md", "- [Out](../../x.md)\n").is_empty());
    }
}

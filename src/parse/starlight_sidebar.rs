//! Starlight's sidebar: the `sidebar` of the `starlight({ … })` call in
//! Astro's configuration (`astro.config.mjs`…), the order and groups of a
//! Starlight project's pages when it does not leave them to its folders.
//! Read without running JavaScript (the `script` module): only the
//! sidebar's value need be plain, the rest of the call may be computed.
//!
//! An item is a page's slug (`'guides/install'`, `{ slug, label }`), a
//! link (`{ label, link }`: one to a page of the site, `/guides/install/`,
//! lists that page, with or without the `base` Astro serves the site
//! under, `/docs/guides/install/`; one to another site is passed over), a
//! group (`{
//! label, items }`), or a group of a folder's pages (`{ label,
//! autogenerate: { directory } }`), which keep their folder's order. A
//! group titles the folder its pages share. A slug is a page's path in
//! the content folder without its extension, each folder and name as
//! github-slugger makes it (lower-cased, spaces as `-`, other punctuation
//! left out), `index` naming its folder; or the `slug` its front matter
//! writes. In a project of several languages the slugs name the default
//! language's pages, and the translations take their places, as with
//! MkDocs's `nav:`. An item's `label` is the sidebar's, not the page's
//! title; a group's `translations` (`{ fr: 'Guides' }`) title its folder
//! in each language, as Docusaurus's translated labels do.
//!
//! The sidebar comes as MkDocs's `nav:` would list it (the `mkdocs` module
//! reads it so). A slug that names no page is a warning at its place
//! (Starlight stops its build there); a sidebar that needs JavaScript is
//! one warning, and the pages keep their folders' order, as without one.

use std::collections::{BTreeMap, HashMap};

use serde_yaml::Value;

use super::Labels;
use super::mkdocs::{folder_entry, group};
use super::navigation::{Named, Read};
use super::script::{self, Literal, ObjectEntry};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{SourceFile, Sources};
use crate::landing::markdown_stem;
use crate::matter::front_matter::yaml_value;
use crate::slug::github_slug;

/// Reads the navigation of `sources`' Starlight sidebar, whose slugs name
/// the pages of `config`'s default language.
pub(super) fn read(config: &Config, sources: &Sources) -> Read {
    let Some(file) = &sources.starlight else {
        return Read::default();
    };
    let items = match script::value_in_call(&file.text, "starlight", "sidebar") {
        None => return Read::default(),
        Some(Ok(Literal::List(items))) => items,
        Some(Ok(_)) => return unread(file, 0..0, "it is not a list"),
        Some(Err((span, why))) => return unread(file, span, &why),
    };
    let mut listing = Listing {
        named: Named::new(file, slugs(config, sources)),
        labels: BTreeMap::new(),
        base: base(&file.text),
    };
    let entries = listing.items(&items);
    Read {
        labels: listing.labels.into_values().collect(),
        ..Read::of_entries(file, &entries, listing.named.problems)
    }
}

/// The warning that the sidebar of `file` cannot be read, at `span`, for
/// `why`.
fn unread(file: &SourceFile, span: std::ops::Range<usize>, why: &str) -> Read {
    let warning = Diagnostic::warning(
        &file.path,
        span,
        format!(
            "tier0 runs no JavaScript, and cannot read this Starlight sidebar without it: \
             {why}; the order it gives the pages is not read"
        ),
    )
    .with_help(
        "the pages keep the order of their folders (their `sidebar: { order }`); to keep the \
         sidebar's order, write it in place as a list of plain values (`sidebar: [{ label: \
         'Guides', items: ['guides/install'] }]`)",
    );
    Read::unread(warning)
}

/// The path Astro serves the site under (`base: '/docs'` in its
/// `defineConfig({ … })`), as a slug's key; empty when it writes none or
/// computes it.
fn base(config: &str) -> String {
    match script::value_in_call(config, "defineConfig", "base") {
        Some(Ok(Literal::Text(base, _))) => key(&base),
        _ => String::new(),
    }
}

/// The content-relative path of each page of the default language, by its
/// slug.
fn slugs<'a>(config: &Config, sources: &'a Sources) -> HashMap<String, &'a str> {
    let mut slugs = HashMap::new();
    for file in sources.articles.iter().chain(&sources.sections) {
        let placed = match config.language_folder(&file.rel) {
            (Some(lang), placed) if lang == config.default_language => placed,
            (Some(_), _) => continue,
            (None, rel) => rel,
        };
        let slug = match yaml_value(&file.text, "slug") {
            Some(written) => key(written),
            None => key(&slug_of(placed)),
        };
        slugs.entry(slug).or_insert(file.rel.as_str());
    }
    slugs
}

/// The slug Starlight gives the page at the content-relative `rel`.
fn slug_of(rel: &str) -> String {
    markdown_stem(rel)
        .split('/')
        .map(github_slug)
        .collect::<Vec<_>>()
        .join("/")
}

/// A slug as pages are looked up by: without the slashes at its ends,
/// without the `index` that names its folder.
fn key(slug: &str) -> String {
    let slug = slug.trim().trim_matches('/');
    let slug = match slug.strip_suffix("index") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => slug,
    };
    slug.trim_end_matches('/').to_owned()
}

/// Sidebar items turned into `nav:` entries.
struct Listing<'a> {
    /// The pages by slug.
    named: Named<'a>,
    /// The translations of the groups' labels, by language.
    labels: BTreeMap<String, Labels>,
    /// The path the site is served under, as a slug's key (`docs`).
    base: String,
}

impl Listing<'_> {
    fn items(&mut self, items: &[Literal]) -> Vec<Value> {
        items.iter().flat_map(|item| self.item(item)).collect()
    }

    /// One item: a slug, or an object that is a group, a group of a
    /// folder, a page or a link.
    fn item(&mut self, item: &Literal) -> Vec<Value> {
        if let Literal::Text(..) = item {
            return self.slug(item).into_iter().collect();
        }
        let label = item.get("label").and_then(Literal::as_text).unwrap_or("");
        if let Some(Literal::Object(translations)) = item.get("translations") {
            self.translate(label, translations);
        }
        if let Some(Literal::List(items)) = item.get("items") {
            let children = self.items(items);
            return group(label, children);
        }
        let generated = item.get("autogenerate").and_then(|a| a.get("directory"));
        if let Some(directory) = generated.and_then(Literal::as_text) {
            return group(label, vec![folder_entry(directory)]);
        }
        if let Some(slug) = item.get("slug") {
            return self.slug(slug).into_iter().collect();
        }
        let link = item.get("link").and_then(Literal::as_text);
        link.and_then(|link| self.link(link)).into_iter().collect()
    }

    /// Takes the `translations` of the label `label` (`{ fr: 'Guides',
    /// 'pt-BR': 'Guias' }`, by the locale's language).
    fn translate(&mut self, label: &str, translations: &[ObjectEntry]) {
        for (lang, text, _) in translations {
            let Some(text) = text.as_text() else {
                continue;
            };
            let lang = crate::discover::language_code(lang);
            let labels = self.labels.entry(lang.clone()).or_insert_with(|| Labels {
                lang,
                ..Labels::default()
            });
            labels.titles.insert(label.to_owned(), text.to_owned());
        }
    }

    /// The page of the slug `slug`, as a `nav:` entry; a warning at the
    /// slug when it names none.
    fn slug(&mut self, slug: &Literal) -> Option<Value> {
        self.named.page(
            slug,
            key,
            "the sidebar lists the page",
            "a slug is the page's path in the content folder without its extension \
             (`guides/install` for `guides/install.md`), or its front matter's `slug`",
        )
    }

    /// The page a sidebar link leads to, if it is one of the site's (`/
    /// guides/install/`, its query and fragment left out, under the site's
    /// base or not): a link elsewhere is not a page, nor is a path of
    /// Astro's own pages.
    fn link(&self, link: &str) -> Option<Value> {
        let path = link.split(['?', '#']).next()?;
        if !path.starts_with('/') || path.starts_with("//") {
            return None;
        }
        let path = key(path);
        let under_base = match path.strip_prefix(self.base.as_str()) {
            Some(rest) if !self.base.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
                Some(key(rest))
            }
            _ => None,
        };
        under_base
            .and_then(|path| self.named.entry(&path))
            .or_else(|| self.named.entry(&path))
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::parse::navigation::testing;

    fn file(rel: &str, text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from(rel),
            rel: rel.into(),
            text: text.into(),
        }
    }

    /// What is read of the Starlight configuration `config` of a site
    /// whose pages are `pages`, each a path and a text.
    fn read_sidebar(config: &str, pages: &[(&str, &str)]) -> Read {
        let sources = Sources {
            articles: pages.iter().map(|(rel, text)| file(rel, text)).collect(),
            starlight: Some(file("astro.config.mjs", config)),
            ..Sources::default()
        };
        read(&Config::default(), &sources)
    }

    const PAGES: [(&str, &str); 6] = [
        ("index.mdx", "---\ntitle: Home\n---\n"),
        ("guides/index.md", "---\ntitle: Guides\n---\n"),
        ("guides/Reset Password.md", "---\ntitle: Reset\n---\n"),
        ("guides/vpn.md", "---\ntitle: VPN\nslug: network/vpn\n---\n"),
        ("reference/api.md", "---\ntitle: API\n---\n"),
        ("reference/cli.md", "---\ntitle: CLI\n---\n"),
    ];

    #[test]
    fn the_sidebar_orders_the_pages_and_its_groups_title_their_folders() {
        let config = "import starlight from '@astrojs/starlight';\n\
            export default defineConfig({\n  integrations: [starlight({\n    \
            title: 'Docs', plugins: [blog()], // a call is fine outside the sidebar\n    \
            sidebar: [\n      { label: 'Home', link: '/' },\n      {\n        \
            label: 'How-to guides',\n        translations: { 'pt-BR': 'Guias', de: 7 },\n        \
            items: [\n          'guides',\n          \
            { label: 'Network', slug: 'network/vpn' },\n          \
            { label: 'Passwords', link: '/guides/reset-password/#steps' },\n          \
            { label: 'Status', link: 'https://status.example.com' },\n        ],\n      },\n      \
            { label: 'Reference', collapsed: true, autogenerate: { directory: 'reference' } },\n    \
            ],\n  })],\n});\n";
        let read = read_sidebar(config, &PAGES);
        assert_eq!(read.problems, []);
        assert_eq!(
            testing::listed(&read),
            [
                "index.mdx",
                "guides/index.md",
                "guides/vpn.md",
                "guides/Reset Password.md"
            ]
        );
        // An item's label is the sidebar's, not the page's title.
        assert!(read.navigations[0].pages.iter().all(|p| p.title.is_none()));
        assert_eq!(
            read.navigations[0].section_places(),
            [
                ("guides", Some("How-to guides"), Some(1)),
                ("reference", Some("Reference"), Some(2))
            ]
        );
        assert_eq!(
            read.labels,
            [Labels {
                lang: "pt-br".to_owned(),
                titles: [("How-to guides".to_owned(), "Guias".to_owned())].into(),
                ..Labels::default()
            }]
        );
    }

    #[test]
    fn links_under_the_base_astro_serves_the_site_at_name_its_pages() {
        let config = "export default defineConfig({\n  site: 'https://example.com',\n  \
            base: '/help/docs/',\n  integrations: [starlight({ sidebar: [\n    \
            { label: 'Home', link: '/help/docs/' },\n    \
            { label: 'API', link: '/help/docs/reference/api/#auth' },\n    \
            { label: 'CLI', link: '/reference/cli/' },\n    \
            { label: 'Elsewhere', link: '/help/blog/' },\n  ] })],\n});\n";
        let read = read_sidebar(config, &PAGES);
        assert_eq!(read.problems, []);
        assert_eq!(
            testing::listed(&read),
            ["index.mdx", "reference/api.md", "reference/cli.md"]
        );
        assert_eq!(base("defineConfig({ base: import.meta.env.BASE })"), "");
        assert_eq!(base("defineConfig({ base: '/' })"), "");
    }

    #[test]
    fn a_slug_that_names_no_page_is_a_warning_at_its_place() {
        let config = "starlight({ sidebar: ['guides/vpn', { slug: 'guides/gone' }, \
                      { label: 'Blog', link: '/blog/' }] })";
        let read = read_sidebar(config, &PAGES);
        let [first, second] = &read.problems[..] else {
            panic!("{:?}", read.problems)
        };
        for (warning, slug) in [(first, "guides/vpn"), (second, "guides/gone")] {
            assert!(
                warning.message.contains(&format!("`{slug}`")),
                "{warning:?}"
            );
            assert_eq!(&config[warning.span.clone()], format!("'{slug}'"));
        }
        // A link to a path of the site that is no page is Astro's own.
        assert!(testing::listed(&read).is_empty());
    }

    #[test]
    fn a_sidebar_javascript_computes_is_one_warning_and_no_sidebar_none() {
        for (config, shown) in [
            ("starlight({ title: 'x', sidebar: topics })", "topics"),
            ("starlight({ sidebar, title: 'x' })", "sidebar, title"),
            (
                "starlight({ sidebar: [...generated, 'a'] })",
                "...generated",
            ),
        ] {
            let read = read_sidebar(config, &PAGES);
            let [warning] = &read.problems[..] else {
                panic!("{config}: {:?}", read.problems)
            };
            assert!(
                warning.message.contains("runs no JavaScript"),
                "{warning:?}"
            );
            assert!(config[warning.span.start..].starts_with(shown), "{config}");
            assert!(read.navigations.is_empty());
        }
        for config in [
            "export default defineConfig({ integrations: [starlight({ title: 'x' })] })",
            "export default defineConfig({ site: 'x', sidebar: ['a'] })",
        ] {
            let read = read_sidebar(config, &PAGES);
            assert_eq!(read.problems, [], "{config}");
            assert!(read.navigations.is_empty(), "{config}");
        }
    }

    #[test]
    fn slugs_are_lower_cased_paths_with_index_naming_the_folder() {
        assert_eq!(slug_of("guides/Reset Password.md"), "guides/reset-password");
        assert_eq!(
            slug_of("Getting Started/index.mdx"),
            "getting-started/index"
        );
        for (written, key_of) in [
            ("/guides/", "guides"),
            ("guides/index", "guides"),
            ("index", ""),
            ("/", ""),
            ("reindex", "reindex"),
            ("guides/reindex", "guides/reindex"),
        ] {
            assert_eq!(key(written), key_of, "{written}");
        }
    }
}

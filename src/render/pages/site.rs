//! What a page shows of the site around it: the `site` template value,
//! links to sections and to the page in other languages, trails of
//! sections, and the list entries of articles.

use std::collections::BTreeMap;

use super::{ContactVars, LanguagePages, changes_path, search_page_path};
use crate::link::{self, BuildAudience};
use crate::parse::Audience;
use crate::render::context::{ArticleSummary, CategoryLink, LanguageLink, PageLink, SiteContext};

/// The deepest sections the search form's filter lists (0: the top ones).
const FILTER_DEPTH: usize = 1;

/// The browser colour of a site that sets no `theme_color`: the default
/// theme's accent.
const DEFAULT_THEME_COLOR: &str = "#0a6b4f";

/// The most characters of a description that a list of articles shows.
const LIST_DESCRIPTION_CHARS: usize = 300;

/// `description` cut for a list (at a space, with `…`, when it is longer
/// than [`LIST_DESCRIPTION_CHARS`]): a list shows a line or two, and an
/// article's description appears in many lists (its section, tier and tag
/// pages), so one huge description must not be copied into each.
fn list_description(description: &str) -> String {
    match description.char_indices().nth(LIST_DESCRIPTION_CHARS) {
        None => description.to_owned(),
        Some((cut, _)) => {
            let head = &description[..cut];
            let head = head.rsplit_once(' ').map_or(head, |(before, _)| before);
            format!("{}…", head.trim_end())
        }
    }
}

impl<'a> LanguagePages<'a> {
    /// A link of the config (`logo`, `favicon`) from page `from`: a URL or
    /// a path from the domain's root as written, a path from the site's
    /// root made relative to the page.
    fn config_link(&self, from: &str, value: &str) -> String {
        if value.starts_with('/') || value.contains("://") {
            value.to_owned()
        } else {
            self.href(from, value)
        }
    }

    /// Values shared by every page at `from`.
    pub fn site(&self, from: &str) -> SiteContext {
        let c = self.config();
        let blank = ContactVars {
            lang: &self.lang,
            ..ContactVars::default()
        };
        SiteContext {
            title: c.title.get(&self.lang, &c.default_language).to_owned(),
            description: c
                .description
                .get(&self.lang, &c.default_language)
                .to_owned(),
            lang: self.lang.clone(),
            home: self.href(from, &self.home_path()),
            root: self.model.urls.root(from),
            assets: self
                .theme
                .assets
                .iter()
                .map(|(name, path)| (name.clone(), self.href(from, path)))
                .collect(),
            categories: self.section_links(from, 0),
            sections: self.section_links(from, FILTER_DEPTH),
            tiers: c.tiers.iter().map(|t| self.tier(from, t, blank)).collect(),
            escalation: self.tier_by_id(from, &c.escalation_tier, blank),
            feed: self.href(from, &format!("{}atom.xml", self.home_path())),
            search: format!(
                "{}{}/",
                self.model.urls.root(from),
                crate::output_paths::SEARCH_DIR
            ),
            results: self.href(from, &search_page_path(c, &self.lang)),
            favicon: c
                .favicon
                .as_deref()
                .map(|f| self.config_link(from, f))
                .or_else(|| {
                    self.theme
                        .assets
                        .get("favicon.svg")
                        .map(|p| self.href(from, p))
                }),
            logo: c.logo.as_deref().map(|l| self.config_link(from, l)),
            theme_color: c
                .theme_color
                .clone()
                .unwrap_or_else(|| DEFAULT_THEME_COLOR.to_owned()),
            tiers_intro: c
                .tiers_intro
                .get(&self.lang, &c.default_language)
                .to_owned(),
            agents: self.model.audience == BuildAudience::Agents,
            changes: (self.model.audience == BuildAudience::Agents)
                .then(|| self.href(from, &changes_path(c, &self.lang))),
            feedback_endpoint: c.feedback.endpoint.clone(),
            insights_endpoint: c.insights.endpoint.clone(),
            insights_sample: c.insights.view_sample,
            search_form: String::new(),
        }
    }

    /// The sections of this language down to `depth`, linked from `from`.
    fn section_links(&self, from: &str, depth: usize) -> Vec<CategoryLink> {
        (0..self.model.sections.len())
            .filter(|&i| {
                let s = &self.model.sections[i];
                s.lang == self.lang && s.depth() <= depth
            })
            .map(|i| self.section_link(from, i))
            .collect()
    }

    /// Section `index`, linked from `from`.
    pub(in crate::render) fn section_link(&self, from: &str, index: usize) -> CategoryLink {
        let s = &self.model.sections[index];
        CategoryLink {
            id: s.id.clone(),
            depth: s.depth(),
            title: s.title.clone(),
            description: s.description.clone(),
            href: self.href(from, self.model.section_page(index)),
        }
    }

    /// The trail of section `index`, the top section first, linked from
    /// `from`.
    pub(in crate::render) fn crumbs(&self, from: &str, index: Option<usize>) -> Vec<PageLink> {
        self.section_trail(index, |path| self.href(from, path))
            .collect()
    }

    /// Section `index` and the sections above it, the top one first, with
    /// the links `link` makes of their site paths.
    fn section_trail(
        &self,
        index: Option<usize>,
        link: impl Fn(&str) -> String,
    ) -> impl Iterator<Item = PageLink> {
        let model = self.model;
        index
            .map(|i| model.trail(i))
            .unwrap_or_default()
            .into_iter()
            .map(move |i| PageLink {
                title: model.sections[i].title.clone(),
                href: link(model.section_page(i)),
            })
    }

    /// The trail of the page at `from`, titled `title`, in section
    /// `index`, for structured data: the home page, the sections, the page
    /// itself; absolute links when the site's URL is known.
    pub(in crate::render) fn trail_data(
        &self,
        from: &str,
        index: Option<usize>,
        title: &str,
    ) -> Vec<PageLink> {
        let c = self.config();
        let link = |path: &str| self.model.urls.best(from, path);
        let home = PageLink {
            title: c.title.get(&self.lang, &c.default_language).to_owned(),
            href: link(&self.home_path()),
        };
        let sections = self.section_trail(index, link);
        let this = PageLink {
            title: title.to_owned(),
            href: link(from),
        };
        std::iter::once(home)
            .chain(sections)
            .chain(std::iter::once(this))
            .collect()
    }

    /// Links to the page at `from` in every language; `alternates` are its translations.
    pub(super) fn languages(
        &self,
        from: &str,
        alternates: &BTreeMap<String, String>,
    ) -> Vec<LanguageLink> {
        let c = self.config();
        c.languages
            .iter()
            .map(|l| {
                let current = l.code == self.lang;
                let target = if current {
                    Some(from)
                } else {
                    alternates.get(&l.code).map(String::as_str)
                };
                LanguageLink {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    href: self.href(
                        from,
                        &target.map_or_else(|| link::language_prefix(c, &l.code), str::to_owned),
                    ),
                    current,
                    alternate: target.is_some() && !current,
                }
            })
            .collect()
    }

    /// The list entry of article `index`, linked from `from`.
    pub fn summary(&self, from: &str, index: usize) -> ArticleSummary {
        let model = self.model;
        let linked = &model.articles[index];
        let a = &linked.article;
        let section = model.section_of(index);
        ArticleSummary {
            id: a.id.clone(),
            title: a.title.clone(),
            description: list_description(&a.description),
            href: self.href(from, &linked.path),
            tier: a.tier.clone(),
            tier_name: model.config.tier(&a.tier).map_or(String::new(), |t| {
                t.name
                    .get(&self.lang, &model.config.default_language)
                    .to_owned()
            }),
            kind: a.kind.name().to_owned(),
            type_label: self
                .text
                .get(&format!("type_{}", a.kind.name().replace('-', "_")))
                .to_owned(),
            category: section.map(|s| model.sections[model.top_of(s)].title.clone()),
            section: section.map(|s| model.sections[s].title.clone()),
            updated: a.updated.map(|d| d.date()),
            internal: a.audience == Audience::Internal,
            confidence: a.confidence.name(),
            unlisted: a.unlisted,
            confidence_label: self
                .text
                .get(&format!(
                    "confidence_{}",
                    a.confidence.name().replace('-', "_")
                ))
                .to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_descriptions_are_cut_at_a_space() {
        assert_eq!(super::list_description("corta"), "corta");
        let long = "palabra ".repeat(100);
        let cut = super::list_description(&long);
        assert!(
            cut.ends_with("palabra…") && cut.chars().count() <= 301,
            "{cut}"
        );
    }
}

//! Builds the template values of every page and renders them through the theme.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use tera::{Context, Value};
use thread_local::ThreadLocal;

use super::context::{
    ArticleSummary, CategoryLink, ChangeEntry, ContactContext, LanguageLink, PageContext, PageLink,
    SiteContext, TierContext,
};
use super::feeds::{self, FeedEntry};
use super::i18n::UiText;
use super::pagination;
use super::theme::Theme;
use crate::config::{Config, TierConfig};
use crate::link::{self, BuildAudience, SiteModel};
use crate::parse::Audience;
use crate::placeholders;

/// Number of articles in "recently updated" and in feeds.
pub const RECENT: usize = 10;
/// About the bytes a page template adds around its content.
pub(super) const PAGE_CHROME: usize = 16 << 10;
/// About the size of a redirect page.
const REDIRECT_PAGE: usize = 1 << 10;
/// The deepest sections the search form's filter lists (0: the top ones).
const FILTER_DEPTH: usize = 1;
/// The template of the search form, which `base.html` prints as `site.search_form`.
const SEARCH_FORM: &str = "partials/search.html";

/// Site path of the agents' "what changed" page in `lang`.
pub fn changes_path(config: &Config, lang: &str) -> String {
    format!(
        "{}{}/",
        link::language_prefix(config, lang),
        crate::output_paths::CHANGES_DIR
    )
}

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

/// The full search results page of `lang` (`search/`, `en/search/`).
pub fn search_page_path(config: &Config, lang: &str) -> String {
    format!(
        "{}{}/",
        link::language_prefix(config, lang),
        crate::output_paths::SEARCH_DIR
    )
}

/// Values for a contact link template.
#[derive(Debug, Default, Clone, Copy)]
pub struct ContactVars<'a> {
    /// Article id.
    pub id: &'a str,
    /// Article title.
    pub title: &'a str,
    /// Article URL.
    pub url: &'a str,
    /// Language.
    pub lang: &'a str,
    /// Leave `{tried}` in (and `{url}` when `url` is unknown), for the
    /// page's script to fill; otherwise they are filled with nothing (and
    /// their query parameters dropped).
    pub keep_tried: bool,
}

impl<'a> ContactVars<'a> {
    /// The values of `article`, whose page is at `url` (empty when unknown).
    pub fn for_article(article: &'a crate::parse::Article, url: &'a str) -> Self {
        Self {
            id: &article.id,
            title: &article.title,
            url,
            lang: &article.lang,
            keep_tried: false,
        }
    }
}

/// `text` percent-encoded for a query string or a `mailto:` field.
fn enc(text: &str) -> String {
    utf8_percent_encode(text, NON_ALPHANUMERIC).to_string()
}

/// Fills `{id}`, `{title}`, `{url}`, `{lang}` and `{tried}` in a contact
/// link template, URL-encoded (`{tried}` is only ever filled by the page's
/// script, from the steps the reader ticked; see [`ContactVars::keep_tried`]).
///
/// Query parameters whose value is only a placeholder that has nothing to
/// fill (on pages that are not articles) are dropped.
pub fn fill_contact(template: &str, vars: ContactVars<'_>) -> String {
    let url = if vars.keep_tried && vars.url.is_empty() {
        "{url}".to_owned()
    } else {
        enc(vars.url)
    };
    let (id, title, lang) = (enc(vars.id), enc(vars.title), enc(vars.lang));
    let tried = if vars.keep_tried { "{tried}" } else { "" };
    let values = [
        ("id", id.as_str()),
        ("title", &title),
        ("url", &url),
        ("lang", &lang),
        ("tried", tried),
    ];
    let fill = |part: &str| placeholders::fill(part, "{", "}", &values);
    let Some((base, query)) = template.split_once('?') else {
        return fill(template);
    };
    let params: Vec<String> = query
        .split('&')
        .filter_map(|pair| match pair.split_once('=') {
            Some((name, value)) => {
                let value = fill(value);
                (!value.is_empty()).then(|| format!("{}={value}", fill(name)))
            }
            None => Some(fill(pair)),
        })
        .collect();
    if params.is_empty() {
        fill(base)
    } else {
        format!("{}?{}", fill(base), params.join("&"))
    }
}

/// The articles of one tier in one language, as its pages list them.
pub struct TierArticles {
    /// In model order.
    pub articles: Vec<usize>,
    /// How many there are in each top-level category, by its title.
    pub by_category: Vec<(String, usize)>,
}

/// Shared, per-language values used by every page in that language.
pub struct LanguagePages<'a> {
    /// The model.
    pub model: &'a SiteModel,
    /// The theme.
    pub theme: &'a Theme,
    /// Language code.
    pub lang: String,
    /// Interface text.
    pub text: UiText,
    /// The shared template values, made once per thread (see [`Values`]).
    values: ThreadLocal<RefCell<Values>>,
}

/// The template values every page of a language shares, as one thread's
/// copy. Rendering a page clones parts of them, and cloning a string or a
/// map increments its reference count: with one copy for all threads,
/// those counts bounced between the cores, and the increments were most
/// of the time spent cloning values.
struct Values {
    /// `text` as a template value.
    text: Value,
    /// The `site` template value by root prefix: it differs only by where links start.
    site: BTreeMap<String, Value>,
}

impl<'a> LanguagePages<'a> {
    /// The per-language values for `lang`.
    pub fn new(model: &'a SiteModel, theme: &'a Theme, lang: &str) -> Self {
        let text = theme.translations.for_language(lang);
        Self {
            model,
            theme,
            lang: lang.to_owned(),
            text,
            values: ThreadLocal::new(),
        }
    }

    pub(super) fn config(&self) -> &crate::config::Config {
        &self.model.config
    }

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

    pub(super) fn href(&self, from: &str, to: &str) -> String {
        self.model.urls.href(from, to)
    }

    /// Site path of this language's home page.
    pub fn home_path(&self) -> String {
        link::language_prefix(self.config(), &self.lang)
    }

    /// The tier `tier` in this language, with contact links filled with `vars`.
    pub fn tier(&self, from: &str, tier: &TierConfig, vars: ContactVars<'_>) -> TierContext {
        let c = self.config();
        let lang = &self.lang;
        let contact = &tier.contact;
        let mailto = contact.email.as_ref().map(|email| {
            if vars.id.is_empty() {
                format!("mailto:{email}")
            } else {
                let subject = format!("{}: {}", vars.id, vars.title);
                let body = if vars.url.is_empty() {
                    String::new()
                } else {
                    format!("&body={}", enc(vars.url))
                };
                format!("mailto:{email}?subject={}{body}", enc(&subject))
            }
        });
        let tel = |phone: &String| {
            phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect::<String>()
        };
        TierContext {
            id: tier.id.clone(),
            name: tier.name.get(lang, &c.default_language).to_owned(),
            description: tier.description.get(lang, &c.default_language).to_owned(),
            href: self.href(from, &link::tier_path(c, lang, &tier.id)),
            contact: ContactContext {
                href: contact.url.as_ref().map(|t| fill_contact(t, vars)),
                href_tried: contact.url.as_ref().map(|t| {
                    fill_contact(
                        t,
                        ContactVars {
                            keep_tried: true,
                            ..vars
                        },
                    )
                }),
                template: contact.url.clone(),
                email: contact.email.clone(),
                mailto,
                phone: contact.phone.clone(),
                tel: contact.phone.as_ref().map(|p| format!("tel:{}", tel(p))),
                hours: contact
                    .hours
                    .as_ref()
                    .map(|h| h.get(lang, &c.default_language).to_owned()),
            },
        }
    }

    /// The tier with id `id` (validated when parsed; the first tier if it is somehow unknown).
    pub(super) fn tier_by_id(&self, from: &str, id: &str, vars: ContactVars<'_>) -> TierContext {
        let tiers = &self.config().tiers;
        let tier = tiers.iter().find(|t| t.id == id).or(tiers.first());
        match tier {
            Some(t) => self.tier(from, t, vars),
            None => TierContext {
                id: id.to_owned(),
                name: id.to_owned(),
                description: String::new(),
                href: String::new(),
                contact: ContactContext::default(),
            },
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
    pub(super) fn section_link(&self, from: &str, index: usize) -> CategoryLink {
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
    pub(super) fn crumbs(&self, from: &str, index: Option<usize>) -> Vec<PageLink> {
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
    pub(super) fn trail_data(
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

    /// This thread's copy of the shared values: `t`, and `site` as seen
    /// from `from`.
    fn shared_values(&self, from: &str) -> Result<(Value, Value), String> {
        let mut values = self
            .values
            .get_or(|| {
                RefCell::new(Values {
                    text: Value::from_serializable(&self.text),
                    site: BTreeMap::new(),
                })
            })
            .borrow_mut();
        let Values { text, site } = &mut *values;
        let site = match site.entry(self.model.urls.root(from)) {
            Entry::Occupied(known) => known.get().clone(),
            Entry::Vacant(new) => new.insert(self.site_value(from, text)?).clone(),
        };
        Ok((text.clone(), site))
    }

    /// `site` as a template value for the pages at `from`, search form
    /// included; `text` is `t`.
    fn site_value(&self, from: &str, text: &Value) -> Result<Value, String> {
        let mut site = self.site(from);
        let mut ctx = Context::new();
        ctx.insert_value("site", Value::from_serializable(&site));
        ctx.insert_value("t", text.clone());
        site.search_form = self
            .theme
            .tera
            .render(SEARCH_FORM, &ctx)
            .map_err(|e| format!("{SEARCH_FORM} (rendered with `site` and `t` only): {e}"))?;
        Ok(Value::from_serializable(&site))
    }

    /// Links to the page at `from` in every language; `alternates` are its translations.
    fn languages(&self, from: &str, alternates: &BTreeMap<String, String>) -> Vec<LanguageLink> {
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
            confidence_label: self
                .text
                .get(&format!(
                    "confidence_{}",
                    a.confidence.name().replace('-', "_")
                ))
                .to_owned(),
        }
    }

    pub(super) fn page(
        &self,
        kind: &'static str,
        path: &str,
        title: String,
        description: String,
        alternates: &BTreeMap<String, String>,
    ) -> PageContext {
        PageContext {
            kind,
            title,
            description,
            canonical: self.model.urls.absolute(path),
            path: path.to_owned(),
            languages: self.languages(path, alternates),
            breadcrumbs: Vec::new(),
            json_ld: None,
            category: None,
            section_tree: Vec::new(),
        }
    }

    /// Renders `template` with the shared values, `page`, and what `extra`
    /// adds, into a buffer of `capacity` bytes: a guess at the page's size
    /// spares growing (and copying) it while the page is written.
    pub(super) fn render(
        &self,
        template: &str,
        page: &PageContext,
        capacity: usize,
        extra: impl FnOnce(&mut Context),
    ) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(capacity);
        self.render_into(template, &page.path, &mut out, |ctx| {
            ctx.insert("page", page);
            extra(ctx);
        })?;
        Ok(out)
    }

    /// Renders `template`, appending to `out`, with the shared values of the
    /// file at site path `from` and what `fill` adds.
    pub(super) fn render_into(
        &self,
        template: &str,
        from: &str,
        out: &mut Vec<u8>,
        fill: impl FnOnce(&mut Context),
    ) -> Result<(), String> {
        let mut ctx = Context::new();
        let (text, site) = self.shared_values(from)?;
        ctx.insert_value("site", site);
        ctx.insert_value("t", text);
        fill(&mut ctx);
        self.theme
            .tera
            .render_to(template, &ctx, out)
            .map_err(|e| format!("{template}: {e}"))
    }

    /// Site paths of a page that exists in every language, by language.
    pub(super) fn everywhere(&self, path: impl Fn(&str) -> String) -> BTreeMap<String, String> {
        self.config()
            .languages
            .iter()
            .map(|l| (l.code.clone(), path(&l.code)))
            .collect()
    }

    /// The articles of `tier` in this language, in model order, and their
    /// count by top-level category: what every page of the tier shows.
    pub(super) fn tier_articles(&self, tier: &str) -> TierArticles {
        let model = self.model;
        let articles: Vec<usize> = (0..model.articles.len())
            .filter(|&i| {
                let a = &model.articles[i].article;
                a.tier == tier && a.lang == self.lang
            })
            .collect();
        let mut by_category: BTreeMap<String, usize> = BTreeMap::new();
        for &i in &articles {
            let category = model
                .section_of(i)
                .map(|s| model.sections[model.top_of(s)].title.clone());
            *by_category.entry(category.unwrap_or_default()).or_default() += 1;
        }
        TierArticles {
            articles,
            by_category: by_category.into_iter().collect(),
        }
    }

    /// Page `number` (from 1) of the page of `tier` in this language: how to
    /// reach the tier, its articles counted by category, and this page's
    /// share of them ([`Self::tier_articles`]).
    pub fn tier_page(
        &self,
        tier: &TierConfig,
        listed: &TierArticles,
        number: usize,
    ) -> Result<Vec<u8>, String> {
        let TierArticles {
            articles,
            by_category,
        } = listed;
        let model = self.model;
        let first = link::tier_path(&model.config, &self.lang, &tier.id);
        let from = pagination::page_path(&first, number);
        let info = self.tier(
            &from,
            tier,
            ContactVars {
                lang: &self.lang,
                ..ContactVars::default()
            },
        );
        let (title, shown, pagination) =
            self.paginated(info.name.clone(), articles, number, &from, |n| {
                pagination::page_path(&first, n)
            });
        // The other languages have the same tier, not the same page of it.
        let alternates = if number > 1 {
            BTreeMap::new()
        } else {
            self.everywhere(|lang| link::tier_path(self.config(), lang, &tier.id))
        };
        let page = self.page("tier", &from, title, info.description.clone(), &alternates);
        self.render("tier.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("tier", &info);
            ctx.insert("articles", &shown);
            ctx.insert("article_count", &articles.len());
            ctx.insert("by_category", by_category);
            ctx.insert("pagination", &pagination);
        })
    }

    /// The agents' "what changed" page of this language: the last updates,
    /// newest first, with the tier that wrote them.
    pub fn changes(&self) -> Result<Vec<u8>, String> {
        let model = self.model;
        let from = changes_path(self.config(), &self.lang);
        let entries: Vec<ChangeEntry> = feeds::updates(model, &self.lang)
            .into_iter()
            .take(self.config().agents.changes)
            .map(|i| {
                let a = &model.articles[i].article;
                ChangeEntry {
                    article: self.summary(&from, i),
                    change: feeds::change_kind(a),
                    author: a.author.clone(),
                    team: a.team.clone(),
                }
            })
            .collect();
        let alternates = self.everywhere(|lang| changes_path(self.config(), lang));
        let page = self.page(
            "changes",
            &from,
            self.text.get("what_changed").to_owned(),
            self.text.get("what_changed_intro").to_owned(),
            &alternates,
        );
        self.render("changes.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("changes", &entries)
        })
    }

    /// The full search results page of this language: the theme's script
    /// fills it from `?q=` (and the filters, and `page=`).
    pub fn search_results(&self) -> Result<Vec<u8>, String> {
        let from = search_page_path(self.config(), &self.lang);
        let alternates = self.everywhere(|lang| search_page_path(self.config(), lang));
        let page = self.page(
            "search",
            &from,
            self.text.get("search_page_title").to_owned(),
            String::new(),
            &alternates,
        );
        self.render("search.html", &page, PAGE_CHROME, |_| {})
    }

    /// The "not found" page, written at the site root so hosts find it.
    pub fn not_found(&self) -> Result<Vec<u8>, String> {
        let page = self.page(
            "404",
            "",
            self.text.get("not_found_title").to_owned(),
            String::new(),
            &BTreeMap::new(),
        );
        self.render("404.html", &page, PAGE_CHROME, |_| {})
    }

    /// A page that sends the browser from `from` to article `index`.
    pub fn redirect(&self, from: &str, index: usize) -> Result<Vec<u8>, String> {
        let linked = &self.model.articles[index];
        let mut page = self.page(
            "redirect",
            from,
            linked.article.title.clone(),
            linked.article.description.clone(),
            &BTreeMap::new(),
        );
        page.canonical = self.model.urls.absolute(&linked.path);
        let target = self.href(from, &linked.path);
        self.render("redirect.html", &page, REDIRECT_PAGE, |ctx| {
            ctx.insert("target", &target)
        })
    }

    /// The Atom feed of this language.
    pub fn feed(&self, entries: &[FeedEntry], updated: &str) -> Result<Vec<u8>, String> {
        let model = self.model;
        let from = self.home_path();
        let mut out = Vec::with_capacity(PAGE_CHROME);
        self.render_into("atom.xml", &from, &mut out, |ctx| {
            ctx.insert("entries", entries);
            ctx.insert("updated", updated);
            ctx.insert("feed_id", &format!("urn:tier0:feed:{}", self.lang));
            ctx.insert(
                "self_href",
                &model.urls.best(&from, &format!("{from}atom.xml")),
            );
            ctx.insert("home_href", &model.urls.best(&from, &from));
        })?;
        Ok(out)
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

    use super::*;

    #[test]
    fn contact_templates_are_url_encoded() {
        let vars = ContactVars {
            id: "KB-1",
            title: "Wi-Fi & VPN",
            url: "https://h.example/a/?x=1",
            lang: "es",
            keep_tried: false,
        };
        assert_eq!(
            fill_contact(
                "https://s.example/new?a={id}&t={title}&u={url}&l={lang}",
                vars
            ),
            "https://s.example/new?a=KB%2D1&t=Wi%2DFi%20%26%20VPN&u=https%3A%2F%2Fh%2Eexample%2Fa%2F%3Fx%3D1&l=es"
        );
        let empty = ContactVars {
            lang: "es",
            ..ContactVars::default()
        };
        assert_eq!(
            fill_contact("https://s.example/new?src=kb&a={id}&l={lang}", empty),
            "https://s.example/new?src=kb&l=es"
        );
        assert_eq!(
            fill_contact("https://s.example/new?a={id}", empty),
            "https://s.example/new"
        );
        let tpl = "https://s.example/new?a={id}&tried={tried}";
        assert_eq!(fill_contact(tpl, vars), "https://s.example/new?a=KB%2D1");
        let for_script = ContactVars {
            keep_tried: true,
            ..vars
        };
        assert_eq!(
            fill_contact(tpl, for_script),
            "https://s.example/new?a=KB%2D1&tried={tried}"
        );
    }
}

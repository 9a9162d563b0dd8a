//! Builds the template values of every page and renders them through the theme.
//!
//! This module holds a language's renderer, [`LanguagePages`], with the
//! values its pages share and the pages that need little else; what a page
//! shows of the site around it is in `site`, the tiers and their contact
//! links in `tier`.

mod site;
mod tier;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use tera::{Context, Value};
use thread_local::ThreadLocal;

use super::context::{ChangeEntry, PageContext};
use super::feeds::{self, FeedEntry};
use super::i18n::UiText;
use super::theme::Theme;
use crate::config::Config;
use crate::link::{self, Redirect, RedirectTarget, SiteModel};

pub use tier::{ContactVars, TierArticles, fill_contact};

/// Number of articles in "recently updated" and in feeds.
pub const RECENT: usize = 10;
/// About the bytes a page template adds around its content.
pub(super) const PAGE_CHROME: usize = 16 << 10;
/// About the size of a redirect page.
const REDIRECT_PAGE: usize = 1 << 10;
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

/// The full search results page of `lang` (`search/`, `en/search/`).
pub fn search_page_path(config: &Config, lang: &str) -> String {
    format!(
        "{}{}/",
        link::language_prefix(config, lang),
        crate::output_paths::SEARCH_DIR
    )
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

    pub(super) fn href(&self, from: &str, to: &str) -> String {
        self.model.urls.href(from, to)
    }

    /// Site path of this language's home page.
    pub fn home_path(&self) -> String {
        link::language_prefix(self.config(), &self.lang)
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
        let lookup = super::redirects::lookup(self.model);
        self.render("404.html", &page, PAGE_CHROME, |ctx| {
            ctx.insert("redirects", &lookup)
        })
    }

    /// The page of `redirect`, which sends the browser to its article or
    /// section.
    pub fn redirect(&self, redirect: &Redirect) -> Result<Vec<u8>, String> {
        let model = self.model;
        let (title, description) = match redirect.to {
            RedirectTarget::Article(i) => {
                let article = &model.articles[i].article;
                (article.title.clone(), article.description.clone())
            }
            RedirectTarget::Section(i) => {
                let section = &model.sections[i];
                (section.title.clone(), section.description.clone())
            }
        };
        let from = &redirect.from;
        let path = model.redirect_target(redirect).0;
        let mut page = self.page("redirect", from, title, description, &BTreeMap::new());
        page.canonical = model.urls.absolute(path);
        let target = self.href(from, path);
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

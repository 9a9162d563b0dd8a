//! Builds the template values of every page and renders them through the theme.

use std::collections::BTreeMap;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use tera::Context;

use super::context::{
    ArticleContext, ArticleSummary, CategoryLink, CategoryOverview, ContactContext, LanguageLink,
    PageContext, SiteContext, TierContext,
};
use super::i18n::UiText;
use super::markdown::RenderedBody;
use super::theme::Theme;
use crate::config::TierConfig;
use crate::link::{self, SiteModel};

/// Number of articles in "recently updated" and in feeds.
pub const RECENT: usize = 10;
/// Articles listed under each category on the home page.
const TOP_PER_CATEGORY: usize = 5;

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
}

/// Fills `{id}`, `{title}`, `{url}` and `{lang}` in a contact link template, URL-encoded.
///
/// Query parameters whose value is only a placeholder that has nothing to
/// fill (on pages that are not articles) are dropped.
pub fn fill_contact(template: &str, vars: ContactVars<'_>) -> String {
    let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
    let fill = |part: &str| {
        part.replace("{id}", &enc(vars.id))
            .replace("{title}", &enc(vars.title))
            .replace("{url}", &enc(vars.url))
            .replace("{lang}", &enc(vars.lang))
    };
    let Some((base, query)) = template.split_once('?') else {
        return fill(template);
    };
    let params: Vec<String> = query
        .split('&')
        .filter(|pair| {
            pair.split_once('=')
                .is_none_or(|(_, value)| !fill(value).is_empty())
        })
        .map(fill)
        .collect();
    if params.is_empty() {
        fill(base)
    } else {
        format!("{}?{}", fill(base), params.join("&"))
    }
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
}

impl<'a> LanguagePages<'a> {
    /// The per-language values for `lang`.
    pub fn new(model: &'a SiteModel, theme: &'a Theme, lang: &str) -> Self {
        Self {
            model,
            theme,
            lang: lang.to_owned(),
            text: theme.translations.for_language(lang),
        }
    }

    fn config(&self) -> &crate::config::Config {
        &self.model.config
    }

    fn href(&self, from: &str, to: &str) -> String {
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
        let subject = if vars.id.is_empty() {
            String::new()
        } else {
            format!("{}: {}", vars.id, vars.title)
        };
        let mailto = contact.email.as_ref().map(|email| {
            if subject.is_empty() {
                format!("mailto:{email}")
            } else {
                let enc = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
                format!(
                    "mailto:{email}?subject={}&body={}",
                    enc(&subject),
                    enc(vars.url)
                )
            }
        });
        TierContext {
            id: tier.id.clone(),
            name: tier.name.get(lang, &c.default_language).to_owned(),
            description: tier.description.get(lang, &c.default_language).to_owned(),
            href: self.href(from, &link::tier_path(c, lang, &tier.id)),
            contact: ContactContext {
                href: contact.url.as_ref().map(|t| fill_contact(t, vars)),
                email: contact.email.clone(),
                mailto,
                phone: contact.phone.clone(),
                tel: contact.phone.as_ref().map(|p| {
                    format!(
                        "tel:{}",
                        p.chars()
                            .filter(|c| c.is_ascii_digit() || *c == '+')
                            .collect::<String>()
                    )
                }),
                hours: contact
                    .hours
                    .as_ref()
                    .map(|h| h.get(lang, &c.default_language).to_owned()),
            },
        }
    }

    fn tier_by_id(&self, from: &str, id: &str, vars: ContactVars<'_>) -> TierContext {
        match self.config().tier(id) {
            Some(t) => self.tier(from, t, vars),
            None => unreachable!("tier ids are validated at parse time"),
        }
    }

    /// Values shared by every page at `from`; `alternates` are this page in other languages.
    pub fn site(&self, from: &str, alternates: &BTreeMap<String, String>) -> SiteContext {
        let c = self.config();
        let model = self.model;
        let categories = model
            .categories
            .iter()
            .filter(|cat| cat.lang == self.lang)
            .map(|cat| CategoryLink {
                id: cat.id.clone(),
                title: cat.title.clone(),
                description: cat.description.clone(),
                href: self.href(from, &cat.path),
                count: cat.articles.len(),
            })
            .collect();
        SiteContext {
            title: c.title.get(&self.lang, &c.default_language).to_owned(),
            description: c
                .description
                .get(&self.lang, &c.default_language)
                .to_owned(),
            lang: self.lang.clone(),
            home: self.href(from, &self.home_path()),
            root: model.urls.root(from),
            languages: c
                .languages
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
                            &target
                                .map_or_else(|| link::language_prefix(c, &l.code), str::to_owned),
                        ),
                        current,
                        alternate: target.is_some() && !current,
                    }
                })
                .collect(),
            assets: self
                .theme
                .assets
                .iter()
                .map(|(name, path)| (name.clone(), self.href(from, path)))
                .collect(),
            categories,
            tiers: c
                .tiers
                .iter()
                .map(|t| {
                    self.tier(
                        from,
                        t,
                        ContactVars {
                            lang: &self.lang,
                            ..ContactVars::default()
                        },
                    )
                })
                .collect(),
            escalation: self.tier_by_id(
                from,
                &c.escalation_tier,
                ContactVars {
                    lang: &self.lang,
                    ..ContactVars::default()
                },
            ),
            feed: self.href(from, &format!("{}atom.xml", self.home_path())),
        }
    }

    /// The list entry of article `index`, linked from `from`.
    pub fn summary(&self, from: &str, index: usize) -> ArticleSummary {
        let model = self.model;
        let linked = &model.articles[index];
        let a = &linked.article;
        let tier = model.config.tier(&a.tier);
        ArticleSummary {
            id: a.id.clone(),
            title: a.title.clone(),
            description: a.description.clone(),
            href: self.href(from, &linked.path),
            tier: a.tier.clone(),
            tier_name: tier.map_or(String::new(), |t| {
                t.name
                    .get(&self.lang, &model.config.default_language)
                    .to_owned()
            }),
            kind: a.kind.name().to_owned(),
            type_label: self
                .text
                .get(&format!("type_{}", a.kind.name().replace('-', "_")))
                .to_owned(),
            category: a
                .category
                .as_ref()
                .and_then(|c| {
                    model
                        .categories
                        .iter()
                        .find(|cat| &cat.id == c && cat.lang == a.lang)
                })
                .map(|cat| cat.title.clone()),
            updated: a.updated.map(|d| d.date()),
        }
    }

    fn page(
        &self,
        kind: &'static str,
        path: &str,
        title: String,
        description: String,
    ) -> PageContext {
        PageContext {
            kind,
            title,
            description,
            canonical: self.model.urls.absolute(path),
            path: path.to_owned(),
        }
    }

    fn render(
        &self,
        template: &str,
        site: &SiteContext,
        page: &PageContext,
        extra: impl FnOnce(&mut Context),
    ) -> Result<String, String> {
        let mut ctx = Context::new();
        ctx.insert("site", site);
        ctx.insert("page", page);
        ctx.insert("t", &self.text);
        extra(&mut ctx);
        self.theme
            .tera
            .render(template, &ctx)
            .map_err(|e| format!("{template}: {e}"))
    }

    /// The page of article `index`.
    pub fn article(&self, index: usize, body: &RenderedBody) -> Result<String, String> {
        let model = self.model;
        let linked = &model.articles[index];
        let a = &linked.article;
        let from = linked.path.as_str();
        let alternates: BTreeMap<String, String> = linked
            .translations
            .iter()
            .map(|&i| &model.articles[i])
            .map(|t| (t.article.lang.clone(), t.path.clone()))
            .collect();
        let site = self.site(from, &alternates);
        let short_path = link::short_path(&model.config, &a.lang, &a.id);
        let short_link = model.urls.best(from, &short_path);
        let page_url = model.urls.best(from, from);
        let vars = ContactVars {
            id: &a.id,
            title: &a.title,
            url: &page_url,
            lang: &a.lang,
        };
        let category = a.category.as_ref().and_then(|c| {
            model
                .categories
                .iter()
                .find(|cat| &cat.id == c && cat.lang == a.lang)
        });
        let article = ArticleContext {
            summary: self.summary(from, index),
            content: body.html.clone(),
            toc: body.toc.clone(),
            steps: body.steps.clone(),
            tier_info: self.tier_by_id(from, &a.tier, vars),
            escalate_to: self.tier_by_id(from, &a.escalate_to, vars),
            category_href: category.map(|cat| self.href(from, &cat.path)),
            author: a.author.clone(),
            team: a.team.clone(),
            date: a.date.map(|d| d.date()),
            reviewed: a.reviewed.map(|d| d.date()),
            tags: a.tags.clone(),
            symptoms: a.symptoms.clone(),
            error_codes: a.error_codes.clone(),
            applies_to: a.applies_to.clone(),
            translations: site
                .languages
                .iter()
                .filter(|l| !l.current && alternates.contains_key(&l.code))
                .cloned()
                .collect(),
            short_link,
        };
        let page = self.page("article", from, a.title.clone(), a.description.clone());
        self.render("article.html", &site, &page, |ctx| {
            ctx.insert("article", &article)
        })
    }

    /// The page of category number `index` in [`SiteModel::categories`].
    pub fn category(&self, index: usize) -> Result<String, String> {
        let cat = &self.model.categories[index];
        let from = cat.path.as_str();
        let alternates = self
            .model
            .categories
            .iter()
            .filter(|c| c.id == cat.id)
            .map(|c| (c.lang.clone(), c.path.clone()))
            .collect();
        let site = self.site(from, &alternates);
        let articles: Vec<ArticleSummary> = cat
            .articles
            .iter()
            .map(|&i| self.summary(from, i))
            .collect();
        let page = self.page("category", from, cat.title.clone(), cat.description.clone());
        self.render("category.html", &site, &page, |ctx| {
            ctx.insert("articles", &articles)
        })
    }

    /// The home page of this language.
    pub fn home(&self) -> Result<String, String> {
        let model = self.model;
        let from = self.home_path();
        let alternates = model
            .config
            .languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    link::language_prefix(&model.config, &l.code),
                )
            })
            .collect();
        let site = self.site(&from, &alternates);
        let mut recent: Vec<usize> = (0..model.articles.len())
            .filter(|&i| model.articles[i].article.lang == self.lang)
            .collect();
        recent.sort_by(|&x, &y| {
            let (x, y) = (&model.articles[x].article, &model.articles[y].article);
            y.updated.cmp(&x.updated).then_with(|| x.id.cmp(&y.id))
        });
        let recent: Vec<ArticleSummary> = recent
            .into_iter()
            .take(RECENT)
            .map(|i| self.summary(&from, i))
            .collect();
        let intro = model.homes.get(&self.lang);
        let title = intro
            .and_then(|h| h.title.clone())
            .unwrap_or_else(|| site.title.clone());
        let description = intro
            .and_then(|h| h.description.clone())
            .unwrap_or_else(|| site.description.clone());
        let page = self.page("home", &from, title, description);
        let categories: Vec<CategoryOverview> = model
            .categories
            .iter()
            .filter(|cat| cat.lang == self.lang)
            .zip(&site.categories)
            .map(|(cat, link)| CategoryOverview {
                category: link.clone(),
                top: cat
                    .articles
                    .iter()
                    .take(TOP_PER_CATEGORY)
                    .map(|&i| self.summary(&from, i))
                    .collect(),
            })
            .collect();
        self.render("home.html", &site, &page, |ctx| {
            ctx.insert("recent", &recent);
            ctx.insert("categories", &categories);
        })
    }

    /// The page of `tier` in this language.
    pub fn tier_page(&self, tier: &TierConfig) -> Result<String, String> {
        let model = self.model;
        let from = link::tier_path(&model.config, &self.lang, &tier.id);
        let alternates = model
            .config
            .languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    link::tier_path(&model.config, &l.code, &tier.id),
                )
            })
            .collect();
        let site = self.site(&from, &alternates);
        let info = self.tier(
            &from,
            tier,
            ContactVars {
                lang: &self.lang,
                ..ContactVars::default()
            },
        );
        let articles: Vec<ArticleSummary> = (0..model.articles.len())
            .filter(|&i| {
                model.articles[i].article.tier == tier.id
                    && model.articles[i].article.lang == self.lang
            })
            .map(|i| self.summary(&from, i))
            .collect();
        let mut by_category: BTreeMap<String, usize> = BTreeMap::new();
        for a in &articles {
            *by_category
                .entry(a.category.clone().unwrap_or_default())
                .or_default() += 1;
        }
        let by_category: Vec<(String, usize)> = by_category.into_iter().collect();
        let page = self.page("tier", &from, info.name.clone(), info.description.clone());
        self.render("tier.html", &site, &page, |ctx| {
            ctx.insert("tier", &info);
            ctx.insert("articles", &articles);
            ctx.insert("by_category", &by_category);
        })
    }

    /// The "not found" page, written at the site root so hosts find it.
    pub fn not_found(&self) -> Result<String, String> {
        let from = "";
        let site = self.site(from, &BTreeMap::new());
        let page = self.page(
            "404",
            "404.html",
            self.text.get("not_found_title").to_owned(),
            String::new(),
        );
        self.render("404.html", &site, &page, |_| {})
    }

    /// A page that sends the browser from `from` to article `index`.
    pub fn redirect(&self, from: &str, index: usize) -> Result<String, String> {
        let linked = &self.model.articles[index];
        let site = self.site(from, &BTreeMap::new());
        let mut page = self.page(
            "redirect",
            from,
            linked.article.title.clone(),
            linked.article.description.clone(),
        );
        page.canonical = self.model.urls.absolute(&linked.path);
        let target = self.href(from, &linked.path);
        self.render("redirect.html", &site, &page, |ctx| {
            ctx.insert("target", &target)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_templates_are_url_encoded() {
        let vars = ContactVars {
            id: "KB-1",
            title: "Wi-Fi & VPN",
            url: "https://h.example/a/?x=1",
            lang: "es",
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
    }
}

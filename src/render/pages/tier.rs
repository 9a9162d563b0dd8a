//! The tiers of support as pages show them: how to reach each (contact
//! links filled for the page), and the page of each tier with its
//! articles.

use std::collections::BTreeMap;

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::{LanguagePages, PAGE_CHROME};
use crate::config::TierConfig;
use crate::link;
use crate::placeholders;
use crate::render::context::{ContactContext, TierContext};
use crate::render::pagination;

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

impl<'a> LanguagePages<'a> {
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
    pub(in crate::render) fn tier_by_id(
        &self,
        from: &str,
        id: &str,
        vars: ContactVars<'_>,
    ) -> TierContext {
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

    /// The articles of `tier` in this language, in model order, and their
    /// count by top-level category: what every page of the tier shows.
    pub(in crate::render) fn tier_articles(&self, tier: &str) -> TierArticles {
        let model = self.model;
        let articles: Vec<usize> = model
            .listed()
            .filter(|(_, l)| l.article.tier == tier && l.article.lang == self.lang)
            .map(|(i, _)| i)
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

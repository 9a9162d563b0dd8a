//! Config values that reach pages and terminals are safe there.
//!
//! Every text value holds no character a terminal would obey
//! (`matter::text`), and every link written from the config into an
//! `href` or a page's script (contact links, the feedback endpoint, base
//! URLs) has a scheme of the one allow-list (`urls::ALLOWED_SCHEMES`).
//! Email addresses and phone numbers become `mailto:` and `tel:` links
//! that tier0 writes itself, so they need only be an address and a number.

use std::path::Path;

use super::{Localized, RawConfig};
use crate::diagnostics::Diagnostic;
use crate::matter::text::Lines::{Many, One};
use crate::matter::text::{self, Field, Lines};
use crate::matter::yaml::TopLevelKeys;
use crate::urls::{self, UnsafeLink};

/// The config file, to locate what is wrong in it.
#[derive(Clone, Copy)]
pub(super) struct Source<'a> {
    /// Its path, as users know it.
    pub(super) path: &'a Path,
    /// Its text.
    pub(super) text: &'a str,
    /// Where its top-level keys stand.
    pub(super) keys: &'a TopLevelKeys,
}

impl Source<'_> {
    /// `value` where it is written in the entry of `key`, else the entry's value.
    fn at(&self, key: &str, value: &str) -> std::ops::Range<usize> {
        self.keys
            .find_value_in_entry(self.text, key, value)
            .unwrap_or_else(|| self.keys.value_span(key))
    }

    /// An error at `value`, written under `key`.
    fn error(&self, key: &str, value: &str, message: String, help: String) -> Diagnostic {
        Diagnostic::error(self.path, self.at(key, value), message).with_help(help)
    }

    /// The error for the link `value` of `name`, written under `key`.
    pub(super) fn unsafe_link(
        &self,
        key: &str,
        name: &str,
        value: &str,
        problem: &UnsafeLink,
        example: &str,
    ) -> Diagnostic {
        let help = match problem {
            UnsafeLink::Scheme(_) => format!(
                "write a full URL ({example}) or a path on the site (`/contact/`); \
                 links that run script or open local files are never written"
            ),
            UnsafeLink::PlaceholderScheme => format!(
                "start it with its scheme ({example}) or a path (`/…`, `./…`); \
                 placeholders are filled in after"
            ),
        };
        self.error(
            key,
            value,
            format!("`{name}` (`{value}`) cannot be a link: {problem}"),
            help,
        )
    }
}

/// Every problem of the config's text values and links.
pub(super) fn check(source: Source<'_>, raw: &RawConfig) -> Vec<Diagnostic> {
    let mut errors = check_texts(source, raw);
    for (i, tier) in raw.tiers.iter().enumerate() {
        let contact = &tier.contact;
        let name = |field: &str| format!("tiers[{i}].contact.{field}");
        if let Some(url) = &contact.url
            && let Err(problem) = urls::check_link_template(url)
        {
            errors.push(source.unsafe_link(
                "tiers",
                &name("url"),
                url,
                &problem,
                "`https://support.example.com/new?id={id}`, or `mailto:`",
            ));
        }
        if let Some(email) = contact.email.as_deref().filter(|e| !is_email(e)) {
            errors.push(source.error(
                "tiers",
                email,
                format!("`{}` (`{email}`) is not an email address", name("email")),
                "write the address alone, e.g. `support@example.com`; tier0 makes its `mailto:` link".into(),
            ));
        }
        let no_digits = |p: &&str| !p.chars().any(|c| c.is_ascii_digit());
        if let Some(phone) = contact.phone.as_deref().filter(no_digits) {
            errors.push(source.error(
                "tiers",
                phone,
                format!("`{}` (`{phone}`) has no digits to dial", name("phone")),
                "write the number, e.g. `+34 900 123 456`; tier0 makes its `tel:` link from the digits and `+`".into(),
            ));
        }
    }
    if let Some(endpoint) = &raw.feedback.endpoint {
        errors.extend(check_endpoint(source, "feedback", endpoint));
    }
    if let Some(endpoint) = &raw.insights.endpoint {
        errors.extend(check_endpoint(source, "insights", endpoint));
    }
    for (key, value) in [("logo", &raw.logo), ("favicon", &raw.favicon)] {
        if let Some(value) = value
            && let Err(problem) = urls::check_link(value)
        {
            let example =
                format!("a path such as `media/{key}.svg`, or `https://example.com/{key}.svg`");
            errors.push(source.unsafe_link(key, key, value, &problem, &example));
        }
    }
    if let Some(colour) = raw.theme_color.as_deref().filter(|c| !is_hex_colour(c)) {
        errors.push(source.error(
            "theme_color",
            colour,
            format!("`theme_color` (`{colour}`) is not a colour such as `#0a6b4f`"),
            "write a hex colour: `#` and 3 or 6 hex digits".into(),
        ));
    }
    errors
}

/// `#rgb` or `#rrggbb`.
fn is_hex_colour(colour: &str) -> bool {
    colour
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
}

/// An address for a `mailto:` link: something at a domain, and nothing
/// that would end the address and start the link's query or fragment.
fn is_email(email: &str) -> bool {
    email
        .split_once('@')
        .is_some_and(|(user, domain)| !user.is_empty() && !domain.is_empty())
        && !email
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '?' | '#' | '&' | ':' | '<' | '>' | '"'))
}

/// The feedback and insights endpoints (under `key`) receive a `POST` from
/// the page's script: an http(s) URL or a path on the site's host.
fn check_endpoint(source: Source<'_>, key: &str, endpoint: &str) -> Option<Diagnostic> {
    let name = format!("{key}.endpoint");
    let example = "`https://support.example.com/kb-feedback`";
    if let Err(problem) = urls::check_link(endpoint) {
        return Some(source.unsafe_link(key, &name, endpoint, &problem, example));
    }
    let is_url = ["https://", "http://", "/"]
        .iter()
        .any(|start| endpoint.starts_with(start))
        && !endpoint.starts_with("//")
        && !endpoint.contains(char::is_whitespace);
    (!is_url).then(|| {
        source.error(
            key,
            endpoint,
            format!("{key} endpoint `{endpoint}` is neither a URL nor a path"),
            format!("write a full URL ({example}) or a path on the site's host (`/api/feedback`)"),
        )
    })
}

/// The name of the top-level value `key` in messages: the key itself.
fn top(key: &str) -> String {
    key.to_owned()
}

/// The text values of the config, with their names in messages.
#[derive(Default)]
struct Texts<'a>(Vec<(&'static str, String, &'a str, Lines)>);

impl<'a> Texts<'a> {
    fn add(&mut self, key: &'static str, name: String, value: &'a str, lines: Lines) {
        self.0.push((key, name, value, lines));
    }

    fn optional(&mut self, key: &'static str, name: String, value: Option<&'a String>) {
        if let Some(value) = value {
            self.add(key, name, value, Lines::One);
        }
    }

    fn localized(&mut self, key: &'static str, name: String, text: &'a Localized, lines: Lines) {
        match text {
            Localized::Text(value) => self.add(key, name, value, lines),
            Localized::PerLanguage(map) => {
                for (lang, value) in map {
                    self.add(key, format!("{name}.{lang}"), value, lines);
                }
            }
        }
    }

    /// The site's own values: its title, description, URL, theme and
    /// languages, and the tier it escalates to.
    fn site(&mut self, raw: &'a RawConfig) {
        self.localized("title", top("title"), &raw.title, One);
        self.localized("description", top("description"), &raw.description, Many);
        self.optional("base_url", top("base_url"), raw.base_url.as_ref());
        self.add("theme", top("theme"), &raw.theme, One);
        self.add(
            "default_language",
            top("default_language"),
            &raw.default_language,
            One,
        );
        for (i, lang) in raw.languages.iter().enumerate() {
            self.add("languages", format!("languages[{i}].code"), &lang.code, One);
            self.add("languages", format!("languages[{i}].name"), &lang.name, One);
        }
        self.optional(
            "escalation_tier",
            top("escalation_tier"),
            raw.escalation_tier.as_ref(),
        );
    }

    /// Each tier's id, name, description and contact.
    fn tiers(&mut self, raw: &'a RawConfig) {
        for (i, tier) in raw.tiers.iter().enumerate() {
            let name = |field: &str| format!("tiers[{i}].{field}");
            self.add("tiers", name("id"), &tier.id, One);
            self.localized("tiers", name("name"), &tier.name, One);
            self.localized("tiers", name("description"), &tier.description, Many);
            let contact = &tier.contact;
            self.optional("tiers", name("contact.url"), contact.url.as_ref());
            self.optional("tiers", name("contact.email"), contact.email.as_ref());
            self.optional("tiers", name("contact.phone"), contact.phone.as_ref());
            if let Some(hours) = &contact.hours {
                self.localized("tiers", name("contact.hours"), hours, Many);
            }
        }
    }

    /// What articles take or pages show besides the articles: the defaults
    /// of front matter, the categories, the tiers' introduction, the search
    /// examples and the reply template.
    fn content(&mut self, raw: &'a RawConfig) {
        self.optional("defaults", top("defaults.tier"), raw.defaults.tier.as_ref());
        self.add("defaults", top("defaults.type"), &raw.defaults.kind, One);
        self.add(
            "defaults",
            top("defaults.audience"),
            &raw.defaults.audience,
            One,
        );
        for (id, category) in &raw.categories {
            self.add("categories", format!("categories.{id}"), id, One);
            let name = |field: &str| format!("categories.{id}.{field}");
            if let Some(title) = &category.title {
                self.localized("categories", name("title"), title, One);
            }
            if let Some(description) = &category.description {
                self.localized("categories", name("description"), description, Many);
            }
        }
        self.localized("tiers_intro", top("tiers_intro"), &raw.tiers_intro, Many);
        for (lang, examples) in &raw.search.examples {
            for (i, example) in examples.iter().enumerate() {
                self.add(
                    "search",
                    format!("search.examples.{lang}[{i}]"),
                    example,
                    One,
                );
            }
        }
        self.localized("reply", top("reply"), &raw.reply, Many);
    }

    /// Where the pages send feedback and insights, and the agents' edition.
    fn services(&mut self, raw: &'a RawConfig) {
        self.optional(
            "feedback",
            top("feedback.endpoint"),
            raw.feedback.endpoint.as_ref(),
        );
        self.optional(
            "insights",
            top("insights.endpoint"),
            raw.insights.endpoint.as_ref(),
        );
        for origin in &raw.insights.allow_origins {
            self.add("insights", top("insights.allow_origins"), origin, One);
        }
        self.optional(
            "insights",
            top("insights.currency"),
            raw.insights.currency.as_ref(),
        );
        self.optional(
            "agents",
            top("agents.base_url"),
            raw.agents.base_url.as_ref(),
        );
        self.add("agents", top("agents.out"), &raw.agents.out, One);
    }
}

/// Every problem of the config's text values.
fn check_texts(source: Source<'_>, raw: &RawConfig) -> Vec<Diagnostic> {
    let mut texts = Texts::default();
    texts.site(raw);
    texts.tiers(raw);
    texts.content(raw);
    texts.services(raw);
    text::check(
        source.path,
        source.text,
        source.keys,
        texts.0.iter().map(|(key, name, value, lines)| Field {
            key,
            name,
            value,
            lines: *lines,
        }),
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::Config;
    use crate::diagnostics::Diagnostic;

    fn parse(text: &str) -> Result<(Config, Vec<Diagnostic>), Vec<Diagnostic>> {
        Config::from_yaml(Path::new("tier0.yaml"), text)
    }

    #[test]
    fn links_from_the_config_pass_the_scheme_allow_list_where_written() {
        let text = "title: x\ntiers:\n  - id: L1\n    name: a\n    contact:\n      url: \"https://ok.example/?a={id}\"\n  - id: L2\n    name: b\n    contact: {url: \" JavaScript:alert(1)\", email: \"javascript:alert(1)\", phone: call}\nbase_url: \"data:text/html,x\"\nagents: {base_url: \"vbscript:x\"}\nfeedback:\n  endpoint: \"file:///etc/passwd\"\n";
        let errors = parse(text).unwrap_err();
        let found = |needle: &str| {
            errors
                .iter()
                .find(|e| e.message.contains(needle))
                .unwrap_or_else(|| panic!("no {needle} in {errors:?}"))
        };
        let located = |needle: &str, value: &str| {
            let e = found(needle);
            assert_eq!(&text[e.span.clone()], value, "{}", e.message);
        };
        located("`tiers[1].contact.url`", " JavaScript:alert(1)");
        assert!(
            found("`tiers[1].contact.url`")
                .message
                .contains("`javascript:`")
        );
        located("is not an email address", "javascript:alert(1)");
        located("no digits to dial", "call");
        located("`base_url` (", "data:text/html,x");
        located("`agents.base_url`", "vbscript:x");
        located("`feedback.endpoint`", "file:///etc/passwd");
        assert_eq!(errors.len(), 6, "{errors:?}");
        let errors =
            parse("tiers:\n  - {id: L1, name: a, contact: {url: \"{url}\"}}\n").unwrap_err();
        assert!(
            errors[0].message.contains("placeholder"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn config_text_holds_no_terminal_controls() {
        let text = "title: {es: \"Ayuda\\e[2J\"}\nreply: \"{title}\\n{url}\"\ntiers:\n  - {id: L1, name: \"a\u{202e}b\"}\n";
        let errors = parse(text).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].message.contains("`title.es`") && errors[0].message.contains("U+001B"));
        assert_eq!(&text[errors[0].span.clone()], "{es: \"Ayuda\\e[2J\"}");
        assert!(errors[1].message.contains("`tiers[0].name`"));
        assert_eq!(&text[errors[1].span.clone()], "\u{202e}");
    }
}

//! The checks of `tier0.yaml` that read more than one value: the site URLs,
//! the languages and which comes first, the tiers and the tiers other keys
//! name, the defaults and the names that become folders.
//!
//! Each phase reports into one [`Checks`], so that every problem of the
//! file is shown at once, and returns the value the config keeps (a
//! relative base URL, the languages in order, a tier id) even when it
//! reported a problem, so that the phases after it still run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::safe::Source;
use super::{BaseUrl, Defaults, LanguageConfig, TierConfig, join};
use crate::diagnostics::Diagnostic;
use crate::discover::CONTENT_DIR;
use crate::kinds::{ArticleType, Audience};
use crate::{output_paths, slug, urls};

/// The problems found so far in the config file `source`.
pub(super) struct Checks<'a> {
    source: Source<'a>,
    /// Every problem found, in the order of the phases.
    pub(super) errors: Vec<Diagnostic>,
}

impl<'a> Checks<'a> {
    /// Checks of `source`, starting with what was already found.
    pub(super) fn new(source: Source<'a>, errors: Vec<Diagnostic>) -> Self {
        Self { source, errors }
    }

    /// Where the value of the top-level `key` is written.
    pub(super) fn at(&self, key: &str) -> std::ops::Range<usize> {
        self.source.keys.value_span(key)
    }

    /// Where `value` is written in the entry of the top-level `key`, else
    /// that entry's value.
    pub(super) fn at_value(&self, key: &str, value: &str) -> std::ops::Range<usize> {
        self.source
            .keys
            .find_value_in_entry(self.source.text, key, value)
            .unwrap_or_else(|| self.at(key))
    }

    /// Reports `message`, with `help`, at the value of `key`.
    fn error(&mut self, key: &str, message: String, help: Option<String>) {
        let diagnostic = Diagnostic::error(self.source.path, self.at(key), message);
        self.errors.push(match help {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        });
    }

    /// The base URL `value` of `name`, written under `key`: relative when
    /// absent, or reported when unsafe or neither a URL nor a path.
    pub(super) fn site_url(
        &mut self,
        value: Option<&str>,
        name: &str,
        key: &str,
        example: &str,
    ) -> BaseUrl {
        let Some(value) = value else {
            return BaseUrl::Relative;
        };
        let full = format!("`https://{example}.example.com/`");
        if let Err(problem) = urls::check_link(value) {
            let error = self.source.unsafe_link(key, name, value, &problem, &full);
            self.errors.push(error);
            return BaseUrl::Relative;
        }
        BaseUrl::parse(value).unwrap_or_else(|| {
            self.error(
                key,
                format!("`{name}` is neither a URL nor a path"),
                Some(format!(
                    "write a full URL ({full}), a path (`/{example}/`), or remove the key for \
                     relative links"
                )),
            );
            BaseUrl::Relative
        })
    }

    /// `languages` with the default one first, each code checked: a simple
    /// code, not a folder tier0 writes, listed once.
    pub(super) fn languages(
        &mut self,
        mut languages: Vec<LanguageConfig>,
        default_language: &str,
    ) -> Vec<LanguageConfig> {
        if languages.is_empty() {
            self.error(
                "languages",
                "`languages` is empty".into(),
                Some("list at least one language, e.g. `- {code: es, name: Español}`".into()),
            );
        }
        let mut codes = BTreeSet::new();
        for lang in &languages {
            if !slug::is_slug(&lang.code) {
                self.error(
                    "languages",
                    format!("language code `{}` is not a simple code", lang.code),
                    Some("use a lowercase code such as `es`, `en` or `pt-br`".into()),
                );
            }
            if let Some(generated) = output_paths::generated_named(&lang.code) {
                self.error(
                    "languages",
                    format!(
                        "language code `{}` names the folder where tier0 writes {}",
                        lang.code, generated.what
                    ),
                    Some(
                        "pages of a language go in a folder named after its code: use its ISO \
                         code, such as `en`"
                            .into(),
                    ),
                );
            }
            if !codes.insert(lang.code.as_str()) {
                self.error(
                    "languages",
                    format!("language `{}` is listed twice", lang.code),
                    None,
                );
            }
        }
        match languages.iter().position(|l| l.code == default_language) {
            Some(i) => {
                let default = languages.remove(i);
                languages.insert(0, default);
            }
            None if !languages.is_empty() => self.error(
                "default_language",
                format!("default language `{default_language}` is not in `languages`"),
                Some(format!(
                    "use one of: {}",
                    join(languages.iter().map(|l| l.code.as_str()))
                )),
            ),
            None => {}
        }
        languages
    }

    /// Checks that there are tiers, and that each id is defined once, fits
    /// a folder name and has a tier page of its own.
    pub(super) fn tiers(&mut self, tiers: &[TierConfig]) {
        if tiers.is_empty() {
            self.error(
                "tiers",
                "`tiers` is empty".into(),
                Some(
                    "list the escalation tiers of the organisation, e.g. `- {id: L1, name: Level \
                     1}`"
                    .into(),
                ),
            );
        }
        let short = || Some("use a short id such as `L1`".to_owned());
        let mut ids = BTreeSet::new();
        // The slug of an id names the folder of the tier's page.
        let mut pages = BTreeMap::new();
        for tier in tiers {
            if !slug::is_identifier(&tier.id) {
                self.error(
                    "tiers",
                    format!(
                        "tier id `{}` may only contain letters, digits, `-` and `_`",
                        tier.id
                    ),
                    short(),
                );
            }
            if !ids.insert(tier.id.as_str()) {
                self.error(
                    "tiers",
                    format!("tier `{}` is defined twice", tier.id),
                    None,
                );
                continue;
            }
            let page = slug::slugify(&tier.id);
            if let Some(problem) = output_paths::segment_too_long(&page) {
                self.error(
                    "tiers",
                    format!("a tier id is too long for a folder name: {problem}"),
                    short(),
                );
            }
            if let Some(other) = pages.insert(page, tier.id.as_str()) {
                self.error(
                    "tiers",
                    format!(
                        "tiers `{other}` and `{}` would share one page: their ids differ only in \
                         case or in `-` and `_`",
                        tier.id
                    ),
                    Some("give each tier an id of its own, such as `L1` and `L2`".into()),
                );
            }
        }
    }

    /// The tier `id` that `what` (under `key`) names, reported when `tiers`
    /// has no such tier; `otherwise` when it names none.
    pub(super) fn tier_named(
        &mut self,
        id: Option<String>,
        what: &str,
        key: &str,
        tiers: &[TierConfig],
        otherwise: Option<&TierConfig>,
    ) -> String {
        match id {
            Some(id) => {
                if !tiers.iter().any(|t| t.id == id) {
                    self.error(
                        key,
                        format!("{what} `{id}` is not defined in `tiers`"),
                        Some(format!(
                            "use one of: {}",
                            join(tiers.iter().map(|t| t.id.as_str()))
                        )),
                    );
                }
                id
            }
            None => otherwise.map(|t| t.id.clone()).unwrap_or_default(),
        }
    }

    /// Checks the default type and audience of articles.
    pub(super) fn defaults(&mut self, defaults: &Defaults) {
        if ArticleType::parse(&defaults.kind).is_none() {
            self.error(
                "defaults",
                format!("default type `{}` is not an article type", defaults.kind),
                Some(format!("use one of: {}", ArticleType::NAMES.join(", "))),
            );
        }
        if Audience::parse(&defaults.audience).is_none() {
            self.error(
                "defaults",
                format!(
                    "default audience `{}` is neither `public` nor `internal`",
                    defaults.audience
                ),
                None,
            );
        }
    }

    /// The content folder `value` as a path relative to the site folder:
    /// a folder below it that holds neither the theme nor the site folder
    /// itself (the config and the output live there). A reported value
    /// gives the default, so that the phases after it still run.
    pub(super) fn content_dir(&mut self, value: &str) -> PathBuf {
        match crate::discover::content_folder(value) {
            Ok(folder) => folder,
            Err(problem) => {
                self.error(
                    "content_dir",
                    format!("`content_dir: {value}` {problem}"),
                    Some(
                        "name a folder of the site folder with `/` between its parts, e.g. \
                         `docs` or `website/docs`"
                            .into(),
                    ),
                );
                PathBuf::from(CONTENT_DIR)
            }
        }
    }

    /// Checks that category ids and the theme name are folder names.
    pub(super) fn folder_names<'c>(
        &mut self,
        categories: impl Iterator<Item = &'c String>,
        theme: &str,
    ) {
        for id in categories {
            if !slug::is_slug(id) {
                self.error(
                    "categories",
                    format!("category id `{id}` is not a valid folder name"),
                    Some(
                        "use lowercase letters, digits and `-`, like the category's folder under \
                         content/"
                            .into(),
                    ),
                );
            }
        }
        if !slug::is_slug(theme) {
            self.error(
                "theme",
                format!("theme `{theme}` is not a valid folder name"),
                Some("name a folder under `themes/`, e.g. `default`".into()),
            );
        }
    }
}

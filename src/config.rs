//! The site configuration, `tier0.yaml`.
//!
//! In: the file's text (or nothing: every key has a default). Out: a
//! validated [`Config`] whose tiers, languages and defaults are consistent,
//! or located diagnostics for everything that is wrong with it. Unknown keys
//! are warnings with a suggestion, as in front matter.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::discover::{CONTENT_DIR, Mounted};
use crate::matter::yaml::{self, TopLevelKeys};
pub use crate::urls::BaseUrl;

mod insights;
mod kcs;
mod language_names;
mod localized;
mod safe;
mod search;
mod tiers;
mod validate;

pub use insights::{InsightsConfig, MIN_VIEW_SAMPLE, origin_of};
pub use kcs::KcsConfig;
pub use language_names::{is_language_code, language_name};
pub use localized::Localized;
pub use search::{SearchConfig, show as show_synonym_rule};
use tiers::default_tiers;
pub use tiers::{Contact, TierConfig};
use validate::Checks;

/// A language the site is published in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// ISO code, e.g. `es`.
    pub code: String,
    /// Name in that language, e.g. `Español`.
    pub name: String,
}

/// Front matter values for articles that do not set them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Defaults {
    /// Tier id; `None` means L3 when defined, else the last tier.
    pub tier: Option<String>,
    /// Article type.
    #[serde(rename = "type")]
    pub kind: String,
    /// `public` or `internal`.
    pub audience: String,
    /// Review interval in days.
    pub review_every: u32,
}

impl Default for Defaults {
    fn default() -> Self {
        Self {
            tier: None,
            kind: "troubleshooting".into(),
            audience: "public".into(),
            review_every: 365,
        }
    }
}

/// Title, description and order of a category, from the config.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct CategoryConfig {
    /// Display title.
    pub title: Option<Localized>,
    /// One-paragraph description.
    pub description: Option<Localized>,
    /// Sort order on the home page (lower first).
    pub order: Option<i64>,
    /// Old URLs of the section's page that redirect to it: a Docusaurus
    /// generated index's. Made from the category files, not read from
    /// `tier0.yaml`.
    #[serde(skip)]
    pub redirects: Vec<SectionRedirect>,
}

/// An old URL of a section's page, and where it is made (for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRedirect {
    /// Its site path (`category/guides/`).
    pub from: String,
    /// The file that makes it.
    pub path: std::path::PathBuf,
    /// Where in that file.
    pub span: std::ops::Range<usize>,
    /// Whether its author wrote the path (a `slug`), rather than the tool
    /// making it up.
    pub written: bool,
}

/// The agents' build (`tier0 build --audience agents`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgentsConfig {
    /// Where the agents' site is served from (an intranet host, a path); none: relative links.
    pub base_url: Option<String>,
    /// Output folder, relative to the site folder.
    pub out: String,
    /// How many updates its "what changed" page lists.
    pub changes: usize,
}

impl Default for AgentsConfig {
    fn default() -> Self {
        Self {
            base_url: None,
            out: "public-agents".into(),
            changes: 50,
        }
    }
}

/// What happens to HTML written inside Markdown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Kept as written: the authors are trusted.
    #[default]
    Allow,
    /// Cleaned with an allow-list (no scripts, event handlers, styles,
    /// frames or `javascript:` links): for sites that accept contributions.
    Sanitize,
}

/// How old URLs (short links, aliases) lead to their articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Redirects {
    /// One small redirect page per short link and alias: works on any
    /// host and from disk.
    #[default]
    Pages,
    /// No page per redirect: the not-found page looks the missing path up
    /// in a few `kb/redirects-<n>.json` files and sends the browser on,
    /// for hosts that cap a site's number of files.
    NotFound,
}

/// Where readers' answers to "Did this solve your problem?" are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeedbackConfig {
    /// URL that receives a JSON `POST` per answer; none (the default): nothing is sent.
    pub endpoint: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(default)]
struct RawConfig {
    title: Localized,
    description: Localized,
    base_url: Option<String>,
    theme: String,
    content_dir: Option<String>,
    default_language: String,
    languages: Vec<LanguageConfig>,
    escalation_tier: Option<String>,
    tiers: Vec<TierConfig>,
    defaults: Defaults,
    categories: BTreeMap<String, CategoryConfig>,
    tiers_intro: Localized,
    reply: Localized,
    feedback: FeedbackConfig,
    agents: AgentsConfig,
    raw_html: RawHtml,
    redirects: Redirects,
    strict: bool,
    search: search::RawSearchConfig,
    insights: insights::RawInsightsConfig,
    kcs: kcs::RawKcsConfig,
    logo: Option<String>,
    favicon: Option<String>,
    theme_color: Option<String>,
}

impl Default for RawConfig {
    fn default() -> Self {
        Self {
            title: Localized::per_language(&[("es", "Centro de ayuda"), ("en", "Help Center")]),
            description: Localized::default(),
            base_url: None,
            theme: "default".into(),
            content_dir: None,
            default_language: "es".into(),
            languages: vec![
                LanguageConfig {
                    code: "es".into(),
                    name: "Español".into(),
                },
                LanguageConfig {
                    code: "en".into(),
                    name: "English".into(),
                },
            ],
            escalation_tier: None,
            tiers: default_tiers(),
            defaults: Defaults::default(),
            categories: BTreeMap::new(),
            tiers_intro: Localized::per_language(&[
                (
                    "es",
                    "Empiece por este centro de ayuda: casi todo tiene solución aquí. Si no encuentra la suya, el nivel 1 recoge su caso y, si hace falta, lo escala a los especialistas.",
                ),
                (
                    "en",
                    "Start with this help center: most problems are solved here. If yours is not, Level 1 takes your case and, when needed, escalates it to the specialists.",
                ),
            ]),
            reply: Localized::per_language(&[
                (
                    "es",
                    "{title}\n{description}\nSiga los pasos de este artículo: {url}",
                ),
                (
                    "en",
                    "{title}\n{description}\nFollow the steps in this article: {url}",
                ),
            ]),
            feedback: FeedbackConfig::default(),
            agents: AgentsConfig::default(),
            raw_html: RawHtml::default(),
            redirects: Redirects::default(),
            strict: false,
            search: search::RawSearchConfig::default(),
            insights: insights::RawInsightsConfig::default(),
            kcs: kcs::RawKcsConfig::default(),
            logo: None,
            favicon: None,
            theme_color: None,
        }
    }
}

/// What named a site's content folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentDirFrom {
    /// Nothing: `content`.
    Default,
    /// `content_dir` in `tier0.yaml`.
    Config,
    /// Another generator's configuration, as told to people ("the docs_dir
    /// of mkdocs.yml"): `tier0.yaml` names no folder and the site folder
    /// has no `content/` ([`crate::discover::generator_folder`]).
    Generator(String),
}

/// The validated configuration of a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Site name.
    pub title: Localized,
    /// Site description.
    pub description: Localized,
    /// Where the site is served from.
    pub base_url: BaseUrl,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// The folder of the articles, relative to the site folder: `content`
    /// unless `content_dir` names another (`docs`, `website/docs`).
    pub content_dir: PathBuf,
    /// What named [`Config::content_dir`].
    pub content_dir_from: ContentDirFrom,
    /// The folders outside the content folder that hold a language's pages
    /// (Docusaurus's translations): found beside the configuration of the
    /// project whose pages the content folder holds, not written.
    pub mounted: Vec<Mounted>,
    /// Language of articles that do not say; served at the root.
    pub default_language: String,
    /// Why [`Config::default_language`] is what it is when no `tier0.yaml`
    /// names it, as told to people ("as the theme.language of mkdocs.yml
    /// names it").
    pub default_language_from: Option<String>,
    /// What says that the generator whose pages the content folder holds
    /// published each page as a `.html` file ("mdBook (book.toml)"), found
    /// beside the site, not written: each article's old address then
    /// redirects to its page.
    pub page_files_from: Option<String>,
    /// Published languages, the default one first.
    pub languages: Vec<LanguageConfig>,
    /// The tier end users contact when self-help fails.
    pub escalation_tier: String,
    /// Escalation tiers in order.
    pub tiers: Vec<TierConfig>,
    /// Defaults for front matter.
    pub defaults: Defaults,
    /// The default tier, resolved.
    pub default_tier: String,
    /// Categories described in the config.
    pub categories: BTreeMap<String, CategoryConfig>,
    /// How the tiers work, in a few words for users (home page).
    pub tiers_intro: Localized,
    /// Template of "copy as reply": `{title}`, `{description}`, `{url}`, `{id}`.
    pub reply: Localized,
    /// Where helpfulness answers go.
    pub feedback: FeedbackConfig,
    /// The agents' build.
    pub agents: AgentsConfig,
    /// What happens to HTML in articles.
    pub raw_html: RawHtml,
    /// How short links and aliases lead to their articles.
    pub redirects: Redirects,
    /// Every problem fails the build (`strict: true`, or `--strict`);
    /// otherwise a problem confined to one article leaves it out or is a
    /// warning, and the rest of the site is published.
    pub strict: bool,
    /// Where the agents' site is served from.
    pub agents_base_url: BaseUrl,
    /// Search settings (synonyms).
    pub search: SearchConfig,
    /// Where the site sends its anonymous events, and the report's settings.
    pub insights: InsightsConfig,
    /// Which KCS states the public edition publishes.
    pub kcs: KcsConfig,
    /// Image shown before the site name in the header (a link or a path
    /// from the site root), if any.
    pub logo: Option<String>,
    /// The pages' icon (a link or a path from the site root); none: the
    /// theme's.
    pub favicon: Option<String>,
    /// The browser's colour for the site (`#rrggbb`); none: the theme's.
    pub theme_color: Option<String>,
    /// Where the public site is served from, also in the agents' build
    /// (whose `base_url` is the agents' one): links that agents send to users
    /// point there.
    pub public_base_url: BaseUrl,
}

impl Default for Config {
    fn default() -> Self {
        let source = safe::Source {
            path: Path::new("tier0.yaml"),
            text: "",
            keys: &TopLevelKeys::default(),
        };
        match Self::from_raw(source, RawConfig::default()) {
            Ok(config) => config,
            Err(_) => unreachable!("the built-in defaults are consistent"),
        }
    }
}

/// Keys `tier0.yaml` understands at the top level, for "did you mean".
const CONFIG_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "theme",
    "content_dir",
    "default_language",
    "languages",
    "escalation_tier",
    "tiers",
    "defaults",
    "categories",
    "tiers_intro",
    "reply",
    "feedback",
    "agents",
    "raw_html",
    "redirects",
    "strict",
    "search",
    "insights",
    "kcs",
    "logo",
    "favicon",
    "theme_color",
];

impl Config {
    /// Parses and validates `text`, the content of the config file at `path`.
    ///
    /// Returns the config and its warnings, or every error found.
    pub fn from_yaml(path: &Path, text: &str) -> Result<(Self, Vec<Diagnostic>), Vec<Diagnostic>> {
        let keys = TopLevelKeys::scan(text, 0);
        let mut warnings = Vec::new();
        let raw: RawConfig = if text.trim().is_empty() {
            RawConfig::default()
        } else {
            match yaml::deserialize(text, 0) {
                Ok((raw, unknown)) => {
                    warnings.extend(
                        unknown
                            .into_iter()
                            .map(|key| yaml::unknown_key_warning(path, &keys, &key, CONFIG_KEYS)),
                    );
                    raw
                }
                Err(e) => return Err(vec![e.into_diagnostic(path)]),
            }
        };
        let source = safe::Source {
            path,
            text,
            keys: &keys,
        };
        let config = Self::from_raw(source, raw)?;
        Ok((config, warnings))
    }

    fn from_raw(source: safe::Source<'_>, raw: RawConfig) -> Result<Self, Vec<Diagnostic>> {
        let path = source.path;
        let mut checks = Checks::new(source, safe::check(source, &raw));
        let base_url = checks.site_url(raw.base_url.as_deref(), "base_url", "base_url", "help");
        let agents_base_url = checks.site_url(
            raw.agents.base_url.as_deref(),
            "agents.base_url",
            "agents",
            "agents",
        );
        if raw.agents.out.trim().is_empty() {
            checks.errors.push(
                Diagnostic::error(path, checks.at("agents"), "`agents.out` is empty")
                    .with_help("name the folder of the agents' site, e.g. `public-agents`"),
            );
        }
        let languages = checks.languages(raw.languages, &raw.default_language);
        let tiers = raw.tiers;
        checks.tiers(&tiers);
        let escalation_tier = checks.tier_named(
            raw.escalation_tier,
            "escalation tier",
            "escalation_tier",
            &tiers,
            tiers.first(),
        );
        let default_tier = checks.tier_named(
            raw.defaults.tier.clone(),
            "default tier",
            "defaults",
            &tiers,
            tiers.iter().find(|t| t.id == "L3").or(tiers.last()),
        );
        checks.defaults(&raw.defaults);
        checks.folder_names(raw.categories.keys(), &raw.theme);
        let content_dir_from = match raw.content_dir {
            Some(_) => ContentDirFrom::Config,
            None => ContentDirFrom::Default,
        };
        let content_dir = checks.content_dir(raw.content_dir.as_deref().unwrap_or(CONTENT_DIR));

        let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
        let search = SearchConfig::from_raw(raw.search, &codes, path, &|value| {
            checks.at_value("search", value)
        })
        .unwrap_or_else(|e| {
            checks.errors.extend(e);
            SearchConfig::default()
        });
        let insights = InsightsConfig::from_raw(raw.insights, path, checks.at("insights"))
            .unwrap_or_else(|e| {
                checks.errors.extend(e);
                InsightsConfig::default()
            });
        let kcs = KcsConfig::from_raw(raw.kcs, path, &|value| checks.at_value("kcs", value))
            .unwrap_or_else(|e| {
                checks.errors.extend(e);
                KcsConfig::default()
            });
        if !checks.errors.is_empty() {
            return Err(checks.errors);
        }
        Ok(Self {
            title: raw.title,
            description: raw.description,
            public_base_url: base_url.clone(),
            base_url,
            theme: raw.theme,
            content_dir,
            content_dir_from,
            mounted: Vec::new(),
            default_language: raw.default_language,
            default_language_from: None,
            page_files_from: None,
            languages,
            escalation_tier,
            tiers,
            defaults: raw.defaults,
            default_tier,
            categories: raw.categories,
            tiers_intro: raw.tiers_intro,
            reply: raw.reply,
            feedback: raw.feedback,
            agents: raw.agents,
            raw_html: raw.raw_html,
            redirects: raw.redirects,
            strict: raw.strict,
            search,
            insights,
            kcs,
            logo: raw.logo,
            favicon: raw.favicon,
            theme_color: raw.theme_color,
            agents_base_url,
        })
    }

    /// The tier with id `id`.
    pub fn tier(&self, id: &str) -> Option<&TierConfig> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// Position of `lang` in the site's languages (default first), for sorting.
    pub fn language_order(&self, lang: &str) -> usize {
        self.languages
            .iter()
            .position(|l| l.code == lang)
            .unwrap_or(usize::MAX)
    }

    /// The tier an author wrote as `written`: its id in any case.
    pub fn tier_written(&self, written: &str) -> Option<&TierConfig> {
        let written = written.trim();
        self.tiers
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(written))
    }

    /// The language an author wrote as `written`: its code in any case.
    pub fn language_written(&self, written: &str) -> Option<&LanguageConfig> {
        let written = written.trim();
        self.languages
            .iter()
            .find(|l| crate::discover::names_language(written, &l.code))
    }

    /// Whether `code` is a published language.
    pub fn has_language(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l.code == code)
    }

    /// `en/red/wifi.md` → (Some(`en`), `red/wifi.md`), and the folder `en`
    /// itself → (Some(`en`), ``), when `en` names a site language in any
    /// case: a top-level folder of the content folder named by a language
    /// holds that language's pages, as Hugo's `contentDir` per language and
    /// mkdocs-static-i18n lay them out, and what is in it stands where it
    /// would stand at the top. Any other content-relative path is (None,
    /// itself).
    pub fn language_folder<'a>(&self, rel: &'a str) -> (Option<&str>, &'a str) {
        let (top, rest) = rel.split_once('/').unwrap_or((rel, ""));
        match self
            .languages
            .iter()
            .find(|l| crate::discover::names_language(top, &l.code))
        {
            Some(language) => (Some(&language.code), rest),
            None => (None, rel),
        }
    }

    /// The path, relative to the site folder, of the file at the
    /// content-relative `rel` (`content/red/wifi.md`; a mounted folder's
    /// file under that folder).
    pub fn source_path(&self, rel: &str) -> PathBuf {
        crate::discover::mounted_path(&self.mounted, rel)
            .unwrap_or_else(|| self.content_dir.join(rel))
    }

    /// The folders the sources are read from, relative to the site folder:
    /// the content folder and those mounted in it.
    pub fn source_folders(&self) -> Vec<&Path> {
        let mounted = self.mounted.iter().map(|m| m.dir.as_path());
        std::iter::once(self.content_dir.as_path())
            .chain(mounted)
            .collect()
    }

    /// Comma-separated tier ids, for help messages.
    pub fn tier_ids(&self) -> String {
        join(self.tiers.iter().map(|t| t.id.as_str()))
    }

    /// Comma-separated language codes, for help messages.
    pub fn language_codes(&self) -> String {
        join(self.languages.iter().map(|l| l.code.as_str()))
    }
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests;

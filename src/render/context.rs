//! What templates see: the values of each page, with every link already
//! written for the page it appears on.
//!
//! This is the contract between tier0 and themes; `docs/theming.md`
//! documents it. Every field is always present (`null` when empty), so
//! templates can test values without tripping over undefined names.

use serde::Serialize;

use super::markdown::TocEntry;

/// A link to a page in another language.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// Language code.
    pub code: String,
    /// Language name.
    pub name: String,
    /// Link to the page (or the home page) in that language.
    pub href: String,
    /// Whether this is the language of the current page.
    pub current: bool,
    /// Whether `href` is this very page in that language (a translation), not its home page.
    pub alternate: bool,
}

/// Values every page has.
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    /// Site name.
    pub title: String,
    /// Site description.
    pub description: String,
    /// Language of the page.
    pub lang: String,
    /// Link to the home page in this language.
    pub home: String,
    /// Prefix from this page to the site root (`../../`, `/help/`).
    pub root: String,
    /// Links to theme files by name (`style.css` → `../static/style.1a2b.css`).
    pub assets: std::collections::BTreeMap<String, String>,
    /// Top sections (categories) of this language, for navigation.
    pub categories: Vec<CategoryLink>,
    /// The sections of this language down to the second level, each before
    /// its subsections, for the search form's filter.
    pub sections: Vec<CategoryLink>,
    /// Tiers of the organisation.
    pub tiers: Vec<TierContext>,
    /// The tier users contact when self-help fails.
    pub escalation: TierContext,
    /// Link to this language's Atom feed.
    pub feed: String,
    /// The folder of the browser search index, relative to this page (`../../search/`).
    pub search: String,
    /// Link to the full search results page of this language.
    pub results: String,
    /// The pages' icon: `favicon` of the config, else the theme's
    /// `static/favicon.svg` (none when the theme has none).
    pub favicon: Option<String>,
    /// Image before the site name in the header (`logo` of the config).
    pub logo: Option<String>,
    /// The browser's colour for the site (`theme_color` of the config, else the theme's green).
    pub theme_color: String,
    /// How the tiers work, in a few words for users (`tiers_intro` of the config).
    pub tiers_intro: String,
    /// Whether this is the agents' build (internal articles and blocks shown).
    pub agents: bool,
    /// Link to the agents' "what changed" page (agents' build only).
    pub changes: Option<String>,
    /// Where "Did this solve your problem?" answers are posted, if anywhere.
    pub feedback_endpoint: Option<String>,
    /// Where insights events are sent (`insights.endpoint`), if anywhere.
    pub insights_endpoint: Option<String>,
    /// Share of article views sent to it.
    pub insights_sample: f64,
    /// The search form: the theme's `partials/search.html` rendered with
    /// `site` and `t`, once per language and folder depth rather than once
    /// per page (empty while it is being rendered).
    pub search_form: String,
}

/// A section (a category at the top) in navigation and lists.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryLink {
    /// Id: its path from the top (`vpn/macos`).
    pub id: String,
    /// Depth: 0 for a top section.
    pub depth: usize,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Link to its page.
    pub href: String,
}

/// A section in lists of sections (the home page's, a section page's
/// subsections), with its first articles.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryOverview {
    /// The section.
    #[serde(flatten)]
    pub category: CategoryLink,
    /// Number of articles in it and below it. (Only here, not in every
    /// page's navigation: a new article then changes no page but those
    /// that list articles.)
    pub count: usize,
    /// Its first articles: its own, then its subsections'.
    pub top: Vec<ArticleSummary>,
    /// Its subsections.
    pub subsections: Vec<CategoryLink>,
}

/// The section of a section page.
#[derive(Debug, Clone, Serialize)]
pub struct SectionContext {
    /// The section, its subsections and count.
    #[serde(flatten)]
    pub overview: CategoryOverview,
    /// The body of its landing page (HTML; trusted, print with `| safe`),
    /// empty without one.
    pub content: String,
    /// Table of contents of that body.
    pub toc: Vec<TocEntry>,
}

/// A link to a page with its title: a step of a breadcrumb trail, the
/// previous or next article.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    /// Title.
    pub title: String,
    /// Link to its page.
    pub href: String,
}

/// How to reach a tier.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ContactContext {
    /// Contact link template filled for this page, if the tier has one.
    pub href: Option<String>,
    /// `href` with `{tried}` left in, for the page's script to fill with
    /// the steps the reader ticked.
    pub href_tried: Option<String>,
    /// The raw template (`…?q={title}`), for scripts that fill it themselves.
    pub template: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// `mailto:` link prefilled for this page.
    pub mailto: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// `tel:` link.
    pub tel: Option<String>,
    /// Opening hours.
    pub hours: Option<String>,
}

/// A tier, in the language of the page.
#[derive(Debug, Clone, Serialize)]
pub struct TierContext {
    /// Id (`L3`).
    pub id: String,
    /// Name.
    pub name: String,
    /// What it does.
    pub description: String,
    /// Link to its page.
    pub href: String,
    /// How to reach it.
    pub contact: ContactContext,
}

/// An article in lists.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Link to it.
    pub href: String,
    /// Tier id.
    pub tier: String,
    /// Tier name.
    pub tier_name: String,
    /// Article type (`troubleshooting`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Type label in the page's language.
    pub type_label: String,
    /// Title of its top section (its category), if any.
    pub category: Option<String>,
    /// Title of the section it is in, if any.
    pub section: Option<String>,
    /// Last update, `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// Whether it is an internal article (only in the agents' build).
    pub internal: bool,
    /// KCS state: `draft`, `not-validated`, `validated` or `archived`.
    pub confidence: &'static str,
    /// `unlisted: true`: the page asks search engines not to index it.
    pub unlisted: bool,
    /// The state's name in the page's language.
    pub confidence_label: String,
}

/// An entry of the agents' "what changed" page.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeEntry {
    /// The article.
    #[serde(flatten)]
    pub article: ArticleSummary,
    /// `new` or `updated`.
    pub change: &'static str,
    /// Author, if given.
    pub author: Option<String>,
    /// Team, if given.
    pub team: Option<String>,
}

/// The article of an article page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleContext {
    /// The summary fields.
    #[serde(flatten)]
    pub summary: ArticleSummary,
    /// Rendered body (HTML; trusted, print with `| safe`).
    pub content: String,
    /// Table of contents.
    pub toc: Vec<TocEntry>,
    /// Ids of the numbered steps.
    pub steps: Vec<String>,
    /// The tier that wrote it.
    pub tier_info: TierContext,
    /// The tier to contact when it did not help, with contact links filled for this article.
    pub escalate_to: TierContext,
    /// Link to the page of the section it is in.
    pub category_href: Option<String>,
    /// The article before it in its section, in the section's order.
    pub previous: Option<PageLink>,
    /// The article after it in its section.
    pub next: Option<PageLink>,
    /// Articles of its section around it (at most
    /// [`crate::link::SECTION_NEIGHBOURS`]),
    /// in order; `current` marks this one.
    pub in_section: Vec<SectionEntry>,
    /// Whether its section has more articles than `in_section` shows. Not
    /// how many: a page that showed the count would change with every
    /// article created or deleted in its section (hundreds of pages to
    /// render again in the dev server); the section's page shows it.
    pub section_has_more: bool,
    /// Related articles, best first: sharing its error codes, tags or
    /// section (at most five).
    pub related: Vec<PageLink>,
    /// Author.
    pub author: Option<String>,
    /// Team.
    pub team: Option<String>,
    /// First published, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Last reviewed, `YYYY-MM-DD`.
    pub reviewed: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Tags with links to their pages (`href` empty for a tag of symbols only).
    pub tag_links: Vec<PageLink>,
    /// Symptoms.
    pub symptoms: Vec<String>,
    /// Error codes.
    pub error_codes: Vec<String>,
    /// Products and versions.
    pub applies_to: Vec<String>,
    /// Whether the body has a section of its own about the symptoms (a
    /// heading that reads as the theme's `symptoms` text): the page then
    /// does not list `symptoms` again.
    pub symptoms_in_body: bool,
    /// What the page says above the text of an article that is not
    /// validated (a draft, not yet validated, archived); none when it is.
    pub confidence_notice: Option<String>,
    /// The same article in other languages.
    pub translations: Vec<LanguageLink>,
    /// Permanent short link (`/kb/KB-1042/`), absolute when the site URL is known.
    pub short_link: String,
    /// The link agents send: the short link, on the public site when the
    /// article is public and that site's URL is known.
    pub send_link: String,
    /// "Copy as reply": a JSON array of the reply's pieces, to be joined by
    /// the absolute form of `send_link` (see `tier0::share`).
    pub reply: String,
}

/// An article in the list of its section's articles on an article page.
#[derive(Debug, Clone, Serialize)]
pub struct SectionEntry {
    /// Title and link.
    #[serde(flatten)]
    pub link: PageLink,
    /// Whether it is the page's own article.
    pub current: bool,
}

/// Values specific to one kind of page.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    /// `home`, `category` (a section page, at any depth), `article`,
    /// `tier`, `changes`, `redirect` or `404`.
    pub kind: &'static str,
    /// Page title (without the site name).
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Canonical absolute URL, when the site URL is known.
    pub canonical: Option<String>,
    /// This page's site path (`red/wifi/`).
    pub path: String,
    /// Links to this page (or that language's home page) in every language.
    pub languages: Vec<LanguageLink>,
    /// The sections above this page, the top one first (empty for pages
    /// outside the section tree). The home page comes before them.
    pub breadcrumbs: Vec<PageLink>,
    /// The page's schema.org data (JSON-LD), safe to print with `| safe`
    /// inside `<script type="application/ld+json">`; `null` for pages
    /// that have none.
    pub json_ld: Option<String>,
    /// Id of the top section (category) the page is in: a section page's
    /// or an article's; `null` elsewhere.
    pub category: Option<String>,
    /// The section tree of the page's language for the side navigation of
    /// section and article pages (empty elsewhere): every top section, and
    /// the subsections of the sections on the page's trail, in document
    /// order (see [`TreeEntry`]).
    pub section_tree: Vec<TreeEntry>,
}

/// A section in the side navigation's tree, flattened in document order:
/// a template opens a nested list after an entry whose `nest` is true and
/// closes `end` lists after an entry that has no children shown.
#[derive(Debug, Clone, Serialize)]
pub struct TreeEntry {
    /// Title and link.
    #[serde(flatten)]
    pub link: PageLink,
    /// Depth: 0 for a top section.
    pub depth: usize,
    /// `page` for the page's own section, `true` for a section above the
    /// page, `null` for others (the value of `aria-current`).
    pub current: Option<&'static str>,
    /// Whether the next entries, until the list closes, are its subsections.
    pub nest: bool,
    /// How many nested lists end after this entry.
    pub end: usize,
}

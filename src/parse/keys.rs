//! Front matter key names: tier0's own, the names other tools give the
//! same fields (Hugo, Zola, Jekyll, MkDocs, Docusaurus, VitePress,
//! Starlight), and
//! the other tools' keys that only steer their own layout, which are read
//! quietly and ignored. Names are compared without case, `-` as `_`.

use crate::matter::Want;

/// tier0's own front matter keys, for "did you mean".
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "id",
    "title",
    "description",
    "tier",
    "escalate_to",
    "type",
    "lang",
    "category",
    "slug",
    "tags",
    "symptoms",
    "error_codes",
    "applies_to",
    "date",
    "updated",
    "reviewed",
    "review_every",
    "aliases",
    "draft",
    "unlisted",
    "search",
    "confidence",
    "audience",
    "weight",
    "author",
    "team",
];

/// What a key feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Id,
    Title,
    Description,
    /// Hugo's `summary`, Jekyll's `excerpt`, the `lead` of Hugo themes
    /// (Doks, Hyas): the description when there is none.
    Summary,
    Tier,
    EscalateTo,
    Type,
    Lang,
    Category,
    Slug,
    /// A page's full URL in another tool (Hugo `url`, Zola `path`, Jekyll
    /// `permalink`): kept as an alias, so that old links reach the page.
    Url,
    Tags,
    /// Zola's `taxonomies` map of lists: every term is a tag.
    Taxonomies,
    Symptoms,
    ErrorCodes,
    AppliesTo,
    Date,
    /// Hugo's `publishDate`: the date when there is none.
    PublishDate,
    Updated,
    Reviewed,
    ReviewEvery,
    /// Hugo's `expiryDate`: not supported, said so.
    Expiry,
    Aliases,
    Draft,
    /// Jekyll's `published: false`, the opposite of a draft.
    Published,
    /// Hugo's `headless: true` and `build: {render: never}`, Zola's
    /// `render = false`: a page its tool does not publish is a draft.
    Unrendered,
    /// Docusaurus's `unlisted: true`: published, reachable by its URL,
    /// listed nowhere.
    Unlisted,
    /// Kept out of search, listed all the same: `search: false`
    /// (VitePress's), MkDocs Material's `search: {exclude: true}`,
    /// Starlight's `pagefind: false`, Zola's `in_search_index = false`,
    /// Sphinx's `nosearch`.
    Unsearched,
    /// KCS confidence: `draft`, `not-validated`, `validated`, `archived`.
    Confidence,
    Audience,
    /// `internal: true`, as authors write it for `audience: internal`:
    /// read as that rather than ignored, which published the article.
    Internal,
    Weight,
    /// Docusaurus's `sidebar_position`, Just the Docs' `nav_order`: a place
    /// among the siblings, which come after those with one.
    Position,
    /// `sidebar`: Starlight's map (`order` a [`Field::Position`], `hidden`
    /// [`Field::Unlisted`]), or VitePress's `sidebar: false`, ignored.
    Sidebar,
    Author,
    Team,
    /// Hugo's `cascade`, front matter for the pages below: not read, but
    /// what in it would take them off the site is said (never published
    /// by silence).
    Cascade,
    /// Hugo's `translationKey`: the translations that share it are one
    /// article's, whatever their paths; the id of one that writes none.
    TranslationKey,
    /// Another tool's layout or navigation setting, with no meaning here.
    Ignored,
}

/// Key names (lowercase, `_` for `-`) and what they feed.
const KEYS: &[(&str, Field)] = &[
    ("id", Field::Id),
    ("translationkey", Field::TranslationKey),
    ("title", Field::Title),
    ("description", Field::Description),
    ("summary", Field::Summary),
    ("excerpt", Field::Summary),
    ("lead", Field::Summary),
    // GraphCommerce's docs (Next.js): the page's description for search engines.
    ("metadescription", Field::Summary),
    ("tier", Field::Tier),
    ("escalate_to", Field::EscalateTo),
    ("type", Field::Type),
    ("lang", Field::Lang),
    ("category", Field::Category),
    ("slug", Field::Slug),
    ("url", Field::Url),
    ("path", Field::Url),
    ("permalink", Field::Url),
    ("tags", Field::Tags),
    // VuePress (theme Hope)
    ("tag", Field::Tags),
    ("keywords", Field::Tags),
    ("categories", Field::Tags),
    ("taxonomies", Field::Taxonomies),
    ("symptoms", Field::Symptoms),
    ("error_codes", Field::ErrorCodes),
    ("applies_to", Field::AppliesTo),
    ("date", Field::Date),
    // Nuxt Content's, Contentlayer's and Intlayer's `createdAt`, `updatedAt`
    ("createdat", Field::Date),
    ("created_at", Field::Date),
    ("publishdate", Field::PublishDate),
    ("pubdate", Field::PublishDate),
    ("updated", Field::Updated),
    ("lastmod", Field::Updated),
    ("last_modified", Field::Updated),
    ("modified", Field::Updated),
    ("last_update", Field::Updated),
    ("updatedat", Field::Updated),
    ("updated_at", Field::Updated),
    ("reviewed", Field::Reviewed),
    ("review_every", Field::ReviewEvery),
    ("expirydate", Field::Expiry),
    ("unpublishdate", Field::Expiry),
    ("aliases", Field::Aliases),
    ("redirect_from", Field::Aliases),
    ("draft", Field::Draft),
    ("published", Field::Published),
    // Obsidian Publish's and Quartz's `publish: false`: left unread, it
    // published the note its author kept off the site.
    ("publish", Field::Published),
    ("headless", Field::Unrendered),
    ("build", Field::Unrendered),
    ("_build", Field::Unrendered),
    ("render", Field::Unrendered),
    ("unlisted", Field::Unlisted),
    // GitBook: left out of the table of contents, reachable by its URL.
    ("hidden", Field::Unlisted),
    ("search", Field::Unsearched),
    ("pagefind", Field::Unsearched),
    ("in_search_index", Field::Unsearched),
    ("nosearch", Field::Unsearched),
    ("confidence", Field::Confidence),
    ("audience", Field::Audience),
    ("internal", Field::Internal),
    ("weight", Field::Weight),
    ("sidebar_position", Field::Position),
    ("nav_order", Field::Position),
    // VuePress's place in the sidebar
    ("order", Field::Position),
    ("sidebar", Field::Sidebar),
    ("author", Field::Author),
    ("authors", Field::Author),
    ("team", Field::Team),
    ("cascade", Field::Cascade),
];

/// Other tools' keys that only steer their own layout, navigation, search
/// or build: read without a warning and ignored (listed in
/// docs/authoring.md).
pub(super) const IGNORED_KEYS: &[&str] = &[
    // tier0 import zendesk: what the file was made from, read by the import.
    "zendesk",
    // GraphCommerce's title and address for search engines: the page
    // has its own.
    "metatitle",
    "metaurl",
    // VuePress's blog template: posts listed on its archive page.
    "archive",
    // Hugo
    "linktitle",
    "params",
    "menu",
    "menus",
    "layout",
    "outputs",
    "iscjklanguage",
    "markup",
    "resources",
    "sitemap",
    "toc",
    "images",
    "series",
    // Doks (a Hugo theme): a blog post kept first, a contributor's site
    "pinned",
    "homepage",
    // Zola
    "extra",
    "template",
    "page_template",
    "insert_anchor_links",
    "sort_by",
    "paginate_by",
    "paginate_path",
    "paginate_reversed",
    "redirect_to",
    "transparent",
    "generate_feeds",
    "generate_feed",
    // Docusaurus
    "sidebar_label",
    "sidebar_class_name",
    "sidebar_custom_props",
    "displayed_sidebar",
    "hide_title",
    "hide_table_of_contents",
    "toc_min_heading_level",
    "toc_max_heading_level",
    "pagination_label",
    "pagination_next",
    "pagination_prev",
    "parse_number_prefixes",
    "custom_edit_url",
    "image",
    "format",
    // Mintlify: the sidebar's label and icon's style, the page's width,
    // the API operation it documents, kept from search engines
    "sidebartitle",
    "icontype",
    "mode",
    "openapi",
    "api",
    "noindex",
    // MkDocs (Material)
    "hide",
    "icon",
    "status",
    "social",
    "subtitle",
    "links",
    "readtime",
    // VitePress
    "outline",
    "navbar",
    "aside",
    "footer",
    "pageclass",
    "editlink",
    "lastupdated",
    "prev",
    "next",
    "head",
    "hero",
    "features",
    "titletemplate",
    // VuePress's home page (its hero, actions and feature lists), and
    // theme Hope's page, blog and portfolio settings
    "home",
    "herotext",
    "heroimage",
    "heroimagedark",
    "heroalt",
    "herofullscreen",
    "bgimage",
    "bgimagedark",
    "bgimagestyle",
    "tagline",
    "actions",
    "highlights",
    "projects",
    "star",
    "sticky",
    "index",
    "dir",
    "breadcrumb",
    "breadcrumbicon",
    "pageinfo",
    "contributors",
    "comment",
    "backtotop",
    "copyright",
    "article",
    "timeline",
    "shorttitle",
    "portfolio",
    "welcome",
    "titles",
    "avatar",
    // Astro Starlight (`sidebar` is read: see `Field::Sidebar`)
    "tableofcontents",
    "banner",
    "editurl",
    // Jekyll (and Just the Docs)
    "excerpt_separator",
    "parent",
    "grand_parent",
    "has_children",
    "nav_exclude",
    // Sphinx's file-wide metadata, Furo's and MyST's keys (pip's docs)
    "orphan",
    "tocdepth",
    "nocomments",
    "hide_toc",
    "html_meta",
    "myst",
    "substitutions",
    // ABlog (Sphinx's blog): the page is a post, where it was written, the
    // post it stands for elsewhere
    "blogpost",
    "location",
    "external_link",
    // GitBook (`layout` and `icon` are above): a page's cover image and
    // its offset, its variables
    "cover",
    "covery",
    "vars",
    // mystmd's (Jupyter Book 2's) page frontmatter: the navigation's short
    // title, the kicker above the title, the notebook's kernel and its
    // Jupytext pairing, the exports (PDF, Word) a page asks for
    "short_title",
    "subject",
    "kernelspec",
    "jupytext",
    "exports",
    "downloads",
    "numbering",
];

/// A key name as looked up: lowercase, with `_` for `-`.
pub(super) fn normalise(key: &str) -> String {
    key.trim().to_ascii_lowercase().replace('-', "_")
}

pub(super) fn field(key: &str) -> Option<Field> {
    let key = normalise(key);
    KEYS.iter()
        .find(|(name, _)| *name == key)
        .map(|(_, f)| *f)
        .or_else(|| {
            IGNORED_KEYS
                .contains(&key.as_str())
                .then_some(Field::Ignored)
        })
}

/// How the value of `key` is wanted from the front matter.
pub(super) fn want(key: &str) -> Want {
    match field(key) {
        None | Some(Field::Ignored | Field::Expiry) => Want::Skip,
        Some(
            Field::Draft
            | Field::Published
            | Field::Unrendered
            | Field::Unlisted
            | Field::Unsearched
            | Field::Internal
            | Field::Weight
            | Field::Position
            | Field::Sidebar
            | Field::ReviewEvery
            | Field::Cascade,
        ) => Want::Value,
        Some(_) => Want::Text,
    }
}

/// Fields that hold one value: a second key for them is ignored.
pub(super) fn is_scalar_field(field: Field) -> bool {
    !matches!(
        field,
        Field::Tags
            | Field::Taxonomies
            | Field::Url
            | Field::Aliases
            | Field::Draft
            | Field::Published
            | Field::Unrendered
            | Field::Unsearched
            | Field::Sidebar
    )
}

/// The tier0 key a field's span is kept under.
pub(super) fn tier0_key(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::Id => "id",
        Field::Title => "title",
        Field::Description | Field::Summary => "description",
        Field::Tier => "tier",
        Field::EscalateTo => "escalate_to",
        Field::Type => "type",
        Field::Lang => "lang",
        Field::Category => "category",
        Field::Slug => "slug",
        Field::Url | Field::Aliases => "aliases",
        Field::Tags | Field::Taxonomies => "tags",
        Field::Symptoms => "symptoms",
        Field::ErrorCodes => "error_codes",
        Field::AppliesTo => "applies_to",
        Field::Date | Field::PublishDate => "date",
        Field::Updated => "updated",
        Field::Reviewed => "reviewed",
        Field::ReviewEvery => "review_every",
        Field::Draft | Field::Published | Field::Unrendered => "draft",
        Field::Unlisted => "unlisted",
        Field::Unsearched => "search",
        Field::Confidence => "confidence",
        Field::Audience => "audience",
        Field::Weight | Field::Position => "weight",
        Field::Author => "author",
        Field::Team => "team",
        Field::Expiry
        | Field::Internal
        | Field::Cascade
        | Field::Sidebar
        | Field::TranslationKey
        | Field::Ignored => return None,
    })
}

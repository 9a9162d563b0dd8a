//! How links are written, depending on where the site is served from.
//!
//! Every page lives in a folder (`red/wifi/` → `red/wifi/index.html`). A
//! *site path* names that folder relative to the site root, with a trailing
//! `/` (`""` is the home page). With no `base_url`, links are relative and
//! name `index.html` explicitly, so the site works from `file://`; with a
//! path or full URL, links are root-relative and pretty.
//!
//! Links tier0 does not make itself, from the config (contact links, the
//! feedback endpoint, base URLs), pass one allow-list of schemes,
//! [`ALLOWED_SCHEMES`], read the way browsers read them ([`scheme`]): a
//! `javascript:`, `data:` or `vbscript:` link would run script in the
//! reader's page, a `file:` or `blob:` one open what the site never
//! published. Links from front matter are ids, slugs, categories and
//! aliases, whose characters leave no room for a scheme.

use std::fmt;

/// Where the site will be served from, which decides how links are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseUrl {
    /// No base: every link is relative, so the site also works from `file://`.
    Relative,
    /// A path on the host, with leading and trailing `/` (e.g. `/help/`).
    Path(String),
    /// A full URL ending in `/` (e.g. `https://help.example.com/kb/`).
    Absolute(String),
}

impl BaseUrl {
    /// Parses the `base_url` value; `None` when it is neither a path nor an http(s) URL.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if value.is_empty() {
            return Some(Self::Relative);
        }
        let with_slash = if value.ends_with('/') {
            value.to_owned()
        } else {
            format!("{value}/")
        };
        if value.starts_with('/') && !value.starts_with("//") {
            Some(Self::Path(with_slash))
        } else if let Some(rest) = value
            .strip_prefix("https://")
            .or_else(|| value.strip_prefix("http://"))
        {
            // A host a browser can reach, and nothing after the path that
            // the pages' own paths would be appended to (`?x`, `#x`).
            let whole = url::Url::parse(value)
                .is_ok_and(|u| u.host().is_some() && u.query().is_none() && u.fragment().is_none());
            (whole && !rest.is_empty() && !rest.starts_with('/'))
                .then_some(Self::Absolute(with_slash))
        } else {
            None
        }
    }

    /// The value as `base_url` would write it (empty for relative links).
    pub fn as_written(&self) -> String {
        match self {
            Self::Relative => String::new(),
            Self::Path(s) | Self::Absolute(s) => s.clone(),
        }
    }

    /// The full URL of the site root, when one is known.
    pub fn absolute(&self) -> Option<&str> {
        match self {
            Self::Absolute(url) => Some(url),
            _ => None,
        }
    }
}

/// The schemes a link from the config may have; a link without one is relative.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// What a browser makes of the start of a link.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Start {
    /// A scheme, lowercased (`javascript`).
    Scheme(String),
    /// No scheme: a relative link.
    Relative,
    /// The text so far could still become a scheme (`java`, or nothing).
    Open,
}

/// Reads the scheme at the start of `text` as the WHATWG URL parser does:
/// leading C0 controls and spaces skipped, tabs and line breaks anywhere
/// ignored, case ignored; a scheme is a letter, then letters, digits, `+`,
/// `-` or `.`, then `:`.
fn start(text: &str) -> Start {
    let mut chars = text
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let mut scheme = String::new();
    for c in chars.by_ref() {
        match c {
            ':' if !scheme.is_empty() => return Start::Scheme(scheme),
            c if c.is_ascii_alphabetic() => scheme.push(c.to_ascii_lowercase()),
            c if !scheme.is_empty() && (c.is_ascii_digit() || matches!(c, '+' | '-' | '.')) => {
                scheme.push(c);
            }
            _ => return Start::Relative,
        }
    }
    Start::Open
}

/// The scheme of `url`, lowercased; `None` for a relative link.
pub fn scheme(url: &str) -> Option<String> {
    match start(url) {
        Start::Scheme(scheme) => Some(scheme),
        Start::Relative | Start::Open => None,
    }
}

/// Why a link from the config is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsafeLink {
    /// Its scheme is not in [`ALLOWED_SCHEMES`].
    Scheme(String),
    /// A placeholder stands where the scheme is read, so the page's values
    /// would decide it.
    PlaceholderScheme,
}

impl fmt::Display for UnsafeLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Scheme(scheme) => write!(
                f,
                "its scheme `{scheme}:` is not one tier0 links to (only http, https, mailto and tel, or a relative link)"
            ),
            Self::PlaceholderScheme => f.write_str("a placeholder stands where its scheme is read"),
        }
    }
}

/// Checks `url` against [`ALLOWED_SCHEMES`].
pub fn check_link(url: &str) -> Result<(), UnsafeLink> {
    match scheme(url) {
        Some(scheme) if !ALLOWED_SCHEMES.contains(&scheme.as_str()) => {
            Err(UnsafeLink::Scheme(scheme))
        }
        _ => Ok(()),
    }
}

/// Checks a link template whose placeholders start with `{`: the text
/// before the first placeholder must settle the scheme, since the values
/// filled in (an article's title, the steps a reader ticked) are not
/// known here.
pub fn check_link_template(template: &str) -> Result<(), UnsafeLink> {
    let Some(at) = template.find('{') else {
        return check_link(template);
    };
    match start(&template[..at]) {
        Start::Scheme(scheme) if !ALLOWED_SCHEMES.contains(&scheme.as_str()) => {
            Err(UnsafeLink::Scheme(scheme))
        }
        Start::Open => Err(UnsafeLink::PlaceholderScheme),
        Start::Scheme(_) | Start::Relative => Ok(()),
    }
}

/// Writes links between site paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urls {
    base: BaseUrl,
}

impl Urls {
    /// Links for a site served at `base`.
    pub fn new(base: BaseUrl) -> Self {
        Self { base }
    }

    /// The prefix that leads from a page in folder `from` to the site root.
    pub fn root(&self, from: &str) -> String {
        match &self.base {
            BaseUrl::Relative => "../".repeat(from.matches('/').count()),
            BaseUrl::Path(path) => path.clone(),
            BaseUrl::Absolute(url) => url_path(url).to_owned(),
        }
    }

    /// The path the site is served at (`/`, `/help/`): the root-relative
    /// prefix of its links, and `/` for a site of relative links, which a
    /// host serves at its root.
    pub fn root_path(&self) -> String {
        match self.base {
            BaseUrl::Relative => "/".to_owned(),
            _ => self.root(""),
        }
    }

    /// The part of a link after [`Urls::root`] for the page or file at `to`.
    pub fn tail(&self, to: &str) -> String {
        match self.base {
            BaseUrl::Relative if to.is_empty() || to.ends_with('/') => format!("{to}index.html"),
            _ => to.to_owned(),
        }
    }

    /// A link from the page in folder `from` to the site path `to`.
    pub fn href(&self, from: &str, to: &str) -> String {
        format!("{}{}", self.root(from), self.tail(to))
    }

    /// The absolute URL of `to`, when the site's full URL is known.
    pub fn absolute(&self, to: &str) -> Option<String> {
        self.base.absolute().map(|base| format!("{base}{to}"))
    }

    /// The absolute URL when known, else the root-relative or relative link from `from`.
    pub fn best(&self, from: &str, to: &str) -> String {
        self.absolute(to).unwrap_or_else(|| self.href(from, to))
    }
}

/// The site path `path` (a file's, as it is named on disk) as it stands
/// in a URL: the characters a file name may hold that a URL reads
/// otherwise percent-encoded, so that `a?b.png` is no file `a` with a
/// query, `x#y.png` no `x` at an anchor, and `100%.png` no escape.
pub fn in_url(path: &str) -> std::borrow::Cow<'_, str> {
    if !path.contains(['%', '?', '#']) {
        return path.into();
    }
    path.replace('%', "%25")
        .replace('?', "%3F")
        .replace('#', "%23")
        .into()
}

/// `https://h.example/kb/` → `/kb/`.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

/// `/old/wifi` → `old/wifi/`, `old/wifi/index.html` → `old/wifi/`; a page
/// that was a file keeps its name (`/2010/wifi.html`, as Hugo writes such
/// an alias: a folder `wifi.html/` is not served at that address); `None`
/// when the alias would leave the site.
pub fn normalise_alias(alias: &str) -> Option<String> {
    let trimmed = alias.trim().trim_start_matches('/');
    let trimmed = match trimmed.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => trimmed,
    };
    let mut parts = Vec::new();
    // Segments are trimmed, and a segment ending in a dot (`..`, `.. `,
    // `a.`) is refused: some file systems drop trailing spaces and dots,
    // which would turn `.. ` into `..`.
    for part in trimmed.split('/').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = part.ends_with('.')
            || part.chars().any(|c| {
                c.is_control()
                    || matches!(
                        c,
                        '\\' | '?' | '#' | '%' | ':' | '"' | '<' | '>' | '|' | '*'
                    )
            });
        if bad {
            return None;
        }
        parts.push(part);
    }
    let last = parts.last()?;
    let file = last.len() > ".html".len() && last.ends_with(".html") && *last != "index.html";
    Some(format!(
        "{}{}",
        parts.join("/"),
        if file { "" } else { "/" }
    ))
}

/// Whether the link `dest`, as written in a page, starts with a scheme
/// (`mailto:`, `https:`): text before a `:` made of ASCII letters, digits,
/// `+`, `-` and `.`.
pub fn has_scheme(dest: &str) -> bool {
    match dest.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
        }
        None => false,
    }
}

/// Whether the link `dest` names no file of a site: it leads to another
/// site, or to a place in the page it is written in.
pub fn names_no_file(dest: &str) -> bool {
    dest.is_empty() || dest.starts_with('#') || dest.contains("://") || has_scheme(dest)
}

/// The content file that `dest`, written in a file of the content folder
/// `dir`, names, if it names one: a relative path, or one from the content
/// folder's root.
pub fn content_file_from(dir: &str, dest: &str) -> Option<String> {
    if names_no_file(dest) {
        return None;
    }
    let target = dest.split(['#', '?']).next()?;
    let decoded = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
    match decoded.strip_prefix('/') {
        Some(from_root) => crate::landing::join_relative("", from_root),
        None => crate::landing::join_relative(dir, &decoded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_forms() {
        assert_eq!(
            BaseUrl::parse("/help"),
            Some(BaseUrl::Path("/help/".into()))
        );
        assert_eq!(
            BaseUrl::parse("https://h.example"),
            Some(BaseUrl::Absolute("https://h.example/".into()))
        );
        assert_eq!(BaseUrl::parse(""), Some(BaseUrl::Relative));
        assert_eq!(BaseUrl::parse("help"), None);
        assert_eq!(BaseUrl::parse("//h.example/"), None);
        assert_eq!(BaseUrl::parse("https:///x"), None);
        for broken in [
            "https://[::1",
            "https://h:99999/",
            "https://h/?lang=es",
            "https://h/#x",
            "https://a b/",
        ] {
            assert_eq!(BaseUrl::parse(broken), None, "{broken}");
        }
        for written in ["", "/help/", "https://h.example/kb/"] {
            assert_eq!(BaseUrl::parse(written).unwrap().as_written(), written);
        }
    }

    #[test]
    fn schemes_are_read_as_browsers_read_them() {
        for (url, expected) in [
            ("https://h.example/", Some("https")),
            ("HTTPS://h.example/", Some("https")),
            (" JavaScript:alert(1)", Some("javascript")),
            ("java\tscript:alert(1)", Some("javascript")),
            ("java\nscript:alert(1)", Some("javascript")),
            ("\u{1}\u{1f} vbscript:x", Some("vbscript")),
            ("jav\r\nascript:x", Some("javascript")),
            ("data:text/html,<script>", Some("data")),
            ("x-custom+1.0:y", Some("x-custom+1.0")),
            ("mailto:a@b.example", Some("mailto")),
            ("/kb/a:b", None),
            ("./javascript:x", None),
            ("?q=javascript:x", None),
            ("#javascript:x", None),
            ("1javascript:x", None),
            ("java script:x", None),
            ("javascript", None),
            (":x", None),
            ("", None),
        ] {
            assert_eq!(scheme(url).as_deref(), expected, "{url:?}");
        }
    }

    #[test]
    fn only_allowed_schemes_and_relative_links_pass() {
        for ok in [
            "https://s.example/",
            "Http://s.example/",
            "mailto:help@s.example",
            "tel:+34900",
            "/api/feedback",
            "contact/",
            "//s.example/x",
        ] {
            assert_eq!(check_link(ok), Ok(()), "{ok}");
        }
        for (bad, scheme) in [
            ("javascript:alert(1)", "javascript"),
            (" \tJaVaScRiPt:alert(1)", "javascript"),
            ("java\tscript:alert(1)", "javascript"),
            ("data:text/html;base64,PHNjcmlwdD4=", "data"),
            ("vbscript:msgbox", "vbscript"),
            ("file:///etc/passwd", "file"),
            ("blob:https://s.example/1", "blob"),
        ] {
            assert_eq!(
                check_link(bad),
                Err(UnsafeLink::Scheme(scheme.into())),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn templates_settle_their_scheme_before_any_placeholder() {
        for ok in [
            "https://s.example/new?a={id}&t={title}",
            "mailto:help@s.example?subject={title}",
            "/contact?a={id}",
            "?a={id}",
            "./help-{lang}/",
        ] {
            assert_eq!(check_link_template(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            check_link_template("javascript:alert('{title}')"),
            Err(UnsafeLink::Scheme("javascript".into()))
        );
        for open in [
            "{title}:alert(1)",
            "java{id}script:x",
            "m{id}ilto:x",
            " {url}",
            "help-{lang}/",
        ] {
            assert_eq!(
                check_link_template(open),
                Err(UnsafeLink::PlaceholderScheme),
                "{open}"
            );
        }
    }

    #[test]
    fn relative_links_name_index_html() {
        let urls = Urls::new(BaseUrl::Relative);
        assert_eq!(urls.href("red/wifi/", "vpn/"), "../../vpn/index.html");
        assert_eq!(urls.href("", "red/wifi/"), "red/wifi/index.html");
        assert_eq!(urls.href("red/wifi/", ""), "../../index.html");
        assert_eq!(urls.href("en/", "static/a.css"), "../static/a.css");
        assert_eq!(urls.absolute("x/"), None);
    }

    #[test]
    fn subpath_and_absolute_links_are_root_relative() {
        let urls = Urls::new(BaseUrl::Path("/help/".into()));
        assert_eq!(urls.href("red/wifi/", "vpn/"), "/help/vpn/");
        let urls = Urls::new(BaseUrl::Absolute("https://h.example/kb/".into()));
        assert_eq!(urls.href("red/", ""), "/kb/");
        assert_eq!(
            urls.absolute("red/"),
            Some("https://h.example/kb/red/".into())
        );
        let urls = Urls::new(BaseUrl::Absolute("https://h.example/".into()));
        assert_eq!(urls.href("a/", "b/"), "/b/");
    }

    #[test]
    fn aliases_stay_inside_the_site() {
        assert_eq!(normalise_alias("/old/wifi"), Some("old/wifi/".into()));
        assert_eq!(
            normalise_alias("old/wifi/index.html"),
            Some("old/wifi/".into())
        );
        assert_eq!(
            normalise_alias("/2010/wifi.html").as_deref(),
            Some("2010/wifi.html")
        );
        assert_eq!(
            normalise_alias("old/myindex.html").as_deref(),
            Some("old/myindex.html")
        );
        assert_eq!(normalise_alias("old/.html/").as_deref(), Some("old/.html/"));
        assert_eq!(normalise_alias("/a/../../b/"), None);
        assert_eq!(normalise_alias("/"), None);
        assert_eq!(normalise_alias("a\\b"), None);
        assert_eq!(normalise_alias("a?b"), None);
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn normalised_aliases_never_leave_the_site(
            alias in prop_oneof![
                any::<String>(),
                prop::collection::vec(
                    prop_oneof![
                        Just(".."), Just("."), Just("/"), Just("\\"), Just("a"),
                        Just("%2e%2e"), Just("index.html"), Just(".html"), Just(" "), Just("\u{0}"),
                    ],
                    0..10,
                )
                .prop_map(|parts| parts.concat()),
            ]
        ) {
            if let Some(path) = normalise_alias(&alias) {
                prop_assert!(!path.starts_with('/'), "{path:?}");
                prop_assert!(path.ends_with('/') || path.ends_with(".html"), "{path:?}");
                for segment in path.trim_end_matches('/').split('/') {
                    prop_assert!(!segment.is_empty() && segment != "." && segment != "..", "{path:?}");
                    prop_assert!(!segment.contains(['\\', '%', '?', '#']), "{path:?}");
                    prop_assert!(!segment.chars().any(char::is_control), "{path:?}");
                }
                prop_assert_eq!(normalise_alias(&path), Some(path.clone()));
            }
        }
    }

    /// Found by the property above when it also asked for idempotence:
    /// segments kept the spaces around them (`/ a` → ` a/`, and ` a/` →
    /// `a/`). On Windows, which drops trailing spaces and dots from file
    /// names, `/.. /.. /x` would have been written two folders above the output.
    #[test]
    fn alias_segments_have_no_surrounding_spaces_or_trailing_dots() {
        for alias in ["/ a", "/.. /.. /x", "/a. /b", "/.../"] {
            if let Some(path) = normalise_alias(alias) {
                for segment in path.trim_end_matches('/').split('/') {
                    assert_eq!(segment, segment.trim(), "{alias:?} → {path:?}");
                    assert!(!segment.ends_with('.'), "{alias:?} → {path:?}");
                }
                assert_eq!(normalise_alias(&path), Some(path.clone()), "{alias:?}");
            }
        }
    }
}

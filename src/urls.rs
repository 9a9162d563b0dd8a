//! How links are written, depending on where the site is served from.
//!
//! Every page lives in a folder (`red/wifi/` → `red/wifi/index.html`). A
//! *site path* names that folder relative to the site root, with a trailing
//! `/` (`""` is the home page). With no `base_url`, links are relative and
//! name `index.html` explicitly, so the site works from `file://`; with a
//! path or full URL, links are root-relative and pretty.

use crate::config::BaseUrl;

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

/// `https://h.example/kb/` → `/kb/`.
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

//! Links from the site root (`/docs/install/`, `/img/logo.png`), from a
//! Docusaurus project's folder (`@site/static/img/logo.png`), relative
//! ones that leave the content folder for a folder mounted in it
//! (`../../assets/houston.webp`), and full addresses of the site itself:
//! where each leads, and whether it names an article this build leaves
//! out.

use std::path::Path;

use super::{Found, LinkTarget, decode, withheld_target};
use crate::config::Config;
use crate::landing::{join_relative, split_dir};
use crate::link::{SiteModel, Withheld};
use crate::urls::BaseUrl;

/// The folder of the content folder that VitePress serves at the site's
/// root (`docs/public/logo.png` is `/logo.png`): a site-root path that
/// names nothing else is looked for there.
const VITEPRESS_PUBLIC: &str = "public";

/// The content-relative paths that `decoded`, a path from the site root
/// (`img/logo.png`), may name, in the order they are tried: from the
/// content folder, in the project's static files (`site-static/`, which
/// Docusaurus, Hugo, Zola and Astro serve at the site's root) and assets
/// (`site-assets/`, among which Hugo looks an image up), without its first
/// folder (a site published under `/docs/`), then in VitePress's
/// `public/`.
fn site_root_tails(decoded: &str) -> Vec<String> {
    let under = |folder: &str| format!("{folder}/{decoded}");
    let without_first = decoded.split_once('/').map(|(_, rest)| rest.to_owned());
    [
        decoded.to_owned(),
        under(crate::discover::STATIC_FILES),
        under(crate::discover::ASSETS_AT),
    ]
    .into_iter()
    .chain(without_first)
    .chain([under(VITEPRESS_PUBLIC)])
    .collect()
}

/// A relative path as written, without the `./` and `../` it starts with
/// (`../img/x.png` is `img/x.png`): what is looked for from the content
/// folder's top, and among the project's assets, when it names no file
/// from the page's folder.
pub(super) fn as_written(decoded: &str) -> &str {
    decoded.trim_start_matches("./").trim_start_matches("../")
}

/// Where the path `written` ([`as_written`]) stands among the project's
/// assets (`site-assets/`), where Hugo looks a page's image up as a global
/// resource when the page has none of that name.
pub(super) fn global_resource(written: &str) -> String {
    format!("{}/{written}", crate::discover::ASSETS_AT)
}

/// The content-relative path that `decoded`, a relative path written in a
/// file of the content folder `dir` that leads out of it, names when it
/// leads into a folder mounted in it (`../../assets/houston.webp` from
/// Starlight's pages into Astro's `src/assets/`).
fn mounted_from(config: &Config, dir: &str, decoded: &str) -> Option<String> {
    let folder = config.source_path(dir);
    let folder = folder.to_str()?.replace('\\', "/");
    let path = join_relative(&folder, decoded)?;
    crate::discover::content_relative(&config.content_dir, &config.mounted, Path::new(&path))
}

/// The file of `assets` (content-relative paths, in order) that `dest`,
/// written in a file of the content folder `dir`, names, as a page's link
/// to it is resolved: beside the page, from the content folder, then
/// among the project's assets (Hugo's global resources); from
/// the site root, as [`site_root_tails`] tries it; out of the content
/// folder, into a folder mounted in it. Else the content file it names as
/// written ([`crate::urls::content_file_from`]).
pub(in crate::link) fn asset_named(
    config: &Config,
    assets: &[String],
    dir: &str,
    dest: &str,
) -> Option<String> {
    let written = crate::urls::content_file_from(dir, dest);
    if crate::urls::names_no_file(dest) {
        return written;
    }
    let target = dest.split(['#', '?']).next().unwrap_or(dest);
    let decoded = decode(target);
    let candidates = match decoded.strip_prefix('/') {
        Some(from_root) => site_root_tails(from_root),
        None => match join_relative(dir, &decoded) {
            Some(joined) => {
                let written = as_written(&decoded);
                vec![joined, written.to_owned(), global_resource(written)]
            }
            None => mounted_from(config, dir, &decoded).into_iter().collect(),
        },
    };
    let is_asset = |rel: &&String| assets.binary_search(rel).is_ok();
    candidates.iter().find(is_asset).cloned().or(written)
}

impl SiteModel {
    /// Where `target` (`/{from_root}`, its fragment `anchor` apart), a
    /// path from the site root written in a page in `lang`, leads: tried
    /// from the content folder, in the project's static files and assets,
    /// without its first folder, then in VitePress's `public/`.
    pub(super) fn site_root_path(
        &self,
        target: &str,
        from_root: &str,
        lang: &str,
        anchor: Option<String>,
    ) -> LinkTarget {
        let decoded = decode(from_root);
        if decoded.trim_matches('/').is_empty() && !target.starts_with("//") {
            let path = crate::link::language_prefix(&self.config, lang);
            return LinkTarget::Page { path, anchor };
        }
        let mut left_out = None;
        for tail in site_root_tails(&decoded) {
            let tail = tail.as_str();
            match self.lookup(tail, lang, anchor.clone(), true) {
                Found::Target(t) => return t,
                Found::Missing(t @ (LinkTarget::Withheld(_) | LinkTarget::Unpublished(_))) => {
                    left_out.get_or_insert(t);
                }
                _ => {
                    if let Some(why) = self.withheld_at(tail) {
                        left_out.get_or_insert(withheld_target(why, target));
                    }
                }
            }
            // The address of a page left out is that page's: no later,
            // looser reading (without its first folder, `/plan/` the home
            // page) stands for it.
            if left_out.is_some() {
                break;
            }
        }
        // The address of an article this build leaves out, written
        // whole (`/red/plan/`, `/kb/KB-2/`, an alias), names it as its
        // source path does.
        left_out.unwrap_or(LinkTarget::External)
    }

    /// Where `decoded`, a relative path written in the content file `rel`
    /// in `lang` that leads out of the content folder, leads when it is
    /// into a folder mounted in it (Astro's `src/assets/`, beside a
    /// Starlight project's pages); `None` when it names nothing there.
    pub(super) fn outside_content(
        &self,
        rel: &str,
        lang: &str,
        decoded: &str,
        anchor: Option<String>,
    ) -> Option<LinkTarget> {
        let rel = mounted_from(&self.config, split_dir(rel).0, decoded)?;
        match self.lookup(&rel, lang, anchor, true) {
            Found::Target(t) | Found::Missing(t) => Some(t),
            Found::Nothing => None,
        }
    }

    /// Where `@site/{in_project}` (its fragment `anchor` apart), a path
    /// from a Docusaurus project's folder, which holds the content folder
    /// and the project's static files, leads.
    pub(super) fn in_project(
        &self,
        in_project: &str,
        lang: &str,
        anchor: Option<String>,
    ) -> LinkTarget {
        let c = &self.config;
        let project = c.content_dir.parent().unwrap_or(Path::new(""));
        let path = project.join(decode(in_project).as_ref());
        crate::discover::content_relative(&c.content_dir, &c.mounted, &path)
            .map_or(Found::Nothing, |rel| self.lookup(&rel, lang, anchor, true))
            .or_missing(|| format!("there is no file `{}`", path.display()))
    }

    /// What follows the full `base_url` of either edition in `dest`
    /// (`red/plan/` in `https://help.example.com/red/plan/`), as a browser
    /// reads it: in `http` or `https` or without a scheme
    /// (`//help.example.com/red/plan/`), the host in any case.
    pub(super) fn own_address<'d>(&self, dest: &'d str) -> Option<&'d str> {
        let (host, path) = web_address(dest)?;
        let config = &self.config;
        [
            &config.base_url,
            &config.agents_base_url,
            &config.public_base_url,
        ]
        .into_iter()
        .find_map(|base| match base {
            BaseUrl::Absolute(url) => {
                let (base_host, base_path) = web_address(url)?;
                if host.eq_ignore_ascii_case(base_host) {
                    path.strip_prefix(base_path)
                } else {
                    None
                }
            }
            BaseUrl::Relative | BaseUrl::Path(_) => None,
        })
    }

    /// Why the site path `path` (`red/plan/`, `red/plan/index.html`,
    /// `red/plan`) is withheld, when it is the page, short link or alias
    /// of an article this build leaves out, and no redirect of the build
    /// has it (a public translation takes the short link of its id).
    pub(super) fn withheld_at(&self, path: &str) -> Option<Withheld> {
        // As a browser (`.`, `..`) and most servers (`//`) read the path.
        let path = &join_relative("", path)?;
        // `red/plan/index.html` is the page `red/plan/`; `red/planindex.html` is not.
        let page = match path.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
            _ => path,
        };
        let page = match page.strip_suffix('/') {
            Some(_) => page.to_owned(),
            None => format!("{page}/"),
        };
        let redirected = self
            .redirects
            .binary_search_by(|r| r.from.as_str().cmp(&page))
            .is_ok();
        (!redirected).then(|| self.withheld.get(&page.to_lowercase()).copied())?
    }
}

/// The host and the path after it (without its `/`) of a web address:
/// `http://`, `https://` (in any case) or `//` and a host.
fn web_address(url: &str) -> Option<(&str, &str)> {
    let rest = match url.strip_prefix("//") {
        Some(rest) => rest,
        None => {
            let (scheme, rest) = url.split_once("://")?;
            let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
            web.then_some(rest)?
        }
    };
    Some(rest.split_once('/').unwrap_or((rest, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_a_reference_names_is_looked_for_as_its_link_is() {
        use crate::discover::{Holds, Mounted};
        let config = Config {
            content_dir: "src/content/docs".into(),
            mounted: vec![
                Mounted::files("site-assets", "src/assets".into(), Holds::Media),
                Mounted::translation("fr", "i18n/fr/docs".into()),
            ],
            ..Config::default()
        };
        let assets: Vec<String> = [
            "guides/shot.png",
            "img/logo.png",
            "site-assets/houston.webp",
            "site-assets/images/zion.jpg",
            "site-static/favicon.ico",
        ]
        .map(str::to_owned)
        .into();
        let named = |dest: &str| asset_named(&config, &assets, "guides", dest);
        for (dest, asset) in [
            ("shot.png#x", "guides/shot.png"),
            ("../img/logo.png", "img/logo.png"),
            ("img/logo.png", "img/logo.png"),
            ("images/zion.jpg", "site-assets/images/zion.jpg"),
            ("./images/zion%2Ejpg?v=2", "site-assets/images/zion.jpg"),
            ("/images/zion.jpg", "site-assets/images/zion.jpg"),
            ("/favicon.ico", "site-static/favicon.ico"),
            ("/docs/img/logo.png", "img/logo.png"),
            ("../../../assets/houston.webp", "site-assets/houston.webp"),
        ] {
            assert_eq!(named(dest).as_deref(), Some(asset), "{dest}");
        }
        // From a translation's folder, mounted elsewhere, and its top.
        for dir in ["fr/guides", "fr"] {
            let up = "../".repeat(dir.split('/').count() + 2);
            let dest = format!("{up}src/assets/houston.webp");
            assert_eq!(
                asset_named(&config, &assets, dir, &dest).as_deref(),
                Some("site-assets/houston.webp"),
                "{dir}"
            );
        }
        // What names no asset is the content file it names as written.
        assert_eq!(named("gone.png").as_deref(), Some("guides/gone.png"));
        assert_eq!(named("https://example.com/x.png"), None);
    }

    #[test]
    fn web_addresses_and_site_paths_are_read_as_a_browser_reads_them() {
        for url in [
            "https://help.example.com/red/plan/",
            "HTTP://help.example.com/red/plan/",
            "//help.example.com/red/plan/",
        ] {
            assert_eq!(
                web_address(url),
                Some(("help.example.com", "red/plan/")),
                "{url}"
            );
        }
        assert_eq!(
            web_address("https://help.example.com"),
            Some(("help.example.com", ""))
        );
        assert_eq!(web_address("ftp://help.example.com/red/"), None);
        assert_eq!(web_address("/red/plan/"), None);
        assert_eq!(
            join_relative("", "red//./x/../plan/"),
            Some("red/plan/".into())
        );
    }
}

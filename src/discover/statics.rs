//! A project's folders of static files: what its generator copies to the
//! site's root as it is, beside the pages, so that a page shows
//! `/img/logo.png` from `static/img/logo.png`. Docusaurus's `static/` (or
//! its `staticDirectories`), Hugo's `static/` (or its `staticDir`),
//! Zola's `static/` and Starlight's (Astro's) `public/` are outside the
//! content folder: a project built where it stands had its images
//! missing, and its site-root links to them pointed nowhere, unwarned.
//!
//! Astro also keeps the images a Starlight page shows in `src/assets/`,
//! which the page names by a relative path out of its pages' folder
//! (`../../assets/houston.webp`); Hugo in `assets/` (or its `assetDir`),
//! its global resources, which a page's image or `figure` names by their
//! path in that folder (`images/zion.jpg`, `/images/zion.jpg`) when the
//! page has no resource of that name. Of those folders, which also hold a
//! theme's styles and scripts, only the media ([`is_media`]) are taken.
//!
//! tier0 mounts each such folder in the content folder ([`Mounted::files`]):
//! the static files at [`STATIC_FILES`], assets at [`ASSETS_AT`]. Their
//! files are published under that folder
//! (every link to them is rewritten, and a site's own folders such as
//! `search/` or `static/` cannot be overwritten by them). Several folders
//! of static files (Hugo's `staticDir` list, Docusaurus's
//! `staticDirectories`) form one, as Hugo's union of them does: a file of
//! an earlier folder hides the same path in a later one. A site-root link
//! that names nothing else is looked for in the static files, and a
//! relative one that leaves the content folder in the folder it leads to
//! (`link::resolve`).
//!
//! In: the site folder and its content folder. Out: the folders to mount
//! ([`static_folders`]).

use std::path::{Path, PathBuf};

use super::{Holds, Mounted};
use crate::matter::Value;

/// The folder at the top of the content folder where a project's static
/// files stand, and where they are published.
pub const STATIC_FILES: &str = "site-static";

/// Hugo's and Zola's folder of static files, at the top of the project.
const HUGO_STATIC: &str = "static";

/// Hugo's (and Zola's) content folder.
const HUGO_CONTENT: &str = "content";

/// Starlight's pages' folder, and Astro's folders of static files and of
/// the images pages show, at the top of the project.
const STARLIGHT_CONTENT: &str = "src/content/docs";
const ASTRO_PUBLIC: &str = "public";
const ASTRO_ASSETS: &str = "src/assets";

/// Hugo's folder of assets, at the top of the project.
const HUGO_ASSETS: &str = "assets";

/// Where Astro's `src/assets/` or Hugo's `assets/` stands in the content
/// folder, and is published.
pub const ASSETS_AT: &str = "site-assets";

/// The extensions of the files of a folder of assets that are published:
/// images, videos, sounds, documents a page shows or links to.
const MEDIA_EXTENSIONS: &[&str] = &[
    "apng", "avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "tif", "tiff", "webp", "m4v",
    "mov", "mp4", "ogv", "webm", "flac", "m4a", "mp3", "oga", "ogg", "wav", "pdf",
];

/// Whether the file at `rel` is one of a folder of assets to publish: an
/// image, a video, a sound or a PDF, by its extension in any case.
pub(super) fn is_media(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && MEDIA_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// The folders of files of the project whose pages the content folder
/// `content_dir` (relative to the site folder `root`) holds, each mounted
/// where it stands in the content folder: the static files of a
/// Docusaurus project whose docs folder it is, of a Hugo or Zola project
/// whose `content/` it is, or of a Starlight project whose
/// `src/content/docs/` it is, in the order its generator copies them, at
/// [`STATIC_FILES`]; and a Starlight project's `src/assets/` or a Hugo
/// project's `assets/`, whose media only are taken, at [`ASSETS_AT`]. Only
/// folders that exist and neither hold the
/// content folder nor stand in it, where the content folder has no folder
/// of that name of its own.
pub fn static_folders(root: &Path, content_dir: &Path) -> Vec<Mounted> {
    let starlight = starlight(root, content_dir);
    let (hugo_statics, hugo_assets) = match hugo(root, content_dir) {
        Some(hugo) => (Some(hugo.statics), hugo.assets),
        None => (None, None),
    };
    let statics = super::docusaurus::static_directories(root, content_dir)
        .or(hugo_statics)
        .or_else(|| starlight.then(|| vec![PathBuf::from(ASTRO_PUBLIC)]))
        .unwrap_or_default()
        .into_iter()
        .map(|dir| (STATIC_FILES, dir, Holds::Files));
    let assets = hugo_assets
        .or_else(|| starlight.then(|| PathBuf::from(ASTRO_ASSETS)))
        .map(|dir| (ASSETS_AT, dir, Holds::Media));
    statics
        .chain(assets)
        .filter(|(at, dir, _)| {
            !content_dir.starts_with(dir)
                && !dir.starts_with(content_dir)
                && root.join(dir).is_dir()
                && !root.join(content_dir).join(at).exists()
        })
        .map(|(at, dir, holds)| Mounted::files(at, dir, holds))
        .collect()
}

/// A Hugo (or Zola) project's folders of files.
struct HugoFolders {
    /// Its static folders, in the order Hugo copies them.
    statics: Vec<PathBuf>,
    /// Its folder of assets, unless its `assetDir` names none of the
    /// project's folders (Zola has no such folder: an `assets/` of its
    /// project is taken as Hugo's).
    assets: Option<PathBuf>,
}

/// Hugo's `staticDir` (a folder's name, or a list of them, which Hugo
/// copies in turn; `static` when not written) or Zola's `static/`, and
/// Hugo's `assetDir` (`assets` when not written), when `content_dir` is
/// the `content/` of a project with a Hugo or Zola configuration at
/// `root`.
fn hugo(root: &Path, content_dir: &Path) -> Option<HugoFolders> {
    if content_dir != Path::new(HUGO_CONTENT) {
        return None;
    }
    let texts = super::hugo::configuration(root);
    if texts.is_empty() {
        return None;
    }
    let written = |key: &str| {
        (texts.iter()).find_map(|(name, text)| super::generators::config_value(name, text, &[key]))
    };
    let assets = match written("assetDir") {
        Some(Value::String(dir)) => dir,
        _ => HUGO_ASSETS.to_owned(),
    };
    let dirs = match written("staticDir") {
        Some(Value::String(dir)) => vec![dir],
        Some(Value::List(dirs)) => dirs
            .into_iter()
            .filter_map(|dir| match dir {
                Value::String(dir) => Some(dir),
                _ => None,
            })
            .collect(),
        _ => vec![HUGO_STATIC.to_owned()],
    };
    Some(HugoFolders {
        statics: (dirs.iter())
            .filter_map(|dir| super::content_folder(dir).ok())
            .collect(),
        assets: super::content_folder(&assets).ok(),
    })
}

/// Whether `content_dir` is the pages' folder of a Starlight project at
/// `root`.
fn starlight(root: &Path, content_dir: &Path) -> bool {
    content_dir == Path::new(STARLIGHT_CONTENT)
        && (super::STARLIGHT_FILES.iter()).any(|name| root.join(name).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folders mounted for the content folder `content_dir` of a site
    /// folder made of `files` (a name ending in `/` is a folder).
    fn found(files: &[(&str, &str)], content_dir: &str) -> Vec<PathBuf> {
        let site = crate::discover::tests::site_of_texts(files);
        static_folders(site.path(), Path::new(content_dir))
            .into_iter()
            .inspect(|m| assert!(!m.pages()))
            .map(|m| PathBuf::from(m.at).join(m.dir))
            .collect()
    }

    #[test]
    fn docusaurus_copies_static_or_its_static_directories() {
        let config = ("docusaurus.config.js", "export default { title: 'x' };");
        assert_eq!(
            found(&[config, ("docs/", ""), ("static/", "")], "docs"),
            [PathBuf::from("site-static/static")]
        );
        let listed = (
            "docusaurus.config.js",
            "export default { staticDirectories: ['public', 'static', 'gone'] };",
        );
        assert_eq!(
            found(
                &[listed, ("docs/", ""), ("static/", ""), ("public/", "")],
                "docs"
            ),
            [
                PathBuf::from("site-static/public"),
                PathBuf::from("site-static/static")
            ]
        );
        // In `website/`, Docusaurus 1's and many monorepos' layout.
        let website = ("website/docusaurus.config.ts", "export default {};");
        assert_eq!(
            found(
                &[website, ("website/docs/", ""), ("website/static/", "")],
                "website/docs"
            ),
            [PathBuf::from("site-static/website/static")]
        );
        // A folder deeper in the project is not its docs.
        let deeper = [config, ("notes/guides/", ""), ("static/", "")];
        assert!(found(&deeper, "notes/guides").is_empty());
    }

    #[test]
    fn hugo_zola_and_starlight_have_theirs() {
        let hugo = ("hugo.toml", "title = 'x'\n");
        assert_eq!(
            found(&[hugo, ("content/", ""), ("static/", "")], "content"),
            [PathBuf::from("site-static/static")]
        );
        let moved = ("config.toml", "staticDir = 'files'\n");
        assert_eq!(
            found(&[moved, ("content/", ""), ("files/", "")], "content"),
            [PathBuf::from("site-static/files")]
        );
        // Several, in a YAML configuration, copied in turn.
        let listed = (
            "hugo.yaml",
            "title: x\nstaticDir:\n  - files\n  - shared/static\n",
        );
        assert_eq!(
            found(
                &[
                    listed,
                    ("content/", ""),
                    ("files/", ""),
                    ("shared/static/", "")
                ],
                "content"
            ),
            [
                PathBuf::from("site-static/files"),
                PathBuf::from("site-static/shared/static")
            ]
        );
        let astro = ("astro.config.mjs", "export default {};");
        assert_eq!(
            found(
                &[
                    astro,
                    ("src/content/docs/", ""),
                    ("public/", ""),
                    ("src/assets/", "")
                ],
                "src/content/docs"
            ),
            [
                PathBuf::from("site-static/public"),
                PathBuf::from("site-assets/src/assets")
            ]
        );
        // Hugo's assets, or the folder its `assetDir` names.
        assert_eq!(
            found(&[hugo, ("content/", ""), ("assets/", "")], "content"),
            [PathBuf::from("site-assets/assets")]
        );
        let moved = (
            "hugo.yaml",
            "assetDir: theme/assets
",
        );
        assert_eq!(
            found(
                &[
                    moved,
                    ("content/", ""),
                    ("static/", ""),
                    ("theme/assets/", "")
                ],
                "content"
            ),
            [
                PathBuf::from("site-static/static"),
                PathBuf::from("site-assets/theme/assets")
            ]
        );
        // tier0's own site: `content/` and a `static/` are not Hugo's.
        assert!(found(&[("content/", ""), ("static/", "")], "content").is_empty());
    }

    #[test]
    fn only_the_media_of_a_folder_of_assets_are_taken() {
        for media in [
            "images/zion.jpg",
            "a/b/Logo.SVG",
            "clip.webm",
            "guide.pdf",
            "x.avif",
        ] {
            assert!(is_media(media), "{media}");
        }
        for other in [
            "scss/main.scss",
            "js/app.js",
            "data/x.json",
            "jpg",
            ".png",
            "a.png/x",
        ] {
            assert!(!is_media(other), "{other}");
        }
    }

    #[test]
    fn a_folder_that_holds_the_content_or_a_content_folder_of_its_own_is_not_mounted() {
        let hugo = ("hugo.toml", "staticDir = '.'\n");
        assert!(found(&[hugo, ("content/", "")], "content").is_empty());
        let inside = ("hugo.toml", "staticDir = 'content/files'\n");
        assert!(found(&[inside, ("content/files/", "")], "content").is_empty());
        let hugo = ("hugo.toml", "");
        let own = ("content/site-static/", "");
        assert!(found(&[hugo, own, ("static/", "")], "content").is_empty());
        assert!(found(&[hugo, ("content/", "")], "content").is_empty());
    }
}

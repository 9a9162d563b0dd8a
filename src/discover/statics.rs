//! A project's folders of static files: what its generator copies to the
//! site's root as it is, beside the pages, so that a page shows
//! `/img/logo.png` from `static/img/logo.png`. Docusaurus's `static/` (or
//! its `staticDirectories`), Hugo's `static/` (or its `staticDir`),
//! Zola's `static/` and Starlight's (Astro's) `public/` are outside the
//! content folder: a project built where it stands had its images
//! missing, and its site-root links to them pointed nowhere, unwarned.
//!
//! tier0 mounts each such folder at [`STATIC_FILES`] in the content folder
//! ([`Mounted::files`]): its files are published under that folder (every
//! link to them is rewritten, and a site's own folders such as `search/`
//! or `static/` cannot be overwritten by them), and a site-root link that
//! names nothing else is looked for there (`link::resolve`).
//!
//! In: the site folder and its content folder. Out: the folders to mount
//! ([`static_folders`]).

use std::path::{Path, PathBuf};

use super::Mounted;

/// The folder at the top of the content folder where a project's static
/// files stand, and where they are published.
pub const STATIC_FILES: &str = "site-static";

/// Hugo's and Zola's folder of static files, at the top of the project.
const HUGO_STATIC: &str = "static";

/// Hugo's (and Zola's) content folder.
const HUGO_CONTENT: &str = "content";

/// Starlight's pages' folder, and Astro's folder of static files, at the
/// top of the project.
const STARLIGHT_CONTENT: &str = "src/content/docs";
const ASTRO_PUBLIC: &str = "public";

/// The folders of static files of the project whose pages the content
/// folder `content_dir` (relative to the site folder `root`) holds, in the
/// order its generator copies them, each mounted at [`STATIC_FILES`]:
/// those of a Docusaurus project whose docs folder it is, of a Hugo or
/// Zola project whose `content/` it is, or of a Starlight project whose
/// `src/content/docs/` it is. Only folders that exist and neither hold
/// the content folder nor stand in it; none when the content folder has a
/// [`STATIC_FILES`] folder of its own.
pub fn static_folders(root: &Path, content_dir: &Path) -> Vec<Mounted> {
    if root.join(content_dir).join(STATIC_FILES).exists() {
        return Vec::new();
    }
    let folders = super::docusaurus::static_directories(root, content_dir)
        .or_else(|| hugo_static(root, content_dir))
        .or_else(|| starlight_public(root, content_dir))
        .unwrap_or_default();
    folders
        .into_iter()
        .filter(|dir| {
            !content_dir.starts_with(dir)
                && !dir.starts_with(content_dir)
                && root.join(dir).is_dir()
        })
        .map(|dir| Mounted::files(STATIC_FILES, dir))
        .collect()
}

/// Hugo's `staticDir` (a folder's name; `static` when not written) or
/// Zola's `static/`, when `content_dir` is the `content/` of a project
/// with a Hugo or Zola configuration at `root`.
fn hugo_static(root: &Path, content_dir: &Path) -> Option<Vec<PathBuf>> {
    if content_dir != Path::new(HUGO_CONTENT) {
        return None;
    }
    let texts = super::hugo::configuration(root);
    if texts.is_empty() {
        return None;
    }
    let written = texts
        .iter()
        .find_map(|(_, text)| super::generators::toml_path(text, &["staticDir"]));
    let dir = match written {
        Some(dir) => super::content_folder(&dir).ok()?,
        None => PathBuf::from(HUGO_STATIC),
    };
    Some(vec![dir])
}

/// Astro's `public/`, when `content_dir` is the pages' folder of a
/// Starlight project at `root`.
fn starlight_public(root: &Path, content_dir: &Path) -> Option<Vec<PathBuf>> {
    let starlight = content_dir == Path::new(STARLIGHT_CONTENT)
        && (super::vitepress::STARLIGHT_FILES.iter()).any(|name| root.join(name).is_file());
    starlight.then(|| vec![PathBuf::from(ASTRO_PUBLIC)])
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
            .inspect(|m| assert!(!m.pages && m.at == STATIC_FILES))
            .map(|m| m.dir)
            .collect()
    }

    #[test]
    fn docusaurus_copies_static_or_its_static_directories() {
        let config = ("docusaurus.config.js", "export default { title: 'x' };");
        assert_eq!(
            found(&[config, ("docs/", ""), ("static/", "")], "docs"),
            [PathBuf::from("static")]
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
            [PathBuf::from("public"), PathBuf::from("static")]
        );
        // In `website/`, Docusaurus 1's and many monorepos' layout.
        let website = ("website/docusaurus.config.ts", "export default {};");
        assert_eq!(
            found(
                &[website, ("website/docs/", ""), ("website/static/", "")],
                "website/docs"
            ),
            [PathBuf::from("website/static")]
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
            [PathBuf::from("static")]
        );
        let moved = ("config.toml", "staticDir = 'files'\n");
        assert_eq!(
            found(&[moved, ("content/", ""), ("files/", "")], "content"),
            [PathBuf::from("files")]
        );
        let astro = ("astro.config.mjs", "export default {};");
        assert_eq!(
            found(
                &[astro, ("src/content/docs/", ""), ("public/", "")],
                "src/content/docs"
            ),
            [PathBuf::from("public")]
        );
        // tier0's own site: `content/` and a `static/` are not Hugo's.
        assert!(found(&[("content/", ""), ("static/", "")], "content").is_empty());
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

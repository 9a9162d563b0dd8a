//! Whether the generator a project's pages come from published each page
//! as a file (`guide/setup.html`) rather than a folder (`guide/setup/`):
//! mdBook and Sphinx always, VitePress unless `cleanUrls` is on, MkDocs
//! and Zensical with `use_directory_urls: false`. tier0 publishes a page
//! as a folder, so a project moved from one of them keeps its old
//! addresses (bookmarks, links from other sites, search engines) only
//! through a redirect from each, which the link stage writes.
//!
//! In: the site folder and its content folder. Out: what says the pages
//! were files, for people, when the content folder is that generator's
//! pages folder ([`page_files`]). Each file is read as written, never run.

use std::path::Path;

use super::generators::{MARKED, config_value, mdbook_src, mkdocs_docs_dir};
use super::script::{Token, tokens};
use super::{MKDOCS_FILES, root_file, vitepress};
use crate::matter::Value;

/// What says that the generator whose pages `content_dir` (relative to
/// `root`) holds published each of them as a `.html` file, if one does:
/// "mdBook (book.toml)", "Sphinx (docs/conf.py)", "VitePress without
/// cleanUrls (docs/.vitepress/config.mts)", "use_directory_urls: false of
/// mkdocs.yml".
pub fn page_files(root: &Path, content_dir: &Path) -> Option<String> {
    let read = |name: &str| Some(root_file(root, name).ok()??.0.text);
    if let Some((name, text)) = MKDOCS_FILES.iter().find_map(|n| Some((*n, read(n)?))) {
        let key: &[&str] = match name.ends_with(".toml") {
            true => &["project", "use_directory_urls"],
            false => &["use_directory_urls"],
        };
        let files = config_value(name, &text, key) == Some(Value::Bool(false));
        let ours = Path::new(&mkdocs_docs_dir(name, &text).0) == content_dir;
        return (ours && files).then(|| format!("use_directory_urls: false of {name}"));
    }
    if let Some(text) = read("book.toml") {
        let ours = Path::new(&mdbook_src(&text)) == content_dir;
        return ours.then(|| "mdBook (book.toml)".to_owned());
    }
    let sphinx = MARKED
        .iter()
        .filter(|(generator, ..)| *generator == "Sphinx");
    if let Some(mark) = sphinx
        .filter(|(_, _, pages)| Path::new(pages) == content_dir)
        .flat_map(|(_, marks, _)| marks.iter())
        .find(|mark| root.join(mark).is_file())
    {
        return Some(format!("Sphinx ({mark})"));
    }
    let vitepress = vitepress::of_pages(root, content_dir)?;
    let clean = tokens(&vitepress.text).windows(3).any(|w| {
        matches!(
            w,
            [Token::Word("cleanUrls"), Token::Colon, Token::Word("true")]
        )
    });
    (!clean).then(|| format!("VitePress without cleanUrls ({})", vitepress.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(files: &[(&str, &str)], content_dir: &str) -> Option<String> {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        page_files(dir.path(), Path::new(content_dir))
    }

    #[test]
    fn the_generators_that_publish_pages_as_files_are_named() {
        let book = [("book.toml", "[book]\ntitle = \"Guide\"\n")];
        assert_eq!(found(&book, "src").as_deref(), Some("mdBook (book.toml)"));
        assert_eq!(found(&book, "docs"), None);
        let sphinx = [("docs/conf.py", "project = 'Relay'\n")];
        assert_eq!(
            found(&sphinx, "docs").as_deref(),
            Some("Sphinx (docs/conf.py)")
        );
        let mkdocs = |yaml: &'static str| [("mkdocs.yml", yaml), ("docs/index.md", "# Hi\n")];
        assert_eq!(
            found(&mkdocs("use_directory_urls: false\n"), "docs").as_deref(),
            Some("use_directory_urls: false of mkdocs.yml")
        );
        assert_eq!(found(&mkdocs("site_name: Relay\n"), "docs"), None);
        // Material's Python tags do not hide the key.
        let tagged = "theme:\n  name: material\nmarkdown_extensions:\n  - pymdownx.emoji:\n      \
            emoji_index: !!python/name:material.extensions.emoji.twemoji\nextra:\n  key: \
            !ENV [KEY, none]\nuse_directory_urls: false\n";
        assert!(found(&mkdocs(tagged), "docs").is_some());
        assert_eq!(
            found(
                &mkdocs("docs_dir: pages\nuse_directory_urls: false\n"),
                "docs"
            ),
            None
        );
        let zensical = [(
            "zensical.toml",
            "[project]\nsite_name = \"Relay\"\nuse_directory_urls = false\n",
        )];
        assert!(found(&zensical, "docs").is_some());
        let vitepress = |config: &'static str| [("docs/.vitepress/config.mts", config)];
        assert_eq!(
            found(&vitepress("export default { title: 'Relay' }\n"), "docs").as_deref(),
            Some("VitePress without cleanUrls (docs/.vitepress/config.mts)")
        );
        assert_eq!(
            found(&vitepress("export default { cleanUrls: true }\n"), "docs"),
            None
        );
        // tier0's own site, and one whose configuration names another folder.
        assert_eq!(found(&[("tier0.yaml", "title: Help\n")], "content"), None);
    }
}

//! Navigation files that order and title the pages and subfolders of their
//! own folder: mkdocs-awesome-pages-plugin's `.pages` and Nextra 2's
//! `_meta.json`.
//!
//! In: the folder navigation files discovery found. Out: one
//! [`Navigation`] per file, as MkDocs's `nav:` gives one for the site: its
//! pages in order (with the titles it gives them, which win over their own
//! as `nav:`'s do), and its subfolders' sections with their place and
//! title; a folder's own title (`.pages`' `title:`) titles its section.
//! The pages a file leaves out keep their place after those it lists, as
//! in both tools; those it lists after awesome-pages' `...` come after
//! them. An entry that names no page or folder of the site is a warning at
//! its line and column; a file that cannot be decoded is an error there,
//! and the rest of the site is built.
//!
//! Nextra 3 and 4 write `_meta.js` / `_meta.ts`, JavaScript modules:
//! tier0 runs no JavaScript, so it reads one only when it exports a plain
//! object literal (the `script` module), and otherwise says, in a warning
//! at the place that needs JavaScript, that it is not read.

mod awesome_pages;
mod nextra;

use std::collections::BTreeSet;
use std::ops::Range;

use super::SectionPath;
use super::navigation::{NavPage, NavSection, Navigation};
use crate::diagnostics::Diagnostic;
use crate::discover::{MARKDOWN_EXTENSIONS, NEXTRA_SCRIPTS, SourceFile, Sources, is_markdown};
use crate::landing::split_dir;

/// What a folder navigation file says of its folder, before its entries
/// are matched to files.
#[derive(Debug, Default, PartialEq, Eq)]
struct FolderNav {
    /// The folder's own title.
    title: Option<String>,
    /// Its entries, in order.
    entries: Vec<Entry>,
}

/// An entry of a folder navigation file: a page or a subfolder.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    /// As written: a file name (`intro.md`), a page's name without its
    /// extension (Nextra's `intro`) or a subfolder's name.
    name: String,
    /// The title it gives the page or folder.
    title: Option<String>,
    /// Where it is written.
    span: Range<usize>,
    /// Listed after the pages left out (after awesome-pages' `...`).
    after_rest: bool,
    /// Hidden from the navigation (Nextra's `display: hidden`).
    hidden: bool,
}

/// The navigations of `sources`' folder navigation files, by path, and
/// their problems.
pub(super) fn read(sources: &Sources) -> (Vec<Navigation>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut navigations = Vec::new();
    if sources.folder_navs.is_empty() {
        return (navigations, problems);
    }
    let files = Files::of(sources);
    for file in &sources.folder_navs {
        let name = split_dir(&file.rel).1;
        let decoded = if NEXTRA_SCRIPTS.contains(&name) {
            nextra::read_script(file, &mut problems)
        } else if name == "_meta.json" {
            nextra::read(file, &mut problems)
        } else {
            awesome_pages::read(file, &mut problems)
        };
        if let Some(folder) = decoded {
            navigations.push(files.navigation(file, folder, &mut problems));
        }
    }
    (navigations, problems)
}

/// The pages and folders of a site, to match entries to.
struct Files<'a> {
    /// Article files, by content-relative path.
    articles: BTreeSet<&'a str>,
    /// Landing pages: an entry may name one (Nextra's `index`), which
    /// opens its section anyway.
    landings: BTreeSet<&'a str>,
    /// Every folder that holds a page, at any depth.
    folders: BTreeSet<&'a str>,
}

impl<'a> Files<'a> {
    fn of(sources: &'a Sources) -> Self {
        let articles: BTreeSet<&str> = sources.articles.iter().map(|f| f.rel.as_str()).collect();
        let landings: BTreeSet<&str> = sources.sections.iter().map(|f| f.rel.as_str()).collect();
        let mut folders = BTreeSet::new();
        for rel in articles.iter().chain(&landings) {
            let mut dir = split_dir(rel).0;
            while !dir.is_empty() && folders.insert(dir) {
                dir = split_dir(dir).0;
            }
        }
        Self {
            articles,
            landings,
            folders,
        }
    }

    /// The navigation `folder` gives, read from `file`, with its entries
    /// matched to the site's pages and folders.
    fn navigation(
        &self,
        file: &SourceFile,
        folder: FolderNav,
        problems: &mut Vec<Diagnostic>,
    ) -> Navigation {
        let dir = split_dir(&file.rel).0;
        let mut navigation = Navigation {
            path: file.path.clone(),
            ..Default::default()
        };
        if let (Some(title), Some(section)) = (folder.title, SectionPath::of(dir).id) {
            navigation.sections.push(NavSection {
                section,
                title: Some(title),
                position: None,
                gathers: Vec::new(),
            });
        }
        let within = |name: &str| match dir {
            "" => name.to_owned(),
            _ => format!("{dir}/{name}"),
        };
        for (at, entry) in folder.entries.into_iter().enumerate() {
            let path = within(entry.name.trim_matches('/'));
            let page = if is_markdown(&path) {
                Some(path.clone())
            } else {
                MARKDOWN_EXTENSIONS
                    .iter()
                    .map(|ext| format!("{path}{ext}"))
                    .find(|rel| {
                        self.articles.contains(rel.as_str()) || self.landings.contains(rel.as_str())
                    })
            };
            match page {
                Some(rel) if self.articles.contains(rel.as_str()) => {
                    navigation.pages.push(NavPage {
                        rel,
                        title: entry.title,
                        after_rest: entry.after_rest,
                        hidden: entry.hidden,
                    })
                }
                // A landing page opens its section whatever the order.
                Some(rel) if self.landings.contains(rel.as_str()) => {}
                _ if self.folders.contains(path.as_str()) => {
                    if let Some(section) = SectionPath::of(&path).id {
                        navigation.sections.push(NavSection {
                            section,
                            title: entry.title,
                            position: Some(at as i64 + 1),
                            gathers: Vec::new(),
                        });
                    }
                }
                _ => problems.push(
                    Diagnostic::warning(
                        &file.path,
                        entry.span,
                        format!(
                            "`{}` names no page or folder in {}: this entry is passed over",
                            entry.name,
                            if dir.is_empty() {
                                "the content folder".to_owned()
                            } else {
                                format!("`{dir}`")
                            }
                        ),
                    )
                    .with_help(
                        "entries name the files and subfolders of this file's own folder: fix \
                         the name, or remove the entry",
                    ),
                ),
            }
        }
        navigation
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn sources(navs: &[(&str, &str)]) -> Sources {
        let file = |rel: &&str| SourceFile::in_content(rel, "# T\n");
        Sources {
            articles: ["g/a.md", "g/b.mdx", "g/sub/c.md", "g/z.md"]
                .iter()
                .map(file)
                .collect(),
            sections: ["g/index.md"].iter().map(file).collect(),
            folder_navs: navs
                .iter()
                .map(|(rel, text)| SourceFile::in_content(rel, text))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn entries_are_matched_to_pages_folders_and_landing_pages() {
        let meta = "{\"index\": \"Home\", \"b\": \"Bee\", \"sub\": \"Subfolder\", \
                    \"a\": {\"display\": \"hidden\"}, \"gone\": \"Gone\"}";
        let (navigations, problems) = read(&sources(&[("g/_meta.json", meta)]));
        let navigation = &navigations[0];
        let pages: Vec<_> = navigation
            .pages
            .iter()
            .map(|p| (p.rel.as_str(), p.title.as_deref(), p.hidden))
            .collect();
        assert_eq!(
            pages,
            [("g/b.mdx", Some("Bee"), false), ("g/a.md", None, true)]
        );
        let sections = navigation.section_places();
        assert_eq!(sections, [("g/sub", Some("Subfolder"), Some(3))]);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].message,
            "`gone` names no page or folder in `g`: this entry is passed over"
        );
        assert_eq!(&meta[problems[0].span.clone()], "\"gone\"");
    }

    #[test]
    fn a_pages_title_titles_its_folder_and_a_script_is_read_when_plain() {
        let pages = "title: Guide\nnav:\n  - z.md\n  - ...\n  - a.md\n";
        let (navigations, problems) = read(&sources(&[
            ("g/.pages", pages),
            ("g/sub/_meta.ts", "export default {\n  c: <b>See</b>\n}\n"),
        ]));
        assert_eq!(navigations.len(), 1);
        let navigation = &navigations[0];
        assert_eq!(navigation.sections[0].title.as_deref(), Some("Guide"));
        assert_eq!(navigation.sections[0].position, None);
        let pages: Vec<_> = navigation
            .pages
            .iter()
            .map(|p| (p.rel.as_str(), p.after_rest))
            .collect();
        assert_eq!(pages, [("g/z.md", false), ("g/a.md", true)]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("JavaScript"), "{problems:?}");
        assert_eq!(problems[0].path, Path::new("content/g/sub/_meta.ts"));
        assert_eq!(problems[0].span, 22..23);
        // A plain object is read as `_meta.json` is.
        let (navigations, problems) = read(&sources(&[(
            "g/sub/_meta.js",
            "export default {\n  c: 'See',\n}\n",
        )]));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(navigations[0].pages[0].title.as_deref(), Some("See"));
    }
}

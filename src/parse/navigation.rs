//! What other generators' navigation says of the site: the order of its
//! pages, the titles it gives them, and its sections' titles and places.
//!
//! In: MkDocs's `nav:` (the `mkdocs` module), Docusaurus's sidebars (the
//! `docusaurus` module), Starlight's sidebar (the `starlight_sidebar`
//! module), Jupyter Book's and mystmd's tables of contents
//! (the `jupyter_book` module), Mintlify's `docs.json` (the `mintlify`
//! module), the folders' navigation files (the
//! `folders` module) and Sphinx's toctrees in the pages (the `toctree`
//! module). Out: [`Navigation`]s, in that order,
//! which the parse stage reads for the pages' titles and the link stage
//! (`link::contents`) for their order and the sections' titles. One shape
//! for every tool, so that one piece of code applies them all.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::article::Given;
use super::script::Literal;
use super::{Labels, Parsed};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{SourceFile, Sources};
use crate::kinds::Audience;

/// What an MkDocs `nav:` says of the site, or a folder's navigation file
/// of its folder (see the `folders` module).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Navigation {
    /// The file it was read from, for messages.
    pub path: PathBuf,
    /// The pages it lists, in reading order.
    pub pages: Vec<NavPage>,
    /// The sections it titles, in the order they first appear.
    pub sections: Vec<NavSection>,
}

/// A page listed in `nav:`.
#[derive(Debug, PartialEq, Eq)]
pub struct NavPage {
    /// Its path relative to the content folder, `/`-separated.
    pub rel: String,
    /// The title `nav:` gives it, if any.
    pub title: Option<String>,
    /// Listed after the pages the navigation leaves out (after
    /// mkdocs-awesome-pages' `...`), not before them.
    pub after_rest: bool,
    /// Hidden from the navigation, reachable by its URL (Nextra's
    /// `display: hidden`): an unlisted article.
    pub hidden: bool,
}

/// A section of `nav:`: the folder its pages share, or a group of pages
/// of the top folder.
#[derive(Debug, PartialEq, Eq)]
pub struct NavSection {
    /// The section id of the folder (`user-guide/setup`).
    pub section: String,
    /// Its title in `nav:`, if it gives one.
    pub title: Option<String>,
    /// Its place among the titled sections of `nav:`, in reading order,
    /// from 1: sections nested at other depths of `nav:` may be siblings
    /// in tier0's tree of folders, and keep the order they are read in.
    /// `None` when the navigation titles it without placing it.
    pub position: Option<i64>,
    /// The pages it gathers when it has no folder of its own (an MkDocs
    /// group of pages of the top folder, `- Using pyinfra: [deploys.md,
    /// facts.md]`): they move into it, each redirected from its old
    /// path (`link::contents`). Empty for a folder's section.
    pub gathers: Vec<String>,
}

/// The navigations of a site: its `mkdocs.yml`'s, then its folders'
/// navigation files' (by path), and their problems.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub(super) navigations: Vec<Navigation>,
    /// The names tables of contents list pages under without titling
    /// them (a Jupyter Book entry's `title:`): `(page, name)`.
    pub(super) names: Vec<(String, String)>,
    /// The translations they give the titles of their sections, by
    /// language (a Starlight group's `translations`).
    pub(super) labels: Vec<Labels>,
    pub(super) problems: Vec<Diagnostic>,
}

impl Read {
    /// What a navigation file gives: the navigation that `entries` of
    /// `file`, written as `nav:` entries, give, after the `problems` met
    /// making them.
    pub(super) fn of_entries(
        file: &SourceFile,
        entries: &[Value],
        problems: Vec<Diagnostic>,
    ) -> Self {
        let (navigation, more) = super::mkdocs::navigation_of(file, entries);
        let mut read = Read {
            navigations: vec![navigation],
            problems,
            ..Read::default()
        };
        read.problems.extend(more);
        read
    }

    /// What a navigation file that cannot be read gives: its `problem`.
    pub(super) fn unread(problem: Diagnostic) -> Self {
        Read {
            problems: vec![problem],
            ..Read::default()
        }
    }

    /// The titles the navigations give pages and the names tables of
    /// contents list them under (books' summaries among `contents`
    /// first), by content-relative path; a page listed twice keeps its
    /// first.
    pub(super) fn given_titles<'a>(
        &'a self,
        config: &'a Config,
        contents: &[SourceFile],
    ) -> GivenTitles<'a> {
        let pages = self
            .navigations
            .iter()
            .rev()
            .flat_map(|n| n.pages.iter().rev());
        let titles = pages
            .filter_map(|page| Some((page.rel.as_str(), page.title.as_deref()?)))
            .collect();
        let mut names = super::summary::chapter_names(contents);
        for (rel, name) in &self.names {
            names.entry(rel.clone()).or_insert_with(|| name.clone());
        }
        GivenTitles {
            config,
            titles,
            names,
        }
    }
}

/// What [`Read::given_titles`] found.
pub(super) struct GivenTitles<'a> {
    config: &'a Config,
    titles: HashMap<&'a str, &'a str>,
    names: HashMap<String, String>,
}

impl GivenTitles<'_> {
    /// The titles other files give the page `rel`. A page of the default
    /// language's folder (`en/setup.md`) has the titles given its path in
    /// that folder (`setup.md`), as mkdocs-static-i18n's `nav:` names the
    /// default language's pages; another language's, written for the
    /// default language, are not its.
    pub(super) fn of<'r>(&'r self, rel: &'r str) -> Given<'r> {
        let placed = match self.config.language_folder(rel) {
            (Some(lang), placed) if lang == self.config.default_language => placed,
            _ => rel,
        };
        let title = |key: &str| self.titles.get(key).copied();
        Given {
            nav_title: title(rel).or_else(|| title(placed)),
            chapter: self.names.get(rel).map(String::as_str),
        }
    }
}

/// The pages a navigation file names by a key of its own (a Docusaurus doc
/// id, a Starlight slug), and the problems met looking them up.
pub(super) struct Named<'a> {
    file: &'a SourceFile,
    /// The content-relative path of each page, by its key.
    pages: HashMap<String, &'a str>,
    pub(super) problems: Vec<Diagnostic>,
}

impl<'a> Named<'a> {
    pub(super) fn new(file: &'a SourceFile, pages: HashMap<String, &'a str>) -> Self {
        Named {
            file,
            pages,
            problems: Vec::new(),
        }
    }

    /// The page of the key `key`, as a `nav:` entry.
    pub(super) fn entry(&self, key: &str) -> Option<Value> {
        Some(Value::String((*self.pages.get(key)?).to_owned()))
    }

    /// The page the string `named` of the file names, looked up by the key
    /// `key` makes of it, as a `nav:` entry; else a warning at the string
    /// that the file `lists` it ("the sidebars list the doc") while no
    /// page is, with `help`.
    pub(super) fn page(
        &mut self,
        named: &Literal,
        key: impl Fn(&str) -> String,
        lists: &str,
        help: &str,
    ) -> Option<Value> {
        let Literal::Text(written, span) = named else {
            return None;
        };
        let entry = self.entry(&key(written));
        if entry.is_none() {
            self.problems.push(
                Diagnostic::warning(
                    &self.file.path,
                    span.clone(),
                    format!("{lists} `{written}`, which no page of the content folder is"),
                )
                .with_help(help),
            );
        }
        entry
    }
}

/// Reads the navigations of `sources`, a site of `config`: its
/// `mkdocs.yml`'s, its Docusaurus sidebars', its Starlight sidebar, its
/// Jupyter Book table of contents', its Mintlify navigation, then its
/// folders', then its pages' Sphinx toctrees.
pub(super) fn read(config: &Config, sources: &Sources) -> Read {
    let mut read = super::mkdocs::read(sources);
    for other in [
        super::docusaurus::read(sources),
        super::starlight_sidebar::read(config, sources),
        super::jupyter_book::read(sources),
        super::mintlify::read(sources),
    ] {
        read.navigations.extend(other.navigations);
        read.names.extend(other.names);
        read.labels.extend(other.labels);
        read.problems.extend(other.problems);
    }
    let (folders, problems) = super::folders::read(sources);
    read.navigations.extend(folders);
    read.problems.extend(problems);
    let (toctrees, problems) = super::toctree::read(sources);
    read.navigations.extend(toctrees);
    read.problems.extend(problems);
    read
}

/// Parses `sources` with `parse_with` and their navigations; if a page
/// it withholds (internal, or a draft) writes a Sphinx toctree, parses
/// them again without that page's: the toctree's caption and its entries'
/// titles would title public folders and pages (`Migration to CANARY
/// <guides/setup>`). Whether a page is withheld never depends on the
/// navigations, so the second parse withholds the same pages.
pub(super) fn parse_navigated(
    config: &Config,
    sources: &Sources,
    mut parse_with: impl FnMut(Read) -> Parsed,
) -> Parsed {
    let parsed = parse_with(read(config, sources));
    let withheld = |audience: Audience, draft: bool| draft || audience == Audience::Internal;
    let pages: HashSet<&Path> = parsed
        .articles
        .iter()
        .filter(|a| withheld(a.audience, a.draft))
        .map(|a| a.path.as_path())
        .chain(
            parsed
                .sections
                .iter()
                .filter(|s| withheld(s.audience, s.draft))
                .map(|s| s.path.as_path()),
        )
        .collect();
    if !parsed
        .navigations
        .iter()
        .any(|n| pages.contains(n.path.as_path()))
    {
        return parsed;
    }
    let pages: HashSet<PathBuf> = pages.into_iter().map(Path::to_path_buf).collect();
    let mut again = read(config, sources);
    again.navigations.retain(|n| !pages.contains(&n.path));
    parse_with(again)
}

#[cfg(test)]
impl Navigation {
    /// The sections it places or titles, as (section, title, position):
    /// what the readers' tests compare.
    pub(super) fn section_places(&self) -> Vec<(&str, Option<&str>, Option<i64>)> {
        self.sections
            .iter()
            .map(|s| (s.section.as_str(), s.title.as_deref(), s.position))
            .collect()
    }
}

/// What the readers of tables of contents are tested on.
#[cfg(test)]
pub(super) mod testing {
    use super::Read;
    use crate::discover::{SourceFile, Sources};

    /// What `read` reads of a site whose articles are at `articles` and
    /// landing pages at `landings` (each a page titled `T`), with the
    /// table of contents `name` written `text`.
    pub(in crate::parse) fn read_toc(
        read: fn(&Sources) -> Read,
        (articles, landings): (&[&str], &[&str]),
        (name, text): (&str, &str),
    ) -> Read {
        let page = |rel: &&str| SourceFile::in_content(rel, "# T\n");
        let sources = Sources {
            articles: articles.iter().map(page).collect(),
            sections: landings.iter().map(page).collect(),
            book_tocs: vec![SourceFile::in_content(name, text)],
            ..Sources::default()
        };
        read(&sources)
    }

    /// The pages the first navigation `read` holds lists, in order.
    pub(in crate::parse) fn listed(read: &Read) -> Vec<&str> {
        read.navigations[0]
            .pages
            .iter()
            .map(|p| p.rel.as_str())
            .collect()
    }
}

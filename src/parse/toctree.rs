//! Sphinx's `toctree` directives, as MyST Markdown writes them
//! (```` ```{toctree} ```` or `:::{toctree}` … the closing fence): the
//! only place a Sphinx project keeps the order of its pages.
//!
//! In: the articles and landing pages discovery read. Out: one
//! [`Navigation`] per page that writes a toctree, in the order Sphinx
//! walks them (from the content folder's landing page, its root document,
//! down through the documents each toctree lists; then the pages no walk
//! reaches, by path), so that a page listed twice keeps the place of the
//! toctree Sphinx meets first.
//!
//! Entries are read as Sphinx reads them: a document name relative to the
//! page's folder (from the content folder with a leading `/`), without
//! extension (one is taken off); `Title <name>` gives the page that
//! title; with `:glob:`, an entry with `*`, `?` or `[` lists the
//! documents it matches, sorted by name (`*` within a folder, `**` across
//! folders, the page itself and documents an earlier pattern of the same
//! toctree matched left out); `:reversed:` reverses the entries; `self`
//! and links to other sites are passed over. A document that is a
//! folder's landing page gives that folder its place among the folders
//! the toctree lists; a `:caption:` titles the folder all its documents
//! share, as a titled section of MkDocs's `nav:` does. An entry that names
//! no document, and a pattern that matches none, are warnings at the entry.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use super::SectionPath;
use super::mkdocs::common_folder;
use super::navigation::{NavPage, NavSection, Navigation};
use crate::diagnostics::Diagnostic;
use crate::discover::{SourceFile, Sources, is_markdown};
use crate::landing::{join_relative, markdown_stem, split_dir};

/// A toctree directive as written.
#[derive(Debug, Default, PartialEq, Eq)]
struct Toctree {
    caption: Option<String>,
    glob: bool,
    reversed: bool,
    /// Its entries, trimmed, with where each is written.
    entries: Vec<(String, Range<usize>)>,
}

/// Whether the Markdown texts `before` and `after` write the same
/// toctrees (options and entries, wherever they stand): an edit that
/// changes one changes the order of the site, not one page alone.
pub fn same_toctrees(before: &str, after: &str) -> bool {
    let read = |text: &str| {
        toctrees(text)
            .into_iter()
            .map(|tree| {
                let entries: Vec<String> = tree.entries.into_iter().map(|(e, _)| e).collect();
                (tree.caption, tree.glob, tree.reversed, entries)
            })
            .collect::<Vec<_>>()
    };
    read(before) == read(after)
}

/// The pages that write toctrees, by content-relative path: each one's
/// file, and its toctrees with the documents each lists.
type Listings<'a> = BTreeMap<&'a str, (&'a SourceFile, Vec<(Toctree, Vec<Listed>)>)>;

/// A document a toctree lists, by content-relative path (a
/// reStructuredText page's too, which is no page of the site but places
/// its folder).
struct Listed {
    rel: String,
    title: Option<String>,
}

/// The navigations the toctrees of `sources`' pages give, in the order
/// Sphinx walks them, and the warnings for entries that name no document.
pub(super) fn read(sources: &Sources) -> (Vec<Navigation>, Vec<Diagnostic>) {
    let pages = || sources.articles.iter().chain(&sources.sections);
    // Document names, as Sphinx knows them: paths without extension.
    let mut docs: BTreeMap<&str, &str> = BTreeMap::new();
    for file in pages() {
        docs.entry(markdown_stem(&file.rel)).or_insert(&file.rel);
    }
    // reStructuredText pages, which tier0 does not read.
    let rst: BTreeSet<&str> = sources
        .assets
        .iter()
        .filter_map(|asset| asset.rel.strip_suffix(".rst"))
        .collect();
    let known = Known { docs, rst };
    let mut problems = Vec::new();
    let mut listed: Listings<'_> = BTreeMap::new();
    let mut files: Vec<&SourceFile> = pages().collect();
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    for file in files {
        let trees = toctrees(&file.text);
        if trees.is_empty() {
            continue;
        }
        let trees = trees
            .into_iter()
            .map(|tree| {
                let found = resolve(file, &tree, &known, &mut problems);
                (tree, found)
            })
            .collect();
        listed.insert(&file.rel, (file, trees));
    }
    let landings: HashSet<&str> = sources.sections.iter().map(|f| f.rel.as_str()).collect();
    let roots = sources
        .sections
        .iter()
        .filter(|f| split_dir(&f.rel).0.is_empty())
        .map(|f| f.rel.as_str());
    let mut navigations = Vec::new();
    for rel in walk(roots.chain(listed.keys().copied()), &listed) {
        let (file, trees) = &listed[rel];
        navigations.push(navigation(file, trees, &landings));
    }
    (navigations, problems)
}

/// The pages of `listed` that write toctrees, in the order a depth-first
/// walk from each of `starts` meets them, each once.
fn walk<'a>(starts: impl Iterator<Item = &'a str>, listed: &Listings<'a>) -> Vec<&'a str> {
    let mut order = Vec::new();
    let mut seen = HashSet::new();
    for start in starts {
        // A stack, not recursion: a chain of toctrees may be long.
        let mut stack = vec![start];
        while let Some(rel) = stack.pop() {
            let Some((key, (_, trees))) = listed.get_key_value(rel) else {
                continue;
            };
            if !seen.insert(*key) {
                continue;
            }
            order.push(*key);
            let children = trees.iter().flat_map(|(_, found)| found);
            stack.extend(children.rev().map(|doc| doc.rel.as_str()));
        }
    }
    order
}

/// What the toctrees `trees` of `file` say of the site: their documents
/// in order, the places of the folders they list, their captions'
/// folders.
fn navigation(
    file: &SourceFile,
    trees: &[(Toctree, Vec<Listed>)],
    landings: &HashSet<&str>,
) -> Navigation {
    let dir = split_dir(&file.rel).0;
    let mut navigation = Navigation {
        path: file.path.clone(),
        ..Default::default()
    };
    let mut placed = BTreeSet::new();
    for (tree, found) in trees {
        for doc in found {
            if is_markdown(&doc.rel) && !landings.contains(doc.rel.as_str()) {
                navigation.pages.push(NavPage {
                    rel: doc.rel.clone(),
                    title: doc.title.clone(),
                    after_rest: false,
                    hidden: false,
                });
            }
            let Some(child) = child_folder(dir, &doc.rel) else {
                continue;
            };
            if let Some(section) = SectionPath::of(&child).id
                && placed.insert(section.clone())
            {
                navigation.sections.push(NavSection {
                    section,
                    title: None,
                    position: Some(placed.len() as i64),
                    gathers: Vec::new(),
                });
            }
        }
        let rels: Vec<String> = found.iter().map(|doc| doc.rel.clone()).collect();
        let shared = common_folder(&rels).and_then(|folder| SectionPath::of(folder).id);
        if let (Some(caption), Some(section)) = (&tree.caption, shared) {
            navigation.sections.push(NavSection {
                section,
                title: Some(caption.clone()),
                position: None,
                gathers: Vec::new(),
            });
        }
    }
    navigation
}

/// The subfolder of `dir` that holds the page at `rel`, if it lies below
/// `dir`.
fn child_folder(dir: &str, rel: &str) -> Option<String> {
    let below = match dir {
        "" => rel,
        _ => rel.strip_prefix(dir)?.strip_prefix('/')?,
    };
    let (first, _) = below.split_once('/')?;
    Some(match dir {
        "" => first.to_owned(),
        _ => format!("{dir}/{first}"),
    })
}

/// The documents of a site, by document name.
struct Known<'a> {
    /// Its Markdown pages' paths.
    docs: BTreeMap<&'a str, &'a str>,
    /// Its reStructuredText pages.
    rst: BTreeSet<&'a str>,
}

/// The pages Sphinx generates, which a toctree may list (Sphinx 5.2).
const GENERATED: [&str; 3] = ["genindex", "modindex", "search"];

/// The documents of `known` that `tree`, written in `file`, lists, in its
/// order; a warning for each entry that names none.
fn resolve(
    file: &SourceFile,
    tree: &Toctree,
    known: &Known<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Listed> {
    let docs = &known.docs;
    let own = markdown_stem(&file.rel);
    // Documents a pattern may still match: not this page, nor one an
    // earlier pattern of this toctree matched.
    let mut unmatched: BTreeSet<&str> = docs.keys().copied().filter(|d| *d != own).collect();
    let mut found = Vec::new();
    for (entry, span) in &tree.entries {
        let (title, target) = explicit_title(entry);
        if target == "self" || target.contains("://") {
            continue;
        }
        let Some(name) = join(own, markdown_stem(target)) else {
            problems.push(no_document(
                file,
                span,
                entry,
                "names no document of the site",
            ));
            continue;
        };
        if tree.glob && title.is_none() && target.contains(['*', '?', '[']) {
            let matched: Vec<&str> = unmatched
                .iter()
                .copied()
                .filter(|doc| glob_matches(&name, doc))
                .collect();
            if matched.is_empty() {
                problems.push(no_document(
                    file,
                    span,
                    entry,
                    "matches no document of the site",
                ));
            }
            for doc in matched {
                unmatched.remove(doc);
                found.push(Listed {
                    rel: docs[doc].to_owned(),
                    title: None,
                });
            }
            continue;
        }
        match docs.get(name.as_str()) {
            Some(rel) => found.push(Listed {
                rel: (*rel).to_owned(),
                title: title.map(str::to_owned),
            }),
            None if GENERATED.contains(&name.as_str()) => {}
            // Not a page here, but it still places its folder.
            None if known.rst.contains(name.as_str()) => {
                problems.push(no_document(
                    file,
                    span,
                    entry,
                    &format!(
                        "names `{name}.rst`, a reStructuredText page, which tier0 does not read"
                    ),
                ));
                found.push(Listed {
                    rel: format!("{name}.rst"),
                    title: None,
                });
            }
            None => problems.push(no_document(
                file,
                span,
                entry,
                "names no document of the site",
            )),
        }
    }
    if tree.reversed {
        found.reverse();
    }
    found
}

fn no_document(file: &SourceFile, span: &Range<usize>, entry: &str, what: &str) -> Diagnostic {
    Diagnostic::warning(
        &file.path,
        span.clone(),
        format!("this toctree entry `{entry}` {what}: it is passed over"),
    )
    .with_help(
        "write a Markdown page's path without extension, relative to this page (from the content \
         folder with a leading `/`), fix the name, or remove the entry",
    )
}

/// `Title <name>` → (`Some("Title")`, `name`); another entry is its own
/// target.
fn explicit_title(entry: &str) -> (Option<&str>, &str) {
    let split = entry
        .strip_suffix('>')
        .and_then(|rest| rest.rsplit_once('<'))
        .map(|(title, target)| (title.trim_end(), target.trim()))
        .filter(|(title, target)| !title.is_empty() && !target.is_empty());
    match split {
        Some((title, target)) => (Some(title), target),
        None => (None, entry),
    }
}

/// The document name `target`, written in the document `base`, names
/// (Sphinx's `docname_join`): relative to `base`'s folder, or to the
/// content folder with a leading `/`; `None` above the content folder.
fn join(base: &str, target: &str) -> Option<String> {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => join_relative("", absolute),
        None => join_relative(split_dir(base).0, target),
    };
    joined.map(|name| name.trim_end_matches('/').to_owned())
}

/// Whether the document name `doc` matches `pattern` as Sphinx's
/// `patfilter` does: `**` matches anything, `*` anything but `/`, `?` one
/// character but `/`, `[…]` (`[!…]`) one of (none of) a set.
fn glob_matches(pattern: &str, doc: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let doc: Vec<char> = doc.chars().collect();
    // `ends[j]`: whether the pattern read so far can end after `j`
    // characters of `doc`.
    let mut ends = vec![false; doc.len() + 1];
    ends[0] = true;
    let mut at = 0;
    while at < pattern.len() {
        let mut next = vec![false; doc.len() + 1];
        let class = class_end(&pattern, at);
        match (pattern[at], class) {
            ('*', _) => {
                let across = pattern.get(at + 1) == Some(&'*');
                at += if across { 2 } else { 1 };
                let mut reach = false;
                for j in 0..=doc.len() {
                    reach = ends[j] || (reach && (across || doc[j - 1] != '/'));
                    next[j] = reach;
                }
            }
            ('[', Some(close)) => {
                let (negated, set) = match pattern.get(at + 1) {
                    Some('!') => (true, &pattern[at + 2..close]),
                    _ => (false, &pattern[at + 1..close]),
                };
                for j in 0..doc.len() {
                    next[j + 1] = ends[j] && in_class(set, doc[j]) != negated && doc[j] != '/';
                }
                at = close + 1;
            }
            (c, _) => {
                for j in 0..doc.len() {
                    let one = if c == '?' { doc[j] != '/' } else { doc[j] == c };
                    next[j + 1] = ends[j] && one;
                }
                at += 1;
            }
        }
        ends = next;
    }
    ends[doc.len()]
}

/// Where the character class opened at `open` closes, if a class opens
/// there and closes (a `]` first in the class belongs to it).
fn class_end(pattern: &[char], open: usize) -> Option<usize> {
    if pattern[open] != '[' {
        return None;
    }
    let mut from = open + 1;
    if pattern.get(from) == Some(&'!') {
        from += 1;
    }
    let first = from;
    (first..pattern.len()).find(|&i| pattern[i] == ']' && i > first)
}

/// Whether `c` is in the class `set` (characters and `a-z` ranges).
fn in_class(set: &[char], c: char) -> bool {
    let mut i = 0;
    while i < set.len() {
        if i + 2 < set.len() && set[i + 1] == '-' {
            if (set[i]..=set[i + 2]).contains(&c) {
                return true;
            }
            i += 3;
        } else {
            if set[i] == c {
                return true;
            }
            i += 1;
        }
    }
    false
}

/// What a block being read is.
enum Block {
    /// A code block, with its fence: no directive inside it is read.
    Code(u8, usize),
    /// A toctree, with its fence, and what is read of it.
    Toctree(u8, usize, Toctree, Phase),
}

/// Where the reading of a toctree is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Its first lines: `:name: value` options, or a YAML block.
    Options,
    /// Inside its YAML block of options (`---` … `---`).
    Yaml,
    /// Its entries.
    Entries,
}

/// The toctrees of the Markdown `text`, in order.
fn toctrees(text: &str) -> Vec<Toctree> {
    // Every page of every build (and both sides of each edit in `serve`)
    // comes here: one fast search spares the pages without a toctree the
    // line-by-line reading.
    if !text.contains("toctree") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut block: Option<Block> = None;
    // The fences of the directives and containers read through.
    let mut directives: Vec<(u8, usize)> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let at = start;
        start += line.len();
        let trimmed = line.trim();
        let offset = at + (line.len() - line.trim_start().len());
        let (mark, len, info) = fence(trimmed);
        match &mut block {
            Some(Block::Code(open, open_len))
                if len >= *open_len && mark == *open && info.is_empty() =>
            {
                block = None;
            }
            Some(Block::Code(..)) => {}
            Some(Block::Toctree(open, open_len, tree, phase)) => {
                if len >= *open_len && mark == *open && info.is_empty() {
                    if let Some(Block::Toctree(_, _, tree, _)) = block.take() {
                        found.push(tree);
                    }
                    continue;
                }
                *phase = match (*phase, trimmed) {
                    (Phase::Options, "---") => Phase::Yaml,
                    (Phase::Yaml, "---") => Phase::Options,
                    (Phase::Yaml, _) => {
                        tree.option(trimmed);
                        Phase::Yaml
                    }
                    (Phase::Options, _) if trimmed.starts_with(':') => {
                        tree.option(&trimmed[1..]);
                        Phase::Options
                    }
                    (_, "") => Phase::Entries,
                    _ => {
                        tree.entries
                            .push((trimmed.to_owned(), offset..offset + trimmed.len()));
                        Phase::Entries
                    }
                };
            }
            None if len >= 3 => {
                // The closing fence of a directive or container read through.
                if info.is_empty()
                    && let Some(&(open, open_len)) = directives.last()
                    && open == mark
                    && len >= open_len
                {
                    directives.pop();
                    continue;
                }
                let name = info
                    .strip_prefix('{')
                    .and_then(|rest| rest.split_once('}'))
                    .map(|(name, _)| name.trim());
                block = match name {
                    Some("toctree") => Some(Block::Toctree(
                        mark,
                        len,
                        Toctree::default(),
                        Phase::Options,
                    )),
                    // Directives hold Markdown, and a toctree may be in one.
                    Some(name) if !matches!(name, "code-block" | "code" | "sourcecode") => {
                        directives.push((mark, len));
                        None
                    }
                    _ if mark == b':' => {
                        if !info.is_empty() {
                            directives.push((mark, len));
                        }
                        None
                    }
                    _ => Some(Block::Code(mark, len)),
                };
            }
            None => {}
        }
    }
    found
}

impl Toctree {
    /// Reads the option `name: value` (without the leading `:`), when it
    /// is one tier0 reads.
    fn option(&mut self, line: &str) {
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        match (name.trim(), value.trim()) {
            ("caption", caption) if !caption.is_empty() => self.caption = Some(caption.to_owned()),
            ("glob", _) => self.glob = true,
            ("reversed", _) => self.reversed = true,
            _ => {}
        }
    }
}

/// A fence that `line` (trimmed) opens or closes: its mark, its length
/// (0 when it is none) and what follows it.
fn fence(line: &str) -> (u8, usize, &str) {
    let Some(&mark) = line.as_bytes().first().filter(|b| b"`~:".contains(b)) else {
        return (0, 0, line);
    };
    let len = line.bytes().take_while(|&b| b == mark).count();
    (mark, len, line[len..].trim())
}

#[cfg(test)]
mod tests;

//! Where each category, section and article of the export goes.
//!
//! Categories are folders under `content/`, sections nest inside them and
//! inside each other (`parent_section_id`) to any depth, and articles are
//! files in their section's folder; names are slugs of the names in the
//! site's default language (else the article's source language). Whatever
//! an earlier import placed stays where it is now, even if someone moved
//! it, and the new articles of a moved section follow it. A name never
//! reuses a path that exists (or that tier0 keeps for itself): `-<id>` is
//! added instead.

use std::collections::{BTreeMap, BTreeSet};

use super::Languages;
use super::export::{Article, Export};
use super::sync::{Kind, Local, Origin};
use crate::output_paths::GENERATED;
use crate::slug;

/// Folders and file names of the export's items, relative to `content/`.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// Folder of each category.
    pub categories: BTreeMap<u64, String>,
    /// Folder of each section.
    pub sections: BTreeMap<u64, String>,
    /// Folder and base name of each article (`network/vpn/error-809`):
    /// add `.md`, or `.<lang>.md` for a language other than the default.
    pub articles: BTreeMap<u64, String>,
    /// Files of new translations of articles placed before whose usual
    /// name (`base.<lang>.md`) is taken: `base-<id>.<lang>.md` instead.
    pub translations: BTreeMap<(u64, String), String>,
}

impl Layout {
    /// The file of article `id` in language `code` (`suffix` its file suffix).
    pub(super) fn article_file(&self, id: u64, code: &str, suffix: &str) -> String {
        self.translations
            .get(&(id, code.to_owned()))
            .cloned()
            .unwrap_or_else(|| format!("{}{suffix}.md", self.articles[&id]))
    }
}

/// The folder of a file path (`""` at the top).
fn folder_of(rel: &str) -> String {
    rel.rsplit_once('/')
        .map_or(String::new(), |(dir, _)| dir.to_owned())
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

/// Paths handed out so far, in lowercase.
struct Claims<'a> {
    local: &'a Local,
    claimed: BTreeSet<String>,
    /// Top-level names tier0 uses itself: its folders and language prefixes.
    reserved: BTreeSet<String>,
}

impl Claims<'_> {
    /// The first of `name`, `name-<id>`, `name-<id>-2`… whose `paths` are
    /// all free under `dir`.
    fn claim(
        &mut self,
        dir: &str,
        name: &str,
        id: u64,
        paths: impl Fn(&str) -> Vec<String>,
    ) -> String {
        let reserved = |candidate: &str| dir.is_empty() && self.reserved.contains(candidate);
        let free = |path: &str| !paths(path).iter().any(|p| self.local.is_taken(p));
        let path = numbered(name, id)
            .filter(|candidate| !reserved(candidate))
            .map(|candidate| join(dir, &candidate))
            .find(|path| !self.claimed.contains(&path.to_lowercase()) && free(path));
        self.take(path)
    }

    /// `base<suffix>.md`, or else the first of `base-<id><suffix>.md`,
    /// `base-<id>-2<suffix>.md`… that no file and no claim holds.
    fn claim_file(&mut self, base: &str, id: u64, suffix: &str) -> String {
        let file = numbered(base, id)
            .map(|candidate| format!("{candidate}{suffix}.md"))
            .find(|file| {
                !self.claimed.contains(&file.to_lowercase()) && !self.local.is_taken(file)
            });
        self.take(file)
    }

    /// Records `path`, the first free one of an endless sequence, as
    /// handed out.
    fn take(&mut self, path: Option<String>) -> String {
        let path = path.unwrap_or_default();
        self.claimed.insert(path.to_lowercase());
        path
    }
}

/// `name`, then `name-<id>`, `name-<id>-2`…: the names an item may take,
/// without end.
fn numbered(name: &str, id: u64) -> impl Iterator<Item = String> + '_ {
    let others = (1u64..).map(move |n| match n {
        1 => format!("{name}-{id}"),
        n => format!("{name}-{id}-{n}"),
    });
    std::iter::once(name.to_owned()).chain(others)
}

/// The versions of the item `id` in `items`, which the export sorts by id
/// (then locale): found by halving, not by reading the whole list for
/// each item, which cost ten billion comparisons for 100,000 articles.
fn with_id<T>(items: &[T], id: u64, id_of: impl Fn(&T) -> u64) -> &[T] {
    let start = items.partition_point(|item| id_of(item) < id);
    let end = items.partition_point(|item| id_of(item) <= id);
    &items[start..end]
}

/// The slug of `name`, or `fallback` when it has no letter or digit.
fn slug_or(name: &str, fallback: &str) -> String {
    Some(slug::slugify(name))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| fallback.to_owned())
}

/// The name an item goes by: in the default language, else the first given.
fn preferred<'a, T>(
    items: impl Iterator<Item = &'a T>,
    langs: &Languages,
    locale: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let items: Vec<&T> = items.collect();
    items
        .iter()
        .find(|i| langs.code(locale(i)) == langs.default)
        .or_else(|| items.first())
        .copied()
}

/// Places every item of `export`.
pub(super) fn layout(export: &Export, langs: &Languages, local: &Local) -> Layout {
    let mut claims = Claims {
        local,
        claimed: BTreeSet::new(),
        reserved: GENERATED
            .iter()
            .map(|g| g.name.to_owned())
            .chain(langs.by_locale.values().cloned())
            .collect(),
    };
    let mut layout = Layout::default();
    // Items placed before keep their place; new ones are named after them.
    // The files are sorted by kind, id and locale: the item's first file
    // is found in the map, not by reading every file for every item.
    let placed = |kind: Kind, id: u64| {
        let first = Origin {
            kind,
            id,
            locale: String::new(),
        };
        local
            .files
            .range(first..)
            .next()
            .filter(|(origin, _)| origin.kind == kind && origin.id == id)
            .map(|(_, file)| file.rel.clone())
    };
    let as_folder = |dir: &str| vec![dir.to_owned()];

    let category_ids: BTreeSet<u64> = export.categories.iter().map(|c| c.id).collect();
    for id in category_ids {
        let folder = match placed(Kind::Category, id) {
            Some(rel) => folder_of(&rel),
            None => {
                let names = with_id(&export.categories, id, |c| c.id).iter();
                let name = preferred(names, langs, |c| &c.locale).map_or("", |c| &c.name);
                claims.claim("", &slug_or(name, "category"), id, as_folder)
            }
        };
        layout.categories.insert(id, folder);
    }

    let section_ids: BTreeSet<u64> = export.sections.iter().map(|s| s.id).collect();
    for &id in &section_ids {
        place_section(
            export,
            langs,
            id,
            &mut Vec::new(),
            &placed,
            &mut claims,
            &mut layout,
        );
    }

    let article_ids: BTreeSet<u64> = export.articles.iter().map(|a| a.id).collect();
    for id in article_ids {
        let versions: Vec<&Article> = with_id(&export.articles, id, |a| a.id).iter().collect();
        let base = match placed(Kind::Article, id) {
            Some(rel) => {
                let base = base_of(&rel, langs);
                // A translation new since then is checked like a new
                // file: its usual name may have been taken meanwhile.
                for a in &versions {
                    let origin = Origin {
                        kind: Kind::Article,
                        id,
                        locale: a.locale.clone(),
                    };
                    if local.files.contains_key(&origin) {
                        continue;
                    }
                    let code = langs.code(&a.locale);
                    let suffix = langs.suffix(&code);
                    let file = claims.claim_file(&base, id, &suffix);
                    if file != format!("{base}{suffix}.md") {
                        layout.translations.insert((id, code), file);
                    }
                }
                base
            }
            None => {
                let dir = versions
                    .iter()
                    .find_map(|a| a.section_id.and_then(|s| layout.sections.get(&s)))
                    .cloned()
                    .unwrap_or_default();
                let source = versions
                    .iter()
                    .find(|a| a.source_locale.as_deref() == Some(a.locale.as_str()));
                let title = versions
                    .iter()
                    .find(|a| langs.code(&a.locale) == langs.default)
                    .or(source)
                    .or(versions.first())
                    .map_or("", |a| a.title.as_str());
                let codes: Vec<String> = langs.by_locale.values().cloned().collect();
                let suffixes: Vec<String> = codes.iter().map(|c| langs.suffix(c)).collect();
                claims.claim(&dir, &slug_or(title, "article"), id, |base| {
                    suffixes.iter().map(|s| format!("{base}{s}.md")).collect()
                })
            }
        };
        layout.articles.insert(id, base);
    }
    layout
}

/// `dir/name.es.md` → `dir/name`.
fn base_of(rel: &str, langs: &Languages) -> String {
    let stem = rel.strip_suffix(".md").unwrap_or(rel);
    match stem.rsplit_once('.') {
        Some((base, code)) if langs.by_locale.values().any(|c| c == code) => base.to_owned(),
        _ => stem.to_owned(),
    }
}

/// Places section `id` (and its parents first); `path` holds the sections
/// being placed, so that a loop of parents ends.
fn place_section(
    export: &Export,
    langs: &Languages,
    id: u64,
    path: &mut Vec<u64>,
    placed: &dyn Fn(Kind, u64) -> Option<String>,
    claims: &mut Claims,
    layout: &mut Layout,
) -> String {
    if let Some(folder) = layout.sections.get(&id) {
        return folder.clone();
    }
    if let Some(rel) = placed(Kind::Section, id) {
        let folder = folder_of(&rel);
        layout.sections.insert(id, folder.clone());
        return folder;
    }
    let versions = with_id(&export.sections, id, |s| s.id).iter();
    let Some(section) = preferred(versions, langs, |s| &s.locale) else {
        return String::new();
    };
    path.push(id);
    let parent = match section.parent_section_id {
        Some(parent)
            if !path.contains(&parent)
                && !with_id(&export.sections, parent, |s| s.id).is_empty() =>
        {
            place_section(export, langs, parent, path, placed, claims, layout)
        }
        _ => section
            .category_id
            .and_then(|c| layout.categories.get(&c).cloned())
            .unwrap_or_default(),
    };
    path.pop();
    let folder = claims.claim(&parent, &slug_or(&section.name, "section"), id, |dir| {
        vec![dir.to_owned()]
    });
    layout.sections.insert(id, folder.clone());
    folder
}

#[cfg(test)]
mod tests {
    use super::with_id;

    #[test]
    fn the_versions_of_an_id_are_found_in_the_sorted_list() {
        let items = [(1, "en"), (2, "en"), (2, "es"), (5, "en")];
        assert_eq!(with_id(&items, 2, |i| i.0), [(2, "en"), (2, "es")]);
        assert_eq!(with_id(&items, 5, |i| i.0), [(5, "en")]);
        assert!(with_id(&items, 3, |i| i.0).is_empty());
        assert!(with_id(&items, 9, |i| i.0).is_empty());
    }
}

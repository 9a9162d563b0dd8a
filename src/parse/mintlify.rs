//! A Mintlify project's navigation: `docs.json` (or `mint.json`, its name
//! before 2025) at the top of the content folder, whose `navigation` lists
//! the pages by path without extension (`quickstart`,
//! `api-reference/users/create`) in groups, tabs, anchors, dropdowns,
//! menus, languages, versions and products, nested in any order. It is
//! read as the tables of contents of the `jupyter_book` module are: the
//! pages in its order, a group titling and placing the folder its pages
//! share (`"group": "Get started"`, a tab's, an anchor's, a dropdown's or a
//! menu item's name), a language, version or product only holding its
//! entries. Links (`href`) are passed over, and a path that names no page
//! is a warning at its place. Pages it does not list are published after
//! the listed ones, as MkDocs publishes the pages its `nav:` leaves out
//! (Mintlify keeps them out of its sidebar: tier0 has no hidden pages).

use serde_yaml::Value;

use super::jupyter_book::{Listing, page_paths};
use super::mkdocs::group;
use super::navigation::Read;
use crate::diagnostics::Diagnostic;
use crate::discover::{MINTLIFY_FILES, SourceFile, Sources};

/// The keys of a navigation level that list its entries, in the order
/// Mintlify shows them.
const LISTS: [&str; 9] = [
    "pages",
    "groups",
    "tabs",
    "anchors",
    "dropdowns",
    "menu",
    "languages",
    "versions",
    "products",
];

/// The keys that name an entry that titles its pages' folder.
const NAMES: [&str; 5] = ["group", "tab", "anchor", "dropdown", "item"];

/// Reads the navigation of `sources`' Mintlify file, if it has one.
pub(super) fn read(sources: &Sources) -> Read {
    let pages = page_paths(sources);
    let Some(file) = sources
        .book_tocs
        .iter()
        .find(|f| MINTLIFY_FILES.contains(&f.rel.as_str()))
    else {
        return Read::default();
    };
    let navigation = match serde_json::from_str::<serde_json::Value>(&file.text) {
        Ok(config) => config.get("navigation").cloned().unwrap_or_default(),
        Err(e) => return Read::unread(not_json(file, &e)),
    };
    let mut listing = Listing {
        file,
        pages: &pages,
        names: Vec::new(),
        problems: Vec::new(),
    };
    let entries = entries(&mut listing, &navigation);
    Read::of_entries(file, &entries, listing.problems)
}

/// The `nav:` entries of one navigation value: a page's path, a list of
/// entries, or a level that lists them.
fn entries(listing: &mut Listing<'_>, value: &serde_json::Value) -> Vec<Value> {
    match value {
        serde_json::Value::String(path) => listing
            .page(path.trim().trim_start_matches('/'))
            .into_iter()
            .collect(),
        serde_json::Value::Array(items) => items
            .iter()
            .flat_map(|item| entries(listing, item))
            .collect(),
        serde_json::Value::Object(level) => {
            let children: Vec<Value> = LISTS
                .iter()
                .filter_map(|key| level.get(*key))
                .flat_map(|list| entries(listing, list))
                .collect();
            let name = NAMES
                .iter()
                .find_map(|key| level.get(*key)?.as_str())
                .unwrap_or("");
            group(name.trim(), children)
        }
        _ => Vec::new(),
    }
}

/// The error that `file` is not JSON, at the place the parser stopped.
fn not_json(file: &SourceFile, e: &serde_json::Error) -> Diagnostic {
    let at = file
        .text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + e.column().saturating_sub(1);
    let at = at.min(file.text.len());
    Diagnostic::error(&file.path, at..at, format!("this file is not JSON: {e}")).with_help(
        "its navigation is not read until it is fixed; the pages keep their folders' order",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::navigation::testing;

    fn read_file(name: &str, text: &str) -> Read {
        let articles = [
            "quickstart.mdx",
            "guides/setup.mdx",
            "guides/sso.md",
            "api/users/create.mdx",
            "api/users/delete.mdx",
            "changelog.mdx",
        ];
        testing::read_toc(read, (&articles, &["index.mdx"]), (name, text))
    }

    #[test]
    fn docs_json_tabs_and_groups_order_pages_and_title_their_folders() {
        let text = r#"{
  "$schema": "https://mintlify.com/docs.json",
  "theme": "mint",
  "navigation": {
    "tabs": [
      {
        "tab": "Guides",
        "groups": [
          { "group": "Get started", "pages": ["index", "/quickstart"] },
          { "group": "Set up", "pages": ["guides/sso", "guides/setup", "guides/missing"] }
        ]
      },
      { "tab": "Blog", "href": "https://example.com/blog" },
      {
        "tab": "API reference",
        "groups": [
          { "group": "Users", "pages": [{ "group": "Write", "pages": ["api/users/delete", "api/users/create"] }] }
        ]
      }
    ],
    "global": { "anchors": [{ "anchor": "Status", "href": "https://status.example.com" }] }
  }
}"#;
        let read = read_file("docs.json", text);
        assert_eq!(
            testing::listed(&read),
            [
                "index.mdx",
                "quickstart.mdx",
                "guides/sso.md",
                "guides/setup.mdx",
                "api/users/delete.mdx",
                "api/users/create.mdx"
            ]
        );
        let [warning] = &read.problems[..] else {
            panic!("{:?}", read.problems)
        };
        assert!(warning.message.contains("`guides/missing`"), "{warning:?}");
        let at = text.find("guides/missing").unwrap();
        assert_eq!(warning.span, at..at + "guides/missing".len());
        // The first entry whose pages share a folder titles it, as in
        // MkDocs's `nav:`: the tab, when all its pages do; a group of
        // pages of the top folder is a section of its own.
        assert_eq!(
            read.navigations[0].section_places(),
            [
                ("get-started", Some("Get started"), Some(2)),
                ("guides", Some("Set up"), Some(3)),
                ("api/users", Some("API reference"), Some(4))
            ]
        );
    }

    #[test]
    fn mint_json_lists_its_groups_and_languages_only_hold_theirs() {
        let legacy = r#"{"name": "Docs", "navigation": [
            {"group": "Start", "pages": ["quickstart", "changelog"]},
            {"group": "Guides", "pages": ["guides/setup", "guides/sso"]}
        ]}"#;
        let read = read_file("mint.json", legacy);
        assert_eq!(read.problems, []);
        assert_eq!(
            testing::listed(&read),
            [
                "quickstart.mdx",
                "changelog.mdx",
                "guides/setup.mdx",
                "guides/sso.md"
            ]
        );
        let languages = r#"{"navigation": {"languages": [
            {"language": "en", "groups": [{"group": "Guides", "pages": ["guides/setup"]}]}
        ]}}"#;
        let read = read_file("docs.json", languages);
        assert_eq!(testing::listed(&read), ["guides/setup.mdx"]);
        assert_eq!(
            read.navigations[0].section_places(),
            [("guides", Some("Guides"), Some(1))]
        );
    }

    #[test]
    fn a_file_that_is_not_json_is_an_error_at_its_place() {
        let read = read_file("docs.json", "{\n  \"navigation\": [\n    \"a\",\n  ]\n}\n");
        assert!(read.navigations.is_empty());
        let [error] = &read.problems[..] else {
            panic!("{:?}", read.problems)
        };
        assert!(
            error.message.starts_with("this file is not JSON"),
            "{error:?}"
        );
        assert_eq!(
            error.span.start,
            "{\n  \"navigation\": [\n    \"a\",\n  ".len()
        );
    }
}

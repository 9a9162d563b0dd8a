//! The keys other tools keep a page out of their search with, while it
//! stays listed: VitePress's `search: false`, MkDocs Material's `search:
//! {exclude: true}` (its `boost` is its own ranking, ignored), Starlight's
//! `pagefind: false`, Zola's `in_search_index = false`, and Sphinx's
//! file-wide `nosearch` (set by being written). tier0 leaves such a page
//! out of its search index, the site's and `tier0 search`'s alike.

use super::super::keys::normalise;
use super::Reader;
use crate::matter::{Entry, Value};

impl Reader<'_> {
    /// Whether `value`, the value of one of the keys of [`super::Field::Unsearched`],
    /// keeps the page out of search.
    pub(super) fn unsearched(&mut self, entry: &Entry, value: &Value) -> bool {
        match normalise(&entry.key).as_str() {
            "nosearch" => self.flag(entry, value) != Some(false),
            "search" => match value {
                Value::Map(keys) => keys.iter().any(|(key, value)| {
                    key.eq_ignore_ascii_case("exclude") && self.flag(entry, value) == Some(true)
                }),
                _ => self.flag(entry, value) == Some(false),
            },
            _ => self.flag(entry, value) == Some(false),
        }
    }
}

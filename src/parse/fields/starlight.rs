//! Astro Starlight's `sidebar:` map, which places a page in the sidebar
//! Starlight makes from the folders.
//!
//! `order` is the page's place among its siblings, as Docusaurus's
//! `sidebar_position` is ([`Field::Position`]); `hidden: true` leaves it
//! out of the sidebar while it is still built, reachable by its URL, which
//! is what `unlisted: true` ([`Field::Unlisted`]) does here. Starlight
//! still lets its search find such a page; tier0 lists an unlisted page
//! nowhere, search included, as Docusaurus does. `label`, `badge` and
//! `attrs` only dress the sidebar's link: read and ignored. VitePress
//! writes `sidebar: false` (no sidebar on that page), ignored too.

use super::super::keys::Field;
use super::Reader;
use crate::matter::{Entry, Value};

/// The keys of Starlight's `sidebar:` map, for "did you mean".
const KEYS: &[&str] = &["order", "label", "hidden", "badge", "attrs"];

impl<'a> Reader<'a> {
    /// Reads `value`, the value of a `sidebar:` key.
    pub(super) fn sidebar(&mut self, entry: &'a Entry, value: &Value) {
        let Value::Map(keys) = value else {
            // VitePress's `sidebar: false`, or nothing tier0 uses.
            return;
        };
        // A value's problem names its key in the map (`sidebar.order`).
        let named = |key: &str| Entry {
            key: format!("{}.{key}", entry.key),
            ..entry.clone()
        };
        for (key, value) in keys {
            match key.to_ascii_lowercase().as_str() {
                "order" => {
                    if self.first_setter(Field::Position, entry) {
                        self.read.spans.set("weight", &entry.value_span);
                        self.read.raw.position = self.integer(&named(key), value);
                    }
                }
                "hidden" => {
                    self.read.spans.set("unlisted", &entry.value_span);
                    self.read.raw.unlisted |= self.flag(&named(key), value).unwrap_or(false);
                }
                "label" | "badge" | "attrs" => {}
                _ => {
                    let suggestion = crate::matter::yaml::did_you_mean(key, KEYS).map_or_else(
                        || format!("Starlight reads `{}`", KEYS.join("`, `")),
                        |k| format!("did you mean `{k}`?"),
                    );
                    self.warn(
                        entry,
                        format!(
                            "`sidebar` has a key Starlight does not know, `{key}`: it is ignored"
                        ),
                        &suggestion,
                    );
                }
            }
        }
    }
}

//! The ids the default theme's templates give their own elements, which no
//! heading or step of a body may take: a body's `## Main` would otherwise
//! duplicate the skip link's `#main` target, and `## Still stuck` the
//! box that says how to reach level 1.
//!
//! A test reads every template and fails when one has a literal `id="…"`
//! missing here, so a template that gains an id cannot forget it.

/// Every literal `id` of `themes/default/templates`, sorted.
pub(super) const TEMPLATE_IDS: &[&str] = &[
    "flag-note",
    "flag-reason",
    "header-search",
    "hero-title",
    "in-this-section",
    "main",
    "reach",
    "recent",
    "related-title",
    "search-hint",
    "search-input",
    "search-page-title",
    "search-results",
    "section-nav-title",
    "site-menu",
    "solved",
    "still-stuck",
    "subsections",
    "support-contact",
    "target",
    "tier-articles",
    "tiers",
    "toc-title",
    "topics",
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::TEMPLATE_IDS;

    /// The literal values of ` id="…"` attributes in `html` (not
    /// `data-…-id`, not ids a template computes).
    fn ids(html: &str) -> Vec<&str> {
        html.match_indices("id=\"")
            .filter(|(at, _)| {
                html[..*at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_whitespace)
            })
            .filter_map(|(at, open)| {
                let rest = &html[at + open.len()..];
                rest.find('"').map(|end| &rest[..end])
            })
            .filter(|id| !id.contains('{'))
            .collect()
    }

    fn templates(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("the theme's templates") {
            let path = entry.expect("a template").path();
            if path.is_dir() {
                templates(&path, found);
            } else {
                let html = std::fs::read_to_string(&path).expect("a template's text");
                for id in ids(&html) {
                    found.push((path.display().to_string(), id.to_owned()));
                }
            }
        }
    }

    #[test]
    fn every_id_of_the_default_templates_is_reserved() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut found = Vec::new();
        templates(&dir, &mut found);
        assert!(found.iter().any(|(_, id)| id == "main"), "{found:?}");
        for (template, id) in &found {
            assert!(
                TEMPLATE_IDS.contains(&id.as_str()),
                "{template} has id=\"{id}\": add it to TEMPLATE_IDS"
            );
        }
        assert!(TEMPLATE_IDS.is_sorted());
    }

    #[test]
    fn only_attributes_named_id_are_read() {
        assert_eq!(
            ids("<a id=\"x\" data-article-id=\"y\">\n<b\n  id=\"z\"><i id=\"{{ v }}\">"),
            ["x", "z"]
        );
    }
}

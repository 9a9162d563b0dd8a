//! The article templates of `tier0 new` (`templates/new/<lang>/<type>.md`,
//! built into the binary), and the guidance text in them that `tier0
//! check` looks for in published articles.

use include_dir::{Dir, include_dir};

/// One template per language and type: `<lang>/<type>.md`.
pub static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates/new");

/// The guidance lines of the templates' bodies (trimmed, 40 characters or
/// more, no placeholder): text an author is meant to replace, which `tier0
/// check` reports in a published article.
pub fn template_guidance() -> &'static std::collections::HashSet<&'static str> {
    static LINES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    LINES.get_or_init(|| {
        TEMPLATES
            .dirs()
            .flat_map(|dir| dir.files())
            .filter_map(|file| file.contents_utf8())
            .flat_map(|text| {
                text.split_once("\n---\n")
                    .map_or("", |(_, body)| body)
                    .lines()
            })
            .map(str::trim)
            .filter(|line| {
                line.chars().count() >= 40 && !line.contains("{{") && !line.starts_with('#')
            })
            .collect()
    })
}

/// Language of the templates used for a language that has none of its own.
pub const FALLBACK_TEMPLATE_LANGUAGE: &str = "en";

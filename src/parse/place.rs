//! Where a content file's page stands in the site's tree: the section it
//! belongs to, from its folders, and the name its URL ends with.
//!
//! `content/vpn/macos/error-809.md` is the page `error-809` of the section
//! `vpn/macos`; a page bundle, `content/vpn/setup/index.md` with its images
//! beside it, is the page `setup` of the section `vpn` (see
//! [`crate::landing`]); a landing page, `content/vpn/_index.md`, is the
//! section `vpn` itself.

use crate::landing::{self, split_dir};
use crate::slug;

/// A section path written in `category:`, or made of folder names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionPath {
    /// The section id: slugs joined by `/` (`vpn/macos`), or `None` at the
    /// top of the site.
    pub id: Option<String>,
    /// The parts that were not slugs as written, with the slug read for
    /// each (`Getting Started` → `getting-started`).
    pub renamed: Vec<(String, String)>,
}

impl SectionPath {
    /// The section of the folder `dir` (content-relative, `/`-separated),
    /// or of the path written in `category:`.
    pub fn of(dir: &str) -> Self {
        let mut renamed = Vec::new();
        let mut parts = Vec::new();
        for part in dir.split('/').map(str::trim).filter(|p| !p.is_empty()) {
            let id = slug::slugify(part);
            if id.is_empty() {
                continue;
            }
            if id != part {
                renamed.push((part.to_owned(), id.clone()));
            }
            parts.push(id);
        }
        Self {
            id: (!parts.is_empty()).then(|| parts.join("/")),
            renamed,
        }
    }
}

/// Whether `id` is a section id as tier0 writes it: slugs joined by `/`.
pub fn is_section_id(id: &str) -> bool {
    id.split('/').all(slug::is_slug)
}

/// The folder a page belongs to and the name its URL is made from: the
/// file's own `base` (`error-809` of `vpn/macos/error-809.fr.md`, its
/// language taken off), or its folder's, for a page bundle: an `index.md`
/// or `README.md` of a folder that has no landing page (`landed`).
pub(super) fn page_place<'a>(rel: &'a str, base: &'a str, landed: bool) -> (&'a str, &'a str) {
    let (dir, name) = split_dir(rel);
    let bundle = !dir.is_empty()
        && !landed
        && landing::family(name).is_some_and(|f| f != landing::Family::UnderscoreIndex);
    if bundle { split_dir(dir) } else { (dir, base) }
}

/// The number prefix of a file or folder name, which Docusaurus orders by
/// and leaves out of ids and titles, and the name after it: `01-intro` →
/// (1, `intro`), `2. Guides` → (2, `Guides`). A name that is all number
/// (`2024`), has no separator after its digits (`3d-printing`), or whose
/// separator a digit follows (`2024-01-15-launch`, `1.2-notes`: a date, a
/// version, which Docusaurus keeps whole) has none.
pub fn number_prefix(name: &str) -> Option<(i64, &str)> {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &name[digits..];
    let after = rest.trim_start_matches([' ', '-', '_', '.']);
    if digits == 0
        || after.len() == rest.len()
        || after.is_empty()
        || after.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    Some((name[..digits].parse().ok()?, after))
}

/// `name` without its [`number_prefix`].
pub fn without_number_prefix(name: &str) -> &str {
    number_prefix(name).map_or(name, |(_, after)| after)
}

/// The Docusaurus path of the page at `path` (`/`-separated, without
/// extension: `2-guides/01-intro`): its folders without their number
/// prefixes, then `id` (the one its front matter wrote, if any), else its
/// own last part without its number prefix (`guides/intro`); `None` for
/// an empty path. A doc id, and a URL without its final `/`.
pub fn docusaurus_path(path: &str, id: Option<&str>) -> Option<String> {
    let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    let (last, folders) = parts.split_last()?;
    let mut out: Vec<&str> = folders.iter().map(|f| without_number_prefix(f)).collect();
    out.push(id.unwrap_or_else(|| without_number_prefix(last)));
    Some(out.join("/"))
}

/// Whether a front matter's `id` is one Docusaurus makes a page's id and
/// URL of: written as a URL part, lowercase letters, digits, `-` and `_`
/// (tier0's own `KB-1042` is not one).
pub fn is_docusaurus_id(id: &str) -> bool {
    let url_part = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_';
    !id.is_empty() && id.bytes().all(url_part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_prefixes_order_and_are_left_out() {
        for (name, prefix) in [
            ("01-intro", Some((1, "intro"))),
            ("2. Guides", Some((2, "Guides"))),
            ("3_x", Some((3, "x"))),
            ("2024", None),
            ("10-", None),
            ("3d-printing", None),
            ("v2-api", None),
            ("2024-01-15-launch", None),
            ("1.2-notes", None),
            ("99999999999999999999-x", None),
        ] {
            assert_eq!(number_prefix(name), prefix, "{name}");
            assert_eq!(without_number_prefix(name), prefix.map_or(name, |p| p.1));
        }
    }

    #[test]
    fn folders_make_a_section_path_of_slugs() {
        let path = SectionPath::of("Red Team/VPN/ macos");
        assert_eq!(path.id.as_deref(), Some("red-team/vpn/macos"));
        assert_eq!(
            path.renamed,
            [
                ("Red Team".to_owned(), "red-team".to_owned()),
                ("VPN".to_owned(), "vpn".to_owned())
            ]
        );
        assert_eq!(SectionPath::of("").id, None);
        assert_eq!(SectionPath::of("a//b/").id.as_deref(), Some("a/b"));
        assert!(is_section_id("a/b-c") && !is_section_id("a//b") && !is_section_id("A"));
    }

    #[test]
    fn a_bundle_is_named_by_its_folder() {
        assert_eq!(
            page_place("vpn/setup/index.md", "index", false),
            ("vpn", "setup")
        );
        assert_eq!(
            page_place("vpn/setup/README.fr.md", "README", false),
            ("vpn", "setup")
        );
        assert_eq!(page_place("vpn/macos/e.md", "e", false), ("vpn/macos", "e"));
        assert_eq!(page_place("index.md", "index", false), ("", "index"));
        // Beside the folder's landing page, a README is a page of its own.
        assert_eq!(
            page_place("vpn/README.md", "README", true),
            ("vpn", "README")
        );
    }
}

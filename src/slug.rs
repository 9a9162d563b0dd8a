//! Slugs, heading ids and the identifiers users write in front matter.
//!
//! A slug is what goes into a URL path segment or a fragment: lowercase
//! ASCII letters, digits and single `-`, never empty, never `.` or `..`, so
//! it can never name a path outside its folder.

/// Turns `text` into a slug, transliterating accents (`Configuración` → `configuracion`).
///
/// Returns an empty string when `text` has no letter or digit at all.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Whether `s` is already a slug.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `s` is a usable identifier (article or tier id): ASCII letters,
/// digits, `-` and `_`, starting with a letter or digit.
pub fn is_identifier(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The id GitHub gives a heading, as Docusaurus, VitePress and Hugo do
/// after it, and as links written for those tools expect: the text in
/// lowercase, letters, digits, `-` and `_` kept, each space made a `-`,
/// everything else dropped (`People & Body` → `people--body`).
pub fn github_heading_id(text: &str) -> String {
    github_slug(text.trim())
}

/// What github-slugger, which Docusaurus slugs labels with, makes of
/// `text`: as [`github_heading_id`], with the spaces at its ends kept
/// (each a `-`), as it does not trim.
pub fn github_slug(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Hands out unique ids within one page: the second `x` becomes `x-1`.
///
/// Each base remembers the last suffix it handed out, so the search for a
/// free `base-N` resumes where the previous one stopped: the ids below it
/// are all taken, and ids are never given back. A page of 100,000 equal
/// headings costs 100,000 lookups, not five billion. A suffix is skipped
/// only when its id was taken by another claim, and each taken id is
/// `base-N` for one base and one `N` only, so all the skips of a page are
/// at most as many as its ids.
#[derive(Debug, Default)]
pub struct UniqueIds {
    taken: std::collections::HashSet<String>,
    /// The highest suffix handed out or skipped for each base.
    last_suffix: std::collections::HashMap<String, u64>,
    /// Ids written for elements further down the page (`{#id}`), kept for
    /// them: a generated id passes over them.
    promised: std::collections::HashSet<String>,
}

impl UniqueIds {
    /// Ids with `reserved` taken already (the page's own elements' ids).
    pub fn reserving<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            taken: reserved.into_iter().map(str::to_owned).collect(),
            ..Self::default()
        }
    }

    /// Keeps `ids` for [`Self::claim_written`]: no other claim takes them.
    pub fn promise(&mut self, ids: impl IntoIterator<Item = String>) {
        self.promised.extend(ids);
    }

    /// Reserves `base` or, if taken, the first free `base-N`.
    pub fn claim(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        if self.take(base) {
            return base.to_owned();
        }
        let n = self.last_suffix.entry(base.to_owned()).or_insert(0);
        loop {
            *n += 1;
            let candidate = format!("{base}-{n}");
            if !self.promised.contains(&candidate) && self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// Reserves `id`, written for an element of the page: its own when it
    /// was promised to it and is free, else as [`Self::claim`] does.
    pub fn claim_written(&mut self, id: &str) -> String {
        if self.promised.remove(id) && self.taken.insert(id.to_owned()) {
            return id.to_owned();
        }
        self.claim(id)
    }

    /// Reserves `id` as it is, if it is free; whether it was.
    pub fn take(&mut self, id: &str) -> bool {
        !self.promised.contains(id) && self.taken.insert(id.to_owned())
    }

    /// Whether `id` was handed out.
    pub fn contains(&self, id: &str) -> bool {
        self.taken.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_transliterates_accents() {
        assert_eq!(slugify("Configuración de red"), "configuracion-de-red");
        assert_eq!(
            slugify("¿Qué hago si el Wi-Fi no conecta?"),
            "que-hago-si-el-wi-fi-no-conecta"
        );
        assert_eq!(slugify("Error 0x80070005"), "error-0x80070005");
        assert_eq!(slugify("  --  "), "");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn written_ids_win_over_generated_ones_claimed_before_them() {
        let mut ids = UniqueIds::reserving(["search"]);
        ids.promise([
            "install".to_owned(),
            "install-1".to_owned(),
            "search".to_owned(),
        ]);
        assert_eq!(ids.claim("install"), "install-2");
        assert!(!ids.take("install-1"));
        assert_eq!(ids.claim_written("install"), "install");
        assert_eq!(ids.claim_written("install-1"), "install-1");
        // Written twice, or for a page's own element: the first one only.
        assert_eq!(ids.claim_written("install"), "install-3");
        assert_eq!(ids.claim_written("search"), "search-1");
    }

    #[test]
    fn github_heading_ids_keep_what_github_keeps() {
        assert_eq!(github_heading_id("People & Body"), "people--body");
        assert_eq!(github_heading_id("dispatch(action)"), "dispatchaction");
        assert_eq!(github_heading_id("What's new in 2.0?"), "whats-new-in-20");
        assert_eq!(
            github_heading_id("Configuración de red"),
            "configuración-de-red"
        );
        assert_eq!(
            github_heading_id("snake_case and-dash"),
            "snake_case-and-dash"
        );
    }

    #[test]
    fn slugs_are_safe_path_segments() {
        assert!(is_slug("wifi-no-conecta"));
        for bad in ["", "..", "a/b", "A", "-a", "a-", "a--b", "a b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("KB-1042"));
        assert!(is_identifier("L3"));
        assert!(!is_identifier("-x"));
        assert!(!is_identifier("KB 1"));
        assert!(!is_identifier(""));
    }

    #[test]
    fn unique_ids_get_suffixes() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.claim("paso"), "paso");
        assert_eq!(ids.claim("paso"), "paso-1");
        assert_eq!(ids.claim("paso"), "paso-2");
        assert_eq!(ids.claim(""), "section");
        assert!(ids.contains("paso-1"));
    }

    #[test]
    fn suffixes_skip_ids_taken_by_other_claims() {
        let mut ids = UniqueIds::default();
        for claimed in ["x", "x-2", "x-1-1"] {
            assert_eq!(ids.claim(claimed), claimed);
        }
        assert_eq!(ids.claim("x"), "x-1");
        assert_eq!(ids.claim("x-1"), "x-1-2");
        assert_eq!(ids.claim("x"), "x-3");
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn slugs_are_safe_path_segments_and_stable(
            text in prop_oneof![any::<String>(), "[a-zA-Z0-9 ./\\\\:-]{0,16}", "\\PC{0,12}"]
        ) {
            let slug = slugify(&text);
            // The documented fallback: empty only when there is no letter or digit.
            let has_alnum = deunicode::deunicode(&text).chars().any(|c| c.is_ascii_alphanumeric());
            prop_assert_eq!(slug.is_empty(), !has_alnum);
            if !slug.is_empty() {
                prop_assert!(is_slug(&slug), "{slug:?}");
            }
            prop_assert!(!slug.contains(['/', '\\']) && !slug.contains(".."));
            prop_assert!(!slug.chars().any(char::is_control));
            prop_assert_eq!(slugify(&slug), slug);
        }

        #[test]
        fn claimed_ids_are_pairwise_distinct(
            bases in prop::collection::vec(
                prop_oneof![Just(String::new()), "[a-z]{1,2}(-[0-9]{1,2}){0,2}", any::<String>()],
                0..40,
            )
        ) {
            let mut ids = UniqueIds::default();
            let mut seen = std::collections::BTreeSet::new();
            for base in &bases {
                let id = ids.claim(base);
                prop_assert!(!id.is_empty());
                prop_assert!(ids.contains(&id));
                // Ids are part of links already sent: the same as the
                // first free `base-N`, which is how they were always made.
                let base = if base.is_empty() { "section" } else { base.as_str() };
                let first_free = std::iter::once(base.to_owned())
                    .chain((1..).map(|n| format!("{base}-{n}")))
                    .find(|c| !seen.contains(c));
                prop_assert_eq!(Some(&id), first_free.as_ref());
                prop_assert!(seen.insert(id.clone()), "{id:?} handed out twice");
            }
        }
    }
}

//! The modules of `src/` depend on each other in one direction only.
//!
//! DESIGN.md promises a one-way data flow: discover → parse → link → render
//! and index → write, orchestrated by `site`, under the commands. This test
//! reads every `crate::<module>` path outside `#[cfg(test)]` code and fails
//! on a dependency that runs against [`ORDER`]: a module may use only the
//! modules listed before it. The back edges that remain are listed in
//! [`KNOWN`], each to be removed by moving what both sides need into a leaf;
//! a listed edge that no longer exists fails the test too, so the list only
//! shrinks.

use std::collections::BTreeSet;
use std::path::Path;

/// The top-level modules of the library, lowest first.
const ORDER: &[&str] = &[
    "terminal",
    "slug",
    "syntax",
    "placeholders",
    "diagnostics",
    "report",
    "dialects",
    "landing",
    "discover",
    "leniency",
    "urls",
    "config",
    "output_paths",
    "parse",
    "references",
    "link",
    "plan",
    "article_templates",
    "audit",
    "share",
    "render",
    "index",
    "write",
    "site",
    "import",
    "serve",
    "insights",
    "cli",
    "cmd",
];

/// Back edges not yet removed (issue 23): `from` uses `to`, listed later.
const KNOWN: &[(&str, &str)] = &[
    // Config reads its file with the front matter's located YAML and checks
    // default article types and audiences: both belong in a leaf below both.
    ("config", "parse"),
    // Config refuses language codes that are generated paths.
    ("config", "output_paths"),
    // Generated paths per language need link's language prefix.
    ("output_paths", "link"),
    // Aliases are checked at parse time with link's normalisation.
    ("parse", "link"),
];

/// The library's own modules that `file` (under `src/`) uses, outside tests.
fn uses(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.match_indices("crate::")
        .map(|(at, _)| {
            code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

/// Every `(from, to)` module dependency of the library.
fn edges() -> BTreeSet<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        let module = first.trim_end_matches(".rs");
        if module == "main" || module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for used in uses(&text) {
            if used != module {
                edges.insert((module.to_owned(), used));
            }
        }
    }
    edges
}

fn rank(module: &str) -> usize {
    ORDER
        .iter()
        .position(|m| *m == module)
        .unwrap_or_else(|| panic!("module `{module}` is not in ORDER: place it in the flow"))
}

#[test]
fn modules_depend_only_on_modules_below_them() {
    let edges = edges();
    assert!(edges.len() > 50, "too few dependencies found: {edges:?}");
    let back: BTreeSet<(&str, &str)> = edges
        .iter()
        .filter(|(from, to)| rank(to) > rank(from))
        .map(|(from, to)| (from.as_str(), to.as_str()))
        .collect();
    let known: BTreeSet<(&str, &str)> = KNOWN.iter().copied().collect();
    let new: Vec<_> = back.difference(&known).collect();
    assert!(
        new.is_empty(),
        "dependencies against the flow (a module uses one listed after it in ORDER): {new:?}; \
         move what both need into a module below both"
    );
    let gone: Vec<_> = known.difference(&back).collect();
    assert!(
        gone.is_empty(),
        "{gone:?} no longer exist: remove them from KNOWN"
    );
}

#[test]
fn uses_are_read_from_paths_and_not_from_tests() {
    let text = "use crate::config::Config;\nfn f() { crate::slug::slugify(x); }\n\
                #[cfg(test)]\nmod tests { use crate::cmd; }\n";
    let found: Vec<String> = uses(text).into_iter().collect();
    assert_eq!(found, ["config", "slug"]);
}

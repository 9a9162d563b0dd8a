//! The modules of `src/` depend on each other in one direction only.
//!
//! DESIGN.md promises a one-way data flow: discover → parse → link → render
//! and index → write, orchestrated by `site`, under the commands. This test
//! reads every `crate::<module>` path outside `#[cfg(test)]` code and fails
//! on a dependency that runs against [`ORDER`]: a module may use only the
//! modules listed before it. What two stages both need lives in a leaf
//! below both (`kinds`, `matter`, `urls`, `output_paths`, `diagnostics`).

use std::collections::BTreeSet;
use std::path::Path;

/// The top-level modules of the library, lowest first.
const ORDER: &[&str] = &[
    "terminal",
    "slug",
    "syntax",
    "html_depth",
    "placeholders",
    "diagnostics",
    "report",
    "javascript",
    "dialects",
    "landing",
    "matter",
    "discover",
    "leniency",
    "kinds",
    "urls",
    "output_paths",
    "config",
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
    "cache",
    "site",
    "import",
    "serve",
    "insights",
    "cli",
    "cmd",
];

/// The library's own modules that `file` (under `src/`) uses, outside
/// tests: `crate::a::…` and each of `crate::{a, b::…}`.
fn uses(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let name = |at: &str| -> String {
        at.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            found.insert(name(rest));
            continue;
        };
        // The first name of each item at the group's own depth.
        let mut depth = 0;
        let mut item_start = true;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => item_start = true,
                c if item_start && !c.is_whitespace() => {
                    found.insert(name(&group[i..]));
                    item_start = false;
                }
                _ => {}
            }
        }
    }
    found
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
    let back: Vec<&(String, String)> = edges
        .iter()
        .filter(|(from, to)| rank(to) > rank(from))
        .collect();
    assert!(
        back.is_empty(),
        "dependencies against the flow (a module uses one listed after it in ORDER): {back:?}; \
         move what both need into a module below both"
    );
}

#[test]
fn uses_are_read_from_paths_and_not_from_tests() {
    let text = "use crate::config::Config;\nfn f() { crate::slug::slugify(x); }\n\
                use crate::{\n    output_paths,\n    render::{Sink, theme::{Theme}},\n    urls,\n};\n\
                #[cfg(test)]\nmod tests { use crate::cmd; }\n";
    let found: Vec<String> = uses(text).into_iter().collect();
    assert_eq!(found, ["config", "output_paths", "render", "slug", "urls"]);
}

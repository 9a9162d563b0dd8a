//! One article through parse, link and the whole render (Markdown, internal
//! blocks, steps, headings, every page of the theme), in memory, for the
//! public and the agents' audiences: nothing may panic.

#![no_main]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use tier0::config::Config;
use tier0::discover::{SourceFile, Sources};
use tier0::link::{self, BuildAudience, Selection};
use tier0::parse;
use tier0::render::{self, Discard, theme::Theme};

fn theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(|| Theme::load("default", &BTreeMap::new()).expect("default theme"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    // A valid front matter, so that every input reaches the renderer.
    let text: Arc<str> = Arc::from(format!("---\nid: KB-1\ntitle: Fuzz\n---\n{body}"));
    let mut sources = Sources::default();
    sources.articles.push(SourceFile {
        path: PathBuf::from("content/red/articulo.md"),
        rel: "red/articulo.md".into(),
        text,
    });
    let config = Config::default();
    let parsed = parse::parse(&config, &sources);
    for audience in [BuildAudience::Public, BuildAudience::Agents] {
        let selection = Selection {
            drafts: true,
            audience,
        };
        let Ok(model) = link::link(
            config.clone(),
            parsed.articles.clone(),
            parsed.sections.clone(),
            Vec::new(),
            selection,
        ) else {
            continue;
        };
        // Content errors (a broken link in the body) are fine; panics are not.
        let _ = render::render(&model, theme(), &Discard);
    }
});

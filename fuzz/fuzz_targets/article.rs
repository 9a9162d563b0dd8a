//! One article file through the splitter, the parse stage and the printing
//! of its diagnostics: nothing may panic, every offset must fall in the text.

#![no_main]

use std::path::PathBuf;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use tier0::config::Config;
use tier0::diagnostics::SourceTexts;
use tier0::discover::{SourceFile, Sources};
use tier0::parse::{self, front_matter};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match front_matter::split(text) {
        Ok(s) => {
            assert!(s.body_start <= text.len() && text.is_char_boundary(s.body_start));
            assert_eq!(&text[s.body_start..], s.body);
        }
        Err(unclosed) => assert!(unclosed.at <= text.len()),
    }
    // The body read as MDX too: its rewrite maps every offset back inside.
    let prepared = tier0::dialects::prepare(text, true);
    for offset in [0, prepared.text().len() / 2, prepared.text().len()] {
        assert!(prepared.source_offset(offset) <= text.len());
    }
    let path = PathBuf::from("content/red/articulo.md");
    let text: Arc<str> = Arc::from(text);
    let mut sources = Sources::default();
    sources.texts.insert(path.clone(), text.clone());
    sources.articles.push(SourceFile {
        path: path.clone(),
        rel: "red/articulo.md".into(),
        text: text.clone(),
    });
    let parsed = parse::parse(&Config::default(), &sources);
    for d in &parsed.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
    }
    let mut texts = SourceTexts::default();
    texts.insert(path, text);
    let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    texts.emit(&mut out, &parsed.diagnostics).unwrap();
    let _ = texts.locate(&parsed.diagnostics);
});

//! A search query through the analyzers the index and `tier0 search` use,
//! in both site languages and both modes, and through the mapping from a
//! word as typed to its indexed term: nothing may panic and no term may be
//! empty.

#![no_main]

use libfuzzer_sys::fuzz_target;
use search_index::analyzer::{Mode, analyze, surface_forms, term_for_surface};

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    for lang in ["es", "en"] {
        for mode in [Mode::Query, Mode::Index] {
            let terms = analyze(lang, mode, query);
            assert!(terms.iter().all(|t| !t.is_empty()));
        }
        for surface in surface_forms(Mode::Query, query) {
            let _ = term_for_surface(lang, &surface);
        }
    }
});

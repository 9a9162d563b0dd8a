//! Builds and exports a generated knowledge base to measure sizes and times.
//!
//! `cargo run --release -p search-index --example bench_export -- <outdir> [articles] [words]`
//! (defaults: 10000 articles of about 800 words). Writes `<outdir>/search/…`
//! and prints timings and file statistics; `js/bench/measure.mjs` then
//! measures what the browser fetches per query.

#[path = "../tests/common/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: bench_export <outdir> [articles] [words]")?,
    );
    let count: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let words: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(800);

    let started = Instant::now();
    let docs = generator::corpus(count, words, 42);
    println!(
        "generated {count} articles × ~{words} words in {:.1?}",
        started.elapsed()
    );

    let languages = vec!["es".to_string()];
    let started = Instant::now();
    let built = search_index::build(&out.join("index"), &languages, &docs)?;
    println!("build (tantivy index): {:.1?}", started.elapsed());

    let started = Instant::now();
    let files = search_index::export(&built)?;
    println!("export: {:.1?}", started.elapsed());

    let search_dir = out.join("search");
    if search_dir.exists() {
        std::fs::remove_dir_all(&search_dir)?;
    }
    let mut by_kind: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for file in &files {
        let path = search_dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &file.bytes)?;
        if file.path.ends_with(".json") {
            let kind = file
                .path
                .split('/')
                .rev()
                .nth(1)
                .filter(|k| k.len() == 1)
                .unwrap_or("other")
                .to_string();
            let entry = by_kind.entry(kind).or_default();
            entry.0 += 1;
            entry.1 += file.bytes.len();
        }
    }
    std::fs::write(
        search_dir.join(search_index::ENGINE_JS_NAME),
        search_index::ENGINE_JS,
    )?;
    println!("files: {} (each .json has a .js twin)", files.len());
    for (kind, (n, bytes)) in by_kind {
        println!(
            "  {kind}: {n} .json files, {:.1} MB, avg {} B",
            bytes as f64 / 1e6,
            bytes / n.max(1)
        );
    }
    let started = Instant::now();
    let hits = search_index::search(&out.join("index"), "es", "contraseña", 10)?;
    println!(
        "search() \"contraseña\": {} hits in {:.1?}",
        hits.len(),
        started.elapsed()
    );

    // Rust's top 10 for generated queries, for js/bench/agree.mjs.
    let vocab = generator::vocabulary(40_000, &mut generator::Rng::new(42));
    let mut rng = generator::Rng::new(5);
    let mut expected = Vec::new();
    for i in 0..300 {
        let query: Vec<String> = (0..1 + i % 3)
            .map(|_| vocab[rng.zipf(3_000)].clone())
            .collect();
        let query = query.join(" ");
        let hits = search_index::search(&out.join("index"), "es", &query, 10)?;
        let ids: Vec<String> = hits.into_iter().map(|h| h.id).collect();
        expected.push(serde_json::json!({ "lang": "es", "query": query, "ids": ids }));
    }
    std::fs::write(out.join("expected.json"), serde_json::to_vec(&expected)?)?;
    Ok(())
}

//! Builds and exports a knowledge base to measure times, memory and sizes.
//!
//! ```text
//! cargo run --release -p search-index --example bench_export -- <outdir> [articles] [words]
//! cargo run --release -p search-index --example bench_export -- <outdir> --corpus bench/corpus-10000
//! ```
//!
//! The first form generates articles (default 10,000 of about 800 words);
//! the second reads a tier0 `content/` tree (YAML front matter + Markdown,
//! parsed roughly: enough for realistic text, not tier0's parser). Writes
//! `<outdir>/search/…` and `<outdir>/expected.json` (Rust's top 10 for a
//! query set, for `js/bench/agree.mjs`) and prints wall and CPU times of
//! `build` and `export`, peak memory and file statistics.

#[path = "../tests/common/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::time::Instant;

use search_index::{SearchDocument, Section};

/// User + system CPU seconds of this process so far.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// (current, peak) resident memory in MB.
fn rss() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    (kb("VmRSS:"), kb("VmHWM:"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = PathBuf::from(
        args.first()
            .ok_or("usage: bench_export <outdir> [articles] [words] | --corpus <dir>")?,
    );
    let started = Instant::now();
    let (docs, query_words) = if args.get(1).map(String::as_str) == Some("--corpus") {
        let dir = PathBuf::from(args.get(2).ok_or("--corpus needs a directory")?);
        let docs = read_corpus(&dir)?;
        let words = corpus_words(&docs);
        (docs, words)
    } else {
        let count: usize = args
            .get(1)
            .map(|a| a.parse())
            .transpose()?
            .unwrap_or(10_000);
        let words: usize = args.get(2).map(|a| a.parse()).transpose()?.unwrap_or(800);
        let docs = generator::corpus(count, words, 42);
        (
            docs,
            generator::vocabulary(40_000, &mut generator::Rng::new(42)),
        )
    };
    let text_mb = docs
        .iter()
        .map(|d| d.sections.iter().map(|s| s.text.len()).sum::<usize>())
        .sum::<usize>() as f64
        / 1e6;
    println!(
        "{} articles ({text_mb:.1} MB of body text) in {:.1?}; rss {:.0} MB",
        docs.len(),
        started.elapsed(),
        rss().0
    );
    let before = rss().0;

    let mut languages = vec!["es".to_string()];
    if docs.iter().any(|d| d.lang == "en") {
        languages.push("en".to_string());
    }
    // For profiling: `BENCH_REPEAT=n` builds n times more first.
    let repeat: usize = std::env::var("BENCH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    for _ in 0..repeat {
        search_index::build(&out.join("index"), &languages, &docs)?;
    }
    let (t, c) = (Instant::now(), cpu());
    let built = search_index::build(&out.join("index"), &languages, &docs)?;
    println!(
        "build:  {:>6.0} ms wall {:>6.0} ms cpu",
        t.elapsed().as_secs_f64() * 1e3,
        (cpu() - c) * 1e3
    );

    let (t, c) = (Instant::now(), cpu());
    let counted = std::sync::atomic::AtomicUsize::new(0);
    search_index::export(&built, &|_: &str, bytes: &[u8]| {
        counted.fetch_add(bytes.len(), std::sync::atomic::Ordering::Relaxed);
        Ok(())
    })?;
    println!(
        "export: {:>6.0} ms wall {:>6.0} ms cpu (to a sink that counts the bytes: {:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3,
        (cpu() - c) * 1e3,
        counted.into_inner() as f64 / 1e6
    );

    let search_dir = out.join("search");
    if search_dir.exists() {
        std::fs::remove_dir_all(&search_dir)?;
    }
    let by_kind: std::sync::Mutex<std::collections::BTreeMap<String, (usize, usize)>> =
        Default::default();
    let (t, c) = (Instant::now(), cpu());
    search_index::export(&built, &|rel: &str, bytes: &[u8]| {
        let path = search_dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
        let kind = rel
            .split('/')
            .rev()
            .nth(1)
            .filter(|k| k.len() == 1)
            .unwrap_or("other")
            .to_string();
        let mut by_kind = by_kind.lock().unwrap();
        let entry = by_kind.entry(kind).or_default();
        entry.0 += 1;
        entry.1 += bytes.len();
        Ok(())
    })?;
    println!(
        "export: {:>6.0} ms wall {:>6.0} ms cpu (writing the files)",
        t.elapsed().as_secs_f64() * 1e3,
        (cpu() - c) * 1e3
    );
    let (now, peak) = rss();
    println!(
        "memory: peak rss {peak:.0} MB; {before:.0} MB before build (the articles), {now:.0} MB now"
    );
    let by_kind = by_kind.into_inner().unwrap();
    let (files, bytes) = by_kind
        .values()
        .fold((0, 0), |(f, b), (n, s)| (f + n, b + s));
    println!("files: {files}, {:.1} MB", bytes as f64 / 1e6);
    for (kind, (n, bytes)) in by_kind {
        println!(
            "  {kind}: {n} files, {:.1} MB, avg {} B",
            bytes as f64 / 1e6,
            bytes / n.max(1)
        );
    }
    drop(built);

    // Rust's top 10 for a query set, for js/bench/agree.mjs.
    let engine = search_index::Engine::open_dir(&search_dir, Some("es"))?;
    let mut rng = generator::Rng::new(5);
    let mut expected = Vec::new();
    let t = Instant::now();
    for i in 0..300 {
        let query: Vec<String> = (0..1 + i % 3)
            .map(|_| query_words[rng.zipf(3_000.min(query_words.len()))].clone())
            .collect();
        let query = query.join(" ");
        let hits = engine.search(&format!("{query} "), 10)?.hits;
        let ids: Vec<String> = hits.into_iter().map(|h| h.record.id).collect();
        expected.push(serde_json::json!({ "lang": "es", "query": query, "ids": ids }));
    }
    println!(
        "engine: {:.1} ms per query over 300 queries",
        t.elapsed().as_secs_f64() * 1e3 / 300.0
    );
    std::fs::write(out.join("expected.json"), serde_json::to_vec(&expected)?)?;
    Ok(())
}

/// Words of the corpus by frequency (most frequent first), for queries.
fn corpus_words(docs: &[SearchDocument]) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for d in docs.iter().filter(|d| d.lang == "es") {
        for s in &d.sections {
            for w in s.text.split(|c: char| !c.is_alphanumeric()) {
                if w.chars().count() > 2 {
                    *counts.entry(w.to_lowercase()).or_default() += 1;
                }
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // Skip the 30 most frequent (mostly stop words).
    words.into_iter().skip(30).map(|(w, _)| w).collect()
}

/// Reads `dir/content/**/*.md` (or `dir/**/*.md`) roughly.
fn read_corpus(dir: &Path) -> Result<Vec<SearchDocument>, Box<dyn std::error::Error>> {
    let root = if dir.join("content").is_dir() {
        dir.join("content")
    } else {
        dir.to_path_buf()
    };
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path)?;
        // Translations are `x.<lang>.md`.
        let lang = path
            .file_stem()
            .and_then(|s| std::path::Path::new(s).extension())
            .map_or("es".to_string(), |l| l.to_string_lossy().into_owned());
        let Some(rest) = text.strip_prefix("---\n") else {
            continue;
        };
        let Some(end) = rest.find("\n---\n") else {
            continue;
        };
        let (front, body) = (&rest[..end], &rest[end + 5..]);
        let mut doc = SearchDocument {
            lang,
            ..Default::default()
        };
        let mut list_key = String::new();
        for line in front.lines() {
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                if !line.starts_with(' ') && !line.starts_with('-') {
                    continue;
                }
                if matches!(
                    list_key.as_str(),
                    "tags" | "symptoms" | "error_codes" | "applies_to"
                ) {
                    doc.keywords.push(unquote(item));
                }
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            list_key = key.trim().to_string();
            match key.trim() {
                "id" => doc.id = unquote(value),
                "title" => doc.title = unquote(value),
                "description" => doc.description = unquote(value),
                "tier" => doc.tier = unquote(value),
                "type" => doc.doc_type = unquote(value),
                "tags" | "symptoms" | "error_codes" | "applies_to" if value.starts_with('[') => {
                    doc.keywords.extend(
                        value
                            .trim_matches(|c| c == '[' || c == ']')
                            .split(',')
                            .map(unquote)
                            .filter(|s| !s.is_empty()),
                    );
                }
                _ => {}
            }
        }
        if doc.id.is_empty() {
            continue;
        }
        let rel = path.strip_prefix(&root)?.with_extension("");
        let rel = if doc.lang == "es" {
            rel
        } else {
            rel.with_extension("")
        };
        doc.url = format!("{}/", rel.to_string_lossy());
        doc.category = rel
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut section = Section::default();
        for line in body.lines() {
            if let Some(heading) = line
                .strip_prefix("## ")
                .or_else(|| line.strip_prefix("### "))
            {
                if !section.text.is_empty() || section.heading.is_some() {
                    doc.sections.push(std::mem::take(&mut section));
                }
                let anchor: String = heading
                    .to_lowercase()
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { '-' })
                    .collect();
                section.anchor = Some(anchor);
                section.heading = Some(heading.trim().to_string());
                continue;
            }
            let plain = plain_text(line);
            if !plain.is_empty() {
                if !section.text.is_empty() {
                    section.text.push(' ');
                }
                section.text.push_str(&plain);
            }
        }
        doc.sections.push(section);
        docs.push(doc);
    }
    Ok(docs)
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches('"').trim_matches('\'').to_string()
}

/// Markdown line → plain text, roughly (markers, emphasis, code, links).
fn plain_text(line: &str) -> String {
    let mut s = line.trim();
    for marker in ["> [!TIP]", "> [!NOTE]", "> [!WARNING]", "> ", "- ", "* "] {
        if let Some(rest) = s.strip_prefix(marker) {
            s = rest;
        }
    }
    if let Some(pos) = s
        .find(". ")
        .filter(|&p| p <= 3 && s[..p].chars().all(|c| c.is_ascii_digit()))
    {
        s = &s[pos + 2..];
    }
    if s.starts_with("| ---") || s.starts_with("|---") {
        return String::new();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '`' | '|' => {}
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            '[' => {}
            _ => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

//! `tier0 search`: the last build's search index, from the terminal.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{EXIT_CONTENT, Verbosity, fail, print_diagnostics};
use crate::cli::SearchArgs;
use crate::config::{BaseUrl, Config};
use crate::index::{IndexedSite, SITE_FILE};
use crate::site::{self, BuildError, index_dir};
use crate::urls::Urls;

#[derive(Serialize)]
struct Result<'a> {
    rank: usize,
    id: &'a str,
    title: &'a str,
    tier: &'a str,
    url: String,
    description: &'a str,
    score: f32,
}

/// Runs `tier0 search`.
pub fn run(args: SearchArgs, verbosity: Verbosity) -> ExitCode {
    let config = match load_config(&args.root, verbosity) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let lang = args.lang.unwrap_or_else(|| config.default_language.clone());
    if !config.has_language(&lang) {
        return fail(format!(
            "`{lang}` is not one of the site's languages ({})",
            config.language_codes()
        ));
    }
    let dir = index_dir(&args.root);
    if !dir.join(&lang).is_dir() {
        return fail(format!(
            "no search index in {}; run `tier0 build` first",
            dir.display()
        ));
    }
    let query = args.query.join(" ");
    let hits = match search_index::search(&dir, &lang, &query, args.limit) {
        Ok(hits) => hits,
        Err(e) => return fail(format!("cannot search {}: {e}", dir.display())),
    };
    let base_url = std::fs::read(dir.join(SITE_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<IndexedSite>(&bytes).ok())
        .and_then(|site| BaseUrl::parse(&site.base_url))
        .unwrap_or_else(|| config.base_url.clone());
    let urls = Urls::new(base_url);
    let results: Vec<Result<'_>> = hits
        .iter()
        .enumerate()
        .map(|(i, hit)| Result {
            rank: i + 1,
            id: &hit.id,
            title: &hit.title,
            tier: &hit.tier,
            url: urls.best("", &hit.url),
            description: &hit.description,
            score: hit.score,
        })
        .collect();
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "query": query, "lang": lang, "results": results }),
        )
        .map_err(std::io::Error::other)
        .and_then(|()| writeln!(out))
    } else {
        write_text(&mut out, &results)
    };
    if let Err(e) = written {
        return fail(format!("cannot write the results: {e}"));
    }
    if results.is_empty() {
        if !args.json && verbosity != Verbosity::Quiet {
            eprintln!("No article matches `{query}`.");
        }
        return ExitCode::from(EXIT_CONTENT);
    }
    ExitCode::SUCCESS
}

fn write_text(out: &mut impl Write, results: &[Result<'_>]) -> std::io::Result<()> {
    for r in results {
        writeln!(out, "{:>2}. {} [{}] {}", r.rank, r.title, r.tier, r.id)?;
        writeln!(out, "    {}", r.url)?;
        if !r.description.is_empty() {
            writeln!(out, "    {}", r.description)?;
        }
    }
    Ok(())
}

/// The site's config, or the exit code after printing why it cannot be read.
fn load_config(root: &Path, verbosity: Verbosity) -> std::result::Result<Config, ExitCode> {
    match site::load_config(root) {
        Ok((config, _warnings, _)) => Ok(config),
        Err(BuildError::Content { diagnostics, texts }) => {
            print_diagnostics(&texts, &diagnostics, verbosity);
            Err(ExitCode::from(super::EXIT_FAILURE))
        }
        Err(e) => Err(fail(e)),
    }
}

//! `tier0 build`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::{EXIT_CONTENT, EXIT_LEFT_OUT, Listing, Verbosity, fail, print_diagnostics};
use crate::cli::BuildArgs;
use crate::link::BuildAudience;
use crate::output_paths::INSIGHTS_DIR;
use crate::site::{self, BuildError, BuildOptions, BuildReport};
use crate::terminal;

/// Builds with a spinner only worth showing for large sites on a terminal.
const SPINNER_FROM_ARTICLES: usize = 1000;

/// Runs `tier0 build`.
pub fn run(args: BuildArgs, verbosity: Verbosity) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        out: args.out,
        drafts: args.drafts,
        base_url: args.base_url,
        audience: args.audience,
        replace_output: args.replace_output,
        reading: crate::discover::Reading::First,
        strict: args.strict,
        cache: !args.no_cache,
    };
    let spinner = std::sync::OnceLock::<ProgressBar>::new();
    let progress = progress(verbosity, &spinner);
    let report = match &args.insights {
        None => None,
        Some(_) if args.audience != BuildAudience::Agents => {
            return fail(
                "--insights publishes the report in the agents' edition only: add --audience agents",
            );
        }
        Some(database) => match super::insights::page(&options.root, database, verbosity) {
            Ok(page) => Some(page),
            Err(code) => return code,
        },
    };
    let page = format!("{INSIGHTS_DIR}/index.html");
    let pages: Vec<(&str, &[u8])> = report
        .iter()
        .map(|html| (page.as_str(), html.as_bytes()))
        .collect();
    let result = site::build_with_pages(&options, &pages, &progress);
    if let Some(bar) = spinner.get() {
        bar.finish_and_clear();
    }
    match result {
        Ok(report) => published(&report, args.open, verbosity),
        Err(BuildError::Content { diagnostics, texts }) => {
            print_diagnostics(&texts, &diagnostics, verbosity, Listing::Abridged);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            terminal::tell(format_args!(
                "error: the build found {errors} error(s); the previous site was left untouched"
            ));
            ExitCode::from(EXIT_CONTENT)
        }
        Err(e @ (BuildError::Io(_) | BuildError::Search(_))) => fail(e),
    }
}

/// Tells of each stage as it starts: its time with `--verbose`, and a
/// spinner (made in `spinner` when first needed) for a large site on a
/// terminal.
fn progress(
    verbosity: Verbosity,
    spinner: &std::sync::OnceLock<ProgressBar>,
) -> impl Fn(&str, usize) + '_ {
    let show_spinner = verbosity != Verbosity::Quiet && std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    move |stage: &str, articles: usize| {
        if verbosity == Verbosity::Verbose {
            terminal::tell(format_args!(
                "{:>7.3} s  {stage} ({articles} articles)",
                started.elapsed().as_secs_f64()
            ));
        }
        if show_spinner && articles >= SPINNER_FROM_ARTICLES {
            let bar = spinner.get_or_init(|| {
                let bar = ProgressBar::new_spinner();
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.enable_steady_tick(Duration::from_millis(100));
                bar
            });
            bar.set_message(format!("{stage} {articles} articles"));
        }
    }
}

/// Tells what a build that went through published (with its warnings),
/// opens it in a browser with `open`, and gives the exit code.
fn published(report: &BuildReport, open: bool, verbosity: Verbosity) -> ExitCode {
    if let Some(e) = &report.cache_error {
        terminal::tell(format_args!("warning: {e}"));
    }
    for left in &report.leftovers {
        terminal::tell(format_args!("warning: {left}"));
    }
    print_diagnostics(
        &report.texts,
        &report.warnings,
        verbosity,
        Listing::Abridged,
    );
    let index = report.out.join("index.html");
    let warned: std::collections::BTreeSet<_> = report
        .warnings
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| &d.path)
        .collect();
    if verbosity != Verbosity::Quiet || report.left_out > 0 {
        let from = match &report.content {
            Some((dir, named_by)) => format!(" of {}/ ({named_by})", dir.display()),
            None => String::new(),
        };
        let noun = if report.articles == 1 {
            "article"
        } else {
            "articles"
        };
        terminal::tell(format_args!(
            "Published {} {noun}{from} ({} files) into {} in {:.2} s; {} file(s) left out \
             for errors, {} with warnings",
            report.articles,
            report.files,
            report.out.display(),
            report.elapsed.as_secs_f64(),
            report.left_out,
            warned.len(),
        ));
    }
    if verbosity != Verbosity::Quiet
        && let Some((code, why)) = &report.language
    {
        terminal::tell(format_args!(
            "The site's language is `{code}`, {why}; a tier0.yaml with \
             `default_language:` chooses another."
        ));
    }
    if verbosity != Verbosity::Quiet
        && let Some(note) = file_cap_note(report.files, report.redirect_pages)
    {
        terminal::tell(format_args!("{note}"));
    }
    if verbosity == Verbosity::Verbose {
        terminal::tell(format_args!(
            "{} article page(s) kept from the last build (the build cache; --no-cache \
             renders every page)",
            report.kept
        ));
    }
    if verbosity != Verbosity::Quiet {
        terminal::tell(format_args!(
            "Open {} in a browser, or serve the folder with any static web server.",
            index.display()
        ));
    }
    if open && let Err(e) = opener::open(&index) {
        terminal::tell(format_args!(
            "warning: could not open a browser ({e}); open {} yourself",
            index.display()
        ));
    }
    if report.left_out > 0 {
        ExitCode::from(EXIT_LEFT_OUT)
    } else {
        ExitCode::SUCCESS
    }
}

/// The number of files some static hosts accept in one site (Cloudflare
/// Pages, among others).
const HOST_FILE_CAP: usize = 20_000;

/// What to say about a site of `files` files, `redirect_pages` of them
/// redirect pages, when some hosts would refuse it.
fn file_cap_note(files: usize, redirect_pages: usize) -> Option<String> {
    if files <= HOST_FILE_CAP {
        return None;
    }
    let mut note = format!(
        "note: the site has {files} files; some static hosts refuse more than {HOST_FILE_CAP}"
    );
    if redirect_pages > 0 {
        note.push_str(&format!(
            ". `redirects: not-found` in tier0.yaml leaves out its {redirect_pages} redirect \
             pages (short links and aliases), which the not-found page then serves"
        ));
    }
    Some(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_over_the_hosts_file_cap_is_told_how_to_shrink() {
        assert_eq!(file_cap_note(20_000, 9_000), None);
        let note = file_cap_note(29_718, 12_700).unwrap();
        assert!(note.contains("29718 files"), "{note}");
        assert!(
            note.contains("`redirects: not-found`") && note.contains("12700"),
            "{note}"
        );
        let note = file_cap_note(20_001, 0).unwrap();
        assert!(!note.contains("redirects"), "{note}");
    }
}

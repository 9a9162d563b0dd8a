//! `tier0 check`: every check of a build, and the audits authors act on.
//!
//! Exit codes: 0 no errors (and, with `--strict`, no warnings and nothing
//! stale), 1 problems found, 2 the check could not run.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;
use time::Date;
use time::macros::format_description;

use super::{EXIT_CONTENT, Listing, Verbosity, fail, print_diagnostics, reader_left};
use crate::audit::{StaleArticle, WaitingArticle};
use crate::cli::{CheckArgs, CheckFormat};
use crate::diagnostics::Located;
use crate::site::{self, BuildOptions, CheckReport};
use crate::terminal::{self, Inert};

/// Version of the JSON document; bumped on any incompatible change.
const JSON_VERSION: u32 = 1;

/// Runs `tier0 check`.
pub fn run(args: CheckArgs, verbosity: Verbosity) -> ExitCode {
    let today = match &args.today {
        Some(text) => match Date::parse(text, format_description!("[year]-[month]-[day]")) {
            Ok(date) => date,
            Err(_) => return fail(format!("--today `{text}` is not a date like 2026-03-02")),
        },
        None => crate::parse::date::today(),
    };
    let options = BuildOptions {
        root: args.root,
        out: None,
        drafts: true,
        base_url: None,
        audience: crate::link::BuildAudience::Agents,
        replace_output: false,
        reading: crate::discover::Reading::First,
        cache: false,
        strict: true,
    };
    let report = match site::check(&options, today) {
        Ok(report) => report,
        Err(e) => return fail(e),
    };
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    let written = match args.format {
        CheckFormat::Json => write_json(&report, today, errors, warnings),
        CheckFormat::Human => {
            print_diagnostics(
                &report.texts,
                &report.diagnostics,
                verbosity,
                Listing::Every,
            );
            write_human(&report, errors, warnings)
        }
    };
    if let Err(e) = &written
        && !reader_left(e)
    {
        return fail(format!("cannot write the report: {e}"));
    }
    let problems = errors > 0 || (args.strict && (warnings > 0 || !report.stale.is_empty()));
    if problems {
        ExitCode::from(EXIT_CONTENT)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_human(report: &CheckReport, errors: usize, warnings: usize) -> std::io::Result<()> {
    // Titles, authors and file names are shown, never obeyed.
    let mut out = Inert::new(std::io::stdout().lock());
    if !report.stale.is_empty() {
        writeln!(out, "Articles due for review, oldest first:")?;
        for s in &report.stale {
            writeln!(
                out,
                "  {:<10}  {:>4} days overdue  {:<3}  {:<20}  {}  {}  {}",
                s.reviewed.as_deref().unwrap_or("never"),
                s.days_overdue,
                s.tier,
                s.author.as_deref().unwrap_or("-"),
                s.id,
                terminal::inert_line(&s.path.display().to_string()),
                terminal::inert_line(&s.title)
            )?;
        }
    }
    let mut tiers = report.waiting.chunk_by(|x, y| x.tier == y.tier).peekable();
    if tiers.peek().is_some() {
        writeln!(out, "Articles waiting for validation, by owning tier:")?;
    }
    for articles in tiers {
        writeln!(out, "  {} ({})", articles[0].tier, articles.len())?;
        for w in articles {
            writeln!(
                out,
                "    {:<13}  {:<10}  {:<20}  {}  {}  {}",
                w.confidence.name(),
                w.updated.as_deref().unwrap_or("undated"),
                w.author.as_deref().unwrap_or("-"),
                w.id,
                terminal::inert_line(&w.path.display().to_string()),
                terminal::inert_line(&w.title)
            )?;
        }
    }
    writeln!(
        out,
        "{errors} error(s), {warnings} warning(s), {} article(s) due for review, {} waiting for validation",
        report.stale.len(),
        report.waiting.len()
    )?;
    out.flush()
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    stale: usize,
    waiting: usize,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    today: String,
    summary: JsonSummary,
    diagnostics: Vec<Located>,
    stale: &'a [StaleArticle],
    waiting: &'a [WaitingArticle],
}

fn write_json(
    report: &CheckReport,
    today: Date,
    errors: usize,
    warnings: usize,
) -> std::io::Result<()> {
    let json = JsonReport {
        version: JSON_VERSION,
        today: today.to_string(),
        summary: JsonSummary {
            errors,
            warnings,
            stale: report.stale.len(),
            waiting: report.waiting.len(),
        },
        diagnostics: report.texts.locate(&report.diagnostics),
        stale: &report.stale,
        waiting: &report.waiting,
    };
    let json = terminal::to_json(&json).map_err(std::io::Error::other)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}")
}

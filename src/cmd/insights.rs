//! `tier0 insights serve` and `tier0 insights report`.
//!
//! Exit codes: 0 success, 1 the site has content errors (its articles are
//! what events may name), 2 tier0 could not run (database unreachable,
//! port taken, bad arguments).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use time::macros::format_description;
use time::{Date, Duration};

use super::{EXIT_CONTENT, Listing, Verbosity, fail, print_diagnostics, reader_left};
use crate::cli::{
    InsightsAction, InsightsArgs, InsightsReportArgs, InsightsServeArgs, InsightsStoreArgs,
    ReportFormat,
};
use crate::insights::catalog::Catalog;
use crate::insights::collector::{self, Options};
use crate::insights::report;
use crate::insights::store::{Store, redacted};
use crate::site::BuildError;
use crate::terminal;

/// Days a report covers when `--since` is not given.
const DEFAULT_DAYS: i64 = 90;

/// Runs `tier0 insights`.
pub fn run(args: InsightsArgs, verbosity: Verbosity) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(format!("cannot start the async runtime: {e}")),
    };
    match args.action {
        InsightsAction::Serve(args) => runtime.block_on(serve(args, verbosity)),
        InsightsAction::Report(args) => runtime.block_on(report(args, verbosity)),
    }
}

fn parse_day(text: &str, flag: &str) -> Result<Date, ExitCode> {
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .map_err(|_| fail(format!("{flag} `{text}` is not a date like 2026-03-02")))
}

/// The site's catalog, or the exit code after its problems were printed.
fn catalog(root: &Path, today: Date, verbosity: Verbosity) -> Result<Catalog, ExitCode> {
    match Catalog::load(root, today) {
        Ok(catalog) => Ok(catalog),
        Err(BuildError::Content { diagnostics, texts }) => {
            print_diagnostics(&texts, &diagnostics, verbosity, Listing::Abridged);
            terminal::tell(format_args!(
                "error: the site has errors; fix them first (its articles are what events may name)"
            ));
            Err(ExitCode::from(EXIT_CONTENT))
        }
        Err(e) => Err(fail(e)),
    }
}

/// The database the arguments name.
fn database(args: &InsightsStoreArgs) -> String {
    args.database
        .clone()
        .unwrap_or_else(|| args.root.join("insights.db").display().to_string())
}

async fn open(spec: &str) -> Result<Store, ExitCode> {
    Store::open(spec).await.map_err(fail)
}

async fn serve(args: InsightsServeArgs, verbosity: Verbosity) -> ExitCode {
    let catalog = match catalog(&args.store.root, crate::parse::date::today(), verbosity) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    if catalog.settings.endpoint.is_none() {
        terminal::tell(format_args!(
            "warning: tier0.yaml has no `insights.endpoint`: the site sends nothing until it names this collector"
        ));
    }
    if catalog.origins.is_empty() {
        terminal::tell(format_args!(
            "warning: no allowed origins (neither `insights.allow_origins` nor a full `base_url`): pages from any origin may send events"
        ));
    }
    if catalog.agents_origin.is_none() {
        terminal::tell(format_args!(
            "warning: `agents.base_url` is not a full URL: flags, reuses and other agents' events are refused until it names the agents' edition's origin"
        ));
    }
    if !args.bind.is_loopback() {
        terminal::tell(format_args!(
            "warning: listening on {}: events are accepted from every computer that can reach this one",
            args.bind
        ));
    }
    let client_timeout = match super::serve::client_timeout() {
        Ok(timeout) => timeout,
        Err(message) => return fail(message),
    };
    let spec = database(&args.store);
    let store = match open(&spec).await {
        Ok(store) => store,
        Err(code) => return code,
    };
    let options = Options {
        bind: args.bind,
        port: args.port,
        rate_per_minute: args.rate_limit,
        retain_days: args.retain_days,
        client_timeout,
    };
    let shown = redacted(&spec);
    let quiet = verbosity == Verbosity::Quiet;
    let ran = collector::run(catalog, store, options, |addr| {
        // Tests and scripts read the address from this line.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "Collecting events on http://{addr}/events into {shown}"
        );
        if !quiet {
            let _ = writeln!(out, "Press Ctrl-C to stop.");
        }
        let _ = out.flush();
    })
    .await;
    match ran {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

async fn report(args: InsightsReportArgs, verbosity: Verbosity) -> ExitCode {
    let today = match args
        .today
        .as_deref()
        .map(|t| parse_day(t, "--today"))
        .transpose()
    {
        Ok(day) => day.unwrap_or_else(crate::parse::date::today),
        Err(code) => return code,
    };
    let since = match args
        .since
        .as_deref()
        .map(|t| parse_day(t, "--since"))
        .transpose()
    {
        Ok(day) => day.unwrap_or_else(|| days_before(today)),
        Err(code) => return code,
    };
    let report = match compute(&args.store, since, today, verbosity).await {
        Ok(report) => report,
        Err(code) => return code,
    };
    let text = match args.format {
        ReportFormat::Json => serde_json::to_string_pretty(&report)
            .map(|json| json + "\n")
            .map_err(|e| e.to_string()),
        ReportFormat::Csv => Ok(report::csv(&report)),
        ReportFormat::Html => report::html(&report).map_err(|e| e.to_string()),
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => return fail(format!("cannot write the report: {e}")),
    };
    let written = match &args.out {
        Some(path) => write_file(path, &text),
        None => match std::io::stdout().lock().write_all(text.as_bytes()) {
            Err(e) if !reader_left(&e) => Err(format!("cannot write the report: {e}")),
            _ => Ok(()),
        },
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

/// The first day of the default period that ends on `today`, or the first
/// day the calendar represents when that lies before it (`--today`).
fn days_before(today: Date) -> Date {
    today
        .checked_sub(Duration::days(DEFAULT_DAYS))
        .unwrap_or(Date::MIN)
}

/// The report of the events from `since` to the end of `today`.
async fn compute(
    store: &InsightsStoreArgs,
    since: Date,
    today: Date,
    verbosity: Verbosity,
) -> Result<report::Report, ExitCode> {
    let catalog = catalog(&store.root, today, verbosity)?;
    let store = open(&database(store)).await?;
    let from = since.midnight().assume_utc().unix_timestamp();
    // The last second of `today`, counted from its start: the day after
    // 9999-12-31 (`--today`) is past what the calendar represents.
    let until = today.midnight().assume_utc().unix_timestamp() + SECONDS_PER_DAY - 1;
    let aggregates = store.aggregates(from).await;
    store.close().await;
    let aggregates = aggregates.map_err(fail)?;
    Ok(report::compute(&catalog, &aggregates, from, until))
}

/// The HTML report of the last [`DEFAULT_DAYS`] days, for the agents'
/// edition (`tier0 build --audience agents --insights DB`).
pub fn page(root: &Path, database: &str, verbosity: Verbosity) -> Result<String, ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(format!("cannot start the async runtime: {e}")))?;
    let store = InsightsStoreArgs {
        root: root.to_path_buf(),
        database: Some(database.to_owned()),
    };
    let today = crate::parse::date::today();
    let report = runtime.block_on(compute(&store, days_before(today), today, verbosity))?;
    report::html(&report).map_err(|e| fail(format!("cannot write the insights report: {e}")))
}

/// Writes `text` to `path` through a temporary file beside it, so that a
/// reader never sees half a report.
fn write_file(path: &PathBuf, text: &str) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let failed = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

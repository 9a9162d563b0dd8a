//! One module per subcommand; each `run` returns the process exit code.
//!
//! Exit codes: 0 success, 1 the content has errors (nothing was written) or
//! `search` found nothing, 2 tier0 could not run (bad arguments, unreadable
//! folder, write failure, no search index), 3 the site was built but some
//! content files were left out for their errors (a lenient build).

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod new;
pub mod search;
pub mod serve;

use std::io::Write;
use std::process::ExitCode;

use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};

use crate::diagnostics::{Diagnostic, SourceTexts, abridge};
use crate::terminal;

/// The content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// tier0 could not run.
pub const EXIT_FAILURE: u8 = 2;
/// The site was built, without some content files that have errors.
pub const EXIT_LEFT_OUT: u8 = 3;

/// How chatty the commands are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Warnings, errors and a summary.
    Normal,
    /// Also timings and details.
    Verbose,
}

/// How many diagnostics a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Every one: what `check` is for.
    Every,
    /// Every error, and warnings up to [`ABRIDGED_WARNINGS`] of each kind
    /// unless verbose; the rest are counted.
    Abridged,
}

/// Warnings of one kind a build lists before it only counts them.
pub const ABRIDGED_WARNINGS: usize = 5;

/// Prints diagnostics to stderr, in color on a terminal; warnings are left out when quiet.
pub fn print_diagnostics(
    texts: &SourceTexts,
    diagnostics: &[Diagnostic],
    verbosity: Verbosity,
    listing: Listing,
) {
    let wanted: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.is_error() || verbosity != Verbosity::Quiet)
        .cloned()
        .collect();
    let (shown, abridged) = match (listing, verbosity) {
        (Listing::Abridged, Verbosity::Normal) => abridge(&wanted, ABRIDGED_WARNINGS),
        _ => (wanted, Vec::new()),
    };
    let choice = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    // Buffered: the reports are written in many small pieces, one system
    // call each on a bare stderr (seconds for a folder with 10,000 warnings).
    let mut stderr = BufferedStandardStream::stderr(choice);
    let printed = texts
        .emit(&mut stderr, &shown)
        .and_then(|()| stderr.flush());
    if let Err(e) = printed {
        terminal::tell(format_args!("tier0: cannot print diagnostics: {e}"));
    }
    for kind in abridged {
        terminal::tell(format_args!(
            "warning: {} more like \"{}\" are not listed; `tier0 check` or `--verbose` lists every one",
            kind.hidden, kind.example
        ));
    }
}

/// Prints an error that stopped tier0 and returns exit code 2.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    terminal::tell(format_args!("error: {message}"));
    ExitCode::from(EXIT_FAILURE)
}

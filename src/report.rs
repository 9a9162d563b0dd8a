//! How a run's diagnostics reach the person at the terminal.
//!
//! A leaf below the commands and the dev server, which both print them: it
//! decides how much is shown (quiet, normal, verbose; every warning or an
//! abridged list) and writes it buffered, inert and in colour on a terminal.

use std::io::Write;

use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};

use crate::diagnostics::{Diagnostic, SourceTexts, abridge};
use crate::terminal;

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

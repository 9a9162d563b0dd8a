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

use std::process::ExitCode;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::diagnostics::{Diagnostic, SourceTexts};
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

/// Prints diagnostics to stderr, in color on a terminal; warnings are left out when quiet.
pub fn print_diagnostics(texts: &SourceTexts, diagnostics: &[Diagnostic], verbosity: Verbosity) {
    let shown: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.is_error() || verbosity != Verbosity::Quiet)
        .cloned()
        .collect();
    let choice = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut stderr = StandardStream::stderr(choice);
    if let Err(e) = texts.emit(&mut stderr, &shown) {
        terminal::tell(format_args!("tier0: cannot print diagnostics: {e}"));
    }
}

/// Prints an error that stopped tier0 and returns exit code 2.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    terminal::tell(format_args!("error: {message}"));
    ExitCode::from(EXIT_FAILURE)
}

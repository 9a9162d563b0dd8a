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
pub mod insights;
pub mod new;
pub mod search;
pub mod serve;

use std::process::ExitCode;

pub use crate::report::{Listing, Verbosity, print_diagnostics};
use crate::terminal;

/// The content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// tier0 could not run.
pub const EXIT_FAILURE: u8 = 2;
/// The site was built, without some content files that have errors.
pub const EXIT_LEFT_OUT: u8 = 3;

/// Whether writing to standard output failed only because its reader
/// stopped reading (`tier0 search … | head -1`): not an error, as for
/// `grep`; what was wanted has been read.
pub fn reader_left(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// Prints an error that stopped tier0 and returns exit code 2.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    terminal::tell(format_args!("error: {message}"));
    ExitCode::from(EXIT_FAILURE)
}

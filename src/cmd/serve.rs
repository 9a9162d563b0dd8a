//! `tier0 serve`.

use std::process::ExitCode;

use super::{Verbosity, fail};
use crate::cli::ServeArgs;
use crate::serve::{self, ServeOptions};
use crate::terminal;

/// Runs `tier0 serve` until interrupted.
pub fn run(args: ServeArgs, verbosity: Verbosity) -> ExitCode {
    if !args.bind.is_loopback() {
        terminal::tell(format_args!(
            "warning: listening on {}: everyone who can reach this computer can read the site, drafts included",
            args.bind
        ));
    }
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
        audience: args.audience,
        open: args.open,
    };
    match serve::serve(options, verbosity) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(format!("cannot serve: {e}")),
    }
}

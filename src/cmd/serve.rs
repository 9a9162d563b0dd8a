//! `tier0 serve`.

use std::process::ExitCode;

use super::{Verbosity, fail};
use crate::cli::ServeArgs;
use crate::serve::{self, ServeOptions};

/// Runs `tier0 serve` until interrupted.
pub fn run(args: ServeArgs, verbosity: Verbosity) -> ExitCode {
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: everyone who can reach this computer can read the site, drafts included \
             (at its IP address, or at a name given with --allow-host)",
            args.bind
        );
    }
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        allow_hosts: args.allow_host,
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

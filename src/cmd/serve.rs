//! `tier0 serve`.

use std::process::ExitCode;
use std::time::Duration;

use super::{Verbosity, fail};
use crate::cli::ServeArgs;
use crate::serve::{self, ServeOptions, connections};
use crate::terminal;

/// Overrides how long a client may keep the server (and the insights
/// collector) waiting, in milliseconds (for tests of the timeout; TESTING.md).
const CLIENT_TIMEOUT_VAR: &str = "TIER0_SERVE_CLIENT_TIMEOUT_MS";

/// Runs `tier0 serve` until interrupted.
pub fn run(args: ServeArgs, verbosity: Verbosity) -> ExitCode {
    if !args.bind.is_loopback() {
        terminal::tell(format_args!(
            "warning: listening on {}: everyone who can reach this computer can read the site, drafts included \
             (at its IP address, or at a name given with --allow-host)",
            args.bind
        ));
    }
    let client_timeout = match client_timeout() {
        Ok(timeout) => timeout,
        Err(message) => return fail(message),
    };
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        allow_hosts: args.allow_host,
        client_timeout,
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

/// The client timeout: [`CLIENT_TIMEOUT_VAR`] when set, else the default.
pub(super) fn client_timeout() -> Result<Duration, String> {
    let Some(value) = std::env::var_os(CLIENT_TIMEOUT_VAR) else {
        return Ok(connections::CLIENT_TIMEOUT);
    };
    value
        .to_str()
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|&ms| ms > 0)
        .map(Duration::from_millis)
        .ok_or_else(|| {
            format!(
                "{CLIENT_TIMEOUT_VAR}={} is not a number of milliseconds above 0; \
                 unset it to use the default of {} s",
                value.to_string_lossy(),
                connections::CLIENT_TIMEOUT.as_secs()
            )
        })
}

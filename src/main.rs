//! The `tier0` binary: parses arguments and hands over to one subcommand.

use std::process::ExitCode;

use clap::Parser;
use tier0::cli::{Cli, Command};
use tier0::cmd::{self, Verbosity};

/// mimalloc: the build allocates many short strings from several threads,
/// where it is faster than the system allocator and returns memory sooner.
/// Its v2 line: as fast as v3 on a 10,000-article build, with a peak about
/// 30 MiB lower (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbosity = if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    match cli.command {
        Command::Build(args) => cmd::build::run(args, verbosity),
        Command::Init(args) => cmd::init::run(args, verbosity),
        Command::Search(args) => cmd::search::run(args, verbosity),
        Command::Serve(args) => cmd::serve::run(args, verbosity),
        Command::New(args) => cmd::new::run(args, verbosity),
        Command::Check(args) => cmd::check::run(args, verbosity),
        Command::Import(args) => cmd::import::run(args, verbosity),
        Command::Insights(args) => cmd::insights::run(args, verbosity),
    }
}

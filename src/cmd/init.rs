//! `tier0 init DIR`: a new knowledge base that builds as it is.

use std::path::Path;
use std::process::ExitCode;

use include_dir::{Dir, include_dir};

use super::{Verbosity, fail};
use crate::cli::InitArgs;
use crate::terminal;

static SCAFFOLD: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/scaffold");

/// Runs `tier0 init`.
pub fn run(args: InitArgs, verbosity: Verbosity) -> ExitCode {
    let dir = &args.dir;
    if let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return fail(format!(
            "`{}` is not empty; choose a new folder so nothing is overwritten",
            dir.display()
        ));
    }
    if let Err(e) = write_scaffold(&SCAFFOLD, dir) {
        return fail(format!(
            "cannot create the knowledge base in `{}`: {e}",
            dir.display()
        ));
    }
    if verbosity != Verbosity::Quiet {
        terminal::tell(format_args!(
            "Created a knowledge base in {}",
            dir.display()
        ));
        terminal::tell(format_args!(
            "Build it with: tier0 build --root {}",
            dir.display()
        ));
    }
    ExitCode::SUCCESS
}

fn write_scaffold(scaffold: &Dir<'static>, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for file in scaffold.files() {
        let path = dir.join(file.path());
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, file.contents())?;
    }
    for sub in scaffold.dirs() {
        write_scaffold(sub, dir)?;
    }
    Ok(())
}

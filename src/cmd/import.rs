//! `tier0 import zendesk DIR`: prints what the import did to each file.
//!
//! stdout: a line per file (`created`, `updated`, `unchanged`, `kept`,
//! `conflict`, `gone`) and a summary; stderr: the export's warnings, notes
//! on single files and what to change in `tier0.yaml`. Exit 0 when the
//! import ran (conflicts included: they are reported, and the files stay
//! as they were), 1 when the export or an earlier import's record has
//! errors (nothing is written), 2 when a folder or file cannot be read or
//! written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{EXIT_CONTENT, Listing, Verbosity, fail, print_diagnostics};
use crate::cli::{ImportArgs, ImportSource, ZendeskArgs};
use crate::discover::CONFIG_FILE;
use crate::import::ImportError;
use crate::import::zendesk::sync::Action;
use crate::import::zendesk::{self, ConfigNote, Report};
use crate::terminal;

/// Runs `tier0 import`.
pub fn run(args: ImportArgs, verbosity: Verbosity) -> ExitCode {
    match args.source {
        ImportSource::Zendesk(args) => run_zendesk(args, verbosity),
    }
}

fn run_zendesk(args: ZendeskArgs, verbosity: Verbosity) -> ExitCode {
    let options = zendesk::Options {
        export: args.dir,
        root: args.root,
        dry_run: args.dry_run,
    };
    match zendesk::import(&options) {
        Ok(report) => {
            print_report(&report, &options, verbosity);
            ExitCode::SUCCESS
        }
        Err(ImportError::Content { diagnostics, texts }) => {
            print_diagnostics(&texts, &diagnostics, verbosity, Listing::Every);
            terminal::tell(format_args!(
                "error: the import found {} error(s); nothing was written",
                diagnostics.len()
            ));
            ExitCode::from(EXIT_CONTENT)
        }
        Err(ImportError::Io(message)) => fail(message),
    }
}

/// A path under the site folder as the user named it.
fn shown(root: &Path, rel: impl AsRef<Path>) -> PathBuf {
    let path = rel.as_ref();
    if root == Path::new(".") {
        path.to_path_buf()
    } else {
        root.join(path)
    }
}

/// Tells the export's warnings, what was done to each file, what to
/// change in `tier0.yaml`, and a summary.
fn print_report(report: &Report, options: &zendesk::Options, verbosity: Verbosity) {
    let root = &options.root;
    print_diagnostics(&report.texts, &report.warnings, verbosity, Listing::Every);
    let quiet = verbosity == Verbosity::Quiet;
    print_outcomes(report, root, quiet);
    let config = shown(root, CONFIG_FILE).display().to_string();
    match &report.config {
        ConfigNote::Fine => {}
        ConfigNote::Written if !quiet => {
            terminal::tell(format_args!("Wrote {config} with the export's languages"))
        }
        ConfigNote::WouldWrite if !quiet => terminal::tell(format_args!(
            "Would write {config} with the export's languages"
        )),
        ConfigNote::Advice(lines) if !quiet => {
            for line in lines {
                terminal::tell(format_args!("warning: {config}: {line}"));
            }
        }
        _ => {}
    }
    let conflicts = report
        .outcomes
        .iter()
        .filter(|o| o.action == Action::Conflict)
        .count();
    if conflicts > 0 && !quiet {
        terminal::tell(format_args!(
            "warning: {conflicts} file(s) changed both here and in Zendesk were left as they are; merge Zendesk's version from the hidden `.zendesk-new` file beside each (docs/import-zendesk.md)"
        ));
    }
    if !quiet {
        print_summary(report, options.dry_run);
    }
}

/// A line per file on stdout, and the notes on the files written on stderr.
fn print_outcomes(report: &Report, root: &Path, quiet: bool) {
    let file = |rel: &str| {
        shown(root, report.content_dir.join(rel))
            .display()
            .to_string()
    };
    for outcome in &report.outcomes {
        if !quiet {
            let why = match (outcome.action, &outcome.theirs) {
                (Action::Kept, _) => " (edited here; unchanged in Zendesk)".to_owned(),
                (Action::Conflict, Some(theirs)) => {
                    format!(
                        " (edited here and changed in Zendesk; Zendesk's version is in {})",
                        file(theirs)
                    )
                }
                (Action::Gone, _) => " (no longer in the export; left as it is)".to_owned(),
                _ => String::new(),
            };
            terminal::say(format_args!(
                "{:<9} {}{why}",
                outcome.action.word(),
                file(&outcome.rel)
            ));
        }
        let written = matches!(
            outcome.action,
            Action::Created | Action::Updated | Action::Conflict
        );
        if let Some(notes) = report.notes.get(&outcome.rel).filter(|_| written && !quiet) {
            for note in notes {
                terminal::tell(format_args!("warning: {}: {note}", file(&outcome.rel)));
            }
        }
    }
}

/// The summary line: articles, languages, and files per action.
fn print_summary(report: &Report, dry_run: bool) {
    let count = |action: Action| {
        report
            .outcomes
            .iter()
            .filter(|o| o.action == action)
            .count()
    };
    let languages = match report.languages.as_slice() {
        [only] => format!("1 language ({only})"),
        [default, others @ ..] => format!(
            "{} languages ({default}, the default; {})",
            report.languages.len(),
            others.join(", ")
        ),
        [] => "no language".to_owned(),
    };
    let verb = if dry_run {
        "Dry run, nothing written: would import"
    } else {
        "Imported"
    };
    terminal::say(format_args!(
        "{verb} {} articles in {languages}: {} created, {} updated, {} unchanged, {} kept, {} conflict(s), {} gone",
        report.articles,
        count(Action::Created),
        count(Action::Updated),
        count(Action::Unchanged),
        count(Action::Kept),
        count(Action::Conflict),
        count(Action::Gone),
    ));
}

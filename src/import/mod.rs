//! `tier0 import`: knowledge bases kept elsewhere → a tier0 content tree.
//!
//! Each source has its module; they share how they fail. An import writes
//! only under `content/` (and `tier0.yaml` when there is none), never
//! replaces a file someone edited, and can be run again to follow changes.

mod text;
pub mod zendesk;

use crate::diagnostics::{Diagnostic, SourceTexts};

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The export (or a file the import wrote before) has errors.
    #[error("the import found {} error(s); nothing was written", .diagnostics.len())]
    Content {
        /// Every problem found.
        diagnostics: Vec<Diagnostic>,
        /// Texts of the files, to show them.
        texts: SourceTexts,
    },
    /// A file or folder could not be read or written (the message names it).
    #[error("{0}")]
    Io(String),
}

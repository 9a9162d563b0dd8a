//! The errors of this crate. Paths are carried so the binary can say which
//! index failed.

use std::path::PathBuf;

/// Everything that can go wrong while building, exporting or searching.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed on an index.
    #[error("search index {path}: {source}")]
    Tantivy {
        /// The language index directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// Reading or writing a file failed.
    #[error("search index {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The export's output callback failed on a file.
    #[error("writing search file {path}: {source}")]
    Output {
        /// The file, relative to the search directory.
        path: String,
        /// The error the callback returned.
        #[source]
        source: std::io::Error,
    },
    /// A document's language is not among the configured ones.
    #[error("article {id}: language {lang:?} is not configured (configured: {configured})")]
    UnknownLanguage {
        /// Article id.
        id: String,
        /// Its language.
        lang: String,
        /// The configured languages, comma-separated.
        configured: String,
    },
    /// Two articles of one language share an id.
    #[error("article id {id} appears twice in language {lang:?}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The language.
        lang: String,
    },
    /// No index exists for the language asked for.
    #[error("no search index for language {lang:?} in {path}")]
    MissingLanguage {
        /// The language.
        lang: String,
        /// Where it was looked for.
        path: PathBuf,
    },
    /// The index is not what this crate writes (e.g. built by another version).
    #[error("search index {path}: {message}")]
    Corrupt {
        /// The language index directory.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Encoding an exported file failed.
    #[error("encoding search data as JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl SearchError {
    pub(crate) fn tantivy(path: &std::path::Path) -> impl Fn(tantivy::TantivyError) -> Self + '_ {
        move |source| SearchError::Tantivy {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn io(path: &std::path::Path) -> impl Fn(std::io::Error) -> Self + '_ {
        move |source| SearchError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// For the errors of tantivy's directory layer, whose text says what
    /// is wrong with the index files.
    pub(crate) fn corrupt<E: std::fmt::Display>(path: &std::path::Path) -> impl Fn(E) -> Self + '_ {
        move |e| SearchError::Corrupt {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }
}

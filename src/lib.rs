//! tier0: a support organisation's Markdown knowledge base → a static
//! self-service help site.
//!
//! The build is a pipeline of stages, one module each, orchestrated by
//! [`site`]: [`discover`] → [`parse`] → [`link`] → [`render`] and [`index`]
//! → [`write`].

#![warn(missing_docs, unreachable_pub)]
// Output goes through `terminal`, which shows content instead of letting
// the terminal obey it.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article_templates;
pub mod audit;
pub mod cache;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diagnostics;
pub mod dialects;
pub mod discover;
pub mod html_depth;
pub mod import;
pub mod index;
pub mod insights;
pub mod javascript;
pub mod kinds;
pub mod landing;
pub mod leniency;
pub mod link;
pub mod matter;
pub mod output_paths;
pub mod parse;
pub mod placeholders;
pub mod plan;
pub mod references;
pub mod render;
pub mod report;
pub mod serve;
pub mod share;
pub mod site;
pub mod slug;
pub mod syntax;
pub mod terminal;
pub mod urls;
pub mod write;

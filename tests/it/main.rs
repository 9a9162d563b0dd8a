//! Integration tests: the real `tier0` binary run on fixture sites.
//!
//! Each fixture under `tests/fixtures/<case>/` is copied into a temporary
//! folder so tests can build, break and rebuild it without touching the repo.

mod agents;
mod atomic;
mod build;
mod cache;
mod cache_nav;
mod cache_search;
mod cache_stamps;
mod categories;
mod check;
mod code;
mod components;
mod content_dir;
mod conventions;
mod deep_html;
mod docusaurus;
mod errors;
mod gitbook;
mod held_out;
mod held_out_ninth;
mod held_out_tenth;
mod hierarchy;
mod home;
mod hostile;
mod hostile_content;
mod import;
mod import_fields;
mod import_locales;
mod includes;
mod init;
mod insights;
mod kcs;
mod language_folders;
mod layout;
mod lenient;
mod links;
mod mkdocs_nav;
mod nav_files;
mod new;
mod previews;
mod redirects;
mod safety;
mod search;
mod serve;
mod serve_edits;
mod serve_http;
mod serve_listings;
mod serve_relinks;
mod snapshots;
mod support;
mod tags;
mod tocs;
mod widget;
mod xss;

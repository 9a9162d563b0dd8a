//! Safety: tier0 never deletes what it did not write, never publishes what
//! is internal, and never hands a reader, an agent's terminal or another web
//! page a way in. One module per class of fault; each test fails on the
//! mechanism, not on one probe.

mod collisions;
mod host;
mod leaks;
mod output;
mod scaling;
mod state;
mod symlinks;
mod terminal;
mod urls;
mod withheld_links;

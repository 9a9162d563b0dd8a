//! No quadratic input: per-article dedup scales linearly.

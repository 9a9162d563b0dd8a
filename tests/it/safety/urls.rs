//! No URL from config or content can carry script.

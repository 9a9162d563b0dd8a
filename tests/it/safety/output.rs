//! Output-folder ownership: tier0 replaces only what it wrote.

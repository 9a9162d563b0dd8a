//! The dev server answers only its own names, and its live-reload channel
//! only its own pages.

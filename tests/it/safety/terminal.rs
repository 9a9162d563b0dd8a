//! Text that reaches a terminal is inert.

//! Insights: what level 0 could not solve goes back to the tier that owns
//! the fix.
//!
//! The site sends anonymous events ([`event`]) to `tier0 insights serve`
//! ([`collector`]), which keeps them in SQLite or PostgreSQL ([`store`]).
//! `tier0 insights report` ([`report`]) turns them into the support KPIs
//! and each tier's to-do list, using what [`catalog`] knows of the site.
//! `docs/insights.md` says what is collected and what never is.

pub mod catalog;
pub mod collector;
pub mod event;
pub mod report;
pub mod store;

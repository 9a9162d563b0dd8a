//! Command-line interface: arguments and help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::link::BuildAudience;

/// tier0 builds a support organisation's Markdown knowledge base into a
/// static self-service help site with client-side search.
#[derive(Debug, Parser)]
#[command(name = "tier0", version, about, long_about = None)]
pub struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is happening.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site: content/ → public/.
    Build(BuildArgs),
    /// Create a new knowledge base with a config and example articles.
    Init(InitArgs),
    /// Write a new article from the template of its type, with the next free id.
    New(NewArgs),
    /// Serve the site on this computer and rebuild it as you edit (live reload).
    Serve(ServeArgs),
    /// Search the last build's articles from the terminal (for support agents).
    Search(SearchArgs),
    /// Check the site without building it: links, anchors, ids, schema, stale reviews, translations.
    Check(CheckArgs),
    /// Import a knowledge base kept elsewhere into content/ (run it again to follow its changes).
    Import(ImportArgs),
    /// Collect what readers could not solve, and report it to the tiers that own the fix (docs/insights.md).
    Insights(InsightsArgs),
}

/// Arguments of `tier0 insights`.
#[derive(Debug, Args)]
pub struct InsightsArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: InsightsAction,
}

/// What `tier0 insights` does.
#[derive(Debug, Subcommand)]
pub enum InsightsAction {
    /// Collect the anonymous events the site sends (`insights.endpoint` in tier0.yaml).
    Serve(InsightsServeArgs),
    /// Report the KPIs, the content gaps and each tier's to-do list.
    Report(InsightsReportArgs),
}

/// Where events are kept, and which site they are about.
#[derive(Debug, Args)]
pub struct InsightsStoreArgs {
    /// The site folder, holding tier0.yaml and content/ (its articles are
    /// the ones events may name).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// A SQLite file (created when missing), or a postgres://user:password@host/db URL
    /// [default: <root>/insights.db].
    #[arg(long, value_name = "FILE|URL")]
    pub database: Option<String>,
}

/// Arguments of `tier0 insights serve`.
#[derive(Debug, Args)]
pub struct InsightsServeArgs {
    /// Site and database.
    #[command(flatten)]
    pub store: InsightsStoreArgs,
    /// Port to listen on (0: any free port, printed at start).
    #[arg(long, default_value_t = 8791)]
    pub port: u16,
    /// Address to listen on; only this computer by default.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Events one address may send per minute, 1 or more (counted in
    /// memory only).
    // 0 would refuse every event; a zero retention would delete them all.
    #[arg(long, default_value_t = 120, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit: u32,
    /// Delete events older than this many days, 1 or more.
    #[arg(long, default_value_t = 400, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..))]
    pub retain_days: u32,
}

/// Output format of `tier0 insights report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained page (inline CSS and SVG charts).
    Html,
    /// The documented JSON document (docs/insights.md), for other tools.
    Json,
    /// One row per article.
    Csv,
}

/// Arguments of `tier0 insights report`.
#[derive(Debug, Args)]
pub struct InsightsReportArgs {
    /// Site and database.
    #[command(flatten)]
    pub store: InsightsStoreArgs,
    /// First day counted (YYYY-MM-DD) [default: 90 days ago].
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Judge review dates as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// Arguments of `tier0 import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Where the knowledge base comes from.
    #[command(subcommand)]
    pub source: ImportSource,
}

/// Knowledge bases `tier0 import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// A Zendesk Guide export: the Help Center API's JSON pages of
    /// categories, sections and articles (see docs/import-zendesk.md).
    Zendesk(ZendeskArgs),
}

/// Arguments of `tier0 import zendesk`.
#[derive(Debug, Args)]
pub struct ZendeskArgs {
    /// Folder holding the export: categories….json, sections….json and articles….json pages.
    pub dir: PathBuf,
    /// The site folder to import into (content/ and tier0.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Say what would be created, updated or left alone, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Arguments of `tier0 build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder, holding tier0.yaml and content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: <root>/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Override `base_url` of tier0.yaml (a URL such as https://help.example.com/ or a path such as /help/).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Open the home page in the default browser after building.
    #[arg(long)]
    pub open: bool,
    /// Stop at any problem and write nothing, as `tier0 check` does
    /// (`strict: true` in tier0.yaml says the same). Without it, a problem
    /// confined to one article leaves it out or is a warning.
    #[arg(long)]
    pub strict: bool,
    /// Replace the output folder even if it holds files tier0 did not write
    /// (they are deleted). Without it, such a folder is refused.
    #[arg(long)]
    pub replace_output: bool,
    /// Render every page, reusing nothing of the last build. Without it,
    /// the page of an article whose page would come out the same is kept
    /// from the last build (the build cache, `.tier0/<out>/cache` beside
    /// the output, safe to delete).
    #[arg(long)]
    pub no_cache: bool,
    /// Whom to build for: `public` (end users) or `agents` (internal
    /// articles and blocks shown; written to `agents.out` of tier0.yaml).
    #[arg(long, value_enum, default_value_t = BuildAudience::Public)]
    pub audience: BuildAudience,
    /// Publish the insights report of this database (a SQLite file or a
    /// postgres:// URL; the last 90 days) as the `insights/` page of the
    /// agents' edition. Never in the public edition.
    #[arg(long, value_name = "FILE|URL")]
    pub insights: Option<String>,
}

/// Arguments of `tier0 init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to create (must not exist or be empty).
    pub dir: PathBuf,
}

/// Arguments of `tier0 search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to search for (error codes work whole: 0x80070005).
    #[arg(required = true)]
    pub query: Vec<String>,
    /// The site folder whose last build is searched.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Language to search [default: the site's default language].
    #[arg(long)]
    pub lang: Option<String>,
    /// How many results to show, 1 or more [default: 10, or 1 with --reply].
    // 0 would show nothing and exit 1, "no article matches", however many do.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Print the reply to send a user ("copy as reply" of the article
    /// page) for each result; shows one result unless --limit says more.
    #[arg(long, conflicts_with = "json")]
    pub reply: bool,
    /// Which build to search: `public`, or `agents` (internal articles too).
    #[arg(long, value_enum, default_value_t = BuildAudience::Public)]
    pub audience: BuildAudience,
    /// The output folder of the build to search, when it was built with
    /// --out [default: <root>/public, or `agents.out` of tier0.yaml].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Output format of `tier0 check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Compiler-style messages and a table of stale articles.
    Human,
    /// One JSON document (see docs/check-json.md).
    Json,
}

/// Arguments of `tier0 check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site folder, holding tier0.yaml and content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Treat warnings and stale articles as problems (exit 1).
    #[arg(long)]
    pub strict: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Judge review dates as of this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// Arguments of `tier0 new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Article type: troubleshooting, how-to, faq, known-issue or reference.
    #[arg(value_name = "TYPE")]
    pub kind: String,
    /// Title of the article; its file name and URL are made from it.
    pub title: String,
    /// Tier of the author [default: `defaults.tier` of tier0.yaml].
    #[arg(long)]
    pub tier: Option<String>,
    /// Language of the article [default: the site's default language].
    #[arg(long)]
    pub lang: Option<String>,
    /// Section: the folder under content/, levels joined by `/` (`network/vpn`) [default: the top level].
    #[arg(long)]
    pub category: Option<String>,
    /// The site folder, holding tier0.yaml and content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Arguments of `tier0 serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder, holding tier0.yaml and content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
    pub port: u16,
    /// Address to listen on. Anything but loopback shows the site, drafts
    /// included, to your whole network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Also answer requests for this name (such as `docs.example.lan`, or
    /// `localhost:8080` behind a tunnel or proxy): the server answers only
    /// at 127.0.0.1, localhost, [::1] and the --bind address, on its port,
    /// so that no other web site can read it. Repeat for more names.
    #[arg(long, value_name = "HOST")]
    pub allow_host: Vec<crate::serve::hosts::Authority>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Whom to build for: `public` (end users) or `agents` (internal
    /// articles and blocks shown; to preview them).
    #[arg(long, value_enum, default_value_t = BuildAudience::Public)]
    pub audience: BuildAudience,
}

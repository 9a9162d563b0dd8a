//! `tier0 search`: the last build's search index, from the terminal.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{EXIT_CONTENT, Listing, Verbosity, fail, print_diagnostics, reader_left};
use crate::cli::SearchArgs;
use crate::config::{BaseUrl, Config};
use crate::discover::CONFIG_FILE;
use crate::index::{IndexedSite, SITE_FILE};
use crate::output_paths::SEARCH_DIR;
use crate::parse::Audience;
use crate::share;
use crate::site::{self, BuildError, index_dir};
use crate::terminal::{self, Inert};
use crate::urls::Urls;
use crate::write::open_state_file;
use search_index::Engine;
use search_index::engine::Answer;

#[derive(Serialize)]
struct Result<'a> {
    rank: usize,
    id: &'a str,
    title: &'a str,
    tier: &'a str,
    url: String,
    description: &'a str,
    /// Section path (`network/vpn`) and the titles of its sections.
    section: &'a str,
    section_titles: &'a [String],
    score: f32,
    internal: bool,
    /// KCS state, when the article is not validated.
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<&'a str>,
    #[serde(skip)]
    reply: Option<String>,
}

/// The largest `site.json` read: some hundred bytes an article, for a
/// hundred thousand articles and more.
const MAX_SITE_FILE: u64 = 256 << 20;

/// What the build recorded beside its index, if it can be read: as any
/// state file, only from a regular file (never through a link, from a
/// pipe that would hang the search or a device such as `/dev/zero` that
/// would fill the memory), and at most [`MAX_SITE_FILE`] bytes of it.
/// Without it, the configuration's URLs are used.
fn read_site(path: &Path) -> Option<IndexedSite> {
    let file = open_state_file(path, std::fs::OpenOptions::new().read(true)).ok()?;
    let mut bytes = Vec::new();
    file.take(MAX_SITE_FILE).read_to_end(&mut bytes).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Runs `tier0 search`.
pub fn run(args: SearchArgs, verbosity: Verbosity) -> ExitCode {
    let mut config = match load_config(&args.root, verbosity) {
        Ok(config) => config,
        Err(code) => return code,
    };
    let lang = args.lang.unwrap_or_else(|| config.default_language.clone());
    if !config.has_language(&lang) {
        return fail(format!(
            "`{lang}` is not one of the site's languages ({})",
            config.language_codes()
        ));
    }
    let out = site::out_dir(&args.root, args.out.as_deref(), args.audience, &config);
    let search_dir = out.join(SEARCH_DIR);
    if !search_dir.join(&lang).join("manifest.js").is_file() {
        return fail(format!(
            "no search index in {}; run `tier0 build` first",
            search_dir.display()
        ));
    }
    let query = args.query.join(" ");
    if !query.chars().any(char::is_alphanumeric) {
        return fail(format!(
            "`{query}` has no word to search for; give one or more, e.g. `tier0 search printer offline`"
        ));
    }
    let limit = args.limit.map_or(if args.reply { 1 } else { 10 }, |n| {
        usize::try_from(n).unwrap_or(usize::MAX)
    });
    let answer =
        match Engine::open_dir(&search_dir, Some(&lang)).and_then(|e| e.search(&query, limit)) {
            Ok(answer) => answer,
            // The error names the file.
            Err(e) => {
                return fail(format!(
                    "cannot search: {e}; `tier0 build` writes the index again"
                ));
            }
        };
    let dir = index_dir(&out);
    let site = read_site(&dir.join(SITE_FILE));
    let base = |url: Option<&String>, configured: &BaseUrl| {
        url.and_then(|u| BaseUrl::parse(u))
            .unwrap_or_else(|| configured.clone())
    };
    let urls = Urls::new(base(site.as_ref().map(|s| &s.base_url), &config.base_url));
    config.public_base_url = base(
        site.as_ref().map(|s| &s.public_base_url),
        &config.public_base_url,
    );
    let found = Found {
        config: &config,
        urls: &urls,
        site: site.as_ref(),
        lang: &lang,
    };
    let results = found.results(&answer, args.reply);
    let exit = if results.is_empty() {
        ExitCode::from(EXIT_CONTENT)
    } else {
        ExitCode::SUCCESS
    };
    match write_results(args.json, &query, &lang, &answer, &results) {
        Ok(()) => {}
        Err(e) if reader_left(&e) => return exit,
        Err(e) => return fail(format!("cannot write the results: {e}")),
    }
    if found.has_relative_reply(&results) {
        terminal::tell(format_args!(
            "warning: the link in the reply is relative, so it will not open from a ticket or a chat; \
             set `base_url` in {CONFIG_FILE} to the site's full URL (https://…) and build again"
        ));
    }
    if !args.json && verbosity != Verbosity::Quiet && !results.is_empty() {
        tell_how_answered(&answer, &query);
    }
    if results.is_empty() && !args.json && verbosity != Verbosity::Quiet {
        terminal::tell(format_args!("No article matches `{query}`."));
    }
    exit
}

/// What the hits are shown with: the site as its last build left it.
struct Found<'a> {
    config: &'a Config,
    urls: &'a Urls,
    /// The last build's site file, if it could be read.
    site: Option<&'a IndexedSite>,
    lang: &'a str,
}

impl Found<'_> {
    /// The hits of `answer` as results, each with the reply to send when
    /// `reply` is asked for.
    fn results<'h>(&self, answer: &'h Answer, reply: bool) -> Vec<Result<'h>> {
        answer
            .hits
            .iter()
            .map(|hit| &hit.record)
            .zip(answer.hits.iter().map(|hit| hit.ranked.score))
            .enumerate()
            .map(|(i, (hit, score))| {
                let internal = self.site.is_some_and(|s| s.internal.contains(&hit.id));
                Result {
                    rank: i + 1,
                    id: &hit.id,
                    title: &hit.title,
                    tier: &hit.tier,
                    url: self.urls.best("", &hit.url),
                    description: &hit.description,
                    section: &hit.category,
                    section_titles: &hit.trail,
                    score,
                    internal,
                    confidence: hit.confidence.as_deref(),
                    reply: reply.then(|| {
                        let audience = if internal {
                            Audience::Internal
                        } else {
                            Audience::Public
                        };
                        let link = share::send_link(
                            self.config,
                            self.urls,
                            "",
                            self.lang,
                            &hit.id,
                            audience,
                        );
                        let vars = share::ReplyVars {
                            id: &hit.id,
                            title: &hit.title,
                            description: &hit.description,
                        };
                        share::reply(self.config, self.lang, vars, &link)
                    }),
                }
            })
            .collect()
    }

    /// Whether a reply holds a relative link, which means nothing in a
    /// ticket or a chat: the agent is told rather than left to send it.
    fn has_relative_reply(&self, results: &[Result<'_>]) -> bool {
        results.iter().any(|r| {
            let public = matches!(self.config.public_base_url, BaseUrl::Absolute(_)) && !r.internal;
            r.reply.is_some() && !public && self.urls.absolute("").is_none()
        })
    }
}

/// Writes the results to stdout, as JSON or as text.
fn write_results(
    json: bool,
    query: &str,
    lang: &str,
    answer: &Answer,
    results: &[Result<'_>],
) -> std::io::Result<()> {
    // Titles, descriptions and replies are authors' text, and the query
    // may be pasted from a ticket: all of it is shown, never obeyed.
    let mut out = Inert::new(std::io::stdout().lock());
    if json {
        terminal::to_json(&serde_json::json!({
            "query": query,
            "lang": lang,
            "total": answer.total,
            "all_words": answer.all_words,
            "corrections": answer.corrections,
            "words": answer.words,
            "results": results,
        }))
        .map_err(std::io::Error::other)
        .and_then(|json| writeln!(out, "{json}"))
    } else {
        write_text(&mut out, results)
    }
    .and_then(|()| out.flush())
}

/// Notes on stderr when the results answer corrected words, or only some
/// of the query's words.
fn tell_how_answered(answer: &Answer, query: &str) {
    if !answer.corrections.is_empty() {
        let shown: Vec<String> = answer
            .corrections
            .iter()
            .map(|c| format!("`{}` for `{}`", c.to, c.from))
            .collect();
        terminal::tell(format_args!(
            "note: showing results for {}",
            shown.join(", ")
        ));
    }
    if !answer.all_words {
        terminal::tell(format_args!(
            "note: no article has every word of `{query}`; these have some of them"
        ));
    }
}

fn write_text(out: &mut impl Write, results: &[Result<'_>]) -> std::io::Result<()> {
    for (i, r) in results.iter().enumerate() {
        if let Some(reply) = &r.reply {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "{reply}")?;
            if r.internal {
                terminal::tell(format_args!(
                    "note: {} is an internal article: its link opens only on the agents' site; do not send it to users",
                    r.id
                ));
            }
            match r.confidence {
                Some("archived") => terminal::tell(format_args!(
                    "note: {} is archived: it is no longer in use; do not send it to users",
                    r.id
                )),
                Some(state) => terminal::tell(format_args!(
                    "note: {} is not validated yet (KCS `{state}`): check its steps before you send it",
                    r.id
                )),
                None => {}
            }
            continue;
        }
        let internal = if r.internal { " (internal)" } else { "" };
        let state = r.confidence.map_or(String::new(), |c| format!(" ({c})"));
        // Two results of one title (a page per product version): say where each is.
        let shared = results.iter().filter(|o| o.title == r.title).count() > 1;
        let place = if shared && !r.section_titles.is_empty() {
            format!(" · {}", r.section_titles.join(" › "))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>2}. {} [{}] {}{internal}{state}{place}",
            r.rank, r.title, r.tier, r.id
        )?;
        writeln!(out, "    {}", r.url)?;
        if !r.description.is_empty() {
            writeln!(out, "    {}", r.description)?;
        }
    }
    Ok(())
}

/// The site's config, or the exit code after printing why it cannot be read.
fn load_config(root: &Path, verbosity: Verbosity) -> std::result::Result<Config, ExitCode> {
    match site::load_config(root) {
        Ok((config, _warnings, _)) => Ok(config),
        Err(BuildError::Content { diagnostics, texts }) => {
            print_diagnostics(&texts, &diagnostics, verbosity, Listing::Abridged);
            Err(ExitCode::from(super::EXIT_FAILURE))
        }
        Err(e) => Err(fail(e)),
    }
}

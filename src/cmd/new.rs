//! `tier0 new TYPE TITLE`: starts an article from its type's template.
//!
//! In: the site folder, the article type and title, and optionally the
//! author's tier, the language and the category. Out: one new Markdown file
//! under `content/` with the site's next free id, a slug made from the
//! title and today's date, and on stdout its path and the URL the dev
//! server will show it at.
//!
//! Guarantees: an existing file is never overwritten, and the new article
//! goes through the real parse and link stages together with the site's
//! articles before it is written, so `tier0 build` accepts it without
//! warnings and its printed URL is the one the build gives it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use time::Date;

use super::{EXIT_CONTENT, Listing, Verbosity, fail, print_diagnostics};
use crate::cli::NewArgs;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::discover::{self, CONFIG_FILE, CONTENT_DIR, SourceFile, Sources};
use crate::link::{self, Selection};
use crate::matter::text::{self, Lines};
use crate::matter::yaml::did_you_mean;
use crate::parse::{self, Article, ArticleType, Parsed};
use crate::placeholders;
use crate::site::{self, BuildError};
use crate::slug;
use crate::terminal;

/// Host of the dev server: `tier0 serve` listens on loopback, on
/// [`crate::serve::DEFAULT_PORT`] (1111) unless told otherwise, and serves
/// the site at its root.
const DEV_SERVER_HOST: &str = "127.0.0.1";

/// Id prefix of a site that has no numbered ids yet.
const DEFAULT_ID_PREFIX: &str = "KB-";
/// Digits of the first id of such a site (`KB-0001`).
const DEFAULT_ID_WIDTH: usize = 4;

/// Runs `tier0 new`.
pub fn run(args: NewArgs, verbosity: Verbosity) -> ExitCode {
    // First, while tier0 has a single thread: reading the local time zone is
    // not safe once other threads (rayon's, in parse) may run.
    let today = crate::parse::date::today();
    match create(&args, today, verbosity) {
        Ok(created) => {
            if verbosity != Verbosity::Quiet {
                terminal::say(format_args!(
                    "Created {} ({})",
                    created.shown.display(),
                    created.id
                ));
                terminal::say(format_args!(
                    "It is a draft (`confidence: draft`): `tier0 serve --drafts` shows it at http://{DEV_SERVER_HOST}:{}/{}; \
                     set `confidence: not-validated` for the agents, `validated` to publish it",
                    crate::serve::DEFAULT_PORT,
                    created.site_path
                ));
            }
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// A written article.
struct Created {
    /// Its path as the user named the site folder.
    shown: PathBuf,
    /// Its id.
    id: String,
    /// Its site path (`red/wifi/`).
    site_path: String,
}

/// Checks the arguments, writes the article, and says what went wrong on stderr.
fn create(args: &NewArgs, today: Date, verbosity: Verbosity) -> Result<Created, ExitCode> {
    let (kind, title, slug) = checked_args(args)?;
    let root = &args.root;
    // A project of another generator builds where it stands: its pages
    // are written where the build reads them.
    let project = || discover::generator_folder(root).is_some();
    if !root.join(CONTENT_DIR).is_dir() && !root.join(CONFIG_FILE).is_file() && !project() {
        return Err(fail(format!(
            "`{}` is not a tier0 site: it has neither {CONFIG_FILE} nor {CONTENT_DIR}/ nor another \
             generator's pages; pass --root or create one with `tier0 init`",
            root.display()
        )));
    }
    let config = load_config(root, verbosity)?;
    let (tier, lang) = tier_and_language(args, &config)?;

    let mut sources = if root.join(&config.content_dir).is_dir() {
        discover::discover(
            root,
            &config.content_dir,
            &config.mounted,
            &config.theme,
            discover::Reading::First,
            None,
        )
        .map_err(fail)?
    } else {
        Sources::default()
    };
    parse::language_homes(&config, &mut sources);
    let existing = parse::parse(&config, &sources);
    // Every parsed article counts, drafts and internal ones too: ids must be
    // unique whether or not an article is published.
    let id = next_id(existing.articles.iter().map(|a| a.id.as_str()));

    let place = Place::of(args, &config, lang, &slug);
    if place.target.symlink_metadata().is_ok() {
        return Err(already_exists(&place.shown));
    }
    let shown = place.shown;

    let text = article_text(&config, kind, lang, &id, title, tier, today)?;
    let file = SourceFile {
        path: place.path,
        rel: place.rel,
        text: Arc::from(text.as_str()),
    };
    let site_path = match fits(&config, &file, title, existing, &sources) {
        Ok(site_path) => site_path,
        Err(problems) => {
            let mut texts = sources.texts;
            texts.insert(file.path.clone(), file.text.clone());
            print_diagnostics(&texts, &problems, verbosity, Listing::Every);
            return Err(fail(format!(
                "{} would not build with the site's other articles; nothing was written",
                shown.display()
            )));
        }
    };

    write_new(&place.target, &text).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(&shown)
        } else {
            fail(format!("cannot write {}: {e}", shown.display()))
        }
    })?;
    Ok(Created {
        shown,
        id,
        site_path,
    })
}

/// The article type, the trimmed title and its slug, once the arguments
/// that need no site (type, title, category) are checked.
fn checked_args(args: &NewArgs) -> Result<(ArticleType, &str, String), ExitCode> {
    let Some(kind) = ArticleType::parse(&args.kind) else {
        let hint = did_you_mean(&args.kind, &ArticleType::NAMES)
            .map_or(String::new(), |best| format!("did you mean `{best}`? "));
        return Err(fail(format!(
            "unknown article type `{}`; {hint}use one of: {}",
            args.kind,
            ArticleType::NAMES.join(", ")
        )));
    };
    let title = args.title.trim();
    // The same rule as for `title:` in front matter, said for a command line.
    if let Some((_, c)) = text::first_control(title, Lines::One) {
        return Err(fail(format!(
            "the title must be a single line of text, without control characters (it holds U+{:04X})",
            u32::from(c)
        )));
    }
    let slug = slug::slugify(title);
    if slug.is_empty() {
        return Err(fail(format!(
            "cannot make a file name from the title `{title}`; use a title with letters or digits"
        )));
    }
    if let Some(problem) = args
        .category
        .iter()
        .flat_map(|c| c.split('/'))
        .find_map(crate::output_paths::segment_too_long)
    {
        return Err(fail(format!(
            "a section id is too long for a folder name: {problem}; use a shorter one"
        )));
    }
    if let Some(category) = &args.category
        && !parse::is_section_id(category)
    {
        let example = parse::SectionPath::of(category)
            .id
            .unwrap_or_else(|| "network/vpn".into());
        return Err(fail(format!(
            "category `{category}` is not a valid section id; use lowercase letters, digits and `-`, \
             with `/` between levels, e.g. `{example}`"
        )));
    }
    Ok((kind, title, slug))
}

/// The tier and the language of the article, checked against the config.
fn tier_and_language<'a>(
    args: &'a NewArgs,
    config: &'a Config,
) -> Result<(&'a str, &'a str), ExitCode> {
    let tier = args.tier.as_deref().unwrap_or(&config.default_tier);
    let Some(tier) = config.tier_written(tier) else {
        return Err(fail(format!(
            "unknown tier `{tier}`; use one of: {} (tiers are defined in {CONFIG_FILE})",
            config.tier_ids()
        )));
    };
    let lang = args.lang.as_deref().unwrap_or(&config.default_language);
    let Some(lang) = config.language_written(lang) else {
        return Err(fail(format!(
            "language `{lang}` is not one of the site's languages; use one of: {} (or add it to `languages` in {CONFIG_FILE})",
            config.language_codes()
        )));
    };
    // As front matter reads them: in any case.
    Ok((&tier.id, &lang.code))
}

/// Where the new file goes.
struct Place {
    /// Under the content folder, with `/`.
    rel: String,
    /// Relative to the site folder.
    path: PathBuf,
    /// As the user named the site folder.
    shown: PathBuf,
    /// On disk.
    target: PathBuf,
}

impl Place {
    /// The file of `slug` in `lang`, in the category the arguments name:
    /// in the language's folder when the content folder has one
    /// (`en/red/wifi.md`) or one stands in it (Docusaurus's
    /// `i18n/en/docusaurus-plugin-content-docs/current/`), else beside the
    /// originals, named with the
    /// language unless it is the default (`red/wifi.en.md`).
    fn of(args: &NewArgs, config: &Config, lang: &str, slug: &str) -> Place {
        let root = &args.root;
        let category = args
            .category
            .as_deref()
            .map_or(String::new(), |c| format!("{c}/"));
        let mounted = config.mounted.iter().any(|m| m.pages() && m.at == lang);
        let folder = mounted || root.join(&config.content_dir).join(lang).is_dir();
        let (folder, suffix) = match (folder, lang == config.default_language) {
            (true, _) => (format!("{lang}/"), String::new()),
            (false, true) => (String::new(), String::new()),
            (false, false) => (String::new(), format!(".{lang}")),
        };
        let slug = fit_file_name(slug, &format!("{suffix}.md"));
        let rel = format!("{folder}{category}{slug}{suffix}.md");
        let path = config.source_path(&rel);
        let shown = if root == Path::new(".") {
            path.clone()
        } else {
            root.join(&path)
        };
        let target = root.join(&path);
        Place {
            rel,
            path,
            shown,
            target,
        }
    }
}

fn already_exists(shown: &Path) -> ExitCode {
    fail(format!(
        "{} already exists and was left as it is; edit it, or choose another title",
        shown.display()
    ))
}

/// Reads `tier0.yaml` like a build does; its warnings are left to the build.
fn load_config(root: &Path, verbosity: Verbosity) -> Result<Config, ExitCode> {
    match site::load_config(root) {
        Ok((config, _warnings, _)) => Ok(config),
        Err(BuildError::Content { diagnostics, texts }) => {
            print_diagnostics(&texts, &diagnostics, verbosity, Listing::Every);
            terminal::tell(format_args!(
                "error: {CONFIG_FILE} has errors; fix them first, no article was written"
            ));
            Err(ExitCode::from(EXIT_CONTENT))
        }
        Err(e) => Err(fail(e)),
    }
}

/// The article's file: the template of `kind` in `lang` with its values filled in.
fn article_text(
    config: &Config,
    kind: ArticleType,
    lang: &str,
    id: &str,
    title: &str,
    tier: &str,
    today: Date,
) -> Result<String, ExitCode> {
    let template = [lang, crate::article_templates::FALLBACK_TEMPLATE_LANGUAGE]
        .iter()
        .find_map(|l| {
            crate::article_templates::TEMPLATES.get_file(format!("{l}/{}.md", kind.name()))
        })
        .and_then(|file| file.contents_utf8())
        .ok_or_else(|| fail(format!("tier0 has no template for `{}`", kind.name())))?;
    let escalation = config
        .tier(&config.escalation_tier)
        .map(|t| t.name.get(lang, &config.default_language))
        .filter(|name| !name.is_empty())
        .unwrap_or(&config.escalation_tier);
    let date = format!(
        "{:04}-{:02}-{:02}",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    Ok(placeholders::fill(
        template,
        "{{",
        "}}",
        &[
            ("id", &yaml_string(id)),
            ("title", &yaml_string(title)),
            ("tier", &yaml_string(tier)),
            ("date", &date),
            ("escalation", escalation),
        ],
    ))
}

/// `value` as a YAML scalar that reads back as the same string: plain when
/// that is safe, quoted when it would read as something else (`yes`, `12`,
/// `a: b`).
fn yaml_string(value: &str) -> String {
    match serde_yaml::to_string(value) {
        Ok(yaml) if !yaml.trim_end().contains('\n') => yaml.trim_end().to_owned(),
        // A JSON string is also a YAML double-quoted scalar.
        _ => serde_json::Value::from(value).to_string(),
    }
}

/// Parses the new file and links it with the site's articles. Returns its
/// site path, or the problems that it, and not the site, causes.
fn fits(
    config: &Config,
    file: &SourceFile,
    title: &str,
    existing: Parsed,
    sources: &Sources,
) -> Result<String, Vec<Diagnostic>> {
    let parsed = parse::parse(
        config,
        &Sources {
            articles: vec![file.clone()],
            ..Sources::default()
        },
    );
    let article = match <[Article; 1]>::try_from(parsed.articles) {
        Ok([article]) if parsed.diagnostics.is_empty() && article.title == title => article,
        _ => {
            let mut problems = parsed.diagnostics;
            problems.push(Diagnostic::error(
                &file.path,
                0..0,
                "tier0's template made an article that does not read back as written; this is a bug in tier0",
            ));
            return Err(problems);
        }
    };
    // Drafts count: `build --drafts` must not find two articles on one path.
    let link_errors = |articles: Vec<Article>| {
        link::link(
            config.clone(),
            articles,
            existing.sections.clone(),
            sources.assets.clone(),
            Selection {
                drafts: true,
                audience: crate::link::BuildAudience::Agents,
            },
        )
        .err()
        .unwrap_or_default()
    };
    let mut with_new = existing.articles.clone();
    with_new.push(article.clone());
    let after = link_errors(with_new);
    if !after.is_empty() {
        // The site may have problems of its own; only new ones are the new article's fault.
        let mut known = link_errors(existing.articles);
        let before = known.len();
        crate::diagnostics::add_new(&mut known, after);
        let caused = known.split_off(before);
        if !caused.is_empty() {
            return Err(caused);
        }
    }
    // Linked alone, the article gets the path the build gives it.
    match link::link(
        config.clone(),
        vec![article],
        Vec::new(),
        Vec::new(),
        Selection {
            drafts: true,
            audience: crate::link::BuildAudience::Agents,
        },
    ) {
        Ok(model) => Ok(model.articles[0].path.clone()),
        Err(errors) => Err(errors),
    }
}

/// Creates `path` with `text`, failing if it exists (even if it appeared
/// since it was checked).
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// `slug`, cut so that `slug` and `ending` (`.en.md`) fit in one file
/// name: at the last `-` that leaves room, so words stay whole, or
/// mid-word if a single word is too long. The same title always gives the
/// same name; two long titles that start alike may give one name, and the
/// second is then refused as existing.
fn fit_file_name(slug: &str, ending: &str) -> String {
    let room = crate::output_paths::MAX_SEGMENT_BYTES.saturating_sub(ending.len());
    if slug.len() <= room {
        return slug.to_owned();
    }
    // A slug is ASCII: any byte is a character boundary.
    let cut = &slug[..room];
    let cut = match cut.rfind('-') {
        Some(at) if slug.as_bytes()[room] != b'-' && at > 0 => &cut[..at],
        _ => cut,
    };
    cut.trim_end_matches('-').to_owned()
}

/// The id after the highest number of the site's most common id prefix,
/// in any case, keeping its zero padding (`KB-1025` → `KB-1026`);
/// `KB-0001` for a site without numbered ids.
fn next_id<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    #[derive(Default)]
    struct Series {
        ids: usize,
        highest: u64,
        width: usize,
    }
    let distinct: std::collections::BTreeSet<&str> = ids.into_iter().collect();
    let mut series: std::collections::BTreeMap<&str, Series> = Default::default();
    for id in distinct {
        let prefix = id.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = &id[prefix.len()..];
        let Ok(number) = digits.parse::<u64>() else {
            continue;
        };
        if prefix.is_empty() {
            continue;
        }
        let s = series.entry(prefix).or_default();
        s.ids += 1;
        s.highest = s.highest.max(number);
        s.width = s.width.max(digits.len());
    }
    // The most ids wins; among equals, the alphabetically first prefix.
    match series
        .iter()
        .max_by(|a, b| a.1.ids.cmp(&b.1.ids).then_with(|| b.0.cmp(a.0)))
    {
        Some((prefix, _)) => {
            // Ids that differ only in case collide: the number follows
            // every spelling of the prefix (`kb-7` as well as `KB-3`).
            let (highest, width) = series
                .iter()
                .filter(|(p, _)| p.eq_ignore_ascii_case(prefix))
                .fold((0, 0), |(h, w), (_, s)| (h.max(s.highest), w.max(s.width)));
            format!("{prefix}{:0width$}", highest.saturating_add(1))
        }
        None => format!("{DEFAULT_ID_PREFIX}{:0DEFAULT_ID_WIDTH$}", 1),
    }
}

#[cfg(test)]
mod tests;

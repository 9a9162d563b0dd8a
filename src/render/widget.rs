//! The help widget: `widget.js`, `widget.mjs` and the article previews.
//!
//! In: the site model, the theme's widget sources and interface text, and
//! each article's preview record ([`preview_record`], made while its page
//! is rendered). Out, through the [`Sink`]:
//!
//! - `widget.js`, a classic script for any page (`<script src async>`), and
//!   `widget.mjs`, the same as an ES module: the browser search engine
//!   (`search_index::engine_inline_js`, the very source the site's search
//!   box runs), the theme's `widget/widget.css` and `widget/widget.js`, and
//!   what they need of the site (languages, interface text, tiers, the
//!   escalation tier's contact channels, where the previews are, the
//!   insights collector if there is one), in one
//!   scope: the only global name either file takes is `Tier0Help`;
//! - `widget/<build>/<n>.js`, the previews, grouped [`PREVIEWS_PER_FILE`]
//!   to a file by a hash of the article's URL, in the search index's
//!   script-wrapped form, so another origin loads them with `<script src>`
//!   and no CORS header (format: docs/widget.md).
//!
//! Guarantees: the same site gives the same bytes; `<build>` changes with
//! any preview, so a cached old file is never mixed with a new one.

use std::io;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{Value, json};

use super::Sink;
use super::markdown::RenderedBody;
use super::pages::{ContactVars, LanguagePages, search_page_path};
use super::preview;
use super::theme::Theme;
use crate::link::{self, BuildAudience, SiteModel};
use crate::output_paths::{WIDGET_DIR, WIDGET_JS, WIDGET_MODULE};
use crate::parse::Audience;

/// Articles per preview file, on average: a preview costs its file's
/// bytes, and the site one file per this many articles (hosts that cap the
/// number of files are the limit on the other side).
const PREVIEWS_PER_FILE: usize = 8;

/// Version of the preview files' format (docs/widget.md).
const PREVIEW_FORMAT: u32 = 1;

/// Interface text the widget shows, by key of the theme's `i18n.yaml`.
const TEXT_KEYS: &[&str] = &[
    "widget_button",
    "widget_title",
    "widget_close",
    "widget_back",
    "widget_open_site",
    "widget_suggested",
    "widget_loading",
    "widget_preview_error",
    "widget_results",
    "search_label",
    "search_placeholder",
    "search_no_results",
    "search_error",
    "search_count",
    "search_count_one",
    "search_showing_for",
    "search_contact",
    "still_stuck",
    "still_stuck_text",
    "contact_form",
    "email",
    "phone",
    "hours",
    "tried_steps",
    "tried_steps_hint",
    "mark_tried",
    "internal_article",
];

/// The preview of article `index`, whose body `body` has just been
/// rendered (and not yet handed to its page): what the widget shows of it,
/// as JSON.
pub fn preview_record(pages: &LanguagePages<'_>, index: usize, body: &RenderedBody) -> Vec<u8> {
    let model = pages.model;
    let linked = &model.articles[index];
    let a = &linked.article;
    let page_url = model.urls.absolute(&linked.path).unwrap_or_default();
    let vars = ContactVars::for_article(a, &page_url);
    let tier = pages.tier_by_id("", &a.tier, vars);
    let escalate = pages.tier_by_id("", &a.escalate_to, vars);
    let mut record = json!({
        "id": a.id,
        "title": a.title,
        "description": a.description,
        "tier": a.tier,
        "tier_name": tier.name,
        "href": model.urls.href("", &linked.path),
        "escalate": contact(&escalate),
        "body": preview::tree(&body.html, &body.sections),
    });
    if a.audience == Audience::Internal {
        record["internal"] = Value::Bool(true);
    }
    serde_json::to_vec(&record).unwrap_or_default()
}

/// A tier's name, page and contact channels, as the widget's "Still stuck?"
/// shows them; `form` keeps `{tried}` (and `{url}` when the site's address
/// is not known) for the widget to fill, as the article page does.
fn contact(tier: &super::context::TierContext) -> Value {
    let c = &tier.contact;
    json!({
        "name": tier.name,
        "href": tier.href,
        "form": c.href_tried,
        "plain": c.href,
        "email": c.email,
        "mailto": c.mailto,
        "phone": c.phone,
        "tel": c.tel,
        "hours": c.hours,
    })
}

/// The preview file of the article at site path `url`, among `files`:
/// FNV-1a over the UTF-16 code units of the path, which the widget
/// computes the same way from a search result's `url`.
fn preview_file(url: &str, files: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for unit in url.encode_utf16() {
        hash ^= u32::from(unit);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % files.max(1)
}

/// Whether `path` (a site path) is one of the files [`write`] writes.
pub fn is_widget_file(path: &str) -> bool {
    path == WIDGET_JS || path == WIDGET_MODULE || path.starts_with(&format!("{WIDGET_DIR}/"))
}

/// The [`preview_record`]s of the model's articles, as [`write`] reads them.
pub trait Previews: Sync {
    /// Appends the preview of article `index` of the model to `out`.
    fn append(&self, index: usize, out: &mut Vec<u8>) -> io::Result<()>;
}

/// Previews held in memory, in model order.
impl<P: AsRef<[u8]> + Sync> Previews for [P] {
    fn append(&self, index: usize, out: &mut Vec<u8>) -> io::Result<()> {
        out.extend_from_slice(self[index].as_ref());
        Ok(())
    }
}

/// Writes `widget.js`, `widget.mjs` and the preview files of `previews`.
pub fn write(
    model: &SiteModel,
    theme: &Theme,
    previews: &(impl Previews + ?Sized),
    sink: &dyn Sink,
) -> io::Result<()> {
    let groups = groups(model);
    let digests = groups
        .par_iter()
        .map_init(Vec::new, |json, group| digest(model, group, previews, json))
        .collect::<io::Result<Vec<Digest>>>()?;
    write_files(model, theme, previews, &groups, &digests, sink)
}

/// The digest of each preview file as the dev server last wrote it, so
/// that a rebuild digests again only the files whose articles changed
/// (every file is written again: its name and bytes carry the folder).
#[derive(Default)]
pub struct PreviewDigests {
    files: Vec<Digested>,
}

/// A preview file's articles, their previews and the digest of its JSON.
struct Digested {
    /// The URL and preview of each article of the file, in its order. The
    /// previews are the very `Arc`s written, held here: the same pointer
    /// is the same bytes.
    articles: Vec<(String, Arc<[u8]>)>,
    digest: Digest,
}

impl Digested {
    /// Whether the file of `group` would have this one's JSON.
    fn holds(&self, model: &SiteModel, group: &[usize], previews: &[Arc<[u8]>]) -> bool {
        self.articles.len() == group.len()
            && self.articles.iter().zip(group).all(|((url, record), &a)| {
                *url == model.articles[a].path && Arc::ptr_eq(record, &previews[a])
            })
    }
}

impl PreviewDigests {
    /// [`write`], reusing the digests of the files whose articles and
    /// previews are those of the last call.
    pub fn write(
        &mut self,
        model: &SiteModel,
        theme: &Theme,
        previews: &[Arc<[u8]>],
        sink: &dyn Sink,
    ) -> io::Result<()> {
        let groups = groups(model);
        let earlier = (self.files.len() == groups.len()).then_some(&self.files);
        let digests = groups
            .par_iter()
            .enumerate()
            .map_init(Vec::new, |json, (i, group)| {
                match earlier.map(|files| &files[i]) {
                    Some(file) if file.holds(model, group, previews) => Ok(file.digest),
                    _ => digest(model, group, previews, json),
                }
            })
            .collect::<io::Result<Vec<Digest>>>()?;
        write_files(model, theme, previews, &groups, &digests, sink)?;
        self.files = groups
            .iter()
            .zip(digests)
            .map(|(group, digest)| Digested {
                articles: group
                    .iter()
                    .map(|&a| (model.articles[a].path.clone(), previews[a].clone()))
                    .collect(),
                digest,
            })
            .collect();
        Ok(())
    }
}

/// A preview file's JSON length and BLAKE3 digest.
type Digest = (usize, blake3::Hash);

/// The listed articles of each preview file, by index in the model, in the order
/// of their URLs.
fn groups(model: &SiteModel) -> Vec<Vec<usize>> {
    let count = model.listed().count().div_ceil(PREVIEWS_PER_FILE).max(1);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, linked) in model.listed() {
        groups[preview_file(&linked.path, count)].push(i);
    }
    for group in &mut groups {
        group.sort_by(|&a, &b| model.articles[a].path.cmp(&model.articles[b].path));
    }
    groups
}

/// The digest of the JSON of the preview file of `group`, made in `json`.
fn digest(
    model: &SiteModel,
    group: &[usize],
    previews: &(impl Previews + ?Sized),
    json: &mut Vec<u8>,
) -> io::Result<Digest> {
    json.clear();
    preview_file_json(model, group, previews, json)?;
    Ok((json.len(), blake3::hash(json)))
}

/// Writes the preview files of `groups`, whose JSON has `digests`, into
/// the folder named after all of them, then the scripts that load them.
fn write_files(
    model: &SiteModel,
    theme: &Theme,
    previews: &(impl Previews + ?Sized),
    groups: &[Vec<usize>],
    digests: &[Digest],
    sink: &dyn Sink,
) -> io::Result<()> {
    // The files' names carry a digest of all of them, so the bytes of each
    // are made twice, once for the digest and once to be written, rather
    // than all held at once beside the previews (tens of MB at 10,000
    // articles).
    let mut hasher = blake3::Hasher::new();
    hasher.update(&PREVIEW_FORMAT.to_le_bytes());
    for (len, digest) in digests {
        hasher.update(&(*len as u64).to_le_bytes());
        hasher.update(digest.as_bytes());
    }
    let build = hasher.finalize().to_hex()[..16].to_owned();
    groups.par_iter().enumerate().try_for_each(|(i, group)| {
        let path = format!("{WIDGET_DIR}/{build}/{i}.js");
        let (len, _) = digests[i];
        let mut file = Vec::with_capacity(len + path.len() + 64);
        let mut read = Ok(());
        search_index::format::wrap_into(&mut file, &path, |out| {
            read = preview_file_json(model, group, previews, out);
        });
        read?;
        sink.put(&path, &file)
    })?;
    let site = site_data(model, theme, &build, groups.len());
    sink.put(WIDGET_JS, bundle(theme, &site, false).as_bytes())?;
    sink.put(WIDGET_MODULE, bundle(theme, &site, true).as_bytes())
}

/// Appends the JSON of the preview file of `group`, `{"articles": {url:
/// record, …}}` in its order, to `json`: straight into the buffer it ends
/// in.
fn preview_file_json(
    model: &SiteModel,
    group: &[usize],
    previews: &(impl Previews + ?Sized),
    json: &mut Vec<u8>,
) -> io::Result<()> {
    json.extend_from_slice(b"{\"articles\":{");
    for (i, &a) in group.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(
            Value::from(model.articles[a].path.as_str())
                .to_string()
                .as_bytes(),
        );
        json.push(b':');
        previews.append(a, json)?;
    }
    json.extend_from_slice(b"}}");
    Ok(())
}

/// What the widget knows of the site: its languages with their interface
/// text, tiers and escalation contact, and where the previews are.
fn site_data(model: &SiteModel, theme: &Theme, build: &str, files: usize) -> Value {
    let c = &model.config;
    let languages: serde_json::Map<String, Value> = c
        .languages
        .iter()
        .map(|l| {
            let pages = LanguagePages::new(model, theme, &l.code);
            let blank = ContactVars {
                lang: &l.code,
                ..ContactVars::default()
            };
            let text: serde_json::Map<String, Value> = TEXT_KEYS
                .iter()
                .map(|&k| (k.to_owned(), Value::from(pages.text.get(k))))
                .collect();
            let tiers: serde_json::Map<String, Value> = c
                .tiers
                .iter()
                .map(|t| (t.id.clone(), Value::from(pages.tier("", t, blank).name)))
                .collect();
            let value = json!({
                "title": c.title.get(&l.code, &c.default_language),
                "home": model.urls.href("", &link::language_prefix(c, &l.code)),
                "results": model.urls.href("", &search_page_path(c, &l.code)),
                "text": text,
                "tiers": tiers,
                "escalate": contact(&pages.tier_by_id("", &c.escalation_tier, blank)),
            });
            (l.code.clone(), value)
        })
        .collect();
    // The collector, when the site has one: the widget sends it what the
    // site's pages send (docs/insights.md), from the product's origin.
    let insights = c.insights.endpoint.as_ref().map(|endpoint| {
        json!({
            "endpoint": endpoint,
            "edition": if model.audience == BuildAudience::Agents { "agents" } else { "public" },
            "sample": c.insights.view_sample,
        })
    });
    json!({
        "lang": c.default_language,
        "color": c.theme_color,
        "languages": languages,
        "previews": {"format": PREVIEW_FORMAT, "build": build, "files": files},
        "insights": insights,
    })
}

/// The widget as one script: the engine, the site's data, the styles and
/// the widget's code in one scope. The classic script finds its address in
/// `document.currentScript`; the module in `import.meta.url` and exports
/// the API instead of setting the global.
fn bundle(theme: &Theme, site: &Value, module: bool) -> String {
    let source = |name: &str| theme.widget.get(name).map_or("", String::as_str);
    let style = Value::from(source("widget.css")).to_string();
    let body = format!(
        "{engine}\nconst SITE = {site};\nconst STYLE = {style};\nconst SCRIPT = {script};\n{widget}\n",
        engine = search_index::engine_inline_js(),
        script = if module {
            "{ url: import.meta.url, element: null }"
        } else {
            "{ url: document.currentScript ? document.currentScript.src : \"\", element: document.currentScript }"
        },
        widget = source("widget.js"),
    );
    let banner = "// tier0 help widget: see docs/widget.md of tier0. Generated by `tier0 build`.\n";
    if module {
        format!("{banner}{body}export {{ Tier0Help }};\nexport default Tier0Help;\n")
    } else {
        format!("{banner}(function () {{\n\"use strict\";\n{body}}})();\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_files_follow_the_url_hash_the_widget_computes() {
        // The same values as the widget's previewFile() (tested in Chromium).
        assert_eq!(preview_file("", 7), 0x811c_9dc5 % 7);
        assert_eq!(preview_file("a", 1000), 0xe40c_292c % 1000);
        assert_eq!(preview_file("red/wifi/", 1), 0);
        assert!(preview_file("ñ/€/𝄞/", 13) < 13);
    }
}

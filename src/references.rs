//! Which content files an edition publishes.
//!
//! Images and attachments beside the articles are copied to the site. One
//! that only withheld material shows (internal articles and `> [!INTERNAL]`
//! blocks in the public edition, drafts in a build without them) is left
//! out, so an internal screenshot never reaches the public site, and the
//! dev server has nothing of it to serve. A file that published material
//! also shows is published; so is one that nothing refers to, as before,
//! but in a folder of assets (Hugo's `assets/`, Astro's `src/assets/`),
//! whose generator publishes only the files pages use: there a file is
//! published only when published material shows it.
//!
//! References are read from the Markdown events (links, images, reference
//! definitions) of the body as it is rendered (other dialects' blocks
//! rewritten), and from the HTML written in it: the attributes that load or
//! link a file ([`FILE_ATTRIBUTES`]) and CSS `url()`. A file that only
//! files left out of the build refer to is withheld too. Bodies are parsed
//! only when some withheld material exists, and published ones only when
//! they may name a file it shows.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use crate::discover::Asset;
use crate::parse::MarkdownFile;
use crate::syntax::{internal_marker, may_have_internal_blocks, options};

/// A Markdown file whose references decide which content files an edition
/// publishes: an article, a landing page, or a file left out of the build.
#[derive(Debug, Clone, Copy)]
pub struct Referrer<'a> {
    /// Its content-relative path: its links start from its folder.
    pub rel: &'a str,
    /// Its Markdown body (a file left out before its front matter could be
    /// read gives its whole text: what that names is withheld too).
    pub body: &'a str,
    /// What of it the edition shows.
    pub shows: Shows,
}

impl<'a> Referrer<'a> {
    /// An article's or landing page's body, of which the edition shows `shows`.
    pub fn of(file: MarkdownFile<'a>, shows: Shows) -> Self {
        Self {
            rel: file.rel,
            body: file.read_body(),
            shows,
        }
    }
}

/// What an edition shows of a [`Referrer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shows {
    /// Nothing: withheld (internal, a draft, left out for its errors).
    Nothing,
    /// All but its `> [!INTERNAL]` blocks.
    Outside,
    /// All of it.
    All,
}

/// Which parts of a body a scan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Everything.
    All,
    /// Only inside internal blocks.
    Internal,
    /// Only outside internal blocks.
    Outside,
}

/// A function that turns a reference written in a file of a folder
/// (content-relative) into the content-relative path it names, if it is
/// a local file.
pub type Resolve<'a> = dyn Fn(&str, &str) -> Option<String> + Sync + 'a;

/// `assets` less the ones only withheld material shows: what some
/// `referrers` show nothing of, or show only inside internal blocks they
/// leave out, refers to them, and nothing they show does; and less those
/// that are `published_if_shown` (a folder of assets) and that nothing
/// the referrers show refers to.
pub fn published(
    assets: Vec<Asset>,
    referrers: &[Referrer<'_>],
    path: &Resolve<'_>,
    published_if_shown: &(dyn Fn(&str) -> bool + Sync),
) -> Vec<Asset> {
    let is_asset = |rel: &String| assets.binary_search_by(|a| a.rel.as_str().cmp(rel)).is_ok();
    let mut withheld: BTreeSet<String> = referrers
        .par_iter()
        .filter_map(|referrer| {
            let part = match referrer.shows {
                Shows::Nothing => Part::All,
                Shows::Outside if may_have_internal_blocks(referrer.body) => Part::Internal,
                Shows::Outside | Shows::All => return None,
            };
            Some(references(referrer, part, path))
        })
        .flatten_iter()
        .filter(is_asset)
        .collect();
    withheld.extend(
        (assets.iter())
            .filter(|a| published_if_shown(&a.rel))
            .map(|a| a.rel.clone()),
    );
    if withheld.is_empty() {
        return assets;
    }
    let shared: BTreeSet<String> = referrers
        .par_iter()
        .filter(|referrer| referrer.shows != Shows::Nothing && may_name(referrer.body, &withheld))
        .flat_map_iter(|referrer| {
            let part = match referrer.shows {
                Shows::Outside => Part::Outside,
                _ => Part::All,
            };
            references(referrer, part, path)
        })
        .filter(|rel| withheld.contains(rel))
        .collect();
    assets
        .into_iter()
        .filter(|a| !withheld.contains(&a.rel) || shared.contains(&a.rel))
        .collect()
}

/// Withheld files past this many are not looked for in each body, which
/// costs a pass over the body per file (ten thousand internal screenshots
/// would cost ten thousand passes over every article): the body is
/// parsed instead, one pass however many files there are.
const NAMES_LOOKED_FOR: usize = 16;

/// Whether `body` may refer to one of `files`: it holds a file's name, or
/// a percent-encoded name might, or there are too many names to look for.
fn may_name(body: &str, files: &BTreeSet<String>) -> bool {
    files.len() > NAMES_LOOKED_FOR
        || body.contains('%')
        || files
            .iter()
            .any(|f| body.contains(f.rsplit('/').next().unwrap_or(f)))
}

/// The content-relative paths of the files `referrer` refers to in `part`.
fn references(referrer: &Referrer<'_>, part: Part, path: &Resolve<'_>) -> Vec<String> {
    placed(referrer.rel, referrer.body, path)
        .into_iter()
        .filter(|&(internal, _)| match part {
            Part::All => true,
            Part::Internal => internal,
            Part::Outside => !internal,
        })
        .map(|(_, rel)| rel)
        .collect()
}

/// Whether `before` and `after`, two bodies of the file `rel`, refer to
/// the same files, inside and outside internal blocks: then, what an
/// edition shows of the file being the same, it publishes the same files
/// with either.
pub fn same_references(rel: &str, before: &str, after: &str, path: &Resolve<'_>) -> bool {
    let set = |body| placed(rel, body, path).into_iter().collect::<BTreeSet<_>>();
    set(before) == set(after)
}

/// The content-relative paths of the files that `body`, of the file
/// `rel`, refers to, each with whether it is inside an internal block;
/// read as the page is rendered: with other dialects' blocks rewritten
/// (an indented admonition body is not code).
fn placed(rel: &str, body: &str, path: &Resolve<'_>) -> Vec<(bool, String)> {
    let prepared = crate::dialects::prepare(body, rel.ends_with(".mdx"));
    let body = prepared.text();
    let dir = crate::landing::split_dir(rel).0;
    let mut found = Vec::new();
    // Block quotes open inside the current internal block, itself included.
    let mut internal_depth = 0usize;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::BlockQuote(_)) if internal_depth > 0 => internal_depth += 1,
            Event::Start(Tag::BlockQuote(None))
                if body.get(range.clone()).and_then(internal_marker).is_some() =>
            {
                internal_depth = 1;
            }
            Event::End(TagEnd::BlockQuote(_)) if internal_depth > 0 => internal_depth -= 1,
            _ => {}
        }
        let mut add = |dest: &str| {
            if let Some(rel) = path(dir, dest) {
                found.push((internal_depth > 0, rel));
            }
        };
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                add(dest_url);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for dest in html_references(html) {
                    add(dest);
                }
            }
            _ => {}
        }
    }
    found
}

/// The attributes that load or link a file: `srcset` lists several, each
/// URL followed by its size (`a.png 1x, b.png 2x`).
pub(crate) const FILE_ATTRIBUTES: [&str; 7] = [
    "srcset",
    "src",
    "href",
    "xlink:href",
    "poster",
    "data",
    "background",
];

/// The files a piece of HTML loads or links: the values of its
/// [`FILE_ATTRIBUTES`], quoted or not, each URL of a `srcset`.
fn html_references(html: &str) -> impl Iterator<Item = &str> {
    html_attributes(html, &FILE_ATTRIBUTES)
        .flat_map(|(name, value)| {
            let urls: Vec<&str> = if name == "srcset" {
                value
                    .split(',')
                    .filter_map(|candidate| candidate.split_ascii_whitespace().next())
                    .collect()
            } else {
                vec![value]
            };
            urls
        })
        .chain(css_urls(html))
}

/// The `url(…)` of CSS in a piece of HTML (a `style` attribute, a
/// `<style>` block), without their quotes and spaces.
fn css_urls(html: &str) -> impl Iterator<Item = &str> {
    let bytes = html.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(paren) = memchr::memchr(b'(', bytes.get(at..)?).map(|p| at + p) {
            at = paren + 1;
            if paren < 3 || !bytes[paren - 3..paren].eq_ignore_ascii_case(b"url") {
                continue;
            }
            let start = paren + 1;
            let end = html[start..].find(')').map_or(html.len(), |e| start + e);
            at = end;
            let url = html[start..end]
                .trim_matches(|c: char| c.is_ascii_whitespace())
                .trim_matches(['"', '\''])
                .trim_matches(|c: char| c.is_ascii_whitespace());
            if !url.is_empty() {
                return Some(url);
            }
        }
        None
    })
}

/// The `name`s of the `a` elements that open in `html` (`<a
/// name="top">`), link targets as old HTML and GitHub-read docs write them:
/// a browser goes to one as to an id.
fn anchor_names(html: &str) -> impl Iterator<Item = &str> {
    let bytes = html.as_bytes();
    html.match_indices('<')
        .filter(move |&(at, _)| {
            bytes
                .get(at + 1)
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'a'))
                && bytes.get(at + 2).is_some_and(u8::is_ascii_whitespace)
        })
        .filter_map(move |(at, _)| {
            let tag = &html[at..];
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            html_attributes(tag, &["name"]).next().map(|(_, name)| name)
        })
}

/// The link targets that `html` writes: its elements' `id`s and its `a`
/// elements' `name`s (`<a id="export"></a>`, `<a name="top">`), as
/// GitHub-read docs mark them.
pub(crate) fn html_targets(html: &str) -> impl Iterator<Item = &str> {
    html_attributes(html, &["id"])
        .map(|(_, id)| id)
        .chain(anchor_names(html))
}

/// Each attribute of a piece of HTML named in `names` (lower case, longer
/// names before their prefixes: `srcset` before `src`), with its value.
pub(crate) fn html_attributes<'h>(
    html: &'h str,
    names: &'static [&'static str],
) -> impl Iterator<Item = (&'static str, &'h str)> {
    located_attributes(html, names).map(|attribute| (attribute.name, attribute.value))
}

/// An attribute of a piece of HTML, and where it stands in it.
pub(crate) struct HtmlAttribute<'h> {
    /// Its name, as the caller spelled it.
    pub name: &'static str,
    /// Its value, unquoted and trimmed.
    pub value: &'h str,
    /// Where its value stands: what to replace to change it.
    pub at: std::ops::Range<usize>,
    /// The whole attribute with the white space before it (` href="x"`):
    /// what to cut to take it out of its element.
    pub whole: std::ops::Range<usize>,
}

/// [`html_attributes`], each with where it stands.
pub(crate) fn located_attributes<'h>(
    html: &'h str,
    names: &'static [&'static str],
) -> impl Iterator<Item = HtmlAttribute<'h>> {
    let bytes = html.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at;
            at += 1;
            // The quoted value of an attribute not asked for is passed
            // over whole: `alt="src=x"` holds text, not an attribute.
            if bytes[start] == b'=' {
                let mut i = at;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                    at = html[i + 1..]
                        .find(quote as char)
                        .map_or(html.len(), |e| i + 2 + e);
                }
                continue;
            }
            // An attribute name starts after white space, the `/` or the
            // closing quote that browsers take as one (`<img/src=…>`,
            // `<a title="x"href=…>`), or at the start: Markdown hands an
            // HTML block over line by line, and a line may start with one.
            if start > 0
                && !(bytes[start - 1].is_ascii_whitespace()
                    || matches!(bytes[start - 1], b'/' | b'"' | b'\''))
            {
                continue;
            }
            let Some(name) = names.iter().find(|n| {
                bytes.len() >= start + n.len()
                    && bytes[start..start + n.len()].eq_ignore_ascii_case(n.as_bytes())
            }) else {
                continue;
            };
            let mut i = start + name.len();
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            if bytes.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let (value_start, value_end, end) = match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = html[i + 1..]
                        .find(quote as char)
                        .map_or(html.len(), |e| i + 1 + e);
                    (i + 1, end, (end + 1).min(html.len()))
                }
                Some(_) => {
                    let end = html[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |e| i + e);
                    (i, end, end)
                }
                None => return None,
            };
            at = value_end;
            // Browsers load `src=" a.png "` as `a.png`.
            let untrimmed = &html[value_start..value_end];
            let ws = |c: char| c.is_ascii_whitespace();
            let lead = untrimmed.len() - untrimmed.trim_start_matches(ws).len();
            let value = untrimmed[lead..].trim_end_matches(ws);
            let value_start = value_start + lead;
            let before = usize::from(start > 0 && bytes[start - 1].is_ascii_whitespace());
            return Some(HtmlAttribute {
                name,
                value,
                at: value_start..value_start + value.len(),
                whole: start - before..end,
            });
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_references_are_the_values_of_file_attributes() {
        let html =
            r#"<img SRC="a.png" alt="src=x"><a href='b.pdf'>x</a><video poster=c.jpg controls>"#;
        assert_eq!(
            html_references(html).collect::<Vec<_>>(),
            vec!["a.png", "b.pdf", "c.jpg"]
        );
        assert_eq!(html_references("<img data-src=\"no.png\">").count(), 0);
        assert_eq!(
            html_references(r#"<a title="see src=x.png" alt='href=y.md'>"#).count(),
            0
        );
        let more = r#"<picture><source srcset="a.webp 1x, b.webp 2x,c.webp"><img src=d.png></picture>
            <object data="e.pdf"></object><svg><image xlink:href="f.svg"/></svg><td background=g.gif>"#;
        assert_eq!(
            html_references(more).collect::<Vec<_>>(),
            vec![
                "a.webp", "b.webp", "c.webp", "d.png", "e.pdf", "f.svg", "g.gif"
            ]
        );
        assert_eq!(html_references("<img src=").count(), 0);
        let loose = "<img src=\" h.png \n\"><img/src=i.png><div style=\"background:URL( 'j.png' )\">\
                     <style>.x { background: url(k.png) }</style>";
        assert_eq!(
            html_references(loose).collect::<Vec<_>>(),
            vec!["h.png", "i.png", "j.png", "k.png"]
        );
        assert_eq!(
            html_references("<img src=\"unclosed.png").collect::<Vec<_>>(),
            vec!["unclosed.png"]
        );
    }

    #[test]
    fn an_attribute_is_located_with_the_space_before_it() {
        let html = "<a class=x href='b.md'>b</a><img/src=c.png>";
        let cut: Vec<&str> = located_attributes(html, &["href", "src"])
            .map(|a| &html[a.whole])
            .collect();
        assert_eq!(cut, vec![" href='b.md'", "src=c.png"]);
        let html = "href=\"a.md\" title=\"x\"src=b.png>";
        let cut: Vec<&str> = located_attributes(html, &["href", "src"])
            .map(|a| &html[a.whole])
            .collect();
        assert_eq!(cut, vec!["href=\"a.md\"", "src=b.png"]);
        let html = "<img src=\" a.png \" data=b.svg>";
        let values: Vec<&str> = located_attributes(html, &["src", "data"])
            .map(|a| &html[a.at])
            .collect();
        assert_eq!(values, vec!["a.png", "b.svg"]);
    }

    #[test]
    fn a_file_name_or_a_percent_sign_may_name_a_file() {
        let files: BTreeSet<String> = ["red/captura interna.png".to_owned()].into();
        assert!(may_name("![x](captura interna.png)", &files));
        assert!(may_name("![x](captura%20interna.png)", &files));
        assert!(!may_name("nothing here", &files));
        // Too many to look for one by one: the body is parsed instead.
        let many: BTreeSet<String> = (0..=NAMES_LOOKED_FOR)
            .map(|i| format!("red/{i}.png"))
            .collect();
        assert!(may_name("nothing here", &many));
    }
}

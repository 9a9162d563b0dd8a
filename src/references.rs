//! Which content files an edition publishes.
//!
//! Images and attachments beside the articles are copied to the site. One
//! that only withheld material shows (internal articles and `> [!INTERNAL]`
//! blocks in the public edition, drafts in a build without them) is left
//! out, so an internal screenshot never reaches the public site, and the
//! dev server has nothing of it to serve. A file that published material
//! also shows is published; so is one that nothing refers to, as before.
//!
//! References are read from the Markdown events (links, images, reference
//! definitions) and from the `src`, `href` and `poster` attributes of HTML
//! written in the body. Bodies are parsed only when some withheld material
//! exists, and published ones only when they may name a file it shows.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use crate::discover::Asset;
use crate::parse::Article;
use crate::syntax::{internal_marker, may_have_internal_blocks, options};

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

/// `assets` less the ones only withheld material shows.
///
/// `published[i]` says whether `articles[i]` is in this edition; `blocks`
/// whether its internal blocks are. `path` turns a reference written in an
/// article into the content-relative path it names, if it is a local file.
pub fn published(
    assets: Vec<Asset>,
    articles: &[Article],
    published: &[bool],
    blocks: bool,
    path: &(dyn Fn(&Article, &str) -> Option<String> + Sync),
) -> Vec<Asset> {
    let is_asset = |rel: &String| assets.binary_search_by(|a| a.rel.as_str().cmp(rel)).is_ok();
    let withheld: BTreeSet<String> = articles
        .par_iter()
        .zip(published)
        .filter_map(|(article, &shown)| {
            let part = match (shown, blocks) {
                (false, _) => Part::All,
                (true, false) if may_have_internal_blocks(article.body()) => Part::Internal,
                (true, _) => return None,
            };
            Some(references(article, part, path))
        })
        .flatten_iter()
        .filter(is_asset)
        .collect();
    if withheld.is_empty() {
        return assets;
    }
    let shared: BTreeSet<String> = articles
        .par_iter()
        .zip(published)
        .filter(|&(article, &shown)| shown && may_name(article.body(), &withheld))
        .flat_map_iter(|(article, _)| {
            let part = if blocks { Part::All } else { Part::Outside };
            references(article, part, path)
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

/// The content-relative paths of the files `article` refers to in `part`.
fn references(
    article: &Article,
    part: Part,
    path: &(dyn Fn(&Article, &str) -> Option<String> + Sync),
) -> Vec<String> {
    let body = article.body();
    let mut found = Vec::new();
    let mut add = |dest: &str| {
        if let Some(rel) = path(article, dest) {
            found.push(rel);
        }
    };
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
        let wanted = match part {
            Part::All => true,
            Part::Internal => internal_depth > 0,
            Part::Outside => internal_depth == 0,
        };
        if !wanted {
            continue;
        }
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

/// The values of the attributes that load or link a file (`src`, `href`,
/// `poster`) in a piece of HTML, quoted or not.
fn html_references(html: &str) -> impl Iterator<Item = &str> {
    const NAMES: [&str; 3] = ["src", "href", "poster"];
    let bytes = html.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at;
            at += 1;
            let Some(name) = NAMES.iter().find(|n| {
                bytes.len() >= start + n.len()
                    && bytes[start..start + n.len()].eq_ignore_ascii_case(n.as_bytes())
            }) else {
                continue;
            };
            // An attribute name starts after white space and ends at `=`.
            if start == 0 || !bytes[start - 1].is_ascii_whitespace() {
                continue;
            }
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
            let (value_start, value_end) = match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = html[i + 1..]
                        .find(quote as char)
                        .map_or(html.len(), |e| i + 1 + e);
                    (i + 1, end)
                }
                Some(_) => {
                    let end = html[i..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |e| i + e);
                    (i, end)
                }
                None => return None,
            };
            at = value_end;
            return Some(&html[value_start..value_end]);
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
        assert_eq!(html_references("<img src=").count(), 0);
        assert_eq!(
            html_references("<img src=\"unclosed.png").collect::<Vec<_>>(),
            vec!["unclosed.png"]
        );
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

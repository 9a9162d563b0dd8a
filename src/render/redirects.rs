//! Redirects without a page each (`redirects: not-found` in tier0.yaml).
//!
//! In: the site model's redirects (short links, aliases, old URLs of
//! articles and sections). Out: a few `kb/redirects-<n>.json` files, each
//! a map from old site path to the site path of the page it leads to, and what the not-found page's script
//! (`static/not-found.js`) needs to find the right one: the site's root
//! path and the number of files `n`. A missing path's file is
//! `⌊hash × n / 2³²⌋`, where `hash` is the 32-bit FNV-1a hash of its UTF-8
//! bytes (its high bits: the low bits of FNV-1a mix poorly), computed
//! alike here and in the script.
//!
//! Why: a redirect page per article is the largest share of a site's files
//! (12,700 of 29,718 at 10,000 articles), and some static hosts cap a site
//! at 20,000 files. Any host that serves `404.html` for a missing path
//! (GitHub Pages, Netlify, Cloudflare Pages, S3 and CloudFront with an
//! error document, `tier0 serve`) then still sends old links on.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::Redirects;
use crate::link::SiteModel;
use crate::output_paths::SHORT_LINKS_DIR;

/// About how many redirects one file holds (50 kB, 10 kB gzip).
const PER_FILE: usize = 1000;

/// What the not-found page's script reads, from its `data-` attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(super) struct Lookup {
    /// The site's root path (`/`, `/help/`): a missing path under it is
    /// looked up without it.
    pub root: String,
    /// The number of `kb/redirects-<n>.json` files.
    pub files: usize,
}

/// How many redirect pages `model` gets: one per short link and alias,
/// none when the not-found page redirects.
pub fn redirect_pages(model: &SiteModel) -> usize {
    match model.config.redirects {
        Redirects::Pages => model.redirects.len(),
        Redirects::NotFound => 0,
    }
}

/// What the not-found page's script needs, when it redirects.
pub(super) fn lookup(model: &SiteModel) -> Option<Lookup> {
    (model.config.redirects == Redirects::NotFound).then(|| Lookup {
        root: model.urls.root_path(),
        files: file_count(model.redirects.len()),
    })
}

/// The redirect files, by output path, when the not-found page redirects.
pub(super) fn files(model: &SiteModel) -> Vec<(String, Vec<u8>)> {
    let Some(lookup) = lookup(model) else {
        return Vec::new();
    };
    let mut maps: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); lookup.files];
    for r in model.redirects.iter() {
        maps[file_of(&r.from, lookup.files)].insert(&r.from, model.redirect_target(r).0);
    }
    maps.iter()
        .enumerate()
        .map(|(i, map)| {
            // A map of strings always serializes.
            let json = serde_json::to_vec(map).unwrap_or_default();
            (file_path(i), json)
        })
        .collect()
}

/// The output path of redirect file `i`.
fn file_path(i: usize) -> String {
    format!("{SHORT_LINKS_DIR}/redirects-{i}.json")
}

fn file_count(redirects: usize) -> usize {
    redirects.div_ceil(PER_FILE).max(1)
}

/// The file that holds site path `from` among `files`.
fn file_of(from: &str, files: usize) -> usize {
    ((u64::from(fnv1a(from)) * files as u64) >> 32) as usize
}

/// The 32-bit FNV-1a hash of `text`'s UTF-8 bytes.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_comes_from_the_high_bits_of_fnv1a_over_utf8() {
        // Reference values of 32-bit FNV-1a.
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
        assert_ne!(fnv1a("kb/señal/"), fnv1a("kb/senal/"));
        assert_eq!(file_of("a", 2), 1);
        assert_eq!(file_of("foobar", 4), 2);
        assert_eq!(file_of("anything", 1), 0);
        // Paths spread over the files.
        let mut counts = [0; 13];
        for i in 0..13_000 {
            counts[file_of(&format!("kb/KB-{i}/"), 13)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (800..1200).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn files_hold_about_a_thousand_redirects() {
        assert_eq!(file_count(0), 1);
        assert_eq!(file_count(1000), 1);
        assert_eq!(file_count(1001), 2);
        assert_eq!(file_count(12_700), 13);
    }
}

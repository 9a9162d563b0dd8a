//! Related articles: what an article page offers next, so that a reader
//! whose problem it did not solve does not meet a dead end.
//!
//! Made at link time from what authors already wrote: shared error codes
//! count most, then shared tags, each weighted by how rare it is (a tag on
//! half the site says little), then the same section and the same top
//! section. Candidates come from the articles that share a code or a tag
//! with it (codes and tags on more than [`COMMON`] articles are left out:
//! they relate everything and cost a quadratic walk) and from its
//! neighbours in its section's list. Only articles in its language are offered,
//! never itself. Ties go to the more recently updated, then by title and
//! id, so the lists do not depend on the order of the sources.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::LinkedArticle;
use super::sections::Section;

/// Related articles offered per article.
pub(super) const RELATED: usize = 5;
/// A code or tag on more articles than this relates nothing.
const COMMON: usize = 200;
/// Neighbours in the section's list taken as candidates on each side.
const NEIGHBOURS: usize = 5;

/// The related articles of each article, best first, in `articles` order.
/// `place` gives each article's section and its place in that section's
/// list of articles.
pub(super) fn related(
    articles: &[Arc<LinkedArticle>],
    sections: &[Section],
    place: &[Option<(usize, usize)>],
) -> Vec<Vec<usize>> {
    // Postings of each code and tag, per language.
    let mut postings: BTreeMap<(&str, u8, &str), Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate().filter(|(_, a)| a.listed()) {
        let a = &a.article;
        let features =
            (a.error_codes.iter().map(|c| (0u8, c))).chain(a.tags.iter().map(|t| (1u8, t)));
        for (kind, value) in features {
            let list = postings.entry((&a.lang, kind, value)).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    let total = articles.len().max(1) as f64;
    let weight = |kind: u8, df: usize| {
        let rarity = (1.0 + total / df as f64).ln();
        if kind == 0 { 2.0 * rarity } else { rarity }
    };
    // Each article's section and top section.
    let section_of: Vec<Option<(usize, usize)>> = place
        .iter()
        .map(|p| p.map(|(s, _)| (s, super::sections::top(sections, s))))
        .collect();
    (0..articles.len())
        .into_par_iter()
        .map_init(
            || (vec![0.0f64; articles.len()], Vec::new()),
            |(score, touched), i| {
                let a = &articles[i].article;
                let mut add = |j: usize, w: f64| {
                    if score[j] == 0.0 {
                        touched.push(j);
                    }
                    // Candidates start above zero, so that a neighbour
                    // sharing nothing is still known as touched.
                    score[j] += w + f64::MIN_POSITIVE;
                };
                let features =
                    (a.error_codes.iter().map(|c| (0u8, c))).chain(a.tags.iter().map(|t| (1u8, t)));
                for (kind, value) in features {
                    let Some(list) = postings.get(&(a.lang.as_str(), kind, value.as_str())) else {
                        continue;
                    };
                    if list.len() > COMMON {
                        continue;
                    }
                    let w = weight(kind, list.len());
                    for &j in list {
                        add(j, w);
                    }
                }
                if let Some((s, at)) = place[i] {
                    let list = &sections[s].articles;
                    let from = at.saturating_sub(NEIGHBOURS);
                    for &j in list.iter().skip(from).take(2 * NEIGHBOURS + 1) {
                        add(j, 0.0);
                    }
                }
                let own = section_of[i];
                let translations = &articles[i].translations;
                let mut ranked: Vec<(usize, f64)> = touched
                    .drain(..)
                    .filter_map(|j| {
                        let base = std::mem::take(&mut score[j]);
                        if j == i || translations.contains(&j) {
                            return None;
                        }
                        let bonus = match (own, section_of[j]) {
                            (Some((s, _)), Some((t, _))) if s == t => 1.0,
                            (Some((_, top)), Some((_, other))) if top == other => 0.5,
                            _ => 0.0,
                        };
                        Some((j, base + bonus))
                    })
                    .collect();
                // A total order (ids are unique in a language): the best few
                // are picked, then sorted, without sorting every candidate.
                let order = |&(x, sx): &(usize, f64), &(y, sy): &(usize, f64)| {
                    let (ax, ay) = (&articles[x].article, &articles[y].article);
                    sy.total_cmp(&sx)
                        .then_with(|| ay.updated.cmp(&ax.updated))
                        .then_with(|| ax.title.cmp(&ay.title))
                        .then_with(|| ax.id.cmp(&ay.id))
                };
                if ranked.len() > RELATED {
                    ranked.select_nth_unstable_by(RELATED - 1, order);
                    ranked.truncate(RELATED);
                }
                ranked.sort_by(order);
                // Not `into_iter().map().collect()`: that reuses `ranked`'s
                // buffer, sized for every candidate, and the site would
                // hold it for the whole build (2.6 kB an article).
                let mut best = Vec::with_capacity(ranked.len());
                best.extend(ranked.iter().map(|&(j, _)| j));
                best
            },
        )
        .collect()
}

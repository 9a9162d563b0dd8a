//! How much of its words' postings a multi-word query must read before its
//! first 10 results are certain, under two early-stopping structures.
//!
//! ```text
//! cargo run --release -p search-index --example early_stop -- <site>/public/search <lang> "<query>"...
//! ```
//!
//! For each query (complete words; their exact terms, weight 1), the exact
//! AND top 10 by the sum of scores is computed from the whole postings,
//! then:
//!
//! - **impact order** (threshold algorithm, each list sorted by score, the
//!   title key left aside, which can only make stopping later): the
//!   smallest depth `d` of 24 × 2^k such that, with the first `d` postings
//!   of every list read, the 10th best article seen in every list scores
//!   at least what any other article could still reach (its known scores
//!   plus the score at depth `d` of each list it was not seen in);
//! - **block maxima** (postings in article order, the best score of each
//!   range of `r` articles known): the share of ranges where every word
//!   has an article and the sum of the maxima reaches the 10th score,
//!   which a query would have to read.
//!
//! Both are the best case of their structure: what a query reads is never
//! less than this.

use std::collections::HashMap;
use std::path::PathBuf;

use search_index::Engine;
use search_index::engine::Kind;
use search_index::format::Posting;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: early_stop <search dir> <lang> <query>...";
    let dir = PathBuf::from(args.next().ok_or(usage)?);
    let lang = args.next().ok_or(usage)?;
    let engine = Engine::open_dir(&dir, Some(&lang))?;
    let docs = engine.manifest().docs as usize;
    println!(
        "| query | postings | AND matches | 10th score | impact order: depth (share read) | block maxima, 16 / 64 / 256 articles |"
    );
    println!("| --- | --- | ---: | ---: | ---: | --- |");
    for query in args {
        let mut lists = Vec::new();
        for word in engine.plan(&format!("{query} "))? {
            if let Some(c) = word.candidates.iter().find(|c| c.kind == Kind::Exact) {
                lists.push(engine.postings(&c.term)?);
            }
        }
        if lists.len() < 2 {
            println!("| `{query}` | fewer than two known words | | | | |");
            continue;
        }
        let Some((matches, tenth)) = and_top(&lists) else {
            println!("| `{query}` | no article has every word | | | | |");
            continue;
        };
        let lens: Vec<String> = lists.iter().map(|l| l.len().to_string()).collect();
        let total: usize = lists.iter().map(Vec::len).sum();
        let depth = impact_depth(&lists, tenth);
        let read: usize = lists.iter().map(|l| l.len().min(depth)).sum();
        let blocks: Vec<String> = [16, 64, 256]
            .iter()
            .map(|&r| {
                let (live, all) = live_ranges(&lists, docs, r, tenth);
                format!("{:.0} %", 100.0 * live as f64 / all.max(1) as f64)
            })
            .collect();
        println!(
            "| `{query}` | {} | {matches} | {tenth:.2} | {depth} ({:.0} %) | {} |",
            lens.join(" / "),
            100.0 * read as f64 / total as f64,
            blocks.join(" / ")
        );
    }
    Ok(())
}

/// Per article, the score of each list that has it.
fn by_article(lists: &[Vec<Posting>], depth: usize) -> HashMap<u32, Vec<Option<f32>>> {
    let mut seen: HashMap<u32, Vec<Option<f32>>> = HashMap::new();
    for (i, list) in lists.iter().enumerate() {
        for p in list.iter().take(depth) {
            seen.entry(p.doc).or_insert_with(|| vec![None; lists.len()])[i] = Some(p.score);
        }
    }
    seen
}

/// The number of articles with every word, and the 10th best sum among
/// them (the last, when fewer).
fn and_top(lists: &[Vec<Posting>]) -> Option<(usize, f32)> {
    let mut sums: Vec<f32> = by_article(lists, usize::MAX)
        .values()
        .filter_map(|scores| scores.iter().copied().sum::<Option<f32>>())
        .collect();
    sums.sort_by(|a, b| b.total_cmp(a));
    let tenth = *sums.get(9).or(sums.last())?;
    Some((sums.len(), tenth))
}

/// The smallest depth (24 × 2^k) at which the threshold algorithm knows
/// the AND top 10 over lists sorted by score.
fn impact_depth(lists: &[Vec<Posting>], tenth: f32) -> usize {
    let sorted: Vec<Vec<Posting>> = lists
        .iter()
        .map(|l| {
            let mut l = l.clone();
            l.sort_by(|a, b| b.score.total_cmp(&a.score));
            l
        })
        .collect();
    let longest = sorted.iter().map(Vec::len).max().unwrap_or(0);
    let mut depth = 24;
    while depth < longest {
        // What an unread posting of each list may still score (None: the
        // list is read whole, so an article it lacks is not an AND match).
        let rest: Vec<Option<f32>> = sorted
            .iter()
            .map(|l| l.get(depth).map(|p| p.score))
            .collect();
        let seen = by_article(&sorted, depth);
        let mut complete: Vec<f32> = Vec::new();
        let mut best_open = rest.iter().copied().sum::<Option<f32>>().unwrap_or(0.0);
        for scores in seen.values() {
            match scores.iter().copied().sum::<Option<f32>>() {
                Some(sum) => complete.push(sum),
                None => {
                    let upper: Option<f32> = scores
                        .iter()
                        .zip(&rest)
                        .map(|(known, more)| known.or(*more))
                        .sum();
                    best_open = best_open.max(upper.unwrap_or(0.0));
                }
            }
        }
        complete.sort_by(|a, b| b.total_cmp(a));
        if complete.len() >= 10 && complete[9] >= tenth && complete[9] > best_open {
            return depth;
        }
        depth *= 2;
    }
    longest
}

/// Of the ranges of `r` articles, how many a block-max query must read
/// (every word has an article there and the maxima reach `tenth`), and
/// how many there are.
fn live_ranges(lists: &[Vec<Posting>], docs: usize, r: usize, tenth: f32) -> (usize, usize) {
    let ranges = docs.div_ceil(r);
    let maxima: Vec<Vec<Option<f32>>> = lists
        .iter()
        .map(|l| {
            let mut m = vec![None; ranges];
            for p in l {
                if let Some(slot) = m.get_mut(p.doc as usize / r) {
                    *slot = Some(slot.map_or(p.score, |s: f32| s.max(p.score)));
                }
            }
            m
        })
        .collect();
    let live = (0..ranges)
        .filter(|&i| {
            maxima
                .iter()
                .map(|m| m[i])
                .sum::<Option<f32>>()
                .is_some_and(|bound| bound >= tenth)
        })
        .count();
    (live, ranges)
}

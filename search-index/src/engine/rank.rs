//! How the articles that answer a plan are ordered (QUERY.md, "Ranking").
//!
//! In: per word, per candidate, the candidate's whole postings. Out: the
//! matching articles, best first, and whether every word matched them.
//! The browser engine computes the same order, reading postings tails only
//! when the heads cannot decide it.

use std::cmp::Ordering;

use crate::format::Posting;

/// How one article answers the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    /// Document number.
    pub doc: u32,
    /// Number of required query words it matches (an optional word does
    /// not count).
    pub matched: u32,
    /// Every required query word is in its title.
    pub title_all: bool,
    /// Sum over words, in query order, of the word's best weighted score (f32).
    pub score: f32,
}

/// `a` before `b`: more words matched, every word in the title, higher
/// score, lower document number.
pub fn order(a: &Ranked, b: &Ranked) -> Ordering {
    b.matched
        .cmp(&a.matched)
        .then(b.title_all.cmp(&a.title_all))
        .then(b.score.total_cmp(&a.score))
        .then(a.doc.cmp(&b.doc))
}

/// Per article: for each word, its best weighted score and whether the
/// word is in its title (`None`: the word does not match it).
struct Acc {
    words: Vec<Option<(f32, bool)>>,
}

/// Ranks every article some candidate of some required word matches.
/// `lists[i]` holds word `i`'s candidates as `(weight, postings)`;
/// `optional[i]` says that an article need not match word `i` (its score
/// still counts); `accept` filters articles. When some article matches
/// every required word, only those are returned (AND); otherwise every
/// article matching any (OR); `all_words` says which.
pub fn rank(
    lists: &[Vec<(f32, &[Posting])>],
    optional: &[bool],
    accept: &dyn Fn(u32) -> bool,
) -> Ranking {
    let nw = lists.len();
    let required = optional.iter().filter(|&&o| !o).count();
    let mut acc: std::collections::HashMap<u32, Acc> = Default::default();
    for (i, candidates) in lists.iter().enumerate() {
        for &(weight, postings) in candidates {
            for p in postings {
                if !accept(p.doc) {
                    continue;
                }
                let a = acc.entry(p.doc).or_insert_with(|| Acc {
                    words: vec![None; nw],
                });
                let s = weight * p.score;
                a.words[i] = Some(match a.words[i] {
                    Some((best, title)) => (best.max(s), title || p.title),
                    None => (s, p.title),
                });
            }
        }
    }
    let mut ranked: Vec<Ranked> = acc
        .into_iter()
        .map(|(doc, a)| {
            let mut score = 0f32;
            let mut matched = 0;
            let mut titled = 0;
            for (word, &opt) in a.words.iter().zip(optional) {
                let Some((s, title)) = word else { continue };
                score += s;
                if !opt {
                    matched += 1;
                    titled += u32::from(*title);
                }
            }
            Ranked {
                doc,
                matched,
                title_all: titled as usize == required,
                score,
            }
        })
        .filter(|r| r.matched > 0)
        .collect();
    let all_words = ranked.iter().any(|r| r.matched as usize == required);
    if all_words {
        ranked.retain(|r| r.matched as usize == required);
    }
    ranked.sort_by(order);
    Ranking { ranked, all_words }
}

/// The articles that answer a query, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The articles, in [`order`].
    pub ranked: Vec<Ranked>,
    /// Some article matches every required word, so only those are listed.
    pub all_words: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(doc: u32, score: f32, title: bool) -> Posting {
        Posting { doc, score, title }
    }

    #[test]
    fn and_first_then_title_then_score() {
        let a = [p(1, 5.0, false), p(2, 1.0, true), p(3, 9.0, false)];
        let b = [p(1, 1.0, false), p(2, 1.0, true)];
        let ranked = rank(
            &[vec![(1.0, &a[..])], vec![(1.0, &b[..])]],
            &[false, false],
            &|_| true,
        )
        .ranked;
        let docs: Vec<u32> = ranked.iter().map(|r| r.doc).collect();
        // 3 matches one word only: AND leaves it out; 2 has both in its title.
        assert_eq!(docs, vec![2, 1]);
    }

    #[test]
    fn a_word_counts_its_best_candidate_once() {
        let exact = [p(1, 2.0, false)];
        let prefix = [p(1, 10.0, true), p(2, 3.0, false)];
        let ranked = rank(
            &[vec![(1.0, &exact[..]), (0.5, &prefix[..])]],
            &[false],
            &|_| true,
        )
        .ranked;
        assert_eq!(ranked[0].doc, 1);
        assert_eq!(ranked[0].score, 5.0);
        assert!(ranked[0].title_all);
        assert_eq!(ranked[1].score, 1.5);
    }

    #[test]
    fn or_when_no_article_has_every_word() {
        let a = [p(1, 1.0, false)];
        let b = [p(2, 2.0, false)];
        let ranked = rank(
            &[vec![(1.0, &a[..])], vec![(1.0, &b[..])]],
            &[false, false],
            &|d| d != 3,
        )
        .ranked;
        assert_eq!(ranked.iter().map(|r| r.doc).collect::<Vec<_>>(), vec![2, 1]);
    }

    #[test]
    fn an_optional_word_only_adds_to_the_score() {
        let a = [p(1, 1.0, true), p(2, 1.0, true)];
        let typed = [p(2, 3.0, false), p(3, 9.0, true)];
        let ranked = rank(
            &[vec![(1.0, &a[..])], vec![(0.5, &typed[..])]],
            &[false, true],
            &|_| true,
        )
        .ranked;
        // 1 lacks the optional word and is still a result; 3 has only it
        // and is not; every required word is in the titles of 1 and 2.
        assert_eq!(
            ranked
                .iter()
                .map(|r| (r.doc, r.matched, r.title_all, r.score))
                .collect::<Vec<_>>(),
            vec![(2, 1, true, 2.5), (1, 1, true, 1.0)]
        );
    }
}

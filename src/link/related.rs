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

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::sections::Section;
use super::{LinkedArticle, SiteModel};
use crate::parse::Article;

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
    let ranker = Ranker::new(articles, sections, place);
    (0..articles.len())
        .into_par_iter()
        .map_init(|| ranker.scratch(), |scratch, i| ranker.rank(i, scratch))
        .collect()
}

/// [`related`], made again only for the articles whose lists a change
/// since `before` (the last build of the same site) can have reached; the
/// others are taken from `before`. `by_source` gives each article's index
/// by its source file.
///
/// An article's list depends on its own codes, tags, language, section
/// and translations; on those of its candidates (the articles that share
/// a code or a tag with it, and its section's), with their titles, ids and
/// dates for ties; and on how many articles share each code or tag, out of
/// how many in all. So every list is made again when the number of
/// articles changed; else only those of the articles that changed in any
/// of these, that share a code or a tag (before or after) with one that
/// did, that are in a section whose list of articles changed or that holds
/// one that changed, or whose list named an article gone.
pub(super) fn related_again(
    before: &SiteModel,
    articles: &[Arc<LinkedArticle>],
    sections: &[Section],
    place: &[Option<(usize, usize)>],
    by_source: &BTreeMap<String, usize>,
) -> Vec<Vec<usize>> {
    if before.articles.len() != articles.len() {
        return related(articles, sections, place);
    }
    let old_of: Vec<Option<usize>> = articles
        .iter()
        .map(|a| before.article_by_source(&a.article.rel))
        .collect();
    // The articles whose own inputs changed, by index in each build.
    let changed: Vec<usize> = (0..articles.len())
        .into_par_iter()
        .filter(|&i| {
            let Some(o) = old_of[i] else {
                return true;
            };
            let (new, old) = (&articles[i], &before.articles[o]);
            let (a, b) = (&new.article, &old.article);
            let old_place = before.article_sections[o];
            a.lang != b.lang
                || a.unlisted != b.unlisted
                || a.error_codes != b.error_codes
                || a.tags != b.tags
                || a.title != b.title
                || a.id != b.id
                || a.updated != b.updated
                || !same_sources(
                    (articles, &new.translations),
                    (&before.articles, &old.translations),
                )
                || section_path(sections, place[i]) != section_path(&before.sections, old_place)
                || top_path(sections, place[i]) != top_path(&before.sections, old_place)
        })
        .collect();
    let gone: Vec<usize> = (0..before.articles.len())
        .filter(|&o| !by_source.contains_key(&before.articles[o].article.rel))
        .collect();
    let old_changed: BTreeSet<usize> = changed
        .iter()
        .filter_map(|&i| old_of[i])
        .chain(gone.iter().copied())
        .collect();
    // What those articles had and have: their codes and tags, their sections.
    let mut shared: BTreeSet<(&str, u8, &str)> = BTreeSet::new();
    let mut touched_sections: BTreeSet<&str> = BTreeSet::new();
    let now = changed
        .iter()
        .map(|&i| (&articles[i], section_path(sections, place[i])));
    let then = old_changed.iter().map(|&o| {
        let section = section_path(&before.sections, before.article_sections[o]);
        (&before.articles[o], section)
    });
    for (a, section) in now.chain(then) {
        let a = &a.article;
        for (kind, value) in features(a) {
            shared.insert((a.lang.as_str(), kind, value));
        }
        touched_sections.extend(section);
    }
    let old_sections: BTreeMap<&str, &Section> = before
        .sections
        .iter()
        .map(|s| (s.path.as_str(), s))
        .collect();
    touched_sections.extend(sections.iter().filter_map(|s| {
        let same = old_sections.get(s.path.as_str()).is_some_and(|old| {
            same_sources((&before.articles, &old.articles), (articles, &s.articles))
        });
        (!same).then_some(s.path.as_str())
    }));
    let ranker = Ranker::new(articles, sections, place);
    (0..articles.len())
        .into_par_iter()
        .map_init(
            || ranker.scratch(),
            |scratch, i| {
                let kept = old_of[i].filter(|&o| {
                    let a = &articles[i].article;
                    !old_changed.contains(&o)
                        && !section_path(sections, place[i])
                            .is_some_and(|s| touched_sections.contains(s))
                        && !features(a)
                            .any(|(kind, value)| shared.contains(&(a.lang.as_str(), kind, value)))
                        && !before.related(o).iter().any(|r| old_changed.contains(r))
                });
                match kept {
                    Some(o) => before
                        .related(o)
                        .iter()
                        .filter_map(|&r| by_source.get(&before.articles[r].article.rel).copied())
                        .collect(),
                    None => ranker.rank(i, scratch),
                }
            },
        )
        .collect()
}

/// The codes (kind 0) and tags (kind 1) of `a`.
fn features(a: &Article) -> impl Iterator<Item = (u8, &str)> {
    (a.error_codes.iter().map(|c| (0u8, c.as_str())))
        .chain(a.tags.iter().map(|t| (1u8, t.as_str())))
}

/// What ranking the related articles of any article of a site reads.
struct Ranker<'a> {
    articles: &'a [Arc<LinkedArticle>],
    sections: &'a [Section],
    place: &'a [Option<(usize, usize)>],
    /// Postings of each code and tag, per language.
    postings: BTreeMap<(&'a str, u8, &'a str), Vec<usize>>,
    /// Each article's section and top section.
    section_of: Vec<Option<(usize, usize)>>,
}

/// A ranking's scores by article, and the articles it scored.
/// The path of the section of `place` (an article's section and its place
/// in it) among `sections`.
fn section_path(sections: &[Section], place: Option<(usize, usize)>) -> Option<&str> {
    place.map(|(s, _)| sections[s].path.as_str())
}

/// The path of the top section above the section of `place`.
fn top_path(sections: &[Section], place: Option<(usize, usize)>) -> Option<&str> {
    place.map(|(s, _)| sections[super::sections::top(sections, s)].path.as_str())
}

/// Whether two lists of articles, each with the articles it indexes into,
/// name the same source files in the same order.
fn same_sources(
    (a, x): (&[Arc<LinkedArticle>], &[usize]),
    (b, y): (&[Arc<LinkedArticle>], &[usize]),
) -> bool {
    x.len() == y.len()
        && x.iter()
            .zip(y)
            .all(|(&i, &j)| a[i].article.rel == b[j].article.rel)
}

type Scratch = (Vec<f64>, Vec<usize>);

impl<'a> Ranker<'a> {
    fn new(
        articles: &'a [Arc<LinkedArticle>],
        sections: &'a [Section],
        place: &'a [Option<(usize, usize)>],
    ) -> Self {
        let mut postings: BTreeMap<(&str, u8, &str), Vec<usize>> = BTreeMap::new();
        for (i, a) in articles.iter().enumerate().filter(|(_, a)| a.listed()) {
            let a = &a.article;
            for (kind, value) in features(a) {
                let list = postings.entry((&a.lang, kind, value)).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let section_of = place
            .iter()
            .map(|p| p.map(|(s, _)| (s, super::sections::top(sections, s))))
            .collect();
        Self {
            articles,
            sections,
            place,
            postings,
            section_of,
        }
    }

    fn scratch(&self) -> Scratch {
        (vec![0.0f64; self.articles.len()], Vec::new())
    }

    /// The related articles of article `i`, best first.
    fn rank(&self, i: usize, (score, touched): &mut Scratch) -> Vec<usize> {
        let articles = self.articles;
        let total = articles.len().max(1) as f64;
        let weight = |kind: u8, df: usize| {
            let rarity = (1.0 + total / df as f64).ln();
            if kind == 0 { 2.0 * rarity } else { rarity }
        };
        let a = &articles[i].article;
        let mut add = |j: usize, w: f64| {
            if score[j] == 0.0 {
                touched.push(j);
            }
            // Candidates start above zero, so that a neighbour
            // sharing nothing is still known as touched.
            score[j] += w + f64::MIN_POSITIVE;
        };
        for (kind, value) in features(a) {
            let Some(list) = self.postings.get(&(a.lang.as_str(), kind, value)) else {
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
        if let Some((s, at)) = self.place[i] {
            let list = &self.sections[s].articles;
            let from = at.saturating_sub(NEIGHBOURS);
            for &j in list.iter().skip(from).take(2 * NEIGHBOURS + 1) {
                add(j, 0.0);
            }
        }
        let own = self.section_of[i];
        let translations = &articles[i].translations;
        let mut ranked: Vec<(usize, f64)> = touched
            .drain(..)
            .filter_map(|j| {
                let base = std::mem::take(&mut score[j]);
                if j == i || translations.contains(&j) {
                    return None;
                }
                let bonus = match (own, self.section_of[j]) {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::testing::linked;

    /// A site whose articles share codes and tags across two sections and
    /// two languages, so that most lists have candidates to choose among.
    fn base() -> Vec<(String, String)> {
        let mut files = Vec::new();
        for (folder, n) in [("red", 14), ("vpn", 6)] {
            for k in 0..n {
                let tags = ["wifi", "cable", "dns"][k % 3];
                let code = if k % 4 == 0 { "[E-1]" } else { "[]" };
                let text = format!(
                    "---\nid: KB-{folder}-{k}\ntitle: {folder} {k:02}\ntags: [{tags}]\nerror_codes: {code}\nupdated: 2026-01-{:02}\n---\nText.\n",
                    1 + k % 9
                );
                files.push((format!("{folder}/a{k:02}.md"), text));
            }
        }
        let en = "---\nid: KB-red-1\ntitle: Red one\ntags: [wifi]\n---\nText.\n";
        files.push(("red/a01.en.md".to_owned(), en.to_owned()));
        files
    }

    fn site(files: &[(String, String)]) -> SiteModel {
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(r, t)| (r.as_str(), t.as_str()))
            .collect();
        linked(&files, &[]).unwrap()
    }

    /// `base` with the text of `rel` edited by `edit`.
    fn edited(rel: &str, edit: impl Fn(&str) -> String) -> Vec<(String, String)> {
        base()
            .into_iter()
            .map(|(r, t)| if r == rel { (r, edit(&t)) } else { (r, t) })
            .collect()
    }

    /// The lists `related_again` makes from `before` for `after`, which must
    /// be those of a clean link.
    fn assert_same_as_clean(before: &SiteModel, after: &SiteModel, case: &str) {
        let again = related_again(
            before,
            &after.articles,
            &after.sections,
            &after.article_sections,
            &after.by_source,
        );
        assert_eq!(&again, &*after.related, "{case}");
    }

    #[test]
    fn lists_made_again_after_a_change_are_those_of_a_clean_link() {
        let before = site(&base());
        let renamed: Vec<(String, String)> = base()
            .into_iter()
            .map(|(r, t)| match r.as_str() {
                "red/a03.md" => ("vpn/a99.md".to_owned(), t),
                _ => (r, t),
            })
            .collect();
        let cases: Vec<(&str, Vec<(String, String)>)> = vec![
            ("nothing", base()),
            (
                "a title that sorts first",
                edited("red/a05.md", |t| t.replace("title: red 05", "title: aaa")),
            ),
            (
                "a title that breaks a tie",
                edited("vpn/a02.md", |t| {
                    t.replace("title: vpn 02", "title: vpn 00a")
                }),
            ),
            (
                "another tag",
                edited("red/a04.md", |t| t.replace("[cable]", "[dns]")),
            ),
            (
                "a code added",
                edited("vpn/a01.md", |t| {
                    t.replace("error_codes: []", "error_codes: [E-1]")
                }),
            ),
            (
                "a newer date",
                edited("red/a07.md", |t| t.replace("2026-01-08", "2026-02-01")),
            ),
            ("an article moved to the other section", renamed),
        ];
        for (case, files) in cases {
            let after = site(&files);
            assert_same_as_clean(&before, &after, case);
            assert_same_as_clean(&after, &before, &format!("{case}, undone"));
        }
    }

    #[test]
    fn only_the_lists_a_change_can_reach_are_made_again() {
        // vpn/a04.md (tag `cable`, code E-1) is retitled. red/a02.md
        // (tag `dns`, no code, the other section) is out of its reach: its
        // list is taken from before, as a marked list shows. red/a00.md
        // has code E-1 too: its list is made again.
        let mut before = site(&base());
        let after = site(&edited("vpn/a04.md", |t| {
            t.replace("title: vpn 04", "title: vpn 4b")
        }));
        let (far, near) = ("red/a02.md", "red/a00.md");
        let marked = before.article_by_source("red/a13.md").unwrap();
        let lists = Arc::make_mut(&mut before.related);
        for rel in [far, near] {
            lists[before.by_source[rel]] = vec![marked];
        }
        let again = related_again(
            &before,
            &after.articles,
            &after.sections,
            &after.article_sections,
            &after.by_source,
        );
        let marked_now = after.article_by_source("red/a13.md").unwrap();
        assert_eq!(again[after.by_source[far]], [marked_now]);
        assert_eq!(
            again[after.by_source[near]],
            after.related[after.by_source[near]]
        );
        assert_ne!(again[after.by_source[near]], [marked_now]);
    }
}

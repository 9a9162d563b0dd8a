//! No quadratic input: what an article repeats (headings, numbered steps,
//! footnotes, aliases) costs in proportion to how often it repeats it.
//!
//! Each case builds a site with 10,000 and with 20,000 of the same thing and
//! compares the two wall times: twice the items may take a little over
//! twice the time, and a quadratic cost takes four times (then more as it
//! grows). No time is a threshold; only ratios, with wide margins, since
//! other tests share the machine. Ids repeated must also cost about what
//! distinct ones do: before, 10,000 equal headings took 50 times as long as
//! 10,000 distinct ones. The output is checked too, so a fast wrong answer
//! fails. And `tier0 serve` keeps serving each change beside an article of
//! 20,000 equal headings.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::support::{Server, Site, stderr};

const ITEMS: usize = 10_000;

/// Twice the items may take at most this many times as long.
const DOUBLING: f64 = 6.0;

/// Repeated ids may take at most this many times as long as distinct ones.
const REPEATED: f64 = 5.0;

/// One scaling case at a time: two measured at once would measure each other.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A site whose one article has `body` and the front matter lines `extra`.
fn site(body: &str, extra: &str) -> Site {
    let site = Site::empty();
    site.write(
        "content/red/largo.md",
        format!("---\nid: KB-1\ntitle: Largo\n{extra}---\n{body}"),
    );
    site
}

/// The shortest of two builds of `site` (the other tests make noise).
fn build_time(site: &Site) -> Duration {
    (0..2)
        .map(|_| {
            let started = Instant::now();
            let output = site.tier0(&["build"]).output().unwrap();
            let took = started.elapsed();
            assert!(output.status.success(), "{}", stderr(&output));
            took
        })
        .min()
        .unwrap()
}

/// Builds `make(ITEMS)` and `make(2 * ITEMS)`; checks each output with
/// `check(site, items)`; asserts that the larger took less than
/// [`DOUBLING`] times as long, and returns the two times.
fn scales_linearly(
    what: &str,
    make: impl Fn(usize) -> Site,
    check: impl Fn(&Site, usize),
) -> (Duration, Duration) {
    let [small, large] = [ITEMS, 2 * ITEMS].map(|n| {
        let site = make(n);
        let took = build_time(&site);
        check(&site, n);
        took
    });
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(
        ratio < DOUBLING,
        "{what}: {} items took {large:?}, {ITEMS} took {small:?}: {ratio:.1} times as long",
        2 * ITEMS
    );
    (small, large)
}

/// The ids of the elements of `page` whose opening tag starts with `tag`,
/// those that start with `prefix` (the article's, not the theme's).
fn ids(page: &str, tag: &str, prefix: &str) -> Vec<String> {
    page.split(tag)
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.strip_prefix(" id=\"")?;
            Some(rest[..rest.find('"')?].to_owned())
        })
        .filter(|id| id.starts_with(prefix))
        .collect()
}

/// Asserts that `found` is `expected`, naming the first difference only
/// (the lists are long).
fn assert_ids(found: &[String], expected: impl Iterator<Item = String>) {
    let expected: Vec<String> = expected.collect();
    let first = found.iter().zip(&expected).position(|(f, e)| f != e);
    assert!(
        first.is_none() && found.len() == expected.len(),
        "{} ids, {} expected; first difference at {first:?}: {:?} for {:?}",
        found.len(),
        expected.len(),
        first.map(|i| &found[i]),
        first.map(|i| &expected[i]),
    );
}

#[test]
fn equal_headings_cost_what_distinct_ones_do() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (_, distinct) = scales_linearly(
        "distinct headings",
        |n| {
            site(
                &(0..n)
                    .map(|i| format!("## Paso {i}\n\n"))
                    .collect::<String>(),
                "",
            )
        },
        |site, n| {
            let page = site.read_public("red/largo/index.html");
            assert_ids(
                &ids(&page, "<h2", "paso"),
                (0..n).map(|i| format!("paso-{i}")),
            );
        },
    );
    let (_, equal) = scales_linearly(
        "equal headings",
        |n| site(&"## Paso\n\n".repeat(n), ""),
        |site, n| {
            let page = site.read_public("red/largo/index.html");
            // The first is `paso`, then `paso-1`, `paso-2`…: the ids links
            // already sent point to.
            let expected =
                std::iter::once("paso".to_owned()).chain((1..n).map(|i| format!("paso-{i}")));
            assert_ids(&ids(&page, "<h2", "paso"), expected);
        },
    );
    let ratio = equal.as_secs_f64() / distinct.as_secs_f64();
    assert!(
        ratio < REPEATED,
        "{} equal headings took {equal:?}, as many distinct ones {distinct:?}",
        2 * ITEMS
    );
}

#[test]
fn numbered_lists_that_repeat_their_step_ids_scale_linearly() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Every list starts again at step 1 under the same heading: each
    // step id is taken already, and gets the heading's id and a suffix.
    scales_linearly(
        "repeated step ids",
        |n| {
            site(
                &format!("## Pasos\n\n{}", "1. Reinicie\n\nY luego:\n\n".repeat(n)),
                "",
            )
        },
        |site, n| {
            let page = site.read_public("red/largo/index.html");
            let steps = ids(&page, "<li", "pas");
            let expected = std::iter::once("paso-1".to_owned())
                .chain(std::iter::once("pasos-paso-1".to_owned()))
                .chain((1..n - 1).map(|i| format!("pasos-paso-1-{i}")));
            assert_ids(&steps, expected);
        },
    );
}

#[test]
fn footnotes_scale_linearly() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    scales_linearly(
        "footnotes",
        |n| {
            let references: String = (0..n).map(|i| format!("Dato[^n{i}].\n\n")).collect();
            let notes: String = (0..n).map(|i| format!("[^n{i}]: Nota {i}.\n")).collect();
            site(&format!("{references}{notes}"), "")
        },
        |site, n| {
            let page = site.read_public("red/largo/index.html");
            assert_eq!(page.matches("class=\"footnote-definition\"").count(), n);
        },
    );
}

#[test]
fn aliases_scale_linearly() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    scales_linearly(
        "aliases",
        |n| {
            let aliases: String = (0..n).map(|i| format!("  - /antiguo/{i}/\n")).collect();
            site("Texto.\n", &format!("aliases:\n{aliases}"))
        },
        |site, n| {
            for i in [0, n / 2, n - 1] {
                let page = site.read_public(&format!("antiguo/{i}/index.html"));
                assert!(page.contains("red/largo/"), "alias {i}: {page}");
            }
        },
    );
}

#[test]
fn serve_keeps_rebuilding_around_an_article_of_equal_headings() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let headings = 2 * ITEMS;
    let site = site(&"## Paso\n\n".repeat(headings), "");
    let short = |text: &str| format!("---\nid: KB-2\ntitle: Corto\n---\n{text}\n");
    site.write("content/red/corto.md", short("Primera versión."));
    let server = Server::start(&site);
    let mut generation = server.settled_after(0)["generation"].as_u64().unwrap();
    // The long article changes, then the short one: each is served in
    // turn, as the server's bound on waiting (a minute) allows; it waited
    // minutes for the long one alone when ids were found by rescanning.
    site.write(
        "content/red/largo.md",
        format!(
            "---\nid: KB-1\ntitle: Largo\n---\n{}",
            "## Paso\n\n".repeat(headings + 1)
        ),
    );
    generation = server.settled_after(generation)["generation"]
        .as_u64()
        .unwrap();
    let (_, long) = server.get("/red/largo/");
    let last = format!("id=\"paso-{headings}\"");
    assert!(String::from_utf8_lossy(&long).contains(&last), "no {last}");
    site.write("content/red/corto.md", short("Segunda versión."));
    server.settled_after(generation);
    let (_, page) = server.get("/red/corto/");
    assert!(String::from_utf8_lossy(&page).contains("Segunda versión."));
}

//! "The fix first": what an article page shows before its steps.
//!
//! A reader who arrives with a problem wants the steps; a troubleshooting
//! article often opens with sections that describe the problem and its
//! cause. In: the rendered body of such an article (its HTML, table of
//! contents and step ids). Out: the same HTML with each level-2 section
//! that ends before the section of the first step folded into a
//! `<details>` whose summary is the section's heading, so the steps start
//! on the first screen and nothing is lost (the browser opens a folded
//! section for find-in-page and for links to anchors inside it).
//! Also: whether the body has its own section about the symptoms, which
//! the page then does not repeat from the front matter.

use std::collections::HashSet;

use super::markdown::TocEntry;
use crate::slug::slugify;

/// The class of a folded section, which the theme styles and its script
/// opens for links to anchors inside.
const FOLDED: &str = "context-section";

/// `html` with the level-2 sections before the one of the step `first_step`
/// folded; unchanged when the steps start in the first section (or there
/// are none).
pub(super) fn fold_context(html: &str, toc: &[TocEntry], first_step: Option<&str>) -> String {
    let Some(step_at) = first_step.and_then(|id| html.find(&format!("<li id=\"{id}\""))) else {
        return html.to_owned();
    };
    // One pass over the page for all the headings: a search of the page
    // per heading made an article of many sections quadratic.
    let mut wanted: HashSet<&str> = toc
        .iter()
        .filter(|h| h.level == 2)
        .map(|h| h.id.as_str())
        .collect();
    const OPEN: &str = "<h2 id=\"";
    let before_steps = &html[..step_at];
    let starts: Vec<usize> = before_steps
        .match_indices(OPEN)
        .filter_map(|(at, _)| {
            let rest = &before_steps[at + OPEN.len()..];
            let id = &rest[..rest.find('"')?];
            // The first heading of each id, as a search for it finds.
            wanted.remove(id).then_some(at)
        })
        .collect();
    // The last heading before the first step opens the fix: it stays.
    let Some(&fix) = starts.last() else {
        return html.to_owned();
    };
    let mut out = String::with_capacity(html.len() + 128);
    out.push_str(&html[..starts[0]]);
    for pair in starts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let section = &html[start..end];
        let Some(close) = section.find("</h2>").map(|at| at + "</h2>".len()) else {
            out.push_str(section);
            continue;
        };
        out.push_str("<details class=\"");
        out.push_str(FOLDED);
        out.push_str("\"><summary>");
        out.push_str(&without_anchor(&section[..close]));
        out.push_str("</summary>");
        out.push_str(&section[close..]);
        out.push_str("</details>\n");
    }
    out.push_str(&html[fix..]);
    out
}

/// A heading without its copy-link anchor: a link inside a summary would
/// be a control inside a control.
fn without_anchor(heading: &str) -> String {
    let Some(start) = heading.find("<a class=\"heading-anchor\"") else {
        return heading.to_owned();
    };
    match heading[start..].find("</a>") {
        Some(end) => format!("{}{}", &heading[..start], &heading[start + end + 4..]),
        None => heading.to_owned(),
    }
}

/// Whether one of `headings` names the symptoms, as the theme's
/// `symptoms` text does (case, accents and punctuation aside).
pub(super) fn has_symptoms_section<'a>(
    headings: impl IntoIterator<Item = &'a str>,
    symptoms: &str,
) -> bool {
    let wanted = slugify(symptoms);
    !wanted.is_empty() && headings.into_iter().any(|h| slugify(h) == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toc(ids: &[&str]) -> Vec<TocEntry> {
        ids.iter()
            .map(|id| TocEntry {
                level: 2,
                id: (*id).to_owned(),
                text: (*id).to_owned(),
            })
            .collect()
    }

    const BODY: &str = "<p>Intro</p>\n<h2 id=\"sintomas\">Síntomas<a class=\"heading-anchor\" href=\"#sintomas\" aria-label=\"x\">#</a></h2>\n<ul><li>a</li></ul>\n<h2 id=\"causa\">Causa<a class=\"heading-anchor\" href=\"#causa\" aria-label=\"x\">#</a></h2>\n<p>b</p>\n<h2 id=\"solucion\">Solución</h2>\n<ol><li id=\"paso-1\" class=\"step\">c</li></ol>\n<h2 id=\"mas\">Más</h2>";

    #[test]
    fn sections_before_the_fix_are_folded_and_the_rest_kept() {
        let folded = fold_context(
            BODY,
            &toc(&["sintomas", "causa", "solucion", "mas"]),
            Some("paso-1"),
        );
        assert_eq!(
            folded,
            "<p>Intro</p>\n<details class=\"context-section\"><summary><h2 id=\"sintomas\">Síntomas</h2></summary>\n<ul><li>a</li></ul>\n</details>\n<details class=\"context-section\"><summary><h2 id=\"causa\">Causa</h2></summary>\n<p>b</p>\n</details>\n<h2 id=\"solucion\">Solución</h2>\n<ol><li id=\"paso-1\" class=\"step\">c</li></ol>\n<h2 id=\"mas\">Más</h2>"
        );
    }

    #[test]
    fn nothing_is_folded_without_steps_or_when_they_come_first() {
        let all = toc(&["sintomas", "causa", "solucion", "mas"]);
        assert_eq!(fold_context(BODY, &all, None), BODY);
        assert_eq!(fold_context(BODY, &all, Some("paso-9")), BODY);
        let first = "<h2 id=\"solucion\">S</h2><ol><li id=\"paso-1\" class=\"step\">c</li></ol><h2 id=\"causa\">C</h2>";
        assert_eq!(
            fold_context(first, &toc(&["solucion", "causa"]), Some("paso-1")),
            first
        );
    }

    #[test]
    fn thousands_of_sections_are_folded_each_once() {
        let ids: Vec<String> = (0..3000).map(|i| format!("s{i}")).collect();
        let mut html: String = ids
            .iter()
            .map(|id| format!("<h2 id=\"{id}\">{id}</h2>\n<p>x</p>\n"))
            .collect();
        html.push_str("<ol><li id=\"paso-1\" class=\"step\">c</li></ol>");
        // The contents in another order than the page: the page's order wins.
        let mut entries: Vec<&str> = ids.iter().map(String::as_str).collect();
        entries.reverse();
        let folded = fold_context(&html, &toc(&entries), Some("paso-1"));
        assert_eq!(folded.matches("<details").count(), 2999);
        assert!(
            folded.contains("</details>\n<h2 id=\"s2999\">"),
            "the fix stays open"
        );
    }

    #[test]
    fn a_symptoms_heading_is_known_in_any_case_and_accent() {
        assert!(has_symptoms_section(["Causa", "SINTOMAS"], "Síntomas"));
        assert!(has_symptoms_section(["Symptoms:"], "Symptoms"));
        assert!(!has_symptoms_section(["Causa"], "Síntomas"));
        assert!(!has_symptoms_section([""], ""));
    }
}

//! Regressions found by the thirteenth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, thirteenth round"), each
//! pinned on a small site of our own that writes the same pattern.
//!
//! Sets: `docs` of PyPI `openai-agents` 0.25.0 (sdist, MIT; MkDocs
//! Material with mkdocs-static-i18n in folders, pymdownx.details,
//! mkdocstrings), `docs` of PyPI `dirty-equals` 0.11 (sdist, MIT; MkDocs
//! Material, mkdocstrings) and `docs` of PyPI `sphinx-thebe` 0.3.1
//! (sdist, MIT; Sphinx + MyST).

use crate::conventions::{assert_has, page};
use crate::held_out::build;
use crate::support::Site;

/// The OpenAI Agents SDK's tracing page (and its three translations)
/// opens its note as `!!!note`, with no space: Python-Markdown's
/// admonitions and PyMdown's details take the space as optional, so
/// MkDocs shows a note; tier0 showed `!!!note` as text and the note's
/// indented body as a code block.
#[test]
fn an_admonition_with_no_space_after_its_marks_is_an_alert() {
    let site = Site::english();
    site.write(
        "content/tracing.md",
        "# Tracing\n\n!!!note\n\n    Traces are kept for **30 days**.\n\n\
         ???+tip \"Turn it off\"\n    Set `TRACE=0` before you start.\n",
    );
    build(&site);
    let (_, body) = page(&site, "tracing");
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Note</p>\n\
             <p>Traces are kept for <strong>30 days</strong>.</p>",
            "<details class=\"alert alert-tip\" open><summary class=\"alert-title\">Turn it off</summary>\n\
             <p>Set <code>TRACE=0</code> before you start.</p>",
        ],
    );
    assert!(!body.contains("!!!") && !body.contains("<pre"), "{body}");
}

/// sphinx-thebe's configuration page shows a cell and its output each in
/// a docutils container, ```` ````{container} thebe ```` around
/// ```` ```{code-block} r ```` and ```` ```{container} output ````, which
/// Sphinx renders as their body in a `<div>`: tier0 showed the body as a
/// code block of MyST source, fences and directive names included.
#[test]
fn a_myst_container_shows_its_body() {
    let site = Site::english();
    site.write("content/conf.py", "project = 'Acme'\n");
    site.write(
        "content/cells.md",
        "# Cells\n\n````{container} live\n```{code-block} r\nprint(\"ready\")\n```\n\n\
         ```{container} output\nThe cell printed **ready**.\n```\n````\n\n\
         :::{compound}\nA paragraph that goes on\n:::\n",
    );
    build(&site);
    let (_, body) = page(&site, "cells");
    assert_has(
        &body,
        &[
            "<pre><code class=\"language-r\">",
            "<p>The cell printed <strong>ready</strong>.</p>",
            "<p>A paragraph that goes on</p>",
        ],
    );
    assert!(!body.contains("```") && !body.contains("{co"), "{body}");
}

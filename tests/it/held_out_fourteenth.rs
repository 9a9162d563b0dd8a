//! Regressions found by the fourteenth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, fourteenth round"), each
//! pinned on a small site of our own that writes the same pattern.
//!
//! Sets: `docs` of PyPI `attrs` 26.1.0 (sdist, MIT; Sphinx + MyST),
//! `docs` of PyPI `inline-snapshot` 0.37.0 (sdist, MIT; MkDocs Material
//! with attr_list, mkdocs-autorefs, mkdocstrings) and `docs` of PyPI
//! `copier` 9.19.1 (sdist, MIT; MkDocs Material).

use crate::conventions::{assert_has, page};
use crate::held_out::build;
use crate::support::Site;

/// inline-snapshot's configuration page marks each setting with an
/// attribute list's id, on the bold name (`**flags:**{#flags}`, attr_list)
/// or on mkdocs-autorefs's empty link (`[](){#flags}`), and its other pages
/// link to them (`configuration.md#flags`): tier0 dropped the lists with
/// their ids, left `<a href="">` for the empty link, and each link was a
/// broken anchor.
#[test]
fn an_attribute_list_id_after_text_is_an_anchor() {
    let site = Site::english();
    site.write(
        "content/settings.md",
        "# Settings\n\n* **retries:**{#retries} how often a call is tried again.\n\
         * **timeout:**[](){#timeout} seconds before a call gives up.\n\n\
         The proxy is read from the environment. {: #proxy }\n",
    );
    site.write(
        "content/calls.md",
        "# Calls\n\nSee [retries](settings.md#retries), [timeout](settings.md#timeout) \
         and [proxy](settings.md#proxy).\n",
    );
    let err = build(&site);
    assert!(!err.contains("broken link"), "{err}");
    let (_, body) = page(&site, "settings");
    assert_has(
        &body,
        &[
            "<strong>retries:</strong><a id=\"retries\"></a> how often",
            "<strong>timeout:</strong><a id=\"timeout\"></a> seconds",
            "environment. <a id=\"proxy\"></a>",
        ],
    );
    assert!(
        !body.contains("href=\"\"") && !body.contains("{#"),
        "{body}"
    );
}

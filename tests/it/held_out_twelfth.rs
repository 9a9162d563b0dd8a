//! Regressions found by the twelfth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, twelfth round"), each pinned
//! on a small site of our own that writes the same pattern.

use crate::conventions::assert_has;
use crate::held_out::build;
use crate::support::Site;

/// Loco's Zola site (`config.toml` with `base_url`, pages in `content/`)
/// names no language, so Zola publishes it in English: tier0 took its
/// title from `config.toml` but, the content folder being its own
/// `content/`, built it as a Spanish site (Spanish labels, Spanish
/// stemming of English text).
#[test]
fn a_zola_project_naming_no_language_is_english() {
    let site = Site::empty();
    site.write(
        "config.toml",
        "base_url = \"https://example.org\"\ntitle = \"Acme Framework\"\ncompile_sass = true\n",
    );
    site.write(
        "content/docs/routing.md",
        "+++\ntitle = \"Routing\"\nweight = 1\n+++\n\nRoutes are matched by their prefixes.\n",
    );
    let err = build(&site);
    assert_has(
        &err,
        &["The site's language is `en`, the default of the generator configured by config.toml"],
    );
    let html = site.read_public("docs/routing/index.html");
    assert_has(
        &html,
        &["<html lang=\"en\"", "<title>Routing · Acme Framework"],
    );
}

/// Zola and Hugo read shortcodes in code blocks too, so their docs write
/// an example escaped: Loco's `{{/* get_env(name="PORT") */}}` is shown
/// by Zola as `{{ get_env(name="PORT") }}`. tier0 showed the comment
/// marks in code blocks (Hugo's `{{</* x */>}}` too) and dropped Zola's
/// escapes from prose with a warning; a Go template comment stays.
#[test]
fn an_escaped_shortcode_is_shown_as_its_generator_shows_it() {
    let site = Site::english();
    site.write(
        "content/config.md",
        "+++\ntitle = \"Config\"\n+++\n\nWrite {{/* env(name=\"PORT\") */}} or \
         {%/* note() */%}text{%/* end */%} in a page.\n\n```yaml\nport: {{/* env(name=\"PORT\") */}}\n\
         figure: \"{{</* figure src=x.png */>}}\"\n```\n\n```go-html-template\n\
         {{/* the page's title */}}\n```\n",
    );
    let err = build(&site);
    assert!(!err.contains("template tag"), "{err}");
    let (_, body) = crate::conventions::page(&site, "config");
    assert_has(
        &body,
        &[
            "Write {{ env(name=\"PORT\") }} or {% note() %}text{% end %} in a page.",
            "port: {{ env(name=\"PORT\") }}",
            "figure: \"{{&lt; figure src=x.png &gt;}}\"",
            "{{/* the page's title */}}",
        ],
    );
    assert_eq!(body.matches("*/").count(), 1, "{body}");
}

/// structlog's MyST pages link prose to API objects,
/// `[timestamping](structlog.processors.TimeStamper)`, which Sphinx
/// resolves against the API pages autodoc writes from reStructuredText:
/// tier0, which publishes neither, kept the target as a relative URL
/// that leads nowhere. The text is shown alone, with a warning that says
/// why; a missing file's name is still a broken link.
#[test]
fn a_link_to_a_python_object_shows_its_text_only() {
    let site = Site::english();
    site.write("content/conf.py", "project = 'Acme'\n");
    site.write(
        "content/why.md",
        "# Why Acme\n\nAdd [timestamps](acme.processors.TimeStamper) to each entry, \
         as the [guide](guide.md) says.\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_has(
        &err,
        &[
            "warning: link to `acme.processors.TimeStamper`, which names no page or label of the site",
            "broken link: there is no published article at `content/guide.md`",
        ],
    );
    let (_, body) = crate::conventions::page(&site, "why");
    assert_has(
        &body,
        &[
            "Add timestamps to each entry",
            "<a href=\"guide.md\">guide</a>",
        ],
    );
    assert!(!body.contains("acme.processors"), "{body}");
}

/// A Starlight project with no static files of its own (no `public/`),
/// built where it stands: the first build wrote tier0's site to
/// `public/`, which the next build took for Astro's folder of static
/// files. Built again in place, it was refused as a source; built with
/// `--out` elsewhere, the previous site, a draft of a `--drafts` preview
/// included, was published again under `site-static/`.
#[test]
fn a_starlight_projects_previous_site_is_not_its_static_files() {
    let site = Site::empty();
    site.write(
        "astro.config.mjs",
        "export default defineConfig({ integrations: [starlight({ title: 'Acme' })] })\n",
    );
    site.write(
        "src/content/docs/install.md",
        "---\ntitle: Install\n---\n\nRun the installer.\n",
    );
    site.write(
        "src/content/docs/plans.md",
        "---\ntitle: Secret plans\ndraft: true\n---\n\nNot yet announced.\n",
    );
    let preview = site.tier0(&["build", "--drafts"]).output().unwrap();
    assert_eq!(preview.status.code(), Some(0), "{preview:?}");
    assert!(
        site.read_public("plans/index.html")
            .contains("Not yet announced.")
    );
    build(&site);
    let out = site.root().join("dist");
    let output = site
        .tier0(&["build", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(out.join("install/index.html").is_file());
    assert!(!out.join("site-static").exists());
    let mut stack = vec![out];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                let text = String::from_utf8_lossy(&bytes);
                assert!(!text.contains("Not yet announced"), "{}", path.display());
            }
        }
    }
}

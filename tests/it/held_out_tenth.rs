//! Regressions found by the tenth round of held-out documentation
//! (BENCHMARKS.md, "Held-out documentation, tenth round"), each pinned on
//! a small site of our own that writes the same pattern.

use crate::conventions::{assert_has, page};
use crate::held_out::build;
use crate::support::{Site, stderr};

/// Mastra's (Nextra) reference pages list every parameter as data of a
/// component, `<PropertiesTable content={[{ name, type, description,
/// isOptional, properties }]} />`, over up to 500 lines, with `//`
/// comments: dropped with a warning, 695 tables of 223 pages showed
/// nothing under "Parameters".
#[test]
fn a_properties_table_written_as_data_lists_its_properties() {
    let site = Site::english();
    let fields = (0..30)
        .map(|i| format!("    {{\n      name: \"field{i}\",\n      type: \"string\",\n      description: \"Field number {i}.\",\n    }},\n"))
        .collect::<String>();
    site.write(
        "content/reference/create-client.mdx",
        format!(
            "---\ntitle: createClient()\n---\n\nimport {{ PropertiesTable }} from \"@/components/properties-table\";\n\n\
             # createClient()\n\n## Parameters\n\n<br />\n\
             <PropertiesTable\n  content={{[\n    {{\n      name: \"apiKey\",\n      type: \"string\",\n      \
             description: \"Your `API` key, an Array<string> of one.\",\n      isOptional: true,\n      defaultValue: \"process.env.KEY\",\n    }},\n    \
             {{\n      name: \"retry\",\n      type: \"RetryConfig\", // {{ attempts: number }}\n      description: \"How to retry.\",\n      properties: [\n        {{\n          \
             type: \"object\",\n          parameters: [\n            {{ name: \"attempts\", type: \"number\", description: \"Tries, at most.\" }},\n          ],\n        }},\n      ],\n    }},\n  ]}}\n/>\n\n\
             ## Options\n\n<PropertiesTable\n  content={{[\n{fields}  ]}}\n/>\n\n## Returns\n\nA client.\n"
        ),
    );
    let err = build(&site);
    assert!(!err.contains("JSX component"), "{err}");
    let (_, body) = page(&site, "reference/create-client");
    assert_has(
        &body,
        &[
            "<li><strong>apiKey</strong> (<code>string</code>, optional, default: <code>process.env.KEY</code>): Your <code>API</code> key, an Array&lt;string&gt; of one.</li>",
            "<li><strong>retry</strong> (<code>RetryConfig</code>): How to retry.\n<ul>\n<li><strong>attempts</strong> (<code>number</code>): Tries, at most.</li>",
            "<li><strong>field29</strong> (<code>string</code>): Field number 29.</li>",
            "<p>A client.</p>",
            "<br />\n<ul>\n<li><strong>apiKey</strong>",
        ],
    );
}

/// MACI's Docusaurus website shows only its released versions
/// (`includeCurrentVersion: false`) and ships no `docs/`: built where it
/// stands, it had "no content folder"; its latest version, the first of
/// `versions.json`, is the one a reader is sent to.
#[test]
fn a_docusaurus_project_of_versioned_docs_only_builds_its_latest_version() {
    let site = Site::empty();
    site.write(
        "docusaurus.config.ts",
        "export default { title: 'Ballots', i18n: { defaultLocale: 'en', locales: ['en'] },\n  \
         presets: [['classic', { docs: { includeCurrentVersion: false } }]] };\n",
    );
    site.write("versions.json", "[\"v3.x\", \"v2.x\"]\n");
    site.write(
        "versioned_docs/version-v3.x/quick-start.md",
        "# Quick start\n\nRun `ballot deploy` (v3).\n",
    );
    site.write(
        "versioned_docs/version-v2.x/quick-start.md",
        "# Quick start\n\nRun `ballot init` (v2).\n",
    );
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(err.contains("the first of versions.json"), "{err}");
    let html = site.read_public("quick-start/index.html");
    assert_has(&html, &["<code>ballot deploy</code> (v3)"]);
    assert!(!html.contains("ballot init"), "{html}");
}

/// Pragmatic drag and drop compares itself with other libraries in a
/// table whose cells are `<CheckIcon />` and `<CrossIcon/>`: dropped as
/// other components are, 58 cells of two pages came out empty.
#[test]
fn a_comparison_tables_check_and_cross_icons_show_their_mark() {
    let site = Site::english();
    site.write(
        "content/comparison.mdx",
        "---\ntitle: Comparison\n---\n\nimport CheckIcon from '../assets/check-icon';\n\n\
         | Feature | Ours | Theirs |\n| --- | --- | --- |\n\
         | Deferred loading | <CheckIcon /> | <CrossIcon/> |\n\
         | Rails | <CrossIcon/> (defer to the platform) | <Icon icon=\"check\" /> |\n",
    );
    let err = build(&site);
    assert!(!err.contains("JSX component"), "{err}");
    let (_, body) = page(&site, "comparison");
    assert_has(
        &body,
        &[
            "<td>Deferred loading</td><td>✓</td><td>✗</td>",
            "<td>✗ (defer to the platform)</td><td>✓</td>",
        ],
    );
}

/// Pragmatic drag and drop (Atlassian's design system) writes its
/// callouts `<SectionMessage appearance="warning" title="…">`: the tags
/// dropped, 39 notes and warnings were plain paragraphs, their titles
/// lost.
#[test]
fn an_atlassian_section_message_is_an_alert() {
    let site = Site::english();
    site.write(
        "content/drop-targets.mdx",
        "# Drop targets\n\n<SectionMessage appearance=\"warning\" title=\"Nested targets\">\n\n\
         Only the innermost target gets the drop.\n\n</SectionMessage>\n\n\
         <SectionMessage>\n\tSee the design guidelines.\n</SectionMessage>\n",
    );
    let err = build(&site);
    assert!(!err.contains("JSX component"), "{err}");
    let (_, body) = page(&site, "drop-targets");
    assert_has(
        &body,
        &[
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Nested targets</p>\n<p>Only the innermost target gets the drop.</p>",
            "<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Note</p>\n<p>See the design guidelines.</p>",
        ],
    );
}

/// Mastra's (Nextra) front matter titles are written for search engines,
/// the page's then its site's (`Reference: Agent.stream() | Agents |
/// Mastra Docs`, 304 pages), above the page's own `# Agent.stream()`:
/// tier0 titled the page with the first and showed the second below it.
#[test]
fn a_title_for_search_engines_gives_way_to_the_pages_own_heading() {
    let site = Site::english();
    site.write(
        "content/reference/stream.mdx",
        "---\ntitle: \"Reference: Agent.stream() | Agents | Acme Docs\"\n\
         description: Streams a reply.\n---\n\n# Agent.stream()\n\nStreams a reply.\n",
    );
    let err = build(&site);
    assert!(!err.contains("error:"), "{err}");
    let (title, body) = page(&site, "reference/stream");
    assert_eq!(title, "Agent.<wbr>stream()");
    assert!(!body.contains("<h1"), "{body}");
    let html = site.read_public("reference/stream/index.html");
    assert!(!html.contains("Acme Docs"), "{html}");
}

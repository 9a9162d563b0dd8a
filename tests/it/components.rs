//! The JSX components other tools wrap Markdown in (tabs, steps, cards,
//! callouts of Docusaurus, Starlight and Nextra) show their content as
//! Markdown, however indented, with each tab's label and each callout as
//! an alert; a link card is its link.

use crate::conventions::{assert_has, page};
use crate::support::{Site, stderr};

/// Builds `site`, which must succeed with no JSX warning; the body of its
/// page `install`.
fn built_install_page(site: &Site) -> String {
    built_page(site, "install")
}

/// The body of the page at `path`, once `site` built without a JSX warning.
fn built_page(site: &Site, path: &str) -> String {
    let output = site.tier0(&["build"]).output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(!err.contains("JSX"), "{err}");
    page(site, path).1
}

#[test]
fn tabs_steps_and_callouts_show_their_markdown() {
    let site = Site::english();
    site.write(
        "content/install.mdx",
        "---\ntitle: Install\n---\n\nimport Tabs from '@theme/Tabs';\n\
         import TabItem from '@theme/TabItem';\n\n\
         <Tabs groupId=\"os\">\n  <TabItem value=\"win\" label=\"Windows\" default>\n\
         \x20   Run the **MSI** installer.\n\n\
         \x20   ```powershell\n\x20   msiexec /i app.msi\n\x20   ```\n  </TabItem>\n\
         \x20 <TabItem value=\"mac\" label=\"macOS\">\n    Open the DMG.\n  </TabItem>\n</Tabs>\n\n\
         <Admonition type=\"warning\" title=\"Close the app\">\n\nQuit it **first**.\n\n</Admonition>\n\n\
         <Steps>\n\n1. Download it.\n2. Run it.\n\n</Steps>\n\n\
         <Aside type=\"tip\">\n  Keep the installer.\n</Aside>\n\n\
         <Callout type=\"error\">\nNever run it twice.\n</Callout>\n\n\
         <CardGrid>\n  <Card title=\"Check the cable\" icon=\"plug\">\n    Plug it in.\n  </Card>\n</CardGrid>\n\n\
         <LinkCard title=\"Read more\" href=\"https://example.com/more\" description=\"Elsewhere.\" />\n",
    );
    let body = built_install_page(&site);
    assert_has(
        &body,
        &[
            "<p><strong>Windows</strong></p>\n<p>Run the <strong>MSI</strong> installer.</p>\n\
             <pre><code class=\"language-powershell\">msiexec /i app.msi\n</code></pre>",
            "<p><strong>macOS</strong></p>\n<p>Open the DMG.</p>",
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Close the app</p>\n\
             <p>Quit it <strong>first</strong>.</p>\n</div>",
            "<li id=\"step-1\" class=\"step\">",
            "<div class=\"alert alert-tip\" role=\"note\"><p class=\"alert-title\">Tip</p>\n\
             <p>Keep the installer.</p>",
            "<div class=\"alert alert-caution\" role=\"note\"><p class=\"alert-title\">Error</p>\n\
             <p>Never run it twice.</p>",
            "<p><strong>Check the cable</strong></p>\n<p>Plug it in.</p>",
            "<p><a href=\"https://example.com/more\">Read more</a>: Elsewhere.</p>",
        ],
    );
}

#[test]
fn nextra_tabs_are_labelled_by_their_items_in_turn() {
    let site = Site::english();
    site.write(
        "content/install.mdx",
        "---\ntitle: Install\n---\n\nimport { Tabs } from 'nextra/components'\n\n\
         <Tabs items={['pnpm', 'npm']}>\n  <Tabs.Tab>\n    Run `pnpm add app`.\n  </Tabs.Tab>\n\
         \x20 <Tabs.Tab>\n    Run `npm install app`.\n  </Tabs.Tab>\n</Tabs>\n\n\
         <Tabs>\n<Tabs.Tab>\nNo label here.\n</Tabs.Tab>\n</Tabs>\n",
    );
    let body = built_install_page(&site);
    assert_has(
        &body,
        &[
            "<p><strong>pnpm</strong></p>\n<p>Run <code>pnpm add app</code>.</p>\n\
             <p><strong>npm</strong></p>\n<p>Run <code>npm install app</code>.</p>\n\
             <p>No label here.</p>",
        ],
    );
}

/// Fumadocs's template (round eight) links its next pages with
/// `<Card title="…" href="…" />` inside `<Cards>`: the links were lost,
/// with a warning for each tag.
#[test]
fn a_card_with_a_target_is_its_link() {
    let site = Site::english();
    site.write(
        "content/install.mdx",
        "---\ntitle: Install\n---\n\n<Cards>\n  <Card title=\"Learn more about Next.js\" href=\"https://nextjs.org/docs\" />\n\
         \x20 <Cards.Card title=\"Guides\" href=\"/guides\" />\n</Cards>\n",
    );
    let body = built_install_page(&site);
    assert_has(
        &body,
        &[
            "<p><a href=\"https://nextjs.org/docs\">Learn more about Next.js</a></p>",
            "<p><a href=\"/guides\">Guides</a></p>",
        ],
    );
}

/// Mintlify's components: callouts named by their kind, on their own lines
/// or on one (`<Note>…</Note>`, its most frequent form), steps, tabs and
/// accordions with their titles, parameters with their name and type, and
/// a snippet imported from its docs folder's `/snippets/`, which is no page
/// of its own. Each lost its title, its alert or its text.
#[test]
fn mintlify_components_show_their_titles_callouts_fields_and_snippets() {
    let site = Site::english();
    site.write(
        "content/docs.json",
        "{\"navigation\": {\"groups\": [{\"group\": \"Start\", \"pages\": [\"install\"]}]}}\n",
    );
    site.write(
        "content/snippets/backup.mdx",
        "Back up the **settings** folder first.\n",
    );
    site.write(
        "content/install.mdx",
        "---\ntitle: Install\nsidebarTitle: Setup\nmode: wide\n---\n\n\
         import Backup from '/snippets/backup.mdx';\n\n\
         <Backup />\n\n\
         <Steps>\n  <Step title=\"Download the installer\">\n    Pick the **MSI**.\n  </Step>\n</Steps>\n\n\
         <Note>Keep the licence key at hand.</Note>\n\n\
         <Warning>\n  Close the app first.\n</Warning>\n\n\
         <AccordionGroup>\n  <Accordion title=\"Error 1603\">\n    Run it as an administrator.\n  \
         </Accordion>\n</AccordionGroup>\n\n\
         <Tabs>\n  <Tab title=\"macOS\">Press Cmd+K.</Tab>\n</Tabs>\n\n\
         <ParamField path=\"licence\" type=\"string\" required>\n  The key from the email.\n</ParamField>\n",
    );
    // The navigation's group of pages of the top folder is their section.
    let body = built_page(&site, "start/install");
    assert_has(
        &body,
        &[
            "<p>Back up the <strong>settings</strong> folder first.</p>",
            "<p><strong>Download the installer</strong></p>\n<p>Pick the <strong>MSI</strong>.</p>",
            "<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Note</p>\n\
             <p>Keep the licence key at hand.</p>",
            "<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Warning</p>\n\
             <p>Close the app first.</p>",
            "<details class=\"alert alert-note\"><summary class=\"alert-title\">Error 1603</summary>\n\
             <p>Run it as an administrator.</p>",
            "<p><strong>macOS</strong></p>\n<p>Press Cmd+K.</p>",
            "<p><strong>licence (string, required)</strong></p>\n<p>The key from the email.</p>",
        ],
    );
    assert!(!site.public().join("snippets").exists());
}

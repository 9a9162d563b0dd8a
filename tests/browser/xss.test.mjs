// Hostile text is inert in Chromium: every page of tests/fixtures/hostile
// (markup that would set window.__xss in the config, in every front-matter
// field and in the body, built with `raw_html: sanitize`), and the search
// box showing those titles and snippets and echoing hostile queries.
// tests/it/xss.rs checks the bytes; this checks what a browser does with them.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";

import { REPO, buildSite, cleanup, launch, openPage, resultsOf, serve, typeQuery } from "./harness.mjs";

let browser;
let server;
let context;
let pages;

/** Every .html file under `dir`, relative, `/`-separated. */
async function htmlFiles(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...await htmlFiles(path.join(dir, entry.name), rel + "/"));
    else if (entry.name.endsWith(".html")) out.push(rel);
  }
  return out.sort();
}

before(async () => {
  const [site] = await Promise.all([
    buildSite(path.join(REPO, "tests/fixtures/hostile")),
    launch().then((b) => { browser = b; }),
  ]);
  pages = await htmlFiles(site);
  server = await serve(site);
  context = await browser.newContext();
  context.setDefaultTimeout(10000);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cleanup();
});

// The theme's one inline script (base.html: the remembered light/dark
// choice, applied before the page is drawn), exactly as written there.
const THEME_SCRIPT = /<script>(try\{[^<]*)<\/script>/.exec(
  readFileSync(path.join(REPO, "themes/default/templates/base.html"), "utf8"))[1];

/** What in the page could run script that tier0 did not write. */
function activeMarkup(page) {
  return page.evaluate((themeScript) => {
    const found = [];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.getAttributeNames()) {
        if (attr.startsWith("on")) found.push(`${el.tagName} ${attr}`);
        if (/^\s*javascript:/i.test(el.getAttribute(attr) || "")) found.push(`${el.tagName} ${attr}=javascript:`);
      }
    }
    for (const el of document.querySelectorAll("iframe, object, embed, style, form:not(.search)")) found.push(el.tagName);
    for (const s of document.querySelectorAll("script")) {
      // tier0's own: theme scripts by src, the redirect pages' one line, the
      // theme's light/dark line (exactly), and
      // schema.org data, which browsers never run: it must be one JSON value
      // with no markup in it (hostile text inside is \u-escaped).
      if (s.type === "application/ld+json") {
        let parsed = true;
        try { JSON.parse(s.textContent); } catch { parsed = false; }
        if (!parsed || /[<>]/.test(s.textContent)) found.push(`bad JSON-LD: ${s.textContent}`);
        continue;
      }
      if (!s.src && !s.textContent.startsWith("location.replace(") && s.textContent !== themeScript) found.push(`inline script: ${s.textContent}`);
    }
    return found;
  }, THEME_SCRIPT);
}

test("no page of the hostile site runs injected markup", async () => {
  assert.ok(pages.length >= 8, `pages to check: ${pages}`);
  for (const rel of pages) {
    const page = await openPage(context);
    await page.goto(server.url + rel);
    // Hover and focus everything: handlers on mouse or focus events would fire.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll("body *")) {
        for (const type of ["mouseover", "focus", "click"]) {
          if (type === "click" && el.closest("a, button, input")) continue;
          el.dispatchEvent(new Event(type, { bubbles: true }));
        }
      }
    });
    assert.equal(await page.evaluate(() => window.__xss), undefined, `injected markup ran on ${rel}`);
    assert.deepEqual(await activeMarkup(page), [], rel);
    assert.deepEqual(page.problems.filter((p) => p.startsWith("dialog") || p.startsWith("pageerror")), [], rel);
    await page.close();
  }
});

test("search shows hostile titles and snippets as text and echoes hostile queries inertly", async () => {
  const page = await openPage(context);
  await page.goto(server.url);
  await typeQuery(page, "Título");
  const results = await resultsOf(page);
  assert.ok(results.length >= 1, "the hostile article is found");
  assert.ok(results[0].title.includes("<img src=x onerror=window.__xss=10>"), "its title is shown as text");
  await typeQuery(page, "etiqueta");
  assert.ok((await resultsOf(page)).length >= 1);
  await typeQuery(page, '<img src=x onerror="window.__xss=99"> zzqx');
  assert.equal(await page.evaluate(() => window.__xss), undefined, "injected markup ran");
  assert.deepEqual(await activeMarkup(page), []);
  assert.ok((await page.textContent("#search-results-empty, .search-empty, body")).includes("<img src=x onerror="),
    "the query is echoed as text");
  await page.close();
});

// `tier0 serve` in Chromium: the authoring loop as an L3 expert lives it.
// Open an article, edit its file: the page reloads by itself with the new
// text and keeps its scroll position. Break the front matter: an overlay
// names the file, line and column (hostile text in the message stays text).
// Fix it: the overlay goes.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

import { FIXTURES, cleanup, launch, openPage, tempDir, tier0Binary } from "./harness.mjs";

let server, url, site, browser;

before(async () => {
  site = path.join(await tempDir("tier0-serve-"), "site");
  await cp(path.join(FIXTURES, "search-ui"), site, { recursive: true });
  server = spawn(await tier0Binary(), ["serve", "--root", site, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "ignore"] });
  const [line] = await new Promise((resolve) => createInterface({ input: server.stdout }).once("line", (l) => resolve([l])));
  url = line.match(/http:\/\/\S+\//)[0];
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.kill();
  await cleanup();
});

test("editing a file reloads the page; a broken file is left out and shown in an overlay until fixed", async () => {
  const file = path.join(site, "content/red/wifi.md");
  const original = await readFile(file, "utf8");
  const context = await browser.newContext({ viewport: { width: 900, height: 400 } });
  const page = await openPage(context);
  await page.goto(`${url}red/wifi/`);
  await page.waitForFunction(() => document.querySelector("h1")?.textContent.includes("Wi-Fi"));
  // Room to scroll, so that keeping the position means something.
  await writeFile(file, original + "\n\n" + "Párrafo largo de relleno para poder desplazarse.\n\n".repeat(40));
  await page.waitForFunction(() => document.body.textContent.includes("Párrafo largo de relleno"), null, { timeout: 30000 });
  await page.evaluate(() => window.scrollTo({ top: 600, behavior: "instant" }));
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 300, `the page scrolled (${scrolled})`);

  await writeFile(file, (await readFile(file, "utf8")).replace("no consigue conectarse", "no consigue conectarse EDITADO EN VIVO"));
  await page.waitForFunction(() => document.body.textContent.includes("EDITADO EN VIVO"), null, { timeout: 30000 });
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 50, scrolled, { timeout: 5000 });

  const broken = (await readFile(file, "utf8")).replace("tier: L3", `tier: "<img src=x onerror=window.__xss=1>"`);
  await writeFile(file, broken);
  const overlay = page.locator("#tier0-build-errors");
  await overlay.waitFor({ timeout: 30000 });
  const text = await overlay.textContent();
  assert.match(text, /content\/red\/wifi\.md:5:7/);
  assert.match(text, /unknown tier `<img src=x onerror=window.__xss=1>`/);
  assert.equal(await overlay.locator("img").count(), 0, "the message is text, not markup");
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  // A lenient build leaves the broken article out and serves the rest; the
  // overlay says so (with `strict: true` the last good site stays instead).
  assert.match(text, /left out of the site/);

  await writeFile(file, broken.replace(`tier: "<img src=x onerror=window.__xss=1>"`, "tier: L3"));
  await overlay.waitFor({ state: "detached", timeout: 30000 });
  assert.ok((await page.textContent("body")).includes("EDITADO EN VIVO"));
  // The one failed request: the article's page while it was left out.
  assert.deepEqual(page.problems, [`HTTP 404: ${url}red/wifi/`]);
  await context.close();
});

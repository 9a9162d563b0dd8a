// `redirects: not-found` in tier0.yaml: short links and aliases have no
// page of their own, and the not-found page sends the browser on. Served
// under /help/ by a static server that answers a missing path with
// 404.html, as GitHub Pages, Netlify or Cloudflare Pages do, on the fixture
// site tests/browser/fixtures/search-ui with an alias added, and 1,200
// more articles so that the redirects take more than one lookup file (the
// script must hash a path to the file tier0 put it in).

import assert from "node:assert/strict";
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";

import { buildEdited, cleanup, FIXTURES, launch, openPage, serve, tempDir } from "./harness.mjs";

let browser, server, context, files;

before(async () => {
  const site = path.join(await tempDir("tier0-redirects-"), "site");
  await cp(path.join(FIXTURES, "search-ui"), site, { recursive: true });
  await writeFile(path.join(site, "content/red/antiguo.md"), [
    "---",
    "id: KB-900",
    "title: Impresora de la planta baja",
    "tier: L2",
    "aliases: [/viejo/impresora-planta/, /soporte/señal/, /2019/impresora.html]",
    "date: 2026-01-10",
    "---",
    "",
    "## Paso único",
    "",
    "Reinicie la impresora.",
    "",
  ].join("\n"));
  await mkdir(path.join(site, "content/masivo"));
  for (let i = 0; i < 1200; i++) {
    await writeFile(path.join(site, `content/masivo/articulo-${i}.md`),
      `---\nid: KB-5${i}\ntitle: Artículo de relleno ${i}\ndate: 2026-01-10\n---\n\nTexto ${i}.\n`);
  }
  const [out] = await Promise.all([
    buildEdited(site, (yaml) => `${yaml}\nbase_url: /help/\nredirects: not-found\n`),
    launch().then((b) => { browser = b; }),
  ]);
  files = (await readdir(path.join(out, "kb"))).sort();
  server = await serve(out, "/help/", () => ({}), { notFoundPage: true });
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cleanup();
});

/** Opens `where` under the site and returns the page once it stopped moving. */
async function land(where) {
  const page = await openPage(context);
  await page.goto(server.url + where);
  return page;
}

/** The problems of `page` but the 404 answers to the paths that have no page. */
const unexpected = (page) => page.problems.filter((p) => !/^HTTP 404: .*\/help\/(kb|en\/kb|viejo|soporte|2019)\//.test(p));

test("the redirects are in a few lookup files, and no page is written for them", () => {
  assert.deepEqual(files, ["redirects-0.json", "redirects-1.json"]);
});

test("a short link, a translation's short link and an alias lead to their article, keeping the fragment", async () => {
  for (const [from, to] of [
    ["kb/KB-100/", "/help/red/wifi/"],
    ["en/kb/KB-100/", "/help/en/red/wifi/"],
    ["kb/KB-900/#paso-unico", "/help/red/antiguo/#paso-unico"],
    ["viejo/impresora-planta/", "/help/red/antiguo/"],
    ["viejo/impresora-planta", "/help/red/antiguo/"],
    ["viejo/impresora-planta/index.html", "/help/red/antiguo/"],
    ["soporte/se%C3%B1al/", "/help/red/antiguo/"],
    // An old address that was a file (Hugo's `.html` alias, an mdBook or
    // Sphinx page) is looked up as that file, not as a folder.
    ["2019/impresora.html", "/help/red/antiguo/"],
    ...[0, 1, 77, 555, 1100, 1199].map((i) => [`kb/KB-5${i}/`, `/help/masivo/articulo-${i}/`]),
  ]) {
    const page = await land(from);
    try {
      await page.waitForURL((u) => u.pathname + u.hash === to);
      await page.waitForFunction(() => document.querySelector("h1") !== null);
      assert.notEqual(await page.locator("h1").first().textContent(), "", from);
      assert.deepEqual(unexpected(page), [], from);
    } finally {
      await page.close();
    }
  }
});

test("a path that is no redirect stays on the not-found page", async () => {
  for (const where of ["kb/KB-404/", "viejo/", "red/wifi/no-existe/"]) {
    const page = await openPage(context);
    try {
      // The lookup file is fetched and answers; nothing else happens.
      const lookup = page.waitForResponse((r) => /\/help\/kb\/redirects-\d+\.json$/.test(r.url()));
      await page.goto(server.url + where);
      assert.equal((await lookup).status(), 200);
      await page.waitForTimeout(200);
      assert.equal(new URL(page.url()).pathname, `/help/${where}`);
      const text = await page.locator("h1").first().textContent();
      assert.match(text, /no (existe|encontr)/i, where);
    } finally {
      await page.close();
    }
  }
});

// The search box wherever a site may be opened: from disk (file://, classic
// engine and script twins), under a subpath (`--base-url /help/`, ES module
// and fetch), and the example knowledge base in content/ in both languages.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { buildSite, cleanup, fileUrl, FIXTURES, launch, REPO, resultsOf, serve, settle, typeQuery, visit } from "./harness.mjs";

const FIXTURE = path.join(FIXTURES, "search-ui");

let browser;
let context;
const servers = [];

before(async () => {
  browser = await launch();
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await cleanup();
});

const withPage = (url, body) => visit(context, url, body);

/** Which engine the page loaded: the classic script sets globalThis.tier0Search, the module does not. */
const engineKind = (page) => page.evaluate(() => {
  const classic = [...document.scripts].some((s) => s.src.endsWith("/tier0-search.classic.js"));
  return classic && globalThis.tier0Search ? "classic" : "module";
});

describe("opened from disk (file://)", () => {
  let site;
  before(async () => { site = await buildSite(FIXTURE); });

  it("searches with the classic engine and opens results at their heading", () =>
    withPage(fileUrl(path.join(site, "red/wifi/index.html")), async (page) => {
      await typeQuery(page, "apague router");
      const results = await resultsOf(page);
      assert.deepEqual(results.map((r) => r.href), ["../../red/wifi/index.html?hl=apague%20router%20routers#reiniciar-el-router"]);
      assert.deepEqual(results[0].marks.map((m) => m.toLowerCase()), ["apague", "router"]);
      assert.equal(await engineKind(page), "classic");
      assert.equal(new URL(page.url()).searchParams.get("q"), "apague router", "the address follows the query on disk too");
      await page.keyboard.press("ArrowDown");
      await Promise.all([page.waitForURL(/^file:\/\/.*\/red\/wifi\/index\.html\?hl=[^#]*#reiniciar-el-router$/), page.keyboard.press("Enter")]);
      // The searched words are marked on the article, from disk too.
      assert.ok(await page.$$eval(".article-body mark.search-highlight", (m) => m.length) > 0);
    }));

  it("shows the results of a ?q= link", () =>
    withPage(fileUrl(path.join(site, "index.html")) + "?q=contrase%C3%B1a", async (page) => {
      await page.waitForSelector("#search-results [role=option]");
      await settle(page);
      assert.deepEqual((await resultsOf(page)).map((r) => r.title), ["Cambiar la contraseña"]);
      assert.match((await resultsOf(page))[0].href, /^cuentas\/contrasena\/index\.html/);
    }));
});

describe("served under a subpath (--base-url /help/)", () => {
  let server;
  before(async () => {
    server = await serve(await buildSite(FIXTURE, "--base-url", "/help/"), "/help/");
    servers.push(server);
  });

  it("links results under the subpath without index.html and loads the ES module", () =>
    withPage(server.url + "red/wifi/", async (page) => {
      assert.equal(await page.getAttribute("form.search", "action"), "/help/");
      await typeQuery(page, "contraseña");
      const [result] = await resultsOf(page);
      assert.match(result.href, /^\/help\/cuentas\/contrasena\/\?hl=contrasena[^#]*(#[a-z0-9-]+)?$/);
      assert.equal(await engineKind(page), "module");
      assert.ok(server.requests.includes("/help/search/tier0-search.js"), server.requests.join(" "));
      assert.ok(!server.requests.includes("/help/search/tier0-search.classic.js"));
      const outside = server.requests.filter((p) => !p.startsWith("/help/") && p !== "/favicon.ico");
      assert.deepEqual(outside, [], "nothing is fetched outside the subpath");
      await page.keyboard.press("ArrowDown");
      await Promise.all([page.waitForURL(/\/help\/cuentas\/contrasena\/\?hl=[^#]*(#[a-z0-9-]+)?$/), page.keyboard.press("Enter")]);
      assert.equal(await page.textContent("h1"), "Cambiar la contraseña");
    }));

  it("a ?q= link to the home page shows the results", () =>
    withPage(server.url + "?q=router", async (page) => {
      await page.waitForSelector("#search-results [role=option]");
      await settle(page);
      assert.deepEqual((await resultsOf(page)).map((r) => r.href).sort(), ["/help/red/wifi/?hl=router%20routers#reiniciar-el-router", "/help/vpn/router-casa/?hl=router%20routers"]);
    }));
});

describe("the example knowledge base (content/)", () => {
  let server;
  before(async () => {
    server = await serve(await buildSite(REPO));
    servers.push(server);
  });

  it("finds an error code whole, in Spanish", () =>
    withPage(server.url + "index.html", async (page) => {
      await typeQuery(page, "0x800CCC0E");
      const [first] = await resultsOf(page);
      assert.equal(first.href.split("#")[0], "correo/outlook-0x800ccc0e/index.html?hl=0x800ccc0e");
      assert.ok(first.marks.some((m) => m.toLowerCase() === "0x800ccc0e"), JSON.stringify(first.marks));
    }));

  it("searches the English articles from an English page, with English labels", () =>
    withPage(server.url + "en/index.html", async (page) => {
      assert.equal(await page.getAttribute("#search-input", "placeholder"), "Search articles or error codes");
      await typeQuery(page, "password");
      const results = await resultsOf(page);
      assert.ok(results.length > 0);
      for (const r of results) assert.match(r.href, /^\.\.\/en\/[a-z0-9-]+\/[a-z0-9-]+\/index\.html\?hl=[a-z0-9%]+(#[a-z0-9-]+)?$/);
      assert.match(await page.textContent(".search-status"), /^\d+ results?$/);
      await page.keyboard.press("ArrowDown");
      await Promise.all([page.waitForURL(/\/en\/[a-z0-9-]+\/[a-z0-9-]+\/index\.html/), page.keyboard.press("Enter")]);
      assert.equal(await page.textContent("h1"), results[0].title);
    }));
});

// The search box of the default theme, over http, on the fixture site
// tests/browser/fixtures/search-ui (built without base_url: relative links
// ending in index.html). The other ways of opening a site are in modes.test.mjs.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { buildEdited, buildSite, cleanup, FIXTURES, launch, resultsOf, serve, settle, typeQuery, visit } from "./harness.mjs";

const FIXTURE = path.join(FIXTURES, "search-ui");
const HOSTILE_IMG = '<img src=x onerror="window.__xss=1">';
const HOSTILE_SCRIPT = "<script>window.__xss=1</script>";

let browser;
let server;
let context;

before(async () => {
  const [site] = await Promise.all([buildSite(FIXTURE), launch().then((b) => { browser = b; })]);
  server = await serve(site);
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cleanup();
});

/** Opens `where` (relative to the site), runs `body(page)`, then checks the page stayed clean. */
const onPage = (where, body, ctx = context, base = server.url) => visit(ctx, base + where, body);

const panelOpen = (page) => page.evaluate(() => !document.querySelector(".search-panel").hidden);
const expanded = (page) => page.getAttribute("#search-input", "aria-expanded");

describe("typing a query", () => {
  it("shows results as you type: title, tier badge, snippet with the matched words in <mark>", () =>
    onPage("red/wifi/index.html", async (page) => {
      const historyLength = await page.evaluate(() => history.length);
      await typeQuery(page, "contraseña");
      assert.equal(await expanded(page), "true");
      assert.ok(await panelOpen(page));
      const results = await resultsOf(page);
      assert.equal(results.length, 1, JSON.stringify(results));
      const [r] = results;
      assert.equal(r.title, "Cambiar la contraseña");
      assert.ok(r.marks.length > 0 && r.marks.every((m) => /^contraseñ/i.test(m)), JSON.stringify(r.marks));
      // Relative site: the link starts at the root from this page and names index.html.
      // It carries the matched word forms, marked on the article (?hl=).
      assert.match(r.href, /^\.\.\/\.\.\/cuentas\/contrasena\/index\.html\?hl=contrasena[a-z%0-9]*(#[a-z0-9-]+)?$/);
      const badge = await page.$eval("#search-results .tier-badge", (b) => ({ text: b.textContent, title: b.title }));
      assert.deepEqual(badge, { text: "L1", title: "Nivel 1 · Soporte básico" });
      assert.equal(await page.textContent(".search-status"), "1 resultado");
      // Marks are inside the snippet, never around markup.
      assert.ok(await page.$$eval(".search-result-snippet mark", (m) => m.length) > 0);
      // The address follows the query without adding history entries.
      assert.equal(new URL(page.url()).searchParams.get("q"), "contraseña");
      assert.equal(await page.evaluate(() => history.length), historyLength);
    }));

  it("a query of stop words alone shows the articles that have them, titles first", () =>
    onPage("index.html", async (page) => {
      await typeQuery(page, "de la ");
      const results = await resultsOf(page);
      assert.ok(results.length > 0, "stop words alone find something");
      assert.equal(results[0].title, "El Wi-Fi de la oficina no conecta");
      assert.ok(results[0].marks.some((m) => /^(de|la)$/i.test(m)), JSON.stringify(results[0].marks));
      await typeQuery(page, "la ");
      const titles = (await resultsOf(page)).map((r) => r.title);
      assert.deepEqual(titles.slice(0, 3).sort(), ["Cambiar la contraseña", "El Wi-Fi de la oficina no conecta", "La VPN se corta con algunos routers domésticos"]);
    }));

  it("arrow keys choose a result and Enter opens it at the matching heading", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "apague router");
      const results = await resultsOf(page);
      assert.equal(results.length, 1, JSON.stringify(results));
      assert.equal(results[0].selected, "false");
      await page.keyboard.press("ArrowDown");
      assert.equal((await resultsOf(page))[0].selected, "true");
      assert.equal(await page.getAttribute("#search-input", "aria-activedescendant"), results[0].id);
      assert.equal(await page.evaluate(() => document.activeElement.id), "search-input", "focus stays in the box");
      await page.keyboard.press("ArrowUp");
      assert.equal((await resultsOf(page))[0].selected, "false");
      assert.equal(await page.getAttribute("#search-input", "aria-activedescendant"), null);
      await page.keyboard.press("ArrowDown");
      await Promise.all([page.waitForURL(/\/red\/wifi\/index\.html\?hl=[^#]*#reiniciar-el-router$/), page.keyboard.press("Enter")]);
      assert.ok(await page.$("#reiniciar-el-router"), "the anchor is a heading of the article");
    }));

  it("Escape closes the results and keeps the query; a second Escape clears it", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "router");
      assert.ok(await panelOpen(page));
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Escape");
      assert.equal(await panelOpen(page), false);
      assert.equal(await expanded(page), "false");
      assert.equal(await page.getAttribute("#search-input", "aria-activedescendant"), null);
      assert.equal(await page.inputValue("#search-input"), "router");
      await page.keyboard.press("ArrowDown");
      assert.ok(await panelOpen(page), "ArrowDown opens the results again");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      await settle(page);
      assert.equal(await page.inputValue("#search-input"), "");
      assert.equal(new URL(page.url()).search, "");
    }));

  it("a click outside closes the results", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "router");
      await page.mouse.click(10, 400);
      assert.equal(await panelOpen(page), false);
      await page.focus("#search-input");
      assert.ok(await panelOpen(page), "focus shows the results again");
    }));

  it("/ focuses the search box, but not while typing in another field", () =>
    onPage("red/wifi/index.html", async (page) => {
      await page.click("h1");
      await page.keyboard.press("/");
      assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
      assert.equal(await page.inputValue("#search-input"), "", "the slash is not typed");
      await page.evaluate(() => document.body.append(Object.assign(document.createElement("textarea"), { id: "other" })));
      await page.click("#other");
      await page.keyboard.type("a/b");
      assert.equal(await page.inputValue("#other"), "a/b");
      assert.equal(await page.evaluate(() => document.activeElement.id), "other");
    }));
});

describe("filters", () => {
  it("narrow the results by category, tier and type, and go into the address", () =>
    onPage("index.html", async (page) => {
      await typeQuery(page, "router");
      const all = (await resultsOf(page)).map((r) => r.title).sort();
      assert.deepEqual(all, ["El Wi-Fi de la oficina no conecta", "La VPN se corta con algunos routers domésticos"]);
      // Labels come from the site's categories, tiers and the theme's type names;
      // types without articles in this language are left out.
      assert.deepEqual(await page.$$eval("select[name=type] option", (o) => o.map((x) => [x.value, x.textContent])), [
        ["", "Todos los tipos"], ["troubleshooting", "Solución de problemas"], ["how-to", "Guía paso a paso"], ["known-issue", "Problema conocido"],
      ]);
      assert.equal(await page.$eval("select[name=category] option[value=vpn]", (o) => o.textContent), "VPN");

      await page.selectOption("select[name=category]", "vpn");
      await settle(page);
      assert.deepEqual((await resultsOf(page)).map((r) => r.title), ["La VPN se corta con algunos routers domésticos"]);
      assert.equal(new URL(page.url()).searchParams.get("category"), "vpn");

      await page.selectOption("select[name=category]", "");
      await page.selectOption("select[name=tier]", "L3");
      await settle(page);
      assert.deepEqual((await resultsOf(page)).map((r) => r.title), ["El Wi-Fi de la oficina no conecta"]);

      await page.selectOption("select[name=tier]", "");
      await page.selectOption("select[name=type]", "known-issue");
      await settle(page);
      assert.deepEqual((await resultsOf(page)).map((r) => r.title), ["La VPN se corta con algunos routers domésticos"]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("type"), "known-issue");
      assert.equal(url.searchParams.get("category"), null);
    }));
});

describe("search links", () => {
  it("?q= with filters shows the results when the page opens", () =>
    onPage("cuentas/contrasena/index.html?q=router&category=vpn", async (page) => {
      await page.waitForSelector("#search-results [role=option]");
      await settle(page);
      assert.equal(await page.inputValue("#search-input"), "router");
      assert.equal(await page.inputValue("select[name=category]"), "vpn");
      assert.ok(await panelOpen(page));
      assert.deepEqual((await resultsOf(page)).map((r) => r.href), ["../../vpn/router-casa/index.html?hl=router%20routers"]);
    }));

  it("the form submits to the home page with the query and filters", () =>
    onPage("red/wifi/index.html", async (page) => {
      // The button with JavaScript searches in place; the form itself points at the home page.
      assert.equal(await page.getAttribute("form.search", "action"), "../../index.html");
      assert.equal(await page.getAttribute("form.search", "method"), "get");
      assert.equal(await page.getAttribute("#search-input", "name"), "q");
    }));
});

describe("nothing found", () => {
  it("offers the suggestion first, then level 1 with the query prefilled", () =>
    onPage("index.html?q=routre&category=cuentas", async (page) => {
      await page.waitForSelector(".search-empty:not([hidden])");
      await settle(page);
      assert.deepEqual(await resultsOf(page), []);
      assert.equal(await page.textContent(".search-empty-title"), "Ningún artículo coincide con «routre» con estos filtros.");
      assert.equal(await page.textContent(".search-suggestion"), "router");
      assert.match(await page.textContent(".search-empty"), /¿Quiso decir router\?/);
      const contact = new URL(await page.getAttribute(".search-contact-link", "href"));
      assert.equal(contact.origin + contact.pathname, "https://soporte.example/nuevo");
      assert.deepEqual([...contact.searchParams], [["asunto", "routre"]], "empty {id} and {url} are dropped");
      assert.equal(await page.textContent(".search-contact a[href*='tiers/l1/']"), "Nivel 1 · Soporte básico");
      // The order on screen: suggestion before contact.
      const order = await page.$$eval(".search-empty .search-suggestion, .search-empty .search-contact-link", (n) => n.map((x) => x.className));
      assert.deepEqual(order, ["search-suggestion", "button search-contact-link"]);

      await page.click(".search-suggestion");
      await settle(page);
      assert.equal(await page.inputValue("#search-input"), "router");
      assert.equal(await page.textContent(".search-empty-title"), "Ningún artículo coincide con «router» con estos filtros.");
      await page.click(".search-unfilter");
      await settle(page);
      assert.equal(await page.inputValue("select[name=category]"), "");
      assert.equal((await resultsOf(page)).length, 2);
      assert.equal(new URL(page.url()).searchParams.get("q"), "router");
    }));

  it("without a suggestion goes straight to the contact", () =>
    onPage("index.html", async (page) => {
      await typeQuery(page, "xyzzyplugh frobnicate");
      assert.equal(await page.$(".search-suggestion"), null);
      const contact = new URL(await page.getAttribute(".search-contact-link", "href"));
      assert.equal(contact.searchParams.get("asunto"), "xyzzyplugh frobnicate");
      assert.match(contact.search, /asunto=xyzzyplugh%20frobnicate$/);
    }));
});

describe("hostile content", () => {
  it("markup in titles, descriptions and snippets is shown as text", () =>
    onPage("index.html", async (page) => {
      await typeQuery(page, "atascado");
      const results = await resultsOf(page);
      assert.equal(results.length, 1);
      assert.equal(results[0].title, `Impresora ${HOSTILE_IMG} ${HOSTILE_SCRIPT} atascada`);
      await page.waitForTimeout(100);
      assert.equal(await page.$$eval("img", (i) => i.length), 0, "no <img> element was created from data");
      assert.equal(await page.$$eval("script", (s) => s.filter((x) => x.textContent.includes("__xss")).length), 0);
    }));

  it("markup in the query, typed or in the link, is shown as text", () =>
    onPage("index.html", async (page) => {
      await typeQuery(page, `${HOSTILE_IMG}${HOSTILE_SCRIPT}`);
      // It finds the hostile article (its words), and shows its markup as text.
      assert.ok((await resultsOf(page)).some((r) => r.text.includes(HOSTILE_IMG)));
      const query = `"><b>x</b>${HOSTILE_IMG}${HOSTILE_SCRIPT}`;
      await page.goto(`${server.url}index.html?q=${encodeURIComponent(query)}&category=cuentas`);
      await page.waitForSelector(".search-empty:not([hidden])");
      await settle(page);
      assert.equal(await page.inputValue("#search-input"), query);
      assert.equal(await page.textContent(".search-empty-title strong"), query);
      const contact = new URL(await page.getAttribute(".search-contact-link", "href"));
      assert.equal(contact.searchParams.get("asunto"), query);
      await page.waitForTimeout(100);
      assert.equal(await page.$$eval("img, b", (i) => i.length), 0, "no element was created from the query");
    }));
});

describe("a level 1 without a contact form", () => {
  it("falls back to email with the query as subject", async () => {
    const site = await buildEdited(FIXTURE, (yaml) => yaml.replace(/^\s+url: .*\n/m, ""));
    const local = await serve(site);
    try {
      await onPage("index.html?q=xyzzyplugh", async (page) => {
        await page.waitForSelector(".search-contact-link");
        assert.equal(await page.getAttribute(".search-contact-link", "href"),
          "mailto:soporte@example.com?subject=" + encodeURIComponent("Búsqueda sin resultados: xyzzyplugh"));
      }, context, local.url);
    } finally {
      await local.close();
    }
  });
});

describe("a code typed without its joiners", () => {
  it("finds the article that writes it with them, its pieces marked", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "vpnmad02");
      const results = await resultsOf(page);
      assert.equal(results.length, 1, JSON.stringify(results));
      assert.equal(results[0].title, "La VPN se corta con algunos routers domésticos");
      assert.ok(results[0].marks.some((m) => /^VPN-MAD-02$|^MAD$/i.test(m)), JSON.stringify(results[0].marks));
    }));
});

describe("without JavaScript", () => {
  it("the search box takes the reader to the home page, which lists the topics", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    noJs.setDefaultTimeout(5000);
    try {
      await onPage("red/wifi/index.html", async (page) => {
        await page.fill("#search-input", "wifi");
        await Promise.all([page.waitForURL(/\/index\.html\?q=wifi/), page.press("#search-input", "Enter")]);
        assert.equal(new URL(page.url()).pathname, "/index.html");
        assert.equal(await page.$$eval(".category-grid .category-card", (c) => c.length), 4);
        assert.ok(await page.isVisible(".search-noscript"));
        assert.equal(await page.isVisible(".search-panel"), false);
      }, noJs);
    } finally {
      await noJs.close();
    }
  });
});

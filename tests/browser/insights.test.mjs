// Insights in Chromium: the example knowledge base, built with
// `insights.endpoint` pointing at a real `tier0 insights serve` on
// 127.0.0.1 (another origin than the site's), sends what readers and agents
// do, and `tier0 insights report` shows it. A browser that asks not to be
// tracked sends nothing, and nothing leaves a cookie.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

import { REPO, axeViolations, cleanup, launch, openPage, serve, settle, tempDir, tier0Binary, typeQuery } from "./harness.mjs";

const run = promisify(execFile);
let browser, collector, site, publicSite, agentsSite, product, database, endpoint;

before(async () => {
  const dir = await tempDir("tier0-insights-");
  site = path.join(dir, "site");
  for (const part of ["tier0.yaml", "content"]) await cp(path.join(REPO, part), path.join(site, part), { recursive: true });
  const publicOut = path.join(dir, "public");
  const agentsOut = path.join(dir, "agents");
  // The static servers first: their origins are the collector's allow-list.
  publicSite = await serve(publicOut);
  agentsSite = await serve(agentsOut);
  // A product's page with the help widget, on a third origin, under a CSP
  // that lets in the help site's scripts and the collector's beacons.
  const productDir = path.join(dir, "product");
  await mkdir(productDir);
  product = await serve(productDir, "/", () => ({
    "content-security-policy": `default-src 'none'; script-src ${new URL(publicSite.url).origin}; connect-src ${new URL(endpoint).origin}`,
  }));
  await writeFile(path.join(productDir, "index.html"), `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Producto</title>
<script src="${publicSite.url}widget.js" async></script></head><body><main><h1>Mi producto</h1></main></body></html>`);
  const origins = [publicSite.url, agentsSite.url, product.url].map((u) => new URL(u).origin);
  const config = path.join(site, "tier0.yaml");
  const original = await readFile(config, "utf8");
  await writeFile(config, `${original}\ninsights: {allow_origins: [${origins.join(", ")}]}\nagents: {base_url: "${agentsSite.url}"}\n`);
  database = path.join(dir, "insights.db");
  const bin = await tier0Binary();
  collector = spawn(bin, ["insights", "serve", "--root", site, "--database", database, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "ignore"] });
  const line = await new Promise((resolve) => createInterface({ input: collector.stdout }).once("line", resolve));
  endpoint = line.match(/http:\/\/\S+\/events/)[0];
  // The collector takes agents' events only from the agents' edition's origin.
  await writeFile(config, `${original}\ninsights: {endpoint: "${endpoint}", allow_origins: [${origins.join(", ")}]}\nagents: {base_url: "${agentsSite.url}"}\n`);
  await run(bin, ["build", "--quiet", "--root", site, "--out", publicOut]);
  await run(bin, ["build", "--quiet", "--root", site, "--out", agentsOut, "--audience", "agents"]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  collector?.kill();
  await publicSite?.close();
  await agentsSite?.close();
  await product?.close();
  await cleanup();
});

async function report(format = "json") {
  const { stdout } = await run(await tier0Binary(), ["insights", "report", "--root", site, "--database", database, "--format", format]);
  return format === "json" ? JSON.parse(stdout) : stdout;
}

/** Waits until the report satisfies `done` (beacons are sent in the background). */
async function reportWhen(done) {
  for (let i = 0; i < 100; i++) {
    const r = await report();
    if (done(r)) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the report never got there: ${JSON.stringify((await report()).totals)}`);
}

/** Requests the page makes to the collector. */
function beacons(page) {
  const sent = [];
  page.on("request", (r) => { if (r.url() === endpoint) sent.push(JSON.parse(r.postData() || "null")); });
  return sent;
}

test("a reader's searches, view, answer and contact reach the collector, and the report shows them", async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const sent = beacons(page);
  await page.goto(publicSite.url);
  // Typed on the way: never sent. Paused on: sent once the reader goes on.
  await typeQuery(page, "zzqx");
  await typeQuery(page, "zzqxwv");
  await page.waitForTimeout(3300);
  await typeQuery(page, "impresora");
  assert.deepEqual(sent.map((e) => e.query), ["zzqxwv"], "only the query the reader paused on");
  assert.equal(sent[0].results, 0);
  const first = page.locator("#search-results [role=option]").first();
  await Promise.all([page.waitForURL(/impresoras|red|equipos|software|cuentas|correo|vpn/), first.click()]);
  const search = sent.find((e) => e.type === "search" && e.query === "impresora");
  assert.ok(search, JSON.stringify(sent));
  assert.equal(search.rank, 1);
  assert.match(search.clicked, /^KB-\d+$/);
  assert.ok(search.results >= 1);

  const article = await page.locator("article[data-article-id]").getAttribute("data-article-id");
  assert.equal(article, search.clicked);
  await page.waitForFunction(() => !document.querySelector(".handoff-ask")?.hidden);
  const boxes = page.locator("input.step-tried");
  if (await boxes.count()) await boxes.first().check();
  await page.getByRole("button", { name: "No", exact: true }).click();
  // The contact link stays on this page for the test (the real one leaves the site).
  await page.evaluate(() => document.addEventListener("click", (e) => { if (e.target.closest("a[data-contact]")) e.preventDefault(); }));
  await page.locator("a[data-contact=mail]").click();
  const r = await reportWhen((r) => r.totals.escalations === 1 && r.totals.unhelpful === 1 && r.totals.views >= 1 && r.totals.searches === 2);
  const row = r.articles.find((a) => a.id === article && a.lang === "es");
  assert.equal(row.views, 1);
  assert.equal(row.escalation_rate, 1);
  assert.deepEqual(r.no_results.map((g) => g.query), ["zzqxwv"]);
  const escalate = sent.find((e) => e.type === "escalate");
  assert.equal(escalate.channel, "mail");
  assert.equal(escalate.edition, "public");
  assert.deepEqual(Object.keys(escalate).sort(), ["article", "channel", "edition", "lang", "steps", "type"]);
  const html = await report("html");
  assert.match(html, /zzqxwv/);
  assert.match(html, new RegExp(article));
  assert.deepEqual(await context.cookies(), [], "no cookie anywhere");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("an agent's reuse and flag reach the collector from the agents' edition", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await openPage(context);
  const sent = beacons(page);
  await page.goto(`${agentsSite.url}red/wifi-no-conecta/`);
  const article = await page.locator("article[data-article-id]").getAttribute("data-article-id");
  await page.locator("button[data-copy=reply]").click();
  await page.locator("details[data-flag] summary").click();
  await page.selectOption("#flag-reason", "missing-step");
  await page.fill("#flag-note", "Falta reiniciar el router; avisar a pepe@acme.example");
  assert.deepEqual(await axeViolations(page), [], "the open flag form is accessible");
  await page.locator("details[data-flag] button[type=submit]").click();
  await page.waitForFunction(() => document.querySelector(".flag-status")?.textContent.length > 0);
  const r = await reportWhen((r) => r.totals.flags === 1 && r.totals.reuse === 1);
  assert.equal(r.notes[0].article, article);
  assert.equal(r.notes[0].reason, "missing-step");
  assert.equal(r.notes[0].note, "Falta reiniciar el router; avisar a [email]", "scrubbed before storage");
  assert.deepEqual(sent.map((e) => [e.type, e.edition]).filter(([t]) => t !== "view"), [["reuse", "agents"], ["flag", "agents"]]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** The help widget's element `selector` (inside its shadow root). */
const widget = (page, selector) => page.locator(`tier0-help ${selector}`);

/** Opens the widget on the product's page and types `query` into it. */
async function widgetSearch(page, query) {
  if (await widget(page, ".panel").isHidden()) await widget(page, ".launcher").click();
  await widget(page, "#t0-q").fill("");
  await widget(page, "#t0-q").pressSequentially(query, { delay: 10 });
  await page.waitForFunction(() => {
    const root = document.querySelector("tier0-help")?.shadowRoot?.querySelector(".root");
    return root && !root.hasAttribute("aria-busy") && root.querySelector(".status")?.textContent;
  });
}

test("the help widget on a product's page sends its searches, views and contacts to the same collector", async () => {
  const before = await report();
  const context = await browser.newContext();
  const page = await openPage(context);
  const sent = beacons(page);
  await page.goto(product.url);
  await page.waitForFunction(() => document.querySelector("tier0-help"));
  // Enter, then the panel closed: a search that found nothing.
  await widgetSearch(page, "qqzzwidget");
  await widget(page, "#t0-q").press("Enter");
  await page.waitForTimeout(200);
  await page.keyboard.press("Escape");
  // Half-typed on the way, then a result opened: one search, with its click.
  await widgetSearch(page, "impre");
  await widgetSearch(page, "impresora");
  await widget(page, ".result").first().click();
  await widget(page, ".step-tried").first().waitFor();
  await widget(page, ".step-tried").first().check();
  // The mail link stays on this page for the test.
  await page.evaluate(() => document.addEventListener("click", (e) => {
    if (e.composedPath().some((n) => n.dataset && n.dataset.channel)) e.preventDefault();
  }));
  await widget(page, ".article a[data-channel=email]").click();
  const r = await reportWhen((r) => r.totals.escalations === before.totals.escalations + 1
    && r.totals.searches === before.totals.searches + 2 && r.totals.views === before.totals.views + 1);
  assert.deepEqual(sent.map((e) => [e.type, e.query || e.article]).map(([t]) => t), ["search", "search", "view", "escalate"], JSON.stringify(sent));
  const [nothing, found, view, contact] = sent;
  assert.deepEqual(nothing, { type: "search", query: "qqzzwidget", results: 0, lang: "es", edition: "public" });
  assert.equal(found.query, "impresora");
  assert.equal(found.rank, 1);
  assert.equal(view.article, found.clicked);
  assert.equal(contact.article, found.clicked);
  assert.equal(contact.channel, "mail");
  assert.equal(contact.steps.length, 1);
  assert.ok(r.no_results.some((g) => g.query === "qqzzwidget"), JSON.stringify(r.no_results));
  const row = r.articles.find((a) => a.id === found.clicked && a.lang === "es");
  assert.ok(row.views >= 1 && row.escalations >= 1, JSON.stringify(row));
  assert.deepEqual(await context.cookies(), [], "no cookie anywhere");
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a browser that signals Global Privacy Control or Do Not Track sends nothing", async () => {
  for (const signal of ["globalPrivacyControl", "doNotTrack"]) {
    const context = await browser.newContext();
    await context.addInitScript((name) => {
      Object.defineProperty(Navigator.prototype, name, { get: () => (name === "doNotTrack" ? "1" : true) });
    }, signal);
    const page = await openPage(context);
    const sent = beacons(page);
    await page.goto(`${publicSite.url}red/wifi-no-conecta/`);
    await typeQuery(page, "vpn");
    await settle(page);
    await page.locator("#search-results [role=option]").first().click();
    await page.waitForLoadState("load");
    // Nor does the help widget on a product's page.
    await page.goto(product.url);
    await page.waitForFunction(() => document.querySelector("tier0-help"));
    await widgetSearch(page, "impresora");
    await widget(page, "#t0-q").press("Enter");
    await widget(page, ".result").first().click();
    await widget(page, ".step-tried").first().waitFor();
    assert.deepEqual(sent, [], signal);
    await context.close();
  }
});

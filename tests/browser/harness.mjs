// What the browser tests share: building a site with the real tier0 binary,
// serving it over http, and driving Debian's Chromium with playwright-core.
//
// Not a test file itself (node --test only runs *.test.mjs here).

import { execFile } from "node:child_process";
import { createReadStream, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before } from "node:test";
import { promisify } from "node:util";

import { chromium } from "playwright-core";

import { LAUNCH_OPTIONS } from "./chromium.mjs";

const run = promisify(execFile);

export const REPO = path.resolve(fileURLToPath(import.meta.url), "../../..");
export const FIXTURES = path.join(REPO, "tests/browser/fixtures");
const BINARY = process.env.TIER0_BIN || path.join(REPO, "target/debug/tier0");

/** Newest modification time under `dir` (ms), following no symlinks. */
async function newest(dir) {
  let max = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, await newest(p));
    else if (entry.isFile()) max = Math.max(max, (await stat(p)).mtimeMs);
  }
  return max;
}

/** What the binary is built from (the theme is embedded in it). */
const SOURCES = ["themes/default", "src", "search-index/src", "search-index/js", "Cargo.lock"];

let binaryReady = null;
/**
 * The tier0 debug binary (or $TIER0_BIN), built with `cargo build` when it
 * is missing or older than its sources, so a theme edit is never tested
 * against a stale binary.
 */
export function tier0Binary() {
  if (!binaryReady) {
    binaryReady = (async () => {
      if (process.env.TIER0_BIN) return BINARY;
      const built = await stat(BINARY).then((s) => s.mtimeMs, () => 0);
      const sources = Math.max(...await Promise.all(SOURCES.map(async (p) => {
        const full = path.join(REPO, p);
        const info = await stat(full).catch(() => null);
        if (!info) return 0;
        return info.isDirectory() ? newest(full) : info.mtimeMs;
      })));
      if (built === 0 || built < sources) {
        await run("cargo", ["build", "--quiet", "--bin", "tier0"], { cwd: REPO, maxBuffer: 64 << 20 });
      }
      return BINARY;
    })();
  }
  return binaryReady;
}

/** A fresh temporary folder, removed by `cleanup()`. */
const temps = [];
export async function tempDir(prefix = "tier0-browser-") {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
export async function cleanup() {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/**
 * Builds the site at `root` (its tier0.yaml, content/ and themes/) into a
 * new temporary folder and returns the output folder. The site is copied
 * first: a build also writes `.tier0/` beside the site, and test files run
 * in parallel must neither race on it nor leave it in the source tree.
 */
export async function buildSite(root, ...args) {
  return buildEdited(root, null, ...args);
}

/** `buildSite`, with the copy's tier0.yaml replaced by `editConfig(yaml)` first. */
export async function buildEdited(root, editConfig, ...args) {
  const bin = await tier0Binary();
  const dir = await tempDir("tier0-site-");
  const copy = path.join(dir, "site");
  for (const part of ["tier0.yaml", "content", "themes"]) {
    if (await stat(path.join(root, part)).catch(() => null)) await cp(path.join(root, part), path.join(copy, part), { recursive: true });
  }
  if (editConfig) {
    const config = path.join(copy, "tier0.yaml");
    await writeFile(config, editConfig(await readFile(config, "utf8").catch(() => "")));
  }
  const out = path.join(dir, "public");
  await run(bin, ["build", "--quiet", "--root", copy, "--out", out, ...args], { cwd: dir });
  return out;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `dir` at http://127.0.0.1:<port><prefix> (prefix "/" or "/help/").
 * Directory URLs serve their index.html, like any static host.
 * Returns { url, requests, close() }; `requests` records every path asked for.
 * `headers(pathname)` adds response headers (CORS, CSP) to each file served.
 * With `notFoundPage`, a missing path gets the site's 404.html with status
 * 404, as GitHub Pages, Netlify or Cloudflare Pages answer.
 */
export async function serve(dir, prefix = "/", headers = () => ({}), { notFoundPage = false } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    requests.push(pathname);
    const send404 = () => {
      if (notFoundPage) {
        res.writeHead(404, { "content-type": TYPES[".html"], "cache-control": "no-store" });
        return createReadStream(path.join(dir, "404.html")).pipe(res);
      }
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    };
    if (!pathname.startsWith(prefix)) return send404();
    let file = path.join(dir, pathname.slice(prefix.length));
    if (!file.startsWith(dir)) return send404();
    let info = await stat(file).catch(() => null);
    if (info && info.isDirectory()) {
      if (!pathname.endsWith("/")) { res.writeHead(301, { location: pathname + "/" }); return res.end(); }
      file = path.join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info || !info.isFile()) return send404();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store", ...headers(pathname) });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export const fileUrl = (p) => pathToFileURL(p).href;

/** Debian's Chromium, headless (see chromium.mjs); every `browser.newContext()` is a clean session. */
export function launch() {
  return chromium.launch(LAUNCH_OPTIONS);
}

/**
 * A new page that fails the test on any uncaught page error or console error,
 * and records dialogs (alert() from injected markup would show up here).
 */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Failed requests are reported with their URL by the response handler below.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
  // Every request must succeed: the favicon too (the theme declares one).
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.problems = problems;
  return page;
}

/** Results currently shown: [{ title, href, marks, text }]. */
export function resultsOf(page) {
  return page.$$eval("#search-results [role=option]", (options) => options.map((o) => ({
    id: o.id,
    title: o.querySelector(".search-result-title")?.textContent,
    href: o.getAttribute("href"),
    marks: [...o.querySelectorAll("mark")].map((m) => m.textContent),
    selected: o.getAttribute("aria-selected"),
    text: o.textContent,
  })));
}

/** Types `query` into the search box like a person and waits for the results to settle. */
export async function typeQuery(page, query) {
  const input = page.locator("#search-input");
  await input.click();
  await input.fill("");
  await input.pressSequentially(query, { delay: 10 });
  await settle(page);
}

/** Waits until no search is pending (debounce elapsed, engine answered). */
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector("form.search[aria-busy]"));
}

/**
 * Opens `url` in `context`, runs `body(page)`, then checks that the page
 * logged no problems and ran no injected script (`window.__xss`).
 */
export async function visit(context, url, body) {
  const page = await openPage(context);
  try {
    await page.goto(url);
    await body(page);
    assert.equal(await page.evaluate(() => window.__xss), undefined, "injected markup ran");
    assert.deepEqual(page.problems, []);
  } finally {
    await page.close();
  }
}

/**
 * For a test file: before its tests, builds the site folder `root` (or the
 * one `prepare()` resolves to), serves it over http and opens a browser
 * context on it; after them, closes everything. Returns `{ onPage(where,
 * body) }`, which `visit`s `where` (relative to the site).
 */
export function servedSite(prepare) {
  const state = { browser: null, server: null, context: null };
  before(async () => {
    const root = typeof prepare === "function" ? await prepare() : prepare;
    const [site] = await Promise.all([buildSite(root), launch().then((b) => { state.browser = b; })]);
    state.server = await serve(site);
    state.context = await state.browser.newContext();
    state.context.setDefaultTimeout(5000);
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
    await cleanup();
  });
  return { onPage: (where, body) => visit(state.context, state.server.url + where, body) };
}

// axe-core (npm), run inside the page: WCAG 2.1 A and AA rules.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** The axe-core violations of the page as it is now: ["rule: selectors", …]. */
export async function axeViolations(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

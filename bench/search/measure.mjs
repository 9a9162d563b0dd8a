// Search benchmark on a built tier0 site: tier0's client-side search vs
// Pagefind, both measured in headless Chromium over HTTP.
//
//   node bench/search/measure.mjs SITE_DIR [--queries Q ...] [--lang es] [--runs 50]
//        [--pagefind-dir DIR] [--reuse-pagefind] [--no-pagefind] [--json FILE]
//
// SITE_DIR is the output of `tier0 build` (e.g. of bench/corpus-10000). The
// script:
//
// 1. runs Pagefind's indexer (the npm package pinned in package.json, whose
//    Linux binary comes from @pagefind/linux-x64) on SITE_DIR's HTML, timed,
//    writing its bundle to a temporary folder (or --pagefind-dir) so SITE_DIR
//    is left as built. Pagefind indexes only the article: the root selector
//    `article.article` (pages without it, i.e. the home, category, tier and
//    /kb/ redirect pages, are skipped) minus the table of contents, the meta
//    lines, the translation link, the heading anchors and the "still stuck"
//    box, which leaves title, lead (description), facts (symptoms, error
//    codes, applies to), body and tags: about what tier0 indexes;
// 2. serves SITE_DIR on 127.0.0.1 (Pagefind's bundle under /pagefind/) with
//    a small static server that records the path and size of every response;
//    the gzip size is zlib gzip -9 of the body, or the raw size when that is
//    smaller (Pagefind's index files are already compressed);
// 3. for each engine and query, opens a new browser context (cold cache) on a
//    blank page, imports the engine and runs the query as its UI would:
//    tier0 `createSearch({ base: "/search/", lang }).search(q, { limit: 10 })`
//    (which returns display-ready results: title, url, snippet); Pagefind
//    `import("/pagefind/pagefind.js")`, `search(q)` and `data()` of the first
//    10 results (what showing them needs). Everything the server sent from
//    the import until the 10 results are available is counted, split into
//    engine code (JavaScript, WebAssembly) and index data;
// 4. in the same page, with the shards now loaded, runs the query 5 times
//    (warm-up) then --runs times, timing each call with performance.now();
// 5. adds up each exported index on disk (everything under SITE_DIR/search
//    and the Pagefind bundle).
//
// Queries are passed as typed: a query without a trailing space ends in a
// word still being typed (tier0 then also fetches prefix completions), one
// with a trailing space is complete. Pagefind ignores the difference.
// Prints Markdown tables on stdout (1 kB = 1,000 bytes); --json also writes
// the raw numbers.

import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { chromium } from "playwright-core";

import { LAUNCH_OPTIONS } from "../../tests/browser/chromium.mjs";
import { BLANK, runPagefind, startServer } from "./common.mjs";

const DEFAULT_QUERIES = [
  "conexión",                       // the most common content word (in 98 % of the Spanish articles), being typed
  "conexión ",                      // the same word, complete
  "cartucho ",                      // rarer word (about 7 % of the Spanish articles)
  "0x80070005 ",                    // an error code (about 3 %)
  "restablecer contraseña correo ", // three words
];
const LIMIT = 10;
const WARMUP = 5;

// --------------------------------------------------------------------------
// Command line

function usage(message) {
  if (message) console.error(`measure.mjs: ${message}`);
  console.error("usage: node bench/search/measure.mjs SITE_DIR [--queries Q ...] [--lang es] [--runs 50] "
    + "[--pagefind-dir DIR] [--reuse-pagefind] [--no-pagefind] [--json FILE]");
  process.exit(2);
}

function parseArgs(argv) {
  const args = { site: null, queries: null, lang: "es", runs: 50, pagefindDir: null, reusePagefind: false,
    pagefind: true, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === "--queries") {
      args.queries = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) args.queries.push(argv[++i]);
    } else if (a === "--lang") args.lang = value();
    else if (a === "--runs") args.runs = Number(value());
    else if (a === "--pagefind-dir") args.pagefindDir = path.resolve(value());
    else if (a === "--reuse-pagefind") args.reusePagefind = true;
    else if (a === "--no-pagefind") args.pagefind = false;
    else if (a === "--json") args.json = path.resolve(value());
    else if (a === "-h" || a === "--help") usage();
    else if (a.startsWith("--") || args.site) usage(`unexpected argument ${a}`);
    else args.site = path.resolve(a);
  }
  if (!args.site) usage("SITE_DIR is required");
  if (!(args.runs >= 1)) usage("--runs must be a positive number");
  args.queries = args.queries && args.queries.length ? args.queries : DEFAULT_QUERIES;
  return args;
}

// --------------------------------------------------------------------------
// Files

async function treeSize(dir) {
  let files = 0, bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const size = (await stat(path.join(entry.parentPath ?? entry.path, entry.name))).size;
    files++;
    bytes += size;
  }
  return { files, bytes };
}

const gzCache = new Map();
async function gzipSize(file, raw) {
  if (!gzCache.has(file)) gzCache.set(file, Math.min(raw, gzipSync(await readFile(file), { level: 9 }).length));
  return gzCache.get(file);
}

// --------------------------------------------------------------------------
// Engines, as run in the page

// Engine code, by name: tier0's search/tier0-search*.{js,mjs,wasm} (the
// index's own data may be .js script twins, so the extension alone does not
// tell), Pagefind's pagefind*.js (module, worker) and wasm.<lang>.pagefind.
// Everything else fetched is index data.
const ENGINES = {
  tier0: {
    name: "tier0",
    isCode: (p) => /^\/search\/tier0-search[^/]*\.(m?js|wasm)$/.test(p),
    // Loads the engine and runs one query; leaves the search in window.__bench.
    cold: async ({ query, lang, limit }) => {
      const t0 = performance.now();
      const { createSearch } = await import("/search/tier0-search.js");
      const s = createSearch({ base: "/search/", lang });
      const results = await s.search(query, { limit });
      const ms = performance.now() - t0;
      window.__bench = s;
      return { ms, shown: results.length, total: null, urls: results.map((r) => r.url) };
    },
    warm: async ({ query, limit, warmup, runs }) => {
      const s = window.__bench;
      const times = [];
      for (let i = 0; i < warmup + runs; i++) {
        const t0 = performance.now();
        await s.search(query, { limit });
        if (i >= warmup) times.push(performance.now() - t0);
      }
      return { times };
    },
  },
  pagefind: {
    name: "Pagefind",
    isCode: (p) => /^\/pagefind\/(pagefind[^/]*\.(m?js|wasm)|wasm\.[^/]+\.pagefind)$/.test(p),
    cold: async ({ query, limit }) => {
      const t0 = performance.now();
      const pagefind = await import("/pagefind/pagefind.js");
      const search = await pagefind.search(query);
      const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
      const ms = performance.now() - t0;
      window.__bench = pagefind;
      return { ms, shown: data.length, total: search.results.length, urls: data.map((d) => d.url) };
    },
    warm: async ({ query, limit, warmup, runs }) => {
      const pagefind = window.__bench;
      const times = [], searchTimes = [];
      for (let i = 0; i < warmup + runs; i++) {
        const t0 = performance.now();
        const search = await pagefind.search(query);
        const t1 = performance.now();
        await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
        if (i >= warmup) { times.push(performance.now() - t0); searchTimes.push(t1 - t0); }
      }
      return { times, searchTimes };
    },
  },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

async function summarize(entries, engine) {
  const sum = { requests: entries.length, codeRaw: 0, codeGz: 0, dataRaw: 0, dataGz: 0, failed: [] };
  for (const e of entries) {
    if (e.status !== 200) { sum.failed.push(`${e.status} ${e.path}`); continue; }
    const gz = await gzipSize(e.file, e.raw);
    if (engine.isCode(e.path)) { sum.codeRaw += e.raw; sum.codeGz += gz; } else { sum.dataRaw += e.raw; sum.dataGz += gz; }
  }
  sum.files = entries.map((e) => e.path);
  return sum;
}

async function measureQuery(browser, origin, log, engine, query, args) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(origin + BLANK);
    const mark = log.length;
    const cold = await page.evaluate(engine.cold, { query, lang: args.lang, limit: LIMIT });
    const fetched = await summarize(log.slice(mark), engine);
    const warmMark = log.length;
    const warm = await page.evaluate(engine.warm, { query, limit: LIMIT, warmup: WARMUP, runs: args.runs });
    const warmFetches = log.length - warmMark;
    if (errors.length) throw new Error(`${engine.name} ${JSON.stringify(query)}: page errors: ${errors.join("; ")}`);
    return {
      engine: engine.name, query, ...cold, fetched, warmFetches,
      medianMs: median(warm.times), p90Ms: quantile(warm.times, 0.9),
      medianSearchMs: warm.searchTimes ? median(warm.searchTimes) : null,
    };
  } finally {
    await context.close();
  }
}

// --------------------------------------------------------------------------
// Report

const kB = (bytes) => (bytes / 1000).toFixed(1);
const MB = (bytes) => (bytes / 1e6).toFixed(1);
const ms = (x) => (x === null || x === undefined ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(1));
const show = (q) => `\`${q.replace(/ $/, "␣")}\``;

function report(result) {
  const lines = [];
  lines.push("Bytes fetched from a cold cache until the first 10 results are available (kB = 1,000 B; "
    + "gzip = gzip -9 of each response; ms on loopback):", "",
    "| query | engine | results | requests | engine raw | engine gzip | index raw | index gzip | **total gzip** | total raw | cold ms |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of result.queries) {
    const f = r.fetched;
    const results = r.total === null ? `${r.shown}` : `${r.shown} of ${r.total}`;
    lines.push(`| ${show(r.query)} | ${r.engine} | ${results} | ${f.requests} | ${kB(f.codeRaw)} | ${kB(f.codeGz)} | `
      + `${kB(f.dataRaw)} | ${kB(f.dataGz)} | **${kB(f.codeGz + f.dataGz)}** | ${kB(f.codeRaw + f.dataRaw)} | ${ms(r.ms)} |`);
  }
  lines.push("", `Query time with the shards loaded (in the page, ${result.runs} runs after ${WARMUP} warm-up, ms): `
    + "tier0 `search(q, {limit: 10})`; Pagefind `search(q)` alone and with `data()` of the first 10:", "",
    "| query | tier0 median | tier0 p90 | Pagefind search() median | Pagefind + data() median | Pagefind + data() p90 |",
    "| --- | ---: | ---: | ---: | ---: | ---: |");
  const byQuery = new Map();
  for (const r of result.queries) {
    if (!byQuery.has(r.query)) byQuery.set(r.query, {});
    byQuery.get(r.query)[r.engine] = r;
  }
  for (const [query, e] of byQuery) {
    const t = e.tier0 || {}, p = e.Pagefind || {};
    lines.push(`| ${show(query)} | ${ms(t.medianMs)} | ${ms(t.p90Ms)} | ${ms(p.medianSearchMs)} | ${ms(p.medianMs)} | ${ms(p.p90Ms)} |`);
  }
  lines.push("", "Exported index on disk:", "",
    "| engine | files | total (MB) | engine code in it (kB) | indexing time (s) |",
    "| --- | ---: | ---: | ---: | ---: |");
  const t = result.tier0Index;
  lines.push(`| tier0 (\`search/\`) | ${t.files} | ${MB(t.bytes)} | ${kB(t.codeBytes)} | see the build section |`);
  if (result.pagefindIndex) {
    const p = result.pagefindIndex;
    const pf = result.pagefind;
    const label = pf.reused ? "Pagefind (reused bundle)" : `Pagefind ${pf.version} (${pf.pages} pages, ${pf.words} words)`;
    lines.push(`| ${label} | `
      + `${p.files} | ${MB(p.bytes)} | ${kB(p.codeBytes)} | ${result.pagefind.reused ? "reused" : result.pagefind.seconds.toFixed(1)} |`);
  }
  const notes = [];
  for (const r of result.queries) {
    if (r.fetched.failed.length) notes.push(`${r.engine} ${show(r.query)}: failed requests ${r.fetched.failed.join(", ")}`);
    if (r.warmFetches) notes.push(`${r.engine} ${show(r.query)}: ${r.warmFetches} requests during the timed runs`);
    if (r.shown === 0) notes.push(`${r.engine} ${show(r.query)}: no results`);
  }
  lines.push("", `Chromium ${result.chromium}, ${result.cpus} CPUs, load average ${result.load.map((x) => x.toFixed(1)).join(" ")} `
    + "at the start (other processes slow the timings, not the byte counts).");
  if (notes.length) lines.push("", "Warnings:", "", ...notes.map((n) => `* ${n}`));
  return lines.join("\n");
}

// --------------------------------------------------------------------------

async function codeBytes(dir, isCode, prefix) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile() && isCode(`${prefix}${entry.name}`)) total += (await stat(path.join(dir, entry.name))).size;
  }
  return total;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const searchDir = path.join(args.site, "search");
  if (!(await stat(searchDir).catch(() => null))) throw new Error(`${searchDir} is missing: is ${args.site} a tier0 build?`);

  const result = { site: args.site, lang: args.lang, runs: args.runs, cpus: cpus().length, load: loadavg(), queries: [] };
  result.tier0Index = await treeSize(searchDir);
  result.tier0Index.codeBytes = await codeBytes(searchDir, ENGINES.tier0.isCode, "/search/");

  let pagefindDir = null, scratch = null;
  if (args.pagefind) {
    pagefindDir = args.pagefindDir || path.join(scratch = await mkdtemp(path.join(tmpdir(), "tier0-bench-pagefind-")), "pagefind");
    if (args.reusePagefind && await stat(path.join(pagefindDir, "pagefind.js")).catch(() => null)) {
      result.pagefind = { reused: true };
    } else {
      await rm(pagefindDir, { recursive: true, force: true });
      console.error("measure.mjs: running the Pagefind indexer…");
      result.pagefind = await runPagefind(args.site, pagefindDir);
      console.error(`measure.mjs: Pagefind indexed ${result.pagefind.pages} pages in ${result.pagefind.seconds.toFixed(1)} s`);
    }
    result.pagefindIndex = await treeSize(pagefindDir);
    result.pagefindIndex.codeBytes = await codeBytes(pagefindDir, ENGINES.pagefind.isCode, "/pagefind/");
  }

  const { server, log, origin } = await startServer(args.site, pagefindDir);
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  try {
    result.chromium = browser.version();
    // One uncounted page first, so the first measured query does not pay for starting the renderer.
    const warmContext = await browser.newContext();
    await (await warmContext.newPage()).goto(origin + BLANK);
    await warmContext.close();
    const engines = args.pagefind ? [ENGINES.tier0, ENGINES.pagefind] : [ENGINES.tier0];
    for (const query of args.queries) {
      for (const engine of engines) {
        const r = await measureQuery(browser, origin, log, engine, query, args);
        console.error(`measure.mjs: ${engine.name} ${JSON.stringify(query)}: ${r.shown} results, `
          + `${r.fetched.requests} requests, ${kB(r.fetched.codeGz + r.fetched.dataGz)} kB gzip, median ${ms(r.medianMs)} ms`);
        result.queries.push(r);
      }
    }
  } finally {
    await browser.close();
    server.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  console.log(report(result));
  if (args.json) await writeFile(args.json, JSON.stringify(result, null, 2) + "\n");
}

main().catch((error) => {
  console.error(`measure.mjs: ${error.stack || error}`);
  process.exit(1);
});

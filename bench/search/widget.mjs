// Bytes of the help widget (widget.js; docs/widget.md) before its first
// results, and of its first article preview, on a built tier0 site.
//
//   node bench/search/widget.mjs SITE_DIR [--queries Q ...] [--lang es] [--json FILE]
//
// SITE_DIR is the output of `tier0 build` (e.g. of bench/corpus-10000). The
// site is served on 127.0.0.1 by the search benchmark's recording server
// (common.mjs); for each query a new browser context (cold cache) opens a
// blank page, adds `<script src="/widget.js" data-lang=…>` as a product
// would, calls `Tier0Help.open({query})` and waits for the results in the
// panel; then opens the first result's preview. Everything the server sent
// is counted (gzip -9 of each body): the widget itself, the index files
// fetched until the first results show, and the preview file. The widget's
// own code (the theme's widget.js and widget.css, without the bundled
// search engine) is measured from the source too: its budget is 15 KB gzip.
// Prints a Markdown table (1 kB = 1,000 bytes).

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { chromium } from "playwright-core";

import { LAUNCH_OPTIONS } from "../../tests/browser/chromium.mjs";
import { BLANK, startServer } from "./common.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_QUERIES = ["conexión", "cartucho ", "0x80070005 ", "restablecer contraseña correo "];

function parseArgs(argv) {
  const args = { site: null, queries: DEFAULT_QUERIES, lang: "es", json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--queries") {
      args.queries = [];
      while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) args.queries.push(argv[++i]);
    } else if (a === "--lang") args.lang = argv[++i];
    else if (a === "--json") args.json = path.resolve(argv[++i]);
    else if (!a.startsWith("--") && !args.site) args.site = path.resolve(a);
    else {
      console.error(`widget.mjs: unexpected argument ${a}\nusage: node bench/search/widget.mjs SITE_DIR [--queries Q ...] [--lang es] [--json FILE]`);
      process.exit(2);
    }
  }
  if (!args.site) {
    console.error("usage: node bench/search/widget.mjs SITE_DIR [--queries Q ...] [--lang es] [--json FILE]");
    process.exit(2);
  }
  return args;
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const sizes = new Map();
async function sent(entries) {
  let raw = 0, gzip = 0;
  for (const e of entries) {
    if (e.status !== 200) throw new Error(`${e.status} ${e.path}`);
    if (!sizes.has(e.file)) sizes.set(e.file, gz(await readFile(e.file)));
    raw += e.raw;
    gzip += sizes.get(e.file);
  }
  return { files: entries.length, raw, gzip };
}

const kB = (n) => (n / 1000).toFixed(1);

async function measure(browser, origin, log, query, lang) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(origin + BLANK);
    const start = log.length;
    await page.evaluate((l) => {
      const script = document.createElement("script");
      script.src = "/widget.js";
      script.dataset.lang = l;
      document.head.append(script);
    }, lang);
    await page.waitForFunction(() => window.Tier0Help && !Array.isArray(window.Tier0Help));
    const loaded = log.length;
    await page.evaluate((q) => window.Tier0Help.open({ query: q }), query);
    await page.waitForFunction(() => {
      const root = document.querySelector("tier0-help")?.shadowRoot?.querySelector(".root");
      return root && !root.hasAttribute("aria-busy") && root.querySelector(".result");
    });
    const shown = log.length;
    await page.locator("tier0-help .result").first().click();
    await page.locator("tier0-help .article .content").waitFor();
    const previewed = log.length;
    return {
      query,
      widget: await sent(log.slice(start, loaded)),
      index: await sent(log.slice(loaded, shown)),
      preview: await sent(log.slice(shown, previewed)),
    };
  } finally {
    await context.close();
  }
}

const args = parseArgs(process.argv.slice(2));
const own = Buffer.concat(await Promise.all(["widget.js", "widget.css"].map((f) => readFile(path.join(REPO, "themes/default/widget", f)))));
const { server, log, origin } = await startServer(args.site, null);
const browser = await chromium.launch(LAUNCH_OPTIONS);
const rows = [];
try {
  for (const query of args.queries) rows.push(await measure(browser, origin, log, query, args.lang));
} finally {
  await browser.close();
  server.close();
}

console.log(`Widget's own code (themes/default/widget/widget.js + widget.css): ${kB(own.length)} kB, ${kB(gz(own))} kB gzip (budget 15 kB gzip)\n`);
console.log("| query | widget.js (engine included) | index files until the first results | before first results, total | first preview |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  const before = r.widget.gzip + r.index.gzip;
  console.log(`| \`${r.query}\` | ${kB(r.widget.gzip)} kB | ${kB(r.index.gzip)} kB (${r.index.files} files) | ${kB(before)} kB | ${kB(r.preview.gzip)} kB (${r.preview.files} file) |`);
}
if (args.json) await writeFile(args.json, JSON.stringify({ own: { raw: own.length, gzip: gz(own) }, rows }, null, 2));

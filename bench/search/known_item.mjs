// Known-item search benchmark on real documentation: does the article a
// user is looking for come first (hit@1), in the first five (hit@5), and
// how high on average (MRR), for tier0's browser engine, `tier0 search`
// (the agents' terminal) and Pagefind, on the same pages.
//
//   node bench/search/known_item.mjs [--tier0 target/release/tier0] [--corpus ../shared/corpus]
//        [--folders rust-book-es,vue-docs] [--per-kind 60] [--work DIR] [--no-pagefind] [--no-cli]
//        [--json FILE] [--misses]
//
// For each documentation folder of the corpus (real third-party docs, byte
// for byte), the script makes a tier0 site as a new user would (`tier0
// init`, the folder as content/, only `default_language` set: `es` for a
// folder whose name ends in `-es`, else `en`), builds it, and reads back
// every article's title and (excerpted) text from the exported search
// records. From them it draws, with a fixed seed, up to --per-kind queries
// of each kind:
//
// - title:      the article's title, as typed (the last word may be still
//               being typed: no trailing space);
// - accentless: the same title without its accents (only titles that have
//               some);
// - typo:       the title with one edit (a letter dropped, doubled,
//               replaced by a keyboard neighbour, or two swapped) in one
//               word of 5+ letters, never its first letter;
// - prefix:     the title cut inside a word, 3+ letters of it typed;
// - body:       four consecutive words of 3+ letters from a sentence of
//               the article's text, complete (trailing space);
// - question:   one or two title words of 4+ letters asked as a question
//               (`how do I …`, `cómo puedo …`: tests/search/queries.mjs),
//               reported beside the five above and left out of `all`.
//
// A title query is answered correctly by any article with that same title
// (documentation often repeats a title in several sections); a body query
// by any article whose indexed text has the same four words in a row
// (generated reference pages repeat whole sentences). Pagefind (the npm package pinned in
// package.json) indexes the same built HTML, limited to the article as in
// measure.mjs, and runs in headless Chromium; tier0's engine runs in Node
// over the exported files (it is the same module the browser loads), and
// `tier0 search --json` is run once per query.
//
// Prints one Markdown table per language; --json writes every query with
// each engine's ranks; --misses lists the queries the engine ranked
// below 1.

import { execFile, execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

import { LAUNCH_OPTIONS } from "../../tests/browser/chromium.mjs";
import { BLANK, runPagefind, startServer } from "./common.mjs";
import { KNOWN_ITEM_KINDS, makeQueries } from "../../tests/search/queries.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..", "..");
const LIMIT = 10;

function usage(message) {
  if (message) console.error(`known_item.mjs: ${message}`);
  console.error("usage: node bench/search/known_item.mjs [--tier0 BIN] [--corpus DIR] [--folders a,b] "
    + "[--per-kind N] [--work DIR] [--no-pagefind] [--no-cli] [--json FILE] [--misses]");
  process.exit(2);
}

function parseArgs(argv) {
  const args = { tier0: path.join(REPO, "target", "release", "tier0"), corpus: path.resolve(REPO, "..", "shared", "corpus"),
    folders: null, perKind: 60, work: null, pagefind: true, cli: true, json: null, misses: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === "--tier0") args.tier0 = path.resolve(value());
    else if (a === "--corpus") args.corpus = path.resolve(value());
    else if (a === "--folders") args.folders = value().split(",").filter(Boolean);
    else if (a === "--per-kind") args.perKind = Number(value());
    else if (a === "--work") args.work = path.resolve(value());
    else if (a === "--no-pagefind") args.pagefind = false;
    else if (a === "--no-cli") args.cli = false;
    else if (a === "--json") args.json = path.resolve(value());
    else if (a === "--misses") args.misses = true;
    else usage(`unexpected argument ${a}`);
  }
  if (!(args.perKind >= 1)) usage("--per-kind must be a positive number");
  return args;
}

// --------------------------------------------------------------------------
// Sites

async function makeSite(args, folder, work) {
  const site = path.join(work, folder);
  const lang = folder.endsWith("-es") ? "es" : "en";
  await rm(site, { recursive: true, force: true });
  execFileSync(args.tier0, ["init", site], { stdio: "ignore" });
  await rm(path.join(site, "content"), { recursive: true });
  await cp(path.join(args.corpus, folder), path.join(site, "content"), { recursive: true });
  const config = path.join(site, "tier0.yaml");
  const text = await readFile(config, "utf8");
  const set = text.replace(/^default_language:.*$/m, `default_language: ${lang}`);
  if (set === text && !text.includes(`default_language: ${lang}`)) throw new Error(`${config}: no default_language line`);
  await writeFile(config, set);
  execFileSync(args.tier0, ["build", "--quiet", "--root", site], { stdio: ["ignore", "ignore", "inherit"] });
  return { site, lang, out: path.join(site, "public") };
}

const unwrapFile = (text) => JSON.parse(text.slice(text.indexOf('",') + 2, text.length - "]);\n".length));

async function articles(out, lang) {
  const dir = path.join(out, "search", lang);
  const manifest = unwrapFile(await readFile(path.join(dir, "manifest.js"), "utf8"));
  const records = [];
  const files = (await readdir(path.join(dir, manifest.build, "r"))).map((f) => Number(f.slice(0, -3))).sort((a, b) => a - b);
  for (const f of files) records.push(...unwrapFile(await readFile(path.join(dir, manifest.build, "r", `${f}.js`), "utf8")));
  return records;
}

// --------------------------------------------------------------------------
// Queries

// --------------------------------------------------------------------------
// Engines

async function tier0Engine(out, lang) {
  const { createSearch } = await import(pathToFileURL(path.join(REPO, "search-index", "js", "tier0-search.js")));
  const dir = path.join(out, "search");
  const s = createSearch({ lang, load: (p) => readFile(path.join(dir, p), "utf8") });
  return async (query) => (await s.search(query, { limit: LIMIT })).map((r) => r.id);
}

function cliSearch(args, site, lang) {
  return (query) => new Promise((resolve, reject) => {
    execFile(args.tier0, ["search", "--quiet", "--root", site, "--lang", lang, "--json", "--limit", String(LIMIT), "--", query],
      { maxBuffer: 16 << 20 }, (error, stdout) => {
        if (error && error.code !== 3 && error.code !== 1 && !stdout) return reject(error);
        try { resolve(JSON.parse(stdout).results.map((r) => r.id)); } catch (e) { reject(new Error(`${query}: ${e.message}: ${stdout}`)); }
      });
  });
}

async function pagefindRanks(out, records, queries) {
  const bundle = await mkdtemp(path.join(tmpdir(), "t0-ki-pagefind-"));
  try {
    const indexed = await runPagefind(out, bundle);
    const { server, origin } = await startServer(out, bundle);
    const browser = await chromium.launch(LAUNCH_OPTIONS);
    try {
      const page = await browser.newPage();
      await page.goto(origin + BLANK);
      const urls = await page.evaluate(async ({ qs, limit }) => {
        const pagefind = await import("/pagefind/pagefind.js");
        const found = [];
        for (const q of qs) {
          const search = await pagefind.search(q);
          found.push((await Promise.all(search.results.slice(0, limit).map((r) => r.data()))).map((d) => d.url));
        }
        return found;
      }, { qs: queries.map((q) => q.query), limit: LIMIT });
      const byUrl = new Map(records.map((r) => [canonical(r.url), r.id]));
      return { version: indexed.version, ids: urls.map((list) => list.map((u) => byUrl.get(canonical(u)) ?? u)) };
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    await rm(bundle, { recursive: true, force: true });
  }
}

// Records hold site-relative URLs (`docs/x/`), Pagefind root-relative ones (`/docs/x/`).
const canonical = (url) => decodeURI(`/${url.replace(/^\.?\/+/, "")}`.replace(/index\.html$/, "").replace(/\/?$/, "/"));

// --------------------------------------------------------------------------
// Scores

const rankOf = (ids, targets) => {
  const i = ids.findIndex((id) => targets.includes(id));
  return i < 0 ? null : i + 1;
};

function summarize(rows, engine) {
  const ranks = rows.map((r) => r.ranks[engine]).filter((r) => r !== undefined);
  if (ranks.length === 0) return null;
  const n = ranks.length;
  return {
    n,
    hit1: ranks.filter((r) => r === 1).length / n,
    hit5: ranks.filter((r) => r !== null && r <= 5).length / n,
    mrr: ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / n,
  };
}

function report(rows, engines) {
  const f = (x) => x.toFixed(2);
  for (const lang of [...new Set(rows.map((r) => r.lang))].sort()) {
    const mine = rows.filter((r) => r.lang === lang);
    console.log(`\n### ${lang} (${[...new Set(mine.map((r) => r.folder))].join(", ")})\n`);
    console.log(`| kind | n | ${engines.map((e) => `${e} hit@1 | ${e} hit@5 | ${e} MRR`).join(" | ")} |`);
    console.log(`| --- | ---: | ${engines.map(() => "---: | ---: | ---:").join(" | ")} |`);
    for (const kind of [...KNOWN_ITEM_KINDS, "all", "question"]) {
      const subset = kind === "all" ? mine.filter((r) => KNOWN_ITEM_KINDS.includes(r.kind)) : mine.filter((r) => r.kind === kind);
      if (subset.length === 0) continue;
      const cells = engines.map((e) => {
        const s = summarize(subset, e);
        return s ? `${f(s.hit1)} | ${f(s.hit5)} | ${f(s.mrr)}` : "– | – | –";
      });
      console.log(`| ${kind} | ${subset.length} | ${cells.join(" | ")} |`);
    }
  }
}

// --------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const folders = args.folders || (await readdir(args.corpus, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const work = args.work || await mkdtemp(path.join(tmpdir(), "t0-known-item-"));
  const rows = [];
  const engines = ["engine", ...(args.cli ? ["cli"] : []), ...(args.pagefind ? ["pagefind"] : [])];
  let pagefindVersion = null;
  let disagreements = 0;
  try {
    for (const folder of folders) {
      const { site, lang, out } = await makeSite(args, folder, work);
      const records = await articles(out, lang);
      const queries = makeQueries(folder, records, args.perKind, [...KNOWN_ITEM_KINDS, "question"], lang);
      const engine = await tier0Engine(out, lang);
      const cli = args.cli ? cliSearch(args, site, lang) : null;
      const pagefind = args.pagefind ? await pagefindRanks(out, records, queries) : null;
      if (pagefind) pagefindVersion = pagefind.version;
      for (const [i, q] of queries.entries()) {
        const found = { engine: await engine(q.query) };
        if (cli) found.cli = await cli(q.query);
        if (pagefind) found.pagefind = pagefind.ids[i];
        if (cli && found.cli.join("\n") !== found.engine.join("\n")) disagreements++;
        const ranks = Object.fromEntries(Object.entries(found).map(([e, ids]) => [e, rankOf(ids, q.targets)]));
        rows.push({ folder, lang, ...q, ranks, top: found.engine.slice(0, 3) });
      }
      console.error(`${folder}: ${records.length} articles, ${queries.length} queries`);
    }
  } finally {
    if (!args.work) await rm(work, { recursive: true, force: true });
  }
  console.log(`Known-item queries: ${rows.length} over ${folders.length} folders; engines: ${engines.join(", ")}`
    + `${pagefindVersion ? ` (Pagefind ${pagefindVersion})` : ""}.`);
  if (args.cli) console.log(`\`tier0 search\` and the browser engine: ${rows.length - disagreements} of ${rows.length} top-10 lists identical.`);
  report(rows, engines);
  if (args.misses) {
    console.log("\n### Engine misses (rank ≠ 1)\n");
    for (const r of rows.filter((x) => x.ranks.engine !== 1)) {
      console.log(`- ${r.folder} ${r.kind} \`${r.query}\` → ${r.ranks.engine ?? "none"} (want ${r.target}; got ${r.top.join(", ")})`);
    }
  }
  if (args.json) await writeFile(args.json, JSON.stringify({ engines, pagefind: pagefindVersion, rows }, null, 1));
}

await main();

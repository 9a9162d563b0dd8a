// The help site's search box ranks like `tier0 search`.
//
// For a set of whole-word queries, the browser engine (reading the files a
// real build exported) must return the same top 10 articles in the same
// order as `tier0 search --json` over the same build's tantivy index: on the
// example knowledge base and on a generated corpus. Needs target/debug/tier0
// (built by `cargo test`) and python3 (for the corpus generator).
//
// Run: node --test tests/search/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createSearch } from "../../search-index/js/tier0-search.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tier0 = process.env.TIER0_BIN || path.join(repo, "target/debug/tier0");
const scratch = mkdtempSync(path.join(tmpdir(), "tier0-agreement-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function build(root) {
  execFileSync(tier0, ["build", "--quiet", "--root", root], { stdio: ["ignore", "ignore", "inherit"] });
}

function cliTop10(root, lang, query) {
  const run = spawnSync(tier0, ["search", "--json", "--limit", "10", "--root", root, "--lang", lang, query], { encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, `tier0 search failed: ${run.stderr}`);
  return run.status === 0 ? JSON.parse(run.stdout).results.map((r) => r.id) : [];
}

async function engineTop10(root, lang, query) {
  const search = createSearch({ lang, load: (p) => readFile(path.join(root, "public", "search", p)) });
  // A trailing space marks the last word as complete: no prefix completion.
  return (await search.search(`${query} `, { limit: 10 })).map((r) => r.id);
}

async function assertAgreement(root, lang, queries) {
  let nonEmpty = 0;
  for (const query of queries) {
    const expected = cliTop10(root, lang, query);
    assert.deepEqual(await engineTop10(root, lang, query), expected, `${lang}: "${query}"`);
    if (expected.length) nonEmpty += 1;
  }
  assert.ok(nonEmpty >= queries.length * 0.8, `only ${nonEmpty} of ${queries.length} queries found anything`);
}

/** Queries from the site's own titles: one and two content words each. */
function titleQueries(root, lang, count) {
  const { articles } = JSON.parse(readFileSync(path.join(root, "public", "articles.json"), "utf8"));
  const queries = [];
  for (const article of articles.filter((a) => a.lang === lang).slice(0, count)) {
    const words = article.title.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 4);
    if (words.length) queries.push(words[0]);
    if (words.length > 1) queries.push(`${words[0]} ${words[words.length - 1]}`);
  }
  return queries;
}

let example, generated;
before(() => {
  example = path.join(scratch, "example");
  cpSync(path.join(repo, "content"), path.join(example, "content"), { recursive: true });
  cpSync(path.join(repo, "tier0.yaml"), path.join(example, "tier0.yaml"));
  build(example);
  generated = path.join(scratch, "generated");
  execFileSync("python3", [path.join(repo, "bench/gen_corpus.py"), generated, "--articles", "600", "--seed", "7"]);
  build(generated);
});

test("example knowledge base: hand-picked queries", async () => {
  await assertAgreement(example, "es", [
    "contraseña", "contraseñas", "vpn", "wifi", "impresora", "outlook", "0x80070005", "AADSTS50126",
    "ERR_CONNECTION_RESET", "cuenta bloqueada", "certificado vpn", "correo outlook", "windows update",
    "teams", "batería portátil", "bitlocker", "conectar", "error servidor",
  ]);
  await assertAgreement(example, "en", ["password", "wifi", "laptop", "vpn", "outlook", "teams"]);
});

test("example knowledge base: queries from every title", async () => {
  await assertAgreement(example, "es", titleQueries(example, "es", 40));
});

test("generated corpus: queries from titles, Spanish and English", async () => {
  await assertAgreement(generated, "es", titleQueries(generated, "es", 40));
  await assertAgreement(generated, "en", titleQueries(generated, "en", 20));
});

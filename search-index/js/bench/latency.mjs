// Engine time per query with every file it needs already loaded (warm):
// what the user waits for between keystrokes once the shards are cached.
// Usage: node search-index/js/bench/latency.mjs <search dir> <expected.json> [lang]
// The queries are built from expected.json (bench_export's query set):
// 1-, 2- and 3-word queries as written, each word typed halfway (prefix),
// and words of 5+ letters with two letters swapped (typo). Prints the
// median and 90th percentile per kind, over 20 timed runs of each query.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createSearch } from "../tier0-search.js";

const [dir, expectedPath, lang = "es"] = process.argv.slice(2);
const expected = JSON.parse(await readFile(expectedPath, "utf8")).filter((e) => e.lang === lang);
const files = new Map();
const engine = createSearch({
  lang,
  load: async (p) => {
    if (!files.has(p)) files.set(p, await readFile(path.join(dir, p)));
    return files.get(p);
  },
});

const queries = [];
for (const { query } of expected) {
  const words = query.split(" ");
  queries.push({ kind: `${Math.min(words.length, 3)}-word`, q: query + " " });
  const last = words[words.length - 1];
  if (last.length >= 4) queries.push({ kind: "prefix", q: [...words.slice(0, -1), last.slice(0, Math.ceil(last.length / 2))].join(" ") });
  const long = words.find((w) => w.length >= 5);
  if (long) queries.push({ kind: "typo", q: long.slice(0, 2) + long[3] + long[2] + long.slice(4) + " " });
}

for (const { q } of queries) await engine.search(q); // load everything once
const times = {};
for (let run = 0; run < 20; run++) {
  for (const { kind, q } of queries) {
    const t0 = performance.now();
    await engine.search(q);
    (times[kind] ??= []).push(performance.now() - t0);
  }
}
const all = [];
for (const [kind, list] of Object.entries(times).sort()) {
  list.sort((a, b) => a - b);
  all.push(...list);
  console.log(`${kind.padEnd(7)} ${String(list.length / 20).padStart(4)} queries: median ${list[list.length >> 1].toFixed(2)} ms, p90 ${list[Math.floor(list.length * 0.9)].toFixed(2)} ms`);
}
all.sort((a, b) => a - b);
console.log(`all     ${String(all.length / 20).padStart(4)} queries: median ${all[all.length >> 1].toFixed(2)} ms, p90 ${all[Math.floor(all.length * 0.9)].toFixed(2)} ms`);

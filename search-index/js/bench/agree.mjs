// Compares the engine's top 10 with the Rust engine's for the queries that
// bench_export (or export_fixture) wrote. Exit code 1 on any difference.
// Usage: node search-index/js/bench/agree.mjs <search dir> <expected.json>
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createSearch } from "../tier0-search.js";

const [dir, expectedPath] = process.argv.slice(2);
const expected = JSON.parse(await readFile(expectedPath, "utf8"));
const engines = {};
let differ = 0;
for (const { lang, query, ids } of expected) {
  engines[lang] ??= createSearch({ lang, load: (p) => readFile(path.join(dir, p)) });
  const got = (await engines[lang].search(query + " ")).map((r) => r.id);
  if (JSON.stringify(got) !== JSON.stringify(ids)) {
    differ++;
    console.log(`differs: ${JSON.stringify(query)}\n  rust ${ids.join(" ")}\n  js   ${got.join(" ")}`);
  }
}
console.log(`${expected.length - differ} passed, ${differ} failed`);
process.exitCode = differ ? 1 : 0;

// Measures what the engine fetches for a query: files, raw and gzip bytes.
// Usage: node search-index/js/bench/measure.mjs <search dir> [query ...]
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { createSearch } from "../tier0-search.js";

const [dir, ...queries] = process.argv.slice(2);
const engineGz = gzipSync(await readFile(new URL("../tier0-search.js", import.meta.url)), { level: 9 }).length;
const list = queries.length ? queries : ["contraseña ", "red ", "impres", "contraseña red ", "configuración usuario error "];
console.log(`engine JS: ${engineGz} B gzip`);
for (const query of list) {
  const fetched = [];
  const engine = createSearch({
    lang: "es",
    load: async (p) => {
      const bytes = await readFile(path.join(dir, p));
      fetched.push({ p, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
      return bytes;
    },
  });
  const t0 = performance.now();
  const results = await engine.search(query);
  const ms = performance.now() - t0;
  const raw = fetched.reduce((s, f) => s + f.raw, 0);
  const gz = fetched.reduce((s, f) => s + f.gz, 0);
  const kinds = {};
  for (const f of fetched) {
    const k = f.p.includes("/r/") ? "records" : f.p.includes("/v/") ? "vocab" : f.p.includes("/p/") ? "postings" : f.p.includes("/t/") ? "tails" : f.p.endsWith("manifest.js") ? "manifest" : "other";
    kinds[k] = kinds[k] || { n: 0, gz: 0 };
    kinds[k].n++;
    kinds[k].gz += f.gz;
  }
  const detail = Object.entries(kinds).map(([k, v]) => `${k} ${v.n}×=${v.gz}`).join(", ");
  console.log(`${JSON.stringify(query)}: ${results.length} results, ${fetched.length} files, ${raw} B raw, ${gz} B gzip (+ engine = ${gz + engineGz} B) [${detail}] ${ms.toFixed(0)} ms`);
}

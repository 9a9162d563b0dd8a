// Regenerates FOLD_TABLE in ../tier0-search.js from the Rust analyzer's folding.
// Usage: cargo run -p search-index --example export_fixture -- <dir>
//        node search-index/js/tools/gen-fold-table.mjs <dir>/folds.json
// The engine folds a (lower-cased) character with FOLD_TABLE if listed, else
// by Unicode decomposition for Latin letters, else leaves it; the table holds
// exactly the characters where that rule would differ from tantivy's
// AsciiFoldingFilter.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const folds = JSON.parse(readFileSync(process.argv[2], "utf8"));
const LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/u;
const rule = (c) => (LATIN.test(c) ? c.normalize("NFD").replace(/\p{M}/gu, "") : c);
const table = new Map();
for (let cp = 0x80; cp <= 0xffff; cp++) {
  const c = String.fromCharCode(cp);
  if (!/[\p{Alphabetic}\p{N}]/u.test(c)) continue;
  const expected = folds[c] ?? ("a" + c + "b").toLowerCase();
  const lower = [...c.toLowerCase()];
  const got = "a" + lower.map(rule).join("") + "b";
  if (got === expected) continue;
  if (lower.length !== 1) throw new Error(`cannot table ${c}: lower-cases to ${lower.length} chars`);
  const value = expected.slice(1, -1);
  if (table.has(lower[0]) && table.get(lower[0]) !== value) throw new Error(`conflict on ${lower[0]}`);
  table.set(lower[0], value);
}
const encoded = [...table].map(([k, v]) => k + v).join(" ");
const enginePath = fileURLToPath(new URL("../tier0-search.js", import.meta.url));
const engine = readFileSync(enginePath, "utf8");
const next = engine.replace(/const FOLD_TABLE = ".*";/, `const FOLD_TABLE = ${JSON.stringify(encoded)};`);
if (next === engine && !engine.includes(JSON.stringify(encoded))) throw new Error("FOLD_TABLE line not found");
writeFileSync(enginePath, next);
console.log(`FOLD_TABLE: ${table.size} entries, ${Buffer.byteLength(encoded)} bytes`);

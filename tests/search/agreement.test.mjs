// `tier0 search` and the help site's search box give the same answers.
//
// Both run the query algorithm of search-index/QUERY.md over the files a
// real build exported: the terminal in Rust (search-index/src/engine/), the
// browser in search-index/js/tier0-search.js. For hundreds of queries of
// every kind a user types (titles as typed, accent-less, misspelled,
// half-typed, body phrases, several words, error codes, two-letter starts,
// misspelled body words, questions, codes written otherwise, codes and
// words typed together that the articles write apart:
// tests/search/queries.mjs; queries of stop words alone), drawn from the example
// knowledge base and from a generated corpus, in Spanish and English, the
// two must return the same top 10 in the same order, the same corrections,
// the same "every word matched" answer and, when the browser counted every
// match, the same total. Needs target/debug/tier0 (built by `cargo test`)
// and python3 (for the corpus generator).
//
// Run: node --test tests/search/

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { ALL_KINDS, makeQueries } from "./queries.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tier0 = process.env.TIER0_BIN || path.join(repo, "target/debug/tier0");
const scratch = mkdtempSync(path.join(tmpdir(), "tier0-agreement-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function build(root) {
  execFileSync(tier0, ["build", "--quiet", "--root", root], { stdio: ["ignore", "ignore", "inherit"] });
}

function cli(root, lang, query) {
  const run = spawnSync(tier0, ["search", "--json", "--limit", "10", "--root", root, "--lang", lang, "--", query], { encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, `tier0 search ${JSON.stringify(query)} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const unwrapFile = (text) => JSON.parse(text.slice(text.indexOf('",') + 2, text.length - "]);\n".length));

function records(root, lang) {
  const dir = path.join(root, "public", "search", lang);
  const { build: b } = unwrapFile(readFileSync(path.join(dir, "manifest.js"), "utf8"));
  const files = readdirSync(path.join(dir, b, "r")).map((f) => Number(f.slice(0, -3))).sort((x, y) => x - y);
  return files.flatMap((f) => unwrapFile(readFileSync(path.join(dir, b, "r", `${f}.js`), "utf8")));
}

// The engine as the build published it, beside the files it reads. Read
// once, but a fresh engine for each query: an engine keeps the tails it
// loaded, so a shared one would try deciding from the heads alone only the
// first time it saw a term.
let createSearch;
const files = new Map();
const readOnce = (file) => {
  if (!files.has(file)) files.set(file, readFile(file));
  return files.get(file);
};
const engineFor = (root, lang) => createSearch({ lang, load: (p) => readOnce(path.join(root, "public", "search", p)) });

/** Both answers to `query`, the browser's from a fresh engine; asserts they agree and returns the CLI's. */
async function compare(root, lang, query, where) {
  const expected = cli(root, lang, query);
  const got = await engineFor(root, lang).answer(query, { limit: 10 });
  assert.deepEqual(got.results.map((r) => r.id), expected.results.map((r) => r.id), where);
  assert.deepEqual(got.corrections, expected.corrections, where);
  assert.deepEqual(got.words.map((w) => w.candidates.map((c) => c.kind)), expected.words.map((w) => w.candidates.map((c) => c.kind)), where);
  assert.deepEqual(got.words.map((w) => w.optional), expected.words.map((w) => w.optional === true), where);
  assert.equal(got.allWords, expected.all_words, where);
  if (got.totalExact) assert.equal(got.total, expected.total, where);
  else assert.ok(got.total <= expected.total, where);
  return expected;
}

async function assertAgreement(root, lang, perKind, absent = []) {
  // Seeded by the site's name, not its temporary folder: the same queries on every run.
  const queries = makeQueries(`${path.basename(root)}:${lang}`, records(root, lang), perKind, ALL_KINDS, lang);
  const kinds = new Map();
  for (const { kind, query } of queries) {
    const expected = await compare(root, lang, query, `${lang} ${kind} ${JSON.stringify(query)}`);
    const k = kinds.get(kind) || { n: 0, found: 0 };
    k.n++;
    k.found += expected.results.length > 0 ? 1 : 0;
    kinds.set(kind, k);
  }
  // Every kind was drawn and mostly finds something: the test cannot pass empty.
  for (const kind of ALL_KINDS) {
    if ((kind === "accentless" && lang === "en") || absent.includes(kind)) continue;
    const k = kinds.get(kind);
    assert.ok(k && k.n >= 5, `${lang}: too few ${kind} queries (${k ? k.n : 0})`);
    // Two title words written as one are not split when one is a stop word (`howto`, `dela`).
    const share = kind === "together" ? 0.5 : 0.7;
    assert.ok(k.found >= k.n * share, `${lang}: ${kind}: only ${k.found} of ${k.n} found anything`);
  }
  return queries.length;
}

let example, generated;
before(async () => {
  example = path.join(scratch, "example");
  cpSync(path.join(repo, "content"), path.join(example, "content"), { recursive: true });
  cpSync(path.join(repo, "tier0.yaml"), path.join(example, "tier0.yaml"));
  build(example);
  ({ createSearch } = await import(pathToFileURL(path.join(example, "public", "search", "tier0-search.js"))));
  generated = path.join(scratch, "generated");
  execFileSync("python3", [path.join(repo, "bench/gen_corpus.py"), generated, "--articles", "600", "--seed", "7"]);
  build(generated);
});

test("example knowledge base: every kind of query, Spanish and English", async () => {
  assert.ok(await assertAgreement(example, "es", 30) > 200);
  // Its English articles have no code of three pieces or more, and hardly
  // any with joiners.
  assert.ok(await assertAgreement(example, "en", 15, ["codepart", "codetypo", "compact"]) > 40);
});

test("example knowledge base: the synonyms of its tier0.yaml", async () => {
  for (const query of ["password", "password ", "passwd ", "wlan ", "inalambrica ", "túnel ", "tunel vpn ", "contraseña wlan "]) {
    const expected = await compare(example, "es", query, `es ${JSON.stringify(query)}`);
    assert.ok(expected.results.length > 0, `es ${JSON.stringify(query)} finds nothing`);
    assert.ok(expected.words.some((w) => w.candidates.some((c) => c.kind === "synonym")), `es ${JSON.stringify(query)}: no synonym`);
  }
  for (const query of ["passcode ", "wireless "]) await compare(example, "en", query, `en ${JSON.stringify(query)}`);
});

test("example knowledge base: two words that its articles write as one", async () => {
  for (const [lang, queries] of [["es", ["wi fi ", "out look ", "auto servicio"]], ["en", ["mac os ", "pass word ", "lap top", "net work "]]]) {
    for (const query of queries) {
      const where = `${lang} ${JSON.stringify(query)}`;
      const expected = await compare(example, lang, query, where);
      assert.ok(expected.results.length > 0, `${where} finds nothing`);
      assert.ok(expected.words.every((w) => w.candidates.some((c) => c.kind === "joined")), `${where}: not joined`);
    }
  }
});

test("example knowledge base: queries of stop words or question words alone", async () => {
  const queries = {
    es: ["para todos", "para", "no", "sin", "cómo", "como ", "de la", "por qué", "qué es"],
    en: ["how to", "what is", "the", "how do I find my printer", "can I", "no"],
  };
  for (const [lang, list] of Object.entries(queries)) {
    for (const query of list) await compare(example, lang, query, `${lang} ${JSON.stringify(query)}`);
  }
});

/** Every stop word of the site's vocabulary in `lang` (its `v/` shards). */
function stopWords(root, lang) {
  const dir = path.join(root, "public", "search", lang);
  const { build: b } = unwrapFile(readFileSync(path.join(dir, "manifest.js"), "utf8"));
  return readdirSync(path.join(dir, b, "v")).flatMap((f) => unwrapFile(readFileSync(path.join(dir, b, "v", f), "utf8")).words)
    .filter((e) => e[1] === null).map((e) => e[0]).sort();
}

/** The words of the Markdown sources of `lang` under `root`, lower-cased, without accents. */
function sourceWords(root, lang) {
  const english = (f) => f.endsWith(".en.md");
  const files = readdirSync(path.join(root, "content"), { recursive: true })
    .filter((f) => f.endsWith(".md") && english(f) === (lang === "en"));
  const text = files.map((f) => readFileSync(path.join(root, "content", f), "utf8")).join("\n");
  return new Set(text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().match(/\p{L}+/gu));
}

/**
 * Asserts that `query`, made only of stop words, is searched by their own postings alike in both engines,
 * and that it finds articles unless `mayBeAbsent` (the vocabulary also lists the stop words a query is
 * phrased with that no article has); whether it found any.
 */
async function assertStopWordsFound(root, lang, query, mayBeAbsent = false) {
  const where = `${lang} ${JSON.stringify(query)}`;
  const expected = await compare(root, lang, query, where);
  assert.ok(mayBeAbsent || expected.results.length > 0, `${where} finds nothing`);
  assert.ok(expected.words.every((w) => w.candidates[0].kind === "exact" && w.candidates[0].term === `.${w.surface}` && !w.optional), `${where}: not searched by its own postings`);
  return expected.results.length > 0;
}

test("queries made only of stop words find the articles that have them", async () => {
  const chosen = {
    es: ["para", "para todos", "cómo", "como ", "de la", "por qué", "con", "sobre el ", "para que se"],
    en: ["the", "to be", "it is ", "this", "with the", "for", "there are "],
  };
  for (const [lang, queries] of Object.entries(chosen)) {
    for (const query of queries) await assertStopWordsFound(example, lang, query);
  }
  // Every stop word of a larger site (common ones have tails, which the
  // browser reads only when the heads cannot decide), alone and in pairs.
  for (const lang of ["es", "en"]) {
    const words = stopWords(generated, lang);
    assert.ok(words.length > (lang === "es" ? 50 : 15), `${lang}: only ${words.length} stop words`);
    const written = sourceWords(generated, lang);
    assert.ok(words.filter((w) => written.has(w)).length > (lang === "es" ? 50 : 15), `${lang}: the sources were not read`);
    for (const [i, word] of words.entries()) {
      const found = await assertStopWordsFound(generated, lang, i % 2 ? `${word} ` : word, true);
      assert.ok(found || !written.has(word), `${lang} ${JSON.stringify(word)}: in the articles, found nothing`);
      const next = words[(i * 7 + 3) % words.length];
      if (next !== word) await assertStopWordsFound(generated, lang, `${word} ${next}`, true);
    }
  }
});

test("generated corpus: every kind of query, Spanish and English", async () => {
  assert.ok(await assertAgreement(generated, "es", 30) > 200);
  assert.ok(await assertAgreement(generated, "en", 20) > 100);
});

test("generated corpus: every two-letter start of its titles' words, as typed", async () => {
  // Short starts complete to many common words, whose tails the browser
  // reads only when the heads' bounds cannot decide the first 10.
  for (const lang of ["es", "en"]) {
    const starts = new Set(["no", "er"]);
    for (const r of records(generated, lang)) {
      for (const w of r.title.toLowerCase().match(/\p{L}{2,}/gu) || []) starts.add([...w].slice(0, 2).join(""));
    }
    assert.ok(starts.size > 40, `${lang}: only ${starts.size} starts`);
    for (const query of starts) await compare(generated, lang, query, `${lang} ${JSON.stringify(query)}`);
  }
});

test("example knowledge base: a typo in the word being typed, a web address pasted whole, a misspelled stop word, a version's v, another form", async () => {
  // Nothing starts with a misspelled beginning (`impresr`): the words that begin one letter from it answer it.
  // Of a web address, the scheme and host are optional: no article says `https` or the help site's name.
  const first = {
    "Modelos de impresr": "KB-1018",
    "Pregint": "KB-1015",
    "restablecer contrseñ": "KB-1001",
    "https://soporte.acme.example/cuentas/restablecer-contrasena/": "KB-1001",
    "https://soporte.acme.example/equipos/portatil-no-carga/": "KB-1024",
  };
  for (const [query, id] of Object.entries(first)) {
    const where = `es ${JSON.stringify(query)}`;
    const expected = await compare(example, "es", query, where);
    assert.equal(expected.results[0]?.id, id, where);
  }
  // A word one edit from a stop word may be that word misspelled (`pora` of `para`): an article need not have
  // it, where its correction `hora` asked for articles about hours.
  const where = `es ${JSON.stringify("restablecer contraseña pora correo")}`;
  assert.equal((await compare(example, "es", "restablecer contraseña pora correo", where)).results[0]?.id, "KB-1001", where);
  assert.ok((await compare(example, "es", "restablecer contrasena ortra vez", "es ortra")).all_words, "es ortra: a word unmatched");
  // No article writes `expiring`, and no word is two letters from it: its stem with another ending
  // (`expired`, `expiry`) answers it, no correction.
  const form = await compare(example, "en", "expiring password ", "en expiring");
  assert.ok(form.all_words, "en expiring: a word unmatched");
  assert.equal(form.results[0]?.id, "KB-1001", "en expiring");
  assert.deepEqual(form.corrections, [], "en expiring");
  // English doubles a consonant before `-ing` (`resetting`): the word written once answers it.
  const doubled = await compare(example, "en", "resetting password ", "en resetting");
  assert.ok(doubled.all_words, "en resetting: a word unmatched");
  assert.equal(doubled.results[0]?.id, "KB-1001", "en resetting");
  assert.deepEqual(doubled.corrections, [], "en resetting");
  // The articles write `Windows 11`, a reader `windows v11`.
  for (const query of ["windows v11 ", "microsoft v365 actualizacion"]) {
    assert.ok((await compare(example, "es", query, `es ${JSON.stringify(query)}`)).all_words, `es ${JSON.stringify(query)}: a word unmatched`);
  }
});

test("example knowledge base: hostile queries, alike in both engines", async () => {
  // What a reader pastes or mistypes: accents as combining marks (NFD),
  // invisible and direction marks, other scripts, look-alike letters,
  // operators, paths and codes, pasted paragraphs, repeats.
  const nfd = (text) => text.normalize("NFD");
  const queries = {
    es: [nfd("contraseña"), nfd("contraseña "), nfd("Conexión VPN "), nfd("contraseñ"), nfd("impresión no funciona"),
      "contra\u200bseña", "contra\u00adseña ", "impre\u2060sora", "\u202econtraseña", "ｃｏｎｔｒａｓｅñａ", "раssword", "İMPRESORA", "ımpresora ", "STRAẞE", "ΟΔΟΣ ",
      "\"contraseña caducada\"", "-impresora vpn", "impre*", "vpn AND correo", "title:vpn", "C:\\Users\\x", "/etc/hosts",
      "foo::bar()", "192.168.0.1", "v2.3.1", "#123", "@usuario", "don't", "https://example.com/kb/KB-1014?x=1#y",
      "😀 vpn", "👩‍💻 vpn", "كلمة المرور", "VPN连接失败", "vpn vpn vpn", "de la de la", "a", "0x80070005 0x80070005",
      "contraseña ".repeat(300), "a".repeat(41), "x_".repeat(30) + "y", `${"vpn correo ".repeat(20)}impre`,
      `la ${"impresora ".repeat(30)}correo vpn`, "无法连接数据库".repeat(200)],
    en: [nfd("café résumé"), "ﬁle ﬂow", "ɪnstall", "lap top ", "pass-word", "e-mail", "the the the"],
  };
  for (const [lang, list] of Object.entries(queries)) {
    for (const query of list) await compare(example, lang, query, `${lang} ${JSON.stringify(query.slice(0, 60))}`);
  }
  // A query with no word: the CLI says so (exit 2), the browser finds nothing.
  for (const query of ["", " ", "\u200b", "!?", "--", "_", "«»", "👩‍💻"]) {
    const run = spawnSync(tier0, ["search", "--json", "--root", example, "--", query], { encoding: "utf8" });
    assert.equal(run.status, 2, `${JSON.stringify(query)}: ${run.stderr}`);
    assert.deepEqual((await engineFor(example, "es").answer(query)).results, [], JSON.stringify(query));
  }
});

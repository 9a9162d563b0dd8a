// Tests of the browser engine over an index exported by the Rust side.
// Run `search-index/js/test/run.sh` (exports the fixture, then `node --test`).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import vm from "node:vm";

import { createSearch, normalize, tokenize, editDistance } from "../tier0-search.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = process.env.TIER0_SEARCH_FIXTURE || path.resolve(here, "../../../target/search-index-fixture");
const searchDir = path.join(fixture, "search");

function fsSearch(lang, log) {
  return createSearch({
    lang,
    load: (p) => {
      if (log) log.push(p);
      return readFile(path.join(searchDir, p));
    },
  });
}
const es = fsSearch("es");
const en = fsSearch("en");
const ids = (results) => results.map((r) => r.id);

/**
 * Checks the engine over the fixture folder `name` (in `lang`) against the
 * Rust engine's top 10 for each query of its expected.json, complete and as
 * typed; returns a fresh engine over it.
 */
async function agreesWithRust(name, lang) {
  const dir = path.join(fixture, name);
  const expected = JSON.parse(await readFile(path.join(dir, "expected.json"), "utf8"));
  const open = () => createSearch({ lang, load: (p) => readFile(path.join(dir, "search", p)) });
  for (const { query, ids: rust, typing } of expected) {
    const engine = open();
    assert.deepEqual(ids(await engine.search(query + " ")), rust, query);
    assert.deepEqual(ids(await engine.search(query)), typing, `${query} (typing)`);
  }
  return open();
}

test("tokenizer and folding agree with the Rust analyzer", async () => {
  const samples = JSON.parse(await readFile(path.join(fixture, "analysis.json"), "utf8"));
  for (const { text, index, query } of samples) {
    assert.deepEqual(tokenize(text, "index").map((t) => normalize(t.text)), index, text);
    assert.deepEqual(tokenize(text, "query").map((t) => normalize(t.text)), query, text);
  }
});

test("folding agrees with tantivy's AsciiFoldingFilter on every BMP letter and digit", async () => {
  const folds = JSON.parse(await readFile(path.join(fixture, "folds.json"), "utf8"));
  let checked = 0;
  for (let cp = 0x80; cp <= 0xffff; cp++) {
    const c = String.fromCharCode(cp);
    if (!/[\p{Alphabetic}\p{N}]/u.test(c)) continue;
    const expected = folds[c] ?? ("a" + c + "b").toLowerCase();
    assert.equal(normalize("a" + c + "b"), expected, `U+${cp.toString(16)} ${c}`);
    checked++;
  }
  assert.ok(checked > 40000);
});

test("top 10 equals the Rust engine's, complete and as typed", async () => {
  const expected = JSON.parse(await readFile(path.join(fixture, "expected.json"), "utf8"));
  for (const { lang, query, ids: rust, typing } of expected) {
    const engine = lang === "es" ? es : en;
    assert.deepEqual(ids(await engine.search(query + " ")), rust, `${lang} ${query}`);
    assert.deepEqual(ids(await engine.search(query)), typing, `${lang} ${query} (typing)`);
  }
});

test("exact words and Spanish/English stemming", async () => {
  const plural = ids(await es.search("contraseñas "));
  assert.ok(plural.includes("KB-1001") && plural.includes("KB-1002"));
  assert.deepEqual(ids(await es.search("contraseña ")), plural);
  assert.deepEqual(ids(await en.search("passwords ")), ids(await en.search("password ")));
  assert.equal((await es.search("impresoras ", { limit: 2 })).length, 2);
});

test("accents and case are folded", async () => {
  assert.deepEqual(ids(await es.search("CONEXION ")), ids(await es.search("conexión ")));
  assert.deepEqual(ids(await es.search("portatil ")), ids(await es.search("portátil ")));
  assert.ok(ids(await es.search("Contrasena ")).includes("KB-1001"));
});

test("an accent typed as a combining mark is the letter it goes on, as in the Rust engine", async () => {
  // `n` + U+0303 (NFD, as macOS writes file names) is `ñ`: one word, spelt
  // right, not `contrasen` corrected and `a` beside it.
  for (const [decomposed, composed] of [["contrasen\u0303a ", "contraseña "], ["contrasen\u0303a", "contraseña"],
    ["contrasen\u0303", "contraseñ"], ["CONEXIO\u0301N ", "CONEXIÓN "]]) {
    const got = await fsSearch("es").answer(decomposed);
    const want = await fsSearch("es").answer(composed);
    assert.ok(want.results.length > 0, composed);
    assert.deepEqual(ids(got.results), ids(want.results), decomposed);
    assert.deepEqual(got.words, want.words, decomposed);
    assert.deepEqual(got.corrections, [], decomposed);
  }
  assert.equal(await es.suggest("contrasen\u0303a impresra "), "contraseña impresora ");
});

test("the Turkish capital İ is an i, as in the Rust engine", async () => {
  // Lower-cased, `İ` is `i` and a combining dot: `İMPRESORA`, typed on a
  // Turkish keyboard, found nothing.
  const want = ids(await es.search("IMPRESORA "));
  assert.ok(want.length > 0);
  for (const [query, same] of [["İMPRESORA ", "IMPRESORA "], ["İMPRESORA", "IMPRESORA"], ["İmpresora ", "IMPRESORA "]]) {
    const a = await fsSearch("es").answer(query);
    assert.deepEqual(ids(a.results), ids(await es.search(same)), query);
    assert.deepEqual(a.corrections, [], query);
  }
});

test("invisible characters inside a query's words are dropped, as in the Rust engine", async () => {
  // A soft hyphen, a zero-width space, a word joiner or a direction mark
  // pasted with the query cut its word in two.
  for (const [query, same] of [["contra\u00adseña ", "contraseña "], ["impre\u200bsora", "impresora"],
    ["\u200eCONEXIÓN\u200f ", "CONEXIÓN "], ["\ufeffimpre\u2060sora impresra ", "impresora impresra "]]) {
    const a = await fsSearch("es").answer(query);
    const b = await fsSearch("es").answer(same);
    assert.ok(b.results.length > 0, same);
    assert.deepEqual(ids(a.results), ids(b.results), query);
    assert.deepEqual(a.words, b.words, query);
    assert.deepEqual(a.corrections, b.corrections, query);
  }
});

test("a query is read up to its 32nd word, as in the Rust engine", async () => {
  // A pasted page of text: the words after the 32nd, even one no article
  // has, change nothing, and the last word read is complete, not typed.
  const filler = Array.from({ length: 31 }, () => "la").join(" ");
  const read = `${filler} impresora `;
  for (const pasted of [`${filler} impresora xyzzyq`, `${filler} impresora ${"contraseña ".repeat(500)}`]) {
    const a = await fsSearch("es").answer(pasted);
    const b = await fsSearch("es").answer(read);
    assert.ok(b.results.length > 0);
    assert.deepEqual(ids(a.results), ids(b.results));
    assert.deepEqual(a.words, b.words);
  }
  const typed = await fsSearch("es").answer(`${filler} impre ${"x ".repeat(40)}`);
  assert.deepEqual(ids(typed.results), ids((await fsSearch("es").answer(`${filler} impre `)).results));
  assert.deepEqual(typed.words, (await fsSearch("es").answer(`${filler} impre `)).words);
});

test("error codes are found whole", async () => {
  assert.deepEqual(ids(await es.search("0x80070005 ")), ["KB-1060", "KB-1050"]);
  assert.deepEqual(ids(await en.search("err_connection_reset ")), ["KB-1043"]);
  assert.deepEqual(ids(await en.search("ERR_CONNECTION_RESET ")), ["KB-1043"]);
  assert.deepEqual(ids(await en.search("dns_probe_finished_nxdomain ")), ["KB-1042"]);
  assert.deepEqual(ids(await es.search("AADSTS50126 ")), ["KB-1002"]);
  assert.equal(ids(await es.search("KB-1042 "))[0], "KB-1042");
  // A part of a code, which the vocabulary has only whole: its pieces.
  assert.deepEqual(ids(await en.search("probe_finished ")), ["KB-1042"]);
  assert.deepEqual(ids(await en.search("CONNECTION_RESET")), ["KB-1043"]);
  // A misspelled piece is its correction, as a misspelled word is.
  for (const q of ["err_conection_reset ", "ERR_CONECTION_RESET", "dns_probe_finishd_nxdomain "]) {
    assert.equal(ids(await en.search(q))[0], q.startsWith("dns") ? "KB-1042" : "KB-1043", q);
  }
  const answer = await en.answer("err_conection_reset ");
  assert.deepEqual(answer.words.map((w) => w.surface), ["err", "conection", "reset"]);
  assert.deepEqual(answer.corrections, [{ from: "conection", to: "connection" }]);
  assert.equal(answer.suggestion, "err_connection_reset ");
  assert.equal(await en.suggest("ERR_CONECTION_RESTE"), "ERR_connection_reset");
  // Not when a piece is unknown: an id that no article has finds nothing.
  assert.deepEqual(ids(await es.search("KB-9999 ")), []);
});

test("a code or words typed together find what the articles write apart", async () => {
  for (const q of ["errconnectionreset ", "errconnectionreset", "connectionreset ", "err-connectionreset "]) {
    assert.deepEqual(ids(await en.search(q)), ["KB-1043"], q);
  }
  // (`errconnectionreset` is also two edits from `err_connection_reset`.)
  const answer = await en.answer("connectionreset ");
  assert.deepEqual(answer.words.map((w) => w.surface), ["connection", "reset"]);
  assert.deepEqual(ids(await en.search("probefinished ")), ["KB-1042"]);
  // A word with an answer of its own is never split, and an ordinary query
  // reads one vocabulary shard per word.
  const log = [];
  const engine = fsSearch("en", log);
  await engine.search("connection ");
  assert.equal(log.filter((p) => /\/v\/\d+\.js$/.test(p)).length, 1, log.join());
});

test("a stop word being typed is optional", async () => {
  const sorted = async (q) => ids(await es.search(q, { limit: 50 })).sort();
  const answer = await es.answer("contraseña par");
  assert.deepEqual(answer.words.map((w) => w.optional), [false, true]);
  assert.ok(answer.allWords);
  assert.ok((await sorted("contraseña ")).length > 0);
  assert.deepEqual(await sorted("contraseña par"), await sorted("contraseña "));
  assert.deepEqual((await es.answer("par")).words.map((w) => w.optional), [false]);
  assert.deepEqual((await es.answer("la par")).words.map((w) => w.optional), [false]);
});

test("a query of stop words alone finds the articles that have them, titles first", async () => {
  for (const [engine, query] of [[es, "la "], [es, "de la "], [en, "the "], [en, "is the"]]) {
    const answer = await engine.answer(query, { limit: 50 });
    assert.deepEqual(answer.words.map((w) => [w.candidates[0].term, w.optional]), answer.words.map((w) => [`.${w.surface}`, false]), query);
    assert.ok(answer.results.length > 1, query);
  }
  for (const [engine, word] of [[es, "la"], [en, "the"]]) {
    const results = await engine.search(`${word} `, { limit: 50 });
    // Those with the word in their title first, the word highlighted.
    const titled = results.map((r) => normalize(r.title).split(/\W+/).includes(word));
    assert.ok(titled[0] && titled.includes(false), `${word}: ${titled}`);
    assert.deepEqual(titled, [...titled].sort((a, b) => b - a), word);
    assert.ok(results[0].titleMatches.length > 0, word);
  }
});

test("an ordinary query never reads a stop word's postings", async () => {
  const log = [];
  const engine = fsSearch("es", log);
  await engine.search("cómo cambiar la contraseña ");
  const m = await engine.manifest();
  const shards = log.filter((p) => /\/p\/\d+\.js$/.test(p));
  assert.ok(shards.length > 0);
  for (const p of shards) {
    const terms = Object.keys(JSON.parse((await readFile(path.join(searchDir, p), "utf8")).replace(/^[^,]*,/, "").slice(0, -4)).terms);
    assert.ok(terms.every((t) => !t.startsWith(".")), p);
  }
  // A stop word's own terms are in shards before the others'.
  assert.ok(m.terms.some((k) => k.startsWith(".")) || m.terms[1] >= "0");
});

test("an English form written with its consonant doubled, or its e dropped, is the word", async () => {
  for (const [form, word] of [["resetting", "reset"], ["running", "run"], ["stopped", "stop"], ["paging", "page"]]) {
    const answer = await en.answer(`${form} `);
    const kinds = answer.words[0].candidates.map((c) => c.kind);
    assert.ok(kinds.length > 0 && kinds.every((k) => k === "form"), `${form}: ${kinds}`);
    assert.deepEqual(answer.corrections, [], form);
    assert.deepEqual(ids(answer.results), ids(await en.search(`${word} `)), form);
  }
});

test("prefix search on the word being typed", async () => {
  const typing = ids(await es.search("contras"));
  assert.ok(typing.includes("KB-1001") && typing.includes("KB-1002"), typing.join());
  assert.ok(ids(await es.search("impres")).includes("KB-1050"));
  assert.ok(ids(await en.search("err_conn")).includes("KB-1043"));
  // A finished word is not expanded.
  assert.deepEqual(await es.search("contras "), []);
});

test("another form of a word no article writes is its stem with another ending, not a correction", async () => {
  // No article writes `configurando`: `configurar` answers it, as the index's stemmer would have.
  const form = await es.answer("configurando ");
  assert.deepEqual(form.words[0].candidates.map((c) => [c.surface, c.kind]), [["configurar", "form"]]);
  assert.deepEqual(form.corrections, []);
  assert.equal(form.suggestion, null);
  assert.deepEqual(ids(form.results), ids(await es.search("configurar ")));
  // Beside a misspelled word, only that one is corrected.
  assert.equal(await es.suggest("configurando impresroa"), "configurando impresora");
  const installing = ids(await en.search("installing "));
  assert.ok(installing.length > 0);
  assert.deepEqual(installing, ids(await en.search("install ")));
});

test("typo tolerance, across vocabulary shards, and suggest()", async () => {
  assert.ok(ids(await es.search("contrasñea ")).includes("KB-1001"));
  assert.ok(ids(await es.search("impresroa ")).includes("KB-1050"));
  assert.ok(ids(await en.search("pasword ")).includes("KB-1001"));
  assert.equal(await es.suggest("impresroa atasco"), "impresora atasco");
  assert.equal(await en.suggest("printer pasword"), "printer password");
  assert.equal(await es.suggest("impresora"), null);
  // A typo in the first letters is found through the reversed vocabulary.
  assert.ok(ids(await es.search("ipmresora ")).includes("KB-1050"));
  assert.ok(ids(await es.search("xontraseña ")).includes("KB-1001"));
  const fixed = await es.answer("impresroa atasco ");
  assert.deepEqual(fixed.corrections, [{ from: "impresroa", to: "impresora" }]);
  // Shown as the results write it (the vocabulary folds accents), with a
  // capital only for a reader who typed one.
  const accented = await es.answer("contrasenia ");
  assert.deepEqual(accented.corrections, [{ from: "contrasenia", to: "contraseña" }]);
  assert.equal(accented.suggestion, "contraseña ");
  assert.deepEqual((await es.answer("restablecr ")).corrections, [{ from: "restablecr", to: "restablecer" }]);
  const capital = await es.answer("Restablecr ");
  assert.deepEqual(capital.corrections, [{ from: "restablecr", to: "Restablecer" }]);
  assert.equal(capital.suggestion, "Restablecer ");
  // A typo in the word being typed leaves nothing to complete: the words that begin one letter from it.
  assert.ok(ids(await es.search("impresr")).includes("KB-1050"));
  assert.deepEqual((await es.answer("impresr")).corrections, [{ from: "impresr", to: "impresión" }]);
  assert.equal(await es.suggest("atasco impresr"), "atasco impresion");
  assert.equal(editDistance("gthu", "github", 1, true), 1);
  assert.equal(editDistance("gthu", "github", 1), 2);
  // A word one edit from a stop word may be that word misspelled (`pora` of `para`): optional.
  const stop = await es.answer("impresora permisos pora ");
  assert.equal(stop.allWords, true);
  assert.deepEqual(ids(stop.results), ["KB-1050"]);
  // Short words get no typo tolerance.
  assert.deepEqual(await es.search("rdd "), []);
  assert.equal(editDistance("abcd", "abdc", 1), 1);
  assert.equal(editDistance("abcdefgh", "abcdefgh", 2), 0);
});

test("AND first, OR when AND finds nothing, and the count", async () => {
  assert.deepEqual(ids(await es.search("impresora permisos ")), ["KB-1050"]);
  const and = await es.answer("impresora permisos ");
  assert.equal(and.allWords, true);
  assert.equal(and.total, 1);
  const or = await es.answer("impresora teletrabajo ");
  assert.equal(or.allWords, false);
  assert.ok(ids(or.results).includes("KB-1050") && ids(or.results).includes("KB-1090"));
  const few = await es.answer("contraseña ", { limit: 1 });
  assert.equal(few.results.length, 1);
  assert.ok(few.total >= 2);
});

test("two words find the word they make together, with the matched word highlighted", async () => {
  // KB-1100 says "WebSocket" and "websocket", never "web" or "socket".
  for (const q of ["web socket", "web socket ", "web sockets "]) assert.equal(ids(await en.search(q))[0], "KB-1100", q);
  const joined = await en.answer("web socket ");
  assert.equal(joined.words.length, 2);
  for (const w of joined.words) assert.ok(w.candidates.some((c) => c.kind === "joined" && c.term === "websocket"), w.surface);
  const [first] = joined.results;
  assert.ok(first.matches.length > 0 && /websocket/i.test(first.snippet.slice(first.matches[0][0], first.matches[0][1])), first.snippet);
  // A stop word is never joined: "in" + "stall" is not "install".
  const stop = await en.answer("in stall ");
  assert.ok(stop.words.every((w) => w.candidates.every((c) => c.kind !== "joined")));
});

test("an identifier written otherwise finds its article", async () => {
  // KB-1002 writes AADSTS50126; KB-1060 and KB-1050 write 0x80070005.
  for (const q of ["AADSTS 50126", "aadsts-50126 ", "aadsts_50126", "AADSTS 50126 "]) assert.equal(ids(await en.search(q))[0], "KB-1002", q);
  for (const q of ["80070005", "80070005 "]) assert.deepEqual(ids(await es.search(q)), ids(await es.search("0x80070005 ")), q);
  for (const q of ["kb1043 ", "KB1043", "kb 1043"]) assert.equal(ids(await es.search(q))[0], "KB-1043", q);
  const kinds = async (q) => (await en.answer(q)).words.map((w) => w.candidates.map((c) => c.kind));
  assert.deepEqual(await kinds("80070005 "), [["variant"]]);
  assert.deepEqual(await kinds("aadsts 50126 "), [["joined"], ["joined"]]);
  assert.deepEqual(await kinds("kb1043 "), [["exact"], ["exact"]]);
  // Two numbers are never joined: `10 4` is not 104.
  assert.ok((await kinds("1 002 ")).flat().every((k) => k !== "joined"));
});

test("the word being typed is completed and not beaten by a shorter exact word", async () => {
  // "contras" is no word; typing it finds the password articles.
  const typing = await es.answer("contras");
  assert.ok(typing.words[0].candidates.some((c) => c.kind === "prefix" && c.surface.startsWith("contrasen")));
  // A stop word being typed alone is itself and a word being started: "con" → "conexión".
  const con = await es.answer("con");
  assert.ok(con.results.length > 0);
  assert.equal(con.words[0].candidates[0].term, ".con");
  assert.ok(con.words[0].candidates.length > 1 && con.words[0].candidates.slice(1).every((c) => c.kind === "prefix"));
});

test("filters by category, tier and type", async () => {
  const all = await es.search("contraseña ");
  assert.ok(all.some((r) => r.category !== "cuentas"));
  // A section takes in its subsections (`cuentas/politicas`), and only them.
  const cuentas = await es.search("contraseña ", { filters: { category: "cuentas" } });
  assert.deepEqual(ids(cuentas).sort(), ["KB-1001", "KB-1002"]);
  assert.ok(cuentas.every((r) => r.category === "cuentas" || r.category.startsWith("cuentas/")));
  const sub = await es.search("contraseña ", { filters: { category: "cuentas/politicas" } });
  assert.deepEqual(ids(sub), ["KB-1002"]);
  assert.deepEqual(await es.search("contraseña ", { filters: { category: "cuenta" } }), []);
  const l2 = await es.search("contraseña ", { filters: { tier: "L2" } });
  assert.ok(l2.length > 0 && l2.every((r) => r.tier === "L2"));
  const faq = await es.search("contraseña ", { filters: { type: ["faq"] } });
  assert.deepEqual(ids(faq), ["KB-1002"]);
  assert.deepEqual(await es.search("contraseña ", { filters: { category: "nada" } }), []);
});

test("results carry record fields, a plain-text snippet with ranges, and the anchor", async () => {
  const [hit] = await es.search("0x80070005 ", { limit: 1 });
  assert.equal(hit.id, "KB-1060");
  const [printer] = (await es.search("0x80070005 ")).filter((r) => r.id === "KB-1050");
  assert.equal(printer.anchor, "acceso-denegado");
  assert.equal(printer.url, "impresion/impresora-no-imprime/");
  assert.equal(printer.tier, "L1");
  assert.equal(printer.type, "troubleshooting");
  assert.ok(printer.matches.length > 0);
  for (const [a, b] of printer.matches) assert.equal(printer.snippet.slice(a, b), "0x80070005");
  const [reset] = await es.search("reiniciar adaptador ");
  assert.equal(reset.anchor, "reiniciar-el-adaptador");
  assert.ok(reset.matches.some(([a, b]) => normalize(reset.snippet.slice(a, b)) === "adaptador"));
  assert.ok(typeof reset.score === "number" && reset.score > 0);
});

test("a one-word query fetches one vocabulary shard, one postings shard and its records", async () => {
  const log = [];
  const engine = fsSearch("es", log);
  const results = await engine.search("impresora ");
  const kinds = log.map((p) => p.replace(/^es\/[0-9a-f]{16}\//, "").replace(/\d+/g, "N"));
  assert.deepEqual(kinds.filter((k) => k.startsWith("v/")), ["v/N.js"]);
  assert.deepEqual(kinds.filter((k) => k.startsWith("p/")), ["p/N.js"]);
  assert.equal(kinds.filter((k) => k.startsWith("t/") || k === "filters.js" || k === "reversed.js").length, 0);
  // Records come in files of `manifest.records`: one file per distinct group.
  const m = await engine.manifest();
  const groups = new Set(results.map((r) => r.id)).size;
  assert.ok(m.records >= 1);
  assert.ok(kinds.filter((k) => k.startsWith("r/")).length <= groups);
});

test("only a typo lookup reads the reversed vocabulary's keys", async () => {
  const log = [];
  const engine = fsSearch("es", log);
  await engine.search("impresora ");
  assert.ok(!log.some((p) => p.endsWith("/reversed.js")), log.join());
  // A typo in the first letters is found through the reversed vocabulary.
  assert.ok((await engine.search("ompresora ")).length > 0);
  assert.equal(log.filter((p) => p.endsWith("/reversed.js")).length, 1, log.join());
  assert.ok(log.some((p) => /\/w\/\d+\.js$/.test(p)), log.join());
});

test("a title half-typed or misspelled is the query, as in the Rust engine", async () => {
  // pip's docs: `Dependency Resolut` found "More on Dependency Resolution"
  // before "Dependency Resolution".
  const engine = await agreesWithRust("typed", "en");
  assert.equal(ids(await engine.search("Dependency Resolut"))[0], "resolution");
  assert.equal(ids(await engine.search("Dependency Resoluiton "))[0], "resolution");
  assert.equal(ids(await engine.search("Install"))[0], "installation");
  // Hugo's docs: the title that is the word typed before one that begins with it.
  assert.deepEqual(ids(await engine.search("page")).slice(0, 2), ["page", "pagers"]);
  // Node.js's API docs: `HTTP`, typed whole, found "HTTPS" first.
  assert.deepEqual(ids(await engine.search("HTTP")).slice(0, 2), ["http", "https"]);
});

test("Chinese words inside sentences are found, as in the Rust engine", async () => {
  // The fifth held-out round: a run of Chinese letters was one token, so
  // `加密` found nothing in "如果文件加密失败，…".
  const engine = await agreesWithRust("cjk", "zh");
  assert.deepEqual(ids(await engine.search("加密 ")), ["zh-1"]);
  assert.deepEqual(ids(await engine.search("数据库")), ["zh-2"]);
  // One letter being typed: the pairs it begins.
  assert.deepEqual(ids(await engine.search("加")).sort(), ["zh-1", "zh-4"]);
  const [first] = await engine.search("文件加密");
  assert.equal(first.id, "zh-1");
  assert.ok(first.titleMatches.length > 0, "the title is highlighted");
});

test("a one-word title comes first from beyond the first results, as in the Rust engine", async () => {
  // Hugo's docs: `template` did not show the page titled "Template", which
  // 30 pages outscore; the term lists the pages whose title is that word.
  // Its posting is in the tail, which the browser then reads.
  await agreesWithRust("sole", "en");
  const sole = path.join(fixture, "sole");
  const log = [];
  const engine = createSearch({ lang: "en", load: (p) => { log.push(p); return readFile(path.join(sole, "search", p)); } });
  assert.equal(ids(await engine.search("template "))[0], "template");
  assert.ok(log.some((p) => /\/t\/\d+\.js$/.test(p)), log.join());
  for (const query of ["template ", "Template", "templatr "]) {
    const first = ids(await engine.search(query));
    assert.equal(first[0], "template", `${query}: ${first}`);
    assert.equal(first.length, 10, query);
    assert.deepEqual(ids(await engine.search(query, { limit: 1 })), ["template"], query);
    const all = ids(await engine.search(query, { limit: 40 }));
    assert.equal(new Set(all).size, all.length, `${query}: each result once`);
    assert.equal(all.length, 32, query);
    assert.deepEqual(all.slice(0, 10), first, `${query}: the first 10 whatever the limit`);
  }
  // Only a page of that one-word title joins: two words keep the score's order.
  assert.equal(ids(await engine.search("template lookup "))[0], "t00");
  const filtered = ids(await engine.search("template ", { filters: { type: "troubleshooting" } }));
  assert.deepEqual(filtered, [], "a filter applies to the pages that join");
});

test("a tail of more levels than one-byte letters scores every article as the Rust engine does", async () => {
  // `ledger`'s tail keeps 256 score levels: its best are two-byte letters.
  const dir = path.join(fixture, "levels");
  const rust = JSON.parse(await readFile(path.join(dir, "expected.json"), "utf8"));
  assert.equal(rust.length, 400);
  const tails = (await readdir(path.join(dir, "search", "en"), { recursive: true })).filter((p) => /t\/\d+\.js$/.test(p));
  const tailText = (await Promise.all(tails.map((p) => readFile(path.join(dir, "search", "en", p), "utf8")))).join("");
  assert.match(tailText, /[\u00a1-\u0144]/, "some level letters take two bytes");
  const engine = createSearch({ lang: "en", load: (p) => readFile(path.join(dir, "search", p)) });
  const { results } = await engine.answer("ledger ", { limit: 400, count: true });
  assert.deepEqual(results.map((r) => [r.id, r.score]), rust);
});

test("a malformed tail is refused, not read as scores", async () => {
  const dir = path.join(fixture, "levels", "search");
  const spoiled = (spoil) => createSearch({
    lang: "en",
    load: async (p) => {
      const text = await readFile(path.join(dir, p), "utf8");
      if (!/\/t\/\d+\.js$/.test(p)) return text;
      const json = JSON.parse(text.slice(text.indexOf('",') + 2, text.length - "]);\n".length));
      for (const term of Object.keys(json.terms)) json.terms[term] = spoil(json.terms[term]);
      return json;
    },
  });
  for (const spoil of [(t) => t + "!", (t) => t.slice(0, -1), (t) => t.slice(0, -1) + " ", (t) => "A" + t]) {
    await assert.rejects(spoiled(spoil).answer("ledger ", { limit: 400, count: true }), /bad/);
  }
});

test("the heads decide a word found in more titles than a head holds: no tail is read", async () => {
  // 40 titles have `conexión`, the head of its postings 24 of them (titles
  // first): the 10 best are in the head, and the tail's best postings
  // without the title bit (`rest`) cannot reach a title.
  const titles = path.join(fixture, "titles");
  const expected = JSON.parse(await readFile(path.join(titles, "expected.json"), "utf8"));
  const byQuery = new Map(expected.map((e) => [e.query, e]));
  // Typed whole, and being typed: the completion's own head decides.
  const cases = [["conexión ", byQuery.get("conexión").ids], ["conexión", byQuery.get("conexión").typing], ["conexi", byQuery.get("conexi").typing]];
  for (const [typed, want] of cases) {
    const log = [];
    const engine = createSearch({ lang: "es", load: (p) => { log.push(p); return readFile(path.join(titles, "search", p)); } });
    const answer = await engine.answer(typed);
    assert.deepEqual(ids(answer.results), want, typed);
    assert.deepEqual(log.filter((p) => /\/t\/\d+\.js$/.test(p)), [], `${typed}: ${log.join()}`);
    assert.equal(answer.totalExact, false, typed);
    // The tail is there: counting reads it.
    const counted = await engine.answer(typed, { count: true });
    assert.equal(counted.total, 83, typed);
    assert.ok(log.some((p) => /\/t\/\d+\.js$/.test(p)), typed);
  }
});

test("the tails decide when articles without the word in their title score above the head's last", async () => {
  // 40 titles have `conexión`, 34 of them with `zorzal` in the body; 3
  // other articles have `conexión` everywhere but in the title, and
  // `zorzal`. No title has both words, so the score decides: those 3 first.
  // Their `conexión` postings are in the tail; only its `rest` bound says
  // they may beat the head. Each answer from a fresh engine, whose first
  // look at the terms is through the heads.
  const titles = path.join(fixture, "titles");
  const expected = JSON.parse(await readFile(path.join(titles, "expected.json"), "utf8"));
  const rust = expected.find((e) => e.query === "conexión zorzal").ids;
  const fresh = () => createSearch({ lang: "es", load: (p) => readFile(path.join(titles, "search", p)) });
  const heads = await fresh().answer("conexión zorzal ");
  const whole = await fresh().answer("conexión zorzal ", { count: true });
  assert.deepEqual(ids(heads.results).slice(0, 3).sort(), ["KB-2080", "KB-2081", "KB-2082"]);
  assert.deepEqual(ids(heads.results), ids(whole.results).slice(0, 10));
  assert.deepEqual(ids(heads.results), rust);
});

test("a term whose head is empty but has a tail (a corrupt index) reads the tail", async () => {
  // The head of `conexión` emptied: nothing bounds its tail but the term's
  // best score, so `zorzal`'s head cannot decide the first 10.
  const titles = path.join(fixture, "titles", "search");
  const emptied = () => createSearch({
    lang: "es",
    load: async (p) => {
      const text = await readFile(path.join(titles, p), "utf8");
      if (!/\/p\/\d+\.js$/.test(p)) return text;
      const json = JSON.parse(text.slice(text.indexOf('",') + 2, text.length - "]);\n".length));
      for (const [term, entry] of Object.entries(json.terms)) if (term.startsWith("conex") && entry.tail !== undefined) entry.head = "";
      return json;
    },
  });
  const heads = await emptied().answer("conexión zorzal ");
  const whole = await emptied().answer("conexión zorzal ", { count: true });
  assert.equal(whole.results.length, 10);
  assert.deepEqual(ids(heads.results), ids(whole.results));
});

test("data files and the classic engine load as scripts, without fetch (file://)", async () => {
  // What a <script> injection does: run the file, which pushes [path, json].
  const viaScripts = createSearch({
    lang: "en",
    load: async (p) => {
      const code = await readFile(path.join(searchDir, p), "utf8");
      const context = { self: {} };
      vm.runInNewContext(code, context);
      const [[pushedPath, json]] = context.self.__tier0Search;
      assert.equal(pushedPath, p);
      return json;
    },
  });
  assert.deepEqual(ids(await viaScripts.search("err_connection_reset ")), ["KB-1043"]);

  const classic = await readFile(path.join(searchDir, "tier0-search.classic.js"), "utf8");
  const context = { TextDecoder, atob, URL };
  context.globalThis = context;
  vm.runInNewContext(classic, context);
  const fromClassic = context.tier0Search.createSearch({ lang: "en", load: (p) => readFile(path.join(searchDir, p), "utf8") });
  assert.deepEqual(JSON.parse(JSON.stringify(ids(await fromClassic.search("err_connection_reset ")))), ["KB-1043"]);
});

test("the default language is the first exported one", async () => {
  const engine = createSearch({ load: (p) => readFile(path.join(searchDir, p), "utf8") });
  assert.equal((await engine.manifest()).lang, "es");
});

test("a query of many misspelled words reads the results' texts once, not once a word", async () => {
  // Words of the fixture's vocabulary, each misspelled by doubling a letter.
  const dir = path.join(searchDir, "es");
  const unwrap = (text) => JSON.parse(text.slice(text.indexOf('",') + 2, text.length - "]);\n".length));
  const { build } = unwrap(await readFile(path.join(dir, "manifest.js"), "utf8"));
  const vocab = [];
  for (const f of await readdir(path.join(dir, build, "v"))) {
    vocab.push(...unwrap(await readFile(path.join(dir, build, "v", f), "utf8")).words);
  }
  const known = new Set(vocab.map((e) => e[0]));
  const typos = vocab.filter((e) => e[1] !== null && /^[a-z]{6,}$/.test(e[0]))
    .map((e) => e[0].slice(0, 3) + e[0][3] + e[0].slice(3)).filter((w) => !known.has(w));
  assert.ok(typos.length >= 40, `${typos.length} misspelled words`);
  // The runs tokenizing finds (a global regular expression's exec() a
  // run): reading the results' texts again for each corrected word made
  // them grow with the number of words times the texts' length.
  const runs = async (words) => {
    const engine = fsSearch("es");
    await engine.answer("impresora ");
    const { exec } = RegExp.prototype;
    let calls = 0;
    RegExp.prototype.exec = function (...args) { if (this.global) calls++; return exec.apply(this, args); };
    try {
      const a = await engine.answer(`${words.join(" ")} `);
      assert.ok(a.corrections.length >= words.length / 2, `${a.corrections.length} corrections`);
    } finally {
      RegExp.prototype.exec = exec;
    }
    return calls;
  };
  const some = await runs(typos.slice(0, 20));
  const twice = await runs(typos.slice(0, 40));
  assert.ok(twice < 1.5 * some, `20 misspelled words: ${some} runs read, 40: ${twice}`);
});

test("hostile and random queries never throw (seeded fuzz of the query parser)", async () => {
  // xorshift32: the same 1,500 queries on every run, so a failure replays.
  let seed = 0x7e0;
  const next = () => {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const pick = (items) => items[Math.floor(next() * items.length)];
  const pieces = [
    "contraseña", "wifi", "0x80070005", "ERR_CONNECTION_RESET", "KB-1042", "vpn", "impresora",
    "a", "é", "\u0301", "\u0000", "\u2028", "\ud800", "\udfff", "😀", "ß", "ﬁ", "İ", "\t", "\n", " ",
    "*", "?", "(", ")", "[", "]", "\\", "^", "$", ".", "|", "+", "{", "}", "\"", "'", "-", "_", "%",
    "<img src=x onerror=alert(1)>", "__proto__", "constructor", "toString", "hasOwnProperty",
  ];
  let searched = 0;
  for (let i = 0; i < 1500; i++) {
    const length = Math.floor(next() * 8);
    let query = "";
    for (let j = 0; j < length; j++) query += pick(pieces) + (next() < 0.5 ? " " : "");
    if (i % 100 === 0) query = pick(pieces).repeat(2000);
    const engine = next() < 0.5 ? es : en;
    const filters = next() < 0.2 ? { tier: pick(["L1", "L3", "__proto__", ""]) } : undefined;
    const results = await engine.search(query, filters ? { filters } : {});
    assert.ok(Array.isArray(results), query);
    for (const r of results) assert.equal(typeof r.id, "string");
    const suggestion = await engine.suggest(query);
    assert.ok(suggestion === null || typeof suggestion === "string", query);
    searched++;
  }
  assert.equal(searched, 1500);
});

test("the browser derives the anchor a record leaves out as the Rust analyzer does", async () => {
  // One article per hard heading (accents, ligatures, full-width, combining
  // marks, emoji, codes, other scripts, invisible characters); its record
  // leaves the anchor out, so the link goes where the page's heading is only
  // if both sides derive the same one.
  const anchors = path.join(fixture, "anchors");
  const expected = JSON.parse(await readFile(path.join(anchors, "expected.json"), "utf8"));
  const lang = path.join(anchors, "search", "es");
  const [hashed] = (await readdir(lang, { withFileTypes: true })).filter((e) => e.isDirectory());
  const recordFiles = await readdir(path.join(lang, hashed.name, "r"));
  const records = [];
  for (const file of recordFiles) {
    const text = await readFile(path.join(lang, hashed.name, "r", file), "utf8");
    records.push(...JSON.parse(text.slice(text.indexOf('",') + 2, text.length - "]);\n".length)));
  }
  assert.equal(records.length, Object.keys(expected).length);
  assert.ok(records.every((r) => r.sections.every((s) => s.length === 2)), "every anchor left out");
  const engine = createSearch({ lang: "es", load: (p) => readFile(path.join(anchors, "search", p)) });
  const results = await engine.search("ancla ", { limit: 50 });
  assert.equal(results.length, Object.keys(expected).length);
  for (const r of results) assert.equal(r.anchor, expected[r.id], r.id);
});

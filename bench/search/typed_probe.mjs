// A hostile probe of typed queries: the mistakes and habits of real support
// users (two typos in a word, a transposition, a first letter missing or
// doubled, a typo in the word being typed, a wrong accent, mixed case,
// punctuation and quotes around, a word cut by a hyphen or a slash, two
// words joined by one, a word split or two glued, another inflection, one
// to three letters, a version's `v`, numbers written together or apart,
// emoji, the article's link or a path pasted whole, a sentence of it pasted
// with its punctuation, the title of its translation, a word replaced by a
// synonym of the site's configuration), drawn with a fixed seed from built
// sites' exported records and run through the browser engine (in Node,
// over the exported files) and `tier0 search --json`.
//
//   node bench/search/typed_probe.mjs --tier0 BIN [--per-kind 40] [--misses] [--json FILE] SITE...
//
// SITE is a folder built with `tier0 build` (its `public/`), every
// language of it probed. Reports per kind: hit@1 and hit@5 of the article
// the query was made from (or of one with the same title), the misses (not
// in the first 5 while the clean form, the title as written, has it there;
// a pasted link or sentence has no clean form), and the top-10 lists in
// which the two engines differ, which should be none. `--misses` lists
// each miss and difference.

import { execFile } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NEIGHBOURS, WORD, rng, sameTitle, seedOf, stripAccents } from "../../tests/search/queries.mjs";

function usage(message) {
  if (message) console.error(`typed_probe.mjs: ${message}`);
  console.error("usage: node bench/search/typed_probe.mjs --tier0 BIN [--per-kind N] [--misses] [--json FILE] SITE...");
  process.exit(2);
}

function parseArgs(argv) {
  const args = { tier0: null, perKind: 40, misses: false, json: null, sites: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === "--tier0") args.tier0 = path.resolve(value());
    else if (a === "--per-kind") args.perKind = Number(value());
    else if (a === "--misses") args.misses = true;
    else if (a === "--json") args.json = path.resolve(value());
    else if (a.startsWith("--")) usage(`unexpected argument ${a}`);
    else args.sites.push(path.resolve(a));
  }
  if (!args.tier0) usage("--tier0 is needed");
  if (!(args.perKind >= 1)) usage("--per-kind must be a positive number");
  if (args.sites.length === 0) usage("no site");
  return args;
}

const WRONG_ACCENT = { a: "àá", e: "èé", i: "ìí", o: "òó", u: "ùú", "á": "à", "é": "è", "í": "ì", "ó": "ò", "ú": "ù", "ñ": "n" };
const PUNCTUATION = {
  es: [(t) => `¿${t}?`, (t) => `${t}?`, (t) => `${t}:`, (t) => `${t}!!`, (t) => `${t}...`, (t) => `¡${t}!`, (t) => `${t} ?`, (t) => `${t},`],
  en: [(t) => `${t}?`, (t) => `${t}:`, (t) => `${t}!!`, (t) => `${t}...`, (t) => `${t} ?`, (t) => `${t};`, (t) => `(${t})`, (t) => `${t}.`],
};
const QUOTES = [["\"", "\""], ["'", "'"], ["«", "»"], ["“", "”"], ["`", "`"], ["‘", "’"]];
const EMOJI = ["😡", "🙏", "👍", "🖨️", "❓", "🔥", "😭", "✅", "💻"];
const sectionText = (s) => s[s.length - 1];

const unwrap = (text) => JSON.parse(text.slice(text.indexOf('",') + 2, text.length - "]);\n".length));

async function readSearch(site, lang) {
  const dir = path.join(site, "public", "search", lang);
  const manifest = unwrap(await readFile(path.join(dir, "manifest.js"), "utf8"));
  // A language the configuration names but no article is written in has no records.
  const names = await readdir(path.join(dir, manifest.build, "r")).catch(() => []);
  const files = names.map((f) => Number(f.slice(0, -3))).sort((a, b) => a - b);
  const records = [];
  for (const f of files) records.push(...unwrap(await readFile(path.join(dir, manifest.build, "r", `${f}.js`), "utf8")));
  return { manifest, records };
}

/** The probe's queries on `records` (`others`: the records of the site's other languages). */
function makeQueries(name, lang, records, others, synonyms, perKind) {
  const random = rng(seedOf(`${name}:${lang}`, 11));
  const pickOne = (list) => list[Math.floor(random() * list.length)];
  const pick = (list, n) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [copy[i], copy[j]] = [copy[j], copy[i]]; }
    return copy.slice(0, n);
  };
  // One edit at `at`: drop, double, a keyboard neighbour, swap with the next.
  const edit = (chars, at, kind) => {
    const c = [...chars];
    if (kind === 0) c.splice(at, 1);
    else if (kind === 1) c.splice(at, 0, c[at]);
    else if (kind === 2) { const n = NEIGHBOURS[stripAccents(c[at]).toLowerCase()] || "e"; c[at] = n[Math.floor(random() * n.length)]; }
    else if (at + 1 < c.length && c[at] !== c[at + 1]) [c[at], c[at + 1]] = [c[at + 1], c[at]];
    else c.splice(at, 1);
    return c;
  };
  const byTitle = new Map();
  for (const r of records) { const k = sameTitle(r.title); if (!byTitle.has(k)) byTitle.set(k, []); byTitle.get(k).push(r.id); }
  const targetsOf = (r) => byTitle.get(sameTitle(r.title)) || [r.id];
  const usable = records.filter((r) => (r.title.match(WORD) || []).length > 0);
  const Q = [];
  // clean: the query written right, or null; judge: whether it can miss (false: the two engines compared only).
  const add = (kind, query, r, clean, judge = true, targets = null) => Q.push({ kind, query, target: r.id, targets: targets || targetsOf(r), clean, judge });
  const titleWords = (r) => [...r.title.matchAll(WORD)];
  const replaceWord = (r, m, w) => r.title.slice(0, m.index) + w + r.title.slice(m.index + m[0].length);
  const PUNCT = PUNCTUATION[lang] || PUNCTUATION.en;
  // Two typos in one word (QUERY.md tolerates two from 8 letters: `typo2-long`; `typo2-short` under 8).
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 5)), perKind)) {
    const m = pickOne(titleWords(r).filter((m) => [...m[0]].length >= 5));
    let c = [...m[0]];
    c = edit(c, 1 + Math.floor(random() * (c.length - 1)), Math.floor(random() * 4));
    c = edit(c, 1 + Math.floor(random() * (c.length - 2)), Math.floor(random() * 4));
    const kind = [...m[0]].length >= 8 ? "typo2-long" : "typo2-short";
    add(kind, replaceWord(r, m, c.join("")) + " ", r, r.title + " ");
  }
  // A transposition anywhere, the first two letters included.
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 4)), perKind)) {
    const m = pickOne(titleWords(r).filter((m) => [...m[0]].length >= 4));
    const c = [...m[0]];
    const at = Math.floor(random() * (c.length - 1));
    if (c[at] === c[at + 1]) continue;
    [c[at], c[at + 1]] = [c[at + 1], c[at]];
    add(at === 0 ? "transpose-first" : "transpose", replaceWord(r, m, c.join("")) + " ", r, r.title + " ");
  }
  // The first letter missing or doubled.
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 5)), perKind)) {
    const m = pickOne(titleWords(r).filter((m) => [...m[0]].length >= 5));
    const c = [...m[0]];
    const drop = random() < 0.5;
    add(drop ? "first-missing" : "first-doubled", replaceWord(r, m, drop ? c.slice(1).join("") : c[0] + c.join("")) + " ", r, r.title + " ");
  }
  // A typo in the word being typed: the title cut inside a word of 6+ letters, 5+ typed, one edit after the first.
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 6)), perKind)) {
    const m = pickOne(titleWords(r).filter((m) => [...m[0]].length >= 6));
    const c = [...m[0]];
    const typed = 5 + Math.floor(random() * (c.length - 5));
    const head = c.slice(0, typed);
    const bad = edit(head, 1 + Math.floor(random() * (head.length - 1)), Math.floor(random() * 4));
    add("prefix-typo", r.title.slice(0, m.index) + bad.join(""), r, r.title.slice(0, m.index) + head.join(""));
  }
  // wrong accent
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 4)), perKind)) {
    const m = pickOne(titleWords(r).filter((m) => [...m[0]].length >= 4));
    const c = [...m[0]];
    const spots = c.map((ch, i) => (WRONG_ACCENT[ch] ? i : -1)).filter((i) => i >= 0);
    if (!spots.length) continue;
    const at = pickOne(spots);
    c[at] = pickOne([...WRONG_ACCENT[c[at]]]);
    add("wrong-accent", replaceWord(r, m, c.join("")) + " ", r, r.title + " ");
  }
  // case
  for (const r of pick(usable, perKind)) {
    const k = random();
    const q = k < 0.33 ? r.title.toUpperCase() : k < 0.66 ? r.title.toLowerCase() : [...r.title].map((ch) => (random() < 0.5 ? ch.toUpperCase() : ch.toLowerCase())).join("");
    add("case", q, r, r.title);
  }
  // punctuation around
  for (const r of pick(usable, perKind)) add("punctuation", pickOne(PUNCT)(r.title), r, r.title + " ");
  // quotes
  for (const r of pick(usable, perKind)) { const [a, b] = pickOne(QUOTES); add("quotes", `${a}${r.title}${b}`, r, r.title + " "); }
  // a word cut by a hyphen or slash, or two words joined by one
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 5)), perKind)) {
    const ws = titleWords(r);
    const m = pickOne(ws.filter((m) => [...m[0]].length >= 5));
    const c = [...m[0]];
    const at = 2 + Math.floor(random() * (c.length - 3));
    const j = random() < 0.7 ? "-" : "/";
    add("hyphen-inside", replaceWord(r, m, c.slice(0, at).join("") + j + c.slice(at).join("")) + " ", r, r.title + " ");
  }
  for (const r of pick(usable.filter((r) => titleWords(r).length >= 2), perKind)) {
    const ws = titleWords(r);
    const i = Math.floor(random() * (ws.length - 1));
    const a = ws[i], b = ws[i + 1];
    const j = pickOne(["-", "/", "_", "."]);
    add("joined-by", r.title.slice(0, a.index) + a[0] + j + b[0] + r.title.slice(b.index + b[0].length) + " ", r, r.title + " ");
  }
  // a word split by a space
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 6)), perKind)) {
    const m = pickOne(titleWords(r).filter((m) => [...m[0]].length >= 6));
    const c = [...m[0]];
    const at = 3 + Math.floor(random() * (c.length - 5));
    add("split", replaceWord(r, m, c.slice(0, at).join("") + " " + c.slice(at).join("")) + " ", r, r.title + " ");
  }
  // two words glued
  for (const r of pick(usable.filter((r) => titleWords(r).length >= 2), perKind)) {
    const ws = titleWords(r);
    const i = Math.floor(random() * (ws.length - 1));
    const a = ws[i], b = ws[i + 1];
    if (r.title.slice(a.index + a[0].length, b.index) !== " ") continue;
    add("glued", r.title.slice(0, a.index) + a[0] + b[0] + r.title.slice(b.index + b[0].length) + " ", r, r.title + " ");
  }
  // plural/singular and verb forms
  for (const r of pick(usable.filter((r) => titleWords(r).some((m) => [...m[0]].length >= 4)), perKind)) {
    const m = pickOne(titleWords(r).filter((m) => [...m[0]].length >= 4));
    const w = m[0];
    let v;
    if (lang === "en") v = w.endsWith("ing") ? w.slice(0, -3) + (random() < 0.5 ? "ed" : "s") : w.endsWith("s") ? w.slice(0, -1) : w.endsWith("e") ? (random() < 0.5 ? w.slice(0, -1) + "ing" : w + "s") : (random() < 0.5 ? w + "s" : w + "ing");
    else v = w.endsWith("es") ? w.slice(0, -2) : w.endsWith("s") ? w.slice(0, -1) : /[aeiou]$/.test(w) ? w + "s" : w.endsWith("r") ? w.slice(0, -1) + "ndo" : w + "es";
    add("inflection", replaceWord(r, m, v) + " ", r, r.title + " ");
  }
  // One to three letters: the two engines compared only.
  for (const r of pick(usable, perKind)) {
    const w = (r.title.match(WORD) || [])[0];
    add("short-1-3", [...w].slice(0, 1 + Math.floor(random() * 3)).join(""), r, null, false);
  }
  // numbers and versions in titles
  const numbered = usable.filter((r) => /\p{N}/u.test(r.title));
  for (const r of pick(numbered, perKind)) {
    const k = Math.floor(random() * 3);
    let q;
    if (k === 0) q = r.title.replace(/(\p{L}+)[ -](\p{N})/u, "$1$2");
    else if (k === 1) q = r.title.replace(/(\p{L})(\p{N})/u, "$1 $2");
    else q = r.title.replace(/(\p{N}+)/u, "v$1");
    if (q === r.title) continue;
    add(k === 2 ? "version-v" : "number-spacing", q + " ", r, r.title + " ");
  }
  // emoji
  for (const r of pick(usable, perKind)) {
    const e = pickOne(EMOJI);
    const k = Math.floor(random() * 3);
    add("emoji", k === 0 ? `${e} ${r.title}` : k === 1 ? `${r.title} ${e}` : `${r.title}${e}`, r, r.title + " ");
  }
  // the article's URL pasted whole; a path; a sentence of its text pasted whole with its punctuation
  for (const r of pick(usable, perKind)) {
    const url = `https://help.example.com/${r.url.replace(/^\.?\//, "")}`;
    add("url", url, r, null, true);
  }
  for (const r of pick(usable, Math.ceil(perKind / 2))) {
    const slug = r.url.replace(/^\.?\//, "").replace(/\/$/, "");
    add("path", pickOne([`C:\\Users\\ana\\Downloads\\${slug.replace(/\//g, "\\")}.pdf`, `/home/ana/${slug}.md`, `${slug}.html`]), r, null, false);
  }
  for (const r of pick(usable.filter((r) => r.sections.length), perKind)) {
    const sentences = r.sections.flatMap((s) => sectionText(s).split(/(?<=[.!?])\s+|\n/)).filter((s) => s.split(/\s+/).length >= 6 && s.split(/\s+/).length <= 20);
    if (!sentences.length) continue;
    const s = pickOne(sentences);
    const needle = s.toLowerCase();
    const having = records.filter((o) => o.sections.some((x) => sectionText(x).toLowerCase().includes(needle))).map((o) => o.id);
    add("pasted-sentence", pickOne(["", "Error: ", "error - ", "\""]) + s + pickOne(["", "\"", " ??"]), r, null, true, having.includes(r.id) ? having : [r.id]);
  }
  // The title of its translation.
  const ids = new Map(records.map((r) => [r.id, r]));
  for (const o of others.filter((o) => ids.has(o.id))) add("other-language", `${o.title} `, ids.get(o.id), null, true, [o.id]);
  // A title word replaced by a synonym the configuration gives it (the manifest's `synonyms`).
  for (const r of usable) {
    for (const m of titleWords(r)) {
      const key = sameTitle(m[0]);
      const own = Object.prototype.hasOwnProperty.call(synonyms, key) ? synonyms[key] : [];
      for (const [surface] of own) add("synonym", `${replaceWord(r, m, surface)} `, r, `${r.title} `);
    }
  }
  return Q;
}

const rankOf = (ids, targets) => { const i = ids.findIndex((id) => targets.includes(id)); return i < 0 ? null : i + 1; };
const isMiss = (r) => r.judge && !(r.rank && r.rank <= 5) && (r.clean === null || (r.cleanRank && r.cleanRank <= 5));

async function probe(args, site) {
  const dir = path.join(site, "public", "search");
  const { languages } = unwrap(await readFile(path.join(dir, "manifest.js"), "utf8"));
  const { createSearch } = await import(pathToFileURL(path.join(dir, "tier0-search.js")));
  const files = new Map();
  const load = (p) => { if (!files.has(p)) files.set(p, readFile(path.join(dir, p), "utf8")); return files.get(p); };
  const cli = (lang, query) => new Promise((resolve, reject) => {
    execFile(args.tier0, ["search", "--quiet", "--root", site, "--lang", lang, "--json", "--limit", "10", "--", query], { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error && !stdout) return resolve({ error: `exit ${error.code}: ${stderr.trim()}` });
      try { const j = JSON.parse(stdout); resolve({ ids: j.results.map((r) => r.id), corrections: j.corrections }); } catch (e) { reject(new Error(`${query}: ${e.message}`)); }
    });
  });
  const read = Object.fromEntries(await Promise.all(languages.map(async (l) => [l, await readSearch(site, l)])));
  const rows = [];
  for (const lang of languages) {
    const others = languages.filter((l) => l !== lang).flatMap((l) => read[l].records);
    const queries = makeQueries(path.basename(site), lang, read[lang].records, others, read[lang].manifest.synonyms || {}, args.perKind);
    // A fresh engine per query: an engine keeps the tails it loaded.
    const answer = (q) => createSearch({ lang, load }).answer(q, { limit: 10 });
    for (const q of queries) {
      const a = await answer(q.query);
      const ids = a.results.map((r) => r.id);
      const row = { site: path.basename(site), lang, ...q, ids, rank: rankOf(ids, q.targets) };
      if (q.clean !== null) row.cleanRank = rankOf((await answer(q.clean)).results.map((r) => r.id), q.targets);
      const c = await cli(lang, q.query);
      row.differs = c.error !== undefined || c.ids.join("\n") !== ids.join("\n") || JSON.stringify(c.corrections) !== JSON.stringify(a.corrections);
      if (row.differs) row.cli = c.error || c.ids;
      rows.push(row);
    }
    console.error(`${path.basename(site)} (${lang}): ${queries.length} queries`);
  }
  return rows;
}

function report(rows, misses) {
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const f = (x, n) => (n ? (x / n).toFixed(2) : "–");
  console.log(`Typed-query probe: ${rows.length} queries; \`tier0 search\` and the browser engine differ on ${rows.filter((r) => r.differs).length}; ${rows.filter(isMiss).length} misses.\n`);
  console.log("| kind | n | hit@1 | hit@5 | misses | CLI ≠ engine |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const k of kinds) {
    const s = rows.filter((r) => r.kind === k);
    const j = s.filter((r) => r.judge);
    console.log(`| ${k} | ${s.length} | ${f(j.filter((r) => r.rank === 1).length, j.length)} | ${f(j.filter((r) => r.rank && r.rank <= 5).length, j.length)} | ${s.filter(isMiss).length} | ${s.filter((r) => r.differs).length} |`);
  }
  if (!misses) return;
  console.log("\n### Differences and misses\n");
  for (const r of rows.filter((x) => x.differs)) console.log(`- differ: ${r.site} ${r.lang} ${r.kind} \`${r.query}\` (engine ${r.ids.slice(0, 3).join(", ")}; cli ${r.cli})`);
  for (const r of rows.filter(isMiss)) console.log(`- miss: ${r.site} ${r.lang} ${r.kind} \`${r.query}\` → ${r.rank ?? "none"} (clean ${r.cleanRank ?? "–"}; want ${r.target}; got ${r.ids.slice(0, 3).join(", ")})`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const rows = [];
  for (const site of args.sites) rows.push(...await probe(args, site));
  report(rows, args.misses);
  if (args.json) await writeFile(args.json, JSON.stringify(rows));
}

await main();

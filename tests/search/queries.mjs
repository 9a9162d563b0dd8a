// Queries drawn from a built site's own articles, of every kind a user
// types: shared by the known-item benchmark (bench/search/known_item.mjs)
// and the CLI–browser agreement test (agreement.test.mjs).
//
// Kinds: `title` (the title as typed, no trailing space), `accentless`
// (the title without accents), `typo` (one edit in a title word of 5+
// letters, never its first letter), `prefix` (the title cut inside a word,
// 3+ letters typed), `body` (four consecutive words of 3+ letters from a
// sentence, complete), `multi` (two or three words of the article, in any
// order), `code` (a token with digits or `_`, as written or lower-cased),
// `short` (the first 2–4 letters of a title word), `bodytypo` (a body
// word with one edit and no accents, complete) and `codepart` (consecutive
// pieces of a longer code, itself a code: `x86_64` of
// `stable-x86_64-pc-windows-msvc`) and `codetypo` (a code with joiners
// with one edit in a piece of 5+ letters, never its first letter:
// `err_conection_reset`) and `question` (one or two title words
// of 4+ letters asked as a question: `how do I`, `cómo puedo`…, whose
// question words the engines make optional) and `variant` (a code of the
// article written otherwise: spaces for its joiners, no joiner where its
// letters meet its digits, cut between its letters and digits, or a
// hexadecimal number without `0x`: `aadsts 50126`, `kb1042`, `80070005`)
// and `compact` (a code of the article, or an identifier joined by `.`,
// without its joiners: `srvmad03` of `SRV-MAD-03`, `8021x` of `802.1X`)
// and `together` (two consecutive title words of 2+ letters written as
// one: `macos` of `Mac OS`).

/** The kinds a known-item benchmark reports. */
export const KNOWN_ITEM_KINDS = ["title", "accentless", "typo", "prefix", "body"];
/** Every kind. */
export const ALL_KINDS = [...KNOWN_ITEM_KINDS, "multi", "code", "short", "bodytypo", "codepart", "codetypo", "question", "variant", "compact", "together"];

/** How `question` queries start, per language. */
const QUESTIONS = {
  en: ["how do I", "why does my", "what is", "how can we", "I need help with", "where do you find"],
  es: ["cómo puedo", "no puedo", "necesito ayuda con", "qué hago con", "por qué no puedo", "quiero hacer"],
};

/** A small seeded random number generator (mulberry32): the same queries on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed of `text`, from `base` (another base draws other queries from the same text). */
export const seedOf = (text, base = 7) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.codePointAt(0)) >>> 0, base);
export const stripAccents = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
/** A title as compared: no accents, case or punctuation. */
export const sameTitle = (text) => stripAccents(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
export const WORD = /\p{L}+/gu;
/** The keys around each key of a keyboard: a typo's letter. */
export const NEIGHBOURS = {
  q: "wa", w: "qes", e: "wrd", r: "etf", t: "ryg", y: "tuh", u: "yij", i: "uok", o: "ipl", p: "ol",
  a: "qsz", s: "adw", d: "sfe", f: "dgr", g: "fht", h: "gjy", j: "hku", k: "jli", l: "ko",
  z: "xa", x: "zcs", c: "xvd", v: "cbf", b: "vng", n: "bmh", m: "nj",
};

function typo(word, random) {
  const chars = [...word];
  const at = 1 + Math.floor(random() * (chars.length - 1));
  const kind = Math.floor(random() * 4);
  if (kind === 0) chars.splice(at, 1);
  else if (kind === 1) chars.splice(at, 0, chars[at]);
  else if (kind === 2) {
    const near = NEIGHBOURS[stripAccents(chars[at]).toLowerCase()] || "e";
    chars[at] = near[Math.floor(random() * near.length)];
  } else if (at + 1 < chars.length && chars[at] !== chars[at + 1]) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
  else chars.splice(at, 1);
  return chars.join("");
}

function pick(list, n, random) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

// A record's section is `[heading, text]` or `[anchor, heading, text]`
// (search-index/FORMAT.md, "r/"): its text is the last item.
const sectionText = (section) => section[section.length - 1];

/**
 * Up to `perKind` queries of each of `kinds`, drawn with a fixed seed (from
 * `name`) from exported search records (`{id, title, sections}`): `[{kind,
 * query, target, targets}]`, `targets` being the ids that answer a
 * known-item query correctly.
 */
export function makeQueries(name, records, perKind, kinds = ALL_KINDS, lang = "en") {
  const byTitle = new Map();
  for (const r of records) {
    const key = sameTitle(r.title);
    if (!byTitle.has(key)) byTitle.set(key, []);
    byTitle.get(key).push(r.id);
  }
  const random = rng(seedOf(name));
  const usable = records.filter((r) => (r.title.match(WORD) || []).length > 0);
  const queries = [];
  const add = (kind, query, r, targets) => { if (kinds.includes(kind)) queries.push({ kind, query, target: r.id, targets }); };
  for (const r of pick(usable, perKind, random)) add("title", r.title, r, byTitle.get(sameTitle(r.title)));
  const accented = usable.filter((r) => stripAccents(r.title) !== r.title);
  for (const r of pick(accented, perKind, random)) add("accentless", stripAccents(r.title), r, byTitle.get(sameTitle(r.title)));
  const typoable = usable.filter((r) => (r.title.match(WORD) || []).some((w) => [...w].length >= 5));
  for (const r of pick(typoable, perKind, random)) {
    const words = [...r.title.matchAll(WORD)].filter((m) => [...m[0]].length >= 5);
    const m = words[Math.floor(random() * words.length)];
    add("typo", r.title.slice(0, m.index) + typo(m[0], random) + r.title.slice(m.index + m[0].length), r, byTitle.get(sameTitle(r.title)));
  }
  const cuttable = usable.filter((r) => (r.title.match(WORD) || []).some((w) => [...w].length >= 4));
  for (const r of pick(cuttable, perKind, random)) {
    const words = [...r.title.matchAll(WORD)].filter((m) => [...m[0]].length >= 4);
    const m = words[Math.floor(random() * words.length)];
    const chars = [...m[0]];
    const typed = 3 + Math.floor(random() * (chars.length - 3));
    add("prefix", r.title.slice(0, m.index) + chars.slice(0, typed).join(""), r, byTitle.get(sameTitle(r.title)));
  }
  const bodies = [];
  for (const r of usable) {
    const runs = [];
    for (const text of r.sections.map(sectionText)) {
      for (const sentence of text.split(/[.!?:;…]\s|\n/)) {
        const words = sentence.split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w));
        const raw = sentence.split(/\s+/);
        if (words.length === raw.length && raw.length >= 4) runs.push(raw);
        else {
          let run = [];
          for (const w of raw) {
            if (/^\p{L}{3,}$/u.test(w)) run.push(w); else { if (run.length >= 4) runs.push(run); run = []; }
          }
          if (run.length >= 4) runs.push(run);
        }
      }
    }
    if (runs.length) bodies.push([r, runs]);
  }
  for (const [r, runs] of pick(bodies, perKind, random)) {
    const run = runs[Math.floor(random() * runs.length)];
    const at = Math.floor(random() * (run.length - 3));
    const phrase = run.slice(at, at + 4).join(" ");
    // Generated pages repeat sentences ("set the clock used…" on every
    // command's page): any article whose text has the phrase answers it.
    const needle = phrase.toLowerCase();
    const having = records.filter((o) => o.sections.some((s) => sectionText(s).toLowerCase().includes(needle))).map((o) => o.id);
    add("body", `${phrase} `, r, having.includes(r.id) ? having : [r.id]);
  }
  const recordText = (r) => [r.title, ...r.sections.map(sectionText)].join("\n");
  const words = (r) => r.sections.flatMap((s) => sectionText(s).split(/[^\p{L}\p{N}_-]+/u)).filter(Boolean);
  for (const r of pick(usable, perKind, random)) {
    const content = words(r).filter((w) => [...w].length >= 4);
    if (content.length < 3) continue;
    const n = 2 + Math.floor(random() * 2);
    add("multi", `${pick(content, n, random).join(" ")} `, r, [r.id]);
  }
  const codes = usable.flatMap((r) => [...new Set(words(r).filter((w) => /\d/.test(w) && /\p{L}/u.test(w) || w.includes("_")))].map((c) => [r, c]));
  for (const [r, c] of pick(codes, perKind, random)) add("code", random() < 0.5 ? c : c.toLowerCase(), r, [r.id]);
  for (const r of pick(usable, perKind, random)) {
    const w = (r.title.match(WORD) || []).find((x) => [...x].length >= 3);
    if (w) add("short", [...w].slice(0, 2 + Math.floor(random() * 3)).join(""), r, byTitle.get(sameTitle(r.title)));
  }
  for (const r of pick(usable, perKind, random)) {
    const content = words(r).filter((x) => [...x].length >= 5);
    if (content.length === 0) continue;
    const w = content[Math.floor(random() * content.length)];
    add("bodytypo", `${stripAccents(typo(w, random))} `, r, [r.id]);
  }
  const isCode = (run) => run.includes("_") || /\d/.test(run);
  const parts = usable.flatMap((r) => [...new Set(words(r))].flatMap((w) => {
    const pieces = w.split(/([_-]+)/);
    const out = [];
    // pieces alternates word, separator, word...: every run of 2 words or more that is not the whole.
    for (let a = 0; a < pieces.length; a += 2) {
      for (let b = a + 2; b < pieces.length; b += 2) {
        const part = pieces.slice(a, b + 1).join("");
        if ((a > 0 || b < pieces.length - 1) && pieces[a] && pieces[b] && isCode(part)) out.push([r, part]);
      }
    }
    return out;
  }));
  for (const [r, part] of pick(parts, perKind, random)) add("codepart", `${part} `, r, [r.id]);
  const misspellable = codes.flatMap(([r, c]) => {
    const pieces = c.split(/([_-]+)/);
    const at = pieces.findIndex((p, k) => k % 2 === 0 && /^\p{L}{5,}$/u.test(p));
    return pieces.length > 1 && at >= 0 ? [[r, pieces, at]] : [];
  });
  for (const [r, pieces, at] of pick(misspellable, perKind, random)) {
    const q = pieces.map((p, k) => (k === at ? typo(p, random) : p)).join("");
    add("codetypo", random() < 0.5 ? q : `${q} `, r, [r.id]);
  }
  const respell = (code) => {
    const lower = code.toLowerCase();
    if (/^0x[0-9a-f]+$/.test(lower)) return lower.slice(2);
    // Joiners dropped where letters meet digits (`kb1042`), or spaces for all.
    if (/[_-]/.test(lower)) return random() < 0.5 ? lower.replace(/(?<=\p{L})[_-]+(?=\p{N})|(?<=\p{N})[_-]+(?=\p{L})/gu, "") : lower.replace(/[_-]+/g, " ");
    const cut = lower.search(/\p{L}\p{N}|\p{N}\p{L}/u);
    return cut < 0 ? null : `${lower.slice(0, cut + 1)}${random() < 0.5 ? " " : "-"}${lower.slice(cut + 1)}`;
  };
  for (const [r, c] of pick(codes, perKind, random)) {
    const q = respell(c);
    if (q) add("variant", random() < 0.5 ? q : `${q} `, r, [r.id]);
  }
  const asked = QUESTIONS[lang] || QUESTIONS.en;
  for (const r of pick(usable, perKind, random)) {
    const content = (r.title.match(WORD) || []).filter((w) => [...w].length >= 4);
    if (content.length === 0) continue;
    const n = Math.min(content.length, 1 + Math.floor(random() * 2));
    const start = asked[Math.floor(random() * asked.length)];
    add("question", `${start} ${pick(content, n, random).join(" ")} `, r, byTitle.get(sameTitle(r.title)));
  }
  // Drawn after every other kind, so that adding them left the others' draws as they were.
  const JOINED_RUN = /[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)+/gu;
  const compact = usable.flatMap((r) => [...new Set(recordText(r).match(JOINED_RUN) || [])]
    .filter((run) => /\p{L}/u.test(run) && (/\p{N}/u.test(run) || run.includes("_")))
    .map((run) => [r, run.replace(/[._-]+/g, "").toLowerCase()]));
  for (const [r, q] of pick(compact, perKind, random)) add("compact", random() < 0.5 ? q : `${q} `, r, [r.id]);
  const pairs = usable.flatMap((r) => {
    const titleWords = r.title.split(/[^\p{L}]+/u);
    return titleWords.slice(1).map((w, k) => [titleWords[k], w]).filter((p) => p.every((w) => [...w].length >= 2)).map((p) => [r, p.join("").toLowerCase()]);
  });
  for (const [r, q] of pick(pairs, perKind, random)) add("together", random() < 0.5 ? q : `${q} `, r, byTitle.get(sameTitle(r.title)));
  return queries;
}


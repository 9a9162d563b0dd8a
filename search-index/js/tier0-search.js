// tier0 search engine for the browser (and Node >= 20).
//
// Reads the static index that `search-index` exports (FORMAT.md, format 1)
// and answers queries without a stemmer: the vocabulary shards map every
// word form of the articles to its index term, and the postings carry
// scores computed at build time from tantivy's BM25 statistics, so a
// whole-word query ranks exactly like `tier0 search`.
//
// Dependency-free, no build step. The only `export` is the last line, so
// that tier0 can also ship this file as a classic script (for file://).

const FORMAT_VERSION = 2;
const MAX_TOKEN_CHARS = 40;
// How much a prefix completion or a typo correction counts against an exact match.
const PREFIX_WEIGHT = 0.5;
const TYPO_WEIGHT = 0.5;
const MAX_PREFIX_TERMS = 5;
const MAX_PREFIX_SHARDS = 3;
const MAX_TYPO_TERMS = 3;
const SNIPPET_CHARS = 180;

const NUMERIC = /\p{N}/u;
const LATIN_FOLDABLE = /[\u00c0-\u024f\u1e00-\u1eff]/u;
// Characters whose folding differs from "decompose Latin letters, drop the
// marks": each item is the (lower-case) character followed by its folding.
// Generated from the Rust analyzer by tools/gen-fold-table.mjs; do not edit.
const FOLD_TABLE = "²2 ³3 ¹1 æae ðd øo þth ßss đd ħh ıi ĳij ĸq ŀl łl ŉn ŋn œoe ŧt ſs ƀb ɓb ƃb ɔo ƈc ɖd ɗd ƌd ǝe əa ɛe ƒf ɠg ƕhv ɨi ƙk ƚl ɯm ɲn ƞn ɵo ƥp ʀR ƫt ƭt ʈt ʋv ƴy ƶz ƿw ǆdz ǉlj ǌnj ǣae ǥG ǧG ǯǯ ǳdz ǽae ǿo ȝz ȡd ȣou ȥz ȴl ȵn ȶt ȷj ȸdb ȹqp ⱥa ȼc ⱦt ȿs ɀz ʉu ʌv ɇe ɉj ɋq ɍr ɏy ɐa ɕc ɘe ɚa ɜe ɝe ɞe ɟj ɡg ɢG ɥh ɦh ɪI ɫl ɬl ɭl ɰm ɱm ɳn ɴN ɶOE ɼr ɽr ɾr ɿr ʁR ʂs ʄj ʇt ʍw ʎy ʏY ʐz ʑz ʗC ʙB ʚe ʛG ʜH ʝj ʞk ʟL ʠq ʣdz ʥdz ʦts ʨtc ʪls ʫlz ʮh ʯh ᴀA ᴁAE ᴂae ᴃB ᴄC ᴅD ᴆD ᴇE ᴈe ᴉi ᴊJ ᴋK ᴌL ᴍM ᴎN ᴏO ᴐO ᴔoe ᴕOU ᴖo ᴗo ᴘP ᴙR ᴚR ᴛT ᴜU ᴠV ᴡW ᴢZ ᵢi ᵣr ᵤu ᵥv ᵫue ᵬb ᵭd ᵮf ᵯm ᵰn ᵱp ᵲr ᵳr ᵴs ᵵt ᵶz ᵷg ᵹg ᵺth ᵻI ᵼi ᵽp ᵾU ᶀb ᶁd ᶂf ᶃg ᶄk ᶅl ᶆm ᶇn ᶈp ᶉr ᶊs ᶌv ᶍx ᶎz ᶏa ᶑd ᶒe ᶓe ᶔe ᶕa ᶖi ᶗo ᶙu ẚa ẛf ẜs ẝs ỻll ỿy ⁰0 ⁱi ⁴4 ⁵5 ⁶6 ⁷7 ⁸8 ⁹9 ⁿn ₀0 ₁1 ₂2 ₃3 ₄4 ₅5 ₆6 ₇7 ₈8 ₉9 ₐa ₑe ₒo ₓx ₔa ↄc ①1 ②2 ③3 ④4 ⑤5 ⑥6 ⑦7 ⑧8 ⑨9 ⑩10 ⑪11 ⑫12 ⑬13 ⑭14 ⑮15 ⑯16 ⑰17 ⑱18 ⑲19 ⑳20 ⑴(1) ⑵(2) ⑶(3) ⑷(4) ⑸(5) ⑹(6) ⑺(7) ⑻(8) ⑼(9) ⑽(10) ⑾(11) ⑿(12) ⒀(13) ⒁(14) ⒂(15) ⒃(16) ⒄(17) ⒅(18) ⒆(19) ⒇(20) ⒈1. ⒉2. ⒊3. ⒋4. ⒌5. ⒍6. ⒎7. ⒏8. ⒐9. ⒑10. ⒒11. ⒓12. ⒔13. ⒕14. ⒖15. ⒗16. ⒘17. ⒙18. ⒚19. ⒛20. ⓐa ⓑb ⓒc ⓓd ⓔe ⓕf ⓖg ⓗh ⓘi ⓙj ⓚk ⓛl ⓜm ⓝn ⓞo ⓟp ⓠq ⓡr ⓢs ⓣt ⓤu ⓥv ⓦw ⓧx ⓨy ⓩz ⓪0 ⓫11 ⓬12 ⓭13 ⓮14 ⓯15 ⓰16 ⓱17 ⓲18 ⓳19 ⓴20 ⓵1 ⓶2 ⓷3 ⓸4 ⓹5 ⓺6 ⓻7 ⓼8 ⓽9 ⓾10 ⓿0 ❶1 ❷2 ❸3 ❹4 ❺5 ❻6 ❼7 ❽8 ❾9 ❿10 ➀1 ➁2 ➂3 ➃4 ➄5 ➅6 ➆7 ➇8 ➈9 ➉10 ➊1 ➋2 ➌3 ➍4 ➎5 ➏6 ➐7 ➑8 ➒9 ➓10 ⱡl ⱨh ⱪk ⱬz ⱱv ⱳw ⱴv ⱶh ⱸe ⱺo ⱻE ⱼj ꜩtz ꜰF ꜱS ꜳaa ꜵao ꜷau ꜹav ꜻav ꜽay ꜿc ꝁk ꝃk ꝅk ꝇl ꝉl ꝋo ꝍo ꝏoo ꝑp ꝓp ꝕp ꝗq ꝙq ꝛr ꝟv ꝡvy ꝣz ꝧth ꝺd ꝼf ꝿg ꞁl ꞃr ꞅS ꟻF ꟼp ꟽM ꟾI ꟿM ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬆst ０0 １1 ２2 ３3 ４4 ５5 ６6 ７7 ８8 ９9 ａa ｂb ｃc ｄd ｅe ｆf ｇg ｈh ｉi ｊj ｋk ｌl ｍm ｎn ｏo ｐp ｑq ｒr ｓs ｔt ｕu ｖv ｗw ｘx ｙy ｚz";
const FOLDS = new Map(FOLD_TABLE.split(" ").filter(Boolean).map((item) => {
  const key = String.fromCodePoint(item.codePointAt(0));
  return [key, item.slice(key.length)];
}));

function normalizeUncached(text) {
  let out = "";
  for (const c of text.toLowerCase()) {
    const listed = FOLDS.get(c);
    if (listed !== undefined) {
      out += listed;
    } else if (!LATIN_FOLDABLE.test(c)) {
      out += c;
    } else {
      out += c.normalize("NFD").replace(/\p{M}/gu, "");
    }
  }
  return out;
}

const PLAIN = /^[a-z0-9_-]*$/;
const normalized = new Map();

/** Lower-cases and accent-folds like the index analyzer ("Contraseña" → "contrasena"). */
function normalize(text) {
  if (PLAIN.test(text)) return text;
  let out = normalized.get(text);
  if (out === undefined) {
    out = normalizeUncached(text);
    if (normalized.size > 50000) normalized.clear();
    normalized.set(text, out);
  }
  return out;
}

// A run: alphanumerics joined by `_`/`-` (joiners only count when an
// alphanumeric follows them); its pieces are the alphanumeric parts.
const RUN = /[\p{Alphabetic}\p{N}]+(?:[_-]+[\p{Alphabetic}\p{N}]+)*/gu;
const PIECE = /[\p{Alphabetic}\p{N}]+/gu;

/**
 * Splits text like the Rust CodeAwareTokenizer (see analyzer.rs): runs of
 * alphanumerics joined by `_`/`-`; codes (a `_`, or a digit in a piece of a
 * joined run) stay whole; in "index" mode their pieces follow them.
 * Returns [{ text, start, end }] with UTF-16 offsets into `text`.
 */
function tokenize(text, mode = "query") {
  const tokens = [];
  RUN.lastIndex = 0;
  for (let m; (m = RUN.exec(text)) !== null; ) {
    const run = m[0];
    const from = m.index;
    const to = from + run.length;
    if (run.length > MAX_TOKEN_CHARS && [...run].length > MAX_TOKEN_CHARS) continue;
    if (!run.includes("_") && !run.includes("-")) { tokens.push({ text: run, start: from, end: to }); continue; }
    const pieces = [];
    PIECE.lastIndex = 0;
    for (let p; (p = PIECE.exec(run)) !== null; ) pieces.push([from + p.index, from + p.index + p[0].length]);
    const code = run.includes("_") || pieces.some(([a, b]) => NUMERIC.test(text.slice(a, b)));
    if (code) {
      tokens.push({ text: run, start: from, end: to });
      if (mode === "index") for (const [a, b] of pieces) tokens.push({ text: text.slice(a, b), start: a, end: b });
    } else {
      for (const [a, b] of pieces) tokens.push({ text: text.slice(a, b), start: a, end: b });
    }
  }
  return tokens;
}

let osaRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance, or `max + 1` once it exceeds `max`. */
function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > osaRows[0].length) osaRows = osaRows.map(() => new Int32Array(2 * (b.length + 1)));
  let [prev2, prev, cur] = osaRows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** Index of the shard whose key range holds `key` (keys[0] is ""). */
function shardOf(keys, key) {
  let lo = 0, hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keys[mid] <= key) lo = mid; else hi = mid - 1;
  }
  return lo;
}

const B64 = new Uint8Array(128);
for (let i = 0; i < 64; i++) B64["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] = i;

/** Base64 (padded or not) → bytes. */
function decodeBase64(text) {
  let n = text.length;
  while (n > 0 && text.charCodeAt(n - 1) === 61) n--;
  const out = new Uint8Array((n * 3) >> 2);
  let acc = 0, bits = 0, k = 0;
  for (let i = 0; i < n; i++) {
    acc = (acc << 6) | B64[text.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) { bits -= 8; out[k++] = (acc >> bits) & 0xff; }
  }
  return out;
}

function readVarints(bytes) {
  const out = [];
  let value = 0, shift = 0;
  for (const b of bytes) {
    value += (b & 0x7f) * 2 ** shift;
    if (b & 0x80) shift += 7; else { out.push(value); value = 0; shift = 0; }
  }
  return out;
}

const F32 = new Float32Array(1);
const F32_BITS = new Uint32Array(F32.buffer);

/**
 * Postings in score order as `{ docs: Uint32Array, scores: Float32Array }`;
 * scores are the exact f32 values (deltas in IEEE-754 bit space from `top`).
 */
function decodePostings(encoded, top) {
  const bytes = decodeBase64(encoded);
  const docs = new Uint32Array(bytes.length >> 1);
  const scores = new Float32Array(bytes.length >> 1);
  let n = 0, bits = top, value = 0, shift = 0, doc = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    value += (b & 0x7f) * 2 ** shift;
    if (b & 0x80) { shift += 7; continue; }
    if (doc < 0) doc = value;
    else {
      bits -= value;
      F32_BITS[0] = bits;
      docs[n] = doc;
      scores[n++] = F32[0];
      doc = -1;
    }
    value = 0;
    shift = 0;
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
}

function concatPostings(a, b) {
  const docs = new Uint32Array(a.docs.length + b.docs.length);
  const scores = new Float32Array(docs.length);
  docs.set(a.docs); docs.set(b.docs, a.docs.length);
  scores.set(a.scores); scores.set(b.scores, a.scores.length);
  return { docs, scores };
}

// Every data file is `WRAP_PREFIX "path",json WRAP_SUFFIX`: a classic script
// that registers its JSON (file://), and JSON once the wrapper is cut (fetch).
const WRAP_PREFIX = "(self.__tier0Search=self.__tier0Search||[]).push([";
const WRAP_SUFFIX = "]);\n";

function unwrap(text, path) {
  if (!text.startsWith(WRAP_PREFIX) || !text.endsWith(WRAP_SUFFIX)) throw new Error(`tier0 search: ${path}: not a tier0 search file`);
  const start = text.indexOf('",', WRAP_PREFIX.length);
  return JSON.parse(text.slice(start + 2, text.length - WRAP_SUFFIX.length));
}

function toJson(data, path) {
  if (typeof data === "string") return unwrap(data, path);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return unwrap(new TextDecoder().decode(view), path);
  }
  if (data && typeof data === "object") return data;
  throw new Error(`tier0 search: ${path}: loader returned ${typeof data}`);
}

/** Data files loaded as scripts call `self.__tier0Search.push([path, json])`; this receives them. */
function scriptRegistry() {
  const g = globalThis;
  if (!g.__tier0Search || Array.isArray(g.__tier0Search)) {
    const early = Array.isArray(g.__tier0Search) ? g.__tier0Search : [];
    const registry = {
      loaded: new Map(),
      waiting: new Map(),
      push(...entries) {
        for (const [path, data] of entries) {
          this.loaded.set(path, data);
          const resolve = this.waiting.get(path);
          if (resolve) { this.waiting.delete(path); resolve(data); }
        }
        return this.loaded.size;
      },
    };
    registry.push(...early);
    g.__tier0Search = registry;
  }
  return g.__tier0Search;
}

/** The default loader: fetch over http(s), `<script>` injection on file://. */
function defaultLoader(base) {
  const onDisk = typeof location !== "undefined" && location.protocol === "file:";
  if (!onDisk) {
    return async (path) => {
      const response = await fetch(base + path);
      if (!response.ok) throw new Error(`tier0 search: ${path}: HTTP ${response.status}`);
      return response.text();
    };
  }
  return (path) => new Promise((resolve, reject) => {
    const registry = scriptRegistry();
    if (registry.loaded.has(path)) return resolve(registry.loaded.get(path));
    registry.waiting.set(path, resolve);
    const script = document.createElement("script");
    script.src = base + path;
    script.onload = () => {
      script.remove();
      if (!registry.loaded.has(path)) reject(new Error(`tier0 search: ${path}: script did not register`));
    };
    script.onerror = () => { script.remove(); registry.waiting.delete(path); reject(new Error(`tier0 search: cannot load ${script.src}`)); };
    document.head.appendChild(script);
  });
}

/**
 * Creates a search over one language of an exported index.
 *
 * - `load(path)`: returns the file at `path` (relative to the search
 *   directory) as text or bytes (the file as exported), or as the JSON it
 *   carries, already parsed. Default: fetch `base + path` over http(s), a
 *   `<script src>` on file://.
 * - `base`: URL of the search directory, ending in "/" (default "").
 * - `lang`: language code (default: the first exported language).
 */
function createSearch({ load, base = "", lang } = {}) {
  const loader = load || defaultLoader(base);
  const cache = new Map();
  const file = (path) => {
    if (!cache.has(path)) {
      const p = Promise.resolve(loader(path)).then((data) => toJson(data, path));
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return cache.get(path);
  };
  let manifestPromise = null;
  const manifest = () => {
    if (!manifestPromise) {
      manifestPromise = (async () => {
        let code = lang;
        if (!code) {
          const root = await file("manifest.js");
          code = root.languages[0];
        }
        const m = await file(`${code}/manifest.js`);
        if (m.format !== FORMAT_VERSION) throw new Error(`tier0 search: format ${m.format}, engine reads ${FORMAT_VERSION}`);
        return m;
      })();
      manifestPromise.catch(() => { manifestPromise = null; });
    }
    return manifestPromise;
  };
  const data = async (rel) => { const m = await manifest(); return file(`${m.lang}/${m.build}/${rel}`); };
  const vocabShard = async (i) => (await data(`v/${i}.js`)).words;

  async function lookup(word) {
    const m = await manifest();
    const words = await vocabShard(shardOf(m.vocab, word));
    let lo = 0, hi = words.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (words[mid][0] < word) lo = mid + 1; else hi = mid; }
    const entry = words[lo] && words[lo][0] === word ? words[lo] : null;
    return { entry, words };
  }
  const termOf = (entry) => (entry[1] === 0 ? entry[0] : entry[1]);

  async function termEntry(term) {
    const m = await manifest();
    const shard = await data(`p/${shardOf(m.terms, term)}.js`);
    return shard.terms[term] || null;
  }

  // Decoded postings per term: { entry, head, full } (full: head + tail, once loaded).
  const decoded = new Map();
  async function postings(term, withTail) {
    let d = decoded.get(term);
    if (!d) {
      const entry = await termEntry(term);
      d = { entry, head: entry ? decodePostings(entry.head, entry.top) : { docs: new Uint32Array(0), scores: new Float32Array(0) }, full: null };
      if (!entry || entry.tail === undefined) d.full = d.head;
      decoded.set(term, d);
    }
    if (!withTail || d.full) return { entry: d.entry, list: withTail ? d.full : d.head };
    const tail = await data(`t/${d.entry.tail}.js`);
    d.full = concatPostings(d.head, decodePostings(tail.terms[term], d.entry.top));
    return { entry: d.entry, list: d.full };
  }

  async function prefixCompletions(word) {
    const m = await manifest();
    const first = shardOf(m.vocab, word);
    const upper = word + "\uffff";
    const byTerm = new Map();
    for (let i = first; i < m.vocab.length && i < first + MAX_PREFIX_SHARDS; i++) {
      if (i > first && m.vocab[i] >= upper) break;
      const words = await vocabShard(i);
      // Words with the prefix are contiguous: from the first one >= word.
      let lo = 0, hi = words.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (words[mid][0] < word) lo = mid + 1; else hi = mid; }
      for (let k = lo; k < words.length && words[k][0].startsWith(word); k++) {
        const e = words[k];
        if (e[1] === null || e[0] === word) continue;
        const t = termOf(e);
        byTerm.set(t, Math.max(byTerm.get(t) || 0, e[2]));
      }
    }
    return [...byTerm].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_PREFIX_TERMS).map(([t]) => t);
  }

  const typoCache = new Map();
  function typoCandidates(word, words) {
    if (word.length < 4) return [];
    const cached = typoCache.get(word);
    if (cached && cached.words === words) return cached.found;
    const max = word.length >= 8 ? 2 : 1;
    const found = [];
    for (const e of words) {
      if (e[1] === null || Math.abs(e[0].length - word.length) > max) continue;
      const d = editDistance(word, e[0], max);
      if (d <= max) found.push({ surface: e[0], term: termOf(e), distance: d, df: e[2] });
    }
    found.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.surface < b.surface ? -1 : 1));
    if (typoCache.size > 1000) typoCache.clear();
    typoCache.set(word, { words, found });
    return found;
  }

  /** Query words with their exact term and expansions. */
  async function plan(query) {
    const typing = query.length > 0 && /[\p{Alphabetic}\p{N}_-]$/u.test(query);
    const tokens = tokenize(query, "query");
    const words = [];
    const seen = new Set();
    for (let i = 0; i < tokens.length; i++) {
      const surface = normalize(tokens[i].text);
      const last = i === tokens.length - 1;
      const { entry, words: shard } = await lookup(surface);
      const word = { surface, token: tokens[i], exact: null, expansions: [], stop: false, typos: [] };
      if (entry && entry[1] === null) word.stop = true;
      else if (entry) word.exact = termOf(entry);
      if (last && typing && !word.stop) {
        for (const t of await prefixCompletions(surface)) if (t !== word.exact) word.expansions.push({ term: t, weight: PREFIX_WEIGHT });
      }
      if (!entry) {
        word.typos = typoCandidates(surface, shard);
        const terms = [...new Set(word.typos.map((c) => c.term))].slice(0, MAX_TYPO_TERMS);
        for (const t of terms) if (!word.expansions.some((x) => x.term === t)) word.expansions.push({ term: t, weight: TYPO_WEIGHT });
      }
      if (word.stop) continue;
      // Like `search()` in Rust, a term counts once however often it is typed.
      const key = word.exact !== null ? `=${word.exact}` : `?${surface}`;
      if (seen.has(key)) continue;
      seen.add(key);
      words.push(word);
    }
    return words;
  }

  async function filterSet(filters) {
    const m = await manifest();
    const active = Object.entries(filters || {}).filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0));
    if (active.length === 0) return null;
    const filterFile = await data("filters.js");
    const checks = active.map(([facet, v]) => {
      const wanted = Array.isArray(v) ? v : [v];
      // A category is a section path (`network/vpn`): asking for a section
      // takes in its subsections too.
      const accepts = (name) => wanted.some((w) => name === w || (facet === "category" && name.startsWith(w + "/")));
      const accepted = (m.filters[facet] || []).map(([name]) => accepts(name));
      const docs = filterFile.facets[facet] ? readVarints(decodeBase64(filterFile.facets[facet])) : [];
      return (doc) => accepted[docs[doc]] === true;
    });
    return (doc) => checks.every((check) => check(doc));
  }

  // Per-article accumulators, reused by every query (no per-query garbage
  // proportional to the number of matching articles).
  const acc = { size: 0, width: 0, query: 0, stamp: null, exact: null, fuzzy: null, rank: null, touched: null };
  function accumulators(docs, nw) {
    if (acc.size < docs || acc.width < nw) {
      acc.size = Math.max(acc.size, docs);
      acc.width = Math.max(acc.width, nw, 4);
      acc.stamp = new Uint32Array(acc.size);
      acc.exact = new Float64Array(acc.size * acc.width);
      acc.fuzzy = new Float64Array(acc.size * acc.width);
      acc.rank = new Float64Array(acc.size);
      acc.touched = new Uint32Array(acc.size);
      acc.query = 0;
    }
    acc.query = (acc.query + 1) >>> 0;
    if (acc.query === 0) { acc.stamp.fill(0); acc.query = 1; }
    return acc;
  }

  // a before b: (all/any exact, exact sum, fuzzy sum, rank, doc).
  const before = (a, b) => {
    if (a.first !== b.first) return a.first > b.first;
    if (a.exactSum !== b.exactSum) return a.exactSum > b.exactSum;
    if (a.fuzzySum !== b.fuzzySum) return a.fuzzySum > b.fuzzySum;
    if (a.rank !== b.rank) return a.rank < b.rank;
    return a.doc < b.doc;
  };
  /** Puts `c` in place in `top` (best first, at most `limit`); `c` must beat its last. */
  function offer(top, limit, c) {
    let i = top.length < limit ? top.length : limit - 1;
    while (i > 0 && before(c, top[i - 1])) { top[i] = top[i - 1]; i--; }
    top[i] = c;
  }

  async function rank(query, { limit = 10, filters = {} } = {}) {
    const m = await manifest();
    const words = await plan(query);
    if (words.length === 0 || limit <= 0) return { words, ranked: [] };
    const accept = await filterSet(filters);
    const needTails = words.length > 1 || accept !== null || limit > m.head_len;
    const nw = words.length;
    const lists = await Promise.all(words.map(async (word) => ({
      exact: word.exact !== null ? await postings(word.exact, needTails) : null,
      expansions: await Promise.all(word.expansions.map(async (x) => ({ weight: x.weight, ...(await postings(x.term, false)) }))),
    })));
    const forms = new Map();
    lists.forEach((l, i) => { if (l.exact && l.exact.entry) for (const f of l.exact.entry.forms) forms.set(f, i); });
    lists.forEach((l, i) => { for (const x of l.expansions) if (x.entry) for (const f of x.entry.forms) if (!forms.has(f)) forms.set(f, i); });

    const a = accumulators(m.docs, nw);
    const { stamp, exact, fuzzy, rank: ranks, touched } = a;
    let n = 0;
    const q = a.query;
    const touch = (doc) => {
      if (stamp[doc] === q) return;
      stamp[doc] = q;
      touched[n++] = doc;
      const base = doc * nw;
      for (let i = 0; i < nw; i++) { exact[base + i] = NaN; fuzzy[base + i] = -1; }
      ranks[doc] = Infinity;
    };
    for (let i = 0; i < nw; i++) {
      const l = lists[i];
      if (l.exact) {
        const { docs, scores } = l.exact.list;
        for (let k = 0; k < docs.length; k++) {
          const doc = docs[k];
          if (accept && !accept(doc)) continue;
          touch(doc);
          exact[doc * nw + i] = scores[k];
          if (nw === 1) ranks[doc] = k;
        }
      }
      for (const x of l.expansions) {
        const { docs, scores } = x.list;
        for (let k = 0; k < docs.length; k++) {
          const doc = docs[k];
          if (accept && !accept(doc)) continue;
          touch(doc);
          const s = scores[k] * x.weight;
          if (s > fuzzy[doc * nw + i]) fuzzy[doc * nw + i] = s;
        }
      }
    }
    // AND: articles matching every word; if none, OR.
    const scratch = { doc: 0, first: 0, exactSum: 0, fuzzySum: 0, rank: 0 };
    const best = (all) => {
      const top = [];
      for (let t = 0; t < n; t++) {
        const doc = touched[t];
        const base = doc * nw;
        let exactSum = 0, fuzzySum = 0, exactCount = 0, matched = 0;
        for (let i = 0; i < nw; i++) {
          // f32 additions, like tantivy's score sums, so exact ties stay ties.
          const e = exact[base + i];
          if (e === e) { exactSum = Math.fround(exactSum + e); exactCount++; matched++; }
          else if (fuzzy[base + i] >= 0) { fuzzySum = Math.fround(fuzzySum + fuzzy[base + i]); matched++; }
        }
        if (all ? matched !== nw : matched === 0) continue;
        const first = all ? (exactCount === nw ? 1 : 0) : (exactCount > 0 ? 1 : 0);
        const rankOf = nw === 1 ? ranks[doc] : doc;
        scratch.doc = doc; scratch.first = first; scratch.exactSum = exactSum; scratch.fuzzySum = fuzzySum; scratch.rank = rankOf;
        if (top.length === limit && !before(scratch, top[limit - 1])) continue;
        offer(top, limit, { doc, first, exactSum, fuzzySum, rank: rankOf });
      }
      return top;
    };
    const all = best(true);
    return { words, ranked: all.length > 0 ? all : best(false), forms };
  }

  async function search(query, options = {}) {
    const { ranked, forms } = await rank(query, options);
    const m = await manifest();
    return Promise.all(ranked.map(async (r) => {
      const record = (await data(`r/${Math.floor(r.doc / m.records)}.js`))[r.doc % m.records];
      const { snippet, matches, anchor } = makeSnippet(record, forms);
      return {
        id: record.id, url: record.url, title: record.title, tier: record.tier,
        category: record.category, type: record.type, description: record.description,
        internal: record.internal === true,
        score: r.exactSum + r.fuzzySum, snippet, matches, anchor,
      };
    }));
  }

  /** A corrected query (typos replaced by the closest known words), or null. */
  async function suggest(query) {
    const tokens = tokenize(query, "query");
    let out = "";
    let pos = 0;
    let changed = false;
    for (const token of tokens) {
      const surface = normalize(token.text);
      const { entry, words } = await lookup(surface);
      let replacement = token.text;
      if (!entry) {
        const best = typoCandidates(surface, words)[0];
        if (best) { replacement = best.surface; changed = true; }
      }
      out += query.slice(pos, token.start) + replacement;
      pos = token.end;
    }
    out += query.slice(pos);
    return changed ? out : null;
  }

  return { search, suggest, manifest };
}

/** Plain-text snippet of the best-matching section, match ranges, and its anchor. */
function makeSnippet(record, forms) {
  const matchesIn = (text) => {
    const ranges = [];
    const words = new Set();
    for (const t of tokenize(text, "index")) {
      const w = forms.get(normalize(t.text));
      if (w !== undefined) { ranges.push([t.start, t.end]); words.add(w); }
    }
    return { ranges: mergeRanges(ranges), words };
  };
  let best = null;
  record.sections.forEach(([anchor, heading, text], index) => {
    const body = matchesIn(text);
    const head = heading ? matchesIn(heading) : { ranges: [], words: new Set() };
    const distinct = new Set([...body.words, ...head.words]).size;
    const key = [distinct, body.ranges.length];
    if (distinct > 0 && (!best || key[0] > best.key[0] || (key[0] === best.key[0] && key[1] > best.key[1]))) {
      best = { key, anchor, text, ranges: body.ranges, index };
    }
  });
  if (!best) {
    const text = record.description || (record.sections[0] ? record.sections[0][2] : "");
    const { ranges } = matchesIn(text);
    return { ...window(text, ranges), anchor: null };
  }
  return { ...window(best.text, best.ranges), anchor: best.anchor ?? null };
}

function mergeRanges(ranges) {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Cuts `text` to about SNIPPET_CHARS around the first match, at word boundaries. */
function window(text, ranges) {
  if (text.length <= SNIPPET_CHARS) return { snippet: text, matches: ranges };
  const anchor = ranges.length ? ranges[0][0] : 0;
  let start = Math.max(0, anchor - Math.floor(SNIPPET_CHARS / 3));
  if (start > 0) { const space = text.indexOf(" ", start); if (space !== -1 && space < anchor) start = space + 1; }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) { const space = text.lastIndexOf(" ", end); if (space > start && space > (ranges[0] ? ranges[0][1] : 0)) end = space; }
  const prefix = start > 0 ? "… " : "";
  const suffix = end < text.length ? " …" : "";
  const shift = prefix.length - start;
  const matches = ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift]);
  return { snippet: prefix + text.slice(start, end) + suffix, matches };
}

export { createSearch, normalize, tokenize, editDistance, FORMAT_VERSION };

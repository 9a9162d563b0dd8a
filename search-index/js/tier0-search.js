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

const FORMAT_VERSION = 1;
const MAX_TOKEN_CHARS = 40;
// How much a prefix completion or a typo correction counts against an exact match.
const PREFIX_WEIGHT = 0.5;
const TYPO_WEIGHT = 0.5;
const MAX_PREFIX_TERMS = 5;
const MAX_PREFIX_SHARDS = 3;
const MAX_TYPO_TERMS = 3;
const SNIPPET_CHARS = 180;

const ALNUM = /[\p{Alphabetic}\p{N}]/u;
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

/** Lower-cases and accent-folds like the index analyzer ("Contraseña" → "contrasena"). */
function normalize(text) {
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

/**
 * Splits text like the Rust CodeAwareTokenizer (see analyzer.rs): runs of
 * alphanumerics joined by `_`/`-`; codes (a `_`, or a digit in a piece of a
 * joined run) stay whole; in "index" mode their pieces follow them.
 * Returns [{ text, start, end }] with UTF-16 offsets into `text`.
 */
function tokenize(text, mode = "query") {
  const chars = [];
  for (let i = 0; i < text.length; ) {
    const c = String.fromCodePoint(text.codePointAt(i));
    chars.push([i, c]);
    i += c.length;
  }
  const endOf = (k) => (k < chars.length ? chars[k][0] : text.length);
  const isAlnum = (k) => k < chars.length && ALNUM.test(chars[k][1]);
  const isJoiner = (k) => k < chars.length && (chars[k][1] === "_" || chars[k][1] === "-");
  const tokens = [];
  let i = 0;
  while (i < chars.length) {
    if (!isAlnum(i)) { i++; continue; }
    const pieces = [];
    let pieceStart = i;
    let j = i;
    for (;;) {
      while (isAlnum(j)) j++;
      pieces.push([chars[pieceStart][0], endOf(j)]);
      let k = j;
      while (isJoiner(k)) k++;
      if (k > j && isAlnum(k)) { pieceStart = k; j = k; } else break;
    }
    const from = chars[i][0];
    const to = endOf(j);
    i = j;
    const run = text.slice(from, to);
    if ([...run].length > MAX_TOKEN_CHARS) continue;
    if (pieces.length === 1) { tokens.push({ text: run, start: from, end: to }); continue; }
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

/** Optimal-string-alignment distance, or `max + 1` once it exceeds `max`. */
function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
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

function decodeBase64(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
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

/** Postings as [doc, score] in score order; scores are the exact f32 values. */
function decodePostings(encoded, top) {
  const v = readVarints(decodeBase64(encoded));
  const out = [];
  let bits = top;
  for (let i = 0; i + 1 < v.length; i += 2) {
    bits -= v[i + 1];
    F32_BITS[0] = bits;
    out.push([v[i], F32[0]]);
  }
  return out;
}

function toJson(data, path) {
  if (typeof data === "string") return JSON.parse(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const view = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return JSON.parse(new TextDecoder().decode(view));
  }
  if (data && typeof data === "object") return data;
  throw new Error(`tier0 search: ${path}: loader returned ${typeof data}`);
}

/** The `.js` twins call `self.__tier0Search.push([path, json])`; this receives them. */
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
    script.src = base + path.replace(/\.json$/, ".js");
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
 *   directory) as text, bytes, or already-parsed JSON. Default: fetch
 *   `base + path` over http(s), or its `.js` twin through a `<script>` on file://.
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
          const root = await file("manifest.json");
          code = root.languages[0];
        }
        const m = await file(`${code}/manifest.json`);
        if (m.format !== FORMAT_VERSION) throw new Error(`tier0 search: format ${m.format}, engine reads ${FORMAT_VERSION}`);
        return m;
      })();
      manifestPromise.catch(() => { manifestPromise = null; });
    }
    return manifestPromise;
  };
  const data = async (rel) => { const m = await manifest(); return file(`${m.lang}/${m.build}/${rel}`); };
  const vocabShard = async (i) => (await data(`v/${i}.json`)).words;

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
    const shard = await data(`p/${shardOf(m.terms, term)}.json`);
    return shard.terms[term] || null;
  }

  async function postings(term, withTail) {
    const entry = await termEntry(term);
    if (!entry) return { entry: null, list: [] };
    const list = decodePostings(entry.head, entry.top);
    if (withTail && entry.tail !== undefined) {
      const tail = await data(`t/${entry.tail}.json`);
      list.push(...decodePostings(tail.terms[term], entry.top));
    }
    return { entry, list };
  }

  async function prefixCompletions(word) {
    const m = await manifest();
    const first = shardOf(m.vocab, word);
    const upper = word + "\uffff";
    const byTerm = new Map();
    for (let i = first; i < m.vocab.length && i < first + MAX_PREFIX_SHARDS; i++) {
      if (i > first && m.vocab[i] >= upper) break;
      for (const e of await vocabShard(i)) {
        if (e[1] === null || e[0] === word || !e[0].startsWith(word)) continue;
        const t = termOf(e);
        byTerm.set(t, Math.max(byTerm.get(t) || 0, e[2]));
      }
    }
    return [...byTerm].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_PREFIX_TERMS).map(([t]) => t);
  }

  function typoCandidates(word, words) {
    if (word.length < 4) return [];
    const max = word.length >= 8 ? 2 : 1;
    const found = [];
    for (const e of words) {
      if (e[1] === null) continue;
      const d = editDistance(word, e[0], max);
      if (d <= max) found.push({ surface: e[0], term: termOf(e), distance: d, df: e[2] });
    }
    found.sort((a, b) => a.distance - b.distance || b.df - a.df || (a.surface < b.surface ? -1 : 1));
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
    const filterFile = await data("filters.json");
    const checks = active.map(([facet, v]) => {
      const wanted = new Set(Array.isArray(v) ? v : [v]);
      const values = (m.filters[facet] || []).map(([name]) => name);
      const docs = filterFile.facets[facet] ? readVarints(decodeBase64(filterFile.facets[facet])) : [];
      return (doc) => wanted.has(values[docs[doc]]);
    });
    return (doc) => checks.every((check) => check(doc));
  }

  async function rank(query, { limit = 10, filters = {} } = {}) {
    const m = await manifest();
    const words = await plan(query);
    if (words.length === 0 || limit <= 0) return { words, ranked: [] };
    const accept = await filterSet(filters);
    const needTails = words.length > 1 || accept !== null || limit > m.head_len;
    const nw = words.length;
    const docs = new Map();
    const rec = (doc) => {
      let r = docs.get(doc);
      if (!r) { r = { doc, exact: new Array(nw).fill(null), fuzzy: new Array(nw).fill(-1), rank: Infinity }; docs.set(doc, r); }
      return r;
    };
    const forms = new Map();
    await Promise.all(words.map(async (word, i) => {
      if (word.exact !== null) {
        const { entry, list } = await postings(word.exact, needTails);
        if (entry) for (const f of entry.forms) forms.set(f, i);
        list.forEach(([doc, score], idx) => {
          if (accept && !accept(doc)) return;
          const r = rec(doc);
          r.exact[i] = score;
          if (nw === 1) r.rank = idx;
        });
      }
      for (const x of word.expansions) {
        const { entry, list } = await postings(x.term, false);
        if (entry) for (const f of entry.forms) if (!forms.has(f)) forms.set(f, i);
        for (const [doc, score] of list) {
          if (accept && !accept(doc)) continue;
          const r = rec(doc);
          r.fuzzy[i] = Math.max(r.fuzzy[i], score * x.weight);
        }
      }
    }));
    const all = [...docs.values()].map((r) => {
      let exactSum = 0, fuzzySum = 0, exactCount = 0, matched = 0;
      for (let i = 0; i < nw; i++) {
        // f32 additions, like tantivy's score sums, so exact ties stay ties.
        if (r.exact[i] !== null) { exactSum = Math.fround(exactSum + r.exact[i]); exactCount++; matched++; }
        else if (r.fuzzy[i] >= 0) { fuzzySum = Math.fround(fuzzySum + r.fuzzy[i]); matched++; }
      }
      return { doc: r.doc, rank: nw === 1 ? r.rank : r.doc, exactSum, fuzzySum, exactCount, matched };
    });
    const byScore = (first) => (a, b) => first(b) - first(a) || b.exactSum - a.exactSum || b.fuzzySum - a.fuzzySum || a.rank - b.rank || a.doc - b.doc;
    let ranked = all.filter((r) => r.matched === nw).sort(byScore((r) => (r.exactCount === nw ? 1 : 0)));
    if (ranked.length === 0) ranked = all.filter((r) => r.matched > 0).sort(byScore((r) => (r.exactCount > 0 ? 1 : 0)));
    return { words, ranked: ranked.slice(0, limit), forms };
  }

  async function search(query, options = {}) {
    const { ranked, forms } = await rank(query, options);
    return Promise.all(ranked.map(async (r) => {
      const record = await data(`d/${r.doc}.json`);
      const { snippet, matches, anchor } = makeSnippet(record, forms);
      return {
        id: record.id, url: record.url, title: record.title, tier: record.tier,
        category: record.category, type: record.type, description: record.description,
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

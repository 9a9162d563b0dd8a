// tier0 search engine for the browser (and Node >= 20).
//
// Reads the static index that `search-index` exports (FORMAT.md, format 8)
// and answers queries without a stemmer: the vocabulary shards map every
// word form of the articles to its index term, and the postings carry
// scores computed at build time from tantivy's BM25 statistics. How a
// query is understood and ranked is QUERY.md; `tier0 search` runs the same
// algorithm in Rust (search-index/src/engine/) over the same files, and the
// agreement tests hold both to the same top 10.
//
// Dependency-free, no build step. The only `export` is the last line, so
// that tier0 can also ship this file as a classic script (for file://).

const FORMAT_VERSION = 8;
// A stop word's own postings are under this prefix and the word (FORMAT.md).
const STOP_TERM_PREFIX = ".";
const MAX_TOKEN_CHARS = 40;
// Query semantics: QUERY.md, mirrored from search-index/src/engine/plan.rs.
const MAX_COMPLETIONS = 10;
const MAX_COMPLETION_SHARDS = 3;
const MAX_CORRECTIONS = 3;
const MIN_TYPO_LEN = 4;
const TWO_TYPOS_LEN = 8;
const prefixWeight = (typed, completion) => Math.fround(0.5 + 0.5 * (typed / completion));
const typoWeight = (distance) => (distance <= 1 ? 0.5 : 0.375);
const SYNONYM_WEIGHT = 0.875;
// Both words of a joined pair get its term: half each, so it counts once.
const JOINED_WEIGHT = 0.5;
// Another form of a word the vocabulary lacks (`configuring` → `configure`): the same stem with another of the
// inflectional endings of the language the index stems, the empty one first.
const FORM_WEIGHT = 0.75;
// `macos` is not a form of `mac` (Spanish `-os`), but split into `mac` and `os`.
const MIN_FORM_STEM = 4;
const ENDINGS = {
  english: ["", "s", "es", "ed", "ing", "e", "y", "ies", "ied"],
  spanish: ["", "s", "es", "a", "as", "o", "os", "e", "ar", "er", "ir", "ando", "iendo", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"],
};
// English doubles a word's last consonant before `-ing` and `-ed` (`running`, `stopped`), and drops its `e`
// (`paging`): a stem of these endings may end in a doubled consonant, or be 3 letters long and take only `e`.
const DOUBLED = /([bdgmnprt])\1$/;
// A piece of a word split into the words articles write apart has at least this many characters.
const MIN_SPLIT_PIECE = 2;
// The first results among which a title equal to the query, then the
// query's words in a row, come first.
const TITLE_WINDOW = 10;
const SNIPPET_CHARS = 180;

const NUMERIC = /\p{N}/u;
// The scheme and host of a web address pasted in a query (`https://help.example.com`).
const WEB_HOST = /[\p{Alphabetic}\p{N}+.-]*:\/\/[\p{Alphabetic}\p{N}._:@-]*/gu;
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
  // Lower-cased a character at a time, as tantivy's LowerCaser does: a
  // whole word's toLowerCase() makes a final Σ into ς where Rust makes σ.
  for (const c of [...text].map((ch) => ch.toLowerCase()).join("")) {
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

/** `compute(text)`, kept in `cache` (emptied once it holds `size` texts) for the next time `text` is read. */
function remembered(cache, size, text, compute) {
  let value = cache.get(text);
  if (value === undefined) {
    value = compute(text);
    if (cache.size >= size) cache.clear();
    cache.set(text, value);
  }
  return value;
}

const PLAIN = /^[a-z0-9_-]*$/;

const normalized = new Map();

/** Lower-cases and accent-folds like the index analyzer ("Contraseña" → "contrasena"). */
function normalize(text) {
  return PLAIN.test(text) ? text : remembered(normalized, 50000, text, normalizeUncached);
}

// A run: alphanumerics joined by `_`/`-` (joiners only count when an
// alphanumeric follows them); its pieces are the alphanumeric parts.
const RUN = /[\p{Alphabetic}\p{N}]+(?:[_-]+[\p{Alphabetic}\p{N}]+)*/gu;
const PIECE = /[\p{Alphabetic}\p{N}]+/gu;

// A Chinese, Japanese or Korean letter (the Rust analyzer's `is_cjk`), and
// a run of them, which are not part of the runs above.
const CJK_LETTER = "(?=[\\p{Alphabetic}\\p{N}])[\\u1100-\\u11ff\\u3040-\\u30ff\\u3130-\\u318f\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{2fa1f}]";
const CJK_RUN = new RegExp(`(?:${CJK_LETTER})+`, "gu");
// One such letter alone (the Rust planner's `is_lone_cjk_letter`).
const LONE_CJK = new RegExp(`^${CJK_LETTER}$`, "u");

/**
 * Splits text like the Rust CodeAwareTokenizer (see analyzer.rs): runs of
 * alphanumerics joined by `_`/`-`; codes (a `_`, or a digit in a piece of a
 * joined run) stay whole; in "index" mode their pieces follow them, and a
 * hyphenated word of letters ("Wi-Fi") comes first written whole ("WiFi").
 * A run longer than MAX_TOKEN_CHARS is no token: its pieces that are not
 * are tokens, as words. A run of Chinese, Japanese or Korean letters gives each pair of letters
 * that follow one another ("数据库" → "数据", "据库"), or its letter alone.
 * Returns [{ text, start, end }] with UTF-16 offsets into `text`.
 */
function tokenize(text, mode = "query") {
  const tokens = [];
  let at = 0;
  CJK_RUN.lastIndex = 0;
  for (let m; (m = CJK_RUN.exec(text)) !== null; ) {
    tokenizeRuns(text, at, m.index, mode, tokens);
    const starts = [];
    for (let i = m.index; i < m.index + m[0].length; i += text.codePointAt(i) > 0xffff ? 2 : 1) starts.push(i);
    const end = m.index + m[0].length;
    if (starts.length === 1) tokens.push({ text: m[0], start: m.index, end });
    for (let k = 0; k + 1 < starts.length; k++) {
      const to = k + 2 < starts.length ? starts[k + 2] : end;
      tokens.push({ text: text.slice(starts[k], to), start: starts[k], end: to });
    }
    at = end;
  }
  tokenizeRuns(text, at, text.length, mode, tokens);
  return tokens;
}

/** Appends to `tokens` those of the runs of `text` from `start` to `end`, which holds no Chinese, Japanese or Korean letter. */
function tokenizeRuns(text, start, end, mode, tokens) {
  if (start >= end) return;
  const part = text.slice(start, end);
  RUN.lastIndex = 0;
  for (let m; (m = RUN.exec(part)) !== null; ) {
    const run = m[0];
    const from = start + m.index;
    const to = from + run.length;
    const long = (s) => s.length > MAX_TOKEN_CHARS && [...s].length > MAX_TOKEN_CHARS;
    const joined = run.includes("_") || run.includes("-");
    if (!joined && long(run)) continue;
    if (!joined) { tokens.push({ text: run, start: from, end: to }); continue; }
    const pieces = [];
    PIECE.lastIndex = 0;
    for (let p; (p = PIECE.exec(run)) !== null; ) pieces.push([from + p.index, from + p.index + p[0].length]);
    if (long(run)) {
      // Too long to be one token, its pieces are words.
      for (const [a, b] of pieces) if (!long(text.slice(a, b))) tokens.push({ text: text.slice(a, b), start: a, end: b });
      continue;
    }
    const code = run.includes("_") || pieces.some(([a, b]) => NUMERIC.test(text.slice(a, b)));
    if (code) {
      tokens.push({ text: run, start: from, end: to });
      if (mode === "index") for (const [a, b] of pieces) tokens.push({ text: text.slice(a, b), start: a, end: b });
    } else {
      if (mode === "index") tokens.push({ text: pieces.map(([a, b]) => text.slice(a, b)).join(""), start: from, end: to });
      for (const [a, b] of pieces) tokens.push({ text: text.slice(a, b), start: a, end: b });
    }
  }
}

let osaRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance (with `prefix`, to the closest beginning of `b`), or `max + 1` once it exceeds `max`. */
function editDistance(a, b, max, prefix = false) {
  if (prefix) b = b.slice(0, a.length + max);
  if (prefix ? b.length + max < a.length : Math.abs(a.length - b.length) > max) return max + 1;
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
  if (!prefix) return prev[b.length];
  let best = max + 1;
  for (let j = Math.max(0, a.length - max); j <= b.length; j++) best = Math.min(best, prev[j]);
  return best;
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

// Numbers as text (FORMAT.md): five bits a letter, least significant
// first; a letter below 32 ends the number. DIGIT: each ASCII code's value
// as a letter (64: none).
const DIGIT = new Uint8Array(128).fill(64);
for (let i = 0; i < 64; i++) DIGIT["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".charCodeAt(i)] = i;

/**
 * A reader of the numbers of `text` from `at`: `next()` returns the next
 * one and throws on anything malformed; `at` is where it stands.
 */
function numberReader(text, at = 0) {
  const reader = {
    at,
    next() {
      let value = 0;
      for (let shift = 0; shift < 35; shift += 5) {
        const c = text.charCodeAt(reader.at++);
        const d = c < 128 ? DIGIT[c] : 64;
        if (d === 64) break;
        value += (d & 31) * 2 ** shift;
        if (d < 32) {
          if (value > 0xffffffff) break;
          return value;
        }
      }
      throw new Error("tier0 search: bad numbers");
    },
  };
  return reader;
}

// A tail's level letters (FORMAT.md, "Tail encoding"), the worst level
// first: `!` to `~` without `"` and `\`, then from U+00A1. LEVEL_RANK:
// each ASCII code's rank as a letter (-1: none).
const LEVEL_RANK = new Int16Array(128).fill(-1);
for (let c = 0x21, rank = 0; c < 0x7f; c++) if (c !== 0x22 && c !== 0x5c) LEVEL_RANK[c] = rank++;
const TWO_BYTE_LEVELS = 0xa1;

/** Every number of `text`. */
function readNumbers(text) {
  const r = numberReader(text);
  const out = [];
  while (r.at < text.length) out.push(r.next());
  return out;
}

const F32 = new Float32Array(1);
const F32_BITS = new Uint32Array(F32.buffer);

/**
 * Postings in the exported order (title postings first, then by score) as
 * `{ docs: Uint32Array, scores: Float32Array, titles: Uint8Array }`; scores
 * are the exact f32 values (deltas in IEEE-754 bit space from `top`, which
 * start again at the first posting without the title bit).
 */
function decodePostings(encoded, top) {
  const values = readNumbers(encoded);
  const n = values.length >> 1;
  const docs = new Uint32Array(n);
  const scores = new Float32Array(n);
  const titles = new Uint8Array(n);
  let bits = top, inTitle = false;
  for (let k = 0; k < n; k++) {
    const doc = values[2 * k];
    const title = doc % 2 === 1;
    if (inTitle && !title) bits = top;
    inTitle = title;
    bits -= values[2 * k + 1];
    docs[k] = Math.floor(doc / 2);
    titles[k] = title ? 1 : 0;
    scores[k] = f32FromBits(bits);
  }
  return { docs, scores, titles };
}

/**
 * A tail (FORMAT.md, "t/"): the numbers `L`, `L` level deltas in IEEE-754
 * bit space from `top`, `N`, `N` × (article gap × 2 + title), then `N`
 * level letters (LEVEL_RANK); the same shape as `decodePostings` returns,
 * by ascending article.
 */
function decodeTail(encoded, top) {
  const bad = () => new Error("tier0 search: bad postings tail");
  const r = numberReader(encoded);
  const nLevels = r.next();
  if (nLevels > 256) throw bad();
  const levels = new Float32Array(nLevels);
  let bits = top;
  for (let i = 0; i < nLevels; i++) {
    bits -= r.next();
    if (bits < 0) throw bad();
    levels[i] = f32FromBits(bits);
  }
  const n = r.next();
  if (n > encoded.length) throw bad();
  const docs = new Uint32Array(n);
  const scores = new Float32Array(n);
  const titles = new Uint8Array(n);
  let doc = 0;
  for (let i = 0; i < n; i++) {
    const v = r.next();
    doc += Math.floor(v / 2);
    docs[i] = doc++;
    titles[i] = v % 2;
  }
  if (encoded.length - r.at !== n) throw bad();
  for (let i = 0; i < n; i++) {
    const c = encoded.charCodeAt(r.at + i);
    const rank = c >= TWO_BYTE_LEVELS ? 92 + c - TWO_BYTE_LEVELS : c < 128 ? LEVEL_RANK[c] : -1;
    if (rank < 0 || rank >= nLevels) throw bad();
    scores[i] = levels[nLevels - 1 - rank];
  }
  return { docs, scores, titles };
}

function concatPostings(a, b) {
  const docs = new Uint32Array(a.docs.length + b.docs.length);
  const scores = new Float32Array(docs.length);
  const titles = new Uint8Array(docs.length);
  docs.set(a.docs); docs.set(b.docs, a.docs.length);
  scores.set(a.scores); scores.set(b.scores, a.scores.length);
  titles.set(a.titles); titles.set(b.titles, a.titles.length);
  return { docs, scores, titles };
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
  return scriptLoader(base);
}

/**
 * A loader that reads each file with a `<script src>` tag: what file://
 * needs, and what a page of another origin needs when the help site sends
 * no CORS headers (classic scripts load from anywhere `script-src` allows).
 * `path` is both the file (under `base`) and the name the file registers.
 */
function scriptLoader(base) {
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

/** Index of the first vocabulary entry of `words` (sorted by surface) not before `word`. */
const lowerBound = (words, word) => {
  let lo = 0, hi = words.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (words[mid][0] < word) lo = mid + 1; else hi = mid; }
  return lo;
};

/** The index term of a vocabulary entry `[surface, term, df]` (0: the surface itself). */
const termOf = (entry) => (entry[1] === 0 ? entry[0] : entry[1]);

/**
 * The files of one language of an exported index (`load`, `base` and
 * `lang` as for `createSearch`), each read once: the manifest, the
 * vocabulary shards and the decoded postings of a term, tail included
 * when asked for.
 */
function createStore({ load, base, lang }) {
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
  const vocabShard = async (dir, i) => (await data(`${dir}/${i}.js`)).words;

  /** The vocabulary entry of `word` (null when unknown) and the shard that has it, or would. */
  async function lookup(word) {
    const m = await manifest();
    const words = await vocabShard("v", shardOf(m.vocab, word));
    const at = lowerBound(words, word);
    const entry = words[at] && words[at][0] === word ? words[at] : null;
    return { entry, words };
  }

  async function termEntry(term) {
    const m = await manifest();
    const shard = await data(`p/${shardOf(m.terms, term)}.js`);
    return shard.terms[term] || null;
  }

  // Decoded postings per term: { entry, head, full } (full: head + tail, once loaded).
  const EMPTY = { docs: new Uint32Array(0), scores: new Float32Array(0), titles: new Uint8Array(0) };
  const decoded = new Map();
  async function postings(term, withTail) {
    let d = decoded.get(term);
    if (!d) {
      const entry = await termEntry(term);
      d = { entry, head: entry ? decodePostings(entry.head, entry.top) : EMPTY, full: null };
      if (!entry || entry.tail === undefined) d.full = d.head;
      decoded.set(term, d);
    }
    if (withTail && !d.full) {
      const tail = await data(`t/${d.entry.tail}.js`);
      d.full = concatPostings(d.head, decodeTail(tail.terms[term], d.entry.top));
    }
    return d;
  }

  return { manifest, data, vocabShard, lookup, postings };
}

/**
 * The words `word` may be another form of, in a language the index stems (QUERY.md, step 2, *form*): each
 * stem of 4 letters or more it has (the word without one of the language's endings) with each other ending;
 * in English, before `-ing` or `-ed`, also a stem with its doubled consonant once (`running` → `run`,
 * `runs`) and a stem of 3 letters with `e` (`paging` → `page`).
 */
function formSurfaces(word, stemmer) {
  const endings = ENDINGS[stemmer] || [];
  const out = [];
  for (const own of endings.filter((e) => word.endsWith(e))) {
    const stem = word.slice(0, word.length - own.length);
    const withOthers = (s) => endings.filter((e) => e !== own).map((e) => s + e);
    if (stem.length >= MIN_FORM_STEM) out.push(...withOthers(stem));
    if (stemmer !== "english" || (own !== "ing" && own !== "ed")) continue;
    if (stem.length >= MIN_FORM_STEM && DOUBLED.test(stem)) out.push(...withOthers(stem.slice(0, -1)));
    if (stem.length === MIN_FORM_STEM - 1) out.push(`${stem}e`);
  }
  return out;
}

/** The pieces of a code (`x86_64` → `x86`, `64`); a plain word is one piece. */
function codePieces(surface) {
  return surface.split(/[_-]/).filter(Boolean);
}

/**
 * The other ways an identifier is written: without its joiners, then a hexadecimal number without or with its
 * `0x`; then a word with the Turkish capital `İ` written with `i` (lower-cased, `İ` is `i` and a combining dot,
 * which no folding removes: `İMPRESORA` is `impresora`).
 */
function variants(surface) {
  const compact = surface.replace(/[_-]/g, "");
  const hex = /^(0x)?([0-9a-f]*\d[0-9a-f]*)$/.exec(compact);
  const version = /^v(\d+)$/.exec(compact);
  const dotless = surface.replace(/i\u0307/g, "i");
  return [...(compact === surface ? [] : [compact]), ...(hex ? [hex[1] ? hex[2] : `0x${compact}`] : []),
    ...(version ? [version[1]] : []), ...(dotless === surface ? [] : [dotless])];
}

/** What a query asks for (QUERY.md, "Planning"), read from the vocabulary of `store`. */
function createPlanner({ manifest, data, vocabShard, lookup }) {
  /** The vocabulary entries that start with `prefix` (itself included), from its shard and at most the next ones. */
  async function wordsStarting(prefix) {
    const m = await manifest();
    const first = shardOf(m.vocab, prefix);
    const upper = prefix + "\uffff";
    const out = [];
    for (let i = first; i < m.vocab.length && i < first + MAX_COMPLETION_SHARDS; i++) {
      if (i > first && m.vocab[i] >= upper) break;
      const words = await vocabShard("v", i);
      for (let k = lowerBound(words, prefix); k < words.length && words[k][0].startsWith(prefix); k++) out.push(words[k]);
    }
    return out;
  }

  /** Up to MAX_COMPLETIONS terms of the words starting with `prefix` (not itself) among the entries `started`, by df then term. */
  function completions(started, prefix) {
    const byTerm = new Map();
    for (const e of started) {
      if (e[1] === null || e[0] === prefix) continue;
      const t = termOf(e);
      const slot = byTerm.get(t);
      if (!slot) byTerm.set(t, { df: e[2], surface: e[0] });
      else if (e[0].length < slot.surface.length || (e[0].length === slot.surface.length && e[0] < slot.surface)) slot.surface = e[0];
    }
    return [...byTerm].sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, MAX_COMPLETIONS)
      .map(([term, { surface }]) => ({ term, surface, kind: "prefix", weight: prefixWeight(prefix.length, surface.length) }));
  }

  /** The vocabulary entries of the words that end with `letter` (not the letter itself), from its shard of the reversed vocabulary. */
  async function wordsEnding(letter) {
    const { keys } = await data("reversed.js");
    const back = await vocabShard("w", shardOf(keys, letter));
    return back.filter((e) => e[0] !== letter && e[0].endsWith(letter));
  }

  // The corrections of each word looked up: answer() plans the query and
  // suggest() reads it again; a query of many misspelled words would
  // measure every word's distances twice.
  const corrected = new Map();

  /**
   * Up to MAX_CORRECTIONS terms of the known words closest to the unknown `word` (`shard`: its vocabulary
   * shard), shared: see unknown(); while it is `typed` and no word starts with it, also of the words that begin
   * close to it. And whether a stop word is one edit from it.
   */
  async function misspelled(word, shard, typed) {
    const key = `${typed ? "…" : ""}${word}`;
    let found = corrected.get(key);
    if (!found) {
      found = closest(word, shard, typed);
      if (corrected.size > 1000) corrected.clear();
      corrected.set(key, found);
      found.catch(() => corrected.delete(key));
    }
    return found;
  }

  async function closest(word, shard, typed) {
    // Only words of letters: a code one digit away is another code.
    if (word.length < MIN_TYPO_LEN || !/^\p{Alphabetic}+$/u.test(word)) return { found: [], nearStop: false };
    const max = word.length >= TWO_TYPOS_LEN ? 2 : 1;
    // A typo in the word being typed leaves nothing to complete (`impresr`): the words that begin like it.
    const begun = typed && !(await wordsStarting(word)).some((e) => e[1] !== null && e[0] !== word);
    const reversed = [...word].reverse().join("");
    // The reversed shards' keys are in a file of their own: only typo lookups read them.
    const { keys } = await data("reversed.js");
    const back = await vocabShard("w", shardOf(keys, reversed));
    const found = [];
    const seen = new Set();
    // A stop word one edit away: the word may be it, misspelled (`orta` of `otra`).
    let nearStop = false;
    for (const e of [...shard, ...back]) {
      if (e[1] === null) { nearStop = nearStop || editDistance(word, e[0], 1) <= 1; continue; }
      if (seen.has(e[0])) continue;
      const whole = editDistance(word, e[0], max);
      const d = begun ? editDistance(word, e[0], max, true) : whole;
      if (d <= max) { seen.add(e[0]); found.push({ surface: e[0], term: termOf(e), distance: d, begun: whole > d, df: e[2] }); }
    }
    // By distance, a whole word before a word begun, then df and surface.
    found.sort((a, b) => a.distance - b.distance || a.begun - b.begun || b.df - a.df || (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0));
    const out = [];
    for (const f of found) {
      if (out.length === MAX_CORRECTIONS) break;
      if (!out.some((c) => c.term === f.term)) out.push({ term: f.term, surface: f.surface, kind: "typo", weight: typoWeight(f.distance) });
    }
    return { found: out, nearStop };
  }

  /** Up to MAX_CORRECTIONS terms of the other forms of the unknown `word` (formSurfaces), by df then surface; asked only of a word without a one-edit correction. */
  async function formsOf(word) {
    if (word.length < MIN_TYPO_LEN || !/^\p{Alphabetic}+$/u.test(word)) return [];
    const found = [];
    for (const surface of formSurfaces(word, (await manifest()).analyzer?.stemmer)) {
      const { entry } = await lookup(surface);
      if (entry && entry[1] !== null && !found.some((f) => f.surface === entry[0])) found.push({ surface: entry[0], term: termOf(entry), df: entry[2] });
    }
    found.sort((a, b) => b.df - a.df || (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : 0));
    const out = [];
    for (const f of found) {
      if (out.length < MAX_CORRECTIONS && !out.some((c) => c.term === f.term)) out.push({ term: f.term, surface: f.surface, kind: "form", weight: FORM_WEIGHT });
    }
    return out;
  }

  /**
   * What answers a word the vocabulary lacks: its corrections (`found`), else its other `forms`, and whether a
   * stop word is one edit from it. A word nothing is one edit from may be another form of a known word: its
   * forms come before corrections two edits away (`contenting` is `content`, not `continue`).
   */
  async function unknown(surface, shard, typed, typos) {
    const { found, nearStop } = typos ? await misspelled(surface, shard, typed) : { found: [], nearStop: false };
    const forms = found.length && found[0].weight === typoWeight(1) ? [] : await formsOf(surface);
    return { found: forms.length ? [] : found.map((c) => ({ ...c })), forms, nearStop };
  }

  /**
   * Query words with the terms that answer them (QUERY.md, "Planning"), and the phrase the ranking's title
   * and words-in-a-row rules compare: the query's surfaces, a word planned as its parts replaced by them.
   */
  async function plan(query, typos = true) {
    const surfaces = surfacesOf(query);
    // Only stop words: each is searched by its own postings.
    let stops = surfaces.length > 0;
    for (const s of surfaces) stops = stops && await isStopWord(s);
    const { words, phrase } = await planWords(surfaces, isTyping(query), typos, stops);
    // Question words, and the scheme and host of a web address, are optional when another word is required.
    const questionWords = (await manifest()).question_words || [];
    const hosts = new Set([...query.matchAll(WEB_HOST)].flatMap((m) => surfacesOf(m[0])));
    const question = (w) => questionWords.includes(w.surface) || hosts.has(w.surface);
    if (words.some((w) => !w.optional && !question(w))) {
      for (const w of words) if (question(w)) w.optional = true;
    }
    return { words, phrase };
  }

  /** The words of `surfaces`; with `stops` (a query of stop words only), each stop word is answered by its own term and none is optional. */
  async function planWords(surfaces, typing, typos, stops) {
    const words = [];
    const phrase = [];
    const seen = new Set();
    const add = (surface, { known, candidates, startsStopWord, nearStopWord }) => {
      if (known && candidates.length === 0) return; // a stop word, not being typed
      const key = candidates.length && candidates[0].kind === "exact" ? `=${candidates[0].term}` : `?${surface}`;
      if (seen.has(key)) return;
      seen.add(key);
      words.push({ surface, candidates, optional: (startsStopWord || nearStopWord) && !stops });
    };
    const joins = [];
    for (let i = 0; i + 1 < surfaces.length; i++) joins.push(await joined(surfaces[i], surfaces[i + 1]));
    for (let i = 0; i < surfaces.length; i++) {
      const surface = surfaces[i];
      const typed = typing && i === surfaces.length - 1;
      const answers = await candidatesOf(surface, typed, typos, stops);
      for (const c of [joins[i - 1], joins[i]]) {
        if (c && !answers.candidates.some((x) => x.term === c.term)) answers.candidates.push(c);
      }
      // A word nothing answers: the words it is made of, when the vocabulary has each
      // (`srv-mad03`, `srvmad03` → `srv`, `mad`, `03`).
      const parts = !answers.known && answers.candidates.length === 0 ? await partsOf(surface, typed, typos) : null;
      // A misspelled word (or piece) is its best correction to the title
      // and words-in-a-row rules, another form its best form.
      for (const [word, a] of parts || [[surface, answers]]) {
        const c = a.candidates;
        phrase.push(c.length && c.every((x) => x.kind === "typo" || x.kind === "form") ? c[0].surface : word);
        add(word, a);
      }
    }
    // Only the word being typed can start a stop word: it is optional when the query has another.
    if (words.length === 1) words[0].optional = false;
    return { words, phrase };
  }

  /**
   * The pieces of `surface` with their answers, or null: the first cut whose every piece is answered
   * (knownParts): the pieces its joiners cut; those cut again where letters meet digits; those the
   * vocabulary lacks split into two or three vocabulary words.
   */
  async function partsOf(surface, typed, typos) {
    const pieces = codePieces(surface);
    const finer = pieces.flatMap((p) => p.match(/\p{N}+|\P{N}+/gu));
    let parts = null;
    if (pieces.length > 1 && (parts = await knownParts(pieces, typed, typos))) return parts;
    if (finer.length > pieces.length && (parts = await knownParts(finer, typed, typos))) return parts;
    const split = [];
    for (const piece of pieces) {
      if ((await lookup(piece)).entry) { split.push(piece); continue; }
      const words = await splitWord(piece);
      if (!words) return null;
      split.push(...words);
    }
    return knownParts(split, typed, typos);
  }

  /**
   * `word` (no joiners) as two vocabulary words written together, else three: each of MIN_SPLIT_PIECE
   * characters or more and not a stop word, no two neighbours both numbers. Of the splits with the fewest
   * pieces, the first whose rarest piece has the highest document frequency.
   */
  async function splitWord(word) {
    const chars = [...word];
    const n = chars.length;
    const piece = (from, to) => chars.slice(from, to).join("");
    // A piece's df; undefined for a stop word or a word the vocabulary lacks.
    const df = async (from, to) => {
      const { entry } = await lookup(piece(from, to));
      return entry && entry[1] !== null ? entry[2] : undefined;
    };
    const number = (from, to) => /^\p{N}+$/u.test(piece(from, to));
    const rarest = (cuts, dfs) => {
      const ends = [0, ...cuts, n];
      for (let k = 0; k + 2 < ends.length; k++) if (number(ends[k], ends[k + 1]) && number(ends[k + 1], ends[k + 2])) return null;
      return Math.min(...dfs);
    };
    const splits = [];
    // The splits of `chars` from `from` into `left` more pieces, after the
    // cuts and pieces' dfs made before it, cuts in increasing order.
    const cut = async (from, left, cuts, dfs) => {
      if (left === 1) {
        const last = await df(from, n);
        const r = last === undefined ? null : rarest(cuts, [...dfs, last]);
        if (r !== null) splits.push([r, cuts]);
        return;
      }
      for (let a = from + MIN_SPLIT_PIECE; a <= n - MIN_SPLIT_PIECE; a++) {
        const d = await df(from, a);
        if (d !== undefined) await cut(a, left - 1, [...cuts, a], [...dfs, d]);
      }
    };
    await cut(0, 2, [], []);
    if (splits.length === 0) await cut(0, 3, [], []);
    if (splits.length === 0) return null;
    const top = Math.max(...splits.map(([r]) => r));
    const ends = [0, ...splits.find(([r]) => r === top)[1], n];
    return ends.slice(1).map((end, k) => piece(ends[k], end));
  }

  /**
   * Each of `pieces` with its answers when every one is answered: the vocabulary has it, or it has
   * candidates (a misspelled piece its corrections, `conection` of `err_conection_reset`; the last, being
   * typed, its completions); else null.
   */
  async function knownParts(pieces, typed, typos) {
    const out = [];
    for (const [k, piece] of pieces.entries()) {
      const a = await candidatesOf(piece, typed && k === pieces.length - 1, typos, false);
      if (!a.known && a.candidates.length === 0) return null;
      out.push([piece, a]);
    }
    return out;
  }

  /** Whether the vocabulary has `surface` as a stop word. */
  async function isStopWord(surface) {
    const { entry } = await lookup(surface);
    return entry !== null && entry[1] === null;
  }

  /** The term of two consecutive words written as one (`smart symbols` → `smartsymbols`, `aadsts 50126` → `aadsts50126`), or null. */
  async function joined(a, b) {
    const plain = (w) => /^[\p{Alphabetic}\p{N}]+$/u.test(w);
    const letter = (w) => /\p{Alphabetic}/u.test(w);
    if (!plain(a) || !plain(b) || !(letter(a) || letter(b)) || await isStopWord(a) || await isStopWord(b)) return null;
    const surface = a + b;
    const { entry } = await lookup(surface);
    if (!entry || entry[1] === null) return null;
    return { term: termOf(entry), surface, kind: "joined", weight: JOINED_WEIGHT };
  }

  /** Whether the vocabulary has `surface`, and the terms that answer it (QUERY.md, "Planning", step 2); with `stops`, a stop word's own term is its exact one. */
  async function candidatesOf(surface, typed, typos, stops) {
    const m = await manifest();
    const { entry, words: shard } = await lookup(surface);
    const candidates = [];
    // A term already listed for the word is skipped.
    const add = (c) => candidates.some((x) => x.term === c.term) || candidates.push(c);
    const exact = entry && entry[1] !== null ? termOf(entry) : null;
    const exactTerm = exact ?? (entry && stops ? STOP_TERM_PREFIX + surface : null);
    if (exactTerm !== null) candidates.push({ term: exactTerm, surface, kind: "exact", weight: 1 });
    const synonyms = m.synonyms || {};
    const own = (key) => (Object.prototype.hasOwnProperty.call(synonyms, key) ? synonyms[key] : []);
    for (const [synonym, term] of [...own(surface), ...(exact !== null ? own(`=${exact}`) : [])]) add({ term, surface: synonym, kind: "synonym", weight: SYNONYM_WEIGHT });
    let startsStopWord = false;
    // A Chinese, Japanese or Korean letter alone: the pairs it begins and ends.
    const lone = LONE_CJK.test(surface);
    if (typed || lone) {
      const started = await wordsStarting(surface);
      startsStopWord = typed && started.some((e) => e[1] === null);
      if (lone) started.push(...await wordsEnding(surface));
      for (const c of completions(started, surface)) add(c);
    }
    for (const variant of variants(surface)) {
      const { entry: e } = await lookup(variant);
      if (e && e[1] !== null) add({ term: termOf(e), surface: variant, kind: "variant", weight: 1 });
    }
    let nearStopWord = false;
    if (!entry) {
      const { found, forms, nearStop } = await unknown(surface, shard, typed, typos);
      forms.forEach(add);
      candidates.push(...found);
      nearStopWord = nearStop;
    }
    return { known: entry !== null, candidates, startsStopWord, nearStopWord };
  }

  return { plan, unknown };
}

/**
 * Ranks planned query words over the postings of `store` (QUERY.md,
 * "Ranking"), reading the tails only when the heads cannot decide (QUERY.md,
 * "Reading less in the browser").
 */
function createRanker({ manifest, data, postings }) {
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
      const docs = filterFile.facets[facet] ? readNumbers(filterFile.facets[facet]) : [];
      return (doc) => accepted[docs[doc]] === true;
    });
    return (doc) => checks.every((check) => check(doc));
  }

  // Per-(article, word) accumulators, reused by every query: the word's
  // best weighted score (NaN: no match), whether it is in the title, and
  // which of the word's candidate lists hold the article (bit j).
  const acc = { size: 0, width: 0, query: 0, stamp: null, best: null, title: null, seen: null, touched: null };
  function accumulators(docs, nw) {
    if (acc.size < docs || acc.width < nw) {
      acc.size = Math.max(acc.size, docs);
      acc.width = Math.max(acc.width, nw, 4);
      acc.stamp = new Uint32Array(acc.size);
      acc.best = new Float64Array(acc.size * acc.width);
      acc.title = new Uint8Array(acc.size * acc.width);
      acc.seen = new Uint32Array(acc.size * acc.width);
      acc.touched = new Uint32Array(acc.size);
      acc.query = 0;
    }
    acc.query = (acc.query + 1) >>> 0;
    if (acc.query === 0) { acc.stamp.fill(0); acc.query = 1; }
    return acc;
  }

  /**
   * Ranks over what is loaded. `lists[i][j]`: word i's candidate j as
   * `{ weight, list, complete, top }`; `optional[i]`: an article need not
   * match word i. Returns the best `limit`, the phase (AND when some
   * article matches every required word), the number of matches, and
   * whether the order is certain: an unloaded tail cannot change it.
   */
  function evaluate(lists, optional, docsCount, accept, limit, also) {
    const q = wordsOf(optional);
    const a = accumulators(docsCount, q.nw);
    const n = accumulate(a, lists, q.nw, accept);
    const open = tailBounds(lists);
    const anyOpen = open.some((word) => word.some((o) => o !== null));
    const allWords = matchesAll(a, n, q);
    const { top, total, all } = selectTop(a, n, q, anyOpen ? open : null, allWords, limit);
    // The articles of `also` after the first `limit`, in order, with their
    // keys (final only when every list is whole).
    const inTop = new Set(top.map((c) => c.doc));
    const after = also.filter((doc) => !inTop.has(doc) && a.stamp[doc] === a.query)
      .map((doc) => ({ doc, key: knownKey(a, q, doc) }))
      .filter((c) => inPhase(c.key[0], allWords, q.nr))
      .sort((x, y) => (before(x, y) ? -1 : 1));
    const missing = also.some((doc) => !inTop.has(doc) && (!accept || accept(doc)));
    return { top, total, allWords, after, missing, certain: !anyOpen || isCertain(a, open, q, allWords, limit, top, all) };
  }

  /**
   * The best `limit` of the articles answering the planned `words`, their
   * count and the forms to highlight (by word); `after`: the articles
   * whose title is one word of `titleTerm` (`sole`) that rank after them,
   * in order (QUERY.md, "Exact title").
   */
  async function rank(words, { limit = 10, filters = {}, count = false, titleTerm = null } = {}) {
    const m = await manifest();
    if (words.length === 0 || limit <= 0) return { ranked: [], after: [], sole: [], total: 0, totalExact: true, allWords: false, forms: new Map() };
    const accept = await filterSet(filters);
    const load = (withTails) => Promise.all(words.map((word) => Promise.all(word.candidates.map(async (c) => {
      const d = await postings(c.term, withTails);
      return { weight: c.weight, entry: d.entry, list: d.full || d.head, complete: d.full !== null };
    }))));
    let lists = await load(false);
    const asLists = (ls) => ls.map((word) => word.map((c) => ({ ...c, rest: restScore(c.entry) })));
    const optional = words.map((w) => w.optional === true);
    const entry = titleTerm === null ? null : (await postings(titleTerm, false)).entry;
    const also = (entry && entry.sole) || [];
    let result = evaluate(asLists(lists), optional, m.docs, accept, limit, also);
    let totalExact = lists.every((word) => word.every((c) => c.complete));
    // Where an article of that title is not among the first, only whole
    // postings tell where it ranks.
    if (!result.certain || (!totalExact && (count || result.missing))) {
      lists = await load(true);
      result = evaluate(asLists(lists), optional, m.docs, accept, limit, also);
      totalExact = true;
    }
    const forms = new Map();
    lists.forEach((word, i) => { for (const c of word) if (c.entry) for (const f of c.entry.forms) if (!forms.has(f)) forms.set(f, i); });
    return { ranked: result.top, after: result.after, sole: also, total: result.total, totalExact, allWords: result.allWords, forms };
  }

  return { rank };
}

// Keys: [matched, titleAll, score] compared in that order (QUERY.md, "Ranking").
const cmpKey = (a, b) => (a[0] !== b[0] ? a[0] - b[0] : a[1] !== b[1] ? a[1] - b[1] : a[2] - b[2]);
// The higher key first, then the lower article number.
const before = (x, y) => { const c = cmpKey(x.key, y.key); return c !== 0 ? c > 0 : x.doc < y.doc; };
// Whether an article matching `matched` of the `nr` required words is a result:
// all of them in the AND phase, some in the OR phase (QUERY.md, "AND, then OR").
const inPhase = (matched, allWords, nr) => (allWords ? matched === nr : matched > 0);
// The query's words as ranking reads them: which are optional, how many, how many are required.
const wordsOf = (optional) => ({ optional, nw: optional.length, nr: optional.filter((o) => !o).length });

/**
 * Fills the accumulators `a` from the loaded lists (`lists[i][j]`: word i's
 * candidate j) for the articles `accept` takes (null: all). Returns the
 * number of articles seen, listed first in `a.touched`.
 */
function accumulate(a, lists, nw, accept) {
  const { stamp, best, title, seen, touched } = a;
  const q = a.query;
  let n = 0;
  for (let i = 0; i < nw; i++) {
    lists[i].forEach((c, j) => {
      const { docs, scores, titles } = c.list;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k];
        if (accept && !accept(doc)) continue;
        if (stamp[doc] !== q) {
          stamp[doc] = q;
          touched[n++] = doc;
          const base = doc * nw;
          for (let x = 0; x < nw; x++) { best[base + x] = NaN; title[base + x] = 0; seen[base + x] = 0; }
        }
        const at = doc * nw + i;
        const s = Math.fround(c.weight * scores[k]);
        if (!(best[at] >= s)) best[at] = s;
        title[at] |= titles[k];
        seen[at] |= 1 << j;
      }
    });
  }
  return n;
}

/** The best score of a term's postings without the title bit when they are all in its tail (`rest`, FORMAT.md), else null. */
function restScore(entry) {
  return !entry || entry.rest === undefined ? null : f32FromBits(entry.rest);
}

/** The f32 whose IEEE-754 bit pattern is `bits`. */
function f32FromBits(bits) {
  F32_BITS[0] = bits;
  return F32[0];
}

/**
 * What an unloaded tail may still hold, per list: [title, score] options
 * (null: the list is whole). Postings come title first, then by score: a
 * head that ends in the title group leaves title postings no better than
 * its last, and the others, none better than `rest` (none when absent); an
 * empty head, none better than the term's best.
 */
function tailBounds(lists) {
  return lists.map((word) => word.map((c) => {
    if (c.complete) return null;
    const last = c.list.docs.length - 1;
    if (last < 0) {
      // A tail without a head (only a corrupt index): it may hold anything
      // up to the term's best score.
      const top = Math.fround(c.weight * f32FromBits(c.entry.top));
      return [[1, top], [0, top]];
    }
    const lastScore = Math.fround(c.weight * c.list.scores[last]);
    if (c.list.titles[last] !== 1) return [[0, lastScore]];
    return c.rest === null ? [[1, lastScore]] : [[1, lastScore], [0, Math.fround(c.weight * c.rest)]];
  }));
}

/**
 * Lower key (what is known) and upper keys (what the tails `open` may add)
 * of article `doc`; for `doc` null, of an article no loaded list holds.
 */
function keysOf(a, open, q, doc) {
  const { best, title, seen } = a;
  const { optional, nw, nr } = q;
  let matched = 0, titled = 0, score = 0, upMatched = 0, upTitleOk = true, upScore = 0, upTitleScore = 0;
  for (let i = 0; i < nw; i++) {
    const at = doc === null ? -1 : doc * nw + i;
    const known = at >= 0 ? best[at] : NaN;
    const knownTitle = at >= 0 ? title[at] === 1 : false;
    if (known === known) {
      score = Math.fround(score + known);
      if (!optional[i]) { matched++; if (knownTitle) titled++; }
    }
    const { any, inTitle } = wordBounds(open[i], at >= 0 ? seen[at] : 0, known === known ? known : -1, knownTitle);
    if (optional[i]) {
      // Only adds to the score, in or out of the title.
      if (any >= 0) { upScore = Math.fround(upScore + any); upTitleScore = Math.fround(upTitleScore + any); }
      continue;
    }
    if (any >= 0) { upMatched++; upScore = Math.fround(upScore + any); }
    if (inTitle < 0) upTitleOk = false;
    else upTitleScore = Math.fround(upTitleScore + inTitle);
  }
  const lower = [matched, matched === nr && titled === nr ? 1 : 0, score];
  const uppers = [[upMatched, 0, upScore]];
  if (upTitleOk && upMatched === nr) uppers.push([upMatched, 1, upTitleScore]);
  return { lower, uppers, fixed: uppers.every((u) => cmpKey(u, lower) <= 0) };
}

/**
 * The best score one word can still reach for an article (`any`, -1: it
 * cannot match) and the best it can reach with the word in the title
 * (`inTitle`, -1: never in the title), from what is `known` of the
 * article and the `open` tails of the lists that have not shown it
 * (`seen`: bit j for list j). The word's score is its best candidate's,
 * which need not be the one in the title: with the title from list j, the
 * score is at most the best of j's title option and any other list's.
 */
function wordBounds(open, seen, known, knownTitle) {
  let any = known, first = -1, second = -1, firstList = -1;
  open.forEach((o, j) => {
    if (o === null || (seen & (1 << j))) return;
    for (const [, s] of o) {
      if (s > any) any = s;
      if (s > first) { if (firstList !== j) second = first; first = s; firstList = j; }
      else if (j !== firstList && s > second) second = s;
    }
  });
  if (knownTitle) return { any, inTitle: any };
  let inTitle = -1;
  open.forEach((o, j) => {
    if (o === null || (seen & (1 << j))) return;
    const others = j === firstList ? second : first;
    for (const [t, s] of o) if (t === 1) inTitle = Math.max(inTitle, s, known, others);
  });
  return { any, inTitle };
}

/** Whether some article of the `n` seen matches every required word: then the AND phase (QUERY.md, "AND, then OR"). */
function matchesAll(a, n, q) {
  const { best, touched } = a;
  const { optional, nw } = q;
  for (let t = 0; t < n; t++) {
    const doc = touched[t];
    let all = true;
    for (let i = 0; i < nw && all; i++) all = optional[i] || best[doc * nw + i] === best[doc * nw + i];
    if (all) return true;
  }
  return false;
}

/** The key of article `doc`, seen by the loaded lists, from what they hold of it. */
function knownKey(a, q, doc) {
  const { best, title } = a;
  const { optional, nw, nr } = q;
  let matched = 0, titled = 0, score = 0;
  for (let i = 0; i < nw; i++) {
    const v = best[doc * nw + i];
    if (v !== v) continue;
    score = Math.fround(score + v);
    if (!optional[i]) { matched++; if (title[doc * nw + i]) titled++; }
  }
  return [matched, matched === nr && titled === nr ? 1 : 0, score];
}

/**
 * The best `limit` of the `n` articles seen, in order, among those of the
 * phase, and how many the phase holds. When some tail is `open` (else
 * null), each article carries its keys, and `all` lists every article seen.
 */
function selectTop(a, n, q, open, allWords, limit) {
  const { touched } = a;
  const { nr } = q;
  const top = [];
  let total = 0;
  const all = [];
  for (let t = 0; t < n; t++) {
    const doc = touched[t];
    const k = open ? keysOf(a, open, q, doc) : null;
    const key = k ? k.lower : knownKey(a, q, doc);
    if (!inPhase(key[0], allWords, nr)) { if (k) all.push({ doc, k }); continue; }
    total++;
    const c = { doc, key, k };
    if (k) all.push(c);
    if (top.length === limit && !before(c, top[limit - 1])) continue;
    let i = top.length < limit ? top.length : limit - 1;
    while (i > 0 && before(c, top[i - 1])) { top[i] = top[i - 1]; i--; }
    top[i] = c;
  }
  return { top, total, all };
}

/**
 * Whether the order of `top` is certain although some tail is `open`: the
 * phase cannot change, the shown articles' keys are final, and nothing
 * else (seen or not) can reach the last one shown.
 */
function isCertain(a, open, q, allWords, limit, top, all) {
  const { nr } = q;
  // An article no loaded list holds: what the unread tails could make of it.
  const unseen = keysOf(a, open, q, null);
  const phaseFixed = allWords || !(unseen.uppers[0][0] === nr || all.some((x) => x.k.uppers[0][0] === nr));
  if (!phaseFixed || top.length !== limit || !top.every((c) => c.k.fixed)) return false;
  const last = top[limit - 1];
  const inTop = new Set(top.map((c) => c.doc));
  const beats = (upper, doc) => {
    const c = cmpKey(upper, last.key);
    return c > 0 || (c === 0 && (doc === null || doc < last.doc));
  };
  return !unseen.uppers.some((u) => beats(u, null))
    && all.every((x) => inTop.has(x.doc) || !x.k.uppers.some((u) => inPhase(u[0], allWords, nr) && beats(u, x.doc)));
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
  const store = createStore({ load, base, lang });
  const { manifest, data, lookup } = store;
  const { plan, unknown } = createPlanner(store);
  const { rank } = createRanker(store);

  /**
   * Answers `query`: `{ results, total, totalExact, allWords, words,
   * corrections }`. `total` counts the matches (a lower bound when
   * `totalExact` is false: the tails that would tell were not needed for
   * the first `limit`); `allWords` is false when no article has every word
   * and the results are those with some; `corrections` are the
   * `{ from, to }` replacements of unknown words.
   */
  async function answer(typed, options = {}) {
    const query = queryText(typed);
    const limit = options.limit ?? 10;
    const { typos = true } = options;
    const { words, phrase } = await plan(query, typos);
    // A query of one required word also looks for the articles whose title
    // is that word (or its best correction), stop words aside, after the
    // first TITLE_WINDOW.
    const required = words.filter((w) => !w.optional);
    const titleCandidate = required.length === 1 ? required[0].candidates.find((c) => phrase.includes(c.surface)) : undefined;
    const titleTerm = titleCandidate ? titleCandidate.term : null;
    const { ranked: top, after, sole, forms, total, totalExact, allWords } = await rank(words, { ...options, limit: Math.max(limit, TITLE_WINDOW), titleTerm });
    const m = await manifest();
    const ranked = top.concat(after);
    const records = await Promise.all(ranked.map(async (r) => readRecord((await data(`r/${Math.floor(r.doc / m.records)}.js`))[r.doc % m.records])));
    // Among the first TITLE_WINDOW, joined by those articles when their
    // title is the query, an article whose title is the query comes first
    // (2: typed whole, before 1: begun), then those with the query's words
    // in a row; a word planned as its parts counts as those (`macos` is
    // the title "Mac OS").
    const typing = isTyping(query);
    // A word of a text is the query's `j`th as written, or as the
    // beginning of its word while it is being typed (QUERY.md).
    const n = phrase.length;
    const is = (w, j) => w === phrase[j] || (typing && j === n - 1 && w.startsWith(phrase[j]));
    const soleDocs = new Set(sole);
    const window = ranked.map((r, i) => i < TITLE_WINDOW || soleDocs.has(r.doc));
    const exact = records.map((rec, i) => {
      if (!window[i]) return 0;
      const t = surfacesOf(rec.title);
      return t.length === n && t.every(is) ? 1 + t.every((w, j) => w === phrase[j]) : 0;
    });
    const inARow = records.map((rec, i) => i < TITLE_WINDOW && n > 1 && hasPhrase(rec, n, is));
    const joins = (i) => i < TITLE_WINDOW || exact[i] > 0;
    const first = ranked.map((_, i) => i).filter(joins);
    first.sort((a, b) => exact[b] - exact[a] || (inARow[b] ? 1 : 0) - (inARow[a] ? 1 : 0) || a - b);
    const order = first.concat(top.map((_, i) => i).filter((i) => !joins(i)));
    const results = order.slice(0, Math.max(0, limit)).map((i) => {
      const r = ranked[i];
      const record = records[i];
      const { snippet, matches, anchor } = makeSnippet(record, forms);
      return {
        id: record.id, url: record.url, title: record.title, tier: record.tier,
        category: record.category, trail: record.trail || [], type: record.type, description: record.description,
        internal: record.internal === true,
        ...(typeof record.confidence === "string" ? { confidence: record.confidence } : {}),
        score: r.key[2], snippet, matches, anchor, titleMatches: matchesIn(record.title, forms).ranges,
      };
    });
    const shown = order.slice(0, TITLE_WINDOW).map((i) => records[i]);
    const typedAs = new Map(tokenize(query, "query").reverse().map((t) => [normalize(t.text), t.text]));
    const written = new Map();
    const writtenAs = writtenIn(shown);
    const corrected = words.filter((w) => w.candidates.length > 0 && w.candidates.every((c) => c.kind === "typo"))
      .map((w) => {
        const best = w.candidates[0].surface;
        const typedWord = typedAs.get(w.surface) ?? "";
        const to = writtenAs(best, typedWord.toLowerCase() !== typedWord);
        written.set(best, to);
        return { from: w.surface, to };
      });
    const suggestion = corrected.length ? await suggest(query, written) : null;
    return { results, total, totalExact, allWords, words, corrections: corrected, suggestion, highlight: [...forms.keys()].slice(0, 40) };
  }

  /** The results of `query` (see `answer`). */
  async function search(query, options = {}) {
    return (await answer(query, options)).results;
  }

  /** A corrected query (unknown words, and the unknown pieces of a code, replaced by their best correction,
   *  as `written` shows it if it has it), or null. */
  async function suggest(typed, written = new Map()) {
    const query = queryText(typed);
    const tokens = tokenize(query, "query");
    let out = "";
    let pos = 0;
    let changed = false;
    const typing = isTyping(query);
    for (const [t, token] of tokens.entries()) {
      const surface = normalize(token.text);
      const { entry, words } = await lookup(surface);
      let replacement = token.text;
      if (!entry) {
        const best = (await unknown(surface, words, typing && t === tokens.length - 1, true)).found[0];
        if (best) { replacement = written.get(best.surface) ?? best.surface; changed = true; }
        else if (/[_-]/.test(token.text)) {
          // A code's misspelled pieces (`err_conection_reset`), each its correction.
          const pieces = token.text.split(/([_-]+)/);
          for (let k = 0; k < pieces.length; k += 2) {
            const piece = normalize(pieces[k]);
            const found = piece ? await lookup(piece) : { entry: true };
            const fix = found.entry ? null : (await unknown(piece, found.words, false, true)).found[0];
            if (fix) { pieces[k] = written.get(fix.surface) ?? fix.surface; changed = true; }
          }
          replacement = pieces.join("");
        }
      }
      out += query.slice(pos, token.start) + replacement;
      pos = token.end;
    }
    out += query.slice(pos);
    return changed ? out : null;
  }

  return { search, answer, suggest, manifest };
}

// Invisible format characters that text carries inside words (soft hyphen,
// zero-width space and joiners, direction marks, word joiner, byte order
// mark...): the Rust analyzer's `is_invisible`.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/**
 * `query` as both engines read it (QUERY.md, step 1): without the invisible
 * characters that cut a word in two, and in Unicode's composed form (NFC):
 * an accent typed or pasted as a combining mark (`contrasen\u0303a`, as
 * macOS writes file names) is the letter it goes on.
 */
function canonical(query) {
  return String(query).replace(INVISIBLE, "").normalize("NFC");
}

/** The words of a query read at most: a pasted page reads as its first 32 words (QUERY.md, step 1). */
const MAX_QUERY_WORDS = 32;

/**
 * `typed` as both engines read it: `canonical`, then, past 32 words, up to
 * the end of the 32nd with a space after it (no word is being typed).
 */
function queryText(typed) {
  const query = canonical(typed);
  const tokens = tokenize(query, "query");
  return tokens.length > MAX_QUERY_WORDS ? `${query.slice(0, tokens[MAX_QUERY_WORDS - 1].end)} ` : query;
}

/** Whether the reader is still typing the last word of `query` (it ends in a word character). */
function isTyping(query) {
  return /[\p{Alphabetic}\p{N}_-]$/u.test(query);
}

/**
 * A record as exported, with each section as `[anchor, heading, text]`: a
 * section written `[heading, text]` has the heading's words, as a query
 * reads them, joined by `-` as its anchor (FORMAT.md, "r/").
 */
function readRecord(record) {
  const sections = record.sections.map((s) => (s.length === 2 ? [surfacesOf(s[0]).join("-"), s[0], s[1]] : s));
  return { ...record, sections };
}

/** The texts of a record in reading order: title, description, then each section's heading and text. */
function recordTexts(record) {
  return [record.title, record.description, ...record.sections.flatMap(([, heading, text]) => (heading ? [heading, text] : [text]))];
}

/**
 * `writtenAs(surface, capitals)`: the first word of `records` (recordTexts
 * order) whose surface is `surface`, as written; lower-cased unless the
 * reader typed `capitals`; `surface` itself when none has it (QUERY.md,
 * "Corrections"). Each text is read once, however many words were
 * corrected: a query of hundreds of misspelled words read every text of
 * the first results again for each.
 */
function writtenIn(records) {
  const texts = records.flatMap(recordTexts);
  const first = new Map();
  let read = 0;
  return (surface, capitals) => {
    while (!first.has(surface) && read < texts.length) {
      for (const t of tokenize(texts[read++] || "", "query")) {
        const s = normalize(t.text);
        if (!first.has(s)) first.set(s, t.text);
      }
    }
    const token = first.get(surface);
    if (token === undefined) return surface;
    return capitals ? token : token.toLowerCase();
  };
}

// The texts of the first results are read again by every query that shows
// them (titles, words in a row, snippets, corrections), and reading their
// words again was half of a warm query's time: each text is read once.
const TEXTS_KEPT = 16384;
const surfacesRead = new Map();
const placesRead = new Map();

/** The normalised words of `text`, as a query reads them (stop words included); not to be changed. */
function surfacesOf(text) {
  return remembered(surfacesRead, TEXTS_KEPT, text, () => tokenize(text, "query").map((t) => normalize(t.text)));
}

/** Each surface of the words of `text` as the index reads them, with their `[start, end)`; not to be changed. */
function placesOf(text) {
  return remembered(placesRead, TEXTS_KEPT, text, () => {
    const places = new Map();
    for (const t of tokenize(text, "index")) {
      const surface = normalize(t.text);
      places.set(surface, [...(places.get(surface) || []), [t.start, t.end]]);
    }
    return places;
  });
}

/**
 * Whether the `n` words of the query follow one another in the record's
 * title, description, a heading or a section's text, as written or with
 * each code cut into its pieces (`srv mad 03` is in "SRV-MAD-03"); `is(w,
 * j)` tells whether `w` is the query's `j`th (QUERY.md, "Words in a row").
 */
function hasPhrase(record, n, is) {
  const fits = (words) => words.some((_, i) => i + n <= words.length && words.slice(i, i + n).every(is));
  return recordTexts(record).some((text) => {
    const words = surfacesOf(text || "");
    if (fits(words)) return true;
    const pieces = words.flatMap(codePieces);
    return pieces.length > words.length && fits(pieces);
  });
}

/** The merged ranges of the words of `text` that answer the query (`forms`: surface → query word), and the query words they answer. */
function matchesIn(text, forms) {
  const ranges = [];
  const words = new Set();
  for (const [surface, at] of placesOf(text)) {
    const word = forms.get(surface);
    if (word !== undefined) { ranges.push(...at); words.add(word); }
  }
  return { ranges: mergeRanges(ranges), words };
}

/** Plain-text snippet of the best-matching section, match ranges, and its anchor. */
function makeSnippet(record, forms) {
  let best = null;
  record.sections.forEach(([anchor, heading, text], index) => {
    const body = matchesIn(text, forms);
    const head = matchesIn(heading || "", forms);
    const distinct = new Set([...body.words, ...head.words]).size;
    const key = [distinct, body.ranges.length];
    if (distinct > 0 && (!best || key[0] > best.key[0] || (key[0] === best.key[0] && key[1] > best.key[1]))) {
      best = { key, anchor, text, ranges: body.ranges, index };
    }
  });
  if (!best) {
    const text = record.description || (record.sections[0] ? record.sections[0][2] : "");
    const { ranges } = matchesIn(text, forms);
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

/**
 * When a search has ended, for search analytics (QUERY.md, "Searches that
 * ended"): the reader opened a result, pressed Enter, or stopped typing for
 * `idleMs`. Call `searched` with each answer shown; `onEnd({query, results,
 * clicked?, rank?})` runs once per ended search, never for the queries typed
 * on the way to it.
 */
function searchSession(onEnd, idleMs = 3000) {
  let pending = null;
  let timer = 0;
  const settle = () => { if (pending) pending.settled = true; };
  /** Reports the pending search, with the result at `index` opened (none: -1). */
  const end = (index = -1) => {
    if (!pending || (index < 0 && !pending.settled)) return;
    clearTimeout(timer);
    const { query, ids, total } = pending;
    pending = null;
    const ended = { query, results: total };
    if (index >= 0 && ids[index]) Object.assign(ended, { clicked: ids[index], rank: index + 1 });
    onEnd(ended);
  };
  return {
    /** The answer `results` (of `total` matches) to `query` is on screen; `settled` when Enter asked for it. */
    searched(query, results, total, settled = false) {
      clearTimeout(timer);
      const q = String(query).trim();
      if (pending && pending.settled && pending.query !== q) end(-1);
      pending = q ? { query: q, ids: results.map((r) => r.id), total, settled } : null;
      if (pending && !settled) timer = setTimeout(settle, idleMs);
    },
    settle,
    end,
    /** Forgets the pending search (another page reports it). */
    drop() { clearTimeout(timer); pending = null; },
  };
}

export { createSearch, scriptLoader, searchSession, normalize, tokenize, editDistance, FORMAT_VERSION };

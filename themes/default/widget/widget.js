// The help widget's code (docs/widget.md). `tier0 build` bundles it into
// `widget.js` (classic script) and `widget.mjs` (ES module) after the search
// engine, in one scope that also holds SITE (what the build knows of the
// site), STYLE (widget.css) and SCRIPT ({url, element}: where the bundle was
// loaded from). The one name it gives the host page is `Tier0Help`; it says
// `globalThis`, as `window` is a function of the engine (its snippet window).
//
// Safety: the panel lives in a shadow root; every node is built with
// createElement and text nodes, never innerHTML; links from the index keep
// only http(s), mailto and tel; nothing is stored (no cookies, no storage).
// Index and preview files load with <script src>, so another origin needs
// no CORS header, only `script-src` for the help site.

const ROOT = new URL(".", SCRIPT.url || location.href).href;
const REGISTRY = "__tier0Search";
// A page that has the registry already (a tier0 page) keeps it.
const FOREIGN_REGISTRY = REGISTRY in globalThis;
let loading = 0;

/**
 * The engine's script loader, that leaves no global behind: the files it
 * loads register through `self.__tier0Search`, which is removed again once
 * no file is on its way.
 */
function quietLoader(base) {
  const load = tier0Search.scriptLoader(base);
  const files = new Map();
  return (path) => {
    if (!files.has(path)) {
      loading++;
      const file = load(path);
      const done = () => {
        if (--loading === 0 && !FOREIGN_REGISTRY) delete globalThis[REGISTRY];
      };
      file.then(done, () => { done(); files.delete(path); });
      files.set(path, file);
    }
    return files.get(path);
  };
}
const loadScript = quietLoader(ROOT);
const DEBOUNCE_MS = 120;
const LIMIT = 8;
const STEP_TEXT_MAX = 140;
const EVENTS = ["open", "close", "search", "article", "escalate"];
const SAFE = /^(https?|mailto|tel):$/;

let options = {};
let ui = null;
let engines = new Map();
let context = null;
let lastFocus = null;
let seq = 0;
const listeners = new Map(EVENTS.map((name) => [name, new Set()]));

// ---- helpers ---------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** `template` with each `{name}` replaced by parts[name] (text or a node). */
function fill(template, parts) {
  const out = document.createDocumentFragment();
  let last = 0;
  String(template).replace(/\{(\w+)\}/g, (whole, name, at) => {
    if (!(name in parts)) return whole;
    out.append(template.slice(last, at), parts[name]);
    last = at + whole.length;
    return whole;
  });
  out.append(String(template).slice(last));
  return out;
}

/** `text` with the [start, end) ranges of `matches` in <mark>. */
function marked(tag, cls, text, matches) {
  const node = el(tag, { class: cls });
  let pos = 0;
  for (const [a, b] of (matches || []).filter((r) => r[0] >= pos && r[1] <= text.length).sort((x, y) => x[0] - y[0])) {
    if (a < pos) continue;
    node.append(text.slice(pos, a), el("mark", null, text.slice(a, b)));
    pos = b;
  }
  node.append(text.slice(pos));
  return node;
}

/** An absolute URL of a safe scheme for `href` (relative to `base`), or null. */
function safeUrl(href, base) {
  try {
    const url = new URL(String(href), base);
    return SAFE.test(url.protocol) ? url.href : null;
  } catch (_) {
    return null;
  }
}

function emit(name, detail) {
  for (const fn of listeners.get(name)) {
    try { fn(detail); } catch (error) { console.error(error); }
  }
  document.dispatchEvent(new CustomEvent("tier0help:" + name, { detail }));
}

// ---- insights ------------------------------------------------------------------

// When the help site has a collector (`insights.endpoint`), the widget sends
// it what the site's own pages send (docs/insights.md): the searches that
// ended, the articles read, the contacts. Nothing when the browser asks not
// to be tracked; no cookie, no identifier. The host page's CSP must let the
// collector in (`connect-src`, docs/widget.md).
const CHANNELS = { form: "url", page: "url", email: "mail", phone: "phone" };
const collector = (() => {
  const c = SITE.insights;
  const nav = globalThis.navigator || {};
  if (!c || nav.globalPrivacyControl === true || nav.doNotTrack === "1" || globalThis.doNotTrack === "1") return null;
  const url = safeUrl(c.endpoint, ROOT);
  return url && /^https?:/.test(url) ? { url, edition: c.edition, sample: Number(c.sample) || 1 } : null;
})();

function insight(event) {
  if (!collector) return;
  const body = JSON.stringify({ ...event, lang: language(), edition: collector.edition });
  try {
    if (navigator.sendBeacon && navigator.sendBeacon(collector.url, body)) return;
    fetch(collector.url, { method: "POST", body, keepalive: true, credentials: "omit", mode: "no-cors" }).catch(() => {});
  } catch (_) {
    // A collector the host page's CSP refuses: nothing to do.
  }
}

const session = tier0Search.searchSession((ended) => insight({ type: "search", ...ended }));
globalThis.addEventListener("pagehide", () => session.end());
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") session.end(); });

/** FNV-1a over UTF-16 code units: the preview file of an article (src/render/widget.rs). */
function previewFile(url, files) {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 0x01000193);
  return (h >>> 0) % Math.max(1, files);
}

// ---- language, colours, context ------------------------------------------------

function language() {
  const wanted = [options.lang, document.documentElement.lang].filter(Boolean).map((l) => String(l).toLowerCase());
  for (const l of wanted) {
    if (SITE.languages[l]) return l;
    const primary = l.split(/[-_]/)[0];
    if (SITE.languages[primary]) return primary;
  }
  return SITE.lang;
}
const site = () => SITE.languages[language()];
const text = (key) => site().text[key] || "";

/** "dark" or "light": the option, else the host page's own choice, else the system's. */
function scheme() {
  if (options.theme === "dark" || options.theme === "light") return options.theme;
  const root = document.documentElement;
  for (const node of [root, document.body]) {
    if (!node) continue;
    const said = (node.dataset.theme || node.dataset.colorScheme || node.dataset.bsTheme || "").toLowerCase();
    if (said === "dark" || said === "light") return said;
    if (node.classList.contains("dark")) return "dark";
    if (node.classList.contains("light")) return "light";
  }
  const declared = getComputedStyle(root).colorScheme.trim();
  if (declared === "dark" || declared === "light") return declared;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The context for this page: an explicit one, else the first rule of `options.context` that matches. */
function pageContext() {
  if (context) return context;
  for (const rule of Array.isArray(options.context) ? options.context : []) {
    if (rule.path && !globMatch(rule.path, location.pathname)) continue;
    if (rule.selector) {
      try { if (!document.querySelector(rule.selector)) continue; } catch (_) { continue; }
    }
    if (rule.path || rule.selector) return rule;
  }
  return options.query || (options.tags && options.tags.length) ? { query: options.query, tags: options.tags } : null;
}

function globMatch(pattern, path) {
  const re = new RegExp("^" + String(pattern).split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$");
  return re.test(path);
}

const contextQuery = (c) => [c.query || "", ...(Array.isArray(c.tags) ? c.tags : [])].join(" ").trim();

// ---- search --------------------------------------------------------------------

function engine() {
  const lang = language();
  if (!engines.has(lang)) {
    const base = ROOT + "search/";
    engines.set(lang, tier0Search.createSearch({ base, lang, load: quietLoader(base) }));
  }
  return engines.get(lang);
}

function resultItem(r, a, index) {
  const tiers = site().tiers;
  const button = el("button", { type: "button", class: "result", "data-index": String(index) },
    marked("span", "result-title", String(r.title || ""), r.titleMatches),
    el("span", { class: "badge", title: tiers[r.tier] || null }, String(r.tier || "")),
    r.internal ? el("span", { class: "badge" }, text("internal_article")) : null,
    marked("span", "result-snippet", String(r.snippet || ""), r.matches));
  button.addEventListener("click", () => { session.end(index); showArticle(r, a.highlight); });
  return el("li", null, button);
}

/** Shows the results of `query`; `suggested` is the context they are suggestions for, if so. */
async function runSearch(query, suggested) {
  const mine = ++seq;
  const { results, status, notice, empty, suggestedTitle } = ui;
  if (!query.trim()) {
    session.searched("", [], 0);
    results.replaceChildren();
    status.textContent = "";
    notice.hidden = true;
    empty.hidden = true;
    suggestedTitle.hidden = true;
    const c = pageContext();
    if (c && contextQuery(c) && !suggested) return runSearch(contextQuery(c), c);
    return;
  }
  ui.root.setAttribute("aria-busy", "true");
  try {
    const filters = suggested && suggested.category ? { category: String(suggested.category) } : {};
    const a = await engine().answer(query, { limit: LIMIT, filters });
    if (mine !== seq) return;
    results.replaceChildren(...a.results.map((r, i) => resultItem(r, a, i)));
    suggestedTitle.hidden = !suggested || a.results.length === 0;
    const count = a.results.length === 1 ? text("search_count_one") : text("search_count").replace("{count}", String(a.total));
    status.textContent = a.results.length ? count : fill(text("search_no_results"), { query }).textContent;
    notice.hidden = !(a.corrections.length && a.suggestion);
    if (!notice.hidden) notice.replaceChildren(fill(text("search_showing_for"), { corrected: el("strong", null, a.suggestion) }));
    empty.hidden = a.results.length > 0 || suggested;
    if (!empty.hidden) empty.replaceChildren(contactBlock(site().escalate, null, query));
    // Suggestions for the page's context are not the reader's searches.
    session.searched(suggested ? "" : query, a.results, a.total);
    if (!suggested) emit("search", { query, lang: language(), total: a.total, results: a.results.map((r) => r.id) });
  } catch (error) {
    if (mine !== seq) return;
    console.error(error);
    results.replaceChildren();
    status.textContent = text("search_error");
  } finally {
    if (mine === seq) ui.root.removeAttribute("aria-busy");
  }
}

// ---- article preview ----------------------------------------------------------------

const BLOCK = new Set(["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "del", "s", "kbd", "sup", "sub", "mark", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "dl", "dt", "dd", "details", "summary", "div", "aside"]);

/** DOM of a preview tree (docs/widget.md): elements of the list above, text as text. */
function build(nodes, base, parent) {
  for (const node of nodes) {
    if (typeof node === "string") { parent.append(node); continue; }
    if (!Array.isArray(node) || !BLOCK.has(node[0])) continue;
    const [tag, maybe, ...rest] = node;
    const attrs = maybe && typeof maybe === "object" && !Array.isArray(maybe) ? maybe : {};
    const children = attrs === maybe ? rest : node.slice(1);
    // Headings sit under the panel's (h2) and the article's (h3) titles.
    const element = document.createElement(/^h\d$/.test(tag) ? "h" + Math.min(6, Number(tag[1]) + 2) : tag);
    if (attrs.class) element.className = String(attrs.class);
    if (tag === "ol" && /^\d+$/.test(attrs.start || "")) element.start = Number(attrs.start);
    if (tag === "li" && attrs.id) element.dataset.step = String(attrs.id);
    if (tag === "a") {
      const href = attrs.href ? safeUrl(attrs.href, base) : null;
      if (href) { element.href = href; element.target = "_blank"; element.rel = "noopener noreferrer"; }
      if (attrs.title) element.title = String(attrs.title);
    }
    if (tag === "img") {
      const src = attrs.src ? safeUrl(attrs.src, base) : null;
      if (src && /^https?:/.test(src)) element.src = src;
      element.alt = String(attrs.alt || "");
      element.loading = "lazy";
    }
    build(children, base, element);
    parent.append(element);
  }
}

async function loadPreview(url) {
  const p = SITE.previews;
  const file = await loadScript(`widget/${p.build}/${previewFile(url, p.files)}.js`);
  const record = file && file.articles && file.articles[url];
  if (!record) throw new Error("tier0 help: no preview of " + url);
  return record;
}

async function showArticle(result, highlight) {
  const mine = ++seq;
  const { article, searchView, articleView } = ui;
  const pageUrl = new URL(String(result.url || ""), ROOT);
  searchView.hidden = true;
  articleView.hidden = false;
  article.replaceChildren(el("p", { role: "status" }, text("widget_loading")));
  ui.back.focus();
  const open = (record) => {
    const href = new URL(record ? record.href : String(result.url || ""), ROOT);
    if (highlight && highlight.length) href.searchParams.set("hl", highlight.join(" "));
    if (result.anchor) href.hash = result.anchor;
    return el("a", { class: "open-site", href: safeUrl(href.href, ROOT), target: "_blank", rel: "noopener" }, text("widget_open_site"));
  };
  let record;
  try {
    record = await loadPreview(String(result.url || ""));
  } catch (error) {
    if (mine !== seq) return;
    console.error(error);
    article.replaceChildren(el("h3", null, String(result.title || "")), el("p", null, text("widget_preview_error")), open(null));
    return;
  }
  if (mine !== seq) return;
  const base = new URL(record.href, ROOT).href;
  const content = el("div", { class: "content" });
  build(record.body, base, content);
  const steps = [...content.querySelectorAll("li.step")].map((li) => stepBox(li));
  article.replaceChildren(
    el("h3", null, record.title),
    record.description ? el("p", { class: "lead" }, record.description) : null,
    el("span", { class: "badge", title: record.tier_name }, `${record.tier} · ${record.tier_name}`),
    content,
    open(record),
    contactBlock(record.escalate, { record, steps, pageUrl: base }, ""));
  emit("article", { id: record.id, title: record.title, url: base, lang: language() });
  if (collector && Math.random() < collector.sample) {
    insight({ type: "view", article: record.id, ...(collector.sample < 1 ? { sample: collector.sample } : {}) });
  }
}

/** A "tried it" box on a numbered step; its line says the step's number and words. */
function stepBox(li) {
  const list = li.parentElement;
  const number = (list.start || 1) + [...list.children].indexOf(li);
  const copy = li.cloneNode(true);
  copy.querySelectorAll("ol, ul, table, pre").forEach((n) => n.remove());
  const chars = [...copy.textContent.replace(/\s+/g, " ").trim()];
  const words = chars.length > STEP_TEXT_MAX ? chars.slice(0, STEP_TEXT_MAX - 1).join("").trimEnd() + "…" : chars.join("");
  const box = el("input", { type: "checkbox", class: "step-tried", "aria-label": text("mark_tried").split("{n}").join(String(number)) });
  // A step of a loose list holds paragraphs: the box goes in the first one.
  const first = li.firstElementChild;
  (first && first.tagName === "P" ? first : li).prepend(box);
  return { box, id: li.dataset.step, line: `${number}. ${words}` };
}

/** "Still stuck?": the tier's channels, carrying the article and the steps ticked. */
function contactBlock(tier, article, query) {
  const block = el("section", { class: "stuck" });
  block.append(el("h4", null, text("still_stuck")), article
    ? el("p", null, fill(text("still_stuck_text"), { tier: tier.name, id: article.record.id }))
    : el("p", null, fill(text("search_contact"), { tier: tier.name })));
  const tried = el("ul", { class: "tried" });
  const triedBox = el("div", { hidden: true }, el("h5", null, text("tried_steps")), tried);
  if (article && article.steps.length) block.append(el("p", null, text("tried_steps_hint")), triedBox);
  const links = el("ul", { class: "contact" });
  const ticked = () => (article ? article.steps.filter((s) => s.box.checked) : []);
  const form = tier.form ? el("a", { class: "contact-link", target: "_blank", rel: "noopener", "data-channel": "form" }, text("contact_form")) : null;
  const mail = tier.mailto ? el("a", { "data-channel": "email" }, tier.email) : null;
  const refresh = () => {
    const lines = ticked().map((s) => s.line);
    tried.replaceChildren(...lines.map((l) => el("li", null, l)));
    triedBox.hidden = lines.length === 0;
    const page = article ? article.pageUrl : "";
    // As the article page does: the build filled all but {url} (when it
    // did not know the site's address) and {tried}; the body of a mail
    // is its last field, so the tried steps are added to its end.
    if (form) {
      const href = article ? tier.form.split("{url}").join(encodeURIComponent(page)).split("{tried}").join(encodeURIComponent(lines.join("; "))) : tier.plain;
      form.href = safeUrl(href, ROOT) || "";
    }
    if (mail) {
      let href = article ? tier.mailto : `mailto:${tier.email}?subject=${encodeURIComponent(query)}`;
      const add = (extra) => {
        href += (/[?&]body=/i.test(href) ? "" : (href.includes("?") ? "&" : "?") + "body=") + encodeURIComponent(extra);
      };
      if (article && !/[?&]body=/i.test(href)) add(page);
      if (lines.length) add(`\n\n${text("tried_steps")}:\n${lines.join("\n")}`);
      mail.href = href;
    }
  };
  if (form) links.append(el("li", null, form));
  if (mail) links.append(el("li", null, text("email") + ": ", mail));
  if (tier.tel) links.append(el("li", null, text("phone") + ": ", el("a", { href: tier.tel, "data-channel": "phone" }, tier.phone)));
  if (tier.hours) links.append(el("li", null, text("hours") + ": " + tier.hours));
  if (!form && !mail && !tier.tel && tier.href) links.append(el("li", null, el("a", { href: safeUrl(tier.href, ROOT), target: "_blank", rel: "noopener", "data-channel": "page" }, tier.name)));
  block.append(links);
  if (article) for (const s of article.steps) s.box.addEventListener("change", refresh);
  block.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-channel]");
    if (!link) return;
    if (article) insight({ type: "escalate", article: article.record.id, channel: CHANNELS[link.dataset.channel] || "url", steps: ticked().map((s) => s.id) });
    emit("escalate", {
      channel: link.dataset.channel, lang: language(), tier: tier.name, query: article ? null : query,
      article: article ? { id: article.record.id, title: article.record.title, url: article.pageUrl } : null,
      tried: ticked().map((s) => s.line), steps: ticked().map((s) => s.id),
    });
  });
  refresh();
  return block;
}

// ---- the panel ------------------------------------------------------------------

function applyLook() {
  if (!ui) return;
  ui.host.dataset.scheme = scheme();
  ui.host.dataset.position = options.position === "left" ? "left" : "right";
  ui.host.dataset.button = options.button === false ? "false" : "true";
  const color = typeof options.color === "string" && !/[;{}<>]/.test(options.color) && CSS.supports("color", options.color) ? options.color : SITE.color;
  const css = STYLE + (color ? `.root{--t0-accent:${color}}` : "");
  if (ui.sheet) ui.sheet.replaceSync(css); else ui.style.textContent = css;
  const lang = language();
  ui.root.lang = lang;
  ui.launcherText.textContent = text("widget_button");
  ui.dialog.setAttribute("aria-label", text("widget_title"));
  ui.title.textContent = text("widget_title");
  ui.close.setAttribute("aria-label", text("widget_close"));
  ui.label.textContent = text("search_label");
  ui.input.placeholder = text("search_placeholder");
  ui.back.textContent = "← " + text("widget_back");
  ui.suggestedTitle.textContent = text("widget_suggested");
  ui.results.setAttribute("aria-label", text("widget_results"));
  ui.launcher.hidden = options.button === false;
}

function create() {
  const host = document.createElement("tier0-help");
  const shadow = host.attachShadow({ mode: "open" });
  let sheet = null;
  let style = null;
  // A constructed sheet is CSSOM, which style-src does not govern: strict CSPs allow it.
  try { sheet = new CSSStyleSheet(); shadow.adoptedStyleSheets = [sheet]; } catch (_) { sheet = null; style = el("style"); shadow.append(style); }
  const input = el("input", { id: "t0-q", class: "search-field", type: "search", autocomplete: "off", spellcheck: "false", enterkeyhint: "search" });
  const label = el("label", { class: "visually-hidden", for: "t0-q" });
  const results = el("ul", { class: "results", role: "list" });
  const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
  const notice = el("p", { class: "notice", hidden: true });
  const empty = el("div", { hidden: true });
  const suggestedTitle = el("h3", { hidden: true });
  const form = el("form", { role: "search" }, label, input);
  const searchView = el("div", null, form, status, notice, suggestedTitle, results, empty);
  const back = el("button", { type: "button", class: "back" });
  const article = el("article", { class: "article" });
  const articleView = el("div", { hidden: true }, back, article);
  const title = el("h2", { id: "t0-title" });
  const close = el("button", { type: "button", class: "icon-button" }, "×");
  const dialog = el("div", { class: "panel", role: "dialog", "aria-modal": "true", id: "t0-panel", hidden: true },
    el("div", { class: "bar" }, title, close), el("div", { class: "body" }, searchView, articleView));
  const launcherText = el("span");
  const launcher = el("button", { type: "button", class: "launcher", "aria-haspopup": "dialog", "aria-expanded": "false", "aria-controls": "t0-panel" },
    el("span", { class: "launcher-icon", "aria-hidden": "true" }, "?"), launcherText);
  const root = el("div", { class: "root" }, dialog, launcher);
  shadow.append(root);
  ui = { host, shadow, sheet, style, root, dialog, title, close, input, label, results, status, notice, empty, suggestedTitle, searchView, articleView, back, article, launcher, launcherText };

  let timer = 0;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => runSearch(input.value, null), DEBOUNCE_MS); });
  form.addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(timer); runSearch(input.value, null).then(session.settle); });
  launcher.addEventListener("click", () => (dialog.hidden ? Tier0Help.open() : Tier0Help.close()));
  close.addEventListener("click", () => Tier0Help.close());
  back.addEventListener("click", () => { seq++; articleView.hidden = true; searchView.hidden = false; input.focus(); });
  shadow.addEventListener("keydown", onKey);
  const follow = () => applyLook();
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", follow);
  new MutationObserver(follow).observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme", "data-color-scheme", "data-bs-theme", "style", "lang"] });
  document.addEventListener("click", onHostClick, true);
  applyLook();
  (document.body || document.documentElement).append(host);
}

/** Esc closes; Tab and Shift+Tab stay inside the open panel; arrows walk the results. */
function onKey(event) {
  const { dialog, shadow, input } = ui;
  if (dialog.hidden) return;
  if (event.key === "Escape") { event.preventDefault(); Tier0Help.close(); return; }
  const items = [...ui.results.querySelectorAll(".result")];
  const at = items.indexOf(shadow.activeElement);
  if (event.key === "ArrowDown" && (shadow.activeElement === input || at >= 0) && items.length) {
    event.preventDefault();
    items[Math.min(at + 1, items.length - 1)].focus();
  } else if (event.key === "ArrowUp" && at >= 0) {
    event.preventDefault();
    (at === 0 ? input : items[at - 1]).focus();
  } else if (event.key === "Tab") {
    const focusable = [...dialog.querySelectorAll("button, input, a[href], [tabindex]:not([tabindex='-1'])")]
      .filter((n) => !n.closest("[hidden]") && !n.disabled);
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const current = shadow.activeElement;
    if (event.shiftKey && (current === first || !dialog.contains(current))) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && (current === last || !dialog.contains(current))) { event.preventDefault(); first.focus(); }
  }
}

/** Host elements with data-tier0-help="query" or data-tier0-help-tags="a,b" open the widget for that context. */
function onHostClick(event) {
  const trigger = event.target instanceof Element && event.target.closest("[data-tier0-help], [data-tier0-help-tags]");
  if (!trigger || (ui && ui.host.contains(trigger))) return;
  event.preventDefault();
  const tags = (trigger.getAttribute("data-tier0-help-tags") || "").split(",").map((t) => t.trim()).filter(Boolean);
  const query = trigger.getAttribute("data-tier0-help") || "";
  lastFocus = trigger;
  Tier0Help.open(query ? { query, tags } : { tags });
}

// ---- the API ------------------------------------------------------------------------

const Tier0Help = Object.freeze({
  /** Starts the widget (once) with `opts`; later calls change the options. */
  init(opts) {
    options = { ...options, ...(opts || {}) };
    if (!ui) {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => { if (!ui) create(); }, { once: true });
        return Tier0Help;
      }
      create();
    }
    applyLook();
    return Tier0Help;
  },
  /** Opens the panel; with `{query}` that search, with `{tags, category}` suggestions for them. */
  open(ctx) {
    if (!ui) { Tier0Help.init(); if (!ui) { document.addEventListener("DOMContentLoaded", () => Tier0Help.open(ctx), { once: true }); return; } }
    if (ctx) context = { ...ctx };
    const opening = ui.dialog.hidden;
    // Focus goes back where it was, or to the launcher when it was inside the widget.
    if (opening && !lastFocus && document.activeElement !== ui.host) lastFocus = document.activeElement;
    ui.dialog.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.articleView.hidden = true;
    ui.searchView.hidden = false;
    const c = ctx || pageContext();
    if (ctx) ui.input.value = ctx.query && !(ctx.tags && ctx.tags.length) ? String(ctx.query) : "";
    runSearch(ui.input.value, null);
    ui.input.focus();
    if (opening) emit("open", { context: c, lang: language() });
  },
  /** Closes the panel and gives the focus back to where it was. */
  close() {
    if (!ui || ui.dialog.hidden) return;
    session.end();
    seq++;
    ui.dialog.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    const back = lastFocus && lastFocus.isConnected && lastFocus !== document.body ? lastFocus : ui.launcher.hidden ? null : ui.launcher;
    lastFocus = null;
    if (back) back.focus();
    emit("close", { lang: language() });
  },
  /** Sets the page's context (`{query, tags, category}`): shown as suggestions when the panel opens with an empty box. Resolves to the suggested articles. */
  async suggest(ctx) {
    context = ctx ? { ...ctx } : null;
    if (ui && !ui.dialog.hidden && !ui.input.value.trim()) runSearch("", null);
    const q = context ? contextQuery(context) : "";
    if (!q) return [];
    const filters = context.category ? { category: String(context.category) } : {};
    const a = await engine().answer(q, { limit: LIMIT, filters });
    return a.results.map((r) => ({ id: r.id, title: r.title, tier: r.tier, url: new URL(String(r.url), ROOT).href }));
  },
  /** Calls `fn(detail)` on each `open`, `close`, `search`, `article` or `escalate`. */
  on(name, fn) {
    if (listeners.has(name) && typeof fn === "function") listeners.get(name).add(fn);
    return Tier0Help;
  },
  off(name, fn) {
    if (listeners.has(name)) listeners.get(name).delete(fn);
    return Tier0Help;
  },
});

// Calls queued before the script ran are taken over:
// `(window.Tier0Help = window.Tier0Help || []).push(["open", {query}])`.
// The classic script starts from its tag's data-* attributes; the module
// when the page calls init() (or queued a call).
const queued = Array.isArray(globalThis.Tier0Help) ? globalThis.Tier0Help : [];
globalThis.Tier0Help = Tier0Help;
if (SCRIPT.element) {
  const d = SCRIPT.element.dataset;
  Tier0Help.init({
    lang: d.lang, theme: d.theme, color: d.color, position: d.position, query: d.query,
    tags: d.tags ? d.tags.split(",").map((t) => t.trim()).filter(Boolean) : undefined,
    button: d.button === "false" ? false : undefined,
  });
}
for (const call of queued) {
  if (Array.isArray(call) && typeof Tier0Help[call[0]] === "function") Tier0Help[call[0]](...call.slice(1));
}

// tier0 default theme: the search box in the page header.
//
// A classic script, not a module, so that it also runs when the site is
// opened from disk (browsers refuse module scripts on file://). It loads the
// search engine only when the reader starts to search: over http(s) the ES
// module `tier0-search.js` through import(); on file:// (or when import()
// fails, e.g. a host that serves .js with the wrong type) the classic
// `tier0-search.classic.js` through a <script> tag. The engine's own default
// loader then fetches the index files, or injects their script twins on disk.
//
// Everything shown comes from the index or the address bar and is treated
// as data: the DOM is built with textContent and attributes, never innerHTML.
// Results follow the ARIA 1.2 combobox + listbox pattern: focus stays in the
// input, aria-activedescendant points at the chosen option.
(function () {
  "use strict";

  const form = document.querySelector("form.search[data-search]");
  if (!form) return;
  const input = form.querySelector(".search-input");
  const panel = form.querySelector(".search-panel");
  const listbox = form.querySelector(".search-results");
  const status = form.querySelector(".search-status");
  const empty = form.querySelector(".search-empty");
  const notice = form.querySelector(".search-notice");
  const wordsBox = form.querySelector(".search-words");
  const more = form.querySelector(".search-more");
  const selects = [...form.querySelectorAll(".search-filters select")];
  if (!input || !panel || !listbox || !status || !empty) return;
  // The full results page, when this is it.
  const resultsPage = document.querySelector("[data-search-page]");

  const DEBOUNCE_MS = 120;
  const LIMIT = 10;
  const PAGE_SIZE = 20;
  const FACETS = selects.map((s) => s.name);
  const data = form.dataset;
  const text = (key) => data["t" + key[0].toUpperCase() + key.slice(1)] || "";
  // The KCS states a result is marked with (validated ones are not).
  const CONFIDENCE_TEXT = { draft: "confidenceDraft", "not-validated": "confidenceNotValidated", archived: "confidenceArchived" };
  // Pages link to their home the way they link to everything: "…/index.html"
  // when the site is built for the disk, a directory URL otherwise.
  const linkSuffix = /(^|\/)index\.html$/.test(form.getAttribute("action") || "") ? "index.html" : "";
  const searchBase = new URL(data.search, document.baseURI).href;

  let engine = null;
  let session = null;
  let seq = 0;
  let timer = 0;
  let active = -1;
  let hasContent = false;
  let fromLink = false;

  // ---- engine ---------------------------------------------------------

  function loadClassic() {
    if (globalThis.tier0Search) return Promise.resolve(globalThis.tier0Search);
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = searchBase + "tier0-search.classic.js";
      script.onload = () => (globalThis.tier0Search ? resolve(globalThis.tier0Search) : reject(new Error("tier0 search: engine did not load")));
      script.onerror = () => reject(new Error("tier0 search: cannot load " + script.src));
      document.head.appendChild(script);
    });
  }

  function loadEngine() {
    if (location.protocol === "file:") return loadClassic();
    return import(searchBase + "tier0-search.js").catch(loadClassic);
  }

  function search() {
    if (!engine) {
      engine = loadEngine().then((api) => {
        session = api.searchSession((ended) => {
          document.dispatchEvent(new CustomEvent("tier0:insight", { detail: { type: "search", ...ended } }));
        });
        const s = api.createSearch({ base: searchBase, lang: data.lang });
        pruneFilters(s);
        return s;
      });
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  // Drops filter options that have no article in this language, when the
  // index says so (best effort: the filters work the same without it).
  function pruneFilters(s) {
    if (typeof s.manifest !== "function") return;
    s.manifest().then((m) => {
      const facets = m && m.filters;
      if (!facets) return;
      for (const select of selects) {
        const counts = facets[select.name];
        if (!Array.isArray(counts)) continue;
        const present = new Set(counts.map((entry) => (Array.isArray(entry) ? entry[0] : entry)));
        for (const option of [...select.options]) {
          if (option.value && !present.has(option.value) && !option.selected) option.remove();
        }
      }
    }, () => {});
  }

  // ---- helpers ----------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) node.setAttribute(k, v);
    node.append(...children);
    return node;
  }

  /** `template` with each `{name}` replaced by parts[name] (a string or a node). */
  function fill(template, parts) {
    const out = document.createDocumentFragment();
    let last = 0;
    template.replace(/\{(\w+)\}/g, (whole, name, at) => {
      if (!(name in parts)) return whole;
      out.append(template.slice(last, at), parts[name]);
      last = at + whole.length;
      return whole;
    });
    out.append(template.slice(last));
    return out;
  }

  /** Appends `snippet` to `node`, with the [start, end) ranges of `matches` in <mark>. */
  function highlight(node, snippet, matches) {
    let pos = 0;
    const ranges = (Array.isArray(matches) ? matches : [])
      .filter((r) => Array.isArray(r) && r[0] >= 0 && r[1] <= snippet.length && r[0] < r[1])
      .sort((a, b) => a[0] - b[0]);
    for (const [start, end] of ranges) {
      if (start < pos) continue;
      node.append(snippet.slice(pos, start), el("mark", null, snippet.slice(start, end)));
      pos = end;
    }
    node.append(snippet.slice(pos));
  }

  /** The label of `value` in `select`; a section deeper than the filter
   *  lists (`a/b/c`) takes the label of the nearest one it lists. */
  function optionLabel(select, value) {
    const options = select ? [...select.options] : [];
    for (let v = String(value || ""); v; v = v.includes("/") ? v.slice(0, v.lastIndexOf("/")) : "") {
      const option = options.find((o) => o.value === v);
      if (option) return option.textContent.trim();
    }
    return value;
  }
  const facetSelect = (name) => selects.find((s) => s.name === name);

  /** The article link of a result: site root + its site path (+ index.html)
   *  + ?hl= the matched word forms (highlighted on the article) + #anchor. */
  function resultHref(result, highlight) {
    const path = String(result.url || "").replace(/^\/+/, "");
    let href = data.root + path;
    if (linkSuffix && (path === "" || path.endsWith("/"))) href += linkSuffix;
    if (Array.isArray(highlight) && highlight.length) href += "?hl=" + encodeURIComponent(highlight.join(" "));
    if (result.anchor) href += "#" + encodeURIComponent(result.anchor);
    const url = new URL(href, document.baseURI);
    return /^(https?|file):$/.test(url.protocol) ? href : null;
  }

  // Like tier0's fill_contact: {id} {title} {url} {lang}, URL-encoded;
  // query parameters left empty are dropped.
  function fillContact(template, vars) {
    const enc = (s) => encodeURIComponent(s).replace(/[!'()*._~-]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
    const put = (part) => part.replace(/\{(id|title|url|lang)\}/g, (_, k) => enc(vars[k] || ""));
    const q = template.indexOf("?");
    if (q < 0) return put(template);
    const params = template.slice(q + 1).split("&").filter((pair) => {
      const eq = pair.indexOf("=");
      return eq < 0 || put(pair.slice(eq + 1)) !== "";
    }).map(put);
    return put(template.slice(0, q)) + (params.length ? "?" + params.join("&") : "");
  }

  function currentFilters() {
    const filters = {};
    for (const s of selects) if (s.value) filters[s.name] = s.value;
    return filters;
  }

  // ---- address bar ------------------------------------------------------

  function linkFor(query, filters, to = form.action) {
    const url = new URL(to, document.baseURI);
    url.search = "";
    url.hash = "";
    url.searchParams.set("q", query);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    return url.href;
  }

  function updateAddress(query, filters) {
    const url = new URL(location.href);
    for (const k of ["q", ...FACETS]) url.searchParams.delete(k);
    if (query.trim()) {
      url.searchParams.set("q", query);
      for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    }
    if (url.href === location.href) return;
    try { history.replaceState(history.state, "", url.href); } catch (_) { /* some file:// setups refuse */ }
  }

  // ---- panel ------------------------------------------------------------

  const options = () => [...listbox.querySelectorAll('[role="option"]')];

  function open() {
    if (!hasContent) return;
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function setActive(index, scroll = true) {
    const list = options();
    active = index >= 0 && index < list.length ? index : -1;
    list.forEach((o, i) => o.setAttribute("aria-selected", i === active ? "true" : "false"));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", list[active].id);
      if (scroll) list[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  // The live region announces counts and "nothing found"; the latter is also
  // the visible heading of the empty state, so there it is only for screen readers.
  function showStatus(message, onlyForScreenReaders = false) {
    status.textContent = message;
    status.classList.toggle("visually-hidden", onlyForScreenReaders);
  }

  function clear() {
    seq++;
    hasContent = false;
    listbox.replaceChildren();
    empty.replaceChildren();
    empty.hidden = true;
    resetExtras();
    showStatus("");
    close();
  }

  function resetExtras() {
    for (const box of [notice, wordsBox]) if (box) { box.replaceChildren(); box.hidden = true; }
    if (more) more.hidden = true;
  }

  /** Titles that several of `results` share (compared without case). */
  function sharedTitles(results) {
    const seen = new Map();
    for (const r of results) { const t = String(r.title || "").toLowerCase(); seen.set(t, (seen.get(t) || 0) + 1); }
    return new Set([...seen].filter(([, n]) => n > 1).map(([t]) => t));
  }

  /** One result: title (matched words marked), tier badge and facets (or,
   *  when another result has the same title, its whole section trail), snippet. */
  function resultParts(r, shared) {
    const tiers = facetSelect("tier");
    const categories = facetSelect("category");
    const types = facetSelect("type");
    const meta = el("span", { class: "search-result-meta" },
      el("span", { class: "badge tier-badge", "data-tier": r.tier, title: optionLabel(tiers, r.tier) }, String(r.tier || "")));
    if (r.internal) meta.append(el("span", { class: "badge internal-badge" }, text("internal")));
    const state = CONFIDENCE_TEXT[r.confidence];
    if (state) meta.append(el("span", { class: "badge confidence-badge", "data-confidence": r.confidence }, text(state)));
    const trail = shared && shared.has(String(r.title || "").toLowerCase()) && Array.isArray(r.trail) && r.trail.length
      ? el("span", { class: "search-result-trail" }, r.trail.join(" › ")) : null;
    for (const extra of [trail || (r.category && optionLabel(categories, r.category)), r.type && optionLabel(types, r.type)]) {
      if (extra) meta.append(typeof extra === "string" ? el("span", null, extra) : extra);
    }
    const title = el("span", { class: "search-result-title" });
    highlight(title, String(r.title || ""), r.titleMatches);
    const snippet = el("span", { class: "search-result-snippet" });
    highlight(snippet, String(r.snippet || ""), r.matches);
    return [title, meta, snippet];
  }

  /** "10 of 14 results", "10 of more than 24 results", "3 results". */
  function countText(shown, a) {
    if (a.total > shown) return fill(text(a.totalExact ? "countOf" : "countOfMore"), { shown: String(shown), total: String(a.total) }).textContent;
    return shown === 1 ? text("countOne") : text("count").replace("{count}", String(shown));
  }

  /** The notices above results: a correction applied (with the literal
   *  query a click away) and "no article has every word" (with the contact). */
  function notices(box, query, a, filters, onLiteral) {
    if (!box) return;
    const parts = [];
    if (a.corrections && a.corrections.length && a.suggestion) {
      const corrected = a.suggestion.trim();
      const literal = el("a", { class: "search-literal", href: linkFor(query, filters) }, query.trim());
      literal.addEventListener("click", (e) => { e.preventDefault(); onLiteral(); });
      parts.push(el("p", { class: "search-corrected" }, fill(text("showingFor"), { corrected: el("strong", null, corrected) }), " ",
        fill(text("instead"), { query: literal })));
    }
    if (!a.allWords && a.words && a.words.length > 1 && a.results.length) {
      parts.push(el("p", { class: "search-partial" }, fill(text("partial"), { query: query.trim() })), contactBlock(query.trim()));
    }
    box.replaceChildren(...parts);
    box.hidden = parts.length === 0;
  }

  /** Whole words the last word being typed may become, as the results write them. */
  function completionWords(a) {
    const last = a.words && a.words[a.words.length - 1];
    if (!last) return [];
    const prefixes = last.candidates.filter((c) => c.kind === "prefix").slice(0, 5);
    const written = new Map();
    for (const r of a.results) {
      for (const w of String(r.title + " " + r.snippet).split(/[^\p{L}\p{N}_-]+/u)) {
        const folded = w.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
        if (!written.has(folded)) written.set(folded, w.toLowerCase());
      }
    }
    return [...new Set(prefixes.map((c) => written.get(c.surface) || c.surface))];
  }

  function renderWords(query, a) {
    if (!wordsBox) return;
    const words = /[\p{L}\p{N}_-]$/u.test(query) ? completionWords(a) : [];
    const buttons = words.map((w) => {
      const b = el("button", { type: "button", class: "search-word" }, w);
      b.addEventListener("click", () => {
        input.value = query.replace(/[\p{L}\p{N}_-]+$/u, "") + w + " ";
        input.focus();
        run();
      });
      return b;
    });
    wordsBox.replaceChildren(...(buttons.length ? [el("span", { class: "search-words-label" }, text("suggestions")), ...buttons] : []));
    wordsBox.hidden = buttons.length === 0;
  }

  function renderResults(query, a, filters, literal) {
    const items = [];
    const shared = sharedTitles(a.results);
    a.results.forEach((r, i) => {
      const href = resultHref(r, a.highlight);
      if (!href) return;
      items.push(el("a", { class: "search-result", id: "search-option-" + i, role: "option", href, tabindex: "-1", "aria-selected": "false" },
        ...resultParts(r, shared)));
    });
    listbox.replaceChildren(...items);
    empty.replaceChildren();
    empty.hidden = true;
    notices(notice, query, a, filters, literal);
    renderWords(query, a);
    if (more) {
      const all = more.querySelector(".search-all");
      const shown = a.total > items.length;
      more.hidden = !shown || !data.results;
      if (shown && data.results) {
        all.href = linkFor(query, filters, data.results);
        all.textContent = a.totalExact ? text("allResults").replace("{count}", String(a.total)) : text("allResultsMore");
      }
    }
    showStatus(countText(items.length, a));
  }

  function renderEmpty(query, suggestion, filters) {
    listbox.replaceChildren();
    resetExtras();
    const filtered = Object.keys(filters).length > 0;
    const parts = [el("p", { class: "search-empty-title" },
      fill(text(filtered ? "noResultsFiltered" : "noResults"), { query: el("strong", null, query) }))];
    if (suggestion) {
      const link = el("a", { class: "search-suggestion", href: linkFor(suggestion, filters) }, suggestion);
      link.addEventListener("click", (e) => {
        e.preventDefault();
        input.value = suggestion;
        input.focus();
        run();
      });
      parts.push(el("p", null, fill(text("didYouMean"), { suggestion: link })));
    }
    if (filtered) {
      const button = el("button", { type: "button", class: "search-unfilter" }, text("withoutFilters"));
      button.addEventListener("click", () => {
        for (const s of selects) s.value = "";
        input.focus();
        run();
      });
      parts.push(el("p", null, button));
    }
    parts.push(contactBlock(query));
    empty.replaceChildren(...parts);
    empty.hidden = false;
    showStatus(empty.querySelector(".search-empty-title").textContent, true);
  }

  /** The escalation tier, prefilled with the query: its form, else mail, else its page. */
  function contactBlock(query) {
    const block = el("div", { class: "search-contact" });
    block.append(el("p", null, fill(text("contact"), { tier: el("a", { href: data.tierHref }, data.tierName || "") })));
    let link = null;
    if (data.contactTemplate) {
      link = el("a", { class: "button search-contact-link", href: fillContact(data.contactTemplate, { title: query, lang: data.lang }) }, text("contactForm"));
    } else if (data.contactEmail) {
      const subject = text("contactSubject").replace("{query}", query);
      link = el("a", { class: "button search-contact-link", href: "mailto:" + data.contactEmail + "?subject=" + encodeURIComponent(subject) },
        text("email") + ": " + data.contactEmail);
    } else if (data.tierHref) {
      link = el("a", { class: "button search-contact-link", href: data.tierHref }, data.tierName || "");
    }
    if (link) block.append(el("p", null, link));
    return block;
  }

  function renderError() {
    listbox.replaceChildren();
    resetExtras();
    empty.replaceChildren(el("p", { class: "search-error" }, text("error")));
    empty.hidden = false;
    showStatus(text("error"), true);
  }

  // ---- insights: one event per search that ended ---------------------------

  // The engine's searchSession says when a search ended (a result opened,
  // Enter, or typing paused); the queries typed on the way are never sent
  // (docs/insights.md). insights.js sends what this announces, when the
  // site has a collector; otherwise nobody listens.
  const searched = (...answer) => { if (session) session.searched(...answer); };
  const endSearch = (index) => { if (session) session.end(index); };

  addEventListener("pagehide", () => endSearch(-1));
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") endSearch(-1); });
  listbox.addEventListener("click", (e) => {
    const option = e.target.closest('[role="option"]');
    if (option) endSearch(Number(option.id.replace("search-option-", "")));
  });
  // "All results" carries the search on to its page, which announces it.
  if (more) more.addEventListener("click", () => { if (session) session.drop(); });

  // ---- searching --------------------------------------------------------

  async function run(typos = true) {
    clearTimeout(timer);
    const query = input.value;
    const filters = currentFilters();
    if (!resultsPage) updateAddress(query, filters);
    if (!query.trim()) { searched("", [], 0); clear(); form.removeAttribute("aria-busy"); return; }
    const mine = ++seq;
    form.setAttribute("aria-busy", "true");
    try {
      const s = await search();
      const a = await s.answer(query, { limit: LIMIT, filters, typos });
      if (mine !== seq) return;
      searched(query, a.results, a.total);
      if (a.results.length > 0) {
        renderResults(query, a, filters, () => { input.focus(); run(false); });
      } else {
        const suggestion = await s.suggest(query);
        if (mine !== seq) return;
        renderEmpty(query, suggestion && suggestion !== query ? suggestion : null, filters);
      }
    } catch (error) {
      if (mine !== seq) return;
      console.error(error);
      renderError();
    } finally {
      if (mine === seq) form.removeAttribute("aria-busy");
    }
    hasContent = true;
    setActive(-1);
    // Results of a link (?q=) open the panel; while typing elsewhere, they wait for focus.
    if (form.contains(document.activeElement) || !panel.hidden || fromLink) open();
  }

  function schedule() {
    clearTimeout(timer);
    form.setAttribute("aria-busy", "true");
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  // ---- events -----------------------------------------------------------

  input.addEventListener("input", schedule);
  input.addEventListener("focus", () => {
    search().catch(() => {});
    if (input.value.trim()) open();
  });
  // On the full results page a filter reloads the page for it; elsewhere it narrows the list.
  for (const s of selects) {
    s.addEventListener("change", () => (resultsPage ? location.assign(linkFor(input.value, currentFilters(), location.href)) : run()));
  }

  input.addEventListener("keydown", (e) => {
    if (e.isComposing) return;
    const list = options();
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (panel.hidden) { open(); return; }
        if (list.length) setActive(active + 1 < list.length ? active + 1 : 0);
        break;
      case "ArrowUp":
        e.preventDefault();
        if (panel.hidden) { open(); return; }
        if (list.length) setActive(active <= 0 ? (active === 0 ? -1 : list.length - 1) : active - 1);
        break;
      case "Enter":
        if (!panel.hidden && active >= 0 && list[active]) {
          e.preventDefault();
          list[active].click();
        }
        break;
      case "Escape":
        // Chromium clears a type=search field on Escape: close first, clear on the second.
        e.preventDefault();
        if (!panel.hidden) close();
        else if (input.value) { input.value = ""; run(); }
        break;
    }
  });

  // With JavaScript, submitting searches in place; without it, the form goes to the home page.
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (resultsPage) {
      location.assign(linkFor(input.value, currentFilters(), location.href));
      return;
    }
    run().then(() => {
      if (session) session.settle();
      if (input.value.trim()) open();
    });
  });

  listbox.addEventListener("mousemove", (e) => {
    const option = e.target.closest('[role="option"]');
    if (option) { const i = options().indexOf(option); if (i !== active) setActive(i, false); }
  });

  document.addEventListener("pointerdown", (e) => {
    if (!panel.hidden && !form.contains(e.target)) close();
  });
  form.addEventListener("focusout", (e) => {
    if (e.relatedTarget && !form.contains(e.relatedTarget)) close();
  });

  // "/" focuses the search box, unless the reader is typing somewhere else.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (t instanceof Element && (t.closest("input, textarea, select, [contenteditable]") || t.isContentEditable)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  // ---- a search link (?q=…&category=…) ------------------------------------

  const params = new URLSearchParams(location.search);
  for (const s of selects) {
    const v = params.get(s.name);
    if (v && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  const q = params.get("q");
  if (resultsPage) {
    // The filters belong to the page here, in view above the results.
    const filters = form.querySelector(".search-filters");
    const heading = resultsPage.querySelector("h1");
    if (filters && heading) heading.after(filters);
    input.value = q || "";
    renderPage(q || "", currentFilters(), Math.max(1, Number.parseInt(params.get("page") || "1", 10) || 1), params.get("typos") !== "0");
  } else if (q && q.trim()) {
    input.value = q;
    fromLink = true;
    run().finally(() => { fromLink = false; });
  }

  // ---- the full results page (search/?q=…&page=…) -------------------------

  async function renderPage(query, filters, pageNumber, typos) {
    const pageStatus = resultsPage.querySelector(".search-page-status");
    const list = resultsPage.querySelector(".search-page-results");
    const pages = resultsPage.querySelector(".search-page-pages");
    const pageNotice = resultsPage.querySelector(".search-page-notice");
    const pageEmpty = resultsPage.querySelector(".search-page-empty");
    const pageLink = (n, literal = !typos) => {
      const url = new URL(linkFor(query, filters, location.href));
      if (n > 1) url.searchParams.set("page", String(n));
      if (literal) url.searchParams.set("typos", "0");
      return url.href;
    };
    if (!query.trim()) { pageStatus.textContent = text("pagePrompt"); return; }
    resultsPage.setAttribute("aria-busy", "true");
    try {
      const s = await search();
      const a = await s.answer(query, { limit: pageNumber * PAGE_SIZE, filters, typos, count: true });
      // A page past the last (an old link, an address edited by hand:
      // `page=1000`, `page=2.5` of one page) shows the last one: saying
      // that no article matches would be false.
      const last = Math.max(1, Math.ceil(a.results.length / PAGE_SIZE));
      if (pageNumber > last) {
        pageNumber = last;
        const url = new URL(location.href);
        if (last > 1) url.searchParams.set("page", String(last));
        else url.searchParams.delete("page");
        try { history.replaceState(history.state, "", url.href); } catch (_) { /* some file:// setups refuse */ }
      }
      const first = (pageNumber - 1) * PAGE_SIZE;
      const shown = a.results.slice(first);
      const shared = sharedTitles(shown);
      searched(query, a.results, a.total, true);
      list.setAttribute("start", String(first + 1));
      list.replaceChildren(...shown.map((r, i) => {
        const href = resultHref(r, a.highlight);
        return href ? el("li", null, el("a", { class: "search-result", href, "data-rank": String(first + i + 1) }, ...resultParts(r, shared))) : null;
      }).filter(Boolean));
      list.onclick = (e) => {
        const result = e.target.closest("[data-rank]");
        if (result) endSearch(Number(result.dataset.rank) - 1);
      };
      notices(pageNotice, query, a, filters, () => location.assign(pageLink(1, true)));
      if (shown.length === 0) {
        pageStatus.textContent = fill(text(Object.keys(filters).length ? "noResultsFiltered" : "noResults"), { query }).textContent;
        const suggestion = first === 0 ? await s.suggest(query) : null;
        const parts = [];
        if (suggestion && suggestion !== query) {
          parts.push(el("p", null, fill(text("didYouMean"), { suggestion: el("a", { class: "search-suggestion", href: linkFor(suggestion, filters, location.href) }, suggestion) })));
        }
        parts.push(contactBlock(query));
        pageEmpty.replaceChildren(...parts);
        pageEmpty.hidden = false;
        pages.hidden = true;
        return;
      }
      pageStatus.textContent = fill(text("pageCount"), {
        from: String(first + 1), to: String(first + shown.length), total: String(a.total), query,
      }).textContent;
      const nav = [];
      if (pageNumber > 1) nav.push(el("a", { class: "search-page-previous", rel: "prev", href: pageLink(pageNumber - 1) }, text("previous")));
      if (a.total > first + shown.length) nav.push(el("a", { class: "search-page-next", rel: "next", href: pageLink(pageNumber + 1) }, text("next")));
      pages.replaceChildren(...nav);
      pages.hidden = nav.length === 0;
    } catch (error) {
      console.error(error);
      pageStatus.textContent = text("error");
    } finally {
      resultsPage.removeAttribute("aria-busy");
    }
  }
})();

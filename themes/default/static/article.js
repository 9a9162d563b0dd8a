// The article page of the default theme (templates/article.html): links to
// send, copyable heading and step anchors, the steps the user already tried,
// and the "Did this solve your problem?" handoff to the escalation tier.
//
// A classic script loaded with `defer`, so it also runs from file://. The
// page works without it: the share buttons and the question stay hidden and
// the "Still stuck?" box shows plain contact links. Every node is built with
// textContent and setAttribute; nothing the page says is parsed as HTML.
// Ticked steps stay in the page: no storage, no cookies.
(() => {
  "use strict";

  const STATUS_CLEAR_MS = 4000;
  const STEP_TEXT_MAX = 140;

  const share = document.querySelector("[data-share]");
  const status = share && share.querySelector(".copy-status");
  const body = document.querySelector(".article-body");
  const handoff = document.querySelector("[data-handoff]");

  const article = document.querySelector("article[data-article-id]");
  const articleId = article ? article.dataset.articleId : "";

  /** Says what the reader did; insights.js sends it when the site has a collector. */
  function insight(detail) {
    if (articleId) document.dispatchEvent(new CustomEvent("tier0:insight", { detail: { article: articleId, ...detail } }));
  }

  // The article's permanent short link, absolute: data-link is relative on a
  // site built without a full base_url, and this page knows where it is.
  const link = share ? new URL(share.dataset.link, location.href).href : "";

  // ---- Copying ------------------------------------------------------------

  let statusTimer = 0;
  function announce(text, keep) {
    if (!status) return;
    clearTimeout(statusTimer);
    status.textContent = text;
    if (!keep) statusTimer = setTimeout(() => { status.textContent = ""; }, STATUS_CLEAR_MS);
  }

  /** The Clipboard API, else the old execCommand way; resolves to whether it worked. */
  async function writeClipboard(text) {
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (_) {
      // Denied or unavailable (insecure context, no focus): try the fallback.
    }
    const focused = document.activeElement;
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "-9999px";
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (_) {
      copied = false;
    }
    area.remove();
    if (focused && focused.focus) focused.focus({ preventScroll: true });
    return copied;
  }

  // A site built without a full base_url links relatively; made absolute
  // here, a link copied from a file:// page or a local server points at
  // this computer and opens nowhere else.
  const linkIsLocal = (() => {
    if (!share || /^[a-z][a-z0-9+.-]*:/i.test(share.dataset.link)) return false;
    const url = new URL(link);
    return url.protocol === "file:" || /^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname);
  })();

  /** Copies `text` and says so; when the browser refuses, offers it to select by hand. */
  async function copy(text) {
    const previous = share && share.querySelector(".copy-fallback");
    if (previous) previous.remove();
    if (await writeClipboard(text)) {
      announce(share.dataset.copied);
      if (linkIsLocal && !share.querySelector(".copy-warning")) {
        const warning = document.createElement("span");
        warning.className = "copy-warning";
        warning.setAttribute("role", "note");
        warning.textContent = share.dataset.copyLocal || "";
        share.append(warning);
      }
      return;
    }
    announce(share.dataset.copyFailed, true);
    const field = document.createElement("textarea");
    field.className = "copy-fallback";
    field.value = text;
    field.setAttribute("readonly", "");
    field.setAttribute("rows", String(Math.min(6, text.split("\n").length)));
    field.setAttribute("aria-label", share.dataset.copyFailed);
    share.append(field);
    field.focus();
    field.select();
  }

  if (share) {
    share.hidden = false;
    share.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-copy]");
      if (!button) return;
      let text = link;
      if (button.dataset.copy === "reply") {
        // The reply's pieces go around the link, which only the page knows.
        try {
          text = JSON.parse(button.dataset.reply).join(link);
        } catch (_) {
          text = link;
        }
      }
      copy(text);
      insight({ type: "reuse", how: button.dataset.copy === "reply" ? "reply" : "link" });
    });
  }

  // ---- Agents: flag the article (the KCS "flag it") ------------------------

  const flag = document.querySelector("[data-flag]");
  if (flag) {
    const flagForm = flag.querySelector("form");
    const flagStatus = flag.querySelector(".flag-status");
    flagForm.addEventListener("submit", (event) => {
      event.preventDefault();
      insight({ type: "flag", reason: flagForm.elements.reason.value, note: flagForm.elements.note.value.trim() });
      flagForm.reset();
      flagStatus.textContent = flagStatus.dataset.sent || "";
    });
  }

  // ---- Heading and step anchors: navigate as usual, and copy the link -----

  if (body && share) {
    body.addEventListener("click", (event) => {
      const anchor = event.target.closest("a.heading-anchor, a.step-anchor");
      // A modified click opens a tab or a menu: leave it to the browser.
      if (!anchor || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      // The short link's redirect page carries the hash on to the article.
      copy(link + anchor.hash);
      anchor.setAttribute("data-copied", "");
      setTimeout(() => anchor.removeAttribute("data-copied"), STATUS_CLEAR_MS);
    });
  }

  // ---- Steps the user already tried ---------------------------------------

  const steps = body ? [...body.querySelectorAll("li.step")] : [];
  const markTried = handoff ? handoff.dataset.markTried || "" : "";

  /** The step's number as its list shows it (lists may start at any number). */
  function stepNumber(step) {
    const list = step.parentElement;
    const items = [...list.children].filter((c) => c.tagName === "LI");
    const start = list.tagName === "OL" && list.hasAttribute("start") ? list.start : 1;
    return start + items.indexOf(step);
  }

  /** The step's own words: no anchor, no checkbox, no sub-list, table or code block; short. */
  function stepText(step) {
    const copyOf = step.cloneNode(true);
    copyOf.querySelectorAll(".step-anchor, .step-tried, ol, ul, table, pre").forEach((n) => n.remove());
    const chars = [...copyOf.textContent.replace(/\s+/g, " ").trim()];
    return chars.length > STEP_TEXT_MAX ? chars.slice(0, STEP_TEXT_MAX - 1).join("").trimEnd() + "…" : chars.join("");
  }

  // Each step with its checkbox and the line that names it when ticked.
  const stepBoxes = steps.map((step) => {
    const number = stepNumber(step);
    const line = `${number}. ${stepText(step)}`;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "step-tried";
    box.setAttribute("aria-label", markTried.split("{n}").join(String(number)));
    const anchor = step.querySelector(":scope > .step-anchor");
    if (anchor) anchor.after(box);
    else step.prepend(box);
    return { step, box, line };
  });

  const ticked = () => stepBoxes.filter(({ box }) => box.checked);
  const tickedIds = () => ticked().map(({ step }) => step.id).filter(Boolean);

  // ---- Handoff: solved, or what to tell the next tier ---------------------

  if (!handoff) return;
  const ask = handoff.querySelector(".handoff-ask");
  const thanks = handoff.querySelector(".handoff-thanks");
  const stuck = handoff.querySelector(".still-stuck");
  const tried = handoff.querySelector(".tried");
  const triedList = handoff.querySelector(".tried-list");
  const contactUrl = handoff.querySelector("[data-contact=url]");
  const contactMail = handoff.querySelector("[data-contact=mail]");
  // Without a full base_url the build cannot know the page's address, which
  // the support team needs: the template keeps {url}, the mail link asks
  // for it (data-add-url), and the page fills in where it was opened from.
  const pageUrl = location.href.split("#")[0];
  const template = contactUrl && contactUrl.dataset.hrefTried;
  const fill = (tried) => template.split("{url}").join(encodeURIComponent(pageUrl))
    .split("{tried}").join(encodeURIComponent(tried));
  const originalUrl = contactUrl && (template && template.includes("{url}") ? fill("") : contactUrl.getAttribute("href"));
  const originalMail = contactMail && ("addUrl" in contactMail.dataset
    ? mailtoWith(contactMail.getAttribute("href"), pageUrl)
    : contactMail.getAttribute("href"));

  /** `mailto:` with `extra` added to its body (RFC 6068: %20, never +). */
  function mailtoWith(href, extra) {
    const encoded = encodeURIComponent(extra);
    const at = href.indexOf("?");
    if (at < 0) return `${href}?body=${encoded}`;
    const params = href.slice(at + 1).split("&");
    const i = params.findIndex((p) => p.toLowerCase().startsWith("body="));
    if (i < 0) params.push(`body=${encoded}`);
    else params[i] += encoded;
    return `${href.slice(0, at)}?${params.join("&")}`;
  }

  /** The tried list and the contact links follow the ticked steps. */
  function refresh() {
    const lines = ticked().map(({ line }) => line);
    if (triedList) {
      triedList.replaceChildren(...lines.map((line) => {
        const li = document.createElement("li");
        li.textContent = line;
        return li;
      }));
    }
    if (tried) tried.hidden = lines.length === 0;
    if (contactUrl) contactUrl.setAttribute("href", lines.length && template ? fill(lines.join("; ")) : originalUrl);
    if (contactMail) {
      contactMail.setAttribute("href", lines.length
        ? mailtoWith(originalMail, `\n\n${handoff.dataset.triedLabel}:\n${lines.join("\n")}`)
        : originalMail);
    }
  }

  /** One POST per answer, only where the site asks for it; failures are ignored. */
  function sendFeedback(helpful) {
    const endpoint = handoff.dataset.feedback;
    if (!endpoint) return;
    try {
      fetch(endpoint, {
        method: "POST",
        credentials: "omit",
        keepalive: true,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          article: handoff.dataset.articleId,
          lang: handoff.dataset.lang,
          helpful,
          tried: tickedIds(),
        }),
      }).catch(() => {});
    } catch (_) {
      // An endpoint the browser refuses outright (e.g. a path from file://).
    }
  }

  if (ask) ask.hidden = false;
  if (stuck) stuck.hidden = true;
  refresh();
  stepBoxes.forEach(({ box }) => box.addEventListener("change", refresh));

  handoff.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-answer]");
    if (!button) return;
    const solved = button.dataset.answer === "yes";
    if (solved) {
      // The question stays: a reader who answered too soon can still say No.
      if (thanks) thanks.hidden = false;
      if (stuck) stuck.hidden = true;
    } else {
      if (thanks) thanks.hidden = true;
      if (stuck) {
        stuck.hidden = false;
        // Keyboard and screen reader users land on what to do next.
        const heading = stuck.querySelector("h2") || stuck;
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    }
    sendFeedback(solved);
    insight({ type: "feedback", helpful: solved, steps: tickedIds() });
  });

  // Opening a contact link is the escalation the article did not prevent.
  handoff.addEventListener("click", (event) => {
    const contact = event.target.closest("a[data-contact]");
    if (contact) insight({ type: "escalate", channel: contact.dataset.contact, steps: tickedIds() });
  });

  // ---- A copy button on every code block -----------------------------------

  // Interface text, from the article element's data-t-* attributes.
  const labels = body ? (body.closest("article") || body).dataset : {};
  if (body) {
    for (const pre of body.querySelectorAll("pre")) {
      const block = document.createElement("div");
      block.className = "code-block";
      pre.replaceWith(block);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "code-copy";
      button.textContent = labels.tCopyCode || "Copy";
      block.append(button, pre);
      // A block wider than a phone scrolls sideways: the keyboard must reach it too.
      pre.tabIndex = 0;
      let timer = 0;
      button.addEventListener("click", async () => {
        const code = pre.textContent.replace(/\n$/, "");
        clearTimeout(timer);
        if (await writeClipboard(code)) {
          button.textContent = labels.tCodeCopied || "Copied";
        } else {
          // The browser refused: select the code, for the reader to copy.
          const range = document.createRange();
          range.selectNodeContents(pre);
          const selection = getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          button.textContent = labels.tCodeSelected || "Selected";
        }
        timer = setTimeout(() => { button.textContent = labels.tCopyCode || "Copy"; }, STATUS_CLEAR_MS);
      });
    }
  }

  // ---- Words searched for, from a search result (?hl=) ---------------------

  // A result link carries the word forms that matched (lower-case, accents
  // folded, as the search engine compares them); they are marked in the
  // article, with a way to clear them.
  const fold = (w) => w.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  const wanted = new Set((new URLSearchParams(location.search).get("hl") || "").split(/\s+/).filter(Boolean).map(fold));
  // A hyphenated word is also found written whole ("Wi-Fi" for `wifi`), as the index has it.
  const isWanted = (p) => wanted.has(fold(p)) || (p.includes("-") && wanted.has(fold(p).replace(/-/g, "")));
  if (body && wanted.size) {
    const marks = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement.closest("script, style, mark, button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n);
    for (const node of texts) {
      const parts = node.data.split(/([\p{L}\p{N}_-]+)/u);
      if (!parts.some((p, i) => i % 2 === 1 && isWanted(p))) continue;
      const fragment = document.createDocumentFragment();
      parts.forEach((p, i) => {
        if (i % 2 === 1 && isWanted(p)) {
          const mark = document.createElement("mark");
          mark.className = "search-highlight";
          mark.textContent = p;
          marks.push(mark);
          fragment.append(mark);
        } else if (p) fragment.append(p);
      });
      node.replaceWith(fragment);
    }
    if (marks.length) {
      const bar = document.createElement("p");
      bar.className = "highlight-bar";
      const clear = document.createElement("button");
      clear.type = "button";
      clear.className = "highlight-clear";
      clear.textContent = labels.tHighlightClear || "Clear highlighting";
      bar.append((labels.tHighlightNote || "") + " ", clear);
      body.before(bar);
      clear.addEventListener("click", () => {
        for (const mark of marks) mark.replaceWith(mark.textContent);
        body.normalize();
        bar.remove();
        const url = new URL(location.href);
        url.searchParams.delete("hl");
        try { history.replaceState(history.state, "", url.href); } catch (_) { /* some file:// setups refuse */ }
      });
    }
  }
})();

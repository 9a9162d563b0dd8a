// The article page's table of contents and folded sections (templates/
// article.html). Without this script the table of contents is a plain list
// and folded sections open by a click.
//
// - Wide screens (76rem and more) show the list as a sticky column, always
//   open; narrower ones fold it until the reader opens it.
// - The link of the section being read carries aria-current="true".
// - A section folded before the fix (src/render/fix_first.rs) opens when a
//   link leads inside it, when it holds words searched for, and for print.
//
// A classic script loaded with `defer`, after static/article.js (which
// marks the words searched for).
(() => {
  "use strict";

  /** Opens every folded section around `node`. */
  function reveal(node) {
    for (let d = node && node.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
  }
  function revealTarget() {
    if (location.hash.length < 2) return;
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (_) { /* a hash that is not encoded text */ }
    const target = document.getElementById(id);
    if (target && target.closest(".article details:not([open])")) {
      reveal(target);
      target.scrollIntoView();
    }
  }
  revealTarget();
  addEventListener("hashchange", revealTarget);
  document.querySelectorAll(".article-body mark.search-highlight").forEach(reveal);
  addEventListener("beforeprint", () => {
    for (const d of document.querySelectorAll(".article details:not([open])")) {
      d.open = true;
      d.dataset.printOpened = "";
    }
  });
  addEventListener("afterprint", () => {
    for (const d of document.querySelectorAll(".article details[data-print-opened]")) {
      d.open = false;
      delete d.dataset.printOpened;
    }
  });

  const nav = document.querySelector("[data-toc]");
  const details = nav && nav.querySelector("details");
  if (!details) return;
  const summary = details.querySelector("summary");

  // ---- Folded on narrow screens, a fixed column on wide ones -------------

  const wide = matchMedia("(min-width: 76rem)");
  let chosen = false; // what the reader chose on a narrow screen
  function fit() {
    details.open = wide.matches || chosen;
    // On wide screens the summary is a heading, not a control.
    if (summary) summary.tabIndex = wide.matches ? -1 : 0;
  }
  fit();
  wide.addEventListener("change", fit);
  details.addEventListener("toggle", () => {
    if (wide.matches) details.open = true;
    else chosen = details.open;
  });

  // ---- The section being read --------------------------------------------

  const links = [...nav.querySelectorAll("a[href^='#']")];
  const targets = links.map((a) => {
    try { return document.getElementById(decodeURIComponent(a.hash.slice(1))); } catch (_) { return null; }
  });
  let current = -1;
  function spy() {
    // The last heading above a line near the top of the window; at the end
    // of the page, the last heading in view.
    const line = Math.min(innerHeight * 0.25, 160);
    const atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
    let index = 0;
    targets.forEach((t, i) => {
      if (!t) return;
      const box = t.getBoundingClientRect();
      if (box.height === 0) return; // inside a folded section
      if (box.top <= line || (atEnd && box.top < innerHeight)) index = i;
    });
    if (index === current) return;
    current = index;
    links.forEach((a, i) => {
      if (i === index) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
  }
  let queued = false;
  addEventListener("scroll", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; spy(); });
  }, { passive: true });
  addEventListener("resize", spy);
  details.addEventListener("toggle", spy);
  document.querySelectorAll(".article details").forEach((d) => d.addEventListener("toggle", spy));
  spy();
})();

// tier0 dev server: reloads the page when the site is rebuilt (keeping the
// scroll position) and shows build errors in an overlay until they are fixed.
// Injected by `tier0 serve` only; never part of a built site.
(() => {
  "use strict";
  const key = `tier0-scroll:${location.pathname}`;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    const restore = () => window.scrollTo(0, Number(saved));
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore);
  }

  const OVERLAY_ID = "tier0-build-errors";

  // `published`: the site was rebuilt without the files in error, rather
  // than kept at its last good version.
  function showErrors(errors, published) {
    document.getElementById(OVERLAY_ID)?.remove();
    const overlay = document.createElement("div");
    overlay.id = OVERLAY_ID;
    overlay.setAttribute("role", "alert");
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
      "background:rgba(20,20,24,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace";
    const title = document.createElement("h2");
    title.textContent = published
      ? "tier0: these files have errors and are left out of the site"
      : "tier0: the site could not be rebuilt";
    title.style.cssText = "font:600 18px/1.3 system-ui,sans-serif;margin:0 0 1rem;color:#ff9b93";
    overlay.append(title);
    for (const e of errors) {
      const item = document.createElement("pre");
      item.style.cssText = "white-space:pre-wrap;margin:0 0 1rem;padding:.75rem 1rem;background:#2a2a30;border-radius:6px";
      const where = document.createElement("strong");
      where.textContent = `${e.path}:${e.line}:${e.column}`;
      item.append(where, `\n${e.severity}: ${e.message}`);
      if (e.help) item.append(`\nhelp: ${e.help}`);
      overlay.append(item);
    }
    const note = document.createElement("p");
    note.textContent = published
      ? "The rest of the site is served. Fix the file and save: this page reloads."
      : "The last good version of the site is still served. Fix the file and save: this page reloads.";
    note.style.cssText = "font-family:system-ui,sans-serif";
    overlay.append(note);
    if (published) {
      const close = document.createElement("button");
      close.type = "button";
      close.textContent = "Hide";
      close.addEventListener("click", () => overlay.remove());
      overlay.append(close);
    }
    document.body.append(overlay);
  }

  const events = new EventSource("/__tier0/events");
  events.addEventListener("reload", () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
  for (const [name, published] of [["build-error", false], ["left-out", true]]) {
    events.addEventListener(name, (event) => {
      const errors = JSON.parse(event.data).filter((e) => e.severity === "error");
      showErrors(errors, published);
    });
  }
})();

// The phone header of the default theme (templates/base.html): a menu button
// and a search button, each a disclosure of the part of the header it names
// (aria-expanded, aria-controls). One is open at a time; Escape closes it and
// gives the focus back to its button. On the home page the search button is a
// link to the search box of the page, which it focuses.
//
// A classic script loaded with `defer`. Without it, static/noscript.css shows
// the search box and the menu, and hides the buttons.
(() => {
  "use strict";

  const header = document.querySelector("[data-site-header]");
  if (!header) return;
  const toggles = [...header.querySelectorAll("[data-header-toggle]")];
  const input = document.getElementById("search-input");

  const openOne = () => toggles.find((b) => b.getAttribute("aria-expanded") === "true");

  function set(button, open) {
    for (const b of toggles) b.setAttribute("aria-expanded", String(open && b === button));
    if (open) header.dataset.open = button.dataset.headerToggle;
    else delete header.dataset.open;
  }

  for (const button of toggles) {
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      set(button, open);
      if (open && button.dataset.headerToggle === "search" && input) input.focus();
    });
  }

  // Escape closes what is open, unless the search has a list of results to
  // close first (static/search.js closes it on the same key).
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    const button = openOne();
    if (!button) return;
    const panel = header.querySelector(".search-panel");
    if (button.dataset.headerToggle === "search" && panel && !panel.hidden) return;
    set(button, false);
    button.focus();
  }, true);

  // "/" focuses the search box (static/search.js), which must be shown first.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t instanceof Element && (t.closest("input, textarea, select, [contenteditable]") || t.isContentEditable)) return;
    const search = toggles.find((b) => b.dataset.headerToggle === "search");
    if (search && getComputedStyle(search).display !== "none" && search.getAttribute("aria-expanded") !== "true") set(search, true);
  }, true);

  // A wider screen shows everything: nothing stays "open" behind the scenes.
  const phone = matchMedia("(max-width: 47.99rem)");
  phone.addEventListener("change", () => { if (!phone.matches) { const b = openOne(); if (b) set(b, false); } });

  const jump = header.querySelector("[data-search-jump]");
  if (jump && input) {
    jump.addEventListener("click", (e) => {
      e.preventDefault();
      input.scrollIntoView({ block: "center" });
      input.focus({ preventScroll: true });
    });
  }
})();

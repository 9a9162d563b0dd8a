// The default theme's light / dark / automatic switch (the button in the
// page header). Automatic follows the system (prefers-color-scheme); a
// choice is remembered in this browser (localStorage, nothing else) and
// applied before the page is drawn by the small script in base.html's
// head. The stylesheet's colours are light-dark() pairs, so the choice is
// only the root's `data-theme`, which sets its color-scheme.
(() => {
  "use strict";

  const KEY = "tier0-theme";
  const ORDER = ["auto", "light", "dark"];
  const button = document.querySelector("[data-theme-switch]");
  if (!button) return;
  const root = document.documentElement;
  const current = () => (root.dataset.theme === "light" || root.dataset.theme === "dark" ? root.dataset.theme : "auto");

  function show() {
    const state = current();
    const label = button.dataset["t" + state[0].toUpperCase() + state.slice(1)] || state;
    button.dataset.state = state;
    button.setAttribute("aria-label", label);
    button.title = label;
  }

  button.hidden = false;
  show();
  button.addEventListener("click", () => {
    const next = ORDER[(ORDER.indexOf(current()) + 1) % ORDER.length];
    if (next === "auto") delete root.dataset.theme;
    else root.dataset.theme = next;
    try {
      if (next === "auto") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next);
    } catch (_) { /* storage refused: the choice lasts for this page */ }
    show();
  });
})();

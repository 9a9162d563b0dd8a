// Sends the site's anonymous insights events (docs/insights.md) to the
// collector named by `insights.endpoint` in tier0.yaml. Loaded only when the
// site has one (templates/base.html).
//
// The other scripts say what happened with a `tier0:insight` event on the
// document; this one adds the language and the edition and sends it with
// navigator.sendBeacon (a text body: no preflight, and it survives the page
// being left). Nothing is sent when the browser asks not to be tracked (Do
// Not Track, Global Privacy Control). No cookie, no storage, no identifier:
// the collector could not tell two readers apart if it wanted to.
(() => {
  "use strict";

  const meta = document.querySelector('meta[name="tier0-insights"]');
  if (!meta || !meta.content) return;
  if (navigator.globalPrivacyControl === true || navigator.doNotTrack === "1" || window.doNotTrack === "1") return;

  const endpoint = new URL(meta.content, document.baseURI).href;
  const edition = meta.dataset.edition === "agents" ? "agents" : "public";
  const lang = document.documentElement.lang;
  const sample = Number(meta.dataset.viewSample) || 1;

  function send(event) {
    const body = JSON.stringify({ ...event, lang: event.lang || lang, edition });
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
      fetch(endpoint, { method: "POST", body, keepalive: true, credentials: "omit", mode: "no-cors" }).catch(() => {});
    } catch (_) {
      // A collector the browser refuses outright (a path from file://): nothing to do.
    }
  }

  document.addEventListener("tier0:insight", (e) => {
    const event = e.detail;
    if (!event || typeof event.type !== "string") return;
    // Reuse and flags are the agents' signals; the collector refuses them from the public site.
    if ((event.type === "reuse" || event.type === "flag") && edition !== "agents") return;
    send(event);
  });

  const article = document.querySelector("article[data-article-id]");
  if (article && Math.random() < sample) {
    send({ type: "view", article: article.dataset.articleId, ...(sample < 1 ? { sample } : {}) });
  }
})();

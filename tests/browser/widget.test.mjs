// The help widget (widget.js, widget.mjs; docs/widget.md) on another
// origin: the fixture site tests/browser/fixtures/widget is built and served
// on one 127.0.0.1 port, host pages (a product's screens) on another, under
// a strict Content-Security-Policy and with CSS written to break it. It
// searches with the site's engine and files, shows an article inside its
// panel, escalates with the steps ticked, opens with suggestions for the
// host's context, is keyboard-complete and axe-clean, and leaves the host's
// cookies, storage and global names as they were.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { buildSite, cleanup, FIXTURES, launch, openPage, REPO, serve, tempDir } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const state = { browser: null, site: null, host: null, siteOrigin: "" };

/** The CSP of each kind of host page, by the first segment of its path. */
const csp = (kind, siteOrigin) => ({
  // An allow-list: scripts from the page and the help site, no fetch at all (default-src 'none').
  strict: `default-src 'none'; script-src 'self' ${siteOrigin}; style-src 'self'; img-src 'self' ${siteOrigin}; base-uri 'none'; object-src 'none'; form-action 'none'`,
  // Google's "strict CSP": a nonce and 'strict-dynamic', no host names.
  nonce: "default-src 'none'; script-src 'nonce-t0help' 'strict-dynamic'; style-src 'self'; base-uri 'none'; object-src 'none'",
  plain: null,
}[kind]);

// Rules a product's stylesheet may well have, and some meant to hide or
// deform the widget: none must reach inside its shadow root.
const HOSTILE_CSS = `
html { font-size: 5px !important; line-height: 0.5 !important; color: #f0f !important; letter-spacing: 4px !important; text-transform: uppercase !important; }
* { font-family: "Comic Sans MS", cursive !important; box-sizing: content-box !important; }
tier0-help, body > :not(main), div, ul, li, input, span, h2, h3, section, article, form, label {
  display: none !important; opacity: 0 !important; visibility: hidden !important; z-index: -1 !important;
  position: static !important; transform: scale(0.1) !important; --t0-bg: #f00 !important; --t0-accent: #f00 !important;
}
`;

function hostPage({ kind, script, body = "", lang = "es", htmlAttrs = "" }) {
  return `<!DOCTYPE html>
<html lang="${lang}"${htmlAttrs}><head><meta charset="utf-8"><title>Producto de prueba</title>
<link rel="stylesheet" href="/hostile.css">
${script}
</head><body><main><h1>Mi producto</h1><p>Pantalla de prueba (${kind}).</p>${body}</main></body></html>`;
}

before(async () => {
  const [out, browser] = await Promise.all([buildSite(path.join(FIXTURES, "widget")), launch()]);
  state.browser = browser;
  // The module needs CORS (module scripts are fetched in CORS mode); the classic script does not.
  state.site = await serve(out, "/", (p) => (p.endsWith(".mjs") ? { "access-control-allow-origin": "*" } : {}));
  state.siteOrigin = new URL(state.site.url).origin;
  const dir = await tempDir("tier0-host-");
  const widget = `${state.site.url}widget.js`;
  const pages = {
    "strict/index.html": hostPage({ kind: "strict", script: `<script src="${widget}" async></script>`,
      body: '<button type="button" data-tier0-help="0x80070005">Error 0x80070005</button>' }),
    "nonce/index.html": hostPage({ kind: "nonce", script: `<script nonce="t0help" src="${widget}" data-lang="en" async></script>` }),
    "plain/index.html": hostPage({ kind: "plain", script: `<script src="${widget}" data-theme="dark" async></script>` }),
    "plain/vpn-settings/index.html": hostPage({ kind: "plain", script:
      `<script>(window.Tier0Help = window.Tier0Help || []).push(["init", {context: [{path: "/plain/vpn-settings/*", tags: ["vpn"]}]}]);</script>
<script src="${widget}" async></script>` }),
    "plain/module/index.html": hostPage({ kind: "plain", htmlAttrs: ' data-theme="dark"', script:
      `<script type="module">import { Tier0Help } from "${state.site.url}widget.mjs"; Tier0Help.init({ lang: "en", color: "#8250df", position: "left" });</script>` }),
  };
  for (const [rel, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), html);
  }
  await writeFile(path.join(dir, "hostile.css"), HOSTILE_CSS);
  state.host = await serve(dir, "/", (p) => {
    const policy = csp(p.split("/")[1], state.siteOrigin);
    return policy && p.endsWith(".html") || policy && p.endsWith("/") ? { "content-security-policy": policy } : {};
  });
});

after(async () => {
  await state.browser?.close();
  await state.site?.close();
  await state.host?.close();
  await cleanup();
});

/** A fresh context and host page at `where`, with what the page logs and requests recorded. */
async function onHost(where, body, contextOptions = {}) {
  const context = await state.browser.newContext(contextOptions);
  context.setDefaultTimeout(5000);
  // The contact form is on another site: answer it here, the test has no network.
  await context.route("https://support.example/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>ok</title>" }));
  const page = await openPage(context);
  const requests = [];
  page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  const violations = [];
  page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  try {
    await page.goto(state.host.url + where);
    await page.waitForFunction(() => window.Tier0Help && !Array.isArray(window.Tier0Help) && document.querySelector("tier0-help"));
    await body(page, { requests, context });
    assert.deepEqual(violations, [], "CSP violations");
    assert.equal(await page.evaluate(() => window.__xss), undefined, "script from the index ran");
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
  }
}

/** Locators inside the widget's shadow root (Playwright pierces open shadow roots). */
const w = (page, selector) => page.locator(`tier0-help ${selector}`);
const settled = (page) => page.waitForFunction(() => {
  const root = document.querySelector("tier0-help")?.shadowRoot?.querySelector(".root");
  return root && !root.hasAttribute("aria-busy");
});
const titles = (page) => w(page, ".result-title").allTextContents();

async function search(page, query) {
  if (await w(page, ".panel").isHidden()) await w(page, ".launcher").click();
  if (await w(page, ".back").isVisible()) await w(page, ".back").click();
  await w(page, "#t0-q").fill("");
  await w(page, "#t0-q").pressSequentially(query, { delay: 10 });
  await page.waitForTimeout(150);
  await settled(page);
}

/** Records the widget's events in window.__events (the page's CSP does not apply to evaluate). */
const recordEvents = (page) => page.evaluate(() => {
  window.__events = [];
  for (const name of ["open", "close", "search", "article", "escalate"]) window.Tier0Help.on(name, (d) => window.__events.push([name, d]));
});

/** The results of the site's own engine for `query`, on the site's origin. */
async function siteResults(query) {
  const context = await state.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(state.site.url);
    return await page.evaluate(async ([q, base]) => {
      const { createSearch } = await import(base + "search/tier0-search.js");
      return (await createSearch({ base: base + "search/", lang: "es" }).search(q, { limit: 8 })).map((r) => r.title);
    }, [query, state.site.url]);
  } finally {
    await context.close();
  }
}

describe("the widget on a product's page of another origin", () => {
  it("searches with the site's engine and files: same results, tier badges, no fetch", async () => {
    await onHost("strict/", async (page, { requests }) => {
      await recordEvents(page);
      await search(page, "impresora");
      const shown = await titles(page);
      assert.deepEqual(shown, await siteResults("impresora"));
      assert.deepEqual(shown.slice().sort(), ["Cambiar el tóner de la impresora", "La impresora no imprime"]);
      assert.deepEqual(await w(page, ".result .badge").allTextContents(), ["L2", "L2"]);
      assert.match(await w(page, ".status").textContent(), /2 resultados/);
      assert.deepEqual(await w(page, ".result-title mark").allTextContents(), ["impresora", "impresora"]);
      // A typo is corrected as on the site.
      await search(page, "impresra");
      assert.match(await w(page, ".notice").textContent(), /impresora/);
      const events = await page.evaluate(() => window.__events.filter(([n]) => n === "search").map(([, d]) => d.query));
      assert.ok(events.includes("impresora"), events.join());
      // Scripts only: index and previews never need connect-src.
      const fetched = requests.filter((r) => r.url.startsWith(state.siteOrigin) && (r.type === "fetch" || r.type === "xhr"));
      assert.deepEqual(fetched, []);
      assert.ok(requests.some((r) => r.url.startsWith(state.siteOrigin + "/search/es/")), "index files from the site");
    });
  });

  it("shows the article inside the panel, built from text, with a link to the help center", async () => {
    await onHost("strict/", async (page) => {
      await recordEvents(page);
      await search(page, "impresora no imprime");
      await w(page, ".result").first().click();
      await w(page, ".article .content").waitFor();
      assert.equal(await w(page, ".article h3").first().textContent(), "La impresora no imprime");
      assert.equal(await w(page, ".content li.step").count(), 3);
      assert.equal(await w(page, ".content strong").first().textContent(), "Configuración");
      assert.equal(await w(page, ".content code").first().textContent(), "services.msc");
      assert.equal(await w(page, ".content h4").first().textContent(), "Vaciar la cola");
      // A link inside the article leads to the help site, in a new tab.
      const inner = await w(page, ".content a").first().getAttribute("href");
      assert.equal(inner, `${state.site.url}red/vpn/index.html`);
      const open = await w(page, ".open-site").getAttribute("href");
      assert.ok(open.startsWith(`${state.site.url}impresoras/cola/index.html`), open);
      const events = await page.evaluate(() => window.__events.filter(([n]) => n === "article").map(([, d]) => d.id));
      assert.deepEqual(events, ["KB-7"]);
      // Back to the results, where the search was left.
      await w(page, ".back").click();
      assert.equal(await w(page, "#t0-q").inputValue(), "impresora no imprime");
    });
  });

  it("never runs or requests what an article's raw HTML holds", async () => {
    await onHost("strict/", async (page) => {
      await search(page, "wifi lenta");
      await w(page, ".result").first().click();
      await w(page, ".article .content").waitFor();
      assert.match(await w(page, ".content").textContent(), /Acérquese al punto de acceso/);
      assert.equal(await w(page, ".content script").count(), 0);
      assert.equal(await w(page, ".content img[src]").count(), 0);
      assert.equal(await w(page, ".content a[href]").count(), 0);
    });
  });

  it("escalates with the article and the steps ticked, through the site's contact channels", async () => {
    await onHost("strict/", async (page, { context }) => {
      await recordEvents(page);
      await search(page, "impresora no imprime");
      await w(page, ".result").first().click();
      await w(page, ".step-tried").first().waitFor();
      await w(page, ".step-tried").nth(0).check();
      await w(page, ".step-tried").nth(2).check();
      assert.deepEqual(await w(page, ".tried li").allTextContents(),
        ["1. Abra Configuración › Impresoras y cancele los documentos de la cola.", "3. Imprima una página de prueba."]);
      const articleUrl = `${state.site.url}impresoras/cola/index.html`;
      const form = await w(page, "a[data-channel=form]").getAttribute("href");
      assert.equal(form, "https://support.example/new?id=KB%2D7&t=La%20impresora%20no%20imprime"
        + `&from=${encodeURIComponent(articleUrl)}&tried=${encodeURIComponent("1. Abra Configuración › Impresoras y cancele los documentos de la cola.; 3. Imprima una página de prueba.")}`);
      const mail = await w(page, "a[data-channel=email]").getAttribute("href");
      assert.ok(mail.startsWith("mailto:help@example.org?subject=KB%2D7%3A%20La%20impresora%20no%20imprime&body="), mail);
      assert.match(decodeURIComponent(mail.split("body=")[1]), /impresoras\/cola\/index\.html\n\n.*:\n1\. Abra .*\n3\. Imprima/);
      assert.equal(await w(page, "a[data-channel=phone]").getAttribute("href"), "tel:+34900000000");
      const [popup] = await Promise.all([context.waitForEvent("page"), w(page, "a[data-channel=form]").click()]);
      await popup.close();
      const [[, detail]] = await page.evaluate(() => window.__events.filter(([n]) => n === "escalate"));
      assert.equal(detail.channel, "form");
      assert.equal(detail.article.id, "KB-7");
      assert.deepEqual(detail.steps, ["paso-1", "paso-3"]);
      assert.equal(detail.tried.length, 2);
    });
  });

  it("offers the contact of the escalation tier when nothing matches", async () => {
    await onHost("strict/", async (page) => {
      await search(page, "zzzqqq");
      assert.match(await w(page, ".status").textContent(), /zzzqqq/);
      assert.equal(await w(page, "a[data-channel=form]").getAttribute("href"), "https://support.example/new");
      assert.match(await w(page, "a[data-channel=email]").getAttribute("href"), /^mailto:help@example\.org\?subject=zzzqqq$/);
    });
  });
});

describe("context from the host page", () => {
  it("opens with the results of an error code the product just showed", async () => {
    await onHost("strict/", async (page) => {
      await recordEvents(page);
      await page.evaluate(() => window.Tier0Help.open({ query: "0x80070005" }));
      await settled(page);
      assert.equal(await w(page, "#t0-q").inputValue(), "0x80070005");
      assert.deepEqual(await titles(page), ["La impresora no imprime"]);
      const opened = await page.evaluate(() => window.__events.filter(([n]) => n === "open").map(([, d]) => d.context));
      assert.deepEqual(opened, [{ query: "0x80070005" }]);
    });
  });

  it("suggests articles for tags, ranked by the same engine, and shows them when opened", async () => {
    await onHost("strict/", async (page) => {
      const suggested = await page.evaluate(() => window.Tier0Help.suggest({ tags: ["vpn"] }));
      // The VPN article first; the printer article, which links to it, after.
      assert.deepEqual(suggested.map((s) => s.id), ["KB-9", "KB-7"]);
      assert.equal(suggested[0].url, `${state.site.url}red/vpn/`);
      await w(page, ".launcher").click();
      await settled(page);
      assert.equal(await w(page, "#t0-q").inputValue(), "");
      assert.equal(await w(page, "h3").first().textContent(), "Sugerencias para esta página");
      assert.deepEqual(await titles(page), ["La VPN no conecta", "La impresora no imprime"]);
      // A section narrows them, as the site's filter does.
      const narrowed = await page.evaluate(() => window.Tier0Help.suggest({ tags: ["vpn"], category: "impresoras" }));
      assert.deepEqual(narrowed.map((s) => s.id), ["KB-7"]);
      await settled(page);
      assert.deepEqual(await titles(page), ["La impresora no imprime"]);
    });
  });

  it("maps the page's route to a context (options queued before the script loaded)", async () => {
    await onHost("plain/vpn-settings/", async (page) => {
      await w(page, ".launcher").click();
      await settled(page);
      assert.deepEqual(await titles(page), ["La VPN no conecta", "La impresora no imprime"]);
    });
  });

  it("opens from the host's own elements marked with data-tier0-help", async () => {
    await onHost("strict/", async (page) => {
      await page.getByRole("button", { name: "Error 0x80070005" }).click();
      await settled(page);
      assert.equal(await w(page, "#t0-q").inputValue(), "0x80070005");
      assert.deepEqual(await titles(page), ["La impresora no imprime"]);
    });
  });
});

describe("isolation, languages and looks", () => {
  it("keeps its own looks under the host's hostile CSS and strict CSP", async () => {
    await onHost("strict/", async (page) => {
      const launcher = w(page, ".launcher");
      await launcher.waitFor({ state: "visible" });
      const box = await launcher.boundingBox();
      assert.ok(box.height >= 44 && box.width > 60, JSON.stringify(box));
      await search(page, "impresora");
      const style = (selector, property) => w(page, selector).first().evaluate((e, p) => getComputedStyle(e).getPropertyValue(p), property);
      assert.equal(await style(".result-title", "font-size"), "15px");
      assert.equal(await style(".result-title", "text-transform"), "none");
      assert.equal(await style(".result-title", "letter-spacing"), "normal");
      assert.equal(await style(".panel", "background-color"), "rgb(255, 255, 255)");
      assert.equal(await style(".bar", "background-color"), "rgb(10, 107, 79)");
      assert.ok(await w(page, ".panel").isVisible());
      assert.ok(await w(page, ".result").first().isVisible());
      // Spanish from the page's lang.
      assert.equal(await launcher.textContent(), "?Ayuda");
    });
  });

  it("works under a nonce-based strict CSP, in the language of data-lang", async () => {
    await onHost("nonce/", async (page) => {
      assert.equal(await w(page, ".launcher").textContent(), "?Help");
      await search(page, "wifi");
      assert.deepEqual(await titles(page), ["The office wifi is slow"]);
    });
  });

  it("follows the system's dark mode, the host's, or data-theme", async () => {
    await onHost("strict/", async (page) => {
      assert.equal(await page.locator("tier0-help").getAttribute("data-scheme"), "dark");
    }, { colorScheme: "dark" });
    await onHost("strict/", async (page) => {
      assert.equal(await page.locator("tier0-help").getAttribute("data-scheme"), "light");
      await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
      await page.waitForFunction(() => document.querySelector("tier0-help").dataset.scheme === "dark");
    }, { colorScheme: "light" });
    await onHost("plain/", async (page) => {
      assert.equal(await page.locator("tier0-help").getAttribute("data-scheme"), "dark");
    }, { colorScheme: "light" });
  });

  it("imports as an ES module with options: language, colour, position", async () => {
    await onHost("plain/module/", async (page) => {
      assert.equal(await w(page, ".launcher").textContent(), "?Help");
      assert.equal(await page.locator("tier0-help").getAttribute("data-scheme"), "dark");
      assert.equal(await page.locator("tier0-help").getAttribute("data-position"), "left");
      const color = await w(page, ".launcher").evaluate((e) => getComputedStyle(e).backgroundColor);
      assert.equal(color, "rgb(130, 80, 223)");
      await search(page, "wifi");
      assert.deepEqual(await titles(page), ["The office wifi is slow"]);
    });
  });

  it("leaves the host's cookies, storage and global names as they were", async () => {
    await onHost("strict/", async (page, { context }) => {
      const snapshot = () => page.evaluate(() => ({
        cookie: document.cookie,
        local: JSON.stringify(Object.entries(localStorage)),
        session: JSON.stringify(Object.entries(sessionStorage)),
      }));
      await page.evaluate(() => {
        document.cookie = "host=1; path=/";
        localStorage.setItem("host", "1");
        sessionStorage.setItem("host", "2");
      });
      const before = await snapshot();
      await search(page, "impresora");
      await w(page, ".result").first().click();
      await w(page, ".step-tried").first().check();
      await w(page, ".back").click();
      await page.keyboard.press("Escape");
      assert.deepEqual(await snapshot(), before);
      const cookies = await context.cookies();
      assert.deepEqual(cookies.map((c) => `${c.domain}${c.path} ${c.name}`), ["127.0.0.1/ host"]);
      const siteStorage = await context.storageState();
      assert.deepEqual(siteStorage.origins.map((o) => o.origin), [new URL(state.host.url).origin]);
      // The only global name the widget leaves is Tier0Help.
      const globals = await page.evaluate(async () => {
        const frame = document.createElement("iframe");
        document.body.append(frame);
        const fresh = new Set(Object.getOwnPropertyNames(frame.contentWindow));
        frame.remove();
        return Object.getOwnPropertyNames(window).filter((n) => !fresh.has(n) && !/^__(xss|events)$/.test(n));
      });
      assert.deepEqual(globals, ["Tier0Help"]);
    });
  });
});

describe("budget", () => {
  it("keeps the widget's own code (without the bundled engine) within 15 KB gzip", () => {
    const own = Buffer.concat(["widget.js", "widget.css"].map((f) => readFileSync(path.join(REPO, "themes/default/widget", f))));
    const size = gzipSync(own, { level: 9 }).length;
    assert.ok(size <= 15000, `${size} bytes gzip`);
  });
});

describe("keyboard and screen readers", () => {
  it("is keyboard-complete: Tab to the button, search, arrows, preview, trapped Tab, Esc", async () => {
    await onHost("strict/", async (page) => {
      await page.keyboard.press("Tab"); // the host's own button
      await page.keyboard.press("Tab"); // the widget's
      const focused = () => page.evaluate(() => {
        const inner = document.querySelector("tier0-help").shadowRoot.activeElement;
        return inner ? (inner.id || inner.className) : document.activeElement.tagName;
      });
      assert.equal(await focused(), "launcher", await page.evaluate(() => document.activeElement.outerHTML));
      await page.keyboard.press("Enter");
      assert.equal(await focused(), "t0-q");
      await page.keyboard.type("impresora", { delay: 10 });
      await page.waitForTimeout(150);
      await settled(page);
      await page.keyboard.press("ArrowDown");
      assert.equal(await focused(), "result");
      await page.keyboard.press("Enter");
      await w(page, ".article .content").waitFor();
      assert.equal(await focused(), "back");
      // Tab and Shift+Tab never leave the open panel.
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press("Tab");
        assert.ok(await page.evaluate(() => document.activeElement === document.querySelector("tier0-help")), `Tab ${i} left the panel`);
      }
      for (let i = 0; i < 5; i++) await page.keyboard.press("Shift+Tab");
      assert.ok(await page.evaluate(() => document.activeElement === document.querySelector("tier0-help")));
      await page.keyboard.press("Escape");
      assert.ok(await w(page, ".panel").isHidden());
      assert.equal(await focused(), "launcher");
      assert.equal(await w(page, ".launcher").getAttribute("aria-expanded"), "false");
    });
  });

  for (const colorScheme of ["light", "dark"]) {
    it(`has no accessibility violations (axe-core, WCAG 2.1 AA), ${colorScheme}`, async () => {
      await onHost("strict/", async (page) => {
        const axe = async () => {
          await page.evaluate(AXE);
          return page.evaluate(async () => {
            const result = await window.axe.run(document.querySelector("tier0-help"), { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            delete window.axe;
            return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
          });
        };
        assert.deepEqual(await axe(), [], "closed");
        await search(page, "impresora");
        assert.deepEqual(await axe(), [], "results");
        await w(page, ".result").first().click();
        await w(page, ".step-tried").first().waitFor();
        assert.deepEqual(await axe(), [], "article");
        await search(page, "zzzqqq");
        assert.deepEqual(await axe(), [], "no results");
      }, { colorScheme });
    });
  }
});

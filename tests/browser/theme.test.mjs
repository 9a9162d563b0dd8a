// What every page of the default theme promises whatever its content: no
// request leaves the site, an icon (so no /favicon.ico 404) and a theme
// colour, landmarks and a skip link, a visible keyboard
// focus, no axe-core violations in light and dark, dark mode by
// prefers-color-scheme or by the reader's switch, a print stylesheet and a
// layout that fits a phone. Over http, on the fixture site
// tests/browser/fixtures/search-ui, one page of each kind.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { axeViolations, buildSite, cleanup, FIXTURES, launch, serve, visit } from "./harness.mjs";

const PAGES = [
  "index.html",
  "red/index.html",
  "red/wifi/index.html",
  "en/red/wifi/index.html",
  "tiers/l1/index.html",
  "tags/index.html",
  "tags/portatil/index.html",
  "search/index.html?q=router",
  "404.html",
];

let browser;
let server;

before(async () => {
  const [site] = await Promise.all([buildSite(path.join(FIXTURES, "search-ui")), launch().then((b) => { browser = b; })]);
  server = await serve(site);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await cleanup();
});

/** Opens page `where` in a fresh context with `options`, runs `body(page)`. */
async function onPage(where, body, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(5000);
  try {
    await visit(context, server.url + where, body);
  } finally {
    await context.close();
  }
}

const style = (page, selector, property) =>
  page.$eval(selector, (e, p) => getComputedStyle(e).getPropertyValue(p), property);

for (const where of PAGES) {
  describe(where, () => {
    it("asks nothing of any other origin, scripts and search included", async () => {
      const origin = new URL(server.url).origin;
      const requested = [];
      await onPage(where, async (page) => {
        page.on("request", (r) => requested.push(r.url()));
        await page.reload({ waitUntil: "networkidle" });
        await page.fill("#search-input", "router");
        await page.waitForFunction(() => !document.querySelector("form.search[aria-busy]"));
      });
      // The page, its styles and scripts, and the search files.
      assert.ok(requested.some((u) => u.includes("/search/")), requested.join("\n"));
      assert.deepEqual(requested.filter((u) => !u.startsWith(`${origin}/`)), []);
    });

    it("declares the theme's icon, which loads, and a theme colour", () =>
      onPage(where, async (page) => {
        const icon = await page.getAttribute("link[rel=icon]", "href");
        assert.match(icon, /static\/favicon(\.[0-9a-f]+)?\.svg$/);
        const response = await page.request.get(new URL(icon, page.url()).href);
        assert.equal(response.status(), 200);
        assert.match(response.headers()["content-type"], /svg/);
        assert.equal(await page.getAttribute("meta[name=theme-color]", "content"), "#0a6b4f");
      }));

    for (const colorScheme of ["light", "dark"]) {
      it(`has no accessibility violations (axe-core, WCAG 2.1 AA), ${colorScheme}`, () =>
        onPage(where, async (page) => {
          // With the search answered: its list open, or the results page filled.
          await page.fill("#search-input", "router");
          await page.waitForFunction(() => !document.querySelector("form.search[aria-busy], [data-search-page][aria-busy]"));
          assert.deepEqual(await axeViolations(page), []);
        }, { colorScheme }));
    }

    it("navigation links are underlined only under the pointer", () =>
      onPage(where, async (page) => {
        const underline = (selector) => page.$eval(selector, (a) => getComputedStyle(a).textDecorationLine);
        assert.equal(await underline(".categories-nav a"), "none");
        await page.hover(".categories-nav a");
        assert.equal(await underline(".categories-nav a"), "underline");
        // Links in the text keep their underline.
        const inText = await page.$(".article-body p a:not(.heading-anchor):not(.step-anchor)");
        if (inText) assert.equal(await inText.evaluate((a) => getComputedStyle(a).textDecorationLine), "underline");
      }));

    it("has one main landmark, a header, navigation and a footer", () =>
      onPage(where, async (page) => {
        assert.equal(await page.locator("main#main").count(), 1);
        assert.equal(await page.locator("body > header.site-header").count(), 1);
        assert.ok(await page.locator("nav[aria-label]").count() >= 1);
        assert.equal(await page.locator("footer.site-footer").count(), 1);
      }));

    it("the first Tab shows the skip link, with a visible focus ring, and Enter moves to the content", () =>
      onPage(where, async (page) => {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const e = document.activeElement;
          const box = e.getBoundingClientRect();
          const s = getComputedStyle(e);
          return { cls: e.className, href: e.getAttribute("href"), top: box.top, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
        });
        assert.equal(focused.cls, "skip-link");
        assert.equal(focused.href, "#main");
        assert.ok(focused.top >= 0, `the skip link shows when focused (top ${focused.top})`);
        assert.equal(focused.outline, "solid");
        assert.ok(focused.width >= 2, `outline ${focused.width}px`);
        await page.keyboard.press("Enter");
        await page.waitForFunction(() => location.hash === "#main");
        assert.equal(await page.evaluate(() => document.activeElement.id), "main");
      }));

    it("follows the system's dark mode", async () => {
      const background = {};
      for (const colorScheme of ["light", "dark"]) {
        await onPage(where, async (page) => {
          background[colorScheme] = await style(page, "body", "background-color");
        }, { colorScheme });
      }
      assert.equal(background.light, "rgb(255, 255, 255)");
      assert.equal(background.dark, "rgb(13, 17, 23)");
    });

    it("a switch chooses light, dark or the system's colours, remembered across pages", async () => {
      const context = await browser.newContext({ colorScheme: "dark" });
      context.setDefaultTimeout(5000);
      try {
        await visit(context, server.url + where, async (page) => {
          const body = () => style(page, "body", "background-color");
          const label = () => page.getAttribute("[data-theme-switch]", "aria-label");
          assert.equal(await body(), "rgb(13, 17, 23)", "automatic: the system's dark");
          assert.match(await label(), /^(Colores: automáticos|Colours: automatic)/);
          await page.click("[data-theme-switch]");
          assert.equal(await body(), "rgb(255, 255, 255)");
          assert.match(await label(), /^(Colores: claros|Colours: light)/);
          // Buttons keep a readable text on the accent colour.
          assert.equal(await style(page, ".search-submit", "color"), "rgb(255, 255, 255)");
          await page.reload();
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "light", "remembered");
          assert.equal(await body(), "rgb(255, 255, 255)");
          await page.click("[data-theme-switch]");
          assert.equal(await body(), "rgb(13, 17, 23)");
          assert.equal(await style(page, ".search-submit", "color"), "rgb(13, 17, 23)");
          await page.click("[data-theme-switch]");
          assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
          assert.equal(await page.evaluate(() => localStorage.getItem("tier0-theme")), null);
          await page.emulateMedia({ colorScheme: "light" });
          assert.equal(await body(), "rgb(255, 255, 255)", "automatic follows the system again");
        });
      } finally {
        await context.close();
      }
    });

    it("prints the content without the search, the navigation or the footer", () =>
      onPage(where, async (page) => {
        await page.emulateMedia({ media: "print", colorScheme: "dark" });
        for (const hidden of ["form.search", ".categories-nav", ".site-footer", ".skip-link"]) {
          assert.equal(await style(page, hidden, "display"), "none", hidden);
        }
        assert.notEqual(await style(page, "main", "display"), "none");
        assert.equal(await style(page, "body", "background-color"), "rgb(255, 255, 255)");
      }));

    it("fits a 360 px wide phone without sideways scrolling", () =>
      onPage(where, async (page) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `page is ${width}px wide`);
      }, { viewport: { width: 360, height: 740 } }));
  });
}

describe("highlighted code", () => {
  for (const colorScheme of ["light", "dark"]) {
    it(`is coloured by class, readable (axe-core colour contrast), and keeps its text, ${colorScheme}`, () =>
      onPage("red/wifi/index.html", async (page) => {
        const tokens = await page.$$eval(".article-body pre code [class^='hl-']", (spans) =>
          spans.map((s) => [s.className, s.textContent, getComputedStyle(s).color]));
        const classes = new Set(tokens.map(([c]) => c));
        for (const c of ["hl-function", "hl-string", "hl-comment", "hl-variable"]) assert.ok(classes.has(c), `${c} in ${JSON.stringify(tokens)}`);
        // The classes have colours of their own, unlike the code's text.
        const text = await style(page, ".article-body pre code", "color");
        assert.ok(tokens.every(([, , color]) => color !== text), JSON.stringify({ text, tokens }));
        assert.equal(await page.$$eval(".article-body pre [style]", (n) => n.length), 0, "no inline styles");
        assert.equal(await page.$eval(".article-body pre code", (c) => c.textContent),
          "Get-NetAdapter | Where-Object Status -eq 'Up' # adaptadores activos\n$perfil = netsh wlan show profiles\n");
        assert.deepEqual(await axeViolations(page), []);
        // axe-core, left in the page, checked the contrast of every token.
        const checked = await page.evaluate(async () => {
          const result = await window.axe.run(".article-body pre", { runOnly: { type: "rule", values: ["color-contrast"] } });
          return { passes: result.passes.flatMap((r) => r.nodes).length, violations: result.violations.length };
        });
        assert.equal(checked.violations, 0);
        assert.ok(checked.passes >= tokens.length, JSON.stringify(checked));
      }, { colorScheme }));
  }
});

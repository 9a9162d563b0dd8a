// The page layout of the default theme, measured in Chromium at a desktop
// (1280×800) and a phone (390×844) size on the example knowledge base in
// content/ (and the four-level fixture tests/fixtures/nested for the section
// tree): the fix on the first screen of every troubleshooting article, the
// article's one line of metadata and its toolbar, the table of contents (a
// sticky column with scroll-spy on wide screens, folded on phones, a plain
// list without JavaScript), the search-first home page, the compact phone
// header with its menu and search disclosures, the section sidebar, long
// error codes in narrow cards, the balanced card grid, axe-core on the
// phone layout with its menus open, and on a phone the code copy button,
// the colour switch and the tag pages.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { axeViolations, buildSite, cleanup, launch, REPO, serve, settle, visit } from "./harness.mjs";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SIZES = { desktop: DESKTOP, phone: PHONE };
const ARTICLE = "red/wifi-no-conecta/index.html";

let browser;
let site; // the example knowledge base
let nested; // tests/fixtures/nested: sections four folders deep
let troubleshooting; // [{ url, lang }] of the example's troubleshooting articles

before(async () => {
  const [kb, deep] = await Promise.all([
    buildSite(REPO),
    buildSite(path.join(REPO, "tests/fixtures/nested")),
    launch().then((b) => { browser = b; }),
  ]);
  site = await serve(kb);
  nested = await serve(deep);
  const { articles } = JSON.parse(await readFile(path.join(kb, "articles.json"), "utf8"));
  troubleshooting = articles.filter((a) => a.type === "troubleshooting").map(({ url, lang }) => ({ url, lang }));
});

after(async () => {
  await browser?.close();
  await Promise.all([site?.close(), nested?.close()]);
  await cleanup();
});

/** Opens `where` of `server` in a fresh context with `options`, runs `body(page)`. */
async function onPage(where, body, options = {}, server = site) {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  context.setDefaultTimeout(5000);
  try {
    await visit(context, server.url + where, body);
  } finally {
    await context.close();
  }
}

const box = (page, selector) => page.$eval(selector, (e) => {
  const r = e.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width };
});
const shown = (page, selector) => page.isVisible(selector);

describe("the fix first", () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`every troubleshooting article's first step starts in the first ${size} screen (${viewport.width}×${viewport.height})`, async () => {
      assert.ok(troubleshooting.length >= 20, `${troubleshooting.length} troubleshooting articles`);
      assert.deepEqual([...new Set(troubleshooting.map((a) => a.lang))].sort(), ["en", "es"]);
      const context = await browser.newContext({ viewport, colorScheme: "light" });
      context.setDefaultTimeout(5000);
      const late = [];
      try {
        for (const { url } of troubleshooting) {
          await visit(context, site.url + url, async (page) => {
            const step = await box(page, ".article-body li.step");
            // Its first line, at least, is on the screen as the page opens.
            if (!(step.top >= 0 && step.top + 24 <= viewport.height)) late.push(`${url}: ${Math.round(step.top)} px`);
          });
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(late, []);
    });
  }

  it("also in the dark theme on a phone", () =>
    onPage(ARTICLE, async (page) => {
      const step = await box(page, ".article-body li.step");
      assert.ok(step.top + 24 <= PHONE.height, `${step.top}`);
    }, { viewport: PHONE, colorScheme: "dark" }));

  it("shows the title, one line of metadata with the tier badge and the toolbar on that line", () =>
    onPage(ARTICLE, async (page) => {
      const header = await page.$eval(".article-header", (h) => [...h.children].map((c) => c.className || c.tagName));
      assert.deepEqual(header.slice(0, 2), ["H1", "article-meta-row"]);
      assert.equal(await page.locator(".article-header .article-meta").count(), 1, "one line of metadata");
      assert.match(await page.textContent(".article-meta .tier-badge"), /^L3/);
      const meta = await box(page, ".article-header .article-meta");
      const toolbar = await box(page, ".article-toolbar");
      assert.ok(meta.height < 40, `the metadata is one line (${meta.height} px)`);
      assert.ok(toolbar.height < 40, `the toolbar is one compact row (${toolbar.height} px)`);
      assert.ok(toolbar.top >= meta.top && toolbar.top - meta.bottom < 12, "right after the metadata");
      // The toolbar leaves room for more buttons (issue 21's flag, for instance).
      assert.equal(await page.getAttribute(".article-toolbar", "role"), "group");
    }));

  it("shows symptoms and applies-to once: the body's Symptoms section, folded before the fix", () =>
    onPage(ARTICLE, async (page) => {
      assert.equal(await page.locator(".facts-symptoms").count(), 0, "no second list of symptoms");
      const text = await page.$eval("main", (m) => m.textContent);
      assert.equal(text.split("Portátiles corporativos").length - 1, 1, "applies-to once");
      assert.deepEqual(await page.$$eval(".article-body > details.context-section summary h2", (h) => h.map((e) => e.id)), ["sintomas", "causa"]);
      assert.equal(await shown(page, "#solucion"), true);
      assert.equal(await page.$eval("details.context-section", (d) => d.open), false);
    }));

  it("front-matter symptoms are listed when the body has no Symptoms section", () =>
    onPage("vpn/error-809/index.html", async (page) => {
      const inBody = await page.$$eval(".article-body h2", (h) => h.some((e) => /s[ií]ntomas/i.test(e.textContent)));
      assert.equal(await page.locator(".facts-symptoms").count(), inBody ? 0 : 1);
    }));

  it("a folded section opens for a link into it and for the words searched for", () =>
    onPage(`${ARTICLE}?hl=intune`, async (page) => {
      const opened = await page.$$eval("details.context-section", (ds) => ds.filter((d) => d.open).map((d) => d.querySelector("h2").id));
      assert.deepEqual(opened, ["causa"], "the section holding the marked word");
      assert.ok(await shown(page, "details.context-section[open] mark.search-highlight"));
    }));

  it("marks a hyphenated word for the word searched whole", () =>
    onPage(`${ARTICLE}?hl=wifi`, async (page) => {
      const marked = await page.$$eval("mark.search-highlight", (m) => [...new Set(m.map((e) => e.textContent))]);
      assert.deepEqual(marked, ["Wi-Fi"]);
    }));
});

describe("table of contents", () => {
  it("is a sticky column on a wide screen that marks the section being read", () =>
    onPage(ARTICLE, async (page) => {
      assert.equal(await page.$eval("[data-toc] details", (d) => d.open), true);
      const toc = await box(page, "[data-toc]");
      const body = await box(page, ".article-body");
      assert.ok(toc.left >= body.right, "beside the content, not above it");
      await page.$eval("#si-esto-no-funciono", (h) => h.scrollIntoView());
      await page.waitForFunction(() => document.querySelector("[data-toc] a[aria-current]")?.hash === "#si-esto-no-funciono");
      const stuck = await box(page, "[data-toc]");
      assert.ok(stuck.top >= 0 && stuck.top <= 24, `the column stays in view (top ${stuck.top})`);
      await page.$eval("#solucion", (h) => h.scrollIntoView());
      await page.waitForFunction(() => document.querySelector("[data-toc] a[aria-current]")?.hash === "#solucion");
      assert.equal(await page.locator("[data-toc] a[aria-current]").count(), 1);
      assert.equal(await page.getAttribute("[data-toc] a[aria-current]", "aria-current"), "true");
    }));

  it("is folded on a phone until opened", () =>
    onPage(ARTICLE, async (page) => {
      assert.equal(await shown(page, "[data-toc] a[href='#solucion']"), false);
      await page.click("[data-toc] summary");
      assert.equal(await shown(page, "[data-toc] a[href='#solucion']"), true);
    }, { viewport: PHONE }));

  it("is a plain list without JavaScript", () =>
    onPage(ARTICLE, async (page) => {
      const links = await page.$$eval("[data-toc] a", (as) => as.map((a) => a.hash));
      assert.deepEqual(links, ["#sintomas", "#causa", "#solucion", "#si-esto-no-funciono"]);
      for (const hash of links) assert.ok(await shown(page, `[data-toc] a[href='${hash}']`), hash);
    }, { viewport: PHONE, javaScriptEnabled: false }));
});

describe("home page", () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`leads with a large search box and example queries, then topics, then support (${size})`, () =>
      onPage("index.html", async (page) => {
        const input = await box(page, "main .hero #search-input");
        assert.ok(input.bottom <= viewport.height / 2, `the search box is high on the page (${input.bottom} px)`);
        assert.ok(input.height >= 48, `large (${input.height} px)`);
        assert.equal(await page.locator("header #search-input").count(), 0, "one search box, in the page");
        const examples = await page.$$eval(".search-example", (as) => as.map((a) => new URL(a.href)));
        assert.ok(examples.length >= 3, `${examples.length} examples`);
        for (const url of examples) {
          assert.match(url.pathname, /\/search\/index\.html$/);
          assert.ok(url.searchParams.get("q"));
        }
        const order = await page.$$eval("main > section", (s) => s.map((e) => e.className));
        assert.deepEqual(order.slice(0, 3), ["hero", "home-categories", "tiers"]);
        assert.ok(await page.locator(".support-contact a[href^='https://soporte.acme.example/']").count() === 1);
      }, { viewport }));
  }

  it("an example query opens the results page with its results", () =>
    onPage("index.html", async (page) => {
      const query = await page.textContent(".search-example");
      await page.click(".search-example");
      await page.waitForFunction(() => document.querySelectorAll(".search-page-results li").length > 0);
      assert.equal(new URL(page.url()).searchParams.get("q"), query);
    }));

  it("the phone header's search button jumps to the search box", () =>
    onPage("index.html", async (page) => {
      await page.mouse.wheel(0, 1500);
      await page.waitForFunction(() => scrollY > 1000);
      await page.click(".search-toggle");
      await page.waitForFunction(() => document.activeElement?.id === "search-input");
      // (The page may scroll smoothly.)
      await page.waitForFunction(() => {
        const r = document.getElementById("search-input").getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
    }, { viewport: PHONE }));
});

describe("phone header", () => {
  for (const where of ["index.html", "red/index.html", ARTICLE, "en/red/wifi-no-conecta/index.html"]) {
    it(`is one compact row that stays at the top: ${where}`, () =>
      onPage(where, async (page) => {
        const header = await box(page, ".site-header");
        assert.ok(header.height <= 64, `${header.height} px of ${PHONE.height}`);
        await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
        await page.waitForFunction(() => scrollY > 300);
        const scrolled = await box(page, ".site-header");
        assert.equal(scrolled.top, 0, "sticky");
        assert.ok(await shown(page, ".search-toggle"));
        assert.ok(await shown(page, ".menu-toggle"));
      }, { viewport: PHONE }));
  }

  it("the search button unfolds the search, which finds, and Escape folds it back", () =>
    onPage(ARTICLE, async (page) => {
      await page.mouse.wheel(0, 1500);
      await page.waitForFunction(() => scrollY > 1000);
      const button = ".search-toggle";
      assert.equal(await page.getAttribute(button, "aria-expanded"), "false");
      assert.equal(await page.getAttribute(button, "aria-controls"), "header-search");
      assert.equal(await shown(page, "#search-input"), false);
      await page.click(button);
      assert.equal(await page.getAttribute(button, "aria-expanded"), "true");
      assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
      await page.keyboard.type("vpn");
      await settle(page);
      assert.ok(await page.locator("#search-results [role=option]").count() > 0);
      assert.ok((await box(page, "#search-results")).top < PHONE.height);
      await page.keyboard.press("Escape");
      assert.equal(await shown(page, "#search-results"), false, "the first Escape closes the results");
      assert.equal(await page.getAttribute(button, "aria-expanded"), "true");
      await page.keyboard.press("Escape");
      assert.equal(await page.getAttribute(button, "aria-expanded"), "false");
      assert.equal(await shown(page, "#search-input"), false);
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains("search-toggle")), true);
      // "/" unfolds it too, and focuses the box.
      await page.keyboard.press("/");
      assert.equal(await page.getAttribute(button, "aria-expanded"), "true");
      assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
      assert.equal((await page.inputValue("#search-input")).includes("/"), false, "the key is not typed into the box");
    }, { viewport: PHONE }));

  it("the menu button is a disclosure of the categories and languages; Escape closes it", () =>
    onPage(ARTICLE, async (page) => {
      const button = ".menu-toggle";
      const controls = await page.getAttribute(button, "aria-controls");
      assert.equal(await page.locator(`#${controls}`).count(), 1);
      assert.equal(await page.getAttribute(button, "aria-expanded"), "false");
      assert.equal(await shown(page, ".categories-nav a"), false);
      await page.click(button);
      assert.equal(await page.getAttribute(button, "aria-expanded"), "true");
      assert.ok(await shown(page, ".categories-nav a"));
      assert.ok(await shown(page, ".languages a[hreflang=en]"));
      // One disclosure at a time.
      await page.click(".search-toggle");
      assert.equal(await page.getAttribute(button, "aria-expanded"), "false");
      assert.equal(await shown(page, ".categories-nav a"), false);
      await page.click(button);
      await page.keyboard.press("Escape");
      assert.equal(await page.getAttribute(button, "aria-expanded"), "false");
      assert.equal(await shown(page, ".categories-nav a"), false);
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains("menu-toggle")), true);
    }, { viewport: PHONE }));

  it("without JavaScript shows the search box and the links instead of the buttons", () =>
    onPage(ARTICLE, async (page) => {
      assert.equal(await shown(page, ".menu-toggle"), false);
      assert.equal(await shown(page, ".search-toggle"), false);
      assert.ok(await shown(page, "#search-input"));
      assert.ok(await shown(page, ".categories-nav a"));
    }, { viewport: PHONE, javaScriptEnabled: false }));

  it("is not there on a desktop, where everything shows", () =>
    onPage(ARTICLE, async (page) => {
      assert.equal(await shown(page, ".menu-toggle"), false);
      assert.ok(await shown(page, "#search-input"));
      assert.ok(await shown(page, ".categories-nav a"));
    }));
});

describe("section sidebar", () => {
  it("lists the sections beside an article on a wide screen, its own marked", () =>
    onPage(ARTICLE, async (page) => {
      assert.ok(await shown(page, ".section-sidebar"));
      const sidebar = await box(page, ".section-sidebar");
      const main = await box(page, "main");
      assert.ok(sidebar.right <= main.left, "a column of its own");
      assert.equal(await page.locator(".section-sidebar a").count(), 7);
      assert.equal(await page.textContent(".section-sidebar a[aria-current]"), "Red y Wi-Fi");
      assert.equal(await page.getAttribute(".section-sidebar a[aria-current]", "aria-current"), "true");
    }));

  it("marks a section page as the current page and opens the tree down to it", () =>
    onPage("network/vpn/macos/index.html", async (page) => {
      const tree = await page.$$eval(".section-tree a", (as) => as.map((a) => {
        let depth = 0;
        for (let e = a.parentElement.parentElement; !e.classList.contains("section-tree"); e = e.parentElement) if (e.tagName === "UL") depth += 1;
        return `${depth} ${a.textContent}${a.hasAttribute("aria-current") ? ` (${a.getAttribute("aria-current")})` : ""}`;
      }));
      assert.deepEqual(tree, ["0 Network (true)", "1 Remote access (VPN) (true)", "2 VPN on macOS (page)", "3 Legacy", "0 Office printers"]);
    }, {}, nested));

  it("is not shown on a phone", () =>
    onPage(ARTICLE, async (page) => {
      assert.equal(await shown(page, ".section-sidebar"), false);
    }, { viewport: PHONE }));
});

describe("cards", () => {
  it("a long error code in a narrow card breaks only after _ . - /", () =>
    onPage("index.html", async (page) => {
      const lines = await page.evaluate(() => {
        const link = [...document.querySelectorAll(".category-card .top-articles a")].find((a) => a.textContent.includes("ERR_CONNECTION_RESET"));
        link.closest(".category-grid").style.gridTemplateColumns = "13rem";
        // The line of each character, from its rendered box.
        const chars = [];
        const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let i = 0; i < n.data.length; i += 1) {
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const rects = range.getClientRects();
            if (rects.length) chars.push({ c: n.data[i], top: Math.round(rects[0].top) });
          }
        }
        const out = [""];
        chars.forEach(({ c, top }, i) => {
          if (i > 0 && top > chars[i - 1].top + 2) out.push("");
          out[out.length - 1] += c;
        });
        const card = link.closest(".category-card");
        return { lines: out, overflow: link.getBoundingClientRect().right > card.getBoundingClientRect().right };
      });
      const code = lines.lines.filter((l) => /ERR_|CONNECTION|RESET/.test(l));
      assert.ok(code.length >= 2, `the code spans lines: ${JSON.stringify(lines.lines)}`);
      for (const line of lines.lines.slice(0, -1)) {
        assert.match(line, /[\s_.\-/]$/, `a line ends mid-word: ${JSON.stringify(lines.lines)}`);
      }
      assert.equal(lines.overflow, false);
    }));

  it("the home page's topics fill their rows, the last one full or one short", () =>
    onPage("index.html", async (page) => {
      const rows = await page.$$eval(".home-categories .category-card", (cards) => {
        const byTop = new Map();
        for (const c of cards) {
          const top = Math.round(c.getBoundingClientRect().top);
          byTop.set(top, (byTop.get(top) || 0) + 1);
        }
        return [...byTop.values()];
      });
      assert.ok(rows.length >= 2, `${rows}`);
      const full = rows[0];
      assert.ok(rows.slice(0, -1).every((n) => n === full), `${rows}`);
      assert.ok(rows.at(-1) >= full - 1, `${rows}`);
      // Cards of a row are as tall as each other, their counts on one line.
      const counts = await page.$$eval(".home-categories .category-card .count", (cs) => cs.slice(0, 4).map((c) => Math.round(c.getBoundingClientRect().bottom)));
      assert.equal(new Set(counts).size, 1, `${counts}`);
    }));
});

describe("accessibility of the phone layout", () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const where of ["index.html", "red/index.html", ARTICLE]) {
      it(`${where} has no axe-core violations with the menu open, then the search, ${colorScheme}`, () =>
        onPage(where, async (page) => {
          await page.click(".menu-toggle");
          assert.deepEqual(await axeViolations(page), []);
          if (await page.locator("button.search-toggle").count()) {
            await page.click(".search-toggle");
            await page.keyboard.type("router");
            await settle(page);
            assert.deepEqual(await axeViolations(page), []);
          }
        }, { viewport: PHONE, colorScheme }));
    }
    it(`the article page with the table of contents open and folded sections open has no violations, desktop, ${colorScheme}`, () =>
      onPage(ARTICLE, async (page) => {
        await page.$$eval("details", (ds) => ds.forEach((d) => { d.open = true; }));
        assert.deepEqual(await axeViolations(page), []);
      }, { colorScheme }));
  }
});

describe("on a phone too (390×844)", () => {
  const phone = { viewport: PHONE, permissions: ["clipboard-read", "clipboard-write"] };

  it("every code block has a copy button that copies the code exactly", () =>
    onPage("vpn/error-691/index.html", async (page) => {
      const blocks = page.locator(".article-body pre");
      assert.ok(await blocks.count() >= 1);
      assert.equal(await page.locator(".article-body .code-copy").count(), await blocks.count());
      const button = page.locator(".article-body .code-copy").first();
      // The reader unfolds the section that holds it, if it is folded.
      const folded = button.locator("xpath=ancestor::details[not(@open)]/summary");
      if (await folded.count()) await folded.first().click();
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, "the button is on the screen");
      const code = await blocks.first().evaluate((pre) => pre.textContent);
      await button.click();
      await page.waitForFunction(() => document.querySelector(".code-copy").textContent !== "Copiar");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code.replace(/\n$/, ""));
    }, phone));

  it("the colour switch in the menu chooses light or dark, remembered across pages", () =>
    onPage(ARTICLE, async (page) => {
      const body = () => page.$eval("body", (b) => getComputedStyle(b).backgroundColor);
      assert.equal(await body(), "rgb(255, 255, 255)");
      await page.click(".menu-toggle");
      const toggle = page.locator("[data-theme-switch]");
      assert.ok(await toggle.isVisible(), "in the open menu");
      // automatic → light → dark
      await toggle.click();
      await toggle.click();
      assert.equal(await body(), "rgb(13, 17, 23)");
      await page.goto(page.url().replace(/red\/wifi-no-conecta\/index\.html$/, "index.html"));
      assert.equal(await body(), "rgb(13, 17, 23)", "remembered on the next page");
    }, { viewport: PHONE }));

  it("an article's tag leads to its tag page, which fits the screen and lists the articles", () =>
    onPage(ARTICLE, async (page) => {
      const tag = page.locator(".tags a.tag").first();
      const name = (await tag.textContent()).trim();
      await Promise.all([page.waitForURL(/\/tags\/[^/]+\/index\.html$/), tag.click()]);
      assert.match(await page.textContent("h1"), new RegExp(name));
      const links = page.locator("a.article-link");
      assert.ok(await links.count() >= 1);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways scrolling");
      const first = (await links.first().textContent()).trim();
      await Promise.all([page.waitForURL(/index\.html$/), links.first().click()]);
      assert.equal((await page.textContent("h1")).trim(), first);
    }, { viewport: PHONE }));
});

// What an article gives beyond its steps, seen in Chromium on the example
// knowledge base at a desktop (1280×800) and a phone (390×844) size: the
// related articles at its end (3 to 5, other articles, each opening a page
// whose title is the link's text), the link-preview tags that chat apps and
// social sites unfurl (OpenGraph, Twitter card) saying what the page shows,
// and its schema.org JSON-LD, which parses and agrees with the visible page:
// a TechArticle, a HowTo with the numbered steps, an FAQPage with the
// questions, a BreadcrumbList with the breadcrumbs.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { buildSite, cleanup, launch, REPO, serve, visit } from "./harness.mjs";

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
const HOWTO = "red/wifi-no-conecta/index.html";
const FAQ = "correo/preguntas-frecuentes/index.html";

let browser;
let site;
let articles; // articles.json of the build

before(async () => {
  const [out] = await Promise.all([buildSite(REPO), launch().then((b) => { browser = b; })]);
  site = await serve(out);
  ({ articles } = JSON.parse(await readFile(path.join(out, "articles.json"), "utf8")));
});

after(async () => {
  await browser?.close();
  await site?.close();
  await cleanup();
});

async function onPage(where, viewport, body) {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(5000);
  try {
    await visit(context, site.url + where, body);
  } finally {
    await context.close();
  }
}

/** The JSON-LD graph of the page, every script parsed (a parse error fails the test). */
const graph = (page) => page.$$eval('script[type="application/ld+json"]', (scripts) =>
  scripts.flatMap((s) => { const data = JSON.parse(s.textContent); return data["@graph"] || [data]; }));

const visibleText = (page, selector) => page.$$eval(selector, (nodes) => nodes.map((n) => {
  const copy = n.cloneNode(true);
  copy.querySelectorAll(".heading-anchor, .step-anchor, .step-tried, label").forEach((x) => x.remove());
  return copy.textContent.replace(/\s+/g, " ").trim();
}));

for (const [size, viewport] of Object.entries(SIZES)) {
  describe(`an article's related articles, previews and structured data (${size})`, () => {
    it("ends with 3 to 5 related articles, each another article whose page has the link's title", () =>
      onPage(HOWTO, viewport, async (page) => {
        const related = page.locator("section.related");
        await related.scrollIntoViewIfNeeded();
        assert.ok(await related.isVisible());
        const content = await page.$eval(".article-body", (e) => e.getBoundingClientRect().bottom + scrollY);
        const top = await related.evaluate((e) => e.getBoundingClientRect().top + scrollY);
        assert.ok(top >= content, "after the article's content");
        const links = await related.locator("a").evaluateAll((as) => as.map((a) => ({ text: a.textContent.trim(), href: a.href })));
        assert.ok(links.length >= 3 && links.length <= 5, JSON.stringify(links));
        const box = await related.boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= viewport.width + 1, "within the screen's width");
        const here = new URL(page.url()).pathname;
        const urls = new Set(articles.map((a) => new URL(a.url, site.url).pathname));
        for (const { text, href } of links) {
          const target = new URL(href).pathname;
          assert.notEqual(target, here, "not the article itself");
          assert.ok(urls.has(target), `${href} is an article`);
        }
        // Following one opens that article.
        const first = links[0];
        await Promise.all([page.waitForURL(first.href), related.locator("a").first().click()]);
        assert.equal((await page.locator("h1").first().textContent()).trim(), first.text);
      }));

    it("unfurls with the article's title, description, site name and language", () =>
      onPage(HOWTO, viewport, async (page) => {
        const meta = await page.$$eval("meta[property], meta[name]", (ms) =>
          Object.fromEntries(ms.map((m) => [m.getAttribute("property") || m.getAttribute("name"), m.content])));
        const h1 = (await page.locator("h1").first().textContent()).trim();
        assert.equal(meta["og:type"], "article");
        assert.equal(meta["og:title"], h1);
        assert.equal(meta["og:description"], meta.description);
        assert.ok(meta.description.length > 20, meta.description);
        assert.equal(meta["og:site_name"], (await page.locator(".brand-name").first().textContent()).trim());
        const lang = await page.getAttribute("html", "lang");
        assert.equal(meta["og:locale"], lang);
        // Its translations.
        const alternates = await page.$$eval('meta[property="og:locale:alternate"]', (ms) => ms.map((m) => m.content));
        const translations = await page.$$eval('link[rel="alternate"][hreflang]', (ls) => ls.map((l) => l.hreflang));
        assert.ok(translations.length >= 1, "the example article has a translation");
        assert.deepEqual(alternates, translations.filter((l) => l !== lang));
        assert.ok(["summary", "summary_large_image"].includes(meta["twitter:card"]), meta["twitter:card"]);
      }));

    it("describes itself in JSON-LD as the page shows it: TechArticle, HowTo steps, breadcrumbs", () =>
      onPage(HOWTO, viewport, async (page) => {
        const nodes = await graph(page);
        const of = (type) => nodes.find((n) => n["@type"] === type);
        const h1 = (await page.locator("h1").first().textContent()).trim();
        const lang = await page.getAttribute("html", "lang");
        const article = of("TechArticle");
        assert.equal(article.headline, h1);
        assert.equal(article.inLanguage, lang);
        assert.ok(article.publisher && article.publisher.name, "a publisher");
        assert.match(article.datePublished, /^\d{4}-\d{2}-\d{2}$/);
        const howto = of("HowTo");
        const steps = await visibleText(page, ".article-body li.step");
        assert.ok(steps.length >= 3, steps.join(" / "));
        assert.deepEqual(howto.step.map((s) => s.position), steps.map((_, i) => i + 1));
        howto.step.forEach((s, i) => assert.ok(steps[i].startsWith(s.text.slice(0, 40)), `${s.text} / ${steps[i]}`));
        for (const s of howto.step) assert.equal(await page.locator(new URL(s.url, page.url()).hash).count(), 1, s.url);
        const crumbs = of("BreadcrumbList").itemListElement;
        const shown = await visibleText(page, "nav.breadcrumbs li");
        assert.deepEqual(crumbs.map((c) => c.name), [...shown, h1]);
        assert.deepEqual(crumbs.map((c) => c.position), crumbs.map((_, i) => i + 1));
        const hrefs = await page.$$eval("nav.breadcrumbs a", (as) => as.map((a) => a.href));
        assert.deepEqual(crumbs.slice(0, -1).map((c) => new URL(c.item, page.url()).href), hrefs);
      }));

    it("an FAQ article lists its questions in an FAQPage, each one of its headings", () =>
      onPage(FAQ, viewport, async (page) => {
        const faq = (await graph(page)).find((n) => n["@type"] === "FAQPage");
        assert.ok(faq, "an FAQPage");
        const headings = new Set(await visibleText(page, ".article-body h3"));
        assert.ok(faq.mainEntity.length >= 3, faq.mainEntity.length);
        for (const q of faq.mainEntity) {
          assert.equal(q["@type"], "Question");
          assert.ok(headings.has(q.name), `${q.name} is a question on the page`);
          assert.equal(q.acceptedAnswer["@type"], "Answer");
          assert.ok(q.acceptedAnswer.text.length > 10, q.name);
        }
      }));
  });
}

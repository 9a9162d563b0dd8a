// What the search shows besides the first results: the honest count and the
// link to every result, the full results page (search/?q=, paginated, with
// the filters), the notice of a corrected query with the way back to the
// literal one, the notice when no article has every word, whole-word
// completions, highlighted titles, and the searched words marked on the
// article a result opens (with a way to clear them).
//
// The site is the search-ui fixture plus 30 generated printer articles, so
// that a query has more matches than the dropdown shows.

import assert from "node:assert/strict";
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";

import { FIXTURES, resultsOf, servedSite, settle, tempDir, typeQuery } from "./harness.mjs";

const GENERATED = 30;

const { onPage } = servedSite(async () => {
  const root = path.join(await tempDir("tier0-results-"), "site");
  await cp(path.join(FIXTURES, "search-ui"), root, { recursive: true });
  await mkdir(path.join(root, "content", "impresoras", "modelos"), { recursive: true });
  for (let i = 1; i <= GENERATED; i++) {
    const n = String(i).padStart(2, "0");
    await writeFile(path.join(root, "content", "impresoras", "modelos", `modelo-${n}.md`), [
      "---", `id: KB-9${n}`, `title: Impresora del modelo ${n}`, `description: Cómo usar la impresora del modelo ${n}.`,
      "tier: L2", "type: how-to", "date: 2026-02-01", "tags: [modelo]", "---", "",
      `La impresora del modelo ${n} imprime en color${i % 2 ? " y escanea" : ""}.`, "",
      "## Cambiar el tóner", "", "Abra la tapa y cambie el tóner de la impresora.", "",
    ].join("\n"));
  }
  // The same title in two sections (a page per product version, say).
  for (const [dir, id, tags] of [["impresoras/modelos", "KB-980", "[modelo]"], ["red", "KB-981", "[]"]]) {
    await writeFile(path.join(root, "content", ...dir.split("/"), "instalar-controlador.md"), [
      "---", `id: ${id}`, "title: Instalar el controlador", "tier: L2", "type: how-to", "date: 2026-02-01", `tags: ${tags}`, "---", "",
      "Descargue el controlador del fabricante e instálelo.", "",
    ].join("\n"));
  }
  return root;
});

const visibleText = (page, selector) => page.$eval(selector, (n) => (n.hidden ? null : n.textContent.replace(/\s+/g, " ").trim()));

describe("the dropdown", () => {
  it("counts every match and links to all of them", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "impresora ");
      assert.equal((await resultsOf(page)).length, 10);
      assert.match(await page.textContent(".search-status"), /^10 de (más de )?\d+ resultados$/);
      const all = await page.getAttribute(".search-more a", "href");
      assert.ok(all, "a link to every result");
      const url = new URL(all, page.url());
      assert.equal(url.pathname, "/search/index.html");
      assert.equal(url.searchParams.get("q"), "impresora ");
      assert.equal(await page.isVisible(".search-more"), true);
    }));

  it("says which correction it searched for, and searches the literal query on request", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "impresra ");
      assert.ok((await resultsOf(page)).length > 0);
      assert.equal(await visibleText(page, ".search-corrected strong"), "impresora");
      assert.match(await visibleText(page, ".search-corrected"), /Se muestran resultados de impresora\. Buscar en su lugar impresra/);
      await page.click(".search-literal");
      await settle(page);
      assert.equal((await resultsOf(page)).length, 0, "the literal word matches nothing");
      assert.match(await page.textContent(".search-empty-title"), /impresra/);
      // The index folds accents; the notice shows the word as articles write it.
      await typeQuery(page, "contrasenia ");
      assert.equal(await visibleText(page, ".search-corrected strong"), "contraseña");
    }));

  it("says when no article has every word, before the partial matches, with the contact", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "tóner router ");
      assert.ok((await resultsOf(page)).length > 0);
      assert.match(await visibleText(page, ".search-partial"), /Ningún artículo contiene todas las palabras de «tóner router»/);
      assert.ok(await page.$(".search-notice .search-contact-link"), "the level-1 contact is offered");
      // Partial matches are still listed below the notice.
      const order = await page.$$eval(".search-notice, #search-results", (n) => n.map((x) => x.className));
      assert.deepEqual(order, ["search-notice", "search-results"]);
    }));

  it("offers the whole words the word being typed may become, and highlights titles", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "impre");
      const words = await page.$$eval(".search-word", (b) => b.map((x) => x.textContent));
      assert.ok(words.includes("impresora"), JSON.stringify(words));
      const titleMarks = await page.$$eval("#search-results .search-result-title mark", (m) => m.map((x) => x.textContent));
      assert.ok(titleMarks.length > 0 && titleMarks.every((m) => /^impresora/i.test(m)), JSON.stringify(titleMarks));
      await page.click(".search-word >> text=impresora");
      await settle(page);
      assert.equal(await page.inputValue("#search-input"), "impresora ");
      assert.equal(await page.isVisible(".search-words"), false, "a complete word is not completed");
    }));
});

describe("results of the same title", () => {
  it("show where each one is", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "controlador ");
      const trails = await page.$$eval("#search-results .search-result", (rs) => rs.map((r) => [
        r.querySelector(".search-result-title").textContent, r.querySelector(".search-result-trail")?.textContent ?? null]));
      assert.deepEqual(trails.map(([t]) => t), ["Instalar el controlador", "Instalar el controlador"]);
      assert.deepEqual(trails.map(([, t]) => t).sort(), ["Impresoras › Modelos", "Red y Wi-Fi"], JSON.stringify(trails));
      // A title of its own shows its section as before.
      await typeQuery(page, "tóner ");
      assert.equal(await page.$("#search-results .search-result-trail"), null);
    }));
});

describe("the full results page", () => {
  it("lists every match, 20 to a page, with working page links", () =>
    onPage("search/index.html?q=impresora", async (page) => {
      await page.waitForSelector(".search-page-results li");
      assert.equal(await page.locator(".search-page-results li").count(), 20);
      const status = await page.textContent(".search-page-status");
      const total = Number(/de (\d+) resultados/.exec(status)?.[1]);
      assert.ok(total >= GENERATED + 1, status);
      assert.match(status, /^1–20 de \d+ resultados de «impresora»$/);
      assert.equal(await page.inputValue("#search-input"), "impresora");
      assert.equal(await page.$(".search-page-previous"), null);
      await Promise.all([page.waitForURL(/page=2/), page.click(".search-page-next")]);
      await page.waitForSelector(".search-page-results li");
      assert.equal(await page.locator(".search-page-results li").count(), total - 20);
      assert.equal(await page.getAttribute(".search-page-results", "start"), "21");
      assert.match(await page.textContent(".search-page-status"), new RegExp(`^21–${total} de ${total} resultados`));
      assert.equal(await page.$(".search-page-next"), null);
      assert.ok(await page.$(".search-page-previous"));
      // Titles and snippets are marked here too.
      assert.ok(await page.$$eval(".search-page-results .search-result-title mark", (m) => m.length) > 0);
    }));

  it("a page past the last shows the last one, not that nothing matches", () =>
    onPage("search/index.html?q=impresora&page=1000", async (page) => {
      await page.waitForSelector(".search-page-results li");
      const status = await page.textContent(".search-page-status");
      const total = Number(/de (\d+) resultados/.exec(status)?.[1]);
      assert.match(status, new RegExp(`^21–${total} de ${total} resultados de «impresora»$`));
      assert.equal(await page.locator(".search-page-results li").count(), total - 20);
      assert.ok(await page.isHidden(".search-page-empty"));
      assert.equal(new URL(page.url()).searchParams.get("page"), "2");
      assert.ok(await page.$(".search-page-previous"));
    }));

  it("a filter chosen on the page reloads it for that filter", () =>
    onPage("search/index.html?q=impresora&page=2", async (page) => {
      await page.waitForSelector(".search-page-results li");
      await page.focus("#search-input");
      await Promise.all([page.waitForURL(/category=red/), page.selectOption("select[name=category]", "red")]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("q"), "impresora");
      assert.equal(url.searchParams.get("page"), null, "a new filter starts at the first page");
      await page.waitForSelector(".search-page-empty:not([hidden]), .search-page-results li");
      assert.equal(await page.inputValue("select[name=category]"), "red");
    }));

  it("applies the filters of the address", () =>
    onPage("search/index.html?q=impresora&category=red", async (page) => {
      await page.waitForSelector(".search-page-empty:not([hidden]), .search-page-results li");
      assert.equal(await page.locator(".search-page-results li").count(), 0);
      assert.match(await page.textContent(".search-page-status"), /con estos filtros/);
      assert.ok(await page.$(".search-page-empty .search-contact-link"));
    }));

  it("a search typed on the page loads the page for it", () =>
    onPage("search/index.html?q=impresora", async (page) => {
      await page.waitForSelector(".search-page-results li");
      await page.fill("#search-input", "tóner");
      await Promise.all([page.waitForURL(/q=t%C3%B3ner/), page.press("#search-input", "Enter")]);
      await page.waitForSelector(".search-page-results li");
      assert.match(await page.textContent(".search-page-status"), /resultados de «tóner»$/);
    }));

  it("without a query, asks for one", () =>
    onPage("search/index.html", async (page) => {
      await page.waitForFunction(() => document.querySelector(".search-page-status").textContent !== "");
      assert.match(await page.textContent(".search-page-status"), /Escriba lo que busca/);
    }));
});

describe("the article opened from a result", () => {
  it("marks the words searched for, until cleared", () =>
    onPage("red/wifi/index.html", async (page) => {
      await typeQuery(page, "tóner ");
      await Promise.all([page.waitForURL(/\?hl=/), page.click("#search-results [role=option] >> nth=0")]);
      const marks = await page.$$eval(".article-body mark.search-highlight", (m) => m.map((x) => x.textContent));
      assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === "tóner"), JSON.stringify(marks));
      assert.match(await page.textContent(".highlight-bar"), /Las palabras que buscó están resaltadas/);
      await page.click(".highlight-clear");
      assert.equal(await page.$$eval(".article-body mark.search-highlight", (m) => m.length), 0);
      assert.equal(await page.$(".highlight-bar"), null);
      assert.equal(new URL(page.url()).searchParams.get("hl"), null);
      assert.match(await page.textContent(".article-body"), /cambie el tóner de la impresora/);
    }));
});

describe("tags", () => {
  it("an article's tags lead to the articles that share them, and to every tag", () =>
    onPage("red/wifi/index.html", async (page) => {
      const tags = await page.$$eval(".tags a.tag", (links) => links.map((a) => [a.textContent, a.getAttribute("href")]));
      assert.deepEqual(tags, [["wifi", "../../tags/wifi/index.html"], ["portátil", "../../tags/portatil/index.html"]]);
      await Promise.all([page.waitForURL(/\/tags\/wifi\/index\.html$/), page.click(".tags a.tag >> text=wifi")]);
      assert.equal(await page.textContent("main h1"), "Artículos con la etiqueta «wifi»");
      const listed = await page.$$eval("main .article-list a", (links) => links.map((a) => a.textContent.trim()));
      assert.ok(listed.some((t) => /Wi-?Fi/i.test(t)), JSON.stringify(listed));
      await Promise.all([page.waitForURL(/\/tags\/index\.html$/), page.click(".breadcrumbs a >> text=Etiquetas")]);
      const all = await page.$$eval(".tag-list li", (items) => items.map((li) => li.textContent.replace(/\s+/g, " ").trim()));
      assert.ok(all.includes("wifi 1") && all.includes("impresora 1"), JSON.stringify(all));
      // A hostile tag is text on every page that shows it.
      assert.ok(all.some((t) => t.startsWith("<img src=x")), JSON.stringify(all));
    }));

  it("a tag of more than 30 articles is listed 30 a page, the pages linked in order", () =>
    onPage("tags/index.html", async (page) => {
      assert.ok((await page.textContent(".tag-list")).replace(/\s+/g, " ").includes(`modelo ${GENERATED + 1}`));
      await Promise.all([page.waitForURL(/\/tags\/modelo\/index\.html$/), page.click(".tag-list a >> text=modelo")]);
      const titles = () => page.$$eval("main .article-list a.article-link", (links) => links.map((a) => a.textContent.trim()));
      const first = await titles();
      assert.equal(first.length, 30);
      const nav = page.locator("nav.pagination");
      assert.equal(await nav.getAttribute("aria-label"), "Páginas");
      assert.equal(await nav.locator("[aria-current=page]").textContent(), "1");
      assert.equal(await nav.locator("a[rel=prev]").count(), 0);
      await Promise.all([page.waitForURL(/\/tags\/modelo\/page\/2\/index\.html$/), nav.locator("a[rel=next]").click()]);
      const second = await titles();
      assert.equal(second.length, 1);
      assert.ok(!first.includes(second[0]), "no article on two pages");
      assert.match(await page.textContent("main h1"), /«modelo» · página 2 de 2$/);
      assert.equal(await page.locator("nav.pagination [aria-current=page]").textContent(), "2");
      assert.equal(await page.locator("nav.pagination a[rel=next]").count(), 0);
      // Its links work from the deeper folder.
      await Promise.all([page.waitForURL(/\/impresoras\/modelos\/[a-z0-9-]+\/index\.html$/), page.click("main .article-list a.article-link")]);
      await page.goBack();
      await Promise.all([page.waitForURL(/\/tags\/modelo\/index\.html$/), page.click("nav.pagination a[rel=prev]")]);
      assert.deepEqual(await titles(), first);
    }));
});

// The section tree in the browser, on tests/fixtures/nested (four folders
// deep, `setup.md` at every level): breadcrumbs lead up the tree, section
// pages lead down it, the top navigation marks where the reader is, and
// the search filter takes a section with its subsections.

import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";

import { REPO, resultsOf, servedSite, typeQuery } from "./harness.mjs";

const { onPage } = servedSite(path.join(REPO, "tests/fixtures/nested"));
const crumbs = (page) => page.$$eval(".breadcrumbs li a", (links) => links.map((a) => a.textContent.trim()));
const heading = (page) => page.textContent("main h1");

describe("breadcrumbs", () => {
  it("name every section above an article four folders deep, and lead up the tree", () =>
    onPage("network/vpn/macos/legacy/setup/index.html", async (page) => {
      assert.equal(await heading(page), "Set up the legacy VPN client");
      assert.deepEqual(await crumbs(page), ["Nested help", "Network", "Remote access (VPN)", "VPN on macOS", "Legacy"]);
      // The top navigation marks the category the reader is in.
      assert.equal(await page.getAttribute(".categories-nav a[aria-current]", "aria-current"), "true");
      assert.equal((await page.textContent(".categories-nav a[aria-current]")).trim(), "Network");
      await Promise.all([page.waitForURL(/\/network\/vpn\/index\.html$/), page.click(".breadcrumbs >> text=Remote access (VPN)")]);
      assert.equal(await heading(page), "Remote access (VPN)");
      assert.deepEqual(await crumbs(page), ["Nested help", "Network"]);
    }));
});

describe("section pages", () => {
  it("show the landing page's text, then lead down to subsections and articles", () =>
    onPage("network/index.html", async (page) => {
      assert.equal(await heading(page), "Network");
      assert.match(await page.textContent(".section-body"), /Everything about getting online/);
      assert.equal(await page.getAttribute(".categories-nav a[aria-current]", "aria-current"), "page");
      const cards = await page.$$eval(".subsections .category-card h3", (h) => h.map((e) => e.textContent.trim()));
      assert.deepEqual(cards, ["Remote access (VPN)"]);
      const own = await page.$$eval(".section-articles .article-link", (a) => a.map((e) => e.textContent.trim()));
      assert.deepEqual(own, ["Set up the network"]);
      await Promise.all([page.waitForURL(/\/network\/vpn\/index\.html$/), page.click(".subsections >> text=Remote access (VPN)")]);
      await Promise.all([page.waitForURL(/\/macos\/index\.html$/), page.click(".subsections h3 >> text=VPN on macOS")]);
      await Promise.all([
        page.waitForURL(/\/error-809\/index\.html$/),
        page.click(".section-articles >> text=VPN error 809 on macOS"),
      ]);
      // The page bundle shows the image kept beside it.
      await page.waitForFunction(() => document.querySelector("main img")?.complete);
      assert.equal(await page.$eval("main img", (img) => img.naturalWidth), 2);
      assert.deepEqual(await crumbs(page), ["Nested help", "Network", "Remote access (VPN)", "VPN on macOS"]);
    }));

  it("the home page groups the articles by top section, in their order", () =>
    onPage("index.html", async (page) => {
      const cards = await page.$$eval(".home-categories .category-card h3", (h) => h.map((e) => e.textContent.trim()));
      assert.deepEqual(cards, ["Network", "Office printers"]);
      const counts = await page.$$eval(".home-categories .count", (c) => c.map((e) => e.textContent.trim()));
      assert.deepEqual(counts, ["5 articles", "1 article"]);
    }));
});

describe("the section's other articles", () => {
  it("previous and next lead through the section in its order", () =>
    onPage("network/vpn/macos/setup/index.html", async (page) => {
      assert.equal(await page.$(".pager a[rel=prev]"), null);
      const listed = await page.$$eval(".section-articles-list li", (li) => li.map((e) => e.textContent.trim()));
      assert.deepEqual(listed, ["Set up the VPN on macOS", "VPN error 809 on macOS"]);
      await Promise.all([page.waitForURL(/\/error-809\/index\.html$/), page.click(".pager a[rel=next]")]);
      assert.equal(await heading(page), "VPN error 809 on macOS");
      assert.equal((await page.textContent(".section-articles-list [aria-current=page]")).trim(), "VPN error 809 on macOS");
      await Promise.all([page.waitForURL(/\/macos\/setup\/index\.html$/), page.click(".pager a[rel=prev]")]);
    }));
});

describe("the search filter", () => {
  it("takes a section with its subsections", () =>
    onPage("index.html", async (page) => {
      await typeQuery(page, "set up");
      const all = await resultsOf(page);
      assert.ok(all.length >= 6, JSON.stringify(all));
      await page.selectOption("select[name=category]", "network/vpn");
      await page.waitForFunction(() => !document.querySelector("form.search[aria-busy]"));
      const inVpn = await resultsOf(page);
      assert.ok(inVpn.length >= 3, JSON.stringify(inVpn));
      for (const r of inVpn) assert.match(r.href, /^network\/vpn\//, JSON.stringify(r));
      // A result deeper than the filter lists is labelled by its nearest listed section.
      const labels = await page.$$eval("#search-results .search-result-meta", (m) => m.map((e) => e.textContent));
      assert.ok(labels.every((l) => l.includes("Remote access (VPN)")), JSON.stringify(labels));
    }));
});

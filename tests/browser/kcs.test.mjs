// KCS confidence in the browser: the agents' edition marks every article
// with its state (a badge on the page and in the listing), the public one
// marks the not-validated articles that `kcs.public: not-validated` lets in,
// and pages that are not validated say so above their text. Badges and
// notices are seen, and pass axe-core (WCAG 2.1 AA) in light and dark.
// Search results mark the articles that are not validated, in both editions.
// Over http, on the integration tests' fixture tests/fixtures/kcs.

import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { axeViolations, buildEdited, buildSite, cleanup, launch, REPO, serve, typeQuery, visit } from "./harness.mjs";

const SITE = path.join(REPO, "tests/fixtures/kcs");

// [edition, page, state of its article (or null for a listing), notice?]
const PAGES = [
  ["agents", "red/index.html", null, false],
  ["agents", "red/validada/index.html", "validated", false],
  ["agents", "red/sin-validar/index.html", "not-validated", true],
  ["agents", "red/borrador/index.html", "draft", true],
  ["agents", "red/archivada/index.html", "archived", true],
  ["public", "red/index.html", null, false],
  ["public", "red/sin-validar/index.html", "not-validated", true],
];

let browser;
const servers = {};

before(async () => {
  const [agents, pub] = await Promise.all([
    buildSite(SITE, "--audience", "agents", "--drafts"),
    buildEdited(SITE, (yaml) => `${yaml}kcs:\n  public: not-validated\n`),
    launch().then((b) => { browser = b; }),
  ]);
  servers.agents = await serve(agents);
  servers.public = await serve(pub);
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
  await cleanup();
});

async function onPage(edition, where, body, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(5000);
  try {
    await visit(context, servers[edition].url + where, body);
  } finally {
    await context.close();
  }
}

for (const [edition, where, state, notice] of PAGES) {
  describe(`${edition}: ${where}`, () => {
    if (state) {
      it(`shows the "${state}" badge in the article's header${notice ? ", and a notice" : ""}`, () =>
        onPage(edition, where, async (page) => {
          const badge = page.locator(".article-header .confidence-badge");
          assert.equal(await badge.count(), 1);
          assert.equal(await badge.getAttribute("data-confidence"), state);
          assert.ok(await badge.isVisible());
          const shown = page.locator(".confidence-notice");
          assert.equal(await shown.count(), notice ? 1 : 0);
          if (notice) {
            assert.ok(await shown.isVisible());
            assert.equal(await shown.getAttribute("data-confidence"), state);
            // Above the text, which it is about.
            const [n, body] = await Promise.all([shown.boundingBox(), page.locator(".article-body").boundingBox()]);
            assert.ok(n.y + n.height <= body.y, `${JSON.stringify(n)} ${JSON.stringify(body)}`);
          }
        }));
    } else {
      it("marks the articles of the listing with their state", () =>
        onPage(edition, where, async (page) => {
          const states = await page.$$eval(".article-item .confidence-badge", (bs) => bs.map((b) => b.dataset.confidence).sort());
          const expected = edition === "agents"
            ? ["archived", "draft", "draft", "not-validated", "validated"]
            : ["not-validated"];
          assert.deepEqual(states, expected);
        }));
    }

    for (const colorScheme of ["light", "dark"]) {
      it(`has no accessibility violations (axe-core, WCAG 2.1 AA), ${colorScheme}`, () =>
        onPage(edition, where, async (page) => {
          assert.deepEqual(await axeViolations(page), []);
        }, { colorScheme }));
    }
  });
}

describe("search results", () => {
  for (const [edition, query, state, label] of [
    ["agents", "kcsarchived", "archived", "Archivado"],
    ["agents", "kcsnotvalidated", "not-validated", "Sin validar"],
    ["public", "kcsnotvalidated", "not-validated", "Sin validar"],
  ]) {
    it(`${edition}: a ${state} article is marked "${label}", and passes axe-core`, () =>
      onPage(edition, "red/index.html", async (page) => {
        await typeQuery(page, query);
        const badges = page.locator("#search-results [role=option] .confidence-badge");
        assert.equal(await badges.count(), 1);
        assert.equal(await badges.getAttribute("data-confidence"), state);
        assert.equal(await badges.textContent(), label);
        assert.ok(await badges.isVisible());
        assert.deepEqual(await axeViolations(page), []);
      }));
  }

  it("agents: a validated article's result has no state badge", () =>
    onPage("agents", "red/index.html", async (page) => {
      await typeQuery(page, "portátil");
      assert.ok((await page.locator("#search-results [role=option]").count()) >= 1);
      assert.equal(await page.locator("#search-results .confidence-badge").count(), 0);
    }));
});

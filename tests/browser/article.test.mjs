// The article page of the default theme (static/article.js), over http, on the
// fixture site tests/browser/fixtures/handoff: links to send ("copy link",
// "copy as reply"), heading and step anchors that copy their short link, the
// steps the user already tried, the "Did this solve your problem?" handoff to
// level 1, the optional feedback POST, and the page without JavaScript.

import assert from "node:assert/strict";
import http from "node:http";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { buildEdited, buildSite, cleanup, FIXTURES, launch, serve, visit } from "./harness.mjs";

const FIXTURE = path.join(FIXTURES, "handoff");
const ARTICLE = "impresoras/cola/index.html";
const CLIPBOARD = ["clipboard-read", "clipboard-write"];

const TITLE = "La impresora no imprime";
const STEP_1 = "1. Abra Configuración › Impresoras y cancele todos los documentos de la cola.";
const STEP_2 = "2. Reinicie el servicio de cola de impresión:";
const STEP_3 = "3. Imprima una página de prueba con Ctrl + P & Aceptar (#1).";
// Without a full base_url the build cannot write the page's address: the
// plain links (no JavaScript) leave it out, and the script adds where the
// page was opened from.
const CONTACT_URL = "https://support.example/new?id=KB%2D7&t=La%20impresora%20no%20imprime";
const MAILTO = "mailto:help@example.org?subject=KB%2D7%3A%20La%20impresora%20no%20imprime";
const contactUrlFrom = (pageUrl) => `https://support.example/new?id=KB%2D7&t=La%20impresora%20no%20imprime&from=${encodeURIComponent(pageUrl)}&tried=`;
const mailtoFrom = (pageUrl) => `${MAILTO}&body=${encodeURIComponent(pageUrl)}`;

/**
 * A feedback endpoint on its own port (so cross-origin, like a real ticketing
 * tool): answers the CORS preflight and records every POST. It allows
 * credentials, so a page that sent cookies would get them through and be caught.
 */
async function feedbackRecorder() {
  const posts = [];
  const waiting = [];
  const server = http.createServer((req, res) => {
    const cors = {
      "access-control-allow-origin": req.headers.origin || "*",
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "content-type",
      vary: "origin",
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      return res.end();
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => {
      const post = { method: req.method, path: req.url, headers: req.headers, body };
      posts.push(post);
      waiting.splice(0).forEach((resolve) => resolve(post));
      res.writeHead(204, cors);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/feedback`,
    posts,
    /** The next request to arrive (or the one already there at `index`). */
    received: (index) => posts[index] ? Promise.resolve(posts[index]) : new Promise((resolve) => waiting.push(resolve)),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

let browser;
let recorder;
let server; // the fixture with a feedback endpoint, relative links
let plain; // the fixture as it is (no endpoint), built with --base-url /
let context;

before(async () => {
  recorder = await feedbackRecorder();
  const [withEndpoint, withoutEndpoint] = await Promise.all([
    buildEdited(FIXTURE, (yaml) => `${yaml}feedback: {endpoint: "${recorder.url}"}\n`),
    buildSite(FIXTURE, "--base-url", "/"),
    launch().then((b) => { browser = b; }),
  ]);
  server = await serve(withEndpoint);
  plain = await serve(withoutEndpoint);
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
  for (const s of [server, plain]) await context.grantPermissions(CLIPBOARD, { origin: new URL(s.url).origin });
});

after(async () => {
  await browser?.close();
  await Promise.all([server, plain, recorder].map((s) => s?.close()));
  await cleanup();
});

/** Opens `url`, runs `body(page)`, then checks the page logged no errors. */
const onPage = (url, body, ctx = context) => visit(ctx, url, body);

/** Clicks `selector`, waits for the page to say it copied, and returns the clipboard. */
async function copied(page, selector) {
  await page.$eval(".copy-status", (s) => { s.textContent = ""; });
  await page.click(selector);
  await page.waitForFunction(() => document.querySelector(".copy-status").textContent !== "");
  assert.equal(await page.textContent(".copy-status"), "Copiado al portapapeles");
  return page.evaluate(() => navigator.clipboard.readText());
}

const visible = (page, selector) => page.isVisible(selector);
const triedLines = (page) => page.$$eval(".tried-list li", (items) => items.map((li) => li.textContent));
const href = (page, selector) => page.getAttribute(selector, "href");

describe("links to send", () => {
  it("copy link copies the article's short link, absolute", () =>
    onPage(server.url + ARTICLE, async (page) => {
      assert.ok(await visible(page, ".share"), "the buttons are shown when the script runs");
      assert.equal(await copied(page, "[data-copy=link]"), `${server.url}kb/KB-7/index.html`);
    }));

  it("copy as reply fills the site's reply template with that link", () =>
    onPage(server.url + ARTICLE, async (page) => {
      assert.equal(await copied(page, "[data-copy=reply]"),
        `${TITLE} (KB-7)\nLos trabajos se quedan en la cola de impresión.\nSiga los pasos: ${server.url}kb/KB-7/index.html\nSi no, llámenos.`);
    }));

  it("a site under a base path copies its root-relative short link made absolute", () =>
    onPage(plain.url + "impresoras/cola/", async (page) => {
      assert.equal(await copied(page, "[data-copy=link]"), `${plain.url}kb/KB-7/`);
    }));

  it("every code block has a button that copies the code exactly", () =>
    onPage(server.url + ARTICLE, async (page) => {
      assert.equal(await page.locator(".article-body .code-block .code-copy").count(), 1);
      assert.equal(await page.textContent(".code-copy"), "Copiar");
      await page.click(".code-copy");
      await page.waitForFunction(() => document.querySelector(".code-copy").textContent === "Copiado");
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
        'Stop-Service -Name Spooler -Force\nRemove-Item "$env:SystemRoot\\System32\\spool\\PRINTERS\\*" -Force\nStart-Service -Name Spooler');
      // The button is not part of the code, and says "Copiar" again later.
      assert.equal(await page.$eval(".code-block pre", (p) => p.textContent.includes("Copiar")), false);
      await page.waitForFunction(() => document.querySelector(".code-copy").textContent === "Copiar", null, { timeout: 6000 });
    }));

  it("a link made absolute from this computer says it will not open elsewhere", () =>
    onPage(server.url + ARTICLE, async (page) => {
      assert.equal(await page.$(".copy-warning"), null, "nothing before a copy");
      await copied(page, "[data-copy=link]");
      assert.match(await page.textContent(".copy-warning"), /^Este enlace apunta a este equipo.*base_url/);
      await copied(page, "[data-copy=reply]");
      assert.equal(await page.locator(".copy-warning").count(), 1, "said once");
    }));

  it("a site with a full base_url copies that link, with no warning, even from this computer", async () => {
    const site = await serve(await buildSite(FIXTURE, "--base-url", "https://help.example/"));
    try {
      await context.grantPermissions(CLIPBOARD, { origin: new URL(site.url).origin });
      await onPage(site.url + "impresoras/cola/", async (page) => {
        assert.equal(await copied(page, "[data-copy=link]"), "https://help.example/kb/KB-7/");
        assert.equal(await page.$(".copy-warning"), null);
      });
    } finally {
      await site.close();
    }
  });

  it("falls back to execCommand when the Clipboard API refuses", async () => {
    const ctx = await browser.newContext();
    await ctx.grantPermissions(CLIPBOARD, { origin: new URL(server.url).origin });
    await ctx.addInitScript(() => {
      window.__execCopies = 0;
      const execCommand = document.execCommand.bind(document);
      document.execCommand = (command, ...rest) => {
        if (command === "copy") window.__execCopies += 1;
        return execCommand(command, ...rest);
      };
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    try {
      await onPage(server.url + ARTICLE, async (page) => {
        assert.equal(await copied(page, "[data-copy=link]"), `${server.url}kb/KB-7/index.html`);
        assert.equal(await page.evaluate(() => window.__execCopies), 1);
        assert.equal(await page.$(".share textarea:not(.copy-fallback)"), null, "the temporary field is removed");
      }, ctx);
    } finally {
      await ctx.close();
    }
  });

  it("when nothing can copy, shows the text in a selectable read-only field", async () => {
    const ctx = await browser.newContext();
    await ctx.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
      document.execCommand = () => false;
    });
    try {
      await onPage(server.url + ARTICLE, async (page) => {
        await page.click("[data-copy=reply]");
        await page.waitForSelector(".copy-fallback");
        assert.equal(await page.textContent(".copy-status"), "No se ha podido copiar. Seleccione el texto y cópielo usted:");
        const field = await page.$eval(".copy-fallback", (f) => ({
          value: f.value, readOnly: f.readOnly, focused: document.activeElement === f,
          allSelected: f.selectionStart === 0 && f.selectionEnd === f.value.length,
        }));
        assert.deepEqual(field, {
          value: `${TITLE} (KB-7)\nLos trabajos se quedan en la cola de impresión.\nSiga los pasos: ${server.url}kb/KB-7/index.html\nSi no, llámenos.`,
          readOnly: true, focused: true, allSelected: true,
        });
      }, ctx);
    } finally {
      await ctx.close();
    }
  });
});

describe("heading and step anchors", () => {
  it("a step anchor goes to the step and copies the short link with its hash", () =>
    onPage(server.url + ARTICLE, async (page) => {
      await page.hover("#paso-2");
      const link = await copied(page, "#paso-2 > .step-anchor");
      assert.equal(link, `${server.url}kb/KB-7/index.html#paso-2`);
      assert.equal(new URL(page.url()).hash, "#paso-2", "the click still navigates");
      assert.equal(new URL(page.url()).pathname, "/" + ARTICLE);
    }));

  it("a heading anchor copies its link too", () =>
    onPage(server.url + ARTICLE, async (page) => {
      await page.hover("#vaciar-la-cola");
      assert.equal(await copied(page, "#vaciar-la-cola > .heading-anchor"), `${server.url}kb/KB-7/index.html#vaciar-la-cola`);
      assert.equal(new URL(page.url()).hash, "#vaciar-la-cola");
    }));

  it("the copied short link opens the article at the step", () =>
    onPage(`${server.url}kb/KB-7/index.html#paso-2`, async (page) => {
      await page.waitForURL(`${server.url}${ARTICLE}#paso-2`);
      assert.equal(await page.evaluate(() => document.querySelector(":target")?.id), "paso-2");
    }));
});

describe("steps tried and the handoff", () => {
  it("asks whether it worked and puts a box after each step's anchor", () =>
    onPage(server.url + ARTICLE, async (page) => {
      assert.ok(await visible(page, ".handoff-ask"));
      assert.equal(await visible(page, ".still-stuck"), false, "the contact box waits for the answer");
      assert.equal(await visible(page, ".handoff-thanks"), false);
      const boxes = await page.$$eval(".article-body li.step", (steps) => steps.map((li) => {
        const box = li.querySelector(":scope > .step-tried");
        return box && { type: box.type, label: box.getAttribute("aria-label"), afterAnchor: box.previousElementSibling?.matches(".step-anchor") };
      }));
      assert.deepEqual(boxes, [1, 2, 3].map((n) => ({ type: "checkbox", label: `He probado el paso ${n}`, afterAnchor: true })));
    }));

  it("No shows the contact box with the ticked steps in the list, the request link and the email", () =>
    onPage(server.url + ARTICLE, async (page) => {
      await page.check("#paso-1 .step-tried");
      await page.check("#paso-3 .step-tried");
      await page.click("[data-answer=no]");
      assert.ok(await visible(page, ".still-stuck"));
      assert.equal(await visible(page, ".handoff-thanks"), false);
      assert.equal(await page.evaluate(() => document.activeElement.closest(".still-stuck") !== null), true, "focus moves to the box");
      assert.ok(await visible(page, ".tried"));
      assert.deepEqual(await triedLines(page), [STEP_1, STEP_3]);

      const url = new URL(await href(page, "[data-contact=url]"));
      assert.equal(url.origin + url.pathname, "https://support.example/new");
      assert.equal(url.searchParams.get("id"), "KB-7");
      assert.equal(url.searchParams.get("t"), TITLE);
      assert.equal(url.searchParams.get("tried"), `${STEP_1}; ${STEP_3}`);
      assert.equal(url.searchParams.get("from"), server.url + ARTICLE, "the page's own address");

      const mail = await href(page, "[data-contact=mail]");
      assert.equal(mail, mailtoFrom(server.url + ARTICLE) + encodeURIComponent(`\n\nPasos que ya ha probado:\n${STEP_1}\n${STEP_3}`));

      // Ticking another step afterwards updates everything; a sub-list is not part of the step's text.
      await page.check("#paso-2 .step-tried");
      assert.deepEqual(await triedLines(page), [STEP_1, STEP_2, STEP_3]);
      assert.equal(new URL(await href(page, "[data-contact=url]")).searchParams.get("tried"), `${STEP_1}; ${STEP_2}; ${STEP_3}`);

      // Nothing ticked: no list, and the plain links again.
      for (const n of [1, 2, 3]) await page.uncheck(`#paso-${n} .step-tried`);
      assert.equal(await visible(page, ".tried"), false);
      assert.deepEqual(await triedLines(page), []);
      assert.equal(await href(page, "[data-contact=url]"), contactUrlFrom(server.url + ARTICLE));
      assert.equal(await href(page, "[data-contact=mail]"), mailtoFrom(server.url + ARTICLE));
    }));

  it("Yes thanks the user and keeps the contact box hidden", () =>
    onPage(server.url + ARTICLE, async (page) => {
      await page.click("[data-answer=no]");
      assert.ok(await visible(page, ".still-stuck"));
      await page.click("[data-answer=yes]");
      assert.ok(await visible(page, ".handoff-thanks"));
      assert.equal(await visible(page, ".still-stuck"), false);
      // The question stays, for a reader who answered too soon.
      assert.ok(await visible(page, ".handoff-ask"));
      await page.click("[data-answer=no]");
      assert.ok(await visible(page, ".still-stuck"));
      assert.equal(await visible(page, ".handoff-thanks"), false);
    }));
});

describe("feedback", () => {
  it("each answer is POSTed to the site's endpoint as JSON, without cookies", async () => {
    // A cookie for 127.0.0.1 would go to the endpoint too (cookies ignore ports) if the page sent credentials.
    await context.addCookies([{ name: "session", value: "secret", domain: "127.0.0.1", path: "/" }]);
    const before = recorder.posts.length;
    await onPage(server.url + ARTICLE, async (page) => {
      await page.check("#paso-1 .step-tried");
      await page.check("#paso-3 .step-tried");
      await page.click("[data-answer=no]");
      const no = await recorder.received(before);
      await page.click("[data-answer=yes]");
      const yes = await recorder.received(before + 1);
      for (const post of [no, yes]) {
        assert.equal(post.method, "POST");
        assert.equal(post.path, "/feedback");
        assert.equal(post.headers["content-type"], "application/json");
        assert.equal(post.headers.cookie, undefined, "no cookie is sent");
      }
      assert.deepEqual(JSON.parse(no.body), { article: "KB-7", lang: "es", helpful: false, tried: ["paso-1", "paso-3"] });
      assert.deepEqual(JSON.parse(yes.body), { article: "KB-7", lang: "es", helpful: true, tried: ["paso-1", "paso-3"] });
    });
    await context.clearCookies();
    assert.equal(recorder.posts.length, before + 2, "one POST per answer");
  });

  it("a site without an endpoint sends nothing", () =>
    onPage(plain.url + "impresoras/cola/", async (page) => {
      const requests = [];
      page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
      const before = recorder.posts.length;
      await page.check("#paso-1 .step-tried");
      await page.click("[data-answer=no]");
      await page.click("[data-answer=yes]");
      // Request events arrive in order: once this one is seen, any request the clicks made has been too.
      await page.evaluate(() => fetch("/robots.txt").then((r) => r.text()));
      // (The browser may fetch the page's icon meanwhile: that is not a send.)
      assert.deepEqual(requests.filter((r) => !/\/static\/favicon\.svg$/.test(r)), [`GET ${plain.url}robots.txt`]);
      assert.equal(recorder.posts.length, before);
    }));
});

describe("without JavaScript", () => {
  it("shows the plain contact links and nothing that needs the script", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      await onPage(server.url + ARTICLE, async (page) => {
        assert.equal(await visible(page, ".share"), false);
        assert.equal(await visible(page, ".handoff-ask"), false);
        assert.equal(await visible(page, ".handoff-thanks"), false);
        assert.ok(await visible(page, ".still-stuck"));
        assert.equal(await visible(page, ".tried"), false);
        assert.equal(await page.$$eval(".step-tried", (b) => b.length), 0);
        assert.equal(await href(page, "[data-contact=url]"), CONTACT_URL, "no {tried} placeholder is left in the link");
        assert.ok(await visible(page, "[data-contact=url]"));
        assert.equal(await href(page, "[data-contact=mail]"), MAILTO);
      }, noJs);
    } finally {
      await noJs.close();
    }
  });
});

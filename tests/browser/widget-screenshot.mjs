// The screenshot of docs/widget.md (not a test):
//   node tests/browser/widget-screenshot.mjs [OUT_FILE]   (default docs/widget.png)
// Builds the example knowledge base, serves it on one port and a product's
// page on another, opens the widget there on an article with two steps
// ticked, and shoots the product page with the panel.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { buildSite, cleanup, launch, openPage, REPO, serve, tempDir } from "./harness.mjs";

const out = path.resolve(process.argv[2] || path.join(REPO, "docs/widget.png"));
const site = await serve(await buildSite(REPO));
const dir = await tempDir("tier0-product-");
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "index.html"), `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Acme Print</title>
<style>body{margin:0;font:16px system-ui;background:#eef1f4;color:#222}header{background:#243447;color:#fff;padding:14px 24px;font-weight:600}
main{padding:24px;max-width:640px}.card{background:#fff;border-radius:8px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.15)}.err{color:#b00020}</style>
<script src="${site.url}widget.js" async></script></head>
<body><header>Acme Print · Cola de impresión</header><main><div class="card"><h1>Impresora de la 2.ª planta</h1>
<p class="err">Error 0x80070005: no se pudo enviar el trabajo.</p><p>3 documentos en la cola.</p></div></main></body></html>`);
const host = await serve(dir);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await openPage(context);
  await page.goto(host.url);
  await page.waitForFunction(() => window.Tier0Help && document.querySelector("tier0-help"));
  await page.evaluate(() => window.Tier0Help.open({ query: "impresora no imprime" }));
  await page.locator("tier0-help .result").first().click();
  await page.locator("tier0-help .step-tried").nth(1).waitFor();
  await page.locator("tier0-help .step-tried").nth(0).check();
  await page.locator("tier0-help .step-tried").nth(1).check();
  await page.locator("tier0-help .step-tried").nth(0).evaluate((box) => box.closest("ol").scrollIntoView({ block: "start" }));
  await page.screenshot({ path: out });
  if (page.problems.length) console.error(page.problems);
  console.log(`screenshot in ${out}`);
} finally {
  await browser.close();
  await site.close();
  await host.close();
  await cleanup();
}

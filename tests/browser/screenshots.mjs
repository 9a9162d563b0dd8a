// Screenshots of the search UI for review (not a test):
//   node tests/browser/screenshots.mjs [OUT_DIR]   (default /tmp/tier0-screenshots)
// Builds the example knowledge base, then for desktop / tablet / phone in
// light and dark: the idle header, results with the second one chosen, and
// the "nothing found" state.

import { mkdir } from "node:fs/promises";
import path from "node:path";

import { buildSite, cleanup, launch, openPage, REPO, serve, typeQuery } from "./harness.mjs";

const out = path.resolve(process.argv[2] || "/tmp/tier0-screenshots");
await mkdir(out, { recursive: true });
const server = await serve(await buildSite(REPO));
const browser = await launch();
const screens = { desktop: { width: 1280, height: 800 }, tablet: { width: 820, height: 900 }, phone: { width: 390, height: 844 } };
try {
  for (const [screen, viewport] of Object.entries(screens)) {
    for (const colorScheme of ["light", "dark"]) {
      const phone = screen === "phone";
      const context = await browser.newContext({ viewport, colorScheme, isMobile: phone, hasTouch: phone });
      const page = await openPage(context);
      const shot = (state) => page.screenshot({ path: path.join(out, `search-${screen}-${colorScheme}-${state}.png`) });
      await page.goto(server.url + "en/red/wifi-no-conecta/index.html");
      await shot("idle");
      await typeQuery(page, "password");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await shot("results");
      await page.goto(server.url + "index.html?q=impresoraa&category=vpn");
      await page.waitForSelector(".search-empty:not([hidden])");
      await shot("empty");
      if (page.problems.length) console.error(screen, colorScheme, page.problems);
      await context.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
  await cleanup();
}

// The screenshots of the default theme in README.md (not a test):
//   node tests/browser/readme-screenshots.mjs
// Builds the example knowledge base and writes, in light colours,
// docs/screenshots/article-desktop.png (an article at 1280×800: section
// sidebar, the fix first, the sticky table of contents) and
// docs/screenshots/home-phone.png (the home page at 390×844: the compact
// header and the search first). Run it again after changing the theme.

import { mkdir } from "node:fs/promises";
import path from "node:path";

import { buildSite, cleanup, launch, openPage, REPO, serve } from "./harness.mjs";

const out = path.join(REPO, "docs/screenshots");
const SHOTS = [
  { file: "article-desktop.png", page: "red/wifi-no-conecta/index.html", viewport: { width: 1280, height: 800 }, phone: false },
  { file: "home-phone.png", page: "en/index.html", viewport: { width: 390, height: 844 }, phone: true },
];

await mkdir(out, { recursive: true });
const server = await serve(await buildSite(REPO));
const browser = await launch();
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: shot.viewport, colorScheme: "light", reducedMotion: "reduce",
      isMobile: shot.phone, hasTouch: shot.phone, deviceScaleFactor: 1,
    });
    const page = await openPage(context);
    await page.goto(server.url + shot.page);
    await page.screenshot({ path: path.join(out, shot.file) });
    if (page.problems.length) throw new Error(`${shot.page}: ${page.problems.join("; ")}`);
    await context.close();
    console.log(path.relative(REPO, path.join(out, shot.file)));
  }
} finally {
  await browser.close();
  await server.close();
  await cleanup();
}

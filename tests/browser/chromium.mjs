// How Chromium is launched, for the browser tests and the search benchmark
// (bench/search/measure.mjs): Debian's package, or $CHROMIUM, headless.
// playwright-core gives every launch a fresh temporary profile (its own
// mkdtemp user-data dir, removed on close).
//
// Not a test file itself (node --test only runs *.test.mjs here), and free
// of imports, so that a script with its own node_modules can use it.

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** The options of playwright-core's `chromium.launch`. */
export const LAUNCH_OPTIONS = Object.freeze({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync"],
});

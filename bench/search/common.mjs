// What the search benchmarks share: Pagefind's indexer run on a built
// tier0 site, and a static server over the site (Pagefind's bundle under
// /pagefind/) that records what it sends.

import { execFile } from "node:child_process";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// Pagefind indexes only what tier0 indexes: the article (root selector
// `article.article`; pages without it, i.e. the home, section, tier and
// /kb/ redirect pages, are skipped) minus the table of contents, the meta
// lines, the translation link, the heading anchors and the "still stuck" box.
export const PAGEFIND_ARGS = [
  "--root-selector", "article.article",
  "--exclude-selectors", "nav.toc",
  "--exclude-selectors", ".article-meta",
  "--exclude-selectors", ".translations",
  "--exclude-selectors", ".heading-anchor",
  "--exclude-selectors", "aside.still-stuck",
];

/** An empty page of the served origin, to run engines in. */
export const BLANK = "/__bench/blank.html";

/** Runs Pagefind's indexer (bench/search/node_modules) on `site`, writing its bundle to `out`. */
export function runPagefind(site, out) {
  const bin = path.join(HERE, "node_modules", ".bin", "pagefind");
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(bin, ["--site", site, "--output-path", out, ...PAGEFIND_ARGS], { maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const seconds = (performance.now() - started) / 1000;
        if (error) return reject(new Error(`pagefind failed: ${error.message}\n${stdout}\n${stderr}`));
        const pages = Number((/Indexed (\d+) pages/.exec(stdout) || [])[1]);
        const words = Number((/Indexed (\d+) words/.exec(stdout) || [])[1]);
        const version = (/Running Pagefind (v\S+)/.exec(stdout) || [])[1];
        resolve({ seconds, pages, words, version });
      });
  });
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".json": "application/json", ".css": "text/css",
  ".wasm": "application/wasm", ".xml": "application/xml" };

/**
 * Serves `site` on 127.0.0.1 (Pagefind's bundle from `pagefindDir` under
 * /pagefind/), logging `{path, status, raw, file}` of every response.
 */
export function startServer(site, pagefindDir) {
  const log = [];
  const server = http.createServer(async (req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (urlPath === BLANK) {
      res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" });
      res.end('<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body></body></html>');
      return;
    }
    const [root, rel] = pagefindDir && urlPath.startsWith("/pagefind/")
      ? [pagefindDir, urlPath.slice("/pagefind/".length)] : [site, urlPath.slice(1)];
    let file = path.join(root, rel);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    let info = await stat(file).catch(() => null);
    if (info && info.isDirectory()) { file = path.join(file, "index.html"); info = await stat(file).catch(() => null); }
    if (!info || !info.isFile()) {
      log.push({ path: urlPath, status: 404, raw: 0, file: null });
      res.writeHead(404).end();
      return;
    }
    log.push({ path: urlPath, status: 200, raw: info.size, file });
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream",
      "content-length": info.size, "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ server, log, origin: `http://127.0.0.1:${server.address().port}` })));
}

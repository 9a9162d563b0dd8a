// Load benchmark of `tier0 insights serve`: how many events a second the
// collector accepts on this machine, and their latency, from a bounded load
// generator on 127.0.0.1; then the crash check: the collector is killed
// (SIGKILL) in the middle of a load, restarted, and every event it had
// acknowledged must be in the database.
//
//   node bench/insights/load.mjs [--events 20000] [--concurrency 32] [--runs 5]
//   scripts/with-postgres node bench/insights/load.mjs   # PostgreSQL too
//
// Needs the release binary (cargo build --release) or $TIER0_BIN. Each run
// uses a fresh database (a SQLite file in a temporary folder, or a new
// PostgreSQL database when TIER0_TEST_POSTGRES names a server). The events
// are a realistic mix (views, searches, answers, contacts) of the example
// knowledge base's articles. Prints medians over the runs, and one line of
// JSON for BENCHMARKS.md.

import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = process.env.TIER0_BIN || path.join(REPO, "target/release/tier0");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg("events", 20000);
const CONCURRENCY = arg("concurrency", 32);
const RUNS = arg("runs", 5);

const ARTICLES = ["KB-1001", "KB-1002", "KB-1003", "KB-1007", "KB-1010"];
function event(i) {
  const article = ARTICLES[i % ARTICLES.length];
  switch (i % 10) {
    case 0: case 1: case 2: case 3:
      return { type: "view", lang: "es", edition: "public", article };
    case 4: case 5:
      return { type: "search", lang: "es", edition: "public", query: `impresora ${i % 50}`, results: i % 7, ...(i % 7 ? { clicked: article, rank: 1 } : {}) };
    case 6: case 7:
      return { type: "feedback", lang: "es", edition: "public", article, helpful: i % 3 === 0, steps: ["paso-1", "paso-2"] };
    default:
      return { type: "escalate", lang: "es", edition: "public", article, channel: "mail", steps: ["paso-1"] };
  }
}

let databases = 0;
async function freshDatabase(dir) {
  databases += 1;
  const server = process.env.TIER0_TEST_POSTGRES;
  if (!server) return path.join(dir, `load-${databases}.db`);
  const name = `load_${process.pid}_${databases}`;
  await run("psql", [server, "-q", "-c", `CREATE DATABASE ${name}`]);
  return server.replace(/\/[^/]*$/, `/${name}`);
}

async function start(site, database) {
  const child = spawn(BIN, ["insights", "serve", "--quiet", "--root", site, "--database", database, "--port", "0", "--rate-limit", "100000000"], { stdio: ["ignore", "pipe", "ignore"] });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the collector exited (${code})`)));
  });
  const url = new URL(line.match(/http:\/\/\S+\/events/)[0]);
  return { child, url };
}

/** Sends `count` events with `concurrency` in flight; resolves with latencies (ms) of acknowledged ones. */
function load(url, count, concurrency, onAck = () => {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let next = 0;
  let failed = 0;
  const one = () => new Promise((resolve) => {
    const body = JSON.stringify(event(next++));
    const started = performance.now();
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers: { "content-type": "text/plain;charset=UTF-8", "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => {
        if (res.statusCode === 204) { latencies.push(performance.now() - started); onAck(); } else failed += 1;
        resolve();
      });
    });
    req.on("error", () => { failed += 1; resolve(); });
    req.end(body);
  });
  const worker = async () => { while (next < count) await one(); };
  const started = performance.now();
  return Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    agent.destroy();
    return { latencies, failed, seconds: (performance.now() - started) / 1000 };
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

async function stored(site, database) {
  const { stdout } = await run(BIN, ["insights", "report", "--root", site, "--database", database, "--format", "json", "--since", "2000-01-01"], { maxBuffer: 64 << 20 });
  const t = JSON.parse(stdout).totals;
  return Math.round(t.views) + t.searches + t.helpful + t.unhelpful + t.escalations;
}

const dir = await mkdtemp(path.join(tmpdir(), "tier0-insights-load-"));
try {
  const site = path.join(dir, "site");
  for (const part of ["tier0.yaml", "content"]) await cp(path.join(REPO, part), path.join(site, part), { recursive: true });
  const kind = process.env.TIER0_TEST_POSTGRES ? "PostgreSQL" : "SQLite";
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const database = await freshDatabase(dir);
    const collector = await start(site, database);
    const { latencies, failed, seconds } = await load(collector.url, EVENTS, CONCURRENCY);
    collector.child.kill("SIGTERM");
    await new Promise((resolve) => collector.child.once("exit", resolve));
    const kept = await stored(site, database);
    if (failed || kept !== EVENTS) throw new Error(`run ${r + 1}: ${failed} failed, ${kept} of ${EVENTS} stored`);
    runs.push({ rate: EVENTS / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) });
    console.log(`run ${r + 1}: ${(EVENTS / seconds).toFixed(0)} events/s, p50 ${quantile(latencies, 0.5).toFixed(2)} ms, p99 ${quantile(latencies, 0.99).toFixed(2)} ms`);
  }

  // Killed mid-load: every acknowledged event must survive.
  const database = await freshDatabase(dir);
  const collector = await start(site, database);
  let acknowledged = 0;
  const loading = load(collector.url, EVENTS * 10, CONCURRENCY, () => { acknowledged += 1; });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  collector.child.kill("SIGKILL");
  await loading;
  const restarted = await start(site, database);
  restarted.child.kill("SIGTERM");
  await new Promise((resolve) => restarted.child.once("exit", resolve));
  const kept = await stored(site, database);
  const crash = { acknowledged, stored: kept, lost: Math.max(0, acknowledged - kept) };
  console.log(`killed mid-load: ${acknowledged} acknowledged, ${kept} stored after restart, ${crash.lost} lost`);

  const summary = {
    database: kind, events: EVENTS, concurrency: CONCURRENCY, runs: RUNS,
    events_per_second: Math.round(median(runs.map((r) => r.rate))),
    p50_ms: Number(median(runs.map((r) => r.p50)).toFixed(2)),
    p99_ms: Number(median(runs.map((r) => r.p99)).toFixed(2)),
    crash,
  };
  console.log(JSON.stringify(summary));
  if (crash.lost > 0) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}

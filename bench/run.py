"""Benchmark tier0 on generated knowledge bases.

    python3 bench/run.py [--sizes 1000,10000] [--runs 5] [--tier0 target/release/tier0] [--json FILE]
                         [--sections build,search,serve,real] [--real-copies 8]

Builds the release binary if it is missing (cargo build --release), writes
the corpora bench/corpus-<N>/ with gen_corpus.py if they are missing (delete
one to regenerate it), then runs each benchmark section for each size and
prints one Markdown table per section. Exits non-zero, with the failing
command's stderr, if any run fails.

Sections: `build` times a clean `tier0 build --verbose` into a fresh output
folder (under --out-dir), `--runs` times after one uncounted warm-up, and
reports wall time (median, min, max), the child's peak RSS (os.wait4, Linux
ru_maxrss in KiB), the size of the output, and the time of each stage from
the verbose output, with the search index's share of the build. After each
clean build it times a rebuild into the same folder, which also deletes the
site it replaces: what a writer running `tier0 build` again waits for. `search`
builds the corpus once and runs bench/search/measure.mjs on the output (node,
Debian's Chromium at /usr/bin/chromium or $CHROMIUM; `npm ci` in bench/search
first if its node_modules is missing): tier0's client-side search against
Pagefind indexing the same HTML, bytes fetched before the first results,
query time with the shards loaded and index size on disk (see that script).
`real` builds real documentation (real_corpus.py: the folders of
../shared/corpus/ unedited, once and `--real-copies` times) alternated with
the generated corpus of each size, and reports the MB/s of Markdown each
builds and how many times faster the generated corpus goes.
`--sections build,search` picks sections (default: all). To add a section
(incremental rebuild…), write a measure function returning a dict of numbers
for one corpus and a table function turning those dicts into Markdown, and
list both in SECTIONS.

Python 3.11 standard library only (the search section also needs node and npm).
"""

import argparse
import functools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import gen_corpus
import real_corpus
import serve_bench

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_TIER0 = REPO / "target" / "release" / "tier0"
MIB = 1024 * 1024


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


# --------------------------------------------------------------------------
# Preparation

def ensure_tier0(path):
    """The tier0 binary at path; the default release binary is built if missing."""
    if path.exists():
        return path
    if path != DEFAULT_TIER0:
        raise BenchError(f"{path} does not exist")
    log("target/release/tier0 is missing: running cargo build --release")
    if subprocess.run(["cargo", "build", "--release"], cwd=REPO).returncode != 0 or not path.exists():
        raise BenchError("cargo build --release failed")
    return path


def ensure_corpus(articles):
    """bench/corpus-<articles>/, generated (through a staging folder, so an
    interrupted run leaves nothing that looks complete) if missing."""
    corpus = BENCH / f"corpus-{articles}"
    if corpus.exists():
        return corpus
    staging = BENCH / f"corpus-{articles}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    started = time.perf_counter()
    gen_corpus.generate(staging, articles)
    staging.rename(corpus)
    log(f"generated {corpus.name} in {time.perf_counter() - started:.1f} s")
    return corpus


# --------------------------------------------------------------------------
# Measuring

class Run(NamedTuple):
    """What one run of a command cost."""
    wall: float        # seconds
    peak_kib: int      # peak RSS of the child
    user: float        # CPU seconds in user mode
    system: float      # CPU seconds in the kernel
    stderr: str


def timed_run(command, allowed=(0,)):
    """Run command; return its Run. Raises BenchError with the command's
    stderr if its exit code is not one of allowed."""
    command = [str(part) for part in command]
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)   # reaped here, not by Popen
        stderr.seek(0)
        message = stderr.read().decode(errors="replace")
        if child.returncode not in allowed:
            raise BenchError(f"`{' '.join(command)}` exited with {child.returncode}:\n{message}")
    peak_kib = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(wall, peak_kib, usage.ru_utime, usage.ru_stime, message)


# Stages `tier0 build --verbose` announces, in order, as "  0.123 s  <stage> (N articles)".
STAGES = ["parsing", "linking", "rendering", "indexing", "writing"]


def stage_seconds(verbose_stderr, wall):
    """Seconds spent in each stage, from the start times a verbose build prints
    (the last stage ends with the process)."""
    starts = {}
    for line in verbose_stderr.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] == "s" and parts[2] in STAGES:
            starts[parts[2]] = float(parts[0])
    if list(starts) != STAGES:
        raise BenchError(f"unexpected verbose output, stages seen: {list(starts)}")
    ends = [starts[stage] for stage in STAGES[1:]] + [wall]
    return {stage: end - starts[stage] for stage, end in zip(STAGES, ends)}


def tree_size(root):
    """(total bytes, number of files) under root."""
    total = files = 0
    for path in root.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            files += 1
    return total, files


def measure_build(tier0, corpus, runs, out_dir):
    """Clean builds of corpus into a new output folder each time, each
    followed by a rebuild over its output."""
    walls, rebuilds, peaks, stages = [], [], [], {stage: [] for stage in STAGES}
    with tempfile.TemporaryDirectory(prefix="tier0-bench-", dir=out_dir) as scratch:
        for run in range(runs + 1):            # run 0 is the warm-up
            out = Path(scratch) / f"out-{run}"
            command = [tier0, "build", "--root", corpus, "--out", out, "--verbose"]
            built = timed_run(command)
            rebuilt = timed_run(command)
            log(f"build {corpus.name} {'warm-up' if run == 0 else f'run {run}/{runs}'}: "
                f"{built.wall:.2f} s, rebuild {rebuilt.wall:.2f} s")
            if run:
                walls.append(built.wall)
                rebuilds.append(rebuilt.wall)
                peaks.append(built.peak_kib)
                for stage, seconds in stage_seconds(built.stderr, built.wall).items():
                    stages[stage].append(seconds)
            if run < runs:
                shutil.rmtree(out)
        output_bytes, output_files = tree_size(out)
    return {"wall_s": walls, "rebuild_s": rebuilds, "peak_rss_kib": peaks, "stage_s": stages,
            "output_bytes": output_bytes, "output_files": output_files}


def build_table(rows):
    lines = ["| articles | median wall (s) | min (s) | max (s) | median rebuild (s) | median peak RSS (MiB) | output (MiB) | output files |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        walls = row["wall_s"]
        lines.append(f"| {row['articles']} | {statistics.median(walls):.2f} | {min(walls):.2f} | "
                     f"{max(walls):.2f} | {statistics.median(row['rebuild_s']):.2f} | "
                     f"{statistics.median(row['peak_rss_kib']) / 1024:.0f} | "
                     f"{row['output_bytes'] / MIB:.1f} | {row['output_files']} |")
    lines += ["", "Median seconds per stage (`tier0 build --verbose`); *search share* is the indexing stage (the search index, run beside the listing pages) over the median wall time, so an upper bound:", "",
              "| articles | " + " | ".join(STAGES) + " | search share |",
              "| ---: |" + " ---: |" * (len(STAGES) + 1)]
    for row in rows:
        medians = [statistics.median(row["stage_s"][stage]) for stage in STAGES]
        share = statistics.median(row["stage_s"]["indexing"]) / statistics.median(row["wall_s"])
        lines.append(f"| {row['articles']} | " + " | ".join(f"{m:.2f}" for m in medians) + f" | {share:.0%} |")
    return "\n".join(lines)


SEARCH_BENCH = BENCH / "search"


def ensure_search_bench():
    """bench/search/node_modules, installed from the lock file if missing."""
    # As scripts/test does: npm ci when node_modules is missing or older than
    # the lock file (npm ci writes node_modules/.package-lock.json).
    installed = SEARCH_BENCH / "node_modules" / ".package-lock.json"
    lock = SEARCH_BENCH / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise BenchError("the search section needs node and npm")
    log("bench/search/node_modules is missing or stale: running npm ci")
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=SEARCH_BENCH,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise BenchError(f"npm ci in bench/search failed:\n{done.stderr}")


def measure_search(tier0, corpus, runs, out_dir):
    """One build of corpus, then bench/search/measure.mjs on its output
    (`runs` is for the build section: the script repeats each query itself)."""
    ensure_search_bench()
    with tempfile.TemporaryDirectory(prefix="tier0-bench-search-", dir=out_dir) as scratch:
        site = Path(scratch) / "site"
        built = timed_run([tier0, "build", "--root", corpus, "--out", site, "--verbose"])
        stages = stage_seconds(built.stderr, built.wall)
        log(f"search: built {corpus.name} in {built.wall:.2f} s; running measure.mjs")
        numbers = Path(scratch) / "search.json"
        done = subprocess.run(["node", SEARCH_BENCH / "measure.mjs", site, "--json", numbers],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise BenchError(f"measure.mjs on {corpus.name} exited with {done.returncode}:\n{done.stderr}")
        measured = json.loads(numbers.read_text(encoding="utf-8"))
    return {"build_s": built.wall, "indexing_s": stages["indexing"], "measure": measured, "table": done.stdout.strip()}


def search_table(rows):
    parts = []
    for row in rows:
        pagefind = row["measure"].get("pagefind") or {}
        line = (f"tier0 build {row['build_s']:.2f} s, of which the indexing stage (the search index, "
                f"beside the listing pages) {row['indexing_s']:.2f} s ({row['indexing_s'] / row['build_s']:.0%})")
        if pagefind.get("seconds") is not None:
            line += f"; Pagefind's indexer on the built HTML: {pagefind['seconds']:.1f} s"
        parts.append(f"### {row['articles']} articles\n\n{line}.\n\n{row['table']}")
    return "\n\n".join(parts)


# Exit code of a build that published the site with some files left out for
# errors (README's exit codes): real documentation has a few such files.
EXIT_LEFT_OUT = 3


def measure_real(tier0, corpus, runs, out_dir, copies):
    """Clean builds of the real-documentation site (real_corpus.py), one copy
    and `copies` copies, alternated with builds of the generated corpus in
    the same rounds, so that the MB/s of each compare under one load."""
    sites = {"generated": corpus, "real-1": real_corpus.ensure_real_site(1, tier0),
             f"real-{copies}": real_corpus.ensure_real_site(copies, tier0)}
    sizes = {name: real_corpus.markdown_bytes(site / "content") for name, site in sites.items()}
    walls, stages = {name: [] for name in sites}, {name: {stage: [] for stage in STAGES} for name in sites}
    with tempfile.TemporaryDirectory(prefix="tier0-bench-real-", dir=out_dir) as scratch:
        for run in range(runs + 1):            # run 0 is the warm-up
            order = list(sites) if run % 2 else list(reversed(sites))
            for name in order:
                out = Path(scratch) / f"{name}-{run}"
                built = timed_run([tier0, "build", "--root", sites[name], "--out", out, "--verbose"],
                                  allowed=(0, EXIT_LEFT_OUT))
                shutil.rmtree(out)
                if run:
                    walls[name].append(built.wall)
                    for stage, seconds in stage_seconds(built.stderr, built.wall).items():
                        stages[name][stage].append(seconds)
            log(f"real: round {run}/{runs}: " + ", ".join(
                f"{name} {walls[name][-1]:.2f} s" for name in sites if run))
    return {"sites": {name: {"markdown_bytes": sizes[name], "wall_s": walls[name], "stage_s": stages[name]}
                      for name in sites}}


def real_table(rows):
    lines = ["| site | Markdown (MB) | median wall (s) | MB/s | generated MB/s ÷ this | "
             + " | ".join(STAGES) + " |",
             "| --- | ---: | ---: | ---: | ---: |" + " ---: |" * len(STAGES)]
    for row in rows:
        sites = row["sites"]
        rate = {name: site["markdown_bytes"] / 1e6 / statistics.median(site["wall_s"])
                for name, site in sites.items()}
        for name, site in sites.items():
            label = f"generated, {row['articles']} articles" if name == "generated" else name
            medians = [statistics.median(site["stage_s"][stage]) for stage in STAGES]
            lines.append(f"| {label} | {site['markdown_bytes'] / 1e6:.1f} | "
                         f"{statistics.median(site['wall_s']):.2f} | {rate[name]:.1f} | "
                         f"{rate['generated'] / rate[name]:.2f} | "
                         + " | ".join(f"{m:.2f}" for m in medians) + " |")
    return "\n".join(lines)


# name: (measure(tier0, corpus, runs, out_dir) -> dict, table(rows) -> Markdown)
SECTIONS = {
    "build": (measure_build, build_table),
    "search": (measure_search, search_table),
    "serve": (lambda *args: serve_bench.measure_serve(*args, log=log), serve_bench.serve_table),
    "real": (measure_real, real_table),
}


# --------------------------------------------------------------------------
# Command line

def log(message):
    print(message, file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes in articles (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="counted runs per size (default 5)")
    parser.add_argument("--tier0", type=Path, default=DEFAULT_TIER0,
                        help="tier0 binary (default target/release/tier0, built if missing)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers to this file")
    parser.add_argument("--out-dir", type=Path,
                        help="folder for build outputs (default: the system temp folder); "
                             "/dev/shm takes the disk out of the measurement")
    parser.add_argument("--real-copies", type=int, default=8,
                        help="copies of ../shared/corpus/ in the real section's large site (default 8)")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run (default {','.join(SECTIONS)})")
    args = parser.parse_args(argv)
    args.sections = [name for name in args.sections.split(",") if name]
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown or not args.sections:
        parser.error(f"--sections: unknown {unknown}, choose among {', '.join(SECTIONS)}")
    try:
        args.sizes = [int(size) for size in args.sizes.split(",")]
    except ValueError:
        parser.error("--sizes must be comma-separated integers")
    if args.runs < 1 or min(args.sizes) < 1 or args.real_copies < 1:
        parser.error("--runs, --sizes and --real-copies must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    try:
        tier0 = ensure_tier0(args.tier0.resolve())
        corpora = {size: ensure_corpus(size) for size in args.sizes}
        results = {"tier0": str(tier0), "runs": args.runs, "cpus": os.cpu_count(),
                   "platform": platform.platform(), "out_dir": str(args.out_dir or tempfile.gettempdir())}
        for name in args.sections:
            measure, table = SECTIONS[name]
            if name == "real":
                measure = functools.partial(measure_real, copies=args.real_copies)
            rows = [{"articles": size, **measure(tier0, corpus, args.runs, args.out_dir)}
                    for size, corpus in corpora.items()]
            results[name] = rows
            print(f"## {name}\n\n{table(rows)}\n", flush=True)
    except (BenchError, serve_bench.ServeBenchError, real_corpus.RealCorpusError) as error:
        log(f"bench: {error}")
        return 1
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

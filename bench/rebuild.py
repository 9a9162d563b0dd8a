"""What `tier0 build` costs after one article changed, and what it rewrites.

    python3 bench/rebuild.py [--tier0 target/release/tier0] [--corpus bench/corpus-10000]
                             [--runs 7] [--out-dir /dev/shm]

Copies the corpus into a scratch folder (the corpus itself is never
edited), builds it once, then alternates, `runs` times each: a build after
appending a paragraph to one article (a different one each time), the same
with `--no-cache` (every page rendered again), a build with nothing
changed, and a clean build into an empty folder. Prints the
median wall time of each with the stage times `--verbose` reports, the
output's file count by top-level folder, and after each one-article build
how many files got a new inode (written again) rather than keeping theirs
(linked from the previous site because their bytes did not change).

Python 3.11 standard library only.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from run import BENCH, DEFAULT_TIER0, STAGES, BenchError, ensure_tier0, log, stage_seconds, timed_run


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tier0", type=Path, default=DEFAULT_TIER0, help="tier0 binary (default: the release build)")
    parser.add_argument("--corpus", type=Path, default=BENCH / "corpus-10000",
                        help="site to build (default bench/corpus-10000; bench/run.py generates it)")
    parser.add_argument("--runs", type=int, default=7, help="counted builds of each kind (default 7)")
    parser.add_argument("--out-dir", type=Path, help="scratch folder (default: the system temp folder)")
    return parser.parse_args(argv)


def inodes(out):
    """Every file of the site at out, by path, with its inode."""
    found = {}
    for folder, _, files in os.walk(out):
        for name in files:
            path = os.path.join(folder, name)
            found[os.path.relpath(path, out)] = os.stat(path).st_ino
    return found


def by_folder(files):
    """File counts by top-level folder of the site (files at the root count as `/`)."""
    counts = Counter(path.split(os.sep, 1)[0] if os.sep in path else "/" for path in files)
    return counts.most_common()


def articles(site):
    """The Markdown articles of the site, in a fixed order."""
    return sorted(p for p in (site / "content").rglob("*.md") if not p.name.startswith("_"))


def build(tier0, site, out, *more):
    return timed_run([tier0, "build", "--verbose", "--root", site, "--out", out, *more])


def kept(run):
    """How many article pages a verbose build says it kept from the last one."""
    for line in run.stderr.splitlines():
        if "article page(s) kept" in line:
            return int(line.split()[0])
    raise BenchError("the build did not say how many pages it kept")


def append(article, text):
    with article.open("a", encoding="utf-8") as f:
        f.write(text)


def measure(tier0, corpus, runs, scratch):
    site = scratch / "site"
    shutil.copytree(corpus, site)
    out = scratch / "out"
    build(tier0, site, out)
    sources = articles(site)
    step = max(1, len(sources) // (2 * runs + 1))
    results = {"one article": [], "one article, --no-cache": [], "nothing": [], "clean": []}
    rewritten = []
    for i in range(runs):
        before = inodes(out)
        append(sources[(2 * i + 1) * step], f"\nA paragraph added by bench/rebuild.py, run {i}.\n")
        run = build(tier0, site, out)
        results["one article"].append(run)
        after = inodes(out)
        rewritten.append(sum(1 for path, ino in after.items() if before.get(path) != ino))
        append(sources[(2 * i + 2) * step], f"\nA paragraph added by bench/rebuild.py, run {i}.\n")
        results["one article, --no-cache"].append(build(tier0, site, out, "--no-cache"))
        results["nothing"].append(build(tier0, site, out))
        clean = scratch / "clean"
        results["clean"].append(build(tier0, site, clean, "--no-cache"))
        shutil.rmtree(clean)
        log(f"run {i + 1}/{runs}: one article {run.wall:.2f} s, {kept(run)} pages kept, "
            f"{rewritten[-1]} files rewritten")
    return results, rewritten, inodes(out)


def report(results, rewritten, files):
    median = statistics.median
    lines = ["| build | median wall (s) | min (s) | CPU (s) | peak RSS (MiB) | pages kept | "
             + " | ".join(f"{s} (s)" for s in STAGES) + " |",
             "| --- | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in STAGES) + " |"]
    for name, runs in results.items():
        stages = [stage_seconds(r.stderr, r.wall) for r in runs]
        lines.append(
            f"| {name} | {median(r.wall for r in runs):.3f} | {min(r.wall for r in runs):.2f} | "
            f"{median(r.user + r.system for r in runs):.2f} | {median(r.peak_kib for r in runs) / 1024:.0f} | "
            f"{median(kept(r) for r in runs):.0f} | "
            + " | ".join(f"{median(s.get(stage, 0.0) for s in stages):.3f}" for stage in STAGES) + " |")
    lines.append("")
    lines.append(f"Files written again after a one-article change (median of {len(rewritten)}): "
                 f"{median(rewritten):.0f} of {len(files)}; every other file kept its inode.")
    lines.append("")
    lines.append("| folder | files |")
    lines.append("| --- | ---: |")
    for folder, count in by_folder(files):
        lines.append(f"| {folder} | {count} |")
    lines.append(f"| total | {len(files)} |")
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    try:
        tier0 = ensure_tier0(args.tier0.resolve())
        with tempfile.TemporaryDirectory(prefix="tier0-rebuild-", dir=args.out_dir) as scratch:
            results, rewritten, files = measure(tier0, args.corpus.resolve(), args.runs, Path(scratch))
    except BenchError as error:
        log(f"rebuild: {error}")
        return 1
    print(report(results, rewritten, files))
    return 0


if __name__ == "__main__":
    sys.exit(main())

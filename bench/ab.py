"""Compare tier0 binaries on one corpus, run by run.

    python3 bench/ab.py BINARY BINARY... [--corpus bench/corpus-10000] [--runs 10] [--out-dir /dev/shm]

This machine's speed drifts by up to 20 % over a day (BENCHMARKS.md says
why), more than most changes are worth, so binaries are never timed one
after the other: each round runs every binary once, in turn, each a clean
`tier0 build --quiet` into a fresh output folder, after one uncounted
round. Every other round runs them in reverse order: on the benchmark
corpus, whose pages the kernel keeps evicting, the same binary measured
about 60 ms slower in second place than in first. Prints one Markdown row
per binary: median wall time, its minimum, median CPU time (user + system,
then each) and median peak RSS.

To compare a change, keep a copy of the release binary before it
(`cp target/release/tier0 /tmp/tier0-before`), build the change, and run
`python3 bench/ab.py /tmp/tier0-before target/release/tier0`.

Python 3.11 standard library only.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from run import BENCH, BenchError, log, timed_run


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binaries", nargs="+", type=Path, help="tier0 binaries to compare")
    parser.add_argument("--corpus", type=Path, default=BENCH / "corpus-10000",
                        help="site to build (default bench/corpus-10000; bench/run.py generates it)")
    parser.add_argument("--runs", type=int, default=10,
                        help="counted rounds (default 10: as many in each order)")
    parser.add_argument("--out-dir", type=Path,
                        help="folder for build outputs (default: the system temp folder)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be positive")
    for binary in args.binaries:
        if not binary.is_file():
            parser.error(f"{binary} is not a file")
    if not (args.corpus / "content").is_dir():
        parser.error(f"{args.corpus} has no content/ folder (generate it with bench/run.py)")
    return args


def compare(binaries, corpus, runs, out_dir):
    """Per binary, the list of its counted Runs."""
    results = {binary: [] for binary in binaries}
    with tempfile.TemporaryDirectory(prefix="tier0-ab-", dir=out_dir) as scratch:
        out = Path(scratch) / "out"
        for round_ in range(runs + 1):                # round 0 is the warm-up
            for binary in binaries if round_ % 2 else binaries[::-1]:
                run = timed_run([binary, "build", "--quiet", "--root", corpus, "--out", out])
                shutil.rmtree(out)
                log(f"{'warm-up' if round_ == 0 else f'round {round_}/{runs}'} {binary}: {run.wall:.2f} s")
                if round_:
                    results[binary].append(run)
    return results


def table(results):
    median = statistics.median
    lines = ["| binary | median wall (s) | min (s) | CPU (s) | user (s) | system (s) | peak RSS (MiB) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for binary, runs in results.items():
        lines.append(f"| {binary} | {median(r.wall for r in runs):.3f} | {min(r.wall for r in runs):.2f} | "
                     f"{median(r.user + r.system for r in runs):.2f} | {median(r.user for r in runs):.2f} | "
                     f"{median(r.system for r in runs):.2f} | {median(r.peak_kib for r in runs) / 1024:.0f} |")
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    try:
        results = compare([b.resolve() for b in args.binaries], args.corpus, args.runs, args.out_dir)
    except BenchError as error:
        log(f"ab: {error}")
        return 1
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

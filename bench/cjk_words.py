#!/usr/bin/env python3
"""Are words inside Chinese sentences found? For each article of a built
site's content folder, one two-letter window drawn (fixed seed) from a run
of four or more Han letters of its text, searched complete with
`tier0 search --json`; counts the articles found in the first 10.

    python3 bench/cjk_words.py TIER0 SITE [SITE...]

Each SITE is a site folder already built by TIER0 whose articles have no
`id` (their id is their path, `/` as `-`); landing pages (`README.md`,
`index.md`, `_index.md`) are not searched for.
"""

import json
import os
import random
import re
import subprocess
import sys

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
LANDING = ("README.md", "index.md", "_index.md")


def queries(content):
    """(article id, query) for each article of `content` with a Han run."""
    rng = random.Random(7)
    found = []
    for root, _, names in sorted(os.walk(content)):
        for name in sorted(names):
            if not name.endswith(".md") or name in LANDING:
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                text = re.sub(r"^---.*?---", "", f.read(), flags=re.S)
            runs = HAN_RUN.findall(text)
            if not runs:
                continue
            run = rng.choice(runs)
            at = rng.randrange(1, len(run) - 2)
            rel = os.path.relpath(path, content)
            found.append((rel.rsplit(".", 1)[0].replace(os.sep, "-"), run[at : at + 2]))
    return found


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    tier0, sites = argv[1], argv[2:]
    for site in sites:
        asked = queries(os.path.join(site, "content"))
        hits = 0
        for want, query in asked:
            run = subprocess.run(
                [tier0, "search", "--root", site, "--json", query + " "],
                capture_output=True,
                text=True,
                check=False,
            )
            results = json.loads(run.stdout)["results"] if run.stdout.strip() else []
            hits += any(r.get("id") == want for r in results[:10])
        print(f"{site}: {hits} / {len(asked)} found in the first 10")


if __name__ == "__main__":
    main(sys.argv)

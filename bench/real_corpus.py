"""A knowledge base made of real documentation, for the `real` section of run.py.

    python3 bench/real_corpus.py OUTDIR [--copies 8] [--tier0 target/release/tier0]

The generated corpus (gen_corpus.py) has a help desk's vocabulary and
article length; real documentation has a far larger vocabulary, longer
pages, code, tables and other tools' Markdown dialects, and that is what an
organisation brings. This assembles the folders of ../shared/corpus/ (real
third-party docs, byte for byte: Hugo, MkDocs, Docusaurus, Zola, VitePress,
mdBook) into one tier0 site, unedited, as a new user would: `tier0 init`,
then each folder copied to `content/<copy>/<folder>/`, with only
`default_language` set in the config.

`--copies N` repeats the whole set in N top folders (`r1/`, `r2/`, …) to
reach the size of the generated benchmark corpus (8 copies: about 60 MB of
Markdown, as the 10,000-article corpus). Copies add pages, not vocabulary,
so a single copy is also worth measuring: run.py reports both MB/s.

Output is a pure function of the arguments and the corpus. Python 3.11
standard library only.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
CORPUS = BENCH.parent.parent / "shared" / "corpus"
MARKDOWN = (".md", ".mdx", ".markdown")


class RealCorpusError(Exception):
    """The real corpus could not be assembled; the message says why."""


def corpus_folders(corpus=CORPUS):
    """The documentation folders of the shared corpus, sorted."""
    if not corpus.is_dir():
        raise RealCorpusError(f"{corpus} is missing: the real-content benchmark needs ../shared/corpus/")
    return sorted(path for path in corpus.iterdir() if path.is_dir())


def markdown_bytes(root):
    """Total bytes of the Markdown sources under root: what MB/s divides."""
    return sum(path.stat().st_size for path in root.rglob("*")
               if path.is_file() and path.suffix in MARKDOWN)


def assemble(out, copies, tier0, corpus=CORPUS):
    """Write the site to out (through a staging folder, so an interrupted run
    leaves nothing that looks complete)."""
    staging = out.with_name(out.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    done = subprocess.run([str(tier0), "init", str(staging)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RealCorpusError(f"`tier0 init {staging}` exited with {done.returncode}:\n{done.stderr}")
    content = staging / "content"
    shutil.rmtree(content)
    folders = corpus_folders(corpus)
    for copy in range(1, copies + 1):
        for folder in folders:
            shutil.copytree(folder, content / f"r{copy}" / folder.name)
    config = staging / "tier0.yaml"
    text = config.read_text(encoding="utf-8")
    text, changed = re.subn(r"(?m)^default_language:.*$", "default_language: en", text)
    if changed != 1:
        raise RealCorpusError(f"{config}: no `default_language:` line to set")
    config.write_text(text, encoding="utf-8")
    staging.rename(out)


def ensure_real_site(copies, tier0):
    """bench/real-<copies>/, assembled if missing (delete it to rebuild)."""
    site = BENCH / f"real-{copies}"
    if not site.exists():
        assemble(site, copies, tier0)
    return site


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the site to (must not exist)")
    parser.add_argument("--copies", type=int, default=8, help="copies of the corpus (default 8)")
    parser.add_argument("--tier0", type=Path, default=BENCH.parent / "target" / "release" / "tier0",
                        help="tier0 binary, for `tier0 init` (default target/release/tier0)")
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists")
    if args.copies < 1:
        parser.error("--copies must be positive")
    try:
        assemble(args.out, args.copies, args.tier0)
    except RealCorpusError as error:
        print(f"real_corpus: {error}", file=sys.stderr)
        return 1
    print(f"{args.out}: {markdown_bytes(args.out / 'content') / 1e6:.1f} MB of Markdown")
    return 0


if __name__ == "__main__":
    sys.exit(main())

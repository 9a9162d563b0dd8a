"""The `serve` section of bench/run.py: how fast `tier0 serve` shows an edit.

Starts `tier0 serve` on a corpus and times, on `runs` different articles,
how long after a body edit is saved the page with the new text is served
(polling every 2 ms); then, on `runs` articles, how long after a title is
edited, and after it is restored, the rebuilt site is served; then, `runs`
times, how long after a new article is created, and after it is deleted;
then how long a full rebuild takes after tier0.yaml is rewritten. Every
edited file is restored and every created one removed.
"""

import json
import statistics
import subprocess
import time
import urllib.request


class ServeBenchError(Exception):
    """The dev server did not do what was expected in time."""


def http_get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def wait_until(condition, what, timeout=120):
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise ServeBenchError(f"timed out waiting for {what}")
        time.sleep(0.002)


def article_sources(corpus, count):
    """The first `count` default-language articles of the corpus."""
    paths = sorted((corpus / "content").rglob("*.md"))
    return [p for p in paths if not p.name.startswith("_index") and "." not in p.stem][:count]


def measure_serve(tier0, corpus, runs, out_dir, log):
    server = subprocess.Popen([str(tier0), "serve", "--root", str(corpus), "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base = server.stdout.readline().split(" at ")[1].split()[0]
        status = lambda: json.loads(http_get(base + "__tier0/status"))
        wait_until(lambda: status()["generation"] >= 1, "the first build")
        urls = {(a["id"], a["lang"]): a["url"] for a in json.loads(http_get(base + "articles.json"))["articles"]}
        saves = []
        for n, path in enumerate(article_sources(corpus, runs)):
            original = path.read_text(encoding="utf-8")
            article_id = next(line[4:].strip().strip('"') for line in original.splitlines() if line.startswith("id: "))
            page = base + urls[(article_id, "es")].lstrip("/")
            marker = f"bench-marker-{n}-{time.time_ns()}"
            try:
                started = time.perf_counter()
                path.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
                wait_until(lambda: marker.encode() in http_get(page), f"{marker} on {page}")
                saves.append(time.perf_counter() - started)
            finally:
                path.write_text(original, encoding="utf-8")
            wait_until(lambda: marker.encode() not in http_get(page), "the article to be restored")
            log(f"serve {corpus.name}: save {n + 1} served after {saves[-1] * 1000:.0f} ms")
        retitled = []
        for n, path in enumerate(article_sources(corpus, runs)):
            original = path.read_text(encoding="utf-8")
            edited = original.replace("\ntitle: ", f"\ntitle: Bench {n} ", 1)
            try:
                retitled.append(timed_change(status, lambda: path.write_text(edited, encoding="utf-8")))
            finally:
                retitled.append(timed_change(status, lambda: path.write_text(original, encoding="utf-8")))
            log(f"serve {corpus.name}: title edit {n + 1} served after {retitled[-2][0] * 1000:.0f} ms "
                f"({retitled[-2][1]}), restored after {retitled[-1][0] * 1000:.0f} ms ({retitled[-1][1]})")
        created, deleted = [], []
        folder = article_sources(corpus, 1)[0].parent
        for n in range(runs):
            new = folder / f"bench-new-{n}.md"
            front = f"---\nid: BENCH-{n}\ntitle: Artículo nuevo {n}\n---\n\nTexto nuevo.\n"
            try:
                created.append(timed_change(status, lambda: new.write_text(front, encoding="utf-8")))
            finally:
                deleted.append(timed_change(status, new.unlink))
            log(f"serve {corpus.name}: create {n + 1} served after {created[-1][0] * 1000:.0f} ms "
                f"({created[-1][1]}), delete after {deleted[-1][0] * 1000:.0f} ms ({deleted[-1][1]})")
        config = corpus / "tier0.yaml"
        before = status()["generation"]
        started = time.perf_counter()
        config.write_bytes(config.read_bytes())
        wait_until(lambda: status()["generation"] > before, "the full rebuild")
        full = time.perf_counter() - started
        log(f"serve {corpus.name}: full rebuild served after {full:.2f} s")
    finally:
        server.kill()
        server.wait()
    return {"save_to_served_s": saves, "full_rebuild_s": full,
            "front_matter_to_served_s": [t for t, _ in retitled],
            "create_to_served_s": [t for t, _ in created], "delete_to_served_s": [t for t, _ in deleted],
            "create_delete_rebuilt": sorted({kind for _, kind in created + deleted})}


def timed_change(status, change):
    """Seconds from `change()` until the next build is served, and what it rebuilt."""
    before = status()["generation"]
    started = time.perf_counter()
    change()
    wait_until(lambda: status()["generation"] > before, "the rebuild")
    return time.perf_counter() - started, status()["rebuilt"]


def serve_table(rows):
    lines = ["| articles | save → served, median (ms) | min (ms) | max (ms) | title edit → served, median (ms) "
             "| new article → served, median (ms) | deleted article → served, median (ms) | rebuilt "
             "| full rebuild (s) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    for row in rows:
        saves = row["save_to_served_s"]
        lines.append(f"| {row['articles']} | {statistics.median(saves) * 1000:.0f} | {min(saves) * 1000:.0f} | "
                     f"{max(saves) * 1000:.0f} | {statistics.median(row['front_matter_to_served_s']) * 1000:.0f} | "
                     f"{statistics.median(row['create_to_served_s']) * 1000:.0f} | "
                     f"{statistics.median(row['delete_to_served_s']) * 1000:.0f} | "
                     f"{', '.join(row['create_delete_rebuilt'])} | {row['full_rebuild_s']:.2f} |")
    return "\n".join(lines)

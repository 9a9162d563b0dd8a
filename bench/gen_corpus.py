"""Generate a synthetic tier0 knowledge base for benchmarks.

    python3 bench/gen_corpus.py OUTDIR --articles N [--seed S] [--words 800] [--en-share 0.3]

writes OUTDIR/tier0.yaml and OUTDIR/content/<category>/*.md: N articles over
12 categories, about 70 % Spanish and 30 % English, a tenth of the English
ones translations of Spanish ones (same id, `slug.en.md` beside `slug.md`).
The format is the one of docs/authoring.md.

Why synthetic rather than copies of the example content: build time and
search-index size depend on the number of articles, their length, how many
distinct words they use and how those words are distributed. The bodies are
built from help-desk vocabulary (vocab.py) drawn with a Zipf-like
distribution, inflected so that stemming has work to do, and laid out like
real articles: headings, one numbered procedure (steps), lists, sometimes a
table, a code block or an alert, and 1–3 links to other generated articles.
Every link resolves (same language or the default language; step anchors
only where the target has that step), so `tier0 build` must succeed.

Output is a pure function of the arguments (one seeded random.Random), and
10,000 articles take a few seconds. Python 3.11 standard library only.
"""

import argparse
import datetime
import itertools
import json
import random
import re
import sys
import time
import unicodedata
from array import array
from dataclasses import dataclass, field
from pathlib import Path

import site_data as data
import vocab

DEFAULT_LANGUAGE = "es"
LANGUAGES = ("es", "en")
TRANSLATED_SHARE = 0.10     # of the English articles, those that translate a Spanish one
FIRST_ID = 1001
FIRST_DATE = datetime.date(2024, 1, 1)
LAST_PUBLISHED = datetime.date(2026, 6, 30)
LAST_DATE = datetime.date(2026, 12, 31)
STEP_ANCHOR = {"es": "paso", "en": "step"}   # ids of top-level ordered list items
AGREEMENT = {"es": {"ms": 0.35, "fs": 0.35, "mp": 0.15, "fp": 0.15}, "en": {"s": 0.7, "p": 0.3}}

TABLE_SIZE = 1 << 16        # sampling tables are indexed by random 16-bit numbers
CHUNK = 4096                # random numbers drawn at a time per sampler


# --------------------------------------------------------------------------
# Sampling

def sample_table(pairs):
    """A list of TABLE_SIZE items in which each item of (item, weight) pairs
    appears in proportion to its weight, at least once."""
    total = sum(weight for _, weight in pairs)
    counts = [max(1, int(weight / total * TABLE_SIZE)) for _, weight in pairs]
    top = counts.index(max(counts))
    counts[top] += TABLE_SIZE - sum(counts)
    assert counts[top] > 0, "too many items for one sampling table"
    table = []
    for (item, _), count in zip(pairs, counts):
        table += [item] * count
    return table


def sampler(pairs, rng):
    """Endless iterator of items drawn by weight. Random numbers are drawn in
    bulk and mapped in C, which is what makes millions of words cheap."""
    table = sample_table(pairs)
    while True:
        indices = array("H", rng.randbytes(2 * CHUNK))
        if sys.byteorder == "big":
            indices.byteswap()
        yield from map(table.__getitem__, indices)


def zipf_pairs(items):
    """(item, weight) pairs with Zipf weights by position."""
    return [(item, vocab.zipf(rank)) for rank, item in enumerate(items)]


class Slot:
    """Template slot filled from the article being written (its topic,
    products, error codes); cycles through the words it was given."""

    def __init__(self):
        self._words = iter(())

    def fill(self, words):
        self._words = itertools.cycle(words)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._words)


# --------------------------------------------------------------------------
# Sentences

class Language:
    """Writes text in one language from the templates of site_data.TEXT."""

    def __init__(self, code, rng):
        self.code = code
        self.text = data.TEXT[code]
        classes = vocab.spanish_classes() if code == "es" else vocab.english_classes()
        classes["FAIL"] = zipf_pairs(self.text["fail"])
        classes["UI"] = zipf_pairs([f"**{label}**" for label in self.text["ui"]])
        classes["TECH"] = zipf_pairs([f"`{word}`" for word in data.TECH])
        self.streams = {key: sampler(pairs, rng) for key, pairs in classes.items()}
        self.slots = {"TOPIC": Slot(), "PRODUCT": Slot(), "CODE": Slot()}
        self.fixes = [(" ,", ","), (" ?", "?"), (" :", ":")]
        if code == "es":
            self.fixes += [(" de el ", " del "), (" a el ", " al ")]
        self.kinds = {kind: sampler(self.compile(templates), rng)
                      for kind, templates in self.text["templates"].items()}

    def compile(self, templates):
        """(iterators, weight) for every template and agreement of its noun
        phrases: a sentence is then ' '.join(map(next, iterators))."""
        agreement = AGREEMENT[self.code]
        variants = []
        for template in templates:
            tokens = template.split()
            phrases = sorted({t[-1] for t in tokens if t[-1].isdigit()})
            for keys in itertools.product(agreement, repeat=len(phrases)):
                agree = dict(zip(phrases, keys))
                weight = 1.0 / len(templates)
                for key in keys:
                    weight *= agreement[key]
                iterators = tuple(it for token in tokens for it in self.expand(token, agree))
                variants.append((iterators, weight))
        return variants

    def expand(self, token, agree):
        """Iterators for one template token (see site_data's docstring)."""
        match = re.fullmatch(r"([A-Z0-9]+?)(\d?)", token)
        name, phrase = match.groups() if match else (token, "")
        key = agree.get(phrase, next(iter(AGREEMENT[self.code])))   # gender+number or number

        def agreeing(word_class):
            return self.streams[f"{word_class}:{key}"]

        if name == "NP":
            return [agreeing("DET"), agreeing("N")]
        if name == "NPA":
            adjective_last = self.code == "es"
            return [agreeing("DET")] + ([agreeing("N"), agreeing("A")] if adjective_last
                                        else [agreeing("A"), agreeing("N")])
        if name in ("N", "A", "PART") and phrase:
            return [agreeing(name)]
        if name in ("V", "SUBJ", "COP"):
            return [self.streams[f"{name}:{key[-1]}"]]
        if name in self.slots:
            return [self.slots[name]]
        if name in self.streams:
            return [self.streams[name]]
        return [itertools.repeat(token)]

    def use(self, article, markup):
        """Point TOPIC, PRODUCT and CODE at this article's words."""
        self.slots["TOPIC"].fill(article.topics)
        self.slots["PRODUCT"].fill(article.applies_to)
        codes = article.error_codes or data.CATEGORIES[article.category]["codes"] or data.GLOBAL_CODES
        self.slots["CODE"].fill([f"`{c}`" for c in codes] if markup else codes)

    def phrase(self, kind):
        """One capitalised phrase of the given template kind, no final stop."""
        text = " ".join(map(next, next(self.kinds[kind])))
        for old, new in self.fixes:
            text = text.replace(old, new)
        return text[0].upper() + text[1:]

    def sentence(self, kind="body"):
        return self.phrase(kind) + "."


# --------------------------------------------------------------------------
# Planning: which articles exist, what they are about, what they link to

@dataclass
class Article:
    lang: str
    id: str
    category: str
    type: str
    tier: str
    topic: int                  # index into the category's topics
    steps: int                  # number of top-level ordered list items
    error_codes: list
    applies_to: list
    dates: tuple                # date, updated, reviewed
    review_every: int | None
    author: str
    stem: str = ""              # file name without language suffix and .md
    slug: str | None = None     # explicit slug (translations)
    title: str = ""
    description: str = ""
    tags: list = field(default_factory=list)
    symptoms: list = field(default_factory=list)
    links: list = field(default_factory=list)   # (text, href)

    @property
    def file_name(self):
        suffix = "" if self.lang == DEFAULT_LANGUAGE else "." + self.lang
        return f"{self.stem}{suffix}.md"

    @property
    def topics(self):
        """The article's topic phrases, its own first and most often."""
        pairs = data.CATEGORIES[self.category]["topics"]
        own = pairs[self.topic][LANGUAGES.index(self.lang)]
        others = [p[LANGUAGES.index(self.lang)] for p in pairs if p[0] != pairs[self.topic][0]]
        return [own, own, others[self.topic % len(others)], own, others[-1 - self.topic % len(others)]]


def weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def new_article(rng, lang, number):
    """An article's language-independent facts."""
    category = weighted(rng, {c: d["weight"] for c, d in data.CATEGORIES.items()})
    cat = data.CATEGORIES[category]
    codes = []
    if rng.random() < 0.7:
        pool = cat["codes"] if cat["codes"] and rng.random() < 0.8 else data.GLOBAL_CODES
        codes = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    published = FIRST_DATE + datetime.timedelta(days=rng.randrange((LAST_PUBLISHED - FIRST_DATE).days))
    updated = min(LAST_DATE, published + datetime.timedelta(days=rng.randrange(300)))
    reviewed = updated if rng.random() < 0.7 else published + datetime.timedelta(
        days=rng.randrange((updated - published).days + 1))
    return Article(
        lang=lang, id=f"KB-{number}", category=category,
        type=weighted(rng, data.TYPE_WEIGHTS), tier=weighted(rng, data.TIER_WEIGHTS),
        topic=rng.randrange(len(cat["topics"])), steps=rng.randint(3, 8), error_codes=codes,
        applies_to=rng.sample(cat["products"], rng.randint(1, min(3, len(cat["products"])))),
        dates=(published, updated, reviewed),
        review_every=rng.choice((90, 180, 365)) if rng.random() < 0.2 else None,
        author=rng.choice(data.AUTHORS))


def translation(article):
    """The English twin of a Spanish article: same facts, new words."""
    return Article(lang="en", id=article.id, category=article.category, type=article.type,
                   tier=article.tier, topic=article.topic, steps=article.steps,
                   error_codes=article.error_codes, applies_to=article.applies_to,
                   dates=article.dates, review_every=article.review_every, author=article.author,
                   stem=article.stem)


def slugify(text, limit=60):
    """Lowercase ASCII words joined by '-', cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "articulo"


def unique(base, taken):
    """base, or base-2, base-3…: the first not in taken (which it joins)."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def describe(article, language, rng, taken):
    """Title, description, tags, symptoms and file name/slug, in the article's language."""
    language.use(article, markup=False)
    article.title = language.phrase("title:" + article.type)
    article.description = language.sentence("description")
    tags = [pair[LANGUAGES.index(article.lang)] for pair in data.CATEGORIES[article.category]["tags"]]
    article.tags = rng.sample(tags, rng.randint(2, min(4, len(tags))))
    article.symptoms = [language.phrase("symptom") for _ in range(rng.randint(1, 3))]
    slug = unique(slugify(article.title), taken)
    if article.stem:            # a translation keeps the original's file name
        article.slug = slug
    else:
        article.stem = slug


def plan_articles(count, en_share, languages, rng):
    """All articles with their front matter decided, Spanish first."""
    en_count = round(count * en_share)
    es_count = count - en_count
    translated = min(es_count, round(en_count * TRANSLATED_SHARE))
    taken = set()
    spanish = []
    for number in range(FIRST_ID, FIRST_ID + es_count):
        article = new_article(rng, "es", number)
        describe(article, languages["es"], rng, taken)
        spanish.append(article)
    english = []
    for original in rng.sample(spanish, translated):
        article = translation(original)
        describe(article, languages["en"], rng, taken)
        english.append(article)
    for number in range(FIRST_ID + es_count, FIRST_ID + es_count + en_count - translated):
        article = new_article(rng, "en", number)
        describe(article, languages["en"], rng, taken)
        english.append(article)
    return spanish + english


def plan_links(articles, rng):
    """1–3 links per article, to articles in its language or (for English)
    to Spanish articles that have no English version. Step anchors only to
    a target in the same language, so the anchor's language is certain."""
    translated = {a.id for a in articles if a.lang != DEFAULT_LANGUAGE}
    pools = {lang: [a for a in articles if a.lang == lang] for lang in LANGUAGES}
    pools["en"] += [a for a in pools["es"] if a.id not in translated]
    for article in articles:
        pool = pools[article.lang]
        wanted = rng.randint(1, 3)
        picks = [t for t in rng.sample(pool, min(len(pool), wanted + 1)) if t.id != article.id]
        for target in picks[:wanted]:
            if rng.random() < 0.5:
                href = target.id
            else:
                href = f"../{target.category}/{target.file_name}"
            if target.lang == article.lang and rng.random() < 0.3:
                href += f"#{STEP_ANCHOR[target.lang]}-{rng.randint(1, target.steps)}"
            article.links.append((target.title, href))


# --------------------------------------------------------------------------
# Writing Markdown

YAML_PLAIN = re.compile(r"[A-Za-z\u00C0-\u017F][\w .()/+&'-]*")
YAML_RESERVED = {"yes", "no", "true", "false", "null", "on", "off", "y", "n"}


def yaml_scalar(text):
    """text as a YAML scalar: plain when unambiguous, else double-quoted."""
    if YAML_PLAIN.fullmatch(text) and text.lower() not in YAML_RESERVED and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def yaml_block(value, indent=0):
    """Lines of a small YAML document (dicts, lists, strings, ints)."""
    pad = " " * indent
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines += [f"{pad}{key}:"] + yaml_block(item, indent + 2)
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            for element in item:
                nested = yaml_block(element, indent + 4)
                lines.append(f"{pad}  - {nested[0].lstrip()}")
                lines += nested[1:]
        elif isinstance(item, int):
            lines.append(f"{pad}{key}: {item}")
        else:
            lines.append(f"{pad}{key}: {yaml_scalar(item)}")
    return lines


def flow_list(items):
    return "[" + ", ".join(map(yaml_scalar, items)) + "]"


def front_matter(article):
    date, updated, reviewed = article.dates
    lines = ["---", f"id: {article.id}", f"title: {yaml_scalar(article.title)}",
             f"description: {yaml_scalar(article.description)}", f"tier: {article.tier}",
             f"type: {article.type}", f"tags: {flow_list(article.tags)}", "symptoms:"]
    lines += [f"  - {yaml_scalar(s)}" for s in article.symptoms]
    if article.error_codes:
        lines.append(f"error_codes: {flow_list(article.error_codes)}")
    lines += [f"applies_to: {flow_list(article.applies_to)}", f"date: {date}",
              f"updated: {updated}", f"reviewed: {reviewed}"]
    if article.review_every:
        lines.append(f"review_every: {article.review_every}")
    lines += [f"author: {yaml_scalar(article.author)}",
              f"team: {yaml_scalar(data.CATEGORIES[article.category]['team'])}"]
    if article.slug:
        lines.append(f"slug: {article.slug}")
    return "\n".join(lines + ["---"])


class BodyWriter:
    """Markdown body of one article, about `target` words long."""

    def __init__(self, article, language, rng, target):
        self.article, self.language, self.rng, self.target = article, language, rng, target
        self.text = language.text
        self.words = 0
        self.blocks = []

    def add(self, block):
        self.blocks.append(block)
        self.words += block.count(" ") + 1

    def sentences(self, count, kind="body"):
        return " ".join(self.language.sentence(kind) for _ in range(count))

    def paragraph(self, low=3, high=6):
        self.add(self.sentences(self.rng.randint(low, high)))

    def heading(self, level, text):
        self.add("#" * level + " " + text)

    def bullets(self, items):
        self.add("\n".join(f"- {item}" for item in items))

    def steps(self):
        items = []
        for number in range(1, self.article.steps + 1):
            item = f"{number}. {self.sentences(self.rng.randint(1, 2), 'step')}"
            if self.rng.random() < 0.15:
                item += "".join(f"\n   - {self.sentences(1, 'bullet')}" for _ in range(2))
            items.append(item)
        self.add("\n".join(items))

    def table(self):
        codes = self.article.error_codes or data.CATEGORIES[self.article.category]["codes"]
        rows = self.rng.randint(3, 5)
        if codes:
            header = self.text["table_codes"]
            first = [f"`{code}`" for code in itertools.islice(itertools.cycle(codes), rows)]
        else:
            header = self.text["table_values"]
            first = [next(self.language.streams["UI"]) for _ in range(rows)]
        lines = ["| " + " | ".join(header) + " |", "| --- | --- | --- |"]
        for cell in first:
            lines.append(f"| {cell} | {self.language.phrase('cell')} | {self.language.phrase('cell')} |")
        self.add("\n".join(lines))

    def code_block(self, commands):
        language = "powershell" if self.rng.random() < 0.7 else "text"
        self.add(f"```{language}\n{self.rng.choice(commands)}\n```")

    def alert(self):
        kind = weighted(self.rng, data.ALERT_WEIGHTS)
        self.add(f"> [!{kind}]\n> {self.sentences(self.rng.randint(1, 2))}")

    def link_paragraph(self, link):
        text, href = link
        lead = self.rng.choice(self.text["see_also"])
        self.add(f"{self.sentences(self.rng.randint(2, 4))} {lead} [{text}]({href}).")

    def write(self):
        article, rng = self.article, self.rng
        first, second, third, fourth = self.text["sections"][article.type]
        commands = data.CATEGORIES[article.category]["commands"]
        self.paragraph(2, 3)
        self.heading(2, first)
        if article.type in ("troubleshooting", "known-issue"):
            items = article.symptoms + [f"{self.text['error_seen']} `{c}`." for c in article.error_codes]
            self.bullets(item if item.endswith(".") else item + "." for item in items)
        else:
            self.bullets(self.sentences(1, "bullet") for _ in range(rng.randint(3, 5)))
        self.heading(2, second)
        self.paragraph()
        if article.type == "reference" or rng.random() < 0.2:
            self.table()
        self.heading(2, third)
        self.add(self.sentences(1))
        self.steps()
        if commands and rng.random() < 0.35:
            self.code_block(commands)
        if rng.random() < 0.3:
            self.alert()
        self.heading(2, fourth)
        if article.links:
            self.link_paragraph(article.links[0])
        else:
            self.paragraph()
        while self.words < self.target:
            self.heading(3, self.language.phrase("heading"))
            self.paragraph()
            if self.words < self.target and rng.random() < 0.4:
                self.paragraph()
        if len(article.links) > 1:
            self.heading(2, self.text["related"])
            self.bullets(f"[{text}]({href})" for text, href in article.links[1:])
        return "\n\n".join(self.blocks)


def article_source(article, language, rng, words):
    language.use(article, markup=True)
    body = BodyWriter(article, language, rng, words).write()
    return f"{front_matter(article)}\n\n{body}\n"


# --------------------------------------------------------------------------
# Site files

def config_yaml():
    tiers = [{key: tier[key] for key in ("id", "name", "description", "contact") if key in tier}
             for tier in data.TIERS]
    categories = {cid: {"title": c["title"], "description": c["description"], "order": order}
                  for order, (cid, c) in enumerate(data.CATEGORIES.items(), 1)}
    config = {
        "title": data.SITE_TITLE, "description": data.SITE_DESCRIPTION,
        "default_language": DEFAULT_LANGUAGE,
        "languages": [{"code": code, "name": data.LANGUAGE_NAMES[code]} for code in LANGUAGES],
        "escalation_tier": "L1", "tiers": tiers,
        "defaults": {"tier": "L3", "type": "troubleshooting", "audience": "public", "review_every": 365},
        "categories": categories,
    }
    return "# Benchmark corpus written by bench/gen_corpus.py\n" + "\n".join(yaml_block(config)) + "\n"


def index_page(title, description, weight=None):
    lines = ["---", f"title: {yaml_scalar(title)}", f"description: {yaml_scalar(description)}"]
    if weight is not None:
        lines.append(f"weight: {weight}")
    return "\n".join(lines + ["---", ""])


def index_name(lang):
    return "_index.md" if lang == DEFAULT_LANGUAGE else f"_index.{lang}.md"


def write(path, text):
    path.write_text(text, encoding="utf-8", newline="\n")


def generate(outdir, count, seed=1, words=800, en_share=0.3):
    """Write the site into outdir (which must be empty or missing); return
    counts of what was written."""
    if outdir.exists() and any(outdir.iterdir()):
        raise SystemExit(f"gen_corpus: {outdir} is not empty; remove it or choose another directory")
    rng = random.Random(seed)
    languages = {code: Language(code, rng) for code in LANGUAGES}
    articles = plan_articles(count, en_share, languages, rng)
    plan_links(articles, rng)

    content = outdir / "content"
    content.mkdir(parents=True)
    write(outdir / "tier0.yaml", config_yaml())
    for lang in LANGUAGES:
        write(content / index_name(lang), index_page(data.SITE_TITLE[lang], data.TEXT[lang]["home"]))
    for order, (cid, category) in enumerate(data.CATEGORIES.items(), 1):
        (content / cid).mkdir()
        for lang in LANGUAGES:
            write(content / cid / index_name(lang),
                  index_page(category["title"][lang], category["description"][lang], order))
    size = 0
    for article in articles:
        source = article_source(article, languages[article.lang], rng, words)
        write(content / article.category / article.file_name, source)
        size += len(source.encode())
    return {"articles": len(articles), "es": sum(a.lang == "es" for a in articles),
            "en": sum(a.lang == "en" for a in articles),
            "translations": sum(a.lang == "en" and a.slug is not None for a in articles),
            "bytes": size}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="directory to create (must be empty or missing)")
    parser.add_argument("--articles", type=int, required=True, help="number of article files")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--words", type=int, default=800, help="approximate words per article body")
    parser.add_argument("--en-share", type=float, default=0.3, help="share of English articles (default 0.3)")
    args = parser.parse_args(argv)
    if args.articles < 1 or not 0 <= args.en_share <= 1:
        parser.error("--articles must be positive and --en-share between 0 and 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    started = time.perf_counter()
    stats = generate(args.outdir, args.articles, args.seed, args.words, args.en_share)
    print(f"gen_corpus: {stats['articles']} articles ({stats['es']} es, {stats['en']} en, "
          f"{stats['translations']} translations), {stats['bytes'] / 1e6:.1f} MB "
          f"in {time.perf_counter() - started:.1f} s -> {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()

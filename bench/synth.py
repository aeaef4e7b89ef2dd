"""A seeded synthetic archive for `make bench`: articles assembled from real sentences with new names
and numbers.

Each synthetic article takes a real article as its template (its title, its first paragraphs, so
the lengths follow the real collection), mixes in paragraphs of sentences from other articles, then
renames people and organisations and changes every number. Names come from a pool that grows with
the archive and is drawn with a long tail, so that some people recur across many articles, as in a
real archive, and the number of entity pages grows with the number of articles.

    python -m bench.synth --corpus ../shared/corpus --out /tmp/archive --articles 1000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path

from generator.articles import Article, parse_article
from generator.errors import InputError

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z])")
NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?){1,2}\b")
NUMBER = re.compile(r"\d+")
KEEP = set(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday The A An In On At Of For And But He She They It We I This That
    These Those There Here When While After Before During Since As If Mr Mrs Ms Dr President Secretary
    Minister Prime Vice Governor Senator Representative General Chief Deputy Press Q Thank So Well Yes No""".split()
)
"""Words that start a capitalised run without being part of a name: such runs keep their first word."""
SYLLABLES = "ka ri lo ven sa mir to da nel vi ra gon bel tor mi an zel fe os ru ca lin dor pe si var mon ta".split()
MAX_WORDS = 900
"""Synthetic articles are news items, not transcripts: templates longer than this are cut."""


@dataclass(frozen=True)
class Source:
    title: str
    paragraphs: tuple[str, ...]
    license: str


def read_corpus(corpus: Path) -> list[Source]:
    """Every readable article of the corpus (Markdown with front matter), in name order."""
    sources = []
    for path in sorted(corpus.rglob("*.md")):
        if path.name == "SOURCES.md":
            continue
        try:
            article: Article = parse_article(path.read_bytes(), path.name)
        except InputError:
            continue
        license_text = str(article.metadata.get("license") or "public domain (US federal government work)")
        sources.append(Source(article.title, article.paragraphs, license_text))
    return sources


def sentences_of(sources: list[Source]) -> list[str]:
    return [s for source in sources for p in source.paragraphs for s in SENTENCE_END.split(p) if len(s) > 20]


class Renamer:
    """New names and numbers for one article: the same old name always gets the same new one."""

    def __init__(self, rng: random.Random, pool: list[str], weights: list[float]) -> None:
        self.rng, self.pool, self.weights = rng, pool, weights
        self.names: dict[str, str] = {}

    def name(self, match: re.Match[str]) -> str:
        words = match.group(0).split()
        prefix = ""
        while words and words[0] in KEEP:
            prefix += words.pop(0) + " "
        if len(words) < 2:
            return match.group(0)
        old = " ".join(words)
        if old not in self.names:
            new = self.rng.choices(self.pool, self.weights)[0]
            self.names[old] = new
            self.names[words[-1]] = new.split()[-1]
        return prefix + self.names[old]

    def number(self, match: re.Match[str]) -> str:
        digits = match.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(self.rng.randint(2000, 2024))
        low = 10 ** (len(digits) - 1) if len(digits) > 1 else 0
        return str(self.rng.randint(low, 10 ** len(digits) - 1))

    def __call__(self, text: str) -> str:
        text = NAME.sub(self.name, text)
        for old, new in self.names.items():
            if " " not in old:  # a surname mentioned alone later on
                text = re.sub(rf"\b{re.escape(old)}\b", new, text)
        return NUMBER.sub(self.number, text)


def name_pool(rng: random.Random, size: int) -> list[str]:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    names: set[str] = set()
    while len(names) < size:
        names.add(f"{word()} {word()}")
    return sorted(names)


def make_archive(sources: list[Source], count: int, seed: int) -> dict[str, str]:
    """`count` synthetic articles (file name → Markdown with front matter), the same for the same seed."""
    rng = random.Random(seed)
    pool = name_pool(rng, max(200, count * 3))
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(pool))]
    sentences = sentences_of(sources)
    start = dt.date(2019, 1, 1)
    files = {}
    for number in range(count):
        template = rng.choice(sources)
        paragraphs: list[str] = []
        words = 0
        for paragraph in template.paragraphs:
            if rng.random() < 0.25:
                paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
            if words > MAX_WORDS:
                break
        rename = Renamer(rng, pool, weights)
        body = "\n\n".join(rename(p) for p in paragraphs)
        title = rename(template.title).replace('"', "'")
        date = start + dt.timedelta(days=rng.randrange(6 * 365))
        files[f"synthetic-{number:05d}.md"] = (
            f'---\ntitle: "{title}"\ndate: {date.isoformat()}\n'
            f"source: synthetic article {number} (bench/synth.py, seed {seed})\n"
            f'license: "{template.license}"\n---\n\n{body}\n'
        )
    return files


def write_archive(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_archive(args.out, make_archive(read_corpus(args.corpus), args.articles, args.seed))


if __name__ == "__main__":
    main()

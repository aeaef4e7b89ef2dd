"""Draw a fixed random sample of a built site's entity pages or published facts, for a hand check:

    .venv/bin/python -m tools.sample --site build/demo/site --what entities --n 100 --seed 13
    .venv/bin/python -m tools.sample --site build/demo/site --what facts --n 100 --seed 14
    .venv/bin/python -m tools.sample --site build/demo/site --what transcript --n 20 --seed 32

Reads only `downloads/facts.json`. Each line shows what a checker needs to judge the item against its
article: the entity's name, type and aliases with up to two sentences that mention it, or the fact with
its sentence (and the sentence before, where the site shows a claim with it). The same site, size and seed always give the same sample.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FACT_KINDS = ("roles", "figures", "statements", "dates")


def load(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "downloads" / "facts.json").read_text(encoding="utf-8"))
    return data


def published(record: dict[str, Any]) -> bool:
    return record.get("published", True) is not False


def entity_lines(data: dict[str, Any], n: int, seed: int) -> Iterator[str]:
    """Entity pages (the site's people, organisations and places), each with two sentences citing it."""
    articles = {a["article"]["id"]: a for a in data["articles"]}
    pages = sorted(data["entities"], key=lambda e: e["id"])
    for number, page in enumerate(random.Random(seed).sample(pages, min(n, len(pages))), start=1):
        evidence: list[str] = []
        for article_id in page["articles"]:
            article = articles[article_id]
            sentences = {s["id"]: s["text"] for s in article["sentences"]}
            for record in article["entities"]:
                if record["id"] == page["id"]:
                    evidence.extend(f"[{article_id}] {sentences[s]}" for s in record.get("sentences", [])[:1])
            if len(evidence) >= 2:
                break
        aliases = ", ".join(page["aliases"]) or "-"
        yield f"{number}. {page['type']}: {page['name']} (id {page['id']}; also {aliases}; {len(page['articles'])} article(s))"
        yield from (f"    {line}" for line in evidence[:2])


def fact_lines(data: dict[str, Any], n: int, seed: int) -> Iterator[str]:
    """Published facts of every kind, drawn uniformly from all of them, each with its sentence."""
    names = {e["id"]: e["name"] for e in data["entities"]}
    ranges = _ranges(data["articles"])
    pool = list(_facts(data["articles"]))
    for number, (kind, record, sentence, article_id) in enumerate(
        random.Random(seed).sample(pool, min(n, len(pool))), start=1
    ):
        yield f"{number}. {kind[:-1]}: {_describe(kind, record, names, ranges, article_id)} [{article_id} {record.get('id')}]"
        yield f"    {sentence}"


TRANSCRIPT_MARKS = ("briefing", "gaggle")
"""Words of a transcript's article id: press briefings and gaggles."""


def transcript_lines(data: dict[str, Any], n: int, seed: int) -> Iterator[str]:
    """One transcript drawn with `seed` among the briefings and gaggles, then `n` of its published facts."""
    names = {e["id"]: e["name"] for e in data["entities"]}
    transcripts = sorted(
        (a for a in data["articles"] if any(mark in a["article"]["id"] for mark in TRANSCRIPT_MARKS)),
        key=lambda a: a["article"]["id"],
    )
    if not transcripts:
        return
    rng = random.Random(seed)
    article = rng.choice(transcripts)
    meta = article["article"]
    yield f"Article: {meta['id']} — {meta['title']} (dated {meta['date']}; source file {meta.get('source', '?')})"
    pool = list(_facts([article]))
    for number, (kind, record, sentence, _) in enumerate(rng.sample(pool, min(n, len(pool))), start=1):
        described = _describe(kind, record, names, _ranges([article]), meta["id"])
        yield f"{number}. {kind[:-1]}: {described} [{record.get('id')}]"
        yield f"    {sentence}"


def _ranges(articles: Iterable[dict[str, Any]]) -> dict[Any, str]:
    """(article id, sentence, written text) → "low–high" for the two ends of each range, as the site shows."""
    ends: dict[Any, dict[str, Any]] = {}
    for article in articles:
        for record in article.get("figures", []):
            if record.get("qualifier") in {"at least", "at most"}:
                ends.setdefault((article["article"]["id"], record.get("sentence"), record.get("text")), {})[
                    record["qualifier"]
                ] = record["value"]
    return {key: f"{pair['at least']}–{pair['at most']}" for key, pair in ends.items() if len(pair) == 2}


def _facts(articles: Iterable[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any], str, str]]:
    for article in sorted(articles, key=lambda a: a["article"]["id"]):
        sentences = {s["id"]: s["text"] for s in article["sentences"]}
        for kind in FACT_KINDS:
            for record in article.get(kind, []):
                if published(record):
                    shown = sentences.get(record.get("sentence", ""), "")
                    if record.get("context") in sentences:  # the site shows the sentence a claim leans on
                        shown += f"\n    (shown after: {sentences[record['context']]})"
                    yield kind, record, shown, article["article"]["id"]


def _describe(
    kind: str, record: dict[str, Any], names: dict[str, str], ranges: dict[Any, str] | None = None, article_id: str = ""
) -> str:
    def name(ref: Any) -> str:
        return names.get(str(ref), str(ref))

    if kind == "roles":
        return f"{name(record['entity'])} is {record['title']}"
    if kind == "figures":
        shown = (ranges or {}).get((article_id, record.get("sentence"), record.get("text")))
        if shown is not None:  # one end of a range: the site shows the range as one row
            return f"{shown} {record.get('unit', '')} ({record.get('text', '')})"
        return f"{record.get('qualifier', '')} {record['value']} {record.get('unit', '')} ({record.get('text', '')})".strip()
    if kind == "statements":
        speaker = name(record["speaker"]) if record.get("speaker") else record.get("speaker_text", "?")
        return f"{speaker} {record.get('cue', 'said')}: {record['content']}"
    return f"{record['date']} ({record.get('text', '')})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, required=True, help="a built site folder")
    parser.add_argument("--what", choices=("entities", "facts", "transcript"), default="entities")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    data = load(args.site)
    drawn = {"entities": entity_lines, "facts": fact_lines, "transcript": transcript_lines}[args.what]
    lines = drawn(data, args.n, args.seed)
    for line in lines:
        print(line)  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())

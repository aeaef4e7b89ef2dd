"""Downloads rebuilt with the site: every fact as JSON, the figures as CSV. Pure: text out."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.render.model import Collection

CSV_COLUMNS = [
    "article_id",
    "article_date",
    "article_title",
    "article_url",
    "figure_id",
    "qualifier",
    "value",
    "unit",
    "counts",
    "actor",
    "action",
    "sentence",
    "published",
]


def facts_json(collection: Collection) -> str:
    """Entities (canonical, linked across articles) and each article's facts, in a stable order; the facts
    the publishing threshold held back are there too, marked `"published": false`."""
    entities = [
        {
            "id": page.id,
            "name": page.name,
            "type": page.type,
            "aliases": sorted(page.aliases),
            "description": page.canonical.description or None,
            "wikidata": page.canonical.wikidata or None,
            "website": page.canonical.website or None,
            "articles": sorted({item.article.id for item in page.articles}),
        }
        for page in sorted(collection.entities.values(), key=lambda p: p.id)
    ]
    articles = (
        {key: value for key, value in (item.all_facts or item.facts).items() if key != "extraction"}
        for item in sorted(collection.articles, key=lambda a: a.article.id)
    )
    # One record per line, each encoded on its own and joined once: json.dumps of the whole document
    # with an indent goes through the pure-Python encoder, which at 10,000 articles holds tens of
    # millions of small strings (over a gigabyte) before joining them.
    parts = ['{"format": "factsheet-facts/1",\n"entities": [']
    parts.extend(f"{',' if i else ''}\n{_json(entity)}" for i, entity in enumerate(entities))
    parts.append('\n],\n"articles": [')
    parts.extend(f"{',' if i else ''}\n{_json(article)}" for i, article in enumerate(articles))
    parts.append("\n]}\n")
    return "".join(parts)


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def figures_csv(collection: Collection) -> str:
    """One row per figure, held-back ones with `published` false; text cells that a spreadsheet would run
    as a formula are defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in sorted(collection.articles, key=lambda a: (a.date, a.article.id)):
        sentences = {s["id"]: s["text"] for s in item.facts["sentences"]}
        for figure in (item.all_facts or item.facts)["figures"]:
            actor = collection.entities.get(figure.get("actor") or "")
            writer.writerow(
                [
                    item.article.id,
                    item.date,
                    _cell(item.title),
                    _cell(item.facts["article"].get("url") or ""),
                    figure["id"],
                    figure.get("qualifier") or "",
                    figure["value"],
                    _cell(figure["unit"]),
                    _cell(figure.get("counts") or ""),
                    _cell(actor.name if actor else ""),
                    _cell(figure.get("action") or ""),
                    _cell(sentences.get(figure["sentence"], "")),
                    "false" if figure.get("published") is False else "true",
                ]
            )
    return out.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

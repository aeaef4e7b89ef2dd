"""Rendering: the collection of facts in, Markdown pages out (path → text), through Jinja templates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import Markup

from generator.facts.candidates import Named, merge_candidates
from generator.render.charts import discrepancies, figure_series, svg_chart
from generator.render.downloads import facts_json, figures_csv
from generator.render.markdown import escape_markdown, finalize, safe_url
from generator.render.model import TYPE_FOLDERS, TYPE_TITLES, ArticleFacts, Collection, EntityPage, gather
from generator.render.review import REVIEW_SECTIONS, review

__all__ = ["gather", "make_environment", "page_count", "render_pages"]


def make_environment(templates: dict[str, str]) -> Environment:
    """Jinja for Markdown output: undefined names are errors, every value is escaped unless Markup."""
    env = Environment(
        loader=DictLoader(templates),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["url"] = safe_url
    env.filters["md"] = escape_markdown
    return env


FIXED_PAGES = 14
"""Pages besides one per article and one per entity: home, the indexes, figures, review, downloads."""


def page_count(collection: Collection) -> int:
    """How many files `render_pages` yields (for a progress bar)."""
    return len(collection.articles) + len(collection.entities) + FIXED_PAGES + len(review(collection, 0).pages)


def render_pages(collection: Collection, env: Environment, site: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every Markdown page of the site with its path under the docs folder, one at a time."""

    def render(path: str, template: str, **context: Any) -> tuple[str, str]:
        root = "../" * path.count("/")
        helpers = _Links(collection, root)
        return path, env.get_template(template).render(
            site=site, collection=collection, link=helpers, root=root, **context
        )

    yield render("index.md", "home.md.j2")
    yield render("articles/index.md", "articles.md.j2")
    for item in collection.articles:
        yield render(f"articles/{item.article.id}.md", "article.md.j2", item=item, paragraphs=_paragraphs(item))
    for kind, folder in TYPE_FOLDERS.items():
        yield render(
            f"{folder}/index.md",
            "entities.md.j2",
            kind=kind,
            heading=TYPE_TITLES[kind],
            entities=collection.by_type(kind),
        )
    for entity in collection.entities.values():
        yield render(f"{entity.folder}/{entity.id}.md", "entity.md.j2", entity=entity)
    yield render("figures/index.md", "figures.md.j2")
    series = figure_series(collection)
    yield render("figures/charts.md", "charts.md.j2", series=series, charts=[svg_chart(s, "../") for s in series])
    yield render("figures/discrepancies.md", "discrepancies.md.j2", discrepancies=discrepancies(collection))
    yield from _review_pages(collection, render, site)
    yield render("downloads/index.md", "downloads.md.j2")
    yield "downloads/facts.json", facts_json(collection)
    yield "downloads/figures.csv", figures_csv(collection)
    yield render("statements/index.md", "statements.md.j2", statements_by_speaker=_by_speaker(collection))
    yield render("timeline/index.md", "timeline.md.j2", timeline=_timeline(collection))


def _review_pages(collection: Collection, render: Any, site: dict[str, Any]) -> Iterator[tuple[str, str]]:
    summary = review(collection)
    thresholds = site.get("min_confidence") or {}
    candidates = merge_candidates(
        Named(page.id, page.name, page.type, len(page.articles)) for page in collection.entities.values()
    )
    yield render(
        "review/index.md",
        "review.md.j2",
        summary=summary,
        sections=REVIEW_SECTIONS,
        thresholds=thresholds,
        candidates=candidates,
    )
    for pages in (summary.by_article, summary.by_entity):
        for index, page in enumerate(pages):
            previous = pages[index - 1].path[len("review/") :] if index else ""
            following = pages[index + 1].path[len("review/") :] if index + 1 < len(pages) else ""
            yield render(
                page.path,
                "review_page.md.j2",
                page=page,
                number=index + 1,
                pages=len(pages),
                previous=previous,
                next=following,
            )


def _by_speaker(collection: Collection) -> list[tuple[str | None, str, list[tuple[dict[str, Any], ArticleFacts]]]]:
    groups: dict[tuple[str | None, str], list[tuple[dict[str, Any], ArticleFacts]]] = {}
    for statement, item in collection.statements():
        speaker = statement.get("speaker")
        name = (
            collection.entities[speaker].name
            if speaker in collection.entities
            else statement.get("speaker_text") or "Unknown speaker"
        )
        groups.setdefault((speaker, name), []).append((statement, item))
    return [
        (speaker, name, rows)
        for (speaker, name), rows in sorted(groups.items(), key=lambda g: (g[0][1].lower(), g[0][0] or ""))
    ]


def _timeline(collection: Collection) -> list[tuple[str, list[tuple[str, str, ArticleFacts, str]]]]:
    """Articles by their date and events by the date the text gives them, newest first."""
    days: dict[str, list[tuple[str, str, ArticleFacts, str]]] = {}
    for item in collection.articles:
        days.setdefault(item.date, []).append(("article", item.title, item, ""))
        sentences = {s["id"]: s["text"] for s in item.facts["sentences"]}
        for dated in item.facts["dates"]:
            days.setdefault(dated["date"], []).append(
                ("event", sentences.get(dated["sentence"], ""), item, dated["sentence"])
            )
    return sorted(days.items(), reverse=True)


class _Links:
    """Markdown links between pages, relative to the page being rendered."""

    def __init__(self, collection: Collection, root: str) -> None:
        self.collection = collection
        self.root = root

    def entity(self, entity_id: str | None, fallback: str | None = None) -> Markup:
        page = self.collection.entities.get(entity_id or "")
        if page is None:
            return escape_markdown(fallback or entity_id or "unknown")
        return Markup(f"[{escape_markdown(page.name)}]({self.root}{page.folder}/{page.id}.md)")

    def entity_page(self, page: EntityPage) -> Markup:
        return self.entity(page.id)

    def edit(self, item: ArticleFacts, edit_url: str, line: int | None = None) -> Markup:
        """A link to the article's fact file in the repository (at the record's line), if configured."""
        target = safe_url(edit_url + item.fact_file + (f"#L{line}" if line else "")) if edit_url else ""
        return Markup(f'<a href="{target}" rel="nofollow">edit</a>') if target else Markup("")

    def article(self, item: ArticleFacts, anchor: str = "") -> Markup:
        target = f"{self.root}articles/{item.article.id}.md" + (f"#{anchor}" if anchor else "")
        return Markup(f"[{escape_markdown(item.title)}]({target})")

    def sentence(self, item: ArticleFacts, sentence_id: str, label: str = "source") -> Markup:
        target = f"{self.root}articles/{item.article.id}.md#fs-{sentence_id}"
        return Markup(f'[{escape_markdown(label)}]({target} "{sentence_id}")')


def _paragraphs(item: ArticleFacts) -> list[Markup]:
    """The article's paragraphs, each cited sentence wrapped in an anchor the facts link to."""
    by_paragraph: dict[int, list[dict[str, Any]]] = {}
    for sentence in item.facts["sentences"]:
        by_paragraph.setdefault(int(sentence["paragraph"]), []).append(sentence)
    rendered = []
    for number, text in enumerate(item.article.paragraphs, start=1):
        parts: list[str] = []
        position = 0
        for sentence in sorted(by_paragraph.get(number, []), key=lambda s: int(s["start"])):
            start, end = int(sentence["start"]), int(sentence["end"])
            if start < position or end > len(text) or start >= end:
                continue  # offsets edited by hand or from another version of the text: show it plain
            parts.append(escape_markdown(text[position:start]))
            parts.append(
                f'<span class="fs-sentence" id="fs-{sentence["id"]}">{escape_markdown(text[start:end])}</span>'
            )
            position = end
        parts.append(escape_markdown(text[position:]))
        rendered.append(Markup("".join(parts)))
    return rendered

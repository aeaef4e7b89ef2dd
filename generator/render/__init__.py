"""Rendering: the collection of facts in, Markdown pages out (path → text), through Jinja templates."""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import Markup

from generator.facts.candidates import Named, merge_candidates
from generator.render.charts import Series, discrepancies, figure_series, svg_chart
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
    env.filters["figure_rows"] = figure_rows
    return env


def figure_rows(rows: Any) -> list[tuple[dict[str, Any], Any, str | None]]:
    """Figures as a reader sees them, each (figure, its article or None, the value shown or None): the two
    ends of one written range ("50-52%" is at least 50 and at most 52) are one row, "50–52". `rows` are
    figures or (figure, article) pairs."""
    out: list[tuple[dict[str, Any], Any, str | None]] = []
    for row in rows:
        figure, item = row if isinstance(row, tuple) else (row, None)
        if out:
            low, low_item, shown = out[-1]
            if low_item is item and shown is None and range_ends(low, figure):
                qualifier = low.get("qualifier")
                if qualifier == "from":
                    out[-1] = (low, low_item, f"from {low['value']} to {figure['value']}")
                    continue
                said = f"{qualifier} " if qualifier and qualifier != "at least" else ""
                out[-1] = (low, low_item, f"{said}{low['value']}–{figure['value']}")
                continue
        out.append((figure, item, None))
    return out


def range_ends(low: dict[str, Any], high: dict[str, Any]) -> bool:
    """Whether two figures are the ends of one written range: the same words of the same sentence, the second
    "at most" ("50-52%"; "about $920 to $1,730", whose low end keeps the "about" said of both), or the two
    ends of a change, "from" and "to" ("slowed from 4.8 percent to 4.7 percent")."""
    same = (low.get("text"), low.get("sentence")) == (high.get("text"), high.get("sentence"))
    ends = (low.get("qualifier"), high.get("qualifier"))
    return same and (ends == ("from", "to") or (ends[1] == "at most" and ends[0] not in {"at most", "from", "to"}))


FIXED_PAGES = 7
"""Pages besides the articles, the entities and the paginated lists: home, charts, review, downloads
(page and two files), search."""

PAGE_ROWS = 200
"""Rows per page of a long list (articles, speakers, statements, a month, figures, entities by letter):
about 100 KB of HTML with Material's frame, far below the 500 KB a page may weigh."""

CHART_POINTS = 40
"""Points each chart of the "Over time" page draws: the latest of its series. Every point is also on the
series' own pages, PAGE_ROWS to a page, chart and table; so no page grows with the collection (at 10,000
articles the one page of twelve whole series weighed 556 KB)."""

ENTITY_ROWS = 50
"""Statements, roles, figures and articles an entity's page shows in each section, newest first;
the rest are counted, and statements continue on the speaker's own pages."""


@dataclass(frozen=True)
class Pager:
    """Where a page of a long list is among its pages (docs paths, the first one the list's own)."""

    paths: tuple[str, ...]
    number: int

    @property
    def many(self) -> bool:
        return len(self.paths) > 1

    def links(self, root: str) -> Markup:
        """ "Page 1 · 2 · 3": the other pages linked, relative to a page at `root`; empty for one page."""
        if len(self.paths) < 2:
            return Markup("")
        parts = [
            f"**{n}**" if n == self.number else f"[{n}]({root}{path})" for n, path in enumerate(self.paths, start=1)
        ]
        return Markup("Page " + " · ".join(parts))


def paginate(rows: Sequence[Any], first: str, later: str) -> list[tuple[str, Sequence[Any], Pager]]:
    """`rows` cut in pages of PAGE_ROWS: (docs path, rows, pager); page n > 1 is at `later` with {n}."""
    chunks = [rows[start : start + PAGE_ROWS] for start in range(0, len(rows), PAGE_ROWS)] or [rows]
    paths = tuple(first if n == 1 else later.format(n=n) for n in range(1, len(chunks) + 1))
    return [(path, chunk, Pager(paths, n)) for n, (path, chunk) in enumerate(zip(paths, chunks, strict=True), 1)]


def page_count(collection: Collection) -> int:
    """How many files `render_pages` yields (for a progress bar)."""
    lists = _Lists(collection)
    return (
        len(collection.articles)
        + len(collection.entities)
        + FIXED_PAGES
        + len(lists.articles)
        + sum(len(pages) for pages in lists.entities.values())
        + len(lists.figures)
        + len(lists.discrepancies)
        + sum(len(pages) for _, pages in lists.series)
        + len(lists.speakers)
        + sum(len(pages) for _, _, pages in lists.statements)
        + 1
        + sum(len(pages) for _, pages in lists.months)
        + len(review(collection, 0).pages)
    )


class _Lists:
    """The long lists of the site, cut in pages."""

    def __init__(self, collection: Collection) -> None:
        self.articles = paginate(collection.articles, "articles/index.md", "articles/page/{n}.md")
        self.entities = {kind: _by_letter(collection.by_type(kind), folder) for kind, folder in TYPE_FOLDERS.items()}
        self.figures = paginate(collection.figures(), "figures/index.md", "figures/page/{n}.md")
        # one row per disagreeing figure, so that a page never holds more than PAGE_ROWS of them
        rows = [(d, point, i == 0) for d in discrepancies(collection) for i, point in enumerate(d.points)]
        self.discrepancies = paginate(rows, "figures/discrepancies.md", "figures/discrepancies/{n}.md")
        self.series = [
            (
                series,
                paginate(series.points, f"figures/series/{series.id}/index.md", f"figures/series/{series.id}/{{n}}.md"),
            )
            for series in figure_series(collection)
        ]
        speakers = _by_speaker(collection)
        self.statements = [
            (speaker, rows, paginate(rows, f"statements/{key}/index.md", f"statements/{key}/{{n}}.md"))
            for key, speaker, rows in speakers
        ]
        ranked = sorted(self.statements, key=lambda s: (-len(s[1]), s[0].name.lower(), s[0].key))
        self.speakers = paginate(ranked, "statements/index.md", "statements/page/{n}.md")
        self.months = [
            (month, paginate(events, f"timeline/{month}/index.md", f"timeline/{month}/{{n}}.md"))
            for month, events in _timeline_months(collection)
        ]


def render_pages(collection: Collection, env: Environment, site: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every Markdown page of the site with its path under the docs folder, one at a time."""

    def render(path: str, template: str, **context: Any) -> tuple[str, str]:
        root = "../" * path.count("/")
        helpers = _Links(collection, root)
        return path, env.get_template(template).render(
            site=site, collection=collection, link=helpers, root=root, **context
        )

    lists = _Lists(collection)
    series = [s for s, _ in lists.series]
    yield render("index.md", "home.md.j2", front=_front_page(collection, series))
    for path, rows, pager in lists.articles:
        yield render(path, "articles.md.j2", articles=rows, pager=pager)
    for item in collection.articles:
        yield render(f"articles/{item.article.id}.md", "article.md.j2", item=item, paragraphs=_paragraphs(item))
    for kind in TYPE_FOLDERS:
        for path, letter, rows, pager, letters in lists.entities[kind]:
            yield render(
                path,
                "entities.md.j2",
                kind=kind,
                heading=TYPE_TITLES[kind],
                entities=rows,
                letter=letter,
                letters=letters,
                pager=pager,
            )
    speaker_pages = {speaker.id: pages[0][0] for speaker, _, pages in lists.statements if speaker.id}
    for entity in collection.entities.values():
        more = speaker_pages.get(entity.id)
        yield render(f"{entity.folder}/{entity.id}.md", "entity.md.j2", entity=entity, rows=ENTITY_ROWS, more=more)
    for path, rows, pager in lists.figures:
        yield render(path, "figures.md.j2", figures=rows, pager=pager)
    latest = [replace(s, points=s.points[-CHART_POINTS:]) for s in series]
    yield render(
        "figures/charts.md",
        "charts.md.j2",
        series=[(s, pages[0][0], len(s.points)) for s, pages in lists.series],
        charts=[svg_chart(s, "../") for s in latest],
        shown=CHART_POINTS,
    )
    for whole, pages in lists.series:
        for path, rows, pager in pages:
            part = replace(whole, points=list(rows))
            yield render(
                path, "series.md.j2", series=whole, points=rows, chart=svg_chart(part, "../../../"), pager=pager
            )
    for path, rows, pager in lists.discrepancies:
        yield render(path, "discrepancies.md.j2", rows=rows, pager=pager)
    yield from _review_pages(collection, render, site)
    yield render("downloads/index.md", "downloads.md.j2")
    yield "downloads/facts.json", facts_json(collection)
    yield "downloads/figures.csv", figures_csv(collection)
    for path, rows, pager in lists.speakers:
        yield render(path, "statements.md.j2", speakers=rows, pager=pager)
    for speaker, _, pages in lists.statements:
        for path, rows, pager in pages:
            yield render(path, "speaker.md.j2", speaker=speaker, statements=rows, pager=pager)
    months = [(month, sum(len(rows) for _, rows, _ in pages), pages[0][0]) for month, pages in lists.months]
    yield render("timeline/index.md", "timeline.md.j2", months=months)
    for month, pages in lists.months:
        for path, rows, pager in pages:
            yield render(path, "month.md.j2", month=month, events=rows, pager=pager)
    yield render("search/index.md", "search.md.j2", bundle=Markup("../pagefind/pagefind.js"))


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


FRONT_ROWS = 8
"""Rows in each list of the front page."""


def _front_page(collection: Collection, series: list[Series]) -> dict[str, Any]:
    """What a reader following the story wants first: the figure series with their latest value and
    trend, the people most involved with their latest title, the latest statements and articles, and
    the latest dates the articles mark. Single figures are left out: only a series says what matters."""
    trends = []
    for s in series:
        latest = s.points[-1]
        earlier = [p for p in s.points if p.date < latest.date]
        change = latest.value - earlier[-1].value if earlier else None
        trends.append((s, latest, change))
    people = [
        (entity, str(entity.roles[0][0].get("title") or "") if entity.roles else "")
        for entity in collection.top("person", FRONT_ROWS)
    ]
    statements = list(islice(((s, a) for a in collection.articles for s in a.facts["statements"]), FRONT_ROWS))
    dated: list[tuple[str, str, ArticleFacts, str]] = []
    for item in collection.articles:
        sentences = {s["id"]: s["text"] for s in item.facts["sentences"]}
        dated.extend(
            (str(d["date"]), sentences.get(d["sentence"], ""), item, d["sentence"]) for d in item.facts["dates"]
        )
    dated.sort(key=lambda d: (d[0], d[2].article.id, d[3]), reverse=True)
    return {
        "series": trends,
        "people": people,
        "statements": statements,
        "articles": collection.articles[:FRONT_ROWS],
        "dates": dated[:FRONT_ROWS],
    }


@dataclass(frozen=True)
class Speaker:
    """Who made statements: an entity, or a name the articles give that no entity stands for."""

    key: str
    """The speaker's folder under statements/: the entity's id, or `said-` and a hash of the name."""
    id: str | None
    name: str


def _by_letter(
    entities: list[EntityPage], folder: str
) -> list[tuple[str, str, Sequence[EntityPage], Pager, list[tuple[str, int, str]]]]:
    """A list of entities on one page, or, when longer than a page, an index of initial letters and
    pages per letter: (docs path, letter or "", entities, pager, letters with count and path)."""
    if len(entities) <= PAGE_ROWS:
        return [(f"{folder}/index.md", "", entities, Pager((f"{folder}/index.md",), 1), [])]
    groups: dict[str, list[EntityPage]] = {}
    for entity in entities:
        initial = entity.name[:1].upper()
        groups.setdefault(initial if initial.isascii() and initial.isalpha() else "other", []).append(entity)
    pages = {
        letter: paginate(
            rows, f"{folder}/letter/{letter.lower()}/index.md", f"{folder}/letter/{letter.lower()}/{{n}}.md"
        )
        for letter, rows in sorted(groups.items())
    }
    letters = [(letter, len(groups[letter]), chunks[0][0]) for letter, chunks in pages.items()]
    top = sorted(entities, key=lambda e: (-len(e.articles), -e.mentions, e.name.lower(), e.id))[:PAGE_ROWS]
    index = (f"{folder}/index.md", "", top, Pager((f"{folder}/index.md",), 1), letters)
    return [index] + [
        (path, letter, rows, pager, letters) for letter, chunks in pages.items() for path, rows, pager in chunks
    ]


def _by_speaker(collection: Collection) -> list[tuple[str, Speaker, list[tuple[dict[str, Any], ArticleFacts]]]]:
    """(folder key, speaker, statements newest first) of every speaker, by name."""
    groups: dict[tuple[str | None, str], list[tuple[dict[str, Any], ArticleFacts]]] = {}
    for statement, item in collection.statements():
        speaker = statement.get("speaker")
        name = (
            collection.entities[speaker].name
            if speaker in collection.entities
            else statement.get("speaker_text") or "Unknown speaker"
        )
        groups.setdefault((speaker if speaker in collection.entities else None, name), []).append((statement, item))
    speakers = []
    for (speaker, name), rows in sorted(groups.items(), key=lambda g: (g[0][1].lower(), g[0][0] or "")):
        key = speaker or "said-" + hashlib.sha256(name.encode()).hexdigest()[:12]
        speakers.append((key, Speaker(key, speaker, name), rows))
    return speakers


def _timeline_months(collection: Collection) -> list[tuple[str, list[tuple[str, str, str, ArticleFacts, str]]]]:
    """Articles by their date and events by the date the text gives them, by month, newest first:
    (month, [(date, kind, text, article, sentence id)])."""
    months: dict[str, list[tuple[str, str, str, ArticleFacts, str]]] = {}
    for item in collection.articles:
        months.setdefault(item.date[:7], []).append((item.date, "article", item.title, item, ""))
        sentences = {s["id"]: s["text"] for s in item.facts["sentences"]}
        for dated in item.facts["dates"]:
            text = sentences.get(dated["sentence"], "")
            months.setdefault(str(dated["date"])[:7], []).append(
                (str(dated["date"]), "event", text, item, dated["sentence"])
            )
    return [
        (month, sorted(events, key=lambda e: e[0], reverse=True))  # stable: a day's articles, then events
        for month, events in sorted(months.items(), reverse=True)
    ]


MAX_CONTEXT_CHARS = 240
"""The most of the sentence before a claim that the claim is shown with: enough for who "they" are."""


class _Links:
    """Markdown links between pages, relative to the page being rendered."""

    def __init__(self, collection: Collection, root: str) -> None:
        self.collection = collection
        self.root = root
        self._sentences: dict[str, dict[str, str]] = {}

    def entity(self, entity_id: str | None, fallback: str | None = None) -> Markup:
        page = self.collection.entities.get(entity_id or "")
        if page is None:
            return escape_markdown(fallback or entity_id or "unknown")
        return Markup(f"[{escape_markdown(page.name)}]({self.root}{page.folder}/{page.id}.md)")

    def page(self, path: str, label: str) -> Markup:
        """A link to another generated page, by its docs path."""
        return Markup(f"[{escape_markdown(label)}]({self.root}{path})")

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

    def context(self, item: ArticleFacts, statement: dict[str, Any]) -> Markup:
        """ "— after “House Republicans left town …”": the sentence a claim leans on ("They haven't …")."""
        wanted = statement.get("context")
        if not wanted:
            return Markup("")
        if item.article.id not in self._sentences:
            self._sentences = {item.article.id: {s["id"]: str(s["text"]) for s in item.facts["sentences"]}}
        text = " ".join(self._sentences[item.article.id].get(wanted, "").split())
        if not text:
            return Markup("")
        shown = textwrap.shorten(text, MAX_CONTEXT_CHARS, placeholder=" …")
        return Markup(f" — after “{escape_markdown(shown)}”")


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

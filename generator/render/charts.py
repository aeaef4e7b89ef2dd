"""Figures over time: the same kind of figure reported by several articles becomes a series, drawn as
a static SVG at build time (readable without JavaScript), and disagreements between sources on one
date are listed. Pure: the collection in, data and markup out."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.articles import slugify
from generator.render.model import ArticleFacts, Collection

ACTIONS = {
    "released": {
        "release",
        "released",
        "releases",
        "releasing",
        "freed",
        "free",
        "frees",
        "set free",
        "returned",
        "reunited",
        "handed over",
        "let go",
        "exchanged",
        "swapped",
    },
    "killed": {"kill", "killed", "kills", "killing", "died", "dead", "slain", "murdered", "slaughtered", "massacred"},
    "wounded": {"wounded", "injured", "hurt"},
    "held": {"held", "hold", "holds", "holding", "taken", "kidnapped", "abducted", "captured", "detained"},
    "delivered": {"delivered", "entered", "crossed", "arrived", "went", "sent"},
    "evacuated": {"evacuated", "displaced", "fled", "left"},
}
"""Verbs that report the same event, so that "freed 12 hostages" and "released 12 hostages" are one
series. Figures with any other verb, or none, are not charted: a chart of unrelated counts misleads."""
NOT_COUNTED = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "time",
    "times",
    "yesterday",
    "today",
    "percent",
}
"""Units that measure time or share, not people or things an event happened to."""
MIN_POINTS = 3
MAX_SERIES = 12
WIDTH, HEIGHT, MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_RIGHT = 720, 320, 64, 40, 16, 20
"""The chart's own units; it is drawn at the content's full width, so 16 of them are about body-text size."""


@dataclass(frozen=True)
class Point:
    date: str
    value: float
    figure: dict[str, Any]
    item: ArticleFacts


@dataclass
class Series:
    id: str
    label: str
    points: list[Point] = field(default_factory=list)

    @property
    def dates(self) -> list[str]:
        return sorted({p.date for p in self.points})


@dataclass(frozen=True)
class Discrepancy:
    series: str
    date: str
    points: list[Point]


def series_label(figure: dict[str, Any]) -> str | None:
    """What a figure counts and what happened to it, as a series name ("hostages released"), or None
    if the figure says no comparable event."""
    unit = str(figure.get("unit") or "").strip().lower()
    words = re.findall(r"[a-z]+", unit)
    rate = ""
    if "per" in words[1:]:  # "trucks per day": a rate is a measure of its own, "trucks entered per day"
        at = words.index("per")
        words, rate = words[:at], " " + " ".join(words[at:])
    if not words:
        return None
    head = words[-1]
    if head in NOT_COUNTED:
        return None
    if head.endswith("ies") and len(head) > 4:
        head = head[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        head = head[:-1]
    action = str(figure.get("action") or "").strip().lower()
    last_word = action.split()[-1] if action else ""
    for name, verbs in ACTIONS.items():
        if action in verbs or last_word in verbs:
            return f"{head} {name}{rate}"
    return None


def _labelled_points(collection: Collection) -> Iterator[tuple[str, Point]]:
    """Every chartable figure with its series label, dated by its sentence's date or its article's.

    A series holds one measure of one kind of event in one place: the places its sentence names are
    part of the label ("people killed in West Bank" is not "people killed in Israel"). A sentence that
    two copies of one text repeat gives one point."""
    seen: set[tuple[str, float]] = set()
    for item in collection.articles:
        dated = {d["sentence"]: d["date"] for d in item.facts["dates"]}
        texts = {s["id"]: " ".join(str(s.get("text", "")).split()) for s in item.facts["sentences"]}
        places: dict[str, list[str]] = {}
        for entity in item.facts["entities"]:
            if entity["type"] == "place":
                for sentence in entity.get("sentences", []):
                    places.setdefault(sentence, []).append(entity["name"])
        for figure in item.facts["figures"]:
            label = series_label(figure)
            if label is None or figure.get("qualifier") == "from":
                continue  # where a change started is a level of some earlier day, not of this one
            copy = (texts.get(figure["sentence"], ""), float(figure["value"]))
            if copy[0] and copy in seen:
                continue
            seen.add(copy)
            where = sorted(set(places.get(figure["sentence"], [])))
            if where:
                label = f"{label} in {' and '.join(where)}"
            date = dated.get(figure["sentence"], item.date)
            yield label, Point(date, float(figure["value"]), figure, item)


def _shown(label: str, point: Point) -> str:
    """The label as people read it: the unit's own last word ("people killed", not "person killed")."""
    return f"{re.findall(r'[a-z]+', str(point.figure['unit']).lower())[-1]} {label.split(' ', 1)[1]}"


def figure_series(collection: Collection) -> list[Series]:
    """Series with at least MIN_POINTS points on at least two dates, the longest first."""
    groups: dict[str, Series] = {}
    for label, point in _labelled_points(collection):
        groups.setdefault(label, Series(slugify(label, 40), _shown(label, point))).points.append(point)
    kept = [s for s in groups.values() if len(s.points) >= MIN_POINTS and len(s.dates) >= 2]
    kept.sort(key=lambda s: (-len(s.dates), -len(s.points), s.label))
    for series in kept:
        series.points.sort(key=lambda p: (p.date, p.value, p.item.article.id, p.figure["id"]))
    return kept[:MAX_SERIES]


def discrepancies(collection: Collection) -> list[Discrepancy]:
    """Where articles give different values for the same kind of figure on the same date."""
    groups: dict[tuple[str, str], list[Point]] = {}
    for label, point in _labelled_points(collection):
        if not point.figure.get("qualifier"):  # "more than 50" does not contradict 60
            groups.setdefault((label, point.date), []).append(point)
    found: list[Discrepancy] = []
    for (label, date), points in sorted(groups.items(), key=lambda g: (g[0][1], g[0][0]), reverse=True):
        if len({p.value for p in points}) > 1 and len({p.item.article.id for p in points}) > 1:
            found.append(
                Discrepancy(_shown(label, points[0]), date, sorted(points, key=lambda p: (p.value, p.item.article.id)))
            )
    return found


def svg_chart(series: Series, root: str) -> Markup:
    """A line chart of the series: every point a link to the sentence it comes from."""
    days = [dt.date.fromisoformat(p.date).toordinal() for p in series.points]
    first, last = min(days), max(days)
    top = _nice_ceiling(max(p.value for p in series.points))
    plot_w, plot_h = WIDTH - MARGIN_LEFT - MARGIN_RIGHT, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def x(day: int) -> float:
        return MARGIN_LEFT + (day - first) / max(last - first, 1) * plot_w

    def y(value: float) -> float:
        return MARGIN_TOP + plot_h - (value / top) * plot_h if top else MARGIN_TOP + plot_h

    title_id, desc_id = f"chart-{series.id}-title", f"chart-{series.id}-desc"
    label = html.escape(series.label)
    parts = [
        f'<svg class="fs-chart-svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">{label} over time</title>',
        f'<desc id="{desc_id}">{len(series.points)} figures from {series.points[0].date} to '
        f"{series.points[-1].date}, from 0 to {_number(top)}.</desc>",
    ]
    for fraction in (0, 0.5, 1):
        value = top * fraction
        parts.append(
            f'<line class="fs-grid" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
            f'<text class="fs-axis" x="{MARGIN_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{_number(value)}</text>'
        )
    for day, anchor in ((first, "start"), (last, "end")):
        parts.append(
            f'<text class="fs-axis" x="{x(day):.1f}" y="{HEIGHT - 12}" text-anchor="{anchor}">'
            f"{dt.date.fromordinal(day).isoformat()}</text>"
        )
    highest: dict[int, float] = {}
    for day, point in zip(days, series.points, strict=True):
        highest[day] = max(highest.get(day, 0.0), point.value)
    line = " ".join(f"{x(day):.1f},{y(value):.1f}" for day, value in sorted(highest.items()))
    parts.append(f'<polyline class="fs-line" points="{line}"/>')
    for day, point in zip(days, series.points, strict=True):
        href = html.escape(f"{root}articles/{point.item.article.id}.html#fs-{point.figure['sentence']}")
        qualifier = str(point.figure.get("qualifier") or "")
        shown = f"{qualifier} {_number(point.value)}".strip()
        tip = html.escape(f"{point.date}: {shown} {point.figure.get('unit', '')} — {point.item.title}")
        kind = "fs-point fs-approx" if qualifier else "fs-point"  # "more than 50", "about 60": hollow
        parts.append(
            f'<a class="{kind}" href="{href}" aria-label="{tip}"><circle cx="{x(day):.1f}" cy="{y(point.value):.1f}" '
            f'r="6"><title>{tip}</title></circle></a>'
        )
    parts.append("</svg>")
    return Markup(f'<figure class="fs-chart" id="{series.id}">' + "".join(parts) + "</figure>")


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

"""Property tests with hostile input: random text, front matter and Unicode through the reader, the
extractor and the renderer. Nothing may raise but the project's own located errors, and no tag,
attribute or URL scheme written in the input may reach the HTML.

The renderer is driven through `build.prepare`, the real pipeline up to the Markdown pages: a fact
file and its snapshot are written so that no language model is needed, the fact file is validated,
pages are rendered, and each page is then turned into HTML by Python-Markdown with the extensions of
site_config/mkdocs.yml, as MkDocs would, and inspected with BeautifulSoup.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlsplit

import markdown  # type: ignore[import-untyped]
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jinja2 import Environment
from mkdocs.utils.meta import get_data

from generator import build as build_module
from generator.articles import Article, parse_article
from generator.errors import FactsheetError, InputError
from generator.facts import dump
from generator.facts.validate import load_facts
from generator.render import make_environment
from generator.render.markdown import safe_url
from tests.conftest import ROOT, make_project, settings_for

SCALE = int(os.environ.get("FACTSHEET_FUZZ_SCALE", "1"))
"""Multiplies every example count: FACTSHEET_FUZZ_SCALE=10 for a long run (see docs/security.md)."""

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=//evil.example/></iframe>",
    "<a href='javascript:alert(1)'>x</a>",
    "<style>*{display:none}</style>",
    "<!-- comment -->",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1) )",
    "![](http://evil.example/x.png)",
    "<http://evil.example/>",
    "<javascript:alert(1)>",
    "[ref]: javascript:alert(1)",
    "[x][ref]",
    "{{ 7*7 }}",
    "{% raw %}",
    "{% endraw %}",
    "{# comment #}",
    "${7*7}",
    "&lt;script&gt;",
    "&#106;avascript:alert(1)",
    "&amp;",
    "&",
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '"><script>alert(1)</script>',
    "{: onclick=alert(1) }",
    "*em* **strong** `code` ~~del~~ _u_",
    "# heading",
    "## heading ##",
    "| a | b |",
    "|---|---|",
    "---",
    "===",
    "> quote",
    "- item",
    "1. item",
    "    indented code",
    "```",
    "\\",
    "\\<",
    "<",
    ">",
    "\x02wzxhzdk:0\x03",
    "\x02klzzwxh:0\x03",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "\x00",
    "\x1b[31m",
    "\u2028",
    "\x85",
    "\ufeff",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "\\ud800",
    "\r",
    "\n\n",
    "🕊️",
    "غازي حمد",
]

_pieces = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=12))
hostile = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.lists(_pieces, min_size=1, max_size=5).map("".join),
)
"""Text with markup of every kind that could reach a page."""
some_hostile = hostile.map(lambda s: s if s.strip() else f"x{s}")


def _parse(data: bytes, name: str) -> Article | None:
    """An article, or None for a located InputError; anything else fails the test."""
    try:
        return parse_article(data, name)
    except InputError as error:
        assert error.problems, "an InputError names its problems"
        for problem in error.problems:
            assert problem.path == name, problem
            assert problem.message and problem.hint, problem
        return None


# ---------------------------------------------------------------- the reader

YAML_WORDS = [
    "NO", "yes", "on", "~", "null", ".inf", "-.nan", "0x1F", "0o17", "1_000", "1e3", "2023-11-29",
    "2023-13-45", "2023-11-29T25:00:00", "12:30:45", "!!python/object/apply:os.system ['true']",
    "!!binary aGk=", "!!str", "!custom x", "&a [1, 2]", "*a", "*b", "<<: *a", "? complex", "- item",
    "{a: 1", "[1, 2", "|", ">-", '"unclosed', "'unclosed", "%YAML 1.2", "---", "...", "@", "`", "#",
    "\t", ": ", "title", "date", "source", "source_url", "license",
]  # fmt: skip


@settings(max_examples=200 * SCALE, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(YAML_WORDS) | st.text(max_size=8), st.sampled_from(YAML_WORDS) | hostile)))
def test_raw_front_matter_of_yaml_specials_gives_an_article_or_a_located_error(lines: list[tuple[str, str]]) -> None:
    front = "\n".join(f"{key}: {value}" for key, value in lines)
    _parse(f"---\ntitle: T\ndate: 2023-11-29\n{front}\n---\n\nBody.\n".encode(), "fm.md")
    _parse(f"---\n{front}\n---\n\nBody.\n".encode(), "fm.md")


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    hostile,
    st.sampled_from(YAML_WORDS),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile, inner, max_size=3))


@settings(max_examples=200 * SCALE, deadline=None)
@given(
    meta=st.dictionaries(st.sampled_from(["title", "date", "source", "source_url", "license"]) | hostile, values),
    body=hostile,
)
def test_random_front_matter_values_give_an_article_or_a_located_error(meta: dict[str, Any], body: str) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True)
    article = _parse(f"---\n{front}---\n\n{body}\n".encode("utf-8", "surrogatepass"), "meta.md")
    if article is not None:
        assert article.url is None or re.match(r"^https?://", article.url)
        assert all(p and "\x00" not in p and "\u202e" not in p for p in article.paragraphs)


@settings(max_examples=200 * SCALE, deadline=None)
@given(
    title=hostile,
    paragraphs=st.lists(hostile, min_size=1, max_size=5),
    repeat=st.integers(1, 3000),
    surrogate=st.booleans(),
)
def test_random_unicode_articles_give_an_article_or_a_located_error(
    title: str, paragraphs: list[str], repeat: int, surrogate: bool
) -> None:
    long_line = (paragraphs[0] + " End. ") * repeat  # up to a line of about 150,000 characters
    text = f"date 2023-11-29 {title}\n\n" + "\n\n".join([*paragraphs, long_line])
    if surrogate:
        text += "\ud800 lone surrogate \udfff"
    article = _parse(text.encode("utf-8", "surrogatepass"), "u.txt")
    if article is not None:
        assert article.id.startswith("2023-11-29-") and "/" not in article.id
        assert all(0 < len(p) <= 20_000 for p in article.paragraphs)


# ---------------------------------------------------------------- the extractor


@settings(max_examples=50 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(hostile, min_size=1, max_size=4))
def test_the_extractor_takes_any_text_and_its_output_passes_its_own_schema(nlp: Any, paragraphs: list[str]) -> None:
    from generator.extract import extract_all

    text = "date 2023-11-29 Hostile text\n\n" + "\n\n".join(
        [*paragraphs, "Ghazi Hamad, a Hamas official, said 60 hostages were released on Friday."]
    )
    article = _parse(text.encode("utf-8", "surrogatepass"), "x.txt")
    assume(article is not None)  # mostly control characters: refused as binary, which test_articles covers
    assert article is not None
    (facts,) = extract_all([article], nlp)
    name = f"{article.id}.yaml"
    assert load_facts(dump(facts), name) == facts
    for sentence in facts["sentences"]:
        paragraph = article.paragraphs[sentence["paragraph"] - 1]
        assert paragraph[sentence["start"] : sentence["end"]] == sentence["text"]


# ---------------------------------------------------------------- the renderer

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "p", "a", "span", "strong", "em", "ul", "li", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "hr",
    "code",  # names the templates write (the downloads page), never input: checked below
    # the figure charts (generator/render/charts.py): inline SVG made by the renderer
    "svg", "g", "title", "desc", "line", "polyline", "circle", "rect", "path", "text", "tspan",
    # the search forms (templates/home.md.j2, search.md.j2): fixed markup, checked below
    "form", "label", "input", "button", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "href", "title", "rel", "class", "id", "style", "align",
    # SVG geometry and presentation
    "viewbox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "d", "points",
    "role", "aria-label", "aria-labelledby", "xmlns", "fill", "stroke", "stroke-width",
    "text-anchor", "font-size", "dominant-baseline", "transform", "preserveaspectratio",
    # the search forms
    "action", "for", "name", "type", "placeholder", "autocomplete", "aria-live", "data-pagefind",
}  # fmt: skip
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RELATIVE_PAGE = re.compile(r"^(\.\./)*([a-z0-9_.-]+/)*[a-z0-9_.-]+\.(md|json|csv|yaml)(#[a-z0-9-]+)?$|^#[a-z0-9-]+$")


def _markdown_converter() -> markdown.Markdown:
    """Python-Markdown configured with the extensions of site_config/mkdocs.yml."""
    config = yaml.safe_load((ROOT / "site_config" / "mkdocs.yml").read_text())
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            ((name, option),) = entry.items()
            names.append(name)
            options[name] = option or {}
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=options)


def _inspect(html: str, page: str, source_urls: set[str]) -> BeautifulSoup:
    """Every tag, attribute and address in `html` is one the templates make."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        assert isinstance(element, Tag)
        assert element.name in ALLOWED_TAGS, f"{page}: <{element.name}> came from the input: {element}"
        if element.name == "code":
            # (entity.md.j2 escapes the id inside a code span, so it shows as ghazi\-hamad: reported)
            code = element.get_text().replace("\\", "")
            assert re.fullmatch(r"[\w./: -]+", code), f"{page}: code from the input: {element}"
        for attribute, value in element.attrs.items():
            assert attribute in ALLOWED_ATTRIBUTES, f"{page}: attribute {attribute}= came from the input: {element}"
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attribute == "href":
                parts = urlsplit(text)
                if parts.scheme:
                    assert text in source_urls, f"{page}: link to {text!r}, which is not a source address"
                else:
                    assert _RELATIVE_PAGE.match(text), f"{page}: unexpected relative link {text!r}"
            elif attribute in {"action", "data-pagefind"}:
                assert re.fullmatch(r"(\.\./)*(search/index\.html|index\.html|pagefind/pagefind\.js)", text), text
            elif attribute == "class":
                assert re.fullmatch(r"[a-z0-9 _-]+", text), f"{page}: class {text!r}"
            elif attribute == "id":
                assert re.fullmatch(r"[\w-]*", text), f"{page}: id {text!r}"
            elif attribute == "style":
                assert re.fullmatch(r"text-align: (left|right|center);", text), f"{page}: style {text!r}"
            elif attribute == "rel":
                assert text == "nofollow noopener", f"{page}: rel {text!r}"
            if attribute != "href":
                assert "javascript:" not in text.lower().replace(" ", ""), f"{page}: {attribute}={text!r}"
    return soup


@pytest.fixture(scope="module")
def render_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One project whose article and fact file each example replaces."""
    root = make_project(tmp_path_factory.mktemp("render"), seed=False)
    yield root


@functools.cache
def _cached_environment(templates: tuple[tuple[str, str], ...]) -> Environment:
    return make_environment(dict(templates))


def _environment(templates: dict[str, str]) -> Environment:
    return _cached_environment(tuple(sorted(templates.items())))


def _hostile_facts(article: Article, s: dict[str, str], url: str) -> dict[str, Any]:
    from generator.extract import EXTRACTOR_ID

    paragraph = article.paragraphs[0]
    return {
        "article": {
            "id": article.id,
            "title": s["title"],
            "date": article.date.isoformat(),
            "source": s["source"],
            "url": url,
        },
        "extraction": {"extractor": EXTRACTOR_ID, "source_sha256": article.sha256},
        "entities": [
            {"id": "p", "name": s["person"], "type": "person", "aliases": [s["alias"]], "sentences": ["s1"]},
            {"id": "o", "name": s["organisation"], "type": "organisation", "aliases": [], "sentences": ["s1"]},
            {"id": "l", "name": s["place"], "type": "place", "aliases": [], "sentences": ["s1"]},
        ],
        "roles": [{"id": "role-1", "entity": "p", "title": s["role"], "organisation": "o", "sentence": "s1"}],
        "figures": [
            {
                "id": "figure-1",
                "value": 7,
                "text": s["figure_text"],
                "qualifier": "about",
                "unit": s["unit"],
                "counts": s["counts"],
                "actor": "p",
                "action": s["action"],
                "about": s["about"],
                "sentence": "s1",
            }
        ],
        "statements": [
            {
                "id": "statement-1",
                "speaker": "p",
                "speaker_text": s["speaker_text"],
                "cue": s["cue"],
                "content": s["content"],
                "kind": "direct",
                "sentence": "s1",
            },
            {
                "id": "statement-2",
                "speaker_text": s["speaker_text"],
                "cue": s["cue"],
                "content": s["content"],
                "kind": "indirect",
                "sentence": "s1",
            },
        ],
        "dates": [{"id": "date-1", "date": "2023-11-28", "text": s["date_text"], "sentence": "s1"}],
        "sentences": [{"id": "s1", "paragraph": 1, "start": 0, "end": min(len(paragraph), 9), "text": s["sentence"]}],
    }


FIELDS = [
    "title", "source", "person", "alias", "organisation", "place", "role", "figure_text", "unit",
    "counts", "action", "about", "speaker_text", "cue", "content", "date_text", "sentence",
]  # fmt: skip
URLS = [
    "https://example.org/a",
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/' onmouseover='alert(1)",
    "http://example.org/<img src=x onerror=alert(1)>",
    'https://example.org/a b?c=<d>&e="f"',
    "http://javascript:alert(1)@example.org/",
]


@settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    strings=st.fixed_dictionaries({name: some_hostile for name in FIELDS}),
    front=st.fixed_dictionaries({"title": some_hostile, "license": some_hostile, "body": some_hostile}),
    url=st.sampled_from(URLS),
)
def test_rendered_pages_hold_no_markup_from_the_input(
    render_project: Path, strings: dict[str, str], front: dict[str, str], url: str
) -> None:
    root = render_project
    data = (
        "---\n"
        + yaml.safe_dump(
            {"title": f"T {front['title']}", "date": "2023-11-29", "source": url, "license": front["license"]}
        )
        + f"---\n\n{front['body']} first paragraph.\n\n{front['body']}\n"
    ).encode()
    article = _parse(data, "hostile.md")
    assume(article is not None)  # mostly control characters: refused as binary, which test_articles covers
    assert article is not None
    for folder in ("seeds", "facts", "build"):
        shutil.rmtree(root / folder, ignore_errors=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "hostile.md").write_bytes(data)
    text = dump(_hostile_facts(article, strings, url))
    (root / "facts" / ".extracted").mkdir(parents=True)
    (root / "facts" / f"{article.id}.yaml").write_text(text)
    (root / "facts" / ".extracted" / f"{article.id}.yaml").write_text(text)

    try:
        # Durability is not under test here, and compiling the templates again for every example
        # would be most of the time: one environment (it caches compiled templates) serves them all.
        with mock.patch("os.fsync"), mock.patch.object(build_module, "make_environment", _environment):
            report = build_module.prepare(settings_for(root))
    except FactsheetError as error:  # pragma: no cover - reported with its message if it ever happens
        pytest.fail(f"the build refused hostile but valid facts: {error}")
    assert not report.problems, report.problems
    assert report.extracted == 0

    source_urls = {str(safe_url(url)).replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", '"')}
    convert = _markdown_converter()
    docs = root / "build" / "docs"
    pages = sorted(docs.rglob("*.md"))
    assert pages
    for path in pages:
        body, _meta = get_data(path.read_text())
        html = convert.reset().convert(body)
        page = path.relative_to(docs).as_posix()
        soup = _inspect(html, page, source_urls)
        if page == f"articles/{article.id}.md":
            heading = soup.find("h1")
            assert heading is not None
            # the title shows as written (whitespace aside): escaped, neither markup nor backslashes
            assert heading.get_text().split() == _UNSHOWABLE.sub("", re.sub(r"[\r\n]", " ", strings["title"])).split()


# ---------------------------------------------------------------- a whole site, through MkDocs


@pytest.mark.slow
def test_a_site_built_from_hostile_facts_has_no_script_handler_or_foreign_link(tmp_path: Path) -> None:
    from generator.build import build

    root = make_project(tmp_path, seed=False)
    title = "Talks <script>alert('title')</script> {{ 7*7 }} [x](javascript:alert(1))"
    url = 'https://example.org/"><img src=x onerror=alert(1)>'
    data = (
        "---\n" + yaml.safe_dump({"title": title, "date": "2023-11-29", "source": url, "license": PAYLOADS[1]})
    ).encode() + b"---\n\n<script>alert('body')</script> said Ghazi Hamad.\n"
    article = _parse(data, "x.md")
    assert article is not None
    strings = {name: PAYLOADS[i % 31] for i, name in enumerate(FIELDS)}
    text = dump(_hostile_facts(article, strings, url))
    (root / "seeds" / "x.md").write_bytes(data)
    (root / "facts" / ".extracted").mkdir(parents=True)
    (root / "facts" / f"{article.id}.yaml").write_text(text)
    (root / "facts" / ".extracted" / f"{article.id}.yaml").write_text(text)
    report = build(settings_for(root))
    assert not report.problems and report.site_built

    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        soup = BeautifulSoup(path.read_text(), "html.parser")
        for element in soup.find_all(True):
            assert isinstance(element, Tag)
            assert element.name not in {"img", "iframe", "object", "embed", "base", "frame"}, (path, element)
            if element.name == "script":
                assert "alert" not in element.get_text(), (path, element)
                assert not element.get("src") or not urlsplit(str(element["src"])).scheme, (path, element)
            for attribute, value in element.attrs.items():
                assert not attribute.lower().startswith("on"), (path, element)
                text = " ".join(value) if isinstance(value, list) else str(value)
                if attribute in {"href", "src", "action", "formaction", "xlink:href"}:
                    scheme = urlsplit(text).scheme.lower()
                    assert scheme in {"", "http", "https"}, (path, element)
                    assert "evil" not in text
    records = sorted((root / "build" / "search-records").rglob("*.html"))
    assert records and (root / "site" / "pagefind" / "pagefind.js").is_file()
    for record in records:  # what Pagefind indexes: the payloads stay text
        soup = BeautifulSoup(record.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all(["script", "img", "iframe", "object", "embed", "a"]), record
        assert not any(a.lower().startswith("on") for tag in soup.find_all(True) for a in tag.attrs), record

"""Reading articles: bytes in, `Article` out. Two formats may share a folder.

- the seed format: first line `date YYYY-MM-DD Title`, then paragraphs separated by blank lines;
- Markdown with YAML front matter (`title`, `date`, `source`/`source_url`, any other keys kept).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from frontmatter.default_handlers import YAMLHandler

from generator import yamlsafe
from generator.errors import InputError, Problem

MAX_ARTICLE_BYTES = 300_000
"""Larger files are rejected (`max_article_bytes` in the site configuration changes it); the longest
real briefing in the corpus is 80 KB."""
MAX_TITLE_CHARS = 1_000
"""A title is one line of a page; a longer one is a mistake (and would be slow to render)."""
MAX_PARAGRAPH_CHARS = 20_000
"""Longer paragraphs are cut at sentence ends, so that extraction stays bounded."""

_SEED_HEADER = re.compile(r"^[ \t]*date[ \t]+(?P<date>\S+)(?:[ \t]+(?P<title>.*?))?[ \t]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATELINE = re.compile(
    rf"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}$"
)
# Controls other than tab and newline; bidi embeddings and overrides, which can make text read
# differently from what it says; zero-width spaces and stray byte-order marks.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_STRUCK_OUT = re.compile(r"<(s|del|strike)>.{0,300}?</\1>\s*", re.IGNORECASE)
_INLINE_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,200})?/?>")
_STRONG = re.compile(r"(?<!\\)(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)(?<!\\)\1")
_EMPHASIS = re.compile(r"(?<![\\\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?![\w*])")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


@dataclass(frozen=True)
class Article:
    """One news article, read and cleaned, ready for extraction."""

    id: str
    source: str
    """The file's path relative to the input folder, with forward slashes."""
    title: str
    date: dt.date
    paragraphs: tuple[str, ...]
    url: str | None = None
    dateline: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""
    notes: tuple[str, ...] = ()
    """Things the reader changed or doubted, shown to the person running the build."""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


MAX_ID_SLUG = 200
"""The longest slug in an id that only a collision of shortened slugs gives (a file name stays short)."""


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path.

    Accents are dropped (`Zoë` → `zoe`). Letters of other scripts (Arabic, Hebrew, Chinese,
    Cyrillic…) have no ASCII form, so a short hash of the text stands for them: two different
    names never share a slug because of their script, and the same name always has the same one."""
    folded = fold(text)
    slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode("ascii").lower()).strip("-")
    foreign = any(c.isalnum() and not c.isascii() for c in folded)
    room = max_length - (len(_TAG_EXAMPLE) + 1 if foreign else 0)
    if len(slug) > room:
        slug = slug[:room].rsplit("-", 1)[0] or slug[:room]
    if foreign:
        tag = hashlib.sha256(" ".join(re.findall(r"\w+", folded.casefold())).encode()).hexdigest()[: len(_TAG_EXAMPLE)]
        slug = f"{slug}-{tag}" if slug else tag
    return slug or "untitled"


_TAG_EXAMPLE = "0123abcd"
"""A slug's hash tag is this long."""


def fold(text: str) -> str:
    """`text` without accents and other combining marks (Latin `é` → `e`; Arabic and Hebrew vowel
    points go too), compatibility forms unfolded (`ﬁ` → `fi`); letters of every script stay."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return stripped.translate(_LATIN_LETTERS)


_LATIN_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
     "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "ħ": "h", "Ħ": "H"}
)  # fmt: skip
"""Latin letters that Unicode does not decompose into a base letter and an accent."""


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes to clean text: UTF-8 (with or without BOM), else Windows-1252; binary is refused."""
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if b"\x00" in data:
            raise _binary(name) from None
        text = data.decode("cp1252", errors="replace")
        line = data[: error.start].count(b"\n") + 1
        notes.append(f"{name}:{line}: not UTF-8; read as Windows-1252 (Latin-1)")
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f\v")
    if text and controls / len(text) > 0.05:
        raise _binary(name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if _INVISIBLE.search(text.replace("\n", " ").replace("\t", " ")):
        notes.append(f"{name}: removed control and invisible formatting characters")
        text = _INVISIBLE.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)
    return text.replace("\t", " "), notes


def _binary(name: str) -> InputError:
    return InputError([Problem(name, None, None, "", "this is not a text file", "save the article as UTF-8 text")])


def parse_article(data: bytes, name: str, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Read one article file. `name` is its path relative to the input folder.

    Raises InputError naming the file, line and field of every problem found.
    """
    if len(data) > max_bytes:
        raise InputError(
            [
                Problem(
                    name,
                    None,
                    None,
                    "",
                    f"the file is larger than the limit of {max_bytes:,} bytes",
                    "split the article, or raise max_article_bytes in site_config/mkdocs.yml",
                )
            ]
        )
    text, notes = decode(data, name)
    if not text.strip():
        raise InputError([Problem(name, 1, 1, "", "the file is empty", "write `date YYYY-MM-DD Title` on line 1")])
    if text.lstrip("\n").startswith("---"):
        fields, body, body_line = _read_front_matter(text, name)
        is_markdown = True
    else:
        fields, body, body_line = _read_seed_header(text, name)
        is_markdown = False
    if len(fields["title"]) > MAX_TITLE_CHARS:
        raise InputError(
            [
                Problem(
                    name,
                    None,
                    None,
                    "title",
                    f"the title is {len(fields['title']):,} characters long",
                    f"keep it under {MAX_TITLE_CHARS:,} characters",
                )
            ]
        )
    paragraphs = _paragraphs(body, markdown=is_markdown)
    dateline = None
    if paragraphs and _DATELINE.match(paragraphs[0]):
        dateline, paragraphs = paragraphs[0], paragraphs[1:]
    notes.extend(fields.get("notes", []))
    paragraphs, cut = _bound_paragraphs(paragraphs)
    if cut:
        notes.append(f"{name}: {cut} paragraph(s) over {MAX_PARAGRAPH_CHARS:,} characters were cut at sentence ends")
    if not paragraphs:
        raise InputError(
            [
                Problem(
                    name,
                    body_line,
                    1,
                    "body",
                    "the article has a title but no text",
                    "add the article's paragraphs below the header",
                )
            ]
        )
    return Article(
        id=f"{fields['date'].isoformat()}-{slugify(fields['title'], 60)}",
        source=name,
        title=fields["title"],
        date=fields["date"],
        paragraphs=tuple(paragraphs),
        url=fields.get("url"),
        dateline=dateline,
        metadata=fields.get("metadata", {}),
        sha256=hashlib.sha256(data).hexdigest(),
        notes=tuple(notes),
    )


def _read_seed_header(text: str, name: str) -> tuple[dict[str, Any], str, int]:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    match = _SEED_HEADER.match(lines[first])
    if not match:
        raise InputError(
            [
                Problem(
                    name,
                    first + 1,
                    1,
                    "date",
                    "the first line must be `date YYYY-MM-DD Title`",
                    "for example: date 2023-11-29 Truce extended by two days; or use Markdown with front matter",
                )
            ]
        )
    problems: list[Problem] = []
    date = _parse_date(match["date"], name, first + 1, match.start("date") + 1, problems)
    title = _clean_line(match["title"] or "")
    if not title:
        problems.append(
            Problem(
                name,
                first + 1,
                match.end("date") + 1,
                "title",
                "the title is missing",
                "write the headline after the date",
            )
        )
    if problems:
        raise InputError(problems)
    return {"date": date, "title": title}, "\n".join(lines[first + 1 :]), first + 2


def _read_front_matter(text: str, name: str) -> tuple[dict[str, Any], str, int]:
    stripped = text.lstrip("\n")
    skipped = len(text) - len(stripped)
    try:
        front, body = YAMLHandler().split(stripped)
    except ValueError:
        raise InputError(
            [
                Problem(
                    name, skipped + 1, 1, "", "the front matter is not closed", "end the front matter with a line `---`"
                )
            ]
        ) from None
    doc = yamlsafe.load(front, name, line_offset=skipped)
    meta = doc.data if doc.data is not None else {}
    if not isinstance(meta, dict):
        raise InputError(
            [
                Problem(
                    name,
                    skipped + 2,
                    1,
                    "",
                    "the front matter must be a mapping of keys to values",
                    "write `title: ...` and `date: YYYY-MM-DD` lines",
                )
            ]
        )
    problems: list[Problem] = []
    fields: dict[str, Any] = {}
    line, col = doc.position(("date",))
    raw_date = meta.get("date")
    if raw_date is None:
        problems.append(
            Problem(
                name,
                line or skipped + 2,
                col or 1,
                "date",
                "the date is missing",
                "add `date: YYYY-MM-DD` to the front matter",
            )
        )
    else:
        fields["date"] = _parse_date(_date_part(str(raw_date)), name, line, col, problems)
    line, col = doc.position(("title",))
    raw_title = meta.get("title")
    if not isinstance(raw_title, str) or not _clean_line(raw_title):
        written = doc.sources.get(("title",))
        message = (
            "the title is missing"
            if raw_title is None
            else f"the title must be text, not {type(raw_title).__name__}"
            + (f" (YAML read `{written}` as {raw_title!r})" if written else "")
        )
        problems.append(Problem(name, line or skipped + 2, col or 1, "title", message, 'quote the title: title: "..."'))
    else:
        fields["title"] = _clean_line(raw_title)
    url = meta.get("source_url", meta.get("source"))
    if isinstance(url, str) and re.match(r"^https?://[^\s<>\"']+$", url.strip()):
        fields["url"] = url.strip()
    if problems:
        raise InputError(problems)
    fields["metadata"] = {k: meta[k] for k in sorted(meta) if k not in {"title", "date", "source_url"}}
    if url is not None and "url" not in fields:
        fields["notes"] = [
            f"{name}: the source {str(url)[:80]!r} is not an http(s) address; shown as text, not as a link"
        ]
    body_line = skipped + front.count("\n") + 2
    return fields, body, body_line


def _parse_date(text: str, name: str, line: int | None, col: int | None, problems: list[Problem]) -> dt.date:
    if not _ISO_DATE.match(text):
        problems.append(
            Problem(
                name,
                line,
                col,
                "date",
                f"{text!r} is not a date in the form YYYY-MM-DD",
                "write the date like 2023-11-29",
            )
        )
        return dt.date.min
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        problems.append(
            Problem(name, line, col, "date", f"{text} is not a day of the calendar", "check the month and the day")
        )
        return dt.date.min
    if not site_can_show(day):
        problems.append(Problem(name, line, col, "date", *outside_site_years(text)))
    return day


SITE_YEARS = (1970, 2099)
"""The years an article may be dated: MkDocs stamps the sitemap's gzip with the newest article's
date, which must fit in 32 bits from 1970 (to 2106); relative dates ("on Friday") are resolved
from the article's date and must not leave the calendar either."""


def site_can_show(day: dt.date) -> bool:
    return SITE_YEARS[0] <= day.year <= SITE_YEARS[1]


def outside_site_years(text: str) -> tuple[str, str]:
    """The message and hint of a date outside SITE_YEARS."""
    return f"{text} is outside the years the site can show", f"use a date from {SITE_YEARS[0]} to {SITE_YEARS[1]}"


def _date_part(text: str) -> str:
    """`2023-11-29` from `2023-11-29T17:12:46-04:00` or `2023-11-29 17:12`; other text unchanged."""
    return text[:10] if len(text) > 10 and text[10] in "T " else text


def _clean_line(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(body: str, *, markdown: bool) -> list[str]:
    paragraphs = []
    for block in re.split(r"\n[ \t\u00a0]*\n", body):
        text = _clean_line(block)
        if markdown:
            text = _as_read(text)
            text = _MARKDOWN_LINK.sub(r"\1", text)
            text = _MARKDOWN_ESCAPE.sub(r"\1", text)
            text = _clean_line(text)
        if text:
            paragraphs.append(text)
    return paragraphs


def _as_read(text: str) -> str:
    """The words a reader of the rendered Markdown reads: struck-out words gone (a transcript's
    "<s>Democrats</s> \\[Republicans\\]" reads "[Republicans]"), other inline tags and emphasis marks dropped
    with their words kept."""
    text = _STRUCK_OUT.sub("", text)
    text = _INLINE_TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(r"\1", text)


def _bound_paragraphs(paragraphs: list[str]) -> tuple[list[str], int]:
    bounded: list[str] = []
    cut = 0
    for paragraph in paragraphs:
        if len(paragraph) <= MAX_PARAGRAPH_CHARS:
            bounded.append(paragraph)
            continue
        cut += 1
        start = 0
        while start < len(paragraph):
            end = min(start + MAX_PARAGRAPH_CHARS, len(paragraph))
            if end < len(paragraph):
                ends = [m.end() for m in _SENTENCE_END.finditer(paragraph, start + MAX_PARAGRAPH_CHARS // 2, end)]
                end = ends[-1] if ends else end
            bounded.append(paragraph[start:end].strip())
            start = end
    return bounded, cut


def assign_unique_ids(
    articles: list[Article], owner: Callable[[str], str | None] = lambda _: None
) -> tuple[list[Article], list[str]]:
    """Give articles that share an id distinct, stable ids; order of the input never matters.

    `owner(id)` is the source path of the article that `id` was given to by an earlier build (its
    fact file says so), or None. An id stays with that article: a newcomer never takes it. Of
    articles new together, the one whose source path sorts first keeps the plain id. The others get
    their title's slug at full length when it differs (titles that only collide once shortened), or
    else a suffix made from a hash of their path, so adding a third duplicate renames nobody else.
    """
    by_id: dict[str, list[Article]] = {}
    for article in articles:
        by_id.setdefault(article.id, []).append(article)
    taken = set(by_id)
    result: list[Article] = []
    notes: list[str] = []
    for article_id in sorted(by_id):
        group = sorted(by_id[article_id], key=lambda a: a.source)
        if len(group) == 1:
            article = group[0]
            earlier = next((i for i in _other_ids(article) if i not in taken and owner(i) == article.source), None)
            result.append(replace(article, id=earlier) if earlier else article)
            taken.update([earlier] if earlier else [])
            continue
        keeper = next((a for a in group if owner(article_id) == a.source), group[0])
        result.append(keeper)
        for other in (a for a in group if a is not keeper):
            longer, hashed = _other_ids(other)
            new_id = longer if longer not in taken and longer != _other_ids(keeper)[0] else hashed
            taken.add(new_id)
            renamed = replace(other, id=new_id)
            if new_id == hashed:
                notes.append(f"{other.source}: same date and title as {keeper.source}; its id is {renamed.id}")
            result.append(renamed)
    return sorted(result, key=lambda a: a.id), notes


def _other_ids(article: Article) -> tuple[str, str]:
    """The ids an article gets when its plain id is taken: its title's slug at full length, and
    the plain id with a suffix made from a hash of its path."""
    longer = f"{article.date.isoformat()}-{slugify(article.title, MAX_ID_SLUG)}"
    suffix = hashlib.sha256(article.source.encode()).hexdigest()[:6]
    return longer, f"{article.id}-{suffix}"

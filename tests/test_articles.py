"""Readers: both formats, ids, datelines, and every hostile article ends as its README says."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.articles import Article, assign_unique_ids, parse_article, slugify
from generator.errors import InputError
from tests.conftest import SEED, shared


def test_seed_article_is_read_with_its_date_title_and_paragraphs() -> None:
    article = parse_article(SEED.read_bytes(), SEED.name)
    assert article.date == dt.date(2023, 11, 29)
    assert article.title.startswith("Hamas Group Ready to Negotiate More Agreements")
    assert article.id == "2023-11-29-hamas-group-ready-to-negotiate-more-agreements-for-hostage"
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("Ghazi Hamad, a member of the Hamas Political Office")


def test_front_matter_article_keeps_source_and_other_keys_and_drops_the_dateline() -> None:
    text = (
        "---\ntitle: 'Talks resume: day two'\ndate: 2019-01-04\nsource: https://example.org/a\n"
        "license: CC BY 2.5\n---\n\nFriday, January 4, 2019\n\nFirst paragraph\nwraps here.\n\nSecond.\n"
    )
    article = parse_article(text.encode(), "news/talks.md")
    assert article.title == "Talks resume: day two"
    assert article.date == dt.date(2019, 1, 4)
    assert article.url == "https://example.org/a"
    assert article.metadata == {"license": "CC BY 2.5", "source": "https://example.org/a"}
    assert article.dateline == "Friday, January 4, 2019"
    assert article.paragraphs == ("First paragraph wraps here.", "Second.")


def test_markdown_reads_as_rendered_struck_out_words_gone_tags_and_emphasis_marks_dropped() -> None:
    body = (
        "What we have seen is that congressional <s>Democrats</s> \\[Republicans\\] have\nstalled the bill.\n\n"
        "**<u>Organizations:</u>** the *interim* report, 2*3*4 and \\*starred\\*."
    )
    article = parse_article(f"---\ntitle: T\ndate: 2023-11-29\n---\n\n{body}\n".encode(), "t.md")
    assert article.paragraphs == (
        "What we have seen is that congressional [Republicans] have stalled the bill.",
        "Organizations: the interim report, 2*3*4 and *starred*.",
    )


def test_id_depends_on_date_and_title_not_on_file_name_or_order() -> None:
    a = parse_article(b"date 2023-11-30 Same headline\n\nOne.", "b.txt")
    b = parse_article(b"date 2023-11-30 Same headline\n\nTwo.", "a.txt")
    first, _ = assign_unique_ids([a, b])
    second, notes = assign_unique_ids([b, a])
    assert [x.id for x in first] == [x.id for x in second]
    assert {x.source: x.id for x in first}["a.txt"] == "2023-11-30-same-headline"
    assert len({x.id for x in first}) == 2
    assert "same date and title" in notes[0]


ACCEPTED = {
    "bom-crlf.txt": "Windows line endings and a byte-order mark",
    "duplicate-a.txt": "Ceasefire extended by two days",
    "duplicate-b.txt": "Ceasefire extended by two days",
    "jinja-syntax.txt": "Template markers {{ 7*7 }} and {% raw %} in a headline",
    "latin1.txt": "Café talks in Genève",
    "long-paragraph.txt": "One very long paragraph",
    "markdown-syntax.txt": "# Not a heading | not | a table",
    "nul-and-controls.txt": "Control characters in[31m the headline",
    "path-traversal-title.txt": "../../../../tmp/escaped/../../etc/passwd",
    "slash-and-dots-title.md": "..\\..\\windows\\system32 / .. / . / CON",
    "unicode-rtl.md": "غازي حمد: \u200fمفاوضات جديدة 🕊️ — Ghazi Hamad",
    "xss-script.md": "Talks resume <script>alert('title')</script> in Doha",
}
REJECTED = {
    "bad-date.txt": "bad-date.txt:1:7: date: 2023-02-30 is not a day of the calendar (hint: check the month and the day)",
    "binary.txt": "binary.txt: this is not a text file (hint: save the article as UTF-8 text)",
    "empty.txt": "empty.txt:1:1: the file is empty (hint: write `date YYYY-MM-DD Title` on line 1)",
    "header-only.txt": "header-only.txt:2:1: body: the article has a title but no text "
    "(hint: add the article's paragraphs below the header)",
    "no-date.txt": "no-date.txt:1:1: date: the first line must be `date YYYY-MM-DD Title` (hint: for example: "
    "date 2023-11-29 Truce extended by two days; or use Markdown with front matter)",
    "python-tag-front-matter.md": "python-tag-front-matter.md:2:8: title: the tag "
    "!!python/object/apply:os.system is not allowed (hint: remove the tag)",
    "yaml-bomb-front-matter.md": "yaml-bomb-front-matter.md:7:11: the document expands to more than 200,000 values",
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_hostile_article_that_is_text_is_read_correctly(name: str) -> None:
    path = shared("hostile/articles") / name
    article = parse_article(path.read_bytes(), name)
    assert article.title == ACCEPTED[name]
    assert article.paragraphs
    assert all("\x00" not in p and "\x1b" not in p and "\u202e" not in p for p in article.paragraphs)
    assert "/" not in article.id and ".." not in article.id


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_hostile_article_that_cannot_be_trusted_is_rejected_with_its_place(name: str) -> None:
    path = shared("hostile/articles") / name
    with pytest.raises(InputError) as caught:
        parse_article(path.read_bytes(), name)
    assert REJECTED[name] in str(caught.value)
    assert str(caught.value).startswith(name)


def test_every_hostile_article_is_covered() -> None:
    names = {p.name for p in shared("hostile/articles").iterdir()}
    assert names == set(ACCEPTED) | set(REJECTED)


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    article = parse_article((shared("hostile/articles") / "long-paragraph.txt").read_bytes(), "long.txt")
    assert len(article.paragraphs) > 1
    assert all(len(p) <= 20_000 for p in article.paragraphs)
    assert all(p.endswith(".") for p in article.paragraphs)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_a_located_error(data: bytes) -> None:
    try:
        article = parse_article(data, "random.txt")
    except InputError as error:
        assert all(p.path == "random.txt" for p in error.problems)
    else:
        assert isinstance(article, Article) and article.paragraphs


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(min_size=1, max_size=80),
    body=st.text(min_size=1, max_size=200),
    date=st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)
def test_front_matter_with_any_title_round_trips_or_is_refused(title: str, body: str, date: dt.date) -> None:
    import yaml

    front = yaml.safe_dump({"title": title, "date": date.isoformat()}, allow_unicode=True)
    try:
        article = parse_article(f"---\n{front}---\n\n{body}\n".encode(), "r.md")
    except InputError as error:
        assert error.problems[0].path == "r.md"
    else:
        assert article.date == date
        assert article.title == " ".join(article.title.split())
        assert slugify(article.title) in article.id


@given(st.text(max_size=200))
def test_slugs_are_never_paths_and_never_empty(text: str) -> None:
    slug = slugify(text)
    assert slug and "/" not in slug and "." not in slug and "\\" not in slug

"""`--jobs N`: the same fact files and pages as one process; progress lines, and none when quiet."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.articles import Article
from generator.parallel import split
from tests.conftest import make_project, shared
from tests.test_build import run_build, snapshot


def article(number: int, words: int) -> Article:
    return Article(f"a{number}", f"a{number}.txt", "T", dt.date(2024, 1, 1), ("word " * words,))


@pytest.mark.parametrize("jobs", [1, 2, 3, 8])
def test_chunks_are_contiguous_and_keep_every_article_in_order(jobs: int) -> None:
    articles = [article(i, words) for i, words in enumerate([5, 900, 3, 3, 40, 2000, 7])]
    chunks = split(articles, jobs)
    assert [a for chunk in chunks for a in chunk] == articles
    assert all(chunks) and len(chunks) <= jobs


def test_chunks_balance_the_text_not_the_count() -> None:
    articles = [article(0, 2000)] + [article(i, 10) for i in range(1, 101)]
    first, second = split(articles, 2)
    assert first == articles[:1] and len(second) == 100


@pytest.mark.slow
def test_two_processes_give_the_same_facts_and_pages_as_one(tmp_path: Path) -> None:
    corpus = shared("corpus/wikinews")
    chosen = sorted(corpus.glob("*.md"))[:5]
    roots = []
    for jobs in ("1", "2"):
        root = make_project(tmp_path / f"jobs-{jobs}", {p.name: p.read_bytes() for p in chosen})
        code, output = run_build(root, "--jobs", jobs)
        assert code == 0, output
        assert "6 extracted" in output
        roots.append(root)
    one, two = roots
    assert snapshot(one / "facts") == snapshot(two / "facts")
    assert snapshot(one / "build" / "docs") == snapshot(two / "build" / "docs")


def test_progress_is_printed_as_lines_in_a_log_and_not_at_all_when_quiet(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    code, output = run_build(root)
    assert code == 0, output
    assert "factsheet: extracting facts (1)\n" in output
    assert "factsheet: building the HTML site with MkDocs" in output
    shutil.rmtree(root / "site")
    code, output = run_build(root, "--quiet", "--force-extract")
    assert code == 0, output
    assert output == ""

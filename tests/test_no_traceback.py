"""No traceback for a user's mistake or the machine's state: every value the schema allows renders,
every value the site cannot use is a located error, a full disk or a read-only folder is a clear
message, and the exit codes keep their meaning."""

from __future__ import annotations

import copy
import datetime as dt
import errno
import json
import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.articles import Article
from generator.errors import InputError
from generator.facts import dump
from generator.facts.validate import load_facts, schema
from generator.render import gather, make_environment, render_pages
from generator.render.model import ArticleFacts
from generator.storage import read_folder
from tests.conftest import ROOT, SEED, make_project
from tests.test_build import run_build
from tests.test_last_good import SEED_ID

NAME = "facts/a.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = make_project(tmp_path_factory.mktemp("no-traceback"))
    code, output = run_build(root)
    assert code == 0, output
    yield root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "p")
    return tmp_path / "p"


@pytest.fixture(scope="module")
def seed_facts(built: Path) -> dict[str, Any]:
    return load_facts((built / "facts" / f"{SEED_ID}.yaml").read_text(), "seed")


def optional_fields() -> list[tuple[str, str]]:
    """(section, field) for every field of a record that the schema does not require."""
    definitions = schema()["$defs"]
    kinds = {"entities": "entity", "roles": "role", "figures": "figure", "statements": "statement", "dates": "dated"}
    return [
        (section, key)
        for section, kind in kinds.items()
        for key in definitions[kind]["properties"]
        if key not in definitions[kind]["required"]
    ]


def render_all(facts: dict[str, Any]) -> dict[str, str]:
    article = Article(
        facts["article"]["id"], "a.txt", facts["article"]["title"], dt.date(2023, 11, 29), (SEED.read_text(),)
    )
    collection = gather([ArticleFacts(article, facts, "a.yaml")])
    env = make_environment(read_folder(ROOT / "templates", ".j2"))
    return dict(render_pages(collection, env, {"site_name": "s", "edit_url": "", "facts_dir": "facts"}))


@pytest.mark.parametrize(("section", "key"), optional_fields(), ids=lambda v: str(v))
def test_every_record_without_an_optional_field_still_renders(
    seed_facts: dict[str, Any], section: str, key: str
) -> None:
    facts = copy.deepcopy(seed_facts)
    if section == "dates" and not facts["dates"]:
        facts["dates"] = [{"id": "date-1", "date": "2023-11-20", "text": "20 November", "sentence": "s1"}]
    for record in facts[section]:
        record.pop(key, None)
    facts = load_facts(dump(facts), NAME)  # what the schema allows
    pages = render_all(facts)
    assert f"articles/{facts['article']['id']}.md" in pages


def broken(facts: dict[str, Any], path: tuple[str | int, ...], value: Any) -> str:
    changed = copy.deepcopy(facts)
    target: Any = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return dump(changed)


@pytest.mark.parametrize(
    ("path", "written", "message"),
    [
        (("article", "date"), "'2023-02-30'", "article.date: 2023-02-30 is not a day of the calendar"),
        (("article", "date"), "'9999-99-99'", "article.date: 9999-99-99 is not a day of the calendar"),
        (("article", "date"), "'2203-01-01'", "article.date: 2203-01-01 is outside the years the site can show"),
        (("article", "date"), "'1969-12-31'", "article.date: 1969-12-31 is outside the years the site can show"),
        (("figures", 0, "value"), ".inf", "figures[0].value: inf is not a finite number"),
        (("figures", 0, "value"), "-.inf", "figures[0].value: -inf is not a finite number"),
        (("figures", 0, "value"), ".nan", "figures[0].value: nan is not a finite number"),
        (("figures", 0, "confidence"), ".nan", "figures[0].confidence: nan is not a finite number"),
        (("figures", 0, "value"), "9" * 400, "figures[0].value: the number is too large"),
    ],
)
def test_values_the_site_cannot_use_are_located_errors(
    seed_facts: dict[str, Any], path: tuple[str | int, ...], written: str, message: str
) -> None:
    marker = "PLACEHOLDER-VALUE"
    text = broken(seed_facts, path, marker).replace(f"'{marker}'", written).replace(marker, written)
    with pytest.raises(InputError) as caught:
        load_facts(text, NAME)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if written in t)
    assert [f"{p.path}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems] == [
        f"{NAME}:{line}: {message}"
    ]


def test_an_impossible_date_in_a_fact_file_holds_the_article_and_never_reaches_facts_json(project: Path) -> None:
    path = project / "facts" / f"{SEED_ID}.yaml"
    path.write_text(path.read_text().replace("  value: 5\n", "  value: .inf\n", 1))

    code, output = run_build(project)

    assert code == 1, output
    assert "figures[0].value: inf is not a finite number" in output
    assert "Traceback" not in output
    data = (project / "site" / "downloads" / "facts.json").read_text()
    assert "Infinity" not in data and "NaN" not in data
    assert all(math.isfinite(f["value"]) for a in json.loads(data)["articles"] for f in a["figures"])


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2203-05-01", "2203-05-01 is outside the years the site can show"),
        ("1969-07-20", "1969-07-20 is outside the years the site can show"),
        ("0001-01-05", "0001-01-05 is outside the years the site can show"),
    ],
)
def test_an_article_dated_where_the_site_cannot_go_is_a_located_error_and_the_rest_builds(
    project: Path, date: str, message: str
) -> None:
    (project / "seeds" / "odd.txt").write_text(f"date {date} Far away\n\nOn Friday 3 ships docked.\n")

    code, output = run_build(project)

    assert code == 1, output
    assert f"error: odd.txt:1:6: date: {message} (hint: use a date from 1970 to 2099)" in output
    assert "Traceback" not in output
    assert (project / "site" / "articles" / f"{SEED_ID}.html").is_file()


@pytest.mark.parametrize("code_name", ["ENOSPC", "EROFS", "EACCES"])
def test_a_full_disk_or_a_read_only_folder_is_a_clear_message_and_exit_2(
    project: Path, monkeypatch: pytest.MonkeyPatch, code_name: str
) -> None:
    site = {p.relative_to(project).as_posix(): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    number = getattr(errno, code_name)
    real_mkstemp = tempfile.mkstemp

    def fail(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if "facts" in str(kwargs.get("dir", "")):
            raise OSError(number, os.strerror(number), str(kwargs["dir"]))
        made: tuple[int, str] = real_mkstemp(*args, **kwargs)
        return made

    monkeypatch.setattr(tempfile, "mkstemp", fail)
    fact_file = project / "facts" / f"{SEED_ID}.yaml"
    fact_file.write_text(fact_file.read_text() + "# checked\n")  # a hand edit: its last good copy is written
    facts = {p.relative_to(project).as_posix(): p.read_bytes() for p in (project / "facts").rglob("*") if p.is_file()}

    code, output = run_build(project)

    assert code == 2, output
    assert "Traceback" not in output
    assert output.splitlines()[-2:] == [
        f"factsheet: error: cannot write {project}/facts/.last-good/{SEED_ID}.yaml: {os.strerror(number)} "
        "(hint: free some disk space, or make the folder writable, and build again)",
        "factsheet: nothing was published; the last good site is still in place",
    ]
    site_now = {p.relative_to(project).as_posix(): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert site_now == site
    facts_now = {
        p.relative_to(project).as_posix(): p.read_bytes() for p in (project / "facts").rglob("*") if p.is_file()
    }
    assert facts_now == facts

"""A typo in a fact file or a snapshot must not unpublish its article: the site keeps the file's
last good state, the build names the broken file and exits 1, the review page lists what is held."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_project
from tests.test_build import run_build, snapshot

SEED_ID = "2023-11-29-hamas-group-ready-to-negotiate-more-agreements-for-hostage"
HAND_EDIT = "  title: Chief of the General Staff  # checked\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The seed project, built once (so the copies below need no extraction)."""
    root = make_project(tmp_path_factory.mktemp("last-good"))
    code, output = run_build(root)
    assert code == 0, output
    yield root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(built, root)
    return root


def fact_file(root: Path) -> Path:
    return root / "facts" / f"{SEED_ID}.yaml"


def relative(output: str, root: Path) -> str:
    return output.replace(str(root) + "/", "")


def review_page(root: Path) -> str:
    return (root / "site" / "review" / "index.html").read_text()


def test_a_syntax_error_in_an_edited_file_keeps_the_edited_article_on_the_site(project: Path) -> None:
    path = fact_file(project)
    path.write_text(path.read_text().replace("  title: Chief of Staff\n", HAND_EDIT))
    assert run_build(project)[0] == 0
    assert (project / "facts" / ".last-good" / f"{SEED_ID}.yaml").read_text() == path.read_text()
    broken = path.read_text().replace("  title: Chief of the General Staff", "  title: [Chief of the General Staff", 1)
    path.write_text(broken)

    code, output = run_build(project)

    assert code == 1
    line = broken.splitlines().index("  title: [Chief of the General Staff  # checked") + 1
    assert f"error: facts/{SEED_ID}.yaml:{line + 1}:" in relative(output, project)
    assert (
        f"note: facts/{SEED_ID}.yaml: the site keeps this article's last good facts until the file is fixed"
        in relative(output, project)
    )
    assert path.read_text() == broken, "the broken file is left for the person to fix"
    assert "Chief of the General Staff" in (project / "site" / "people" / "herzi-halevi.html").read_text()
    assert (project / "site" / "articles" / f"{SEED_ID}.html").is_file()
    assert "Held at their last good state" in review_page(project)
    assert f"facts/{SEED_ID}.yaml" in review_page(project)

    path.write_text(broken.replace("  title: [Chief", "  title: Chief", 1))
    assert run_build(project)[0] == 0
    assert "Held at their last good state" not in review_page(project)


def test_a_misspelt_field_in_an_unedited_file_keeps_the_article_at_its_snapshot(project: Path) -> None:
    path = fact_file(project)
    broken = path.read_text().replace("\n  aliases: []\n", "\n  alaises: []\n", 1)
    path.write_text(broken)
    site_before = snapshot(project / "site")

    code, output = run_build(project)

    assert code == 1
    line = broken.splitlines().index("  alaises: []") + 1
    assert (
        f"error: facts/{SEED_ID}.yaml:{line}:12: entities[0].alaises: unknown field 'alaises' "
        "(hint: did you mean 'aliases'?)" in relative(output, project)
    )
    assert "factsheet: 1 problem(s); the other articles were built" in output
    assert path.read_text() == broken
    site_after = snapshot(project / "site")
    assert {n for n in site_before if n.endswith(".html")} == {n for n in site_after if n.endswith(".html")}
    assert not (project / "facts" / ".last-good").exists() or not any((project / "facts" / ".last-good").iterdir())
    assert "Held at their last good state" in review_page(project)


def test_a_broken_snapshot_is_named_as_the_snapshot_and_the_hand_edit_stays(project: Path) -> None:
    path = fact_file(project)
    edited = path.read_text().replace("  title: Chief of Staff\n", HAND_EDIT)
    path.write_text(edited)
    snapshot_file = project / "facts" / ".extracted" / f"{SEED_ID}.yaml"
    snapshot_file.write_text(snapshot_file.read_text().replace("entities:\n", "entities: [\n", 1))

    code, output = run_build(project)

    assert code == 1
    assert f"error: facts/.extracted/{SEED_ID}.yaml:" in relative(output, project)
    assert f"error: facts/{SEED_ID}.yaml:" not in relative(output, project)
    assert (
        f"note: facts/{SEED_ID}.yaml: no usable record of the extractor's last output "
        f"(facts/.extracted/{SEED_ID}.yaml), so every value in your file counts as your edit and stays, "
        "and new facts are added (a fact you deleted may come back)" in relative(output, project)
    )
    assert path.read_text() == edited
    assert "Chief of the General Staff" in (project / "site" / "people" / "herzi-halevi.html").read_text()
    assert (project / "site" / "articles" / f"{SEED_ID}.html").is_file()


def test_a_broken_file_with_no_good_state_is_left_out_and_reported(project: Path) -> None:
    path = fact_file(project)
    path.write_text("article: [\n")
    (project / "facts" / ".extracted" / f"{SEED_ID}.yaml").write_text("- a list, not facts\n")

    code, output = run_build(project)

    assert code == 1
    assert f"error: facts/{SEED_ID}.yaml:2:1: " in relative(output, project)
    assert not (project / "site" / "articles" / f"{SEED_ID}.html").exists()
    assert path.read_text() == "article: [\n"


def test_the_held_state_is_the_last_valid_one_even_after_an_edit_was_undone(project: Path) -> None:
    path = fact_file(project)
    machine = path.read_text()
    copy = project / "facts" / ".last-good" / f"{SEED_ID}.yaml"
    path.write_text(machine.replace("  title: Chief of Staff\n", HAND_EDIT))
    assert run_build(project)[0] == 0
    assert copy.is_file()
    path.write_text(machine)  # the edit undone: the file is its snapshot again, and needs no copy
    assert run_build(project)[0] == 0
    assert not copy.exists()
    path.write_text(machine.replace("  title: Chief of Staff\n", "  title: [Chief of Staff\n"))

    code, _ = run_build(project)

    assert code == 1
    html = (project / "site" / "people" / "herzi-halevi.html").read_text()
    assert "Chief of Staff" in html and "Chief of the General Staff" not in html

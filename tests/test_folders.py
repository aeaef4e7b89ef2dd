"""Stay inside the folders given: links out of them, links to nothing, loops, pipes, folders and
unreadable files are per-file errors; a site folder that is not a site, overlapping folders and a
second build on the same site or facts are refused. Nothing outside is read, written or deleted."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import make_project
from tests.test_build import run_build, snapshot
from tests.test_last_good import SEED_ID

NOTHING_PUBLISHED = "factsheet: nothing was published; the last good site is still in place"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = make_project(tmp_path_factory.mktemp("folders"))
    code, output = run_build(root)
    assert code == 0, output
    yield root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "p", symlinks=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.yaml").write_text("password: hunter2\n")
    return tmp_path / "p"


def relative(output: str, root: Path) -> str:
    return output.replace(str(root.parent) + "/", "")


def test_a_snapshot_folder_that_links_elsewhere_is_refused_and_nothing_there_is_touched(project: Path) -> None:
    outside = project.parent / "outside"
    shutil.rmtree(project / "facts" / ".extracted")
    (outside / f".{SEED_ID}.yaml.abc123.tmp").write_text("not ours")
    (project / "facts" / ".extracted").symlink_to(outside)
    before = snapshot(outside)

    code, output = run_build(project)

    assert code == 2
    assert relative(output, project).splitlines()[-2:] == [
        "factsheet: error: p/facts/.extracted must be a folder inside p/facts/, not a link or a file; "
        "remove it, and the next build makes it again",
        NOTHING_PUBLISHED,
    ]
    assert snapshot(outside) == before


def test_a_fact_file_that_links_outside_is_not_read_and_its_article_is_held(project: Path) -> None:
    fact_file = project / "facts" / f"{SEED_ID}.yaml"
    fact_file.unlink()
    fact_file.symlink_to(project.parent / "outside" / "secret.yaml")

    code, output = run_build(project)

    assert code == 1
    assert f"error: p/facts/{SEED_ID}.yaml: is a link to a file outside p/facts/ (hint: copy the file here" in (
        relative(output, project)
    )
    assert "hunter2" not in output and "password" not in output
    assert (project / "site" / "articles" / f"{SEED_ID}.html").is_file()
    assert (project.parent / "outside" / "secret.yaml").read_text() == "password: hunter2\n"
    assert fact_file.is_symlink()


@pytest.mark.parametrize("kind", ["dangling", "loop", "fifo", "folder", "not-utf8", "unreadable"])
def test_a_fact_file_that_cannot_be_read_is_a_located_error_not_a_traceback_or_a_hang(
    project: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fact_file = project / "facts" / f"{SEED_ID}.yaml"
    fact_file.unlink()
    if kind == "dangling":
        fact_file.symlink_to(project / "facts" / "gone.yaml")
    elif kind == "loop":
        fact_file.symlink_to(fact_file)
    elif kind == "fifo":
        os.mkfifo(fact_file)
    elif kind == "folder":
        fact_file.mkdir()
    elif kind == "not-utf8":
        fact_file.write_bytes(b"article:\n  title: caf\xe9\n")
    else:
        fact_file.write_text("article: {}\n")
        real_open = os.open

        def refuse(path: object, *args: object, **kwargs: object) -> int:
            if str(path) == str(fact_file):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refuse)
    expected = {
        "dangling": "is a link to nothing (hint: remove the link, or copy the file here in its place)",
        "loop": "is a link that leads round in a loop (hint: remove the link)",
        "fifo": "is not a regular file (a folder, a pipe or a device) (hint: replace it with a text file)",
        "folder": "is not a regular file (a folder, a pipe or a device) (hint: replace it with a text file)",
        "not-utf8": "is not UTF-8 text (invalid continuation byte) (hint: save the file as UTF-8)",
        "unreadable": "cannot be read (permission denied) (hint: give yourself read permission: chmod u+r)",
    }[kind]

    code, output = run_build(project)

    assert code == 1, output
    assert f"error: p/facts/{SEED_ID}.yaml: {expected}" in relative(output, project)
    assert "Traceback" not in output
    assert (project / "site" / "articles" / f"{SEED_ID}.html").is_file(), "held at its last good state"


@pytest.mark.parametrize("kind", ["dangling", "loop", "fifo", "outside"])
def test_an_article_that_cannot_be_read_is_a_per_file_error_and_the_rest_builds(project: Path, kind: str) -> None:
    article = project / "seeds" / "z-broken.txt"
    if kind == "dangling":
        article.symlink_to(project / "seeds" / "gone.txt")
    elif kind == "loop":
        article.symlink_to(article)
    elif kind == "fifo":
        os.mkfifo(article)
    else:
        (project.parent / "outside" / "a.txt").write_text("date 2024-01-01 Secret\n\nSecret text.\n")
        article.symlink_to(project.parent / "outside" / "a.txt")
    expected = {
        "dangling": "is a link to nothing",
        "loop": "is a link that leads round in a loop",
        "fifo": "is not a regular file (a folder, a pipe or a device)",
        "outside": "is a link to a file outside",
    }[kind]

    code, output = run_build(project)

    assert code == 1, output
    assert f"error: z-broken.txt: {expected}" in output
    assert "factsheet: 1 problem(s); the other articles were built" in output
    assert (project / "site" / "articles" / f"{SEED_ID}.html").is_file()


def test_a_site_folder_that_factsheet_did_not_build_is_refused_and_kept(project: Path) -> None:
    mine = project.parent / "mine"
    mine.mkdir()
    (mine / "thesis.md").write_text("years of work\n")

    code, output = run_build(project, "--site", str(mine))

    assert code == 2
    assert relative(output, project).splitlines()[-2:] == [
        "factsheet: error: --site mine holds files that factsheet did not build, and publishing would delete "
        "them; choose a new or empty folder",
        NOTHING_PUBLISHED,
    ]
    assert snapshot(mine) == {"thesis.md": b"years of work\n"}


@pytest.mark.parametrize(
    ("option", "inside"), [("--site", "facts"), ("--build-dir", "seeds"), ("--site", "seeds/site")]
)
def test_overlapping_folders_are_refused_before_anything_is_written(project: Path, option: str, inside: str) -> None:
    facts, seeds = snapshot(project / "facts"), snapshot(project / "seeds")
    target = project / inside

    code, output = run_build(project, option, str(target))

    assert code == 2
    assert "overlap; give each its own folder, none inside another" in output
    assert snapshot(project / "facts") == facts and snapshot(project / "seeds") == seeds


@pytest.mark.parametrize("held", ["site", "facts"])
def test_a_second_build_on_the_same_site_or_facts_with_another_build_folder_stops_at_once(
    project: Path, held: str
) -> None:
    site = snapshot(project / "site")
    lock_path = project / ".site.lock" if held == "site" else project / "facts"
    descriptor = os.open(lock_path, os.O_RDONLY | (os.O_DIRECTORY if held == "facts" else 0))
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        code, output = run_build(project, "--build-dir", str(project / "other-build"))
    finally:
        os.close(descriptor)

    assert code == 2
    assert relative(output, project).splitlines()[-2:] == [
        f"factsheet: error: another build is running in p/{held}/; wait for it to finish",
        NOTHING_PUBLISHED,
    ]
    assert snapshot(project / "site") == site


def test_check_names_each_unreadable_fact_file_and_neither_hangs_nor_reads_outside(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    (tmp_path / "secret.yaml").write_text("password: hunter2\n")
    (facts / "a-link.yaml").symlink_to(tmp_path / "secret.yaml")
    os.mkfifo(facts / "b-pipe.yaml")
    (facts / "c-latin1.yaml").write_bytes(b"article: caf\xe9\n")

    result = CliRunner().invoke(main, ["check", "--facts", str(facts)])

    assert result.exit_code == 1
    assert "hunter2" not in result.output
    assert relative(result.output, facts).splitlines() == [
        "error: facts/a-link.yaml: is a link to a file outside facts/ (hint: copy the file here instead of linking to it)",
        "error: facts/b-pipe.yaml: is not a regular file (a folder, a pipe or a device) "
        "(hint: replace it with a text file)",
        "error: facts/c-latin1.yaml: is not UTF-8 text (invalid continuation byte) (hint: save the file as UTF-8)",
    ]

"""Builds killed at random moments (SIGKILL, SIGINT) leave the last good site and every fact file whole.

A small project (the seed plus a short Wikinews article) is built once and given a hand edit with a
comment: that is the last good state. Two changes are then built and killed, each many times, at
seeded random moments spread over the whole length of an uninterrupted build of the same change:

- "new-article": a second Wikinews article arrives whose extraction is already in the snapshot
  folder, so the build writes a new fact file, renders, runs MkDocs and publishes without loading
  the language model (a short build, so that most kills land in the work that matters);
- "changed-article": the seed article gains a paragraph, so the build loads the model, extracts it
  again and merges the new facts into the hand-edited fact file;
- "held-article": the same new article arrives while the hand-edited fact file has a syntax error,
  so the build shows that article at its last good state (`facts/.last-good/`) beside the new one.

After every kill: the site is, byte for byte, the last good site or the complete new one; every fact
file parses and is its old or its new version; the hand edit is there; nothing in facts/ would be
read as a fact file that should not be; and a normal build then gives exactly what an uninterrupted
build gives.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import yamlsafe
from generator.cli import main
from generator.facts.registry import REGISTRY_FILE, load_registry
from generator.facts.validate import load_facts
from tests.conftest import ROOT, make_project, shared

pytestmark = pytest.mark.slow

ARTICLES = ("2020-02-27_Former_Egyptian_President_Hosni_Mubarak_dies.md",)
NEW_ARTICLE = "2019-05-21_Nickey_Iyambo_former_vice_president_of_Namibia_dies_aged_82.md"
SEED_FACTS = "facts/2023-11-29-hamas-group-ready-to-negotiate-more-agreements-for-hostage.yaml"
HAND_EDIT = "  title: Chief of the General Staff  # IDF; checked against idf.il\n"
NEW_PARAGRAPH = (
    "\n\nOn Thursday, Qatar's foreign ministry spokesman Majed al-Ansari said that 16 more hostages "
    "would be released in exchange for 48 Palestinian prisoners.\n"
)
TYPO = ("  name: Ghazi Hamad\n", "  name: [Ghazi Hamad\n")
"""A syntax error a person leaves in the hand-edited fact file: the "held-article" change."""
RUNS = {"new-article": 16, "changed-article": 4, "held-article": 6}
"""Kills per change: 26 in all, half SIGKILL and half SIGINT."""
EXIT_CODES = {"new-article": 0, "changed-article": 0, "held-article": 1}
"""The exit status of an uninterrupted build of each change (1: a fact file is broken, and held)."""


def command(root: Path) -> list[str]:
    folders = {"seeds": "seeds", "facts": "facts", "site": "site", "build-dir": "build"}
    args = [sys.executable, "-m", "generator", "build", "--quiet"]
    for option, folder in folders.items():
        args += [f"--{option}", str(root / folder)]
    return [*args, "--config", str(root / "site_config"), "--templates", str(root / "templates")]


def start(root: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command(root), cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def build_in_process(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, command(root)[3:])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones included), by relative path."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def digest(files: dict[str, bytes]) -> str:
    hashed = hashlib.sha256()
    for name, data in sorted(files.items()):
        hashed.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return hashed.hexdigest()


def fact_files(root: Path) -> dict[str, bytes]:
    """The fact files, snapshots and last good copies the build reads: `*.yaml` in facts/,
    facts/.extracted/ and facts/.last-good/."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in (root / "facts", root / "facts" / ".extracted", root / "facts" / ".last-good")
        for p in sorted(folder.glob("*.yaml"))
    }


def assert_complete(root: Path) -> None:
    """A complete site: home, 404, sitemap, search index, a page for every article of the fact files
    and for every entity the downloads list (those with a published fact or mention)."""
    site = root / "site"
    for name in ("index.html", "404.html", "sitemap.xml", "pagefind/pagefind.js", "assets/factsheet.css"):
        assert (site / name).is_file(), name
    folders = {"person": "people", "organisation": "organisations", "place": "places"}
    for path in sorted((root / "facts").glob("*.yaml")):
        if path.name == REGISTRY_FILE:
            continue
        if path.read_text().count(TYPO[1]):
            path = root / "facts" / ".last-good" / path.name  # held at its last good state
        facts = load_facts(path.read_text(), path.name)
        assert (site / "articles" / f"{facts['article']['id']}.html").is_file(), path.name
    entities = json.loads((site / "downloads" / "facts.json").read_text(encoding="utf-8"))["entities"]
    assert entities, "the downloads list the entities that have pages"
    for entity in entities:
        assert (site / folders[entity["type"]] / f"{entity['id']}.html").is_file(), entity["id"]


@dataclass
class Change:
    name: str
    start: Path
    """The project before the build: the last good site, facts with a hand edit, the changed input."""
    duration: float
    """Seconds an uninterrupted build of the change takes, measured as a subprocess."""
    old_site: str
    new_site: str
    old_facts: dict[str, bytes]
    new_facts: dict[str, bytes]


@pytest.fixture(scope="session")
def changes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Change]]:
    corpus = shared("corpus/wikinews")
    base = tmp_path_factory.mktemp("kill")
    # The new article's extraction, made once beforehand: the "new-article" build needs no model.
    good = make_project(base / "good", {name: (corpus / name).read_bytes() for name in ARTICLES})
    assert build_in_process(good)[0] == 0
    warm = base / "warm"
    shutil.copytree(good, warm)
    shutil.copy(corpus / NEW_ARTICLE, warm / "seeds" / NEW_ARTICLE)
    assert build_in_process(warm)[0] == 0
    seed_facts = good / SEED_FACTS
    text = seed_facts.read_text()
    assert "  title: Chief of Staff\n" in text
    seed_facts.write_text(text.replace("  title: Chief of Staff\n", HAND_EDIT))
    assert build_in_process(good)[0] == 0
    assert_complete(good)

    new_article = base / "new-article"
    shutil.copytree(good, new_article)
    shutil.copy(corpus / NEW_ARTICLE, new_article / "seeds" / NEW_ARTICLE)
    for snapshot in (warm / "facts" / ".extracted").glob("2019-05-21-*.yaml"):
        shutil.copy(snapshot, new_article / "facts" / ".extracted" / snapshot.name)
    held_article = base / "held-article"
    shutil.copytree(new_article, held_article)
    held_facts = held_article / SEED_FACTS
    assert held_facts.read_text().count(TYPO[0]) == 1
    held_facts.write_text(held_facts.read_text().replace(*TYPO))
    assert (held_article / "facts" / ".last-good" / Path(SEED_FACTS).name).is_file()
    changed_article = base / "changed-article"
    shutil.copytree(good, changed_article)
    seed = next((changed_article / "seeds").glob("*.txt"))
    seed.write_text(seed.read_text().rstrip("\n") + NEW_PARAGRAPH)

    result = {}
    changed = (("new-article", new_article), ("changed-article", changed_article), ("held-article", held_article))
    for name, root in changed:
        reference = base / f"{name}-reference"
        shutil.copytree(root, reference)
        began = time.monotonic()
        process = start(reference)
        _, err = process.communicate(timeout=120)
        duration = time.monotonic() - began
        assert process.returncode == EXIT_CODES[name], err.decode()
        assert_complete(reference)
        result[name] = Change(
            name,
            root,
            duration,
            old_site=digest(tree(good / "site")),
            new_site=digest(tree(reference / "site")),
            old_facts=fact_files(root),
            new_facts=fact_files(reference),
        )
        assert result[name].new_site != result[name].old_site
        assert result[name].new_facts != result[name].old_facts
    yield result


def kill_points() -> list[tuple[str, int, signal.Signals, float]]:
    """(change, run, signal, fraction of the build): fractions stratified over [0, 1), seeded."""
    rng = random.Random(20261124)
    points = []
    for name, runs in RUNS.items():
        for run in range(runs):
            sig = signal.SIGKILL if run % 2 == 0 else signal.SIGINT
            points.append((name, run, sig, (run + rng.random()) / runs))
    return points


@pytest.mark.parametrize(
    ("name", "run", "sig", "fraction"),
    kill_points(),
    ids=[f"{n}-{r}-{s.name}" for n, r, s, _ in kill_points()],
)
def test_a_killed_build_leaves_the_last_good_site_and_every_fact_file_whole(
    changes: dict[str, Change], tmp_path: Path, name: str, run: int, sig: signal.Signals, fraction: float
) -> None:
    change = changes[name]
    root = tmp_path / "project"
    shutil.copytree(change.start, root)
    process = start(root)
    time.sleep(change.duration * fraction)
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    if sig == signal.SIGKILL and process.returncode != EXIT_CODES[name]:  # the kill may land after the end
        assert process.returncode == -signal.SIGKILL, err.decode()
    # A SIGINT that lands before Python installs its handler ends the process like SIGKILL does
    # (-SIGINT); after that it is a KeyboardInterrupt, which must not publish a half-built site.

    site = digest(tree(root / "site"))
    assert site in (change.old_site, change.new_site), "the site is neither the last good one nor the new one"
    if site == change.new_site:
        assert_complete(root)
    now = fact_files(root)
    for path in sorted(set(change.old_facts) | set(change.new_facts) | set(now)):
        assert now.get(path) in (change.old_facts.get(path), change.new_facts.get(path)), f"{path} is half-written"
        if path not in now:
            continue
        if path == f"facts/{REGISTRY_FILE}":
            load_registry(now[path].decode(), path)
        elif path.startswith("facts/.extracted/"):
            yamlsafe.load(now[path].decode(), path)
        elif TYPO[1] not in now[path].decode():
            load_facts(now[path].decode(), path)
    assert HAND_EDIT in (root / SEED_FACTS).read_text(), "the hand edit was lost"
    for leftover in sorted((root / "facts").rglob("*")):
        if leftover.is_file() and leftover.relative_to(root).as_posix() not in now:
            # an interrupted atomic write's temporary file: hidden, and never named *.yaml
            assert leftover.name.startswith(".") and leftover.name.endswith(".tmp"), leftover

    code, output = build_in_process(root)
    assert code == EXIT_CODES[name], output
    assert digest(tree(root / "site")) == change.new_site, "the next build differs from an uninterrupted one"
    assert fact_files(root) == change.new_facts, "the fact files differ from an uninterrupted build's"
    assert not (root / ".site.new").exists() and not (root / ".site.old").exists()
    assert not sorted((root / "facts").rglob("*.tmp")), "the next build leaves no temporary file"
    assert not sorted((root / "build").glob(".pages-*")), "the next build leaves no page spill folder"


def holds_lock(build_dir: Path) -> bool:
    """Whether some process holds the build lock (probed without taking it for long)."""
    lock = build_dir / ".lock"
    if not lock.exists():
        return False
    with open(lock) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_a_second_build_started_during_a_first_fails_at_once_and_the_first_completes(
    changes: dict[str, Change], tmp_path: Path
) -> None:
    change = changes["changed-article"]
    root = tmp_path / "project"
    shutil.copytree(change.start, root)
    first = start(root)
    deadline = time.monotonic() + 60
    while not holds_lock(root / "build"):
        assert first.poll() is None, "the first build ended before it was seen holding the lock"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    began = time.monotonic()
    second = start(root)
    _, err = second.communicate(timeout=60)
    waited = time.monotonic() - began
    assert second.returncode == 2
    assert err.decode().splitlines() == [
        f"factsheet: error: another build is running in {root / 'build'}/; wait for it to finish",
        "factsheet: nothing was published; the last good site is still in place",
    ]
    assert first.poll() is None, "the second build waited for the first instead of failing at once"
    assert waited < change.duration
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err.decode()
    assert digest(tree(root / "site")) == change.new_site
    assert fact_files(root) == change.new_facts

"""The entity registry through whole builds: a hand edit of facts/entities.yaml reaches every page,
never rewrites a fact file, and a broken registry publishes nothing."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import make_project
from tests.test_build import run_build, snapshot

REGISTRY = """\
entities:
- id: ghazi-hamad
  name: Dr Ghazi Hamad   # renamed by hand
  type: person
  aliases: [Hamad]
  description: Member of the Hamas political office
- id: rafah-crossing
  name: Rafah Border Crossing
  type: place
  aliases: [Rafah crossing, Rafah]
"""


def page(root: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((root / "site" / path).read_text(), "html.parser")


def test_first_build_creates_an_empty_commented_registry(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root)[0] == 0
    text = (root / "facts" / "entities.yaml").read_text()
    assert text.rstrip().endswith("entities: []")
    assert "never writes it" in text


def test_registry_rename_reaches_every_page_and_no_fact_file_changes(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root)[0] == 0
    facts = {k: v for k, v in snapshot(root / "facts").items() if k != "entities.yaml"}
    (root / "facts" / "entities.yaml").write_text(REGISTRY)
    code, output = run_build(root)
    assert code == 0, output
    assert "0 extracted" in output, "a registry edit needs no extraction"
    assert {k: v for k, v in snapshot(root / "facts").items() if k != "entities.yaml"} == facts
    person = page(root, "people/ghazi-hamad.html")
    assert person.h1 is not None and person.h1.get_text(strip=True) == "Dr Ghazi Hamad"
    assert "Member of the Hamas political office" in person.get_text()
    [article] = (root / "site" / "articles").glob("2023-*.html")
    links = {a.get_text(strip=True) for a in BeautifulSoup(article.read_text(), "html.parser").find_all("a")}
    assert "Dr Ghazi Hamad" in links and "Ghazi Hamad" not in links
    assert "Rafah Border Crossing" in links
    assert (root / "site" / "places" / "rafah-crossing.html").exists()
    assert (root / "facts" / "entities.yaml").read_text() == REGISTRY, "factsheet never writes the registry"


def test_broken_registry_is_located_and_the_last_good_site_stays(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert run_build(root)[0] == 0
    site = snapshot(root / "site")
    (root / "facts" / "entities.yaml").write_text("entities:\n- id: x\n  name: X\n  type: persn\n")
    code, output = run_build(root)
    assert code == 2
    assert (
        f"{root}/facts/entities.yaml:4:9: entities[0].type: 'persn' is not allowed "
        "(hint: use one of: person, organisation, place)"
    ) in output
    assert "nothing was published; the last good site is still in place" in output
    assert snapshot(root / "site") == site

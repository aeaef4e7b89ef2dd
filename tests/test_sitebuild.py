"""Incremental MkDocs builds: only changed pages are built again, and the site equals a full build."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from generator.build import build
from generator.sitebuild import Manifest, plan
from tests.conftest import make_project, settings_for

SECOND = """date 2023-11-30 Truce extended by a day

Qatar's foreign ministry spokesman Majed al-Ansari said on Thursday that the truce would be extended.
He said that 16 hostages were released on Wednesday.
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def full_build_of(root: Path) -> dict[str, bytes]:
    """The site a clean build makes from the project's current seeds and facts."""
    report = build(settings_for(root, site=root / "full-site", build=root / "full-build"))
    assert report.site_built and report.site_pages_built is None
    return tree(root / "full-site")


def edit_a_title(root: Path, title: str) -> None:
    """What a person does by hand: change the first role's title in the first fact file."""
    fact_file = next(p for p in sorted((root / "facts").glob("*.yaml")) if p.name != "entities.yaml")
    text = fact_file.read_text(encoding="utf-8")
    head, roles = text.split("\nroles:\n", 1)
    old_title = next(line for line in roles.splitlines() if line.startswith("  title: "))
    fact_file.write_text(f"{head}\nroles:\n" + roles.replace(old_title, f"  title: {title}", 1), encoding="utf-8")


def search_text(site: Path) -> str:
    """The text of every record in the site's Pagefind index (fragments are gzipped JSON after a signature)."""
    texts = []
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        texts.append(json.loads(data)["content"])
    return " ".join(texts)


def test_plan_builds_whole_without_a_manifest_or_when_the_frame_changed() -> None:
    current = Manifest("frame", {"a.md": "1"})
    assert plan(None, current) is None
    assert plan(Manifest("other frame", {"a.md": "1"}), current) is None


def test_plan_lists_changed_new_and_removed_files() -> None:
    previous = Manifest("f", {"same.md": "1", "edited.md": "1", "gone.md": "1"})
    current = Manifest("f", {"same.md": "1", "edited.md": "2", "new.md": "1"})
    rebuild = plan(previous, current)
    assert rebuild is not None
    assert rebuild.changed == {"edited.md", "new.md"}
    assert rebuild.removed == {"gone.md"}


def test_plan_reindexes_search_only_when_the_records_changed() -> None:
    previous = Manifest("f", {"a.md": "1"}, "records 1")
    same_records = plan(previous, Manifest("f", {"a.md": "2"}, "records 1"))
    new_records = plan(previous, Manifest("f", {"a.md": "1"}, "records 2"))
    assert same_records is not None and not same_records.reindex
    assert new_records is not None and new_records.reindex


def test_an_edited_fact_rebuilds_a_few_pages_and_the_site_equals_a_full_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"second.txt": SECOND})
    first = build(settings_for(root))
    assert first.site_pages_built is None and first.pages > 20
    edit_a_title(root, "Keeper of the Records")

    report = build(settings_for(root))

    assert report.site_built and report.site_pages_built is not None
    assert 1 <= report.site_pages_built <= 5 < first.pages
    assert "Keeper of the Records" in search_text(root / "site")
    assert tree(root / "site") == full_build_of(root)


def test_a_removed_article_leaves_no_page_and_the_site_equals_a_full_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"second.txt": SECOND})
    build(settings_for(root))
    article_pages = sorted(p.name for p in (root / "site" / "articles").glob("*.html") if p.name != "index.html")
    assert len(article_pages) == 2
    (root / "seeds" / "second.txt").unlink()

    report = build(settings_for(root))

    assert report.site_pages_built is not None
    remaining = sorted(p.name for p in (root / "site" / "articles").glob("*.html") if p.name != "index.html")
    assert len(remaining) == 1
    assert "Majed al-Ansari" not in search_text(root / "site")
    assert tree(root / "site") == full_build_of(root)


def test_a_changed_site_configuration_builds_the_whole_site(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    build(settings_for(root))
    css = root / "site_config" / "assets" / "factsheet.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.md-typeset h1 { letter-spacing: 0; }\n", encoding="utf-8")

    report = build(settings_for(root))

    assert report.site_built and report.site_pages_built is None
    assert "letter-spacing: 0" in (root / "site" / "assets" / "factsheet.css").read_text(encoding="utf-8")


def test_a_lost_search_index_builds_the_whole_site(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    build(settings_for(root))
    (root / "site" / "pagefind" / "pagefind.js").unlink()
    edit_a_title(root, "Keeper of the Records")

    report = build(settings_for(root))

    assert report.site_built and report.site_pages_built is None
    assert (root / "site" / "pagefind" / "pagefind.js").is_file()
    assert "Keeper of the Records" in search_text(root / "site")


def test_an_edit_outside_the_search_records_keeps_the_published_index(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    build(settings_for(root))
    before = tree(root / "site" / "pagefind")
    fact_file = next(p for p in sorted((root / "facts").glob("*.yaml")) if p.name != "entities.yaml")
    text = fact_file.read_text(encoding="utf-8")
    fact_file.write_text(text.replace("  cue: announced\n", "  cue: declared\n", 1), encoding="utf-8")
    assert fact_file.read_text(encoding="utf-8") != text

    report = build(settings_for(root))

    assert report.site_pages_built is not None and report.site_pages_built >= 1
    assert tree(root / "site" / "pagefind") == before
    assert tree(root / "site") == full_build_of(root)


def test_the_command_line_says_how_many_pages_an_update_rebuilt(tmp_path: Path) -> None:
    from tests.test_build import run_build

    root = make_project(tmp_path)
    code, output = run_build(root)
    assert code == 0 and output.splitlines()[-1].endswith(f"site built: {root / 'site'}/index.html")
    edit_a_title(root, "Keeper of the Records")

    code, output = run_build(root)

    assert code == 0  # the article, the person's page, the front page (their latest title), the downloads
    assert output.splitlines()[-1] == (
        "factsheet: 1 article(s), 0 extracted, 0 fact file(s) written, 4 page(s) written; "
        f"site updated (3 page(s) rebuilt): {root / 'site'}/index.html"
    )

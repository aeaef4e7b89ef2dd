"""Limits: every adversarial size is refused or cut in bounded time, with a message naming the file.

The bounds measured on the project's machine class are in docs/security.md; the time limits here
are loose (ten times those) so that a busy machine does not fail them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import storage, yamlsafe
from generator.articles import MAX_ARTICLE_BYTES, MAX_PARAGRAPH_CHARS, parse_article
from generator.cli import main
from generator.config import mkdocs_config, parse_site_config
from generator.errors import InputError
from tests.conftest import make_project

SENTENCE = "The committee said 40 people were moved to the eastern shelter on Tuesday. "


def refused(data: bytes | str, name: str, **options: int) -> str:
    raw = data.encode() if isinstance(data, str) else data
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        parse_article(raw, name, **options)
    assert time.perf_counter() - started < 2
    message = str(caught.value)
    assert message.startswith(f"{name}:"), message
    return message


def test_an_article_over_the_limit_is_refused_with_its_name_and_the_setting_to_change() -> None:
    message = refused(b"date 2023-11-29 Big\n\n" + b"x" * MAX_ARTICLE_BYTES, "big.txt")
    assert message == (
        "big.txt: the file is larger than the limit of 300,000 bytes "
        "(hint: split the article, or raise max_article_bytes in site_config/mkdocs.yml)"
    )
    assert "limit of 100 bytes" in refused("date 2023-11-29 T\n\n" + "word " * 30, "small.txt", max_bytes=100)


def test_an_article_just_under_the_limit_of_one_paragraph_is_read_in_bounded_time() -> None:
    body = SENTENCE * ((MAX_ARTICLE_BYTES - 100) // len(SENTENCE))
    started = time.perf_counter()
    article = parse_article(f"date 2023-11-29 Big\n\n{body}".encode(), "big.txt")
    assert time.perf_counter() - started < 3  # measured: 0.2 s
    assert len(article.paragraphs) >= (MAX_ARTICLE_BYTES - 200) // MAX_PARAGRAPH_CHARS
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in article.paragraphs)
    assert article.notes == ("big.txt: 1 paragraph(s) over 20,000 characters were cut at sentence ends",)


def test_a_paragraph_of_280_kb_without_a_sentence_end_is_cut_at_the_limit() -> None:
    article = parse_article(b"date 2023-11-29 Big\n\n" + b"x" * 280_000, "long.txt")
    assert [len(p) for p in article.paragraphs] == [MAX_PARAGRAPH_CHARS] * 14
    assert "long.txt: 1 paragraph(s) over 20,000 characters were cut" in article.notes[0]


def test_only_the_first_bytes_of_an_oversized_file_are_read(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_bytes(b"x" * 5_000_000)
    files, problems = storage.read_inputs(tmp_path, max_bytes=1000)
    assert not problems
    assert [(f.name, len(f.data)) for f in files] == [("huge.txt", 1001)]


BILLION_LAUGHS = "\n".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
)


def test_a_billion_laughs_front_matter_is_refused_before_it_expands() -> None:
    message = refused(f"---\ntitle: T\ndate: 2023-11-29\n{BILLION_LAUGHS}\n---\n\nBody.\n", "laughs.md")
    assert message.startswith("laughs.md:9:14: the document expands to more than 200,000 values through its aliases")


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (100, "deep.md:3:71: deep[0][0]…: nesting deeper than 64 levels (hint: flatten the data)"),
        (10_000, "deep.md:3:1006: YAML syntax error: nesting deeper than 64 levels (hint: flatten the data)"),
    ],
)
def test_deep_nesting_is_refused_with_its_place(depth: int, expected: str) -> None:
    nested = "[" * depth + "]" * depth
    assert refused(f"---\ntitle: T\ndeep: {nested}\ndate: 2023-11-29\n---\n\nBody.\n", "deep.md") == expected


def test_deep_nesting_in_a_fact_file_is_refused_fast() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"^facts/x.yaml:1:1001: YAML syntax error: nesting deeper than 64"):
        yamlsafe.load("[" * 100_000 + "]" * 100_000, "facts/x.yaml")
    assert time.perf_counter() - started < 1


def test_max_article_bytes_is_read_from_the_site_configuration_and_checked() -> None:
    config = parse_site_config("site_name: x\nmax_article_bytes: 5000\n", "mkdocs.yml")
    assert config.max_article_bytes == 5000
    assert "max_article_bytes" not in mkdocs_config(config, Path("d"), Path("s"), Path("c"))
    assert parse_site_config("site_name: x\n", "mkdocs.yml").max_article_bytes == MAX_ARTICLE_BYTES
    with pytest.raises(InputError) as caught:
        parse_site_config("site_name: x\nmax_article_bytes: lots\n", "mkdocs.yml")
    assert str(caught.value) == (
        "mkdocs.yml:2:20: max_article_bytes: expected a whole number of bytes, got 'lots' "
        "(hint: write a number such as 2000000)"
    )


def test_a_build_refuses_an_article_over_the_configured_size_and_names_it(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"big.txt": "date 2023-11-29 Big\n\n" + SENTENCE * 20}, seed=False)
    config = root / "site_config" / "mkdocs.yml"
    config.write_text(config.read_text() + "max_article_bytes: 1000\n")
    result = CliRunner().invoke(
        main,
        [
            "build",
            *("--seeds", str(root / "seeds"), "--facts", str(root / "facts"), "--site", str(root / "site")),
            *("--build-dir", str(root / "build"), "--config", str(root / "site_config")),
            *("--templates", str(root / "templates")),
        ],
    )
    assert result.exit_code == 1, result.output
    assert (
        "error: big.txt: the file is larger than the limit of 1,000 bytes "
        "(hint: split the article, or raise max_article_bytes in site_config/mkdocs.yml)"
    ) in result.output
    assert (root / "site" / "index.html").exists()

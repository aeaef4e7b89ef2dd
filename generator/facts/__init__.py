"""Fact files: the YAML people read and edit. Dumping, validating and merging; no disk access here."""

from __future__ import annotations

import re
from typing import Any

import yaml

SECTIONS = ("entities", "roles", "figures", "statements", "dates", "sentences")
"""The lists of records in a fact file, in the order they are written."""
SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"
HEADER = (
    "# Facts of one article, found by factsheet and yours to edit: change, delete, add or reorder\n"
    "# records, add comments, set `reviewed: true`. A rebuild keeps every edit. See README.md.\n"
)


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, long lines kept whole: the same bytes for the same facts."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def dump(document: dict[str, Any], schema: str | None = None) -> str:
    """The text of a fact file: header comments, then `document` with its keys in their given order."""
    body = yaml.dump(
        document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096, default_flow_style=False
    )
    head = SCHEMA_COMMENT.format(schema=schema) if schema else ""
    return head + HEADER + body


_SECTION_LINE = re.compile(r"([a-z_]+):")
_ID_LINE = re.compile(r"\s*-\s+id:\s*['\"]?([^'\"#\s]+)")


def record_lines(text: str) -> dict[tuple[str, str], int]:
    """(section, record id) → the line where the record starts, found by a scan of the text (fast,
    and good enough for a link: a record whose `id` is not its first key points at its section)."""
    lines: dict[tuple[str, str], int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        top = _SECTION_LINE.match(line)
        if top:
            section = top[1]
            lines.setdefault((section, ""), number)
            continue
        record = _ID_LINE.match(line)
        if record and section:
            lines.setdefault((section, record[1]), number)
    return lines

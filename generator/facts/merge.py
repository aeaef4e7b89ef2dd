"""Three-way merge of a fact file: the last machine output (base), the file as the person left it
(mine) and the new machine output (theirs). The person's edits always win; comments and order stay.

- a field the person changed keeps the person's value (and a conflict is reported if the machine
  changed it too); a field the person did not touch follows the machine;
- a record the person deleted stays deleted; a record the person added stays;
- a record the machine no longer finds goes away only if the person never touched it;
- records new to the machine are appended at the end of their list.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from generator.facts import SECTIONS


@dataclass
class Merged:
    text: str
    conflicts: list[str] = field(default_factory=list)
    """Fields both sides changed; the person's value was kept."""


def _round_trip() -> YAML:
    rt = YAML(typ="rt")
    rt.width = 4096
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=2, offset=0)
    rt.representer.add_representer(type(None), _represent_null)
    return rt


def _represent_null(representer: Any, data: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def merge(base: dict[str, Any], mine_text: str, mine: dict[str, Any], theirs: dict[str, Any], name: str) -> Merged:
    """Bring the machine's changes from `base` to `theirs` into the person's file `mine_text`.

    `mine` is `mine_text` already loaded and validated, as plain data.
    """
    rt = _round_trip()
    tree = rt.load(mine_text)
    conflicts: list[str] = []
    _merge_record(
        tree["article"], mine["article"], base.get("article", {}), theirs["article"], f"{name}: article", conflicts
    )
    if "extraction" in theirs:
        if "extraction" in tree:
            for key, value in theirs["extraction"].items():
                tree["extraction"][key] = _commented(value)
        else:
            tree.insert(1, "extraction", _commented(theirs["extraction"]))
    for section in SECTIONS:
        _merge_section(tree[section], mine[section], base.get(section, []), theirs[section], section, name, conflicts)
    out = io.StringIO()
    rt.dump(tree, out)
    return Merged(_restore_lost_comments(mine_text, out.getvalue()), conflicts)


def _restore_lost_comments(mine_text: str, merged_text: str) -> str:
    """Put back full-line comments that ruamel dropped with a withdrawn record it had attached them to,
    before the line that followed them in the person's file."""
    merged = merged_text.splitlines(keepends=True)
    present = Counter(line.strip() for line in merged if line.lstrip().startswith("#"))
    mine = mine_text.splitlines(keepends=True)
    for index, line in enumerate(mine):
        comment = line.strip()
        if not comment.startswith("#"):
            continue
        if present[comment] > 0:
            present[comment] -= 1
            continue
        anchors = [a for a in mine[index + 1 :] if a.strip() and not a.lstrip().startswith("#")]
        position = next((merged.index(a) for a in anchors if a in merged), len(merged))
        merged.insert(position, line if line.endswith("\n") else line + "\n")
    return "".join(merged)


def _merge_section(
    seq: CommentedSeq,
    mine: list[dict[str, Any]],
    base: list[dict[str, Any]],
    theirs: list[dict[str, Any]],
    section: str,
    name: str,
    conflicts: list[str],
) -> None:
    base_by_id = {r["id"]: r for r in base}
    theirs_by_id = {r["id"]: r for r in theirs}
    mine_ids = {r["id"] for r in mine}
    for index in reversed(range(len(mine))):
        record = mine[index]
        record_id = record["id"]
        if record_id not in base_by_id:
            continue  # the person's own record
        if record_id not in theirs_by_id:
            if record == base_by_id[record_id]:
                del seq[index]  # the machine withdrew a fact nobody touched
            continue
        _merge_record(
            seq[index],
            record,
            base_by_id[record_id],
            theirs_by_id[record_id],
            f"{name}: {section} {record_id}",
            conflicts,
        )
    for record_id, record in theirs_by_id.items():
        if record_id not in base_by_id and record_id not in mine_ids:
            seq.append(_commented(record))


def _merge_record(
    node: CommentedMap,
    mine: dict[str, Any],
    base: dict[str, Any],
    theirs: dict[str, Any],
    where: str,
    conflicts: list[str],
) -> None:
    for key in list(theirs) + [k for k in base if k not in theirs]:
        new, old = theirs.get(key), base.get(key)
        if new == old and (key in theirs) == (key in base):
            continue  # the machine did not change this field
        if key in base and key not in mine:
            continue  # the person removed the field
        if key in mine and mine[key] != old:
            if mine[key] != new:
                conflicts.append(f"{where}.{key}: kept your {mine[key]!r}; the extractor now says {new!r}")
            continue
        if key in theirs:
            node[key] = _commented(new)
        elif key in node:
            del node[key]


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        result = CommentedMap()
        for key, item in value.items():
            result[key] = _commented(item)
        return result
    if isinstance(value, list):
        return CommentedSeq([_commented(item) for item in value])
    if isinstance(value, str) and _read_as_other_type(value):
        return SingleQuotedScalarString(value)
    return value


_RESOLVER = yaml.resolver.Resolver()


def _read_as_other_type(text: str) -> bool:
    """Whether the fact files' loader (YAML 1.1) would read `text`, written plain, as anything but
    this string: `No`, `off`, `10:30`, `0x1F`, `~`, `2023-01-01`... ruamel writes YAML 1.2, which
    leaves such words plain."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag != "tag:yaml.org,2002:str"

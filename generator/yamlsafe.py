"""Loading YAML that a person or a stranger wrote: safely, with positions, within bounds.

PyYAML composes the node graph (the C parser when available); this module then builds plain
Python values itself, so that it can report duplicate keys and unknown tags with their line,
stop alias bombs and deep nesting early, and remember where every value came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.errors import InputError, Problem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - the C extension ships with PyYAML's wheels
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

MAX_VALUES = 200_000
"""Values a document may expand to, aliases followed; an alias bomb reaches this in microseconds."""
MAX_DEPTH = 64
"""Nesting depth of mappings and sequences."""

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_BOOL_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


@dataclass
class Document:
    """Plain data (dicts, lists, str, int, float, bool, None) and where each part was written."""

    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    sources: dict[Path, str] = field(default_factory=dict)
    """The text as written, for scalars that YAML read as something other than a string."""

    def position(self, path: Path) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at `path`, or of its nearest written parent."""
        while True:
            if path in self.marks:
                return self.marks[path]
            if not path:
                return None, None
            path = path[:-1]


def format_path(path: Path) -> str:
    """`entities[2].name` for ("entities", 2, "name")."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class _Builder:
    def __init__(self, name: str, line_offset: int) -> None:
        self.name = name
        self.line_offset = line_offset
        self.doc = Document(data=None)
        self.values = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, path: Path, message: str, hint: str) -> InputError:
        line, col = node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1
        return InputError([Problem(self.name, line, col, format_path(path), message, hint)])

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise self.fail(
                node,
                path,
                f"the document expands to more than {MAX_VALUES:,} values",
                "remove the anchors (&) and aliases (*) that repeat large parts",
            )
        if depth > MAX_DEPTH:
            shown = format_path(path[:3]) + ("…" if len(path) > 3 else "")
            line, col = node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1
            raise InputError(
                [Problem(self.name, line, col, shown, f"nesting deeper than {MAX_DEPTH} levels", "flatten the data")]
            )
        self.doc.marks.setdefault(path, (node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, path, f"the tag {_short_tag(node.tag)} is not allowed", "remove the tag")
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.build_scalar(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, path, f"the tag {_short_tag(node.tag)} is not allowed", "remove the tag")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, path, "merge keys (<<) are not supported", "write the keys out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, path, "a key must be plain text", "write the key as a word")
            key = str(key_node.value)
            if key in result:
                first_line = self.doc.marks.get((*path, key), (None, None))[0]
                raise self.fail(
                    key_node,
                    (*path, key),
                    f"duplicate key {key!r} (first written on line {first_line})",
                    "keep one of the two",
                )
            child = (*path, key)
            self.doc.marks[child] = (
                value_node.start_mark.line + 1 + self.line_offset,
                value_node.start_mark.column + 1,
            )
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def build_scalar(self, node: yaml.Node, path: Path) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(
                node,
                path,
                f"the tag {_short_tag(node.tag)} is not allowed",
                "facts hold plain text, numbers, dates, lists and mappings; remove the tag",
            )
        if node.tag == "tag:yaml.org,2002:str":
            return str(node.value)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as error:
            raise self.fail(node, path, f"cannot read {node.value!r}: {error}", "quote it to keep it as text") from None
        if node.tag == "tag:yaml.org,2002:bool" or node.tag == "tag:yaml.org,2002:timestamp":
            self.doc.sources[path] = str(node.value)
        if isinstance(value, dt.datetime):
            return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return value


def load(text: str, name: str, *, line_offset: int = 0) -> Document:
    """Parse one YAML document from `text`; `name` is the file name used in problems.

    Raises InputError with the file, line and column of the first problem.
    """
    try:
        _check_expansion(text, name, line_offset)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        raise InputError([_syntax_problem(error, text, name, line_offset)]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(name, None, None, "", f"YAML error: {error}", "fix the YAML syntax")]) from None
    builder = _Builder(name, line_offset)
    if node is None:
        builder.doc.data = None
        return builder.doc
    builder.doc.data = builder.build(node, (), 0)
    return builder.doc


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str, line_offset: int) -> Problem:
    """PyYAML's message, placed where a person should look: an unclosed quote where it opens."""
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "cannot parse"
    if error.context_mark is not None and "end of stream" in problem:
        mark = error.context_mark
        problem += f" {error.context}" if error.context else ""
    if mark is None:
        return Problem(name, None, None, "", f"YAML syntax error: {problem}", "fix the YAML syntax")
    lines = text.splitlines()
    character = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    if character == "\t":
        problem, hint = "a tab character", "YAML indents with spaces, never tabs: replace the tab with spaces"
    elif "maximum nesting depth" in problem:  # libyaml stops at 1,000 levels, before we could count
        problem, hint = f"nesting deeper than {MAX_DEPTH} levels", "flatten the data"
    else:
        hint = "check the quotes, colons and indentation on this line and the one before"
    return Problem(name, mark.line + 1 + line_offset, mark.column + 1, "", f"YAML syntax error: {problem}", hint)


def _check_expansion(text: str, name: str, line_offset: int) -> None:
    """Refuse alias bombs before anything is built: add up what each alias would expand to."""
    sizes: dict[str, int] = {}
    open_collections: list[tuple[str | None, int]] = []
    expanded = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            open_collections.append((event.anchor, expanded))
            expanded += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, started = open_collections.pop()
            if anchor:
                sizes[anchor] = expanded - started
        elif isinstance(event, yaml.ScalarEvent):
            expanded += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            expanded += sizes.get(event.anchor or "", 1)
        else:
            continue
        if expanded > MAX_VALUES and event.start_mark is not None:
            mark = event.start_mark
            raise InputError(
                [
                    Problem(
                        name,
                        mark.line + 1 + line_offset,
                        mark.column + 1,
                        "",
                        f"the document expands to more than {MAX_VALUES:,} values through its aliases (*)",
                        "remove the anchors (&) and aliases (*) that repeat large parts",
                    )
                ]
            )


def is_bool_word(text: str) -> bool:
    """True for words that YAML 1.1 reads as booleans (the "Norway problem")."""
    return text.lower() in _BOOL_WORDS


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag

"""Checking a fact file: YAML, schema, and references between records. Every problem, located."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import math
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from generator import yamlsafe
from generator.articles import MAX_PARAGRAPH_CHARS, outside_site_years, site_can_show
from generator.errors import InputError, Problem
from generator.facts import SECTIONS


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of fact files (generator/facts/schema.json)."""
    loaded: dict[str, Any] = json.loads(
        resources.files("generator.facts").joinpath("schema.json").read_text(encoding="utf-8")
    )
    return loaded


@cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def load_facts(text: str, name: str) -> dict[str, Any]:
    """Parse and check one fact file; raises InputError listing every problem with its position."""
    doc = yamlsafe.load(text, name)
    if not isinstance(doc.data, dict):
        what = "empty" if doc.data is None else f"a {type(doc.data).__name__}"
        raise InputError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"a fact file must be a mapping with an `article:` key; this one is {what}",
                    "restore the file from git, or delete it to have it extracted again",
                )
            ]
        )
    problems = [schema_problem(error, doc, name) for error in _validator().iter_errors(doc.data)]
    if not problems:
        problems = _check_references(doc, name) + _check_values(doc, name)
    if problems:
        raise InputError(problems)
    facts: dict[str, Any] = doc.data
    return facts


def schema_problem(error: jsonschema.ValidationError, doc: yamlsafe.Document, name: str) -> Problem:
    """One JSON Schema error as a located problem with a hint."""
    path = tuple(error.absolute_path)
    rule: Any = error.validator_value
    schema_part: Any = error.schema
    line, col = doc.position(path)
    field = yamlsafe.format_path(path)
    value = error.instance
    hint = ""
    if error.validator == "additionalProperties":
        allowed = sorted(schema_part.get("properties", {}))
        unknown = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        key = unknown[0] if unknown else "?"
        line, col = doc.position((*path, key))
        field = yamlsafe.format_path((*path, key))
        close = difflib.get_close_matches(key, allowed, n=1)
        message = f"unknown field {key!r}"
        hint = f"did you mean {close[0]!r}?" if close else f"the fields here are: {', '.join(allowed)}"
    elif error.validator == "required":
        message = error.message.replace("is a required property", "is missing")
        hint = "add it, or delete the whole record"
    elif error.validator == "type":
        written = doc.sources.get(path)
        expected = rule if isinstance(rule, str) else " or ".join(rule)
        message = f"expected {_names(expected)}, got {_describe(value)}"
        if written is not None and yamlsafe.is_bool_word(written):
            message += f" (YAML reads the bare word {written} as {str(value).lower()})"
            hint = f'put it in quotes: "{written}"'
        else:
            hint = "put text in quotes" if expected == "string" else f"write {_names(expected)}"
    elif error.validator == "enum":
        choices = ", ".join("null" if c is None else str(c) for c in rule)
        message = f"{value!r} is not allowed"
        hint = f"use one of: {choices}"
    elif error.validator in {"minimum", "maximum"}:
        message = f"{value} is out of range"
        hint = f"use a value {'at least' if error.validator == 'minimum' else 'at most'} {rule}"
    elif error.validator == "pattern":
        message = f"{value!r} does not have the expected form"
        hint = {
            "^[a-z0-9][a-z0-9-]*$": "ids are lower-case letters, digits and hyphens, like ghazi-hamad",
            "^s[0-9]+$": "sentence ids look like s12",
            "^https?://": "write a full http(s) address",
            "^Q[0-9]+$": "Wikidata ids look like Q22686",
        }.get(rule, f"match the pattern {rule}")
        if "\\d{4}" in str(rule):
            hint = "write dates as YYYY-MM-DD"
    elif error.validator == "minLength":
        message = "must not be empty"
        hint = "write a value, or delete the record"
    else:
        message = error.message
    return Problem(name, line, col, field, message, hint)


def _names(expected: str) -> str:
    return {
        "string": "text",
        "number": "a number",
        "integer": "a whole number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping",
        "null": "null",
    }.get(expected, expected)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing (null)"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return repr(value)


def _check_references(doc: yamlsafe.Document, name: str) -> list[Problem]:
    data = doc.data
    problems: list[Problem] = []
    ids: dict[str, set[str]] = {}
    for section in SECTIONS:
        seen: dict[str, int] = {}
        for index, record in enumerate(data.get(section, [])):
            record_id = record["id"]
            if record_id in seen:
                line, col = doc.position((section, index, "id"))
                problems.append(
                    Problem(
                        name,
                        line,
                        col,
                        f"{section}[{index}].id",
                        f"duplicate id {record_id!r} (also {section}[{seen[record_id]}])",
                        "give each record its own id",
                    )
                )
            seen.setdefault(record_id, index)
        ids[section] = set(seen)

    def check(section: str, key: str, target: str, hint: str) -> None:
        for index, record in enumerate(data.get(section, [])):
            values = record.get(key)
            for value in values if isinstance(values, list) else [values]:
                if value is not None and value not in ids[target]:
                    line, col = doc.position((section, index, key))
                    close = difflib.get_close_matches(value, sorted(ids[target]), n=1)
                    problems.append(
                        Problem(
                            name,
                            line,
                            col,
                            f"{section}[{index}].{key}",
                            f"{value!r} is not the id of any of the {target}",
                            f"did you mean {close[0]!r}?" if close else hint,
                        )
                    )

    entity_hint = "use the id of a record under entities:, or add one"
    check("roles", "entity", "entities", entity_hint)
    check("roles", "organisation", "entities", entity_hint)
    check("figures", "actor", "entities", entity_hint)
    check("statements", "speaker", "entities", entity_hint)
    sentence_hint = "use the id of a record under sentences:"
    for section in ("entities", "roles", "figures", "statements", "dates"):
        check(section, "sentences" if section == "entities" else "sentence", "sentences", sentence_hint)
    check("statements", "context", "sentences", sentence_hint)
    return problems


MAX_TEXT = MAX_PARAGRAPH_CHARS
"""The longest text a field may hold: what the reader makes of a paragraph, so every value the
extractor writes fits. Python-Markdown takes time that grows with the square of the characters it
escapes in one value (20,000 `[`, 1.5 s; 40,000, 6 s; 400 KB of text, minutes)."""
MAX_NUMBER = 10**15
"""The largest number a fact file may hold (in size): beyond it a float loses whole units, and a
400-digit integer cannot be formatted at all."""


def _check_values(doc: yamlsafe.Document, name: str) -> list[Problem]:
    """Values the schema lets through but the site cannot use: impossible dates, an article date
    outside the years the site can show, infinite, NaN and huge numbers."""
    problems: list[Problem] = []

    def problem(path: tuple[str | int, ...], message: str, hint: str) -> None:
        line, col = doc.position(path)
        problems.append(Problem(name, line, col, yamlsafe.format_path(path), message, hint))

    data = doc.data
    dated: list[tuple[yamlsafe.Path, str]] = [(("article", "date"), data["article"]["date"])]
    dated += [(("dates", i, "date"), r["date"]) for i, r in enumerate(data.get("dates", []))]
    for path, text in dated:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            problem(path, f"{text} is not a day of the calendar", "check the month and the day")
            continue
        if path[0] == "article" and not site_can_show(day):
            problem(path, *outside_site_years(text))

    def walk(value: object, path: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            problem(path, f"the text is {len(value):,} characters long", f"keep it under {MAX_TEXT:,} characters")
        elif isinstance(value, float) and not math.isfinite(value):
            problem(path, f"{value} is not a finite number", "write a number with digits, like 12 or 0.5")
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            problem(path, "the number is too large", f"write a number of at most {MAX_NUMBER:,}")

    walk(data, ())
    return problems

"""Fact-file validation: every problem at once, located as FILE:LINE:COL: field: message (hint)."""

from __future__ import annotations

import time

import pytest

from generator.errors import InputError
from generator.facts.validate import load_facts
from tests.conftest import shared

HOSTILE = {
    "alias-bomb.yaml": "alias-bomb.yaml:6:8: the document expands to more than 200,000 values through its aliases",
    "duplicate-keys.yaml": "duplicate-keys.yaml:3:3: article.title: duplicate key 'title' (first written on line 2)",
    "empty.yaml": "empty.yaml:1:1: a fact file must be a mapping with an `article:` key; this one is empty",
    "norway.yaml": "norway.yaml:2:10: article.title: expected text, got false (YAML reads the bare word NO as false)"
    ' (hint: put it in quotes: "NO")',
    "not-a-mapping.yaml": "a fact file must be a mapping with an `article:` key; this one is a list",
    "python-tag.yaml": "python-tag.yaml:2:10: article.title: the tag !!python/object/apply:os.system is not allowed",
    "syntax-error.yaml": "syntax-error.yaml:2:10: YAML syntax error: found unexpected end of stream while scanning "
    "a quoted scalar (hint: check the quotes",
    "tabs.yaml": "tabs.yaml:2:1: YAML syntax error: a tab character (hint: YAML indents with spaces, never tabs",
}


def load(text: str) -> dict:  # type: ignore[type-arg]
    return load_facts(text, "facts/x.yaml")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_fact_file_is_rejected_with_its_line(name: str) -> None:
    text = (shared("hostile/facts") / name).read_text()
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        load_facts(text, name)
    assert time.perf_counter() - started < 5, "rejected fast, nothing expanded"
    assert HOSTILE[name] in str(caught.value)


def test_every_hostile_fact_file_is_covered() -> None:
    assert {p.name for p in shared("hostile/facts").iterdir()} == set(HOSTILE)


VALID = """\
article:
  id: 2023-11-29-a
  title: A
  date: '2023-11-29'
  source: a.txt
entities:
- id: ghazi-hamad
  name: Ghazi Hamad
  type: person
roles:
- id: role-1
  entity: ghazi-hamad
  title: member
  sentence: s1
figures:
- id: figure-60
  value: 60
  unit: hostages
  sentence: s1
statements: []
dates: []
sentences:
- id: s1
  paragraph: 1
  start: 0
  end: 5
  text: Hello
"""


def test_a_valid_file_loads_as_plain_data() -> None:
    facts = load(VALID)
    assert facts["figures"][0]["value"] == 60
    assert facts["article"]["date"] == "2023-11-29"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("  value: 60", "  value: sixty"),
            "facts/x.yaml:17:10: figures[0].value: expected a number, got 'sixty' (hint: write a number)",
        ),
        (
            ("  type: person", "  type: persno"),
            "facts/x.yaml:9:9: entities[0].type: 'persno' is not allowed "
            "(hint: use one of: person, organisation, place)",
        ),
        (
            ("  title: member", "  titel: member"),
            "facts/x.yaml:13:10: roles[0].titel: unknown field 'titel' (hint: did you mean 'title'?)",
        ),
        (
            ("  entity: ghazi-hamad", "  entity: ghazi-hamas"),
            "facts/x.yaml:12:11: roles[0].entity: 'ghazi-hamas' is "
            "not the id of any of the entities (hint: did you mean 'ghazi-hamad'?)",
        ),
        (
            ("  sentence: s1\nfigures", "  sentence: s9\nfigures"),
            "facts/x.yaml:14:13: roles[0].sentence: 's9' is not "
            "the id of any of the sentences (hint: use the id of a record under sentences:)",
        ),
        (
            (
                "statements: []",
                "statements:\n- id: statement-1\n  cue: said\n  content: They agreed\n  sentence: s1\n  context: s0",
            ),
            "facts/x.yaml:25:12: statements[0].context: 's0' is not "
            "the id of any of the sentences (hint: use the id of a record under sentences:)",
        ),
        (
            ("- id: figure-60", "- id: role-1\n  confidence: 1.5"),
            "facts/x.yaml:17:15: figures[0].confidence: 1.5 is out of range (hint: use a value at most 1)",
        ),
        (
            ("  date: '2023-11-29'", "  date: 29/11/2023"),
            "facts/x.yaml:4:9: article.date: '29/11/2023' does not have "
            "the expected form (hint: write dates as YYYY-MM-DD)",
        ),
    ],
)
def test_schema_mistakes_are_reported_with_line_field_and_hint(change: tuple[str, str], expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load(VALID.replace(*change, 1))
    assert expected in str(caught.value).splitlines()


def test_every_problem_is_reported_at_once() -> None:
    text = VALID.replace("  value: 60", "  value: sixty").replace("  type: person", "  type: persno")
    with pytest.raises(InputError) as caught:
        load(text)
    assert len(caught.value.problems) == 2


def test_duplicate_ids_are_reported() -> None:
    text = VALID.replace("- id: figure-60", "- id: figure-60\n  value: 1\n  unit: x\n  sentence: s1\n- id: figure-60")
    with pytest.raises(InputError) as caught:
        load(text)
    assert "figures[1].id: duplicate id 'figure-60' (also figures[0])" in str(caught.value)

"""Figures: a number, what it counts, and who did what ("Hamas has freed 60 Israeli hostages")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from generator.extract.lexicon import DURATION_UNITS, QUALIFIERS
from generator.extract.numbers import parse_number, tidy

_NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SCALE_PARTS = {"million", "billion", "thousand", "hundred", "bn", "m", "%", "percent"}
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds"}


@dataclass
class FigureFinding:
    value: int | float
    text: str
    qualifier: str | None
    unit: str
    counts: str
    unit_token: int | None
    action: str | None
    actor_token: int | None
    subject_token: int | None


def find_figures(sentence: Span) -> list[FigureFinding]:
    """Every counted thing in one sentence that has a number and a unit."""
    findings = []
    used: set[int] = set()
    for start, end, label in _number_spans(sentence):
        if any(i in used for i in range(start, end)):
            continue
        finding = _figure(sentence, start, end, label)
        if finding is not None:
            used.update(range(start, end))
            findings.append(finding)
    return findings


def _number_spans(sentence: Span) -> list[tuple[int, int, str]]:
    spans = [(e.start, e.end, e.label_) for e in sentence.ents if e.label_ in _NUMERIC_LABELS]
    covered = {i for s, e, _ in spans for i in range(s, e)}
    doc = sentence.doc
    i = sentence.start
    while i < sentence.end:
        if doc[i].like_num and i not in covered and doc[i].pos_ == "NUM":
            j = i + 1
            while j < sentence.end and doc[j].like_num and j not in covered:
                j += 1
            spans.append((i, j, "CARDINAL"))
            i = j
        else:
            i += 1
    return sorted(spans)


def _figure(sentence: Span, start: int, end: int, label: str) -> FigureFinding | None:
    doc = sentence.doc
    tokens = list(doc[start:end])
    qualifier = None
    lowered = " ".join(t.lower_ for t in tokens)
    for words, meaning in QUALIFIERS.items():
        if lowered.startswith(words.strip() + " "):
            qualifier = meaning
            tokens = tokens[len(words.split()) :]
            break
    if qualifier is None and start >= 2:
        before = f"{doc[start - 2].lower_} {doc[start - 1].lower_}"
        single = doc[start - 1].lower_
        qualifier = QUALIFIERS.get(before) or (
            QUALIFIERS.get(single) if doc[start - 1].pos_ in {"ADP", "ADV", "ADJ"} else None
        )
    number_tokens = [t for t in tokens if _is_number_part(t)]
    if not any(t.like_num for t in number_tokens):
        return None
    value = parse_number([t.text for t in number_tokens])
    if value is None:
        return None
    last = number_tokens[-1]
    if label == "DATE" or (_YEAR.match(last.text) and label != "MONEY"):
        head = last.head
        if head.lemma_.lower() not in DURATION_UNITS or head.i == last.i:
            return None
    if last.ent_type_ in {"TIME", "ORDINAL"} or last.lower_ in {"first", "second", "third"}:
        return None
    if (last.i + 1 < len(doc) and doc[last.i + 1].text == "-") or ("-" in last.text and not last.text.startswith("-")):
        return None  # "a two-state solution", "a 50-year-old man": a compound adjective, not a count
    unit_token = _unit_token(last, end)
    if label == "MONEY" or any(t.text in _CURRENCIES for t in doc[start:end]):
        symbol = next((t.text for t in doc[max(start - 1, 0) : end] if t.text in _CURRENCIES), "$")
        unit = _CURRENCIES[symbol]
        counts = unit if unit_token is None else _noun_phrase(unit_token)
    elif label == "PERCENT" or "%" in doc[start:end].text or "percent" in lowered:
        unit, counts = "percent", "percent"
    elif unit_token is not None:
        unit, counts = unit_token.text, _noun_phrase(unit_token)
    else:
        return None
    action, actor, subject = _action(unit_token if unit_token is not None else last)
    text = doc[number_tokens[0].i : number_tokens[-1].i + 1].text
    return FigureFinding(
        tidy(value),
        text,
        qualifier,
        unit,
        counts,
        unit_token.i if unit_token is not None else None,
        action,
        actor,
        subject,
    )


def _is_number_part(token: Token) -> bool:
    """A digit run, a number word, a scale ("million") or a currency or percent sign."""
    return token.like_num or token.text in _CURRENCIES or token.lower_ in _SCALE_PARTS


def _unit_token(number: Token, span_end: int) -> Token | None:
    doc = number.doc
    head = number.head
    if (
        number.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod"}
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i > number.i
    ):
        return head
    # "60 of the hostages", "killing 12 (people)": the number stands for the noun.
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}), None)
            if obj is not None:
                return obj
    if span_end < len(doc) and doc[span_end].pos_ == "NOUN" and doc[span_end].head.i != number.i:
        nxt = doc[span_end]
        if not nxt.is_punct and nxt.i == number.i + 1:
            return nxt
    return None


def _noun_phrase(noun: Token) -> str:
    """The counted thing with its modifiers: "Israeli hostages", "Palestinian prisoners"."""
    doc = noun.doc
    start = noun.i
    while (
        start - 1 >= 0
        and doc[start - 1].dep_ in {"amod", "compound"}
        and doc[start - 1].head.i in range(start, noun.i + 1)
        and not doc[start - 1].like_num
    ):
        start -= 1
    return doc[start : noun.i + 1].text


def _action(noun: Token) -> tuple[str | None, int | None, int | None]:
    """The verb the figure takes part in, its doer, and what it is about."""
    token = noun
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
    verb = token.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == token.i:
        return None, None, None
    actor = subject = None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i != noun.i:
            actor = child.i
        elif child.dep_ == "nsubjpass":
            subject = child.i
        elif child.dep_ == "agent":
            by = next((c for c in child.children if c.dep_ == "pobj"), None)
            actor = by.i if by is not None else actor
    if token.dep_ in {"nsubj", "nsubjpass"} and noun.i in {token.i}:
        subject = None
    return verb.text, actor, subject

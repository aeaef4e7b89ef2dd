"""Attributed statements: who said what, with which verb, directly or in reported speech."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from generator.extract.lexicon import SPEECH_VERBS

_QUOTE = re.compile(r"[\"“]([^\"“”]{8,})[\"”]")


@dataclass
class StatementFinding:
    speaker_token: int
    cue: str
    content: str
    kind: str
    """direct (quoted), indirect (reported) or according-to."""


def find_statements(sentence: Span) -> list[StatementFinding]:
    findings = []
    for token in sentence:
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            finding = _speech_verb(token, sentence)
            if finding is not None:
                findings.append(finding)
        elif token.lower_ == "according" and token.i + 1 < sentence.end and sentence.doc[token.i + 1].lower_ == "to":
            finding = _according_to(token, sentence)
            if finding is not None:
                findings.append(finding)
    return findings


def _speech_verb(verb: Token, sentence: Span) -> StatementFinding | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    content_head = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if content_head is None and verb.dep_ in {"parataxis", "ccomp"}:
        # "Talks will resume, he said." – the clause is the verb's head.
        content_head = verb.head if verb.head.i != verb.i else None
        if content_head is not None:
            text = _clause_text(content_head, exclude=verb)
            return _finding(subject, verb, text, sentence)
    if content_head is None:
        quote = _QUOTE.search(sentence.text)
        if quote is None:
            return None
        return StatementFinding(subject.i, verb.text, quote.group(1).strip(" ,."), "direct")
    return _finding(subject, verb, _clause_text(content_head), sentence)


def _finding(subject: Token, verb: Token, text: str, sentence: Span) -> StatementFinding | None:
    text = text.strip(" ,.;:")
    if len(text.split()) < 3:
        return None
    quoted = any(q in sentence.text for q in '"“”')
    kind = "direct" if quoted and _QUOTE.search(sentence.text) else "indirect"
    return StatementFinding(subject.i, verb.text, text, kind)


def _clause_text(head: Token, exclude: Token | None = None) -> str:
    doc = head.doc
    tokens = [t for t in head.subtree if not (exclude is not None and t in set(exclude.subtree))]
    while tokens and (
        (tokens[0].dep_ == "mark" and tokens[0].lower_ in {"that", "whether", "if"}) or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip("\"“”'’‘ ")


def _according_to(according: Token, sentence: Span) -> StatementFinding | None:
    doc = sentence.doc
    to = doc[according.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in according.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase = set(according.subtree) | set(to.subtree)
    rest = [t for t in sentence if t not in phrase]
    while rest and rest[0].is_punct:
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if len(rest) < 4:
        return None
    return StatementFinding(source.i, "according to", doc[rest[0].i : rest[-1].i + 1].text, "according-to")

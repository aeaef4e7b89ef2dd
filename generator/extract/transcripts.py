"""Transcripts: paragraphs opened by a speaker label ("MS. JEAN-PIERRE:  Good afternoon.", "Q    Thanks.").

A label starts a turn that lasts until the next label; what is said in a turn is the labelled speaker's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.entities import Mention
from generator.extract.lexicon import ASKING_LABELS, ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LABEL = re.compile(
    r"^\s*(?P<label>(?:(?:MR|MS|MRS|DR|GEN|ADM|SEN|REP|SECRETARY|PRESIDENT|AMBASSADOR|GOVERNOR)\.?\s+)?"
    r"(?P<name>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+){0,3}))\s*:\s+\S"
)
_QUESTION = re.compile(r"^\s*Q(?:\s{2,}|\s*:\s*|\s+(?=[A-Z]))")
_ROLE_LABELS = {"aide", "moderator", "operator", "participant", "staff", "reporter", "member", "audience", "official"}
_NOT_SPEAKERS = {"NOTE", "UPDATE", "EDITOR", "WASHINGTON", "END", "PHOTO", "VIDEO", "SOURCE", "NEW", "BREAKING"}


@dataclass
class Turn:
    """Who holds the floor in a paragraph of a transcript."""

    label: str
    """As written: "MS. JEAN-PIERRE", or "Q" for a reporter's question."""
    mention: Mention | None
    """The label as a person mention ("Jean-Pierre"), which clustering joins to the full name."""
    label_end: int
    """Characters of the paragraph taken by the label, left out of what is said."""
    asks: bool = False
    """The asking side (a reporter's "Q", a moderator, an unnamed interviewer): its turns claim nothing."""


def find_turns(docs: list[Doc], first_sentence: dict[int, str]) -> dict[int, Turn]:
    """The turn of every paragraph from the first labelled one on; {} for a text that is not a transcript.

    `first_sentence` maps a paragraph number to the id of its first sentence."""
    labelled: dict[int, Turn] = {}
    for paragraph, doc in enumerate(docs, start=1):
        text = doc.text
        question = _QUESTION.match(text)
        if question:
            labelled[paragraph] = Turn("Q", None, question.end(), asks=True)
            continue
        match = _LABEL.match(text)
        if match is None or match.group("name").split()[0] in _NOT_SPEAKERS:
            continue
        name = match.group("name")
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
        mention = None
        if span is not None and paragraph in first_sentence and not _is_role(name):
            written = " ".join(part.capitalize() if "-" not in part else _hyphen_title(part) for part in name.split())
            mention = Mention(
                written,
                "person",
                first_sentence[paragraph],
                span.start,
                span.end,
                paragraph,
                titled=True,
                surface=match.group("label"),
            )
        asks = any(word in ASKING_LABELS for word in name.lower().split())
        labelled[paragraph] = Turn(match.group("label"), None if asks else mention, match.end() - 1, asks)
    if len(labelled) < 2 and not any(_is_speaker_label(t.label) for t in labelled.values()):
        return {}  # one "NAME: text" line is not a transcript, unless the label names a speaker ("THE PRESIDENT:")
    turns: dict[int, Turn] = {}
    current: Turn | None = None
    for paragraph in range(1, len(docs) + 1):
        if paragraph in labelled:
            current = labelled[paragraph]
            turns[paragraph] = current
        elif current is not None:
            turns[paragraph] = Turn(current.label, current.mention, 0, current.asks)
    return turns


def _is_speaker_label(label: str) -> bool:
    """ "THE PRESIDENT", "MS. SMITH": a label that can only be a speaker's, even alone in a text."""
    words = label.lower().replace(".", " ").split()
    return len(words) >= 2 and ((words[0] == "the" and words[-1] in ROLE_NOUNS) or words[0] in _HONORIFIC_LABELS)


_HONORIFIC_LABELS = {"mr", "ms", "mrs", "dr"}


def _is_role(name: str) -> bool:
    """ "AIDE", "MODERATOR", "THE PRESIDENT": a label that names a role, not a person."""
    words = name.lower().split()
    return words[-1] in ROLE_NOUNS or words[-1] in _ROLE_LABELS


def _hyphen_title(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))

"""Who holds which title: "Ghazi Hamad, a member of the Hamas Political Office", "The director of
the CIA, William Burns", "Chief of Staff Herzi Halevi", "Burns is the director of the CIA"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.lexicon import ROLE_NOUNS, SOLE_OFFICES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class RoleFinding:
    person_token: int
    title: str
    """The role as written, without articles: "director of the CIA"."""
    head: str
    """Its head noun: "director"."""
    start: int
    end: int
    """The title's tokens in the paragraph's doc, where the organisation may be named."""
    held: str | None = None
    """Why the role may not be the person's now ("was the director", "an Australian prime minister")."""


def find_roles(sentence: Span, person_tokens: dict[int, int]) -> list[RoleFinding]:
    """Roles in one sentence. `person_tokens` maps each token of a person mention to the mention's
    first token, so that several tokens of one name count once."""
    doc = sentence.doc
    findings: list[RoleFinding] = []
    seen: set[tuple[int, str]] = set()
    for token in sentence:
        if token.lower_ not in ROLE_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        person = _person_for_role(token, sentence, person_tokens)
        if person is None:
            continue
        start, end = _role_extent(token, sentence, person_tokens)
        title = doc[start:end].text
        if not title or (person, title.lower()) in seen:
            continue
        seen.add((person, title.lower()))
        findings.append(RoleFinding(person, title, token.lower_, start, end, _not_now(token, start)))
    return findings


def _not_now(role: Token, start: int) -> str | None:
    """Why a title may not be the person's at the time of the article: said in the past tense ("Burns was
    the director of the CIA"), or one holder of a one-person office among others ("the first visit by an
    Australian prime minister, Gough Whitlam")."""
    doc = role.doc
    if role.dep_ == "attr" and role.head.lemma_ == "be" and role.head.tag_ == "VBD":
        return "a title in the past tense"
    if any(t.lower_ in {"most", "least"} or t.tag_ == "JJS" for t in doc[start : role.i]) or any(
        c.dep_ in {"advmod", "amod"} and (c.lower_ in {"most", "least"} or c.tag_ == "JJS") for c in role.subtree
    ):
        return "a description, not a title"  # "the most pro-labor president in history"
    office = next((t for t in doc[start : role.i + 1] if t.lower_ in SOLE_OFFICES), None)
    article = next((t for t in role.children if t.dep_ == "det"), None)
    if office is not None and article is not None and article.lower_ in {"a", "an"}:
        return "one holder of an office among others"
    return None


def _person_for_role(role: Token, sentence: Span, person_tokens: dict[int, int]) -> int | None:
    doc = role.doc
    # Title before the name: "Chief of Staff Herzi Halevi", "Prime Minister John Doe".
    if role.text[:1].isupper():
        j = role.i + 1
        while (
            j < sentence.end
            and j not in person_tokens
            and (doc[j].text[:1].isupper() or doc[j].lower_ in {"of", "for"})
        ):
            j += 1
        if j < sentence.end and j in person_tokens and j == person_tokens[j]:
            return j
    # A role and a name side by side between commas: "the director of the Israeli Mossad, David Barnea,".
    right = _after_prep_phrase(role, sentence)
    if right + 1 < sentence.end and doc[right].text == "," and (right + 1) in person_tokens:
        end = right + 1
        while end < sentence.end and end in person_tokens:
            end += 1
        if end >= sentence.end or doc[end].is_punct:
            return person_tokens[right + 1]
    # Apposition: "Ghazi Hamad, a member of the Hamas Political Office,".
    appositions = [c for c in role.children if c.dep_ == "appos"]
    for child in appositions:
        listed = len(appositions) > 1 or any(c.dep_ in {"appos", "conj", "cc"} for c in child.children)
        if child.i in person_tokens and not listed:
            return person_tokens[child.i]
    if role.dep_ == "appos" and role.head.i in person_tokens and not _in_a_list(role):
        return person_tokens[role.head.i]
    # Copular: "Burns is the director of the CIA".
    if role.dep_ == "attr" and role.head.lemma_ == "be":
        subject = next((c for c in role.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.i in person_tokens:
            return person_tokens[subject.i]
    return None


def _in_a_list(role: Token) -> bool:
    """ "with Jake, myself, the Prime Minister, and Tzachi Hanegbi": a list the model read as appositions;
    the title is another item of the list, not the first item's. (The same list after the title, "the
    President, …, Jon Finer, myself, others", gives no item the title either: `_person_for_role`.)"""
    siblings = [c for c in role.head.children if c.dep_ == "appos"]
    return len(siblings) > 1 or any(c.dep_ in {"cc", "conj"} for c in role.children)


def _after_prep_phrase(role: Token, sentence: Span) -> int:
    """Index of the first token after "director of the Israeli Mossad" (stopping at a comma)."""
    doc = role.doc
    j = role.i + 1
    if j < sentence.end and doc[j].lower_ in {"of", "for", "at"}:
        j += 1
        while (
            j < sentence.end and not doc[j].is_punct and doc[j].pos_ in {"DET", "PROPN", "ADJ", "NOUN", "ADP", "CCONJ"}
        ):
            if doc[j].pos_ == "CCONJ" and not doc[j + 1 if j + 1 < sentence.end else j].text[:1].isupper():
                break
            j += 1
    return j


def _role_extent(role: Token, sentence: Span, person_tokens: dict[int, int]) -> tuple[int, int]:
    doc: Doc = role.doc
    start = role.i
    while start - 1 >= sentence.start:
        prev = doc[start - 1]
        if prev.i in person_tokens or prev.is_punct or prev.pos_ in {"DET", "VERB", "AUX", "ADP", "CCONJ", "PRON"}:
            break
        if prev.pos_ not in {"PROPN", "NOUN", "ADJ"} or len(prev.text) == 1:
            break  # a transcript's "Q" label is not part of "Admiral"
        start -= 1
    end = _after_prep_phrase(role, sentence)
    while end > role.i + 1 and (doc[end - 1].i in person_tokens or doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}):
        end -= 1
    return start, end

"""Attributed statements: who said what, with which verb, directly or in reported speech."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.lexicon import CLAUSE_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_QUOTE = re.compile(r"(?:[\"“]|'')((?:(?!'')[^\"“”]){8,})(?:[\"”]|'')")
_QUOTE_SPAN = re.compile(r"“[^“”]*”|\"[^\"]*\"|''(?:(?!'').)*''")
_TRIM = "\"“”'’‘ ,.;:—–-"
_MAX_SPEAKER_TOKENS = 14
_MIN_QUOTE_WORDS = 5
_MIN_CONTENT_WORDS = 3
"""Shorter contents are mostly scare quotes ("called it “disgusting”") or parse fragments: on the
PolNeAR dev set 5 of 38 one- and two-word contents were right."""
_MAX_QUOTATION = 1500
"""Characters; a longer "quotation" is more likely two quotation marks paired wrongly."""


@dataclass
class StatementFinding:
    speaker_token: int
    """The head of the speaker's noun phrase (a name, "he", "the official"), or a relative pronoun's noun."""
    cue: str
    content: str
    kind: str
    """direct (quoted), indirect (reported) or according-to."""
    speaker_text: str = ""
    """The speaker as the sentence writes it: "he", "a State Department official"."""


def find_statements(sentence: Span) -> list[StatementFinding]:
    """Statements of one sentence: speech verbs with their subject, and "according to" phrases."""
    findings: list[StatementFinding | None] = []
    quoted = _quoted_chars(sentence)
    for token in sentence:
        if token.idx in quoted:
            continue  # speech inside a quotation belongs to the quoted person's words
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            findings.append(_speech_verb(token, sentence))
        elif token.lower_ == "according" and token.i + 1 < sentence.end and sentence.doc[token.i + 1].lower_ == "to":
            findings.append(_according_to(token, sentence))
    return [f for f in findings if f is not None and len(f.content.split()) >= _MIN_CONTENT_WORDS]


def open_statement(sentence: Span) -> StatementFinding | None:
    """ "Mr. Alexander said in an interview." / "Trump said:": a speaker whose words are the next sentence's
    quotation. The finding has no content yet."""
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or verb.lemma_.lower() in CLAUSE_VERBS:
            continue
        subject = _subject(verb)
        if subject is None or subject.i > verb.i:
            continue
        if any(c.dep_ in {"ccomp", "dobj", "xcomp", "attr", "oprd"} for c in verb.children):
            continue
        last = _last_word(sentence)
        if last is not None and (last.i == verb.i or (last in set(verb.subtree) and last.i > verb.i)):
            return StatementFinding(_speaker_head(subject), verb.text, "", "direct", _speaker_text(subject))
    return None


def quotation(sentence: Span) -> str | None:
    """The words of a sentence that is a quotation from start to end, without its quotation marks."""
    text = sentence.text.strip()
    if text[:1] not in {'"', "“"} and not text.startswith("''"):
        return None
    inner = text.strip(_TRIM)
    return inner if len(inner.split()) >= 3 else None


def whole_quotation(text: str, start: int, end: int, sentence_end: int) -> str | None:
    """The full quotation that `text[start:end]` (a direct statement's content) is part of, when it runs
    over several sentences of the paragraph `text`: back to its opening mark, on to its closing mark,
    and on into a quotation that follows the attribution and ends the paragraph
    (“A. B,” she said. “C. D.” is one statement: A. B … C. D). None when there is nothing to add."""
    quotes = [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text) if m.end() - m.start() <= _MAX_QUOTATION]
    inside = next(((a, b) for a, b in quotes if a <= start and end <= b), None)
    if inside is None:
        return None
    pieces = [inside]
    after = text[sentence_end:]
    gap = len(after) - len(after.lstrip())
    following = next(((a, b) for a, b in quotes if a == sentence_end + gap and a >= inside[1]), None)
    if following is not None and not text[following[1] :].strip():
        pieces.append(following)
    if len(pieces) == 1 and text[inside[0] : start].strip(_TRIM) == "" and text[end : inside[1]].strip(_TRIM) == "":
        return None
    return " … ".join(text[a:b].strip(_TRIM) for a, b in pieces)


def _quoted_chars(sentence: Span) -> set[int]:
    """Character offsets (in the doc) that lie inside quotation marks in this sentence."""
    inside: set[int] = set()
    for match in _QUOTE_SPAN.finditer(sentence.text):
        inside.update(range(sentence.start_char + match.start(), sentence.start_char + match.end()))
    return inside


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is joined to ("he said X and added Y", "…, saying")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i < verb.i:
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"who", "that"} and verb.dep_ == "relcl":
        return verb.head  # "Trump, who said …": the noun the clause belongs to
    if subject is None or subject.lower_ in {"it", "there", "which", "what", "you"}:
        return None
    return subject


def _speaker_text(subject: Token) -> str:
    tokens = [t for t in subject.subtree if t.dep_ != "relcl" and not any(a.dep_ == "relcl" for a in t.ancestors)]
    if len(tokens) > _MAX_SPEAKER_TOKENS:
        tokens = [t for t in tokens if t.i <= subject.i]
    doc = subject.doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip(_TRIM) if tokens else subject.text


def _speech_verb(verb: Token, sentence: Span) -> StatementFinding | None:
    subject = _subject(verb)
    if subject is None or (subject.i > verb.i and verb.dep_ not in {"ROOT", "parataxis", "ccomp", "conj"}):
        return None
    if verb.lemma_.lower() in CLAUSE_VERBS and not any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "show", "find" need a clause: "the poll shows (that) …", not "shows a film"
    doc = sentence.doc
    content_head = next((c for c in verb.children if c.dep_ == "ccomp" and c.i != subject.i), None)
    last = _last_word(sentence)
    if content_head is not None and content_head.i > verb.i:
        return _finding(subject, verb, _clause_text(content_head), sentence)
    if last is not None and last.i == verb.i and subject.i < verb.i:
        # "Talks will resume, he said." / "“…,” she said.": everything before the speaker is the content.
        start = min(t.i for t in subject.subtree)
        return _finding(subject, verb, doc[sentence.start : start].text, sentence)
    spans = [
        (sentence.start_char + m.start(), sentence.start_char + m.end()) for m in _QUOTE_SPAN.finditer(sentence.text)
    ]
    if any(end <= subject.idx for _, end in spans) and any(start > verb.idx for start, _ in spans):
        # "“We will,” he said, “and soon.”": the quotation on both sides, with the attribution inside it.
        return _finding(subject, verb, sentence.text, sentence)
    if content_head is not None:
        return _finding(subject, verb, _clause_text(content_head), sentence)
    if verb.dep_ in {"parataxis", "ccomp"} and verb.head.i != verb.i and verb.head.lemma_ not in SPEECH_VERBS:
        # "Talks, he said, will resume." – the clause is the verb's head.
        return _finding(subject, verb, _clause_text(verb.head, exclude=verb), sentence)
    quote = _QUOTE.search(sentence.text)
    if quote is None or len(quote.group(1).split()) < _MIN_QUOTE_WORDS:
        # no quotation, or a quoted phrase inside the reported words ("called for the country to
        # “sow discord” abroad"): the reported words are the rest of the clause
        return _rest_of_clause(subject, verb, sentence)
    return StatementFinding(
        _speaker_head(subject), verb.text, quote.group(1).strip(_TRIM), "direct", _speaker_text(subject)
    )


def _rest_of_clause(subject: Token, verb: Token, sentence: Span) -> StatementFinding | None:
    """ "Trump called for a ban on …", "she urged Congress to act": what follows the verb in its clause."""
    if verb.lemma_.lower() in CLAUSE_VERBS:
        return None
    tokens = [t for t in verb.subtree if t.i > verb.i and t.dep_ != "punct"]
    tokens = [t for t in tokens if not any(a.dep_ in {"conj", "advcl"} and a.head == verb for a in [*t.ancestors, t])]
    if len(tokens) < 4:
        return None
    text = sentence.doc[tokens[0].i : tokens[-1].i + 1].text
    return _finding(subject, verb, text, sentence)


def _last_word(sentence: Span) -> Token | None:
    for token in reversed(sentence):
        if not token.is_punct and not token.is_space:
            return token
    return None


def _speaker_head(subject: Token) -> int:
    """A title with a name in apposition speaks as the name: "the director, William Burns, said"."""
    appos = next((c for c in subject.children if c.dep_ == "appos"), None)
    return appos.i if appos is not None and subject.pos_ == "NOUN" else subject.i


def _finding(subject: Token, verb: Token, text: str, sentence: Span) -> StatementFinding | None:
    text = text.strip(_TRIM)
    if len(text.split()) < _MIN_CONTENT_WORDS:
        return None
    kind = "direct" if _QUOTE.search(sentence.text) else "indirect"
    return StatementFinding(_speaker_head(subject), verb.text, text, kind, _speaker_text(subject))


def _clause_text(head: Token, exclude: Token | None = None) -> str:
    doc = head.doc
    excluded = set(exclude.subtree) if exclude is not None else set()
    tokens = [t for t in head.subtree if t not in excluded]
    while tokens and (
        (tokens[0].dep_ == "mark" and tokens[0].lower_ in {"that", "whether", "if"}) or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip(_TRIM)


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
    content = doc[rest[0].i : rest[-1].i + 1].text
    return StatementFinding(source.i, "according to", content, "according-to", _speaker_text(source))

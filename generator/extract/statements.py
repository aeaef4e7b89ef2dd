"""Attributed statements: who said what, with which verb, directly or in reported speech."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from generator.extract.lexicon import (
    ACTION_SENSE_VERBS,
    ASIDE_OPENERS,
    BRIEFING_NOUNS,
    CAUTION_ADJECTIVES,
    CLAUSE_VERBS,
    CONDITIONAL_MARKS,
    CORRECTION_MARKERS,
    DANGLING_WORDS,
    DEMONSTRATIVES,
    DIRECTIVE_VERBS,
    DISCOURSE_MARKERS,
    DISCOURSE_NOUNS,
    FILLER_WORDS,
    FUTURE_MODALS,
    HESITATIONS,
    HYPOTHETICAL_MODALS,
    INTENT_VERBS,
    INVERTED_SPEECH_VERBS,
    LINKING_VERBS,
    OBJECT_PRONOUNS,
    PERCEPTION_VERBS,
    PLEASANTRIES,
    REFERRING_PRONOUNS,
    ROLE_NOUNS,
    SELF_CORRECTIONS,
    SETTING_PREPOSITIONS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    TALK_BACK_VERBS,
    TALK_VERBS,
    TOPIC_NOUNS,
    TOPIC_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    aside: bool = False
    """Given in passing by the writer or speaker of the sentence ("As the President said, X"), who makes X
    their own claim."""


def find_statements(sentence: Span) -> list[StatementFinding]:
    """Statements of one sentence: speech verbs with their subject, and "according to" phrases."""
    findings: list[StatementFinding | None] = []
    if is_question(sentence) or is_stage_direction(sentence):
        return []
    quoted = _quoted_chars(sentence)
    for token in sentence:
        if token.idx in quoted:
            continue  # speech inside a quotation belongs to the quoted person's words
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            if not asserted(token):
                continue
            findings.append(_speech_verb(token, sentence))
        elif token.lower_ == "according" and token.i + 1 < sentence.end and sentence.doc[token.i + 1].lower_ == "to":
            findings.append(_according_to(token, sentence))
    if not any(findings):
        findings.append(_stated_position(sentence) or _inverted_attribution(sentence))
    return [f for f in findings if f is not None and len(f.content.split()) >= _MIN_CONTENT_WORDS]


def _inverted_attribution(sentence: Span) -> StatementFinding | None:
    """ "Said Ellis: “I don’t get the sense she’s interested.”": a sentence that opens on its speech verb,
    then the speaker and a colon or comma, then the quotation (the small model parses the verb as part of
    the name)."""
    first = sentence[0]
    if first.lower_ not in INVERTED_SPEECH_VERBS or not first.is_title:
        return None
    doc = sentence.doc
    stop = next((t for t in sentence[1:] if t.text in {":", ","}), None)
    if stop is None or stop.i - first.i < 2 or stop.i - first.i > 5:
        return None
    names = doc[first.i + 1 : stop.i]
    if not all(t.is_title or t.is_upper or t.text in {".", "-"} for t in names):
        return None
    rest = doc[stop.i + 1 : sentence.end].text
    quote = _QUOTE.search(rest)
    if quote is None or len(quote.group(1).split()) < _MIN_QUOTE_WORDS:
        return None
    return StatementFinding(names[-1].i, first.text, quote.group(1).strip(_TRIM), "direct", names.text)


def _stated_position(sentence: Span) -> StatementFinding | None:
    """ "The President has been clear: we must …": a copular stance ("clear", "consistent") before a colon
    gives what follows the colon to the subject."""
    root = sentence.root
    if root.lemma_ != "be" or not any(c.dep_ == "acomp" and c.lower_ in STANCE_ADJECTIVES for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    colon = next((t for t in sentence if t.text == ":" and t.i > root.i), None)
    if subject is None or colon is None or subject.lower_ in {"i", "we", "it", "this", "that"}:
        return None
    content = sentence.doc[colon.i + 1 : sentence.end].text.strip(_TRIM)
    if len(content.split()) < _MIN_CONTENT_WORDS:
        return None
    return StatementFinding(_speaker_head(subject), root.text, content, "indirect", _speaker_text(subject))


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
    if verb.lemma_.lower() in ACTION_SENSE_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "the President has added forces to the region" acts, it does not speak
    if verb.lemma_.lower() in CLAUSE_VERBS and not any(
        c.dep_ == "ccomp" and not _colon_between(c, verb) for c in verb.children
    ):
        return None  # "show", "find" need a clause: "the poll shows (that) …", not "shows a film"
    doc = sentence.doc
    if (
        verb.dep_ == "advcl"
        and verb.head.i > verb.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        # "As the President said this morning, we should not live like this."
        found = _finding(subject, verb, _clause_text(verb.head, exclude=verb), sentence)
        return replace(found, aside=True) if found is not None else None
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
        # "“We will,” he said, “and soon.”": the quotation on both sides, with the attribution inside it;
        # what follows another speech verb ("…,” Trump said, adding later, “…”) is that verb's statement
        said = _quoted_around(doc, spans, subject, verb)
        return _finding(subject, verb, said, sentence)
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


def _quoted_around(doc: Doc, spans: list[tuple[int, int]], subject: Token, verb: Token) -> str:
    """The quoted words on both sides of an attribution, without it: the quotations before the speaker,
    then those after the verb up to another speech verb."""
    text = doc.text
    attribution_start = min(t.idx for t in subject.subtree)
    # "…,” Holt said, adding “…”: the quotation before the speaker is what he said, not what he added
    earlier_verb = any(_speech(t) for t in doc[subject.i + 1 : verb.i])
    pieces = [] if earlier_verb else [text[a:b].strip(_TRIM) for a, b in spans if b <= attribution_start]
    for a, b in spans:
        if a <= verb.idx:
            continue
        if any(_speech(t) for t in doc[verb.i + 1 :] if t.idx < a):
            break
        pieces.append(text[a:b].strip(_TRIM))
    return " ".join(piece for piece in pieces if piece)


def _speech(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


def _colon_between(clause: Token, verb: Token) -> bool:
    """ "His message was consistent: the US will continue …": a clause before a colon is not what follows says."""
    return clause.i < verb.i and any(t.text == ":" for t in verb.doc[clause.i : verb.i])


def _rest_of_clause(subject: Token, verb: Token, sentence: Span) -> StatementFinding | None:
    """ "Trump called for a ban on …", "she urged Congress to act": what follows the verb in its clause."""
    lemma = verb.lemma_.lower()
    if lemma in CLAUSE_VERBS or lemma in DIRECTIVE_VERBS or lemma in ACTION_SENSE_VERBS:
        return None  # "asked his team to ensure …" orders, "has added forces" acts: neither claims
    tokens = [t for t in verb.subtree if t.i > verb.i and t.dep_ != "punct"]
    tokens = [t for t in tokens if not any(a.dep_ in {"conj", "advcl"} and a.head == verb for a in [*t.ancestors, t])]
    if len(tokens) < 4:
        return None
    if tokens[0].dep_ == "dobj" and tokens[0].pos_ == "PRON":
        return None  # "he has stated them repeatedly": what was said is named in another sentence
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
    if len(text.split()) < _MIN_CONTENT_WORDS or _when_or_where(text, sentence):
        return None
    kind = "direct" if _QUOTE.search(sentence.text) else "indirect"
    return StatementFinding(_speaker_head(subject), verb.text, text, kind, _speaker_text(subject))


def _when_or_where(text: str, sentence: Span) -> bool:
    """ "said during the debate last week", "reported from the island": a phrase without a verb that opens on a
    preposition of time or place tells when or where something was said, not what ("called for X" says what)."""
    at = sentence.text.find(text)
    span = sentence.doc.char_span(sentence.start_char + at, sentence.start_char + at + len(text)) if at >= 0 else None
    if span is None or not len(span):
        return False
    return span[0].lemma_.lower() in SETTING_PREPOSITIONS and not any(t.pos_ in {"VERB", "AUX"} for t in span)


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


def is_question(sentence: Span) -> bool:
    """An interrogative sentence ("Can you say …?", "…, right?"): asks, claims nothing."""
    return sentence.text.rstrip().rstrip(_TRIM_CLOSERS).endswith("?")


def is_stage_direction(sentence: Span) -> bool:
    """ "(Laughter.)", "(Shakes head no.)": what the transcript describes, not what anyone said."""
    text = sentence.text.strip()
    return text.startswith(("(", "[")) and text.rstrip(".").endswith((")", "]"))


def asserted(verb: Token) -> bool:
    """Whether a speech or belief verb reports a claim: not negated ("did not say", "can't promise"), not
    hypothetical ("would say") or to come ("will announce"), and not inside a condition ("if he says"), nor
    under a negated verb of speech or belief ("I don't think he said")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in verb.children):
        return False
    subject = _subject(verb)
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children) and not (
        subject is not None and subject.lower_ in {"i", "we"}
    ):
        return False  # "the President will announce …": nothing said yet
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False  # "will travel … to announce that …", "wants to say": a plan, not something said
    for node in [verb, *verb.ancestors]:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return False
        if node is not verb and node.lemma_.lower() in SPEECH_VERBS and any(c.dep_ == "neg" for c in node.children):
            return False
    return True


def turn_claim(sentence: Span, skip_chars: int = 0) -> str | None:
    """The first self-contained claim clause of a transcript sentence, without spoken framing ("I would say
    that", "As you know,", "So,"); None for questions, stage directions, greetings, procedure ("I'd like to
    call up …", "Go ahead") and the speaker's refusals ("I don't have …", "I cannot confirm that").

    `skip_chars` characters at the start of the paragraph belong to the speaker label."""
    if is_question(sentence) or is_stage_direction(sentence):
        return None
    start = _after_own_words(sentence, sentence.doc[0].idx + skip_chars)
    for verb in _clauses(sentence, start):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.idx >= start), None)
        if subject is None or not _finite(verb):
            continue  # a fragment or an order ("Go ahead, Ed.", "Thank you.")
        lead = _leading_clause(verb, start)
        if lead is not None and (_negated(lead) or _refusal(lead)):
            continue  # "I'm not going to divulge conversations that we've — we've had": parsed under "had"
        if any(c.dep_ == "aux" and c.lower_ in _POSSIBILITY for c in verb.children):
            continue  # "You might have seen …", "that could happen": a possibility, not a claim
        head = verb
        if _announces_a_topic(verb, subject):
            continue  # "one more thing I wanted to touch on is hate crimes"
        if subject.lower_ in {"i", "we"} and _refusal(verb):
            continue  # "we're not going to comment on …", "I will leave it to congressional leadership"
        if subject.lower_ == "i":
            if _negated(verb):
                continue  # "I don't have a lot to update", "I won't speak about …"
            framed = _framed_content(verb)
            if framed is not None and _about_the_talk(framed, include_speech=True):
                continue  # "I'm sure you are going to ask me that"
            if framed is not None:
                head = framed
            elif _about_the_talk(verb):
                continue  # "I want to start there", "I'd say so", "I could go on", "I have two pieces of news"
        if _procedure(verb, subject) or _addresses_the_room(verb) or _addresses_the_room(head):
            continue  # "(I think) you probably all saw the statement", "Jake talked about this yesterday"
        text = _spoken_clause(head, verb, start)
        if len(text.split()) >= _MIN_TURN_WORDS and _names_something(head, subject):
            return text
    return None


_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
_MIN_TURN_WORDS = 4
_POSSIBILITY = {"might", "may", "could"}
_MIN_BREAK_WORDS = 6
_BREAKS = {"—", "–", "--"}
_TRIM_CLOSERS = "\"”’') "


def _after_own_words(sentence: Span, start: int) -> int:
    """Where the claim starts when the speaker first points at their own earlier words up to a colon ("It's
    like I said in my opening statement, Steve: we're grateful …", "I would just go back to what I said
    before: our assessment is …"): after the colon."""
    colon = next((t for t in sentence if t.idx >= start and t.text == ":"), None)
    if colon is None:
        return start
    own_words = any(
        t.lower_ in {"i", "we"}
        and t.dep_ == "nsubj"
        and t.head.tag_ == "VBD"
        and t.head.lemma_.lower() in SPEECH_VERBS | TOPIC_VERBS
        for t in sentence
        if start <= t.idx < colon.idx
    )
    return colon.idx + 1 if own_words else start


def _leading_clause(verb: Token, start: int) -> Token | None:
    """The speaker's own clause that opens the sentence but hangs under a later verb, as the small model
    parses a restart ("I'm not going to divulge conversations that we've — we've had …")."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            and c.i < verb.i
            and c.idx >= start
            and any(s.dep_ in _SUBJECTS and s.lower_ in {"i", "we"} for s in c.children)
            and any(o.dep_ in _COMPLEMENTS | {"prep"} for o in c.children)  # not a false start ("we don't —")
        ),
        None,
    )


def _clauses(sentence: Span, start: int) -> list[Token]:
    """The main verbs of the words from character `start` on (after a speaker label, which the model may
    have parsed as the sentence's root) and the verbs joined to them ("X, but Y"), in order."""
    out = [t for t in sentence if t.idx >= start and (t.head.i == t.i or t.head.idx < start)]
    for top in list(out):
        for token in top.subtree:
            if token.dep_ == "conj" and token.head in out and token.pos_ in {"VERB", "AUX"}:
                out.append(token)
    return sorted(out, key=lambda t: t.i)


def _finite(verb: Token) -> bool:
    if verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"} for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) for c in verb.children
    )


def _framed_content(verb: Token) -> Token | None:
    """ "I do want to stress that X", "I would say X", "I think X": the head of X."""
    node: Token | None = verb
    while node is not None:
        content = next((c for c in node.children if c.dep_ == "ccomp"), None)
        if content is not None:
            return content
        node = next((c for c in node.children if c.dep_ in {"xcomp", "acomp"}), None)  # "I'm sure (that) X"
    return None


def _spoken_clause(head: Token, clause_verb: Token, start: int) -> str:
    """The clause of `head`, without the clauses joined after it, leading discourse words and asides
    ("As you know,", "you know,")."""
    doc = head.doc
    joined = [c for c in head.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i > head.i]
    excluded: set[int] = set()
    for other in joined:
        excluded.update(t.i for t in other.subtree)
        cc = [c for c in head.children if c.dep_ in {"cc", "punct"} and head.i < c.i < other.i]
        excluded.update(t.i for t in cc)
    for child in head.children:
        if child.i < head.i and _is_aside(child):
            excluded.update(t.i for t in child.subtree)
    if head is not clause_verb:
        excluded.update(t.i for t in head.children if t.dep_ == "mark")
    tokens = [t for t in head.subtree if t.i not in excluded and t.idx >= start]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "intj"} or _discourse(tokens[0])):
        tokens = tokens[1:]
    while tokens and tokens[0].dep_ == "mark" and tokens[0].head == head:
        tokens = tokens[1:]  # "(that) X", but never the "if" or "as" of a clause inside X ("if we win, she will …")
    words: list[Token] = []
    for token in tokens:
        if (
            token.text in _BREAKS
            and len(words) >= _MIN_BREAK_WORDS
            and head.i < token.i
            and not _repair(words, token)
            and not _beside_note(token)
        ):
            break  # "he spoke with him yesterday — a continuation of …": the claim ends where the aside starts
        words.append(token)
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words:
        return ""
    end = words[-1].i + 1
    if end + 1 < head.sent.end and doc[end].text == ":":
        end = head.sent.end  # "it is important to agree: one does not have to …": the point follows the colon
    return doc[words[0].i : end].text.strip(_TRIM)


def _about_the_talk(verb: Token, include_speech: bool = False) -> bool:
    """Whether a speaker's clause is about the conversation itself rather than the world."""
    lemma = verb.lemma_.lower()
    if include_speech:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        chain = [t for t in verb.subtree if t.i == verb.i or (t.dep_ == "xcomp" and t.head.i >= verb.i)]
        talking = any(
            v.lemma_.lower() in SPEECH_VERBS | DIRECTIVE_VERBS
            or any(c.dep_ == "dobj" and c.lemma_.lower() in DISCOURSE_NOUNS for c in v.children)
            for v in chain
        )  # "I'd give you the same answer I gave Jacqui"
        listener = subject is not None and any(t.lower_ in {"i", "you", "we"} for t in subject.subtree)
        return listener and talking  # "you guys are going to ask me that"
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS | {"can", "ca"} for c in verb.children):
        return True  # "I could go on", "I would refer you to …"
    if lemma in INTENT_VERBS:
        wanted = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if wanted is not None and any(
            c.dep_ == "acomp" and c.lemma_.lower() in CAUTION_ADJECTIVES for c in wanted.children
        ):
            return True  # "I want to be careful because …"
        return wanted is None or wanted.lemma_.lower() in TALK_VERBS or _about_the_talk(wanted)
    if lemma in TALK_VERBS:
        return True
    if lemma == "have":  # "I have two pieces of news to share", not "I have no higher priority than …"
        if any(t.lemma_.lower() in TALK_VERBS and t.i > verb.i for t in verb.subtree):
            return True
        # "I do have a couple of things to say about that", not "I have to say the deal is good"
        said = [o for o in verb.children if o.dep_ == "dobj" for o in o.subtree]
        return any(t.lemma_.lower() in DISCOURSE_NOUNS for t in said) and any(
            t.lemma_.lower() in SPEECH_VERBS and t.dep_ in {"relcl", "acl"} for t in said
        )
    if lemma in SPEECH_VERBS:
        if any(c.dep_ == "dobj" and c.lemma_.lower() in DISCOURSE_NOUNS for c in verb.children):
            return True  # "I wanted to say a few words about …"
        return not any(
            c.dep_ in {"dobj", "ccomp", "prep"} for c in verb.children
        )  # "I'd say so", not "I welcome the deal"
    return False


def _addresses_the_room(verb: Token) -> bool:
    """ "(I think) you probably all saw the President's statement": the speaker addressing the listeners;
    "Jake talked about this a little bit yesterday": pointing at earlier talk; "today we wanted to highlight
    another drug": announcing the talk's topic."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is not None and subject.lower_ == "you" and verb.lemma_.lower() in PERCEPTION_VERBS:
        return True
    if verb.lemma_.lower() in TOPIC_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "about" and any(o.lower_ in DEMONSTRATIVES for o in c.children)
        for c in verb.children
    ):
        return True
    wanted = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return (
        subject is not None
        and subject.lower_ in {"i", "we"}
        and verb.lemma_.lower() in INTENT_VERBS
        and wanted is not None
        and wanted.lemma_.lower() in TOPIC_VERBS
    )


def _announces_a_topic(verb: Token, subject: Token) -> bool:
    """ "One more thing I wanted to touch on is …", "there will be many topics … to be discussed": the
    speaker saying what the talk will take up."""
    nouns = [subject, *(c for c in verb.children if c.dep_ == "attr")]
    return any(
        noun.lemma_.lower() in TOPIC_NOUNS
        and any(t.lemma_.lower() in TOPIC_VERBS for t in noun.subtree if t.i != noun.i)
        for noun in nouns
    )


def _refusal(verb: Token) -> bool:
    """A speaker declining to answer: a negated verb of speech ("we're not going to comment", "I won't get
    into"), or handing the question on ("I will leave it to …", "I'd refer you to …")."""
    chain = [verb, *(t for t in verb.subtree if t.dep_ == "xcomp")]
    if _lets_others_speak(verb):
        return True  # "I'll let foreign leaders speak for themselves"
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in verb.children):
        return False  # "we wouldn't have talked about sanctions if …": a claim, not a refusal
    if _negated(verb) and any(v.lemma_.lower() in SPEECH_VERBS | TALK_VERBS | {"get"} for v in chain):
        return True
    for v in chain:
        objects = {c.lower_ for c in v.children if c.dep_ == "dobj"}
        if v.lemma_.lower() == "leave" and "it" in objects and any(c.lower_ == "to" for c in v.children):
            return True
        if v.lemma_.lower() == "refer" and "you" in objects:
            return True
    return False


def _lets_others_speak(verb: Token) -> bool:
    """ "I'll let foreign leaders speak for themselves", "I'd let the Pentagon talk to that": handing the
    question to others, said of the answer to come (not "we let the hostages speak to the press")."""
    return (
        verb.lemma_.lower() == "let"
        and any(
            c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | HYPOTHETICAL_MODALS | {"'d", "’d"} for c in verb.children
        )
        and any(c.dep_ in {"ccomp", "xcomp"} and c.lemma_.lower() in SPEECH_VERBS | TALK_VERBS for c in verb.children)
    )


def _procedure(verb: Token, subject: Token) -> bool:
    """Running the briefing, not a claim: handing over to someone "to take your questions" or "give you an
    update", passing the floor ("Our next question will go to …"), and pleasantries ("It's good to see you
    all")."""
    if subject.lower_ == "it" and any(
        c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in PLEASANTRIES for c in verb.children
    ):
        return True
    if subject.lower_ in DEMONSTRATIVES | {"it"} and any(
        c.dep_ == "attr" and c.lemma_.lower() in BRIEFING_NOUNS for c in verb.children
    ):
        return True  # "these are questions for the Israeli Defense Forces", "that's a good question"
    if subject.lemma_.lower() in BRIEFING_NOUNS and any(
        c.lower_ in {"next", "last", "final", "first"} for c in subject.children
    ):
        return True  # "Our next question will go to Deepa with NPR": a moderator passing the floor
    return any(
        t.lemma_.lower() in BRIEFING_NOUNS
        and t.dep_ == "dobj"
        and t.head.lemma_.lower() in TALK_VERBS | {"answer", "field"}
        for t in verb.subtree
    )


def _names_something(head: Token, subject: Token) -> bool:
    """A claim is about something: a noun, name or number besides its subject ("We have to — we have to",
    "I'm certain I'm going to get asked" are not)."""
    return any(t.pos_ in {"NOUN", "PROPN", "NUM"} and t.i != subject.i for t in head.subtree)


def _repair(before: list[Token], dash: Token) -> bool:
    """ "there — there", "Mex- — Mexico", "of the — in": the speaker corrects a word, the claim goes on."""
    doc = dash.doc
    after = doc[dash.i + 1] if dash.i + 1 < len(doc) else None
    last = before[-1]
    return (
        after is None
        or after.lower_ in {w.lower_ for w in before[-3:]}
        or _misspoken(last.text, after.text)
        or last.text.endswith("-")
        or last.pos_ in {"DET", "ADP", "CCONJ", "PRON", "AUX"}
        or after.pos_ in {"CCONJ", "ADP"}
    )


def _beside_note(dash: Token) -> bool:
    """ "a candid dialogue — (applause) — about …": the dashes set off the transcript's note, the claim goes on."""
    doc = dash.doc
    return (dash.i + 1 < len(doc) and doc[dash.i + 1].text in {"(", "["}) or (
        dash.i > 0 and doc[dash.i - 1].text in {")", "]"}
    )


def _discourse(token: Token) -> bool:
    """ "So, …", "Look, …", "And …": a word that opens the turn, not "First up is …" or "Now is the time"."""
    doc = token.doc
    set_off = token.dep_ in {"cc", "intj"} or (token.i + 1 < len(doc) and doc[token.i + 1].is_punct)
    return token.lower_ in DISCOURSE_MARKERS and token.dep_ in {"advmod", "intj", "cc", "prep", "npadvmod"} and set_off


def _is_aside(token: Token) -> bool:
    """ "As you know", "you know", "as I said yesterday", "I mean", "As Karine just said": the speaker talking
    about the talk."""
    if token.dep_ not in {"advcl", "parataxis", "intj", "ccomp"}:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    lemma = token.lemma_.lower()
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return lemma in _ASIDE_VERBS or lemma in SPEECH_VERBS or lemma in TALK_VERBS
    return subject.lower_ in {"i", "you", "we"} and lemma in _ASIDE_VERBS


_ASIDE_VERBS = {"know", "say", "mention", "see", "hear", "mean", "note", "tell", "report"}


_DASH = r"(?:—|–|--)"
_CUT_WORD = re.compile(rf"\b(\w+)-\s*{_DASH}\s*((?:[\w'’]+[\s,]+){{0,2}}[\w'’]*)")
_RESTART = re.compile(rf"\b((?:[\w'’]+\s+){{0,2}}[\w'’]+)\s*{_DASH}\s*(?=\1\b)", re.IGNORECASE)
_REPHRASED = re.compile(
    rf"\b([\w'’]+)((?:\s+[\w'’]+){{1,3}})-?\s*{_DASH}\s*(?=\1\b((?:\W+[\w'’]+){{0,4}}))", re.IGNORECASE
)
"""A speaker's restart that says its first word again and changes the rest: "to threten — to strengthen"
is "to strengthen", "at an affordable prices — at affordable prices" is "at affordable prices" (see
`_said_again`)."""
_REOPENED = re.compile(rf"^([\w'’]+)\s*{_DASH}\s*(?=(?:[\w'’]+\s+){{1,2}}\1\b)", re.IGNORECASE)
"""A claim's first word said again a word or two into the restart: "too — and far too many" is "and far too
many"."""
_DISFLUENCY = re.compile(rf"\w-(?=\s)|{_DASH}")
_BREAK = re.compile(rf"\s*{_DASH}\s*")
_TRAILING_JOIN = re.compile(r"[\s,;]+(?:and|or|but)$", re.IGNORECASE)
_LEADING_JOIN = re.compile(r"^(?:(?:and|or|but)\b|so,)[\s,]*", re.IGNORECASE)
_FALSE_START = re.compile(rf"^\s*((?:[\w'’]+[\s,]*){{1,3}}?)\s*{_DASH}\s*")
_SWAPPED_WORD = re.compile(rf"\b([A-Za-z]+)\s*{_DASH}\s*(?=([A-Za-z]+)\b)")
_MISSPOKEN = 75
"""Similarity (rapidfuzz ratio, 0–100) from which a word repeated after a dash is the same word said again."""
_MIN_MISSPOKEN_LETTERS = 4
_WORD = re.compile(r"[\w'’]+")
_MIN_STEM = 2
"""Letters a cut-off word needs before a later word can be taken as its completion ("i- — is" is no "is")."""
_SELF_CORRECTION_WORDS = 3
"""A dash after the content, then another within this many words: the speaker restarts right where the
content stops ("… on Medicare now — next — next year"), so the content may be what they took back."""
_MANY_BREAKS = 3
_MAX_BREAK_SHARE = 0.12
"""Three or more dashes and cut-off words, at one in eight words or more, are restarts ("that certainly — it
should be the full — that full truce — they should …"), not a long claim with two asides."""
_MAX_DISFLUENCY = 0.2
"""Cut-off words and dashes per word from which a content reads as garbled ("the same the case i- — is now
— in this …"); a long claim with a restart or two still reads well."""


def settled(content: str, sentence: Span, transcript: bool = False, spoken: bool = False) -> tuple[str, bool]:
    """The content without the speaker's restarts ("to prevent — to prevent gun", "earli- — in the earliest")
    and a dangling "and", in a `transcript` without its notes ("— (applause) —": in news, brackets are the
    writer's words), and whether it is still doubtful: garbled by restarts, cut before its point
    ("… office on —", "them repeatedly …"), or cut where the speaker corrects themselves or before a condition
    that the claim depends on ("we wouldn't have … — if it wasn't …")."""
    content = _without_as_said(content, sentence.text)
    at = sentence.text.find(content)
    rest = sentence.text[at + len(content) :] if at >= 0 else ""
    swap = re.match(rf"\s*{_DASH}\s*([A-Za-z]+)", rest)
    said = _WORD.findall(content)[-1:]
    if swap is not None and said and _misspoken(said[0], swap.group(1)):
        content, rest = content + rest.rstrip(), ""  # "… to redrect — reject attempts …": the claim goes on
    cut = at >= 0 and re.match(rf"\s*(?:{_DASH}|\w)", rest) is not None  # stopped at a break or mid-clause
    doubtful = (
        _broken_off(rest)
        or (cut and at >= 0 and _verb_left_bare(sentence, sentence.start_char + at + len(content)))
        or _cut_before_correction(rest)
        or _condition_left_out(content, rest)
        or _point_left_out(rest)
        or (at >= 0 and _resumes_after_aside(sentence, sentence.start_char + at + len(content)))
    )
    cleaned = re.sub(r"\s{2,}", " ", _STAGE_DIRECTION.sub(" ", content)) if transcript else content
    cleaned = _TRAILING_JOIN.sub("", cleaned.strip(_TRIM)).strip(_TRIM)
    while True:
        repaired = _RESTART.sub("", cleaned)
        repaired = _FALSE_START.sub(lambda m: "" if _filler(m.group(1)) else m.group(0), repaired)
        repaired = _LEADING_JOIN.sub("", repaired)
        repaired = _SWAPPED_WORD.sub(lambda m: "" if _misspoken(m.group(1), m.group(2)) else m.group(0), repaired)
        repaired = _CUT_WORD.sub(lambda m: _cut_word_repaired(m, spoken), repaired)
        if spoken:  # in writing, "the president — the first to visit —" is an aside, not a restart
            repaired = _REPHRASED.sub(lambda m: "" if _said_again(m) else m.group(0), _REOPENED.sub("", repaired))
        if repaired == cleaned:
            break
        cleaned = repaired
    if cleaned[:1].islower() and content.strip(_TRIM)[:1].isupper():
        cleaned = cleaned[0].upper() + cleaned[1:]  # "We — we had" is "We had"
    words = _WORD.findall(cleaned.lower())
    marks = len(_DISFLUENCY.findall(cleaned))
    garbled = marks >= _MAX_DISFLUENCY * max(len(words), 1) or (
        marks >= _MANY_BREAKS and marks >= _MAX_BREAK_SHARE * len(words)
    )
    dangling = cut and bool(words) and words[-1] in DANGLING_WORDS
    doubtful = doubtful or _ANSWERING_THE_ASKER.search(cleaned) is not None
    doubtful = doubtful or garbled or dangling or not words or words[0] in OBJECT_PRONOUNS
    if spoken and not doubtful:  # a speaker's turn: written text sets asides off with dashes on purpose
        doubtful = (
            _abandoned_phrase(cleaned)
            or (at >= 0 and _addressed_to_someone(sentence, sentence.start_char + at, cleaned))
            or (
                at >= 0
                and (
                    _cut_from_its_parts(sentence, sentence.start_char + at, sentence.start_char + at + len(content))
                    or _points_back(sentence, sentence.start_char + at, sentence.start_char + at + len(content))
                )
            )
        )
    return cleaned, doubtful


def _addressed_to_someone(sentence: Span, start: int, content: str) -> bool:
    """Whether the claim opens by calling someone by name and speaks to them: a call on a reporter ("James,
    in the back, you have the last question"), a compliment ("Secretary Granholm, no one is more
    enthusiastic … than you are"). Not news."""
    names = 0
    for t in sentence:
        if t.idx < start:
            continue
        if t.pos_ == "PROPN" and t.lower_ not in DISCOURSE_MARKERS:
            names += 1
            continue
        return names > 0 and t.text == "," and re.search(r"\byou(?:rs?)?\b", content, re.IGNORECASE) is not None
    return False


def _points_back(sentence: Span, start: int, end: int) -> bool:
    """ "they would do this", "to do that, you've got to have leadership": a spoken claim whose object is a
    bare "this" or "that", which only the talk before it explains. (A subject "that" is left: "That is why
    we …" most often carries its own point, and holding it cost whitehouse_dev a tenth of its statements.)"""
    # not "those who are being held captive": a demonstrative its own clause or phrase defines
    inside = [t for t in sentence if start <= t.idx < end and not _defined_here(t)]
    # (nor "a safe means of doing that": the object of a verb deep inside a noun phrase)
    if any(
        t.lower_ in DEMONSTRATIVES and t.dep_ == "dobj" and t.head.dep_ not in {"relcl", "pcomp", "acl"} for t in inside
    ):
        return True
    if any(
        t.lower_ in DEMONSTRATIVES
        and t.dep_ == "pobj"
        and t.head.head.pos_ in {"VERB", "ADJ"}
        and t.head.head.dep_ in {"ROOT", "xcomp", "acomp", "ccomp"}
        for t in inside
    ):
        return True  # "I feel hamstrung by that", "we're focused on this"
    # "it's not something we have taken our eyes off", "it is an active issue": "it" is what came before
    # (not "it is important to …", whose "it" stands for what follows)
    return any(
        t.lower_ == "it"
        and t.dep_ == "nsubj"
        and t.head.lemma_ == "be"
        and (t.head.dep_ == "ROOT" or _restarted_clause(t.head))
        and not any(c.dep_ in {"ccomp", "xcomp", "csubj"} and c.i > t.i for c in t.head.children)
        and not any(c.dep_ in {"ccomp", "xcomp"} for a in t.head.children if a.dep_ == "acomp" for c in a.children)
        for t in inside
    )


def _defined_here(token: Token) -> bool:
    """A "those who …", "that of …": a demonstrative its own clause or phrase says the meaning of."""
    return any(c.dep_ in {"relcl", "acl", "prep"} for c in token.children)


_NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def leans_back(sentence: Span, start: int, end: int) -> bool:
    """Whether the claim between characters `start` and `end` points at something only an earlier sentence
    names: a third-person pronoun with no name before it in the sentence ("They haven't been able to …"), or a
    demonstrative ("that is not the same as governance", "thanks to this law"), but not a time ("this week")
    nor the "it" of "it is clear that …"."""
    named = False
    for t in sentence:
        if t.idx >= end:
            break
        if t.ent_type_ in _NAMED or t.pos_ == "PROPN":
            named = True
        if t.idx < start:
            continue
        extraposed = t.lower_ == "it" and any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in t.head.children)
        if t.lower_ in REFERRING_PRONOUNS and not named and t.dep_ != "expl" and not extraposed:
            return True
        if t.lower_ in DEMONSTRATIVES and t.tag_ == "DT" and t.head.ent_type_ not in {"DATE", "TIME"}:
            return True
    return False


_PERSONAL = frozenset("he she him her his".split())
_PLURAL = frozenset("they them their these those".split())


_POINTED = "this …"
"""What `bare_subject` returns for a subject named by "this" or "these" and a common noun: only a name in the
sentence before tells a reader which ("this request": the supplemental request for Ukraine and Israel)."""


def stands_for(pronoun: str, sentence: Span) -> bool:
    """Whether `sentence` names something a later `pronoun` can stand for: a person for "he" or "she"
    (a name or a person's title), people or a body for "they" ("the council members who left"; not "their
    families"), anything named for "it" or "that"."""
    if pronoun == _POINTED:
        return any(t.ent_type_ in _NAMED or t.pos_ == "PROPN" for t in sentence)
    for t in sentence:
        named = t.ent_type_ in _NAMED or t.pos_ == "PROPN"
        own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
        if pronoun in _PERSONAL:
            person = t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.ent_type_ in {"", "ORG"})
            if person or (t.pos_ == "NOUN" and t.lemma_.lower() in ROLE_NOUNS | SPEAKER_NOUNS):
                return True
        elif pronoun in _PLURAL:
            if named or (t.tag_ == "NNS" and not own):
                return True
        elif named or (t.pos_ == "NOUN" and not own):
            return True
    return False


def bare_subject(sentence: Span, start: int, end: int) -> str | None:
    """The "he", "they", "it" or "that" the claim between characters `start` and `end` is about and never
    names: the pronoun is a subject and no noun comes before it in the claim but one that sets the scene
    ("They need our help", "At the same time, he's working"; not "some of these families …, so they have
    been a source", nor the "it" of "it is clear that …"); `_POINTED` for a subject "this" or "these" and a
    common noun ("This request also addresses …"); None otherwise."""
    for t in sentence:
        if t.idx >= end:
            break
        if t.idx < start:
            continue
        pointed = t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN"
        if pointed and any(c.dep_ == "det" and c.lower_ in {"this", "these"} for c in t.children):
            return _POINTED  # "this request will …", "these efforts are …"
        if (t.pos_ in {"NOUN", "PROPN"} or t.ent_type_ in _NAMED) and not _sets_the_scene(t):
            return None
        if t.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        extraposed = t.lower_ == "it" and any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in t.head.children)
        if (t.lower_ in REFERRING_PRONOUNS and not extraposed) or (t.lower_ in DEMONSTRATIVES and t.tag_ == "DT"):
            return t.lower_
    return None


def _sets_the_scene(noun: Token) -> bool:
    """A noun of a phrase that tells when or how ("at the same time, he …", "this week, they …"): nothing a
    later pronoun stands for."""
    while noun.dep_ in {"compound", "amod", "det", "nummod"}:
        noun = noun.head
    if noun.dep_ in {"npadvmod", "tmod"}:
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"VERB", "AUX"}


def _restarted_clause(verb: Token) -> bool:
    """ "it's — it's not something …": the second "it's" of a restart, which the model hangs under the first."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.i < verb.i
        and verb.head.lemma_ == verb.lemma_
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.head.children)
    )


_POINT_AFTER = re.compile(r"^\s*,?\s*(?:than|by what)\b", re.IGNORECASE)


def _point_left_out(rest: str) -> bool:
    """ "Americans have paid more for prescription drugs [than any advanced nation]", "I am deeply affected,
    as we all are, [by what we have seen]": the words after the claim are its point. (Not ", but …": the
    dev gold keeps the claim before it, eight times on whitehouse_dev and polnear_dev.)"""
    return bool(_POINT_AFTER.match(rest))


def _abandoned_phrase(content: str) -> bool:
    """A phrase the speaker dropped mid-way and never said again: "referring to the — this idea that —",
    "next week — what — as it relates", "a matter of — let me back up"."""
    closing = False  # this break closes an aside the one before opened
    for match in _BREAK.finditer(content):
        before = _WORD.findall(content[: match.start()])[-1:]
        between = re.split(_DASH, content[match.end() :], maxsplit=1)
        said = _WORD.findall(between[0])
        aside = len(between) > 1 and bool(between[1].strip()) and bool(said) and said[0].lower() in ASIDE_OPENERS
        dropped = bool(before) and before[0].lower() in DANGLING_WORDS | LINKING_VERBS
        closing, was_closing = aside, closing
        if dropped and not aside and not was_closing:
            return True  # "referring to the —", "What I can say is —"; not "is — and always has been — to"
        if len(between) > 1 and len(said) == 1 and (said[0].lower() in HESITATIONS or _filler(said[0])):
            return True  # "— what —": a word between two breaks
        following = between[0].strip().lower().replace("’", "'")
        if any(re.match(rf"{re.escape(phrase)}\s*(?:[,.]|$)", following) for phrase in SELF_CORRECTIONS):
            return True  # "— let me back up", "— I'm sorry, …"
    return False


def _cut_from_its_parts(sentence: Span, start: int, end: int) -> bool:
    """The content starts at a verb whose subject it left out ("is that roughly …"), is the speaker pointing
    back at the talk itself ("I heard the question", "I mentioned …"), or ends on a word whose object comes
    after the cut ("in such a way that it included, of course, leaders …")."""
    inside = [t for t in sentence if start <= t.idx < end and not t.is_punct]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    if first.tag_ in {"VBZ", "VBP", "VBD", "MD"} and first.is_lower and first.i > sentence.start:
        return True
    heads = [t for t in inside if t.head == t or not start <= t.head.idx < end]
    if any(
        t.lemma_.lower() in TALK_BACK_VERBS and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in t.children)
        for t in heads
    ):
        return True  # "I mentioned, for example, the issue of fentanyl": the talk, not a claim
    return any(c.dep_ in _COMPLEMENTS and c.idx >= end for c in last.children)


_COMPLEMENTS = {"dobj", "pobj", "attr", "ccomp", "xcomp", "acomp", "oprd", "pcomp"}


def _said_again(restart: re.Match[str]) -> bool:
    """Whether the words before a dash are said again after it: one changed word ("to threten — to
    strengthen"), or a longer stretch whose words all but one come back ("at an affordable prices — at
    affordable prices"); not an elaboration ("the people of Ukraine — people that were badly hurt")."""
    before = _WORD.findall(restart.group(2).lower())
    if len(before) == 1:
        return True
    after = set(_WORD.findall(restart.group(3).lower()))
    return sum(word not in after for word in before) <= 1


def _misspoken(said: str, meant: str) -> bool:
    """ "voters turned out to redrect — reject": a word said and at once said again, nearly the same."""
    alphabetic = said.isalpha() and meant.isalpha() and min(len(said), len(meant)) >= _MIN_MISSPOKEN_LETTERS
    return alphabetic and said.lower() != meant.lower() and fuzz.ratio(said.lower(), meant.lower()) >= _MISSPOKEN


def _filler(words: str) -> bool:
    return all(w.lower().replace("’", "'") in FILLER_WORDS for w in _WORD.findall(words))


_AS_SAID = re.compile(
    r"^\W*(?:(?:and|but|because|so|again)\W+)?as\s+(?:[\w'’.-]+\s+){1,5}?"
    r"(?:said|noted|mentioned|stated|announced|indicated|made clear|put it|spoke about|talked about)\b[^,—]{0,40},\s*",
    re.IGNORECASE,
)
"""A claim's frame that says who said it before: "as she also said,", "As I said in my speech yesterday,"."""


def _without_as_said(content: str, sentence: str) -> str:
    """The claim without an "as … said" frame that opens its sentence ("And as she also said, we're going to
    continue …" is "we're going to continue …"); the frame names who said it before, not what is said."""
    frame = _AS_SAID.match(sentence)
    at = sentence.find(content)
    if frame is None or at < 0 or at >= frame.end() or at + len(content) <= frame.end():
        return content
    return sentence[frame.end() : at + len(content)]


def _cut_word_repaired(cut: re.Match[str], spoken: bool) -> str:
    """A cut-off word and its dash: completed by a word soon after ("Mex- — Mexico"), given up when spoken
    ("Aman- — among"), or left as written."""
    if _continues(cut):
        return _completed(cut)
    return _given_up(cut) if spoken else cut.group(0)


def _completed(cut: re.Match[str]) -> str:
    """The words that complete a cut-off word, without the word before it said again ("ahead to holi- — to
    holiday" is "ahead to holiday", not "ahead to to holiday")."""
    before = _WORD.findall(cut.string[: cut.start()])[-1:]
    again = re.match(r"([\w'’]+)\s+", cut.group(2))
    if before and again is not None and again.group(1).lower() == before[0].lower():
        return cut.group(2)[again.end() :]
    return cut.group(2)


def _given_up(cut: re.Match[str]) -> str:
    """A spoken word of two letters or more cut off before a dash, which no later word completes, is given
    up ("Aman- — among", "whom afa- — Hamas"; "i- — is" is too short to tell). The dash stays when the words
    after it say again a word of the few before ("this notorial transnat- — this …"): a restart the other
    repairs take out."""
    if len(cut.group(1)) < _MIN_STEM:
        return cut.group(0)
    before = {w.lower() for w in _WORD.findall(cut.string[: cut.start()])[-_RESTART_REACH:]}
    after = _WORD.findall(cut.group(2))[:1]
    return f"— {cut.group(2)}" if after and after[0].lower() in before else cut.group(2)


_RESTART_REACH = 4
"""Words before a cut word within which a restart says one again."""


def _continues(cut: re.Match[str]) -> bool:
    """ "Mex- — Mexico", "earli- — in the earliest": a word soon after the dash completes the cut-off word."""
    stem = cut.group(1).lower()
    return len(stem) >= _MIN_STEM and any(w.lower().startswith(stem) for w in _WORD.findall(cut.group(2)))


_RESUMING_TAGS = {"VBZ", "VBP", "VBD", "MD", "TO"}
"""A finite verb or "to" after an aside continues the clause; "— following the attacks" only adds to it."""


def _resumes_after_aside(sentence: Span, end: int) -> bool:
    """ "the supplemental — which, as you know, is our emergency needs — are certainly met": the content stops at
    an aside after which its own clause goes on with a verb, so the content lacks its point."""
    after = [t for t in sentence if t.idx >= end and not t.is_space]
    if not after or after[0].text not in _BREAKS:
        return False
    opened = sum(t.text in _BREAKS for t in sentence if t.idx < end) % 2 == 1  # "all of us — the government, … —"
    closing = 0 if opened else next((i for i, t in enumerate(after[1:], start=1) if t.text in _BREAKS), None)
    if closing is None or closing + 1 >= len(after):
        return False
    resumed = after[closing + 1]
    return resumed.tag_ in _RESUMING_TAGS


def _broken_off(rest: str) -> bool:
    """ "… how we've been able to suppress —": the speaker broke off at the end of the sentence."""
    return re.fullmatch(rf"\s*{_DASH}[\s.…]*", rest) is not None


def _verb_left_bare(sentence: Span, end: int) -> bool:
    """ "Hamas was using — is using Al-Shifa as …": the content stops at a break on a verb whose object or
    complement the parse only finds after it, so the claim lost its point."""
    last = next((t for t in reversed(sentence) if t.idx < end and not t.is_punct), None)
    return (
        last is not None
        and last.pos_ == "VERB"
        and not any(c.dep_ in _COMPLEMENTS | {"prep", "dative", "prt", "advmod", "npadvmod"} for c in last.children)
    )


_ANSWERING_THE_ASKER = re.compile(r"\b(?:to|on|about|in) your\b[^,;:]{0,25}?\bquestions?\b", re.IGNORECASE)
"""“To your question about what Americans are feeling, we understand …”: a claim shaped by the question,
which the statement does not show."""


def _cut_before_correction(rest: str) -> bool:
    after = re.match(rf"\s*{_DASH}\s*(.*)", _STAGE_DIRECTION.sub("", rest))
    if after is None:
        return False
    following = re.split(_DASH, after.group(1), maxsplit=1)
    if any(w.lower() in CORRECTION_MARKERS for w in _WORD.findall(following[0])[:2]):
        return True  # "President Macron was on the call — actually, two calls …", "— I'm sorry, also Tuesday"
    return len(following) > 1 and len(_WORD.findall(following[0])) <= _SELF_CORRECTION_WORDS


def _condition_left_out(content: str, rest: str) -> bool:
    """A condition opens a clause after the content ("…, if", "— if it wasn't …"), not "to see if we can"."""
    said = {w.lower() for w in _WORD.findall(content)}
    return _CONDITION.search(rest) is not None and not said & CONDITIONAL_MARKS


_STAGE_DIRECTION = re.compile(rf"\s*(?:{_DASH}\s*)?[(\[][^()\[\]]*[)\]]\s*(?:{_DASH})?")
"""What the transcript notes ("— (laughter) —", "(applause)"): not part of the claim, and no correction."""
_CONDITION = re.compile(
    rf"(?:^|[,;]|{_DASH})\s*(?:(?:and|but|or|so|even|only)\s+)?(?:{'|'.join(sorted(CONDITIONAL_MARKS - {'whether'}))})\b",
    re.IGNORECASE,
)

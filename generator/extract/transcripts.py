"""Transcripts: paragraphs opened by a speaker label ("MS. JEAN-PIERRE:  Good afternoon.", "Q    Thanks.").

A label starts a turn that lasts until the next label; what is said in a turn is the labelled speaker's.
"""

from __future__ import annotations

import re
from collections import Counter
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
_QUESTION = re.compile(r"^\s*Q(?:\s{2,}|\s*:\s*|\s+(?=[A-Z])|\s+(?=[—–]))")
"""A reporter's turn: "Q  Thanks.", "Q: …", "Q And …", and one the transcript cut into ("Q — it seems …")."""
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


def find_turns(docs: list[Doc], first_sentence: dict[int, str], header: str = "") -> dict[int, Turn]:
    """The turn of every paragraph from the first labelled one on; {} for a text that is not a transcript.

    `first_sentence` maps a paragraph number to the id of its first sentence. A label names its person as
    the text's header (`header`, the title) or body introduces them: "MS. JEAN-PIERRE" is "Press Secretary
    Karine Jean-Pierre", "THE VICE PRESIDENT" is "Vice President Kamala Harris"."""
    sources = [header, *(doc.text for doc in docs)]
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
        if span is not None and paragraph in first_sentence:
            written: str | None
            title = None
            if _is_role(name):
                # "SENIOR ADMINISTRATION OFFICIAL" is anonymous on purpose: no name is looked for
                anonymous = name.lower().split()[-1] in _ANONYMOUS_LABELS
                written = None if anonymous else _holder(name, sources)
                # "THE PRESIDENT" is "President Ruiz": the title stays, so that the bare surname joins only a
                # full name of that title's holder, never a relative the text names ("his mother, Elena Ruiz")
                title = " ".join(w.capitalize() for w in name.split() if w.lower() != "the")
            else:
                words = name.split()
                while len(words) > 1 and (words[0].lower() in ROLE_NOUNS or words[0].lower() in _LABEL_TITLE_WORDS):
                    words = words[1:]  # "PRIME MINISTER ALBANESE" is Albanese
                written = " ".join(part.capitalize() if "-" not in part else _hyphen_title(part) for part in words)
                stripped = match.group("label")[: -len(" ".join(words))].replace(".", " ").split()
                roles = [w.lower() for w in stripped if w.lower() in ROLE_NOUNS or w.lower() in _TITLE_ABBREVIATIONS]
                full = _full_name(written, sources)
                if roles:
                    # "VICE PRESIDENT OKORO" is a full name the text gives that title, never "our reporter
                    # Daniel Okoro"; with none, the surname keeps its title for the title rule of clustering
                    title = " ".join(w.capitalize() for w in stripped)
                    if full is not None and not _given_title(full, roles[-1], sources):
                        full = None
                written = full or written
            if written is not None:
                mention = Mention(
                    written,
                    "person",
                    first_sentence[paragraph],
                    span.start,
                    span.end,
                    paragraph,
                    titled=True,
                    title=title,
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
    asking = _asking_labels(turns, docs) | _introduced_askers(labelled, sources)
    for turn in turns.values():
        turn.asks = turn.asks or turn.label in asking
    return turns


def _asking_labels(turns: dict[int, Turn], docs: list[Doc]) -> set[str]:
    """Labels whose turns mostly ask ("MR. HALE: What would you tell them?"): a named interviewer or
    moderator, the asking side of the transcript."""
    asked: Counter[str] = Counter()
    spoken: Counter[str] = Counter()
    for paragraph, turn in turns.items():
        text = docs[paragraph - 1].text[turn.label_end :].strip()
        if not text or text.startswith(("(", "[")):
            continue  # "(Laughter.)": a stage direction asks nothing and says nothing
        spoken[turn.label] += 1
        asked[turn.label] += "?" in text
    return {label for label, count in spoken.items() if asked[label] * 2 > count}


_ASKER_NAMES = re.compile(
    r"(?i:moderated\s+(?:conversation|discussion|panel|interview|session)\s+with|moderated\s+by|"
    r"interviewed\s+by|moderator|interviewer)\s+"
    r"((?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’.\-]*(?:(?:\s*,\s*|\s+and\s+)(?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’.\-]*)*)"
)


def _introduced_askers(labelled: dict[int, Turn], sources: list[str]) -> set[str]:
    """Labels of the people the header or text introduces as the asking side ("a Moderated Conversation
    with Dana Hale and Lee Park", "moderator Dana Hale"): "MR. HALE" asks."""
    surnames: set[str] = set()
    for text in sources:
        for match in _ASKER_NAMES.finditer(text):
            for part in re.split(r"\s*,\s*|\s+and\s+", match.group(1)):
                name = _trim_name(part.split())
                if name is not None:
                    surnames.add(name.split()[-1].upper())
    return {t.label for t in labelled.values() if t.label != "Q" and t.label.split()[-1] in surnames}


_NAME_WORD = r"[A-Z][\w'’.\-]*"


def _holder(label: str, sources: list[str]) -> str | None:
    """The name written right after the label's title in the header or text ("THE VICE PRESIDENT" →
    "Vice President Kamala Harris" → "Kamala Harris"); None if no text names the holder."""
    words = label.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    title = r"\s+".join(re.escape(w.capitalize()) if "-" not in w else re.escape(_hyphen_title(w)) for w in words)
    pattern = re.compile(rf"(?<![\w-])(?:{title}|{title.upper()})\s+((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})")
    for text in sources:
        for match in pattern.finditer(text):
            before = text[: match.start()].split()[-1:]
            if before and before[0][:1].isupper() and before[0].lower() not in _NOT_NAME_WORDS | {"by", "from"}:
                continue  # "Vice President Harris" does not name the President
            name = _trim_name(match.group(1).split())
            if name:
                return name
    return None


def _given_title(name: str, role: str, sources: list[str]) -> bool:
    """ "Secretary of State Antony Blinken": the text writes `role` a few words before `name`."""
    pattern = re.compile(rf"(?i:\b{re.escape(role)}\.?)(?:\s+\S+){{0,4}}\s+{re.escape(name)}(?![\w-])")
    return any(pattern.search(text) for text in sources)


_TITLE_ABBREVIATIONS = {"gen", "adm", "sen", "rep", "gov"}


def _full_name(surname: str, sources: list[str]) -> str | None:
    """ "Jean-Pierre" → "Karine Jean-Pierre" when the header or text writes the full name."""
    pattern = re.compile(rf"((?:{_NAME_WORD}\s+){{1,3}}){re.escape(surname)}(?![\w-])")
    for text in sources:
        for match in pattern.finditer(text):
            given = match.group(1).split()
            # the given name right before the surname, with a middle initial ("Joseph R. Biden")
            take = 2 if len(given) >= 2 and len(given[-1].rstrip(".")) == 1 else 1
            kept = given[-take:]
            if not any(w.lower().rstrip(".") in ROLE_NOUNS | _NOT_NAME_WORDS for w in kept):
                return " ".join([*kept, surname])
    return None


def _trim_name(words: list[str]) -> str | None:
    """The name at the start of `words`, up to a word that is no part of a name ("Harris And", "Biden On")."""
    kept: list[str] = []
    for word in words:
        if word.lower().rstrip(".") in _NOT_NAME_WORDS or word.lower() in ROLE_NOUNS:
            break
        kept.append(word.rstrip(".,"))
    # "President Biden Urging Congress to …": a verb in title case, with its object, ends the name
    verb = next((i for i, w in enumerate(kept[1:-1], start=1) if _title_case_verb(w)), None)
    if verb is not None:
        kept = kept[:verb]
    return " ".join(kept) if 0 < len(kept) <= _MAX_NAME_WORDS else None


def _title_case_verb(word: str) -> bool:
    return len(word) > 4 and word.lower().endswith("ing")


_NOT_NAME_WORDS = {
    *"and or on of the a an to at in into for with by from about before after during following upon over".split(),
    *"under between against ahead regarding across via press mr ms mrs dr".split(),
}
"""Words that end a name in a header written in title case ("President Biden Before Marine One Departure")."""
_MAX_NAME_WORDS = 4
_ANONYMOUS_LABELS = {"official", "officials", "aide", "staff", "spokesperson", "participant", "moderator", "operator"}
_LABEL_TITLE_WORDS = {"prime", "vice", "deputy", "first", "lady", "the", "national", "security"}


def _is_speaker_label(label: str) -> bool:
    """ "THE PRESIDENT": a label that can only be a speaker's, even alone in a text (remarks)."""
    words = label.lower().split()
    return len(words) >= 2 and words[0] == "the" and words[-1] in ROLE_NOUNS


def _is_role(name: str) -> bool:
    """ "AIDE", "MODERATOR", "THE PRESIDENT": a label that names a role, not a person."""
    words = name.lower().split()
    return words[-1] in ROLE_NOUNS or words[-1] in _ROLE_LABELS


def _hyphen_title(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


_AUTHORED = re.compile(
    r"^\s*(?:Statement|Message|Letter|Op-Ed)\s+(?:from|by)\s+(?P<who>.+?)(?:\s+(?:on|regarding|about|in|to|for)\s+|$)"
)


def authored_turns(header: str, paragraphs: int) -> dict[int, Turn]:
    """A written first-person text ("Statement from President Joe Biden on …") is one turn of its author,
    named by the header: every paragraph is the author's. {} for any other header."""
    match = _AUTHORED.match(header)
    if match is None:
        return {}
    words = match.group("who").split()
    # "… Advisor Sullivan Welcoming Appointment of …": a verb in title case or a joining word ends the author
    end = next(
        (i for i, w in enumerate(words[1:], start=1) if w.lower() in _NOT_NAME_WORDS or _title_case_verb(w)),
        len(words),
    )
    words = words[:end]
    # the name follows the title's last role word: "National Security Advisor Sullivan" is Sullivan
    titled = [i for i, w in enumerate(words) if w.lower().rstrip(".,") in ROLE_NOUNS]
    if titled:
        words = words[titled[-1] + 1 :]
    name = _trim_name(words)
    if name is None or (len(name.split()) < 2 and not titled):
        return {}
    return {paragraph: Turn(name, None, 0) for paragraph in range(1, paragraphs + 1)}


_TITLE_GLUE = {"of", "for", "the", "on"}


def header_title(header: str, name: str) -> str | None:
    """The title the header writes before `name` ("Press Briefing by Press Secretary Karine Jean-Pierre and
    NSC Coordinator for Strategic Communications John Kirby" → "NSC Coordinator for Strategic Communications"
    for "John Kirby"); None when the header gives the name no title."""
    at = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", header)
    if at is None:
        return None
    words = header[: at.start()].split()
    taken: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word in _TITLE_GLUE) or (taken and word.endswith(",")):
            break  # a comma before the title ends the header's previous item ("Vice President Harris, …")
        taken.insert(0, word)
    while taken and taken[0] in _TITLE_GLUE:
        taken = taken[1:]
    if not any(w.lower().strip(",.") in ROLE_NOUNS for w in taken):
        return None
    # "Press Briefing By Press Secretary …" in title case: the title starts after "By"
    cut = max((i + 1 for i, w in enumerate(taken) if w.lower() in {"by", "from", "with", "and"}), default=0)
    title = " ".join(taken[cut:]).strip(",")
    return title if any(w.lower().strip(",.") in ROLE_NOUNS for w in title.split()) else None

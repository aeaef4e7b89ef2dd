"""People, organisations and places: mentions found by the model, repaired by rules, then
clustered into one record per real-world entity with a canonical name and its aliases."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.articles import slugify
from generator.extract import knowledge
from generator.extract.lexicon import (
    AREA_NOUNS,
    AWARD_WORDS,
    BODY_NOUNS,
    CAMPUS_WORDS,
    COLLECTIVE_POSSESSORS,
    COMMON_ABBREVIATIONS,
    COMMON_WORD_ENDINGS,
    CORPORATE_SUFFIXES,
    DEMONYM_ENDINGS,
    EVENT_WORDS,
    GENERIC_PLURALS,
    GOVERNMENT_WORDS,
    HONORIFICS,
    INDEX_WORDS,
    INVERTED_SPEECH_VERBS,
    KNOWN_ENTITIES,
    LEADING_VERB_TAGS,
    LOCATIVE_WORDS,
    LONE_COMMON_NOUNS,
    LOWER_CASE_NAME_WORDS,
    NAME_FRAGMENT_ENDINGS,
    NAME_PARTICLES,
    NON_ENTITY_HEADS,
    NOT_ENTITIES,
    NUMBER_WORDS,
    ORG_WORDS,
    PATRONYMIC_WORDS,
    PERSON_NEVER_ENDINGS,
    PLACE_NOUNS,
    PRODUCT_NOUNS,
    PRODUCT_VERBS,
    ROLE_NOUNS,
    TITLE_WORDS,
    VESSEL_NOUNS,
    VESSEL_PREFIXES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_PLACING_WORDS = LOCATIVE_WORDS | {"at", "along", "to", "from"}
"""Prepositions whose object is somewhere: "in Bethesda", "across the Pacific", "to Jenin"."""
_ATTESTED_ONCE = 0.04
"""Raw confidence a name named once gains when its sentence vouches for it."""
COMPASS_WORDS = frozenset("north south east west northern southern eastern western left right upper lower".split())
AUXILIARIES = frozenset("will would can could shall should may might must did does do has have had is was are".split())
MODEL_CODE = re.compile(r"[A-Z]{1,5}-\d{1,4}[A-Z]?")
"""An aircraft's, a weapon's or a virus's designation ("C-17", "F-16", "COVID-19"): a thing, not a name."""
_LABEL_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
_KNOWN_BY_NAME: dict[str, tuple[str, str]] = {}
for _canonical, (_type, _aliases) in KNOWN_ENTITIES.items():
    for _name in (_canonical, *_aliases):
        _KNOWN_BY_NAME[_name.lower()] = (_canonical, _type)


@dataclass
class Mention:
    """One place where the text names an entity."""

    name: str
    type: str
    sentence: str
    start: int
    """Token index in the paragraph's doc; with `end`, lets other rules find the entity of a token."""
    end: int
    paragraph: int
    adjective_first: bool = False
    """The name opens with an adjective ("Israeli Mossad"), which may be left out elsewhere."""
    titled: bool = False
    """A title or honorific stood before the name ("Mr. Clarke"): a lone surname is still a person."""
    refers_to: str | None = None
    """The canonical name an abbreviation or short form points to ("U.S." → "United States")."""
    title: str | None = None
    """The title written before a person's name ("President", "NSA"), kept for linking across articles."""
    surface: str | None = None
    """The name as written when `name` is tidied ("MS. JEAN-PIERRE" for "Jean-Pierre")."""
    heading: bool = False
    """The name stands in a heading or a bold title-case lead-in, where a capital letter does not mark a name."""
    attested: bool = False
    """The sentence vouches for the type: a place something is in, at or near ("in Bethesda"), a one-word
    person the sentence calls "he" or "his" ("Putin launched his war")."""


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    sentences: list[str] = field(default_factory=list)
    mentions: int = 0
    model_labels: Counter[str] = field(default_factory=Counter)
    named: int = 0
    """Mentions by name, not by a nationality adjective only."""
    attested: bool = False
    """A mention's sentence vouches for the name and its type (see `Mention.attested`)."""

    @property
    def confidence(self) -> float:
        score = 0.6 + min(self.mentions, 4) * 0.08
        if self.mentions == 1 and self.attested:
            score += _ATTESTED_ONCE  # a distinct raw value: calibration measures how often such names are right
        if self.name.lower() in _KNOWN_BY_NAME:
            score = 0.95
        if self.named == 0:
            score = 0.5  # only implied: "Chinese stocks"
        return round(min(score, 0.95), 2)


def find_mentions(span: Span, sentence_id: str, paragraph: int) -> list[Mention]:
    """Entity mentions of one sentence, with the small model's usual mistakes repaired.

    Nationality adjectives and demonyms ("Palestinian", "the Qataris") and common nouns ("the world")
    are not names, so they mention nothing."""
    mentions: list[Mention] = []
    headings = _headings(span)
    ents = list(span.ents)
    skip = -1
    covered_to = -1
    for index, ent in enumerate(ents):
        kind = _LABEL_TYPES.get(ent.label_)
        if kind is None or index == skip or ent.start < covered_to:
            continue
        if kind == "organisation":
            remit = _with_its_remit(_with_its_campus(_with_its_head(ent, span)))
            if remit is None:
                continue  # "the Working Group on reducing space threats": a body named by a phrase, cut
            ent, covered_to = remit, max(covered_to, remit.end)  # "Las Vegas" of the campus is no place of its own
        listed = _listed_portfolios_end(ent, span) if kind == "organisation" else None
        if listed is not None:
            # "Department of Industry, Science and Resources": the model cut the name at its first comma
            mentions.extend(_mentions_of(ent.doc[ent.start : listed], kind, span, sentence_id, paragraph))
            covered_to = listed
            continue
        if _said_again(ent, span):
            continue  # "his demands for H.R. — H.R. 2": the speaker restarted; the name said again counts
        following = ents[index + 1] if index + 1 < len(ents) else None
        if (
            kind == "person"
            and following is not None
            and (_patronymic(ent, following) or _particle_cut(ent, following))
        ):
            # "Haitham bin Tariq Al Said": one name, which the model read as two people
            mentions.extend(_mentions_of(ent.doc[ent.start : following.end], kind, span, sentence_id, paragraph))
            skip = index + 1
            continue
        if kind == "person" and following is not None and _restarted_with_overlap(ent, following):
            # "Ketanji Brown — Brown Jackson": the speaker said the middle of the name again
            whole = ent.doc[ent.start : following.end]
            found = _mentions_of(whole, kind, span, sentence_id, paragraph, restarted=True)
            for mention in found:
                mention.name = " ".join([*ent.doc[mention.start : ent.end].text.split(), *following[1:].text.split()])
            mentions.extend(found)
            skip = index + 1
            continue
        if kind == "person" and following is not None and _restarted(ent, following):
            # "Benjamin Not- — Netanyahu": the speaker broke off and restarted; the name is "Benjamin Netanyahu"
            whole = ent.doc[ent.start : following.end]
            found = _mentions_of(whole, kind, span, sentence_id, paragraph, restarted=True)
            for mention in found:
                mention.name = " ".join([*ent.doc[mention.start : ent.end - 1].text.split(), following.text])
            mentions.extend(found)
            skip = index + 1
            continue
        mentions.extend(_mentions_of(ent, kind, span, sentence_id, paragraph))
    for mention in mentions:
        at = span.doc[mention.start].idx
        mention.heading = any(start <= at < end for start, end in headings)
    return mentions


_EMPHASIS = re.compile(r"(\*\*\*?|__)(.+?)\1", re.DOTALL)
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _headings(span: Span) -> list[tuple[int, int]]:
    """Where a sentence is set as a heading, as character ranges: the whole sentence when it is written in
    title case with no full stop ("Remarks by President Biden … in Joint Press Conference"), and every bold
    run in title case ("**Streamlining Defense Trade Cooperation and Protecting Technology:**"). In such
    text every longer word is capitalised, common words too, so a capital letter does not mark a name."""
    text = span.text
    ranges = [
        (span.start_char + m.start(2), span.start_char + m.end(2))
        for m in _EMPHASIS.finditer(text)
        if _title_cased(m.group(2))
    ]
    if not text.rstrip(' *_”’"').endswith((".", "?", "!")) and _title_cased(text):
        ranges.append((span.start_char, span.end_char))
    return ranges


def _title_cased(text: str) -> bool:
    words = _LONG_WORD.findall(re.sub(r"<[^>]*>", " ", text))
    return len(words) >= 3 and all(word[0].isupper() for word in words)


def _patronymic(ent: Span, following: Span) -> bool:
    doc = ent.doc
    return (
        following.label_ == "PERSON"
        and following.start == ent.end + 1
        and doc[ent.end].lower_ in PATRONYMIC_WORDS
        and doc[ent.end].is_lower
    )


def _particle_cut(ent: Span, following: Span) -> bool:
    """ "Ursula von der" + "Leyen": a name the model cut after a particle, the rest read as another name."""
    return following.start == ent.end and ent[-1].lower_ in NAME_PARTICLES and ent[-1].is_lower


def _restarted(ent: Span, following: Span) -> bool:
    doc = ent.doc
    return (
        len(ent[-1].text) > 1
        and ent[-1].text.endswith("-")
        and following.start == ent.end + 1
        and doc[ent.end].text in {"—", "–", "--"}
        and following.label_ == "PERSON"
    )


def _listed_portfolios_end(ent: Span, span: Span) -> int | None:
    """Where a body's name that lists its portfolios ends ("Department of Climate Change, Energy, the
    Environment and Water"): after "<body word> of", capitalised words, commas, "the" and one "and" up to
    the last capitalised word. None when the name does not go on past the model's cut."""
    doc = ent.doc
    words = [t.lower_ for t in ent]
    if "of" not in words or words[0] not in ORG_WORDS | {"the"} or (words[0] == "the" and words[1] not in ORG_WORDS):
        return None
    seen_and, last_word = "and" in words[words.index("of") :], None
    i = ent.end
    while i < span.end and (doc[i].text in {",", "and", "the"} or (doc[i].is_title and doc[i].is_alpha)):
        if doc[i].text == "and":
            if i + 1 < span.end and doc[i + 1].lower_ == "the":
                return None  # "the Department of State, the Pentagon and the CIA": three bodies
            seen_and = True
        if doc[i].is_title and doc[i].is_alpha:
            if doc[i].ent_type_ in {"PERSON", "GPE"} and doc[i].ent_iob_ == "B" and not seen_and:
                return None  # "the Department of Education, Miguel Cardona": a name after the body's
            last_word = i
        i += 1
    if last_word is None or not seen_and or "," not in (ent[-1].text, doc[ent.end].text):
        return None
    return last_word + 1


def _said_again(ent: Span, span: Span) -> bool:
    """ "H.R. — H.R. 2", "Netanyahu — Netanyahu": a name the speaker breaks off and says again."""
    doc = ent.doc
    at = ent.end
    return at + 1 < span.end and doc[at].text in {"—", "–", "--"} and doc[at + 1 : at + 1 + len(ent)].text == ent.text


def _restarted_with_overlap(ent: Span, following: Span) -> bool:
    doc = ent.doc
    return (
        following.label_ == "PERSON"
        and following.start == ent.end + 1
        and doc[ent.end].text in {"—", "–", "--"}
        and len(following) > 1
        and ent[-1].text == following[0].text
        and ent[-1].is_title
    )


def _mentions_of(
    ent: Span, kind: str, span: Span, sentence_id: str, paragraph: int, restarted: bool = False
) -> list[Mention]:
    start, end = ent.start, ent.end
    doc = ent.doc
    titled = False
    title: str | None = None
    while start < end and (doc[start].lower_ in {"the", "a", "an", "'s", "’s"} or doc[start].is_punct):
        start += 1  # "’s Twitter": the model began the name at a possessive
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in {"'s", "’s"}):
        end -= 1
    while (
        kind == "person"
        and end + 1 < span.end
        and doc[end].text in {"-", "‐"}
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].is_alpha
    ):
        end += 2  # "Elkayam-Levy": a double surname the model cut at its hyphen
    if start >= end or _part_of_a_longer_name(doc, start, end, span) or _marked_sic(doc, end):
        return []
    if _opened_by_x_of(doc, start, span):
        start -= 2  # "the Tree of Life Synagogue": the model began the name after "Tree of"
    if _is_title_only(doc[start:end]) or (ent.label_ != "PERSON" and _is_title_phrase(doc, start, end)):
        return []  # "MR", "Admiral", "National Security Advisor", "Amir Sheikh": a title, not a name
    if not restarted:
        start = _after_restart(doc, start, end)
    owned = _after_possessive(doc, start, end)
    if owned > start and ent.label_ == "PERSON":
        end = owned - 1  # "Donald Trump’s Twitter": the person is the owner
    else:
        start = owned
    opening = next((i for i in range(start, end) if doc[i].text == "("), None)
    if opening is not None and not any(doc[i].text == ")" for i in range(opening, end)):
        end = opening  # "Federal Bureau of Investigation (FBI": the model stopped inside the brackets
    start = _after_leading_verb(doc, start, end)
    while end - start > 1 and doc[start].is_lower and doc[start].is_alpha and doc[start].lower_ not in {"al", "el"}:
        start += 1  # "all Fulbright Commissions": a determiner the model took in (not the "al" of "al Qaeda")
    if _caption_or_header(doc[start:end]) or _names_a_ship(doc, start, end, span, ent.label_):
        return []
    split = _joined_name(doc, start, end, span, ent.label_)
    if split is not None:
        start, kind = split, "person"
    if kind == "person":
        if end - start > 1 and len(doc[start].text) == 1:
            start += 1  # "Q John": a transcript's question label before the name
        title_start = start
        while end - start > 1 and _is_title_token(doc[start]):
            start, titled = start + 1, True
        last_title = max((i for i in range(start, end - 1) if _is_title_token(doc[i])), default=None)
        if last_title is not None and ent.label_ == "PERSON":
            start, titled = last_title + 1, True  # "White House Press Secretary Karine Jean-Pierre"
        if start > title_start:
            title = doc[title_start:start].text
        titled = titled or (start > span.start and _is_title_token(doc[start - 1]) and doc[start - 1].ent_type_ == "")
        if title is None and titled:
            title = doc[start - 1].text
        titled = titled or split is not None  # "Secretary of Defense Austin": a post before the name
        # The small model often drops a first name ("Ghazi Hamad" → "Hamad").
        if (
            end - start == 1
            and start > span.start
            and _is_name_token(doc[start - 1])
            and doc[start - 1].ent_type_ == ""
        ):
            start -= 1
    elif end - start > 1 and doc[start].is_upper and len(doc[start].text) <= 5 and ent.label_ == "PERSON":
        start += 1
    if (
        kind != "place"
        and end < span.end
        and doc[end].lower_ in PLACE_NOUNS
        and doc[end].pos_ == "NOUN"
        and doc[end].is_lower
        and not _modifies_a_noun(doc, end, span)
    ):
        # "Rafah crossing", "Shifa hospital": the name is a place, not a person.
        kind, end = "place", end + 1
    if start >= end:
        return []
    if end < span.end and doc[end].lower_ in GOVERNMENT_WORDS and doc[end].is_lower:
        # "the Biden-Harris administration": the name of an organisation, not a person
        kind, end = "organisation", end + 1
    name = doc[start:end].text
    if not _plausible(name, kind) or _not_an_entity(doc[start:end]):
        return []
    if kind == "organisation" and _is_product(doc[start:end]):
        return []
    known = _KNOWN_BY_NAME.get(name.lower())
    if known is None and ent.label_ != "PERSON" and _opens_a_title(doc, start, end, span):
        return []  # "National Climate Advisor Ali Zaidi": the name is the start of a post, not a body
    if known is None and kind != "person" and end - start == 1 and _one_common_word(doc[start], kind, span):
        return []
    if kind != "organisation" and any(t.lower_.endswith(PERSON_NEVER_ENDINGS) for t in doc[start:end]):
        return []  # "Counter Islamophobia", "Indigenous Knowledge", "Indigenous Peoples": no one's name, no place
    if kind != "organisation" and end - start > 1 and doc[end - 1].lower_ in AWARD_WORDS:
        return []  # "Bronze Star", "Purple Heart": an award
    if kind == "person" and end - start > 1 and _INITIAL.fullmatch(doc[end - 1].text):
        return []  # "Kelly O.": a first name and an initial say who in the room, not who in the story
    if known is None and end - start == 1 and _addressed(doc, start, span):
        return []  # "Go ahead, Jeff.", "Nadia from Al Arabiya": someone in the room, not "Jeff Zients" of the story
    if known is None and kind != "person" and end - start == 1 and _only_a_first_name(doc, start, span):
        kind = "person"  # a first name the model took for a place or a body
    kind = known[1] if known else _repair_type(name, kind, ent.label_)
    if (
        kind in {"person", "organisation"}
        and _on_a_map(doc, start)
        and (kind == "organisation" or _town_not_person(name.lower().split()))
        and len(name.split()) > 1
        and not set(name.lower().split()) & ORG_WORDS
        and knowledge.is_town(name)
    ):
        # "in parts of Khan Younis": "Khan" reads as a first name, but here it is a town; "into El Arish" is
        # one too, though the model read it as an organisation
        kind = "place"
    if kind == "person" and start > 0 and doc[start - 1].lower_ == "the" and name.endswith("s"):
        kind = "organisation"  # "the Beatles", "the Rolling Stones": a group
    first = doc[start]
    adjective_first = end - start > 1 and (first.pos_ == "ADJ" or first.dep_ == "amod")
    words = name.split()
    refers_to = None
    if kind == "place" and len(words) > 2 and words[0].lower() == "state" and words[1] == "of":
        refers_to = " ".join(words[2:])  # "the State of Israel" is Israel
    elif (
        kind == "place"
        and len(words) > 1
        and words[-1].lower() in GOVERNMENT_WORDS
        and _is_country(" ".join(words[:-1]))
    ):
        refers_to = " ".join(words[:-1])  # "the United States Government" is the United States
    elif (
        len(words) > 2
        and words[0].lower() in GOVERNMENT_WORDS
        and words[1] == "of"
        and _is_country(" ".join(words[2:]))
    ):
        kind, refers_to = "place", " ".join(words[2:])  # "the Government of India" is India
    attested = _attested(doc[start:end], kind) or (
        kind == "person"
        and end - start == 1
        and len(knowledge.first_name_forms(doc[start].lower_)) == 1  # "Putin", not "David" (a name cut short)
        and _referred_to_as_a_person(doc, end, span)
    )
    return [
        Mention(
            name, kind, sentence_id, start, end, paragraph, adjective_first, titled, refers_to, title, attested=attested
        )
    ]


def _referred_to_as_a_person(doc: Doc, end: int, span: Span) -> bool:
    """A "he", "his", "she" or "her" after the name in its sentence ("Putin launched his war"), or "and I"
    right after it ("Jill and I"): the text treats the name as someone."""
    after = doc[end : span.end]
    if len(after) >= 2 and after[0].lower_ == "and" and after[1].text == "I":
        return True
    return any(t.lower_ in {"he", "his", "him", "she", "her"} for t in after)


def _attested(name: Span, kind: str) -> bool:
    """Whether the sentence puts a place somewhere: a locative word governs it ("in Bethesda", "across the
    Pacific"). (An organisation that acts, "Apple released", or one the headline gives too, was tried:
    products and venues came with them, and published precision fell.)"""
    head = name.root
    return kind == "place" and head.dep_ == "pobj" and head.head.lower_ in _PLACING_WORDS


def _names_a_ship(doc: Doc, start: int, end: int, span: Span, label: str) -> bool:
    """ "USS Gerald R. Ford", "the aircraft carrier Eisenhower", "the Gerald R. Ford carrier strike group": a
    ship, which is neither a person, an organisation nor a place."""
    before = doc[start - 1] if start > span.start else None
    if doc[start].text in VESSEL_PREFIXES or (
        before is not None and (before.text in VESSEL_PREFIXES or (before.lower_ in VESSEL_NOUNS and before.is_lower))
    ):
        return True
    # "Gerald R. Ford Carrier Strike Group", "Carrier Strike Group Eisenhower", "E-7A Wedgetail Aircraft"
    words = [t.lower_ for t in doc[start:end]]
    if (end - start > 1 and words[-1] in VESSEL_NOUNS and doc[end - 1].is_title) or any(
        a == "strike" and b == "group" for a, b in itertools.pairwise(words)
    ):
        return True
    after = doc[end] if end < span.end else None
    if after is not None and after.lower_ == "strike" and doc[after.i + 1 : after.i + 2].text.lower() == "group":
        return True  # "the Gerald R. Ford strike group": a fleet named by its ship
    return label == "PERSON" and after is not None and after.lower_ in VESSEL_NOUNS


def _with_its_head(ent: Span, span: Span) -> Span:
    """ "Homeland Security" of "Homeland Security Investigations": an organisation the model cut before the
    proper noun its last word modifies."""
    doc = ent.doc
    last, after = doc[ent.end - 1], doc[ent.end] if ent.end < span.end else None
    if (
        after is not None
        and last.dep_ == "compound"
        and last.head.i == after.i
        and after.tag_ in {"NNP", "NNPS"}
        and after.is_title
        and after.ent_type_ == ""
        and after.lower_ not in ROLE_NOUNS | TITLE_WORDS
    ):
        from spacy.tokens import Span as Cut

        return Cut(doc, ent.start, ent.end + 1, label=ent.label_)
    return ent


def _with_its_remit(ent: Span) -> Span | None:
    """ "UN Committee" of "UN Committee on the Peaceful Uses of Outer Space": a body named by its remit, which
    the model cut off. A remit in capitals is part of the name; one in plain words ("Working Group on reducing
    space threats") makes no name a page could hold (None)."""
    last = ent.doc[ent.end - 1]
    remit = next((c for c in last.children if c.dep_ == "prep" and c.lower_ in {"on", "for"} and c.i == ent.end), None)
    if last.lower_ not in BODY_NOUNS or remit is None:
        return ent
    words = [t for t in remit.subtree if t.i > remit.i]
    if any(t.ent_type_ in {"DATE", "TIME"} for t in words):
        return ent  # "the council on Friday"
    content = [t for t in words if not t.is_stop and not t.is_punct]
    if content and all(t.is_title or t.is_upper for t in content):
        from spacy.tokens import Span as Cut

        return Cut(ent.doc, ent.start, words[-1].i + 1, label=ent.label_)
    return None


def _with_its_campus(ent: Span) -> Span:
    """ "University of Nevada" of "University of Nevada, Las Vegas": the campus the model split off."""
    doc = ent.doc
    words = [t for t in ent if t.lower_ != "the"]
    campus = next((c for c in ent.root.children if c.dep_ == "appos" and c.ent_type_ == "GPE"), None)
    if (
        not words
        or words[0].lower_ not in CAMPUS_WORDS
        or campus is None
        or ent.end + 1 >= len(doc)
        or doc[ent.end].text != ","
        or doc[ent.end + 1].ent_type_ != "GPE"
    ):
        return ent
    from spacy.tokens import Span as Cut

    return Cut(doc, ent.start, campus.i + 1, label=ent.label_)


def _modifies_a_noun(doc: Doc, at: int, span: Span) -> bool:
    """ "the first SSN port visit": the place noun after a name is part of a longer common noun, so the name
    and it are no place."""
    after = doc[at + 1] if at + 1 < span.end else None
    return (
        after is not None
        and doc[at].dep_ == "compound"
        and after.pos_ == "NOUN"
        and after.is_lower
        and after.lower_ not in PLACE_NOUNS
    )


def _opens_a_title(doc: Doc, start: int, end: int, span: Span) -> bool:
    """ "National Climate" of "National Climate Advisor", "European Union Foreign" of "European Union Foreign
    Policy Chief", "Defense" of "Defense Secretary": a name the model cut from the start of a post. A body
    named before a post stays ("White House", "State Department", "Hamas" of "Hamas Spokesman")."""
    words = [t.lower_ for t in doc[start:end]]
    if words[-1] in ORG_WORDS or knowledge.is_place(doc[start:end].text) or _is_country(doc[start:end].text):
        return False
    if len(words) == 1 and words[0] not in TITLE_WORDS:
        return False
    for k in range(end, min(end + 3, span.end)):
        token = doc[k]
        if not (token.is_alpha and token.is_title):
            return False
        if token.lower_ in ROLE_NOUNS:
            return True
    return False


def _one_common_word(token: Token, kind: str, span: Span) -> bool:
    """One word the model took for a body's or a place's name that is none: a transcript's label ("AUDIENCE:"),
    a people's adjective ("Ukrainian", "Gazan"), an abstract noun or adjective ("Islamophobia",
    "Antisemitic"), the plural of an abbreviation ("UAVs", "NGOs")."""
    text = token.text
    if knowledge.is_place(text) or _is_country(text):
        return False
    if text.isupper() and token.i + 1 < span.end and token.nbor(1).text == ":":
        return True
    if re.fullmatch(r"[A-Z]{2,}s", text):
        return True
    lowered = text.lower()
    if kind == "organisation" and lowered.endswith(COMMON_WORD_ENDINGS):
        return True
    return any(
        _is_demonym_of(lowered[: -len(ending)]) for ending in DEMONYM_ENDINGS if len(lowered) > len(ending) + 2
    ) and lowered.endswith(DEMONYM_ENDINGS)


def _is_demonym_of(stem: str) -> bool:
    """Whether `stem`, with a last letter or two put back, is a country's or a place's name: "ukrain" (of
    "Ukrainian") is Ukraine's, "gaza" (of "Gazan") Gaza's."""
    return any(
        knowledge.is_country(candidate) or knowledge.is_place(candidate)
        for candidate in (stem, stem + "e", stem + "a", stem + "ia", stem + "o")
    )


_INITIAL = re.compile(r"[A-Z]\.?")
_LOCATIVE = frozenset("in at to from near into across outside inside around toward towards of".split())


def _only_a_first_name(doc: Doc, start: int, span: Span) -> bool:
    """A word the name lists know as a first name and the gazetteer not as a place, which no preposition puts
    somewhere ("Stephen from North Carolina wrote", "Jacqui, sorry", "Scott voted"): a person, called by their
    first name or their surname. ("in Savannah" stays a place.)"""
    word = doc[start]
    return (
        not word.is_upper
        and len(knowledge.first_name_forms(word.lower_)) > 1
        and not knowledge.is_place(word.text)
        and not _is_country(word.text)
        and not (start > span.start and doc[start - 1].lower_ in _LOCATIVE)
    )


def _addressed(doc: Doc, start: int, span: Span) -> bool:
    """One capitalised word set off as the one spoken to ("Go ahead, Nadia.", "Nadia, go ahead.") or named by
    the outlet they come from ("Nadia from Al Arabiya"): a person called by their first name."""
    if knowledge.is_place(doc[start].text) or _is_country(doc[start].text):
        return False
    before = doc[start - 1] if start > span.start else None
    after = doc[start + 1] if start + 1 < span.end else None
    if before is not None and before.text == "," and (after is None or after.text in {".", "?", "!"}):
        return start < 2 or doc[start - 2].ent_type_ not in {"GPE", "LOC", "FAC"}  # not "San Jose, Cupertino.
    if before is None and after is not None and after.text == "," and start + 2 < span.end:
        return doc[start + 2].pos_ in {"VERB", "AUX", "INTJ"}
    outlet = doc[start + 2] if start + 2 < span.end else None
    if after is not None and after.lower_ == "from" and outlet is not None and outlet.lower_ == "the":
        outlet = doc[start + 3] if start + 3 < span.end else None
    return outlet is not None and after is not None and after.lower_ == "from" and outlet.ent_type_ == "ORG"


def _opened_by_x_of(doc: Doc, start: int, span: Span) -> bool:
    """ "Tree of" before "Life Synagogue": a capitalised word and "of" that open the name, not a title
    ("Secretary of State") or a sentence's first word."""
    if start - 2 <= span.start:
        return False
    head, of = doc[start - 2], doc[start - 1]
    return (
        of.lower_ == "of"
        and head.is_title
        and head.is_alpha
        and head.pos_ == "PROPN"
        and head.ent_type_ == ""
        and not head.is_sent_start
        and head.lower_ not in ROLE_NOUNS | TITLE_WORDS | HONORIFICS | ORG_WORDS | GOVERNMENT_WORDS
        and doc[start - 3].lower_ == "the"
    )


def _marked_sic(doc: Doc, end: int) -> bool:
    """ "Netanyanu [sic]": the text itself says the name is misspelt as written."""
    return doc[end : end + 3].text.replace(" ", "").lower() in {"[sic]", "(sic)"}


def _part_of_a_longer_name(doc: Doc, start: int, end: int, span: Span) -> bool:
    """ "Safer States" of "Safer States Initiative", "Migration and Protection" of "the Declaration on
    Migration and Protection": the model cut a programme's or a document's name, which is no entity."""
    after = doc[end] if end < span.end else None
    if after is not None and after.text[:1].isupper() and after.lower_ in NON_ENTITY_HEADS:
        return True
    return (
        start - 2 >= span.start
        and doc[start - 1].lower_ in {"on", "of", "for"}
        and doc[start - 2].text[:1].isupper()
        and doc[start - 2].lower_ in NON_ENTITY_HEADS | EVENT_WORDS
    )


def _is_title_token(token: Token) -> bool:
    """ "Mr.", "President", "Prime", "NSA" before a name."""
    word = token.lower_.rstrip(".")
    if word in HONORIFICS or token.lower_ in ROLE_NOUNS or word in TITLE_WORDS:
        return True
    if word.endswith("s") and word[:-1] in ROLE_NOUNS and token.text[:1].isupper():
        return True  # "Senators Collins and Graham"
    # An abbreviated title: "NSA Jake Sullivan" (but not a person's initials, "J. R.")
    return token.is_upper and token.is_alpha and 2 <= len(token.text) <= 4 and token.nbor(1).is_title


def _all_title_words(words: list[str]) -> bool:
    """Every word (lower case) is an honorific, a title word or a role noun: "mr.", "prime minister"."""
    return bool(words) and all(w.rstrip(".") in HONORIFICS | TITLE_WORDS or w in ROLE_NOUNS for w in words)


def names_a_title(name: str) -> bool:
    """ "THE FIRST LADY", "THE SECOND GENTLEMAN", "Speaker Pro Tem": a title with no name in it."""
    return _all_title_words([w for w in name.lower().split() if w != "the"])


def _is_title_only(name: Span) -> bool:
    words = [t for t in name if not t.is_punct]
    if not words:
        return False
    if _all_title_words([t.lower_ for t in words]):
        return True
    # "National Security Advisor", "Chief Executive Officer"; not "Department of Justice"
    lowered = {t.lower_ for t in words}
    return len(words) > 1 and words[-1].lower_ in ROLE_NOUNS and not lowered & (ORG_WORDS | {"of", "for"})


def _is_title_phrase(doc: Doc, start: int, end: int) -> bool:
    """ "Advisor on Energy and Investment", "Director of National Intelligence", "Special Presidential Envoy
    for Climate": a post, not an organisation. Not "Office of the Director of National Intelligence": an
    organisation's word before the post makes the post part of a body's name."""
    if end - start <= 2 or _ends_with_first_and_last_name(doc, start, end):
        return False
    for i in range(start, end - 1):
        if doc[i].lower_ in ORG_WORDS:
            return False
        if doc[i].lower_ in ROLE_NOUNS and doc[i + 1].lower_ in {"of", "on", "for", "to"}:
            return True
    return False


def _ends_with_first_and_last_name(doc: Doc, start: int, end: int) -> bool:
    """ "… Sarah Charles": the last two words are a known first name and a capitalised surname."""
    if end - start < 3:
        return False
    first, last = doc[end - 2], doc[end - 1]
    return (
        first.is_title
        and first.is_alpha
        and last.text[:1].isupper()
        and len(knowledge.first_name_forms(first.lower_)) > 1
        and last.lower_ not in ORG_WORDS | PLACE_NOUNS
    )


def _after_restart(doc: Doc, start: int, end: int) -> int:
    """ "Netan- — Netanyahu", "Dick — Dick Durbin": a speaker restarting a name; the name is what follows."""
    for i in range(end - 2, start - 1, -1):
        if doc[i].text in {"—", "–", "--"} or (doc[i].text == "-" and doc[i].whitespace_):
            return i + 1
        if doc[i].text.endswith("-") and len(doc[i].text) > 1 and i == start:
            return i + 1
    return start


def _after_possessive(doc: Doc, start: int, end: int) -> int:
    """ "DHS's Homeland Security Investigations": the name is what the possessive owns."""
    for i in range(end - 2, start, -1):
        if (doc[i].tag_ == "POS" or doc[i].text in {"'s", "’s"}) and doc[i - 1].lower_ not in COLLECTIVE_POSSESSORS:
            return i + 1
    return start


def _after_leading_verb(doc: Doc, start: int, end: int) -> int:
    """ "Will Jake Sullivan", "Joining Kirby": a verb the model took as the first word of a name."""
    while end - start > 1 and (
        (doc[start].tag_ in LEADING_VERB_TAGS and doc[start].lower_ not in ROLE_NOUNS)
        or (end - start > 2 and doc[start].lower_ in AUXILIARIES)
        or _opening_participle(doc[start])
        or _inverted_speech_verb(doc[start])
    ):
        start += 1
    return start


def _inverted_speech_verb(token: Token) -> bool:
    """ "Said Ellis: “…”", "Added Warren, …": a sentence that opens on its speech verb, before the speaker."""
    doc = token.doc
    if token.lower_ not in INVERTED_SPEECH_VERBS or not token.is_sent_start:
        return False
    after = next((t for t in doc[token.i + 1 :] if not (t.is_title or t.is_upper)), None)
    return after is not None and after.text in {":", ","}


def _opening_participle(token: Token) -> bool:
    """ "Joining Kirby, it's …": a sentence opening with a participle, which the model tags as a name."""
    before = next((t for t in reversed(token.doc[: token.i]) if not t.is_space), None)
    return (
        (before is None or token.is_sent_start is True or before.text in {".", "?", "!", ":"})
        and len(token.text) > 4
        and token.lower_.endswith("ing")
        and len(knowledge.first_name_forms(token.lower_)) == 1
    )


def _caption_or_header(name: Span) -> bool:
    """Transcript headers and datelines ("11:00 A.M. CST", "Aboard Air Force One En Route …"), clock times
    and photo credits ("Washington D.C. Image"): text the model read as a name."""
    text = name.text
    if any(c.isdigit() for c in text) and (":" in text or re.search(r"\b[ap]\.?m\b", text.lower())):
        return True
    words = [t.lower_ for t in name]
    if re.fullmatch(r"[ap]\.?\s?m\.?(\s\w+)?", text.lower()):
        return True
    doc = name.doc
    if len(name) == 1 and name.start > 0 and doc[name.start - 1].text == "(" and text[:1].isupper():
        after = doc[name.end : name.end + 2].text
        if after.startswith((")", ".)", ".", ",")):
            return True  # "(Inaudible.)", "(Laughter.)", "(Applause)": a transcript's note, not a name
    if "@" in text or text.endswith("-"):
        return True  # "@POTUS": a handle; "Qa-": a word broken off
    return bool({"image", "photo", "credit", "caption", "en", "route", "aboard"} & set(words)) or any(
        c in text for c in '“”"'
    )


def _joined_name(doc: Doc, start: int, end: int, span: Span, label: str) -> int | None:
    """ "Secretary of Homeland Security Alejandro Mayorkas", "Minister for Strategic Affairs Ron Dermer",
    "PLO Hussein AlSheikh": a portfolio or an organisation and a person's name read as one name.
    Returns where the person's name starts."""
    portfolio = start - 2 >= span.start and doc[start - 1].lower_ in {"of", "for", "on"}
    title_before = portfolio and (
        doc[start - 2].lower_ in ROLE_NOUNS or doc[start - 2].lower_.rstrip(".") in TITLE_WORDS
    )
    if (
        end - start == 2
        and title_before
        and doc[start].lower_ in TITLE_WORDS
        and doc[start + 1].is_title
        and doc[start + 1].is_alpha
        and doc[start + 1].lower_ not in ORG_WORDS | PLACE_NOUNS | ROLE_NOUNS | TITLE_WORDS
    ):
        return start + 1  # "Secretary of Defense Austin": the portfolio's one word, then the surname
    if end - start < 3 or any(t.lower_ in PATRONYMIC_WORDS for t in doc[start:end]):
        return None  # "Haitham bin Tariq Al Said" is one person's name
    acronym_first = label == "PERSON" and doc[start].is_upper and doc[start].is_alpha and len(doc[start].text) >= 2
    if not (title_before or acronym_first):
        # "Bureau for Humanitarian Assistance Sarah Charles", "National Economic Council Lael Brainard": an
        # organisation then a person it names
        if end - start >= 4 and (_ends_with_first_and_last_name(doc, start, end) or _person_after_body(doc, end)):
            return end - 2
        return None
    size = 3 if end - start >= 4 and _is_initial(doc[end - 2]) else 2
    names = end - size
    person = doc[names:end]
    if names <= start or not all(t.text[:1].isupper() and (t.is_alpha or _is_initial(t)) for t in person):
        return None
    if {t.lower_ for t in person} & (ORG_WORDS | PLACE_NOUNS | ROLE_NOUNS | TITLE_WORDS) or knowledge.is_place(
        person.text
    ):
        return None
    return names


def _person_after_body(doc: Doc, end: int) -> bool:
    """ "… Council Lael Brainard": two capitalised words right after a body's word end the name."""
    body, first, last = doc[end - 3], doc[end - 2], doc[end - 1]
    names = {first.lower_, last.lower_}
    return (
        body.lower_ in ORG_WORDS
        and body.is_title
        and all(t.is_title and t.is_alpha for t in (first, last))
        and not names & (ORG_WORDS | PLACE_NOUNS | ROLE_NOUNS | TITLE_WORDS | GOVERNMENT_WORDS)
        and not knowledge.is_place(f"{first.text} {last.text}")
    )


def _is_initial(token: Token) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.", token.text))


def _not_an_entity(name: Span) -> bool:
    """Time zones, currencies, market indices ("FTSE 100", "Dow Jones Industrial Average") and products
    written in camel case ("iPhone")."""
    text = name.text.lower()
    if text in NOT_ENTITIES or name[-1].lower_ in INDEX_WORDS | EVENT_WORDS or re.match(r"^[a-z]+[A-Z]", name.text):
        return True
    if any(t.lower_ in EVENT_WORDS and t.nbor(1).lower_ in {"on", "of", "for"} for t in name[:-1]):
        return True  # "Global Summit on Artificial Intelligence Safety": an event
    if text in _KNOWN_BY_NAME or knowledge.is_place(text):
        return False
    if _not_one_name(name):
        return True
    doc = name.doc
    after_index = name.end + (name.end < len(doc) and doc[name.end].tag_ == "POS")
    after = doc[after_index] if after_index < len(doc) else None
    if after is not None and (after.lower_ in INDEX_WORDS or (after.like_num and not _YEAR.match(after.text))):
        return True  # "the FTSE 100", "S&P 500 index", "Boeing 787": an index or a product
    return name[0].lower_ in NOT_ENTITIES and len(name) <= 3


def _not_one_name(name: Span) -> bool:
    """A fragment, two names joined, a kind of body, a programme or a thing: "Departments of State and",
    "Ukraine & Israel", "New York Times/Siena", "the Fulbright Commissions", "Green Shipping Challenge",
    "C-17", "AI", "Jr.", "East"."""
    text = name.text
    last = name[-1].lower_
    if text.lower() in COMMON_ABBREVIATIONS or (len(name) == 1 and last in COMPASS_WORDS | PLACE_NOUNS):
        return True
    if last in NAME_FRAGMENT_ENDINGS or "/" in text or any(t.text in {"or", "with"} for t in name):
        return True
    if " & " in text and all(_is_country(part) or knowledge.is_place(part) for part in text.split(" & ")):
        return True
    if MODEL_CODE.fullmatch(name[-1].text) or (len(name) > 1 and last in NUMBER_WORDS):
        return True  # "C-17", "Air Force Two", "Marine One": a craft
    if "-" in text and all(_is_country(part) or knowledge.is_place(part) for part in text.split("-")):
        return True  # "U.S.-Australia": two countries as an adjective
    if len(name) == 1 and last in GOVERNMENT_WORDS | NON_ENTITY_HEADS | LONE_COMMON_NOUNS:
        return True  # "Administration", "Compact": a common noun capitalised
    for i in range(len(name) - 2):
        if name[i].lower_ in ORG_WORDS:
            break
        if name[i].lower_ in NON_ENTITY_HEADS and name[i + 1].lower_ in {"for", "on", "to"}:
            return True  # "Partnership for Global Infrastructure", "National Strategy to Counter …": a programme
    if len(name) > 1 and last in ROLE_NOUNS and name[-2].lower_ not in {"of", "for", "on"}:
        return True  # "Supreme Court Justice": a post, not a body ("Department of Justice" is one)
    return len(name) > 1 and (last in NON_ENTITY_HEADS or last in GENERIC_PLURALS)


def _is_product(name: Span) -> bool:
    """ "Apple released the new MacBook Air", "the latest iPod": a thing made or sold, not an organisation."""
    doc = name.doc
    if name.start > 0 and doc[name.start - 1].lower_ in {"new", "latest", "upgraded", "redesigned"}:
        return True
    root = name.root
    if root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in PRODUCT_VERBS:
        return True
    after = doc[name.end] if name.end < len(doc) else None
    if after is not None and after.is_lower and after.lemma_ in PRODUCT_NOUNS:
        return True  # "MacBook Air laptops", "Mac software", "the Xbox console"
    # "Apple's proprietary Quartz": a thing an organisation owns or makes
    i = name.start - 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1
    return name.start - 1 > i > 0 and doc[i].tag_ == "POS" and doc[i - 1].ent_type_ == "ORG"


def _repair_type(name: str, kind: str, label: str) -> str:
    """Votes of knowledge against the model's label: countries, states, continents and large cities are
    places, and so is a government named by its country ("the US Government"); names ending in an
    organisation word are organisations."""
    words = name.lower().split()
    if knowledge.is_country(name) or (kind != "person" and knowledge.is_place(name)):
        return "place"
    if len(words) > 1 and words[-1] in GOVERNMENT_WORDS:
        return "place" if _is_country(" ".join(name.split()[:-1])) else "organisation"
    if kind == "organisation" and words[0] == "state" and len(words) > 2 and words[1] == "of":
        return "place"  # "the State of Israel"
    if len(words) == 2 and words[0] in COMPASS_WORDS and words[1] in PLACE_NOUNS:
        return "place"  # "West Bank", "South Bank": a bank of a river, not a bank
    if kind != "organisation" and len(words) > 1 and (words[-1] in ORG_WORDS or words[0] in ORG_WORDS):
        return "organisation"
    if kind == "person" and len(words) > 1 and words[-1] in PLACE_NOUNS and name.split()[-1].istitle():
        return "place"  # "Rodney Square", "Carson City": a name ending in a place noun names a place
    if kind == "person" and len(words) > 1 and words[0] in PLACE_NOUNS and name.split()[0].istitle():
        return "place"  # "Camp David", "Base Darwin": a place noun before a name
    if (
        kind == "organisation"
        and len(words) > 1
        and words[-1] in PLACE_NOUNS - ORG_WORDS
        and not set(words) & ORG_WORDS
        and name.split()[-1].istitle()
    ):
        return "place"  # "National Cathedral", "Gaza Strip": a building or an area, not a body
    return kind


def _on_a_map(doc: Doc, start: int) -> bool:
    """The words before a name put it on a map: "in Khan Younis", "parts of Khan Younis"."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "of" and start > 1:
        before = doc[start - 2]
    return before is not None and before.lower_ in LOCATIVE_WORDS


def _town_not_person(words: list[str]) -> bool:
    """A name of two words or more that no known first name opens and no patronymic or particle joins: one a
    town's name decides ("Mohammed bin Zayed" is a man before it is a town)."""
    return (
        len(words) > 1
        and len(knowledge.first_name_forms(words[0])) == 1
        and not set(words) & (PATRONYMIC_WORDS | NAME_PARTICLES)
    )


def _is_country(name: str) -> bool:
    known = _KNOWN_BY_NAME.get(name.lower())
    return knowledge.is_country(name) or (known is not None and known[1] == "place")


def _is_name_token(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and len(token.text) > 1  # "Q Karine?": a transcript's question label, not a first name
        and token.text[:1].isupper()
        and token.is_alpha
        and not _is_title_token(token)
        and not _opening_participle(token)
        and token.dep_ in {"compound", "nsubj", "nmod"}
        and token.head.i > token.i
    )


def _plausible(name: str, kind: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not any(c.isupper() for c in name):
        return False
    if kind == "person" and (any(c.isdigit() for c in name) or (name.isupper() and len(name) > 3)):
        return False
    if any(
        w.isalpha() and w.islower() and w not in NAME_PARTICLES | LOWER_CASE_NAME_WORDS
        for w in re.split(r"[\s\-]", name)
    ):
        return False  # "Javelin anti-tank", "the Florida party": a common word is no part of a name
    if kind == "place" and name.isalpha() and name.isupper() and len(name) <= 3 and name.lower() not in _KNOWN_BY_NAME:
        return False  # "AI", "MR": news writes no country or city as two bare capitals it does not explain
    return "\n" not in name and len(name) <= 80


def _key(name: str) -> str:
    words = re.sub(r"[^\w&]+", " ", name.lower()).split()
    while len(words) > 1 and (words[-1] in CORPORATE_SUFFIXES or words[-1].rstrip(".") in CORPORATE_SUFFIXES):
        words.pop()  # "Apple Inc." is "Apple"
    return " ".join(words)


def cluster(mentions: list[Mention]) -> tuple[list[Entity], dict[tuple[int, int], str]]:
    """Group mentions into entities; returns the entities and a map (paragraph, token) → entity id."""
    canonical: dict[str, str] = {}  # key of a name → key of its canonical name
    names: dict[str, str] = {}  # canonical key → canonical name
    types: dict[str, Counter[str]] = {}
    titles: dict[str, set[str]] = {}  # canonical key → the role titles its mentions carry

    def add_canonical(name: str, kind: str) -> str:
        key = _key(name)
        canonical.setdefault(key, key)
        names.setdefault(key, name)
        types.setdefault(key, Counter())[kind] += 1
        return key

    # Longest names first, so that "Hamad" finds "Ghazi Hamad" and "Mossad" is there for "Israeli Mossad".
    # Known names and names without a nationality in front come first.
    ordered = sorted(
        mentions,
        key=lambda m: (
            m.name.lower() not in _KNOWN_BY_NAME,
            m.adjective_first,
            -len(m.name.split()),
            -len(m.name),
            _role_title(m) is None,  # "President Biden" before a bare "Biden", which then goes with it
            m.sentence,
        ),
    )
    for mention in ordered:
        known = _KNOWN_BY_NAME.get((mention.refers_to or mention.name).lower())
        if known is None and mention.refers_to:
            known = (mention.refers_to, "place")
        if known:
            key = add_canonical(known[0], known[1])
            canonical[_key(mention.name)] = key
            types[key][mention.type] += 1
            continue
        key = _key(mention.name)
        if key in canonical and not (mention.refers_to and canonical[key] != _key(mention.refers_to)):
            types[canonical[key]][mention.type] += 1
            continue
        target = _alias_target(mention, names, types, titles)
        if target is not None:
            canonical[key] = target
            types[target][mention.type] += 1
        else:
            target = add_canonical(mention.name, mention.type)
        role = _role_title(mention)
        if role is not None:
            titles.setdefault(target, set()).add(role)

    entities: dict[str, Entity] = {}
    token_entity: dict[tuple[int, int], str] = {}
    titled: dict[str, bool] = {}
    heading_only: dict[str, bool] = {}
    for mention in sorted(mentions, key=lambda m: (m.paragraph, m.start)):
        root = canonical[_key(mention.name)]
        while canonical[root] != root:
            root = canonical[root]
        kind = types[root].most_common(1)[0][0]
        known = _KNOWN_BY_NAME.get(names[root].lower())
        if known:
            kind = known[1]
        entity_id = slugify(names[root], 60)
        entity = entities.get(entity_id)
        if entity is None:
            entity = entities[entity_id] = Entity(entity_id, names[root], kind)
        if mention.name != entity.name:
            entity.aliases.add(mention.name)
        if mention.surface and mention.surface != entity.name:
            entity.aliases.add(mention.surface)
        if mention.sentence not in entity.sentences:
            entity.sentences.append(mention.sentence)
        entity.mentions += 1
        entity.named += 1
        entity.attested = entity.attested or mention.attested
        titled[entity_id] = titled.get(entity_id, False) or mention.titled
        heading_only[entity_id] = heading_only.get(entity_id, True) and mention.heading
        for i in range(mention.start, mention.end):
            token_entity[(mention.paragraph, i)] = entity_id
    # A lone one-word "person" with no full name, no title and no "he"/"she" after it is most often a
    # product or a word the small model misread ("Tiger", "Safari"); leave it out. A first name alone
    # ("David … he") is a name cut short: left out too.
    dropped = {
        e.id
        for e in entities.values()
        if e.type == "person" and len(e.name.split()) == 1 and not e.aliases and not titled[e.id] and not e.attested
    }
    # A name found only in title-case text ("Protecting", "Related Statistics") has no capital letter to
    # tell it from a common word; keep it when knowledge or a full person's name vouches for it.
    dropped |= {
        e.id for e in entities.values() if heading_only.get(e.id, False) and not titled[e.id] and not _vouched_for(e)
    }
    token_entity = {k: v for k, v in token_entity.items() if v not in dropped}
    kept = [e for e in entities.values() if e.id not in dropped]
    return sorted(kept, key=lambda e: e.id), token_entity


def _vouched_for(entity: Entity) -> bool:
    """Knowledge knows the name, or it is a person's first and last name (a title before it vouches too)."""
    if entity.name.lower() in _KNOWN_BY_NAME or knowledge.is_place(entity.name):
        return True
    words = entity.name.split()
    return entity.type == "person" and len(words) > 1 and len(knowledge.first_name_forms(words[0])) > 1


def _role_title(mention: Mention) -> str | None:
    """The head of the role title before a person's name ("Prime Minister" → "minister"); not an honorific."""
    if mention.title is None:
        return None
    words = [w.lower().rstrip(".") for w in mention.title.split()]
    roles = [w for w in words if w not in HONORIFICS]
    return roles[-1] if roles else None


def _surname(word: str) -> str:
    """ "Al-Sisi" and "Sisi", "El-Sisi": one surname written with or without its article."""
    return re.sub(r"^(?:al|el|ad|as|ash|an)[-‐]", "", word.lower())


def _alias_target(
    mention: Mention, names: dict[str, str], types: dict[str, Counter[str]], titles: dict[str, set[str]]
) -> str | None:
    words = mention.name.split()
    if len(words) == 1 and mention.name[:1].isupper():
        kind = mention.type
        if kind != "person":
            # "Gaza" and "Gaza Strip": an area named without its area noun (not "Gaza City", "Delaware River")
            places = [
                k
                for k, full in names.items()
                if len(full.split()) == 2 and full.split()[0] == mention.name and full.split()[1].lower() in AREA_NOUNS
            ]
            if len(places) == 1:
                return places[0]
            # "Apple" and "Apple Computer": an organisation named by the first word of its full name
            longer = [
                k
                for k, full in names.items()
                if len(full.split()) == 2
                and full.split()[0] == mention.name
                and full.split()[1].lower() not in ORG_WORDS | GOVERNMENT_WORDS
                and types[k].most_common(1)[0][0] == "organisation"
            ]
            if kind == "organisation" and len(longer) == 1:
                return longer[0]
        # A surname or first name alone refers to the one full name in the article that has it.
        matches = [
            k
            for k, full in names.items()
            if types[k].most_common(1)[0][0] == "person"
            and len(full.split()) > 1
            and (_surname(mention.name) == _surname(full.split()[-1]) or mention.name == full.split()[0])
        ]
        role = _role_title(mention)
        if role is not None:
            # "President Biden" is the Biden who holds that title, never a relative without it.
            matches = [k for k in matches if role in titles.get(k, set())]
        return matches[0] if len(matches) == 1 else None
    stripped = mention.name.split(" ", 1)[-1]
    if mention.adjective_first and _key(stripped) in names:
        return _key(stripped)  # "Israeli Mossad" is "Mossad"
    if mention.name.isupper() and 2 <= len(mention.name) <= 6:
        initials = [
            k for k, full in names.items() if "".join(w[0] for w in full.split() if w[0].isupper()) == mention.name
        ]
        return initials[0] if len(initials) == 1 else None
    return None

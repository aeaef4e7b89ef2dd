"""People, organisations and places: mentions found by the model, repaired by rules, then
clustered into one record per real-world entity with a canonical name and its aliases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.articles import slugify
from generator.extract.lexicon import (
    CORPORATE_SUFFIXES,
    DEMONYMS,
    EVENT_WORDS,
    HONORIFICS,
    INDEX_WORDS,
    KNOWN_ENTITIES,
    NOT_ENTITIES,
    ORG_WORDS,
    PLACE_NOUNS,
    PLACES,
    PRODUCT_VERBS,
    ROLE_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
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
    """The canonical name a nationality adjective points to ("Chinese" → "China")."""


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

    @property
    def confidence(self) -> float:
        score = 0.6 + min(self.mentions, 4) * 0.08
        if self.name.lower() in _KNOWN_BY_NAME:
            score = 0.95
        if self.named == 0:
            score = 0.5  # only implied: "Chinese stocks"
        return round(min(score, 0.95), 2)


def find_mentions(span: Span, sentence_id: str, paragraph: int) -> list[Mention]:
    """Entity mentions of one sentence, with the small model's usual mistakes repaired."""
    worlds = (_world(token, sentence_id, paragraph) for token in span if token.lower_ in {"world", "globe"})
    mentions = [m for m in worlds if m is not None]
    for ent in span.ents:
        if ent.label_ == "NORP":
            demonym = _demonym(ent, sentence_id, paragraph)
            if demonym is not None:
                mentions.append(demonym)
            continue
        kind = _LABEL_TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start, ent.end
        doc = ent.doc
        titled = False
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
            start += 1
        while end > start and (
            doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in {"'s", "’s"}
        ):
            end -= 1
        if kind == "person":
            if end - start > 1 and len(doc[start].text) == 1:
                start += 1  # "Q John": a transcript's question label before the name
            while start < end and (doc[start].lower_.rstrip(".") in HONORIFICS or doc[start].lower_ in ROLE_NOUNS):
                start, titled = start + 1, True
            titled = titled or (
                start > span.start
                and (doc[start - 1].lower_.rstrip(".") in HONORIFICS or doc[start - 1].lower_ in ROLE_NOUNS)
            )
            # The small model often drops a first name ("Ghazi Hamad" → "Hamad").
            while start > span.start and _is_name_token(doc[start - 1]) and doc[start - 1].ent_type_ == "":
                start -= 1
        if end < span.end and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN" and doc[end].is_lower:
            # "Rafah crossing", "Shifa hospital": the name is a place, not a person.
            kind, end = "place", end + 1
        if start >= end:
            continue
        name = doc[start:end].text
        if not _plausible(name, kind) or _not_an_entity(doc[start:end]):
            continue
        if kind == "organisation" and _is_product(doc[start:end]):
            continue
        known = _KNOWN_BY_NAME.get(name.lower())
        kind = known[1] if known else _repair_type(name, kind)
        if kind == "person" and start > 0 and doc[start - 1].lower_ == "the" and name.endswith("s"):
            kind = "organisation"  # "the Beatles", "the Rolling Stones": a group
        first = doc[start]
        adjective_first = end - start > 1 and (first.pos_ == "ADJ" or first.dep_ == "amod")
        mentions.append(Mention(name, kind, sentence_id, start, end, paragraph, adjective_first, titled))
    return mentions


def _world(token: Token, sentence_id: str, paragraph: int) -> Mention | None:
    """ "markets around the world", "across the globe": the place Earth, as annotated news treats it."""
    if token.ent_type_ or token.pos_ != "NOUN" or token.text != token.lower_:
        return None
    if not any(c.lower_ == "the" for c in token.children) and token.dep_ != "compound":
        return None
    return Mention(token.text, "place", sentence_id, token.i, token.i + 1, paragraph, refers_to="Earth")


def _demonym(ent: Span, sentence_id: str, paragraph: int) -> Mention | None:
    """ "Chinese stocks", "the Russian government": an adjective naming a country mentions it.
    Plural nouns ("Palestinians", "Americans") are groups of people, not places."""
    if len(ent) != 1 or not (ent[0].dep_ in {"amod", "compound"} or (ent[0].dep_ == "conj" and ent[0].pos_ == "ADJ")):
        return None
    country = DEMONYMS.get(ent[0].lower_)
    if country is None:
        return None
    return Mention(ent.text, "place", sentence_id, ent.start, ent.end, paragraph, refers_to=country)


def _not_an_entity(name: Span) -> bool:
    """Time zones, currencies, market indices ("FTSE 100", "Dow Jones Industrial Average") and products
    written in camel case ("iPhone")."""
    text = name.text.lower()
    if text in NOT_ENTITIES or name[-1].lower_ in INDEX_WORDS | EVENT_WORDS or re.match(r"^[a-z]+[A-Z]", name.text):
        return True
    if text in PLACES or text in _KNOWN_BY_NAME:
        return False
    doc = name.doc
    after_index = name.end + (name.end < len(doc) and doc[name.end].tag_ == "POS")
    after = doc[after_index] if after_index < len(doc) else None
    if after is not None and (after.lower_ in INDEX_WORDS or (after.like_num and not _YEAR.match(after.text))):
        return True  # "the FTSE 100", "S&P 500 index", "Boeing 787": an index or a product
    return name[0].lower_ in NOT_ENTITIES and len(name) <= 3


def _is_product(name: Span) -> bool:
    """ "Apple released the new MacBook Air", "the latest iPod": a thing made or sold, not an organisation."""
    doc = name.doc
    if name.start > 0 and doc[name.start - 1].lower_ in {"new", "latest", "upgraded", "redesigned"}:
        return True
    root = name.root
    return root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in PRODUCT_VERBS


def _repair_type(name: str, kind: str) -> str:
    """Countries and well-known places are places; names ending in an organisation word are organisations."""
    lowered = name.lower()
    words = lowered.split()
    if lowered in PLACES:
        return "place"
    if kind != "organisation" and len(words) > 1 and (words[-1] in ORG_WORDS or words[0] in ORG_WORDS):
        return "organisation"
    return kind


def _is_name_token(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.is_alpha
        and token.lower_ not in ROLE_NOUNS
        and token.lower_.rstrip(".") not in HONORIFICS
        and token.dep_ in {"compound", "nsubj", "nmod"}
        and token.head.i > token.i
    )


def _plausible(name: str, kind: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not any(c.isupper() for c in name):
        return False
    if kind == "person" and (any(c.isdigit() for c in name) or (name.isupper() and len(name) > 3)):
        return False
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
        target = _alias_target(mention, names, types)
        if target is not None:
            canonical[key] = target
            types[target][mention.type] += 1
        else:
            add_canonical(mention.name, mention.type)

    entities: dict[str, Entity] = {}
    token_entity: dict[tuple[int, int], str] = {}
    titled: dict[str, bool] = {}
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
        if mention.sentence not in entity.sentences:
            entity.sentences.append(mention.sentence)
        entity.mentions += 1
        entity.named += mention.refers_to is None
        titled[entity_id] = titled.get(entity_id, False) or mention.titled
        for i in range(mention.start, mention.end):
            if mention.refers_to is None:  # "Israeli hostages" are not Israel acting or speaking
                token_entity[(mention.paragraph, i)] = entity_id
    # A lone one-word "person" with no full name and no title is most often a product or a word the
    # small model misread ("Tiger", "Safari"); leave it out.
    dropped = {
        e.id
        for e in entities.values()
        if e.type == "person" and len(e.name.split()) == 1 and not e.aliases and not titled[e.id]
    }
    token_entity = {k: v for k, v in token_entity.items() if v not in dropped}
    kept = [e for e in entities.values() if e.id not in dropped]
    return sorted(kept, key=lambda e: e.id), token_entity


def _alias_target(mention: Mention, names: dict[str, str], types: dict[str, Counter[str]]) -> str | None:
    words = mention.name.split()
    if len(words) == 1 and mention.name[:1].isupper():
        # A surname or first name alone refers to the one full name in the article that has it.
        matches = [
            k
            for k, full in names.items()
            if types[k].most_common(1)[0][0] == "person"
            and len(full.split()) > 1
            and mention.name in (full.split()[-1], full.split()[0])
        ]
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

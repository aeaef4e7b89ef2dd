"""People, organisations and places: mentions found by the model, repaired by rules, then
clustered into one record per real-world entity with a canonical name and its aliases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from generator.articles import slugify
from generator.extract.lexicon import HONORIFICS, KNOWN_ENTITIES, PLACE_NOUNS, ROLE_NOUNS

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


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    sentences: list[str] = field(default_factory=list)
    mentions: int = 0
    model_labels: Counter[str] = field(default_factory=Counter)

    @property
    def confidence(self) -> float:
        score = 0.6 + min(self.mentions, 4) * 0.08
        if self.name.lower() in _KNOWN_BY_NAME:
            score = 0.95
        return round(min(score, 0.95), 2)


def find_mentions(span: Span, sentence_id: str, paragraph: int) -> list[Mention]:
    """Entity mentions of one sentence, with the small model's usual mistakes repaired."""
    mentions = []
    for ent in span.ents:
        kind = _LABEL_TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
            start += 1
        while end > start and (
            doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in {"'s", "’s"}
        ):
            end -= 1
        if kind == "person":
            while start < end and (doc[start].lower_.rstrip(".") in HONORIFICS or doc[start].lower_ in ROLE_NOUNS):
                start += 1
            # The small model often drops a first name ("Ghazi Hamad" → "Hamad").
            while start > span.start and _is_name_token(doc[start - 1]) and doc[start - 1].ent_type_ == "":
                start -= 1
        if end < span.end and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN" and doc[end].is_lower:
            # "Rafah crossing", "Shifa hospital": the name is a place, not a person.
            kind, end = "place", end + 1
        if start >= end:
            continue
        name = doc[start:end].text
        if not _plausible(name, kind):
            continue
        known = _KNOWN_BY_NAME.get(name.lower())
        if known:
            kind = known[1]
        first = doc[start]
        adjective_first = end - start > 1 and (first.pos_ == "ADJ" or first.dep_ == "amod")
        mentions.append(Mention(name, kind, sentence_id, start, end, paragraph, adjective_first))
    return mentions


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
    return re.sub(r"[^\w]+", " ", name.lower()).strip()


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
        known = _KNOWN_BY_NAME.get(mention.name.lower())
        if known:
            key = add_canonical(known[0], known[1])
            canonical[_key(mention.name)] = key
            types[key][mention.type] += 1
            continue
        key = _key(mention.name)
        if key in canonical:
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
        for i in range(mention.start, mention.end):
            token_entity[(mention.paragraph, i)] = entity_id
    return sorted(entities.values(), key=lambda e: e.id), token_entity


def _alias_target(mention: Mention, names: dict[str, str], types: dict[str, Counter[str]]) -> str | None:
    words = mention.name.split()
    if mention.type == "person" and len(words) == 1:
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

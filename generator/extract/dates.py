"""Dates in the text, resolved against the article's date ("on Tuesday" → 2023-11-28)."""

from __future__ import annotations

import datetime as dt
import re

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_MONTH_DAY = re.compile(r"^(?:(?:on|the)\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_DAY_MONTH = re.compile(r"^(?:(?:on|the)\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "last night": -1}


def resolve_date(text: str, article_date: dt.date) -> dt.date | None:
    """The calendar day `text` names, read as news does from the article's date; None if vague."""
    words = " ".join(text.lower().replace(",", " , ").split()).replace(" ,", ",")
    words = re.sub(r"^(?:on|last|this|earlier|late|early)\s+", "", words)
    if words in _RELATIVE:
        return article_date + dt.timedelta(days=_RELATIVE[words])
    for suffix in (" morning", " afternoon", " evening", " night"):
        words = words.removesuffix(suffix)
    if words in _WEEKDAYS:
        # News reports the recent past: the latest such weekday on or before the article's date.
        back = (article_date.weekday() - _WEEKDAYS.index(words)) % 7
        return article_date - dt.timedelta(days=back)
    match = _MONTH_DAY.match(words)
    if match:
        month_word, day, year = match.group(1), match.group(2), match.group(3)
    else:
        match = _DAY_MONTH.match(words)
        if not match:
            return None
        day, month_word, year = match.group(1), match.group(2), match.group(3)
    month = _MONTH_ABBR.get(month_word[:4] if month_word.startswith("sept") else month_word[:3])
    if month is None or (len(month_word) > 3 and month_word not in _MONTHS and month_word != "sept"):
        return None
    try:
        if year:
            return dt.date(int(year), month, int(day))
        candidate = dt.date(article_date.year, month, int(day))
    except ValueError:
        return None
    # "December 30" in a January article is last year's.
    if (candidate - article_date).days > 183:
        candidate = candidate.replace(year=candidate.year - 1)
    elif (article_date - candidate).days > 183:
        candidate = candidate.replace(year=candidate.year + 1)
    return candidate

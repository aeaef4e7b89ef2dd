"""Reading numbers as news writes them: "60", "1,200", "five", "1.2 million", "$40bn", "a dozen"."""

from __future__ import annotations

import re

from generator.extract.lexicon import NUMBER_WORDS, SCALE_WORDS

_DIGITS = re.compile(r"^[$€£]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(k|m|bn|mn|%)?$", re.IGNORECASE)


def parse_number(words: list[str]) -> float | None:
    """The value of a run of number words and digits, or None if it is not a number.

    >>> parse_number(["1.2", "million"])
    1200000.0
    >>> parse_number(["twenty", "-", "five"])
    25.0
    """
    spelled = _spelled_out(words)
    if spelled is not None:
        return spelled
    total = 0.0
    current: float | None = None
    seen = False
    for raw in words:
        word = raw.lower().strip()
        if word in {"-", "and", ",", "$", "€", "£", "%", "per", "cent", "percent"}:
            continue
        for part in word.split("-"):
            if not part:
                continue
            digits = _DIGITS.match(part)
            if digits:
                value = float(digits.group(1).replace(",", "") + ("." + digits.group(2) if digits.group(2) else ""))
                suffix = (digits.group(3) or "").lower()
                if suffix in SCALE_WORDS:
                    value *= SCALE_WORDS[suffix]
                current = (current or 0) + value
                seen = True
            elif part in NUMBER_WORDS and not (part in {"a", "an"} and seen):
                current = (current or 0) + NUMBER_WORDS[part]
                seen = seen or part not in {"a", "an"}
            elif part in SCALE_WORDS and current is not None:
                scale = SCALE_WORDS[part]
                base = current if current is not None else 1
                if scale >= 1000:
                    total += base * scale
                    current = None
                else:
                    current = base * scale
                seen = True
            else:
                return None
    if not seen:
        return None
    return total + (current or 0)


def tidy(value: float) -> int | float:
    """60.0 → 60; keeps real fractions; 8.2 × 10⁹ is 8200000000, not the float 8199999999.999999."""
    value = float(f"{value:.12g}")
    return int(value) if value == int(value) and abs(value) < 1e15 else round(value, 6)


def _spelled_out(words: list[str]) -> float | None:
    """A number written in words, read by text2num: "One hundred and twenty" is 120, not 100 and 20."""
    text = " ".join(w.lower().strip() for w in words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    parts = [part for part in re.split(r"[\s-]+", text) if part]
    if not parts or not all(part.isalpha() for part in parts) or any(p.endswith("s") for p in parts):
        return None  # "hundreds", "thousands and thousands": a vague amount, not a number
    from text_to_num import text2num  # type: ignore[import-untyped]

    try:
        return float(text2num(text, "en"))
    except ValueError:
        return None

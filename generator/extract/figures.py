"""Figures: a number, what it counts, and who did what ("Hamas has freed 60 Israeli hostages")."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.extract.lexicon import (
    APPROXIMATE_SEPARATORS,
    AREA_WORDS,
    DESCRIBING_SUBJECTS,
    DISCOURSE_NOUNS,
    DURATION_UNITS,
    LENGTH_UNITS,
    MEASURE_NOUNS,
    MEASURE_WORDS,
    NEGATIONS,
    NEGATIVE_WORDS,
    NOT_A_RATE_AFTER,
    PAST_WINDOW_WORDS,
    PERIOD_WORDS,
    QUALIFIER_INTENSIFIERS,
    QUALIFIERS,
    RATE_WORDS,
    SCALE_WORDS,
    TALKING_VERBS,
    TEMPERATURE_SCALES,
    TIME_POINT_AFTER,
    UNIT_LETTERS,
    UNIT_SYMBOLS,
    WEAK_NUMBER_WORDS,
    WINDOW_WORDS,
)
from generator.extract.numbers import parse_number, tidy

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SCALE_PARTS = {"million", "billion", "thousand", "hundred", "dozen", "bn", "m", "%", "percent"}
_CURRENCIES = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "US$": "dollars"}
_CURRENCY_CODES = {code: "dollars" for code in ("US", "A", "C", "HK", "NZ", "S")} | {
    "RM": "ringgit",
    "INR": "rupees",
    "Rs": "rupees",
}


@dataclass
class FigureFinding:
    value: int | float
    text: str
    qualifier: str | None
    unit: str
    counts: str
    unit_token: int | None
    action: str | None
    actor_token: int | None
    subject_token: int | None
    held: str | None = None
    """Why the figure waits for a person's review instead of being published ("one" that counts nothing)."""
    window: bool = False
    """A duration written as a time window: "over the last 24 hours"."""
    looking_back: bool = False
    """The window is behind the speaker ("over the past two years"), not ahead ("over the next 48 hours")."""


def find_figures(sentence: Span) -> list[FigureFinding]:
    """Every counted thing in one sentence that has a number and a unit; a range or a change gives one figure
    per end."""
    findings = []
    used: set[int] = set()
    spans: list[tuple[FigureFinding, int, int]] = []  # a span's one figure, with the span's tokens
    for start, end, label in _number_spans(sentence):
        if any(i in used for i in range(start, end)):
            continue
        parts = _range_parts(sentence.doc, start, end)
        whole = sentence.doc[start:end]
        results = [_figure(sentence, part_start, part_end, label) for part_start, part_end in parts]
        is_range = _is_range(sentence.doc, start, parts)
        if is_range and (results[0] is None) != (results[-1] is None):
            # "48 to 72 hours", "four or five decades": one end names no unit of its own; it shares the other's
            missing = 0 if results[0] is None else len(results) - 1
            known = results[-1] if missing == 0 else results[0]
            assert known is not None
            results[missing] = _range_end(sentence.doc, parts[missing], known, low=missing == 0)
        part_findings = [finding for finding in results if finding is not None]
        if len(part_findings) > 1 and is_range:
            # "$370,000 to $5.5 million": both ends share the unit the last one names, and the range's text.
            last = part_findings[-1]
            low = part_findings[0]
            low.unit, low.counts = (low.unit, low.counts) if low.unit_token is not None else (last.unit, last.counts)
            held = next((f.held for f in part_findings if f.held), None)
            first_number = next((t.i for t in whole if t.like_num), start)
            before = {t.lower_ for t in sentence.doc[max(start - 2, 0) : first_number]}  # "(over) the last …"
            timed = last.unit_token is not None and sentence.doc[last.unit_token].lemma_.lower() in DURATION_UNITS
            window = any(f.window for f in part_findings) or (timed and bool(before & WINDOW_WORDS))
            looking_back = any(f.looking_back for f in part_findings) or (timed and bool(before & PAST_WINDOW_WORDS))
            for finding in part_findings:
                finding.text = _span_text(whole)
                # one range: both ends published or neither ("over the last 24 to 48 hours" looks back)
                finding.held, finding.window, finding.looking_back = held, window, looking_back
            low.qualifier, last.qualifier = low.qualifier or "at least", last.qualifier or "at most"
        elif len(part_findings) == 2 and _is_change(sentence.doc, start) and sentence.doc[parts[0][1]].lower_ == "to":
            _a_change(part_findings[0], part_findings[1], _span_text(whole))  # "from 20 to 25 percent"
        elif len(parts) > 1 and not part_findings:
            continue
        if part_findings:
            used.update(range(start, end))
            findings.extend(part_findings)
            if len(part_findings) == 1:
                spans.append((part_findings[0], start, end))
    for (low, low_start, low_end), (high, high_start, high_end) in itertools.pairwise(spans):
        between = [t.lower_ for t in sentence.doc[low_end:high_start]]
        if low.unit != high.unit or low.qualifier or high.qualifier:
            continue
        text = sentence.doc[low_start:high_end].text
        unit_end = max(low_end, low.unit_token + 1 if low.unit_token is not None else 0)
        if (
            [t.lower_ for t in sentence.doc[unit_end:high_start]] == ["from"]
            and low_start > 0
            and sentence.doc[low_start - 1].lower_ == "to"
        ):
            text = sentence.doc[
                _before_symbol(sentence.doc, low_start) : max(high_end, (high.unit_token or 0) + 1)
            ].text
            _a_change(high, low, text)  # "narrowed to 138,285 lots from 212,577 lots"
            first, second = (next(k for k, f in enumerate(findings) if f is end) for end in (low, high))
            findings[first], findings[second] = high, low  # listed as read: from, then to
            continue
        if between != ["to"]:
            if _one_change_apart(sentence.doc, low_start, high_start):
                text = sentence.doc[_before_symbol(sentence.doc, low_start) : high_end].text
                _a_change(low, high, text)  # "plummeted from $36,040 at 10.45pm last night to $34,935"
            continue
        if _is_change(sentence.doc, low_start):
            _a_change(low, high, text)  # "from 4.8 percent to 4.7 percent"
        elif low.value < high.value and (low_start == 0 or sentence.doc[low_start - 1].lower_ != "by"):
            # "15 per cent to 20 per cent": one range written with its unit twice (not "grew by $43.6 billion to
            # $419.2 billion": an amount, then the level it came to)
            low.qualifier, high.qualifier, low.text, high.text = "at least", "at most", text, text
            low.held = high.held = low.held or high.held
    if any(f.window for f in findings):
        beside = _counts_beside_windows(sentence)
        for finding in findings:
            if finding.window and (beside or finding.looking_back):
                # "in the last 24 hours, about 96 crossed"; "he's taken actions over the past two years":
                # the frame of what the sentence says, not a measure of it ("extend the pause over the next
                # 48 hours" is the news itself)
                finding.held = finding.held or ("the time window of another count" if beside else "a time window")
    return findings


def _a_change(low: FigureFinding, high: FigureFinding, text: str) -> None:
    """Mark two figures the two ends of one change ("rose from 4.8 percent to 4.7 percent"): shown as one
    row, and the far end is the news; both published or neither."""
    if low.qualifier or high.qualifier:
        return  # "from about 20 to more than 30": each end keeps its own qualifier
    low.qualifier, high.qualifier = "from", "to"
    low.text = high.text = text
    held = low.held or high.held
    low.held = high.held = held


def _one_change_apart(doc: Doc, low_start: int, high_start: int) -> bool:
    """ "dropped from $75 per barrel to $45.88": the "from" and the "to" before two numbers are said of the
    same verb, whatever stands between them."""
    low_start, high_start = _before_symbol(doc, low_start), _before_symbol(doc, high_start)
    if not _is_change(doc, low_start) or doc[high_start - 1].lower_ != "to":
        return False
    opener, closer = doc[low_start - 1], doc[high_start - 1]
    between = {t.lower_ for t in doc[low_start : high_start - 1]}
    said_of_one = closer.head in {opener, opener.head} and opener.head.pos_ == "VERB"
    return said_of_one and not between & {"from", "to"}


def _before_symbol(doc: Doc, start: int) -> int:
    """Where a number's span starts, with the currency sign the model left out of it ("$" of "$75")."""
    return start - 1 if start > 0 and doc[start - 1].text in _CURRENCIES else start


def _counts_beside_windows(sentence: Span) -> bool:
    """Whether the sentence holds a number besides dates, times and years ("In the last 24 hours, about 96 —
    so, just under a hundred — U.S. citizens crossed"): then a window is the frame of that count."""
    return any(
        (t.like_num or _ATTACHED.match(t.text)) and t.ent_type_ not in {"DATE", "TIME", "ORDINAL"}
        for t in sentence
        if not _YEAR.match(t.text)
    )


def _range_end(doc: Doc, part: tuple[int, int], other: FigureFinding, low: bool) -> FigureFinding | None:
    """The end of a range written as a bare number ("48" of "48 to 72 hours", "five" of "four or five
    decades"), counting what the `other` end counts."""
    tokens = [t for t in doc[part[0] : part[1]] if _is_number_part(t)]
    if not tokens or any(t.text in _CURRENCIES or t.lower_ in {"%", "percent"} for t in tokens):
        return None
    value = parse_number([t.text for t in tokens])
    if value is None or (value >= other.value if low else value <= other.value):
        return None  # "52 to 48": a score, not a range
    return replace(other, value=tidy(value), text=doc[tokens[0].i : tokens[-1].i + 1].text, qualifier=None)


def _span_text(span: Span) -> str:
    tokens = [t for t in span if _is_number_part(t) or t.lower_ in _RANGE_WORDS]
    return span.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else span.text


_RANGE_WORDS = {"to", "-", "–", "—", "and", "or"}


def _is_change(doc: Doc, start: int) -> bool:
    """ "rose from 4.8 percent to 4.7 percent": two figures, not a range ("prices range from $1 to $2")."""
    return (
        start >= 1 and doc[start - 1].lower_ == "from" and (start < 2 or doc[start - 2].lemma_ not in {"range", "vary"})
    )


def _range_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A span split before each further number: "5% and 6%", "$160 to $180", "5.4 inches, 6.1 inches"."""
    parts = []
    part_start = start
    for i in range(start + 1, end - 1):
        compound = (
            (doc[i].lower_ == "and" and doc[i - 1].lower_ in _SCALE_PARTS and doc[i + 1].is_alpha)
            or (doc[i].text == "-" and doc[i - 1].is_alpha and doc[i + 1].is_alpha and not doc[i].whitespace_)
            or _and_a_fraction(doc, i) is not None
        )  # "one hundred and twenty", "seventy-five", "four and a half": one number
        if (
            (doc[i].lower_ in _RANGE_WORDS or doc[i].text == ",")
            and not compound  # "one hundred and twenty" is one number
            and any(t.like_num for t in doc[part_start:i])
            and any(t.like_num for t in doc[i + 1 : min(i + 3, end)])
        ):
            parts.append((part_start, i))
            part_start = i + 1
    parts.append((part_start, end))
    return parts


_AND_A = {"half": 0.5, "quarter": 0.25}


def _and_a_fraction(doc: Doc, i: int) -> float | None:
    """The fraction that "and a half" / "and a quarter" at token `i` adds to the number before it."""
    if i + 2 >= len(doc) or doc[i].lower_ != "and" or doc[i + 1].lower_ not in {"a", "an"}:
        return None
    return _AND_A.get(doc[i + 2].lower_)


def _is_range(doc: Doc, start: int, parts: list[tuple[int, int]]) -> bool:
    """ "$160 to $180", "between 5% and 6%" are ranges; "5, 6 and 7" and "from 4.8 to 4.7 percent" are not."""
    if len(parts) != 2 or _is_change(doc, start):
        return False
    separator = doc[parts[0][1]].lower_
    if separator in APPROXIMATE_SEPARATORS:
        # "four or five decades", "35, 40 percent"; not "5, 6 or 7 percent" (a list) nor "20 or more"
        return _bare(doc, parts[0]) and not _listed(doc, parts[0][0], parts[1][1])
    between = doc[start].lower_ == "between" or (start > 0 and doc[start - 1].lower_ == "between")
    return separator in {"to", "-", "–", "—"} or (separator == "and" and between)


def _bare(doc: Doc, part: tuple[int, int]) -> bool:
    """A number with no unit or sign of its own ("35", "four", "the next four"; not "$43.6 billion")."""
    tokens = list(doc[part[0] : part[1]])
    first = next((i for i, t in enumerate(tokens) if t.like_num), None)
    return first is not None and all(t.is_alpha for t in tokens[:first]) and all(t.like_num for t in tokens[first:])


def _listed(doc: Doc, start: int, end: int) -> bool:
    """Whether the numbers from `start` to `end` are part of a longer list of numbers ("5, 6, 7")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end : end + 2]
    return (before is not None and (before.text == "," or before.like_num)) or (
        doc[end - 1].like_num and len(after) == 2 and after[0].lower_ in {",", "and", "or"} and after[1].like_num
    )  # a unit after the second number ends the list: "four or five decades, 300 towns" is a range


_AFTER_NUMBER = {"%", "million", "billion", "thousand", "trillion", "percent", "cent"}


def _number_spans(sentence: Span) -> list[tuple[int, int, str]]:
    doc = sentence.doc
    spans = [
        (e.start, _spelled_end(doc, e.end, sentence.end), e.label_)
        for e in sentence.ents
        if e.label_ in _NUMERIC_LABELS
    ]
    spans = [part for span in spans for part in _runs(doc, span)]
    covered = {i for s, e, _ in spans for i in range(s, e)}
    i = sentence.start
    while i < sentence.end:
        if i not in covered and (
            (doc[i].like_num and doc[i].pos_ == "NUM")
            or _ATTACHED.match(doc[i].text)
            or _SIGNED.match(doc[i].text)
            or _coded(doc[i])
        ):
            j = i + 1
            while j < sentence.end and doc[j].like_num and j not in covered:
                j += 1
            spans.append((i, j, "CARDINAL"))
            i = j
        else:
            i += 1
    return _joined_ranges(doc, sorted(spans))


def _runs(doc: Doc, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """A model entity cut before each number that follows a finished one: "2.9 million 9 liter cases" is 2.9
    million and 9, "640bhp 5.2 litre" is 640 bhp and 5.2 litres, "7 240" is 7 and 240."""
    start, end, label = span
    out = []
    for k in range(start + 1, end):
        before = doc[k - 1]
        attached = _ATTACHED.match(before.text)
        finished = (
            before.lower_ in _LARGE_SCALES
            or (attached is not None and attached.group(2).lower() not in _SCALE_SUFFIXES)
            # "October 7 240 hostages"; not "1 000 000" (groups of a thousand, spaced)
            or (before.text.isdigit() and doc[k].text[:1].isdigit() and not doc[k].text.startswith("0"))
        )
        if finished and any(c.isdigit() for c in doc[k].text):
            out.append((start, k, label))
            start = k
    out.append((start, end, label))
    return out


_LARGE_SCALES = frozenset(w for w, v in SCALE_WORDS.items() if v >= 1_000 and len(w) > 2 and not w.endswith("s"))
"""Scale words that finish a number ("2.9 million"): what follows them is another number."""


def _joined_ranges(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "ranging from $800,000 to $1.3 million", "between 5% and 6%": two spans of the model are one range."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if joined:
            first_start, first_end, first_label = joined[-1]
            before = first_start - 1
            while before > 0 and doc[before].text in _CURRENCIES:
                before -= 1
            opener = doc[before].lower_ if before >= 0 else ""
            between = [t.lower_ for t in doc[first_end:start] if t.text not in _CURRENCIES]
            if doc[first_end - 1].lower_ in _RANGE_WORDS:  # the model took "to" into the first span
                between.insert(0, doc[first_end - 1].lower_)
            separator = between[0] if len(between) == 1 else ""
            if separator and (
                (opener == "between" and separator == "and")
                or (opener == "from" and separator in {"to", "-", "–"} and not _is_change(doc, first_start))
                or (_approximate(doc, (first_start, first_end), separator, start) and opener != "from")
            ):
                approximate = opener not in {"between", "from"}
                joined[-1] = (first_start, end, label if approximate else first_label)  # the unit's end decides
                continue
        joined.append((start, end, label))
    return joined


def _approximate(doc: Doc, first: tuple[int, int], separator: str, second_start: int) -> bool:
    """ "10 to 15 hostages", "four or five decades", "35, 40 percent" cut by the model into two numbers: a bare
    number right before another, joined by "to", "or" or a comma, outside a list."""
    if separator not in APPROXIMATE_SEPARATORS | {"to", "-", "–"}:
        return False
    end = first[1] - 1 if doc[first[1] - 1].lower_ in _RANGE_WORDS else first[1]  # the model took "to" in
    return _bare(doc, (first[0], end)) and second_start == end + 1 and not _listed(doc, first[0], second_start + 1)


def _spelled_end(doc: Doc, end: int, limit: int) -> int:
    """The end of a number in words the model cut short: "twenty-eight [thousand six hundred forty-two]"."""

    def cardinal(token: Token) -> bool:
        return token.is_alpha and token.like_num and not re.search(r"(first|second|third|th)$", token.lower_)

    while end < limit and doc[end - 1].is_alpha and doc[end - 1].like_num:
        if cardinal(doc[end]):
            end += 1
        elif doc[end].text == "-" and end + 1 < limit and cardinal(doc[end + 1]):
            end += 2
        else:
            break
    return end


_ATTACHED = re.compile(r"^[$€£¥]?(\d[\d,]*(?:\.\d+)?)([a-zA-Z]+)$")
"""A number with its unit in one token: "164p", "5kW", "1.38pc", "40bn"."""
_SIGNED = re.compile(r"^[+\-−]\d[\d,]*(?:\.\d+)?$")
"""A change written with its sign: "Dow +0.2%", "DAX -1.6%"."""
_CODED = re.compile(r"^(US|A|C|HK|NZ|S|RM|INR|Rs)(\d[\d,]*(?:\.\d+)?)(k|m|bn|mn)?$")
_DOLLAR_CODES = {"US", "A", "C", "HK", "NZ", "S"}


def _coded(token: Token) -> re.Match[str] | None:
    """A number written onto its currency's code: "RM23.50", "INR1" (of "INR1 trillion"), "US55,931,000"
    after a "$" ("$US55,931,000"); the dollar codes count only after "$" ("A320" is an aircraft)."""
    match = _CODED.match(token.text)
    if match is None or (match.group(1) in _DOLLAR_CODES and (token.i == 0 or token.doc[token.i - 1].text != "$")):
        return None
    return match


_SCALE_SUFFIXES = {"k", "m", "bn", "mn", "b", "tn"}


def _figure(sentence: Span, start: int, end: int, label: str) -> FigureFinding | None:
    doc = sentence.doc
    tokens = list(doc[start:end])
    qualifier = None
    lead = 0
    while lead < len(tokens) - 1 and tokens[lead].lower_ in QUALIFIER_INTENSIFIERS:
        lead += 1  # "just under a hundred", "well over 50"
    lowered = " ".join(t.lower_ for t in tokens[lead:])
    for words, meaning in QUALIFIERS.items():
        if lowered.startswith(words.strip() + " "):
            qualifier = meaning
            tokens = tokens[lead + len(words.split()) :]
            break
    at = _before_aside(doc, start)
    if qualifier is None and at >= 2:
        before = f"{doc[at - 2].lower_} {doc[at - 1].lower_}"
        single = doc[at - 1].lower_
        qualifier = QUALIFIERS.get(before) or (
            QUALIFIERS.get(single) if doc[at - 1].pos_ in {"ADP", "ADV", "ADJ"} else None
        )
    preceding = [*tokens[:2], *doc[max(start - 2, 0) : start]]
    window = any(t.lower_ in WINDOW_WORDS for t in preceding)
    looking_back = any(t.lower_ in PAST_WINDOW_WORDS for t in preceding)
    if qualifier is not None and tokens and tokens[0].lower_ in PERIOD_WORDS:
        qualifier = None  # "over the last four years" is a period, not "more than four years"
    while tokens and tokens[0].lower_ in PERIOD_WORDS:
        tokens = tokens[1:]
    if qualifier is None and len(tokens) > 1 and tokens[0].lower_ in QUALIFIERS and tokens[1].like_num:
        qualifier, tokens = QUALIFIERS[tokens[0].lower_], tokens[1:]  # "the past almost three years"
    if _negated_or_pronoun(doc, tokens):
        return None
    number_tokens = [t for t in tokens if _is_number_part(t)]
    signed = [k for k, t in enumerate(number_tokens) if k > 0 and _SIGNED.match(t.text)]
    if signed:
        number_tokens = number_tokens[signed[-1] :]  # "S&P 500 +0.3%": the change, not the index's name
    if not any(
        t.like_num or _ATTACHED.match(t.text) or _SIGNED.match(t.text) or _MINUS_JOINED.match(t.text) or _coded(t)
        for t in number_tokens
    ):
        return None
    attached_unit = None
    number_words = [t.text for t in number_tokens]
    coded_unit = None
    for k, token in enumerate(number_tokens):
        code = _coded(token)
        if code is not None:
            number_words[k] = code.group(2) + (code.group(3) or "")
            coded_unit = _CURRENCY_CODES[code.group(1)]
    attached = _ATTACHED.match(number_tokens[-1].text)
    if attached and attached.group(2).lower() in {"st", "nd", "rd", "th", "am", "pm", "s", "ers"}:
        return None  # "the 20th century", "at 1.56pm", "the 1970s", "4-3s", "the 49ers": an order, a time, a name
    if _names_a_model(doc[start], number_tokens[-1]):
        return None
    if attached and attached.group(2).lower() not in _SCALE_SUFFIXES:
        attached_unit = attached.group(2)
        number_words[-1] = number_tokens[-1].text[: attached.start(2)]
    number_words = [(joined.group(1) if (joined := _MINUS_JOINED.match(w)) else w) for w in number_words]
    value = parse_number([w.lstrip("+−") for w in number_words])
    if value is None:
        return None
    if _negative(number_tokens[0]):
        value = -value  # "-5 degrees", "minus 20 degrees Celsius", "Stoxx 50 -1.3%"
    fraction = _and_a_fraction(doc, number_tokens[-1].i + 1)
    if fraction is not None:
        value += fraction  # "four and a half years" is 4.5 years, not 4 "half"
    spelled = not any(c.isdigit() for t in number_tokens for c in t.text)
    if spelled and _joined_to_word(number_tokens[0]):
        return None  # "net-zero", "zero-sum": a term, not a number
    held = (_weak_count(number_tokens) if spelled and fraction is None else None) or _reference(number_tokens, value)
    last = number_tokens[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    compound = _hyphen_unit(last)
    if compound is None and (label == "DATE" or (_YEAR.match(last.text) and label != "MONEY")):
        head = last.head
        measured = _area_unit(after, None) is not None or (after is not None and after.lower_ in UNIT_SYMBOLS)
        counted = not _YEAR.match(last.text) and ((head.pos_ == "NOUN" and head.i == last.i + 1) or measured)
        if not counted and (head.lemma_.lower() not in DURATION_UNITS or head.i == last.i):
            return None  # a date or a year, unless the model read "sales of 5835 units" as one
    if (last.ent_type_ == "ORDINAL" and attached_unit is None) or last.lower_ in {"first", "second", "third"}:
        return None
    if last.ent_type_ == "TIME" and (after is None or after.lemma_.lower() not in DURATION_UNITS):
        return None  # "at 1.56pm", "10:00", but "after 55 minutes" is a duration
    plus = after is not None and after.text == "-" and doc[after.i + 1 : after.i + 2].text.lower() == "plus"
    if plus:
        qualifier = qualifier or "more than"  # "some 400-plus entities"
    if compound is None and (
        (after is not None and after.text == "-" and not plus)
        or ("-" in last.text and not last.text.startswith("-") and not _MINUS_JOINED.match(last.text))
    ):
        return None  # "2023-24", "a 3-1 win": not a count
    span_text = doc[start:end].text.lower()
    unit_token = _unit_token(last, end, value != 1) if compound is None else None
    symbol = next((t.text for t in doc[max(start - 1, 0) : end] if t.text in _CURRENCIES), None)
    word_unit = _unit_word(tokens, doc[last.i + 3] if fraction is not None else last)
    if coded_unit is not None and (symbol is None or coded_unit == "dollars"):
        unit = counts = coded_unit
    elif "%" in span_text or (attached_unit or "").lower() == "pc" or _says_percent(tokens, after):
        unit, counts = "percent", "percent"
    elif (temperature := _temperature(last)) is not None:
        unit = counts = temperature  # "minus 20 degrees Celsius", "387 Fahrenheit"
    elif (area := _area_unit(after, attached_unit)) is not None:
        unit = counts = area  # "1520 sq m", "3923sq m", "200 square feet"
    elif attached_unit is not None:
        unit, counts = attached_unit, attached_unit
    elif after is not None and after.lower_ in UNIT_SYMBOLS:
        unit, counts = after.text, after.text
    elif compound is not None:
        unit, counts = compound, compound
    elif symbol is not None:
        unit = _CURRENCIES[symbol]
        counts = unit if unit_token is None else _noun_phrase(unit_token)
    elif word_unit is not None:
        unit, counts = word_unit.text, _noun_phrase(word_unit)
        unit_token = word_unit
    elif unit_token is not None:
        unit, counts = unit_token.text, _noun_phrase(unit_token)
    elif (counted_before := _number_of(last)) is not None:
        unit_token = counted_before  # "the number of Americans killed has risen to 27"
        unit, counts = unit_token.text, _noun_phrase(unit_token)
    else:
        return None
    if unit_token is not None and not _countable(unit_token, value):
        return None
    measure = _measure_before(last, unit_token)
    if measure is not None:
        unit = counts = measure  # "a 60 basis point improvement": 60 basis points
    if unit_token is not None and after is not None and after.lower_ in _ORDINAL_WORDS and after.i < unit_token.i:
        unit = counts = doc[after.i : unit_token.i + 1].text  # "twenty first graders": 20 first graders
    if unit_token is not None and unit == unit_token.text and _an_age(unit_token):
        unit = counts = f"{unit_token.text}-old"  # "a 50 year-old man", as "a 50-year-old man"
    elif unit_token is not None and unit == unit_token.text and _singular_duration(unit_token, value):
        held = held or "a duration used to describe"  # not "down 9.2% year over year"
    unit, counts = _tidy_unit(unit), _tidy_unit(counts)
    rate = _rate(doc, (unit_token.i if unit_token is not None else last.i) + 1)
    if rate is not None:
        unit, counts = f"{unit} per {rate}", f"{counts} per {rate}"  # "$35 a month", "100 trucks a day"
    if unit_token is not None and _time_spent_talking(unit_token):
        held = held or "how long someone has talked"
    if unit_token is not None and _point_in_time(unit_token):
        held = held or "a point in time"
    action, actor, subject = _action(unit_token if unit_token is not None else last)
    text = doc[number_tokens[0].i : number_tokens[-1].i + (4 if fraction is not None else 1)].text
    return FigureFinding(
        tidy(value),
        text,
        qualifier,
        unit,
        counts,
        unit_token.i if unit_token is not None else None,
        action,
        actor,
        subject,
        held,
        window and unit_token is not None and unit_token.lemma_.lower() in DURATION_UNITS,
        looking_back,
    )


def _measure_before(last: Token, unit_token: Token | None) -> str | None:
    """The measure a number is written in when a noun it describes follows ("a 60 basis point improvement",
    "a two percentage point rise"): the measure is the unit, not the thing it describes."""
    if unit_token is None:
        return None
    doc = last.doc
    between = doc[last.i + 1 : unit_token.i]
    at = next((t for t in between if t.lemma_.lower() in MEASURE_NOUNS), None)
    return None if at is None else doc[last.i + 1 : at.i + 1].text


_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


def _singular_duration(unit: Token, value: float) -> bool:
    """ "the very long two minute (delay)": a duration in the singular after a number other than one
    describes something; it counts nothing."""
    return unit.lemma_.lower() in DURATION_UNITS and value != 1 and unit.tag_ == "NN" and unit.lower_ == unit.lemma_


def _an_age(unit: Token) -> bool:
    """ "a 50 year-old man", "the 68 year old": a duration that gives someone's age."""
    doc = unit.doc
    after = [t.lower_ for t in doc[unit.i + 1 : unit.i + 3]]
    return unit.lemma_.lower() in DURATION_UNITS and (after[:1] == ["old"] or after == ["-", "old"])


def _tidy_unit(unit: str) -> str:
    """ "miles-" (a dash the tokenizer left on) is miles; "m.p.h." is mph."""
    unit = unit.rstrip("-‐–")
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}[A-Za-z]?\.?|[A-Za-z]\.[A-Za-z]", unit):
        unit = unit.replace(".", "")
    return unit


def _point_in_time(unit: Token) -> bool:
    """ "the shutdown is two weeks away", "10 days from now": a duration that says when ahead, not how long
    or how much (`TIME_POINT_AFTER`)."""
    if unit.lemma_.lower() not in DURATION_UNITS:
        return False
    doc = unit.doc
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    if after is None:
        return False
    if after.lower_ == "from":
        return doc[unit.i + 2 : unit.i + 3].text.lower() in {"now", "today", "tomorrow"}
    return after.lower_ in TIME_POINT_AFTER


def _time_spent_talking(unit: Token) -> bool:
    """ "The President has been talking now for three days about …": how long a speaker has kept at a subject,
    a figure of speech rather than of the story. A finished talk's length is one ("the leaders talked for
    four hours")."""
    if unit.lemma_.lower() not in DURATION_UNITS or unit.dep_ != "pobj" or unit.head.lower_ not in {"for", "over"}:
        return False
    verb = unit.head.head
    return verb.tag_ == "VBG" and verb.lemma_.lower() in TALKING_VERBS


def _rate(doc: Doc, i: int) -> str | None:
    """The period of a rate written after a figure ("a day", "per year", "each month"), or None: "$35 a
    month" is a monthly cost, not $35."""
    if i + 1 >= len(doc) or doc[i].lower_ not in RATE_WORDS:
        return None
    period = doc[i + 1].lemma_.lower()
    if i + 2 < len(doc) and doc[i + 2].lower_ in NOT_A_RATE_AFTER:
        return None  # "13 hostages a day after the truce began": a time, not a rate
    return period if period in DURATION_UNITS and doc[i + 1].tag_ == "NN" else None


def _before_aside(doc: Doc, start: int) -> int:
    """Where the words before a number end, past a short spoken aside: "about, I believe, 20 leaders" reads
    as "about 20 leaders"."""
    if start < 2 or doc[start - 1].text != ",":
        return start
    for comma in range(start - 2, max(start - 5, 0), -1):
        if doc[comma].text == ",":
            aside = doc[comma + 1 : start - 1]
            return comma if aside[0].pos_ == "PRON" and any(t.pos_ == "VERB" for t in aside) else start
    return start


def _joined_to_word(first: Token) -> bool:
    """A number word written onto the word before it with a hyphen: "net-zero", "zero-sum"."""
    doc = first.doc
    if first.i < 2 or doc[first.i - 1].text not in {"-", "‑"} or doc[first.i - 1].whitespace_:
        return False
    word = doc[first.i - 2]
    return word.is_alpha and not word.like_num and not word.whitespace_


def _weak_count(number_tokens: list[Token]) -> str | None:
    """Why a spelled-out number likely counts nothing a reader would chart, or None: "one particular option",
    "zero evidence": words that are seldom counts."""
    if all(t.lower_ in WEAK_NUMBER_WORDS for t in number_tokens):
        return "a spelled-out one or zero"
    return None


def _reference(number_tokens: list[Token], value: float) -> str | None:
    """Why a number names a group the text already has rather than counting news, or None: "my two boys",
    "our 50 states" (a possessive's own set), "those two nations" (a demonstrative's), "the two leaders" (a
    few spelled out after "the"), "the two most significant players" (a ranking)."""
    doc = number_tokens[0].doc
    first, last = number_tokens[0], number_tokens[-1]
    if first.i > 0 and doc[first.i - 1].tag_ == "PRP$":
        return "a possessive's own group"
    if first.i > 0 and doc[first.i - 1].lower_ in {"those", "these"}:
        return "a group named before"  # "those two nations": the speaker points back, not a count
    if first.i > 0 and doc[first.i - 1].lower_ == "the" and first.is_alpha and value <= 3:
        return "a group named before"  # "the two leaders", "the two sides": a pair the story already has
    if last.i + 1 < len(doc) and doc[last.i + 1].tag_ in {"JJS", "RBS"}:
        return "a ranking"
    counted = last.head if last.dep_ == "nummod" else None
    if (
        counted is not None
        and counted.dep_ == "attr"
        and counted.head.lemma_ == "be"
        and not any(c.dep_ in {"det", "poss"} for c in counted.children)
        and value < 10  # a group's size a speaker describes, not a count the news reports
    ):
        subject = next((c for c in counted.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in DESCRIBING_SUBJECTS:
            return "a description"  # "these are two men that have known each other": who, not how many
    return None


def _negated_or_pronoun(doc: Doc, tokens: list[Token]) -> bool:
    """ "not one Republican voted": no quantity; "one of those moments", "one of his advisors": a pronoun."""
    if not tokens:
        return False
    first, last = tokens[0], tokens[-1]
    if first.i > 0 and doc[first.i - 1].lower_ in NEGATIONS:
        return True
    return last.lower_ == "one" and last.i + 1 < len(doc) and doc[last.i + 1].lower_ == "of"


def _countable(unit: Token, value: float) -> bool:
    """A figure counts what a reader would chart or quote: not "2 questions" or "1 thing" of speech."""
    lemma = unit.lemma_.lower()
    return lemma not in DISCOURSE_NOUNS and lemma.rstrip("s") not in _FRACTIONS  # "down two thirds": a share


_FRACTIONS = {"half", "halve", "third", "quarter", "fourth", "fifth", "sixth", "eighth", "tenth"}


def _names_a_model(first: Token, last: Token) -> bool:
    """ "iPhone 14 Pro", "Section 427 Row", "575 Wilbraham Road", "the S&P 500": a number inside a name."""
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and (after.text in {"%", "percent"} or _temperature(last) is not None):
        return False
    unit_follows = after is not None and after.is_alpha and after.is_lower and after.lower_ not in {"index", "points"}
    named_before = before is not None and before.pos_ == "PROPN" and not before.is_lower
    if before is not None and named_before and before.text not in _CURRENCIES and not unit_follows:
        # "Section 427", "the S&P 500 index", but not "Berkshire Hathaway Energy's 550 megawatt farm"
        return not (before.ent_type_ in {"DATE", "MONEY"} or before.lower_ in _MONTHS)
    capitalised = before is not None and before.text[:1].isupper() and before.is_alpha
    if before is not None and capitalised and unit_follows and not before.is_sent_start:
        # "Planet 9 citizen scientists", "the S P 500 utilities": a name's number before a common noun; not a
        # measure ("Energys 550 megawatt"), a month's day or a place's count ("Gaza 1,200 people" is no name)
        possessive = before.lower_.endswith("s") and before.text[1:].islower()
        measure = after is not None and (
            after.lower_ in UNIT_SYMBOLS or after.lemma_.lower() in MEASURE_WORDS | DURATION_UNITS
        )
        return not (
            possessive
            or measure
            or before.text in _CURRENCIES
            or before.lower_ in _MONTHS
            or before.ent_type_ in {"DATE", "MONEY", "NORP", "GPE", "LOC"}
        )
    if after is not None and _glued_letter(last, after):
        return True  # "3G and 4G networks": a generation's name, not three networks
    return (
        after is not None
        and after.pos_ in {"PROPN", "NOUN"}
        and after.text[:1].isupper()
        and after.is_alpha
        and len(after.text) > 2
        and after.text[1:].islower()  # "Road", "Pro"; not units such as "GWh", "MPa"
        and after.ent_type_ != "NORP"  # "22 Americans"
        and not after.is_sent_start
    )


def _glued_letter(number: Token, after: Token) -> bool:
    """A capital letter written onto a number ("3G", "5G"), other than a unit or scale letter ("30C", "10K")."""
    return (
        not number.whitespace_
        and len(after.text) == 1
        and after.text.isupper()
        and after.text not in UNIT_LETTERS
        and any(c.isdigit() for c in number.text)
    )


_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"} | {
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"
}  # fmt: skip


def _says_percent(tokens: list[Token], after: Token | None) -> bool:
    texts = [t.lower_ for t in tokens]
    if after is not None:
        texts += [after.lower_] + ([after.nbor().lower_] if after.i + 1 < len(after.doc) else [])
    return "percent" in texts or "pct" in texts or any(a == "per" and b == "cent" for a, b in itertools.pairwise(texts))


def _unit_word(tokens: list[Token], last: Token) -> Token | None:
    """A noun inside the model's quantity or money span after the number: "18.97 yuan", "5 miles"."""
    nouns = [t for t in tokens if t.i > last.i and t.pos_ in {"NOUN", "PROPN"} and t.is_alpha]
    return nouns[0] if nouns else None


def _hyphen_unit(number: Token) -> str | None:
    """The unit of a compound adjective: "a 6.1-inch screen" → inch, "a 50-year-old man" → year-old."""
    doc = number.doc
    i = number.i
    if i + 2 >= len(doc) or doc[i + 1].text != "-" or not doc[i + 2].is_alpha or doc[i + 2].like_num:
        return None
    if doc[i + 2].lower_ == "plus":
        return None  # "400-plus entities": more than 400 entities
    if not any(c.isdigit() for c in number.text) or doc[i + 2].lower_.rstrip("s") in _FRACTIONS:
        return None  # "a four-door car", "two-thirds": a description or a fraction, not a measure
    unit = doc[i + 2].text
    if i + 4 < len(doc) and doc[i + 3].text == "-" and doc[i + 4].lower_ == "old":
        return f"{unit}-old"
    return unit


def _number_of(number: Token) -> Token | None:
    """What a bare number counts when "the number of X" stands a few words before it with no other number
    between ("we updated the number of Americans killed to 27": 27 Americans); None otherwise."""
    doc = number.doc
    for k in range(number.i - 1, max(number.i - _NUMBER_OF_REACH, 0), -1):
        if doc[k].like_num:
            return None
        if (
            doc[k].lower_ == "number"
            and k + 2 < number.i
            and doc[k + 1].lower_ == "of"
            and doc[k + 2].pos_ in {"NOUN", "PROPN"}
        ):
            return doc[k + 2]
    return None


_NUMBER_OF_REACH = 16
"""Words back from a bare number within which "the number of X" says what it counts."""


def _negative(first: Token) -> bool:
    """A number written below zero: "-5", "−1.3%", "minus 20", "negative 3 percent"."""
    before = first.doc[first.i - 1] if first.i > 0 else None
    joined = _MINUS_JOINED.match(first.text)
    return (
        first.text[:1] in {"-", "−"} or joined is not None or (before is not None and before.lower_ in NEGATIVE_WORDS)
    )


_MINUS_JOINED = re.compile(r"^(?:minus|negative)-(\d[\d,]*(?:\.\d+)?)$", re.IGNORECASE)
"""A number with its sign written as a word joined on: "minus-130"."""


def _temperature(number: Token) -> str | None:
    """ "20 degrees Celsius", "387 Fahrenheit", "-5 °C": a temperature, named with its scale."""
    doc = number.doc
    words = [t.text for t in doc[number.i + 1 : number.i + 3]]
    degrees = bool(words) and words[0].lower() in {"degree", "degrees", "deg", "°"}
    scale_word = words[1] if degrees and len(words) > 1 else words[0] if words and not degrees else None
    if scale_word is None or (len(scale_word) == 1 and not degrees):
        return None  # "C" and "F" are a scale only after "degrees": "Section 12 C" is no temperature
    scale = TEMPERATURE_SCALES.get(scale_word.lower())
    return f"degrees {scale}" if scale else None


def _area_unit(after: Token | None, attached: str | None) -> str | None:
    """ "sq m", "square feet": an area unit of two words after a number, or "3923sq m" with its first word
    written onto the number."""
    if after is None:
        return None
    if attached is not None:
        return f"{attached} {after.text}" if attached.lower() in AREA_WORDS and after.lower_ in LENGTH_UNITS else None
    following = after.doc[after.i + 1] if after.i + 1 < len(after.doc) else None
    if after.lower_ in AREA_WORDS and following is not None and following.lower_ in LENGTH_UNITS:
        return f"{after.text} {following.text}"
    return None


def _is_number_part(token: Token) -> bool:
    """A digit run, a number word, a scale ("million") or a currency or percent sign."""
    return (
        token.like_num
        or token.text in _CURRENCIES
        or token.lower_ in _SCALE_PARTS
        or bool(_ATTACHED.match(token.text))
        or bool(_MINUS_JOINED.match(token.text))
        or _coded(token) is not None
    )


def _unit_token(number: Token, span_end: int, plural: bool = True) -> Token | None:
    doc = number.doc
    head = number.head
    if (
        number.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod"}
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i > number.i
    ):
        measure = doc[number.i + 1] if number.i + 1 < head.i else None
        if plural and head.tag_ == "NN" and measure is not None and measure.tag_ == "NN" and measure.head == head:
            # "a 12 page document", "a 60 basis point rise": twelve does not count one document; it
            # counts pages (compare "200 aid trucks", where the plural head is what is counted)
            while measure.i + 1 < head.i and doc[measure.i + 1].tag_ == "NN" and doc[measure.i + 1].head == head:
                measure = doc[measure.i + 1]
            return measure
        return head
    # "60 of the hostages", "killing 12 (people)": the number stands for the noun.
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}), None)
            if obj is not None:
                return obj
    if span_end < len(doc) and doc[span_end].pos_ == "NOUN" and doc[span_end].head.i != number.i:
        nxt = doc[span_end]
        if not nxt.is_punct and nxt.i == number.i + 1:
            return nxt
    return None


def _noun_phrase(noun: Token) -> str:
    """The counted thing with its modifiers: "Israeli hostages", "Palestinian prisoners"."""
    doc = noun.doc
    start = noun.i
    while (
        start - 1 >= 0
        and doc[start - 1].dep_ in {"amod", "compound"}
        and doc[start - 1].head.i in range(start, noun.i + 1)
        and not doc[start - 1].like_num
    ):
        start -= 1
    return doc[start : noun.i + 1].text


def _action(noun: Token) -> tuple[str | None, int | None, int | None]:
    """The verb the figure takes part in, its doer, and what it is about."""
    token = noun
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head
    verb = token.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == token.i:
        return None, None, None
    actor = subject = None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.i != noun.i:
            actor = child.i
        elif child.dep_ == "nsubjpass":
            subject = child.i
        elif child.dep_ == "agent":
            by = next((c for c in child.children if c.dep_ == "pobj"), None)
            actor = by.i if by is not None else actor
    if token.dep_ in {"nsubj", "nsubjpass"} and noun.i in {token.i}:
        subject = None
    return verb.text, actor, subject

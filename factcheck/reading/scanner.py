"""Find every figure in a run of prose: numbers, dates, shares and ranges, with what each states.

Each reader (:mod:`~factcheck.reading.numbers`, :mod:`~factcheck.reading.dates`) proposes
candidates; the longest candidate that starts first wins (a date beats the number inside it), and
neighbours are then combined: "eighty" + "percent", "four" + "out of" + "five", and two figures
joined by a dash, "to", or framed by "between … and" / "from … to" into one range.

Two modes.  Reading a ``fact`` role (``statement=True``) reads everything the author may mean:
"one", "first", "half".  Scanning prose for unbound figures leaves out words that are rarely
claims: a single word for one ("one", French "un", German "ein": a pronoun or an article far more
often than a count) and ordinal words ("the first time", "a second round") — written as words,
an ordinal is a count only when the author binds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache
from typing import Any

from factcheck.reading.dates import DateMatch, date_patterns, read_date
from factcheck.reading.hedges import trailing_hedge
from factcheck.reading.lexicon import Lexicon, alternation
from factcheck.reading.numbers import (
    VULGAR,
    NumberMatch,
    digits_pattern,
    find_word_numbers,
    read_digits,
    read_vulgar,
    read_word_fraction,
    vulgar_pattern,
    word_fraction_pattern,
)
from factcheck.values.base import Amount, BadValue
from factcheck.values.dates import DateValue, make_date
from factcheck.values.numbers import FractionValue, NumberValue, PercentValue
from factcheck.values.ranges import RangeValue


@dataclass(frozen=True)
class Figure:
    """One figure found in a text: where it is, how it is written, and what it states.

    ``value`` is ``None`` when the figure cannot be read as written (an impossible date, an
    ambiguous numeric date); ``problem`` then says why.
    """

    start: int
    end: int
    text: str
    value: Any
    problem: str = ""
    ambiguous: bool = False
    words: bool = False
    loose: bool = False

    @property
    def kind(self) -> str:
        return str(self.value.kind) if self.value is not None else "unreadable"


# Candidates of equal span: a date says more than a number, a share more than a count.
_PRIORITY = {"date": 3, "range": 3, "fraction": 2, "percent": 2, "number": 1, "unreadable": 0}


def find_figures(text: str, lexicon: Lexicon, *, statement: bool = False,
                 words: bool = True) -> list[Figure]:
    """Every figure in ``text``, in order, without overlap."""
    if not _may_hold_figures(text, lexicon, words, statement):
        return []
    candidates = _candidates(text, lexicon, words, statement)
    if not statement:
        # A loosely read date ("jan twenty two, 2018") is dropped before it can swallow the
        # figures inside it: the year stays a figure.
        candidates = [c for c in candidates if not c.loose]
    chosen = _resolve(candidates)
    combined = _combine(text, chosen, lexicon)
    if statement:
        return combined
    return [f for f in combined if not _rarely_a_claim(f, text)]


def _may_hold_figures(text: str, lexicon: Lexicon, words: bool, statement: bool = False) -> bool:
    if statement or _DIGIT_OR_VULGAR.search(text):
        return True
    return words and bool(_word_prefilter(lexicon).search(text))


# One regex search instead of a Python test per character: most prose has no figure at all.
# ``\d`` is what the digit patterns read (a superscript "²" is no figure by itself).
_DIGIT = re.compile(r"\d")
_DIGIT_OR_VULGAR = re.compile("[\\d" + re.escape("".join(VULGAR)) + "]")


@lru_cache(maxsize=16)
def _word_prefilter(lexicon: Lexicon) -> re.Pattern[str]:
    parts = []
    if lexicon.number_words is not None:
        parts.append(lexicon.number_words.pattern)
    if lexicon.tens_plural:
        parts.append(r"(?i:\b(?:" + "|".join(lexicon.tens_plural) + r")\b)")
    # "XVIIIe siècle": a century in Roman numerals holds neither digits nor number words.
    parts.append(r"(?i:\b(?:" + "|".join(map(re.escape, lexicon.grammar.century_words)) + r")\b)")
    return re.compile("|".join(parts))


@lru_cache(maxsize=16)
def _gates(lexicon: Lexicon) -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    """Cheap tests that tell which date patterns can match a text at all: a month name, a
    century word, a word for part of a period.  Most prose has none, and each date pattern
    tried on it costs more than the test."""
    names = alternation(lexicon.months, spaced=False)
    month = re.compile(rf"(?i)(?<![^\W\d_])(?:{names})(?![^\W\d_])")
    centuries = tuple(w.casefold() for w in lexicon.grammar.century_words)
    parts = tuple(w.casefold() for w in lexicon.grammar.parts)
    return month, centuries, parts


def _candidates(text: str, lexicon: Lexicon, words: bool, statement: bool) -> list[Figure]:
    found: list[Figure] = []
    has_digit = _DIGIT.search(text) is not None
    month_gate, century_words, part_words = _gates(lexicon)
    folded = text.casefold()
    has_month = month_gate.search(text) is not None
    has_century = any(w in folded for w in century_words)
    has_part = any(w in folded for w in part_words)
    for name, pattern in date_patterns(lexicon):
        if not has_digit and name in ("iso", "numeric", "ymd", "part_year", "decade",
                                      "short_decade"):
            continue
        if name == "month" and not statement:
            continue  # a month alone is a date only where the author binds it
        if (not has_month and "(?P<month>" in pattern.pattern
                or name == "century" and not has_century
                or name == "part_year" and not has_part):
            continue
        for match in pattern.finditer(text):
            date = read_date(name, match, lexicon)
            if date is not None and (words or not date.words):
                found.append(_from_date(text, date))
    if has_digit:
        for match in digits_pattern(lexicon).finditer(text):
            number = read_digits(match, lexicon)
            if number is not None:
                found.append(_from_number(text, number))
    for match in vulgar_pattern().finditer(text):
        found.append(_from_number(text, read_vulgar(match)))
    if has_digit and "-" in text:
        found.extend(_hyphen_ends(text, lexicon))
    if words:
        found.extend(_from_number(text, n) for n in find_word_numbers(text, lexicon))
        if (pattern := word_fraction_pattern(lexicon)) is not None:
            for match in pattern.finditer(text):
                fraction = read_word_fraction(match, lexicon)
                if fraction is not None:
                    found.append(_from_number(text, fraction))
    return found


def _from_date(text: str, date: DateMatch) -> Figure:
    return Figure(date.start, date.end, text[date.start:date.end], date.value, date.problem,
                  date.ambiguous, date.words, date.loose)


def _from_number(text: str, number: NumberMatch) -> Figure:
    value: Any
    if number.percent:
        value = PercentValue(number.amount, ordinal=number.ordinal)
    elif number.fraction:
        value = FractionValue(number.amount)
    else:
        amount = number.amount.value
        year_like = number.year_like or (number.words and not number.ordinal
                                         and amount.denominator == 1 and 1000 <= amount <= 2999)
        value = NumberValue(number.amount, ordinal=number.ordinal, year_like=year_like)
    return Figure(number.start, number.end, text[number.start:number.end], value,
                  words=number.words)


def _hyphen_ends(text: str, lexicon: Lexicon) -> list[Figure]:
    """The second number of "1000-5000", "5k-20k", "18-19": the digit reader does not start a
    number right after a hyphen (it would be a sign); here it does, after a figure's end."""
    found = []
    # "1920--1950": two hyphens are a dash where smart quotes did not turn them into one.
    for match in re.finditer(r"(?<=[\dkKmM])--?(?=\d)", text):
        start = match.end()
        for number in digits_pattern(lexicon).finditer(" " + text[start:]):
            read = read_digits(number, lexicon)
            if read is not None and number.start() == 1:
                shifted = replace(read, start=start, end=start + number.end() - 1)
                found.append(_from_number(text, shifted))
            break
    return found


def _resolve(candidates: list[Figure]) -> list[Figure]:
    ordered = sorted(candidates, key=lambda f: (f.start, -(f.end - f.start),
                                                -_PRIORITY[f.kind]))
    chosen: list[Figure] = []
    for figure in ordered:
        if chosen and figure.start < chosen[-1].end:
            continue
        chosen.append(figure)
    return chosen


def _rarely_a_claim(figure: Figure, text: str) -> bool:
    if figure.loose:
        return True
    value = figure.value
    if not figure.words or value is None:
        return False
    if isinstance(value, NumberValue | PercentValue):
        if value.ordinal and not isinstance(value, PercentValue):
            return True  # "the first time", "a second round"
        # "one" alone, French "un"/"une", German "ein": a pronoun or an article far more often
        # than a count, in every language.
        return value.amount.value == 1 and re.fullmatch(r"[^\W\d_]+", figure.text) is not None
    if isinstance(value, FractionValue):
        if figure.text.casefold() == "half":
            return True  # "half of them", "the first half"
        # "a third line", "one fifth column": a share only when it is a share *of* something.
        single = re.match(r"(?i)(?:an?|one)[\s-]", figure.text) is not None
        return single and re.match(r"\s+of\b", text[figure.end:]) is None
    return False


# --------------------------------------------------------------------------- combining


def _combine(text: str, figures: list[Figure], lexicon: Lexicon) -> list[Figure]:
    figures = _join_pairs(text, figures, lexicon, _scaled)
    figures = _join_pairs(text, figures, lexicon, _and_fraction)
    figures = [_with_scale_word(text, f, lexicon) for f in figures]
    figures = [_with_percent_word(text, _negative(text, f, lexicon), lexicon) for f in figures]
    # A figure that grew over the next one ("quatre-vingts pour cent" over "cent") keeps it.
    figures = _without_overlaps(figures)
    figures = _join_pairs(text, figures, lexicon, _out_of)
    figures = _join_pairs(text, figures, lexicon, _year_in_words)
    figures = _join_pairs(text, figures, lexicon, _range)
    return _join_pairs(text, figures, lexicon, _range_year)


def _range_year(text: str, low: Figure, high: Figure, lexicon: Lexicon) -> Figure | None:
    """"November 18–19, 1939", "Jan 1 – 2, 2000": the year after a range of days is both
    ends' (the start's is a year earlier when the range crosses New Year)."""
    stated = low.value
    if not (isinstance(stated, RangeValue) and isinstance(stated.low, DateValue)
            and isinstance(stated.high, DateValue) and stated.high.year is None
            and stated.high.month is not None and isinstance(high.value, NumberValue)
            and high.value.year_like and re.fullmatch(r",?\s+", text[low.end:high.start])):
        return None
    year = int(high.value.amount.value)
    first, last = stated.low, stated.high
    start_year = year - 1 if (first.month or 0) > last.month else year
    try:
        ends = (make_date(start_year, first.month, first.day, precision=first.precision),
                make_date(year, last.month, last.day, precision=last.precision))
    except BadValue:
        return None
    return _span(text, low.start, high.end, RangeValue(*ends), low, high)


def _without_overlaps(figures: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for figure in figures:
        if out and figure.start < out[-1].end:
            continue
        out.append(figure)
    return out


def _scaled(text: str, low: Figure, high: Figure, lexicon: Lexicon) -> Figure | None:
    """"five and a half" + "million", "twenty-one trillion" + "three hundred"."""
    if not isinstance(low.value, NumberValue | FractionValue) or not isinstance(
            high.value, NumberValue) or text[low.end:high.start].strip() not in ("", "and"):
        return None
    if high.text.casefold() in lexicon.scale_words:  # a scale word alone multiplies
        amount = Amount(low.value.amount.value * high.value.amount.value, Fraction(1))
        return _span(text, low.start, high.end, NumberValue(amount), low, high)
    low_value, high_value = low.value.amount.value, high.value.amount.value
    if (low.words and high.words and low_value >= 10**12 and low_value % 10**12 == 0
            and 0 < high_value < 10**12):
        amount = Amount(low_value + high_value, Fraction(1))
        return _span(text, low.start, high.end, NumberValue(amount), low, high)
    return None


def _and_fraction(text: str, low: Figure, high: Figure, lexicon: Lexicon) -> Figure | None:
    """"three and a fifth", "two million and one half" (half a million), "3 million and a
    quarter"."""
    if not (isinstance(low.value, NumberValue) and isinstance(high.value, FractionValue)
            and not low.value.ordinal and high.words and high.value.amount.value < 1
            and re.fullmatch(r"(?i)\s+and\s+", text[low.end:high.start])):
        return None
    scale = next((v for w, v in lexicon.scale_words.items()
                  if low.text.casefold().endswith(w)), 1)
    value = low.value.amount.value + high.value.amount.value * scale
    return _span(text, low.start, high.end, NumberValue(Amount(value, Fraction(0))), low, high)


def _with_scale_word(text: str, figure: Figure, lexicon: Lexicon) -> Figure:
    """"half million", "half a million", "two thirds of a million", "3 dozen"."""
    value = figure.value
    if isinstance(value, FractionValue) and figure.words:
        words = "|".join(re.escape(w) for w in lexicon.scale_words) or "(?!)"
        match = re.match(rf"(?i)\s+(?:of\s+)?(?:an?\s+)?({words})\b", text[figure.end:])
        if match:
            amount = Amount(value.amount.value * lexicon.scale_words[match.group(1).casefold()])
            end = figure.end + match.end()
            return replace(figure, end=end, text=text[figure.start:end], value=NumberValue(amount))
    if isinstance(value, NumberValue) and lexicon.language == "en":
        match = re.match(r"(?i)\s+dozens?\b", text[figure.end:])
        if match:
            end = figure.end + match.end()
            amount = Amount(value.amount.value * 12, Fraction(1))
            return replace(figure, end=end, text=text[figure.start:end], value=NumberValue(amount))
    return figure


def _negative(text: str, figure: Figure, lexicon: Lexicon) -> Figure:
    """"minus 5", "negative one"."""
    value = figure.value
    words = lexicon.grammar.negative_words
    if not words or not isinstance(value, NumberValue | PercentValue) or value.amount.value < 0:
        return figure
    match = re.search(rf"(?i)\b(?:{'|'.join(map(re.escape, words))})\s+$", text[:figure.start])
    if not match or trailing_hedge(text[:figure.start], lexicon) is not None:
        return figure  # French "au moins 5" is at least 5, not "au" and minus 5
    return replace(figure, start=match.start(), text=text[match.start():figure.end],
                   value=replace(value, amount=-value.amount))


def _with_percent_word(text: str, figure: Figure, lexicon: Lexicon) -> Figure:
    if not figure.words or not isinstance(figure.value, NumberValue):
        return figure
    words = "|".join(re.escape(w) for w in lexicon.grammar.percent_words)
    match = re.match(rf"\s+(?:{words})\b", text[figure.end:], re.IGNORECASE)
    if not match:
        return figure
    end = figure.end + match.end()
    return replace(figure, end=end, text=text[figure.start:end],
                   value=PercentValue(figure.value.amount))


def _join_pairs(text: str, figures: list[Figure], lexicon: Lexicon, join: Any) -> list[Figure]:
    out: list[Figure] = []
    index = 0
    while index < len(figures):
        if index + 1 < len(figures):
            joined = join(text, figures[index], figures[index + 1], lexicon)
            if joined is not None:
                out.append(joined)
                index += 2
                continue
        out.append(figures[index])
        index += 1
    return out


def _span(text: str, start: int, end: int, value: Any, *parts: Figure) -> Figure:
    return Figure(start, end, text[start:end], value, words=any(p.words for p in parts))


def _out_of(text: str, low: Figure, high: Figure, lexicon: Lexicon) -> Figure | None:
    if not (isinstance(low.value, NumberValue) and isinstance(high.value, NumberValue)):
        return None
    words = "|".join(re.escape(w) for w in lexicon.grammar.out_of)
    if not words or not re.fullmatch(rf"\s+(?:{words})\s+", text[low.end:high.start], re.I):
        return None
    if high.value.year_like or low.value.ordinal or high.value.ordinal:
        return None  # "3 in 1939", "the first in ten"
    whole = high.value.amount.value
    if whole == 0 or low.value.amount.value > whole:
        return None
    share = Amount(low.value.amount.value / whole)
    return _span(text, low.start, high.end, FractionValue(share), low, high)


def _year_in_words(text: str, low: Figure, high: Figure, lexicon: Lexicon) -> Figure | None:
    """"nineteen thirty-nine": two word numbers that make a year."""
    if not (low.words and high.words and isinstance(low.value, NumberValue)
            and isinstance(high.value, NumberValue) and lexicon.language == "en"):
        return None
    first, second = low.value.amount.value, high.value.amount.value
    gap = text[low.end:high.start]
    # "nineteen thirty-nine", and "nineteen oh one" (the "oh" is a zero text2num leaves out)
    oh = re.fullmatch(r"(?i)\s+(?:oh|o|zero|nought)\s+", gap) is not None and second < 10
    # "nineteen five" is two numbers; a year's second half is 10–99, or "oh" and a unit.
    if not ((gap.isspace() and second >= 10 or oh) and 11 <= first <= 99 and 1 <= second <= 99
            and first.denominator == second.denominator == 1):
        return None
    year = Amount(first * 100 + second, Fraction(1))
    return _span(text, low.start, high.end, NumberValue(year, year_like=True), low, high)


def _range(text: str, low: Figure, high: Figure, lexicon: Lexicon) -> Figure | None:
    if low.value is None or high.value is None:
        return None
    gap = text[low.end:high.start]
    start = low.start
    grammar = lexicon.grammar
    articles = "|".join(map(re.escape, grammar.articles)) or "(?!)"
    connector = re.fullmatch(r"\s*[\u2013\u2014]\s*|--?|\s+--?\s+", gap) or re.fullmatch(
        rf"\s+(?:{'|'.join(map(re.escape, grammar.range_words))})\s+(?:(?:{articles})\s+)?",
        gap, re.IGNORECASE)
    for opening, joining in grammar.range_frames:
        frame = re.search(rf"(?i)\b{re.escape(opening)}\s+(?:(?:{articles})\s+)?$",
                          text[:low.start])
        if frame and re.fullmatch(rf"(?i)\s+{re.escape(joining)}\s+(?:(?:{articles})\s+)?",
                                  gap):
            start, connector = frame.start(), True
            break
    if not connector:
        return None
    ends = _range_ends(low.value, high.value)
    if ends is None:
        return None
    return _span(text, start, high.end, RangeValue(*ends), low, high)


def _range_ends(low: Any, high: Any) -> tuple[Any, Any] | None:
    """Both ends as values of one kind, with what one end lends the other ("30 October – 1
    November 1939": the year; "4–22 January 1995": the month and the year)."""
    if isinstance(low, DateValue) and isinstance(high, DateValue):
        if low.year is None and high.year is not None and high.century_known:
            year = high.year if (low.month or 0) <= (high.month or 0) else high.year - 1
            low = make_date(year, low.month, low.day, precision=low.precision, part=low.part)
        return low, high
    if isinstance(low, DateValue) and isinstance(high, NumberValue):
        # "November 18-19", "April 9th through 17th", "April 27 to the third" (of May)
        day = high.amount.value
        if low.precision != "day" or day.denominator != 1 or not 1 <= day <= 31 or high.year_like:
            return None
        month, year = low.month or 1, low.year
        if day <= (low.day or 0):
            month, year = (1, year + 1 if year else None) if month == 12 else (month + 1, year)
        try:
            return low, make_date(year, month, int(day))
        except BadValue:
            return None
    if isinstance(low, NumberValue) and isinstance(high, DateValue):
        day = low.amount.value
        if high.precision == "day" and day.denominator == 1 and 1 <= day < (high.day or 0):
            return make_date(high.year, high.month, int(day)), high
        return None
    if isinstance(low, NumberValue) and isinstance(high, NumberValue):
        if low.year_like and _two_digits(high) and not high.ordinal:
            # "1939–40": the end of a span of years, written with its last two digits
            century = int(low.value) - int(low.value) % 100
            end = century + int(high.value)
            if end <= int(low.value):
                end += 100
            return low, NumberValue(Amount(Fraction(end), Fraction(1)), year_like=True)
        if low.ordinal or high.ordinal:
            return None
        return low, high
    if isinstance(low, NumberValue) and isinstance(high, PercentValue):
        return PercentValue(low.amount), high  # "10–20%"
    if type(low) is type(high) and isinstance(low, PercentValue | FractionValue):
        return low, high
    return None


def _two_digits(value: NumberValue) -> bool:
    number = value.amount.value
    return number.denominator == 1 and 0 <= number <= 99 and value.amount.step == 1

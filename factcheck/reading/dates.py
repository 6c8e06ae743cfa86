"""Dates in prose, read at the precision they are written with.

* month names, full or abbreviated (CLDR's, plus "Sept."), with or without the dot, any case
  (lower-case "may" and "march" excepted): "October 10, 1939", "Oct. 10 1939", "10 October 1939",
  "the 28th of September 1939", "Sept. 17", "September 17th", "October 1939", "April of 1987",
  "Dec-2018", "10. Oktober 1939", "1er octobre 1939";
* days and years in words: "the tenth of October", "October tenth", "nineteen thirty-nine";
* numeric dates: "1939-10-10", "2016-11", "1939.09.28", "28.9.1939", "28/9/1939", "9/28/1939" —
  day and month in the order of :func:`factcheck.reading.lexicon.date_order_of` or
  ``factcheck_date_order``; when the day could be a month and no order is stated the date is
  *ambiguous* and reported so, never guessed;
* decades: "the 1930s", "1930's", "the '30s", "the thirties", "1930er Jahre", "années 1930";
* centuries: "the 18th century", "the eighteenth century", "18. Jahrhundert", "XVIIIe siècle";
* parts of a period: "early September 1939", "mid-September", "late 1939", "mid-1940",
  "the early 1930s", "the late 18th century" (the bounds are in :mod:`factcheck.values.dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.reading.lexicon import Lexicon
from factcheck.values.base import BadValue
from factcheck.values.dates import DateValue, make_date


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: DateValue | None
    #: Why the date cannot be read as written ("ambiguous: 5/6/1939 …"); ``value`` is then None.
    problem: str = ""
    ambiguous: bool = False
    words: bool = False


def _alternation(words: object) -> str:
    ordered = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w) for w in ordered) or "(?!)"


@lru_cache(maxsize=16)
def date_patterns(lexicon: Lexicon) -> list[tuple[str, re.Pattern[str]]]:
    """The date patterns of a lexicon, each with the name of the reader that reads it."""
    g = lexicon.grammar
    month = rf"(?P<month>{_alternation(lexicon.months)})\.?"
    day_words = {w: n for w, n in lexicon.ordinal_words.items() if 1 <= n <= 31}
    day = (rf"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:{g.ordinal_suffix})?"
           rf"|{_alternation(day_words)})")
    year_words = _year_words(lexicon)
    year = rf"(?P<year>\d{{4}}(?!\d)|{year_words})" if year_words else r"(?P<year>\d{4}(?!\d))"
    of = rf"(?:\s+(?:{_alternation(g.of_words)}))?" if g.of_words else ""
    the = rf"(?:(?:{_alternation(g.articles)})\s+)?" if g.articles else ""
    part = rf"(?:(?P<part>{_alternation(g.parts)})[\s-]+)?"
    century = _alternation(g.century_words)
    flags = re.IGNORECASE | re.VERBOSE
    patterns = [
        ("iso", re.compile(r"(?<![\w.\-/])(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?"
                           r"(?![\w\-/]|[.,]\d)")),
        ("numeric", re.compile(r"(?<![\w.,/\-])(?P<a>\d{1,2})(?P<sep>[./\-])(?P<b>\d{1,2})"
                               r"(?P=sep)(?P<y>\d{4})(?![\w]|[./\-]\d)")),
        ("ymd", re.compile(r"(?<![\w.,/\-])(?P<y>\d{4})(?P<sep>[./])(?P<m>\d{1,2})"
                           r"(?P=sep)(?P<d>\d{1,2})(?![\w]|[./\-]\d)")),
        ("mdy", re.compile(rf"(?<![\w]){part}{month}\s+{the}{day}"
                           rf"(?![\w])(?:,?\s+{year})?(?![\w])", flags)),
        ("dmy", re.compile(rf"(?<![\w]){the}{day}{of}\s+{month}(?:,?{of}\s+{year})?(?![\w])",
                           flags)),
        ("my", re.compile(rf"(?<![\w]){the}{part}{month}(?:,\s*|{of}\s+|\s*-\s*){year}(?![\w])",
                          flags)),
        ("part_month", re.compile(rf"(?<![\w]){the}(?P<part>{_alternation(g.parts)})[\s-]+"
                                  rf"{month}(?![\w])", flags)),
        ("part_year", re.compile(rf"(?<![\w]){the}(?P<part>{_alternation(g.parts)})[\s-]+"
                                 r"(?P<year>\d{4})(?!\d|s\b|'s|’s|er)", flags)),
        ("decade", re.compile(rf"(?<![\w]){the}{part}{g.decade_prefix}(?P<decade>\d{{3}}0)"
                              rf"{g.decade_suffix}(?![\w])", flags)),
        ("short_decade", re.compile(rf"(?<![\w]){the}{part}['’](?P<decade>\d0)s(?![\w])",
                                    flags)),
        ("century", re.compile(rf"(?<![\w]){the}{part}(?:(?P<c>\d{{1,2}}){g.ordinal_suffix}"
                               rf"|(?P<cw>{_alternation(_century_words(lexicon))})"
                               rf"|(?P<roman>[IVXL]{{1,6}})(?:e|er|ème))[\s-]+(?:{century})"
                               r"(?![\w])", re.VERBOSE)),
    ]
    if lexicon.tens_plural:
        patterns.append(("tens_decade", re.compile(
            rf"(?<![\w])(?:the)\s+{part}(?P<tens>{_alternation(lexicon.tens_plural)})(?![\w])",
            flags)))
    return patterns


def _century_words(lexicon: Lexicon) -> dict[str, int]:
    return {w: n for w, n in lexicon.ordinal_words.items() if 1 <= n <= 21}


def _year_words(lexicon: Lexicon) -> str:
    """English years in words: "nineteen thirty-nine", "nineteen hundred"."""
    if lexicon.language != "en":
        return ""
    first = {w: n for w, n in lexicon.cardinal_words.items() if 10 <= n <= 99}
    second = {w: n for w, n in lexicon.cardinal_words.items() if 10 <= n <= 99}
    return (rf"(?:{_alternation(first)})[\s-]+(?:{_alternation(second)}|hundred"
            r"|o[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))")


def read_date(name: str, match: re.Match[str], lexicon: Lexicon) -> DateMatch | None:
    """The date a match of pattern ``name`` states; ``None`` if it is no date after all."""
    reader = _READERS[name]
    try:
        return reader(match, lexicon)
    except BadValue as exc:
        # An impossible date ("February 30, 1939") is a figure that states nothing true.
        return DateMatch(match.start(), match.end(), None, problem=str(exc))


def _read_iso(match: re.Match[str], lexicon: Lexicon) -> DateMatch | None:
    month = int(match.group("m"))
    if not 1 <= month <= 12:
        return None  # "1918-19" is a range of years, not a month
    day = int(match.group("d")) if match.group("d") else None
    value = make_date(int(match.group("y")), month, day)
    return DateMatch(match.start(), match.end(), value)


def _read_numeric(match: re.Match[str], lexicon: Lexicon) -> DateMatch | None:
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if a > 12 and b > 12 or a == 0 or b == 0:
        return None
    if a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    elif a == b or lexicon.date_order == "DMY":
        day, month = a, b
    elif lexicon.date_order == "MDY":
        day, month = b, a
    else:
        text = match.group()
        return DateMatch(match.start(), match.end(), None, ambiguous=True,
                         problem=f"{text!r} may be day {a} of month {b} or day {b} of month {a}; "
                                 "set factcheck_date_order = 'DMY' or 'MDY'")
    return DateMatch(match.start(), match.end(), make_date(year, month, day))


def _read_ymd(match: re.Match[str], lexicon: Lexicon) -> DateMatch:
    value = make_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return DateMatch(match.start(), match.end(), value)


def _read_named(match: re.Match[str], lexicon: Lexicon) -> DateMatch | None:
    month = lexicon.month(match.group("month"))
    if month is None:
        return None
    groups = match.groupdict()
    day = _day(groups.get("day"), lexicon)
    year = _year(groups.get("year"), lexicon)
    part = lexicon.grammar.parts.get((groups.get("part") or "").casefold())
    if part and day is not None:
        return None  # "early October 10" is not a way of writing a date
    words = any(_is_words(groups.get(k)) for k in ("day", "year"))
    precision = "day" if day is not None else "month"
    return DateMatch(match.start(), match.end(),
                     make_date(year, month, day, precision=precision, part=part), words=words)


def _read_part_year(match: re.Match[str], lexicon: Lexicon) -> DateMatch:
    part = lexicon.grammar.parts[match.group("part").casefold()]
    return DateMatch(match.start(), match.end(),
                     make_date(int(match.group("year")), precision="year", part=part))


def _read_decade(match: re.Match[str], lexicon: Lexicon) -> DateMatch:
    part = lexicon.grammar.parts.get((match.group("part") or "").casefold())
    short = len(match.group("decade")) == 2
    value = make_date(int(match.group("decade")), precision="decade", part=part,
                      century_known=not short)
    return DateMatch(match.start(), match.end(), value)


def _read_tens_decade(match: re.Match[str], lexicon: Lexicon) -> DateMatch:
    part = lexicon.grammar.parts.get((match.group("part") or "").casefold())
    tens = lexicon.tens_plural[match.group("tens").casefold()]
    value = make_date(tens, precision="decade", part=part, century_known=False)
    return DateMatch(match.start(), match.end(), value, words=True)


def _read_century(match: re.Match[str], lexicon: Lexicon) -> DateMatch | None:
    if match.group("c"):
        number = int(match.group("c"))
    elif match.group("cw"):
        number = _century_words(lexicon)[match.group("cw").casefold()]
    else:
        number = _roman(match.group("roman"))
    if not 1 <= number <= 100:
        return None
    part = lexicon.grammar.parts.get((match.group("part") or "").casefold())
    value = make_date((number - 1) * 100, precision="century", part=part)
    return DateMatch(match.start(), match.end(), value, words=bool(match.group("cw")))


def _day(text: str | None, lexicon: Lexicon) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    return lexicon.ordinal_words.get(text.casefold())


def _year(text: str | None, lexicon: Lexicon) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    parts = re.split(r"[\s-]+", text.casefold(), maxsplit=1)
    head = lexicon.cardinal_words[parts[0]]
    tail = parts[1]
    if tail == "hundred":
        return head * 100
    if tail.startswith("o"):
        return head * 100 + lexicon.cardinal_words[re.split(r"[\s-]+", tail)[1]]
    return head * 100 + lexicon.cardinal_words[tail.replace(" ", "-")]


def _is_words(text: str | None) -> bool:
    return bool(text) and not any(ch.isdigit() for ch in text or "")


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, ch in enumerate(text):
        value = values[ch]
        total += -value if i + 1 < len(text) and values[text[i + 1]] > value else value
    return total


_READERS = {
    "iso": _read_iso,
    "numeric": _read_numeric,
    "ymd": _read_ymd,
    "mdy": _read_named,
    "dmy": _read_named,
    "my": _read_named,
    "part_month": _read_named,
    "part_year": _read_part_year,
    "decade": _read_decade,
    "short_decade": _read_decade,
    "century": _read_century,
    "tens_decade": _read_tens_decade,
}

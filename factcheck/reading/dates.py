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
* a weekday before a day: "Tuesday, October 10, 1939", "Dienstag, den 10. Oktober 1939" (the
  judge checks it against the fact's day);
* parts of a period: "early September 1939", "mid-September", "late 1939", "mid-1940",
  "the early 1930s", "the late 18th century" (the bounds are in :mod:`factcheck.values.dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.reading.lexicon import Lexicon, alternation
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
    #: Read in a way prose seldom means unless it is bound ("three March": a cardinal as day).
    loose: bool = False


def _alternation(words: object) -> str:
    """Words as a regex alternation (a trie); "twenty-one" also matches "twenty one"."""
    return alternation(words)


def _word_value(text: str, table: dict[str, int]) -> int | None:
    """The number a (possibly hyphenated or spaced) number word stands for in ``table``."""
    key = re.sub(r"[\s-]+", " ", text.casefold())
    for word, value in table.items():
        if re.sub(r"[\s-]+", " ", word) == key:
            return value
    return None


@lru_cache(maxsize=16)
def date_patterns(lexicon: Lexicon) -> list[tuple[str, re.Pattern[str]]]:
    """The date patterns of a lexicon, each with the name of the reader that reads it."""
    g = lexicon.grammar
    # A dot follows an abbreviation ("Oct."), never a full name ("in October." ends a sentence).
    abbreviated = {m for m in lexicon.months if m not in lexicon.full_months}
    month = (rf"(?P<month>(?:{_alternation(abbreviated)})\.?(?![^\W\d_])"
             rf"|{_alternation(lexicon.full_months)})")
    day_words = {w: n for w, n in lexicon.ordinal_words.items() if 1 <= n <= 31}
    day_cardinals = {w: n for w, n in lexicon.cardinal_words.items() if 1 <= n <= 31}
    day = (rf"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:{g.ordinal_suffix})?"
           rf"|{_alternation(day_words)})")
    # After the month a day may be a cardinal word too ("May twenty nine").
    day_after = (rf"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:{g.ordinal_suffix})?"
                 rf"|{_alternation({**day_words, **day_cardinals})})")
    year_words = _year_words(lexicon)
    year = rf"(?P<year>\d{{4}}(?!\d)|{year_words})" if year_words else r"(?P<year>\d{4}(?!\d))"
    of = rf"(?:\s+(?:{_alternation(g.of_words)}))?" if g.of_words else ""
    before_year = rf"(?:,?(?:\s+(?:{_alternation(g.of_words + ('in',))}))?\s+)"
    the = rf"(?:(?:{_alternation(g.articles)})\s+)?" if g.articles else ""
    day_word = r"(?:\s+day)?" if lexicon.language == "en" else ""
    part = rf"(?:(?P<part>{_alternation(g.parts)})[\s-]+)?"
    century = _alternation(g.century_words)
    # "Tuesday, October 10, 1939", "Di., 10. Oktober 1939": a weekday is read, and checked.
    abbreviations = {v for a in lexicon.weekday_abbreviations for v in (a, a[:1].upper() + a[1:])}
    weekday = (rf"(?:(?P<weekday>{_alternation(lexicon.weekdays)}"
               rf"|(?-i:{_alternation(abbreviations)})\.?),?\s+)?")
    flags = re.IGNORECASE | re.VERBOSE
    patterns = [
        ("iso", re.compile(rf"(?<![\w.\-/]){weekday}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})"
                           r"(?:-(?P<d>\d{1,2}))?(?![\w\-/]|[.,]\d)", flags)),
        ("numeric", re.compile(rf"(?<![\w.,/\-]){weekday}(?P<a>\d{{1,2}})(?P<sep>[./\-])"
                               r"(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w]|[./\-]\d)", flags)),
        ("ymd", re.compile(rf"(?<![\w.,/\-]){weekday}(?P<y>\d{{4}})(?P<sep>[./])"
                           r"(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\w]|[./\-]\d)", flags)),
        ("mdy", re.compile(rf"(?<![\w]){weekday}{part}{month}\s+{the}{day_after}"
                           rf"(?![\w])(?:{before_year}{year})?(?![\w])", flags)),
        ("mdy", re.compile(rf"(?<![\w]){month}-{day}-{year}(?![\w])", flags)),
        ("dmy", re.compile(rf"(?<![\w]){weekday}{the}{day_after}{day_word}{of}\s+{month}"
                           rf"(?:{before_year}{year})?(?![\w])", flags)),
        ("dmy", re.compile(rf"(?<![\w]){day}-{month}-{year}(?![\w])", flags)),
        ("ymd", re.compile(rf"(?<![\w])(?P<year>\d{{4}})/{month}/{day}(?![\w])", flags)),
        ("my", re.compile(rf"(?<![\w]){the}{part}{month}(?:,\s*|{of}\s+|\s+in\s+|\s*[-/]\s*)"
                          rf"{year}(?![\w])", flags)),
        ("ym", re.compile(rf"(?<![\w])(?P<year>\d{{4}}),?\s+{month}(?!\s*\d)(?![\w])", flags)),
        ("part_month", re.compile(rf"(?<![\w]){the}(?P<part>{_alternation(g.parts)})[\s-]+"
                                  rf"{month}(?![\w])", flags)),
        ("part_year", re.compile(rf"(?<![\w]){the}(?P<part>{_alternation(g.parts)})[\s-]+"
                                 r"(?P<year>\d{4})(?!\d|s\b|'s|’s|er)", flags)),
        ("decade", re.compile(rf"(?<![\w]){the}{part}{g.decade_prefix}(?P<decade>\d{{3}}0)"
                              rf"{g.decade_suffix}(?![\w])", flags)),
        ("short_decade", re.compile(rf"(?<![\w]){the}{part}['’](?P<decade>\d0)s(?![\w])",
                                    flags)),
        ("century", re.compile(rf"(?<![\w]){the}{part}(?:(?P<c>\d{{1,3}}){g.ordinal_suffix}"
                               rf"|(?P<cw>{_alternation(_century_words(lexicon))})"
                               rf"|(?P<roman>[IVXL]{{1,6}})(?:e|er|ème))[\s-]+(?:{century})"
                               r"(?![\w])", re.VERBOSE)),
    ]
    patterns.append(("month", re.compile(rf"(?<![\w]){month}(?![\w])", flags)))
    if lexicon.tens_plural:
        # "the thirties", "the nineteen-thirties" (the century said in words: 1930s)
        hundreds = _alternation({w: n for w, n in lexicon.cardinal_words.items()
                                 if 10 <= n <= 29})
        patterns.append(("tens_decade", re.compile(
            rf"(?<![\w])(?:the)\s+{part}(?:(?P<hundreds>{hundreds})[\s-]+)?"
            rf"(?P<tens>{_alternation(lexicon.tens_plural)})(?![\w])", flags)))
    return patterns


def _century_words(lexicon: Lexicon) -> dict[str, int]:
    return {w: n for w, n in lexicon.ordinal_words.items() if 1 <= n <= 21}


def _year_words(lexicon: Lexicon) -> str:
    """English years in words: "nineteen thirty-nine", "nineteen hundred and five",
    "nineteen oh one", "two thousand and five"."""
    if lexicon.language != "en":
        return ""
    # The first half of a year in words is its century: ten to twenty-nine (years 1000–2999).
    pairs = _alternation({w: n for w, n in lexicon.cardinal_words.items() if 10 <= n <= 29})
    small = _alternation({w: n for w, n in lexicon.cardinal_words.items() if 1 <= n <= 99})
    units = _alternation({w: n for w, n in lexicon.cardinal_words.items() if 1 <= n <= 9})
    # The second half is ten to ninety-nine: "twenty two" is no year ("twenty oh two" is).
    tens = _alternation({w: n for w, n in lexicon.cardinal_words.items() if 10 <= n <= 99})
    return (rf"(?:{pairs})[\s-]+(?:hundred(?:[\s-]+(?:and[\s-]+)?(?:{small}))?"
            rf"|(?:o|oh|zero|nought)[\s-]+(?:{units})|{tens})"
            rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{small}))?")


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
    return DateMatch(match.start(), match.end(), _with_weekday(value, match, lexicon))


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
    return DateMatch(match.start(), match.end(),
                     _with_weekday(make_date(year, month, day), match, lexicon))


def _read_ymd(match: re.Match[str], lexicon: Lexicon) -> DateMatch | None:
    groups = match.groupdict()
    if groups.get("month"):
        return _read_named(match, lexicon)
    value = make_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return DateMatch(match.start(), match.end(), _with_weekday(value, match, lexicon))


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
    day_text = groups.get("day") or ""
    loose = (_is_words(day_text) and not lexicon.grammar.cardinal_days
             and _word_value(day_text, lexicon.ordinal_words) is None)
    value = _with_weekday(make_date(year, month, day, precision=precision, part=part), match,
                          lexicon)
    return DateMatch(match.start(), match.end(), value, words=words, loose=loose)


def _with_weekday(value: DateValue, match: re.Match[str], lexicon: Lexicon) -> DateValue:
    written = match.groupdict().get("weekday")
    if not written or value.precision != "day":
        return value
    return replace(value, weekday=lexicon.weekday(written))


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
    hundreds = match.group("hundreds")
    if hundreds:
        century = _word_value(hundreds, lexicon.cardinal_words) or 0
        value = make_date(century * 100 + tens, precision="decade", part=part)
    else:
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
    return _word_value(text, lexicon.ordinal_words) or _word_value(text, lexicon.cardinal_words)


def _year(text: str | None, lexicon: Lexicon) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text.casefold())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (_word_value(" ".join(rest), lexicon.cardinal_words) or 0 if rest else 0)
    cardinals = lexicon.cardinal_words
    for split in (2, 1):  # "twenty one hundred" reads its first number as two words
        head = _word_value(" ".join(words[:split]), cardinals)
        if head is None or not 10 <= head <= 99 or len(words) <= split:
            continue
        rest = words[split:]
        if rest[0] == "hundred":
            tail = [w for w in rest[1:] if w != "and"]
            return head * 100 + (_word_value(" ".join(tail), cardinals) or 0 if tail else 0)
        if rest[0] in ("o", "oh", "zero", "nought"):
            rest = rest[1:]
        tail_value = _word_value(" ".join(rest), cardinals)
        if tail_value is not None:
            return head * 100 + tail_value
    raise BadValue(f"cannot read the year {text!r}")


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
    "ym": _read_named,
    "month": _read_named,
    "part_month": _read_named,
    "part_year": _read_part_year,
    "decade": _read_decade,
    "short_decade": _read_decade,
    "century": _read_century,
    "tens_decade": _read_tens_decade,
}

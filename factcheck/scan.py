"""Read figures and dates out of a run of prose.

One compiled pattern per locale finds, left to right and without overlap:

* dates with a month name (``October 10, 1939``, ``10 October 1939``, ``September 17``,
  ``March 1940``) – month names come from Babel's CLDR data for the site's locale;
* ISO dates (``1939-10-10``);
* numbers written with digits, with thousands separators (``20,000``, ``20 000``), a decimal part,
  a scale word (``7.5 million``), a percent sign (``80%``), an ordinal suffix (``19th``) or a
  decade suffix (``1920s``);
* English number words (``five``, ``twenty-five``) and fractions (``one fifth``).

Deliberately *not* figures: digits glued to letters (``km2``, ``B52``), the word "one" alone
(it is far more often a pronoun than a count), ordinal words (``first``, ``second``) and Roman
numerals (``Article IX``).  Those rules keep the scanner from crying wolf.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from babel import Locale
from babel.dates import get_date_format, get_month_names

from factcheck.values import Stated, parse_number

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{w: (i + 2) * 10 for i, w in enumerate(_TENS)},
}
_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
# Plurals: "two thirds", "three quarters".
_DENOMINATORS.update({f"{w}s": n for w, n in list(_DENOMINATORS.items()) if w != "half"})
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9}

# "one" alone is left out on purpose: it is a pronoun or an article far more often than a count.
_WORD = "|".join(sorted((w for w in _WORD_VALUES if w != "one"), key=len, reverse=True))
_TENS_WORD = "|".join(_TENS)
_UNIT_WORD = "|".join(_UNITS)
_DENOM = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))

_URL = re.compile(r"\b(?:https?://|www\.)\S+")


@dataclass(frozen=True)
class Figure:
    """One figure found in a text: where it is, how it is written, what it states."""

    start: int
    end: int
    text: str
    stated: Stated


@lru_cache(maxsize=8)
def _pattern(locale: str) -> re.Pattern[str]:
    # Longest names first, so "September" wins over "Sep"; an abbreviation may end in a dot.
    names = sorted(_month_numbers(locale), key=len, reverse=True)
    month = "|".join(re.escape(name) for name in names)
    month = rf"(?:{month})\.?"
    # Locales whose long date writes the day with a dot ("10. Oktober 1939") read it so.
    dotted = "d." in get_date_format("long", locale=Locale.parse(locale)).pattern
    day = r"\d{1,2}(?:st|nd|rd|th)?" + (r"\.?" if dotted else "")
    year = r"\d{4}(?!\d)"
    end = r"(?![\w])"
    number = r"\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009])\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
    return re.compile(
        rf"""
        (?P<iso>(?<![\w-])\d{{4}}-\d{{2}}-\d{{2}}(?![\w-]))
      | (?P<dmy>(?<![\w.,])(?P<dmy_d>{day})\s+(?:of\s+)?(?P<dmy_m>{month})
            (?:,?\s+(?P<dmy_y>{year}))?{end})
      | (?P<mdy>(?P<mdy_m>{month})\s+(?P<mdy_d>{day}){end}(?:,?\s+(?P<mdy_y>{year}))?{end})
      | (?P<my>(?P<my_m>{month})\s+(?P<my_y>{year}){end})
      | (?P<slash>(?<![\w/.,])(?P<slash_n>\d{{1,3}})/(?P<slash_d>\d{{1,3}})(?![\w/]))
      | (?P<num>(?<![\w])(?<!\d[.,])(?P<digits>{number})
            (?P<suffix>\s?%|\s+per\s?cent\b|\s+percent\b|s\b|st\b|nd\b|rd\b|th\b)?
            (?:\s+(?P<scale>thousand|million|billion)\b)?{end})
      | (?P<frac>(?i:\b(?P<frac_n>{_UNIT_WORD})[\s-]+(?P<frac_d>{_DENOM})\b))
      | (?P<word>(?i:\b(?P<word_n>(?:{_TENS_WORD})-(?:{_UNIT_WORD})|{_WORD}
            |one(?=[\s-]+(?:hundred|thousand|million|billion)\b))
            (?:[\s-]+(?P<word_scale>hundred|thousand|million|billion))?\b))
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=8)
def _month_numbers(locale: str) -> dict[str, int]:
    """Month names (wide and abbreviated, without a trailing dot) to month numbers."""
    names: dict[str, int] = {}
    for width in ("abbreviated", "wide"):
        for number, name in get_month_names(width, locale=Locale.parse(locale)).items():
            names[name.rstrip(".")] = number
    return names


def find_figures(text: str, locale: str = "en", *, words: bool = True) -> list[Figure]:
    """Every figure and date in ``text``, in order, each with what it states."""
    masked = _URL.sub(lambda m: " " * len(m.group()), text)
    months = _month_numbers(locale)
    figures = []
    for match in _pattern(locale).finditer(masked):
        if not words and (match.group("frac") or match.group("word")):
            continue
        stated = _read(match, months)
        if stated is not None:
            figures.append(Figure(match.start(), match.end(), match.group(), stated))
    return figures


def _read(match: re.Match[str], months: dict[str, int]) -> Stated | None:
    text = match.group()
    if match.group("iso"):
        y, m, d = (int(part) for part in text.split("-"))
        return Stated(text, year=y, month=m, day=d)
    for style in ("dmy", "mdy", "my"):
        if match.group(style):
            return _read_date(match, style, months)
    if match.group("slash"):
        denominator = int(match.group("slash_d"))
        if denominator == 0:
            return None
        return Stated(text, number=Fraction(int(match.group("slash_n")), denominator))
    if match.group("num"):
        return _read_number(match)
    if match.group("frac"):
        numerator = _WORD_VALUES[match.group("frac_n").lower()]
        denominator = _DENOMINATORS[match.group("frac_d").lower()]
        return Stated(text, number=Fraction(numerator, denominator))
    return Stated(text, number=_word_number(match.group("word_n"), match.group("word_scale")))


def _read_date(match: re.Match[str], style: str, months: dict[str, int]) -> Stated:
    groups = match.groupdict()
    year = groups.get(f"{style}_y")
    day = groups.get(f"{style}_d")
    return Stated(
        match.group(),
        year=int(year) if year else None,
        month=months[groups[f"{style}_m"].rstrip(".")],
        day=int(re.sub(r"\D", "", day)) if day else None,
    )


def _read_number(match: re.Match[str]) -> Stated:
    digits = match.group("digits")
    suffix = (match.group("suffix") or "").strip().lower()
    scale = match.group("scale")
    value = parse_number(f"{digits} {scale}" if scale else digits)
    if suffix == "s" and re.fullmatch(r"\d{3}0", digits):
        return Stated(match.group(), year=int(digits), decade=True)
    percent = suffix == "%" or suffix.replace(" ", "") == "percent"
    return Stated(match.group(), number=value, percent=percent)


def _word_number(word: str, scale: str | None) -> Fraction:
    parts = word.lower().split("-")
    value = sum(_WORD_VALUES[p] for p in parts)
    return Fraction(value * (_SCALES[scale.lower()] if scale else 1))

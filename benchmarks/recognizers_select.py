"""Pick the expressions of Recognizers-Text's English specs that state a fact in prose.

Recognizers-Text (MIT licence) tests its recognisers with JSON specs: an input sentence and the
expressions found in it, each with a machine resolution (``"Text": "one hundred and sixteen"``,
``"value": "116"``).  Many of those expressions are not statements of a fact (``tomorrow``,
``every Monday``, ``192.168.1.2``), and many are robustness tests written the way no author writes
(``fifty - two``, ``2016 / 11``).  This script keeps the expressions an author could put inside a
``{fact}`` role, converts each resolution to the spelling of a facts-file value, derives a
deliberately wrong value of the same kind, and writes the cases to
``tests/data/recognizers/cases.json``.

Every decision is a named rule (``RULES`` below, rendered into the data README with
``--rules-markdown``); ``--report`` prints how many results each rule dropped, ``--sample N`` prints
N kept and N dropped expressions per category for a hand review, ``--check`` verifies that the
committed file is what the specs give.  The output is deterministic: same specs, same bytes.

    .venv/bin/python benchmarks/recognizers_select.py [--specs DIR] [--report] [--sample 5]
"""

from __future__ import annotations

import argparse
import calendar
import datetime
import json
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPECS = Path("/work/corpora/recognizers/Specs")
OUTPUT = ROOT / "tests" / "data" / "recognizers" / "cases.json"

#: The spec files read, in this order (paths relative to the ``Specs`` folder).
SPEC_FILES = (
    "Number/English/NumberModel.json",
    "Number/English/OrdinalModel.json",
    "Number/English/PercentModel.json",
    "Number/English/NumberRangeModel.json",
    "DateTime/English/DateTimeModel.json",
    "DateTime/English/DateParser.json",
    "DateTime/English/DatePeriodParser.json",
    "NumberWithUnit/English/CurrencyModel.json",
    "NumberWithUnit/English/DimensionModel.json",
)

CATEGORIES = ("number", "fraction", "ordinal", "percent", "number-range", "hedged", "date",
              "date-range", "money", "quantity")

#: At most this many kept expressions of one shape per category (digits, month and weekday names
#: abstracted): "$75 million" and "$280 million" test the same reading.
SHAPE_LIMIT = 2
#: At most this many cases per category, taken evenly over the spec order, so that no category
#: dominates the overall figure.
CATEGORY_CAP = 60

# --------------------------------------------------------------------------------------------
# The rules.  Each drop names one of these; the README renders this table.
# --------------------------------------------------------------------------------------------

RULES: dict[str, str] = {
    # what is not a statement of a fact
    "not-a-value": "The resolution has no value (`percent`, `dollar`, `mcg` alone).",
    "relative-or-deictic": "A date resolved against the spec's reference date: the text has a "
    "relative or deictic word (today, this, next, last, ago, since, before, early, end of, "
    "quarter, a season, a holiday...). Its value depends on when it is read.",
    "not-a-date-value": "A date-time result that is not one absolute date or date range: times, "
    "date-times, durations, sets (`every Monday`), weeks, weekends, seasons, quarters, "
    "open-ended ranges (`after 2016`), day-only dates (`the 18th`).",
    "part-not-written": "A part of the resolved date is not written in the text: the year was "
    "inferred (`nov-feb 2017` starts in 2016), the month was taken from the reference date "
    "(`Thursday the 21st`), or the year is written with two digits (`3-7-27`, the century is "
    "a guess). A checker cannot and must not confirm a part it cannot read.",
    "mixed-precision-range": "A date range whose ends are written at different precisions "
    "(`2014 through may 2nd 2018`): Recognizers gives the year end a day.",
    "weekday-contradicts": "The weekday written does not fall on the date (`monday january 12th, "
    "2016` was a Tuesday), or no candidate year makes it true.",
    "invalid-date": "The resolved date does not exist (`2/29/2019`).",
    "identifier": "A number that names rather than counts: IP addresses, phone numbers, versions, "
    "exercise numbers, model names (`SCP-173`), a number glued to letters or other digits.",
    "part-of-larger-figure": "The result is a piece of a larger figure in its sentence (`12` in "
    "`12 out of 10`, `two` in `two millionth`, `$10000` split into `10000`, `1 m` in "
    "`1 m x 1 m`, `12 m` in `12 m 2 dm`).",
    "idiom": "Hand-reviewed: a figure used as a word, not a statement (`first class`, `one last "
    "time`, the misspelling `Nineth`). Listed with its reason in "
    "`HAND_EXCLUDED`.",
    # written the way no author writes
    "tokenizer-spacing": "Spacing that only a tokenizer produces, kept by the spec as a "
    "robustness test: a spaced hyphen or sign inside a number (`fifty - two`, `- 10 k`), "
    "spaces around a date separator (`2016 / 11`), a spaced decade (`1990 s`).",
    "spoken-form": "A spoken, not written, form: `point` decimals (`two hundred point zero "
    "three`), `over` fractions (`one over three`), prices read aloud (`thirteen dollars forty "
    "five`, `15 dollars and 50`, `10 $ 30 cent`), currency word first (`dollar 22.5 million`), "
    "a doubled currency (`$10 dollars`).",
    "notation": "Mathematical or table notation: powers and scientific notation (`1e10`, "
    "`1.1^23`), comparison signs (`>10`, `<= -30`), tilde ranges (`20~100`), bracketed units "
    "(`20 (kg)`), leading zeros (`0000`), a numeric date that reads as a decimal number "
    "(`5.12`, `2015.3`), date parts in an order nobody writes (`2020/23/Sep`, "
    "`23-2020-September`), a range whose ends cannot be told apart (`10-1-2018-10-7-2018`).",
    "puzzle-number": "A number-word puzzle no author writes, kept by the spec to test the "
    "grammar: improper or stacked word fractions (`twenty-three fifths`, `one hundred thirty "
    "fifths`), digits before `hundred` (`322 hundred`, `3 hundred and 21`), `three hundred "
    "and two dozens`, scale fractions between scales (`one billion and a half million`), "
    "ordinals and fractions of a trillion (`three trillionth`, `a hundred trillionths`).",
    "unusual-abbreviation": "A scale abbreviation outside k, m, mn, mln, b, bn, bln (`10G`, "
    "`1MM`, `2mil`, `10 tln`, `3 dzs`), or one after a grouped number (`1,674,200.5 M`).",
    "comma-decimal": "A comma decimal or dot grouping (`1,3`, `5,00`, `1.111,11`): not how the "
    "en locale writes numbers.",
    "indian-numbering": "Lakh, crore and 2-digit grouping (`12,34,567.89`): the en-IN locale, "
    "not en.",
    "comparison-phrase": "A number range written as a comparison rather than a range or a hedge "
    "(`larger than twenty and less or equal than thirty five`, `equal to 5000 or less`, `200 "
    "or greater than`, `exceed 3000`).",
    "unknown-currency": "No ISO 4217 code can be given: an ambiguous unit (`francs`, "
    "`rupees`), a unit without a code (bitcoin, sen), or a currency written in a non-Latin "
    "script (`100元`, `ரூ`).",
    "finance-shorthand": "An M-prefixed currency code for millions (`30 MUSD`, `MAUD 60`), or a "
    "code fused with a dollar sign (`usd$ 15`, `u.s $`).",
    "unit-out-of-scope": "A unit that is not a length, an area or a mass (volume, speed, "
    "information, angle), an ambiguous `ton`, or a compound quantity (`5 ft 2 in`).",
    "stress-test-ordinal": "A relative ordinal (`last`, `next`, `penultimate`), or an ordinal "
    "read inside a fraction (`a third` in `forty two and a third`).",
    "percent-word-order": "Percent written before its number or as `percentage(s)`/`percents` "
    "(`percent of 10`, `100 percentage`).",
    "duplicate": "The same expression (case-insensitive) with the same value was already kept.",
    "shape-limit": f"More than {SHAPE_LIMIT} expressions of the same shape in a category.",
    "category-cap": f"More than {CATEGORY_CAP} cases in a category: taken evenly over the "
    "specs.",
}

#: Hand-reviewed exclusions: (spec file, case index, result text) -> reason (rule ``idiom``).
HAND_EXCLUDED: dict[tuple[str, int, str], str] = {
    ("Number/English/OrdinalModel.json", 34, "first"): "`first class seat`: a fare class",
    ("Number/English/OrdinalModel.json", 44, "Nineth"): "misspelling of ninth",
    ("Number/English/NumberModel.json", 216, "one"): "`one last time`: an idiom",
}

# --------------------------------------------------------------------------------------------
# True values, typed; and the one place that spells them as a facts file would.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    value: Fraction
    #: Spell as a fraction ``n/d`` (a proper fraction stated as one: "two thirds", "3/4").
    as_fraction: bool = False


@dataclass(frozen=True)
class Percent:
    value: Fraction


@dataclass(frozen=True)
class Hedged:
    #: One of ``over``, ``at least``, ``under``, ``up to``.
    hedge: str
    value: Number


@dataclass(frozen=True)
class NumberRange:
    low: Number
    high: Number


@dataclass(frozen=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None
    #: ``day``, ``month``, ``year``, ``decade`` or ``century``.
    precision: str = "day"


@dataclass(frozen=True)
class DateRange:
    start: Date
    end: Date


@dataclass(frozen=True)
class Money:
    amount: Fraction
    currency: str


@dataclass(frozen=True)
class Quantity:
    magnitude: Fraction
    unit: str


Truth = Number | Percent | Hedged | NumberRange | Date | DateRange | Money | Quantity


def spell(truth: Truth) -> tuple[str, str | None]:
    """The facts-file spelling of a value, and the ``type:`` (``kind``) it needs, if any.

    This is the one function that knows the facts-file syntax; adapt it (and regenerate) when
    the syntax changes.  A kind is given only where the spelling alone is ambiguous: a count of
    four digits would read as a year, a span of years as a number range.
    """
    if isinstance(truth, Number):
        text = _number(truth)
        integer = truth.value.denominator == 1
        return text, "number" if integer and 1000 <= abs(truth.value) <= 9999 else None
    if isinstance(truth, Percent):
        return f"{_plain(truth.value)}%", None
    if isinstance(truth, Hedged):
        return f"{truth.hedge} {_grouped(truth.value)}", None
    if isinstance(truth, NumberRange):
        return f"{_grouped(truth.low)}–{_grouped(truth.high)}", "range"
    if isinstance(truth, Date):
        return _date(truth), None
    if isinstance(truth, DateRange):
        return f"{_date(truth.start)}/{_date(truth.end)}", "range"
    if isinstance(truth, Money):
        return f"{_plain(truth.amount)} {truth.currency}", None
    return f"{_plain(truth.magnitude)} {truth.unit}", None


def _grouped(number: Number) -> str:
    """Integers with thousands separators, so that four digits never read as a year."""
    if not number.as_fraction and number.value.denominator == 1:
        return f"{number.value.numerator:,}"
    return _number(number)


def _number(number: Number) -> str:
    if number.as_fraction:
        return f"{number.value.numerator}/{number.value.denominator}"
    return _plain(number.value)


def _plain(value: Fraction) -> str:
    """Digits only: ``116``, ``0.5``, ``-5``, ``3000000000000``; ``n/d`` when not a decimal."""
    if value.denominator == 1:
        return str(value.numerator)
    if not _terminates(value):
        return f"{value.numerator}/{value.denominator}"
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def _terminates(value: Fraction) -> bool:
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _date(date: Date) -> str:
    if date.precision == "century":
        century = date.year // 100 + 1
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(century % 10 if century // 10 != 1 else 0, "th")
        return f"{century}{suffix} century"
    if date.precision == "decade":
        return f"{date.year}s"
    if date.precision == "year":
        return f"{date.year:04d}"
    if date.precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"


# --------------------------------------------------------------------------------------------
# Wrong values: one significant part changed, so that no reading of the text can agree.
# --------------------------------------------------------------------------------------------

_FLIP = {"over": "under", "under": "over", "at least": "up to", "up to": "at least"}
_OTHER_CURRENCY = {"USD": "EUR", "EUR": "USD", "GBP": "USD", "JPY": "CNY", "CNY": "JPY"}
_OTHER_UNIT = {
    "mi": "km", "km": "mi", "ft": "m", "m": "ft", "inch": "cm", "cm": "inch", "mm": "inch",
    "dm": "cm", "m**2": "ft**2", "km**2": "mi**2", "mi**2": "km**2",
    "acre": "hectare", "hectare": "acre", "lb": "kg", "kg": "lb", "oz": "g", "g": "oz",
    "t": "lb", "microgram": "milligram",
}


def wrong(truth: Truth, text: str) -> Truth:
    """The value with one significant part changed.

    Numbers change their leading significant digit (116 -> 216, 3.8 million -> 4.8 million), so
    that the change survives any rounding to the stated precision; fractions their denominator;
    a hedge flips its direction (over -> under: two one-sided intervals in the same direction
    always overlap, so only a flip makes them disjoint); a range moves one end; a date its day
    or month (chosen by a hash of the text, so both occur), a year its last digit, a decade or
    century by one; money its currency, a quantity its unit.
    """
    if isinstance(truth, Number):
        return _wrong_number(truth)
    if isinstance(truth, Percent):
        return Percent(_bump_leading(truth.value))
    if isinstance(truth, Hedged):
        return Hedged(_FLIP[truth.hedge], truth.value)
    if isinstance(truth, NumberRange):
        high = _wrong_number(truth.high)
        if high.value > truth.low.value:
            return NumberRange(truth.low, high)
        return NumberRange(_wrong_number(truth.low), truth.high)
    if isinstance(truth, Date):
        return _wrong_date(truth, zlib.crc32(text.encode()) % 2 == 0)
    if isinstance(truth, DateRange):
        bits = zlib.crc32(text.encode())
        if bits & 2:
            return DateRange(_wrong_date(truth.start, bits % 2 == 0, move=-1), truth.end)
        return DateRange(truth.start, _wrong_date(truth.end, bits % 2 == 0, move=1))
    if isinstance(truth, Money):
        return Money(truth.amount, _OTHER_CURRENCY.get(truth.currency, "USD"))
    return Quantity(truth.magnitude, _OTHER_UNIT[truth.unit])


def _wrong_number(number: Number) -> Number:
    value = number.value
    if number.as_fraction:
        # A proper fraction changes its denominator: 2/3 -> 2/4 (= 1/2), 1/21 -> 1/31.
        denominator = int(_bump_leading(Fraction(value.denominator)))
        return Number(Fraction(value.numerator, denominator), True)
    if not _terminates(value):
        # A mixed number changes its whole part: 42 1/3 -> 52 1/3.
        whole = Fraction(int(value))
        return Number(value - whole + _bump_leading(whole))
    return Number(_bump_leading(value))


def _bump_leading(value: Fraction) -> Fraction:
    """Change the leading significant digit by one (up; 9 goes down): 116 -> 216, 0.08 -> 0.09."""
    if value == 0:
        return Fraction(1)
    sign = -1 if value < 0 else 1
    digits = format(Decimal(abs(value.numerator)) / Decimal(value.denominator), "f")
    index = next(i for i, ch in enumerate(digits) if ch not in "0.")
    lead = int(digits[index])
    new = lead + 1 if lead < 9 else lead - 1
    changed = digits[:index] + str(new) + digits[index + 1:]
    return sign * Fraction(Decimal(changed))


def _wrong_date(date: Date, change_day: bool, move: int = 0) -> Date:
    """One part of ``date`` changed; ``move`` (-1 or 1) forces the direction, so that a range
    keeps its start before its end (its start moves earlier, its end later)."""
    if date.precision == "century":
        return Date(date.year + 100 * (move or 1), precision="century")
    if date.precision == "decade":
        return Date(date.year + 10 * (move or 1), precision="decade")
    if date.precision == "year":
        if move:
            return Date(date.year + move, precision="year")
        # The last digit, within the decade: a reader of decades only must not agree.
        return Date(date.year + 1 if date.year % 10 != 9 else date.year - 1, precision="year")
    if date.precision == "month":
        step = move or (1 if date.month < 12 else -1)
        year, month = divmod(date.year * 12 + date.month - 1 + step, 12)
        return Date(year, month + 1, precision="month")
    if change_day:
        return _shift_day(date, move or (1 if date.day < 28 else -1))
    for month in ((date.month + move,) if move else (date.month + 1, date.month - 1)):
        if 1 <= month <= 12 and date.day <= calendar.monthrange(date.year, month)[1]:
            return Date(date.year, month, date.day)
    return _shift_day(date, move or 1)


def _shift_day(date: Date, days: int) -> Date:
    shifted = datetime.date(date.year, date.month, date.day) + datetime.timedelta(days=days)
    return Date(shifted.year, shifted.month, shifted.day)


# --------------------------------------------------------------------------------------------
# Reading the specs.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One expression of a spec, located in its input."""

    spec: str
    index: int
    position: int  # the result's place in the case's list of results
    sentence: str
    start: int
    end: int  # exclusive
    spec_text: str
    type_name: str
    resolution: dict

    @property
    def text(self) -> str:
        return self.sentence[self.start:self.end]

    def before(self, n: int = 40) -> str:
        return self.sentence[max(0, self.start - n):self.start]

    def after(self, n: int = 40) -> str:
        return self.sentence[self.end:self.end + n]


@dataclass(frozen=True)
class Kept:
    result: Result
    category: str
    text: str
    truth: Truth


@dataclass(frozen=True)
class Dropped:
    result: Result
    category: str
    rule: str


Verdict = Kept | Dropped


def read_results(specs: Path, name: str) -> Iterator[Result]:
    cases = json.loads((specs / name).read_text(encoding="utf-8-sig"))
    for index, case in enumerate(cases):
        for position, result in enumerate(case.get("Results", [])):
            start = result["Start"]
            end = result["End"] + 1 if "End" in result else start + result["Length"]
            type_name = result.get("TypeName") or result.get("Type") or ""
            resolution = result.get("Resolution") or result.get("Value") or {}
            yield Result(name, index, position, case["Input"], start, end, result["Text"],
                         type_name, resolution)


# Penn-Treebank tokenised newswire ("$ 75 million", "dec. 31 , 1994") is restored to its written
# form, and lower-cased month names and currency adjectives get their capitals back; any other
# odd spacing is a robustness test and is dropped by the readers.
_SPACE_RUN = re.compile(r"\s{2,}")
_SPACE_COMMA = re.compile(r"\s+,")
_SPACED_SYMBOL = re.compile(r"(?<![\w$])(?:(?P<prefix>[a-z]{1,3}) )?(?P<sym>[$£€]) (?=\d)", re.I)


def written(result: Result) -> str:
    """The expression as an author would have written it (see the module's detokenising note)."""
    text = _SPACE_RUN.sub(" ", result.text.strip())
    text = _SPACE_COMMA.sub(",", text)

    def symbol(m: re.Match[str]) -> str:
        prefix = (m.group("prefix") or "").upper()
        return f"{prefix}{m.group('sym')}"

    return _recase(_SPACED_SYMBOL.sub(symbol, text), result.spec)


#: Words that English prose capitalises but the specs' chat-style and lower-cased newswire inputs
#: do not: month and weekday names in dates, nationalities and codes in currency names.
_CURRENCY_WORDS = re.compile(r"\b(?:finnish|australian|swiss|chinese|turkish|dutch|canadian|"
                             r"japanese|us|usd|eur|gbp|rmb|cny|jpy)\b")


def _recase(text: str, spec: str) -> str:
    def capital(m: re.Match[str]) -> str:
        word = m.group()
        if len(word) <= 3 and word in {"us", "usd", "eur", "gbp", "rmb", "cny", "jpy"}:
            return word.upper()
        return word[0].upper() + word[1:]

    if spec.startswith("DateTime/"):
        return _WEEKDAY_RE.sub(capital, _MONTH_RE.sub(capital, text))
    if spec.endswith("CurrencyModel.json"):
        return _CURRENCY_WORDS.sub(capital, text)
    return text


# ---- numbers --------------------------------------------------------------------------------

_UNITS_W = ("zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALES_W = "hundred|thousand|million|billion|trillion"
_ORDINAL_W = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
              "twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
              "nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|"
              "ninetieth|hundredth|thousandth|millionth|billionth|trillionth")
_DENOMINATOR = rf"(?:half|halves|quarters?|(?:(?:{_TENS_W})[ -])?(?:{_ORDINAL_W})s?)"
_SMALL = "a|an|one|two|three|four|five|six|seven|eight|nine"
#: A fraction in words as written: optional whole part joined by "and", a single-word numerator
#: (or "a"), a single denominator word ("five eighths", "one and a half", "twenty and three
#: fifths", "a twenty-first").
_WORD_FRACTION = re.compile(
    rf"^(?:(?:minus |negative )?[\w ,-]+? and )?(?:{_SMALL})[ -]{_DENOMINATOR}$", re.I)
_DIGIT_FRACTION = re.compile(r"^-?(?:\d+ )?\d+/\d+$")
_VULGAR = re.compile(r"^[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]$")
_OUT_OF = re.compile(rf"^(?:\d+|{_SMALL}|ten) (?:out of|in) [\w -]+$", re.I)
_SCALE_FRACTION = re.compile(
    rf"^(?:(?:a |one )?(?:half|quarter)|(?:{_SMALL}) (?:thirds?|quarters?)(?: of a)?"
    rf"|[\w ]+ and a (?:half|quarter)) (?:million|billion)$"
    rf"|^[\w.]+ (?:million|billion) and (?:a|one) (?:half|quarter)$", re.I)
_ABBREVIATION = re.compile(r"^-?(?P<num>[\d.,]+) ?(?P<abbr>[a-z]+)$", re.I)
_GOOD_ABBREVIATIONS = {"k", "m", "mn", "mln", "b", "bn", "bln"}
_IDENTIFIER_BEFORE = re.compile(r"(?:version|nrs?\.|no\.|scp|exercises?)\s*$", re.I)


def _glued(result: Result) -> bool:
    """The figure touches letters or other digits in its sentence: part of a token, not a figure."""
    before, after = result.before(2), result.after(2)
    if before and re.search(r"[\w$€£¥/.,+^-]$", before):
        return True
    if after and (re.match(r"[\w/%{(\[<^]", after) or re.match(r"[.,:]\d", after)):
        return True
    return bool(_IDENTIFIER_BEFORE.search(result.before()))


def _in_larger_figure(result: Result) -> bool:
    """The figure is one term of "N out of M", "N in M", "N over M" or "N millionths"."""
    after, before = result.after(), result.before()
    count = rf"(?:\d|\b(?:{_UNITS_W}|{_TENS_W})\b)"
    if re.match(rf"\s+(?:{_SCALES_W})ths?\b", after, re.I):
        return True
    if re.match(r"\s+in\s+\d{4}\b", after):
        return False  # "more than 30000 in 2009": a year, not "N in M"
    if re.match(rf"\s+(?:out of|in|over)\s+{count}", after, re.I):
        return True
    return bool(re.search(rf"{count}\s+(?:out of|in|over)\s+$", before, re.I))


def exact(value: str, subtype: str = "") -> Fraction | None:
    """The exact number behind a resolution string; ``None`` when it is a rounded puzzle."""
    decimal = Decimal(value)
    if subtype != "fraction":
        return Fraction(decimal)
    guess = Fraction(decimal).limit_denominator(1000)
    if abs(float(guess) - float(decimal)) > 1e-9 * max(1.0, abs(float(decimal))):
        return None
    return guess


def read_number(result: Result, text: str) -> Verdict:
    resolution = result.resolution
    subtype = resolution.get("subtype", "")
    value = resolution.get("value")
    category = "number"
    if value in (None, "null"):
        return Dropped(result, category, "not-a-value")
    number = exact(value, subtype)
    fractional = number is not None and number.denominator != 1
    if subtype == "fraction" and fractional:
        category = "fraction"
    low = text.lower()
    if subtype == "power" or re.search(r"\de\d|\^", low):
        return Dropped(result, category, "notation")
    if re.search(r"\b(?:lakh|crore)\b", low) or re.match(r"^\d{1,2},(\d{2},)+\d{3}", low):
        return Dropped(result, category, "indian-numbering")
    if re.match(r"^\d{1,3}(\.\d{3})+,\d+$|^\d+,\d{1,2}$", low):
        return Dropped(result, category, "comma-decimal")
    if re.search(r"\s-\s|^-\s|-\s+\d|\s-\w", low):
        return Dropped(result, category, "tokenizer-spacing")
    if re.match(r"^0\d", low):
        return Dropped(result, category, "notation")
    if _glued(result):
        return Dropped(result, category, "identifier")
    if _in_larger_figure(result):
        return Dropped(result, category, "part-of-larger-figure")
    if re.search(r"\bpoint\b", low) or re.search(r"\bover\b", low):
        return Dropped(result, category, "spoken-form")
    if number is None:
        return Dropped(result, category, "puzzle-number")
    abbreviation = _ABBREVIATION.match(low)
    if (abbreviation and not re.fullmatch(rf"(?:{_SCALES_W})s?|dozens?", abbreviation["abbr"])
            and (abbreviation["abbr"] not in _GOOD_ABBREVIATIONS
                 or len(abbreviation["num"].split(".")[0]) > 3)):
        return Dropped(result, category, "unusual-abbreviation")
    if re.search(r"\b(?:dzs|dozs)\b", low):
        return Dropped(result, category, "unusual-abbreviation")
    if re.search(r"\d\s*hundred|hundred and (?:\w+ )?dozens", low):
        return Dropped(result, category, "puzzle-number")
    if re.search(r"trillionths?|thousand \w+ths?$", low):
        return Dropped(result, category, "puzzle-number")
    if subtype == "fraction":
        as_fraction = abs(number) < 1
        if low.count(" and ") >= 2 or len(set(re.findall(r"million|billion", low))) > 1:
            return Dropped(result, category, "puzzle-number")
        if (re.search(r"(?:million|billion)", low)
                and not _SCALE_FRACTION.match(low)):
            return Dropped(result, category, "puzzle-number")
        if not (_WORD_FRACTION.match(low) or _DIGIT_FRACTION.match(low) or _VULGAR.match(low)
                or _OUT_OF.match(low) or _SCALE_FRACTION.match(low) or low == "half"):
            return Dropped(result, category, "puzzle-number")
        if (m := re.match(rf"^(.*?)(?:\s|-)(?:{_DENOMINATOR})$", low)) and re.search(
                rf"(?:{_TENS_W})[ -](?:{_SMALL})$|hundred (?:and )?\w+$", m.group(1)) and (
                " and " not in m.group(1)):
            # "twenty-three fifths", "one hundred thirty fifths": numerator and denominator
            # can be split more than one way.
            return Dropped(result, category, "puzzle-number")
        return Kept(result, category, text, Number(number, as_fraction))
    return Kept(result, category, text, Number(number))


def read_ordinal(result: Result, text: str) -> Verdict:
    if result.type_name != "ordinal":
        return Dropped(result, "ordinal", "stress-test-ordinal")
    if re.search(r"\band an?\s*$", result.before()):
        return Dropped(result, "ordinal", "stress-test-ordinal")
    value = Fraction(Decimal(result.resolution["value"]))
    if value > 1000:
        return Dropped(result, "ordinal", "puzzle-number")
    return Kept(result, "ordinal", text, Number(value))


def read_percent(result: Result, text: str) -> Verdict:
    value = result.resolution.get("value")
    if value in (None, "null"):
        return Dropped(result, "percent", "not-a-value")
    low = text.lower()
    if re.match(r"^(?:per ?cents?|percents?)\b", low) or re.search(r"percentage|percents", low):
        return Dropped(result, "percent", "percent-word-order")
    return Kept(result, "percent", text, Percent(Fraction(Decimal(value.rstrip("%")))))


# ---- number ranges ----------------------------------------------------------------------------

#: Hedges as written in prose, with the interval each states: (phrase, where, hedge, bracket).
#: ``where`` is "before" or "after" the number; the bracket is Recognizers' resolution shape.
HEDGES: tuple[tuple[str, str, str, str], ...] = (
    ("more than", "before", "over", "(x,)"),
    ("over", "before", "over", "(x,)"),
    ("greater than", "before", "over", "(x,)"),
    ("larger than", "before", "over", "(x,)"),
    ("above", "before", "over", "(x,)"),
    ("exceeding", "before", "over", "(x,)"),
    ("at least", "before", "at least", "[x,)"),
    ("no less than", "before", "at least", "[x,)"),
    ("no fewer than", "before", "at least", "[x,)"),
    ("or more", "after", "at least", "[x,)"),
    ("and more", "after", "at least", "[x,)"),
    ("or greater", "after", "at least", "[x,)"),
    ("less than", "before", "under", "(,x)"),
    ("fewer than", "before", "under", "(,x)"),
    ("under", "before", "under", "(,x)"),
    ("below", "before", "under", "(,x)"),
    ("smaller than", "before", "under", "(,x)"),
    ("up to", "before", "up to", "(,x]"),
    ("at most", "before", "up to", "(,x]"),
    ("no more than", "before", "up to", "(,x]"),
    ("or less", "after", "up to", "(,x]"),
    ("or fewer", "after", "up to", "(,x]"),
)
_RANGE = re.compile(r"^(?:between .+ and .+|from .+ to .+|[^ ]+(?: ?[-–] ?| to | through )[^ ]+"
                    r"|[\w ]+ (?:to|through) [\w ]+)$", re.I)
_INTERVAL = re.compile(r"^([\[(])(-?[\d.]*),(-?[\d.]*)([\])])$")


def read_range(result: Result, text: str) -> Verdict:
    low = text.lower()
    m = _INTERVAL.match(result.resolution.get("value", ""))
    if m is None:
        return Dropped(result, "number-range", "not-a-value")
    left, start, end, right = m.groups()
    if re.search(r"[<>=~]", low):
        return Dropped(result, "number-range", "notation")
    if start and end:
        if start == end or "equal" in low or not _RANGE.match(low) or left == "(":
            return Dropped(result, "number-range", "comparison-phrase")
        if _in_larger_figure(result):
            return Dropped(result, "number-range", "part-of-larger-figure")
        return Kept(result, "number-range", text, NumberRange(_range_end(start), _range_end(end)))
    bracket = f"{left}{'x,' if start else ','}{'' if start else 'x'}{right}"
    for phrase, where, hedge, shape in HEDGES:
        matches = (low.startswith(phrase + " ") if where == "before"
                   else low.endswith(" " + phrase))
        rest = low[len(phrase) + 1:] if where == "before" else low[:-len(phrase) - 1]
        if matches and shape == bracket and not re.search(r"\b(?:or|and|than|equal)\b", rest):
            if _in_larger_figure(result):
                return Dropped(result, "hedged", "part-of-larger-figure")
            return Kept(result, "hedged", text, Hedged(hedge, _range_end(start or end)))
    return Dropped(result, "hedged", "comparison-phrase")


def _range_end(value: str) -> Number:
    number = Fraction(Decimal(value))
    return Number(number, as_fraction=abs(number) < 1 and number != 0)


# ---- dates ---------------------------------------------------------------------------------

_MONTH_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?", re.I)
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_RE = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|r|rs|nesday|urday)?\b",
                         re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,4}(?:[/.-]\d{1,4})?\b")
_DEICTIC = re.compile(
    r"\b(?:today|tonight|tomorrow|tmrw|yesterday|now|this|that|these|next|last|previous|past|"
    r"coming|upcoming|following|current|ago|later|earlier|hence|within|rest|same|my|"
    r"before|after|since|by|starting|beginning|ending|sooner|early|mid|late|end|middle|"
    r"week|weekend|weekends|fortnight|business|quarter|q[1-4]|h[12]|half|spring|summer|"
    r"autumn|fall|winter|eoy|eom|christmas|easter|thanksgiving|independence|halloween|"
    r"valentine|new year|the day|the month|the year|decade|decades|years|months|days)\b|"
    r"^\d{4}h[12]$|\bmid-|\bw/c\b", re.I)
_DATE_TYPES = {"date", "daterange", "datetimeV2.date", "datetimeV2.daterange"}
_DAY = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")
_SPAN = re.compile(r"^\((\d{4}|XXXX)-(\d{2})-(\d{2}),(\d{4}|XXXX)-(\d{2})-(\d{2}),P(\d+)([DMY])\)$")
_YEAR_WORDS = re.compile(r"\b(?:nineteen|eighteen|seventeen|sixteen|thousand|hundred)\b", re.I)


def _candidates(result: Result) -> list[tuple[str, str | None]]:
    """The resolved (start, end) or (date, None) pairs, in the spec's order."""
    res = result.resolution
    if "values" in res:
        return [(v.get("value") or v.get("start"), v.get("end") if "start" in v else None)
                for v in res["values"]]
    out = []
    for key in ("PastResolution", "FutureResolution"):
        r = res.get(key) or {}
        if "date" in r:
            out.append((r["date"], None))
        elif "startDate" in r:
            out.append((r["startDate"], r.get("endDate")))
    return out


def _timex(result: Result) -> str:
    res = result.resolution
    if "values" in res:
        timexes = {v.get("timex") for v in res["values"]}
        return timexes.pop() if len(timexes) == 1 else ""
    return res.get("Timex", "")


def _year_written(text: str, year: int) -> bool:
    if re.search(rf"(?<!\d){year:04d}(?!\d)", text) or re.search(rf"'{year % 100:02d}\b", text):
        return True
    if year < 1000:
        return bool(re.search(rf"\byear {year}\b", text, re.I))
    # A year in words ("nineteen seventy eight", "two thousand and eighteen") with no digits
    # standing for a year instead.
    return not re.search(r"\d{3,}", text) and bool(_YEAR_WORDS.search(text))


def _month_written(text: str) -> bool:
    return bool(_MONTH_RE.search(text) or _NUMERIC_DATE.search(text))


def _day_written(text: str) -> bool:
    stripped = _MONTH_RE.sub(" ", text)
    return bool(re.search(r"(?<![\d/.-])\d{1,2}(?:st|nd|rd|th)?(?![\d])", stripped)
                or re.search(rf"\b(?:{_ORDINAL_W}|{_TENS_W}|{_UNITS_W})\b", stripped, re.I)
                or re.search(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|^\d{1,2}[/.-]\d{1,2}$", text)
                or re.search(r"\b\d{1,2}[/.-]\d{1,2}\b", text))


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _weekday_fits(text: str, year: int, month: int, day: int) -> bool:
    m = _WEEKDAY_RE.search(text)
    if not m:
        return True
    return datetime.date(year, month, day).weekday() == _WEEKDAYS[m.group(1).lower()]


def read_date(result: Result, text: str) -> Verdict:
    category = "date-range" if "range" in result.type_name else "date"
    if result.type_name not in _DATE_TYPES:
        return Dropped(result, category, "not-a-date-value")
    if _DEICTIC.search(text):
        return Dropped(result, category, "relative-or-deictic")
    if re.search(r"[~<>=]", text):
        return Dropped(result, category, "notation")
    if category == "date" and re.search(r"\w[/-]\d{4}[/-]\w|^\d{4}[/-]\d{1,2}[/-][a-z]", text,
                                        re.I):
        return Dropped(result, category, "notation")
    timex = _timex(result)
    candidates = _candidates(result)
    if "range" in result.type_name and any(not (start and end) for start, end in candidates):
        return Dropped(result, category, "not-a-date-value")  # open-ended: "after 2016"
    if m := _DAY.match(timex):
        return _single_day(result, text, m, candidates)
    if re.fullmatch(r"\d{4}-\d{2}", timex):
        year, month = (int(p) for p in timex.split("-"))
        if re.search(r"\d\s+[/.-]|[/.-]\s+\d", text):
            return Dropped(result, "date", "tokenizer-spacing")
        if re.fullmatch(r"\d+\.\d+", text):
            return Dropped(result, "date", "notation")  # "2015.3" reads as a decimal
        if not (_year_written(text, year) and _month_written(text)):
            return Dropped(result, "date", "part-not-written")
        return Kept(result, "date", text, Date(year, month, precision="month"))
    if re.fullmatch(r"\d{4}", timex):
        year = int(timex)
        if not _year_written(text, year):
            return Dropped(result, "date", "part-not-written")
        if _MONTH_RE.search(text):
            return Dropped(result, "date", "not-a-date-value")
        return Kept(result, "date", text, Date(year, precision="year"))
    if m := _SPAN.match(timex):
        return _span(result, text, m, candidates)
    return Dropped(result, category, "not-a-date-value")


def _single_day(result: Result, text: str, m: re.Match[str],
                candidates: list[tuple[str, str | None]]) -> Verdict:
    year_part, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    if re.search(r"\d\s+[/.-]\s*\d|\d\s*[/.-]\s+\d", text):
        return Dropped(result, "date", "tokenizer-spacing")
    if not _month_written(text):
        return Dropped(result, "date", "part-not-written")
    if not _MONTH_RE.search(text) and re.fullmatch(r"(?:\w+ )?\d{1,2}\.\d{1,2}", text):
        return Dropped(result, "date", "notation")  # "5.12" reads as a decimal
    if year_part == "XXXX":
        if re.search(r"\d{4}|'\d\d", text):
            return Dropped(result, "date", "part-not-written")
        years = [int(c[0][:4]) for c in candidates if c[0] and re.match(r"\d{4}-", c[0])]
        fitting = [y for y in years if _valid(y, month, day) and _weekday_fits(text, y, month, day)]
        if not fitting:
            return Dropped(result, "date", "weekday-contradicts")
        return Kept(result, "date", text, Date(fitting[0], month, day))
    year = int(year_part)
    if not _year_written(text, year):
        return Dropped(result, "date", "part-not-written")
    if not _valid(year, month, day):
        return Dropped(result, "date", "invalid-date")
    if not _weekday_fits(text, year, month, day):
        return Dropped(result, "date", "weekday-contradicts")
    return Kept(result, "date", text, Date(year, month, day))


#: Range connectives, strongest first: a word or a dash with spaces, else a lone hyphen.
_CONNECTIVES = (re.compile(r"\s+(?:through|thru|till|until|to|and)\s+|\s*–\s*|\s+-\s+", re.I),
                re.compile(r"-"))


def _ends(body: str) -> list[str] | None:
    """The two ends of a written range, or ``None`` when they cannot be told apart."""
    strong, hyphen = _CONNECTIVES
    parts = strong.split(body, maxsplit=1)  # the first: "2 and 7 Feb two thousand and eighteen"
    if len(parts) == 1:
        parts = hyphen.split(body)
    if len(parts) == 2 and all(p.strip() for p in parts):
        return parts
    return None


def _span(result: Result, text: str, m: re.Match[str],
          candidates: list[tuple[str, str | None]]) -> Verdict:
    y1, m1, d1, y2, m2, d2, count, unit = m.groups()
    if unit == "Y" and m1 == m2 == "01" and d1 == d2 == "01":
        start, end = int(y1), int(y2)
        if "centur" in text.lower() and end - start == 100 and start % 100 == 0:
            return Kept(result, "date", text, Date(start, precision="century"))
        if end - start == 10 and start % 10 == 0 and not re.search(r"\d{4}\D+\d{4}", text):
            if re.search(r"\d\s+s\b", text):
                return Dropped(result, "date", "tokenizer-spacing")
            return Kept(result, "date", text, Date(start, precision="decade"))
        precision = "year"
    elif unit == "M" and d1 == d2 == "01":
        precision = "month"
    elif unit == "D":
        precision = "day"
    else:
        return Dropped(result, "date-range", "not-a-date-value")
    # Split at the connective into the two ends, and require each to state its finest part.
    body = re.sub(r"^(?:from|between|in|on)\s+", "", text, flags=re.I)
    sides = _ends(body)
    if sides is None:
        return Dropped(result, "date-range", "notation")
    if precision == "day" and not all(_day_written(s) for s in sides):
        return Dropped(result, "date-range", "mixed-precision-range")
    if precision == "month" and not all(_month_written(s) for s in sides):
        return Dropped(result, "date-range", "mixed-precision-range")
    if precision == "year" and any(_MONTH_RE.search(s) for s in sides):
        return Dropped(result, "date-range", "mixed-precision-range")
    if "XXXX" in (y1, y2):
        if not candidates or not candidates[0][1]:
            return Dropped(result, "date-range", "not-a-date-value")
        if re.search(r"\d{4}", text):
            return Dropped(result, "date-range", "part-not-written")
        start_text, end_text = candidates[0]
    else:
        start_text, end_text = f"{y1}-{m1}-{d1}", f"{y2}-{m2}-{d2}"
        if not (_year_written(text, int(y1)) and _year_written(text, int(y2))):
            return Dropped(result, "date-range", "part-not-written")
    sy, sm, sd = (int(p) for p in start_text.split("-"))
    ey, em, ed = (int(p) for p in end_text.split("-"))
    if not (_valid(sy, sm, sd) and _valid(ey, em, ed)):
        return Dropped(result, "date-range", "invalid-date")
    if not (_weekday_fits(sides[0], sy, sm, sd) and _weekday_fits(sides[1], ey, em, ed)):
        return Dropped(result, "date-range", "weekday-contradicts")
    start = Date(sy, sm if precision != "year" else None, sd if precision == "day" else None,
                 precision)
    end = Date(ey, em if precision != "year" else None, ed if precision == "day" else None,
               precision)
    return Kept(result, "date-range", text, DateRange(start, end))


# ---- money and quantities --------------------------------------------------------------------

#: Recognizers' unit names without an ``isoCurrency``, to ISO 4217 (historical codes included).
#: "Dollar" and "Pound" (and "cents") are the US dollar and the pound sterling of the newswire
#: they come from: a ``$`` in an English-language newspaper is a US dollar unless prefixed.
CURRENCY_CODES = {
    "Dollar": "USD", "Pound": "GBP", "Finnish markka": "FIM", "Peseta": "ESP",
    "Netherlands guilder": "NLG", "British pound": "GBP",
}
#: Subunits: (unit name, parent currency code, units per parent).
#: "Penny" is left out: a US cent or a British penny.
SUBUNITS = {"Cent": ("USD", 100), "Pence": ("GBP", 100)}


def read_money(result: Result, text: str) -> Verdict:
    res = result.resolution
    if res.get("value") in (None, "null"):
        return Dropped(result, "money", "not-a-value")
    low = text.lower()
    if re.search(r"\b(?:musd|meur|mgbp|maud)\b|\b(?!mex)[a-z]{3}\$|u\.s", low):
        return Dropped(result, "money", "finance-shorthand")
    if re.search(r"[^\x00-\u024f$£€¥₡₾₭₿\u2009\u202f]", text):
        return Dropped(result, "money", "unknown-currency")
    raw = result.text.lower()
    # A price read aloud: a bare number after the currency ("15 dollars 50", "one dollar and
    # one"), but not "3 dollars 50 cents" nor a code written first ("USD 200").
    tail = re.search(r"(?<=\w)\s+(?:dollars?|usd|kuai|mao|yuan)\s+(?:and\s+)?"
                     r"([\w-]+(?:\s[\w-]+)?)$", low)
    if ((tail and not re.search(r"cents?|million|billion", tail.group(1)))
            or re.match(r"dollars?\b", low)
            or re.search(r"\d\s+and\s+[a-z-]+$|\d\s*\$\s*\d", raw)
            or ("$" in raw and "dollar" in raw)):
        return Dropped(result, "money", "spoken-form")
    if re.search(r"\blakh|crore|\d,\d\d,\d{3}", low):
        return Dropped(result, "money", "indian-numbering")
    if _glued(result) or _adjacent_result(result):
        return Dropped(result, "money", "part-of-larger-figure")
    unit = res.get("unit", "")
    amount = Fraction(Decimal(res["value"]))
    if unit in SUBUNITS:
        code, per = SUBUNITS[unit]
        return Kept(result, "money", text, Money(amount / per, code))
    code = res.get("isoCurrency") or CURRENCY_CODES.get(unit)
    if not code:
        return Dropped(result, "money", "unknown-currency")
    return Kept(result, "money", text, Money(amount, code))


#: Recognizers' unit names to pint unit expressions: lengths, areas and masses only.
UNITS = {
    "Mile": "mi", "Foot": "ft", "Inch": "inch", "Kilometer": "km", "Meter": "m",
    "Decimeter": "dm", "Centimeter": "cm", "Millimeter": "mm",
    "Square meter": "m**2", "Square kilometer": "km**2", "Square mile": "mi**2",
    "Acre": "acre", "Hectare": "hectare", "Pound": "lb", "Ounce": "oz", "Kilogram": "kg",
    "Gram": "g", "Microgram": "microgram", "Metric ton": "t",
}


def read_quantity(result: Result, text: str) -> Verdict:
    res = result.resolution
    if res.get("value") in (None, "null"):
        return Dropped(result, "quantity", "not-a-value")
    low = text.lower()
    if re.search(r"[(\[{<]", text):
        return Dropped(result, "quantity", "notation")
    if re.search(r"\blakh|crore", low):
        return Dropped(result, "quantity", "indian-numbering")
    unit = UNITS.get(res.get("unit", ""))
    if res.get("unit") == "Ton" and re.search(r"\d\s*t$|tonnes?\b", low):
        unit = "t"  # "100t", "tonnes": the metric ton; a bare "ton" is short, long or metric
    magnitude = exact(res["value"], "fraction")
    if unit is None or magnitude is None or not _terminates(magnitude) or re.search(
            r"\d\s*[a-z]+\.?\s+(?:and\s+)?\d+\s*[a-z]", low):
        return Dropped(result, "quantity", "unit-out-of-scope")
    if _glued(result) or _adjacent_result(result):
        return Dropped(result, "quantity", "part-of-larger-figure")
    return Kept(result, "quantity", text, Quantity(magnitude, unit))


def check_units() -> str:
    """Confirm with pint (when installed) that every unit spelling parses, is a length, an area
    or a mass, and that its wrong unit has the same dimension."""
    try:
        import pint
    except ImportError:
        return "pint is not installed: unit spellings not checked"
    registry = pint.UnitRegistry()
    allowed = {"[length]", "[length] ** 2", "[mass]"}
    for unit in UNITS.values():
        dimension = registry.Quantity(1, unit).dimensionality
        other = registry.Quantity(1, _OTHER_UNIT[unit]).dimensionality
        if str(dimension) not in allowed or other != dimension:
            raise SystemExit(f"unit {unit!r}: {dimension} (wrong unit {other})")
    return f"pint {pint.__version__}: {len(UNITS)} unit spellings checked"


def _adjacent_result(result: Result) -> bool:
    """Another figure with a unit follows or precedes with only a space or an ``x`` between."""
    return bool(re.match(r"\s*(?:x\s*)?\d+\s*[a-z]{1,3}\b", result.after(12), re.I)
                or re.search(r"\d\s*[a-z]{1,3}\s+(?:x\s*)?$", result.before(12), re.I))


# --------------------------------------------------------------------------------------------
# Selection.
# --------------------------------------------------------------------------------------------

READERS = {
    "NumberModel": read_number,
    "OrdinalModel": read_ordinal,
    "PercentModel": read_percent,
    "NumberRangeModel": read_range,
    "DateTimeModel": read_date,
    "DateParser": read_date,
    "DatePeriodParser": read_date,
    "CurrencyModel": read_money,
    "DimensionModel": read_quantity,
}


def judge(result: Result) -> Verdict:
    reader = READERS[Path(result.spec).stem]
    text = written(result)
    reason = HAND_EXCLUDED.get((result.spec, result.index, result.text))
    verdict = reader(result, text)
    if reason and isinstance(verdict, Kept):
        return Dropped(result, verdict.category, "idiom")
    return verdict


def shape(text: str) -> str:
    """What a reader must handle in an expression, with its digits, month and weekday names
    abstracted (number words stay: each is a word the reader must know)."""
    out = _MONTH_RE.sub("M", text.lower())
    out = _WEEKDAY_RE.sub("W", out)
    return re.sub(r"\d+", "9", out)


def select(specs: Path) -> tuple[list[Kept], list[Dropped]]:
    kept: list[Kept] = []
    dropped: list[Dropped] = []
    seen: set[tuple[str, str, str]] = set()
    shapes: Counter[tuple[str, str]] = Counter()
    for name in SPEC_FILES:
        for result in read_results(specs, name):
            verdict = judge(result)
            if isinstance(verdict, Dropped):
                dropped.append(verdict)
                continue
            key = (verdict.category, verdict.text.lower(), spell(verdict.truth)[0])
            if key in seen:
                dropped.append(Dropped(result, verdict.category, "duplicate"))
                continue
            seen.add(key)
            form = (verdict.category, shape(verdict.text))
            if shapes[form] >= SHAPE_LIMIT:
                dropped.append(Dropped(result, verdict.category, "shape-limit"))
                continue
            shapes[form] += 1
            kept.append(verdict)
    by_category: dict[str, list[Kept]] = defaultdict(list)
    for case in kept:
        by_category[case.category].append(case)
    final: list[Kept] = []
    for category in CATEGORIES:
        cases = by_category.get(category, [])
        if len(cases) > CATEGORY_CAP:
            step = len(cases) / CATEGORY_CAP
            chosen = {int(i * step) for i in range(CATEGORY_CAP)}
            for i, case in enumerate(cases):
                if i not in chosen:
                    dropped.append(Dropped(case.result, category, "category-cap"))
            cases = [case for i, case in enumerate(cases) if i in chosen]
        final.extend(cases)
    return final, dropped


def case_record(case: Kept) -> dict:
    value, kind = spell(case.truth)
    wrong_value, wrong_kind = spell(wrong(case.truth, case.text))
    assert wrong_value != value and wrong_kind == kind, (case, wrong_value)
    record = {
        "category": case.category,
        "text": case.text,
        "value": value,
        "wrong_value": wrong_value,
    }
    if kind:
        record["kind"] = kind
    record["spec"] = case.result.spec
    record["index"] = case.result.index
    record["result"] = case.result.position
    record["input"] = case.result.sentence
    if case.result.spec_text != case.text:
        record["spec_text"] = case.result.spec_text
    return record


def render(cases: list[Kept]) -> str:
    records = [case_record(c) for c in cases]
    for number, record in enumerate(records, 1):
        record["id"] = f"{record['category']}-{number:03d}"
    records = [{"id": r.pop("id"), **r} for r in records]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def rules_markdown() -> str:
    lines = ["| rule | what it drops |", "| --- | --- |"]
    lines += [f"| `{name}` | {text} |" for name, text in RULES.items()]
    return "\n".join(lines)


def report(kept: list[Kept], dropped: list[Dropped]) -> str:
    lines = ["kept per category:"]
    kept_count = Counter(c.category for c in kept)
    for category in CATEGORIES:
        lines.append(f"  {category:13} {kept_count[category]:4}")
    lines.append(f"  {'total':13} {len(kept):4}")
    lines.append("dropped per rule (results):")
    for rule, n in Counter(d.rule for d in dropped).most_common():
        lines.append(f"  {rule:24} {n:5}")
    return "\n".join(lines)


def sample(kept: list[Kept], dropped: list[Dropped], n: int) -> str:
    import random

    rng = random.Random(7)
    lines = []
    for category in CATEGORIES:
        pool = [c for c in kept if c.category == category]
        lines.append(f"== {category}: kept")
        for c in rng.sample(pool, min(n, len(pool))):
            value, _ = spell(c.truth)
            lines.append(f"   {c.text!r:45} {value!r}")
        pool_d = [d for d in dropped if d.category == category
                  and d.rule not in ("duplicate", "shape-limit", "category-cap")]
        lines.append(f"== {category}: dropped")
        for d in rng.sample(pool_d, min(n, len(pool_d))):
            lines.append(f"   {d.result.text!r:45} {d.rule}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, default=DEFAULT_SPECS,
                        help="the Recognizers-Text Specs folder (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--report", action="store_true", help="counts per category and rule")
    parser.add_argument("--sample", type=int, default=0, metavar="N",
                        help="print N kept and N dropped expressions per category")
    parser.add_argument("--check", action="store_true",
                        help="fail if the output file differs from a fresh selection")
    parser.add_argument("--rules-markdown", action="store_true",
                        help="print the rule table for the data README and exit")
    args = parser.parse_args()
    if args.rules_markdown:
        print(rules_markdown())
        return 0
    if not args.specs.is_dir():
        parser.error(f"no Specs folder at {args.specs}: unpack Recognizers-Text's Specs there "
                     "or give --specs")
    kept, dropped = select(args.specs)
    text = render(kept)
    if args.report:
        print(report(kept, dropped))
        print(check_units())
    if args.sample:
        print(sample(kept, dropped, args.sample))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: rerun {Path(__file__).name}", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({len(kept)} cases)")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(kept)} cases to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Typed fact values: what a value in the facts file means, and when a stated figure agrees with it.

A value is typed by how it is written (``1939-10-10`` is a day, ``1920-10`` a month, ``1926`` a
year, ``1920s`` a decade, ``20,000`` a count, ``80%`` a percentage, ``1/5`` a fraction).
Each kind is a small frozen dataclass with the same three duties:

* ``describe()`` – the canonical spelling used in messages (``1939-10-10``);
* ``agrees(stated)`` – whether a figure read from the prose (a :class:`Stated`) states this value;
* the kind name (``kind``), used by the facts-file schema and the reference page.

Rendering in the house style lives in :mod:`factcheck.render`; reading figures from prose lives in
:mod:`factcheck.scan`.  Later kinds (quantities with units, money, ranges, hedged and derived
values) slot in as further dataclasses with the same duties.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import ClassVar, Literal

Precision = Literal["decade", "year", "month", "day"]

# Precision order: a statement may be as precise as its fact, or less, never more.
_PRECISION_RANK: dict[str, int] = {"decade": 0, "year": 1, "month": 2, "day": 3}


class BadValue(ValueError):
    """A value in the facts file that cannot be typed (the message says why)."""


@dataclass(frozen=True)
class Stated:
    """A figure as read from the prose, before it is compared with a fact.

    Dates may lack parts: ``September 17`` has no year, ``1920`` has no month.
    ``number`` holds the figure's numeric reading (``19th`` reads 19, ``one fifth`` reads 1/5).
    """

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    decade: bool = False
    number: Fraction | None = None
    percent: bool = False

    @property
    def is_date(self) -> bool:
        return self.year is not None or self.month is not None


@dataclass(frozen=True)
class DateValue:
    """A calendar date known to a precision: decade, year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None
    precision: Precision = "day"
    kind = "date"

    def describe(self) -> str:
        if self.precision == "decade":
            return f"{self.year}s"
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def agrees(self, stated: Stated) -> bool:
        if stated.decade:
            # "the 1920s" agrees with any date in that decade.
            return stated.year is not None and self.year // 10 == stated.year // 10
        if not stated.is_date:
            # A bare number under a date fact: a year written as a plain number.
            return (
                self.precision != "decade"
                and stated.number is not None
                and stated.number == self.year
            )
        if _PRECISION_RANK[_stated_precision(stated)] > _PRECISION_RANK[self.precision]:
            return False  # the prose claims more than the facts file knows
        return (
            (stated.year is None or stated.year == self.year)
            and (stated.month is None or stated.month == self.month)
            and (stated.day is None or stated.day == self.day)
            and not (self.precision == "decade" and stated.year is not None)
        )


def _stated_precision(stated: Stated) -> Precision:
    if stated.day is not None:
        return "day"
    if stated.month is not None:
        return "month"
    return "year"


@dataclass(frozen=True)
class _NumericValue:
    """What numbers, percentages and fractions share: an exact value, compared exactly."""

    value: Fraction
    #: Whether a statement must carry a percent sign ("80%", "80 percent") to state this value.
    percent: ClassVar[bool] = False

    def agrees(self, stated: Stated) -> bool:
        return (stated.number is not None and stated.percent == self.percent
                and stated.number == self.value)


@dataclass(frozen=True)
class NumberValue(_NumericValue):
    """A count or measured number, exact as written (``7.5 million`` is 7500000)."""

    kind = "number"

    def describe(self) -> str:
        return _plain_number(self.value)


@dataclass(frozen=True)
class PercentValue(_NumericValue):
    """A percentage: ``80%`` is stored as 80."""

    kind = "percent"
    percent = True

    def describe(self) -> str:
        return f"{_plain_number(self.value)}%"


@dataclass(frozen=True)
class FractionValue(_NumericValue):
    """A proportion written as a fraction: ``1/5`` (stated in prose as "one fifth")."""

    kind = "fraction"

    def describe(self) -> str:
        return f"{self.value.numerator}/{self.value.denominator}"


FactValue = DateValue | NumberValue | PercentValue | FractionValue

#: The kinds a value may be given explicitly with ``type:`` in the facts file.
KINDS: tuple[str, ...] = ("date", "number", "percent", "fraction")


def _plain_number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3}0)s$")
_PERCENT = re.compile(r"^(.+?)\s*%$")
_FRACTION = re.compile(r"^(\d+)\s*/\s*(\d+)$")
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_NUMBER = re.compile(
    r"^([+-]?[\d,\s\u00a0\u202f\u2009]*\d(?:\.\d+)?)(?:\s+(thousand|million|billion))?$"
)


def parse_number(text: str) -> Fraction:
    """Read a plain number as written in the facts file or the prose.

    Accepts thousands separators (``20,000``, ``20 000``, narrow and no-break spaces), a decimal
    point, and a scale word (``7.5 million``).  Raises :class:`BadValue` otherwise.
    """
    match = _NUMBER.match(text.strip())
    if not match:
        raise BadValue(f"{text!r} is not a number")
    digits, scale = match.groups()
    cleaned = re.sub(r"[,\s\u00a0\u202f\u2009]", "", digits)
    if "," in digits or re.search(r"\d\s", digits):
        groups = re.split(r"[,\s\u00a0\u202f\u2009]", digits.split(".")[0].lstrip("+-"))
        if any(len(g) != 3 for g in groups[1:]) or not 1 <= len(groups[0]) <= 3:
            raise BadValue(f"{text!r} has misplaced thousands separators")
    try:
        number = Fraction(Decimal(cleaned))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guards this
        raise BadValue(f"{text!r} is not a number") from exc
    return number * _SCALES[scale] if scale else number


def parse_date(text: str) -> DateValue:
    """Read an ISO date of day, month, year or decade precision; reject impossible dates."""
    text = text.strip()
    if m := _DAY.match(text):
        year, month, day = (int(g) for g in m.groups())
        _check_month(text, month)
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise BadValue(
                f"{text!r} is not a date: {calendar.month_name[month]} {year} has {last} days"
            )
        return DateValue(year, month, day, "day")
    if m := _MONTH.match(text):
        year, month = (int(g) for g in m.groups())
        _check_month(text, month)
        return DateValue(year, month, None, "month")
    if m := _YEAR.match(text):
        return DateValue(int(m.group(1)), None, None, "year")
    if m := _DECADE.match(text):
        return DateValue(int(m.group(1)), None, None, "decade")
    raise BadValue(
        f"{text!r} is not a date (write YYYY-MM-DD, YYYY-MM, YYYY or YYYYs, e.g. 1939-10-10)"
    )


def _check_month(text: str, month: int) -> None:
    if not 1 <= month <= 12:
        raise BadValue(f"{text!r} is not a date: there is no month {month}")


def parse_value(text: str, kind: str | None = None) -> FactValue:
    """Type a facts-file value by how it is written, or as the explicit ``kind``.

    >>> parse_value("1939-10-10").describe()
    '1939-10-10'
    >>> parse_value("20,000").describe()
    '20000'

    A four-digit number on its own reads as a year; give ``type: number`` (or write it with a
    separator, ``3,000``) for a count.
    """
    text = str(text).strip()
    if kind is None:
        kind = _infer_kind(text)
    if kind == "date":
        return parse_date(text)
    if kind == "percent":
        m = _PERCENT.match(text)
        return PercentValue(parse_number(m.group(1) if m else text))
    if kind == "fraction":
        m = _FRACTION.match(text)
        if not m or int(m.group(2)) == 0:
            raise BadValue(f"{text!r} is not a fraction (write it as 1/5)")
        return FractionValue(Fraction(int(m.group(1)), int(m.group(2))))
    if kind == "number":
        return NumberValue(parse_number(text))
    raise BadValue(f"unknown type {kind!r} (known: {', '.join(KINDS)})")


def _infer_kind(text: str) -> str:
    if _DAY.match(text) or _MONTH.match(text) or _YEAR.match(text) or _DECADE.match(text):
        return "date"
    if re.match(r"^\d{4}-\d+(-\d+)?$", text):
        return "date"  # a malformed date still gets the date error message
    if _PERCENT.match(text):
        return "percent"
    if _FRACTION.match(text):
        return "fraction"
    return "number"

"""Dates: a day, a month, a year, a decade or a century, or the early, middle or late part of one.

Every date stands for a span of days, and a statement agrees with a fact when the fact's span lies
inside the statement's: ``1939`` states a fact of 1939-10-10, ``October 10, 1939`` does not state a
fact known only as ``1939-10`` (it is more precise than the facts file), ``September 1939`` does not
state 1939-10-04.  A statement may leave the year out ("September 17", "the thirties"): it then
agrees with a fact in any year that fits.

The parts of a span (:data:`PARTS`) are fixed and documented: the early, middle and late part of
a month are days 1–10, 11–20 and 21 to the end; of a year January–April, May–August and
September–December; of a decade its years 0–3, 4–6 and 7–9; of a century its years 0–32, 33–66
and 67–99.  A century is counted the popular way: the 18th century is 1700–1799.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, replace
from typing import ClassVar

from factcheck.values.base import BadValue, Hedge, hedge_phrase

PRECISIONS = ("century", "decade", "year", "month", "day")
PART_NAMES = ("early", "mid", "late")

#: For each precision, the bounds of its early, middle and late part, in the unit below it
#: (days of a month, months of a year, years of a decade or century).
PARTS: dict[str, tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] = {
    "month": ((1, 10), (11, 20), (21, 31)),
    "year": ((1, 4), (5, 8), (9, 12)),
    "decade": ((0, 3), (4, 6), (7, 9)),
    "century": ((0, 32), (33, 66), (67, 99)),
}

MIN_YEAR, MAX_YEAR = datetime.MINYEAR, datetime.MAXYEAR


@dataclass(frozen=True)
class DateValue:
    """A date known to a precision; ``year`` is ``None`` in a statement that leaves it out.

    For a decade ``year`` is its first year (1930); for a century its first year (1700).  A
    decade whose century is not said ("the thirties") has ``century_known=False`` and ``year``
    30.
    """

    precision: str
    year: int | None
    month: int | None = None
    day: int | None = None
    part: str | None = None
    hedge: Hedge | None = None
    century_known: bool = True
    #: Statement only: the weekday written with the day ("Tuesday, October 10"), Monday = 0.
    weekday: int | None = None

    kind: ClassVar[str] = "date"

    def with_hedge(self, hedge: Hedge | None) -> DateValue:
        return replace(self, hedge=hedge)

    def describe(self) -> str:
        part = f"{self.part} " if self.part else ""
        return hedge_phrase(self.hedge) + part + self._describe_anchor()

    def _describe_anchor(self) -> str:
        if self.precision == "century":
            assert self.year is not None
            return f"{ordinal_en(self.year // 100 + 1)} century"
        if self.precision == "decade":
            return f"{self.year}s" if self.century_known else f"'{self.year:02d}s"
        year = f"{self.year:04d}" if self.year is not None else "-"
        if self.precision == "year":
            return year
        if self.precision == "month":
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def span(self) -> tuple[datetime.date, datetime.date]:
        """First and last day, for a date whose year is known."""
        if self.year is None or not self.century_known:
            raise ValueError(f"{self.describe()} has no year")
        first, last = _anchor_span(self)
        if self.part is None:
            return first, last
        return _part_span(self, first, last)

    def in_year(self, year: int) -> DateValue:
        """This yearless date placed in ``year``."""
        return replace(self, year=year)


def _anchor_span(value: DateValue) -> tuple[datetime.date, datetime.date]:
    year = value.year
    assert year is not None
    if value.precision in ("century", "decade"):
        length = 100 if value.precision == "century" else 10
        return (datetime.date(max(year, MIN_YEAR), 1, 1),
                datetime.date(min(year + length - 1, MAX_YEAR), 12, 31))
    if value.precision == "year":
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    assert value.month is not None
    if value.precision == "month":
        return datetime.date(year, value.month, 1), _last_day(year, value.month)
    assert value.day is not None
    day = datetime.date(year, value.month, value.day)
    return day, day


def _part_span(value: DateValue, first: datetime.date,
               last: datetime.date) -> tuple[datetime.date, datetime.date]:
    low, high = PARTS[value.precision][PART_NAMES.index(value.part or "")]
    year = first.year
    if value.precision == "month":
        end = min(high, last.day)
        return first.replace(day=low), first.replace(day=end)
    if value.precision == "year":
        return datetime.date(year, low, 1), _last_day(year, high)
    return (datetime.date(max(year + low, MIN_YEAR), 1, 1),
            datetime.date(min(year + high, MAX_YEAR), 12, 31))


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def compare_dates(fact: DateValue, stated: DateValue) -> str | None:
    """Why ``stated`` does not state ``fact``, or ``None`` when it does."""
    first, last = fact.span()
    if stated.year is None or not stated.century_known:
        reason = _compare_without_year(fact, first, last, stated)
    else:
        reason = _compare_spans((first, last), stated.span())
    if reason is None and stated.weekday is not None and first.weekday() != stated.weekday:
        # The day agrees (so the fact is known to the day): the weekday written with it does not.
        return f"{fact.describe()} was a {calendar.day_name[first.weekday()]}, not a " \
               f"{calendar.day_name[stated.weekday]}"
    return reason


def _compare_without_year(fact: DateValue, first: datetime.date, last: datetime.date,
                          stated: DateValue) -> str | None:
    if not stated.century_known:
        # "the thirties": every year of the fact's span must be a thirties year of one century.
        assert stated.year is not None
        low = first.year - first.year % 100 + stated.year
        return _compare_spans((first, last), replace(stated, year=low, century_known=True).span())
    if first.year != last.year:
        return "more precise than the facts file knows it"
    return _compare_spans((first, last), stated.in_year(first.year).span())


def _compare_spans(fact: tuple[datetime.date, datetime.date],
                   stated: tuple[datetime.date, datetime.date]) -> str | None:
    if stated[0] <= fact[0] and fact[1] <= stated[1]:
        return None
    if fact[0] <= stated[1] and stated[0] <= fact[1]:
        return "more precise than the facts file knows it"
    return "another date"


def make_date(year: int | None, month: int | None = None, day: int | None = None,
              precision: str | None = None, part: str | None = None,
              century_known: bool = True) -> DateValue:
    """A checked date: an impossible one (``1939-02-30``, year 0, month 13) raises BadValue."""
    if precision is None:
        precision = "day" if day is not None else "month" if month is not None else "year"
    # The 1st century and the decade 0s start in the year before year 1 (their span is clamped
    # to the calendar); any other date must lie in it.
    lowest = 0 if precision in ("century", "decade") else MIN_YEAR
    if year is not None and century_known and not lowest <= year <= MAX_YEAR:
        raise BadValue(f"year {year} is outside the calendar this check knows "
                       f"({MIN_YEAR}–{MAX_YEAR}; there is no year 0)")
    if month is not None and not 1 <= month <= 12:
        raise BadValue(f"there is no month {month}")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            where = f"{calendar.month_name[month]} {year}" if year is not None \
                else calendar.month_name[month]
            raise BadValue(f"{where} has {last} days")
    if part is not None and part not in PART_NAMES:
        raise BadValue(f"unknown part {part!r} (known: {', '.join(PART_NAMES)})")
    return DateValue(precision, year, month, day, part, None, century_known)

"""Counts, percentages and proportions.

A percentage and a proportion are both a share of a whole: ``20%`` and ``one fifth`` state the
same share, and are compared as such (``20%`` to the nearest percent).  A plain count never
states a percentage: a bare ``80`` is not ``80%``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import ClassVar

from factcheck.values.base import Amount, Hedge, hedge_phrase, plain_number, within


@dataclass(frozen=True)
class _Numeric:
    amount: Amount
    hedge: Hedge | None = None
    #: Statement only: written as an ordinal ("19th", "nineteenth").
    ordinal: bool = False
    #: Statement only: could be a year (four digits, no separator or decimal; or year words).
    year_like: bool = False

    kind: ClassVar[str] = "number"

    @property
    def value(self) -> Fraction:
        return self.amount.value

    def with_hedge(self, hedge: Hedge | None) -> _Numeric:
        return replace(self, hedge=hedge)

    def share(self, rounded: bool = False) -> tuple[Fraction, Fraction] | None:
        """The share of a whole this value states (as an interval), if it states one."""
        return None


@dataclass(frozen=True)
class NumberValue(_Numeric):
    """A count or a measured number: ``20,000``, ``3.8 million``, ``-5``, ``2.5``."""

    kind: ClassVar[str] = "number"

    def describe(self) -> str:
        return hedge_phrase(self.hedge) + _describe_amount(self.amount)


@dataclass(frozen=True)
class PercentValue(_Numeric):
    """A percentage: ``80%`` is stored as 80 (known to the percent)."""

    kind: ClassVar[str] = "percent"

    def describe(self) -> str:
        return hedge_phrase(self.hedge) + f"{_describe_amount(self.amount)}%"

    def share(self, rounded: bool = False) -> tuple[Fraction, Fraction]:
        low, high = self.amount.interval(rounded)
        return low / 100, high / 100


@dataclass(frozen=True)
class FractionValue(_Numeric):
    """A proportion: ``1/5``, stated in prose as "one fifth", "1/5" or "⅕"."""

    kind: ClassVar[str] = "fraction"

    def describe(self) -> str:
        value = self.amount.value
        return hedge_phrase(self.hedge) + f"{value.numerator}/{value.denominator}"

    def share(self, rounded: bool = False) -> tuple[Fraction, Fraction]:
        return self.amount.interval(rounded)


def _describe_amount(amount: Amount) -> str:
    return plain_number(amount.value)


def compare_numbers(fact: _Numeric, stated: _Numeric) -> str | None:
    """Why ``stated`` does not state ``fact`` (hedges aside), or ``None`` when it does."""
    rounded = bool(stated.hedge and stated.hedge.rounds)
    fact_share, stated_share = fact.share(), stated.share(rounded)
    if fact_share is None and stated_share is None:
        return compare_amounts(fact.amount, stated.amount, stated.hedge)
    if fact_share is None and isinstance(stated, FractionValue):
        return compare_amounts(fact.amount, stated.amount, stated.hedge)  # "2 1/4" is 2.25
    if stated_share is None and isinstance(fact, FractionValue):
        stated_share = stated.amount.interval(rounded)  # "0.2" states the proportion 1/5
    if fact_share is None or stated_share is None:
        return f"a {stated.kind} does not state a {fact.kind}"
    # "one fifth" states a fact of 20%, and "20%" a fact of 1/5: both are shares of a whole.
    if isinstance(stated, FractionValue) and isinstance(fact, PercentValue):
        # A fraction is as exact as it is simple: it states a percentage it rounds to.
        value = stated.amount.value
        return None if fact_share[0] <= value <= fact_share[1] else "another share"
    return _compare_intervals(fact_share, stated_share)


def compare_amounts(fact: Amount, stated: Amount, hedge: Hedge | None) -> str | None:
    """Why the amount ``stated`` (under ``hedge``) does not state ``fact``, or ``None``."""
    if stated.value == fact.value:
        return None  # the fact's own value, written with more digits ("4.800" for 4.8)
    rounded = bool(hedge and hedge.rounds)
    return _compare_intervals(fact.interval(), stated.interval(rounded=rounded))


Interval = tuple[Fraction, Fraction]


def _compare_intervals(fact: Interval, stated: Interval) -> str | None:
    if within(fact, stated):
        return None
    if _overlaps(fact, stated):
        return "more precise than the facts file knows it"
    return "another value"


def _overlaps(a: tuple[Fraction, Fraction], b: tuple[Fraction, Fraction]) -> bool:
    """Whether two intervals share more than an end point: 116 ([115.5, 116.5]) and 117
    ([116.5, 117.5]) only touch, so 117 for 116 is another value, not a more precise one."""
    return a[0] < b[1] and b[0] < a[1]

"""Render a fact's canonical value in the house style, with Babel's CLDR locale data."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent

from factcheck.values import DateValue, FactValue, FractionValue, NumberValue, PercentValue


def render_value(value: FactValue, locale: str = "en", date_format: str = "long") -> str:
    """The text a bare ``{fact}`id``` role shows.

    ``date_format`` is a Babel date format (``"long"`` gives "October 10, 1939" in English,
    ``"d MMMM y"`` gives "10 October 1939"); it applies to day-precision dates.  Month and year
    precision use the locale's own skeletons (``yMMMM``, ``y``), so a fact never looks more precise
    than it is.
    """
    if isinstance(value, DateValue):
        return _render_date(value, locale, date_format)
    if isinstance(value, PercentValue):
        # No quantization: the locale's pattern would round 12.5 % to "12%".
        return format_percent(_decimal(value.value) / 100, locale=locale,
                              decimal_quantization=False)
    if isinstance(value, NumberValue):
        return format_decimal(_decimal(value.value), locale=locale, decimal_quantization=False)
    if isinstance(value, FractionValue):
        return value.describe()
    raise TypeError(f"no rendering for {value!r}")  # a new value kind must add one


def _render_date(value: DateValue, locale: str, date_format: str) -> str:
    if value.precision == "decade":
        return f"{value.year}s"
    if value.precision == "year":
        return format_skeleton("y", datetime.date(value.year, 1, 1), locale=locale)
    if value.precision == "month":
        assert value.month is not None
        return format_skeleton("yMMMM", datetime.date(value.year, value.month, 1), locale=locale)
    assert value.month is not None and value.day is not None
    return format_date(datetime.date(value.year, value.month, value.day), date_format, locale)


def _decimal(number: Fraction) -> Decimal:
    return Decimal(number.numerator) / Decimal(number.denominator)

"""Render a fact's canonical value in the house style, with Babel's CLDR locale data.

What a bare ``{fact}`id``` shows.  Every kind is rendered so that the reader reads it back as
the same value (the round trip is a property test): dates with the locale's date formats and
interval formats, numbers with its symbols (round figures with its scale words: "3.8 million",
"3,8 Millionen"), quantities with CLDR's unit symbols ("6,739 km²"), money with its currency
names, hedges with the grammar's words.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_name,
)

from factcheck.reading.grammar import grammar_for
from factcheck.values import (
    Amount,
    DateValue,
    FractionValue,
    Hedge,
    MoneyValue,
    NumberValue,
    PercentValue,
    QuantityValue,
    RangeValue,
)


def render_value(value: Any, locale: str = "en", date_format: str = "long") -> str:
    """The text a bare ``{fact}`id``` role shows.

    ``date_format`` is a Babel date format (``"long"`` gives "October 10, 1939" in English,
    ``"d MMMM y"`` gives "10 October 1939"); it applies to day-precision dates.  Month and year
    precision use the locale's own skeletons (``yMMMM``, ``y``), so a fact never looks more precise
    than it is.  Raises ValueError for a date format Babel cannot use.
    """
    try:
        return _render_cached(value, locale, date_format)
    except TypeError:  # a value with an unhashable part cannot be a cache key
        return _render_with_hedge(value, locale, date_format)


@lru_cache(maxsize=4096)
def _render_cached(value: Any, locale: str, date_format: str) -> str:
    # Values are frozen and compare by kind and digits; a site renders the same fact in every
    # role, note and register row that shows it, and Babel's formatting is the costly part.
    return _render_with_hedge(value, locale, date_format)


def _render_with_hedge(value: Any, locale: str, date_format: str) -> str:
    locale = locale.replace("-", "_")
    hedge = _hedge_word(getattr(value, "hedge", None), locale)
    return (f"{hedge} " if hedge else "") + _render(value, locale, date_format)


def _render(value: Any, locale: str, date_format: str) -> str:
    if isinstance(value, DateValue):
        return _render_date(value, locale, date_format)
    if isinstance(value, PercentValue):
        # No quantization: the locale's pattern would round 12.5 % to "12%".
        return format_percent(_decimal(value.amount.value) / 100, locale=locale,
                              decimal_quantization=False)
    if isinstance(value, FractionValue):
        fraction = value.amount.value
        return f"{fraction.numerator}/{fraction.denominator}"
    if isinstance(value, NumberValue):
        return render_amount(value.amount, locale)
    if isinstance(value, QuantityValue):
        return _render_quantity(value, locale)
    if isinstance(value, MoneyValue):
        return _render_money(value, locale)
    if isinstance(value, RangeValue):
        return _render_range(value, locale, date_format)
    raise TypeError(f"no rendering for {value!r}")  # a new value kind must add one


def render_amount(amount: Amount, locale: str) -> str:
    """A number; a round one with the locale's scale word ("3.8 million", "3,8 Millionen")."""
    value, step = amount.value, amount.step
    if step >= 1000 and value.denominator == 1 and abs(value) >= 1_000_000:
        digits = _fraction_digits(value, step)
        if digits is not None:
            return format_compact_decimal(_decimal(value), format_type="long", locale=locale,
                                          fraction_digits=digits)
    return format_decimal(_decimal(value), locale=locale, decimal_quantization=False)


def _fraction_digits(value: Fraction, step: Fraction) -> int | None:
    """Decimals the compact form needs to show ``step`` (None when it cannot: 1,500 thousand)."""
    magnitude = 10 ** (3 * ((len(str(abs(value.numerator))) - 1) // 3))
    digits = 0
    while step * 10**digits < magnitude and digits < 3:
        digits += 1
    return digits if step * 10**digits == magnitude else None


def _render_date(value: DateValue, locale: str, date_format: str) -> str:
    grammar = grammar_for(Locale.parse(locale).language)
    part = _part_word(value.part, locale)
    if value.precision == "century":
        return (f"{part} " if part else "") + _century(value, locale)
    if value.precision == "decade":
        return (f"{part} " if part else "") + _decade(value, locale, grammar)
    assert value.year is not None
    if value.precision == "year":
        text = format_skeleton("y", datetime.date(value.year, 1, 1), locale=locale)
    elif value.precision == "month":
        assert value.month is not None
        text = format_skeleton("yMMMM", datetime.date(value.year, value.month, 1),
                               locale=locale)
    else:
        assert value.month is not None and value.day is not None
        text = format_date(datetime.date(value.year, value.month, value.day), date_format,
                           locale)
    return (f"{part} " if part else "") + text


def _decade(value: DateValue, locale: str, grammar: Any) -> str:
    year = value.year if value.century_known else f"'{value.year:02d}"
    language = Locale.parse(locale).language
    if language == "de":
        return f"{year}er Jahre"
    if language == "fr":
        return f"années {year}"
    return f"{year}s"


def _century(value: DateValue, locale: str) -> str:
    assert value.year is not None
    number = value.year // 100 + 1
    language = Locale.parse(locale).language
    if language == "de":
        return f"{number}. Jahrhundert"
    if language == "fr":
        return f"{number}e siècle"
    from factcheck.values.dates import ordinal_en

    return f"{ordinal_en(number)} century"


def _part_word(part: str | None, locale: str) -> str:
    if part is None:
        return ""
    grammar = grammar_for(Locale.parse(locale).language)
    return next(word for word, meaning in grammar.parts.items() if meaning == part)


def _hedge_word(hedge: Hedge | None, locale: str) -> str:
    if hedge is None:
        return ""
    grammar = grammar_for(Locale.parse(locale).language)
    return next((word for word, meaning in grammar.hedges.items() if meaning is hedge), "")


def _render_quantity(value: QuantityValue, locale: str) -> str:
    number = render_amount(value.amount, locale)
    if value.unit is None:
        return number
    from babel.units import format_unit

    from factcheck.reading.lexicon import lexicon_for
    from factcheck.reading.units import unit_keys

    key = unit_keys(lexicon_for(locale)).get(value.unit)
    if key is None:
        from factcheck.values.quantities import symbol_of

        return f"{number}\u00a0{symbol_of(value.unit)}"
    exact = value.amount.value
    if exact.denominator == 1 and value.amount.step <= 1:
        # Babel picks the plural form from the number: "15 years", "1 day", "15 Jahre".
        length = "long" if key.startswith("duration-") else "short"
        return format_unit(_decimal(exact), key, length=length, locale=locale)
    return format_unit(number, key, length="short", locale=locale)


def _render_money(value: MoneyValue, locale: str) -> str:
    amount = value.amount
    if amount.step >= 1000 and abs(amount.value) >= 1_000_000:
        number = render_amount(amount, locale)
        count = 2 if amount.value != 1 else 1
        return f"{number} {get_currency_name(value.currency, count=count, locale=locale)}"
    return format_currency(_decimal(amount.value), value.currency, locale=locale,
                           currency_digits=False, decimal_quantization=False)


def _render_range(value: RangeValue, locale: str, date_format: str) -> str:
    low, high = value.low, value.high
    if (isinstance(low, DateValue) and isinstance(high, DateValue)
            and low.precision == high.precision == "day"):
        start, end = low.span()[0], high.span()[0]
        return format_interval(start, end, "yMMMMd", locale=locale)
    return f"{_render(low, locale, date_format)}\u2013{_render(high, locale, date_format)}"


def _decimal(number: Fraction) -> Decimal:
    with localcontext() as context:
        context.prec = max(28, len(str(number.numerator)) + 4)
        return Decimal(number.numerator) / Decimal(number.denominator)

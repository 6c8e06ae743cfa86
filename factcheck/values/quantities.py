"""Quantities with a unit (``6,739 km²``, ``15 years``) and sums of money (``7.5 million USD``).

Units are pint's: a unit written in the prose (``km2``, ``km²``, ``square kilometres``, ``sq mi``,
``hectares``, ``tonnes``) is normalised to pint's syntax and parsed by pint's registry, so every
conversion factor comes from pint and none is written here.  pint costs about 0.2 s to load, so it
is imported the first time a unit is actually parsed or converted, never at start-up.

A figure in the fact's own unit is compared exactly as a number; a figure in another unit of the
same dimension ("2,602 sq mi" for a fact of 6,739 km²) is compared after conversion, to the
precision it is written with (the nearest square mile): the statement's interval must hold the
fact's converted interval, or lie inside it and hold the converted value (a finer unit: "673,900
hectares").  A converted value exactly half-way between two figures rounds to either (both
half-up and half-even rounding are in use).  A unit of another dimension is a mismatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from factcheck.values.base import Amount, BadValue, Hedge, hedge_phrase, plain_number, within

if TYPE_CHECKING:
    import pint


@dataclass(frozen=True)
class QuantityValue:
    """An amount in a unit; ``unit`` is pint's canonical spelling (``kilometer ** 2``).

    In a statement ``unit`` may be ``None``: the figure was written without a unit (a table
    column headed "km²"), and its number is compared in the fact's unit.
    """

    amount: Amount
    unit: str | None
    hedge: Hedge | None = None
    written_unit: str = ""

    kind: ClassVar[str] = "quantity"

    def with_hedge(self, hedge: Hedge | None) -> QuantityValue:
        return replace(self, hedge=hedge)

    def describe(self) -> str:
        # The unit as written ("km2" shown "km²"), else pint's own name: describing a value must
        # not need pint loaded.
        unit = re.sub(r"(?<=[^\W\d_])([23])$", lambda m: "²³"[int(m.group(1)) - 2],
                      self.written_unit) or self.unit or ""
        return hedge_phrase(self.hedge) + f"{plain_number(self.amount.value)} {unit}".strip()


@dataclass(frozen=True)
class MoneyValue:
    """An amount of a currency, ``currency`` an ISO 4217 code (historical ones included: LTL).

    In a statement ``currencies`` is every code the written currency may mean ("dollars" is many
    currencies; the fact says which); empty when no currency was written.
    """

    amount: Amount
    currency: str
    hedge: Hedge | None = None
    currencies: frozenset[str] = frozenset()
    written_currency: str = ""

    kind: ClassVar[str] = "money"

    def with_hedge(self, hedge: Hedge | None) -> MoneyValue:
        return replace(self, hedge=hedge)

    def describe(self) -> str:
        return hedge_phrase(self.hedge) + f"{plain_number(self.amount.value)} {self.currency}"


# --------------------------------------------------------------------------- units (pint)


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    import pint

    return pint.UnitRegistry(cache_folder=":auto:")


_SUPERSCRIPTS = str.maketrans({"²": "2", "³": "3"})
_POWER_WORDS = {"square": 2, "sq": 2, "cubic": 3, "cu": 3}


def to_pint(written: str) -> str | None:
    """``written`` (a unit as prose writes it) in pint's syntax, or ``None`` if it is not one.

    ``km2``/``km²`` → ``km**2``; ``square kilometres``/``sq mi`` → ``kilometres**2``/``mi**2``;
    ``km/h`` and ``kilometres per hour`` → ``km/h``.  pint then decides what is a unit.
    """
    text = written.strip().translate(_SUPERSCRIPTS).replace(".", " ").strip()
    if not text or len(text) > 40:
        return None
    if "**" in text or "_" in text:
        return text  # already pint's syntax: km**2, square_mile
    parts = [p for p in re.split(r"\s+per\s+|/", text) if p.strip()]
    if not parts:
        return None
    converted = [_power_term(part.strip()) for part in parts]
    if any(term is None for term in converted):
        return None
    return "/".join(f"({term})" if "/" in term else term for term in converted if term)


def _power_term(term: str) -> str | None:
    words = term.split()
    power = 1
    if words and words[0].lower() in _POWER_WORDS:
        power = _POWER_WORDS[words[0].lower()]
        words = words[1:]
    if len(words) != 1 or not re.fullmatch(r"[^\W\d_]+[23]?|°[CFK]", words[0]):
        return None
    word = words[0]
    if word[-1] in "23" and word[:-1].isalpha():
        power, word = int(word[-1]), word[:-1]
    return f"{word}**{power}" if power != 1 else word


@lru_cache(maxsize=1024)
def parse_unit(written: str) -> str | None:
    """pint's canonical unit for ``written``, or ``None`` when pint does not know it."""
    expression = to_pint(written)
    if expression is None:
        return None
    try:
        units = registry().parse_units(expression)
    except Exception:  # noqa: BLE001 - pint raises many kinds of error for "not a unit"
        return None
    if units.dimensionless:
        return None
    return str(units)


def symbol_of(unit: str) -> str:
    """A short symbol for messages and rendering: ``km²`` for ``kilometer ** 2``."""
    try:
        text = format(registry().parse_units(unit), "~P")
    except Exception:  # noqa: BLE001
        return unit
    # pint's one-letter symbols for time ("a" for a year, "d" for a day) read badly in prose.
    return unit if len(text) == 1 and unit.isalpha() else text or unit


def dimensionality(unit: str) -> str:
    return str(registry().parse_units(unit).dimensionality)


def compare_quantities(fact: QuantityValue, stated: QuantityValue) -> str | None:
    """Why ``stated`` does not state ``fact`` (hedges aside), or ``None`` when it does."""
    from factcheck.values.numbers import compare_amounts

    if stated.unit is None or stated.unit == fact.unit:
        return compare_amounts(fact.amount, stated.amount, stated.hedge)
    assert fact.unit is not None
    if dimensionality(stated.unit) != dimensionality(fact.unit):
        return (f"{stated.written_unit or symbol_of(stated.unit)} does not measure what "
                f"{symbol_of(fact.unit)} does")
    converted = _convert(fact.amount.value, fact.unit, stated.unit)
    low, high = sorted(_convert(v, fact.unit, stated.unit) for v in fact.amount.interval())
    rounded = bool(stated.hedge and stated.hedge.rounds)
    written = stated.amount.interval(rounded)
    # As with numbers in the fact's own unit: the statement covers the fact's interval
    # ("2,602 sq mi" for 6,739 km²), or it is a finer spelling of the fact's value, which rounds
    # to it ("673,900 hectares" for 6,739 km²).  "one mile" for 1 km does neither: 0.62 mi
    # rounds to 1, but 1 mile is no spelling of a kilometre.
    if within((low, high), written) or (within(written, (low, high))
                                        and within((converted, converted), written)):
        return None
    return f"another value once converted ({float(converted):,.2f} {symbol_of(stated.unit)})"


def _convert(value: Fraction, unit: str, to: str) -> Fraction:
    quantity: Any = registry().Quantity(float(value), unit)
    return Fraction(quantity.to(to).magnitude)


def make_quantity(amount: Amount, written_unit: str, hedge: Hedge | None = None) -> QuantityValue:
    """A quantity whose unit must be known to pint (raises BadValue otherwise)."""
    unit = parse_unit(written_unit)
    if unit is None:
        raise BadValue(f"{written_unit!r} is not a unit pint knows (write it as pint does: "
                       "km**2, square_mile, hectare, year)")
    return QuantityValue(amount, unit, hedge, written_unit.strip())


# --------------------------------------------------------------------------- money (Babel)


def compare_money(fact: MoneyValue, stated: MoneyValue) -> str | None:
    from factcheck.values.numbers import compare_amounts

    if stated.currencies and fact.currency not in stated.currencies:
        return f"{stated.written_currency or 'that currency'} is not {fact.currency}"
    return compare_amounts(fact.amount, stated.amount, stated.hedge)


def make_money(amount: Amount, code: str, hedge: Hedge | None = None) -> MoneyValue:
    from babel.numbers import list_currencies

    if code not in list_currencies():
        raise BadValue(f"{code!r} is not an ISO 4217 currency code Babel knows (e.g. USD, EUR, "
                       "LTL)")
    return MoneyValue(amount, code, hedge)

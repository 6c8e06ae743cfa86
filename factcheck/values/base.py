"""What every value kind shares: the error type, hedges, and amounts known to a precision.

Two ideas carry the whole comparison (the table on the reference page is generated from
:data:`HEDGE_NAMES` and :func:`hedges_compatible`):

* An :class:`Amount` is a number *as written*: its value and the step of its last written digit.
  ``3.8 million`` is 3,800,000 known to the nearest 100,000, so it stands for the interval
  [3,750,000, 3,850,000]; ``20,000`` (digits, no scale word) is known to the unit.  A statement
  agrees with a fact when the fact's interval lies inside the statement's: a statement may be as
  precise as its fact or less, never more.  A hedged statement ("about 20,000") drops the trailing
  zeros from its precision (it is a round figure: [15,000, 25,000]).
* A :class:`Hedge` is a word that qualifies a figure ("about", "up to", "over").  Leaving a hedge
  out is not a mismatch; writing one that says something else is: "up to 50,000" is not
  "at least 50,000", and "over 3,000" is not "under 3,000", while "about" and "approximately", or
  "over" and "more than", are the same claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class BadValue(ValueError):
    """A value in the facts file that cannot be typed (the message says why)."""


class Hedge(StrEnum):
    """What a hedge word says about the figure it qualifies."""

    EXACT = "exact"  # only, exactly, precisely
    APPROX = "approx"  # about, approximately, around, some, roughly, circa
    NEARLY = "nearly"  # nearly, almost: a little below
    OVER = "over"  # over, more than, above
    AT_LEAST = "at-least"  # at least, no fewer than
    UNDER = "under"  # under, fewer than, less than, below
    UP_TO = "up-to"  # up to, at most, no more than

    @property
    def family(self) -> str:
        """Hedges of one family make the same claim: ``exact``, ``approx``, ``lower``, ``upper``."""
        return _FAMILY[self]

    @property
    def rounds(self) -> bool:
        """Whether the figure it qualifies is a round figure (trailing zeros not significant)."""
        return self in (Hedge.APPROX, Hedge.NEARLY)


_FAMILY = {
    Hedge.EXACT: "exact",
    Hedge.APPROX: "approx",
    Hedge.NEARLY: "approx",
    Hedge.OVER: "lower",
    Hedge.AT_LEAST: "lower",
    Hedge.UNDER: "upper",
    Hedge.UP_TO: "upper",
}

#: Hedges an exact fact admits: a rounder statement of it ("about 20,000", "nearly 20,000" for
#: 19,800).  A bound ("up to 20,000") is a claim of its own: the facts file must say it too, so
#: that a bound turned the other way ("at least 20,000") can never pass.
_TRUE_OF_EXACT = {Hedge.EXACT, Hedge.APPROX, Hedge.NEARLY}


def hedges_compatible(fact: Hedge | None, stated: Hedge | None) -> bool:
    """Whether a statement hedged ``stated`` may state a fact hedged ``fact``.

    No hedge in the statement is always compatible (the figure alone is then compared).  An exact
    fact (no hedge, or "only") admits rounding hedges ("about"); a hedged fact admits only hedges
    of its own family.
    """
    if stated is None:
        return True
    if fact is None or fact is Hedge.EXACT:
        return stated in _TRUE_OF_EXACT
    return fact.family == stated.family


def hedge_phrase(hedge: Hedge | None) -> str:
    """How messages name a hedge: ``'about '``, ``'up to '``, or ``''``."""
    return f"{HEDGE_NAMES[hedge]} " if hedge is not None else ""


#: The English word used for each hedge in messages and canonical spellings.
HEDGE_NAMES: dict[Hedge, str] = {
    Hedge.EXACT: "only",
    Hedge.APPROX: "about",
    Hedge.NEARLY: "nearly",
    Hedge.OVER: "over",
    Hedge.AT_LEAST: "at least",
    Hedge.UNDER: "under",
    Hedge.UP_TO: "up to",
}


@dataclass(frozen=True)
class Amount:
    """A number as written: its exact value and the step of its last written digit.

    ``step`` is 0 for a value known exactly (a fraction such as ``1/5``, a derived sum), 1 for an
    integer written with all its digits, 100,000 for ``3.8 million``, 0.1 for ``2.5``.
    """

    value: Fraction
    step: Fraction = Fraction(0)

    def interval(self, rounded: bool = False) -> tuple[Fraction, Fraction]:
        """The values this amount stands for (``rounded``: without its trailing zeros)."""
        step = self.round_step() if rounded else self.step
        half = step / 2
        return self.value - half, self.value + half

    def round_step(self) -> Fraction:
        """The step of the last non-zero digit: ``20,000`` is a round 2 × 10,000."""
        step = self.step
        if step <= 0 or self.value == 0:
            return step
        while (self.value / (step * 10)).denominator == 1 and step * 10 <= abs(self.value):
            step *= 10
        return step

    def scaled(self, factor: Fraction) -> Amount:
        return Amount(self.value * factor, self.step * abs(factor))

    def __neg__(self) -> Amount:
        return Amount(-self.value, self.step)


def within(inner: tuple[Fraction, Fraction], outer: tuple[Fraction, Fraction]) -> bool:
    """Whether the closed interval ``inner`` lies inside ``outer``."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def plain_number(value: Fraction) -> str:
    """A canonical decimal spelling for messages: ``7500000``, ``2.5``, ``1/3``."""
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:  # not a terminating decimal
        return f"{value.numerator}/{value.denominator}"
    from decimal import Decimal, localcontext

    with localcontext() as context:
        context.prec = max(28, len(str(value.numerator)) + len(str(value.denominator)))
        return format(Decimal(value.numerator) / Decimal(value.denominator), "f")

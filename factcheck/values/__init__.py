"""Typed values: what a value in the facts file means, one module per kind.

========== ================================ ===============================================
kind       written in the facts file         module
========== ================================ ===============================================
date       ``1939-10-10``, ``1920-10``,      :mod:`factcheck.values.dates`
           ``1926``, ``1920s``,
           ``18th century``
number     ``20,000``, ``3.8 million``,      :mod:`factcheck.values.numbers`
           ``-5``, ``2.5``
percent    ``80%``                           :mod:`factcheck.values.numbers`
fraction   ``1/5``                           :mod:`factcheck.values.numbers`
quantity   ``6,739 km2``, ``15 years``       :mod:`factcheck.values.quantities` (pint)
money      ``7.5 million USD``               :mod:`factcheck.values.quantities` (Babel)
range      ``1939-10-30/1939-11-01``,        :mod:`factcheck.values.ranges`
           ``3,000–4,000``
========== ================================ ===============================================

Any value may start with a hedge (``about 430,000``, ``up to 50,000``, ``over 3,000``).  Values
are written the same way whatever the site's language: ISO dates, English digits (``,`` groups
thousands, ``.`` is the decimal point) and English hedge and scale words.  Each kind has the same
duties: ``describe()`` (the canonical spelling used in messages), ``with_hedge()``, and a
``compare_*`` function that says why a statement does not state it.
"""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.values.base import Amount, BadValue, Hedge, hedges_compatible
from factcheck.values.dates import DateValue, make_date
from factcheck.values.numbers import FractionValue, NumberValue, PercentValue
from factcheck.values.quantities import MoneyValue, QuantityValue, make_money, make_quantity
from factcheck.values.ranges import RangeValue

__all__ = [
    "KINDS", "Amount", "BadValue", "DateValue", "FactValue", "FractionValue", "Hedge",
    "MoneyValue", "NumberValue", "PercentValue", "QuantityValue", "RangeValue",
    "hedges_compatible", "parse_amount", "parse_value",
]

FactValue = (DateValue | NumberValue | PercentValue | FractionValue | QuantityValue | MoneyValue
             | RangeValue)

#: The kinds a value may be given explicitly with ``type:`` in the facts file.
KINDS: tuple[str, ...] = ("date", "number", "percent", "fraction", "quantity", "money", "range")

#: Hedge words a facts-file value may start with (the prose reads many more, in its language).
FACT_HEDGES: dict[str, Hedge] = {
    "about": Hedge.APPROX, "approximately": Hedge.APPROX, "around": Hedge.APPROX,
    "some": Hedge.APPROX, "roughly": Hedge.APPROX, "circa": Hedge.APPROX, "c.": Hedge.APPROX,
    "nearly": Hedge.NEARLY, "almost": Hedge.NEARLY,
    "over": Hedge.OVER, "more than": Hedge.OVER, "above": Hedge.OVER,
    "at least": Hedge.AT_LEAST,
    "under": Hedge.UNDER, "fewer than": Hedge.UNDER, "less than": Hedge.UNDER,
    "below": Hedge.UNDER,
    "up to": Hedge.UP_TO, "at most": Hedge.UP_TO, "no more than": Hedge.UP_TO,
    "only": Hedge.EXACT, "exactly": Hedge.EXACT,
}
_HEDGE = re.compile(
    r"^(" + "|".join(re.escape(w) for w in sorted(FACT_HEDGES, key=len, reverse=True)) + r")\s+",
    re.IGNORECASE,
)

_ISO_DAY = re.compile(r"^(-?\d+)-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(-?\d+)-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3}0)s$")
_CENTURY = re.compile(r"^(\d{1,3})(?:st|nd|rd|th) century$", re.IGNORECASE)
_DATEISH = re.compile(r"^-?\d{1,4}-\d+(-\d+)?$|^\d{3,4}'?s$")
_PERCENT = re.compile(r"^(.+?)\s*%$")
_FRACTION = re.compile(r"^([-\u2212]?\d+)\s*/\s*(\d+)$")
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_NUMBER = re.compile(
    r"^(?P<sign>[+\-\u2212])?(?P<digits>[\d,\s\u00a0\u202f\u2009]*\d(?:\.\d+)?|\.\d+)"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion))?$"
)
_CURRENCY_CODE = re.compile(r"^(?:([A-Z]{3})\s+(.+)|(.+?)\s+([A-Z]{3}))$")
_RANGE_SEPARATOR = re.compile(r"\s*/\s*|\s*[\u2013\u2014]\s*|\s+to\s+")
#: "1939/1940" is an ISO 8601 interval of years, not the fraction 1939/1940.
_YEAR_RANGE = re.compile(r"^\d{4}/\d{4}$")
#: The number a range's end starts with; what follows it ("%", " years", " million USD") is
#: lent to a start written without it: "5–10%" is 5% to 10%.
_LEADING_NUMBER = re.compile(r"^[+\-\u2212]?(?:\d[\d,.\s\u00a0\u202f\u2009]*\d|\d)")


def parse_amount(text: str) -> Amount:
    """An amount as the facts file writes it: ``20,000``, ``3.8 million``, ``-5``, ``.5``.

    The step is that of the last written digit: 1 for ``20,000``, 0.1 for ``2.5``, 100,000 for
    ``3.8 million``.  Raises :class:`~factcheck.values.base.BadValue` for anything else.
    """
    match = _NUMBER.match(text.strip())
    if not match:
        raise BadValue(f"{text!r} is not a number")
    digits, scale = match.group("digits"), match.group("scale")
    if re.search(r"[,\s\u00a0\u202f\u2009]", digits):
        groups = re.split(r"[,\s\u00a0\u202f\u2009]", digits.split(".")[0])
        if any(len(g) != 3 for g in groups[1:]) or not 1 <= len(groups[0]) <= 3:
            raise BadValue(f"{text!r} has misplaced thousands separators")
    cleaned = re.sub(r"[,\s\u00a0\u202f\u2009]", "", digits)
    if len(cleaned) > 300:
        raise BadValue(f"a number of {len(cleaned)} digits is more than a fact needs (at most 300)")
    value = Fraction(cleaned)
    decimals = len(cleaned.split(".")[1]) if "." in cleaned else 0
    step = Fraction(1, 10**decimals)
    if scale:
        value *= _SCALES[scale]
        step *= _SCALES[scale]
    if match.group("sign") in ("-", "\u2212"):
        value = -value
    return Amount(value, step)


def parse_value(text: str, kind: str | None = None) -> FactValue:
    """Type a facts-file value by how it is written, or as the explicit ``kind``.

    >>> parse_value("1939-10-10").describe()
    '1939-10-10'
    >>> parse_value("about 20,000").describe()
    'about 20000'

    A four-digit number on its own reads as a year; give ``type: number`` (or write it with a
    separator, ``3,000``) for a count.  For the same reason ``1939/1940`` is a range of years
    (ISO 8601), not a fraction: write ``type: fraction`` for one.  A range's end lends its unit,
    ``%``, scale word or currency to a start written without it (``5–10%``, ``3–4 million USD``),
    as prose does; a range that ends before it starts is refused.
    """
    text = " ".join(str(text).split())
    hedge = None
    if match := _HEDGE.match(text):
        hedge = FACT_HEDGES[match.group(1).lower()]
        text = text[match.end():]
    if kind is not None and kind not in KINDS:
        raise BadValue(f"unknown type {kind!r} (known: {', '.join(KINDS)})")
    inferred = kind or _infer_kind(text)
    if inferred == "date" and kind is None and hedge is not None and hedge.family in (
            "lower", "upper") and _YEAR.match(text):
        inferred = "number"  # "over 3000" is a count; "circa 1920" stays a year
    try:
        value = _parse_unhedged(text, inferred)
    except BadValue as exc:
        if kind is None and (hint := _looks_like(text)):
            raise BadValue(f"{text!r} {hint}") from None
        raise exc from None
    return value.with_hedge(hedge) if hedge is not None else value


_FORMS = ("dates are written 1939-10-10, 1939-10, 1939, 1930s or '18th century'; numbers "
          "20,000, 3.8 million, -5, 2.5; 80%, 1/5, '6,739 km2', '7.5 million USD', ranges "
          "1939-10-30/1939-11-01 or 3,000–4,000")


def _looks_like(text: str) -> str:
    """A hint for a value written as prose writes it ("28 September 1939")."""
    from factcheck.reading.lexicon import lexicon_for
    from factcheck.reading.scanner import find_figures

    figures = find_figures(text, lexicon_for("en"), statement=True)
    if len(figures) == 1 and figures[0].text == text and figures[0].value is not None:
        value = figures[0].value
        if isinstance(value, DateValue) and value.year is not None:
            return f"is a date written as prose writes it: write it as {value.describe()}"
    if re.search(r"[^\W\d_]", text) and not re.search(r"\d", text):
        return f"is not a value the facts file reads ({_FORMS})"
    return ""


def _parse_unhedged(text: str, kind: str) -> FactValue:
    if kind == "range" or (kind == "date" and _RANGE_SEPARATOR.search(text)):
        return _parse_range(text)
    if kind == "date":
        return parse_date(text)
    if kind == "percent":
        m = _PERCENT.match(text)
        return PercentValue(parse_amount(m.group(1) if m else text))
    if kind == "fraction":
        m = _FRACTION.match(text)
        if not m or int(m.group(2)) == 0:
            raise BadValue(f"{text!r} is not a fraction (write it as 1/5)")
        return FractionValue(Amount(Fraction(int(m.group(1).replace("\u2212", "-")),
                                             int(m.group(2)))))
    if kind == "money":
        return _parse_money(text)
    if kind == "quantity":
        return _parse_quantity(text)
    return NumberValue(parse_amount(text))


def parse_date(text: str) -> DateValue:
    """An ISO date of day, month or year precision, a decade (``1920s``) or a century."""
    text = text.strip()
    try:
        if m := _ISO_DAY.match(text):
            return make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _ISO_MONTH.match(text):
            return make_date(int(m.group(1)), int(m.group(2)))
        if m := _YEAR.match(text):
            return make_date(int(m.group(1)))
        if m := _DECADE.match(text):
            return make_date(int(m.group(1)), precision="decade")
        if m := _CENTURY.match(text):
            return make_date((int(m.group(1)) - 1) * 100, precision="century")
        if re.match(r"^\d{3,4}'?s$", text):
            raise BadValue("a decade is written with the year that starts it, e.g. 1920s")
    except BadValue as exc:
        raise BadValue(f"{text!r} is not a date: {exc}") from None
    raise BadValue(f"{text!r} is not a date (write YYYY-MM-DD, YYYY-MM, YYYY, a decade YYY0s or "
                   "a century such as '18th century'; e.g. 1939-10-10)")


def _parse_money(text: str) -> MoneyValue:
    m = _CURRENCY_CODE.match(text)
    if not m:
        raise BadValue(f"{text!r} is not a sum of money (write the amount and an ISO 4217 code: "
                       "'7.5 million USD')")
    code, amount = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return make_money(parse_amount(amount), code)


_QUANTITY = re.compile(r"^([+\-\u2212]?[\d.,\s\u00a0\u202f\u2009]*\d(?:\s+(?:thousand|million|"
                       r"billion|trillion))?)\s*([^\d\s].*)$")


def _parse_quantity(text: str) -> QuantityValue:
    m = _QUANTITY.match(text)
    if not m:
        raise BadValue(f"{text!r} is not a quantity (write the amount and a unit: '6,739 km2', "
                       "'15 years')")
    return make_quantity(parse_amount(m.group(1)), m.group(2))


def _parse_range(text: str) -> RangeValue:
    parts = _RANGE_SEPARATOR.split(text, maxsplit=1)
    if len(parts) != 2 or not parts[1].strip():
        raise BadValue(f"{text!r} is not a range (write both ends: 1939-10-30/1939-11-01, "
                       "3,000–4,000)")
    low_text, high_text = parts
    low_kind = _infer_kind(low_text)
    high_kind = _infer_kind(high_text) if low_kind != "date" else "date"
    if low_kind == "number" and high_kind in ("percent", "quantity", "money", "number") and (
            _NUMBER.match(low_text) and not _NUMBER.match(low_text).group("scale")):
        number = _LEADING_NUMBER.match(high_text)
        if number and high_text[number.end():].strip():
            low_text += high_text[number.end():]  # "5–10%", "15–20 years", "3–4 million USD"
            low_kind = high_kind
    low = _parse_unhedged(low_text, low_kind)
    high = _parse_unhedged(high_text, high_kind)
    if low.kind != high.kind:
        raise BadValue(f"{text!r}: the ends of a range must be of one kind, not {low.kind} and "
                       f"{high.kind}")
    if _ends_before_it_starts(low, high):
        raise BadValue(f"{text!r} ends before it starts: write the earlier end first")
    return RangeValue(low, high)


def _ends_before_it_starts(low: FactValue, high: FactValue) -> bool:
    if isinstance(low, DateValue) and isinstance(high, DateValue):
        return high.span()[1] < low.span()[0]
    if isinstance(low, QuantityValue) and isinstance(high, QuantityValue):
        return low.unit == high.unit and high.amount.value < low.amount.value
    if isinstance(low, MoneyValue) and isinstance(high, MoneyValue):
        return low.currency == high.currency and high.amount.value < low.amount.value
    return high.amount.value < low.amount.value  # type: ignore[union-attr]


def _infer_kind(text: str) -> str:
    if "/" in text and (not _FRACTION.match(text) or _YEAR_RANGE.match(text)):
        return "range"
    if re.search(r"[\d%]\s*[\u2013\u2014]|\d\s+to\s+\d", text):  # "10%–20%" too
        return "range"
    if (_ISO_DAY.match(text) or _ISO_MONTH.match(text) or _YEAR.match(text)
            or _DECADE.match(text) or _CENTURY.match(text) or _DATEISH.match(text)):
        return "date"
    if _PERCENT.match(text):
        return "percent"
    if _FRACTION.match(text):
        return "fraction"
    if _CURRENCY_CODE.match(text):
        return "money"
    if _QUANTITY.match(text) and not _NUMBER.match(text):
        return "quantity"
    return "number"

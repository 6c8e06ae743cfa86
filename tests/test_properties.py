"""Properties of the reader, with hypothesis (no Sphinx).

* **Round trip**: a value rendered for a locale (what a bare ``{fact}`id``` shows) and read back
  by the judge states that value — for every kind of value and for English, German and French.
* **Every changed figure fails**: the rendering of one value never agrees with another value of
  the same kind and precision.
* **Robustness**: reading arbitrary text never raises; parsing an arbitrary facts-file value or a
  whole arbitrary facts file raises nothing but the project's own error.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck.facts import read_facts
from factcheck.judge import judge_statement
from factcheck.reading.lexicon import lexicon_for
from factcheck.reading.scanner import find_figures
from factcheck.render import render_value
from factcheck.values import (
    Amount,
    BadValue,
    FractionValue,
    Hedge,
    MoneyValue,
    NumberValue,
    PercentValue,
    QuantityValue,
    RangeValue,
    parse_value,
)
from factcheck.values.dates import PART_NAMES, DateValue, make_date
from factcheck.values.quantities import parse_unit
from factcheck.verdicts import check_statement

LOCALES = ("en", "de", "fr")
# Babel loads locale data, pint its registry, on first use: no deadline.
PROPERTY = settings(deadline=None, max_examples=int(__import__("os").environ.get("HYP_N", 60)),
                    suppress_health_check=[HealthCheck.too_slow])

locales = st.sampled_from(LOCALES)
hedges = st.sampled_from(list(Hedge))


def reads_back(value: object, locale: str, date_format: str = "long") -> str:
    """Render ``value``, judge the text against it; return the text when it agrees."""
    text = render_value(value, locale, date_format)
    outcome = judge_statement(text, [value], lexicon_for(locale))
    assert outcome.agrees, (locale, text, value, outcome)
    return text


def differs(value: object, other: object, locale: str) -> None:
    """The rendering of ``other`` does not state ``value``."""
    text = render_value(other, locale)
    outcome = judge_statement(text, [value], lexicon_for(locale))
    assert not outcome.agrees, (locale, text, value, other)


# --------------------------------------------------------------------------- strategies

days = st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31))
years = st.integers(min_value=1000, max_value=9999)
parts = st.sampled_from(PART_NAMES)


@st.composite
def dates(draw: st.DrawFn) -> DateValue:
    precision = draw(st.sampled_from(["day", "month", "year", "decade", "century"]))
    day = draw(days)
    if precision == "day":
        return make_date(day.year, day.month, day.day)
    if precision == "month":
        return make_date(day.year, day.month)
    if precision == "year":
        return make_date(day.year)
    if precision == "decade":
        return make_date(day.year - day.year % 10, precision="decade")
    return make_date(draw(st.integers(min_value=0, max_value=99)) * 100, precision="century")


@st.composite
def parted_dates(draw: st.DrawFn) -> DateValue:
    precision = draw(st.sampled_from(["month", "year", "decade", "century"]))
    day = draw(days)
    part = draw(parts)
    if precision == "month":
        return make_date(day.year, day.month, precision="month", part=part)
    if precision == "year":
        return make_date(day.year, precision="year", part=part)
    if precision == "decade":
        return make_date(day.year - day.year % 10, precision="decade", part=part)
    return make_date((day.year // 100) * 100, precision="century", part=part)


integers = st.integers(min_value=-(10**15), max_value=10**15)
decimals = st.decimals(min_value=Decimal("-100000"), max_value=Decimal("100000"), places=3,
                       allow_nan=False, allow_infinity=False)


@st.composite
def numbers(draw: st.DrawFn) -> NumberValue:
    """Integers, decimals and rounded figures ("3.8 million": step 100,000)."""
    kind = draw(st.sampled_from(["integer", "decimal", "rounded"]))
    if kind == "integer":
        return NumberValue(Amount(Fraction(draw(integers)), Fraction(1)))
    if kind == "decimal":
        number = draw(decimals)
        places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
        return NumberValue(Amount(Fraction(number), Fraction(1, 10**places)))
    scale = draw(st.sampled_from([10**6, 10**9, 10**12]))
    digits = draw(st.integers(min_value=0, max_value=2))
    step = Fraction(scale, 10**digits)
    mantissa = draw(st.integers(min_value=10**digits, max_value=999 * 10**digits))
    return NumberValue(Amount(mantissa * step, step))


percents = st.decimals(min_value=Decimal("0"), max_value=Decimal("1000"), places=2,
                       allow_nan=False).map(
    lambda d: PercentValue(Amount(Fraction(d), Fraction(1, 100))))
fractions = st.tuples(st.integers(1, 99), st.integers(2, 100)).filter(
    lambda nd: nd[0] < nd[1]).map(lambda nd: FractionValue(Amount(Fraction(*nd))))

UNITS = ["km2", "km", "kg", "t", "years", "days", "hectares", "sq mi", "miles", "m", "hours"]
CURRENCIES = ["USD", "EUR", "GBP", "CHF", "JPY", "LTL", "SEK"]


@st.composite
def quantities(draw: st.DrawFn) -> QuantityValue:
    unit = parse_unit(draw(st.sampled_from(UNITS)))
    return QuantityValue(Amount(Fraction(draw(st.integers(1, 10**7))), Fraction(1)), unit)


@st.composite
def sums_of_money(draw: st.DrawFn) -> MoneyValue:
    code = draw(st.sampled_from(CURRENCIES))
    if draw(st.booleans()):
        return MoneyValue(Amount(Fraction(draw(st.integers(1, 10**7))), Fraction(1)), code)
    step = Fraction(10**5)
    return MoneyValue(Amount(draw(st.integers(10, 999)) * step, step), code)


@st.composite
def ranges(draw: st.DrawFn) -> RangeValue:
    kind = draw(st.sampled_from(["days", "years", "numbers"]))
    if kind == "days":
        first = draw(days.filter(lambda d: d.year < 9999))
        last = first + datetime.timedelta(days=draw(st.integers(1, 400)))
        return RangeValue(make_date(first.year, first.month, first.day),
                          make_date(last.year, last.month, last.day))
    if kind == "years":
        first = draw(st.integers(1000, 9990))
        return RangeValue(make_date(first), make_date(first + draw(st.integers(1, 9))))
    low = draw(st.integers(0, 10**6))
    high = low + draw(st.integers(1, 10**6))
    return RangeValue(NumberValue(Amount(Fraction(low), Fraction(1))),
                      NumberValue(Amount(Fraction(high), Fraction(1))))


# --------------------------------------------------------------------------- round trips


@PROPERTY
@given(dates(), locales)
def test_dates_read_back(value: DateValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(days, st.sampled_from(["long", "medium", "d MMMM y", "MMMM d, y", "EEEE, d MMMM y"]))
def test_day_dates_read_back_in_every_format(day: datetime.date, date_format: str) -> None:
    value = make_date(day.year, day.month, day.day)
    for locale in LOCALES:
        reads_back(value, locale, date_format)


@PROPERTY
@given(parted_dates(), locales)
def test_early_mid_late_read_back(value: DateValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(numbers(), locales)
def test_numbers_read_back(value: NumberValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(percents, locales)
def test_percentages_read_back(value: PercentValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(fractions, locales)
def test_fractions_read_back(value: FractionValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(st.one_of(numbers(), percents, fractions), hedges, locales)
def test_hedged_values_read_back(value: NumberValue, hedge: Hedge, locale: str) -> None:
    reads_back(value.with_hedge(hedge), locale)


@PROPERTY
@given(quantities(), locales)
def test_quantities_read_back(value: QuantityValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(sums_of_money(), locales)
def test_money_reads_back(value: MoneyValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(ranges(), locales)
def test_ranges_read_back(value: RangeValue, locale: str) -> None:
    reads_back(value, locale)


@PROPERTY
@given(st.one_of(dates(), quantities(), sums_of_money()), hedges, locales)
def test_hedged_dates_and_measures_read_back(value: object, hedge: Hedge, locale: str) -> None:
    if isinstance(value, DateValue):
        assume(hedge.family in ("exact", "approx"))  # "over 1939" is a count, not a year
    reads_back(value.with_hedge(hedge), locale)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- changed figures


@PROPERTY
@given(days, days, locales)
def test_another_day_never_agrees(first: datetime.date, second: datetime.date,
                                  locale: str) -> None:
    assume(first != second)
    differs(make_date(first.year, first.month, first.day),
            make_date(second.year, second.month, second.day), locale)


@PROPERTY
@given(st.integers(0, 10**12), st.integers(0, 10**12), locales)
def test_another_integer_never_agrees(first: int, second: int, locale: str) -> None:
    assume(first != second)
    differs(NumberValue(Amount(Fraction(first), Fraction(1))),
            NumberValue(Amount(Fraction(second), Fraction(1))), locale)


@PROPERTY
@given(quantities(), st.integers(1, 10**7), locales)
def test_another_quantity_never_agrees(value: QuantityValue, other: int, locale: str) -> None:
    assume(Fraction(other) != value.amount.value)
    differs(value, QuantityValue(Amount(Fraction(other), Fraction(1)), value.unit), locale)


LOWER = [h for h in Hedge if h.family == "lower"]
UPPER = [h for h in Hedge if h.family == "upper"]


@PROPERTY
@given(st.sampled_from(LOWER), st.sampled_from(UPPER), st.booleans(), st.integers(1, 10**6),
       locales)
def test_a_hedge_of_the_other_direction_never_agrees(lower: Hedge, upper: Hedge, flip: bool,
                                                     number: int, locale: str) -> None:
    fact, stated = (upper, lower) if flip else (lower, upper)
    amount = Amount(Fraction(number), Fraction(1))
    differs(NumberValue(amount, fact), NumberValue(amount, stated), locale)


# --------------------------------------------------------------------------- robustness


@settings(deadline=None, max_examples=300)
@given(st.text(), locales, st.booleans())
def test_reading_arbitrary_text_never_raises(text: str, locale: str, statement: bool) -> None:
    figures = find_figures(text, lexicon_for(locale), statement=statement)
    for figure in figures:
        assert text[figure.start:figure.end] == figure.text


#: Characters that make up figures, so the arbitrary texts reach deep into the reader.
FIGURE_ALPHABET = st.sampled_from(list("0123456789 ,.-–/%$€£²'") + [
    "October", "Oct.", "10th", "of", "the", "about", "up to", "over", "million", "km", "sq mi",
    "one", "fifth", "twenty", "thirties", "century", "between", "and", "to", "early", "mid-",
    "Tuesday", "Oktober", "octobre", "Prozent", "mille", "etwa", "au moins", "½", "⅔", "\n"])
figure_texts = st.lists(FIGURE_ALPHABET, max_size=14).map("".join)
fact_values = st.sampled_from([
    "1939-10-10", "1939-10", "1939", "1930s", "18th century", "20,000", "about 430,000",
    "up to 50,000", "3.8 million", "80%", "1/5", "6,739 km2", "15 years", "7.5 million USD",
    "over 20 million LTL", "1939-10-30/1939-11-01", "3,000–4,000", "-5", "2.5"])


@settings(deadline=None, max_examples=400)
@given(st.one_of(st.text(), figure_texts), st.one_of(st.text(), figure_texts),
       st.one_of(st.text(), figure_texts), fact_values, locales)
def test_judging_arbitrary_text_never_raises(text: str, before: str, after: str, value: str,
                                             locale: str) -> None:
    outcome = judge_statement(text, [parse_value(value)], lexicon_for(locale), before=before,
                              after=after)
    assert outcome.status in ("agrees", "mismatch", "unreadable", "ambiguous")


@settings(deadline=None, max_examples=300)
@given(st.one_of(st.text(), figure_texts), locales)
def test_judging_arbitrary_text_against_two_facts_never_raises(text: str, locale: str) -> None:
    outcome = judge_statement(text, [parse_value("1939-10-30"), parse_value("1939-11-01")],
                              lexicon_for(locale))
    assert outcome.status in ("agrees", "mismatch", "unreadable", "ambiguous")


@settings(deadline=None, max_examples=400)
@given(st.one_of(st.text(), figure_texts),
       st.sampled_from([None, "date", "number", "percent", "fraction", "quantity", "money",
                        "range"]))
def test_parsing_an_arbitrary_value_raises_only_bad_value(text: str, kind: str | None) -> None:
    try:
        value = parse_value(text, kind)
    except BadValue:
        return
    assert value.describe()


@settings(deadline=None, max_examples=200)
@given(st.one_of(st.text(), figure_texts), st.one_of(st.text(), figure_texts))
def test_check_statement_raises_only_value_error(text: str, value: str) -> None:
    try:
        check_statement(text, value)
    except ValueError as exc:
        assert str(exc).startswith("bad value ")


ENTRY = st.builds(
    lambda key, field, value: f"{key}:\n  {field}: {value}\n  label: L\n",
    st.sampled_from(["a", "b", "c", "d"]),
    st.sampled_from(["value", "derive", "require", "type"]),
    st.one_of(figure_texts, st.sampled_from([
        "a + b", "a - days(1)", "b > a", "c * 2", "years_between(a, b)", "a + a", "min(a, d)",
        "sum(a, b, c)", "a / (b - b)", "not a", "1939-10-10", "20,000", "15 years", "date"])))


@settings(deadline=None, max_examples=200)
@given(st.lists(ENTRY, max_size=5).map("".join))
def test_reading_an_arbitrary_facts_file_never_raises(text: str) -> None:
    facts_file = read_facts(Path("facts.yaml"), text)
    for problem in facts_file.problems:
        assert problem.line >= 0 and problem.message


@pytest.mark.parametrize("locale", LOCALES)
def test_the_empty_and_blank_texts(locale: str) -> None:
    lexicon = lexicon_for(locale)
    assert find_figures("", lexicon, statement=True) == []
    assert judge_statement(" \n\t", [parse_value("20")], lexicon).status == "unreadable"

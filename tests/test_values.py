"""Unit tests of :mod:`factcheck.values` (the facts file's value kinds) and of
:func:`factcheck.render.render_value` (no Sphinx, fast)."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

from factcheck.render import render_value
from factcheck.values import (
    Amount,
    BadValue,
    DateValue,
    FractionValue,
    Hedge,
    MoneyValue,
    NumberValue,
    PercentValue,
    QuantityValue,
    RangeValue,
    hedges_compatible,
    parse_amount,
    parse_value,
)
from factcheck.values.dates import PARTS, compare_dates, make_date
from factcheck.values.numbers import compare_numbers
from factcheck.values.quantities import compare_money, compare_quantities

F = Fraction


def number(value: int | str | Fraction, step: int | str | Fraction = 1,
           hedge: Hedge | None = None) -> NumberValue:
    return NumberValue(Amount(F(value), F(step)), hedge)


def date(year: int | None, month: int | None = None, day: int | None = None,
         **kwargs: object) -> DateValue:
    return make_date(year, month, day, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- parse_value: kinds


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # dates, at the precision they are written with
        ("1939-10-10", date(1939, 10, 10)),
        ("1920-10", date(1920, 10)),
        ("1926", date(1926)),
        ("1920s", date(1920, precision="decade")),
        ("18th century", date(1700, precision="century")),
        ("21st century", date(2000, precision="century")),
        ("1st century", date(0, precision="century")),
        ("1940-02-29", date(1940, 2, 29)),  # a leap day is a real date
        ("circa 1920", date(1920).with_hedge(Hedge.APPROX)),  # a hedged year stays a year
        # numbers: the step is that of the last written digit
        ("20000", number(20000)),
        ("20,000", number(20000)),
        ("20 000", number(20000)),
        ("20\u202f000", number(20000)),  # narrow no-break space
        ("20\u00a0000", number(20000)),  # no-break space
        ("3,000", number(3000)),  # a separator makes four digits a count
        ("42", number(42)),
        ("2.5", number(F(5, 2), F(1, 10))),
        ("0.050", number(F(1, 20), F(1, 1000))),  # trailing zeros after the point count
        (".5", number(F(1, 2), F(1, 10))),
        ("-5", number(-5)),
        ("\u22125", number(-5)),  # a typographic minus
        ("+5", number(5)),
        ("7.5 million", number(7_500_000, 100_000)),
        ("3.8 million", number(3_800_000, 100_000)),
        ("3 thousand", number(3000, 1000)),
        ("1.2 billion", number(1_200_000_000, 100_000_000)),
        ("2 trillion", number(2 * 10**12, 10**12)),
        ("10000", number(10000)),  # five digits are no year
        ("-1939", number(-1939)),  # nor is a signed number
        ("over 1939", number(1939, hedge=Hedge.OVER)),  # "over 3000" is a count, not a year
        # shares
        ("80%", PercentValue(Amount(F(80), F(1)))),
        ("80 %", PercentValue(Amount(F(80), F(1)))),
        ("12.5%", PercentValue(Amount(F(25, 2), F(1, 10)))),
        ("1/5", FractionValue(Amount(F(1, 5)))),
        ("2 / 3", FractionValue(Amount(F(2, 3)))),
        # hedges, in front of any kind
        ("about 430,000", number(430_000, hedge=Hedge.APPROX)),
        ("approximately 430,000", number(430_000, hedge=Hedge.APPROX)),
        ("some 35", number(35, hedge=Hedge.APPROX)),
        ("up to 50,000", number(50_000, hedge=Hedge.UP_TO)),
        ("at most 50,000", number(50_000, hedge=Hedge.UP_TO)),
        ("at least 50,000", number(50_000, hedge=Hedge.AT_LEAST)),
        ("over 3,000", number(3000, hedge=Hedge.OVER)),
        ("more than 3,000", number(3000, hedge=Hedge.OVER)),
        ("fewer than 3,000", number(3000, hedge=Hedge.UNDER)),
        ("nearly 3,000", number(3000, hedge=Hedge.NEARLY)),
        ("only 3,000", number(3000, hedge=Hedge.EXACT)),
        ("About  430,000", number(430_000, hedge=Hedge.APPROX)),  # any case, any spacing
        ("approximately 80%", PercentValue(Amount(F(80), F(1)), Hedge.APPROX)),
        ("about 1/5", FractionValue(Amount(F(1, 5)), Hedge.APPROX)),
        # quantities (pint's canonical unit, the unit as written kept for messages)
        ("6,739 km2", QuantityValue(Amount(F(6739), F(1)), "kilometer ** 2", None, "km2")),
        ("6,739 km²", QuantityValue(Amount(F(6739), F(1)), "kilometer ** 2", None, "km²")),
        ("2,602 sq mi", QuantityValue(Amount(F(2602), F(1)), "mile ** 2", None, "sq mi")),
        ("15 years", QuantityValue(Amount(F(15), F(1)), "year", None, "years")),
        ("23,000 hectares", QuantityValue(Amount(F(23000), F(1)), "hectare", None, "hectares")),
        ("1.5 km", QuantityValue(Amount(F(3, 2), F(1, 10)), "kilometer", None, "km")),
        # money: an amount and an ISO 4217 code, before or after it
        ("7.5 million USD", MoneyValue(Amount(F(7_500_000), F(100_000)), "USD")),
        ("USD 20", MoneyValue(Amount(F(20), F(1)), "USD")),
        ("20 LTL", MoneyValue(Amount(F(20), F(1)), "LTL")),  # a historical currency
        ("over 20 million LTL", MoneyValue(Amount(F(20_000_000), F(1_000_000)), "LTL",
                                           Hedge.OVER)),
        # ranges: both ends of one kind
        ("1939-10-30/1939-11-01", RangeValue(date(1939, 10, 30), date(1939, 11, 1))),
        ("1939-10-30 \u2013 1939-11-01", RangeValue(date(1939, 10, 30), date(1939, 11, 1))),
        ("1939-10/1939-11", RangeValue(date(1939, 10), date(1939, 11))),
        ("1939\u20131940", RangeValue(date(1939), date(1940))),
        ("1939 to 1940", RangeValue(date(1939), date(1940))),
        ("1939/1940", RangeValue(date(1939), date(1940))),  # ISO 8601 interval of years
        ("1920s/1930s", RangeValue(date(1920, precision="decade"),
                                   date(1930, precision="decade"))),
        ("3,000\u20134,000", RangeValue(number(3000), number(4000))),
        ("3,000 \u2014 4,000", RangeValue(number(3000), number(4000))),
        # the end lends its unit, sign or scale to the start, as prose does
        ("5\u201310%", RangeValue(PercentValue(Amount(F(5), F(1))),
                                  PercentValue(Amount(F(10), F(1))))),
        ("15\u201320 years", RangeValue(QuantityValue(Amount(F(15), F(1)), "year", None, "years"),
                                        QuantityValue(Amount(F(20), F(1)), "year", None,
                                                      "years"))),
        ("3\u20134 million USD", RangeValue(MoneyValue(Amount(F(3_000_000), F(1_000_000)), "USD"),
                                            MoneyValue(Amount(F(4_000_000), F(1_000_000)),
                                                       "USD"))),
    ],
)
def test_parse_value_types_by_spelling(written: str, expected: object) -> None:
    assert parse_value(written) == expected


def test_parse_value_explicit_kind_overrides_spelling() -> None:
    # Four digits alone read as a year; type: number makes them a count.
    assert parse_value("1926") == date(1926)
    assert parse_value("1926", "number") == number(1926)
    assert parse_value("80", "percent") == PercentValue(Amount(F(80), F(1)))
    assert parse_value("1/5", "fraction") == FractionValue(Amount(F(1, 5)))
    assert parse_value("1000/3000", "fraction") == FractionValue(Amount(F(1, 3)))
    assert parse_value(" 1939-10-10 ", "date") == date(1939, 10, 10)
    assert parse_value("3,000\u20134,000", "range") == RangeValue(number(3000), number(4000))
    assert parse_value("15 years", "quantity") == parse_value("15 years")
    assert parse_value("USD 7", "money") == MoneyValue(Amount(F(7), F(1)), "USD")


def test_parse_value_accepts_non_strings() -> None:
    # YAML hands over what it typed; the check reads its text.
    assert parse_value(42) == number(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "describe", "kind"),
    [
        ("1939-10-10", "1939-10-10", "date"),
        ("1920-10", "1920-10", "date"),
        ("1926", "1926", "date"),
        ("1920s", "1920s", "date"),
        ("18th century", "18th century", "date"),
        ("circa 1920", "about 1920", "date"),
        ("20,000", "20000", "number"),
        ("7.5 million", "7500000", "number"),
        ("2.5", "2.5", "number"),
        ("-5", "-5", "number"),
        ("up to 50,000", "up to 50000", "number"),
        ("approximately 430,000", "about 430000", "number"),
        ("more than 3,000", "over 3000", "number"),
        ("80%", "80%", "percent"),
        ("12.5%", "12.5%", "percent"),
        ("1/5", "1/5", "fraction"),
        ("6,739 km2", "6739 km²", "quantity"),
        ("7.5 million USD", "7500000 USD", "money"),
        ("1939-10-30/1939-11-01", "1939-10-30/1939-11-01", "range"),
        ("30,000\u201340,000", "30000–40000", "range"),  # "/" would make it a fraction
        ("1939\u20131940", "1939/1940", "range"),
    ],
)
def test_describe_is_canonical_and_reads_back(written: str, describe: str, kind: str) -> None:
    value = parse_value(written)
    assert value.describe() == describe
    assert value.kind == kind
    # The canonical spelling is itself a value the facts file reads, as the same value.
    assert parse_value(describe) == value or parse_value(describe).describe() == describe


# --------------------------------------------------------------------------- parse_value: bad

FORMS = ("dates are written 1939-10-10, 1939-10, 1939, 1930s or '18th century'; numbers "
         "20,000, 3.8 million, -5, 2.5; 80%, 1/5, '6,739 km2', '7.5 million USD', ranges "
         "1939-10-30/1939-11-01 or 3,000–4,000")
DATE_FORMS = ("(write YYYY-MM-DD, YYYY-MM, YYYY, a decade YYY0s or a century such as "
              "'18th century'; e.g. 1939-10-10)")
NO_UNIT = "is not a unit pint knows (write it as pint does: km**2, square_mile, hectare, year)"
RANGE_FORMS = "(write both ends: 1939-10-30/1939-11-01, 3,000–4,000)"


@pytest.mark.parametrize(
    ("written", "kind", "message"),
    [
        ("1939-02-30", None, "'1939-02-30' is not a date: February 1939 has 28 days"),
        ("1939-02-29", None, "'1939-02-29' is not a date: February 1939 has 28 days"),
        ("1939-04-31", None, "'1939-04-31' is not a date: April 1939 has 30 days"),
        ("1939-10-00", None, "'1939-10-00' is not a date: October 1939 has 31 days"),
        ("1939-13", None, "'1939-13' is not a date: there is no month 13"),
        ("1939-13-01", None, "'1939-13-01' is not a date: there is no month 13"),
        ("1939-00", None, "'1939-00' is not a date: there is no month 0"),
        ("0000", None, "'0000' is not a date: year 0 is outside the calendar this check knows "
                       "(1–9999; there is no year 0)"),
        ("102nd century", None, "'102nd century' is not a date: year 10100 is outside the "
                                "calendar this check knows (1–9999; there is no year 0)"),
        # Written as prose writes it: the message gives the facts file's spelling.
        ("1939-1-1", None, "'1939-1-1' is a date written as prose writes it: write it as "
                           "1939-01-01"),
        ("28 September 1939", None, "'28 September 1939' is a date written as prose writes it: "
                                    "write it as 1939-09-28"),
        ("October 10, 1939", None, "'October 10, 1939' is a date written as prose writes it: "
                                   "write it as 1939-10-10"),
        ("1930's", None, "\"1930's\" is a date written as prose writes it: write it as 1930s"),
        ("1925s", None, "'1925s' is not a date: a decade is written with the year that starts "
                        "it, e.g. 1920s"),
        ("1939s", None, "'1939s' is not a date: a decade is written with the year that starts "
                        "it, e.g. 1920s"),
        ("abc", None, f"'abc' is not a value the facts file reads ({FORMS})"),
        ("twenty", None, f"'twenty' is not a value the facts file reads ({FORMS})"),
        ("about", None, f"'about' is not a value the facts file reads ({FORMS})"),
        ("abc%", None, f"'abc%' is not a value the facts file reads ({FORMS})"),
        ("", None, "'' is not a number"),
        ("about about 5", None, "'about 5' is not a number"),
        ("20,00", None, "'20,00' has misplaced thousands separators"),
        ("1,0000", None, "'1,0000' has misplaced thousands separators"),
        ("12,34,567", None, "'12,34,567' has misplaced thousands separators"),
        ("1234,567", None, "'1234,567' has misplaced thousands separators"),
        ("20 00", None, "'20 00' has misplaced thousands separators"),
        ("1,2", None, "'1,2' has misplaced thousands separators"),  # English digits only
        ("1" * 301, None, "a number of 301 digits is more than a fact needs (at most 300)"),
        ("7.5 zillion", None, f"'zillion' {NO_UNIT}"),
        ("6,739 blorps", None, f"'blorps' {NO_UNIT}"),
        ("80 %x", None, f"'%x' {NO_UNIT}"),
        ("7.5 million usd", None, f"'usd' {NO_UNIT}"),  # ISO codes are upper case
        ("7.5 million XYZ", None, "'XYZ' is not an ISO 4217 currency code Babel knows (e.g. "
                                  "USD, EUR, LTL)"),
        ("1/0", None, "'1/0' is not a fraction (write it as 1/5)"),
        ("one fifth", "fraction", "'one fifth' is not a fraction (write it as 1/5)"),
        ("20%", "fraction", "'20%' is not a fraction (write it as 1/5)"),
        ("1/5", "percent", "'1/5' is not a number"),
        ("15 years", "number", "'15 years' is not a number"),
        ("20", "money", "'20' is not a sum of money (write the amount and an ISO 4217 code: "
                        "'7.5 million USD')"),
        ("20", "quantity", "'20' is not a quantity (write the amount and a unit: '6,739 km2', "
                           "'15 years')"),
        ("1939", "colour", "unknown type 'colour' (known: date, number, percent, fraction, "
                           "quantity, money, range)"),
        ("20,000", "date", f"'20,000' is not a date {DATE_FORMS}"),
        # ranges
        ("x", "range", f"'x' is not a range {RANGE_FORMS}"),
        ("1939-10", "range", f"'1939-10' is not a range {RANGE_FORMS}"),
        ("3,000\u2013", None, f"'3,000–' is not a range {RANGE_FORMS}"),
        ("1939-10-30/", None, f"'1939-10-30/' is not a range {RANGE_FORMS}"),
        ("3,000\u20131939-10-10", None, "'3,000–1939-10-10': the ends of a range must be of one "
                                         "kind, not number and date"),
        ("1939-10-10/1939-10-01", None, "'1939-10-10/1939-10-01' ends before it starts: write "
                                        "the earlier end first"),
        ("4,000\u20133,000", None, "'4,000–3,000' ends before it starts: write the earlier end "
                                    "first"),
    ],
)
def test_parse_value_rejects_with_a_message(written: str, kind: str | None, message: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_value(written, kind)
    assert str(info.value) == message


def test_bad_value_is_a_value_error() -> None:
    # Callers that only know ValueError still catch it.
    with pytest.raises(ValueError):
        parse_value("1939-02-30")


# --------------------------------------------------------------------------- amounts


def test_parse_amount_equal_spellings() -> None:
    assert parse_amount("20,000") == parse_amount("20 000") == parse_amount("20000")
    assert parse_amount("20,000").value == 20000
    assert parse_amount("1,234.5") == Amount(F(2469, 2), F(1, 10))


@pytest.mark.parametrize(
    ("written", "interval", "rounded"),
    [
        # digits with no scale word: known to the last digit, trailing zeros included
        ("20,000", (F(39999, 2), F(40001, 2)), (15_000, 25_000)),
        ("20,500", (F(40999, 2), F(41001, 2)), (20_450, 20_550)),
        ("2.5", (F(49, 20), F(51, 20)), (F(49, 20), F(51, 20))),
        ("100", (F(199, 2), F(201, 2)), (50, 150)),
        ("7", (F(13, 2), F(15, 2)), (F(13, 2), F(15, 2))),
        # a scale word makes a rounded figure: 3.8 million is 3,800,000 to the nearest 100,000
        ("3.8 million", (3_750_000, 3_850_000), (3_750_000, 3_850_000)),
        ("4 million", (3_500_000, 4_500_000), (3_500_000, 4_500_000)),
        ("40 million", (39_500_000, 40_500_000), (35_000_000, 45_000_000)),
    ],
)
def test_amount_intervals(written: str, interval: tuple, rounded: tuple) -> None:
    amount = parse_amount(written)
    assert amount.interval() == (F(interval[0]), F(interval[1]))
    # A rounding hedge ("about 20,000") drops the trailing zeros from the precision.
    assert amount.interval(rounded=True) == (F(rounded[0]), F(rounded[1]))


def test_exact_amounts_have_no_width() -> None:
    third = Amount(F(1, 3))
    assert third.interval() == third.interval(rounded=True) == (F(1, 3), F(1, 3))
    assert Amount(F(0), F(1)).round_step() == 1  # zero has no trailing zeros to drop


def test_scaling_and_negating_keep_the_precision() -> None:
    amount = parse_amount("2.5")
    assert amount.scaled(F(1000)) == Amount(F(2500), F(100))
    assert amount.scaled(F(-2)) == Amount(F(-5), F(1, 5))
    assert -amount == Amount(F(-5, 2), F(1, 10))


@pytest.mark.parametrize(
    ("fact", "stated", "agrees"),
    [
        # "3.8 million" states two significant figures (the issue's own example)
        ("3,790,000", "3.8 million", True),
        ("3,800,000", "3.8 million", True),
        ("3,849,999", "3.8 million", True),
        ("3,700,000", "3.8 million", False),
        ("3,860,000", "3.8 million", False),
        ("3.8 million", "3,800,000", True),  # the fact's own value with more digits
        ("3.8 million", "3,790,000", False),  # more precise than the fact is known
        ("3.8 million", "3.8 million", True),
        ("3.8 million", "3.80 million", True),
        ("3.8 million", "4 million", True),  # less precise, and it covers the fact
        ("3.8 million", "3.7 million", False),
        ("20,000", "20,000", True),
        ("20,000", "20,001", False),
        ("20,000", "19,999", False),
        ("20,000", "20 thousand", True),
        ("20,400", "20 thousand", True),
        ("20,600", "20 thousand", False),
        ("2.5", "2.50", True),
        ("2.5", "2.51", False),
        ("2.5", "3", False),  # 3 stands for [2.5, 3.5]: the fact's interval is wider
        ("-5", "5", False),
    ],
)
def test_rounding_rule(fact: str, stated: str, agrees: bool) -> None:
    fact_value = parse_value(fact, "number")
    stated_value = parse_value(stated, "number")
    assert (compare_numbers(fact_value, stated_value) is None) is agrees


@pytest.mark.parametrize(
    ("fact", "stated", "reason"),
    [
        ("116", "117", "another value"),  # neighbours: not "more precise"
        ("20,000", "20,001", "another value"),
        ("7.5 million", "7.6 million", "another value"),
        ("20,000", "20,000.5", "more precise than the facts file knows it"),
        ("3.8 million", "3,790,000", "more precise than the facts file knows it"),
    ],
)
def test_why_numbers_differ(fact: str, stated: str, reason: str) -> None:
    assert compare_numbers(parse_value(fact, "number"), parse_value(stated, "number")) == reason


# --------------------------------------------------------------------------- hedges


H = Hedge
ALL_HEDGES = [None, *Hedge]
#: What a statement hedged (column) says about a fact hedged (row); the table on the
#: reference page.  An exact fact admits rounding, not bounds (a bound is a claim the facts file
#: must make too); a hedged fact admits only its own family (synonyms), never the other direction.
COMPATIBLE = {
    None: {None, H.EXACT, H.APPROX, H.NEARLY},
    H.EXACT: {None, H.EXACT, H.APPROX, H.NEARLY},
    H.APPROX: {None, H.APPROX, H.NEARLY},
    H.NEARLY: {None, H.APPROX, H.NEARLY},
    H.OVER: {None, H.OVER, H.AT_LEAST},
    H.AT_LEAST: {None, H.OVER, H.AT_LEAST},
    H.UNDER: {None, H.UNDER, H.UP_TO},
    H.UP_TO: {None, H.UNDER, H.UP_TO},
}


@pytest.mark.parametrize("fact", ALL_HEDGES, ids=str)
@pytest.mark.parametrize("stated", ALL_HEDGES, ids=str)
def test_hedges_compatible_table(fact: Hedge | None, stated: Hedge | None) -> None:
    assert hedges_compatible(fact, stated) is (stated in COMPATIBLE[fact])


def test_hedge_families_and_rounding() -> None:
    assert {h: h.family for h in Hedge} == {
        H.EXACT: "exact", H.APPROX: "approx", H.NEARLY: "approx", H.OVER: "lower",
        H.AT_LEAST: "lower", H.UNDER: "upper", H.UP_TO: "upper"}
    assert [h for h in Hedge if h.rounds] == [H.APPROX, H.NEARLY]


# --------------------------------------------------------------------------- dates


def span(value: DateValue) -> tuple[str, str]:
    first, last = value.span()
    return first.isoformat(), last.isoformat()


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        (date(1939, 10, 10), "1939-10-10", "1939-10-10"),
        (date(1939, 2), "1939-02-01", "1939-02-28"),
        (date(1940, 2), "1940-02-01", "1940-02-29"),
        (date(1939), "1939-01-01", "1939-12-31"),
        (date(1930, precision="decade"), "1930-01-01", "1939-12-31"),
        (date(1700, precision="century"), "1700-01-01", "1799-12-31"),
        (date(0, precision="century"), "0001-01-01", "0099-12-31"),  # there is no year 0
        (date(9900, precision="century"), "9900-01-01", "9999-12-31"),
        # the parts of each precision (PARTS), documented on the reference page
        (date(1939, 9, precision="month", part="early"), "1939-09-01", "1939-09-10"),
        (date(1939, 9, precision="month", part="mid"), "1939-09-11", "1939-09-20"),
        (date(1939, 9, precision="month", part="late"), "1939-09-21", "1939-09-30"),
        (date(1939, 2, precision="month", part="late"), "1939-02-21", "1939-02-28"),
        (date(1939, 10, precision="month", part="late"), "1939-10-21", "1939-10-31"),
        (date(1940, precision="year", part="early"), "1940-01-01", "1940-04-30"),
        (date(1940, precision="year", part="mid"), "1940-05-01", "1940-08-31"),
        (date(1940, precision="year", part="late"), "1940-09-01", "1940-12-31"),
        (date(1930, precision="decade", part="early"), "1930-01-01", "1933-12-31"),
        (date(1930, precision="decade", part="mid"), "1934-01-01", "1936-12-31"),
        (date(1930, precision="decade", part="late"), "1937-01-01", "1939-12-31"),
        (date(1700, precision="century", part="early"), "1700-01-01", "1732-12-31"),
        (date(1700, precision="century", part="mid"), "1733-01-01", "1766-12-31"),
        (date(1700, precision="century", part="late"), "1767-01-01", "1799-12-31"),
    ],
)
def test_date_spans(value: DateValue, first: str, last: str) -> None:
    assert span(value) == (first, last)


def test_parts_cover_their_period_without_gaps() -> None:
    for precision, parts in PARTS.items():
        assert parts[0][0] in (0, 1), precision
        assert parts[0][1] + 1 == parts[1][0] and parts[1][1] + 1 == parts[2][0], precision


@pytest.mark.parametrize(
    ("value", "describe"),
    [
        (date(1939, 10, 10), "1939-10-10"),
        (date(None, 9, 17), "--09-17"),
        (date(30, precision="decade", century_known=False), "'30s"),
        (date(1700, precision="century", part="late"), "late 18th century"),
        (date(1900, precision="century"), "20th century"),
        (date(2000, precision="century"), "21st century"),
        (date(2100, precision="century"), "22nd century"),
        (date(2200, precision="century"), "23rd century"),
        (date(1000, precision="century"), "11th century"),
        (date(1939, 9, precision="month", part="mid"), "mid 1939-09"),
    ],
)
def test_date_describe(value: DateValue, describe: str) -> None:
    assert value.describe() == describe


@pytest.mark.parametrize(
    ("fact", "stated", "reason"),
    [
        # a statement agrees when the fact's span lies inside its own
        (date(1939, 10, 4), date(1939), None),
        (date(1939, 10, 4), date(1939, 10), None),
        (date(1939, 10, 4), date(1930, precision="decade"), None),
        (date(1939, 10, 4), date(1900, precision="century"), None),
        (date(1939, 10, 4), date(1939, 10, precision="month", part="early"), None),
        (date(1939, 10, 4), date(1939, precision="year", part="late"), None),
        (date(1939, 10, 4), date(None, 10, 4), None),  # "October 4"
        (date(1939, 10, 4), date(None, 10), None),  # "October"
        (date(1939, 10, 4), date(30, precision="decade", century_known=False), None),
        # the hollow pass: "Sept. 1939" for 1939-10-04 is another date
        (date(1939, 10, 4), date(1939, 9), "another date"),
        (date(1939, 10, 4), date(None, 10, 5), "another date"),
        (date(1939, 10, 4), date(None, 9), "another date"),
        (date(1939, 10, 4), date(1940), "another date"),
        (date(1939, 10, 4), date(1939, 10, precision="month", part="mid"), "another date"),
        (date(1939, 10, 4), date(1920, precision="decade"), "another date"),
        (date(1939, 10, 4), date(40, precision="decade", century_known=False), "another date"),
        (date(1939, 10, 4), date(1800, precision="century"), "another date"),
        # a statement may not be more precise than the facts file
        (date(1920, 10), date(1920, 10, 9), "more precise than the facts file knows it"),
        (date(1920, 10), date(None, 10, 9), "more precise than the facts file knows it"),
        (date(1926), date(1926, 4), "more precise than the facts file knows it"),
        (date(1920, precision="decade"), date(1925), "more precise than the facts file knows it"),
        (date(1920, precision="decade"), date(1920, precision="decade", part="early"),
         "more precise than the facts file knows it"),
        (date(1939, 10), date(1939, 10, precision="month", part="late"),
         "more precise than the facts file knows it"),
        # a yearless statement of a fact spanning years cannot be placed
        (date(1920, precision="decade"), date(None, 10), "more precise than the facts file "
                                                         "knows it"),
    ],
)
def test_compare_dates(fact: DateValue, stated: DateValue, reason: str | None) -> None:
    assert compare_dates(fact, stated) == reason


def test_impossible_dates_are_refused() -> None:
    with pytest.raises(BadValue, match="February 1939 has 28 days"):
        make_date(1939, 2, 29)
    with pytest.raises(BadValue, match="^February has 29 days$"):
        make_date(None, 2, 30)  # a yearless date may be a leap day, no more
    assert make_date(None, 2, 29).day == 29
    with pytest.raises(BadValue, match="unknown part 'soon'"):
        make_date(1939, 10, precision="month", part="soon")
    with pytest.raises(ValueError, match="has no year"):
        make_date(None, 10, 4).span()


# --------------------------------------------------------------------------- shares


@pytest.mark.parametrize(
    ("fact", "stated", "reason"),
    [
        ("80%", PercentValue(Amount(F(80), F(1))), None),
        ("80%", PercentValue(Amount(F(81), F(1))), "another value"),
        ("80%", number(80), "a number does not state a percent"),  # a bare 80 is not 80 %
        ("80", PercentValue(Amount(F(80), F(1))), "a percent does not state a number"),
        ("1/5", FractionValue(Amount(F(1, 5))), None),
        ("1/5", FractionValue(Amount(F(2, 10))), None),  # the same proportion
        ("1/5", FractionValue(Amount(F(1, 4))), "another value"),
        ("1/5", PercentValue(Amount(F(20), F(1))), None),  # shares of a whole
        ("1/5", PercentValue(Amount(F(25), F(1))), "another value"),
        ("20%", FractionValue(Amount(F(1, 5))), None),
        ("67%", FractionValue(Amount(F(2, 3))), None),  # 2/3 rounds to 67 %
        ("66%", FractionValue(Amount(F(2, 3))), "another share"),
        ("1/5", number("0.2", "0.1"), None),
        ("1/5", number("0.25", "0.01"), "another value"),
        ("2.25", FractionValue(Amount(F(9, 4))), None),  # "2 1/4" is a number
    ],
)
def test_compare_shares(fact: str, stated: object, reason: str | None) -> None:
    assert compare_numbers(parse_value(fact), stated) == reason  # type: ignore[arg-type]


# --------------------------------------------------------------------------- quantities, money


def quantity(value: int | str, unit: str | None, step: int | str = 1) -> QuantityValue:
    from factcheck.values.quantities import parse_unit

    return QuantityValue(Amount(F(value), F(step)), parse_unit(unit) if unit else None,
                         written_unit=unit or "")


@pytest.mark.parametrize(
    ("fact", "stated", "reason"),
    [
        ("6,739 km2", quantity(6739, "km²"), None),
        ("6,739 km2", quantity(6739, "square kilometres"), None),
        ("6,739 km2", quantity(6739, None), None),  # no unit written: the fact's unit
        ("6,739 km2", quantity(6740, "km2"), "another value"),
        # another unit of the dimension: converted, then rounded to the stated precision
        ("6,739 km2", quantity(2602, "sq mi"), None),
        ("6,739 km2", quantity(2603, "sq mi"), "another value once converted (2,601.94 mi²)"),
        ("6,739 km2", quantity(2600, "sq mi", 100), None),
        ("6,739 km2", quantity(673_900, "hectares"), None),  # a finer unit, exactly converted
        ("6,739 km2", quantity(673_901, "hectares"),
         "another value once converted (673,900.00 ha)"),
        ("15 t", quantity(15_000, "kg"), None),
        ("15 t", quantity(15_001, "kg"), "another value once converted (15,000.00 kg)"),
        ("160.9 km", quantity(100, "miles"), None),
        ("160.9 km", quantity(101, "miles"), "another value once converted (99.98 mi)"),
        # 1 km is 0.62 mi, which rounds to 1 mi; but "one mile" is no spelling of a kilometre
        # (Recognizers-Text NumberWithUnit spec, "one mile")
        ("1 km", quantity(1, "mile"), "another value once converted (0.62 mi)"),
        ("1.6 km", quantity(1, "mile"), None),
        # another dimension is never the fact
        ("6,739 km2", quantity(6739, "km"), "km does not measure what km² does"),
        ("6,739 km2", quantity(6739, "kg"), "kg does not measure what km² does"),
        ("15 years", quantity(15, "days"), "another value once converted "
                                                              "(5,478.75 day)"),
        ("15 years", quantity(15, "kg"), "kg does not measure what year does"),
    ],
)
def test_compare_quantities(fact: str, stated: QuantityValue, reason: str | None) -> None:
    assert compare_quantities(parse_value(fact), stated) == reason  # type: ignore[arg-type]


def money(value: int | str, codes: set[str] = frozenset(), written: str = "",
          step: int | str = 1) -> MoneyValue:
    return MoneyValue(Amount(F(value), F(step)), "", currencies=frozenset(codes),
                      written_currency=written)


@pytest.mark.parametrize(
    ("fact", "stated", "reason"),
    [
        ("7.5 million USD", money(7_500_000, {"USD"}, "US dollars", 100_000), None),
        ("7.5 million USD", money(7_500_000, {"USD", "CAD", "AUD"}, "dollars", 100_000), None),
        ("7.5 million USD", money(7_500_000, set(), "", 100_000), None),  # no currency written
        ("7.5 million USD", money(7_600_000, {"USD"}, "$", 100_000), "another value"),
        ("7.5 million USD", money(7_500_000, {"EUR"}, "euros", 100_000), "euros is not USD"),
        ("20 LTL", money(20, {"LTL"}, "litas"), None),
        ("20 LTL", money(20, {"LVL"}, "lats"), "lats is not LTL"),
    ],
)
def test_compare_money(fact: str, stated: MoneyValue, reason: str | None) -> None:
    assert compare_money(parse_value(fact), stated) == reason  # type: ignore[arg-type]


# --------------------------------------------------------------------------- render_value


@pytest.mark.parametrize(
    ("written", "locale", "date_format", "rendered"),
    [
        ("1939-10-10", "en", "long", "October 10, 1939"),
        ("1939-10-10", "en", "d MMMM y", "10 October 1939"),
        ("1939-10-10", "en", "medium", "Oct 10, 1939"),
        ("1939-10-10", "en_GB", "long", "10 October 1939"),
        ("1939-10-10", "de", "long", "10. Oktober 1939"),
        ("1939-10-10", "fr", "long", "10 octobre 1939"),
        ("1920-10", "en", "long", "October 1920"),  # never more precise than the fact
        ("1926", "en", "long", "1926"),
        ("1920s", "en", "long", "1920s"),
        ("1920s", "de", "long", "1920er Jahre"),
        ("1920s", "fr", "long", "années 1920"),
        ("18th century", "en", "long", "18th century"),
        ("18th century", "de", "long", "18. Jahrhundert"),
        ("18th century", "fr", "long", "18e siècle"),
        ("20000", "en", "long", "20,000"),
        ("20000", "de", "long", "20.000"),
        ("20000", "fr", "long", "20\u202f000"),
        ("7.5 million", "en", "long", "7.5 million"),  # a round figure keeps its scale word
        ("7.5 million", "de", "long", "7,5 Millionen"),
        ("7,500,000", "en", "long", "7,500,000"),  # an exact one keeps its digits
        ("2.5", "en", "long", "2.5"),
        ("0.123456", "en", "long", "0.123456"),  # no rounding to the locale's 3 decimals
        ("-5", "en", "long", "-5"),
        ("80%", "en", "long", "80%"),
        ("80%", "fr", "long", "80\u00a0%"),
        ("12.5%", "en", "long", "12.5%"),  # not rounded to "12%"
        ("1/5", "en", "long", "1/5"),
        ("about 430,000", "en", "long", "about 430,000"),
        ("about 430,000", "de", "long", "etwa 430.000"),
        ("about 430,000", "fr", "long", "environ 430\u202f000"),
        ("up to 50,000", "de", "long", "bis zu 50.000"),
        ("up to 50,000", "fr", "long", "jusqu'à 50\u202f000"),  # the first word of a meaning
        ("at least 5", "fr", "long", "au moins 5"),
        ("over 3,000", "de", "long", "über 3.000"),
        ("6,739 km2", "en", "long", "6,739 km²"),
        ("6,739 km2", "de", "long", "6.739 km²"),
        ("15 years", "en", "long", "15 years"),
        ("15 years", "de", "long", "15 Jahre"),
        ("15 years", "fr", "long", "15 ans"),
        ("7.5 million USD", "en", "long", "7.5 million US dollars"),
        ("7.5 million USD", "de", "long", "7,5 Millionen US-Dollar"),
        ("over 20 million LTL", "en", "long", "over 20 million Lithuanian litai"),
        ("1939-10-30/1939-11-01", "en", "long", "Oct 30\u2009–\u2009Nov 1, 1939"),
        ("3,000\u20134,000", "en", "long", "3,000–4,000"),
        ("3,000\u20134,000", "de", "long", "3.000–4.000"),
    ],
)
def test_render_value(written: str, locale: str, date_format: str, rendered: str) -> None:
    assert render_value(parse_value(written), locale, date_format) == rendered


def test_render_value_refuses_unknown_kinds() -> None:
    with pytest.raises(TypeError):
        render_value("1939", "en")  # type: ignore[arg-type]


def test_dates_are_plain_data() -> None:
    # Values are kept in Sphinx's pickled environment: frozen dataclasses of plain types.
    import pickle

    value = parse_value("1939-10-30/1939-11-01")
    assert pickle.loads(pickle.dumps(value)) == value
    assert date(1939, 10, 10).span()[0] == datetime.date(1939, 10, 10)

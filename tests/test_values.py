"""Unit tests of :mod:`factcheck.values` and :mod:`factcheck.render` (no Sphinx, fast)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.render import render_value
from factcheck.values import (
    BadValue,
    DateValue,
    FractionValue,
    NumberValue,
    PercentValue,
    Stated,
    parse_number,
    parse_value,
)

# --------------------------------------------------------------------------- parse_value: kinds


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1939-10-10", DateValue(1939, 10, 10, "day")),
        ("1920-10", DateValue(1920, 10, None, "month")),
        ("1926", DateValue(1926, None, None, "year")),
        ("1920s", DateValue(1920, None, None, "decade")),
        ("1940-02-29", DateValue(1940, 2, 29, "day")),  # a leap day is a real date
        ("20000", NumberValue(Fraction(20000))),
        ("20,000", NumberValue(Fraction(20000))),
        ("20 000", NumberValue(Fraction(20000))),
        ("20\u202f000", NumberValue(Fraction(20000))),  # narrow no-break space
        ("20\u00a0000", NumberValue(Fraction(20000))),  # no-break space
        ("3,000", NumberValue(Fraction(3000))),  # a separator makes four digits a count
        ("42", NumberValue(Fraction(42))),
        ("2.5", NumberValue(Fraction(5, 2))),
        ("7.5 million", NumberValue(Fraction(7_500_000))),
        ("3 thousand", NumberValue(Fraction(3000))),
        ("1.2 billion", NumberValue(Fraction(1_200_000_000))),
        ("80%", PercentValue(Fraction(80))),
        ("80 %", PercentValue(Fraction(80))),
        ("12.5%", PercentValue(Fraction(25, 2))),
        ("1/5", FractionValue(Fraction(1, 5))),
        ("2 / 3", FractionValue(Fraction(2, 3))),
    ],
)
def test_parse_value_types_by_spelling(written: str, expected: object) -> None:
    assert parse_value(written) == expected


def test_parse_value_explicit_kind_overrides_spelling() -> None:
    # Four digits alone read as a year; type: number makes them a count.
    assert parse_value("1926") == DateValue(1926, None, None, "year")
    assert parse_value("1926", "number") == NumberValue(Fraction(1926))
    assert parse_value("80", "percent") == PercentValue(Fraction(80))
    assert parse_value("1/5", "fraction") == FractionValue(Fraction(1, 5))
    assert parse_value(" 1939-10-10 ", "date") == DateValue(1939, 10, 10, "day")


def test_parse_value_accepts_non_strings() -> None:
    assert parse_value(42) == NumberValue(Fraction(42))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "describe"),
    [
        ("1939-10-10", "1939-10-10"),
        ("1920-10", "1920-10"),
        ("1926", "1926"),
        ("1920s", "1920s"),
        ("20,000", "20000"),
        ("7.5 million", "7500000"),
        ("2.5", "2.5"),
        ("80%", "80%"),
        ("12.5%", "12.5%"),
        ("1/5", "1/5"),
    ],
)
def test_describe_is_canonical(written: str, describe: str) -> None:
    assert parse_value(written).describe() == describe


def test_kind_names() -> None:
    assert parse_value("1939-10-10").kind == "date"
    assert parse_value("20,000").kind == "number"
    assert parse_value("80%").kind == "percent"
    assert parse_value("1/5").kind == "fraction"


# --------------------------------------------------------------------------- parse_value: bad


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
        ("1939-1-1", None, "'1939-1-1' is not a date (write YYYY-MM-DD"),
        ("1925s", None, "'1925s' is not a number"),
        ("abc", None, "'abc' is not a number"),
        ("", None, "'' is not a number"),
        ("twenty", None, "'twenty' is not a number"),
        ("20,00", None, "'20,00' has misplaced thousands separators"),
        ("1,0000", None, "'1,0000' has misplaced thousands separators"),
        ("12,34,567", None, "'12,34,567' has misplaced thousands separators"),
        ("1234,567", None, "'1234,567' has misplaced thousands separators"),
        ("20 00", None, "'20 00' has misplaced thousands separators"),
        ("7.5 zillion", None, "'7.5 zillion' is not a number"),
        ("80 %x", None, "'80 %x' is not a number"),
        ("1/0", None, "'1/0' is not a fraction (write it as 1/5)"),
        ("one fifth", "fraction", "'one fifth' is not a fraction (write it as 1/5)"),
        ("abc%", None, "'abc' is not a number"),
        ("1939", "colour", "unknown type 'colour' (known: date, number, percent, fraction)"),
        ("20,000", "date", "'20,000' is not a date"),
    ],
)
def test_parse_value_rejects(written: str, kind: str | None, message: str) -> None:
    with pytest.raises(BadValue) as info:
        parse_value(written, kind)
    assert str(info.value).startswith(message)


def test_bad_value_is_a_value_error() -> None:
    # Callers that only know ValueError still catch it.
    with pytest.raises(ValueError):
        parse_value("1939-02-30")


def test_parse_number_equal_spellings() -> None:
    assert parse_number("20,000") == parse_number("20 000") == parse_number("20000") == 20000
    assert parse_number("7.5 million") == 7_500_000
    assert parse_number("1,234.5") == Fraction(2469, 2)


# --------------------------------------------------------------------------- DateValue.agrees


DAY = parse_value("1939-09-17")
MONTH = parse_value("1920-10")
YEAR = parse_value("1926")
DECADE = parse_value("1920s")


def stated_date(year: int | None = None, month: int | None = None, day: int | None = None,
                decade: bool = False) -> Stated:
    return Stated("x", year=year, month=month, day=day, decade=decade)


def test_day_fact_agrees_with_full_and_partial_statements() -> None:
    assert DAY.agrees(stated_date(1939, 9, 17))
    assert DAY.agrees(stated_date(None, 9, 17))  # "September 17": month and day match
    assert DAY.agrees(stated_date(1939, 9))  # "September 1939"
    assert DAY.agrees(Stated("1939", number=Fraction(1939)))  # "1939" as a bare number
    assert DAY.agrees(stated_date(1930, decade=True))  # "the 1930s"


def test_day_fact_disagrees_with_any_wrong_part() -> None:
    assert not DAY.agrees(stated_date(1939, 9, 18))
    assert not DAY.agrees(stated_date(None, 9, 18))  # "September 18"
    assert not DAY.agrees(stated_date(None, 10, 17))  # "October 17"
    assert not DAY.agrees(stated_date(1940, 9, 17))
    assert not DAY.agrees(stated_date(1939, 10))
    assert not DAY.agrees(Stated("1940", number=Fraction(1940)))
    assert not DAY.agrees(stated_date(1920, decade=True))
    assert not DAY.agrees(Stated("17", number=Fraction(17)))  # a bare 17 is not the day


def test_bare_year_agrees_with_any_fact_of_that_year() -> None:
    year_1920 = Stated("1920", number=Fraction(1920))
    assert parse_value("1920-10-10").agrees(year_1920)
    assert parse_value("1920-10").agrees(year_1920)
    assert parse_value("1920").agrees(year_1920)
    assert not parse_value("1921").agrees(year_1920)


def test_statement_may_not_be_more_precise_than_the_fact() -> None:
    # The facts file knows October 1920, not which day: a day is more than is known.
    assert not MONTH.agrees(stated_date(1920, 10, 9))
    assert not MONTH.agrees(stated_date(None, 10, 9))
    assert MONTH.agrees(stated_date(1920, 10))
    assert not MONTH.agrees(stated_date(1920, 11))
    # A year fact: neither a month nor a day.
    assert YEAR.agrees(stated_date(1926))
    assert not YEAR.agrees(stated_date(1926, 4))
    assert not YEAR.agrees(stated_date(1926, 4, 24))


def test_decade_rules() -> None:
    assert DECADE.agrees(stated_date(1920, decade=True))
    assert not DECADE.agrees(stated_date(1930, decade=True))
    # Any precise year is more than a decade fact knows.
    assert not DECADE.agrees(Stated("1920", number=Fraction(1920)))
    assert not DECADE.agrees(stated_date(1925))
    # "the 1920s" agrees with any date in that decade.
    assert YEAR.agrees(stated_date(1920, decade=True))
    assert MONTH.agrees(stated_date(1920, decade=True))
    assert not YEAR.agrees(stated_date(1910, decade=True))


# --------------------------------------------------------------------------- other kinds


def number(value: Fraction | int, percent: bool = False) -> Stated:
    return Stated("x", number=Fraction(value), percent=percent)


def test_number_agrees_exactly_and_not_as_percent() -> None:
    troops = parse_value("20,000")
    assert troops == parse_value("20 000") == parse_value("20000")
    assert troops.agrees(number(20000))
    assert not troops.agrees(number(20001))
    assert not troops.agrees(number(20000, percent=True))
    assert not troops.agrees(stated_date(1939, 10, 10))
    assert parse_value("7.5 million").agrees(number(7_500_000))
    assert not parse_value("7.5 million").agrees(number(7_000_000))


def test_percent_needs_a_percent() -> None:
    share = parse_value("80%")
    assert share.agrees(number(80, percent=True))
    assert not share.agrees(number(80))  # a bare 80 is not 80 %
    assert not share.agrees(number(81, percent=True))


def test_fraction() -> None:
    fifth = parse_value("1/5")
    assert fifth.agrees(number(Fraction(1, 5)))
    assert fifth.agrees(number(Fraction(2, 10)))  # the same proportion
    assert not fifth.agrees(number(Fraction(1, 4)))
    assert not fifth.agrees(number(Fraction(1, 5), percent=True))


# --------------------------------------------------------------------------- render_value


@pytest.mark.parametrize(
    ("written", "locale", "date_format", "rendered"),
    [
        ("1939-10-10", "en", "long", "October 10, 1939"),
        ("1939-10-10", "en", "d MMMM y", "10 October 1939"),
        ("1939-10-10", "en_GB", "long", "10 October 1939"),
        ("1939-10-10", "de", "long", "10. Oktober 1939"),
        ("1920-10", "en", "long", "October 1920"),  # never more precise than the fact
        ("1926", "en", "long", "1926"),
        ("1920s", "en", "long", "1920s"),
        ("20000", "en", "long", "20,000"),
        ("20000", "de", "long", "20.000"),
        ("7.5 million", "en", "long", "7,500,000"),
        ("2.5", "en", "long", "2.5"),
        ("0.123456", "en", "long", "0.123456"),  # no rounding to the locale's 3 decimals
        ("80%", "en", "long", "80%"),
        ("12.5%", "en", "long", "12.5%"),  # not rounded to "12%"
        ("1/5", "en", "long", "1/5"),
    ],
)
def test_render_value(written: str, locale: str, date_format: str, rendered: str) -> None:
    assert render_value(parse_value(written), locale, date_format) == rendered


def test_render_value_refuses_unknown_kinds() -> None:
    with pytest.raises(TypeError):
        render_value("1939", "en")  # type: ignore[arg-type]

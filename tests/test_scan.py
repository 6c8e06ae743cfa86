"""Unit tests of :func:`factcheck.scan.find_figures`, and its round trip with ``render_value``."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.render import render_value
from factcheck.scan import find_figures
from factcheck.values import DateValue, NumberValue, Stated, parse_value


def texts(text: str, **kwargs: object) -> list[str]:
    return [figure.text for figure in find_figures(text, **kwargs)]  # type: ignore[arg-type]


def only(text: str, locale: str = "en") -> Stated:
    figures = find_figures(text, locale)
    assert len(figures) == 1, figures
    return figures[0].stated


# --------------------------------------------------------------------------- what it finds


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("October 10, 1939", Stated("October 10, 1939", year=1939, month=10, day=10)),
        ("October 10 1939", Stated("October 10 1939", year=1939, month=10, day=10)),
        ("10 October 1939", Stated("10 October 1939", year=1939, month=10, day=10)),
        ("10th of October", Stated("10th of October", month=10, day=10)),
        ("September 17", Stated("September 17", month=9, day=17)),
        ("March 1940", Stated("March 1940", year=1940, month=3)),
        ("1939-10-10", Stated("1939-10-10", year=1939, month=10, day=10)),
        ("1920s", Stated("1920s", year=1920, decade=True)),
        ("20,000", Stated("20,000", number=Fraction(20000))),
        ("20 000", Stated("20 000", number=Fraction(20000))),
        ("20\u202f000", Stated("20\u202f000", number=Fraction(20000))),
        ("20000", Stated("20000", number=Fraction(20000))),
        ("1,234.5", Stated("1,234.5", number=Fraction(2469, 2))),
        ("7.5 million", Stated("7.5 million", number=Fraction(7_500_000))),
        ("80%", Stated("80%", number=Fraction(80), percent=True)),
        ("80 %", Stated("80 %", number=Fraction(80), percent=True)),
        ("80 percent", Stated("80 percent", number=Fraction(80), percent=True)),
        ("80 per cent", Stated("80 per cent", number=Fraction(80), percent=True)),
        ("19th", Stated("19th", number=Fraction(19))),
        ("five", Stated("five", number=Fraction(5))),
        ("Twenty-five", Stated("Twenty-five", number=Fraction(25))),
        ("five hundred", Stated("five hundred", number=Fraction(500))),
        ("one hundred", Stated("one hundred", number=Fraction(100))),
        ("one fifth", Stated("one fifth", number=Fraction(1, 5))),
        ("One-half", Stated("One-half", number=Fraction(1, 2))),
        ("two thirds", Stated("two thirds", number=Fraction(2, 3))),
        ("three quarters", Stated("three quarters", number=Fraction(3, 4))),
        ("1/5", Stated("1/5", number=Fraction(1, 5))),
    ],
)
def test_finds(text: str, stated: Stated) -> None:
    figures = find_figures(f"It was {text} in all.")
    assert [f.stated for f in figures] == [stated]
    figure = figures[0]
    assert f"It was {text} in all."[figure.start:figure.end] == text == figure.text


def test_finds_every_figure_in_order_with_offsets() -> None:
    text = "On October 10, 1939, 20,000 troops (80%) held one fifth of 3 towns."
    figures = find_figures(text)
    assert [f.text for f in figures] == ["October 10, 1939", "20,000", "80%", "one fifth", "3"]
    assert [text[f.start:f.end] for f in figures] == [f.text for f in figures]


@pytest.mark.parametrize(
    "text",
    [
        "an area of km2 and a B52",  # digits glued to letters
        "one of them said one thing",  # "one" alone is a pronoun
        "the first, second, third and tenth attempts",  # ordinal words
        "Article IX of Chapter XII, Louis XIV",  # Roman numerals
        "see https://example.org/1939/10/20000 for more",  # URLs
        "or www.example.org/page/42",
        "version v1.2 of the H2O model",
        "someone, anyone, everyone, oneself",  # "one" inside words
        "Often, tenfold, seventeenth",  # number words inside words or as ordinals
        "a 1/0 ratio",  # no such fraction
    ],
)
def test_deliberately_does_not_find(text: str) -> None:
    assert texts(text) == []


def test_url_is_masked_but_the_rest_is_scanned() -> None:
    text = "See https://example.org/1939 and 42 more."
    figures = find_figures(text)
    assert [(f.text, f.start) for f in figures] == [("42", text.index("42"))]


def test_words_false_skips_number_words_and_word_fractions() -> None:
    text = "five ships, one fifth of 20 boats"
    assert texts(text) == ["five", "one fifth", "20"]
    assert texts(text, words=False) == ["20"]


def test_month_names_follow_the_locale() -> None:
    assert only("10 octobre 1939", "fr") == Stated("10 octobre 1939", year=1939, month=10, day=10)
    assert only("März 1940", "de") == Stated("März 1940", year=1940, month=3)
    # An English month name is no month in French: only the digits are figures.
    assert texts("October 10", locale="fr") == ["10"]


# --------------------------------------------------------------------------- round trip


@settings(deadline=None)  # Babel loads locale data on first use
@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)),
       st.sampled_from(["long", "d MMMM y", "MMMM d, y"]))
def test_rendered_day_dates_read_back(date: datetime.date, date_format: str) -> None:
    value = DateValue(date.year, date.month, date.day, "day")
    rendered = render_value(value, "en", date_format)
    figures = find_figures(rendered)
    assert len(figures) == 1, (rendered, figures)
    assert value.agrees(figures[0].stated), rendered


@settings(deadline=None)  # Babel loads locale data on first use
@given(st.integers(min_value=0, max_value=10**15))
def test_rendered_integers_read_back(n: int) -> None:
    value = NumberValue(Fraction(n))
    rendered = render_value(value)
    figures = find_figures(rendered)
    assert len(figures) == 1, (rendered, figures)
    assert value.agrees(figures[0].stated), rendered


@settings(deadline=None)  # Babel loads locale data on first use
@given(st.decimals(min_value=0, max_value=100, places=2, allow_nan=False))
def test_rendered_percentages_read_back(d: object) -> None:
    value = parse_value(f"{d}%")
    rendered = render_value(value)
    figures = find_figures(rendered)
    assert len(figures) == 1, (rendered, figures)
    assert value.agrees(figures[0].stated), rendered


@pytest.mark.parametrize("written", ["1920-10", "1926", "1920s", "1/5", "7.5 million"])
def test_rendered_other_kinds_read_back(written: str) -> None:
    value = parse_value(written)
    figures = find_figures(render_value(value))
    assert len(figures) == 1
    assert value.agrees(figures[0].stated)


def test_rendered_medium_day_date_reads_back() -> None:
    value = parse_value("1939-10-10")
    rendered = render_value(value, "en", "medium")
    assert rendered == "Oct 10, 1939"
    figures = find_figures(rendered)
    assert len(figures) == 1
    assert value.agrees(figures[0].stated)


def test_rendered_german_day_date_reads_back() -> None:
    value = parse_value("1939-10-10")
    rendered = render_value(value, "de")
    assert rendered == "10. Oktober 1939"
    figures = find_figures(rendered, "de")
    assert len(figures) == 1
    assert value.agrees(figures[0].stated)

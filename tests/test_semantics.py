"""The promise, built with Sphinx: every construct passes as written, and a copy of the page with
one figure changed fails at exactly that line.

``tests/roots/test-semantics`` states each construct of issue 7 on its own line of a MyST page: a
weekday, abbreviated, numeric and worded dates, a decade, a part of a year, a century, hedges
inside and before a role, a unit pair, money, a range bound to a range fact and to two facts,
number words, a percentage and a fraction in words, ordinals, derived facts (a sum, a difference,
a date and a duration) and a date wrapped across a line break.  Its facts file holds a constraint
that fails, reported at its line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import warnings_of
from sphinx.testing.util import SphinxTestApp

CONSTRAINT = ("facts.yaml", 99, "constraint",
              "constraint 'bases-add-up' (The bases' troops are the personnel) does not hold: "
              "bases-sum == personnel is false with bases-sum = 10500, personnel = 10786")


@pytest.mark.sphinx("html", testroot="semantics", freshenv=True)
def test_every_construct_passes_as_written(app: SphinxTestApp) -> None:
    app.build()
    # Strict mode is on and unused facts are warnings: nothing is unbound, nothing unused, and
    # only the constraint fails.
    assert warnings_of(app) == [CONSTRAINT]


def _build(make_app, rootdir: Path, tmp_path: Path, changes: dict[str, tuple[str, str]]
           ) -> SphinxTestApp:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-semantics", srcdir)
    for name, (old, new) in changes.items():
        path = srcdir / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


def about(fact_id: str, label: str, shown: str, line: int) -> str:
    return f"fact {fact_id!r} ({label}) is {shown}, defined at facts.yaml:{line}"


#: (what is changed, into what, the line, the warning's subtype, its message)
MUTATIONS = [
    # a word of a date: the weekday, the month, the day in words
    ("Tuesday, October 10, 1939", "Monday, October 10, 1939", 3, "mismatch",
     "the text states 'Monday, October 10, 1939' but " + about(
         "treaty-signed", "The treaty is signed", "1939-10-10", 2)
     + ": 1939-10-10 was a Tuesday, not a Monday"),
    ("Sept. 17, 1939", "Oct. 17, 1939", 4, "mismatch",
     "the text states 'Oct. 17, 1939' but " + about(
         "red-army-invades", "The Red Army invades Poland", "1939-09-17", 5)),
    ("Sept. 17, 1939", "Sept. 18, 1939", 4, "mismatch",
     "the text states 'Sept. 18, 1939' but " + about(
         "red-army-invades", "The Red Army invades Poland", "1939-09-17", 5)),
    ("28.9.1939", "28.8.1939", 5, "mismatch",
     "the text states '28.8.1939' but " + about(
         "boundary-treaty", "The Boundary and Friendship Treaty", "1939-09-28", 8)),
    ("October 1920", "November 1920", 6, "mismatch",
     "the text states 'November 1920' but " + about("mutiny", "The mutiny", "1920-10", 11)),
    ("the 1930s", "the 1940s", 7, "mismatch",
     "the text states 'the 1940s' but " + about("land-reform", "A land reform", "1930s", 14)),
    ("mid-1940", "late 1940", 8, "mismatch",
     "the text states 'late 1940' but " + about(
         "mid-year", "An event in the middle of 1940", "1940-06", 17)),
    ("the 18th century", "the 17th century", 9, "mismatch",
     "the text states 'the 17th century' but " + about(
         "church", "The church is built", "18th century", 20)),
    ("the tenth of October", "the eleventh of October", 10, "mismatch",
     "the text states 'the eleventh of October' but " + about(
         "treaty-signed", "The treaty is signed", "1939-10-10", 2)),
    # a hedge's direction, inside the role and before it
    ("about 430,000", "over 430,000", 11, "mismatch",
     "the text states 'over 430,000' but " + about(
         "population", "Population of the territory", "approximately 430,000", 23)
     + ": 'over' says something else than about"),
    ("approximately {fact}`430,000", "more than {fact}`430,000", 12, "mismatch",
     "the text states '430,000' but " + about(
         "population", "Population of the territory", "approximately 430,000", 23)
     + ": 'over' says something else than about"),
    ("up to {fact}`50,000", "at least {fact}`50,000", 13, "mismatch",
     "the text states '50,000' but " + about(
         "troops-demanded", "Troops first demanded", "up to 50,000", 26)
     + ": 'at least' says something else than up to"),
    ("over 3,000", "under 3,000", 14, "mismatch",
     "the text states 'under 3,000' but " + about(
         "students", "Students of the university", "over 3,000", 29)
     + ": 'under' says something else than over"),
    # a unit, and the second figure of a unit pair
    ("6,739 km² (2,602 sq mi)", "6,739 km (2,602 sq mi)", 15, "mismatch",
     "the text states '6,739 km (2,602 sq mi)' but " + about(
         "area", "Area of the territory", "6,739 km2", 32)
     + ": km does not measure what km² does"),
    ("6,739 km² (2,602 sq mi)", "6,739 km² (2,612 sq mi)", 15, "mismatch",
     "the text states '6,739 km² (2,612 sq mi)' but " + about(
         "area", "Area of the territory", "6,739 km2", 32)
     + ": another value once converted (2,601.94 mi²)"),
    # a currency
    ("$7.5 million", "\u20ac7.5 million", 16, "mismatch",
     "the text states '€7.5 million' but " + about(
         "price", "Price of the territory", "7.5 million USD", 35) + ": € is not USD"),
    ("20 million litas", "20 million dollars", 17, "mismatch",
     "the text states '20 million dollars' but " + about(
         "loss", "Loss on the exchange", "over 20 million LTL", 38) + ": dollars is not LTL"),
    # a range's end, bound to a range fact and to two facts
    ("1939–40", "1939–41", 18, "mismatch",
     "the text states '1939–41' but " + about(
         "war-years", "The years of the war", "1939–1940", 41) + ": the end: another date"),
    ("to November 1 <", "to November 2 <", 19, "mismatch",
     "the text states 'October 30 to November 2' but " + about(
         "riots-start", "The riots begin", "1939-10-30", 44) + " and " + about(
         "riots-end", "The riots end", "1939-11-01", 47) + ": the end: another date"),
    # number words, a percentage and a fraction in words
    ("one hundred and sixteen", "one hundred and seventeen", 20, "mismatch",
     "the text states 'one hundred and seventeen' but " + about(
         "articles", "Articles of a code", "116", 50)),
    ("eighty percent", "seventy percent", 21, "mismatch",
     "the text states 'seventy percent' but " + about(
         "trade-share", "Share of trade", "80%", 53)),
    ("one fifth", "one fourth", 22, "mismatch",
     "the text states 'one fourth' but " + about(
         "region-share", "Share of the region", "about 1/5", 56)),
    ("another {fact}`10 <extension>`", "another {fact}`11 <extension>`", 23, "mismatch",
     "the text states '11' but " + about("extension", "The extension", "10 years", 62)),
    # derived facts: a date, a sum, a difference, an anniversary, a duration
    ("October 10, 1954", "October 10, 1955", 24, "mismatch",
     "the text states 'October 10, 1955' but " + about(
         "term-end", "End of the term", "1954-10-10 (derived: treaty-signed + term)", 92)),
    ("{fact}`10,500 <bases-sum>`", "{fact}`10,600 <bases-sum>`", 25, "mismatch",
     "the text states '10,600' but " + about(
         "bases-sum", "Troops of both bases", "10500 (derived: alytus + prienai)", 74)),
    ("{fact}`286 <shortfall>`", "{fact}`296 <shortfall>`", 26, "mismatch",
     "the text states '296' but " + about(
         "shortfall", "Personnel beyond the bases' troops",
         "286 (derived: personnel - bases-sum)", 77)),
    ("{fact}`19th <anniversary>`", "{fact}`20th <anniversary>`", 27, "mismatch",
     "the text states '20th' but " + about(
         "anniversary", "Anniversary of the mutiny at the signing",
         "19 year (derived: years_between(mutiny, treaty-signed))", 80)),
    ("{fact}`a day <lead>`", "{fact}`two days <lead>`", 28, "mismatch",
     "the text states 'two days' but " + about(
         "lead", "The border agreement came first by",
         "1 day (derived: days_between(border-signed, bases-signed))", 89)),
    # a date wrapped across a line break: reported where the role starts
    ("October\n28, 1939", "October\n29, 1939", 29, "mismatch",
     "the text states 'October\n29, 1939' but " + about(
         "bases-signed", "The bases agreement is signed, the next day",
         "1939-10-28 (derived: border-signed + days(1))", 86).replace("\n", " ")),
]


@pytest.mark.parametrize(("old", "new", "line", "subtype", "message"), MUTATIONS,
                         ids=[f"{m[2]}:{m[1]}" for m in MUTATIONS])
def test_a_changed_figure_is_reported_at_its_line(make_app, rootdir: Path, tmp_path: Path,
                                                  old: str, new: str, line: int, subtype: str,
                                                  message: str) -> None:
    app = _build(make_app, rootdir, tmp_path, {"index.md": (old, new)})
    expected = message.replace("'October\n29, 1939'", "'October 29, 1939'")
    assert warnings_of(app) == [CONSTRAINT, ("index.md", line, subtype, expected)]


def test_a_changed_base_fact_reaches_the_sum_derived_from_it(make_app, rootdir: Path,
                                                           tmp_path: Path) -> None:
    # The issue: changing one base must not leave a wrong sum.  In the facts file, Alytus's
    # 8,000 becomes 8,100: the text's 8,000 and the sum it states are both wrong now, and the
    # constraint is computed from the new value.
    app = _build(make_app, rootdir, tmp_path, {"facts.yaml": ("value: 8,000", "value: 8,100")})
    assert warnings_of(app) == [
        ("facts.yaml", 99, "constraint",
         "constraint 'bases-add-up' (The bases' troops are the personnel) does not hold: "
         "bases-sum == personnel is false with bases-sum = 10600, personnel = 10786"),
        ("index.md", 25, "mismatch", "the text states '8,000' but " + about(
            "alytus", "Troops at Alytus", "8,100", 65)),
        ("index.md", 25, "mismatch", "the text states '10,500' but " + about(
            "bases-sum", "Troops of both bases", "10600 (derived: alytus + prienai)", 74)),
        ("index.md", 26, "mismatch", "the text states '286' but " + about(
            "shortfall", "Personnel beyond the bases' troops",
            "186 (derived: personnel - bases-sum)", 77)),
    ]


def test_a_constraint_that_holds_again_is_silent(make_app, rootdir: Path,
                                                 tmp_path: Path) -> None:
    app = _build(make_app, rootdir, tmp_path, {
        "facts.yaml": ("require: bases-sum == personnel", "require: bases-sum < personnel")})
    assert warnings_of(app) == []

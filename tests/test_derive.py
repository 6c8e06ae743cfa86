"""Unit tests of derived facts and constraints (:mod:`factcheck.derive`), through the facts file
reader so that every problem is checked at its line (no Sphinx, fast)."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.derive import MAX_DEPTH, DeriveError, evaluate, parse_expression
from factcheck.facts import FactsFile, read_facts
from factcheck.values import parse_value

ALLOWED = ("numbers, fact ids, + - * /, comparisons, and/or/not, days, years, years_between, "
           "days_between, sum, min, max")

#: Base facts every case below may use (lines 1–24).
BASE = """\
alytus:
  value: 8,000
  label: Troops at Alytus
prienai:
  value: 2,500
  label: Soldiers at Prienai
personnel:
  value: 18,786
  label: Personnel of the bases
signed:
  value: 1939-10-10
  label: The treaty is signed
mutiny:
  value: 1920-10
  label: The mutiny
term:
  value: 15 years
  label: The treaty's term
area:
  value: 6,739 km2
  label: The territory's area
share:
  value: 80%
  label: A share
"""
BASE_LINES = BASE.count("\n")


def facts(extra: str) -> FactsFile:
    return read_facts(Path("facts.yaml"), BASE + textwrap.dedent(extra))


def problems(extra: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.subtype, p.message) for p in facts(extra).problems]


def derived(expression: str) -> str:
    facts_file = facts(f"x:\n  derive: {expression}\n  label: X\n")
    assert not facts_file.problems, facts_file.problems
    return facts_file.facts["x"].value.describe()


# --------------------------------------------------------------------------- what derives


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("alytus + prienai", "10500"),  # sums
        ("sum(alytus, prienai, personnel)", "29286"),
        ("personnel - alytus - prienai", "8286"),  # differences
        ("personnel - (alytus + prienai)", "8286"),
        ("alytus * 2", "16000"),
        ("alytus / 4", "2000"),
        ("prienai / alytus", "0.3125"),
        ("prienai / personnel", "1250/9393"),  # not a terminating decimal
        ("-alytus", "-8000"),
        ("min(alytus, prienai)", "2500"),
        ("max(alytus, prienai, 9000)", "9000"),
        ("share + 5", "85%"),  # a percentage plus points is a percentage
        # dates moved by days and years ("a day before", "15 years after")
        ("signed - days(1)", "1939-10-09"),
        ("signed + days(22)", "1939-11-01"),
        ("signed + years(15)", "1954-10-10"),
        ("signed + term", "1954-10-10"),
        ("signed - term", "1924-10-10"),
        ("signed + term * 2", "1969-10-10"),
        ("mutiny + years(19)", "1939-10"),
        # durations between dates, anniversaries
        ("years_between(mutiny, signed)", "19 year"),
        ("years_between(signed, signed + years(3) - days(1))", "2 year"),
        ("days_between(signed, signed + days(22))", "22 day"),
        ("signed - (signed - days(3))", "3 day"),
        # quantities keep their unit
        ("area / 2", "3369.5 km²"),
        ("term * 2", "30 years"),  # the unit as the facts file writes it
    ],
)
def test_derived_values(expression: str, value: str) -> None:
    assert derived(expression) == value


def test_derived_facts_keep_their_bases_and_show_their_expression() -> None:
    facts_file = facts("""\
        pair:
          derive: alytus + prienai
          label: Two bases
        rest:
          derive: personnel - pair
          label: The rest
        """)
    rest = facts_file.facts["rest"]
    assert rest.value.describe() == "8286"
    assert rest.depends_on == ("personnel", "pair", "alytus", "prienai")
    assert rest.shown == "8286 (derived: personnel - pair)"
    assert rest.line == BASE_LINES + 4
    # A change of a base reaches every fact derived from it, directly or not.
    assert facts_file.dependants()["alytus"] == {"pair", "rest"}


def test_a_derived_sum_has_the_precision_of_its_least_precise_term() -> None:
    facts_file = facts("""\
        rounded:
          value: 3.8 million
          label: Rounded
        total:
          derive: rounded + alytus
          label: Total
        """)
    assert facts_file.facts["total"].value.amount.step == 100_000


def test_evaluate_directly() -> None:
    values = {"a-b": parse_value("20,000"), "c": parse_value("about 1/5")}
    expression = parse_expression("a-b * c", values)  # an id may hold '-'
    assert expression.ids == ("a-b", "c")
    assert evaluate(expression, values).amount.value == Fraction(4000)
    assert evaluate(parse_expression("-c", values), values).describe() == "-1/5"


# --------------------------------------------------------------------------- refused expressions


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        # nothing reaches eval, and the whitelist says why
        ("__import__(os)", "'__import__(os)' names a Python internal ('__'); expressions allow "
                           f"{ALLOWED}"),
        ("\"__import__('os')\"", "\"__import__('os')\" holds a string; expressions allow "
                                 f"{ALLOWED}"),
        ("\"open('/etc/passwd')\"", f"\"open('/etc/passwd')\" holds a string; expressions allow "
                                    f"{ALLOWED}"),
        ("alytus.real", "unknown fact id 'alytus.real' in 'alytus.real'"),  # no attributes
        ("alytus .real", "unknown fact id 'real' in 'alytus .real'"),
        ('"(lambda: 1)()"', f"'(lambda: 1)()' uses the Python keyword 'lambda', which "
                            f"expressions do not allow ({ALLOWED})"),
        ('"[x for x in alytus]"', f"'[x for x in alytus]' uses the Python keyword 'for', which "
                                  f"expressions do not allow ({ALLOWED})"),
        ("alytus if alytus else prienai", f"'alytus if alytus else prienai' uses the Python "
                                          f"keyword 'if', which expressions do not allow "
                                          f"({ALLOWED})"),
        ("alytus[0]", f"'alytus[0]' uses Subscript, which expressions do not allow ({ALLOWED})"),
        ("alytus ** 2", f"'alytus ** 2' uses Pow, which expressions do not allow ({ALLOWED})"),
        ("alytus // 2", f"'alytus // 2' uses FloorDiv, which expressions do not allow "
                        f"({ALLOWED})"),
        ('"(alytus := 1)"', f"'(alytus := 1)' uses NamedExpr, which expressions do not allow "
                            f"({ALLOWED})"),
        ("days(n=1)", "'days(n=1)' names an argument (n=…): functions take their arguments in "
                      "order"),
        ("print(alytus)", "unknown fact id 'print' in 'print(alytus)'"),
        ("alytus(1)", "'alytus(1)' calls something other than days, years, years_between, "
                      "days_between, sum, min, max"),
        ("1e400 * alytus", "'1e400' in '1e400 * alytus' is not a number expressions read "
                           "(write 10000 or 2.5)"),
        ("alytus +", "cannot read 'alytus +': invalid syntax"),
        # unknown ids, with a hint for a minus written without spaces
        ("alytus + nosuch", "unknown fact id 'nosuch' in 'alytus + nosuch'"),
        ("personnel-alytus", "unknown fact id 'personnel-alytus' in 'personnel-alytus' (write "
                             "spaces around '-' between two ids)"),
        ("-" * 200 + "alytus", f"'{'-' * 40}'… nests deeper than {MAX_DEPTH} levels"),
        ("+".join(["1"] * 999), f"'{'1+' * 20}'… nests deeper than {MAX_DEPTH} levels"),
    ],
)
def test_refused_expressions_are_located_problems(expression: str, message: str) -> None:
    line = BASE_LINES + 2
    assert problems(f"x:\n  derive: {expression}\n  label: X\n") == [
        (line, "facts-file", f"fact 'x': {message}")]


def test_long_expressions_are_refused() -> None:
    with pytest.raises(DeriveError, match="longer than 2,000 characters"):
        parse_expression(" + ".join(["alytus"] * 300), {"alytus"})


# --------------------------------------------------------------------------- type errors


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("signed + alytus", "arithmetic needs a number, not a date"),
        ("signed * 2", "arithmetic needs a number, not a date"),
        ("-signed", "cannot negate a date"),
        ("signed + area", "a date can be moved by days or years, not by kilometer ** 2"),
        ("term + area", "cannot combine year and kilometer ** 2"),
        ("days(1.5) + signed", "days() needs a whole number, not 3/2"),
        ("years(signed)", "years() needs a number, not a date"),
        ("mutiny - days(1)", "days() needs a date known to the day, not 1920-10"),
        ("days_between(mutiny, signed)", "days_between() needs dates known to the day, not "
                                         "1920-10"),
        ("years_between(alytus, signed)", "years_between() needs a date, not a number"),
        ("alytus / 0", "division by zero"),
        ("alytus / (prienai - 2500)", "division by zero"),
        ("term / term", "'/' needs a number, not a quantity"),
        ("sum()", "sum() needs at least one value"),
        ("max()", "max() needs at least one value"),
        ("min(alytus, signed)", "cannot compare a number with a date"),
        ("alytus > 5", "the expression computes a comparison, not a value (use 'require:' for a "
                       "constraint)"),
        ("signed + years(9000)", "year 10939 is out of range"),
    ],
)
def test_type_errors_are_located_problems(expression: str, message: str) -> None:
    assert problems(f"x:\n  derive: {expression}\n  label: X\n") == [
        (BASE_LINES + 2, "facts-file", f"fact 'x': {message}")]


def test_a_derived_date_must_be_a_date_when_typed_so() -> None:
    assert problems("x:\n  derive: alytus + 1\n  type: date\n  label: X\n") == [
        (BASE_LINES + 2, "facts-file", "fact 'x': it computes a number, not a date")]


# --------------------------------------------------------------------------- cycles, invalid bases


def test_cycles_are_located_at_each_derivation() -> None:
    found = problems("""\
        a:
          derive: b + 1
          label: A
        b:
          derive: c + 1
          label: B
        c:
          derive: a + 1
          label: C
        self:
          derive: self * 2
          label: Self
        """)
    first = BASE_LINES + 2
    # The cycle is reported where it is entered; the others on it cannot be computed.
    assert found == [
        (first, "facts-file", "fact 'a': the derivation is a cycle: a → b → c → a"),
        (first + 6, "facts-file", "fact 'c' cannot be computed: fact 'a' has an invalid value "
                                  f"(facts.yaml:{first})"),
        (first + 3, "facts-file", "fact 'b' cannot be computed: fact 'c' has an invalid value "
                                  f"(facts.yaml:{first + 6})"),
        (first + 9, "facts-file", "fact 'self': the derivation is a cycle: self → self"),
    ]


def test_a_fact_derived_from_an_invalid_one_names_it() -> None:
    found = problems("""\
        broken:
          value: 1939-02-30
          label: Broken
        later:
          derive: broken + days(1)
          label: Later
        """)
    assert found == [
        (BASE_LINES + 2, "facts-file", "fact 'broken': '1939-02-30' is not a date: February "
                                       "1939 has 28 days"),
        (BASE_LINES + 5, "facts-file", "fact 'later' cannot be computed: fact 'broken' has an "
                                       f"invalid value (facts.yaml:{BASE_LINES + 2})"),
    ]
    assert set(facts("").facts) == {"alytus", "prienai", "personnel", "signed", "mutiny", "term",
                                    "area", "share"}


def test_value_derive_and_require_exclude_each_other() -> None:
    assert problems("x:\n  value: 5\n  derive: alytus + 1\n  label: X\n") == [
        (BASE_LINES + 1, "facts-file", "fact 'x' gives value and derive: give one of value, "
                                       "derive or require")]


# --------------------------------------------------------------------------- constraints


@pytest.mark.parametrize(
    "expression",
    [
        "alytus + prienai == 10500",
        "personnel > alytus > prienai",  # a chain, as the issue writes it
        "alytus + prienai <= personnel",
        "mutiny < signed",  # a sequence of dates in order
        "mutiny < signed < signed + days(1)",
        "alytus > prienai and not alytus == prienai",
        "alytus < prienai or personnel > alytus",
        "years_between(mutiny, signed) > term",
        "term < years_between(mutiny, signed) + term",
        "area > area / 2",
    ],
)
def test_constraints_that_hold_report_nothing(expression: str) -> None:
    assert problems(f"c:\n  require: {expression}\n  label: Holds\n") == []


def test_a_failing_constraint_is_reported_at_its_line_with_the_values() -> None:
    found = problems("""\
        sum-is-stated:
          require: alytus + prienai == personnel
          label: The bases add up to the personnel
        shrinking:
          require: personnel > alytus > 9000
          label: Each figure is smaller
        in-order:
          require: signed < mutiny
          label: The treaty follows the mutiny
        """)
    first = BASE_LINES + 2
    assert found == [
        (first, "constraint", "constraint 'sum-is-stated' (The bases add up to the personnel) "
                              "does not hold: alytus + prienai == personnel is false with alytus "
                              "= 8000, prienai = 2500, personnel = 18786"),
        (first + 3, "constraint", "constraint 'shrinking' (Each figure is smaller) does not "
                                  "hold: personnel > alytus > 9000 is false with personnel = "
                                  "18786, alytus = 8000"),
        (first + 6, "constraint", "constraint 'in-order' (The treaty follows the mutiny) does "
                                  "not hold: signed < mutiny is false with signed = 1939-10-10, "
                                  "mutiny = 1920-10"),
    ]


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("alytus + 1", "a constraint must compare (==, <, >…), not compute a value"),
        ("alytus > signed", "cannot compare a number with a date"),
        ("term < area", "cannot compare year with kilometer ** 2"),
        ("alytus and prienai", "'and', 'or' and 'not' need comparisons on both sides"),
        ("nosuch > 1", "unknown fact id 'nosuch' in 'nosuch > 1'"),
        ("__class__ > 1", f"'__class__ > 1' names a Python internal ('__'); expressions allow "
                          f"{ALLOWED}"),
    ],
)
def test_broken_constraints_are_located_problems(expression: str, message: str) -> None:
    assert problems(f"c:\n  require: {expression}\n  label: C\n") == [
        (BASE_LINES + 2, "facts-file", f"constraint 'c': {message}")]


def test_constraints_are_not_facts() -> None:
    facts_file = facts("c:\n  require: alytus > 0\n  label: Positive\n")
    assert "c" not in facts_file.facts
    assert [(c.id, c.line) for c in facts_file.constraints] == [("c", BASE_LINES + 2)]


def test_the_site_s_derived_facts_and_constraints_hold() -> None:
    # docs/facts.yaml: the four bases' troops sum to 18,500 and fall short of 18,786 by 286;
    # each round of the talks lowered the troops; the treaty's term ends 15 years on.
    site = Path(__file__).parent.parent / "docs" / "facts.yaml"
    facts_file = read_facts(site, site.read_text(encoding="utf-8"))
    assert facts_file.problems == []
    values = {key: fact.value.describe() for key, fact in facts_file.facts.items()}
    assert values["bases-troops-sum"] == "18500"
    assert values["bases-troops-shortfall"] == "286"
    assert values["treaty-term-end"] == "1954-10-10"
    assert values["treaty-extension-end"] == "1964-10-10"
    assert values["mutiny-anniversary"] == "19 year"
    assert values["border-agreement-lead"] == "1 day"
    assert len(facts_file.constraints) >= 3

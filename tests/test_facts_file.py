"""Unit tests of :mod:`factcheck.facts`: typing, problems with exact lines, safety, caching."""

from __future__ import annotations

import os
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.facts import load_facts, read_facts
from factcheck.values import Amount, NumberValue, PercentValue
from factcheck.values.dates import make_date

PATH = Path("/site/facts.yaml")


def read(text: str):  # noqa: ANN201 - FactsFile
    return read_facts(PATH, textwrap.dedent(text).lstrip("\n"))


def problems(text: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in read(text).problems]


def test_reads_typed_facts_with_lines_and_optional_keys() -> None:
    facts_file = read("""
        treaty-signed:
          value: 1939-10-10
          label: The treaty is signed in Moscow
          source: lane2001
          pages: 37–38
          note: Moscow time
        troops:
          value: 20,000
          label: Soviet troops
        pact-year:
          value: 1926
          type: number
          label: Forced to a number
        trade:
          value: 80%
          label: Trade share
    """)
    assert facts_file.problems == []
    assert list(facts_file.facts) == ["treaty-signed", "troops", "pact-year", "trade"]
    signed = facts_file.facts["treaty-signed"]
    assert signed.value == make_date(1939, 10, 10)
    assert (signed.line, signed.written, signed.label) == (1, "1939-10-10",
                                                           "The treaty is signed in Moscow")
    assert (signed.source, signed.pages, signed.note) == ("lane2001", "37–38", "Moscow time")
    troops = facts_file.facts["troops"]
    assert (troops.line, troops.value, troops.written) == (
        7, NumberValue(Amount(Fraction(20000), Fraction(1))), "20,000")
    assert troops.source is None
    assert facts_file.facts["pact-year"].value == NumberValue(Amount(Fraction(1926), Fraction(1)))
    assert facts_file.facts["trade"].value == PercentValue(Amount(Fraction(80), Fraction(1)))
    assert facts_file.location(7) == "/site/facts.yaml:7"
    assert facts_file.location(0) == "/site/facts.yaml:"  # never read as a docname by Sphinx


def test_fingerprint_changes_with_value_or_label_only() -> None:
    base = read("a:\n  value: 1\n  label: x\n  note: n1\n").fingerprints()
    assert read("a:\n  value: 1\n  label: x\n  note: n2\n").fingerprints() == base
    assert read("a:\n  value: 2\n  label: x\n  note: n1\n").fingerprints() != base
    assert read("a:\n  value: 1\n  label: y\n  note: n1\n").fingerprints() != base


# Each bad input, and the exact line (1-based) the problem is reported at.
BAD = {
    "malformed YAML (unclosed flow sequence)": (
        """
        a:
          value: 1
          label: x
        b:
          value: [1, 2
          label: y
        """,
        [(6, "malformed YAML: while parsing a flow sequence did not find expected ',' or ']'")],
    ),
    "malformed YAML (tab)": (
        "a:\n\tvalue: 1\n",
        [(2, "malformed YAML: while scanning for the next token found character that cannot "
             "start any token")],
    ),
    "unknown key": (
        """
        a:
          value: 1
          label: x
          colour: red
        """,
        [(4, "unknown key 'colour' in fact 'a' (known: derive, label, note, pages, require, "
             "source, type, value)")],
    ),
    "impossible date": (
        """
        a:
          value: 1
          label: x
        b:
          label: y
          value: 1939-02-30
        """,
        [(6, "fact 'b': '1939-02-30' is not a date: February 1939 has 28 days")],
    ),
    "month 13": (
        "a:\n  value: 1939-13\n  label: x\n",
        [(2, "fact 'a': '1939-13' is not a date: there is no month 13")],
    ),
    "duplicate id": (
        """
        a:
          value: 1
          label: x
        b:
          value: 2
          label: y
        a:
          value: 3
          label: z
        """,
        [(7, "duplicate fact id 'a' (first defined at line 1); the first definition is used")],
    ),
    "duplicate key within a fact": (
        """
        a:
          value: 1
          label: x
          value: 2
        """,
        [(4, "duplicate key 'value' in fact 'a' (first given at line 2); the first is used")],
    ),
    "untypeable value": (
        "a:\n  label: x\n  value: abc\n",
        [(3, "fact 'a': 'abc' is not a value the facts file reads (dates are written "
             "1939-10-10, 1939-10, 1939, 1930s or '18th century'; numbers 20,000, 3.8 million, "
             "-5, 2.5; 80%, 1/5, '6,739 km2', '7.5 million USD', ranges 1939-10-30/1939-11-01 or "
             "3,000–4,000)")],
    ),
    "bad separators": (
        "a:\n  label: x\n  value: 20,00\n",
        [(3, "fact 'a': '20,00' has misplaced thousands separators")],
    ),
    "unknown type": (
        "a:\n  value: 1\n  label: x\n  type: colour\n",
        [(2, "fact 'a': unknown type 'colour' (known: date, number, percent, fraction, "
             "quantity, money, range)")],
    ),
    "missing label": (
        "ok:\n  value: 1\n  label: x\na:\n  value: 1\n",
        [(4, "fact 'a' lacks label")],
    ),
    "fact is not a mapping": (
        "a: 5\n",
        [(1, "fact 'a' must be a mapping with at least the keys value, label")],
    ),
    "file is not a mapping": (
        "- a\n- b\n",
        [(1, "the facts file must be a mapping of fact ids to facts")],
    ),
    "invalid id": (
        "'a b':\n  value: 1\n  label: x\n",
        [(1, "invalid fact id 'a b': start with a letter or digit, then letters, digits, '-', "
             "'_', '.' or ':'")],
    ),
    "value is a list": (
        "a:\n  value:\n    - 1\n  label: x\n",
        [(3, "'value' of fact 'a' must be a single value, not a list or a mapping"),
         (1, "fact 'a' lacks value")],
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_problems_have_exact_lines(case: str) -> None:
    text, expected = BAD[case]
    assert problems(text) == expected


def test_a_bad_fact_does_not_hide_the_good_ones() -> None:
    facts_file = read("""
        good:
          value: 1939-10-10
          label: fine
        bad:
          value: 1939-02-30
          label: impossible
        also-good:
          value: 20,000
          label: fine too
    """)
    assert list(facts_file.facts) == ["good", "also-good"]
    assert [p.line for p in facts_file.problems] == [5]


def test_empty_file_has_no_facts_and_no_problems() -> None:
    facts_file = read("")
    assert facts_file.facts == {}
    assert facts_file.problems == []


def test_values_keep_their_spelling() -> None:
    # YAML would make 1939-10-10 a date and 1926 an int; the composer keeps the text.
    facts_file = read("a:\n  value: 1939-10-10\n  label: x\nb:\n  value: 007\n  type: number\n"
                      "  label: y\n")
    assert facts_file.facts["a"].written == "1939-10-10"
    assert facts_file.facts["b"].written == "007"


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    exec_tag = f"!!python/object/apply:builtins.exec [\"open({str(marker)!r}, 'w').close()\"]"
    text = (
        f"a:\n  value: {exec_tag}\n  label: x\n"
        f"b: {exec_tag}\n"
        f"c:\n  value: !!python/object/apply:os.getcwd ''\n  label: y\n"
        f"d:\n  value: !!python/name:os.system 12\n  label: z\n"
    )
    facts_file = read_facts(tmp_path / "facts.yaml", text)
    assert not marker.exists()
    # The tagged nodes are reported as content problems, never turned into objects.
    assert [(p.line, p.message) for p in facts_file.problems] == [
        (2, "'value' of fact 'a' must be a single value, not a list or a mapping"),
        (1, "fact 'a' lacks value"),
        (4, "fact 'b' must be a mapping with at least the keys value, label"),
        (6, "fact 'c': 'value' is empty (write the value after 'value:', e.g. 1939-10-10)"),
    ]
    # A tagged scalar is read as its plain text: d's value is the number 12.
    assert facts_file.facts["d"].value == NumberValue(Amount(Fraction(12), Fraction(1)))


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    facts_file = load_facts(tmp_path / "nope.yaml")
    assert facts_file.facts == {}
    assert len(facts_file.problems) == 1
    problem = facts_file.problems[0]
    assert problem.line == 0
    assert problem.message == (f"cannot read the facts file {tmp_path / 'nope.yaml'}: No such "
                               "file or directory")
    assert facts_file.location(problem.line) == f"{tmp_path / 'nope.yaml'}:"


def test_load_facts_rereads_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("a:\n  value: 1\n  label: x\n", encoding="utf-8")
    first = load_facts(path)
    assert load_facts(path) is first  # unchanged on disk: the cached reading
    path.write_text("a:\n  value: 22\n  label: x\n", encoding="utf-8")
    os.utime(path, ns=(first_ns := os.stat(path).st_mtime_ns + 10**9, first_ns))
    second = load_facts(path)
    assert second.facts["a"].value == NumberValue(Amount(Fraction(22), Fraction(1)))
    assert second.problems == []

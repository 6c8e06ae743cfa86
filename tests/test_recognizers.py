"""The checker against a peer's test suite: expressions from Microsoft Recognizers-Text's English
specs, each bound to its true value and to a deliberately wrong one.

The cases, their origin and the rules that selected them are in ``tests/data/recognizers/``;
``benchmarks/recognizers_eval.py`` prints the same measurement in detail.  Three promises:

* (a) no statement, however it is written, makes the check raise anything but its own
  ``ValueError`` about a facts value it cannot read;
* (b) no statement agrees with a wrong value (a "hollow pass": a part of the statement went
  unread);
* (c) the share of statements accepted with their true value never falls below
  ``ACCEPTANCE_FLOOR``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.verdicts import check_statement

#: Recognizers-Text's English specs are US English: numeric dates are month first.
LOCALE = "en_US"

DATA = Path(__file__).parent / "data" / "recognizers"
CASES: list[dict] = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))
SPECS = Path(os.environ.get("RECOGNIZERS_SPECS", "/work/corpora/recognizers/Specs"))

#: Share of the cases accepted with their true value, rounded down from the last measurement:
#: 63 of 373 (16.9 %) at a3461d2, the reader before issue 7; 329 of 373 (88.2 %) with the new
#: reader.  Raise it whenever the reader improves (run benchmarks/recognizers_eval.py); never
#: lower it to make a change pass.
ACCEPTANCE_FLOOR = 0.88


@dataclass(frozen=True)
class Judged:
    case: dict
    true: str  # the status with the true value, or "bad-value", or "crash"
    wrong: str
    crashes: tuple[str, ...]


def _status(text: str, value: str, kind: str | None, crashes: list[str]) -> str:
    try:
        return check_statement(text, value, locale=LOCALE, kind=kind).status
    except ValueError as exc:
        # The check's own refusal of a facts value names that value; anything else is a bug.
        if value in str(exc):
            return "bad-value"
        crashes.append(f"{text!r} = {value!r}: {type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - every crash is collected and reported at once
        crashes.append(f"{text!r} = {value!r}: {type(exc).__name__}: {exc}")
    return "crash"


@pytest.fixture(scope="module")
def judged() -> list[Judged]:
    out = []
    for case in CASES:
        crashes: list[str] = []
        true = _status(case["text"], case["value"], case.get("kind"), crashes)
        wrong = _status(case["text"], case["wrong_value"], case.get("kind"), crashes)
        out.append(Judged(case, true, wrong, tuple(crashes)))
    return out


def test_cases_are_well_formed() -> None:
    assert len(CASES) >= 300
    ids = [case["id"] for case in CASES]
    assert len(set(ids)) == len(ids)
    for case in CASES:
        assert case["text"].strip() == case["text"] != "", case["id"]
        assert case["value"] != case["wrong_value"], case["id"]
        written_as = case.get("spec_text", case["text"])
        assert written_as.lower() in case["input"].lower(), case["id"]


def test_no_statement_crashes_the_check(judged: list[Judged]) -> None:
    crashes = [crash for j in judged for crash in j.crashes]
    assert not crashes, f"{len(crashes)} crashes:\n" + "\n".join(crashes)


def test_no_statement_agrees_with_a_wrong_value(judged: list[Judged]) -> None:
    hollow = [f"{j.case['id']} {j.case['text']!r}: true {j.case['value']!r}, wrong "
              f"{j.case['wrong_value']!r}" for j in judged if j.true == j.wrong == "agrees"]
    assert not hollow, f"{len(hollow)} hollow passes:\n" + "\n".join(hollow)


def test_acceptance_does_not_fall_below_the_floor(judged: list[Judged]) -> None:
    accepted = sum(j.true == "agrees" for j in judged)
    rate = accepted / len(judged)
    assert rate >= ACCEPTANCE_FLOOR, (
        f"{accepted} of {len(judged)} cases accepted ({rate:.1%}), below the floor of "
        f"{ACCEPTANCE_FLOOR:.0%}: benchmarks/recognizers_eval.py --failures FILE lists them")


def test_cases_are_what_the_selection_rules_give(monkeypatch: pytest.MonkeyPatch) -> None:
    """cases.json is the output of benchmarks/recognizers_select.py on the specs, unedited."""
    if not SPECS.is_dir():
        pytest.skip(f"the Recognizers-Text specs are not unpacked at {SPECS}")
    path = Path(__file__).parent.parent / "benchmarks" / "recognizers_select.py"
    spec = importlib.util.spec_from_file_location("recognizers_select", path)
    assert spec and spec.loader
    select = importlib.util.module_from_spec(spec)
    # dataclasses resolve their string annotations through sys.modules.
    monkeypatch.setitem(sys.modules, spec.name, select)
    spec.loader.exec_module(select)
    kept, _ = select.select(SPECS)
    assert select.render(kept) == (DATA / "cases.json").read_text(encoding="utf-8")

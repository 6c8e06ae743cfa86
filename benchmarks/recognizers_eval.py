"""Measure the checker on the Recognizers-Text cases: what it accepts, and what it lets through.

Every case of ``tests/data/recognizers/cases.json`` (see its README) is an expression an author
could bind to a fact, with the fact's true value and a deliberately wrong one.  Each is run
through :func:`factcheck.verdicts.check_statement` twice.  Reported per category and overall:

* **accepted** – the expression agrees with its true value (the higher the better);
* **hollow** – among the accepted, those that also agree with the wrong value: the checker
  passed them without reading the part that was changed (must be zero);
* the rejected ones, grouped by status, and the most common failure patterns (the message with
  its quoted text and digits masked), each with examples.

A facts value the checker cannot read (``check_statement`` raises its ``ValueError``) counts as
rejected with the status ``bad-value``; any other exception is a crash and is listed.

    .venv/bin/python benchmarks/recognizers_eval.py [--failures FILE] [--category date]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "recognizers" / "cases.json"

sys.path.insert(0, str(ROOT))  # run from a checkout without installing
from factcheck.verdicts import check_statement  # noqa: E402

#: Recognizers-Text's English specs are US English: numeric dates are month first.
LOCALE = "en_US"


@dataclass(frozen=True)
class Judged:
    """What the checker said about one statement and one value."""

    status: str  # agrees, mismatch, unreadable, ambiguous, bad-value, or crash
    message: str


@dataclass(frozen=True)
class Run:
    case: dict
    true: Judged
    wrong: Judged

    @property
    def accepted(self) -> bool:
        return self.true.status == "agrees"

    @property
    def hollow(self) -> bool:
        return self.accepted and self.wrong.status == "agrees"


def judge(text: str, value: str, kind: str | None) -> Judged:
    """``check_statement`` as a status: its own ``ValueError`` about the value is ``bad-value``."""
    try:
        outcome = check_statement(text, value, locale=LOCALE, kind=kind)
    except ValueError as exc:
        if value in str(exc):
            return Judged("bad-value", str(exc))
        return Judged("crash", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a crash is a finding, not a reason to stop
        return Judged("crash", f"{type(exc).__name__}: {exc}")
    return Judged(outcome.status, outcome.message)


def run(cases: list[dict]) -> list[Run]:
    return [Run(case, judge(case["text"], case["value"], case.get("kind")),
                judge(case["text"], case["wrong_value"], case.get("kind")))
            for case in cases]


def pattern(judged: Judged) -> str:
    """A failure with its particulars masked, so that failures of one cause group together."""
    message = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", judged.message)
    message = re.sub(r"\d+", "N", message)
    return f"{judged.status}: {message}"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    –"


def summary(runs: list[Run]) -> str:
    lines = []
    categories: dict[str, list[Run]] = defaultdict(list)
    for r in runs:
        categories[r.case["category"]].append(r)
    lines.append(f"{'category':14} {'cases':>5}  {'accepted':>15}  {'hollow':>6}  "
                 "rejected by status")
    for name, group in [*categories.items(), ("overall", runs)]:
        accepted = sum(r.accepted for r in group)
        hollow = sum(r.hollow for r in group)
        statuses = Counter(r.true.status for r in group if not r.accepted)
        by_status = ", ".join(f"{s} {n}" for s, n in statuses.most_common())
        if name == "overall":
            lines.append("-" * 78)
        lines.append(f"{name:14} {len(group):5}  {accepted:5} ({percent(accepted, len(group))})"
                     f"  {hollow:6}  {by_status}")
    return "\n".join(lines)


def hollow_list(runs: list[Run]) -> str:
    hollow = [r for r in runs if r.hollow]
    lines = [f"Hollow passes ({len(hollow)}): accepted with the true value AND the wrong one"]
    for r in hollow:
        c = r.case
        lines.append(f"  {c['id']:18} {c['text']!r:44} true {c['value']!r}, wrong "
                     f"{c['wrong_value']!r}")
    return "\n".join(lines)


def rejected_by_status(runs: list[Run], examples: int) -> str:
    groups: dict[str, list[Run]] = defaultdict(list)
    for r in runs:
        if not r.accepted:
            groups[r.true.status].append(r)
    lines = ["Rejected with the true value, by status"]
    for status, group in sorted(groups.items(), key=lambda item: -len(item[1])):
        lines.append(f"  {status} ({len(group)})")
        for r in group[:examples]:
            lines.append(f"    {r.case['text']!r} = {r.case['value']!r}: {r.true.message}")
    return "\n".join(lines)


def patterns(runs: list[Run], top: int, examples: int) -> str:
    groups: dict[str, list[Run]] = defaultdict(list)
    for r in runs:
        if not r.accepted:
            groups[pattern(r.true)].append(r)
    ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))[:top]
    lines = [f"Most common failure patterns (top {len(ranked)} of {len(groups)})"]
    for i, (name, group) in enumerate(ranked, 1):
        cats = Counter(r.case["category"] for r in group)
        where = ", ".join(f"{c} {n}" for c, n in cats.most_common())
        lines.append(f" {i:2}. [{len(group)}] {name}")
        lines.append(f"     in: {where}")
        for r in group[:examples]:
            lines.append(f"     e.g. {r.case['text']!r} = {r.case['value']!r}")
    return "\n".join(lines)


def write_failures(runs: list[Run], path: Path) -> int:
    """Every rejected case and every hollow pass, one per line (JSON when ``path`` ends .json)."""
    rows = []
    for r in runs:
        c = r.case
        if not r.accepted:
            rows.append({"id": c["id"], "category": c["category"], "problem": "rejected",
                         "text": c["text"], "value": c["value"], "kind": c.get("kind"),
                         "status": r.true.status, "message": r.true.message})
        elif r.hollow:
            rows.append({"id": c["id"], "category": c["category"], "problem": "hollow",
                         "text": c["text"], "value": c["wrong_value"], "kind": c.get("kind"),
                         "status": r.wrong.status,
                         "message": f"agrees with the wrong value; the true one is {c['value']}"})
    if path.suffix == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        columns = ["id", "category", "problem", "status", "text", "value", "kind", "message"]
        lines = ["\t".join(columns)]
        lines += ["\t".join(str(row[col] or "").replace("\t", " ") for col in columns)
                  for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def revision() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                             capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"
    return out.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--category", action="append",
                        help="only this category (repeatable)")
    parser.add_argument("--failures", type=Path, metavar="FILE",
                        help="write every rejected case and hollow pass to FILE (TSV, or JSON "
                        "when FILE ends in .json)")
    parser.add_argument("--examples", type=int, default=3, help="examples per group")
    parser.add_argument("--patterns", type=int, default=10, help="failure patterns to list")
    args = parser.parse_args()
    cases = json.loads(args.cases.read_text(encoding="utf-8"))
    if args.category:
        cases = [c for c in cases if c["category"] in args.category]
    runs = run(cases)
    print(f"Recognizers-Text cases: {len(cases)} from {args.cases.relative_to(ROOT)} "
          f"(factcheck at {revision()})\n")
    print(summary(runs), end="\n\n")
    print(hollow_list(runs), end="\n\n")
    print(rejected_by_status(runs, args.examples), end="\n\n")
    print(patterns(runs, args.patterns, args.examples))
    crashes = [r for r in runs if "crash" in (r.true.status, r.wrong.status)]
    if crashes:
        print(f"\nCrashes ({len(crashes)}):")
        for r in crashes:
            judged = r.true if r.true.status == "crash" else r.wrong
            print(f"  {r.case['id']} {r.case['text']!r}: {judged.message}")
    if args.failures:
        count = write_failures(runs, args.failures)
        print(f"\nwrote {count} failures to {args.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

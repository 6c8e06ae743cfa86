"""Judge each mention against the facts file: the kinds of finding, and their messages."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from factcheck.facts import Fact, FactsFile
from factcheck.findings import Subtype
from factcheck.scan import find_figures


@dataclass(frozen=True)
class Verdict:
    """A finding at a place: the subtype, what to tell the author, and where."""

    subtype: Subtype
    message: str
    location: str


def judge(mention: dict[str, Any], facts_file: FactsFile, locale: str) -> Verdict | None:
    """The finding for one mention, or ``None`` when it is consistent with the facts file."""
    location = f"{mention['source']}:{mention['line']}"
    kind = mention["kind"]
    if kind == "unbound":
        text = mention["text"]
        return Verdict(Subtype.UNBOUND, f"unbound figure {text!r}: bind it to a fact with "
                       f"{{fact}}`{text} <id>` or exempt it with {{nofact}}`{text} <reason>`",
                       location)
    if kind == "exempt":
        if mention["reason"]:
            return None
        return Verdict(Subtype.EXEMPTION, f"exemption of {mention['text']!r} gives no reason: "
                       "write {nofact}`text <why this is not a claim>`", location)
    fact = facts_file.facts.get(mention["id"])
    if fact is None:
        return Verdict(Subtype.UNKNOWN_ID, _unknown(mention["id"], facts_file), location)
    if kind == "stated":
        return _compare(mention["text"], fact, facts_file, locale, location)
    return None


def _unknown(fact_id: str, facts_file: FactsFile) -> str:
    message = f"unknown fact id {fact_id!r}: {facts_file.path.name} does not define it"
    close = difflib.get_close_matches(fact_id, list(facts_file.facts), n=1)
    return f"{message} (did you mean {close[0]!r}?)" if close else message


def _compare(text: str, fact: Fact, facts_file: FactsFile, locale: str,
             location: str) -> Verdict | None:
    figures = find_figures(text, locale, words=True)
    defined = f"{facts_file.path.name}:{fact.line}"
    if len(figures) != 1:
        found = "no figure" if not figures else f"{len(figures)} figures"
        return Verdict(Subtype.UNREADABLE, f"cannot read one {fact.value.kind} in {text!r} "
                       f"({found}) for fact {fact.id!r}, defined at {defined}; bind each figure "
                       "with its own role", location)
    if fact.value.agrees(figures[0].stated):
        return None
    return Verdict(Subtype.MISMATCH, f"the text states {figures[0].text!r} but fact {fact.id!r} "
                   f"({fact.label}) is {fact.written}, defined at {defined}", location)


@dataclass(frozen=True)
class Outcome:
    """How one statement compares with one value: ``status`` is ``agrees``, ``mismatch``,
    ``unreadable`` or ``ambiguous``; ``message`` says why when it does not agree."""

    status: str
    message: str = ""


def check_statement(text: str, value: str, *, locale: str = "en",
                    kind: str | None = None) -> Outcome:
    """Judge ``text`` (what a ``fact`` role states) against ``value`` (as the facts file writes it).

    The core of the check without Sphinx or a facts file: ``check_statement("Sept. 17, 1939",
    "1939-09-17")`` is what ``{fact}`Sept. 17, 1939 <id>``` does for a fact of that value.
    """
    from pathlib import Path

    from factcheck.facts import read_facts
    from factcheck.values import BadValue, parse_value

    try:
        fact_value = parse_value(value, kind)
    except BadValue as exc:
        raise ValueError(f"bad value {value!r}: {exc}") from None
    fact = Fact(id="fact", value=fact_value, label="", line=1, written=value)
    facts_file = read_facts(Path("facts.yaml"), "")
    verdict = _compare(text, fact, facts_file, locale, "here")
    if verdict is None:
        return Outcome("agrees")
    return Outcome(verdict.subtype.value, verdict.message)

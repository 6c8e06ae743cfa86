"""Judge each mention against the facts file: the kinds of finding, and their messages."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from factcheck.facts import Fact, FactsFile
from factcheck.scan import find_figures


class Subtype(StrEnum):
    """The kinds of finding; each is a warning subtype, ``factcheck.<value>``."""

    MISMATCH = "mismatch"
    UNBOUND = "unbound"
    UNKNOWN_ID = "unknown-id"
    UNREADABLE = "unreadable"
    EXEMPTION = "exemption"
    FACTS_FILE = "facts-file"
    UNUSED = "unused"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Subtype.MISMATCH: "A figure bound to a fact with ``:fact:`text <id>``` does not state the "
                      "fact's value.",
    Subtype.UNBOUND: "A figure or date in the prose is neither bound to a fact nor exempted "
                     "(a warning only with ``factcheck_strict = True``).",
    Subtype.UNKNOWN_ID: "A ``fact`` role names a fact id that the facts file does not define.",
    Subtype.UNREADABLE: "The text of a ``fact`` role holds no figure of the fact's kind, or "
                        "more than one.",
    Subtype.EXEMPTION: "A ``nofact`` exemption gives no reason.",
    Subtype.FACTS_FILE: "The facts file cannot be read as written: malformed YAML, an unknown key, "
                        "a duplicate id, an impossible date, a value that cannot be typed.",
    Subtype.UNUSED: "A fact is neither stated nor rendered on any page (a note unless "
                    "``factcheck_unused = 'warning'``).",
}


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

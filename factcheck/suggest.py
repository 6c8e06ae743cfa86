"""Which facts fit an unbound figure, best first, and why: what ``factcheck suggest`` lists and
``factcheck bind`` writes (when exactly one fits).

A fact fits when the figure, read as a statement of it, agrees with it (the same judge that checks
bound figures).  Among fitting facts the best is the one stated most exactly (the same value at
the same precision, the same kind) and whose label shares most words with the prose around the
figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.facts import Fact, FactsFile
from factcheck.judge import judge_statement
from factcheck.mentions import Mention
from factcheck.reading.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset({"the", "and", "was", "were", "with", "for", "from", "that", "this", "which",
                   "its", "their", "had", "has", "have", "into", "after", "before", "about"})


@dataclass(frozen=True)
class Candidate:
    """A fact that fits a figure; ``why`` says what makes it fit, ``score`` orders them."""

    fact: Fact
    score: float
    why: str


def candidates(figure: Mention, facts_file: FactsFile, lexicon: Lexicon) -> list[Candidate]:
    """The facts ``figure`` states, best first."""
    context = _words(f"{figure.before} {figure.after}")
    found = []
    for fact in facts_file.facts.values():
        outcome = judge_statement(figure.text, [fact.value], lexicon, before=figure.before,
                                  after=figure.after)
        if not outcome.agrees:
            continue
        reasons = [f"{figure.text!r} states {fact.value.describe()}"]
        score = 1.0
        if _exact(figure, fact, lexicon):
            score += 2
            reasons.append("at the fact's precision")
        shared = sorted(context & _words(fact.label))
        if shared:
            score += len(shared)
            reasons.append("the label shares " + ", ".join(repr(w) for w in shared))
        found.append(Candidate(fact, score, "; ".join(reasons)))
    return sorted(found, key=lambda c: (-c.score, c.fact.id))


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)} - _STOP


def _exact(figure: Mention, fact: Fact, lexicon: Lexicon) -> bool:
    """Whether the figure states the fact at the fact's own precision (not a coarser one)."""
    from factcheck.reading.scanner import find_figures

    figures = find_figures(figure.text, lexicon, statement=True)
    if len(figures) != 1 or figures[0].value is None:
        return False
    value = figures[0].value
    if getattr(value, "kind", "") != fact.value.kind:
        return bool(getattr(value, "year_like", False)) and fact.value.kind == "date" and \
            getattr(fact.value, "precision", "") == "year"
    if hasattr(value, "precision"):
        return value.precision == fact.value.precision
    return getattr(value, "amount", None) == getattr(fact.value, "amount", None)

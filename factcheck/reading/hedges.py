"""Hedge words: "about", "up to", "over"… written inside a ``fact`` role or just before it.

``about {fact}`20,000 <troops>``` and ``{fact}`about 20,000 <troops>``` state the same thing.  The
words are the grammar's (:mod:`factcheck.reading.grammar`), matched case-insensitively and across
line breaks; what each hedge means is in :mod:`factcheck.values.base`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.reading.lexicon import Lexicon
from factcheck.values.base import Hedge


@lru_cache(maxsize=16)
def _patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    phrases = sorted(lexicon.grammar.hedges, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    # A hedge ends at a space, or glued: "~20", "plus d'un million".
    leading = re.compile(rf"^\s*(?P<hedge>{alternation})(?:\s+|(?<=[~'’]))", re.IGNORECASE)
    # "add up to", "sums up to" are verbs, not hedges.
    trailing = re.compile(rf"(?:^|(?<=[\s(\[]))(?<!add )(?<!adds )(?<!added )(?<!sum )"
                          rf"(?<!sums )(?<!summed )(?P<hedge>{alternation})\s*$", re.IGNORECASE)
    return leading, trailing


def _meaning(lexicon: Lexicon, written: str) -> Hedge:
    return lexicon.grammar.hedges[" ".join(written.split()).casefold()]


def leading_hedge(text: str, lexicon: Lexicon) -> tuple[Hedge | None, int]:
    """The hedge at the start of ``text`` and where it ends (``(None, 0)`` without one)."""
    match = _patterns(lexicon)[0].match(text)
    if not match:
        return None, 0
    return _meaning(lexicon, match.group("hedge")), match.end()


@lru_cache(maxsize=16)
def _postfix(lexicon: Lexicon) -> re.Pattern[str] | None:
    phrases = sorted(lexicon.grammar.postfix_hedges, key=len, reverse=True)
    if not phrases:
        return None
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"^(?:\s*|-)(?P<hedge>{alternation})(?![^\W\d_])", re.IGNORECASE)


def postfix_hedge(text: str, lexicon: Lexicon) -> tuple[Hedge | None, int]:
    """The hedge written just after a figure ("… or more", "…+"), and where it ends."""
    pattern = _postfix(lexicon)
    match = pattern.match(text) if pattern else None
    if not match:
        return None, 0
    written = " ".join(match.group("hedge").split()).casefold()
    return lexicon.grammar.postfix_hedges[written], match.end()


def trailing_hedge(text: str, lexicon: Lexicon) -> Hedge | None:
    """The hedge that ``text`` ends with ("… with up to"), if any."""
    tail = " ".join(text[-40:].split())  # a line break is a space ("add\nup to")
    match = _patterns(lexicon)[1].search(tail)
    return _meaning(lexicon, match.group("hedge")) if match else None

"""From blocks of prose to mentions: every bound, rendered, exempted and unbound figure, located.

A :class:`Mention` is plain, picklable data (it is kept in Sphinx's environment between builds and
across parallel readers): what kind it is, what is written, the prose just before and after it
(a hedge before a role, a unit after it), and where it is.  Judging a mention against the facts
file happens later (:mod:`factcheck.verdicts`), so an edit of the facts file never needs a page
to be read again to be checked.

The same function serves the Sphinx extension and the command line, so both find the same
mentions in the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from factcheck.blocks import MASK, Block
from factcheck.locate import SourceLocator
from factcheck.reading.lexicon import Lexicon, lexicon_for
from factcheck.reading.scanner import find_figures
from factcheck.rules import column_rule, exempting_rule, generated_by, identifier_spans

#: How much prose around a role is kept for reading hedges and units.
CONTEXT = 40


@dataclass(frozen=True)
class Mention:
    """One figure of a page.

    ``kind`` is ``stated`` (bound by hand: ``{fact}`text <id>```), ``rendered`` (a bare
    ``{fact}`id```), ``exempt`` (``{nofact}``, a ``factcheck_exempt`` phrase or an identifier rule)
    or ``unbound``.  ``by`` says what exempted it: ``role``, ``config`` or ``rule:<name>``.
    """

    kind: str
    text: str
    source: str
    line: int
    column: int = 0
    fact_ids: tuple[str, ...] = ()
    before: str = ""
    after: str = ""
    reason: str = ""
    by: str = ""

    @property
    def location(self) -> str:
        return f"{self.source}:{self.line}"

    @property
    def path(self) -> str:
        return self.source

    @property
    def fact_id(self) -> str | None:
        return self.fact_ids[0] if self.fact_ids else None

    @property
    def id(self) -> str | None:
        """The first fact id (the common case of one fact per role)."""
        return self.fact_ids[0] if self.fact_ids else None


@dataclass(frozen=True)
class ScanSettings:
    """What the reading of prose depends on (from ``conf.py``)."""

    locale: str = "en"
    date_order: str | None = "auto"
    number_words: bool = True
    exempt: tuple[tuple[str, str], ...] = ()
    #: The identifier rules in force (:func:`factcheck.rules.rules_for`); none when empty.
    identifier_rules: tuple[Any, ...] = ()

    @property
    def lexicon(self) -> Lexicon:
        return lexicon_for(self.locale, self.date_order)


@dataclass
class _Found:
    offset: int
    mention: Mention = field(compare=False)


def mentions_of_blocks(blocks: Iterable[Block], settings: ScanSettings, scan: bool = True,
                       locator: SourceLocator | None = None) -> list[Mention]:
    """Every mention in ``blocks``; unbound figures only when ``scan`` is true."""
    locator = locator or SourceLocator()
    out: list[Mention] = []
    for block in blocks:
        out.extend(_block_mentions(block, settings, scan and block.prose, locator))
    return out


def _block_mentions(block: Block, settings: ScanSettings, scan: bool,
                    locator: SourceLocator) -> Iterator[Mention]:
    found = [_role_mention(block, role) for role in block.roles]
    if scan:
        found.extend(_prose_mentions(block, settings))
    for item in sorted(found, key=lambda f: f.offset):
        mention = item.mention
        guess = block.line_of(item.offset)
        line, column = locator.locate(block.source, block.line, guess, mention.text)
        yield Mention(mention.kind, mention.text, block.source, line, column, mention.fact_ids,
                      mention.before, mention.after, mention.reason, mention.by)


def _role_mention(block: Block, role: Any) -> _Found:
    if role.role == "nofact":
        return _Found(role.start, Mention("exempt", role.text, block.source, 0,
                                          reason=role.reason, by="role"))
    ids = tuple(part.strip() for part in role.fact_id.split(",")) if role.fact_id else ()
    if not role.stated:
        return _Found(role.start, Mention("rendered", "", block.source, 0, fact_ids=ids))
    # Another role is no context: cut at it.
    before = block.text[max(0, role.start - CONTEXT):role.start].rsplit(MASK, 1)[-1]
    after = block.text[role.end:role.end + CONTEXT].split(MASK, 1)[0]
    return _Found(role.start, Mention("stated", role.text, block.source, 0, fact_ids=ids,
                                      before=before, after=after))


def _prose_mentions(block: Block, settings: ScanSettings) -> Iterator[_Found]:
    text = block.text
    figures = find_figures(text, settings.lexicon, words=settings.number_words)
    if not figures:
        return
    exempt = list(_exempt_spans(text, settings.exempt))
    rules = settings.identifier_rules or ()
    # Text Sphinx generates ("Added in version 6.2") or a column headed "Deprecated": all of it.
    whole = generated_by(block.classes, rules) or column_rule(block.header, rules) \
        if rules else None
    identifiers = identifier_spans(text, rules) if rules and whole is None else []
    for figure in figures:
        if MASK in figure.text:
            continue
        reason = next((r for s, e, r in exempt if s <= figure.start and figure.end <= e), None)
        if reason is not None:
            yield _Found(figure.start, Mention("exempt", figure.text, block.source, 0,
                                               reason=reason, by="config"))
            continue
        # An identifier covers any figure it overlaps ("1.3" of "1.3.2").
        rule = whole or exempting_rule(figure.start, figure.end, identifiers)
        if rule is not None:
            yield _Found(figure.start, Mention("exempt", figure.text, block.source, 0,
                                               reason=rule.reason, by=f"rule:{rule.name}"))
            continue
        # The prose around it is kept for suggesting the facts that fit it.
        before = text[max(0, figure.start - CONTEXT):figure.start].rsplit(MASK, 1)[-1]
        after = text[figure.end:figure.end + CONTEXT].split(MASK, 1)[0]
        yield _Found(figure.start, Mention("unbound", figure.text, block.source, 0,
                                           before=before, after=after))


@lru_cache(maxsize=64)
def _phrase_patterns(exempt: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    """``factcheck_exempt`` phrases as patterns: case-sensitive, any run of white space (a line
    break included) between their words."""
    return [(re.compile(r"\s+".join(re.escape(w) for w in phrase.split())), reason)
            for phrase, reason in exempt if phrase.split()]


def _exempt_spans(text: str, exempt: tuple[tuple[str, str], ...]) -> Iterator[tuple[int, int, str]]:
    for pattern, reason in _phrase_patterns(exempt):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), reason

"""Judge one statement against the value(s) of the fact(s) it is bound to.

The statement is read *in the light of its fact*: under a date fact a bare ``1939`` is a year,
under a quantity fact the word after the figure is its unit, under a money fact the symbol before
it is its currency, and under a range fact (or two facts) the statement must be a range.

**No hollow passes.**  A statement is checked on every part it states.  After reading, whatever
is left of the role's text must hold nothing that looks like part of a figure: a digit, a month
name or abbreviation, a number or ordinal word, or the first letters of a month ("Octob.").  If
something is left, the statement is *unreadable* — it is never quietly compared on the parts
that were understood (so ``Sept. 1939`` can never pass as the bare year 1939).

Words the reader deliberately does not read count as such parts: vague quantities ("a few
thousand", "several hundred", "hundreds of"; the grammar's ``vague_words``) and seasons or
quarters of a year ("winter 1939", "Q4 1939"; ``season_words``).  A role holding one is
unreadable: a vague figure is no claim to bind (exempt it), and a season's year is bound alone
("winter of ``{fact}`1939 <x>```").  A weekday is read and checked against the fact's day.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

from factcheck.reading.hedges import leading_hedge, postfix_hedge, trailing_hedge
from factcheck.reading.lexicon import Lexicon
from factcheck.reading.scanner import Figure, find_figures
from factcheck.reading.units import currency_after, currency_before, read_unit
from factcheck.values import (
    Amount,
    DateValue,
    FractionValue,
    Hedge,
    MoneyValue,
    NumberValue,
    QuantityValue,
    RangeValue,
    hedges_compatible,
)
from factcheck.values.base import HEDGE_NAMES
from factcheck.values.dates import compare_dates, make_date
from factcheck.values.numbers import compare_numbers
from factcheck.values.quantities import compare_money, compare_quantities


@dataclass(frozen=True)
class Outcome:
    """How a statement compares: ``agrees``, ``mismatch``, ``unreadable`` or ``ambiguous``;
    ``detail`` says why when it does not agree."""

    status: str
    detail: str = ""
    #: For a statement with no figure or several: "no figure", "2 figures".
    found: str = ""

    @property
    def agrees(self) -> bool:
        return self.status == "agrees"


AGREES = Outcome("agrees")


def judge_statement(text: str, values: list[Any], lexicon: Lexicon, *, before: str = "",
                    after: str = "") -> Outcome:
    """Whether ``text`` (with the prose ``before`` and ``after`` it) states ``values``.

    ``values`` holds one fact value, or two for a range bound to two facts.
    """
    if any(isinstance(v, MoneyValue) for v in values):
        # "LTL20.00", "CHF2.50" (CLDR's own pattern for a currency without a symbol): the code
        # glued to the digits is read as if a space stood between them.
        text = _GLUED_CODE.sub(r"\1 ", text)
    figures = list(_statement_figures(text, lexicon))
    hedge, hedge_end = leading_hedge(text, lexicon)
    expected = values[0]
    if hedge is None:
        hedge = trailing_hedge(before, lexicon)
        if hedge is not None and isinstance(expected, DateValue) and hedge.family in (
                "lower", "upper"):
            hedge = None  # "under", "over" before a date are other words ("under Stalin")
    if len(values) == 2 or isinstance(expected, RangeValue):
        return _judge_range(text, figures, values, lexicon, hedge_end)
    if isinstance(expected, QuantityValue):
        figures = _with_glued_units(text, figures, lexicon)
    if isinstance(expected, QuantityValue | MoneyValue) and figures:
        return _judge_measures(text, figures, expected, hedge, lexicon, hedge_end, before, after)
    if not figures and isinstance(expected, QuantityValue):
        return _judge_measures(text, [], expected, hedge, lexicon, hedge_end, before, after)
    covered = [(f.start, f.end) for f in figures]
    if len(figures) == 1:
        after_hedge, length = postfix_hedge(text[figures[0].end:], lexicon)
        if after_hedge is not None:
            hedge = after_hedge if hedge is None else hedge
            covered.append((figures[0].end, figures[0].end + length))
    problem = _unread_part(text, covered, lexicon, hedge_end)
    if problem:
        return problem
    if len(figures) != 1:
        found = "no figure" if not figures else f"{len(figures)} figures"
        return Outcome("unreadable", f"cannot read one {expected.kind}", found)
    return _compare(figures[0], expected, hedge)


@lru_cache(maxsize=8192)
def _statement_figures(text: str, lexicon: Lexicon) -> tuple[Figure, ...]:
    # A role's text is read again on every judging of it, and the same few texts ("1939",
    # "about 20,000") recur across pages; figures are frozen, so the reading can be shared.
    return tuple(find_figures(text, lexicon, statement=True))


def _compare(figure: Figure, expected: Any, hedge: Hedge | None) -> Outcome:
    if figure.value is None:
        return Outcome("ambiguous" if figure.ambiguous else "unreadable", figure.problem)
    stated = _as_kind(figure.value, expected)
    if isinstance(stated, str):
        return Outcome("mismatch", stated)
    if hedge is not None and getattr(stated, "hedge", None) is None:
        stated = stated.with_hedge(hedge)
    return _agreement(expected, stated)


def _agreement(expected: Any, stated: Any) -> Outcome:
    if not hedges_compatible(expected.hedge, stated.hedge):
        said = HEDGE_NAMES[stated.hedge] if stated.hedge else "no hedge"
        known = HEDGE_NAMES[expected.hedge] if expected.hedge else "an exact value"
        return Outcome("mismatch", f"'{said}' says something else than {known}")
    reason = _difference(expected, stated)
    return AGREES if reason is None else Outcome("mismatch", reason)


def _difference(expected: Any, stated: Any) -> str | None:
    if isinstance(expected, DateValue):
        return compare_dates(expected, stated)
    if isinstance(expected, QuantityValue):
        return compare_quantities(expected, stated)
    if isinstance(expected, MoneyValue):
        return compare_money(expected, stated)
    return compare_numbers(expected, stated)


def _as_kind(value: Any, expected: Any) -> Any:
    """``value`` as a value of ``expected``'s kind, or why it cannot be one."""
    if isinstance(expected, DateValue):
        if isinstance(value, DateValue):
            return value
        if isinstance(value, NumberValue) and value.year_like:
            return make_date(int(value.value))
        return f"a {value.kind} is not a date"
    if isinstance(value, DateValue):
        return f"a date is not a {expected.kind}"
    if isinstance(value, RangeValue):
        return f"a range is not a {expected.kind}"
    if isinstance(expected, QuantityValue) and isinstance(value, NumberValue | FractionValue):
        return QuantityValue(value.amount, None, value.hedge)
    if isinstance(expected, MoneyValue) and isinstance(value, NumberValue | FractionValue):
        return MoneyValue(value.amount, "", value.hedge)
    if isinstance(expected, QuantityValue | MoneyValue):
        return f"a {value.kind} is not a {expected.kind}"
    return value


# --------------------------------------------------------------------------- measures


def _judge_measures(text: str, figures: list[Figure], expected: Any, hedge: Hedge | None,
                    lexicon: Lexicon, hedge_end: int, before: str, after: str) -> Outcome:
    """A quantity or a sum of money: each figure with its unit or currency ("6,739 km2
    (2,602 sq mi)" is two statements of one fact; both are checked)."""
    statements = []
    if not figures:
        # "a day before", "the next day": one of the unit.
        article = re.match(r"\s*(?:an?|one|the\s+next|the\s+following)\s+", text,
                           re.IGNORECASE)
        if not article:
            return Outcome("unreadable", f"cannot read one {expected.kind}", "no figure")
        figures = [Figure(article.start(), article.end() - 1, article.group().strip(),
                          NumberValue(Amount(Fraction(1), Fraction(1))), words=True)]
    covered = [(f.start, f.end) for f in figures]
    for index, figure in enumerate(figures):
        if not isinstance(figure.value, NumberValue | FractionValue):
            return _compare(figure, expected, hedge)
        last = index == len(figures) - 1
        following = text[figure.end:] + (after if last else "")
        if isinstance(expected, QuantityValue):
            stated, length = _quantity(figure.value, following, lexicon)
            covered.append((figure.end, min(len(text), figure.end + length)))
        else:
            preceding = (before if index == 0 else "") + text[:figure.start]
            stated, length, written_before = _money(figure.value, preceding, following, lexicon)
            covered.append((figure.end, min(len(text), figure.end + length)))
            if written_before:  # "$", "US$", "USD " just before the figure, inside the role
                start = text.rfind(written_before, 0, figure.start)
                if start >= 0:
                    covered.append((start, figure.start))
        if not isinstance(stated, QuantityValue | MoneyValue):
            return Outcome("mismatch", stated)
        statements.append(stated)
    problem = _unread_part(text, covered, lexicon, hedge_end) or _unread_word(
        text, [*covered, (0, hedge_end)])
    if problem:
        return problem
    for stated in statements:
        outcome = _agreement(expected, stated.with_hedge(hedge) if hedge else stated)
        if not outcome.agrees:
            return outcome
    return AGREES


_GLUED_CODE = re.compile(r"(?<![\w])([A-Z]{3})(?=[\d.,]*\d)")
_GLUED = re.compile(r"(?<![\w.,])(\d[\d,.]*\d|\d)(?=[^\W\d_]{1,6}[23²³]?(?![\w]))")


def _with_glued_units(text: str, figures: list[Figure], lexicon: Lexicon) -> list[Figure]:
    """Under a quantity fact, "48m", "100t", "200lbs" are numbers with a unit glued on (not 48
    million): each is read again as its digits alone, the unit after them."""
    out = [f for f in figures]
    ordinal = re.compile(lexicon.grammar.ordinal_suffix + r"(?![^\W\d_])")
    for match in _GLUED.finditer(text):
        if ordinal.match(text, match.end()) or read_unit(text[match.end():], lexicon) is None:
            continue  # "19th" is an ordinal, not 19 of some unit
        digits = find_figures(match.group(), lexicon, statement=True)
        if len(digits) != 1 or not isinstance(digits[0].value, NumberValue):
            continue
        figure = Figure(match.start(), match.end(), match.group(), digits[0].value)
        out = [f for f in out if f.end <= match.start() or f.start >= match.end()]
        out.append(figure)
    return sorted((_scale_as_unit(text, f, lexicon) for f in out), key=lambda f: f.start)


def _scale_as_unit(text: str, figure: Figure, lexicon: Lexicon) -> Figure:
    """Under a quantity fact, "1 m" and "3 k" after a space are a unit (1 metre), not a short
    scale (1 million): the figure is read again without its last word, the unit after it."""
    match = re.fullmatch(r"(?s)(.*\d)([ \u00a0\u202f]+)([^\W\d_]+\.?)", figure.text)
    if not match or not isinstance(figure.value, NumberValue) or figure.words:
        return figure
    if read_unit(text[figure.start + len(match.group(1)):], lexicon) is None:
        return figure
    digits = find_figures(match.group(1), lexicon, statement=True)
    if len(digits) != 1 or not isinstance(digits[0].value, NumberValue) or digits[0].text != (
            match.group(1)):
        return figure
    end = figure.start + len(match.group(1))
    return Figure(figure.start, end, match.group(1), digits[0].value)


def _quantity(value: NumberValue, following: str, lexicon: Lexicon) -> tuple[Any, int]:
    unit = read_unit(following, lexicon)
    if unit is None:
        return QuantityValue(value.amount, None), 0
    pint_unit, written, length = unit
    return QuantityValue(value.amount, pint_unit, written_unit=written), length


def _money(value: NumberValue, preceding: str, following: str,
           lexicon: Lexicon) -> tuple[Any, int, str]:
    """The sum with its currency, how far the currency after it reaches, and the currency
    written before it."""
    after = currency_after(following, lexicon)
    if after is not None:
        codes, written, length = after
        return MoneyValue(value.amount, "", currencies=codes, written_currency=written), length, ""
    before = currency_before(preceding, lexicon)
    if before is not None:
        codes, written = before
        stated = MoneyValue(value.amount, "", currencies=codes, written_currency=written)
        return stated, 0, written
    return MoneyValue(value.amount, ""), 0, ""


# --------------------------------------------------------------------------- ranges


def _judge_range(text: str, figures: list[Figure], values: list[Any], lexicon: Lexicon,
                 hedge_end: int) -> Outcome:
    problem = _unread_part(text, [(f.start, f.end) for f in figures], lexicon, hedge_end)
    if problem:
        return problem
    ranges = [f for f in figures if isinstance(f.value, RangeValue)]
    if len(figures) != 1 or len(ranges) != 1:
        found = "no figure" if not figures else (
            "no range" if not ranges else f"{len(figures)} figures")
        return Outcome("unreadable", "cannot read one range", found)
    stated: RangeValue = ranges[0].value
    if len(values) == 2:
        low, high = values
    else:
        low, high = values[0].low, values[0].high
    for end_name, expected, end in (("start", low, stated.low), ("end", high, stated.high)):
        value = _as_kind(end, expected)
        if isinstance(value, str):
            return Outcome("mismatch", f"the {end_name}: {value}")
        outcome = _agreement(expected, value)
        if not outcome.agrees:
            return Outcome("mismatch", f"the {end_name}: {outcome.detail}")
    return AGREES


# --------------------------------------------------------------------------- no hollow passes


def _unread_part(text: str, covered: list[tuple[int, int]], lexicon: Lexicon,
                 hedge_end: int) -> Outcome | None:
    """The first part of ``text`` outside ``covered`` that looks like part of a figure."""
    left = list(text)
    for start, end in [*covered, (0, hedge_end)]:
        left[start:end] = " " * (end - start)
    for match in re.finditer(r"[^\s,;:()\[\]–—]+", "".join(left)):
        token = match.group().strip(".'’\"")
        if token and _figure_like(token, lexicon):
            return Outcome("unreadable", f"{match.group()!r} is written but not understood")
    return None


#: Words that may stand in a quantity or a sum of money without being part of it.
_FILLER = frozenset({"of", "the", "a", "an", "and", "in", "per", "each", "some", "about"})


def _unread_word(text: str, covered: list[tuple[int, int]]) -> Outcome | None:
    """Under a quantity or money fact, a word or symbol left over is a unit or currency the
    reader did not know ("40 RMB", "100 ₡"): the statement cannot be checked on it."""
    left = list(text)
    for start, end in covered:
        left[start:end] = " " * (end - start)
    for match in re.finditer(r"[^\s,;:()\[\]–—.]+", "".join(left)):
        token = match.group().strip("-")
        # A currency sign, or a foot or inch mark ('10"') after a figure.
        symbol = any(unicodedata.category(ch) == "Sc" or ch in "\"'′″" for ch in token)
        # Every word of the token counts: "RMB-ish" is no more a known currency than "RMB".
        words = re.findall(r"[^\W\d_]+", token)
        if symbol or any(word.casefold() not in _FILLER for word in words):
            return Outcome("unreadable", f"{token!r} is written but not understood (not a unit "
                                         "or currency this reader knows)")
    return None


def _figure_like(token: str, lexicon: Lexicon) -> bool:
    if any(ch.isdigit() for ch in token):
        return True
    folded = token.casefold()
    if lexicon.month(token) is not None or lexicon.weekday(token) is not None:
        return True
    if folded in lexicon.cardinal_words or folded in lexicon.ordinal_words:
        return True
    if folded in lexicon.tens_plural or folded in lexicon.grammar.parts:
        return True
    if folded in lexicon.grammar.vague_words or folded in lexicon.grammar.season_words:
        return True  # "a few thousand", "winter 1939": stated, but not read
    parts = re.split(r"[-\s]+", folded)
    if len(parts) > 1 and all(p in lexicon.cardinal_words or p in lexicon.ordinal_words
                              for p in parts):
        return True
    # The first letters of a month ("Octob.", "Febr") are a month the reader did not know.
    return len(folded) >= 3 and token[:1].isupper() and any(
        name.startswith(folded) for name in lexicon.months if len(name) > len(folded))

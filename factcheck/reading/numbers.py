"""Numbers in prose: digits in the locale's own symbols, number words, fractions and shares.

* digits: ``20,000`` (English), ``20.000`` (German), ``20 000`` (French, and SI anywhere),
  ``2.5``/``2,5``, ``.5``, signs (``-5``, ``−5``), scale words and their short forms from CLDR
  (``7.5 million``, ``3 Millionen``, ``25k``, ``3.8m``, ``$2bn``), percentages (``80%``,
  ``80 percent``), ordinals (``19th``, ``10.``);
* fractions: ``1/5``, vulgar fractions (``⅔``), mixed numbers (``2 1/4``, ``2¼``), words
  (``one fifth``, ``two thirds``, ``half``, ``one and a half``), ``four out of five``;
* number words: text2num reads them (``one hundred and sixteen``, ``twenty-fifth``,
  ``zwanzigtausend``, ``quatre-vingts``), plus what it leaves out (``a dozen``, ``trillion``).

The step of a figure (see :class:`factcheck.values.base.Amount`) is that of its last written
digit: a scale word makes a figure round (``3.8 million`` is known to the nearest 100,000).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from factcheck.reading.lexicon import Lexicon, alternation
from factcheck.values.base import Amount

_SPACES = " \u00a0\u202f\u2009"
VULGAR = "".join(chr(c) for c in range(0x2150, 0x215F)) + "¼½¾"
_MINUS = "-\u2212"


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: where, what it reads, and how it was written."""

    start: int
    end: int
    amount: Amount
    percent: bool = False
    ordinal: bool = False
    fraction: bool = False
    year_like: bool = False
    words: bool = False


@lru_cache(maxsize=16)
def digits_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """Numbers written with digits, in the lexicon's symbols, with what may follow them."""
    group = re.escape(lexicon.group) if lexicon.group not in _SPACES else ""
    groups = "[" + group + _SPACES + "]"
    decimal = re.escape(lexicon.decimal)
    # A decimal symbol that is also a group symbol elsewhere must be followed by a digit that
    # does not start a group of three ("1.234" is a thousand in German, a decimal in English).
    integer = rf"\d{{1,3}}(?:{groups}\d{{3}})+(?!\d)|\d+"
    long_scales = _alternation(lexicon.scale_words)
    short_scales = "|".join(re.escape(w.rstrip(".")) + (r"\.?" if w.endswith(".") else "")
                            for w in sorted(lexicon.scale_abbreviations, key=len, reverse=True))
    percent_words = _alternation(lexicon.grammar.percent_words)
    ordinal = lexicon.grammar.ordinal_suffix
    glued = _alternation(lexicon.glued_units)
    return re.compile(
        rf"""
        (?<![\w.,/\u2212+])(?<![\w][.,])(?<!(?<![^\W\d_])-)
        (?P<sign>[{_MINUS}+])?
        (?:(?P<int>{integer})(?:{decimal}(?P<dec>\d+))?|{decimal}(?P<lead>\d+))
        (?!\d|[.,]\d)
        (?:
            (?P<mixed>[ \u00a0]?[{VULGAR}]|\s(?P<mixn>\d)/(?P<mixd>\d{{1,2}})(?![\d/]))
          | (?P<slash>/(?P<den>\d{{1,3}})(?![\d/]))
        )?
        (?:
            (?P<percent>[ \u00a0\u202f]?%|\s+(?i:{percent_words})\b)
          | (?P<ordinal>{ordinal})(?![^\W\d_])
          | (?:[ \u00a0\u202f]?(?P<short>{short_scales or "(?!)"})(?![^\W\d_]))
          | (?:\s+(?P<long>(?i:{long_scales}))\b)
        )?
        (?:(?![^\W\d_]|[²³])|(?=(?:{glued})(?![^\W\d_])))
        """,
        re.VERBOSE,
    )


def _alternation(words: object) -> str:
    """A regex alternation of ``words`` (a trie); one that never matches when empty."""
    return alternation(words, spaced=False)


def read_digits(match: re.Match[str], lexicon: Lexicon) -> NumberMatch | None:
    """What a :func:`digits_pattern` match states (``None`` for an impossible one: ``1/0``)."""
    integer = match.group("int") or ""
    decimals = match.group("dec") or match.group("lead") or ""
    cleaned = re.sub(r"\D", "", integer)
    if len(cleaned) + len(decimals) > 300:
        return None  # a run of digits, not a figure (and too long to compute with sensibly)
    value = Fraction(int(cleaned or "0"))
    step = Fraction(1)
    if decimals:
        value += Fraction(int(decimals), 10 ** len(decimals))
        step = Fraction(1, 10 ** len(decimals))
    fraction = False
    if match.group("slash"):
        denominator = int(match.group("den"))
        if denominator == 0 or decimals:
            return None
        value, step, fraction = value / denominator, Fraction(0), True
    elif mixed := match.group("mixed"):
        symbol = mixed.strip()
        if symbol in VULGAR:
            value += Fraction(unicodedata.numeric(symbol)).limit_denominator(100)
        else:
            denominator = int(match.group("mixd"))
            if denominator == 0:
                return None
            value += Fraction(int(match.group("mixn")), denominator)
        step, fraction = Fraction(0), True
    scale = 1
    if match.group("long"):
        scale = lexicon.scale_words[match.group("long").casefold()]
    elif match.group("short"):
        scale = _short_scale(match.group("short"), lexicon)
    if scale != 1:
        value, step = value * scale, step * scale
    if match.group("sign") in ("-", "\u2212"):
        value = -value
    year_like = (not match.group("sign") and len(integer) == 4 and integer.isdigit()
                 and not decimals and scale == 1 and not fraction and not match.group("percent"))
    return NumberMatch(
        match.start(), match.end(), Amount(value, step),
        percent=bool(match.group("percent")),
        ordinal=bool(match.group("ordinal")),
        fraction=fraction,
        year_like=year_like and not match.group("ordinal"),
    )


def _short_scale(written: str, lexicon: Lexicon) -> int:
    for key in (written, written + ".", written.lower()):
        if key in lexicon.scale_abbreviations:
            return lexicon.scale_abbreviations[key]
    return 1


def vulgar_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\d])[{VULGAR}](?![\w])")


def read_vulgar(match: re.Match[str]) -> NumberMatch:
    value = Fraction(unicodedata.numeric(match.group())).limit_denominator(100)
    return NumberMatch(match.start(), match.end(), Amount(value), fraction=True)


# --------------------------------------------------------------------------- number words


class _Token:
    """A token as text2num's ``find_numbers`` wants it."""

    __slots__ = ("_text", "start", "end")

    def __init__(self, text: str, start: int) -> None:
        self._text = text
        self.start = start
        self.end = start + len(text)

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|\s+")


def find_word_numbers(text: str, lexicon: Lexicon) -> list[NumberMatch]:
    """Numbers written in words, read by text2num (and the forms it leaves out)."""
    if lexicon.number_words is None or not lexicon.number_words.search(text):
        return []
    from text_to_num import find_numbers

    tokens = [_Token(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    words = [t for t in tokens if not t.text().isspace()]
    if not any(t.text()[:1].isalpha() for t in words):
        return []
    try:
        occurrences = find_numbers(tokens, lexicon.language, 0.0)
    except Exception:  # noqa: BLE001 - a text it cannot read has no number words for us
        return []
    found = []
    for occurrence in occurrences:
        first, last = tokens[occurrence.start], tokens[occurrence.end - 1]
        written = text[first.start:last.end]
        if any(ch.isdigit() for ch in written):
            continue  # digits are read by the digit reader, in the locale's own symbols
        if not occurrence.is_ordinal and _plural_cardinal(written, lexicon):
            continue  # "the outer ones", "in twos", "hundreds of years": a kind or a magnitude
        value = Fraction(str(occurrence.value))
        if value.denominator != 1:
            value = value.limit_denominator(1000)
        found.append(NumberMatch(first.start, last.end,
                                 Amount(value, Fraction(1) if value.denominator == 1 else 0),
                                 ordinal=bool(occurrence.is_ordinal), words=True))
    return _extend_word_numbers(text, found, lexicon)


def _plural_cardinal(written: str, lexicon: Lexicon) -> bool:
    """Whether ``written`` ends in the English plural of a cardinal ("ones", "sixes",
    "hundreds"), which text2num reads as the number itself."""
    if lexicon.language != "en":
        return False  # French "deux cents" is a number
    last = re.split(r"[\s-]", written.casefold())[-1]
    if not last.endswith("s") or last in lexicon.cardinal_words or last in lexicon.tens_plural:
        return False
    words = lexicon.cardinal_words
    return any(s in words or f"one {s}" in words for s in (last[:-1], last[:-2]))


def _extend_word_numbers(text: str, found: list[NumberMatch],
                         lexicon: Lexicon) -> list[NumberMatch]:
    """What text2num leaves out: "a dozen", "trillion", "one and a half", "a hundred"."""
    out = []
    for number in found:
        start, end, value = number.start, number.end, number.amount.value
        tail = text[end:]
        if m := re.match(r"\s+(trillion|trillions)\b", tail, re.IGNORECASE):
            value, end = value * 10**12, end + m.end()
        if lexicon.language == "en" and not number.ordinal and value < 1000:
            if m := re.match(r"\s+and\s+an?\s+(half|quarter)\b", tail, re.IGNORECASE):
                value += Fraction(1, 2 if m.group(1).lower() == "half" else 4)
                end += m.end()
            head = text[:start]
            scale_first = text[start:end].casefold().startswith(
                ("hundred", "thousand", "million", "billion"))
            if scale_first and (m := re.search(r"\ban?\s+$", head, re.IGNORECASE)):
                start = m.start()
        step = Fraction(1) if value.denominator == 1 else Fraction(0)
        out.append(NumberMatch(start, end, Amount(value, step), ordinal=number.ordinal,
                               words=True))
    if lexicon.language == "en":
        extras = r"\b(?:(?P<half>half\s+)?an?\s+|one\s+)?dozen\b|\b(?:zero|nought|naught)\b"
        for m in re.finditer(extras, text, re.IGNORECASE):
            if any(n.start <= m.start() < n.end for n in out):
                continue
            value = 0 if not m.group().lower().endswith("dozen") else 6 if m.group("half") else 12
            out.append(NumberMatch(m.start(), m.end(), Amount(Fraction(value), Fraction(1)),
                                   words=True))
    return sorted(out, key=lambda n: n.start)


@lru_cache(maxsize=16)
def word_fraction_pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """English fractions in words: "one fifth", "two-thirds", "a quarter", "half"."""
    if lexicon.language != "en":
        return None
    numerators = {w: n for w, n in lexicon.cardinal_words.items() if 1 <= n <= 99}
    denominators = _denominators(lexicon)
    numerator = alternation(numerators)
    denominator = alternation(denominators)
    return re.compile(
        rf"(?i:(?<![\w-])(?:(?P<num>{numerator}|an?)[\s-]+)?(?P<den>{denominator})(?![\w-]))"
    )


@lru_cache(maxsize=16)
def _denominators(lexicon: Lexicon) -> dict[str, int]:
    out = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
    for word, n in lexicon.ordinal_words.items():
        if 3 <= n <= 100 or n in (1000, 10**6):
            for spelled in {word, word.replace("-", " ")}:
                out[spelled] = n
                out[spelled + "s"] = n
    return out


def read_word_fraction(match: re.Match[str], lexicon: Lexicon) -> NumberMatch | None:
    denominator_word = " ".join(match.group("den").casefold().replace("-", " ").split())
    numerator_word = " ".join((match.group("num") or "").casefold().replace("-", " ").split())
    if not numerator_word and denominator_word not in ("half",):
        return None  # "third", "fifth" alone are ordinals, not fractions
    denominator = _denominators(lexicon)[denominator_word]
    single = numerator_word in ("", "a", "an")
    numerator = 1 if single else lexicon.cardinal_words.get(numerator_word) or \
        lexicon.cardinal_words[numerator_word.replace(" ", "-")]
    plural = denominator_word.endswith("s") and denominator_word != "halves"
    if plural == (numerator == 1) and denominator_word != "halves":
        return None  # "one thirds", "two third": not a fraction as written
    return NumberMatch(match.start(), match.end(), Amount(Fraction(numerator, denominator)),
                       fraction=True, words=True)

"""Everything the reader knows about one locale, built once from CLDR (Babel) and cached.

* month names: CLDR's wide and abbreviated forms in both contexts, with and without the dot,
  plus the grammar's common extras (English "Sept.");
* numbers: the locale's decimal and group symbols (English ``20,000.5``, German ``20.000,5``,
  French ``20 000,5``); spaces group thousands in every locale, as SI writes them;
* scale words and their short forms from CLDR's compact decimal formats ("thousand", "million",
  "Millionen", "K", "M", "Mio.");
* the day–month order of numeric dates (:func:`date_order_of`);
* number words: which words to hand to text2num (the vocabulary is spelled out by num2words, so
  it is never a list written here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_date_format, get_day_names, get_month_names
from babel.localedata import locale_identifiers

from factcheck.reading.grammar import Grammar, grammar_for

#: Languages text2num reads number words in.
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "de", "es", "it", "pt", "nl", "da"})
#: Languages that write numbers as one compound word ("dreihundertfünfzig").
_COMPOUNDING = frozenset({"de", "nl", "da"})
#: English month names that are also everyday words: only capitalised are they months.
_WORD_MONTHS = frozenset({"may", "march"})


@dataclass(frozen=True, eq=False)  # one instance per locale (cached): hashed by identity
class Lexicon:
    locale: str
    language: str
    grammar: Grammar
    months: dict[str, int]
    #: The months' full names (casefolded): no dot follows them ("October." ends a sentence).
    full_months: frozenset[str]
    decimal: str
    group: str
    scale_words: dict[str, int]
    scale_abbreviations: dict[str, int]
    #: ``factcheck_date_order`` as configured; :attr:`date_order` resolves ``"auto"``.
    configured_order: str | None
    number_words: re.Pattern[str] | None
    ordinal_words: dict[str, int]
    cardinal_words: dict[str, int]
    tens_plural: dict[str, int]
    #: Unit symbols that may be glued to a number ("15,000kg", "100km"), from CLDR.
    glued_units: frozenset[str]
    #: Weekday names (casefolded, Monday = 0) and their abbreviations as CLDR writes them.
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]

    @property
    def date_order(self) -> str | None:
        """The day–month order of numeric dates (the locale's is looked up only when a numeric
        date is read: it means reading the date formats of every territory of the language)."""
        if self.configured_order == "auto":
            return date_order_of(self.locale)
        return self.configured_order

    def month(self, name: str) -> int | None:
        """The month a written name or abbreviation means (``Sept.`` → 9), if any."""
        key = name.rstrip(".").casefold()
        number = self.months.get(key)
        if number is None:
            return None
        if key in _WORD_MONTHS and self.language == "en" and name[:1].islower():
            return None
        return number


    def weekday(self, name: str) -> int | None:
        """The weekday a written name means (``Tuesday``, ``Tue.``, ``Di.``; Monday = 0).

        A full name is read in any case; an abbreviation only as CLDR writes it or capitalised,
        since "sat", "sun" and "wed" are words.
        """
        stripped = name.rstrip(".")
        number = self.weekdays.get(stripped.casefold())
        if number is not None:
            return number
        for written in (stripped, stripped[:1].lower() + stripped[1:]):
            if written in self.weekday_abbreviations:
                return self.weekday_abbreviations[written]
        return None


_JOIN = "\x00"


def alternation(words: object, *, spaced: bool = True) -> str:
    """``words`` as one regex alternation built as a trie, so that matching costs one step per
    letter instead of one try per word (a list of hundreds of number words tried at every
    position of every paragraph was most of the scanner's time).  Longer words win over their
    prefixes; with ``spaced`` "twenty-one" also matches "twenty one".  Never matches if empty.
    """
    trie: dict[str, dict] = {}
    for word in {str(w) for w in words}:  # type: ignore[attr-defined]
        if spaced:
            word = re.sub(r"[\s-]+", _JOIN, word)
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _emit(trie, spaced) or "(?!)"


def _emit(node: dict[str, dict], spaced: bool) -> str:
    ends = "" in node
    branches = [(r"[\s-]+" if spaced and char == _JOIN else re.escape(char)) + _emit(child, spaced)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def normalise_locale(locale: str) -> str:
    return str(locale or "en").replace("-", "_")


@lru_cache(maxsize=16)
def lexicon_for(locale: str, date_order: str | None = "auto") -> Lexicon:
    """The lexicon of ``locale`` (``en``, ``en_GB``, ``de``…); raises ValueError if unknown.

    ``date_order`` is ``"DMY"``, ``"MDY"``, ``None`` (no order: ambiguous numeric dates are
    reported) or ``"auto"`` (the locale's own, see :func:`date_order_of`).
    """
    locale = normalise_locale(locale)
    try:
        babel_locale = Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ValueError(f"unknown locale {locale!r}: {exc}") from None
    language = babel_locale.language
    grammar = grammar_for(language)
    symbols = babel_locale.number_symbols.get("latn", {})
    long_scales, short_scales = _scales(babel_locale, language)
    cardinals, ordinals = _spelled_numbers(language)
    if grammar.ordinal_endings:
        # num2words spells the plain form ("zehnte"); prose inflects it ("am zehnten Oktober").
        ordinals = {**{word + ending: n for word, n in ordinals.items()
                       for ending in grammar.ordinal_endings}, **ordinals}
    return Lexicon(
        locale=locale,
        language=language,
        grammar=grammar,
        months=_months(babel_locale, grammar),
        full_months=frozenset(name.casefold() for context in ("format", "stand-alone")
                              for name in get_month_names("wide", context, babel_locale).values()),
        decimal=symbols.get("decimal", "."),
        group=symbols.get("group", ","),
        scale_words=long_scales,
        scale_abbreviations=short_scales,
        configured_order=date_order,
        number_words=_number_word_pattern(language, cardinals, ordinals),
        ordinal_words=ordinals,
        cardinal_words=cardinals,
        tens_plural=_tens_plural(language, cardinals),
        glued_units=_glued_units(babel_locale),
        **_weekdays(babel_locale, grammar),
    )


def _weekdays(locale: Locale, grammar: Grammar) -> dict[str, dict[str, int]]:
    wide: dict[str, int] = {}
    short: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_day_names("wide", context, locale).items():
            wide[name.casefold()] = number
        for number, name in get_day_names("abbreviated", context, locale).items():
            short[name.rstrip(".")] = number
    for name, number in grammar.extra_weekdays.items():
        short[name] = number
    return {"weekdays": wide, "weekday_abbreviations": short}


#: CLDR unit categories that measure something (not "px", "em", "bit": identifiers in prose).
_MEASURES = ("area-", "length-", "mass-", "volume-", "speed-", "temperature-", "energy-",
             "power-", "pressure-", "duration-", "acceleration-", "force-")


def _glued_units(locale: Locale) -> frozenset[str]:
    """Short unit symbols of at least two letters that may follow a number without a space."""
    symbols = set()
    for key, widths in locale._data.get("unit_patterns", {}).items():
        if not key.startswith(_MEASURES):
            continue
        for width in ("short", "narrow"):
            for pattern in widths.get(width, {}).values():
                if isinstance(pattern, str) and pattern.startswith("{0}"):
                    symbol = pattern[3:].strip(" \u00a0\u202f")
                    if len(symbol) >= 2 and " " not in symbol and symbol.casefold() not in (
                            "am", "pm", "in"):
                        symbols.add(symbol)
    return frozenset(symbols)


def _months(locale: Locale, grammar: Grammar) -> dict[str, int]:
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            for number, name in get_month_names(width, context, locale).items():
                names[name.rstrip(".").casefold()] = number
    names.update(grammar.extra_months)
    return names


def _scales(locale: Locale, language: str) -> tuple[dict[str, int], dict[str, int]]:
    """CLDR's compact forms: long ("million", "Millionen") and short ("M", "Mio.")."""
    compact = locale._data.get("compact_decimal_formats", {})
    long_words: dict[str, int] = {}
    short: dict[str, int] = {}
    for width, target in (("long", long_words), ("short", short)):
        for forms in compact.get(width, {}).values():
            for magnitude, pattern in forms.items():
                scale = int(magnitude)
                if scale < 1000 or str(scale).strip("0") != "1" or len(magnitude) % 3 != 1:
                    continue  # only the round scales: thousand, million, billion, trillion
                suffix = pattern.suffix[0].replace("'", "").strip(" \u00a0\u202f")
                if suffix and not any(ch.isdigit() for ch in suffix):
                    key = suffix.casefold() if width == "long" else suffix
                    target.setdefault(key, scale)
    if language == "en":
        # CLDR's "K"/"M" are written lower-case too ("25k", "3.8m"), and "bn" for billion.
        # Only "k" and "m": a lower-case "t" or "b" after a number is a tonne or a bit.
        short.update({"k": 1000, "m": 10**6, "bn": 10**9})
    return long_words, short


@lru_cache(maxsize=16)
def _spelled_numbers(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Cardinal and ordinal words 1–99 (and the scales) as num2words spells them."""
    try:
        from num2words import num2words
    except ImportError:  # pragma: no cover - a declared dependency
        return {}, {}
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    for n in [*range(1, 100), 100, 1000, 10**6, 10**9, 10**12]:
        for to, target in (("cardinal", cardinals), ("ordinal", ordinals)):
            try:
                spelled = str(num2words(n, lang=language, to=to))
            except (NotImplementedError, OverflowError, KeyError, ValueError, TypeError):
                continue
            target.setdefault(spelled.casefold(), n)
    return cardinals, ordinals


def _number_word_pattern(language: str, cardinals: dict[str, int],
                         ordinals: dict[str, int]) -> re.Pattern[str] | None:
    """A quick test for "this text may hold number words", so text2num runs only where needed."""
    if language not in TEXT2NUM_LANGUAGES or not cardinals:
        return None
    words = {part for spelled in [*cardinals, *ordinals]
             for part in re.split(r"[\s\-]+", spelled) if len(part) > 1}
    words |= {"dozen", "half", "zero", "nought", "naught"} if language == "en" else set()
    if language in _COMPOUNDING:
        # "dreihundertfünfzig" is one word: look for the parts inside words.
        stems = {w.casefold() for w in words if len(w) >= 3}
        return re.compile(rf"(?i:{alternation(stems, spaced=False)})")
    folded = {w.casefold() for w in words}
    return re.compile(rf"(?i:\b(?:{alternation(folded, spaced=False)})\b)")


def _tens_plural(language: str, cardinals: dict[str, int]) -> dict[str, int]:
    """English decades in words: "the thirties" → 30."""
    if language != "en":
        return {}
    return {word[:-1] + "ies": n for word, n in cardinals.items()
            if 20 <= n <= 90 and n % 10 == 0 and word.endswith("y")}


@lru_cache(maxsize=64)
def date_order_of(locale: str) -> str | None:
    """The day–month order of numeric dates in ``locale``: ``"DMY"``, ``"MDY"`` or ``None``.

    A locale with a territory has its own (en_GB: DMY, en_US: MDY).  A bare language has one
    only if all its territories agree (de, fr: DMY); English does not (the US writes 9/28/1939,
    Britain 28/9/1939), so under plain ``en`` a numeric date whose day could be a month is
    ambiguous until ``factcheck_date_order`` says which it is.
    """
    parsed = Locale.parse(normalise_locale(locale))
    if parsed.territory:
        return _order(get_date_format("short", locale=parsed).pattern)
    orders = set()
    for identifier in locale_identifiers():
        if identifier.split("_")[0] == parsed.language:
            order = _order(get_date_format("short", locale=identifier).pattern)
            if order is not None:
                orders.add(order)
    return orders.pop() if len(orders) == 1 else None


def _order(pattern: str) -> str | None:
    day, month, year = pattern.find("d"), pattern.find("M"), pattern.find("y")
    if min(day, month, year) < 0 or year < max(day, month):
        return None  # year-first patterns are ISO-like and say nothing about day and month
    return "DMY" if day < month else "MDY"

"""Units and currencies written next to a figure: "6,739 km2", "2,602 sq mi", "15 years",
"$7.5 million", "7.5 million dollars", "over 20 million litas", "USD 3 bn".

Units are looked up first in CLDR's unit names and symbols for the locale (so "km²",
"Quadratkilometer" and "kilomètres carrés" are known), then handed to pint (so "km2", "sq mi",
"square kilometres", "hectares" are known); the conversions are pint's.  Currencies come from
CLDR through Babel: symbols ("$", "€", "Lt"), ISO codes, and names in every plural form
("US dollars", "Lithuanian litai") together with their last word ("dollars", "litas").  A
currency word may mean several currencies ("dollars"); the fact says which one it must be.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol, list_currencies

from factcheck.reading.lexicon import Lexicon
from factcheck.values.quantities import parse_unit

_UNIT_TOKEN = re.compile(r"\s*(?:[^\W\d_]+\.?[²³23]?|°\s?[CFK]|/|[²³])", re.UNICODE)
# Short words that pint or CLDR also know as units ("at" a technical atmosphere, "in" an inch),
# but that after a figure are nearly always the next word of the sentence.
_FUNCTION_WORDS = frozenset({"a", "an", "am", "are", "as", "at", "be", "by", "do", "in", "is",
                             "it", "no", "of", "on", "or", "per", "pm", "so", "to", "up", "us",
                             "we"})
# CLDR unit categories whose symbols are identifiers in prose, not measures ("1.5em", "12px").
_NOT_MEASURES = ("graphics-", "digital-", "concentr-", "typography-")


def read_unit(text: str, lexicon: Lexicon) -> tuple[str, str, int] | None:
    """The unit ``text`` starts with: ``(pint unit, as written, length)``, or ``None``.

    The longest run of up to four words that names a unit wins ("square kilometres of land" →
    "square kilometres").
    """
    tokens = []
    # "six-mile", "3-inch": a unit joined to its number by a hyphen.
    position = 1 if text[:1] == "-" and text[1:2].isalpha() else 0
    position = _after_link(text, position, lexicon)  # "2 millions de kilomètres carrés"
    start = position
    for _ in range(4):
        match = _UNIT_TOKEN.match(text, position)
        if not match:
            break
        position = match.end()
        tokens.append(position)
    for end in reversed(tokens):
        # "15 ans." ends a sentence: the dot is the unit's only when the unit is read with it
        # ("sq. mi."), so each run is tried with it and then without it.
        for cut in ((0, 1) if text[end - 1:end] == "." else (0,)):
            written = text[start:end - cut].strip().lstrip("-")
            if written.casefold() in _FUNCTION_WORDS:
                continue
            key = _cldr_units(lexicon).get(written.casefold())
            unit = (_cldr_to_pint(key) if key else None) or parse_unit(written)
            if unit is not None:
                return unit, written, end - cut
    return None


@lru_cache(maxsize=16)
def _cldr_units(lexicon: Lexicon) -> dict[str, str]:
    """CLDR's unit names and symbols of the locale → CLDR's unit key (pint is asked only for the
    key a text names)."""
    data = Locale.parse(lexicon.locale)._data
    out: dict[str, str] = {}
    # Narrow forms last: "m" is a metre's short symbol and only a minute's narrow one.
    for width in ("long", "short", "narrow"):
        for key, widths in data.get("unit_patterns", {}).items():
            if key.startswith(_NOT_MEASURES):
                continue
            for pattern in widths.get(width, {}).values():
                if isinstance(pattern, str) and "{0}" in pattern:
                    written = pattern.replace("{0}", "").strip(" \u00a0\u202f")
                    if written and not any(ch.isdigit() for ch in written):
                        out.setdefault(written.casefold(), key)
    return out


@lru_cache(maxsize=16)
def unit_keys(lexicon: Lexicon) -> dict[str, str]:
    """pint's unit → CLDR's unit key for it (``kilometer ** 2`` → ``area-square-kilometer``)."""
    data = Locale.parse(lexicon.locale)._data
    out: dict[str, str] = {}
    for key in data.get("unit_patterns", {}):
        if key.startswith(_NOT_MEASURES):
            continue
        expression = _cldr_to_pint(key)
        if expression is not None:
            out.setdefault(expression, key)
    return out


@lru_cache(maxsize=512)
def _cldr_to_pint(key: str) -> str | None:
    """CLDR's ``area-square-kilometer`` → pint's ``kilometer ** 2``, if pint knows it."""
    numerator: list[str] = []
    denominator: list[str] = []
    target, power = numerator, 1
    for part in key.split("-")[1:]:
        if part in ("square", "cubic"):
            power = 2 if part == "square" else 3
        elif part == "per":
            target = denominator
        else:
            target.append(f"{part}**{power}" if power != 1 else part)
            power = 1
    if not numerator:
        return None
    expression = " * ".join(numerator)
    if denominator:
        expression += " / (" + " * ".join(denominator) + ")"
    return parse_unit_expression(expression)


def parse_unit_expression(expression: str) -> str | None:
    """pint's canonical form of an expression in pint's own syntax, if pint knows it."""
    from factcheck.values.quantities import registry

    try:
        units = registry().parse_units(expression)
    except Exception:  # noqa: BLE001 - pint raises many kinds of error for "not a unit"
        return None
    return None if units.dimensionless else str(units)


# --------------------------------------------------------------------------- currencies


@lru_cache(maxsize=16)
def currency_words(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Every way the locale writes a currency (casefolded, symbols as written) → ISO codes."""
    locale = Locale.parse(lexicon.locale)
    found: dict[str, set[str]] = {}

    def add(written: str, code: str) -> None:
        written = written.strip()
        if written and not any(ch.isdigit() for ch in written):
            found.setdefault(written.casefold(), set()).add(code)

    plurals = locale._data.get("currency_names_plural", {})
    head = _head_position(locale)
    for code in list_currencies():
        add(code, code)
        symbol = get_currency_symbol(code, locale)
        if symbol != code:
            add(symbol, code)
        names = {get_currency_name(code, locale=locale), *plurals.get(code, {}).values()}
        for name in names:
            add(name, code)
            # "dollars" of "US dollars" and of "dollars canadiens", "Dollar" of "US-Dollar"
            noun = re.split(r"[\s-]+", name)[head]
            if len(noun) > 2:
                add(noun, code)
    return {written: frozenset(codes) for written, codes in found.items()}


_CURRENCY_TOKEN = re.compile(r"\s*([^\W\d_]+\.?|[^\w\s])")


def _head_position(locale: Locale) -> int:
    """Where a currency's name puts its noun: last in English and German ("Canadian dollar",
    "Kanadischer Dollar"), first in French ("dollar canadien").  Read from CLDR: the word the
    names of the Canadian, Australian and New Zealand dollars share."""
    names = [re.split(r"[\s-]+", get_currency_name(code, locale=locale))
             for code in ("CAD", "AUD", "NZD")]
    shared = set.intersection(*(set(n) for n in names))
    if len(shared) == 1:
        noun = shared.pop()
        if all(n[0] == noun for n in names):
            return 0
    return -1


def _after_link(text: str, position: int, lexicon: Lexicon) -> int:
    """Where the unit or currency starts after a linking word ("de", "d'") at ``position``."""
    links = lexicon.grammar.measure_links
    if not links:
        return position
    alternation = "|".join(re.escape(w) + (r"\s*" if w[-1] in "'’" else r"\s+") for w in links)
    match = re.compile(rf"\s*(?:{alternation})(?=[^\W\d_])", re.IGNORECASE).match(text, position)
    return match.end() if match else position


def currency_after(text: str, lexicon: Lexicon) -> tuple[frozenset[str], str, int] | None:
    """The currency ``text`` starts with ("dollars", "USD", "Lt", "US dollars", "dollars des
    États-Unis"): codes, as written, and where it ends.  Looked up word by word (a regex of every
    currency name of CLDR would cost more to compile than a page costs to check)."""
    position = 1 if text[:1] == "-" and text[1:2].isalpha() else 0  # "one-yen"
    position = _after_link(text, position, lexicon)  # "7,5 millions de dollars"
    start = position
    ends = []
    for _ in range(6):
        match = _CURRENCY_TOKEN.match(text, position)
        if not match:
            break
        position = match.end()
        ends.append(position)
    words = currency_words(lexicon)
    for end in reversed(ends):
        written = text[start:end].strip().lstrip("-")
        codes = words.get(written.casefold())
        if codes:
            return codes, written, end
        if written.endswith(".") and (codes := words.get(written[:-1].casefold())):
            return codes, written[:-1], end - 1  # the sentence's full stop is not the currency's
    return None


def currency_before(text: str, lexicon: Lexicon) -> tuple[frozenset[str], str] | None:
    """The currency ``text`` ends with ("$", "US$", "USD ", "€"), if any."""
    tail = text[-12:].rstrip()
    for start in range(len(tail)):
        written = tail[start:]
        if start and written[:1].isalnum() and tail[start - 1].isalnum():
            continue
        codes = currency_words(lexicon).get(written.casefold()) or _prefixed_dollar(written)
        if codes:
            return codes, written
    return None


def _prefixed_dollar(written: str) -> frozenset[str]:
    """"C$", "A$", "NZ$", "US$": a dollar (or peso) whose ISO code starts with the letters."""
    match = re.fullmatch(r"([A-Z]{1,2})\$", written)
    if not match:
        return frozenset()
    prefix = match.group(1)
    return frozenset(code for code in list_currencies() if code.startswith(prefix)
                     and code.endswith("D"))

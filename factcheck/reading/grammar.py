"""The small words of each language that CLDR does not hold: hedges, "percent", range words,
the parts of a period, "century", and how decades are named.

Everything else the reader needs per locale (month names and abbreviations, decimal and group
symbols, scale words such as "million"/"Millionen" and their short forms "M"/"Mio.", currency names
and symbols, the order of day and month) comes from Babel's CLDR data in
:mod:`factcheck.reading.lexicon`, and number words come from text2num.  A language missing here
reads with the English grammar words; its digits, months and dates are still its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.values.base import Hedge


@dataclass(frozen=True)
class Grammar:
    #: Hedge words; the first word of each meaning is the one a rendered value uses.
    hedges: dict[str, Hedge]
    percent_words: tuple[str, ...]
    #: Words joining the two ends of a range ("to", "bis", "à"), besides dashes.
    range_words: tuple[str, ...]
    #: (opening word, joining word) pairs: ("between", "and"), ("from", "to").
    range_frames: tuple[tuple[str, str], ...]
    #: Words for the early, middle and late part of a period.
    parts: dict[str, str]
    century_words: tuple[str, ...]
    #: Words that may stand between a day and a month or a month and a year: "the 10th of October".
    of_words: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    #: Suffix of an ordinal written in digits ("19th", "10.", "1er").
    ordinal_suffix: str = r"(?:st|nd|rd|th)"
    #: How a decade is written around its digits ("1930s", "1930er", "années 1930").
    decade_suffix: str = r"['’]?s"
    decade_prefix: str = ""
    #: Words for "out of" in "four out of five".
    out_of: tuple[str, ...] = ()
    #: Hedges written after the figure: "500 or more", "200+".
    postfix_hedges: dict[str, Hedge] = field(default_factory=dict)
    #: Words that make the next number negative ("minus 5").
    negative_words: tuple[str, ...] = ()
    extra_months: dict[str, int] = field(default_factory=dict)
    #: Whether a day in words is a cardinal ("le dix octobre"), not only an ordinal ("the tenth
    #: of October"): English "three March" is then read only where the author binds it.
    cardinal_days: bool = False
    #: Endings an ordinal word takes in prose besides num2words' form ("zehnte" → "zehnten").
    ordinal_endings: tuple[str, ...] = ()
    #: Weekday abbreviations CLDR does not list ("Tues", "Thurs"), Monday = 0.
    extra_weekdays: dict[str, int] = field(default_factory=dict)
    #: Words joining a figure to its unit or currency ("7,5 millions de dollars", "d'euros").
    measure_links: tuple[str, ...] = ()
    #: Words that make a figure vague ("a few thousand", "several hundred", "hundreds"): the
    #: reader does not read them, so a statement holding one is unreadable, never the bare scale.
    vague_words: frozenset[str] = frozenset()
    #: Parts of a year the reader does not read ("winter 1939"): a statement holding one is
    #: unreadable, never the bare year.
    season_words: frozenset[str] = frozenset()


EN = Grammar(
    hedges={
        "about": Hedge.APPROX, "approximately": Hedge.APPROX, "approx.": Hedge.APPROX,
        "around": Hedge.APPROX, "some": Hedge.APPROX, "roughly": Hedge.APPROX,
        "circa": Hedge.APPROX, "c.": Hedge.APPROX, "ca.": Hedge.APPROX,
        "an estimated": Hedge.APPROX, "estimated": Hedge.APPROX, "~": Hedge.APPROX,
        "nearly": Hedge.NEARLY, "almost": Hedge.NEARLY, "close to": Hedge.NEARLY,
        "over": Hedge.OVER, "more than": Hedge.OVER, "above": Hedge.OVER,
        "in excess of": Hedge.OVER, "upwards of": Hedge.OVER, "upward of": Hedge.OVER,
        "greater than": Hedge.OVER, "higher than": Hedge.OVER, "larger than": Hedge.OVER,
        "exceeding": Hedge.OVER, "well over": Hedge.OVER,
        "at least": Hedge.AT_LEAST, "no fewer than": Hedge.AT_LEAST,
        "no less than": Hedge.AT_LEAST, "a minimum of": Hedge.AT_LEAST,
        "not less than": Hedge.AT_LEAST, "not fewer than": Hedge.AT_LEAST,
        "under": Hedge.UNDER, "fewer than": Hedge.UNDER, "less than": Hedge.UNDER,
        "below": Hedge.UNDER, "lower than": Hedge.UNDER, "smaller than": Hedge.UNDER,
        "just under": Hedge.NEARLY, "just over": Hedge.OVER,
        "up to": Hedge.UP_TO, "at most": Hedge.UP_TO, "no more than": Hedge.UP_TO,
        "a maximum of": Hedge.UP_TO, "as many as": Hedge.UP_TO, "not more than": Hedge.UP_TO,
        # A negated bound is the other bound: "not over 100" is at most 100.
        "not over": Hedge.UP_TO, "not exceeding": Hedge.UP_TO, "not under": Hedge.AT_LEAST,
        "only": Hedge.EXACT, "exactly": Hedge.EXACT, "precisely": Hedge.EXACT,
    },
    percent_words=("percent", "per cent", "per-cent", "pct"),
    range_words=("to", "till", "until", "through", "thru"),
    range_frames=(("between", "and"), ("from", "to"), ("from", "until"), ("from", "till"),
                  ("from", "through")),
    parts={"early": "early", "mid": "mid", "middle": "mid", "late": "late"},
    century_words=("century",),
    of_words=("of",),
    articles=("the",),
    out_of=("out of", "in"),
    postfix_hedges={
        "or more": Hedge.AT_LEAST, "and more": Hedge.AT_LEAST, "or greater": Hedge.AT_LEAST,
        "or above": Hedge.AT_LEAST, "and above": Hedge.AT_LEAST, "or over": Hedge.AT_LEAST,
        "plus": Hedge.AT_LEAST, "+": Hedge.AT_LEAST,
        "or less": Hedge.UP_TO, "or fewer": Hedge.UP_TO, "and less": Hedge.UP_TO,
        "or below": Hedge.UP_TO, "and below": Hedge.UP_TO, "or under": Hedge.UP_TO,
        "at most": Hedge.UP_TO, "at the most": Hedge.UP_TO, "at least": Hedge.AT_LEAST,
        "or so": Hedge.APPROX, "odd": Hedge.APPROX,
    },
    negative_words=("minus", "negative"),
    # "Sept." is the common English abbreviation CLDR does not list ("Sep").
    extra_months={"sept": 9},
    extra_weekdays={"Tues": 1, "Weds": 2, "Thur": 3, "Thurs": 3},
    vague_words=frozenset({"few", "several", "many", "couple", "numerous", "multiple", "scores",
                           "dozens", "hundreds", "thousands", "millions", "billions", "tens"}),
    season_words=frozenset({"spring", "summer", "autumn", "fall", "winter", "springtime",
                            "summertime", "wintertime", "quarter"}),
)

DE = Grammar(
    hedges={
        "etwa": Hedge.APPROX, "ungefähr": Hedge.APPROX, "rund": Hedge.APPROX,
        "circa": Hedge.APPROX, "ca.": Hedge.APPROX, "zirka": Hedge.APPROX,
        "knapp": Hedge.NEARLY, "fast": Hedge.NEARLY, "beinahe": Hedge.NEARLY,
        "annähernd": Hedge.APPROX,
        "über": Hedge.OVER, "mehr als": Hedge.OVER,
        "mindestens": Hedge.AT_LEAST, "wenigstens": Hedge.AT_LEAST,
        "unter": Hedge.UNDER, "weniger als": Hedge.UNDER,
        "bis zu": Hedge.UP_TO, "höchstens": Hedge.UP_TO, "maximal": Hedge.UP_TO,
        # "nicht mehr als 100 Zeichen" is at most 100, not more than 100.
        "nicht mehr als": Hedge.UP_TO, "nicht über": Hedge.UP_TO,
        "nicht weniger als": Hedge.AT_LEAST, "nicht unter": Hedge.AT_LEAST,
        "nur": Hedge.EXACT, "genau": Hedge.EXACT,
    },
    percent_words=("Prozent",),
    range_words=("bis",),
    range_frames=(("zwischen", "und"), ("von", "bis")),
    postfix_hedges={"oder mehr": Hedge.AT_LEAST, "oder weniger": Hedge.UP_TO},
    negative_words=("minus",),
    parts={"anfang": "early", "mitte": "mid", "ende": "late"},
    century_words=("Jahrhundert", "Jahrhunderts"),
    articles=("den",),
    ordinal_suffix=r"\.",
    ordinal_endings=("n", "r", "s", "m"),
    decade_suffix=r"er(?:[\s-]+Jahren?)?",
    out_of=("von",),
    vague_words=frozenset({"einige", "mehrere", "viele", "paar", "zahlreiche", "dutzende",
                           "hunderte", "tausende", "zehntausende", "hunderttausende"}),
    season_words=frozenset({"frühling", "frühjahr", "sommer", "herbst", "winter", "quartal"}),
)

FR = Grammar(
    hedges={
        "environ": Hedge.APPROX, "quelque": Hedge.APPROX, "quelques": Hedge.APPROX,
        "à peu près": Hedge.APPROX, "approximativement": Hedge.APPROX,
        "près de": Hedge.NEARLY, "près d'": Hedge.NEARLY, "près d’": Hedge.NEARLY,
        "presque": Hedge.NEARLY, "quasiment": Hedge.NEARLY,
        "plus de": Hedge.OVER, "plus d'": Hedge.OVER, "plus d’": Hedge.OVER,
        "au moins": Hedge.AT_LEAST,
        "moins de": Hedge.UNDER, "moins d'": Hedge.UNDER, "moins d’": Hedge.UNDER,
        "jusqu'à": Hedge.UP_TO, "jusqu’à": Hedge.UP_TO, "au plus": Hedge.UP_TO,
        "au maximum": Hedge.UP_TO,
        "seulement": Hedge.EXACT, "exactement": Hedge.EXACT,
        # "pas plus de 100" is at most 100, not more than 100.
        "pas plus de": Hedge.UP_TO, "pas moins de": Hedge.AT_LEAST,
    },
    percent_words=("pour cent", "pourcent"),
    range_words=("à", "au"),
    range_frames=(("entre", "et"), ("de", "à"), ("du", "au")),
    postfix_hedges={"ou plus": Hedge.AT_LEAST, "ou moins": Hedge.UP_TO},
    negative_words=("moins",),
    parts={"début": "early", "mi": "mid", "milieu": "mid", "fin": "late"},
    century_words=("siècle",),
    articles=("le",),
    ordinal_suffix=r"(?:er|re|e|ème|eme)",
    decade_suffix="",
    decade_prefix=r"années\s+",
    out_of=("sur",),
    measure_links=("de", "d'", "d’"),
    cardinal_days=True,
    vague_words=frozenset({"plusieurs", "nombreux", "nombreuses", "dizaines", "centaines",
                           "milliers", "quelques"}),
    season_words=frozenset({"printemps", "été", "automne", "hiver", "trimestre"}),
)

GRAMMARS: dict[str, Grammar] = {"en": EN, "de": DE, "fr": FR}


def grammar_for(language: str) -> Grammar:
    return GRAMMARS.get(language, EN)

"""Generate synthetic history-style Sphinx sites for the scale benchmark and the tests.

A generated site is N article pages of MyST prose (parts of 50 pages under one root) whose every
figure is bound to one of M facts in ``facts.yaml`` or exempted, with a ``conf.py`` that loads
``myst_parser`` and ``factcheck`` in strict mode.  The same seed gives the same bytes on every
machine and every ``PYTHONHASHSEED``: everything is drawn from one ``random.Random(seed)`` and
nothing iterates a set.  Pure Python, no network, no import of ``factcheck`` (the site is input to
the checker, never shaped by it).

    .venv/bin/python benchmarks/sitegen.py OUT [--pages 1000] [--facts 5000] [--seed 0]

or, from Python, ``generate_site(path, pages=..., facts=..., seed=...)``.

What a page holds (defaults: 5 facts and 76 figures per page): a lead paragraph that states each
of the page's own facts, then sections with headings (some with a year), paragraphs wrapped over
several lines, bullet lists, pipe tables, admonitions, a definition list and footnotes.  Figures
are dates in several spellings ("October 10, 1939", "10 October 1939", "Oct. 10, 1939",
"Sep. 17", "the 10th of October 1939", "October 1939", "1939", "the 1930s", "1939-10-10"),
counts ("18,786", "7.5 million", "twenty-five") with inclusive hedges before the role ("about",
"up to", "at least"), numbers with units after the role ("6,739 km2"), percentages ("80%",
"80 percent", "80 per cent"), fractions ("one fifth", "1/5"), ordinals ("the 19th anniversary"),
ranges written as two roles ("1918–1926"), bare roles that render the value, ``{nofact}``
exemptions (article, page and road numbers, unit designations) and phrases listed in
``factcheck_exempt`` (unit names such as "5th Rifle Division").  Around them the prose has words
the checker must pass over: "the first", "one of", "Article IV", inline code, a URL with digits.
About three in four fact roles name a fact of their own page, the rest facts of nearby pages and a
few the site's key facts (the first page's), so a fact edit touches a handful of pages.

Everything above builds clean with ``-W`` under today's checker (tested).  Constructs that only a
richer reader accepts are off by default and switched on by name with ``rich=`` (``--rich``); see
:data:`RICH`.  They are written the way the semantics issue (issue 7) describes them; where that
issue leaves the facts-file spelling open (a unit in a value), the spelling here is a guess to
adjust when the reader lands.  Not generated at all yet, because their markup is not settled:
ranges bound as one statement, money, derived facts.

``unbound_per_page=K`` leaves K figures per page unbound; such a site is not strict (its figures
are notes, not warnings) so it still builds clean with ``-W``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: Constructs of the richer reader (issue 7/8), off by default: name -> what switching it on adds.
RICH: dict[str, str] = {
    "abbreviations": "month abbreviations outside CLDR: 'Sept. 17, 1939', 'Sept 17'",
    "numeric-dates": "numeric day-month-year dates: '28.9.1939' (day above 12, unambiguous)",
    "word-percent": "percentages in words: 'eighty percent', 'twelve per cent'",
    "extended-words": "'one hundred and sixteen', 'a dozen', ordinal words ('nineteenth')",
    "decade-words": "decades as 'the thirties', \"the '30s\", \"1930's\"",
    "hedges": "hedges inside the role that exclude the value, against exact facts: "
              "'more than 3,000' for 3,214, 'nearly 3,300'; '3.8 million' for 3,790,000",
    "units": "units inside the role and in the facts file ('6,739 km2'), with a converted "
             "pair '(2,602 sq mi)' bound to the same fact",
    "wrapping": "line breaks inside roles and inside factcheck_exempt phrases",
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
#: English abbreviations as CLDR (Babel) knows them, the ones today's reader accepts.
ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec"]
_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_FRACTIONS = {(1, 2): "one half", (1, 3): "one third", (2, 3): "two thirds",
              (1, 4): "one quarter", (3, 4): "three quarters", (1, 5): "one fifth",
              (2, 5): "two fifths", (3, 5): "three fifths", (1, 10): "one tenth"}

PLACES = ["Varnel", "Osterlin", "Kaldrava", "Miresk", "Tovany", "Brezhava", "Lunden", "Sarvik",
          "Halvor", "Dumarsk", "Pelvasto", "Ruzhin", "Eskaval", "Norvaly", "Trebin", "Velmora",
          "Gorodets", "Ashkova", "Zelmira", "Korvand", "Istrany", "Belvard", "Marnitz", "Oravi",
          "Vodny", "Shelbrun", "Argolis", "Tarnava", "Drovno", "Kessary", "Lindau", "Rovask",
          "Senmark", "Uzhvary", "Palander", "Jarvik", "Stelmo", "Vaskeli", "Hollin", "Grebnev"]
SURNAMES = ["Aldanis", "Brekovas", "Carrow", "Dunai", "Elvestad", "Ferenc", "Gaidys",
            "Halloran", "Ivask", "Jurgis", "Kalnin", "Lemberg", "Moravec", "Nagel", "Orlov",
            "Petrauskas", "Quint", "Rautio", "Strand", "Tamm", "Urbanek", "Valko", "Wendel",
            "Yerin", "Zaleski", "Maironis", "Sandor", "Vilkas"]
TITLES = ["Foreign Minister", "General", "Ambassador", "Prime Minister", "Colonel", "President",
          "Archbishop", "Mayor", "Commissar", "Envoy"]
ORGS = ["the Council of Ministers", "the Northern League", "the Assembly", "the General Staff",
        "the Foreign Office", "the Provisional Government", "the Red Cross", "the Central Bank",
        "the Railway Board", "the Boundary Commission", "the Border Guard", "the Senate",
        "the Supreme Court", "the Chamber of Commerce", "the Peasant Union", "the Navy"]
EVENTS = ["Accord", "Treaty", "Crisis", "Uprising", "Conference", "Armistice", "Partition",
          "Evacuation", "Blockade", "Referendum", "Strike", "Famine", "Election", "Campaign",
          "Mutiny", "Settlement", "Protocol", "Ultimatum", "Convention", "Concordat"]
FORMATIONS = ["Rifle Division", "Frontier Regiment", "Cavalry Brigade", "Border Battalion",
              "Light Tank Brigade", "Artillery Regiment", "Guards Division", "Naval Brigade"]
#: Hedges an exact fact admits: rounding ("about") and "only".  A bound ("up to", "at least",
#: "over") is a claim the facts file must make too, so it is only written for facts hedged so
#: (RICH["hedges"]).
HEDGES = ["about", "approximately", "some", "around", "roughly", "only"]


_KEEP = "\x00"  # stands for a space that must not become a line break


def _keep(text: str) -> str:
    return text.replace(" ", _KEEP)


# --------------------------------------------------------------------------- facts


@dataclass
class Fact:
    """One fact of the generated facts file, with what the prose needs to state it."""

    id: str
    cls: str  # what a sentence slot asks for: date, count, measure, share, ordinal
    kind: str  # how facts.yaml types it: day, month, year, decade, number, percent, fraction
    written: str  # the value as facts.yaml writes it
    label: str
    year: int = 0
    month: int = 0
    day: int = 0
    number: int = 0
    numerator: int = 0
    denominator: int = 1
    noun: str = ""  # what a count counts, or a measure's unit
    lead: str = ""  # the sentence that states it in its page's lead paragraph
    note: str = ""
    rough: int = 0  # hedges: a round figure the exact number is stated against


def _number(n: int) -> str:
    return f"{n:,}"


def _words(n: int) -> str:
    """English words for 2..99 and whole hundreds or thousands below ten (as today's reader)."""
    if n % 1000 == 0 and n // 1000 < 10:
        return f"{_UNITS[n // 1000]} thousand"
    if n % 100 == 0 and n // 100 < 10:
        return f"{_UNITS[n // 100]} hundred"
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")


def _can_word(n: int) -> bool:
    return 2 <= n <= 99 or (n % 100 == 0 and n < 1000) or (n % 1000 == 0 and n < 10000)


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth",
                  12: "twelfth"}


def _ordinal_word(n: int) -> str:
    if n in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[n]
    if n < 20:
        return _words(n) + "th"
    base = _words(n - n % 10) if n % 10 == 0 else _TENS[n // 10] + "-"
    if n % 10 == 0:
        return base[:-1] + "ieth"
    unit = n % 10
    return base + (_ORDINAL_WORDS.get(unit) or _UNITS[unit] + "th")


# Each kind of fact: (id suffix, [noun or unit,] label, the sentence of the page's lead that
# states it).
_COUNT_WHATS = [
    ("troops", "soldiers", "Soldiers stationed at {place} under the {event}",
     "Under the {event}, {count} were stationed at {place}."),
    ("refugees", "refugees", "Refugees who reached {place} during the {event}",
     "During the {event}, {count} reached {place}."),
    ("delegates", "delegates", "Delegates at the {event} in {place}",
     "The {event} brought {count} to {place}."),
    ("deportees", "people", "People deported from {place} after the {event}",
     "After the {event}, {count} were deported from {place}."),
    ("casualties", "casualties", "Casualties of the fighting near {place}",
     "The fighting near {place} cost {count}."),
    ("workers", "workers", "Workers on strike in {place}",
     "In {place}, {count} went on strike against the {event}."),
    ("prisoners", "prisoners", "Prisoners held at {place}",
     "The camp at {place} held {count}."),
    ("votes", "votes", "Votes cast in {place} in the {event}",
     "In the {event}, {count} were cast in {place}."),
    ("tanks", "tanks", "Tanks moved to {place}",
     "The army moved {count} to {place}."),
    ("villages", "villages", "Villages of the {place} district burned or abandoned",
     "In the {place} district, {count} were burned or abandoned."),
]
_MEASURE_WHATS = [
    ("area", "km2", "Area of the {place} district", "The {place} district covered {measure}."),
    ("area", "km²", "Territory ceded around {place}",
     "The territory ceded around {place} measured {measure}."),
    ("railway", "km", "Railway line rebuilt between {place} and the coast",
     "The line between {place} and the coast, {measure} of track, was rebuilt."),
    ("border", "km", "Length of the new border at {place}",
     "The new border at {place} ran for {measure}."),
    ("grain", "tonnes", "Grain delivered to {place} under the {event}",
     "Under the {event}, {measure} of grain went to {place}."),
    ("forest", "hectares", "Forest of the {place} estates",
     "The {place} estates held {measure} of forest."),
]
_SHARE_WHATS = [
    ("turnout", "Turnout in {place} in the {event}",
     "Turnout in {place} in the {event} reached {share}."),
    ("trade-share", "Share of {place}'s trade that passed through the port",
     "Before the {event}, {share} of the trade of {place} passed through the port."),
    ("population-share", "Share of the population of {place} that spoke the minority language",
     "In {place}, {share} of the population spoke the minority language."),
    ("ceded-share", "Share of the {place} region ceded under the {event}",
     "Under the {event}, {place} gave up {share} of its region."),
]
_DATE_WHATS = [
    ("signed", "The {event} is signed in {place}", "The {event} was signed in {place} {when}."),
    ("opened", "The {event} opens in {place}", "The {event} opened in {place} {when}."),
    ("ratified", "The {event} is ratified", "The {event} was ratified {when}."),
    ("arrived", "The first troops arrive in {place}",
     "The first troops arrived in {place} {when}."),
    ("fighting", "Fighting breaks out near {place}", "Fighting broke out near {place} {when}."),
    ("ended", "The {event} ends", "The {event} ended {when}."),
    ("proclaimed", "A republic is proclaimed in {place}",
     "A republic was proclaimed in {place} {when}."),
    ("occupied", "{place} is occupied", "{place} was occupied {when}."),
    ("evacuated", "{place} is evacuated", "{place} was evacuated {when}."),
    ("elections", "Elections are held in {place}", "Elections were held in {place} {when}."),
]
_DECADE_WHAT = ("decade", "The decade of the {event}'s reforms",
                "The reforms that followed the {event} changed {place} {when}.")
_ORDINAL_WHAT = ("anniversary", "Anniversary of the {event} marked in {place}",
                 "{place} marked the {ord} anniversary of the {event}.")


def _topical(text: str, topic: dict[str, str]) -> str:
    # str.format would trip over the slots ({when}) the sentence keeps for later.
    return text.replace("{event}", topic["event"]).replace("{place}", topic["place"])
_MEASURE_FACTORS = {"km2": 0.386102, "km²": 0.386102, "km": 0.621371, "hectares": 2.47105,
                    "tonnes": 1.10231}
_MEASURE_PAIRS = {"km2": "sq mi", "km²": "sq mi", "km": "miles", "hectares": "acres",
                  "tonnes": "short tons"}


def _make_fact(rng: random.Random, slug: str, topic: dict[str, str], era: int,
               cls: str, taken: list[str], rich: tuple[str, ...]) -> Fact:
    def unique(what: str) -> str:
        base = f"{slug}-{what}"
        fact_id, n = base, 2
        while fact_id in taken:
            fact_id, n = f"{base}-{n}", n + 1
        taken.append(fact_id)
        return fact_id

    if cls == "date":
        what, label, lead = rng.choice(_DATE_WHATS)
        kind = rng.choices(["day", "month", "year", "decade"], [55, 15, 20, 10])[0]
        year = max(1800, min(1999, era + rng.randint(-6, 6)))
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        if kind == "day":
            written = f"{year}-{month:02d}-{day:02d}"
        elif kind == "month":
            written, day = f"{year}-{month:02d}", 0
        elif kind == "year":
            written, month, day = str(year), 0, 0
        else:
            year, month, day = year - year % 10, 0, 0
            written = f"{year}s"
            what, label, lead = _DECADE_WHAT
        return Fact(unique(what), cls, kind, written, _topical(label, topic), year, month, day,
                    lead=_topical(lead, topic))
    if cls in ("count", "ordinal"):
        if cls == "ordinal":
            number = rng.randint(2, 60)
            what, label, lead = _ORDINAL_WHAT
            return Fact(unique(what), cls, "number", str(number), _topical(label, topic),
                        number=number, lead=_topical(lead, topic))
        what, noun, label, lead = rng.choice(_COUNT_WHATS)
        magnitude = rng.choices([10, 100, 1000, 10_000, 100_000, 1_000_000],
                                [14, 14, 30, 26, 10, 6])[0]
        number = rng.randint(magnitude // 10 + 1, magnitude)
        if rng.random() < 0.55:  # a round figure, as sources often give
            step = max(1, magnitude // (10 if magnitude <= 100 else 20))
            number = max(2, number - number % step)
        rough = 0
        if "hedges" in rich and number >= 1000 and number % 100:
            rough = number - number % (10 ** (len(str(number)) - 2))
        written = _number(number)
        if number >= 1_000_000 and number % 100_000 == 0 and rng.random() < 0.5:
            written = f"{number / 1_000_000:g} million"
        note = "Sources differ; this edition follows the commission's report." \
            if rng.random() < 0.1 else ""
        return Fact(unique(what), cls, "number", written, _topical(label, topic), number=number,
                    noun=noun, lead=_topical(lead, topic), note=note, rough=rough)
    if cls == "measure":
        what, unit, label, lead = rng.choice(_MEASURE_WHATS)
        number = rng.randint(20, 60_000) if unit != "km" else rng.randint(10, 900)
        written = _number(number) + (f" {unit}" if "units" in rich else "")
        return Fact(unique(what), cls, "number", written, _topical(label, topic), number=number,
                    noun=unit, lead=_topical(lead, topic))
    what, label, lead = rng.choice(_SHARE_WHATS)
    if rng.random() < 0.7:
        whole = rng.randint(3, 97)
        percent = f"{whole}.5" if rng.random() < 0.15 else str(whole)
        return Fact(unique(what), cls, "percent", f"{percent}%", _topical(label, topic),
                    number=whole, noun=percent, lead=_topical(lead, topic))
    numerator, denominator = rng.choice(list(_FRACTIONS))
    return Fact(unique(what), cls, "fraction", f"{numerator}/{denominator}",
                _topical(label, topic), numerator=numerator, denominator=denominator,
                lead=_topical(lead, topic))


# --------------------------------------------------------------------------- statements
#
# A statement is (words before the role, the role's text or None for a bare role, words after).
# The words around the role are prose; only the role's text is compared with the fact.


def _state_date(rng: random.Random, fact: Fact, rich: tuple[str, ...]) -> tuple[str, str]:
    """(preposition, text) for a date fact, at the fact's precision or less."""
    y, m, d = fact.year, fact.month, fact.day
    if fact.kind == "decade":
        if "decade-words" in rich and rng.random() < 0.4:
            tens = _TENS[(y % 100) // 10]
            spellings = [f"the '{y % 100:02d}s", f"{y}'s"]
            if tens:  # "the twenties"
                spellings.append(f"the {tens[:-1]}ies")
            return "in", rng.choice(spellings)
        return "in the", f"{y}s"
    if fact.kind == "year":
        if rng.random() < 0.15:
            return "in the", f"{y - y % 10}s"
        return "in", str(y)
    name, abbr = MONTHS[m - 1], ABBREVIATIONS[m - 1]
    dotted = abbr if abbr == "May" else f"{abbr}."
    if fact.kind == "month":
        return "in", rng.choices([f"{name} {y}", f"{dotted} {y}", str(y)], [6, 1, 2])[0]
    if "abbreviations" in rich and m == 9 and rng.random() < 0.5:
        return "on", rng.choice([f"Sept. {d}, {y}", f"Sept {d}", f"Sept. {d}"])
    if "numeric-dates" in rich and d > 12 and rng.random() < 0.3:
        return "on", f"{d}.{m}.{y}"
    styles = [
        ("on", f"{name} {d}, {y}", 30), ("on", f"{d} {name} {y}", 20),
        ("on", f"{dotted} {d}, {y}", 8), ("on", f"{name} {d}", 10), ("on", f"{d} {name}", 5),
        ("on", f"{dotted} {d}", 3), ("in", f"{name} {y}", 10), ("in", str(y), 8),
        ("on the", f"{_ordinal(d)} of {name} {y}", 4), ("on", f"{y}-{m:02d}-{d:02d}", 2),
    ]
    preposition, text, _ = rng.choices(styles, [w for _, _, w in styles])[0]
    return preposition, text


def _state_count(rng: random.Random, fact: Fact, rich: tuple[str, ...]) -> tuple[str, str]:
    """(hedge, text) for a count."""
    n = fact.number
    if fact.rough and rng.random() < 0.5:
        if n >= 1_000_000 and rng.random() < 0.5:
            return "", f"{round(n / 1_000_000, 1):g} million"
        hedge = rng.choice(["more than", "over"])
        return "", f"{hedge} {_number(fact.rough)}"
    if "extended-words" in rich and rng.random() < 0.15:
        if n == 12:
            return "", "a dozen"
        if 101 <= n <= 999 and n % 100:
            rest = n % 100
            return "", f"{_UNITS[n // 100]} hundred and {_words(rest) if rest > 1 else 'one'}"
    round_figure = n >= 100 and n % (10 ** (len(str(n)) - 2)) == 0
    hedge = rng.choice(HEDGES) if round_figure and rng.random() < 0.45 else ""
    if _can_word(n) and rng.random() < 0.5:
        return hedge, _words(n)
    if n >= 1_000_000 and n % 100_000 == 0 and rng.random() < 0.6:
        return hedge, f"{n / 1_000_000:g} million"
    return hedge, _number(n)


def _state_share(rng: random.Random, fact: Fact, rich: tuple[str, ...]) -> str:
    if fact.kind == "fraction":
        if rng.random() < 0.7:
            return _FRACTIONS[(fact.numerator, fact.denominator)]
        return f"{fact.numerator}/{fact.denominator}"
    written = fact.noun  # the percentage as written, "12" or "12.5"
    if "word-percent" in rich and "." not in written and 20 <= fact.number <= 99 \
            and rng.random() < 0.3:
        return f"{_words(fact.number)} {rng.choice(['percent', 'per cent'])}"
    return rng.choices([f"{written}%", f"{written} percent", f"{written} per cent"],
                       [6, 2, 1])[0]


def _year(fact: Fact) -> str:
    """A date fact as a bare year (a decade keeps its "s": "1930" would state a year)."""
    return f"{fact.year}s" if fact.kind == "decade" else str(fact.year)


def _role(text: str | None, fact_id: str) -> str:
    # "<target>" stays on the line of the word before it: a line that starts with "<article"
    # or another block-level HTML tag name opens an HTML block in CommonMark.
    return f"{{fact}}`{fact_id}`" if text is None else f"{{fact}}`{text}{_KEEP}<{fact_id}>`"


# --------------------------------------------------------------------------- templates
#
# Slots: {P} person, {L} {S} places, {O} organisation, {E} this page's event; figures:
# {when} a date with its preposition, {date} a date alone, {year} a year, {count} a hedged count
# with its noun, {measure} a number with its unit, {share} a percentage or fraction,
# {ord} an ordinal, {unit} a factcheck_exempt phrase, {span} two years as a range; exempted
# identifiers (the nofact role): {article} {pageno} {fileno} {volume} {road}.

_FIGURE_SLOTS = {"when": 1, "date": 1, "year": 1, "count": 1, "measure": 1, "share": 1,
                 "ord": 1, "article": 1, "pageno": 1, "fileno": 1, "volume": 1, "road": 1,
                 "unit": 1, "span": 2}
_SLOT_CLASS = {"when": "date", "date": "date", "year": "date", "span": "date", "count": "count",
               "measure": "measure", "share": "share", "ord": "ordinal"}

PROSE = [
    "{P} later described the negotiations as the hardest of a long career.",
    "The delegation from {L} insisted that the question of the border be settled first.",
    "Contemporary newspapers in {L} gave the talks little attention at the time.",
    "Historians still disagree about how much {P} knew of the secret clauses.",
    "{O} met in closed session and kept no minutes of the discussion.",
    "The text was not published in {L}, and rumours about its terms spread quickly.",
    "Relations between {L} and {S} remained tense for the rest of the decade.",
    "The railway through {L} was the only reliable link with the coast.",
    "Many of the documents were lost when the archive in {L} burned.",
    "{P} resigned soon afterwards, citing poor health and the hostility of {O}.",
    "The first reports reached {L} by telegraph and were at once denied.",
    "Under Article IV the parties promised to consult each other in a crisis.",
    "A second round of talks opened in {L} under pressure from {O}.",
    "One of the delegates later wrote a memoir that remains the main source for these events.",
    "The files of {O} are kept in the archive at {L} under the shelfmark `fond R-{shelf}`.",
    "Neither side expected the arrangement to last, and both prepared for its failure.",
    "The harvest failed in the eastern districts, and prices in {L} rose sharply.",
    "Farmers around {L} refused to deliver grain at the fixed price.",
    "{P} and {P2} drafted the final wording overnight in a hotel in {S}.",
    "The press in {S} called the outcome a betrayal, while {O} praised its moderation.",
    "Local officials in {L} were told to keep order and to avoid any provocation.",
    "Foreign observers noted that the streets of {L} were quiet but tense.",
    "A catalogue of the surviving papers is online at https://archive.example.org/fond/{shelf}.",
    "What followed was decided less in {L} than in the capitals of the great powers.",
    "The opposition in {L} accused the government of having given away too much.",
    "Diplomats in {S} reported that the mood in {L} had turned against the agreement.",
    "{P} kept a diary throughout the talks, published only after the war.",
    "The church in {L} stayed silent, which many read as quiet approval.",
    "Teachers and clergy were the first to be dismissed from their posts in {L}.",
    "Smuggling across the new border flourished, and the guards were easily bribed.",
    "A delegation of merchants from {L} travelled to {S} to ask for lower tariffs.",
    "{O} had prepared for a different outcome and was slow to adapt.",
    "The official version of these events was repeated in school textbooks for decades.",
    "Later research in the archives of {S} has changed this picture considerably.",
    "Nobody in {L} seems to have believed that the promises would be kept.",
    "The agreement said nothing about the minorities, an omission that proved costly.",
    "{P} was recalled to the capital and never held office again.",
    "The winter was unusually harsh, and supplies to {L} ran short.",
    "Rumours of a secret annex circulated in {S} for years before it was published.",
    "In the villages around {L}, life went on much as before, at least at first.",
]
SENTENCES = [
    "The {E} was signed {when} in {L}.",
    "{O} approved the plan {when}, after a stormy debate.",
    "{P} arrived in {L} {when} with a small staff.",
    "Fighting broke out near {L} {when} and spread along the river.",
    "Records of {O} list {count} at {L}.",
    "{O} reported {count} in {L} before the winter.",
    "By the end of the year the figure for {L} stood at {count}.",
    "The {unit} was moved to {L} to keep order.",
    "Article {article} allowed either party to withdraw after notice.",
    "The district of {L} covered {measure}, most of it forest and marsh.",
    "Under the settlement {L} ceded {measure} to {S}.",
    "In {L}, {share} of the population spoke the language of {S}.",
    "Turnout in {L} reached {share}, far more than {O} had expected.",
    "{L} marked the {ord} anniversary of the {E} with a parade.",
    "The {unit} held the line east of {L}.",
    "{P} cited Article {article} of the agreement in his protest.",
    "The {E} was signed {when} and came into force {when}.",
    "Between {date} and {date}, {O} recorded {count} in the region.",
    "The census taken {when} counted {count} in {L}.",
    "Of the {count} recorded at {L}, {share} were never accounted for.",
    "{P} claimed {count}, but the government of {S} insisted on {count}.",
    "The {unit} and the {unit} were withdrawn from {L} {when}.",
    "A report to {O} {when} gave a figure of {count}.",
    "The port of {S} handled {share} of the trade of {L} until {year}.",
    "During the {span} period {O} governed {L} by decree.",
    "{P} spoke for the government from {date} until the cabinet fell.",
    "The road from {L} to {S}, later {road}, was paved {when}.",
    "{O} listed {count} and {measure} in {L}.",
    "After the {E}, {L} lost {share} of its territory, some {measure}.",
]
ITEMS = [
    "{L}: {count} {when}",
    "{S}, occupied {when}",
    "The {unit}, stationed at {L}",
    "{P}, who signed for {O} {when}",
    "{measure} around {L}",
    "{share} of the votes in {L}",
    "The {ord} anniversary, marked in {S}",
    "{count} at {L}, according to {O}",
]
NOTES = [
    "{P}, *Memoirs*, vol. {volume}, p. {pageno}.",
    "Report of {O} to the cabinet, {date}.",
    "Archive of {L}, file {fileno}.",
    "The figure of {count} comes from {O}; other sources give none.",
    "See the minutes of {O} for {date}.",
    "Quoted in the {S} press {when}.",
]
#: Exempted identifiers: slot -> (text, the reason the nofact role gives).
HEADINGS = ["Background", "The negotiations", "Reactions", "Aftermath", "The garrisons",
            "Economic consequences", "The settlement", "Public opinion", "The question of {L}",
            "Refugees and resettlement", "The press", "Diplomatic efforts", "Legacy",
            "The border", "Military preparations", "Historiography"]
_NOFACTS = {
    "article": ("{n}", "article number, not a claim"),
    "pageno": ("{big}", "page number in a cited work"),
    "fileno": ("{big}", "archive file number"),
    "volume": ("{n}", "volume number of a cited work"),
    "road": ("Route {n}", "name of a road"),
}


def _slots(template: str) -> int:
    return sum(_FIGURE_SLOTS.get(s, 0) for s in re.findall(r"\{(\w+)\}", template))


# --------------------------------------------------------------------------- pages


@dataclass
class SiteSummary:
    """What :func:`generate_site` wrote: counts, and which pages use which fact."""

    root: Path
    pages: list[str]  # article docnames, in order
    facts: int
    figures: int  # mentions the checker sees: roles, exemptions, unbound figures
    figures_per_page: dict[str, int]
    roles: int
    fact_users: dict[str, list[str]]  # fact id -> docnames that state or render it
    owners: dict[str, str]  # fact id -> the page whose lead states it (its topic's page)
    exempt_phrases: list[str]
    strict: bool
    rich: tuple[str, ...]
    unbound: int = 0


@dataclass
class _Page:
    """The state of one page while it is written."""

    rng: random.Random
    docname: str
    topic: dict[str, str]
    own: list[Fact]
    related: list[Fact]
    key: list[Fact]
    by_class: Callable[[str], list[Fact]]
    exempt_phrases: list[str]
    rich: tuple[str, ...]
    budget: int
    unbound_left: int
    used: list[str] = field(default_factory=list)  # fact ids, in order, with repeats
    footnotes: list[str] = field(default_factory=list)
    figures: int = 0
    roles: int = 0
    unbound: int = 0
    forced: list[Fact] = field(default_factory=list)  # facts the next slots must state
    headings: list[str] = field(default_factory=list)

    def fits(self, template: str) -> bool:
        needed = _slots(template)
        if needed > self.budget:
            return False
        return all(self.by_class(_SLOT_CLASS[s]) for s in re.findall(r"\{(\w+)\}", template)
                   if s in _SLOT_CLASS)

    # -- choosing facts
    def pick(self, cls: str) -> Fact:
        for fact in self.forced:
            if fact.cls == cls:
                self.forced.remove(fact)
                return fact
        r = self.rng.random()
        pools = [self.own, self.related, self.key] if r < 0.74 else \
            [self.related, self.own, self.key] if r < 0.96 else [self.key, self.own, self.related]
        for pool in pools:
            candidates = [f for f in pool if f.cls == cls]
            if candidates:
                return self.rng.choice(candidates)
        return self.rng.choice(self.by_class(cls))

    # -- writing figures
    def _bind(self, fact: Fact, text: str | None) -> str:
        self.figures += 1
        if text is not None and self.unbound_left and self.rng.random() < 0.5:
            self.unbound_left -= 1
            self.unbound += 1
            return _keep(text)
        self.roles += 1
        self.used.append(fact.id)
        # A role may break across lines (MyST joins a code span's lines): authors' editors do it.
        return _role(text, fact.id)

    def fill(self, slot: str) -> str:
        rng, rich = self.rng, self.rich
        if slot in ("P", "P2"):
            return _keep(f"{rng.choice(TITLES)} {rng.choice(SURNAMES)}")
        if slot in ("L", "S"):
            return rng.choice(PLACES)
        if slot == "O":
            return rng.choice(ORGS)
        if slot == "E":
            return self.topic["event"]
        if slot == "shelf":
            return str(rng.randint(100, 999))
        self.budget -= _FIGURE_SLOTS.get(slot, 0)
        if slot == "unit":
            self.figures += 1
            phrase = rng.choice(self.exempt_phrases)
            return phrase if "wrapping" in rich else _keep(phrase)
        if slot in _NOFACTS:
            self.figures += 1
            text, reason = _NOFACTS[slot]
            text = text.format(n=rng.randint(2, 40), big=rng.randint(100, 999))
            return f"{{nofact}}`{text}{_KEEP}<{reason}>`"
        if slot == "span":
            first, second = self.pick("date"), self.pick("date")
            for _ in range(3):  # a range of one fact to itself reads oddly; retry a little
                if second is not first:
                    break
                second = self.pick("date")
            if first.year > second.year:
                first, second = second, first
            return _keep(self._bind(first, _year(first)) + "–" + self._bind(second, _year(second)))
        fact = self.pick(_SLOT_CLASS[slot])
        bare = rng.random() < 0.1
        if slot in ("when", "date", "year"):
            if bare:
                preposition = {"day": "on", "decade": "in the"}.get(fact.kind, "in")
                text = None
            elif slot == "year":
                preposition, text = "", _year(fact)
            else:
                preposition, text = _state_date(rng, fact, rich)
            if slot == "when":
                return f"{preposition} {self._bind(fact, text)}".strip()
            if slot == "date" and preposition.endswith("the"):
                return f"the {self._bind(fact, text)}"
            return self._bind(fact, text)
        if slot == "count":
            hedge, text = _state_count(rng, fact, rich)
            role = self._bind(fact, None if bare else text)
            return " ".join(p for p in (hedge if not bare else "", role, fact.noun) if p)
        if slot == "measure":
            if "units" in rich:
                text = f"{_number(fact.number)} {fact.noun}"
                pair = round(fact.number * _MEASURE_FACTORS[fact.noun])
                if rng.random() < 0.5 and self.budget >= 1:
                    self.budget -= 1
                    second = self._bind(fact, f"{_number(pair)} {_MEASURE_PAIRS[fact.noun]}")
                    return f"{self._bind(fact, text)} ({second})"
                return self._bind(fact, None if bare else text)
            return f"{self._bind(fact, None if bare else _number(fact.number))} {fact.noun}"
        if slot == "share":
            return self._bind(fact, None if bare else _state_share(rng, fact, rich))
        # ordinal
        if "extended-words" in rich and rng.random() < 0.2:
            return self._bind(fact, _ordinal_word(fact.number))
        return self._bind(fact, _ordinal(fact.number))

    def sentence(self, templates: list[str], prose_share: float = 0.65) -> str:
        if self.budget and self.rng.random() > prose_share:
            choices = [t for t in templates if _slots(t) and self.fits(t)]
        else:
            choices = []
        return self.expand(self.rng.choice(choices or PROSE))

    def expand(self, template: str) -> str:
        text = re.sub(r"\{(\w+)\}", lambda m: self.fill(m.group(1)), template)
        return text[:1].upper() + text[1:]  # "{O} met ..." gives "the Senate met ..."


def _wrap(text: str, first: str = "", rest: str = "", width: int = 88) -> str:
    """Fill ``text`` into lines of ``width``, the first prefixed with ``first``, the others
    with ``rest`` (a list item's or footnote's indent)."""
    lines, line, empty = [], first, True
    for word in text.split(" "):
        if not empty and len(line) + 1 + len(word.replace(_KEEP, " ")) > width:
            lines.append(line)
            line = rest + word
        else:
            line = line + word if empty else f"{line} {word}"
        empty = False
    lines.append(line)
    return "\n".join(lines).replace(_KEEP, " ")


def _paragraph(page: _Page, count: int) -> str:
    sentences = []
    for _ in range(count):
        sentence = page.sentence(SENTENCES)
        if page.rng.random() < 0.12:
            page.footnotes.append(page.sentence(NOTES, prose_share=0.2))
            sentence += f"[^{len(page.footnotes)}]"
        sentences.append(sentence)
    return _wrap(" ".join(sentences))


def _section(page: _Page) -> list[str]:
    rng = page.rng
    fresh = [h for h in HEADINGS if h not in page.headings] or ["The question of {L}"]
    heading = rng.choice(fresh)
    page.headings.append(heading)
    heading = heading.replace("{L}", rng.choice(PLACES))
    if page.budget and rng.random() < 0.25:
        heading += " ({year})" if rng.random() < 0.5 else " ({span})"
        if not page.fits(heading):
            heading = heading.split(" (")[0]
        heading = re.sub(r"\{(\w+)\}", lambda m: page.fill(m.group(1)), heading)
    blocks = [f"## {heading.replace(_KEEP, ' ')}"]
    for _ in range(rng.randint(2, 4)):
        if not page.budget:
            break
        kind = rng.choices(["paragraph", "list", "table", "note", "deflist"], [10, 3, 2, 2, 1])[0]
        if kind == "paragraph":
            blocks.append(_paragraph(page, rng.randint(3, 6)))
        elif kind == "list":
            blocks.append(_wrap(page.sentence(SENTENCES, prose_share=0)))
            items = [page.sentence(ITEMS, prose_share=0.1) for _ in range(rng.randint(3, 5))]
            blocks.append("\n".join(_wrap(item, "- ", "  ") for item in items))
        elif kind == "table":
            blocks.append("The figures given by the commission were these:")
            rows = ["| Place | Date | Strength |", "|---|---|---|"]
            for _ in range(rng.randint(3, 5)):
                if page.budget < 2 or not page.fits("{date}{count}"):
                    break
                cells = [rng.choice(PLACES), page.fill("date"), page.fill("count")]
                rows.append("| " + " | ".join(c.replace(_KEEP, " ") for c in cells) + " |")
            if len(rows) > 2:
                blocks.append("\n".join(rows))
            else:
                blocks.pop()
        elif kind == "note":
            title = rng.choice(["{note}", "{note}", "{admonition} A disputed figure",
                                "{warning}"])
            body = _wrap(" ".join(page.sentence(SENTENCES) for _ in range(rng.randint(1, 3))))
            blocks.append(f":::{title}\n{body}\n:::")
        else:
            terms = []
            for _ in range(rng.randint(2, 3)):
                term = rng.choice(PLACES)
                terms.append(f"{term}\n" + _wrap(page.sentence(ITEMS, 0.2), ": ", "  "))
            blocks.append("\n\n".join(terms))
    return blocks


def _page_text(page: _Page, title: str) -> str:
    blocks = [f"# {title}"]
    # The lead states each of the page's own facts once, so every fact is used somewhere.
    lead = []
    for fact in page.own[: page.budget]:
        page.forced = [fact]
        lead.append(page.expand(fact.lead))
    lead.append(page.sentence(PROSE, prose_share=1))
    blocks.append(_wrap(" ".join(lead)))
    while page.budget:
        blocks.extend(_section(page))
    if page.footnotes:
        blocks.append("\n".join(_wrap(note, f"[^{i}]: ", "    ")
                                for i, note in enumerate(page.footnotes, 1)))
    return "\n\n".join(blocks) + "\n"


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z]+", "-", text.lower()).strip("-")


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def generate_site(path: str | Path, pages: int = 100, facts: int | None = None, seed: int = 0,
                  *, figures_per_page: int = 76, rich: Iterable[str] = (),
                  unbound_per_page: int = 0, part_size: int = 50) -> SiteSummary:
    """Write a site of ``pages`` article pages and ``facts`` facts (default 5 per page) to ``path``.

    ``rich`` names constructs of :data:`RICH` to switch on (``"all"`` for every one);
    ``unbound_per_page`` leaves that many figures per page unbound and turns strict mode off.
    """
    if pages < 1:
        raise ValueError("a site needs at least one page")
    facts = 5 * pages if facts is None else facts
    if facts < 1:
        raise ValueError("a site needs at least one fact")
    rich_names = tuple(RICH) if "all" in rich else tuple(rich)
    unknown = [name for name in rich_names if name not in RICH]
    if unknown:
        raise ValueError(f"unknown rich constructs {unknown}; known: {', '.join(RICH)}")
    rng = random.Random(seed)
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)

    # Topics: an event at a place, in an era; unique slugs.
    topics: list[dict[str, str]] = []
    eras: list[int] = []
    slugs: list[str] = []
    for i in range(pages):
        place, event = rng.choice(PLACES), rng.choice(EVENTS)
        if rng.random() < 0.4:
            other = rng.choice([p for p in PLACES if p != place])
            place_name = f"{place}–{other}"
        else:
            place_name = place
        topics.append({"event": f"{place_name} {event}", "place": place})
        eras.append(1880 + (i * 97) % 110 + rng.randint(0, 5))
        slug, n = _slug(f"{place_name} {event}"), 2
        while slug in slugs:
            slug, n = f"{_slug(f'{place_name} {event}')}-{n}", n + 1
        slugs.append(slug)

    # Facts: spread over the pages, first page's facts are the site's key facts.
    per_page = [facts // pages + (1 if i < facts % pages else 0) for i in range(pages)]
    taken: list[str] = []
    own: list[list[Fact]] = []
    for i in range(pages):
        classes = ["date"] + rng.choices(["date", "count", "measure", "share", "ordinal"],
                                         [40, 32, 9, 13, 6], k=max(0, per_page[i] - 1))
        own.append([_make_fact(rng, slugs[i], topics[i], eras[i], cls, taken, rich_names)
                    for cls in classes[: per_page[i]]])
    all_facts = [f for page_facts in own for f in page_facts]
    classes_index: dict[str, list[Fact]] = {}
    for fact in all_facts:
        classes_index.setdefault(fact.cls, []).append(fact)

    phrases = []
    for k in range(24):
        phrases.append(f"{_ordinal(2 + (k * 7) % 39)} {FORMATIONS[k % len(FORMATIONS)]}")

    docnames, counts, users = [], {}, {f.id: [] for f in all_facts}
    total_roles = total_unbound = 0
    parts = (pages + part_size - 1) // part_size
    part_names = [f"part{p + 1:02d}" for p in range(parts)]
    for i in range(pages):
        part = part_names[i // part_size]
        docname = f"{part}/{slugs[i]}"
        related = [f for j in range(max(0, i - 3), min(pages, i + 4)) if j != i for f in own[j]]
        page = _Page(
            rng=rng, docname=docname, topic=topics[i], own=own[i], related=related,
            key=own[0] if i else [], by_class=lambda cls: classes_index.get(cls, []),
            exempt_phrases=phrases, rich=rich_names, budget=figures_per_page,
            unbound_left=unbound_per_page,
        )
        title = f"The {topics[i]['event']}"
        text = _page_text(page, title)
        (root / part).mkdir(exist_ok=True)
        (root / f"{docname}.md").write_text(text, encoding="utf-8")
        docnames.append(docname)
        counts[docname] = page.figures
        total_roles += page.roles
        total_unbound += page.unbound
        for fact_id in dict.fromkeys(page.used):
            users[fact_id].append(docname)

    for p, part in enumerate(part_names):
        members = [d.split("/", 1)[1] for d in docnames if d.startswith(f"{part}/")]
        (root / part / "index.md").write_text(
            f"# Part {_roman(p + 1)}\n\n```{{toctree}}\n:maxdepth: 1\n\n"
            + "\n".join(members) + "\n```\n", encoding="utf-8")
    (root / "index.md").write_text(
        "# A History of the Northern Marches\n\n"
        "A synthetic site written by `benchmarks/sitegen.py` for the factcheck benchmark. "
        "Every place,\nperson and figure in it is invented.\n\n"
        "```{toctree}\n:maxdepth: 1\n\n" + "\n".join(f"{p}/index" for p in part_names)
        + "\n```\n", encoding="utf-8")

    lines = [f"# Facts of a synthetic site (benchmarks/sitegen.py, seed {seed}): "
             f"{pages} pages, {len(all_facts)} facts.", ""]
    for i, page_facts in enumerate(own):
        if not page_facts:
            continue
        lines.append(f"# --- {topics[i]['event']} ({docnames[i]})")
        for fact in page_facts:
            lines.append(f"{fact.id}:")
            lines.append(f"  value: {fact.written}")
            lines.append(f"  label: {_yaml_string(fact.label)}")
            if fact.note:
                lines.append(f"  note: {_yaml_string(fact.note)}")
        lines.append("")
    (root / "facts.yaml").write_text("\n".join(lines), encoding="utf-8")

    strict = unbound_per_page == 0
    exempt = "".join(f"    {_yaml_string(p)}: \"name of a military unit, not a count\",\n"
                     for p in phrases)
    (root / "conf.py").write_text(
        f'"""A synthetic site from benchmarks/sitegen.py (seed {seed})."""\n\n'
        'project = "A History of the Northern Marches"\n'
        'language = "en"\n'
        'extensions = ["myst_parser", "factcheck"]\n'
        'myst_enable_extensions = ["colon_fence", "deflist"]\n'
        'exclude_patterns = ["_build"]\n'
        'factcheck_facts = "facts.yaml"\n'
        f"factcheck_strict = {strict}\n"
        f"factcheck_exempt = {{\n{exempt}}}\n",
        encoding="utf-8")
    return SiteSummary(root=root, pages=docnames, facts=len(all_facts),
                       figures=sum(counts.values()), figures_per_page=counts, roles=total_roles,
                       fact_users=users,
                       owners={f.id: docnames[i] for i, fs in enumerate(own) for f in fs},
                       exempt_phrases=phrases, strict=strict,
                       rich=rich_names, unbound=total_unbound)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--facts", type=int, default=None, help="default: 5 per page")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--figures-per-page", type=int, default=76)
    parser.add_argument("--unbound-per-page", type=int, default=0)
    parser.add_argument("--rich", default="", help=f"comma list of {', '.join(RICH)}, or all")
    args = parser.parse_args()
    summary = generate_site(args.out, args.pages, args.facts, args.seed,
                            figures_per_page=args.figures_per_page,
                            rich=[r for r in args.rich.split(",") if r],
                            unbound_per_page=args.unbound_per_page)
    print(f"{summary.root}: {len(summary.pages)} pages, {summary.facts} facts, "
          f"{summary.figures} figures ({summary.roles} fact roles), strict={summary.strict}"
          + (f", rich={','.join(summary.rich)}" if summary.rich else ""))


if __name__ == "__main__":
    main()

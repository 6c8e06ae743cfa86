"""The reference tables as plain data: configuration values, warning subtypes, facts-file keys and
value kinds.

One source for two front ends: the ``factcheck-reference`` directive (:mod:`factcheck.directives`)
renders :attr:`Table.rows` on the reference pages, and ``factcheck schema`` prints the same tables
as text or JSON (:func:`schema_text`, :func:`schema_data`), so the documentation and the command
line cannot disagree with the code.  Cells use ````literal```` spans, the only markup the
reference strings use.  Nothing here imports Sphinx.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any

from factcheck.facts import SCHEMA
from factcheck.findings import Subtype
from factcheck.settings import CONFIG_VALUES

#: The value kinds, how each is written in the facts file, and what agrees with it in prose.
VALUE_KINDS: tuple[tuple[str, str, str], ...] = (
    ("date (day)", "``1939-10-10``",
     "``October 10, 1939``, ``Oct. 10 1939``, ``10 October 1939``, ``the 10th of October "
     "1939``, ``1939-10-10``, ``10.10.1939`` (in the locale's order); ``October 10`` (no year) "
     "matches month and day; ``October 1939``, ``1939``, ``the 1930s`` match too."),
    ("date (month)", "``1920-10``",
     "``October 1920``, ``Oct-1920``, ``October of 1920``, ``1920``; a day is more than is "
     "known."),
    ("date (year)", "``1926``", "``1926``, ``nineteen twenty-six``, ``mid-1926`` if it falls "
     "there; a month or a day is more than is known."),
    ("date (decade)", "``1920s``", "``the 1920s``, ``the 1920's``, ``the '20s``, ``the "
     "twenties``, ``the early 1920s`` if it falls there."),
    ("date (century)", "``18th century``", "``the 18th century``, ``the eighteenth century`` "
     "(1700–1799)."),
    ("number", "``20,000``, ``3.8 million``, ``-5``, ``2.5``; ``type: number`` for four digits",
     "``20,000``, ``20 000``, ``twenty thousand``, ``19th``, ``nineteenth``, ``a dozen``; in "
     "German ``20.000``, in French ``20 000``.  ``3.8 million`` is known to the nearest "
     "100,000."),
    ("percent", "``80%``", "``80%``, ``80 percent``, ``eighty per cent``, ``four out of five``."),
    ("fraction", "``1/5``", "``one fifth``, ``a fifth``, ``1/5``, ``⅕``, ``20%``."),
    ("quantity", "``6,739 km2``, ``15 years`` (pint units)",
     "``6,739 km²``, ``6,739 square kilometres``, ``2,602 sq mi`` (converted, to the precision "
     "written), ``15 years``."),
    ("money", "``7.5 million USD`` (ISO 4217 code)",
     "``7.5 million dollars``, ``$7.5 million``, ``US$7.5m``; the currency must be the fact's."),
    ("range", "``1939-10-30/1939-11-01``, ``3,000–4,000``",
     "``October 30 – November 1``, ``30 October – 1 November 1939``, ``between 3,000 and "
     "4,000``; or bind two facts: ``{fact}`October 30 – November 1 <start,end>```."),
    ("derived", "``derive: a + b``, ``derive: a - days(1)``, ``derive: years_between(a, b)``",
     "Stated like any value of the kind it computes; it changes when the facts it comes from "
     "change."),
)

#: Each construct with a fact value, a statement that agrees and one that does not.  Rendered on
#: the reference page and run by the test suite, so the examples are true of the code.
EXAMPLES: tuple[tuple[str, str, str, str], ...] = (
    ("abbreviated month", "1939-09-17", "Sept. 17, 1939", "Sept. 18, 1939"),
    ("month and year only", "1939-10-04", "October 1939", "Sept. 1939"),
    ("numeric date", "1939-09-28", "28.9.1939", "29.9.1939"),
    ("decade", "1939", "the 1930s", "the 1940s"),
    ("part of a year", "1940-06-14", "mid-1940", "early 1940"),
    ("date in words", "1939-10-10", "the tenth of October", "the eleventh of October"),
    ("number words", "116", "one hundred and sixteen", "one hundred and seventeen"),
    ("ordinal", "19", "the 19th", "the 18th"),
    ("percent in words", "80%", "eighty percent", "seventy percent"),
    ("sign", "-5", "−5", "5"),
    ("rounded figure", "3,790,000", "3.8 million", "3.7 million"),
    ("hedge", "up to 50,000", "up to 50,000", "at least 50,000"),
    ("hedge synonym", "over 3,000", "more than 3,000", "under 3,000"),
    ("hedge after the figure", "at least 500", "500 or more", "500 or less"),
    ("unit pair", "6,739 km2", "6,739 km² (2,602 sq mi)", "6,739 km² (2,612 sq mi)"),
    ("unit dimension", "6,739 km2", "6,739 km²", "6,739 km"),
    ("money", "7.5 million USD", "$7.5 million", "7.5 million litas"),
    ("range", "1939-10-30/1939-11-01", "October 30 – November 1", "October 30 – November 2"),
    ("number range", "3,000–4,000", "between 3,000 and 4,000", "between 3,000 and 5,000"),
    ("mixed number", "2.25", "2 1/4", "2 1/2"),
    ("share", "4/5", "four out of five", "three out of five"),
)

#: How hedges compare; every row is checked by the test suite.
HEDGE_RULES: tuple[tuple[str, str, str], ...] = (
    ("no hedge", "any fact", "The figure alone is compared: ``20,000`` states ``up to 20,000``."),
    ("``about``, ``approximately``, ``around``, ``some``, ``roughly``, ``circa``, ``nearly``, "
     "``almost``", "an exact fact, or one hedged ``about``/``nearly``",
     "A round figure: ``about 20,000`` agrees with 15,000–25,000 (its trailing zeros are not "
     "significant); ``about 21,000`` with 20,500–21,500."),
    ("``over``, ``more than``, ``above``, ``at least``, ``or more``", "a fact hedged ``over`` or "
     "``at least``", "The same direction; the figure must agree.  Against an exact fact a bound "
     "is a mismatch: write the bound in the facts file too."),
    ("``under``, ``fewer than``, ``less than``, ``up to``, ``at most``, ``or less``",
     "a fact hedged ``under`` or ``up to``", "As above, downwards."),
    ("``only``, ``exactly``", "an exact fact", "Not a fact hedged ``about``: it claims more "
     "than is known."),
)


@dataclass(frozen=True)
class Table:
    """One reference table: ``rows`` for the page (cells with ````literal```` markup) and
    ``records`` for machines (one dict per row, typed values, no markup)."""

    name: str
    title: str
    header: tuple[str, ...]
    widths: tuple[int, ...]
    #: The cells of each row, for the page (``literal`` markup).
    rows: tuple[tuple[str, ...], ...]
    records: tuple[dict[str, Any], ...]


def _type_name(kind: type) -> str:
    return "None" if kind is type(None) else kind.__name__


def config_table() -> Table:
    return Table(
        "config", "Configuration values (conf.py)", ("Name", "Default", "Meaning"), (3, 2, 6),
        tuple((f"``{v.name}``", f"``{v.default!r}``", v.description) for v in CONFIG_VALUES),
        tuple({"name": v.name, "default": v.default, "types": [_type_name(t) for t in v.types],
               "description": plain(v.description)} for v in CONFIG_VALUES),
    )


def warnings_table() -> Table:
    return Table(
        "warnings", "Warning subtypes (factcheck.<subtype>)", ("Subtype", "When"), (3, 8),
        tuple((f"``factcheck.{s.value}``", s.description) for s in Subtype),
        tuple({"subtype": s.value, "warning": f"factcheck.{s.value}",
               "sarif_rule": f"factcheck/{s.value}", "description": plain(s.description)}
              for s in Subtype),
    )


def facts_keys_table() -> Table:
    return Table(
        "schema", "Facts-file keys", ("Key", "Required", "Meaning"), (2, 1, 8),
        tuple((f"``{key}``", "yes" if required else "no", meaning)
              for key, required, meaning in SCHEMA),
        tuple({"key": key, "required": required, "description": plain(meaning)}
              for key, required, meaning in SCHEMA),
    )


def value_kinds_table() -> Table:
    return Table(
        "values", "Value kinds", ("Kind", "Written in the facts file", "Stated in prose as"),
        (2, 4, 6),
        VALUE_KINDS,
        tuple({"kind": kind, "written": plain(written), "stated": plain(stated)}
              for kind, written, stated in VALUE_KINDS),
    )


def _marked(texts: tuple[str, ...]) -> str:
    """Examples with their ``[[marked]]`` spans as literals, one per line."""
    return "; ".join(re.sub(r"\[\[(.+?)\]\]", r"``\1``", text) for text in texts)


def rules_table() -> Table:
    from factcheck.rules import DEFAULT_RULES

    def exempted(rule: Any) -> str:
        heads = (f"; cells of table columns headed {', '.join(rule.headers)}"
                 if rule.headers else "")
        return _marked(rule.examples) + heads

    return Table(
        "rules", "Identifier rules: digits that are not claims",
        ("Rule", "Why it is not a claim", "Exempted (in code font)",
         "Still reported (in code font)"), (2, 4, 4, 4),
        tuple((f"``{r.name}``", r.reason, exempted(r), _marked(r.claims))
              for r in DEFAULT_RULES),
        tuple({"name": r.name, "reason": r.reason, "examples": list(r.examples),
               "claims": list(r.claims), "headers": list(r.headers)} for r in DEFAULT_RULES),
    )


def examples_table() -> Table:
    return Table(
        "examples", "Constructs: a statement that passes and one that fails",
        ("Construct", "Fact value", "Passes", "Fails"), (3, 3, 3, 3),
        tuple((name, f"``{value}``", f"``{good}``", f"``{bad}``")
              for name, value, good, bad in EXAMPLES),
        tuple({"construct": name, "value": value, "passes": good, "fails": bad}
              for name, value, good, bad in EXAMPLES),
    )


def hedges_table() -> Table:
    return Table(
        "hedges", "Hedges", ("Written in the prose", "States", "Rule"), (4, 3, 6),
        HEDGE_RULES,
        tuple({"hedges": plain(h), "states": plain(f), "rule": plain(r)}
              for h, f, r in HEDGE_RULES),
    )


#: The tables by the name the directive takes (``{factcheck-reference} config``).
TABLES = {
    "config": config_table,
    "warnings": warnings_table,
    "schema": facts_keys_table,
    "values": value_kinds_table,
    "hedges": hedges_table,
    "examples": examples_table,
    "rules": rules_table,
}


def table(name: str) -> Table:
    return TABLES[name]()


def plain(text: str) -> str:
    """A reference string without markup: ````x```` becomes ```x```, as in Markdown prose."""
    return re.sub(r"``(.+?)``(?!`)", r"`\1`", text)


def schema_data() -> dict[str, Any]:
    """Every table as JSON-ready data, keyed by table name."""
    return {name: list(make().records) for name, make in TABLES.items()}


def schema_text(width: int = 79) -> str:
    """Every table for a terminal: each row's first cell, then the others indented under it."""
    out: list[str] = []
    for make in TABLES.values():
        tab = make()
        out += [tab.title, "=" * len(tab.title), ""]
        for row in tab.rows:
            out.append(_bare(row[0]))
            for label, cell in zip(tab.header[1:], row[1:], strict=True):
                out += textwrap.wrap(f"{label}: {_bare(cell)}", width, initial_indent="    ",
                                     subsequent_indent="      ", break_on_hyphens=False)
            out.append("")
    return "\n".join(out)


def _bare(cell: str) -> str:
    """A cell that is one literal (a name, a default) needs no quotes in a listing."""
    match = re.fullmatch(r"``([^`]+)``", cell)
    return match[1] if match else plain(cell)

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
     "``October 10, 1939``, ``10 October 1939``, ``1939-10-10``; ``October 10`` (no year) "
     "matches month and day; ``October 1939`` and ``1939`` match too."),
    ("date (month)", "``1920-10``", "``October 1920``, ``1920``; a day is more than is known."),
    ("date (year)", "``1926``", "``1926``; a month or a day is more than is known."),
    ("date (decade)", "``1920s``", "``1920s``."),
    ("number", "``20000``, ``20,000``, ``7.5 million``; ``type: number`` for four digits",
     "``20,000``, ``20 000``, ``20000``, ``twenty``; ``19th`` states 19."),
    ("percent", "``80%``", "``80%``, ``80 percent``, ``80 per cent``."),
    ("fraction", "``1/5``", "``one fifth``, ``1/5``."),
)


@dataclass(frozen=True)
class Table:
    """One reference table: ``rows`` for the page (cells with ````literal```` markup) and
    ``records`` for machines (one dict per row, typed values, no markup)."""

    name: str
    title: str
    header: tuple[str, ...]
    widths: tuple[int, ...]
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


#: The tables by the name the directive takes (``{factcheck-reference} config``).
TABLES = {
    "config": config_table,
    "warnings": warnings_table,
    "schema": facts_keys_table,
    "values": value_kinds_table,
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

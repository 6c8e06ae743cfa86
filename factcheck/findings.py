"""What the check reports: the kinds of finding and the finding record every front end shares.

A :class:`Finding` is plain data (a subtype, a message, a place), produced by the core and turned
into Sphinx warnings by :mod:`factcheck.report` or into text, JSON, SARIF, JUnit or GitHub
annotations by the command line.  The list of subtypes lives here and only here, so the reference
page, ``suppress_warnings`` and the machine-readable formats cannot disagree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Subtype(StrEnum):
    """The kinds of finding; each is a warning subtype, ``factcheck.<value>``."""

    MISMATCH = "mismatch"
    UNBOUND = "unbound"
    UNKNOWN_ID = "unknown-id"
    UNREADABLE = "unreadable"
    AMBIGUOUS = "ambiguous"
    EXEMPTION = "exemption"
    FACTS_FILE = "facts-file"
    CONSTRAINT = "constraint"
    SOURCE = "source"
    CONFIG = "config"
    UNUSED = "unused"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Subtype.MISMATCH: "A figure bound to a fact with ``:fact:`text <id>``` does not state the "
                      "fact's value (its number, date, unit, currency, hedge or range end).",
    Subtype.UNBOUND: "A figure or date in the prose is neither bound to a fact nor exempted "
                     "(a warning only with ``factcheck_strict = True``).",
    Subtype.UNKNOWN_ID: "A ``fact`` role names a fact id that the facts file does not define.",
    Subtype.UNREADABLE: "The text of a ``fact`` role holds no figure of the fact's kind, more "
                        "than one, or a part (a month, a day, a number word) that is written but "
                        "not understood.",
    Subtype.AMBIGUOUS: "A numeric date such as ``5/6/1939`` can be read day-first or "
                       "month-first and no order is configured (``factcheck_date_order``).",
    Subtype.EXEMPTION: "A ``nofact`` exemption gives no reason.",
    Subtype.FACTS_FILE: "The facts file cannot be read as written: malformed YAML, an unknown key, "
                        "a duplicate id, an impossible date, a value that cannot be typed, a "
                        "derivation that cannot be computed.",
    Subtype.CONSTRAINT: "A constraint of the facts file (``require:``) does not hold.",
    Subtype.SOURCE: "A fact's ``source`` names no entry of the bibliography.",
    Subtype.CONFIG: "A configuration value cannot be honoured (reported once; the build goes on "
                    "with the default).",
    Subtype.UNUSED: "A fact is neither stated nor rendered on any page (a note unless "
                    "``factcheck_unused = 'warning'``).",
}


@dataclass(frozen=True)
class Finding:
    """One finding at one place.

    ``path`` is the file the finding is in (a page or the facts file), as the front end names it;
    ``line`` and ``column`` are 1-based, 0 when unknown (a finding about a whole file has line 0).
    ``severity`` is ``"warning"`` for what fails a strict build and ``"note"`` for what is only
    listed (unbound figures outside strict mode, unused facts by default).
    """

    subtype: Subtype
    message: str
    path: str
    line: int = 0
    column: int = 0
    fact_id: str | None = None
    severity: str = "warning"

    @property
    def location(self) -> str:
        """``path:line`` as Sphinx logs it (``path:`` when there is no line)."""
        # Sphinx reads a location without ':' as a docname ("facts.yaml" -> "facts.yaml.rst").
        return f"{self.path}:{self.line}" if self.line else f"{self.path}:"

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.subtype.value, self.message)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["subtype"] = self.subtype.value
        return data

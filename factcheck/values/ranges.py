"""Ranges: two values of one kind, stated together ("1939–1940", "October 30 – November 1",
"between 1,000 and 2,000", "from 4 to 22 January 1995").

A range is a statement of a range fact (``value: 1939-10-30/1939-11-01``) or of two facts
(``{fact}`October 30 – November 1 <riots-start,riots-end>```); either way each end is checked on
its own, so a changed start or end is caught.  A range states nothing about a single-valued fact:
binding one to a plain fact is unreadable, not a loose match.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from factcheck.values.base import Hedge, hedge_phrase


@dataclass(frozen=True)
class RangeValue:
    """From ``low`` to ``high``, both of one kind (dates, numbers, quantities, money)."""

    low: Any
    high: Any
    hedge: Hedge | None = None

    kind: ClassVar[str] = "range"

    @property
    def end_kind(self) -> str:
        return str(self.low.kind)

    def with_hedge(self, hedge: Hedge | None) -> RangeValue:
        return replace(self, hedge=hedge)

    def describe(self) -> str:
        # ISO 8601 joins dates with "/"; between numbers "/" would read as a fraction.
        joint = "/" if self.end_kind == "date" else "\u2013"
        return hedge_phrase(self.hedge) + f"{self.low.describe()}{joint}{self.high.describe()}"

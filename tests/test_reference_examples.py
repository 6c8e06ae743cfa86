"""The reference page's examples are true of the code: each row is run here.

``factcheck.schema.EXAMPLES`` (a statement that passes and one that fails, per construct) and
``HEDGE_RULES`` (which hedge words state what) are rendered on the reference page and printed by
``factcheck schema``; these tests make sure the page cannot promise what the reader does not do.
"""

from __future__ import annotations

import re

import pytest

from factcheck.reading.grammar import EN
from factcheck.schema import EXAMPLES, HEDGE_RULES
from factcheck.values.base import Hedge
from factcheck.verdicts import check_statement


@pytest.mark.parametrize(("construct", "value", "passes", "fails"), EXAMPLES,
                         ids=[row[0] for row in EXAMPLES])
def test_each_example_passes_and_fails_as_the_page_says(construct: str, value: str, passes: str,
                                                        fails: str) -> None:
    assert check_statement(passes, value).status == "agrees", (construct, passes)
    outcome = check_statement(fails, value)
    assert outcome.status in ("mismatch", "unreadable"), (construct, fails, outcome)


FAMILIES = {0: None, 1: "approx", 2: "lower", 3: "upper", 4: "exact"}


@pytest.mark.parametrize("row", range(len(HEDGE_RULES)))
def test_each_hedge_listed_is_read_with_the_family_the_page_gives(row: int) -> None:
    words = re.findall(r"``(.+?)``", HEDGE_RULES[row][0])
    family = FAMILIES[row]
    if family is None:
        assert words == []
        return
    assert words
    for word in words:
        meaning = EN.hedges.get(word) or EN.postfix_hedges.get(word)
        assert isinstance(meaning, Hedge), word
        assert meaning.family == family, (word, meaning)

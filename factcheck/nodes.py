"""The doctree nodes the ``fact`` and ``nofact`` roles leave, and how a role's text is split.

Sphinx-free: the Sphinx roles (:mod:`factcheck.roles`) and the command line's stand-ins
(:mod:`factcheck.standins`) make the same nodes from the same text, so both find the same
mentions.
"""

from __future__ import annotations

import re

from docutils import nodes

# Sphinx's ``explicit_title_re``: "text <target>", the target in the last angle brackets.
_EXPLICIT = re.compile(r"^(.+?)\s*(?<!\x00)<([^<]*?)>$", re.DOTALL)


class fact_reference(nodes.inline):  # noqa: N801 - docutils names nodes in lower case
    """A figure bound to a fact: ``fact_id``; ``stated`` when written by hand."""


class fact_exemption(nodes.inline):  # noqa: N801
    """A figure that is not a claim: ``reason`` says why."""


def split_title(text: str) -> tuple[bool, str, str]:
    """``(explicit, title, target)`` of a role's text, as Sphinx's ``split_explicit_title``."""
    match = _EXPLICIT.match(text)
    if match:
        return True, match.group(1), match.group(2)
    return False, text, text

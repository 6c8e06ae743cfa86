"""Site extension: in print, identifiers with hyphens stay on one line.

LaTeX may break a line after any hyphen (Sphinx writes ``-`` as ``\\sphinxhyphen{}``, a break
point), so "ISBN 0-415-⏎26731-5" or "1939-10-⏎12" can happen, and a reader copying the number
from the PDF gets it wrong.  For the LaTeX builder only, ISO dates and ISBNs and ISSNs (with their
label) are wrapped in a :class:`keep_together` node, written as ``\\mbox{…}``.  Other builders
never see the node.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: What must not break: ISO dates, "ISBN 0-415-26731-5", "ISSN 0024-5089".
IDENTIFIER = re.compile(
    r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])"
    r"|\bISBN [\dX](?:[\dX]|-(?=[\dX]))+"
    r"|\bISSN \d{4}-\d{3}[\dX]\b"
)

_SKIP = (nodes.literal, nodes.literal_block, nodes.raw, nodes.comment, nodes.target)


class keep_together(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils names nodes so
    """Text that must stay on one line in print."""


class KeepIdentifiersTogether(SphinxPostTransform):
    builders = ("latex",)
    # After sphinxcontrib-bibtex has put the formatted bibliography in place (priority 5).
    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, (keep_together, *_SKIP)):
                continue
            if any(isinstance(a, _SKIP) for a in _ancestors(parent)):
                continue
            parts = split(str(text))
            if len(parts) > 1:
                parent.replace(text, [keep_together(p, p) if keep else nodes.Text(p)
                                      for p, keep in parts])


def split(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, must stay together) pairs, in order."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in IDENTIFIER.finditer(text):
        if match.start() > position:
            parts.append((text[position:match.start()], False))
        parts.append((match.group(), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    result = []
    while node is not None:
        result.append(node)
        node = node.parent
    return result


def visit_keep_together_latex(self: Any, node: keep_together) -> None:
    self.body.append(r"\mbox{")


def depart_keep_together_latex(self: Any, node: keep_together) -> None:
    self.body.append("}")


def _children_only(self: Any, node: nodes.Node) -> None:
    pass


def setup(app: Sphinx) -> dict[str, Any]:
    plain = (_children_only, _children_only)
    app.add_node(keep_together, latex=(visit_keep_together_latex, depart_keep_together_latex),
                 html=plain, text=plain, man=plain, texinfo=plain)
    app.add_post_transform(KeepIdentifiersTogether)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}

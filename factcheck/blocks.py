"""Turn a doctree into blocks of prose: the text a reader sees, with where it is written.

One block per text element (a paragraph, a title, a caption, a term, a table cell's paragraph)
plus the texts Sphinx keeps in attributes (toctree captions, image alt text).  A block's text is
the paragraph as one string — MyST's one text node per source line joined back, inline markup
dropped — so a figure wrapped over a line break ("October" / "10, 1939") is one figure, and a
figure's line is the block's first line plus the line breaks before it.

``fact`` and ``nofact`` roles become :class:`RoleSpan` records; in the text they are masked
with U+FFFC so that prose figures never merge with them.  Text that is code, markup or generated
(literals, math, citation labels, references whose text Sphinx fills in) is left out, but its
line breaks are kept; the "Added in version 6.2" that ``versionadded`` writes is a block of its
own, marked by its classes, for the identifier rule that exempts generated text.

This module knows docutils and Sphinx's node classes, nothing of the Sphinx application: the
extension and the command line both call :func:`blocks_of`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes

from factcheck.nodes import fact_exemption, fact_reference

MASK = "\ufffc"

# Text under these nodes is code, markup or generated, not prose.
NOT_PROSE: tuple[type[nodes.Node], ...] = (
    nodes.literal, nodes.literal_block, nodes.doctest_block, nodes.raw, nodes.comment,
    nodes.math, nodes.math_block, nodes.substitution_definition, nodes.target,
    nodes.system_message, nodes.problematic, nodes.footnote_reference,
    nodes.citation_reference, nodes.label, addnodes.index, addnodes.desc_signature, nodes.meta,
    nodes.option_string, nodes.option_argument,
    # File-wide metadata (":tocdepth: 2"): Sphinx moves it out of the doctree, docutils keeps it.
    nodes.docinfo,
)
#: Classes of inline nodes whose text Sphinx writes, not the author ("Added in version 6.2").
GENERATED_CLASSES = frozenset({"versionmodified"})
#: Classes of containers whose text is the check's own generated data (reference tables).
OWN_TABLE_CLASS = "factcheck-table"


@dataclass(frozen=True)
class RoleSpan:
    """A ``fact`` or ``nofact`` role inside a block's text."""

    start: int
    end: int
    role: str  # "fact" or "nofact"
    text: str  # what the role shows
    written: str  # the role's content as written
    fact_id: str = ""
    stated: bool = False
    reason: str = ""


@dataclass
class Block:
    """The prose of one text element: its text, where it starts, and its roles."""

    source: str
    line: int
    text: str = ""
    roles: list[RoleSpan] = field(default_factory=list)
    #: Whether unbound figures of this block are looked for (not in the check's own tables).
    prose: bool = True
    #: The classes of the elements around the block (text Sphinx generates is marked by one).
    classes: frozenset[str] = frozenset()
    #: The header of the table column the block is in ("" outside a table body).
    header: str = ""

    def line_of(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset)


def blocks_of(doctree: nodes.Node, default_source: str) -> Iterator[Block]:
    """Every block of prose in ``doctree``, in document order."""
    entry = next((n for n in (doctree, *_ancestors(doctree)) if isinstance(n, nodes.entry)), None)
    yield from _walk(doctree, default_source, True, _classes_around(doctree), entry)


def _walk(node: nodes.Node, default_source: str, prose: bool, classes: frozenset[str],
          entry: nodes.entry | None = None) -> Iterator[Block]:
    # ``classes`` are those of ``node`` and its ancestors, ``entry`` the table cell it is in:
    # carried down the walk rather than looked up again for every block.
    for child in node.children:
        if isinstance(child, NOT_PROSE) or _generated(child):
            continue
        if not isinstance(child, nodes.Element):
            continue
        inner = classes.union(child["classes"]) if child.get("classes") else classes
        if OWN_TABLE_CLASS in child.get("classes", ()):
            yield from _walk(child, default_source, False, inner, entry)
            continue
        if isinstance(child, addnodes.toctree):
            if child.get("caption"):
                yield _attribute_block(child, "caption", default_source)
            continue
        if isinstance(child, nodes.image):
            if child.get("alt"):
                yield _attribute_block(child, "alt", default_source)
            continue
        if isinstance(child, nodes.TextElement):
            yield from _generated_blocks(child, default_source, prose)
            block = _block(child, default_source, prose, inner, entry)
            if block.text.strip():
                yield block
            # A text element may hold elements of its own (a caption inside a figure title…).
            continue
        cell = child if isinstance(child, nodes.entry) else entry
        yield from _walk(child, default_source, prose, inner, cell)


def _source_line(node: nodes.Node, default_source: str) -> tuple[str, int]:
    source, line = get_source_line(node)
    return source or default_source, line or 1


def _generated_blocks(element: nodes.TextElement, default_source: str,
                      prose: bool) -> Iterator[Block]:
    """The text Sphinx writes into a paragraph ("Added in version 6.2: "), each a block of its
    own that carries the generated classes: the identifier rule for generated text lists its
    figures as exempt, and switching that rule off reports them."""
    for node in element.findall(_generated, include_self=False):
        # The directive's own line: Sphinx gives the paragraph it inserts the text into the
        # line after the directive (or the line of the author's first sentence).
        directive = next((a for a in _ancestors(node) if isinstance(a, addnodes.versionmodified)),
                         node)
        source, line = _source_line(directive, default_source)
        yield Block(source, line, node.astext(), prose=prose, classes=_classes_around(node))


def _ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    while node.parent is not None:
        node = node.parent
        yield node


def _attribute_block(node: nodes.Element, attribute: str, default_source: str) -> Block:
    source, line = _source_line(node, default_source)
    return Block(source, line, str(node[attribute]))


def _block(element: nodes.TextElement, default_source: str, prose: bool,
           classes: frozenset[str], entry: nodes.entry | None) -> Block:
    source, line = _source_line(element, default_source)
    header = _column_header(entry) if entry is not None else ""
    block = Block(source, line, prose=prose, classes=classes, header=header)
    parts: list[str] = []
    _inline(element, parts, block)
    block.text = "".join(parts)
    return block


def _inline(node: nodes.Element, parts: list[str], block: Block) -> None:
    for child in node.children:
        if isinstance(child, nodes.Text):
            parts.append(str(child))
        elif isinstance(child, fact_reference | fact_exemption):
            _role(child, parts, block)
        elif isinstance(child, NOT_PROSE) or _generated(child) or _filled_in(child):
            parts.append(_breaks_of(child))
        elif isinstance(child, nodes.Element):
            _inline(child, parts, block)


def _role(node: nodes.Element, parts: list[str], block: Block) -> None:
    shown = node.astext()
    start = sum(len(p) for p in parts)
    if isinstance(node, fact_reference):
        span = RoleSpan(start, start + len(shown), "fact", shown, node["written"],
                        fact_id=node["fact_id"], stated="stated" in node)
    else:
        span = RoleSpan(start, start + len(shown), "nofact", shown, node["written"],
                        reason=node.get("reason", ""))
    block.roles.append(span)
    # Keep the role's line breaks, so that the lines after it are counted right.
    parts.append("".join(ch if ch == "\n" else MASK for ch in shown))


def _classes_around(node: nodes.Node) -> frozenset[str]:
    classes: set[str] = set()
    current: nodes.Node | None = node
    while current is not None:
        if isinstance(current, nodes.Element):
            classes.update(current.get("classes", ()))
        current = current.parent
    return frozenset(classes)


def _column_header(entry: nodes.entry) -> str:
    """The header text of the table column of the cell ``entry`` ("" outside a table body)."""
    if isinstance(entry.parent.parent, nodes.thead):
        return ""
    group = entry.parent.parent.parent
    heads = [child for child in group.children if isinstance(child, nodes.thead)]
    if not isinstance(group, nodes.tgroup) or not heads or not heads[0].children:
        return ""
    column = _column_of(entry)
    cells = heads[0].children[-1].children
    return next((c.astext() for c in cells if _column_of(c) == column), "")


def _column_of(entry: nodes.Node) -> int:
    # An entry spanning columns ("morecols") shifts the ones after it.
    before = entry.parent.children[:entry.parent.index(entry)]
    return sum(1 + cell.get("morecols", 0) for cell in before)


def _breaks_of(node: nodes.Node) -> str:
    breaks = node.astext().count("\n")
    return " " + "\n" * breaks if breaks else " "


def _generated(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and bool(
        GENERATED_CLASSES.intersection(node.get("classes", ())))


def _filled_in(node: nodes.Node) -> bool:
    # A cross-reference whose text Sphinx fills in (a citation key, a {ref} to a title that is
    # checked where it is defined) or a bare URL is not prose the author wrote here.
    if isinstance(node, addnodes.pending_xref):
        return not node.get("refexplicit")
    if isinstance(node, nodes.reference):
        return node.get("refuri") is not None and node.astext() == node["refuri"]
    return False

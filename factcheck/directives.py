"""Directives that show the check's own data: the list of exemptions, and the reference tables.

``factcheck-exemptions`` lists every figure exempted from the check on any page, with its reason;
it is filled in at ``doctree-resolved``, when every page has been read.
``factcheck-reference`` renders the configuration values, the warning subtypes, the facts-file
keys or the value kinds from ``factcheck.schema``, so the documentation cannot disagree with the
code (or with ``factcheck schema``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from factcheck import schema
from factcheck.collector import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

class exemption_list(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder, replaced by the table of exemptions once all pages are read."""


class ExemptionsDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        get_domain(self.env).data["list_pages"][self.env.docname] = True
        return [exemption_list()]


class ReferenceDirective(SphinxDirective):
    required_arguments = 1
    option_spec: dict[str, Any] = {}
    TABLES = tuple(schema.TABLES)

    def run(self) -> list[nodes.Node]:
        # The rows come from factcheck.schema, which `factcheck schema` prints too.
        table = schema.table(directives.choice(self.arguments[0], self.TABLES))
        return [_table(list(table.header), [list(row) for row in table.rows], list(table.widths))]


def _inline(text: str) -> list[nodes.Node]:
    """Text with ``literal`` spans, the only markup the reference strings use."""
    parts = re.split(r"``(.+?)``(?!`)", text)
    return [nodes.literal(p, p) if i % 2 else nodes.Text(p) for i, p in enumerate(parts) if p]


def _table(header: list[str], rows: list[list[Any]], widths: list[int]) -> nodes.table:
    # "colwidths-given" makes the LaTeX writer honour the widths instead of guessing.
    table = nodes.table(classes=["factcheck-table", "colwidths-given"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in widths)
    head = nodes.thead()
    head += _row([[nodes.Text(h)] for h in header])
    body = nodes.tbody()
    for row in rows:
        body += _row([cell if isinstance(cell, list) else _inline(str(cell)) for cell in row])
    group += head
    group += body
    return table


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", "", *content)
        row += entry
    return row


def fill_exemption_lists(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    """``doctree-resolved``: replace each placeholder with the exemptions of the whole site."""
    if not get_domain(app.env).data["list_pages"]:
        return  # no page has a list: no doctree needs to be walked
    placeholders = list(doctree.findall(exemption_list))
    if not placeholders:
        return
    env = app.env
    rows = []
    for docname, mentions in sorted(get_domain(env).mentions.items()):
        for mention in mentions:
            if mention.kind != "exempt":
                continue
            uri = app.builder.get_relative_uri(fromdocname, docname)
            title = env.titles[docname].astext() if docname in env.titles else docname
            link = nodes.reference("", title, internal=True, refuri=uri)
            how = (mention.by or "role").replace("rule:", "rule ")
            rows.append([[link], [nodes.literal(mention.text, mention.text)],
                         [nodes.Text(mention.reason or "(no reason given)")], [nodes.Text(how)]])
    table = _table(["Page", "Figure", "Why it is not a claim", "Exempted by"], rows, [3, 2, 6, 1])
    for placeholder in placeholders:
        placeholder.replace_self(table.deepcopy() if len(placeholders) > 1 else table)


def setup_directives(app: Sphinx) -> None:
    app.add_node(exemption_list)
    app.add_directive("factcheck-exemptions", ExemptionsDirective)
    app.add_directive("factcheck-reference", ReferenceDirective)
    app.connect("doctree-resolved", fill_exemption_lists)

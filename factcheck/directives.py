"""Directives that show the check's own data: the list of exemptions, and the reference tables.

``factcheck-exemptions`` lists every figure exempted from the check on any page, with its reason;
it is filled in at ``doctree-resolved``, when every page has been read.
``factcheck-reference`` renders the configuration values, the warning subtypes, the facts-file
keys or the value kinds straight from the code, so the documentation cannot disagree with it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from factcheck.collector import get_domain
from factcheck.config import CONFIG_VALUES
from factcheck.facts import SCHEMA
from factcheck.findings import Subtype
from factcheck.rules import DEFAULT_RULES, marked

if TYPE_CHECKING:
    from sphinx.application import Sphinx

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
    TABLES = ("config", "warnings", "schema", "values", "rules")

    def run(self) -> list[nodes.Node]:
        which = directives.choice(self.arguments[0], self.TABLES)
        if which == "config":
            rows = [[f"``{v.name}``", f"``{v.default!r}``", v.description] for v in CONFIG_VALUES]
            return [_table(["Name", "Default", "Meaning"], rows, [3, 2, 6])]
        if which == "warnings":
            rows = [[f"``factcheck.{s.value}``", s.description] for s in Subtype]
            return [_table(["Subtype", "When"], rows, [3, 8])]
        if which == "rules":
            cells: list[list[Any]] = [[f"``{r.name}``", r.reason, _examples(r.examples, r.headers),
                                       _examples(r.claims)] for r in DEFAULT_RULES]
            return [_table(["Rule", "Why it is not a claim", "Exempted (in code font)",
                            "Still reported (in code font)"], cells, [2, 4, 4, 4])]
        if which == "schema":
            rows = [[f"``{k}``", "yes" if req else "no", d] for k, req, d in SCHEMA]
            return [_table(["Key", "Required", "Meaning"], rows, [2, 1, 8])]
        return [_table(["Kind", "Written in the facts file", "Stated in prose as"],
                       [list(row) for row in VALUE_KINDS], [2, 4, 6])]


def _inline(text: str) -> list[nodes.Node]:
    """Text with ``literal`` spans, the only markup the reference strings use."""
    parts = re.split(r"``(.+?)``(?!`)", text)
    return [nodes.literal(p, p) if i % 2 else nodes.Text(p) for i, p in enumerate(parts) if p]


def _examples(texts: tuple[str, ...], headers: tuple[str, ...] = ()) -> list[nodes.Node]:
    """A list of examples with their ``[[marked]]`` spans in code font, then the column headers."""
    items = []
    for text in texts:
        plain, spans = marked(text)
        para, last = nodes.paragraph(), 0
        for start, end in spans:
            para += [nodes.Text(plain[last:start]), nodes.literal("", plain[start:end])]
            last = end
        para += nodes.Text(plain[last:])
        items.append(para)
    if headers:
        items.append(nodes.paragraph("", "Cells of table columns headed "
                                     + ", ".join(f"“{h}”" for h in headers)))
    listing = nodes.bullet_list()
    listing.extend(nodes.list_item("", item) for item in items)
    return [listing] if items else []


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
        if len(content) == 1 and isinstance(content[0], nodes.bullet_list):
            entry += content[0]
        else:
            entry += nodes.paragraph("", "", *content)
        row += entry
    return row


def fill_exemption_lists(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    """``doctree-resolved``: replace each placeholder with the exemptions of the whole site."""
    placeholders = list(doctree.findall(exemption_list))
    if not placeholders:
        return
    env = app.env
    rows = []
    for docname, mentions in sorted(get_domain(env).mentions.items()):
        for mention in mentions:
            if mention["kind"] != "exempt":
                continue
            uri = app.builder.get_relative_uri(fromdocname, docname)
            title = env.titles[docname].astext() if docname in env.titles else docname
            link = nodes.reference("", title, internal=True, refuri=uri)
            how = {"config": "config", "rule": f"rule {mention.get('rule')}"}.get(
                mention.get("by", ""), "role")
            rows.append([[link], [nodes.literal(mention["text"], mention["text"])],
                         [nodes.Text(mention["reason"] or "(no reason given)")], [nodes.Text(how)]])
    table = _table(["Page", "Figure", "Why it is not a claim", "Exempted by"], rows, [3, 2, 6, 1])
    for placeholder in placeholders:
        placeholder.replace_self(table.deepcopy() if len(placeholders) > 1 else table)


def setup_directives(app: Sphinx) -> None:
    app.add_node(exemption_list)
    app.add_directive("factcheck-exemptions", ExemptionsDirective)
    app.add_directive("factcheck-reference", ReferenceDirective)
    app.connect("doctree-resolved", fill_exemption_lists)

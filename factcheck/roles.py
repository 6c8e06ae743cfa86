"""The ``fact`` and ``nofact`` roles, and the nodes they leave in the doctree.

``{fact}`treaty-signed``` renders the canonical value; ``{fact}`October 10, 1939 <treaty-signed>```
shows the text as written and binds it to the fact, so the check can compare the two.
``{nofact}`16th <unit designation, not a count>``` marks a figure that is not a claim, with the
reason in angle brackets.  The roles only record what the author wrote; judging happens after all
pages are read (:mod:`factcheck.verdicts`), so a facts-file edit never needs a role to re-run to be
checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from factcheck.config import date_format, house_locale
from factcheck.html import depart_fact_html, depart_span_html, visit_exemption_html, visit_fact_html
from factcheck.nodes import fact_exemption, fact_reference, split_title
from factcheck.render import render_value
from factcheck.state import facts_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class FactRole(SphinxRole):
    """``{fact}`id``` or ``{fact}`text as written <id>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        explicit, stated, fact_id = split_title(self.text)
        fact_id = ",".join(part.strip() for part in fact_id.split(","))
        known = facts_for(self.env).facts
        facts = [known.get(part) for part in fact_id.split(",")]
        fact = facts[0] if all(facts) else None
        if explicit:
            shown = stated
        elif fact is not None:
            config = self.config
            shown = "\u2013".join(
                render_value(f.value, house_locale(config), date_format(config))
                for f in facts if f is not None)
        else:
            shown = fact_id  # the unknown id is reported once all pages are read
        node = fact_reference(self.rawtext, shown, fact_id=fact_id, written=self.text)
        node["classes"].append("fact" if fact is not None else "fact-unknown")
        if explicit:
            node["stated"] = stated
        self.set_source_info(node)
        return [node], []


class NoFactRole(SphinxRole):
    """``{nofact}`text <reason>```: the figures in ``text`` are not claims."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        explicit, text, reason = split_title(self.text)
        node = fact_exemption(self.rawtext, text, reason=reason.strip() if explicit else "",
                              written=self.text)
        node["classes"].append("fact-exempt")
        self.set_source_info(node)
        return [node], []


def _pass(self: object, node: nodes.Node) -> None:
    """Other writers show just the text."""


def setup_roles(app: Sphinx) -> None:
    plain = (_pass, _pass)
    html = {fact_reference: (visit_fact_html, depart_fact_html),
            fact_exemption: (visit_exemption_html, depart_span_html)}
    for node, visitors in html.items():
        app.add_node(node, html=visitors, latex=plain, text=plain, man=plain, texinfo=plain)
    app.add_role("fact", FactRole())
    app.add_role("nofact", NoFactRole())

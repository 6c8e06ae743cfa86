"""Site-local Sphinx extension: mark an inline phrase with its language.

MyST's ``[text]{...}`` span attributes only pass ``class`` and ``id``, so a
foreign phrase cannot carry ``lang="lt"`` that way.  This extension adds a
role that takes the text followed by a BCP-47 tag in angle brackets::

    {lang}`Lietuvos-Sovietų Sąjungos savitarpio pagalbos sutartis <lt>`
    {lang}`sovetsko-litovskiy dogovor o vzaimopomoshchi <ru-Latn>`

and produces a :class:`lang_span` inline node with a ``lang`` attribute.

Output per builder:

* HTML: ``<span lang="lt">…</span>``; the phrase is an ordinary docutils
  ``Text`` child, so the normal HTML translator escapes it.
* text / man / texinfo: the children only (no markup for a language).
* LaTeX: ``\\foreignlanguage{lithuanian}{…}`` / ``\\foreignlanguage{russian}{…}``
  for the tags in :data:`LATEX_LANGUAGES` (tag → babel/polyglossia language
  name; the preamble loads those languages), so the phrase gets its own
  hyphenation patterns; the tags in :data:`UNHYPHENATED` (a script no patterns
  fit, such as romanized Russian) become ``{\\disablehyphenation …}``
  (polyglossia), so that English patterns do not split them as English words;
  any other tag renders its children unchanged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxRole

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: ``text <tag>``: the tag is a BCP-47 language tag (``lt``, ``ru``, ``ru-Latn``…).
_ROLE_RE = re.compile(r"^(?P<text>.*\S)\s*<(?P<tag>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)>$", re.S)

#: BCP-47 tag → LaTeX (babel/polyglossia) language name used by the LaTeX
#: visitor.  Every name here must be loaded by the preamble
#: (``\setotherlanguages{lithuanian,russian}`` in ``docs/conf.py``); any other
#: tag (``pl``, ``ru-Latn``…) renders its children unchanged.
LATEX_LANGUAGES: dict[str, str] = {"lt": "lithuanian", "ru": "russian"}

#: Tags whose phrases are not hyphenated at all in LaTeX: no loaded patterns are
#: right for them (``ru-Latn``: Russian words in Latin letters; English patterns
#: would break "vzaimopomoshchi" as if it were English).
UNHYPHENATED: frozenset[str] = frozenset({"ru-Latn"})


class lang_span(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils naming)
    """An inline phrase in a language other than the document's (``lang`` attribute)."""


class LangRole(SphinxRole):
    """``{lang}`phrase <tag>``` → :class:`lang_span` with ``lang=tag``."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = _ROLE_RE.match(self.text)
        if match is None:
            msg = self.inliner.reporter.error(
                f"lang role: expected 'text <language-tag>', got {self.text!r}",
                line=self.lineno,
            )
            problematic = self.inliner.problematic(self.rawtext, self.rawtext, msg)
            return [problematic], [msg]
        node = lang_span(self.rawtext, match["text"], lang=match["tag"])
        self.set_source_info(node)
        return [node], []


# -- visitors ------------------------------------------------------------------


def visit_lang_span_html(self: Any, node: lang_span) -> None:
    # starttag() quotes/escapes the attribute value and adds ids/classes.
    self.body.append(self.starttag(node, "span", "", lang=node["lang"]))


def depart_lang_span_html(self: Any, node: lang_span) -> None:
    self.body.append("</span>")


def latex_language(node: lang_span) -> str | None:
    """The LaTeX language name for the node's tag, if :data:`LATEX_LANGUAGES` has one.

    Exact tags only: ``ru-Latn`` (romanized Russian) must not fall back to ``ru``.
    """
    return LATEX_LANGUAGES.get(node["lang"])


def visit_lang_span_latex(self: Any, node: lang_span) -> None:
    language = latex_language(node)
    if language:
        self.body.append(r"\foreignlanguage{" + language + "}{")
    elif node["lang"] in UNHYPHENATED:
        # A group: \language returns to the document's at its end (polyglossia).
        self.body.append(r"{\disablehyphenation ")


def depart_lang_span_latex(self: Any, node: lang_span) -> None:
    if latex_language(node) or node["lang"] in UNHYPHENATED:
        self.body.append("}")


def visit_children_only(self: Any, node: lang_span) -> None:
    """Text-like outputs: nothing around the phrase, the children render as usual."""


def depart_children_only(self: Any, node: lang_span) -> None:
    pass


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(
        lang_span,
        html=(visit_lang_span_html, depart_lang_span_html),
        latex=(visit_lang_span_latex, depart_lang_span_latex),
        text=(visit_children_only, depart_children_only),
        man=(visit_children_only, depart_children_only),
        texinfo=(visit_children_only, depart_children_only),
    )
    app.add_role("lang", LangRole())
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

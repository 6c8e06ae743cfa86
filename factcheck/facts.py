"""The canonical facts file: read it safely, type every value, and keep every line number.

The file is YAML, a mapping from a stable fact id to a fact::

    treaty-signed:
      value: 1939-10-10
      label: The treaty is signed in Moscow
      source: lane2001
      pages: 37–38

It is read with ruamel.yaml's *composer* only: the YAML is turned into a node tree (with line
numbers) and never into Python objects, so no tag in the file can construct anything, and a value
keeps the exact spelling its author gave it (``1939-10-10`` stays text; YAML would have made it a
``datetime.date``).  Content errors never raise: they become :class:`FactsProblem` records with a
line, reported by :mod:`factcheck.report` like any other finding.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode

from factcheck.values import KINDS, BadValue, FactValue, parse_value

#: The keys a fact may have: (key, required, what it holds).  Rendered on the reference page.
SCHEMA: tuple[tuple[str, bool, str], ...] = (
    ("value", True, "The canonical value, typed by how it is written (see the value kinds)."),
    ("label", True, "A short description of what the value is; shown as the tooltip of a fact."),
    ("type", False, f"Force a kind when the spelling is ambiguous: one of {', '.join(KINDS)}."),
    ("source", False, "A BibTeX key from the site's bibliography that supports the value."),
    ("pages", False, "Pages of that source."),
    ("note", False, "Free text for editors: why the value is what it is."),
)
_KEYS = {key for key, _, _ in SCHEMA}
_REQUIRED = [key for key, required, _ in SCHEMA if required]
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


@dataclass(frozen=True)
class Fact:
    """One fact of the facts file."""

    id: str
    value: FactValue
    label: str
    line: int
    written: str
    source: str | None = None
    pages: str | None = None
    note: str | None = None

    def fingerprint(self) -> str:
        """What a page that shows this fact depends on."""
        return f"{self.value!r}|{self.label}"


@dataclass(frozen=True)
class FactsProblem:
    """Something wrong in the facts file, at a line (0 when the file as a whole is at fault)."""

    line: int
    message: str


@dataclass
class FactsFile:
    """The typed content of one facts file, with the problems found while reading it."""

    path: Path
    facts: dict[str, Fact] = field(default_factory=dict)
    problems: list[FactsProblem] = field(default_factory=list)

    def location(self, line: int) -> str:
        # Without a line, end in ':' as Sphinx does for a node without a line: Sphinx reads a
        # location without ':' as a docname and would turn "facts.yaml" into "facts.yaml.rst".
        return f"{self.path}:{line}" if line else f"{self.path}:"

    def fingerprints(self) -> dict[str, str]:
        return {fact_id: fact.fingerprint() for fact_id, fact in self.facts.items()}


_cache: dict[Path, tuple[tuple[int, int], FactsFile]] = {}


def load_facts(path: Path) -> FactsFile:
    """Read ``path``, re-using the last reading while the file is unchanged on disk.

    The cache matters for parallel builds: worker processes inherit the reading done in the main
    process instead of parsing the file once per process.
    """
    try:
        stat = os.stat(path)
    except OSError as exc:
        return FactsFile(path, problems=[FactsProblem(0, f"cannot read the facts file: {exc}")])
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == key:
        return cached[1]
    facts_file = read_facts(path, path.read_text(encoding="utf-8"))
    _cache[path] = (key, facts_file)
    return facts_file


def read_facts(path: Path, text: str) -> FactsFile:
    """Type the facts in ``text`` (the content of ``path``); problems are collected, not raised."""
    facts_file = FactsFile(path)
    try:
        root = YAML(typ="rt").compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        facts_file.problems.append(FactsProblem(line, f"malformed YAML: {problem}"))
        return facts_file
    except YAMLError as exc:
        facts_file.problems.append(FactsProblem(0, f"malformed YAML: {exc}"))
        return facts_file
    if root is None:
        return facts_file
    if not isinstance(root, MappingNode):
        facts_file.problems.append(
            FactsProblem(_line(root), "the facts file must be a mapping of fact ids to facts")
        )
        return facts_file
    for key_node, fact_node in root.value:
        _read_fact(facts_file, key_node, fact_node)
    return facts_file


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _read_fact(facts_file: FactsFile, key_node: Node, fact_node: Node) -> None:
    problems = facts_file.problems
    line = _line(key_node)
    if not isinstance(key_node, ScalarNode) or not _ID.match(str(key_node.value)):
        problems.append(FactsProblem(line, f"invalid fact id {_scalar_text(key_node)!r}: "
                                           "use letters, digits, '-', '_', '.' or ':'"))
        return
    fact_id = str(key_node.value)
    if fact_id in facts_file.facts:
        first = facts_file.facts[fact_id].line
        problems.append(FactsProblem(line, f"duplicate fact id {fact_id!r} (first defined at "
                                           f"line {first}); the first definition is used"))
        return
    if not isinstance(fact_node, MappingNode):
        problems.append(FactsProblem(line, f"fact {fact_id!r} must be a mapping with at least "
                                           f"the keys {', '.join(_REQUIRED)}"))
        return
    fields: dict[str, tuple[str, int]] = {}
    for field_key, field_value in fact_node.value:
        name = _scalar_text(field_key)
        if name not in _KEYS:
            problems.append(FactsProblem(_line(field_key), f"unknown key {name!r} in fact "
                                         f"{fact_id!r} (known: {', '.join(sorted(_KEYS))})"))
            continue
        if name in fields:
            problems.append(FactsProblem(_line(field_key), f"duplicate key {name!r} in fact "
                                         f"{fact_id!r} (first given at line {fields[name][1]}); "
                                         "the first is used"))
            continue
        if not isinstance(field_value, ScalarNode):
            problems.append(FactsProblem(_line(field_value),
                                         f"{name!r} of fact {fact_id!r} must be a single value"))
            continue
        fields[name] = (str(field_value.value), _line(field_value))
    missing = [key for key in _REQUIRED if key not in fields]
    if missing:
        problems.append(FactsProblem(line, f"fact {fact_id!r} lacks {', '.join(missing)}"))
        return
    written, value_line = fields["value"]
    try:
        value = parse_value(written, fields["type"][0] if "type" in fields else None)
    except BadValue as exc:
        problems.append(FactsProblem(value_line, f"fact {fact_id!r}: {exc}"))
        return
    facts_file.facts[fact_id] = Fact(
        id=fact_id,
        value=value,
        label=fields["label"][0],
        line=line,
        written=written,
        source=fields.get("source", (None, 0))[0],
        pages=fields.get("pages", (None, 0))[0],
        note=fields.get("note", (None, 0))[0],
    )


def _scalar_text(node: Node) -> str:
    return str(node.value) if isinstance(node, ScalarNode) else f"<{type(node).__name__}>"

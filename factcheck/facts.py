"""The canonical facts file: read it safely, type every value, and keep every line number.

The file is YAML, a mapping from a stable fact id to a fact::

    treaty-signed:
      value: 1939-10-10
      label: The treaty is signed in Moscow
      source: lane2001
      pages: 37–38

It is read with PyYAML's *composer* (libyaml, in C, when it is there): the YAML becomes a node
tree with line numbers and never Python objects, so no tag in the file can construct anything,
and a value keeps the exact spelling its author gave it (``1939-10-10`` stays text; YAML would
have made it a ``datetime.date``).  Nothing here raises on content: every problem becomes a
:class:`FactsProblem` with a line, reported like any other finding, and the build goes on.

A fact may be derived from others (``derive:``), and an entry may state a constraint
(``require:``) instead of a value; see :mod:`factcheck.derive`.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from factcheck.derive import DeriveError, Expression, evaluate, parse_expression
from factcheck.values import KINDS, BadValue, DateValue, FactValue, parse_value

try:  # libyaml's composer is about fifteen times faster than the pure-Python one
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

#: The keys a fact may have: (key, required, what it holds).  Rendered on the reference page.
SCHEMA: tuple[tuple[str, bool, str], ...] = (
    ("value", True, "The canonical value, typed by how it is written (see the value kinds); "
                    "it may start with a hedge: ``about 430,000``, ``up to 50,000``."),
    ("derive", False, "Instead of ``value``: an expression computing the value from other "
                      "facts (``a + b``, ``a - days(1)``, ``years_between(a, b)``)."),
    ("require", False, "Instead of ``value``: a constraint that must hold between facts "
                       "(``a + b == c``, ``a > b > c``); the entry is then not a fact."),
    ("label", True, "A short description of what the value is; shown with every bound figure."),
    ("type", False, f"Force a kind when the spelling is ambiguous: one of {', '.join(KINDS)}."),
    ("source", False, "A BibTeX key from the site's bibliography that supports the value."),
    ("pages", False, "Pages of that source."),
    ("note", False, "Free text for editors: why the value is what it is."),
)
_KEYS = {key for key, _, _ in SCHEMA}
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-")
#: Larger facts files are refused rather than parsed (a facts file is written by people).
MAX_BYTES = 50_000_000


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
    derive: str | None = None
    depends_on: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """The value as messages show it: as written, or computed with its expression."""
        if self.derive is None:
            return self.written
        return f"{self.value.describe()} (derived: {self.derive})"

    def fingerprint(self) -> str:
        """What a page that shows this fact depends on."""
        return f"{self.value.describe()}|{self.label}"


@dataclass(frozen=True)
class Constraint:
    """A ``require:`` entry: an expression over facts that must hold."""

    id: str
    expression: str
    label: str
    line: int


@dataclass(frozen=True)
class FactsProblem:
    """Something wrong in the facts file, at a line (0 when the file as a whole is at fault)."""

    line: int
    message: str
    #: ``facts-file`` for what cannot be read, ``constraint`` for a requirement that fails.
    subtype: str = "facts-file"


@dataclass
class FactsFile:
    """The typed content of one facts file, with the problems found while reading it.

    ``invalid`` holds the ids whose entry could not be typed, with the line of the problem, so
    that a role naming one says "has an invalid value" rather than "unknown id".
    """

    path: Path
    facts: dict[str, Fact] = field(default_factory=dict)
    constraints: list[Constraint] = field(default_factory=list)
    problems: list[FactsProblem] = field(default_factory=list)
    invalid: dict[str, int] = field(default_factory=dict)
    digest: str = ""

    def location(self, line: int) -> str:
        # Without a line, end in ':' as Sphinx does for a node without a line: Sphinx reads a
        # location without ':' as a docname and would turn "facts.yaml" into "facts.yaml.rst".
        return f"{self.path}:{line}" if line else f"{self.path}:"

    def fingerprints(self) -> dict[str, str]:
        return {fact_id: fact.fingerprint() for fact_id, fact in self.facts.items()}

    def dependants(self) -> dict[str, set[str]]:
        """Fact id → the derived facts computed (directly or not) from it."""
        out: dict[str, set[str]] = {}
        for fact in self.facts.values():
            for base in fact.depends_on:
                out.setdefault(base, set()).add(fact.id)
        changed = True
        while changed:
            changed = False
            for users in out.values():
                extra = set().union(*(out.get(u, set()) for u in users)) - users
                if extra:
                    users |= extra
                    changed = True
        return out


_cache: dict[Path, tuple[tuple[int, int], FactsFile]] = {}


def load_facts(path: Path) -> FactsFile:
    """Read ``path``, re-using the last reading while the file is unchanged on disk.

    The cache matters for parallel builds: worker processes inherit the reading done in the main
    process instead of parsing the file once per process.
    """
    try:
        stat = os.stat(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return FactsFile(path, problems=[FactsProblem(0, f"cannot read the facts file {path}: "
                                                         f"{reason}")])
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == key:
        return cached[1]
    facts_file = read_facts_bytes(path, _read_bytes(path))
    _cache[path] = (key, facts_file)
    return facts_file


def content_digest(path: Path) -> str | None:
    """The SHA-256 of the file at ``path`` (``None`` when it cannot be read)."""
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except (OSError, ValueError):
        return None


def remember(path: Path, facts_file: FactsFile) -> None:
    """Make ``facts_file`` (a reading kept from an earlier build) the cached reading of
    ``path`` while the file stays as it is on disk."""
    try:
        stat = os.stat(path)
    except OSError:
        return
    _cache[path] = ((stat.st_mtime_ns, stat.st_size), facts_file)


def read_source(path: Path) -> bytes | FactsProblem:
    """The bytes of the facts file, or the problem that keeps them from being read."""
    return _read_bytes(path)


def _read_bytes(path: Path) -> bytes | FactsProblem:
    if path.is_dir():
        return FactsProblem(0, f"the facts path {path} is a directory, not a YAML file "
                               "(set factcheck_facts to the file)")
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        return FactsProblem(0, f"cannot read the facts file {path}: {exc.strerror or exc}")
    if len(data) > MAX_BYTES:
        return FactsProblem(0, f"the facts file is larger than {MAX_BYTES:,} bytes")
    return data


def read_facts_bytes(path: Path, data: bytes | FactsProblem) -> FactsFile:
    """Type the facts in ``data`` (the bytes of ``path``); problems are collected, not raised."""
    if isinstance(data, FactsProblem):
        return FactsFile(path, problems=[data])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return FactsFile(path, problems=[FactsProblem(
            line, f"the facts file is not UTF-8: byte 0x{data[exc.start]:02x} cannot be read "
                  "(save the file as UTF-8)")], digest=hashlib.sha256(data).hexdigest())
    facts_file = read_facts(path, text)
    facts_file.digest = hashlib.sha256(data).hexdigest()
    return facts_file


def read_facts(path: Path, text: str) -> FactsFile:
    """Type the facts in ``text`` (the content of ``path``); problems are collected, not raised."""
    facts_file = FactsFile(path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        facts_file.problems.append(FactsProblem(line, f"malformed YAML: {problem}"))
        return facts_file
    except (yaml.YAMLError, RecursionError, MemoryError) as exc:
        facts_file.problems.append(FactsProblem(0, f"malformed YAML: {type(exc).__name__}: "
                                                   f"{str(exc)[:200]}"))
        return facts_file
    if root is None:
        return facts_file
    if not isinstance(root, yaml.MappingNode):
        facts_file.problems.append(
            FactsProblem(_line(root), "the facts file must be a mapping of fact ids to facts")
        )
        return facts_file
    pending: dict[str, tuple[dict[str, tuple[str, int]], int]] = {}
    for key_node, fact_node in root.value:
        _read_entry(facts_file, pending, key_node, fact_node)
    _derive(facts_file, pending)
    _check_constraints(facts_file)
    return facts_file


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _read_entry(facts_file: FactsFile, pending: dict[str, Any], key_node: yaml.Node,
                fact_node: yaml.Node) -> None:
    problems = facts_file.problems
    line = _line(key_node)
    key = _scalar_text(key_node)
    if not isinstance(key_node, yaml.ScalarNode) or not _valid_id(key):
        problems.append(FactsProblem(line, f"invalid fact id {key[:80]!r}: start with a letter "
                                           "or digit, then letters, digits, '-', '_', '.' or ':'"))
        return
    first = _first_line(facts_file, pending, key)
    if first:
        problems.append(FactsProblem(line, f"duplicate fact id {key!r} (first defined at line "
                                           f"{first}); the first definition is used"))
        return
    if not isinstance(fact_node, yaml.MappingNode):
        problems.append(FactsProblem(line, f"fact {key!r} must be a mapping with at least "
                                           "the keys value, label"))
        facts_file.invalid[key] = line
        return
    fields = _fields(facts_file, key, fact_node)
    _type_entry(facts_file, pending, key, line, fields)


def _first_line(facts_file: FactsFile, pending: dict[str, Any], key: str) -> int:
    """The line of an earlier entry with id ``key``, or 0."""
    if key in facts_file.facts:
        return facts_file.facts[key].line
    if key in pending:
        return int(pending[key][1])
    if key in facts_file.invalid:
        return facts_file.invalid[key]
    return next((c.line for c in facts_file.constraints if c.id == key), 0)


def _valid_id(text: str) -> bool:
    return bool(text) and len(text) <= 200 and text[0].isascii() and text[0].isalnum() \
        and set(text) <= _ID_CHARS


def _fields(facts_file: FactsFile, fact_id: str,
            fact_node: yaml.MappingNode) -> dict[str, tuple[str, int]]:
    fields: dict[str, tuple[str, int]] = {}
    for field_key, field_value in fact_node.value:
        name = _scalar_text(field_key)
        if name not in _KEYS:
            facts_file.problems.append(FactsProblem(
                _line(field_key), f"unknown key {name[:40]!r} in fact {fact_id!r} (known: "
                                  f"{', '.join(sorted(_KEYS))})"))
            continue
        if name in fields:
            facts_file.problems.append(FactsProblem(
                _line(field_key), f"duplicate key {name!r} in fact {fact_id!r} (first given at "
                                  f"line {fields[name][1]}); the first is used"))
            continue
        if not isinstance(field_value, yaml.ScalarNode):
            facts_file.problems.append(FactsProblem(
                _line(field_value), f"{name!r} of fact {fact_id!r} must be a single value, not "
                                    "a list or a mapping"))
            continue
        fields[name] = (str(field_value.value), _line(field_value))
    return fields


def _type_entry(facts_file: FactsFile, pending: dict[str, Any], fact_id: str, line: int,
                fields: dict[str, tuple[str, int]]) -> None:
    problems = facts_file.problems
    given = [k for k in ("value", "derive", "require") if k in fields]
    if len(given) > 1:
        problems.append(FactsProblem(line, f"fact {fact_id!r} gives {' and '.join(given)}: "
                                           "give one of value, derive or require"))
        facts_file.invalid[fact_id] = line
        return
    if "require" in fields:
        text, value_line = fields["require"]
        label = fields.get("label", (text, 0))[0]
        facts_file.constraints.append(Constraint(fact_id, text, label, value_line))
        return
    missing = [k for k in ("label",) if k not in fields]
    if not given:
        missing.insert(0, "value")
    if missing:
        problems.append(FactsProblem(line, f"fact {fact_id!r} lacks {', '.join(missing)}"))
        facts_file.invalid[fact_id] = line
        return
    if "derive" in fields:
        pending[fact_id] = (fields, line)
        return
    written, value_line = fields["value"]
    if not written.strip():
        problems.append(FactsProblem(value_line, f"fact {fact_id!r}: 'value' is empty (write "
                                                 "the value after 'value:', e.g. 1939-10-10)"))
        facts_file.invalid[fact_id] = value_line
        return
    try:
        value = parse_value(written, fields["type"][0] if "type" in fields else None)
    except BadValue as exc:
        problems.append(FactsProblem(value_line, f"fact {fact_id!r}: {exc}"))
        facts_file.invalid[fact_id] = value_line
        return
    facts_file.facts[fact_id] = _fact(fact_id, value, line, written, fields)


def _fact(fact_id: str, value: FactValue, line: int, written: str,
          fields: dict[str, tuple[str, int]], derive: str | None = None,
          depends_on: tuple[str, ...] = ()) -> Fact:
    return Fact(
        id=fact_id, value=value, label=fields["label"][0], line=line, written=written,
        source=fields.get("source", (None, 0))[0], pages=fields.get("pages", (None, 0))[0],
        note=fields.get("note", (None, 0))[0], derive=derive, depends_on=depends_on,
    )


def _derive(facts_file: FactsFile, pending: dict[str, Any]) -> None:
    """Compute the derived facts in dependency order; cycles and errors are located."""
    known = set(facts_file.facts) | set(pending) | set(facts_file.invalid)
    parsed: dict[str, Expression] = {}
    for fact_id, (fields, _) in pending.items():
        text, derive_line = fields["derive"]
        try:
            parsed[fact_id] = parse_expression(text, known)
        except DeriveError as exc:
            facts_file.problems.append(FactsProblem(derive_line, f"fact {fact_id!r}: {exc}"))
            facts_file.invalid[fact_id] = derive_line
    state: dict[str, str] = {}
    for fact_id in parsed:
        _compute(fact_id, facts_file, pending, parsed, state, [])


def _compute(fact_id: str, facts_file: FactsFile, pending: dict[str, Any],
             parsed: dict[str, Expression], state: dict[str, str], path: list[str]) -> None:
    if state.get(fact_id) == "done" or fact_id in facts_file.invalid:
        return
    fields, line = pending[fact_id]
    derive_text, derive_line = fields["derive"]
    if state.get(fact_id) == "visiting":
        cycle = " → ".join([*path[path.index(fact_id):], fact_id])
        facts_file.problems.append(FactsProblem(derive_line, f"fact {fact_id!r}: the "
                                                             f"derivation is a cycle: {cycle}"))
        facts_file.invalid[fact_id] = derive_line
        return
    state[fact_id] = "visiting"
    expression = parsed[fact_id]
    for base in expression.ids:
        if base in parsed:
            _compute(base, facts_file, pending, parsed, state, [*path, fact_id])
    state[fact_id] = "done"
    if fact_id in facts_file.invalid:
        return
    broken = [b for b in expression.ids if b not in facts_file.facts]
    if broken:
        where = facts_file.invalid.get(broken[0], 0)
        facts_file.problems.append(FactsProblem(
            derive_line, f"fact {fact_id!r} cannot be computed: fact {broken[0]!r} has an "
                         f"invalid value ({facts_file.path.name}:{where})"))
        facts_file.invalid[fact_id] = derive_line
        return
    try:
        value = evaluate(expression, {b: facts_file.facts[b].value for b in expression.ids})
        if isinstance(value, bool) or not hasattr(value, "describe"):
            raise DeriveError("the expression computes a comparison, not a value (use "
                              "'require:' for a constraint)")
        if "type" in fields and fields["type"][0] == "date" and not isinstance(value, DateValue):
            raise DeriveError(f"it computes a {value.kind}, not a date")
    except (DeriveError, BadValue, ArithmeticError, OverflowError, ValueError) as exc:
        facts_file.problems.append(FactsProblem(derive_line, f"fact {fact_id!r}: {exc}"))
        facts_file.invalid[fact_id] = derive_line
        return
    facts_file.facts[fact_id] = _fact(fact_id, value, line, f"= {derive_text}", fields,
                                      derive=derive_text, depends_on=_all_bases(
                                          expression.ids, facts_file))


def _all_bases(ids: tuple[str, ...], facts_file: FactsFile) -> tuple[str, ...]:
    out: list[str] = []
    for base in ids:
        out.append(base)
        out.extend(facts_file.facts[base].depends_on)
    return tuple(dict.fromkeys(out))


def _check_constraints(facts_file: FactsFile) -> None:
    known = set(facts_file.facts) | set(facts_file.invalid)
    for constraint in facts_file.constraints:
        try:
            expression = parse_expression(constraint.expression, known)
            broken = [b for b in expression.ids if b not in facts_file.facts]
            if broken:
                raise DeriveError(f"fact {broken[0]!r} has an invalid value")
            values = {b: facts_file.facts[b].value for b in expression.ids}
            result = evaluate(expression, values)
            if not isinstance(result, bool):
                raise DeriveError("a constraint must compare (==, <, >…), not compute a value")
        except (DeriveError, BadValue, ArithmeticError, ValueError) as exc:
            facts_file.problems.append(FactsProblem(constraint.line, f"constraint "
                                                    f"{constraint.id!r}: {exc}"))
            continue
        if not result:
            shown = ", ".join(f"{b} = {values[b].describe()}" for b in expression.ids)
            facts_file.problems.append(FactsProblem(
                constraint.line, f"constraint {constraint.id!r} ({constraint.label}) does not "
                                 f"hold: {constraint.expression} is false with {shown}",
                "constraint"))


def _scalar_text(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else f"<{type(node).__name__}>"

"""The ``factcheck`` command: check, suggest, bind, facts, schema.

A thin front end: it finds what to check (a docs directory, or the files pre-commit passes),
reads the settings (:mod:`factcheck.settings`), asks the Sphinx-free core for findings
(``factcheck.project``; every call to it is in the "engine" section below) and prints them
(:mod:`factcheck.formats`).  Exit codes: 0 nothing found, 1 findings (warnings; notes alone do
not fail, as under ``sphinx-build -W``), 2 a usage or input error, printed as one line naming the
file and line, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.cache import cache_dir
from factcheck.facts import Fact, FactsFile, load_facts
from factcheck.findings import Finding, Subtype
from factcheck.formats import FORMATS, display_path, dump_json, printable, render, summary
from factcheck.settings import InputError, Settings, read_settings

# --------------------------------------------------------------------------- the engine
# Everything the command needs from the core, in one place: check_project() reads the sources
# of one docs directory into findings; suggest.candidates() fits facts to an unbound figure.


def _engine() -> Any:
    if importlib.util.find_spec("factcheck.project") is None:
        raise InputError("this version of factcheck has no Sphinx-free checker "
                         "(factcheck.project); run sphinx-build to check the site")
    from factcheck import project  # type: ignore[attr-defined]

    return project


def _check_project(target: Target, options: argparse.Namespace) -> Any:
    project = _engine()
    try:
        cache = None if getattr(options, "no_cache", False) else cache_dir(
            getattr(options, "cache_dir", None))
        return project.check_project(target.docs_dir, files=target.files,
                                     conf=options.config, facts=options.facts, cache_dir=cache)
    except project.InputError as exc:
        raise InputError(str(exc)) from None


def _candidates(report: Any, figure: Any) -> list[Any]:
    """Facts that fit ``figure``, best first (each with ``.fact`` and ``.why``)."""
    from factcheck import suggest  # type: ignore[attr-defined]

    return list(suggest.candidates(figure, report.facts_file, report.lexicon))


def _checked_files(report: Any, target: Target) -> list[Path]:
    files = getattr(report, "files", None)
    return list(files if files is not None else target.files or [])


def _statements(report: Any) -> dict[str, list[dict[str, Any]]]:
    """Where each fact is stated or rendered: fact id -> locations."""
    found: dict[str, list[dict[str, Any]]] = {}
    for mention in getattr(report, "mentions", None) or []:
        if getattr(mention, "fact_id", None):
            found.setdefault(mention.fact_id, []).append({
                "path": display_path(mention.path), "line": mention.line,
                "column": mention.column, "kind": mention.kind,
            })
    return found


# --------------------------------------------------------------------------- what to check


@dataclass(frozen=True)
class Target:
    """One docs directory and the files of it to check (``None``: all of them)."""

    docs_dir: Path
    files: list[Path] | None


def targets(paths: Sequence[Path], options: argparse.Namespace) -> list[Target]:
    """Directories are docs directories; files belong to the docs directory given with them or,
    if none is, to the nearest directory above them with a conf.py (files under none are not
    Sphinx sources and are skipped).  A facts file or conf.py among the files checks its whole
    project, since every page may state a changed fact."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise InputError(f"{missing[0]}: no such file or directory")
    dirs = [p for p in paths if p.is_dir()]
    files = [p for p in paths if not p.is_dir()]
    if not paths:
        dirs = [Path(".")]
    grouped: dict[Path, list[Path]] = {}
    for file in files:
        home = _home(file, dirs)
        if home is None:
            _note(f"skipped {file}: not under a Sphinx source directory (no conf.py above it)")
            continue
        grouped.setdefault(home, []).append(file)
    result = []
    for docs_dir in dirs:
        if not any(_same(docs_dir, g) for g in grouped):
            # Read now so a broken conf.py is reported before any work (the core re-uses it).
            read_settings(docs_dir, conf=options.config, facts=options.facts)
            result.append(Target(docs_dir, None))
    for docs_dir, members in grouped.items():
        settings = read_settings(docs_dir, conf=options.config, facts=options.facts)
        if any(_whole_project(f, settings) for f in members):
            result.append(Target(docs_dir, None))
            continue
        sources = [f for f in members if f.suffix in settings.suffixes]
        for file in sorted(set(members) - set(sources)):
            _note(f"skipped {file}: not a source file of {docs_dir}")
        if sources:
            result.append(Target(docs_dir, sources))
    return result


def _home(file: Path, dirs: Sequence[Path]) -> Path | None:
    absolute = file.resolve()
    for docs_dir in dirs:
        if absolute.is_relative_to(docs_dir.resolve()):
            return docs_dir
    if dirs:
        return None
    for parent in absolute.parents:
        if (parent / "conf.py").is_file():
            return Path(os.path.relpath(parent))
    return None


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _whole_project(file: Path, settings: Settings) -> bool:
    resolved = file.resolve()
    return resolved == settings.facts or resolved == settings.conf_path


def _note(message: str) -> None:
    print(f"factcheck: {printable(message)}", file=sys.stderr)


# --------------------------------------------------------------------------- commands


def cmd_check(options: argparse.Namespace) -> int:
    findings: list[Finding] = []
    checked: list[Path] = []
    for target in targets(options.paths, options):
        report = _check_project(target, options)
        findings.extend(report.findings)
        checked.extend(_checked_files(report, target))
    _emit(render(findings, options.format, files=checked), options)
    if options.format == "text" and (findings or options.output):
        _note(summary(findings))
    return 1 if any(f.severity == "warning" for f in findings) else 0


def cmd_suggest(options: argparse.Namespace) -> int:
    read_settings(options.docs_dir, conf=options.config, facts=options.facts)
    report = _check_project(Target(options.docs_dir, None), options)
    figures = []
    for figure in report.unbound:
        fits = _candidates(report, figure)
        figures.append({
            "path": display_path(figure.path), "line": figure.line, "column": figure.column,
            "text": figure.text,
            "candidates": [{"id": c.fact.id, "value": c.fact.written, "label": c.fact.label,
                            "why": c.why} for c in fits],
        })
    if options.format == "json":
        _emit(dump_json({**_tool("factcheck-suggestions"), "figures": figures}), options)
    else:
        lines = []
        for fig in figures:
            lines.append(f"{fig['path']}:{fig['line']}:{fig['column']}: "
                         f"{printable(repr(fig['text']))}")
            lines += [f"    {printable(c['id'])}  {printable(c['value'])}  "
                      f"{printable(c['label'])}  ({printable(c['why'])})"
                      for c in fig["candidates"]] or ["    (no fact fits)"]
        _emit("".join(f"{line}\n" for line in lines), options)
    return 1 if figures else 0


def cmd_bind(options: argparse.Namespace) -> int:
    from factcheck import rewrite

    settings = read_settings(options.docs_dir, conf=options.config, facts=options.facts)
    report = _check_project(Target(options.docs_dir, None), options)
    edits: dict[Path, list[tuple[Any, str]]] = {}
    for figure in report.unbound:
        fits = _candidates(report, figure)
        if len(fits) == 1:
            edits.setdefault(Path(figure.path), []).append((figure, fits[0].fact.id))
    plans = []
    for path, bound in sorted(edits.items()):
        source = rewrite.read_source(path)
        syntax = settings.suffixes.get(path.suffix, "restructuredtext")
        changes = []
        for figure, fact_id in bound:
            span = rewrite.Edit.at(source.text, figure.line, figure.column, figure.text, "")
            changes.append(rewrite.role_edit(source.text, span.start, span.end, fact_id, syntax))
        plans.append(rewrite.plan(path, changes, label=display_path(path)))
    diff = "".join(plan.diff for plan in plans)
    count = sum(len(bound) for bound in edits.values())
    if options.write:
        for plan in plans:
            rewrite.write(plan)
        _note(f"bound {count} figure{'s' if count != 1 else ''} in {len(plans)} "
              f"file{'s' if len(plans) != 1 else ''}" if plans else "nothing to bind")
        return 0
    _emit(diff, options)
    return 1 if plans else 0


def cmd_facts(options: argparse.Namespace) -> int:
    settings = read_settings(options.docs_dir, conf=options.config, facts=options.facts)
    shown = display_path(settings.facts)
    try:
        facts_file = load_facts(settings.facts)
    except UnicodeDecodeError as exc:
        raise InputError(f"{shown}: not UTF-8 text (byte {exc.start})") from None
    if facts_file.problems and not facts_file.facts:
        problem = facts_file.problems[0]
        raise InputError(f"{shown}:{problem.line}: {problem.message}" if problem.line
                         else f"{shown}: {problem.message}")
    problems = [Finding(Subtype.FACTS_FILE, p.message, str(settings.facts), p.line)
                for p in facts_file.problems]
    stated = _statements(_check_project(Target(options.docs_dir, None), options)) \
        if _engine_available() else None
    records = [_fact_record(fact, facts_file, stated) for fact in facts_file.facts.values()]
    if options.format == "json":
        data = {**_tool("factcheck-facts"), "facts_file": shown, "facts": records,
                "problems": [_problem(p) for p in problems]}
        _emit(dump_json(data), options)
    else:
        _emit(_facts_text(records), options)
        if problems:
            sys.stderr.write(render(problems, "text"))
    return 1 if problems else 0


def _engine_available() -> bool:
    return importlib.util.find_spec("factcheck.project") is not None


def _fact_record(fact: Fact, facts_file: FactsFile,
                 stated: dict[str, list[dict[str, Any]]] | None) -> dict[str, Any]:
    return {
        "id": fact.id, "value": fact.written, "kind": fact.value.kind, "label": fact.label,
        "source": fact.source, "pages": fact.pages, "note": fact.note,
        "defined_at": {"path": display_path(facts_file.path), "line": fact.line},
        # None: this version cannot tell where facts are stated (no Sphinx-free checker).
        "stated_at": None if stated is None else stated.get(fact.id, []),
    }


def _problem(finding: Finding) -> dict[str, Any]:
    return {**finding.as_dict(), "path": display_path(finding.path)}


def _facts_text(records: list[dict[str, Any]]) -> str:
    lines = []
    for rec in records:
        lines.append(f"{printable(rec['id'])} = {printable(rec['value'])} ({rec['kind']})")
        lines.append(f"    {printable(rec['label'])}")
        if rec["source"]:
            pages = f", pp. {printable(rec['pages'])}" if rec["pages"] else ""
            lines.append(f"    source: {printable(rec['source'])}{pages}")
        where = rec["defined_at"]
        lines.append(f"    defined at {printable(where['path'])}:{where['line']}")
        if rec["stated_at"] is not None:
            places = ", ".join(f"{printable(s['path'])}:{s['line']}:{s['column']}"
                               for s in rec["stated_at"])
            lines.append(f"    stated at {places or '(nowhere)'}")
    return "".join(f"{line}\n" for line in lines)


def cmd_schema(options: argparse.Namespace) -> int:
    from factcheck.schema import schema_data, schema_text

    if options.format == "json":
        _emit(dump_json({**_tool("factcheck-schema"), "tables": schema_data()}), options)
    else:
        _emit(schema_text(), options)
    return 0


def _tool(kind: str) -> dict[str, Any]:
    return {"tool": {"name": "factcheck", "version": __version__}, "format": kind,
            "format_version": 1}


def _emit(text: str, options: argparse.Namespace) -> None:
    if options.output:
        Path(options.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


# --------------------------------------------------------------------------- arguments

_EXAMPLES = {
    "check": """\
examples:
  factcheck check docs                         # the whole site, as file:line:col: subtype: message
  factcheck check docs/treaty.md docs/bases.md # only these pages (what pre-commit passes)
  factcheck check docs --format sarif --output factcheck.sarif
  factcheck check docs --format github         # annotations in a GitHub Actions log

exit status: 0 nothing found, 1 findings, 2 usage or input error""",
    "suggest": """\
example:
  factcheck suggest docs      # each unbound figure, with the facts that fit it, best first""",
    "bind": """\
examples:
  factcheck bind docs         # role markup for each figure exactly one fact fits, as a diff
  factcheck bind docs --write # make those edits (a second run then finds nothing to bind)""",
    "facts": """\
examples:
  factcheck facts docs                 # every fact: id, value, label, source, where it is defined
  factcheck facts docs --format json   # the same as JSON
  factcheck facts --facts other.yaml   # another facts file""",
    "schema": """\
examples:
  factcheck schema                 # facts-file keys, value kinds, config values, warning subtypes
  factcheck schema --format json""",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check the figures and dates in a Sphinx project's prose against its facts "
                    "file, without a Sphinx build.",
        epilog="Run 'factcheck COMMAND --help' for a command's options and an example.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    project = argparse.ArgumentParser(add_help=False)
    group = project.add_argument_group("project")
    group.add_argument("--config", type=Path, metavar="CONF_PY",
                       help="read the settings from this conf.py instead of DOCS_DIR/conf.py")
    group.add_argument("--facts", type=Path, metavar="PATH",
                       help="use this facts file instead of the one conf.py names")
    group.add_argument("--cache-dir", type=Path, metavar="DIR",
                       help="keep results between runs here (default: .factcheck_cache, or "
                            "$FACTCHECK_CACHE_DIR)")
    group.add_argument("--no-cache", action="store_true",
                       help="read and judge everything again, keep nothing")
    output = argparse.ArgumentParser(add_help=False)
    out = output.add_argument_group("output")
    out.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    out.add_argument("--traceback", action="store_true",
                     help="show the Python traceback of an unexpected error")
    docs_dir: dict[str, Any] = {"nargs": "?", "type": Path, "default": Path("."),
                                "help": "the Sphinx source directory (default: .)"}

    def command(name: str, run: Callable[[argparse.Namespace], int], help_text: str,
                formats: Sequence[str] = (), *, reads_project: bool = True
                ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text,
                                  epilog=_EXAMPLES[name],
                                  parents=[project, output] if reads_project else [output],
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        if formats:
            sub.add_argument("--format", "-f", choices=formats, default=formats[0],
                             help=f"output format (default: {formats[0]})")
        sub.set_defaults(run=run)
        if not reads_project:
            sub.set_defaults(config=None, facts=None)
        if not formats:
            sub.set_defaults(format="text")
        return sub

    check = command("check", cmd_check, "check the sources without a Sphinx build", FORMATS)
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="a docs directory (default: .) and/or files of it to check")
    command("suggest", cmd_suggest, "list the facts that fit each unbound figure",
            ("text", "json")).add_argument("docs_dir", **docs_dir)
    bind = command("bind", cmd_bind, "write the role markup for unbound figures (a diff)")
    bind.add_argument("docs_dir", **docs_dir)
    bind.add_argument("--write", action="store_true", help="edit the files instead of "
                      "printing the diff")
    command("facts", cmd_facts, "list every fact of the facts file",
            ("text", "json")).add_argument("docs_dir", **docs_dir)
    command("schema", cmd_schema, "print the facts-file keys, value kinds, config values and "
            "warning subtypes", ("text", "json"), reads_project=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # A label may hold characters the terminal's encoding lacks: never fail on printing them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (argparse exits 2)
        return int(exc.code or 0)
    try:
        return options.run(options)
    except InputError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        # The reader went away (factcheck ... | head): stop quietly, and keep Python's final
        # flush of stdout from complaining about the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        return _fail(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc))
    except UnicodeDecodeError as exc:
        return _fail(f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if options.traceback:
            raise
        return _fail(f"unexpected {type(exc).__name__}: {exc} (run again with --traceback "
                     "and report it)")


def _fail(message: str) -> int:
    print(f"factcheck: error: {printable(message)}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())

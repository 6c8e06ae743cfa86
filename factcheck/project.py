"""Check a Sphinx project's sources without a Sphinx build: the engine of ``factcheck check``.

The sources are found as Sphinx finds them (source suffixes, ``exclude_patterns``), parsed with
docutils and MyST's docutils parser — Sphinx's own directives and roles replaced by stand-ins
(:mod:`factcheck.standins`) — and then handed to exactly the code the extension uses:
:func:`factcheck.blocks.blocks_of`, :func:`factcheck.mentions.mentions_of_blocks` and
:func:`factcheck.verdicts.judge`.  The findings are therefore those of a Sphinx build (a parity test
holds the two to it on this site and on every test root), at a fraction of the cost: no
environment, no extension of the project is loaded, nothing is written.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any

from docutils import nodes

from factcheck.blocks import blocks_of
from factcheck.facts import FactsFile
from factcheck.findings import Finding, Subtype
from factcheck.mentions import Mention, ScanSettings, mentions_of_blocks
from factcheck.reading.lexicon import Lexicon, lexicon_for
from factcheck.rules import rule_findings, rules_for
from factcheck.settings import InputError, Settings, date_format_problem, read_settings
from factcheck.verdicts import (
    as_reported,
    facts_file_findings,
    judge,
    source_findings,
    unused_findings,
    verdict_key,
)

__all__ = ["InputError", "ProjectReport", "check_project"]

#: What Sphinx always leaves out of a project (``sphinx.project.EXCLUDE_PATHS``).
EXCLUDE_PATHS = ("**/_sources", ".#*", "**/.#*", "*.lproj/**")


@dataclass
class ProjectReport:
    """What ``factcheck check`` found in one docs directory."""

    settings: Settings
    facts_file: FactsFile
    findings: list[Finding] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def lexicon(self) -> Lexicon:
        return lexicon_for(self.settings.house_locale, self.settings.date_order)

    @property
    def unbound(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "unbound"]


def check_project(docs_dir: Path, *, files: list[Path] | None = None, conf: Path | None = None,
                  facts: Path | None = None, cache_dir: Path | None = None) -> ProjectReport:
    """The findings of the project in ``docs_dir`` (of only ``files``, when given).

    ``cache_dir`` keeps results between runs (:mod:`factcheck.cache`); ``None`` keeps nothing.
    Raises :class:`~factcheck.settings.InputError` for a conf.py that cannot be read, and for a
    facts file that cannot be read at all (missing, not YAML, not UTF-8).
    """
    from factcheck.cache import Cache

    settings = read_settings(Path(docs_dir), conf=conf, facts=facts)
    cache = Cache(cache_dir, settings.srcdir)
    facts_file = _facts(settings.facts, cache)
    _refuse_unreadable(facts_file)
    sources = discover(settings) if files is None else [Path(f).resolve() for f in files]
    report = ProjectReport(settings, facts_file, files=sources)
    if not settings.enabled:
        return report
    scan = ScanSettings(locale=settings.house_locale, date_order=settings.date_order,
                        number_words=settings.number_words,
                        exempt=tuple(sorted(dict(settings.exempt).items())),
                        identifier_rules=rules_for(dict(settings.identifiers),
                                                   list(settings.disable_identifiers)))
    reading = repr((scan, settings.skip_directives, settings.myst_enable_extensions,
                    settings.suffixes, settings.exclude_docs))
    page_findings: list[Finding] = []
    keys = set()
    for source in sources:
        key = _page_key(source, reading)
        keys.add(key)
        mentions = cache.get("mentions", key)
        if mentions is None:
            mentions = _mentions(source, settings, scan)
            cache.put("mentions", key, mentions)
        report.mentions.extend(mentions)
        page_findings.extend(_judged(key, mentions, report, scan, cache))
    if files is None:  # a whole run: forget pages that are gone or changed
        cache.keep_only("mentions", keys)
        cache.keep_only("findings", keys)
    report.findings = _findings(report, page_findings, whole=files is None)
    cache.save()
    return report


def _facts(path: Path, cache: Any) -> FactsFile:
    """The facts file, parsed or (same bytes as last time) taken from the cache."""
    from factcheck.cache import digest
    from factcheck.facts import FactsProblem, read_facts_bytes, read_source

    data = read_source(path)
    if isinstance(data, FactsProblem):
        return read_facts_bytes(path, data)
    key = (str(path), digest(data))
    facts_file = cache.get("facts", key)
    if facts_file is None:
        facts_file = read_facts_bytes(path, data)
        cache.data["facts"] = {}  # only the current file is worth keeping
        cache.put("facts", key, facts_file)
    return facts_file  # type: ignore[no-any-return]


def _page_key(source: Path, reading: str) -> tuple[str, str, str]:
    from factcheck.cache import digest

    try:
        data = source.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    return str(source), digest(data), digest(reading.encode())


def _judged(key: tuple[str, str, str], mentions: list[Mention], report: ProjectReport,
            scan: ScanSettings, cache: Any) -> list[Finding]:
    """The findings of one page's mentions, judged or (nothing they depend on changed) cached."""
    depends = (key, scan.locale, scan.date_order,
               verdict_key({i for m in mentions for i in m.fact_ids}, report.facts_file))
    kept = cache.get("findings", key)
    if kept is not None and kept[0] == depends:
        return kept[1]  # type: ignore[no-any-return]
    lexicon = scan.lexicon
    findings = [f for m in sorted(mentions, key=lambda m: (m.line, m.column))
                if (f := judge(m, report.facts_file, lexicon)) is not None]
    cache.put("findings", key, (depends, findings))
    return findings


_BIB_KEY = re.compile(r"@(?!comment|string|preamble)\w+\s*[{(]\s*([^,\s]+)\s*,", re.IGNORECASE)


def bibliography_keys(settings: Settings) -> set[str] | None:
    """The entry keys of the project's BibTeX files (``bibtex_bibfiles``), or ``None`` when the
    project has no bibliography (sphinxcontrib-bibtex is not among its extensions)."""
    if "sphinxcontrib.bibtex" not in settings.extensions:
        return None
    keys: set[str] = set()
    for name in settings.bibtex_bibfiles:
        try:
            text = (settings.srcdir / name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{settings.srcdir / name}: cannot read the bibliography: "
                             f"{exc}") from None
        keys.update(_BIB_KEY.findall(text))
    return keys


def _refuse_unreadable(facts_file: FactsFile) -> None:
    if facts_file.facts or not facts_file.problems:
        return
    problem = facts_file.problems[0]
    if problem.line == 0 or problem.message.startswith(("malformed YAML", "the facts file")):
        where = f"{facts_file.path}:{problem.line}" if problem.line else str(facts_file.path)
        raise InputError(f"{where}: {problem.message}")


def discover(settings: Settings) -> list[Path]:
    """The source files of the project, as Sphinx finds them."""
    from sphinx.util.matching import get_matching_files

    srcdir = settings.srcdir
    suffixes = tuple(settings.suffixes)
    exclude = [*settings.exclude_patterns, *settings.templates_path, *EXCLUDE_PATHS]
    found = []
    for name in get_matching_files(srcdir, ("**",), exclude):
        if str(name).endswith(suffixes):
            found.append((srcdir / name).resolve())
    return sorted(found)


def docname_of(source: Path, settings: Settings) -> str:
    relative = source.resolve().relative_to(settings.srcdir).as_posix()
    for suffix in sorted(settings.suffixes, key=len, reverse=True):
        if relative.endswith(suffix):
            return relative[: -len(suffix)]
    return relative


def _mentions(source: Path, settings: Settings, scan: ScanSettings) -> list[Mention]:
    try:
        docname = docname_of(source, settings)
    except ValueError:
        return []  # not under the source directory
    prose = not any(fnmatch(docname, pattern) for pattern in settings.exclude_docs)
    doctree = parse(source, settings)
    return mentions_of_blocks(blocks_of(doctree, str(source)), scan, scan=prose)


def parse(source: Path, settings: Settings) -> nodes.document:
    """``source`` as a doctree, parsed as Sphinx would parse it (MyST or reStructuredText)."""
    from docutils.core import publish_doctree

    from factcheck.standins import standins

    kind = settings.suffixes.get(source.suffix, "restructuredtext")
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{source}: cannot read: {exc}") from None
    parser, options = _parser(kind, tuple(sorted(settings.myst_enable_extensions)))
    with standins(frozenset(settings.skip_directives)):
        return publish_doctree(text, source_path=str(source), parser=parser,
                               settings=copy.copy(options))


@lru_cache(maxsize=4)
def _parser(kind: str, myst_extensions: tuple[str, ...]) -> tuple[Any, Any]:
    """A parser and its docutils settings, made once (building the settings costs as much as
    parsing a page)."""
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser as RstParser

    if kind == "markdown":
        from myst_parser.parsers.docutils_ import Parser

        parser: Any = Parser()
    else:
        parser = RstParser()
    options = get_default_settings(parser)
    overrides: dict[str, Any] = {
        "report_level": 5, "halt_level": 5, "warning_stream": io.StringIO(),
        "input_encoding": "utf-8-sig", "file_insertion_enabled": True, "raw_enabled": True,
        "line_length_limit": 10**7, "character_level_inline_markup": False,
        # Code is not prose: no need to highlight it (pygments would cost more than the parse).
        "syntax_highlight": "none",
        # As Sphinx parses: the first title stays a section title (so a field list after it is
        # prose, not docinfo), and quotes and dashes are typographic ("--" is a dash).
        "doctitle_xform": False, "smart_quotes": True,
    }
    if kind == "markdown":
        overrides["myst_enable_extensions"] = set(myst_extensions)
        overrides["myst_highlight_code_blocks"] = False
    for key, value in overrides.items():
        setattr(options, key, value)
    return parser, options


def _findings(report: ProjectReport, page_findings: list[Finding],
              whole: bool) -> list[Finding]:
    settings, facts_file = report.settings, report.facts_file
    findings: list[Finding] = []
    problem = date_format_problem(settings.date_format, settings.house_locale)
    if problem and settings.conf_path is not None:
        findings.append(Finding(Subtype.CONFIG, problem, str(settings.conf_path)))
    findings.extend(rule_findings(dict(settings.identifiers), list(settings.disable_identifiers),
                                  settings.conf_path))
    findings.extend(facts_file_findings(facts_file))
    findings.extend(source_findings(facts_file, bibliography_keys(settings)))
    findings.extend(sorted(page_findings, key=lambda f: (f.path, f.line, f.column)))
    if whole:
        used = {fact_id for m in report.mentions for fact_id in m.fact_ids}
        findings.extend(unused_findings(facts_file, used, settings.unused))
    return [as_reported(f, settings.strict) for f in findings]

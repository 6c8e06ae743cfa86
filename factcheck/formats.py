"""Findings as text, JSON, SARIF 2.1.0, JUnit XML or GitHub workflow commands.

Every format takes the same list of :class:`~factcheck.findings.Finding` and a *base* directory
(paths are shown relative to it when they lie under it, absolute otherwise).  Messages quote the
facts file's labels, which are text from a file anyone can edit, so no format lets a message
forge structure: text, JUnit and GitHub output have terminal escape sequences stripped and every
other control character (newlines included) spelled out as ``\\n``, ``\\x1b`` …; JSON and SARIF
rely on the ``json`` module's escaping plus ``\\uXXXX`` for the characters it leaves raw that a
terminal or a line-based reader would still act on.  Nothing here imports Sphinx.

The JSON object (``--format json``, ``factcheck_report_json``), version :data:`JSON_VERSION`::

    {"tool": {"name": "factcheck", "version": "0.1.0"},
     "format": "factcheck-findings", "format_version": 1,
     "files": ["docs/index.md", ...],          # what was checked, when known
     "findings": [{"path": "docs/index.md", "line": 8, "column": 5,
                   "subtype": "mismatch", "warning": "factcheck.mismatch",
                   "severity": "warning", "message": "...", "fact_id": "treaty-signed"}],
     "counts": {"total": 1, "warning": 1, "note": 0, "by_subtype": {"mismatch": 1}}}

``line`` and ``column`` are 1-based, 0 when unknown; ``severity`` is ``warning`` (fails the
check) or ``note`` (listed only).  New keys may be added within a format version; a key is never
removed or changed in meaning without a new one.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.findings import Finding, Subtype
from factcheck.schema import plain

#: The formats ``factcheck check --format`` writes.
FORMATS = ("text", "json", "sarif", "junit", "github")
TOOL = "factcheck"
#: The version of the JSON report's layout (``format_version``).
JSON_VERSION = 1
#: Where a SARIF consumer learns what the tool is (``tool.driver.informationUri``).
INFORMATION_URI = "https://factcheck.readthedocs.io/"
SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")

# ECMA-48 escape sequences (CSI with ESC [ or the 8-bit 0x9b, OSC up to BEL or ST, and the
# two-byte ones): a label must not recolour, retitle or rewrite the terminal it is printed on.
_ANSI = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
# Characters that end a line, move the cursor or reorder text: C0, DEL, C1, the Unicode line and
# paragraph separators, the bidirectional overrides ("Trojan Source"), and lone surrogates (from
# undecodable file names) that no encoder accepts.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# What json.dumps(ensure_ascii=False) leaves raw that _UNSAFE covers (it escapes C0 itself; the
# newlines of indent= are structure and must stay).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` on one line and inert: escape sequences removed, control characters spelled out."""
    return _UNSAFE.sub(_spell, _ANSI.sub("", text))


def _spell(match: re.Match[str]) -> str:
    char = match[0]
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100
                                else f"\\u{ord(char):04x}")


def display_path(path: str | os.PathLike[str], base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the working directory) when under it, with ``/``."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(os.path.abspath(base or Path.cwd())).as_posix()
    except ValueError:
        return absolute.as_posix()


def render(findings: Sequence[Finding], fmt: str, *, base: Path | None = None,
           files: Iterable[str | os.PathLike[str]] = ()) -> str:
    """``findings`` in format ``fmt`` (one of :data:`FORMATS`); ``files`` are the files checked
    (JUnit gives each a test case; JSON lists them).  The result ends with a newline unless empty.
    """
    base = Path(os.path.abspath(base or Path.cwd()))
    ordered = sorted(findings, key=Finding.sort_key)
    checked = [display_path(f, base) for f in files]
    if fmt == "text":
        return "".join(f"{line}\n" for line in text_lines(ordered, base))
    if fmt == "json":
        return dump_json(json_report(ordered, base, checked))
    if fmt == "sarif":
        return dump_json(sarif_log(ordered, base))
    if fmt == "junit":
        return junit_xml(ordered, base, checked)
    if fmt == "github":
        return "".join(f"{line}\n" for line in github_lines(ordered, base))
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


# --------------------------------------------------------------------------- text


def where(finding: Finding, base: Path) -> str:
    """``file:line:col`` as compilers print it (no line or column when unknown)."""
    parts = [printable(display_path(finding.path, base))]
    if finding.line:
        parts.append(str(finding.line))
        if finding.column:
            parts.append(str(finding.column))
    return ":".join(parts)


def text_lines(findings: Iterable[Finding], base: Path) -> list[str]:
    lines = []
    for finding in findings:
        kind = finding.subtype.value
        if finding.severity != "warning":
            kind += f" ({finding.severity})"
        lines.append(f"{where(finding, base)}: {kind}: {printable(finding.message)}")
    return lines


def summary(findings: Sequence[Finding]) -> str:
    """``3 findings (2 warnings, 1 note)``, for the end of a text report."""
    counts = Counter(f.severity for f in findings)
    if not findings:
        return "no findings"
    parts = [f"{n} {severity}{'s' if n != 1 else ''}" for severity, n in sorted(counts.items())]
    total = len(findings)
    return f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"


# --------------------------------------------------------------------------- JSON


def dump_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # json escapes C0 but leaves DEL, C1, U+2028/9 and the bidi controls raw; inside a JSON
    # string \uXXXX means the same character and cannot act on a terminal or a line reader.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n"


def json_report(findings: Sequence[Finding], base: Path, files: Sequence[str] = ()) -> dict:
    records = []
    for finding in findings:
        record = finding.as_dict()
        record["path"] = display_path(finding.path, base)
        record["warning"] = f"factcheck.{finding.subtype.value}"
        records.append(record)
    severities = Counter(f.severity for f in findings)
    return {
        "tool": {"name": TOOL, "version": __version__},
        "format": "factcheck-findings",
        "format_version": JSON_VERSION,
        "files": list(files),
        "findings": records,
        "counts": {
            "total": len(findings),
            "warning": severities["warning"],
            "note": severities["note"],
            "by_subtype": dict(sorted(Counter(f.subtype.value for f in findings).items())),
        },
    }


# --------------------------------------------------------------------------- SARIF

_SARIF_LEVELS = {"warning": "warning", "note": "note", "error": "error"}
# What a finding of each kind is when nothing is configured (the strict and unused settings
# decide per build; each result says its own level).
_DEFAULT_LEVELS = {Subtype.UNBOUND: "note", Subtype.UNUSED: "note"}


def sarif_rule_id(subtype: Subtype) -> str:
    return f"factcheck/{subtype.value}"


def sarif_log(findings: Sequence[Finding], base: Path) -> dict:
    subtypes = list(Subtype)
    rules = [
        {
            "id": sarif_rule_id(subtype),
            "name": "".join(word.capitalize() for word in subtype.value.split("-")),
            "shortDescription": {"text": plain(subtype.description)},
            "defaultConfiguration": {"level": _DEFAULT_LEVELS.get(subtype, "warning")},
            "properties": {"warning": f"factcheck.{subtype.value}"},
        }
        for subtype in subtypes
    ]
    results = []
    for finding in findings:
        result: dict[str, Any] = {
            "ruleId": sarif_rule_id(finding.subtype),
            "ruleIndex": subtypes.index(finding.subtype),
            "level": _SARIF_LEVELS.get(finding.severity, "warning"),
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": _physical_location(finding, base)}],
        }
        if finding.fact_id:
            result["properties"] = {"factId": finding.fact_id}
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": TOOL,
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": base.as_uri().rstrip("/") + "/"}},
            # Columns count characters, as Python strings do, not UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _physical_location(finding: Finding, base: Path) -> dict[str, Any]:
    shown = display_path(finding.path, base)
    if Path(shown).is_absolute():  # outside the base: an absolute file URI, no base id
        artifact = {"uri": Path(shown).as_uri()}
    else:
        artifact = {"uri": quote(shown), "uriBaseId": "%SRCROOT%"}
    location: dict[str, Any] = {"artifactLocation": artifact}
    if finding.line:
        region = {"startLine": finding.line}
        if finding.column:
            region["startColumn"] = finding.column
        location["region"] = region
    return location


# --------------------------------------------------------------------------- JUnit


def junit_xml(findings: Sequence[Finding], base: Path, files: Sequence[str] = ()) -> str:
    """One ``testsuite``; a ``testcase`` per checked file, a ``failure`` per warning in it (notes
    go to the case's ``system-out``); a single passing case when nothing was checked or found."""
    by_file: dict[str, list[Finding]] = {name: [] for name in files}
    for finding in findings:
        by_file.setdefault(display_path(finding.path, base), []).append(finding)
    if not by_file:
        by_file[TOOL] = []
    failed = sum(any(f.severity == "warning" for f in found) for found in by_file.values())
    counts = {"tests": str(len(by_file)), "failures": str(failed), "errors": "0",
              "skipped": "0", "time": "0"}
    suites = ET.Element("testsuites", {"name": TOOL, **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": TOOL, **counts})
    for name, found in by_file.items():
        case = ET.SubElement(suite, "testcase", {"classname": TOOL, "name": printable(name),
                                                 "file": printable(name), "time": "0"})
        notes = []
        for finding in found:
            line = text_lines([finding], base)[0]
            if finding.severity != "warning":
                notes.append(line)
                continue
            failure = ET.SubElement(case, "failure", {
                "type": f"factcheck.{finding.subtype.value}",
                "message": printable(finding.message),
            })
            failure.text = line
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


# --------------------------------------------------------------------------- GitHub


def github_lines(findings: Iterable[Finding], base: Path) -> list[str]:
    """Workflow commands (``::warning file=…,line=…::message``), one line per finding."""
    lines = []
    for finding in findings:
        command = "warning" if finding.severity == "warning" else "notice"
        properties = {"file": display_path(finding.path, base)}
        if finding.line:
            properties["line"] = str(finding.line)
            if finding.column:
                properties["col"] = str(finding.column)
        properties["title"] = f"factcheck.{finding.subtype.value}"
        props = ",".join(f"{key}={_github_property(value)}" for key, value in properties.items())
        lines.append(f"::{command} {props}::{_github_data(finding.message)}")
    return lines


def _github_data(text: str) -> str:
    # GitHub's own escaping (toolkit/core's escapeData): '%' first, then CR and LF.
    text = printable(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    # escapeProperty: the data escapes plus ':' and ',', which separate properties.
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")

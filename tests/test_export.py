"""Report files from a Sphinx build: factcheck_report_json and factcheck_report_sarif."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from sarif import sarif_errors
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from factcheck.formats import display_path

_LOGGED = re.compile(r"^(?P<path>/.+?):(?P<line>\d*): (?:WARNING: (?P<message>.*) "
                     r"\[factcheck\.(?P<sub>[\w-]+)\]|factcheck note: (?P<note>.*))$")


def logged(app: SphinxTestApp) -> list[tuple[str, int, str, str, str]]:
    """Every finding the build logged: (path, line, subtype or 'note', severity, message)."""
    found = []
    for line in strip_colors(app.warning.getvalue() + app.status.getvalue()).splitlines():
        match = _LOGGED.match(line)
        if match:
            severity = "warning" if match["sub"] else "note"
            found.append((display_path(match["path"]), int(match["line"] or 0),
                          match["sub"] or "note", severity, match["message"] or match["note"]))
    return found


@pytest.mark.sphinx("html", testroot="findings", freshenv=True,
                    confoverrides={"factcheck_report_json": "_reports/factcheck.json",
                                   "factcheck_report_sarif": "_reports/factcheck.sarif"})
def test_build_writes_what_it_logged_as_json_and_sarif(app: SphinxTestApp,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    srcdir = Path(app.srcdir)
    monkeypatch.chdir(srcdir.parent)  # as CI builds from the repository root
    app.build()
    data = json.loads((srcdir / "_reports" / "factcheck.json").read_text(encoding="utf-8"))
    reported = sorted((f["path"], f["line"],
                       "note" if f["severity"] == "note" else f["subtype"], f["severity"],
                       f["message"]) for f in data["findings"])
    assert reported == sorted(logged(app))
    assert data["counts"]["warning"] == 10 and data["counts"]["note"] == 1
    assert {f["subtype"] for f in data["findings"]} == {
        "facts-file", "mismatch", "unbound", "unknown-id", "unreadable", "exemption", "unused"}

    log = json.loads((srcdir / "_reports" / "factcheck.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(log) == []
    results = log["runs"][0]["results"]
    assert len(results) == len(data["findings"])
    locations = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                  r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"])
                 for r in results}
    # Relative to the build's working directory, which code scanning resolves against.
    assert locations == {(f"{srcdir.name}/{name}", "%SRCROOT%")
                         for name in ("facts.yaml", "index.md", "page.rst")}


@pytest.mark.sphinx("html", testroot="basic", freshenv=True,
                    confoverrides={"factcheck_report_json": "factcheck.json"})
def test_a_clean_build_writes_an_empty_report(app: SphinxTestApp) -> None:
    app.build()
    data = json.loads((Path(app.srcdir) / "factcheck.json").read_text(encoding="utf-8"))
    assert data["counts"]["warning"] == 0
    assert [f for f in data["findings"] if f["severity"] == "warning"] == []


def test_unwritable_report_is_a_config_warning(make_app, rootdir: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for item in (rootdir / "test-basic").iterdir():
        (src / item.name).write_bytes(item.read_bytes())
    (src / "blocked").write_text("a file where a directory should be", encoding="utf-8")
    app = make_app("html", srcdir=src, freshenv=True,
                   confoverrides={"factcheck_report_json": "blocked/factcheck.json"})
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    assert "factcheck_report_json: cannot write the report" in warnings
    assert "[factcheck.config]" in warnings
    assert not os.path.exists(src / "blocked" / "factcheck.json")

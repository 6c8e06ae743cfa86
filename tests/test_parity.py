"""Parity: ``factcheck check`` (no Sphinx build) reports what a Sphinx build reports.

For this site and every test root, the set of (file, line, subtype, severity) of the command
line's findings equals that of a real Sphinx build's warnings and notes.  Both run the same core
(blocks → mentions → verdicts); this test holds the two ways of reading a page to it.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from factcheck.project import check_project

ROOTS = Path(__file__).parent / "roots"
DOCS = Path(__file__).parent.parent / "docs"
_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d*):? (?:WARNING: .*\[factcheck\.(?P<sub>[\w-]+)\]"
                   r"|factcheck note: (?P<note>.*))$")

Place = tuple[str, int, str, str]


def sphinx_findings(srcdir: Path, builddir: Path) -> set[Place]:
    app = SphinxTestApp("dummy", srcdir=srcdir, builddir=builddir, freshenv=True,
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    found = set()
    for line in strip_colors(app.warning.getvalue() + app.status.getvalue()).splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        path = str(Path(match["path"]).resolve().relative_to(srcdir.resolve()))
        if match["note"] is not None:
            subtype = "unused" if "is never stated or rendered" in match["note"] else "unbound"
            found.add((path, int(match["line"] or 0), subtype, "note"))
        else:
            found.add((path, int(match["line"] or 0), match["sub"], "warning"))
    return found


def cli_findings(srcdir: Path) -> set[Place]:
    report = check_project(srcdir)
    return {(str(Path(f.path).resolve().relative_to(srcdir.resolve())), f.line, f.subtype.value,
             f.severity) for f in report.findings}


def _roots() -> list[str]:
    return sorted(p.name for p in ROOTS.iterdir() if p.name.startswith("test-"))


@pytest.mark.parametrize("root", _roots())
def test_the_command_line_finds_what_sphinx_finds_on_every_test_root(
        root: str, tmp_path: Path) -> None:
    srcdir = tmp_path / root
    shutil.copytree(ROOTS / root, srcdir)
    expected = sphinx_findings(srcdir, tmp_path / "_build")
    assert cli_findings(srcdir) == expected


@pytest.mark.slow
def test_the_command_line_finds_what_sphinx_finds_on_this_site(tmp_path: Path) -> None:
    srcdir = tmp_path / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    shutil.copy(DOCS.parent / "CITATION.cff", tmp_path)  # conf.py reads the edition from it
    # A drifted figure and an unbound one, so that parity is about findings, not silence.
    page = srcdir / "bases.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{fact}`18,786 <bases-personnel>` military personnel",
                                 "{fact}`18,787 <bases-personnel>` military personnel", 1)
                    + "\nIn all, 42 more were planned.\n", encoding="utf-8")
    expected = sphinx_findings(srcdir, tmp_path / "_build")
    assert {(p, s) for p, _, s, _ in expected} >= {("bases.md", "mismatch"),
                                                    ("bases.md", "unbound")}
    assert cli_findings(srcdir) == expected

"""Shared fixtures: Sphinx's own test fixtures, our test roots, the skip-or-fail rule, and the
parsing of factcheck's warnings out of a build's log."""

from __future__ import annotations

import os
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``test-<name>/`` projects."""
    return ROOTS


@pytest.fixture(scope="session")
def site_app(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The real ``docs/`` built once per test session (HTML, fresh environment), its log
    captured; the tests that read the built site share it and never write into it."""
    app = SphinxTestApp(buildername="html", srcdir=REPO / "docs",
                        builddir=tmp_path_factory.mktemp("site"), freshenv=True,
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def require_tool(name: str) -> str:
    """Path of a system tool; skip without it, or fail when FACTCHECK_REQUIRE_ALL=1 (CI)."""
    path = shutil.which(name)
    if path:
        return path
    message = (
        f"{name} is not installed; the PDF edition needs the TeX packages that "
        "`bash .ci/install-system-packages` installs (README, 'PDF edition')"
    )
    if os.environ.get("FACTCHECK_REQUIRE_ALL") == "1":
        pytest.fail(f"FACTCHECK_REQUIRE_ALL=1 but {message}")
    pytest.skip(message)


def langspan_project(tmp_path: Path, index_md: str, extra_conf: str = "") -> Path:
    """A one-page MyST project using the site's ``langspan`` extension; returns its srcdir."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO / 'docs' / '_ext')!r})\n"
        "extensions = ['myst_parser', 'langspan']\n" + extra_conf,
        encoding="utf-8",
    )
    (src / "index.md").write_text(index_md, encoding="utf-8")
    return src


# --------------------------------------------------------------------------- warnings

_WARNING = re.compile(
    r"^(?P<path>.+?)(?::(?P<line>\d+))?: WARNING: (?P<message>.*) \[factcheck\.(?P<sub>[\w-]+)\]$"
)
_NOTE = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+))?: factcheck note: (?P<message>.*)$")

Finding = tuple[str, int, str, str]


def _parse(stream: str, pattern: re.Pattern[str], srcdir: Path, subtype: str | None) -> list:
    found = []
    prefix = f"{srcdir}{os.sep}"
    for line in strip_colors(stream).splitlines():
        match = pattern.match(line)
        if match is None:
            continue
        path = match["path"].removesuffix(":")  # "file:" is Sphinx's spelling of "no line"
        assert path.startswith(prefix), line  # an absolute source path
        found.append((path[len(prefix):], int(match["line"] or 0),
                      match.groupdict().get("sub") or subtype, match["message"]))
    return found


def warnings_of(app: SphinxTestApp) -> list[Finding]:
    """Every factcheck warning of the build, in the order logged."""
    return _parse(app.warning.getvalue(), _WARNING, Path(app.srcdir), None)


def notes_of(app: SphinxTestApp) -> list[Finding]:
    """Every factcheck note of the status log (subtype given as 'note')."""
    return _parse(app.status.getvalue(), _NOTE, Path(app.srcdir), "note")


def short(findings: list[Finding]) -> list[tuple[str, int, str]]:
    return [(path, line, subtype) for path, line, subtype, _ in findings]


def unbound(figure: str) -> str:
    return (f"unbound figure {figure!r}: bind it to a fact with {{fact}}`{figure} <id>` or "
            f"exempt it with {{nofact}}`{figure} <reason>`")


def html(app: SphinxTestApp, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")

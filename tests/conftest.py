"""Shared fixtures: Sphinx's own test fixtures, our test roots, and the skip-or-fail rule."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds ``test-<name>/`` projects."""
    return ROOTS


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

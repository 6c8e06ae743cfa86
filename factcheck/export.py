"""Write a Sphinx build's findings to the report files its configuration names.

``factcheck_report_json`` and ``factcheck_report_sarif`` (paths relative to the source
directory) receive the same JSON and SARIF as ``factcheck check --format json|sarif``, so one CI
step can build the site and upload the report.  Called by :mod:`factcheck.report` once the
findings are logged; a file that cannot be written is a ``factcheck.config`` warning, not a crash.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from factcheck.findings import Finding, Subtype
from factcheck.formats import render
from factcheck.rewrite import write_atomic

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Configuration value -> format written there.
REPORTS = {"factcheck_report_json": "json", "factcheck_report_sarif": "sarif"}


def export_findings(app: Sphinx, findings: Sequence[Finding]) -> list[Path]:
    """Write every configured report; return the paths written."""
    written = []
    srcdir = Path(app.srcdir)
    for name, fmt in REPORTS.items():
        target = getattr(app.config, name)
        if not target:
            continue
        path = (srcdir / target).resolve()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Paths in the report are relative to the working directory of the build (the
            # repository root in CI), which is what code scanning resolves them against.
            write_atomic(path, render(findings, fmt).encode("utf-8"))
        except OSError as exc:
            logger.warning("%s: cannot write the report: %s", name, exc.strerror or exc,
                           type="factcheck", subtype=Subtype.CONFIG.value)
            continue
        written.append(path)
    return written

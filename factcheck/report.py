"""Report the findings through Sphinx logging, once per build, after all pages are read.

Reporting runs on ``env-updated``: in the main process, after parallel reads are merged, on every
build (also when no page changed, so an unchanged page keeps failing ``-W`` until it is fixed),
and before anything is written (``build-finished`` would be too late for ``-W``).  Findings are
sorted by page and line, so ``-j 2`` reports exactly what ``-j 1`` does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from factcheck.collector import get_domain
from factcheck.config import date_format_problem, scan_settings
from factcheck.export import export_findings
from factcheck.facts import FactsFile
from factcheck.findings import Finding, Subtype
from factcheck.rules import rule_findings
from factcheck.sources import bibliography_keys
from factcheck.state import facts_for
from factcheck.verdicts import (
    as_reported,
    facts_file_findings,
    judge,
    source_findings,
    unused_findings,
    verdict_key,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def report_findings(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: judge every mention and log the findings; return pages to rewrite."""
    domain = get_domain(env)
    facts_file = facts_for(env)
    domain.data["fingerprints"] = facts_file.fingerprints()
    if app.config.factcheck_enabled:
        strict = app.config.factcheck_strict
        findings = collect_findings(env, facts_file, Path(app.confdir) / "conf.py")
        used = set().union(*domain.data["uses"].values())
        findings.extend(unused_findings(facts_file, used, app.config.factcheck_unused))
        for finding in findings:
            emit(finding, strict)
        # The report files (factcheck_report_json/_sarif) hold exactly what was just logged.
        export_findings(app, [as_reported(f, strict) for f in findings])
    # Pages listing exemptions show data from every page: rewrite them on each build.
    return sorted(domain.data["list_pages"])


def collect_findings(env: BuildEnvironment, facts_file: FactsFile,
                     conf: Path | None = None) -> list[Finding]:
    """Every finding of the build, in a stable order: configuration, the facts file, then pages
    by name and line."""
    findings = []
    problem = date_format_problem(env.config)
    if problem:
        findings.append(Finding(Subtype.CONFIG, problem, str(env.srcdir / "conf.py")))
    config = env.config
    findings.extend(rule_findings(config.factcheck_identifiers,
                                  config.factcheck_disable_identifiers,
                                  conf))
    findings.extend(facts_file_findings(facts_file))
    findings.extend(source_findings(facts_file, bibliography_keys(env)))
    settings = scan_settings(env.config)
    lexicon = settings.lexicon
    domain = get_domain(env)
    kept = domain.data.setdefault("verdicts", {})
    for docname in sorted(domain.mentions):
        # A page's findings depend on its mentions and on the facts they name: judged again
        # only when the page was read again or one of those facts changed.
        # Kept as a digest: the key names every fact the page uses, and the environment that
        # holds it is loaded on every build.
        key = hashlib.sha256(repr((
            settings.locale, settings.date_order,
            verdict_key(domain.data["uses"].get(docname, set()), facts_file))).encode()).digest()
        if docname in kept and kept[docname][0] == key:
            findings.extend(kept[docname][1])
            continue
        page = []
        for mention in sorted(domain.mentions[docname], key=lambda m: (m.source, m.line,
                                                                       m.column)):
            finding = judge(mention, facts_file, lexicon)
            if finding is not None:
                page.append(finding)
        kept[docname] = (key, page)
        findings.extend(page)
    return findings


def emit(finding: Finding, strict: bool) -> None:
    if finding.severity == "note" or (finding.subtype is Subtype.UNBOUND and not strict):
        logger.info("%s: factcheck note: %s", finding.location, finding.message)
        return
    logger.warning(finding.message, type="factcheck", subtype=finding.subtype.value,
                   location=finding.location)

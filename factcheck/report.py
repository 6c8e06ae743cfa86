"""Report the findings through Sphinx logging, once per build, after all pages are read.

Reporting runs on ``env-updated``: in the main process, after parallel reads are merged, on every
build (also when no page changed, so an unchanged page keeps failing ``-W`` until it is fixed),
and before anything is written (``build-finished`` would be too late for ``-W``).  Findings are
sorted by page and line, so ``-j 2`` reports exactly what ``-j 1`` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from factcheck.collector import get_domain
from factcheck.config import facts_path, house_locale
from factcheck.export import export_findings, verdict_finding
from factcheck.facts import FactsFile, load_facts
from factcheck.findings import Finding, Subtype
from factcheck.verdicts import Verdict, judge

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def report_findings(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: judge every mention and log the findings; return pages to rewrite."""
    domain = get_domain(env)
    facts_file = load_facts(facts_path(env))
    domain.data["fingerprints"] = facts_file.fingerprints()
    if app.config.factcheck_enabled:
        verdicts = collect_verdicts(env, facts_file)
        for verdict in verdicts:
            emit(verdict, app.config.factcheck_strict)
        unused = _report_unused(env, facts_file, app.config.factcheck_unused)
        # The report files (factcheck_report_json/_sarif) hold exactly what was just logged.
        strict = app.config.factcheck_strict
        export_findings(app, [verdict_finding(v, strict) for v in verdicts] + unused)
    # Pages listing exemptions show data from every page: rewrite them on each build.
    return sorted(domain.data["list_pages"])


def collect_verdicts(env: BuildEnvironment, facts_file: FactsFile) -> list[Verdict]:
    """Every finding of the build, in a stable order: the facts file, then pages by name."""
    verdicts = [
        Verdict(Subtype.FACTS_FILE, problem.message, facts_file.location(problem.line))
        for problem in facts_file.problems
    ]
    locale = house_locale(env.config)
    mentions = get_domain(env).mentions
    for docname in sorted(mentions):
        for mention in sorted(mentions[docname], key=lambda m: (m["source"], m["line"])):
            verdict = judge(mention, facts_file, locale)
            if verdict is not None:
                verdicts.append(verdict)
    return verdicts


def emit(verdict: Verdict, strict: bool) -> None:
    if verdict.subtype is Subtype.UNBOUND and not strict:
        logger.info("%s: factcheck note: %s", verdict.location, verdict.message)
        return
    logger.warning(verdict.message, type="factcheck", subtype=verdict.subtype.value,
                   location=verdict.location)


def _report_unused(env: BuildEnvironment, facts_file: FactsFile, mode: str) -> list[Finding]:
    if mode == "off":
        return []
    used = {m.get("id") for mentions in get_domain(env).mentions.values() for m in mentions}
    found = []
    for fact in facts_file.facts.values():
        if fact.id in used:
            continue
        message = f"fact {fact.id!r} ({fact.label}) is never stated or rendered"
        location = facts_file.location(fact.line)
        if mode == "warning":
            logger.warning(message, type="factcheck", subtype=Subtype.UNUSED.value,
                           location=location)
        else:
            logger.info("%s: factcheck note: %s", location, message)
        found.append(Finding(Subtype.UNUSED, message, str(facts_file.path), fact.line,
                             fact_id=fact.id, severity="warning" if mode == "warning" else "note"))
    return found

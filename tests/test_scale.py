"""Incremental and parallel builds of a generated site: what is re-read, and what is reported.

The scale benchmark's figures are only worth something if a rebuild re-reads exactly the pages
that a change concerns and still reports every finding.  These tests build a small site from the
benchmark's own generator (``benchmarks/sitegen.py``), so the pages are the ones measured, and
ask Sphinx which documents it decided to read (``env-before-read-docs``) after each change:

- a fact's value edited: the pages that state or render it, and nothing else;
- a fact nobody uses added: nothing;
- the base of a derived fact edited: the base's pages and the derived fact's page;
- one page edited: that page;
- nothing changed: nothing, and every finding is reported again;
- ``-j 2`` from scratch reports what ``-j 1`` reports.
"""

from __future__ import annotations

import os
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from conftest import short, warnings_of
from sphinx.testing.util import SphinxTestApp
from test_sitegen import sitegen

PAGES = 8


def _build(srcdir: Path, builddir: Path, read: list[str], **kwargs) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, status=StringIO(),
                        warning=StringIO(), **kwargs)
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def _edit(path: Path, text: str) -> None:
    """Write ``text`` and move the mtime clearly forward, so that Sphinx notices."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    later = max(before, path.stat().st_mtime_ns) + 2 * 10**9
    os.utime(path, ns=(later, later))


def _stated_on(src: Path, fact_id: str) -> set[str]:
    """The pages whose text states ``fact_id`` (a role with the text as written)."""
    role = re.compile(r"\{fact\}`[^`]*<" + re.escape(fact_id) + r">`")
    return {str(p.relative_to(src).with_suffix("")) for p in src.rglob("*.md")
            if role.search(p.read_text(encoding="utf-8"))}


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, sitegen.SiteSummary]:
    summary = sitegen.generate_site(tmp_path / "site", pages=PAGES, seed=11)
    return tmp_path / "site", summary


def _shared_number_fact(src: Path, summary: sitegen.SiteSummary) -> tuple[str, str]:
    """A fact with a plain number value that is stated on two pages or more, and its value."""
    values = dict(re.findall(r"^([a-z0-9-]+):\n  value: ([0-9,]+)\n",
                             (src / "facts.yaml").read_text(encoding="utf-8"), re.M))
    for fact_id, users in sorted(summary.fact_users.items()):
        if fact_id in values and len(_stated_on(src, fact_id)) >= 2 and len(set(users)) >= 2:
            return fact_id, values[fact_id]
    raise AssertionError("the generator wrote no shared number fact")  # pragma: no cover


@pytest.mark.slow
def test_rebuilds_reread_exactly_the_pages_a_change_concerns(
        site: tuple[Path, sitegen.SiteSummary], tmp_path: Path) -> None:
    src, summary = site
    build = tmp_path / "_build"
    facts = src / "facts.yaml"
    fact_id, value = _shared_number_fact(src, summary)
    users = set(summary.fact_users[fact_id])

    read: list[str] = []
    first = _build(src, build, read, freshenv=True)
    everything = {str(p.relative_to(src).with_suffix("")) for p in src.rglob("*.md")}
    assert set(read) == everything and set(summary.pages) < everything
    assert warnings_of(first) == []

    # A fact's value changes: exactly its pages are read again, and each page that states the
    # old value now fails at the line where it does.
    new_value = value.replace(",", "") + "7"
    _edit(facts, facts.read_text(encoding="utf-8").replace(
        f"{fact_id}:\n  value: {value}\n", f"{fact_id}:\n  value: {new_value}\n"))
    read.clear()
    edited = _build(src, build, read)
    assert set(read) == users
    findings = short(warnings_of(edited))
    assert findings and {subtype for _, _, subtype in findings} == {"mismatch"}
    assert {path.removesuffix(".md") for path, _, _ in findings} == _stated_on(src, fact_id)
    for path, line, _ in findings:
        source_line = (src / path).read_text(encoding="utf-8").splitlines()[line - 1]
        assert f"<{fact_id}>" in source_line or value in source_line, (path, line)

    # Nothing changed: nothing is read, and every finding is reported again.
    read.clear()
    assert short(warnings_of(_build(src, build, read))) == findings
    assert read == []

    # A fact nobody uses: nothing is read.
    _edit(facts, facts.read_text(encoding="utf-8") + "nobody-uses-this:\n  value: 7\n  label: X\n")
    read.clear()
    assert short(warnings_of(_build(src, build, read))) == findings
    assert read == []

    # A derived fact, rendered on one page that does not use its base: editing the base reads
    # the base's pages and that page.
    other = next(p for p in summary.pages if p not in users)
    _edit(facts, facts.read_text(encoding="utf-8")
          + f"twice-that:\n  derive: {fact_id} * 2\n  label: Twice that\n")
    page = src / f"{other}.md"
    _edit(page, page.read_text(encoding="utf-8") + "\nTwice that is {fact}`twice-that`.\n")
    read.clear()
    _build(src, build, read)
    assert read == [other]
    _edit(facts, facts.read_text(encoding="utf-8").replace(
        f"{fact_id}:\n  value: {new_value}\n", f"{fact_id}:\n  value: {value}\n"))
    read.clear()
    restored = _build(src, build, read)
    assert set(read) == users | {other}
    assert warnings_of(restored) == []

    # One page edited: that page alone.
    _edit(page, page.read_text(encoding="utf-8") + "\nA sentence without figures.\n")
    read.clear()
    _build(src, build, read)
    assert read == [other]


@pytest.mark.slow
def test_parallel_build_reports_what_a_serial_build_reports(
        site: tuple[Path, sitegen.SiteSummary], tmp_path: Path) -> None:
    src, summary = site
    # Findings on several pages, so that they come from different worker processes.
    text = (src / "facts.yaml").read_text(encoding="utf-8")
    for fact_id in sorted(summary.fact_users)[::7]:
        text = re.sub(rf"^({re.escape(fact_id)}:\n  value: )([0-9,]+)$",
                      lambda m: m.group(1) + m.group(2).replace(",", "") + "3", text, flags=re.M)
    (src / "facts.yaml").write_text(text, encoding="utf-8")
    shutil.rmtree(tmp_path / "_build", ignore_errors=True)
    results = {}
    for jobs in (1, 2):
        read: list[str] = []
        app = _build(src, tmp_path / f"_build{jobs}", read, freshenv=True, parallel=jobs)
        results[jobs] = warnings_of(app)
    assert len({path for path, _, _, _ in results[1]}) >= 2
    assert results[2] == results[1]

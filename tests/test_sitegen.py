"""The benchmark's synthetic sites (``benchmarks/sitegen.py``) and its "absent" baseline.

The generator is what every scale figure is measured on, so it must be deterministic, produce the
counts it is asked for, and build clean under today's checker; the baseline copy must show the
same text with factcheck gone, or the ratios compare different sites.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from sphinx.util.console import strip_colors

from factcheck.collector import get_domain
from factcheck.facts import load_facts

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    # benchmarks/ is a folder of scripts, not a package; load them as the scripts import each
    # other (bench_scale does `import sitegen`).
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


sitegen = _load("sitegen")
bench_scale = _load("bench_scale")

_ROLE = re.compile(r"\{(?P<name>no)?fact\}`(?P<body>[^`]*)`")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _words(text: str) -> str:
    return " ".join(text.split())


def _fact_id(body: str) -> str:
    explicit = re.search(r"<([^<>]+)>$", body)
    return explicit.group(1) if explicit else body.strip()


def test_same_seed_gives_the_same_bytes_in_any_process(tmp_path: Path) -> None:
    sitegen.generate_site(tmp_path / "here", pages=6, seed=7)
    # Another interpreter with another string-hash seed: iterating a set would show up here.
    subprocess.run([sys.executable, str(BENCHMARKS / "sitegen.py"), str(tmp_path / "there"),
                    "--pages", "6", "--seed", "7"],
                   check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "4321"})
    here = _files(tmp_path / "here")
    assert here == _files(tmp_path / "there")
    # Six pages, their part's index, the root index, facts.yaml and conf.py.
    assert len(here) == 10
    sitegen.generate_site(tmp_path / "other", pages=6, seed=8)
    assert _files(tmp_path / "other") != here


@pytest.mark.parametrize(("pages", "facts", "figures"),
                         [(7, 35, 76), (3, 40, 30), (60, 100, 20)])
def test_counts_are_as_requested(tmp_path: Path, pages: int, facts: int, figures: int) -> None:
    summary = sitegen.generate_site(tmp_path, pages=pages, facts=facts, seed=1,
                                    figures_per_page=figures)
    facts_file = load_facts(tmp_path / "facts.yaml")
    assert facts_file.problems == []
    assert len(facts_file.facts) == summary.facts == facts
    assert len(summary.pages) == pages
    used: dict[str, list[str]] = {}
    for docname in summary.pages:
        text = (tmp_path / f"{docname}.md").read_text(encoding="utf-8")
        roles = list(_ROLE.finditer(text))
        # factcheck_exempt phrases carry one figure each; a phrase starts at a word boundary.
        phrases = sum(len(re.findall(rf"(?<!\w){re.escape(p)}", text))
                      for p in summary.exempt_phrases)
        assert len(roles) + phrases == figures, docname
        for role in roles:
            if not role["name"]:
                used.setdefault(_fact_id(role["body"]), []).append(docname)
    assert summary.figures == pages * figures
    # Every fact is stated somewhere, no role names an unknown fact, and the generator's
    # reverse index (what the benchmark's fact-edit row expects to be re-read) is right.
    assert set(used) == set(facts_file.facts)
    assert {k: sorted(set(v)) for k, v in used.items()} == \
        {k: sorted(v) for k, v in summary.fact_users.items()}


@pytest.mark.parametrize("unbound", [0, 3])
def test_small_site_builds_clean_with_todays_checker(make_app, tmp_path: Path,
                                                     unbound: int) -> None:
    summary = sitegen.generate_site(tmp_path / "site", pages=5, seed=3, unbound_per_page=unbound)
    app = make_app("html", srcdir=tmp_path / "site", freshenv=True)
    app.build()
    assert strip_colors(app.warning.getvalue()) == ""
    mentions = get_domain(app.env).mentions
    kinds: Counter[str] = Counter()
    for docname in summary.pages:
        assert len(mentions[docname]) == 76, docname
        kinds.update(m.kind for m in mentions[docname])
    # Roles, role exemptions and factcheck_exempt phrases all reach the check.
    assert kinds["stated"] > 0 and kinds["rendered"] > 0 and kinds["exempt"] > 0
    assert kinds["unbound"] == summary.unbound
    if unbound:
        assert summary.strict is False and summary.unbound > 0
        assert app.status.getvalue().count("factcheck note: unbound figure") == summary.unbound
    else:
        assert summary.strict is True and summary.unbound == 0


def test_unknown_rich_construct_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown rich constructs"):
        sitegen.generate_site(tmp_path, pages=1, rich=["hedgehogs"])


@pytest.mark.parametrize("baseline", ["absent", "roles"])
def test_baselines_show_the_same_text_without_factcheck(make_app, tmp_path: Path,
                                                        baseline: str) -> None:
    sitegen.generate_site(tmp_path / "site", pages=3, seed=5)
    copy = tmp_path / baseline
    if baseline == "absent":  # every role rewritten to its text
        bench_scale.strip_factcheck(tmp_path / "site", copy)
    else:  # roles kept, factcheck replaced by a stub whose roles only make a node
        bench_scale.stub_factcheck(tmp_path / "site", copy)
    with_check = make_app("dummy", srcdir=tmp_path / "site", freshenv=True)
    with_check.build()
    # Whitespace aside: a role's text wrapped over two lines reads "6,\n1891" as plain text.
    shown = {d: _words(with_check.env.get_doctree(d).astext())
             for d in with_check.env.found_docs}
    with_check.cleanup()  # unregister its nodes before a second app registers them again
    without = make_app("dummy", srcdir=copy, freshenv=True)
    without.build()
    assert strip_colors(without.warning.getvalue()) == ""
    assert "factcheck" not in without.extensions
    assert ("factcheck_floor" in without.extensions) == (baseline == "roles")
    assert sorted(without.env.found_docs) == sorted(shown)
    roles = [role for docname in shown
             for role in _ROLE.finditer((copy / f"{docname}.md").read_text(encoding="utf-8"))]
    assert (len(roles) > 0) == (baseline == "roles")
    assert all(re.search(r"<[^<>]+>$", role["body"]) for role in roles)  # no bare role left
    for docname, text in sorted(shown.items()):
        assert _words(without.env.get_doctree(docname).astext()) == text, docname

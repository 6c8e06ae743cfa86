"""The promise, tested on the real site: change any bound figure or date and the check fails there.

* Checker level, for every hand-written bound figure of the site: the mention is located on the
  line that holds it, and each mutation of its text (a digit, the day, the month, the year, a
  number word) is judged a mismatch at that same file and line.
* Real Sphinx builds, for a sample: the figure is changed in a copy of the site's source and the
  build reports a ``factcheck.mismatch`` warning at that exact file and line.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from factcheck.collector import get_domain
from factcheck.config import facts_path, house_locale
from factcheck.facts import load_facts
from factcheck.findings import Subtype
from factcheck.scan import _WORD_VALUES
from factcheck.verdicts import judge

DOCS = Path(__file__).parent.parent / "docs"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WORDS = {value: word for word, value in _WORD_VALUES.items()}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The real site, read once with the dummy builder (the check runs while reading)."""
    app = SphinxTestApp("dummy", srcdir=DOCS, builddir=tmp_path_factory.mktemp("drift"),
                        freshenv=True, status=StringIO(), warning=StringIO())
    app.build()
    yield app
    app.cleanup()


def stated_mentions(app: SphinxTestApp) -> list[dict]:
    return [m for mentions in get_domain(app.env).mentions.values() for m in mentions
            if m["kind"] == "stated"]


def mutations(text: str) -> list[str]:
    """Ways an author could get a figure wrong: each changes exactly one part of it."""
    out = []
    digits = [m.start() for m in re.finditer(r"\d", text)]
    for position in {digits[0], digits[-1]} if digits else ():
        changed = str((int(text[position]) + 1) % 10)
        out.append(text[:position] + changed + text[position + 1:])
    for index, month in enumerate(MONTHS):
        if re.search(rf"\b{month}\b", text):
            out.append(re.sub(rf"\b{month}\b", MONTHS[(index + 1) % 12], text, count=1))
    for word, value in _WORD_VALUES.items():
        match = re.search(rf"\b{word}\b", text, re.IGNORECASE)
        if match and value + 1 in WORDS:
            out.append(text[:match.start()] + WORDS[value + 1] + text[match.end():])
            break
    return out


def test_site_binds_many_figures(site: SphinxTestApp) -> None:
    # Guards the tests below against passing vacuously on a site with nothing bound.
    assert len(stated_mentions(site)) >= 80


def test_every_bound_figure_is_located_on_its_line(site: SphinxTestApp) -> None:
    misplaced = []
    for mention in stated_mentions(site):
        lines = Path(mention["source"]).read_text(encoding="utf-8").splitlines()
        # A role may wrap onto the next line; its first word must be on the reported one.
        here = lines[mention["line"] - 1]
        first_word = mention["text"].split()[0]
        if first_word not in here:
            misplaced.append((mention["source"], mention["line"], mention["text"]))
    assert misplaced == []


def test_every_mutation_of_every_bound_figure_is_a_mismatch_at_its_line(
    site: SphinxTestApp,
) -> None:
    facts_file = load_facts(facts_path(site.env))
    locale = house_locale(site.config)
    missed = []
    checked = 0
    for mention in stated_mentions(site):
        assert judge(mention, facts_file, locale) is None, mention  # the site itself is clean
        variants = mutations(mention["text"])
        assert variants, f"no way to mutate {mention['text']!r}"
        for variant in variants:
            verdict = judge({**mention, "text": variant}, facts_file, locale)
            checked += 1
            expected = f"{mention['source']}:{mention['line']}"
            if verdict is None or verdict.subtype is not Subtype.MISMATCH \
                    or verdict.location != expected:
                missed.append((expected, mention["text"], variant, verdict))
    assert missed == []
    assert checked >= 2 * len(stated_mentions(site))


SAMPLE = [
    # (page, text as written in a {fact} role, the drifted text)
    ("index.md", "October 10, 1939", "October 11, 1939"),
    ("bases.md", "18,786", "18,787"),
    ("negotiations.md", "50,000", "60,000"),
    ("aftermath.md", "March 1940", "April 1940"),
]


@pytest.mark.parametrize(("page", "written", "drifted"), SAMPLE)
def test_a_drifted_figure_fails_a_real_build_at_its_line(
    tmp_path: Path, page: str, written: str, drifted: str
) -> None:
    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    shutil.copy(DOCS.parent / "CITATION.cff", tmp_path)  # conf.py reads the edition from it
    path = src / page
    text = path.read_text(encoding="utf-8")
    role = re.compile(r"\{fact\}`" + re.escape(written) + r" <")
    match = role.search(text)
    assert match, f"{page} does not bind {written!r}"
    line = text.count("\n", 0, match.start()) + 1
    path.write_text(text[:match.start()] + "{fact}`" + drifted + " <" + text[match.end():],
                    encoding="utf-8")

    app = SphinxTestApp("dummy", srcdir=src, builddir=tmp_path / "build", freshenv=True,
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    ours = [w for w in warnings if "[factcheck." in w]
    assert len(ours) == 1, ours
    assert ours[0].startswith(f"{path}:{line}: WARNING: the text states {drifted!r}")
    assert ours[0].endswith("[factcheck.mismatch]")

"""The promise, tested on the real site: change any bound figure or date and the check fails there.

* Checker level, for every hand-written bound figure of the site: the mention is located on the
  line that holds it, and each mutation of its text (a digit, the day, the month, the year, a
  number word) is judged a mismatch at that same file and line (or unreadable, when the change
  makes it no figure at all: "October 38").
* Real Sphinx builds, for a sample: the figure is changed in a copy of the site's source and the
  build reports a ``factcheck.mismatch`` warning at that exact file and line.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from factcheck.collector import get_domain
from factcheck.config import facts_path, scan_settings
from factcheck.facts import load_facts
from factcheck.findings import Subtype
from factcheck.mentions import Mention
from factcheck.reading.lexicon import lexicon_for
from factcheck.verdicts import judge

DOCS = Path(__file__).parent.parent / "docs"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
#: English number words one to twenty, cardinal and ordinal, as the reader knows them
#: (num2words' spelling), and for each the word of the next number of its kind.
_EN = lexicon_for("en")
NEXT_WORD = {word: next_word
             for table in (_EN.cardinal_words, _EN.ordinal_words)
             for word, value in table.items() if 1 <= value <= 20
             for next_word, next_value in table.items() if next_value == value + 1}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The real site, read once with the dummy builder (the check runs while reading)."""
    app = SphinxTestApp("dummy", srcdir=DOCS, builddir=tmp_path_factory.mktemp("drift"),
                        freshenv=True, status=StringIO(), warning=StringIO())
    app.build()
    yield app
    app.cleanup()


def stated_mentions(app: SphinxTestApp) -> list[Mention]:
    return [m for mentions in get_domain(app.env).mentions.values() for m in mentions
            if m.kind == "stated"]


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
    for word, next_word in NEXT_WORD.items():
        match = re.search(rf"\b{word}\b", text, re.IGNORECASE)
        if match:
            out.append(text[:match.start()] + next_word + text[match.end():])
            break
    # "A day", "the next day": the article is the count, one
    if article := re.match(r"(?i)(?:an?|the next|the following)\b", text):
        out.append("two" + text[article.end():])
    return out


def test_site_binds_many_figures(site: SphinxTestApp) -> None:
    # Guards the tests below against passing vacuously on a site with nothing bound.
    assert len(stated_mentions(site)) >= 80


def test_every_bound_figure_is_located_on_its_line(site: SphinxTestApp) -> None:
    misplaced = []
    for mention in stated_mentions(site):
        lines = Path(mention.source).read_text(encoding="utf-8").splitlines()
        # A role may wrap onto the next line; its first word must be on the reported one.
        here = lines[mention.line - 1]
        first_word = mention.text.split()[0]
        if first_word not in here:
            misplaced.append((mention.source, mention.line, mention.text))
    assert misplaced == []


FAILING = (Subtype.MISMATCH, Subtype.UNREADABLE)


def test_every_mutation_of_every_bound_figure_fails_at_its_line(
    site: SphinxTestApp,
) -> None:
    facts_file = load_facts(facts_path(site.env))
    lexicon = scan_settings(site.config).lexicon
    missed = []
    checked = 0
    for mention in stated_mentions(site):
        assert judge(mention, facts_file, lexicon) is None, mention  # the site itself is clean
        variants = mutations(mention.text)
        assert variants, f"no way to mutate {mention.text!r}"
        for variant in variants:
            verdict = judge(replace(mention, text=variant), facts_file, lexicon)
            checked += 1
            expected = f"{mention.source}:{mention.line}"
            # A changed figure that is still a figure is a mismatch; one that no longer is
            # ("October 38", "two fifth", "1921s") is unreadable.  Both fail the build.
            if verdict is None or verdict.subtype not in FAILING \
                    or verdict.location != expected:
                missed.append((expected, mention.text, variant, verdict))
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

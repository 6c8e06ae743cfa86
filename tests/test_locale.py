"""Small German and French sites, built with Sphinx: figures are read the locale's way.

``tests/roots/test-locale-de`` (``language = "de"``) and ``test-locale-fr`` (``"fr"``) state
every construct of issue 7 in their language's prose — ``{fact}`20.000 <t>``` and
``{fact}`20 000 <t>``` against 20,000, "etwa"/"environ" before a role, a date in words, a unit
pair, money, a range bound to two facts — with one deliberate mismatch and one unbound figure
each.  The warnings are asserted exactly, with file and line; then single figures are changed in
a copy of the site and each change is reported at its line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import html, unbound, warnings_of
from sphinx.testing.util import SphinxTestApp

GERMAN = [
    ("index.md", 18, "mismatch", "the text states '11. Oktober 1939' but fact 'unterzeichnet' "
                                 "(Der Beistandsvertrag wird in Moskau unterzeichnet) is "
                                 "1939-10-10, defined at facts.yaml:1"),
    ("index.md", 19, "unbound", unbound("3.500")),  # German groups: one figure, 3,500
]
FRENCH = [
    ("index.md", 18, "mismatch", "the text states '2 octobre 1939' but fact 'accord-final' "
                                 "(Une date au premier du mois) is 1939-10-01, defined at "
                                 "facts.yaml:13"),
    ("index.md", 19, "unbound", unbound("3 500")),  # French groups with spaces
]


@pytest.mark.sphinx("html", testroot="locale-de", freshenv=True)
def test_german_site(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == GERMAN
    page = html(app, "index")
    # A bare role renders the value in German, with the grammar's hedge word.
    assert 'data-fact="truppen"' in page and ">bis zu 20.000<" in page
    assert 'data-fact="unterzeichnet"' in page and ">10. Oktober 1939<" in page


@pytest.mark.sphinx("html", testroot="locale-fr", freshenv=True)
def test_french_site(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == FRENCH
    page = html(app, "index")
    # (Sphinx's smart quotes turn the apostrophe of "jusqu'à" into U+2019.)
    assert 'data-fact="troupes"' in page and ">jusqu\u2019à 20\u202f000<" in page
    assert 'data-fact="signe"' in page and ">10 octobre 1939<" in page


def _build_changed(make_app, rootdir: Path, tmp_path: Path, root: str, old: str,
                   new: str) -> SphinxTestApp:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / f"test-{root}", srcdir)
    page = srcdir / "index.md"
    text = page.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    page.write_text(text.replace(old, new), encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


@pytest.mark.parametrize(
    ("root", "old", "new", "line", "message"),
    [
        ("locale-de", "{fact}`20.000 <truppen>`", "{fact}`25.000 <truppen>`", 4,
         "the text states '25.000' but fact 'truppen' (Sowjetische Truppen, die der Vertrag "
         "erlaubt) is up to 20,000, defined at facts.yaml:4"),
        ("locale-de", "bis zu {fact}`20.000", "mindestens {fact}`20.000", 4,
         "the text states '20.000' but fact 'truppen' (Sowjetische Truppen, die der Vertrag "
         "erlaubt) is up to 20,000, defined at facts.yaml:4: 'at least' says something else "
         "than up to"),
        ("locale-de", "{fact}`6.739 km² <flaeche>`", "{fact}`6.739 km <flaeche>`", 5,
         "the text states '6.739 km' but fact 'flaeche' (Fläche des übergebenen Gebiets) is "
         "6,739 km2, defined at facts.yaml:7: km does not measure what km² does"),
        ("locale-de", "bis 1. November <", "bis 2. November <", 11,
         "the text states '30. Oktober bis 2. November' but fact 'unruhen-beginn' (Beginn der "
         "Unruhen in Vilnius) is 1939-10-30, defined at facts.yaml:22 and fact 'unruhen-ende' "
         "(Ende der Unruhen in Vilnius) is 1939-11-01, defined at facts.yaml:25: the end: "
         "another date"),
        ("locale-de", "{fact}`7,5 Millionen US-Dollar", "{fact}`7,5 Millionen Euro", 8,
         "the text states '7,5 Millionen Euro' but fact 'preis' (Kaufpreis des Suwalki-Gebiets) "
         "is 7.5 million USD, defined at facts.yaml:16: Euro is not USD"),
        ("locale-fr", "{fact}`20 000 <troupes>`", "{fact}`20 001 <troupes>`", 4,
         "the text states '20 001' but fact 'troupes' (Troupes soviétiques autorisées par le "
         "traité) is up to 20,000, defined at facts.yaml:4"),
        ("locale-fr", "plus de {fact}`3 000", "moins de {fact}`3 000", 9,
         "the text states '3 000' but fact 'etudiants' (Étudiants de l'université) is over "
         "3,000, defined at facts.yaml:19: 'under' says something else than over"),
        ("locale-fr", "au 1er novembre <", "au 2 novembre <", 11,
         "the text states '30 octobre au 2 novembre' but fact 'debut' (Début des émeutes à "
         "Vilnius) is 1939-10-30, defined at facts.yaml:22 and fact 'fin' (Fin des émeutes à "
         "Vilnius) is 1939-11-01, defined at facts.yaml:25: the end: another date"),
        ("locale-fr", "quatre-vingts pour cent", "soixante-dix pour cent", 12,
         "the text states 'soixante-dix pour cent' but fact 'commerce' (Part de l'Allemagne dans "
         "le commerce extérieur lituanien) is approximately 80%, defined at facts.yaml:28"),
    ],
)
def test_a_changed_figure_is_caught_at_its_line(make_app, rootdir: Path, tmp_path: Path,
                                                root: str, old: str, new: str, line: int,
                                                message: str) -> None:
    app = _build_changed(make_app, rootdir, tmp_path, root, old, new)
    baseline = GERMAN if root == "locale-de" else FRENCH
    found = warnings_of(app)
    assert [w for w in found if w not in baseline] == [("index.md", line, "mismatch", message)]
    assert len(found) == len(baseline) + 1

"""End-to-end test of the PDF edition: the real ``docs/`` through XeLaTeX, read back with pypdf.

How the PDF is built
--------------------
Once per module, in a temporary directory, by the same commands ``make pdf`` runs:
``python -m sphinx -M latexpdf docs <tmp> -W --keep-going`` in a subprocess, with the same
``LATEXOPTS`` (non-stop, halt on the first TeX error), then ``make all-pdf`` once more in the
LaTeX directory (latexmk now and then stops a pass early; asked again, it finishes).
A subprocess rather than :class:`sphinx.testing.util.SphinxTestApp` plus ``make`` because

* it checks the command users run, warnings-as-errors included (a fact-check finding or any
  other Sphinx warning fails the build, and so this test);
* ``conf.py`` registers a pybtex plugin and extends ``sys.path``, and the HTML tests of the same
  session build the same project in-process: a separate interpreter keeps both independent;
* ``-M latexpdf`` then runs ``make all-pdf`` (latexmk, xelatex, xindy) in the LaTeX output
  directory exactly as Sphinx's own Makefile does.

The parent ``make``'s ``MAKEFLAGS`` are dropped so that ``make test FOO=bar`` does not leak
variables into the LaTeX Makefile.

How the text is compared
------------------------
A PDF made by XeTeX holds glyphs and positions, not space characters: text extractors infer
word breaks from gaps, and pypdf misses many of them on tightly justified lines
("Lithuaniaandwasdescribed…").  Line breaks may also hyphenate a word ("Šešu-⏎pė").  So a phrase
is looked for as a regular expression built from its *letters*, in order and exactly (after
Unicode NFC on both sides, and typographic ligature code points such as U+FB01 spelled out),
where between two letters there may be whitespace or nothing, and only a hyphen *immediately
followed by a line break* counts as a hyphenation point.  A hyphen the phrase itself contains
must be there.  A dropped, replaced or decomposed-and-lost diacritic therefore fails the test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import langspan_project, require_tool
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PDF_NAME = "soviet-lithuanian-treaty"  # latex_documents in docs/conf.py
TITLE = "The Soviet–Lithuanian Mutual Assistance Treaty"

#: Same TeX options as the Makefile's ``pdf`` target.
LATEXOPTS = "-interaction=nonstopmode -halt-on-error -file-line-error"

#: Words of the seed in Lithuanian, Polish and Russian that must print letter for letter.
FOREIGN_PHRASES = (
    "Šešupė",
    "Gaižiūnai",
    "Żeligowski",
    "Urbšys",
    "Raštikis",
    "złoty",
    "советско-литовский договор о взаимопомощи",
    "Vilnius – mūsų, Lietuva – rusų",
    "Lietuvos-Sovietų Sąjungos savitarpio pagalbos sutartis",
)

#: Typographic ligature code points an extractor may return for one glyph.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}


def normalise(text: str) -> str:
    """NFC, ligatures spelled out, soft hyphens (U+00AD, invisible) removed."""
    text = unicodedata.normalize("NFC", text)
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    return text.replace("\u00ad", "")


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Regex for ``phrase`` in extracted PDF text (see the module docstring)."""
    gap = r"(?:\s*|-\n\s*)"  # nothing, whitespace, or a hyphenation at a line end
    letters = [c for c in normalise(phrase) if not c.isspace()]
    parts = []
    for c in letters:
        parts.append(r"-\s*" if c == "-" else re.escape(c))
    return re.compile(gap.join(parts))


def contains(text: str, phrase: str) -> bool:
    return phrase_pattern(phrase).search(normalise(text)) is not None


# -- the build -----------------------------------------------------------------------------


class PdfBuild:
    def __init__(self, outdir: Path, output: str) -> None:
        self.latex_dir = outdir / "latex"
        self.pdf = self.latex_dir / f"{PDF_NAME}.pdf"
        self.tex = self.latex_dir / f"{PDF_NAME}.tex"
        self.log = self.latex_dir / f"{PDF_NAME}.log"
        self.output = output


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> PdfBuild:
    for tool in ("make", "xelatex", "latexmk", "xindy"):
        require_tool(tool)
    outdir = tmp_path_factory.mktemp("pdf")
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    env["LATEXOPTS"] = LATEXOPTS
    cmd = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(DOCS), str(outdir)]
    cmd += ["-W", "--keep-going"]
    proc = subprocess.run(
        cmd,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if proc.returncode == 0:
        # The second step of ``make pdf``: latexmk asked again reruns if it stopped one pass
        # early (see the Makefile), and otherwise finds everything up to date.
        again = subprocess.run(["make", "--no-print-directory", "-C", str(outdir / "latex"),
                                "all-pdf"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, timeout=900)
        proc = subprocess.CompletedProcess(cmd, again.returncode, proc.stdout + again.stdout,
                                           proc.stderr + again.stderr)
    output = proc.stdout + proc.stderr
    result = PdfBuild(outdir, output)
    if proc.returncode != 0:
        pytest.fail(
            f"{' '.join(cmd)} exited {proc.returncode}; last output:\n{output[-6000:]}",
            pytrace=False,
        )
    assert result.pdf.is_file(), f"no {result.pdf.name} in {result.latex_dir}"
    return result


@pytest.fixture(scope="module")
def reader(build: PdfBuild):
    pypdf = pytest.importorskip("pypdf")
    return pypdf.PdfReader(build.pdf)


@pytest.fixture(scope="module")
def page_texts(reader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


@pytest.fixture(scope="module")
def full_text(page_texts: list[str]) -> str:
    return "\n".join(page_texts)


# -- the tests -----------------------------------------------------------------------------


def test_phrase_pattern_is_strict() -> None:
    """The matcher itself: tolerant of lost spaces and hyphenation, not of lost letters."""
    assert contains("Šešu-\npė", "Šešupė")
    assert contains("slogan“Vilnius–mūsų,Lietuva–rusų”", "Vilnius – mūsų, Lietuva – rusų")
    assert contains("советско-\nлитовский", "советско-литовский")
    assert contains(unicodedata.normalize("NFD", "Gaižiūnai"), "Gaižiūnai")
    assert not contains("Sesupe", "Šešupė")
    assert not contains("Šešu-pė", "Šešupė")  # a hyphen inside a line is no hyphenation
    assert not contains("советсколитовский", "советско-литовский")
    assert not contains("Zeligowski", "Żeligowski")


def test_latex_visitor_maps_known_tags_only(tmp_path: Path) -> None:
    """langspan's LaTeX visitor on a tiny project (LaTeX output only, no TeX needed)."""
    src = langspan_project(
        tmp_path,
        "# T\n\n"
        "{lang}`Vilnius – mūsų & _x_ <lt>`, {lang}`договор <ru>`, "
        "{lang}`dogovor <ru-Latn>`, {lang}`złoty <pl>`.\n",
        "latex_engine = 'xelatex'\n"
        "latex_documents = [('index', 't.tex', 'T', 'A', 'howto')]\n",
    )
    app = SphinxTestApp(buildername="latex", srcdir=src, builddir=tmp_path / "out", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    tex = (Path(app.outdir) / "t.tex").read_text(encoding="utf-8")
    assert r"\foreignlanguage{lithuanian}{Vilnius – mūsų \& \_x\_}" in tex
    assert r"\foreignlanguage{russian}{договор}" in tex
    # unknown or script-variant tags: the children, unwrapped
    assert r"\foreignlanguage{russian}{dogovor}" not in tex
    assert "dogovor" in tex
    assert "złoty" in tex
    assert tex.count(r"\foreignlanguage") == 2


@pytest.mark.slow
@pytest.mark.parametrize("phrase", FOREIGN_PHRASES)
def test_foreign_letters_survive(full_text: str, phrase: str) -> None:
    assert contains(full_text, phrase), f"{phrase!r} is not in the PDF's text"


@pytest.mark.slow
def test_no_missing_characters(build: PdfBuild) -> None:
    log = build.log.read_text(encoding="utf-8", errors="replace")
    missing = [line for line in log.splitlines() if "Missing character" in line]
    assert not missing, "glyphs missing from the fonts:\n" + "\n".join(missing[:20])


@pytest.mark.slow
def test_language_spans_switch_polyglossia(build: PdfBuild) -> None:
    """{lang}`… <lt>` / `<ru>` → \\foreignlanguage with patterns loaded; other tags plain."""
    tex = build.tex.read_text(encoding="utf-8")
    assert r"\setotherlanguages{lithuanian,russian}" in tex
    assert r"\foreignlanguage{lithuanian}{Vilnius" in tex
    assert r"\foreignlanguage{russian}{советско" in tex
    # romanized Russian (ru-Latn) and Polish are not switched: no patterns for them
    assert r"\foreignlanguage{russian}{sovetsko" not in tex
    log = build.log.read_text(encoding="utf-8", errors="replace")
    assert "No hyphenation patterns were loaded" not in log


@pytest.mark.slow
def test_title(reader, page_texts: list[str]) -> None:
    assert reader.metadata is not None
    assert reader.metadata.title == TITLE
    assert contains(page_texts[0], TITLE), page_texts[0]


@pytest.mark.slow
def test_page_numbers_in_footer(reader, page_texts: list[str]) -> None:
    """Every page after the title page shows its number (i, ii… then 1, 2…) as last line."""
    labels = list(reader.page_labels)
    assert "i" in labels, labels
    first_front = labels.index("i")
    numbered = list(range(first_front, len(labels)))
    assert sum(labels[i].isdigit() for i in numbered) >= 10, labels
    wrong = []
    for i in numbered:
        lines = [line for line in page_texts[i].splitlines() if line.strip()]
        last = lines[-1].split() if lines else []
        if not last or last[-1] != labels[i]:
            wrong.append((i, labels[i], lines[-1] if lines else ""))
    assert not wrong, f"pages without their number in the footer: {wrong}"


def outline(reader) -> list[str]:
    """The chapter titles of the PDF's bookmarks, in order."""
    return [item.title for item in reader.outline if not isinstance(item, list)]


@pytest.mark.slow
def test_bibliography(reader, page_texts: list[str]) -> None:
    """The Sources chapter holds the bibliography it announces (no chapter of its own)."""
    pages = [i for i, t in enumerate(page_texts)
             if contains(t, "Lithuania 1940: Revolution from Above")]
    assert pages, "the bibliography entry Senn, Lithuania 1940 is not in the PDF"
    assert any(contains(page_texts[i], "Senn") for i in pages)
    chapters = outline(reader)
    assert "Bibliography" not in chapters
    first = {title: reader.get_destination_page_number(item)
             for title, item in zip(chapters, [o for o in reader.outline
                                               if not isinstance(o, list)], strict=True)}
    following = chapters[chapters.index("Sources") + 1]
    assert all(first["Sources"] <= i < first[following] for i in pages), (pages, first)


@pytest.mark.slow
def test_only_the_article(reader, full_text: str) -> None:
    """The extension's reference and the web theme's notes are not in the article's PDF."""
    chapters = outline(reader)
    assert chapters[:8] == ["Background", "Negotiations", "The treaty", "The Soviet bases",
                            "Reactions", "The Vilnius Region", "Ultimatum and occupation (1940)",
                            "See also"]
    assert chapters[8:] == ["Timeline", "The treaty in figures", "Facts register", "Sources",
                            "About this edition"]
    for phrase in ("factcheck: the extension", "sphinx-book-theme", "factcheck_strict"):
        assert not contains(full_text, phrase), phrase


@pytest.mark.slow
def test_metadata_language_and_title(reader) -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    from citation import read_edition

    edition = read_edition(ROOT / "CITATION.cff")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.metadata.title == TITLE
    assert reader.metadata.subject == edition.title
    assert reader.metadata.author == "Wikipedia contributors, edited by the factcheck team"


@pytest.mark.slow
def test_title_page_names_edition_and_licence_not_the_build_date(page_texts: list[str]) -> None:
    import datetime

    from babel.dates import format_date

    sys.path.insert(0, str(DOCS / "_ext"))
    from citation import read_edition

    edition = read_edition(ROOT / "CITATION.cff")
    title_page = page_texts[0]
    assert contains(title_page, f"Edition {edition.version}")
    assert contains(title_page, f"Text licensed {edition.licence[0]}")
    today = datetime.date.today()
    for shown in (format_date(today, "medium", locale="en"), today.isoformat(),
                  format_date(today, "long", locale="en")):
        assert not contains(title_page, shown), shown


@pytest.mark.slow
def test_isbns_issns_and_iso_dates_stay_on_one_line(build: PdfBuild,
                                                    page_texts: list[str]) -> None:
    bib = (DOCS / "refs.bib").read_text(encoding="utf-8")
    identifiers = re.findall(r"isbn\s*=\s*\{([^}]+)\}", bib)
    identifiers += re.findall(r"issn\s*=\s*\{([^}]+)\}", bib)
    # ISO dates the entries show (newspaper issues, archive and retrieval dates in notes); the
    # comments and `urldate` (not shown) are left out.
    identifiers += [date for line in bib.splitlines()
                    if not line.startswith("%") and not line.strip().startswith("urldate")
                    for date in re.findall(r"\d{4}-\d{2}-\d{2}", line)]
    assert len(identifiers) > 30  # every ISBN, ISSN and newspaper date of the bibliography
    lines = [normalise(line).replace(" ", "") for t in page_texts for line in t.splitlines()]
    broken = [i for i in identifiers if not any(i in line for line in lines)]
    assert broken == [], f"broken across lines: {broken}"
    tex = build.tex.read_text(encoding="utf-8")
    assert r"\mbox{ISBN 0\sphinxhyphen{}415\sphinxhyphen{}26731\sphinxhyphen{}5}" in tex


@pytest.mark.slow
def test_romanized_russian_is_not_hyphenated(build: PdfBuild, full_text: str) -> None:
    tex = build.tex.read_text(encoding="utf-8")
    assert r"{\disablehyphenation sovetsko\sphinxhyphen{}litovskiy dogovor o vzaimopomoshchi}" \
        in tex
    assert "vzaimopomoshchi" in normalise(full_text).replace("\n", "")


@pytest.mark.slow
def test_figures_drawn_from_the_facts_are_in_the_pdf(reader, build: PdfBuild,
                                                     full_text: str) -> None:
    tex = build.tex.read_text(encoding="utf-8")
    charts = re.findall(r"\\sphinxincludegraphics\[[^]]*\]\{\{(chart-[0-9a-f]+)\}\.pdf\}", tex)
    assert len(charts) == 2, charts
    assert all((build.latex_dir / f"{name}.pdf").is_file() for name in charts)
    assert contains(full_text, "The dated events of the edition on a time line")
    assert contains(full_text, "Soviet troops to be stationed in Lithuania")
    with_images = [i for i, page in enumerate(reader.pages)
                   if "/XObject" in page.get("/Resources", {})]
    assert len(with_images) >= 2

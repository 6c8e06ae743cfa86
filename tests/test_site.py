"""End-to-end tests of the treaty site in ``docs/``: real Sphinx builds, no mocks.

The site is built once per test session with :class:`sphinx.testing.util.SphinxTestApp`
(HTML builder, fresh environment, warnings captured in a ``StringIO``).

How the built text is obtained
------------------------------
The HTML output is stripped to text with :mod:`html.parser` from the standard library,
keeping only the ``<article>`` element of each page (so the navigation sidebars, the
page-level table of contents and the footer, which repeat headings and titles, do not
count) and leaving out editorial admonitions (the "note" boxes, which quote figures
and would otherwise hide a figure missing from the prose) and the notes of bound figures
(the popovers holding a fact's canonical value, label and source).  The HTML output is used
rather than the ``text`` builder so that one build serves every test and the text
checked is what readers get (after Sphinx's smart quotes, hence the normalisation).

"Recognisable" sentence
-----------------------
A sentence of the seed's article body is *recognisable* in the built text when at least
80 % of its word 3-grams occur in the built text, after normalising both sides the same
way (Unicode NFC, case-folded, curly quotes made straight, apostrophes dropped,
everything that is not a letter or digit treated as a word separator).  A sentence of
fewer than three words must have all its words present.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from conftest import langspan_project
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED_NAME = "000_fbb032040fa8ed36.txt"
SEED = ROOT / "seeds" / SEED_NAME
SHARED_SEED = ROOT.parent / "shared" / "seeds" / SEED_NAME
#: SHA-256 of the seed as received (computed when the site was written).
SEED_SHA256 = "28926594ef07a0878d22216b2550600f78f3b48e7330d391d85881e1f414ca12"

#: Pages that carry the article text (the editorial pages "about" and "sources" are
#: left out: they quote figures and would mask a figure missing from the article).
ARTICLE_PAGES = (
    "index",
    "background",
    "negotiations",
    "treaty",
    "bases",
    "reactions",
    "aftermath",
    "occupation",
    "see-also",
)

#: Where the seed's article body ends ("see also" items, then the reference list).
SEE_ALSO_START = "Soviet–Estonian Mutual Assistance Treaty Soviet–Latvian"
REFERENCES_START = '"Soviet Acclaimed Baltic'

RETENTION_THRESHOLD = 0.95  # share of seed sentences that must stay recognisable
NGRAM_THRESHOLD = 0.80  # share of a sentence's word 3-grams that must be present

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


# -- helpers -----------------------------------------------------------------------


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_parts() -> tuple[str, str, str]:
    """(article body, see-also items, reference list) of the seed."""
    text = seed_text()
    see_also = text.index(SEE_ALSO_START)
    references = text.index(REFERENCES_START)
    return text[:see_also].strip(), text[see_also:references].strip(), text[references:].strip()


def split_sentences(text: str) -> list[str]:
    """Split plain prose into sentences (after . ! ? — also when a closing quote follows)."""
    parts = re.split(r'(?<=[.!?])\s+(?=[A-Z"“])|(?<=[.!?]["”])\s+', text)
    return [p.strip() for p in parts if p.strip()]


def normalise_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("’", "").replace("‘", "").replace("'", "")
    return re.findall(r"\w+", text)


def ngrams(words: list[str], n: int = 3) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def normalise_spaces(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text)


def seed_figures(text: str) -> list[str]:
    """Every digit-bearing token (outer punctuation stripped) and every month-name date."""
    figures: list[str] = []
    for token in text.split():
        token = token.strip("()[]{}\"'“”‘’,.;:!?")
        if any(ch.isdigit() for ch in token) and token not in figures:
            figures.append(token)
    date_re = re.compile(
        rf"\b(?:(?:{MONTHS})\s+\d{{4}}\b"
        rf"|(?:{MONTHS})\s+\d{{1,2}}\b(?:,\s+\d{{4}}\b)?"
        rf"|\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}\b)"
    )
    for match in date_re.finditer(text):
        if match.group(0) not in figures:
            figures.append(match.group(0))
    return figures


#: Units the edition typesets as they are printed (the seed's plain-text "km2" is "km²").
TYPESET = {"km2": "km²"}


def figure_present(figure: str, text: str) -> bool:
    """``figure`` occurs in ``text`` as a whole token (``10`` does not match in ``10,000``)."""
    figure = TYPESET.get(figure, figure)
    pattern = r"(?<![\w,.])" + re.escape(figure) + r"(?![\w]|[,.]\d)"
    return re.search(pattern, text) is not None


class _ArticleText(HTMLParser):
    """Collect the text inside ``<article>``, minus scripts, styles, admonitions and fact notes."""

    SKIP_TAGS = {"script", "style"}
    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"}

    def __init__(self, *, skip_admonitions: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_admonitions = skip_admonitions
        self.stack: list[bool] = []  # per open element: does it start a skipped region?
        self.in_article = 0
        self.skipping = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        # A bound figure's note (value, label, source) is the facts file's text, not the page's.
        skip = (tag in self.SKIP_TAGS or "fact-note" in classes
                or (self.skip_admonitions and "admonition" in classes))
        self.stack.append(skip)
        if skip:
            self.skipping += 1
        if tag == "article":
            self.in_article += 1
        # block boundaries become spaces
        self.chunks.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.stack:
            return
        if self.stack.pop():
            self.skipping -= 1
        if tag == "article":
            self.in_article -= 1
        self.chunks.append(" ")

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skipping:
            self.chunks.append(data)

    def text(self) -> str:
        return normalise_spaces("".join(self.chunks))


def html_article_text(path: Path, *, skip_admonitions: bool = True) -> str:
    parser = _ArticleText(skip_admonitions=skip_admonitions)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.text()


# -- the build -----------------------------------------------------------------------


class Built:
    def __init__(self, outdir: Path, warnings: str) -> None:
        self.outdir = outdir
        self.warnings = warnings

    def page(self, name: str) -> Path:
        return self.outdir / f"{name}.html"

    def article_text(self) -> str:
        return " ".join(html_article_text(self.page(name)) for name in ARTICLE_PAGES)


@pytest.fixture(scope="session")
def built_site(site_app: SphinxTestApp) -> Built:
    """The real ``docs/`` built once (HTML, fresh environment), warnings captured."""
    return Built(Path(site_app.outdir), site_app.warning.getvalue())


# -- the seed --------------------------------------------------------------------------


def test_seed_is_unchanged() -> None:
    data = SEED.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256, (
        f"{SEED} differs from the seed as received (SHA-256 mismatch)"
    )
    if SHARED_SEED.parent.is_dir():
        assert SHARED_SEED.is_file(), f"{SHARED_SEED} is missing"
        assert data == SHARED_SEED.read_bytes(), f"{SEED} differs from {SHARED_SEED}"


def test_seed_helpers_find_the_parts() -> None:
    body, see_also, references = seed_parts()
    assert body.endswith("on August 3, 1940.")
    assert see_also.endswith("Polish National-Territorial Region")
    assert len(split_sentences(body)) > 120
    assert "October 10, 1939" in seed_figures(body)
    assert "6,739" in seed_figures(body)
    assert "October 1920" in seed_figures(body) and "October 19" not in seed_figures(body)
    assert figure_present("10", "on 10 May") and not figure_present("10", "10,000 men")


# -- the build ---------------------------------------------------------------------------


@pytest.mark.slow
def test_build_has_no_warnings(built_site: Built) -> None:
    assert built_site.warnings == "", f"the build warned:\n{built_site.warnings}"


@pytest.mark.slow
def test_sentences_are_retained(built_site: Built) -> None:
    body, _, _ = seed_parts()
    built_grams = set(ngrams(normalise_words(built_site.article_text())))
    built_words = set(normalise_words(built_site.article_text()))
    sentences = split_sentences(body)
    lost: list[str] = []
    for sentence in sentences:
        words = normalise_words(sentence)
        grams = ngrams(words)
        if grams:
            share = sum(g in built_grams for g in grams) / len(grams)
        else:
            share = sum(w in built_words for w in words) / max(len(words), 1)
        if share < NGRAM_THRESHOLD:
            lost.append(f"{share:.0%}: {sentence}")
    retained = 1 - len(lost) / len(sentences)
    assert retained >= RETENTION_THRESHOLD, (
        f"only {retained:.1%} of {len(sentences)} seed sentences are recognisable "
        f"(need {RETENTION_THRESHOLD:.0%}); not recognisable:\n" + "\n".join(lost)
    )
    # Report the measured value even when green (visible with -rA / in the log).
    print(f"sentence retention: {retained:.1%} of {len(sentences)} sentences")


@pytest.mark.slow
def test_every_figure_and_date_survives(built_site: Built) -> None:
    body, _, _ = seed_parts()
    text = built_site.article_text()
    figures = seed_figures(body)
    missing = [f for f in figures if not figure_present(f, text)]
    assert not missing, f"{len(missing)} of {len(figures)} figures/dates missing: {missing}"


@pytest.mark.slow
def test_see_also_items_survive(built_site: Built) -> None:
    text = html_article_text(built_site.page("see-also"))
    for item in (
        "Soviet–Estonian Mutual Assistance Treaty",
        "Soviet–Latvian Mutual Assistance Treaty",
        "Polish National-Territorial Region",
    ):
        assert item in text


@pytest.mark.slow
def test_reference_details_on_sources_page(built_site: Built) -> None:
    """Every figure of the seed's reference list (pages, ISBNs, ISSNs, dates) is shown."""
    _, _, references = seed_parts()
    text = html_article_text(built_site.page("sources"))
    missing = [f for f in seed_figures(references) if not figure_present(f, text)]
    assert not missing, f"reference details missing from sources page: {missing}"
    # 40 citations of 34 distinct works in the seed: one entry per work, a list item anchored
    # at its citation key.
    html = built_site.page("sources").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,]+),", (DOCS / "refs.bib").read_text(encoding="utf-8"), re.M)
    assert len(keys) == 34
    assert sorted(re.findall(r'<li id="([^"]+)"><p>', html)) == sorted(keys)


@pytest.mark.slow
def test_languages_are_marked(built_site: Built) -> None:
    index = built_site.page("index").read_text(encoding="utf-8")
    assert '<span lang="lt">Lietuvos-Sovietų Sąjungos savitarpio pagalbos sutartis</span>' in index
    assert '<span lang="ru">советско-литовский договор о взаимопомощи</span>' in index
    assert '<span lang="ru-Latn">sovetsko-litovskiy dogovor o vzaimopomoshchi</span>' in index
    reactions = built_site.page("reactions").read_text(encoding="utf-8")
    assert '<span lang="lt">Vilnius – mūsų, Lietuva – rusų</span>' in reactions


@pytest.mark.slow
def test_diacritics_kept_and_artefact_dropped(built_site: Built) -> None:
    text = built_site.article_text()
    for word in ("Šešupė", "Żeligowski", "Gaižiūnai", "Urbšys", "Raštikis", "złoty", "Šiauliai"):
        assert word in text, word
    assert "[lt]" not in text
    assert "Kirtimai, a neighborhood of Vilnius" in text


@pytest.mark.slow
def test_lang_role_escapes_and_rejects_a_missing_tag(tmp_path: Path) -> None:
    """The ``lang`` role on a tiny project: text is escaped, a missing tag is an error."""
    src = langspan_project(
        tmp_path, "# T\n\nA {lang}`x <b> & y <lt>` and {lang}`no tag here`.\n"
    )
    warning = StringIO()
    app = SphinxTestApp(
        buildername="html", srcdir=src, builddir=tmp_path / "out", freshenv=True, warning=warning
    )
    try:
        app.build()
    finally:
        app.cleanup()
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert '<span lang="lt">x &lt;b&gt; &amp; y</span>' in html
    assert "expected 'text <language-tag>'" in warning.getvalue()

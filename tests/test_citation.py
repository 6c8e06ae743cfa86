"""Citing the edition: CITATION.cff, every page's metadata and its "Cite this page" box.

The site extension ``docs/_ext/citation.py`` is tested in two ways: its pieces on their own (the
CFF reading, git dates on a throw-away repository, escaping, each citation format read back by
the library that reads that format), and the real site built once, where every page's head and
cite box are checked against CITATION.cff, the page's title and git.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

import citation  # noqa: E402 - docs/_ext, put on the path above

EDITION = citation.read_edition(ROOT / "CITATION.cff")


def require_git() -> None:
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        if os.environ.get("FACTCHECK_REQUIRE_ALL") == "1":
            pytest.fail("FACTCHECK_REQUIRE_ALL=1 but git is not installed")
        pytest.skip("git is not installed: page dates come from git")


# -- CITATION.cff ---------------------------------------------------------------------------

def test_citation_cff_is_valid_cff_1_2_0() -> None:
    """Validated against the official CFF 1.2.0 schema (vendored in tests/data/cff)."""
    import json

    import jsonschema
    import yaml

    schema = json.loads((ROOT / "tests" / "data" / "cff" / "schema-1.2.0.json").read_text(
        encoding="utf-8"))
    class DatesAsText(yaml.SafeLoader):
        """CFF dates are strings in the schema: keep them as written."""

    DatesAsText.yaml_implicit_resolvers = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    cff = yaml.load((ROOT / "CITATION.cff").read_text(encoding="utf-8"),  # noqa: S506
                    Loader=DatesAsText)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(str(e.message) for e in validator.iter_errors(cff))
    assert errors == []
    assert cff["cff-version"] == "1.2.0"
    # A broken copy is refused: the check can fail.
    assert list(validator.iter_errors({**cff, "cff-version": "9.9", "authors": "nobody"}))


def test_edition_is_read_from_citation_cff() -> None:
    assert EDITION.title == "The Soviet–Lithuanian Mutual Assistance Treaty: A Fact-Checked Edition"
    assert [citation.person_name(p) for p in EDITION.authors] == ["Wikipedia contributors"]
    assert [citation.person_name(p) for p in EDITION.editors] == ["The factcheck team"]
    assert EDITION.licence == ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")
    assert EDITION.based_on["url"].startswith("https://en.wikipedia.org/wiki/Soviet")


def test_a_broken_cff_is_a_config_error(tmp_path: Path) -> None:
    from sphinx.errors import ConfigError

    bad = tmp_path / "CITATION.cff"
    bad.write_text("cff-version: 1.2.0\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="citation_cff: cannot read"):
        citation.read_edition(bad)
    bad.write_text("just: a mapping\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="is not a CITATION.cff"):
        citation.read_edition(bad)


def test_person_names() -> None:
    person = {"family-names": "Beethoven", "given-names": "Ludwig", "name-particle": "van"}
    assert citation.person_name(person) == "van Beethoven, Ludwig"
    assert citation.person_name(person, inverted=False) == "Ludwig van Beethoven"
    assert citation.person_name({"name": "The Apollo team"}) == "The Apollo team"


# -- git --------------------------------------------------------------------------------------

def _commit(repo: Path, message: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", message], check=True, env=env)


def test_each_file_dates_from_its_last_commit(tmp_path: Path) -> None:
    require_git()
    repo = tmp_path / "repo"
    docs = repo / "docs"
    docs.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (docs / "a.md").write_text("# A\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n", encoding="utf-8")
    (repo / "outside.txt").write_text("x\n", encoding="utf-8")
    _commit(repo, "first", "2024-03-01T12:00:00+00:00")
    (docs / "b.md").write_text("# B, changed\n", encoding="utf-8")
    (repo / "outside.txt").write_text("y\n", encoding="utf-8")
    _commit(repo, "second", "2025-01-15T12:00:00+00:00")
    revisions = citation.read_revisions(docs)
    assert revisions is not None
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    assert revisions.commit == head
    # Paths relative to the source directory, as Sphinx names them; files outside it ignored.
    assert revisions.dates == {"a.md": datetime.date(2024, 3, 1),
                               "b.md": datetime.date(2025, 1, 15)}
    assert revisions.dirty == set()
    (docs / "a.md").write_text("# A, edited\n", encoding="utf-8")
    (docs / "new.md").write_text("# New\n", encoding="utf-8")
    assert citation.read_revisions(docs).dirty == {"a.md", "new.md"}


def test_outside_git_there_is_no_revision(tmp_path: Path) -> None:
    require_git()
    assert citation.read_revisions(tmp_path) is None


# -- one page's citation --------------------------------------------------------------------

def _page(title: str = "Reactions",
          commit: str | None = "0123456789abcdef") -> citation.PageCitation:
    return citation.PageCitation(
        key="Edition:reactions", title=title, edition=EDITION,
        url="https://example.org/edition/reactions.html",
        changed=datetime.date(2026, 11, 27), commit=commit, modified=False,
        description="What the governments said.", language="en", authors=EDITION.authors)


def test_bibtex_is_biblatex_online_with_urldate() -> None:
    from pybtex.database import parse_string

    entry = parse_string(_page().bibtex("2026-12-01"), "bibtex").entries["Edition:reactions"]
    assert entry.type == "online"
    assert entry.fields["title"] == "Reactions"
    assert entry.fields["urldate"] == "2026-12-01"
    assert entry.fields["date"] == "2026-11-27"
    assert entry.fields["url"] == "https://example.org/edition/reactions.html"
    assert entry.fields["version"] == EDITION.version
    assert "0123456789abcdef" in entry.fields["note"]
    assert [str(p) for p in entry.persons["author"]] == ["{Wikipedia contributors}"]


def test_ris_is_an_electronic_source() -> None:
    import rispy

    text = _page().ris("2026/12/01/")
    assert text.startswith("TY  - ELEC")  # no record counter before it
    (record,) = rispy.loads(text)
    assert record["title"] == "Reactions"
    assert record["urls"] == ["https://example.org/edition/reactions.html"]
    assert record["access_date"] == "2026/12/01/"
    assert record["authors"] == ["Wikipedia contributors"]


def test_csl_json_renders_in_every_style() -> None:
    item = _page().csl(datetime.date(2026, 12, 1))
    assert json.loads(json.dumps(item))["issued"] == {"date-parts": [[2026, 11, 27]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 1]]}
    styled = {label: _page().styled(style) for label, style in citation.STYLES.items()}
    assert styled["APA"].startswith("Wikipedia contributors. (2026, November 27). <i>Reactions</i>")
    # Chicago and MLA: the period inside the quotes, the version with its commit.
    assert "“Reactions.”" in styled["Chicago"] and "“Reactions.”" in styled["MLA"]
    assert f"Version {EDITION.version}, commit 0123456789" in styled["MLA"]
    for text in styled.values():
        assert "https://example.org/edition/reactions.html" in text


def test_titles_are_escaped_everywhere() -> None:
    page = _page(title='Sieges </script> & "<b>quotes</b>"')
    for text in (page.styled("apa"), page.styled("modern-language-association")):
        assert "&lt;/script&gt;" in text and "&amp;" in text and "<b>" not in text
    head = citation.head_tags(page, "https://example.org/edition/")
    assert "</script> &" not in head and "\\u003c/script>" in head
    assert 'content="Sieges &lt;/script&gt; &amp; &quot;&lt;b&gt;quotes&lt;/b&gt;&quot;"' in head
    box = citation.cite_box(page, "en")
    assert "<b>quotes" not in box and "</script> &" not in box


def test_the_cite_box_marks_the_access_date_for_the_reader() -> None:
    box = BeautifulSoup(citation.cite_box(_page(), "en"), "html.parser")
    formats = {span["data-format"]: span.get_text() for span in box.select(".cite-accessed")}
    # Until the page script puts in today's date, the page's own date stands in.
    assert formats == {"iso": "2026-11-27", "ris": "2026/11/27/", "csl": "2026, 11, 27"}
    json.loads(box.find(id="cite-csl").get_text())  # still valid JSON around the marker
    copy = [b["data-copy"] for b in box.select("button.cite-copy")]
    assert copy == ["cite-apa", "cite-chicago", "cite-mla", "cite-bibtex", "cite-ris", "cite-csl"]
    assert all(box.find(id=target) for target in copy)
    assert box.find(role="status")["aria-live"] == "polite"


# -- the site ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(site_app: SphinxTestApp) -> SphinxTestApp:
    return site_app


def _meta(page: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in page.head.find_all("meta", attrs={"name": name})] + \
        [m["content"] for m in page.head.find_all("meta", attrs={"property": name})]


@pytest.mark.slow
def test_every_page_carries_its_citation_metadata(site: SphinxTestApp) -> None:
    env = site.env
    base = site.config.html_baseurl
    revisions = citation.read_revisions(DOCS)
    for docname in sorted(env.found_docs):
        html = (Path(site.outdir) / f"{docname}.html").read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        title = env.titles[docname].astext()
        url = f"{base}{docname}.html"
        assert html.count('name="viewport"') == 1, docname
        assert _meta(page, "citation_title") == [title], docname
        assert _meta(page, "citation_author") == ["Wikipedia contributors"], docname
        assert _meta(page, "citation_public_url") == [url]
        assert page.head.find("link", rel="canonical")["href"] == url
        assert _meta(page, "citation_language") == ["en"]
        assert _meta(page, "citation_publisher") == ["The factcheck team"]
        assert _meta(page, "og:type") == ["website"]
        assert _meta(page, "citation_pdf_url") == []
        (date,) = _meta(page, "citation_publication_date")
        assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", date)
        if revisions is not None and str(env.doc2path(docname, False)) in revisions.dates:
            # At least the date of the page's own last commit (a dependency may be newer).
            own = revisions.dates[str(env.doc2path(docname, False))]
            assert date >= own.strftime("%Y/%m/%d"), docname
        data = json.loads(page.head.find("script", type="application/ld+json").string)
        assert data["@type"] == "Article" and data["headline"] == title
        assert data["license"] == EDITION.licence[1]
        assert data["url"] == url and data["inLanguage"] == "en"
        assert data["datePublished"] == EDITION.published.isoformat()
        assert data["isBasedOn"]["url"] == EDITION.based_on["url"]
        # The cite box: the page's own title and address in every format.
        box = page.find(id="cite-this-page")
        assert box is not None, docname
        from pybtex.database import parse_string

        bib = parse_string(box.find(id="cite-bibtex").get_text(), "bibtex")
        (entry,) = bib.entries.values()
        assert entry.type == "online" and entry.fields["title"] == title
        assert entry.fields["url"] == url and "urldate" in entry.fields
        assert json.loads(box.find(id="cite-csl").get_text())[0]["URL"] == url
        assert f"TI  - {title}" in box.find(id="cite-ris").get_text()
        assert url in box.find(id="cite-apa").get_text()
    for extra in ("search", "genindex"):
        page = BeautifulSoup((Path(site.outdir) / f"{extra}.html").read_text("utf-8"),
                             "html.parser")
        assert page.find(id="cite-this-page") is None
        assert _meta(page, "citation_title") == []

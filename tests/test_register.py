"""What the facts file generates: fact notes, the facts register, the timeline, source checks and
the site's charts, on real Sphinx builds.

The test roots use real prose and real figures nobody here wrote: NASA's account of Apollo 11
(``test-register``) and the lunar samples of the six Apollo landings (``test-charts``).  Expected
values are read from the roots' own facts files, never typed twice; the built HTML is parsed with
BeautifulSoup.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from test_extension import notes_of, warnings_of

from factcheck.collector import get_domain
from factcheck.facts import load_facts
from factcheck.render import render_value

ROOTS = Path(__file__).parent / "roots"
DOCS = Path(__file__).resolve().parent.parent / "docs"


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{docname}.html").read_text("utf-8"), "html.parser")


def fact_line(srcdir: Path, fact_id: str) -> int:
    lines = (srcdir / "facts.yaml").read_text(encoding="utf-8").splitlines()
    return lines.index(f"{fact_id}:") + 1


def expected_order(facts_file) -> list[str]:
    """Date facts by the first day they stand for (a decade by its first year)."""
    dated = [f for f in facts_file.facts.values() if f.value.kind == "date"]
    return [f.id for f in sorted(dated, key=lambda f: f.value.span()[0])]


# -- sources -------------------------------------------------------------------------------

@pytest.mark.sphinx("html", testroot="register", freshenv=True)
def test_an_unknown_source_is_one_located_warning(app: SphinxTestApp) -> None:
    app.build()
    srcdir = Path(app.srcdir)
    assert warnings_of(app) == [
        ("facts.yaml", fact_line(srcdir, "splashdown"), "source",
         "fact 'splashdown' names the source 'nasa1969reprot', which is not in the bibliography "
         "(did you mean 'nasa1969report'?)"),
    ]
    # A key in other letter case names the same BibTeX entry; the unused fact is only a note.
    assert [n[:3] for n in notes_of(app) if "never stated" in n[3]] == [
        ("facts.yaml", fact_line(srcdir, "last-landing"), "note")]


def test_without_a_bibliography_no_source_can_be_checked(make_app, rootdir: Path,
                                                         tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-register", srcdir)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"sphinxcontrib.bibtex", ', ""),
                    encoding="utf-8")
    (srcdir / "sources.md").write_text("# Sources\n\nNone.\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    message = ("fact {!r} names the source {!r}, but the project has no bibliography to check it "
               "against (add 'sphinxcontrib.bibtex' and bibtex_bibfiles)")
    assert warnings_of(app) == [
        ("facts.yaml", fact_line(srcdir, fact), "source", message.format(fact, key))
        for fact, key in (("launch", "nasa1969report"), ("landing", "NASA1969Report"),
                          ("splashdown", "nasa1969reprot"))
    ]


# -- fact notes ----------------------------------------------------------------------------

@pytest.mark.sphinx("html", testroot="register", freshenv=True)
def test_each_mention_opens_a_note_with_value_label_and_source(app: SphinxTestApp) -> None:
    app.build()
    facts = load_facts(Path(app.srcdir) / "facts.yaml").facts
    page = soup(app, "mission")
    # The title's mention is the first on the page, the sentence's the second.
    first, second = page.select('span.fact[data-fact="landing"][id]')
    assert (first["id"], second["id"]) == ("fact-landing", "fact-landing-2")
    button = second.find("button", class_="fact-figure")
    assert button.get_text() == "July 20, 1969"
    assert button["popovertarget"] == "fact-landing-2-note"
    note = second.find(class_="fact-note")
    assert note["id"] == "fact-landing-2-note" and note.has_attr("popover")
    assert note.find("data")["value"] == facts["landing"].value.describe()
    assert note.find("data").get_text() == "July 20, 1969"
    assert note.find(class_="fact-note-label").get_text() == facts["landing"].label
    source = note.find(class_="fact-note-source")
    assert source.a["href"] == "sources.html#nasa1969report"
    assert source.get_text(" ", strip=True) == "Source Manned Spacecraft Center 1969 , p. 9"
    assert note.find("a", string="Link to this mention")["href"] == "#fact-landing-2"
    assert note.find("a", string="All mentions in the facts register")["href"] == \
        "register.html#fact-landing"
    # A rendered fact: the canonical value; pages "3–5" read "pp.".
    launch = page.find("span", id="fact-launch")
    assert launch.button.get_text() == "July 16, 1969"
    assert "Manned Spacecraft Center 1969, pp. 3–5" in launch.find(class_="fact-note-source")\
        .get_text(" ", strip=True).replace(" ,", ",")
    # No source, and a source the bibliography lacks (warned): said, not invented.
    crew = page.find("span", id="fact-crew-2")
    assert crew.find(class_="fact-note-nosource").get_text() == "No source recorded"
    splash = page.find("span", id="fact-splashdown")
    assert splash.find(class_="fact-note-source").get_text(" ", strip=True) == \
        "Source nasa1969reprot"
    # Ids are for links, not for reading.
    assert not page.select(".fact-note-id")


@pytest.mark.sphinx("html", testroot="register", freshenv=True)
def test_labels_are_escaped_and_ids_unique(app: SphinxTestApp) -> None:
    app.build()
    raw = (Path(app.outdir) / "mission.html").read_text("utf-8")
    assert "Astronauts on board &lt;Armstrong, Aldrin &amp; Collins&gt;" in raw
    assert "<Armstrong" not in raw
    for docname in ("index", "mission", "register", "timeline", "sources"):
        ids = [tag["id"] for tag in soup(app, docname).find_all(id=True)]
        assert [i for i, n in Counter(ids).items() if n > 1] == [], docname


@pytest.mark.sphinx("html", testroot="register", freshenv=True)
def test_copies_of_a_title_show_only_its_text(app: SphinxTestApp) -> None:
    """The navigation, the page's <title> and links show a heading's figure as text: no button,
    no note, no second anchor."""
    app.build()
    mission = soup(app, "mission")
    assert mission.title.get_text() == "The landing of July 20 — Apollo 11  documentation"
    index = soup(app, "index")
    # The index's own mentions open notes; its navigation's copy of the mission title does not.
    assert {n.find_parent("span", class_="fact")["data-fact"]
            for n in index.select(".fact-note")} == {"launch", "program"}
    nav = [a for a in index("a") if "The landing of July 20" in a.get_text()]
    assert nav and all(a.button is None and not a.select("[id]") for a in nav)
    # A figure inside a link: anchored, but no button inside <a>.
    crew = mission.find("span", id="fact-crew")
    assert crew.find_parent("a") is not None and crew.button is None


@pytest.mark.sphinx("html", testroot="register", freshenv=True,
                    confoverrides={"factcheck_html_show_ids": True})
def test_ids_are_shown_when_asked(app: SphinxTestApp) -> None:
    app.build()
    note = soup(app, "mission").find("span", id="fact-samples").find(class_="fact-note")
    assert note.find(class_="fact-note-id").code.get_text() == "samples"


def test_a_changed_source_rewrites_the_notes_that_show_it(make_app, rootdir: Path,
                                                          tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-register", srcdir)
    build = tmp_path / "build"
    make_app("html", srcdir=srcdir, builddir=build, freshenv=True).build()
    facts = srcdir / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("pages: 3–5", "pages: 3–6"),
                     encoding="utf-8")
    app = make_app("html", srcdir=srcdir, builddir=build)
    app.build()
    note = soup(app, "mission").find("span", id="fact-launch").find(class_="fact-note-source")
    assert note.get_text(" ", strip=True).replace(" ,", ",").endswith("1969, pp. 3–6")


# -- the register --------------------------------------------------------------------------

def _register_links(app: SphinxTestApp) -> dict[str, list[str]]:
    rows = soup(app, "register").select("table.factcheck-register tbody tr")
    return {row["id"].removeprefix("fact-"): [a["href"] for a in row.find_all("td")[3]("a")]
            for row in rows}


@pytest.mark.sphinx("html", testroot="register", freshenv=True)
def test_register_lists_every_fact_and_links_every_mention(app: SphinxTestApp) -> None:
    app.build()
    facts = load_facts(Path(app.srcdir) / "facts.yaml").facts
    links = _register_links(app)
    assert list(links) == list(facts)  # every fact, in the facts file's order
    # One link per mention the check collected (stated or rendered), to the page it is on.
    mentions = Counter(
        (docname, fact_id) for docname, ms in get_domain(app.env).mentions.items()
        for m in ms if m.kind in ("stated", "rendered") for fact_id in m.fact_ids)
    linked = Counter((href.split(".html")[0], fact_id)
                     for fact_id, hrefs in links.items() for href in hrefs)
    assert linked == mentions
    # Every link lands on an element of its page.
    for hrefs in links.values():
        for href in hrefs:
            page, anchor = href.split("#")
            assert soup(app, page.removesuffix(".html")).find(id=anchor) is not None, href
    rows = {row["id"]: row for row in soup(app, "register").select("tbody tr")}
    assert rows["fact-last-landing"].find_all("td")[3].get_text() == "not stated on any page"
    assert rows["fact-crew"].find_all("td")[2].get_text() == "no source recorded"
    source = rows["fact-launch"].find_all("td")[2]
    assert source.a["href"] == "sources.html#nasa1969report"
    assert source.get_text() == "Manned Spacecraft Center 1969, pp. 3–5"
    assert rows["fact-crew"].code.get_text() == "crew"


@pytest.mark.sphinx("html", testroot="register", freshenv=True)
def test_register_downloads_hold_the_same_data(app: SphinxTestApp) -> None:
    app.build()
    facts = load_facts(Path(app.srcdir) / "facts.yaml").facts
    outdir = Path(app.outdir)
    links = _register_links(app)
    with open(outdir / "facts.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == list(facts)
    assert {r["id"]: r["value"] for r in rows} == {i: f.value.describe() for i, f in facts.items()}
    assert {r["id"]: r["label"] for r in rows} == {i: f.label for i, f in facts.items()}
    assert {r["id"]: r["stated_on"].split() for r in rows} == links
    dataset = json.loads((outdir / "facts.json").read_text(encoding="utf-8"))
    assert dataset["license"] == "CC0 1.0"
    assert [f["id"] for f in dataset["facts"]] == list(facts)
    assert {f["id"]: f["source"] for f in dataset["facts"]}["landing"] == "NASA1969Report"
    # The register page links both files and names the licence.
    para = soup(app, "register").find(class_="factcheck-downloads")
    assert [a["href"] for a in para("a")][:2] == ["facts.csv", "facts.json"]
    assert "CC0 1.0" in para.get_text()


@pytest.mark.sphinx("html", testroot="register", freshenv=True)
def test_timeline_lists_every_date_fact_in_order(app: SphinxTestApp) -> None:
    app.build()
    facts_file = load_facts(Path(app.srcdir) / "facts.yaml")
    items = soup(app, "timeline").select("ol.factcheck-timeline > li")
    assert [li["id"].removeprefix("timeline-") for li in items] == expected_order(facts_file)
    texts = {li["id"].removeprefix("timeline-"): li for li in items}
    assert texts["program"].strong.get_text() == "1960s"
    assert texts["last-landing"].strong.get_text() == "December 1972"
    assert "Discussed in" not in texts["last-landing"].get_text()
    assert [a["href"] for a in texts["landing"]("a")] == ["mission.html#fact-landing",
                                                        "mission.html#fact-landing-2"]
    assert facts_file.facts["landing"].label in texts["landing"].get_text()


def test_parallel_build_registers_the_same_places(make_app, rootdir: Path,
                                                  tmp_path: Path) -> None:
    """Places are merged from parallel readers: -j 2 gives the register -j 1 gives."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-register", srcdir)
    extra = [f"more{i}" for i in range(6)]
    for name in extra:
        (srcdir / f"{name}.md").write_text(
            f"# More {name[-1]}\n\nThe crew of {{fact}}`three <crew>` landed on "
            "{fact}`July 20, 1969 <landing>`.\n", encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "sources\n", "sources\n" + "\n".join(extra) + "\n"), encoding="utf-8")
    tables = []
    for parallel in (1, 2):
        app = make_app("html", srcdir=srcdir, builddir=tmp_path / f"build-{parallel}",
                       freshenv=True, parallel=parallel)
        app.build()
        tables.append(str(soup(app, "register").find("table")))
        app.cleanup()
    assert tables[0] == tables[1]
    assert tables[0].count('href="more3.html#fact-crew"') == 1


# -- charts (docs/_ext/charts.py) ----------------------------------------------------------

def _svg_text(app: SphinxTestApp, img) -> list[str]:
    svg = (Path(app.outdir) / img["src"]).read_text(encoding="utf-8")
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


@pytest.mark.sphinx("html", testroot="charts", freshenv=True)
def test_charts_show_the_facts_file(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert "WARNING" not in app.warning.getvalue()
    facts = load_facts(Path(app.srcdir) / "facts.yaml").facts
    page = soup(app, "index")
    bars = page.find(id="fig-samples").img
    labels = _svg_text(app, bars)
    missions = ("11", "12", "14", "15", "16", "17")
    for mission in missions:
        value = facts[f"apollo-{mission}-samples"].written
        assert value in labels  # the bar's label
        assert f"Apollo {mission} (" in bars["alt"] and f"): {value}" in bars["alt"]
    # The table: one row per landing, then the total, all from the facts file.
    rows = [[td.get_text() for td in tr("td")] for tr in page.find(id="table-samples")("tr")[1:]]
    assert rows == [[f"Apollo {m}", facts[f"apollo-{m}-samples"].written] for m in missions] + \
        [["All six landings", facts["samples-total"].written]]
    timeline = page.find(id="fig-landings").img
    assert timeline["alt"].startswith("Timeline of the 6 dated events in the facts file")
    assert [t for t in _svg_text(app, timeline) if t.isdigit() and len(t) == 1] == \
        ["1", "2", "3", "4", "5", "6"]


def test_a_changed_fact_changes_the_chart_and_a_wrong_total_warns(make_app, rootdir: Path,
                                                                  tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-charts", srcdir)
    facts = srcdir / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("110.5", "110.4"),
                     encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    bars = soup(app, "index").find(id="fig-samples").img
    assert "110.4" in _svg_text(app, bars) and "110.5" not in _svg_text(app, bars)
    assert "Apollo 17 (Dec 11, 1972): 110.4" in bars["alt"]
    warning = app.warning.getvalue()
    assert "fact-sum-table: the rows add up to 381.5, but fact 'samples-total' gives the total " \
           "as 381.6" in warning
    assert "[charts.sum]" in warning


# -- the site ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(site_app: SphinxTestApp) -> SphinxTestApp:
    return site_app


@pytest.mark.slow
def test_site_register_and_timeline_cover_the_facts_file(site: SphinxTestApp) -> None:
    facts_file = load_facts(DOCS / "facts.yaml")
    assert list(_register_links(site)) == list(facts_file.facts)
    items = soup(site, "timeline").select("ol.factcheck-timeline > li")
    assert [li["id"].removeprefix("timeline-") for li in items] == expected_order(facts_file)
    for li in items:
        assert li("a"), f"{li['id']} links to no page"


@pytest.mark.slow
def test_site_troop_chart_and_bases_table_come_from_the_facts(site: SphinxTestApp) -> None:
    facts = load_facts(DOCS / "facts.yaml").facts
    page = soup(site, "figures")
    chart = page.find(id="fig-troops").img
    shown = ("troops-demanded", "troops-first-reduction", "troops-final", "bases-personnel")
    labels = _svg_text(site, chart)
    for fact_id in shown:
        assert facts[fact_id].written in labels
        assert facts[fact_id].written in chart["alt"]
    assert facts["lithuanian-army-soldiers"].written in chart["alt"]
    rows = [[td.get_text() for td in tr("td")]
            for tr in page.find(id="table-bases-total")("tr")[1:]]
    bases = ("alytus", "prienai", "gaiziunai", "naujoji-vilnia")
    # The total is derived (the sum of the four facts), so it shows the computed value.
    assert [r[1] for r in rows] == [facts[f"base-{b}-troops"].written for b in bases] + \
        [render_value(facts["bases-troops-sum"].value)]
